//! Script and spelling damage, and the organisation's name used
//! consistently.
//!
//! - `mixed_script` (low): a word mixing Latin and Cyrillic letters
//!   («Cайта» with a Latin C, «бюrolар»). The suggestion converts the
//!   minority script to the majority one (Latin look-alikes and
//!   transliteration: `c`→`с`, `r`→`р`, `l`→`л`, `i`→`і` in Kazakh).
//! - `kazakh_spelling` (low): a misspelled Kazakh word. What is a word is
//!   decided by Debian's Hunspell dictionary (`hunspell-kk`, read once per
//!   process by [`crate::rules::dictionary`]), with Kazakh suffix chains
//!   stripped ([`SUFFIXES`]: the dictionary lists one layer of suffixes a
//!   stem) and the gaps it has filled by `data/kk_spelling.tsv`. An unknown
//!   word is reported only when an edit that explains it gives a known
//!   word ([`Edit`]): Russian letters for Kazakh ones («өндеу» → «өңдеу»),
//!   a Kazakh letter for another («үялы» → «ұялы») or for a Russian one
//!   («қуәлік» → «куәлік»), a dropped letter, swapped neighbours, a doubled
//!   letter, two words run together; and a real word is reported where the
//!   data names it a misspelling after a given word («микроқаржы үйімі»).
//!   Abbreviations, names in quotes and pieces of tokens with digits,
//!   Latin letters or hyphens are not read. Without the dictionary the
//!   shipped word list `data/kk_words.txt` decides, letter swaps only
//!   ([`correct`]).
//! - `inconsistent_name` (low, medium across languages): one language
//!   calls the organisation by two abbreviations (ШҚҰ beside МҚҰ), or uses
//!   the other language's abbreviation, or the Kazakh names it «шағын қаржы
//!   ұйымы» (a small finance organisation) where the Russian says МФО.
//!
//! Every finding gives the suggested correct form after «→», and for
//! spelling what was wrong in brackets.
//! Invariant: a known word is never reported as misspelled, save a word
//! the spelling data names as wrong after the word before it.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use crate::check::evidence;
use crate::model::{Clause, ClauseRef, Finding, FindingKind, Lang, ScriptRepair, Severity};
use crate::rules::Lexicon;
use crate::rules::dictionary::SpellingData;
use crate::tokens::{
    Class, KAZAKH_LETTERS, is_cyrillic, is_kazakh_vowel, is_letter, russian_letter, tokens,
};

/// At most this many letters are restored in one word.
pub const MAX_EDITS: usize = 2;
/// A known stem must be at least this long (in characters)…
const MIN_STEM: usize = 5;
/// …and leave at most this many characters of ending.
const MAX_ENDING: usize = 4;

/// Latin letters and the Cyrillic letters they stand for (look-alikes
/// first, then plain transliteration).
fn latin_to_cyrillic(c: char, lang: Lang) -> Option<char> {
    let lower = c.to_ascii_lowercase();
    let m = match lower {
        'a' => 'а',
        'b' => 'б',
        'c' => 'с',
        'd' => 'д',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'h' => 'һ',
        'i' if lang == Lang::Kk => 'і',
        'i' => 'и',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'р',
        'r' => 'р',
        's' => 'с',
        't' => 'т',
        'u' => 'и',
        'v' => 'в',
        'x' => 'х',
        'y' => 'у',
        'z' => 'з',
        _ => return None,
    };
    // Upper-case B, H, M, T look like В, Н, М, Т.
    let m = match c {
        'B' => 'в',
        'H' => 'н',
        _ => m,
    };
    Some(if c.is_ascii_uppercase() {
        m.to_uppercase().next().unwrap_or(m)
    } else {
        m
    })
}

fn cyrillic_to_latin(c: char) -> Option<char> {
    let m = match c {
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        _ => return None,
    };
    Some(m)
}

/// Words of a text: runs of letters (a hyphen ends a word, so «IP-мекенжай»
/// and «cookie-файлдар» are two words each), with byte ranges.
fn words(text: &str) -> Vec<(usize, usize)> {
    tokens(text, Class::Letters)
}

/// The repaired form of a word mixing scripts, if it mixes them.
pub fn unmix(word: &str, lang: Lang) -> Option<String> {
    let cyr = word.chars().filter(|&c| is_cyrillic(c)).count();
    let lat = word.chars().filter(char::is_ascii_alphabetic).count();
    if cyr == 0 || lat == 0 {
        return None;
    }
    let fixed: String = if cyr >= lat {
        word.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    latin_to_cyrillic(c, lang).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    } else {
        word.chars()
            .map(|c| {
                if is_cyrillic(c) {
                    cyrillic_to_latin(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    };
    Some(fixed)
}

/// Letters that a Russian keyboard or OCR puts for a Kazakh letter (and the
/// reverse slips seen in real text), as (found, meant) pairs.
const SWAPS: &[(char, char)] = &[
    ('а', 'ә'),
    ('г', 'ғ'),
    ('к', 'қ'),
    ('н', 'ң'),
    ('о', 'ө'),
    ('у', 'ұ'),
    ('у', 'ү'),
    ('ү', 'ұ'),
    ('ұ', 'ү'),
    ('и', 'і'),
    ('х', 'һ'),
    ('ф', 'ғ'),
    ('ө', 'е'),
    ('ә', 'а'),
    ('қ', 'к'),
    ('ғ', 'г'),
    ('ң', 'н'),
    ('і', 'и'),
    ('ы', 'і'),
    ('і', 'ы'),
    ('р', 'ғ'),
    ('ө', 'ә'),
];

fn known_stem(lexicon: &Lexicon, w: &[char]) -> u32 {
    let n = w.len();
    let mut best = lexicon.count(&w.iter().collect::<String>()) * 4;
    for cut in 1..=MAX_ENDING {
        if n < cut + MIN_STEM {
            break;
        }
        let stem: String = w[..n - cut].iter().collect();
        best = best.max(lexicon.prefix_count(&stem));
    }
    best
}

/// Candidate corrections of an unknown Kazakh word, best first: forms with
/// up to [`MAX_EDITS`] letters restored that the lexicon knows.
pub fn correct(word: &str, lexicon: &Lexicon) -> Option<String> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    if lower.len() < 3 || !lower.iter().all(|&c| is_cyrillic(c)) {
        return None;
    }
    let as_string: String = lower.iter().collect();
    if lexicon.count(&as_string) > 0 {
        return None;
    }
    // The word's own stem is known: an unseen ending, not a misspelling.
    if known_stem(lexicon, &lower) > 0 {
        return None;
    }
    let mut frontier: Vec<Vec<char>> = vec![lower.clone()];
    for _ in 0..MAX_EDITS {
        let mut next = Vec::new();
        let mut best: Option<(u32, Vec<char>)> = None;
        for cand in &frontier {
            for i in 0..cand.len() {
                for &(from, to) in SWAPS {
                    if cand[i] != from {
                        continue;
                    }
                    let mut v = cand.clone();
                    v[i] = to;
                    let exact = lexicon.count(&v.iter().collect::<String>());
                    let score = if exact > 0 {
                        exact * 4
                    } else {
                        known_stem(lexicon, &v)
                    };
                    if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                        best = Some((score, v.clone()));
                    }
                    next.push(v);
                }
            }
        }
        if let Some((_, v)) = best {
            // Keep the word's own capitals.
            let fixed: String = word
                .chars()
                .zip(v)
                .map(|(orig, new)| {
                    if orig.is_uppercase() {
                        new.to_uppercase().next().unwrap_or(new)
                    } else {
                        new
                    }
                })
                .collect();
            return Some(fixed);
        }
        next.sort();
        next.dedup();
        frontier = next;
    }
    None
}

/// Where a suffix stands in a Kazakh word: stem, derivation (any number),
/// a verb form, plural, possessive, case, in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Derivation,
    Verb,
    Plural,
    Possessive,
    Case,
}

/// Kazakh suffixes (every harmony and voicing variant) by their slot. A
/// word is known when it reads as a known stem followed by suffixes in
/// slot order (derivations may repeat, each other slot at most once):
/// Debian's dictionary lists one layer of suffixes per stem («өңдеу» but
/// not «өңдеуге»). The order rule keeps damaged words from reading as a
/// stem and a heap of suffixes («пайдалануы|шы|н|ың» puts a case before a
/// possessive, so it is no parse).
const SUFFIXES: &[(&str, Slot)] = {
    use Slot::*;
    &[
        ("лар", Plural),
        ("лер", Plural),
        ("дар", Plural),
        ("дер", Plural),
        ("тар", Plural),
        ("тер", Plural),
        ("ым", Possessive),
        ("ім", Possessive),
        ("м", Possessive),
        ("ың", Possessive),
        ("ің", Possessive),
        ("ң", Possessive),
        ("ы", Possessive),
        ("і", Possessive),
        ("сы", Possessive),
        ("сі", Possessive),
        ("ымыз", Possessive),
        ("іміз", Possessive),
        ("мыз", Possessive),
        ("міз", Possessive),
        ("ыңыз", Possessive),
        ("іңіз", Possessive),
        ("ңыз", Possessive),
        ("ңіз", Possessive),
        ("ның", Case),
        ("нің", Case),
        ("дың", Case),
        ("дің", Case),
        ("тың", Case),
        ("тің", Case),
        ("ға", Case),
        ("ге", Case),
        ("қа", Case),
        ("ке", Case),
        ("на", Case),
        ("не", Case),
        ("а", Case),
        ("е", Case),
        ("ны", Case),
        ("ні", Case),
        ("ды", Case),
        ("ді", Case),
        ("ты", Case),
        ("ті", Case),
        ("н", Case),
        ("да", Case),
        ("де", Case),
        ("та", Case),
        ("те", Case),
        ("нда", Case),
        ("нде", Case),
        ("дан", Case),
        ("ден", Case),
        ("тан", Case),
        ("тен", Case),
        ("нан", Case),
        ("нен", Case),
        ("мен", Case),
        ("бен", Case),
        ("пен", Case),
        ("ымен", Case),
        ("імен", Case),
        ("ғы", Case),
        ("гі", Case),
        ("қы", Case),
        ("кі", Case),
        ("дағы", Case),
        ("дегі", Case),
        ("тағы", Case),
        ("тегі", Case),
        ("ндағы", Case),
        ("ндегі", Case),
        ("ша", Case),
        ("ше", Case),
        ("у", Verb),
        ("ған", Verb),
        ("ген", Verb),
        ("қан", Verb),
        ("кен", Verb),
        ("атын", Verb),
        ("етін", Verb),
        ("йтын", Verb),
        ("йтін", Verb),
        ("ып", Verb),
        ("іп", Verb),
        ("п", Verb),
        ("а", Verb),
        ("е", Verb),
        ("й", Verb),
        ("ды", Verb),
        ("ді", Verb),
        ("ты", Verb),
        ("ті", Verb),
        ("ады", Verb),
        ("еді", Verb),
        ("йды", Verb),
        ("йді", Verb),
        ("са", Verb),
        ("се", Verb),
        ("саңыз", Verb),
        ("сеңіз", Verb),
        // The negative converb, 'without doing' («етпестен», «алмастан»).
        ("мастан", Verb),
        ("местен", Verb),
        ("бастан", Verb),
        ("бестен", Verb),
        ("пастан", Verb),
        ("пестен", Verb),
        ("мас", Verb),
        ("мес", Verb),
        ("бас", Verb),
        ("бес", Verb),
        ("пас", Verb),
        ("пес", Verb),
        ("йынша", Verb),
        ("йінше", Verb),
        ("мақ", Verb),
        ("мек", Verb),
        ("ар", Verb),
        ("ер", Verb),
        ("сақ", Verb),
        ("сек", Verb),
        ("сам", Verb),
        ("сем", Verb),
        ("саң", Verb),
        ("сең", Verb),
        ("мын", Verb),
        ("мін", Verb),
        ("сың", Verb),
        ("сің", Verb),
        ("лық", Derivation),
        ("лік", Derivation),
        ("дық", Derivation),
        ("дік", Derivation),
        ("тық", Derivation),
        ("тік", Derivation),
        ("лы", Derivation),
        ("лі", Derivation),
        ("шы", Derivation),
        ("ші", Derivation),
        ("ушы", Derivation),
        ("уші", Derivation),
        ("сыз", Derivation),
        ("сіз", Derivation),
        ("ма", Derivation),
        ("ме", Derivation),
        ("ба", Derivation),
        ("бе", Derivation),
        ("па", Derivation),
        ("пе", Derivation),
        ("ыл", Derivation),
        ("іл", Derivation),
        ("л", Derivation),
        ("ын", Derivation),
        ("ін", Derivation),
        ("ыс", Derivation),
        ("іс", Derivation),
        ("тыр", Derivation),
        ("тір", Derivation),
        ("дыр", Derivation),
        ("дір", Derivation),
        ("ғыз", Derivation),
        ("гіз", Derivation),
        ("қыз", Derivation),
        ("кіз", Derivation),
        ("ғыш", Derivation),
        ("гіш", Derivation),
        ("қыш", Derivation),
        ("кіш", Derivation),
        ("лас", Derivation),
        // The relational adjective of Arabic and Persian origin: «заман»
        // (an age) → «заманауи» (modern), which the dictionary lacks.
        ("ауи", Derivation),
        ("әуи", Derivation),
        ("лес", Derivation),
        ("дас", Derivation),
        ("дес", Derivation),
        ("тас", Derivation),
        ("тес", Derivation),
        ("ла", Derivation),
        ("ле", Derivation),
        ("ғы", Verb),
        ("гі", Verb),
        ("қы", Verb),
        ("кі", Verb),
    ]
};

/// Do `word` and `fixed` differ only in one suffix after a shared stem of
/// at least [`MIN_FIX_STEM`] letters, each ending a suffix of
/// [`SUFFIXES`] («аудиті» / «аудитті»: -і and -ті after «аудит»)?
fn suffix_swap(word: &str, fixed: &str) -> bool {
    let suffix = |t: &str| SUFFIXES.iter().any(|(x, _)| *x == t);
    word.char_indices().skip(MIN_FIX_STEM).any(|(i, _)| {
        fixed.is_char_boundary(i)
            && word[..i] == fixed[..i.min(fixed.len())]
            && i < fixed.len()
            && suffix(&word[i..])
            && suffix(&fixed[i..])
    })
}

/// A stem left by stripping suffixes has at least this many letters.
const MIN_STRIPPED_STEM: usize = 3;
/// At most this many suffixes are stripped from one word.
const MAX_SUFFIXES: usize = 4;
/// A one-letter suffix is stripped only from a stem of at least this many
/// letters.
const MIN_STEM_BEFORE_LETTER: usize = 5;
/// Words the edit search reads have at least this many letters; a dropped
/// letter, swapped neighbours and run-together words are looked for in
/// words of at least [`MIN_EDIT_LETTERS`].
const MIN_LETTERS: usize = 3;
const MIN_EDIT_LETTERS: usize = 6;
/// A correction is a known stem of at least this many letters followed by
/// at most this many suffixes (a stricter bar than the word as found).
const MIN_FIX_STEM: usize = 4;
const MAX_FIX_SUFFIXES: usize = 4;
/// The second of two words run together has at least this many letters
/// (shorter tails are suffixes: «раста|й», «қолдан|бай»).
const MIN_SECOND_WORD: usize = 4;
/// Endings of Kazakh verb forms (finite, participle, verbal noun,
/// converb; not -ды/-ті, which also make adjectives, «біржақты», nor the
/// verbal noun -у, which makes compound nouns, «бейнебақылау»): the second
/// of two words run together ends in one.
const VERB_ENDINGS: &[&str] = &[
    "ған", "ген", "қан", "кен", "ып", "іп", "атын", "етін", "йтын", "йтін", "ады", "еді", "йді",
    "йды",
];
/// An all-capitals word of at most this many letters is an abbreviation.
const MAX_ABBREVIATION: usize = 5;
/// Word-list forms seen at least this often count as known words when the
/// dictionary is read (the list was made from corpus text, which holds a
/// few one-off misspellings).
const LEXICON_KNOWN: u32 = 3;
/// A stem of at most this many letters reads a word only weakly: a word
/// read through it (or through a voiced stem) is still corrected when one
/// swapped letter makes a dictionary word.
const WEAK_STEM: usize = 3;

/// Letters the search puts where one was dropped.
const LETTERS: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// How a misspelled word differs from the correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Letters replaced: (found, meant) pairs, in word order.
    Letters(Vec<(char, char)>),
    /// A letter dropped (the one restored).
    Dropped(char),
    /// A letter too many (the one removed).
    Extra(char),
    /// Two neighbouring letters in the wrong order (as found).
    Transposed(char, char),
    /// A letter written twice.
    Doubled(char),
    /// Two words written as one.
    RunTogether,
    /// A real word that is wrong where it stands (`data/kk_spelling.tsv`).
    WrongWord,
}

/// What one replaced letter was: a Russian letter for the Kazakh one, a
/// Kazakh letter for another, a Kazakh letter where the Russian one is
/// right, or a look-alike.
fn letter_swap(from: char, to: char) -> String {
    let kazakh = |c: char| KAZAKH_LETTERS.contains(c);
    if !kazakh(from) && kazakh(to) && russian_letter(to) == from {
        format!("Russian «{from}» for Kazakh «{to}»")
    } else if kazakh(from) && kazakh(to) {
        format!("Kazakh «{from}» for Kazakh «{to}»")
    } else if kazakh(from) {
        format!("Kazakh «{from}» where «{to}» is right")
    } else {
        format!("«{from}» for «{to}»")
    }
}

impl Edit {
    /// The edit in words, for a finding's message.
    pub fn explain(&self) -> String {
        match self {
            Edit::Letters(swaps) => {
                let mut parts: Vec<String> =
                    swaps.iter().map(|&(f, t)| letter_swap(f, t)).collect();
                parts.dedup();
                parts.join(", ")
            }
            Edit::Dropped(c) => format!("a dropped «{c}»"),
            Edit::Extra(c) => format!("an extra «{c}»"),
            Edit::Transposed(a, b) => format!("«{a}{b}» for «{b}{a}»"),
            Edit::Doubled(c) => format!("«{c}» written twice"),
            Edit::RunTogether => "two words run together".to_string(),
            Edit::WrongWord => "a real word in the wrong place".to_string(),
        }
    }
}

/// Letters swapped in a candidate: (position, found, meant).
type Swaps = Vec<(usize, char, char)>;

/// A suggested correction of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The corrected form, with the word's own capitals.
    pub word: String,
    pub edit: Edit,
}

/// The Kazakh speller of one run: the dictionary when it is read (it
/// decides what is a word, with the suffix rules and the spelling data
/// filling its gaps), else the shipped word list. Its edit search explains
/// each correction (see [`Edit`]). Pure given its inputs; with a [`Memo`]
/// it answers a word it has answered before from there.
#[derive(Clone, Copy)]
pub struct Speller<'a> {
    pub dictionary: Option<&'a spellbook::Dictionary>,
    pub data: &'a SpellingData,
    pub lexicon: &'a Lexicon,
    /// Answers of [`Speller::correct_in`] already reached in this run.
    pub memo: Option<&'a Memo>,
}

/// Shards of the memo: two threads seldom wait for one lock.
const MEMO_SHARDS: usize = 16;
/// At most this many words are kept a shard (about 64 bytes each, so the
/// memo stays under 20 MB however many policies a run reads); past it new
/// words are answered and not kept.
const MEMO_PER_SHARD: usize = 16_384;

/// A shard: words read as possible names (`[1]`) and the others (`[0]`).
type Verdicts = [HashMap<Box<str>, Option<Fix>>; 2];

/// The speller's answers (a word and whether it may be a name → its
/// correction or none), shared by the threads and documents of one run:
/// a Kazakh policy repeats its words, and policies repeat each other's,
/// so most words are answered once a run instead of once an occurrence.
/// Cloning shares the memo (an `Arc`). It remembers answers for the
/// dictionary, spelling data and word list of the run it serves: a
/// [`crate::Config`] whose lexicon, spelling data or dictionary is changed
/// after its first analysis needs a new memo ([`Memo::default`]).
/// Answers are the same with or without it, in any thread order.
#[derive(Clone)]
pub struct Memo {
    shards: Arc<Vec<Mutex<Verdicts>>>,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            shards: Arc::new((0..MEMO_SHARDS).map(|_| Mutex::default()).collect()),
        }
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").finish_non_exhaustive()
    }
}

impl Memo {
    fn shard(&self, word: &str) -> &Mutex<Verdicts> {
        let mut h = std::hash::DefaultHasher::new();
        word.hash(&mut h);
        &self.shards[(h.finish() as usize) % MEMO_SHARDS]
    }

    fn get(&self, word: &str, name: bool) -> Option<Option<Fix>> {
        let shard = self.shard(word).lock().unwrap_or_else(|e| e.into_inner());
        shard[usize::from(name)].get(word).cloned()
    }

    fn put(&self, word: &str, name: bool, fix: &Option<Fix>) {
        let mut shard = self.shard(word).lock().unwrap_or_else(|e| e.into_inner());
        let verdicts = &mut shard[usize::from(name)];
        if verdicts.len() < MEMO_PER_SHARD {
            verdicts.insert(Box::from(word), fix.clone());
        }
    }
}

impl Speller<'_> {
    /// Known as it stands: the spelling data's stem, the dictionary's word,
    /// or a word-list form seen at least [`LEXICON_KNOWN`] times.
    fn known_as_is(&self, w: &str) -> bool {
        self.data.stems.contains(w)
            || self.dictionary.is_some_and(|d| d.check(w))
            || self.lexicon.count(w) >= LEXICON_KNOWN
    }

    /// A stem known as it stands, with its last consonant unvoiced
    /// («құпиялылығ» is «құпиялылық» before a vowel suffix), or with the
    /// soft sign a Russian loanword drops before a suffix («профил|іңізге»
    /// is «профиль», «модел|і» is «модель»).
    fn known_stem(&self, stem: &str) -> bool {
        if self.known_as_is(stem) {
            return true;
        }
        if stem
            .chars()
            .next_back()
            .is_some_and(|c| "лнтдрсзмв".contains(c))
            && self.known_as_is(&format!("{stem}ь"))
        {
            return true;
        }
        // Kazakh's vowel drop: a close vowel between the last two
        // consonants falls before a vowel suffix («ерк|ім|мен» is «ерік»,
        // «мойн|ы» is «мойын»).
        let chars: Vec<char> = stem.chars().collect();
        if let [.., a, b] = chars.as_slice()
            && chars.len() >= 3
            && !is_kazakh_vowel(*a)
            && !is_kazakh_vowel(*b)
            // Not a doubled letter, nor -ың/-ің (a suffix, not a stem's
            // end): «банң|ер» is no «баның».
            && a != b
            && *b != 'ң'
        {
            let front = chars.iter().any(|c| "әеіөүи".contains(*c));
            let head: String = chars[..chars.len() - 1].iter().collect();
            let vowel = if front { 'і' } else { 'ы' };
            if self.known_as_is(&format!("{head}{vowel}{b}")) {
                return true;
            }
        }
        let Some(last) = stem.chars().next_back() else {
            return false;
        };
        let unvoiced = match last {
            'ғ' => 'қ',
            'г' => 'к',
            'б' => 'п',
            _ => return false,
        };
        let head = &stem[..stem.len() - last.len_utf8()];
        self.known_as_is(&format!("{head}{unvoiced}"))
    }

    /// Is the lower-case word known: as it stands, or as a known stem of
    /// at least `min_stem` letters followed by at most `max` suffixes?
    fn known_within(&self, word: &str, max: usize, min_stem: usize) -> bool {
        self.parse_within(word, max, min_stem).is_some()
    }

    /// The stem and suffixes a known word is read as (the first parse
    /// found: suffixes tried in [`SUFFIXES`] order, each in a slot before
    /// the one stripped after it).
    fn parse_within(&self, word: &str, max: usize, min_stem: usize) -> Option<Vec<String>> {
        self.parse_slots(word, max, min_stem, None)
    }

    fn parse_slots(
        &self,
        word: &str,
        max: usize,
        min_stem: usize,
        last: Option<Slot>,
    ) -> Option<Vec<String>> {
        // The last consonant is voiced only before a suffix.
        let stripped = last.is_some();
        if self.known_as_is(word) || (stripped && self.known_stem(word)) {
            return Some(vec![word.to_string()]);
        }
        if max == 0 {
            return None;
        }
        SUFFIXES.iter().find_map(|&(s, slot)| {
            // Slots go in order; only derivations repeat.
            if let Some(last) = last
                && (slot > last || (slot == last && slot != Slot::Derivation))
            {
                return None;
            }
            let stem = word.strip_suffix(s)?;
            // A one-letter suffix after a short stem parses too much by
            // accident («өнде|у»: 'in the song' + -у).
            // The agent suffix -шы/-ші follows a verb stem, never a
            // possessive («пайдалануы|шы» is no parse).
            if matches!(s, "шы" | "ші") && stem.ends_with(['ы', 'і']) {
                return None;
            }
            let least = if self.data.stems.contains(stem)
                || (s == "н" && stem.ends_with(['ы', 'і']))
            {
                // The accusative -н after a possessive vowel: «орны|н».
                0
            } else if s == "у" && !["да", "де", "та", "те"].iter().any(|l| stem.ends_with(l))
            {
                // The verbal noun after a verb stem («аспа|у»), not after
                // a locative («өнде|у»: 'in the song' + -у).
                min_stem.max(MIN_STEM_BEFORE_LETTER - 1)
            } else if matches!(s, "ы" | "і") && stem.ends_with('у') && self.known_as_is(stem) {
                // The possessive after a verbal noun the dictionary
                // knows as it stands («өту|і», «алу|ы»).
                min_stem
            } else if s.chars().count() == 1 {
                min_stem.max(MIN_STEM_BEFORE_LETTER)
            } else {
                min_stem
            };
            if stem.chars().count() < least {
                return None;
            }
            let next = if slot == Slot::Verb {
                Slot::Derivation
            } else {
                slot
            };
            let mut parse = self.parse_slots(stem, max - 1, min_stem, Some(next))?;
            parse.push(s.to_string());
            Some(parse)
        })
    }

    /// How a lower-case word as found is read as known: its stem and
    /// suffixes (`None`: unknown). See [`Speller::known`].
    pub fn parse(&self, word: &str) -> Option<Vec<String>> {
        self.parse_within(word, MAX_SUFFIXES, MIN_STRIPPED_STEM)
    }

    /// Is the lower-case word as found known? Generously: a stem of at
    /// least [`MIN_STRIPPED_STEM`] letters and up to [`MAX_SUFFIXES`]
    /// suffixes (a word left alone is never a false finding).
    pub fn known(&self, word: &str) -> bool {
        self.known_within(word, MAX_SUFFIXES, MIN_STRIPPED_STEM)
    }

    /// How surely a correction is a word (lower is surer): 0 known as it
    /// stands, 1 a stem of at least [`MIN_FIX_STEM`] letters and up to
    /// [`MAX_FIX_SUFFIXES`] suffixes; `None` otherwise. A correction is held
    /// to this stricter bar than the word as found.
    fn tier(&self, word: &str) -> Option<u8> {
        if self.known_as_is(word) {
            Some(0)
        } else if self.known_within(word, MAX_FIX_SUFFIXES, MIN_FIX_STEM) {
            Some(1)
        } else {
            None
        }
    }

    /// The correction of a word, if it is misspelled in a way the edit
    /// search can explain; `None` for a known word, a word too short, or
    /// one not all Cyrillic. Without a dictionary, the word-list search
    /// ([`correct`]) answers.
    pub fn correct(&self, word: &str) -> Option<Fix> {
        self.correct_in(word, false)
    }

    /// [`Speller::correct`] for a word that may be a name (`name`: a
    /// capital inside a sentence): then only a correction that is a word
    /// as it stands is made («Кенесары» the street is not «Кенесағы»).
    pub fn correct_in(&self, word: &str, name: bool) -> Option<Fix> {
        let Some(memo) = self.memo else {
            return self.search_fix(word, name);
        };
        if let Some(known) = memo.get(word, name) {
            return known;
        }
        let fix = self.search_fix(word, name);
        memo.put(word, name, &fix);
        fix
    }

    /// [`Speller::correct_in`] without the memo.
    fn search_fix(&self, word: &str, name: bool) -> Option<Fix> {
        let Some(_) = self.dictionary else {
            let fixed = correct(word, self.lexicon)?;
            let swaps = word
                .chars()
                .zip(fixed.chars())
                .filter(|(a, b)| a != b)
                .map(|(a, b)| (lower(a), lower(b)))
                .collect();
            return Some(Fix {
                word: fixed,
                edit: Edit::Letters(swaps),
            });
        };
        let lower_word = crate::tokens::lowercase(word);
        let w: Vec<char> = lower_word.chars().collect();
        if w.len() < MIN_LETTERS || !w.iter().all(|&c| is_cyrillic(c) && is_letter(c)) {
            return None;
        }
        if let Some(parse) = self.parse_within(&lower_word, MAX_SUFFIXES, MIN_STRIPPED_STEM) {
            // A word read only through a short stem, or one voiced before
            // its suffixes («өңгіме» as «өңк|ім|е»), is taken on trust
            // unless one letter swapped gives a word the dictionary knows
            // as it stands («әңгіме»).
            let stem = &parse[0];
            // (A verbal noun the dictionary knows as it stands, «өту»,
            // «алу», is a stem of its own: «өтуі» is no «етуі».)
            let verbal_noun = stem.ends_with('у') && self.known_as_is(stem);
            let weak = parse.len() > 1
                && !verbal_noun
                && (stem.chars().count() <= WEAK_STEM || !self.known_as_is(stem));
            if !weak {
                return None;
            }
            return self.one_swap(&w).map(|(fixed, edit)| Fix {
                word: recase(word, &fixed),
                edit,
            });
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let (fixed, edit) = self.search(&w, name, capitalised)?;
        // A correction that only changes the suffix after a shared stem
        // («аудит|і», its audit, against «аудит|ті», the audit): both are
        // the stem with a suffix, and the word is no misspelling.
        if suffix_swap(&lower_word, &fixed) {
            return None;
        }
        Some(Fix {
            word: recase(word, &fixed),
            edit,
        })
    }

    /// One letter of [`SWAPS`] swapped that makes a word known as it
    /// stands, if exactly one such word exists.
    fn one_swap(&self, w: &[char]) -> Option<(String, Edit)> {
        let mut found: Vec<(String, Edit)> = Vec::new();
        for i in 0..w.len() {
            for &(from, to) in SWAPS {
                if w[i] != from {
                    continue;
                }
                let mut v = w.to_vec();
                v[i] = to;
                let form: String = v.iter().collect();
                if self.known_as_is(&form) && !found.iter().any(|f| f.0 == form) {
                    found.push((form, Edit::Letters(vec![(from, to)])));
                }
            }
        }
        (found.len() == 1).then(|| found.remove(0))
    }

    /// The edit search on an unknown lower-case word. Candidates: letters
    /// swapped (up to [`MAX_EDITS`]); in words of at least
    /// [`MIN_EDIT_LETTERS`] letters also swapped neighbours, a doubled
    /// letter, a letter too many, a dropped letter, and two words run together (each half a
    /// word as it stands, the second of at least [`MIN_SECOND_WORD`]
    /// letters). The best is the surest word ([`Speller::tier`]), then the
    /// likeliest kind of damage (in that order), then fewest letters
    /// changed, then the form the word list has seen most.
    fn search(&self, w: &[char], name: bool, capitalised: bool) -> Option<(String, Edit)> {
        let s = |v: &[char]| v.iter().collect::<String>();
        // (tier, kind rank, letters changed, minus word-list count, form, edit)
        let mut best: Option<(u8, u8, usize, i64, String, Edit)> = None;
        let mut offer = |form: String, rank: u8, changed: usize, edit: Edit, tier: Option<u8>| {
            let Some(tier) = tier.filter(|&t| !name || t == 0) else {
                return;
            };
            let seen = -(i64::from(self.lexicon.count(&form)) * 4
                + i64::from(self.lexicon.prefix_count(&form)));
            let key = (tier, rank, changed, seen, form, edit);
            if best
                .as_ref()
                .is_none_or(|b| (key.0, key.1, key.2, key.3, &key.4) < (b.0, b.1, b.2, b.3, &b.4))
            {
                best = Some(key);
            }
        };
        // Letters swapped.
        let mut frontier: Vec<(Vec<char>, Swaps)> = vec![(w.to_vec(), vec![])];
        for round in 1..=MAX_EDITS {
            let mut next = Vec::new();
            for (cand, done) in &frontier {
                for i in 0..cand.len() {
                    if done.iter().any(|d| d.0 == i) {
                        continue;
                    }
                    for &(from, to) in SWAPS {
                        if cand[i] != from {
                            continue;
                        }
                        let mut v = cand.clone();
                        v[i] = to;
                        let mut d = done.clone();
                        d.push((i, from, to));
                        d.sort();
                        let form = s(&v);
                        let tier = self.tier(&form);
                        let edit = Edit::Letters(d.iter().map(|&(_, f, t)| (f, t)).collect());
                        offer(form, 0, round, edit, tier);
                        next.push((v, d));
                    }
                }
            }
            next.sort();
            next.dedup_by(|a, b| a.0 == b.0);
            frontier = next;
        }
        if w.len() >= MIN_EDIT_LETTERS {
            // A doubled or dropped letter finds a word by chance more often
            // than a letter swap does: the correction must be a word as it
            // stands.
            let as_is = |form: &str| self.known_as_is(form).then_some(0);
            for i in 0..w.len() - 1 {
                let mut v = w.to_vec();
                if w[i] == w[i + 1] {
                    v.remove(i);
                    let form = s(&v);
                    let tier = as_is(&form);
                    offer(form, 1, 1, Edit::Doubled(w[i]), tier);
                } else if !is_close_vowel(w[i + 1]) || is_kazakh_vowel(w[i]) {
                    // A consonant before ы/і is Kazakh's own vowel drop
                    // («мойын» → «мойны»), not two letters swapped.
                    v.swap(i, i + 1);
                    let form = s(&v);
                    let tier = as_is(&form);
                    offer(form, 1, 2, Edit::Transposed(w[i], w[i + 1]), tier);
                }
            }
            for i in 0..w.len() {
                // An extra vowel («пайдалану|ы|шының»); an extra consonant
                // is too often a word the dictionary lacks.
                if (i > 0 && w[i - 1] == w[i]) || !is_kazakh_vowel(w[i]) {
                    continue;
                }
                let mut v = w.to_vec();
                v.remove(i);
                let form = s(&v);
                let tier = as_is(&form);
                offer(form, 2, 1, Edit::Extra(w[i]), tier);
            }
            // Not at the end (a word cut by the layout, «дерект»), nor in
            // a capitalised word (a name, «Иванов»).
            let dropped_at = if name || capitalised {
                0..0
            } else {
                0..w.len()
            };
            for i in dropped_at {
                for c in LETTERS.chars() {
                    let mut v = w.to_vec();
                    v.insert(i, c);
                    let form = s(&v);
                    let tier = as_is(&form);
                    offer(form, 2, 1, Edit::Dropped(c), tier);
                }
            }
            for i in MIN_LETTERS..=w.len().saturating_sub(MIN_SECOND_WORD) {
                let (a, b) = (s(&w[..i]), s(&w[i..]));
                // The least sure of all: two dictionary words side by side
                // are easy to find by chance. No Kazakh word starts with
                // ғ, ң, ы, ь or ъ (such a tail is a suffix: «ұсын|ғыңыз»).
                // And the second word is a verb form: Kazakh writes
                // nouns together as compounds («дерекқор», «өнеркәсібі»),
                // never a verb with the word before it.
                let starts_word = !b.starts_with(['ғ', 'ң', 'ы', 'ь', 'ъ']);
                let verb = VERB_ENDINGS.iter().any(|e| b.ends_with(e));
                let tier = (starts_word && verb && self.known_word(&a) && self.known_word(&b))
                    .then_some(2);
                offer(format!("{a} {b}"), 3, 1, Edit::RunTogether, tier);
            }
        }
        best.map(|b| (b.4, b.5))
    }

    /// Known as a whole word by the dictionary or the spelling data, with
    /// no suffix rules: the bar for each half of a run-together word.
    fn known_word(&self, word: &str) -> bool {
        self.data.stems.contains(word) || self.dictionary.is_some_and(|d| d.check(word))
    }

    /// A real word that is a misspelling after the word before it
    /// (`data/kk_spelling.tsv`): the correction, suffixes kept in harmony.
    pub fn confusable(&self, word: &str, before: &str) -> Option<Fix> {
        let lw = crate::tokens::lowercase(word);
        let lb = crate::tokens::lowercase(before);
        let c = self.data.confusables.iter().find(|c| {
            lw.starts_with(&c.found) && c.after.iter().any(|a| lb.starts_with(a.as_str()))
        })?;
        let rest = &lw[c.found.len()..];
        let back = c
            .meant
            .chars()
            .rev()
            .find(|&ch| is_kazakh_vowel(ch))
            .is_some_and(|v| "аоұыуя".contains(v));
        let rest: String = rest.chars().map(|ch| harmonise(ch, back)).collect();
        Some(Fix {
            word: recase(word, &format!("{}{rest}", c.meant)),
            edit: Edit::WrongWord,
        })
    }
}

/// A suffix vowel in the harmony of a back (`true`) or front stem.
fn harmonise(c: char, back: bool) -> char {
    match (c, back) {
        ('і', true) => 'ы',
        ('е', true) => 'а',
        ('ү', true) => 'ұ',
        ('ө', true) => 'о',
        ('ы', false) => 'і',
        ('а', false) => 'е',
        ('ұ', false) => 'ү',
        ('о', false) => 'ө',
        (c, _) => c,
    }
}

/// The close vowels that Kazakh drops from a stem before a vowel suffix.
fn is_close_vowel(c: char) -> bool {
    matches!(c, 'ы' | 'і')
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// `fixed` (lower case) with the capitals of `word`: all capitals when the
/// word is, else a capital first letter when the word has one.
fn recase(word: &str, fixed: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    if letters.len() > 1 && letters.iter().all(|c| !c.is_lowercase()) {
        return fixed.to_uppercase();
    }
    // Same length: keep each letter's case (a swap inside a word).
    if fixed.chars().count() == letters.len() {
        return word
            .chars()
            .zip(fixed.chars())
            .map(|(o, n)| {
                if o.is_uppercase() {
                    n.to_uppercase().next().unwrap_or(n)
                } else {
                    n
                }
            })
            .collect();
    }
    let mut cs = fixed.chars();
    match (letters.first(), cs.next()) {
        (Some(f), Some(n)) if f.is_uppercase() => n.to_uppercase().chain(cs).collect(),
        _ => fixed.to_string(),
    }
}

/// Does the word at `a` follow other words of its sentence (a letter,
/// digit or comma-like mark before it, not a full stop, colon or bullet)?
fn inside_sentence(text: &str, a: usize) -> bool {
    let before = text[..a].trim_end_matches([' ', '\t', '«', '"', '(']);
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '–' | '—' | '»' | ')'))
}

/// Should the word at `a..b` of `text` be left to other checks: an
/// abbreviation, a name in quotes, a piece of a token with digits, Latin
/// letters or a hyphen («МҚҰ-ның», «IP-мекенжай», «94-V»)?
fn skipped(text: &str, a: usize, b: usize) -> bool {
    let w = &text[a..b];
    let n = w.chars().count();
    if n <= MAX_ABBREVIATION && n > 1 && w.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    let glued = |c: Option<char>| {
        c.is_some_and(|c| c == '-' || c.is_ascii_alphanumeric() || c.is_numeric())
    };
    if glued(text[..a].chars().next_back()) || glued(text[b..].chars().next()) {
        return true;
    }
    // A capitalised word inside «…» is a name («Finbox», «Сенім»).
    if w.chars().next().is_some_and(char::is_uppercase) {
        let head = &text[..a];
        if let Some(open) = head.rfind('«')
            && !head[open..].contains('»')
        {
            return true;
        }
    }
    false
}

fn finding(
    idx: usize,
    c: &Clause,
    kind: FindingKind,
    marks: &[(usize, usize)],
    fixes: &[String],
) -> (usize, Finding) {
    let what = if kind == FindingKind::MixedScript {
        "mixes Latin and Cyrillic letters in"
    } else {
        "misspells"
    };
    (
        idx,
        Finding {
            kind,
            severity: Severity::Low,
            lang: Some(c.lang),
            clauses: vec![ClauseRef::local(&c.id)],
            message: format!(
                "{} clause {} {}: {}",
                c.lang.name(),
                c.cite(),
                what,
                fixes.join(", ")
            ),
            evidence: vec![crate::check::evidence::clause(c, marks)],
        },
    )
}

/// A Kazakh address word that follows a street's or a place's name: «к-сі»
/// (көшесі), «даңғ.», «ш.а.», «ы.а.», «а.» (ауылы), «қ.» (қаласы), «обл.»,
/// and their full forms. `word` as [`words`] cuts it (no trailing dot).
fn is_address_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(
        w.as_str(),
        "к-сі"
            | "к"
            | "көш"
            | "көшесі"
            | "даңғ"
            | "даңғылы"
            | "ш"
            | "ш.а"
            | "шағын"
            | "ы.а"
            | "ықшамауданы"
            | "а"
            | "ауылы"
            | "қ"
            | "қаласы"
            | "обл"
            | "облысы"
            | "ауданы"
            | "тұйық"
            | "тұйығы"
    )
}

/// Where the repaired word `read` stands in `text`: its first occurrence as
/// a whole word, else its first occurrence.
fn locate(text: &str, read: &str) -> Option<(usize, usize)> {
    if read.is_empty() {
        return None;
    }
    let whole = words(text).into_iter().find(|&(a, b)| &text[a..b] == read);
    whole.or_else(|| text.find(read).map(|a| (a, a + read.len())))
}

/// Script mixing in every clause (words mixing ASCII Latin and Cyrillic
/// letters, and the words `ingest::normalise` repaired, given by their
/// source spans in `repairs`), misspelled Kazakh in Kazakh clauses (one
/// finding a clause, naming each word with its correction and the edit).
pub fn check(
    clauses: &[Clause],
    repairs: &[ScriptRepair],
    speller: &Speller,
    out: &mut Vec<(usize, Finding)>,
) {
    let reads_spelling = speller.dictionary.is_some() || !speller.lexicon.is_empty();
    for (idx, c) in clauses.iter().enumerate() {
        let mut mixed: Vec<((usize, usize), String)> = Vec::new();
        let mut spelt = (Vec::new(), Vec::new());
        let ws = words(&c.text);
        for (k, &(a, b)) in ws.iter().enumerate() {
            let w = &c.text[a..b];
            if let Some(fixed) = unmix(w, c.lang) {
                mixed.push(((a, b), format!("«{w}» → «{fixed}»")));
                continue;
            }
            if c.lang != Lang::Kk || !reads_spelling || skipped(&c.text, a, b) {
                continue;
            }
            let before = k
                .checked_sub(1)
                .map(|j| &c.text[ws[j].0..ws[j].1])
                .unwrap_or("");
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            // A name before an address word («Мадин к-сі», «Абай даңғ.»,
            // «Қорғалжын а.»): a street or a place, spelt as it is named.
            let after = ws.get(k + 1).map_or("", |&(x, y)| &c.text[x..y]);
            if capitalised && is_address_word(after) {
                continue;
            }
            let name = capitalised
                && w.chars().skip(1).any(char::is_lowercase)
                && inside_sentence(&c.text, a);
            let fix = speller
                .confusable(w, before)
                .or_else(|| speller.correct_in(w, name));
            if let Some(fix) = fix {
                spelt.0.push((a, b));
                spelt
                    .1
                    .push(format!("«{w}» → «{}» ({})", fix.word, fix.edit.explain()));
            }
        }
        for r in repairs.iter().filter(|r| {
            c.segments
                .iter()
                .any(|s| s.start <= r.span.start && r.span.start < s.end)
        }) {
            // A repaired word not found in the clause text (cut by the
            // clause's own markup) is still named, at the clause start.
            let at = locate(&c.text, &r.read).unwrap_or((0, 0));
            mixed.push((at, format!("«{}» → «{}»", r.written, r.read)));
        }
        mixed.sort();
        mixed.dedup();
        if !mixed.is_empty() {
            let marks: Vec<(usize, usize)> = mixed
                .iter()
                .map(|(m, _)| *m)
                .filter(|m| m.1 > m.0)
                .collect();
            let fixes: Vec<String> = mixed.into_iter().map(|(_, f)| f).collect();
            out.push(finding(idx, c, FindingKind::MixedScript, &marks, &fixes));
        }
        if !spelt.0.is_empty() {
            out.push(finding(
                idx,
                c,
                FindingKind::KazakhSpelling,
                &spelt.0,
                &spelt.1,
            ));
        }
    }
}

/// Ways to name the organisation type: (language, pattern words, canonical
/// in that language). Matched on whole words, abbreviations by case.
struct NameForm {
    lang: Lang,
    /// Stems of consecutive words (lower-case), or an abbreviation in
    /// capitals matched exactly.
    words: &'static [&'static str],
    canonical: bool,
    display: &'static str,
}

const NAME_FORMS: &[NameForm] = &[
    NameForm {
        lang: Lang::Kk,
        words: &["МҚҰ"],
        canonical: true,
        display: "МҚҰ",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["микроқаржы", "ұйым"],
        canonical: true,
        display: "микроқаржы ұйымы",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["ШҚҰ"],
        canonical: false,
        display: "ШҚҰ",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["шағын", "қаржы", "ұйым"],
        canonical: false,
        display: "шағын қаржы ұйымы",
    },
    NameForm {
        lang: Lang::Kk,
        words: &["МФО"],
        canonical: false,
        display: "МФО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МФО"],
        canonical: true,
        display: "МФО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["микрофинансов", "организац"],
        canonical: true,
        display: "микрофинансовая организация",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МКО"],
        canonical: false,
        display: "МКО",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["микрокредитн", "организац"],
        canonical: false,
        display: "микрокредитная организация",
    },
    NameForm {
        lang: Lang::Ru,
        words: &["МҚҰ"],
        canonical: false,
        display: "МҚҰ",
    },
];

/// Occurrences of a name form in a text, as byte ranges.
fn find_form(text: &str, form: &NameForm) -> Vec<(usize, usize)> {
    let ws = words(text);
    let abbreviation = form.words.len() == 1 && form.words[0].chars().all(|c| !c.is_lowercase());
    let mut out = Vec::new();
    if ws.len() < form.words.len() {
        return out;
    }
    for i in 0..=ws.len() - form.words.len() {
        let hit = ws[i..i + form.words.len()]
            .iter()
            .zip(form.words)
            .all(|(&(a, b), stem)| {
                let w = &text[a..b];
                if abbreviation {
                    w == *stem
                } else {
                    w.to_lowercase().starts_with(stem)
                }
            });
        if hit {
            out.push((ws[i].0, ws[i + form.words.len() - 1].1));
        }
    }
    out
}

/// Clauses (by index) where a name form occurs, with its byte ranges.
type Places = Vec<(usize, Vec<(usize, usize)>)>;

/// The organisation named consistently within and across languages.
pub fn check_names(clauses: &[Clause], languages: &[Lang], out: &mut Vec<(usize, Finding)>) {
    for lang in [Lang::Kk, Lang::Ru] {
        if !languages.contains(&lang) {
            continue;
        }
        // form index → clauses (index) with their ranges
        let mut uses: BTreeMap<usize, Places> = BTreeMap::new();
        for (idx, c) in clauses.iter().enumerate().filter(|(_, c)| c.lang == lang) {
            for (fi, form) in NAME_FORMS
                .iter()
                .enumerate()
                .filter(|(_, f)| f.lang == lang)
            {
                let r = find_form(&c.text, form);
                if !r.is_empty() {
                    uses.entry(fi).or_default().push((idx, r));
                }
            }
        }
        let count = |fi: &usize| uses[fi].iter().map(|(_, r)| r.len()).sum::<usize>();
        let canonical_used = uses.keys().any(|&fi| NAME_FORMS[fi].canonical);
        let bilingual = languages.len() == 2;
        for (fi, places) in &uses {
            let form = &NAME_FORMS[*fi];
            if form.canonical {
                continue;
            }
            // The canonical form most used in this language, else the first.
            let suggestion = uses
                .keys()
                .filter(|&&f| NAME_FORMS[f].canonical)
                .max_by_key(|f| count(f))
                .map_or_else(
                    || {
                        NAME_FORMS
                            .iter()
                            .find(|f| f.lang == lang && f.canonical)
                            .map_or("", |f| f.display)
                    },
                    |&f| NAME_FORMS[f].display,
                );
            let (severity, why) = if canonical_used {
                (
                    Severity::Low,
                    format!(
                        "the {} text calls the organisation «{}» in {} place(s) beside «{}» elsewhere",
                        lang.name(),
                        form.display,
                        count(fi),
                        suggestion
                    ),
                )
            } else if bilingual {
                (
                    Severity::Medium,
                    format!(
                        "the {} text calls the organisation «{}» where the {} text says «{}»",
                        lang.name(),
                        form.display,
                        lang.counterpart().name(),
                        NAME_FORMS
                            .iter()
                            .find(|f| f.lang == lang.counterpart() && f.canonical)
                            .map_or("", |f| f.display)
                    ),
                )
            } else {
                (
                    Severity::Low,
                    format!(
                        "the {} text calls the organisation «{}»; the usual name is «{}»",
                        lang.name(),
                        form.display,
                        suggestion
                    ),
                )
            };
            let (first_idx, first_ranges) = &places[0];
            let first = &clauses[*first_idx];
            out.push((
                *first_idx,
                Finding {
                    kind: FindingKind::InconsistentName,
                    severity,
                    lang: Some(lang),
                    clauses: places
                        .iter()
                        .map(|(i, _)| ClauseRef::local(&clauses[*i].id))
                        .collect(),
                    message: format!("{why} → «{suggestion}»"),
                    evidence: vec![evidence::clause(first, first_ranges)],
                },
            ));
        }
    }
}

/// The statute's own words for personal data, which Kazakh policies
/// replace by «жеке деректер» ('private data'): the term of Law 94-V is
/// «дербес деректер», its title «Дербес деректер және оларды қорғау
/// туралы».
const STATUTE_TERM: &str = "дербес деректер";
const STATUTE_TITLE: &str = "Дербес деректер және оларды қорғау туралы";

/// «жеке деректер» where Law 94-V says «дербес деректер», in its title
/// («Жеке деректер және оларды қорғау туралы» Заң) or as the term: one
/// `inconsistent_name` finding for the whole Kazakh text, quoting the
/// first place and counting the others (medium when the law's title is
/// misnamed, low for the term alone). Occurrences as byte ranges of each
/// clause's text, in reading order.
pub fn check_statute_terms(clauses: &[Clause], out: &mut Vec<(usize, Finding)>) {
    // (clause index, range, whether it names the law)
    let mut uses: Vec<(usize, (usize, usize), bool)> = Vec::new();
    for (idx, c) in clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.lang == Lang::Kk)
    {
        let ws = words(&c.text);
        let lower: Vec<String> = ws
            .iter()
            .map(|&(a, b)| crate::tokens::lowercase(&c.text[a..b]))
            .collect();
        for i in 0..ws.len().saturating_sub(1) {
            if lower[i] != "жеке" || !lower[i + 1].starts_with("дерек") {
                continue;
            }
            // The law's title: «… деректер (және оларды қорғау) туралы»
            // followed by «Заң…» within a few words.
            let rest = &lower[i + 2..(i + 8).min(lower.len())];
            let title = rest.first().is_some_and(|w| w == "туралы")
                || rest.starts_with(&[
                    "және".into(),
                    "оларды".into(),
                    "қорғау".into(),
                    "туралы".into(),
                ]);
            let law = title && rest.iter().any(|w| w.starts_with("заң"));
            uses.push((idx, (ws[i].0, ws[i + 1].1), law));
        }
    }
    let Some(&(first_idx, first_range, _)) = uses.first() else {
        return;
    };
    let laws = uses.iter().filter(|u| u.2).count();
    let terms = uses.len() - laws;
    let mut clause_ids: Vec<usize> = uses.iter().map(|u| u.0).collect();
    clause_ids.dedup();
    let first = &clauses[first_idx];
    let mut what = Vec::new();
    if laws > 0 {
        what.push(format!(
            "Law 94-V «Жеке деректер…» ({laws} place(s)) where its title is «{STATUTE_TITLE}»"
        ));
    }
    if terms > 0 {
        what.push(format!(
            "personal data «жеке деректер» ({terms} place(s)) where the statute says «{STATUTE_TERM}»"
        ));
    }
    out.push((
        first_idx,
        Finding {
            kind: FindingKind::InconsistentName,
            severity: if laws > 0 { Severity::Medium } else { Severity::Low },
            lang: Some(Lang::Kk),
            clauses: clause_ids
                .iter()
                .map(|&i| ClauseRef::local(&clauses[i].id))
                .collect(),
            message: format!(
                "the Kazakh text calls {}, first in clause {} and in {} clause(s) in all → «{STATUTE_TERM}»",
                what.join(", and "),
                first.cite(),
                clause_ids.len()
            ),
            evidence: vec![evidence::clause(first, &[first_range])],
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_scripts_are_repaired_towards_the_majority() {
        assert_eq!(unmix("Cайта", Lang::Ru).as_deref(), Some("Сайта"));
        assert_eq!(unmix("бюrolар", Lang::Kk).as_deref(), Some("бюролар"));
        assert_eq!(
            unmix("пайдаланушiлар", Lang::Kk).as_deref(),
            Some("пайдаланушілар")
        );
        assert_eq!(unmix("cооkie", Lang::Kk).as_deref(), Some("cookie"));
        assert_eq!(unmix("Сайт", Lang::Ru), None);
        assert_eq!(unmix("cookie", Lang::Ru), None);
    }

    fn lexicon() -> Lexicon {
        Lexicon::parse(
            "t",
            "өңдеу\t20\nөңдеуге\t9\nөңделеді\t5\nұғым\t3\nұғымдар\t4\nқорғау\t10\nмен\t50\nкорпус\t3\n",
        )
        .unwrap()
    }

    #[test]
    fn russian_letters_for_kazakh_ones_are_corrected() {
        let l = lexicon();
        assert_eq!(correct("өндеу", &l).as_deref(), Some("өңдеу"));
        assert_eq!(correct("Өндеуге", &l).as_deref(), Some("Өңдеуге"));
        assert_eq!(correct("үфымдар", &l).as_deref(), Some("ұғымдар"));
        assert_eq!(correct("корғау", &l).as_deref(), Some("қорғау"));
        assert_eq!(correct("өндөледі", &l).as_deref(), Some("өңделеді"));
        // Known words, and unknown words with no close known form, stand.
        assert_eq!(correct("өңдеу", &l), None);
        assert_eq!(correct("мен", &l), None);
        assert_eq!(correct("корпуста", &l), None);
        assert_eq!(correct("тамаша", &l), None);
    }

    fn clause(id: &str, text: &str) -> Clause {
        Clause::from_text(id, text)
    }

    /// A small dictionary in Hunspell's format (one suffix layer, as
    /// Debian's), with the spelling data and an empty word list.
    fn dictionary() -> spellbook::Dictionary {
        let aff = "SET UTF-8\nSFX A N 3\nSFX A 0 ның [ы]\nSFX A 0 ға [ы]\nSFX A 0 лар [ы]\n";
        let dic = "17\nерік\nпайдаланушы/A\nпайдаланушылар\nпайдаланушыларға\nөңдеу\nәңгіме\nкуәлік\nкелесілер\nкіреді\nұялы\nқорғау\nдерек\nқұпиялылық\nүйім\nжанармай\nзаман\nпрофиль\n";
        spellbook::Dictionary::new(aff, dic).unwrap()
    }

    #[test]
    fn the_memo_gives_the_answers_the_search_gives() {
        let words = [
            "өндеу",
            "Пайдаланушыларға",
            "пайдаланушының",
            "үялы",
            "куалік",
            "әңгіме",
            "Кенесары",
            "жанармай",
        ];
        with_speller(|s| {
            let memo = Memo::default();
            let remembered = Speller {
                memo: Some(&memo),
                ..*s
            };
            for round in 0..2 {
                for w in words {
                    for name in [false, true] {
                        let want = s.correct_in(w, name);
                        assert_eq!(remembered.correct_in(w, name), want, "{w} {name} {round}");
                    }
                }
            }
            // Both readings of every word are kept, nothing else.
            let kept: usize = memo
                .shards
                .iter()
                .map(|m| m.lock().unwrap().iter().map(HashMap::len).sum::<usize>())
                .sum();
            assert_eq!(kept, 2 * words.len());
            assert!(s.correct_in("үялы", false).is_some());
        })
    }

    fn with_speller<T>(f: impl FnOnce(&Speller) -> T) -> T {
        let data = SpellingData::parse(
            "t",
            "stem\tөңде\nconfusable\tүйім\tұйым\tмикроқаржы|қаржы\n",
        )
        .unwrap();
        speller_over(&data, f)
    }

    /// `f` with a speller over [`dictionary`], `data` and an empty word
    /// list.
    fn speller_over<T>(data: &SpellingData, f: impl FnOnce(&Speller) -> T) -> T {
        let d = dictionary();
        let lexicon = Lexicon::default();
        f(&Speller {
            dictionary: Some(&d),
            data,
            lexicon: &lexicon,
            memo: None,
        })
    }

    #[test]
    fn a_weak_reading_yields_to_a_dictionary_word_one_letter_away() {
        let aff = "SET UTF-8\n";
        let d = spellbook::Dictionary::new(aff, "3\nөңк\nәңгіме\nүйде\n").unwrap();
        let data = SpellingData::default();
        let lexicon = Lexicon::default();
        let s = Speller {
            dictionary: Some(&d),
            data: &data,
            lexicon: &lexicon,
            memo: None,
        };
        // «өңгіме» reads as «өңк» voiced, «ім», «е»: a three-letter stem
        // voiced; «әңгіме» is a word as it stands.
        assert!(s.known("өңгіме"));
        let fix = s.correct("Өңгіме").map(|f| f.word);
        assert_eq!(fix.as_deref(), Some("Әңгіме"));
        // A word known as it stands is never corrected.
        assert_eq!(s.correct("әңгіме").map(|f| f.word), None);
    }

    #[test]
    fn words_are_known_as_stems_with_suffixes_in_their_order() {
        with_speller(|s| {
            // Stem + case, stem + plural + possessive + case.
            assert!(s.known("өңдеуге"));
            assert!(s.known("деректеріңізді"));
            // The last consonant voiced before a vowel suffix.
            assert!(s.known("құпиялылығын"));
            // A case before a possessive is no parse.
            assert_eq!(
                s.parse("деректерді"),
                Some(vec!["дерек".into(), "тер".into(), "ді".into()])
            );
            assert!(!s.known("дерекнідің"));
            // Nor the whole word with its last consonant voiced.
            assert!(!s.known("құпиялылығ"));
            // The relational adjective «-ауи»; a loanword's soft sign
            // dropped before a suffix; and still no Russian «и» for «і»
            // after a known stem.
            assert!(s.known("заманауи"));
            assert!(s.known("профиліңізге"));
            assert!(!s.known("профиліңізгe"));
            assert!(s.correct("деректери").is_some());
            // Kazakh's vowel drop before a vowel suffix: «ерік» → «ерк|ім|мен».
            assert!(s.known("еркіммен"));
            assert_eq!(s.correct("еркіммен").map(|f| f.word), None);
        });
    }

    #[test]
    fn corrections_say_what_was_wrong() {
        with_speller(|s| {
            let fix = |w: &str| s.correct(w).map(|f| (f.word, f.edit.explain()));
            let f = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
            assert_eq!(fix("өндеу"), f("өңдеу", "Russian «н» for Kazakh «ң»"));
            assert_eq!(fix("Өңгіме"), f("Әңгіме", "Kazakh «ө» for Kazakh «ә»"));
            assert_eq!(fix("қуәлік"), f("куәлік", "Kazakh «қ» where «к» is right"));
            assert_eq!(fix("үялы"), f("ұялы", "Kazakh «ү» for Kazakh «ұ»"));
            assert_eq!(fix("Пайдалануыш"), f("Пайдаланушы", "«ыш» for «шы»"));
            assert_eq!(
                fix("айдаланушыларға"),
                f("пайдаланушыларға", "a dropped «п»")
            );
            assert_eq!(fix("пайдалануышының"), f("пайдаланушының", "an extra «ы»"));
            assert_eq!(
                fix("келесілеркіреді"),
                f("келесілер кіреді", "two words run together")
            );
            // Known words and unexplained unknown words stand.
            assert_eq!(fix("жанармай"), None);
            assert_eq!(fix("өңдеуге"), None);
            assert_eq!(fix("тамаша"), None);
            // A name inside a sentence: only a correction that is a word
            // as it stands, and never a dropped letter.
            assert_eq!(s.correct_in("Айдаланушыларға", true), None);
            // A real word after the word that makes it wrong.
            let c = s.confusable("үйімі", "микроқаржы").unwrap();
            assert_eq!((c.word.as_str(), c.edit), ("ұйымы", Edit::WrongWord));
            assert!(s.confusable("үйімі", "менің").is_none());
        });
    }

    #[test]
    fn the_check_skips_abbreviations_names_in_quotes_and_glued_pieces() {
        speller_over(&SpellingData::default(), |speller| {
            let clauses = vec![clause(
                "kk:1",
                "МҚҰ «Өндеу» корғау және IP-өндеу, 2-өндеу өндеу.",
            )];
            let mut out = Vec::new();
            check(&clauses, &[], speller, &mut out);
            assert_eq!(out.len(), 1, "{out:?}");
            let m = &out[0].1.message;
            assert!(m.contains("«корғау» → «қорғау»"), "{m}");
            assert_eq!(m.matches("«өндеу» → «өңдеу»").count(), 1, "{m}");
            assert!(!m.contains("Өндеу»"), "{m}");
        });
    }

    #[test]
    fn a_name_before_an_address_word_is_a_place_not_a_misspelling() {
        speller_over(&SpellingData::default(), |speller| {
            let clauses = vec![clause(
                "kk:1",
                "Өтініштер Өндеу к-сі, 8 және Өндеу даңғ., 2 мекенжайы бойынша қабылданады; \
                 Өндеу өндеу.",
            )];
            let mut out = Vec::new();
            check(&clauses, &[], speller, &mut out);
            assert_eq!(out.len(), 1, "{out:?}");
            let m = &out[0].1.message;
            // The street names are left alone; the name inside the sentence
            // that no address word follows, and the plain word, are not.
            assert_eq!(m.matches("«Өндеу» → «Өңдеу»").count(), 1, "{m}");
            assert_eq!(m.matches("«өндеу» → «өңдеу»").count(), 1, "{m}");
        });
    }

    #[test]
    fn the_statute_term_is_one_finding_per_document() {
        let clauses = vec![
            clause(
                "kk:1",
                "№ 94-V «Жеке деректер және оларды қорғау туралы» Заңына сәйкес.",
            ),
            clause(
                "kk:2",
                "МҚҰ жеке деректерді өңдейді, жеке деректер қорғалады.",
            ),
            clause("kk:3", "Жеке куәлік және дербес деректер."),
            clause("ru:1", "Жеке деректер."),
        ];
        let mut out = Vec::new();
        check_statute_terms(&clauses, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        let f = &out[0].1;
        assert_eq!(f.severity, Severity::Medium);
        assert_eq!(f.clauses.len(), 2);
        assert!(
            f.message.contains("(1 place(s))") && f.message.contains("(2 place(s))"),
            "{}",
            f.message
        );
        assert!(f.evidence[0].marked().contains("«[[Жеке деректер]] және"));
        let mut out = Vec::new();
        check_statute_terms(&clauses[2..], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn organisation_names_are_consistent() {
        let clauses = vec![
            clause("kk:1", "МҚҰ деректерді өңдейді."),
            clause("kk:2", "МҚҰ және ШҚҰ қызметкерлері."),
            clause("ru:1", "МФО обрабатывает данные."),
        ];
        let mut out = Vec::new();
        check_names(&clauses, &[Lang::Kk, Lang::Ru], &mut out);
        assert_eq!(out.len(), 1);
        let f = &out[0].1;
        assert_eq!(f.kind, FindingKind::InconsistentName);
        assert!(f.message.ends_with("→ «МҚҰ»"), "{}", f.message);
        assert!(f.evidence[0].marked().contains("[[ШҚҰ]]"));
        let clauses = vec![
            clause("kk:1", "Шағын қаржы ұйымы деректерді өңдейді."),
            clause("ru:1", "МФО обрабатывает данные."),
        ];
        let mut out = Vec::new();
        check_names(&clauses, &[Lang::Kk, Lang::Ru], &mut out);
        assert_eq!(out[0].1.severity, Severity::Medium);
    }
}
