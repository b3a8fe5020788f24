//! Inline markup inside one line or table cell: HTML fragments (`<p>`, `<ul>`,
//! `<li>`, `<br>`, entities), Markdown emphasis and headings, autolinks and
//! bullets run together in one line (`• a • b`).
//!
//! A block whose text holds both languages, each in an inline element
//! that declares it (`<span lang="kk">…</span> / <span lang="ru">…</span>`,
//! a heading row of a kk | ru table), is one block per language.
//!
//! Invariant: every byte of the input range ends up either in a run of an
//! emitted block or in a `Markup` dropped span (whitespace may be in
//! neither). Runs are in source order and never overlap markup.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, BlockHint, DropKind, Dropped, Lang, Run, Span};

/// Tags we recognise. Anything else that looks like `<…>` is text.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)</?(?:p|ul|ol|li|br|div|span|b|strong|i|em|u|a|h[1-6]|table|tbody|thead|tr|td|th|sup|sub|font|section|article|blockquote|details|summary)(?-u:\b)[^<>]*/?>",
    )
    .expect("tag regex")
});
/// Any tag, comment, doctype, or script/style/title element, for whole
/// HTML documents (where we do not know every tag a site may use). The
/// `<title>` is the browser tab's name, not a clause of either version.
static DOC_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?is)<!--.*?-->|<!doctype[^>]*>|<script(?-u:\b)[^>]*>.*?</script\s*>|<style(?-u:\b)[^>]*>.*?</style\s*>|<title(?-u:\b)[^>]*>.*?</title\s*>|</?[a-z][a-z0-9]*(?-u:\b)[^<>]*>",
    )
    .expect("document tag regex")
});
static AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<((?:https?://|www\.)[^<>\s]+)>").expect("autolink regex"));
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").expect("entity regex")
});

/// Bullet characters that start a list item.
pub const BULLETS: &[char] = &['•', '·', '▪', '◦', '●', '\u{f0b7}', '■', '□', '➢', '►'];

/// Decode one HTML entity (without `&` and `;`), if we know it.
fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code).map(String::from);
    }
    let s = match name {
        "nbsp" => "\u{a0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "laquo" => "«",
        "raquo" => "»",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "shy" => "\u{ad}",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "bdquo" => "„",
        "numero" => "№",
        "copy" => "©",
        "deg" => "°",
        "times" => "×",
        _ => return None,
    };
    Some(s.to_string())
}

/// A piece of a line after markup analysis.
#[derive(Debug)]
enum Piece {
    /// Verbatim source text.
    Text(usize, usize),
    /// Decoded entity covering a source range.
    Entity(usize, usize, String),
    /// Markup to drop; `true` if it separates blocks.
    Markup(usize, usize, bool, Option<BlockHint>),
    /// A bullet character starting a list item.
    Bullet,
}

/// Cut `src[start..end]` into pieces. Byte offsets are absolute in `src`.
/// The lower-case name of a tag (`td` for `</TD >`); empty for comments,
/// doctypes and script/style elements.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Tags that end one block and start another.
fn breaks_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "ul"
            | "ol"
            | "li"
            | "br"
            | "div"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "blockquote"
            | "html"
            | "head"
            | "body"
            | "title"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "dl"
            | "dt"
            | "dd"
            | "caption"
            | "figure"
            | "figcaption"
            | "address"
            | "aside"
            | "center"
            | "form"
            | "details"
            | "summary"
            | ""
    ) || (name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit())
}

fn pieces(src: &str, start: usize, end: usize, line_start: bool, document: bool) -> Vec<Piece> {
    let seg = &src[start..end];
    // Collect markup matches, then fill the gaps with text.
    let mut marks: Vec<(usize, usize, Piece)> = Vec::new();
    let tags = if document { &*DOC_TAG } else { &*TAG };
    for m in tags.find_iter(seg) {
        let tag = m.as_str().to_ascii_lowercase();
        let name = tag_name(&tag);
        let breaks = breaks_block(&name);
        // A `<summary>` titles its `<details>` (an accordion's question).
        let heading =
            (name.len() == 2 && name.starts_with('h')) || name == "title" || name == "summary";
        let hint = if heading && !tag.starts_with("</") {
            Some(BlockHint::Heading)
        } else if name == "li" && !tag.starts_with("</") {
            Some(BlockHint::Bullet)
        } else {
            None
        };
        marks.push((
            start + m.start(),
            start + m.end(),
            Piece::Markup(start + m.start(), start + m.end(), breaks, hint),
        ));
    }
    for c in AUTOLINK.captures_iter(seg) {
        let (Some(all), Some(url)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let a = start + all.start();
        let u0 = start + url.start();
        let u1 = start + url.end();
        marks.push((a, u0, Piece::Markup(a, u0, false, None)));
        marks.push((
            u1,
            start + all.end(),
            Piece::Markup(u1, start + all.end(), false, None),
        ));
    }
    for m in ENTITY.find_iter(seg) {
        let name = &m.as_str()[1..m.as_str().len() - 1];
        if let Some(decoded) = entity(name) {
            marks.push((
                start + m.start(),
                start + m.end(),
                Piece::Entity(start + m.start(), start + m.end(), decoded),
            ));
        }
    }
    // Markdown emphasis markers and a leading heading marker.
    let bytes = seg.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if (bytes[i] == b'*' && bytes[i + 1] == b'*') || (bytes[i] == b'_' && bytes[i + 1] == b'_')
        {
            marks.push((
                start + i,
                start + i + 2,
                Piece::Markup(start + i, start + i + 2, false, None),
            ));
            i += 2;
        } else {
            i += 1;
        }
    }
    if line_start {
        // Single-character emphasis around a whole line: «_Редакция от …_».
        let t = seg.trim();
        let lead_ws = seg.len() - seg.trim_start().len();
        for mark in ['_', '*'] {
            let double: String = [mark, mark].iter().collect();
            if t.len() > 2
                && t.starts_with(mark)
                && t.ends_with(mark)
                && !t.starts_with(double.as_str())
                && !t.ends_with(double.as_str())
            {
                let a = start + lead_ws;
                let b = a + t.len() - 1;
                marks.push((a, a + 1, Piece::Markup(a, a + 1, false, None)));
                marks.push((b, b + 1, Piece::Markup(b, b + 1, false, None)));
            }
        }
        let lead = seg.len() - seg.trim_start().len();
        let hashes = seg[lead..].bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && seg[lead + hashes..].starts_with(' ') {
            let a = start + lead;
            marks.push((
                a,
                a + hashes,
                Piece::Markup(a, a + hashes, true, Some(BlockHint::Heading)),
            ));
        }
    }
    // Bullets: at the start or after whitespace. A middle dot «·» inside
    // a line is a separator («…, 45 · Тел.: …», «Басты бет · Өнімдер»,
    // «Общие положения · Жалпы ережелер»): it parts two blocks, as markup,
    // and opens no item; a bullet only where it opens the line or an
    // element.
    let mut prev_ws = true;
    let mut opens_line = true;
    for (i, ch) in seg.char_indices() {
        if BULLETS.contains(&ch) && prev_ws {
            if ch == '·' && !opens_line {
                let (a, b) = (start + i, start + i + ch.len_utf8());
                marks.push((a, b, Piece::Markup(a, b, true, None)));
            } else {
                marks.push((start + i, start + i, Piece::Bullet));
            }
        }
        prev_ws = ch.is_whitespace() || ch == '>';
        opens_line = if ch == '\n' || ch == '>' {
            true
        } else {
            opens_line && prev_ws
        };
    }
    marks.sort_by_key(|(a, b, _)| (*a, *b));
    // Drop overlapping marks (a tag match inside an autolink, etc.).
    let mut out = Vec::new();
    let mut pos = start;
    for (a, b, piece) in marks {
        if a < pos {
            continue;
        }
        if a > pos {
            out.push(Piece::Text(pos, a));
        }
        out.push(piece);
        pos = b;
    }
    if pos < end {
        out.push(Piece::Text(pos, end));
    }
    out
}

/// Where one block ends and the next begins.
enum Boundary<'a> {
    /// A block-level tag (its source text) and the hint it gives the next block.
    Tag(&'a str, Option<BlockHint>),
    Bullet,
    End,
}

/// Turn pieces into runs, markup into `dropped`, and call `boundary` with
/// the runs collected so far at every block boundary (and once at the end).
fn walk<'a>(
    src: &'a str,
    pieces: Vec<Piece>,
    dropped: &mut Vec<Dropped>,
    mut boundary: impl FnMut(Vec<Run>, Boundary<'a>),
) {
    let mut runs: Vec<Run> = Vec::new();
    let mut after_tag = false;
    for piece in pieces {
        let tag = matches!(piece, Piece::Markup(..));
        match piece {
            Piece::Text(a, b) => {
                // A clause number in an element of its own, the text
                // right after its closing tag («<span class="num">2.4</span>Сайт…»):
                // the number is a label, set apart from the words.
                let labelled = after_tag
                    && src[a..b].starts_with(char::is_alphabetic)
                    && number_label_only(&runs);
                runs.push(Run {
                    text: src[a..b].to_string(),
                    span: Span::new(a, b),
                    glue: !labelled,
                })
            }
            Piece::Entity(a, b, text) => runs.push(Run {
                text,
                span: Span::new(a, b),
                glue: true,
            }),
            Piece::Markup(a, b, breaks, hint) => {
                dropped.push(Dropped {
                    kind: DropKind::Markup,
                    text: src[a..b].to_string(),
                    span: Span::new(a, b),
                });
                if breaks {
                    boundary(std::mem::take(&mut runs), Boundary::Tag(&src[a..b], hint));
                }
            }
            Piece::Bullet => boundary(std::mem::take(&mut runs), Boundary::Bullet),
        }
        after_tag = tag;
    }
    boundary(runs, Boundary::End);
}

/// Do the runs so far hold a clause number and nothing else («2.4»,
/// «3.», «12.1.3»)?
fn number_label_only(runs: &[Run]) -> bool {
    let t: String = runs.iter().map(|r| r.text.as_str()).collect();
    let t = t.trim();
    let mut parts = t.trim_end_matches('.').split('.');
    !t.is_empty()
        && t.len() <= 12
        && parts.all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A block of the runs, unless they hold no text.
fn block_of(mut runs: Vec<Run>, hint: BlockHint, line: usize) -> Option<Block> {
    if !runs.iter().any(|r| !r.text.trim().is_empty()) {
        return None;
    }
    if let Some(first) = runs.first_mut() {
        first.glue = false;
    }
    Some(Block::new(runs, hint, line))
}

/// Parse `src[start..end]` (one line or one table cell) into blocks, pushing
/// markup to `dropped`. `line` is the 1-based source line.
pub fn parse(
    src: &str,
    start: usize,
    end: usize,
    line: usize,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut hint = BlockHint::Text;
    let mut starts_paragraph = false;
    let seg = &src[start..end];
    // A Markdown list marker at the start of the line.
    let lead = seg.len() - seg.trim_start().len();
    let rest = &seg[lead..];
    let mut chars = rest.chars();
    let (marker, gap) = (chars.next(), chars.next());
    if matches!(marker, Some('-' | '*' | '–'))
        && matches!(gap, Some(' ' | '\t'))
        && rest.trim().len() > 2
    {
        hint = BlockHint::Bullet;
        starts_paragraph = true;
    }
    walk(
        src,
        pieces(src, start, end, true, false),
        dropped,
        |runs, boundary| {
            if let Some(mut b) = block_of(runs, hint, line) {
                b.starts_paragraph = starts_paragraph;
                blocks.push(b);
            }
            match boundary {
                Boundary::Tag(_, h) => hint = h.unwrap_or(BlockHint::Text),
                Boundary::Bullet => hint = BlockHint::Bullet,
                Boundary::End => {}
            }
            starts_paragraph = true;
        },
    );
    blocks
}

/// Does the text look like an HTML document (rather than lines that carry
/// HTML fragments)? Newlines mean nothing in such a document: a `<p>` may
/// span many source lines.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<body") || head.contains("<!doctype html") {
        return true;
    }
    if text.contains('\t') {
        return false;
    }
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<(p|div|li|td|th|h[1-6])(?-u:\b)[^<>]*>").expect("open tag regex")
    });
    static CONTAINER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<(table|tbody|tr|ul|ol|dl)(?-u:\b)[^<>]*>").expect("container tag regex")
    });
    let opens = OPEN.find_iter(text).count();
    // Some element must be open across a line end: a paragraph, or a
    // table or list whose rows sit one per line.
    let spans_lines = text.lines().any(|l| {
        let lower = l.to_ascii_lowercase();
        (OPEN.is_match(&lower) || CONTAINER.is_match(&lower)) && !lower.contains("</")
    });
    opens >= 3 && spans_lines
}

/// Does an `<ol>` tag number its items with decimals (no `type`, or
/// `type="1"`)?
fn decimal(tag: &str) -> bool {
    static TYPE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i)\btype\s*=\s*["']?([^"'\s>]+)"#).expect("type regex"));
    TYPE.captures(tag).is_none_or(|c| &c[1] == "1")
}

/// The first number of an `<ol>` tag: its `start` attribute, else 1.
fn list_start(tag: &str) -> u32 {
    static START: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i)\bstart\s*=\s*["']?(\d{1,4})"#).expect("start regex"));
    START
        .captures(tag)
        .and_then(|c| c[1].parse().ok())
        .unwrap_or(1)
}

/// The language an opening tag declares in its `lang` (or `xml:lang`)
/// attribute, if it is one of ours: `kk`, `kz`, `kaz`, `kk-KZ` are
/// Kazakh, `ru`, `rus`, `ru-RU` Russian; any other (`en`) declares none.
fn declared_lang(tag: &str) -> Option<Lang> {
    static LANG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?:^|[\s:])lang\s*=\s*["']?([a-z]{2,3})(?:[-_][a-z0-9]+)*["'\s/>]"#)
            .expect("lang regex")
    });
    let code = LANG.captures(tag)?[1].to_ascii_lowercase();
    match code.as_str() {
        "kk" | "kz" | "kaz" => Some(Lang::Kk),
        "ru" | "rus" => Some(Lang::Ru),
        _ => None,
    }
}

/// Elements whose `lang` attribute decides the language of the blocks
/// inside them. Not `<html>` or `<body>`: a bilingual page's root names the
/// site's language, not that of each version.
fn carries_lang(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "blockquote"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "dl"
            | "dt"
            | "dd"
            | "address"
            | "figure"
            | "figcaption"
            | "caption"
            | "details"
            | "summary"
    ) || (name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit())
}

/// The open elements that may carry a `lang` attribute, innermost last.
#[derive(Default)]
struct LangScopes(Vec<(String, Option<Lang>)>);

impl LangScopes {
    /// Follow one tag (lower case).
    fn tag(&mut self, tag: &str) {
        let name = tag_name(tag);
        if !carries_lang(&name) {
            return;
        }
        if tag.starts_with("</") {
            if let Some(i) = self.0.iter().rposition(|(n, _)| *n == name) {
                self.0.truncate(i);
            }
            return;
        }
        // A `<p>` or `<li>` ends an unclosed one before it.
        if matches!(name.as_str(), "p" | "li") && self.0.last().is_some_and(|(n, _)| *n == name) {
            self.0.pop();
        }
        if !tag.ends_with("/>") {
            self.0.push((name, declared_lang(tag)));
        }
    }

    /// The language of the innermost element that declares one, and
    /// whether that element is a paragraph-level one (`<p>`, `<li>`, a
    /// cell, a heading) rather than a container (`<div>`, `<section>` …).
    fn current(&self) -> Option<(Lang, bool)> {
        self.0.iter().rev().find_map(|(n, l)| {
            let leaf = matches!(n.as_str(), "p" | "li" | "td" | "th" | "dt" | "dd")
                || (n.len() == 2 && n.starts_with('h'));
            l.map(|l| (l, leaf))
        })
    }
}

/// Inline elements (they break no block) whose `lang` attribute is the
/// author's word on the language of the text inside them.
fn inline_carries_lang(name: &str) -> bool {
    matches!(
        name,
        "span" | "font" | "b" | "strong" | "i" | "em" | "u" | "a" | "sup" | "sub" | "small" | "bdi"
    )
}

/// The byte ranges of `src` inside inline elements that declare a language
/// of ours (`<span lang="kk">…</span>`), in source order; a nested one
/// comes before the element round it.
fn inline_lang_ranges(src: &str) -> Vec<(usize, usize, Lang)> {
    let mut open: Vec<(String, usize, Option<Lang>)> = Vec::new();
    let mut ranges = Vec::new();
    for m in DOC_TAG.find_iter(src) {
        let tag = m.as_str().to_ascii_lowercase();
        let name = tag_name(&tag);
        if !inline_carries_lang(&name) {
            // A block-level tag closes every inline element left open.
            if breaks_block(&name) {
                open.clear();
            }
            continue;
        }
        if tag.starts_with("</") {
            if let Some(i) = open.iter().rposition(|(n, _, _)| *n == name) {
                if let (_, start, Some(lang)) = &open[i] {
                    ranges.push((*start, m.start(), *lang));
                }
                open.truncate(i);
            }
        } else if !tag.ends_with("/>") {
            open.push((name, m.end(), declared_lang(&tag)));
        }
    }
    ranges
}

/// Cut a block that holds both languages, each in an inline element that
/// declares it («<th><span lang="kk">1. Жалпы ережелер</span> / <span
/// lang="ru">1. Общие положения</span></th>»), into one block per
/// language, each declaring its language. A run outside those elements
/// goes with the part before it (the first part, at the start); a run
/// with no letter or digit between two parts (the « / » that sets the
/// versions apart) is returned as markup to drop. `None` when the block's
/// inline elements declare fewer than two languages.
fn split_by_inline_lang(
    b: &Block,
    ranges: &[(usize, usize, Lang)],
) -> Option<(Vec<Block>, Vec<Dropped>)> {
    let lang_of = |run: &Run| {
        ranges
            .iter()
            .filter(|(s, e, _)| *s <= run.span.start && run.span.end <= *e)
            .min_by_key(|(s, e, _)| e - s)
            .map(|r| r.2)
    };
    let langs: Vec<Option<Lang>> = b.runs.iter().map(lang_of).collect();
    if !(langs.contains(&Some(Lang::Kk)) && langs.contains(&Some(Lang::Ru))) {
        return None;
    }
    let mut parts: Vec<(Lang, Vec<Run>)> = Vec::new();
    let mut pending: Vec<Run> = Vec::new();
    let mut separators = Vec::new();
    for (run, lang) in b.runs.iter().zip(&langs) {
        match (lang, parts.last_mut()) {
            (Some(l), Some((current, runs))) if l == current => {
                runs.append(&mut pending);
                runs.push(run.clone());
            }
            (Some(l), last) => {
                let mut runs = std::mem::take(&mut pending);
                // Text between two versions that says nothing (« / »,
                // « | ») sets them apart; text with words belongs to the
                // version before it.
                if let Some((_, before)) = last {
                    let (words, marks): (Vec<Run>, Vec<Run>) = runs
                        .into_iter()
                        .partition(|r| r.text.chars().any(char::is_alphanumeric));
                    before.extend(words);
                    separators.extend(marks.into_iter().filter(|r| !r.text.trim().is_empty()).map(
                        |r| Dropped {
                            kind: DropKind::Markup,
                            text: r.text,
                            span: r.span,
                        },
                    ));
                    runs = Vec::new();
                }
                runs.push(run.clone());
                parts.push((*l, runs));
            }
            (None, _) => pending.push(run.clone()),
        }
    }
    if let Some((_, runs)) = parts.last_mut() {
        runs.append(&mut pending);
    }
    let blocks = parts
        .into_iter()
        .map(|(lang, mut runs)| {
            if let Some(first) = runs.first_mut() {
                first.glue = false;
            }
            let mut part = b.clone();
            part.runs = runs;
            part.declared_lang = Some(lang);
            part
        })
        .collect();
    Some((blocks, separators))
}

/// Parse a whole HTML document into blocks. Each table cell (`<td>`,
/// `<th>`) is a group, so its language is decided as a whole; a cell that
/// holds both languages in inline elements declaring them is cut into one
/// block (and group) per language ([`split_by_inline_lang`]).
pub fn parse_document(src: &str, group: &mut u32, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let inline_langs = inline_lang_ranges(src);
    let mut separators: Vec<Dropped> = Vec::new();
    let first_dropped = dropped.len();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset).max(1);
    let mut blocks = Vec::new();
    let mut hint = BlockHint::Text;
    let mut cell: Option<u32> = None;
    // Open lists: the last number given in an `<ol>`, `None` for a `<ul>`.
    let mut lists: Vec<Option<u32>> = Vec::new();
    // The number of the `<li>` just opened, for its first block.
    let mut ordinal: Option<(u32, u8)> = None;
    // A table row: cells opened so far, the number its first cell holds
    // alone, and whether the current cell has had its first block.
    let mut row_cells = 0usize;
    let mut row_number: Option<String> = None;
    let mut number_cell: Option<Block> = None;
    let mut cell_started = false;
    // A description list: the bare number a `<dt>` holds («<dt>2.3</dt>»)
    // numbers each `<dd>` after it (a version per language), as a table's
    // number cell numbers its row.
    let mut in_dt = false;
    let mut dl_number: Option<String> = None;
    let mut dd_started = true;
    // The rows of the document's tables, counted from 1: a table's columns
    // keep their language (`lang::tag`).
    let mut row = 0u32;
    let mut scopes = LangScopes::default();
    walk(
        src,
        pieces(src, 0, src.len(), false, true),
        dropped,
        |runs, boundary| {
            let line = runs
                .iter()
                .find(|r| !r.text.trim().is_empty())
                .map_or(1, |r| line_of(r.span.start));
            if let Some(mut b) = block_of(runs, hint, line) {
                let mut held = false;
                b.starts_paragraph = true;
                b.group = cell;
                b.row = cell.map(|_| row);
                b.ordinal = ordinal.take();
                // A paragraph's own `lang` is the author's word; a
                // container's (a wrapper round both versions of a page, as
                // sites write) yields to a text that reads as the other
                // language.
                b.declared_lang = scopes.current().and_then(|(l, leaf)| {
                    let s = crate::lang::score(&b.text());
                    let against = if l == Lang::Kk { s <= -1.5 } else { s >= 1.5 };
                    (leaf || !against).then_some(l)
                });
                // A number alone: a clause marker («3.1», «2.») or a plain
                // integer of up to three digits («9»), as number cells hold.
                let bare = |text: &str| {
                    let t = text.trim();
                    let integer =
                        (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit());
                    (integer || crate::tokens::leading_marker(t).is_some_and(|a| a.is_none()))
                        && !t.chars().any(crate::tokens::is_letter)
                };
                if in_dt {
                    dl_number = bare(&b.text()).then(|| b.text().trim().to_string());
                } else if !dd_started {
                    dd_started = true;
                    b.row_number = dl_number.clone();
                }
                if cell.is_some() && !cell_started {
                    cell_started = true;
                    let text = b.text();
                    if row_cells == 1 && bare(&text) {
                        row_number = Some(text.trim().to_string());
                        // The number cell's characters open the row's
                        // first text, as a reader sees «3.1 Text»; held
                        // until that cell starts.
                        number_cell = Some(b.clone());
                        held = true;
                    } else if row_cells > 1 {
                        b.row_number = row_number.clone();
                        if let Some(number) = number_cell.take() {
                            if let Some(first) = b.runs.first_mut() {
                                first.glue = false;
                            }
                            let mut runs = number.runs;
                            runs.append(&mut b.runs);
                            b.runs = runs;
                            b.line = b.line.min(number.line);
                        }
                    }
                }
                if !held {
                    match split_by_inline_lang(&b, &inline_langs) {
                        Some((parts, marks)) => {
                            separators.extend(marks);
                            for (k, mut part) in parts.into_iter().enumerate() {
                                // Each version is a group of its own, decided
                                // by its own declaration.
                                if k > 0 && part.group.is_some() {
                                    *group += 1;
                                    part.group = Some(*group);
                                }
                                blocks.push(part);
                            }
                        }
                        None => blocks.push(b),
                    }
                }
            }
            match boundary {
                Boundary::Tag(tag, h) => {
                    hint = h.unwrap_or(BlockHint::Text);
                    let tag = tag.to_ascii_lowercase();
                    scopes.tag(&tag);
                    let close = tag.starts_with("</");
                    match tag_name(&tag).as_str() {
                        "dt" => {
                            in_dt = !close;
                            if !close {
                                dl_number = None;
                            }
                        }
                        "dd" if !close => dd_started = false,
                        "dd" => dd_started = true,
                        "dl" => dl_number = None,
                        "td" | "th" if !close => {
                            *group += 1;
                            cell = Some(*group);
                            row_cells += 1;
                            cell_started = false;
                        }
                        "tr" | "table" => {
                            // A number cell with no text after it in its
                            // row stays a block of its own.
                            blocks.extend(number_cell.take());
                            if tag_name(&tag) == "tr" && !close {
                                row += 1;
                                cell = None;
                                row_cells = 0;
                                row_number = None;
                            } else {
                                cell = None;
                            }
                        }
                        "td" | "th" => cell = None,
                        // Only decimal lists: an `<ol type="a">` prints letters,
                        // read as items of the clause above.
                        "ol" if !close && decimal(&tag) => {
                            lists.push(Some(list_start(&tag).saturating_sub(1)))
                        }
                        "ol" if !close => lists.push(None),
                        "ul" if !close => lists.push(None),
                        "ol" | "ul" => {
                            lists.pop();
                        }
                        "li" if !close => {
                            let depth = u8::try_from(lists.len()).unwrap_or(u8::MAX);
                            ordinal = match lists.last_mut() {
                                Some(Some(n)) => {
                                    *n += 1;
                                    Some((*n, depth))
                                }
                                _ => None,
                            };
                        }
                        _ => {}
                    }
                }
                Boundary::Bullet => hint = BlockHint::Bullet,
                Boundary::End => {}
            }
        },
    );
    blocks.extend(number_cell);
    // The separators go among the markup in source order.
    dropped.extend(separators);
    dropped[first_dropped..].sort_by_key(|d| d.span.start);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::join_runs;

    #[test]
    fn a_wrapper_s_lang_yields_to_a_text_in_the_other_language() {
        let src = "<div lang=\"kk\"><p>Клиент деректерді жинауға келісім береді.</p><p>Клиент имеет право отозвать согласие.</p><p lang=\"kk\">Директор ________ Р. Т. Оспанов</p></div>";
        let mut dropped = Vec::new();
        let mut group = 0;
        let blocks = parse_document(src, &mut group, &mut dropped);
        let declared: Vec<Option<Lang>> = blocks.iter().map(|b| b.declared_lang).collect();
        assert_eq!(declared, [Some(Lang::Kk), None, Some(Lang::Kk)]);
    }

    #[test]
    fn a_row_s_number_cell_opens_its_first_text_cell() {
        // An e-mail's rows: «<td>9</td><td><b>Question?</b></td>», then
        // «<td>9.1</td><td>Answer.</td>»; a row holding only a number
        // keeps it as a block of its own.
        let src = "<table><tr><td>9</td><td><b>Деректер жарияланады ма?</b></td></tr>\n<tr><td>9.1</td><td>Тек келісіміңізбен.</td><td>Только с согласия.</td></tr><tr><td>10</td></tr></table>";
        let mut dropped = Vec::new();
        let mut group = 0;
        let blocks = parse_document(src, &mut group, &mut dropped);
        let texts: Vec<String> = blocks.iter().map(|b| join_runs(&b.runs)).collect();
        assert_eq!(
            texts,
            [
                "9 Деректер жарияланады ма?",
                "9.1 Тек келісіміңізбен.",
                "Только с согласия.",
                "10"
            ]
        );
        let numbers: Vec<Option<&str>> = blocks.iter().map(|b| b.row_number.as_deref()).collect();
        assert_eq!(numbers, [Some("9"), Some("9.1"), Some("9.1"), None]);
    }

    #[test]
    fn html_documents_ignore_line_ends_and_group_cells() {
        let src = "<!DOCTYPE html>\n<html><head><title>Саясат</title><style>p { x }</style></head><body>\n<table><tr>\n<td><p>1.1. МФО собирает\nданные пользователей.</p></td>\n<td><p>1.1. МҚҰ деректерді\nжинайды.</p></td>\n</tr></table><!-- note --></body></html>\n";
        assert!(looks_like_html(src));
        let mut dropped = Vec::new();
        let mut group = 0;
        let blocks = parse_document(src, &mut group, &mut dropped);
        let texts: Vec<String> = blocks.iter().map(|b| join_runs(&b.runs)).collect();
        assert_eq!(
            texts,
            vec![
                "1.1. МФО собирает данные пользователей.",
                "1.1. МҚҰ деректерді жинайды."
            ]
        );
        assert_eq!(blocks[0].line, 4);
        assert_ne!(blocks[0].group, blocks[1].group);
        // Both cells are in the table's first row (their columns keep
        // their language).
        assert_eq!((blocks[0].row, blocks[1].row), (Some(1), Some(1)));
        assert!(dropped.iter().any(|d| d.text.starts_with("<style>")));
        assert!(dropped.iter().any(|d| d.text == "<title>Саясат</title>"));
        assert!(!looks_like_html("<p>1. Цели</p>\t<p>1. Мақсаты</p>\n"));
    }

    #[test]
    fn a_table_of_one_line_rows_is_a_table() {
        // Each row on one line: no paragraph is open across a line end,
        // but the table is, and its cells are read as rows and columns.
        let src = "<table>\n<tr><td>11. Субъект:</td><td>11. Субъект вправе:</td></tr>\n<tr><td>11.1. білуге;</td><td>11.1. знать;</td></tr>\n</table>\n";
        assert!(looks_like_html(src));
        let mut dropped = Vec::new();
        let mut group = 0;
        let blocks = parse_document(src, &mut group, &mut dropped);
        let rows: Vec<Option<u32>> = blocks.iter().map(|b| b.row).collect();
        assert_eq!(rows, [Some(1), Some(1), Some(2), Some(2)]);
    }

    fn texts(src: &str) -> (Vec<(String, BlockHint)>, Vec<String>) {
        let mut dropped = Vec::new();
        let blocks = parse(src, 0, src.len(), 1, &mut dropped);
        (
            blocks
                .iter()
                .map(|b| (join_runs(&b.runs), b.hint))
                .collect(),
            dropped.into_iter().map(|d| d.text).collect(),
        )
    }

    #[test]
    fn a_number_in_an_element_of_its_own_is_set_apart_from_its_text() {
        let (blocks, _) = texts(r#"<p><span class="num">2.4</span>Сайт использует cookie.</p>"#);
        assert_eq!(blocks[0].0, "2.4 Сайт использует cookie.");
        // Emphasis inside a word, or a figure before a unit, stays glued.
        let (blocks, _) = texts("<p>сум<b>ма</b> 5<i>%</i></p>");
        assert_eq!(blocks[0].0, "сумма 5%");
    }

    #[test]
    fn a_middle_dot_inside_a_line_separates_and_opens_no_item() {
        let (blocks, dropped) = texts(
            "<p>041000, с. Карабулак, ул. Абая, 45 · Тел.: +7 (72836) 2-14-50</p>\n<p>· первый пункт</p>",
        );
        assert_eq!(
            blocks,
            vec![
                (
                    "041000, с. Карабулак, ул. Абая, 45".to_string(),
                    BlockHint::Text
                ),
                ("Тел.: +7 (72836) 2-14-50".to_string(), BlockHint::Text),
                ("· первый пункт".to_string(), BlockHint::Bullet),
            ]
        );
        // The separator is kept as markup: nothing is lost.
        assert!(dropped.iter().any(|d| d == "·"));
    }

    #[test]
    fn paragraphs_and_bullets_in_one_cell() {
        let (blocks, dropped) = texts(
            r#"<p>Политика:</p> <ul style="list-style-type: none"> • действует в отношении данных; • разъясняет порядок.</ul>"#,
        );
        assert_eq!(
            blocks,
            vec![
                ("Политика:".to_string(), BlockHint::Text),
                (
                    "• действует в отношении данных;".to_string(),
                    BlockHint::Bullet
                ),
                ("• разъясняет порядок.".to_string(), BlockHint::Bullet),
            ]
        );
        assert_eq!(dropped.len(), 4);
    }

    #[test]
    fn entities_and_emphasis() {
        let (blocks, dropped) = texts("1) **Право доступа** &ndash; &laquo;МФО&raquo; подтвердит");
        assert_eq!(blocks[0].0, "1) Право доступа – «МФО» подтвердит");
        assert_eq!(dropped, vec!["**", "**"]);
    }

    #[test]
    fn autolink_keeps_the_url_as_text() {
        let (blocks, dropped) = texts("ЦОИД (<https://auth.stage.npc.kz/a.pdf>)");
        assert_eq!(blocks[0].0, "ЦОИД (https://auth.stage.npc.kz/a.pdf)");
        assert_eq!(dropped, vec!["<", ">"]);
    }

    #[test]
    fn whole_line_emphasis_is_markup() {
        let (blocks, dropped) = texts("_Редакция от 15.03.2024_");
        assert_eq!(blocks[0].0, "Редакция от 15.03.2024");
        assert_eq!(dropped, vec!["_", "_"]);
    }

    #[test]
    fn markdown_heading_and_list_marker() {
        let (blocks, _) = texts("## 1. Жалпы ережелер");
        assert_eq!(
            blocks[0],
            ("1. Жалпы ережелер".to_string(), BlockHint::Heading)
        );
        let (blocks, _) = texts("- 1) назначение должностных лиц;");
        assert_eq!(blocks[0].1, BlockHint::Bullet);
    }

    #[test]
    fn an_accordion_question_is_a_heading_over_its_answer() {
        let (blocks, _) = texts(
            "<details><summary>Как долго вы храните мои данные?</summary>\
             <p>Пять лет после погашения займа.</p></details>",
        );
        assert_eq!(
            blocks,
            vec![
                (
                    "Как долго вы храните мои данные?".to_string(),
                    BlockHint::Heading
                ),
                (
                    "Пять лет после погашения займа.".to_string(),
                    BlockHint::Text
                ),
            ]
        );
    }

    #[test]
    fn every_non_space_byte_is_in_a_run_or_dropped() {
        let src = "<p>a &amp; b</p> <ul> • c <b>d</b></ul> **e** <https://x.kz>";
        let mut dropped = Vec::new();
        let blocks = parse(src, 0, src.len(), 1, &mut dropped);
        let mut covered = vec![false; src.len()];
        for span in blocks
            .iter()
            .flat_map(|b| b.runs.iter().map(|r| r.span))
            .chain(dropped.iter().map(|d| d.span))
        {
            for c in &mut covered[span.start..span.end] {
                assert!(!*c, "overlap");
                *c = true;
            }
        }
        for (i, ch) in src.char_indices() {
            assert!(ch.is_whitespace() || covered[i], "byte {i} ({ch}) lost");
        }
    }

    #[test]
    fn a_cell_with_a_span_per_language_is_one_block_per_language() {
        /// The blocks: text and declared language.
        type Want = &'static [(&'static str, Option<Lang>)];
        // (source, the blocks, dropped separators)
        let cases: [(&str, Want, &[&str]); 4] = [
            (
                r#"<table><tr><th colspan="3"><span lang="kk">1. Жалпы ережелер</span> / <span lang="ru">1. Общие положения</span></th></tr></table>"#,
                &[
                    ("1. Жалпы ережелер", Some(Lang::Kk)),
                    ("1. Общие положения", Some(Lang::Ru)),
                ],
                &[" / "],
            ),
            // Markup inside a version, text with words outside both, and
            // ru first: each run goes with its version (words after a
            // version stay with it).
            (
                r#"<h2><span lang="ru">3. <b>Изменения</b></span> | <span lang="kk">3. Өзгерістер</span> (жаңа)</h2>"#,
                &[
                    ("3. Изменения", Some(Lang::Ru)),
                    ("3. Өзгерістер (жаңа)", Some(Lang::Kk)),
                ],
                &[" | "],
            ),
            // One declared language only: the block stays whole.
            (
                r#"<p><span lang="kk">Саясат</span> / Политика</p>"#,
                &[("Саясат / Политика", None)],
                &[],
            ),
            // A `lang` of no language of ours splits nothing.
            (
                r#"<p><span lang="en">Policy</span> / <span lang="ru">Политика</span></p>"#,
                &[("Policy / Политика", None)],
                &[],
            ),
        ];
        for (src, want, separators) in cases {
            let mut dropped = Vec::new();
            let mut group = 0;
            let blocks = parse_document(src, &mut group, &mut dropped);
            let got: Vec<(String, Option<Lang>)> =
                blocks.iter().map(|b| (b.text(), b.declared_lang)).collect();
            let want: Vec<(String, Option<Lang>)> =
                want.iter().map(|(t, l)| (t.to_string(), *l)).collect();
            assert_eq!(got, want, "{src}");
            let marks: Vec<&str> = dropped
                .iter()
                .map(|d| d.text.as_str())
                .filter(|t| !t.contains('<'))
                .collect();
            assert_eq!(marks, separators, "{src}");
            if blocks.len() == 2 && blocks[0].group.is_some() {
                assert_ne!(blocks[0].group, blocks[1].group, "{src}");
            }
            // Nothing is lost: every separator is in `dropped`, every
            // other byte of text in a run.
            for b in &blocks {
                for r in &b.runs {
                    assert_eq!(&src[r.span.start..r.span.end], r.text, "{src}");
                }
            }
        }
    }

    #[test]
    fn lang_attributes_declare_the_language_of_their_blocks() {
        let src = r#"<html lang="ru"><body>
<p lang="kk">БСН 190540012345</p>
<p lang="ru-RU">Директор Р. Т. Оспанов</p>
<p>Без языка</p>
<div xml:lang="kz"><section><p>Бірінші<p lang='en'>Екінші</section></div>
<div lang="kk-KZ"><ul><li>а) бір<li>ә) екі</ul></div>
<p lang=rus>Конец</p>
</body></html>"#;
        let mut dropped = Vec::new();
        let mut group = 0;
        let blocks = parse_document(src, &mut group, &mut dropped);
        let got: Vec<(String, Option<Lang>)> =
            blocks.iter().map(|b| (b.text(), b.declared_lang)).collect();
        let want = [
            ("БСН 190540012345", Some(Lang::Kk)),
            ("Директор Р. Т. Оспанов", Some(Lang::Ru)),
            // The root's `lang` names the site's language, not the block's.
            ("Без языка", None),
            ("Бірінші", Some(Lang::Kk)),
            // `en` is no language of ours: the enclosing `kz` holds.
            ("Екінші", Some(Lang::Kk)),
            ("а) бір", Some(Lang::Kk)),
            ("ә) екі", Some(Lang::Kk)),
            ("Конец", Some(Lang::Ru)),
        ];
        let want: Vec<(String, Option<Lang>)> =
            want.iter().map(|(t, l)| (t.to_string(), *l)).collect();
        assert_eq!(got, want);
    }
}
