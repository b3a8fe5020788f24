//! qostil («қос тіл», "two languages"): reads the Kazakh and Russian versions
//! of Kazakhstan's microfinance privacy policies, aligns them clause by
//! clause, and reports where they disagree, which rights of the data subject
//! they leave out, and how a company's policy deviates from the others'.
//!
//! The pipeline, one module per stage, each a plain function over data:
//! `ingest` → `lang` → `streams` → `clauses` → `align` → `extract` → `check`
//! → `corpus` → `report`.

pub mod error;
pub mod ingest;
pub mod model;
