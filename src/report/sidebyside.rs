//! What the side-by-side views (Markdown, HTML) share: which findings
//! belong to which pair, and which spans of a pair differ.
//!
//! Differences are found by a word-level diff (the `similar` crate) of the
//! tokens both languages write alike: figures, Latin-script names, e-mails
//! and web addresses. Ordinary words are never compared across languages.
//! Figures, dates and times compare by the canonical values extraction
//! gives them («1,500,000» and «1 500 000» are one token, so are
//! «2024-03-01» and «1 марта 2024 года», «09:00» and «9:00»), and an
//! alternative reading counts when the other side has it («1 марта»
//! against «2024 жылғы 1 наурыз»).
//!
//! Invariants: every finding is attached to exactly one pair, or to the
//! document when it names no clause; highlight ranges are byte ranges on
//! character boundaries of the side's text, sorted and disjoint.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{Document, EntityKind, Finding, Pair};

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

/// A token both languages write alike: its comparison key, its byte range
/// and the other keys it may mean.
#[derive(Debug, Clone)]
struct Token {
    key: String,
    start: usize,
    end: usize,
    alt: Vec<String>,
}

/// Shared tokens of a text with their byte ranges: figures, dates and
/// times as extraction reads them (a figure's range its digits, its key
/// its value), then every other whitespace-separated piece, outer
/// punctuation trimmed. Sorted by position.
fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for e in crate::extract::entities(text) {
        if e.implied || !(e.kind.is_figure() || e.kind == EntityKind::Date) {
            continue;
        }
        let written = &text[e.start..e.end];
        // A figure written in digits is marked on its digits only.
        let digits = written
            .char_indices()
            .take_while(|(_, c)| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | ',' | '.' | ':'
                    )
            })
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let digits = written[..digits]
            .trim_end_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}', ',', '.', ':'])
            .len();
        let end = if e.kind.is_figure() && digits > 0 {
            e.start + digits
        } else {
            e.end
        };
        let key = if e.kind.is_figure() {
            e.value.split(' ').next().unwrap_or(&e.value).to_string()
        } else {
            e.value.clone()
        };
        out.push(Token {
            key,
            start: e.start,
            end,
            alt: e.alt.clone(),
        });
    }
    let entities: Vec<(usize, usize)> = out.iter().map(|t| (t.start, t.end)).collect();
    let taken = |a: usize, b: usize| entities.iter().any(|&(x, y)| a < y && x < b);
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
        let (a, b) = (start + off, start + off + trimmed.len());
        if key.is_empty() || taken(a, b) {
            continue;
        }
        out.push(Token {
            key,
            start: a,
            end: b,
            alt: Vec::new(),
        });
    }
    out.sort_by_key(|t| (t.start, t.end));
    out
}

/// A token whose key the other side lacks takes an alternative reading
/// the other side has («1,125» is 1125 there; a full date is its year-less
/// form against «1 марта»).
fn adopt_alternatives(mine: &mut [Token], other: &[Token]) {
    for t in mine.iter_mut() {
        if other.iter().any(|o| o.key == t.key) {
            continue;
        }
        if let Some(a) = t.alt.iter().find(|a| other.iter().any(|o| o.key == **a)) {
            t.key = a.clone();
        }
    }
}

/// Byte ranges in a text.
pub type Ranges = Vec<(usize, usize)>;

/// Byte ranges of the shared tokens that the other side lacks, for each
/// side of a pair: (kk ranges, ru ranges).
pub fn diff_spans(kk: &str, ru: &str) -> (Ranges, Ranges) {
    let (mut a, mut b) = (tokens(kk), tokens(ru));
    let b0 = b.clone();
    adopt_alternatives(&mut b, &a);
    adopt_alternatives(&mut a, &b0);
    let ka: Vec<&str> = a.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|t| t.key.as_str()).collect();
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
    let moved = |i: usize, mine: &[Token], other: &[Token], theirs: &[usize]| {
        theirs.iter().any(|&j| other[j].key == mine[i].key)
    };
    let changed_a: Vec<usize> = changed_a
        .into_iter()
        .filter(|&i| !moved(i, &a, &b, &changed_b))
        .collect();
    let changed_b: Vec<usize> = changed_b
        .into_iter()
        .filter(|&j| !moved(j, &b, &a, &changed_a))
        .collect();
    // One address against one address: only the part where they differ.
    if let ([i], [j]) = (changed_a.as_slice(), changed_b.as_slice()) {
        let (x, y) = (&kk[a[*i].start..a[*i].end], &ru[b[*j].start..b[*j].end]);
        if is_address(x) && is_address(y) {
            let (dx, dy) = differing(x, y);
            return (
                vec![(a[*i].start + dx.0, a[*i].start + dx.1)],
                vec![(b[*j].start + dy.0, b[*j].start + dy.1)],
            );
        }
    }
    ra.extend(changed_a.iter().map(|&i| (a[i].start, a[i].end)));
    rb.extend(changed_b.iter().map(|&j| (b[j].start, b[j].end)));
    (ra, rb)
}

/// An e-mail or web address (not a figure).
fn is_address(t: &str) -> bool {
    t.contains('@') || t.contains("://") || t.starts_with("www.")
}

/// The byte ranges of two texts left once their common prefix and suffix
/// (whole characters) are taken off; never empty: an inserted piece is
/// widened to the character before it.
pub fn differing(x: &str, y: &str) -> ((usize, usize), (usize, usize)) {
    let prefix: usize = x
        .chars()
        .zip(y.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = x[prefix..]
        .chars()
        .rev()
        .zip(y[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let widen = |t: &str, a: usize, b: usize| {
        if a < b {
            (a, b)
        } else {
            // Nothing left on this side: mark the character before.
            let start = t[..a].chars().next_back().map_or(a, |c| a - c.len_utf8());
            let end = if start == a {
                t[a..].chars().next().map_or(a, |c| a + c.len_utf8())
            } else {
                a
            };
            (start, end)
        }
    };
    (
        widen(x, prefix, x.len() - suffix),
        widen(y, prefix, y.len() - suffix),
    )
}

/// The clause ids of one side of a pair, joined for display.
pub fn ids(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.clauses[i].cite().to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A pair's anchor in a page, made from its clause ids so that it is
/// stable for a given input and unique in the document (every clause is
/// in one pair): the ids of each side joined by `+`, the sides by `_`,
/// `:` written `-` and `#` written `~` (`kk:1.1|ru:1.1#2` is
/// `kk-1.1_ru-1.1~2`). Letters of the ids (`kk:1.2(а)`) are kept; the
/// page escapes the anchor like any text.
pub fn anchor(doc: &Document, p: &Pair) -> String {
    let ids =
        |idx: &[usize]| -> Vec<&str> { idx.iter().map(|&i| doc.clauses[i].id.as_str()).collect() };
    anchor_of(&ids(&p.kk), &ids(&p.ru))
}

/// [`anchor`] from the clause ids of each side.
pub fn anchor_of(kk: &[&str], ru: &[&str]) -> String {
    let side = |ids: &[&str]| {
        ids.iter()
            .map(|id| id.replace(':', "-").replace('#', "~"))
            .collect::<Vec<_>>()
            .join("+")
    };
    match (kk.is_empty(), ru.is_empty()) {
        (false, false) => format!("{}_{}", side(kk), side(ru)),
        (false, true) => side(kk),
        _ => side(ru),
    }
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

    #[test]
    fn two_addresses_are_marked_where_they_differ() {
        let kk = "Саясат: https://www.example.kz/documents/policy-2025-final.pdf және сілтеме.";
        let ru = "Политика: https://www.example.kz/documents/policy-2025-final-ru.pdf и ссылке.";
        let (a, b) = diff_spans(kk, ru);
        let marked = |t: &str, r: &[(usize, usize)]| -> Vec<String> {
            r.iter().map(|&(x, y)| t[x..y].to_string()).collect()
        };
        // Nothing differs on the Kazakh side but a missing piece: the
        // character before it is marked.
        assert_eq!(marked(kk, &a), ["l"]);
        assert_eq!(marked(ru, &b), ["-ru"]);
        let (a, b) = diff_spans("info@mysal.kz", "info@mysa1.kz");
        assert_eq!(marked("info@mysal.kz", &a), ["l"]);
        assert_eq!(marked("info@mysa1.kz", &b), ["1"]);
    }

    #[test]
    fn anchors_come_from_clause_ids() {
        assert_eq!(
            anchor_of(&["kk:1.1", "kk:1.2(а)"], &["ru:1.1#2"]),
            "kk-1.1+kk-1.2(а)_ru-1.1~2"
        );
        assert_eq!(anchor_of(&["kk:1.1"], &[]), "kk-1.1");
        assert_eq!(anchor_of(&[], &["ru:1.1#2"]), "ru-1.1~2");
    }

    #[test]
    fn one_value_written_two_ways_is_not_highlighted() {
        for (kk, ru) in [
            (
                "50,000 теңгеден 1,500,000 теңгеге",
                "от 50 000 до 1 500 000 тенге",
            ),
            ("2024-03-01 бастап", "с 1 марта 2024 года"),
            ("2024 жылғы 1 наурыз", "до 1 марта"),
            ("09:00-ден 18:00-ге", "с 9:00 до 18.00"),
            ("1,125 теңге", "1 125 тенге"),
        ] {
            assert_eq!(diff_spans(kk, ru), (vec![], vec![]), "{kk} / {ru}");
        }
        let kk = "1,500,000 теңге, 2024-03-01";
        let ru = "1 600 000 тенге, 2 марта 2024 года";
        let (a, b) = diff_spans(kk, ru);
        let marked = |t: &str, r: &[(usize, usize)]| -> Vec<String> {
            r.iter().map(|&(x, y)| t[x..y].to_string()).collect()
        };
        assert_eq!(marked(kk, &a), ["1,500,000", "2024-03-01"]);
        assert_eq!(marked(ru, &b), ["1 600 000", "2 марта 2024 года"]);
    }
}
