//! Bytes to text. What is recognised, in this order:
//! 1. a byte-order mark: UTF-8 (invalid bytes after it are replaced, with a
//!    warning each), UTF-16LE, UTF-16BE;
//! 2. UTF-16 without a BOM: NUL bytes on one parity only (the high byte of
//!    ASCII, as `iconv -t UTF-16LE` writes), decoding without error to text
//!    that is almost all letters, digits, punctuation and spaces;
//! 3. UTF-8;
//! 4. UTF-8 with a few invalid bytes (at least [`UTF8_VALID_PER_INVALID`]
//!    well-formed multi-byte characters per invalid sequence): decoded with
//!    U+FFFD for each invalid sequence and a [`Warning`] naming its line and
//!    byte offset — never read as a legacy code page;
//! 5. a legacy Cyrillic code page: Windows-1251, KZ-1048 (Windows Kazakh,
//!    our own table), PT154 (Kazakh «Cyrillic Asian», our own table),
//!    KOI8-R, KOI8-U, IBM866, ISO-8859-5 and MacCyrillic. Each is decoded
//!    and scored by [`plausibility`]: Russian and Kazakh letters in words of
//!    one case shape score, letters of other Cyrillic languages (ќ ѕ є ј ў),
//!    symbols inside words, a capital after a small letter and Cyrillic
//!    glued to Latin cost. The best reading wins; equal readings (Russian
//!    text reads alike in Windows-1251 and KZ-1048) go to the more common
//!    page. These pages cannot be told apart by their byte ranges alone
//!    (chardet/chardet#132), only by what the text then says.
//!
//! Anything else is a clear error naming the file; `chardetng` names what
//! the bytes look like (say `windows-1252`), so the user knows what to
//! convert from. Nothing here panics on any input.
//!
//! Invariant: the returned text is what every [`crate::model::Span`] of a
//! text document indexes into (a BOM is not part of it). Single-byte pages
//! decode one character per byte.

use crate::error::{Error, ErrorKind, Result};
use crate::model::Warning;

/// The longest line we accept, in bytes. Longer lines are almost certainly
/// not a policy (a minified blob, a binary) and would make every per-line
/// step slow.
pub const MAX_LINE: usize = 1 << 20;
/// The largest text document we accept, in bytes. A policy is well under
/// 1 MB; analysis time grows about linearly (3.3 MB of policy text takes
/// 11 s on the 2-core machine), so 16 MiB stays within the time budget
/// ([`crate::budget::DEFAULT_SECONDS`]).
pub const MAX_DOC: usize = 16 << 20;
/// A file with invalid UTF-8 is still read as damaged UTF-8 when it has at
/// least this many well-formed multi-byte characters per invalid sequence
/// (legacy Cyrillic text has far fewer: its letters rarely form valid
/// sequences by chance).
pub const UTF8_VALID_PER_INVALID: usize = 8;
/// At most this many replaced sequences are warned about one by one; the
/// rest are counted in one more warning.
pub const MAX_WARNINGS: usize = 20;

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1251,
    Kz1048,
    Pt154,
    Koi8R,
    Koi8U,
    Ibm866,
    Iso8859_5,
    MacCyrillic,
}

impl Encoding {
    /// The name in reports: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`,
    /// `windows-1251`, `kz-1048`, `pt154`, `koi8-r`, `koi8-u`, `ibm866`,
    /// `iso-8859-5`, `x-mac-cyrillic`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Kz1048 => "kz-1048",
            Encoding::Pt154 => "pt154",
            Encoding::Koi8R => "koi8-r",
            Encoding::Koi8U => "koi8-u",
            Encoding::Ibm866 => "ibm866",
            Encoding::Iso8859_5 => "iso-8859-5",
            Encoding::MacCyrillic => "x-mac-cyrillic",
        }
    }
}

/// The legacy Cyrillic pages, most common first (the order breaks ties).
const LEGACY: [Encoding; 8] = [
    Encoding::Windows1251,
    Encoding::Kz1048,
    Encoding::Pt154,
    Encoding::Koi8R,
    Encoding::Koi8U,
    Encoding::Ibm866,
    Encoding::Iso8859_5,
    Encoding::MacCyrillic,
];

/// Decoded text, how it was read, and what the reader should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub warnings: Vec<Warning>,
}

/// Decode `bytes` (the contents of `name`).
///
/// Errors (each naming `name`): `TooLarge` over [`MAX_DOC`], `Empty`,
/// `Binary` (NUL or control characters), `Decode` (none of the encodings
/// above reads it as text), `LineTooLong` over [`MAX_LINE`] (with the line).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded> {
    if bytes.len() > MAX_DOC {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len(),
                limit: MAX_DOC,
            },
        ));
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, warnings) = utf8_lossy(rest, 3);
        Decoded {
            text,
            encoding: Encoding::Utf8Bom,
            warnings,
        }
    } else if bytes.starts_with(b"\xFF\xFE") {
        utf16(name, bytes, Encoding::Utf16Le)?
    } else if bytes.starts_with(b"\xFE\xFF") {
        utf16(name, bytes, Encoding::Utf16Be)?
    } else if let Some(d) = utf16_without_bom(bytes) {
        d
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        Decoded {
            text: s.to_string(),
            encoding: Encoding::Utf8,
            warnings: Vec::new(),
        }
    } else if mostly_utf8(bytes) {
        let (text, warnings) = utf8_lossy(bytes, 0);
        Decoded {
            text,
            encoding: Encoding::Utf8,
            warnings,
        }
    } else {
        legacy(name, bytes)?
    };
    check_text(name, &decoded.text)?;
    Ok(decoded)
}

fn utf16(name: &str, bytes: &[u8], enc: Encoding) -> Result<Decoded> {
    let codec = if enc == Encoding::Utf16Le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let (text, had_errors) = codec.decode_with_bom_removal(bytes);
    if had_errors {
        return Err(Error::new(
            name,
            ErrorKind::Decode(format!("malformed {} text", codec.name())),
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc,
        warnings: Vec::new(),
    })
}

/// UTF-16 without a byte-order mark: NULs at one parity, almost none at the
/// other, and a clean decoding to text.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let pairs = sample.len() / 2;
    let enc = if odd * 10 >= pairs && even * 20 <= odd {
        Encoding::Utf16Le
    } else if even * 10 >= pairs && odd * 20 <= even {
        Encoding::Utf16Be
    } else {
        return None;
    };
    let codec = if enc == Encoding::Utf16Le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    let chars = text.chars().count().max(1);
    let textual = text
        .chars()
        .filter(|&c| {
            c.is_alphanumeric()
                || c.is_whitespace()
                || c.is_ascii_punctuation()
                || common_sign(c)
                || c == '\u{FEFF}'
        })
        .count();
    (textual * 100 >= chars * 95).then(|| Decoded {
        text: text.into_owned(),
        encoding: enc,
        warnings: Vec::new(),
    })
}

/// Valid multi-byte characters and invalid sequences of possibly-UTF-8
/// bytes.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: from_utf8 said these bytes are valid.
                valid += std::str::from_utf8(&rest[..good])
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len() - good);
                rest = &rest[good + skip..];
            }
        }
    }
    (valid, invalid)
}

/// Is this UTF-8 with a few invalid bytes (see [`UTF8_VALID_PER_INVALID`])?
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (valid, invalid) = utf8_counts(bytes);
    valid >= UTF8_VALID_PER_INVALID * invalid.max(1)
}

/// Decode UTF-8, each invalid sequence replaced by U+FFFD and warned about
/// with its line and byte offset in the file (`offset` bytes precede
/// `bytes` in the file: a BOM).
fn utf8_lossy(bytes: &[u8], offset: usize) -> (String, Vec<Warning>) {
    let mut text = String::with_capacity(bytes.len());
    let mut warnings = Vec::new();
    let mut replaced = 0usize;
    let mut line = 1usize;
    let mut pos = 0usize;
    loop {
        let rest = &bytes[pos..];
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let ok = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                text.push_str(ok);
                line += ok.matches('\n').count();
                let len = e.error_len().unwrap_or(rest.len() - good);
                let bad = &rest[good..good + len];
                replaced += 1;
                if replaced <= MAX_WARNINGS {
                    let hex: Vec<String> = bad.iter().map(|b| format!("0x{b:02X}")).collect();
                    warnings.push(Warning {
                        line: Some(line),
                        byte: Some(offset + pos + good),
                        message: format!("invalid UTF-8 ({}) replaced by U+FFFD", hex.join(" ")),
                    });
                }
                text.push('\u{FFFD}');
                pos += good + len;
            }
        }
    }
    if replaced > MAX_WARNINGS {
        warnings.push(Warning {
            line: None,
            byte: None,
            message: format!(
                "{} more invalid UTF-8 sequences replaced by U+FFFD",
                replaced - MAX_WARNINGS
            ),
        });
    }
    (text, warnings)
}

/// Decode single-byte `bytes` with one legacy page.
fn decode_legacy(bytes: &[u8], enc: Encoding) -> String {
    let table = match enc {
        Encoding::Kz1048 => Some(&KZ_1048),
        Encoding::Pt154 => Some(&PT_154),
        _ => None,
    };
    if let Some(table) = table {
        return bytes
            .iter()
            .map(|&b| {
                if b < 0x80 {
                    char::from(b)
                } else {
                    table[usize::from(b - 0x80)]
                }
            })
            .collect();
    }
    let codec = match enc {
        Encoding::Koi8R => encoding_rs::KOI8_R,
        Encoding::Koi8U => encoding_rs::KOI8_U,
        Encoding::Ibm866 => encoding_rs::IBM866,
        Encoding::Iso8859_5 => encoding_rs::ISO_8859_5,
        Encoding::MacCyrillic => encoding_rs::X_MAC_CYRILLIC,
        _ => encoding_rs::WINDOWS_1251,
    };
    codec.decode_without_bom_handling(bytes).0.into_owned()
}

/// A letter of the Russian or Kazakh alphabet.
fn kk_ru_letter(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё') || crate::tokens::KAZAKH_LETTERS.contains(c)
}

/// Signs a Russian or Kazakh text writes outside ASCII.
fn common_sign(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '—'
            | '–'
            | '№'
            | '“'
            | '”'
            | '„'
            | '…'
            | '’'
            | '‘'
            | '•'
            | '·'
            | '°'
            | '§'
            | '©'
            | '®'
            | '\u{A0}'
    )
}

/// How much a decoded text reads as Russian or Kazakh, per non-ASCII
/// character: +2 for a Russian or Kazakh letter, −4 for any other
/// character outside ASCII (letters of other Cyrillic languages, box
/// drawing, symbols), −4 for a capital right after a small letter, −3 for
/// a Cyrillic letter touching a Latin one, −4 for a sign inside a word.
/// Between −4 and 2; a right reading of real text scores close to 2.
pub fn plausibility(text: &str) -> f64 {
    let chars: Vec<char> = text.chars().collect();
    let (mut score, mut n) = (0i64, 0i64);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        n += 1;
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if kk_ru_letter(c) {
            score += 2;
            if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
                score -= 4;
            }
            if prev.is_some_and(|p| p.is_ascii_alphabetic())
                || next.is_some_and(|p| p.is_ascii_alphabetic())
            {
                score -= 3;
            }
        } else if common_sign(c) {
            if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
                score -= 4;
            }
        } else {
            score -= 4;
        }
    }
    if n == 0 {
        return 0.0;
    }
    score as f64 / n as f64
}

/// Below this [`plausibility`] no legacy reading is taken.
const PLAUSIBLE: f64 = 1.0;

/// The legacy Cyrillic page that reads `bytes` best, or an error naming
/// what the bytes look like.
fn legacy(name: &str, bytes: &[u8]) -> Result<Decoded> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            name,
            ErrorKind::Binary(format!("NUL byte at offset {pos}")),
        ));
    }
    let readings: Vec<(Encoding, String, f64)> = LEGACY
        .iter()
        .map(|&enc| {
            let text = decode_legacy(bytes, enc);
            let score = plausibility(&text);
            (enc, text, score)
        })
        .collect();
    let best = readings
        .iter()
        .map(|r| r.2)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut tied: Vec<&(Encoding, String, f64)> = readings.iter().filter(|r| r.2 == best).collect();
    // Readings that tie with different texts: chardetng's statistics decide.
    tied.dedup_by(|a, b| a.1 == b.1);
    let detector = {
        let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        d.feed(bytes, true);
        d
    };
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let chosen = tied
        .iter()
        .find(|r| chardetng_name(r.0) == Some(guess.name()))
        .or(tied.first())
        .copied();
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    match chosen {
        Some((enc, text, score)) if *score >= PLAUSIBLE && controls * 50 <= bytes.len() => {
            Ok(Decoded {
                text: text.clone(),
                encoding: *enc,
                warnings: Vec::new(),
            })
        }
        _ => {
            let offset = std::str::from_utf8(bytes)
                .err()
                .map(|e| e.valid_up_to())
                .unwrap_or(0);
            Err(Error::new(
                name,
                ErrorKind::Decode(format!(
                    "not UTF-8 (invalid byte at offset {offset}), UTF-16, or Russian or Kazakh text in a Cyrillic code page ({}); it looks like {}",
                    LEGACY.map(Encoding::name).join(", "),
                    guess.name().to_ascii_lowercase()
                )),
            ))
        }
    }
}

/// The name chardetng gives a page, for the pages it detects.
fn chardetng_name(enc: Encoding) -> Option<&'static str> {
    match enc {
        Encoding::Windows1251 => Some("windows-1251"),
        Encoding::Koi8R | Encoding::Koi8U => Some("KOI8-U"),
        Encoding::Ibm866 => Some("IBM866"),
        Encoding::Iso8859_5 => Some("ISO-8859-5"),
        _ => None,
    }
}

const KZ_1048: [char; 128] = [
    '\u{0402}', '\u{0403}', '\u{201A}', '\u{0453}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{20AC}', '\u{2030}', '\u{0409}', '\u{2039}', '\u{040A}', '\u{049A}', '\u{04BA}', '\u{040F}',
    '\u{0452}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{FFFD}', '\u{2122}', '\u{0459}', '\u{203A}', '\u{045A}', '\u{049B}', '\u{04BB}', '\u{045F}',
    '\u{00A0}', '\u{04B0}', '\u{04B1}', '\u{04D8}', '\u{00A4}', '\u{04E8}', '\u{00A6}', '\u{00A7}',
    '\u{0401}', '\u{00A9}', '\u{0492}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{04AE}',
    '\u{00B0}', '\u{00B1}', '\u{0406}', '\u{0456}', '\u{04E9}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{0451}', '\u{2116}', '\u{0493}', '\u{00BB}', '\u{04D9}', '\u{04A2}', '\u{04A3}', '\u{04AF}',
    '\u{0410}', '\u{0411}', '\u{0412}', '\u{0413}', '\u{0414}', '\u{0415}', '\u{0416}', '\u{0417}',
    '\u{0418}', '\u{0419}', '\u{041A}', '\u{041B}', '\u{041C}', '\u{041D}', '\u{041E}', '\u{041F}',
    '\u{0420}', '\u{0421}', '\u{0422}', '\u{0423}', '\u{0424}', '\u{0425}', '\u{0426}', '\u{0427}',
    '\u{0428}', '\u{0429}', '\u{042A}', '\u{042B}', '\u{042C}', '\u{042D}', '\u{042E}', '\u{042F}',
    '\u{0430}', '\u{0431}', '\u{0432}', '\u{0433}', '\u{0434}', '\u{0435}', '\u{0436}', '\u{0437}',
    '\u{0438}', '\u{0439}', '\u{043A}', '\u{043B}', '\u{043C}', '\u{043D}', '\u{043E}', '\u{043F}',
    '\u{0440}', '\u{0441}', '\u{0442}', '\u{0443}', '\u{0444}', '\u{0445}', '\u{0446}', '\u{0447}',
    '\u{0448}', '\u{0449}', '\u{044A}', '\u{044B}', '\u{044C}', '\u{044D}', '\u{044E}', '\u{044F}',
];

const PT_154: [char; 128] = [
    '\u{0496}', '\u{0492}', '\u{04EE}', '\u{0493}', '\u{201E}', '\u{2026}', '\u{04B6}', '\u{04AE}',
    '\u{04B2}', '\u{04AF}', '\u{04A0}', '\u{04E2}', '\u{04A2}', '\u{049A}', '\u{04BA}', '\u{04B8}',
    '\u{0497}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{04B3}', '\u{04B7}', '\u{04A1}', '\u{04E3}', '\u{04A3}', '\u{049B}', '\u{04BB}', '\u{04B9}',
    '\u{00A0}', '\u{040E}', '\u{045E}', '\u{0408}', '\u{04E8}', '\u{0498}', '\u{04B0}', '\u{00A7}',
    '\u{0401}', '\u{00A9}', '\u{04D8}', '\u{00AB}', '\u{00AC}', '\u{04EF}', '\u{00AE}', '\u{049C}',
    '\u{00B0}', '\u{04B1}', '\u{0406}', '\u{0456}', '\u{0499}', '\u{04E9}', '\u{00B6}', '\u{00B7}',
    '\u{0451}', '\u{2116}', '\u{04D9}', '\u{00BB}', '\u{0458}', '\u{04AA}', '\u{04AB}', '\u{049D}',
    '\u{0410}', '\u{0411}', '\u{0412}', '\u{0413}', '\u{0414}', '\u{0415}', '\u{0416}', '\u{0417}',
    '\u{0418}', '\u{0419}', '\u{041A}', '\u{041B}', '\u{041C}', '\u{041D}', '\u{041E}', '\u{041F}',
    '\u{0420}', '\u{0421}', '\u{0422}', '\u{0423}', '\u{0424}', '\u{0425}', '\u{0426}', '\u{0427}',
    '\u{0428}', '\u{0429}', '\u{042A}', '\u{042B}', '\u{042C}', '\u{042D}', '\u{042E}', '\u{042F}',
    '\u{0430}', '\u{0431}', '\u{0432}', '\u{0433}', '\u{0434}', '\u{0435}', '\u{0436}', '\u{0437}',
    '\u{0438}', '\u{0439}', '\u{043A}', '\u{043B}', '\u{043C}', '\u{043D}', '\u{043E}', '\u{043F}',
    '\u{0440}', '\u{0441}', '\u{0442}', '\u{0443}', '\u{0444}', '\u{0445}', '\u{0446}', '\u{0447}',
    '\u{0448}', '\u{0449}', '\u{044A}', '\u{044B}', '\u{044C}', '\u{044D}', '\u{044E}', '\u{044F}',
];

/// Reject text that is empty, binary, or has an absurdly long line.
fn check_text(name: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::new(name, ErrorKind::Empty));
    }
    if let Some(pos) = text.find('\0') {
        return Err(Error::new(
            name,
            ErrorKind::Binary(format!("NUL character at offset {pos}")),
        ));
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(Error::new(
            name,
            ErrorKind::Binary(format!("{controls} control characters")),
        ));
    }
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE {
            return Err(
                Error::new(name, ErrorKind::LineTooLong(line.len(), MAX_LINE)).at_line(i + 1),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("a", "Саясат".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name()), ("Саясат", "utf-8"));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Политика".as_bytes());
        let d = decode("a", &b).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.name()),
            ("Политика", "utf-8-bom")
        );
    }

    #[test]
    fn utf16_both_orders() {
        let s = "Дербес деректер";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode("a", &le).unwrap().text, s);
        assert_eq!(decode("a", &be).unwrap().text, s);
    }

    #[test]
    fn windows_1251_fallback() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Политика конфиденциальности");
        let d = decode("a", &bytes).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.name()),
            ("Политика конфиденциальности", "windows-1251")
        );
    }

    #[test]
    fn bad_inputs_are_named_errors() {
        let cases: [(&[u8], &str); 4] = [
            (b"", "empty"),
            (b"  \n\t ", "empty"),
            (b"\x00\x01\x02\x03binary\x00", "NUL"),
            (b"abc\xC3\x28 d\xE9j\xE0 vu", "not UTF-8"),
        ];
        for (bytes, want) in cases {
            let err = decode("bad.txt", bytes).unwrap_err().to_string();
            assert!(err.starts_with("bad.txt"), "{err}");
            assert!(err.contains(want), "{err} should mention {want}");
        }
    }

    #[test]
    fn huge_line_is_rejected_with_its_line_number() {
        let text = format!("ok\n{}\n", "а".repeat(MAX_LINE));
        let err = decode("big.txt", text.as_bytes()).unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn too_large_a_document_is_its_own_error() {
        let err = decode("big.txt", &vec![b'a'; MAX_DOC + 1]).unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::TooLarge {
                size: MAX_DOC + 1,
                limit: MAX_DOC
            }
        );
        assert!(
            err.to_string()
                .starts_with("big.txt: the document is too large")
        );
    }
}
