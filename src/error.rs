//! Typed library errors. Every error names the input it concerns and, where
//! known, the page and line, so a user can find the problem.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(String),
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
    #[error("the PDF has no text layer (a scan?); it needs OCR first")]
    PdfNoText,
    #[error("the PDF's text maps to nothing readable: {0}")]
    PdfUnreadable(String),
    #[error("invalid rules data: {0}")]
    Rules(String),
}

/// A library error: what went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_page_and_line() {
        let e = Error::new("a.pdf", ErrorKind::PdfNoText).at_page(3);
        assert_eq!(
            e.to_string(),
            "a.pdf, page 3: the PDF has no text layer (a scan?); it needs OCR first"
        );
        let e = Error::new("b.txt", ErrorKind::LineTooLong(10, 5)).at_line(7);
        assert!(e.to_string().starts_with("b.txt, line 7: "));
    }
}
