//! Layout: from positioned glyphs to words, lines, columns and paragraphs, the
//! way a person reads a page.
//!
//! 1. Rows: glyphs whose baselines lie within 0.4 em of each other.
//! 2. Words: within a row, left to right, a new word starts after a space
//!    glyph or where the gap to the previous glyph exceeds 0.12 em (words
//!    placed one by one with no space glyph sit 0.16 em apart; kerning
//!    stays far below). Words are
//!    joined by exactly one space: spaces are never doubled, and a glyph drawn
//!    twice at the same place (fake bold) is kept once.
//! 3. Columns: a gutter is a vertical strip at least 4 pt wide that (almost)
//!    no word covers, with text on both sides; table layouts give gutters as
//!    narrow as 5 pt. A row with a word across a gutter is a full-width line
//!    (a heading, a footer); other rows split into one line per column. A
//!    strip with only list labels left of it («1.1.», a bullet, each with
//!    its text at a tab stop on the same row) is a hanging indent, no
//!    gutter: the label stays on its text's line. A line whose end reaches
//!    into the gutter's strip (the long first line of a table row, where
//!    the column's other lines end well short) is still a column's line
//!    when the hole left between it and the next column stands out of its
//!    word gaps.
//! 4. Repeated headers and footers: lines near the top or bottom edge whose
//!    text (digits masked) recurs across pages, and bare page numbers; a
//!    line that is only a list label («5.3.») is never one.
//! 5. Reading order: the page is cut into bands at full-width lines; within a
//!    band, the left column top to bottom, then the next column.
//! 6. Paragraphs: a column's lines join while the gap between baselines is the
//!    column's line pitch (the smallest that recurs) and no indent, bullet or
//!    clause number starts the next line. A table too short for a gutter,
//!    its cells side by side in one line, gives a paragraph per row, read
//!    cell by cell.
//! 7. Ruled tables of labels and values (a tariff): the band between two
//!    ruled lines that cross a cell boundary is a row, read as one
//!    paragraph, its cells left to right ([`ruled_rows`]); so too a ruled
//!    table whose cells are of one language («№ | right | how to use
//!    it»), its lines cut at the borders; tables of parallel texts
//!    (kk | ru) stay with step 5. A table with no rules at
//!    all is read so too, its rows found from its numbered label cells
//!    ([`unruled_row_borders`]).
//!
//! Invariants: every glyph that is not whitespace ends up in exactly one word
//! of one line (duplicates of fake bold aside); all loops are bounded by the
//! input; nothing here panics on any geometry (NaN-free input assumed: the
//! interpreter drops non-finite positions).

use std::collections::{BTreeMap, BTreeSet};

use super::content::{Glyph, Rule};
use crate::model::{BlockHint, DropKind};

/// Column index of full-width lines.
pub const FULL_WIDTH: usize = 15;
/// At most this many gutters (so five columns) per page.
const MAX_GUTTERS: usize = 4;
/// A new word starts where the gap exceeds this fraction of the font size.
const WORD_GAP: f32 = 0.12;
/// The narrowest gutter, in points.
const MIN_GUTTER: f32 = 4.0;
/// A gutter at least this wide (pt) at its lowest coverage is a gutter
/// as it is.
const WIDE_GUTTER: f32 = 24.0;
/// How far (pt) a ruled line must reach past the text on either side to
/// be a cell border rather than an underline.
const RULE_MARGIN: f32 = 1.5;

/// A word: glyphs without a space or a gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// A physical line of one column (or a full-width line).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its words joined by single spaces.
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Baseline, top-down.
    pub y: f32,
    pub size: f32,
    /// Where the text after a leading list label («3.1.», «•») starts: the
    /// tab stop of a hanging indent. `x0` when the line has no label.
    pub body_x: f32,
    /// Column index from the left, or [`FULL_WIDTH`].
    pub col: usize,
    /// The gaps of at least [`CELL_GAP`] em between its words, left to
    /// right (a list label's gap to its text aside): where table cells set
    /// side by side in one column may part.
    pub breaks: Vec<Break>,
    /// Every gap between its words, left to right: where a ruled table's
    /// vertical border may cut it into cells ([`ruled_rows`]).
    pub gaps: Vec<Break>,
}

/// A wide gap inside a [`Line`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Break {
    /// The right end of the word before the gap, in points.
    pub before: f32,
    /// The left edge of the word after it, in points.
    pub x: f32,
    /// The byte offset in [`Line::text`] where the word after it starts.
    pub at: usize,
}

/// The narrowest gap (in em) between the cells of a table row that share a
/// line: two cells' paddings. Wider gaps than justified text sets.
const CELL_GAP: f32 = 0.9;
/// At most this many x positions are tried as a table's cell starts.
const MAX_CELL_CANDIDATES: usize = 64;
/// A gap this wide (in em) shows a table's column by itself; narrower
/// [`CELL_GAP`]s count where such a column starts.
const STRONG_CELL_GAP: f32 = 1.8;

impl Line {
    pub fn top(&self) -> f32 {
        self.y - self.size * 0.8
    }
    fn bottom(&self) -> f32 {
        self.y + self.size * 0.25
    }
}

/// A vertical strip free of text: `(left, right)` in points.
pub type Gutter = (f32, f32);

/// Group glyphs into rows (by baseline) of words (by gaps), top to bottom.
pub fn rows(glyphs: &[Glyph]) -> Vec<Vec<Word>> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
    let mut rows = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let first = &glyphs[order[i]];
        let mut j = i + 1;
        while j < order.len() {
            let g = &glyphs[order[j]];
            if g.y - first.y > 0.4 * first.size.max(g.size) {
                break;
            }
            j += 1;
        }
        let mut row: Vec<&Glyph> = order[i..j].iter().map(|&k| &glyphs[k]).collect();
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let words = words(&row);
        if !words.is_empty() {
            rows.push(words);
        }
        i = j;
    }
    rows
}

/// Split one row's glyphs (sorted by x) into words.
fn words(row: &[&Glyph]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut last: Option<&Glyph> = None;
    let mut after_space = false;
    for g in row {
        if g.is_space() {
            after_space = true;
            continue;
        }
        if let Some(prev) = last {
            // Fake bold: the same glyph drawn again a hair to the side.
            if prev.text == g.text && (g.x0 - prev.x0).abs() < 0.2 * g.size && !after_space {
                continue;
            }
            let gap = g.x0 - prev.x1;
            if after_space || gap > WORD_GAP * prev.size.min(g.size) {
                out.extend(cur.take());
            }
        }
        after_space = false;
        match cur.as_mut() {
            Some(w) => {
                w.x1 = w.x1.max(g.x1);
                w.text.push_str(&g.text);
                w.size = w.size.max(g.size);
            }
            None => {
                cur = Some(Word {
                    x0: g.x0,
                    x1: g.x1.max(g.x0),
                    y: g.y,
                    size: g.size,
                    text: g.text.clone(),
                })
            }
        }
        last = Some(g);
    }
    out.extend(cur);
    // A ToUnicode entry may map to text with spaces inside: split it so that
    // a line never holds a double space.
    out.into_iter()
        .filter_map(|mut w| {
            let norm = w.text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!norm.is_empty()).then(|| {
                w.text = norm;
                w
            })
        })
        .collect()
}

/// Find the column gutters of a page from its rows.
///
/// A page that opens with a title block set across the whole width (a
/// title, an approval line, then the columns of a kk | ru table below
/// them) is measured again without that block when the whole page shows
/// no gutter: the block's rows cross any gutter and, on a first page,
/// may be more than the rows a gutter tolerates.
pub fn find_gutters(rows: &[Vec<Word>], width: f32) -> Vec<Gutter> {
    let found = gutters_of(rows, width);
    if !found.is_empty() {
        return found;
    }
    match rows.iter().position(|r| split_row(r)) {
        Some(k) if k > 0 => gutters_of(&rows[k..], width),
        _ => found,
    }
}

/// Whether a row has one hole that stands out of its word gaps: at least
/// an em, and at least three times any other gap (two cells or two
/// columns side by side; a title's gaps are all alike).
fn split_row(row: &[Word]) -> bool {
    let mut sorted: Vec<&Word> = row.iter().collect();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut gaps: Vec<f32> = sorted.windows(2).map(|p| p[1].x0 - p[0].x1).collect();
    gaps.sort_by(|a, b| b.total_cmp(a));
    let size = row.iter().map(|w| w.size).fold(0.0, f32::max);
    match gaps.as_slice() {
        [widest, next, ..] => size > 0.0 && *widest >= size && *widest >= 3.0 * next.max(0.0),
        _ => false,
    }
}

fn gutters_of(rows: &[Vec<Word>], width: f32) -> Vec<Gutter> {
    // A page number centred in the footer («– 3 –») sits in the gutter of
    // a two-column page: it says nothing of the columns.
    let kept: Vec<Vec<Word>>;
    let rows = if rows.iter().any(|r| is_page_number(&row_text(r))) {
        kept = rows
            .iter()
            .filter(|r| !is_page_number(&row_text(r)))
            .cloned()
            .collect();
        kept.as_slice()
    } else {
        rows
    };
    const BIN: f32 = 0.5;
    let n_rows = rows.len();
    if n_rows < 6 || width.is_nan() || width <= 0.0 {
        return Vec::new();
    }
    let bins = ((width / BIN).ceil() as usize).clamp(1, 40_000);
    let to_bin = |x: f32| ((x / BIN).floor().max(0.0) as usize).min(bins);
    let mut diff = vec![0i32; bins + 1];
    let (mut lo, mut hi) = (bins, 0);
    // A justified line covers the stretched gaps between its words: they
    // are word gaps, however wide, not the holes of a gutter.
    let spans = rows.iter().flat_map(|r| match justified_span(r) {
        Some(span) => vec![span],
        None => r.iter().map(|w| (w.x0, w.x1)).collect(),
    });
    for (x0, x1) in spans {
        let (a, b) = (to_bin(x0), to_bin(x1).max(to_bin(x0) + 1).min(bins));
        if a >= b {
            continue;
        }
        diff[a] += 1;
        diff[b] -= 1;
        lo = lo.min(a);
        hi = hi.max(b);
    }
    if lo >= hi {
        return Vec::new();
    }
    let mut cov = vec![0i32; bins];
    let mut acc = 0;
    for (c, d) in cov.iter_mut().zip(diff.iter()) {
        acc += d;
        *c = acc;
    }
    let tol = ((n_rows * 15) / 100).max(2) as i32;
    let min_bins = (MIN_GUTTER / BIN).ceil() as usize;
    let wide_bins = (WIDE_GUTTER / BIN).ceil() as usize;
    let mut gutters = Vec::new();
    let mut i = lo;
    while i < hi && gutters.len() < MAX_GUTTERS {
        if cov[i] > tol {
            i += 1;
            continue;
        }
        let start = i;
        while i < hi && cov[i] <= tol {
            i += 1;
        }
        let run = start..i;
        if run.start == lo || run.end >= hi {
            continue;
        }
        // The core: the widest stretch at the run's lowest coverage, relaxed
        // upwards until it is wide enough, and further while a level merges
        // holes into a stretch at least twice as wide (the gaps between the
        // words of a full-width title are holes, not the gutter; the ragged
        // ends of a left-aligned column widen the stretch only slowly).
        let min = run.clone().map(|k| cov[k]).min().unwrap_or(0);
        let widest = |level: i32| {
            let mut best: Option<(usize, usize)> = None;
            let mut k = run.start;
            while k < run.end {
                if cov[k] > level {
                    k += 1;
                    continue;
                }
                let s = k;
                while k < run.end && cov[k] <= level {
                    k += 1;
                }
                if best.is_none_or(|(bs, be)| k - s > be - bs) {
                    best = Some((s, k));
                }
            }
            best
        };
        let mut core: Option<(usize, usize)> = None;
        for level in min..=tol {
            let Some((s, e)) = widest(level) else {
                continue;
            };
            match core {
                None if e - s >= min_bins => core = Some((s, e)),
                // A core already as wide as a real gutter is not widened
                // into the ragged ends of a column beside it.
                Some((cs, ce)) if e - s >= 2 * (ce - cs) && ce - cs < wide_bins => {
                    core = Some((s, e))
                }
                Some(_) => break,
                None => {}
            }
        }
        let Some((s, e)) = core else { continue };
        let Some(g) = refine_core(rows, (s as f32 * BIN, e as f32 * BIN)) else {
            continue;
        };
        // Text on both sides, in enough rows.
        let side_rows = |left: bool| {
            rows.iter()
                .filter(|r| {
                    r.iter().any(|w| {
                        if left {
                            w.x1 <= g.0 + 0.5
                        } else {
                            w.x0 >= g.1 - 0.5
                        }
                    })
                })
                .count()
        };
        let need = 3.max(n_rows / 5);
        let from = gutters.last().map_or(f32::MIN, |p: &Gutter| p.1);
        if side_rows(true) >= need && side_rows(false) >= need && !hanging_labels(rows, from, g) {
            gutters.push(g);
        }
    }
    gutters
}

/// The extent of a row that is one justified line of text: at least three
/// gaps between its words, all stretched to at least twice a plain space
/// (0.6 em) and all alike (within 5 % and 0.3 pt), as justification
/// stretches every gap of a line by the same amount. A gap between two
/// columns, or between two table cells, stands out from the word gaps
/// beside it, so such a row is not taken for one line. `None` for any
/// other row.
fn justified_span(row: &[Word]) -> Option<(f32, f32)> {
    if row.len() < 4 {
        return None;
    }
    let (mut least, mut most) = (f32::MAX, f32::MIN);
    for pair in row.windows(2) {
        let gap = pair[1].x0 - pair[0].x1;
        least = least.min(gap);
        most = most.max(gap);
    }
    let size = row.iter().map(|w| w.size).fold(0.0, f32::max);
    let alike = least >= 0.6 * size && most <= least * 1.05 + 0.3;
    alike.then(|| (row[0].x0, row[row.len() - 1].x1))
}

/// Whether the text between `from` and the gutter `g` is only the labels of
/// a hanging indent (Word's and LibreOffice's numbered lists: «3.1.» or a
/// bullet at one x, its text at a tab stop further right): in every row
/// that has words there, they are one clause number or bullet, and the row
/// goes on to the right, past the gutter or into it (a level-1 heading
/// «1.» whose title sits at its own tab stop, left of the clauses' one).
/// Such a strip is no column. A row with a word across the gutter (a
/// running header, a centred title) spans the page and says nothing of the
/// strip.
fn hanging_labels(rows: &[Vec<Word>], from: f32, g: Gutter) -> bool {
    let mut labels = 0;
    for row in rows {
        if row.iter().any(|w| crosses(w, g)) {
            continue;
        }
        let left: Vec<&Word> = row
            .iter()
            .filter(|w| w.x0 >= from - 0.5 && w.x1 <= g.0 + 0.5)
            .collect();
        if left.is_empty() {
            continue;
        }
        let goes_on = row.iter().any(|w| w.x0 >= from - 0.5 && w.x1 > g.0 + 0.5);
        let label = left.len() == 1 && is_label(&left[0].text);
        if !(label && goes_on) {
            return false;
        }
        labels += 1;
    }
    labels > 0
}

/// A row's words joined by spaces.
fn row_text(row: &[Word]) -> String {
    row.iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Trim a gutter core by the rows that are really two-column rows with a
/// word reaching into it (a ragged line end): a row whose free space inside
/// the core is at least [`MIN_GUTTER`] wide and either at least half the
/// core or a hole that stands out of the row ([`stands_out`]: the long last
/// line of a short column, where the ragged ends of the other rows widened
/// the core far past it). Rows with only narrow holes there (a title's word
/// gaps, a centred footer) span the gutter and are left alone. `None` when
/// too little remains.
fn refine_core(rows: &[Vec<Word>], mut g: Gutter) -> Option<Gutter> {
    for _ in 0..2 {
        for row in rows {
            let inside: Vec<&Word> = row.iter().filter(|w| crosses(w, g)).collect();
            if inside.is_empty() {
                continue;
            }
            // The widest free stretch of the core in this row.
            let mut best = (g.0, g.0);
            let mut at = g.0;
            for w in &inside {
                if w.x0 - at > best.1 - best.0 {
                    best = (at, w.x0);
                }
                at = at.max(w.x1);
            }
            if g.1 - at > best.1 - best.0 {
                best = (at, g.1);
            }
            let free = best.1 - best.0;
            if free >= MIN_GUTTER && (free * 2.0 >= g.1 - g.0 || stands_out(row, best)) {
                g = (best.0.max(g.0), best.1.min(g.1));
            }
        }
    }
    (g.1 - g.0 >= MIN_GUTTER).then_some(g)
}

/// Whether the hole `free` between two words of a row is no word gap: at
/// least an em of the row's font and at least three times as wide as any
/// other gap between its words. A title's word gaps are all alike, however
/// large its font; a column break stands out from the spaces beside it.
fn stands_out(row: &[Word], free: (f32, f32)) -> bool {
    let size = row.iter().map(|w| w.size).fold(0.0, f32::max);
    let width = free.1 - free.0;
    // Only a hole with words on both sides: a core's edge is no gap.
    let left = row.iter().any(|w| (w.x1 - free.0).abs() <= 0.5);
    let right = row.iter().any(|w| (w.x0 - free.1).abs() <= 0.5);
    let mut sorted: Vec<&Word> = row.iter().collect();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let hole = |p: &[&Word]| (p[0].x1 - free.0).abs() <= 0.5 && (p[1].x0 - free.1).abs() <= 0.5;
    let other = sorted
        .windows(2)
        .filter(|p| !hole(p))
        .map(|p| p[1].x0 - p[0].x1)
        .fold(0.0, f32::max);
    left && right && size > 0.0 && width >= size && width >= 3.0 * other
}

/// Whether a gutter found on another page fits this page's rows: few rows
/// cross it, both sides have text, and the strip left of it is not only
/// the labels of a hanging indent ([`hanging_labels`]).
pub fn gutter_fits(rows: &[Vec<Word>], g: Gutter) -> bool {
    let crossing = rows
        .iter()
        .filter(|r| r.iter().any(|w| crosses(w, g)))
        .count();
    let left = rows.iter().any(|r| r.iter().any(|w| w.x1 <= g.0 + 0.5));
    let right = rows.iter().any(|r| r.iter().any(|w| w.x0 >= g.1 - 0.5));
    crossing * 100 <= rows.len() * 15 + 100 && (left || right) && !hanging_labels(rows, f32::MIN, g)
}

fn crosses(w: &Word, g: Gutter) -> bool {
    w.x0 < g.1 - 0.5 && w.x1 > g.0 + 0.5
}

/// Cut rows into lines: a row crossing a gutter is one full-width line; any
/// other row gives one line per column it has words in.
pub fn lines(rows: Vec<Vec<Word>>, gutters: &[Gutter]) -> Vec<Line> {
    let mut out = Vec::new();
    for row in rows {
        if gutters.iter().any(|&g| row.iter().any(|w| crosses(w, g))) {
            out.extend(make_line(&row, FULL_WIDTH));
            continue;
        }
        let mut by_col: BTreeMap<usize, Vec<Word>> = BTreeMap::new();
        for w in row {
            let mid = (w.x0 + w.x1) / 2.0;
            let col = gutters.iter().filter(|g| mid > g.1 - 0.5).count();
            by_col.entry(col).or_default().push(w);
        }
        for (col, words) in by_col {
            out.extend(make_line(&words, col));
        }
    }
    out
}

fn make_line(words: &[Word], col: usize) -> Option<Line> {
    let first = words.first()?;
    let size = words.iter().map(|w| w.size).fold(0.0, f32::max);
    let labelled = words.len() > 1 && (is_numbered(&first.text) || is_bullet(&first.text));
    // The line's usual gap between words: justified text stretches every
    // gap of a line alike, while a table row's cells part far wider than
    // their words.
    let mut gaps: Vec<f32> = words
        .windows(2)
        .skip(usize::from(labelled))
        .map(|w| w[1].x0 - w[0].x1)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let usual = match gaps.len() {
        0 | 1 => f32::INFINITY,
        2 => gaps[0],
        n => gaps[n / 2],
    };
    let mut text = String::new();
    let mut breaks = Vec::new();
    let mut all_gaps = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
            let before = words[i - 1].x1;
            all_gaps.push(Break {
                before,
                x: w.x0,
                at: text.len(),
            });
            let gap = w.x0 - before;
            let apart = if usual.is_finite() {
                gap >= 3.0 * usual.max(0.1 * size)
            } else {
                gap >= STRONG_CELL_GAP * size
            };
            if gap >= CELL_GAP * size && apart && !(i == 1 && labelled) {
                breaks.push(Break {
                    before,
                    x: w.x0,
                    at: text.len(),
                });
            }
        }
        text.push_str(&w.text);
    }
    // The baseline of the biggest share of the line's text.
    let y = words
        .iter()
        .max_by(|a, b| a.text.len().cmp(&b.text.len()))
        .map_or(first.y, |w| w.y);
    let x0 = words.iter().map(|w| w.x0).fold(f32::INFINITY, f32::min);
    let body_x = match words {
        [label, next, ..] if is_numbered(&label.text) || is_bullet(&label.text) => next.x0,
        _ => x0,
    };
    Some(Line {
        text,
        x0,
        body_x,
        x1: words.iter().map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max),
        y,
        size,
        col,
        breaks,
        gaps: all_gaps,
    })
}

/// Whether a line is a bare page number: `7`, `— 7 —`, `7/12`, `7 из 12`,
/// `стр. 7`, `Page 7 of 12`.
pub fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut rest = lower.trim();
    for prefix in ["страница", "стр.", "стр", "бет", "page", "p."] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    // Kazakh puts the word after the number: «1-бет», «2 бет».
    for suffix in ["-бет", " бет", "-беті", "-парақ"] {
        if let Some(r) = rest.strip_suffix(suffix) {
            rest = r.trim_end();
            break;
        }
    }
    let core = rest.trim_matches(|c: char| !c.is_alphanumeric());
    let mut parts = core
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        return false;
    };
    let is_num = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if !is_num(first) {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => true,
        (Some(n), None, _) => is_num(n),
        (Some(w), Some(n), None) => matches!(w, "из" | "of" | "/") && is_num(n),
        _ => false,
    }
}

/// Superscript digits, the marks of footnotes.
const SUPERSCRIPTS: &str = "¹²³⁴⁵⁶⁷⁸⁹⁰";

/// Where a page's footnotes start (a baseline): the highest line in the
/// lower 40 % of the page that opens with a superscript mark («¹ Далее…»)
/// which the text above it also carries. Everything from there down is
/// notes (and the page number under them).
fn footnotes_from(lines: &[Line], h: f32) -> Option<f32> {
    let mut sorted: Vec<&Line> = lines.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    sorted.iter().enumerate().find_map(|(i, l)| {
        let mark = l.text.trim_start().chars().next()?;
        let opens = SUPERSCRIPTS.contains(mark)
            && l.text.trim_start()[mark.len_utf8()..]
                .starts_with(|c: char| c.is_whitespace() || c.is_alphabetic());
        let cited = sorted[..i].iter().any(|a| a.text.contains(mark));
        (opens && cited && l.y > h * 0.6).then_some(l.y)
    })
}

/// Mark repeated headers, footers and page numbers: for each page, for each
/// line, the kind of noise it is, if any. `pages` holds each page's lines
/// and height. A line that is only a list label («5.3.», a bullet) is no
/// running header or footer, however often its masked text («#.#.») recurs
/// at the page's edge: it is a clause's number.
pub fn find_noise(pages: &[(Vec<Line>, f32)]) -> Vec<Vec<Option<DropKind>>> {
    let in_margin = |l: &Line, h: f32| l.y < h * 0.12 || l.top() > h * 0.88;
    let key = |t: &str| -> String {
        t.to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut seen: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (p, (lines, h)) in pages.iter().enumerate() {
        for l in lines.iter().filter(|l| in_margin(l, *h)) {
            seen.entry(key(&l.text)).or_default().insert(p);
        }
    }
    let n = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(p, (lines, h))| {
            let notes = footnotes_from(lines, *h);
            lines
                .iter()
                .map(|l| {
                    if notes.is_some_and(|y| l.y >= y - 0.5) && !is_page_number(&l.text) {
                        return Some(DropKind::Footnote);
                    }
                    if !in_margin(l, *h) {
                        return None;
                    }
                    let repeats = seen.get(&key(&l.text)).map_or(0, BTreeSet::len);
                    let numbered_page =
                        l.text.trim_matches(|c: char| !c.is_ascii_digit()) == (p + 1).to_string();
                    // A page number stands alone on its row: a bare number
                    // beside another column's text is the end of a line
                    // wrapped there («ул. Рыскулова, д.» / «203.»).
                    let alone = || {
                        !lines.iter().any(|o| {
                            !std::ptr::eq(o, l) && (o.y - l.y).abs() < 0.4 * o.size.max(l.size)
                        })
                    };
                    if is_page_number(&l.text) && (n > 1 || numbered_page) && alone() {
                        Some(DropKind::PageNumber)
                    } else if n > 1 && repeats >= 2 && repeats * 5 >= n * 2 && !is_label(&l.text) {
                        Some(DropKind::RepeatedHeader)
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect()
}

/// A run of lines read together: one column of one band, one full-width
/// line group, or one row of a ruled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub col: usize,
    pub lines: Vec<Line>,
    /// A ruled table's row ([`ruled_rows`]): its lines are its cells, left
    /// to right, each top to bottom; the row is one paragraph.
    pub row: bool,
}

/// One row of a ruled table: the band between two ruled lines.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The ruled line above it (top-down y).
    pub top: f32,
    /// Its lines, cell by cell left to right, each cell top to bottom.
    pub lines: Vec<Line>,
}

/// A horizontal ruled line, its pieces joined: `(y, x0, x1)`.
type HRule = (f32, f32, f32);

/// The horizontal rules of a page, the pieces of one line (Word draws a
/// border cell by cell) joined where they touch at the same height.
fn horizontal_rules(rules: &[Rule]) -> Vec<HRule> {
    let mut h: Vec<HRule> = rules
        .iter()
        .filter(|r| r.horizontal())
        .map(|r| ((r.y0 + r.y1) / 2.0, r.x0, r.x1))
        .collect();
    h.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<HRule> = Vec::new();
    for r in h {
        match out
            .iter_mut()
            .rev()
            .take_while(|o| r.0 - o.0 <= 1.0)
            .find(|o| r.1 <= o.2 + 3.0)
        {
            Some(o) => o.2 = o.2.max(r.2),
            None => out.push(r),
        }
    }
    out
}

/// The rows of the ruled tables of a page whose rows are clauses (a
/// tariff: a numbered label cell, then its value cells), and the lines
/// left outside them. Word sets such a table's value in the vertical
/// centre of its row, so read column by column the values part from their
/// labels; read row by row, each row is one paragraph: its cells left to
/// right, each cell top to bottom, a label wrapped over two lines kept in
/// its row. A cell merged over several rows has no rule under its first
/// row, so the band between two rules crossing the whole table holds it
/// with all the rows it spans. Within it, the shorter rules that close the
/// first cell cut it into the rows it spans, and a line goes to the last
/// row whose top rule closes its own cell: a merged value goes with the
/// first row it spans, wherever its vertical centre lies.
///
/// A row is the band between two consecutive horizontal rules that cross
/// a cell boundary (a vertical rule inside them spanning the band, or,
/// where the page has no vertical rule, a gutter); a table is a run of
/// such bands, each starting where the last ended, at least two rows
/// (three without vertical rules). A line lies in a row when its baseline
/// lies inside the band and its middle within the rules. Its cell is the
/// number of vertical rules (or gutters) left of it.
///
/// Only a table of labels and values is read so: in at least half of its
/// rows of two cells or more the first cell opens with a clause number or
/// a bullet, in at most a quarter does a later cell, and its later cells
/// hold less text than its first ones; or a table whose text cells are of
/// one language row by row («№ | Право | Как воспользоваться»: in at least
/// two rows each text cell has a letter of Kazakh's own or none has, in at
/// most a quarter as many does a Kazakh cell stand beside a Russian one).
/// A table whose cells hold parallel texts (kk | ru, or № | kk | ru) is
/// left to the columns. Pages without rules are left as they are. A line
/// that runs across a cell border (a page where the table left no gutter)
/// is cut there into its cells' pieces, at the gap between two words that
/// holds the border.
///
/// Each line comes with a payload `T` (the reader's noise mark): the lines
/// of a row lose it (a value «0 KZT» in the top margin of two pages is no
/// repeated header), the lines left keep it.
pub fn ruled_rows<T>(
    lines: Vec<(Line, T)>,
    rules: &[Rule],
    gutters: &[Gutter],
) -> (Vec<TableRow>, Vec<(Line, T)>) {
    let hs = horizontal_rules(rules);
    // Vertical rules: (x, y0, y1), the pieces of one line (Word draws a
    // border row by row) joined where they touch.
    let mut vs: Vec<(f32, f32, f32)> = rules
        .iter()
        .filter(|r| !r.horizontal() && r.x1 - r.x0 <= super::content::RULE_WIDTH)
        .map(|r| ((r.x0 + r.x1) / 2.0, r.y0, r.y1))
        .collect();
    vs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut joined: Vec<(f32, f32, f32)> = Vec::new();
    for v in vs {
        match joined.last_mut() {
            Some(j) if (v.0 - j.0).abs() <= 1.0 && v.1 <= j.2 + 3.0 => j.2 = j.2.max(v.2),
            _ => joined.push(v),
        }
    }
    let vs = joined;
    if hs.len() < 3 || lines.is_empty() {
        return (Vec::new(), lines);
    }
    // The cell boundaries inside a band (top, bottom) of rules spanning
    // x0..x1.
    let inner = |top: f32, bottom: f32, x0: f32, x1: f32| -> Vec<f32> {
        let mut xs: Vec<f32> = if vs.is_empty() {
            gutters
                .iter()
                .map(|g| (g.0 + g.1) / 2.0)
                .filter(|&x| x > x0 + 2.0 && x < x1 - 2.0)
                .collect()
        } else {
            vs.iter()
                .filter(|v| v.0 > x0 + 2.0 && v.0 < x1 - 2.0)
                .filter(|v| v.1 <= top + 1.5 && v.2 >= bottom - 1.5)
                .map(|v| v.0)
                .collect()
        };
        xs.sort_by(f32::total_cmp);
        xs.dedup_by(|a, b| (*a - *b).abs() <= 2.0);
        xs
    };
    // Bands: consecutive rules that overlap, with a cell boundary between.
    // (top, bottom, x0, x1, boundaries)
    type Band = (f32, f32, f32, f32, Vec<f32>);
    let mut tables: Vec<Vec<Band>> = Vec::new();
    // Crossing rules only: a rule under one cell (a merged cell's
    // neighbour) is no row's end, but it cuts the cells it closes.
    let mut last: Option<HRule> = None;
    let mut partial: Vec<HRule> = Vec::new();
    for &r in &hs {
        let Some(a) = last else {
            last = Some(r);
            continue;
        };
        let (x0, x1) = (a.1.max(r.1), a.2.min(r.2));
        if r.0 - a.0 < 4.0 {
            // A double rule: the lower line goes on.
            if r.2 - r.1 >= a.2 - a.1 {
                last = Some(r);
            }
            continue;
        }
        if x1 - x0 < 0.8 * (a.2 - a.1).max(r.2 - r.1) {
            // Not the same table's width: a rule under part of a row.
            if r.2 - r.1 > a.2 - a.1 {
                last = Some(r);
            } else {
                partial.push(r);
            }
            continue;
        }
        let xs = inner(a.0, r.0, x0, x1);
        if xs.is_empty() {
            last = Some(r);
            continue;
        }
        let band = (a.0, r.0, x0, x1, xs);
        match tables.last_mut() {
            Some(t) if t.last().is_some_and(|b| (b.1 - a.0).abs() <= 0.5) => t.push(band),
            _ => tables.push(vec![band]),
        }
        last = Some(r);
    }
    let min_rows = if vs.is_empty() { 3 } else { 2 };
    let mut rest: Vec<Option<(Line, T)>> = lines.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for table in tables.into_iter().filter(|t| t.len() >= min_rows) {
        let mut rows: Vec<(f32, Vec<Member>)> = Vec::new();
        for (top, bottom, x0, x1, xs) in &table {
            let (top, bottom, x0, x1) = (*top, *bottom, *x0, *x1);
            let span = |cell: usize| {
                let left = if cell == 0 { x0 } else { xs[cell - 1] };
                (left, xs.get(cell).copied().unwrap_or(x1))
            };
            let closes = |r: &HRule, cell: usize| {
                let (left, right) = span(cell);
                r.1 <= left + 3.0 && r.2 >= right - 3.0
            };
            let inside: Vec<HRule> = partial
                .iter()
                .filter(|r| r.0 > top + 2.0 && r.0 < bottom - 2.0)
                .copied()
                .collect();
            // The rules inside the band that close its first cell: rows.
            let cuts: Vec<HRule> = inside.iter().filter(|r| closes(r, 0)).copied().collect();
            let mut sub: Vec<(f32, Vec<Member>)> = std::iter::once(top)
                .chain(cuts.iter().map(|r| r.0))
                .map(|y| (y, Vec::new()))
                .collect();
            for (i, l) in rest.iter().enumerate() {
                let Some((l, _)) = l else { continue };
                let mid = (l.x0 + l.x1) / 2.0;
                if l.y > top && l.y < bottom && mid > x0 && mid < x1 {
                    // A line drawn across a border (a page without
                    // gutters) is cut at it into its cells' pieces.
                    for piece in cut_at_borders(l, xs) {
                        let cell = xs.iter().filter(|&&x| x <= piece.x0 + 1.0).count();
                        // The row under the last rule that closes its cell.
                        let k = inside
                            .iter()
                            .filter(|r| r.0 < l.y && closes(r, cell))
                            .map(|r| r.0)
                            .fold(None, |m: Option<f32>, y| Some(m.map_or(y, |m| m.max(y))))
                            .map_or(0, |y| cuts.iter().filter(|c| c.0 <= y + 1.0).count());
                        sub[k].1.push((cell, i, piece));
                    }
                }
            }
            rows.extend(sub);
        }
        if parallel_cells(&rows) {
            continue;
        }
        for (top, mut members) in rows {
            if members.is_empty() {
                continue;
            }
            members.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(a.2.y.total_cmp(&b.2.y))
                    .then(a.2.x0.total_cmp(&b.2.x0))
            });
            let lines = members
                .into_iter()
                .map(|(_, i, piece)| {
                    rest[i] = None;
                    piece
                })
                .collect();
            out.push(TableRow { top, lines });
        }
    }
    (out, rest.into_iter().flatten().collect())
}

/// The row borders of a table drawn with no rules at all (a LibreOffice or
/// Word table exported without borders: a numbered label cell left of a
/// gutter, its value cell right of it, set anywhere in the row's height),
/// as ruled lines for [`ruled_rows`] to read the rows by. A row starts at
/// the top of each line of the first column that opens with a clause
/// number, while lines of a later column lie beside the run of numbered
/// lines; the last row ends under the last line that follows on at the
/// line pitch, before a full-width line. Each border spans the lines it
/// frames. Only a table of labels and values is framed: its later columns
/// hold less than two thirds of the first one's text and open with a clause
/// number in at most a quarter as many lines as it has rows ([`ruled_rows`]
/// checks its rows again); a kk | ru page of prose stays with its columns.
/// Empty when fewer than three rows are found.
pub fn unruled_row_borders<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Vec<Rule> {
    let mut lines: Vec<&Line> = lines.into_iter().collect();
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        // A run of first-column lines, numbered ones among them, with
        // lines of later columns beside them, up to a full-width line or a
        // gap of more than two lines.
        let first = |l: &Line| l.col == 0;
        let Some(start) = lines[k..]
            .iter()
            .position(|l| first(l) && is_numbered(&l.text))
            .map(|p| p + k)
        else {
            break;
        };
        let mut end = start + 1;
        while end < lines.len()
            && lines[end].col != FULL_WIDTH
            && lines[end].y - lines[end - 1].y <= 2.5 * lines[end].size.max(lines[end - 1].size)
        {
            end += 1;
        }
        k = end;
        let run = &lines[start..end];
        let tops: Vec<f32> = run
            .iter()
            .filter(|l| first(l) && is_numbered(&l.text))
            .map(|l| l.top() - 0.1 * l.size)
            .collect();
        // A table of labels and values: its later columns short, and
        // hardly ever opening with a clause number (two columns of prose,
        // kk | ru flowing apart, are numbered on both sides or as long).
        let beside: Vec<&&Line> = run.iter().filter(|l| l.col != 0).collect();
        let chars = |l: &&&Line| l.text.chars().count();
        let later: usize = beside.iter().map(chars).sum();
        let labels: usize = run.iter().filter(|l| first(l)).map(|l| chars(&l)).sum();
        let numbered = beside.iter().filter(|l| is_numbered(&l.text)).count();
        // A row's value cell starts level with its label: most numbered
        // labels have a later column's line on their baseline. Two
        // columns of running text set at their own pitches (a Kazakh text
        // flowing on into the next column) are level only by chance.
        let level = run
            .iter()
            .filter(|l| first(l) && is_numbered(&l.text))
            .filter(|l| {
                beside
                    .iter()
                    .any(|b| (b.y - l.y).abs() <= 0.25 * l.size.max(b.size))
            })
            .count();
        if tops.len() < 3
            || beside.len() < 2
            || 3 * later >= 2 * labels
            || 4 * numbered > tops.len()
            || 2 * level < tops.len()
        {
            continue;
        }
        let x0 = run.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min) - 2.0;
        let x1 = run.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max) + 2.0;
        let bottom = run
            .iter()
            .map(|l| l.bottom())
            .fold(f32::NEG_INFINITY, f32::max);
        let border = |y: f32| Rule {
            x0,
            y0: y,
            x1,
            y1: y,
        };
        out.extend(tops.into_iter().chain([bottom + 0.5]).map(border));
    }
    out
}

/// A line of a ruled table's row, or its piece in one cell: `(cell, index
/// of the page's line, piece)`.
type Member = (usize, usize, Line);

/// A line cut at the gaps between its words that hold one of a table's
/// cell borders `xs` (points), piece by piece left to right; the line as
/// it is when no border falls between its words.
fn cut_at_borders(line: &Line, xs: &[f32]) -> Vec<Line> {
    let cuts: Vec<&Break> = line
        .gaps
        .iter()
        .filter(|g| xs.iter().any(|&x| g.before <= x + 1.0 && x - 1.0 <= g.x))
        .collect();
    if cuts.is_empty() {
        return vec![line.clone()];
    }
    cut(line, &cuts)
}

/// A line cut at `cuts` (gaps of its own, left to right) into its pieces,
/// left to right, empty ones left out: each keeps the breaks and gaps
/// inside it, and the first its body's start.
fn cut(line: &Line, cuts: &[&Break]) -> Vec<Line> {
    let mut out = Vec::new();
    let (mut start, mut x0) = (0, line.x0);
    for k in 0..=cuts.len() {
        let (end, x1) = cuts
            .get(k)
            .map_or((line.text.len(), line.x1), |g| (g.at, g.before));
        let text = line.text.get(start..end).unwrap_or("").trim_end();
        if !text.is_empty() {
            let within = |b: &&Break| b.at > start && b.at < end;
            let shift = |b: &Break| Break {
                at: b.at - start,
                ..*b
            };
            out.push(Line {
                text: text.to_string(),
                x0,
                x1,
                body_x: if start == 0 { line.body_x } else { x0 },
                breaks: line.breaks.iter().filter(within).map(shift).collect(),
                gaps: line.gaps.iter().filter(within).map(shift).collect(),
                ..line.clone()
            });
        }
        if let Some(g) = cuts.get(k) {
            start = g.at;
            x0 = g.x;
        }
    }
    out
}

/// Whether a table's rows (`(top, members)`) hold parallel texts, not a
/// label and its values: see [`ruled_rows`].
fn parallel_cells(rows: &[(f32, Vec<Member>)]) -> bool {
    let opens = |c: &[&Line], later: bool| {
        c.first().is_some_and(|l| {
            let t = l.text.trim();
            is_numbered(t) || (is_bullet(t) && (!later || t.chars().count() > 1))
        })
    };
    let (mut first, mut later) = (0usize, 0usize);
    let (mut labelled, mut numbered, mut multi) = (0usize, 0usize, 0usize);
    // Rows whose text cells are of one language, and rows that set a
    // Kazakh cell beside a Russian one.
    let (mut one_language, mut mixed) = (0usize, 0usize);
    for (_, members) in rows {
        let mut cells: BTreeMap<usize, Vec<&Line>> = BTreeMap::new();
        for (cell, _, l) in members {
            cells.entry(*cell).or_default().push(l);
        }
        if cells.len() < 2 {
            continue;
        }
        multi += 1;
        match cell_languages(cells.values()) {
            Some(true) => one_language += 1,
            Some(false) => mixed += 1,
            None => {}
        }
        let chars = |c: &Vec<&Line>| c.iter().map(|l| l.text.chars().count()).sum::<usize>();
        let mut it = cells.values();
        if let Some(c) = it.next() {
            first += chars(c);
            labelled += usize::from(opens(c, false));
        }
        let mut open = false;
        for c in it {
            later += chars(c);
            open |= opens(c, true);
        }
        numbered += usize::from(open);
    }
    if one_language >= 2 && mixed * 4 <= one_language {
        // «№ | Право | Как воспользоваться»: a row of one language is one
        // clause, however long its later cells.
        return false;
    }
    multi == 0 || numbered * 4 > multi || labelled * 2 < multi || later >= first
}

/// Whether a table row's text cells (row labels such as «1» or «№» left
/// out, and cells of fewer than 12 Cyrillic letters) are all of one
/// language: `Some(true)` when each has a letter of Kazakh's own or none
/// has, `Some(false)` when a Kazakh cell stands beside a Russian one,
/// `None` with fewer than two such cells.
fn cell_languages<'a>(cells: impl Iterator<Item = &'a Vec<&'a Line>>) -> Option<bool> {
    let mut kinds = Vec::new();
    for cell in cells {
        let text: String = cell
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if is_row_label(&text)
            || text
                .chars()
                .filter(|&c| crate::tokens::is_cyrillic(c))
                .count()
                < 12
        {
            continue;
        }
        kinds.push(text.chars().any(|c| crate::lang::KK_LETTERS.contains(c)));
    }
    (kinds.len() >= 2).then(|| kinds.iter().all(|&k| k == kinds[0]))
}

/// A table's number column: the columns of a page whose every line is one
/// bare number, Roman numeral, dash or «№» («10», «IV», «—»), beside at
/// least two columns of text. Such a column restates or counts the rows
/// (typst's «№ | kk | ru»); it is no text of either language.
pub fn label_columns(segments: &[Segment]) -> BTreeSet<usize> {
    let mut lines: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    for seg in segments.iter().filter(|s| s.col != FULL_WIDTH) {
        let e = lines.entry(seg.col).or_insert((0, true));
        for l in &seg.lines {
            e.0 += 1;
            e.1 &= is_row_label(&l.text);
        }
    }
    let text_columns = lines.values().filter(|(_, labels)| !labels).count();
    if text_columns < 2 {
        return BTreeSet::new();
    }
    lines
        .into_iter()
        .filter(|(_, (n, labels))| *labels && *n >= 3)
        .map(|(col, _)| col)
        .collect()
}

/// The decimal clause number a line starts with («12.» → [12], «2.1.» →
/// [2, 1]); none for letters and Roman numerals.
fn decimal_number(text: &str) -> Option<Vec<u32>> {
    let first = text.split_whitespace().next()?;
    let body = first.trim_end_matches(['.', ')']);
    if body.is_empty() {
        return None;
    }
    body.split('.').map(|p| p.parse().ok()).collect()
}

/// Does clause number `n` come right after `last`: the next at its level
/// («11» → «12», «2.3» → «2.4») or the first child («2» → «2.1»)?
fn follows(last: &[u32], n: &[u32]) -> bool {
    match (last.split_last(), n.split_last()) {
        (Some((l, lp)), Some((m, np))) if lp == np => *m == l + 1,
        (_, Some((1, np))) => np == last,
        _ => false,
    }
}

/// One bare row label: a number with or without its dot («10», «2.1.»), a
/// Roman numeral («IV»), an item letter («а)», «(ә)»), a dash for a row
/// without a number, or «№».
fn is_row_label(text: &str) -> bool {
    let t = text.trim();
    let inner = t.strip_prefix('(').unwrap_or(t);
    let letter = inner.strip_suffix(')').is_some_and(|l| {
        let mut cs = l.chars();
        cs.next().is_some_and(char::is_lowercase) && cs.next().is_none()
    });
    let body = t.trim_end_matches(['.', ')']);
    let number = !body.is_empty()
        && body.len() <= 12
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = !body.is_empty() && body.len() <= 6 && body.chars().all(|c| "IVXLC".contains(c));
    number || roman || letter || matches!(t, "—" | "–" | "-" | "№")
}

/// Order a page's lines for reading: bands cut at full-width lines, and in a
/// band each column top to bottom, left to right.
#[cfg(test)]
pub fn reading_order(lines: Vec<Line>) -> Vec<Segment> {
    reading_order_with_rows(lines, Vec::new())
}

/// [`reading_order`], with the rows of ruled tables ([`ruled_rows`]) read
/// in place: each row, at its top, cuts the bands as a full-width line does
/// and is a segment of its own.
pub fn reading_order_with_rows(mut lines: Vec<Line>, mut rows: Vec<TableRow>) -> Vec<Segment> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    rows.sort_by(|a, b| a.top.total_cmp(&b.top));
    let mut rows = rows.into_iter().peekable();
    let mut out: Vec<Segment> = Vec::new();
    let mut band: BTreeMap<usize, Vec<Line>> = BTreeMap::new();
    let flush = |band: &mut BTreeMap<usize, Vec<Line>>, out: &mut Vec<Segment>| {
        for (col, lines) in std::mem::take(band) {
            out.push(Segment {
                col,
                lines,
                row: false,
            });
        }
    };
    for line in lines {
        while let Some(row) = rows.next_if(|r| r.top < line.y) {
            flush(&mut band, &mut out);
            out.push(Segment {
                col: FULL_WIDTH,
                lines: row.lines,
                row: true,
            });
        }
        if line.col == FULL_WIDTH {
            flush(&mut band, &mut out);
            match out.last_mut() {
                Some(seg) if seg.col == FULL_WIDTH && !seg.row => seg.lines.push(line),
                _ => out.push(Segment {
                    col: FULL_WIDTH,
                    lines: vec![line],
                    row: false,
                }),
            }
        } else {
            band.entry(line.col).or_default().push(line);
        }
    }
    flush(&mut band, &mut out);
    for row in rows {
        out.push(Segment {
            col: FULL_WIDTH,
            lines: row.lines,
            row: true,
        });
    }
    out
}

/// The horizontal extent of a column on a page: `(left, right)`.
pub fn column_extents(segments: &[Segment]) -> BTreeMap<usize, (f32, f32)> {
    let mut ext: BTreeMap<usize, (f32, f32)> = BTreeMap::new();
    for seg in segments.iter().filter(|s| !s.row) {
        for l in &seg.lines {
            let e = ext.entry(seg.col).or_insert((l.x0, l.x1));
            e.0 = e.0.min(l.x0);
            e.1 = e.1.max(l.x1);
        }
    }
    ext
}

/// A paragraph: consecutive lines of one segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub lines: Vec<Line>,
    pub hint: BlockHint,
    pub starts_paragraph: bool,
    pub ends_wrapped: bool,
}

impl Para {
    /// `[x0, y0, x1, y1]`, top-down.
    pub fn bbox(&self) -> [f32; 4] {
        let mut b = [
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        ];
        for l in &self.lines {
            b[0] = b[0].min(l.x0);
            b[1] = b[1].min(l.top());
            b[2] = b[2].max(l.x1);
            b[3] = b[3].max(l.bottom());
        }
        b
    }
}

/// Whether a word is a list label by itself: one clause or item number
/// («5.3.», «2)», «IV.») or a bullet, with nothing after it.
fn is_label(word: &str) -> bool {
    let t = word.trim();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && (is_numbered(t) || is_bullet(t) || t == "o")
}

/// Whether a line opens with a bullet: one of the usual bullet signs, or
/// a symbol font's bullet left in the private use area (Symbol's U+F0B7,
/// Wingdings' U+F0A7 and U+F076, as Word and LibreOffice draw them),
/// alone or followed by a blank.
pub fn is_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    matches!(
        first,
        Some(
            '•' | '●'
                | '▪'
                | '■'
                | '◦'
                | '·'
                | '-'
                | '–'
                | '—'
                | '\u{F0B7}'
                | '\u{F0A7}'
                | '\u{F076}'
        )
    ) && second.is_none_or(char::is_whitespace)
}

/// A decimal clause number standing alone: «5.», «5.1.», «5.1»; no item
/// letter, Roman numeral, bare integer or year.
pub fn is_clause_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && is_numbered(&format!("{word} x"))
}

/// A clause or item number opening the line: `1.`, `2.4.`, `3)`, `а)`,
/// `(b)`, `IV.`.
fn is_numbered(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    // «4.1 Кредитор …»: a number of two or three levels needs no final dot
    // (a date has a four-digit year, a decimal a comma in kk/ru text).
    let parts: Vec<&str> = first.split('.').collect();
    if (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && !parts[0].starts_with('0')
        && text.len() > first.len()
    {
        return true;
    }
    let inner = first.strip_prefix('(').unwrap_or(first);
    let Some(body) = inner.strip_suffix(['.', ')']) else {
        return false;
    };
    let body = body.trim_end_matches('.');
    if body.is_empty() || body.chars().count() > 12 {
        return false;
    }
    // A list counts to at most 999, and a bracketed item «(12)» to 99: a
    // year «2025.» or a telephone's area code «(71333)», «(727)» at a line
    // start is no label.
    let widest = if first.starts_with('(') { 2 } else { 3 };
    let digits_dots = body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.split('.').all(|p| p.len() <= widest);
    let letter = body.chars().count() == 1
        && body.chars().all(char::is_alphabetic)
        && (first.ends_with(')'));
    let roman = body.chars().all(|c| "IVXLC".contains(c)) && first.ends_with('.');
    digits_dots || letter || roman
}

/// A section's heading line: «4-бөлім. Деректерді алушылар», «Статья 4.
/// …», «Раздел II …», «IV. …»; the numbered clause under it starts a
/// paragraph although the heading ends in no stop.
fn section_heading(text: &str) -> bool {
    let t = text.trim();
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    let lower = first.to_lowercase();
    let labelled = ["статья", "раздел", "глава", "бөлім"]
        .iter()
        .any(|w| lower.trim_end_matches('.') == *w)
        || ["-бөлім", "-бап", "-тарау"].iter().any(|s| {
            lower.trim_end_matches('.').ends_with(s)
                && lower.starts_with(|c: char| c.is_ascii_digit())
        });
    let roman = first.ends_with('.')
        && first.len() > 1
        && first
            .trim_end_matches('.')
            .chars()
            .all(|c| "IVXLC".contains(c));
    (labelled || roman) && t.chars().count() <= 80
}

/// A paragraph of one line that is a numbered section's title («4. Сіздің
/// құқықтарыңыз: сұрақтар мен жауаптар», no stop), before a line opening
/// with a higher plain number («15.»): clauses numbered on through the
/// sections, the title not a sentence wrapped before a number.
fn title_before(para: Option<&Para>, n: Option<&[u32]>) -> bool {
    let Some(p) = para.filter(|p| p.lines.len() == 1) else {
        return false;
    };
    let text = p.lines[0].text.trim();
    let title = decimal_number(text);
    match (title.as_deref(), n) {
        (Some([title]), Some([n])) => {
            n > title && text.chars().count() <= 80 && !text.ends_with(['.', ',', ';', '-', '–'])
        }
        _ => false,
    }
}

/// The estimated width of a line's first word.
pub fn first_word_width(l: &Line) -> f32 {
    let chars = l.text.chars().count().max(1) as f32;
    let first = l.text.split(' ').next().map_or(0, |w| w.chars().count()) as f32;
    (l.x1 - l.x0).max(0.0) * first / chars
}

/// Whether a word `next` wide would have fitted after `line` in a column
/// ending at `right`: if so, the line ended by choice, not by wrapping. A
/// line ending in a hyphen wrapped in any case.
fn would_fit(line: &Line, next: f32, right: f32) -> bool {
    // The width is an estimate (from the share of characters): only a clear
    // fit counts.
    !line.text.ends_with(['-', '\u{AD}']) && line.x1 + 0.6 * line.size + 1.25 * next < right
}

/// The line pitch inside a paragraph, from the sorted gaps between close
/// baselines: the smallest gap that recurs (a sixth of the gaps, and at
/// least two, lie within 0.5 pt above it), as their median. A column of
/// short paragraphs (a table's rows, a list of one-line items) has more
/// gaps between paragraphs than inside them, so the median of all the gaps
/// would be the paragraph gap and no paragraph gap would show. `None` when
/// there is no gap.
fn line_pitch(sorted: &[f32]) -> Option<f32> {
    let n = sorted.len();
    let need = (n / 6).max(2);
    let mut j = 0;
    for (i, &d) in sorted.iter().enumerate() {
        j = j.max(i);
        while j < n && sorted[j] <= d + 0.5 {
            j += 1;
        }
        if j - i >= need {
            return Some(sorted[i + (j - i) / 2]);
        }
    }
    sorted.get(n / 2).copied()
}

/// The x positions (points) where the cells of a table set in one column
/// start, other than its first: a gap of [`STRONG_CELL_GAP`] em ends there
/// in some line, and at least two lines have a cell there (a gap of
/// [`CELL_GAP`] em ending there, or a wrapped cell's line starting there,
/// indented from the column's left edge `left`). Sorted; at most
/// [`MAX_GUTTERS`].
fn table_columns(lines: &[Line], left: f32) -> Vec<f32> {
    let near = |a: f32, b: f32| (a - b).abs() <= 1.0;
    let mut strong: Vec<f32> = lines
        .iter()
        .flat_map(|l| {
            l.breaks
                .iter()
                .filter(|b| b.x - b.before >= STRONG_CELL_GAP * l.size)
                .map(|b| b.x)
        })
        .collect();
    strong.sort_by(f32::total_cmp);
    strong.dedup_by(|a, b| near(*a, *b));
    // Each candidate is checked against every line: a hostile page of
    // scattered words must not make that quadratic without bound.
    strong.truncate(MAX_CELL_CANDIDATES);
    let mut out = Vec::new();
    for x in strong {
        if out.len() == MAX_GUTTERS {
            break;
        }
        let cells = lines
            .iter()
            .filter(|l| {
                l.breaks.iter().any(|b| near(b.x, x))
                    || (near(l.x0, x) && l.x0 > left + 0.6 * l.size)
            })
            .count();
        if cells >= 2 {
            out.push(x);
        }
    }
    out
}

/// A table row's lines re-cut into its cells: each cell's pieces top to
/// bottom, the cells left to right, so that a cell wrapped over several
/// lines reads as one text. `columns` are the table's cell starts
/// ([`table_columns`]).
fn cells(lines: &[Line], columns: &[f32]) -> Vec<Line> {
    let mut pieces: Vec<(usize, Line)> = Vec::new();
    for line in lines {
        let cuts: Vec<&Break> = line
            .breaks
            .iter()
            .filter(|b| columns.iter().any(|&c| (b.x - c).abs() <= 1.0))
            .collect();
        for piece in cut(line, &cuts) {
            let cell = columns.iter().filter(|&&c| c <= piece.x0 + 1.0).count();
            pieces.push((
                cell,
                Line {
                    body_x: piece.x0,
                    breaks: Vec::new(),
                    gaps: Vec::new(),
                    ..piece
                },
            ));
        }
    }
    // A stable sort keeps each cell's pieces top to bottom.
    pieces.sort_by_key(|(cell, _)| *cell);
    pieces.into_iter().map(|(_, l)| l).collect()
}

/// Split a segment's lines into paragraphs. `extent` is the column's
/// `(left, right)` on the page. Full-width lines (`full_width`) are often
/// centred, so indents say nothing there: only gaps and size changes split.
/// `next_word` is the width of the first word of the line that follows the
/// segment in the flow (the column's top line on the next page), if known:
/// the last paragraph is wrapped when that word would not have fitted.
///
/// A paragraph ends when the next line starts with a bullet or a clause
/// number (unless this line reaches the edge mid-sentence), is indented as a
/// first line, lies a bigger gap below, changes font size, or when its first
/// word would have fitted at the end of this line. A table set inside the
/// column (cells side by side in one line, [`table_columns`]) gives one
/// paragraph per row, its lines re-cut into the row's cells ([`cells`]).
///
/// A ruled line between two lines that reaches past both on either side
/// (a table's cell border, `rules` being the page's) starts a paragraph
/// however close the lines: LibreOffice sets a table of parallel texts
/// (kk | ru) with no padding, so the row of a section heading lies at the
/// line pitch under the last line of the clause before it. An underline
/// starts where its text starts, so it splits nothing.
pub fn paragraphs(
    lines: &[Line],
    extent: (f32, f32),
    full_width: bool,
    next_word: Option<f32>,
    rules: &[Rule],
) -> Vec<Para> {
    let (left, right) = extent;
    let width = (right - left).max(1.0);
    let hs = horizontal_rules(rules);
    let ruled_between = |prev: &Line, line: &Line| {
        let (x0, x1) = (prev.x0.min(line.x0), prev.x1.max(line.x1));
        // Sorted by y: only the rules between the two baselines are read.
        let from = hs.partition_point(|r| r.0 < prev.y - 0.1 * prev.size);
        hs[from..]
            .iter()
            .take_while(|r| r.0 < line.y - 0.5 * line.size)
            .any(|r| r.1 < x0 - RULE_MARGIN && r.2 > x1 + RULE_MARGIN)
    };
    let full = |l: &Line| l.x1 >= right - 0.1 * width;
    // The normal line pitch: the median gap between close baselines.
    let mut deltas: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|d| *d > 0.0)
        .filter(|d| lines.first().is_some_and(|l| *d < 3.0 * l.size.max(1.0)))
        .collect();
    deltas.sort_by(f32::total_cmp);
    let size0 = lines.first().map_or(10.0, |l| l.size);
    let pitch = line_pitch(&deltas).unwrap_or(1.2 * size0);
    // The pitch belongs to the body size: a title twice as large is set
    // twice as far apart, and that is no paragraph gap.
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let body = sizes
        .get(sizes.len() / 2)
        .copied()
        .unwrap_or(size0)
        .max(0.1);

    // A table set in the column itself, its cells side by side in one
    // line (no gutter: too few rows): each row is a paragraph of its own.
    let columns = if full_width {
        Vec::new()
    } else {
        table_columns(lines, left)
    };
    let on_column = |x: f32| columns.iter().any(|&c| (x - c).abs() <= 1.0);
    // Whether each paragraph of `out` is a table row.
    let mut rows: Vec<bool> = Vec::new();
    let mut out: Vec<Para> = Vec::new();
    let mut big_gap_before = false;
    // The tab stop of the current paragraph's hanging indent, if its first
    // line has a label set apart from its text.
    let mut hang: Option<f32> = None;
    // The gap between the last two lines of the current paragraph: its own
    // line pitch, once it has two lines.
    let mut own_pitch: Option<f32> = None;
    // The number of the last paragraph that started with one.
    let mut last_number: Option<Vec<u32>> = None;
    // The number before it: clauses numbered on through the sections,
    // with the sections' own numbers between them («14.», «4. Heading»,
    // «15.»), follow the one before the heading.
    let mut number_before: Option<Vec<u32>> = None;
    for (i, line) in lines.iter().enumerate() {
        let indent = 0.6 * line.size;
        let indented = line.x0 > left + indent;
        let numbered = is_numbered(&line.text);
        let number = numbered.then(|| decimal_number(&line.text)).flatten();
        // The next number after the last paragraph's («11.» … «12.»): a
        // new clause even after a line that ends without punctuation (a
        // table cell's «…артық емес»), not a number wrapped in a sentence.
        let in_sequence = number.as_deref().is_some_and(|n| {
            [&last_number, &number_before]
                .iter()
                .any(|last| last.as_deref().is_some_and(|last| follows(last, n)))
        });
        let bullet = is_bullet(&line.text);
        let row = line.breaks.iter().any(|b| on_column(b.x));
        let mut starts = false;
        let mut split = i == 0;
        if let Some(prev) = i.checked_sub(1).and_then(|k| lines.get(k)) {
            let gap = line.y - prev.y;
            let scale = (line.size.min(prev.size) / body).max(1.0);
            let big_gap = gap > pitch * scale * 1.2 + 0.3 || gap < -0.5 * line.size;
            let size_change = (line.size - prev.size).abs() > 0.2 * prev.size.max(line.size);
            let mid_sentence = full(prev)
                && prev
                    .text
                    .ends_with(|c: char| c.is_alphanumeric() || c == ',');
            let next = lines.get(i + 1);
            let first_line_indent =
                line.x0 > prev.x0 + indent && next.is_none_or(|n| n.x0 < line.x0 - indent);
            // A line at the same indent as a line short of the edge goes
            // on with it when its first word clearly had no room there (a
            // wrapped line of an indented block that keeps its own margin).
            let wrapped_at_indent = (line.x0 - prev.x0).abs() <= 0.3 * line.size
                && prev.x1 + 0.25 * line.size + 0.9 * first_word_width(line) > right
                && !prev.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
            let indent_after_short = indented && !full(prev) && !wrapped_at_indent;
            if big_gap {
                big_gap_before = true;
            }
            // Two centred lines (a title) say nothing by their indents; the
            // widest line of a title may span nearly the whole column.
            let centre = (left + right) / 2.0;
            let mid_centred = |l: &Line| ((l.x0 + l.x1) / 2.0 - centre).abs() < 0.03 * width;
            let inset = |l: &Line| l.x0 > left + indent && l.x1 < right - indent;
            let centred = |l: &Line| mid_centred(l) && inset(l);
            let centred_pair =
                mid_centred(prev) && mid_centred(line) && (inset(prev) || inset(line));
            // Two lines set flush right (an approval line under a title),
            // the first ending mid-sentence: their left edges are ragged.
            let flush_right = mid_sentence
                && (line.x1 - prev.x1).abs() <= 0.3 * line.size
                && line.x0 > left + indent
                && !prev.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
            let indents_count = !(full_width || centred_pair || flush_right);
            // A slight change of font size is a new paragraph when the
            // line also lies further below than this paragraph's own pitch,
            // or leaves or takes up a centred setting (a title, then its
            // approval line in smaller type).
            let slight_size_change =
                (line.size - prev.size).abs() > 0.08 * prev.size.max(line.size);
            let own_gap = own_pitch.unwrap_or(pitch * scale);
            let size_change = size_change
                || (slight_size_change
                    && (gap > 1.06 * own_gap + 0.3 || centred(prev) != centred(line)));
            let (first_line_indent, indent_after_short) = (
                first_line_indent && indents_count,
                indent_after_short && indents_count,
            );
            let short_end = !full_width && would_fit(prev, first_word_width(line), right);
            // A line at the tab stop of a hanging indent, after a line that
            // ends no sentence or item and had no room for its first word,
            // goes on with the labelled text: its indent is the tab stop's.
            // After «… мекенжайы:» the value goes on at the tab stop
            // («021700, Щучинск қ., …»): a line with no marker that starts
            // with a digit or in lower case; an item after a lead-in starts
            // with a marker or a capital.
            let value_after_colon = prev.text.trim_end().ends_with(':')
                && !numbered
                && !bullet
                && line
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase());
            // (The wrapped lines may sit a little right of the text after
            // the label: a label set as a bullet before an indent wider
            // than the label, as reportlab's `bulletText` does.)
            let hanging = hang
                .is_some_and(|h| line.x0 >= h - 0.3 * line.size && line.x0 <= h + line.size)
                && !short_end
                && (!prev.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
                    || value_after_colon);
            let (first_line_indent, indent_after_short) = if hanging {
                (false, false)
            } else {
                (first_line_indent, indent_after_short)
            };
            // A requisite line (Телефон, E-mail, БСН, IBAN …) under a line
            // that does not break off is a line of its own.
            let requisite = crate::lang::is_requisite_line(&line.text)
                && !prev.text.trim_end().ends_with([',', ':', '-', '–', '/']);
            // A table row's cells wrap: a line right under the row that
            // starts in a later cell, or in lower case (the first cell's, or
            // every cell's, next line), goes on with the row.
            let lower = line.text.chars().next().is_some_and(char::is_lowercase);
            let ruled = ruled_between(prev, line);
            let cell_goes_on = !ruled
                && rows.last().copied().unwrap_or(false)
                && gap > 0.0
                && gap <= 1.5 * pitch * scale
                && !numbered
                && !bullet
                && (lower || (!row && on_column(line.x0)));
            if cell_goes_on {
            } else if row
                || ruled
                || big_gap
                || size_change
                || bullet
                || (numbered
                    && (!mid_sentence
                        || in_sequence
                        || section_heading(&prev.text)
                        || title_before(out.last(), number.as_deref())))
                || first_line_indent
                || indent_after_short
                || short_end
                || requisite
            {
                split = true;
                // A change of font size is a title or heading ending (or
                // starting): never a soft line break.
                starts = row
                    || ruled
                    || big_gap
                    || size_change
                    || requisite
                    || bullet
                    || numbered
                    || first_line_indent
                    || indent_after_short;
            }
        } else {
            starts = bullet
                || numbered
                || row
                || (indented && lines.get(1).is_some_and(|n| n.x0 < line.x0 - indent));
        }
        if split {
            if number.is_some() {
                number_before = std::mem::replace(&mut last_number, number);
            }
            if let Some(p) = out.last_mut() {
                p.ends_wrapped = p.lines.last().is_some_and(full);
            }
            hang = (line.body_x > line.x0 + 0.5).then_some(line.body_x);
            rows.push(row);
            out.push(Para {
                lines: vec![line.clone()],
                hint: if bullet {
                    BlockHint::Bullet
                } else {
                    BlockHint::Text
                },
                starts_paragraph: starts || (big_gap_before && i > 0),
                ends_wrapped: false,
            });
            big_gap_before = false;
            own_pitch = None;
        } else if let Some(p) = out.last_mut() {
            own_pitch = p.lines.last().map(|l| line.y - l.y);
            p.lines.push(line.clone());
        }
    }
    if let Some(p) = out.last_mut() {
        p.ends_wrapped = p.lines.last().is_some_and(|l| {
            full(l) || next_word.is_some_and(|w| !full_width && !would_fit(l, w, right))
        });
    }
    for (p, _) in out.iter_mut().zip(&rows).filter(|(_, row)| **row) {
        p.lines = cells(&p.lines, &columns);
        // Its last cell reaching the column's edge is no wrapped sentence.
        p.ends_wrapped = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x0: f32, w: f32, y: f32, t: &str) -> Glyph {
        Glyph {
            x0,
            x1: x0 + w,
            y,
            size: 10.0,
            text: t.to_string(),
        }
    }

    /// Glyphs for `text` starting at x, 5 pt per char, with real space glyphs.
    fn typed(x: f32, y: f32, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| glyph(x + 5.0 * i as f32, 5.0, y, &c.to_string()))
            .collect()
    }

    fn line(text: &str, x0: f32, x1: f32, y: f32) -> Line {
        Line {
            text: text.into(),
            x0,
            x1,
            y,
            size: 10.0,
            body_x: x0,
            col: 0,
            breaks: Vec::new(),
            gaps: Vec::new(),
        }
    }

    #[test]
    fn words_from_gaps_and_spaces_never_doubled() {
        let mut g = typed(0.0, 100.0, "ab  c");
        // A gap of 3 pt (0.3 em) with no space glyph makes a word break.
        g.push(glyph(g.last().unwrap().x1 + 3.0, 5.0, 100.0, "d"));
        // Kerning-size gaps (0.5 pt) do not.
        g.push(glyph(g.last().unwrap().x1 + 0.5, 5.0, 100.0, "e"));
        // A space glyph and a gap together still give one space.
        g.push(glyph(g.last().unwrap().x1, 5.0, 100.0, " "));
        g.push(glyph(g.last().unwrap().x1 + 4.0, 5.0, 100.0, "f"));
        let rows = rows(&g);
        assert_eq!(rows.len(), 1);
        let texts: Vec<&str> = rows[0].iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["ab", "c", "de", "f"]);
    }

    #[test]
    fn fake_bold_is_kept_once_and_rows_by_baseline() {
        let mut g = typed(0.0, 100.0, "ab");
        g.extend(typed(0.3, 100.2, "ab"));
        g.extend(typed(0.0, 112.0, "cd"));
        let rows = rows(&g);
        let texts: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|w| w.text.as_str()).collect())
            .collect();
        assert_eq!(texts, vec![vec!["ab"], vec!["cd"]]);
    }

    /// Lines of varied words (so word gaps do not line up), 21 chars wide.
    const LEFT: [&str; 4] = [
        "left column text here",
        "a b cd efgh ijk lmnop",
        "text, and more text.",
        "one two three four 5",
    ];
    const RIGHT: [&str; 4] = [
        "right column words",
        "правая колонка тут",
        "ещё слова и слова",
        "x yy zzz wwww vvvvv",
    ];

    fn two_columns(gap: f32, n: usize) -> Vec<Vec<Word>> {
        let mut g = Vec::new();
        for i in 0..n {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(typed(50.0, y, LEFT[i % 4]));
            let right = 50.0 + 5.0 * 21.0 + gap;
            g.extend(typed(right, y, RIGHT[i % 4]));
        }
        rows(&g)
    }

    #[test]
    fn gutters_wide_and_narrow() {
        for gap in [30.0, 5.0] {
            let rows = two_columns(gap, 10);
            let gutters = find_gutters(&rows, 600.0);
            assert_eq!(gutters.len(), 1, "gap {gap}: {gutters:?}");
            let (a, b) = gutters[0];
            assert!(a >= 154.0 && b <= 155.0 + gap + 0.5, "{a} {b}");
            let lines = lines(rows, &gutters);
            assert!(
                lines
                    .iter()
                    .all(|l| l.col == usize::from(RIGHT.contains(&l.text.as_str())))
            );
        }
    }

    #[test]
    fn a_long_last_line_of_a_column_is_no_full_width_row() {
        // The left column's lines end by x = 155 but the last one, which
        // runs to 200; the right column starts at 218. The strip 155–200
        // is covered by that one line only, so the gutter's core widens
        // into it; the line's hole 200–218 stands out of its word gaps
        // (5 pt), and the row is two lines, not one full-width line.
        let mut g = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            let left = if i == 7 {
                "a long last line runs up to it"
            } else {
                LEFT[i % 4]
            };
            g.extend(typed(50.0, y, left));
            g.extend(typed(218.0, y, RIGHT[i % 4]));
        }
        let rows = rows(&g);
        let gutters = find_gutters(&rows, 600.0);
        assert_eq!(gutters.len(), 1, "{gutters:?}");
        let (a, b) = gutters[0];
        assert!(a >= 199.5 && b <= 218.5, "{a} {b}");
        let lines = lines(rows, &gutters);
        let last: Vec<(&str, usize)> = lines
            .iter()
            .filter(|l| l.y > 180.0)
            .map(|l| (l.text.as_str(), l.col))
            .collect();
        assert_eq!(last, [("a long last line runs up to it", 0), (RIGHT[3], 1)]);
    }

    #[test]
    fn a_hole_stands_out_of_a_row_only_when_wider_than_its_word_gaps() {
        let word = |x0: f32, x1: f32| Word {
            x0,
            x1,
            y: 100.0,
            size: 10.0,
            text: "w".into(),
        };
        // (words, the hole, whether it stands out)
        let cases: [(Vec<Word>, (f32, f32), bool); 4] = [
            // A column break: 18 pt beside 5 pt word gaps.
            (
                vec![word(0.0, 20.0), word(25.0, 60.0), word(78.0, 90.0)],
                (60.0, 78.0),
                true,
            ),
            // A title's evenly spaced words: the hole is one of its gaps.
            (
                vec![word(0.0, 20.0), word(32.0, 60.0), word(72.0, 90.0)],
                (60.0, 72.0),
                false,
            ),
            // Narrower than an em.
            (
                vec![word(0.0, 20.0), word(22.0, 60.0), word(68.0, 90.0)],
                (60.0, 68.0),
                false,
            ),
            // No word right of the hole: the core's edge, not a gap.
            (vec![word(0.0, 20.0), word(25.0, 60.0)], (60.0, 80.0), false),
        ];
        for (row, hole, want) in cases {
            assert_eq!(stands_out(&row, hole), want, "{hole:?}");
        }
    }

    #[test]
    fn a_centred_page_number_in_the_gutter_does_not_move_it() {
        let mut g = Vec::new();
        for i in 0..10 {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(typed(50.0, y, LEFT[i % 4]));
            g.extend(typed(50.0 + 5.0 * 21.0 + 30.0, y, RIGHT[i % 4]));
        }
        // «– 3 –» centred under the gutter (155–185).
        g.extend(typed(160.0, 250.0, "– 3 –"));
        let gutters = find_gutters(&rows(&g), 600.0);
        assert_eq!(gutters.len(), 1, "{gutters:?}");
        let (a, b) = gutters[0];
        assert!(a >= 154.0 && b <= 185.5, "{a} {b}");
    }

    /// `plain_table_ru.pdf`'s page, word boxes only: a justified lead
    /// paragraph whose stretched gaps (12–14 pt) line up just left of a
    /// borderless table's 8 pt gap (349.3–357.3), and row 5.13's label
    /// reaching 349.3. The lead's lines cover their gaps, so the gutter is
    /// the table's, row 5.13 stays two cells, and the lead's lines, a word
    /// of each across the gutter, are full width.
    #[test]
    fn a_justified_line_s_wide_gaps_are_no_gutter() {
        let boxes: &[(f32, &[(f32, f32)])] = &[
            (
                71.0,
                &[
                    (212.9, 240.2),
                    (244.1, 283.0),
                    (286.9, 325.7),
                    (329.5, 382.4),
                ],
            ),
            (
                104.0,
                &[
                    (56.8, 68.2),
                    (72.1, 111.9),
                    (115.7, 176.4),
                    (180.3, 273.1),
                    (276.8, 324.9),
                ],
            ),
            (
                122.0,
                &[
                    (56.8, 133.7),
                    (146.1, 186.7),
                    (199.1, 282.1),
                    (294.6, 337.8),
                    (350.3, 404.1),
                    (416.6, 422.8),
                    (435.2, 482.8),
                    (495.1, 538.1),
                ],
            ),
            (
                135.0,
                &[
                    (56.8, 118.9),
                    (132.5, 138.7),
                    (152.5, 199.6),
                    (213.4, 248.1),
                    (261.8, 288.8),
                    (302.6, 335.8),
                    (349.6, 390.3),
                    (404.1, 430.8),
                    (444.5, 458.3),
                    (472.1, 538.2),
                ],
            ),
            (148.0, &[(56.8, 169.2), (172.7, 241.7), (245.2, 308.6)]),
            (
                175.0,
                &[
                    (59.7, 128.7),
                    (132.4, 180.6),
                    (357.3, 389.0),
                    (392.8, 453.5),
                ],
            ),
            (
                193.0,
                &[
                    (59.7, 77.2),
                    (80.7, 136.9),
                    (140.4, 166.8),
                    (170.3, 221.8),
                    (225.2, 232.6),
                    (236.0, 264.8),
                    (268.3, 326.9),
                    (357.3, 364.3),
                    (367.8, 387.4),
                    (390.9, 424.4),
                    (427.9, 483.4),
                ],
            ),
            (206.0, &[(357.3, 409.4)]),
            (
                225.0,
                &[
                    (59.7, 77.2),
                    (80.7, 117.4),
                    (120.8, 207.4),
                    (210.9, 266.0),
                    (357.3, 364.3),
                    (367.8, 387.4),
                    (390.9, 424.4),
                    (427.9, 483.4),
                ],
            ),
            (237.0, &[(357.3, 409.4)]),
            (
                256.0,
                &[
                    (59.7, 77.2),
                    (80.7, 119.0),
                    (122.4, 190.9),
                    (194.4, 249.5),
                    (357.3, 364.3),
                    (367.8, 393.4),
                ],
            ),
            (
                274.0,
                &[
                    (59.7, 77.2),
                    (80.7, 115.4),
                    (118.9, 193.8),
                    (197.3, 233.3),
                    (357.3, 364.3),
                    (367.8, 393.4),
                ],
            ),
            (
                293.0,
                &[
                    (59.7, 77.2),
                    (80.7, 136.6),
                    (140.1, 146.8),
                    (150.2, 199.5),
                    (202.9, 236.7),
                    (240.2, 281.8),
                    (285.4, 292.7),
                ],
            ),
            (299.0, &[(357.3, 364.3), (367.8, 387.4)]),
            (306.0, &[(59.7, 123.7), (127.2, 185.8)]),
            (
                324.0,
                &[
                    (59.7, 77.2),
                    (80.7, 178.8),
                    (182.3, 225.6),
                    (229.1, 303.5),
                    (307.0, 338.4),
                ],
            ),
            (
                331.0,
                &[
                    (357.3, 364.3),
                    (367.8, 386.9),
                    (390.4, 424.0),
                    (427.5, 519.9),
                ],
            ),
            (
                337.0,
                &[
                    (59.7, 129.0),
                    (132.5, 154.2),
                    (157.7, 219.6),
                    (223.1, 319.8),
                ],
            ),
            (
                355.0,
                &[
                    (59.7, 77.2),
                    (80.7, 122.2),
                    (125.6, 196.6),
                    (200.1, 264.7),
                    (268.2, 274.4),
                    (277.8, 334.1),
                    (357.3, 364.3),
                    (367.8, 393.4),
                ],
            ),
            (
                374.0,
                &[
                    (59.7, 77.2),
                    (80.7, 122.2),
                    (125.6, 231.0),
                    (234.6, 240.7),
                    (244.1, 279.4),
                    (357.3, 371.3),
                    (374.8, 402.7),
                ],
            ),
            (
                392.0,
                &[
                    (59.7, 77.2),
                    (80.7, 119.4),
                    (122.9, 158.9),
                    (162.5, 176.3),
                    (179.8, 212.5),
                    (357.3, 364.3),
                    (367.8, 415.6),
                ],
            ),
            (
                411.0,
                &[
                    (59.7, 84.2),
                    (87.7, 143.1),
                    (146.6, 178.9),
                    (182.4, 188.5),
                    (192.0, 237.0),
                    (240.6, 287.9),
                    (357.3, 371.3),
                    (374.8, 422.6),
                ],
            ),
            (
                429.0,
                &[
                    (59.7, 84.2),
                    (87.7, 150.7),
                    (154.2, 205.2),
                    (208.6, 277.9),
                    (281.5, 294.8),
                ],
            ),
            (436.0, &[(357.3, 364.3), (367.8, 387.4)]),
            (442.0, &[(59.7, 126.6), (130.0, 159.9)]),
            (
                461.0,
                &[
                    (59.7, 84.2),
                    (87.7, 155.2),
                    (158.7, 166.0),
                    (169.5, 215.1),
                    (218.7, 272.5),
                    (357.3, 364.3),
                    (367.8, 393.4),
                    (396.9, 430.5),
                    (434.0, 472.1),
                ],
            ),
            (
                479.0,
                &[
                    (59.7, 84.2),
                    (87.7, 141.9),
                    (145.4, 159.4),
                    (162.8, 189.2),
                    (192.8, 200.1),
                    (203.6, 263.1),
                    (266.5, 349.3),
                    (357.3, 382.1),
                    (385.6, 412.3),
                    (415.7, 469.0),
                    (472.6, 524.7),
                    (528.2, 535.5),
                ],
            ),
            (
                492.0,
                &[
                    (59.7, 102.6),
                    (357.3, 364.3),
                    (367.8, 387.4),
                    (390.9, 424.4),
                    (427.9, 446.8),
                    (450.3, 505.8),
                ],
            ),
            (
                511.0,
                &[
                    (59.7, 84.2),
                    (87.7, 133.0),
                    (136.5, 212.0),
                    (215.5, 222.8),
                    (226.4, 311.5),
                    (357.3, 364.3),
                    (367.8, 387.4),
                    (390.9, 424.4),
                    (427.9, 483.4),
                ],
            ),
            (523.0, &[(357.3, 409.4)]),
            (
                547.0,
                &[
                    (56.8, 73.0),
                    (76.5, 138.3),
                    (141.9, 181.3),
                    (184.8, 240.0),
                    (243.5, 286.7),
                    (290.2, 380.3),
                    (383.8, 390.4),
                    (393.8, 416.2),
                    (419.6, 497.0),
                    (500.4, 523.4),
                ],
            ),
        ];
        let rows: Vec<Vec<Word>> = boxes
            .iter()
            .map(|(y, ws)| {
                ws.iter()
                    .map(|&(x0, x1)| Word {
                        x0,
                        x1,
                        y: *y,
                        size: 11.0,
                        text: "слово".into(),
                    })
                    .collect()
            })
            .collect();
        let gutters = find_gutters(&rows, 595.0);
        assert_eq!(gutters.len(), 1, "{gutters:?}");
        let (a, b) = gutters[0];
        assert!(a >= 349.0 && b <= 357.5, "{a} {b}");
        let lines = lines(rows, &gutters);
        let cols =
            |y: f32| -> Vec<usize> { lines.iter().filter(|l| l.y == y).map(|l| l.col).collect() };
        assert_eq!(cols(122.0), [FULL_WIDTH]);
        assert_eq!(cols(135.0), [FULL_WIDTH]);
        assert_eq!(cols(479.0), [0, 1]);
    }

    #[test]
    fn word_gaps_are_not_gutters_and_headings_cross() {
        let mut g = Vec::new();
        // One column of justified-looking lines with word gaps at varying x.
        for i in 0..12 {
            let y = 100.0 + 12.0 * i as f32;
            let shift = (i % 4) as f32 * 7.0;
            g.extend(typed(50.0 + shift, y, &"word ".repeat(8 + i % 3)));
        }
        assert!(find_gutters(&rows(&g), 600.0).is_empty());

        // A title across the gutter is full width; the columns keep theirs.
        let mut g = typed(60.0, 80.0, "a title running across both columns and beyond");
        for i in 0..10 {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(typed(50.0, y, LEFT[i % 4]));
            g.extend(typed(200.0, y, RIGHT[i % 4]));
        }
        let rows = rows(&g);
        let gutters = find_gutters(&rows, 600.0);
        assert_eq!(gutters.len(), 1);
        let lines = lines(rows, &gutters);
        assert_eq!(lines[0].col, FULL_WIDTH);
        let segs = reading_order(lines);
        let cols: Vec<usize> = segs.iter().map(|s| s.col).collect();
        assert_eq!(cols, [FULL_WIDTH, 0, 1]);
        assert_eq!(segs[1].lines.len(), 10);
    }

    #[test]
    fn page_numbers() {
        for t in [
            "7",
            "— 7 —",
            "- 12 -",
            "7/12",
            "7 из 12",
            "Page 3 of 9",
            "стр. 4",
            "Страница 2",
            "[3]",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in [
            "1.1. Жалпы",
            "2025 ж.",
            "7 сентября",
            "",
            "Бет 1 / Страница 1",
            "12345",
        ] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn repeated_headers_and_page_numbers() {
        let page = |n: usize, body: &str| {
            (
                vec![
                    line("ТОО «МФО» · МҚҰ", 50.0, 300.0, 40.0),
                    line(body, 50.0, 300.0, 100.0),
                    line(&format!("— {n} —"), 280.0, 310.0, 815.0),
                    line(&format!("Бет {n} / Страница {n}"), 250.0, 340.0, 800.0),
                ],
                842.0,
            )
        };
        let pages = vec![page(1, "a"), page(2, "b"), page(3, "c")];
        let marks = find_noise(&pages);
        for m in &marks {
            assert_eq!(
                m,
                &vec![
                    Some(DropKind::RepeatedHeader),
                    None,
                    Some(DropKind::PageNumber),
                    Some(DropKind::RepeatedHeader)
                ]
            );
        }
        // One page: a bare number equal to the page is still a page number.
        let marks = find_noise(&[(
            vec![line("1", 290.0, 296.0, 820.0), line("x", 50.0, 60.0, 30.0)],
            842.0,
        )]);
        assert_eq!(marks[0], vec![Some(DropKind::PageNumber), None]);
        // A bare number at the top of a page beside the other column's line
        // (an address wrapped at «д.» / «203.») is text, not a page number.
        let first = (vec![line("1.1 Мәтін", 71.0, 218.0, 300.0)], 842.0);
        let last = (
            vec![
                line("Рысқұлов көшесі, 203-үй.", 71.0, 218.0, 84.0),
                line("203.", 312.0, 336.0, 84.0),
                line("2", 290.0, 296.0, 815.0),
            ],
            842.0,
        );
        let marks = find_noise(&[first, last]);
        assert_eq!(marks[1], vec![None, None, Some(DropKind::PageNumber)]);
    }

    #[test]
    fn a_section_title_at_a_page_top_is_not_wrapped_into_the_next_clause() {
        // Clauses numbered on through the sections: «4.» titles a section
        // at the top of a page (the «14.» before it on the last page) and
        // reaches the narrow column's edge without a stop; «15.» opens a
        // clause. A sentence wrapped before a lower number stays one.
        let lines = vec![
            line(
                "4. Сіздің құқықтарыңыз: сұрақтар мен жауаптар",
                50.0,
                290.0,
                100.0,
            ),
            line(
                "15. Мен туралы қандай деректер сақталатынын",
                50.0,
                290.0,
                112.0,
            ),
            line(
                "білуге бола ма? Иә, сұрауыңыз бойынша береміз",
                50.0,
                290.0,
                124.0,
            ),
            line(
                "мерзімі – ережедегі 2. тармақта көрсетілген",
                50.0,
                120.0,
                136.0,
            ),
        ];
        let paras = paragraphs(&lines, (50.0, 291.0), false, None, &[]);
        let firsts: Vec<&str> = paras.iter().map(|p| p.lines[0].text.as_str()).collect();
        assert_eq!(firsts.len(), 2, "{firsts:?}");
        assert!(firsts[1].starts_with("15."));
    }

    #[test]
    fn paragraphs_by_gap_indent_and_number() {
        let lines = vec![
            line("1.1. First clause text that wraps", 50.0, 290.0, 100.0),
            line("to a second line", 50.0, 150.0, 112.0),
            // A bigger gap.
            line("Second paragraph text that goes", 50.0, 289.0, 130.0),
            line("on and ends", 50.0, 120.0, 142.0),
            // An indented first line after a short one.
            line("Third paragraph, indented", 65.0, 290.0, 154.0),
            line("continuing at the margin", 50.0, 291.0, 166.0),
            // A number after a short line.
            line("ends here.", 50.0, 100.0, 178.0),
            line("2) item", 50.0, 100.0, 190.0),
            line("• bullet point text reaching far", 50.0, 290.0, 202.0),
            line("- 1.2. ought not to split a wrapped", 50.0, 291.0, 214.0),
        ];
        let paras = paragraphs(&lines, (50.0, 291.0), false, None, &[]);
        let texts: Vec<Vec<&str>> = paras
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert_eq!(
            texts[0],
            ["1.1. First clause text that wraps", "to a second line"]
        );
        assert_eq!(texts[1].len(), 2);
        assert_eq!(texts[2].len(), 3);
        assert_eq!(texts[3], ["2) item"]);
        assert_eq!(paras[4].hint, BlockHint::Bullet);
        assert_eq!(paras[5].hint, BlockHint::Bullet);
        assert!(
            paras[0].starts_paragraph && paras[1].starts_paragraph && paras[2].starts_paragraph
        );
        assert!(!paras[0].ends_wrapped && !paras[1].ends_wrapped);
        assert!(paras[5].ends_wrapped);
    }

    #[test]
    fn numbers_and_bullets() {
        for t in [
            "1. Жалпы",
            "2.4. тармағы",
            "3) item",
            "а) пункт",
            "(b) біз",
            "IV. Title",
            "12.3.1 x",
        ] {
            assert!(is_numbered(t) || t == "12.3.1 x", "{t}");
        }
        for t in [
            "18 жасқа",
            "2025 ж.",
            "МҚҰ-на",
            "(МҚҰ)",
            "",
            "word.",
            "(71333) 3-40-02 телефоны",
            "(727) 311 45 08",
            "2025. Жыл",
        ] {
            assert!(!is_numbered(t), "{t}");
        }
        assert!(is_bullet("• x") && is_bullet("- x") && !is_bullet("-5%") && !is_bullet("x"));
    }

    /// A Word-style numbered list: «3.1.» at x 78, its text at the tab
    /// stop 106, continuation lines at 106 too; headings at 57.
    fn hanging_list() -> Vec<Vec<Word>> {
        let mut g = Vec::new();
        let mut y = 100.0;
        for k in 1..=6 {
            g.extend(typed(57.0, y, &format!("{k}. Тақырып")));
            y += 15.0;
            g.extend(typed(78.0, y, &format!("{k}.1.")));
            g.extend(typed(106.0, y, "Компания дербес деректерді өңдейді"));
            y += 15.0;
            g.extend(typed(106.0, y, "мынадай мақсаттарда пайдаланады."));
            y += 15.0;
        }
        rows(&g)
    }

    #[test]
    fn hanging_labels_are_no_column() {
        let list = hanging_list();
        assert!(find_gutters(&list, 600.0).is_empty());
        let lines = lines(list, &[]);
        let label = lines.iter().find(|l| l.text.starts_with("1.1.")).unwrap();
        assert_eq!(label.text, "1.1. Компания дербес деректерді өңдейді");
        assert_eq!((label.x0, label.body_x), (78.0, 106.0));
        // A running header across the strip spans the page: the labels
        // are still no column (its first word alone is left of them).
        // Five clauses a heading, so that few rows cross the strip.
        let mut g = typed(57.0, 60.0, "«Орда» ЖШС | ТОО «МФО Орда» дербес деректер");
        let mut y = 80.0;
        for k in 1..=2 {
            g.extend(typed(57.0, y, &format!("{k}. Тақырып")));
            for m in 1..=5 {
                y += 15.0;
                g.extend(typed(78.0, y, &format!("{k}.{m}.")));
                g.extend(typed(106.0, y, "Компания дербес деректерді өңдейді"));
                y += 15.0;
                g.extend(typed(106.0, y, "мынадай мақсаттарда пайдаланады."));
            }
            y += 15.0;
        }
        assert!(find_gutters(&rows(&g), 600.0).is_empty());
        // Labels with text of their own left of the strip are a column.
        let mut g = Vec::new();
        for i in 0..10 {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(typed(50.0, y, LEFT[i % 4]));
            g.extend(typed(50.0 + 5.0 * 21.0 + 20.0, y, RIGHT[i % 4]));
        }
        assert_eq!(find_gutters(&rows(&g), 600.0).len(), 1);
    }

    #[test]
    fn a_cell_border_between_two_lines_starts_a_paragraph() {
        // LibreOffice's kk | ru table, no padding: the heading row lies at
        // the line pitch under the clause's last line, its border between.
        let lines = [
            line(
                "2.3 Қызмет көрсету залында бейнебақылау",
                71.0,
                290.0,
                100.0,
            ),
            line("жүргізіледі, ескерту ілінген.", 71.0, 234.0, 112.0),
            line("3-бөлім. Келісім", 71.0, 190.0, 124.0),
            line("3.1 Клиент келісімді береді.", 71.0, 220.0, 136.0),
        ];
        let border = |y: f32, x0: f32, x1: f32| Rule {
            x0,
            y0: y - 0.05,
            x1,
            y1: y + 0.05,
        };
        let texts = |rules: &[Rule]| -> Vec<usize> {
            paragraphs(&lines, (71.0, 300.0), false, None, rules)
                .iter()
                .map(|p| p.lines.len())
                .collect()
        };
        assert_eq!(texts(&[]), [3, 1], "no rule: the heading is glued");
        let cells = [border(114.0, 65.7, 306.4), border(126.0, 65.7, 306.4)];
        assert_eq!(texts(&cells), [2, 1, 1]);
        let paras = paragraphs(&lines, (71.0, 300.0), false, None, &cells);
        assert!(paras[1].starts_paragraph);
        // An underline of the clause's last line starts where its text does.
        assert_eq!(texts(&[border(114.0, 71.0, 234.0)]), [3, 1]);
    }

    #[test]
    fn a_hanging_indent_line_goes_on_its_labelled_text() {
        // «1.3. Саясат … Қазақстан» ends short: «Республикасының» did not fit.
        let mut first = line("1.3. Саясат Заңына сәйкес Қазақстан", 78.0, 400.0, 100.0);
        first.body_x = 106.0;
        let lines = [
            first,
            line(
                "Республикасының Заңына сәйкес әзірленді.",
                106.0,
                500.0,
                112.0,
            ),
            line("2.1. Саясатта мынадай ұғымдар:", 78.0, 300.0, 124.0),
            line("дербес деректер – мәліметтер;", 106.0, 300.0, 136.0),
        ];
        let paras = paragraphs(&lines, (57.0, 520.0), false, None, &[]);
        let texts: Vec<Vec<&str>> = paras
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec![
                    "1.3. Саясат Заңына сәйкес Қазақстан",
                    "Республикасының Заңына сәйкес әзірленді."
                ],
                vec!["2.1. Саясатта мынадай ұғымдар:"],
                vec!["дербес деректер – мәліметтер;"],
            ]
        );
    }

    #[test]
    fn wrapped_lines_right_of_the_label_s_text_go_on_with_it() {
        // A label set as a bullet before a wider indent (reportlab's
        // `bulletText`): the text after «1.2.» starts at 100, the wrapped
        // line at 108, and it opens with a capital («Дербес…»).
        let mut first = line(
            "1.2. Саясат Қазақстан Республикасының 2013 жылғы № 94-V",
            77.0,
            503.0,
            100.0,
        );
        first.body_x = 100.2;
        let lines = [
            first,
            line(
                "«Дербес деректер және оларды қорғау туралы» Заңына сәйкес әзірленді.",
                108.0,
                524.0,
                114.0,
            ),
            line(
                "1.3. Саясат барлық клиенттерге қолданылады.",
                77.0,
                400.0,
                132.0,
            ),
        ];
        let paras = paragraphs(&lines, (57.0, 536.0), false, None, &[]);
        let counts: Vec<usize> = paras.iter().map(|p| p.lines.len()).collect();
        assert_eq!(counts, [2, 1]);
    }

    #[test]
    fn requisite_lines_are_paragraphs_of_their_own() {
        let lines = [
            line(
                "Заңды мекенжайы: 080000, Жамбыл облысы,",
                67.0,
                300.0,
                100.0,
            ),
            line(
                "Тараз қ., Қазыбек би к-сі, 121, 5-кеңсе",
                67.0,
                300.0,
                112.0,
            ),
            line("Телефон: 8 (7262) 45-19-19", 67.0, 210.0, 124.0),
            line("E-mail: privacy@moiynkum-credit.kz", 67.0, 254.0, 136.0),
            line("БСН 210240033417", 67.0, 150.0, 148.0),
        ];
        let paras = paragraphs(&lines, (45.0, 550.0), true, None, &[]);
        let sizes: Vec<usize> = paras.iter().map(|p| p.lines.len()).collect();
        assert_eq!(sizes, [2, 1, 1, 1]);
    }

    #[test]
    fn a_large_centred_title_is_one_paragraph() {
        let big = |text: &str, x0: f32, x1: f32, y: f32| Line {
            size: 24.0,
            ..line(text, x0, x1, y)
        };
        let mut lines = vec![
            big("«ЖІБЕК ҚАДАМ» МИКРОҚАРЖЫ", 118.5, 458.5, 100.0),
            big("ҰЙЫМЫ» ЖШС ДЕРБЕС", 178.5, 398.5, 128.0),
            line("Директордың бұйрығымен бекітілген.", 150.0, 390.0, 150.0),
        ];
        for k in 0..8 {
            lines.push(line(
                "Компания дербес деректерді өңдейді және",
                57.0,
                520.0,
                170.0 + 14.0 * k as f32,
            ));
        }
        let paras = paragraphs(&lines, (57.0, 520.0), false, None, &[]);
        assert_eq!(paras[0].lines.len(), 2, "{:?}", paras[0].lines);
        assert!(
            paras[1].starts_paragraph,
            "a change of size starts a paragraph"
        );
    }

    fn sized(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> Line {
        Line {
            size,
            ..line(text, x0, x1, y)
        }
    }

    fn texts(paras: &[Para]) -> Vec<String> {
        paras
            .iter()
            .map(|p| {
                p.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// A centred bold title whose widest line nearly spans the column, then
    /// an approval line a point smaller set flush right (typst): the title
    /// stays whole, the approval line is one paragraph of its own although
    /// no gap sets it apart.
    #[test]
    fn a_title_then_a_flush_right_line_a_size_smaller() {
        let lines = vec![
            sized("ПОЛОЖЕНИЕ ОБ ОБРАБОТКЕ", 341.7, 518.6, 70.3, 10.5),
            sized("ПЕРСОНАЛЬНЫХ ДАННЫХ КЛИЕНТОВ", 315.6, 544.7, 84.1, 10.5),
            sized("ТОО «МИКРОФИНАНСОВАЯ", 347.3, 513.0, 97.8, 10.5),
            sized("ОРГАНИЗАЦИЯ «КӨКТЕРЕК ҚАРЖЫ»", 318.3, 542.0, 111.6, 10.5),
            sized(
                "Утверждено решением единственного",
                354.2,
                549.9,
                124.5,
                9.5,
            ),
            sized("участника № 4 от 03.03.2025.", 403.8, 552.3, 137.0, 9.5),
            sized("1. Общие положения", 310.4, 427.3, 148.4, 9.5),
            sized(
                "1.1. Положение разработано на основании",
                310.4,
                527.0,
                160.9,
                9.5,
            ),
            sized(
                "Закона Республики Казахстан от 21 мая 2013",
                310.4,
                540.8,
                173.3,
                9.5,
            ),
            sized(
                "года № 94-V «О персональных данных и их",
                310.4,
                528.0,
                185.8,
                9.5,
            ),
        ];
        let paras = paragraphs(&lines, (310.4, 552.3), false, None, &[]);
        assert_eq!(
            texts(&paras)[..3],
            [
                "ПОЛОЖЕНИЕ ОБ ОБРАБОТКЕ ПЕРСОНАЛЬНЫХ ДАННЫХ КЛИЕНТОВ ТОО «МИКРОФИНАНСОВАЯ ОРГАНИЗАЦИЯ «КӨКТЕРЕК ҚАРЖЫ»",
                "Утверждено решением единственного участника № 4 от 03.03.2025.",
                "1. Общие положения",
            ]
        );
    }

    /// The same in reportlab: the approval line is 15 % smaller and lies a
    /// little further below the title than the title's own pitch, and its
    /// first line nearly fills the column, so it looks centred too.
    #[test]
    fn a_smaller_line_a_little_further_below_starts_a_paragraph() {
        let lines = vec![
            sized("ПОЛОЖЕНИЕ ОБ ОБРАБОТКЕ", 342.7, 511.2, 74.2, 10.0),
            sized("ПЕРСОНАЛЬНЫХ ДАННЫХ КЛИЕНТОВ", 317.8, 536.1, 86.7, 10.0),
            sized("ТОО «МИКРОФИНАНСОВАЯ", 348.1, 505.8, 99.2, 10.0),
            sized("ОРГАНИЗАЦИЯ «КӨКТЕРЕК ҚАРЖЫ»", 320.4, 533.4, 111.7, 10.0),
            sized(
                "Утверждено решением единственного участника",
                320.2,
                544.3,
                125.7,
                8.5,
            ),
            sized("№ 4 от 03.03.2025.", 460.4, 544.3, 137.2, 8.5),
            sized("1. Общие положения", 309.6, 420.4, 152.2, 9.0),
            sized(
                "1.1. Положение разработано на основании",
                309.6,
                514.8,
                166.7,
                9.0,
            ),
            sized(
                "Закона Республики Казахстан от 21 мая 2013",
                309.6,
                527.9,
                178.2,
                9.0,
            ),
            sized(
                "года № 94-V «О персональных данных и их",
                309.6,
                515.8,
                189.7,
                9.0,
            ),
            sized(
                "защите» (далее – Закон) и определяет, как ТОО",
                309.6,
                539.9,
                201.2,
                9.0,
            ),
        ];
        let paras = paragraphs(&lines, (309.6, 544.3), false, None, &[]);
        assert_eq!(
            texts(&paras)[..3],
            [
                "ПОЛОЖЕНИЕ ОБ ОБРАБОТКЕ ПЕРСОНАЛЬНЫХ ДАННЫХ КЛИЕНТОВ ТОО «МИКРОФИНАНСОВАЯ ОРГАНИЗАЦИЯ «КӨКТЕРЕК ҚАРЖЫ»",
                "Утверждено решением единственного участника № 4 от 03.03.2025.",
                "1. Общие положения",
            ]
        );
    }

    /// Contact lines indented in a table cell, each its own paragraph, two
    /// of them wrapped: a wrapped line keeps the block's indent and its
    /// line above stops short of the edge, yet its first word had no room
    /// there, so it goes on that line.
    #[test]
    fn a_wrapped_line_of_an_indented_block_goes_on() {
        let mut lines = vec![
            line(
                "6.3. Действующая редакция Политики размещена",
                302.6,
                543.3,
                518.0,
            ),
            line(
                "на сайте www.moiynkum-credit.kz в разделе",
                302.6,
                511.3,
                529.5,
            ),
            line("«Документы».", 302.6, 370.4, 541.0),
            line("6.4. Контактные данные Общества:", 302.6, 473.0, 558.5),
        ];
        for (text, x1, y) in [
            ("Юридический адрес: 080000, Жамбылская", 519.4, 576.0),
            ("область,", 355.3, 587.5),
            ("г. Тараз, ул. Казыбек би, 121, офис 5", 490.4, 605.0),
            ("Телефон: 8 (7262) 45-19-19", 444.2, 622.5),
            ("ИИК KZ928560000007541203, АО «Банк", 502.8, 640.0),
            ("ЦентрКредит»", 384.5, 651.5),
        ] {
            lines.push(line(text, 314.6, x1, y));
        }
        let paras = paragraphs(&lines, (302.6, 547.8), false, None, &[]);
        assert_eq!(
            texts(&paras)[1..],
            [
                "6.4. Контактные данные Общества:",
                "Юридический адрес: 080000, Жамбылская область,",
                "г. Тараз, ул. Казыбек би, 121, офис 5",
                "Телефон: 8 (7262) 45-19-19",
                "ИИК KZ928560000007541203, АО «Банк ЦентрКредит»",
            ]
        );
    }

    /// A line of table cells `(text, x0, x1)` set side by side.
    fn cells_line(cells: &[(&str, f32, f32)], y: f32) -> Line {
        let mut l = line(cells[0].0, cells[0].1, cells[0].2, y);
        for w in cells.windows(2) {
            l.text.push(' ');
            l.breaks.push(Break {
                before: w[0].2,
                x: w[1].1,
                at: l.text.len(),
            });
            l.text.push_str(w[1].0);
        }
        l.x1 = cells.last().map_or(l.x1, |c| c.2);
        l
    }

    #[test]
    fn a_cell_gap_is_far_wider_than_the_line_s_word_gaps() {
        let w = |t: &str, x0: f32, x1: f32| Word {
            x0,
            x1,
            y: 100.0,
            size: 10.0,
            text: t.into(),
        };
        // Justified in a narrow column: every gap 2 em wide, none a cell's.
        let justified = [
            w("Сіз", 0.0, 20.0),
            w("өз", 40.0, 55.0),
            w("деректеріңіз", 75.0, 150.0),
        ];
        assert!(make_line(&justified, 0).unwrap().breaks.is_empty());
        let row = [
            w("Отклоненная", 71.0, 140.0),
            w("заявка", 142.5, 180.0),
            w("1", 307.7, 312.0),
            w("год", 314.5, 330.0),
        ];
        let row = make_line(&row, 0).unwrap();
        assert_eq!(row.breaks.len(), 1);
        assert_eq!(&row.text[row.breaks[0].at..], "1 год");
        assert_eq!((row.breaks[0].before, row.breaks[0].x), (180.0, 307.7));
    }

    #[test]
    fn the_line_pitch_is_the_smallest_that_recurs() {
        // Rows of a table set 13.8 pt apart, their wrapped lines 10.8.
        let gaps = [10.8, 10.8, 13.8, 13.8, 13.8, 13.8, 13.8];
        assert_eq!(line_pitch(&gaps), Some(10.8));
        // One gap of its kind is no pitch.
        assert_eq!(line_pitch(&[9.0, 12.0, 12.0, 12.1]), Some(12.0));
        assert_eq!(line_pitch(&[]), None);
    }

    #[test]
    fn a_table_in_the_column_gives_a_paragraph_per_row() {
        // A Word table of two columns too short for a gutter: each row one
        // line with a wide gap, its wrapped cells below at the cell's x.
        let lines = vec![
            line(
                "9. Данные хранятся на собственных серверах Компании",
                71.0,
                540.0,
                88.4,
            ),
            line("в городе Уральске.", 71.0, 200.0, 100.0),
            line(
                "10. Сроки хранения сведений приведены ниже:",
                71.0,
                381.0,
                113.0,
            ),
            cells_line(
                &[
                    ("Вид сведений", 71.0, 152.0),
                    ("Срок хранения", 307.7, 393.0),
                ],
                126.0,
            ),
            cells_line(
                &[
                    ("Отклоненная заявка", 71.0, 180.0),
                    ("1 (один) год со дня отказа", 307.7, 448.0),
                ],
                139.2,
            ),
            cells_line(
                &[
                    ("Договор микрокредита и график", 71.0, 245.8),
                    ("пять лет после полного погашения", 307.7, 495.0),
                ],
                152.4,
            ),
            line("платежей", 71.0, 123.7, 164.0),
            cells_line(
                &[
                    ("Биометрия заемщика", 71.0, 185.0),
                    ("до завершения идентификации, но не", 307.7, 511.0),
                ],
                177.2,
            ),
            line("дольше 30 дней", 307.7, 393.4, 188.8),
            line(
                "11. Резервные копии базы данных хранятся 14 дней, затем",
                71.0,
                543.7,
                204.0,
            ),
            line("поверх них записываются новые.", 71.0, 300.0, 215.6),
        ];
        let paras = paragraphs(&lines, (71.0, 544.0), false, None, &[]);
        assert_eq!(
            texts(&paras),
            [
                "9. Данные хранятся на собственных серверах Компании в городе Уральске.",
                "10. Сроки хранения сведений приведены ниже:",
                "Вид сведений Срок хранения",
                "Отклоненная заявка 1 (один) год со дня отказа",
                "Договор микрокредита и график платежей пять лет после полного погашения",
                "Биометрия заемщика до завершения идентификации, но не дольше 30 дней",
                "11. Резервные копии базы данных хранятся 14 дней, затем поверх них записываются новые.",
            ]
        );
        assert!(
            paras[2..6]
                .iter()
                .all(|p| p.starts_paragraph && !p.ends_wrapped)
        );
        // Justified text's gaps are no cells: without rows there is no table.
        assert!(table_columns(&lines[..3], 71.0).is_empty());
    }

    fn hrule(y: f32, x0: f32, x1: f32) -> Rule {
        Rule {
            x0,
            y0: y - 0.24,
            x1,
            y1: y + 0.24,
        }
    }

    fn vrule(x: f32, y0: f32, y1: f32) -> Rule {
        Rule {
            x0: x - 0.24,
            y0,
            x1: x + 0.24,
            y1,
        }
    }

    /// A Word tariff table of three columns (label | KZT | USD), ruled cell
    /// by cell: a label wrapped over two lines, its values set in the
    /// vertical centre of the row; a KZT value merged over rows 3.1 and
    /// 3.2 (no rule under it between them), its baseline in row 3.2.
    fn tariff_table() -> (Vec<(Line, ())>, Vec<Rule>) {
        let cell = |t: &str, x0: f32, y: f32, col: usize| Line {
            col,
            ..line(t, x0, x0 + 5.0 * t.chars().count() as f32, y)
        };
        let lines = vec![
            cell("Тарифы по карте", 55.0, 88.0, 15),
            cell("1. Валюта", 55.0, 113.0, 0),
            cell("KZT", 260.0, 113.0, 1),
            cell("USD", 360.0, 113.0, 2),
            cell("2. Выпуск карты (именная", 55.0, 132.0, 0),
            cell("3 500 KZT", 260.0, 138.0, 1),
            cell("10 USD", 360.0, 138.0, 2),
            cell("карта) – 2 дня", 55.0, 144.0, 0),
            cell("3.1 По истечении срока", 55.0, 163.0, 0),
            cell("1 USD", 360.0, 163.0, 2),
            cell("0 KZT", 260.0, 173.0, 1),
            cell("3.2 По просьбе клиента", 55.0, 183.0, 0),
            cell("2 USD", 360.0, 183.0, 2),
            cell("Примечание: тарифы с НДС.", 55.0, 210.0, 15),
        ];
        let mut rules = Vec::new();
        for y in [100.0, 120.0, 150.0, 190.0] {
            // Word draws a border cell by cell.
            for (x0, x1) in [(50.0, 250.0), (250.0, 350.0), (350.0, 450.0)] {
                rules.push(hrule(y, x0, x1));
            }
        }
        // Under 3.1: the label and USD cells only (the KZT cell is merged).
        rules.push(hrule(170.0, 50.0, 250.0));
        rules.push(hrule(170.0, 350.0, 450.0));
        for (y0, y1) in [
            (100.0, 120.0),
            (120.0, 150.0),
            (150.0, 170.0),
            (170.0, 190.0),
        ] {
            for x in [50.0, 250.0, 350.0, 450.0] {
                rules.push(vrule(x, y0, y1));
            }
        }
        (lines.into_iter().map(|l| (l, ())).collect(), rules)
    }

    fn row_texts(segments: &[Segment]) -> Vec<String> {
        segments
            .iter()
            .map(|s| {
                let t: Vec<&str> = s.lines.iter().map(|l| l.text.as_str()).collect();
                format!("{}{}", if s.row { "row: " } else { "" }, t.join(" "))
            })
            .collect()
    }

    #[test]
    fn a_ruled_tariff_table_is_read_row_by_row() {
        let (lines, rules) = tariff_table();
        let gutters = [(250.0, 258.0), (350.0, 358.0)];
        let (rows, rest) = ruled_rows(lines, &rules, &gutters);
        assert_eq!(rows.len(), 4, "{rows:?}");
        let rest: Vec<Line> = rest.into_iter().map(|(l, _)| l).collect();
        let segments = reading_order_with_rows(rest, rows);
        assert_eq!(
            row_texts(&segments),
            [
                "Тарифы по карте",
                "row: 1. Валюта KZT USD",
                // The wrapped label stays whole, before its values.
                "row: 2. Выпуск карты (именная карта) – 2 дня 3 500 KZT 10 USD",
                // The merged value goes with the first row it spans.
                "row: 3.1 По истечении срока 0 KZT 1 USD",
                "row: 3.2 По просьбе клиента 2 USD",
                "Примечание: тарифы с НДС.",
            ]
        );
        // Without rules nothing changes.
        let (lines, _) = tariff_table();
        let (rows, rest) = ruled_rows(lines, &[], &gutters);
        assert!(rows.is_empty() && rest.len() == 14);
    }

    #[test]
    fn a_ruled_table_of_parallel_texts_is_left_to_its_columns() {
        // kk | ru, each cell numbered: the columns are read as they are.
        let cell = |t: &str, x0: f32, y: f32, col: usize| {
            (
                Line {
                    col,
                    ..line(t, x0, x0 + 150.0, y)
                },
                (),
            )
        };
        let lines = vec![
            cell("1. Осы Саясат дербес", 55.0, 113.0, 0),
            cell("деректерді өңдеу тәртібін", 55.0, 125.0, 0),
            cell("1. Настоящая Политика", 255.0, 113.0, 1),
            cell("определяет порядок", 255.0, 125.0, 1),
            cell("2. Компания деректерді", 55.0, 143.0, 0),
            cell("2. Компания обрабатывает", 255.0, 143.0, 1),
            cell("3. Деректер сақталады", 55.0, 163.0, 0),
            cell("3. Данные хранятся", 255.0, 163.0, 1),
        ];
        let mut rules = Vec::new();
        for y in [100.0, 132.0, 152.0, 172.0] {
            rules.push(hrule(y, 50.0, 450.0));
        }
        rules.push(vrule(250.0, 100.0, 172.0));
        let (rows, rest) = ruled_rows(lines.clone(), &rules, &[(240.0, 254.0)]);
        assert!(rows.is_empty());
        assert_eq!(rest, lines);
        // Unnumbered cells as long on both sides: parallel too.
        let plain: Vec<(Line, ())> = lines
            .iter()
            .map(|(l, u)| {
                let text = l
                    .text
                    .split_once(' ')
                    .map_or(l.text.clone(), |x| x.1.to_string());
                (Line { text, ..l.clone() }, *u)
            })
            .collect();
        assert!(ruled_rows(plain, &rules, &[(240.0, 254.0)]).0.is_empty());
    }

    /// A line of words typed from `cells` (`(x0, text)`, 5 pt a char,
    /// words one space apart), as [`make_line`] builds it.
    fn typed_line(cells: &[(f32, &str)], y: f32) -> (Line, ()) {
        let mut words = Vec::new();
        for &(mut x, text) in cells {
            for w in text.split(' ') {
                let x1 = x + 5.0 * w.chars().count() as f32;
                words.push(Word {
                    x0: x,
                    x1,
                    y,
                    size: 10.0,
                    text: w.to_string(),
                });
                x = x1 + 5.0;
            }
        }
        (make_line(&words, 0).unwrap(), ())
    }

    /// «№ | right | how to use it», ruled, on a page without gutters: each
    /// line runs across the cell borders.
    fn rights_table(right: [&str; 3], how: [&str; 3]) -> (Vec<(Line, ())>, Vec<Rule>) {
        let lines = vec![
            typed_line(&[(55.0, "№"), (75.0, right[0]), (255.0, how[0])], 113.0),
            typed_line(&[(55.0, "1"), (75.0, right[1]), (255.0, how[1])], 133.0),
            typed_line(
                &[(75.0, "и получать сведения о них"), (255.0, "в офис")],
                145.0,
            ),
            typed_line(&[(55.0, "2"), (75.0, right[2]), (255.0, how[2])], 165.0),
        ];
        let mut rules: Vec<Rule> = [100.0, 122.0, 154.0, 175.0]
            .into_iter()
            .map(|y| hrule(y, 50.0, 450.0))
            .collect();
        rules.extend([50.0, 70.0, 250.0, 450.0].map(|x| vrule(x, 100.0, 175.0)));
        (lines, rules)
    }

    #[test]
    fn a_ruled_table_of_one_language_is_read_row_by_row_across_its_borders() {
        let (lines, rules) = rights_table(
            [
                "Право субъекта",
                "Знать, есть ли у МФО ваши данные,",
                "Требовать блокирования данных",
            ],
            [
                "Как воспользоваться",
                "Подать письменный запрос",
                "Заявление в свободной форме",
            ],
        );
        let (rows, rest) = ruled_rows(lines, &rules, &[]);
        assert!(rest.is_empty(), "{rest:?}");
        let segments = reading_order_with_rows(Vec::new(), rows);
        assert_eq!(
            row_texts(&segments),
            [
                "row: № Право субъекта Как воспользоваться",
                "row: 1 Знать, есть ли у МФО ваши данные, и получать сведения о них \
                 Подать письменный запрос в офис",
                "row: 2 Требовать блокирования данных Заявление в свободной форме",
            ]
        );
        // A Kazakh cell beside a Russian one: parallel texts, left to the
        // columns, the lines as they were.
        let (lines, rules) = rights_table(
            [
                "Субъектінің құқығы",
                "Деректердің бар екенін білу",
                "Деректерді бұғаттауды талап ету",
            ],
            [
                "Право субъекта",
                "Знать, есть ли у МФО ваши данные",
                "Требовать блокирования данных",
            ],
        );
        let (rows, rest) = ruled_rows(lines.clone(), &rules, &[]);
        assert!(rows.is_empty(), "{rows:?}");
        assert_eq!(rest, lines);
    }

    #[test]
    fn rule_pieces_join_and_double_rules_are_one() {
        let rules = [
            hrule(100.0, 50.0, 250.0),
            hrule(100.2, 250.0, 450.0),
            hrule(300.0, 50.0, 100.0),
            hrule(300.0, 200.0, 450.0),
        ];
        assert_eq!(
            horizontal_rules(&rules),
            [
                (100.0, 50.0, 450.0),
                (300.0, 50.0, 100.0),
                (300.0, 200.0, 450.0)
            ]
        );
        assert!(!vrule(3.0, 0.0, 40.0).horizontal() && hrule(3.0, 0.0, 40.0).horizontal());
    }

    #[test]
    fn degenerate_input() {
        assert!(rows(&[]).is_empty());
        assert!(find_gutters(&[], 0.0).is_empty());
        assert!(find_gutters(&two_columns(10.0, 10), f32::NAN).is_empty());
        assert!(paragraphs(&[], (0.0, 0.0), true, None, &[]).is_empty());
        assert!(reading_order(vec![]).is_empty());
    }

    #[test]
    fn rows_of_a_table_without_rules_from_its_numbered_labels() {
        let at = |text: &str, x0: f32, x1: f32, y: f32, col: usize| Line {
            col,
            ..line(text, x0, x1, y)
        };
        // The value set in the middle of a row whose label wraps.
        let lines = vec![
            at("5.1 Ұялы телефон нөмірі", 57.0, 200.0, 100.0, 0),
            at("3 жыл", 360.0, 390.0, 100.0, 1),
            at(
                "5.2 Қарыз алушының табысы, жұмыс орны",
                57.0,
                340.0,
                118.0,
                0,
            ),
            at("5 жыл", 360.0, 390.0, 124.0, 1),
            at("және лауазымы", 57.0, 150.0, 130.0, 0),
            at("5.3 Сайттағы cookie файлдары", 57.0, 220.0, 148.0, 0),
            at("6 ай", 360.0, 380.0, 148.0, 1),
        ];
        let borders = unruled_row_borders(&lines);
        assert_eq!(borders.len(), 4, "three row tops and the bottom");
        let marked: Vec<(Line, ())> = lines.iter().cloned().map(|l| (l, ())).collect();
        let (rows, rest) = ruled_rows(marked, &borders, &[(345.0, 355.0)]);
        assert!(rest.is_empty());
        let texts: Vec<String> = rows
            .iter()
            .map(|r| {
                r.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            texts,
            [
                "5.1 Ұялы телефон нөмірі 3 жыл",
                "5.2 Қарыз алушының табысы, жұмыс орны және лауазымы 5 жыл",
                "5.3 Сайттағы cookie файлдары 6 ай"
            ]
        );
        // kk | ru, numbered on both sides: the columns stay.
        let parallel: Vec<(Line, ())> = (0..3)
            .flat_map(|k| {
                let y = 100.0 + 20.0 * k as f32;
                [
                    (
                        at(
                            &format!("{}.1 Оператор деректерді өңдейді.", k + 1),
                            57.0,
                            290.0,
                            y,
                            0,
                        ),
                        (),
                    ),
                    (
                        at(
                            &format!("{}.1 Оператор обрабатывает данные.", k + 1),
                            310.0,
                            540.0,
                            y,
                            1,
                        ),
                        (),
                    ),
                ]
            })
            .collect();
        let borders = unruled_row_borders(parallel.iter().map(|(l, _)| l));
        assert_eq!(ruled_rows(parallel, &borders, &[(292.0, 308.0)]).0.len(), 0);
    }

    #[test]
    fn a_column_of_bare_row_numbers_is_a_label_column() {
        let col = |col: usize, texts: &[&str]| Segment {
            col,
            row: false,
            lines: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Line {
                    col,
                    ..line(
                        t,
                        col as f32 * 100.0,
                        col as f32 * 100.0 + 50.0,
                        i as f32 * 12.0,
                    )
                })
                .collect(),
        };
        let segments = [
            col(0, &["I", "1", "а)", "(ә)", "—", "10", "II"]),
            col(
                1,
                &[
                    "I. ЖАЛПЫ",
                    "1. Осы Саясат",
                    "10. Серверлерге",
                    "11. Мәліметтер",
                ],
            ),
            col(2, &["I. ОБЩИЕ", "1. Настоящая", "10. Сроки"]),
        ];
        assert_eq!(label_columns(&segments), BTreeSet::from([0]));
        // Two columns of text, one of them numbers only in part: none.
        assert!(label_columns(&segments[1..]).is_empty());
        let mixed = [
            col(0, &["1", "2", "Итого", "3"]),
            segments[1].clone(),
            segments[2].clone(),
        ];
        assert!(label_columns(&mixed).is_empty());
    }

    #[test]
    fn the_next_clause_number_starts_a_paragraph_after_an_open_line() {
        // A table cell ends without punctuation at the column's edge; the
        // next line starts with the clause number after the last one.
        let lines = [
            line("11. Мәліметтер кестеде берілген:", 0.0, 200.0, 12.0),
            line("Қарыз алушының биометриясы бірақ", 0.0, 200.0, 24.0),
            line("отыз күннен артық емес", 0.0, 200.0, 36.0),
            line("12. Дерекқордың сақтық көшірмелері", 0.0, 200.0, 48.0),
            line("сақталады.", 0.0, 60.0, 60.0),
        ];
        let paras = paragraphs(&lines, (0.0, 200.0), false, None, &[]);
        let firsts: Vec<&str> = paras.iter().map(|p| p.lines[0].text.as_str()).collect();
        assert_eq!(
            firsts,
            [
                "11. Мәліметтер кестеде берілген:",
                "12. Дерекқордың сақтық көшірмелері"
            ]
        );
        assert!(follows(&[2, 3], &[2, 4]) && follows(&[2], &[2, 1]) && !follows(&[11], &[13]));
        // «4.1» needs no final dot; a date, a lone number or «0.5» does.
        assert!(is_numbered("4.1 Кредитор береді") && is_numbered("10.2.3 Мәтін"));
        assert!(
            !is_numbered("01.02.2024 ж.") && !is_numbered("8 Закона") && !is_numbered("0.5 мәтін")
        );
        assert!(
            section_heading("4-бөлім. Деректерді алушылар") && section_heading("Статья 4. Цели")
        );
        assert!(section_heading("IV. ПРАВА") && !section_heading("4.1 Кредитор береді"));
    }

    #[test]
    fn footnotes_and_kazakh_page_numbers_are_noise() {
        assert!(is_page_number("1-бет") && is_page_number("12 бет") && !is_page_number("1-бап"));
        let lines = vec![
            line("2. Саясат Заңына¹ негізделген.", 0.0, 200.0, 100.0),
            line("Қарыз алушының биометриясы", 0.0, 200.0, 600.0),
            line(
                "¹ Бұдан әрі мәтінде – Дербес деректер туралы заң;",
                0.0,
                200.0,
                700.0,
            ),
            line("ресми мәтіні жарияланған.", 0.0, 200.0, 712.0),
            line("1-бет", 90.0, 110.0, 780.0),
        ];
        let marks = find_noise(&[(lines, 800.0)]);
        assert_eq!(
            marks[0],
            [
                None,
                None,
                Some(DropKind::Footnote),
                Some(DropKind::Footnote),
                Some(DropKind::PageNumber)
            ]
        );
        // A superscript no text above cites is no footnote.
        let lines = vec![
            line("Текст.", 0.0, 200.0, 100.0),
            line("² Серверлер тұр.", 0.0, 200.0, 700.0),
        ];
        assert_eq!(find_noise(&[(lines, 800.0)])[0], [None, None]);
    }

    /// LibreOffice's outline numbering of two levels: «k.» and «k.j.» both
    /// at the margin (57), a one-word section title at the first level's
    /// tab stop (80), the clause text at the second level's (92), and a
    /// Symbol-font bullet item further in.
    fn outline(sections: usize) -> Vec<Vec<Word>> {
        let mut g = Vec::new();
        let mut y = 60.0;
        for k in 1..=sections {
            g.extend(typed(57.0, y, &format!("{k}.")));
            g.extend(typed(80.0, y, "Тақырып"));
            y += 15.0;
            for j in 1..=3 {
                g.extend(typed(57.0, y, &format!("{k}.{j}.")));
                g.extend(typed(92.0, y, "Компания дербес деректерді өңдейді"));
                y += 13.0;
                g.extend(typed(92.0, y, "мынадай мақсаттарда пайдаланады:"));
                y += 13.0;
            }
            g.extend(typed(95.0, y, "\u{F0B7}"));
            g.extend(typed(110.0, y, "тіркеу туралы куәлік;"));
            y += 15.0;
        }
        rows(&g)
    }

    #[test]
    fn outline_numbers_with_titles_at_their_own_tab_stop_are_no_column() {
        let list = outline(4);
        // The strip 77–92 holds only labels; the heading rows' titles
        // reach into it from the left of the clauses' tab stop.
        assert_eq!(find_gutters(&list, 600.0), []);
        // Nor does another page's gutter fit there.
        assert!(!gutter_fits(&list, (78.0, 91.0)));
        let lines = lines(list, &[]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "1. Тақырып");
        assert_eq!(texts[1], "1.1. Компания дербес деректерді өңдейді");
        assert_eq!(texts[7], "\u{F0B7} тіркеу туралы куәлік;");
        assert_eq!((lines[1].x0, lines[1].body_x), (57.0, 92.0));
        assert_eq!((lines[7].x0, lines[7].body_x), (95.0, 110.0));
        // A real column of labels and text beside the same strip is one.
        let mut g = Vec::new();
        for i in 0..12 {
            let y = 60.0 + 13.0 * i as f32;
            g.extend(typed(20.0, y, "сол"));
            g.extend(typed(57.0, y, &format!("{}.", i + 1)));
            g.extend(typed(92.0, y, RIGHT[i % 4]));
        }
        assert_eq!(find_gutters(&rows(&g), 600.0).len(), 1);
    }

    #[test]
    fn symbol_font_bullets_are_bullets() {
        for t in ["\u{F0B7}", "\u{F0B7} тіркеу", "\u{F0A7} x", "\u{F076}"] {
            assert!(is_bullet(t), "{t:?}");
        }
        assert!(!is_bullet("\u{F0B6} x") && !is_bullet("\u{F0B7}x"));
    }

    #[test]
    fn a_lone_clause_number_at_the_page_edge_is_no_running_header() {
        // Clause numbers cut from their text (or set alone on their line)
        // at the same height on every page: «#.#.» recurs, yet they are
        // clauses' numbers. A real running header beside them still goes.
        let page = |n: usize| {
            (
                vec![
                    line("ТОО «МФО» саясаты", 50.0, 300.0, 40.0),
                    line(&format!("{n}.3."), 57.0, 78.0, 60.0),
                    line("Мәтін", 92.0, 300.0, 400.0),
                    line(&format!("{n}.4."), 57.0, 78.0, 800.0),
                    line("\u{F0B7}", 95.0, 100.0, 810.0),
                ],
                842.0,
            )
        };
        let marks = find_noise(&[page(1), page(2), page(3)]);
        for m in &marks {
            assert_eq!(m, &[Some(DropKind::RepeatedHeader), None, None, None, None]);
        }
    }
}
