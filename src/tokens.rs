//! The lexical primitives every stage shares: letter classes with fast
//! paths for ASCII and Cyrillic, the one tokenizer (runs of a character
//! class, with byte ranges), clause numbering markers, abbreviations whose
//! dot ends no sentence, and cutting text for quotes.
//!
//! Invariants: every byte range returned lies on character boundaries of
//! the text it was taken from; tokens are in text order and never overlap.
//! Nothing here knows a pipeline stage: stages depend on this module, never
//! the reverse.

use std::sync::LazyLock;

use regex::Regex;

/// Letters that only Kazakh (of the two languages) writes.
pub const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// `char::is_alphabetic`, with fast paths for ASCII and Cyrillic (the
/// general Unicode table lookup dominated profiles of Cyrillic text).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_cyrillic(c) {
        // U+0482..U+0489: a sign and combining marks, not letters.
        !('\u{0482}'..='\u{0489}').contains(&c)
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric` with the same fast paths.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

/// A letter or sign of the Cyrillic block (Russian and Kazakh letters).
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// A clause number or item marker at the start of a text (after an
/// optional bullet), then whitespace, then the first character after it.
static MARKER_THEN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[•·▪◦●■\-–—*]\s+)?(\(?(?:[0-9]{1,2}|[a-zа-яәіңғүұқөһ])\)|\d{1,3}(?:\.\d{1,3})+\)|\d{1,3}(?:\.\d{1,3})*\.?|[IVXLCІХС]{1,6}\.|(?i:статья|глава|раздел|вопрос|§)\s*\d{1,3}\.?|\d{1,3}\s*-\s*(?:бап|тарау|бөлім|сұрақ)\.?|(?i:п\.|пункт)\s*\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}(?:\.\d{1,3})+\s*-\s*(?:т\.|тармақ\.?))(?:\s+|$)(\S?)",
    )
    .expect("marker regex")
});

/// Does the text start with a structural marker (number, item)? Returns the
/// first character after it, if any. A bare number without a dot is not a
/// marker ("18 жасқа").
pub fn leading_marker(text: &str) -> Option<Option<char>> {
    let c = MARKER_THEN_WORD.captures(text)?;
    let marker = c.get(1)?.as_str();
    if marker.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    Some(c.get(2).and_then(|m| m.as_str().chars().next()))
}

/// Abbreviations whose dot does not end a sentence («п.», «ст.», «ж.»,
/// «г. Алматы», «ул.», «пр.»).
const ABBREVIATIONS: &[&str] = &[
    "п", "пп", "ст", "г", "гг", "ж", "жж", "см", "тел", "тг", "руб", "млн", "млрд", "др", "пр",
    "стр", "б", "т", "қ", "ул", "обл", "мкр", "д", "кв", "каб", "көш", "даң",
];

/// Is this word (without its dot) an abbreviation whose dot does not end a
/// sentence?
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&lowercase(word).as_str())
}

/// Words that come after a hyphen as a particle, not as a word's tail:
/// «сондай-ақ», «кто-то», «что-либо», «где-нибудь».
const HYPHEN_PARTICLES: &[&str] = &["ақ", "ау", "мыс", "то", "либо", "нибудь", "таки", "ка"];

/// First halves of hyphenated compounds: «интернет-ресурс», «веб-сайт»,
/// «смс-хабарлама», «ата-ана», «іс-шара», «аты-жөні», «есеп-шот»,
/// «информационно-коммуникационный», «организационно-правовой».
const HYPHEN_HEADS: &[&str] = &[
    "интернет",
    "веб",
    "онлайн",
    "офлайн",
    "бизнес",
    "смс",
    "пин",
    "пресс",
    "медиа",
    "видео",
    "фото",
    "аудио",
    "вице",
    "экс",
    "кое",
    "ата",
    "іс",
    "аты",
    "есеп",
    "мекен",
    "жеке",
    "кез",
    "әр",
    "информационно",
    "организационно",
    "программно",
    "финансово",
    "технико",
    "научно",
    "социально",
    "нормативно",
    "платежно",
    "кредитно",
    "расчетно",
    "материально",
    "административно",
    "гражданско",
    "уголовно",
    "юго",
    "северо",
];

/// Kazakh endings that start the tail of a word broken after a derived
/// adjective («қауіпсіздік-» + «терді»), so the two halves are one word.
const KK_TAIL_SUFFIXES: &[&str] = &[
    "тер", "тар", "дер", "дар", "лер", "лар", "тің", "тың", "дің", "дың", "нің", "ның", "ке", "ге",
    "қа", "ға", "те", "та", "де", "да", "ті", "ты", "ді", "ды", "ні", "ны", "пен", "бен", "мен",
    "сыз", "сіз", "тан", "тен", "дан", "ден", "нан", "нен",
];

/// Is the hyphen that ends a line, between `left` (the line's last word,
/// without the hyphen) and `right` (the next line's first word), one that
/// only splits a word at the line end («өз-» / «гертуді», «до-» /
/// «полнения»), so that the joined word drops it? A hyphen is kept
/// (`false`) where it belongs to the text: a capital, digit or other
/// non-letter on either side («МҚҰ-» / «ның», «18-» / «ге»), an e-mail or a
/// URL («info@mfo-» / «example.kz»), a Latin–Cyrillic compound
/// («cookie-» / «файлдар»), a particle («сондай-» / «ақ»), a known compound
/// head («интернет-» / «статистика») and a Kazakh pair of derived
/// adjectives («ұйымдық-» / «құқықтық»). Pure: reads only its arguments.
pub fn soft_line_hyphen(left: &str, right: &str) -> bool {
    let (Some(last), Some(first)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    if !(last.is_lowercase() && first.is_lowercase()) {
        return false;
    }
    let web = |w: &str| w.contains('@') || w.contains("://") || w.starts_with("www.");
    if web(left) || web(right) {
        return false;
    }
    // The letters either side of the hyphen.
    let head: String = {
        let mut v: Vec<char> = left.chars().rev().take_while(|c| is_letter(*c)).collect();
        v.reverse();
        v.into_iter().collect::<String>().to_lowercase()
    };
    let tail: String = right
        .chars()
        .take_while(|c| is_letter(*c))
        .collect::<String>()
        .to_lowercase();
    // A Latin word followed by a domain («mfo-» / «example.kz»).
    let latin = |c: char| c.is_ascii_alphabetic();
    if latin(first) && right.contains('.') && right.trim_end_matches('.').contains('.') {
        return false;
    }
    if latin(last) != latin(first) || is_cyrillic(last) != is_cyrillic(first) {
        return false;
    }
    if HYPHEN_PARTICLES.contains(&tail.as_str()) || HYPHEN_HEADS.contains(&head.as_str()) {
        return false;
    }
    let chars = |s: &str| s.chars().count();
    let derived = ["лық", "лік", "дық", "дік", "тық", "тік"];
    if chars(&head) >= 5
        && chars(&tail) >= 4
        && derived.iter().any(|d| head.ends_with(d))
        && !KK_TAIL_SUFFIXES.iter().any(|s| tail.starts_with(s))
    {
        return false;
    }
    true
}

/// Which characters make up a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Letters and digits: words and numbers («94», «V», «деректер»).
    Word,
    /// Letters only: a digit or a hyphen ends a word («IP-мекенжай» is two).
    Letters,
    /// Letters and hyphens, with hyphens trimmed from the ends
    /// («cookie-файлдар» is one).
    Hyphenated,
}

impl Class {
    #[inline]
    fn contains(self, c: char) -> bool {
        match self {
            Class::Word => is_letter_or_digit(c),
            Class::Letters => is_letter(c),
            Class::Hyphenated => is_letter(c) || c == '-',
        }
    }
}

/// The tokens of `text`: maximal runs of characters of `class`, as byte
/// ranges of `text` (hyphens trimmed from the ends for
/// [`Class::Hyphenated`], dropping tokens that were only hyphens).
pub fn tokens(text: &str, class: Class) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, class.contains(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push(text, s, i, class, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(text, s, text.len(), class, &mut out);
    }
    out
}

fn push(text: &str, s: usize, e: usize, class: Class, out: &mut Vec<(usize, usize)>) {
    if class == Class::Hyphenated {
        let w = &text[s..e];
        let t = w.trim_matches('-');
        if !t.is_empty() {
            let off = s + (w.len() - w.trim_start_matches('-').len());
            out.push((off, off + t.len()));
        }
    } else {
        out.push((s, e));
    }
}

/// Lower-cased words (letters and digits) of a text.
pub fn lower_words(text: &str) -> Vec<String> {
    tokens(text, Class::Word)
        .into_iter()
        .map(|(a, b)| lowercase(&text[a..b]))
        .collect()
}

/// The lower case of each character of the Cyrillic block (U+0400 to
/// U+04FF), from the standard library's table, read once.
static CYRILLIC_LOWER: LazyLock<[char; 256]> = LazyLock::new(|| {
    let mut t = ['\0'; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        let c = char::from_u32(0x400 + i as u32).unwrap_or('\0');
        let mut l = c.to_lowercase();
        *slot = match (l.next(), l.next()) {
            (Some(one), None) => one,
            _ => c,
        };
    }
    t
});

/// One character lower-cased as `char::to_lowercase` does, through the
/// table for ASCII and the Cyrillic block.
pub fn lower_char(c: char) -> LowerChar {
    if c.is_ascii() {
        LowerChar::One(Some(c.to_ascii_lowercase()))
    } else if is_cyrillic(c) {
        LowerChar::One(Some(CYRILLIC_LOWER[c as usize - 0x400]))
    } else {
        LowerChar::Other(c.to_lowercase())
    }
}

/// The characters of [`lower_char`].
pub enum LowerChar {
    One(Option<char>),
    Other(std::char::ToLowercase),
}

impl Iterator for LowerChar {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            LowerChar::One(c) => c.take(),
            LowerChar::Other(l) => l.next(),
        }
    }
}

/// `str::to_lowercase`, the same result, with a table for the Cyrillic
/// block and ASCII (the letters of every kk and ru text) instead of the
/// search of the whole Unicode table for each character; a text with any
/// other non-ASCII letter goes to `str::to_lowercase` whole (its final
/// sigma rule needs the context).
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Spaces, quotes and dashes (U+00A0..U+00BF, U+2000..U+206F) have
        // no case and are no letters.
        let other_letter = !c.is_ascii()
            && !is_cyrillic(c)
            && !matches!(c, '\u{A0}'..='\u{BF}' | '\u{2000}'..='\u{206F}')
            && c.is_alphabetic();
        if other_letter {
            return s.to_lowercase();
        }
        out.extend(lower_char(c));
    }
    out
}

/// The first `n` characters of `text`, with «…» where it was cut.
pub fn clip(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

/// A lower-case letter as a Russian text spells it: a Kazakh-only letter
/// becomes its Russian look-alike (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х,
/// і→и) and ё becomes е; any other character is unchanged. Loanwords and
/// names are written so in Russian («Нұр» is «Нур», «Қарағанды» is
/// «Караганды»).
pub fn russian_letter(c: char) -> char {
    match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'ё' => 'е',
        c => c,
    }
}

/// Is `c` a vowel of Kazakh (or of a Russian loanword in Kazakh)?
pub fn is_kazakh_vowel(c: char) -> bool {
    "аәеёиоөуұүыіэюя".contains(c)
}

/// The voiced consonant a Kazakh stem's last voiceless consonant becomes
/// before a suffix that starts with a vowel: қ→ғ, к→г, п→б
/// («құпиялылық» + «ын» → «құпиялылығын», «кітап» + «ы» → «кітабы»).
pub fn kazakh_voiced(c: char) -> Option<char> {
    match c {
        'қ' => Some('ғ'),
        'к' => Some('г'),
        'п' => Some('б'),
        _ => None,
    }
}

/// Does the lower-case Kazakh `word` start with the lower-case `stem` as
/// its stem, the rest being suffixes? Two rules of Kazakh morphology:
///
/// - voicing: a stem ending in қ, к or п may end in ғ, г or б before a
///   vowel suffix («құпиялылығын» is «құпиялылық» declined);
/// - the privative suffix -сыз/-сіз straight after the stem makes another
///   word, the stem's negation («заңсыз» 'unlawful' is not «заң» 'law';
///   Russian writes it as one word too, «незаконный»).
///
/// A stem that is a whole word's prefix otherwise matches as before
/// («саясатқа» has the stem «саясат»). Pure: reads only its arguments.
pub fn kazakh_stem_of(word: &str, stem: &str) -> bool {
    let rest = if let Some(rest) = word.strip_prefix(stem) {
        rest
    } else {
        // Voicing: all but the stem's last letter, then its voiced form
        // followed by a vowel.
        let Some(last) = stem.chars().next_back() else {
            return false;
        };
        let Some(voiced) = kazakh_voiced(last) else {
            return false;
        };
        let head = &stem[..stem.len() - last.len_utf8()];
        let Some(rest) = word.strip_prefix(head) else {
            return false;
        };
        let mut cs = rest.chars();
        if cs.next() != Some(voiced) || !cs.next().is_some_and(is_kazakh_vowel) {
            return false;
        }
        return true;
    };
    !(rest.starts_with("сыз") || rest.starts_with("сіз"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_is_the_standard_alphabetic_test() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lowercase_is_the_standard_lower_case() {
        let all: String = (0..0x3000u32).filter_map(char::from_u32).collect();
        assert_eq!(lowercase(&all), all.to_lowercase());
        let by_char: String = all.chars().flat_map(lower_char).collect();
        let std_by_char: String = all.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(by_char, std_by_char);
        for t in [
            "ҚҰҚЫҚТАРЫ Әрі ӨҢІР Ғ Ү Һ І Ё «МФО» — ПОЛИТИКА",
            "ΟΔΟΣ ΟΔΟΣ. Σ",
            "İstanbul ǅ ß ẞ",
            "",
        ] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t}");
        }
    }

    #[test]
    fn kazakh_stems_voice_their_last_consonant_and_negate_with_syz() {
        let cases = [
            ("құпиялылығын", "құпиялылық", true),
            ("құпиялылық", "құпиялылық", true),
            ("құпиялылықты", "құпиялылық", true),
            ("кітабы", "кітап", true),
            ("жүгі", "жүк", true),
            ("саясатқа", "саясат", true),
            ("заң", "заң", true),
            ("заңға", "заң", true),
            ("заңнама", "заң", true),
            ("заңсыз", "заң", false),
            ("келісімсіз", "келісім", false),
            // Voicing needs a vowel after the voiced consonant.
            ("құпиялылығ", "құпиялылық", false),
            ("құпиялылыгын", "құпиялылық", false),
            ("саясат", "саясатқа", false),
            ("", "заң", false),
        ];
        for (word, stem, ok) in cases {
            assert_eq!(kazakh_stem_of(word, stem), ok, "{word} / {stem}");
        }
    }

    #[test]
    fn fast_letter_tests_agree_with_unicode() {
        for c in ('\u{0}'..='\u{2FFF}').filter(|c| !c.is_control()) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn token_classes() {
        let t = "IP-мекенжай, 94-V және cookie-файлдар -";
        let words: Vec<&str> = tokens(t, Class::Word)
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(
            words,
            ["IP", "мекенжай", "94", "V", "және", "cookie", "файлдар"]
        );
        let letters: Vec<&str> = tokens("a1b", Class::Letters)
            .iter()
            .map(|&(a, b)| &"a1b"[a..b])
            .collect();
        assert_eq!(letters, ["a", "b"]);
        let hy: Vec<&str> = tokens(t, Class::Hyphenated)
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(hy, ["IP-мекенжай", "V", "және", "cookie-файлдар"]);
        assert_eq!(lower_words("Закон № 94-V"), ["закон", "94", "v"]);
    }

    #[test]
    fn line_end_hyphens() {
        let cases = [
            ("өз", "гертуді", true),
            ("бұғат", "тауды", true),
            ("до", "полнения", true),
            ("уничто", "жения", true),
            ("conf", "idential.", true),
            ("сондай", "ақ", false),
            ("info@mfo", "example.kz", false),
            ("mfo", "example.kz", false),
            ("https://mfo.kz/privacy", "policy", false),
            ("cookie", "файлдарды", false),
            ("интернет", "статистика", false),
            ("ұйымдық", "құқықтық", false),
            ("қауіпсіздік", "терді", true),
            ("МҚҰ", "ның", false),
            ("18", "ге", false),
            ("ақпарат", "Тізім", false),
            ("", "тізім", false),
        ];
        for (left, right, soft) in cases {
            assert_eq!(soft_line_hyphen(left, right), soft, "{left}- {right}");
        }
    }

    #[test]
    fn markers_and_clips() {
        assert_eq!(leading_marker("3.2. Деректер"), Some(Some('Д')));
        assert_eq!(leading_marker("18 жасқа"), None);
        assert!(is_abbreviation("Ст"));
        assert_eq!(clip("абв", 3), "абв");
        assert_eq!(clip("абвг", 3), "абв…");
    }
}
