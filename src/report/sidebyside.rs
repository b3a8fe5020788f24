//! What the side-by-side views (Markdown, HTML) share: which findings
//! belong to which pair, and which spans of a pair differ.
//!
//! Differences are found by a word-level diff (the `similar` crate) of the
//! tokens both languages write alike: figures, Latin-script names, e-mails
//! and web addresses. Ordinary words are never compared across languages.
//!
//! Invariants: every finding is attached to exactly one pair, or to the
//! document when it names no clause; highlight ranges are byte ranges on
//! character boundaries of the side's text, sorted and disjoint.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{Document, Finding, Pair};

/// Findings per pair (in pair order), and the document-wide ones.
pub fn findings_by_pair(doc: &Document) -> (Vec<Vec<&Finding>>, Vec<&Finding>) {
    let mut per_pair: Vec<Vec<&Finding>> = vec![Vec::new(); doc.pairs.len()];
    let mut whole = Vec::new();
    let mut pair_of = std::collections::HashMap::new();
    for (pi, p) in doc.pairs.iter().enumerate() {
        for &i in p.kk.iter().chain(&p.ru) {
            pair_of.insert(doc.clauses[i].id.as_str(), pi);
        }
    }
    for f in &doc.findings {
        match f.clauses.first().and_then(|id| pair_of.get(id.id.as_str())) {
            Some(&pi) => per_pair[pi].push(f),
            None => whole.push(f),
        }
    }
    (per_pair, whole)
}

/// A token that reads the same in both languages.
fn shared_token(t: &str) -> bool {
    t.chars()
        .any(|c| c.is_ascii_digit() || c.is_ascii_alphabetic() || c == '@')
}

/// Shared tokens of a text with their byte ranges (whitespace-separated,
/// outer punctuation trimmed).
fn tokens(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split(' ') {
        let start = at;
        at += piece.len() + 1;
        let trimmed = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if trimmed.is_empty() || !shared_token(trimmed) {
            continue;
        }
        let off = piece.find(trimmed).unwrap_or(0);
        // The part both languages write alike: «18-ге» and «18» are one
        // figure, «№FTL-003/25» and «FTL-003/25» one number.
        let key: String = trimmed
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '/' | '-' | '_' | ':'))
            .collect::<String>()
            .trim_matches(['-', '.', '/', ':'])
            .to_lowercase();
        if key.is_empty() {
            continue;
        }
        out.push((key, start + off, start + off + trimmed.len()));
    }
    out
}

/// Byte ranges in a text.
pub type Ranges = Vec<(usize, usize)>;

/// Byte ranges of the shared tokens that the other side lacks, for each
/// side of a pair: (kk ranges, ru ranges).
pub fn diff_spans(kk: &str, ru: &str) -> (Ranges, Ranges) {
    let (a, b) = (tokens(kk), tokens(ru));
    let ka: Vec<&str> = a.iter().map(|t| t.0.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|t| t.0.as_str()).collect();
    let (mut ra, mut rb) = (Vec::new(), Vec::new());
    if ka.is_empty() || kb.is_empty() {
        // Nothing to compare against: no highlight rather than everything.
        return (ra, rb);
    }
    let (mut changed_a, mut changed_b) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        changed_a.extend(old);
        changed_b.extend(new);
    }
    // A token that only moved (the day before the year in one language,
    // after it in the other) is not a difference.
    let moved =
        |i: usize,
         mine: &[(String, usize, usize)],
         other: &[(String, usize, usize)],
         theirs: &[usize]| { theirs.iter().any(|&j| other[j].0 == mine[i].0) };
    for &i in &changed_a {
        if !moved(i, &a, &b, &changed_b) {
            ra.push((a[i].1, a[i].2));
        }
    }
    for &j in &changed_b {
        if !moved(j, &b, &a, &changed_a) {
            rb.push((b[j].1, b[j].2));
        }
    }
    (ra, rb)
}

/// The clause ids of one side of a pair, joined for display.
pub fn ids(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.clauses[i].cite().to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Whether a pair has clauses on both sides.
pub fn aligned(p: &Pair) -> bool {
    !p.kk.is_empty() && !p.ru.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_shared_tokens_are_compared() {
        let kk = "Деректер 30 күн ішінде info@a.kz арқылы жойылады.";
        let ru = "Данные уничтожаются в течение 31 дня через info@a.kz.";
        let (a, b) = diff_spans(kk, ru);
        assert_eq!(
            a.iter().map(|&(x, y)| &kk[x..y]).collect::<Vec<_>>(),
            ["30"]
        );
        assert_eq!(
            b.iter().map(|&(x, y)| &ru[x..y]).collect::<Vec<_>>(),
            ["31"]
        );
        assert_eq!(diff_spans("Сайт", "Сайт"), (vec![], vec![]));
        assert_eq!(
            diff_spans("18-ге толмаған", "младше 18 лет"),
            (vec![], vec![])
        );
    }
}
