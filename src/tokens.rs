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
    } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
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
        r"^(?:[•·▪◦●■\-–—*]\s+)?(\(?(?:[0-9]{1,2}|[a-zа-яәіңғүұқөһ])\)|\d{1,3}(?:\.\d{1,3})+\)|\d{1,3}(?:\.\d{1,3})*\.?|[IVXLCІХС]{1,6}\.|(?i:статья|глава|раздел|§)\s*\d{1,3}\.?|\d{1,3}\s*-\s*(?:бап|тарау|бөлім)\.?)(?:\s+|$)(\S?)",
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
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
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
        .map(|(a, b)| text[a..b].to_lowercase())
        .collect()
}

/// The first `n` characters of `text`, with «…» where it was cut.
pub fn clip(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn markers_and_clips() {
        assert_eq!(leading_marker("3.2. Деректер"), Some(Some('Д')));
        assert_eq!(leading_marker("18 жасқа"), None);
        assert!(is_abbreviation("Ст"));
        assert_eq!(clip("абв", 3), "абв");
        assert_eq!(clip("абвг", 3), "абв…");
    }
}
