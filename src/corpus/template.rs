//! The clause library of a template family: compact per-clause records of
//! one language version ([`ClauseRec`]), a monotonic same-language clause
//! alignment between two documents ([`align`]), and the [`Template`] of a
//! family — the clauses most of its members share, each with its document
//! frequency.
//!
//! # The unit of comparison
//!
//! A record is a *citable clause*: a numbered clause (or heading, preamble
//! part, glossary entry) together with the items, bullets and unnumbered
//! paragraphs that belong to it (`2.4(1)`, `7.1-b3`, `2.13-p1` fold into
//! `2.4`, `7.1`, `2.13`; an unnumbered heading `2.13-h1` is a record of its
//! own). A copyright notice («© 2025 …», a site's footer) is no part of
//! the policy and is left out ([`is_copyright_notice`]). This is the unit a
//! reader cites and a drafter
//! edits: a bullet deleted from a rights list is a *changed* clause 7.1, a
//! clause removed with its (a)–(g) list is *one* removed clause, not eight.
//!
//! # Normalisation
//!
//! Words are the lexical module's (`tokens::Class::Word`), lower-cased.
//! What differs between two copies of one template *by construction* is
//! masked, so that it is never a deviation: the words of the company's own
//! name become `@org`; the document's own contacts (e-mails and web
//! addresses of its own domains, its own telephone numbers, see
//! [`OwnContacts`]) and a postal address (a 6-digit postcode up to the last
//! number within [`ADDRESS_WORDS`] words) become `@own`; a 12-digit BIN/IIN
//! becomes `@id`. Any other contact is one token, its normalised value.
//! Digits are kept: a changed number is a deviation.
//!
//! # Invariants
//!
//! Records are in reading order of their language; `words` and `spans` are
//! parallel and the spans are ordered, disjoint byte ranges of `text`;
//! `hash` is a pure function of `words` (FNV-1a, stable across machines);
//! alignments are strictly increasing on both sides. Everything here is a
//! pure, deterministic function of its input.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::align::{common, dice};
use crate::model::{Document, Entity, EntityKind, Lang};
use crate::tokens::{Class, lower_words, tokens};

/// Two clauses match when their [`similarity`] is at least this. Dice of
/// the word multisets: a clause that keeps half of its words in common with
/// another is the same clause edited (a law citation swapped, a sentence
/// appended, a bullet dropped all stay well above it: 0.7–0.95 on the
/// labelled corpus), while unrelated clauses of one policy share
/// function words and domain words only (typically 0.1–0.35). Below it a
/// rewritten clause is reported as removed plus added, unless it keeps
/// its place and its printed number (see
/// [`deviation`](super::deviation)'s rewritten clauses).
pub const MATCH_THRESHOLD: f64 = 0.5;

/// Added to the Dice similarity of two clauses with the same number
/// (numbering is kept when a template is copied), so that between two
/// equally similar candidates the namesake wins. Never enough alone: a
/// pair needs a Dice of at least `MATCH_THRESHOLD - NUMBER_BONUS`.
pub const NUMBER_BONUS: f64 = 0.1;

/// A postal address is masked from its 6-digit postcode up to its last
/// number within this many words («160000, Қазақстан, Шымкент қ., Тәуке
/// Words that may follow the last number of a postal address, as part of
/// it (stems, lower case): floor, office, room, block.
const ADDRESS_UNITS: &[&str] = &[
    "этаж",
    "қабат",
    "офис",
    "кеңсе",
    "кабинет",
    "каб",
    "пом",
    "блок",
    "корпус",
    "пәтер",
    "кв",
];

/// хан даңғылы, 219-үй, 28-кеңсе»).
pub const ADDRESS_WORDS: usize = 12;

/// One citable clause of one language version of a document, reduced to
/// what the comparison needs. Plain owned data, serialisable (it is stored
/// in per-document JSON Lines records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseRec {
    /// The id of the head clause (`kk:3.2`).
    pub id: String,
    /// The head clause's normalised number (`3.2`), if numbered.
    pub number: Option<String>,
    /// Ids of the clauses folded into this record, the head first.
    pub parts: Vec<String>,
    /// The head's body (text after its label), then each folded clause's
    /// full text, joined by a newline.
    pub text: String,
    /// Normalised words (see the module documentation). Most are short
    /// enough to be stored inline ([`Word`]), which keeps a 10,000-policy
    /// corpus stage from making tens of millions of small allocations.
    pub words: Vec<Word>,
    /// Byte range of `text` each word was read from (a masked entity or
    /// address: its whole range), parallel to `words`.
    pub spans: Vec<(usize, usize)>,
    /// FNV-1a 64 of `words`: equal hashes, equal normalised clauses.
    pub hash: u64,
    /// Entities of the clause in text order, kind and normalised value; an
    /// own contact's value is `@own`.
    #[serde(with = "entity_list")]
    pub entities: Vec<(EntityKind, String)>,
    /// Ids of the rights (checklist and extra) whose mentions are in this
    /// clause, sorted, unique.
    pub rights: Vec<String>,
    /// Topic ids of the clause's parts, sorted, unique.
    pub topics: Vec<String>,
}

/// Serde for `Vec<(EntityKind, String)>`: the kind by its snake_case name
/// (the model's enum serialises but does not deserialise).
mod entity_list {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::model::EntityKind;

    const KINDS: &[(EntityKind, &str)] = &[
        (EntityKind::Number, "number"),
        (EntityKind::Email, "email"),
        (EntityKind::Url, "url"),
        (EntityKind::Date, "date"),
        (EntityKind::Latin, "latin"),
        (EntityKind::Law, "law"),
        (EntityKind::Phone, "phone"),
        (EntityKind::Identifier, "identifier"),
        (EntityKind::Reference, "reference"),
        (EntityKind::Percent, "percent"),
        (EntityKind::Duration, "duration"),
        (EntityKind::Amount, "amount"),
        (EntityKind::Time, "time"),
    ];

    pub fn name(k: EntityKind) -> &'static str {
        KINDS
            .iter()
            .find(|(x, _)| *x == k)
            .map(|(_, n)| *n)
            .unwrap()
    }

    pub fn serialize<S: Serializer>(v: &[(EntityKind, String)], s: S) -> Result<S::Ok, S::Error> {
        let named: Vec<(&str, &str)> = v.iter().map(|(k, x)| (name(*k), x.as_str())).collect();
        named.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(EntityKind, String)>, D::Error> {
        let named: Vec<(String, String)> = Vec::deserialize(d)?;
        named
            .into_iter()
            .map(|(n, v)| {
                KINDS
                    .iter()
                    .find(|(_, x)| *x == n)
                    .map(|(k, _)| (*k, v))
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown entity kind {n}")))
            })
            .collect()
    }
}

/// A normalised word: a string stored inline up to 24 bytes (12 Cyrillic
/// letters), on the heap beyond.
pub type Word = compact_str::CompactString;

/// FNV-1a 64 over the words, each followed by a 0x1f separator.
pub fn words_hash<W: AsRef<str>>(words: &[W]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.as_ref().bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The registrable part of an e-mail's or URL's host: its last two labels,
/// lower-cased, without `www.` («info@bastau-nesie.kz» → `bastau-nesie.kz`).
fn domain(kind: EntityKind, value: &str) -> Option<String> {
    let v = value.to_lowercase();
    let host = match kind {
        EntityKind::Email => v.rsplit_once('@')?.1.to_string(),
        EntityKind::Url => {
            let v = v.split_once("://").map(|(_, r)| r).unwrap_or(&v);
            v.split(['/', '?', '#', ':']).next()?.to_string()
        }
        _ => return None,
    };
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    (labels.len() >= 2).then(|| labels[labels.len() - 2..].join("."))
}

/// The contacts a document gives as its own: web domains, e-mail domains
/// and phone numbers (digits). Of each sort, those that appear in more
/// clauses than half of the most repeated one: a document names its own
/// site and address over and over; a one-off contact next to a repeated
/// one (a new support address in one clause) is someone else's or a
/// deviation, and stays. An e-mail whose domain is one of the document's
/// own web domains, or a variant of one ([`related_domains`]), is its own
/// whatever its count; when the document has a web site, an e-mail on an
/// unrelated domain is not its own even when it is the only e-mail (a
/// policy that gives its site once and one complaints address on another
/// domain).
///
/// `sites` are those of `domains` that name the company itself: its web
/// site's domain, or one that spells its brand, and their variants. An
/// e-mail there is the company's whatever its mailbox, and is masked as
/// `@own` whole; an e-mail own by count alone keeps its mailbox
/// (`support@own`, see [`own_token`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OwnContacts {
    pub domains: Vec<String>,
    pub phones: Vec<String>,
    pub sites: Vec<String>,
}

/// The company's own telephones among those a document names, with their
/// counts of clauses: those named at least half as often as the most named
/// one. A toll-free line (8 800: a call centre's, often someone else's)
/// named no more often than a geographic or mobile number of the company
/// is not its own: in a tie the company's line is the other.
fn own_phones(phones: &BTreeMap<String, usize>) -> Vec<String> {
    let max = phones.values().copied().max().unwrap_or(0);
    let kept: Vec<(&String, usize)> = phones
        .iter()
        .filter(|(_, n)| 2 * **n > max)
        .map(|(p, n)| (p, *n))
        .collect();
    let toll_free = |p: &str| p.starts_with("7800");
    let local = kept
        .iter()
        .filter(|(p, _)| !toll_free(p))
        .map(|(_, n)| *n)
        .max();
    kept.into_iter()
        .filter(|(p, n)| !toll_free(p) || local.is_none_or(|l| *n > l))
        .map(|(p, _)| p.clone())
        .collect()
}

impl OwnContacts {
    /// Counted over the whole document, both languages.
    pub fn of(doc: &Document) -> OwnContacts {
        let mut sites: BTreeMap<String, usize> = BTreeMap::new();
        let mut mails: BTreeMap<String, usize> = BTreeMap::new();
        let mut phones: BTreeMap<String, usize> = BTreeMap::new();
        for ents in &doc.entities {
            let mut s: Vec<String> = Vec::new();
            let mut m: Vec<String> = Vec::new();
            for e in ents {
                if let Some(d) = domain(e.kind, &e.value) {
                    if e.kind == EntityKind::Url {
                        s.push(d)
                    } else {
                        m.push(d)
                    }
                }
            }
            let mut p: Vec<String> = ents
                .iter()
                .filter(|e| e.kind == EntityKind::Phone)
                .map(|e| e.value.clone())
                .collect();
            for v in [&mut s, &mut m, &mut p] {
                v.sort();
                v.dedup();
            }
            for x in s {
                *sites.entry(x).or_default() += 1;
            }
            for x in m {
                *mails.entry(x).or_default() += 1;
            }
            for x in p {
                *phones.entry(x).or_default() += 1;
            }
        }
        let keep = |m: BTreeMap<String, usize>| -> Vec<String> {
            let max = m.values().copied().max().unwrap_or(0);
            m.into_iter()
                .filter(|(_, n)| 2 * n > max)
                .map(|(k, _)| k)
                .collect()
        };
        // The brand decides first: a domain spelling the company's name is
        // its own whatever its count, and then a domain that neither
        // spells it nor is a variant of one that does is someone else's
        // (or a planted change) unless it is named in more clauses than
        // every brand domain.
        let brand = brand_domain(doc);
        let mut all: BTreeMap<String, usize> = sites.clone();
        for (d, n) in &mails {
            let e = all.entry(d.clone()).or_default();
            *e = (*e).max(*n);
        }
        let branded: Vec<(&String, usize)> = all
            .iter()
            .filter(|(d, _)| brand.as_deref().is_some_and(|b| spells(d, b)))
            .map(|(d, n)| (d, *n))
            .collect();
        if !branded.is_empty() {
            let most = branded.iter().map(|b| b.1).max().unwrap_or(0);
            let named = |d: &str| branded.iter().any(|b| related_domains(d, b.0));
            let mut domains: Vec<String> = all
                .iter()
                .filter(|(d, n)| named(d) || **n > most)
                .map(|(d, _)| d.clone())
                .collect();
            domains.sort();
            let sites = domains.iter().filter(|d| named(d)).cloned().collect();
            return OwnContacts {
                domains,
                phones: own_phones(&phones),
                sites,
            };
        }
        let has_site = !sites.is_empty();
        let mut domains = keep(sites);
        let site_domains = domains.clone();
        let mail_domains = keep(mails);
        for d in mail_domains {
            if !has_site && !domains.contains(&d) {
                domains.push(d);
            }
        }
        domains.sort();
        OwnContacts {
            domains,
            phones: own_phones(&phones),
            sites: site_domains,
        }
    }

    fn owns(&self, e: &Entity) -> bool {
        match e.kind {
            EntityKind::Phone => self.phones.contains(&e.value),
            EntityKind::Url => domain(e.kind, &e.value).is_some_and(|d| self.domains.contains(&d)),
            EntityKind::Email => domain(e.kind, &e.value)
                .is_some_and(|d| self.domains.iter().any(|own| related_domains(&d, own))),
            _ => false,
        }
    }
}

/// The company's brand as a domain name: its name's words without the
/// legal form, transliterated ([`translit`]) and joined by hyphens
/// («ТОО «МФО «Аспан Кредит»» → `aspan-kredit.kz`); `None` when no company
/// was extracted.
fn brand_domain(doc: &Document) -> Option<String> {
    let words: Vec<String> = brand_words(doc)
        .iter()
        .map(|w| translit(w))
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| format!("{}.kz", words.join("-")))
}

/// The extracted company name's words, lower case, without its legal form
/// ([`LEGAL_FORM`]); empty when no company was extracted.
pub(crate) fn brand_words(doc: &Document) -> Vec<String> {
    doc.company
        .as_deref()
        .map(lower_words)
        .unwrap_or_default()
        .into_iter()
        .filter(|w| !LEGAL_FORM.contains(&w.as_str()))
        .collect()
}

/// Does domain `d` spell the brand domain `brand`: related by whole words
/// ([`related_domains`]), or the brand's words glued together
/// (`aspankredit.kz` for `aspan-kredit.kz`), also as a company
/// transliterates its own name in its own way (`burabayfinance.kz` for
/// «Бурабай Финанс», `burabai-finans.kz`): glued names of at least
/// [`RELATED_NAME_MIN`] × 2 letters, the first [`RELATED_NAME_MIN`] the
/// same, whose characters agree at
/// [`SPELLING_RATIO`] or more (the `similar` crate's ratio, 2·matches /
/// total length).
fn spells(d: &str, brand: &str) -> bool {
    let name = |x: &str| -> String {
        x.rsplit_once('.')
            .map_or(x, |(h, _)| h)
            .replace(['-', '.'], "")
    };
    // Letters that transliterations of one Cyrillic letter disagree on
    // (й → y or i, қ → q or k, к → c or k).
    let fold = |x: &str| -> String {
        x.chars()
            .map(|c| match c {
                'y' => 'i',
                'q' | 'c' => 'k',
                'w' => 'v',
                c => c,
            })
            .collect()
    };
    let (a, b) = (fold(&name(d)), fold(&name(brand)));
    // Same opening letters: a name glued to other letters is not the
    // brand (`myaspankredit.kz`, see [`related_domains`]).
    let long = a.chars().count().min(b.chars().count()) >= 2 * RELATED_NAME_MIN
        && a.chars()
            .take(RELATED_NAME_MIN)
            .eq(b.chars().take(RELATED_NAME_MIN));
    related_domains(d, brand)
        || a == b
        || (long && similar::TextDiff::from_chars(a.as_str(), b.as_str()).ratio() >= SPELLING_RATIO)
}

/// How alike two glued names must be to spell one brand ([`spells`]): one
/// or two letters of a dozen differ («finance»/«finans», «credit»/«kredit»).
const SPELLING_RATIO: f32 = 0.85;

/// Shortest domain name (in characters, hyphens not counted) that makes
/// two domains related by containment: «kz» or «mfo» alone relate nothing.
const RELATED_NAME_MIN: usize = 5;

/// Are two registrable domains the same company's: equal, or the
/// hyphen-separated words of one's name (without the top-level label) run
/// whole inside the other's, at least [`RELATED_NAME_MIN`] letters of
/// them. Companies mail from a variant of their site's domain:
/// `altyn-mikro.kz` for the site `altyn-mikro-credit.kz`, `mfo-aspan.kz`
/// for `aspan.kz`. A name glued to other letters is not a variant:
/// `mygamma.kz` is not `gamma.kz`'s (anyone can register it).
pub(crate) fn related_domains(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let words = |d: &str| -> Vec<String> {
        let head = d.rsplit_once('.').map_or(d, |(h, _)| h);
        head.split(['-', '.']).map(str::to_string).collect()
    };
    let (x, y) = (words(a), words(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let letters: usize = short.iter().map(|w| w.chars().count()).sum();
    letters >= RELATED_NAME_MIN && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Words of a company name that give its legal form, not its brand.
const LEGAL_FORM: &[&str] = &[
    "тоо",
    "мфо",
    "мқұ",
    "мкұ",
    "жшс",
    "ао",
    "ооо",
    "ақ",
    "микрофинансовая",
    "организация",
    "микроқаржы",
    "ұйымы",
    "ұйым",
];

/// The brand as one language version of `doc` spells it: the name its own
/// microfinance legal form gives («Рудный Авто Финанс» in the Russian
/// text, «Рудный Авто Қаржы» in the Kazakh), lower-cased, without the
/// legal form; empty when that version names no microfinance company.
pub(crate) fn language_brand(doc: &Document, lang: Lang) -> Vec<String> {
    let text: String = doc
        .clauses
        .iter()
        .filter(|c| c.lang == lang)
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    crate::extract::company::microfinance_company(&text)
        .as_deref()
        .map(lower_words)
        .unwrap_or_default()
        .into_iter()
        .filter(|w| !LEGAL_FORM.contains(&w.as_str()))
        .collect()
}

/// The company's brand as a phrase of lower-cased words: the name's words
/// without its legal form («ТОО «МФО «Аспан Плюс»» → `аспан плюс`). When
/// the extraction found no company, the brand is read off the document's
/// own web domain: the first run of one to three capitalised words whose
/// transliteration is the domain's name («Керуен Актив» for
/// `keruen-aktiv.kz`).
fn org_phrase(doc: &Document, own: &OwnContacts) -> Vec<String> {
    let named = brand_words(doc);
    if !named.is_empty() {
        return named;
    }
    let labels: Vec<String> = own
        .domains
        .iter()
        .filter_map(|d| d.split('.').next())
        .map(|l| l.replace('-', ""))
        .filter(|l| l.len() >= 4)
        .collect();
    for c in &doc.clauses {
        let words: Vec<&str> = tokens(&c.text, Class::Word)
            .into_iter()
            .map(|(a, b)| &c.text[a..b])
            .collect();
        for i in 0..words.len() {
            for n in 1..=3.min(words.len() - i) {
                let run = &words[i..i + n];
                if !run
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                {
                    break;
                }
                let t: String = run.iter().map(|w| translit(w)).collect();
                if labels.contains(&t) {
                    return run.iter().map(|w| w.to_lowercase()).collect();
                }
            }
        }
    }
    Vec::new()
}

/// A Cyrillic word in Latin letters as Kazakh sites spell names
/// (lower case; other characters kept, lower-cased).
fn translit(w: &str) -> String {
    let mut out = String::new();
    for c in crate::tokens::lowercase(w).chars() {
        let t = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' | 'і' => "i",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(t);
    }
    out
}

/// Case and possessive endings a name takes in Kazakh («Плюстің»,
/// «Несиеге», «Қаржыдан») and Russian («Займом», «Кредита»). A name's stem
/// followed by anything else is another word: «Кокше» is not in
/// «Кокшетау», nor «Займ» in «займов» when «Займ» is a brand.
const CASE_ENDINGS: &[&str] = &[
    // Kazakh: genitive, dative, accusative, locative, ablative,
    // instrumental, possessive, and -дағы / -дегі.
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "а",
    "е",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "ы",
    "і",
    "сы",
    "сі",
    "сын",
    "сін",
    "сына",
    "сіне",
    "сында",
    "сінде",
    "сынан",
    "сінен",
    "сымен",
    "сімен",
    "сының",
    "сінің",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    // Russian: the cases of a masculine or feminine noun.
    "у",
    "ю",
    "я",
    "ом",
    "ем",
    "ой",
    "ей",
    "и",
    "ам",
    "ям",
    "ами",
    "ями",
    "ах",
    "ях",
];

/// Does `w` read as the phrase word `o`: equal, or (for the phrase's last
/// word of 4 letters or more) followed by one of the [`CASE_ENDINGS`]
/// («Плюстің»).
fn org_word(w: &str, o: &str, last: bool) -> bool {
    w == o
        || (last
            && o.chars().count() >= 4
            && w.starts_with(o)
            && CASE_ENDINGS.contains(&&w[o.len()..]))
}

/// The length of the first of `phrases` (the caller orders them, longest
/// first) that the `n` words read through `word` spell from word `i` on,
/// the last word with a case ending ([`org_word`]); `None` when none does.
pub(crate) fn phrase_at<'w, P: AsRef<str>, Q: AsRef<[P]>>(
    n: usize,
    i: usize,
    word: impl Fn(usize) -> &'w str,
    phrases: &[Q],
) -> Option<usize> {
    phrases.iter().map(AsRef::as_ref).find_map(|p: &[P]| {
        (!p.is_empty()
            && i + p.len() <= n
            && p.iter()
                .enumerate()
                .all(|(k, o)| org_word(word(i + k), o.as_ref(), k + 1 == p.len())))
        .then_some(p.len())
    })
}

/// Replace each occurrence of the brand phrase by one `@org` word.
fn mask_org(words: Vec<(String, (usize, usize))>, org: &[String]) -> Vec<(String, (usize, usize))> {
    if org.is_empty() {
        return words;
    }
    let phrases = [org];
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match phrase_at(words.len(), i, |k| words[k].0.as_str(), &phrases) {
            Some(len) => {
                out.push(("@org".to_string(), (words[i].1.0, words[i + len - 1].1.1)));
                i += len;
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The folding key of a clause id's local part: up to the first `(` or `-`
/// (`2.4(4)-p1` → `2.4`, `7.1-b2` → `7.1`).
fn unit_key(id: &str) -> &str {
    let local = id.split_once(':').map(|(_, l)| l).unwrap_or(id);
    let end = local.find(['(', '-']).unwrap_or(local.len());
    &local[..end]
}

/// The word an own contact is masked as: `@own`, or for an e-mail own by
/// count alone (not on the company's site or brand domain,
/// [`OwnContacts::sites`]) its local part and `@own` (`support@own`): on
/// a domain that does not name the company, the mailbox is what is left
/// to tell the template's address from another's. An e-mail on the
/// company's own domain is the company whatever mailbox each member chose
/// (`data@`, `privacy@`): masked whole, so that a family whose members
/// each name their own mailbox shares the word.
fn own_token(e: &Entity, own: &OwnContacts) -> String {
    let named =
        domain(e.kind, &e.value).is_some_and(|d| own.sites.iter().any(|s| related_domains(&d, s)));
    match e.value.rsplit_once('@') {
        Some((local, _)) if e.kind == EntityKind::Email && !named => {
            format!("{}@own", local.to_lowercase())
        }
        _ => "@own".to_string(),
    }
}

/// Whether a normalised word is a masked own contact ([`own_token`]).
pub fn is_own(w: &str) -> bool {
    w.ends_with("@own")
}

/// Normalised words of one clause text from byte `from`, with their byte
/// ranges, appended to `out`; a range is shifted so that byte `from` of
/// `text` lands at `base`. Returns the byte ranges of `text` masked as the
/// company's postal address.
fn normalise(
    text: &str,
    from: usize,
    ents: &[Entity],
    own: &OwnContacts,
    org: &[String],
    base: usize,
    into: &mut Vec<(String, (usize, usize))>,
) -> Vec<(usize, usize)> {
    let mut addresses = Vec::new();
    let at_base = |x: usize| base + x - from;
    // Masked ranges: entities (contacts, identifiers) then addresses.
    let mut masks: Vec<(usize, usize, String)> = ents
        .iter()
        .filter(|e| e.end > from)
        .filter_map(|e| match e.kind {
            EntityKind::Email | EntityKind::Url | EntityKind::Phone => {
                let tok = if own.owns(e) {
                    own_token(e, own)
                } else {
                    e.value.to_lowercase()
                };
                Some((e.start.max(from), e.end, tok))
            }
            EntityKind::Identifier => Some((e.start.max(from), e.end, "@id".into())),
            _ => None,
        })
        .collect();
    let toks: Vec<(usize, usize)> = tokens(&text[from..], Class::Word)
        .into_iter()
        .map(|(a, b)| (a + from, b + from))
        .collect();
    let digits = |(a, b): (usize, usize)| text[a..b].chars().any(|c| c.is_ascii_digit());
    let mut i = 0;
    while i < toks.len() {
        let (a, b) = toks[i];
        // Six digits inside a contact («+7 7142 503177») are no postcode.
        let inside = masks.iter().any(|m| m.0 < b && a < m.1);
        if b - a == 6 && text[a..b].bytes().all(|c| c.is_ascii_digit()) && !inside {
            // A postcode: up to the last number within ADDRESS_WORDS words,
            // and a word hyphenated to it («219-үй»).
            // The address ends before a contact or identifier that
            // follows it (a telephone after the street and house).
            let entity = |(a, b): (usize, usize)| masks.iter().any(|m| m.0 < b && a < m.1);
            let mut last = None;
            for (k, &t) in toks.iter().enumerate().skip(i + 1).take(ADDRESS_WORDS) {
                if entity(t) {
                    break;
                }
                if digits(t) {
                    last = Some(k);
                }
            }
            if let Some(mut k) = last {
                if k + 1 < toks.len() && &text[toks[k].1..toks[k + 1].0] == "-" {
                    k += 1;
                }
                // «5 этаж», «3 қабат»: a unit word after the last number.
                if k + 1 < toks.len() && text[toks[k].1..toks[k + 1].0].trim().is_empty() {
                    let next = text[toks[k + 1].0..toks[k + 1].1].to_lowercase();
                    if ADDRESS_UNITS.iter().any(|u| next.starts_with(u)) {
                        k += 1;
                    }
                }
                masks.push((a, toks[k].1, "@own".into()));
                addresses.push((a, toks[k].1));
                i = k;
            }
        }
        i += 1;
    }
    masks.sort();
    let mut m = masks.iter().peekable();
    let mut at = from;
    let mut local = Vec::new();
    let out = &mut local;
    for (a, b) in toks {
        while let Some((s, e, tok)) = m.peek() {
            if *s >= b {
                break;
            }
            if *e > at {
                out.push((tok.clone(), (at_base(*s.max(&at)), at_base(*e))));
                at = *e;
            }
            m.next();
        }
        if a < at {
            continue;
        }
        out.push((
            crate::tokens::lowercase(&text[a..b]),
            (at_base(a), at_base(b)),
        ));
    }
    for (s, e, tok) in m {
        if *e > at {
            out.push((tok.clone(), (at_base(*s.max(&at)), at_base(*e))));
            at = *e;
        }
    }
    into.extend(mask_org(local, org));
    addresses
}

/// The citable clauses of one language version of `doc`, in reading order
/// (see the module documentation for the folding and the normalisation).
/// Empty when the document has no clause in `lang`.
pub fn clause_recs(doc: &Document, lang: Lang) -> Vec<ClauseRec> {
    let own = OwnContacts::of(doc);
    // The name as this language version spells it («Рудный Авто Финанс»
    // beside «Рудный Авто Қаржы»), else the document's.
    let org = match language_brand(doc, lang) {
        own_name if own_name.is_empty() => org_phrase(doc, &own),
        own_name => own_name,
    };
    // Groups of clause indices: a head and what folds into it.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut key: Option<&str> = None;
    // The group's key is a heading's (an article, «4-бап. Үшінші
    // тұлғалар»): its numbered items «1)», «2)» are its clauses, each a
    // record, and a lettered sub-item («а)») folds into the item above.
    let mut under_heading = false;
    // The last character of the last clause kept (`None` after one left
    // out).
    let mut prev_end: Option<char> = None;
    for (i, c) in doc.clauses.iter().enumerate() {
        if c.lang != lang {
            continue;
        }
        if is_copyright_notice(&c.text) || is_signature_block(&c.text) {
            prev_end = None;
            continue;
        }
        // A letterhead or footer of requisites under the last clause; not
        // a line that completes the clause before it («Почтовый адрес:»
        // over the address, «…;» over «БСН …»), which a copy may print on
        // the clause's own line.
        let continues = prev_end.is_some_and(|ch| [':', ';', ','].contains(&ch));
        if c.number.is_none() && !continues && {
            let mut ws = Vec::new();
            let ents = doc.entities.get(i).map(Vec::as_slice).unwrap_or(&[]);
            normalise(&c.text, 0, ents, &own, &org, 0, &mut ws);
            requisites(c.number.is_none(), ws.iter().map(|(w, _)| w.as_str()))
        } {
            prev_end = None;
            continue;
        }
        prev_end = c.text.trim_end().chars().next_back();
        let k = unit_key(&c.id);
        let local = c.id.split_once(':').map(|(_, l)| l).unwrap_or(&c.id);
        // An unnumbered heading (`3.5-h1`) heads what follows it: it is a
        // record of its own, not a part of the clause before it, which a
        // member may have dropped.
        let heading = c.kind == crate::model::ClauseKind::Heading;
        let numbered_item = c.kind == crate::model::ClauseKind::Item
            && c.label.as_deref().is_some_and(|l| {
                l.trim_start_matches('(')
                    .starts_with(|ch: char| ch.is_ascii_digit())
            });
        match groups.last_mut() {
            Some(g) if key == Some(k) && k != local && !heading => {
                if under_heading && numbered_item {
                    groups.push(vec![i]);
                } else {
                    g.push(i);
                }
            }
            _ => {
                groups.push(vec![i]);
                key = Some(k);
                under_heading = heading && c.number.is_some();
            }
        }
    }
    let no_topics = Vec::new();
    groups
        .into_iter()
        .map(|g| {
            let head = &doc.clauses[g[0]];
            let mut text = String::new();
            let mut words = Vec::new();
            let mut entities = Vec::new();
            let mut topics: Vec<String> = Vec::new();
            for (n, &i) in g.iter().enumerate() {
                let c = &doc.clauses[i];
                let from = if n == 0 {
                    c.text.len() - c.body().len()
                } else {
                    0
                };
                if n > 0 {
                    text.push('\n');
                }
                let base = text.len();
                text.push_str(&c.text[from..]);
                let ents = doc.entities.get(i).map(Vec::as_slice).unwrap_or(&[]);
                let addresses = normalise(&c.text, from, ents, &own, &org, base, &mut words);
                for e in ents.iter().filter(|e| e.end > from) {
                    let in_address = addresses.iter().any(|&(a, b)| e.start >= a && e.end <= b);
                    let v = if own.owns(e) || in_address {
                        own_token(e, &own)
                    } else {
                        e.value.clone()
                    };
                    entities.push((e.kind, v));
                }
                for t in doc.legal.topics.get(i).unwrap_or(&no_topics) {
                    topics.push(t.topic.clone());
                }
            }
            let parts: Vec<String> = g.iter().map(|&i| doc.clauses[i].id.clone()).collect();
            let mut rights: Vec<String> = doc
                .legal
                .rights
                .iter()
                .chain(&doc.legal.extra_rights)
                .filter(|r| r.mentions.iter().any(|m| parts.contains(&m.clause)))
                .map(|r| r.id.clone())
                .collect();
            rights.sort();
            rights.dedup();
            topics.sort();
            topics.dedup();
            let (words, spans): (Vec<Word>, Vec<(usize, usize)>) = words
                .into_iter()
                .map(|(w, s): (String, _)| (Word::from(w), s))
                .unzip();
            ClauseRec {
                id: head.id.clone(),
                number: head.number.clone(),
                parts,
                hash: words_hash(&words),
                text,
                words,
                spans,
                entities,
                rights,
                topics,
            }
        })
        .filter(|r| !is_requisites(r))
        .collect()
}

/// A copyright notice: a short paragraph that opens with «©», «(c)» or
/// «Copyright» (a site's footer, «© 2025 «Жетісай Займ» … ЖШС»). Site
/// furniture, not a clause: some copies of a template carry it and some do
/// not, and it would fold into the last clause as a false change.
pub fn is_copyright_notice(text: &str) -> bool {
    let t = text.trim_start();
    let lower = t.get(..9).map(str::to_ascii_lowercase);
    t.chars().count() <= 200
        && (t.starts_with('©')
            || t.starts_with("(c) ")
            || t.starts_with("(C) ")
            || lower.as_deref() == Some("copyright"))
}

/// A signature and stamp block: a short paragraph with a place for a
/// signature or a stamp («Директор ____ /А. Серикбаев/», «М.П.», «Мөр
/// орны», «Подпись: ______»). Paper furniture, not a clause: one copy of
/// a template is signed and the next is not.
pub fn is_signature_block(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    let stamp = ["м.п.", "м. п.", "м.о.", "мөр орны", "место печати"]
        .iter()
        .any(|m| lower.contains(m));
    // A blank to sign on: a run of underscores, or slashes round a name or
    // nothing («/А. Серикбаев/», «//»).
    let blank = t.contains("___") || t.contains("//") || {
        let slashes: Vec<usize> = t.match_indices('/').map(|(i, _)| i).collect();
        slashes.windows(2).any(|w| {
            let inner = t[w[0] + 1..w[1]].trim();
            !inner.is_empty()
                && inner.split_whitespace().count() <= 3
                && inner.chars().next().is_some_and(char::is_uppercase)
                && inner.contains('.')
        })
    };
    words <= 15 && (stamp || blank) && !t.contains('@') && !t.contains("http")
}

/// A requisites block: an unnumbered paragraph (a footer, a letterhead)
/// (or one of its lines) that holds nothing but the company's identity
/// once masked (`@org`,
/// `@own`, `@id`), its legal form and labels («БИН», «тел.», «адрес»).
/// Every copy of a template prints its own, or none: it is no clause.
fn is_requisites(r: &ClauseRec) -> bool {
    requisites(r.number.is_none(), r.words.iter().map(|w| w.as_str()))
}

/// [`is_requisites`] over words: unnumbered, at least one masked, every
/// word masked, a legal form or a label.
fn requisites<'a>(unnumbered: bool, words: impl Iterator<Item = &'a str> + Clone) -> bool {
    const LABELS: &[&str] = &[
        "бин",
        "бсн",
        "иин",
        "жсн",
        "тел",
        "телефон",
        "факс",
        "e",
        "mail",
        "email",
        "эл",
        "пошта",
        "почта",
        "адрес",
        "мекенжай",
        "мекенжайы",
        "сайт",
        "www",
        "г",
        "қ",
        "ул",
        "көшесі",
        "д",
        "үй",
        "офис",
        "кеңсе",
        "реквизиты",
        "деректемелер",
        "контакты",
        "байланыс",
    ];
    let masked = words.clone().filter(|w| w.contains('@')).count();
    unnumbered
        && masked >= 1
        && words
            .into_iter()
            .all(|w| w.contains('@') || LEGAL_FORM.contains(&w) || LABELS.contains(&w))
}

/// The multiset of a record's words as sorted word hashes.
fn bag(r: &ClauseRec) -> Vec<u64> {
    let mut b: Vec<u64> = r
        .words
        .iter()
        .map(|w| words_hash(std::slice::from_ref(w)))
        .collect();
    b.sort_unstable();
    b
}

fn scored(a: &ClauseRec, b: &ClauseRec, ba: &[u64], bb: &[u64]) -> f64 {
    let bonus = if a.number.is_some() && a.number == b.number {
        NUMBER_BONUS
    } else {
        0.0
    };
    if a.hash == b.hash {
        return 1.0 + bonus;
    }
    // Dice is at most 2·min/(|a|+|b|): skip pairs that cannot match.
    let bound = 2.0 * ba.len().min(bb.len()) as f64 / (ba.len() + bb.len()).max(1) as f64;
    if bound + bonus < MATCH_THRESHOLD {
        return 0.0;
    }
    dice(ba, bb).unwrap_or(1.0) + bonus
}

/// Similarity of two clauses in [0, 1]: Dice of their normalised word
/// multisets, plus [`NUMBER_BONUS`] when they have the same number, capped
/// at 1. Equal hashes give 1.
pub fn similarity(a: &ClauseRec, b: &ClauseRec) -> f64 {
    scored(a, b, &bag(a), &bag(b)).min(1.0)
}

/// The monotonic alignment of two clause sequences of one language:
/// `(i, j, similarity)` with `i` into `a`, `j` into `b`, both strictly
/// increasing, every similarity ≥ [`MATCH_THRESHOLD`]. It maximises the sum
/// of the (uncapped, bonus included) similarities of the matched pairs: a
/// weighted longest common subsequence, O(n·m) time and memory (300 × 300
/// clauses: 90,000 cells), with a length bound that skips most Dice
/// computations. Clauses equal (by hash) and unique in both sequences are
/// matched first, as anchors in order (the longest chain, patience
/// sorting); the programme then runs only between anchors, so two copies
/// of one template cost O(n log n) plus their edited stretches.
pub fn align(a: &[ClauseRec], b: &[ClauseRec]) -> Vec<(usize, usize, f64)> {
    // Anchors: clauses whose normalised hash occurs once in each sequence,
    // kept where they are in order in both (the longest such chain). Copies
    // of one template share most clauses verbatim, so the dynamic
    // programme runs only on the short stretches between anchors.
    let anchors = anchors(a, b);
    let mut out = Vec::new();
    let (mut ai, mut bj) = (0, 0);
    for &(i, j) in anchors.iter().chain(std::iter::once(&(a.len(), b.len()))) {
        for (x, y, s) in align_dp(&a[ai..i], &b[bj..j]) {
            out.push((ai + x, bj + y, s));
        }
        if i < a.len() {
            let s = scored(&a[i], &b[j], &[], &[]);
            out.push((i, j, s.min(1.0)));
        }
        (ai, bj) = (i + 1, j + 1);
    }
    out
}

/// Pairs `(i, j)` of clauses with a hash unique in `a` and in `b` and
/// equal, the longest chain increasing in both (patience sorting), in
/// order.
fn anchors(a: &[ClauseRec], b: &[ClauseRec]) -> Vec<(usize, usize)> {
    let unique = |xs: &[ClauseRec]| -> BTreeMap<u64, Option<usize>> {
        let mut m: BTreeMap<u64, Option<usize>> = BTreeMap::new();
        for (i, r) in xs.iter().enumerate() {
            m.entry(r.hash).and_modify(|v| *v = None).or_insert(Some(i));
        }
        m
    };
    let (ua, ub) = (unique(a), unique(b));
    let pairs: Vec<(usize, usize)> = ua
        .iter()
        .filter_map(|(h, i)| Some(((*i)?, (*ub.get(h)?)?)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    // Longest increasing subsequence of j over pairs sorted by i.
    let mut tails: Vec<usize> = Vec::new(); // index into pairs
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        chain.push(pairs[k]);
        at = prev[k];
    }
    chain.reverse();
    chain
}

/// The dynamic programme of [`align`] on two stretches.
fn align_dp(a: &[ClauseRec], b: &[ClauseRec]) -> Vec<(usize, usize, f64)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let ba: Vec<Vec<u64>> = a.iter().map(bag).collect();
    let bb: Vec<Vec<u64>> = b.iter().map(bag).collect();
    let w = m + 1;
    let mut sim = vec![0f64; n * m];
    let mut f = vec![0f64; (n + 1) * w];
    for i in 0..n {
        for j in 0..m {
            let s = scored(&a[i], &b[j], &ba[i], &bb[j]);
            sim[i * m + j] = s;
            let mut best = f[i * w + j + 1].max(f[(i + 1) * w + j]);
            if s >= MATCH_THRESHOLD {
                best = best.max(f[i * w + j] + s);
            }
            f[(i + 1) * w + j + 1] = best;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let s = sim[(i - 1) * m + j - 1];
        let here = f[i * w + j];
        if s >= MATCH_THRESHOLD && here == f[(i - 1) * w + j - 1] + s {
            out.push((i - 1, j - 1, s.min(1.0)));
            i -= 1;
            j -= 1;
        } else if here == f[(i - 1) * w + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// A substitution recurring in at least this many different matched clause
/// pairs is a systematic renaming (see [`renaming`]). Two: a company names
/// itself, its site and its address over and over, so any identity
/// left unmasked recurs; a planted or real edit of the same words in two
/// clauses of one language version is rare, and is further excluded by the
/// shape of an identity phrase (a capitalised or Latin word on both sides,
/// no bare number, not a change of word form).
pub const RENAME_MIN_CLAUSES: usize = 2;

/// The longest phrase, in words per side, that a renaming substitutes (a
/// brand of up to three words, plus a `www` or a legal-form word).
pub const RENAME_MAX_WORDS: usize = 4;

/// A systematic renaming between a reference (a template, or the medoid
/// member) and a member: the phrases of each side that name its identity
/// (the company's name, site, e-mail, phone, address) when the extraction
/// of the company missed them, lower-case words as in
/// [`ClauseRec::words`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Renaming {
    /// The reference's identity phrases.
    pub reference: Vec<Vec<Word>>,
    /// The member's identity phrases.
    pub member: Vec<Vec<Word>>,
}

/// Is word `k` of `r` a name-like word: `@org`, a word with a Latin letter,
/// or a word capitalised in the text.
fn name_like(r: &ClauseRec, k: usize) -> bool {
    let w = &r.words[k];
    if w == "@org" {
        return true;
    }
    if w.contains('@') {
        return false;
    }
    let (a, b) = r.spans[k];
    let raw = r.text.get(a..b).unwrap_or("");
    w.chars().any(|c| c.is_ascii_alphabetic()) || raw.chars().next().is_some_and(char::is_uppercase)
}

/// Can `r.words[range]` be one side of an identity substitution: 1 to
/// [`RENAME_MAX_WORDS`] words, no masked contact or identifier, no bare
/// number, at least one name-like word.
fn identity_side(r: &ClauseRec, range: std::ops::Range<usize>) -> bool {
    let n = range.len();
    (1..=RENAME_MAX_WORDS).contains(&n)
        && range.clone().all(|k| {
            let w = &r.words[k];
            w == "@org" || !(w.contains('@') || w.chars().all(|c| c.is_ascii_digit()))
        })
        && range.clone().any(|k| name_like(r, k))
}

/// Do two single words differ only in their ending (a change of word form,
/// «мақсатында» → «мақсатымен»): a common prefix of 4 letters or more.
fn same_stem(a: &str, b: &str) -> bool {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() >= 4
}

/// The systematic renaming from `reference` to `recs` (clauses of one
/// language). The two are aligned ([`align`]); over every matched pair
/// whose words differ, the word-level substitutions (a run of reference
/// words replaced by a run of member words, Myers diff) are collected. A
/// substitution is the member's identity when both sides can be identity
/// phrases (see `identity_side`: short, name-like, no bare number, not a
/// change of word form) and it recurs in at least [`RENAME_MIN_CLAUSES`]
/// different clause pairs, or one side is the masked company name `@org`
/// (the other side's extraction missed or cut the name).
pub fn renaming(reference: &[ClauseRec], recs: &[ClauseRec]) -> Renaming {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    type Phrase = Vec<Word>;
    let mut seen: BTreeMap<(Phrase, Phrase), Vec<usize>> = BTreeMap::new();
    for (p, &(i, j, _)) in align(reference, recs).iter().enumerate() {
        let (a, b) = (&reference[i], &recs[j]);
        if a.hash == b.hash {
            continue;
        }
        for op in capture_diff_slices(Algorithm::Myers, &a.words, &b.words) {
            let DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } = op
            else {
                continue;
            };
            let (ro, rn) = (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            );
            if !identity_side(a, ro.clone()) || !identity_side(b, rn.clone()) {
                continue;
            }
            let (po, pn): (Phrase, Phrase) = (a.words[ro].to_vec(), b.words[rn].to_vec());
            if po.len() == 1 && pn.len() == 1 && same_stem(&po[0], &pn[0]) {
                continue;
            }
            let e = seen.entry((po, pn)).or_default();
            if e.last() != Some(&p) {
                e.push(p);
            }
        }
    }
    let mut out = Renaming::default();
    let org = |x: &Phrase| x.len() == 1 && x[0] == "@org";
    for ((po, pn), at) in seen {
        if at.len() >= RENAME_MIN_CLAUSES || org(&po) || org(&pn) {
            if !org(&po) && !out.reference.contains(&po) {
                out.reference.push(po);
            }
            if !org(&pn) && !out.member.contains(&pn) {
                out.member.push(pn);
            }
        }
    }
    // Longest first, so that a phrase is masked before its parts.
    out.reference.sort_by_key(|x| std::cmp::Reverse(x.len()));
    out.member.sort_by_key(|x| std::cmp::Reverse(x.len()));
    out
}

/// `recs` with every occurrence of the identity `phrases` (longest first;
/// the last word may carry a case ending, as for the company name) masked
/// as one `@org` word, its span the phrase's whole range; `hash` updated.
pub fn mask_identity(recs: &[ClauseRec], phrases: &[Vec<Word>]) -> Vec<ClauseRec> {
    if phrases.is_empty() {
        return recs.to_vec();
    }
    recs.iter()
        .map(|r| {
            let mut words = Vec::with_capacity(r.words.len());
            let mut spans = Vec::with_capacity(r.spans.len());
            let mut i = 0;
            while i < r.words.len() {
                // A learned phrase is a name: it starts with a name-like
                // word (capitalised, Latin, or the masked name), so a
                // brand word that is also a common word («Займ», «Кредит»)
                // is not masked in «займов», «кредитных».
                let hit = name_like(r, i)
                    .then(|| phrase_at(r.words.len(), i, |k| r.words[k].as_str(), phrases))
                    .flatten();
                match hit {
                    Some(len) => {
                        words.push(Word::const_new("@org"));
                        spans.push((r.spans[i].0, r.spans[i + len - 1].1));
                        i += len;
                    }
                    None => {
                        words.push(r.words[i].clone());
                        spans.push(r.spans[i]);
                        i += 1;
                    }
                }
            }
            ClauseRec {
                hash: words_hash(&words),
                words,
                spans,
                ..r.clone()
            }
        })
        .collect()
}

/// One clause of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateClause {
    /// The representative document (an index of the caller's documents);
    /// with `rec.id` the clause's stable id.
    pub doc: usize,
    /// The representative clause.
    pub rec: ClauseRec,
    /// Members of the family that have this clause (matched to it), the
    /// representative included: the document frequency in the family.
    pub freq: usize,
    /// Another member's record with the representative's normalised words
    /// (the same hash), if any: the reference when the representative's own
    /// document is compared, so that a member is never its own reference
    /// for what the masking hides (which own contact a clause names).
    #[serde(skip)]
    pub alt: Option<(usize, ClauseRec)>,
    /// The other variant when the clause has exactly two variants, held by
    /// as many members each (a family of three where one member lacks the
    /// clause and the other two differ): there is no majority,
    /// so the difference is reported on the members of both variants,
    /// without a direction.
    #[serde(skip)]
    pub rival: Option<(usize, ClauseRec)>,
    /// Word indices of `rec` (and of `alt`, which has the same words) that
    /// fewer than half of the members holding the clause keep: a field
    /// each member fills in its own way (a name the company extraction
    /// missed), not template text. A change confined to these words is no
    /// deviation. Empty in a family of two.
    #[serde(skip)]
    pub slots: Vec<usize>,
    /// The same for `rival`'s words.
    #[serde(skip)]
    pub rival_slots: Vec<usize>,
}

/// The words of `rec` that fewer than half of `vs` (the members' variants
/// of the clause, `rec`'s own included) keep, by a word diff against each.
fn slot_words(rec: &ClauseRec, vs: &[(usize, &ClauseRec)]) -> Vec<usize> {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    if vs.len() < 3 {
        return Vec::new();
    }
    let mut kept = vec![0usize; rec.words.len()];
    for v in vs {
        for op in capture_diff_slices(Algorithm::Myers, &rec.words, &v.1.words) {
            if let DiffOp::Equal { old_index, len, .. } = op {
                kept[old_index..old_index + len]
                    .iter_mut()
                    .for_each(|n| *n += 1);
            }
        }
    }
    let need = vs.len().div_ceil(2);
    (0..kept.len()).filter(|&w| kept[w] < need).collect()
}

/// The template of one family in one language: the clauses at least half
/// of its members share, in the order of the medoid member.
///
/// Built as follows: the medoid is the member with the highest sum of
/// document similarity to the others (ties: the lowest index); every
/// member is aligned to it; a medoid clause matched in at least half of
/// the members (the medoid counting itself) is a template clause, its text
/// the variant most members wrote (by hash; ties: the medoid's); clauses
/// the medoid lacks are clustered across the other members (equal hash or
/// [`similarity`] ≥ [`MATCH_THRESHOLD`] to a cluster's first clause), and a
/// cluster found in at least half of the members is a template clause
/// too, placed after the medoid clause its first member's preceding
/// matched clause is aligned to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// The members' document indices, ascending.
    pub members: Vec<usize>,
    /// The medoid member.
    pub medoid: usize,
    pub clauses: Vec<TemplateClause>,
    /// A family of two: neither member is a majority, so the template is
    /// the earlier member (the lower document index; the audit numbers
    /// documents in path order) and its clauses only. The earlier member
    /// then has no deviation and the later one's deviations are the
    /// differences between the two, each reported once, without a
    /// direction: an `added` clause is in the later member only, a
    /// `removed` one in the earlier only.
    #[serde(default)]
    pub undirected: bool,
}

/// The variant most members wrote (by hash), so that a member's own edit
/// of a shared clause is never the template's text even when that member
/// is the medoid. Ties (every member edited the clause differently, or a
/// family of three with two edits): the variant with the highest summed
/// similarity to all variants, the one the edits were made from; then the
/// first listed.
fn majority(vs: &[(usize, &ClauseRec)], freq: usize) -> TemplateClause {
    let count = |h: u64| vs.iter().filter(|v| v.1.hash == h).count();
    let bags: Vec<Vec<u64>> = vs.iter().map(|v| bag(v.1)).collect();
    let central: Vec<f64> = bags
        .iter()
        .map(|a| bags.iter().map(|b| dice(a, b).unwrap_or(1.0)).sum())
        .collect();
    let mut best = 0;
    for x in 1..vs.len() {
        let (cx, cb) = (count(vs[x].1.hash), count(vs[best].1.hash));
        if cx > cb || (cx == cb && central[x] > central[best] + 1e-9) {
            best = x;
        }
    }
    let (doc, rec) = vs[best];
    let alt = vs
        .iter()
        .find(|v| v.0 != doc && v.1.hash == rec.hash)
        .map(|v| (v.0, v.1.clone()));
    let mut hashes: Vec<u64> = vs.iter().map(|v| v.1.hash).collect();
    hashes.sort_unstable();
    hashes.dedup();
    let rival = vs
        .iter()
        .enumerate()
        .find(|&(x, v)| {
            hashes.len() == 2
                && v.1.hash != rec.hash
                && count(v.1.hash) == count(rec.hash)
                && (central[x] - central[best]).abs() <= 1e-9
        })
        .map(|(_, v)| (v.0, v.1.clone()));
    let slots = slot_words(rec, vs);
    let rival_slots = rival
        .as_ref()
        .map(|r| slot_words(&r.1, vs))
        .unwrap_or_default();
    TemplateClause {
        doc,
        rec: rec.clone(),
        freq,
        alt,
        rival,
        slots,
        rival_slots,
    }
}

/// Document similarity of two aligned clause sequences: twice the summed
/// similarity of the matched pairs over the total clause count, in [0, 1].
pub fn doc_similarity(a: &[ClauseRec], b: &[ClauseRec]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let s: f64 = align(a, b).iter().map(|p| p.2).sum();
    2.0 * s / (a.len() + b.len()) as f64
}

/// Members whose summed document similarity decides the medoid: the
/// [`MEDOID_CANDIDATES`] with the most clause hashes in common with the
/// others. A full alignment of every pair is O(k²) alignments; this is
/// O(k²) merges of sorted hash lists plus O(k) alignments, and the same
/// choice for families of up to four members.
pub const MEDOID_CANDIDATES: usize = 4;

/// The medoid: the member with the highest summed [`doc_similarity`] to
/// the others (ties: the lowest index), among the candidates that share
/// the most normalised clause hashes with the others.
fn medoid(ms: &[(usize, &[ClauseRec])]) -> usize {
    let k = ms.len();
    let hashes: Vec<Vec<u64>> = ms
        .iter()
        .map(|m| {
            let mut h: Vec<u64> = m.1.iter().map(|r| r.hash).collect();
            h.sort_unstable();
            h.dedup();
            h
        })
        .collect();
    let mut shared = vec![0usize; k];
    for x in 0..k {
        for y in x + 1..k {
            let n = common(&hashes[x], &hashes[y]);
            shared[x] += n;
            shared[y] += n;
        }
    }
    let mut candidates: Vec<usize> = (0..k).collect();
    candidates.sort_by_key(|&x| (std::cmp::Reverse(shared[x]), x));
    candidates.truncate(MEDOID_CANDIDATES);
    candidates.sort_unstable();
    let total = |x: usize| -> f64 {
        (0..k)
            .filter(|&y| y != x)
            .map(|y| doc_similarity(ms[x].1, ms[y].1))
            .sum()
    };
    let totals: Vec<(usize, f64)> = candidates.iter().map(|&x| (x, total(x))).collect();
    totals
        .iter()
        .fold(totals[0], |best, &t| if t.1 > best.1 { t } else { best })
        .0
}

impl Template {
    /// The template of `members`: (document index, its clause records in
    /// one language). Members are taken in ascending index order.
    pub fn build(members: &[(usize, &[ClauseRec])]) -> Template {
        let mut ms: Vec<(usize, &[ClauseRec])> = members.to_vec();
        ms.sort_by_key(|m| m.0);
        let k = ms.len();
        if k == 0 {
            return Template {
                members: vec![],
                medoid: 0,
                clauses: vec![],
                undirected: false,
            };
        }
        let need = k.div_ceil(2);
        let med = medoid(&ms);
        // Identity the company extraction missed is renamed away, member by
        // member against the medoid, so that a clause naming the company
        // has one variant across the family (see [`renaming`]).
        let mut owned: Vec<Vec<ClauseRec>> = Vec::with_capacity(k);
        let mut medoid_phrases: Vec<Vec<Word>> = Vec::new();
        for (x, m) in ms.iter().enumerate() {
            if x == med {
                owned.push(Vec::new());
                continue;
            }
            let ren = renaming(ms[med].1, m.1);
            owned.push(mask_identity(m.1, &ren.member));
            for p in ren.reference {
                if !medoid_phrases.contains(&p) {
                    medoid_phrases.push(p);
                }
            }
        }
        medoid_phrases.sort_by_key(|x| std::cmp::Reverse(x.len()));
        owned[med] = mask_identity(ms[med].1, &medoid_phrases);
        for (m, o) in ms.iter_mut().zip(&owned) {
            m.1 = o.as_slice();
        }
        let medoid = ms[med].1;
        let mut freq = vec![1usize; medoid.len()];
        // The variants of each medoid clause: (document, record).
        let mut variants: Vec<Vec<(usize, &ClauseRec)>> =
            medoid.iter().map(|r| vec![(ms[med].0, r)]).collect();
        // Clauses of other members the medoid lacks: (anchor, member, index).
        let mut loose: Vec<(Option<usize>, usize, usize)> = Vec::new();
        for (x, &(_, recs)) in ms.iter().enumerate() {
            if x == med {
                continue;
            }
            let pairs = align(medoid, recs);
            let mut matched = vec![None; recs.len()];
            for &(i, j, _) in &pairs {
                freq[i] += 1;
                variants[i].push((ms[x].0, &recs[j]));
                matched[j] = Some(i);
            }
            let mut anchor = None;
            for (j, mm) in matched.iter().enumerate() {
                match mm {
                    Some(i) => anchor = Some(*i),
                    None => loose.push((anchor, x, j)),
                }
            }
        }
        // Cluster the loose clauses: each joins the first cluster whose
        // first clause it matches and whose members do not include it.
        let bags: Vec<Vec<u64>> = loose.iter().map(|&(_, x, j)| bag(&ms[x].1[j])).collect();
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for l in 0..loose.len() {
            let (_, x, j) = loose[l];
            let r = &ms[x].1[j];
            let home = clusters.iter_mut().find(|c| {
                let f = c[0];
                let (_, fx, fj) = loose[f];
                !c.iter().any(|&o| loose[o].1 == x)
                    && scored(&ms[fx].1[fj], r, &bags[f], &bags[l]) >= MATCH_THRESHOLD
            });
            match home {
                Some(c) => c.push(l),
                None => clusters.push(vec![l]),
            }
        }
        // Medoid clauses, then shared loose clauses after their anchors.
        let mut placed: Vec<(Option<usize>, usize, TemplateClause)> = Vec::new();
        for i in 0..medoid.len() {
            if freq[i] >= need {
                placed.push((Some(i), 0, majority(&variants[i], freq[i])));
            }
        }
        // Two members: the earlier is the reference, its clauses only (no
        // majority exists; see [`Template::undirected`]).
        for c in clusters.iter().filter(|c| k > 2 && c.len() >= need) {
            let (anchor, _, j) = loose[c[0]];
            let vs: Vec<(usize, &ClauseRec)> = c
                .iter()
                .map(|&l| (ms[loose[l].1].0, &ms[loose[l].1].1[loose[l].2]))
                .collect();
            placed.push((anchor, 1 + j, majority(&vs, c.len())));
        }
        // Order: by anchor (None first), the medoid clause before the loose
        // ones anchored after it, loose ones by their position.
        placed.sort_by_key(|a| (a.0, a.1));
        Template {
            members: ms.iter().map(|m| m.0).collect(),
            medoid: ms[med].0,
            clauses: placed.into_iter().map(|p| p.2).collect(),
            undirected: k == 2,
        }
    }

    /// The template's clause records, in order.
    pub fn recs(&self) -> Vec<ClauseRec> {
        self.clauses.iter().map(|c| c.rec.clone()).collect()
    }

    /// The corpus-wide document frequency of each template clause, by
    /// exact hash, from [`clause_frequencies`].
    pub fn corpus_frequency(&self, freqs: &BTreeMap<u64, usize>) -> Vec<usize> {
        self.clauses
            .iter()
            .map(|c| freqs.get(&c.rec.hash).copied().unwrap_or(0))
            .collect()
    }
}

/// In how many documents each normalised clause occurs (exact hash; a
/// document counts once per hash): the corpus side of the clause library.
pub fn clause_frequencies<'a>(
    docs: impl IntoIterator<Item = &'a [ClauseRec]>,
) -> BTreeMap<u64, usize> {
    let mut out: BTreeMap<u64, usize> = BTreeMap::new();
    for recs in docs {
        let mut hs: Vec<u64> = recs.iter().map(|r| r.hash).collect();
        hs.sort_unstable();
        hs.dedup();
        for h in hs {
            *out.entry(h).or_default() += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::analyze("t.txt", text.as_bytes(), &crate::Config::default()).unwrap()
    }

    const BASE: &str = "ТОО «МФО «Альфа Кредит»\n1. Общие положения\n1.1. МФО собирает персональные данные клиентов для заключения договора займа.\n1.2. МФО обрабатывает данные в целях:\n1) заключения договора;\n2) оценки рисков.\n1.3. Данные хранятся в течение 5 лет, запросы направляйте на info@alfa.kz.\n1.4. По вопросам обращайтесь на info@alfa.kz или по адресу 050000, г. Алматы, ул. Абая, д. 10, офис 5.\n";

    /// A signature and stamp block, or a letterhead of requisites, is no
    /// clause: one copy of a template carries it and the next does not
    /// (blind8f: «Директор ____ /…/ М.П.» after a Roman-numbered copy, a
    /// contacts footer only in the HTML copies).
    #[test]
    fn signature_blocks_and_requisites_are_no_clauses() {
        for t in [
            "Директор ____________ /А. Серикбаев/",
            "М.П.",
            "Директор //\nМ.П.",
            "Подпись ____________ Дата ________",
            "Мөр орны",
        ] {
            assert!(is_signature_block(t), "{t}");
        }
        for t in [
            "1.4. Запросы направляйте на info@alfa.kz.",
            "Клиент подписывает согласие в офисе МФО.",
            "Адрес: 050000, г. Алматы / ул. Абая, 10",
        ] {
            assert!(!is_signature_block(t), "{t}");
        }
        let plain = clause_recs(&doc(BASE), Lang::Ru);
        let footer = format!(
            "{BASE}\nТОО «МФО «Альфа Кредит» / info@alfa.kz / БИН 123456789012\nДиректор ____ /А. Серикбаев/\n"
        );
        let with = clause_recs(&doc(&footer), Lang::Ru);
        assert_eq!(
            with.iter().map(|r| r.hash).collect::<Vec<_>>(),
            plain.iter().map(|r| r.hash).collect::<Vec<_>>()
        );
    }

    /// A name takes case endings, not any letters after it: «Кокше» is
    /// masked in «Кокшеге», not in «Кокшетау»; a learned brand word that
    /// is also a common word («Займ») is masked only where it is written
    /// as a name.
    #[test]
    fn a_name_is_masked_with_its_case_endings_and_only_as_a_name() {
        assert!(org_word("кокшеге", "кокше", true) && org_word("плюстің", "плюс", true));
        assert!(!org_word("кокшетау", "кокше", true) && !org_word("займов", "займ", true));
        let d = doc(
            "1. Общие положения\n1.1. ТОО «МФО «Бета Займ» выдает займы. Займ Бета выдается онлайн.\n",
        );
        let recs = clause_recs(&d, Lang::Ru);
        let masked = mask_identity(&recs, &[vec![Word::from("займ")]]);
        let words: Vec<&str> = masked
            .last()
            .unwrap()
            .words
            .iter()
            .map(|w| w.as_str())
            .collect();
        assert!(words.contains(&"займы"), "{words:?}");
        assert!(words.contains(&"@org"), "{words:?}");
    }

    /// A site's footer under the last clause is no part of it: a copy
    /// without the footer has the same clause (blind8c doc_0017 against
    /// its family's HTML pages).
    #[test]
    fn a_copyright_footer_is_left_out_of_the_last_clause() {
        let with = doc(&format!("{BASE}\n© 2025 ТОО «МФО «Альфа Кредит»\n"));
        let recs = clause_recs(&with, Lang::Ru);
        let plain = clause_recs(&doc(BASE), Lang::Ru);
        assert_eq!(recs.len(), plain.len());
        assert_eq!(recs.last().map(|r| r.hash), plain.last().map(|r| r.hash));
        assert!(is_copyright_notice("Copyright 2024 Альфа") && is_copyright_notice("(c) 2024"));
        assert!(!is_copyright_notice("1.4. Права защищены ©"));
    }

    #[test]
    fn a_domain_that_spells_the_brand_is_own_and_a_stray_one_is_not() {
        // The site is named once, on a domain unrelated to the brand; the
        // e-mail domain spells the brand.
        let d = doc(
            "ТОО «МФО «Аспан Кредит»\n1. Общие положения\n1.1. Политика опубликована на сайте myaspankredit.kz.\n1.2. Обращения направляются на dpo@aspan-kredit.kz.\n",
        );
        let own = OwnContacts::of(&d);
        assert_eq!(own.domains, vec!["aspan-kredit.kz".to_string()]);
        assert!(spells("aspankredit.kz", "aspan-kredit.kz"));
        assert!(!spells("myaspankredit.kz", "aspan-kredit.kz"));
    }

    #[test]
    fn a_toll_free_line_tied_with_the_company_s_number_is_not_its_own() {
        let counts = |v: &[(&str, usize)]| -> BTreeMap<String, usize> {
            v.iter().map(|(p, n)| (p.to_string(), *n)).collect()
        };
        let own = own_phones(&counts(&[("77222560348", 1), ("78000704444", 1)]));
        assert_eq!(own, ["77222560348"]);
        // Named more often, the company's own hotline is its own.
        let own = own_phones(&counts(&[("77222560348", 1), ("78000704444", 2)]));
        assert_eq!(own, ["78000704444"]);
        // The only line is the company's.
        assert_eq!(own_phones(&counts(&[("78000704444", 1)])), ["78000704444"]);
    }

    #[test]
    fn a_mail_domain_is_related_to_the_site_by_whole_words() {
        assert!(related_domains("altyn-mikro.kz", "altyn-mikro-credit.kz"));
        assert!(related_domains("mfo-aspan.kz", "aspan.kz"));
        assert!(related_domains("aspan.kz", "aspan.kz"));
        assert!(!related_domains("mygamma.kz", "gamma.kz"));
        assert!(!related_domains("mfo-kz.kz", "mfo-alfa.kz"));
        assert!(!related_domains("myaraifinans.kz", "arai-finans.kz"));
    }

    #[test]
    fn a_domain_spells_its_brand_as_the_company_transliterates_it() {
        assert!(spells("aspankredit.kz", "aspan-kredit.kz"));
        assert!(spells("burabayfinance.kz", "burabay-finans.kz"));
        assert!(spells("inder-qarzhy.kz", "inder-karzhy.kz"));
        assert!(spells("burabayfinance.kz", "burabai-finans.kz"));
        // Another company's name, or too short a name to tell.
        assert!(!spells("paybox-kz.kz", "zerenda-kredit.kz"));
        assert!(!spells("ekibastuz-kredit.kz", "ekibastuz-karzhy.kz"));
        assert!(!spells("alfa.kz", "alga.kz"));
        assert!(!spells("myaspankredit.kz", "aspan-kredit.kz"));
    }

    #[test]
    fn items_fold_into_their_clause_and_own_contacts_are_masked() {
        let d = doc(BASE);
        let recs = clause_recs(&d, Lang::Ru);
        let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
        assert!(ids.contains(&"ru:1.2"), "{ids:?}");
        assert!(!ids.iter().any(|i| i.contains('(')), "{ids:?}");
        let r12 = recs.iter().find(|r| r.id == "ru:1.2").unwrap();
        assert_eq!(r12.parts.len(), 3, "{:?}", r12.parts);
        let r13 = recs.iter().find(|r| r.id == "ru:1.3").unwrap();
        assert!(r13.words.iter().any(|w| w == "info@own"), "{:?}", r13.words);
        assert!(r13.words.iter().any(|w| w == "5"), "{:?}", r13.words);
        let r14 = recs.iter().find(|r| r.id == "ru:1.4").unwrap();
        assert!(!r14.words.iter().any(|w| w == "абая"), "{:?}", r14.words);
        for r in &recs {
            assert_eq!(r.words.len(), r.spans.len());
            for w in r.spans.windows(2) {
                assert!(w[0].1 <= w[1].0, "{:?}", r.spans);
            }
        }
        // Serde round trip.
        let j = serde_json::to_string(&recs).unwrap();
        let back: Vec<ClauseRec> = serde_json::from_str(&j).unwrap();
        assert_eq!(back, recs);
    }

    /// A telephone whose last group has six digits («+7 7142 503177») is
    /// no postcode: the address starts at its own postcode, and the words
    /// between the two stay words (blind8h: «телефоны бойынша немесе» was
    /// masked into the address, and the redline quoted it twice).
    #[test]
    fn six_digits_of_a_telephone_start_no_address() {
        let d = doc(
            "1. Контакты\n1.1. Обращения принимаются по телефону +7 7142 503177 или по адресу 110000, г. Костанай, пр. Аль-Фараби, д. 64.\n",
        );
        let recs = clause_recs(&d, Lang::Ru);
        let r = recs.iter().find(|r| r.id == "ru:1.1").unwrap();
        let words: Vec<&str> = r.words.iter().map(|w| w.as_ref()).collect();
        assert_eq!(
            words,
            [
                "обращения",
                "принимаются",
                "по",
                "телефону",
                "@own",
                "или",
                "по",
                "адресу",
                "@own"
            ],
        );
        assert_eq!(
            &r.text[r.spans[8].0..r.spans[8].1],
            "110000, г. Костанай, пр. Аль-Фараби, д. 64"
        );
    }

    #[test]
    fn an_unnumbered_heading_is_a_record_of_its_own() {
        let d = doc(
            "ТОО «МФО «Альфа Кредит»\n<h2>Цели</h2>\n<p>1.1 МФО собирает данные клиентов.</p>\n<p>1.2 МФО хранит данные пять лет.</p>\n<h2>Кому мы передаем данные</h2>\n<p>2.1 Кредитным бюро.</p>\n",
        );
        let recs = clause_recs(&d, Lang::Ru);
        let heading = recs
            .iter()
            .find(|r| r.text.contains("Кому мы передаем"))
            .unwrap();
        assert_eq!(heading.parts.len(), 1, "{:?}", heading.parts);
        let r12 = recs.iter().find(|r| r.text.contains("пять лет")).unwrap();
        assert!(!r12.text.contains("Кому"), "{}", r12.text);
    }

    #[test]
    fn another_company_is_the_same_template() {
        let other = BASE
            .replace("Альфа Кредит", "Бета Займ")
            .replace("alfa.kz", "beta.kz")
            .replace("Абая, д. 10, офис 5", "Сатпаева, д. 7, офис 2");
        let (a, b) = (doc(BASE), doc(&other));
        let (ra, rb) = (clause_recs(&a, Lang::Ru), clause_recs(&b, Lang::Ru));
        assert_eq!(ra.len(), rb.len());
        for (x, y) in ra.iter().zip(&rb) {
            assert_eq!(x.words, y.words, "{} / {}", x.text, y.text);
        }
        let al = align(&ra, &rb);
        assert_eq!(al.len(), ra.len());
        assert!(al.iter().all(|p| p.0 == p.1 && p.2 == 1.0));
    }

    #[test]
    fn alignment_skips_removed_and_added_clauses() {
        let mk = |id: &str, t: &str| {
            let words = lower_words(t);
            ClauseRec {
                id: id.into(),
                number: Some(id[3..].into()),
                parts: vec![id.into()],
                text: t.into(),
                spans: vec![(0, 0); words.len()],
                hash: words_hash(&words),
                words: words.into_iter().map(Word::from).collect(),
                entities: vec![],
                rights: vec![],
                topics: vec![],
            }
        };
        let a = vec![
            mk("ru:1", "данные собираются для заключения договора займа"),
            mk("ru:2", "срок хранения данных пять лет после погашения"),
            mk("ru:3", "субъект вправе отозвать согласие на обработку"),
        ];
        let b = vec![
            mk("ru:1", "данные собираются для заключения договора займа"),
            mk(
                "ru:3",
                "субъект вправе отозвать согласие на обработку данных",
            ),
            mk("ru:4", "оператор передает сведения в кредитное бюро"),
        ];
        let al = align(&a, &b);
        let idx: Vec<(usize, usize)> = al.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(idx, vec![(0, 0), (2, 1)]);
        assert!(similarity(&a[1], &b[2]) < MATCH_THRESHOLD);
        let t = Template::build(&[(0, &a), (1, &b), (2, &a)]);
        assert_eq!(t.medoid, 0);
        let ids: Vec<(&str, usize)> = t
            .clauses
            .iter()
            .map(|c| (c.rec.id.as_str(), c.freq))
            .collect();
        assert_eq!(ids, vec![("ru:1", 3), ("ru:2", 2), ("ru:3", 3)]);
        let f = clause_frequencies([a.as_slice(), b.as_slice(), a.as_slice()]);
        assert_eq!(t.corpus_frequency(&f), vec![3, 2, 2]);
    }
}
