//! DOCX (Office Open XML word-processing) input: the text a reader sees,
//! with Word's automatic list numbers written in.
//!
//! A `.docx` is a zip archive of XML parts. [`extract`] reads
//! `word/document.xml` in document order and writes one line per
//! paragraph (an empty paragraph gives an empty line, the layout's
//! paragraph break) and one line per table row, its cells separated by a
//! tab and each cell's paragraphs joined by a space, so that the text
//! reader ([`super::text`]) takes a row for a table row. A paragraph in a
//! list gets the label Word draws for it, computed from
//! `word/numbering.xml` (the list's level formats `%1.%2.`, number formats
//! decimal, letters Latin and Cyrillic, Roman, bullets; start values,
//! start overrides, the reset of deeper levels), through the paragraph's
//! own `w:numPr` or its style's (`word/styles.xml`, `w:basedOn` followed).
//! In a Word file the clause numbers a reader sees are usually not in the
//! text at all; here they are, so they are the numbers qostil reports.
//!
//! A paragraph with an outline level (`w:outlineLvl`, its own or its
//! style's: Word's and LibreOffice's «Heading 1»…«Heading 9») is a heading:
//! [`read`] lists its line, so that an unnumbered section title is read as
//! a title, not as a paragraph of the text.
//!
//! Tracked deletions (`w:delText`) and field codes (`w:instrText`) are not
//! text. A footnote or endnote (`word/footnotes.xml`, `word/endnotes.xml`)
//! is read where its reference mark stands, as « [1: text]» numbered in
//! order of reference as Word prints the marks: a note that conditions a
//! clause («¹ Only after the loan is repaid») belongs to that clause.
//! Headers, footers and comments are other parts and are not read. A soft line break (`w:br`, `w:cr`) ends a line outside tables
//! and is a space inside a cell; a tab is a space.
//!
//! Invariants: the output is a pure function of the archive's parts; no
//! part is inflated past [`MAX_PART`] bytes ([`Limit::Inflated`]); any
//! unreadable archive or XML is an [`ErrorKind::Docx`] naming the part.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, ErrorKind, Limit, Result};

/// The most bytes one part of the archive may inflate to.
pub const MAX_PART: usize = 64 << 20;

/// What a DOCX file holds for qostil: its text, and which of its lines
/// are headings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docx {
    /// The text as described in the module documentation.
    pub text: String,
    /// 1-based numbers of the lines of `text` that are headings (outline
    /// level 0–8), ascending.
    pub headings: Vec<usize>,
}

/// The text of a DOCX file as described in the module documentation.
///
/// Errors: as [`read`].
pub fn extract(name: &str, bytes: &[u8]) -> Result<String> {
    read(name, bytes).map(|d| d.text)
}

/// The text of a DOCX file and its heading lines.
///
/// Errors: [`ErrorKind::Docx`] when the archive or one of its XML parts
/// cannot be read (naming the part); [`Limit::Inflated`] when a part
/// inflates past [`MAX_PART`].
pub fn read(name: &str, bytes: &[u8]) -> Result<Docx> {
    let fail = |what: String| Error::new(name, ErrorKind::Docx(what));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| fail(format!("not a zip archive: {e}")))?;
    let mut part = |path: &str| -> Result<Option<String>> {
        let Ok(file) = zip.by_name(path) else {
            return Ok(None);
        };
        let mut data = Vec::new();
        file.take(MAX_PART as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| fail(format!("{path}: {e}")))?;
        if data.len() > MAX_PART {
            return Err(Error::new(
                name,
                ErrorKind::Limit(Limit::Inflated(MAX_PART)),
            ));
        }
        String::from_utf8(data)
            .map(Some)
            .map_err(|_| fail(format!("{path}: not UTF-8")))
    };
    let document =
        part("word/document.xml")?.ok_or_else(|| fail("word/document.xml is missing".into()))?;
    let numbering = match part("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x).map_err(|e| fail(format!("word/numbering.xml: {e}")))?,
        None => Numbering::default(),
    };
    let styles = match part("word/styles.xml")? {
        Some(x) => parse_styles(&x).map_err(|e| fail(format!("word/styles.xml: {e}")))?,
        None => Styles::default(),
    };
    let mut notes = Notes::default();
    for (path, kind) in [
        ("word/footnotes.xml", Note::Foot),
        ("word/endnotes.xml", Note::End),
    ] {
        if let Some(x) = part(path)? {
            notes.texts.extend(
                note_texts(&x)
                    .map_err(|e| fail(format!("{path}: {e}")))?
                    .into_iter()
                    .map(|(id, text)| ((kind, id), text)),
            );
        }
    }
    body_text(&document, &numbering, &styles, &mut notes)
        .map_err(|e| fail(format!("word/document.xml: {e}")))
}

/// Which part a note is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Note {
    Foot,
    End,
}

/// The notes of a document by (part, `w:id`), and how many of each kind
/// the body has referenced so far (Word numbers the marks in order).
#[derive(Debug, Default)]
struct Notes {
    texts: HashMap<(Note, String), String>,
    seen: [u32; 2],
}

impl Notes {
    /// The text a reference mark stands for: « [n: note]».
    fn mark(&mut self, kind: Note, id: Option<String>) -> Option<String> {
        let text = self.texts.get(&(kind, id?))?;
        let n = &mut self.seen[kind as usize];
        *n += 1;
        Some(format!(" [{n}: {text}]"))
    }
}

/// The text of each note in a notes part (`w:footnote` / `w:endnote` by
/// `w:id`), its paragraphs joined by a space; Word's separator notes hold
/// no text and are left out.
fn note_texts(xml: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut r = Reader::from_str(xml);
    let mut note: Option<(String, String)> = None;
    let (mut in_text, mut skip) = (false, 0usize);
    loop {
        match r.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"footnote" | b"endnote" => {
                    note = val(&e, b"id").map(|id| (id, String::new()));
                }
                b"t" => in_text = true,
                b"delText" | b"instrText" => skip += 1,
                _ => {}
            },
            Event::Empty(e) => {
                if let (b"tab" | b"br" | b"cr", Some((_, text))) =
                    (e.local_name().as_ref(), note.as_mut())
                {
                    text.push(' ');
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some((_, text)) = note.as_mut() {
                    text.push_str(&t.unescape().map_err(|e| e.to_string())?);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"delText" | b"instrText" => skip = skip.saturating_sub(1),
                b"p" => {
                    if let Some((_, text)) = note.as_mut() {
                        text.push(' ');
                    }
                }
                b"footnote" | b"endnote" => {
                    if let Some((id, text)) = note.take() {
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !text.is_empty() {
                            out.push((id, text));
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The value of an element's `w:val` (or any `*:val`) attribute.
fn val(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// One level of a list: its number format, label pattern and start.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
    /// `w:isLgl`: every number of the label in decimal.
    legal: bool,
}

/// The lists of `numbering.xml`: abstract lists by id, and each list
/// instance (`w:num`) with its abstract list and start overrides.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
}

impl Numbering {
    fn parse(xml: &str) -> std::result::Result<Numbering, String> {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut lvl: Option<usize> = None;
        let mut num: Option<String> = None;
        let mut override_lvl: Option<usize> = None;
        loop {
            let ev = r.read_event().map_err(|e| e.to_string())?;
            let (start, e) = match &ev {
                Event::Start(e) => (true, e),
                Event::Empty(e) => (false, e),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abs = None,
                        b"lvl" => lvl = None,
                        b"num" => num = None,
                        b"lvlOverride" => override_lvl = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if start => {
                    abs = val(e, b"abstractNumId");
                }
                b"lvl" if start => {
                    lvl = val(e, b"ilvl")
                        .and_then(|v| v.parse().ok())
                        .filter(|&l| l < 9);
                }
                b"num" if start => {
                    num = val(e, b"numId");
                }
                b"abstractNumId" => {
                    if let (Some(id), Some(a)) = (&num, val(e, b"val")) {
                        n.nums.entry(id.clone()).or_default().0 = a;
                    }
                }
                b"lvlOverride" if start => {
                    override_lvl = val(e, b"ilvl").and_then(|v| v.parse().ok());
                }
                b"startOverride" => {
                    if let (Some(id), Some(l), Some(v)) = (&num, override_lvl, val(e, b"val")) {
                        let s = v.parse().unwrap_or(1);
                        n.nums.entry(id.clone()).or_default().1.insert(l, s);
                    }
                }
                name @ (b"numFmt" | b"lvlText" | b"start" | b"isLgl") => {
                    let (Some(a), Some(l)) = (&abs, lvl) else {
                        continue;
                    };
                    let levels = n.abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(
                            l + 1,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        );
                    }
                    let v = val(e, b"val").unwrap_or_default();
                    match name {
                        b"numFmt" => levels[l].format = v,
                        b"lvlText" => levels[l].text = v,
                        b"start" => levels[l].start = v.parse().unwrap_or(1),
                        _ => levels[l].legal = v != "0" && v != "false",
                    }
                }
                _ => {}
            }
        }
        Ok(n)
    }
}

/// Paragraph styles: their list membership, style id → (numId, level),
/// and their outline level, each with `w:basedOn` followed (a bounded
/// chain).
#[derive(Debug, Default)]
struct Styles {
    lists: HashMap<String, (String, usize)>,
    outline: HashMap<String, usize>,
}

fn parse_styles(xml: &str) -> std::result::Result<Styles, String> {
    let mut own: HashMap<String, (Option<String>, Option<usize>)> = HashMap::new();
    let mut own_outline: HashMap<String, usize> = HashMap::new();
    let mut based: HashMap<String, String> = HashMap::new();
    let mut r = Reader::from_str(xml);
    let mut style: Option<String> = None;
    loop {
        let ev = r.read_event().map_err(|e| e.to_string())?;
        let e = match &ev {
            Event::Start(e) | Event::Empty(e) => e,
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                style = None;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match e.local_name().as_ref() {
            b"style" => style = val(e, b"styleId"),
            b"basedOn" => {
                if let (Some(s), Some(v)) = (&style, val(e, b"val")) {
                    based.insert(s.clone(), v);
                }
            }
            b"numId" => {
                if let Some(s) = &style {
                    own.entry(s.clone()).or_default().0 = val(e, b"val");
                }
            }
            b"ilvl" => {
                if let Some(s) = &style {
                    own.entry(s.clone()).or_default().1 =
                        val(e, b"val").and_then(|v| v.parse().ok());
                }
            }
            b"outlineLvl" => {
                if let (Some(s), Some(l)) = (&style, val(e, b"val").and_then(|v| v.parse().ok())) {
                    own_outline.insert(s.clone(), l);
                }
            }
            _ => {}
        }
    }
    let mut out = Styles::default();
    let mut ids: Vec<&String> = own
        .keys()
        .chain(based.keys())
        .chain(own_outline.keys())
        .collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        // Follow basedOn for the numId and the level, a bounded chain.
        let (mut num, mut lvl, mut outline) = (None, None, None);
        let mut at = Some(id.clone());
        for _ in 0..16 {
            let Some(s) = at else { break };
            if let Some((n, l)) = own.get(&s) {
                num = num.or_else(|| n.clone());
                lvl = lvl.or(*l);
            }
            outline = outline.or_else(|| own_outline.get(&s).copied());
            at = based.get(&s).cloned();
        }
        if let Some(n) = num.filter(|n| n != "0") {
            out.lists.insert(id.clone(), (n, lvl.unwrap_or(0)));
        }
        // Level 9 is body text.
        if let Some(l) = outline.filter(|&l| l < 9) {
            out.outline.insert(id.clone(), l);
        }
    }
    Ok(out)
}

/// A counter in a number format.
fn format_number(n: u32, format: &str) -> String {
    const RU: &[char] = &[
        'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т',
        'у', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
    ];
    let letters = |alphabet: &[char], upper: bool| {
        let len = alphabet.len() as u32;
        let k = (n.max(1) - 1) % len;
        let times = (n.max(1) - 1) / len + 1;
        let c = alphabet[k as usize];
        let s: String = std::iter::repeat_n(c, times as usize).collect();
        if upper { s.to_uppercase() } else { s }
    };
    let latin: Vec<char> = ('a'..='z').collect();
    match format {
        "lowerLetter" => letters(&latin, false),
        "upperLetter" => letters(&latin, true),
        "russianLower" => letters(RU, false),
        "russianUpper" => letters(RU, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The running counters of every abstract list, and the labels they give.
/// As in Word, the list instances (`w:num`) of one abstract list share its
/// counters: an instance continues the count of the others, and one with a
/// start override restarts that level where it is first used (LibreOffice
/// writes each section's list as an instance that restarts at 1 for its
/// first item and another that continues it).
struct Lists<'a> {
    numbering: &'a Numbering,
    counters: HashMap<String, [Option<u32>; 9]>,
    /// (instance, level) whose start override has been applied.
    restarted: std::collections::HashSet<(String, usize)>,
}

impl Lists<'_> {
    /// The label of the next paragraph of list `num` at level `lvl`
    /// («3.2.», «б)», «•»), or `None` for no list.
    fn label(&mut self, num: &str, lvl: usize) -> Option<String> {
        let (abs, overrides) = self.numbering.nums.get(num)?;
        let levels = self.numbering.abstracts.get(abs)?;
        let lvl = lvl.min(8);
        let level = levels.get(lvl)?;
        let start = |l: usize| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|x| x.start))
                .unwrap_or(1)
        };
        let restart = overrides.contains_key(&lvl) && self.restarted.insert((num.to_string(), lvl));
        let counters = self.counters.entry(abs.clone()).or_insert([None; 9]);
        counters[lvl] = match counters[lvl] {
            Some(c) if !restart => Some(c + 1),
            _ => Some(start(lvl)),
        };
        for c in counters.iter_mut().skip(lvl + 1) {
            *c = None;
        }
        if level.format == "bullet" {
            return Some("•".to_string());
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = counters[l].unwrap_or_else(|| start(l));
                    let fmt = levels.get(l).map_or("decimal", |x| x.format.as_str());
                    let fmt = if level.legal { "decimal" } else { fmt };
                    out.push_str(&format_number(n, fmt));
                }
                _ => out.push(c),
            }
        }
        Some(out.trim().to_string()).filter(|s| !s.is_empty())
    }
}

/// The body's text: see the module documentation.
fn body_text(
    xml: &str,
    numbering: &Numbering,
    styles: &Styles,
    notes: &mut Notes,
) -> std::result::Result<Docx, String> {
    let mut lists = Lists {
        numbering,
        counters: HashMap::new(),
        restarted: Default::default(),
    };
    let mut out = String::new();
    let mut headings = Vec::new();
    let (mut lines, mut counted) = (0usize, 0usize);
    let mut r = Reader::from_str(xml);
    // The paragraph being read: its text, list (numId, level), style, own
    // outline level.
    let mut para = String::new();
    let mut num: (Option<String>, Option<usize>) = (None, None);
    let mut style: Option<String> = None;
    let mut outline: Option<usize> = None;
    // Open tables: per table, the row's cells so far and the current cell's
    // paragraphs.
    let mut tables: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut in_text = false;
    let mut skip = 0usize;
    let mut in_ppr = false;
    loop {
        let ev = r.read_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => {
                    para.clear();
                    num = (None, None);
                    style = None;
                    outline = None;
                }
                b"pPr" => in_ppr = true,
                b"t" => in_text = true,
                b"delText" | b"instrText" => skip += 1,
                b"tbl" => tables.push((Vec::new(), Vec::new())),
                b"tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.0.clear();
                    }
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.1.clear();
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"numId" if in_ppr => num.0 = val(&e, b"val"),
                b"ilvl" if in_ppr => num.1 = val(&e, b"val").and_then(|v| v.parse().ok()),
                b"pStyle" if in_ppr => style = val(&e, b"val"),
                b"outlineLvl" if in_ppr => outline = val(&e, b"val").and_then(|v| v.parse().ok()),
                b"tab" if !in_ppr => para.push(' '),
                b"br" | b"cr" => para.push(if tables.is_empty() { '\n' } else { ' ' }),
                b"footnoteReference" | b"endnoteReference" if skip == 0 => {
                    let kind = if e.local_name().as_ref() == b"footnoteReference" {
                        Note::Foot
                    } else {
                        Note::End
                    };
                    if let Some(mark) = notes.mark(kind, val(&e, b"id")) {
                        para.push_str(&mark);
                    }
                }
                b"p" => {
                    // An empty paragraph.
                    match tables.last_mut() {
                        Some(_) => {}
                        None => out.push('\n'),
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => {
                para.push_str(&t.unescape().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if in_text && skip == 0 => {
                para.push_str(&String::from_utf8_lossy(&t));
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"pPr" => in_ppr = false,
                b"t" => in_text = false,
                b"delText" | b"instrText" => skip = skip.saturating_sub(1),
                b"p" => {
                    let list = match (&num.0, num.1) {
                        (Some(n), l) => Some((n.clone(), l.unwrap_or(0))),
                        (None, _) => style.as_ref().and_then(|s| styles.lists.get(s)).cloned(),
                    };
                    let label = list
                        .filter(|(n, _)| n != "0")
                        .and_then(|(n, l)| lists.label(&n, l));
                    let text = para.trim();
                    let line = match label {
                        Some(l) if !text.is_empty() => format!("{l} {text}"),
                        Some(_) | None => text.to_string(),
                    };
                    match tables.last_mut() {
                        Some(t) => {
                            if !line.is_empty() {
                                t.1.push(line.replace(['\n', '\t'], " "));
                            }
                        }
                        None => {
                            let heading = outline
                                .or_else(|| {
                                    style.as_ref().and_then(|s| styles.outline.get(s).copied())
                                })
                                .is_some_and(|l| l < 9);
                            if heading && !line.is_empty() && !line.contains('\n') {
                                // Lines so far, counted once each.
                                lines += out[counted..].matches('\n').count();
                                counted = out.len();
                                headings.push(lines + 1);
                            }
                            out.push_str(&line);
                            out.push('\n');
                        }
                    }
                    para.clear();
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut() {
                        let cell = t.1.join(" ");
                        t.1.clear();
                        t.0.push(cell);
                    }
                }
                b"tr" => {
                    if let Some(t) = tables.last_mut() {
                        let cells: Vec<String> = std::mem::take(&mut t.0);
                        let filled = cells.iter().filter(|c| !c.is_empty()).count();
                        let line = if filled >= 2 {
                            cells.join("\t")
                        } else {
                            cells.concat()
                        };
                        if tables.len() == 1 {
                            out.push_str(&line);
                            out.push('\n');
                        } else if let Some(outer) = tables.iter_mut().rev().nth(1) {
                            // A table inside a cell: its rows are text of
                            // that cell.
                            outer.1.push(line.replace('\t', " "));
                        }
                    }
                }
                b"tbl" => {
                    tables.pop();
                    if tables.is_empty() {
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Docx {
        text: out,
        headings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
<w:abstractNum w:abstractNumId="4">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="2.%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="8"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="9"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="10"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
<w:style w:styleId="Clause"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="ClauseKk"><w:basedOn w:val="Clause"/></w:style>
<w:style w:styleId="Heading"><w:pPr><w:keepNext/></w:pPr></w:style>
<w:style w:styleId="Heading1"><w:basedOn w:val="Heading"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:styleId="BodyText"><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
</w:styles>"#;

    fn p(num: Option<(&str, u32)>, style: Option<&str>, text: &str) -> String {
        let mut ppr = String::new();
        if let Some(s) = style {
            ppr.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
        }
        if let Some((n, l)) = num {
            ppr.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{n}"/></w:numPr>"#
            ));
        }
        format!(
            r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    fn docx(body: &str) -> Vec<u8> {
        docx_with(body, &[])
    }

    fn docx_with(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opt = zip::write::SimpleFileOptions::default();
            let doc = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
            for (name, data) in [
                ("word/document.xml", doc.as_str()),
                ("word/numbering.xml", NUMBERING),
                ("word/styles.xml", STYLES),
            ]
            .into_iter()
            .chain(parts.iter().copied())
            {
                z.start_file(name, opt).unwrap();
                z.write_all(data.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    /// A footnote's text is read where its mark stands, numbered in
    /// order of reference (heldout_legal22: the condition on withdrawing
    /// consent was in a footnote, and the clause read as unconditioned);
    /// Word's separator notes give nothing.
    #[test]
    fn notes_are_read_at_their_reference_marks() {
        let body = r#"<w:p><w:r><w:t>5.4. Келісімді кері шақыра аласыз</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r><w:r><w:t>.</w:t></w:r></w:p><w:p><w:r><w:t>5.5. Өтініш жазбаша беріледі</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#;
        let notes = r#"<w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Жеке кабинет арқылы.</w:t></w:r></w:p></w:footnote><w:footnote w:id="4"><w:p><w:r><w:t xml:space="preserve">Берешек өтелгенге </w:t></w:r><w:r><w:t>дейін мүмкін емес.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let text = extract("n.docx", &docx_with(body, &[("word/footnotes.xml", notes)])).unwrap();
        assert_eq!(
            text,
            "5.4. Келісімді кері шақыра аласыз [1: Берешек өтелгенге дейін мүмкін емес.].\n5.5. Өтініш жазбаша беріледі [2: Жеке кабинет арқылы.]\n"
        );
    }

    /// Unnumbered section titles in heading styles (their own outline
    /// level or a base style's) are listed as headings; body text (level
    /// 9, or none) is not (heldout_legal16: a DOCX whose titles were read
    /// as paragraphs).
    #[test]
    fn paragraphs_in_heading_styles_are_headings() {
        let body = [
            p(None, Some("Heading1"), "Жалпы ережелер"),
            p(
                None,
                None,
                "Осы Саясат дербес деректерді өңдеу тәртібін белгілейді.",
            ),
            "<w:p/>".to_string(),
            p(None, Some("Heading2"), "Сіздің құқықтарыңыз"),
            p(
                None,
                Some("BodyText"),
                "Сіз деректеріңізді білуге құқылысыз.",
            ),
            p(None, Some("Heading"), "Басқа мәтін"),
        ]
        .concat();
        let d = read("t.docx", &docx(&body)).unwrap();
        let lines: Vec<&str> = d.text.lines().collect();
        assert_eq!(d.headings, [1, 4], "{lines:?}");
        assert_eq!(lines[3], "Сіздің құқықтарыңыз");
        // The reader takes them for titles.
        let doc = crate::analyze("t.docx", &docx(&body), &crate::Config::default()).unwrap();
        let kinds: Vec<String> = doc
            .clauses
            .iter()
            .map(|c| format!("{:?}", c.kind))
            .collect();
        assert_eq!(
            kinds.iter().filter(|k| k.as_str() == "Heading").count(),
            2,
            "{kinds:?}"
        );
    }

    #[test]
    fn word_list_numbers_are_written_in() {
        let body = [
            p(Some(("5", 0)), None, "Жалпы ережелер"),
            p(Some(("5", 1)), None, "Осы Саясат белгілейді:"),
            p(Some(("5", 2)), None, "жинау;"),
            p(Some(("5", 2)), None, "сақтау."),
            p(None, Some("ClauseKk"), "Деректер өңделеді."),
            p(Some(("5", 0)), None, "Құқықтар"),
            p(Some(("5", 1)), None, "Субъект құқылы."),
            p(Some(("6", 0)), None, "Заключительные положения"),
            p(Some(("7", 0)), None, "пункт списка"),
            "<w:p/>".to_string(),
            p(None, None, "Телефон: +7 727 000 00 00"),
        ]
        .concat();
        let text = extract("t.docx", &docx(&body)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "1. Жалпы ережелер",
                "1.1. Осы Саясат белгілейді:",
                "а) жинау;",
                "б) сақтау.",
                "1.2. Деректер өңделеді.",
                "2. Құқықтар",
                "2.1. Субъект құқылы.",
                "Статья 3. Заключительные положения",
                "• пункт списка",
                "",
                "Телефон: +7 727 000 00 00",
            ]
        );
    }

    #[test]
    fn list_instances_of_one_abstract_list_share_its_count() {
        // LibreOffice: the first item restarts (an override), the rest
        // continue through another instance of the same list.
        let body = [
            p(
                Some(("8", 0)),
                None,
                "Тіркелу кезінде біз мыналарды сұраймыз:",
            ),
            p(Some(("9", 0)), None, "Селфи бір рет сұралады."),
            p(Some(("9", 0)), None, "IP мекенжайы тіркеледі."),
            p(Some(("10", 0)), None, "Ақпарат қайта басталады."),
            p(Some(("9", 0)), None, "Тағы бір тармақ."),
        ]
        .concat();
        let text = extract("t.docx", &docx(&body)).unwrap();
        let labels: Vec<&str> = text
            .lines()
            .map(|l| l.split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(labels, ["2.1.", "2.2.", "2.3.", "2.1.", "2.2."]);
    }

    #[test]
    fn table_rows_are_tab_separated_and_deletions_are_not_text() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(None, None, t));
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}",
            cell("6.1"),
            cell("Мерзімі өткенде"),
            cell("По истечении срока"),
            cell("6.2"),
            cell("Клиенттің өтініші бойынша"),
            cell("По просьбе клиента"),
            r#"<w:p><w:r><w:t>Сақталады</w:t></w:r><w:del><w:r><w:delText>жойылды</w:delText></w:r></w:del></w:p>"#
        );
        let text = extract("t.docx", &docx(&body)).unwrap();
        assert_eq!(
            text,
            "6.1\tМерзімі өткенде\tПо истечении срока\n6.2\tКлиенттің өтініші бойынша\tПо просьбе клиента\n\nСақталады\n"
        );
    }

    #[test]
    fn bad_archives_are_errors_naming_the_file() {
        let err = extract("bad.docx", b"PK\x03\x04 not really").unwrap_err();
        assert!(err.to_string().contains("bad.docx"), "{err}");
        // A zip without word/document.xml is no DOCX.
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("a.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"x").unwrap();
            z.finish().unwrap();
        }
        let bytes = buf.into_inner();
        let err = extract("e.docx", &bytes).unwrap_err();
        assert!(err.to_string().contains("word/document.xml"), "{err}");
        // Malformed XML names the part.
        let err = extract("x.docx", &docx("<w:p><w:r><w:t>a</w:r></w:p>")).unwrap_err();
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }
}
