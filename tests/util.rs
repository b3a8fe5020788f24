//! Helpers shared by the topic modules: running the built binary, reading
//! its output, scratch directories and the text key the gold files are
//! matched by.

use std::path::PathBuf;
use std::process::{Command, Output};

use std::collections::BTreeSet;

use qostil::model::Document;

/// Run the built `qostil` binary with `args`.
pub fn qostil(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qostil"))
        .args(args)
        .output()
        .expect("run qostil")
}

/// Run the built `qostil` binary with `args` and `input` on standard input.
pub fn qostil_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qostil"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty scratch directory. All modules run in one process, so
/// `name` must be unique across the whole test binary.
pub fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qostil-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Lower-case letters and digits only: how a gold snippet is found in a
/// clause's text whatever the spacing and punctuation.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Nothing is lost: every span is inside the text, no non-whitespace byte
/// is in two spans (clause segments and dropped spans), and every
/// non-whitespace character is in one of them. Returns (covered, total)
/// non-whitespace characters, which are then equal.
pub fn assert_nothing_lost(name: &str, doc: &Document) -> (usize, usize) {
    let text = &doc.source.text;
    let mut owner = vec![0u8; text.len()];
    let spans = doc
        .clauses
        .iter()
        .flat_map(|c| c.segments.iter())
        .chain(doc.dropped.iter().map(|d| &d.span));
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{name}: bad span {s:?}"
        );
        for (i, o) in owner[s.start..s.end].iter_mut().enumerate() {
            let ch = text.as_bytes()[s.start + i];
            assert!(
                *o == 0 || ch.is_ascii_whitespace(),
                "{name}: byte {} is in two spans",
                s.start + i
            );
            *o = 1;
        }
    }
    let (mut total, mut covered) = (0usize, 0usize);
    let mut lost = String::new();
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            continue;
        }
        total += 1;
        if owner[i] == 1 {
            covered += 1;
        } else if lost.len() < 200 {
            lost.push_str(&format!("{ch:?}@{i} "));
        }
    }
    assert_eq!(
        covered,
        total,
        "{name}: {} non-whitespace characters in no clause and not dropped: {lost}",
        total - covered
    );
    (covered, total)
}

/// An alignment link: (kk clause, ru clause) indices, one side empty for a
/// one-sided clause.
pub type Link = (Option<usize>, Option<usize>);

/// The links a document's alignment produces: every kk × ru clause of a
/// pair, and each clause of a one-sided pair with nothing.
pub fn predicted_links(doc: &Document) -> BTreeSet<Link> {
    let mut pred = BTreeSet::new();
    for p in &doc.pairs {
        match (p.kk.is_empty(), p.ru.is_empty()) {
            (false, false) => {
                for &k in &p.kk {
                    for &r in &p.ru {
                        pred.insert((Some(k), Some(r)));
                    }
                }
            }
            (false, true) => pred.extend(p.kk.iter().map(|&k| (Some(k), None))),
            (true, false) => pred.extend(p.ru.iter().map(|&r| (None, Some(r)))),
            _ => {}
        }
    }
    pred
}

/// Produced links that touch a gold clause: the ones precision is measured
/// over.
pub fn relevant_links<'a>(
    pred: &'a BTreeSet<Link>,
    gold_clauses: &BTreeSet<usize>,
) -> Vec<&'a Link> {
    pred.iter()
        .filter(|(k, r)| {
            k.is_some_and(|k| gold_clauses.contains(&k))
                || r.is_some_and(|r| gold_clauses.contains(&r))
        })
        .collect()
}
