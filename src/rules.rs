//! Rules data: the kk/ru glossary, embedded from `data/glossary.tsv` and
//! overridable by a user file. Loading validates the data and reports the
//! file and line of any error; matching lives with the stages that use it.
//!
//! The legal rules (rights checklist, disclosures, topics, red flags) are
//! in [`legal`], embedded from `data/rules.json` in the same way.
//!
//! Invariant: every concept has at least one Kazakh and one Russian
//! alternative, each made of lower-case, non-empty stems; ids are unique.

pub mod legal;

use crate::error::{Error, ErrorKind, Result};

/// The glossary shipped with qostil.
pub const GLOSSARY: &str = include_str!("../data/glossary.tsv");

/// One alternative: stems that must start consecutive words.
pub type Alternative = Vec<String>;

/// One concept with its Kazakh and Russian wordings.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub id: String,
    pub kk: Vec<Alternative>,
    pub ru: Vec<Alternative>,
}

/// A bilingual glossary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

fn alternatives(cell: &str) -> Vec<Alternative> {
    cell.split('|')
        .map(|alt| {
            alt.split_whitespace()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|a| !a.is_empty())
        .collect()
}

impl Glossary {
    /// Parse glossary TSV; `name` is used in errors.
    pub fn parse(name: &str, text: &str) -> Result<Glossary> {
        let mut terms: Vec<Term> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let err = |what: String| Error::new(name, ErrorKind::Rules(what)).at_line(i + 1);
            if fields.len() != 3 {
                return Err(err(format!(
                    "expected 3 tab-separated fields (id, kk, ru), found {}",
                    fields.len()
                )));
            }
            let id = fields[0].trim().to_string();
            if id.is_empty() {
                return Err(err("empty id".into()));
            }
            if terms.iter().any(|t| t.id == id) {
                return Err(err(format!("duplicate id {id}")));
            }
            let (kk, ru) = (alternatives(fields[1]), alternatives(fields[2]));
            if kk.is_empty() || ru.is_empty() {
                return Err(err(format!(
                    "term {id} needs both a Kazakh and a Russian form"
                )));
            }
            terms.push(Term { id, kk, ru });
        }
        Ok(Glossary { terms })
    }

    /// The shipped glossary.
    pub fn builtin() -> Glossary {
        // The embedded file is validated by a unit test.
        Glossary::parse("data/glossary.tsv", GLOSSARY).unwrap_or_default()
    }

    /// Add or replace terms from another glossary.
    pub fn extend(&mut self, other: Glossary) {
        for t in other.terms {
            match self.terms.iter_mut().find(|x| x.id == t.id) {
                Some(x) => *x = t,
                None => self.terms.push(t),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_glossary_is_valid() {
        let g = Glossary::parse("data/glossary.tsv", GLOSSARY).unwrap();
        assert!(g.terms.len() >= 50);
        let p = g.terms.iter().find(|t| t.id == "personal_data").unwrap();
        assert_eq!(p.kk[0], vec!["дербес", "дерек"]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Glossary::parse("my.tsv", "# c\nok\tа\tб\nbad\tonly\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("my.tsv, line 3:"));
        assert!(Glossary::parse("my.tsv", "x\tа\tб\nx\tв\tг\n").is_err());
    }
}
