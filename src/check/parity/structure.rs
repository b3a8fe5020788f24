//! Structure parity: lists with the same number of items, pairs of
//! plausible relative length, and headings aligned with headings.
//!
//! - `list_item_mismatch`: a run of consecutive pairs holding list items
//!   (bullets, enumerated items, unmarked items one per line after a
//!   lead-in ending in «:», or `•` markers run together inside a clause)
//!   counts a different number of items in Kazakh and in Russian; the
//!   finding names the list's lead-in pair with the run.
//!   Lists are compared as runs, not pair by pair, because the aligner may
//!   legitimately pair two short items with one long one.
//! - `length_mismatch`: a 1-1 pair whose Kazakh/Russian length ratio is an
//!   outlier of the ratio's distribution over aligned corpus pairs (see
//!   [`LOG_RATIO_MEAN`]).
//! - `heading_mismatch`: a heading on one side is aligned with body text on
//!   the other.
//!
//! Invariant: findings name every clause of the run or pair concerned.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{PairView, Side};
use crate::model::{Clause, ClauseKind, Finding, FindingKind, Lang, Severity};

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
    // A lead-in is half a sentence: its items hold the rest, and Kazakh
    // word order may put the verb in the last item («2.1. Дербес деректер:»
    // … «банктерге берілуі мүмкін.» against «2.1. Данные могут быть
    // переданы:»).
    let lead_in = leads_in(&v.kk.text) || leads_in(&v.ru.text);
    if one_to_one && !definitions && !lead_in && k.max(r) >= MIN_LENGTH && k.min(r) > 0 {
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

/// Does the text end as a list's lead-in does («…в целях:»)?
fn leads_in(text: &str) -> bool {
    text.trim_end().ends_with(':')
}

/// The clauses that are items of an unmarked list (one per line or per
/// `<p>`, no bullet, no number): paragraphs after a lead-in ending in «:»,
/// or after such an item ending in «;», that themselves end in «;» or «.».
/// Indices into `clauses`; each language's clauses are read in order.
pub fn unmarked_items(clauses: &[Clause]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for lang in [Lang::Kk, Lang::Ru] {
        let mut prev: Option<usize> = None;
        for (i, c) in clauses.iter().enumerate().filter(|(_, c)| c.lang == lang) {
            let after = prev.is_some_and(|p| {
                let t = clauses[p].text.trim_end();
                t.ends_with(':') || (out.contains(&p) && t.ends_with(';'))
            });
            let text = c.text.trim_end().trim_end_matches(['»', '"', ')']);
            if after && c.kind == ClauseKind::Paragraph && text.ends_with([';', '.']) {
                out.insert(i);
            }
            prev = Some(i);
        }
    }
    out
}

/// Is the clause a list item: a bullet, a numbered item or an unmarked
/// one (`unmarked` holds the ids of [`unmarked_items`])?
fn is_item(c: &Clause, unmarked: &BTreeSet<&str>) -> bool {
    matches!(c.kind, ClauseKind::Bullet | ClauseKind::Item) || unmarked.contains(c.id.as_str())
}

/// Items a side holds: list clauses plus bullets and dashed sub-items run
/// together inside a clause (layouts differ in what they cut apart), and a
/// first item left in its lead-in's paragraph («…включая: предоставление
/// микрокредита;»).
fn items(side: &Side, unmarked: &BTreeSet<&str>) -> usize {
    side.clauses
        .iter()
        .map(|c| {
            let body = c.body().trim_start();
            let dashes = INLINE_DASH.find_iter(body).count();
            let inline = body.strip_prefix('•').unwrap_or(body).matches('•').count() + dashes;
            // An unmarked item whose dash was too tight to read as a
            // bullet («-перечень данных;») is counted by its dash.
            let dashed = body.starts_with(['-', '–']) && dashes > 0;
            let own = usize::from(is_item(c, unmarked) && !dashed);
            let tail = own == 0
                && inline == 0
                && body.trim_end().ends_with(';')
                && body
                    .rsplit_once(':')
                    .is_some_and(|(_, t)| t.chars().any(char::is_alphabetic));
            own + inline + usize::from(tail)
        })
        .sum()
}

/// Items of `side` in a pair: a pair whose side is only plain paragraphs
/// against list items on the other side holds items that lost their marker
/// in the layout («Сайт пайдалану үшін …» against «- другая информация …»),
/// and counts as many as the other side. (A paragraph merged with an item
/// is not counted: it cannot be told from a list's closing paragraph.)
fn paired_items(side: &Side, other: &Side, unmarked: &BTreeSet<&str>) -> usize {
    let plain = !side.is_empty()
        && items(side, unmarked) == 0
        && side.clauses.iter().all(|c| c.kind == ClauseKind::Paragraph);
    if plain {
        items(other, unmarked)
    } else {
        items(side, unmarked)
    }
}

/// Byte ranges, in the joined text of `lang` (the run's clauses after
/// `at` bytes of lead-in), of the list items that have no counterpart:
/// items of a pair whose other side is empty, and the items past the first
/// where a pair holds more items on this side.
fn lonely(
    run: &[PairView],
    lang: Lang,
    mut at: usize,
    unmarked: &BTreeSet<&str>,
) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    for v in run {
        let (mine, other) = if lang == Lang::Kk {
            (&v.kk, &v.ru)
        } else {
            (&v.ru, &v.kk)
        };
        let extra = items(mine, unmarked) > items(other, unmarked);
        for (ci, c) in mine.clauses.iter().enumerate() {
            let (a, b) = (at, at + c.text.len());
            let list = is_item(c, unmarked);
            if list && (other.is_empty() || (extra && ci > 0)) {
                marks.push((a, b));
            }
            at = b + 1;
        }
    }
    marks
}

/// Compare list runs over consecutive pairs. `unmarked` holds the ids of
/// the clauses that are items of an unmarked list ([`unmarked_items`]).
/// A finding names the list's lead-in pair too («…в целях:» in both
/// languages, right before the run), so that it cites the list by the
/// clause that announces it.
pub fn check_lists(views: &[PairView], unmarked: &BTreeSet<&str>, out: &mut Vec<(usize, Finding)>) {
    let count = |v: &PairView| items(&v.kk, unmarked) + items(&v.ru, unmarked);
    let mut i = 0;
    while i < views.len() {
        if count(&views[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < views.len() && count(&views[i]) > 0 {
            i += 1;
        }
        let run = &views[start..i];
        let k: usize = run
            .iter()
            .map(|v| paired_items(&v.kk, &v.ru, unmarked))
            .sum();
        let r: usize = run
            .iter()
            .map(|v| paired_items(&v.ru, &v.kk, unmarked))
            .sum();
        if k == r {
            continue;
        }
        let lead = start.checked_sub(1).map(|p| &views[p]).filter(|v| {
            !v.kk.is_empty()
                && !v.ru.is_empty()
                && v.kk
                    .clauses
                    .iter()
                    .chain(&v.ru.clauses)
                    .any(|c| leads_in(&c.text))
        });
        // One view spanning the lead-in and the run, with the unpaired
        // items marked.
        let spanned = || lead.into_iter().chain(run);
        let kk_clauses: Vec<_> = spanned().flat_map(|v| v.kk.clauses.clone()).collect();
        let ru_clauses: Vec<_> = spanned().flat_map(|v| v.ru.clauses.clone()).collect();
        let whole = PairView {
            kk: Side::new(Lang::Kk, kk_clauses),
            ru: Side::new(Lang::Ru, ru_clauses),
            pos: lead.unwrap_or(&run[0]).pos,
        };
        let offset = |side: Option<&Side>| side.map_or(0, |s| s.text.len() + 1);
        let kk_marks = lonely(run, Lang::Kk, offset(lead.map(|v| &v.kk)), unmarked);
        let ru_marks = lonely(run, Lang::Ru, offset(lead.map(|v| &v.ru)), unmarked);
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
        check_lists(&views, &BTreeSet::new(), &mut out);
        assert!(out.is_empty(), "{out:?}");
        // A Kazakh item left unpaired: the run differs.
        let clauses = vec![
            clause("kk:1-b1", Bullet, "• бір"),
            clause("kk:1-b2", Bullet, "• екі"),
            clause("ru:1-b1", Bullet, "• один"),
        ];
        let pairs = [pair(&[0], &[2]), pair(&[1], &[])];
        let views: Vec<PairView> = pairs.iter().map(|p| PairView::new(&clauses, p)).collect();
        check_lists(&views, &BTreeSet::new(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].1.kind, FindingKind::ListItemMismatch);
        assert!(out[0].1.evidence[0].marked().contains("[[• екі]]"));
    }

    #[test]
    fn unmarked_items_are_counted_and_the_lead_in_is_named() {
        use ClauseKind::*;
        let clauses = vec![
            clause("kk:3.1", Numbered, "3.1. Деректер:"),
            clause("kk:3.1-p1", Paragraph, "аты;"),
            clause("kk:3.1-p2", Paragraph, "мекенжайы."),
            clause("ru:3.1", Numbered, "3.1. Данные:"),
            clause("ru:3.1-p1", Paragraph, "имя;"),
            clause("ru:3.1-p2", Paragraph, "адрес;"),
            clause("ru:3.1-p3", Paragraph, "место работы."),
            clause("ru:3.2", Numbered, "3.2. Данные хранятся."),
        ];
        let unmarked = unmarked_items(&clauses);
        assert_eq!(unmarked, BTreeSet::from([1, 2, 4, 5, 6]));
        let ids: BTreeSet<&str> = unmarked.iter().map(|&i| clauses[i].id.as_str()).collect();
        let pairs = [
            pair(&[0], &[3]),
            pair(&[1], &[4]),
            pair(&[2], &[5]),
            pair(&[], &[6]),
        ];
        let views: Vec<PairView> = pairs.iter().map(|p| PairView::new(&clauses, p)).collect();
        let mut out = Vec::new();
        check_lists(&views, &ids, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        let f = &out[0].1;
        assert_eq!(f.kind, FindingKind::ListItemMismatch);
        assert_eq!(f.clauses[0].id, "kk:3.1");
        assert!(f.message.contains("2 item(s) in Kazakh and 3 in Russian"));
        assert!(
            f.evidence[1].marked().contains("[[место работы.]]"),
            "{f:?}"
        );
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
