//! Fonts: how the bytes of a shown string split into character codes, what
//! each code means in Unicode, and how far it advances the pen.
//!
//! - Codes: one byte for simple fonts (Type1, TrueType, Type3); for composite
//!   (Type0) fonts two bytes under `Identity-H`/`-V`, or the codespace ranges
//!   of an embedded encoding CMap.
//! - Unicode: the ToUnicode CMap first (`bfchar`, and `bfrange` in both its
//!   forms), even when the font also has an `/Encoding`; then, for simple
//!   fonts, the `/Differences` glyph names and the base encoding (WinAnsi,
//!   MacRoman, Standard). A code none of these maps is *unmapped*: the caller
//!   counts it and shows U+FFFD, nothing is guessed.
//! - Widths: `/Widths` + `/FirstChar` + `/MissingWidth` for simple fonts, `/W`
//!   (both forms) and `/DW` for CID fonts, and approximate Standard-14 metrics
//!   when a font gives none.
//!
//! Invariants: parsing never fails (a broken font dictionary degrades to
//! defaults), every table is bounded, and [`Font::codes`] consumes every byte
//! of its input.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::glyphlist::{BaseEncoding, glyph_to_unicode};

/// Bound on the entries one CMap or width array may define.
const MAX_ENTRIES: usize = 200_000;
/// Bound on the decoded size of a font's CMap stream.
const MAX_CMAP_BYTES: usize = 4 << 20;

/// One character code of a shown string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub value: u32,
    /// Its length in bytes (1 to 4).
    pub len: u8,
}

/// A parsed CMap: codespace ranges, Unicode mappings (ToUnicode) and CID
/// mappings (an embedded encoding CMap).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CMap {
    /// `(low, high)` byte strings of equal length.
    pub codespace: Vec<(Vec<u8>, Vec<u8>)>,
    pub unicode: HashMap<u32, String>,
    /// `(low, high, first CID)`.
    pub cids: Vec<(u32, u32, u32)>,
}

impl CMap {
    /// Parse the text of a CMap. Unknown operators and malformed entries are
    /// skipped; a CMap that says nothing parses to an empty one.
    pub fn parse(data: &[u8]) -> CMap {
        let tokens = tokenize(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        let mut entries = 0usize;
        while i < tokens.len() {
            let Tok::Word(op) = &tokens[i] else {
                i += 1;
                continue;
            };
            let section = op.as_slice();
            let (end, arity): (&[u8], usize) = match section {
                b"begincodespacerange" => (b"endcodespacerange", 2),
                b"beginbfchar" => (b"endbfchar", 2),
                b"beginbfrange" => (b"endbfrange", 3),
                b"begincidrange" => (b"endcidrange", 3),
                b"begincidchar" => (b"endcidchar", 2),
                _ => {
                    i += 1;
                    continue;
                }
            };
            i += 1;
            let start = i;
            while i < tokens.len() && tokens[i] != Tok::Word(end.to_vec()) {
                i += 1;
            }
            let body = tokens.get(start..i).unwrap_or(&[]);
            i += 1;
            for entry in body.chunks(arity) {
                if entry.len() < arity || entries >= MAX_ENTRIES {
                    break;
                }
                entries += cmap.add(section, entry);
            }
        }
        cmap
    }

    /// Add one entry of a section; returns how many mappings it made.
    fn add(&mut self, section: &[u8], entry: &[Tok]) -> usize {
        match (section, entry) {
            (b"begincodespacerange", [Tok::Hex(lo), Tok::Hex(hi)]) => {
                if lo.len() == hi.len() && (1..=4).contains(&lo.len()) {
                    self.codespace.push((lo.clone(), hi.clone()));
                }
                1
            }
            (b"beginbfchar", [Tok::Hex(src), dst]) => {
                let Some(code) = be_value(src) else { return 0 };
                match dst {
                    Tok::Hex(d) => {
                        self.unicode.insert(code, utf16_text(d));
                    }
                    Tok::Name(n) => {
                        if let Some(t) = std::str::from_utf8(n).ok().and_then(glyph_to_unicode) {
                            self.unicode.insert(code, t);
                        }
                    }
                    _ => return 0,
                }
                1
            }
            (b"beginbfrange", [Tok::Hex(lo), Tok::Hex(hi), dst]) => {
                let (Some(lo), Some(hi)) = (be_value(lo), be_value(hi)) else {
                    return 0;
                };
                if hi < lo || hi - lo > 0xffff {
                    return 0;
                }
                match dst {
                    // The destination's last UTF-16 unit counts up with the code.
                    Tok::Hex(d) if d.len() >= 2 => {
                        let mut units: Vec<u16> = d
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                            .collect();
                        let Some(&last) = units.last() else { return 0 };
                        for (k, code) in (lo..=hi).enumerate() {
                            let Ok(k) = u16::try_from(k) else { break };
                            if let Some(u) = units.last_mut() {
                                *u = last.wrapping_add(k);
                            }
                            let text: String = char::decode_utf16(units.iter().copied())
                                .map(|r| r.unwrap_or('\u{FFFD}'))
                                .collect();
                            self.unicode.insert(code, text);
                        }
                        (hi - lo + 1) as usize
                    }
                    Tok::Array(items) => {
                        let mut n = 0;
                        for (code, item) in (lo..=hi).zip(items.iter()) {
                            if let Tok::Hex(d) = item {
                                self.unicode.insert(code, utf16_text(d));
                                n += 1;
                            }
                        }
                        n
                    }
                    _ => 0,
                }
            }
            (b"begincidrange", [Tok::Hex(lo), Tok::Hex(hi), Tok::Int(cid)]) => {
                if let (Some(lo), Some(hi), Ok(cid)) =
                    (be_value(lo), be_value(hi), u32::try_from(*cid))
                    && lo <= hi
                {
                    self.cids.push((lo, hi, cid));
                }
                1
            }
            (b"begincidchar", [Tok::Hex(src), Tok::Int(cid)]) => {
                if let (Some(code), Ok(cid)) = (be_value(src), u32::try_from(*cid)) {
                    self.cids.push((code, code, cid));
                }
                1
            }
            _ => 0,
        }
    }

    /// The CID of a code, when this CMap maps codes to CIDs.
    fn cid(&self, code: u32) -> Option<u32> {
        self.cids
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map(|(lo, _, cid)| cid + (code - lo))
    }
}

/// Decode a UTF-16BE byte string; an odd trailing byte and lone surrogates
/// become U+FFFD.
fn utf16_text(bytes: &[u8]) -> String {
    let units = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

fn be_value(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Name(Vec<u8>),
    Int(i64),
    Word(Vec<u8>),
    Array(Vec<Tok>),
    Other,
}

/// Tokens of a CMap program: enough PostScript for CMaps (hex strings, names,
/// integers, one level of arrays, operator words); the rest is `Other`.
fn tokenize(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut stack: Vec<Vec<Tok>> = Vec::new();
    let mut i = 0;
    let push = |tok: Tok, out: &mut Vec<Tok>, stack: &mut Vec<Vec<Tok>>| match stack.last_mut() {
        Some(arr) => arr.push(tok),
        None => out.push(tok),
    };
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut digits = Vec::new();
                i += 1;
                while i < data.len() && data[i] != b'>' {
                    if data[i].is_ascii_hexdigit() {
                        digits.push(data[i]);
                    }
                    i += 1;
                }
                i += 1;
                if digits.len() % 2 == 1 {
                    digits.push(b'0');
                }
                let bytes = digits
                    .chunks(2)
                    .map(|p| (hex_digit(p[0]) << 4) | hex_digit(p[1]))
                    .collect();
                push(Tok::Hex(bytes), &mut out, &mut stack);
            }
            b'(' => {
                // Literal strings do not occur in the mappings we read; skip.
                i = super::string_end(data, i) + 1;
                push(Tok::Other, &mut out, &mut stack);
            }
            b'[' => {
                if stack.len() < 4 {
                    stack.push(Vec::new());
                }
                i += 1;
            }
            b']' => {
                if let Some(arr) = stack.pop() {
                    push(Tok::Array(arr), &mut out, &mut stack);
                }
                i += 1;
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                let name = data.get(start..i).unwrap_or(&[]).to_vec();
                push(Tok::Name(name), &mut out, &mut stack);
            }
            _ if is_space(b) => i += 1,
            b'{' | b'}' | b'>' | b')' => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                let word = data.get(start..i).unwrap_or(&[]);
                let tok = match std::str::from_utf8(word).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => Tok::Int(n),
                    None if word.iter().all(|c| c.is_ascii_alphabetic()) => {
                        Tok::Word(word.to_vec())
                    }
                    None => Tok::Other,
                };
                push(tok, &mut out, &mut stack);
            }
        }
    }
    out
}

fn hex_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 0,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    is_space(b)
        || matches!(
            b,
            b'/' | b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'{' | b'}' | b'%'
        )
}

/// Split bytes into codes by codespace ranges (ISO 32000-1 9.7.6.2): the
/// shortest prefix inside a range of its length wins. A byte sequence in no
/// range is consumed `fallback` bytes at a time (fewer at the end).
pub fn split_codes(bytes: &[u8], codespace: &[(Vec<u8>, Vec<u8>)], fallback: usize) -> Vec<Code> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let fallback = fallback.clamp(1, 4);
    while i < bytes.len() {
        let mut len = 0;
        for n in 1..=4 {
            let Some(prefix) = bytes.get(i..i + n) else {
                break;
            };
            let hit = codespace.iter().any(|(lo, hi)| {
                lo.len() == n
                    && prefix
                        .iter()
                        .zip(lo.iter().zip(hi.iter()))
                        .all(|(b, (l, h))| l <= b && b <= h)
            });
            if hit {
                len = n;
                break;
            }
        }
        if len == 0 {
            len = fallback.min(bytes.len() - i);
        }
        let chunk = bytes.get(i..i + len).unwrap_or(&[]);
        out.push(Code {
            value: be_value(chunk).unwrap_or(0),
            len: len as u8,
        });
        i += len;
    }
    out
}

/// Which Standard-14 family a font without widths falls back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Std14 {
    Helvetica,
    Times,
    Courier,
}

/// Approximate Standard-14 advance widths (per 1000 em) for ASCII 32..=126,
/// taken from the Helvetica and Times-Roman AFM files; bold and italic faces
/// use the regular widths, and characters outside ASCII get the family's
/// average. Good enough to place words; not for typesetting.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
#[rustfmt::skip]
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

impl Std14 {
    fn from_base_font(name: &str) -> Std14 {
        let name = name.to_ascii_lowercase();
        if name.contains("courier") || name.contains("mono") {
            Std14::Courier
        } else if name.contains("times") || name.contains("serif") && !name.contains("sans") {
            Std14::Times
        } else {
            Std14::Helvetica
        }
    }

    fn width(self, c: Option<char>) -> f32 {
        let idx = c
            .map(|c| c as u32)
            .filter(|c| (32..=126).contains(c))
            .map(|c| (c - 32) as usize);
        let w = match self {
            Std14::Courier => 600,
            Std14::Helvetica => idx.and_then(|i| HELVETICA.get(i).copied()).unwrap_or(556),
            Std14::Times => idx.and_then(|i| TIMES.get(i).copied()).unwrap_or(500),
        };
        f32::from(w)
    }
}

#[derive(Debug, Clone)]
enum Kind {
    /// One byte per code; `encoding[code]` is the text from the
    /// Differences and base encoding.
    Simple {
        encoding: Box<[Option<String>; 256]>,
        first_char: u32,
        widths: Vec<f32>,
        missing: Option<f32>,
    },
    /// Type0: codes by codespace, widths by CID.
    Composite {
        codespace: Vec<(Vec<u8>, Vec<u8>)>,
        /// Code → CID, when the encoding is an embedded CMap (else identity).
        cid_map: Option<CMap>,
        /// The predefined encoding is a Unicode one (UCS-2/UTF-16): codes are
        /// UTF-16 units.
        unicode_codes: bool,
        /// `(first CID, last CID, width)`.
        widths: Vec<(u32, u32, f32)>,
        default_width: f32,
    },
}

/// A font as the text extractor needs it.
#[derive(Debug, Clone)]
pub struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    std14: Std14,
    /// Glyph-space to text-space scale of widths: 0.001, or `/FontMatrix[0]`
    /// for Type3.
    scale: f32,
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj)
        .map(|(_, o)| o)
        .unwrap_or(&Object::Null)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> &'a Object {
    dict.get(key)
        .map(|o| deref(doc, o))
        .unwrap_or(&Object::Null)
}

fn number(obj: &Object) -> Option<f32> {
    obj.as_float().ok().filter(|v| v.is_finite())
}

fn stream_bytes(obj: &Object) -> Option<Vec<u8>> {
    obj.as_stream()
        .ok()?
        .get_plain_content_with_limit(MAX_CMAP_BYTES)
        .ok()
}

impl Font {
    /// Build a font from its dictionary. Never fails: missing pieces fall
    /// back to defaults (one-byte codes, Standard-14 widths, no mapping).
    pub fn from_dict(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = get(doc, dict, b"Subtype").as_name().unwrap_or(b"");
        let base_font = get(doc, dict, b"BaseFont").as_name().unwrap_or(b"");
        let base_font = String::from_utf8_lossy(base_font);
        let std14 = Std14::from_base_font(&base_font);
        let to_unicode = stream_bytes(get(doc, dict, b"ToUnicode")).map(|d| CMap::parse(&d));
        if subtype == b"Type0" {
            return Font::composite(doc, dict, to_unicode, std14);
        }
        let mut scale = 0.001;
        if subtype == b"Type3"
            && let Ok(m) = get(doc, dict, b"FontMatrix").as_array()
            && let Some(a) = m.first().and_then(number)
            && a.abs() > 1e-6
        {
            scale = a.abs();
        }
        let descriptor = get(doc, dict, b"FontDescriptor").as_dict().ok();
        let missing = descriptor.and_then(|d| number(get(doc, d, b"MissingWidth")));
        let symbolic = descriptor
            .and_then(|d| get(doc, d, b"Flags").as_i64().ok())
            .is_some_and(|f| f & 4 != 0);
        let first_char = get(doc, dict, b"FirstChar")
            .as_i64()
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        let widths = get(doc, dict, b"Widths")
            .as_array()
            .map(|a| {
                a.iter()
                    .take(256)
                    .map(|o| number(deref(doc, o)).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();

        // The base encoding: named, or the dictionary's /BaseEncoding; else
        // Standard for Type1 and WinAnsi for the rest (the font program's own
        // encoding is not read).
        let enc = get(doc, dict, b"Encoding");
        let default_base = if subtype == b"Type1" || subtype == b"MMType1" {
            BaseEncoding::Standard
        } else {
            BaseEncoding::WinAnsi
        };
        let base = match enc {
            Object::Name(n) => BaseEncoding::from_name(n).unwrap_or(default_base),
            Object::Dictionary(d) => get(doc, d, b"BaseEncoding")
                .as_name()
                .ok()
                .and_then(BaseEncoding::from_name)
                .unwrap_or(default_base),
            _ => default_base,
        };
        let mut encoding: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|_| None));
        // A symbolic font with no encoding has its codes in the font program;
        // only a ToUnicode CMap can read them, so no base encoding is assumed.
        let no_base = symbolic && matches!(enc, Object::Null) && subtype != b"Type1";
        for (code, slot) in encoding.iter_mut().enumerate() {
            if !no_base {
                *slot = base.decode(code as u8).map(String::from);
            }
        }
        if let Ok(d) = enc.as_dict()
            && let Ok(diffs) = get(doc, d, b"Differences").as_array()
        {
            apply_differences(doc, diffs, &mut encoding);
        }
        Font {
            kind: Kind::Simple {
                encoding,
                first_char,
                widths,
                missing,
            },
            to_unicode,
            std14,
            scale,
        }
    }

    fn composite(
        doc: &Document,
        dict: &Dictionary,
        to_unicode: Option<CMap>,
        std14: Std14,
    ) -> Font {
        let enc = get(doc, dict, b"Encoding");
        let mut codespace = Vec::new();
        let mut cid_map = None;
        let mut unicode_codes = false;
        match enc {
            Object::Name(name) => {
                let name = String::from_utf8_lossy(name);
                unicode_codes = name.contains("UCS2") || name.contains("UTF16");
                if !name.starts_with("Identity")
                    && !unicode_codes
                    && let Some(tu) = &to_unicode
                {
                    // Another predefined CMap: its codespace is not shipped, so
                    // borrow the ToUnicode's (two bytes when it has none).
                    codespace = tu.codespace.clone();
                }
            }
            Object::Stream(_) => {
                if let Some(data) = stream_bytes(enc) {
                    let cmap = CMap::parse(&data);
                    codespace = cmap.codespace.clone();
                    cid_map = Some(cmap);
                }
            }
            _ => {}
        }
        let descendant = get(doc, dict, b"DescendantFonts")
            .as_array()
            .ok()
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let mut widths = Vec::new();
        let mut default_width = 1000.0;
        if let Some(d) = descendant {
            default_width = number(get(doc, d, b"DW")).unwrap_or(1000.0);
            if let Ok(w) = get(doc, d, b"W").as_array() {
                widths = parse_cid_widths(doc, w);
                widths.sort_by_key(|(lo, _, _)| *lo);
            }
        }
        Font {
            kind: Kind::Composite {
                codespace,
                cid_map,
                unicode_codes,
                widths,
                default_width,
            },
            to_unicode,
            std14,
            scale: 0.001,
        }
    }

    /// Split a shown string into codes.
    pub fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        match &self.kind {
            Kind::Simple { .. } => bytes
                .iter()
                .map(|b| Code {
                    value: u32::from(*b),
                    len: 1,
                })
                .collect(),
            Kind::Composite { codespace, .. } => split_codes(bytes, codespace, 2),
        }
    }

    /// The text of a code, or `None` when nothing maps it.
    pub fn unicode(&self, code: Code) -> Option<String> {
        if let Some(t) = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.unicode.get(&code.value))
            && !t.is_empty()
            && !t.chars().all(|c| c.is_control())
        {
            return Some(t.clone());
        }
        match &self.kind {
            Kind::Simple { encoding, .. } => encoding.get(code.value as usize).cloned().flatten(),
            Kind::Composite { unicode_codes, .. } if *unicode_codes => {
                let u = u16::try_from(code.value).ok()?;
                char::from_u32(u32::from(u)).map(String::from)
            }
            Kind::Composite { .. } => None,
        }
    }

    /// The advance of a code in text space units per unit of font size
    /// (glyph width × the font matrix).
    pub fn advance(&self, code: Code) -> f32 {
        let w = match &self.kind {
            Kind::Simple {
                first_char,
                widths,
                missing,
                ..
            } => {
                let from_table = code
                    .value
                    .checked_sub(*first_char)
                    .and_then(|i| widths.get(i as usize).copied());
                match (from_table, missing) {
                    (Some(w), _) => w,
                    // A font with no /Widths at all is a Standard-14 one.
                    (None, Some(m)) if !widths.is_empty() => *m,
                    (None, _) => self.std14_width(code),
                }
            }
            Kind::Composite {
                cid_map,
                widths,
                default_width,
                ..
            } => {
                let cid = cid_map
                    .as_ref()
                    .and_then(|m| m.cid(code.value))
                    .unwrap_or(code.value);
                // `widths` is sorted by first CID: the candidate is the last
                // range starting at or before `cid`.
                let k = widths.partition_point(|(lo, _, _)| *lo <= cid);
                k.checked_sub(1)
                    .and_then(|k| widths.get(k))
                    .filter(|(_, hi, _)| cid <= *hi)
                    .map(|(_, _, w)| *w)
                    .unwrap_or(*default_width)
            }
        };
        (w * self.scale).clamp(0.0, 10.0)
    }

    fn std14_width(&self, code: Code) -> f32 {
        let c = self.unicode(code).and_then(|t| t.chars().next());
        self.std14.width(c)
    }

    /// Word spacing (`Tw`) applies to this code: a one-byte code 32.
    pub fn is_word_space(&self, code: Code) -> bool {
        code.len == 1 && code.value == 32
    }
}

fn apply_differences(doc: &Document, diffs: &[Object], encoding: &mut [Option<String>; 256]) {
    let mut code: i64 = -1;
    for item in diffs.iter().take(4096) {
        match deref(doc, item) {
            Object::Integer(n) => code = *n,
            Object::Name(name) => {
                if (0..256).contains(&code) {
                    let text = std::str::from_utf8(name).ok().and_then(glyph_to_unicode);
                    if let Some(slot) = encoding.get_mut(code as usize) {
                        *slot = text;
                    }
                }
                code += 1;
            }
            _ => {}
        }
    }
}

/// Parse a CID font's `/W` array: `c [w1 w2 …]` and `c_first c_last w`.
fn parse_cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() && out.len() < MAX_ENTRIES {
        let Some(first) = deref(doc, &w[i])
            .as_i64()
            .ok()
            .and_then(|v| u32::try_from(v).ok())
        else {
            i += 1;
            continue;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, item) in list.iter().enumerate().take(MAX_ENTRIES) {
                    if let Some(v) = number(deref(doc, item)) {
                        let cid = first.saturating_add(k as u32);
                        out.push((cid, cid, v));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let last = last.as_i64().ok().and_then(|v| u32::try_from(v).ok());
                let width = w.get(i + 2).map(|o| deref(doc, o)).and_then(number);
                if let (Some(last), Some(width)) = (last, width)
                    && last >= first
                {
                    out.push((first, last, width));
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<0010> <04D9>
endbfchar
2 beginbfrange
<0020> <0022> <0410>
<0030> <0031> [<049B> <00660069>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end";

    #[test]
    fn cmap_bfchar_and_both_bfrange_forms() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(cmap.codespace, vec![(vec![0, 0], vec![0xff, 0xff])]);
        let get = |c: u32| cmap.unicode.get(&c).cloned();
        assert_eq!(get(3).as_deref(), Some(" "));
        assert_eq!(get(0x10).as_deref(), Some("ә"));
        assert_eq!(get(0x20).as_deref(), Some("А"));
        assert_eq!(get(0x22).as_deref(), Some("В"));
        assert_eq!(get(0x30).as_deref(), Some("қ"));
        assert_eq!(get(0x31).as_deref(), Some("fi"));
        assert_eq!(get(0x23), None);
    }

    #[test]
    fn cmap_survives_garbage() {
        for data in [
            &b""[..],
            b"beginbfrange <00",
            b"begincodespacerange <00> endcodespacerange",
            b"[[[[[[[[[[ ] ) ( <<>>",
        ] {
            let _ = CMap::parse(data);
        }
        // A huge range is refused, not expanded.
        let cmap = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.unicode.is_empty());
    }

    #[test]
    fn cid_ranges() {
        let cmap = CMap::parse(b"begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange begincidrange <8000> <80FF> 100 endcidrange begincidchar <41> 7 endcidchar");
        assert_eq!(cmap.cid(0x8001), Some(101));
        assert_eq!(cmap.cid(0x41), Some(7));
        assert_eq!(cmap.cid(0x42), None);
        let codes = split_codes(b"\x41\x80\x01\x42", &cmap.codespace, 2);
        let values: Vec<(u32, u8)> = codes.iter().map(|c| (c.value, c.len)).collect();
        assert_eq!(values, vec![(0x41, 1), (0x8001, 2), (0x42, 1)]);
        // Bytes in no range go by the fallback length, and all are consumed.
        let codes = split_codes(b"\x80", &[], 2);
        assert_eq!(
            codes,
            vec![Code {
                value: 0x80,
                len: 1
            }]
        );
    }

    fn doc_with(objects: Vec<(u32, Object)>) -> Document {
        let mut doc = Document::with_version("1.5");
        for (id, obj) in objects {
            doc.objects.insert((id, 0), obj);
        }
        doc
    }

    #[test]
    fn simple_font_differences_and_widths() {
        let doc = doc_with(vec![]);
        let dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "FirstChar" => 65,
            "Widths" => vec![Object::Integer(700), Object::Integer(710)],
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![Object::Integer(192), Object::Name(b"afii10017".to_vec()), Object::Name(b"uni04D9".to_vec()), Object::Name(b"g77".to_vec())],
            },
        };
        let font = Font::from_dict(&doc, &dict);
        let code = |v: u32| Code { value: v, len: 1 };
        assert_eq!(font.unicode(code(192)).as_deref(), Some("А"));
        assert_eq!(font.unicode(code(193)).as_deref(), Some("ә"));
        assert_eq!(font.unicode(code(194)), None);
        assert_eq!(font.unicode(code(0x41)).as_deref(), Some("A"));
        assert_eq!(font.unicode(code(0x80)).as_deref(), Some("€"));
        assert!((font.advance(code(65)) - 0.7).abs() < 1e-6);
        assert!((font.advance(code(66)) - 0.71).abs() < 1e-6);
        // Outside /Widths, with no /MissingWidth: Helvetica's metrics.
        assert!((font.advance(code(32)) - 0.278).abs() < 1e-6);
        assert!(font.is_word_space(code(32)));
    }

    #[test]
    fn to_unicode_wins_over_encoding() {
        let mut doc = doc_with(vec![]);
        let tu = doc.add_object(lopdf::Stream::new(
            dictionary! {},
            b"1 beginbfchar <41> <049B> endbfchar".to_vec(),
        ));
        let dict = dictionary! {
            "Subtype" => "TrueType",
            "Encoding" => "WinAnsiEncoding",
            "ToUnicode" => tu,
        };
        let font = Font::from_dict(&doc, &dict);
        assert_eq!(
            font.unicode(Code {
                value: 0x41,
                len: 1
            })
            .as_deref(),
            Some("қ")
        );
        assert_eq!(
            font.unicode(Code {
                value: 0x42,
                len: 1
            })
            .as_deref(),
            Some("B")
        );
    }

    #[test]
    fn composite_identity_font() {
        let mut doc = doc_with(vec![]);
        let tu = doc.add_object(lopdf::Stream::new(dictionary! {}, TO_UNICODE.to_vec()));
        let dict = dictionary! {
            "Subtype" => "Type0",
            "Encoding" => "Identity-H",
            "ToUnicode" => tu,
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {
                "Subtype" => "CIDFontType2",
                "DW" => 500,
                "W" => vec![Object::Integer(3), Object::Array(vec![Object::Integer(250)]), Object::Integer(16), Object::Integer(20), Object::Integer(600)],
            })],
        };
        let font = Font::from_dict(&doc, &dict);
        let codes = font.codes(b"\x00\x10\x00\x03\x00\x21\x07");
        assert_eq!(codes.len(), 4);
        assert_eq!(font.unicode(codes[0]).as_deref(), Some("ә"));
        assert_eq!(font.unicode(codes[2]).as_deref(), Some("Б"));
        assert!((font.advance(codes[0]) - 0.6).abs() < 1e-6);
        assert!((font.advance(codes[1]) - 0.25).abs() < 1e-6);
        assert!((font.advance(codes[2]) - 0.5).abs() < 1e-6);
        assert!(!font.is_word_space(codes[1]));
    }

    #[test]
    fn broken_font_dictionaries_degrade() {
        let doc = doc_with(vec![]);
        let font = Font::from_dict(&doc, &dictionary! {});
        assert_eq!(font.codes(b"ab").len(), 2);
        assert!(
            font.advance(Code {
                value: 0x61,
                len: 1
            }) > 0.0
        );
        let font = Font::from_dict(
            &doc,
            &dictionary! { "Subtype" => "Type0", "DescendantFonts" => 5 },
        );
        assert_eq!(font.codes(b"abc").len(), 2);
        assert!((font.advance(Code { value: 1, len: 2 }) - 1.0).abs() < 1e-6);
    }
}
