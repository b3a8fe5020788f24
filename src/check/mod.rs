//! Findings within one document, all made here: structure ([`structure`]:
//! a missing language version, unpaired clauses, numbering), translator's
//! parity ([`parity`]: entities, terms, lists, language, spelling), meaning
//! differences ([`meaning`]: omissions, negation, modality, quantifiers,
//! changed words) and the
//! legal reading's findings ([`legal`]: rights, disclosures, flagged
//! passages). Evidence (quotes and marks) is made by [`evidence`].
//!
//! The stage reads the clauses, their alignment and what extraction stored
//! (entities, the company, the provisions); it never extracts again and
//! never looks at another document.
//!
//! Invariants: every finding names its clauses by id (Kazakh first) and
//! quotes them. [`check`] returns them sorted once: the findings of pairs
//! and streams by the position of their first clause, then kind name; then
//! the legal findings in checklist order (rights, disclosures), then
//! flagged passages in reading order. Output is a pure function of the
//! input, so it is deterministic.

pub mod evidence;
pub mod legal;
pub mod meaning;
pub mod parity;
pub mod structure;

use crate::Config;
use crate::extract::Extraction;
use crate::model::{Clause, Finding, FindingKind, Lang, Pair, ScriptRepair};

/// Every finding of one document: structure, parity and legal, sorted.
/// `clauses`, `pairs` and `languages` are the document's; `extraction` is
/// what `extract::extract` found in it.
pub fn check(
    clauses: &[Clause],
    pairs: &[Pair],
    languages: &[Lang],
    extraction: &Extraction,
    repairs: &[ScriptRepair],
    config: &Config,
) -> Vec<Finding> {
    let mut out = parity::check(
        clauses,
        pairs,
        languages,
        &extraction.entities,
        extraction.company.as_deref(),
        repairs,
        config.parity_rules(),
    );
    out.extend(structure::check(clauses, pairs, languages));
    out.extend(meaning::check(clauses, pairs, languages));
    drop_items_a_list_counts(&mut out);
    out.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.kind.name().cmp(b.1.kind.name()))
    });
    let mut findings: Vec<Finding> = out.into_iter().map(|(_, f)| f).collect();
    findings.extend(legal::findings(
        clauses,
        &extraction.provisions,
        languages,
        &config.rules,
    ));
    findings
}

/// One finding per defect: an item with no counterpart inside a list that
/// `list_item_mismatch` reports (the run of items it names, whose lonely
/// items it marks) is not reported again as an `unpaired_clause`.
fn drop_items_a_list_counts(out: &mut Vec<(usize, Finding)>) {
    let listed: std::collections::BTreeSet<String> = out
        .iter()
        .filter(|(_, f)| f.kind == FindingKind::ListItemMismatch)
        .flat_map(|(_, f)| f.clauses.iter().map(|c| c.id.clone()))
        .collect();
    out.retain(|(_, f)| {
        !(f.kind == FindingKind::UnpairedClause
            && f.clauses.len() == 1
            && listed.contains(&f.clauses[0].id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{FindingKind, Pair};

    /// The structural and parity findings (no legal rules, as before the
    /// legal stage existed), through the one entry point.
    fn check(clauses: &[Clause], pairs: &[Pair], languages: &[Lang]) -> Vec<Finding> {
        let config = Config {
            glossary: crate::rules::Glossary::default(),
            lexicon: crate::rules::Lexicon::default(),
            dictionary: crate::rules::dictionary::KkDictionary::none(),
            spelling: crate::rules::dictionary::SpellingData::default(),
            rules: crate::rules::legal::LegalRules::default(),
            ocr: crate::ingest::ocr::Options::off(),
            spell_memo: Default::default(),
        };
        let extraction = crate::extract::extract("", clauses, &config.rules);
        super::check(clauses, pairs, languages, &extraction, &[], &config)
    }

    fn clause(id: &str, number: Option<&str>, text: &str) -> Clause {
        Clause {
            number: number.map(String::from),
            ..Clause::from_text(id, text)
        }
    }

    #[test]
    fn pair_findings() {
        let clauses = vec![
            clause("kk:1.1", Some("1.1"), "Хабарласу: info@a.kz, 18 жас"),
            clause(
                "kk:1.2",
                Some("1.2"),
                "Бұл тармақтың орысша баламасы жоқ, ол ұзын мәтін.",
            ),
            clause("ru:1.3", Some("1.3"), "Контакт: info@b.kz, 18 лет"),
        ];
        let pairs = vec![
            Pair {
                kk: vec![0],
                ru: vec![2],
                score: 0.5,
            },
            Pair {
                kk: vec![1],
                ru: vec![],
                score: 0.0,
            },
        ];
        let f = check(&clauses, &pairs, &[Lang::Kk, Lang::Ru]);
        let kinds: Vec<FindingKind> = f.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            vec![
                FindingKind::ContactMismatch,
                FindingKind::NumberMismatch,
                FindingKind::UnpairedClause,
                FindingKind::NumberingGap
            ]
        );
        // The e-mail is parity's: one finding, not two.
        assert!(f[0].message.contains("info@a.kz"));
        assert_eq!(f[2].clauses, vec![crate::model::ClauseRef::local("kk:1.2")]);
    }

    #[test]
    fn numbers_shifted_by_an_insertion_are_a_note() {
        let clauses = vec![
            clause("kk:2.1", Some("2.1"), "Деректер бес жыл сақталады."),
            clause("kk:2.2", Some("2.2"), "Бейнежазбалар бір ай сақталады."),
            clause("kk:2.3", Some("2.3"), "Акт үш жыл сақталады."),
            clause("ru:2.1", Some("2.1"), "Данные хранятся пять лет."),
            clause(
                "ru:2.2",
                Some("2.2"),
                "Копии удостоверений хранятся в зашифрованном виде.",
            ),
            clause("ru:2.3", Some("2.3"), "Видеозаписи хранятся месяц."),
            clause("ru:2.4", Some("2.4"), "Акт хранится три года."),
            clause("kk:3.1", Some("3.1"), "Байланыс."),
            clause("ru:3.2", Some("3.2"), "Контакты."),
        ];
        let pair = |kk: &[usize], ru: &[usize]| Pair {
            kk: kk.to_vec(),
            ru: ru.to_vec(),
            score: 0.5,
        };
        let pairs = vec![
            pair(&[0], &[3]),
            pair(&[], &[4]),
            pair(&[1], &[5]),
            pair(&[2], &[6]),
            pair(&[7], &[8]),
        ];
        let f = check(&clauses, &pairs, &[Lang::Kk, Lang::Ru]);
        let numbers: Vec<(String, crate::model::Severity)> = f
            .iter()
            .filter(|f| f.kind == FindingKind::NumberMismatch)
            .map(|f| (f.clauses[0].id.clone(), f.severity))
            .collect();
        use crate::model::Severity::{Info, Medium};
        // kk 2.2 ↔ ru 2.3 and kk 2.3 ↔ ru 2.4 follow the inserted ru 2.2;
        // nothing explains kk 3.1 ↔ ru 3.2.
        assert_eq!(
            numbers,
            [
                ("kk:2.2".to_string(), Info),
                ("kk:2.3".to_string(), Info),
                ("kk:3.1".to_string(), Medium)
            ]
        );
        assert!(f.iter().any(|f| f.message.contains("shifted by ru:2.2")));
    }

    #[test]
    fn gaps_duplicates_and_single_language() {
        let clauses = vec![
            clause("kk:1", Some("1"), "Бір"),
            clause("kk:1.1", Some("1.1"), "а"),
            clause("kk:1.3", Some("1.3"), "б"),
            clause("kk:1.3#2", Some("1.3"), "в"),
            clause("kk:2", Some("2"), "Екі"),
            clause("kk:2.1", Some("2.1"), "г"),
        ];
        let f = check(&clauses, &[], &[Lang::Kk]);
        let kinds: Vec<FindingKind> = f.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            vec![
                FindingKind::SingleLanguage,
                FindingKind::NumberingGap,
                FindingKind::NumberingDuplicate
            ]
        );
        assert!(
            f[1].message.ends_with(": 1.2 is missing"),
            "{}",
            f[1].message
        );
    }
}
