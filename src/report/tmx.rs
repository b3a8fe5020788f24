//! TMX 1.4b and TSV exports of the aligned pairs, for translation memories
//! and spreadsheets.
//!
//! TMX renders the units [`crate::segment::units`] chooses: one `<tu>` per
//! sentence pair inside each aligned clause pair (`--segment sentence`,
//! the default; `segtype="sentence"`) or per clause pair (`--segment
//! paragraph`). `tuid` is the pair's clause ids (`kk:1.1+kk:1.2|ru:1.1`,
//! `/s2` added for a pair's second sentence bead); the clause pair's score
//! is a `x-score` property and a sentence unit's bead (`1-1`, `2-1`) an
//! `x-bead` one; a list label or clause number taken off a segment is an
//! `x-label` property of its `<tuv>`; `xml:lang` is `kk-KZ` or `ru-RU`; the
//! header names the tool, the segmentation, the source language (the
//! language the document starts with, whose `<tuv>` comes first),
//! `datatype="plaintext"`, and as properties the number of units written
//! (`x-units`) and of pairs and sentences left out. No creation date is
//! written, so output stays a pure function of the input. Text is escaped
//! for XML and characters XML 1.0 forbids are dropped. The writer is a few
//! lines of string building, so it needs no XML crate; `tests/tmx.rs` reads
//! its output back with translate-toolkit's TMX reader.
//!
//! TSV: a header line, then every pair (unpaired clauses too): kk ids, ru
//! ids, score, kk text, ru text; tabs and line breaks in text become spaces.

use std::fmt::Write;

use crate::model::{Document, Lang};
use crate::report::json::side_text;
use crate::segment::{Monolingual, Segmentation, UnitOptions, UnitSide, units};

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ru-RU",
        _ => "kk-KZ",
    }
}

/// The language whose text comes first in the source.
pub fn source_lang(doc: &Document) -> Lang {
    doc.clauses
        .iter()
        .filter(|c| matches!(c.lang, Lang::Kk | Lang::Ru))
        .min_by_key(|c| (c.segments.first().map_or(usize::MAX, |s| s.start), c.lang))
        .map_or(Lang::Kk, |c| c.lang)
}

/// `qostil align --format tmx`: the units of [`crate::segment::units`]
/// as TMX 1.4b.
///
/// Errors: [`Monolingual`] for a document in one language.
pub fn tmx(doc: &Document, options: &UnitOptions) -> Result<String, Monolingual> {
    let found = units(doc, options)?;
    let src = source_lang(doc);
    let segtype = match options.segmentation {
        Segmentation::Sentence => "sentence",
        Segmentation::Paragraph => "paragraph",
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    out.push_str("<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"qostil\" creationtoolversion=\"{}\" segtype=\"{segtype}\" o-tmf=\"qostil\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\">",
        xml_escape(env!("CARGO_PKG_VERSION")),
        tag(src)
    );
    let prop = |out: &mut String, indent: &str, ty: &str, value: &str| {
        let _ = writeln!(
            out,
            "{indent}<prop type=\"{ty}\">{}</prop>",
            xml_escape(value)
        );
    };
    prop(&mut out, "    ", "x-source", &doc.source.name);
    prop(&mut out, "    ", "x-sha256", &doc.source.sha256);
    let left = found.left_out;
    for (ty, n) in [
        ("x-units", found.units.len()),
        ("x-left-out-below-min-score", left.below_min_score),
        ("x-left-out-preamble", left.preamble),
        ("x-left-out-unmatched-sentences", left.unmatched_sentences),
        ("x-left-out-empty", left.empty),
    ] {
        prop(&mut out, "    ", ty, &n.to_string());
    }
    if options.min_score > 0.0 {
        prop(
            &mut out,
            "    ",
            "x-min-score",
            &format!("{:.3}", options.min_score),
        );
    }
    out.push_str("  </header>\n  <body>\n");
    for u in &found.units {
        let _ = writeln!(
            out,
            "    <tu tuid=\"{}\" segtype=\"{segtype}\">",
            xml_escape(&u.id)
        );
        prop(&mut out, "      ", "x-score", &format!("{:.3}", u.score));
        if let Some(((a, b), _)) = u.bead {
            prop(&mut out, "      ", "x-bead", &format!("{a}-{b}"));
        }
        let sides = if src == Lang::Ru {
            [(Lang::Ru, &u.ru), (Lang::Kk, &u.kk)]
        } else {
            [(Lang::Kk, &u.kk), (Lang::Ru, &u.ru)]
        };
        for (lang, side) in sides {
            tuv(&mut out, lang, side);
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    Ok(out)
}

/// One `<tuv>`: its label as a property, then the segment.
fn tuv(out: &mut String, lang: Lang, side: &UnitSide) {
    let _ = write!(out, "      <tuv xml:lang=\"{}\">", tag(lang));
    if let Some(l) = &side.label {
        let _ = write!(out, "<prop type=\"x-label\">{}</prop>", xml_escape(l));
    }
    let _ = writeln!(out, "<seg>{}</seg></tuv>", xml_escape(&side.text));
}

/// A TSV cell: tabs and line breaks become spaces, and a cell a
/// spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) is neutralised with a leading `'`, as
/// OWASP's CSV-injection advice says.
pub fn tsv_cell(s: &str) -> String {
    let starts_formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell = s.replace(['\t', '\n', '\r'], " ");
    if starts_formula {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The clause ids of one side of a pair, joined by `+`.
fn ids(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.clauses[i].id.as_str())
        .collect::<Vec<_>>()
        .join("+")
}

/// `qostil align --format tsv`.
pub fn tsv(doc: &Document) -> String {
    let mut out = String::from("kk\tru\tscore\tkk_text\tru_text\n");
    for p in &doc.pairs {
        let _ = writeln!(
            out,
            "{}\t{}\t{:.3}\t{}\t{}",
            tsv_cell(&ids(doc, &p.kk)),
            tsv_cell(&ids(doc, &p.ru)),
            p.score,
            tsv_cell(&side_text(doc, &p.kk)),
            tsv_cell(&side_text(doc, &p.ru))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_cells_are_never_formulas_or_broken_rows() {
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+7 701 000 00 00", "'+7 701 000 00 00"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "' =1"),
            ("\r=1", "' =1"),
            ("1. Мәтін\tжәне\nтағы", "1. Мәтін және тағы"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(tsv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            xml_escape("<script>\"a\" & 'b'\u{1}</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
        );
    }
}
