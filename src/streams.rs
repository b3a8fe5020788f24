//! De-interleaving: two language streams in reading order, with paragraphs
//! rejoined across hard line wraps, page cuts and column cuts.
//!
//! A block continues the last paragraph of its language when the text says
//! so: it starts in lower case (or with a clause number followed by a
//! lower-case word, as in «…указанные в пункте» / «2.4. настоящей
//! Политики») after a paragraph that did not end a sentence; it starts with
//! a number that is no clause number («8 Закона», «3.2-тармағында») after
//! an unfinished sentence; the paragraph ends with an abbreviation that
//! binds to the next word («ст.», «п.», «подп.», «г.», «д.»); the paragraph
//! is a lone clause number («3.») and the block its text; or the previous
//! paragraph is visibly cut (it ends mid-sentence on a soft-wrapped line,
//! or is a long sentence with no final punctuation) and nothing in the
//! layout says a new paragraph starts.
//!
//! A block does not continue when it is a list item, marked or not: a line
//! of its own after a lead-in ending in «:» or an item ending in «;»
//! (in hard-wrapped text, where the line before was full, only when the
//! list is plain: the lead-in's next sentence ends in «;», or the
//! paragraph is itself an item; an item's wrapped line goes on), a dash item
//! right after a section heading, or one of a run of items with the same
//! dash after a lead-in without a colon; nor a lower-case line under a
//! title in capitals; nor a table row that opens with a clause number of
//! its own.
//!
//! Invariants: each block lands in exactly one paragraph of the stream of
//! its language; paragraphs keep the blocks' source order; runs are never
//! altered, only grouped. The work is linear in the text: each decision
//! reads a bounded part of the paragraph so far.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, BlockHint, Joined, Lang, Run};
use crate::tokens::{is_abbreviation, leading_marker};

/// One paragraph of one language.
#[derive(Debug, Clone)]
pub struct Para {
    pub lang: Lang,
    pub runs: Vec<Run>,
    pub hint: BlockHint,
    pub line: usize,
    pub page: Option<u32>,
    /// The last block joined ends on a soft-wrapped line.
    pub ends_wrapped: bool,
    /// The paragraph is an unmarked list item: it started on a line of its
    /// own after a lead-in ending in «:» or after another such item.
    pub item: bool,
    /// Index of the first block, and how many blocks were joined.
    pub first_block: usize,
    pub blocks: usize,
    /// The first block's [`Block::ordinal`](crate::model::Block::ordinal).
    pub ordinal: Option<(u32, u8)>,
    /// The first block's [`Block::row_number`](crate::model::Block::row_number).
    pub row_number: Option<String>,
    /// The first block's [`Block::row`](crate::model::Block::row): the
    /// paragraph is a text table's row.
    pub row: Option<u32>,
    /// The first block's [`Block::nested`](crate::model::Block::nested).
    pub nested: bool,
}

impl Para {
    pub fn text(&self) -> String {
        Joined::new(&self.runs).text
    }
}

/// The two streams of a document.
#[derive(Debug, Default, Clone)]
pub struct Streams {
    pub kk: Vec<Para>,
    pub ru: Vec<Para>,
}

impl Streams {
    pub fn get(&self, lang: Lang) -> &[Para] {
        match lang {
            Lang::Kk => &self.kk,
            _ => &self.ru,
        }
    }
}

/// «3. Title»: a top-level number and a short text.
fn is_section_heading(text: &str) -> bool {
    static TOP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}\.\s").expect("top-level number regex"));
    TOP.is_match(text) && text.chars().nth(CUT_LEN).is_none()
}

/// Does `text` open with a closed clause label under the section number
/// that opens `heading` («2.» → «2.1.», «2.1)»)? An open one («13.1 без
/// занесения») may still end a cross-reference.
fn is_sub_clause(heading: &str, text: &str) -> bool {
    let Some((number, _)) = heading.split_once('.') else {
        return false;
    };
    let label = text.split_whitespace().next().unwrap_or("");
    label.ends_with(['.', ')'])
        && label
            .strip_prefix(number)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The text without what may follow a sentence's stop: closing quotes and
/// brackets, and footnote markers («…құқылысыз.[1]», «…отозвано.²», «*»).
fn without_closers(text: &str) -> &str {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$").expect("footnote marker regex")
    });
    let t = text.trim_end();
    let t = match MARKER.find(t) {
        Some(m) => &t[..m.start()],
        None => t,
    };
    t.trim_end_matches(['»', '"', ')', '”', '*'])
}

fn ends_sentence(text: &str) -> bool {
    without_closers(text).ends_with(['.', '!', '?', ':', ';', '…'])
}

fn ends_full_stop(text: &str) -> bool {
    let t = without_closers(text);
    if !t.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    // «и т.д.», «т.б.», «т.е.»: an abbreviation with inner dots, or a known
    // short one, does not end the sentence.
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_end_matches('.');
    let abbreviation = (word.contains('.')
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 4)
        || is_abbreviation(word);
    !(t.ends_with('.') && abbreviation)
}

/// A previous paragraph this long that ends without punctuation was cut.
const CUT_LEN: usize = 100;
/// A paragraph this long, unfinished, goes on into a line that starts with
/// a number; a shorter one is a title line.
const DIGIT_LEN: usize = 40;

/// Abbreviations that bind to the word after them, a number or a name
/// («ст. 8», «п. 3.2», «г. Алматы», «ул. Абая», «д. 10»): a line that ends
/// with one goes on in the next line.
const PREFIX_ABBREVIATIONS: &[&str] = &[
    "ст", "п", "пп", "подп", "ч", "г", "ул", "пр", "д", "кв", "мкр", "обл", "им", "тел", "абз",
    "гл", "разд", "см", "№",
];

/// Does the text end with an abbreviation that binds to what follows
/// («…в соответствии со ст.», «…по адресу: г.»)? Not after a number («2024
/// г.» is a year, which may end a sentence) or in «и т. д.», «и пр.».
fn ends_with_prefix_abbreviation(text: &str) -> bool {
    let t = text.trim_end();
    let Some(body) = t.strip_suffix('.') else {
        return t.ends_with('№');
    };
    let mut words = body.rsplit(char::is_whitespace);
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    let lower = last.to_lowercase();
    if !PREFIX_ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let year = lower == "г"
        && before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
    // «и т. д.», «и т. п.», «и пр.»: the end of a list, not a reference.
    let before = before.to_lowercase();
    let etc = matches!(before.as_str(), "т." | "т") || (lower == "пр" && before == "и");
    !(year || etc)
}

/// A short unnumbered title line: «Наши контакты», «Біздің байланыстар».
fn is_title(text: &str) -> bool {
    let n = text.chars().take(61).count();
    let first = text.chars().next().unwrap_or(' ');
    (2..=60).contains(&n)
        && (first.is_uppercase() || first == '«' || first == '"')
        && text.split_whitespace().count() <= 8
        && !text
            .trim_end()
            .ends_with(['.', ',', ';', ':', '-', '–', '—'])
}

/// The dash a list item starts with, if the text starts with one.
fn leading_dash(text: &str) -> Option<char> {
    text.chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—'))
        .filter(|_| leading_marker(text).is_none())
}

/// What the stream knows around a block: the next block of the same
/// language starts with the same dash (the block is one of a run of dash
/// items).
#[derive(Debug, Clone, Copy, Default)]
struct Around {
    next_dash: bool,
    /// The sentence that starts with the block (it and the lines of its
    /// language that go on it) ends in «;»: it is a list's item.
    ends_in_semicolon: bool,
}

/// Does `block` continue `prev`?
fn continues(prev: &Para, prev_text: &str, block: &Block, text: &str, around: Around) -> bool {
    if matches!(prev.hint, BlockHint::Heading | BlockHint::Definition) {
        return false;
    }
    // A dash at a line start in mid-sentence is punctuation wrapped to the
    // next line («…пребывания» / «— раскрыть Ваши…»), not a list item;
    // after «:» or «;» it is a list item, and so it is right after a title
    // («1. Байланыс» / «- Мекенжайы: …»), after a lead-in without a colon
    // when more dash items follow («…следующие данные» / «- фамилия;» /
    // «- номер телефона;»), and after an item with the same dash.
    let dash = leading_dash(text);
    if block.hint == BlockHint::Bullet
        && let Some(d) = dash
        && !prev_text.is_empty()
        && !ends_sentence(prev_text)
    {
        // A quoted term on its own line takes its definition («Оператор» /
        // «– дербес деректерді …»): only a title that is not a quoted term,
        // before an item in upper case, is a heading.
        let upper_item = text
            .trim_start_matches(['-', '–', '—'])
            .trim_start()
            .starts_with(char::is_uppercase);
        let quoted = prev_text.starts_with(['«', '"', '“']);
        let title = !prev.ends_wrapped
            && (is_section_heading(prev_text) && !prev_text.trim_end().ends_with([':', ';', ','])
                || is_title(prev_text) && !quoted && upper_item);
        let run = around.next_dash || leading_dash(prev_text) == Some(d);
        if title || run {
            return false;
        }
        return prev.hint != BlockHint::Bullet || text.starts_with(['—', '–']);
    }
    if matches!(
        block.hint,
        BlockHint::Bullet | BlockHint::Heading | BlockHint::Definition
    ) {
        return false;
    }
    let Some(first) = text.chars().next() else {
        return false;
    };
    // A table row that opens with its own clause number is a clause of its
    // own, even in lower case («13. Блокирование карты» / «13.1 без
    // занесения в стоп-лист»): the ruling, not the text, ends the row.
    if block.table_row && leading_marker(text).is_some() {
        return false;
    }
    // «…в соответствии со ст.» / «8 Закона», «…в п.» / «3.2 настоящей
    // Политики», «…по адресу: г.» / «Алматы»: the abbreviation binds to
    // the next line's first word.
    // A number without a closing dot or bracket goes on the reference
    // whatever follows it («…в п.» / «4.1 Политики»); a clause label
    // («4.1.», «2)») before a capital starts a clause.
    if ends_with_prefix_abbreviation(prev_text) {
        let label = text.split_whitespace().next().unwrap_or("");
        let closed = label.ends_with(['.', ')']);
        return leading_marker(text)
            .is_none_or(|after| !closed || after.is_none_or(|c| !c.is_uppercase()));
    }
    if let Some(after) = leading_marker(text) {
        // «…указанные в пункте» + «2.4. настоящей Политики»: a number that
        // is the end of a cross-reference, not a new clause; and a wrapped
        // line that is only a number («…офис» + «12.»).
        let bare = after.is_none();
        return first.is_ascii_digit()
            && after.is_none_or(char::is_lowercase)
            && !ends_sentence(prev_text)
            // A bare number after a section heading is a clause of its own
            // (damaged numbering), not the end of a wrapped sentence; so is
            // the heading's first sub-clause, whatever its case («2.
            // Негізгі ұғымдар» / «2.1. дербес деректер – …»).
            && !(is_section_heading(prev_text) && (bare || is_sub_clause(prev_text, text)));
    }
    // A bare clause number cut from its text («3.» at a page end, its
    // heading after the other language's block): the text goes on it.
    if leading_marker(prev_text).is_some_and(|after| after.is_none())
        && prev_text.chars().any(|c| c.is_ascii_digit())
        && !prev_text.chars().any(char::is_alphabetic)
    {
        return true;
    }
    // A line that starts with a number but no clause number («8 Закона»,
    // «3.2-тармағында», «10, 5-қабат») goes on an unfinished sentence of
    // some length (not a short title line: «Бас директордың» / «2025 ж.»).
    // (Not where the layout starts a paragraph: a table row, an HTML `<p>`:
    // «…туралы хабарлама» / «2025 жылғы 1 сәуірдегі редакция».)
    if first.is_ascii_digit() {
        return !ends_sentence(prev_text)
            && prev_text.chars().nth(DIGIT_LEN).is_some()
            && !block.starts_paragraph;
    }
    // A word hyphenated across a cut («…№ 15-» / «П бұйрығымен
    // бекітілген», a column's last line): the rest of the word goes on.
    let hyphenated = {
        let t = prev_text.trim_end();
        t.strip_suffix('-')
            .and_then(|t| t.chars().last())
            .is_some_and(char::is_alphanumeric)
    };
    if hyphenated && !block.table_row && block.row.is_none() {
        return true;
    }
    let lead_in = prev_text.trim_end().ends_with([':', ';']);
    // A place and date line («г. Алматы 1 марта 2024 г.») under a title in
    // capitals («ПОЛИТИКА ЗАЩИТЫ ПЕРСОНАЛЬНЫХ ДАННЫХ», two long words at
    // least: «ЖШС» is a company's form) is a line of its own; a subtitle
    // in lower case («в отношении персональных данных») goes on the title.
    let capitals = prev_text.len() < 400
        && !prev_text.chars().any(char::is_lowercase)
        && prev_text
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .nth(1)
            .is_some();
    let place = text
        .strip_prefix("г.")
        .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase));
    if capitals && place {
        return false;
    }
    if first.is_lowercase() {
        // An e-mail or a site line after a data line is a line of its own
        // (a phone, then an e-mail), unless the line before breaks off
        // («…ул. Абая,» / «д. 10», «data@karzhy-» / «komek.kz»); an
        // address goes on («…пр. Абая, 150» / «офис 12»).
        let contact = text.contains('@') || text.starts_with("www.") || text.starts_with("http");
        if contact
            && crate::lang::is_data_line(text)
            && crate::lang::is_data_line(prev_text)
            && !prev_text.trim_end().ends_with([',', ':', '-', '–', '/'])
        {
            return false;
        }
        // After a lead-in («…в целях:») or an item («…Сайта;»), a line of
        // its own is the next item of an unmarked list. In hard-wrapped
        // text a full line that ends in «:» or «;» goes on, unless a list
        // is plain: the lead-in (not itself a bullet, whose enumeration
        // runs on) is followed by a sentence that ends in «;» (its first
        // item), or the paragraph is itself an item, whatever the width of
        // their last lines. A data line after a colon completes the
        // sentence («…жіберілуі тиіс:» / «info@dossym.kz.»).
        let colon = prev_text.trim_end().ends_with(':');
        let completes = colon && crate::lang::is_data_line(text);
        let item =
            (colon && around.ends_in_semicolon && prev.hint != BlockHint::Bullet) || prev.item;
        if lead_in && !completes && (!prev.ends_wrapped || item) {
            return false;
        }
        return !ends_full_stop(prev_text);
    }
    // A data line under another that does not break off («Мекенжайы: …,
    // 512-кеңсе» / «IBAN KZ45 …», «БИН …» / «Телефон: …») is a line of its
    // own, however full the line before it.
    let requisite = |t: &str| crate::lang::is_data_line(t) || crate::lang::is_requisite_line(t);
    if first.is_uppercase()
        && crate::lang::is_requisite_line(text)
        && requisite(prev_text)
        && !prev_text.trim_end().ends_with([',', ':', '-', '–', '/'])
    {
        return false;
    }
    // A hard-wrapped line that was full: the paragraph goes on, even after
    // a sentence ends mid-paragraph (a short last line ends a paragraph).
    if prev.ends_wrapped && !block.starts_paragraph && !lead_in {
        return true;
    }
    if ends_sentence(prev_text) {
        return false;
    }
    // A full last line goes on, unless the layout starts a paragraph here
    // (a gap, a change of font size: a title that fills its last line).
    let long = prev_text.chars().nth(CUT_LEN - 1).is_some();
    (prev.ends_wrapped || long) && !block.starts_paragraph
}

/// Split tagged blocks into the two language streams.
pub fn split(blocks: &[Block]) -> Streams {
    let mut streams = Streams::default();
    // The text of the last paragraph of each language, kept up to date.
    let mut last_text: [String; 2] = [String::new(), String::new()];
    let texts: Vec<String> = blocks.iter().map(Block::text).collect();
    // For each block, whether the next block of its language is a dash item
    // with the same dash: one backward pass, linear.
    let mut next_dash = vec![false; blocks.len()];
    let mut following: [Option<char>; 2] = [None, None];
    for (i, block) in blocks.iter().enumerate().rev() {
        let slot = usize::from(block.lang != Lang::Kk);
        if texts[i].is_empty() {
            continue;
        }
        let mine = leading_dash(&texts[i]);
        next_dash[i] = mine.is_some() && following[slot] == mine;
        following[slot] = if block.hint == BlockHint::Bullet {
            mine
        } else {
            None
        };
    }
    // For each block, whether the sentence it starts ends in «;»: one
    // backward pass per language, linear. A block that starts with a
    // marker is no continuation of the block before it.
    let mut ends_in_semicolon = vec![false; blocks.len()];
    let mut goes_on: [bool; 2] = [false, false];
    for (i, block) in blocks.iter().enumerate().rev() {
        let slot = usize::from(block.lang != Lang::Kk);
        let t = texts[i].trim_end();
        if t.is_empty() {
            continue;
        }
        let v = if t.ends_with(';') {
            true
        } else if ends_sentence(t) {
            false
        } else {
            goes_on[slot]
        };
        ends_in_semicolon[i] = v;
        goes_on[slot] = v && leading_marker(t).is_none() && block.hint == BlockHint::Text;
    }
    // The rows of a text table that are wrapped lines, not entries: a
    // cell of the row goes on in lower case with no marker from a long
    // cell above it in its column that stops mid-sentence (an interlinear
    // «kk | ru» text wrapped by hand: «серверлерде сақталады. |
    // Казахстан.»). Their other cells that so follow a long cell go on the
    // sentence above them too, whatever case they start in.
    let mut cut_above = vec![false; blocks.len()];
    // The last cell of each column (its place in its row: a cell's group
    // is its own) and the row and place of the cell before.
    let mut above: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut place: (Option<u32>, usize) = (None, 0);
    for (i, block) in blocks.iter().enumerate() {
        if block.row.is_none() || texts[i].trim().is_empty() {
            continue;
        }
        let column = if place.0 == block.row { place.1 + 1 } else { 0 };
        place = (block.row, column);
        if let Some(&j) = above.get(&column) {
            let t = texts[j].trim_end();
            cut_above[i] = t.chars().count() >= WRAPPED_CELL_CHARS
                && !ends_sentence(t)
                && leading_marker(&texts[i]).is_none();
        }
        above.insert(column, i);
    }
    // (Every worded cell of the row follows such a cell: a data table's
    // row whose long last cell stops with no full stop is an entry.)
    let mut rows_cut: std::collections::BTreeMap<u32, (bool, bool)> = Default::default();
    for (i, b) in blocks.iter().enumerate() {
        let Some(r) = b
            .row
            .filter(|_| texts[i].chars().any(crate::tokens::is_letter))
        else {
            continue;
        };
        let e = rows_cut.entry(r).or_insert((true, false));
        e.0 &= cut_above[i];
        // (A word in lower case: an address «support@…», «tumar.kz» opens
        // a cell of its own.)
        let first = texts[i].split_whitespace().next().unwrap_or("");
        e.1 |= first.starts_with(char::is_lowercase)
            && first
                .trim_end_matches(|c: char| c.is_ascii_punctuation())
                .chars()
                .all(|c| c.is_alphabetic() || c == '-');
    }
    let wrapped_rows: std::collections::BTreeSet<u32> = rows_cut
        .into_iter()
        .filter(|(_, (all_cut, lower))| *all_cut && *lower)
        .map(|(r, _)| r)
        .collect();
    // The table cell (row, column) of each language's last block: the
    // cells of one row in one language (a category and its period) are one
    // clause; the paragraphs of one cell stay paragraphs.
    let mut last_cell: [Option<(u32, Option<u32>)>; 2] = [None, None];
    for (i, block) in blocks.iter().enumerate() {
        let (stream, slot) = match block.lang {
            Lang::Kk => (&mut streams.kk, 0),
            _ => (&mut streams.ru, 1),
        };
        let text = &texts[i];
        if text.is_empty() {
            continue;
        }
        let around = Around {
            next_dash: next_dash[i],
            ends_in_semicolon: ends_in_semicolon[i],
        };
        // (A cell of bare numbers is the row's label, not its text.)
        let worded = text.chars().any(crate::tokens::is_letter);
        let cell = block.row.filter(|_| worded).map(|r| (r, block.group));
        let same_row =
            matches!((cell, last_cell[slot]), (Some((r, g)), Some((r0, g0))) if r == r0 && g != g0);
        last_cell[slot] = cell;
        let wrapped = block.row.is_some_and(|r| wrapped_rows.contains(&r))
            && block.hint == BlockHint::Text
            && cut_above[i]
            && !ends_sentence(last_text[slot].trim_end());
        if let Some(prev) = stream.last_mut()
            && (same_row || wrapped || continues(prev, &last_text[slot], block, text, around))
        {
            let mut runs = block.runs.clone();
            if let Some(first) = runs.first_mut() {
                first.glue = false;
            }
            prev.runs.extend(runs);
            prev.ends_wrapped = block.ends_wrapped;
            prev.blocks += 1;
            // The paragraph's text as the decisions read it (its start and
            // its end), grown in place: linear in the paragraph's length.
            last_text[slot].push(' ');
            last_text[slot].push_str(text);
            continue;
        }
        // A line of its own after a lead-in or an item, with no marker of
        // its own, is an unmarked item.
        let before = last_text[slot].trim_end();
        let item = block.hint == BlockHint::Text
            && leading_marker(text).is_none()
            && (before.ends_with(':')
                || (before.ends_with(';') && stream.last().is_some_and(|p| p.item)));
        stream.push(Para {
            lang: if slot == 0 { Lang::Kk } else { Lang::Ru },
            runs: block.runs.clone(),
            hint: block.hint,
            line: block.line,
            page: block.page,
            ends_wrapped: block.ends_wrapped,
            item,
            first_block: i,
            blocks: 1,
            ordinal: block.ordinal,
            row_number: block.row_number.clone(),
            row: block.row,
            nested: block.nested,
        });
        last_text[slot] = text.clone();
    }
    streams
}

/// How long (in characters) a table cell must be for a cell below it in
/// its column to be its wrapped line: a hand-wrapped column runs near its
/// width; a data table's short cells («both», «ru») are entries.
const WRAPPED_CELL_CHARS: usize = 40;

#[cfg(test)]
mod tests {

    #[test]
    fn a_footnote_marker_after_the_stop_ends_the_sentence() {
        assert!(ends_sentence("… талап етуге құқылысыз.[1]"));
        assert!(ends_full_stop("Согласие может быть отозвано.² "));
        assert!(!ends_sentence("… талап етуге [1]"));
    }

    use super::*;
    use crate::model::Span;

    fn block(text: &str, lang: Lang, at: usize) -> Block {
        let mut b = Block::new(
            vec![Run {
                text: text.into(),
                span: Span::new(at, at + text.len()),
                glue: false,
            }],
            BlockHint::Text,
            at,
        );
        b.lang = lang;
        b
    }

    /// A Russian-stream block whose last line reaches the wrap width.
    fn wrapped(text: &str, at: usize) -> Block {
        let mut b = block(text, Lang::Ru, at);
        b.ends_wrapped = true;
        b
    }

    fn texts(paras: &[Para]) -> Vec<String> {
        paras.iter().map(Para::text).collect()
    }

    #[test]
    fn page_cut_paragraph_is_rejoined_across_the_other_language() {
        let blocks = vec![
            block("1.4. МҚҰ 18 жасқа толмаған адам ұсынды деп", Lang::Kk, 0),
            block("1.4. МФО не намерена собирать данные.", Lang::Ru, 100),
            block("пайымдауға негіз болса, хабарласыңыз.", Lang::Kk, 200),
        ];
        let s = split(&blocks);
        assert_eq!(
            texts(&s.kk),
            vec![
                "1.4. МҚҰ 18 жасқа толмаған адам ұсынды деп пайымдауға негіз болса, хабарласыңыз."
            ]
        );
        assert_eq!(s.ru.len(), 1);
    }

    #[test]
    fn number_that_ends_a_cross_reference_is_not_a_clause() {
        let blocks = vec![
            block(
                "2.3. Если Вы хотите, предоставьте данные, указанные в пункте",
                Lang::Ru,
                0,
            ),
            block("2.4. настоящей Политики.", Lang::Ru, 100),
            block("2.4. МФО не вправе собирать информацию.", Lang::Ru, 200),
        ];
        let s = split(&blocks);
        assert_eq!(s.ru.len(), 2);
        assert!(
            s.ru[0]
                .text()
                .ends_with("в пункте 2.4. настоящей Политики.")
        );
    }

    /// A glossary's first definition starts in lower case right under its
    /// section's heading: it is the heading's first clause, not the end
    /// of a sentence the heading began (heldout_legal16, a LibreOffice
    /// PDF: «2. Негізгі ұғымдар 2.1. дербес деректер…» was one clause).
    #[test]
    fn a_sub_clause_in_lower_case_under_its_heading_is_a_clause() {
        let blocks = vec![
            block("2. Негізгі ұғымдар", Lang::Kk, 0),
            block(
                "2.1. дербес деректер – субъектіге қатысты мәліметтер;",
                Lang::Kk,
                100,
            ),
            block(
                "2.2. дербес деректер субъектісі – жеке тұлға;",
                Lang::Kk,
                200,
            ),
            block("3. Общие положения", Lang::Ru, 300),
            block("2.4. настоящей Политики.", Lang::Ru, 400),
        ];
        let s = split(&blocks);
        let kk: Vec<String> = s.kk.iter().map(|p| p.text()).collect();
        assert_eq!(kk.len(), 3, "{kk:?}");
        assert_eq!(kk[0], "2. Негізгі ұғымдар");
        // Another section's number is no sub-clause of the heading.
        assert_eq!(s.ru.len(), 1);
    }

    /// A column cut leaves a word's hyphenated end on one line (blind17,
    /// a typst two-column PDF): the rest of the word goes on; a dash after
    /// a space is no hyphen.
    #[test]
    fn a_word_hyphenated_across_a_cut_goes_on() {
        let blocks = vec![
            block("Директордың 2025 жылғы 3 қыркүйектегі № 15-", Lang::Kk, 0),
            block("П бұйрығымен бекітілген", Lang::Kk, 100),
            block("6.4. Список: телефон -", Lang::Ru, 400),
            block("(1) первый пункт;", Lang::Ru, 500),
        ];
        let s = split(&blocks);
        let kk: Vec<String> = s.kk.iter().map(|p| p.text()).collect();
        assert_eq!(kk.len(), 1, "{kk:?}");
        let ru: Vec<String> = s.ru.iter().map(|p| p.text()).collect();
        assert_eq!(ru.len(), 2, "{ru:?}");
    }

    #[test]
    fn a_wrapped_number_line_continues_its_sentence() {
        let blocks = vec![
            block("7.2. Адрес: г. Алматы, пр. Абая, 150, офис", Lang::Ru, 0),
            block("12.", Lang::Ru, 100),
            block("7.3. Срок хранения.", Lang::Ru, 200),
        ];
        let s = split(&blocks);
        assert_eq!(s.ru.len(), 2);
        assert!(s.ru[0].text().ends_with("офис 12."));
    }

    #[test]
    fn a_dash_in_mid_sentence_is_not_a_bullet() {
        let mut dash = block("— раскрыть Ваши персональные данные.", Lang::Ru, 100);
        dash.hint = BlockHint::Bullet;
        let mut item = block("- второй пункт;", Lang::Ru, 200);
        item.hint = BlockHint::Bullet;
        let blocks = vec![
            block(
                "4.5. МФО может быть необходимо в стране пребывания",
                Lang::Ru,
                0,
            ),
            dash,
            block("4.6. Список:", Lang::Ru, 150),
            item,
        ];
        let s = split(&blocks);
        let texts = texts(&s.ru);
        assert_eq!(texts.len(), 3);
        assert!(texts[0].ends_with("пребывания — раскрыть Ваши персональные данные."));
        assert_eq!(texts[2], "- второй пункт;");
    }

    #[test]
    fn headings_and_sentences_are_not_joined() {
        let blocks = vec![
            block("1. Жалпы ережелер", Lang::Kk, 0),
            block("Осы Саясат мәтіні.", Lang::Kk, 50),
            block("1.1. Саясат бекітілді.", Lang::Kk, 100),
            block("1) бірінші;", Lang::Kk, 150),
            block("2) екінші.", Lang::Kk, 200),
        ];
        assert_eq!(split(&blocks).kk.len(), 5);
    }

    #[test]
    fn soft_wrapped_line_joins_an_upper_case_start() {
        let mut a = block("Пользование услугами ТОО", Lang::Ru, 0);
        a.ends_wrapped = true;
        let b = block(
            "«Микрофинансовая организация» означает согласие.",
            Lang::Ru,
            40,
        );
        let s = split(&[a, b]);
        assert_eq!(s.ru.len(), 1);
    }

    #[test]
    fn an_abbreviation_does_not_end_the_paragraph() {
        let blocks = vec![
            block("• курьер, экспресс пошта және т.б.", Lang::Kk, 0),
            block("көмегімен жөнелту үшін;", Lang::Kk, 100),
            block("Сөйлем аяқталды.", Lang::Kk, 200),
            block("жаңа жол.", Lang::Kk, 300),
        ];
        let s = split(&blocks);
        assert_eq!(s.kk.len(), 3);
        assert!(s.kk[0].text().ends_with("т.б. көмегімен жөнелту үшін;"));
    }

    fn bullet(text: &str, lang: Lang, at: usize) -> Block {
        let mut b = block(text, lang, at);
        b.hint = BlockHint::Bullet;
        b.starts_paragraph = true;
        b
    }

    #[test]
    fn unmarked_items_after_a_lead_in_are_paragraphs_of_their_own() {
        let blocks = vec![
            block("4.1. Данные используются в целях:", Lang::Ru, 0),
            block("анализа посещаемости Сайта;", Lang::Ru, 100),
            block("получения статистической информации об", Lang::Ru, 200),
            block("использовании Сайта;", Lang::Ru, 300),
            block("анализа действий Пользователей.", Lang::Ru, 400),
        ];
        assert_eq!(
            texts(&split(&blocks).ru),
            vec![
                "4.1. Данные используются в целях:",
                "анализа посещаемости Сайта;",
                "получения статистической информации об использовании Сайта;",
                "анализа действий Пользователей.",
            ]
        );
        // A full line that ends in «;» in hard-wrapped text goes on.
        let mut full = block(
            "…обработку персональных данных в целях исполнения договора;",
            Lang::Ru,
            0,
        );
        full.ends_wrapped = true;
        let s = split(&[full, block("заключения иных сделок.", Lang::Ru, 100)]);
        assert_eq!(s.ru.len(), 1);
    }

    #[test]
    fn wrapped_unmarked_items_in_hard_wrapped_text() {
        // Every line is «full» at this wrap width: the list's own
        // punctuation decides. A line that does not end in «;» or «.» goes
        // on into the next; a line after «:» or after an item's «;» is the
        // next item.
        let mut blocks = vec![
            block("2.1. Оператор вправе передавать данные:", Lang::Ru, 0),
            block("кредитным бюро;", Lang::Ru, 100),
            block(
                "коллекторским агентствам, с которыми заключен",
                Lang::Ru,
                200,
            ),
            block("договор;", Lang::Ru, 300),
            block("аудиторам.", Lang::Ru, 400),
        ];
        for b in &mut blocks {
            b.ends_wrapped = true;
        }
        assert_eq!(
            texts(&split(&blocks).ru),
            vec![
                "2.1. Оператор вправе передавать данные:",
                "кредитным бюро;",
                "коллекторским агентствам, с которыми заключен договор;",
                "аудиторам.",
            ]
        );
        // A full line that ends in «:» before a sentence that ends in «.»
        // is no list: the sentence goes on.
        let mut lead = block("5.3. Меры включают в себя:", Lang::Ru, 0);
        lead.ends_wrapped = true;
        let blocks = vec![
            lead,
            block("предотвращение изменения, копирования,", Lang::Ru, 100),
            block("уничтожения данных.", Lang::Ru, 200),
        ];
        assert_eq!(split(&blocks).ru.len(), 1);
    }

    #[test]
    fn a_reference_number_after_an_abbreviation_goes_on_before_a_capital() {
        let blocks = vec![
            block(
                "4.2. Обработка в целях, не совместимых с указанными в п.",
                Lang::Ru,
                0,
            ),
            block("4.1 Политики, не допускается.", Lang::Ru, 100),
            block("5. Права субъекта", Lang::Ru, 200),
            block("5.1. Субъект вправе в соответствии с п.", Lang::Ru, 300),
            block("5.2. Политика меняется.", Lang::Ru, 400),
        ];
        assert_eq!(
            texts(&split(&blocks).ru),
            vec![
                "4.2. Обработка в целях, не совместимых с указанными в п. 4.1 Политики, не допускается.",
                "5. Права субъекта",
                "5.1. Субъект вправе в соответствии с п.",
                "5.2. Политика меняется.",
            ]
        );
    }

    #[test]
    fn data_lines_are_lines_of_their_own() {
        let blocks = vec![
            block("Тел. +7 (7212) 41-22-33", Lang::Ru, 0),
            block("info@bereke.kz", Lang::Ru, 100),
            block("Адрес: г. Алматы, ул. Абая,", Lang::Ru, 200),
            block("д. 10, офис 5", Lang::Ru, 300),
            block("Адрес: г. Алматы, пр. Абая, 150", Lang::Ru, 400),
            block("офис 12", Lang::Ru, 500),
            wrapped(
                "Мекенжайы: 050059, Алматы қ., Сәтбаев көшесі, 30А, 512-кеңсе",
                600,
            ),
            block("IBAN KZ45 722S 0000 0456 7810", Lang::Ru, 700),
        ];
        assert_eq!(
            texts(&split(&blocks).ru),
            vec![
                "Тел. +7 (7212) 41-22-33",
                "info@bereke.kz",
                "Адрес: г. Алматы, ул. Абая, д. 10, офис 5",
                "Адрес: г. Алматы, пр. Абая, 150 офис 12",
                "Мекенжайы: 050059, Алматы қ., Сәтбаев көшесі, 30А, 512-кеңсе",
                "IBAN KZ45 722S 0000 0456 7810",
            ]
        );
    }

    #[test]
    fn the_cells_of_a_table_row_in_one_language_are_one_paragraph() {
        let mut blocks = vec![
            block("Деректер санаты", Lang::Kk, 1),
            block("Сақтау мерзімі", Lang::Kk, 1),
            block("Биометриялық деректер", Lang::Kk, 2),
            block("сәйкестендіру аяқталғаннан кейін 1 жыл", Lang::Kk, 2),
            // A bilingual row: each language's cell in its own stream.
            block("Аудиожазбалар 2 жыл", Lang::Kk, 3),
            block("Аудиозаписи 2 года", Lang::Ru, 3),
        ];
        for (k, (b, row)) in blocks.iter_mut().zip([1, 1, 2, 2, 3, 3]).enumerate() {
            b.row = Some(row);
            b.group = Some(k as u32 % 2);
            b.starts_paragraph = true;
        }
        // A second paragraph of one cell is no other cell.
        let mut second = block("Сақтау мерзімі жылмен", Lang::Kk, 1);
        (second.row, second.group, second.starts_paragraph) = (Some(1), Some(1), true);
        blocks.insert(2, second);
        blocks[0].hint = BlockHint::Heading;
        let s = split(&blocks);
        assert_eq!(
            texts(&s.kk),
            [
                "Деректер санаты Сақтау мерзімі",
                "Сақтау мерзімі жылмен",
                "Биометриялық деректер сәйкестендіру аяқталғаннан кейін 1 жыл",
                "Аудиожазбалар 2 жыл"
            ]
        );
        assert_eq!(texts(&s.ru), ["Аудиозаписи 2 года"]);
    }

    #[test]
    fn an_interlinear_row_wrapped_by_hand_goes_on_in_both_languages() {
        let rows = [
            (
                "4.1. Деректер Қазақстан Республикасының аумағындағы",
                "4.1. Данные хранятся на серверах на территории Республики",
            ),
            ("серверлерде сақталады.", "Казахстан."),
            (
                "Бұғаттау – шарттары бұзылса, деректерді бұғаттауды талап ету",
                "support@mfo.kz поштасына өтініш",
            ),
            ("жою туралы талап", "Письмо в офис"),
        ];
        let mut blocks = Vec::new();
        for (r, (kk, ru)) in rows.iter().enumerate() {
            for (k, (text, lang)) in [(kk, Lang::Kk), (ru, Lang::Ru)].into_iter().enumerate() {
                let mut b = block(text, lang, r + 1);
                b.row = Some(r as u32);
                b.group = Some((2 * r + k) as u32);
                b.starts_paragraph = true;
                blocks.push(b);
            }
        }
        let s = split(&blocks);
        assert_eq!(
            texts(&s.ru),
            [
                "4.1. Данные хранятся на серверах на территории Республики Казахстан.",
                "support@mfo.kz поштасына өтініш",
                "Письмо в офис"
            ]
        );
        // A data table's row is an entry where a cell above it is short
        // («support@…» above «Письмо в офис»): no line of a wrapped column.
    }

    #[test]
    fn a_paragraph_the_layout_starts_with_a_year_is_its_own() {
        let title = "«Әсем Кредит» онлайн-сервисі пайдаланушыларының дербес деректерін өңдеу тәртібі туралы хабарлама";
        let mut blocks = vec![
            block(title, Lang::Kk, 0),
            block("2025 жылғы 1 сәуірдегі редакция", Lang::Kk, 200),
        ];
        assert_eq!(split(&blocks).kk.len(), 1, "a wrapped line goes on");
        blocks[1].starts_paragraph = true;
        assert_eq!(split(&blocks).kk.len(), 2, "a table row or <p> does not");
    }

    #[test]
    fn a_table_row_with_its_own_number_is_never_a_continuation() {
        let mut blocks = vec![
            block("13. Блокирование карты", Lang::Ru, 0),
            block("13.1 без занесения в стоп-лист 0 KZT", Lang::Ru, 100),
            block(
                "13.2 без занесения в стоп-лист через StarBanking 0 KZT",
                Lang::Ru,
                200,
            ),
        ];
        assert_eq!(
            split(&blocks).ru.len(),
            1,
            "in running text, a cross-reference"
        );
        for b in &mut blocks {
            (b.starts_paragraph, b.table_row) = (true, true);
        }
        assert_eq!(
            texts(&split(&blocks).ru),
            [
                "13. Блокирование карты",
                "13.1 без занесения в стоп-лист 0 KZT",
                "13.2 без занесения в стоп-лист через StarBanking 0 KZT"
            ]
        );
    }

    #[test]
    fn a_data_line_after_a_colon_completes_the_sentence() {
        let blocks = vec![
            block("Сұрату электронды мекенжайға жіберілуі тиіс:", Lang::Kk, 0),
            block("info@dossym.kz.", Lang::Kk, 100),
        ];
        assert_eq!(split(&blocks).kk.len(), 1);
    }

    #[test]
    fn dash_items_after_a_heading_or_in_a_run() {
        let blocks = vec![
            block("1. Байланыс", Lang::Kk, 0),
            bullet("- Мекенжайы: Алматы қ.", Lang::Kk, 50),
            block("1.1. Оператор обрабатывает следующие данные", Lang::Ru, 100),
            bullet("- фамилия, имя;", Lang::Ru, 150),
            bullet("- номер телефона.", Lang::Ru, 200),
        ];
        let s = split(&blocks);
        assert_eq!(s.kk.len(), 2);
        assert_eq!(s.ru.len(), 3);
        // A quoted term on its own line takes its dashed definition.
        let blocks = vec![
            block("«Оператор»", Lang::Kk, 0),
            bullet("– дербес деректерді өңдейтін тұлға.", Lang::Kk, 50),
        ];
        assert_eq!(split(&blocks).kk.len(), 1);
    }

    #[test]
    fn abbreviations_and_numbers_at_line_ends() {
        let blocks = vec![
            block(
                "4.1. Субъект вправе отозвать согласие в соответствии со ст.",
                Lang::Ru,
                0,
            ),
            block(
                "8 Закона, при этом соблюдаются случаи, указанные в п.",
                Lang::Ru,
                100,
            ),
            block("3.2 настоящей Политики.", Lang::Ru, 200),
            block(
                "4.2. Обращения направляются по адресу МФО: г.",
                Lang::Ru,
                300,
            ),
            block("Алматы, пр. Абая, д.", Lang::Ru, 400),
            block("10, 5 этаж.", Lang::Ru, 500),
            block("Утверждено 15.03.2024 г.", Lang::Ru, 600),
            block("Настоящая Политика действует.", Lang::Ru, 700),
            block(
                "4.1. Субъект келісімін кері шақыруға құқылы, бұл ретте осы Саясаттың",
                Lang::Kk,
                800,
            ),
            block(
                "3.2-тармағында көрсетілген жағдайлар сақталады.",
                Lang::Kk,
                900,
            ),
        ];
        let s = split(&blocks);
        assert_eq!(
            texts(&s.ru),
            vec![
                "4.1. Субъект вправе отозвать согласие в соответствии со ст. 8 Закона, при этом соблюдаются случаи, указанные в п. 3.2 настоящей Политики.",
                "4.2. Обращения направляются по адресу МФО: г. Алматы, пр. Абая, д. 10, 5 этаж.",
                "Утверждено 15.03.2024 г.",
                "Настоящая Политика действует.",
            ]
        );
        assert_eq!(s.kk.len(), 1);
    }

    #[test]
    fn a_lone_clause_number_takes_its_text() {
        let blocks = vec![
            block("2.3. Деректер сақталады.", Lang::Kk, 0),
            block("3.", Lang::Kk, 100),
            block("3. Хранение данных", Lang::Ru, 150),
            block("Деректерді сақтау", Lang::Kk, 200),
        ];
        let s = split(&blocks);
        assert_eq!(
            texts(&s.kk),
            vec!["2.3. Деректер сақталады.", "3. Деректерді сақтау"]
        );
    }

    #[test]
    fn leading_markers() {
        assert_eq!(leading_marker("2.4. настоящей"), Some(Some('н')));
        assert_eq!(leading_marker("1) Біз"), Some(Some('Б')));
        assert_eq!(leading_marker("(а) Сіз"), Some(Some('С')));
        assert_eq!(leading_marker("- 1) назначение"), Some(Some('н')));
        assert_eq!(leading_marker("18 жасқа"), None);
        assert_eq!(leading_marker("II. Общие"), Some(Some('О')));
        assert_eq!(leading_marker("3-бап. Құқықтар"), Some(Some('Қ')));
        assert_eq!(leading_marker("Мәтін"), None);
    }
}
