//! The organisation a policy belongs to, recognised from its text by the
//! legal-form patterns of either language.
//!
//! Two tiers, the second read only when the first finds nothing:
//! 1. a microfinance organisation: «ТОО «МФО «X»», «Товарищество с
//!    ограниченной ответственностью «Микрофинансовая организация «X»»»,
//!    «"X" МҚҰ" ЖШС», «X» микроқаржы ұйымы» жауапкершілігі …, and a Latin
//!    name after or before the legal form («ЖШС ProLeads», «"Finbox" ЖШС»);
//! 2. any limited liability partnership, the form microfinance
//!    organisations take: «ТОО «X»», «X» ЖШС, «ЖШС «X»», «Товарищество с
//!    ограниченной ответственностью «X»», «X» жауапкершілігі шектеулі
//!    серіктестігі, the form in any letter case; the name must start with a
//!    capital or a digit, and a bare legal form, or the credit bureau or
//!    bank a policy names as a third party, is not the company.
//!
//! Within a tier the most frequent name wins, ties going to the one named
//! first; of its spellings, one that is not all capitals is kept.
//!
//! Invariant: the name returned has at least two characters, no quotes at
//! either end and single spaces; no input panics.

use std::sync::LazyLock;

use regex::Regex;

/// Opening and closing quotes, and a name's characters (no quote).
const QO: &str = r#"[«"“„]"#;
const QC: &str = r#"[»"”“]"#;
const NAME: &str = r#"[^«»"“”„\n]"#;

static MICROFINANCE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // ТОО «МФО «X», ТОО "МФО" "X", ТОО «Микрофинансовая организация «X»,
        // and the legal form in full.
        format!(
            r"(?i)(?:ТОО|Товарищество\s+с\s+ограниченной\s+ответственностью)\s*{QO}\s*(?:МФО|Микрофинансовая\s+организация)\s*{QC}?\s*{QO}\s*({NAME}{{2,40}}?)\s*{QC}"
        ),
        // «X» МҚҰ» ЖШС, "X "Микроқаржы ұйымы" ЖШС, «X» микроқаржы ұйымы»
        format!(
            r"(?i){QO}\s*({NAME}{{2,40}}?)\s*{QC}?\s*{QO}?\s*(?:МҚҰ|ШҚҰ|микроқаржы(?:лық)?\s+[ұү]й[ыі]м[а-яәғқңөұүһі]*)\s*{QC}?\s*(?:ЖШС|жауапкершіл)"
        ),
        // ЖШС X / ТОО X (a Latin name after the legal form)
        r"(?:ЖШС|ТОО)\s+([A-Z][A-Za-z0-9\-]{2,30})".to_string(),
        // «X» ЖШС (a Latin name)
        r#"[«"]([A-Z][A-Za-z0-9\- ]{2,30})[»"]\s*ЖШС"#.to_string(),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("company regex"))
    .collect()
});

static PARTNERSHIP: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    const FORM_RU: &str = r"ТОО|Товарищество\s+с\s+ограниченной\s+ответственностью";
    const FORM_KK: &str = r"ЖШС|жауапкершілігі\s+шектеулі\s+серіктестіг[а-яәғқңөұүһі]*|жауапкершілігі\s+шектеулі\s+серіктестік";
    [
        // ТОО «X», ЖШС «X», Товарищество с ограниченной ответственностью «X»
        format!(r"(?i)(?:^|[^\p{{L}}])(?:{FORM_RU}|{FORM_KK})\s*{QO}\s*({NAME}{{2,60}}?)\s*{QC}"),
        // «X» ЖШС, «X» жауапкершілігі шектеулі серіктестігі
        format!(r"(?i){QO}\s*({NAME}{{2,60}}?)\s*{QC}\s*(?:{FORM_KK}|ТОО)(?:[^\p{{L}}]|$)"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("partnership regex"))
    .collect()
});

/// Names that are a legal or organisational form, not a name.
const GENERIC: &[&str] = &[
    "мфо",
    "мқұ",
    "шқұ",
    "тоо",
    "жшс",
    "микрофинансовая организация",
    "микроқаржы ұйымы",
];

/// Words of the third parties a policy names in the same legal form: a
/// credit bureau, a bank, a collection agency.
const THIRD_PARTY: &[&str] = &["бюро", "банк", "коллектор"];

/// Whether a name found by a partnership pattern can be the company's: it
/// starts with a capital letter or a digit, has one to six words, and is
/// neither a bare form nor a third party.
fn plausible(name: &str) -> bool {
    if !name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 6
        && !GENERIC.contains(&words.join(" ").as_str())
        && !words
            .iter()
            .any(|w| THIRD_PARTY.iter().any(|t| w.starts_with(t)))
}

fn all_capitals(s: &str) -> bool {
    s.chars()
        .filter(|&c| crate::tokens::is_letter(c))
        .all(char::is_uppercase)
}

/// The most frequent name the patterns find (ties: the first named), with
/// `keep` deciding which names count.
fn most_named(text: &str, patterns: &[Regex], keep: fn(&str) -> bool) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for re in patterns {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            let name = crate::model::collapse_ws(
                m.as_str()
                    .trim_matches(['"', '«', '»', '“', '”', '„', ' ', ',', ';', ':']),
            );
            if name.chars().count() >= 2 && keep(&name) {
                found.push((m.start(), name));
            }
        }
    }
    found.sort();
    // (key, count, spelling), in order of first mention.
    let mut counts: Vec<(String, usize, String)> = Vec::new();
    for (_, name) in found {
        let key = name.to_lowercase();
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(e) => {
                e.1 += 1;
                // Prefer a spelling that is not all capitals.
                if all_capitals(&e.2) && !all_capitals(&name) {
                    e.2 = name;
                }
            }
            None => counts.push((key, 1, name)),
        }
    }
    counts
        .into_iter()
        .enumerate()
        .max_by_key(|(i, (_, n, _))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (_, _, name))| name)
}

/// The microfinance organisation a text names (the first tier of the
/// module documentation only): `None` when no microfinance legal form
/// names one. For one language version of a policy, whose partners'
/// «ТОО «X»» must not be taken for the company.
pub fn microfinance_company(text: &str) -> Option<String> {
    most_named(text, &MICROFINANCE, |_| true)
}

/// The organisation a policy belongs to, recognised from its text (see
/// the module documentation); `None` when no legal-form pattern names one.
pub fn company(text: &str) -> Option<String> {
    most_named(text, &MICROFINANCE, |_| true).or_else(|| most_named(text, &PARTNERSHIP, plausible))
}

#[cfg(test)]
mod tests {
    use super::company;

    #[test]
    fn company_names_in_both_languages() {
        let cases = [
            ("ТОО «МФО «ФинТехЛаб» бекітілді", "ФинТехЛаб"),
            ("«ФинТехЛаб» МҚҰ» ЖШС", "ФинТехЛаб"),
            ("ТОО \"МФО\" \"BeeClever\" (далее – МФО)", "BeeClever"),
            (
                "ТОО «Микрофинансовая организация «Express Аванс» (далее – МФО)",
                "Express Аванс",
            ),
            ("\"Express Аванс \"Микроқаржы ұйымы\" ЖШС", "Express Аванс"),
            (
                "«Шардара Финанс» микроқаржылық ұйымы» ЖШС",
                "Шардара Финанс",
            ),
            (
                "«FINBOX» МИКРОҚАРЖЫ ҰЙЫМЫ» ЖАУАПКЕРШІЛГІ; «Finbox» микроқаржы үйімі» жауапкершілігі",
                "Finbox",
            ),
            ("ЖШС ProLeads ДЕГІ ДЕРЕКТІ", "ProLeads"),
            (
                "Товарищество с ограниченной ответственностью «Микрофинансовая организация «Орда Несие»»",
                "Орда Несие",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(company(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(company("Жай мәтін"), None);
    }

    #[test]
    fn partnerships_without_a_microfinance_word() {
        let cases = [
            (
                "Настоящая Политика ТОО «Алтын Несие» определяет",
                "Алтын Несие",
            ),
            (
                "Осы Саясат «Алтын Несие» ЖШС дербес деректерін",
                "Алтын Несие",
            ),
            ("ЖШС «Тез Ақша» деректерді өңдейді", "Тез Ақша"),
            (
                "Товарищество с ограниченной ответственностью «Жұлдыз Кредит» (далее – Компания)",
                "Жұлдыз Кредит",
            ),
            (
                "ТОВАРИЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «ЖҰЛДЫЗ КРЕДИТ»; ТОО «Жұлдыз Кредит»",
                "Жұлдыз Кредит",
            ),
            (
                "«Жұлдыз Кредит» жауапкершілігі шектеулі серіктестігі (бұдан әрі – Серіктестік)",
                "Жұлдыз Кредит",
            ),
            (
                "«ЖҰЛДЫЗ КРЕДИТ» ЖАУАПКЕРШІЛІГІ ШЕКТЕУЛІ СЕРІКТЕСТІГІ",
                "ЖҰЛДЫЗ КРЕДИТ",
            ),
            ("ТОО \"Tez Finance\" и \"Tez Finance\" ЖШС", "Tez Finance"),
            ("ТОО “Дала Қаржы” обрабатывает", "Дала Қаржы"),
            // The company, named first, against a credit bureau named as
            // often; a bureau alone is no company.
            (
                "ТОО «Нур Займ» передает данные в ТОО «Первое кредитное бюро». ТОО «Нур Займ»; ТОО «Первое кредитное бюро»",
                "Нур Займ",
            ),
            // A microfinance pattern wins over a partnership named more often.
            (
                "ТОО «Дала» и ТОО «Дала» и ТОО «Дала»; ТОО «МФО «Бастау»",
                "Бастау",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(company(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "ТОО «Первое кредитное бюро»",
            "ТОО «МФО» обрабатывает",
            "«МҚҰ» ЖШС",
            "АО «Народный банк Казахстана»",
            "который «сотрудник» ЖШС-та",
        ] {
            assert_eq!(company(text), None, "{text}");
        }
    }

    #[test]
    fn no_input_panics() {
        for text in ["", "«", "ТОО «", "«» ЖШС", "ТОО «»»»", "\"\"\" ЖШС"] {
            let _ = company(text);
        }
    }
}
