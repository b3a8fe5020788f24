//! Script and spelling damage, and the organisation's name used
//! consistently.
//!
//! - `mixed_script` (low): a word mixing Latin and Cyrillic letters
//!   («Cайта» with a Latin C, «бюrolар»). The suggestion converts the
//!   minority script to the majority one (Latin look-alikes and
//!   transliteration: `c`→`с`, `r`→`р`, `l`→`л`, `i`→`і` in Kazakh).
//! - `kazakh_spelling` (low): a Kazakh word spelled with Russian letters for
//!   Kazakh ones («өндеу» for «өңдеу», «үфым» for «ұғым»), found against the
//!   word list `data/kk_words.txt`: the word is unknown, and a form with up
//!   to [`MAX_EDITS`] letters restored is known (as a word, or as the stem
//!   of known words when only an ending differs).
//! - `inconsistent_name` (low, medium across languages): one language
//!   calls the organisation by two abbreviations (ШҚҰ beside МҚҰ), or uses
//!   the other language's abbreviation, or the Kazakh names it «шағын қаржы
//!   ұйымы» (a small finance organisation) where the Russian says МФО.
//!
//! Every finding gives the suggested correct form after «→».
//! Invariant: a word in the lexicon is never reported as misspelled.

use std::collections::BTreeMap;

use crate::check::evidence;
use crate::model::{Clause, ClauseRef, Finding, FindingKind, Lang, ScriptRepair, Severity};
use crate::rules::Lexicon;
use crate::tokens::{Class, is_cyrillic, tokens};

/// At most this many letters are restored in one word.
pub const MAX_EDITS: usize = 2;
/// A known stem must be at least this long (in characters)…
const MIN_STEM: usize = 5;
/// …and leave at most this many characters of ending.
const MAX_ENDING: usize = 4;

/// Latin letters and the Cyrillic letters they stand for (look-alikes
/// first, then plain transliteration).
fn latin_to_cyrillic(c: char, lang: Lang) -> Option<char> {
    let lower = c.to_ascii_lowercase();
    let m = match lower {
        'a' => 'а',
        'b' => 'б',
        'c' => 'с',
        'd' => 'д',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'h' => 'һ',
        'i' if lang == Lang::Kk => 'і',
        'i' => 'и',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'р',
        'r' => 'р',
        's' => 'с',
        't' => 'т',
        'u' => 'и',
        'v' => 'в',
        'x' => 'х',
        'y' => 'у',
        'z' => 'з',
        _ => return None,
    };
    // Upper-case B, H, M, T look like В, Н, М, Т.
    let m = match c {
        'B' => 'в',
        'H' => 'н',
        _ => m,
    };
    Some(if c.is_ascii_uppercase() {
        m.to_uppercase().next().unwrap_or(m)
    } else {
        m
    })
}

fn cyrillic_to_latin(c: char) -> Option<char> {
    let m = match c {
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        _ => return None,
    };
    Some(m)
}

/// Words of a text: runs of letters (a hyphen ends a word, so «IP-мекенжай»
/// and «cookie-файлдар» are two words each), with byte ranges.
fn words(text: &str) -> Vec<(usize, usize)> {
    tokens(text, Class::Letters)
}

/// The repaired form of a word mixing scripts, if it mixes them.
pub fn unmix(word: &str, lang: Lang) -> Option<String> {
    let cyr = word.chars().filter(|&c| is_cyrillic(c)).count();
    let lat = word.chars().filter(char::is_ascii_alphabetic).count();
    if cyr == 0 || lat == 0 {
        return None;
    }
    let fixed: String = if cyr >= lat {
        word.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    latin_to_cyrillic(c, lang).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    } else {
        word.chars()
            .map(|c| {
                if is_cyrillic(c) {
                    cyrillic_to_latin(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    };
    Some(fixed)
}

/// Letters that a Russian keyboard or OCR puts for a Kazakh letter (and the
/// reverse slips seen in real text), as (found, meant) pairs.
const SWAPS: &[(char, char)] = &[
    ('а', 'ә'),
    ('г', 'ғ'),
    ('к', 'қ'),
    ('н', 'ң'),
    ('о', 'ө'),
    ('у', 'ұ'),
    ('у', 'ү'),
    ('ү', 'ұ'),
    ('ұ', 'ү'),
    ('и', 'і'),
    ('х', 'һ'),
    ('ф', 'ғ'),
    ('ө', 'е'),
    ('ә', 'а'),
    ('қ', 'к'),
    ('ғ', 'г'),
    ('ң', 'н'),
    ('і', 'и'),
    ('ы', 'і'),
    ('і', 'ы'),
    ('р', 'ғ'),
];

fn known_stem(lexicon: &Lexicon, w: &[char]) -> u32 {
    let n = w.len();
    let mut best = lexicon.count(&w.iter().collect::<String>()) * 4;
    for cut in 1..=MAX_ENDING {
        if n < cut + MIN_STEM {
            break;
        }
        let stem: String = w[..n - cut].iter().collect();
        best = best.max(lexicon.prefix_count(&stem));
    }
    best
}

/// Candidate corrections of an unknown Kazakh word, best first: forms with
/// up to [`MAX_EDITS`] letters restored that the lexicon knows.
pub fn correct(word: &str, lexicon: &Lexicon) -> Option<String> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    if lower.len() < 3 || !lower.iter().all(|&c| is_cyrillic(c)) {
        return None;
    }
    let as_string: String = lower.iter().collect();
    if lexicon.count(&as_string) > 0 {
        return None;
    }
    // The word's own stem is known: an unseen ending, not a misspelling.
    if known_stem(lexicon, &lower) > 0 {
        return None;
    }
    let mut frontier: Vec<Vec<char>> = vec![lower.clone()];
    for _ in 0..MAX_EDITS {
        let mut next = Vec::new();
        let mut best: Option<(u32, Vec<char>)> = None;
        for cand in &frontier {
            for i in 0..cand.len() {
                for &(from, to) in SWAPS {
                    if cand[i] != from {
                        continue;
                    }
                    let mut v = cand.clone();
                    v[i] = to;
                    let exact = lexicon.count(&v.iter().collect::<String>());
                    let score = if exact > 0 {
                        exact * 4
                    } else {
                        known_stem(lexicon, &v)
                    };
                    if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                        best = Some((score, v.clone()));
                    }
                    next.push(v);
                }
            }
        }
        if let Some((_, v)) = best {
            // Keep the word's own capitals.
            let fixed: String = word
                .chars()
                .zip(v)
                .map(|(orig, new)| {
                    if orig.is_uppercase() {
                        new.to_uppercase().next().unwrap_or(new)
                    } else {
                        new
                    }
                })
                .collect();
            return Some(fixed);
        }
        next.sort();
        next.dedup();
        frontier = next;
    }
    None
}

fn finding(
    idx: usize,
    c: &Clause,
    kind: FindingKind,
    marks: &[(usize, usize)],
    fixes: &[String],
) -> (usize, Finding) {
    let what = if kind == FindingKind::MixedScript {
        "mixes Latin and Cyrillic letters in"
    } else {
        "spells with Russian letters for Kazakh ones"
    };
    (
        idx,
        Finding {
            kind,
            severity: Severity::Low,
            lang: Some(c.lang),
            clauses: vec![ClauseRef::local(&c.id)],
            message: format!(
                "{} clause {} {}: {}",
                c.lang.name(),
                c.cite(),
                what,
                fixes.join(", ")
            ),
            evidence: vec![crate::check::evidence::clause(c, marks)],
        },
    )
}

/// Where the repaired word `read` stands in `text`: its first occurrence as
/// a whole word, else its first occurrence.
fn locate(text: &str, read: &str) -> Option<(usize, usize)> {
    if read.is_empty() {
        return None;
    }
    let whole = words(text).into_iter().find(|&(a, b)| &text[a..b] == read);
    whole.or_else(|| text.find(read).map(|a| (a, a + read.len())))
}

/// Script mixing in every clause (words mixing ASCII Latin and Cyrillic
/// letters, and the words `ingest::normalise` repaired, given by their
/// source spans in `repairs`), misspelled Kazakh in Kazakh clauses.
pub fn check(
    clauses: &[Clause],
    repairs: &[ScriptRepair],
    lexicon: &Lexicon,
    out: &mut Vec<(usize, Finding)>,
) {
    for (idx, c) in clauses.iter().enumerate() {
        let mut mixed: Vec<((usize, usize), String)> = Vec::new();
        let mut spelt = (Vec::new(), Vec::new());
        for (a, b) in words(&c.text) {
            let w = &c.text[a..b];
            if let Some(fixed) = unmix(w, c.lang) {
                mixed.push(((a, b), format!("«{w}» → «{fixed}»")));
            } else if c.lang == Lang::Kk
                && !lexicon.is_empty()
                && let Some(fixed) = correct(w, lexicon)
            {
                spelt.0.push((a, b));
                spelt.1.push(format!("«{w}» → «{fixed}»"));
            }
        }
        for r in repairs.iter().filter(|r| {
            c.segments
                .iter()
                .any(|s| s.start <= r.span.start && r.span.start < s.end)
        }) {
            // A repaired word not found in the clause text (cut by the
            // clause's own markup) is still named, at the clause start.
            let at = locate(&c.text, &r.read).unwrap_or((0, 0));
            mixed.push((at, format!("«{}» → «{}»", r.written, r.read)));
        }
        mixed.sort();
        mixed.dedup();
        if !mixed.is_empty() {
            let marks: Vec<(usize, usize)> = mixed
                .iter()
                .map(|(m, _)| *m)
                .filter(|m| m.1 > m.0)
                .collect();
            let fixes: Vec<String> = mixed.into_iter().map(|(_, f)| f).collect();
            out.push(finding(idx, c, FindingKind::MixedScript, &marks, &fixes));
        }
        if !spelt.0.is_empty() {
            out.push(finding(
                idx,
                c,
                FindingKind::KazakhSpelling,
                &spelt.0,
                &spelt.1,
            ));
        }
    }
}

/// Ways to name the organisation type: (language, pattern words, canonical
/// in that language). Matched on whole words, abbreviations by case.
struct NameForm {
    lang: Lang,
    /// Stems of consecutive words (lower-case), or an abbreviation in
    /// capitals matched exactly.
    words: &'static [&'static str],
    canonical: bool,
    display: &'static str,
}

const NAME_FORMS: &[NameForm] = &[
    NameForm {
        lang: Lang::Kk,
        words: &["МҚҰ"],
        canonical: true,
        display: "МҚҰ",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["микроқаржы", "ұйым"],
        canonical: true,
        display: "микроқаржы ұйымы",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["ШҚҰ"],
        canonical: false,
        display: "ШҚҰ",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["шағын", "қаржы", "ұйым"],
        canonical: false,
        display: "шағын қаржы ұйымы",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["МФО"],
        canonical: false,
        display: "МФО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МФО"],
        canonical: true,
        display: "МФО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["микрофинансов", "организац"],
        canonical: true,
        display: "микрофинансовая организация",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МКО"],
        canonical: false,
        display: "МКО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["микрокредитн", "организац"],
        canonical: false,
        display: "микрокредитная организация",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МҚҰ"],
        canonical: false,
        display: "МҚҰ",
    },
];

/// Occurrences of a name form in a text, as byte ranges.
fn find_form(text: &str, form: &NameForm) -> Vec<(usize, usize)> {
    let ws = words(text);
    let abbreviation = form.words.len() == 1 && form.words[0].chars().all(|c| !c.is_lowercase());
    let mut out = Vec::new();
    if ws.len() < form.words.len() {
        return out;
    }
    for i in 0..=ws.len() - form.words.len() {
        let hit = ws[i..i + form.words.len()]
            .iter()
            .zip(form.words)
            .all(|(&(a, b), stem)| {
                let w = &text[a..b];
                if abbreviation {
                    w == *stem
                } else {
                    w.to_lowercase().starts_with(stem)
                }
            });
        if hit {
            out.push((ws[i].0, ws[i + form.words.len() - 1].1));
        }
    }
    out
}

/// Clauses (by index) where a name form occurs, with its byte ranges.
type Places = Vec<(usize, Vec<(usize, usize)>)>;

/// The organisation named consistently within and across languages.
pub fn check_names(clauses: &[Clause], languages: &[Lang], out: &mut Vec<(usize, Finding)>) {
    for lang in [Lang::Kk, Lang::Ru] {
        if !languages.contains(&lang) {
            continue;
        }
        // form index → clauses (index) with their ranges
        let mut uses: BTreeMap<usize, Places> = BTreeMap::new();
        for (idx, c) in clauses.iter().enumerate().filter(|(_, c)| c.lang == lang) {
            for (fi, form) in NAME_FORMS
                .iter()
                .enumerate()
                .filter(|(_, f)| f.lang == lang)
            {
                let r = find_form(&c.text, form);
                if !r.is_empty() {
                    uses.entry(fi).or_default().push((idx, r));
                }
            }
        }
        let count = |fi: &usize| uses[fi].iter().map(|(_, r)| r.len()).sum::<usize>();
        let canonical_used = uses.keys().any(|&fi| NAME_FORMS[fi].canonical);
        let bilingual = languages.len() == 2;
        for (fi, places) in &uses {
            let form = &NAME_FORMS[*fi];
            if form.canonical {
                continue;
            }
            // The canonical form most used in this language, else the first.
            let suggestion = uses
                .keys()
                .filter(|&&f| NAME_FORMS[f].canonical)
                .max_by_key(|f| count(f))
                .map_or_else(
                    || {
                        NAME_FORMS
                            .iter()
                            .find(|f| f.lang == lang && f.canonical)
                            .map_or("", |f| f.display)
                    },
                    |&f| NAME_FORMS[f].display,
                );
            let (severity, why) = if canonical_used {
                (
                    Severity::Low,
                    format!(
                        "the {} text calls the organisation «{}» in {} place(s) beside «{}» elsewhere",
                        lang.name(),
                        form.display,
                        count(fi),
                        suggestion
                    ),
                )
            } else if bilingual {
                (
                    Severity::Medium,
                    format!(
                        "the {} text calls the organisation «{}» where the {} text says «{}»",
                        lang.name(),
                        form.display,
                        lang.counterpart().name(),
                        NAME_FORMS
                            .iter()
                            .find(|f| f.lang == lang.counterpart() && f.canonical)
                            .map_or("", |f| f.display)
                    ),
                )
            } else {
                (
                    Severity::Low,
                    format!(
                        "the {} text calls the organisation «{}»; the usual name is «{}»",
                        lang.name(),
                        form.display,
                        suggestion
                    ),
                )
            };
            let (first_idx, first_ranges) = &places[0];
            let first = &clauses[*first_idx];
            out.push((
                *first_idx,
                Finding {
                    kind: FindingKind::InconsistentName,
                    severity,
                    lang: Some(lang),
                    clauses: places
                        .iter()
                        .map(|(i, _)| ClauseRef::local(&clauses[*i].id))
                        .collect(),
                    message: format!("{why} → «{suggestion}»"),
                    evidence: vec![evidence::clause(first, first_ranges)],
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_scripts_are_repaired_towards_the_majority() {
        assert_eq!(unmix("Cайта", Lang::Ru).as_deref(), Some("Сайта"));
        assert_eq!(unmix("бюrolар", Lang::Kk).as_deref(), Some("бюролар"));
        assert_eq!(
            unmix("пайдаланушiлар", Lang::Kk).as_deref(),
            Some("пайдаланушілар")
        );
        assert_eq!(unmix("cооkie", Lang::Kk).as_deref(), Some("cookie"));
        assert_eq!(unmix("Сайт", Lang::Ru), None);
        assert_eq!(unmix("cookie", Lang::Ru), None);
    }

    fn lexicon() -> Lexicon {
        Lexicon::parse(
            "t",
            "өңдеу\t20\nөңдеуге\t9\nөңделеді\t5\nұғым\t3\nұғымдар\t4\nқорғау\t10\nмен\t50\nкорпус\t3\n",
        )
        .unwrap()
    }

    #[test]
    fn russian_letters_for_kazakh_ones_are_corrected() {
        let l = lexicon();
        assert_eq!(correct("өндеу", &l).as_deref(), Some("өңдеу"));
        assert_eq!(correct("Өндеуге", &l).as_deref(), Some("Өңдеуге"));
        assert_eq!(correct("үфымдар", &l).as_deref(), Some("ұғымдар"));
        assert_eq!(correct("корғау", &l).as_deref(), Some("қорғау"));
        assert_eq!(correct("өндөледі", &l).as_deref(), Some("өңделеді"));
        // Known words, and unknown words with no close known form, stand.
        assert_eq!(correct("өңдеу", &l), None);
        assert_eq!(correct("мен", &l), None);
        assert_eq!(correct("корпуста", &l), None);
        assert_eq!(correct("тамаша", &l), None);
    }

    fn clause(id: &str, text: &str) -> Clause {
        Clause::from_text(id, text)
    }

    #[test]
    fn organisation_names_are_consistent() {
        let clauses = vec![
            clause("kk:1", "МҚҰ деректерді өңдейді."),
            clause("kk:2", "МҚҰ және ШҚҰ қызметкерлері."),
            clause("ru:1", "МФО обрабатывает данные."),
        ];
        let mut out = Vec::new();
        check_names(&clauses, &[Lang::Kk, Lang::Ru], &mut out);
        assert_eq!(out.len(), 1);
        let f = &out[0].1;
        assert_eq!(f.kind, FindingKind::InconsistentName);
        assert!(f.message.ends_with("→ «МҚҰ»"), "{}", f.message);
        assert!(f.evidence[0].marked().contains("[[ШҚҰ]]"));
        let clauses = vec![
            clause("kk:1", "Шағын қаржы ұйымы деректерді өңдейді."),
            clause("ru:1", "МФО обрабатывает данные."),
        ];
        let mut out = Vec::new();
        check_names(&clauses, &[Lang::Kk, Lang::Ru], &mut out);
        assert_eq!(out[0].1.severity, Severity::Medium);
    }
}
