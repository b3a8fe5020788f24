//! Language of a block or a piece of text: Kazakh, Russian, or other (no
//! Cyrillic words at all: URLs, numbers, Latin names, English).
//!
//! Kazakh written in the Latin alphabet is Kazakh: a Latin word with a
//! letter of the 2021 alphabet (ä ö ü ğ ñ ū ı ş), the 2018 apostrophe
//! letters (a' o' u' g' n' s' c'), a q followed by a letter other than u, or a frequent
//! Kazakh word (osy, turaly, derbes …) scores like a word with a Kazakh
//! Cyrillic letter ([`latin_kazakh`]); other Latin words (English, names,
//! addresses) score nothing, so a text with neither Cyrillic nor such words
//! has no language of ours.
//!
//! [`score`] is a log-likelihood ratio, positive for Kazakh, summed over
//! words. A word with a Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і) is strong
//! evidence; its absence is weak evidence for Russian (about half of Kazakh
//! words have one, OCR damage removes some). Function words and inflectional
//! endings of either language add moderate evidence, so damaged Kazakh and
//! short headings are still read. Words inside «…» (names) count a quarter.
//!
//! [`tag`] decides in context: the blocks of one table cell share a
//! language; a weak cell takes the opposite language of its row neighbour,
//! or, in a row of weak cells, the language its table column mostly has;
//! a language the author declared for a block (an HTML `lang` attribute,
//! [`Block::declared_lang`]) is kept, and is strong context for its
//! neighbours; untabled blocks are decoded with a Viterbi pass whose switch costs keep
//! a short ambiguous line in the language around it:
//! - a line with no language of its own ([`is_data_line`]: a phone,
//!   e-mail, site, address, BIN or IBAN line) emits no evidence and stays
//!   in the block it sits in;
//! - a line that can only continue a sentence stays with the sentence
//!   before it, and a lone clause number («3.») with the text after it;
//! - the same clause number twice in a row (text interleaved clause by
//!   clause) switches language;
//! - the decoder remembers whether the other language's last line was cut
//!   in mid-sentence: a line that continues a sentence («асырылады.» after
//!   the other language's page) goes back to it, a new clause does not;
//! - blank lines: where the blocks they set apart each hold one language,
//!   a switch inside a block costs more, and where those blocks alternate
//!   kk/ru a block with little language follows the alternation
//!   (`weigh_blank_lines`).
//!
//! Invariant: after `tag`, every block is `Kk` or `Ru` when the document has
//! any Cyrillic or Latin-Kazakh text; `Other` is never assigned by `tag`.
//! The decoding is linear in the blocks.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, Lang};
use crate::tokens::is_cyrillic;

/// The letters of Kazakh Cyrillic that Russian lacks.
pub(crate) const KK_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// Frequent Kazakh words spelled without Kazakh-specific letters (those with
/// one are caught by the letter test anyway).
const KK_WORDS: &[&str] = &[
    // Labels of a contact line that has no Kazakh letter («Байланыс:
    // info@…», «Мекенжайы: …», «Телефоны: …»).
    "байланыс",
    "байланыстар",
    "мекенжай",
    "мекенжайы",
    "мекенжайымыз",
    "телефоны",
    "телефондары",
    "поштасы",
    "мен",
    "бен",
    "пен",
    "осы",
    "бойынша",
    "туралы",
    "деректер",
    "деректерді",
    "деректерін",
    "дербес",
    "жеке",
    "кез",
    "келген",
    "мына",
    "олар",
    "болып",
    "болса",
    "сондай",
    "ретте",
    "жалпы",
    "ереже",
    "ережелер",
    "ережелері",
    "немесе",
    "егер",
    "пайдалану",
    "пайдаланушы",
    "пайдаланушылар",
    "тараптар",
    "шарт",
    "шарттар",
    "шартты",
    "бар",
    "да",
    "де",
    "та",
    "те",
    "ал",
    "онда",
    "сол",
    "бастап",
    "жылы",
    "арасында",
    "жатады",
    "табылады",
    "болады",
    "алады",
    "саясат",
    "саясаты",
    "сайтта",
    "сайты",
    "заңды",
    "талап",
    "талаптар",
    "жауап",
    "орган",
    "органдар",
    "жшс",
    "тарап",
    "жасау",
    "алу",
    "беру",
    "ету",
    "етуге",
    "жинау",
    "арналған",
    "оларды",
    "олардың",
    "оны",
    "соны",
    "бұл",
    "мұндай",
    "ретінде",
    "жолмен",
    "арасындағы",
    "кезде",
    "кезінде",
    "сонымен",
    "бірге",
    "тек",
    "сот",
    "жоқ",
    "ол",
    // Structure words with no Kazakh letter («3-бап», «2-тарау»).
    "бап",
    "бабы",
    "тарау",
    "тарауы",
];

/// Frequent Russian words (Russian has no letter Kazakh lacks in practice).
const RU_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "для",
    "не",
    "что",
    "от",
    "к",
    "о",
    "об",
    "при",
    "из",
    "или",
    "как",
    "его",
    "ее",
    "её",
    "их",
    "это",
    "который",
    "которые",
    "которых",
    "которым",
    "которая",
    "данных",
    "данные",
    "персональных",
    "лица",
    "лицо",
    "случае",
    "если",
    "также",
    "либо",
    "быть",
    "может",
    "только",
    "без",
    "до",
    "после",
    "между",
    "через",
    "настоящей",
    "настоящая",
    "настоящего",
    "является",
    "являются",
    "том",
    "числе",
    "мы",
    "вы",
    "вас",
    "вам",
    "ваши",
    "ваших",
    "ваш",
    "свое",
    "своих",
    "сведения",
    "согласие",
    "права",
    "право",
    "обработки",
    "обработка",
    "иных",
    "иные",
    "такие",
    "всех",
    "все",
    "этом",
    "этого",
    "под",
    "за",
    "а",
    "но",
    "тоо",
    "мфо",
    "политика",
    "политики",
    "пользователь",
    "пользователя",
    "пользователей",
    "закона",
    "законодательством",
    "республики",
    "казахстан",
    "в",
    "порядке",
    "целях",
    "целей",
    "услуг",
    "данным",
    // Structure words of Russian documents (Kazakh writes бөлім, бап,
    // тарау, тармақ).
    "раздел",
    "раздела",
    "статья",
    "статьи",
    "глава",
    "главы",
    "пункт",
    "пункта",
    "подпункт",
    "приложение",
    "контакты",
    "реквизиты",
    "общие",
    "положения",
];

const KK_ENDINGS: &[&str] = &[
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "лардың",
    "лердің",
    "ларды",
    "лерді",
    "ларға",
    "лерге",
    "ларын",
    "лерін",
    "ады",
    "йды",
    "ынша",
    "ынан",
    "ында",
    "ымен",
    "уге",
    "уды",
    "уі",
    "ылған",
    "ысы",
    "ушы",
    "ушылар",
    "ушыға",
    "ушының",
    "ушыны",
];

/// Loanwords spelled alike in both languages: no evidence either way.
const SHARED_WORDS: &[&str] = &[
    "субъект",
    "сайт",
    "оператор",
    "клиент",
    "интернет",
    "микрокредит",
    "оферта",
    "сервер",
    "банк",
    "кабинет",
    "пароль",
    "логин",
    "компания",
    "статус",
];

const RU_ENDINGS: &[&str] = &[
    "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ая", "яя", "ое", "ее", "ой", "ий", "ый",
    "ие", "ые", "ция", "ции", "цию", "ние", "ния", "нию", "нием", "ость", "ости", "ться", "ется",
    "ются", "ать", "ять", "ить", "ует", "уют", "ной", "ную", "ным", "ами", "ями", "ство", "ства",
    "ении", "ения", "ов", "ев",
];

/// Letters of the Kazakh Latin alphabet (2021) that neither English nor
/// Russian writes.
const KK_LATIN_LETTERS: &str = "äöüğñūışÄÖÜĞÑŪŞİ";
/// Frequent Kazakh words in Latin letters that need none of those letters.
const KK_LATIN_WORDS: &[&str] = &[
    "osy",
    "turaly",
    "derbes",
    "derekter",
    "derekterdi",
    "derekterin",
    "jalpy",
    "ereje",
    "erejeler",
    "saiasat",
    "saiasaty",
    "bolady",
    "bolyp",
    "jauapkershiligi",
    "respublikasy",
    "respublikasynyn",
    "qazaqstan",
    // ЖШС and МҚҰ in the 2018 and informal Latin spellings.
    "js's",
    "jshs",
    "zhshs",
    "mqu",
];
/// Letters that take an apostrophe in the 2018 Latin alphabet (a' = ә,
/// o' = ө, u' = ү, g' = ғ, n' = ң, s' = ш, c' = ч).
const APOSTROPHE_LETTERS: &str = "aougnscAOUGNSC";
/// What follows the apostrophe of an English contraction (don't, it's,
/// you've, we'll …): not Kazakh.
const CONTRACTIONS: &[&str] = &["t", "s", "re", "ve", "ll", "d", "m"];
/// Evidence of a Latin word with a Kazakh-only letter (as strong as a
/// Cyrillic Kazakh letter), and of weaker signs (q without u, a word list).
const WORD_KK_LATIN: f32 = 3.0;
const WORD_KK_LATIN_WEAK: f32 = 1.5;

/// Evidence that a Latin word (no Cyrillic letter) is Kazakh in the Latin
/// alphabet: [`WORD_KK_LATIN`], [`WORD_KK_LATIN_WEAK`] or 0.
pub fn latin_kazakh(word: &str) -> f32 {
    if word.chars().any(is_cyrillic) || !word.chars().any(|c| c.is_alphabetic()) {
        return 0.0;
    }
    if word.chars().any(|c| KK_LATIN_LETTERS.contains(c)) {
        return WORD_KK_LATIN;
    }
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '\'' | '’' | 'ʼ')
            && i > 0
            && APOSTROPHE_LETTERS.contains(chars[i - 1])
            && chars.get(i + 1).is_some_and(|n| n.is_lowercase())
        {
            let after: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !CONTRACTIONS.contains(&after.as_str()) {
                return WORD_KK_LATIN;
            }
        }
    }
    let lower = crate::tokens::lowercase(word);
    // Camel case («QazCredit») is a brand, not a Kazakh word.
    let camel = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let q_without_u = lower.char_indices().any(|(i, c)| {
        c == 'q'
            && lower[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphabetic() && n != 'u')
    });
    if (!camel && chars.len() >= 4 && q_without_u) || KK_LATIN_WORDS.contains(&lower.as_str()) {
        return WORD_KK_LATIN_WEAK;
    }
    0.0
}

/// Evidence per word, clamped so that one long block cannot drown context.
const WORD_KK_LETTER: f32 = 3.0;
const WORD_PLAIN: f32 = -0.5;
const WORD_LIST: f32 = 1.5;
const WORD_ENDING: f32 = 0.7;
const CLAMP: f32 = 12.0;

/// Log-likelihood ratio of Kazakh over Russian; 0 when there is no Cyrillic
/// word. Positive means Kazakh.
pub fn score(text: &str) -> f32 {
    let mut total = 0.0f32;
    for (word, weight) in weighted_words(text) {
        total += weight * word_score(word);
    }
    total.clamp(-CLAMP, CLAMP)
}

/// Words inside «…» are mostly names and titles («ТОО «МФО «Үлгі Қаржы»»):
/// they count this much of an ordinary word.
const QUOTED: f32 = 0.25;

/// The words of a text with their weight (lower inside guillemets).
fn weighted_words(text: &str) -> Vec<(&str, f32)> {
    fn push<'a>(text: &'a str, a: usize, b: usize, depth: usize, out: &mut Vec<(&'a str, f32)>) {
        let w = text[a..b].trim_matches('-');
        if !w.is_empty() {
            out.push((w, if depth > 0 { QUOTED } else { 1.0 }));
        }
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    // Inside "…" or “…” (names too: ТОО «МФО "Жібек Қадам"»).
    let mut straight = false;
    let mut start: Option<usize> = None;
    let mut prev_letter = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // An apostrophe between letters is part of the word (o'n'deu, the
        // 2018 Latin Kazakh alphabet; don't).
        let apostrophe = matches!(c, '\'' | '’' | 'ʼ')
            && prev_letter
            && chars
                .peek()
                .is_some_and(|&(_, n)| crate::tokens::is_letter(n));
        prev_letter = crate::tokens::is_letter(c);
        if prev_letter || c == '-' || apostrophe {
            start.get_or_insert(i);
            continue;
        }
        if let Some(a) = start.take() {
            push(text, a, i, depth + usize::from(straight), &mut out);
        }
        match c {
            '"' => straight = !straight,
            '“' | '„' => straight = true,
            '”' => straight = false,
            '«' => depth += 1,
            // «ТОО «МФО «Сенім Қаржы» ПОЛИТИКА»: one closing mark often
            // closes every open level; «…»» closes them one by one.
            '»' if chars.peek().is_some_and(|&(_, n)| n == '»') => {
                depth = depth.saturating_sub(1);
            }
            '»' => depth = 0,
            _ => {}
        }
    }
    if let Some(a) = start {
        push(text, a, text.len(), depth + usize::from(straight), &mut out);
    }
    out
}

/// Does the text leave a «…» open at its end (a title wrapped inside a
/// company's name)?
fn open_quote(text: &str) -> bool {
    text.matches('«').count() > text.matches('»').count()
}

/// Evidence of one word, positive for Kazakh.
fn word_score(word: &str) -> f32 {
    {
        if !word.chars().any(is_cyrillic) {
            return latin_kazakh(word);
        }
        let lower = crate::tokens::lowercase(word);
        if lower.chars().any(|c| KK_LETTERS.contains(c)) {
            return WORD_KK_LETTER;
        }
        // Latin look-alikes inside a Cyrillic word (OCR damage): `i` is
        // almost always a damaged Kazakh `і`.
        if lower.contains('i') {
            return WORD_KK_LETTER / 2.0;
        }
        if SHARED_WORDS.contains(&lower.as_str()) {
            return 0.0;
        }
        let mut s = WORD_PLAIN;
        if KK_WORDS.contains(&lower.as_str()) {
            s += WORD_LIST;
        } else if RU_WORDS.contains(&lower.as_str()) {
            s -= WORD_LIST;
        } else if lower.chars().count() >= 5 {
            if KK_ENDINGS.iter().any(|e| lower.ends_with(e)) {
                s += WORD_ENDING;
            } else if RU_ENDINGS.iter().any(|e| lower.ends_with(e)) {
                s -= WORD_ENDING;
            }
        }
        if lower.contains(['щ', 'ё', 'э']) {
            s -= WORD_ENDING;
        }
        s
    }
}

/// Does the text have any word of ours: a Cyrillic letter or a word of
/// Latin-script Kazakh?
pub fn has_evidence(text: &str) -> bool {
    text.chars().any(is_cyrillic) || latin_kazakh_score(text) > 0.0
}

/// The summed [`latin_kazakh`] evidence of a text's words.
pub fn latin_kazakh_score(text: &str) -> f32 {
    weighted_words(text)
        .into_iter()
        .map(|(w, weight)| weight * latin_kazakh(w))
        .sum()
}

/// The language a text names when it is only a language's code or name
/// («kk», «ru», «қаз», «Қазақша», «Русский», «На русском языке», «Текст
/// на казахском»), compared in lower case: a table's language column or
/// header, a layout's label for what follows. `None` for anything else.
pub fn named(text: &str) -> Option<Lang> {
    const KK: &[&str] = &[
        "kk",
        "kz",
        "kaz",
        "kazakh",
        "қаз",
        "каз",
        "қазақша",
        "қазақ тілі",
        "қазақ тілінде",
        "мемлекеттік тілде",
        "казахский",
        "казахский язык",
        "на казахском",
        "на казахском языке",
        "на государственном языке",
        "текст на казахском",
        "текст на казахском языке",
        "қазақ тіліндегі мәтін",
        "мәтін қазақ тілінде",
    ];
    const RU: &[&str] = &[
        "ru",
        "rus",
        "russian",
        "рус",
        "орыс",
        "орысша",
        "орыс тілі",
        "орыс тілінде",
        "русский",
        "русский язык",
        "на русском",
        "на русском языке",
        "текст на русском",
        "текст на русском языке",
        "орыс тіліндегі мәтін",
        "мәтін орыс тілінде",
    ];
    // A text longer than every name is none (lower case has at least as
    // many characters), and is not lower-cased whole to learn it.
    let longest = KK
        .iter()
        .chain(RU)
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    let text = text.trim();
    if text.chars().nth(longest).is_some() {
        return None;
    }
    let t = crate::tokens::lowercase(text);
    // A text column qualified by its language: «Текст (каз.)», «Мәтін
    // (орыс.)», «Text [ru]», «Текст, рус.».
    let qualified = ["текст", "мәтін", "text"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .map(|rest| rest.trim_matches(|c: char| c.is_whitespace() || "()[],.-–:".contains(c)))
        .filter(|rest| !rest.is_empty());
    let is = |names: &[&str]| {
        names.contains(&t.as_str()) || qualified.is_some_and(|q| names.contains(&q))
    };
    if is(KK) {
        Some(Lang::Kk)
    } else if is(RU) {
        Some(Lang::Ru)
    } else {
        None
    }
}

/// Language of a piece of text on its own, without context.
pub fn detect(text: &str) -> Lang {
    if !has_evidence(text) {
        return Lang::Other;
    }
    if score(text) > 0.0 {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

/// Words that label a data line rather than say anything in a language:
/// «Телефон», «Email», «Сайт», «Адрес», «БИН», «IBAN» (lower case).
const DATA_LABELS: &[&str] = &[
    "телефон",
    "тел",
    "факс",
    "моб",
    "email",
    "e",
    "mail",
    "почта",
    "эл",
    "сайт",
    "адрес",
    "бин",
    "бсн",
    "иин",
    "жсн",
    "бик",
    "бск",
    "иик",
    "жск",
    "кбе",
    "iban",
    "swift",
    "rnn",
    "рнн",
];

/// Does the text carry data (a phone or account number, an e-mail, a
/// site, an address) rather than words: three digits or more, an `@`, a
/// `www.`/`http`, or a house number with a street or city abbreviation.
fn carries_data(text: &str) -> bool {
    const ADDRESS: &[&str] = &[
        "г",
        "ул",
        "пр",
        "д",
        "мкр",
        "кв",
        "офис",
        "көш",
        "даң",
        "қ",
        "адрес",
        "мекенжай",
    ];
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let address = || {
        crate::tokens::lower_words(text)
            .iter()
            .any(|w| ADDRESS.contains(&w.as_str()))
    };
    digits >= 3
        || text.contains('@')
        || text.contains("www.")
        || text.contains("http")
        || (digits >= 1 && address())
}

/// A requisite line of either language: it opens with a data label
/// («Телефон:», «Мекенжайы:», «БСН», «IBAN», «E-mail:») and carries data
/// (digits, an e-mail, a site). Unlike [`is_data_line`] it may hold Kazakh
/// words («Мекенжайы: Алматы қ., Сәтбаев көшесі, 30А»).
pub fn is_requisite_line(text: &str) -> bool {
    let Some(first) = crate::tokens::lower_words(text).into_iter().next() else {
        return false;
    };
    (DATA_LABELS.contains(&first.as_str())
        || ["мекенжайы", "мекенжай", "мекен", "веб", "www"].contains(&first.as_str()))
        && carries_data(text)
}

/// A data line's whole evidence stays below this: «Адрес: г. Алматы, ул.
/// Ауэзова, д. 14А» in Russian form, with no Kazakh word at all, is read as
/// Russian.
const DATA_MAX: f32 = 3.0;

/// A line with no language of its own: a phone, e-mail, site, address,
/// BIN or IBAN line («Телефон: +7 727 000-00-00», «Адрес: г. Алматы, пр.
/// Абая, 10», «БИН 123456789012»). It has no Kazakh letter, carries data,
/// its words are labels, abbreviations and names (lower-case words of
/// three letters or more, and listed words of either language, add up to
/// no clear evidence), and its whole evidence is below [`DATA_MAX`]. Such a line belongs to the block it sits
/// in, whichever language its few letters suggest.
pub fn is_data_line(text: &str) -> bool {
    if text.chars().any(|c| KK_LETTERS.contains(c))
        || !carries_data(text)
        || score(text).abs() >= DATA_MAX
    {
        return false;
    }
    let mut evidence = 0.0f32;
    let mut words = 0;
    for (word, weight) in weighted_words(text) {
        if !word.chars().any(is_cyrillic) {
            continue;
        }
        let lower = crate::tokens::lowercase(word);
        // Labels, and single letters (initials, «14А»), say nothing.
        if DATA_LABELS.contains(&lower.as_str()) || lower.chars().nth(1).is_none() {
            continue;
        }
        let listed = KK_WORDS.contains(&lower.as_str()) || RU_WORDS.contains(&lower.as_str());
        let common =
            word.chars().next().is_some_and(char::is_lowercase) && lower.chars().count() >= 3;
        if listed || common {
            words += 1;
            evidence += weight * word_score(word);
        }
    }
    words <= 1 && evidence.abs() < WEAK
}

/// A unit the tagger decides at once: one table cell or one untabled block.
struct Unit {
    blocks: Vec<usize>,
    score: f32,
    /// The unit has a word of ours ([`has_evidence`]): Cyrillic or Latin
    /// Kazakh.
    cyrillic: bool,
    grouped: bool,
    line: usize,
    /// The table row of a cell ([`Block::row`]); cells without one are in
    /// the row of their line.
    row: Option<u32>,
    /// Cost of switching language right before this unit.
    switch: f32,
    /// Cost of staying in the language of the unit before.
    stay: f32,
    /// The unit was cut in mid-sentence: a long text that does not end a
    /// sentence or an item (a heading does not count).
    open: bool,
    /// The unit can only continue a sentence: it starts in lower case, or
    /// with a number that is no clause number.
    continues: bool,
    /// The unit starts a clause: it starts with a clause number or marker.
    marker: bool,
    /// A blank line separates the unit from the one before it.
    gap: bool,
}

/// Below this magnitude a unit's own evidence is weak.
const WEAK: f32 = 1.5;
/// The evidence of a unit whose language the author declared: more than
/// any context can outweigh.
const DECLARED: f32 = 100.0;
/// Viterbi cost of switching language between consecutive untabled blocks:
/// cheap where a clause starts (columns and pages change language at clause
/// boundaries), dear before a line that continues a sentence.
const SWITCH: f32 = 2.5;
const SWITCH_AT_MARKER: f32 = 0.5;
const SWITCH_MID_SENTENCE: f32 = 4.0;
/// Viterbi cost of keeping the language across a repeated clause number.
const STAY_REPEAT: f32 = 2.0;
/// A text at least this long that ends without punctuation was cut.
const OPEN_LEN: usize = 50;
/// Switching to a language whose last sentence was cut: cheaper by this
/// for a unit that continues a sentence («асырылады.» after the other
/// language's page), dearer by this for one that starts a clause (the cut
/// sentence must go on first).
const OPEN_BONUS: f32 = 2.0;
const OPEN_PENALTY: f32 = 1.0;

/// Does the text end a sentence or a list item (so a line after it cannot
/// be its continuation)?
fn closed(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['»', '"', ')', '”', '*'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A clause number alone («3.», «2.1.»), cut from its text.
fn bare_number(text: &str) -> bool {
    crate::tokens::leading_marker(text).is_some_and(|after| after.is_none())
        && !text.chars().any(crate::tokens::is_letter)
}

/// The clause number a text starts with, for the interleaving test.
fn number_of(text: &str) -> Option<&str> {
    crate::tokens::leading_marker(text)?;
    let n = text.split_whitespace().next()?;
    n.chars()
        .next()?
        .is_ascii_digit()
        .then_some(n.trim_end_matches('.'))
}

/// Cost of switching language right before `text`, given the text of the
/// unit before it (`prev`) and whether that unit was a lone clause number
/// starting a clause (`prev_lone`).
fn switch_cost(prev: Option<&str>, prev_lone: bool, text: &str) -> f32 {
    let prev_closed = prev.is_none_or(closed);
    if prev.is_some_and(open_quote) && !prev_closed && !bare_number(text) {
        // «…ТОО «МИКРОФИНАНСОВАЯ ОРГАНИЗАЦИЯ» + «"ЖІБЕК ҚАДАМ"»»: the
        // name goes on inside its quotes, whatever its letters.
        return SWITCH_MID_SENTENCE;
    }
    let capital = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '«');
    if prev_lone && capital && crate::tokens::leading_marker(text).is_none() {
        // The text of a clause number cut from it («3.» + «Хранение
        // данных») goes with the number.
        SWITCH_MID_SENTENCE
    } else if bare_number(text) {
        // A lone clause number starts a clause after a closed one («3.»
        // at a page end) and ends a sentence after an open one («…офис»
        // + «12.»).
        if prev_closed {
            SWITCH_AT_MARKER
        } else {
            SWITCH_MID_SENTENCE
        }
    } else if !text.chars().any(crate::tokens::is_letter) || is_data_line(text) {
        // A line with no letters («12.», a URL) or no language of its own
        // (a phone, an e-mail, an address) stays with what surrounds it.
        SWITCH_MID_SENTENCE
    } else if crate::tokens::leading_marker(text).is_some() {
        SWITCH_AT_MARKER
    } else if text.chars().next().is_some_and(char::is_lowercase) && !prev_closed {
        SWITCH_MID_SENTENCE
    } else {
        SWITCH
    }
}

/// Below this magnitude a part of a « / » line is not clearly one language.
const SPLIT_EVIDENCE: f32 = 1.5;
/// A short part with no Kazakh letter («1. Предмет документа») may lean
/// this little, where another part is clear and the parts alternate.
const SPLIT_LEAN: f32 = 0.5;

/// Split blocks that hold both languages side by side on one line,
/// «Политика конфиденциальности / Құпиялылық саясаты», into one block per
/// language: only at « / », only when the parts alternate in language, one
/// at least clearly ([`SPLIT_EVIDENCE`]) and the others leaning
/// ([`SPLIT_LEAN`]). Runs are cut, never changed: the separator
/// stays with the left part.
/// Each part of a split line is a group of its own, so that `tag` decides
/// it by its own (clear) evidence rather than by its neighbours'. Split
/// groups are numbered from here, above any layout group.
const SPLIT_GROUPS: u32 = 1 << 31;

pub fn split_bilingual(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut group = SPLIT_GROUPS;
    for b in blocks {
        match split_block(&b) {
            Some(parts) => {
                for mut part in parts {
                    part.group = Some(group);
                    group += 1;
                    out.push(part);
                }
            }
            None => out.push(b),
        }
    }
    out
}

fn split_block(b: &Block) -> Option<Vec<Block>> {
    // The author declared the block's one language.
    if b.declared_lang.is_some() {
        return None;
    }
    // Only plain one-run blocks: a title line, a table cell, a heading.
    let [run] = b.runs.as_slice() else {
        return None;
    };
    if run.text.len() != run.span.len() {
        return None;
    }
    if !run.text.contains(" / ") {
        return split_sentence_runs(b, run);
    }
    let mut cuts = vec![0];
    cuts.extend(run.text.match_indices(" / ").map(|(i, _)| i + 2));
    cuts.push(run.text.len());
    let parts: Vec<&str> = cuts.windows(2).map(|w| &run.text[w[0]..w[1]]).collect();
    let scores: Vec<f32> = parts.iter().map(|p| score(p)).collect();
    let clear = scores.iter().all(|s| s.abs() >= SPLIT_LEAN)
        && scores.iter().any(|s| s.abs() >= SPLIT_EVIDENCE);
    let alternate = scores.windows(2).all(|w| (w[0] > 0.0) != (w[1] > 0.0));
    if parts.len() < 2 || !clear || !alternate {
        return None;
    }
    Some(
        cuts.windows(2)
            .map(|w| {
                let mut part = b.clone();
                part.runs = vec![crate::model::Run {
                    text: run.text[w[0]..w[1]].to_string(),
                    span: crate::model::Span {
                        start: run.span.start + w[0],
                        end: run.span.start + w[1],
                        page: run.span.page,
                    },
                    glue: false,
                }];
                part
            })
            .collect(),
    )
}

/// Below this magnitude a run of sentences is not clearly one language.
const RUN_EVIDENCE: f32 = 4.0;

/// A sentence of this magnitude or more speaks for its language: it may
/// not sit in the other language's run.
const SENTENCE_EVIDENCE: f32 = 1.0;

/// A clause number that opens a paragraph: «1.1.», «3.», «12.4».
static OPENING_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*\.?)\s").expect("number regex"));

/// Split a paragraph that gives one language's sentences and then the
/// other's («1.1. Настоящая Политика … . Осы Саясат … .») into two blocks,
/// one per language. Only where the sentences fall into exactly two runs,
/// each clearly of its own language ([`RUN_EVIDENCE`]) and holding no
/// sentence that clearly speaks the other ([`SENTENCE_EVIDENCE`]); a
/// paragraph that quotes or names the other language in passing stays
/// whole. The cut lies at a sentence start and leaves every byte in one
/// part. The second part is numbered by the paragraph's clause number
/// ([`Block::row_number`]), which the first part's characters carry.
fn split_sentence_runs(b: &Block, run: &crate::model::Run) -> Option<Vec<Block>> {
    let text = run.text.as_str();
    let sentences = crate::segment::sentences(text);
    if sentences.len() < 2 {
        return None;
    }
    let scores: Vec<f32> = sentences.iter().map(|&(s, e)| score(&text[s..e])).collect();
    let mut best: Option<(usize, f32)> = None;
    for k in 1..sentences.len() {
        let cut = sentences[k].0;
        let (head, tail) = (score(&text[..cut]), score(&text[cut..]));
        if (head > 0.0) == (tail > 0.0) || head.abs() < RUN_EVIDENCE || tail.abs() < RUN_EVIDENCE {
            continue;
        }
        let against =
            |s: &f32, side: f32| (*s > 0.0) != (side > 0.0) && s.abs() >= SENTENCE_EVIDENCE;
        if scores[..k].iter().any(|s| against(s, head))
            || scores[k..].iter().any(|s| against(s, tail))
        {
            continue;
        }
        let margin = head.abs().min(tail.abs());
        if best.is_none_or(|(_, m)| margin > m) {
            best = Some((cut, margin));
        }
    }
    let (cut, _) = best?;
    let number = OPENING_NUMBER.captures(text).map(|c| c[1].to_string());
    let part = |from: usize, to: usize| {
        let mut part = b.clone();
        part.runs = vec![crate::model::Run {
            text: text[from..to].to_string(),
            span: crate::model::Span {
                start: run.span.start + from,
                end: run.span.start + to,
                page: run.span.page,
            },
            glue: false,
        }];
        part
    };
    let mut second = part(cut, text.len());
    if b.row_number.is_none() {
        second.row_number = number;
    }
    Some(vec![part(0, cut), second])
}

/// Below this magnitude a part of a column is not clearly one language.
const COLUMN_PART_EVIDENCE: f32 = 2.0 * RUN_EVIDENCE;

/// Where a run of blocks of one group (a PDF page's column) changes
/// language: `cut[k]` is true where the block at `k` starts a part of
/// its own. A column holds one language in a kk | ru layout, but a page
/// of one column holds the end of one version and the start of the other
/// (the Russian title under the Kazakh text's last clause). A cut is made
/// where the blocks before it and after it are each clearly one language,
/// the two differ, and no block on either side speaks for the other
/// language ([`SENTENCE_EVIDENCE`]), and the block after it speaks for
/// its side; each part is cut again the same way.
fn column_cuts(scores: &[f32], from: usize, to: usize, cut: &mut [bool]) {
    let mut best: Option<(usize, f32)> = None;
    for k in from + 1..to {
        let (head, tail): (f32, f32) = (scores[from..k].iter().sum(), scores[k..to].iter().sum());
        // The part after the cut opens with a block that speaks for its
        // language: lines of no language (a contact line) stay before it.
        if (head > 0.0) == (tail > 0.0)
            || head.abs() < COLUMN_PART_EVIDENCE
            || tail.abs() < COLUMN_PART_EVIDENCE
            || (scores[k] > 0.0) != (tail > 0.0)
            || scores[k].abs() < SENTENCE_EVIDENCE
        {
            continue;
        }
        let against =
            |s: &f32, side: f32| (*s > 0.0) != (side > 0.0) && s.abs() >= SENTENCE_EVIDENCE;
        if scores[from..k].iter().any(|s| against(s, head))
            || scores[k..to].iter().any(|s| against(s, tail))
        {
            continue;
        }
        let margin = head.abs().min(tail.abs());
        if best.is_none_or(|(_, m)| margin > m) {
            best = Some((k, margin));
        }
    }
    if let Some((k, _)) = best {
        cut[k] = true;
        column_cuts(scores, from, k, cut);
        column_cuts(scores, k, to, cut);
    }
}

/// Tag every block with kk or ru, in context.
pub fn tag(blocks: &mut [Block]) {
    let mut units: Vec<Unit> = Vec::new();
    let mut prev_text: Option<String> = None;
    let mut prev_lone = false;
    // (A table cell's too: its column decides it. A PDF column group
    // holds whole paragraphs, whose data lines are read with them.)
    let data = |b: &Block, text: &str| (b.group.is_none() || b.row.is_some()) && is_data_line(text);
    // A data line emits no evidence: its few letters are labels.
    let scores: Vec<f32> = blocks
        .iter()
        .map(|b| {
            let text = b.text();
            if data(b, &text) { 0.0 } else { score(&text) }
        })
        .collect();
    // PDF column groups (not table cells) cut where their language changes.
    let mut cut = vec![false; blocks.len()];
    let same = |a: &Block, b: &Block| a.group.is_some() && a.group == b.group && a.row.is_none();
    let mut start = 0;
    for k in 1..=blocks.len() {
        if k == blocks.len() || !same(&blocks[start], &blocks[k]) {
            if blocks[start].row.is_none() && blocks[start].group.is_some() {
                column_cuts(&scores, start, k, &mut cut);
            }
            start = k;
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        let text = b.text();
        let data = data(b, &text);
        let s = scores[i];
        let cyr = !data && has_evidence(&text);
        let switch = switch_cost(prev_text.as_deref(), prev_lone, &text);
        let marker = crate::tokens::leading_marker(&text).is_some();
        prev_lone = bare_number(&text) && prev_text.as_deref().is_none_or(closed);
        // The same clause number twice in a row («2.2. Телефон…» in
        // Russian, then in Kazakh): the text is interleaved clause by
        // clause, and the second is the other language's.
        let repeat = prev_text
            .as_deref()
            .and_then(number_of)
            .is_some_and(|n| number_of(&text) == Some(n));
        match (b.group, units.last_mut()) {
            (Some(g), Some(u)) if u.grouped && blocks[u.blocks[0]].group == Some(g) && !cut[i] => {
                u.blocks.push(i);
                u.score += s;
                u.cyrillic |= cyr;
            }
            _ => units.push(Unit {
                blocks: vec![i],
                score: s,
                cyrillic: cyr,
                grouped: b.group.is_some(),
                line: b.line,
                row: b.row,
                switch: if repeat { 0.0 } else { switch },
                stay: if repeat { STAY_REPEAT } else { 0.0 },
                open: !closed(&text) && text.chars().nth(OPEN_LEN).is_some(),
                continues: !marker
                    && text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()),
                marker,
                gap: b.gap_before,
            }),
        }
        prev_text = Some(text);
    }
    // A language the author declared (HTML `lang`, a table's language
    // column) is the unit's evidence at full strength, so that its
    // undeclared neighbours read it too.
    for u in &mut units {
        let mut declared = u.blocks.iter().map(|&b| blocks[b].declared_lang);
        if let Some(Some(l)) = declared
            .next()
            .filter(|first| declared.all(|d| d == *first))
        {
            u.score = if l == Lang::Kk { DECLARED } else { -DECLARED };
            u.cyrillic = true;
        }
    }
    let mut langs: Vec<Option<Lang>> = vec![None; units.len()];
    // Table cells: decide by their own evidence, or by their row neighbour.
    for (k, u) in units.iter().enumerate() {
        if u.grouped && u.score.abs() >= WEAK {
            langs[k] = Some(if u.score > 0.0 { Lang::Kk } else { Lang::Ru });
        }
    }
    let same_row = |a: &Unit, b: &Unit| match (a.row, b.row) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.line == b.line,
        _ => false,
    };
    // A table's columns keep their language: the decided cells of each
    // column (its place in its row) vote, for cells a row leaves undecided.
    let mut column = vec![0usize; units.len()];
    for k in 1..units.len() {
        if units[k].grouped && units[k - 1].grouped && same_row(&units[k], &units[k - 1]) {
            column[k] = column[k - 1] + 1;
        }
    }
    let mut votes: HashMap<usize, i32> = HashMap::new();
    for (k, l) in langs.iter().enumerate() {
        // Only the cells of text tables have columns (a PDF column group
        // is a page column, not a table's).
        if units[k].row.is_none() {
            continue;
        }
        if let Some(l) = l {
            *votes.entry(column[k]).or_default() += if *l == Lang::Kk { 1 } else { -1 };
        }
    }
    // A text table is a run of consecutive row cells. It is bilingual
    // (kk | ru side by side) when its decided neighbours in a row differ
    // more often than they agree; a one-language table (a Kazakh rights
    // table inside the Kazakh text) gives a weak cell its neighbour's
    // language, not the other one.
    let mut table = vec![0usize; units.len()];
    for k in 1..units.len() {
        table[k] = table[k - 1] + usize::from(units[k].row.is_none() || units[k - 1].row.is_none());
    }
    let mut agree: HashMap<usize, (usize, usize)> = HashMap::new();
    for k in 1..units.len() {
        if units[k].row.is_some()
            && same_row(&units[k], &units[k - 1])
            && let (Some(a), Some(b)) = (langs[k - 1], langs[k])
        {
            let e = agree.entry(table[k]).or_default();
            if a == b {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    let one_language = |k: usize| {
        agree
            .get(&table[k])
            .is_some_and(|&(same, other)| same > other)
    };
    for k in 0..units.len() {
        if !units[k].grouped || langs[k].is_some() {
            continue;
        }
        let neighbour = [k.wrapping_sub(1), k + 1]
            .into_iter()
            .filter(|&n| n < units.len() && units[n].grouped && same_row(&units[n], &units[k]))
            .find_map(|n| langs[n]);
        let vote = if units[k].row.is_some() {
            votes.get(&column[k]).copied().unwrap_or(0)
        } else {
            0
        };
        // A weak paragraph of a PDF column (a contact line) is in the
        // language of the column's paragraph before it, or after it.
        let column_neighbour = || {
            if units[k].row.is_some() {
                return None;
            }
            let g = blocks[units[k].blocks[0]].group;
            let same = |n: &usize| blocks[units[*n].blocks[0]].group == g && units[*n].grouped;
            (0..k)
                .rev()
                .filter(same)
                .find_map(|n| langs[n])
                .or_else(|| (k + 1..units.len()).filter(same).find_map(|n| langs[n]))
        };
        let column = if neighbour.is_none() && vote == 0 {
            column_neighbour()
        } else {
            None
        };
        let across = neighbour.map(|l| if one_language(k) { l } else { l.counterpart() });
        langs[k] = Some(match across.or(column) {
            Some(l) => l,
            None if vote != 0 => {
                if vote > 0 {
                    Lang::Kk
                } else {
                    Lang::Ru
                }
            }
            None if units[k].score > 0.0 => Lang::Kk,
            None => Lang::Ru,
        });
    }
    // Untabled runs: Viterbi over consecutive units.
    let mut k = 0;
    while k < units.len() {
        if units[k].grouped {
            k += 1;
            continue;
        }
        let start = k;
        while k < units.len() && !units[k].grouped {
            k += 1;
        }
        if !weigh_alternating_lines(&mut units[start..k]) {
            weigh_blank_lines(&mut units[start..k]);
        }
        let run = &units[start..k];
        for (offset, lang) in viterbi(run).into_iter().enumerate() {
            langs[start + offset] = Some(lang);
        }
    }
    for (u, lang) in units.iter().zip(langs) {
        let lang = lang.unwrap_or(Lang::Ru);
        for &b in &u.blocks {
            blocks[b].lang = blocks[b].declared_lang.unwrap_or(lang);
        }
    }
    // A PDF paragraph's last words wrapped into a block of their own (the
    // line below fell in another column band): a short tail, starting no
    // paragraph, is the wrapped paragraph's, whatever its letters say (a
    // Kazakh surname closing a Russian signature line). The tail lies
    // below the paragraph on its page: the first lines of the next page,
    // or of the next column at the top of the page, are no tail (a kk | ru
    // table row cut by a page: «клиенттің деректері берілмейді.» on page 2
    // after the Russian column of page 1).
    for i in 1..blocks.len() {
        let (before, after) = blocks.split_at_mut(i);
        let (p, b) = (&before[i - 1], &mut after[0]);
        let spoken = |l: Lang| matches!(l, Lang::Kk | Lang::Ru);
        // bbox: [x0, y0, x1, y1], PDF points, y up.
        let below = matches!((p.bbox, b.bbox), (Some(pb), Some(bb)) if bb[3] <= pb[1] + 2.0);
        if below
            && p.page == b.page
            && spoken(p.lang)
            && spoken(b.lang)
            && p.ends_wrapped
            && !b.starts_paragraph
            && b.declared_lang.is_none()
            && b.lang != p.lang
            && is_tail(&b.text())
        {
            b.lang = p.lang;
        }
    }
}

/// Whether a text is no more than a wrapped line's tail: at most three
/// words and 40 characters.
fn is_tail(text: &str) -> bool {
    text.split_whitespace().count() <= 3 && text.chars().count() <= 40
}

/// A unit, or a block of units between blank lines, whose evidence is at
/// least this strong is clearly of one language.
const CLEAR: f32 = 3.0;
/// Extra cost of switching language inside a block of lines set apart by
/// blank lines, where such blocks each hold one language.
const SWITCH_IN_BLOCK: f32 = 2.0;
/// Cost of keeping the language across a blank line where the blocks
/// alternate between the languages: more than the penalty of starting a
/// clause while the other language's last line is open ([`OPEN_PENALTY`]),
/// which a contact line without final punctuation («…даңғылы, 21») is.
const STAY_ACROSS_BLANK: f32 = 2.0;

/// Blank lines as evidence, in a run of untabled units. Where the blocks
/// they set apart each hold one language (no block has lines clearly of
/// both), a switch inside a block costs more: a weak heading or data line
/// («2. Байланыс», «E-mail: …») stays in the block it sits in rather than
/// start the other language's text early. Where, moreover, the clear
/// blocks alternate kk/ru (text interleaved block by block), a switch at a
/// blank line is free and staying costs: a block with little or no
/// language of its own («Реквизиты» and the BIN, IBAN, phone and e-mail
/// lines under it) continues the alternation.
fn weigh_blank_lines(run: &mut [Unit]) {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, u) in run.iter().enumerate().skip(1) {
        if u.gap {
            blocks.push((start, i));
            start = i;
        }
    }
    blocks.push((start, run.len()));
    if blocks.len() < 2 {
        return;
    }
    let mut mixed = 0;
    let mut clear: Vec<bool> = Vec::new();
    for &(a, b) in &blocks {
        let units = run[a..b].iter().filter(|u| u.cyrillic);
        let (mut kk, mut ru, mut sum) = (false, false, 0.0f32);
        for u in units {
            kk |= u.score >= CLEAR;
            ru |= u.score <= -CLEAR;
            sum += u.score;
        }
        mixed += usize::from(kk && ru);
        if sum.abs() >= CLEAR {
            clear.push(sum > 0.0);
        }
    }
    if clear.is_empty() || mixed * 10 > clear.len() {
        return;
    }
    let switches = clear.windows(2).filter(|w| w[0] != w[1]).count();
    let alternating = switches >= 1 && switches * 5 >= (clear.len() - 1) * 4;
    for &(a, b) in &blocks {
        for u in &mut run[a + 1..b] {
            u.switch += SWITCH_IN_BLOCK;
        }
        if a > 0 && alternating {
            run[a].switch = 0.0;
            run[a].stay += STAY_ACROSS_BLANK;
        }
    }
}

/// Text that alternates language line by line (a Kazakh sentence, its
/// Russian sentence, the next Kazakh one …): where at least
/// [`ALTERNATING_PAIRS`] pairs of neighbouring units both speak clearly
/// and four in five of them differ, a unit that starts a sentence
/// switches for free and staying costs, so that a weak line («Деректер
/// шетелге берілмейді.») keeps its place in the alternation. A unit that
/// continues a sentence keeps its costs. Returns whether it applied.
fn weigh_alternating_lines(run: &mut [Unit]) -> bool {
    let clear = |u: &Unit| u.cyrillic && u.score.abs() >= CLEAR;
    let (mut pairs, mut differ) = (0usize, 0usize);
    for w in run.windows(2) {
        if clear(&w[0]) && clear(&w[1]) {
            pairs += 1;
            differ += usize::from((w[0].score > 0.0) != (w[1].score > 0.0));
        }
    }
    if pairs < ALTERNATING_PAIRS || differ * 5 < pairs * 4 {
        return false;
    }
    for u in run.iter_mut().skip(1) {
        if !u.continues {
            u.switch = 0.0;
            u.stay += STAY_ACROSS_BLANK;
        }
    }
    true
}

/// How many clear neighbouring pairs show that text alternates by line.
const ALTERNATING_PAIRS: usize = 8;

/// Viterbi over units, with four states: the language of the unit, and
/// whether the other language's last unit was cut in mid-sentence. A
/// switch into a language whose sentence was cut is cheap for a unit that
/// continues a sentence and dear for one that starts a clause: a paragraph
/// cut at a page end goes on after the other language's page, not a new
/// clause («1.3. … жүзеге» / ru page / «асырылады.»). Units with no word of
/// ours (Cyrillic or Latin Kazakh) emit nothing. Linear in the units.
fn viterbi(units: &[Unit]) -> Vec<Lang> {
    if units.is_empty() {
        return Vec::new();
    }
    const STATES: [Lang; 2] = [Lang::Kk, Lang::Ru];
    let emit = |u: &Unit, s: usize| -> f32 {
        if !u.cyrillic {
            return 0.0;
        }
        let e = (u.score / 2.0).clamp(-6.0, 6.0);
        if s == 0 { e } else { -e }
    };
    // State index: language * 2 + (other language's last unit open).
    let mut best = [f32::NEG_INFINITY; 4];
    best[0] = emit(&units[0], 0);
    best[2] = emit(&units[0], 1);
    let mut back: Vec<[usize; 4]> = vec![[0, 1, 2, 3]];
    for k in 1..units.len() {
        let u = &units[k];
        let cut = usize::from(units[k - 1].open);
        let mut next = [f32::NEG_INFINITY; 4];
        let mut from = [0usize; 4];
        let mut relax = |to: usize, score: f32, src: usize| {
            if score > next[to] {
                next[to] = score;
                from[to] = src;
            }
        };
        // Stays first, so that a tie keeps the language.
        for (src, &b) in best.iter().enumerate() {
            relax(src, b - u.stay + emit(u, src / 2), src);
        }
        for (src, &b) in best.iter().enumerate() {
            let (s, other_open) = (src / 2, src % 2 == 1);
            let adjust = match (other_open, u.continues, u.marker) {
                (true, true, _) => -OPEN_BONUS,
                (true, _, true) => OPEN_PENALTY,
                _ => 0.0,
            };
            let t = 1 - s;
            relax(t * 2 + cut, b - u.switch - adjust + emit(u, t), src);
        }
        best = next;
        back.push(from);
    }
    // The last of equal maxima: a tie ends in Russian, as it always has.
    let mut state = (0..4)
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .unwrap_or(0);
    let mut out = vec![Lang::Ru; units.len()];
    for i in (0..units.len()).rev() {
        out[i] = STATES[state / 2];
        state = back[i][state];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_named_alone_or_qualifying_a_text_column() {
        assert_eq!(named("Қазақша"), Some(Lang::Kk));
        assert_eq!(named("Текст (каз.)"), Some(Lang::Kk));
        assert_eq!(named("Текст (рус.)"), Some(Lang::Ru));
        assert_eq!(named("Мәтін (орыс.)"), Some(Lang::Ru));
        assert_eq!(named("Text [kk]"), Some(Lang::Kk));
        assert_eq!(named("Текст"), None);
        assert_eq!(named("Текст договора"), None);
    }
    use crate::model::{BlockHint, Run, Span};

    #[test]
    fn detect_table() {
        let cases = [
            ("Дербес деректерді жинау және өңдеу", Lang::Kk),
            ("Сбор и обработка персональных данных", Lang::Ru),
            ("ЖШС", Lang::Kk),
            ("персональных данных", Lang::Ru),
            (
                "Пайдалануышлардың дербес деректері тек қана электрондық",
                Lang::Kk,
            ),
            ("1. Жалпы ережелер", Lang::Kk),
            ("https://timezaim.kz", Lang::Other),
            ("ProLeads", Lang::Other),
            ("ГЛОССАРИЙ", Lang::Ru),
            // A Kazakh company name quoted in a Russian line.
            ("ТОО «МФО «Үлгі Қаржы»", Lang::Ru),
            ("«Үлгі Қаржы» МҚҰ» ЖШС", Lang::Kk),
            // One closing mark ends both open quotes.
            (
                "ТОО «МФО «Сенім Қаржы» ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ",
                Lang::Ru,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
    }

    fn block(text: &str, group: Option<u32>, line: usize) -> Block {
        let mut b = Block::new(
            vec![Run {
                text: text.into(),
                span: Span::new(0, text.len()),
                glue: false,
            }],
            BlockHint::Text,
            line,
        );
        b.group = group;
        b
    }

    #[test]
    fn a_bilingual_title_line_is_split_by_language() {
        let b = block("Политика конфиденциальности / Құпиялылық саясаты", None, 1);
        let parts = split_bilingual(vec![b]);
        let texts: Vec<String> = parts.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            vec!["Политика конфиденциальности /", "Құпиялылық саясаты"]
        );
        assert_eq!(parts[0].runs[0].span.end, parts[1].runs[0].span.start);
        // A slash inside one language is left alone.
        let b = block("персональные данные / сведения о субъекте", None, 1);
        assert_eq!(split_bilingual(vec![b]).len(), 1);
        // A short Russian part leans only a little (blind8i's CSV sections).
        let b = block("1. Құжаттың мәні / 1. Предмет документа", None, 1);
        let texts: Vec<String> = split_bilingual(vec![b]).iter().map(Block::text).collect();
        assert_eq!(texts, ["1. Құжаттың мәні /", "1. Предмет документа"]);
    }

    #[test]
    fn a_paragraph_of_russian_then_kazakh_sentences_is_split() {
        let text = "1.1. Настоящая Политика определяет порядок сбора и защиты данных клиентов. \
                    Осы Саясат клиенттердің дербес деректерін жинау және қорғау тәртібін айқындайды.";
        let parts = split_bilingual(vec![block(text, None, 1)]);
        let texts: Vec<String> = parts.iter().map(Block::text).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].ends_with("клиентов."), "{texts:?}");
        assert!(texts[1].starts_with("Осы Саясат"), "{texts:?}");
        // Every byte in one part, and the Kazakh part numbered by the
        // paragraph's clause number.
        assert_eq!(parts[0].runs[0].span.end, parts[1].runs[0].span.start);
        assert_eq!(parts[1].runs[0].span.end, text.len());
        assert_eq!(parts[1].row_number.as_deref(), Some("1.1."));
        assert_eq!(parts[0].row_number, None);
        // A Kazakh paragraph that names a Russian title in passing, and a
        // paragraph of one language only, stay whole.
        for whole in [
            "Саясат «О персональных данных и их защите» Заңына сәйкес әзірленді. Деректер Қазақстанда сақталады.",
            "МФО обрабатывает данные клиентов. Данные хранятся пять лет. Запросы направляются по почте.",
        ] {
            assert_eq!(
                split_bilingual(vec![block(whole, None, 1)]).len(),
                1,
                "{whole}"
            );
        }
    }

    #[test]
    fn text_alternating_by_line_keeps_a_weak_line_in_the_alternation() {
        let pairs = [
            (
                "Деректер сервердегі дерекқорда сақталады.",
                "Данные хранятся в базе данных на сервере.",
            ),
            ("Біз деректеріңізді шифрлаймыз.", "Мы шифруем ваши данные."),
            (
                "Сіз деректерді білуге құқылысыз.",
                "Вы вправе знать о своих данных.",
            ),
            (
                "Деректер шетелге берілмейді.",
                "Данные за границу не передаются.",
            ),
            (
                "Өтініш он жұмыс күні ішінде қаралады.",
                "Обращение рассматривается в течение десяти рабочих дней.",
            ),
            (
                "Келісімді кері қайтарып алуға болады.",
                "Согласие можно отозвать.",
            ),
            (
                "Сұрақтарды электрондық поштаға жіберіңіз.",
                "Вопросы направляйте на электронную почту.",
            ),
            (
                "Саясат сайтта жарияланады.",
                "Политика публикуется на сайте.",
            ),
            (
                "Қызметкерлер құпиялылықты сақтайды.",
                "Работники соблюдают конфиденциальность.",
            ),
        ];
        let mut blocks = Vec::new();
        for (i, (kk, ru)) in pairs.iter().enumerate() {
            blocks.push(block(kk, None, 2 * i + 1));
            blocks.push(block(ru, None, 2 * i + 2));
        }
        tag(&mut blocks);
        let langs: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        let want: Vec<Lang> = (0..blocks.len())
            .map(|i| if i % 2 == 0 { Lang::Kk } else { Lang::Ru })
            .collect();
        assert_eq!(langs, want);
    }

    #[test]
    fn ambiguous_line_takes_its_context() {
        let mut blocks = vec![
            block("МФО имеет право в любое время в", None, 1),
            block("Сайт", None, 2),
            block("одностороннем порядке изменять", None, 3),
            block("Саясатқа енгізілген барлық өзгерістер", None, 4),
            block("МҚҰ сайттарында", None, 5),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, vec![Lang::Ru, Lang::Ru, Lang::Ru, Lang::Kk, Lang::Kk]);
    }

    #[test]
    fn data_lines() {
        let cases = [
            ("Телефон: +7 727 000-00-00", true),
            ("- Email: info@example.kz", true),
            ("2.4. Сайт: www.mysal-karzhy.kz.", true),
            ("Адрес: г. Алматы, пр. Абая, 10.", true),
            ("Адрес: г. Алматы, ул. Ауэзова, д. 14А.", false),
            ("БИН 123456789012", true),
            ("IBAN KZ12 3456 7890 1234 5678", true),
            ("Мекенжайы: Алматы қ., Әуезов к-сі, 14А үй.", false),
            ("Закона № 94-V.", false),
            ("8 Закона, при этом соблюдаются случаи", false),
            ("Наши контакты", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_data_line(text), want, "{text}");
        }
    }

    #[test]
    fn data_lines_stay_in_their_block() {
        let mut blocks = vec![
            block("2.1. Мекенжайы: Алматы қ., Абай даңғылы, 10.", None, 1),
            block("2.2. Телефон: 8 (727) 300-00-00.", None, 2),
            block("2.3. E-mail: privacy@mysal-karzhy.kz.", None, 3),
            block("ТОО «МФО «Мысал Қаржы»", None, 4),
            block("ПОЛИТИКА ОБРАБОТКИ ПЕРСОНАЛЬНЫХ ДАННЫХ", None, 5),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, vec![Lang::Kk, Lang::Kk, Lang::Kk, Lang::Ru, Lang::Ru]);
    }

    /// Blocks set apart by blank lines: `(text, blank line before)`.
    fn spaced(lines: &[(&str, bool)]) -> Vec<Block> {
        lines
            .iter()
            .enumerate()
            .map(|(i, &(text, gap))| {
                let mut b = block(text, None, i + 1);
                b.gap_before = gap;
                b
            })
            .collect()
    }

    #[test]
    fn blocks_between_blank_lines_keep_one_language() {
        // A weak heading and a data line at the end of the Kazakh block do
        // not start the Russian text: it starts after the blank line.
        let mut blocks = spaced(&[
            (
                "1.1. Дербес деректер шарт аяқталғаннан кейін 3 жыл сақталады.",
                false,
            ),
            ("2. Байланыс", false),
            ("2.1. E-mail: privacy@tulpar.kz", false),
            ("ТОО «Тұлпар Финанс»", true),
            ("ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ", false),
            (
                "1.1. Персональные данные хранятся в течение 3 лет после окончания договора.",
                false,
            ),
        ]);
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        use Lang::{Kk, Ru};
        assert_eq!(got, vec![Kk, Kk, Kk, Ru, Ru, Ru]);
    }

    #[test]
    fn blocks_with_little_language_follow_the_alternation() {
        // ru, kk, then a requisites block in each language: the BIN, IBAN,
        // phone and e-mail lines have no language, the headings little.
        let mut blocks = spaced(&[
            (
                "1.1. Персональные данные хранятся в течение пяти лет.",
                false,
            ),
            ("1.1. Дербес деректер бес жыл бойы сақталады.", true),
            ("Реквизиты", true),
            ("БИН 200840011223", false),
            ("IBAN KZ33 826A 1KZT 0000 7754", false),
            ("info@bereke-finance.kz", false),
            ("Деректемелер", true),
            ("БСН 200840011223", false),
            ("IBAN KZ33 826A 1KZT 0000 7754", false),
            ("info@bereke-finance.kz", false),
        ]);
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        use Lang::{Kk, Ru};
        assert_eq!(got, vec![Ru, Kk, Ru, Ru, Ru, Ru, Kk, Kk, Kk, Kk]);
        // Blocks that each hold both languages say nothing: a clause
        // interleaved pair by pair keeps switching at its numbers.
        let mut blocks = spaced(&[
            ("1.1. Дербес деректер бес жыл бойы сақталады.", false),
            (
                "1.1. Персональные данные хранятся в течение пяти лет.",
                false,
            ),
            ("1.2. Деректер Қазақстанда сақталады.", true),
            ("1.2. Данные хранятся в Казахстане.", false),
        ]);
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, vec![Kk, Ru, Kk, Ru]);
    }

    #[test]
    fn a_repeated_number_switches_language() {
        // Interleaved clause by clause, contacts written alike.
        let mut blocks = vec![
            block("2.1. Адрес: г. Алматы, пр. Абая, 10, офис МФО.", None, 1),
            block("2.1. Мекенжайы: Алматы қ., Абай даңғылы, 10.", None, 2),
            block("2.2. Телефон: 8 (727) 300-00-00.", None, 3),
            block("2.2. Телефон: 8 (727) 300-00-00.", None, 4),
            block("2.3. Обращения рассматриваются в течение 10 дней.", None, 5),
            block("2.3. Өтініштер 10 күн ішінде қаралады.", None, 6),
        ];
        tag(&mut blocks);
        // Each language gets one of each pair (which copy of the identical
        // 2.2 is which does not matter).
        for pair in blocks.chunks(2) {
            assert_ne!(pair[0].lang, pair[1].lang, "{:?}", pair[0].text());
        }
        assert_eq!(blocks[0].lang, Lang::Ru);
        assert_eq!(blocks[5].lang, Lang::Kk);
    }

    #[test]
    fn a_lone_clause_number_goes_with_its_text() {
        let mut blocks = vec![
            block("2.3. Деректер МҚҰ серверлерінде сақталады.", None, 1),
            block("3.", None, 2),
            block("Деректерді сақтау мерзімі", None, 3),
            block("3.1. Деректер бес жыл бойы сақталады.", None, 4),
        ];
        tag(&mut blocks);
        assert!(blocks.iter().all(|b| b.lang == Lang::Kk));
        let mut blocks = vec![
            block("2.3. Деректер МҚҰ серверлерінде сақталады.", None, 1),
            block("3.", None, 2),
            block("Сроки хранения данных", None, 3),
            block("3.1. Данные хранятся в течение пяти лет.", None, 4),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, vec![Lang::Kk, Lang::Ru, Lang::Ru, Lang::Ru]);
    }

    /// A page of one column holds the end of the Kazakh version and the
    /// start of the Russian one: the column is cut where its language
    /// changes (heldout_legal16, a LibreOffice PDF whose Russian title and
    /// first clauses were read as Kazakh with the page's Kazakh half); a
    /// Kazakh column's line without a Kazakh letter stays in the column.
    #[test]
    fn a_column_that_changes_language_is_cut_where_it_changes() {
        let g = Some(2 * 16);
        let mut blocks = vec![
            block(
                "6.7. МҚҰ жеке басын куәландыратын құжаттардың қағаз көшірмелерін жинамайды.",
                g,
                1,
            ),
            block("7. Қорытынды ережелер", g, 2),
            block(
                "7.1. Мәселелер Қазақстан Республикасының заңнамасына сәйкес шешіледі.",
                g,
                3,
            ),
            block("Телефон: +7 727 355 00 11", g, 4),
            block(
                "Политика обработки и защиты персональных данных ТОО «МФО «Коктерек»",
                g,
                5,
            ),
            block("1. Общие положения", g, 6),
            block(
                "1.1. Настоящая Политика определяет порядок сбора, обработки и защиты персональных данных.",
                g,
                7,
            ),
            block(
                "1.2. Политика разработана в соответствии с Законом Республики Казахстан.",
                g,
                8,
            ),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        use Lang::{Kk, Ru};
        assert_eq!(got, [Kk, Kk, Kk, Kk, Ru, Ru, Ru, Ru]);
        // One Russian-looking line in a Kazakh column is no change of language.
        let mut blocks = vec![
            block(
                "1.1. Осы Саясат дербес деректерді жинау тәртібін айқындайды.",
                g,
                1,
            ),
            block("«О персональных данных и их защите»", g, 2),
            block("1.2. Саясат МҚҰ-ның сайтында жарияланады.", g, 3),
        ];
        tag(&mut blocks);
        assert!(blocks.iter().all(|b| b.lang == Kk));
    }

    #[test]
    fn weak_cell_takes_the_opposite_of_its_row_neighbour() {
        let mut blocks = vec![
            block("Сайт", Some(1), 7),
            block("Интернет-ресурс МФО по адресу www.dossym.kz", Some(1), 7),
            block("Сайт", Some(2), 7),
        ];
        tag(&mut blocks);
        assert_eq!(blocks[0].lang, Lang::Ru);
        assert_eq!(blocks[2].lang, Lang::Kk);
    }

    #[test]
    fn a_wrapped_tail_of_a_pdf_paragraph_keeps_its_language() {
        let mut blocks = vec![
            block(
                "Сотрудник, ответственный за работу с персональными данными, __________ А. Е.",
                Some(47),
                1,
            ),
            block("Нұрланова", Some(32), 2),
            block(
                "«АҚЖАЙЫҚ КАПИТАЛ» МҚҰ» ЖШС ҚАРЫЗ АЛУШЫЛАРДЫҢ ДЕРБЕС ДЕРЕКТЕРІНЕ ҚАТЫСТЫ САЯСАТЫ",
                Some(48),
                3,
            ),
        ];
        for b in &mut blocks {
            b.bbox = Some([0.0; 4]);
        }
        blocks[0].ends_wrapped = true;
        blocks[1].starts_paragraph = false;
        blocks[2].starts_paragraph = true;
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, [Lang::Ru, Lang::Ru, Lang::Kk]);
        // A paragraph of its own keeps its own letters' language.
        blocks[0].ends_wrapped = false;
        tag(&mut blocks);
        assert_eq!(blocks[1].lang, Lang::Kk);
        // So does the first line of the next page, or one above the
        // paragraph (the top of the next column): no tail.
        blocks[0].ends_wrapped = true;
        (blocks[0].page, blocks[1].page) = (Some(1), Some(2));
        tag(&mut blocks);
        assert_eq!(blocks[1].lang, Lang::Kk);
        blocks[1].page = Some(1);
        (blocks[0].bbox, blocks[1].bbox) = (
            Some([57.0, 60.0, 290.0, 200.0]),
            Some([310.0, 760.0, 400.0, 772.0]),
        );
        tag(&mut blocks);
        assert_eq!(blocks[1].lang, Lang::Kk);
        blocks[1].bbox = Some([57.0, 46.0, 120.0, 58.0]);
        tag(&mut blocks);
        assert_eq!(blocks[1].lang, Lang::Ru, "right below it: a tail");
    }

    #[test]
    fn a_wrapped_company_name_stays_in_its_title() {
        // The Russian title wraps inside the name, whose letters are Kazakh.
        let mut blocks = vec![
            block(
                "ПОЛИТИКА ЗАЩИТЫ ПЕРСОНАЛЬНЫХ ДАННЫХ ТОО «МИКРОФИНАНСОВАЯ ОРГАНИЗАЦИЯ",
                None,
                1,
            ),
            block("\"ЖІБЕК ҚАДАМ\"»", None, 2),
            block(
                "Утверждена приказом директора от 14 апреля 2025 года.",
                None,
                3,
            ),
            block(
                "Осы Саясат дербес деректерді қорғау тәртібін белгілейді.",
                None,
                4,
            ),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, [Lang::Ru, Lang::Ru, Lang::Ru, Lang::Kk]);
        // Words in straight quotes weigh as names do.
        assert!(score("\"ЖІБЕК ҚАДАМ\"").abs() < score("ЖІБЕК ҚАДАМ").abs());
    }

    #[test]
    fn cells_of_a_table_row_without_language_keep_their_column() {
        // kk | ru rows, then a requisites row whose cells say nothing.
        let mut blocks = Vec::new();
        for (row, (kk, ru)) in [
            (
                "Компания дербес деректерді өңдейді.",
                "Компания обрабатывает персональные данные.",
            ),
            (
                "Субъектінің құқықтары қорғалады.",
                "Права субъекта защищены.",
            ),
            ("БСН 220340015678", "БИН 220340015678"),
            (
                "Тел.: +7 (7172) 64-20-20, дс–жм 09:30–18:30",
                "Тел.: +7 (7172) 64-20-20, пн–пт 9:30–18:30",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let row = u32::try_from(row).unwrap();
            for (col, text) in [kk, ru].into_iter().enumerate() {
                let mut b = block(text, Some(10 * row + u32::try_from(col).unwrap()), 1);
                b.row = Some(row);
                blocks.push(b);
            }
        }
        tag(&mut blocks);
        assert_eq!(blocks[4].lang, Lang::Kk, "{}", blocks[4].text());
        assert_eq!(blocks[5].lang, Lang::Ru, "{}", blocks[5].text());
        assert_eq!(blocks[6].lang, Lang::Kk, "{}", blocks[6].text());
        assert_eq!(blocks[7].lang, Lang::Ru, "{}", blocks[7].text());
    }

    #[test]
    fn a_weak_cell_of_a_one_language_table_keeps_its_row_s_language() {
        // A Kazakh rights table | right | how |: «Саясатпен танысу» has no
        // Kazakh-only letter, but its row and its table are Kazakh.
        let mut blocks = Vec::new();
        for (row, cells) in [
            ["Деректерді өзгерту және толықтыру", "Өтініш жіберу арқылы"],
            ["Заңсыз жиналған деректерді жою", "Жазбаша өтініш"],
            ["Саясатпен танысу", "tumar.kz сайтындағы «Құжаттар» бөлімі"],
        ]
        .into_iter()
        .enumerate()
        {
            let row = u32::try_from(row).unwrap();
            for (col, text) in cells.into_iter().enumerate() {
                let mut b = block(text, Some(10 * row + u32::try_from(col).unwrap()), 1);
                b.row = Some(row);
                blocks.push(b);
            }
        }
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, [Lang::Kk; 6]);
    }

    #[test]
    fn a_weak_paragraph_of_a_pdf_column_takes_the_column_s_language() {
        // A PDF column (one group per column of a page, no table rows):
        // the contact lines say nothing of their language.
        let mut blocks = vec![
            block("6.4. Серіктестіктің байланыс деректері:", Some(32), 1),
            block(
                "Заңды мекенжайы: 080000, Жамбыл облысы, Тараз қ.",
                Some(47),
                2,
            ),
            block("Телефон: 8 (7262) 45-19-19", Some(32), 3),
            block("E-mail: privacy@moiynkum-credit.kz", Some(32), 4),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, [Lang::Kk; 4]);
    }

    #[test]
    fn latin_kazakh_is_kazakh_english_is_nobody_s() {
        let cases = [
            ("Derbes derekterdı öñdeu tärtıbı", Lang::Kk),
            ("Subekt kelısımın kerı şaqyruğa qūqyly", Lang::Kk),
            // The 2018 apostrophe alphabet.
            ("Derbes derekterdi o'n'deu ta'rtibi", Lang::Kk),
            ("Qazaqstan Respublikasy", Lang::Kk),
            (
                "This Policy sets out how the Company processes personal data",
                Lang::Other,
            ),
            (
                "The user may withdraw consent at any time; don't worry, it's fine",
                Lang::Other,
            ),
            ("Iraq", Lang::Other),
            ("«QazCredit»", Lang::Other),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
        assert_eq!(latin_kazakh("jäne"), WORD_KK_LATIN);
        assert_eq!(latin_kazakh("қазақ"), 0.0);
        assert_eq!(latin_kazakh("you've"), 0.0);
    }

    #[test]
    fn a_latin_kazakh_block_is_tagged_kazakh_beside_russian() {
        let mut blocks = vec![
            block("1. Jalpy erejeler", None, 1),
            block(
                "1.1. Osy Saiasat klientterınıñ derbes derekterın öñdeu tärtıbın belgıleidı.",
                None,
                2,
            ),
            block("1. Общие положения", None, 3),
            block(
                "1.1. Настоящая Политика определяет порядок обработки данных.",
                None,
                4,
            ),
        ];
        tag(&mut blocks);
        let got: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(got, vec![Lang::Kk, Lang::Kk, Lang::Ru, Lang::Ru]);
    }

    #[test]
    fn a_declared_language_is_the_authors_word() {
        // Alternating kk/ru paragraphs whose text is the same in both
        // languages or reads as the other one: the declaration decides.
        let texts = [
            ("Компания деректерді қорғайды.", Some(Lang::Kk)),
            ("Компания защищает данные.", Some(Lang::Ru)),
            ("БСН 190540012345", Some(Lang::Kk)),
            ("БИН 190540012345", Some(Lang::Ru)),
            ("Директор __________ Р. Т. Оспанов", Some(Lang::Kk)),
            ("Директор __________ Р. Т. Оспанов", Some(Lang::Ru)),
            (
                "Телефон: +7 (7112) 50-40-30, пн–пт 8:30–17:30",
                Some(Lang::Kk),
            ),
            ("Обращения принимаются по телефону.", None),
        ];
        let mut at = 0;
        let mut blocks: Vec<Block> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, declared))| {
                let mut b = Block::new(
                    vec![Run {
                        text: (*t).into(),
                        span: Span::new(at, at + t.len()),
                        glue: false,
                    }],
                    BlockHint::Text,
                    i + 1,
                );
                b.starts_paragraph = true;
                b.declared_lang = *declared;
                at += t.len() + 1;
                b
            })
            .collect();
        tag(&mut blocks);
        let langs: Vec<Lang> = blocks.iter().map(|b| b.lang).collect();
        assert_eq!(
            langs[..7],
            [
                Lang::Kk,
                Lang::Ru,
                Lang::Kk,
                Lang::Ru,
                Lang::Kk,
                Lang::Ru,
                Lang::Kk
            ]
        );
        // An undeclared block is still read from its own text.
        assert_eq!(langs[7], Lang::Ru);
    }
}
