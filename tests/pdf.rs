//! PDF ingestion against the fixtures of `fixtures/pdf/`: two-column kk/ru
//! policies from three producers, each with the text it was made from, and
//! one fixture per failure.
//!
//! Asserted for every producer: per column, character accuracy ≥ 0.99
//! against the source (1 − edit distance / source length, whitespace
//! normalised); ≥ 99% of lines in the right column; every non-whitespace
//! character of the text in exactly one run span or dropped span; repeated
//! headers and page numbers dropped; a paragraph crossing a page marked as
//! such.

use std::path::PathBuf;

use qostil::error::ErrorKind;
use qostil::ingest::pdf::{PdfText, extract};
use qostil::model::{BlockHint, DropKind};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn source(name: &str) -> Option<String> {
    std::fs::read_to_string(dir().join(name)).ok()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance over chars, in O(len(b)) memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn accuracy(got: &str, want: &str) -> f64 {
    let n = want.chars().count().max(1);
    1.0 - edit_distance(got, want) as f64 / n as f64
}

/// The text of one column across the document: its blocks' texts in order.
fn column(doc: &PdfText, col: u32) -> String {
    let texts: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.group.map(|g| g % 16) == Some(col))
        .map(|b| b.text())
        .collect();
    norm(&texts.join("\n"))
}

fn assert_coverage(doc: &PdfText) {
    let mut cover = vec![0u8; doc.text.len()];
    let spans = doc
        .blocks
        .iter()
        .flat_map(|b| b.runs.iter().map(|r| r.span))
        .chain(doc.dropped.iter().map(|d| d.span));
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= doc.text.len(),
            "{span:?}"
        );
        assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        assert!(span.page.is_some_and(|p| p >= 1 && p <= doc.pages));
        for c in &mut cover[span.start..span.end] {
            *c += 1;
        }
    }
    for (i, c) in doc.text.char_indices() {
        if !c.is_whitespace() {
            assert_eq!(cover[i], 1, "char {c:?} at {i} covered {} times", cover[i]);
        }
    }
}

fn assert_structure(doc: &PdfText) {
    let mut last_page = 0;
    for b in &doc.blocks {
        let page = b.page.expect("page set");
        assert!(page >= last_page, "blocks in page order");
        last_page = page;
        let group = b.group.expect("group set");
        assert_eq!(group / 16, page);
        assert!(matches!(group % 16, 0 | 1 | 15), "group {group}");
        assert!(b.line >= 1 && !b.runs.is_empty());
        let bbox = b.bbox.expect("bbox");
        assert!(bbox[0] <= bbox[2] && bbox[1] <= bbox[3]);
        assert!(matches!(b.hint, BlockHint::Text | BlockHint::Bullet));
        for r in &b.runs {
            assert_eq!(r.span.page, Some(page));
        }
    }
    assert_eq!(
        doc.text.matches("\n\u{c}\n").count() + 1,
        doc.pages as usize
    );
    assert!(!doc.text.contains("  "), "no double spaces");
}

/// The share of column lines (runs) that belong to their column's source.
fn line_column_rate(doc: &PdfText, kk: &str, ru: &str) -> (usize, usize) {
    let (mut ok, mut total) = (0, 0);
    for b in &doc.blocks {
        let want = match b.group.map(|g| g % 16) {
            Some(0) => kk,
            Some(1) => ru,
            _ => continue,
        };
        for r in &b.runs {
            let t = norm(&r.text);
            if t.is_empty() {
                continue;
            }
            total += 1;
            ok += usize::from(want.contains(&t));
        }
    }
    (ok, total)
}

fn check_fixture(name: &str, pages: u32) -> PdfText {
    let doc = extract(name, &read(&format!("{name}.pdf"))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.pages, pages, "{name}");
    assert_eq!(doc.unmapped_codes, 0, "{name}");
    assert_coverage(&doc);
    assert_structure(&doc);
    let kk = norm(&source(&format!("{name}.kk.txt")).expect("kk source"));
    let ru = norm(&source(&format!("{name}.ru.txt")).expect("ru source"));
    for (col, want) in [(0, &kk), (1, &ru)] {
        let got = column(&doc, col);
        let acc = accuracy(&got, want);
        eprintln!(
            "{name}: column {col} accuracy {acc:.4} ({} chars)",
            want.chars().count()
        );
        assert!(
            acc >= 0.99,
            "{name} column {col}: accuracy {acc:.4}\n got: {got}\nwant: {want}"
        );
    }
    let (ok, total) = line_column_rate(&doc, &kk, &ru);
    let rate = ok as f64 / total.max(1) as f64;
    eprintln!("{name}: {ok} of {total} lines in the right column ({rate:.4})");
    assert!(rate >= 0.99, "{name}: line-column rate {rate:.4}");
    if let Some(shared) = source(&format!("{name}.shared.txt")) {
        assert_eq!(column(&doc, 15), norm(&shared), "{name}: full-width lines");
    }
    // Repeated headers and page numbers go to `dropped`, not into blocks.
    let numbers = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::PageNumber)
        .count();
    let headers = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::RepeatedHeader)
        .count();
    assert!(
        numbers + headers >= pages as usize,
        "{name}: {:?}",
        doc.dropped
    );
    assert!(
        doc.blocks
            .iter()
            .all(|b| !b.text().contains("ФинТехЛаб» · «ФинТехЛаб"))
    );
    doc
}

/// Some paragraph runs from the bottom of a page's column to the top of the
/// next page's: the first block there is no paragraph start, and the last
/// block before it is marked as wrapped.
fn assert_crosses_page(doc: &PdfText) {
    let crossing = (1..doc.pages).any(|p| {
        (0..2).any(|col| {
            let last = doc.blocks.iter().rfind(|b| b.group == Some(p * 16 + col));
            let first = doc
                .blocks
                .iter()
                .find(|b| b.group == Some((p + 1) * 16 + col));
            matches!((last, first), (Some(l), Some(f)) if l.ends_wrapped && !f.starts_paragraph)
        })
    });
    assert!(crossing, "no paragraph is seen crossing a page");
}

#[test]
fn libreoffice_two_column_table() {
    let doc = check_fixture("lo_table", 4);
    assert_crosses_page(&doc);
    // Page numbers are bare numbers in the footer.
    assert_eq!(
        doc.dropped
            .iter()
            .filter(|d| d.kind == DropKind::PageNumber)
            .count(),
        4
    );
}

#[test]
fn fpdf2_section_columns() {
    let doc = check_fixture("fpdf_cols", 2);
    assert_crosses_page(&doc);
    let numbers: Vec<&str> = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::PageNumber)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(numbers, ["— 1 —", "— 2 —"]);
}

#[test]
fn reportlab_lines_at_two_x_positions() {
    let doc = check_fixture("rl_lines", 2);
    assert_crosses_page(&doc);
    // The hyphenated line ends are rejoined in the run texts, the text itself
    // keeps them.
    assert!(doc.text.contains("-\n"));
    // Indented first lines start paragraphs.
    let starts = doc.blocks.iter().filter(|b| b.starts_paragraph).count();
    assert!(
        starts * 2 > doc.blocks.len(),
        "{starts} of {}",
        doc.blocks.len()
    );
}

#[test]
fn empty_user_password_is_decrypted() {
    let plain = extract("fpdf_cols.pdf", &read("fpdf_cols.pdf")).expect("plain");
    let enc = extract("owner_only.pdf", &read("owner_only.pdf")).expect("decrypted");
    assert_eq!(plain.text, enc.text);
}

#[test]
fn failures_have_their_own_errors() {
    let kind = |name: &str| extract(name, &read(name)).map(|_| ()).unwrap_err();
    let e = kind("encrypted.pdf");
    assert_eq!(e.kind, ErrorKind::PdfEncrypted);
    assert_eq!(e.path, "encrypted.pdf");
    let e = kind("image_only.pdf");
    assert!(matches!(e.kind, ErrorKind::PdfNoText(_)), "{e}");
    let e = kind("truncated.pdf");
    assert!(matches!(e.kind, ErrorKind::PdfMalformed(_)), "{e}");
    let e = kind("garbage.pdf");
    assert!(matches!(e.kind, ErrorKind::PdfMalformed(_)), "{e}");
    assert!(
        e.to_string()
            .starts_with("garbage.pdf: the PDF is malformed: "),
        "{e}"
    );
}

/// A PDF whose only font has no ToUnicode and an Identity-H encoding: its
/// codes mean nothing readable.
#[test]
fn unmappable_text_is_unreadable() {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Dictionary(dictionary! { "Subtype" => "CIDFontType2", "DW" => 600 })],
    });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 12 Tf 72 700 Td <0011002200330044> Tj ET".to_vec(),
    ));
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    let e = extract("unmapped.pdf", &bytes).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::PdfUnreadable(_)), "{e}");
    assert_eq!(e.page, Some(1));
}

/// Every prefix of a real PDF, and every fixture with bytes flipped, gives a
/// result or an error, never a panic.
#[test]
fn damaged_input_never_panics() {
    let bytes = read("rl_lines.pdf");
    for cut in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
        let _ = extract("cut.pdf", &bytes[..cut]);
    }
    let mut flipped = read("lo_table.pdf");
    for i in (200..flipped.len()).step_by(997) {
        flipped[i] ^= 0x5a;
    }
    if let Ok(doc) = extract("flipped.pdf", &flipped) {
        assert_coverage(&doc);
    }
}
