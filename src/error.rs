//! Typed library errors. Every error names the input it concerns and, where
//! known, the page and line, so a user can find the problem.
//!
//! An error that has an underlying cause (an [`std::io::Error`], a
//! [`serde_json::Error`]) keeps it, not just its text: it is the
//! [`source`](std::error::Error::source) of both the [`ErrorKind`] and the
//! [`Error`], so a caller can ask, say, whether a file was missing
//! (`io::ErrorKind::NotFound`). The cause's message is also part of the
//! kind's `Display`, so `to_string()` alone (what the reports print) is
//! complete; a printer that walks the source chain should skip a cause
//! whose text the message already ends with.

use std::any::Any;
use std::fmt;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The operating system could not read (or list) the input.
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    /// The input is larger than the library accepts.
    #[error("the document is too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("the document is empty")]
    Empty,
    #[error("the document has no text (it looks binary: {0})")]
    Binary(String),
    #[error("cannot decode the text: {0}")]
    Decode(String),
    #[error("the line is too long ({0} bytes; the limit is {1})")]
    LineTooLong(usize, usize),
    #[error("no Kazakh or Russian text was found")]
    NoText,
    #[error("the PDF is malformed: {0}")]
    PdfMalformed(String),
    #[error("the PDF is encrypted and needs a password")]
    PdfEncrypted,
    /// No page has text, and OCR read none: the message says why (OCR off,
    /// the tools missing, or OCR found nothing) and what to do.
    #[error("the PDF has no text layer (a scan?); {0}")]
    PdfNoText(String),
    /// OCR could not run or failed on a page ([`Error`] carries the page):
    /// `--ocr on` without the tools, a tool's failure, the page timeout.
    #[error("OCR failed: {0}")]
    Ocr(String),
    #[error("the PDF's text maps to nothing readable: {0}")]
    PdfUnreadable(String),
    /// A `.docx` whose archive or XML parts cannot be read (the message
    /// names the part).
    #[error("the DOCX is malformed: {0}")]
    Docx(String),
    #[error("invalid rules data: {0}")]
    Rules(String),
    /// An audit folder's `manifest.json` is not the JSON expected (the
    /// [`Error`] carries the line).
    #[error("invalid manifest: {0}")]
    Manifest(#[source] serde_json::Error),
    /// A records file (`qostil sketch` output) has a line that is not a
    /// record of this version ([`Error`] carries the line).
    #[error("invalid record: {0}")]
    Records(String),
    /// The input is not a regular file (a named pipe, a socket, a device):
    /// it is never read, so it cannot block.
    #[error("not a regular file ({0})")]
    NotRegular(String),
    /// A document needs more work than one document may take (see
    /// [`Limit`]); the [`Error`] carries the page when there is one.
    #[error("too much work for one document: {0}")]
    Limit(Limit),
    /// An audit folder's `manifest.json` names a file the folder does not
    /// have, or is otherwise inconsistent with it ([`Error`] carries the
    /// line).
    #[error("manifest: {0}")]
    ManifestEntry(String),
    /// Two files read as one bilingual document (`crate::analyze_pair`)
    /// are not a Kazakh and a Russian version: both in one language, one
    /// in neither, or one holding both (the message says which).
    #[error("not a Kazakh and a Russian version: {0}")]
    PairLanguages(String),
    /// A bug in qostil, e.g. a panic caught while analysing one file.
    #[error("internal error: {0} (please report it)")]
    Internal(String),
}

/// A bound on the work for one document, each a constant documented where
/// it is enforced and in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    /// A compressed stream inflates past this many bytes.
    #[error("a stream inflates past {0} bytes (a decompression bomb?)")]
    Inflated(usize),
    /// More content operators than this on one page, or in the document.
    #[error("more than {0} content operators")]
    Operators(usize),
    /// More tokens of objects than this in the document.
    #[error("more than {0} tokens of objects")]
    Objects(usize),
    /// An array or dictionary of more elements than this.
    #[error("an array or dictionary of more than {0} elements")]
    Elements(usize),
    /// More fonts than this in the document.
    #[error("more than {0} fonts")]
    Fonts(usize),
    /// More glyphs than this on one page.
    #[error("more than {0} glyphs on the page")]
    Glyphs(usize),
    /// Objects or Form XObjects nested deeper than this.
    #[error("objects nested deeper than {0}")]
    Nesting(usize),
    /// More pages than this.
    #[error("more than {0} pages")]
    Pages(usize),
    /// The analysis ran past its time budget, in seconds.
    #[error("the analysis ran past its time budget of {0} s")]
    Time(u64),
}

impl ErrorKind {
    /// The error for a panic caught by [`std::panic::catch_unwind`], with
    /// the panic's message when it has one.
    pub fn from_panic(payload: &(dyn Any + Send)) -> ErrorKind {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        ErrorKind::Internal(match message {
            Some(m) => format!("the analysis panicked: {m}"),
            None => "the analysis panicked".to_string(),
        })
    }
}

/// Kinds are equal when they are the same variant with the same details.
/// The causes kept as sources cannot be compared themselves: two I/O errors
/// are equal when their [`std::io::ErrorKind`] and message are, two manifest
/// errors when their category, position and message are.
impl PartialEq for ErrorKind {
    fn eq(&self, other: &ErrorKind) -> bool {
        use ErrorKind::*;
        match (self, other) {
            (Io(a), Io(b)) => a.kind() == b.kind() && a.to_string() == b.to_string(),
            (TooLarge { size: a, limit: l }, TooLarge { size: b, limit: m }) => a == b && l == m,
            (Empty, Empty) | (NoText, NoText) => true,
            (PdfEncrypted, PdfEncrypted) => true,
            (Binary(a), Binary(b))
            | (Decode(a), Decode(b))
            | (PdfMalformed(a), PdfMalformed(b))
            | (PdfNoText(a), PdfNoText(b))
            | (Ocr(a), Ocr(b))
            | (PdfUnreadable(a), PdfUnreadable(b))
            | (Rules(a), Rules(b))
            | (Records(a), Records(b))
            | (Internal(a), Internal(b))
            | (NotRegular(a), NotRegular(b))
            | (ManifestEntry(a), ManifestEntry(b))
            | (PairLanguages(a), PairLanguages(b)) => a == b,
            (Limit(a), Limit(b)) => a == b,
            (LineTooLong(a, l), LineTooLong(b, m)) => a == b && l == m,
            (Manifest(a), Manifest(b)) => {
                a.classify() == b.classify()
                    && (a.line(), a.column()) == (b.line(), b.column())
                    && a.to_string() == b.to_string()
            }
            _ => false,
        }
    }
}

impl Eq for ErrorKind {}

/// A library error: what went wrong, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct Error {
    pub path: String,
    pub page: Option<u32>,
    pub line: Option<usize>,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Error {
        Error {
            path: path.into(),
            page: None,
            line: None,
            kind,
        }
    }

    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    pub fn at_page(mut self, page: u32) -> Error {
        self.page = Some(page);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(page) = self.page {
            write!(f, ", page {page}")?;
        }
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for Error {
    /// The kind's cause (an I/O or JSON error), if it has one.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use std::error::Error as _;
    use std::io;

    use super::*;

    fn manifest_error(text: &str) -> serde_json::Error {
        serde_json::from_str::<serde_json::Value>(text).unwrap_err()
    }

    #[test]
    fn display_names_file_page_and_line() {
        let e = Error::new("a.pdf", ErrorKind::PdfNoText("it needs OCR".into())).at_page(3);
        assert_eq!(
            e.to_string(),
            "a.pdf, page 3: the PDF has no text layer (a scan?); it needs OCR"
        );
        let e = Error::new("b.txt", ErrorKind::LineTooLong(10, 5)).at_line(7);
        assert!(e.to_string().starts_with("b.txt, line 7: "));
    }

    #[test]
    fn every_new_kind_has_a_complete_message() {
        let not_found = || io::Error::new(io::ErrorKind::NotFound, "no such file");
        let cases: Vec<(Error, &str)> = vec![
            (
                Error::new("a.txt", ErrorKind::Io(not_found())),
                "a.txt: cannot read: no such file",
            ),
            (
                Error::new(
                    "big.txt",
                    ErrorKind::TooLarge {
                        size: 70,
                        limit: 64,
                    },
                ),
                "big.txt: the document is too large (70 bytes; the limit is 64)",
            ),
            (
                Error::new("m.json", ErrorKind::Manifest(manifest_error("{\n  x"))).at_line(2),
                "m.json, line 2: invalid manifest: key must be a string at line 2 column 3",
            ),
            (
                Error::new("p.txt", ErrorKind::Internal("the analysis panicked".into())),
                "p.txt: internal error: the analysis panicked (please report it)",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want);
        }
    }

    #[test]
    fn causes_are_kept_as_sources() {
        let e = Error::new(
            "a.txt",
            ErrorKind::Io(io::Error::new(io::ErrorKind::NotFound, "gone")),
        );
        let io = e.source().unwrap().downcast_ref::<io::Error>().unwrap();
        assert_eq!(io.kind(), io::ErrorKind::NotFound);
        let e = Error::new("m.json", ErrorKind::Manifest(manifest_error("[1,")));
        let json = e.source().unwrap().downcast_ref::<serde_json::Error>();
        assert!(json.unwrap().is_eof());
        // The cause's text ends the message, so a chain printer can skip it.
        assert!(e.to_string().ends_with(&e.source().unwrap().to_string()));
        for kind in [ErrorKind::Empty, ErrorKind::Internal("x".into())] {
            assert!(Error::new("a", kind).source().is_none());
        }
    }

    #[test]
    fn kinds_compare_by_variant_and_details() {
        let io = |k, m: &str| ErrorKind::Io(io::Error::new(k, m.to_string()));
        let nf = io::ErrorKind::NotFound;
        let cases = [
            (ErrorKind::Empty, ErrorKind::Empty, true),
            (ErrorKind::Empty, ErrorKind::NoText, false),
            (io(nf, "x"), io(nf, "x"), true),
            (io(nf, "x"), io(nf, "y"), false),
            (io(nf, "x"), io(io::ErrorKind::PermissionDenied, "x"), false),
            (
                ErrorKind::Manifest(manifest_error("[")),
                ErrorKind::Manifest(manifest_error("[")),
                true,
            ),
            (
                ErrorKind::Manifest(manifest_error("[")),
                ErrorKind::Manifest(manifest_error("{")),
                false,
            ),
            (
                ErrorKind::TooLarge { size: 2, limit: 1 },
                ErrorKind::TooLarge { size: 3, limit: 1 },
                false,
            ),
            (
                ErrorKind::Decode("a".into()),
                ErrorKind::Binary("a".into()),
                false,
            ),
            (
                ErrorKind::Internal("a".into()),
                ErrorKind::Internal("a".into()),
                true,
            ),
        ];
        for (a, b, equal) in cases {
            assert_eq!(a == b, equal, "{a:?} == {b:?}");
        }
    }

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_message() {
        let payload = std::panic::catch_unwind(|| panic!("index {} out of range", 7)).unwrap_err();
        assert_eq!(
            ErrorKind::from_panic(payload.as_ref()),
            ErrorKind::Internal("the analysis panicked: index 7 out of range".into())
        );
        let payload = std::panic::catch_unwind(|| std::panic::panic_any(42)).unwrap_err();
        assert_eq!(
            ErrorKind::from_panic(payload.as_ref()),
            ErrorKind::Internal("the analysis panicked".into())
        );
    }
}
