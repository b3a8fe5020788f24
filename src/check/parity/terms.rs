//! Term parity through the glossary data (`data/glossary.tsv`, extended by
//! `--glossary`): a concept named on one side of a pair must be named on the
//! other. Kazakh is matched by stem (each glossary alternative is a list of
//! stems that must start consecutive words), so «Саясатқа», «саясатында»
//! and «Саясат» are one term, with the stem's last consonant voiced before
//! a vowel suffix («құпиялылығын» is «құпиялылық») and the privative
//! «-сыз/-сіз» making another word («заңсыз» is not «заң», see
//! [`kazakh_stem_of`]); Russian likewise («Политикой», «Политики»).
//!
//! `term_mismatch`: one side uses a term whose counterpart the other lacks.
//! When each side has a term the other lacks («Сайт» where the Russian says
//! «Политика»), the finding reports the swap and is `medium`. Terms are
//! counted, so a swap is found among repeated terms too (expressavans 9.2:
//! «Бұл Сайт … Саясат … Сайтқа» against «Политика … Политика … Сайте»):
//! then the surplus occurrences must stand at the same place of the two
//! texts and one of them must be a defined term (below). A term simply
//! missing on one side is reported (`low`) only when it is a defined term of
//! the policy, written with a capital inside a sentence («…осы Саясаттың…»,
//! «…на Сайте…»): a translator may rephrase ordinary words («обработка» by
//! a verb, «пользователь» by «мен»), but not a defined term. Terms marked
//! `align` in the data are not checked.
//!
//! Invariant: every reported term occurrence is marked in its quote.

use super::{PairView, Side};
use crate::check::evidence::show;
use crate::model::{Finding, FindingKind, Lang, Severity};
use crate::rules::Glossary;
use crate::tokens::{Class, kazakh_stem_of, tokens};

/// A word of a side's text: lower-cased, with its byte range.
struct Word {
    lower: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    tokens(text, Class::Word)
        .into_iter()
        .map(|(start, end)| {
            // «Cайта» with a Latin C is still the term «Сайт» (the script
            // damage is reported by spelling).
            let w = &text[start..end];
            let lang = if w.chars().any(|c| "әғқңөұүһі".contains(c)) {
                Lang::Kk
            } else {
                Lang::Ru
            };
            let repaired = super::spelling::unmix(w, lang);
            Word {
                lower: crate::tokens::lowercase(repaired.as_deref().unwrap_or(w)),
                start,
                end,
            }
        })
        .collect()
}

/// Occurrences of each checked term on one side: term index → byte ranges.
pub fn occurrences(side: &Side, glossary: &Glossary) -> Vec<(usize, Vec<(usize, usize)>)> {
    let ws = words(&side.text);
    let mut out = Vec::new();
    for (id, term) in glossary.terms.iter().enumerate() {
        if !term.parity {
            continue;
        }
        let alts = if side.lang == Lang::Kk {
            &term.kk
        } else {
            &term.ru
        };
        let mut ranges = Vec::new();
        for alt in alts {
            if alt.is_empty() || ws.len() < alt.len() {
                continue;
            }
            for i in 0..=ws.len() - alt.len() {
                let hit = ws[i..i + alt.len()].iter().zip(alt).all(|(w, stem)| {
                    if side.lang == Lang::Kk {
                        kazakh_stem_of(&w.lower, stem)
                    } else {
                        w.lower.starts_with(stem.as_str())
                    }
                });
                if hit {
                    ranges.push((ws[i].start, ws[i + alt.len() - 1].end));
                }
            }
        }
        if !ranges.is_empty() {
            ranges.sort_unstable();
            ranges.dedup();
            out.push((id, ranges));
        }
    }
    out
}

/// A word starting at `a` is written as a defined term: a capital letter
/// inside a sentence (not after a full stop, colon, bullet or label).
fn defined(text: &str, a: usize) -> bool {
    if !text[a..].chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // An all-capitals word is a heading or an abbreviation.
    let word: String = text[a..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    // After a capitalised word that is itself inside a sentence, the word
    // belongs to a proper name («в Центр Обработки Данных»), not a term.
    let title = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().count() > 0
            && cs.all(char::is_lowercase)
    };
    let head = text[..a].trim_end();
    let prev_start = head.rfind(" ").map_or(0, |i| i + 1);
    let prev = head[prev_start..].trim_matches(|c: char| !c.is_alphabetic());
    if title(prev) && mid_sentence(text, prev_start) {
        return false;
    }
    mid_sentence(text, a)
}

/// The word at `a` follows a letter or a comma-like mark: it is inside a
/// sentence, not its first word.
fn mid_sentence(text: &str, a: usize) -> bool {
    let before = text[..a].trim_end_matches([' ', '«', '"', '(']);
    match before.chars().next_back() {
        None => false,
        Some(c) => c.is_alphabetic() || matches!(c, ',' | '–' | '-' | '—' | '»'),
    }
}

/// Occurrences of `term` that stand out: the `n` occurrences of `mine`
/// whose relative position in the text is farthest from any occurrence of
/// the same term on the other side (the place where the other side says
/// something else).
fn odd_ones(
    mine: &[(usize, usize)],
    mine_len: usize,
    other: &[(usize, usize)],
    other_len: usize,
    n: usize,
) -> Vec<(usize, usize)> {
    let rel = |a: usize, len: usize| a as f64 / len.max(1) as f64;
    let mut scored: Vec<(f64, (usize, usize))> = mine
        .iter()
        .map(|&(a, b)| {
            let d = other
                .iter()
                .map(|&(x, _)| (rel(a, mine_len) - rel(x, other_len)).abs())
                .fold(f64::INFINITY, f64::min);
            (d, (a, b))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut out: Vec<(usize, usize)> = scored.into_iter().take(n).map(|(_, r)| r).collect();
    out.sort_unstable();
    out
}

type Occ = Vec<(usize, Vec<(usize, usize)>)>;

/// A term one side uses more often: (term, marked occurrences, whether
/// the other side lacks it entirely).
type Surplus = (usize, Vec<(usize, usize)>, bool);

/// Two occurrences whose relative positions in their texts differ by at
/// most this stand at the same place.
const SAME_PLACE: f64 = 0.15;

/// Terms one side uses more often than the other: (term, marked
/// occurrences, whether the other side lacks the term entirely).
fn surplus(mine: &Occ, mine_len: usize, other: &Occ, other_len: usize) -> Vec<Surplus> {
    let mut out = Vec::new();
    for (id, r) in mine {
        let theirs = other
            .iter()
            .find(|(j, _)| j == id)
            .map_or(&[][..], |(_, r)| r.as_slice());
        if r.len() > theirs.len() {
            let n = r.len() - theirs.len();
            out.push((
                *id,
                odd_ones(r, mine_len, theirs, other_len, n),
                theirs.is_empty(),
            ));
        }
    }
    out
}

/// Compare the glossary terms of one pair.
pub fn check(v: &PairView, glossary: &Glossary, out: &mut Vec<(usize, Finding)>) {
    let kk = occurrences(&v.kk, glossary);
    let ru = occurrences(&v.ru, glossary);
    let (kl, rl) = (v.kk.text.len(), v.ru.text.len());
    let mut kk_more = surplus(&kk, kl, &ru, rl);
    let mut ru_more = surplus(&ru, rl, &kk, kl);
    let absent = |e: &Surplus| e.2;
    let rel = |a: usize, len: usize| a as f64 / len.max(1) as f64;
    // A full swap: each side has a term the other lacks entirely.
    let full = kk_more.iter().any(absent) && ru_more.iter().any(absent);
    // A swap among repeated terms: the odd occurrences stand at the same
    // place of the two texts and one of them is a defined term.
    let placed = kk_more.iter().any(|k| {
        ru_more.iter().any(|r| {
            k.1.iter().any(|&(a, _)| {
                r.1.iter().any(|&(b, _)| {
                    (rel(a, kl) - rel(b, rl)).abs() <= SAME_PLACE
                        && (defined(&v.kk.text, a) || defined(&v.ru.text, b))
                })
            })
        })
    });
    let swap = full || placed;
    if full {
        kk_more.retain(absent);
        ru_more.retain(absent);
    } else if placed {
        let kk_keep: Vec<bool> = kk_more
            .iter()
            .map(|k| {
                ru_more.iter().any(|r| {
                    k.1.iter().any(|&(a, _)| {
                        r.1.iter()
                            .any(|&(b, _)| (rel(a, kl) - rel(b, rl)).abs() <= SAME_PLACE)
                    })
                })
            })
            .collect();
        let ru_keep: Vec<bool> = ru_more
            .iter()
            .map(|r| {
                kk_more.iter().any(|k| {
                    k.1.iter().any(|&(a, _)| {
                        r.1.iter()
                            .any(|&(b, _)| (rel(a, kl) - rel(b, rl)).abs() <= SAME_PLACE)
                    })
                })
            })
            .collect();
        let mut i = 0;
        kk_more.retain(|_| {
            i += 1;
            kk_keep[i - 1]
        });
        let mut j = 0;
        ru_more.retain(|_| {
            j += 1;
            ru_keep[j - 1]
        });
    } else {
        // A term used more often on one side is rephrasing, and so is an
        // ordinary word missing on one side; a defined term missing is not.
        let keep =
            |side: &Side, e: &Surplus| e.2 && e.1.iter().any(|&(a, _)| defined(&side.text, a));
        kk_more.retain(|e| keep(&v.kk, e));
        ru_more.retain(|e| keep(&v.ru, e));
        if kk_more.is_empty() && ru_more.is_empty() {
            return;
        }
    }
    let name = |side: &Side, occ: &[Surplus]| -> Vec<String> {
        occ.iter()
            .map(|(id, r, _)| {
                let (a, b) = r[0];
                format!("«{}» ({})", show(&side.text[a..b]), glossary.terms[*id].id)
            })
            .collect()
    };
    let marks = |occ: &[Surplus]| -> Vec<(usize, usize)> {
        occ.iter().flat_map(|(_, r, _)| r.iter().copied()).collect()
    };
    let (severity, lang, message) = if swap {
        (
            Severity::Medium,
            None,
            format!(
                "the Kazakh text says {} where the Russian says {}",
                name(&v.kk, &kk_more).join(", "),
                name(&v.ru, &ru_more).join(", ")
            ),
        )
    } else if !kk_more.is_empty() {
        (
            Severity::Low,
            Some(Lang::Ru),
            format!(
                "the Kazakh text uses the defined term {}; the Russian lacks its counterpart",
                name(&v.kk, &kk_more).join(", ")
            ),
        )
    } else {
        (
            Severity::Low,
            Some(Lang::Kk),
            format!(
                "the Russian text uses the defined term {}; the Kazakh lacks its counterpart",
                name(&v.ru, &ru_more).join(", ")
            ),
        )
    };
    out.push(v.finding(
        FindingKind::TermMismatch,
        severity,
        lang,
        message,
        &marks(&kk_more),
        &marks(&ru_more),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clause, Pair};

    fn clause(id: &str, text: &str) -> Clause {
        Clause::from_text(id, text)
    }

    fn run(kk: &str, ru: &str) -> Vec<Finding> {
        let g = Glossary::parse(
            "g",
            "policy\tсаясат\tполитик\nsite\tсайт\tсайт\npd\tдербес дерек\tперсональн данн\nx\tжәне\tи\talign\nlaw\tзаң\tзакон\nconf\tқұпиялылық\tконфиденциальн\n",
        )
        .unwrap();
        let clauses = vec![clause("kk:9.2", kk), clause("ru:9.2", ru)];
        let v = PairView::new(
            &clauses,
            &Pair {
                kk: vec![0],
                ru: vec![1],
                score: 1.0,
            },
        );
        let mut out = Vec::new();
        check(&v, &g, &mut out);
        out.into_iter().map(|(_, f)| f).collect()
    }

    #[test]
    fn a_swapped_term_is_reported_with_both_words_marked() {
        let f = run(
            "Бұл Сайт заңнамаға байланысты өзгеруі мүмкін.",
            "Настоящая Политика может изменяться.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(f[0].evidence[0].marked().contains("[[Сайт]]"));
        assert!(f[0].evidence[1].marked().contains("[[Политика]]"));
    }

    #[test]
    fn a_swap_among_repeated_terms_is_found_by_counts() {
        // expressavans 9.2: «Бұл Сайт … Осы Саясат … Сайтқа» against
        // «Настоящая Политика … Настоящая Политика … на Сайте».
        let f = run(
            "Бұл Сайт өзгеруі мүмкін. Осы Саясат күшіне енеді, Сайтқа орналастырылады.",
            "Настоящая Политика может изменяться. Настоящая Политика вступает в силу с момента размещения на Сайте.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].evidence[0].marked().contains("Бұл [[Сайт]]"), "{f:?}");
        assert!(
            f[0].evidence[1]
                .marked()
                .starts_with("Настоящая [[Политика]] может"),
            "{f:?}"
        );
    }

    #[test]
    fn stems_match_inflected_forms_and_align_only_terms_are_skipped() {
        assert_eq!(
            run(
                "Саясатқа сәйкес дербес деректерді және",
                "Согласно Политике персональных данных"
            ),
            vec![]
        );
        // An ordinary word missing on one side is rephrasing; a defined
        // term (a capital inside the sentence) is not.
        assert_eq!(run("Дербес деректер", "Данные"), vec![]);
        let f = run(
            "Бұл талаптар осы Саясатта көрсетілген.",
            "Эти требования указаны выше.",
        );
        assert_eq!(f[0].severity, Severity::Low);
        assert_eq!(f[0].lang, Some(Lang::Ru));
    }

    #[test]
    fn voiced_stems_match_and_privative_words_are_other_words() {
        // «құпиялылығын» with қ voiced to ғ is the term «құпиялылық»; «заңсыз»
        // ('unlawful') is not the term 'law', nor is «незаконн» in Russian.
        assert_eq!(
            run(
                "Банк клиенттің құпиялылығын сақтайды және заңсыз әрекетке жол бермейді.",
                "Банк соблюдает конфиденциальность клиента и не допускает незаконных действий."
            ),
            vec![]
        );
        // The voiced form still counts as the term where the other side lacks it.
        let f = run(
            "Банк осы Құпиялылығын сақтайды.",
            "Банк соблюдает настоящее.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].evidence[0].marked().contains("[[Құпиялылығын]]"));
    }
}
