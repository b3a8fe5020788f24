//! Entities in a clause's text that must survive translation unchanged:
//! numbers, percentages, sums of money and periods (also when written in
//! words: «бір жұмыс күні», «тридцати»), dates, clock times, e-mails, URLs
//! and domain names, telephone numbers, 12-digit BIN/IIN, law numbers such
//! as `94-V`, article and paragraph references, and Latin-script names.
//!
//! Values are normalised to one canonical form per kind (see
//! [`EntityKind`]), so that the same value written two ways compares equal
//! while the evidence still quotes the text as written:
//! - numbers: «1,500,000», «1.500.000», «1 500 000» are `1500000`; «2,50»
//!   is `2.5`; a single separator before exactly three digits is a
//!   thousands separator when the group ends in 0 («50,000» is `50000`),
//!   and either reading otherwise («1,125» is `1.125`, alt `1125`);
//! - dates: «2024-03-01», «01.03.2024», «01/03/2024», «1 марта 2024 года»,
//!   «2024 жылғы 1 наурыз» are `2024-03-01`; «1 марта» without a year is
//!   `--03-01`, which a full date of the same day answers (its alt);
//! - times: «09:00» and «9:00» are `09:00`; «9.00» is the number 9 with
//!   alt `09:00`;
//! - multipliers: «50 мың», «50 тыс.» are `50000`, «1,5 млн» `1500000`;
//!   a bare figure up to 24 («с 9 до 18 часов») may be the hour `09:00`;
//! - periods: «15 күнтізбелік күн» and «15 календарных дней» are `15 day`;
//!   a year also reads as 12 months, a week as 7 days, a day as 24 hours
//!   (alt `12 month`, …);
//!   «бір күнтізбелік ай» and «одного календарного месяца» `1 month`; a
//!   unit word with no figure («в течение месяца», «жыл сайын») is an
//!   implied `1 month`/`1 year` that answers the other side's figure but is
//!   never reported missing; «жарты жыл», «полгода» are `6 month`;
//! - references: «8-бабы» and «статьи 8» are both `art:8`.
//!
//! Invariants: entities are sorted by position and never overlap; a number
//! inside a date, a time, a law number, a reference, a period, an e-mail or
//! a URL is not reported again; a list marker such as `2)` is not a figure;
//! no input panics (every index is on a character boundary).

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
/// Kazakhstan numbers: +7 / 8, a code of three to five digits (mobile
/// operator or city, in parentheses or not), the rest in groups of one to
/// four digits; eleven digits in all (checked where it is read).
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\s?7|(?-u:\b)8)[\s\-]?\(?\d{3,5}\)?(?:[\s\-]?\d{1,4}){2,4}(?-u:\b)")
        .expect("phone regex")
});
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,4})\s*-\s*([IVXLС]{1,5})(?:\s*-\s*(?:ҚРЗ|ЗРК|[A-ZА-Я]{2,4}))?")
        .expect("law regex")
});
/// Day, month and year in digits: «01.03.2024», «1/3/2024», «01-03-2024»
/// (the two separators must be the same; checked where it is read).
static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})(?-u:\b)").expect("date regex")
});
/// ISO 8601: «2024-03-01» (also «2024.03.01», «2024/03/01»).
static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})([./-])(\d{1,2})([./-])(\d{1,2})(?-u:\b)").expect("iso date regex")
});
static DATE_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)«?(\d{1,2})»?(?:-?го)?\s+(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+(\d{4})")
        .expect("ru date regex")
});
/// A day and a month in words with no year: «1 марта», «1-наурыз»,
/// ««01» наурызда». Read after the full dates, so a year that follows is
/// never left out.
static DATE_NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(«?(\d{1,2})»?(?:-?го)?\s*-?\s*(январ[ьяюе]|феврал[ьяюе]|марта?|марте|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|августа?|августе|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]|(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*))")
        .expect("year-less date regex")
});
/// The word «year» right after a date's year: «года», «г.», «ж.», «жылы».
static YEAR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:года|году|г\.|г\b|ж\.|жылы|жылғы|жыл\b)").expect("year word regex")
});
/// A clock time: «9:00», «09:00», «18:00:00».
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2}):(\d{2})(?::(\d{2}))?").expect("time regex"));
static DATE_KK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d{4})\s*(?:ж\.|жыл[а-яәғқңөұүһі]*)?\s*«?(\d{1,2})»?\s*-?\s*(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*")
        .expect("kk date regex")
});
static DATE_KK_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)«?(\d{1,2})»?\s*(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*\s+(\d{4})")
        .expect("kk date regex")
});
/// Kazakh month first, in the genitive: «2024 жылғы наурыздың 1-і»,
/// «наурыз айының 15-і» (the year optional: group 1).
static DATE_KK_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(\d{4})\s*(?:ж\.|жыл[а-яәғқңөұүһі]*)?\s*)?(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)(?:дың|дің|тың|тің|ның|нің|\s+айының|\s+айы)\s+«?(\d{1,2})»?(?:\s*-\s*[а-яәғқңөұүһі]+)?")
        .expect("kk month-first date regex")
});
/// Article, paragraph and sub-paragraph references, Russian then Kazakh
/// word order; group 1 is the reference, group 2 its number, the pattern's
/// tag its kind. A sub-paragraph's number may close with a bracket as the
/// law prints it («2) тармақшасы» = «пп. 2)» = «подпункт 2»). (A Unicode
/// `\b` would send every search down the slow backtracking engine: a
/// Russian reference starts after a non-letter, a Kazakh one at an ASCII
/// digit boundary.)
static REFERENCES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    const START: &str = r"(?:^|[^\p{L}\p{N}_])";
    [
        (
            "art",
            format!(r"(?i){START}((?:стать(?:я|и|ю|е|ей|ям|ями|ях)|ст\.)\s*(\d+(?:-\d+)?))"),
        ),
        (
            "sub",
            format!(r"(?i){START}((?:подпункт[а-я]*|подп\.|пп\.)\s*(\d+(?:\.\d+)*))"),
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
            r"(?i)(?-u:\b)((\d+(?:\.\d+)*)(?:\)|\.)?\s*-?\s*тармақша[а-яәғқңөұүһі]*)".to_string(),
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
/// A figure: digits with optional thousands groups separated by a space
/// (plain, no-break, narrow or thin: «1 000 000»), and decimals; or digits
/// separated by points and commas («1,500,000», «2,5», «2.3.1»), read by
/// [`figure_value`].
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,3}(?:[ \u{00A0}\u{202F}\u{2009}]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
        .expect("number regex")
});
/// What may follow a figure before its unit: the figure again in words,
/// in brackets («30 (отыз)», «пятнадцати (15)»).
static IN_BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\([^()]{1,60}\)").expect("brackets regex"));
/// A case ending after a figure: «3-х», «5-ти», «2-мя».
static CASE_ENDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-(?:х|ти|ми|мя|и|ух|ех)\b").expect("case ending regex"));
/// Units of periods, percentages and money, anchored at the start.
static UNITS: LazyLock<Vec<(&'static str, EntityKind, Regex)>> = LazyLock::new(|| {
    const W: &str = "[а-яёәғқңөұүһі]";
    [
        ("workday", EntityKind::Duration, format!(r"жұмыс\s+күн{W}*|рабоч{W}*\s+(?:дн{W}*|день)")),
        ("day", EntityKind::Duration, format!(r"күнтізбелік\s+күн{W}*|календарн{W}*\s+(?:дн{W}*|день)|күн{W}{{0,6}}\b|тәулік{W}*|сут(?:ки|ок|кам|ками)\b|дн(?:я|ей|ям|ями|ях)\b|день\b")),
        ("week", EntityKind::Duration, format!(r"(?:күнтізбелік\s+)?апта{W}{{0,6}}|(?:календарн{W}*\s+)?недел{W}*")),
        ("month", EntityKind::Duration, format!(r"(?:күнтізбелік\s+)?ай{W}{{0,5}}\b|(?:календарн{W}*\s+)?месяц{W}*")),
        ("year", EntityKind::Duration, format!(r"(?:күнтізбелік\s+)?жыл{W}{{0,6}}|(?:календарн{W}*\s+)?(?:год(?:а|у|ом|ы|ов)?\b|лет\b)")),
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

/// A multiplier word right after a figure: thousands («50 мың», «50 тыс.»),
/// millions («1,5 млн», «2 миллиона»), billions; anchored at the start.
static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(мың[а-яәғқңөұүһі]*|тыс\.|тыс\b|тысяч[а-я]*)|(млн\.?|миллион[а-я]*)|(млрд\.?|миллиард[а-я]*))")
        .expect("scale regex")
});

/// A canonical number times 10^`zeros` («1.5», 6 → `1500000`).
fn scaled(number: &str, zeros: usize) -> String {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    if frac.len() <= zeros {
        integer(&format!("{int}{frac}{}", "0".repeat(zeros - frac.len())))
    } else {
        decimal(&format!("{int}{}", &frac[..zeros]), &frac[zeros..])
    }
}

/// The multiplier after a figure, if any: its power of ten and the byte
/// length read.
fn scale_after(rest: &str) -> Option<(usize, usize)> {
    let c = SCALE.captures(rest)?;
    let zeros = (1..=3).find(|&i| c.get(i).is_some())? * 3;
    Some((zeros, c.get(0)?.end()))
}

/// The same period in a smaller unit: a year is 12 months, a week 7 days,
/// a day 24 hours («1 year» → `12 month`).
fn period_alternatives(value: &str) -> Vec<String> {
    let Some((n, unit)) = value.split_once(' ') else {
        return Vec::new();
    };
    let Ok(n) = n.parse::<u64>() else {
        return Vec::new();
    };
    let (factor, smaller) = match unit {
        "year" => (12, "month"),
        "week" => (7, "day"),
        "day" => (24, "hour"),
        _ => return Vec::new(),
    };
    n.checked_mul(factor)
        .map(|m| vec![format!("{m} {smaller}")])
        .unwrap_or_default()
}

/// The unit right after a figure (and its repetition in brackets), if any:
/// the normalised unit, the entity kind and the byte length read.
fn unit_after(rest: &str) -> Option<(&'static str, EntityKind, usize)> {
    // A Russian case ending written after the figure: «3-х месяцев».
    let ending = CASE_ENDING.find(rest).map_or(0, |m| m.end());
    let skip = ending + IN_BRACKETS.find(&rest[ending..]).map_or(0, |m| m.end());
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

/// Digits without leading zeros («007» → `7`, «0» and «» → `0`).
fn integer(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

/// An integer part and a fraction → `int.frac`, trailing zeros of the
/// fraction dropped («2», «50» → `2.5`; «5», «0» → `5`).
fn decimal(int: &str, frac: &str) -> String {
    let f = frac.trim_end_matches('0');
    if f.is_empty() {
        integer(int)
    } else {
        format!("{}.{f}", integer(int))
    }
}

/// Parts split at `.`/`,` that read as thousands groups: a first group of
/// one to three digits not starting with 0, then groups of exactly three.
fn thousands(parts: &[&str]) -> bool {
    parts.len() >= 2
        && (1..=3).contains(&parts[0].len())
        && !parts[0].starts_with('0')
        && parts[1..].iter().all(|p| p.len() == 3)
}

/// A figure as written → its canonical value and the other values it may
/// mean (see [`EntityKind::Number`]):
/// - space groups are thousands: «1 500 000,50» → `1500000.5`;
/// - two or more separators of one kind in three-digit groups are
///   thousands («1,500,000», «1.500.000» → `1500000`); with the other kind
///   once at the end, that one is the decimal («1,500,000.50»);
/// - one separator before exactly three digits (after one to three digits
///   not starting with 0) is a thousands separator when the group ends in
///   0 («50,000» → `50000`: a decimal is not written with trailing zeros),
///   and ambiguous otherwise («1,125» → `1.125`, alt `1125`);
/// - otherwise one separator is a decimal («2,50» → `2.5»); «H.MM» that
///   reads as a clock time («9.00», «18.30») has the time as an alt;
/// - anything else (a sequence such as «2.3.1») keeps its digits, `,` read
///   as `.`.
pub(crate) fn figure_value(raw: &str) -> (String, Vec<String>) {
    let s: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}'))
        .collect();
    let parts: Vec<&str> = s.split(['.', ',']).collect();
    let seps: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let sequence = || (s.replace(',', "."), Vec::new());
    let Some(&last) = seps.last() else {
        return (integer(&s), Vec::new());
    };
    if parts.iter().any(|p| p.is_empty()) {
        return sequence();
    }
    let grouped_by_space = raw
        .chars()
        .any(|c| !c.is_ascii_digit() && !matches!(c, '.' | ','));
    if seps.iter().all(|&c| c == last) {
        if seps.len() >= 2 {
            return if thousands(&parts) {
                (integer(&parts.concat()), Vec::new())
            } else {
                sequence()
            };
        }
        let (int, frac) = (parts[0], parts[1]);
        if grouped_by_space {
            return (decimal(int, frac), Vec::new());
        }
        if thousands(&parts) {
            let whole = integer(&parts.concat());
            return if frac.ends_with('0') {
                (whole, Vec::new())
            } else {
                (decimal(int, frac), vec![whole])
            };
        }
        let mut alt = Vec::new();
        if last == '.'
            && frac.len() == 2
            && let (Ok(h), Ok(m)) = (int.parse::<u32>(), frac.parse::<u32>())
            && int.len() <= 2
            && h <= 24
            && m < 60
        {
            alt.push(format!("{h:02}:{m:02}"));
        }
        return (decimal(int, frac), alt);
    }
    // Both kinds: the last separator, once, is the decimal; the others
    // group thousands.
    let n = parts.len();
    let head = &parts[..n - 1];
    let others_one_kind = seps[..seps.len() - 1].iter().all(|&c| c != last);
    if others_one_kind && thousands(head) {
        (decimal(&head.concat(), parts[n - 1]), Vec::new())
    } else {
        sequence()
    }
}

/// `N)` opening a list item, not a figure. A number after «№» is cited
/// («протокол № 7»), and a «)» that closes a bracket opened before it in
/// the sentence («(протокол № 7)») closes the bracket, not a label.
fn list_marker(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].chars().next_back();
    let cited = text[..a].trim_end().ends_with('№');
    let mut from = a.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let sentence = text[from..a]
        .rsplit(['.', ';', ':', '\n'])
        .next()
        .unwrap_or("");
    let bracketed = sentence.matches('(').count() > sentence.matches(')').count();
    text[b..].starts_with(')')
        && b - a <= 2
        && !cited
        && !bracketed
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

/// A date's year-less form, which the full date also answers.
fn without_year(value: &str) -> Vec<String> {
    match value.split_once('-') {
        Some((y, md)) if y.len() == 4 => vec![format!("--{md}")],
        _ => Vec::new(),
    }
}

/// Word characters adjacent to a match make it part of a larger token.
fn isolated(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].chars().next_back();
    let after = text[b..].chars().next();
    !before.is_some_and(is_letter_or_digit) && !after.is_some_and(is_letter_or_digit)
}

/// A unit word with no figure, read as one of it («в течение месяца» =
/// `1 month`), or a half year in words (`6 month`, written, not implied);
/// anchored at a word start: one regex, alternative `i` in capture group
/// `i + 1`, so a word is read once however many units there are (the
/// first alternative that matches wins, as leftmost-first prefers it).
/// (regex, [(value, implied)])
static WORD_PERIODS: LazyLock<(Regex, Vec<(&'static str, bool)>)> = LazyLock::new(|| {
    const W: &str = "[а-яёәғқңөұүһі]";
    let list = [
        (
            r"жарты\s+жыл(?:ы|дың|ға|да|ды|ын|ында|дан|ынан|ына)?\b".to_string(),
            "6 month",
            false,
        ),
        (
            r"пол(?:года|угода|угоду|угодом)\b".to_string(),
            "6 month",
            false,
        ),
        (
            format!(r"(?:календарн{W}*\s+)?месяц(?:а|е|ем|у)?\b"),
            "1 month",
            true,
        ),
        (
            format!(r"(?:календарн{W}*\s+)?(?:год|года|году|годом)\b"),
            "1 year",
            true,
        ),
        (
            format!(r"(?:календарн{W}*\s+)?недел(?:я|и|ю|е|ей)\b"),
            "1 week",
            true,
        ),
        (r"сут(?:ки|ок|кам)\b".to_string(), "1 day", true),
        (
            r"(?:күнтізбелік\s+)?ай(?:ы|дың|ға|да|ды|ын|ында|дан|ынан|ына)?\b".to_string(),
            "1 month",
            true,
        ),
        (
            r"(?:күнтізбелік\s+)?жыл(?:ы|дың|ға|да|ды|ын|ында|дан|ынан|ына)?\b".to_string(),
            "1 year",
            true,
        ),
        (
            r"(?:күнтізбелік\s+)?апта(?:ның|ға|да|ны|сы|сында|дан)?\b".to_string(),
            "1 week",
            true,
        ),
        (
            r"тәулік(?:тің|ке|те|ті|і|ін|ішінде)?\b".to_string(),
            "1 day",
            true,
        ),
    ];
    let alternatives: Vec<String> = list.iter().map(|(p, _, _)| format!("({p})")).collect();
    let alternatives = alternatives.join("|");
    let values = list.iter().map(|&(_, v, implied)| (v, implied)).collect();
    (
        Regex::new(&format!("(?i)^(?:{alternatives})")).expect("word period regex"),
        values,
    )
});

/// Entities found so far, non-overlapping: a new one is added only where
/// nothing is taken yet.
#[derive(Default)]
struct Found(Vec<Entity>);

impl Found {
    fn taken(&self, a: usize, b: usize) -> bool {
        self.0.iter().any(|e| a < e.end && e.start < b)
    }

    fn add(&mut self, kind: EntityKind, value: String, a: usize, b: usize) {
        self.add_with(kind, value, Vec::new(), false, a, b);
    }

    fn add_with(
        &mut self,
        kind: EntityKind,
        value: String,
        alt: Vec<String>,
        implied: bool,
        a: usize,
        b: usize,
    ) {
        if a < b && !self.taken(a, b) {
            let mut alt = alt;
            if kind == EntityKind::Duration {
                alt.extend(period_alternatives(&value));
            }
            self.0.push(Entity {
                kind,
                value,
                start: a,
                end: b,
                alt,
                implied,
            });
        }
    }
}

/// The entities written with digits (Unicode `\d`): phones, dates,
/// times, laws, references, identifiers and figures, in that order.
fn figures(text: &str, out: &mut Found) {
    for m in PHONE.find_iter(text) {
        let mut digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        // A Kazakhstan number has 11 digits whatever the grouping:
        // «+7 (727) 311 45 08», «+7 (7172) 55 20 19», «8 (71542) 2 11 33».
        if digits.len() != 11 {
            continue;
        }
        if digits.starts_with('8') {
            digits.replace_range(..1, "7");
        }
        out.add(EntityKind::Phone, digits, m.start(), m.end());
    }
    let add_date = |out: &mut Found, v: String, a: usize, b: usize| {
        let alt = without_year(&v);
        // The word «year» after the year is the date's («2024 года»), not
        // an implied period.
        let b = b + YEAR_WORD.find(&text[b..]).map_or(0, |m| m.end());
        out.add_with(EntityKind::Date, v, alt, false, a, b);
    };
    for c in DATE_KK.captures_iter(text) {
        let (Some(all), Some(y), Some(d), Some(mo)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let Some(v) = month(mo.as_str()).and_then(|m| date(y.as_str(), m, d.as_str())) {
            add_date(out, v, all.start(), all.end());
        }
    }
    for re in [&*DATE_RU, &*DATE_KK_DAY_FIRST] {
        for c in re.captures_iter(text) {
            let (Some(all), Some(d), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            if let Some(v) = month(mo.as_str()).and_then(|m| date(y.as_str(), m, d.as_str())) {
                add_date(out, v, all.start(), all.end());
            }
        }
    }
    for c in DATE_KK_MONTH_FIRST.captures_iter(text) {
        let (Some(all), Some(mo), Some(d)) = (c.get(0), c.get(2), c.get(3)) else {
            continue;
        };
        if text[d.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let year = c.get(1).map_or("0", |y| y.as_str());
        let Some(v) = month(mo.as_str()).and_then(|m| date(year, m, d.as_str())) else {
            continue;
        };
        if c.get(1).is_some() {
            add_date(out, v, all.start(), all.end());
        } else {
            out.add(
                EntityKind::Date,
                format!("--{}", &v[5..]),
                all.start(),
                all.end(),
            );
        }
    }
    // Digits: day-month-year, then year-month-day (ISO); both separators
    // alike.
    for (re, order) in [(&*DATE_NUMERIC, [5, 3, 1]), (&*DATE_ISO, [1, 3, 5])] {
        for c in re.captures_iter(text) {
            let (Some(all), Some(s1), Some(s2)) = (c.get(0), c.get(2), c.get(4)) else {
                continue;
            };
            let (Some(y), Some(mo), Some(d)) = (c.get(order[0]), c.get(order[1]), c.get(order[2]))
            else {
                continue;
            };
            // Digits or letters before, digits after make it part of
            // something else; a letter after is «г.», «ж.» or a suffix
            // («01.03.2024г.», «01.03.2024-ден»).
            let before = text[..all.start()].chars().next_back();
            let after = text[all.end()..].chars().next();
            if s1.as_str() != s2.as_str()
                || before.is_some_and(|c| is_letter_or_digit(c) || c == '.')
                || after.is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            if let Some(v) = mo
                .as_str()
                .parse()
                .ok()
                .and_then(|m| date(y.as_str(), m, d.as_str()))
            {
                add_date(out, v, all.start(), all.end());
            }
        }
    }
    // A day and a month with no year («1 марта» in a table cell whose
    // Kazakh twin gives «2024 жылғы 1 наурыз»).
    for c in DATE_NO_YEAR.captures_iter(text) {
        let (Some(all), Some(d), Some(mo)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        if text[all.end()..].chars().next().is_some_and(is_letter) {
            continue;
        }
        if let Some(v) = month(mo.as_str()).and_then(|m| date("0", m, d.as_str())) {
            out.add(
                EntityKind::Date,
                format!("--{}", &v[5..]),
                all.start(),
                all.end(),
            );
        }
    }
    for c in TIME.captures_iter(text) {
        let (Some(all), Some(h), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let before = text[..all.start()].chars().next_back();
        let after = text[all.end()..].chars().next();
        if before.is_some_and(|ch| is_letter_or_digit(ch) || ch == ':')
            || after.is_some_and(|ch| ch.is_ascii_digit() || ch == ':')
        {
            continue;
        }
        let (Ok(h), Ok(m)) = (h.as_str().parse::<u32>(), m.as_str().parse::<u32>()) else {
            continue;
        };
        let sec = c
            .get(3)
            .and_then(|x| x.as_str().parse::<u32>().ok())
            .unwrap_or(0);
        if h > 24 || m > 59 || sec > 59 {
            continue;
        }
        let v = if sec > 0 {
            format!("{h:02}:{m:02}:{sec:02}")
        } else {
            format!("{h:02}:{m:02}")
        };
        out.add(EntityKind::Time, v, all.start(), all.end());
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
        out.add(
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
            out.add(
                EntityKind::Reference,
                format!("{kind}:{}", n.as_str()),
                all.start(),
                end,
            );
        }
    }
    for m in IDENTIFIER.find_iter(text) {
        out.add(
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
        let (mut number, mut alt) = figure_value(raw);
        // «50 мың», «1,5 млн»: the multiplier is part of the figure.
        let scale = scale_after(&text[end..]);
        if let Some((zeros, _)) = scale {
            number = scaled(&number, zeros);
            alt.clear();
        }
        let end = end + scale.map_or(0, |(_, n)| n);
        let unit = unit_after(&text[end..]);
        // «9» or «18 часов» may be the hour `09:00`, `18:00`.
        if scale.is_none()
            && raw.len() <= 2
            && raw.bytes().all(|b| b.is_ascii_digit())
            && unit.is_none_or(|(u, _, _)| u == "hour")
            && let Ok(h) = raw.parse::<u32>()
            && h <= 24
        {
            alt.push(format!("{h:02}:00"));
        }
        // A BIN or IIN written in groups («123 456 789 012») is that number.
        if number.len() == 12 && number.bytes().all(|b| b.is_ascii_digit()) && raw.len() > 12 {
            alt.push(number.clone());
        }
        // «01.03» may be a day and a month with no year.
        if unit.is_none()
            && scale.is_none()
            && let Some((d, m)) = raw.split_once('.')
            && d.len() == 2
            && m.len() == 2
            && let Some(v) = m.parse().ok().and_then(|m| date("0", m, d))
        {
            alt.push(format!("--{}", &v[5..]));
        }
        let (kind, value) = figure(&number, unit);
        let stop = unit.map_or(end, |(_, _, n)| end + n);
        out.add_with(kind, value, alt, false, m.start(), stop);
    }
}

/// All entities of a text, sorted by position, non-overlapping.
pub fn entities(text: &str) -> Vec<Entity> {
    let mut out = Found::default();
    for m in EMAIL.find_iter(text) {
        out.add(
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
        out.add(EntityKind::Url, v, m.start(), m.start() + raw.len());
    }
    // Figures, dates, times, references: none without a digit (the
    // Cyrillic block has none).
    if text.chars().any(|c| {
        c.is_ascii_digit() || (!c.is_ascii() && !crate::tokens::is_cyrillic(c) && c.is_numeric())
    }) {
        figures(text, &mut out);
    }
    // Figures written in words count only before a unit («бір жұмыс күні»):
    // elsewhere «бір» and «один» are articles and pronouns. Words repeating
    // a figure in brackets («30 (отыз)») are already inside that figure.
    // A unit word alone is an implied one («в течение месяца»).
    let mut prev_alnum = false;
    for (at, ch) in text.char_indices() {
        let letter = is_letter(ch);
        if letter && !prev_alnum {
            if let Some((v, len)) = numwords::parse(&text[at..])
                && let Some(unit) = unit_after(&text[at + len..])
            {
                let (kind, value) = figure(&v.to_string(), Some(unit));
                out.add(kind, value, at, at + len + unit.2);
            } else if let Some((end, v, implied)) = word_period(&text[at..]) {
                out.add_with(
                    EntityKind::Duration,
                    v.to_string(),
                    Vec::new(),
                    implied,
                    at,
                    at + end,
                );
            }
        }
        prev_alnum = letter || is_letter_or_digit(ch);
    }
    for m in LATIN.find_iter(text) {
        if isolated(text, m.start(), m.end()) {
            out.add(
                EntityKind::Latin,
                m.as_str().to_lowercase(),
                m.start(),
                m.end(),
            );
        }
    }
    let mut out = out.0;
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// The unit word [`WORD_PERIODS`] reads at the start of `rest`: (its
/// length in bytes, value, implied).
fn word_period(rest: &str) -> Option<(usize, &'static str, bool)> {
    let (re, values) = &*WORD_PERIODS;
    // The search alone first: most words are no unit.
    let end = re.find(rest)?.end();
    let caps = re.captures(rest)?;
    let i = (1..caps.len()).find(|&g| caps.get(g).is_some())?;
    let (v, implied) = values[i - 1];
    Some((end, v, implied))
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
    fn a_number_cited_in_brackets_is_a_figure_and_a_list_label_is_not() {
        use EntityKind::*;
        let numbers = |text: &str| -> Vec<String> {
            entities(text)
                .into_iter()
                .filter(|e| e.kind == Number)
                .map(|e| e.value)
                .collect()
        };
        // «№ 7)» closing a bracket, as in the Russian approval line whose
        // Kazakh has «№ 7 хаттамасымен».
        assert_eq!(
            numbers("решением собрания участников (протокол № 7)"),
            vec!["7".to_string()]
        );
        assert_eq!(numbers("(решение № 12)"), vec!["12".to_string()]);
        // Item labels stay labels.
        assert!(numbers("данные: 1) фамилия; 2) имя; 3) адрес").is_empty());
        assert!(numbers("деректер: 1) тегі, 2) аты").is_empty());
    }

    #[test]
    fn one_value_written_two_ways_has_one_canonical_value() {
        use EntityKind::*;
        let one = |text: &str| -> (EntityKind, String, Vec<String>) {
            let es = entities(text);
            assert_eq!(es.len(), 1, "{text}: {es:?}");
            (es[0].kind, es[0].value.clone(), es[0].alt.clone())
        };
        let cases: &[(&str, EntityKind, &str, &[&str])] = &[
            // Thousands: commas, points, spaces of every width.
            ("1,500,000", Number, "1500000", &[]),
            ("1.500.000", Number, "1500000", &[]),
            ("1 500 000", Number, "1500000", &[]),
            ("1\u{00A0}500\u{00A0}000", Number, "1500000", &[]),
            ("1\u{202F}500\u{202F}000", Number, "1500000", &[]),
            ("50,000 теңге", Amount, "50000 kzt", &[]),
            ("2,500", Number, "2500", &[]),
            ("1,125", Number, "1.125", &["1125"]),
            ("1,500,000.50", Number, "1500000.5", &[]),
            ("1.500.000,50", Number, "1500000.5", &[]),
            ("1 500 000,50", Number, "1500000.5", &[]),
            ("50 мың теңге", Amount, "50000 kzt", &[]),
            ("50 тыс. тенге", Amount, "50000 kzt", &[]),
            ("1,5 млн тенге", Amount, "1500000 kzt", &[]),
            ("2 миллиона", Number, "2000000", &[]),
            ("0,25 млрд", Number, "250000000", &[]),
            ("бір миллион теңге", Amount, "1000000 kzt", &[]),
            ("екі жүз мың теңге", Amount, "200000 kzt", &[]),
            // Decimals and leading zeros.
            ("2,5 %", Percent, "2.5", &[]),
            ("2,50 %", Percent, "2.5", &[]),
            ("0,500", Number, "0.5", &[]),
            ("09", Number, "9", &["09:00"]),
            ("18 часов", Duration, "18 hour", &["18:00"]),
            ("25", Number, "25", &[]),
            ("9.00", Number, "9", &["09:00"]),
            ("2.3.1", Number, "2.3.1", &[]),
            // Dates, full and without a year.
            ("2024-03-01", Date, "2024-03-01", &["--03-01"]),
            ("01.03.2024", Date, "2024-03-01", &["--03-01"]),
            ("01/03/2024", Date, "2024-03-01", &["--03-01"]),
            ("01.03.2024г.", Date, "2024-03-01", &["--03-01"]),
            ("01.03.2024-ден", Date, "2024-03-01", &["--03-01"]),
            ("в течение 3-х месяцев", Duration, "3 month", &[]),
            ("123 456 789 012", Number, "123456789012", &["123456789012"]),
            ("1 марта 2024 года", Date, "2024-03-01", &["--03-01"]),
            ("1-го марта 2024 г.", Date, "2024-03-01", &["--03-01"]),
            ("2024 жылғы 1 наурыз", Date, "2024-03-01", &["--03-01"]),
            (
                "2024 жылғы 15 желтоқсандағы",
                Date,
                "2024-12-15",
                &["--12-15"],
            ),
            ("1 марта", Date, "--03-01", &[]),
            ("до 31 декабря", Date, "--12-31", &[]),
            ("1 қыркүйекке дейін", Date, "--09-01", &[]),
            ("«5» мамырда", Date, "--05-05", &[]),
            ("2024 жылғы наурыздың 1-і", Date, "2024-03-01", &["--03-01"]),
            ("наурыз айының 15-інен", Date, "--03-15", &[]),
            ("желтоқсанның 31-і", Date, "--12-31", &[]),
            ("01.03", Number, "1.03", &["01:03", "--03-01"]),
            // Times.
            ("09:00", Time, "09:00", &[]),
            ("9:00-ден", Time, "09:00", &[]),
            ("18:30:00", Time, "18:30", &[]),
            // Periods in words and figures.
            ("бір күнтізбелік ай", Duration, "1 month", &[]),
            ("одного календарного месяца", Duration, "1 month", &[]),
            ("12 календарных месяцев", Duration, "12 month", &[]),
            ("он екі ай", Duration, "12 month", &[]),
            ("бір жыл", Duration, "1 year", &["12 month"]),
            ("2 недели", Duration, "2 week", &["14 day"]),
            ("бір тәулік", Duration, "1 day", &["24 hour"]),
            ("жарты жыл", Duration, "6 month", &[]),
            ("полгода", Duration, "6 month", &[]),
        ];
        for &(text, kind, value, alt) in cases {
            let alt: Vec<String> = alt.iter().map(|a| a.to_string()).collect();
            assert_eq!(one(text), (kind, value.to_string(), alt), "{text}");
        }
        // A unit word alone is an implied one; a plural or another word is
        // nothing.
        for (text, value) in [
            ("в течение календарного месяца", "1 month"),
            ("в течение года", "1 year"),
            ("күнтізбелік ай ішінде", "1 month"),
            ("в течение суток", "1 day"),
        ] {
            let es = entities(text);
            assert_eq!(es.len(), 1, "{text}: {es:?}");
            assert!(es[0].implied, "{text}");
            assert_eq!(es[0].value, value, "{text}");
        }
        for text in [
            "в течение месяцев",
            "айтылған",
            "жылдам",
            "годный",
            "1 магазин",
            "жарты жылдық есеп",
            "за полугодие",
        ] {
            assert!(
                entities(text)
                    .iter()
                    .all(|e| e.kind != Duration && e.kind != Date),
                "{text}: {:?}",
                entities(text)
            );
        }
        // Not dates or times: a bad month or hour, separators that differ.
        assert_eq!(values("01.13.2024").first().map(|e| e.0), Some(Number));
        assert!(values("01.03/2024").iter().all(|e| e.0 != Date));
        assert!(values("25:00").iter().all(|e| e.0 != Time));
    }

    #[test]
    fn no_random_input_panics() {
        // Random strings over the characters the value patterns read.
        const ALPHABET: &[&str] = &[
            "0",
            "1",
            "2",
            "9",
            ",",
            ".",
            " ",
            "\u{a0}",
            "\u{202f}",
            ":",
            "-",
            "/",
            "«",
            "»",
            "(",
            ")",
            "марта",
            "наурыз",
            "дың",
            "ай",
            "айының",
            "жылғы",
            "года",
            "г.",
            "ж.",
            "месяца",
            "бір",
            "календарного",
            "күнтізбелік",
            "теңге",
            "%",
            "ə",
            "Ё",
            "\u{301}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        for _ in 0..3000 {
            let len = (next() % 14) as usize;
            let text: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            let es = entities(&text);
            for w in es.windows(2) {
                assert!(w[0].end <= w[1].start, "{text:?}: {es:?}");
            }
            for e in &es {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            }
            let _ = figure_value(&text);
        }
    }

    #[test]
    fn no_input_panics() {
        for text in [
            "",
            ",",
            "1,",
            ",1",
            "1,,2",
            "1..",
            "9:",
            ":00",
            "1 марта",
            "«",
            "2024-",
            "0,000",
            "99:99:99",
            "1\u{202F}",
            "00000000000000000000000000",
        ] {
            let _ = entities(text);
        }
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
