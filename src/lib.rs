//! qostil («қос тіл», "two languages"): reads the Kazakh and Russian versions
//! of Kazakhstan's microfinance privacy policies, aligns them clause by
//! clause, and reports where they disagree, which rights of the data subject
//! they leave out, and how a company's policy deviates from the others'.
//!
//! The pipeline, one module per stage, each a plain function over data:
//! `ingest` → `lang` → `streams` → `clauses` → `align` → `extract` → `check`
//! → `corpus` → `report`.

pub mod align;
pub mod budget;
pub mod check;
pub mod clauses;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lang;

pub mod model;

pub mod report;
pub mod rules;
pub mod segment;
pub mod streams;
pub mod tokens;

use error::Result;
use model::{Clause, Document, Lang};
use rules::legal::LegalRules;
use rules::{Glossary, Lexicon};

/// What the analysis needs besides the input: the rules data.
#[derive(Debug, Clone)]
pub struct Config {
    pub glossary: Glossary,
    /// Rights checklist, disclosures, topics and red-flag patterns.
    pub rules: LegalRules,
    /// Known Kazakh word forms, for the spelling checks of `parity` (the
    /// only word list when the dictionary cannot be read).
    pub lexicon: Lexicon,
    /// The Kazakh Hunspell dictionary, read once, on first use.
    pub dictionary: rules::dictionary::KkDictionary,
    /// Word stems the dictionary lacks and real-word misspellings.
    pub spelling: rules::dictionary::SpellingData,
    /// Whether and how a PDF's scanned pages are read through OCR
    /// (default: when Tesseract is installed, 60 s a page).
    pub ocr: ingest::ocr::Options,
    /// The Kazakh speller's answers so far, shared by the run's threads
    /// (see [`check::parity::spelling::Memo`]: a fresh one is needed when
    /// the lexicon, spelling data or dictionary change after an analysis).
    pub spell_memo: check::parity::spelling::Memo,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            glossary: Glossary::builtin(),
            rules: LegalRules::builtin(),
            lexicon: Lexicon::builtin(),
            dictionary: rules::dictionary::KkDictionary::system(),
            spelling: rules::dictionary::SpellingData::builtin(),
            ocr: ingest::ocr::Options::default(),
            spell_memo: Default::default(),
        }
    }
}

impl Config {
    /// The rules data that parity reads.
    pub fn parity_rules(&self) -> check::parity::Rules<'_> {
        check::parity::Rules {
            glossary: &self.glossary,
            lexicon: &self.lexicon,
            dictionary: &self.dictionary,
            spelling: &self.spelling,
            memo: &self.spell_memo,
        }
    }
}

/// A language is present when its clauses hold at least this share of the
/// document's letters (a stray quote in the other language is not a version).
const LANGUAGE_SHARE: f64 = 0.15;

fn letters(c: &Clause) -> usize {
    c.text.chars().filter(|&ch| tokens::is_letter(ch)).count()
}

/// Letters of a clause that are its language's: Cyrillic ones, and for a
/// Kazakh clause in the Latin alphabet its Latin ones. (English text tagged
/// by its context holds none.)
fn own_letters(c: &Clause) -> usize {
    let cyrillic = c
        .text
        .chars()
        .filter(|&ch| tokens::is_cyrillic(ch) && tokens::is_letter(ch))
        .count();
    if c.lang == Lang::Kk && lang::latin_kazakh_score(&c.text) > 0.0 {
        letters(c)
    } else {
        cyrillic
    }
}

/// Languages with a real version in the document, kk before ru: their own
/// letters are at least [`LANGUAGE_SHARE`] of all letters.
fn languages(clauses: &[Clause]) -> Vec<Lang> {
    let total: usize = clauses.iter().map(letters).sum();
    [Lang::Kk, Lang::Ru]
        .into_iter()
        .filter(|&l| {
            let n: usize = clauses
                .iter()
                .filter(|c| c.lang == l)
                .map(own_letters)
                .sum();
            total > 0 && n as f64 >= LANGUAGE_SHARE * total as f64
        })
        .collect()
}

/// The warning for a Kazakh version written mostly in the Latin alphabet,
/// which the word-based checks (rules, glossary, spelling) do not read.
fn latin_kazakh_warning(clauses: &[Clause]) -> Option<model::Warning> {
    let kk: Vec<&Clause> = clauses.iter().filter(|c| c.lang == Lang::Kk).collect();
    let all: usize = kk.iter().map(|c| letters(c)).sum();
    let latin: usize = kk
        .iter()
        .flat_map(|c| c.text.chars())
        .filter(|&ch| tokens::is_letter(ch) && !tokens::is_cyrillic(ch))
        .count();
    (all > 0 && latin * 2 > all).then(|| model::Warning {
        line: None,
        byte: None,
        message: "the Kazakh version is written in the Latin alphabet: it is aligned and \
                  its figures, dates and contacts are compared with the Russian, but its \
                  rights, disclosures, glossary terms, names and spelling are not checked \
                  (qostil reads them in Cyrillic Kazakh only)"
            .to_string(),
    })
}

/// Findings that compare the wording of a Kazakh version: false when that
/// version is in the Latin alphabet (see [`latin_kazakh_warning`]).
fn reads_kazakh_wording(kind: model::FindingKind) -> bool {
    use model::FindingKind::*;
    matches!(
        kind,
        NameMismatch
            | TermMismatch
            | KazakhSpelling
            | MixedScript
            | InconsistentName
            | MeaningOmission
            | MeaningNegation
            | MeaningModality
            | MeaningQuantifier
            | MeaningSubstitution
            | RightOneLanguage
            | DisclosureOneLanguage
    )
}

/// Run the whole single-document pipeline on one input, within the
/// default time budget ([`budget::DEFAULT_SECONDS`]).
pub fn analyze(name: &str, bytes: &[u8], config: &Config) -> Result<Document> {
    analyze_within(name, bytes, config, &budget::Budget::default())
}

/// Run the whole single-document pipeline on one input within `budget`,
/// checked between the stages and inside the PDF reader.
///
/// A PDF's scanned pages are read through OCR as `config.ocr` says; the
/// time OCR takes is not counted against `budget`.
///
/// Errors: those of [`ingest::ingest_with`]; [`error::ErrorKind::NoText`];
/// [`error::Limit::Time`] when the budget runs out.
pub fn analyze_within(
    name: &str,
    bytes: &[u8],
    config: &Config,
    budget: &budget::Budget,
) -> Result<Document> {
    let mut ingested = ingest::ingest_with(name, bytes, budget, &config.ocr)?;
    let budget = &budget.extended(ingested.ocr_time);
    budget.check(name)?;
    let mut blocks = lang::split_bilingual(std::mem::take(&mut ingested.blocks));
    lang::tag(&mut blocks);
    ingested.blocks = blocks;
    analyze_tagged(name, ingested, config, budget)
}

/// Read a document published as two files, a Kazakh and a Russian version
/// (in any supported formats, given in either order), as one bilingual
/// document, within the default time budget ([`budget::DEFAULT_SECONDS`]
/// for the two files together).
///
/// The document's `source.name` is `KK + RU` (the Kazakh file's name
/// first, whatever the order given), its `source.files` the two files
/// with their languages, and every clause's spans lie in its own file's
/// range of `source.text` (see [`model::Source::locate`] and
/// [`ingest::pair`]).
///
/// Errors: either file's ingest errors (naming it); [`error::ErrorKind::NoText`]
/// naming a file with no Kazakh or Russian text; [`error::ErrorKind::PairLanguages`]
/// naming the file when both read as one language, or one holds both.
pub fn analyze_pair(
    a_name: &str,
    a_bytes: &[u8],
    b_name: &str,
    b_bytes: &[u8],
    config: &Config,
) -> Result<Document> {
    analyze_pair_within(
        a_name,
        a_bytes,
        b_name,
        b_bytes,
        config,
        &budget::Budget::default(),
    )
}

/// [`analyze_pair`] within `budget`.
pub fn analyze_pair_within(
    a_name: &str,
    a_bytes: &[u8],
    b_name: &str,
    b_bytes: &[u8],
    config: &Config,
    budget: &budget::Budget,
) -> Result<Document> {
    let a = ingest::ingest_with(a_name, a_bytes, budget, &config.ocr)?;
    let budget = &budget.extended(a.ocr_time);
    budget.check(a_name)?;
    let b = ingest::ingest_with(b_name, b_bytes, budget, &config.ocr)?;
    let budget = &budget.extended(b.ocr_time);
    budget.check(b_name)?;
    let a_lang = ingest::pair::version(a_name, ingest::pair::letters(&a.blocks))?;
    let b_lang = ingest::pair::version(b_name, ingest::pair::letters(&b.blocks))?;
    let a = ingest::pair::Half {
        name: a_name,
        ingested: a,
    };
    let b = ingest::pair::Half {
        name: b_name,
        ingested: b,
    };
    let ingested = if ingest::pair::kazakh_first((a_name, a_lang), (b_name, b_lang))? {
        ingest::pair::combine(a, b)
    } else {
        ingest::pair::combine(b, a)
    };
    let name = ingested.source.name.clone();
    budget.check(&name)?;
    analyze_tagged(&name, ingested, config, budget)
}

/// The pipeline after `lang`: streams, clauses, extraction, alignment and
/// checks, on blocks already tagged with their language.
fn analyze_tagged(
    name: &str,
    ingested: ingest::Ingested,
    config: &Config,
    budget: &budget::Budget,
) -> Result<Document> {
    let blocks = ingested.blocks;
    let streams = streams::split(&blocks);
    budget.check(name)?;
    let clauses = clauses::build(&streams);
    let languages = languages(&clauses);
    if languages.is_empty() {
        return Err(error::Error::new(name, error::ErrorKind::NoText));
    }
    budget.check(name)?;
    let extraction = extract::extract(&ingested.normalised, &clauses, &config.rules);
    budget.check(name)?;
    let pairs = align::align(&clauses, &extraction.entities, &config.glossary);
    budget.check(name)?;
    let mut findings = check::check(
        &clauses,
        &pairs,
        &languages,
        &extraction,
        &ingested.source.repairs,
        config,
    );
    let mut source = ingested.source;
    if let Some(w) = latin_kazakh_warning(&clauses) {
        source.warnings.push(w);
        findings.retain(|f| !reads_kazakh_wording(f.kind));
    }
    Ok(Document {
        source,
        company: extraction.company,
        languages,
        blocks,
        dropped: ingested.dropped,
        clauses,
        pairs,
        findings,
        entities: extraction.entities,
        legal: extraction.provisions,
    })
}
