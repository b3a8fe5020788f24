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
pub mod docx;
pub mod markup;
pub mod normalise;
pub mod ocr;
pub mod pair;
pub mod pdf;
pub mod text;

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::budget::Budget;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Block, BlockHint, DropKind, Dropped, Source};

/// The result of ingesting one input.
#[derive(Debug)]
pub struct Ingested {
    pub source: Source,
    /// [`Source::text`] normalised by [`normalise::text`].
    pub normalised: String,
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
    /// Time spent waiting on OCR (zero without it): the caller's budget
    /// is extended by it, since OCR has its own per-page timeout.
    pub ocr_time: std::time::Duration,
}

/// The largest file [`read`] reads: a PDF's limit ([`pdf::MAX_PDF`]); text
/// has a lower one ([`decode::MAX_DOC`]).
pub const MAX_INPUT: usize = pdf::MAX_PDF;

/// Read the file at `path` (`name` for errors) as an input: opened without
/// blocking and refused unless it is a regular file (a named pipe, socket
/// or device is never read, so it cannot hang the caller), and never read
/// past [`MAX_INPUT`] (a 1 GiB file is refused after reading its limit, not
/// loaded whole).
///
/// Errors: [`ErrorKind::Io`], [`ErrorKind::NotRegular`],
/// [`ErrorKind::TooLarge`].
pub fn read(path: &Path, name: &str) -> Result<Vec<u8>> {
    let io = |e| Error::new(name, ErrorKind::Io(e));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "a pipe, socket or device"
        };
        return Err(Error::new(name, ErrorKind::NotRegular(what.to_string())));
    }
    let too_large = |size: usize| {
        Error::new(
            name,
            ErrorKind::TooLarge {
                size,
                limit: MAX_INPUT,
            },
        )
    };
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if size > MAX_INPUT {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size);
    file.take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_INPUT {
        return Err(too_large(bytes.len()));
    }
    Ok(bytes)
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
    ingest_within(name, bytes, &Budget::unlimited())
}

/// [`ingest`] within a time budget, checked inside the PDF reader; no OCR.
///
/// Errors: as [`ingest`], and [`crate::error::Limit::Time`].
pub fn ingest_within(name: &str, bytes: &[u8], budget: &Budget) -> Result<Ingested> {
    ingest_with(name, bytes, budget, &ocr::Options::off())
}

/// [`ingest_within`], a PDF's scanned pages read through OCR as `ocr`
/// says (see [`pdf::extract_with`]): [`Source::ocr_pages`] lists them,
/// and each page read by OCR or lost has a warning.
///
/// Errors: as [`ingest_within`], and [`ErrorKind::Ocr`].
pub fn ingest_with(
    name: &str,
    bytes: &[u8],
    budget: &Budget,
    ocr: &ocr::Options,
) -> Result<Ingested> {
    let sha = sha256(bytes);
    let mut ocr_pages = Vec::new();
    let mut ocr_time = std::time::Duration::ZERO;
    // Any zip archive is read as a DOCX: one that is not gets its error.
    let (text, encoding, warnings, blocks, mut dropped) = if bytes.starts_with(b"PK\x03\x04") {
        // The text a reader sees, Word's list numbers written in, read as
        // text (its tables as tab-separated rows).
        let docx = docx::read(name, bytes)?;
        let mut laid = text::ingest(&docx.text);
        // A paragraph in a heading style is a title, whatever the text
        // reader made of its line.
        for b in &mut laid.blocks {
            if b.hint == BlockHint::Text
                && b.runs.len() == 1
                && docx.headings.binary_search(&b.line).is_ok()
            {
                b.hint = BlockHint::Heading;
            }
        }
        (
            docx.text,
            "docx".to_string(),
            Vec::new(),
            laid.blocks,
            laid.dropped,
        )
    } else if is_pdf(bytes) {
        let laid = pdf::extract_with(name, bytes, budget, ocr)?;
        ocr_pages = laid.ocr.iter().map(|r| r.page).collect();
        ocr_time = laid
            .ocr
            .iter()
            .map(|r| std::time::Duration::from_secs_f64(r.seconds.max(0.0)))
            .sum();
        (
            laid.text,
            "pdf".to_string(),
            laid.warnings,
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
    let blocks = drop_language_labels(&text, blocks, &mut dropped);
    Ok(Ingested {
        normalised: normalise::text(&text),
        source: Source {
            name: name.to_string(),
            sha256: sha,
            encoding,
            text,
            warnings,
            repairs,
            files: Vec::new(),
            ocr_pages,
        },
        blocks,
        dropped,
        ocr_time,
    })
}

/// A block that only names a language («## Қазақша», «Русский», «На
/// русском языке:»): a layout's label for the text that follows, no clause
/// (one copy of a policy has it, another in another layout not).
fn is_language_label(text: &str) -> bool {
    let t =
        text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_' | ':' | '|'));
    // A bare code («kk», «ru») in running text is left alone.
    !t.is_ascii() && crate::lang::named(t).is_some()
}

/// Move language-label blocks ([`is_language_label`]) to the dropped
/// markup, span by span.
fn drop_language_labels(text: &str, blocks: Vec<Block>, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if !is_language_label(&b.text()) {
            out.push(b);
            continue;
        }
        for r in &b.runs {
            dropped.push(Dropped {
                kind: DropKind::Markup,
                text: text
                    .get(r.span.start..r.span.end)
                    .map_or_else(|| r.text.clone(), str::to_string),
                span: r.span,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_label_is_markup() {
        let t = "## Қазақша\n\n**1.1.** Мәтін.\n\n## Русский\n\n**1.1.** Текст.\n";
        let ing = ingest("t.md", t.as_bytes()).unwrap();
        let texts: Vec<String> = ing.blocks.iter().map(Block::text).collect();
        assert!(
            !texts
                .iter()
                .any(|x| x.contains("Қазақша") || x.contains("Русский")),
            "{texts:?}"
        );
        assert!(ing.dropped.iter().any(|d| d.text.contains("Қазақша")));
        assert!(ing.dropped.iter().any(|d| d.text.contains("Русский")));
        assert!(is_language_label("На русском языке:") && !is_language_label("Русский текст"));
    }

    #[test]
    fn read_refuses_pipes_and_files_past_the_limit_without_reading_them() {
        let dir = std::env::temp_dir().join(format!("qostil-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ok = dir.join("ok.txt");
        std::fs::write(&ok, "1. Мәтін.\n").unwrap();
        assert_eq!(read(&ok, "ok.txt").unwrap(), "1. Мәтін.\n".as_bytes());
        // A sparse file: its size is past the limit, its blocks are not.
        let big = dir.join("big.txt");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_INPUT as u64 + 1).unwrap();
        let err = read(&big, "big.txt").unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::TooLarge {
                size: MAX_INPUT + 1,
                limit: MAX_INPUT
            }
        );
        let err = read(&dir, "dir").unwrap_err();
        assert_eq!(err.kind, ErrorKind::NotRegular("a folder".into()));
        #[cfg(unix)]
        {
            let fifo = dir.join("pipe.txt");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                let err = read(&fifo, "pipe.txt").unwrap_err();
                assert_eq!(
                    err.kind,
                    ErrorKind::NotRegular("a pipe, socket or device".into())
                );
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
