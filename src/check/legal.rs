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

use crate::check::name;
use crate::model::{Clause, Coverage, Evidence, Finding, Flag, Hit, Lang, Legal, Severity};
use crate::rules::legal::{Item, LegalRules};

/// The longest quote, in characters.
const QUOTE: usize = 160;
/// Characters of context kept before a hit in a long clause.
const LEAD: usize = 40;

/// A quote of `text` that shows the hit: the whole text if short, else a
/// window around the hit, cut on character boundaries.
pub fn quote_around(text: &str, hit: &Hit) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= QUOTE {
        return text.to_string();
    }
    let at = chars.iter().position(|&(b, _)| b >= hit.start).unwrap_or(0);
    let from = at
        .saturating_sub(LEAD)
        .min(chars.len().saturating_sub(QUOTE));
    let to = (from + QUOTE).min(chars.len());
    let body: String = chars[from..to].iter().map(|&(_, c)| c).collect();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(body.trim());
    if to < chars.len() {
        out.push('…');
    }
    out
}

struct Doc<'a> {
    by_id: HashMap<&'a str, &'a Clause>,
    languages: &'a [Lang],
}

impl<'a> Doc<'a> {
    fn evidence(&self, id: &str, hit: Option<&Hit>) -> Option<Evidence> {
        let c = self.by_id.get(id)?;
        Some(Evidence {
            lang: c.lang,
            clause: Some(c.id.clone()),
            quote: match hit {
                Some(h) => quote_around(&c.text, h),
                None => crate::check::quote(&c.text),
            },
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
    Evidence {
        lang,
        clause: None,
        quote: format!("searched: {}", patterns.join(" | ")),
    }
}

fn label(item: &Item) -> String {
    match &item.article {
        Some(a) => format!("`{}` ({}, {})", item.id, item.name, a),
        None => format!("`{}` ({})", item.id, item.name),
    }
}

fn in_versions(langs: &[Lang]) -> String {
    match langs {
        [one] => format!("the {} version", name(*one)),
        _ => "either language version".into(),
    }
}

/// The clauses that list the document's rights, per language (the lead-ins
/// the rights found are cited by).
fn rights_lists<'a>(doc: &Doc<'a>, legal: &Legal) -> Vec<&'a Clause> {
    let mut out: Vec<&Clause> = Vec::new();
    for cov in &legal.rights {
        for m in &cov.mentions {
            if let Some(c) = doc.cited(m.lang, &m.cite)
                && !out.iter().any(|x| x.id == c.id)
            {
                out.push(c);
            }
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
                kind: "right_missing".into(),
                severity: item.severity,
                lang: (absent.len() == 1).then(|| absent[0]),
                clauses: lists.iter().map(|c| c.id.clone()).collect(),
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
                kind: "right_one_language".into(),
                severity: item.severity,
                lang: Some(absent[0]),
                clauses: mentions.iter().map(|m| m.clause.clone()).collect(),
                message: format!(
                    "the right {} is granted in the {} version only ({}); the {} version does not grant it",
                    label(item),
                    name(present[0]),
                    cites.join("; "),
                    name(absent[0])
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
    let mut clauses: Vec<String> = Vec::new();
    let mut evidence = Vec::new();
    let mut conditions: Vec<String> = Vec::new();
    for m in &cov.restrictions {
        if !clauses.contains(&m.clause) {
            clauses.push(m.clause.clone());
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
        kind: "right_restricted".into(),
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
                kind: "disclosure_missing".into(),
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
                kind: "disclosure_one_language".into(),
                severity: item.severity,
                lang: Some(absent[0]),
                clauses: cov.mentions.iter().map(|m| m.clause.clone()).collect(),
                message: format!(
                    "{} is disclosed in the {} version only ({} {})",
                    label(item),
                    name(present[0]),
                    present[0].code(),
                    cov.cites(present[0]).join(", ")
                ),
                evidence,
            });
        }
    }
}

fn flag_finding(doc: &Doc, f: &Flag, rules: &LegalRules) -> Finding {
    let severity = match f.kind.as_str() {
        "foreign_law" => rules
            .foreign_law
            .iter()
            .find(|i| i.id == f.rule)
            .map(|i| i.severity),
        "wrong_law_citation" => rules
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
    let message = match f.kind.as_str() {
        "foreign_law" => format!(
            "{} clause {} cites {}: «{}»",
            name(f.lang),
            cite,
            f.detail,
            f.hit.words.join(" ")
        ),
        "wrong_law_citation" => format!("{} clause {}: {}", name(f.lang), cite, f.detail),
        _ => format!(
            "{} clause {} (`{}`): {}",
            name(f.lang),
            cite,
            f.rule,
            f.detail
        ),
    };
    Finding {
        kind: f.kind.clone(),
        severity,
        lang: Some(f.lang),
        clauses: vec![f.clause.clone()],
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
    fn quotes_show_the_hit() {
        let text = format!("{} уничтожение {}", "а".repeat(200), "б".repeat(200));
        let start = text.find("уничтожение").unwrap();
        let q = quote_around(
            &text,
            &Hit {
                start,
                end: start + 22,
                words: vec![],
            },
        );
        assert!(
            q.starts_with('…') && q.ends_with('…') && q.contains("уничтожение"),
            "{q}"
        );
        assert_eq!(
            quote_around(
                "кыска",
                &Hit {
                    start: 0,
                    end: 2,
                    words: vec![]
                }
            ),
            "кыска"
        );
    }

    #[test]
    fn absences_quote_the_rights_list_and_what_was_searched() {
        let rules = LegalRules::builtin();
        let clauses = policy();
        let legal = crate::extract::provisions::analyze(&clauses, &rules);
        let f = findings(&clauses, &legal, &[Lang::Kk, Lang::Ru], &rules);
        let change = f
            .iter()
            .find(|f| f.kind == "right_missing" && f.message.contains("`change`"))
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
            .filter(|e| e.clause.is_none())
            .collect();
        assert_eq!(searched.len(), 2);
        assert!(
            searched[1].quote.starts_with("searched: изменени"),
            "{}",
            searched[1].quote
        );
        // Withdrawal is granted in Russian only, and restricted there.
        let one = f.iter().find(|f| f.kind == "right_one_language").unwrap();
        assert!(one.message.contains("`withdraw_consent`"));
        assert_eq!(one.lang, Some(Lang::Kk));
        assert_eq!(one.clauses, vec!["ru:7.1-b2"]);
        let r = f.iter().find(|f| f.kind == "right_restricted").unwrap();
        assert_eq!(r.severity, Severity::Info);
        assert!(
            r.message.contains("при условии выполнения"),
            "{}",
            r.message
        );
        // `other` is missing too, with its own (low) severity.
        let other = f
            .iter()
            .find(|f| f.kind == "right_missing" && f.message.contains("`other`"))
            .unwrap();
        assert_eq!(other.severity, Severity::Low);
        assert!(
            f.iter()
                .any(|f| f.kind == "disclosure_missing" && f.evidence.len() == 2)
        );
    }

    #[test]
    fn a_single_language_document_is_judged_in_its_language() {
        let rules = LegalRules::builtin();
        let clauses: Vec<Clause> = policy()
            .into_iter()
            .filter(|c| c.lang == Lang::Kk)
            .collect();
        let legal = crate::extract::provisions::analyze(&clauses, &rules);
        let f = findings(&clauses, &legal, &[Lang::Kk], &rules);
        assert!(!f.iter().any(|f| f.kind.ends_with("_one_language")));
        let change = f.iter().find(|f| f.message.contains("`change`")).unwrap();
        assert_eq!(change.lang, Some(Lang::Kk));
        assert!(change.message.contains("the Kazakh version"));
    }
}
