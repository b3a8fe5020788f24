//! Translator's parity: does the Kazakh version say what the Russian one
//! says? Each aligned pair is compared for its entities (figures, periods,
//! dates, contacts, law references, names), its glossary terms and its list
//! structure and length; each stream is read for text left in the other
//! language and for script and spelling damage; each language is read for
//! the organisation's name used consistently.
//!
//! Finding kinds (all documented in README.md):
//! - entities ([`entities`]): `figure_mismatch`, `date_mismatch`,
//!   `contact_mismatch`, `law_reference_mismatch`, `name_mismatch`;
//! - terms ([`terms`]): `term_mismatch`;
//! - structure ([`structure`]): `list_item_mismatch`, `length_mismatch`,
//!   `heading_mismatch`;
//! - language ([`language`]): `untranslated_text`, `untranslated_clause`;
//! - spelling ([`spelling`]): `mixed_script`, `kazakh_spelling`,
//!   `inconsistent_name`.
//!
//! Invariants: every finding names its clauses by id (Kazakh first) and
//! quotes both sides of its pair where it has two, with the differing part
//! marked `[[…]]`; a suggested correct form, where there is one, is in the
//! message after «→». Findings come back with the position of their first
//! clause so that the caller sorts them with the others; the module never
//! reads anything but the clauses, the pairs and the rules data, so its
//! output is a pure function of them.

pub mod entities;
pub mod language;
pub mod spelling;
pub mod structure;
pub mod terms;

use crate::model::{Clause, Evidence, Finding, Lang, Pair, Severity};
use crate::rules::{Glossary, Lexicon};

/// Every finding kind this module produces.
pub const KINDS: &[&str] = &[
    "figure_mismatch",
    "date_mismatch",
    "contact_mismatch",
    "law_reference_mismatch",
    "name_mismatch",
    "term_mismatch",
    "list_item_mismatch",
    "length_mismatch",
    "heading_mismatch",
    "untranslated_text",
    "untranslated_clause",
    "mixed_script",
    "kazakh_spelling",
    "inconsistent_name",
];

/// The rules data parity reads.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub glossary: &'a Glossary,
    pub lexicon: &'a Lexicon,
}

/// One side of an aligned pair: its clauses and their texts joined.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub lang: Lang,
    pub clauses: Vec<&'a Clause>,
    /// The clauses' texts (labels included) joined by one space.
    pub text: String,
    /// Byte ranges of each clause's body (text after its label) in `text`.
    pub bodies: Vec<(usize, usize)>,
}

impl<'a> Side<'a> {
    pub fn new(lang: Lang, clauses: Vec<&'a Clause>) -> Side<'a> {
        let mut text = String::new();
        let mut bodies = Vec::new();
        for c in &clauses {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&c.text);
            let body = c.body();
            bodies.push((start + c.text.len() - body.len(), text.len()));
        }
        Side {
            lang,
            clauses,
            text,
            bodies,
        }
    }

    pub fn ids(&self) -> Vec<String> {
        self.clauses.iter().map(|c| c.id.clone()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The whole side as evidence, with `marks` (byte ranges of `text`)
    /// bracketed. The clause is named by its id, two ids joined by `+`, or
    /// a run of three or more as `first…last`.
    pub fn evidence(&self, marks: &[(usize, usize)]) -> Evidence {
        let ids = self.ids();
        let clause = match ids.as_slice() {
            [a, _, _, ..] => format!("{a}…{}", ids[ids.len() - 1]),
            _ => ids.join("+"),
        };
        Evidence {
            lang: self.lang,
            clause: Some(clause),
            quote: marked_quote(&self.text, marks),
        }
    }
}

/// The two sides of one aligned pair.
#[derive(Debug, Clone)]
pub struct PairView<'a> {
    pub kk: Side<'a>,
    pub ru: Side<'a>,
    /// Index of the pair's first clause, for ordering findings.
    pub pos: usize,
}

impl<'a> PairView<'a> {
    pub fn new(clauses: &'a [Clause], p: &Pair) -> PairView<'a> {
        PairView {
            kk: Side::new(Lang::Kk, p.kk.iter().map(|&i| &clauses[i]).collect()),
            ru: Side::new(Lang::Ru, p.ru.iter().map(|&i| &clauses[i]).collect()),
            pos: p.kk.first().or(p.ru.first()).copied().unwrap_or(0),
        }
    }

    pub fn side(&self, lang: Lang) -> &Side<'a> {
        if lang == Lang::Ru { &self.ru } else { &self.kk }
    }

    pub fn ids(&self) -> Vec<String> {
        let mut ids = self.kk.ids();
        ids.extend(self.ru.ids());
        ids
    }

    /// A finding about this pair quoting both sides with their marks.
    pub fn finding(
        &self,
        kind: &str,
        severity: Severity,
        lang: Option<Lang>,
        message: String,
        kk_marks: &[(usize, usize)],
        ru_marks: &[(usize, usize)],
    ) -> (usize, Finding) {
        (
            self.pos,
            Finding {
                kind: kind.into(),
                severity,
                lang,
                clauses: self.ids(),
                message,
                evidence: vec![self.kk.evidence(kk_marks), self.ru.evidence(ru_marks)],
            },
        )
    }
}

/// Characters of context kept on each side of a mark.
const CONTEXT: usize = 45;
/// Marks closer than this (in characters) share one quoted fragment.
const JOIN: usize = 100;
/// A quote without marks is cut to this many characters.
const PLAIN: usize = 160;

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

/// A quote of `text` with the byte ranges in `marks` bracketed `[[…]]`:
/// each group of nearby marks with some context, groups joined by «…».
/// Without marks, the start of the text. Literal `[[`/`]]` in the text are
/// shown as `[ [`/`] ]` so that marks stay unambiguous.
pub fn marked_quote(text: &str, marks: &[(usize, usize)]) -> String {
    let clean = |s: &str| s.replace("[[", "[ [").replace("]]", "] ]");
    let mut marks: Vec<(usize, usize)> = marks
        .iter()
        .map(|&(a, b)| (floor_char(text, a), ceil_char(text, b)))
        .filter(|(a, b)| a < b)
        .collect();
    marks.sort_unstable();
    marks.dedup();
    if marks.is_empty() {
        let n = text.chars().count();
        if n <= PLAIN {
            return clean(text);
        }
        let cut = fwd_chars(text, 0, PLAIN);
        return format!("{}…", clean(text[..cut].trim_end()));
    }
    // Group marks.
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
            out.push_str(&clean(&text[at..a]));
            out.push_str("[[");
            out.push_str(&clean(&text[a..b]));
            out.push_str("]]");
            at = b;
        }
        out.push_str(&clean(&text[at..end]));
        if gi + 1 == groups.len() && end < text.len() {
            out.push('…');
        }
    }
    out
}

/// Split a quote made by [`marked_quote`] into plain text and the byte
/// ranges (in the plain text) that were marked: for writers that highlight.
pub fn parse_marks(quote: &str) -> (String, Vec<(usize, usize)>) {
    let mut plain = String::with_capacity(quote.len());
    let mut marks = Vec::new();
    let mut rest = quote;
    while let Some(a) = rest.find("[[") {
        plain.push_str(&rest[..a]);
        let after = &rest[a + 2..];
        match after.find("]]") {
            Some(b) => {
                let start = plain.len();
                plain.push_str(&after[..b]);
                marks.push((start, plain.len()));
                rest = &after[b + 2..];
            }
            None => {
                plain.push_str(&rest[a..]);
                rest = "";
            }
        }
    }
    plain.push_str(rest);
    (plain, marks)
}

/// A short display form of a marked piece for messages.
pub fn show(text: &str) -> String {
    let t = crate::model::collapse_ws(text);
    if t.chars().count() > 60 {
        let cut = fwd_chars(&t, 0, 60);
        format!("{}…", &t[..cut])
    } else {
        t
    }
}

/// Run every parity check. Pairs are compared only when the document has
/// both languages; the stream checks run on any document.
pub fn check(
    clauses: &[Clause],
    pairs: &[Pair],
    languages: &[Lang],
    rules: Rules,
) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    let bilingual = languages.contains(&Lang::Kk) && languages.contains(&Lang::Ru);
    if bilingual {
        let views: Vec<PairView> = pairs.iter().map(|p| PairView::new(clauses, p)).collect();
        let all: Vec<&str> = clauses.iter().map(|c| c.text.as_str()).collect();
        let company = crate::extract::company(&all.join("\n"));
        for (i, v) in views.iter().enumerate() {
            if v.kk.is_empty() || v.ru.is_empty() {
                continue;
            }
            entities::check(&views, i, company.as_deref(), &mut out);
            terms::check(v, rules.glossary, &mut out);
            structure::check_pair(v, &mut out);
            language::check_pair(v, &mut out);
        }
        structure::check_lists(&views, &mut out);
        language::check_duplicates(clauses, pairs, &mut out);
    }
    language::check_streams(clauses, languages, &mut out);
    spelling::check(clauses, rules.lexicon, &mut out);
    spelling::check_names(clauses, languages, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_mark_the_differing_part() {
        let text = "Дербес деректер 30 (отыз) күнтізбелік күн ішінде сақталады.";
        let a = text.find("30").unwrap();
        let q = marked_quote(text, &[(a, a + 2)]);
        assert_eq!(
            q,
            "Дербес деректер [[30]] (отыз) күнтізбелік күн ішінде сақталады."
        );
        let (plain, marks) = parse_marks(&q);
        assert_eq!(plain, text);
        assert_eq!(marks, vec![(a, a + 2)]);
        let long = format!("{} [[x]] {}", "а".repeat(200), "б".repeat(200));
        let b = long.find("x").unwrap();
        let q = marked_quote(&long, &[(b, b + 1)]);
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.contains("[ [[[x]]] ]"), "{q}");
        assert_eq!(marked_quote("қысқа", &[]), "қысқа");
        let two = format!("1 {} 2", "в".repeat(300));
        let q = marked_quote(&two, &[(0, 1), (two.len() - 1, two.len())]);
        assert!(q.starts_with("[[1]]") && q.contains(" … ") || q.contains('…'));
        assert!(q.ends_with("[[2]]"), "{q}");
    }
}
