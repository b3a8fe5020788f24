//! PDF ingestion: a PDF's pages, read as a person reads them, become the same
//! [`Block`]s the plain-text path produces, so no later stage needs to know
//! the source was a PDF.
//!
//! Pipeline: `lopdf` parses (and decrypts, for an empty user password) →
//! [`content`] interprets each page's operators into positioned glyphs, with
//! [`font`] and [`glyphlist`] mapping codes to Unicode and widths →
//! [`layout`] builds words, lines, columns, paragraphs and finds repeated
//! headers and footers → this module lays the text out and cuts it into
//! blocks and dropped spans.
//!
//! The laid-out text (see [`PdfText::text`]) is exact: every line appears as
//! read, including the hyphen that ends a hyphenated line. Hyphenated and
//! soft-hyphenated (U+00AD) line ends are rejoined in the *run texts*: the
//! word's tail moves from the next line's run to the end of this line's run
//! (the hyphen is dropped from the run text), while each run's span still
//! covers its whole physical line. So [`Block::text`] reads the joined word
//! and the spans still cover every character of `text`.
//!
//! Invariants (tested):
//! - every non-whitespace char of `text` is inside exactly one block run span
//!   or one dropped span;
//! - blocks are in reading order: page by page; within a page, bands cut at
//!   full-width lines and at the rows of ruled tables, and in each band
//!   column 0 top to bottom, then column 1; a ruled table's row (a tariff's
//!   numbered label and its values) is one block, its cells left to right;
//! - `group` is `page * 16 + column`, with column 15 for full-width lines;
//! - no input makes [`extract`] panic: malformed input gives a typed error.
//!
//! Invisible text (render modes 3 and 7) is skipped on a page that has
//! visible text; on a page whose only text is invisible, that text is the OCR
//! layer over a scanned image (ocrmypdf, ABBYY, Acrobat) and is read as the
//! page's text (see [`content`]). A page with an image and no text at all is
//! a scan: it is read through OCR ([`super::ocr`]) as the options allow, its
//! lines laid out as blocks like any page's, and the page is listed in
//! [`PdfText::ocr`].
//!
//! No page is lost silently: a scanned page left unread (OCR off, the tools
//! missing, OCR failing) and a page whose content stream cannot be parsed
//! each get a warning naming the page ([`PdfText::warnings`]), and the other
//! pages are read. Only a document left with no text at all is an error.
//!
//! Left out: vertical writing (Identity-V text is read as horizontal), text
//! rotated on an upright page (stamps in margins are skipped), Type3 glyph
//! procedures, and the built-in encodings of embedded font programs (without
//! ToUnicode or an encoding such codes are counted as unmapped).

mod content;
mod font;
mod glyphlist;
pub mod guard;
mod layout;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document, LoadOptions, Object, ObjectId};

use super::ocr;
use crate::budget::Budget;
use crate::error::{Error, ErrorKind, Limit, Result};
use crate::model::{Block, BlockHint, DropKind, Dropped, Lang, Run, Span, Warning};
use content::{FontCache, PageGlyphs};
use layout::{FULL_WIDTH, Gutter, Line, Para};

/// A PDF's text as laid out for reading, cut into blocks.
#[derive(Debug, Clone)]
pub struct PdfText {
    /// The laid-out text of the whole document: for each page, for each
    /// column, its lines (words separated by single spaces) joined by '\n',
    /// blocks separated by "\n\n", pages separated by "\n\f\n". Every Span
    /// below indexes into this string.
    pub text: String,
    /// Blocks in reading order: page by page; within a page, full-width lines
    /// above the columns, then the left column top to bottom, then the right
    /// column, then full-width lines below. One block per paragraph. `runs`
    /// holds one Run per physical line (span into `text`, `span.page` set);
    /// `line` is the 1-based index of its first line among the page's lines
    /// (headers and footers counted); `group` is `page * 16 + column` (column
    /// 15: full-width lines); `bbox` is `[x0, y0, x1, y1]` in points with the
    /// origin at the bottom-left of the page as displayed. `lang` stays
    /// `Other`.
    pub blocks: Vec<Block>,
    /// Headers, footers and page numbers that repeat across pages (kind
    /// RepeatedHeader / PageNumber), with their spans in `text`.
    pub dropped: Vec<Dropped>,
    pub pages: u32,
    /// Character codes that no ToUnicode/encoding could map (counted, never
    /// silently replaced; the text gets U+FFFD for them).
    pub unmapped_codes: usize,
    /// The pages read through OCR, in page order.
    pub ocr: Vec<OcrRead>,
    /// What the reader should know about pages: read by OCR, not read (a
    /// scan left unread, a broken content stream), each naming its page.
    pub warnings: Vec<Warning>,
}

/// A page read through OCR.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrRead {
    /// 1-based.
    pub page: u32,
    pub words: usize,
    /// Mean word confidence, 0 to 1.
    pub confidence: f32,
    /// Rendering and recognition, wall time.
    pub seconds: f64,
}

/// The largest PDF read, in bytes.
pub const MAX_PDF: usize = 128 << 20;
/// The most pages read.
pub const MAX_PAGES: usize = 5_000;
/// The most content operators run in one document (each page also has its
/// own bound, [`content::MAX_OPS`]).
pub const MAX_DOC_OPS: usize = 10_000_000;
/// The deepest page tree walked.
pub const MAX_TREE_DEPTH: usize = 64;
/// The bound on one stream's decoded size (object, cross-reference and
/// content streams, Forms): a FlateDecode bomb fails here.
pub use content::MAX_STREAM_BYTES;
/// Bounds of one page, Forms included.
pub use content::{MAX_FONTS, MAX_FORM_DEPTH, MAX_GLYPHS, MAX_OPS};

/// Read a PDF, without OCR. `name` is used in errors only.
pub fn extract(name: &str, bytes: &[u8]) -> Result<PdfText> {
    extract_within(name, bytes, &Budget::unlimited())
}

/// Read a PDF within a time budget, without OCR. `name` is used in errors
/// only. See [`extract_with`].
pub fn extract_within(name: &str, bytes: &[u8], budget: &Budget) -> Result<PdfText> {
    extract_with(name, bytes, budget, &ocr::Options::off())
}

/// Read a PDF within a time budget, scanned pages through OCR as `ocr`
/// says. `name` is used in errors only. The budget is checked page by page
/// before OCR; OCR has its own timeout per page.
///
/// Errors: [`ErrorKind::TooLarge`] over [`MAX_PDF`]; the `Pdf*` kinds;
/// [`ErrorKind::Limit`] for a stream that inflates past
/// [`MAX_STREAM_BYTES`], more than [`MAX_PAGES`] pages, a page past one of
/// its bounds (named with the page), more than [`MAX_DOC_OPS`] operators,
/// or the budget running out; [`ErrorKind::PdfMalformed`] for a page tree
/// with a cycle; [`ErrorKind::PdfNoText`] when no page has text and OCR
/// read none; [`ErrorKind::Ocr`] for `--ocr on` without the tools, or a
/// document whose only pages are scans OCR failed on.
pub fn extract_with(
    name: &str,
    bytes: &[u8],
    budget: &Budget,
    ocr: &ocr::Options,
) -> Result<PdfText> {
    if bytes.len() > MAX_PDF {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len(),
                limit: MAX_PDF,
            },
        ));
    }
    // Our own code is written not to panic; this guards against a panic in
    // the parser on some input nobody foresaw, turning it into an error.
    match catch_unwind(AssertUnwindSafe(|| extract_inner(name, bytes, budget, ocr))) {
        Ok(result) => result,
        Err(_) => Err(Error::new(
            name,
            ErrorKind::PdfMalformed("the PDF parser failed on this file".into()),
        )),
    }
}

fn load(name: &str, bytes: &[u8]) -> Result<Document> {
    if !bytes.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::new(
            name,
            ErrorKind::PdfMalformed("no %PDF- header: not a PDF file".into()),
        ));
    }
    let count = guard::objects(bytes, MAX_STREAM_BYTES);
    if count.largest > guard::MAX_ARRAY {
        return Err(Error::new(
            name,
            ErrorKind::Limit(Limit::Elements(guard::MAX_ARRAY)),
        ));
    }
    if count.tokens > guard::MAX_OBJECT_TOKENS {
        return Err(Error::new(
            name,
            ErrorKind::Limit(Limit::Objects(guard::MAX_OBJECT_TOKENS)),
        ));
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| {
        let kind = match e {
            lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ErrorKind::PdfEncrypted,
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
                ErrorKind::Limit(Limit::Inflated(limit))
            }
            e => ErrorKind::PdfMalformed(format!("cannot read the file structure ({e})")),
        };
        Error::new(name, kind)
    })?;
    // lopdf decrypts with the empty user password by itself; a document
    // still encrypted after loading needs a real one.
    if doc.is_encrypted() {
        return Err(Error::new(name, ErrorKind::PdfEncrypted));
    }
    Ok(doc)
}

/// One page between layout and assembly.
struct PageWork {
    glyphs: PageGlyphs,
    rows: Vec<Vec<layout::Word>>,
    gutters: Vec<Gutter>,
}

/// A cycle in the page tree, as the object that leads back up, if there
/// is one; a tree deeper than [`MAX_TREE_DEPTH`] is an error too.
fn page_tree(name: &str, doc: &Document) -> Result<()> {
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok())
    else {
        return Ok(());
    };
    // Depth-first with the path from the root: a kid on the path is a
    // cycle; a node reached twice by two routes is visited once.
    let mut seen: std::collections::BTreeSet<ObjectId> = std::collections::BTreeSet::new();
    let mut stack: Vec<(ObjectId, usize)> = vec![(root, 0)];
    let mut path: Vec<ObjectId> = Vec::new();
    while let Some((id, depth)) = stack.pop() {
        path.truncate(depth);
        if path.contains(&id) {
            return Err(Error::new(
                name,
                ErrorKind::PdfMalformed(format!(
                    "the page tree has a cycle: object {} {} contains itself",
                    id.0, id.1
                )),
            ));
        }
        if depth >= MAX_TREE_DEPTH {
            return Err(Error::new(
                name,
                ErrorKind::Limit(Limit::Nesting(MAX_TREE_DEPTH)),
            ));
        }
        path.push(id);
        if !seen.insert(id) {
            continue;
        }
        let kids = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Kids").ok())
            .map(|k| match k {
                Object::Reference(r) => doc.get_object(*r).ok().unwrap_or(k),
                _ => k,
            })
            .and_then(|k| k.as_array().ok());
        for kid in kids.into_iter().flatten().rev() {
            if let Ok(r) = kid.as_reference() {
                stack.push((r, depth + 1));
            }
        }
    }
    Ok(())
}

fn extract_inner(
    name: &str,
    bytes: &[u8],
    budget: &Budget,
    options: &ocr::Options,
) -> Result<PdfText> {
    let doc = load(name, bytes)?;
    page_tree(name, &doc)?;
    let page_ids = doc.get_pages();
    if page_ids.len() > MAX_PAGES {
        return Err(Error::new(name, ErrorKind::Limit(Limit::Pages(MAX_PAGES))));
    }
    if page_ids.is_empty() {
        if let Some(e) = too_deep(name, bytes) {
            return Err(e);
        }
        return Err(Error::new(
            name,
            ErrorKind::PdfMalformed("no pages: the page tree is missing or unreadable".into()),
        ));
    }
    for (&n, &id) in &page_ids {
        for content_id in doc.get_page_contents(id) {
            if doc.get_object(content_id).is_err() {
                return Err(Error::new(
                    name,
                    ErrorKind::PdfMalformed(format!(
                        "the page's content stream (object {} {}) is missing: is the file truncated?",
                        content_id.0, content_id.1
                    )),
                )
                .at_page(n));
            }
        }
    }

    let mut fonts = FontCache::default();
    let mut work: Vec<PageWork> = Vec::with_capacity(page_ids.len());
    let mut ops = 0usize;
    for (&n, &id) in &page_ids {
        let at_page = |limit: Limit| Error::new(name, ErrorKind::Limit(limit)).at_page(n);
        let glyphs = content::page_glyphs(&doc, id, &mut fonts, budget);
        if let Some(limit) = glyphs.limit {
            return Err(at_page(limit));
        }
        ops = ops.saturating_add(glyphs.ops);
        if ops > MAX_DOC_OPS {
            return Err(at_page(Limit::Operators(MAX_DOC_OPS)));
        }
        let rows = layout::rows(&glyphs.glyphs);
        let gutters = layout::find_gutters(&rows, glyphs.width);
        if budget.exceeded() {
            return Err(at_page(budget.limit()));
        }
        work.push(PageWork {
            glyphs,
            rows,
            gutters,
        });
    }
    let mut warnings = Vec::new();
    let scans = lost_pages(&page_ids, &mut work, &mut warnings);
    let read = read_scans(name, bytes, &scans, options, &mut warnings)?;
    if read.is_empty() {
        if let Some(e) = no_text(name, &work, &scans, options, &warnings) {
            return Err(e);
        }
        check_text(name, &page_ids, &work).map_err(|e| too_deep(name, bytes).unwrap_or(e))?;
    } else {
        check_text(name, &page_ids, &work).or_else(|e| match e.kind {
            ErrorKind::PdfNoText(_) => Ok(()),
            _ => Err(e),
        })?;
    }
    let mut read: BTreeMap<usize, ocr::Page> = read.into_iter().collect();

    // A page whose columns were too short to show a gutter (a last page with
    // one column left) takes the document's most common one, if it fits.
    if let Some(common) = common_gutters(&work) {
        for page in work.iter_mut().filter(|p| p.gutters.is_empty()) {
            if common.iter().all(|&g| layout::gutter_fits(&page.rows, g)) {
                page.gutters = common.clone();
            }
        }
    }

    let pages: Vec<(Vec<Line>, f32)> = work
        .iter_mut()
        .map(|p| {
            (
                layout::lines(std::mem::take(&mut p.rows), &p.gutters),
                p.glyphs.height,
            )
        })
        .collect();
    let noise = layout::find_noise(&pages);
    // For each page and column, the width of the first word of its top line:
    // what the column of the page before flows into.
    let heads: Vec<BTreeMap<usize, f32>> = pages
        .iter()
        .zip(&noise)
        .map(|((lines, _), marks)| {
            let mut top: BTreeMap<usize, &Line> = BTreeMap::new();
            for (l, _) in lines.iter().zip(marks).filter(|(_, m)| m.is_none()) {
                let e = top.entry(l.col).or_insert(l);
                if l.y < e.y {
                    *e = l;
                }
            }
            top.into_iter()
                .map(|(c, l)| (c, layout::first_word_width(l)))
                .collect()
        })
        .collect();
    let mut out = Assembler::default();
    let mut ocr_reads = Vec::new();
    for (i, ((lines, height), marks)) in pages.into_iter().zip(noise).enumerate() {
        let page = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if let Some(scan) = read.remove(&i) {
            ocr_reads.push(OcrRead {
                page,
                words: scan.words,
                confidence: scan.confidence,
                seconds: scan.seconds,
            });
            out.ocr_page(page, scan, height);
            continue;
        }
        let next = heads.get(i + 1).cloned().unwrap_or_default();
        let table = Ruling {
            rules: &work[i].glyphs.rules,
            gutters: &work[i].gutters,
        };
        out.page(page, lines, &marks, height, &next, table);
    }
    Ok(PdfText {
        text: out.text,
        blocks: out.blocks,
        dropped: out.dropped,
        pages: u32::try_from(work.len()).unwrap_or(u32::MAX),
        unmapped_codes: work.iter().map(|p| p.glyphs.unmapped).sum(),
        ocr: ocr_reads,
        warnings,
    })
}

/// A warning about page `page`.
fn page_warning(page: u32, message: impl std::fmt::Display) -> Warning {
    Warning {
        line: None,
        byte: None,
        message: format!("page {page}: {message}"),
    }
}

/// A character no reader can use: unmapped (U+FFFD), private use, control.
fn unreadable_char(c: char) -> bool {
    c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control()
}

/// Pages that would be lost: a page whose content stream breaks gets a
/// warning (and, when nothing readable came before the break, is emptied
/// of the codes it did read); a page with an image and no text is a scan,
/// returned as (index in `work`, page number) for OCR.
fn lost_pages(
    page_ids: &BTreeMap<u32, ObjectId>,
    work: &mut [PageWork],
    warnings: &mut Vec<Warning>,
) -> Vec<(usize, u32)> {
    let mut scans = Vec::new();
    for (i, (&n, p)) in page_ids.keys().zip(work.iter_mut()).enumerate() {
        let text = || p.glyphs.glyphs.iter().filter(|g| !g.is_space());
        let empty = text().next().is_none();
        let readable = text().any(|g| g.text.chars().any(|c| !unreadable_char(c)));
        if p.glyphs.broken_stream && p.glyphs.limit.is_none() {
            // Only a page with something else on it is worth a warning:
            // a document with no text at all is an error (`check_text`).
            if readable {
                warnings.push(page_warning(
                    n,
                    "its content stream cannot be parsed to the end (broken or truncated): \
                     only the text before the break is read",
                ));
            } else {
                p.glyphs.glyphs.clear();
                p.rows.clear();
                p.gutters.clear();
                warnings.push(page_warning(
                    n,
                    "its content stream cannot be parsed (broken or truncated): the page is not read",
                ));
            }
            continue;
        }
        if empty && p.glyphs.images > 0 {
            scans.push((i, n));
        }
    }
    scans
}

/// Read the scanned pages through OCR as `options` allow: the pages read
/// (by index in the document's pages), each with a warning saying so; a
/// page left unread gets a warning saying why.
///
/// Errors: [`ErrorKind::Ocr`] under [`ocr::Mode::On`] when the tools are
/// missing or the PDF cannot be handed to them.
fn read_scans(
    name: &str,
    bytes: &[u8],
    scans: &[(usize, u32)],
    options: &ocr::Options,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<(usize, ocr::Page)>> {
    let Some(&(_, first)) = scans.first() else {
        return Ok(Vec::new());
    };
    let unread = |warnings: &mut Vec<Warning>, why: &str| {
        for &(_, n) in scans {
            warnings.push(page_warning(
                n,
                format!("no text layer (a scan); not read — {why}"),
            ));
        }
    };
    if options.mode == ocr::Mode::Off {
        unread(warnings, "run with --ocr auto to read it through OCR");
        return Ok(Vec::new());
    }
    let tools = match ocr::tools() {
        Ok(t) => t,
        Err(why) if options.mode == ocr::Mode::On => {
            return Err(Error::new(
                name,
                ErrorKind::Ocr(format!("{why}: install {}", ocr::PACKAGES)),
            )
            .at_page(first));
        }
        Err(why) => {
            unread(
                warnings,
                &format!("{why}: install {} and run with --ocr", ocr::PACKAGES),
            );
            return Ok(Vec::new());
        }
    };
    let setup = |e: std::io::Error| {
        Error::new(
            name,
            ErrorKind::Ocr(format!(
                "cannot write the PDF for OCR to a temporary folder: {e}"
            )),
        )
        .at_page(first)
    };
    let dir = ocr::TempDir::new().map_err(setup)?;
    let pdf = dir.path().join("input.pdf");
    std::fs::write(&pdf, bytes).map_err(setup)?;
    let mut read = Vec::new();
    for &(i, n) in scans {
        match ocr::read_page(tools, &pdf, n, dir.path(), options.timeout) {
            Ok(page) if page.paras.is_empty() => {
                warnings.push(page_warning(
                    n,
                    format!(
                        "no text layer (a scan); OCR (tesseract {}) found no text on it",
                        tools.languages
                    ),
                ));
            }
            Ok(page) => {
                warnings.push(page_warning(
                    n,
                    format!(
                        "text read by OCR (tesseract {}), mean word confidence {:.2}",
                        tools.languages, page.confidence
                    ),
                ));
                read.push((i, page));
            }
            Err(f) => warnings.push(page_warning(
                n,
                format!("no text layer (a scan); not read — {f}"),
            )),
        }
    }
    Ok(read)
}

/// The error for a document with no text and scanned pages OCR did not
/// read: why, and what to do; `None` when there were no scans (the
/// ordinary checks then name the cause).
fn no_text(
    name: &str,
    work: &[PageWork],
    scans: &[(usize, u32)],
    options: &ocr::Options,
    warnings: &[Warning],
) -> Option<Error> {
    let &(_, first) = scans.first()?;
    let any_text = work
        .iter()
        .any(|p| p.glyphs.glyphs.iter().any(|g| !g.is_space()));
    if any_text {
        return None;
    }
    let remedy = match (options.mode, ocr::tools()) {
        (ocr::Mode::Off, _) => "it needs OCR: run with --ocr auto (OCR is off)".to_string(),
        (_, Err(why)) => format!(
            "it needs OCR: install {} ({why}), or give a PDF with a text layer",
            ocr::PACKAGES
        ),
        (_, Ok(_)) => {
            // OCR ran: a failure is the error; otherwise it read nothing.
            let prefix = format!("page {first}: ");
            let failed = warnings
                .iter()
                .filter_map(|w| w.message.strip_prefix(&prefix))
                .find_map(|m| m.strip_prefix("no text layer (a scan); not read — "));
            if let Some(why) = failed {
                return Some(Error::new(name, ErrorKind::Ocr(why.to_string())).at_page(first));
            }
            format!("OCR (tesseract {}) found no text in it", ocr::LANGUAGES)
        }
    };
    Some(Error::new(name, ErrorKind::PdfNoText(remedy)).at_page(first))
}

/// How deep lopdf's parser nests arrays and dictionaries: an object nested
/// deeper is dropped while loading.
pub const MAX_NESTING: usize = 100;

/// The error for a file whose objects nest deeper than [`MAX_NESTING`]
/// (which lopdf drops, leaving a page without content or a document without
/// pages): asked only when the document has failed, to name the cause.
fn too_deep(name: &str, bytes: &[u8]) -> Option<Error> {
    (nesting_depth(bytes, MAX_NESTING) > MAX_NESTING)
        .then(|| Error::new(name, ErrorKind::Limit(Limit::Nesting(MAX_NESTING))))
}

/// The index of the `)` that closes the PDF literal string opening at
/// `bytes[start]` (a `(`), balanced parentheses and `\\` escapes respected;
/// `bytes.len()` when the string is never closed.
pub(super) fn string_end(bytes: &[u8], start: usize) -> usize {
    let (mut depth, mut i) = (0usize, start);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// The deepest nesting of `[` and `<<` in the file's objects, outside
/// strings, comments and stream data; the scan stops once past `stop`.
fn nesting_depth(bytes: &[u8], stop: usize) -> usize {
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() && deepest <= stop {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = string_end(bytes, i),
            b'[' => depth += 1,
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if bytes[i..].starts_with(b"stream") && !bytes[..i].ends_with(b"end") => {
                match bytes[i..].windows(9).position(|w| w == b"endstream") {
                    Some(end) => i += end + 8,
                    None => break,
                }
            }
            _ => {}
        }
        deepest = deepest.max(depth);
        i += 1;
    }
    deepest
}

/// Fail on a document without readable text: no glyphs at all (a scan), or
/// mostly codes nothing maps.
fn check_text(
    name: &str,
    page_ids: &BTreeMap<u32, lopdf::ObjectId>,
    work: &[PageWork],
) -> Result<()> {
    let visible = |p: &PageWork| p.glyphs.glyphs.iter().filter(|g| !g.is_space()).count();
    let total: usize = work.iter().map(visible).sum();
    if total == 0 {
        if let Some((n, _)) = page_ids
            .iter()
            .zip(work)
            .find(|(_, p)| p.glyphs.broken_stream)
        {
            return Err(Error::new(
                name,
                ErrorKind::PdfMalformed("the page's content stream cannot be parsed".into()),
            )
            .at_page(*n.0));
        }
        return Err(Error::new(
            name,
            ErrorKind::PdfNoText("it has no image to read through OCR either".into()),
        ));
    }
    let bad = unreadable_char;
    let mut chars = 0usize;
    let mut unreadable = 0usize;
    let mut first_bad_page = None;
    for ((n, _), p) in page_ids.iter().zip(work) {
        let (mut pc, mut pb) = (0usize, 0usize);
        for g in p.glyphs.glyphs.iter().filter(|g| !g.is_space()) {
            for c in g.text.chars().filter(|c| !c.is_whitespace()) {
                pc += 1;
                pb += usize::from(bad(c));
            }
        }
        if pb * 2 > pc && first_bad_page.is_none() {
            first_bad_page = Some(*n);
        }
        chars += pc;
        unreadable += pb;
    }
    if unreadable * 2 > chars {
        let err = Error::new(
            name,
            ErrorKind::PdfUnreadable(format!(
                "{unreadable} of {chars} characters have no Unicode mapping (fonts without ToUnicode or a known encoding)"
            )),
        );
        return Err(match first_bad_page {
            Some(n) => err.at_page(n),
            None => err,
        });
    }
    Ok(())
}

/// The gutters most pages agree on (to 2 pt), if any page found some.
fn common_gutters(work: &[PageWork]) -> Option<Vec<Gutter>> {
    let found: Vec<&Vec<Gutter>> = work
        .iter()
        .map(|p| &p.gutters)
        .filter(|g| !g.is_empty())
        .collect();
    let same = |a: &Vec<Gutter>, b: &Vec<Gutter>| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x.0 - y.0).abs() <= 2.0 && (x.1 - y.1).abs() <= 2.0)
    };
    found
        .iter()
        .max_by_key(|a| found.iter().filter(|b| same(a, b)).count())
        .map(|g| (*g).clone())
}

/// Builds `text`, blocks and dropped spans page by page.
#[derive(Default)]
struct Assembler {
    text: String,
    blocks: Vec<Block>,
    dropped: Vec<Dropped>,
    pages: u32,
}

/// A page's ruled lines and gutters, where its tables' rows are found
/// ([`layout::ruled_rows`]).
struct Ruling<'a> {
    rules: &'a [content::Rule],
    gutters: &'a [Gutter],
}

/// What one item of a page's reading order is.
enum Item {
    /// A paragraph, its column, and whether it is a ruled table's row.
    Para(Para, usize, bool),
    Noise(Line, DropKind),
}

impl Assembler {
    fn page(
        &mut self,
        page: u32,
        lines: Vec<Line>,
        marks: &[Option<DropKind>],
        height: f32,
        next_heads: &BTreeMap<usize, f32>,
        table: Ruling,
    ) {
        if self.pages > 0 {
            self.text.push_str("\n\u{c}\n");
        }
        self.pages += 1;
        let mut content = Vec::new();
        let mut noise = Vec::new();
        let marked: Vec<(Line, Option<DropKind>)> =
            lines.into_iter().zip(marks.iter().copied()).collect();
        let (mut rows, mut rest) = layout::ruled_rows(marked, table.rules, table.gutters);
        // A table with no rules at all: its rows are found from its
        // numbered label cells.
        if rows.is_empty() && !table.gutters.is_empty() {
            let borders = layout::unruled_row_borders(
                rest.iter()
                    .filter(|(_, mark)| mark.is_none())
                    .map(|(l, _)| l),
            );
            if !borders.is_empty() {
                (rows, rest) = layout::ruled_rows(rest, &borders, table.gutters);
            }
        }
        for (line, mark) in rest {
            match mark {
                Some(kind) => noise.push((line, kind)),
                None => content.push(line),
            }
        }
        noise.sort_by(|a, b| a.0.y.total_cmp(&b.0.y));
        let first_y = content
            .iter()
            .map(|l| l.y)
            .chain(rows.iter().map(|r| r.top))
            .fold(f32::INFINITY, f32::min);
        let segments = layout::reading_order_with_rows(content, rows);
        let extents = layout::column_extents(&segments);
        let labels = layout::label_columns(&segments);

        // A table's number column («№ | kk | ru», the numbers in a column
        // of their own): each number, with the top of its line in PDF
        // space, for the cells level with it.
        let row_labels: Vec<(f32, String)> = segments
            .iter()
            .filter(|seg| labels.contains(&seg.col))
            .flat_map(|seg| &seg.lines)
            .map(|l| (height - l.top(), l.text.trim().to_string()))
            .filter(|(_, t)| layout::is_clause_number(t))
            .collect();
        let mut items: Vec<Item> = Vec::new();
        let (above, below): (Vec<_>, Vec<_>) = noise.into_iter().partition(|(l, _)| l.y < first_y);
        items.extend(above.into_iter().map(|(l, k)| Item::Noise(l, k)));
        for (k, seg) in segments.iter().enumerate() {
            // A table's number column: the cells print their own numbers.
            if labels.contains(&seg.col) {
                items.extend(
                    seg.lines
                        .iter()
                        .map(|l| Item::Noise(l.clone(), DropKind::Markup)),
                );
                continue;
            }
            // A ruled table's row is one paragraph, its cells in order.
            if seg.row {
                let hint = match seg.lines.first() {
                    Some(l) if layout::is_bullet(&l.text) => BlockHint::Bullet,
                    _ => BlockHint::Text,
                };
                items.push(Item::Para(
                    Para {
                        lines: seg.lines.clone(),
                        hint,
                        starts_paragraph: true,
                        ends_wrapped: false,
                    },
                    FULL_WIDTH,
                    true,
                ));
                continue;
            }
            let extent = extents.get(&seg.col).copied().unwrap_or((0.0, 0.0));
            let last_of_col = !segments[k + 1..].iter().any(|s| s.col == seg.col);
            let next_word = if last_of_col {
                next_heads.get(&seg.col).copied()
            } else {
                None
            };
            for para in layout::paragraphs(
                &seg.lines,
                extent,
                seg.col == FULL_WIDTH,
                next_word,
                table.rules,
            ) {
                items.push(Item::Para(para, seg.col, false));
            }
        }
        items.extend(below.into_iter().map(|(l, k)| Item::Noise(l, k)));

        let first_block = self.blocks.len();
        let mut line_no = 0usize;
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str("\n\n");
            }
            match item {
                Item::Noise(line, kind) => {
                    line_no += 1;
                    let span = self.push_line(&line.text, page);
                    self.dropped.push(Dropped {
                        kind,
                        text: line.text,
                        span,
                    });
                }
                Item::Para(para, col, table_row) => {
                    let first_line = line_no + 1;
                    let mut spans = Vec::with_capacity(para.lines.len());
                    for (k, line) in para.lines.iter().enumerate() {
                        if k > 0 {
                            self.text.push('\n');
                        }
                        line_no += 1;
                        spans.push(self.push_line(&line.text, page));
                    }
                    let runs =
                        line_runs(para.lines.iter().map(|l| l.text.clone()).collect(), spans);
                    let b = para.bbox();
                    let col = u32::try_from(col.min(FULL_WIDTH)).unwrap_or(15);
                    self.blocks.push(Block {
                        runs,
                        hint: para.hint,
                        line: first_line,
                        page: Some(page),
                        group: Some(page.saturating_mul(16).saturating_add(col)),
                        starts_paragraph: para.starts_paragraph,
                        table_row,
                        ends_wrapped: para.ends_wrapped,
                        gap_before: false,
                        bbox: Some([b[0], height - b[3], b[2], height - b[1]]),
                        row: None,
                        ordinal: None,
                        row_number: None,
                        nested: false,
                        declared_lang: None,
                        lang: Lang::Other,
                    });
                }
            }
        }
        number_parallel_cells(&mut self.blocks[first_block..], &row_labels);
    }

    /// A page read through OCR: its paragraphs as blocks, in Tesseract's
    /// reading order, laid out as [`Assembler::page`] lays out a page's
    /// (lines joined by '\n', blocks by "\n\n"), then its noise lines as
    /// dropped spans. `height` is the page's displayed height in points.
    fn ocr_page(&mut self, page: u32, read: ocr::Page, height: f32) {
        if self.pages > 0 {
            self.text.push_str("\n\u{c}\n");
        }
        self.pages += 1;
        let mut line_no = 0usize;
        let mut first = true;
        for para in read.paras {
            if !first {
                self.text.push_str("\n\n");
            }
            first = false;
            let first_line = line_no + 1;
            let mut spans = Vec::with_capacity(para.lines.len());
            let mut b = [f32::INFINITY, f32::INFINITY, 0.0f32, 0.0f32];
            for (k, line) in para.lines.iter().enumerate() {
                if k > 0 {
                    self.text.push('\n');
                }
                line_no += 1;
                spans.push(self.push_line(&line.text, page));
                b = [
                    b[0].min(line.bbox[0]),
                    b[1].min(line.bbox[1]),
                    b[2].max(line.bbox[2]),
                    b[3].max(line.bbox[3]),
                ];
            }
            let runs = line_runs(para.lines.into_iter().map(|l| l.text).collect(), spans);
            self.blocks.push(Block {
                runs,
                hint: BlockHint::Text,
                line: first_line,
                page: Some(page),
                group: Some(page.saturating_mul(16).saturating_add(para.column.min(15))),
                starts_paragraph: para.starts_paragraph,
                table_row: false,
                ends_wrapped: para.ends_wrapped,
                gap_before: false,
                bbox: Some([b[0], height - b[3], b[2], height - b[1]]),
                row: None,
                ordinal: None,
                row_number: None,
                nested: false,
                declared_lang: None,
                lang: Lang::Other,
            });
        }
        for line in read.noise {
            if !first {
                self.text.push_str("\n\n");
            }
            first = false;
            let span = self.push_line(&line.text, page);
            self.dropped.push(Dropped {
                kind: DropKind::OcrNoise,
                text: line.text,
                span,
            });
        }
    }

    fn push_line(&mut self, line: &str, page: u32) -> Span {
        let start = self.text.len();
        self.text.push_str(line);
        Span {
            start,
            end: self.text.len(),
            page: Some(page),
        }
    }
}

/// A paragraph's runs: each physical line's text (hyphenated words
/// rejoined, see [`rejoin_hyphens`]) with the span of that line.
/// How far apart, in points, the tops of two cells of one table row may
/// lie: cells of a row start on one baseline, give or take a padding.
const ROW_TOP_SLACK: f32 = 3.0;

/// A table of parallel texts with its numbers in a column of their own
/// («5.1. | kk | ru»): the number column reads as the first text column's
/// hanging labels, so the other text column's cells carry no number; or,
/// set apart from the text, it is a label column (`row_labels`: each
/// number with its top in PDF space) and no cell carries one. A cell that
/// starts at the same height as a numbered paragraph of a column left of
/// it, or as a label, and has no label of its own, takes that number as
/// its `row_number`, as an HTML table row's number cell gives it. Only
/// where a page pairs so at least [`MIN_PARALLEL_ROWS`] times: two columns
/// of running text may start level once by chance (at the page's top).
fn number_parallel_cells(blocks: &mut [Block], row_labels: &[(f32, String)]) {
    // A block's box is in PDF space, y upwards: its top is `y1`.
    let top = |b: &Block| b.bbox.map(|b| b[3]);
    let column = |b: &Block| b.group.map(|g| g % 16);
    let label = |b: &Block| {
        let text = b.runs.first().map(|r| r.text.as_str()).unwrap_or("");
        let first = text.split_whitespace().next()?;
        (layout::is_clause_number(first) && text.len() > first.len()).then(|| first.to_string())
    };
    let mut pairs: Vec<(usize, String)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let (Some(t), Some(c)) = (top(b), column(b)) else {
            continue;
        };
        if c == FULL_WIDTH as u32 || label(b).is_some() || layout::is_bullet(&b.text()) {
            continue;
        }
        let labelled = row_labels
            .iter()
            .find(|(lt, _)| (lt - t).abs() <= ROW_TOP_SLACK)
            .map(|(_, n)| n.clone());
        let numbered = labelled.or_else(|| {
            blocks.iter().find_map(|o| {
                let (ot, oc) = (top(o)?, column(o)?);
                (oc < c && (ot - t).abs() <= ROW_TOP_SLACK)
                    .then(|| label(o))
                    .flatten()
            })
        });
        if let Some(n) = numbered {
            pairs.push((i, n));
        }
    }
    if pairs.len() < MIN_PARALLEL_ROWS {
        return;
    }
    for (i, n) in pairs {
        blocks[i].row_number = Some(n.trim_end_matches('.').to_string());
    }
}

/// How many level numbered rows make a page a table of parallel texts.
const MIN_PARALLEL_ROWS: usize = 3;

fn line_runs(texts: Vec<String>, spans: Vec<Span>) -> Vec<Run> {
    rejoin_hyphens(texts)
        .into_iter()
        .zip(spans)
        .map(|(text, span)| Run {
            text,
            span,
            glue: false,
        })
        .collect()
}

/// Rejoin words split across lines, in the run texts of one paragraph: a line
/// ending in a soft hyphen, or in a hyphen after a lowercase letter when the
/// next line starts with a lowercase letter, takes the next line's first word
/// and loses the hyphen. A soft hyphen inside a line was drawn, so it is a
/// hyphen (typst maps its hyphen glyph to U+00AD: «18-ге», «сондай-ақ»).
///
/// A hyphen that belongs to the text stays, by the rule plain text follows
/// too ([`crate::tokens::soft_line_hyphen`]): «cookie-» / «файлдар»,
/// «интернет-» / «статистика», «info@mfo-» / «example.kz»; the line is then
/// joined to the next one with the hyphen and no space, as any text is.
fn rejoin_hyphens(mut texts: Vec<String>) -> Vec<String> {
    for i in 0..texts.len().saturating_sub(1) {
        let (head, tail) = texts.split_at_mut(i + 1);
        let (Some(cur), Some(next)) = (head.last_mut(), tail.first_mut()) else {
            continue;
        };
        let mut rev = cur.chars().rev();
        let last = rev.next();
        let before = rev.next();
        let next_first = next.chars().next();
        let soft = last == Some('\u{AD}');
        let left = cur[..cur.len() - last.map_or(0, char::len_utf8)]
            .rsplit(' ')
            .next()
            .unwrap_or("");
        let right = next.split(' ').next().unwrap_or("");
        let hard = last == Some('-')
            && before.is_some_and(char::is_lowercase)
            && next_first.is_some_and(char::is_lowercase)
            && crate::tokens::soft_line_hyphen(left, right);
        if !(soft || hard) || next.is_empty() {
            continue;
        }
        cur.pop();
        let cut = next.find(' ').unwrap_or(next.len());
        cur.push_str(&next[..cut]);
        *next = next[cut..].trim_start().to_string();
    }
    texts
        .into_iter()
        .map(|t| t.replace('\u{AD}', "-"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_rejoin_in_runs() {
        let t = |v: &[&str]| rejoin_hyphens(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            t(&["конфиденци-", "альности и далее"]),
            ["конфиденциальности", "и далее"]
        );
        assert_eq!(t(&["a conf-", "idential."]), ["a confidential.", ""]);
        assert_eq!(t(&["soft\u{AD}", "ware and"]), ["software", "and"]);
        assert_eq!(t(&["18\u{AD}ге"]), ["18-ге"]);
        // Capitals, digits and a next line in capitals keep the hyphen.
        assert_eq!(t(&["МҚҰ-", "на"]), ["МҚҰ-", "на"]);
        assert_eq!(t(&["1990-", "2000"]), ["1990-", "2000"]);
        assert_eq!(t(&["ақпарат-", "Тізім"]), ["ақпарат-", "Тізім"]);
        assert_eq!(t(&["-"]), ["-"]);
        // Compounds, e-mails and URLs keep their hyphen.
        assert_eq!(
            t(&["Сайт cookie-", "файлдарды"]),
            ["Сайт cookie-", "файлдарды"]
        );
        assert_eq!(
            t(&["info@mfo-", "example.kz."]),
            ["info@mfo-", "example.kz."]
        );
        assert_eq!(t(&["интернет-", "статистика"]), ["интернет-", "статистика"]);
        assert_eq!(t(&[]), Vec::<String>::new());
    }

    /// A block of `text` in column `col` of page 1 whose top is `top` pt
    /// (PDF space, y upwards).
    fn cell(text: &str, col: u32, top: f32) -> Block {
        let mut b = Block::new(
            vec![Run {
                text: text.to_string(),
                span: Span::new(0, 0),
                glue: false,
            }],
            crate::model::BlockHint::Text,
            1,
        );
        b.group = Some(16 + col);
        b.bbox = Some([0.0, top - 20.0, 10.0, top]);
        b
    }

    #[test]
    fn a_parallel_table_numbers_the_cells_beside_its_number_column() {
        let mut blocks = vec![
            cell("5.1. Клиент біле алады.", 0, 100.0),
            cell("5.2. Клиент өзгерте алады.", 0, 140.0),
            cell("5.3. Клиент жоя алады.", 0, 180.0),
            cell("Клиент может знать.", 1, 100.5),
            cell("Клиент может изменить.", 1, 141.0),
            cell("Клиент может удалить.", 1, 180.0),
            // Level with no numbered paragraph: a wrapped tail.
            cell("и дополнить.", 1, 160.0),
        ];
        number_parallel_cells(&mut blocks, &[]);
        let numbers: Vec<Option<&str>> = blocks.iter().map(|b| b.row_number.as_deref()).collect();
        assert_eq!(
            numbers,
            [
                None,
                None,
                None,
                Some("5.1"),
                Some("5.2"),
                Some("5.3"),
                None
            ]
        );
        // Two columns that start level only once or twice are running text.
        let mut blocks = blocks[..2].to_vec();
        blocks.push(cell("Клиент может знать.", 1, 100.0));
        number_parallel_cells(&mut blocks, &[]);
        assert!(blocks.iter().all(|b| b.row_number.is_none()));
    }

    #[test]
    fn not_a_pdf() {
        let e = extract("x.pdf", b"hello").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::PdfMalformed(_)));
        assert_eq!(e.path, "x.pdf");
        let e = extract(
            "y.pdf",
            b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        )
        .unwrap_err();
        assert!(matches!(e.kind, ErrorKind::PdfMalformed(_)), "{e}");
    }

    #[test]
    fn nesting_is_measured_outside_strings_comments_and_streams() {
        let cases: [(&[u8], usize); 6] = [
            (b"<< /A [1 [2]] >>", 3),
            (b"<< /A (([[[[) >>", 1),
            (b"% [[[[[\n[1]", 1),
            (b"<< >>\nstream\n[[[[[[\nendstream [", 1),
            (b"[(\\)[[[[)]", 1),
            (b"]]]] [", 1),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                nesting_depth(bytes, 100),
                want,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        let deep = [vec![b'['; 500], vec![b']'; 500]].concat();
        assert_eq!(nesting_depth(&deep, 100), 101);
    }
}
