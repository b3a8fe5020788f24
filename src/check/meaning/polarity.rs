//! Polarity, modality and quantifiers of one side of a pair, read over
//! whole phrases, and their comparison across the pair.
//!
//! Negation is a Kazakh verb's negative suffix (-ма/-ме/-ба/-бе/-па/-пе
//! before a participle, converb, verbal noun or finite ending), «емес»,
//! «жоқ», «еш…», and Russian «не», «ни», «нет», «нельзя», «без».
//! A phrase that holds a negation but is not one is consumed first:
//! «не менее» and «2 000 теңгеден кем болмайтын» are both "at least",
//! «не позднее» and «кешіктірмей» "no later than", «но не ограничиваясь»
//! and «шектелмей» "including". Words that negate by their make-up
//! («несанкционированный», «рұқсатсыз», «отсутствие», «иной», «ғана») are
//! lexical negatives: they answer a negation on the other side but are
//! never reported.
//!
//! A negation is compared through the lexicon: the words it negates (its
//! anchors) are looked up on the other side, and a counterpart with a
//! negation within [`WINDOW`] words answers it. With no counterpart, only
//! a side with no negation at all is a difference (precision first).
//!
//! Invariants: every marker is a byte range of the side's text on word
//! boundaries; readings are pure functions of the text.

use super::lexicon::{Links, Word};
use crate::model::Lang;

/// Words either side of a counterpart in which a negation answers.
pub const WINDOW: usize = 3;

/// A quantifier or likelihood class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quant {
    /// at least: «не менее», «минимум», «кемінде», «кем емес».
    AtLeast,
    /// at most: «не более», «не позднее», «аспайтын», «кешіктірмей».
    AtMost,
    /// all, any: «все», «любой», «барлық», «кез келген».
    All,
    /// some: «некоторые», «кейбір».
    Some,
    /// unlikely: «маловероятный», «екіталай».
    Unlikely,
    /// even a slight: «малейший», «аз ғана».
    Slight,
    /// only: «только», «исключительно», «тек», «ғана».
    Only,
    /// usually: «как правило», «обычно», «әдетте», «көп жағдайларда».
    Usually,
    /// rarely: «в исключительных случаях», «редко», «сирек».
    Rarely,
}

impl Quant {
    pub fn name(self) -> &'static str {
        match self {
            Quant::AtLeast => "at least",
            Quant::AtMost => "at most",
            Quant::All => "all / any",
            Quant::Some => "some",
            Quant::Unlikely => "unlikely",
            Quant::Slight => "even a slight",
            Quant::Only => "only",
            Quant::Usually => "usually",
            Quant::Rarely => "rarely",
        }
    }

    /// Whether `self` on one side and `other` on the other say opposite
    /// things: at least / at most, all / some, all / only, unlikely / even
    /// a slight, usually / rarely, usually / only.
    pub fn opposes(self, other: Quant) -> bool {
        use Quant::*;
        matches!(
            (self, other),
            (AtLeast, AtMost)
                | (AtMost, AtLeast)
                | (All, Some)
                | (Some, All)
                | (All, Only)
                | (Only, All)
                | (Unlikely, Slight)
                | (Slight, Unlikely)
                | (Usually, Rarely)
                | (Rarely, Usually)
                | (Usually, Only)
                | (Only, Usually)
        )
    }
}

/// A pattern element: a word prefix, or an exact word when it ends in `$`.
fn matches(word: &str, elem: &str) -> bool {
    match elem.strip_suffix('$') {
        Some(exact) => word == exact,
        None => word.starts_with(elem),
    }
}

/// Phrases (space-separated elements) of a quantifier class.
const QUANTS: &[(Lang, Quant, &str)] = &[
    (Lang::Ru, Quant::AtLeast, "не$ менее$"),
    (Lang::Ru, Quant::AtLeast, "не$ меньше$"),
    (Lang::Ru, Quant::AtLeast, "не$ ниже$"),
    (Lang::Ru, Quant::AtLeast, "как$ минимум$"),
    (Lang::Ru, Quant::AtLeast, "минимум$"),
    (Lang::Ru, Quant::AtLeast, "минимальн"),
    (Lang::Ru, Quant::AtLeast, "по$ меньшей$ мере$"),
    (Lang::Ru, Quant::AtMost, "не$ более$"),
    (Lang::Ru, Quant::AtMost, "не$ больше$"),
    (Lang::Ru, Quant::AtMost, "не$ выше$"),
    (Lang::Ru, Quant::AtMost, "не$ свыше$"),
    (Lang::Ru, Quant::AtMost, "не$ превыша"),
    (Lang::Ru, Quant::AtLeast, "не$ позднее$ чем$ за$"),
    (Lang::Ru, Quant::AtLeast, "не$ позднее$ за$"),
    (Lang::Ru, Quant::AtMost, "не$ позднее$"),
    (Lang::Ru, Quant::AtMost, "не$ позже$"),
    (Lang::Ru, Quant::AtMost, "не$ дольше$"),
    (Lang::Ru, Quant::AtMost, "максимум$"),
    (Lang::Ru, Quant::AtLeast, "не$ реже$"),
    (Lang::Ru, Quant::AtMost, "не$ чаще$"),
    (Lang::Ru, Quant::AtMost, "максимальн"),
    (Lang::Ru, Quant::All, "все$"),
    (Lang::Ru, Quant::All, "всех$"),
    (Lang::Ru, Quant::All, "всем$"),
    (Lang::Ru, Quant::All, "всеми$"),
    (Lang::Ru, Quant::All, "всю$"),
    (Lang::Ru, Quant::All, "весь$"),
    (Lang::Ru, Quant::All, "вся$"),
    (Lang::Ru, Quant::All, "любо"),
    (Lang::Ru, Quant::All, "любы"),
    (Lang::Ru, Quant::All, "люба"),
    (Lang::Ru, Quant::All, "каждо"),
    (Lang::Ru, Quant::All, "каждый$"),
    (Lang::Ru, Quant::All, "каждая$"),
    (Lang::Ru, Quant::Some, "некотор"),
    (Lang::Ru, Quant::Unlikely, "маловероятн"),
    (Lang::Ru, Quant::Unlikely, "вряд$ ли$"),
    (Lang::Ru, Quant::Slight, "малейш"),
    (Lang::Ru, Quant::Only, "только$"),
    (Lang::Ru, Quant::Only, "лишь$"),
    (Lang::Ru, Quant::Only, "исключительно$"),
    (Lang::Ru, Quant::Usually, "как$ правило$"),
    (Lang::Ru, Quant::Usually, "обычно$"),
    (Lang::Ru, Quant::Usually, "в$ большинстве$ случаев$"),
    (Lang::Ru, Quant::Usually, "как$ обычно$"),
    (Lang::Ru, Quant::Rarely, "в$ исключительных$ случаях$"),
    (Lang::Ru, Quant::Rarely, "в$ редких$ случаях$"),
    (Lang::Ru, Quant::Rarely, "редко$"),
    (Lang::Ru, Quant::Rarely, "крайне$ редко$"),
    (Lang::Kk, Quant::AtLeast, "кем$ емес"),
    (Lang::Kk, Quant::AtLeast, "кем$ болмай"),
    (Lang::Kk, Quant::AtLeast, "кем$ болма"),
    (Lang::Kk, Quant::AtLeast, "кем$ дегенде$"),
    (Lang::Kk, Quant::AtLeast, "кемінде$"),
    (Lang::Kk, Quant::AtLeast, "ең$ кемі$"),
    (Lang::Kk, Quant::AtLeast, "ең$ аз$"),
    (Lang::Kk, Quant::AtLeast, "төмен$ емес"),
    (Lang::Kk, Quant::AtLeast, "минимум"),
    (Lang::Kk, Quant::AtLeast, "минималды"),
    (Lang::Kk, Quant::AtMost, "аспайтын"),
    (Lang::Kk, Quant::AtMost, "аспауы"),
    (Lang::Kk, Quant::AtMost, "аспау"),
    (Lang::Kk, Quant::AtMost, "аспай"),
    (Lang::Kk, Quant::AtMost, "артық$ емес"),
    (Lang::Kk, Quant::AtMost, "көп$ емес"),
    (Lang::Kk, Quant::AtMost, "астам$ емес"),
    (Lang::Kk, Quant::AtMost, "жоғары$ емес"),
    (Lang::Kk, Quant::AtMost, "ең$ көбі$"),
    (Lang::Kk, Quant::AtMost, "кешіктірмей"),
    (Lang::Kk, Quant::AtMost, "кешіктірілмей"),
    (Lang::Kk, Quant::AtMost, "кеш$ емес"),
    (Lang::Kk, Quant::AtMost, "жиі$ емес"),
    (Lang::Kk, Quant::AtMost, "жиірек$ емес"),
    (Lang::Kk, Quant::AtLeast, "сирек$ емес"),
    (Lang::Kk, Quant::AtMost, "максимум"),
    (Lang::Kk, Quant::AtMost, "максималды"),
    (Lang::Kk, Quant::All, "барлық"),
    (Lang::Kk, Quant::All, "бүкіл"),
    (Lang::Kk, Quant::All, "әрбір"),
    (Lang::Kk, Quant::All, "кез$ келген$"),
    (Lang::Kk, Quant::All, "әр$"),
    (Lang::Kk, Quant::Some, "кейбір"),
    (Lang::Kk, Quant::Unlikely, "екіталай"),
    (Lang::Kk, Quant::Unlikely, "ықтималдығы$ төмен"),
    (Lang::Kk, Quant::Unlikely, "ықтималдығы$ аз"),
    (Lang::Kk, Quant::Unlikely, "ықтималдылығы$ төмен"),
    (Lang::Kk, Quant::Unlikely, "аз$ ықтимал"),
    (Lang::Kk, Quant::Slight, "аз$ ғана$"),
    (Lang::Kk, Quant::Slight, "болмашы"),
    (Lang::Kk, Quant::Only, "тек$"),
    (Lang::Kk, Quant::Only, "ғана$"),
    (Lang::Kk, Quant::Only, "қана$"),
    (Lang::Kk, Quant::Usually, "әдетте$"),
    (Lang::Kk, Quant::Usually, "көбінесе$"),
    (Lang::Kk, Quant::Usually, "көп$ жағдайларда$"),
    (Lang::Kk, Quant::Usually, "көп$ жағдайда$"),
    (Lang::Kk, Quant::Usually, "ереже$ бойынша$"),
    (Lang::Kk, Quant::Rarely, "сирек"),
    (Lang::Kk, Quant::Rarely, "ерекше$ жағдайларда$"),
    (Lang::Kk, Quant::Rarely, "айрықша$ жағдайларда$"),
    (Lang::Kk, Quant::Some, "бір$ бөлігі"),
];

/// Phrases that hold a negation but are neutral (besides the
/// quantifiers): exceptions, "including but not limited to", "except".
const NEUTRAL: &[(Lang, &str)] = &[
    (Lang::Ru, "но$ не$ ограничива"),
    (Lang::Ru, "не$ ограничиваясь"),
    (Lang::Ru, "не$ ограничивая"),
    (Lang::Ru, "не$ ограничивается$"),
    (Lang::Ru, "не$ только$"),
    (Lang::Ru, "не$ менее$ чем$"),
    (Lang::Ru, "не$ ранее$"),
    (Lang::Ru, "не$ раньше$"),
    (Lang::Ru, "без$ взимани"),
    (Lang::Ru, "без$ оплат"),
    (Lang::Ru, "безвозмездн"),
    (Lang::Ru, "бесплатн"),
    (Lang::Kk, "ақысыз"),
    (Lang::Kk, "өтеусіз"),
    (Lang::Kk, "ақы$ алмай"),
    (Lang::Kk, "ақы$ алынбай"),
    (Lang::Kk, "ақы$ төлемей"),
    (Lang::Kk, "кейін$ ғана$"),
    (Lang::Kk, "соң$ ғана$"),
    (Lang::Kk, "рұқсатсыз$ тұлға"),
    (Lang::Kk, "ғана$ емес"),
    (Lang::Kk, "қана$ емес"),
    (Lang::Kk, "шектелмей"),
    (Lang::Kk, "шектелмейді"),
    (Lang::Kk, "қоспағанда"),
    (Lang::Kk, "болдырма"),
    (Lang::Kk, "қарамастан$"),
    (Lang::Kk, "бас$ тарт"),
    (Lang::Kk, "болмай$ қал"),
];

/// Permission and obligation words.
const MODALS: &[(Lang, bool, &str)] = &[
    (Lang::Ru, false, "может$"),
    (Lang::Ru, false, "могут$"),
    (Lang::Ru, false, "можете$"),
    (Lang::Ru, false, "можем$"),
    (Lang::Ru, false, "вправе$"),
    (Lang::Ru, false, "имеет$ право$"),
    (Lang::Ru, false, "имеют$ право$"),
    (Lang::Ru, false, "имеете$ право$"),
    (Lang::Ru, false, "разрешается$"),
    (Lang::Ru, true, "обязан"),
    (Lang::Ru, true, "обязуется$"),
    (Lang::Ru, true, "обязуются$"),
    (Lang::Ru, true, "должен$"),
    (Lang::Ru, true, "должна$"),
    (Lang::Ru, true, "должно$"),
    (Lang::Ru, true, "должны$"),
    (Lang::Ru, true, "необходимо$"),
    (Lang::Ru, true, "требуется$"),
    (Lang::Ru, true, "следует$"),
    (Lang::Ru, true, "подлежит$"),
    (Lang::Ru, true, "подлежат$"),
    (Lang::Ru, true, "обязательно$"),
    (Lang::Kk, false, "мүмкін$"),
    (Lang::Kk, false, "құқылы"),
    (Lang::Kk, false, "құқығы$ бар"),
    (Lang::Kk, false, "құқығы$ болады"),
    (Lang::Kk, false, "рұқсат$ етіледі"),
    (Lang::Kk, true, "міндетті$"),
    (Lang::Kk, true, "міндетті$ түрде$"),
    (Lang::Kk, true, "міндеттенеді"),
    (Lang::Kk, true, "міндеттеледі"),
    (Lang::Kk, true, "міндетті$ болады"),
    (Lang::Kk, true, "тиіс$"),
    (Lang::Kk, true, "тиісті$ болады"),
    (Lang::Kk, true, "керек$"),
    (Lang::Kk, true, "қажет$"),
];

/// Kazakh ability: a converb (…а, …е, …й) before these is "can".
const KK_CAN: &[&str] = &[
    "алады",
    "аламыз",
    "аласыз",
    "аласың",
    "аламын",
    "алатын",
    "алар",
    "алады",
    "алуы",
];

/// Kazakh negative endings after -ма/-ме/-ба/-бе/-па/-пе.
const KK_NEG_TAILS: &[&str] = &[
    "ған", "ген", "йды", "йді", "йтын", "йтін", "у", "ймын", "ймін", "ймыз", "йміз", "йсыз",
    "йсіз", "йсың", "йсің", "ды", "ді",
];

/// Kazakh negative tails that must end the word.
const KK_NEG_ENDS: &[&str] = &["й", "са", "се", "ңыз", "ңіз", "стан", "стен"];

/// Kazakh words that look negative and are not.
const KK_NOT_NEGATIVE: &[&str] = &["немесе", "дербес", "бермес", "әлеммен"];

/// Russian words that negate by their make-up (prefixes).
const RU_LEXICAL: &[&str] = &[
    "отсутств",
    "запрещ",
    "исключ",
    "предотвращ",
    "кроме$",
    "помимо$",
    "вне$",
    "иной$",
    "иные$",
    "иных$",
    "иным$",
    "иного$",
    "иное$",
    "иной$",
    "иная$",
    "иную$",
    "другой$",
    "других$",
    "другим$",
    "другие$",
    "другого$",
    "отказ",
    "отклон",
    "отвергн",
    "прекращ",
    "невозмож",
    "переста",
];

/// Russian words starting with «не»/«без» that do not negate.
const RU_NOT_NEGATIVE: &[&str] = &[
    "необходим",
    "несмотря",
    "нест",
    "несет",
    "несут",
    "несущ",
    "несл",
    "недел",
    "недвиж",
    "нередк",
    "неотъемл",
    "безопасн",
    "немедлен",
    "незамедлит",
    "нем$",
    "неё$",
    "нее$",
    "него$",
    "ней$",
    "нему$",
    "неделю$",
];

/// Kazakh words that negate by their make-up.
const KK_LEXICAL: &[&str] = &[
    "тыйым",
    "өзге",
    "басқа",
    "тыс$",
    "тоқтат",
    "болдырма",
    "қоспағанда",
];

/// What one side says about polarity, modality and quantity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// Word indices of negations (consumed phrases left out).
    pub negations: Vec<usize>,
    /// Word indices of lexical negatives.
    pub lexical: Vec<usize>,
    /// Those of them that start a neutral phrase («не ограничиваясь»,
    /// «ақысыз»): they answer a negation, but [`parity`] does not count them.
    pub neutral: Vec<usize>,
    /// Word ranges (first, last) of permission and obligation phrases.
    pub permission: Vec<(usize, usize)>,
    pub obligation: Vec<(usize, usize)>,
    /// Quantifier phrases: class and word range.
    pub quants: Vec<(Quant, (usize, usize))>,
}

impl Reading {
    /// Whether a negation or a lexical negative stands within `window`
    /// words of word `j`.
    pub fn negated_near(&self, j: usize, window: usize) -> bool {
        let near = |&i: &usize| i + window >= j && i <= j + window;
        self.negations.iter().any(near) || self.lexical.iter().any(near)
    }

    pub fn has(&self, q: Quant) -> bool {
        self.quants.iter().any(|(c, _)| *c == q)
    }

    /// Whether word `i` says "only" («только», «тек», «ғана»): a
    /// quantifier, and "not … other than" (two negations) for [`parity`].
    fn only_at(&self, i: usize) -> bool {
        self.quants
            .iter()
            .any(|&(c, (a, _))| c == Quant::Only && a == i)
    }
}

/// Match `pattern` at word `i`: the number of words it spans.
fn phrase_at(words: &[Word], i: usize, pattern: &str) -> Option<usize> {
    let mut n = 0;
    for e in pattern.split(' ') {
        if !matches(&words.get(i + n)?.lower, e) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Whether a Kazakh word carries a verb's negative suffix.
pub fn kk_negated_verb(word: &str) -> bool {
    if KK_NOT_NEGATIVE.contains(&word) || word.starts_with("дербес") {
        return false;
    }
    let w: Vec<char> = word.chars().collect();
    for i in 2..w.len().saturating_sub(1) {
        let (a, b) = (w[i], w[i + 1]);
        if !(matches!(a, 'м' | 'б' | 'п') && matches!(b, 'а' | 'е')) {
            continue;
        }
        let tail: String = w[i + 2..].iter().collect();
        if tail.is_empty() {
            continue;
        }
        // Tails that end the word: converb «-май», conditional «-маса»,
        // polite imperative «-маңыз» («бағдарламасын», «жазбаңызға» are
        // nouns).
        if KK_NEG_ENDS.contains(&tail.as_str()) {
            return true;
        }
        if KK_NEG_TAILS.iter().any(|t| tail.starts_with(t)) {
            return true;
        }
    }
    false
}

fn ru_lexical(word: &str) -> bool {
    if RU_LEXICAL.iter().any(|p| matches(word, p)) {
        return true;
    }
    let n = word.chars().count();
    (word.starts_with("не") || word.starts_with("без"))
        && n >= 7
        && !RU_NOT_NEGATIVE.iter().any(|p| matches(word, p))
}

fn kk_lexical(word: &str) -> bool {
    // «-майынша» "until … not" is a conjunction, not a denial (but
    // «бойынша» "according to" is neither).
    if kk_until(word) {
        return true;
    }
    if KK_LEXICAL.iter().any(|p| matches(word, p)) {
        return true;
    }
    // «-сыз/-сіз» "without", but not «сіз» "you" nor «қауіпсіз» "safe".
    kk_privative(word)
}

/// «-майынша/-мейінше» (and -ба-, -па-): "until … not".
fn kk_until(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    let n = w.len();
    n >= 8
        && (word.ends_with("йынша") || word.ends_with("йінше"))
        && matches!(w[n - 6], 'а' | 'е')
        && matches!(w[n - 7], 'м' | 'б' | 'п')
}

/// A Kazakh privative «-сыз/-сіз» "without" («келісімінсіз», «рұқсатсыз»),
/// but not «сіз» "you", nor the words that hold one and deny nothing:
/// «қауіпсіз» "safe", «қамтамасыз» "ensure", «иесіздендіру»
/// "depersonalise", «мерзімсіз» "open-ended".
fn kk_privative(word: &str) -> bool {
    (word.contains("сыз") || word.contains("сіз"))
        && word.chars().count() >= 6
        && !word.starts_with("сіз")
        && !word.starts_with("біз")
        && !KK_PRIVATIVE_NOT.iter().any(|p| word.contains(p))
        // «аласыз», «боласыз»: a verb's polite second person, "you".
        && !["асыз", "есіз", "йсыз", "йсіз"].iter().any(|e| word.ends_with(e))
}

/// Words that hold «-сыз/-сіз» and deny nothing.
const KK_PRIVATIVE_NOT: &[&str] = &[
    "қауіпсіз",
    "қамтамасыз",
    "иесіздендір",
    "мерзімсіз",
    "үздіксіз",
    "кідіріссіз",
    "даусыз",
    "сыздандыр",
    "сіздендір",
];

/// The polarity of a side over the whole pair, as a count whose parity is
/// its sense, and the words counted: each negation (a verb's, «не»,
/// «без», «емес», «жоқ»; a negative pronoun agreeing with a verb's
/// negation adds none) and each Kazakh privative «-сыз/-сіз» counts one;
/// "only" («только», «тек … ғана» as one) counts two, being "not … other
/// than". Neutral and quantifier phrases are not counted. `None` when the
/// side holds so many that parity means nothing (more than
/// [`PARITY_MAX`]), or any other word negative by its make-up, which is
/// as often translated without a negation («недостоверный», «запрещено»,
/// «тыйым», «иной», «-майынша»).
pub fn parity(words: &[Word], r: &Reading, lang: Lang) -> Option<(usize, Vec<usize>)> {
    // «ешкімге … бермейді», «никому не передаёт»: the pronoun agrees
    // with the verb's negation (negative concord), one negation in all.
    let concord = |i: &usize| {
        let w = words[*i].lower.as_str();
        (w.starts_with("еш") || w.starts_with("ни")) && r.negations.len() > 1
    };
    let mut at: Vec<usize> = r
        .negations
        .iter()
        .filter(|i| !concord(i))
        .copied()
        .collect();
    let mut n = at.len();
    let mut said_only = false;
    for &i in r.lexical.iter().filter(|i| !r.neutral.contains(i)) {
        if r.only_at(i) {
            if !said_only {
                n += 2;
            }
            said_only = true;
            at.push(i);
            continue;
        }
        // Words that deny by their make-up are translated by a negation
        // as often as not («недостоверной» / «жалған», «запрещено» /
        // «тыйым салынады», «несовершеннолетних» / «кәмелетке
        // толмаған»): with one, the parity means nothing.
        // So are "other", "except", "until … not" («других целей, не
        // указанных» / «өзге мақсатта»): only the privative is read.
        if lang == Lang::Kk && kk_privative(&words[i].lower) {
            n += 1;
            at.push(i);
        } else {
            return None;
        }
    }
    at.sort_unstable();
    (n <= PARITY_MAX).then_some((n, at))
}

/// The most polarity words a side may hold for [`parity`] to be read.
pub const PARITY_MAX: usize = 3;

/// Read one side's words.
pub fn read(words: &[Word], lang: Lang) -> Reading {
    let mut r = Reading::default();
    let mut consumed = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let q = QUANTS
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .find_map(|(_, c, p)| phrase_at(words, i, p).map(|n| (*c, n)));
        if let Some((c, n)) = q {
            r.quants.push((c, (i, i + n - 1)));
            if c == Quant::Only {
                // "only" is "not … other than": a lexical negative too.
                r.lexical.push(i);
            }
            consumed[i..i + n].iter_mut().for_each(|x| *x = true);
            i += n;
            continue;
        }
        // «бір реттен жиі жіберілмейді» "not sent more often than once":
        // at most, as «не чаще».
        if lang == Lang::Kk
            && matches!(words[i].lower.as_str(), "жиі" | "жиірек")
            && words.get(i + 1).is_some_and(|w| kk_negated_verb(&w.lower))
        {
            r.quants.push((Quant::AtMost, (i, i + 1)));
            consumed[i..i + 2].iter_mut().for_each(|x| *x = true);
            i += 2;
            continue;
        }
        if let Some(n) = NEUTRAL
            .iter()
            .filter(|(l, _)| *l == lang)
            .find_map(|(_, p)| phrase_at(words, i, p))
        {
            // A neutral phrase answers a negation, but is not one.
            r.lexical.push(i);
            r.neutral.push(i);
            consumed[i..i + n].iter_mut().for_each(|x| *x = true);
            i += n;
            continue;
        }
        i += 1;
    }
    let mut i = 0;
    while i < words.len() {
        if let Some((obl, n)) = MODALS
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .find_map(|(_, o, p)| phrase_at(words, i, p).map(|n| (*o, n)))
        {
            let span = (i, i + n - 1);
            if obl {
                r.obligation.push(span);
            } else {
                r.permission.push(span);
            }
            i += n;
            continue;
        }
        if lang == Lang::Kk
            && i > 0
            && KK_CAN.contains(&words[i].lower.as_str())
            && words[i - 1].lower.chars().count() >= 3
            && words[i - 1].lower.ends_with(['а', 'е', 'й'])
        {
            r.permission.push((i - 1, i));
        }
        i += 1;
    }
    for (i, w) in words.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let word = w.lower.as_str();
        // «пока … не» "until" is a conjunction.
        let until = lang == Lang::Ru
            && word == "не"
            && words[i.saturating_sub(12)..i]
                .iter()
                .any(|w| w.lower == "пока");
        let negation = !until
            && match lang {
                Lang::Ru => {
                    matches!(word, "не" | "ни" | "нет" | "нельзя" | "без")
                        || word.starts_with("никак")
                        || word.starts_with("ничего")
                        || word.starts_with("никто")
                }
                _ => {
                    matches!(word, "емес" | "жоқ" | "еш" | "ешқашан")
                        || word.starts_with("емест")
                        || word.starts_with("ешқандай")
                        || word.starts_with("ешбір")
                        || word.starts_with("ешкім")
                        || word.starts_with("ештеңе")
                        || kk_negated_verb(word)
                }
            };
        if negation {
            r.negations.push(i);
        } else if until
            || match lang {
                Lang::Ru => ru_lexical(word),
                _ => kk_lexical(word),
            }
        {
            r.lexical.push(i);
        }
    }
    r
}

/// The words a negation at word `i` negates: for a Kazakh negative verb,
/// the verb and the content word before it; for «емес», «жоқ», the two
/// content words before; for Russian «не», «ни», «без», the two content
/// words after; for «нет», the content word before.
pub fn anchors(words: &[Word], i: usize, lang: Lang) -> Vec<usize> {
    let before =
        |n: usize| -> Vec<usize> { (0..i).rev().filter(|&j| words[j].content).take(n).collect() };
    let after = |n: usize| -> Vec<usize> {
        (i + 1..words.len())
            .filter(|&j| words[j].content)
            .take(n)
            .collect()
    };
    let w = words[i].lower.as_str();
    match lang {
        Lang::Ru if w == "нет" => before(1),
        Lang::Ru => after(2),
        _ if kk_negated_verb(w) => {
            let mut a = vec![i];
            a.extend(before(1));
            a
        }
        _ => before(2),
    }
}

/// Negations of side `a` (language `la`) that side `b` does not carry:
/// their word indices on `a`, and the counterparts found on `b` (word
/// indices), for marking.
pub fn unanswered(
    a: (&[Word], &Reading, Lang),
    b: (&[Word], &Reading, Lang),
    links: &Links,
) -> (Vec<usize>, Vec<usize>) {
    let (aw, ar, la) = a;
    let (bw, br, _) = b;
    let b_any = !br.negations.is_empty() || !br.lexical.is_empty();
    let mut missing = Vec::new();
    let mut counterparts = Vec::new();
    // A side with as many negative words as this one has in all answers
    // them (a translation may negate by another word).
    // ("Only" said twice, «тек … ғана», is one.)
    let weight = |r: &Reading| {
        let onlies = r.lexical.iter().filter(|&&i| r.only_at(i)).count();
        r.negations.len() + r.lexical.len() - onlies.saturating_sub(1)
    };
    if weight(br) >= weight(ar) {
        return (missing, counterparts);
    }
    for &i in &ar.negations {
        let mut found = Vec::new();
        for j in anchors(aw, i, la) {
            found.extend((0..bw.len()).filter(|&k| links.get(la, j, k) > 0.0));
        }
        let answered = if found.is_empty() {
            b_any
        } else {
            found.iter().any(|&k| br.negated_near(k, WINDOW))
        };
        if !answered {
            missing.push(i);
            counterparts.extend(found);
        }
    }
    counterparts.sort_unstable();
    counterparts.dedup();
    (missing, counterparts)
}

/// A quantifier of side `a` whose opposite side `b` says, or (for
/// "unlikely", "even a slight" and "some", and for "at least" / "at most"
/// before a figure) that side `b` leaves out: the class and its word range on `a`.
pub fn quantifier_clash(
    a: &Reading,
    b: &Reading,
    a_words: &[Word],
    a_text: &str,
) -> Option<(Quant, (usize, usize))> {
    for &(q, span) in &a.quants {
        if b.has(q) {
            continue;
        }
        let opposite = b.quants.iter().any(|&(c, _)| q.opposes(c));
        let dropped = match q {
            Quant::Unlikely | Quant::Slight | Quant::Some => true,
            Quant::Only | Quant::Usually | Quant::Rarely => false,
            Quant::AtLeast | Quant::AtMost => {
                // A figure right after (or before, in Kazakh) the phrase.
                let from = a_words[span.0].start.saturating_sub(24);
                let to = (a_words[span.1].end + 24).min(a_text.len());
                let lo = floor(a_text, from);
                let hi = floor(a_text, to);
                a_text[lo..hi].chars().any(|c| c.is_ascii_digit())
                    && !b.has(Quant::AtLeast)
                    && !b.has(Quant::AtMost)
            }
            _ => false,
        };
        if opposite || dropped {
            return Some((q, span));
        }
    }
    None
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::words;
    use super::*;

    fn reading(text: &str, lang: Lang) -> Reading {
        read(&words(text, lang), lang)
    }

    #[test]
    fn kazakh_negative_verbs() {
        for w in [
            "келмеген",
            "бермейді",
            "сақтамау",
            "болмаса",
            "көрсетпеген",
            "орындалмаған",
            "пайдалана алмайсыз",
            "бермей",
        ] {
            let last = w.split(' ').next_back().unwrap();
            assert!(kk_negated_verb(last), "{w}");
        }
        for w in [
            "бағдарламасын",
            "байланыс",
            "мақсат",
            "хабарламаға",
            "пайдалану",
            "келген",
            "деректерді",
            "қабылдайды",
            "жағдайда",
        ] {
            assert!(!kk_negated_verb(w), "{w}");
        }
    }

    #[test]
    fn phrases_are_read_whole() {
        // «кем болмайтын» is "at least", not a negation.
        let r = reading("2 000 теңгеден кем болмайтын сомаға", Lang::Kk);
        assert!(r.negations.is_empty(), "{r:?}");
        assert!(r.has(Quant::AtLeast));
        let r = reading("минимум 2 000 тенге", Lang::Ru);
        assert!(r.has(Quant::AtLeast) && r.negations.is_empty());
        let r = reading("не менее 2 000 тенге", Lang::Ru);
        assert!(r.has(Quant::AtLeast) && r.negations.is_empty());
        let r = reading("если это не противоречит закону", Lang::Ru);
        assert_eq!(r.negations.len(), 1);
        let r = reading("заңнамаға қайшы келмеген жағдайларды қоспағанда", Lang::Kk);
        assert_eq!(r.negations.len(), 1);
        assert_eq!(r.lexical.len(), 1);
    }

    #[test]
    fn modality_is_read() {
        let r = reading("МФО вправе передавать данные", Lang::Ru);
        assert_eq!((r.permission.len(), r.obligation.len()), (1, 0));
        let r = reading("МФО обязано передавать данные", Lang::Ru);
        assert_eq!((r.permission.len(), r.obligation.len()), (0, 1));
        let r = reading("Сіз келісімді кері шақыра аласыз", Lang::Kk);
        assert_eq!((r.permission.len(), r.obligation.len()), (1, 0));
        let r = reading("МҚҰ деректерді жоюға міндетті", Lang::Kk);
        assert_eq!((r.permission.len(), r.obligation.len()), (0, 1));
        // Taking is not being able to.
        let r = reading("МҚҰ деректерді алады", Lang::Kk);
        assert!(r.permission.is_empty());
    }

    #[test]
    fn quantifiers_clash_or_are_dropped() {
        let k = words("30 күннен кешіктірмей", Lang::Kk);
        let kt = "30 күннен кешіктірмей";
        let a = read(&k, Lang::Kk);
        let b = reading("не позднее 30 дней", Lang::Ru);
        assert_eq!(quantifier_clash(&a, &b, &k, kt), None);
        let b = reading("не менее 30 дней", Lang::Ru);
        assert_eq!(
            quantifier_clash(&a, &b, &k, kt).map(|q| q.0),
            Some(Quant::AtMost)
        );
        let b = reading("в течение 30 дней", Lang::Ru);
        assert_eq!(
            quantifier_clash(&a, &b, &k, kt).map(|q| q.0),
            Some(Quant::AtMost)
        );
        let u = words("В маловероятном случае нарушения", Lang::Ru);
        let ua = read(&u, Lang::Ru);
        let kb = reading("аз ғана бұзылу қауіпі болған жағдайда", Lang::Kk);
        assert_eq!(
            quantifier_clash(&ua, &kb, &u, "В маловероятном случае нарушения").map(|q| q.0),
            Some(Quant::Unlikely)
        );
    }
}
