//! A bound on the memory a PDF's objects take once parsed, checked on the
//! bytes before the parser sees them.
//!
//! lopdf bounds each stream's decoded size, but a parsed object takes far
//! more memory than its text: 60 MiB of `0 0 0 …` in one array of an
//! object stream (64 KB compressed) took 5.7 GB, and eight such streams
//! exhausted 24 GB. So before loading, the file's objects are counted as
//! tokens: those written in the file (outside stream data) and those in its
//! object streams (`/Type /ObjStm`, inflated here, each to at most
//! [`super::MAX_STREAM_BYTES`], counting only). A document with more than
//! [`MAX_OBJECT_TOKENS`] tokens, or an array or dictionary of more than
//! [`MAX_ARRAY`] elements, fails before it is parsed. A page's content is
//! scanned the same way before its operators are parsed ([`largest_array`]):
//! an operator's operands are held whole.
//!
//! The scan is a tolerant lexer: strings, hex strings, comments and stream
//! data are skipped; it never fails, and counts at most once per byte.
//! Object streams with filters other than FlateDecode (rare) are not
//! inflated here; lopdf's size bound still holds for them.

use std::io::Read;

/// The most tokens (numbers, names, strings, brackets…) of objects in one
/// document, written in the file or in its object streams: about 400 MB
/// once parsed at worst (60 MiB of one array's tokens took 5.7 GB). The
/// PDFs of `fixtures/` and `../shared/` have at most 31,000.
pub const MAX_OBJECT_TOKENS: usize = 2_000_000;
/// The most elements of one array or dictionary, in the objects or in a
/// page's content (the fixtures' largest has 2,138).
pub const MAX_ARRAY: usize = 1_000_000;

/// What a scan found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub tokens: usize,
    /// Elements of the largest array or dictionary (a dictionary's keys and
    /// values both count).
    pub largest: usize,
}

impl Count {
    fn add(&mut self, other: Count) {
        self.tokens = self.tokens.saturating_add(other.tokens);
        self.largest = self.largest.max(other.largest);
    }

    /// Whether the count is within the bounds.
    pub fn fits(&self) -> bool {
        self.tokens <= MAX_OBJECT_TOKENS && self.largest <= MAX_ARRAY
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Count the tokens of `bytes`, skipping stream data when `streams` (a
/// file's bytes; a content stream has none, but may hold inline images,
/// skipped from `ID` to `EI`).
pub fn count(bytes: &[u8], streams: bool) -> Count {
    let mut out = Count::default();
    // Elements of each open array or dictionary.
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    let element = |open: &mut Vec<usize>, out: &mut Count| {
        out.tokens += 1;
        if let Some(top) = open.last_mut() {
            *top += 1;
            out.largest = out.largest.max(*top);
        }
    };
    while i < n {
        let b = bytes[i];
        if is_white(b) {
            i += 1;
            continue;
        }
        match b {
            b'%' => {
                while i < n && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                element(&mut open, &mut out);
                i = super::string_end(bytes, i) + 1;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                element(&mut open, &mut out);
                open.push(0);
                i += 2;
            }
            b'<' => {
                element(&mut open, &mut out);
                while i < n && bytes[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'[' => {
                element(&mut open, &mut out);
                open.push(0);
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                open.pop();
                i += 2;
            }
            b']' => {
                open.pop();
                i += 1;
            }
            _ => {
                let start = i;
                i += 1;
                while i < n && !is_white(bytes[i]) && !is_delimiter(bytes[i]) {
                    i += 1;
                }
                let word = &bytes[start..i];
                if streams && word == b"stream" {
                    match find(&bytes[i..], b"endstream") {
                        Some(end) => i += end + 9,
                        None => break,
                    }
                    continue;
                }
                if !streams && word == b"ID" {
                    match find(&bytes[i..], b"EI") {
                        Some(end) => i += end + 2,
                        None => break,
                    }
                    continue;
                }
                element(&mut open, &mut out);
            }
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Elements of the largest array or dictionary in a page's content.
pub fn largest_array(content: &[u8]) -> usize {
    count(content, false).largest
}

/// The tokens of a PDF file's objects: those written in the file and
/// those of its FlateDecode object streams, each inflated to at most
/// `limit` bytes. Stops counting once past the bounds.
pub fn objects(bytes: &[u8], limit: usize) -> Count {
    let mut total = count(bytes, true);
    let mut from = 0;
    while total.fits() {
        let Some(at) = find(&bytes[from..], b"stream") else {
            break;
        };
        let start = from + at;
        from = start + 6;
        if bytes[..start].ends_with(b"end") {
            continue;
        }
        // The stream's dictionary: back to the nearest `obj`.
        let head_from = start.saturating_sub(4096);
        let head = &bytes[head_from..start];
        let Some(obj) = head.windows(3).rposition(|w| w == b"obj") else {
            continue;
        };
        let dict = &head[obj..];
        if find(dict, b"/ObjStm").is_none() {
            continue;
        }
        let flates = dict.windows(12).filter(|w| w == b"/FlateDecode").count();
        let filters = dict.windows(6).filter(|w| w == b"Decode").count();
        if flates == 0 || flates != filters {
            continue;
        }
        let mut data_start = from;
        if bytes.get(data_start) == Some(&b'\r') {
            data_start += 1;
        }
        if bytes.get(data_start) == Some(&b'\n') {
            data_start += 1;
        }
        let end = find(&bytes[data_start..], b"endstream").map_or(bytes.len(), |e| data_start + e);
        let mut data = bytes[data_start..end].to_vec();
        for _ in 0..flates {
            data = inflate(&data, limit);
        }
        total.add(count(&data, false));
        from = end;
    }
    total
}

/// Inflate zlib data, keeping at most `limit + 1` bytes; a damaged stream
/// gives what was read before the damage.
fn inflate(data: &[u8], limit: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let decoder = flate2::read::ZlibDecoder::new(data);
    let _ = decoder.take(limit as u64 + 1).read_to_end(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_elements_outside_strings_comments_and_streams() {
        let cases: [(&[u8], bool, Count); 6] = [
            (
                b"[1 2 3]",
                false,
                Count {
                    tokens: 4,
                    largest: 3,
                },
            ),
            (
                b"<< /A 1 /B [2 3] >>",
                false,
                Count {
                    tokens: 7,
                    largest: 4,
                },
            ),
            (
                b"[(a b c) <41 42> % 1 2 3\n/N]",
                false,
                Count {
                    tokens: 4,
                    largest: 3,
                },
            ),
            (
                b"1 0 obj << >> stream\n1 2 3 4 5\nendstream endobj",
                true,
                Count {
                    tokens: 5,
                    largest: 0,
                },
            ),
            (
                b"BI /W 1 ID [[[[ 1 2 3 EI [1 2]",
                false,
                Count {
                    tokens: 6,
                    largest: 2,
                },
            ),
            (
                b"(unclosed [1 2 3",
                false,
                Count {
                    tokens: 1,
                    largest: 0,
                },
            ),
        ];
        for (bytes, streams, want) in cases {
            assert_eq!(
                count(bytes, streams),
                want,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn object_streams_are_inflated_and_counted() {
        use std::io::Write;
        let body = format!("5 0 [{}]", "0 ".repeat(1000));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(body.as_bytes()).unwrap();
        let data = z.finish().unwrap();
        let mut pdf =
            b"%PDF-1.7\n7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        pdf.extend_from_slice(&data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        let c = objects(&pdf, 1 << 20);
        assert_eq!(c.largest, 1000);
        assert!(c.tokens > 1000 && c.fits());
    }
}
