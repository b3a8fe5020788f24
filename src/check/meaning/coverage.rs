//! Omissions and substitutions inside a pair, read from the lexicon: which
//! content words of one side have no probable counterpart on the other.
//!
//! A word is covered when some content word of the other side translates
//! it ([`Table::aligned`]). A word the lexicon has never seen is left out
//! of the reckoning (nothing can be said of it). A run of uncovered words
//! (covered words and sentence stops end it) holding at least
//! [`OMISSION_WORDS`] words that are sure of their translation is an
//! omission. A single such word, with one uncovered content word of the
//! other side near the same place, is a substitution.
//!
//! Precision first: a pair the lexicon covers poorly (a free translation,
//! or the aligner's guess) gives neither; a pair with more than one
//! candidate substitution gives none.
//!
//! Invariants: reported words are content words of the side named; runs
//! are disjoint and in reading order.

use super::lexicon::{Links, Table, Word};
use crate::model::Lang;

/// Sure uncovered words a run needs to be an omission.
pub const OMISSION_WORDS: usize = 3;
/// Content words (sure or not) a run needs to be an omission.
pub const OMISSION_SPAN: usize = 3;
/// The same for words of the Kazakh side: an agglutinative paraphrase
/// leaves more words without a one-word counterpart («ие боласыз» for
/// «имеете»), so a Kazakh run must be longer.
pub const KK_OMISSION_WORDS: usize = 4;
pub const KK_OMISSION_SPAN: usize = 5;
/// Uncovered content words (one of them sure) a run needs to be an
/// omission when it is a whole
/// conjunct ([`whole_conjunct`]): a recipient, a data category or a
/// purpose added to a list inside a sentence («…, мінез-құлықтық скоринг
/// жүргізу, …», «… және Клиенттің отбасы мүшелеріне»).
pub const CONJUNCT_WORDS: usize = 2;
pub const KK_CONJUNCT_WORDS: usize = 3;

/// Coordinating words: a run right after one of them (or after a comma or
/// semicolon) starts a conjunct.
const COORDINATORS: &[&str] = &[
    "және",
    "мен",
    "бен",
    "пен",
    "немесе",
    "не",
    "сондай",
    "ақ",
    "әрі",
    "и",
    "или",
    "либо",
    "также",
];

/// Least share of a side's known content words that must be covered for
/// its pair to be read at all.
pub const MIN_COVERAGE: f64 = 0.6;
/// Least share of both sides' known content words covered for a pair to
/// be read for a substituted word (a literal translation).
pub const LITERAL: f64 = 0.8;
/// How far (in content words, at least) from the expected place a
/// substituted word may stand.
const NEAR: usize = 3;

/// Which content words of `a` have a counterpart among `b`'s: `Some(true)`
/// covered, `Some(false)` not, `None` for a stop word or a word the lexicon
/// has never seen.
pub fn coverage(
    a: &[Word],
    la: Lang,
    b: &[Word],
    table: &Table,
    links: &Links,
    greedy: bool,
) -> Vec<Option<bool>> {
    // With `greedy`, each word of `b` answers one word of `a` (the best
    // first, in reading order), so that a word repeated on one side needs
    // its repetitions on the other.
    let mut used = vec![false; b.len()];
    let mut out: Vec<Option<bool>> = a
        .iter()
        .map(|w| (w.content && table.count(&w.stem, la) > 0).then_some(false))
        .collect();
    for (i, w) in a.iter().enumerate() {
        if !w.content {
            continue;
        }
        let best = (0..b.len())
            .filter(|&j| !used[j])
            .map(|j| (j, links.get(la, i, j)))
            .filter(|&(_, s)| s > 0.0)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((j, _)) = best {
            used[j] = greedy;
            out[i] = Some(true);
        }
    }
    out
}

/// Share of known content words covered (1 with none).
pub fn share(cov: &[Option<bool>]) -> f64 {
    let known: Vec<bool> = cov.iter().flatten().copied().collect();
    if known.is_empty() {
        return 1.0;
    }
    known.iter().filter(|&&c| c).count() as f64 / known.len() as f64
}

/// A run of uncovered words: first and last word index, and the sure ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub first: usize,
    pub last: usize,
    pub sure: Vec<usize>,
    /// Uncovered content words in the run.
    pub words: usize,
}

/// Runs of uncovered content words of `a` (see the module comment).
pub fn runs(a: &[Word], text: &str, la: Lang, cov: &[Option<bool>], table: &Table) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cur: Option<Run> = None;
    let mut prev_end = 0;
    for (i, w) in a.iter().enumerate() {
        let stop = text[prev_end.min(w.start)..w.start]
            .chars()
            .any(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '•' | '(' | ')'));
        prev_end = w.end;
        if stop && let Some(r) = cur.take() {
            out.push(r);
        }
        match cov[i] {
            Some(true) => {
                if let Some(r) = cur.take() {
                    out.push(r);
                }
            }
            Some(false) => {
                let r = cur.get_or_insert(Run {
                    first: i,
                    last: i,
                    sure: Vec::new(),
                    words: 0,
                });
                r.last = i;
                r.words += 1;
                if table.sure(&w.stem, la) {
                    r.sure.push(i);
                }
            }
            None => {}
        }
    }
    if let Some(r) = cur {
        out.push(r);
    }
    out.retain(|r| !r.sure.is_empty());
    out
}

/// Times a stem must have been seen in training for a substituted word:
/// a word seen this often whose translation is missing is not a gap in
/// the lexicon («подлежат» for «жатады» seen a few times only).
pub const SUBSTITUTION_COUNT: u32 = 8;

fn frequent(table: &Table, stem: &str, lang: Lang) -> bool {
    table.count(stem, lang) >= SUBSTITUTION_COUNT
}

/// Substitutions between `a` and `b`: pairs (word of `a`, word of `b`),
/// each a sure uncovered word standing alone on its side, with exactly
/// one uncovered content word of the other side near its place. At most
/// one pair is returned: more candidates say the pair is not read well.
pub fn substitution(
    a: &[Word],
    la: Lang,
    a_runs: &[Run],
    b: &[Word],
    b_cov: &[Option<bool>],
    b_runs: &[Run],
    table: &Table,
) -> Option<(usize, usize)> {
    let lb = if la == Lang::Kk { Lang::Ru } else { Lang::Kk };
    let a_content: Vec<usize> = (0..a.len()).filter(|&i| a[i].content).collect();
    let b_content: Vec<usize> = (0..b.len()).filter(|&j| b[j].content).collect();
    if a_content.is_empty() || b_content.is_empty() {
        return None;
    }
    // One sure word without a counterpart on this side, no more.
    let lone: Vec<&Run> = a_runs.iter().filter(|r| !r.sure.is_empty()).collect();
    if lone.len() != 1 || lone[0].sure.len() != 1 {
        return None;
    }
    if b_runs.iter().map(|r| r.sure.len()).sum::<usize>() != 1 {
        return None;
    }
    let mut found = Vec::new();
    for r in a_runs.iter().filter(|r| r.sure.len() == 1) {
        let i = r.sure[0];
        let pos = a_content.iter().position(|&x| x == i)?;
        let expect = pos * b_content.len() / a_content.len();
        let reach = NEAR.max(b_content.len() / 7);
        let near: Vec<usize> = b_content
            .iter()
            .enumerate()
            .filter(|(k, _)| k.abs_diff(expect) <= reach)
            .map(|(_, &j)| j)
            .filter(|&j| b_cov[j] == Some(false))
            .collect();
        if near.len() == 1 {
            let j = near[0];
            // The other side's word is sure of its translation too, and
            // neither word is even weakly a translation of the other.
            if !table.sure(&b[j].stem, lb)
                || !frequent(table, &a[i].stem, la)
                || !frequent(table, &b[j].stem, lb)
            {
                continue;
            }
            // The company named by two designations («Серіктестік» /
            // «Общество») is a naming matter, not a changed meaning.
            if designation(&a[i].lower) && designation(&b[j].lower) {
                continue;
            }
            // A word whose most probable translation stands in its place
            // is translated, whatever stem the other word took
            // («жинайтын» / «собираемых»): no substitution.
            let close = |best: Option<&str>, w: &Word| {
                best.is_some_and(|t| {
                    let head: String = t.chars().take(4).collect();
                    head.chars().count() == 4
                        && (w.stem.starts_with(&head) || w.lower.starts_with(&head))
                })
            };
            if close(table.best(&a[i].stem, la), &b[j]) || close(table.best(&b[j].stem, lb), &a[i])
            {
                continue;
            }
            let (x, y) = if la == Lang::Kk {
                table.prob(&a[i].stem, &b[j].stem)
            } else {
                table.prob(&b[j].stem, &a[i].stem)
            };
            if x.max(y) > 0.0 {
                continue;
            }
            if b_runs
                .iter()
                .any(|r| r.first <= j && j <= r.last && r.sure.len() > 1)
            {
                continue;
            }
            found.push((i, j));
        }
    }
    (found.len() == 1).then(|| found[0])
}

/// A phrase changed: the one run of sure uncovered words on each side (at
/// most [`PHRASE_WORDS`] of them), the two runs set between counterparts
/// (the content words just before them, or just after them, translate each
/// other), no word of one run even weakly a translation of a word of the
/// other, and the rest of both sides translated word for word (a share of
/// at least [`PHRASE_REST`] with the runs set aside): «… қабілеттілігін
/// бағалау, өнімдерді жарнамалау, …» against «… кредитоспособности,
/// взыскания задолженности, …». The two runs' word ranges (kk, ru).
pub fn phrase_substitution(
    (kw, kruns, kcov): (&[Word], &[Run], &[Option<bool>]),
    (rw, rruns, rcov): (&[Word], &[Run], &[Option<bool>]),
    links: &Links,
) -> Option<((usize, usize), (usize, usize))> {
    // The sure runs of a side as one, where nothing translated stands
    // between them (a list's commas cut a run: «бағалау, өнімдерді
    // жарнамалау»); no number word in it («екі жылда» / «два года»).
    let one = |w: &[Word], runs: &[Run], cov: &[Option<bool>]| -> Option<Run> {
        let sure: Vec<&Run> = runs.iter().filter(|r| !r.sure.is_empty()).collect();
        let first = sure.iter().map(|r| r.first).min()?;
        let last = sure.iter().map(|r| r.last).max()?;
        let whole = Run {
            first,
            last,
            sure: sure.iter().flat_map(|r| r.sure.iter().copied()).collect(),
            words: (first..=last).filter(|&i| w[i].content).count(),
        };
        let gap = (first..=last).any(|i| cov[i] == Some(true));
        let number = (first..=last).any(|i| crate::extract::numwords::parse(&w[i].lower).is_some());
        (!gap && !number && whole.sure.len() <= PHRASE_WORDS && whole.words <= PHRASE_WORDS + 1)
            .then_some(whole)
    };
    let (kr, rr) = (one(kw, kruns, kcov)?, one(rw, rruns, rcov)?);
    if kr.sure.len() + rr.sure.len() < 3 {
        return None;
    }
    let rest = |cov: &[Option<bool>], r: &Run| {
        let mut c = cov.to_vec();
        c[r.first..=r.last].fill(None);
        share(&c)
    };
    if rest(kcov, &kr).min(rest(rcov, &rr)) < PHRASE_REST {
        return None;
    }
    let before = |w: &[Word], r: &Run| (0..r.first).rev().find(|&i| w[i].content);
    let after = |w: &[Word], r: &Run| (r.last + 1..w.len()).find(|&i| w[i].content);
    let linked = |k: Option<usize>, r: Option<usize>| matches!((k, r), (Some(k), Some(r)) if links.get(Lang::Kk, k, r) > 0.0);
    if !linked(before(kw, &kr), before(rw, &rr)) && !linked(after(kw, &kr), after(rw, &rr)) {
        return None;
    }
    let crossed =
        (kr.first..=kr.last).any(|k| (rr.first..=rr.last).any(|r| links.get(Lang::Kk, k, r) > 0.0));
    (!crossed).then_some(((kr.first, kr.last), (rr.first, rr.last)))
}

/// Words that designate the organisation (its defined name in the text):
/// «серіктестік», «ұйым», «компания», «товарищество», «общество»,
/// «организация», «МФО».
fn designation(word: &str) -> bool {
    [
        "серіктестік",
        "ұйым",
        "компания",
        "қоғам",
        "мқұ",
        "товариществ",
        "обществ",
        "организаци",
        "компани",
        "мфо",
    ]
    .iter()
    .any(|p| word.starts_with(p))
}

/// The most sure words a changed phrase of [`phrase_substitution`] holds.
pub const PHRASE_WORDS: usize = 4;
/// The share of the rest of a pair translated word for word, for
/// [`phrase_substitution`].
pub const PHRASE_REST: f64 = 0.9;

/// Whether the other side `b` has an uncovered content word near the
/// place where run `r` of `a` would have its counterpart (the run's share
/// of the way through `a`'s content words, within [`NEAR`] words or a
/// seventh of the side): then the run may be said there in words the
/// lexicon does not know (a paraphrase), not left out.
pub fn answered_near(a: &[Word], r: &Run, b: &[Word], b_cov: &[Option<bool>]) -> bool {
    let a_content: Vec<usize> = (0..a.len()).filter(|&i| a[i].content).collect();
    let b_content: Vec<usize> = (0..b.len()).filter(|&j| b[j].content).collect();
    let (Some(first), Some(last)) = (
        a_content.iter().position(|&x| x == r.first),
        a_content.iter().position(|&x| x == r.last),
    ) else {
        return false;
    };
    if b_content.is_empty() {
        return false;
    }
    let scale = |p: usize| p * b_content.len() / a_content.len();
    let reach = NEAR.max(b_content.len() / 7);
    let (lo, hi) = (scale(first).saturating_sub(reach), scale(last) + reach);
    b_content
        .iter()
        .enumerate()
        .any(|(k, &j)| (lo..=hi).contains(&k) && b_cov[j] == Some(false))
}

/// Run `r` of `a` cut at its commas and semicolons: the pieces a list
/// inside a sentence is made of («бағалау, жарнамалық хабарламалар
/// жіберу» is two), each with its own sure words and content-word count.
pub fn pieces(a: &[Word], text: &str, r: &Run) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for i in r.first..=r.last {
        let cut = i > r.first && text[a[i - 1].end..a[i].start].contains([',', ';']);
        if cut || out.is_empty() {
            out.push(Run {
                first: i,
                last: i,
                sure: Vec::new(),
                words: 0,
            });
        }
        let p = out.last_mut().expect("a piece");
        p.last = i;
        if r.sure.contains(&i) {
            p.sure.push(i);
        }
        p.words += usize::from(a[i].content);
    }
    // A piece ends at its last content word.
    for p in &mut out {
        while p.last > p.first && !a[p.last].content {
            p.last -= 1;
        }
    }
    out
}

/// Whether run `r` of `a` is a whole conjunct of a coordination: it
/// starts after a comma, a semicolon or a coordinating word («және»,
/// «а также», «или»), ends before a comma, a stop, a coordinating word or
/// the end of the text, and covers every word in between (no covered word
/// of the same conjunct is left outside it).
pub fn whole_conjunct(a: &[Word], text: &str, r: &Run) -> bool {
    let sep = |s: &str| s.chars().any(|c| matches!(c, ',' | ';' | ':' | '.' | '\n'));
    let coord = |w: &Word| COORDINATORS.contains(&w.lower.as_str());
    // Before: coordinating words (skipped), then a separator or the start.
    let mut i = r.first;
    let mut opened = false;
    while i > 0 && coord(&a[i - 1]) {
        i -= 1;
        opened = true;
    }
    let before = if i == 0 {
        &text[..a[0].start]
    } else {
        &text[a[i - 1].end..a[i].start]
    };
    opened |= i == 0 || sep(before);
    if !opened {
        return false;
    }
    // After: a separator, a coordinating word, or the end.
    match a.get(r.last + 1) {
        None => true,
        Some(next) => coord(next) || sep(&text[a[r.last].end..next.start]),
    }
}
