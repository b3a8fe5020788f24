//! The legal rules data: the rights checklist of Law No. 94-V (Art. 24),
//! GDPR-style extra rights, the disclosures a policy is expected to make,
//! the topic taxonomy, foreign-law and wrong-citation patterns. Embedded
//! from `data/rules.json` and replaceable by a user file (`--rules`).
//!
//! The code holds no lexicon: every word qostil looks for is here, as a
//! pattern of word stems. Pattern syntax (one string):
//! - `stem` matches a word that starts with the stem (Kazakh is
//!   agglutinative: `құқы` matches «құқығы», «құқықтарын»);
//! - `=word` matches that word only;
//! - `a|b|=c` matches any of the alternatives;
//! - `*` (up to 3 words) or `*N` (up to N) between two words is a gap.
//!
//! Words are compared after [`Folding`]: lower case, the letters of the
//! `fold` table merged (ң→н, қ→к, ө→о, …, so that OCR and keyboard damage
//! does not hide a word) and, in a word that mixes scripts, Latin
//! look-alikes read as Cyrillic.
//!
//! Invariants after [`LegalRules::parse`]: ids are unique and snake_case
//! within each list; every right, extra right, disclosure and topic has at
//! least one Kazakh and one Russian pattern; every pattern starts and ends
//! with a word; stems are folded like the text they are matched against.
//! Errors name the file, the line (where the value can be found) and the
//! field, e.g. `rights[2].kk[1]`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{ClauseKind, EntityKind, Lang, Severity};
use crate::tokens::is_cyrillic;

/// The legal rules shipped with qostil.
pub const RULES: &str = include_str!("../../data/rules.json");

/// The layout version of the rules file this build reads.
pub const RULES_SCHEMA: u32 = 1;

/// The gap `*` stands for, in words.
pub const DEFAULT_GAP: usize = 3;
/// The widest gap a pattern may ask for: a Kazakh sentence puts its verb
/// last, often twenty words after its subject («қауіпсіздігі бұзылған
/// жағдайда Ұйым … уәкілетті органға хабарлайды»).
pub const MAX_GAP: usize = 24;

/// One alternative of a word slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    /// Folded text.
    pub text: String,
    /// The whole word must equal `text` (otherwise: start with it).
    pub exact: bool,
    /// Its number in [`LegalRules::stems`], which finds it in a word
    /// without comparing text; [`UNINDEXED`] for a stem compiled outside
    /// a rules file (compared by text).
    pub id: u32,
}

/// The id of a stem that no [`StemIndex`] holds.
pub const UNINDEXED: u32 = u32::MAX;

/// Every stem of a rules file in a trie over its characters: a word's
/// stems (those it starts with, and those it equals) in one walk down the
/// word, instead of comparing it with each of the file's ~2,000 stems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StemIndex {
    nodes: Vec<StemNode>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct StemNode {
    /// Children by character, sorted.
    next: Vec<(char, u32)>,
    /// Stems that end here and match any word going on (prefix stems).
    starts: Vec<u32>,
    /// Stems that end here and match only a word ending here.
    whole: Vec<u32>,
}

impl Default for StemIndex {
    fn default() -> StemIndex {
        StemIndex {
            nodes: vec![StemNode::default()],
        }
    }
}

impl StemIndex {
    fn insert(&mut self, stem: &Stem) {
        let mut at = 0usize;
        for c in stem.text.chars() {
            let node = &self.nodes[at];
            at = match node.next.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => node.next[i].1 as usize,
                Err(i) => {
                    let new = self.nodes.len();
                    self.nodes[at].next.insert(i, (c, new as u32));
                    self.nodes.push(StemNode::default());
                    new
                }
            };
        }
        let node = &mut self.nodes[at];
        if stem.exact {
            node.whole.push(stem.id);
        } else {
            node.starts.push(stem.id);
        }
    }

    /// The ids of the stems a folded word matches, sorted: each prefix
    /// stem it starts with and each whole-word stem it equals.
    pub fn matches(&self, word: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for c in word.chars() {
            let node = &self.nodes[at];
            match node.next.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => at = node.next[i].1 as usize,
                Err(_) => {
                    out.sort_unstable();
                    return out;
                }
            }
            out.extend_from_slice(&self.nodes[at].starts);
        }
        out.extend_from_slice(&self.nodes[at].whole);
        out.sort_unstable();
        out
    }
}

/// Interns the stems of a rules file as it is read: one id for each
/// distinct (text, whole word or not).
#[derive(Default)]
struct StemIds {
    ids: BTreeMap<(String, bool), u32>,
    index: StemIndex,
}

impl StemIds {
    fn assign(&mut self, pattern: &mut Pattern) {
        for slot in &mut pattern.slots {
            let Slot::Word(alts) = slot else { continue };
            for stem in alts {
                let next = self.ids.len() as u32;
                stem.id = *self
                    .ids
                    .entry((stem.text.clone(), stem.exact))
                    .or_insert(next);
                if stem.id == next {
                    self.index.insert(stem);
                }
            }
        }
    }
}

/// Where each pattern of a list may start: the patterns by the ids of
/// their first slot's stems, so a clause is tried only at its words that
/// can open one. Built for a list of `len` patterns; a list changed since
/// is searched pattern by pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstIndex {
    len: usize,
    /// (stem id, pattern), sorted.
    by_stem: Vec<(u32, u32)>,
    /// The stem ids of `by_stem` as a bit set: most words open no pattern
    /// of a list, and one bit says so.
    opens: Vec<u64>,
    /// Patterns whose first slot has a stem with no id: tried everywhere.
    everywhere: Vec<u32>,
}

impl FirstIndex {
    fn new(patterns: &[Pattern]) -> FirstIndex {
        let mut by_stem = Vec::new();
        let mut everywhere = Vec::new();
        for (p, pattern) in patterns.iter().enumerate() {
            let Some(Slot::Word(alts)) = pattern.slots.first() else {
                everywhere.push(p as u32);
                continue;
            };
            if alts.iter().any(|s| s.id == UNINDEXED) {
                everywhere.push(p as u32);
            } else {
                by_stem.extend(alts.iter().map(|s| (s.id, p as u32)));
            }
        }
        by_stem.sort_unstable();
        by_stem.dedup();
        let mut opens = Vec::new();
        for &(id, _) in &by_stem {
            let (word, bit) = (id as usize / 64, id % 64);
            if opens.len() <= word {
                opens.resize(word + 1, 0u64);
            }
            opens[word] |= 1 << bit;
        }
        FirstIndex {
            len: patterns.len(),
            by_stem,
            opens,
            everywhere,
        }
    }

    /// Whether it was built for a list of `len` patterns.
    pub fn serves(&self, len: usize) -> bool {
        self.len == len
    }

    /// The patterns whose first slot holds stem `id`, in list order.
    pub fn opened_by(&self, id: u32) -> impl Iterator<Item = u32> + '_ {
        let opens = self
            .opens
            .get(id as usize / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0);
        let from = if opens {
            self.by_stem.partition_point(|&(s, _)| s < id)
        } else {
            self.by_stem.len()
        };
        self.by_stem[from..]
            .iter()
            .take_while(move |&&(s, _)| s == id)
            .map(|&(_, p)| p)
    }

    /// The patterns tried at every word.
    pub fn everywhere(&self) -> &[u32] {
        &self.everywhere
    }
}

/// The patterns of one language with their [`FirstIndex`].
#[derive(Debug, Clone, Copy)]
pub struct PatternSet<'a> {
    pub patterns: &'a [Pattern],
    pub first: &'a FirstIndex,
}

/// A position of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// One word matching any of the stems.
    Word(Vec<Stem>),
    /// Up to this many words of any kind.
    Gap(usize),
}

/// A compiled pattern. Invariant: `slots` starts and ends with a word and
/// has no two gaps in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The pattern as written in the rules file.
    pub source: String,
    pub slots: Vec<Slot>,
}

/// Patterns per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patterns {
    pub kk: Vec<Pattern>,
    pub ru: Vec<Pattern>,
    /// Where the Kazakh and the Russian patterns may start.
    pub first: [FirstIndex; 2],
}

impl Patterns {
    /// The patterns of `kk` and `ru`, indexed by their first stems.
    pub fn new(kk: Vec<Pattern>, ru: Vec<Pattern>) -> Patterns {
        let first = [FirstIndex::new(&kk), FirstIndex::new(&ru)];
        Patterns { kk, ru, first }
    }

    pub fn get(&self, lang: Lang) -> &[Pattern] {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::Other => &[],
        }
    }

    /// The patterns of a language with their first-stem index.
    pub fn set(&self, lang: Lang) -> PatternSet<'_> {
        PatternSet {
            patterns: self.get(lang),
            first: &self.first[usize::from(lang == Lang::Ru)],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kk.is_empty() && self.ru.is_empty()
    }
}

/// A disclosure that must say more than that it exists, e.g. cross-border
/// transfer only to states that protect personal data (Art. 16).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub patterns: Patterns,
    /// Where one of these stands in the mention's clause, the act is
    /// denied («не осуществляет трансграничную передачу»): nothing to
    /// require.
    pub denied: Patterns,
    /// What the law asks, for the finding.
    pub message: String,
    pub severity: Severity,
}

/// A checklist item, topic or red-flag pattern set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// A short English description.
    pub name: String,
    /// Where the law says it, e.g. `Art. 24(1)(2)`.
    pub article: Option<String>,
    /// The version of the law the item was checked against.
    pub law_version: String,
    /// Severity of a finding about this item (missing right, foreign law…).
    pub severity: Severity,
    pub patterns: Patterns,
    /// A match is void when a match of one of these overlaps it: its words
    /// belong to another construction (e.g. «Политика конфиденциальности»
    /// is the document's name, not a security measure).
    pub unless: Patterns,
    /// Passages anywhere in the document that limit the item.
    pub restricted_by: Patterns,
    /// What a mention of the item must also say.
    pub requires: Option<Requirement>,
    /// Clause kinds that carry the item whatever their words (a glossary
    /// entry is a definition).
    pub clause_kinds: Vec<ClauseKind>,
    /// Entities that carry the item (an e-mail address is a contact).
    pub entities: Vec<EntityKind>,
    /// (Topics) the topic holds wherever a right of the checklist is
    /// granted.
    pub rights: bool,
    /// Words of a transfer («передаются», «беріледі») that, in a sentence
    /// naming a foreign state ([`LegalRules::countries`]), make a mention.
    pub to_country: Patterns,
    /// Details that make a mention only in the item's context.
    pub in_context: Option<InContext>,
}

/// A disclosure made in two parts: its context («вправе отозвать
/// согласие», a section «Порядок отзыва согласия», a lead-in «Согласие
/// можно отозвать:») and a detail that alone says little («подав письменное
/// заявление», «в личном кабинете», an e-mail address). The detail is a
/// mention when the context stands in the same clause, in its lead-in, its
/// parent clause or its section heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InContext {
    pub context: Patterns,
    pub details: Patterns,
    /// Entities that are details (an e-mail address to write to).
    pub entities: Vec<EntityKind>,
}

/// A foreign state as policies name it («Республика Беларусь», «Беларусь
/// Республикасы», «белорусский»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The state's short English name, for messages.
    pub name: String,
    /// One-word patterns (stems) per language.
    pub patterns: Patterns,
}

/// The law a policy is expected to cite, and how it is cited correctly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawCitation {
    pub id: String,
    pub name: String,
    /// The number, e.g. `94-V`.
    pub number: String,
    /// The date of adoption, `YYYY-MM-DD`.
    pub date: String,
    /// The official title in each language, for messages.
    pub title_kk: String,
    pub title_ru: String,
    /// Patterns that recognise the title.
    pub titles: Patterns,
    pub law_version: String,
    pub severity: Severity,
}

/// How words are compared: see the module documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folding {
    pub fold: BTreeMap<char, char>,
    pub homoglyphs: BTreeMap<char, char>,
}

impl Folding {
    /// The folded form of one word (a run of letters and digits).
    pub fn word(&self, w: &str) -> String {
        let lower: Vec<char> = w.chars().flat_map(crate::tokens::lower_char).collect();
        let mixed =
            lower.iter().any(|&c| is_cyrillic(c)) && lower.iter().any(|c| c.is_ascii_alphabetic());
        lower
            .into_iter()
            .map(|c| {
                let c = if mixed {
                    self.homoglyphs.get(&c).copied().unwrap_or(c)
                } else {
                    c
                };
                self.fold.get(&c).copied().unwrap_or(c)
            })
            .collect()
    }
}

/// Everything the legal stage reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LegalRules {
    /// The version of the law the whole file was checked against.
    pub law_version: String,
    pub folding: Folding,
    /// Every stem of the file's patterns, for [`StemIndex::matches`].
    pub stems: StemIndex,
    /// Expressions that grant rights: «имеет право», «құқылы», «право на».
    pub holders: Patterns,
    /// The data subject named as the one who acts: «пользователь», «сіз».
    pub agents: Patterns,
    /// The operator named as the one who acts: «МФО», «МҚҰ», «мы».
    pub operators: Patterns,
    /// Conditions that restrict a right where they share its sentence
    /// («при условии выполнения всех обязательств»).
    pub conditions: Patterns,
    /// A duty of the one who acts («обязуется», «несет ответственность»,
    /// «міндетті»): said of the data subject, the sentence grants no right.
    pub duties: Patterns,
    /// Headings of a glossary section («Термины и определения»,
    /// «Негізгі ұғымдар»): its clauses define words and disclose nothing.
    pub definitions: Patterns,
    /// Grants that name their holder as the data subject themselves
    /// («ваши права», «құқықтарыңыз», «права субъекта»): never the
    /// operator's, whoever stands before them.
    pub own_grants: Patterns,
    /// Words that open a follow-up to the clause before («Для этого…»,
    /// «Ол үшін…», «Как это сделать?»): a disclosure told there is read in
    /// the context the clause before sets.
    pub follows: Patterns,
    /// A table's column header that names the data subject's rights, and
    /// nothing else («Право», «Ваши права», «Құқық»): the numbered rows
    /// under it are the subject's rights, whatever case they open in.
    pub rights_headers: Patterns,
    /// Foreign states, for transfers named by country; Kazakhstan is not
    /// among them.
    pub countries: Vec<Country>,
    pub rights: Vec<Item>,
    pub extra_rights: Vec<Item>,
    pub disclosures: Vec<Item>,
    pub topics: Vec<Item>,
    pub foreign_law: Vec<Item>,
    pub citations: Vec<LawCitation>,
}

// ---- the file layout ------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLang {
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    holders: RawLang,
    agents: RawLang,
    operators: RawLang,
    #[serde(default)]
    duties: Option<RawLang>,
    #[serde(default)]
    definitions: Option<RawLang>,
    #[serde(default)]
    own_grants: Option<RawLang>,
    #[serde(default)]
    follows: Option<RawLang>,
    #[serde(default)]
    rights_headers: Option<RawLang>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    name: String,
    kk: Vec<String>,
    ru: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInContext {
    context: RawLang,
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    entities: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    denied: Option<RawLang>,
    message: String,
    #[serde(default)]
    severity: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    name: String,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    law_version: Option<String>,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    unless: Option<RawLang>,
    #[serde(default)]
    restricted_by: Option<RawLang>,
    #[serde(default)]
    requires: Option<RawRequirement>,
    #[serde(default)]
    clause_kinds: Vec<String>,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    rights: bool,
    #[serde(default)]
    to_country: Option<RawLang>,
    #[serde(default)]
    in_context: Option<RawInContext>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCitation {
    id: String,
    name: String,
    number: String,
    date: String,
    title_kk: String,
    title_ru: String,
    titles: RawLang,
    #[serde(default)]
    law_version: Option<String>,
    #[serde(default)]
    severity: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    schema: u32,
    law_version: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    fold: BTreeMap<String, String>,
    homoglyphs: BTreeMap<String, String>,
    context: RawContext,
    restriction_conditions: RawLang,
    #[serde(default)]
    countries: Vec<RawCountry>,
    rights: Vec<RawItem>,
    extra_rights: Vec<RawItem>,
    disclosures: Vec<RawItem>,
    topics: Vec<RawItem>,
    foreign_law: Vec<RawItem>,
    law_citations: Vec<RawCitation>,
}

// ---- validation -----------------------------------------------------------

/// Builds errors that name the file, the field and, where the offending
/// value can be found in the text, its line.
struct Ctx<'a> {
    name: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    /// An error about `field`, located at the first line holding `value`
    /// (a JSON string as written), if any.
    fn err(&self, field: &str, value: Option<&str>, msg: impl std::fmt::Display) -> Error {
        let e = Error::new(self.name, ErrorKind::Rules(format!("{field}: {msg}")));
        match value.and_then(|v| self.line_of(v)) {
            Some(line) => e.at_line(line),
            None => e,
        }
    }

    fn line_of(&self, value: &str) -> Option<usize> {
        let quoted = serde_json::to_string(value).ok()?;
        let at = self.text.find(&quoted)?;
        Some(self.text[..at].matches('\n').count() + 1)
    }

    fn single_char(&self, field: &str, s: &str) -> Result<char> {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(self.err(field, Some(s), format!("«{s}» must be one character"))),
        }
    }
}

/// Compile one pattern; the error says what is wrong with it.
pub fn compile(source: &str, folding: &Folding) -> std::result::Result<Pattern, String> {
    let mut slots: Vec<Slot> = Vec::new();
    for tok in source.split_whitespace() {
        if let Some(n) = tok.strip_prefix('*') {
            let n = if n.is_empty() {
                DEFAULT_GAP
            } else {
                n.parse::<usize>()
                    .map_err(|_| format!("«{tok}» is not a gap (write * or *N)"))?
            };
            if n == 0 || n > MAX_GAP {
                return Err(format!("gap «{tok}» must be between 1 and {MAX_GAP} words"));
            }
            if !matches!(slots.last(), Some(Slot::Word(_))) {
                return Err("a gap must stand between two words".into());
            }
            slots.push(Slot::Gap(n));
            continue;
        }
        let mut alts = Vec::new();
        for alt in tok.split('|') {
            let (exact, body) = match alt.strip_prefix('=') {
                Some(b) => (true, b),
                None => (false, alt),
            };
            if body.is_empty() {
                return Err(format!("«{tok}» has an empty alternative"));
            }
            if let Some(bad) = body.chars().find(|c| !c.is_alphanumeric()) {
                return Err(format!(
                    "«{body}» contains «{bad}», which never occurs inside a word \
                     (text is split into words at punctuation and hyphens: write two stems)"
                ));
            }
            alts.push(Stem {
                text: folding.word(body),
                exact,
                id: UNINDEXED,
            });
        }
        slots.push(Slot::Word(alts));
    }
    match slots.last() {
        None => Err("the pattern is empty".into()),
        Some(Slot::Gap(_)) => Err("a pattern cannot end with a gap".into()),
        Some(Slot::Word(_)) => Ok(Pattern {
            source: source.to_string(),
            slots,
        }),
    }
}

fn severity(ctx: &Ctx, field: &str, s: Option<&str>, default: Severity) -> Result<Severity> {
    match s {
        None => Ok(default),
        Some(s) => Severity::parse(s).ok_or_else(|| {
            ctx.err(
                field,
                Some(s),
                format!("unknown severity «{s}» (use info, low, medium or high)"),
            )
        }),
    }
}

fn clause_kind(s: &str) -> Option<ClauseKind> {
    Some(match s {
        "preamble" => ClauseKind::Preamble,
        "heading" => ClauseKind::Heading,
        "numbered" => ClauseKind::Numbered,
        "item" => ClauseKind::Item,
        "bullet" => ClauseKind::Bullet,
        "paragraph" => ClauseKind::Paragraph,
        "definition" => ClauseKind::Definition,
        _ => return None,
    })
}

fn entity_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "number" => EntityKind::Number,
        "email" => EntityKind::Email,
        "url" => EntityKind::Url,
        "date" => EntityKind::Date,
        "latin" => EntityKind::Latin,
        "law" => EntityKind::Law,
        "phone" => EntityKind::Phone,
        _ => return None,
    })
}

/// Entity kinds by their snake_case names.
fn entity_kinds(ctx: &Ctx, field: &str, names: &[String]) -> Result<Vec<EntityKind>> {
    names
        .iter()
        .map(|k| {
            entity_kind(k)
                .ok_or_else(|| ctx.err(field, Some(k), format!("unknown entity kind «{k}»")))
        })
        .collect()
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

struct Builder<'a> {
    ctx: Ctx<'a>,
    folding: Folding,
    law_version: String,
    stems: std::cell::RefCell<StemIds>,
}

impl Builder<'_> {
    fn list(&self, field: &str, sources: &[String]) -> Result<Vec<Pattern>> {
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut p = compile(s, &self.folding)
                    .map_err(|m| self.ctx.err(&format!("{field}[{i}]"), Some(s), m))?;
                self.stems.borrow_mut().assign(&mut p);
                Ok(p)
            })
            .collect()
    }

    fn lang(&self, field: &str, kk: &[String], ru: &[String]) -> Result<Patterns> {
        Ok(Patterns::new(
            self.list(&format!("{field}.kk"), kk)?,
            self.list(&format!("{field}.ru"), ru)?,
        ))
    }

    fn raw_lang(&self, field: &str, raw: Option<&RawLang>) -> Result<Patterns> {
        match raw {
            None => Ok(Patterns::default()),
            Some(r) => self.lang(field, &r.kk, &r.ru),
        }
    }

    /// Items of one list; `bilingual` demands patterns in both languages.
    fn items(
        &self,
        list: &str,
        raw: &[RawItem],
        bilingual: bool,
        default: Severity,
    ) -> Result<Vec<Item>> {
        let mut out: Vec<Item> = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let field = format!("{list}[{i}]");
            let ctx = &self.ctx;
            if !valid_id(&r.id) {
                return Err(ctx.err(
                    &format!("{field}.id"),
                    Some(&r.id),
                    format!("«{}» is not a snake_case id", r.id),
                ));
            }
            if out.iter().any(|x| x.id == r.id) {
                return Err(ctx.err(
                    &format!("{field}.id"),
                    Some(&r.id),
                    format!("duplicate id «{}» in {list}", r.id),
                ));
            }
            let _ = &r.note;
            let patterns = self.lang(&field, &r.kk, &r.ru)?;
            let needs_words = r.clause_kinds.is_empty() && r.entities.is_empty() && !r.rights;
            if bilingual && (patterns.kk.is_empty() || patterns.ru.is_empty()) && needs_words {
                return Err(ctx.err(
                    &field,
                    Some(&r.id),
                    format!(
                        "«{}» needs both Kazakh (kk) and Russian (ru) patterns",
                        r.id
                    ),
                ));
            }
            if patterns.is_empty() && needs_words {
                return Err(ctx.err(&field, Some(&r.id), format!("«{}» has no patterns", r.id)));
            }
            let requires = match &r.requires {
                None => None,
                Some(q) => {
                    let f = format!("{field}.requires");
                    let patterns = self.lang(&f, &q.kk, &q.ru)?;
                    if patterns.is_empty() {
                        return Err(ctx.err(&f, Some(&q.message), "has no patterns"));
                    }
                    Some(Requirement {
                        patterns,
                        denied: self.raw_lang(&format!("{f}.denied"), q.denied.as_ref())?,
                        message: q.message.clone(),
                        severity: severity(
                            ctx,
                            &format!("{f}.severity"),
                            q.severity.as_deref(),
                            Severity::Medium,
                        )?,
                    })
                }
            };
            let mut clause_kinds = Vec::new();
            for k in &r.clause_kinds {
                clause_kinds.push(clause_kind(k).ok_or_else(|| {
                    ctx.err(
                        &format!("{field}.clause_kinds"),
                        Some(k),
                        format!("unknown clause kind «{k}»"),
                    )
                })?);
            }
            let entities = entity_kinds(ctx, &format!("{field}.entities"), &r.entities)?;
            let in_context = match &r.in_context {
                None => None,
                Some(c) => {
                    let f = format!("{field}.in_context");
                    let context =
                        self.lang(&format!("{f}.context"), &c.context.kk, &c.context.ru)?;
                    let details = self.lang(&f, &c.kk, &c.ru)?;
                    if context.is_empty() || (details.is_empty() && c.entities.is_empty()) {
                        return Err(ctx.err(&f, Some(&r.id), "needs a context and details"));
                    }
                    Some(InContext {
                        context,
                        details,
                        entities: entity_kinds(ctx, &format!("{f}.entities"), &c.entities)?,
                    })
                }
            };
            out.push(Item {
                id: r.id.clone(),
                name: r.name.clone(),
                article: r.article.clone(),
                law_version: r
                    .law_version
                    .clone()
                    .unwrap_or_else(|| self.law_version.clone()),
                severity: severity(
                    ctx,
                    &format!("{field}.severity"),
                    r.severity.as_deref(),
                    default,
                )?,
                unless: self.raw_lang(&format!("{field}.unless"), r.unless.as_ref())?,
                restricted_by: self
                    .raw_lang(&format!("{field}.restricted_by"), r.restricted_by.as_ref())?,
                patterns,
                requires,
                clause_kinds,
                entities,
                rights: r.rights,
                to_country: self.raw_lang(&format!("{field}.to_country"), r.to_country.as_ref())?,
                in_context,
            });
        }
        Ok(out)
    }

    fn citations(&self, raw: &[RawCitation]) -> Result<Vec<LawCitation>> {
        let mut out: Vec<LawCitation> = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let field = format!("law_citations[{i}]");
            let ctx = &self.ctx;
            if !valid_id(&r.id) || out.iter().any(|x| x.id == r.id) {
                return Err(ctx.err(
                    &format!("{field}.id"),
                    Some(&r.id),
                    format!("«{}» is not a unique snake_case id", r.id),
                ));
            }
            let number_ok = r.number.split_once('-').is_some_and(|(n, roman)| {
                !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_digit())
                    && !roman.is_empty()
                    && roman.chars().all(|c| "IVXLC".contains(c))
            });
            if !number_ok {
                return Err(ctx.err(
                    &format!("{field}.number"),
                    Some(&r.number),
                    format!("«{}» is not a law number like 94-V", r.number),
                ));
            }
            let d: Vec<&str> = r.date.split('-').collect();
            let date_ok = d.len() == 3
                && [4, 2, 2]
                    .iter()
                    .zip(&d)
                    .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_digit()));
            if !date_ok {
                return Err(ctx.err(
                    &format!("{field}.date"),
                    Some(&r.date),
                    format!("«{}» is not a date like 2013-05-21", r.date),
                ));
            }
            let titles = self.lang(&format!("{field}.titles"), &r.titles.kk, &r.titles.ru)?;
            if titles.kk.is_empty() || titles.ru.is_empty() {
                return Err(ctx.err(
                    &format!("{field}.titles"),
                    Some(&r.id),
                    "needs title patterns in both kk and ru",
                ));
            }
            out.push(LawCitation {
                id: r.id.clone(),
                name: r.name.clone(),
                number: r.number.clone(),
                date: r.date.clone(),
                title_kk: r.title_kk.clone(),
                title_ru: r.title_ru.clone(),
                titles,
                law_version: r
                    .law_version
                    .clone()
                    .unwrap_or_else(|| self.law_version.clone()),
                severity: severity(
                    ctx,
                    &format!("{field}.severity"),
                    r.severity.as_deref(),
                    Severity::High,
                )?,
            });
        }
        Ok(out)
    }
}

impl LegalRules {
    /// Parse and validate a rules file; `name` is used in errors.
    pub fn parse(name: &str, text: &str) -> Result<LegalRules> {
        let raw: RawRules = serde_json::from_str(text).map_err(|e| {
            Error::new(name, ErrorKind::Rules(format!("invalid rules file: {e}"))).at_line(e.line())
        })?;
        let ctx = Ctx { name, text };
        if raw.schema != RULES_SCHEMA {
            return Err(ctx.err(
                "schema",
                None,
                format!(
                    "this qostil reads rules schema {RULES_SCHEMA}, the file is schema {}",
                    raw.schema
                ),
            ));
        }
        if raw.law_version.trim().is_empty() {
            return Err(ctx.err("law_version", None, "must name the version of the law"));
        }
        let mut folding = Folding::default();
        for (k, v) in &raw.fold {
            let f = format!("fold.{k}");
            let (a, b) = (ctx.single_char(&f, k)?, ctx.single_char(&f, v)?);
            folding.fold.insert(a, b);
        }
        for (k, v) in &raw.homoglyphs {
            let f = format!("homoglyphs.{k}");
            let (a, b) = (ctx.single_char(&f, k)?, ctx.single_char(&f, v)?);
            if !a.is_ascii_lowercase() {
                return Err(ctx.err(&f, Some(k), "homoglyph keys are lower-case Latin letters"));
            }
            folding.homoglyphs.insert(a, b);
        }
        let b = Builder {
            ctx,
            folding,
            law_version: raw.law_version.clone(),
            stems: Default::default(),
        };
        let c = &raw.context;
        let mut rules = LegalRules {
            law_version: raw.law_version.clone(),
            holders: b.lang("context.holders", &c.holders.kk, &c.holders.ru)?,
            agents: b.lang("context.agents", &c.agents.kk, &c.agents.ru)?,
            operators: b.lang("context.operators", &c.operators.kk, &c.operators.ru)?,
            conditions: b.lang(
                "restriction_conditions",
                &raw.restriction_conditions.kk,
                &raw.restriction_conditions.ru,
            )?,
            duties: b.raw_lang("context.duties", c.duties.as_ref())?,
            definitions: b.raw_lang("context.definitions", c.definitions.as_ref())?,
            own_grants: b.raw_lang("context.own_grants", c.own_grants.as_ref())?,
            follows: b.raw_lang("context.follows", c.follows.as_ref())?,
            rights_headers: b.raw_lang("context.rights_headers", c.rights_headers.as_ref())?,
            countries: raw
                .countries
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    Ok(Country {
                        name: k.name.clone(),
                        patterns: b.lang(&format!("countries[{i}]"), &k.kk, &k.ru)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?,
            rights: b.items("rights", &raw.rights, true, Severity::High)?,
            extra_rights: b.items("extra_rights", &raw.extra_rights, true, Severity::Info)?,
            disclosures: b.items("disclosures", &raw.disclosures, true, Severity::Medium)?,
            topics: b.items("topics", &raw.topics, true, Severity::Info)?,
            foreign_law: b.items("foreign_law", &raw.foreign_law, false, Severity::High)?,
            citations: b.citations(&raw.law_citations)?,
            folding: b.folding.clone(),
            stems: StemIndex::default(),
        };
        rules.stems = b.stems.into_inner().index;
        Ok(rules)
    }

    /// The shipped rules, `data/rules.json` compiled into the binary.
    ///
    /// # Panics
    /// If the embedded file does not parse: a build defect, never an input
    /// error (`builtin_rules_are_valid_and_complete` checks it). Empty rules
    /// in its place would report every right as missing.
    pub fn builtin() -> LegalRules {
        match LegalRules::parse("data/rules.json", RULES) {
            Ok(rules) => rules,
            Err(e) => panic!("the embedded data/rules.json is invalid: {e}"),
        }
    }

    /// The folded stems of every foreign state's name, both languages
    /// (for the corpus comparison's transfer countries).
    pub fn country_stems(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.countries {
            for p in c.patterns.kk.iter().chain(&c.patterns.ru) {
                for slot in &p.slots {
                    if let Slot::Word(stems) = slot {
                        out.extend(stems.iter().map(|s| s.text.as_str()));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A checklist item or topic by id, in any list.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.rights
            .iter()
            .chain(&self.extra_rights)
            .chain(&self.disclosures)
            .chain(&self.topics)
            .chain(&self.foreign_law)
            .find(|i| i.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rights of Art. 24(1) of Law 94-V, by the ids LAW.md gives them.
    const RIGHTS: [&str; 8] = [
        "know",
        "change",
        "block",
        "destroy",
        "withdraw_consent",
        "public_sources",
        "protection",
        "other",
    ];

    #[test]
    fn builtin_rules_are_valid_and_complete() {
        let r = LegalRules::parse("data/rules.json", RULES).unwrap();
        let ids: Vec<&str> = r.rights.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, RIGHTS);
        for extra in [
            "access",
            "objection",
            "portability",
            "free_information",
            "restriction_of_processing",
        ] {
            assert!(r.extra_rights.iter().any(|i| i.id == extra), "{extra}");
        }
        for d in [
            "retention_period",
            "storage_in_kz",
            "cross_border",
            "contact_for_requests",
            "withdrawal_procedure",
            "security_measures",
            "third_parties",
            "breach_notification",
            "automated_decisions",
            "responsible_person",
        ] {
            assert!(r.disclosures.iter().any(|i| i.id == d), "{d}");
        }
        assert_eq!(r.topics.len(), 17);
        assert!(!r.foreign_law.is_empty());
        assert_eq!(r.citations[0].number, "94-V");
        for i in r.rights.iter().chain(&r.disclosures) {
            assert!(!i.law_version.is_empty(), "{}", i.id);
        }
    }

    #[test]
    fn folding_merges_kazakh_letters_and_look_alikes() {
        let f = LegalRules::builtin().folding;
        assert_eq!(f.word("ҚҰҚЫҒЫ"), f.word("кукыгы"));
        assert_eq!(f.word("өңдеу"), f.word("ондеу"));
        // A Latin «c» inside a Cyrillic word reads as Cyrillic «с».
        assert_eq!(f.word("Cайта"), "сайта");
        // A Latin word stays Latin.
        assert_eq!(f.word("Cookie"), "cookie");
    }

    #[test]
    fn the_stem_index_finds_prefix_stems_and_whole_words() {
        let rules = LegalRules::builtin();
        let id = |text: &str, exact: bool| {
            let mut found = None;
            let all = [&rules.holders, &rules.agents, &rules.operators];
            for p in all.iter().flat_map(|p| p.kk.iter().chain(&p.ru)) {
                for slot in &p.slots {
                    if let Slot::Word(alts) = slot {
                        for s in alts {
                            if s.text == text && s.exact == exact {
                                found = Some(s.id);
                            }
                        }
                    }
                }
            }
            found.unwrap_or_else(|| panic!("no stem {text}"))
        };
        // Every stem of the file has an id, one per (text, whole word).
        let stems: Vec<u32> = rules.stems.matches("имеете");
        assert!(stems.contains(&id("имеете", false)), "{stems:?}");
        assert!(stems.windows(2).all(|w| w[0] < w[1]));
        // A whole-word stem matches only the word it equals.
        assert!(rules.stems.matches("вправе").contains(&id("вправе", true)));
        assert!(!rules.stems.matches("вправев").contains(&id("вправе", true)));
        assert!(!rules.stems.matches("имеет").contains(&id("имеете", false)));
        assert!(rules.stems.matches("").is_empty());
        let mut index = StemIndex::default();
        for (i, (text, exact)) in [("от", true), ("отзыв", false), ("о", false)]
            .into_iter()
            .enumerate()
        {
            index.insert(&Stem {
                text: text.into(),
                exact,
                id: i as u32,
            });
        }
        assert_eq!(index.matches("от"), vec![0, 2]);
        assert_eq!(index.matches("отзыва"), vec![1, 2]);
        assert_eq!(index.matches("отз"), vec![2]);
        assert_eq!(index.matches("ответ"), vec![2]);
        assert_eq!(index.matches("да"), Vec::<u32>::new());
    }

    #[test]
    fn patterns_compile() {
        let f = Folding::default();
        let p = compile("отозва|=отзыв * согласи", &f).unwrap();
        assert_eq!(p.slots.len(), 3);
        assert_eq!(p.slots[1], Slot::Gap(DEFAULT_GAP));
        match &p.slots[0] {
            Slot::Word(alts) => assert!(alts[1].exact && alts[1].text == "отзыв"),
            Slot::Gap(_) => panic!("a word expected"),
        }
        assert_eq!(compile("a *5 b", &f).unwrap().slots[1], Slot::Gap(5));
        for bad in [
            "",
            "* a",
            "a *",
            "a * * b",
            "a *99 b",
            "кері-шақыр",
            "a || b",
        ] {
            assert!(compile(bad, &f).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let good = RULES;
        let bad = good.replacen("\"знать * налич", "\"знать * налич-", 1);
        assert_ne!(good, bad);
        let e = LegalRules::parse("my.json", &bad).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("my.json, line "), "{msg}");
        assert!(msg.contains("rights[0].ru["), "{msg}");
        let line = e.line.unwrap();
        assert!(bad.lines().nth(line - 1).unwrap().contains("налич-"));
        let e = LegalRules::parse("my.json", "{\"schema\": 1,\n \"nope\": 2}").unwrap_err();
        assert!(e.line.is_some());
        let dup = good.replacen("\"id\": \"change\"", "\"id\": \"know\"", 1);
        let e = LegalRules::parse("my.json", &dup).unwrap_err();
        assert!(e.to_string().contains("duplicate id «know»"), "{e}");
    }
}
