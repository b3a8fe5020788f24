//! Entity parity within an aligned pair: what one side states as a figure,
//! a period, a date, a time, a contact, a law reference or a name, the
//! other must state too. Entities come from [`crate::extract::entities`],
//! which normalises both languages' forms to canonical values («15
//! күнтізбелік күн» = «15 календарных дней», «1,500,000» = «1 500 000»,
//! «2024-03-01» = «1 марта 2024 года», «09:00» = «9:00», «8-бабы» =
//! «статьи 8»); here they are compared as multisets of canonical values,
//! and the evidence quotes the text as written.
//!
//! Two entities answer each other when their values (a figure's number
//! without its unit) are equal, or when one's value is among the other's
//! alternative readings (`Entity::alt`: «1,125» may be 1125, «9.00» may be
//! `09:00`, a full date answers its year-less form): equal values are
//! matched first. An implied period («в течение месяца» = `1 month`)
//! answers only the same period on the other side and is never reported
//! as missing by itself.
//!
//! One finding per pair and category, quoting both sides with every
//! differing entity marked:
//! - `figure_mismatch`: numbers, percentages, sums, periods; figures match
//!   by value whatever the unit (a year written «2020 жылы» on one side and
//!   «2020 г.» on the other agree), and a value that both sides give with
//!   different units («15 жұмыс күні» ↔ «15 календарных дней») differs;
//! - `period_mismatch`: the same, when every differing figure is a period
//!   («30 (отыз) күн» ↔ «15 (пятнадцати) дней»); a period against a bare
//!   figure stays a `figure_mismatch`;
//! - `date_mismatch`; `contact_mismatch` (e-mail, URL, telephone);
//! - `law_reference_mismatch` (law numbers, articles, paragraphs);
//! - `name_mismatch` (Latin-script names, the organisation's own name as
//!   recognised from the document, BIN/IIN).
//!
//! Invariant: a pair whose two sides carry the same entities yields nothing.

use std::collections::BTreeMap;

use super::{PairView, Side};
use crate::check::evidence::{show, show_differing};
use crate::model::{Entity, EntityKind, Finding, FindingKind, Lang, Severity};
use crate::tokens::russian_letter;

/// The comparison category of an entity kind.
fn category(kind: EntityKind) -> FindingKind {
    match kind {
        EntityKind::Number
        | EntityKind::Percent
        | EntityKind::Duration
        | EntityKind::Amount
        | EntityKind::Time => FindingKind::FigureMismatch,
        EntityKind::Date => FindingKind::DateMismatch,
        EntityKind::Email | EntityKind::Url | EntityKind::Phone => FindingKind::ContactMismatch,
        EntityKind::Law | EntityKind::Reference => FindingKind::LawReferenceMismatch,
        EntityKind::Latin | EntityKind::Identifier => FindingKind::NameMismatch,
    }
}

fn noun(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Number => "figure",
        EntityKind::Percent => "percentage",
        EntityKind::Duration => "period",
        EntityKind::Amount => "sum",
        EntityKind::Time => "time",
        EntityKind::Date => "date",
        EntityKind::Email => "e-mail",
        EntityKind::Url => "web address",
        EntityKind::Phone => "telephone number",
        EntityKind::Law => "law number",
        EntityKind::Reference => "reference",
        EntityKind::Latin => "name",
        EntityKind::Identifier => "BIN/IIN",
    }
}

fn severity(kind: EntityKind) -> Severity {
    match kind {
        EntityKind::Email
        | EntityKind::Url
        | EntityKind::Phone
        | EntityKind::Law
        | EntityKind::Date
        | EntityKind::Identifier
        | EntityKind::Duration
        | EntityKind::Percent
        | EntityKind::Amount => Severity::High,
        EntityKind::Number | EntityKind::Reference | EntityKind::Time => Severity::Medium,
        EntityKind::Latin => Severity::Low,
    }
}

/// An entity located in a side's joined text.
#[derive(Debug, Clone)]
struct Located {
    kind: EntityKind,
    value: String,
    /// Other keys the writing may mean (`Entity::alt`).
    alt: Vec<String>,
    implied: bool,
    start: usize,
    end: usize,
}

impl Located {
    /// The key two entities must share to match: the value, a figure's
    /// number without its unit.
    fn key(&self) -> &str {
        if self.kind.is_figure() {
            self.value.split(' ').next().unwrap_or(&self.value)
        } else {
            &self.value
        }
    }

    /// Whether `self` and `other` state the same value: the same category
    /// and key, or (unless `exact`) one's key among the other's
    /// alternatives, whatever the category («01.03» may be the date
    /// `--03-01`). An implied period answers only the same period.
    fn answers(&self, other: &Located, exact: bool) -> bool {
        // An alternative is a figure's number or a whole value (a period
        // in another unit: «1 year» is `12 month`).
        let alt_of =
            |a: &Located, b: &Located| a.alt.iter().any(|x| *x == b.key() || *x == b.value);
        if self.implied || other.implied {
            return self.kind == EntityKind::Duration
                && other.kind == EntityKind::Duration
                && (self.value == other.value
                    || (!exact && (alt_of(self, other) || alt_of(other, self))));
        }
        (category(self.kind) == category(other.kind) && self.key() == other.key())
            || (!exact && (alt_of(self, other) || alt_of(other, self)))
    }

    fn unit(&self) -> Option<&str> {
        if self.kind == EntityKind::Percent {
            return Some("%");
        }
        self.value.split_once(' ').map(|(_, u)| u)
    }
}

/// A number that opens a body and is followed by `.`: a doubled label
/// («3. 3. …»), not a figure of the text.
fn label_residue(body: &str, e: &Entity) -> bool {
    e.start == 0 && e.kind == EntityKind::Number && body[e.end..].starts_with('.')
}

/// Case-insensitive whole-word occurrences of `needle` in `hay`, as byte
/// ranges on character boundaries of `hay`; Kazakh-only letters match
/// their Russian spelling ([`russian_letter`]).
fn find_ci(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let want: Vec<char> = needle
        .chars()
        .flat_map(char::to_lowercase)
        .map(russian_letter)
        .collect();
    let mut out = Vec::new();
    if want.is_empty() {
        return out;
    }
    for (i, _) in hay.char_indices() {
        let mut got = hay[i..]
            .char_indices()
            .flat_map(|(j, c)| c.to_lowercase().map(move |l| (j, c, l)));
        let mut end = None;
        let mut ok = true;
        for w in &want {
            match got.next() {
                Some((j, c, l)) if russian_letter(l) == *w => end = Some(i + j + c.len_utf8()),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && let Some(e) = end {
            // Whole words only: «Мысал» is not inside «Мысалы».
            let before = hay[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = hay[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !before && !after {
                out.push((i, e));
            }
        }
    }
    out
}

/// The entities of a side that parity compares, with the organisation's
/// own name (recognised from the whole document) where the text gives it.
fn located(side: &Side, company: Option<&str>) -> Vec<Located> {
    let mut out = Vec::new();
    for &(a, b) in &side.bodies {
        let body = &side.text[a..b];
        for e in side.entities.iter().filter(|e| e.start >= a && e.end <= b) {
            let local = Entity {
                start: e.start - a,
                end: e.end - a,
                ..e.clone()
            };
            if label_residue(body, &local) {
                continue;
            }
            // Two-letter Latin tokens («IP», «ID») are too common to compare.
            if e.kind == EntityKind::Latin && e.value.chars().count() < 3 {
                continue;
            }
            out.push(Located {
                kind: e.kind,
                value: e.value.clone(),
                alt: e.alt.clone(),
                implied: e.implied,
                start: e.start,
                end: e.end,
            });
        }
        if let Some(name) = company {
            for (s, e) in find_ci(body, name) {
                let (s, e) = (a + s, a + e);
                if !out.iter().any(|x| x.start < e && s < x.end) {
                    out.push(Located {
                        kind: EntityKind::Latin,
                        value: name.to_lowercase(),
                        alt: Vec::new(),
                        implied: false,
                        start: s,
                        end: e,
                    });
                }
            }
        }
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// The compared entities of both sides of one pair.
#[derive(Debug, Clone)]
pub struct Sides {
    kk: Vec<Located>,
    ru: Vec<Located>,
}

impl Sides {
    fn side(&self, lang: Lang) -> &[Located] {
        if lang == Lang::Ru { &self.ru } else { &self.kk }
    }
}

/// The compared entities of every pair, once: `company` is the
/// organisation's name, compared like a name.
pub fn locate(views: &[PairView], company: Option<&str>) -> Vec<Sides> {
    views
        .iter()
        .map(|v| Sides {
            kk: located(&v.kk, company),
            ru: located(&v.ru, company),
        })
        .collect()
}

/// How a unit reads in a message.
fn unit_name(u: &str) -> &str {
    match u {
        "workday" => "working days",
        "day" => "days",
        "week" => "weeks",
        "month" => "months",
        "year" => "years",
        "hour" => "hours",
        "minute" => "minutes",
        "kzt" => "tenge",
        other => other,
    }
}

/// Compare the entities of pair `i` of `views`. An entity missing on the
/// other side of this pair but present there within two pairs before or
/// after is an alignment shift (preamble lines paired a step or two off),
/// not a translation defect, and is not reported. `company` is the
/// organisation's name, compared like a name.
pub fn check(views: &[PairView], located: &[Sides], i: usize, out: &mut Vec<(usize, Finding)>) {
    let v = &views[i];
    let mut kk = located[i].kk.clone();
    let mut ru = located[i].ru.clone();
    let near = |lang: Lang| -> Vec<&Located> {
        [i.wrapping_sub(2), i.wrapping_sub(1), i + 1, i + 2]
            .into_iter()
            .filter_map(|n| located.get(n))
            .flat_map(|n| n.side(lang))
            .collect()
    };
    let (near_kk, near_ru) = (near(Lang::Kk), near(Lang::Ru));
    let unmatched_in = |mine: &[Located], other: &[Located]| -> Vec<bool> {
        mine.iter()
            .map(|e| !other.iter().any(|o| o.answers(e, false)))
            .collect()
    };
    let (kk_lonely, ru_lonely) = (unmatched_in(&kk, &ru), unmatched_in(&ru, &kk));
    // A neighbour excuses only the same value, not an alternative reading.
    let shifted = |e: &Located, near: &[&Located]| near.iter().any(|o| o.answers(e, true));
    kk = kk
        .into_iter()
        .zip(kk_lonely)
        .filter(|(e, lonely)| !(*lonely && shifted(e, &near_ru)))
        .map(|(e, _)| e)
        .collect();
    ru = ru
        .into_iter()
        .zip(ru_lonely)
        .filter(|(e, lonely)| !(*lonely && shifted(e, &near_kk)))
        .map(|(e, _)| e)
        .collect();
    // Match in text order, equal values first, then alternative readings;
    // (ru index, matched on equal values).
    let mut kk_match: Vec<Option<(usize, bool)>> = vec![None; kk.len()];
    let mut ru_used = vec![false; ru.len()];
    for exact in [true, false] {
        for (k, e) in kk.iter().enumerate() {
            if kk_match[k].is_some() {
                continue;
            }
            if let Some(j) = (0..ru.len()).find(|&j| !ru_used[j] && e.answers(&ru[j], exact)) {
                ru_used[j] = true;
                kk_match[k] = Some((j, exact));
            }
        }
    }
    // An implied period left over is no finding of its own; it is shown as
    // the counterpart of a period the other side states and this one lacks.
    let kk_unmatched: Vec<usize> = (0..kk.len()).filter(|&k| kk_match[k].is_none()).collect();
    let ru_unmatched: Vec<usize> = (0..ru.len()).filter(|&j| !ru_used[j]).collect();
    let stated_period = |side: &[Located], idx: &[usize]| {
        idx.iter()
            .any(|&x| side[x].kind == EntityKind::Duration && !side[x].implied)
    };
    let (kk_periods, ru_periods) = (
        stated_period(&kk, &kk_unmatched),
        stated_period(&ru, &ru_unmatched),
    );
    // category → (kk unmatched, ru unmatched, unit conflicts)
    type Diff = (Vec<usize>, Vec<usize>, Vec<(usize, usize)>);
    let mut diffs: BTreeMap<FindingKind, Diff> = BTreeMap::new();
    // Units are compared where the values are equal: an alternative
    // reading carries its own unit («1 year» = «12 month»).
    for (k, j) in kk_match.iter().enumerate() {
        if let Some((j, true)) = *j
            && let (Some(a), Some(b)) = (kk[k].unit(), ru[j].unit())
            && a != b
        {
            diffs
                .entry(category(kk[k].kind))
                .or_default()
                .2
                .push((k, j));
        }
    }
    // A figure that may be a day and a month («06.04») is reported with
    // the dates when the other side lacks a date.
    let has_date =
        |side: &[Located], idx: &[usize]| idx.iter().any(|&x| side[x].kind == EntityKind::Date);
    let (kk_dates, ru_dates) = (has_date(&kk, &kk_unmatched), has_date(&ru, &ru_unmatched));
    let reported = |e: &Located, other_dates: bool| {
        if other_dates && e.kind == EntityKind::Number && e.alt.iter().any(|a| a.starts_with("--"))
        {
            FindingKind::DateMismatch
        } else {
            category(e.kind)
        }
    };
    for k in kk_unmatched {
        if !kk[k].implied || ru_periods {
            diffs
                .entry(reported(&kk[k], ru_dates))
                .or_default()
                .0
                .push(k);
        }
    }
    for j in ru_unmatched {
        if !ru[j].implied || kk_periods {
            diffs
                .entry(reported(&ru[j], kk_dates))
                .or_default()
                .1
                .push(j);
        }
    }
    for (cat, (ks, rs, units)) in diffs {
        // Figures that all are periods: a period differs.
        let period = |e: &Located| e.kind == EntityKind::Duration;
        let periods = ks.iter().all(|&i| period(&kk[i]))
            && rs.iter().all(|&j| period(&ru[j]))
            && units.iter().all(|&(i, j)| period(&kk[i]) && period(&ru[j]));
        let cat = if cat == FindingKind::FigureMismatch && periods {
            FindingKind::PeriodMismatch
        } else {
            cat
        };
        let mut parts = Vec::new();
        let mut sev = Severity::Low;
        let mut kk_marks = Vec::new();
        let mut ru_marks = Vec::new();
        let describe = |e: &Located, text: &str| -> String {
            format!("{} «{}»", noun(e.kind), show(&text[e.start..e.end]))
        };
        for &i in &ks {
            sev = sev.max(severity(kk[i].kind));
            kk_marks.push((kk[i].start, kk[i].end));
        }
        for &j in &rs {
            sev = sev.max(severity(ru[j].kind));
            ru_marks.push((ru[j].start, ru[j].end));
        }
        if let ([i], [j], FindingKind::ContactMismatch) = (ks.as_slice(), rs.as_slice(), cat) {
            // Two addresses: shown where they differ.
            let (k, r) = show_differing(
                &v.kk.text[kk[*i].start..kk[*i].end],
                &v.ru.text[ru[*j].start..ru[*j].end],
            );
            parts.push(format!(
                "the Kazakh text has {} «{k}» where the Russian has {} «{r}»",
                noun(kk[*i].kind),
                noun(ru[*j].kind)
            ));
        } else if !ks.is_empty() && !rs.is_empty() {
            let k: Vec<String> = ks.iter().map(|&i| describe(&kk[i], &v.kk.text)).collect();
            let r: Vec<String> = rs.iter().map(|&j| describe(&ru[j], &v.ru.text)).collect();
            parts.push(format!(
                "the Kazakh text has {} where the Russian has {}",
                k.join(", "),
                r.join(", ")
            ));
        } else if !ks.is_empty() {
            let k: Vec<String> = ks.iter().map(|&i| describe(&kk[i], &v.kk.text)).collect();
            parts.push(format!("{} in the Kazakh text only", k.join(", ")));
        } else if !rs.is_empty() {
            let r: Vec<String> = rs.iter().map(|&j| describe(&ru[j], &v.ru.text)).collect();
            parts.push(format!("{} in the Russian text only", r.join(", ")));
        }
        for &(i, j) in &units {
            sev = sev.max(Severity::High);
            kk_marks.push((kk[i].start, kk[i].end));
            ru_marks.push((ru[j].start, ru[j].end));
            parts.push(format!(
                "{} is in {} in the Kazakh text, in {} in the Russian",
                kk[i].key(),
                unit_name(kk[i].unit().unwrap_or("")),
                unit_name(ru[j].unit().unwrap_or(""))
            ));
        }
        let lang = match (
            ks.is_empty() && units.is_empty(),
            rs.is_empty() && units.is_empty(),
        ) {
            (false, true) => Some(Lang::Ru),
            (true, false) => Some(Lang::Kk),
            _ => None,
        };
        out.push(v.finding(cat, sev, lang, parts.join("; "), &kk_marks, &ru_marks));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clause, Pair};

    fn clause(id: &str, text: &str) -> Clause {
        Clause::from_text(id, text)
    }

    fn run(kk: &str, ru: &str) -> Vec<Finding> {
        let clauses = vec![clause("kk:1", kk), clause("ru:1", ru)];
        let v = PairView::new(
            &clauses,
            &Pair {
                kk: vec![0],
                ru: vec![1],
                score: 1.0,
            },
        );
        let mut out = Vec::new();
        let views = [v];
        check(&views, &locate(&views, Some("Мысал")), 0, &mut out);
        out.into_iter().map(|(_, f)| f).collect()
    }

    #[test]
    fn equal_entities_in_both_languages_agree() {
        let cases = [
            (
                "Деректер 15 күнтізбелік күн ішінде жойылады.",
                "Данные уничтожаются в течение 15 календарных дней.",
            ),
            (
                "бір жұмыс күні ішінде хабарлайды",
                "уведомляет в течение одного рабочего дня",
            ),
            ("30 (отыз) күн", "30 (тридцати) дней"),
            (
                "2013 жылғы 21 мамырдағы № 94-V Заңның 8-бабының 2-тармағы",
                "пункт 2 статьи 8 Закона № 94-V от 21 мая 2013 года",
            ),
            ("8-баптың 1-тармағының 2) тармақшасы", "пп. 2 п. 1 ст. 8"),
            (
                "Заңның 9-бабы 1-тармағының 2) тармақшасында",
                "пп. 2) п. 1 ст. 9 Закона",
            ),
            (
                "Заңның 24-бабы 1-тармағының 2) тармақшасында",
                "подп. 2) п. 1 ст. 24 Закона",
            ),
            (
                "7-баптың 3-тармағының 1-тармақшасына сәйкес",
                "в соответствии с подпунктом 1) пункта 3 статьи 7",
            ),
            (
                "info@dossym.kz, +7 (727) 300-00-00, www.dossym.kz",
                "info@dossym.kz, 8 727 300 00 00, https://dossym.kz/",
            ),
            ("БСН 123456789012", "БИН 123456789012"),
            ("2020 жылы", "в 2020 г."),
            // The same value written two ways.
            (
                "50,000 теңгеден 1,500,000 теңгеге дейін",
                "от 50 000 до 1 500 000 тенге",
            ),
            ("1.250.000,50 теңге", "1 250 000,50 тенге"),
            ("2024-03-01 бастап", "с 1 марта 2024 года"),
            ("2024 жылғы 1 наурыз", "01.03.2024"),
            ("2024 жылғы 1 наурыз", "1 марта"),
            ("наурыздың 1-іне дейін", "до 1 марта"),
            ("01.03 дейін", "до 1 марта"),
            ("09:00-ден 18:00-ге дейін", "с 9:00 до 18.00"),
            ("бір күнтізбелік ай ішінде", "в течение календарного месяца"),
            ("бір жыл ішінде", "в течение года"),
            ("жарты жыл", "6 месяцев"),
            ("3,5 %", "3,50 %"),
            ("50 мың теңге", "50 000 тенге"),
            ("1,5 млн теңге", "1 500 000 тенге"),
            ("БСН 123456789012", "БИН 123 456 789 012"),
            ("3 ай ішінде", "в течение 3-х месяцев"),
            ("01.03.2024 ж.", "с 01.03.2024г."),
            ("бір жыл ішінде", "в течение 12 месяцев"),
            ("12 ай ішінде", "в течение года"),
            ("бір тәулік ішінде", "в течение 24 часов"),
            ("сағат 9-дан 18-ге дейін", "с 9:00 до 18:00"),
            ("09:00-ден 18:00-ге дейін", "с 9 до 18 часов"),
        ];
        for (kk, ru) in cases {
            assert_eq!(run(kk, ru), vec![], "{kk} / {ru}");
        }
    }

    #[test]
    fn differences_are_found_and_marked() {
        let f = run("30 (отыз) күн ішінде", "в течение 31 дня");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::PeriodMismatch);
        assert_eq!(f[0].severity, Severity::High);
        assert!(
            f[0].evidence[0].marked().contains("[[30 (отыз) күн]]"),
            "{f:?}"
        );
        assert!(f[0].evidence[1].marked().contains("[[31 дня]]"), "{f:?}");
        let f = run("15 жұмыс күні", "15 календарных дней");
        assert_eq!(f[0].kind, FindingKind::PeriodMismatch);
        assert!(f[0].message.contains("working days"), "{}", f[0].message);
        // A period against a bare figure: one finding, a figure's.
        let f = run("18 жастан бастап", "с 21 (двадцати одного) года");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].kind, FindingKind::FigureMismatch);
        let f = run("info@a.kz", "info@b.kz");
        assert_eq!(f[0].kind, FindingKind::ContactMismatch);
        assert_eq!(f[0].lang, None);
        let f = run("Заң", "в пункте 1 настоящей Политики");
        assert_eq!(f[0].kind, FindingKind::LawReferenceMismatch);
        assert_eq!(f[0].lang, Some(Lang::Kk));
        let f = run("2025 жылғы 20 қаңтар", "20 января 2024 г.");
        assert_eq!(f[0].kind, FindingKind::DateMismatch);
        let f = run("сәуірдің 5-іне дейін", "до 06.04");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].kind, FindingKind::DateMismatch);
        assert!(f[0].evidence[1].marked().contains("[[06.04]]"), "{f:?}");
        let f = run("ЖСН 123456789012", "ИИН 123456789013");
        assert_eq!(f[0].kind, FindingKind::NameMismatch);
        let f = run(
            "«Мысал» МҚҰ» ЖШС деректерді өңдейді",
            "МФО обрабатывает данные",
        );
        assert_eq!(f[0].kind, FindingKind::NameMismatch);
        assert!(f[0].evidence[0].marked().contains("«[[Мысал]]»"), "{f:?}");
        assert_eq!(run("«Мысал» МҚҰ» ЖШС", "ТОО «МФО «МЫСАЛ»"), vec![]);
        assert_eq!(find_ci("İ «мысал» Мысалы", "МЫСАЛ"), vec![(5, 15)]);
        // A doubled label is not a figure of the text.
        assert_eq!(run("3. Шарттар", "Условия"), vec![]);
    }

    #[test]
    fn different_values_written_differently_still_differ() {
        let cases = [
            (
                "1,500,000 теңге",
                "1 600 000 тенге",
                FindingKind::FigureMismatch,
            ),
            ("50,000 теңге", "50 тенге", FindingKind::FigureMismatch),
            ("1,5 %", "1 500 %", FindingKind::FigureMismatch),
            ("2024-03-01", "2 марта 2024 года", FindingKind::DateMismatch),
            (
                "2024 жылғы 1 наурыз",
                "1 марта 2023 года",
                FindingKind::DateMismatch,
            ),
            ("2024 жылғы 1 наурыз", "1 апреля", FindingKind::DateMismatch),
            ("09:00", "10:00", FindingKind::FigureMismatch),
            (
                "екі ай ішінде",
                "в течение месяца",
                FindingKind::PeriodMismatch,
            ),
            (
                "бір ай ішінде",
                "в течение года",
                FindingKind::PeriodMismatch,
            ),
            ("50 мың теңге", "500 000 тенге", FindingKind::FigureMismatch),
            (
                "бір жыл ішінде",
                "в течение 6 месяцев",
                FindingKind::PeriodMismatch,
            ),
            ("09:00-ден", "с 10 часов", FindingKind::FigureMismatch),
        ];
        for (kk, ru, kind) in cases {
            let f = run(kk, ru);
            assert_eq!(f.len(), 1, "{kk} / {ru}: {f:?}");
            assert_eq!(f[0].kind, kind, "{kk} / {ru}");
        }
        // The evidence quotes the text as written.
        let f = run("1,500,000 теңге", "1 600 000 тенге");
        assert!(
            f[0].evidence[0].marked().contains("[[1,500,000 теңге]]"),
            "{f:?}"
        );
        assert!(
            f[0].message.contains("«1,500,000 теңге»"),
            "{}",
            f[0].message
        );
        // An implied period is shown beside the period the other side
        // states, and never reported alone.
        let f = run("екі ай ішінде", "в течение месяца");
        assert!(f[0].evidence[1].marked().contains("[[месяца]]"), "{f:?}");
        assert_eq!(run("ай сайын", "ежемесячно"), vec![]);
        assert_eq!(
            run("Деректер сақталады", "Данные хранятся в течение года"),
            vec![]
        );
    }
}
