//! Evidence for findings, made in one place: excerpts of clause text with
//! the differing parts marked, windows around a rule's hit, and notes.
//!
//! Invariants: an excerpt is cut on character boundaries; its marks are
//! byte ranges of the excerpt, sorted and disjoint, and cover exactly the
//! marked bytes of the source text; a cut is shown by «…». Writers render
//! marks as they like (`[[…]]` in JSON, `<mark>` in HTML, bold in
//! Markdown) through [`crate::model::Evidence::marked`].

use crate::model::{Clause, ClauseRef, Evidence, Hit, Lang};

/// Characters of context kept on each side of a mark.
const CONTEXT: usize = 45;
/// Marks closer than this (in characters) share one quoted fragment.
const JOIN: usize = 100;
/// The longest quote without marks, in characters.
pub const QUOTE: usize = 160;
/// Characters of context kept before a rule's hit in a long clause.
const LEAD: usize = 40;

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Move `i` back by `n` characters.
fn back_chars(s: &str, i: usize, n: usize) -> usize {
    s[..i]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(j, _)| j)
}

/// Move `i` forward by `n` characters.
fn fwd_chars(s: &str, i: usize, n: usize) -> usize {
    s[i..].char_indices().nth(n).map_or(s.len(), |(j, _)| i + j)
}

/// An excerpt of `text` showing the byte ranges in `marks`: each group of
/// nearby marks with [`CONTEXT`] characters around it, groups joined by
/// « … ». Without marks, the first [`QUOTE`] characters. Returns the
/// excerpt and the marks as byte ranges of it.
pub fn excerpt(text: &str, marks: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let mut marks: Vec<(usize, usize)> = marks
        .iter()
        .map(|&(a, b)| (floor_char(text, a), ceil_char(text, b)))
        .filter(|(a, b)| a < b)
        .collect();
    marks.sort_unstable();
    marks.dedup();
    if marks.is_empty() {
        return (clip(text), Vec::new());
    }
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for m in marks {
        match groups.last_mut() {
            Some(g)
                if g.last()
                    .is_some_and(|l| m.0 <= l.1 || text[l.1..m.0].chars().count() <= JOIN) =>
            {
                // Overlapping marks merge.
                if let Some(l) = g.last_mut()
                    && m.0 <= l.1
                {
                    l.1 = l.1.max(m.1);
                    continue;
                }
                g.push(m);
            }
            _ => groups.push(vec![m]),
        }
    }
    let mut out = String::new();
    let mut out_marks = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let (first, last) = (g[0].0, g[g.len() - 1].1);
        let start = back_chars(text, first, CONTEXT);
        let end = fwd_chars(text, last, CONTEXT);
        if gi > 0 {
            out.push_str(" … ");
        } else if start > 0 {
            out.push('…');
        }
        let mut at = start;
        for &(a, b) in g {
            out.push_str(&text[at..a]);
            let from = out.len();
            out.push_str(&text[a..b]);
            out_marks.push((from, out.len()));
            at = b;
        }
        out.push_str(&text[at..end]);
        if gi + 1 == groups.len() && end < text.len() {
            out.push('…');
        }
    }
    (out, out_marks)
}

/// The first [`QUOTE`] characters of `text`, «…» where cut.
pub fn clip(text: &str) -> String {
    crate::tokens::clip(text, QUOTE)
}

/// A window of [`QUOTE`] characters of `text` that shows the byte offset
/// `at`: the whole text if short, else from [`LEAD`] characters before it.
pub fn around(text: &str, at: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= QUOTE {
        return text.to_string();
    }
    let pos = chars.iter().position(|&(b, _)| b >= at).unwrap_or(0);
    let from = pos
        .saturating_sub(LEAD)
        .min(chars.len().saturating_sub(QUOTE));
    let to = (from + QUOTE).min(chars.len());
    let body: String = chars[from..to].iter().map(|&(_, c)| c).collect();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(body.trim());
    if to < chars.len() {
        out.push('…');
    }
    out
}

/// A short display form of a marked piece, for messages (60 characters).
pub fn show(text: &str) -> String {
    let t = crate::model::collapse_ws(text);
    if t.chars().count() > 60 {
        let cut = fwd_chars(&t, 0, 60);
        format!("{}…", &t[..cut])
    } else {
        t
    }
}

/// Short display forms of two values that differ (two addresses), for
/// messages: where [`show`] would give both the same 60-character prefix,
/// each is shown from a little before the first character where they
/// differ, the common start cut to «…», so the difference is in view.
pub fn show_differing(a: &str, b: &str) -> (String, String) {
    let (a, b) = (crate::model::collapse_ws(a), crate::model::collapse_ws(b));
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    // Up to 20 characters of the common part stay, for context.
    let from = common.saturating_sub(20);
    if from < 8 {
        return (show(&a), show(&b));
    }
    let tail = |t: &str| {
        let at = fwd_chars(t, 0, from);
        format!("…{}", show(&t[at..]))
    };
    (tail(&a), tail(&b))
}

/// Evidence quoting `text`, the joined text of `clauses` (one language),
/// with `marks` (byte ranges of `text`) marked.
pub fn quote(lang: Lang, clauses: &[&Clause], text: &str, marks: &[(usize, usize)]) -> Evidence {
    let (text, marks) = excerpt(text, marks);
    Evidence {
        lang,
        clauses: clauses.iter().map(|c| ClauseRef::local(&c.id)).collect(),
        text,
        marks,
    }
}

/// Evidence quoting one clause, with `marks` (byte ranges of its text).
pub fn clause(c: &Clause, marks: &[(usize, usize)]) -> Evidence {
    quote(c.lang, &[c], &c.text, marks)
}

/// Evidence quoting one clause around a rule's hit (the hit unmarked).
pub fn at_hit(c: &Clause, hit: &Hit) -> Evidence {
    Evidence {
        lang: c.lang,
        clauses: vec![ClauseRef::local(&c.id)],
        text: around(&c.text, hit.start),
        marks: Vec::new(),
    }
}

/// Evidence that is a note, not a quote (e.g. the patterns searched).
pub fn note(lang: Lang, text: String) -> Evidence {
    Evidence {
        lang,
        clauses: Vec::new(),
        text,
        marks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_long_addresses_are_shown_where_they_differ() {
        let a = "https://www.example-microfinance-organisation.kz/documents/privacy/policy-personal-data-2025-01-20-final-version-approved.pdf";
        let b = "https://www.example-microfinance-organisation.kz/documents/privacy/policy-personal-data-2025-01-20-final-version-approved-ru.pdf";
        assert_eq!(show(a), show(b));
        let (x, y) = show_differing(a, b);
        assert_eq!(x, "…nal-version-approved.pdf");
        assert_eq!(y, "…nal-version-approved-ru.pdf");
        // Short or early-differing values are shown as they are.
        assert_eq!(
            show_differing("info@a.kz", "info@b.kz"),
            ("info@a.kz".to_string(), "info@b.kz".to_string())
        );
    }

    fn marked(text: &str, marks: &[(usize, usize)]) -> String {
        let (text, marks) = excerpt(text, marks);
        Evidence {
            lang: Lang::Kk,
            clauses: Vec::new(),
            text,
            marks,
        }
        .marked()
    }

    #[test]
    fn quotes_mark_the_differing_part() {
        let text = "Дербес деректер 30 (отыз) күнтізбелік күн ішінде сақталады.";
        let a = text.find("30").unwrap();
        let (plain, marks) = excerpt(text, &[(a, a + 2)]);
        assert_eq!(plain, text);
        assert_eq!(marks, vec![(a, a + 2)]);
        assert_eq!(
            marked(text, &[(a, a + 2)]),
            "Дербес деректер [[30]] (отыз) күнтізбелік күн ішінде сақталады."
        );
        let long = format!("{} [[x]] {}", "а".repeat(200), "б".repeat(200));
        let b = long.find("x").unwrap();
        let q = marked(&long, &[(b, b + 1)]);
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.contains("[ [[[x]]] ]"), "{q}");
        assert_eq!(marked("қысқа", &[]), "қысқа");
        let two = format!("1 {} 2", "в".repeat(300));
        let q = marked(&two, &[(0, 1), (two.len() - 1, two.len())]);
        assert!(q.starts_with("[[1]]") && q.contains(" … ") || q.contains('…'));
        assert!(q.ends_with("[[2]]"), "{q}");
    }

    #[test]
    fn windows_show_the_hit() {
        let text = format!("{} уничтожение {}", "а".repeat(200), "б".repeat(200));
        let at = text.find("уничтожение").unwrap();
        let q = around(&text, at);
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.contains("уничтожение"), "{q}");
        assert_eq!(around("қысқа", 0), "қысқа");
        assert_eq!(clip(&"д".repeat(QUOTE)), "д".repeat(QUOTE));
        assert!(clip(&"д".repeat(QUOTE + 1)).ends_with('…'));
    }
}
