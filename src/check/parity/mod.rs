//! Translator's parity: does the Kazakh version say what the Russian one
//! says? Each aligned pair is compared for its entities (figures, periods,
//! dates, contacts, law references, names), its glossary terms and its list
//! structure and length; each stream is read for text left in the other
//! language and for script and spelling damage; each language is read for
//! the organisation's name used consistently.
//!
//! Finding kinds (all documented in README.md):
//! - entities ([`entities`]): `figure_mismatch`, `period_mismatch`,
//!   `date_mismatch`,
//!   `contact_mismatch`, `law_reference_mismatch`, `name_mismatch`;
//! - terms ([`terms`]): `term_mismatch`;
//! - structure ([`structure`]): `list_item_mismatch`, `length_mismatch`,
//!   `heading_mismatch`;
//! - language ([`language`]): `untranslated_text`, `untranslated_clause`;
//! - spelling ([`spelling`]): `mixed_script`, `kazakh_spelling`,
//!   `inconsistent_name`.
//!
//! Invariants: every finding names its clauses by id (Kazakh first) and
//! quotes both sides of its pair where it has two, with the differing part
//! marked `[[…]]`; a suggested correct form, where there is one, is in the
//! message after «→». Findings come back with the position of their first
//! clause so that the caller sorts them with the others; the module never
//! reads anything but the clauses, the pairs and the rules data, so its
//! output is a pure function of them.

pub mod entities;
pub mod language;
pub mod spelling;
pub mod structure;
pub mod terms;

use std::collections::BTreeSet;

use crate::check::evidence;
use crate::extract;
use crate::model::{
    Clause, ClauseRef, Entity, Evidence, Finding, FindingKind, Lang, Pair, ScriptRepair, Severity,
};
use crate::rules::dictionary::{KkDictionary, SpellingData};
use crate::rules::{Glossary, Lexicon};

/// Every finding kind this module produces: the parity run of
/// [`FindingKind::ALL`] (from `FigureMismatch` to `InconsistentName`).
pub const KINDS: &[FindingKind] = FindingKind::ALL.split_at(6).1.split_at(15).0;

/// The rules data parity reads.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub glossary: &'a Glossary,
    pub lexicon: &'a Lexicon,
    /// The Kazakh dictionary (read on the first word checked).
    pub dictionary: &'a KkDictionary,
    pub spelling: &'a SpellingData,
    /// The speller's answers so far in this run.
    pub memo: &'a spelling::Memo,
}

/// One side of an aligned pair: its clauses and their texts joined.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub lang: Lang,
    pub clauses: Vec<&'a Clause>,
    /// The clauses' texts (labels included) joined by one space.
    pub text: String,
    /// Byte ranges of each clause's body (text after its label) in `text`.
    pub bodies: Vec<(usize, usize)>,
    /// The clauses' entities (from extraction), with byte ranges into
    /// `text`, in order.
    pub entities: Vec<Entity>,
}

impl<'a> Side<'a> {
    /// A side whose entities are extracted here (for tests and one-off
    /// use; the pipeline passes the stored ones to [`Side::with_entities`]).
    pub fn new(lang: Lang, clauses: Vec<&'a Clause>) -> Side<'a> {
        let entities: Vec<Vec<Entity>> = clauses.iter().map(|c| extract::of_clause(c)).collect();
        Side::with_entities(lang, clauses, &entities.iter().collect::<Vec<_>>())
    }

    /// A side of `clauses`, whose entities (byte ranges into each clause's
    /// text) are `entities[k]` for `clauses[k]`.
    pub fn with_entities(
        lang: Lang,
        clauses: Vec<&'a Clause>,
        entities: &[&Vec<Entity>],
    ) -> Side<'a> {
        let mut text = String::new();
        let mut bodies = Vec::new();
        let mut located = Vec::new();
        for (c, es) in clauses.iter().zip(entities) {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&c.text);
            let body = c.body();
            bodies.push((start + c.text.len() - body.len(), text.len()));
            located.extend(es.iter().map(|e| Entity {
                start: start + e.start,
                end: start + e.end,
                ..e.clone()
            }));
        }
        Side {
            lang,
            clauses,
            text,
            bodies,
            entities: located,
        }
    }

    pub fn ids(&self) -> Vec<ClauseRef> {
        self.clauses
            .iter()
            .map(|c| ClauseRef::local(&c.id))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The whole side as evidence, with `marks` (byte ranges of `text`)
    /// marked.
    pub fn evidence(&self, marks: &[(usize, usize)]) -> Evidence {
        evidence::quote(self.lang, &self.clauses, &self.text, marks)
    }
}

/// The two sides of one aligned pair.
#[derive(Debug, Clone)]
pub struct PairView<'a> {
    pub kk: Side<'a>,
    pub ru: Side<'a>,
    /// Index of the pair's first clause, for ordering findings.
    pub pos: usize,
}

impl<'a> PairView<'a> {
    /// The view of pair `p`, extracting its clauses' entities here.
    pub fn new(clauses: &'a [Clause], p: &Pair) -> PairView<'a> {
        PairView {
            kk: Side::new(Lang::Kk, p.kk.iter().map(|&i| &clauses[i]).collect()),
            ru: Side::new(Lang::Ru, p.ru.iter().map(|&i| &clauses[i]).collect()),
            pos: p.kk.first().or(p.ru.first()).copied().unwrap_or(0),
        }
    }

    /// The view of pair `p` with the stored entities (`entities[i]` for
    /// `clauses[i]`).
    pub fn with_entities(
        clauses: &'a [Clause],
        entities: &[Vec<Entity>],
        p: &Pair,
    ) -> PairView<'a> {
        let side = |lang, idx: &[usize]| {
            Side::with_entities(
                lang,
                idx.iter().map(|&i| &clauses[i]).collect(),
                &idx.iter().map(|&i| &entities[i]).collect::<Vec<_>>(),
            )
        };
        PairView {
            kk: side(Lang::Kk, &p.kk),
            ru: side(Lang::Ru, &p.ru),
            pos: p.kk.first().or(p.ru.first()).copied().unwrap_or(0),
        }
    }

    pub fn side(&self, lang: Lang) -> &Side<'a> {
        if lang == Lang::Ru { &self.ru } else { &self.kk }
    }

    pub fn ids(&self) -> Vec<ClauseRef> {
        let mut ids = self.kk.ids();
        ids.extend(self.ru.ids());
        ids
    }

    /// A finding about this pair quoting both sides with their marks.
    pub fn finding(
        &self,
        kind: FindingKind,
        severity: Severity,
        lang: Option<Lang>,
        message: String,
        kk_marks: &[(usize, usize)],
        ru_marks: &[(usize, usize)],
    ) -> (usize, Finding) {
        (
            self.pos,
            Finding {
                kind,
                severity,
                lang,
                clauses: self.ids(),
                message,
                evidence: vec![self.kk.evidence(kk_marks), self.ru.evidence(ru_marks)],
            },
        )
    }
}

/// Run every parity check. Pairs are compared only when the document has
/// both languages; the stream checks run on any document.
pub fn check(
    clauses: &[Clause],
    pairs: &[Pair],
    languages: &[Lang],
    entities: &[Vec<Entity>],
    company: Option<&str>,
    repairs: &[ScriptRepair],
    rules: Rules,
) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    let bilingual = languages.contains(&Lang::Kk) && languages.contains(&Lang::Ru);
    if bilingual {
        let views: Vec<PairView> = pairs
            .iter()
            .map(|p| PairView::with_entities(clauses, entities, p))
            .collect();
        let located = entities::locate(&views, company);
        for (i, v) in views.iter().enumerate() {
            if v.kk.is_empty() || v.ru.is_empty() {
                continue;
            }
            entities::check(&views, &located, i, &mut out);
            terms::check(v, rules.glossary, &mut out);
            structure::check_pair(v, &mut out);
            language::check_pair(v, &mut out);
        }
        let unmarked: BTreeSet<&str> = structure::unmarked_items(clauses)
            .into_iter()
            .map(|i| clauses[i].id.as_str())
            .collect();
        structure::check_lists(&views, &unmarked, &mut out);
        language::check_duplicates(clauses, pairs, &mut out);
    }
    language::check_streams(clauses, languages, &mut out);
    let speller = spelling::Speller {
        dictionary: rules.dictionary.get(),
        data: rules.spelling,
        lexicon: rules.lexicon,
        memo: Some(rules.memo),
    };
    spelling::check(clauses, repairs, &speller, &mut out);
    spelling::check_names(clauses, languages, &mut out);
    if languages.contains(&Lang::Kk) {
        spelling::check_statute_terms(clauses, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parity_kinds_are_the_parity_run_of_all_kinds() {
        assert_eq!(KINDS.first(), Some(&FindingKind::FigureMismatch));
        assert_eq!(KINDS.last(), Some(&FindingKind::InconsistentName));
        assert_eq!(KINDS.len(), 15);
    }
}
