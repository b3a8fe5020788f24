//! Reports: one writer per format, each owning its serialization types.
//! Writers are pure functions of the analysed documents.

pub mod audit_html;
pub mod csv;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod sidebyside;
pub mod tmx;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    /// The side-by-side page (`align` only).
    Html,
    /// TMX 1.4b translation memory (`align` only).
    Tmx,
    /// Tab-separated pairs (`align` only).
    Tsv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "tmx" => Some(Format::Tmx),
            "tsv" => Some(Format::Tsv),
            _ => None,
        }
    }
}
