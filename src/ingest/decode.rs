//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! Windows-1251 when the bytes are not UTF-8. Anything else is a clear error
//! naming the file; nothing here panics on any input.
//!
//! Invariant: the returned text is what every [`crate::model::Span`] of a text
//! document indexes into (the BOM is not part of it).

use crate::error::{Error, ErrorKind, Result};

/// The longest line we accept, in bytes. Longer lines are almost certainly
/// not a policy (a minified blob, a binary) and would make every per-line
/// step slow.
pub const MAX_LINE: usize = 1 << 20;
/// The largest document we accept, in bytes.
pub const MAX_DOC: usize = 64 << 20;

/// Decode `bytes` into text and name the encoding used.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, &'static str)> {
    if bytes.len() > MAX_DOC {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len(),
                limit: MAX_DOC,
            },
        ));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(name, rest)?, "utf-8-bom")
    } else if bytes.starts_with(b"\xFF\xFE") {
        (utf16(name, bytes, encoding_rs::UTF_16LE)?, "utf-16le")
    } else if bytes.starts_with(b"\xFE\xFF") {
        (utf16(name, bytes, encoding_rs::UTF_16BE)?, "utf-16be")
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), "utf-8")
    } else {
        (windows_1251(name, bytes)?, "windows-1251")
    };
    check_text(name, &text)?;
    Ok((text, encoding))
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String> {
    std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
        Error::new(
            name,
            ErrorKind::Decode(format!(
                "invalid UTF-8 after the byte-order mark at byte {}",
                e.valid_up_to() + 3
            )),
        )
    })
}

fn utf16(name: &str, bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<String> {
    let (text, had_errors) = enc.decode_with_bom_removal(bytes);
    if had_errors {
        return Err(Error::new(
            name,
            ErrorKind::Decode(format!("malformed {} text", enc.name())),
        ));
    }
    Ok(text.into_owned())
}

/// Accept Windows-1251 only when the result reads as Cyrillic text: most
/// letters Cyrillic, no C0 control bytes besides tab and line ends.
fn windows_1251(name: &str, bytes: &[u8]) -> Result<String> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            name,
            ErrorKind::Binary(format!("NUL byte at offset {pos}")),
        ));
    }
    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let cyrillic = text
        .chars()
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        .count();
    let bad_bytes = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x98)
        .count();
    if letters == 0 || cyrillic * 2 < letters || bad_bytes * 50 > bytes.len() {
        let offset = std::str::from_utf8(bytes)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
        return Err(Error::new(
            name,
            ErrorKind::Decode(format!(
                "not UTF-8 (invalid byte at offset {offset}), UTF-16 with a BOM, or Windows-1251 Cyrillic text"
            )),
        ));
    }
    Ok(text.into_owned())
}

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
        let (t, e) = decode("a", "Саясат".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("Саясат", "utf-8"));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Политика".as_bytes());
        let (t, e) = decode("a", &b).unwrap();
        assert_eq!((t.as_str(), e), ("Политика", "utf-8-bom"));
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
        assert_eq!(decode("a", &le).unwrap().0, s);
        assert_eq!(decode("a", &be).unwrap().0, s);
    }

    #[test]
    fn windows_1251_fallback() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Политика конфиденциальности");
        let (t, e) = decode("a", &bytes).unwrap();
        assert_eq!(
            (t.as_str(), e),
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
