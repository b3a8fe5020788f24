//! Extraction, once per document: entities of every clause (numbers,
//! periods, dates, times, contacts, law references, names; [`entities`]), the
//! organisation's name ([`company`]), and the legal provisions of
//! the clauses: topics, rights, disclosures and flagged passages
//! ([`provisions`]).
//!
//! Every later stage (alignment, checks, the corpus comparison) reads what
//! is stored here instead of extracting again.
//!
//! Invariant: [`Extraction::entities`] has one entry per clause of the
//! document, in clause order; each clause's entities are sorted by position
//! and never overlap.

pub mod company;
pub mod entities;
pub(crate) mod numwords;
pub mod provisions;

pub use company::company;
pub use entities::entities;

use crate::model::{Clause, Entity, Legal};
use crate::rules::legal::LegalRules;

/// What extraction found in one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The organisation's name, from the document's opening.
    pub company: Option<String>,
    /// Entities of each clause's body (the text after its label), with byte
    /// ranges into the clause's `text`; indexed like the clauses.
    pub entities: Vec<Vec<Entity>>,
    /// Topics, rights, disclosures and flagged passages.
    pub provisions: Legal,
}

/// The entities of one clause's body, with byte ranges into its `text`. The
/// label («3.2.», «а)») is left out: it is structure, not content.
pub fn of_clause(c: &Clause) -> Vec<Entity> {
    let body = c.body();
    let offset = c.text.len() - body.len();
    let mut found = entities(body);
    for e in &mut found {
        e.start += offset;
        e.end += offset;
    }
    found
}

/// The entities of every clause, indexed like `clauses`.
pub fn clause_entities(clauses: &[Clause]) -> Vec<Vec<Entity>> {
    clauses.iter().map(of_clause).collect()
}

/// Extract everything later stages read, once: the company from `text`
/// (the document's decoded source), entities and provisions per clause
/// (the company's name read as the operator's).
pub fn extract(text: &str, clauses: &[Clause], rules: &LegalRules) -> Extraction {
    let entities = clause_entities(clauses);
    let company = company(text);
    let provisions = provisions::analyze_for(clauses, &entities, rules, company.as_deref());
    Extraction {
        company,
        entities,
        provisions,
    }
}
