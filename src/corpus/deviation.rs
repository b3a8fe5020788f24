//! How a document deviates from its family's template (or a new version of
//! a policy from the old one): clauses added, removed and changed, each
//! changed clause classified by *what* changed and given a word-level
//! redline.
//!
//! The engine is one: align the two clause sequences of one language with
//! [`template::align`](super::template::align) (monotonic, Dice ≥
//! [`MATCH_THRESHOLD`](super::template::MATCH_THRESHOLD)); an unmatched
//! reference clause is `removed`, an unmatched clause of the compared
//! document is `added`, a matched pair whose normalised words differ is
//! `changed`. A reference clause and a clause of the document alone in
//! the same gap of the alignment, under the same printed number, are one
//! clause rewritten in place: `changed`, however different the words. A
//! clause cut in two (or two joined) by a layout, word for word, is no
//! deviation. Masked differences (the company's name, its own contacts and
//! address, its BIN) are never deviations; see
//! [`template`](super::template).
//!
//! A changed clause gets the first [`ChangeType`] that applies, in this
//! order: `third_party` when a quoted name and a country name are inserted
//! or deleted together and no law changed (a transfer sentence, though it
//! says «вправе») → `right` (the set of right ids found in the clause
//! differs: a right withdrawn or granted; or a sentence with a right's verb
//! and a granting word, «вправе отозвать согласие», «келісімді кері
//! қайтарып алуға құқылы», is deleted or inserted whole, which the
//! extracted rights miss when the clause grants the right again) → `law` (a law entity differs, or a word
//! naming a law is inserted or deleted: «закон», «заң…», «федерал…»,
//! «ФЗ», «кодекс», or a word of a law's quoted title) → `third_party` (an
//! inserted or deleted word inside «…» quotes that is not a law's title,
//! an inserted or deleted country name, or an insertion of at least
//! [`THIRD_PARTY_INSERT`] words in a clause about third parties or
//! cross-border transfer) → `number` (the figures and dates of the clause
//! differ) → `contact` (e-mails, web addresses or phones differ once own
//! contacts are masked) → `number` again when a word with digits changed
//! that no entity covers → `wording`.
//!
//! Invariants: deviations come in the order of the alignment (reference
//! order, an added clause after the reference clause it follows); a
//! redline's `Equal` and `Insert` texts concatenate to the compared
//! clause's text, its `Equal` and `Delete` texts to the reference
//! clause's. Pure and deterministic.

use serde::Serialize;
use std::collections::BTreeMap;

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};

use super::template::{
    ClauseRec, MATCH_THRESHOLD, Template, Word, align, is_own, mask_identity, related_domains,
    renaming, similarity,
};
use crate::model::{EntityKind, Lang, Severity};

/// What happened to a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// In the document, not in the reference (template or old version).
    Added,
    /// In the reference, not in the document.
    Removed,
    /// In both, with different normalised words.
    Changed,
}

/// What changed in a changed clause (see the module documentation for the
/// order in which they are tried).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeType {
    /// A number, period, sum, percentage or date: medium.
    Number,
    /// A right of the data subject withdrawn or granted: high.
    Right,
    /// A different law cited (e.g. Russia's 152-ФЗ for Law of RK 94-V): high.
    Law,
    /// An e-mail, web address or telephone: medium.
    Contact,
    /// A new recipient or transfer country: high.
    ThirdParty,
    /// Anything else: info.
    Wording,
}

impl ChangeType {
    /// The severity of a change of this type.
    pub fn severity(self) -> Severity {
        match self {
            ChangeType::Right | ChangeType::Law | ChangeType::ThirdParty => Severity::High,
            ChangeType::Number | ChangeType::Contact => Severity::Medium,
            ChangeType::Wording => Severity::Info,
        }
    }
}

/// One step of a redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditOp {
    Equal,
    Insert,
    Delete,
}

/// A run of text of a redline: kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub op: EditOp,
    pub text: String,
}

/// One deviation of a document from its reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deviation {
    pub kind: DeviationKind,
    pub lang: Lang,
    /// The document's clause id (`kk:6.2`); `None` for a removed clause.
    pub clause: Option<String>,
    /// The reference clause: its document index and clause id (for
    /// [`diff`], index 0 is the old version); `None` for an added clause.
    pub template_clause: Option<(usize, String)>,
    /// For a changed clause, what changed.
    pub change: Option<ChangeType>,
    pub severity: Severity,
    /// Similarity of a changed pair, in [0, 1].
    pub similarity: Option<f64>,
    /// Word-level redline, reference → document: a removed clause is one
    /// `Delete`, an added one one `Insert`.
    pub redline: Vec<Edit>,
    /// From a family of two ([`Template::undirected`]): a difference
    /// between the two members, reported once on the later one, not a
    /// deviation from a majority. Not serialised when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub undirected: bool,
}

/// Inserted words that make a change about third parties when the clause
/// is about third parties or cross-border transfer: a new sentence, not a
/// substituted word.
pub const THIRD_PARTY_INSERT: usize = 3;

/// Stems of words that name a law (folded to lower case).
const LAW_STEMS: &[&str] = &["закон", "заң", "федерал", "фз", "кодекс"];

/// Legislation in general («законодательству», «заңнамасына»): no law
/// cited.
fn legislation(w: &str) -> bool {
    w.starts_with("законодат") || w.starts_with("заңнам")
}

/// A word that names a law or a code (not legislation in general:
/// «законодательство», «заңнама» sit beside a transfer country too).
fn names_a_law(w: &str) -> bool {
    (w.starts_with("закон") || w.starts_with("заң") || w.starts_with("кодекс")) && !legislation(w)
}

/// Stems of foreign states' names, Kazakh and Russian (folded lower
/// case), for transfer countries: the `countries` of the shipped legal
/// rules (data/rules.json). Kazakhstan is not among them.
static COUNTRIES: std::sync::LazyLock<(crate::rules::legal::Folding, Vec<String>)> =
    std::sync::LazyLock::new(|| {
        let rules = crate::rules::legal::LegalRules::builtin();
        let stems = rules
            .country_stems()
            .into_iter()
            .map(str::to_string)
            .collect();
        (rules.folding, stems)
    });

fn names_a_country(w: &str) -> bool {
    let (folding, stems) = &*COUNTRIES;
    let w = folding.word(w);
    stems.iter().any(|s| w.starts_with(s.as_str()))
}

/// Reference clauses: (document index, record).
type Refs<'a> = [(usize, &'a ClauseRec)];

/// A redline token: the comparison key and the raw text.
struct Piece<'a> {
    key: &'a str,
    raw: &'a str,
    /// Index into the record's words, for a word.
    word: Option<usize>,
}

/// A separator's key: its non-blank text, or one space.
fn sep(raw: &str) -> &str {
    if raw.trim().is_empty() {
        " "
    } else {
        raw.trim()
    }
}

fn pieces(r: &ClauseRec) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (k, (w, &(a, b))) in r.words.iter().zip(&r.spans).enumerate() {
        if a > at {
            let raw = &r.text[at..a];
            out.push(Piece {
                key: sep(raw),
                raw,
                word: None,
            });
        }
        out.push(Piece {
            key: w,
            raw: &r.text[a..b],
            word: Some(k),
        });
        at = b;
    }
    if at < r.text.len() {
        let raw = &r.text[at..];
        out.push(Piece {
            key: sep(raw),
            raw,
            word: None,
        });
    }
    out
}

fn push(edits: &mut Vec<Edit>, op: EditOp, text: &str) {
    if text.is_empty() {
        return;
    }
    match edits.last_mut() {
        Some(e) if e.op == op => e.text.push_str(text),
        _ => edits.push(Edit {
            op,
            text: text.to_string(),
        }),
    }
}

/// The word-level redline of `old` → `new` with the indices of the words
/// deleted from `old` and inserted into `new`.
fn redline(old: &ClauseRec, new: &ClauseRec) -> (Vec<Edit>, Vec<usize>, Vec<usize>) {
    let (po, pn) = (pieces(old), pieces(new));
    let ko: Vec<&str> = po.iter().map(|p| p.key).collect();
    let kn: Vec<&str> = pn.iter().map(|p| p.key).collect();
    let mut edits = Vec::new();
    let (mut del, mut ins) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &ko, &kn) {
        let (tag, or, nr) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for p in &pn[nr] {
                push(&mut edits, EditOp::Equal, p.raw);
            }
            continue;
        }
        for p in &po[or] {
            push(&mut edits, EditOp::Delete, p.raw);
            del.extend(p.word);
        }
        for p in &pn[nr] {
            push(&mut edits, EditOp::Insert, p.raw);
            ins.extend(p.word);
        }
    }
    (edits, del, ins)
}

/// For each word of `r`, whether it stands inside «…» or “…” quotes.
fn quoted(r: &ClauseRec) -> Vec<bool> {
    // depth[i]: quotes open before the character at byte i.
    let mut depth = vec![0i32; r.text.len() + 1];
    let mut d = 0i32;
    for (i, c) in r.text.char_indices() {
        depth[i] = d;
        match c {
            '«' | '“' => d += 1,
            '»' | '”' => d = (d - 1).max(0),
            _ => {}
        }
    }
    r.spans.iter().map(|&(a, _)| depth[a] > 0).collect()
}

/// For each word of `r`, whether it is in the quoted title of a law: a run
/// of quoted words ([`quoted`]) with a word naming a law ([`LAW_STEMS`])
/// among the three words before or after it («Законом «О платежах и
/// платежных системах»», «"Төлемдер туралы" Заңы»).
fn law_title(r: &ClauseRec, q: &[bool]) -> Vec<bool> {
    let mut out = vec![false; q.len()];
    let mut k = 0;
    while k < q.len() {
        if !q[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k < q.len() && q[k] {
            k += 1;
        }
        let near = (start.saturating_sub(3)..start).chain(k..(k + 3).min(q.len()));
        if near.into_iter().any(|w| starts_any(&r.words[w], LAW_STEMS)) {
            out[start..k].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

fn values(r: &ClauseRec, pick: impl Fn(EntityKind) -> bool) -> Vec<&str> {
    let mut v: Vec<&str> = r
        .entities
        .iter()
        .filter(|(k, _)| pick(*k))
        .map(|(_, v)| v.as_str())
        .collect();
    v.sort_unstable();
    v
}

fn starts_any(w: &str, stems: &[&str]) -> bool {
    stems.iter().any(|s| w.starts_with(s))
}

/// Does a word grant a right: «право», «вправе», «құқылы», «құқығы»…
/// (not «правила», «правовой»).
fn grants(w: &str) -> bool {
    matches!(w, "право" | "права" | "праве" | "правом" | "правах")
        || w.starts_with("вправе")
        || w.starts_with("құқ")
}

/// Stems of the verbs and nouns of the data subject's rights, Russian and
/// Kazakh: to know, access, get information, withdraw consent, demand
/// destruction, deletion, change, blocking, appeal.
const RIGHT_VERB_STEMS: &[&str] = &[
    "знать",
    "получ",
    "доступ",
    "ознаком",
    "отозва",
    "отзыв",
    "требова",
    "уничтож",
    "удал",
    "изменени",
    "исправ",
    "блокир",
    "обжал",
    "білу",
    "жеткіз",
    "таныс",
    "кері",
    "талап",
    "жою",
    "жойыл",
    "өзгерт",
    "толықтыр",
    "түзет",
    "бұғатта",
    "шағым",
];

/// Words a deleted right sentence has at least.
pub const RIGHT_SENTENCE_WORDS: usize = 4;

/// A sentence granting a right deleted (or, with the arguments swapped,
/// inserted) even though the clause's extracted
/// rights did not change (the right is granted again elsewhere in the
/// clause, or the patterns missed it): at least [`RIGHT_SENTENCE_WORDS`]
/// words deleted and fewer than half as many inserted, the deleted words
/// include a right's verb, and they, or the rest of the clause (a lead-in
/// «… вправе:» over a deleted bullet), include a granting word.
fn right_deleted(old: &ClauseRec, del: &[usize], ins: &[usize]) -> bool {
    if del.len() < RIGHT_SENTENCE_WORDS || 2 * ins.len() >= del.len() {
        return false;
    }
    let deleted = || del.iter().map(|&k| old.words[k].as_str());
    deleted().any(|w| starts_any(w, RIGHT_VERB_STEMS)) && grants_rights(old)
}

/// Does a clause grant the data subject rights: the legal reading found
/// one in it, or it has a granting word («право», «вправе», «может»,
/// «құқылы», «… алады»)?
fn grants_rights(r: &ClauseRec) -> bool {
    !r.rights.is_empty()
        || r.words.iter().any(|w| {
            grants(w) || w.starts_with("может") || w.starts_with("можете") || w.ends_with("алады")
        })
}

/// A court or the authorised body as where the subject may turn: a way of
/// the right to protection («… или в суд», «… немесе сотқа»).
fn names_a_forum(w: &str) -> bool {
    matches!(
        w,
        "суд" | "суда" | "суде" | "судом" | "сот" | "сотқа" | "сотта" | "соттың"
    ) || w.starts_with("судебн")
        || w.starts_with("уполномоченн")
        || w.starts_with("уәкілетті")
}

/// A right granted or withdrawn without a whole sentence changing: the
/// grant negated or un-negated («сұрай алады» → «сұрай алмайды», «вправе»
/// → «не вправе»), or a court or body where the subject may turn dropped
/// or added («… органға немесе сотқа» → «тек … органға»), in a clause
/// that grants rights.
fn right_turned(old: &ClauseRec, new: &ClauseRec, del: &[usize], ins: &[usize]) -> bool {
    if !grants_rights(old) && !grants_rights(new) {
        return false;
    }
    // A negation that turns a grant: «не» before «может», «вправе»,
    // «имеет»; «алмайды»; «құқылы емес», «құқығы жоқ».
    let turns = |ws: &[usize], r: &ClauseRec| {
        ws.iter().any(|&k| {
            let w = r.words[k].as_str();
            let next = r.words.get(k + 1).map_or("", |w| w.as_str());
            let prev = k.checked_sub(1).map_or("", |p| r.words[p].as_str());
            (w == "не"
                && ["мож", "вправ", "имеет", "имеют", "прав"]
                    .iter()
                    .any(|s| next.starts_with(s)))
                || w.ends_with("алмайды")
                || w.ends_with("алмайсыз")
                || (matches!(w, "емес" | "жоқ") && prev.starts_with("құқ"))
        })
    };
    // «… құқылы емес» → «… тыйым салынады»: a ban said another way (not
    // a ban negated, «если это не запрещено законом», «заңда тыйым
    // салынбаған жағдайда»: a condition that permits).
    let bans = |ws: &[usize], r: &ClauseRec| {
        ws.iter().any(|&k| {
            let w = r.words[k].as_str();
            let next = r.words.get(k + 1).map_or("", |w| w.as_str());
            let prev = k.checked_sub(1).map_or("", |p| r.words[p].as_str());
            (w.starts_with("тыйым") && !next.starts_with("салынба") && !next.starts_with("салынма"))
                || (w.starts_with("запрещ") && prev != "не")
                || w == "нельзя"
        })
    };
    let negation = turns(del, old) != turns(ins, new) && !bans(del, old) && !bans(ins, new);
    let forum = del
        .iter()
        .map(|&k| old.words[k].as_str())
        .chain(ins.iter().map(|&k| new.words[k].as_str()))
        .any(names_a_forum)
        && del.len() + ins.len() <= FORUM_EDIT;
    negation || forum
}

/// Words a redline may change at most and still be a court or body
/// dropped or added («уәкілетті органға немесе сотқа шағым беруге
/// құқылы» → «тек Ұйымның өзіне шағым бере алады»: 11).
const FORUM_EDIT: usize = 12;

/// What changed from `old` to `new` (see the module documentation).
fn classify(old: &ClauseRec, new: &ClauseRec, del: &[usize], ins: &[usize]) -> ChangeType {
    let changed = || {
        del.iter()
            .map(|&k| old.words[k].as_str())
            .chain(ins.iter().map(|&k| new.words[k].as_str()))
    };
    let (qo, qn) = (quoted(old), quoted(new));
    let (lo, ln) = (law_title(old, &qo), law_title(new, &qn));
    let law = |k: EntityKind| k == EntityKind::Law;
    // A country or state changed right before a law's name («Қазақстан
    // Республикасының Азаматтық кодексі» → «Қырғыз …», «Гражданский кодекс
    // Республики Казахстан» → «… Кыргызской Республики»): a law cited.
    let state_of_law = |ws: &[usize], r: &ClauseRec| {
        ws.iter().any(|&k| {
            let w = r.words[k].as_str();
            (names_a_country(w) || w.starts_with("қазақстан") || w.starts_with("казахстан"))
                && r.words[k.saturating_sub(3)..(k + 4).min(r.words.len())]
                    .iter()
                    .any(|n| names_a_law(n))
        })
    };
    // The word that says which code or law, right before its name
    // («Предпринимательским кодексом» → «Налоговым кодексом», «Кәсіпкерлік
    // кодексін» → «Салық кодексін»): another law cited.
    // (Not a contact or a figure before «Заңды мекенжайы», legal address.)
    let which_law = |ws: &[usize], r: &ClauseRec| {
        ws.iter().any(|&k| {
            let w = r.words[k].as_str();
            !w.contains('@')
                && !w.chars().any(|c| c.is_ascii_digit())
                && r.words.get(k + 1).is_some_and(|n| names_a_law(n))
                && !ws.contains(&(k + 1))
        })
    };
    let law_changed = values(old, law) != values(new, law)
        || which_law(del, old)
        || which_law(ins, new)
        || changed().any(|w| starts_any(w, LAW_STEMS) && !legislation(w))
        || del.iter().any(|&k| lo[k])
        || ins.iter().any(|&k| ln[k])
        || state_of_law(del, old)
        || state_of_law(ins, new);
    // Quoted words name a recipient unless they are a law's title.
    let qo: Vec<bool> = qo.iter().zip(&lo).map(|(q, l)| *q && !l).collect();
    let qn: Vec<bool> = qn.iter().zip(&ln).map(|(q, l)| *q && !l).collect();
    let named = |ws: &[usize], q: &[bool]| ws.iter().any(|&k| q[k]);
    let country = |ws: &[usize], r: &ClauseRec| ws.iter().any(|&k| names_a_country(&r.words[k]));
    // A named recipient in a country, inserted or deleted: a transfer
    // sentence, even when it says the company «вправе» (which may read as
    // a right).
    if !law_changed
        && ((named(ins, &qn) && country(ins, new)) || (named(del, &qo) && country(del, old)))
    {
        return ChangeType::ThirdParty;
    }
    if old.rights != new.rights
        || right_deleted(old, del, ins)
        || right_deleted(new, ins, del)
        || right_turned(old, new, del, ins)
    {
        return ChangeType::Right;
    }
    if law_changed {
        return ChangeType::Law;
    }
    let about_third = new
        .topics
        .iter()
        .any(|t| t == "third_parties" || t == "cross_border");
    if named(ins, &qn)
        || named(del, &qo)
        || country(ins, new)
        || country(del, old)
        || (about_third && ins.len() >= del.len() + THIRD_PARTY_INSERT)
    {
        return ChangeType::ThirdParty;
    }
    let figure = |k: EntityKind| k.is_figure() || k == EntityKind::Date;
    // A figure changed where the redline changed a number, in digits or in
    // words (not a figure inside masked words, such as an address's
    // building numbers, beside a changed e-mail).
    let numeric = changed().any(|w| {
        (!w.contains('@') && w.chars().any(|c| c.is_ascii_digit()))
            || crate::extract::numwords::parse(w).is_some()
    });
    if values(old, figure) != values(new, figure) && numeric {
        return ChangeType::Number;
    }
    let contact =
        |k: EntityKind| matches!(k, EntityKind::Email | EntityKind::Url | EntityKind::Phone);
    if values(old, contact) != values(new, contact)
        || ins.iter().any(|&k| new.words[k].starts_with(CONTACT_MARK))
    {
        return ChangeType::Contact;
    }
    // A number in words put for another («екі» → «төрт», «двух» →
    // «четырёх»): the extraction keeps no figure for a bare count, but the
    // figure changed all the same.
    let in_words = |ws: &[usize], r: &ClauseRec| {
        ws.iter()
            .find_map(|&k| crate::extract::numwords::parse(&r.words[k]).map(|(v, _)| v))
    };
    if changed().any(|w| !w.contains('@') && w.chars().any(|c| c.is_ascii_digit()))
        || matches!((in_words(del, old), in_words(ins, new)), (Some(a), Some(b)) if a != b)
    {
        return ChangeType::Number;
    }
    ChangeType::Wording
}

fn removed(lang: Lang, doc: usize, r: &ClauseRec) -> Deviation {
    Deviation {
        kind: DeviationKind::Removed,
        lang,
        clause: None,
        template_clause: Some((doc, r.id.clone())),
        change: None,
        severity: if r.rights.is_empty() {
            Severity::Medium
        } else {
            Severity::High
        },
        similarity: None,
        undirected: false,
        redline: vec![Edit {
            op: EditOp::Delete,
            text: r.text.clone(),
        }],
    }
}

fn added(lang: Lang, r: &ClauseRec) -> Deviation {
    Deviation {
        kind: DeviationKind::Added,
        lang,
        clause: Some(r.id.clone()),
        template_clause: None,
        change: None,
        severity: Severity::Medium,
        similarity: None,
        undirected: false,
        redline: vec![Edit {
            op: EditOp::Insert,
            text: r.text.clone(),
        }],
    }
}

/// The prefix of a member's contact that [`unown_contacts`] took out of
/// the `@own` mask: `@contact:` and the contact's key.
const CONTACT_MARK: &str = "@contact:";

/// The key of a masked own contact, from its text: the registrable domain
/// of an e-mail or web address, the digits of a telephone; `None` for a
/// postal address.
fn contact_key(raw: &str) -> Option<String> {
    let raw = raw.trim().to_lowercase();
    let letters = raw.chars().any(char::is_alphabetic);
    if raw.contains(char::is_whitespace) && letters {
        return None;
    }
    if !letters {
        let d: String = raw.chars().filter(char::is_ascii_digit).collect();
        return (d.len() >= 7).then_some(d);
    }
    let host = match raw.rsplit_once('@') {
        Some((_, h)) => h,
        None => {
            let r = raw.split_once("://").map(|x| x.1).unwrap_or(&raw);
            r.split(['/', '?', '#']).next().unwrap_or(r)
        }
    };
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    (labels.len() >= 2).then(|| labels[labels.len() - 2..].join("."))
}

/// The mailbox of the own e-mail at word `k` of `r`: `info` for
/// `info@own`, or read from the text when the whole e-mail was masked as
/// `@own` (on its company's own domain); `None` for any other word.
fn mailbox(r: &ClauseRec, k: usize) -> Option<String> {
    let local = r.words.get(k)?.strip_suffix("@own")?;
    if !local.is_empty() {
        return Some(local.to_string());
    }
    let (a, b) = *r.spans.get(k)?;
    let (local, _) = r.text.get(a..b)?.trim().rsplit_once('@')?;
    Some(local.to_lowercase())
}

/// Own contacts of the member that break the systematic renaming: the
/// member's clauses mask as `@own` every contact its document repeats, so
/// a contact changed in a clause or two (a new support address, a new
/// phone) is masked too. Over the matched clause pairs, each own contact
/// of the reference (by [`contact_key`]) is mapped to the member's own
/// contact at the same place; when one reference contact maps to several
/// member contacts, the one in most clause pairs (ties: the one the
/// member's clauses mask most often, in this language and in `also`, its
/// clauses of the other language) is the member's
/// identity (still tied: the one whose domain is a variant of another of
/// the member's own domains, [`related_domains`], as a site is of the
/// e-mail domain; then the one named in a clause with the company's BIN,
/// its requisites) and the others are changes: their `@own` word becomes
/// [`CONTACT_MARK`] and the key, so that the clause is `changed`, type
/// `contact`. A contact seen once maps consistently and stays masked.
fn unown_contacts(
    refs: &[ClauseRec],
    ref_docs: &[usize],
    recs: &[ClauseRec],
    also: &[ClauseRec],
) -> Vec<ClauseRec> {
    let raw = |r: &ClauseRec, k: usize| {
        let (a, b) = r.spans[k];
        contact_key(r.text.get(a..b).unwrap_or(""))
    };
    let slots = contact_slots(refs, ref_docs);
    // reference key → member key → (clause pairs, member places).
    type Places = (Vec<usize>, Vec<(usize, usize)>);
    let mut map: BTreeMap<String, BTreeMap<String, Places>> = BTreeMap::new();
    // Member places whose own e-mail stands where the reference has one
    // with the same mailbox, one of the two masked whole (on its company's
    // own domain, the other's domain naming its company less plainly):
    // the same office of another company.
    let mut same_office: Vec<(usize, usize, Word)> = Vec::new();
    for (p, &(i, j, _)) in align(refs, recs).iter().enumerate() {
        let (a, b) = (&refs[i], &recs[j]);
        for op in capture_diff_slices(Algorithm::Myers, &a.words, &b.words) {
            if let DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } = op
            {
                for d in 0..old_len.min(new_len) {
                    let (k, l) = (old_index + d, new_index + d);
                    let whole = a.words[k] == "@own" || b.words[l] == "@own";
                    let (x, y) = (mailbox(a, k), mailbox(b, l));
                    if whole && x.is_some() && x == y {
                        same_office.push((j, l, a.words[k].clone()));
                    }
                }
            }
            let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            else {
                continue;
            };
            for d in 0..len {
                let (k, l) = (old_index + d, new_index + d);
                if !is_own(&a.words[k]) {
                    continue;
                }
                let (Some(tk), Some(mk)) = (raw(a, k), raw(b, l)) else {
                    continue;
                };
                if tk.contains('.') != mk.contains('.') {
                    continue;
                }
                let tk = slots.get(&(i, k)).cloned().unwrap_or(tk);
                let e = map.entry(tk).or_default().entry(mk).or_default();
                if e.0.last() != Some(&p) {
                    e.0.push(p);
                }
                e.1.push((j, l));
            }
        }
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for r in recs.iter().chain(also) {
        for k in 0..r.words.len() {
            if let Some(key) = is_own(&r.words[k]).then(|| raw(r, k)).flatten() {
                *seen.entry(key).or_default() += 1;
            }
        }
    }
    let mut out = recs.to_vec();
    for (j, l, w) in same_office {
        out[j].words[l] = w;
    }
    for images in map.values() {
        if images.len() < 2 {
            continue;
        }
        let rank = |m: &String, v: &Places| {
            (
                v.0.len(),
                seen.get(m).copied().unwrap_or(0),
                coherent(m, &seen),
                v.1.iter()
                    .any(|&(j, _)| recs[j].words.iter().any(|w| w == "@id")),
            )
        };
        let best = images.iter().map(|(m, v)| rank(m, v)).max().unwrap();
        if images.iter().filter(|(m, v)| rank(m, v) == best).count() > 1 {
            continue;
        }
        for (m, v) in images {
            if rank(m, v) == best {
                continue;
            }
            for &(j, l) in &v.1 {
                out[j].words[l] = compact_str::format_compact!("{CONTACT_MARK}{m}");
            }
        }
    }
    for r in &mut out {
        r.hash = super::template::words_hash(&r.words);
    }
    out
}

/// The slot of each masked own contact of the reference, keyed by
/// (reference clause, word): `site#n`, `mail#n` or `phone#n`, n the rank
/// of the contact among the contacts of that sort in the reference clauses
/// taken from the same document (most words first). A template's clauses
/// come from several members, each naming its own site and telephone; the
/// slot is the role the contact plays (the company's site, its e-mail
/// domain, its main telephone), so that the member's two different
/// telephones in two clauses meet under one reference contact and the one
/// that breaks the pattern shows. When two contacts of one sort tie in a
/// document, their roles are unknown and they keep their own keys.
fn contact_slots(refs: &[ClauseRec], ref_docs: &[usize]) -> BTreeMap<(usize, usize), String> {
    // (document, sort) → key → words; sort 0 site, 1 mail, 2 phone.
    type Place = ((usize, usize), (usize, u8), String);
    let mut counts: BTreeMap<(usize, u8), BTreeMap<String, usize>> = BTreeMap::new();
    let mut places: Vec<Place> = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        let doc = ref_docs.get(i).copied().unwrap_or(0);
        for k in 0..r.words.len() {
            if !is_own(&r.words[k]) {
                continue;
            }
            let (a, b) = r.spans[k];
            let text = r.text.get(a..b).unwrap_or("");
            let Some(key) = contact_key(text) else {
                continue;
            };
            let sort = match (key.contains('.'), text.contains('@')) {
                (false, _) => 2,
                (true, false) => 0,
                (true, true) => 1,
            };
            let sort = (doc, sort);
            *counts
                .entry(sort)
                .or_default()
                .entry(key.clone())
                .or_default() += 1;
            places.push(((i, k), sort, key));
        }
    }
    let rank = |sort: &(usize, u8), key: &str| -> Option<usize> {
        let m = &counts[sort];
        let n = m[key];
        if m.iter().any(|(k, c)| *c == n && k != key) {
            return None;
        }
        Some(m.values().filter(|&&c| c > n).count())
    };
    places
        .into_iter()
        .filter_map(|(at, sort, key)| {
            let name = ["site", "mail", "phone"][usize::from(sort.1)];
            rank(&sort, &key).map(|n| (at, format!("{name}#{n}")))
        })
        .collect()
}

/// How many of the member's other own contact domains (`seen`'s keys with
/// a dot) are variants of domain `key` ([`related_domains`]): a company's
/// site and its e-mail domain name the same brand, a contact planted in
/// one clause usually does not. 0 for a telephone.
fn coherent(key: &str, seen: &BTreeMap<String, usize>) -> usize {
    if !key.contains('.') {
        return 0;
    }
    seen.keys()
        .filter(|k| k.as_str() != key && k.contains('.') && related_domains(k, key))
        .count()
}

/// Whether every difference from `old` to `new` replaces slot words of
/// `old` (see [`TemplateClause::slots`](super::template::TemplateClause::slots)):
/// each changed run deletes at least one word, and only slot words.
fn slot_only(old: &ClauseRec, new: &ClauseRec, slots: &[usize]) -> bool {
    if slots.is_empty() {
        return false;
    }
    capture_diff_slices(Algorithm::Myers, &old.words, &new.words)
        .iter()
        .all(|op| {
            let (tag, or, _) = op.as_tag_tuple();
            tag == DiffTag::Equal
                || (!or.is_empty() && or.clone().all(|w| slots.binary_search(&w).is_ok()))
        })
}

/// The alignment's pairs plus the clauses rewritten in place: where the
/// gap between two matched pairs (or an end) holds exactly one reference
/// clause and one clause of the document, under the same printed number,
/// the clause was rewritten, not removed and another added: the two are
/// paired, below [`MATCH_THRESHOLD`], and compared as a `changed` clause.
fn rewritten(
    mut pairs: Vec<(usize, usize, f64)>,
    refs: &[ClauseRec],
    recs: &[ClauseRec],
) -> Vec<(usize, usize, f64)> {
    let mut extra = Vec::new();
    let (mut i, mut j) = (0, 0);
    let end = (refs.len(), recs.len(), 0.0);
    for &(pi, pj, _) in pairs.iter().chain(std::iter::once(&end)) {
        if pi == i + 1 && pj == j + 1 {
            let (a, b) = (&refs[i], &recs[j]);
            if a.number.is_some() && a.number == b.number {
                extra.push((i, j, similarity(a, b)));
            }
        }
        (i, j) = (pi + 1, pj + 1);
    }
    pairs.extend(extra);
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs
}

/// The engine: `refs` against `recs`, both of language `lang`; `slots`
/// (per reference clause, may be shorter) the words of each reference
/// clause that members fill in their own way.
fn compare(refs: &Refs, recs: &[ClauseRec], lang: Lang, slots: &[&[usize]]) -> Vec<Deviation> {
    let plain: Vec<ClauseRec> = refs.iter().map(|(_, r)| (*r).clone()).collect();
    let pairs = rewritten(align(&plain, recs), &plain, recs);
    // Splits and merges: an unmatched neighbour that, joined to a matched
    // clause, gives the other side's words exactly is no deviation (a
    // layout cut a clause in two, or joined two).
    let mut gone_ref = vec![false; refs.len()];
    let mut gone_rec = vec![false; recs.len()];
    let mut same = vec![false; pairs.len()];
    let cat = |a: &ClauseRec, b: &ClauseRec| -> Vec<Word> {
        a.words.iter().chain(&b.words).cloned().collect()
    };
    let matched_ref: Vec<bool> = {
        let mut m = vec![false; refs.len()];
        pairs.iter().for_each(|p| m[p.0] = true);
        m
    };
    let matched_rec: Vec<bool> = {
        let mut m = vec![false; recs.len()];
        pairs.iter().for_each(|p| m[p.1] = true);
        m
    };
    for (k, &(pi, pj, _)) in pairs.iter().enumerate() {
        let (old, new) = (refs[pi].1, &recs[pj]);
        if pj > 0 && !matched_rec[pj - 1] && cat(&recs[pj - 1], new) == old.words {
            (gone_rec[pj - 1], same[k]) = (true, true);
        } else if pj + 1 < recs.len()
            && !matched_rec[pj + 1]
            && cat(new, &recs[pj + 1]) == old.words
        {
            (gone_rec[pj + 1], same[k]) = (true, true);
        } else if pi > 0 && !matched_ref[pi - 1] && cat(refs[pi - 1].1, old) == new.words {
            (gone_ref[pi - 1], same[k]) = (true, true);
        } else if pi + 1 < refs.len()
            && !matched_ref[pi + 1]
            && cat(old, refs[pi + 1].1) == new.words
        {
            (gone_ref[pi + 1], same[k]) = (true, true);
        }
    }
    // Moves: an unmatched clause of the document with the very words of an
    // unmatched reference clause elsewhere (a title and the company line
    // in the other order) is the same clause moved, no deviation.
    let mut loose: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, r) in refs.iter().enumerate() {
        if !matched_ref[i] && !gone_ref[i] {
            loose.entry(r.1.hash).or_default().push(i);
        }
    }
    for (j, r) in recs.iter().enumerate() {
        if matched_rec[j] || gone_rec[j] {
            continue;
        }
        if let Some(i) = loose
            .get_mut(&r.hash)
            .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
            && refs[i].1.words == r.words
        {
            (gone_ref[i], gone_rec[j]) = (true, true);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let end = (refs.len(), recs.len(), 0.0);
    for (k, &(pi, pj, s)) in pairs.iter().chain(std::iter::once(&end)).enumerate() {
        while i < pi {
            if !gone_ref[i] {
                out.push(removed(lang, refs[i].0, refs[i].1));
            }
            i += 1;
        }
        while j < pj {
            if !gone_rec[j] {
                out.push(added(lang, &recs[j]));
            }
            j += 1;
        }
        if pi == refs.len() {
            break;
        }
        let (old, new) = (refs[pi].1, &recs[pj]);
        let filled = slots.get(pi).is_some_and(|sl| slot_only(old, new, sl));
        if old.words != new.words && !same[k] && !filled {
            let (edits, del, ins) = redline(old, new);
            let change = classify(old, new, &del, &ins);
            out.push(Deviation {
                kind: DeviationKind::Changed,
                lang,
                clause: Some(new.id.clone()),
                template_clause: Some((refs[pi].0, old.id.clone())),
                change: Some(change),
                severity: change.severity(),
                similarity: Some(s),
                undirected: false,
                redline: edits,
            });
        }
        i = pi + 1;
        j = pj + 1;
    }
    out
}

/// The deviations of one member of a family from the family's template:
/// `member` is its document index, `recs` its clauses of the template's
/// language, as [`clause_recs`](super::template::clause_recs) gives them,
/// and `also` its clauses of the other language (empty if it has none),
/// which only help decide which of its contacts are its own.
///
/// A template clause whose representative is `member` itself is compared
/// as another member wrote it, when one did ([`TemplateClause::alt`]). A
/// clause whose two variants tie ([`TemplateClause::rival`]) is compared
/// with the variant the member does not hold, and its change is marked
/// `undirected`.
///
/// [`TemplateClause::alt`]: super::template::TemplateClause::alt
/// [`TemplateClause::rival`]: super::template::TemplateClause::rival
pub fn deviations(
    template: &Template,
    member: usize,
    lang: Lang,
    recs: &[ClauseRec],
    also: &[ClauseRec],
) -> Vec<Deviation> {
    let own: Vec<(usize, ClauseRec)> = template
        .clauses
        .iter()
        .map(|c| match &c.alt {
            Some(alt) if c.doc == member => alt.clone(),
            _ => (c.doc, c.rec.clone()),
        })
        .collect();
    // Contested clauses the member holds in the template's variant are
    // compared with the rival variant (which variant it holds is read
    // after the identity renaming, so only when a clause is contested).
    let mut contested = vec![false; own.len()];
    let mut slots: Vec<&[usize]> = template
        .clauses
        .iter()
        .map(|c| c.slots.as_slice())
        .collect();
    let mut chosen = own;
    if !template.undirected && template.clauses.iter().any(|c| c.rival.is_some()) {
        let first: Vec<ClauseRec> = chosen.iter().map(|x| x.1.clone()).collect();
        let ren = renaming(&first, recs);
        let held: std::collections::BTreeSet<u64> = mask_identity(recs, &ren.member)
            .iter()
            .map(|r| r.hash)
            .collect();
        let first_masked = mask_identity(&first, &ren.reference);
        for (i, c) in template.clauses.iter().enumerate() {
            let Some(rival) = &c.rival else {
                continue;
            };
            contested[i] = true;
            if held.contains(&first_masked[i].hash) {
                chosen[i] = rival.clone();
                slots[i] = &c.rival_slots;
            }
        }
    }
    let plain: Vec<ClauseRec> = chosen.iter().map(|x| x.1.clone()).collect();
    let ren = renaming(&plain, recs);
    let trecs = mask_identity(&plain, &ren.reference);
    let docs: Vec<usize> = chosen.iter().map(|x| x.0).collect();
    let recs = unown_contacts(&trecs, &docs, &mask_identity(recs, &ren.member), also);
    let refs: Vec<(usize, &ClauseRec)> = docs.iter().copied().zip(&trecs).collect();
    let mut out = compare(&refs, &recs, lang, &slots);
    for d in &mut out {
        let disputed = d.template_clause.as_ref().is_some_and(|(doc, id)| {
            chosen
                .iter()
                .zip(&contested)
                .any(|(x, &c)| c && x.0 == *doc && &x.1.id == id)
        });
        if template.undirected || (disputed && d.kind == DeviationKind::Changed) {
            d.undirected = true;
        }
    }
    // The preamble (title, company line, approval stamp) names the member
    // and its edition; how a layout sets it («:Организация: …» fields, two
    // lines or one) is no departure from the template's policy.
    out.retain(|d| {
        let id = match d.kind {
            DeviationKind::Removed => d.template_clause.as_ref().map(|(_, id)| id.as_str()),
            _ => d.clause.as_deref(),
        };
        !id.is_some_and(is_preamble)
    });
    out
}

/// A preamble clause's id: `kk:p2` (a paragraph before the first section).
fn is_preamble(id: &str) -> bool {
    let local = id.split_once(':').map_or(id, |(_, l)| l);
    local
        .strip_prefix('p')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What changed from one version of a policy to the next, in one
/// language: the same engine with the old version as the reference
/// (document index 0).
pub fn diff(old: &[ClauseRec], new: &[ClauseRec], lang: Lang) -> Vec<Deviation> {
    let refs: Vec<(usize, &ClauseRec)> = old.iter().map(|r| (0, r)).collect();
    compare(&refs, new, lang, &[])
}

/// The clauses of a document that no other document has, reported as
/// `added` with severity `low`: for a document alone in its family, what
/// it wrote itself. `others` are the other documents' clauses of the same
/// language. A clause is shared when an other clause has its hash, or,
/// failing that, a [`similarity`] ≥ [`MATCH_THRESHOLD`]; the scan is
/// O(clauses × all other clauses), a length bound skipping most pairs —
/// fine for a corpus of hundreds, for more pass the documents of nearby
/// families only.
pub fn outliers(recs: &[ClauseRec], lang: Lang, others: &[&[ClauseRec]]) -> Vec<Deviation> {
    let mut hashes: Vec<u64> = others
        .iter()
        .flat_map(|d| d.iter().map(|r| r.hash))
        .collect();
    hashes.sort_unstable();
    recs.iter()
        .filter(|r| {
            hashes.binary_search(&r.hash).is_err()
                && !others
                    .iter()
                    .flat_map(|d| d.iter())
                    .any(|o| similarity(r, o) >= MATCH_THRESHOLD)
        })
        .map(|r| Deviation {
            severity: Severity::Low,
            ..added(lang, r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::template::{clause_recs, words_hash};
    use crate::tokens::{Class, lower_words, tokens};

    fn rec(id: &str, text: &str) -> ClauseRec {
        let spans = tokens(text, Class::Word);
        let words = lower_words(text);
        ClauseRec {
            id: id.into(),
            number: Some(id[3..].into()),
            parts: vec![id.into()],
            text: text.into(),
            hash: words_hash(&words),
            words: words.into_iter().map(Word::from).collect(),
            spans,
            entities: vec![],
            rights: vec![],
            topics: vec![],
        }
    }

    fn change_of(old: &str, new: &str) -> ChangeType {
        let (o, n) = (rec("ru:6.2", old), rec("ru:6.2", new));
        let (_, del, ins) = redline(&o, &n);
        classify(&o, &n, &del, &ins)
    }

    #[test]
    fn another_code_named_by_its_qualifier_is_a_law_change() {
        // blind8f doc_0018: only the word before «кодекс» changes.
        assert_eq!(
            change_of(
                "Компания руководствуется Предпринимательским кодексом Республики Казахстан.",
                "Компания руководствуется Налоговым кодексом Республики Казахстан."
            ),
            ChangeType::Law
        );
        assert_eq!(
            change_of(
                "Компания Қазақстан Республикасының Кәсіпкерлік кодексін басшылыққа алады.",
                "Компания Қазақстан Республикасының Салық кодексін басшылыққа алады."
            ),
            ChangeType::Law
        );
        assert_eq!(
            change_of(
                "Компания строго руководствуется законом.",
                "Компания неукоснительно руководствуется законом."
            ),
            ChangeType::Wording
        );
    }

    #[test]
    fn a_grant_negated_or_a_forum_dropped_is_a_right_change() {
        assert_eq!(
            change_of(
                "Клиент может отозвать согласие, однако это не влияет на договор.",
                "Клиент не может отозвать согласие, поскольку это влияет на договор."
            ),
            ChangeType::Right
        );
        assert_eq!(
            change_of(
                "Клиент келісімін кері қайтарып ала алады.",
                "Клиент келісімін кері қайтарып ала алмайды."
            ),
            ChangeType::Right
        );
        assert_eq!(
            change_of(
                "Клиент МҚҰ әрекеттеріне уәкілетті органға немесе сотқа шағымдана алады.",
                "Клиент МҚҰ әрекеттеріне тек уәкілетті органға шағымдана алады."
            ),
            ChangeType::Right
        );
        // A ban said another way is wording.
        assert_eq!(
            change_of(
                "Қызметкер құжатты өз тасымалдағышына көшіруге құқылы емес.",
                "Қызметкерге құжатты өз тасымалдағышына көшіруге тыйым салынады."
            ),
            ChangeType::Wording
        );
        // A permitting condition («если это не запрещено законом») dropped
        // with the grant negated is no ban, and no law changed (blind8i).
        assert_eq!(
            change_of(
                "Заёмщик вправе в любое время отозвать согласие, если это не запрещено законом.",
                "Заёмщик не вправе отозвать согласие до полного погашения займа."
            ),
            ChangeType::Right
        );
        assert_eq!(
            change_of(
                "Қарыз алушы заңда тыйым салынбаған жағдайда келісімін кез келген уақытта кері қайтарып алуға құқылы.",
                "Қарыз алушы қарыз толық өтелгенге дейін келісімін кері қайтарып ала алмайды."
            ),
            ChangeType::Right
        );
        // A forum dropped in a rewritten sentence (blind8i).
        assert_eq!(
            change_of(
                "Кәсіпкер өз құқықтары бұзылды деп санаса, уәкілетті органға немесе сотқа шағым беруге құқылы.",
                "Кәсіпкер өз құқықтары бұзылды деп санаса, тек Ұйымның өзіне шағым бере алады."
            ),
            ChangeType::Right
        );
    }

    fn text(edits: &[Edit], skip: EditOp) -> String {
        edits
            .iter()
            .filter(|e| e.op != skip)
            .map(|e| e.text.as_str())
            .collect()
    }

    #[test]
    fn added_removed_changed_and_a_redline_that_reads() {
        let old = vec![
            rec(
                "ru:1.1",
                "МФО собирает данные для заключения договора займа.",
            ),
            rec(
                "ru:1.2",
                "Срок хранения данных составляет пять лет после погашения.",
            ),
            rec(
                "ru:1.3",
                "Субъект вправе отозвать согласие на обработку данных.",
            ),
        ];
        let new = vec![
            rec(
                "ru:1.1",
                "МФО собирает данные для заключения договора микрокредита.",
            ),
            rec(
                "ru:1.3",
                "Субъект вправе отозвать согласие на обработку данных.",
            ),
            rec(
                "ru:1.4",
                "Оператор передает сведения в кредитное бюро ежемесячно.",
            ),
        ];
        let d = diff(&old, &new, Lang::Ru);
        let kinds: Vec<(DeviationKind, Option<ChangeType>)> =
            d.iter().map(|d| (d.kind, d.change)).collect();
        assert_eq!(
            kinds,
            vec![
                (DeviationKind::Changed, Some(ChangeType::Wording)),
                (DeviationKind::Removed, None),
                (DeviationKind::Added, None),
            ]
        );
        let red = &d[0].redline;
        assert_eq!(text(red, EditOp::Delete), new[0].text);
        assert_eq!(text(red, EditOp::Insert), old[0].text);
        assert!(red.contains(&Edit {
            op: EditOp::Delete,
            text: "займа".into()
        }));
        assert_eq!(d[1].template_clause, Some((0, "ru:1.2".into())));
        assert_eq!(d[2].clause.as_deref(), Some("ru:1.4"));
        assert!(diff(&old, &old, Lang::Ru).is_empty());
    }

    #[test]
    fn a_clause_moved_unchanged_is_no_deviation() {
        let title = "Уведомление об обработке персональных данных клиентов";
        let org = "Товарищество с ограниченной ответственностью";
        let body = "Оператор обрабатывает данные клиентов по закону.";
        let old = vec![rec("ru:p1", title), rec("ru:p2", org), rec("ru:1.1", body)];
        let new = vec![rec("ru:p1", org), rec("ru:p2", title), rec("ru:1.1", body)];
        assert!(diff(&old, &new, Lang::Ru).is_empty());
        // Moved and changed is still a removal and an addition.
        let edited = vec![
            rec("ru:p1", org),
            rec("ru:p2", "Положение об обработке данных заемщиков"),
            rec("ru:1.1", body),
        ];
        let kinds: Vec<DeviationKind> = diff(&old, &edited, Lang::Ru)
            .iter()
            .map(|d| d.kind)
            .collect();
        assert!(kinds.contains(&DeviationKind::Added), "{kinds:?}");
    }

    #[test]
    fn changes_are_classified_in_order() {
        let cfg = crate::Config::default();
        let analyse = |t: &str| {
            let d = crate::analyze("t.txt", t.as_bytes(), &cfg).unwrap();
            clause_recs(&d, Lang::Ru)
        };
        let base = "1. Общие положения\n1.1. Обработка данных осуществляется в соответствии с Законом Республики Казахстан № 94-V «О персональных данных и их защите».\n1.2. Данные хранятся в течение 5 лет после погашения займа.\n1.3. Запросы направляются на адрес info@alfa.kz.\n1.4. МФО передает данные кредитному бюро для оценки платежеспособности.\n1.5. Вопросы направляйте на info@alfa.kz.\n1.6. Сайт МФО: www.alfa.kz.\n1.7. Сообщения направляются не чаще двух раз в год.\n";
        let old = analyse(base);
        let cases = [
            (
                base.replace(
                    "Законом Республики Казахстан № 94-V «О персональных данных и их защите»",
                    "Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных»",
                ),
                "ru:1.1",
                ChangeType::Law,
            ),
            (base.replace("5 лет", "1 год"), "ru:1.2", ChangeType::Number),
            // A count in words, not extracted as a figure (blind8h).
            (
                base.replace("двух раз", "четырёх раз"),
                "ru:1.7",
                ChangeType::Number,
            ),
            (
                base.replace(
                    "оценки платежеспособности.",
                    "оценки платежеспособности, а также ТОО «ДатаСкор» (Республика Беларусь).",
                ),
                "ru:1.4",
                ChangeType::ThirdParty,
            ),
            (
                base.replace("адрес info@alfa.kz", "адрес help@beta.kz"),
                "ru:1.3",
                ChangeType::Contact,
            ),
            // The state of a law, not a transfer country.
            (
                base.replace(
                    "Законом Республики Казахстан № 94-V",
                    "Законом Кыргызской Республики № 58",
                ),
                "ru:1.1",
                ChangeType::Law,
            ),
            // A transfer country beside «законодательство» is a transfer.
            (
                base.replace(
                    "кредитному бюро для оценки платежеспособности.",
                    "кредитному бюро, а также в Кыргызскую Республику согласно законодательству.",
                ),
                "ru:1.4",
                ChangeType::ThirdParty,
            ),
        ];
        for (text, id, want) in cases {
            let d = diff(&old, &analyse(&text), Lang::Ru);
            assert_eq!(d.len(), 1, "{id}: {d:#?}");
            assert_eq!(d[0].clause.as_deref(), Some(id));
            assert_eq!(d[0].change, Some(want), "{id}: {:?}", d[0].redline);
            assert_eq!(d[0].severity, want.severity());
        }
    }

    #[test]
    fn an_unextracted_company_name_is_renamed_away_and_a_pair_is_undirected() {
        let cfg = crate::Config::default();
        let analyse = |t: &str| {
            let d = crate::analyze("t.txt", t.as_bytes(), &cfg).unwrap();
            clause_recs(&d, Lang::Ru)
        };
        // No legal-form pattern: the extraction finds no company.
        let base = "1. Общие положения\n1.1. Компания Шапагат собирает данные клиентов для заключения договора займа.\n1.2. Шапагат хранит данные в течение 5 лет после погашения займа.\n1.3. Клиент вправе отозвать согласие на обработку данных, направив заявление в свободной форме по адресу офиса компании.\n1.4. Шапагат не передает данные без согласия клиента.\n";
        let other = base.replace("Шапагат", "Барыс Актив").replace(
            "Клиент вправе отозвать согласие на обработку данных, направив заявление",
            "Клиент направляет заявление",
        );
        let (a, b) = (analyse(base), analyse(&other));
        let ren = crate::corpus::template::renaming(&a, &b);
        assert_eq!(ren.reference, vec![vec!["шапагат".to_string()]]);
        assert_eq!(
            ren.member,
            vec![vec!["барыс".to_string(), "актив".to_string()]]
        );
        let t = Template::build(&[(0, a.as_slice()), (1, b.as_slice())]);
        assert!(t.undirected);
        assert!(deviations(&t, 0, Lang::Ru, &a, &[]).is_empty());
        let d = deviations(&t, 1, Lang::Ru, &b, &[]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].clause.as_deref(), Some("ru:1.3"));
        assert_eq!(d[0].change, Some(ChangeType::Right));
        assert!(d[0].undirected);
    }

    fn family(texts: &[String], lang: Lang) -> (Template, Vec<Vec<ClauseRec>>) {
        let cfg = crate::Config::default();
        let recs: Vec<Vec<ClauseRec>> = texts
            .iter()
            .map(|t| clause_recs(&crate::analyze("t.txt", t.as_bytes(), &cfg).unwrap(), lang))
            .collect();
        let members: Vec<(usize, &[ClauseRec])> = recs
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.as_slice()))
            .collect();
        (Template::build(&members), recs)
    }

    /// A member of a family of four under its own company name, site and
    /// mail domain.
    fn member(brand: &str, domain: &str) -> String {
        format!(
            "ТОО «МФО «{brand}»\n1. Общие положения\n1.1. Политика опубликована на сайте www.{domain}.kz и применяется ко всем клиентам.\n1.2. МФО обрабатывает данные клиентов для заключения договора займа и оценки платежеспособности.\n1.3. Данные хранятся в течение 5 лет после погашения займа.\n1.4. Оператор вправе изменять Политику; новая редакция публикуется на сайте www.{domain}.kz.\n1.5. Обращения направляются на dpo@{domain}.kz.\n"
        )
    }

    #[test]
    fn the_representatives_own_contact_change_is_found_against_another_member() {
        let mut texts = vec![
            member("Аспан Кредит", "aspan-kredit"),
            member("Барыс Финанс", "barys-finans"),
            member("Дала Капитал", "dala-kapital"),
        ];
        // The first member (the lowest index, the representative on a tie)
        // names another site in 1.1 only.
        texts[0] = texts[0].replacen("www.aspan-kredit.kz", "myaspankredit.kz", 1);
        let (t, recs) = family(&texts, Lang::Ru);
        let d = deviations(&t, 0, Lang::Ru, &recs[0], &[]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].clause.as_deref(), Some("ru:1.1"));
        assert_eq!(d[0].change, Some(ChangeType::Contact));
        for (m, r) in recs.iter().enumerate().skip(1) {
            assert!(deviations(&t, m, Lang::Ru, r, &[]).is_empty());
        }
    }

    #[test]
    fn each_member_names_its_own_mailbox_and_a_third_partys_is_a_change() {
        let mut texts = vec![
            member("Аспан Кредит", "aspan-kredit"),
            member("Барыс Финанс", "barys-finans"),
            member("Дала Капитал", "dala-kapital"),
            member("Ертіс Несие", "ertis-nesie"),
        ];
        // Each company's own mailbox on its own domain: its identity.
        texts[1] = texts[1].replace("dpo@barys-finans.kz", "privacy@barys-finans.kz");
        texts[2] = texts[2].replace("dpo@dala-kapital.kz", "data@dala-kapital.kz");
        // A collector's mailbox where the others give their own.
        texts[3] = texts[3].replace("dpo@ertis-nesie.kz", "info@collect-service.kz");
        let (t, recs) = family(&texts, Lang::Ru);
        for (m, r) in recs.iter().enumerate().take(3) {
            let d = deviations(&t, m, Lang::Ru, r, &[]);
            assert!(d.is_empty(), "member {m}: {d:#?}");
        }
        let d = deviations(&t, 3, Lang::Ru, &recs[3], &[]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].clause.as_deref(), Some("ru:1.5"));
        assert_eq!(d[0].change, Some(ChangeType::Contact));
    }

    #[test]
    fn a_tie_between_two_variants_is_reported_on_both_without_direction() {
        let mut texts = vec![
            member("Аспан Кредит", "aspan-kredit"),
            member("Барыс Финанс", "barys-finans"),
            member("Дала Капитал", "dala-kapital"),
        ];
        texts[1] = texts[1].replace("в течение 5 лет", "в течение 3 лет");
        texts[2] = texts[2].replace(
            "1.3. Данные хранятся в течение 5 лет после погашения займа.\n",
            "",
        );
        let (t, recs) = family(&texts, Lang::Ru);
        for (m, r) in recs.iter().enumerate().take(2) {
            let d = deviations(&t, m, Lang::Ru, r, &[]);
            assert_eq!(d.len(), 1, "member {m}: {d:#?}");
            assert_eq!(d[0].kind, DeviationKind::Changed);
            assert_eq!(d[0].change, Some(ChangeType::Number));
            assert!(d[0].undirected);
        }
        let d = deviations(&t, 2, Lang::Ru, &recs[2], &[]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].kind, DeviationKind::Removed);
        assert!(!d[0].undirected);
    }

    #[test]
    fn a_field_every_member_fills_its_own_way_is_no_deviation() {
        // A name the company extraction does not see (a partner named
        // once), different in every member, and one real change.
        let partners = ["Сенім", "Береке", "Тұмар", "Жұлдыз"];
        let mut texts: Vec<String> = partners
            .iter()
            .enumerate()
            .map(|(i, p)| {
                member(
                    ["Аспан", "Барыс", "Дала", "Ерке"][i],
                    ["aspan", "barys", "dala", "erke"][i],
                )
                .replace(
                    "оценки платежеспособности.",
                    &format!("оценки платежеспособности через партнера «{p}»."),
                )
            })
            .collect();
        texts[3] = texts[3].replace("в течение 5 лет", "в течение 10 лет");
        let (t, recs) = family(&texts, Lang::Ru);
        for (m, r) in recs.iter().enumerate().take(3) {
            let d = deviations(&t, m, Lang::Ru, r, &[]);
            assert!(d.is_empty(), "member {m}: {d:#?}");
        }
        let d = deviations(&t, 3, Lang::Ru, &recs[3], &[]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].clause.as_deref(), Some("ru:1.3"));
    }

    #[test]
    fn a_changed_contact_the_document_repeats_is_still_a_contact_change() {
        let cfg = crate::Config::default();
        let analyse = |t: &str| {
            let d = crate::analyze("t.txt", t.as_bytes(), &cfg).unwrap();
            clause_recs(&d, Lang::Ru)
        };
        let base = "1. Общие положения\n1.1. Сайт компании: www.alfa.kz.\n1.2. Данные хранятся в течение 5 лет.\n1.3. Запросы направляйте на info@alfa.kz в рабочие дни.\n1.4. Жалобы направляйте на info@alfa.kz в письменной форме.\n1.5. Изменения политики публикуются на www.alfa.kz.\n1.6. Вопросы о cookies направляйте на info@alfa.kz.\n";
        let b = base.replace("alfa.kz", "beta.kz");
        // The new address is in two clauses, as often as the document's own
        // e-mail; it is not on the document's site's domain, so it is not
        // masked as the document's own.
        let c = base
            .replace("alfa.kz", "gamma.kz")
            .replace("на info@gamma.kz в", "на privacy@mygamma.kz в");
        let recs = [analyse(base), analyse(&b), analyse(&c)];
        assert!(
            recs[2]
                .iter()
                .any(|r| r.id == "ru:1.3" && !r.words.contains(&"@own".into()))
        );
        let members: Vec<(usize, &[ClauseRec])> = recs
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.as_slice()))
            .collect();
        let t = Template::build(&members);
        let d1 = deviations(&t, 1, Lang::Ru, &recs[1], &[]);
        assert!(d1.is_empty(), "{d1:#?}");
        let d = deviations(&t, 2, Lang::Ru, &recs[2], &[]);
        let got: Vec<(Option<&str>, Option<ChangeType>)> =
            d.iter().map(|d| (d.clause.as_deref(), d.change)).collect();
        assert_eq!(
            got,
            vec![
                (Some("ru:1.3"), Some(ChangeType::Contact)),
                (Some("ru:1.4"), Some(ChangeType::Contact))
            ]
        );
    }

    #[test]
    fn a_clause_rewritten_in_place_under_its_number_is_changed() {
        let old = vec![
            rec(
                "ru:1.1",
                "МФО собирает данные для заключения договора займа.",
            ),
            rec(
                "ru:1.2",
                "Чтобы напоминать о датах платежей, МФО направляет SMS.",
            ),
            rec(
                "ru:1.3",
                "Субъект вправе отозвать согласие на обработку данных.",
            ),
        ];
        let mut new = old.clone();
        new[1] = rec(
            "ru:1.2",
            "Заранее сообщаем вам о дне очередного взноса короткими сообщениями.",
        );
        let d = diff(&old, &new, Lang::Ru);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].kind, DeviationKind::Changed);
        assert_eq!(d[0].clause.as_deref(), Some("ru:1.2"));
        // Under another number it is a clause removed and one added.
        new[1] = rec(
            "ru:1.4",
            "Заранее сообщаем вам о дне очередного взноса короткими сообщениями.",
        );
        let kinds: Vec<DeviationKind> = diff(&old, &new, Lang::Ru).iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DeviationKind::Removed, DeviationKind::Added]);
    }

    #[test]
    fn a_clause_cut_in_two_is_no_deviation() {
        let old = vec![rec(
            "ru:p1",
            "ТОО Альфа Микрофинансовая организация утверждает политику",
        )];
        let new = vec![
            rec("ru:p1", "ТОО Альфа"),
            rec("ru:p2", "Микрофинансовая организация утверждает политику"),
        ];
        assert!(diff(&old, &new, Lang::Ru).is_empty());
        assert!(diff(&new, &old, Lang::Ru).is_empty());
    }

    #[test]
    fn outliers_are_clauses_nobody_else_has() {
        let a = vec![
            rec(
                "ru:1.1",
                "МФО собирает данные для заключения договора займа.",
            ),
            rec(
                "ru:1.2",
                "Оператор передает сведения в кредитное бюро ежемесячно.",
            ),
        ];
        let b = vec![rec(
            "ru:1.1",
            "МФО собирает данные для заключения договора.",
        )];
        let o = outliers(&a, Lang::Ru, &[&b]);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].clause.as_deref(), Some("ru:1.2"));
    }
}
