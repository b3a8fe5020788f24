//! Kazakh↔Russian alignment, clause by clause: monotonic dynamic
//! programming with 1-1, 1-0, 0-1, 1-2 and 2-1 moves.
//!
//! The similarity of a candidate pair combines numbering agreement, kind
//! agreement, the length ratio, shared anchors (numbers, dates, e-mails,
//! URLs, Latin names, law numbers) and shared lexical evidence: glossary
//! concepts and word stems both languages write alike (loanwords, names),
//! each weighed by its rarity in the document. No single feature decides:
//! a clause numbered «3.» on one side and bulleted on the other still pairs
//! when its length, anchors and terms agree, and where both clauses carry
//! rare concepts, content outweighs numbering, so that a clause inserted on
//! one side with the rest renumbered, or a paragraph one side lacks, does
//! not shift the pairs after it.
//!
//! Invariants: the returned pairs are monotonic (indices never decrease on
//! either side) but for a table row's kk and ru cells paired by the layout
//! ([`pair_rows`]), cover every clause of both sides exactly once, and carry a
//! score in [0, 1] (0 for an unpaired clause). Time is O(n·m) up to 2,000 ×
//! 2,000 clauses and O((n + m) · band) beyond, memory the same.

use crate::model::{Clause, ClauseKind, Entity, Pair};
use crate::rules::Glossary;

/// Features of one clause, or of two merged clauses.
#[derive(Debug, Clone, Default)]
pub struct Features {
    number: Option<String>,
    /// The number of the second clause of a merge, when it has its own: a
    /// side that spans two differently numbered clauses is a weaker match.
    second_number: Option<String>,
    kind: Option<ClauseKind>,
    len: f32,
    anchors: Vec<String>,
    /// Lexical evidence, sorted: glossary concepts (their ids) and word
    /// stems both languages write alike ([`STEM`] bit set, see [`stems`]),
    /// and the weight of each (its rarity in the document, see
    /// [`weigh_terms`]; 1 until weighed).
    terms: Vec<u64>,
    term_weights: Vec<f32>,
    /// Cost of leaving this clause unpaired: a clause with no words (a bare
    /// number) costs almost nothing.
    gap: f32,
}

impl Features {
    fn merge(&self, next: &Features) -> Features {
        let mut anchors = self.anchors.clone();
        anchors.extend(next.anchors.iter().cloned());
        anchors.sort();
        let mut weighted: Vec<(u64, f32)> = self
            .terms
            .iter()
            .copied()
            .zip(self.term_weights.iter().copied())
            .chain(
                next.terms
                    .iter()
                    .copied()
                    .zip(next.term_weights.iter().copied()),
            )
            .collect();
        weighted.sort_by_key(|&(t, _)| t);
        weighted.dedup_by_key(|&mut (t, _)| t);
        let (terms, term_weights) = weighted.into_iter().unzip();
        Features {
            number: self.number.clone().or_else(|| next.number.clone()),
            second_number: next.number.clone().filter(|_| self.number.is_some()),
            kind: self.kind,
            len: self.len + next.len + 1.0,
            anchors,
            terms,
            term_weights,
            gap: self.gap + next.gap,
        }
    }
}

/// Lower-case words of a text (letters and digits).
pub fn words(text: &str) -> Vec<String> {
    crate::tokens::lower_words(text)
}

/// Ids (indices into `glossary.terms`) of the concepts a text mentions in
/// the given language.
pub fn term_ids(words: &[String], glossary: &Glossary, kazakh: bool) -> Vec<usize> {
    let mut out = Vec::new();
    for (id, term) in glossary.terms.iter().enumerate() {
        let alts = if kazakh { &term.kk } else { &term.ru };
        let found = alts.iter().any(|alt| {
            words.windows(alt.len()).any(|win| {
                win.iter().zip(alt).all(|(w, stem)| {
                    if kazakh {
                        crate::tokens::kazakh_stem_of(w, stem)
                    } else {
                        w.starts_with(stem.as_str())
                    }
                })
            })
        });
        if found {
            out.push(id);
        }
    }
    out
}

/// The bit that marks a stem among the glossary concept ids.
const STEM: u64 = 1 << 63;

/// Words both languages write alike — loanwords and names («мессенджер»,
/// «телефон», «микрокредит», «Республика», «Visa») — as the hashes of
/// their first five letters, lower-cased, with Kazakh letters folded to
/// their Russian look-alikes (қ→к, ө→о, …); words of five letters or more.
/// A stem shared by a Kazakh and a Russian clause is evidence that they
/// say the same; a stem every clause shares weighs little
/// ([`weigh_terms`]).
fn stems(text: &str) -> Vec<u64> {
    let fold = crate::tokens::russian_letter;
    let mut out: Vec<u64> = crate::tokens::tokens(text, crate::tokens::Class::Letters)
        .into_iter()
        .filter_map(|(a, b)| {
            let word = &text[a..b];
            let mut stem = word.chars().flat_map(char::to_lowercase).map(fold);
            let head: String = stem.by_ref().take(5).collect();
            (head.chars().count() == 5).then(|| {
                // FNV-1a: stable across runs and machines.
                let h = head.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                });
                h | STEM
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Compute the alignment features of one clause.
pub fn features(
    clause: &Clause,
    entities: &[Entity],
    glossary: &Glossary,
    kazakh: bool,
) -> Features {
    let body = clause.body();
    // A period is an anchor twice: its value, and its unit alone, so that
    // a pair whose period differs in value only («10 жұмыс күні» against
    // «5 рабочих дней», the defect a translator's check is for) still
    // shares the sign that it speaks of working days.
    let mut anchors: Vec<String> = entities
        .iter()
        .map(|e| format!("{:?}:{}", e.kind, e.value))
        .chain(
            entities
                .iter()
                .filter(|e| e.kind == crate::model::EntityKind::Duration && !e.implied)
                .filter_map(|e| {
                    e.value
                        .split_once(' ')
                        .map(|(_, unit)| format!("unit:{unit}"))
                }),
        )
        .collect();
    anchors.sort();
    let text = match &clause.term {
        Some(term) => format!("{term} {body}"),
        None => body.to_string(),
    };
    let letters = body
        .chars()
        .filter(|&c| crate::tokens::is_letter(c))
        .count();
    let mut terms: Vec<u64> = term_ids(&words(&text), glossary, kazakh)
        .into_iter()
        .map(|t| t as u64)
        .chain(stems(&text))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    Features {
        number: clause
            .number
            .as_deref()
            .map(|n| crate::clauses::comparable_number(n, clause.lang)),
        second_number: None,
        kind: Some(clause.kind),
        len: body.chars().count() as f32,
        anchors,
        term_weights: vec![1.0; terms.len()],
        terms,
        gap: if letters >= 3 { GAP } else { EMPTY_GAP },
    }
}

/// Elements two sorted lists (multisets) have in common.
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two sorted lists (multisets), in [0, 1]; `None`
/// when both are empty.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    Some(2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64)
}

/// What [`similarity`] reads of one side for every candidate it is
/// compared with, read once: the number's last part and depth, the
/// concept mass ([`term_mass`]) and the sum of the term weights.
struct Prepared<'a> {
    number: Option<(&'a str, usize)>,
    mass: f32,
    weights: f32,
}

impl Features {
    fn prepare(&self) -> Prepared<'_> {
        Prepared {
            number: self.number.as_deref().map(|s| {
                let last = s.rsplit(['.', '(']).next().unwrap_or("");
                (last, s.matches(['.', '(']).count())
            }),
            mass: term_mass(self),
            weights: self.term_weights.iter().sum(),
        }
    }
}

/// Numbering agreement, halved when a side merges two numbered clauses.
fn numbering(k: &Features, kp: &Prepared, r: &Features, rp: &Prepared) -> f32 {
    let spans_two = |f: &Features| f.second_number.is_some() && f.second_number != f.number;
    let sim = number_sim(k, kp, r, rp);
    if spans_two(k) || spans_two(r) {
        sim * 0.5
    } else {
        sim
    }
}

fn number_sim(k: &Features, kp: &Prepared, r: &Features, rp: &Prepared) -> f32 {
    match (&k.number, &r.number) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(_), Some(_)) => {
            // The same last part at the same depth.
            if kp.number == rp.number { 0.5 } else { 0.0 }
        }
        (None, None) => 0.5,
        _ => 0.3,
    }
}

fn kind_sim(a: Option<ClauseKind>, b: Option<ClauseKind>) -> f32 {
    use ClauseKind::*;
    let (Some(a), Some(b)) = (a, b) else {
        return 0.5;
    };
    if a == b {
        return 1.0;
    }
    match (a, b) {
        (Definition, _) | (_, Definition) => 0.0,
        (Heading, Numbered) | (Numbered, Heading) => 0.6,
        (Bullet | Paragraph | Item, Bullet | Paragraph | Item) => 0.6,
        (Preamble, Heading | Paragraph) | (Heading | Paragraph, Preamble) => 0.5,
        _ => 0.2,
    }
}

/// Weigh each clause's glossary concepts and shared stems by their rarity
/// in the document (inverse document frequency over the clauses of both
/// languages): a concept every clause mentions («персональные данные»,
/// «МФО») says little about which clause is which, a rare one
/// («трансграничная передача», «уведомить об утечке») says much. Stems
/// that only one language writes are dropped. Weights are ≥ 0.1; the work
/// is linear in the clauses' evidence.
pub fn weigh_terms(kk: &mut [Features], ru: &mut [Features]) {
    use std::collections::{HashMap, HashSet};
    let mut df: HashMap<u64, usize> = HashMap::new();
    let mut in_kk: HashSet<u64> = HashSet::new();
    let mut in_ru: HashSet<u64> = HashSet::new();
    for (side, seen) in [(&*kk, &mut in_kk), (&*ru, &mut in_ru)] {
        for f in side {
            for &t in &f.terms {
                *df.entry(t).or_default() += 1;
                seen.insert(t);
            }
        }
    }
    let n = (kk.len() + ru.len()) as f32;
    for f in kk.iter_mut().chain(ru.iter_mut()) {
        // A stem only one language writes is no shared evidence.
        let (terms, weights) = f
            .terms
            .iter()
            .filter(|t| **t & STEM == 0 || (in_kk.contains(t) && in_ru.contains(t)))
            .map(|t| {
                let d = df.get(t).copied().unwrap_or(1) as f32;
                (*t, ((n + 1.0) / d).ln().max(0.1))
            })
            .unzip();
        f.terms = terms;
        f.term_weights = weights;
    }
}

/// Weighted Dice coefficient of two sorted concept lists; `None` when both
/// are empty.
fn weighted_dice(a: &Features, ap: &Prepared, b: &Features) -> Option<f32> {
    // The sum of both sides' weights, added in the order of one chain.
    let total: f32 = b.term_weights.iter().fold(ap.weights, |t, w| t + w);
    if a.terms.is_empty() && b.terms.is_empty() || total <= 0.0 {
        return None;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a.term_weights[i] + b.term_weights[j];
                i += 1;
                j += 1;
            }
        }
    }
    Some(shared / total)
}

/// How much a side's glossary concepts say: their summed weights (stems
/// left out: they tell clauses apart, but do not outweigh numbering).
fn term_mass(f: &Features) -> f32 {
    f.terms
        .iter()
        .zip(&f.term_weights)
        .filter(|(t, _)| *t & STEM == 0)
        .map(|(_, w)| w)
        .sum()
}

/// Concept mass on each side at which content outweighs numbering: about
/// two rare concepts.
const DECISIVE_MASS: f32 = 4.0;

/// Expected log ratio of Kazakh to Russian length, and its spread.
const LEN_MU: f32 = 0.0;
const LEN_SIGMA: f32 = 0.35;

/// Similarity of a Kazakh and a Russian candidate, in [0, 1].
///
/// Numbering weighs 0.30 where the clauses say little (headings, short
/// items), and down to 0.15 where both carry rare concepts: then content
/// decides, so that a clause inserted on one side with the rest renumbered
/// pairs by what the clauses say, not by their numbers.
pub fn similarity(k: &Features, r: &Features) -> f32 {
    similarity_prepared(k, &k.prepare(), r, &r.prepare())
}

/// [`similarity`] with what it reads of each side read before.
fn similarity_prepared(k: &Features, kp: &Prepared, r: &Features, rp: &Prepared) -> f32 {
    let ratio = ((k.len + 10.0) / (r.len + 10.0)).ln() - LEN_MU;
    let len = (-(ratio * ratio) / (2.0 * LEN_SIGMA * LEN_SIGMA)).exp();
    let anchors = dice(&k.anchors, &r.anchors).map_or(0.5, |d| d as f32);
    let terms = weighted_dice(k, kp, r).unwrap_or(0.5);
    let evidence = (kp.mass.min(rp.mass) / DECISIVE_MASS).min(1.0);
    let w_number = 0.30 - 0.15 * evidence;
    let w_terms = 0.15 + 0.15 * evidence;
    w_number * numbering(k, kp, r, rp)
        + 0.25 * len
        + 0.20 * anchors
        + w_terms * terms
        + 0.10 * kind_sim(k.kind, r.kind)
}

/// Cost of leaving one clause unpaired.
const GAP: f32 = 0.8;
/// Cost of leaving a clause with no words unpaired.
const EMPTY_GAP: f32 = 0.1;
/// Extra cost of merging two clauses into one pair.
const MERGE: f32 = 0.25;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Move {
    None,
    M11,
    M10,
    M01,
    M12,
    M21,
}

/// The cells of the dynamic programme that are computed: every cell for
/// documents up to 2,000 × 2,000 clauses, else a band around the diagonal
/// (the band alone is stored, so memory stays linear in the clauses).
struct Grid {
    /// For each row `i` (0..=n), the first and last column computed.
    rows: Vec<(usize, usize)>,
    /// Where each row starts in the flat arrays.
    starts: Vec<usize>,
    len: usize,
}

impl Grid {
    fn new(n: usize, m: usize) -> Grid {
        let band = if n.saturating_mul(m) <= 4_000_000 {
            usize::MAX
        } else {
            n.abs_diff(m) + 400
        };
        let mut rows = Vec::with_capacity(n + 1);
        let mut starts = Vec::with_capacity(n + 1);
        let mut len = 0;
        for i in 0..=n {
            let centre = (i * m).checked_div(n).unwrap_or(0);
            let (lo, hi) = if band == usize::MAX {
                (0, m)
            } else {
                (
                    centre.saturating_sub(band),
                    centre.saturating_add(band).min(m),
                )
            };
            rows.push((lo, hi));
            starts.push(len);
            len += hi - lo + 1;
        }
        Grid { rows, starts, len }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The flat index of cell (i, j), if it is computed.
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        let &(lo, hi) = self.rows.get(i)?;
        (lo..=hi).contains(&j).then(|| self.starts[i] + j - lo)
    }
}

/// Align two clause sequences given their features. Indices in the pairs
/// are local to `kk` and `ru`.
pub fn align_features(kk: &[Features], ru: &[Features]) -> Vec<Pair> {
    let (n, m) = (kk.len(), ru.len());
    let grid = Grid::new(n, m);
    let mut cost = vec![f32::INFINITY; grid.len()];
    let mut back = vec![Move::None; grid.len()];
    if let Some(origin) = grid.at(0, 0) {
        cost[origin] = 0.0;
    }
    // Merged features of each clause with its successor, computed once.
    let kk2: Vec<Features> = kk.windows(2).map(|w| w[0].merge(&w[1])).collect();
    let ru2: Vec<Features> = ru.windows(2).map(|w| w[0].merge(&w[1])).collect();
    fn prepare(fs: &[Features]) -> Vec<Prepared<'_>> {
        fs.iter().map(Features::prepare).collect()
    }
    let (kp, rp, kp2, rp2) = (prepare(kk), prepare(ru), prepare(&kk2), prepare(&ru2));
    for i in 0..=n {
        let (lo, hi) = grid.rows[i];
        for j in lo..=hi {
            let Some(cell) = grid.at(i, j) else { continue };
            let here = cost[cell];
            if !here.is_finite() {
                continue;
            }
            let mut relax = |ni: usize, nj: usize, c: f32, mv: Move| {
                if let Some(at) = grid.at(ni, nj)
                    && here + c < cost[at]
                {
                    cost[at] = here + c;
                    back[at] = mv;
                }
            };
            if i < n {
                relax(i + 1, j, kk[i].gap, Move::M10);
            }
            if j < m {
                relax(i, j + 1, ru[j].gap, Move::M01);
            }
            if i < n && j < m {
                let s = similarity_prepared(&kk[i], &kp[i], &ru[j], &rp[j]);
                relax(i + 1, j + 1, 2.0 * (1.0 - s), Move::M11);
                if j + 1 < m {
                    let s = similarity_prepared(&kk[i], &kp[i], &ru2[j], &rp2[j]);
                    relax(i + 1, j + 2, 3.0 * (1.0 - s) + MERGE, Move::M12);
                }
                if i + 1 < n {
                    let s = similarity_prepared(&kk2[i], &kp2[i], &ru[j], &rp[j]);
                    relax(i + 2, j + 1, 3.0 * (1.0 - s) + MERGE, Move::M21);
                }
            }
        }
    }
    // Trace back.
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let mv = grid.at(i, j).map_or(Move::None, |at| back[at]);
        let (di, dj) = match mv {
            Move::M11 => (1, 1),
            Move::M10 => (1, 0),
            Move::M01 => (0, 1),
            Move::M12 => (1, 2),
            Move::M21 => (2, 1),
            // Unreachable cell (outside the band): fall back to gaps.
            Move::None => {
                if i > 0 {
                    (1, 0)
                } else {
                    (0, 1)
                }
            }
        };
        let kk_idx: Vec<usize> = (i - di..i).collect();
        let ru_idx: Vec<usize> = (j - dj..j).collect();
        let score = match (kk_idx.as_slice(), ru_idx.as_slice()) {
            ([], _) | (_, []) => 0.0,
            ([a], [b]) => similarity(&kk[*a], &ru[*b]),
            ([a], [b, _]) => similarity(&kk[*a], &ru2[*b]),
            ([a, _], [c]) => similarity(&kk2[*a], &ru[*c]),
            _ => 0.0,
        };
        pairs.push(Pair {
            kk: kk_idx,
            ru: ru_idx,
            score: (score * 1000.0).round() / 1000.0,
        });
        i -= di;
        j -= dj;
    }
    pairs.reverse();
    pairs
}

/// Align the Kazakh and Russian clauses of a document. `clauses` holds the
/// Kazakh clauses first; the returned indices are into `clauses`.
pub fn align(clauses: &[Clause], entities: &[Vec<Entity>], glossary: &Glossary) -> Vec<Pair> {
    let split = clauses
        .iter()
        .position(|c| c.lang != crate::model::Lang::Kk)
        .unwrap_or(clauses.len());
    let mut kk: Vec<Features> = clauses[..split]
        .iter()
        .zip(entities)
        .map(|(c, e)| features(c, e, glossary, true))
        .collect();
    let mut ru: Vec<Features> = clauses[split..]
        .iter()
        .zip(&entities[split..])
        .map(|(c, e)| features(c, e, glossary, false))
        .collect();
    weigh_terms(&mut kk, &mut ru);
    let mut pairs = align_features(&kk, &ru);
    pair_rows(&mut pairs, &clauses[..split], &clauses[split..], &kk, &ru);
    for p in &mut pairs {
        for r in &mut p.ru {
            *r += split;
        }
    }
    pairs
}

/// Clauses the alignment left unpaired that stand side by side in one
/// table row (the same source line and page: a DOCX or text row «kk cell
/// ⇥ ru cell») are each other's translation, wherever the row sits in
/// each stream: a bilingual definitions table inside the Kazakh part puts
/// its Russian cells far ahead of the Russian text, out of the order the
/// alignment keeps. The Russian clause's unpaired entry is removed and the
/// Kazakh one takes it, scored as a 1–1 link.
fn pair_rows(
    pairs: &mut Vec<Pair>,
    kkc: &[Clause],
    ruc: &[Clause],
    kk: &[Features],
    ru: &[Features],
) {
    let at = |c: &Clause| (c.line > 0).then_some((c.page, c.line));
    let lone_ru: Vec<(usize, usize)> = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match (p.kk.as_slice(), p.ru.as_slice()) {
            ([], [r]) => Some((i, *r)),
            _ => None,
        })
        .collect();
    let mut taken: Vec<usize> = Vec::new();
    for p in pairs.iter_mut() {
        let [k] = p.kk[..] else { continue };
        if !p.ru.is_empty() {
            continue;
        }
        let Some(row) = at(&kkc[k]) else { continue };
        if let Some(&(i, r)) = lone_ru
            .iter()
            .find(|(i, r)| !taken.contains(i) && at(&ruc[*r]) == Some(row))
        {
            taken.push(i);
            p.ru = vec![r];
            p.score = (similarity(&kk[k], &ru[r]) * 1000.0).round() / 1000.0;
        }
    }
    let mut i = 0;
    pairs.retain(|_| {
        i += 1;
        !taken.contains(&(i - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(number: Option<&str>, len: f32, anchors: &[&str]) -> Features {
        Features {
            number: number.map(String::from),
            second_number: None,
            kind: Some(ClauseKind::Numbered),
            len,
            anchors: anchors.iter().map(|s| s.to_string()).collect(),
            terms: vec![],
            term_weights: vec![],
            gap: GAP,
        }
    }

    fn shape(pairs: &[Pair]) -> Vec<(Vec<usize>, Vec<usize>)> {
        pairs.iter().map(|p| (p.kk.clone(), p.ru.clone())).collect()
    }

    #[test]
    fn one_to_one_when_everything_agrees() {
        let kk = [f(Some("1"), 20.0, &[]), f(Some("1.1"), 200.0, &["n:18"])];
        let ru = [f(Some("1"), 22.0, &[]), f(Some("1.1"), 190.0, &["n:18"])];
        let p = align_features(&kk, &ru);
        assert_eq!(shape(&p), vec![(vec![0], vec![0]), (vec![1], vec![1])]);
        assert!(p.iter().all(|p| p.score > 0.7));
    }

    /// A definitions table kk | ru inside the Kazakh part: its Russian cells
    /// come first in the Russian stream, out of order; the row pairs them
    /// (blind17's DOCX).
    #[test]
    fn cells_of_one_table_row_pair_out_of_order() {
        let clause = |id: &str, line: usize| {
            let mut c = Clause::from_text(id, "x");
            c.line = line;
            c.page = None;
            c
        };
        let kkc = [clause("kk:1", 1), clause("kk:2", 5), clause("kk:3", 9)];
        let ruc = [clause("ru:p1", 5), clause("ru:1", 12), clause("ru:3", 14)];
        let kk = [
            f(Some("1"), 50.0, &[]),
            f(None, 80.0, &[]),
            f(Some("3"), 60.0, &[]),
        ];
        let ru = [
            f(None, 85.0, &[]),
            f(Some("1"), 55.0, &[]),
            f(Some("3"), 65.0, &[]),
        ];
        let mut pairs = vec![
            Pair {
                kk: vec![],
                ru: vec![0],
                score: 0.0,
            },
            Pair {
                kk: vec![0],
                ru: vec![1],
                score: 0.9,
            },
            Pair {
                kk: vec![1],
                ru: vec![],
                score: 0.0,
            },
            Pair {
                kk: vec![2],
                ru: vec![2],
                score: 0.9,
            },
        ];
        pair_rows(&mut pairs, &kkc, &ruc, &kk, &ru);
        assert_eq!(
            shape(&pairs),
            vec![(vec![0], vec![1]), (vec![1], vec![0]), (vec![2], vec![2])]
        );
        assert!(pairs[1].score > 0.0);
    }

    #[test]
    fn a_missing_clause_is_left_unpaired_and_the_rest_still_align() {
        let kk = [
            f(Some("1.1"), 100.0, &[]),
            f(Some("1.2"), 300.0, &["a"]),
            f(Some("1.3"), 50.0, &[]),
        ];
        let ru = [f(Some("1.1"), 110.0, &[]), f(Some("1.3"), 55.0, &[])];
        let p = align_features(&kk, &ru);
        assert_eq!(
            shape(&p),
            vec![(vec![0], vec![0]), (vec![1], vec![]), (vec![2], vec![1])]
        );
        assert_eq!(p[1].score, 0.0);
    }

    #[test]
    fn numbering_slip_does_not_derail() {
        // kk numbers 4.1 what ru numbers 3.1, then both agree again.
        let kk = [
            f(Some("3"), 40.0, &[]),
            f(Some("4.1"), 400.0, &["law:94-V", "d:2013-05-21"]),
            f(Some("3.2"), 200.0, &[]),
        ];
        let ru = [
            f(Some("3"), 38.0, &[]),
            f(Some("3.1"), 420.0, &["law:94-V", "d:2013-05-21"]),
            f(Some("3.2"), 210.0, &[]),
        ];
        let p = align_features(&kk, &ru);
        assert_eq!(
            shape(&p),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
    }

    fn lexical(number: &str, len: f32, terms: &[u64]) -> Features {
        Features {
            terms: terms.to_vec(),
            term_weights: vec![1.0; terms.len()],
            ..f(Some(number), len, &[])
        }
    }

    #[test]
    fn content_outweighs_numbers_when_one_side_inserts_a_clause() {
        // ru inserts 2.3 and renumbers; kk 2.3 says what ru 2.4 says.
        let mut kk = vec![
            lexical("2.2", 90.0, &[1, 2, 15]),
            lexical("2.3", 110.0, &[1, 56, 62]),
            lexical("2.4", 70.0, &[28, STEM | 7]),
        ];
        let mut ru = vec![
            lexical("2.2", 90.0, &[1, 2, 15]),
            lexical("2.3", 100.0, &[1, 7, 46, 50]),
            lexical("2.4", 118.0, &[1, 56, 62]),
            lexical("2.5", 70.0, &[28, STEM | 7]),
        ];
        weigh_terms(&mut kk, &mut ru);
        let p = align_features(&kk, &ru);
        assert_eq!(
            shape(&p),
            vec![
                (vec![0], vec![0]),
                (vec![], vec![1]),
                (vec![1], vec![2]),
                (vec![2], vec![3])
            ]
        );
    }

    #[test]
    fn stems_fold_kazakh_letters_and_skip_short_words() {
        assert_eq!(stems("Қазақстан"), stems("казакстан"));
        assert_eq!(stems("мессенджерлерінде"), stems("мессенджерах"));
        assert!(stems("сайт және банк").is_empty());
        assert!(stems("телефон").iter().all(|s| s & STEM != 0));
    }

    #[test]
    fn a_split_clause_is_merged() {
        let kk = [f(Some("4.2"), 300.0, &["n:5"]), f(Some("4.3"), 80.0, &[])];
        let ru = [f(Some("4.2"), 390.0, &["n:5"])];
        let p = align_features(&kk, &ru);
        assert_eq!(shape(&p), vec![(vec![0, 1], vec![0])]);
    }

    #[test]
    fn long_documents_align_in_a_band_of_linear_memory() {
        let side: Vec<Features> = (0..2100)
            .map(|i| {
                f(
                    Some(&format!("{}.{}", i / 10, i % 10)),
                    50.0 + (i % 7) as f32,
                    &[],
                )
            })
            .collect();
        let grid = Grid::new(side.len(), side.len());
        assert!(grid.len() < side.len() * 802 + 1000, "{}", grid.len());
        assert_eq!(grid.at(0, 0), Some(0));
        assert!(grid.at(0, 2000).is_none());
        let p = align_features(&side, &side);
        assert_eq!(p.len(), 2100);
        assert!(
            p.iter()
                .enumerate()
                .all(|(i, p)| p.kk == [i] && p.ru == [i])
        );
    }

    #[test]
    fn empty_sides() {
        assert!(align_features(&[], &[]).is_empty());
        let p = align_features(&[f(None, 5.0, &[])], &[]);
        assert_eq!(shape(&p), vec![(vec![0], vec![])]);
    }
}
