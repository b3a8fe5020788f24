//! Text in the wrong language: a Russian sentence or phrase left inside the
//! Kazakh version and the reverse, and a clause left in the source
//! language. Words are scored one by one with [`crate::lang::score`]
//! (positive for Kazakh); the most foreign run of words in a clause is
//! found with a maximum-sum scan.
//!
//! - `untranslated_text` (medium): a run of at least [`MIN_WORDS`] words in
//!   the other language inside a clause, with clear evidence (words only
//!   that language has, or its function words and endings), not just
//!   neutral loanwords.
//! - `untranslated_clause` (high): the whole clause is in the other
//!   language; or both sides of a pair are the same text; or a clause with
//!   no counterpart repeats a neighbouring clause of its stream almost word
//!   for word (the copy stands where the translation should be).
//!
//! Invariant: the marked run is exactly the foreign words found.

use super::PairView;
use crate::check::evidence;
use crate::lang;
use crate::model::{Clause, ClauseRef, Finding, FindingKind, Lang, Pair, Severity};
use crate::tokens::{Class, is_cyrillic, tokens};

/// A foreign run needs at least this many Cyrillic words…
pub const MIN_WORDS: usize = 3;
/// …this much evidence in total (sum of word scores, sign flipped for a
/// Kazakh clause)…
const MIN_EVIDENCE_RU: f32 = 3.5;
const MIN_EVIDENCE_KK: f32 = 7.0;
/// …and at least this many words that are clearly of the other language.
const MIN_CLEAR: usize = 2;
/// Two texts sharing this share of character trigrams are the same text.
const SAME_TEXT: f32 = 0.8;

struct Word {
    start: usize,
    end: usize,
    score: f32,
}

fn words(text: &str) -> Vec<Word> {
    tokens(text, Class::Hyphenated)
        .into_iter()
        .filter(|&(a, b)| text[a..b].chars().any(is_cyrillic))
        .map(|(start, end)| Word {
            start,
            end,
            score: lang::score(&text[start..end]),
        })
        .collect()
}

/// The most foreign run of words in a clause of language `lang`: word index
/// range, total evidence and the number of clearly foreign words.
fn foreign_run(ws: &[Word], lang: Lang) -> Option<(usize, usize, f32, usize)> {
    let sign = if lang == Lang::Kk { -1.0 } else { 1.0 };
    // Evidence that a word is foreign (positive) or native (negative).
    // A clearly native word (a Kazakh letter or function word in a Kazakh
    // clause) breaks any run.
    let ev: Vec<f32> = ws
        .iter()
        .map(|w| sign * w.score)
        .map(|e| if e <= -1.0 { -100.0 } else { e })
        .collect();
    let (mut best, mut best_range) = (0.0f32, None);
    let (mut sum, mut start) = (0.0f32, 0usize);
    for (i, &e) in ev.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += e;
        if sum > best {
            best = sum;
            best_range = Some((start, i + 1));
        }
    }
    let (a, b) = best_range?;
    // Trim weak ends so the mark covers the foreign words only.
    let (mut a, mut b) = (a, b);
    while a < b && ev[a] <= 0.0 {
        a += 1;
    }
    while b > a && ev[b - 1] <= 0.0 {
        b -= 1;
    }
    let clear = ev[a..b].iter().filter(|&&e| e >= 1.0).count();
    let total: f32 = ev[a..b].iter().sum();
    Some((a, b, total, clear))
}

/// A clause's foreign run that passes the thresholds, as a byte range and
/// whether it covers (almost) the whole clause.
pub fn untranslated(text: &str, lang: Lang) -> Option<(usize, usize, bool)> {
    let ws = words(text);
    let (a, b, total, clear) = foreign_run(&ws, lang)?;
    let min = if lang == Lang::Kk {
        MIN_EVIDENCE_RU
    } else {
        MIN_EVIDENCE_KK
    };
    if b - a < MIN_WORDS || total < min || clear < MIN_CLEAR {
        return None;
    }
    let whole = (b - a) * 10 >= ws.len() * 9;
    Some((ws[a].start, ws[b - 1].end, whole))
}

fn language_name(lang: Lang) -> &'static str {
    lang.name()
}

/// Foreign text inside each clause of each stream.
pub fn check_streams(clauses: &[Clause], languages: &[Lang], out: &mut Vec<(usize, Finding)>) {
    for (idx, c) in clauses.iter().enumerate() {
        if !languages.contains(&c.lang) || c.lang == Lang::Other {
            continue;
        }
        let Some((a, b, whole)) = untranslated(&c.text, c.lang) else {
            continue;
        };
        let other = c.lang.counterpart();
        let (kind, severity, message) = if whole {
            (
                FindingKind::UntranslatedClause,
                Severity::High,
                format!(
                    "{} clause {} is written in {}: it was left untranslated",
                    language_name(c.lang),
                    c.cite(),
                    language_name(other)
                ),
            )
        } else {
            (
                FindingKind::UntranslatedText,
                Severity::Medium,
                format!(
                    "{} clause {} contains {} text: «{}»",
                    language_name(c.lang),
                    c.cite(),
                    language_name(other),
                    crate::check::evidence::show(&c.text[a..b])
                ),
            )
        };
        out.push((
            idx,
            Finding {
                kind,
                severity,
                lang: Some(c.lang),
                clauses: vec![ClauseRef::local(&c.id)],
                message,
                evidence: vec![evidence::clause(c, &[(a, b)])],
            },
        ));
    }
}

/// Character trigrams of the letters and digits of a text, sorted.
fn trigrams(text: &str) -> Vec<[char; 3]> {
    let cs: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let mut t: Vec<[char; 3]> = cs.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    t.sort_unstable();
    t
}

/// Dice coefficient of two texts' trigram multisets.
pub fn same_text(a: &str, b: &str) -> f32 {
    let (x, y) = (trigrams(a), trigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    crate::align::dice(&x, &y).map_or(0.0, |d| d as f32)
}

fn wordy(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().filter(|c| is_cyrillic(*c)).count() >= 2)
        .count()
        >= MIN_WORDS
}

/// A pair whose two sides are the same text.
pub fn check_pair(v: &PairView, out: &mut Vec<(usize, Finding)>) {
    let bodies = |s: &super::Side| -> String {
        s.bodies
            .iter()
            .map(|&(a, b)| &s.text[a..b])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (k, r) = (bodies(&v.kk), bodies(&v.ru));
    if wordy(&k) && same_text(&k, &r) >= SAME_TEXT {
        let lang = if lang::score(&k) > 0.0 {
            Lang::Ru
        } else {
            Lang::Kk
        };
        out.push(v.finding(
            FindingKind::UntranslatedClause,
            Severity::High,
            Some(lang),
            format!(
                "both sides of the pair are the same {} text: the {} version was left untranslated",
                language_name(lang.counterpart()),
                language_name(lang)
            ),
            &[],
            &[],
        ));
    }
}

/// An unpaired clause that repeats a neighbouring clause of its stream: the
/// copy stands where the other language's version should be.
pub fn check_duplicates(clauses: &[Clause], pairs: &[Pair], out: &mut Vec<(usize, Finding)>) {
    for p in pairs {
        let lonely = match (p.kk.as_slice(), p.ru.as_slice()) {
            ([i], []) | ([], [i]) => *i,
            _ => continue,
        };
        let c = &clauses[lonely];
        if !wordy(c.body()) {
            continue;
        }
        let neighbours = [
            lonely.wrapping_sub(2),
            lonely.wrapping_sub(1),
            lonely + 1,
            lonely + 2,
        ];
        let twin = neighbours
            .into_iter()
            .filter_map(|n| clauses.get(n))
            .find(|n| n.lang == c.lang && same_text(n.body(), c.body()) >= SAME_TEXT);
        let Some(twin) = twin else { continue };
        // Quote the two in reading order.
        let (first, second) = if twin.line <= c.line {
            (twin, c)
        } else {
            (c, twin)
        };
        out.push((
            lonely,
            Finding {
                kind: FindingKind::UntranslatedClause,
                severity: Severity::High,
                lang: Some(c.lang.counterpart()),
                clauses: vec![ClauseRef::local(&first.id), ClauseRef::local(&second.id)],
                message: format!(
                    "{} clause {} has no counterpart and repeats {}: the {} version seems to have been left in {}",
                    language_name(c.lang),
                    c.cite(),
                    twin.cite(),
                    language_name(c.lang.counterpart()),
                    language_name(c.lang)
                ),
                evidence: vec![
                    crate::check::evidence::clause(first, &[]),
                    crate::check::evidence::clause(second, &[]),
                ],
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_runs_are_found_and_native_text_is_not() {
        let kk = "Пайдаланушы дербес деректерді обработка персональных данных осуществляется в целях өңдеуге келісім береді.";
        let (a, b, whole) = untranslated(kk, Lang::Kk).unwrap();
        assert_eq!(
            &kk[a..b],
            "обработка персональных данных осуществляется в целях"
        );
        assert!(!whole);
        let ru =
            "Пользователь дает согласие. Пайдаланушы өз келісімін береді және қайтарып ала алады.";
        let (a, b, _) = untranslated(ru, Lang::Ru).unwrap();
        assert!(ru[a..b].starts_with("Пайдаланушы"), "{}", &ru[a..b]);
        let all_ru = "Настоящая Политика определяет порядок обработки персональных данных.";
        assert!(untranslated(all_ru, Lang::Kk).unwrap().2);
        for clean in [
            "Осы Саясат «Мысал» МҚҰ» ЖШС пайдаланушыларының дербес деректерін өңдеу тәртібін белгілейді.",
            "МҚҰ интернет-ресурс, сервис, банк, оферта және cookie-файлдар туралы ақпарат береді.",
        ] {
            assert_eq!(untranslated(clean, Lang::Kk), None, "{clean}");
        }
        assert_eq!(
            untranslated(
                "Закон Республики Казахстан «О персональных данных»",
                Lang::Ru
            ),
            None
        );
    }

    fn clause(id: &str, text: &str, line: usize) -> Clause {
        Clause {
            line,
            ..Clause::from_text(id, text)
        }
    }

    #[test]
    fn a_clause_left_in_the_source_language_is_found() {
        let ru = "Персональные данные хранятся в течение пяти лет.";
        // The Kazakh cell held the Russian text: the tagger put it in the
        // Russian stream, next to its twin, with no Kazakh counterpart.
        let clauses = vec![
            clause("kk:p1", "Дербес деректер бес жыл сақталады.", 1),
            clause("ru:p1", ru, 3),
            clause("ru:p2", ru, 5),
        ];
        let pairs = vec![
            Pair {
                kk: vec![0],
                ru: vec![1],
                score: 0.9,
            },
            Pair {
                kk: vec![],
                ru: vec![2],
                score: 0.0,
            },
        ];
        let mut out = Vec::new();
        check_duplicates(&clauses, &pairs, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].1.kind, FindingKind::UntranslatedClause);
        assert_eq!(out[0].1.lang, Some(Lang::Kk));
        assert_eq!(out[0].1.clauses, vec!["ru:p1", "ru:p2"]);
        // The same text on both sides of a pair.
        let clauses = vec![clause("kk:p1", ru, 1), clause("ru:p1", ru, 3)];
        let v = PairView::new(&clauses, &pairs[0]);
        let mut out = Vec::new();
        check_pair(&v, &mut out);
        assert_eq!(out[0].1.kind, FindingKind::UntranslatedClause);
        assert_eq!(out[0].1.lang, Some(Lang::Kk));
    }

    #[test]
    fn same_text_is_measured_by_trigrams() {
        assert!(same_text("Политика обработки данных", "Политика обработки данных.") > 0.95);
        assert!(
            same_text(
                "Политика обработки данных",
                "Дербес деректерді өңдеу саясаты"
            ) < 0.3
        );
    }
}
