//! Structure parity: lists with the same number of items, pairs of
//! plausible relative length, and headings aligned with headings.
//!
//! - `list_item_mismatch`: a run of consecutive pairs holding list items
//!   (bullets, enumerated items, or `•` markers run together inside a
//!   clause) counts a different number of items in Kazakh and in Russian.
//!   Lists are compared as runs, not pair by pair, because the aligner may
//!   legitimately pair two short items with one long one.
//! - `length_mismatch`: a 1-1 pair whose Kazakh/Russian length ratio is an
//!   outlier of the ratio's distribution over aligned corpus pairs (see
//!   [`LOG_RATIO_MEAN`]).
//! - `heading_mismatch`: a heading on one side is aligned with body text on
//!   the other.
//!
//! Invariant: findings name every clause of the run or pair concerned.

use std::sync::LazyLock;

use regex::Regex;

use super::{PairView, Side};
use crate::model::{ClauseKind, Finding, FindingKind, Lang, Severity};

/// Mean of ln((kk + 10) / (ru + 10)), kk and ru the body lengths in
/// characters, over the 1-1 pairs of the three bilingual corpus files whose
/// longer body has at least [`MIN_LENGTH`] characters, definitions left out
/// (229 pairs; `tests/mutation.rs` recomputes and prints the distribution).
/// Kazakh and Russian versions run about equally long.
pub const LOG_RATIO_MEAN: f64 = -0.016;
/// Standard deviation of that log ratio on the same pairs (its robust
/// estimate, 1.4826 × MAD, is 0.10: the tails are a little heavy).
pub const LOG_RATIO_SD: f64 = 0.13;
/// A pair is an outlier beyond this many standard deviations. On the corpus
/// the two pairs beyond it (z ≈ −4.8 and −4.3) are real omissions (the
/// Kazakh 2.2 of expressavans and beeclever lacks the Russian's «Оферте/
/// Заявке … и Правилах предоставления микрокредитов»); the next pair is at
/// |z| = 2.6 and reads as a faithful translation.
pub const OUTLIER_Z: f64 = 4.0;
/// Shorter bodies vary too much to judge by length.
pub const MIN_LENGTH: usize = 40;

fn chars(side: &Side) -> usize {
    side.bodies
        .iter()
        .map(|&(a, b)| side.text[a..b].chars().count())
        .sum()
}

/// The z-score of a pair's log length ratio, for calibration and checks.
pub fn length_z(kk_len: usize, ru_len: usize) -> f64 {
    let r = ((kk_len as f64 + 10.0) / (ru_len as f64 + 10.0)).ln();
    (r - LOG_RATIO_MEAN) / LOG_RATIO_SD
}

/// Pair checks: relative length and headings.
pub fn check_pair(v: &PairView, out: &mut Vec<(usize, Finding)>) {
    let (k, r) = (chars(&v.kk), chars(&v.ru));
    // 1-1 pairs, and merges (1-2, 2-1): a merge that doubles one side is
    // how the aligner absorbs a clause whose counterpart is missing.
    let one_to_one = v.kk.clauses.len() <= 2 && v.ru.clauses.len() <= 2;
    let definitions =
        v.kk.clauses
            .iter()
            .chain(&v.ru.clauses)
            .any(|c| c.kind == ClauseKind::Definition);
    if one_to_one && !definitions && k.max(r) >= MIN_LENGTH && k.min(r) > 0 {
        let z = length_z(k, r);
        if z.abs() > OUTLIER_Z {
            let (longer, shorter) = if z > 0.0 {
                (Lang::Kk, Lang::Ru)
            } else {
                (Lang::Ru, Lang::Kk)
            };
            out.push(v.finding(
                FindingKind::LengthMismatch,
                Severity::Low,
                Some(shorter),
                format!(
                    "the {} text is {:.1} times as long as the {} ({} vs {} characters): part of it may be untranslated or missing",
                    longer.name(),
                    k.max(r) as f64 / k.min(r).max(1) as f64,
                    shorter.name(),
                    k.max(r),
                    k.min(r)
                ),
                &[],
                &[],
            ));
        }
    }
    let heading = |s: &Side| s.clauses.iter().all(|c| c.kind == ClauseKind::Heading);
    let (kh, rh) = (heading(&v.kk), heading(&v.ru));
    if kh != rh {
        let (h, body) = if kh { (&v.kk, &v.ru) } else { (&v.ru, &v.kk) };
        let (hl, bl) = (chars(h), chars(body));
        let body_kinds = body.clauses.iter().all(|c| {
            matches!(
                c.kind,
                ClauseKind::Numbered
                    | ClauseKind::Paragraph
                    | ClauseKind::Item
                    | ClauseKind::Bullet
            )
        });
        if body_kinds && bl >= 80 && bl >= 3 * hl {
            out.push(v.finding(
                FindingKind::HeadingMismatch,
                Severity::Low,
                None,
                format!(
                    "a {} heading is aligned with {} body text of {} characters: a heading or a clause is missing on one side",
                    h.lang.name(),
                    body.lang.name(),
                    bl
                ),
                &[],
                &[],
            ));
        }
    }
}

/// A dash opening a sub-item run together inside a clause («…: -перечень
/// данных; -сроки…»), or opening a paragraph whose dash was too tight to
/// read as a bullet («-перечень персональных данных;»).
static INLINE_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[:;])\s*[-–]\s*\w").expect("inline dash regex"));

/// Items a side holds: list clauses plus bullets and dashed sub-items run
/// together inside a clause (layouts differ in what they cut apart).
fn items(side: &Side) -> usize {
    side.clauses
        .iter()
        .map(|c| {
            let own = usize::from(matches!(c.kind, ClauseKind::Bullet | ClauseKind::Item));
            let body = c.body().trim_start();
            let inline = body.strip_prefix('•').unwrap_or(body).matches('•').count()
                + INLINE_DASH.find_iter(body).count();
            own + inline
        })
        .sum()
}

/// Items of `side` in a pair: a pair whose side is only plain paragraphs
/// against list items on the other side holds items that lost their marker
/// in the layout («Сайт пайдалану үшін …» against «- другая информация …»),
/// and counts as many as the other side. (A paragraph merged with an item
/// is not counted: it cannot be told from a list's closing paragraph.)
fn paired_items(side: &Side, other: &Side) -> usize {
    let plain = !side.is_empty()
        && items(side) == 0
        && side.clauses.iter().all(|c| c.kind == ClauseKind::Paragraph);
    if plain { items(other) } else { items(side) }
}

/// Byte ranges, in the run's joined text of `lang`, of the list items that
/// have no counterpart: items of a pair whose other side is empty, and the
/// items past the first where a pair holds more items on this side.
fn lonely(run: &[PairView], lang: Lang) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    let mut at = 0usize;
    for v in run {
        let (mine, other) = if lang == Lang::Kk {
            (&v.kk, &v.ru)
        } else {
            (&v.ru, &v.kk)
        };
        let extra = items(mine) > items(other);
        for (ci, c) in mine.clauses.iter().enumerate() {
            let (a, b) = (at, at + c.text.len());
            let list = matches!(c.kind, ClauseKind::Bullet | ClauseKind::Item);
            if list && (other.is_empty() || (extra && ci > 0)) {
                marks.push((a, b));
            }
            at = b + 1;
        }
    }
    marks
}

/// Compare list runs over consecutive pairs.
pub fn check_lists(views: &[PairView], out: &mut Vec<(usize, Finding)>) {
    let mut i = 0;
    while i < views.len() {
        if items(&views[i].kk) + items(&views[i].ru) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < views.len() && items(&views[i].kk) + items(&views[i].ru) > 0 {
            i += 1;
        }
        let run = &views[start..i];
        let k: usize = run.iter().map(|v| paired_items(&v.kk, &v.ru)).sum();
        let r: usize = run.iter().map(|v| paired_items(&v.ru, &v.kk)).sum();
        if k == r {
            continue;
        }
        // One view spanning the run, with the unpaired items marked.
        let kk_clauses: Vec<_> = run.iter().flat_map(|v| v.kk.clauses.clone()).collect();
        let ru_clauses: Vec<_> = run.iter().flat_map(|v| v.ru.clauses.clone()).collect();
        let whole = PairView {
            kk: Side::new(Lang::Kk, kk_clauses),
            ru: Side::new(Lang::Ru, ru_clauses),
            pos: run[0].pos,
        };
        let kk_marks = lonely(run, Lang::Kk);
        let ru_marks = lonely(run, Lang::Ru);
        let fewer = if k < r { Lang::Kk } else { Lang::Ru };
        out.push(whole.finding(
            FindingKind::ListItemMismatch,
            Severity::Medium,
            Some(fewer),
            format!(
                "the list has {k} item(s) in Kazakh and {r} in Russian: an item is missing, split or merged on one side"
            ),
            &kk_marks,
            &ru_marks,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clause, Pair};

    fn clause(id: &str, kind: ClauseKind, text: &str) -> Clause {
        Clause {
            kind,
            ..Clause::from_text(id, text)
        }
    }

    fn pair(kk: &[usize], ru: &[usize]) -> Pair {
        Pair {
            kk: kk.to_vec(),
            ru: ru.to_vec(),
            score: 0.5,
        }
    }

    #[test]
    fn list_runs_are_counted_not_pairs() {
        use ClauseKind::*;
        let clauses = vec![
            clause("kk:1", Numbered, "Мақсаттар:"),
            clause("kk:1-b1", Bullet, "• бір"),
            clause("kk:1-b2", Bullet, "• екі"),
            clause("ru:1", Numbered, "Цели:"),
            clause("ru:1-b1", Bullet, "• один • два"),
        ];
        // Two Kazakh items against one Russian clause holding two: agree.
        let pairs = [pair(&[0], &[3]), pair(&[1, 2], &[4])];
        let views: Vec<PairView> = pairs.iter().map(|p| PairView::new(&clauses, p)).collect();
        let mut out = Vec::new();
        check_lists(&views, &mut out);
        assert!(out.is_empty(), "{out:?}");
        // A Kazakh item left unpaired: the run differs.
        let clauses = vec![
            clause("kk:1-b1", Bullet, "• бір"),
            clause("kk:1-b2", Bullet, "• екі"),
            clause("ru:1-b1", Bullet, "• один"),
        ];
        let pairs = [pair(&[0], &[2]), pair(&[1], &[])];
        let views: Vec<PairView> = pairs.iter().map(|p| PairView::new(&clauses, p)).collect();
        check_lists(&views, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].1.kind, FindingKind::ListItemMismatch);
        assert!(out[0].1.evidence[0].marked().contains("[[• екі]]"));
    }

    #[test]
    fn length_outliers_and_headings() {
        use ClauseKind::*;
        let long =
            "Дербес деректер заңнамада белгіленген мерзім ішінде сақталады және кейін жойылады.";
        let clauses = vec![
            clause("kk:2", Heading, "2. Деректерді сақтау"),
            clause("ru:2", Numbered, &format!("2. {}", "Персональные данные хранятся в течение срока, установленного законодательством. ".repeat(3))),
            clause("kk:3", Numbered, long),
            clause("ru:3", Numbered, "Данные хранятся."),
        ];
        let mut out = Vec::new();
        for p in [pair(&[0], &[1]), pair(&[2], &[3])] {
            check_pair(&PairView::new(&clauses, &p), &mut out);
        }
        let kinds: Vec<FindingKind> = out.iter().map(|(_, f)| f.kind).collect();
        assert!(kinds.contains(&FindingKind::HeadingMismatch), "{kinds:?}");
        assert!(kinds.contains(&FindingKind::LengthMismatch), "{kinds:?}");
        assert!(length_z(100, 100).abs() < 1.0);
    }
}
