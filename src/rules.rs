//! Rules data: the kk/ru glossary, embedded from `data/glossary.tsv` and
//! overridable by a user file, and the Kazakh word list that spelling checks
//! read (`data/kk_words.txt`). Loading validates the data and reports the
//! file and line of any error; matching lives with the stages that use it.
//!
//! The legal rules (rights checklist, disclosures, topics, red flags) are
//! in [`legal`], embedded from `data/rules.json` in the same way.
//!
//! Invariants: every concept has at least one Kazakh and one Russian
//! alternative, each made of lower-case, non-empty stems; ids are unique.
//! Every word of the lexicon is lower-case Cyrillic.

pub mod dictionary;
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
    /// Whether translator's parity checks the term (a fourth column `align`
    /// keeps a term for alignment only: words too general to demand a
    /// counterpart in every clause).
    pub parity: bool,
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
            if !(3..=4).contains(&fields.len()) {
                return Err(err(format!(
                    "expected 3 or 4 tab-separated fields (id, kk, ru[, align]), found {}",
                    fields.len()
                )));
            }
            let parity = match fields.get(3).map(|f| f.trim()) {
                None | Some("") | Some("parity") => true,
                Some("align") => false,
                Some(other) => {
                    return Err(err(format!(
                        "unknown fourth field {other:?} (use align or parity)"
                    )));
                }
            };
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
            terms.push(Term { id, kk, ru, parity });
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

/// The Kazakh word list shipped with qostil (see `tools/kk_words.rs`).
pub const KK_WORDS: &str = include_str!("../data/kk_words.txt");

/// Kazakh word forms known to be spelled right, with their corpus counts,
/// sorted so that a stem can be looked up as a prefix.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    words: std::collections::BTreeMap<String, u32>,
}

impl Lexicon {
    /// Parse a word list: one `word<TAB>count` (or just `word`) a line,
    /// `#` comments.
    pub fn parse(name: &str, text: &str) -> Result<Lexicon> {
        let mut words = std::collections::BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, count) = line.split_once('\t').unwrap_or((line, "1"));
            let err = |what: String| Error::new(name, ErrorKind::Rules(what)).at_line(i + 1);
            let count: u32 = count
                .trim()
                .parse()
                .map_err(|_| err(format!("bad count {count:?}")))?;
            let word = word.trim();
            if word.is_empty()
                || word.chars().any(|c| {
                    !(('\u{0400}'..='\u{04FF}').contains(&c) || c == '-') || c.is_uppercase()
                })
            {
                return Err(err(format!("{word:?} is not a lower-case Cyrillic word")));
            }
            *words.entry(word.to_string()).or_insert(0) += count;
        }
        Ok(Lexicon { words })
    }

    /// The shipped word list.
    pub fn builtin() -> Lexicon {
        // The embedded file is validated by a unit test.
        Lexicon::parse("data/kk_words.txt", KK_WORDS).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How often the corpus spells the word this way (0: never).
    pub fn count(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// Total count of the words that start with `prefix`.
    pub fn prefix_count(&self, prefix: &str) -> u32 {
        self.words
            .range(prefix.to_string()..)
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|(_, n)| *n)
            .sum()
    }

    /// Add words (a user's list over the shipped one).
    pub fn extend(&mut self, other: Lexicon) {
        for (w, n) in other.words {
            *self.words.entry(w).or_insert(0) += n;
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
    fn builtin_lexicon_is_valid() {
        let l = Lexicon::parse("data/kk_words.txt", KK_WORDS).unwrap();
        assert!(l.len() > 1000);
        assert!(l.count("өңдеу") > 0);
        assert!(l.prefix_count("өңде") > l.count("өңдеу"));
        assert!(Lexicon::parse("x", "Abc\t1\n").is_err());
    }

    #[test]
    fn a_fourth_column_marks_alignment_only_terms() {
        let g = Glossary::parse("g", "a\tа\tб\talign\nb\tв\tг\n").unwrap();
        assert!(!g.terms[0].parity && g.terms[1].parity);
        assert!(Glossary::parse("g", "a\tа\tб\tx\n").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let e = Glossary::parse("my.tsv", "# c\nok\tа\tб\nbad\tonly\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("my.tsv, line 3:"));
        assert!(Glossary::parse("my.tsv", "x\tа\tб\nx\tв\tг\n").is_err());
    }
}
