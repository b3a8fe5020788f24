//! Plain text to blocks: lines, tab-separated table rows (two language cells
//! in either order, or a four-column kk/ru glossary), Markdown table rows,
//! HTML fragments, hard-wrapped column text, and layout noise (page numbers,
//! repeated headers, dumped link lists, table rules).
//!
//! A line whose only tab follows a list marker («-\tфамилия;», «1)\tтегі;»)
//! is a list item, not a table row. Text is taken as hard-wrapped when most
//! lines are close to a common width, or when several lines end
//! mid-sentence and go on in lower case on the next.
//!
//! Invariants:
//! - Blocks are in source order; every non-whitespace byte of the text is in
//!   exactly one block run or one dropped span.
//! - Nothing here decides a language or joins paragraphs: that is `lang`'s
//!   and `streams`' work. This module only records what the layout says
//!   (`starts_paragraph`, `ends_wrapped`, table-cell groups).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::markup;
use crate::model::{Block, BlockHint, DropKind, Dropped, Lang, Run, Span};

/// The blocks and the noise of one document.
#[derive(Debug, Default)]
pub struct Ingested {
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?:(?:стр\.?|страница|бет|парақ|page)\s*\d{1,3}(?:\s*(?:из|of|/)\s*\d{1,3})?\s*[/|·]?\s*)+)$",
    )
    .expect("page number regex")
});
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("url line regex"));
static RULE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s|:+\-=_*]+$").expect("rule regex"));

#[derive(Debug, Clone, Copy)]
struct Line {
    no: usize,
    start: usize,
    end: usize,
    /// 0-based page: form feeds separate pages.
    page: usize,
}

/// The lines of a text: cut at `\n`, `\r\n`, `\r`, a form feed (which also
/// starts a page), and the Unicode line and paragraph separators U+2028,
/// U+2029 and U+0085 (`normalise` reads them as line breaks too).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut page = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // U+2028, U+2029 (E2 80 A8/A9) and U+0085 (C2 85) end a line too.
        let unicode_break: usize = match bytes[i] {
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            _ => 0,
        };
        if bytes[i] == b'\n' || bytes[i] == b'\r' || bytes[i] == 0x0C || unicode_break > 0 {
            out.push(Line {
                no: out.len() + 1,
                start,
                end: i,
                page,
            });
            if bytes[i] == 0x0C {
                page += 1;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += unicode_break.saturating_sub(1);
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Line {
            no: out.len() + 1,
            start,
            end: text.len(),
            page,
        });
    }
    out
}

/// Trimmed byte range of `text[a..b]`.
fn trim_range(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (a + lead, (b - trail).max(a + lead))
}

/// What a whole line is, before reading its content.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Blank,
    Noise(DropKind),
    Row,
    Text,
}

fn classify(text: &str, lines: &[Line], delimiter: Option<char>) -> Vec<LineKind> {
    // The number of fields of a CSV file's rows: a line that splits into
    // as many, one of them filled, is a row with empty cells (a clause that
    // one language lacks: «;6.2. Бумажные копии …», «,"6.2. …"»). (A pipe-separated
    // line with an empty cell keeps its pipe as text, as it always has.)
    let width = delimiter.filter(|&d| d == ';' || d == ',').and_then(|d| {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for l in lines {
            let t = text[l.start..l.end].trim();
            if filled_fields(t, d) >= 2 {
                *counts.entry(split_fields(t, d).len()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(n, c)| (c, std::cmp::Reverse(n)))
            .map(|(n, _)| n)
    });
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .map(|l| {
            let (a, b) = trim_range(text, l.start, l.end);
            let t = &text[a..b];
            if t.is_empty() {
                LineKind::Blank
            } else if RULE_LINE.is_match(t)
                && t.chars()
                    .filter(|c| matches!(c, '-' | '=' | '_' | '*'))
                    .count()
                    >= 3
            {
                LineKind::Noise(DropKind::Markup)
            } else if PAGE_NUMBER.is_match(t) {
                LineKind::Noise(DropKind::PageNumber)
            } else if (text[l.start..l.end].contains('\t') && !is_list_tab(t))
                || is_markdown_row(t)
                || delimiter.is_some_and(|d| {
                    let filled = filled_fields(t, d);
                    filled >= 2 || (filled == 1 && Some(split_fields(t, d).len()) == width)
                })
            {
                LineKind::Row
            } else {
                LineKind::Text
            }
        })
        .collect();
    // Link dumps: two or more URL-only lines in a row (blank lines between
    // them allowed), as PDF converters dump a page's link annotations.
    let url_only: Vec<bool> = lines
        .iter()
        .map(|l| {
            let (a, b) = trim_range(text, l.start, l.end);
            URL_LINE.is_match(&text[a..b])
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        if !url_only[i] {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut j = i + 1;
        while j < lines.len() && (url_only[j] || kinds[j] == LineKind::Blank) {
            if url_only[j] {
                members.push(j);
            }
            j += 1;
        }
        if members.len() >= 2 {
            for m in members {
                kinds[m] = LineKind::Noise(DropKind::LinkDump);
            }
        }
        i = j;
    }
    kinds
}

/// Repeated headers: a short heading-like line seen three or more times.
/// Not applied to hard-wrapped text, where a fragment such as «персональных
/// данных» naturally recurs as a whole line.
fn mark_repeated_headers(text: &str, lines: &[Line], kinds: &mut [LineKind]) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (l, k) in lines.iter().zip(kinds.iter()) {
        if *k == LineKind::Text {
            let (a, b) = trim_range(text, l.start, l.end);
            *counts.entry(&text[a..b]).or_default() += 1;
        }
    }
    for (l, k) in lines.iter().zip(kinds.iter_mut()) {
        if *k != LineKind::Text {
            continue;
        }
        let (a, b) = trim_range(text, l.start, l.end);
        let t = &text[a..b];
        if counts.get(t).copied().unwrap_or(0) >= 3 && looks_like_running_header(t) {
            *k = LineKind::Noise(DropKind::RepeatedHeader);
        }
    }
}

/// Running heads of paged text (form feeds, as `pdftotext` writes): a line
/// that is the first (or the last) with text on at least two pages and
/// half of them, the same there with its digits masked («Страница 2 из
/// 3»), is the page's head (or foot), not the policy's text; a requisite
/// line (an e-mail, a phone) never is. Wrapped text too: a line's place on
/// the page says more than its shape. At most 120 characters.
fn mark_page_heads(text: &str, lines: &[Line], kinds: &mut [LineKind]) {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    if pages < 2 {
        return;
    }
    let key = |l: &Line| {
        let (a, b) = trim_range(text, l.start, l.end);
        let t = &text[a..b];
        (t.chars().count() <= 120).then(|| {
            t.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect::<String>()
        })
    };
    // The first and last text line of each page.
    let mut ends: Vec<[Option<usize>; 2]> = vec![[None, None]; pages];
    for (i, (l, k)) in lines.iter().zip(kinds.iter()).enumerate() {
        if *k == LineKind::Text {
            let e = &mut ends[l.page];
            e[0].get_or_insert(i);
            e[1] = Some(i);
        }
    }
    for side in 0..2 {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let keyed: Vec<(usize, String)> = ends
            .iter()
            .filter_map(|e| e[side])
            .filter_map(|i| key(&lines[i]).map(|k| (i, k)))
            .collect();
        for (_, k) in &keyed {
            *counts.entry(k.clone()).or_default() += 1;
        }
        // On half the pages at least: pages interleaved by language end
        // alike where both versions end in the same e-mail line.
        let need = 2.max(pages.div_ceil(2));
        for (i, k) in keyed {
            if counts[&k] >= need && !crate::lang::is_requisite_line(&k) {
                kinds[i] = LineKind::Noise(DropKind::RepeatedHeader);
            }
        }
    }
}

fn looks_like_running_header(t: &str) -> bool {
    let n = t.chars().count();
    let first = t.chars().next().unwrap_or(' ');
    (4..=80).contains(&n)
        && (first.is_uppercase() || first == '«' || first == '"')
        && !t.ends_with(['.', ',', ';', ':'])
        && !first.is_ascii_digit()
        && !markup::BULLETS.contains(&first)
}

/// A list item whose marker is followed by a tab, as word processors write
/// lists («-\tфамилия;», «•\tимя;», «1)\tтегі;»): one tab, right after a
/// bullet, dash or item number, is not a table cell separator.
fn is_list_tab(t: &str) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[•·▪◦●■□➢►\u{f0b7}\-–—*]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zа-яәіңғүұқөһ]\))$",
        )
        .expect("list marker regex")
    });
    let mut parts = t.splitn(2, '\t');
    let (Some(head), Some(tail)) = (parts.next(), parts.next()) else {
        return false;
    };
    MARKER.is_match(head.trim()) && !tail.contains('\t') && !tail.trim().is_empty()
}

fn is_markdown_row(t: &str) -> bool {
    t.starts_with('|') && t.ends_with('|') && t.matches('|').count() >= 3
}

/// The wrap width of a hard-wrapped document, if it is one: most lines are
/// short and close to a common maximum.
fn wrap_width(text: &str, lines: &[Line], kinds: &[LineKind]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text)
        .map(|(l, _)| text[l.start..l.end].trim_end().chars().count())
        .collect();
    if lens.len() < 20 {
        return None;
    }
    lens.sort_unstable();
    let w = lens[lens.len() * 9 / 10];
    let near = lens.iter().filter(|&&n| n * 10 >= w * 6).count();
    if w <= 100 && near * 2 >= lens.len() {
        return Some(w);
    }
    // Short headings among the wrapped lines can outnumber them; then the
    // text says it is wrapped: lines that end mid-sentence (a letter or a
    // comma) and go on on the next line in lower case.
    let soft = lines
        .windows(2)
        .zip(kinds.windows(2))
        .filter(|(_, k)| k[0] == LineKind::Text && k[1] == LineKind::Text)
        .filter(|(l, _)| {
            let end = text[l[0].start..l[0].end].trim_end();
            let next = text[l[1].start..l[1].end].trim_start();
            end.ends_with(|c: char| c.is_alphabetic() || c == ',')
                && next.starts_with(char::is_lowercase)
        })
        .count();
    (w <= 120 && soft >= 3 && soft * 10 >= lens.len()).then_some(w)
}

/// The lines of a delimited file joined into records: a line that leaves a
/// double-quoted field open (CSV quoting, as [`split_fields`] reads it)
/// goes on with the next line, up to the line that closes it. A record
/// keeps its first line's number and page. An unclosed quote runs to the
/// end of the file, as spreadsheet programs read it.
fn records(text: &str, lines: &[Line], delim: char) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open = false;
    for &line in lines {
        match out.last_mut() {
            Some(last) if open => last.end = line.end,
            _ => out.push(line),
        }
        let last = out.last().copied().unwrap_or(line);
        open = quote_open(&text[last.start..last.end], delim);
    }
    out
}

/// Does `record` end inside a double-quoted field?
fn quote_open(record: &str, delim: char) -> bool {
    scan_fields(record, delim).1
}

/// Fields of a line split at `delim` outside double quotes (CSV quoting):
/// byte ranges relative to the line.
fn split_fields(line: &str, delim: char) -> Vec<(usize, usize)> {
    scan_fields(line, delim).0
}

/// The fields of `line` split at `delim` outside double quotes, as byte
/// ranges relative to the line, and whether the line ends inside a quoted
/// field. A field that starts with `"` is quoted up to the next single
/// `"`; a doubled `""` inside it is an escaped quote (RFC 4180).
fn scan_fields(line: &str, delim: char) -> (Vec<(usize, usize)>, bool) {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut field_start = true;
    let mut chars = line.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if field_start && ch == '"' {
            quoted = true;
            field_start = false;
            continue;
        }
        field_start = false;
        if ch == '"' && quoted {
            if chars.peek().is_some_and(|&(_, n)| n == '"') {
                chars.next();
            } else {
                quoted = false;
            }
            continue;
        }
        if ch == delim && !quoted {
            out.push((start, i));
            start = i + ch.len_utf8();
            field_start = true;
        }
    }
    out.push((start, line.len()));
    (out, quoted)
}

/// How many fields of a line, split at `delim`, hold text.
fn filled_fields(line: &str, delim: char) -> usize {
    split_fields(line, delim)
        .into_iter()
        .filter(|&(a, b)| !line[a..b].trim().trim_matches('"').trim().is_empty())
        .count()
}

/// The cell delimiter of a file whose lines are table rows joined by `;`
/// (CSV export), `|` (with or without outer pipes) or `,` (RFC 4180 CSV):
/// most non-empty lines (three in five; for `,`, four in five unless most
/// rows open with a quoted field) split into the same number (two or more)
/// of filled fields. Prose with semicolons or commas fails this: its lines
/// split unevenly or leave a field empty.
fn detect_delimiter(text: &str, lines: &[Line]) -> Option<char> {
    let nonempty: Vec<&str> = lines
        .iter()
        .map(|l| text[l.start..l.end].trim())
        .filter(|t| !t.is_empty())
        .collect();
    if nonempty.len() < 5 {
        return None;
    }
    let quoted = nonempty.iter().filter(|t| t.starts_with('"')).count();
    [';', '|', ','].into_iter().find(|&d| {
        // Commas are common in prose: unless most rows open with a quoted
        // field, four rows in five must split alike.
        let share = if d == ',' && quoted * 10 < nonempty.len() * 6 {
            8
        } else {
            6
        };
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for t in &nonempty {
            let n = filled_fields(t, d);
            if n >= 2 {
                *counts.entry(split_fields(t, d).len()).or_default() += 1;
            }
        }
        counts
            .values()
            .max()
            .is_some_and(|&m| m * 10 >= nonempty.len() * share)
    })
}

/// A byte range of the source.
type Range = (usize, usize);

/// A table row's cell ranges and the markup between and around them
/// (delimiters, CSV quotes, Markdown's outer pipes).
fn cells(text: &str, line: Line, delimiter: Option<char>) -> (Vec<Range>, Vec<Range>) {
    let s = &text[line.start..line.end];
    let (delim, body_start, body_end) = if s.contains('\t') {
        ('\t', line.start, line.end)
    } else {
        let (a, b) = trim_range(text, line.start, line.end);
        let t = &text[a..b];
        if is_markdown_row(t) {
            ('|', a + 1, b - 1)
        } else {
            (delimiter.unwrap_or('|'), line.start, line.end)
        }
    };
    let mut marks = Vec::new();
    if body_start > line.start && body_end < line.end || s.trim().starts_with('|') {
        let (a, b) = trim_range(text, line.start, line.end);
        if text[a..b].starts_with('|') {
            marks.push((a, a + 1));
        }
        if b > a + 1 && text[a..b].ends_with('|') {
            marks.push((b - 1, b));
        }
    }
    let body = &text[body_start..body_end];
    let mut out = Vec::new();
    for (i, (fa, fb)) in split_fields(body, delim).into_iter().enumerate() {
        let (mut a, mut b) = (body_start + fa, body_start + fb);
        if i > 0 && delim != '\t' {
            let d = a - delim.len_utf8();
            marks.push((d, a));
        }
        // CSV quotes around a field are markup.
        let (ta, tb) = trim_range(text, a, b);
        if tb >= ta + 2 && text[ta..tb].starts_with('"') && text[ta..tb].ends_with('"') {
            marks.push((ta, ta + 1));
            marks.push((tb - 1, tb));
            a = ta + 1;
            b = tb - 1;
        }
        out.push((a, b));
    }
    (out, marks)
}

/// Turn a text document into blocks and dropped noise.
pub fn ingest(text: &str) -> Ingested {
    if markup::looks_like_html(text) {
        let mut out = Ingested::default();
        let mut group = 0;
        out.blocks = markup::parse_document(text, &mut group, &mut out.dropped);
        return out;
    }
    let lines = lines(text);
    // Records differ from lines only where a quote opens a field.
    let quoted = text.contains('"');
    let delimiter = [';', ',']
        .into_iter()
        .filter(|_| quoted)
        .find(|&d| detect_delimiter(text, &records(text, &lines, d)) == Some(d))
        .or_else(|| detect_delimiter(text, &lines));
    // A CSV cell in quotes may hold line breaks (RFC 4180): a record of
    // such a file runs over several lines and is one table row.
    let lines = match delimiter {
        Some(d @ (';' | ',')) if quoted => records(text, &lines, d),
        _ => lines,
    };
    let mut kinds = classify(text, &lines, delimiter);
    let wrap = wrap_width(text, &lines, &kinds);
    if wrap.is_none() {
        mark_repeated_headers(text, &lines, &mut kinds);
    }
    mark_page_heads(text, &lines, &mut kinds);
    let mut out = Ingested::default();
    let mut group = 0u32;
    let gutters = gutters(text, &lines, &kinds);
    let counter = counts_rows(text, &lines, &kinds, delimiter);
    let mut columns = Columns::default();
    let mut page = 0;
    // A blank line before the next text line: the layout's block break.
    let mut blank = false;
    let row_starts = hanging_table_rows(text, &lines, &kinds);
    let mut grid = Grid::default();
    // The columns a header row named, for the rows under it, and the last
    // section cell read.
    let mut schema: Option<Schema> = None;
    let mut section: Option<String> = None;
    // The column where the text of the list's outer numbered item starts
    // («3. …» → 3), while a list runs: a numbered line indented to it or
    // further is nested («   1. …»), as CommonMark reads it; so is one
    // indented three columns past the item's number, as typists nest
    // («16. …» then «   1. …»).
    let mut outer_indent: Option<usize> = None;
    // Under a «Термин | Определение» header: rows are glossary entries.
    let mut glossary = false;
    for (i, (line, kind)) in lines.iter().zip(&kinds).enumerate() {
        if *kind == LineKind::Text {
            schema = None;
            glossary = false;
        }
        if line.page != page {
            columns.flush(text, &mut group, &mut out);
            grid.flush(text, &mut group, &mut out);
            page = line.page;
        }
        let rule = is_grid_rule(&text[line.start..line.end]);
        if rule || !matches!(kind, LineKind::Row | LineKind::Blank) {
            grid.flush(text, &mut group, &mut out);
            grid.open = rule;
        }
        if let Some(g) = gutters.get(line.page).copied().flatten() {
            if *kind == LineKind::Text
                && let Some((left, right)) = split_at_gutter(text, *line, g)
            {
                columns.push(left, right, line.no);
                continue;
            }
            if *kind != LineKind::Blank {
                columns.flush(text, &mut group, &mut out);
            }
        }
        match kind {
            LineKind::Blank => blank = true,
            LineKind::Noise(k) => {
                let (a, b) = trim_range(text, line.start, line.end);
                // Separators inside a rule line (tabs) are whitespace.
                out.dropped.push(Dropped {
                    kind: *k,
                    text: text[a..b].to_string(),
                    span: Span::new(a, b),
                });
            }
            LineKind::Text => {
                // A line of interleaved text opened by its language's tag
                // («[KZ] 3.2. …», «RU: …»): the tag is markup, the line's
                // text the author's word for that language.
                let tag = language_tag(&text[line.start..line.end]);
                let start = match tag {
                    Some((a, b, _)) => {
                        out.dropped
                            .push(markup_drop(text, line.start + a, line.start + b));
                        line.start + b
                    }
                    None => line.start,
                };
                let (indent, content) = list_indent(&text[start..line.end]);
                let nested = match (content, outer_indent) {
                    (Some(_), Some(o)) if indent >= o => true,
                    (Some(c), _) => {
                        outer_indent = Some(c.min(indent + 3));
                        false
                    }
                    // A paragraph after a blank line, or a heading, at
                    // the list's own indentation ends the list; an
                    // indented line continues its item.
                    (None, Some(o))
                        if indent < o
                            && (blank || text[start..line.end].trim_start().starts_with('#')) =>
                    {
                        outer_indent = None;
                        false
                    }
                    (None, _) => false,
                };
                let mut blocks = markup::parse(text, start, line.end, line.no, &mut out.dropped);
                if let Some(first) = blocks.first_mut() {
                    first.nested = nested;
                }
                if let Some((_, _, lang)) = tag {
                    for b in &mut blocks {
                        b.declared_lang = Some(lang);
                    }
                }
                if let Some(first) = blocks.first_mut() {
                    first.gap_before = std::mem::take(&mut blank) && !out.blocks.is_empty();
                    if row_starts[i] || tag.is_some() {
                        first.starts_paragraph = true;
                    }
                }
                out.blocks.extend(blocks);
            }
            LineKind::Row => {
                blank = false;
                let (cells, marks) = cells(text, *line, delimiter);
                if let Some(s) = Schema::of(text, &cells) {
                    // A header naming a number, a section and each
                    // language's column («id,section,kk,ru»): markup, and
                    // the rows under it read by it.
                    let (a, b) = trim_range(text, line.start, line.end);
                    out.dropped.push(markup_drop(text, a, b));
                    schema = Some(s);
                    section = None;
                    continue;
                }
                if let Some(s) = schema.as_ref().filter(|s| s.width == cells.len()) {
                    out.dropped
                        .extend(marks.into_iter().map(|(a, b)| markup_drop(text, a, b)));
                    s.row(text, *line, &cells, &mut section, &mut group, &mut out);
                    continue;
                }
                if is_glossary_header(text, &cells) {
                    // «| Термин | Определение |»: markup, and the two-cell
                    // rows under it are terms and their definitions.
                    let (a, b) = trim_range(text, line.start, line.end);
                    out.dropped.push(markup_drop(text, a, b));
                    glossary = true;
                    continue;
                }
                if glossary && cells.len() == 2 {
                    out.dropped
                        .extend(marks.into_iter().map(|(a, b)| markup_drop(text, a, b)));
                    definition_row(text, *line, &cells, &mut group, &mut out);
                    continue;
                }
                if is_language_header(text, &cells) {
                    // A header row naming the columns' languages: markup.
                    let (a, b) = trim_range(text, line.start, line.end);
                    out.dropped.push(markup_drop(text, a, b));
                    continue;
                }
                out.dropped
                    .extend(marks.into_iter().map(|(a, b)| markup_drop(text, a, b)));
                if grid.open && cells.len() != 4 && grid.takes(cells.len()) {
                    grid.push(&cells, line.no);
                    continue;
                }
                row_blocks(text, *line, &cells, counter, &mut group, &mut out);
            }
        }
    }
    columns.flush(text, &mut group, &mut out);
    grid.flush(text, &mut group, &mut out);
    if let Some(w) = wrap {
        mark_wrapped(text, &lines, &kinds, w, &mut out.blocks);
    }
    mark_blank_line_paragraphs(&mut out.blocks);
    if lines.last().is_some_and(|l| l.page > 0) {
        set_pages(&lines, &mut out);
    }
    out
}

/// A text line's indentation in columns (a tab is four) and, if it opens
/// with a plain list number («1.», «12)»), the column where the item's
/// text starts, as nested Markdown and typed lists print them.
fn list_indent(line: &str) -> (usize, Option<usize>) {
    let body = line.trim_start();
    let indent = line[..line.len() - body.len()]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=3).contains(&digits)
        && matches!(body.as_bytes().get(digits), Some(b'.' | b')'))
        && body
            .as_bytes()
            .get(digits + 1)
            .is_some_and(|c| *c == b' ' || *c == b'\t');
    (indent, numbered.then_some(indent + digits + 2))
}

/// Source bytes `a..b` of `text` that are layout markup (a header row, a
/// delimiter, a language tag), listed as dropped.
fn markup_drop(text: &str, a: usize, b: usize) -> Dropped {
    Dropped {
        kind: DropKind::Markup,
        text: text[a..b].to_string(),
        span: Span::new(a, b),
    }
}

/// A language tag that opens a line of text set kk and ru line by line:
/// «[KZ]», «[RU]», «(ҚАЗ)», «[рус.]», or a bare code with a colon
/// («KZ:», «RU:»), followed by text. Returns the tag's byte range in the
/// line (brackets or colon included) and its language
/// ([`crate::lang::named`]: kk, kz, kaz, қаз, каз, ru, rus, рус …).
fn language_tag(line: &str) -> Option<(usize, usize, Lang)> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\[([^\]\s]{2,7})\]|\(([^)\s]{2,7})\)|([A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,3}):)\s+\S")
            .expect("language tag regex")
    });
    let c = TAG.captures(line)?;
    let code = c.get(1).or(c.get(2)).or(c.get(3))?;
    let lang = crate::lang::named(code.as_str().trim_end_matches('.').to_lowercase().as_str())?;
    let whole = c.get(0)?;
    let start = whole.as_str().len() - whole.as_str().trim_start().len();
    // The closing bracket or the colon after the code.
    Some((start, code.end() + 1, lang))
}

/// The rows of a two-column text table whose right cells wrap
/// (`pdftotext -layout` of a term | meaning table): a row starts on a line
/// with text at the left margin and a second cell after a gap of three
/// spaces or more at character column `c`; its cell's next lines are
/// indented to exactly `c`. Returns, per line, whether it starts a row.
/// A run of lines is a table when two rows or more share `c` and one line
/// at least goes on at `c`.
fn hanging_table_rows(text: &str, lines: &[Line], kinds: &[LineKind]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    // (leading spaces, the column the second cell starts at)
    let shape = |l: &Line| -> (usize, Option<usize>) {
        let t = &text[l.start..l.end];
        let chars: Vec<char> = t.chars().collect();
        let lead = chars.iter().take_while(|c| **c == ' ').count();
        let mut second = None;
        let mut k = lead;
        while k < chars.len() {
            if chars[k] == ' ' {
                let run = chars[k..].iter().take_while(|c| **c == ' ').count();
                if run >= 3 && k + run < chars.len() {
                    second = Some(k + run);
                    break;
                }
                k += run;
            } else {
                k += 1;
            }
        }
        (lead, second)
    };
    let mut i = 0;
    while i < lines.len() {
        if kinds[i] != LineKind::Text {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && kinds[j] == LineKind::Text {
            j += 1;
        }
        let shapes: Vec<(usize, Option<usize>)> = lines[i..j].iter().map(shape).collect();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for (lead, second) in &shapes {
            if let (true, Some(c)) = (*lead <= 2, second) {
                *counts.entry(*c).or_insert(0) += 1;
            }
        }
        let best = counts
            .iter()
            .filter(|(_, n)| **n >= 2)
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .map(|(c, _)| *c);
        if let Some(c) = best
            && c >= 8
            && shapes.iter().any(|(lead, _)| *lead == c)
        {
            for (k, (lead, second)) in shapes.iter().enumerate() {
                if *lead <= 2 && *second == Some(c) {
                    out[i + k] = true;
                }
            }
        }
        i = j;
    }
    out
}

/// Where blank lines are the layout's paragraph breaks, a block after one
/// and after a block that ends closed starts a paragraph, however full or
/// long the one before it (a company line «…«БӨРТЕ МИКРО»»», then a title,
/// each set apart). They are, unless
/// more than one blank line in ten falls inside a sentence (the line before
/// ends without punctuation, the one after starts in lower case), as in
/// text extracted with a blank line after every other line.
fn mark_blank_line_paragraphs(blocks: &mut [Block]) {
    let (mut gaps, mut inside) = (0usize, 0usize);
    for i in 1..blocks.len() {
        if !blocks[i].gap_before || blocks[i].group.is_some() {
            continue;
        }
        gaps += 1;
        let before = blocks[i - 1].text();
        let after = blocks[i].text();
        let open = !before
            .trim_end()
            .trim_end_matches(['»', '"', ')', '*'])
            .ends_with(['.', '!', '?', ':', ';']);
        if open && after.trim_start().starts_with(char::is_lowercase) {
            inside += 1;
        }
    }
    if gaps < 3 || inside * 10 > gaps {
        return;
    }
    // After a block that ends closed: a sentence, or a name in quotes. A
    // block that breaks off («…ст. 9») may go on after the other
    // language's block («Закона № 94-V.»).
    for i in 1..blocks.len() {
        let closed = blocks[i - 1]
            .text()
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')']);
        if closed && blocks[i].gap_before && blocks[i].group.is_none() {
            blocks[i].starts_paragraph = true;
        }
    }
}

/// The character column where side-by-side text columns split (as
/// `pdftotext -layout` writes a two-column page): the right column's text
/// starts at that column on many lines, almost no word straddles it, and
/// most long lines have text on both sides. (A blank band is not required:
/// a justified left column reaches right up to the gutter.) Pages are
/// looked at one by one, as layouts shift from page to page.
fn gutters(text: &str, lines: &[Line], kinds: &[LineKind]) -> Vec<Option<usize>> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    (0..pages)
        .map(|p| {
            let (l, k): (Vec<Line>, Vec<LineKind>) = lines
                .iter()
                .zip(kinds)
                .filter(|(l, _)| l.page == p)
                .map(|(l, k)| (*l, *k))
                .unzip();
            gutter(text, &l, &k)
        })
        .collect()
}

fn gutter(text: &str, lines: &[Line], kinds: &[LineKind]) -> Option<usize> {
    let long: Vec<Vec<bool>> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text)
        .map(|(l, _)| {
            text[l.start..l.end]
                .trim_end()
                .chars()
                .map(|c| !c.is_whitespace())
                .collect::<Vec<bool>>()
        })
        .filter(|ink| ink.len() >= 40)
        .collect();
    let n = long.len();
    if n < 8 {
        return None;
    }
    let width = long.iter().map(Vec::len).max().unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    for c in 12..width.saturating_sub(12) {
        let (mut starts, mut straddles, mut both) = (0, 0, 0);
        for l in &long {
            let at = l.get(c).copied().unwrap_or(false);
            let before = l.get(c - 1).copied().unwrap_or(false);
            if at && before {
                straddles += 1;
            }
            if at && !before && !l.get(c - 2).copied().unwrap_or(false) {
                starts += 1;
            }
            let left = l[..c.min(l.len())].iter().any(|&b| b);
            let right = l.get(c..).is_some_and(|r| r.iter().any(|&b| b));
            if left && right {
                both += 1;
            }
        }
        let ok = straddles * 100 <= n * 3 && starts * 10 >= n * 4 && both * 4 >= n;
        if ok && best.is_none_or(|(_, s)| starts > s) {
            best = Some((c, starts));
        }
    }
    best.map(|(c, _)| c)
}

/// Split one line at character column `c` into the byte ranges of its left
/// and right parts; `None` for a line whose text crosses the gutter (a
/// full-width heading).
fn split_at_gutter(text: &str, line: Line, c: usize) -> Option<((usize, usize), (usize, usize))> {
    let s = &text[line.start..line.end];
    let mut at = s.len();
    let mut prev_ink = false;
    for (i, (off, ch)) in s.char_indices().enumerate() {
        if i == c {
            if prev_ink && !ch.is_whitespace() {
                return None;
            }
            at = off;
            break;
        }
        prev_ink = !ch.is_whitespace();
    }
    Some(((line.start, line.start + at), (line.start + at, line.end)))
}

/// Side-by-side column parts waiting to be emitted: the left column top to
/// bottom, then the right one.
#[derive(Default)]
struct Columns {
    left: Vec<(usize, usize, usize)>,
    right: Vec<(usize, usize, usize)>,
}

impl Columns {
    fn push(&mut self, left: (usize, usize), right: (usize, usize), no: usize) {
        self.left.push((left.0, left.1, no));
        self.right.push((right.0, right.1, no));
    }

    /// Emit the pending parts: each column of the page is one group, so its
    /// language is decided as a whole.
    fn flush(&mut self, text: &str, group: &mut u32, out: &mut Ingested) {
        for column in [
            std::mem::take(&mut self.left),
            std::mem::take(&mut self.right),
        ] {
            if column.is_empty() {
                continue;
            }
            *group += 1;
            let parts: Vec<(usize, usize, usize)> = column
                .into_iter()
                .filter(|(a, b, _)| !text[*a..*b].trim().is_empty())
                .collect();
            let width = parts
                .iter()
                .map(|(a, b, _)| text[*a..*b].trim().chars().count())
                .max()
                .unwrap_or(0);
            for (i, &(a, b, no)) in parts.iter().enumerate() {
                let len = text[a..b].trim().chars().count();
                let next = parts.get(i + 1).map_or(0, |(c, d, _)| {
                    text[*c..*d]
                        .split_whitespace()
                        .next()
                        .map_or(0, |w| w.chars().count())
                });
                let mut blocks = markup::parse(text, a, b, no, &mut out.dropped);
                for b in &mut blocks {
                    b.group = Some(*group);
                }
                // A column wrapped by hand runs ragged: a line past half
                // the column that stops mid-sentence, before a line with
                // no number of its own («… на территории Республики» over
                // «Казахстан.»), wraps as well.
                let open = !text[a..b].trim_end().ends_with(['.', ';', ':', '!', '?']);
                let continued = parts.get(i + 1).is_some_and(|(c, d, _)| {
                    crate::tokens::leading_marker(text[*c..*d].trim_start()).is_none()
                });
                if let Some(last) = blocks.last_mut() {
                    last.ends_wrapped = (len + 1 + next) * 100 > width * 85
                        || (open && continued && len * 2 > width);
                }
                out.blocks.extend(blocks);
            }
        }
    }
}

/// A rule line of a grid table drawn in ASCII (`+-----+-----+`,
/// `+=====+=====+`): it closes one row of cells and opens the next.
fn is_grid_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// One row of a grid table whose cells wrap over several lines between
/// two rule lines: each column's pieces, top to bottom, with their line.
/// Flushed as one cell per column (one group, one table row), so that a
/// cell's last line («задолженности.») is read with its cell, not as a
/// line of its own.
#[derive(Default)]
struct Grid {
    /// A rule line opened the grid row (the lines since are its lines).
    open: bool,
    columns: Vec<Vec<(usize, usize, usize)>>,
}

impl Grid {
    /// Does a line of `n` cells belong to the open row (all its lines have
    /// as many cells)?
    fn takes(&self, n: usize) -> bool {
        self.columns.is_empty() || self.columns.len() == n
    }

    fn push(&mut self, cells: &[(usize, usize)], no: usize) {
        if self.columns.is_empty() {
            self.columns = vec![Vec::new(); cells.len()];
        }
        for (column, &(a, b)) in self.columns.iter_mut().zip(cells) {
            column.push((a, b, no));
        }
    }

    fn flush(&mut self, text: &str, group: &mut u32, out: &mut Ingested) {
        let columns = std::mem::take(&mut self.columns);
        let Some(row) = columns.first().and_then(|c| c.first()).map(|p| p.2 as u32) else {
            return;
        };
        for column in columns {
            *group += 1;
            // The cell's lines are one paragraph, unless a line opens an
            // item of its own («1.», «•»).
            let mut cell: Vec<Block> = Vec::new();
            for (a, b, no) in column {
                if text[a..b].trim().is_empty() {
                    continue;
                }
                for mut block in markup::parse(text, a, b, no, &mut out.dropped) {
                    let item = crate::tokens::leading_marker(&block.text()).is_some();
                    match cell.last_mut() {
                        Some(open) if !item && block.hint == BlockHint::Text => {
                            open.runs.append(&mut block.runs);
                        }
                        _ => {
                            block.group = Some(*group);
                            block.row = Some(row);
                            block.starts_paragraph = true;
                            cell.push(block);
                        }
                    }
                }
            }
            out.blocks.extend(cell);
        }
    }
}

/// Record the page (from form feeds) of every block, run and dropped span.
fn set_pages(lines: &[Line], out: &mut Ingested) {
    let page_of = |offset: usize| -> u32 {
        let i = lines.partition_point(|l| l.end < offset);
        lines.get(i).map_or(0, |l| l.page) as u32 + 1
    };
    for b in &mut out.blocks {
        for r in &mut b.runs {
            r.span.page = Some(page_of(r.span.start));
        }
        b.page = b.runs.first().and_then(|r| r.span.page);
    }
    for d in &mut out.dropped {
        d.span.page = Some(page_of(d.span.start));
    }
}

/// One term and its definition (two cells of a glossary row) as a
/// definition block; a term with no definition is a heading.
fn definition_row(
    text: &str,
    line: Line,
    half: &[(usize, usize)],
    group: &mut u32,
    out: &mut Ingested,
) {
    *group += 1;
    let (ta, tb) = trim_range(text, half[0].0, half[0].1);
    let (da, db) = (half[1].0, half[1].1);
    let mut term_drops = Vec::new();
    let term_blocks = markup::parse(text, ta, tb, line.no, &mut term_drops);
    out.dropped.extend(term_drops);
    let term_runs: Vec<Run> = term_blocks.into_iter().flat_map(|b| b.runs).collect();
    let def_blocks = markup::parse(text, da, db, line.no, &mut out.dropped);
    let has_def = !def_blocks.is_empty();
    if term_runs.is_empty() {
        push_cell(def_blocks, *group, out);
        return;
    }
    let term_text = crate::model::join_runs(&term_runs);
    let term = Run {
        text: term_text,
        span: Span::new(
            term_runs.first().map_or(ta, |r| r.span.start),
            term_runs.last().map_or(tb, |r| r.span.end),
        ),
        glue: false,
    };
    // Markup inside the term's hull is now inside the term run.
    out.dropped
        .retain(|d| !(d.span.start >= term.span.start && d.span.end <= term.span.end));
    if has_def {
        let mut runs = vec![term];
        for b in def_blocks {
            runs.extend(b.runs);
        }
        let mut b = Block::new(runs, BlockHint::Definition, line.no);
        b.group = Some(*group);
        b.starts_paragraph = true;
        out.blocks.push(b);
    } else {
        let mut b = Block::new(vec![term], BlockHint::Heading, line.no);
        b.group = Some(*group);
        b.starts_paragraph = true;
        out.blocks.push(b);
    }
}

/// Blocks of one table row. Two cells (or three, or five and more) are read
/// as separate columns; four cells as two halves of term and definition.
fn row_blocks(
    text: &str,
    line: Line,
    cells: &[(usize, usize)],
    counter: bool,
    group: &mut u32,
    out: &mut Ingested,
) {
    if cells.len() == 4 {
        for half in cells.chunks(2) {
            definition_row(text, line, half, group, out);
        }
        return;
    }
    let first = out.blocks.len();
    let row = line.no as u32;
    if !language_row(text, line, cells, group, out) {
        row_cells(text, line, cells, counter, group, out);
    }
    for b in &mut out.blocks[first..] {
        b.row = Some(row);
    }
}

/// The number a cell's text starts with, as printed without its dot or
/// bracket («4. Компания…» → «4», «II. ТЕРМИНДЕР» → «II»); none for a
/// lettered item or unnumbered text.
fn own_number(cell: &str) -> Option<&str> {
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})[.)]?\s").expect("own number regex")
    });
    let t = cell.trim_start();
    crate::tokens::leading_marker(t)?;
    OWN.captures(t).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// Is the first column of the document's tables a row counter rather than
/// the clauses' numbers («| 7 | 4. Компания… | 4. Компания… |»)? It is when
/// the language cells print numbers of their own in at least two rows and,
/// in at least half of those, a number other than the first column's: the
/// cells' own numbers win, and the counter numbers nothing.
fn counts_rows(text: &str, lines: &[Line], kinds: &[LineKind], delimiter: Option<char>) -> bool {
    let (mut own, mut differ) = (0usize, 0usize);
    for (line, kind) in lines.iter().zip(kinds) {
        if *kind != LineKind::Row {
            continue;
        }
        let (cells, _) = cells(text, *line, delimiter);
        let [first, rest @ ..] = cells.as_slice() else {
            continue;
        };
        let n = text[first.0..first.1].trim().trim_end_matches(['.', ')']);
        if cells.len() == 4 || rest.len() < 2 || n.is_empty() || !is_number_cell(n) {
            continue;
        }
        let printed: Vec<&str> = rest
            .iter()
            .filter_map(|&(a, b)| own_number(&text[a..b]))
            .collect();
        if !printed.is_empty() {
            own += 1;
            differ += usize::from(printed.iter().any(|p| *p != n));
        }
    }
    own >= 2 && differ * 2 >= own
}

/// The language cells of a table row (not a glossary row) as blocks, one
/// group per cell. A number cell that is a row `counter` is markup; one
/// that numbers the row labels each cell that prints no marker of its own.
fn row_cells(
    text: &str,
    line: Line,
    cells: &[(usize, usize)],
    counter: bool,
    group: &mut u32,
    out: &mut Ingested,
) {
    // A first column that holds only the clause number («1.1», «2)», «№»)
    // numbers every language cell of the row. The number's characters
    // belong to the first cell's clause; the others get the same label as
    // text over an empty span, so each clause of the row is numbered.
    let (number, rest) = match cells {
        [first, rest @ ..]
            if !rest.is_empty()
                && is_number_cell(text[first.0..first.1].trim().trim_matches(['*', '_'])) =>
        {
            (Some(*first), rest)
        }
        _ => (None, cells),
    };
    let label = number.map(|(a, b)| {
        let (a0, b0) = trim_range(text, a, b);
        // A bold number («**2**», a section's row): the marks are markup.
        let inner = text[a0..b0].trim_start_matches(['*', '_']);
        let inner = inner.trim_end_matches(['*', '_']);
        let (a, b) = if inner.is_empty() {
            (a0, b0)
        } else {
            let a = b0 - text[a0..b0].trim_start_matches(['*', '_']).len();
            (a, a + inner.len())
        };
        for (x, y) in [(a0, a), (b, b0)] {
            if y > x {
                out.dropped.push(markup_drop(text, x, y));
            }
        }
        let t = &text[a..b];
        let label = if counter {
            String::new()
        } else {
            number_label(t)
        };
        (a, b, label)
    });
    let mut label_owned = false;
    // The cells print their own number: the number cell restates it, or
    // counts the rows.
    let mut restated = counter;
    for &(a, b) in rest {
        *group += 1;
        let mut blocks = cell_blocks(text, a, b, line.no, &mut out.dropped);
        let marked = blocks
            .first()
            .is_some_and(|f| crate::tokens::leading_marker(&f.text()).is_some());
        restated |= marked;
        if let (Some((la, lb, label)), Some(first)) = (&label, blocks.first_mut())
            && !label.is_empty()
            && label != "№"
            && !marked
        {
            let span = if label_owned {
                Span::new(a, a)
            } else {
                Span::new(*la, *lb)
            };
            label_owned = true;
            first.runs.insert(
                0,
                Run {
                    text: label.clone(),
                    span,
                    glue: false,
                },
            );
            if let Some(second) = first.runs.get_mut(1) {
                second.glue = false;
            }
        }
        push_cell(blocks, *group, out);
    }
    // A number cell whose row had no text keeps its characters in a clause
    // of its own; a header «№», a row counter and a number the cells print
    // themselves are markup.
    if let Some((la, lb, label)) = label
        && !label_owned
        && lb > la
    {
        if label == "№" || restated {
            out.dropped.push(markup_drop(text, la, lb));
        } else {
            *group += 1;
            let blocks = markup::parse(text, la, lb, line.no, &mut out.dropped);
            push_cell(blocks, *group, out);
        }
    }
}

/// The blocks of one cell, `text[a..b]`, that starts on line `no`: each
/// line of a cell that holds line breaks (a quoted CSV cell) is read as a
/// line of its own, on its own line number.
fn cell_blocks(
    text: &str,
    a: usize,
    b: usize,
    no: usize,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    for piece in lines(&text[a..b]) {
        let (pa, pb) = (a + piece.start, a + piece.end);
        blocks.extend(markup::parse(text, pa, pb, no + piece.no - 1, dropped));
    }
    blocks
}

/// A header cell that names the number column.
static NUMBER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:№|#|№ ?п/п|п/п|no\.?|nr\.?|n|num|number|clause|id|пункт|номер|нөмір|тармақ)(?:\s*/\s*(?:№|no\.?|n|number|clause|id|пункт|номер|нөмір|тармақ))*$",
    )
    .expect("number label regex")
});

/// The columns of a table export that a header row names: a number
/// column, a section column, and one column per language («id,section,kk,
/// ru», «№;Раздел;Қазақша;Русский»). Each row under it is read by column:
/// the number labels the text of every language, each language's cell is
/// that language's ([`Block::declared_lang`]), and the section cell is a
/// heading where its value changes; repeated, as an export repeats a
/// merged cell on every row, it is markup.
#[derive(Debug, Clone, PartialEq)]
struct Schema {
    width: usize,
    number: Option<usize>,
    section: Option<usize>,
    langs: Vec<(usize, Lang)>,
    /// A column naming each row's language («lang;section;no;text»: one
    /// row per clause per language) and the column of its text.
    lang_text: Option<(usize, usize)>,
}

impl Schema {
    /// The schema a header row names; `None` unless it names a Kazakh and
    /// a Russian column and a section column, every other cell a number
    /// column (a header of languages alone is [`is_language_header`]'s).
    fn of(text: &str, cells: &[(usize, usize)]) -> Option<Schema> {
        static SECTION: LazyLock<Regex> = LazyLock::new(|| {
            // One name, or one per language («Бөлім/Раздел»).
            Regex::new(
                r"(?i)^(?:section|chapter|heading|title|раздел|глава|заголовок|бөлім|тарау|тақырып)(?:\s*/\s*(?:section|chapter|heading|title|раздел|глава|заголовок|бөлім|тарау|тақырып))*$",
            )
            .expect("section column regex")
        });
        static LANG_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?:lang|language|язык|тіл)$").expect("language column regex")
        });
        static TEXT_COLUMN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)^(?:text|текст|мәтін)$").expect("text column regex"));
        let mut s = Schema {
            width: cells.len(),
            number: None,
            section: None,
            langs: Vec::new(),
            lang_text: None,
        };
        let (mut lang_col, mut text_col) = (None, None);
        for (i, &(a, b)) in cells.iter().enumerate() {
            let t = text[a..b].trim().trim_matches('"').trim();
            if let Some(l) = crate::lang::named(t) {
                s.langs.push((i, l));
            } else if NUMBER_LABEL.is_match(t) && s.number.is_none() {
                s.number = Some(i);
            } else if SECTION.is_match(t) && s.section.is_none() {
                s.section = Some(i);
            } else if LANG_COLUMN.is_match(t) && lang_col.is_none() {
                lang_col = Some(i);
            } else if TEXT_COLUMN.is_match(t) && text_col.is_none() {
                text_col = Some(i);
            } else {
                return None;
            }
        }
        let has = |l: Lang| s.langs.iter().any(|&(_, x)| x == l);
        if let (Some(l), Some(t), true, true) =
            (lang_col, text_col, s.langs.is_empty(), s.section.is_some())
        {
            s.lang_text = Some((l, t));
            return Some(s);
        }
        (has(Lang::Kk)
            && has(Lang::Ru)
            && s.section.is_some()
            && lang_col.is_none()
            && text_col.is_none())
        .then_some(s)
    }

    /// Read one row under the header (see [`Schema`]).
    fn row(
        &self,
        text: &str,
        line: Line,
        cells: &[(usize, usize)],
        section: &mut Option<String>,
        group: &mut u32,
        out: &mut Ingested,
    ) {
        let cell = |i: usize| {
            let (a, b) = trim_range(text, cells[i].0, cells[i].1);
            (a, b, text[a..b].trim_matches('"').trim().to_string())
        };
        let markup = |out: &mut Ingested, a: usize, b: usize| {
            if b > a {
                out.dropped.push(markup_drop(text, a, b));
            }
        };
        // A row of one language: its language cell is markup, its text
        // cell the language's.
        let row_lang = self.lang_text.map(|(l, _)| {
            let (a, b, t) = cell(l);
            markup(out, a, b);
            crate::lang::named(&t.to_lowercase())
        });
        if let Some(k) = self.section {
            let (a, b, t) = cell(k);
            if !t.is_empty() && section.as_deref() != Some(t.as_str()) {
                *group += 1;
                let mut blocks =
                    cell_blocks(text, cells[k].0, cells[k].1, line.no, &mut out.dropped);
                for b in &mut blocks {
                    b.hint = BlockHint::Heading;
                    b.declared_lang = row_lang.flatten();
                }
                push_cell(blocks, *group, out);
                *section = Some(t);
            } else {
                markup(out, a, b);
            }
        }
        // (The section's heading is no cell of the row: a row's cells are
        // one paragraph of their language.)
        let first = out.blocks.len();
        let number = self.number.map(cell).filter(|n| !n.2.is_empty());
        let mut labelled = false;
        let own: Vec<(usize, Lang)> = match (self.lang_text, row_lang) {
            (Some((_, t)), Some(Some(lang))) => vec![(t, lang)],
            _ => self.langs.clone(),
        };
        for &(k, lang) in &own {
            *group += 1;
            let mut blocks = cell_blocks(text, cells[k].0, cells[k].1, line.no, &mut out.dropped);
            if let (Some((na, nb, t)), Some(b)) = (&number, blocks.first_mut())
                && crate::tokens::leading_marker(&b.text()).is_none()
            {
                // The number's characters once, in the first text it labels.
                let span = if labelled {
                    Span::new(cells[k].0, cells[k].0)
                } else {
                    Span::new(*na, *nb)
                };
                labelled = true;
                b.runs.insert(
                    0,
                    Run {
                        text: number_label(t),
                        span,
                        glue: false,
                    },
                );
                if let Some(second) = b.runs.get_mut(1) {
                    second.glue = false;
                }
            }
            for b in &mut blocks {
                b.declared_lang = Some(lang);
            }
            push_cell(blocks, *group, out);
        }
        if let Some((na, nb, _)) = number
            && !labelled
        {
            markup(out, na, nb);
        }
        for b in &mut out.blocks[first..] {
            b.row = Some(line.no as u32);
        }
    }
}

/// A table row whose cells only name languages (or number the rows): the
/// header of a kk/ru table («kk;ru», «| № | Қазақша | Русский |»).
fn is_glossary_header(text: &str, cells: &[(usize, usize)]) -> bool {
    const TERMS: &[&str] = &[
        "термин",
        "термины",
        "понятие",
        "понятия",
        "ұғым",
        "ұғымдар",
        "терминдер",
    ];
    const DEFINITIONS: &[&str] = &[
        "определение",
        "определения",
        "значение",
        "анықтама",
        "анықтамасы",
        "анықтамалар",
        "мағынасы",
        "түсінігі",
        "түсініктеме",
    ];
    let word = |c: &(usize, usize)| {
        text[c.0..c.1]
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase()
    };
    cells.len() == 2
        && TERMS.contains(&word(&cells[0]).as_str())
        && DEFINITIONS.contains(&word(&cells[1]).as_str())
}

fn is_language_header(text: &str, cells: &[(usize, usize)]) -> bool {
    // The columns of a table with one row per language: «lang;no;text».
    static COLUMN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:lang|language|язык|тіл|text|текст|мәтін)$")
            .expect("column label regex")
    });
    let filled: Vec<&str> = cells
        .iter()
        .map(|&(a, b)| text[a..b].trim().trim_matches('"').trim())
        .filter(|t| !t.is_empty())
        .collect();
    let texts: Vec<&&str> = filled
        .iter()
        .filter(|t| !NUMBER_LABEL.is_match(t))
        .collect();
    (texts.len() >= 2 && texts.iter().all(|t| crate::lang::named(t).is_some()))
        || (filled.len() >= 2
            && filled.iter().any(|t| COLUMN_LABEL.is_match(t))
            && filled
                .iter()
                .all(|t| COLUMN_LABEL.is_match(t) || NUMBER_LABEL.is_match(t)))
}

/// The label a number cell gives its row's text: «1.1» reads as «1.1.»;
/// an empty cell gives none.
fn number_label(t: &str) -> String {
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') && !t.ends_with('.') {
        format!("{t}.")
    } else {
        t.to_string()
    }
}

/// A row that names its language in a cell of its own (a table with one
/// row per language: «kk;3.4;Деректер …», «ru;3.4;Данные …»): the language
/// cell is markup, a number cell numbers the text, and the text's language
/// is the author's word ([`Block::declared_lang`]). `false` (nothing done)
/// for any other row.
fn language_row(
    text: &str,
    line: Line,
    cells: &[(usize, usize)],
    group: &mut u32,
    out: &mut Ingested,
) -> bool {
    let named: Vec<(usize, Lang)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, &(a, b))| {
            crate::lang::named(text[a..b].trim().trim_matches('"')).map(|l| (i, l))
        })
        .collect();
    let [(at, lang)] = named[..] else {
        return false;
    };
    let cell = |i: usize| {
        let (a, b) = trim_range(text, cells[i].0, cells[i].1);
        (a, b, text[a..b].trim_matches('"').trim())
    };
    let number = (0..cells.len()).find(|&i| {
        let t = cell(i).2;
        i != at && !t.is_empty() && is_number_cell(t) && t != "№"
    });
    let body: Vec<usize> = (0..cells.len())
        .filter(|&i| i != at && Some(i) != number && !cell(i).2.is_empty())
        .collect();
    if body.is_empty() {
        return false;
    }
    let (la, lb, _) = cell(at);
    out.dropped.push(markup_drop(text, la, lb));
    for (k, &i) in body.iter().enumerate() {
        *group += 1;
        let mut blocks = cell_blocks(text, cells[i].0, cells[i].1, line.no, &mut out.dropped);
        if k == 0
            && let (Some(n), Some(first)) = (number, blocks.first_mut())
        {
            let (na, nb, t) = cell(n);
            let label = number_label(t);
            first.runs.insert(
                0,
                Run {
                    text: label,
                    span: Span::new(na, nb),
                    glue: false,
                },
            );
            if let Some(second) = first.runs.get_mut(1) {
                second.glue = false;
            }
        }
        for b in &mut blocks {
            b.declared_lang = Some(lang);
        }
        push_cell(blocks, *group, out);
    }
    true
}

/// A cell that holds only a clause number or item marker, or `№`.
fn is_number_cell(cell: &str) -> bool {
    static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:№|\d{1,3}(?:\.\d{1,3})*\.?|\(?[0-9]{1,2}\)|\(?[a-zа-яәіңғүұқөһ]\)|[IVXLC]{1,6}\.?)?$")
            .expect("number cell regex")
    });
    NUMBER_CELL.is_match(cell.trim())
}

fn push_cell(blocks: Vec<Block>, group: u32, out: &mut Ingested) {
    for (i, mut b) in blocks.into_iter().enumerate() {
        b.group = Some(group);
        if i == 0 {
            b.starts_paragraph = true;
        }
        out.blocks.push(b);
    }
}

/// In a hard-wrapped document, mark blocks whose last line would have
/// overflowed the wrap width had the next line's first word been added:
/// their end is a soft line break, not a paragraph end.
fn mark_wrapped(
    text: &str,
    lines: &[Line],
    kinds: &[LineKind],
    width: usize,
    blocks: &mut [Block],
) {
    // First word length of the next text line after each line.
    let mut next_word = vec![0usize; lines.len()];
    let mut following = 0;
    for i in (0..lines.len()).rev() {
        next_word[i] = following;
        if kinds[i] == LineKind::Text {
            following = text[lines[i].start..lines[i].end]
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count());
        }
    }
    let limit = width * 85 / 100;
    for b in blocks.iter_mut() {
        let Some(last) = b.runs.last() else { continue };
        let idx = match lines.binary_search_by(|l| {
            if l.end < last.span.end {
                std::cmp::Ordering::Less
            } else if l.start > last.span.end {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(_) => continue,
        };
        let l = lines[idx];
        let len = text[l.start..l.end].trim_end().chars().count();
        b.ends_wrapped = len + 1 + next_word[idx] > limit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_table_with_wrapped_cells_starts_a_paragraph_per_row() {
        let t = "2.1. Терминдер кестеде берілген.\n Термин                  Мағынасы\n Клиент                  өтінім берген немесе шарт\n                         жасасқан жеке тұлға\n Өңдеу                   деректерді жинау, сақтау\n                         және жою\n";
        let ing = ingest(t);
        let starts: Vec<String> = ing
            .blocks
            .iter()
            .filter(|b| b.starts_paragraph)
            .map(|b| b.text().split_whitespace().next().unwrap_or("").to_string())
            .collect();
        assert_eq!(starts, ["Термин", "Клиент", "Өңдеу"]);
        // Prose with a wide space is no table.
        let prose = "1.1. Мәтін   бір жол.\n1.2. Екінші   жол.\n";
        assert!(ingest(prose).blocks.iter().all(|b| !b.starts_paragraph));
    }

    #[test]
    fn a_grid_table_reads_each_cell_whole_across_its_lines() {
        let t = "+------------------------+------------------------+\n\
                 | Өңдеу мақсаты: шартты  | Цель обработки:        |\n\
                 | орындау.               | исполнение договора,   |\n\
                 |                        | взыскание.             |\n\
                 +------------------------+------------------------+\n\
                 | Сақтау мерзімі: бес    | Срок хранения: пять    |\n\
                 | жыл.                   | лет.                   |\n\
                 +------------------------+------------------------+\n";
        let ing = ingest(t);
        let cells: Vec<(String, Option<u32>)> = ing
            .blocks
            .iter()
            .map(|b| (join_runs(&b.runs), b.row))
            .collect();
        assert_eq!(
            cells,
            [
                ("Өңдеу мақсаты: шартты орындау.".to_string(), Some(2)),
                (
                    "Цель обработки: исполнение договора, взыскание.".to_string(),
                    Some(2)
                ),
                ("Сақтау мерзімі: бес жыл.".to_string(), Some(6)),
                ("Срок хранения: пять лет.".to_string(), Some(6)),
            ]
        );
        // Each cell is its own group: its language is decided whole.
        let groups: std::collections::BTreeSet<_> = ing.blocks.iter().map(|b| b.group).collect();
        assert_eq!(groups.len(), 4);
        assert!(is_grid_rule("+====+====+"));
        assert!(!is_grid_rule("+7 727 300"));
    }

    #[test]
    fn quoted_fields_keep_escaped_quotes_and_delimiters() {
        let line = r#""a ""b""; c";d"#;
        let fields: Vec<&str> = split_fields(line, ';')
            .iter()
            .map(|&(a, b)| &line[a..b])
            .collect();
        assert_eq!(fields, [r#""a ""b""; c""#, "d"]);
        assert!(!quote_open(line, ';'));
        assert!(quote_open(r#"x;"a ""b"" and"#, ';'));
    }
    use crate::model::join_runs;

    fn blocks(text: &str) -> Vec<String> {
        ingest(text)
            .blocks
            .iter()
            .map(|b| join_runs(&b.runs))
            .collect()
    }

    #[test]
    fn the_head_and_foot_of_each_page_are_noise_even_in_wrapped_text() {
        let head = "        ТОО «МФО «Бурабай» · Политика обработки персональных данных";
        let body = [
            "1.1. Настоящая Политика определяет порядок обработки персональных",
            "данных клиентов Организации и посетителей ее сайта в сети",
            "Интернет, а также меры по их защите от неправомерного доступа.",
        ]
        .join("\n");
        let t = format!(
            "{head}\n\n{body}\n\n      Страница 1 из 2\n\u{c}{head}\n\n{}\n\n      Страница 2 из 2\n",
            body.replace("1.1.", "1.2.")
        );
        let ing = ingest(&t);
        let dropped: Vec<&str> = ing.dropped.iter().map(|d| d.text.trim()).collect();
        assert_eq!(
            dropped.iter().filter(|d| d.contains("Бурабай")).count(),
            2,
            "{dropped:?}"
        );
        assert!(
            blocks(&t)
                .iter()
                .all(|b| !b.contains("Бурабай") && !b.contains("Страница")),
            "{:?}",
            blocks(&t)
        );
        // One page: nothing repeats by place (the head's middle dot is a
        // separator, dropped as markup).
        assert!(
            ingest(&format!("{head}\n\n{body}\n"))
                .dropped
                .iter()
                .all(|d| d.kind == crate::model::DropKind::Markup)
        );
    }

    #[test]
    fn lines_and_page_numbers() {
        let t = "1. Жалпы ережелер\n\n12\n\n1.1. Мәтін.\r\n- 3 -\n";
        let ing = ingest(t);
        assert_eq!(blocks(t), vec!["1. Жалпы ережелер", "1.1. Мәтін."]);
        assert_eq!(ing.dropped.len(), 2);
        assert!(ing.dropped.iter().all(|d| d.kind == DropKind::PageNumber));
    }

    #[test]
    fn bilingual_footer_is_a_page_number() {
        let ing = ingest("Мәтін.\nБет 1 / Страница 1\n");
        assert_eq!(ing.dropped[0].kind, DropKind::PageNumber);
    }

    #[test]
    fn side_by_side_columns_are_read_left_then_right() {
        let mut t = String::new();
        for i in 1..=10 {
            t.push_str(&format!(
                "{i}.1. Қазақша мәтін жолы осында тұр          {i}.1. Русский текст строки здесь\n"
            ));
        }
        let got = blocks(&t);
        assert_eq!(got.len(), 20);
        assert!(got[..10].iter().all(|b| b.contains("Қазақша")));
        assert!(got[10..].iter().all(|b| b.contains("Русский")));
    }

    #[test]
    fn two_cell_rows_in_groups() {
        let t = "<p>1. Цели</p>\t<p>1. Мақсаты</p>\n---\t---\n";
        let ing = ingest(t);
        assert_eq!(blocks(t), vec!["1. Цели", "1. Мақсаты"]);
        assert_ne!(ing.blocks[0].group, ing.blocks[1].group);
        assert!(ing.dropped.iter().any(|d| d.text == "---\t---"));
    }

    #[test]
    fn glossary_rows_become_definitions() {
        let t = "Сайт\twww.dossym.kz мекенжайы бойынша\tСайт\tИнтернет-ресурс МФО\n";
        let ing = ingest(t);
        assert_eq!(ing.blocks.len(), 2);
        assert!(ing.blocks.iter().all(|b| b.hint == BlockHint::Definition));
        assert_eq!(ing.blocks[1].runs[0].text, "Сайт");
    }

    #[test]
    fn link_dumps_are_dropped_single_urls_kept() {
        let t = "сайт https://a.kz\n\nhttps://a.kz/\nhttps://b.kz/\n\nhttps://c.kz\nтекст\n";
        let ing = ingest(t);
        let dumped: Vec<_> = ing
            .dropped
            .iter()
            .filter(|d| d.kind == DropKind::LinkDump)
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(
            dumped,
            vec!["https://a.kz/", "https://b.kz/", "https://c.kz"]
        );
    }

    #[test]
    fn a_dash_and_a_tab_is_a_list_item_not_a_table_row() {
        let t = "1.1. Оператор обрабатывает следующие данные:\n-\tфамилия, имя;\n-\tномер телефона.\n1)\tтегі;\n";
        let ing = ingest(t);
        let got: Vec<(String, BlockHint)> = ing
            .blocks
            .iter()
            .map(|b| (join_runs(&b.runs), b.hint))
            .collect();
        assert_eq!(got[1], ("- фамилия, имя;".to_string(), BlockHint::Bullet));
        assert_eq!(got[2].1, BlockHint::Bullet);
        assert_eq!(got.len(), 4);
        assert!(ing.blocks.iter().all(|b| b.group.is_none()));
        // Two cells are still a table row.
        assert!(!is_list_tab("1.1\tМәтін\tТекст"));
        assert!(!is_list_tab("Мәтін\tТекст"));
    }

    #[test]
    fn hard_wrapped_lines_are_marked() {
        let mut t = String::new();
        for _ in 0..15 {
            t.push_str(
                "МФО имеет право в любое время в\n\nодностороннем порядке изменять, и\nкороткая.\n",
            );
        }
        let ing = ingest(&t);
        assert!(ing.blocks[0].ends_wrapped);
        assert!(!ing.blocks[2].ends_wrapped);
    }

    #[test]
    fn a_csv_row_with_an_empty_cell_is_a_row() {
        let t = "kk;ru\n1.1. Бірінші;1.1. Первый\n1.2. Екінші;1.2. Второй\n;1.3. Только по-русски.\n1.3. Үшінші;1.4. Третий\n1.4. Төртінші;1.5. Четвертый\n";
        let ing = ingest(t);
        let rows: Vec<Option<u32>> = ing.blocks.iter().map(|b| b.row).collect();
        assert!(rows.iter().all(Option::is_some), "{rows:?}");
        assert!(blocks(t).contains(&"1.3. Только по-русски.".to_string()));
        // Prose with a semicolon at a line end is no row.
        let t = "1.1. Деректер:\nаты;\nмекенжайы.\n1.2. Мәтін.\n1.3. Мәтін.\n";
        assert!(ing_rows(t).iter().all(Option::is_none));
    }

    #[test]
    fn a_comma_csv_with_few_quoted_rows_is_a_table() {
        // Cells are quoted only where they hold a comma or a line break;
        // one row has an empty Kazakh cell.
        let t = "number,kk,ru\r\n1.1,Бірінші тармақ.,Первый пункт.\r\n1.2,\"Деректер:\nаты;\nмекенжайы.\",\"Данные:\nимя;\nадрес.\"\r\n1.3,,\"Только по-русски, одна строка.\"\r\n1.4,Төртінші.,Четвертый.\r\n1.5,Бесінші.,Пятый.\r\n1.6,Алтыншы.,Шестой.\r\n";
        let rows = ing_rows(t);
        assert!(rows.iter().all(Option::is_some), "{rows:?}");
        let got = blocks(t);
        for cell in [
            "1.2. Данные:",
            "имя;",
            "1.3. Только по-русски, одна строка.",
            "1.4. Төртінші.",
        ] {
            assert!(got.contains(&cell.to_string()), "{cell}: {got:?}");
        }
        // Prose whose lines hold commas unevenly is no table.
        let t = "1.1. Компания, оператор, жинайды.\n1.2. Деректер өңделеді.\n1.3. Субъект, қажет болса, сұрау жібереді.\n1.4. Мәтін, мәтін.\n1.5. Мәтін.\n";
        assert!(ing_rows(t).iter().all(Option::is_none));
    }

    /// A document system's export «id,section,kk,ru»: the number labels
    /// both languages' texts, each text is its column's language, the
    /// section is a heading where it changes and markup where an export
    /// repeats it (heldout_legal17 and blind8i: read as a glossary before).
    /// Each block's text, declared language and hint.
    fn read_blocks(ing: &Ingested) -> Vec<(String, Option<Lang>, BlockHint)> {
        ing.blocks
            .iter()
            .map(|b| (b.text(), b.declared_lang, b.hint))
            .collect()
    }

    #[test]
    fn a_language_tag_opening_each_line_is_markup_and_the_author_s_word() {
        let t = "[KZ] 2.4. Трансшекаралық беру – шет мемлекетке беру.\n\
                 [RU] 2.4. Трансграничная передача – передача за рубеж.\n\
                 RU: 2.5. Уполномоченный орган.\n\
                 (ҚАЗ) 2.5. Уәкілетті орган.\n\
                 [EN] 2.6. Not ours.\n";
        let ing = ingest(t);
        let got: Vec<(String, Option<Lang>)> = ing
            .blocks
            .iter()
            .map(|b| (b.text(), b.declared_lang))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "2.4. Трансшекаралық беру – шет мемлекетке беру.".to_string(),
                    Some(Lang::Kk)
                ),
                (
                    "2.4. Трансграничная передача – передача за рубеж.".to_string(),
                    Some(Lang::Ru)
                ),
                ("2.5. Уполномоченный орган.".to_string(), Some(Lang::Ru)),
                ("2.5. Уәкілетті орган.".to_string(), Some(Lang::Kk)),
                // A tag of no language of ours stays text.
                ("[EN] 2.6. Not ours.".to_string(), None),
            ]
        );
        let dropped: Vec<&str> = ing.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dropped, ["[KZ]", "[RU]", "RU:", "(ҚАЗ)"]);
        for d in &ing.dropped {
            assert_eq!(&t[d.span.start..d.span.end], d.text);
        }
    }

    #[test]
    fn a_bold_section_number_cell_numbers_its_row_and_a_two_label_header_is_markup() {
        let t = "| Тармақ / Пункт | Қазақша | Русский |\n|---|---|---|\n\
                 | **2** | **Негізгі ұғымдар** | **Основные понятия** |\n\
                 | 2.1 | Дербес деректер – мәліметтер. | Персональные данные – сведения. |\n";
        let ing = ingest(t);
        let texts: Vec<String> = ing.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            texts,
            [
                "2. Негізгі ұғымдар",
                "2. Основные понятия",
                "2.1. Дербес деректер – мәліметтер.",
                "2.1. Персональные данные – сведения.",
            ]
        );
        let dropped: Vec<&str> = ing.dropped.iter().map(|d| d.text.as_str()).collect();
        assert!(
            dropped.contains(&"| Тармақ / Пункт | Қазақша | Русский |"),
            "{dropped:?}"
        );
        // The bold marks are markup, around the number as around the
        // titles: nothing lost.
        assert_eq!(
            dropped.iter().filter(|d| **d == "**").count(),
            6,
            "{dropped:?}"
        );
    }

    #[test]
    fn an_export_with_a_language_column_is_read_row_by_row_in_its_language() {
        let t = "lang;section;no;text\n\
                 kk;Жалпы ережелер;1.1;\"Бірінші тармақ; екінші бөлігі.\"\n\
                 kk;Құқықтар;2.1;Сіз білуге құқылысыз.\n\
                 ru;Общие положения;1.1;Первый пункт.\n\
                 ru;Права;2.1;Вы вправе знать.\n";
        let ing = ingest(t);
        let got = read_blocks(&ing);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Жалпы ережелер",
                "1.1. Бірінші тармақ; екінші бөлігі.",
                "Құқықтар",
                "2.1. Сіз білуге құқылысыз.",
                "Общие положения",
                "1.1. Первый пункт.",
                "Права",
                "2.1. Вы вправе знать.",
            ]
        );
        let langs: Vec<Option<Lang>> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            langs,
            [
                Some(Lang::Kk),
                Some(Lang::Kk),
                Some(Lang::Kk),
                Some(Lang::Kk),
                Some(Lang::Ru),
                Some(Lang::Ru),
                Some(Lang::Ru),
                Some(Lang::Ru),
            ]
        );
        assert_eq!(got[0].2, BlockHint::Heading);
        // The header and each row's language cell are markup.
        let dropped: Vec<&str> = ing.dropped.iter().map(|d| d.text.as_str()).collect();
        assert!(dropped.contains(&"lang;section;no;text"), "{dropped:?}");
        assert_eq!(
            dropped.iter().filter(|d| **d == "kk").count(),
            2,
            "{dropped:?}"
        );
    }

    #[test]
    fn a_section_column_named_in_both_languages_is_a_section_column() {
        let t = "Бөлім/Раздел\t№\tҚазақша\tРусский\n1. Жалпы / 1. Общие\t1.1\tБірінші тармақ.\tПервый пункт.\n1. Жалпы / 1. Общие\t1.2\tЕкінші тармақ.\tВторой пункт.\n2. Құқықтар / 2. Права\t2.1\tҮшінші.\tТретий.\n";
        let got = read_blocks(&ingest(t));
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "1. Жалпы / 1. Общие",
                "1.1. Бірінші тармақ.",
                "1.1. Первый пункт.",
                "1.2. Екінші тармақ.",
                "1.2. Второй пункт.",
                "2. Құқықтар / 2. Права",
                "2.1. Үшінші.",
                "2.1. Третий.",
            ]
        );
    }

    #[test]
    fn an_export_with_a_section_column_is_read_by_its_header() {
        let t = "id,section,kk,ru\n1.1,Жалпы ережелер / Общие положения,Бірінші тармақ.,Первый пункт.\n1.2,Жалпы ережелер / Общие положения,\"Деректер:\n– аты;\n– мекенжайы.\",\"Данные:\n– имя;\n– адрес.\"\n2.1,Құқықтар / Права,Екінші.,Второй.\n2.2,Құқықтар / Права,Үшінші.,Третий.\n2.3,Құқықтар / Права,Төртінші.,Четвертый.\n";
        let ing = ingest(t);
        let got = read_blocks(&ing);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Жалпы ережелер / Общие положения",
                "1.1. Бірінші тармақ.",
                "1.1. Первый пункт.",
                "1.2. Деректер:",
                "– аты;",
                "– мекенжайы.",
                "1.2. Данные:",
                "– имя;",
                "– адрес.",
                "Құқықтар / Права",
                "2.1. Екінші.",
                "2.1. Второй.",
                "2.2. Үшінші.",
                "2.2. Третий.",
                "2.3. Төртінші.",
                "2.3. Четвертый.",
            ]
        );
        assert_eq!(got[0].2, BlockHint::Heading);
        assert_eq!(got[1].1, Some(Lang::Kk));
        assert_eq!(got[2].1, Some(Lang::Ru));
        // The header and the repeated section are markup; the number's
        // characters are the Kazakh text's.
        let dropped: Vec<&str> = ing.dropped.iter().map(|d| d.text.as_str()).collect();
        assert!(dropped.contains(&"id,section,kk,ru"), "{dropped:?}");
        assert_eq!(
            dropped
                .iter()
                .filter(|d| **d == "Жалпы ережелер / Общие положения")
                .count(),
            1,
            "{dropped:?}"
        );
    }

    #[test]
    fn a_number_column_header_is_markup_and_an_empty_number_cell_no_label() {
        let t = "number,kk,ru\n,«Альфа» ЖШС,ТОО «Альфа»\n1.1,Бірінші тармақ.,Первый пункт.\n1.2,Екінші.,Второй.\n1.3,Үшінші.,Третий.\n1.4,Төртінші.,Четвертый.\n";
        let got = blocks(t);
        assert_eq!(
            got[..3],
            ["«Альфа» ЖШС", "ТОО «Альфа»", "1.1. Бірінші тармақ."],
            "{got:?}"
        );
        assert!(ingest(t).dropped.iter().any(|d| d.text == "number,kk,ru"));
    }

    #[test]
    fn blank_lines_are_paragraph_breaks_where_the_text_keeps_them_so() {
        // A company line as long as the wrap width, a title, an approval
        // line, each set apart by a blank line.
        let t = "Товарищество с ограниченной ответственностью «Микрофинансовая организация «КАЗЫНА МИКРОКРЕДИТ»»\n\nПОЛИТИКА обработки персональных данных\n\nУтверждена приказом директора\n\n1. Общие положения\n\n1.1. Текст.\n";
        let ing = ingest(t);
        let starts: Vec<bool> = ing.blocks.iter().map(|b| b.starts_paragraph).collect();
        assert_eq!(starts[..3], [false, true, false], "{starts:?}");
        // Text with a blank line after most lines, inside sentences: no.
        let t = "Политика в отношении\n\nобработки данных.\n\nМФО имеет право в\n\nодностороннем порядке\n\nизменять Политику.\n\nВсе изменения\n\nвступают в силу.\n";
        assert!(ingest(t).blocks.iter().all(|b| !b.starts_paragraph));
    }

    #[test]
    fn a_table_with_a_row_per_language_declares_each_row_s_language() {
        let t = "lang;no;text\nkk;1.1;Компания деректерді жинайды.\nru;1.1;Компания собирает данные.\nkk;1.2;БСН 190540012345\nru;1.2;БИН 190540012345\nkk;1.3;Соңғы тармақ.\nru;1.3;Последний пункт.\n";
        let ing = ingest(t);
        let got: Vec<(String, Option<Lang>)> = ing
            .blocks
            .iter()
            .map(|b| (b.text(), b.declared_lang))
            .collect();
        assert_eq!(
            got[0],
            (
                "1.1. Компания деректерді жинайды.".to_string(),
                Some(Lang::Kk)
            )
        );
        assert_eq!(
            got[3],
            ("1.2. БИН 190540012345".to_string(), Some(Lang::Ru))
        );
        assert_eq!(got.len(), 6);
        assert!(ing.dropped.iter().any(|d| d.text.contains("lang;no;text")));
    }

    fn ing_rows(t: &str) -> Vec<Option<u32>> {
        ingest(t).blocks.iter().map(|b| b.row).collect()
    }

    #[test]
    fn a_numbered_line_indented_under_a_numbered_item_is_nested() {
        let t = "## Ұғымдар\n\n3. Саясатта қолданылатын ұғымдар:\n   1. «жою» – деректерді жою;\n   2. «бұғаттау» – тоқтата тұру.\n4. Саясат сайтта жарияланады.\n\n  5. Жаңа абзац.\n";
        let ing = ingest(t);
        let nested: Vec<bool> = ing.blocks.iter().map(|b| b.nested).collect();
        assert_eq!(nested, [false, false, true, true, false, false]);
    }

    #[test]
    fn rows_under_a_term_and_definition_header_are_glossary_entries() {
        let t = "## Определения\n\n| Термин | Определение |\n|---|---|\n| Блокирование | Временное прекращение обработки. |\n| Трансграничная передача | Передача данных на территорию иностранных государств. |\n\n1.1. Текст политики.\n| Право | Срок |\n";
        let ing = ingest(t);
        let kinds: Vec<(String, BlockHint)> =
            ing.blocks.iter().map(|b| (b.text(), b.hint)).collect();
        assert_eq!(
            kinds[1],
            (
                "Блокирование Временное прекращение обработки.".to_string(),
                BlockHint::Definition
            )
        );
        assert_eq!(kinds[2].1, BlockHint::Definition);
        assert_eq!(ing.blocks[1].runs[0].text, "Блокирование");
        // After the glossary, two-cell rows are a table again.
        assert!(
            kinds[4..].iter().all(|(_, h)| *h != BlockHint::Definition),
            "{kinds:?}"
        );
        assert!(
            ing.dropped
                .iter()
                .any(|d| d.text == "| Термин | Определение |")
        );
    }

    #[test]
    fn blank_lines_set_blocks_apart() {
        let ing = ingest("Бірінші жол.\nЕкінші жол.\n\n  \nҮшінші жол.\n");
        let gaps: Vec<bool> = ing.blocks.iter().map(|b| b.gap_before).collect();
        assert_eq!(gaps, [false, false, true]);
    }

    #[test]
    fn unicode_line_separators_end_lines() {
        let t = "1.1. Бірінші.\u{2028}1.2. Екінші.\u{2029}1.3. Үшінші.\u{85}1.4. Төртінші.";
        assert_eq!(
            blocks(t),
            vec![
                "1.1. Бірінші.",
                "1.2. Екінші.",
                "1.3. Үшінші.",
                "1.4. Төртінші."
            ]
        );
        let ls = lines(t);
        assert_eq!(ls.len(), 4);
        assert_eq!(&t[ls[3].start..ls[3].end], "1.4. Төртінші.");
    }

    #[test]
    fn a_row_counter_column_numbers_nothing() {
        // The № column counts the rows; the cells print their own numbers
        // (a Roman heading, clauses numbered apart from the rows).
        let t = "| № | Қазақша | Русский |\n|---:|---|---|\n| 1 | Саясат | Политика |\n| 2 | I. ЖАЛПЫ ЕРЕЖЕЛЕР | I. ОБЩИЕ ПОЛОЖЕНИЯ |\n| 3 | 1. Бірінші тармақ. | 1. Первый пункт. |\n| 4 | 2. Екінші тармақ. |  |\n| 5 | 3. Үшінші тармақ. | 2. Второй пункт. |\n";
        let got = blocks(t);
        assert_eq!(
            got,
            [
                "Саясат",
                "Политика",
                "I. ЖАЛПЫ ЕРЕЖЕЛЕР",
                "I. ОБЩИЕ ПОЛОЖЕНИЯ",
                "1. Бірінші тармақ.",
                "1. Первый пункт.",
                "2. Екінші тармақ.",
                "3. Үшінші тармақ.",
                "2. Второй пункт.",
            ]
        );
        let dropped: Vec<String> = ingest(t).dropped.into_iter().map(|d| d.text).collect();
        for n in ["1", "2", "3", "4", "5"] {
            assert!(dropped.contains(&n.to_string()), "{n}: {dropped:?}");
        }
    }

    #[test]
    fn a_number_column_numbers_the_one_text_cell_of_its_row() {
        // «| № | Право |»: a two-column table numbers its single text cell
        // as it numbers the cells of a kk | ru row; the number is not a
        // clause of its own.
        let t = "| № | Право |\n|---|---|\n| 1 | Знать о наличии данных |\n| 2 | Требовать исправления |\n";
        assert_eq!(
            blocks(t),
            [
                "Право",
                "1. Знать о наличии данных",
                "2. Требовать исправления"
            ]
        );
    }

    #[test]
    fn a_cell_that_prints_its_number_is_not_numbered_twice() {
        // The number column is the clauses' own (it agrees), but the cells
        // restate it: one number, not «1.1. 1.1.».
        let t = "| 1.1 | 1.1. Бірінші тармақ. | 1.1. Первый пункт. |\n| 1.2 | Екінші тармақ. | Второй пункт. |\n";
        assert_eq!(
            blocks(t),
            [
                "1.1. Бірінші тармақ.",
                "1.1. Первый пункт.",
                "1.2. Екінші тармақ.",
                "1.2. Второй пункт.",
            ]
        );
    }
}
