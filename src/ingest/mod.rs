//! Input formats to blocks: decode the bytes, lay the text out as
//! [`Block`]s in reading order, with every piece of layout noise listed in
//! `dropped`, then normalise the blocks' text ([`normalise`]). After this
//! stage nothing knows which format the input was.
//!
//! Invariants:
//! - every non-whitespace character of [`Source::text`] lies in exactly one
//!   block run or one dropped span;
//! - spans index [`Source::text`], the decoded text as the input has it;
//!   run texts are normalised, and [`Ingested::normalised`] is the whole
//!   text normalised the same way, for the few readers of the whole text.

pub mod decode;
pub mod markup;
pub mod normalise;
pub mod pdf;
pub mod text;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::model::{Block, Dropped, Source};

/// The result of ingesting one input.
#[derive(Debug)]
pub struct Ingested {
    pub source: Source,
    /// [`Source::text`] normalised by [`normalise::text`].
    pub normalised: String,
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
///
/// Errors: [`crate::error::ErrorKind`] `TooLarge`, `Empty`, `Binary`,
/// `Decode`, `LineTooLong` for text, the `Pdf*` kinds for PDF, each naming
/// `name`.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested> {
    let sha = sha256(bytes);
    let (text, encoding, warnings, blocks, mut dropped) = if is_pdf(bytes) {
        let laid = pdf::extract(name, bytes)?;
        (
            laid.text,
            "pdf".to_string(),
            Vec::new(),
            laid.blocks,
            laid.dropped,
        )
    } else {
        let decoded = decode::decode(name, bytes)?;
        let laid = text::ingest(&decoded.text);
        (
            decoded.text,
            decoded.encoding.name().to_string(),
            decoded.warnings,
            laid.blocks,
            laid.dropped,
        )
    };
    let (blocks, repairs) = normalise::blocks(&text, blocks, &mut dropped);
    Ok(Ingested {
        normalised: normalise::text(&text),
        source: Source {
            name: name.to_string(),
            sha256: sha,
            encoding,
            text,
            warnings,
            repairs,
        },
        blocks,
        dropped,
    })
}
