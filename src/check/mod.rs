//! Findings within one document: a clause with no counterpart, numbering
//! that differs within a pair, a document with one language, and numbering
//! gaps and duplicates within a stream. Translator's parity (entities,
//! terms, structure, language, spelling) lives in [`parity`], which
//! owns the `*_mismatch` findings of entities: there is one finding per
//! defect, never one here and one there.
//!
//! The legal findings (rights, disclosures, foreign law, citations) are
//! made by [`legal`] and follow the structural ones.
//!
//! Invariants: every finding names its clauses by id (Kazakh first) and
//! quotes them; findings are sorted by the position of their first clause,
//! then kind, so output is deterministic.

pub mod legal;
pub mod parity;

use std::collections::BTreeMap;

use crate::clauses::comparable_number;
use crate::model::{Clause, ClauseKind, Evidence, Finding, Lang, Pair, Severity};

/// The longest quote we put in a finding, in characters.
const QUOTE: usize = 160;

/// A short quote of a clause, cut on a character boundary.
pub fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE {
        return text.to_string();
    }
    let cut: String = text.chars().take(QUOTE).collect();
    format!("{}…", cut.trim_end())
}

fn evidence(c: &Clause) -> Evidence {
    Evidence {
        lang: c.lang,
        clause: Some(c.id.clone()),
        quote: quote(&c.text),
    }
}

/// A clause's own section number (not an item's or a bullet's).
fn section(c: &Clause) -> Option<&str> {
    c.number.as_deref().filter(|n| {
        !n.contains('(') && matches!(c.kind, ClauseKind::Numbered | ClauseKind::Heading)
    })
}

/// A clause with enough text to matter when unpaired.
fn substantial(c: &Clause) -> bool {
    c.body().chars().filter(|ch| ch.is_alphabetic()).count() >= 3
}

/// Run every single-document check, translator's parity included.
pub fn check(
    clauses: &[Clause],
    pairs: &[Pair],
    languages: &[Lang],
    parity_rules: crate::check::parity::Rules,
) -> Vec<Finding> {
    let mut out: Vec<(usize, Finding)> =
        crate::check::parity::check(clauses, pairs, languages, parity_rules);
    one_language(clauses, languages, &mut out);
    if languages.len() == 2 {
        for p in pairs {
            pair_checks(clauses, p, &mut out);
        }
    }
    numbering(clauses, Lang::Kk, &mut out);
    numbering(clauses, Lang::Ru, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.kind.cmp(&b.1.kind)));
    out.into_iter().map(|(_, f)| f).collect()
}

fn one_language(clauses: &[Clause], languages: &[Lang], out: &mut Vec<(usize, Finding)>) {
    if languages.len() != 1 {
        return;
    }
    let have = languages[0];
    let missing = have.counterpart();
    out.push((
        0,
        Finding {
            kind: "single_language".into(),
            severity: Severity::High,
            lang: Some(missing),
            clauses: vec![],
            message: format!(
                "the document has only a {} version: the {} version is missing ({} clauses in {})",
                name(have),
                name(missing),
                clauses.iter().filter(|c| c.lang == have).count(),
                have.code()
            ),
            evidence: vec![],
        },
    ));
}

pub fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Kazakh",
        Lang::Ru => "Russian",
        Lang::Other => "other-language",
    }
}

fn pair_checks(clauses: &[Clause], p: &Pair, out: &mut Vec<(usize, Finding)>) {
    let kk: Vec<&Clause> = p.kk.iter().map(|&i| &clauses[i]).collect();
    let ru: Vec<&Clause> = p.ru.iter().map(|&i| &clauses[i]).collect();
    let pos = p.kk.first().or(p.ru.first()).copied().unwrap_or(0);
    // Unpaired clause.
    if kk.is_empty() || ru.is_empty() {
        let side = if kk.is_empty() { &ru } else { &kk };
        let Some(c) = side.first() else { return };
        if !substantial(c) {
            return;
        }
        let severity = match c.kind {
            ClauseKind::Numbered | ClauseKind::Item | ClauseKind::Paragraph
                if c.body().chars().count() >= 40 =>
            {
                Severity::Medium
            }
            _ => Severity::Low,
        };
        out.push((
            pos,
            Finding {
                kind: "unpaired_clause".into(),
                severity,
                lang: Some(c.lang),
                clauses: vec![c.id.clone()],
                message: format!(
                    "{} clause {} has no counterpart in the {} version",
                    name(c.lang),
                    c.cite(),
                    name(c.lang.counterpart())
                ),
                evidence: vec![evidence(c)],
            },
        ));
        return;
    }
    // A merge of two clauses with their own section numbers, against one
    // clause numbered like the first: the second has no counterpart (the
    // aligner absorbs a clause missing on the other side this way).
    for (two, one) in [(&kk, &ru), (&ru, &kk)] {
        if let ([a, b], [o]) = (two.as_slice(), one.as_slice())
            && let (Some(na), Some(nb), Some(no)) = (section(a), section(b), section(o))
            && na != nb
            && na == no
            && substantial(b)
        {
            out.push((
                pos,
                Finding {
                    kind: "unpaired_clause".into(),
                    severity: Severity::Medium,
                    lang: Some(b.lang),
                    clauses: vec![b.id.clone()],
                    message: format!(
                        "{} clause {} has no counterpart in the {} version (it is aligned together with {} {})",
                        name(b.lang),
                        b.cite(),
                        name(b.lang.counterpart()),
                        name(a.lang),
                        a.cite()
                    ),
                    evidence: vec![evidence(b), evidence(o)],
                },
            ));
        }
    }
    let ids: Vec<String> = kk.iter().chain(ru.iter()).map(|c| c.id.clone()).collect();
    let both: Vec<Evidence> = kk.iter().chain(ru.iter()).map(|c| evidence(c)).collect();
    // Numbering within the pair.
    let kn = kk.first().and_then(|c| c.number.clone());
    let rn = ru.first().and_then(|c| c.number.clone());
    let comparable = |c: Option<&&Clause>| {
        c.and_then(|c| c.number.as_deref().map(|n| comparable_number(n, c.lang)))
    };
    if let (Some(a), Some(b)) = (&kn, &rn)
        && comparable(kk.first()) != comparable(ru.first())
    {
        out.push((
            pos,
            Finding {
                kind: "number_mismatch".into(),
                severity: Severity::Medium,
                lang: None,
                clauses: ids.clone(),
                message: format!("the Kazakh clause is numbered {a}, its Russian counterpart {b}"),
                evidence: both.clone(),
            },
        ));
    } else if kn.is_some() != rn.is_some() {
        let (has, lacks) = if kn.is_some() {
            (Lang::Kk, Lang::Ru)
        } else {
            (Lang::Ru, Lang::Kk)
        };
        out.push((
            pos,
            Finding {
                kind: "number_mismatch".into(),
                severity: Severity::Low,
                lang: Some(lacks),
                clauses: ids.clone(),
                message: format!(
                    "the {} clause is numbered {}, its {} counterpart is not numbered",
                    name(has),
                    kn.as_deref().or(rn.as_deref()).unwrap_or(""),
                    name(lacks)
                ),
                evidence: both,
            },
        ));
    }
}

/// Parse a section number like `2.13` into its parts.
fn parts(n: &str) -> Option<Vec<u32>> {
    n.split('.').map(|p| p.parse().ok()).collect()
}

fn numbering(clauses: &[Clause], lang: Lang, out: &mut Vec<(usize, Finding)>) {
    // The last number seen at each parent, for sections and for items.
    let mut last: BTreeMap<Vec<u32>, (u32, usize)> = BTreeMap::new();
    let mut items: BTreeMap<String, (u32, usize)> = BTreeMap::new();
    for (idx, c) in clauses.iter().enumerate().filter(|(_, c)| c.lang == lang) {
        let Some(num) = &c.number else { continue };
        let (key_prev, n) = if let Some((parent, item)) = num.split_once('(') {
            let item = item.trim_end_matches(')');
            let Ok(n) = item.parse::<u32>() else { continue };
            let prev = items.insert(parent.to_string(), (n, idx));
            (prev, n)
        } else {
            let Some(p) = parts(num) else { continue };
            let (parent, n) = (p[..p.len() - 1].to_vec(), p[p.len() - 1]);
            // A new section resets the numbering of its children.
            last.retain(|k, _| k.len() <= parent.len() || k[..parent.len()] != parent[..]);
            let prev = last.insert(parent, (n, idx));
            (prev, n)
        };
        let Some((prev, prev_idx)) = key_prev else {
            if n > 1 && !num.contains('(') && num.contains('.') {
                push_numbering(
                    out,
                    idx,
                    c,
                    None,
                    "numbering_gap",
                    format!(
                        "{} clause {} is the first of its level; numbering is expected to start at 1",
                        name(lang),
                        num
                    ),
                );
            }
            continue;
        };
        let prev_clause = &clauses[prev_idx];
        if n == prev {
            push_numbering(
                out,
                idx,
                c,
                Some(prev_clause),
                "numbering_duplicate",
                format!(
                    "{} number {} is used twice ({} and {})",
                    name(lang),
                    num,
                    prev_clause.id,
                    c.id
                ),
            );
        } else if n > prev + 1 {
            // The full numbers that are missing: «4.2», or «2.1(5)».
            let missing: Vec<String> = (prev + 1..n)
                .map(|k| {
                    if let Some(open) = num.rfind('(') {
                        format!("{}({k})", &num[..open])
                    } else if let Some(dot) = num.rfind('.') {
                        format!("{}.{k}", &num[..dot])
                    } else {
                        k.to_string()
                    }
                })
                .collect();
            push_numbering(
                out,
                idx,
                c,
                Some(prev_clause),
                "numbering_gap",
                format!(
                    "{} numbering jumps from {} to {}: {} {} missing",
                    name(lang),
                    prev_clause.number.as_deref().unwrap_or(""),
                    num,
                    missing.join(", "),
                    if missing.len() == 1 { "is" } else { "are" }
                ),
            );
        } else if n < prev {
            push_numbering(
                out,
                idx,
                c,
                Some(prev_clause),
                "numbering_order",
                format!(
                    "{} number {} follows {}",
                    name(lang),
                    num,
                    prev_clause.number.as_deref().unwrap_or("")
                ),
            );
        }
    }
}

fn push_numbering(
    out: &mut Vec<(usize, Finding)>,
    idx: usize,
    c: &Clause,
    prev: Option<&Clause>,
    kind: &str,
    message: String,
) {
    let mut clauses = Vec::new();
    let mut ev = Vec::new();
    if let Some(p) = prev {
        clauses.push(p.id.clone());
        ev.push(evidence(p));
    }
    clauses.push(c.id.clone());
    ev.push(evidence(c));
    out.push((
        idx,
        Finding {
            kind: kind.into(),
            severity: Severity::Low,
            lang: Some(c.lang),
            clauses,
            message,
            evidence: ev,
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> crate::check::parity::Rules<'static> {
        static G: std::sync::LazyLock<crate::rules::Glossary> =
            std::sync::LazyLock::new(crate::rules::Glossary::default);
        static L: std::sync::LazyLock<crate::rules::Lexicon> =
            std::sync::LazyLock::new(crate::rules::Lexicon::default);
        crate::check::parity::Rules {
            glossary: &G,
            lexicon: &L,
        }
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
        let f = check(&clauses, &pairs, &[Lang::Kk, Lang::Ru], rules());
        let kinds: Vec<&str> = f.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "contact_mismatch",
                "number_mismatch",
                "unpaired_clause",
                "numbering_gap"
            ]
        );
        // The e-mail is parity's: one finding, not two.
        assert!(f[0].message.contains("info@a.kz"));
        assert_eq!(f[2].clauses, vec!["kk:1.2"]);
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
        let f = check(&clauses, &[], &[Lang::Kk], rules());
        let kinds: Vec<&str> = f.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec!["single_language", "numbering_gap", "numbering_duplicate"]
        );
        assert!(
            f[1].message.ends_with(": 1.2 is missing"),
            "{}",
            f[1].message
        );
    }
}
