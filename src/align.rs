//! Kazakh↔Russian alignment, clause by clause: monotonic dynamic
//! programming with 1-1, 1-0, 0-1, 1-2 and 2-1 moves.
//!
//! The similarity of a candidate pair combines numbering agreement, kind
//! agreement, the length ratio, shared anchors (numbers, dates, e-mails,
//! URLs, Latin names, law numbers) and shared glossary concepts. No single
//! feature decides: a clause numbered «3.» on one side and bulleted on the
//! other still pairs when its length, anchors and terms agree, and a
//! numbering slip does not derail the clauses after it.
//!
//! Invariants: the returned pairs are monotonic (indices never decrease on
//! either side), cover every clause of both sides exactly once, and carry a
//! score in [0, 1] (0 for an unpaired clause).

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
    terms: Vec<usize>,
    /// Cost of leaving this clause unpaired: a clause with no words (a bare
    /// number) costs almost nothing.
    gap: f32,
}

impl Features {
    fn merge(&self, next: &Features) -> Features {
        let mut anchors = self.anchors.clone();
        anchors.extend(next.anchors.iter().cloned());
        anchors.sort();
        let mut terms = self.terms.clone();
        terms.extend(&next.terms);
        terms.sort_unstable();
        terms.dedup();
        Features {
            number: self.number.clone().or_else(|| next.number.clone()),
            second_number: next.number.clone().filter(|_| self.number.is_some()),
            kind: self.kind,
            len: self.len + next.len + 1.0,
            anchors,
            terms,
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
                win.iter()
                    .zip(alt)
                    .all(|(w, stem)| w.starts_with(stem.as_str()))
            })
        });
        if found {
            out.push(id);
        }
    }
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
    let mut anchors: Vec<String> = entities
        .iter()
        .map(|e| format!("{:?}:{}", e.kind, e.value))
        .collect();
    anchors.sort();
    let text = match &clause.term {
        Some(term) => format!("{term} {body}"),
        None => body.to_string(),
    };
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    Features {
        number: clause
            .number
            .as_deref()
            .map(|n| crate::clauses::comparable_number(n, clause.lang)),
        second_number: None,
        kind: Some(clause.kind),
        len: body.chars().count() as f32,
        anchors,
        terms: term_ids(&words(&text), glossary, kazakh),
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

/// Numbering agreement, halved when a side merges two numbered clauses.
fn numbering(k: &Features, r: &Features) -> f32 {
    let spans_two = |f: &Features| f.second_number.is_some() && f.second_number != f.number;
    let sim = number_sim(&k.number, &r.number);
    if spans_two(k) || spans_two(r) {
        sim * 0.5
    } else {
        sim
    }
}

fn number_sim(a: &Option<String>, b: &Option<String>) -> f32 {
    match (a, b) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(x), Some(y)) => {
            let last = |s: &str| s.rsplit(['.', '(']).next().unwrap_or("").to_string();
            let depth = |s: &str| s.matches(['.', '(']).count();
            if last(x) == last(y) && depth(x) == depth(y) {
                0.5
            } else {
                0.0
            }
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

/// Expected log ratio of Kazakh to Russian length, and its spread.
const LEN_MU: f32 = 0.0;
const LEN_SIGMA: f32 = 0.35;

/// Similarity of a Kazakh and a Russian candidate, in [0, 1].
pub fn similarity(k: &Features, r: &Features) -> f32 {
    let ratio = ((k.len + 10.0) / (r.len + 10.0)).ln() - LEN_MU;
    let len = (-(ratio * ratio) / (2.0 * LEN_SIGMA * LEN_SIGMA)).exp();
    let anchors = dice(&k.anchors, &r.anchors).map_or(0.5, |d| d as f32);
    let terms = dice(&k.terms, &r.terms).map_or(0.5, |d| d as f32);
    0.30 * numbering(k, r)
        + 0.25 * len
        + 0.20 * anchors
        + 0.15 * terms
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

/// Align two clause sequences given their features. Indices in the pairs
/// are local to `kk` and `ru`.
pub fn align_features(kk: &[Features], ru: &[Features]) -> Vec<Pair> {
    let (n, m) = (kk.len(), ru.len());
    let w = m + 1;
    let mut cost = vec![f32::INFINITY; (n + 1) * (m + 1)];
    let mut back = vec![Move::None; (n + 1) * (m + 1)];
    cost[0] = 0.0;
    // Merged features of each clause with its successor, computed once.
    let kk2: Vec<Features> = kk.windows(2).map(|w| w[0].merge(&w[1])).collect();
    let ru2: Vec<Features> = ru.windows(2).map(|w| w[0].merge(&w[1])).collect();
    // A band around the diagonal keeps very long documents tractable.
    let band = if n * m <= 4_000_000 {
        usize::MAX
    } else {
        n.abs_diff(m) + 400
    };
    for i in 0..=n {
        let centre = if n == 0 { 0 } else { i * m / n.max(1) };
        let lo = if band == usize::MAX {
            0
        } else {
            centre.saturating_sub(band)
        };
        let hi = if band == usize::MAX {
            m
        } else {
            (centre + band).min(m)
        };
        for j in lo..=hi {
            let here = cost[i * w + j];
            if !here.is_finite() {
                continue;
            }
            let mut relax = |ni: usize, nj: usize, c: f32, mv: Move| {
                let at = ni * w + nj;
                if here + c < cost[at] {
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
                let s = similarity(&kk[i], &ru[j]);
                relax(i + 1, j + 1, 2.0 * (1.0 - s), Move::M11);
                if j + 1 < m {
                    let s = similarity(&kk[i], &ru2[j]);
                    relax(i + 1, j + 2, 3.0 * (1.0 - s) + MERGE, Move::M12);
                }
                if i + 1 < n {
                    let s = similarity(&kk2[i], &ru[j]);
                    relax(i + 2, j + 1, 3.0 * (1.0 - s) + MERGE, Move::M21);
                }
            }
        }
    }
    // Trace back.
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let mv = back[i * w + j];
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
    let kk: Vec<Features> = clauses[..split]
        .iter()
        .zip(entities)
        .map(|(c, e)| features(c, e, glossary, true))
        .collect();
    let ru: Vec<Features> = clauses[split..]
        .iter()
        .zip(&entities[split..])
        .map(|(c, e)| features(c, e, glossary, false))
        .collect();
    let mut pairs = align_features(&kk, &ru);
    for p in &mut pairs {
        for r in &mut p.ru {
            *r += split;
        }
    }
    pairs
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

    #[test]
    fn a_split_clause_is_merged() {
        let kk = [f(Some("4.2"), 300.0, &["n:5"]), f(Some("4.3"), 80.0, &[])];
        let ru = [f(Some("4.2"), 390.0, &["n:5"])];
        let p = align_features(&kk, &ru);
        assert_eq!(shape(&p), vec![(vec![0, 1], vec![0])]);
    }

    #[test]
    fn empty_sides() {
        assert!(align_features(&[], &[]).is_empty());
        let p = align_features(&[f(None, 5.0, &[])], &[]);
        assert_eq!(shape(&p), vec![(vec![0], vec![])]);
    }
}
