//! The legal reading of a document: topics of every clause, which rights of
//! the data subject (Art. 24 of Law 94-V) and which disclosures each
//! language version contains, and passages the rules flag (a foreign law,
//! the law cited with a wrong number, date or title, a disclosure that
//! misstates the obligation). All words come from the rules data
//! ([`LegalRules`]); this module only matches them.
//!
//! This is the `extract` stage of ARCHITECTURE.md for topics and rights,
//! kept apart from `extract` (entities of one text) because it reads the
//! clause structure: lead-ins, parents, section headings. It reads only
//! the clauses and the rules; judging what it found is `check::legal`'s.
//!
//! How a clause is read:
//! - Its text is cut into words (runs of letters and digits), folded like
//!   the patterns, and into sentences at `.`, `;`, `!`, `?` followed by a
//!   space. A pattern never spans two sentences.
//! - A clause belongs to a lead-in: a bullet, or a paragraph that continues
//!   a list (it starts in lower case or with a dash), is cited by the clause
//!   whose list it completes («7.1. … имеет право:» → `7.1`).
//! - A right counts only in a rights context: a grant («имеет право»,
//!   «құқылы») in the clause, its lead-in, its parent number or its section
//!   heading that is not the operator's («МФО вправе», or the company
//!   called by its own name, «ТОО «Алтын Несие» вправе», «Алтын Несие
//!   вправе»), or the data subject named as the one who acts earlier in
//!   the same sentence. «Уничтожение»
//!   among security measures is not the right to destruction. Context also
//!   comes from an unnumbered lead-in ending in «:» over the paragraphs,
//!   rows and bullets after it, from a numbered question over its answer,
//!   and from a sibling that announces the table below it in words; items
//!   under the operator's lead-in («23) Ұйым:») are the operator's. An
//!   operator after a preposition or a genitive head («в МФО», «действия
//!   МФО», «МҚҰ-ның әрекеттеріне») does not act.
//! - A clause that grants rights by pointing at the clauses defining them
//!   («пп. 1.3–1.5 и 1.7») grants what those definitions name; the
//!   mention cites the definition.
//! - A sentence that lays a duty on the data subject («Клиент обязуется…»,
//!   «… несет ответственность», «Пайдаланушы … міндетті») grants nothing,
//!   whatever its section heading says; the operator's duty («МФО обязано
//!   предоставить сведения») still gives the subject the right.
//! - A glossary (a definition, or any clause of a section whose heading
//!   announces terms) defines words: it grants no right and makes no
//!   disclosure unless the item says definitions carry it.
//! - A transfer named only by its country («страховой компании в
//!   Республике Беларусь») is a cross-border mention; the states are the
//!   rules' `countries`. A safeguard is not demanded of a clause that
//!   denies the transfer, and the demand names the states the clauses
//!   name.
//! - Topics: where matches of different topics overlap, the longer match
//!   wins («согласие на сбор» is about the legal basis, not collection). A
//!   list member also takes the topic its lead-in announces (the topic of
//!   the lead-in's last match: «… в следующих целях:» → purposes). A topic
//!   may be declared to hold wherever a right is granted.
//!
//! Invariants: `Legal::topics` has one entry per clause; coverage items
//! follow the order of the rules; mentions are in clause order (Kazakh
//! clauses come first) with at most one per clause; every hit's byte range
//! lies on character boundaries of its clause's text.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::check::meaning::polarity::kk_negated_verb;

use crate::model::{
    Clause, ClauseKind, Coverage, Entity, EntityKind, FindingKind, Flag, Hit, Lang, Legal, Mention,
    Presence, TopicHit,
};
use crate::rules::legal::{
    Item, LawCitation, LegalRules, Pattern, PatternSet, Patterns, Slot, Stem, UNINDEXED,
};
use crate::tokens::{Class, is_abbreviation, tokens};

/// A word of a clause, folded, with its byte range and sentence number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    /// The ids of the rules' stems it matches, sorted
    /// ([`crate::rules::legal::StemIndex::matches`]).
    pub stems: Vec<u32>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

/// Cut text into folded words, number their sentences, and find the rules'
/// stems each word matches.
pub fn words(text: &str, rules: &LegalRules) -> Vec<Word> {
    let folding = &rules.folding;
    let mut out: Vec<Word> = Vec::new();
    let mut sentence = 0;
    let mut prev_end = 0;
    for (start, end) in tokens(text, Class::Word) {
        // A stop (`.`, `;`, `!`, `?`) then white space between two words
        // starts a sentence; «г. Алматы», «ул. Абая»: an abbreviation's dot
        // ends none.
        let mut stop = false;
        for (off, ch) in text[prev_end..start].char_indices() {
            let abbreviation = ch == '.'
                && off == 0
                && out
                    .last()
                    .is_some_and(|w| w.end == prev_end && is_abbreviation(&text[w.start..w.end]));
            if matches!(ch, '.' | ';' | '!' | '?') && !abbreviation {
                stop = true;
            } else if ch.is_whitespace() && stop {
                sentence += 1;
                break;
            }
        }
        let norm = folding.word(&text[start..end]);
        out.push(Word {
            stems: rules.stems.matches(&norm),
            norm,
            start,
            end,
            sentence,
        });
        prev_end = end;
    }
    out
}

fn stem_ok(stem: &Stem, w: &Word) -> bool {
    if stem.id != UNINDEXED {
        w.stems.binary_search(&stem.id).is_ok()
    } else if stem.exact {
        w.norm == stem.text
    } else {
        w.norm.starts_with(stem.text.as_str())
    }
}

fn word_at(
    slots: &[Slot],
    words: &[Word],
    at: usize,
    sentence: usize,
    acc: &mut Vec<usize>,
) -> bool {
    let Some(Slot::Word(alts)) = slots.first() else {
        return false;
    };
    let Some(w) = words.get(at) else {
        return false;
    };
    if w.sentence != sentence || !alts.iter().any(|s| stem_ok(s, w)) {
        return false;
    }
    acc.push(at);
    if rest(&slots[1..], words, at + 1, sentence, acc) {
        return true;
    }
    acc.pop();
    false
}

fn rest(slots: &[Slot], words: &[Word], at: usize, sentence: usize, acc: &mut Vec<usize>) -> bool {
    match slots.first() {
        None => true,
        Some(Slot::Word(_)) => word_at(slots, words, at, sentence, acc),
        Some(Slot::Gap(n)) => {
            (0..=*n).any(|skip| word_at(&slots[1..], words, at + skip, sentence, acc))
        }
    }
}

/// One match of a pattern: the indices of the words its word slots took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub words: Vec<usize>,
}

impl Match {
    pub fn first(&self) -> usize {
        self.words.first().copied().unwrap_or(0)
    }

    pub fn last(&self) -> usize {
        self.words.last().copied().unwrap_or(0)
    }

    /// Whether two matches share a word (the words a gap skips belong to
    /// neither).
    fn overlaps(&self, other: &Match) -> bool {
        self.words.iter().any(|w| other.words.contains(w))
    }

    /// The evidence in the clause text.
    pub fn hit(&self, text: &str, words: &[Word]) -> Hit {
        Hit {
            start: words[self.first()].start,
            end: words[self.last()].end,
            words: self
                .words
                .iter()
                .map(|&k| text[words[k].start..words[k].end].to_string())
                .collect(),
        }
    }
}

/// Every match of a pattern, by start word (the shortest from each start).
pub fn find(p: &Pattern, words: &[Word]) -> Vec<Match> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let mut acc = Vec::new();
        if word_at(&p.slots, words, i, words[i].sentence, &mut acc) {
            out.push(Match { words: acc });
        }
    }
    out
}

/// Matches of all patterns of a set, ordered by their first and last
/// words (ties: in pattern order). A pattern is tried only at the words
/// its first stems match ([`crate::rules::legal::FirstIndex`]).
fn find_all(set: PatternSet, words: &[Word]) -> Vec<Match> {
    let mut out: Vec<Match> = if set.first.serves(set.patterns.len()) {
        // (pattern, word) in the order `find` pattern by pattern gives.
        let mut starts: Vec<(u32, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            for &id in &w.stems {
                starts.extend(set.first.opened_by(id).map(|p| (p, i)));
            }
        }
        for &p in set.first.everywhere() {
            starts.extend((0..words.len()).map(|i| (p, i)));
        }
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .filter_map(|(p, i)| {
                let mut acc = Vec::new();
                let slots = &set.patterns[p as usize].slots;
                word_at(slots, words, i, words[i].sentence, &mut acc)
                    .then_some(Match { words: acc })
            })
            .collect()
    } else {
        set.patterns.iter().flat_map(|p| find(p, words)).collect()
    };
    out.sort_by_key(|m| (m.first(), m.last()));
    out
}

/// Matches of an item in one clause, without those an `unless` match
/// overlaps (the words belong to another construction).
fn item_matches(item: &Item, lang: Lang, words: &[Word]) -> Vec<Match> {
    let unless = find_all(item.unless.set(lang), words);
    find_all(item.patterns.set(lang), words)
        .into_iter()
        .filter(|m| !unless.iter().any(|u| u.overlaps(m)))
        .collect()
}

/// One clause, read once: its words, entities, and where the data
/// subject and the restriction conditions are named.
struct Read<'a> {
    clause: &'a Clause,
    words: Vec<Word>,
    entities: &'a [Entity],
    agents: Vec<Match>,
    operators: Vec<Match>,
    conditions: Vec<Match>,
    /// Each grant («вправе», «құқылы») and whether it is the subject's
    /// (else the operator's: «МФО вправе уничтожить»).
    grants: Vec<(Match, bool)>,
    /// Sentences that lay a duty on the data subject («Клиент обязуется…»,
    /// «… несет ответственность»): nothing in them is a right.
    duty_sentences: Vec<usize>,
}

/// Where the company's name (its folded words, the last one possibly with
/// a case ending: «Алтын Несиеге») stands in a clause's words.
fn name_matches(name: &[String], words: &[Word]) -> Vec<Match> {
    let Some((last, head)) = name.split_last() else {
        return Vec::new();
    };
    if name.len() < 2 && last.chars().count() < 4 {
        return Vec::new();
    }
    (0..words.len().saturating_sub(name.len() - 1))
        .filter(|&i| {
            head.iter()
                .enumerate()
                .all(|(k, n)| words[i + k].norm == *n)
                && words[i + head.len()].norm.starts_with(last.as_str())
        })
        .map(|i| Match {
            words: (i..i + name.len()).collect(),
        })
        .collect()
}

impl<'a> Read<'a> {
    /// `company` is the folded words of the organisation's name, which
    /// designates the operator like «МФО».
    fn new(
        clause: &'a Clause,
        entities: &'a [Entity],
        rules: &LegalRules,
        company: &[String],
    ) -> Read<'a> {
        let words = words(&clause.text, rules);
        let mut operators = find_all(rules.operators.set(clause.lang), &words);
        operators.extend(name_matches(company, &words));
        // «МҚҰ-да», «МҚҰ-ға», «ЖШС-мен»: the operator in an oblique case
        // is where or to whom, never the one who acts (the genitive
        // «МҚҰ-ның құқығы» still owns a right).
        operators.retain(|m| !oblique_case(&clause.text, words[m.last()].end));
        // «действия МФО можно обжаловать», «в МФО», «МҚҰ-ның әрекеттеріне»:
        // the operator depends on another word and does not act.
        operators.retain(|m| !dependent_operator(&clause.text, &words, m));
        operators.sort_by_key(|m| (m.first(), m.last()));
        let mut r = Read {
            clause,
            entities,
            agents: find_all(rules.agents.set(clause.lang), &words),
            operators,
            conditions: find_all(rules.conditions.set(clause.lang), &words),
            grants: Vec::new(),
            duty_sentences: Vec::new(),
            words,
        };
        let holders = find_all(rules.holders.set(clause.lang), &r.words);
        // Each grant is the subject's or the operator's, decided once.
        let own = find_all(rules.own_grants.set(clause.lang), &r.words);
        r.grants = holders
            .into_iter()
            .map(|h| {
                let subject = own.iter().any(|o| o.overlaps(&h))
                    || holder_is_subject(&r.words, &h, &r.operators, &r.agents);
                (h, subject)
            })
            .collect();
        let subject_grants: Vec<usize> = r
            .grants
            .iter()
            .filter(|(_, subject)| *subject)
            .map(|(h, _)| r.words[h.first()].sentence)
            .collect();
        // A duty in the first person («міндеттенемін», «обязуюсь»; folded
        // words: і is и) is the signer's: in a consent form, the data
        // subject's.
        let first_person = |d: &Match| {
            let w = &r.words[d.first()].norm;
            ["мин", "мын", "юсь", "усь"].iter().any(|e| w.ends_with(e))
        };
        r.duty_sentences = find_all(rules.duties.set(clause.lang), &r.words)
            .iter()
            .filter(|d| agent_acts(&r, d.first()) || first_person(d))
            .map(|d| r.words[d.first()].sentence)
            .filter(|s| !subject_grants.contains(s))
            .collect();
        r
    }

    /// Is the right matched at `m` granted to the operator? Its sentence
    /// has an operator's grant, and the grant nearest to `m` is one
    /// («Если мы нарушили ваши права, вы можете обжаловать…»: the
    /// subject's «вы можете» is nearer than «мы … ваши права»).
    fn operators_grant(&self, m: &Match) -> bool {
        let s = self.words[m.first()].sentence;
        let in_sentence: Vec<&(Match, bool)> = self
            .grants
            .iter()
            .filter(|(h, _)| self.words[h.first()].sentence == s)
            .collect();
        if in_sentence.iter().all(|(_, subject)| *subject) {
            return false;
        }
        let distance = |h: &Match| {
            if h.last() < m.first() {
                m.first() - h.last()
            } else {
                h.first().saturating_sub(m.last())
            }
        };
        in_sentence
            .iter()
            .min_by_key(|(h, _)| distance(h))
            .is_some_and(|(_, subject)| !subject)
    }

    /// The first entity of one of these kinds, as a hit.
    fn entity_hit(&self, kinds: &[EntityKind]) -> Option<Hit> {
        let e = self.entities.iter().find(|e| kinds.contains(&e.kind))?;
        Some(Hit {
            start: e.start,
            end: e.end,
            words: vec![self.clause.text[e.start..e.end].to_string()],
        })
    }
}

/// How the clauses hang together: lead-ins, parents and sections.
struct Structure {
    /// The clause each clause is cited by (itself, or a lead-in).
    owner: Vec<usize>,
    /// Clauses whose grants give this clause a rights context.
    context_from: Vec<Vec<usize>>,
    /// Rows of a rights table under its header, whatever kind the clause
    /// reader gave them (a short row with no stop reads as a heading:
    /// «Уничтожение требовать уничтожения данных если собраны незаконно»).
    row_of_header: Vec<bool>,
}

/// The nearest clause before `i`, in the same language, numbered `number`.
fn numbered_before(clauses: &[Clause], i: usize, number: &str) -> Option<usize> {
    (0..i).rev().find(|&j| {
        clauses[j].lang == clauses[i].lang && clauses[j].number.as_deref() == Some(number)
    })
}

/// The number one level up: `4.2.1` → `4.2`, `3.1(1)` → `3.1`.
fn parent_number(n: &str) -> Option<&str> {
    // «VI(23)(б)» → «VI(23)», «2.1(1)» → «2.1».
    if let Some((p, _)) = n.rsplit_once('(') {
        return Some(p);
    }
    n.rsplit_once('.').map(|(p, _)| p)
}

/// Does the text open as a list member: a lower-case letter or a dash
/// (a bullet too, where `bullet`)?
fn opens_list(text: &str, bullet: bool) -> bool {
    text.chars().next().is_some_and(|ch| {
        ch.is_lowercase() || matches!(ch, '-' | '–' | '—') || (bullet && ch == '•')
    })
}

fn continues_list(c: &Clause) -> bool {
    opens_list(&c.text, false)
}

/// A clause's text after its own number label: «14. – знать …» → «– знать …».
fn body(c: &Clause) -> &str {
    let t = c.text.trim_start();
    match c.number.as_deref() {
        Some(n) if t.starts_with(n) => t[n.len()..]
            .trim_start_matches(|ch: char| matches!(ch, '.' | ')') || ch.is_whitespace()),
        _ => t,
    }
}

/// Does a numbered clause read as a list member, its body opening with a
/// dash, a bullet or a lower-case letter («14. – знать …», a table's rows
/// each numbered by the table's counter)?
fn numbered_member(c: &Clause) -> bool {
    opens_list(body(c), true)
}

/// The unnumbered lead-in of paragraph or bullet `i`: going back over
/// unnumbered paragraphs, bullets and headings (a table's header row) of
/// the same language and parent, at most [`MEMBERS_WITHIN`], the first
/// paragraph that ends in «:» («В отношении своих данных Вы можете:» over
/// «* узнать …», in a text with no clause numbers).
fn unnumbered_lead_in(clauses: &[Clause], i: usize) -> Option<usize> {
    let c = &clauses[i];
    (0..i)
        .rev()
        .filter(|&j| clauses[j].lang == c.lang)
        .take(MEMBERS_WITHIN)
        .take_while(|&j| {
            let b = &clauses[j];
            b.number.is_none()
                && b.parent == c.parent
                && matches!(
                    b.kind,
                    ClauseKind::Paragraph | ClauseKind::Heading | ClauseKind::Bullet
                )
        })
        .find(|&j| {
            clauses[j].kind != ClauseKind::Bullet && clauses[j].text.trim_end().ends_with(':')
        })
}

/// Words by which a clause announces a list or table after it («ниже»,
/// «в таблице», «төмендегі кестеде»), lower-cased.
const ANNOUNCES: &[&str] = &["ниже", "таблиц", "төменде", "кесте"];

/// The sibling before numbered clause `i` (same language, same parent
/// number, at most [`MEMBERS_WITHIN`] back, past unnumbered headers and
/// paragraphs) that announces the table or list below it in words («…
/// перечисленными в таблице ниже.»). A lead-in ending in «:» is
/// [`numbered_lead_in`]'s, which asks its members to read as list items.
/// `None` past a clause of another level.
fn announcing_sibling(clauses: &[Clause], i: usize) -> Option<usize> {
    let c = &clauses[i];
    let parent = c.number.as_deref().map(parent_number)?;
    for j in (0..i)
        .rev()
        .filter(|&j| clauses[j].lang == c.lang)
        .take(MEMBERS_WITHIN)
    {
        let b = &clauses[j];
        let Some(n) = b.number.as_deref() else {
            if b.kind == ClauseKind::Heading && b.parent.is_none() {
                return None;
            }
            continue;
        };
        if parent_number(n) != parent || b.kind == ClauseKind::Heading {
            return None;
        }
        let text = b.text.trim_end();
        let lower = text.to_lowercase();
        if !text.ends_with(':') && ANNOUNCES.iter().any(|w| lower.contains(w)) {
            return Some(j);
        }
    }
    None
}

/// How many clauses back a run of numbered list members may reach for its
/// lead-in.
const MEMBERS_WITHIN: usize = 24;

/// The lead-in of a run of numbered members: walk back over the members
/// before `i` (same language) to the first clause that is none; it is the
/// lead-in if it ends in «:» («13. Клиент имеет право:» over rows
/// «14. – знать …», «15. – требовать …»).
fn numbered_lead_in(clauses: &[Clause], i: usize) -> Option<usize> {
    let lang = clauses[i].lang;
    let mut seen = 0;
    for j in (0..i).rev() {
        if clauses[j].lang != lang {
            continue;
        }
        if numbered_member(&clauses[j]) && seen < MEMBERS_WITHIN {
            seen += 1;
            continue;
        }
        return clauses[j].text.trim_end().ends_with(':').then_some(j);
    }
    None
}

/// Kazakh case endings written after a hyphen on an abbreviation
/// («МҚҰ-да»): locative, dative, ablative, instrumental, accusative.
const OBLIQUE_ENDINGS: &[&str] = &[
    "да", "де", "та", "те", "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен",
    "мен", "бен", "пен", "ны", "ні", "ды", "ді", "ты", "ті",
];

/// Does a hyphen and an oblique case ending follow the word ending at byte
/// `end` of `text`?
fn oblique_case(text: &str, end: usize) -> bool {
    hyphen_ending(text, end).is_some_and(|e| OBLIQUE_ENDINGS.contains(&e.as_str()))
}

/// The case ending written after a hyphen right at byte `end` of `text`
/// («МҚҰ-ның» → «ның»), lower-cased; `None` without a hyphen there.
fn hyphen_ending(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix('-')?;
    Some(
        rest.chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase(),
    )
}

/// Russian prepositions: an operator after one («в МФО», «у МФО», «от
/// оператора») is where, whom or from whom, never the actor.
const RU_PREPOSITIONS: &[&str] = &[
    "в",
    "во",
    "у",
    "к",
    "ко",
    "от",
    "с",
    "со",
    "для",
    "при",
    "о",
    "об",
    "обо",
    "через",
    "перед",
    "против",
    "на",
    "по",
    "из",
    "до",
    "без",
    "между",
    "над",
    "под",
    "за",
];

/// Russian nouns that take the indeclinable «МФО»/«ТОО» as a genitive
/// («действия МФО», «решение МФО», «отказ МФО»): folded stems.
const RU_GENITIVE_HEADS: &[&str] = &["действи", "бездействи", "решени", "отказ"];

/// Kazakh genitive endings after a hyphen («МҚҰ-ның»), as written.
const KK_GENITIVE: &[&str] = &["ның", "нің", "дың", "дің", "тың", "тің"];

/// Does the operator matched at `m` depend on another word instead of
/// acting? In Russian a preposition or a genitive head noun stands right
/// before it («в МФО», «действия МФО»); in Kazakh it is in the genitive
/// («МҚҰ-ның әрекеттеріне») and what it owns is no right or duty («МҚҰ-ның
/// құқығы», «МҚҰ-ның міндеті» still grant or bind the operator). Words are
/// folded (`data/rules.json` `fold`).
fn dependent_operator(text: &str, words: &[Word], m: &Match) -> bool {
    let first = m.first();
    let same_sentence = |k: usize| words[k].sentence == words[first].sentence;
    if first > 0 && same_sentence(first - 1) {
        let before = words[first - 1].norm.as_str();
        if RU_PREPOSITIONS.contains(&before)
            || RU_GENITIVE_HEADS.iter().any(|h| before.starts_with(h))
        {
            return true;
        }
    }
    let end = words[m.last()].end;
    let Some(ending) = hyphen_ending(text, end).filter(|e| KK_GENITIVE.contains(&e.as_str()))
    else {
        return false;
    };
    // The word the genitive ending belongs to may be cut as its own word
    // («МҚҰ-ның» → «мқұ», «ның»): the owned noun is the first word after it.
    let owned = words[m.last() + 1..]
        .iter()
        .find(|w| w.start >= end + 1 + ending.len());
    owned.is_some_and(|w| {
        w.sentence == words[first].sentence
            && !w.norm.starts_with("кук")
            && !w.norm.starts_with("миндет")
    })
}

/// The marker a bullet clause opens with («–», «*», «•» …).
fn bullet_marker(c: &Clause) -> Option<char> {
    (c.kind == ClauseKind::Bullet)
        .then(|| c.text.trim_start().chars().next())
        .flatten()
        .filter(|ch| !ch.is_alphanumeric())
}

/// How many bullets back a bullet may reach for the bullet over it.
const BULLETS_WITHIN: usize = 24;

/// The bullet over bullet `i` in a list nested by its markers («– Что вы
/// можете сделать» over «* Узнать …», «* Защитить свои права:» over «–
/// обратиться в суд»): walking back over bullets of `i`'s own marker (the
/// same language, bullets only), the first bullet of another marker that
/// reads as a heading or a lead-in: no final punctuation, or «:».
fn bullet_over(clauses: &[Clause], i: usize) -> Option<usize> {
    let own = bullet_marker(&clauses[i])?;
    let lang = clauses[i].lang;
    let mut seen = 0;
    for j in (0..i).rev() {
        if clauses[j].lang != lang {
            continue;
        }
        let marker = bullet_marker(&clauses[j])?;
        if marker == own {
            seen += 1;
            if seen > BULLETS_WITHIN {
                return None;
            }
            continue;
        }
        let end = clauses[j].text.trim_end().chars().next_back()?;
        return (end == ':' || end.is_alphanumeric() || end == '?').then_some(j);
    }
    None
}

/// The lead-in of a table's numbered rows that restart at «1.» inside a
/// clause of another level («1) Ваши права перечислены в таблице:», the
/// header row «Право», then rows «1. Знать …», «2. Требовать …»): walk
/// back over rows numbered lower each time to the first («1.», or «2.»
/// where the first row is empty in this language), past at most
/// two unnumbered headers, to a clause that ends in «:» and is not itself
/// one of those bare numbers; or the header itself, where `header` says
/// it names the subject's rights («Право», «Құқық»). Rows open in
/// capitals, so [`numbered_lead_in`] does not take them as list members.
fn restarted_lead_in(clauses: &[Clause], i: usize, header: &[bool]) -> Option<usize> {
    let bare = |c: &Clause| c.number.as_deref().and_then(|n| n.parse::<u32>().ok());
    let lang = clauses[i].lang;
    let before = |j: usize| (0..j).rev().find(|&p| clauses[p].lang == lang);
    // Rows whose cell in this language is empty leave gaps («1.», «2.»,
    // «4.»): the numbers fall back to the first row, «1.» or «2.».
    let mut k = bare(&clauses[i])?;
    let mut p = before(i)?;
    while let Some(n) = bare(&clauses[p]).filter(|&n| n < k) {
        if clauses[p].kind != ClauseKind::Numbered {
            return None;
        }
        k = n;
        p = before(p)?;
    }
    if k > 2 {
        return None;
    }
    for _ in 0..2 {
        let c = &clauses[p];
        if header[p] {
            return Some(p);
        }
        if c.number.is_some()
            || !matches!(
                c.kind,
                ClauseKind::Heading | ClauseKind::Preamble | ClauseKind::Paragraph
            )
            || c.text.trim_end().ends_with(':')
        {
            break;
        }
        p = before(p)?;
    }
    let c = &clauses[p];
    (c.text.trim_end().ends_with(':') && bare(c).is_none()).then_some(p)
}

fn structure(clauses: &[Clause], header: &[bool]) -> Structure {
    let n = clauses.len();
    let mut owner: Vec<usize> = (0..n).collect();
    let mut context_from: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, c) in clauses.iter().enumerate() {
        let anchor = c.parent.as_deref();
        let member = match c.kind {
            ClauseKind::Bullet => true,
            ClauseKind::Paragraph => continues_list(c),
            _ => false,
        };
        if member && let Some(a) = anchor.and_then(|a| numbered_before(clauses, i, a)) {
            owner[i] = owner[a];
        }
        let mut ctx = Vec::new();
        if owner[i] != i {
            ctx.push(owner[i]);
        }
        // A paragraph under a lead-in that ends in «:» («4.1. Права
        // клиента … приведены в таблице:» over the table's rows), or the
        // answer under a numbered question («9) Деректер қанша уақыт
        // сақталады?» over «… бес жыл бойы.»), reads in its context,
        // whatever case it starts in.
        if c.kind == ClauseKind::Paragraph
            && let Some(a) = anchor.and_then(|a| numbered_before(clauses, i, a))
            && clauses[a].text.trim_end().ends_with([':', '?'])
        {
            ctx.push(a);
        }
        // Rows or paragraphs under an unnumbered lead-in («**Вы вправе:**»
        // over a table's header and rows): the nearest clause before them,
        // past the header and rows of one parent, that ends in «:».
        if matches!(c.kind, ClauseKind::Paragraph | ClauseKind::Bullet)
            && let Some(a) = unnumbered_lead_in(clauses, i)
        {
            ctx.push(a);
        }
        // Numbered rows after a sibling that announces them («4.1. Субъект
        // обладает правами, перечисленными в таблице ниже.» over «4.2.
        // Знать о наличии …»).
        if c.kind == ClauseKind::Numbered
            && let Some(a) = announcing_sibling(clauses, i)
        {
            ctx.push(a);
        }
        if c.kind == ClauseKind::Numbered
            && anchor.is_none()
            && numbered_member(c)
            && let Some(a) = numbered_lead_in(clauses, i)
        {
            ctx.push(a);
        }
        if c.kind == ClauseKind::Numbered
            && anchor.is_none()
            && let Some(a) = restarted_lead_in(clauses, i, header)
        {
            ctx.push(a);
        }
        let own_number = c.number.as_deref().or(anchor);
        if let Some(p) = own_number.and_then(parent_number)
            && let Some(j) = numbered_before(clauses, i, p)
        {
            ctx.push(j);
            if let Some(pp) = parent_number(p).and_then(|pp| numbered_before(clauses, i, pp)) {
                ctx.push(pp);
            }
        }
        if let Some(j) = bullet_over(clauses, i) {
            ctx.push(j);
            ctx.extend(context_from[j].iter().copied());
        }
        // The numbered section heading the clause sits under («4. Сіздің
        // құқықтарыңыз» over a table's header row «Құқық | Қалай жүзеге
        // асыру» and its rows): the header is the nearest heading, the
        // section's is still the context.
        if c.number.is_none()
            && let Some(a) = anchor.and_then(|a| numbered_before(clauses, i, a))
            && clauses[a].kind == ClauseKind::Heading
        {
            ctx.push(a);
        }
        if c.kind != ClauseKind::Heading
            && let Some(h) = (0..i)
                .rev()
                .find(|&j| clauses[j].lang == c.lang && clauses[j].kind == ClauseKind::Heading)
        {
            ctx.push(h);
        }
        ctx.sort_unstable();
        ctx.dedup();
        context_from[i] = ctx;
    }
    // A clause that ends in «:» and is answered by the paragraph right
    // under it, the choice of a consent form («8. На распространение моих
    // данных в общедоступных источниках:» over «[ ] согласен [ ] не
    // согласен»), reads in that answer's context: what it names, the
    // answer grants.
    for i in 0..n {
        let c = &clauses[i];
        if c.kind == ClauseKind::Heading || !c.text.trim_end().ends_with(':') {
            continue;
        }
        let Some(j) = (i + 1..n).find(|&j| clauses[j].lang == c.lang) else {
            continue;
        };
        let d = &clauses[j];
        let under = c.number.is_some() && d.parent == c.number;
        if d.kind == ClauseKind::Paragraph && d.number.is_none() && under {
            context_from[i].push(j);
        }
    }
    // Rows under a rights table's header («Право Содержание Условие»):
    // the unnumbered paragraphs and headings after it, of its language
    // and parent, read in its context.
    let mut row_of_header = vec![false; n];
    for h in (0..n).filter(|&h| header[h]) {
        let c = &clauses[h];
        for j in (h + 1..n)
            .filter(|&j| clauses[j].lang == c.lang)
            .take(MEMBERS_WITHIN)
            .take_while(|&j| {
                let b = &clauses[j];
                b.number.is_none()
                    && b.parent == c.parent
                    && matches!(b.kind, ClauseKind::Paragraph | ClauseKind::Heading)
                    && !header[j]
            })
        {
            row_of_header[j] = true;
            if !context_from[j].contains(&h) {
                context_from[j].push(h);
            }
        }
    }
    Structure {
        owner,
        context_from,
        row_of_header,
    }
}

/// The data subject opens a sentence as the one who acts: an agent among
/// the first words of its sentence (Kazakh and Russian both put the subject
/// first; «пайдаланушы туралы» deep in a sentence is 'about the user').
const AGENT_WITHIN: usize = 5;

fn sentence_start(words: &[Word], at: usize) -> usize {
    let s = words[at].sentence;
    (0..=at)
        .rev()
        .take_while(|&k| words[k].sentence == s)
        .last()
        .unwrap_or(at)
}

fn opens_sentence(words: &[Word], m: &Match) -> bool {
    m.first() - sentence_start(words, m.first()) < AGENT_WITHIN
}

/// Does the clause grant rights to the data subject somewhere (a grant not
/// attributed to the operator), or open with the subject and a colon
/// («Дербес деректер субъектісі: … алуға; … талап ету; …»)?
fn grants(r: &Read) -> bool {
    colon_lead(r, &r.agents) || r.grants.iter().any(|(_, subject)| *subject)
}

/// Does one of `designations` open a sentence of `r` and stand right
/// before a colon («Дербес деректер субъектісі: …», «Ұйым:»)?
fn colon_lead(r: &Read, designations: &[Match]) -> bool {
    designations.iter().any(|m| {
        opens_sentence(&r.words, m) && {
            let end = r.words[m.last()].end;
            let next = r
                .words
                .get(m.last() + 1)
                .map_or(r.clause.text.len(), |w| w.start);
            r.clause.text[end..next].contains(':')
        }
    })
}

/// Words between a subject and its verb that still make them adjacent
/// («МФО вправе», «пользователь) имеет право»).
const ADJACENT: usize = 2;

/// Whose grant is `h`: the operator's or the data subject's? The subject
/// standing right before the grant decides (Russian «МФО вправе»); else
/// the first one among the opening words of the sentence (Kazakh puts the
/// verb last: «МҚҰ пайдаланушы … жинауға құқылы»); else the nearer one;
/// with neither named, the subject's (a rights list).
fn holder_is_subject(words: &[Word], h: &Match, operators: &[Match], agents: &[Match]) -> bool {
    let s = words[h.first()].sentence;
    // A designation before the grant, or one that opens it («вы можете»).
    let before = |ms: &[Match]| -> Vec<Match> {
        ms.iter()
            .filter(|m| words[m.first()].sentence == s && m.first() <= h.first())
            .cloned()
            .collect()
    };
    let (ops, ags) = (before(operators), before(agents));
    let last = |ms: &[Match]| ms.iter().map(|m| m.last().min(h.first())).max();
    let (o, a) = (last(&ops), last(&ags));
    let near = |x: Option<usize>| x.is_some_and(|x| h.first() - x <= ADJACENT);
    if near(o) || near(a) {
        return a > o;
    }
    let opener = |ms: &[Match]| {
        ms.iter()
            .filter(|m| opens_sentence(words, m))
            .map(Match::first)
            .min()
    };
    match (opener(&ops), opener(&ags)) {
        (Some(o), Some(a)) => return a < o,
        (Some(_), None) => return false,
        (None, Some(_)) => return true,
        (None, None) => {}
    }
    match (o, a) {
        (Some(o), Some(a)) => a > o,
        (Some(_), None) => false,
        _ => true,
    }
}

/// Is the data subject the nearer of the two designations before word
/// `at`, in its sentence (the one whose duty «обязуется» states)?
fn agent_acts(r: &Read, at: usize) -> bool {
    let s = r.words[at].sentence;
    let last_before = |ms: &[Match]| {
        ms.iter()
            .filter(|m| r.words[m.first()].sentence == s && m.last() < at)
            .map(Match::last)
            .max()
    };
    match (last_before(&r.agents), last_before(&r.operators)) {
        (Some(a), Some(o)) => a > o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Is the data subject named as the actor of the sentence (among its first
/// words, before any operator), before word `at`?
fn agent_before(r: &Read, at: usize) -> bool {
    acts_first(r, at, &r.agents, &r.operators)
}

/// Does one of `actors` open the sentence of word `at`, before `at` and
/// before any of `others` in it?
fn acts_first(r: &Read, at: usize, actors: &[Match], others: &[Match]) -> bool {
    let s = r.words[at].sentence;
    let in_s = |m: &&Match| r.words[m.first()].sentence == s;
    let first_other = others.iter().filter(in_s).map(Match::first).min();
    actors.iter().filter(in_s).any(|m| {
        m.last() < at && opens_sentence(&r.words, m) && first_other.is_none_or(|o| m.first() < o)
    })
}

/// Does the operator refuse an act in the sentence of word `at`: it opens
/// the sentence, before any data subject, the sentence is negated (ru
/// «не», a Kazakh negative verb ([`kk_negated_verb`]) or «емес»), and
/// nothing in the clause grants the subject a right («…не размещаем…;
/// вы вправе такое согласие дать» does)? «МҚҰ Клиенттің деректерін
/// жалпыға қолжетімді дереккөздерге орналастырмайды» in a rights section
/// says what the operator does not do, and grants nothing.
fn operator_refuses(r: &Read, at: usize) -> bool {
    let s = r.words[at].sentence;
    // (Kazakh «не» is «what»: «не үшін».)
    let negated = r
        .words
        .iter()
        .filter(|w| w.sentence == s)
        .any(|w| match r.clause.lang {
            Lang::Ru => w.norm == "не",
            _ => {
                let raw = r.clause.text[w.start..w.end].to_lowercase();
                raw == "емес" || kk_negated_verb(&raw)
            }
        });
    negated
        && acts_first(r, at, &r.operators, &r.agents)
        && !r.grants.iter().any(|(_, subject)| *subject)
}

/// Does the sentence of the act `m` say how the operator carries the act
/// out, granting nothing: a process verb after the act («производится»,
/// «осуществляется», «жүргізіледі», «жүзеге асырылады»), the operator named,
/// and no data subject and no grant in the sentence? «Уничтожение данных
/// производится комиссией МФО в присутствии ответственного лица» in a
/// rights section is the operator's procedure, not the right to demand
/// destruction («Блокирование осуществляется по требованию субъекта»
/// names the subject, and is read as before).
fn operator_carries_out(r: &Read, m: &Match) -> bool {
    let s = r.words[m.first()].sentence;
    let in_s = |x: &Match| r.words[x.first()].sentence == s;
    let process = r.words[m.last() + 1..]
        .iter()
        .take_while(|w| w.sentence == s)
        .any(|w| {
            let raw = r.clause.text[w.start..w.end].to_lowercase();
            PROCESS_VERBS.iter().any(|p| raw.starts_with(p))
        });
    process
        && r.operators.iter().any(in_s)
        && !r.agents.iter().any(in_s)
        && !r.grants.iter().any(|(g, _)| in_s(g))
}

/// Does the sentence of the act `m` say that something is not the act
/// («Это не является блокированием персональных данных», «Бұл дербес
/// деректерді бұғаттау болып табылмайды»)? It tells what the act is not,
/// and grants nothing.
fn denies_being(r: &Read, m: &Match) -> bool {
    let s = r.words[m.first()].sentence;
    let raw = |i: usize| r.clause.text[r.words[i].start..r.words[i].end].to_lowercase();
    match r.clause.lang {
        Lang::Ru => (1..m.first()).any(|i| {
            r.words[i].sentence == s
                && raw(i - 1) == "не"
                && matches!(
                    raw(i).as_str(),
                    "является" | "являются" | "считается" | "считаются"
                )
        }),
        _ => (m.last() + 1..r.words.len())
            .take_while(|&i| r.words[i].sentence == s)
            .take(4)
            .any(|i| matches!(raw(i).as_str(), "табылмайды" | "саналмайды")),
    }
}

/// Passive and impersonal verbs of carrying an act out (stems).
const PROCESS_VERBS: &[&str] = &[
    "производится",
    "производятся",
    "осуществляется",
    "осуществляются",
    "проводится",
    "проводятся",
    "выполняется",
    "выполняются",
    "жүргізіледі",
    "асырылады",
    "орындалады",
];

fn mention(r: &Read, cite: &Clause, m: &Match) -> Mention {
    Mention {
        lang: r.clause.lang,
        clause: r.clause.id.clone(),
        cite: cite.cite().to_string(),
        hit: m.hit(&r.clause.text, &r.words),
    }
}

fn coverage(item: &Item, mentions: Vec<Mention>, restrictions: Vec<Mention>) -> Coverage {
    let has = |l: Lang| mentions.iter().any(|m| m.lang == l);
    Coverage {
        id: item.id.clone(),
        law_version: item.law_version.clone(),
        status: Presence::of(has(Lang::Kk), has(Lang::Ru)),
        mentions,
        restrictions,
    }
}

/// Where a right or extra right is granted, and what restricts it.
fn rights(
    items: &[Item],
    reads: &[Read],
    st: &Structure,
    context: &[bool],
    defining: &[bool],
) -> Vec<Coverage> {
    let clauses: Vec<&Clause> = reads.iter().map(|r| r.clause).collect();
    // Each clause that grants the subject rights by citing other clauses
    // («пп. 1.3–1.5 и 1.7»): its language and the clauses it cites, found
    // once for every item.
    let pointers: Vec<(Lang, Vec<usize>)> = reads
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            r.clause.kind != ClauseKind::Heading
                && context[*i]
                && r.grants.iter().any(|(_, subject)| *subject)
        })
        .filter_map(|(i, r)| {
            let lang = r.clause.lang;
            let cited: Vec<usize> = referenced_numbers(&r.clause.text)
                .iter()
                .filter_map(|n| {
                    (0..reads.len()).find(|&j| {
                        j != i
                            && reads[j].clause.lang == lang
                            && reads[j].clause.number.as_deref() == Some(n.as_str())
                    })
                })
                .collect();
            (!cited.is_empty()).then_some((lang, cited))
        })
        .collect();
    items
        .iter()
        .map(|item| {
            let mut mentions = Vec::new();
            let mut restrictions = Vec::new();
            for (i, r) in reads.iter().enumerate() {
                let lang = r.clause.lang;
                if lang == Lang::Other || defining[i] {
                    continue;
                }
                if r.clause.kind == ClauseKind::Heading && !st.row_of_header[i] {
                    // A question as a heading («### Будут ли мои данные
                    // опубликованы в общедоступных источниках?») names the
                    // right its answer grants the subject («…– ваше право»)
                    // or affirms («7-сұрақ. … кері қайтарып ала аламын
                    // ба?» over «Жауабы: Иә, … қоспағанда»), the answer's
                    // first sentence's condition restricting it. (An
                    // answer that names the right itself is read on its
                    // own.)
                    let answer = reads.get(i + 1).filter(|a| {
                        a.clause.lang == lang
                            && a.clause.kind != ClauseKind::Heading
                            && item_matches(item, lang, &a.words).is_empty()
                    });
                    let yes = answer.is_some_and(|a| context[i] && affirms(&a.clause.text));
                    if r.clause.text.trim_end().ends_with('?')
                        && let Some(a) = answer
                        && (yes || a.grants.iter().any(|(_, subject)| *subject))
                        && let Some(m) = item_matches(item, lang, &r.words).first()
                    {
                        mentions.push(mention(r, clauses[st.owner[i]], m));
                        if yes
                            && let Some(c) = a
                                .conditions
                                .iter()
                                .find(|c| a.words[c.first()].sentence == 0)
                        {
                            restrictions.push(mention(a, clauses[st.owner[i + 1]], c));
                        }
                    }
                    continue;
                }
                // The right's acts in the clause, found once: what grants
                // it, what a denial names, what a condition may restrict.
                let acts = item_matches(item, lang, &r.words);
                let found: Vec<Match> = acts
                    .iter()
                    .filter(|m| {
                        let s = r.words[m.first()].sentence;
                        !r.operators_grant(m) && !r.duty_sentences.contains(&s)
                    })
                    .filter(|m| {
                        (context[i]
                            && !operator_refuses(r, m.first())
                            && !operator_carries_out(r, m)
                            && !denies_being(r, m))
                            || agent_before(r, m.first())
                    })
                    .filter(|m| !caps_label(r, r.words[m.first()].sentence))
                    .cloned()
                    .collect();
                // A question («Могу ли я удалить свои данные?») grants
                // what its answer affirms («Да, …»), nothing otherwise; the
                // answer's conditions restrict it.
                let answer = (i + 1..reads.len()).find(|&j| {
                    reads[j].clause.lang == lang && reads[j].clause.kind != ClauseKind::Heading
                });
                let asked = |m: &Match| question_sentence(r, r.words[m.first()].sentence);
                // The answer is the rest of the clause («… бола ма? – Иә,
                // егер …»), or the next clause when the question ends it.
                // An answer that grants the subject something that no
                // other right names («– Без вашего согласия – нет; вы
                // вправе дать такое согласие или отказать в нём») grants
                // what was asked, whatever its first word; one that grants
                // another thing («ақпаратты байланыс орталығынан алуға
                // болады») does not.
                let grants_asked = |a: &Read, after: usize| {
                    a.grants.iter().any(|(g, subject)| {
                        let t = a.words[g.first()].sentence;
                        *subject
                            && t >= after
                            && items.iter().filter(|o| o.id != item.id).all(|o| {
                                item_matches(o, lang, &a.words)
                                    .iter()
                                    .all(|x| a.words[x.first()].sentence != t)
                            })
                    })
                };
                let affirmed = |m: &Match| {
                    let s = r.words[m.first()].sentence;
                    match r.words.iter().find(|w| w.sentence > s) {
                        Some(w) => affirms(&r.clause.text[w.start..]) || grants_asked(r, s + 1),
                        None => answer.is_some_and(|j| {
                            affirms(&reads[j].clause.text) || grants_asked(&reads[j], 0)
                        }),
                    }
                };
                let in_answer = |m: &Match| {
                    r.words
                        .iter()
                        .all(|w| w.sentence <= r.words[m.first()].sentence)
                };
                let found: Vec<Match> = found
                    .into_iter()
                    .filter(|m| !asked(m) || affirmed(m))
                    .collect();
                if let Some(first) = found.first()
                    && asked(first)
                    && in_answer(first)
                    && let Some(j) = answer
                    && let Some(c) = reads[j]
                        .conditions
                        .iter()
                        .find(|c| reads[j].words[c.first()].sentence == 0)
                {
                    restrictions.push(mention(&reads[j], clauses[st.owner[j]], c));
                }
                if let Some(first) = found.first() {
                    mentions.push(mention(r, clauses[st.owner[i]], first));
                    // A denial of the right's own act («жойылмайды» after
                    // «жоюды талап ете аласыз», «Отзыв согласия не
                    // допускается»): the act is named in the denial's
                    // sentence; another right's denial restricts nothing.
                    let own_act = |c: &Match| {
                        let t = r.words[c.first()].sentence;
                        acts.iter().any(|a| r.words[a.first()].sentence == t)
                    };
                    // A clause that names no other right of the checklist:
                    // whatever condition it states is this right's («Клиент
                    // может отозвать согласие…; при неисполненных
                    // обязательствах отзыв невозможен»).
                    let sole = || {
                        items
                            .iter()
                            .filter(|o| o.id != item.id)
                            .all(|o| item_matches(o, lang, &r.words).is_empty())
                    };
                    let condition = found
                        .iter()
                        .find_map(|m| {
                            let s = r.words[m.first()].sentence;
                            r.conditions.iter().find(|c| {
                                let t = r.words[c.first()].sentence;
                                // The sentence after the grant restricts it
                                // when it points back, denies the act, or
                                // restates the act with its condition
                                // («Согласие может быть отозвано только при
                                // отсутствии задолженности»).
                                t == s
                                    || (t == s + 1
                                        && (opens_with_anaphor(&r.words, t) || own_act(c)))
                            })
                        })
                        .or_else(|| r.conditions.first().filter(|_| sole()));
                    if let Some(c) = condition {
                        restrictions.push(mention(r, clauses[st.owner[i]], c));
                    } else if let Some((j, c)) = found
                        .iter()
                        .find_map(|m| footnote_condition(reads, i, r.words[m.first()].sentence))
                    {
                        // «… отозвать согласие[2].» over the footnote «[2]
                        // Только после полного погашения займа.»
                        restrictions.push(mention(&reads[j], clauses[st.owner[j]], c));
                    } else if r.clause.text.trim_end().ends_with(':')
                        && let Some((j, c)) = (i + 1..reads.len())
                            .take_while(|&j| st.context_from[j].contains(&i))
                            .find_map(|j| reads[j].conditions.first().map(|c| (j, c)))
                    {
                        // «3.3.2. согласие не может быть отозвано в случаях,
                        // когда:» over «3.3.2.1. … неисполненные
                        // обязательства»: the cases are the lead-in's items.
                        if !restrictions.iter().any(|x| x.clause == reads[j].clause.id) {
                            restrictions.push(mention(&reads[j], clauses[st.owner[j]], c));
                        }
                    }
                }
                if found.is_empty()
                    && let Some(c) = conditioned_act(&acts, r)
                    && !restrictions.iter().any(|x| x.clause == r.clause.id)
                {
                    // A clause of its own that conditions the right's act
                    // («14. Отзыв согласия возможен только после
                    // исполнения всех обязательств» after the rights
                    // list): it grants nothing and restricts the right
                    // where the language grants it.
                    restrictions.push(mention(r, clauses[st.owner[i]], c));
                }
                if let Some(m) = find_all(item.restricted_by.set(lang), &r.words).first()
                    && !restrictions.iter().any(|x| x.clause == r.clause.id)
                {
                    restrictions.push(mention(r, clauses[st.owner[i]], m));
                }
            }
            // Rights granted by pointing at the clauses that define them
            // («4.1. Субъект пользуется правами, указанными в пп. 1.3–1.5
            // и 1.7», «1.3–1.7-тармақтарында көрсетілген құқықтарды
            // пайдаланады»): the right is where its definition says it.
            for (lang, referenced) in &pointers {
                if mentions.iter().any(|m: &Mention| m.lang == *lang) {
                    continue;
                }
                if let Some((j, m)) = referenced.iter().find_map(|&j| {
                    Some((
                        j,
                        item_matches(item, *lang, &reads[j].words)
                            .into_iter()
                            .next()?,
                    ))
                }) {
                    mentions.push(mention(&reads[j], clauses[j], &m));
                }
            }
            // A restriction of a right the language does not grant
            // restricts nothing («МҚҰ … қол жеткізуді шектеуге құқылы»
            // where the subject has no right to know).
            restrictions.retain(|x| mentions.iter().any(|m| m.lang == x.lang));
            coverage(item, mentions, restrictions)
        })
        .collect()
}

/// A restriction condition in a sentence that opens with one of the
/// right's acts (`acts`, its matches in `r`) («Отзыв согласия возможен только после…», «Келісімді кері
/// қайтарып алу … кейін ғана мүмкін»), in clause `r`, where the operator is
/// not named and no duty is stated: the act is the sentence's subject, and
/// the sentence conditions it. (An operator's «МФО вправе уничтожить
/// данные только после истечения срока», or «Данные … уничтожаются по
/// истечении срока», conditions the operator's own act.)
fn conditioned_act<'a>(acts: &[Match], r: &'a Read) -> Option<&'a Match> {
    if r.conditions.is_empty() {
        return None;
    }
    acts.iter()
        .filter(|m| {
            let s = r.words[m.first()].sentence;
            let opening = r.words[..m.first()]
                .iter()
                .filter(|w| w.sentence == s)
                .count();
            opening <= 1
                && !r.duty_sentences.contains(&s)
                && !r.operators.iter().any(|o| r.words[o.first()].sentence == s)
        })
        .find_map(|m| {
            let s = r.words[m.first()].sentence;
            // A condition made of the act itself times something else
            // («Сотқа жүгінгенге дейін клиент … жібереді»).
            r.conditions
                .iter()
                .find(|c| r.words[c.first()].sentence == s && !c.overlaps(m))
        })
}

/// Is sentence `s` of `r` a label in capitals that opens the paragraph
/// («ШАҒЫМДАР. Қызмет көрсету сапасына…», «ПРАВО НА ЗАЩИТУ. Если…»)? It
/// names the paragraph's subject as a heading does; what is granted is
/// in the sentences after it.
fn caps_label(r: &Read, s: usize) -> bool {
    s == 0
        && r.words.iter().any(|w| w.sentence > 0)
        && r.words.iter().filter(|w| w.sentence == 0).all(|w| {
            r.clause.text[w.start..w.end]
                .chars()
                .all(|c| !c.is_lowercase())
        })
        && r.clause.text[..r
            .words
            .iter()
            .find(|w| w.sentence > 0)
            .map_or(0, |w| w.start)]
            .chars()
            .any(char::is_uppercase)
}

/// A footnote marker «[2]» in sentence `s` of clause `i`: the footnote
/// (a clause of the same language that opens with the marker) and the
/// first restriction condition it states.
fn footnote_condition<'a>(reads: &'a [Read], i: usize, s: usize) -> Option<(usize, &'a Match)> {
    static MARKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[(\d{1,2})\]").expect("footnote marker regex"));
    let r = &reads[i];
    let first = r.words.iter().find(|w| w.sentence == s)?;
    let last = r.words.iter().rev().find(|w| w.sentence == s)?;
    let mut end = (last.end + 6).min(r.clause.text.len());
    while !r.clause.text.is_char_boundary(end) {
        end -= 1;
    }
    let marker = MARKER.captures(&r.clause.text[first.start..end])?;
    let tag = marker.get(0)?.as_str();
    let lang = r.clause.lang;
    let j = (0..reads.len()).find(|&j| {
        j != i && reads[j].clause.lang == lang && reads[j].clause.text.trim_start().starts_with(tag)
    })?;
    reads[j].conditions.first().map(|c| (j, c))
}

/// The question heading over the answer `i` («7-сұрақ. Деректер шетелге
/// беріле ме?»), in its language, that names `item`, and the match.
fn asked_over(item: &Item, reads: &[Read], st: &Structure, i: usize) -> Option<(usize, Match)> {
    let lang = reads[i].clause.lang;
    st.context_from[i]
        .iter()
        .copied()
        .filter(|&j| {
            let q = &reads[j];
            q.clause.kind == ClauseKind::Heading
                && q.clause.lang == lang
                && q.words
                    .last()
                    .is_some_and(|w| question_sentence(q, w.sentence))
        })
        .find_map(|j| {
            let m = item_matches(item, lang, &reads[j].words)
                .into_iter()
                .next()?;
            Some((j, m))
        })
}

/// Does sentence `s` of clause `r` ask a question: its last word is
/// followed, past closing quotes and spaces, by «?».
fn question_sentence(r: &Read, s: usize) -> bool {
    let Some(last) = r.words.iter().rev().find(|w| w.sentence == s) else {
        return false;
    };
    r.clause.text[last.end..]
        .chars()
        .find(|c| !(c.is_whitespace() || matches!(c, '»' | '"' | '”' | ')')))
        == Some('?')
}

/// Does an answer open by saying yes («Да, …», «Иә.», «Конечно», «Әрине»),
/// past dashes and a speaker's or a label's name before a colon («Ответ:»,
/// «Жауап:», «Оператор:», «Қызметкер:»)?
fn affirms(text: &str) -> bool {
    let mut t = text.trim_start_matches(|c: char| c.is_whitespace() || "–—-:".contains(c));
    if let Some((label, rest)) = t.split_once(':')
        && (1..=2).contains(&label.split_whitespace().count())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace())
    {
        t = rest;
    }
    let mut t = t.trim_start_matches(|c: char| c.is_whitespace() || "–—-.".contains(c));
    // «Ответ – да», «Жауап. Иә»
    for label in ["Ответ", "ответ", "Жауап", "жауап"] {
        if let Some(rest) = t.strip_prefix(label)
            && rest.trim_start().starts_with(['–', '—', '-', '.'])
        {
            t = rest.trim_start_matches(|c: char| c.is_whitespace() || "–—-.".contains(c));
        }
    }
    let first: String = t
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        first.as_str(),
        "да" | "иә" | "ия" | "әрине" | "конечно" | "безусловно" | "разумеется"
    )
}

/// Is the lead-in `r` the operator's: its grants are all the operator's
/// («МФО вправе:»), or it opens with the operator and a colon («Ұйым:»)?
fn operators_lead_in(r: &Read) -> bool {
    if !r.grants.is_empty() {
        return r.grants.iter().all(|(_, subject)| !*subject);
    }
    colon_lead(r, &r.operators)
}

/// A clause number cited in a text: «п. 1.3», «пп. 1.3–1.5 и 1.7»,
/// «1.3–1.7-тармақтарында». Only numbers of two or more levels.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,3}(?:\.\d{1,3})+)(?:\s*[–—-]\s*(\d{1,3}(?:\.\d{1,3})+))?")
        .expect("reference regex")
});

/// The clause numbers a text cites, ranges expanded («1.3–1.5» → 1.3, 1.4,
/// 1.5; a range runs over the last level, at most 50 numbers), in order.
fn referenced_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in REFERENCE.captures_iter(text) {
        let a = c.get(1).map_or("", |g| g.as_str());
        out.push(a.to_string());
        let Some(b) = c.get(2).map(|g| g.as_str()) else {
            continue;
        };
        let (Some((pa, la)), Some((pb, lb))) = (a.rsplit_once('.'), b.rsplit_once('.')) else {
            continue;
        };
        if let (true, Ok(x), Ok(y)) = (pa == pb, la.parse::<u32>(), lb.parse::<u32>())
            && x < y
            && y - x <= 50
        {
            out.extend((x + 1..=y).map(|k| format!("{pa}.{k}")));
        } else {
            out.push(b.to_string());
        }
    }
    out
}

/// Does sentence `s` open by pointing back at the one before («…; такая
/// информация предоставляется не чаще…», «…; мұндай ақпарат…»)? A condition
/// there restricts the right the sentence before grants. Words are folded
/// (`data/rules.json` `fold`: «мұндай» reads «мундай»).
fn opens_with_anaphor(words: &[Word], s: usize) -> bool {
    // The sentence's words after an inline clause label («п. 3.2», «3.2-т.»).
    let mut opening = words
        .iter()
        .filter(|w| w.sentence == s)
        .map(|w| w.norm.as_str())
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()) || matches!(*w, "п" | "пп" | "т"))
        // An answer's «Да, но …», «Иә, бірақ …».
        .skip_while(|w| matches!(*w, "да" | "иа" | "ия"));
    let (first, second) = (opening.next(), opening.next());
    // «При этом …», «Вместе с тем …».
    if matches!(
        (first, second),
        (Some("при"), Some("этом")) | (Some("вместе"), Some("с"))
    ) {
        return true;
    }
    first.is_some_and(|w| {
        matches!(
            w,
            "такая"
                | "такой"
                | "такие"
                | "такое"
                | "это"
                | "эта"
                | "этот"
                | "данная"
                | "данный"
                | "указанная"
                | "указанный"
                | "указанное"
                | "указанные"
                | "аталган"
                | "мундай"
                | "однако"
                | "но"
                | "алайда"
                | "бирак"
                | "бул"
                | "ол"
                | "осындай"
        )
    })
}

/// Where each disclosure is made; a requirement it fails becomes a flag.
fn disclosures(
    rules: &LegalRules,
    reads: &[Read],
    st: &Structure,
    defining: &[bool],
    flags: &mut Vec<(usize, Flag)>,
) -> Vec<Coverage> {
    let clauses: Vec<&Clause> = reads.iter().map(|r| r.clause).collect();
    rules
        .disclosures
        .iter()
        .map(|item| {
            let mut mentions = Vec::new();
            for (i, r) in reads.iter().enumerate() {
                let lang = r.clause.lang;
                if r.clause.kind == ClauseKind::Heading || lang == Lang::Other {
                    continue;
                }
                if defining[i] && !item.clause_kinds.contains(&ClauseKind::Definition) {
                    continue;
                }
                let found = item_matches(item, lang, &r.words);
                if let Some(m) = found.first() {
                    mentions.push(mention(r, clauses[st.owner[i]], m));
                } else if let Some(m) = to_country(rules, item, r).into_iter().next() {
                    mentions.push(mention(r, clauses[st.owner[i]], &m));
                } else if let Some(hit) = in_context(item, &rules.follows, reads, st, i) {
                    mentions.push(Mention {
                        lang,
                        clause: r.clause.id.clone(),
                        cite: clauses[st.owner[i]].cite().to_string(),
                        hit,
                    });
                } else if let Some(hit) = r.entity_hit(&item.entities) {
                    mentions.push(Mention {
                        lang,
                        clause: r.clause.id.clone(),
                        cite: clauses[st.owner[i]].cite().to_string(),
                        hit,
                    });
                } else if let Some((j, m)) = asked_over(item, reads, st, i) {
                    // The answer under a question that names the item
                    // («Вопрос 19. Передаются ли данные за границу?» over
                    // «Ответ: Только в государства, …») states it, cited
                    // by the question's number as a reviewer cites «вопрос
                    // 19».
                    mentions.push(mention(&reads[j], clauses[st.owner[j]], &m));
                }
            }
            if let Some(req) = &item.requires {
                // A clause that denies the act («не осуществляет
                // трансграничную передачу») needs no safeguard.
                let denies = |id: &str| {
                    reads.iter().any(|r| {
                        r.clause.id == id
                            && !find_all(req.denied.set(r.clause.lang), &r.words).is_empty()
                    })
                };
                let live: Vec<&Mention> = mentions.iter().filter(|m| !denies(&m.clause)).collect();
                for lang in [Lang::Kk, Lang::Ru] {
                    let cites: Vec<&str> = live
                        .iter()
                        .filter(|m| m.lang == lang)
                        .map(|m| m.cite.as_str())
                        .collect();
                    if cites.is_empty() {
                        continue;
                    }
                    let said = reads.iter().enumerate().any(|(i, r)| {
                        r.clause.lang == lang
                            && cites.contains(&clauses[st.owner[i]].cite())
                            && !find_all(req.patterns.set(lang), &r.words).is_empty()
                    });
                    if said {
                        continue;
                    }
                    let Some(m) = live.iter().find(|m| m.lang == lang) else {
                        continue;
                    };
                    let idx = reads
                        .iter()
                        .position(|r| r.clause.id == m.clause)
                        .unwrap_or(0);
                    let named: Vec<&str> = reads
                        .iter()
                        .enumerate()
                        .filter(|(i, r)| {
                            r.clause.lang == lang && cites.contains(&clauses[st.owner[*i]].cite())
                        })
                        .flat_map(|(_, r)| countries_named(rules, r))
                        .fold(Vec::new(), |mut acc, c| {
                            if !acc.contains(&c) {
                                acc.push(c);
                            }
                            acc
                        });
                    let detail = if named.is_empty() {
                        req.message.clone()
                    } else {
                        format!(
                            "{}; the transfer names {}: say which Art. 16 safeguard applies there",
                            req.message,
                            named.join(", ")
                        )
                    };
                    flags.push((
                        idx,
                        Flag {
                            kind: FindingKind::ObligationMisstated,
                            rule: item.id.clone(),
                            lang,
                            clause: m.clause.clone(),
                            hit: m.hit.clone(),
                            detail,
                        },
                    ));
                }
            }
            coverage(item, mentions, Vec::new())
        })
        .collect()
}

/// A detail of `item` in clause `i` whose context (`item.in_context`)
/// stands in the clause itself, its lead-in, its parents or its section
/// heading; the detail as the hit.
fn in_context(
    item: &Item,
    follows: &Patterns,
    reads: &[Read],
    st: &Structure,
    i: usize,
) -> Option<Hit> {
    let ic = item.in_context.as_ref()?;
    let r = &reads[i];
    let lang = r.clause.lang;
    // A detail in a sentence that another construction owns («Push-
    // уведомления можно отключить в настройках» after the withdrawal of
    // consent) says how to do that other thing.
    let foreign: Vec<usize> = find_all(item.unless.set(lang), &r.words)
        .iter()
        .map(|u| r.words[u.first()].sentence)
        .collect();
    let details: Vec<Match> = find_all(ic.details.set(lang), &r.words)
        .into_iter()
        .filter(|m| !foreign.contains(&r.words[m.first()].sentence))
        .filter(|m| !after_year(&r.clause.text, r.words[m.first()].start))
        .collect();
    // The context said in clause `j`, unless another construction owns
    // its words (consent to marketing letters withdrawn is no withdrawal
    // of consent to processing): the sentences that say it.
    let said_in = |j: usize| -> Vec<usize> {
        let unless = find_all(item.unless.set(lang), &reads[j].words);
        find_all(ic.context.set(lang), &reads[j].words)
            .iter()
            .filter(|m| !unless.iter().any(|u| u.overlaps(m)))
            .map(|m| reads[j].words[m.first()].sentence)
            .collect()
    };
    let said = |j: usize| !said_in(j).is_empty();
    // «Для этого…», «Ол үшін…», or a question «Как это сделать?» over
    // the clause: it goes on from the body clause before that opener.
    let opens = |j: usize| {
        find_all(follows.set(lang), &reads[j].words)
            .iter()
            .any(|m| m.first() < FOLLOWS_WITHIN)
    };
    let heading = st.context_from[i]
        .iter()
        .copied()
        .filter(|&j| reads[j].clause.kind == ClauseKind::Heading)
        .max();
    let opener = std::iter::once(i).chain(heading).find(|&j| opens(j));
    let before = |o: usize| {
        (0..o)
            .rev()
            .find(|&j| reads[j].clause.lang == lang && reads[j].clause.kind != ClauseKind::Heading)
    };
    let from_outside = st.context_from[i]
        .iter()
        .any(|&k| reads[k].clause.lang == lang && said(k))
        || opener.and_then(before).is_some_and(|b| {
            said(b)
                || st.context_from[b]
                    .iter()
                    .any(|&k| reads[k].clause.lang == lang && said(k))
        });
    // Said only in the clause itself, the detail stands in a sentence
    // that says it, the one before, or the next [`DETAIL_AFTER`] ones (an
    // address in the one before or after): in a section
    // read as one paragraph, «Клиент өз деректерін Жеке кабинет арқылы
    // көре алады» four sentences before the withdrawal of consent is no
    // way of withdrawing it.
    let here = said_in(i);
    let near = |m: &Match| {
        let s = r.words[m.first()].sentence;
        here.iter().any(|&c| c <= s + 1 && s <= c + DETAIL_AFTER)
    };
    let detail = if from_outside {
        details.first()
    } else if !here.is_empty() {
        details.iter().find(|m| near(m))
    } else {
        return None;
    };
    if let Some(m) = detail {
        return Some(m.hit(&r.clause.text, &r.words));
    }
    let hit = r.entity_hit(&ic.entities)?;
    let sentence = r
        .words
        .iter()
        .take_while(|w| w.start <= hit.start)
        .last()
        .map_or(0, |w| w.sentence);
    (from_outside || here.iter().any(|&c| c <= sentence + 1 && sentence <= c + 1)).then_some(hit)
}

/// How many sentences after the one that names the withdrawal of consent
/// a detail of it may stand in the same clause («Вы можете отозвать
/// согласие. Для этого направьте заявление…»).
const DETAIL_AFTER: usize = 2;

/// Whether the word at byte `start` of `text` follows a year (four digits
/// from 1900 to 2099): «2013 года», «2013 жыл» date a law, they are no
/// period of time.
fn after_year(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let tail: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let year: String = tail.iter().rev().collect();
    year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))
}

/// How many words into a clause a follow-up opener («Для этого») may
/// stand: «4.3. Для этого…», «Ответ: для этого…».
const FOLLOWS_WITHIN: usize = 4;

/// Foreign states a clause names, as matches, each in a sentence that also
/// has one of `item.to_country`'s transfer words.
fn to_country(rules: &LegalRules, item: &Item, r: &Read) -> Vec<Match> {
    let lang = r.clause.lang;
    if item.to_country.get(lang).is_empty() {
        return Vec::new();
    }
    let transfers: Vec<usize> = find_all(item.to_country.set(lang), &r.words)
        .iter()
        .map(|m| r.words[m.first()].sentence)
        .collect();
    let mut out: Vec<Match> = rules
        .countries
        .iter()
        .flat_map(|c| find_all(c.patterns.set(lang), &r.words))
        .filter(|m| transfers.contains(&r.words[m.first()].sentence))
        .collect();
    out.sort_by_key(|m| (m.first(), m.last()));
    out
}

/// The English names of the foreign states a clause names.
fn countries_named<'a>(rules: &'a LegalRules, r: &Read) -> Vec<&'a str> {
    rules
        .countries
        .iter()
        .filter(|c| !find_all(c.patterns.set(r.clause.lang), &r.words).is_empty())
        .map(|c| c.name.as_str())
        .collect()
}

/// Clauses that define words: glossary entries, and every clause of a
/// section whose heading announces definitions («2. Термины»).
fn defining(rules: &LegalRules, reads: &[Read]) -> Vec<bool> {
    let mut out = Vec::with_capacity(reads.len());
    let mut glossary = [false, false];
    for r in reads {
        let slot = usize::from(r.clause.lang == Lang::Ru);
        if r.clause.kind == ClauseKind::Heading {
            glossary[slot] = !find_all(rules.definitions.set(r.clause.lang), &r.words).is_empty();
            out.push(false);
            continue;
        }
        out.push(
            r.clause.kind == ClauseKind::Definition || glossary[slot] || inline_glossary(rules, r),
        );
    }
    out
}

/// A clause that is a glossary of its own: a lead-in that announces
/// definitions, a colon, and a term with its definition after a dash
/// («Термины, используемые в Политике: трансграничная передача – передача
/// … ; субъект – …», «Осы саясатта пайдаланылатын ұғымдар: …»).
fn inline_glossary(rules: &LegalRules, r: &Read) -> bool {
    let text = &r.clause.text;
    let Some(colon) = text.find(':') else {
        return false;
    };
    // (Words are in text order: those before the colon are a prefix.)
    let before = &r.words[..r.words.partition_point(|w| w.end <= colon)];
    let after = &text[colon..];
    !before.is_empty()
        && !find_all(rules.definitions.set(r.clause.lang), before).is_empty()
        && [" – ", " — ", " - "].iter().any(|d| after.contains(d))
}

/// Topics of every clause; see the module documentation. `rights_at`
/// marks the clauses that grant a right.
fn topics(
    rules: &LegalRules,
    reads: &[Read],
    st: &Structure,
    rights_at: &[bool],
) -> Vec<Vec<TopicHit>> {
    // Per clause: the kept matches (topic order, match), longest first.
    let kept: Vec<Vec<(usize, Match)>> = reads
        .iter()
        .map(|r| {
            let lang = r.clause.lang;
            let mut all: Vec<(usize, Match)> = Vec::new();
            for (t, item) in rules.topics.iter().enumerate() {
                all.extend(
                    item_matches(item, lang, &r.words)
                        .into_iter()
                        .map(|m| (t, m)),
                );
            }
            all.sort_by_key(|(t, m)| (std::cmp::Reverse(m.last() - m.first()), m.first(), *t));
            let mut kept: Vec<(usize, Match)> = Vec::new();
            for (t, m) in all {
                if !kept.iter().any(|(u, k)| *u != t && k.overlaps(&m)) {
                    kept.push((t, m));
                }
            }
            kept
        })
        .collect();
    let mut out: Vec<Vec<TopicHit>> = Vec::with_capacity(reads.len());
    for (i, r) in reads.iter().enumerate() {
        let mut hits: Vec<TopicHit> = Vec::new();
        for (t, item) in rules.topics.iter().enumerate() {
            let whole = || Hit {
                start: 0,
                end: r.clause.text.len(),
                words: Vec::new(),
            };
            let hit = if let Some((_, m)) = kept[i]
                .iter()
                .filter(|(u, _)| *u == t)
                .min_by_key(|(_, m)| m.first())
            {
                Some(m.hit(&r.clause.text, &r.words))
            } else if item.clause_kinds.contains(&r.clause.kind) || (item.rights && rights_at[i]) {
                Some(whole())
            } else {
                r.entity_hit(&item.entities)
            };
            if let Some(hit) = hit {
                hits.push(TopicHit {
                    topic: item.id.clone(),
                    hit,
                    from: None,
                });
            }
        }
        out.push(hits);
    }
    // A list member also takes the topic its lead-in announces: the topic
    // of the lead-in's last match («… в следующих целях:» → purposes). The
    // evidence stays in the lead-in, named by `from`.
    let inherited: Vec<Option<TopicHit>> = (0..reads.len())
        .map(|i| {
            let l = lead_in(reads, st, i)?;
            let (t, m) = kept[l].iter().max_by_key(|(_, m)| (m.last(), m.first()))?;
            Some(TopicHit {
                topic: rules.topics[*t].id.clone(),
                hit: m.hit(&reads[l].clause.text, &reads[l].words),
                from: Some(reads[l].clause.id.clone()),
            })
        })
        .collect();
    for (hits, extra) in out.iter_mut().zip(inherited) {
        if let Some(h) = extra
            && !hits.iter().any(|x| x.topic == h.topic)
        {
            hits.push(h);
            hits.sort_by_key(|h| rules.topics.iter().position(|x| x.id == h.topic));
        }
    }
    out
}

/// The clause whose list clause `i` belongs to: the lead-in a bullet or a
/// continuation is cited by, or the parent of an enumerated item, provided
/// it introduces a list (ends with a colon).
fn lead_in(reads: &[Read], st: &Structure, i: usize) -> Option<usize> {
    let c = reads[i].clause;
    let l = if st.owner[i] != i {
        st.owner[i]
    } else if c.kind == ClauseKind::Item {
        let p = c.parent.as_deref()?;
        (0..i).rev().find(|&j| {
            reads[j].clause.lang == c.lang && reads[j].clause.number.as_deref() == Some(p)
        })?
    } else {
        return None;
    };
    reads[l].clause.text.trim_end().ends_with(':').then_some(l)
}

/// A foreign law named in a clause.
fn foreign(rules: &LegalRules, reads: &[Read], flags: &mut Vec<(usize, Flag)>) {
    for (i, r) in reads.iter().enumerate() {
        let lang = r.clause.lang;
        for item in &rules.foreign_law {
            if let Some(m) = item_matches(item, lang, &r.words).first() {
                flags.push((
                    i,
                    Flag {
                        kind: FindingKind::ForeignLaw,
                        rule: item.id.clone(),
                        lang,
                        clause: r.clause.id.clone(),
                        hit: m.hit(&r.clause.text, &r.words),
                        detail: item.name.clone(),
                    },
                ));
            }
        }
    }
}

/// Bytes around a title where its number and date are looked for.
const BEFORE_TITLE: usize = 160;
const AFTER_TITLE: usize = 80;
/// Bytes between a law number and its date or quoted title.
const NEAR: usize = 60;

/// The law cited with a wrong number, date or title.
fn citations(rules: &LegalRules, reads: &[Read], flags: &mut Vec<(usize, Flag)>) {
    for (i, r) in reads.iter().enumerate() {
        let text = &r.clause.text;
        let ents = &r.entities;
        let laws: Vec<_> = ents.iter().filter(|e| e.kind == EntityKind::Law).collect();
        let dates: Vec<_> = ents.iter().filter(|e| e.kind == EntityKind::Date).collect();
        for law in &rules.citations {
            let titles = find_all(law.titles.set(r.clause.lang), &r.words);
            let mut problems: Vec<(usize, usize, String)> = Vec::new();
            let nearest = |list: &[&Entity], a: usize, b: usize, before: usize, after: usize| {
                list.iter()
                    .filter(|e| e.end + before >= a && e.start <= b + after)
                    .min_by_key(|e| {
                        if e.end <= a {
                            a - e.end
                        } else {
                            e.start.saturating_sub(b)
                        }
                    })
                    .map(|e| (*e).clone())
            };
            let mut used_laws: Vec<usize> = Vec::new();
            for t in &titles {
                let (a, b) = (r.words[t.first()].start, r.words[t.last()].end);
                let num = nearest(&laws, a, b, BEFORE_TITLE, AFTER_TITLE);
                let date = nearest(&dates, a, b, BEFORE_TITLE, AFTER_TITLE);
                if let Some(n) = &num {
                    used_laws.push(n.start);
                    if n.value != law.number {
                        problems.push((
                            n.start,
                            n.end,
                            format!("number {} instead of {}", n.value, law.number),
                        ));
                    }
                }
                if let Some(d) = &date
                    && d.value != law.date
                {
                    // A later date may be the amendment the text is as of.
                    let amendment =
                        d.value > law.date && num.as_ref().is_none_or(|n| n.value == law.number);
                    if !amendment {
                        problems.push((
                            d.start,
                            d.end,
                            format!("date {} instead of {}", d.value, law.date),
                        ));
                    }
                }
            }
            for n in laws.iter().filter(|n| !used_laws.contains(&n.start)) {
                let date = nearest(&dates, n.start, n.end, NEAR, NEAR);
                let by_date = date.as_ref().is_some_and(|d| d.value == law.date);
                if n.value == law.number {
                    if let Some(d) = &date
                        && d.value < law.date
                    {
                        problems.push((
                            d.start,
                            d.end,
                            format!("date {} instead of {}", d.value, law.date),
                        ));
                    }
                    // «Жеке деректер…» for «Дербес деректер…» is reported once
                    // per document by check::parity::spelling (issue 11.7).
                    if let Some(q) = quoted_after(text, n.end)
                        && titles_in(law, r.clause.lang, q, rules).is_none()
                        && titles_in(
                            law,
                            r.clause.lang,
                            &q.to_lowercase().replacen("жеке", "дербес", 1),
                            rules,
                        )
                        .is_none()
                        && looks_like_title(q)
                    {
                        problems.push((
                            n.start,
                            n.end,
                            format!("title «{q}» instead of «{}»", title(law, r.clause.lang)),
                        ));
                    }
                } else if by_date {
                    problems.push((
                        n.start,
                        n.end,
                        format!("number {} instead of {}", n.value, law.number),
                    ));
                }
            }
            if problems.is_empty() {
                continue;
            }
            problems.sort();
            problems.dedup();
            let (start, end) = (
                problems[0].0,
                problems.iter().map(|p| p.1).max().unwrap_or(problems[0].1),
            );
            let mut details: Vec<String> = problems.iter().map(|p| p.2.clone()).collect();
            details.dedup();
            flags.push((
                i,
                Flag {
                    kind: FindingKind::WrongLawCitation,
                    rule: law.id.clone(),
                    lang: r.clause.lang,
                    clause: r.clause.id.clone(),
                    hit: Hit {
                        start,
                        end,
                        words: problems
                            .iter()
                            .map(|p| text[p.0..p.1].to_string())
                            .collect(),
                    },
                    detail: format!(
                        "{} ({} of {}) cited with {}",
                        law.name,
                        law.number,
                        law.date,
                        details.join(", ")
                    ),
                },
            ));
        }
    }
}

fn title(law: &LawCitation, lang: Lang) -> &str {
    match lang {
        Lang::Kk => &law.title_kk,
        _ => &law.title_ru,
    }
}

/// The text of a «quote» that starts within a few bytes after `at`.
fn quoted_after(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let open = rest.find('«')?;
    if open > 12 {
        return None;
    }
    let body = &rest[open + '«'.len_utf8()..];
    let close = body.find('»')?;
    Some(&body[..close])
}

fn looks_like_title(q: &str) -> bool {
    q.split_whitespace().count() >= 2
}

fn titles_in(law: &LawCitation, lang: Lang, q: &str, rules: &LegalRules) -> Option<()> {
    let w = words(q, rules);
    law.titles
        .get(lang)
        .iter()
        .any(|p| !find(p, &w).is_empty())
        .then_some(())
}

/// Read every clause of a document with the legal rules.
pub fn analyze(clauses: &[Clause], entities: &[Vec<Entity>], rules: &LegalRules) -> Legal {
    analyze_for(clauses, entities, rules, None)
}

/// [`analyze`] for a document whose organisation `company` recognised:
/// its name, like «МФО», designates the operator.
pub fn analyze_for(
    clauses: &[Clause],
    entities: &[Vec<Entity>],
    rules: &LegalRules,
    company: Option<&str>,
) -> Legal {
    let name: Vec<String> = company
        .map(|c| words(c, rules).into_iter().map(|w| w.norm).collect())
        .unwrap_or_default();
    let reads: Vec<Read> = clauses
        .iter()
        .zip(entities)
        .map(|(c, e)| Read::new(c, e, rules, &name))
        .collect();
    // A table's header naming the subject's rights, alone in its clause,
    // or as its first column's title («Право | Содержание | Условие» read
    // as one short heading line).
    let header: Vec<bool> = reads
        .iter()
        .map(|r| {
            let short_heading = r.clause.kind == ClauseKind::Heading && r.words.len() <= 4;
            r.clause.number.is_none()
                && !r.words.is_empty()
                && find_all(rules.rights_headers.set(r.clause.lang), &r.words)
                    .iter()
                    .any(|m| m.first() == 0 && (m.last() + 1 == r.words.len() || short_heading))
        })
        .collect();
    let st = structure(clauses, &header);
    // Items under the operator's lead-in («23) Ұйым:», «МФО вправе:»)
    // grant the operator, unless they name someone of their own: the
    // Kazakh predicate «… жоюға құқылы» that closes the list is the
    // lead-in's subject's.
    let under_operator: Vec<bool> = (0..reads.len())
        .map(|i| {
            st.context_from[i]
                .iter()
                .copied()
                .filter(|&j| j < i && reads[j].clause.text.trim_end().ends_with(':'))
                .max()
                .is_some_and(|j| operators_lead_in(&reads[j]))
        })
        .collect();
    let mut reads = reads;
    for (r, _) in reads.iter_mut().zip(&under_operator).filter(|(_, u)| **u) {
        let named: Vec<usize> = r
            .agents
            .iter()
            .chain(&r.operators)
            .map(|m| r.words[m.first()].sentence)
            .collect();
        for (h, subject) in r.grants.iter_mut() {
            if !named.contains(&r.words[h.first()].sentence) {
                *subject = false;
            }
        }
    }
    let own_grant: Vec<bool> = reads
        .iter()
        .zip(&header)
        .map(|(r, &h)| h || grants(r))
        .collect();
    let context: Vec<bool> = (0..reads.len())
        .map(|i| own_grant[i] || st.context_from[i].iter().any(|&j| own_grant[j]))
        .collect();
    let defining = defining(rules, &reads);
    let mut flags: Vec<(usize, Flag)> = Vec::new();
    let rights_cov = rights(&rules.rights, &reads, &st, &context, &defining);
    let extra = rights(&rules.extra_rights, &reads, &st, &context, &defining);
    let disc = disclosures(rules, &reads, &st, &defining, &mut flags);
    foreign(rules, &reads, &mut flags);
    citations(rules, &reads, &mut flags);
    flags.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.kind.name().cmp(b.1.kind.name()))
            .then_with(|| a.1.rule.cmp(&b.1.rule))
    });
    let rights_at: Vec<bool> = (0..reads.len())
        .map(|i| {
            own_grant[i]
                || rights_cov
                    .iter()
                    .chain(&extra)
                    .any(|c| c.mentions.iter().any(|m| m.clause == reads[i].clause.id))
        })
        .collect();
    let topics = topics(rules, &reads, &st, &rights_at);
    Legal {
        law_version: rules.law_version.clone(),
        topics,
        rights: rights_cov,
        extra_rights: extra,
        disclosures: disc,
        flags: flags.into_iter().map(|(_, f)| f).collect(),
    }
}

/// Topic ids of a clause, for reports.
pub fn topic_ids(legal: &Legal, clause: usize) -> Vec<&str> {
    legal
        .topics
        .get(clause)
        .map(|t| t.iter().map(|h| h.topic.as_str()).collect())
        .unwrap_or_default()
}

/// Counts of clauses per topic and language, for reports.
pub fn topic_counts(legal: &Legal, clauses: &[Clause]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, hits) in legal.topics.iter().enumerate() {
        for h in hits {
            let e = out.entry(h.topic.clone()).or_default();
            match clauses.get(i).map(|c| c.lang) {
                Some(Lang::Kk) => e.0 += 1,
                Some(Lang::Ru) => e.1 += 1,
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> LegalRules {
        LegalRules::builtin()
    }

    #[test]
    fn indexed_search_finds_what_the_pattern_by_pattern_search_finds() {
        let r = rules();
        let texts = std::fs::read_to_string("corpus/proleads_kk.txt").unwrap();
        let unindexed = crate::rules::legal::FirstIndex::default();
        let mut found = 0;
        for line in texts.lines().filter(|l| !l.trim().is_empty()) {
            for lang in [Lang::Kk, Lang::Ru] {
                let w = words(line, &r);
                for item in r.rights.iter().chain(&r.disclosures).chain(&r.topics) {
                    let set = item.patterns.set(lang);
                    assert!(set.first.serves(set.patterns.len()));
                    let by_index = find_all(set, &w);
                    let naive = PatternSet {
                        patterns: set.patterns,
                        first: &unindexed,
                    };
                    assert_eq!(by_index, find_all(naive, &w), "{} in {line}", item.id);
                    found += by_index.len();
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    /// `(id, number, kind, parent, text)` of a test clause.
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        ClauseKind,
        Option<&'a str>,
        &'a str,
    );

    /// Clauses of one language from rows.
    fn clauses(lang: Lang, rows: &[Row]) -> Vec<Clause> {
        rows.iter()
            .enumerate()
            .map(|(i, (id, number, kind, parent, text))| Clause {
                id: format!("{}:{id}", lang.code()),
                lang,
                number: number.map(String::from),
                label: None,
                kind: *kind,
                text: text.to_string(),
                term: None,
                segments: vec![],
                line: i + 1,
                page: None,
                parent: parent.map(String::from),
            })
            .collect()
    }

    fn cites(cov: &Coverage, lang: Lang) -> Vec<String> {
        cov.cites(lang).into_iter().map(String::from).collect()
    }

    fn right<'a>(legal: &'a Legal, id: &str) -> &'a Coverage {
        legal.rights.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn the_company_by_its_name_is_the_operator() {
        use ClauseKind::Numbered;
        let rows: [Row; 3] = [
            (
                "2.1",
                Some("2.1"),
                Numbered,
                None,
                "2.1. «Алтын Несие» вправе уничтожить персональные данные.",
            ),
            (
                "2.2",
                Some("2.2"),
                Numbered,
                None,
                "2.2. Алтын Несие вправе блокировать персональные данные.",
            ),
            (
                "2.3",
                Some("2.3"),
                Numbered,
                None,
                "2.3. Субъект вправе требовать изменения своих данных.",
            ),
        ];
        let cs = clauses(Lang::Ru, &rows);
        let ents = crate::extract::clause_entities(&cs);
        let r = rules();
        // Without the name, «Алтын Несие вправе» reads as the subject's.
        let blind = analyze(&cs, &ents, &r);
        assert_eq!(cites(right(&blind, "destroy"), Lang::Ru), ["2.1"]);
        let legal = analyze_for(&cs, &ents, &r, Some("Алтын Несие"));
        assert!(cites(right(&legal, "destroy"), Lang::Ru).is_empty());
        assert!(cites(right(&legal, "block"), Lang::Ru).is_empty());
        assert_eq!(cites(right(&legal, "change"), Lang::Ru), ["2.3"]);
        // A short one-word name is not looked for.
        let w = words("Кит вправе", &r);
        assert!(name_matches(&["кит".to_string()], &w).is_empty());
        let w = words("«Алтын Несиеге» хабарлайды", &r);
        let name: Vec<String> = words("Алтын Несие", &r)
            .into_iter()
            .map(|w| w.norm)
            .collect();
        assert_eq!(name_matches(&name, &w).len(), 1);
    }

    #[test]
    fn duties_of_the_subject_grant_nothing_but_the_operators_do() {
        use ClauseKind::{Heading, Numbered};
        let rows: [Row; 5] = [
            (
                "3",
                Some("3"),
                Heading,
                None,
                "3. Права и обязанности клиента",
            ),
            (
                "3.1",
                Some("3.1"),
                Numbered,
                None,
                "3.1. Клиент предоставляет достоверные сведения и несет ответственность за их полноту.",
            ),
            (
                "3.2",
                Some("3.2"),
                Numbered,
                None,
                "3.2. Клиент обязан уведомлять МФО об изменении сведений. Клиент имеет право получать информацию об обработке своих данных.",
            ),
            (
                "3.3",
                Some("3.3"),
                Numbered,
                None,
                "3.3. МФО обязано по запросу клиента предоставить сведения о его данных.",
            ),
            (
                "3.4",
                Some("3.4"),
                Numbered,
                None,
                "3.4. Пользователь обязуется следить за изменениями Политики путем ознакомления с ней.",
            ),
        ];
        let cs = clauses(Lang::Ru, &rows);
        let ents = crate::extract::clause_entities(&cs);
        let legal = analyze(&cs, &ents, &rules());
        // The client's duties in 3.1 and 3.4 are no right to know; the
        // grant in 3.2's second sentence is, and so is the operator's
        // duty to answer in 3.3.
        assert_eq!(cites(right(&legal, "know"), Lang::Ru), ["3.2", "3.3"]);
    }

    #[test]
    fn a_glossary_section_discloses_nothing() {
        use ClauseKind::{Heading, Numbered};
        let rows: [Row; 4] = [
            ("2", Some("2"), Heading, None, "2. Термины и определения"),
            (
                "2.1",
                Some("2.1"),
                Numbered,
                None,
                "2.1. Трансграничная передача персональных данных – передача персональных данных на территорию иностранных государств.",
            ),
            ("3", Some("3"), Heading, None, "3. Передача данных"),
            (
                "3.1",
                Some("3.1"),
                Numbered,
                None,
                "3.1. Данные передаются страховой компании в Республике Беларусь.",
            ),
        ];
        let cs = clauses(Lang::Ru, &rows);
        let ents = crate::extract::clause_entities(&cs);
        let legal = analyze(&cs, &ents, &rules());
        let cross = legal
            .disclosures
            .iter()
            .find(|c| c.id == "cross_border")
            .unwrap();
        assert_eq!(cites(cross, Lang::Ru), ["3.1"]);
        let flag = legal
            .flags
            .iter()
            .find(|f| f.kind == FindingKind::ObligationMisstated)
            .unwrap();
        assert_eq!(flag.clause, "ru:3.1");
        assert!(flag.detail.contains("Belarus"), "{}", flag.detail);
    }

    #[test]
    fn words_fold_and_split_sentences() {
        let r = rules();
        let w = words("1.1. Құқығы бар; МФО-ның 2.3 т. Cайт", &r);
        let norms: Vec<&str> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "1",
                "1",
                "кукыгы",
                "бар",
                "мфо",
                "нын",
                "2",
                "3",
                "т",
                "сайт"
            ]
        );
        let sentences: Vec<usize> = w.iter().map(|w| w.sentence).collect();
        // «1.1.» ends a sentence, so does «;»; «2.3» does not, nor does the
        // abbreviation «т.» (тармақ: «осы Ереженің 2.3 т. сәйкес»).
        assert_eq!(sentences, [0, 0, 1, 1, 2, 2, 2, 2, 2, 2]);
        assert_eq!(&"1.1. Құқығы"[w[2].start..w[2].end], "Құқығы");
    }

    #[test]
    fn patterns_match_stems_gaps_and_exact_words_within_a_sentence() {
        let r = rules();
        let p = |s: &str| crate::rules::legal::compile(s, &r.folding).unwrap();
        let w = words("Вы можете отозвать своё согласие. Согласие", &r);
        let m = find(&p("отозва * согласи"), &w);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].words, vec![2, 4]);
        assert!(find(&p("=отозв согласи"), &w).is_empty());
        // A gap never crosses a sentence end.
        assert!(find(&p("=согласие *3 согласи"), &w).is_empty());
        assert_eq!(find(&p("согласи"), &w).len(), 2);
        assert_eq!(
            m[0].hit("Вы можете отозвать своё согласие. Согласие", &w)
                .words,
            ["отозвать", "согласие"]
        );
    }

    #[test]
    fn numbered_members_read_under_their_lead_in_and_an_anaphor_carries_a_restriction() {
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "12",
                    Some("12"),
                    ClauseKind::Numbered,
                    None,
                    "12. Данные хранятся пять лет.",
                ),
                (
                    "13",
                    Some("13"),
                    ClauseKind::Numbered,
                    None,
                    "13. Клиент имеет право:",
                ),
                (
                    "14",
                    Some("14"),
                    ClauseKind::Numbered,
                    None,
                    "14. – знать о наличии своих данных; такие сведения предоставляются не чаще раза в месяц;",
                ),
                (
                    "15",
                    Some("15"),
                    ClauseKind::Numbered,
                    None,
                    "15. – требовать блокирования своих данных.",
                ),
                (
                    "16",
                    Some("16"),
                    ClauseKind::Numbered,
                    None,
                    "16. Блокирование данных проводится в течение трех дней.",
                ),
                (
                    "17",
                    Some("17"),
                    ClauseKind::Numbered,
                    None,
                    "17. – уничтожение данных по истечении срока хранения.",
                ),
            ],
        );
        assert_eq!(numbered_lead_in(&c, 3), Some(1));
        assert_eq!(numbered_lead_in(&c, 2), Some(1));
        // A member after a clause that ends in no colon has no lead-in.
        assert_eq!(numbered_lead_in(&c, 5), None);
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let know = right(&legal, "know");
        assert_eq!(cites(know, Lang::Ru), ["14"]);
        assert_eq!(know.restrictions.len(), 1);
        assert_eq!(cites(right(&legal, "block"), Lang::Ru), ["15"]);
        assert!(right(&legal, "block").restrictions.is_empty());
        assert!(right(&legal, "destroy").mentions.is_empty());
    }

    #[test]
    fn nested_bullets_read_under_the_bullet_over_them_and_a_denial_restricts_its_own_right() {
        use ClauseKind::Bullet;
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "b1",
                    None,
                    Bullet,
                    None,
                    "– Что вы можете сделать со своими данными",
                ),
                (
                    "b2",
                    None,
                    Bullet,
                    None,
                    "* Узнать, есть ли у нас ваши данные.",
                ),
                (
                    "b3",
                    None,
                    Bullet,
                    None,
                    "* Потребовать заблокировать данные, собранные незаконно; при этом данные не уничтожаются до истечения срока хранения.",
                ),
                ("b4", None, Bullet, None, "– Ваши обязанности"),
                ("b5", None, Bullet, None, "* сообщать нам о смене телефона."),
            ],
        );
        assert_eq!(bullet_over(&c, 1), Some(0));
        assert_eq!(bullet_over(&c, 2), Some(0));
        assert_eq!(bullet_over(&c, 4), Some(3));
        // A bullet of the outer marker has nothing over it.
        assert_eq!(bullet_over(&c, 3), None);
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "know"), Lang::Ru), ["b2"]);
        let block = right(&legal, "block");
        assert_eq!(cites(block, Lang::Ru), ["b3"]);
        // «при этом … не уничтожаются» opens with a connector: it restricts
        // the right before it.
        assert_eq!(block.restrictions.len(), 1);
        // Without a word pointing back, the sentence after a grant
        // restricts it only by naming the right's own act.
        let w = words(
            "Данные удалим по требованию; кредитная история не уничтожается.",
            &rules(),
        );
        assert!(!opens_with_anaphor(&w, 1));
        assert!(opens_with_anaphor(
            &words("Знать; п. 3.2 Указанные сведения.", &rules()),
            1
        ));
    }

    #[test]
    fn a_clause_of_one_right_is_restricted_by_any_condition_it_states() {
        let one = |text: &str| {
            let c = clauses(
                Lang::Ru,
                &[("6.5", Some("6.5"), ClauseKind::Numbered, None, text)],
            );
            let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
            let w = right(&legal, "withdraw_consent");
            assert_eq!(w.status, Presence::RuOnly, "{text}");
            w.restrictions.len()
        };
        // The condition in a sentence of its own, after «;».
        assert_eq!(
            one(
                "6.5. Клиент может отозвать согласие, подав письменное заявление; при \
                 неисполненных обязательствах по договору отзыв невозможен."
            ),
            1
        );
        // Two rights in the clause: the condition's sentence decides.
        assert_eq!(
            one(
                "6.5. Клиент может отозвать согласие. Клиент вправе требовать блокирования \
                 данных. Блокирование не допускается при неисполненных обязательствах."
            ),
            0
        );
    }

    #[test]
    fn a_clause_that_conditions_the_act_restricts_the_right_granted_before_it() {
        let c = clauses(
            Lang::Kk,
            &[
                (
                    "13",
                    Some("13"),
                    ClauseKind::Numbered,
                    None,
                    "13. Клиент келісімін кері қайтарып алуға құқылы.",
                ),
                (
                    "14",
                    Some("14"),
                    ClauseKind::Numbered,
                    None,
                    "14. Келісімді кері қайтарып алу шарт бойынша барлық міндеттемелер \
                     орындалғаннан кейін ғана мүмкін болады.",
                ),
                (
                    "15",
                    Some("15"),
                    ClauseKind::Numbered,
                    None,
                    "15. Сотқа жүгінгенге дейін клиент МҚҰ-ға наразылық хат жібереді.",
                ),
                (
                    "16",
                    Some("16"),
                    ClauseKind::Numbered,
                    None,
                    "16. Клиент өз құқықтарын сотта қорғауға құқылы.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let w = right(&legal, "withdraw_consent");
        let cited: Vec<&str> = w.restrictions.iter().map(|m| m.clause.as_str()).collect();
        assert_eq!(cited, ["kk:14"]);
        // A condition made of the act itself («жүгінгенге дейін») restricts
        // nothing.
        let p = right(&legal, "protection");
        assert_eq!(p.status, Presence::KkOnly);
        assert!(p.restrictions.is_empty(), "{:?}", p.restrictions);
    }

    #[test]
    fn a_first_person_request_grants_the_right_the_operator_carries_out() {
        let c = clauses(
            Lang::Kk,
            &[(
                "6.2",
                Some("6.2"),
                ClauseKind::Numbered,
                None,
                "6.2. Менің дербес деректерім қате болса, оларды МҚҰ менің талабым бойынша \
                 түзетеді және толықтырады.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "change").status, Presence::KkOnly);
    }

    #[test]
    fn a_lead_in_that_denies_a_right_is_restricted_by_its_items() {
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "3.3",
                    Some("3.3"),
                    ClauseKind::Numbered,
                    None,
                    "3.3. Субъект вправе отозвать согласие на обработку данных. При этом:",
                ),
                (
                    "3.3.2",
                    Some("3.3.2"),
                    ClauseKind::Numbered,
                    None,
                    "3.3.2. согласие не может быть отозвано в случаях, когда:",
                ),
                (
                    "3.3.2.1",
                    Some("3.3.2.1"),
                    ClauseKind::Numbered,
                    None,
                    "3.3.2.1. у субъекта имеются неисполненные обязательства перед МФО;",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let w = right(&legal, "withdraw_consent");
        assert_eq!(w.status, Presence::RuOnly);
        assert_eq!(w.restrictions.len(), 1);
        assert_eq!(w.restrictions[0].clause, "ru:3.3.2.1");
    }

    #[test]
    fn the_operator_in_an_oblique_case_does_not_act() {
        assert!(oblique_case("МҚҰ-да деректерінің", 6));
        assert!(oblique_case("МҚҰ-ға", 6));
        assert!(!oblique_case("МҚҰ-ның құқығы", 6));
        assert!(!oblique_case("МҚҰ деректерді", 6));
        let c = clauses(
            Lang::Kk,
            &[
                (
                    "5",
                    Some("5"),
                    ClauseKind::Numbered,
                    None,
                    "5. Субъект өзінің деректеріне қатысты:",
                ),
                (
                    "5(а)",
                    Some("5(а)"),
                    ClauseKind::Item,
                    Some("5"),
                    "а) МҚҰ-да өзінің дербес деректерінің бар екенін білуге құқылы;",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "know").status, Presence::KkOnly);
    }

    #[test]
    fn an_operator_that_depends_on_another_word_does_not_act() {
        let one = |lang: Lang, text: &str| {
            let c = clauses(lang, &[("1", Some("1"), ClauseKind::Numbered, None, text)]);
            analyze(&c, &super::super::clause_entities(&c), &rules())
        };
        // A genitive head or a preposition before «МФО»: the subject's grant.
        let ru = one(
            Lang::Ru,
            "1. Защита прав: действия МФО можно обжаловать в уполномоченный орган или в суд.",
        );
        assert_eq!(right(&ru, "protection").status, Presence::RuOnly);
        let ru = one(
            Lang::Ru,
            "1. Сведения о наличии данных клиента у МФО предоставляются по его запросу.",
        );
        assert_eq!(right(&ru, "know").status, Presence::RuOnly);
        // «МФО вправе» still is the operator's own right.
        let ru = one(
            Lang::Ru,
            "1. МФО вправе уничтожить данные по истечении срока.",
        );
        assert_eq!(right(&ru, "destroy").status, Presence::Absent);
        // Kazakh genitive: what the operator owns decides.
        let kk = one(
            Lang::Kk,
            "1. Құқықтарды қорғау: МҚҰ-ның әрекеттеріне уәкілетті органға немесе сотқа шағым жасауға болады.",
        );
        assert_eq!(right(&kk, "protection").status, Presence::KkOnly);
        let kk = one(
            Lang::Kk,
            "1. МҚҰ-ның құқығы: МҚҰ деректерді бұғаттауға құқылы.",
        );
        assert_eq!(right(&kk, "block").status, Presence::Absent);
    }

    #[test]
    fn items_under_the_operators_lead_in_are_the_operators() {
        let c = clauses(
            Lang::Kk,
            &[
                ("VI", Some("VI"), ClauseKind::Heading, None, "VI. ҚОРЫТЫНДЫ"),
                (
                    "VI(23)",
                    Some("VI(23)"),
                    ClauseKind::Item,
                    Some("VI"),
                    "23) Ұйым:",
                ),
                (
                    "VI(23)(а)",
                    Some("VI(23)(а)"),
                    ClauseKind::Item,
                    Some("VI(23)"),
                    "а) кабинетке кіруді бұғаттауға;",
                ),
                (
                    "VI(23)(б)",
                    Some("VI(23)(б)"),
                    ClauseKind::Item,
                    Some("VI(23)"),
                    "б) сақтау мерзімі өткен дербес деректерді жоюға құқылы.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "destroy").status, Presence::Absent);
        // The same items under the subject's lead-in are the subject's.
        let mut c = c;
        c[1].text = "23) Субъект:".into();
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "destroy").status, Presence::KkOnly);
    }

    #[test]
    fn a_question_grants_what_its_answer_affirms_and_the_answer_restricts_it() {
        use ClauseKind::{Heading, Paragraph};
        let faq = |answer: &str| {
            clauses(
                Lang::Ru,
                &[
                    ("h1", None, Heading, None, "Вопросы и ответы"),
                    (
                        "p1",
                        None,
                        Paragraph,
                        None,
                        "Могу ли я удалить свои данные?",
                    ),
                    ("p2", None, Paragraph, None, answer),
                ],
            )
        };
        // The answer speaks of something else: no right.
        let c = faq("Клиент может в любой момент отписаться от рекламных рассылок.");
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "destroy").status, Presence::Absent);
        // «Да», and its condition restricts the right.
        let c = faq("Ответ: Да, но только после полного погашения займа.");
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let destroy = right(&legal, "destroy");
        assert_eq!(cites(destroy, Lang::Ru), ["p1"]);
        assert_eq!(destroy.restrictions.len(), 1);
        assert_eq!(destroy.restrictions[0].clause, "ru:p2");
        // The answer in the same clause, after a dash.
        let c = clauses(
            Lang::Kk,
            &[(
                "p1",
                None,
                Paragraph,
                None,
                "Деректерді бұғаттауды талап етуге бола ма? – Иә, егер шарттар бұзылса.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "block"), Lang::Kk), ["p1"]);
        // «No» without consent, then the subject's grant of what was
        // asked: granted. An answer granting another thing: not.
        let one = |text: &str| clauses(Lang::Ru, &[("p1", None, Paragraph, None, text)]);
        let c = one(
            "Будут ли мои данные опубликованы в общедоступных источниках? – Без вашего согласия – нет; вы вправе дать такое согласие или отказать в нём.",
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "public_sources"), Lang::Ru), ["p1"]);
        let c = one(
            "Можно ли стереть мои данные? – Вы можете получить подробную информацию в контакт-центре.",
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "destroy").status, Presence::Absent);
    }

    /// A FAQ of numbered questions («Вопрос 11.», «19-сұрақ.»: headings)
    /// over their answers: the subject's question grants what its answer
    /// affirms, restricted by the answer's condition; the operator's
    /// question («Используете ли вы…?») grants nothing; a question that
    /// names a disclosure makes its answer state it.
    #[test]
    fn numbered_questions_over_answers_grant_restrict_and_disclose() {
        use ClauseKind::{Heading, Paragraph};
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "4",
                    Some("4"),
                    Heading,
                    None,
                    "Вопрос 4. Используете ли вы общедоступные источники?",
                ),
                (
                    "4-p1",
                    None,
                    Paragraph,
                    Some("4"),
                    "Ответ: Да, сведения о долге мы проверяем по общедоступным реестрам.",
                ),
                (
                    "11",
                    Some("11"),
                    Heading,
                    None,
                    "Вопрос 11. Могу ли я отозвать согласие на обработку данных?",
                ),
                (
                    "11-p1",
                    None,
                    Paragraph,
                    Some("11"),
                    "Ответ: Да, кроме случаев, когда у вас есть непогашенная задолженность.",
                ),
                (
                    "19",
                    Some("19"),
                    Heading,
                    None,
                    "Вопрос 19. Передаются ли мои данные за границу?",
                ),
                (
                    "19-p1",
                    None,
                    Paragraph,
                    Some("19"),
                    "Ответ: Только в государства, обеспечивающие защиту персональных данных.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let w = right(&legal, "withdraw_consent");
        assert_eq!(cites(w, Lang::Ru), ["11"]);
        assert_eq!(w.restrictions.len(), 1);
        assert_eq!(w.restrictions[0].clause, "ru:11-p1");
        assert_eq!(right(&legal, "public_sources").status, Presence::Absent);
        let cross = legal
            .disclosures
            .iter()
            .find(|d| d.id == "cross_border")
            .unwrap();
        assert_eq!(cites(cross, Lang::Ru), ["19"]);
    }

    /// An appendix table of rights aligned by spaces: its header names the
    /// rights' column («Право Содержание Условие»), and each row under it
    /// grants, the short ones read as headings included; a first-person
    /// duty in a consent form («Мен … өтеуге міндеттенемін») grants
    /// nothing.
    #[test]
    fn rows_under_a_rights_header_grant_and_a_signers_duty_does_not() {
        use ClauseKind::{Heading, Paragraph};
        let c = clauses(
            Lang::Ru,
            &[
                ("h1", None, Heading, None, "Приложение 1"),
                ("h2", None, Heading, None, "Право Содержание Условие"),
                (
                    "p1",
                    None,
                    Paragraph,
                    None,
                    "Знать знать о наличии данных у МФО и получать информацию о них по заявлению",
                ),
                (
                    "h3",
                    None,
                    Heading,
                    None,
                    "Уничтожение требовать уничтожения данных если собраны незаконно",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "know"), Lang::Ru), ["p1"]);
        assert_eq!(cites(right(&legal, "destroy"), Lang::Ru), ["h3"]);
        let c = clauses(
            Lang::Kk,
            &[(
                "4.4",
                Some("4.4"),
                ClauseKind::Numbered,
                None,
                "4.4. Мен МҚҰ-ға шарт бойынша келтірілген залалды өтеуге міндеттенемін.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "protection").status, Presence::Absent);
    }

    #[test]
    fn a_speakers_yes_affirms_and_a_footnote_restricts() {
        use ClauseKind::Paragraph;
        // A support chat: the operator's «Конечно» answers the client.
        let c = clauses(
            Lang::Ru,
            &[
                ("p1", None, Paragraph, None, "Клиент: А отозвать согласие?"),
                (
                    "p2",
                    None,
                    Paragraph,
                    None,
                    "Оператор: Конечно, но только после погашения займа.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let w = right(&legal, "withdraw_consent");
        assert_eq!(cites(w, Lang::Ru), ["p1"]);
        assert_eq!(w.restrictions.len(), 1);
        // A footnote marker in the grant points at the condition.
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "p1",
                    None,
                    Paragraph,
                    None,
                    "ПРАВО НА ОТЗЫВ СОГЛАСИЯ. Клиент может отозвать согласие на обработку[1].",
                ),
                (
                    "p2",
                    None,
                    Paragraph,
                    None,
                    "[1] Возможно только после полного погашения займа.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let w = right(&legal, "withdraw_consent");
        assert_eq!(w.restrictions.len(), 1);
        assert_eq!(w.restrictions[0].clause, "ru:p2");
    }

    #[test]
    fn a_label_in_capitals_names_the_paragraph_and_grants_nothing() {
        use ClauseKind::Paragraph;
        let c = clauses(
            Lang::Kk,
            &[(
                "p1",
                None,
                Paragraph,
                None,
                "ШАҒЫМДАР. Қызмет көрсету сапасына шағымдарыңызды байланыс орталығына жібере аласыз.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "protection").status, Presence::Absent);
        // The body grants: «талап етуіңізге болады» is the subject's.
        let c = clauses(
            Lang::Kk,
            &[(
                "p1",
                None,
                Paragraph,
                None,
                "Егер біз құқықтарыңызды бұздық деп санасаңыз, уәкілетті органға немесе сотқа шағым жасап, зиянның өтелуін талап етуіңізге болады.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "protection"), Lang::Kk), ["p1"]);
    }

    #[test]
    fn a_signers_own_choice_in_a_consent_form_grants_the_right() {
        use ClauseKind::Paragraph;
        let form = |lang, text| {
            let c = clauses(lang, &[("3.4", Some("3.4"), Paragraph, None, text)]);
            analyze(&c, &super::super::clause_entities(&c), &rules())
        };
        // First person, no grant word: the signer gives or refuses.
        let ru = form(
            Lang::Ru,
            "3.4. Согласие на распространение моих персональных данных в общедоступных источниках дается или не дается мной отдельно.",
        );
        assert_eq!(cites(right(&ru, "public_sources"), Lang::Ru), ["3.4"]);
        let kk = form(
            Lang::Kk,
            "3.4. Менің дербес деректерімді жалпыға қолжетімді дереккөздерде таратуға келісімді мен жеке беремін немесе беруден бас тартамын.",
        );
        assert_eq!(cites(right(&kk, "public_sources"), Lang::Kk), ["3.4"]);
        // The operator's statement about public sources grants nothing.
        let ru = form(
            Lang::Ru,
            "3.4. МФО не размещает персональные данные в общедоступных источниках.",
        );
        assert_eq!(right(&ru, "public_sources").status, Presence::Absent);
    }

    /// The Kazakh modal «-а/-е алады» (can) grants as «вправе» does,
    /// and the operator's «бере алады» stays the operator's; a consent
    /// form's checkbox «не даю согласия» is the signer's choice; each
    /// from heldout_legal16.
    #[test]
    fn the_kazakh_modal_and_a_refusal_box_grant_the_right() {
        use ClauseKind::Paragraph;
        let one = |lang, text| {
            let c = clauses(lang, &[("5.5", Some("5.5"), Paragraph, None, text)]);
            analyze(&c, &super::super::clause_entities(&c), &rules())
        };
        let kk = one(
            Lang::Kk,
            "5.5. Клиент деректерді өңдеуге берген келісімін кері шақырып ала алады.",
        );
        assert_eq!(cites(right(&kk, "withdraw_consent"), Lang::Kk), ["5.5"]);
        let kk = one(
            Lang::Kk,
            "5.5. Клиент жалпыға қолжетімді дереккөздерде таратуға келісім бере алады немесе одан бас тарта алады.",
        );
        assert_eq!(cites(right(&kk, "public_sources"), Lang::Kk), ["5.5"]);
        let kk = one(
            Lang::Kk,
            "5.5. МҚҰ деректерді жалпыға қолжетімді дереккөздерде тарата алады.",
        );
        assert_eq!(right(&kk, "public_sources").status, Presence::Absent);
        let ru = one(
            Lang::Ru,
            "5.5. ☑ не даю согласия на распространение моих данных в общедоступных источниках.",
        );
        assert_eq!(cites(right(&ru, "public_sources"), Lang::Ru), ["5.5"]);
    }

    #[test]
    fn rows_under_a_table_header_read_in_their_sections_heading() {
        use ClauseKind::{Heading, Paragraph};
        let c = clauses(
            Lang::Kk,
            &[
                ("4", Some("4"), Heading, None, "4. Сіздің құқықтарыңыз"),
                ("4-h1", None, Heading, Some("4"), "Құқық Қалай жүзеге асыру"),
                (
                    "4-p1",
                    None,
                    Paragraph,
                    Some("4"),
                    "Бұғаттау Деректерді өңдеу шарттары бұзылса, бұғаттауды талап етіңіз",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "block"), Lang::Kk), ["4-p1"]);
    }

    #[test]
    fn a_detail_in_a_sentence_about_something_else_is_no_procedure() {
        use ClauseKind::Paragraph;
        let c = clauses(
            Lang::Ru,
            &[(
                "p1",
                None,
                Paragraph,
                None,
                "Клиент может отозвать согласие на обработку данных. Push-уведомления можно отключить в настройках.",
            )],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let procedure = legal
            .disclosures
            .iter()
            .find(|d| d.id == "withdrawal_procedure")
            .unwrap();
        assert_eq!(procedure.status, Presence::Absent);
        assert_eq!(right(&legal, "withdraw_consent").status, Presence::RuOnly);
    }

    /// A question as a heading names the right its answer grants (a
    /// Markdown FAQ, heldout_legal17); the operator's refusal in a rights
    /// section grants nothing, unless the clause also grants the right.
    #[test]
    fn a_question_heading_and_the_operators_refusal_in_a_rights_section() {
        use ClauseKind::{Heading, Paragraph};
        let faq = |answer: &str| {
            let c = clauses(
                Lang::Ru,
                &[
                    (
                        "h1",
                        None,
                        Heading,
                        None,
                        "Будут ли мои данные опубликованы в общедоступных источниках?",
                    ),
                    ("p1", None, Paragraph, Some("h1"), answer),
                ],
            );
            analyze(&c, &super::super::clause_entities(&c), &rules())
        };
        let legal = faq(
            "Без вашего согласия – нет. Дать согласие на такое распространение или отказаться от него – ваше право.",
        );
        assert_eq!(cites(right(&legal, "public_sources"), Lang::Ru), ["h1"]);
        let legal = faq("Нет, мы этого не делаем.");
        assert_eq!(right(&legal, "public_sources").status, Presence::Absent);
        let section = |text: &str| {
            let c = clauses(
                Lang::Kk,
                &[
                    ("4", Some("4"), Heading, None, "4. Клиенттің құқықтары"),
                    ("4.4", Some("4.4"), Paragraph, Some("4"), text),
                ],
            );
            analyze(&c, &super::super::clause_entities(&c), &rules())
        };
        let legal = section(
            "4.4. МҚҰ Клиенттің деректерін жалпыға қолжетімді дереккөздерге орналастырмайды.",
        );
        assert_eq!(right(&legal, "public_sources").status, Presence::Absent);
        let legal = section(
            "4.4. МҚҰ Клиенттің деректерін жалпыға қолжетімді дереккөздерге оның келісімінсіз орналастырмайды; мұндай келісім беру немесе бермеу – Клиенттің құқығы.",
        );
        assert_eq!(cites(right(&legal, "public_sources"), Lang::Kk), ["4.4"]);
    }

    #[test]
    fn rows_under_an_unnumbered_lead_in_and_answers_under_questions_read_in_its_context() {
        let c = clauses(
            Lang::Ru,
            &[
                ("6", Some("6"), ClauseKind::Heading, None, "6. Права"),
                ("6-p1", None, ClauseKind::Paragraph, Some("6"), "Вы вправе:"),
                (
                    "6-h1",
                    None,
                    ClauseKind::Heading,
                    Some("6"),
                    "Право Как реализуется Срок ответа",
                ),
                (
                    "6-p2",
                    None,
                    ClauseKind::Paragraph,
                    Some("6"),
                    "Требовать уничтожения данных, собранных с нарушением закона Заявление",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "destroy"), Lang::Ru), ["6-p2"]);
        // Without the lead-in the row grants nothing.
        let mut c = c;
        c[1].text = "Таблица.".into();
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(right(&legal, "destroy").status, Presence::Absent);
        // A period answered under its question.
        let c = clauses(
            Lang::Kk,
            &[
                (
                    "(9)",
                    Some("(9)"),
                    ClauseKind::Item,
                    None,
                    "9) Деректер қанша уақыт сақталады?",
                ),
                (
                    "(9)-p1",
                    None,
                    ClauseKind::Paragraph,
                    Some("(9)"),
                    "Қарыз толық өтелген күннен бастап бес жыл бойы.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let d = legal
            .disclosures
            .iter()
            .find(|d| d.id == "retention_period")
            .unwrap();
        assert_eq!(d.status, Presence::KkOnly);
    }

    #[test]
    fn references_expand_their_ranges() {
        assert_eq!(
            referenced_numbers("правами, указанными в пп. 1.3–1.5 и 1.7 Политики"),
            ["1.3", "1.4", "1.5", "1.7"]
        );
        assert_eq!(
            referenced_numbers("осы Саясаттың 1.3–1.7-тармақтарында"),
            ["1.3", "1.4", "1.5", "1.6", "1.7"]
        );
        // A date or a one-level number is no clause reference.
        assert!(referenced_numbers("от 21 мая 2013 года № 94-V").is_empty());
    }

    #[test]
    fn a_right_granted_by_pointing_at_its_definition_is_granted() {
        let c = clauses(
            Lang::Ru,
            &[
                ("1", Some("1"), ClauseKind::Heading, None, "1. Термины"),
                (
                    "1.3",
                    Some("1.3"),
                    ClauseKind::Numbered,
                    None,
                    "1.3. Право на доступ – право субъекта знать о наличии у МФО его данных.",
                ),
                (
                    "1.4",
                    Some("1.4"),
                    ClauseKind::Numbered,
                    None,
                    "1.4. Право на удаление – право субъекта требовать уничтожения данных.",
                ),
                (
                    "4",
                    Some("4"),
                    ClauseKind::Heading,
                    None,
                    "4. Права субъекта",
                ),
                (
                    "4.1",
                    Some("4.1"),
                    ClauseKind::Numbered,
                    None,
                    "4.1. Субъект пользуется правом, указанным в п. 1.3.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "know"), Lang::Ru), ["1.3"]);
        // 1.4 is defined but never granted.
        assert_eq!(right(&legal, "destroy").status, Presence::Absent);
    }

    #[test]
    fn rows_after_a_sibling_that_announces_them_read_in_its_context() {
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "4.1",
                    Some("4.1"),
                    ClauseKind::Numbered,
                    None,
                    "4.1. Субъект обладает правами, перечисленными в таблице ниже.",
                ),
                (
                    "4.1-h1",
                    None,
                    ClauseKind::Heading,
                    Some("4.1"),
                    "Право Как реализовать",
                ),
                (
                    "4.2",
                    Some("4.2"),
                    ClauseKind::Numbered,
                    None,
                    "4.2. Требовать уничтожения данных, собранных с нарушением закона Заявление",
                ),
            ],
        );
        assert_eq!(announcing_sibling(&c, 2), Some(0));
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "destroy"), Lang::Ru), ["4.2"]);
        // A sibling that announces nothing gives no context.
        let mut c = c;
        c[0].text = "4.1. Субъект обладает правами.".into();
        assert_eq!(announcing_sibling(&c, 2), None);
    }

    #[test]
    fn bullets_belong_to_their_lead_in() {
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "7",
                    Some("7"),
                    ClauseKind::Heading,
                    None,
                    "7. Права пользователя",
                ),
                (
                    "7.1",
                    Some("7.1"),
                    ClauseKind::Numbered,
                    None,
                    "7.1. Пользователь имеет право:",
                ),
                (
                    "7.1-b1",
                    None,
                    ClauseKind::Bullet,
                    Some("7.1"),
                    "• знать о наличии своих данных;",
                ),
                (
                    "7.1-p1",
                    None,
                    ClauseKind::Paragraph,
                    Some("7.1"),
                    "-перечень персональных данных;",
                ),
                (
                    "7.1-b2",
                    None,
                    ClauseKind::Bullet,
                    Some("7.1"),
                    "• отозвать согласие при условии выполнения всех обязательств по договору займа.",
                ),
                (
                    "7.1-p2",
                    None,
                    ClauseKind::Paragraph,
                    Some("7.1"),
                    "При этом МФО вправе уничтожить данные.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "know"), Lang::Ru), ["7.1"]);
        let w = right(&legal, "withdraw_consent");
        assert_eq!(cites(w, Lang::Ru), ["7.1"]);
        assert_eq!(w.restrictions.len(), 1);
        assert_eq!(w.restrictions[0].clause, "ru:7.1-b2");
        assert_eq!(w.status, Presence::RuOnly);
        // The operator's right to destroy is not the subject's.
        assert!(right(&legal, "destroy").mentions.is_empty());
    }

    #[test]
    fn the_operator_named_first_keeps_a_kazakh_grant() {
        let c = clauses(
            Lang::Kk,
            &[
                (
                    "2.1",
                    Some("2.1"),
                    ClauseKind::Numbered,
                    None,
                    "2.1. МҚҰ пайдаланушы тіркелген кезде ақпаратты жинауға және жоюға құқылы.",
                ),
                (
                    "3.1",
                    Some("3.1"),
                    ClauseKind::Numbered,
                    None,
                    "3.1. Пайдаланушы өз дербес деректерін жоюды талап етуге құқылы.",
                ),
                (
                    "4.1",
                    Some("4.1"),
                    ClauseKind::Numbered,
                    None,
                    "4.1. Ұрлауға, рұқсатсыз көшіруге және жоюға жол бермейтін шаралар қолданылады.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(cites(right(&legal, "destroy"), Lang::Kk), ["3.1"]);
    }

    #[test]
    fn topics_prefer_the_longer_construction_and_lists_inherit() {
        let c = clauses(
            Lang::Ru,
            &[
                (
                    "1",
                    Some("1"),
                    ClauseKind::Heading,
                    None,
                    "1. Цели сбора и обработки персональных данных",
                ),
                (
                    "1.1",
                    Some("1.1"),
                    ClauseKind::Numbered,
                    None,
                    "1.1. МФО обрабатывает данные в следующих целях:",
                ),
                (
                    "1.1-b1",
                    None,
                    ClauseKind::Bullet,
                    Some("1.1"),
                    "• заключение договора;",
                ),
                (
                    "2.1",
                    Some("2.1"),
                    ClauseKind::Numbered,
                    None,
                    "2.1. Настоящая Политика конфиденциальности размещена на сайте.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        assert_eq!(topic_ids(&legal, 0), ["purposes"]);
        assert_eq!(topic_ids(&legal, 1), ["purposes"]);
        assert_eq!(topic_ids(&legal, 2), ["purposes"]);
        assert_eq!(legal.topics[2][0].from.as_deref(), Some("ru:1.1"));
        // The policy's name is not a security measure.
        assert!(topic_ids(&legal, 3).is_empty());
        let h = &legal.topics[1][0].hit;
        assert_eq!(&c[1].text[h.start..h.end], "следующих целях");
    }

    #[test]
    fn wrong_citations_and_foreign_law_are_flagged() {
        let c = clauses(
            Lang::Kk,
            &[
                (
                    "1.1",
                    Some("1.1"),
                    ClauseKind::Numbered,
                    None,
                    "1.1. Қазақстан Республикасының 2013 жылғы 21 мамырдағы No 4-V «Дербес деректер және оларды қорғау туралы» Заңы (03.07.2020 ж. өзгертулермен).",
                ),
                (
                    "1.2",
                    Some("1.2"),
                    ClauseKind::Numbered,
                    None,
                    "1.2. Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V «Дербес деректер және оларды қорғау туралы» Заңы.",
                ),
                (
                    "1.3",
                    Some("1.3"),
                    ClauseKind::Numbered,
                    None,
                    "1.3. «Дербес деректер және оларды қорғау туралы» 2012 жылғы 21 мамырдағы № 94-V Заң.",
                ),
                (
                    "1.4",
                    Some("1.4"),
                    ClauseKind::Numbered,
                    None,
                    "1.4. Ресей Федерациясының заңнамасына сәйкес.",
                ),
            ],
        );
        let legal = analyze(&c, &super::super::clause_entities(&c), &rules());
        let flags: Vec<(FindingKind, &str, &str)> = legal
            .flags
            .iter()
            .map(|f| (f.kind, f.clause.as_str(), f.detail.as_str()))
            .collect();
        assert_eq!(flags.len(), 3, "{flags:?}");
        assert_eq!(flags[0].0, FindingKind::WrongLawCitation);
        assert_eq!(flags[0].1, "kk:1.1");
        assert!(
            flags[0].2.contains("number 4-V instead of 94-V"),
            "{}",
            flags[0].2
        );
        // The amendment date (2020) is not a wrong date; 2012 is.
        assert!(!flags[0].2.contains("date"));
        assert_eq!(
            (flags[1].0, flags[1].1),
            (FindingKind::WrongLawCitation, "kk:1.3")
        );
        assert!(flags[1].2.contains("date 2012-05-21 instead of 2013-05-21"));
        assert_eq!(
            (flags[2].0, flags[2].1),
            (FindingKind::ForeignLaw, "kk:1.4")
        );
    }

    #[test]
    fn a_year_dates_a_law_and_is_no_period() {
        let t = "от 21 мая 2013 года и 5 лет, 12019 года";
        assert!(after_year(t, t.find("года").unwrap()));
        assert!(!after_year(t, t.find("лет").unwrap()));
        assert!(!after_year(t, t.rfind("года").unwrap()));
    }
}
