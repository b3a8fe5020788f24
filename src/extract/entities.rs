//! Entities in a clause's text that must survive translation unchanged:
//! numbers, percentages, sums of money and periods (also when written in
//! words: «бір жұмыс күні», «тридцати»), dates, e-mails, URLs and domain
//! names, telephone numbers, 12-digit BIN/IIN, law numbers such as `94-V`,
//! article and paragraph references, and Latin-script names. Values are
//! normalised so that the Kazakh and the Russian forms compare equal
//! («2013 жылғы 21 мамырдағы» and «21 мая 2013 года» are both `2013-05-21`;
//! «15 күнтізбелік күн» and «15 календарных дней» are both `15 day`; «8-бабы»
//! and «статьи 8» are both `art:8`).
//!
//! Invariants: entities are sorted by position and never overlap; a number
//! inside a date, a law number, a reference, a period, an e-mail or a URL is
//! not reported again; a list marker such as `2)` is not a figure.

use super::numwords;

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Entity, EntityKind};
use crate::tokens::{is_letter, is_letter_or_digit};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+").expect("email regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:https?://|www\.)[^\s<>()«»\x22,;]+|(?-u:\b)[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:kz|ru|com|org|net|io|info)(?-u:\b)(?:/[^\s<>()«»\x22,;]*)?",
    )
    .expect("url regex")
});
/// Kazakhstan numbers: +7 / 8, a three-digit code, seven digits, in any
/// grouping.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\+\s?7|(?-u:\b)8)[\s\-]?\(?\d{3}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?-u:\b)",
    )
    .expect("phone regex")
});
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,4})\s*-\s*([IVXLС]{1,5})(?:\s*-\s*(?:ҚРЗ|ЗРК|[A-ZА-Я]{2,4}))?")
        .expect("law regex")
});
static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.(\d{4})(?-u:\b)").expect("date regex")
});
static DATE_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)«?(\d{1,2})»?\s+(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+(\d{4})")
        .expect("ru date regex")
});
static DATE_KK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d{4})\s*(?:ж\.|жыл[а-яәғқңөұүһі]*)?\s*«?(\d{1,2})»?\s*-?\s*(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*")
        .expect("kk date regex")
});
static DATE_KK_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)«?(\d{1,2})»?\s*(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*\s+(\d{4})")
        .expect("kk date regex")
});
/// Article, paragraph and sub-paragraph references, Russian then Kazakh
/// word order; group 1 is the reference, group 2 its number, the pattern's
/// tag its kind. (A Unicode `\b` would send every search down the slow
/// backtracking engine: a Russian reference starts after a non-letter, a
/// Kazakh one at an ASCII digit boundary.)
static REFERENCES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    const START: &str = r"(?:^|[^\p{L}\p{N}_])";
    [
        (
            "art",
            format!(r"(?i){START}((?:стать(?:я|и|ю|е|ей|ям|ями|ях)|ст\.)\s*(\d+(?:-\d+)?))"),
        ),
        (
            "sub",
            format!(r"(?i){START}((?:подпункт[а-я]*|пп\.)\s*(\d+(?:\.\d+)*))"),
        ),
        (
            "para",
            format!(r"(?i){START}((?:пункт[а-я]*|п\.)\s*(\d+(?:\.\d+)*))"),
        ),
        (
            "art",
            r"(?i)(?-u:\b)((\d+(?:-\d+)?)\.?\s*-?\s*ба[пб][а-яәғқңөұүһі]*)".to_string(),
        ),
        (
            "sub",
            r"(?i)(?-u:\b)((\d+(?:\.\d+)*)\.?\s*-?\s*тармақша[а-яәғқңөұүһі]*)".to_string(),
        ),
        (
            "para",
            r"(?i)(?-u:\b)((\d+(?:\.\d+)*)\.?\s*-?\s*(?:тармақ|тармағ)[а-яәғқңөұүһі]*)".to_string(),
        ),
        (
            "para",
            r"(?i)(?-u:\b)((\d+(?:\.\d+)*)\.?\s*т\.)(?:\s|$)".to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, p)| (k, Regex::new(&p).expect("reference regex")))
    .collect()
});
static IDENTIFIER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d{12}(?-u:\b)").expect("bin regex"));
/// A figure: digits with optional thousands groups («1 000 000») and
/// decimals.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,3}(?:[ \u{00A0}]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*").expect("number regex")
});
/// What may follow a figure before its unit: the figure again in words,
/// in brackets («30 (отыз)», «пятнадцати (15)»).
static IN_BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\([^()]{1,60}\)").expect("brackets regex"));
/// Units of periods, percentages and money, anchored at the start.
static UNITS: LazyLock<Vec<(&'static str, EntityKind, Regex)>> = LazyLock::new(|| {
    const W: &str = "[а-яёәғқңөұүһі]";
    [
        ("workday", EntityKind::Duration, format!(r"жұмыс\s+күн{W}*|рабоч{W}*\s+(?:дн{W}*|день)")),
        ("day", EntityKind::Duration, format!(r"күнтізбелік\s+күн{W}*|календарн{W}*\s+(?:дн{W}*|день)|күн{W}{{0,6}}|дн(?:я|ей|ям|ями|ях)\b|день\b")),
        ("week", EntityKind::Duration, format!(r"апта{W}{{0,6}}|недел{W}*")),
        ("month", EntityKind::Duration, format!(r"ай{W}{{0,5}}\b|месяц{W}*")),
        ("year", EntityKind::Duration, format!(r"жыл{W}{{0,6}}|год(?:а|у|ом|ы|ов)?\b|лет\b")),
        ("hour", EntityKind::Duration, format!(r"сағат{W}*|час(?:а|ов|ам|ами)?\b")),
        ("minute", EntityKind::Duration, format!(r"минут{W}*")),
        ("", EntityKind::Percent, format!(r"%|пайыз{W}*|процент{W}*")),
        ("kzt", EntityKind::Amount, format!(r"теңге{W}*|тенге\b|тг\.?|₸|kzt\b")),
    ]
    .into_iter()
    .map(|(u, k, p)| (u, k, Regex::new(&format!("(?i)^\\s*(?:{p})")).expect("unit regex")))
    .collect()
});
static LATIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]").expect("latin regex"));

/// The unit right after a figure (and its repetition in brackets), if any:
/// the normalised unit, the entity kind and the byte length read.
fn unit_after(rest: &str) -> Option<(&'static str, EntityKind, usize)> {
    let skip = IN_BRACKETS.find(rest).map_or(0, |m| m.end());
    let after = &rest[skip..];
    UNITS
        .iter()
        .find_map(|(u, k, re)| re.find(after).map(|m| (*u, *k, skip + m.end())))
}

/// The entity of a figure with its unit.
fn figure(value: &str, unit: Option<(&'static str, EntityKind, usize)>) -> (EntityKind, String) {
    match unit {
        Some((u, kind, _)) if !u.is_empty() => (kind, format!("{value} {u}")),
        Some((_, kind, _)) => (kind, value.to_string()),
        None => (EntityKind::Number, value.to_string()),
    }
}

/// A figure as written → its value: thousands separators removed, a decimal
/// comma read as a point.
fn figure_value(raw: &str) -> String {
    raw.replace([' ', '\u{00A0}'], "").replace(',', ".")
}

/// `N)` opening a list item, not a figure.
fn list_marker(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].chars().next_back();
    text[b..].starts_with(')')
        && b - a <= 2
        && before.is_none_or(|c| c.is_whitespace() || matches!(c, ';' | ':' | ','))
}

fn month(stem: &str) -> Option<u32> {
    let s = stem.to_lowercase();
    const RU: [&str; 12] = [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ];
    const KK: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    KK.iter()
        .position(|m| s.starts_with(m))
        .or_else(|| RU.iter().position(|m| s.starts_with(m)))
        .map(|i| i as u32 + 1)
}

fn date(y: &str, m: u32, d: &str) -> Option<String> {
    let d: u32 = d.parse().ok()?;
    let y: u32 = y.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Word characters adjacent to a match make it part of a larger token.
fn isolated(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].chars().next_back();
    let after = text[b..].chars().next();
    !before.is_some_and(is_letter_or_digit) && !after.is_some_and(is_letter_or_digit)
}

/// All entities of a text, sorted by position, non-overlapping.
pub fn entities(text: &str) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let taken =
        |out: &Vec<Entity>, a: usize, b: usize| out.iter().any(|e| a < e.end && e.start < b);
    let add = |out: &mut Vec<Entity>, kind, value: String, a: usize, b: usize| {
        if !taken(out, a, b) {
            out.push(Entity {
                kind,
                value,
                start: a,
                end: b,
            });
        }
    };
    for m in EMAIL.find_iter(text) {
        add(
            &mut out,
            EntityKind::Email,
            m.as_str().to_lowercase(),
            m.start(),
            m.end(),
        );
    }
    for m in URL.find_iter(text) {
        let raw = m.as_str().trim_end_matches(['.', '/', ':']);
        if !isolated(text, m.start(), m.start() + raw.len()) {
            continue;
        }
        let v = raw.to_lowercase();
        let v = v
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_string();
        add(
            &mut out,
            EntityKind::Url,
            v,
            m.start(),
            m.start() + raw.len(),
        );
    }
    for m in PHONE.find_iter(text) {
        let mut digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        if digits.starts_with('8') {
            digits.replace_range(..1, "7");
        }
        add(&mut out, EntityKind::Phone, digits, m.start(), m.end());
    }
    for c in DATE_KK.captures_iter(text) {
        let (Some(all), Some(y), Some(d), Some(mo)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let Some(v) = month(mo.as_str()).and_then(|m| date(y.as_str(), m, d.as_str())) {
            add(&mut out, EntityKind::Date, v, all.start(), all.end());
        }
    }
    for re in [&*DATE_RU, &*DATE_KK_DAY_FIRST] {
        for c in re.captures_iter(text) {
            let (Some(all), Some(d), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            if let Some(v) = month(mo.as_str()).and_then(|m| date(y.as_str(), m, d.as_str())) {
                add(&mut out, EntityKind::Date, v, all.start(), all.end());
            }
        }
    }
    for c in DATE_NUMERIC.captures_iter(text) {
        let (Some(all), Some(d), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let Some(v) = mo
            .as_str()
            .parse()
            .ok()
            .and_then(|m| date(y.as_str(), m, d.as_str()))
        {
            add(&mut out, EntityKind::Date, v, all.start(), all.end());
        }
    }
    for c in LAW.captures_iter(text) {
        let (Some(all), Some(n), Some(roman)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if !isolated(text, all.start(), all.end()) {
            continue;
        }
        // Cyrillic С is sometimes typed for the Roman C.
        let roman = roman.as_str().replace('С', "C");
        add(
            &mut out,
            EntityKind::Law,
            format!("{}-{}", n.as_str(), roman),
            all.start(),
            all.end(),
        );
    }
    for (kind, re) in REFERENCES.iter() {
        for c in re.captures_iter(text) {
            let (Some(all), Some(n)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let end = all.as_str().trim_end().len() + all.start();
            add(
                &mut out,
                EntityKind::Reference,
                format!("{kind}:{}", n.as_str()),
                all.start(),
                end,
            );
        }
    }
    for m in IDENTIFIER.find_iter(text) {
        add(
            &mut out,
            EntityKind::Identifier,
            m.as_str().to_string(),
            m.start(),
            m.end(),
        );
    }
    // Figures written in digits, with their unit when one follows.
    for m in NUMBER.find_iter(text) {
        let raw = m.as_str().trim_end_matches(['.', ',']);
        let end = m.start() + raw.len();
        if list_marker(text, m.start(), end) {
            continue;
        }
        if !(isolated(text, m.start(), end) || text[end..].starts_with(['-', '%'])) {
            continue;
        }
        let unit = unit_after(&text[end..]);
        let (kind, value) = figure(&figure_value(raw), unit);
        let stop = unit.map_or(end, |(_, _, n)| end + n);
        add(&mut out, kind, value, m.start(), stop);
    }
    // Figures written in words count only before a unit («бір жұмыс күні»):
    // elsewhere «бір» and «один» are articles and pronouns. Words repeating
    // a figure in brackets («30 (отыз)») are already inside that figure.
    let mut prev_alnum = false;
    for (at, ch) in text.char_indices() {
        let letter = is_letter(ch);
        if letter
            && !prev_alnum
            && let Some((v, len)) = numwords::parse(&text[at..])
            && let Some(unit) = unit_after(&text[at + len..])
        {
            let (kind, value) = figure(&v.to_string(), Some(unit));
            add(&mut out, kind, value, at, at + len + unit.2);
        }
        prev_alnum = letter || is_letter_or_digit(ch);
    }
    for m in LATIN.find_iter(text) {
        if isolated(text, m.start(), m.end()) {
            add(
                &mut out,
                EntityKind::Latin,
                m.as_str().to_lowercase(),
                m.start(),
                m.end(),
            );
        }
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(EntityKind, String)> {
        entities(text)
            .into_iter()
            .map(|e| (e.kind, e.value))
            .collect()
    }

    #[test]
    fn dates_in_both_languages_normalise_alike() {
        use EntityKind::*;
        assert_eq!(
            values("Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңы"),
            vec![(Date, "2013-05-21".into()), (Law, "94-V".into())]
        );
        assert_eq!(
            values("Закон Республики Казахстан № 94-V от 21 мая 2013 года"),
            vec![(Law, "94-V".into()), (Date, "2013-05-21".into())]
        );
        assert_eq!(
            values("«20» января 2025 г."),
            vec![(Date, "2025-01-20".into())]
        );
        assert_eq!(
            values("2025 ж. «20» қаңтар"),
            vec![(Date, "2025-01-20".into())]
        );
        assert_eq!(values("03.07.2020 ж."), vec![(Date, "2020-07-03".into())]);
    }

    #[test]
    fn emails_urls_numbers_latin() {
        use EntityKind::*;
        assert_eq!(
            values("info@dossym.kz, https://timezaim.kz/ және dossym.kz сайты, 18 жас, 30 (отыз)"),
            vec![
                (Email, "info@dossym.kz".into()),
                (Url, "timezaim.kz".into()),
                (Url, "dossym.kz".into()),
                (Number, "18".into()),
                (Number, "30".into()),
            ]
        );
        assert_eq!(
            values("ТОО «МФО «BeeClever»"),
            vec![(Latin, "beeclever".into())]
        );
        // A Latin letter inside a Cyrillic word is not a name.
        assert_eq!(values("Cайта"), vec![]);
    }
}

static COMPANY_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // ТОО «МФО «X», ТОО "МФО" "X", ТОО «Микрофинансовая организация «X»
        r#"(?i)ТОО\s*[«"]\s*(?:МФО|Микрофинансовая\s+организация)\s*[»"]?\s*[«"]\s*([^«»"]{2,40}?)\s*[»"]"#,
        // «X» МҚҰ» ЖШС, "X "Микроқаржы ұйымы" ЖШС, «X» микроқаржы ұйымы»
        r#"(?i)[«"]\s*([^«»"]{2,40}?)\s*[»"]?\s*[«"]?\s*(?:МҚҰ|ШҚҰ|микроқаржы\s+[ұү]й[ыі]м[а-яәғқңөұүһі]*)\s*[»"]?\s*(?:ЖШС|жауапкершіл)"#,
        // ЖШС X / ТОО X (a Latin name after the legal form)
        r"(?:ЖШС|ТОО)\s+([A-Z][A-Za-z0-9\-]{2,30})",
        // «X» ЖШС / ТОО «X»
        r#"[«"]([A-Z][A-Za-z0-9\- ]{2,30})[»"]\s*ЖШС"#,
    ]
    .iter()
    .map(|p| Regex::new(p).expect("company regex"))
    .collect()
});

/// The organisation a policy belongs to, recognised from its text (the
/// most frequent name in the legal-form patterns of either language).
pub fn company(text: &str) -> Option<String> {
    let mut counts: Vec<(String, usize, String)> = Vec::new();
    for re in COMPANY_PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            let name = crate::model::collapse_ws(m.as_str().trim_matches(['"', '«', '»', ' ']));
            if name.chars().count() < 2 {
                continue;
            }
            let key = name.to_lowercase();
            match counts.iter_mut().find(|(k, _, _)| *k == key) {
                Some(e) => {
                    e.1 += 1;
                    // Prefer a spelling that is not all capitals.
                    if e.2
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                        && !name
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                    {
                        e.2 = name;
                    }
                }
                None => counts.push((key, 1, name)),
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .max_by_key(|(i, (_, n, _))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (_, _, name))| name)
}

#[cfg(test)]
mod company_tests {
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
                "«FINBOX» МИКРОҚАРЖЫ ҰЙЫМЫ» ЖАУАПКЕРШІЛГІ; «Finbox» микроқаржы үйімі» жауапкершілігі",
                "Finbox",
            ),
            ("ЖШС ProLeads ДЕГІ ДЕРЕКТІ", "ProLeads"),
        ];
        for (text, want) in cases {
            assert_eq!(company(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(company("Жай мәтін"), None);
    }
}
