//! The kk↔ru translation lexicon that the meaning checks read: word
//! tokens with their stems, and a table of word-translation probabilities
//! between Kazakh and Russian stems learnt by IBM Model 1 (EM over aligned
//! clause pairs, both directions) and seeded with the glossary.
//!
//! Stems collapse inflection so that one entry serves every form: Kazakh
//! case, possessive and plural suffixes are peeled off the end (at most
//! four, the stem keeping at least four letters), a Russian word loses one
//! inflectional ending, and both are cut to seven letters. The stemmer is
//! private to the meaning checks (other stages have their own prefixes).
//!
//! The table ships as data (`data/lexicon_kk_ru.tsv`), written by
//! `cargo run --release --example train_lexicon` from the bilingual inputs
//! of `corpus/` and `fixtures/`; [`train`] is deterministic (sums in the
//! order of the pairs, maps sorted), so the same inputs give the same file.
//!
//! Invariants: probabilities lie in [0, 1]; every stem is lower-case and
//! non-empty; [`Table::aligned`] is symmetric in what it reads (either
//! direction's probability, from a word seen often enough to be trusted).

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, ErrorKind, Result};
use crate::model::Lang;
use crate::rules::Glossary;
use crate::tokens::{self, Class};

/// The table shipped with qostil.
pub const LEXICON_KK_RU: &str = include_str!("../../../data/lexicon_kk_ru.tsv");

/// Longest stem, in characters.
const STEM_CHARS: usize = 7;
/// A word seen fewer times than this in training has untrusted
/// translations (EM gives a rare word every word of its one pair).
pub const MIN_COUNT: u32 = 3;
/// Two stems are translations when either direction's probability, from
/// a trusted word, reaches this.
pub const ALIGNED: f64 = 0.08;
/// A word is sure of its translation when its best one reaches this.
pub const SURE: f64 = 0.3;
/// Rows below this probability (both directions) are not written.
const KEEP: f64 = 0.05;
/// EM iterations.
const ITERATIONS: usize = 6;

/// Kazakh suffixes peeled from the end of a word, longest first (verb
/// forms after the nominal ones of the same length do not matter: the
/// longest match wins).
const KK_SUFFIXES: &[&str] = &[
    "йтін",
    "йтын",
    "атын",
    "етін",
    "итін",
    "ытын",
    "ғандық",
    "гендік",
    "уымен",
    "уімен",
    "ушы",
    "уші",
    "ған",
    "ген",
    "қан",
    "кен",
    "уге",
    "уға",
    "уды",
    "уді",
    "уын",
    "уін",
    "ады",
    "еді",
    "йды",
    "йді",
    "ып",
    "іп",
    "уы",
    "уі",
    "у",
    "ларының",
    "лерінің",
    "дарының",
    "дерінің",
    "тарының",
    "терінің",
    "ларына",
    "леріне",
    "ларында",
    "лерінде",
    "ларынан",
    "лерінен",
    "ларын",
    "лерін",
    "дарын",
    "дерін",
    "тарын",
    "терін",
    "ының",
    "інің",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ыңыз",
    "іңіз",
    "ңыз",
    "ңіз",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    "нда",
    "нде",
    "ына",
    "іне",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "да",
    "де",
    "та",
    "те",
    "ды",
    "ді",
    "ты",
    "ті",
    "ны",
    "ні",
    "мен",
    "бен",
    "пен",
    "сы",
    "сі",
    "ым",
    "ім",
    "ың",
    "ің",
    "ы",
    "і",
    "н",
];

/// Russian inflectional endings, longest first.
const RU_ENDINGS: &[&str] = &[
    "ениями",
    "ениях",
    "ением",
    "ения",
    "ение",
    "ений",
    "ению",
    "ении",
    "иями",
    "ями",
    "ами",
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ими",
    "ых",
    "их",
    "ые",
    "ым",
    "ою",
    "ею",
    "ой",
    "ей",
    "ий",
    "ый",
    "ая",
    "яя",
    "ое",
    "ее",
    "ую",
    "юю",
    "ом",
    "ем",
    "ам",
    "ям",
    "ах",
    "ях",
    "ов",
    "ев",
    "ия",
    "ие",
    "ию",
    "ии",
    "ть",
    "ет",
    "ит",
    "ют",
    "ут",
    "ат",
    "ят",
    "а",
    "я",
    "о",
    "е",
    "ы",
    "и",
    "у",
    "ю",
    "ь",
];

/// Words that carry no content of their own for the lexicon (connectives,
/// pronouns, particles, auxiliaries); the polarity words are read by
/// `polarity` instead.
const RU_STOP: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "о",
    "об",
    "обо",
    "к",
    "ко",
    "для",
    "от",
    "из",
    "за",
    "до",
    "при",
    "или",
    "либо",
    "а",
    "также",
    "что",
    "чтобы",
    "как",
    "это",
    "этот",
    "эта",
    "эти",
    "этого",
    "этой",
    "этих",
    "этом",
    "ли",
    "же",
    "бы",
    "его",
    "ее",
    "её",
    "их",
    "им",
    "ним",
    "них",
    "ней",
    "нему",
    "который",
    "которая",
    "которое",
    "которые",
    "которых",
    "которым",
    "которой",
    "которого",
    "которую",
    "так",
    "том",
    "числе",
    "то",
    "у",
    "он",
    "она",
    "они",
    "оно",
    "мы",
    "вы",
    "нам",
    "нас",
    "вам",
    "вас",
    "нами",
    "вами",
    "свой",
    "своих",
    "своей",
    "своего",
    "свои",
    "своим",
    "своё",
    "свое",
    "свою",
    "т",
    "д",
    "п",
    "пр",
    "ст",
    "г",
    "далее",
    "такой",
    "такие",
    "такая",
    "таких",
    "такого",
    "таком",
    "такую",
    "такими",
    "является",
    "являются",
    "быть",
    "будет",
    "будут",
    "был",
    "была",
    "были",
    "было",
    "есть",
    "чем",
    "где",
    "если",
    "когда",
    "но",
    "ни",
    "не",
    "нет",
    "без",
    "между",
    "через",
    "под",
    "над",
    "тем",
    "том",
    "ему",
    "ей",
    "себя",
    "себе",
    "ваш",
    "ваши",
    "ваших",
    "вашей",
    "вашего",
    "вашим",
    "ваша",
    "вашу",
    "вашими",
    "наш",
    "наши",
    "наших",
    "нашей",
    "нашего",
    "нашим",
    "наша",
    "нашу",
    "нашими",
    "пока",
    "поэтому",
    "части",
    "следующих",
    "следующие",
    "следующим",
    "следующие",
    "следующей",
    "следующего",
    "мой",
    "мои",
    "моих",
    "моей",
    "моего",
    "мною",
    "мне",
    "меня",
    "всех",
    "все",
    "всё",
    "всем",
    "всеми",
    "вся",
    "весь",
];

const KK_STOP: &[&str] = &[
    "және",
    "мен",
    "бен",
    "пен",
    "немесе",
    "не",
    "үшін",
    "туралы",
    "бойынша",
    "сондай",
    "ақ",
    "сонымен",
    "қатар",
    "осы",
    "бұл",
    "ол",
    "олар",
    "оның",
    "оны",
    "оған",
    "олардың",
    "оларды",
    "оларға",
    "олармен",
    "да",
    "де",
    "та",
    "те",
    "ғана",
    "тек",
    "жөніндегі",
    "жөнінде",
    "арқылы",
    "кезде",
    "кезінде",
    "болып",
    "болса",
    "болған",
    "болады",
    "табылады",
    "табылатын",
    "сияқты",
    "т",
    "б",
    "әрі",
    "қарай",
    "егер",
    "онда",
    "яғни",
    "біз",
    "сіз",
    "сіздің",
    "сізге",
    "сізді",
    "сізден",
    "сізбен",
    "біздің",
    "бізге",
    "бізді",
    "бізден",
    "бізбен",
    "өз",
    "өзі",
    "өзінің",
    "өзіне",
    "өзін",
    "жағдайда",
    "ретте",
    "бірақ",
    "алайда",
    "емес",
    "жоқ",
    "барлық",
    "бүкіл",
    "әр",
    "әрбір",
    "мына",
    "сол",
    "соның",
    "соған",
];

/// One word of a clause: its byte range, lower-cased form and stem.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub stem: String,
    /// Not a stop word, at least two letters and not a number.
    pub content: bool,
}

/// The words of `text` (letters only; digits and punctuation split them),
/// stemmed for `lang`.
pub fn words(text: &str, lang: Lang) -> Vec<Word> {
    tokens::tokens(text, Class::Letters)
        .into_iter()
        .map(|(start, end)| {
            let lower = text[start..end].to_lowercase().replace('ё', "е");
            let stop = stops(lang).contains(lower.as_str());
            let content = !stop && lower.chars().count() >= 2;
            Word {
                start,
                end,
                stem: stem(&lower, lang),
                lower,
                content,
            }
        })
        .collect()
}

/// The stop words of `lang`, as a set (built once).
fn stops(lang: Lang) -> &'static std::collections::HashSet<&'static str> {
    static RU: std::sync::OnceLock<std::collections::HashSet<&str>> = std::sync::OnceLock::new();
    static KK: std::sync::OnceLock<std::collections::HashSet<&str>> = std::sync::OnceLock::new();
    match lang {
        Lang::Ru => RU.get_or_init(|| RU_STOP.iter().copied().collect()),
        _ => KK.get_or_init(|| KK_STOP.iter().copied().collect()),
    }
}

/// The suffixes of `lang` as letters (built once).
fn suffixes(lang: Lang) -> &'static [Vec<char>] {
    static RU: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    static KK: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    let build = |list: &[&str]| list.iter().map(|s| s.chars().collect()).collect();
    match lang {
        Lang::Ru => RU.get_or_init(|| build(RU_ENDINGS)),
        _ => KK.get_or_init(|| build(KK_SUFFIXES)),
    }
}

/// The stem of a lower-cased word in `lang` (see the module comment).
pub fn stem(word: &str, lang: Lang) -> String {
    let mut w: Vec<char> = word.chars().filter(|&c| c != 'ь' && c != 'ъ').collect();
    // The longest suffix of `list` that leaves at least four letters.
    let strip = |w: &mut Vec<char>, list: &[Vec<char>]| -> bool {
        let best = list
            .iter()
            .filter(|s| w.len() >= s.len() + 4 && w.ends_with(s))
            .map(|s| s.len())
            .max();
        match best {
            Some(n) => {
                w.truncate(w.len() - n);
                true
            }
            None => false,
        }
    };
    match lang {
        Lang::Ru => {
            strip(&mut w, suffixes(Lang::Ru));
        }
        _ => {
            for _ in 0..4 {
                if !strip(&mut w, suffixes(Lang::Kk)) {
                    break;
                }
            }
        }
    }
    w.truncate(STEM_CHARS);
    w.into_iter().collect()
}

/// Two stems written alike in both languages (loan words: «сайт»,
/// «модель», «cookie»): equal, or sharing their first five letters.
pub fn cognate(kk: &str, ru: &str) -> bool {
    if kk == ru {
        return kk.chars().count() >= 3;
    }
    // Both have five letters at least, and the first five are the same
    // (asked for each word pair of each clause pair: no allocation).
    let (mut a, mut b) = (kk.chars(), ru.chars());
    (0..5).all(|_| matches!((a.next(), b.next()), (Some(x), Some(y)) if x == y))
}

/// Translation probabilities between kk and ru stems, with how often each
/// stem was seen in training.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// kk → ru → (p(ru | kk), p(kk | ru)).
    pairs: HashMap<String, HashMap<String, (f64, f64)>>,
    rows: usize,
    kk_count: HashMap<String, u32>,
    ru_count: HashMap<String, u32>,
    /// Best translation probability of each stem, either language.
    kk_best: HashMap<String, f64>,
    ru_best: HashMap<String, f64>,
}

impl Table {
    /// Parse the table's TSV (`kk, ru, p(ru|kk), p(kk|ru), n_kk, n_ru`;
    /// `#` comments); `name` is used in errors, which carry the line.
    pub fn parse(name: &str, text: &str) -> Result<Table> {
        let mut t = Table::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: String| Error::new(name, ErrorKind::Rules(what)).at_line(i + 1);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 6 {
                return Err(err(format!(
                    "expected 6 tab-separated fields (kk, ru, p_ru_kk, p_kk_ru, n_kk, n_ru), found {}",
                    f.len()
                )));
            }
            let p = |s: &str| -> Result<f64> {
                s.parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or_else(|| err(format!("not a probability: {s:?}")))
            };
            let n = |s: &str| -> Result<u32> {
                s.parse::<u32>()
                    .map_err(|_| err(format!("not a count: {s:?}")))
            };
            let (kk, ru) = (f[0].to_string(), f[1].to_string());
            let upper = |s: &str| s.chars().any(char::is_uppercase);
            if kk.is_empty() || ru.is_empty() || upper(&kk) || upper(&ru) {
                return Err(err("stems must be lower-case and non-empty".into()));
            }
            let (prk, pkr) = (p(f[2])?, p(f[3])?);
            t.kk_count.insert(kk.clone(), n(f[4])?);
            t.ru_count.insert(ru.clone(), n(f[5])?);
            let b = t.kk_best.entry(kk.clone()).or_default();
            *b = b.max(prk);
            let b = t.ru_best.entry(ru.clone()).or_default();
            *b = b.max(pkr);
            if t.pairs
                .entry(kk)
                .or_default()
                .insert(ru, (prk, pkr))
                .is_none()
            {
                t.rows += 1;
            }
        }
        Ok(t)
    }

    /// The table shipped with qostil (parsed once).
    pub fn builtin() -> &'static Table {
        static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            Table::parse("data/lexicon_kk_ru.tsv", LEXICON_KK_RU).unwrap_or_default()
        })
    }

    /// Number of (kk, ru) rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// (p(ru | kk), p(kk | ru)); zeros when the table has no row.
    pub fn prob(&self, kk: &str, ru: &str) -> (f64, f64) {
        self.pairs
            .get(kk)
            .and_then(|m| m.get(ru))
            .copied()
            .unwrap_or((0.0, 0.0))
    }

    /// The most probable translation of a stem of `lang` (by p(other |
    /// stem)), if the table has one.
    pub fn best(&self, stem: &str, lang: Lang) -> Option<&str> {
        let pick = |a: &(&str, f64), b: &(&str, f64)| a.1.total_cmp(&b.1).then(b.0.cmp(a.0));
        if lang == Lang::Kk {
            self.pairs
                .get(stem)?
                .iter()
                .map(|(r, p)| (r.as_str(), p.0))
                .max_by(pick)
                .map(|(r, _)| r)
        } else {
            self.pairs
                .iter()
                .filter_map(|(k, m)| m.get(stem).map(|p| (k.as_str(), p.1)))
                .max_by(pick)
                .map(|(k, _)| k)
        }
    }

    /// How often a stem of `lang` was seen in training.
    pub fn count(&self, stem: &str, lang: Lang) -> u32 {
        let m = if lang == Lang::Ru {
            &self.ru_count
        } else {
            &self.kk_count
        };
        m.get(stem).copied().unwrap_or(0)
    }

    /// Whether a stem of `lang` is trusted (seen at least [`MIN_COUNT`]
    /// times) and sure of its translation (best probability ≥ [`SURE`]).
    pub fn sure(&self, stem: &str, lang: Lang) -> bool {
        let best = if lang == Lang::Ru {
            &self.ru_best
        } else {
            &self.kk_best
        };
        self.count(stem, lang) >= MIN_COUNT && best.get(stem).is_some_and(|&p| p >= SURE)
    }

    /// The alignment scores of every Kazakh word against every Russian
    /// word of a pair (see [`Links`]).
    pub fn links(&self, kk: &[Word], ru: &[Word]) -> Links {
        let ru_ok: Vec<bool> = ru
            .iter()
            .map(|w| w.content && self.count(&w.stem, Lang::Ru) >= MIN_COUNT)
            .collect();
        let score = kk
            .iter()
            .map(|k| {
                if !k.content {
                    return vec![0.0; ru.len()];
                }
                let row = self.pairs.get(&k.stem);
                let k_ok = self.count(&k.stem, Lang::Kk) >= MIN_COUNT;
                ru.iter()
                    .enumerate()
                    .map(|(j, r)| {
                        if !r.content {
                            return 0.0;
                        }
                        let (x, y) = row
                            .and_then(|m| m.get(&r.stem))
                            .copied()
                            .unwrap_or((0.0, 0.0));
                        let aligned = cognate(&k.stem, &r.stem)
                            || (x >= ALIGNED && k_ok)
                            || (y >= ALIGNED && ru_ok[j]);
                        if aligned { x.max(y).max(0.01) } else { 0.0 }
                    })
                    .collect()
            })
            .collect();
        Links { score }
    }

    /// Whether `kk` and `ru` translate each other: cognates, or either
    /// direction's probability ≥ [`ALIGNED`] from a trusted word.
    pub fn aligned(&self, kk: &str, ru: &str) -> bool {
        if cognate(kk, ru) {
            return true;
        }
        let (prk, pkr) = self.prob(kk, ru);
        (prk >= ALIGNED && self.count(kk, Lang::Kk) >= MIN_COUNT)
            || (pkr >= ALIGNED && self.count(ru, Lang::Ru) >= MIN_COUNT)
    }
}

/// Alignment scores between the words of a pair's two sides: positive
/// (the larger probability, at least 0.01) where [`Table::aligned`] holds,
/// 0 elsewhere and for stop words. Computed once per pair.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// `score[k][r]` for Kazakh word `k`, Russian word `r`.
    score: Vec<Vec<f64>>,
}

impl Links {
    /// The score of word `i` of side `la` against word `j` of the other.
    pub fn get(&self, la: Lang, i: usize, j: usize) -> f64 {
        if la == Lang::Ru {
            self.score[j][i]
        } else {
            self.score[i][j]
        }
    }
}

/// One training pair: the content stems of a Kazakh and a Russian side.
pub type Sentence = (Vec<String>, Vec<String>);

/// The content stems of a text in `lang`.
pub fn content_stems(text: &str, lang: Lang) -> Vec<String> {
    words(text, lang)
        .into_iter()
        .filter(|w| w.content)
        .map(|w| w.stem)
        .collect()
}

/// Glossary seeds as training pairs: each Kazakh alternative against each
/// Russian one, its prefixes read as the most frequent stem of the
/// `sentences`' words that start with them (the glossary writes prefixes,
/// not stems).
pub fn glossary_seeds(glossary: &Glossary, sentences: &[Sentence]) -> Vec<Sentence> {
    let mut freq: [BTreeMap<&str, u32>; 2] = [BTreeMap::new(), BTreeMap::new()];
    for (k, r) in sentences {
        for s in k {
            *freq[0].entry(s).or_default() += 1;
        }
        for s in r {
            *freq[1].entry(s).or_default() += 1;
        }
    }
    let resolve = |prefix: &str, side: usize, lang: Lang| -> String {
        let p = stem(prefix, lang);
        freq[side]
            .iter()
            .filter(|(s, _)| s.starts_with(p.as_str()) || p.starts_with(**s))
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.len())))
            .map_or(p, |(s, _)| s.to_string())
    };
    let mut out = Vec::new();
    for term in &glossary.terms {
        for k in &term.kk {
            for r in &term.ru {
                let ks: Vec<String> = k.iter().map(|p| resolve(p, 0, Lang::Kk)).collect();
                let rs: Vec<String> = r.iter().map(|p| resolve(p, 1, Lang::Ru)).collect();
                out.push((ks, rs));
            }
        }
    }
    out
}

/// IBM Model 1 in one direction: p(f | e) over `pairs` of (e, f) id
/// lists, with a NULL word (id `e_vocab`) on the e side.
fn model1(pairs: &[(Vec<u32>, Vec<u32>)], e_vocab: usize) -> HashMap<(u32, u32), f64> {
    let null = e_vocab as u32;
    let mut t: HashMap<(u32, u32), f64> = HashMap::new();
    for (e, f) in pairs {
        for &fw in f {
            t.insert((null, fw), 1.0);
            for &ew in e {
                t.insert((ew, fw), 1.0);
            }
        }
    }
    for _ in 0..ITERATIONS {
        let mut count: HashMap<(u32, u32), f64> = HashMap::new();
        let mut total: HashMap<u32, f64> = HashMap::new();
        for (e, f) in pairs {
            for &fw in f {
                let z: f64 = t[&(null, fw)] + e.iter().map(|&ew| t[&(ew, fw)]).sum::<f64>();
                for &ew in e.iter().chain(std::iter::once(&null)) {
                    let d = t[&(ew, fw)] / z;
                    *count.entry((ew, fw)).or_default() += d;
                    *total.entry(ew).or_default() += d;
                }
            }
        }
        for (k, v) in t.iter_mut() {
            *v = count.get(k).copied().unwrap_or(0.0) / total.get(&k.0).copied().unwrap_or(1.0);
        }
    }
    t
}

/// Learn the table from `sentences` (content stems of aligned clause
/// pairs) and `seeds` (glossary pairs, counted `seed_weight` times):
/// Model 1 both ways, rows kept where either probability ≥ 0.02 and
/// both words co-occur. Deterministic.
pub fn train(sentences: &[Sentence], seeds: &[Sentence], seed_weight: usize) -> Table {
    let mut all: Vec<&Sentence> = sentences
        .iter()
        .filter(|(k, r)| !k.is_empty() && !r.is_empty())
        .collect();
    for _ in 0..seed_weight {
        all.extend(seeds.iter().filter(|(k, r)| !k.is_empty() && !r.is_empty()));
    }
    let mut kk_vocab: BTreeMap<&str, u32> = BTreeMap::new();
    let mut ru_vocab: BTreeMap<&str, u32> = BTreeMap::new();
    let mut kk_count: BTreeMap<&str, u32> = BTreeMap::new();
    let mut ru_count: BTreeMap<&str, u32> = BTreeMap::new();
    for (k, r) in sentences {
        for s in k {
            *kk_count.entry(s).or_default() += 1;
        }
        for s in r {
            *ru_count.entry(s).or_default() += 1;
        }
    }
    for (k, r) in &all {
        for s in k {
            kk_vocab.entry(s).or_default();
        }
        for s in r {
            ru_vocab.entry(s).or_default();
        }
    }
    for (i, v) in kk_vocab.values_mut().enumerate() {
        *v = i as u32;
    }
    for (i, v) in ru_vocab.values_mut().enumerate() {
        *v = i as u32;
    }
    let ids = |s: &[String], vocab: &BTreeMap<&str, u32>| -> Vec<u32> {
        s.iter().map(|w| vocab[w.as_str()]).collect()
    };
    let kr: Vec<(Vec<u32>, Vec<u32>)> = all
        .iter()
        .map(|(k, r)| (ids(k, &kk_vocab), ids(r, &ru_vocab)))
        .collect();
    let rk: Vec<(Vec<u32>, Vec<u32>)> = kr.iter().map(|(k, r)| (r.clone(), k.clone())).collect();
    let p_ru_kk = model1(&kr, kk_vocab.len());
    let p_kk_ru = model1(&rk, ru_vocab.len());
    let kk_names: Vec<&str> = kk_vocab.keys().copied().collect();
    let ru_names: Vec<&str> = ru_vocab.keys().copied().collect();
    let mut rows: BTreeMap<(u32, u32), (f64, f64)> = BTreeMap::new();
    for (&(e, f), &p) in &p_ru_kk {
        if (e as usize) < kk_names.len() {
            rows.entry((e, f)).or_default().0 = p;
        }
    }
    for (&(e, f), &p) in &p_kk_ru {
        if (e as usize) < ru_names.len() {
            rows.entry((f, e)).or_default().1 = p;
        }
    }
    let mut text = String::new();
    for ((k, r), (a, b)) in rows {
        if a.max(b) < KEEP {
            continue;
        }
        let (ks, rs) = (kk_names[k as usize], ru_names[r as usize]);
        text.push_str(&format!(
            "{ks}\t{rs}\t{a:.4}\t{b:.4}\t{}\t{}\n",
            kk_count.get(ks).copied().unwrap_or(0),
            ru_count.get(rs).copied().unwrap_or(0)
        ));
    }
    Table::parse("trained", &text).unwrap_or_default()
}

/// The table as TSV (the shipped file's format), rows sorted.
pub fn to_tsv(table: &Table) -> String {
    let mut rows: Vec<(&String, &String, &(f64, f64))> = table
        .pairs
        .iter()
        .flat_map(|(k, m)| m.iter().map(move |(r, p)| (k, r, p)))
        .collect();
    rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out = String::new();
    for (k, r, (a, b)) in rows {
        out.push_str(&format!(
            "{k}\t{r}\t{a:.4}\t{b:.4}\t{}\t{}\n",
            table.count(k, Lang::Kk),
            table.count(r, Lang::Ru)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_collapse_inflection() {
        assert_eq!(stem("деректерді", Lang::Kk), stem("деректердің", Lang::Kk));
        assert_eq!(stem("өңдеуге", Lang::Kk), "өңде");
        assert_eq!(stem("өңдейтін", Lang::Kk), "өңде");
        assert_eq!(stem("сақтауға", Lang::Kk), stem("сақтау", Lang::Kk));
        assert_eq!(stem("обработки", Lang::Ru), stem("обработку", Lang::Ru));
        assert_ne!(stem("правоотношений", Lang::Ru), stem("права", Lang::Ru));
        assert_ne!(stem("модульдерін", Lang::Kk), stem("моделей", Lang::Ru));
        // Short words keep their letters.
        assert_eq!(stem("аты", Lang::Kk), "аты");
    }

    #[test]
    fn cognates_are_written_alike() {
        assert!(cognate("сайт", "сайт"));
        assert!(cognate("модельд", "модел"));
        assert!(!cognate("модул", "модел"));
        assert!(!cognate("ол", "ол"));
    }

    #[test]
    fn em_learns_translations_from_pairs() {
        let s = |k: &str, r: &str| -> Sentence {
            (content_stems(k, Lang::Kk), content_stems(r, Lang::Ru))
        };
        let sentences = vec![
            s("деректерді өңдеу", "обработка данных"),
            s("деректерді сақтау", "хранение данных"),
            s("ақпаратты сақтау", "хранение информации"),
            s("ақпаратты өңдеу", "обработка информации"),
            s("деректерді жою", "уничтожение данных"),
            s("ақпаратты жою", "уничтожение информации"),
        ];
        let t = train(&sentences, &[], 0);
        let k = stem("деректерді", Lang::Kk);
        let r = stem("данных", Lang::Ru);
        let (prk, pkr) = t.prob(&k, &r);
        assert!(prk > 0.5 && pkr > 0.5, "{prk} {pkr}");
        let wrong = t.prob(&k, &stem("хранение", Lang::Ru)).0;
        assert!(wrong < prk / 2.0, "{wrong}");
        assert!(t.aligned(&k, &r));
        assert!(t.sure(&k, Lang::Kk));
        // Same input, same table.
        assert_eq!(to_tsv(&t), to_tsv(&train(&sentences, &[], 0)));
        // The text round-trips.
        assert_eq!(Table::parse("t", &to_tsv(&t)).unwrap(), t);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = Table::parse("x.tsv", "# c\nа\tб\t0.5\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv"), "{e}");
        assert!(Table::parse("x", "а\tб\t1.5\t0\t1\t1\n").is_err());
        assert!(Table::parse("x", "А\tб\t0.5\t0\t1\t1\n").is_err());
    }

    #[test]
    fn builtin_table_is_not_empty() {
        assert!(Table::builtin().len() > 1000);
    }
}
