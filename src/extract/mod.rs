//! Extraction, once per document: entities of every clause (numbers,
//! periods, dates, contacts, law references, names; [`entities`]), the
//! organisation's name ([`entities::company`]), and the legal provisions of
//! the clauses: topics, rights, disclosures and flagged passages
//! ([`provisions`]).
//!
//! Every later stage (alignment, checks, the corpus comparison) reads what
//! is stored here instead of extracting again.
//!
//! Invariant: [`Extraction::entities`] has one entry per clause of the
//! document, in clause order; each clause's entities are sorted by position
//! and never overlap.

pub mod entities;
mod numwords;
pub mod provisions;

pub use entities::{company, entities};
