//! Legal findings of one document, judged from what [`crate::extract::provisions`] read:
//! - `right_missing`: a right of Art. 24 granted in no language version;
//! - `right_one_language`: granted in one version of a bilingual policy;
//! - `right_restricted`: granted with a condition (lawful where a law or an
//!   unfulfilled obligation forbids it, Art. 8(2), but shown, never
//!   reported as missing);
//! - `disclosure_missing`, `disclosure_one_language`: the same for the
//!   other things a policy is expected to disclose;
//! - `foreign_law`, `wrong_law_citation`, `obligation_misstated`: passages
//!   the rules flag.
//!
//! Invariants: a finding about something present quotes its clauses by id;
//! a finding about an absence says which patterns were searched in which
//! language and, for a right, quotes the rights list it is missing from.
//! Findings come in checklist order (rights, disclosures), then flags in
//! reading order, so output is deterministic.

use std::collections::HashMap;

use super::evidence;
use crate::model::{
    Clause, ClauseRef, Coverage, Evidence, Finding, FindingKind, Flag, Hit, Lang, Legal, Severity,
};
use crate::rules::legal::{Item, LegalRules};

struct Doc<'a> {
    by_id: HashMap<&'a str, &'a Clause>,
    languages: &'a [Lang],
}

impl<'a> Doc<'a> {
    fn evidence(&self, id: &str, hit: Option<&Hit>) -> Option<Evidence> {
        let c = self.by_id.get(id)?;
        Some(match hit {
            Some(h) => evidence::at_hit(c, h),
            None => evidence::clause(c, &[]),
        })
    }

    /// The clause a citation stands for in a language (`7.1` → `ru:7.1`).
    fn cited(&self, lang: Lang, cite: &str) -> Option<&'a Clause> {
        self.by_id
            .get(format!("{}:{cite}", lang.code()).as_str())
            .copied()
    }
}

fn searched(item: &Item, lang: Lang) -> Evidence {
    let patterns: Vec<&str> = item
        .patterns
        .get(lang)
        .iter()
        .map(|p| p.source.as_str())
        .collect();
    evidence::note(lang, format!("searched: {}", patterns.join(" | ")))
}

fn label(item: &Item) -> String {
    match &item.article {
        Some(a) => format!("`{}` ({}, {})", item.id, item.name, a),
        None => format!("`{}` ({})", item.id, item.name),
    }
}

fn in_versions(langs: &[Lang]) -> String {
    match langs {
        [one] => format!("the {} version", (*one).name()),
        _ => "either language version".into(),
    }
}

/// The clauses that list the document's rights, per language (the lead-ins
/// the rights found are cited by). A list names at least two rights: a
/// clause that grants one right in passing (a cookie setting, a response
/// deadline) is no rights list, unless no clause lists two.
fn rights_lists<'a>(doc: &Doc<'a>, legal: &Legal) -> Vec<&'a Clause> {
    let mut cited: Vec<(&Clause, Vec<&str>)> = Vec::new();
    for cov in &legal.rights {
        for m in &cov.mentions {
            let Some(c) = doc.cited(m.lang, &m.cite) else {
                continue;
            };
            match cited.iter_mut().find(|(x, _)| x.id == c.id) {
                Some((_, ids)) => {
                    if !ids.contains(&cov.id.as_str()) {
                        ids.push(&cov.id);
                    }
                }
                None => cited.push((c, vec![&cov.id])),
            }
        }
    }
    let mut out: Vec<&Clause> = Vec::new();
    for lang in [Lang::Kk, Lang::Ru] {
        let of_lang = cited.iter().filter(|(c, _)| c.lang == lang);
        let lists: Vec<&Clause> = of_lang
            .clone()
            .filter(|(_, ids)| ids.len() >= 2)
            .map(|(c, _)| *c)
            .collect();
        if lists.is_empty() {
            out.extend(of_lang.map(|(c, _)| *c));
        } else {
            out.extend(lists);
        }
    }
    out.sort_by_key(|c| (c.lang, c.line));
    out
}

fn right_findings(doc: &Doc, legal: &Legal, rules: &LegalRules, out: &mut Vec<Finding>) {
    let lists = rights_lists(doc, legal);
    let list_cites = |lang: Lang| -> Vec<&str> {
        lists
            .iter()
            .filter(|c| c.lang == lang)
            .map(|c| c.cite())
            .collect()
    };
    for cov in &legal.rights {
        let Some(item) = rules.rights.iter().find(|i| i.id == cov.id) else {
            continue;
        };
        let (present, absent) = split_languages(doc, cov);
        if present.is_empty() {
            let mut evidence: Vec<Evidence> = lists
                .iter()
                .filter_map(|c| doc.evidence(&c.id, None))
                .collect();
            evidence.extend(absent.iter().map(|&l| searched(item, l)));
            let where_listed: Vec<String> = absent
                .iter()
                .filter(|&&l| !list_cites(l).is_empty())
                .map(|&l| format!("{} {}", l.code(), list_cites(l).join(", ")))
                .collect();
            let tail = if where_listed.is_empty() {
                String::new()
            } else {
                format!(
                    "; the rights list ({}) does not include it",
                    where_listed.join("; ")
                )
            };
            out.push(Finding {
                kind: FindingKind::RightMissing,
                severity: item.severity,
                lang: (absent.len() == 1).then(|| absent[0]),
                clauses: lists.iter().map(|c| ClauseRef::local(&c.id)).collect(),
                message: format!(
                    "the right {} is not granted in {}{tail}",
                    label(item),
                    in_versions(&absent)
                ),
                evidence,
            });
        } else if !absent.is_empty() {
            let mentions: Vec<_> = cov.mentions.iter().collect();
            let mut evidence: Vec<Evidence> = mentions
                .iter()
                .filter_map(|m| doc.evidence(&m.clause, Some(&m.hit)))
                .collect();
            evidence.extend(absent.iter().map(|&l| searched(item, l)));
            let cites: Vec<String> = present
                .iter()
                .map(|&l| format!("{} {}", l.code(), cov.cites(l).join(", ")))
                .collect();
            out.push(Finding {
                kind: FindingKind::RightOneLanguage,
                severity: item.severity,
                lang: Some(absent[0]),
                clauses: mentions.iter().map(|m| ClauseRef::local(&m.clause)).collect(),
                message: format!(
                    "the right {} is granted in the {} version only ({}); the {} version does not grant it",
                    label(item),
                    present[0].name(),
                    cites.join("; "),
                    absent[0].name()
                ),
                evidence,
            });
        }
        if !cov.restrictions.is_empty() {
            restricted(doc, item, cov, out);
        }
    }
}

fn restricted(doc: &Doc, item: &Item, cov: &Coverage, out: &mut Vec<Finding>) {
    let mut clauses: Vec<ClauseRef> = Vec::new();
    let mut evidence = Vec::new();
    let mut conditions: Vec<String> = Vec::new();
    for m in &cov.restrictions {
        let id = ClauseRef::local(&m.clause);
        if !clauses.contains(&id) {
            clauses.push(id);
        }
        evidence.extend(doc.evidence(&m.clause, Some(&m.hit)));
        conditions.push(format!(
            "{} {}: «{}»",
            m.lang.code(),
            m.cite,
            m.hit.words.join(" ")
        ));
    }
    out.push(Finding {
        kind: FindingKind::RightRestricted,
        severity: Severity::Info,
        lang: None,
        clauses,
        message: format!(
            "the right {} is granted with a condition ({}); a condition set by law \
             (Art. 8(2): a law forbids it or an obligation is unfulfilled) is lawful, \
             but the subject must be told",
            label(item),
            conditions.join("; ")
        ),
        evidence,
    });
}

/// The document's languages in which a coverage item is present, and those
/// in which it is absent.
fn split_languages(doc: &Doc, cov: &Coverage) -> (Vec<Lang>, Vec<Lang>) {
    doc.languages
        .iter()
        .partition(|&&l| cov.in_lang(l).next().is_some())
}

fn disclosure_findings(doc: &Doc, legal: &Legal, rules: &LegalRules, out: &mut Vec<Finding>) {
    for cov in &legal.disclosures {
        let Some(item) = rules.disclosures.iter().find(|i| i.id == cov.id) else {
            continue;
        };
        let (present, absent) = split_languages(doc, cov);
        if absent.is_empty() {
            continue;
        }
        if present.is_empty() {
            out.push(Finding {
                kind: FindingKind::DisclosureMissing,
                severity: item.severity,
                lang: (absent.len() == 1).then(|| absent[0]),
                clauses: vec![],
                message: format!(
                    "the policy does not disclose {} in {}",
                    label(item),
                    in_versions(&absent)
                ),
                evidence: absent.iter().map(|&l| searched(item, l)).collect(),
            });
        } else {
            let mut evidence: Vec<Evidence> = cov
                .mentions
                .iter()
                .filter_map(|m| doc.evidence(&m.clause, Some(&m.hit)))
                .collect();
            evidence.extend(absent.iter().map(|&l| searched(item, l)));
            out.push(Finding {
                kind: FindingKind::DisclosureOneLanguage,
                severity: item.severity,
                lang: Some(absent[0]),
                clauses: cov
                    .mentions
                    .iter()
                    .map(|m| ClauseRef::local(&m.clause))
                    .collect(),
                message: format!(
                    "{} is disclosed in the {} version only ({} {})",
                    label(item),
                    present[0].name(),
                    present[0].code(),
                    cov.cites(present[0]).join(", ")
                ),
                evidence,
            });
        }
    }
}

fn flag_finding(doc: &Doc, f: &Flag, rules: &LegalRules) -> Finding {
    let severity = match f.kind {
        FindingKind::ForeignLaw => rules
            .foreign_law
            .iter()
            .find(|i| i.id == f.rule)
            .map(|i| i.severity),
        FindingKind::WrongLawCitation => rules
            .citations
            .iter()
            .find(|c| c.id == f.rule)
            .map(|c| c.severity),
        _ => rules
            .disclosures
            .iter()
            .find(|i| i.id == f.rule)
            .and_then(|i| i.requires.as_ref())
            .map(|r| r.severity),
    }
    .unwrap_or(Severity::Medium);
    let cite = doc
        .by_id
        .get(f.clause.as_str())
        .map_or(f.clause.as_str(), |c| c.cite());
    let message = match f.kind {
        FindingKind::ForeignLaw => format!(
            "{} clause {} cites {}: «{}»",
            f.lang.name(),
            cite,
            f.detail,
            f.hit.words.join(" ")
        ),
        FindingKind::WrongLawCitation => format!("{} clause {}: {}", f.lang.name(), cite, f.detail),
        _ => format!(
            "{} clause {} (`{}`): {}",
            f.lang.name(),
            cite,
            f.rule,
            f.detail
        ),
    };
    Finding {
        kind: f.kind,
        severity,
        lang: Some(f.lang),
        clauses: vec![ClauseRef::local(&f.clause)],
        message,
        evidence: doc.evidence(&f.clause, Some(&f.hit)).into_iter().collect(),
    }
}

/// Every legal finding of one document.
pub fn findings(
    clauses: &[Clause],
    legal: &Legal,
    languages: &[Lang],
    rules: &LegalRules,
) -> Vec<Finding> {
    let doc = Doc {
        by_id: clauses.iter().map(|c| (c.id.as_str(), c)).collect(),
        languages,
    };
    let mut out = Vec::new();
    right_findings(&doc, legal, rules, &mut out);
    disclosure_findings(&doc, legal, rules, &mut out);
    out.extend(legal.flags.iter().map(|f| flag_finding(&doc, f, rules)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClauseKind;

    fn clause(
        id: &str,
        kind: ClauseKind,
        number: Option<&str>,
        parent: Option<&str>,
        text: &str,
    ) -> Clause {
        Clause {
            kind,
            number: number.map(String::from),
            parent: parent.map(String::from),
            ..Clause::from_text(id, text)
        }
    }

    fn policy() -> Vec<Clause> {
        use ClauseKind::*;
        vec![
            clause(
                "kk:7.1",
                Numbered,
                Some("7.1"),
                None,
                "7.1. Пайдаланушы құқылы:",
            ),
            clause(
                "kk:7.1-b1",
                Bullet,
                None,
                Some("7.1"),
                "• өзінің дербес деректерінің болуы туралы білуге;",
            ),
            clause(
                "ru:7.1",
                Numbered,
                Some("7.1"),
                None,
                "7.1. Пользователь имеет право:",
            ),
            clause(
                "ru:7.1-b1",
                Bullet,
                None,
                Some("7.1"),
                "• знать о наличии своих персональных данных;",
            ),
            clause(
                "ru:7.1-b2",
                Bullet,
                None,
                Some("7.1"),
                "• отозвать согласие при условии выполнения всех обязательств по договору.",
            ),
        ]
    }

    #[test]
    fn absences_quote_the_rights_list_and_what_was_searched() {
        let rules = LegalRules::builtin();
        let clauses = policy();
        let legal = crate::extract::provisions::analyze(
            &clauses,
            &crate::extract::clause_entities(&clauses),
            &rules,
        );
        let f = findings(&clauses, &legal, &[Lang::Kk, Lang::Ru], &rules);
        let change = f
            .iter()
            .find(|f| f.kind == FindingKind::RightMissing && f.message.contains("`change`"))
            .unwrap();
        assert_eq!(change.severity, Severity::High);
        assert_eq!(change.clauses, vec!["kk:7.1", "ru:7.1"]);
        assert!(
            change.message.contains("kk 7.1; ru 7.1"),
            "{}",
            change.message
        );
        let searched: Vec<&Evidence> = change
            .evidence
            .iter()
            .filter(|e| e.clauses.is_empty())
            .collect();
        assert_eq!(searched.len(), 2);
        assert!(
            searched[1].marked().starts_with("searched: изменени"),
            "{}",
            searched[1].marked()
        );
        // Withdrawal is granted in Russian only, and restricted there.
        let one = f
            .iter()
            .find(|f| f.kind == FindingKind::RightOneLanguage)
            .unwrap();
        assert!(one.message.contains("`withdraw_consent`"));
        assert_eq!(one.lang, Some(Lang::Kk));
        assert_eq!(one.clauses, vec!["ru:7.1-b2"]);
        let r = f
            .iter()
            .find(|f| f.kind == FindingKind::RightRestricted)
            .unwrap();
        assert_eq!(r.severity, Severity::Info);
        assert!(
            r.message.contains("при условии выполнения"),
            "{}",
            r.message
        );
        // `other` is missing too, with its own (low) severity.
        let other = f
            .iter()
            .find(|f| f.kind == FindingKind::RightMissing && f.message.contains("`other`"))
            .unwrap();
        assert_eq!(other.severity, Severity::Low);
        assert!(
            f.iter()
                .any(|f| f.kind == FindingKind::DisclosureMissing && f.evidence.len() == 2)
        );
    }

    #[test]
    fn a_single_language_document_is_judged_in_its_language() {
        let rules = LegalRules::builtin();
        let clauses: Vec<Clause> = policy()
            .into_iter()
            .filter(|c| c.lang == Lang::Kk)
            .collect();
        let legal = crate::extract::provisions::analyze(
            &clauses,
            &crate::extract::clause_entities(&clauses),
            &rules,
        );
        let f = findings(&clauses, &legal, &[Lang::Kk], &rules);
        assert!(!f.iter().any(|f| f.kind.name().ends_with("_one_language")));
        let change = f.iter().find(|f| f.message.contains("`change`")).unwrap();
        assert_eq!(change.lang, Some(Lang::Kk));
        assert!(change.message.contains("the Kazakh version"));
    }
}
