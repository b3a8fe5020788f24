//! Helpers shared by the topic modules: running the built binary, reading
//! its output, scratch directories and the text key the gold files are
//! matched by.

use std::path::PathBuf;
use std::process::{Command, Output};

use std::collections::BTreeSet;

use qostil::model::{Document, Lang};

/// The held-out legal sets (`fixtures/heldout_legal*`): policies written
/// blind to the rules, each scored once, with hand-made legal gold.
pub const HELD_OUT_LEGAL: &[&str] = &[
    "fixtures/heldout_legal",
    "fixtures/heldout_legal2",
    "fixtures/heldout_legal3",
    "fixtures/heldout_legal4",
    "fixtures/heldout_legal5",
    "fixtures/heldout_legal6",
    "fixtures/heldout_legal7",
    "fixtures/heldout_legal8",
    "fixtures/heldout_legal9",
    "fixtures/heldout_legal10",
    "fixtures/heldout_legal11",
    "fixtures/heldout_legal12",
    "fixtures/heldout_legal13",
    "fixtures/heldout_legal14",
    "fixtures/heldout_legal15",
    "fixtures/heldout_legal16",
    "fixtures/heldout_legal17",
    "fixtures/heldout_legal18",
    "fixtures/heldout_legal19",
];

/// The policy beside a hand-written legal gold `NAME.gold.json`, as the
/// files `qostil rights` reads: `NAME.txt`, or `NAME.md`, `NAME.html`,
/// `NAME.docx`, `NAME.csv`, `NAME.tsv`, `NAME.pdf` (a hand-written source
/// `NAME.src.*` is not the policy), or a policy published as two files, `NAME_kk.*` and
/// `NAME_ru.*` (set 14).
pub fn policy_of(gold: &std::path::Path) -> Vec<String> {
    let g = gold.to_string_lossy();
    let stem = g.trim_end_matches(".gold.json");
    let exts = ["txt", "md", "html", "docx", "csv", "tsv", "pdf"];
    let find = |stem: &str| {
        exts.iter()
            .map(|ext| format!("{stem}.{ext}"))
            .find(|p| std::path::Path::new(p).exists())
    };
    if let Some(one) = find(stem) {
        return vec![one];
    }
    match (find(&format!("{stem}_kk")), find(&format!("{stem}_ru"))) {
        (Some(kk), Some(ru)) => vec![kk, ru],
        _ => panic!("no policy beside {g}"),
    }
}

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

/// Alignment precision and recall of `doc` against gold links (a one-sided
/// clause links to nothing); `gold_clauses` are the clauses the gold
/// names, `unresolved` gold links no clause could be found for (they count
/// as missed). Precision is over the produced links touching a gold
/// clause. Each miss and wrong link is added to `notes`.
pub fn score_links(
    doc: &Document,
    gold_links: &BTreeSet<Link>,
    gold_clauses: &BTreeSet<usize>,
    unresolved: usize,
    notes: &mut Vec<String>,
) -> (f64, f64) {
    let pred = predicted_links(doc);
    let relevant: Vec<&Link> = pred
        .iter()
        .filter(|(k, r)| {
            k.is_some_and(|k| gold_clauses.contains(&k))
                || r.is_some_and(|r| gold_clauses.contains(&r))
        })
        .collect();
    let hit = gold_links.intersection(&pred).count();
    let recall = hit as f64 / (gold_links.len() + unresolved).max(1) as f64;
    let correct = relevant.iter().filter(|l| gold_links.contains(l)).count();
    let precision = correct as f64 / relevant.len().max(1) as f64;
    let cite = |i: Option<usize>| i.map_or("-".to_string(), |i| doc.clauses[i].id.clone());
    for l in gold_links {
        if !pred.contains(l) {
            notes.push(format!("missed gold {} ~ {}", cite(l.0), cite(l.1)));
        }
    }
    for l in relevant {
        if !gold_links.contains(l) {
            notes.push(format!("wrong link {} ~ {}", cite(l.0), cite(l.1)));
        }
    }
    (precision, recall)
}

/// The links a document's alignment produces: every kk × ru clause of a
/// pair, and each clause of a one-sided pair with nothing.
fn predicted_links(doc: &Document) -> BTreeSet<Link> {
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

/// Where the occurrence of `needle` at byte `offset` of a clause's text is
/// in the source: the k-th occurrence in the clause text is the k-th in its
/// segments (whitespace may differ elsewhere, not inside the needle).
pub fn locate_nth(
    doc: &Document,
    clause: usize,
    needle: &str,
    offset: usize,
) -> Option<(usize, usize)> {
    let c = &doc.clauses[clause];
    let k = c
        .text
        .match_indices(needle)
        .position(|(i, _)| i == offset)?;
    let hits: Vec<usize> = c
        .segments
        .iter()
        .flat_map(|s| {
            doc.source.text[s.start..s.end]
                .match_indices(needle)
                .map(move |(i, _)| s.start + i)
        })
        .collect();
    if hits.len() != c.text.matches(needle).count() {
        return None;
    }
    hits.get(k).map(|&a| (a, a + needle.len()))
}

/// The unseen-layout fixtures (`fixtures/unseen/`): each gold file's path
/// and the path of the document beside it, sorted by gold path.
pub fn unseen_gold() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir("fixtures/unseen")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|gold| {
            let g = gold.to_string_lossy().to_string();
            let stem = g.trim_end_matches(".gold.json");
            let doc = ["txt", "md", "csv", "tsv", "html", "pdf"]
                .iter()
                .map(|e| format!("{stem}.{e}"))
                .find(|p| std::path::Path::new(p).exists())
                .unwrap_or_else(|| panic!("{g}: no document beside it"));
            (g, doc)
        })
        .collect()
}

/// A document's pairs as (kk clause ids, ru clause ids).
pub fn pair_ids(doc: &Document) -> Vec<(Vec<String>, Vec<String>)> {
    doc.pairs
        .iter()
        .map(|p| {
            (
                p.kk.iter().map(|&i| doc.clauses[i].id.clone()).collect(),
                p.ru.iter().map(|&i| doc.clauses[i].id.clone()).collect(),
            )
        })
        .collect()
}

/// Pairs as «kk ids | ru ids», ids joined by `+`, an empty side as `-`.
pub fn pairs(doc: &Document) -> Vec<String> {
    let side = |v: &[usize]| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.iter()
                .map(|&i| doc.clauses[i].id.as_str())
                .collect::<Vec<_>>()
                .join("+")
        }
    };
    doc.pairs
        .iter()
        .map(|p| format!("{} | {}", side(&p.kk), side(&p.ru)))
        .collect()
}

/// Pairs «kk:X | ru:X» for each number X, as [`pairs`] writes them.
pub fn same(numbers: &[&str]) -> Vec<String> {
    numbers.iter().map(|n| format!("kk:{n} | ru:{n}")).collect()
}

// ---------------------------------------------------------------------
// Gold pairs in TSV: one kk↔ru correspondence a line, each side a clause
// number and/or the first words of the clause, `-` for an empty side
// (`../shared/real/*.gold.tsv` and `fixtures/cases/*.gold.tsv`).

/// A gold side: an optional leading number («5.», «2.1») and the words.
pub fn gold_side(field: &str) -> Option<(Option<String>, String)> {
    let f = field.trim();
    if f.is_empty() || f == "-" {
        return None;
    }
    let first = f.split_whitespace().next().unwrap_or("");
    // An item's number: «4.1(2)».
    let path = match first.strip_suffix(')').and_then(|x| x.split_once('(')) {
        Some((path, item)) if !item.is_empty() && item.chars().all(|c| c.is_ascii_digit()) => path,
        _ => first,
    };
    let is_number = path
        .trim_end_matches('.')
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && p.len() <= 3);
    // A list label («1)», «а)») is not in the clause's body.
    let label = first
        .strip_suffix(')')
        .is_some_and(|l| l.chars().all(|c| c.is_ascii_digit()) || l.chars().count() == 1)
        && first.len() > 1;
    if is_number {
        let number = first.trim_end_matches('.').to_string();
        let rest = f[first.len()..].trim().to_string();
        Some((Some(number), rest))
    } else if label {
        Some((None, f[first.len()..].trim().to_string()))
    } else {
        Some((None, f.to_string()))
    }
}

/// The clause of `lang` a gold side names: its words found at (or near)
/// the start of the clause's text, the number agreeing where given; the
/// first such clause at or after `from` in reading order (gold lines are
/// in reading order), else the best anywhere.
pub fn resolve_gold(doc: &Document, lang: Lang, side: &(Option<String>, String)) -> Option<usize> {
    let (number, words) = side;
    let k = key(words);
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in doc
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.lang == lang)
    {
        let body = key(c.body());
        let pos = if k.is_empty() { Some(0) } else { body.find(&k) };
        let Some(pos) = pos else { continue };
        let number_ok = match number {
            Some(n) => c.number.as_deref() == Some(n.as_str()),
            None => true,
        };
        let rank = pos + if number_ok { 0 } else { 10_000 } + if pos <= 16 { 0 } else { 1000 };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Alignment precision and recall against a TSV gold (header line first).
/// Recall: gold links produced; precision: produced links touching a gold
/// clause that are gold.
pub fn score_tsv(doc: &Document, gold: &str) -> (f64, f64, Vec<String>) {
    let mut notes = Vec::new();
    let mut gold_links: BTreeSet<Link> = BTreeSet::new();
    let mut gold_clauses: BTreeSet<usize> = BTreeSet::new();
    let mut unresolved = 0;
    // `#` lines are comments; the first other line is the header.
    let lines = gold
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    for line in lines.skip(1) {
        let mut f = line.split('\t');
        let (k, r) = (f.next().unwrap_or(""), f.next().unwrap_or(""));
        let kk = gold_side(k).map(|s| resolve_gold(doc, Lang::Kk, &s));
        let ru = gold_side(r).map(|s| resolve_gold(doc, Lang::Ru, &s));
        match (kk, ru) {
            (Some(None), _) | (_, Some(None)) => {
                unresolved += 1;
                notes.push(format!("unresolved gold line «{line}»"));
            }
            (k, r) => {
                let (k, r) = (k.flatten(), r.flatten());
                gold_links.insert((k, r));
                gold_clauses.extend(k);
                gold_clauses.extend(r);
            }
        }
    }
    let (precision, recall) = score_links(doc, &gold_links, &gold_clauses, unresolved, &mut notes);
    (precision, recall, notes)
}
