//! Structural findings of one document: a document with one language, a
//! clause with no counterpart, numbering that differs within a pair, and
//! numbering gaps, duplicates and disorder within a stream.
//!
//! Entity differences inside a pair are parity's (`check::parity`): there
//! is one finding per defect, never one here and one there.
//!
//! Invariant: every finding names its clauses by id (Kazakh first) and
//! quotes them; each comes with the index of its first clause so that
//! [`crate::check::check`] sorts all findings once.

use std::collections::BTreeMap;

use super::evidence;
use crate::clauses::comparable_number;
use crate::model::{Clause, ClauseKind, ClauseRef, Finding, FindingKind, Lang, Pair, Severity};

/// A clause's own section number (not an item's or a bullet's).
fn section(c: &Clause) -> Option<&str> {
    c.number.as_deref().filter(|n| {
        !n.contains('(') && matches!(c.kind, ClauseKind::Numbered | ClauseKind::Heading)
    })
}

/// A clause with enough text to matter when unpaired.
fn substantial(c: &Clause) -> bool {
    c.body()
        .chars()
        .filter(|&ch| crate::tokens::is_letter(ch))
        .count()
        >= 3
}

/// The structural findings of one document, each with the index of its
/// first clause (for ordering).
pub fn check(clauses: &[Clause], pairs: &[Pair], languages: &[Lang]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    one_language(clauses, languages, &mut out);
    if languages.len() == 2 {
        let mut inserted = Inserted::default();
        for p in pairs {
            pair_checks(clauses, p, &mut inserted, &mut out);
        }
    }
    numbering(clauses, Lang::Kk, &mut out);
    numbering(clauses, Lang::Ru, &mut out);
    out
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
            kind: FindingKind::SingleLanguage,
            severity: Severity::High,
            lang: Some(missing),
            clauses: vec![],
            message: format!(
                "the document has only a {} version: the {} version is missing ({} clauses in {})",
                have.name(),
                missing.name(),
                clauses.iter().filter(|c| c.lang == have).count(),
                have.code()
            ),
            evidence: vec![],
        },
    ));
}

/// The slot a clause's own number takes among its siblings: its parent and
/// its last part. A section number «2.3» is parent «2», 3; a list item
/// «2.2(3)» is parent «2.2()», 3 (a letter counts by its place in its
/// alphabet), so items and sections never share a parent.
fn slot(c: &Clause) -> Option<(String, u32)> {
    if let Some(n) = section(c) {
        let (parent, last) = split_last(n)?;
        return Some((parent.to_string(), last));
    }
    let n = comparable_number(c.number.as_deref()?, c.lang);
    let (parent, item) = n.strip_suffix(')')?.rsplit_once('(')?;
    Some((format!("{parent}()"), item.parse().ok()?))
}

/// The clauses with a number of their own (a section number or a list
/// item's) that one language has and the other lacks, so far in reading
/// order, per language and parent ([`slot`]): what shifts the numbering
/// of the clauses after them.
#[derive(Debug, Default)]
struct Inserted {
    by: BTreeMap<(Lang, String), Vec<String>>,
}

impl Inserted {
    fn add(&mut self, c: &Clause) {
        if let Some((parent, _)) = slot(c) {
            self.by
                .entry((c.lang, parent))
                .or_default()
                .push(c.id.clone());
        }
    }

    /// The one-sided clauses that explain a pair of a Kazakh clause `k`
    /// and a Russian `r`: both under one parent, the Russian number ahead
    /// by as many clauses as Russian has inserted there beyond Kazakh (or
    /// behind by as many as Kazakh has).
    fn explain(&self, k: &Clause, r: &Clause) -> Option<Vec<String>> {
        let ((kp, k), (rp, r)) = (slot(k)?, slot(r)?);
        if kp != rp {
            return None;
        }
        let ins = |lang: Lang| {
            self.by
                .get(&(lang, kp.clone()))
                .map_or(&[][..], Vec::as_slice)
        };
        let (ik, ir) = (ins(Lang::Kk), ins(Lang::Ru));
        let shift = i64::from(r) - i64::from(k);
        let inserted = ir.len() as i64 - ik.len() as i64;
        (shift != 0 && shift == inserted).then(|| ik.iter().chain(ir).cloned().collect())
    }
}

/// «2.3» as its parent «2» and its last part 3 («3» as «» and 3).
fn split_last(n: &str) -> Option<(&str, u32)> {
    let (parent, last) = n.rsplit_once('.').unwrap_or(("", n));
    Some((parent, last.parse().ok()?))
}

fn pair_checks(
    clauses: &[Clause],
    p: &Pair,
    inserted: &mut Inserted,
    out: &mut Vec<(usize, Finding)>,
) {
    let kk: Vec<&Clause> = p.kk.iter().map(|&i| &clauses[i]).collect();
    let ru: Vec<&Clause> = p.ru.iter().map(|&i| &clauses[i]).collect();
    let pos = p.kk.first().or(p.ru.first()).copied().unwrap_or(0);
    // Unpaired clause.
    if kk.is_empty() || ru.is_empty() {
        let side = if kk.is_empty() { &ru } else { &kk };
        let Some(c) = side.first() else { return };
        inserted.add(c);
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
                kind: FindingKind::UnpairedClause,
                severity,
                lang: Some(c.lang),
                clauses: vec![ClauseRef::local(&c.id)],
                message: format!(
                    "{} clause {} has no counterpart in the {} version",
                    c.lang.name(),
                    c.cite(),
                    c.lang.counterpart().name()
                ),
                evidence: vec![evidence::clause(c, &[])],
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
            inserted.add(b);
            out.push((
                pos,
                Finding {
                    kind: FindingKind::UnpairedClause,
                    severity: Severity::Medium,
                    lang: Some(b.lang),
                    clauses: vec![ClauseRef::local(&b.id)],
                    message: format!(
                        "{} clause {} has no counterpart in the {} version (it is aligned together with {} {})",
                        b.lang.name(),
                        b.cite(),
                        b.lang.counterpart().name(),
                        a.lang.name(),
                        a.cite()
                    ),
                    evidence: vec![evidence::clause(b, &[]), evidence::clause(o, &[])],
                },
            ));
        }
    }
    let ids: Vec<ClauseRef> = kk
        .iter()
        .chain(ru.iter())
        .map(|c| ClauseRef::local(&c.id))
        .collect();
    let both: Vec<crate::model::Evidence> = kk
        .iter()
        .chain(ru.iter())
        .map(|c| evidence::clause(c, &[]))
        .collect();
    // Numbering within the pair.
    let kn = kk.first().and_then(|c| c.number.clone());
    let rn = ru.first().and_then(|c| c.number.clone());
    let comparable = |c: Option<&&Clause>| {
        c.and_then(|c| c.number.as_deref().map(|n| comparable_number(n, c.lang)))
    };
    if let (Some(a), Some(b)) = (&kn, &rn)
        && comparable(kk.first()) != comparable(ru.first())
    {
        // A clause one version inserts renumbers the rest of its section
        // (an item, the rest of its list):
        // the pair follows content, and the numbers differ by as many as
        // were inserted. That is a note, not a defect of this pair.
        let shifted = inserted.explain(kk[0], ru[0]);
        let (severity, message) = match shifted {
            Some(by) => (
                Severity::Info,
                format!(
                    "the Kazakh clause is numbered {a}, its Russian counterpart {b}: the numbering is shifted by {} that the other version lacks",
                    by.join(", ")
                ),
            ),
            None => (
                Severity::Medium,
                format!("the Kazakh clause is numbered {a}, its Russian counterpart {b}"),
            ),
        };
        out.push((
            pos,
            Finding {
                kind: FindingKind::NumberMismatch,
                severity,
                lang: None,
                clauses: ids.clone(),
                message,
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
                kind: FindingKind::NumberMismatch,
                severity: Severity::Low,
                lang: Some(lacks),
                clauses: ids.clone(),
                message: format!(
                    "the {} clause is numbered {}, its {} counterpart is not numbered",
                    has.name(),
                    kn.as_deref().or(rn.as_deref()).unwrap_or(""),
                    lacks.name()
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
                    FindingKind::NumberingGap,
                    format!(
                        "{} clause {} is the first of its level; numbering is expected to start at 1",
                        lang.name(),
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
                FindingKind::NumberingDuplicate,
                format!(
                    "{} number {} is used twice ({} and {})",
                    lang.name(),
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
                FindingKind::NumberingGap,
                format!(
                    "{} numbering jumps from {} to {}: {} {} missing",
                    lang.name(),
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
                FindingKind::NumberingOrder,
                format!(
                    "{} number {} follows {}",
                    lang.name(),
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
    kind: FindingKind,
    message: String,
) {
    let mut clauses = Vec::new();
    let mut ev = Vec::new();
    if let Some(p) = prev {
        clauses.push(ClauseRef::local(&p.id));
        ev.push(evidence::clause(p, &[]));
    }
    clauses.push(ClauseRef::local(&c.id));
    ev.push(evidence::clause(c, &[]));
    out.push((
        idx,
        Finding {
            kind,
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

    fn item(id: &str, number: &str, text: &str) -> Clause {
        Clause {
            number: Some(number.into()),
            kind: ClauseKind::Item,
            ..Clause::from_text(id, text)
        }
    }

    fn pair(kk: &[usize], ru: &[usize]) -> Pair {
        Pair {
            kk: kk.to_vec(),
            ru: ru.to_vec(),
            score: 0.5,
        }
    }

    /// One version drops a sub-item of a «1)…» list and renumbers the
    /// rest: the items after it pair by content with numbers one apart.
    /// That is a note; an item shifted with nothing dropped before it is
    /// not explained.
    #[test]
    fn items_renumbered_after_a_dropped_item_are_a_note() {
        let clauses = vec![
            item("kk:2.2(1)", "2.2(1)", "1) шешім қабылдау;"),
            item("kk:2.2(2)", "2.2(2)", "2) алаяқтықтың алдын алу;"),
            item("kk:2.2(3)", "2.2(3)", "3) сайттың жұмысын жақсарту."),
            item("kk:2.3(1)", "2.3(1)", "1) хабарлау."),
            item("ru:2.2(1)", "2.2(1)", "1) принять решение;"),
            item("ru:2.2(2)", "2.2(2)", "2) сообщать о платежах в SMS;"),
            item("ru:2.2(3)", "2.2(3)", "3) предотвращать мошенничество;"),
            item("ru:2.2(4)", "2.2(4)", "4) улучшать работу сайта."),
            item("ru:2.3(2)", "2.3(2)", "2) сообщать."),
        ];
        let pairs = vec![
            pair(&[0], &[4]),
            pair(&[], &[5]),
            pair(&[1], &[6]),
            pair(&[2], &[7]),
            pair(&[3], &[8]),
        ];
        let f: Vec<Finding> = check(&clauses, &pairs, &[Lang::Kk, Lang::Ru])
            .into_iter()
            .map(|(_, f)| f)
            .collect();
        let numbers: Vec<(&str, Severity)> = f
            .iter()
            .filter(|f| f.kind == FindingKind::NumberMismatch)
            .map(|f| (f.clauses[0].id.as_str(), f.severity))
            .collect();
        assert_eq!(
            numbers,
            [
                ("kk:2.2(2)", Severity::Info),
                ("kk:2.2(3)", Severity::Info),
                ("kk:2.3(1)", Severity::Medium)
            ]
        );
        assert!(f.iter().any(|f| f.message.contains("shifted by ru:2.2(2)")));
    }
}
