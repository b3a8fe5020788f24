//! Sentences inside a clause, and the alignment of the sentences of an
//! aligned kk↔ru clause pair, for sentence-level translation memories
//! (`qostil align --format tmx --segment sentence`).
//!
//! Splitting works in the spirit of SRX: a sentence may end after `.`,
//! `!`, `?` or `…` (closing quotes and brackets included) where whitespace
//! follows; [`RULES`] is an ordered table of (what ends the text before,
//! what starts the text after, break or not) read top down, the first rule
//! that matches deciding, and no rule matching meaning no break. The table
//! knows the legal abbreviations of both languages («т.б.», «т.с.с.»,
//! «т.е.», «п.», «ст.», «г.», «ж.», «ҚР»), initials («А.Б. Иванов»),
//! clause numbers («п. 1.2. Правил») and needs none for URLs and e-mails,
//! whose inner dots are never followed by whitespace.
//!
//! List labels («1.1.», «а)», «(b)», «•», «1)», «-») at the start of a
//! clause are found by [`label`], so that a segment holds text only.
//!
//! Alignment is the dynamic programming of Gale and Church (1993) over
//! sentence lengths in characters, with beads 1-1, 1-0, 0-1, 2-1, 1-2 and
//! 2-2, plus an anchor term: figures written alike on both sides pull
//! sentences together.
//!
//! Invariants: [`sentences`] returns byte ranges on character boundaries,
//! in order, disjoint, covering every non-whitespace character of the text,
//! each trimmed of surrounding whitespace; [`align`] returns links that are
//! monotonic and cover every sentence of both sides exactly once.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Clause, ClauseKind, Document, Lang};

/// What ends the word before a candidate break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// One of these abbreviations (compared lower-case, without the final
    /// dot; «т.с.с» keeps its inner dots).
    Abbreviation(&'static [&'static str]),
    /// A capital letter and a dot, or a run of them («А.», «А.Б.»).
    Initial,
    /// A clause number with inner dots and parts of at most three digits
    /// («1.2.», «3.1.4.»; not a date «20.01.2025.»).
    ClauseNumber,
    /// Any sentence end (`.`, `!`, `?`, `…`).
    Any,
}

/// What starts the word after a candidate break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Anything.
    Any,
    /// A lower-case letter.
    Lower,
    /// A digit, or an opening quote or bracket followed by one («20»).
    Digit,
    /// What a sentence starts with: a capital letter, a digit, an opening
    /// quote or bracket, a bullet or a dash.
    Start,
}

/// One rule of the table: at a candidate break where `before` and `after`
/// hold, break (`true`) or not.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub before: Before,
    pub after: After,
    pub brk: bool,
    /// Why the rule is there, for the reader of the table.
    pub why: &'static str,
}

/// Abbreviations whose dot never ends a sentence: a number, a name or a
/// place follows them.
const ALWAYS_GO_ON: &[&str] = &[
    // Russian: пункт, подпункт, статья, город, годы, улица, дом, телефон, …
    "п",
    "пп",
    "ст",
    "г",
    "гг",
    "ул",
    "д",
    "кв",
    "каб",
    "тел",
    "им",
    "см",
    "стр",
    "рис",
    "обл",
    "мкр",
    "пр",
    "руб",
    "тг",
    "млн",
    "млрд",
    "тыс",
    "и.о",
    "вр.и.о",
    // Kazakh: жыл, жылдар, тармақ, тармақша, көше, даңғыл, бап
    "ж",
    "жж",
    "т",
    "тт",
    "тш",
    "көш",
    "даң",
    "бап",
    "ҚР",
    "қр",
];

/// Abbreviations that end a list or a phrase: the sentence goes on when a
/// lower-case word or a figure follows, and ends before a capital.
const END_OF_PHRASE: &[&str] = &[
    "т.б", "т.с.с", "т.с", "т.е", "т.д", "т.п", "т.ч", "др", "ж.т.б",
];

/// The break rules, read top down (see the module's comment).
pub const RULES: &[Rule] = &[
    Rule {
        before: Before::Abbreviation(ALWAYS_GO_ON),
        after: After::Any,
        brk: false,
        why: "«п. 2», «ст. 7», «г. Алматы», «2025 ж. «20» қаңтар», «5-бап. Кіріспе» is a heading's number",
    },
    Rule {
        before: Before::Abbreviation(END_OF_PHRASE),
        after: After::Lower,
        brk: false,
        why: "«т.б. мақсаттар», «т.е. данные»",
    },
    Rule {
        before: Before::Abbreviation(END_OF_PHRASE),
        after: After::Digit,
        brk: false,
        why: "«т.б. 3 жыл»",
    },
    Rule {
        before: Before::Initial,
        after: After::Any,
        brk: false,
        why: "«А.Б. Иванов», «Иванов А.Б.» before a lower-case word",
    },
    Rule {
        before: Before::ClauseNumber,
        after: After::Any,
        brk: false,
        why: "«п. 1.2. Правил», «1.2.3. тармағына»",
    },
    Rule {
        before: Before::Any,
        after: After::Lower,
        brk: false,
        why: "a sentence starts with a capital: «...» after an abbreviation not listed",
    },
    Rule {
        before: Before::Any,
        after: After::Start,
        brk: true,
        why: "a sentence end before what a sentence starts with",
    },
];

/// A byte range of a text.
pub type Range = (usize, usize);

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '’' | '\'' | ')' | ']' | '“')
}

fn is_opener(c: char) -> bool {
    matches!(c, '«' | '"' | '“' | '„' | '(' | '[' | '\'')
}

/// The word before a candidate, stripped of closers, ends a sentence:
/// returns the word without its final terminal (and closers).
fn ends_sentence(word: &str) -> Option<&str> {
    let w = word.trim_end_matches(is_closer);
    let last = w.chars().last()?;
    is_terminal(last).then(|| &w[..w.len() - last.len_utf8()])
}

fn before_holds(before: Before, core: &str, terminal_is_dot: bool) -> bool {
    let core = core.trim_start_matches(is_opener);
    match before {
        Before::Abbreviation(list) => {
            // «5-бап», «2.1-т»: the abbreviation after a hyphen.
            let tail = core.rsplit('-').next().unwrap_or(core);
            terminal_is_dot
                && list.iter().any(|a| {
                    let a = a.to_lowercase();
                    core.to_lowercase() == a || tail.to_lowercase() == a
                })
        }
        Before::Initial => {
            terminal_is_dot && {
                let parts: Vec<&str> = core.split('.').collect();
                parts.iter().all(|p| {
                    let mut cs = p.chars();
                    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
                })
            }
        }
        Before::ClauseNumber => {
            terminal_is_dot && {
                let parts: Vec<&str> = core.split('.').collect();
                parts.len() >= 2
                    && parts.iter().all(|p| {
                        !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())
                    })
            }
        }
        Before::Any => true,
    }
}

fn after_holds(after: After, next: &str) -> bool {
    let mut cs = next.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    match after {
        After::Any => true,
        After::Lower => first.is_lowercase(),
        After::Digit => {
            first.is_ascii_digit()
                || (is_opener(first) && cs.next().is_some_and(|c| c.is_ascii_digit()))
        }
        After::Start => {
            first.is_uppercase()
                || first.is_ascii_digit()
                || is_opener(first)
                || matches!(first, '•' | '·' | '▪' | '-' | '–' | '—' | '№' | '§')
        }
    }
}

/// Whether the text breaks between `word` and `next` (two whitespace-
/// separated words), by the first rule of [`RULES`] that matches.
pub fn breaks_between(word: &str, next: &str) -> bool {
    let Some(core) = ends_sentence(word) else {
        return false;
    };
    let dot = word.trim_end_matches(is_closer).ends_with('.');
    // «...» and «?!»: the word before the run of terminals.
    let core = core.trim_end_matches(is_terminal);
    RULES
        .iter()
        .find(|r| before_holds(r.before, core, dot) && after_holds(r.after, next))
        .is_some_and(|r| r.brk)
}

/// The sentences of a text, as byte ranges trimmed of whitespace. A text
/// with no break is one sentence; an empty or blank text has none.
pub fn sentences(text: &str) -> Vec<Range> {
    let words: Vec<Range> = words(text);
    let mut out = Vec::new();
    let Some(&(first, _)) = words.first() else {
        return out;
    };
    let mut start = first;
    for w in words.windows(2) {
        let (a, b) = (w[0], w[1]);
        if breaks_between(&text[a.0..a.1], &text[b.0..b.1]) {
            out.push((start, a.1));
            start = b.0;
        }
    }
    out.push((start, words[words.len() - 1].1));
    out
}

/// Whitespace-separated words with their byte ranges.
fn words(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A list label at the start of a text: a bullet or a dash, a clause
/// number («1.», «1.1.», «2.4.1»), an item («а)», «(b)», «1)», «ii)»), a
/// heading number («5-бап.», «Статья 3.», «1-тарау.», a FAQ's «Вопрос 7.» /
/// «7-сұрақ.») — then whitespace.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[•·▪◦●■\-–—*]|\(?(?:[0-9]{1,2}|[a-zа-яәіңғүұқөһ]|[ivx]{1,4})\)|\d{1,3}(?:\.\d{1,3})*\.?\)?|(?i:статья|глава|раздел|вопрос|§)\s*\d{1,3}\.?|\d{1,3}\s*-\s*(?:бап|тарау|бөлім|сұрақ)\.?)(?:\s+|$)",
    )
    .expect("label regex")
});

/// The length in bytes of the list label a text starts with, whitespace
/// after it included; `None` when it starts with no label. A bare figure
/// is a label only with a dot or a bracket («18 жасқа» is not one), and
/// a label is only taken when text follows it.
pub fn label(text: &str) -> Option<usize> {
    let m = LABEL.find(text)?;
    let l = m.as_str().trim_end();
    // «18 жасқа», «2025 жылғы»: a bare number is a figure.
    if l.chars().all(|c| c.is_ascii_digit()) || m.end() >= text.len() {
        return None;
    }
    Some(m.end())
}

/// A link of the sentence alignment: sentences `kk.0..kk.1` of the Kazakh
/// side with `ru.0..ru.1` of the Russian (either may be empty), and its
/// cost (lower is more likely; 0 at best).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub kk: (usize, usize),
    pub ru: (usize, usize),
    pub cost: f64,
}

impl Link {
    /// The bead, e.g. `1-1`, `2-1` (kk sentences, ru sentences).
    pub fn bead(&self) -> (usize, usize) {
        (self.kk.1 - self.kk.0, self.ru.1 - self.ru.0)
    }
}

/// Russian characters per Kazakh character: 0.989 over the 235 corpus
/// 1-1 clause pairs scored above 0.7 longer than 20 characters.
const RATIO: f64 = 0.99;
/// Variance of the Russian length per Kazakh character: 1.75 measured on
/// the same pairs; wider, for sentences are noisier than clauses.
const VARIANCE: f64 = 2.5;

/// The most a length mismatch costs. A translation may be much shorter
/// than its original (beeclever's kk:2.2 says in 52 characters what ru:2.2
/// says in 150); uncapped, such a sentence cost more than leaving its
/// neighbour out (a 0-1 bead, 5.3) and merging it (a 2-1 bead, 3.1).
const MAX_LENGTH_COST: f64 = 6.0;

/// The beads and their prior probabilities (Gale and Church's, with 2-2).
const BEADS: &[((usize, usize), f64)] = &[
    ((1, 1), 0.89),
    ((1, 0), 0.005),
    ((0, 1), 0.005),
    ((2, 1), 0.045),
    ((1, 2), 0.045),
    ((2, 2), 0.011),
];

/// Two-sided tail of the standard normal distribution, 2(1 − Φ(|z|)),
/// by Abramowitz and Stegun 26.2.17 (absolute error below 7.5e-8).
fn tail(z: f64) -> f64 {
    let z = z.abs();
    let t = 1.0 / (1.0 + 0.231_641_9 * z);
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let pdf = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    (2.0 * pdf * poly).max(1e-12)
}

/// Characters other than whitespace.
fn length(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Figures of a sentence (runs of digits), for the anchor term.
fn figures(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|f| !f.is_empty())
        .collect()
}

/// The cost of one bead: −ln of its prior and of the length match, then
/// −1 for each figure both sides write and +1 for each only one side does.
fn cost(kk: &[&str], ru: &[&str], prior: f64) -> f64 {
    let (a, b) = (
        kk.iter().map(|s| length(s)).sum::<usize>() as f64,
        ru.iter().map(|s| length(s)).sum::<usize>() as f64,
    );
    let length_cost = if a == 0.0 || b == 0.0 {
        0.0
    } else {
        let mean = (a + b / RATIO) / 2.0;
        let z = (b - a * RATIO) / (mean * VARIANCE).sqrt();
        (-tail(z).ln()).min(MAX_LENGTH_COST)
    };
    let mut fa: Vec<&str> = kk.iter().flat_map(|s| figures(s)).collect();
    let mut fb: Vec<&str> = ru.iter().flat_map(|s| figures(s)).collect();
    fa.sort_unstable();
    fb.sort_unstable();
    let shared = fa.iter().filter(|f| fb.binary_search(f).is_ok()).count() as f64;
    let only = (fa.iter().filter(|f| fb.binary_search(f).is_err()).count()
        + fb.iter().filter(|f| fa.binary_search(f).is_err()).count()) as f64;
    -prior.ln() + length_cost - shared + only
}

/// Align the sentences of a clause pair: the cheapest monotonic sequence of
/// beads covering both sides ([`Link`]s in order). Ties are broken by the
/// order of [`BEADS`], so the result is deterministic. Either side may be
/// empty (then every link is 1-0 or 0-1).
pub fn align(kk: &[&str], ru: &[&str]) -> Vec<Link> {
    let (n, m) = (kk.len(), ru.len());
    let mut best = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut from = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            for &((di, dj), prior) in BEADS {
                if di > i || dj > j {
                    continue;
                }
                let prev = best[i - di][j - dj];
                if !prev.is_finite() {
                    continue;
                }
                let c = prev + cost(&kk[i - di..i], &ru[j - dj..j], prior);
                if c < best[i][j] {
                    best[i][j] = c;
                    from[i][j] = (di, dj);
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = from[i][j];
        let total = best[i][j] - best[i - di][j - dj];
        // The bead's cost relative to its prior, so a perfect 1-1 is 0.
        links.push(Link {
            kk: (i - di, i),
            ru: (j - dj, j),
            cost: total + BEADS[0].1.ln(),
        });
        i -= di;
        j -= dj;
    }
    links.reverse();
    links
}

/// How a translation memory segments the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Segmentation {
    /// One unit per sentence pair inside each aligned clause pair (what a
    /// CAT tool segments; the default).
    #[default]
    Sentence,
    /// One unit per aligned clause pair.
    Paragraph,
}

/// Which aligned pairs become translation units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct UnitOptions {
    pub segmentation: Segmentation,
    /// Pairs whose alignment score ([`Pair::score`], in [0, 1]) is below it
    /// are left out; 0 keeps every pair.
    pub min_score: f32,
}

/// Equality is total: a `min_score` is a number in [0, 1], never NaN (the
/// command line refuses anything else).
impl Eq for UnitOptions {}

/// A preamble pair (title, approval stamp) scored below this is not taken
/// for a translation: the stamps of the two languages list company, order,
/// date and «Утверждено» in different orders, and the aligner pairs their
/// lines by position. Measured on the corpus: fintechlab's mispaired stamp
/// lines score 0.478, 0.499 and 0.592; every true preamble pair of the
/// three bilingual files scores 0.697 or more.
pub const PREAMBLE_MIN_SCORE: f32 = 0.6;

/// One side of a unit: the text without list labels, and the labels of
/// the clauses that start in it (joined by a space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSide {
    pub label: Option<String>,
    pub text: String,
}

/// A translation unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The pair's clause ids (`kk:1.1+kk:1.2|ru:1.1`), and for a sentence
    /// unit `/sN`, N the bead's place (from 1) in the pair's sentence
    /// alignment: stable for a given input.
    pub id: String,
    /// The clause pair's alignment score, in [0, 1].
    pub score: f32,
    /// For a sentence unit: the bead (kk sentences, ru sentences) and its
    /// cost (0 for a 1-1 of equal lengths; lower is better).
    pub bead: Option<((usize, usize), f64)>,
    pub kk: UnitSide,
    pub ru: UnitSide,
}

/// What was left out, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeftOut {
    /// Aligned pairs scored below `min_score`.
    pub below_min_score: usize,
    /// Preamble pairs scored below [`PREAMBLE_MIN_SCORE`].
    pub preamble: usize,
    /// Sentences with no counterpart inside their clause pair (1-0, 0-1).
    pub unmatched_sentences: usize,
    /// Pairs or beads with no text once labels are taken off.
    pub empty: usize,
}

/// The units of a document, and what was left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Units {
    pub units: Vec<Unit>,
    pub left_out: LeftOut,
}

/// A document in one language has nothing to translate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{path}: the document has no {missing} text, so it has no translation units (a translation memory needs both languages)"
)]
pub struct Monolingual {
    /// The input's name.
    pub path: String,
    /// `Kazakh` or `Russian`.
    pub missing: &'static str,
}

/// A clause's label and the text after it.
fn split_label(c: &Clause) -> (Option<&str>, &str) {
    if let Some(l) = &c.label
        && c.text.starts_with(l.as_str())
        && !c.body().is_empty()
    {
        return (Some(l.trim()), c.body());
    }
    match label(&c.text) {
        Some(n) => (Some(c.text[..n].trim()), c.text[n..].trim()),
        None => (None, c.text.trim()),
    }
}

/// The sentences of one side of a pair: (text, label of its clause when
/// it is the clause's first sentence).
fn side_sentences<'d>(doc: &'d Document, idx: &[usize]) -> Vec<(&'d str, Option<&'d str>)> {
    let mut out = Vec::new();
    for &i in idx {
        let (l, body) = split_label(&doc.clauses[i]);
        for (k, (a, b)) in sentences(body).into_iter().enumerate() {
            out.push((&body[a..b], if k == 0 { l } else { None }));
        }
    }
    out
}

fn join_side(parts: &[(&str, Option<&str>)]) -> UnitSide {
    let labels: Vec<&str> = parts.iter().filter_map(|p| p.1).collect();
    UnitSide {
        label: (!labels.is_empty()).then(|| labels.join(" ")),
        text: parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" "),
    }
}

fn ids(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.clauses[i].id.as_str())
        .collect::<Vec<_>>()
        .join("+")
}

/// The translation units of an analysed document: every aligned pair
/// (clauses on both sides) at or above `min_score` and not a mispaired
/// preamble line, as one unit (paragraph) or one unit per sentence pair
/// (sentence: 1-0 and 0-1 beads are left out). Labels are taken off the
/// text into [`UnitSide::label`]. Units are in pair order.
///
/// Errors: [`Monolingual`] when the document has clauses in one language
/// only.
pub fn units(doc: &Document, options: &UnitOptions) -> Result<Units, Monolingual> {
    for (lang, missing) in [(Lang::Kk, "Kazakh"), (Lang::Ru, "Russian")] {
        if !doc.clauses.iter().any(|c| c.lang == lang) {
            return Err(Monolingual {
                path: doc.source.name.clone(),
                missing,
            });
        }
    }
    let mut out = Units::default();
    for p in doc
        .pairs
        .iter()
        .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
    {
        if p.score < options.min_score {
            out.left_out.below_min_score += 1;
            continue;
        }
        let preamble =
            p.kk.iter()
                .chain(&p.ru)
                .all(|&i| doc.clauses[i].kind == ClauseKind::Preamble);
        if preamble && p.score < PREAMBLE_MIN_SCORE {
            out.left_out.preamble += 1;
            continue;
        }
        let id = format!("{}|{}", ids(doc, &p.kk), ids(doc, &p.ru));
        let (kk, ru) = (side_sentences(doc, &p.kk), side_sentences(doc, &p.ru));
        match options.segmentation {
            Segmentation::Paragraph => {
                let (kk, ru) = (join_side(&kk), join_side(&ru));
                if kk.text.is_empty() || ru.text.is_empty() {
                    out.left_out.empty += 1;
                    continue;
                }
                out.units.push(Unit {
                    id,
                    score: p.score,
                    bead: None,
                    kk,
                    ru,
                });
            }
            Segmentation::Sentence => {
                let a: Vec<&str> = kk.iter().map(|s| s.0).collect();
                let b: Vec<&str> = ru.iter().map(|s| s.0).collect();
                for (n, link) in align(&a, &b).into_iter().enumerate() {
                    let bead = link.bead();
                    if bead.0 == 0 || bead.1 == 0 {
                        out.left_out.unmatched_sentences += bead.0 + bead.1;
                        continue;
                    }
                    out.units.push(Unit {
                        id: format!("{id}/s{}", n + 1),
                        score: p.score,
                        bead: Some((bead, link.cost)),
                        kk: join_side(&kk[link.kk.0..link.kk.1]),
                        ru: join_side(&ru[link.ru.0..link.ru.1]),
                    });
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn sentences_end_where_a_capital_follows_a_terminal() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Деректер сақталады. Олар жойылады! Неге? Себебі заң.",
                &[
                    "Деректер сақталады.",
                    "Олар жойылады!",
                    "Неге?",
                    "Себебі заң.",
                ],
            ),
            (
                "Данные хранятся. «Оператор» удаляет их.",
                &["Данные хранятся.", "«Оператор» удаляет их."],
            ),
            ("Бір сөйлем", &["Бір сөйлем"]),
            ("", &[]),
            ("  ", &[]),
            (
                "Он сказал: «Да.» Потом ушёл.",
                &["Он сказал: «Да.»", "Потом ушёл."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn legal_abbreviations_initials_numbers_and_addresses_do_not_break() {
        let whole = [
            "Согласно п. 2.1. Правил и ст. 7 Закона РК данные хранятся.",
            "Мекенжайы: г. Алматы, ул. Абая, д. 1.",
            "Директор А.Б. Иванов подписал приказ.",
            "Бұйрық 2025 ж. «20» қаңтарда бекітілді.",
            "Мақсаттар (шарт жасасу, т.б.) көрсетілген.",
            "Сауалнама, анкета т.с.с. құжаттар.",
            "Данные, т.е. сведения о субъекте, хранятся.",
            "ҚР Заңының 7-бап. талаптары сақталады.",
            "Подробнее на www.example.kz/privacy.html и по адресу info@example.kz.",
            "Согласно пп. 3 п. 1 ст. 24 Закона.",
            "Иванов А.Б. утвердил политику.",
        ];
        for text in whole {
            assert_eq!(split(text), [text], "{text}");
        }
        // An abbreviation that ends a list ends a sentence before a capital.
        assert_eq!(
            split("Аты, тегі, т.б. Деректер сақталады."),
            ["Аты, тегі, т.б.", "Деректер сақталады."]
        );
        // A date is not a clause number.
        assert_eq!(
            split("Күші 20.01.2025. Бұдан кейін өзгереді."),
            ["Күші 20.01.2025.", "Бұдан кейін өзгереді."]
        );
        // A URL at the end of a sentence.
        assert_eq!(
            split("Сайт: www.example.kz. Келесі сөйлем."),
            ["Сайт: www.example.kz.", "Келесі сөйлем."]
        );
    }

    #[test]
    fn every_rule_is_used_by_some_case() {
        // Each rule decides at least one break of these pairs of words.
        let cases = [
            ("ст.", "7"),
            ("т.б.", "мақсат"),
            ("т.б.", "3"),
            ("А.Б.", "Иванов"),
            ("1.2.", "Правил"),
            ("бар.", "және"),
            ("бар.", "Деректер"),
        ];
        let mut used = vec![false; RULES.len()];
        for (a, b) in cases {
            let core = ends_sentence(a).unwrap();
            let dot = a.ends_with('.');
            let i = RULES
                .iter()
                .position(|r| before_holds(r.before, core, dot) && after_holds(r.after, b))
                .unwrap();
            used[i] = true;
        }
        assert!(used.iter().all(|&u| u), "{used:?}");
    }

    #[test]
    fn labels_are_found_and_figures_are_not_labels() {
        let cases = [
            ("1.1. Жалпы", Some("1.1. ")),
            ("1. Общие положения", Some("1. ")),
            ("а) деректер", Some("а) ")),
            ("(b) данные", Some("(b) ")),
            ("• дербес", Some("• ")),
            ("- другая", Some("- ")),
            ("1) бірінші", Some("1) ")),
            ("5-бап. Кіріспе", Some("5-бап. ")),
            ("Статья 3. Права", Some("Статья 3. ")),
            ("18 жасқа толмаған", None),
            ("2025 жылғы", None),
            ("Деректер", None),
            ("1.1.", None),
        ];
        for (text, want) in cases {
            assert_eq!(label(text).map(|n| &text[..n]), want, "{text}");
        }
    }

    #[test]
    fn sentences_align_one_to_one_and_two_to_one() {
        let kk = [
            "Біз деректерді 5 жыл сақтаймыз.",
            "Сіз оларды кез келген уақытта жоюды талап ете аласыз.",
        ];
        let ru = [
            "Мы храним данные 5 лет.",
            "Вы можете потребовать их удалить в любое время.",
        ];
        let beads: Vec<_> = align(&kk, &ru).iter().map(Link::bead).collect();
        assert_eq!(beads, [(1, 1), (1, 1)]);
        // One long Russian sentence against two Kazakh ones.
        let ru = ["Мы храним данные 5 лет, и вы можете потребовать их удалить в любое время."];
        let links = align(&kk, &ru);
        assert_eq!(links.iter().map(Link::bead).collect::<Vec<_>>(), [(2, 1)]);
        assert_eq!(links[0].kk, (0, 2));
        // An empty side: every sentence alone.
        assert_eq!(
            align(&kk, &[]).iter().map(Link::bead).collect::<Vec<_>>(),
            [(1, 0), (1, 0)]
        );
        assert!(align(&[], &[]).is_empty());
    }

    #[test]
    fn a_shortened_translation_is_still_one_to_one() {
        // beeclever 2.2: the Kazakh says the second sentence in a third of
        // the Russian's length.
        let kk = [
            "Қарыз беруші пайдаланушылар ұсынған дербес ақпараттың растығына тексеру жүргізуге құқылы.",
            "Жалған ақпарат беру зардаптары Офертада анықталған.",
        ];
        let ru = [
            "МФО имеет право осуществлять проверку достоверности предоставленной пользователями персональной информации.",
            "Последствия предоставления недостоверной информации определены в Оферте/Заявке на предоставление микрокредита и Правилах предоставления микрокредитов.",
        ];
        let beads: Vec<_> = align(&kk, &ru).iter().map(Link::bead).collect();
        assert_eq!(beads, [(1, 1), (1, 1)]);
    }

    #[test]
    fn figures_anchor_the_alignment() {
        // The same lengths; a figure both sides write is cheaper than one
        // that differs, and cheaper than none.
        let same = cost(&["Мерзімі 30 күн."], &["Срок 30 дней."], 0.89);
        let differ = cost(&["Мерзімі 30 күн."], &["Срок 31 дней."], 0.89);
        let none = cost(&["Мерзімі күн."], &["Срок дней."], 0.89);
        assert!(same < none && none < differ, "{same} {none} {differ}");
    }

    #[test]
    fn the_normal_tail_is_right() {
        assert!((tail(0.0) - 1.0).abs() < 1e-6);
        assert!((tail(1.96) - 0.05).abs() < 1e-3);
        assert!((tail(-1.96) - 0.05).abs() < 1e-3);
    }
}
