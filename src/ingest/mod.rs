//! Input formats to blocks: decode the bytes, then lay the text out as
//! [`Block`]s in reading order, with every piece of layout noise listed in
//! `dropped`. After this stage nothing knows which format the input was.
//!
//! Invariant: every non-whitespace character of [`Source::text`] lies in
//! exactly one block run or one dropped span.

pub mod decode;
pub mod markup;
pub mod pdf;
pub mod text;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::model::{Block, Dropped, Source};

/// The result of ingesting one input.
#[derive(Debug)]
pub struct Ingested {
    pub source: Source,
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
}

/// Hex SHA-256 of the input bytes.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A PDF starts with `%PDF-` within its first kilobyte (some producers put
/// junk before the header).
fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Ingest one input, whatever its format.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested> {
    let sha = sha256(bytes);
    if is_pdf(bytes) {
        let laid = pdf::extract(name, bytes)?;
        return Ok(Ingested {
            source: Source {
                name: name.to_string(),
                sha256: sha,
                encoding: "pdf".to_string(),
                text: laid.text,
            },
            blocks: laid.blocks,
            dropped: laid.dropped,
        });
    }
    let (text, encoding) = decode::decode(name, bytes)?;
    let laid = text::ingest(&text);
    Ok(Ingested {
        source: Source {
            name: name.to_string(),
            sha256: sha,
            encoding: encoding.to_string(),
            text,
        },
        blocks: laid.blocks,
        dropped: laid.dropped,
    })
}
