//! Invisible and compatibility characters, normalised in one place: every
//! block that leaves `ingest` has run texts normalised here, so `lang`,
//! `streams`, `clauses`, `extract` and `check` never see the characters
//! below; only the layout analysis of each format (lines, columns, tags)
//! reads the decoded text as it is, where a ligature or a soft hyphen still
//! takes one column as it did on the page.
//!
//! What changes, character by character:
//! - removed: the soft hyphen U+00AD inside a word, zero-width space, joiners
//!   and non-joiners U+200B–U+200D, the word joiner U+2060 and the invisible
//!   operators U+2061–U+2064, U+FEFF inside the text, left-to-right and
//!   right-to-left marks and embeddings (U+200E, U+200F, U+202A–U+202E,
//!   U+2066–U+2069), U+180E and variation selectors U+FE00–U+FE0F;
//! - a soft hyphen at the end of a line (only blanks after it) is the hyphen
//!   a reader saw there: `-`, so a word split at the line end is rejoined
//!   like any other hyphenated word;
//! - U+2028, U+2029 and U+0085 are line breaks (`\n`); the text layout cuts
//!   lines at them too (see `text::lines`);
//! - the hyphens U+2010 and U+2011 (non-breaking) are `-`;
//! - compatibility forms that only ever stand for ASCII letters, digits and
//!   signs take their NFKC form: Latin ligatures U+FB00–U+FB06 (ﬁ ﬂ ﬃ → fi
//!   fl ffi), full-width ASCII U+FF01–U+FF5E (＠ → @), mathematical
//!   alphanumerics U+1D400–U+1D7FF and Roman numerals U+2160–U+217F. NFKC is
//!   not applied to the whole text: it would turn «№» into «No», «…» into
//!   «...» and footnote superscripts into digits;
//! - the bullets of symbol fonts left in the private use area, as Word and
//!   LibreOffice draw list bullets (Symbol's U+F0B7, Wingdings' U+F0A7 and
//!   U+F076; a PDF's ToUnicode map or a DOCX run in such a font gives these
//!   codes), are the bullet `•`: they stand for nothing else in text;
//! - every sequence of a starter and its combining marks is put in NFC
//!   («е» + U+0308 → «ё», «и» + U+0306 → «й»);
//! - the Latin schwa ə/Ə (U+0259/U+018F) inside a word that has Cyrillic
//!   letters is read as the Kazakh ә/Ә, and the repair is recorded as a
//!   [`ScriptRepair`] (the `mixed_script` check reports it).
//!
//! Invariants:
//! - Spans still point at the source: a run is cut into pieces, a verbatim
//!   piece (its text is exactly the source bytes of its span) for every
//!   unchanged stretch and one piece per change, whose span is the source
//!   bytes it replaces (possibly with empty text). So every byte a run
//!   covered is covered by exactly one of its pieces, and
//!   [`crate::model::Joined`] still maps each unchanged character to its own
//!   source byte.
//! - A block whose text is empty after normalisation (a line holding only a
//!   zero-width space or a BOM) becomes [`DropKind::Invisible`] dropped
//!   spans, so nothing is lost.
//! - Normalisation is idempotent: [`text`] of its own output changes nothing.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::{Block, DropKind, Dropped, Run, ScriptRepair, Span};
use crate::tokens::{is_cyrillic, is_letter};

/// Characters removed wherever they stand (the soft hyphen only inside a
/// line; see the module documentation).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// The replacement of a compatibility character, if it has one here.
fn compatibility(c: char) -> Option<String> {
    match c {
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Some("\n".to_string()),
        '\u{2010}' | '\u{2011}' => Some("-".to_string()),
        '\u{F0B7}' | '\u{F0A7}' | '\u{F076}' => Some("•".to_string()),
        '\u{FB00}'..='\u{FB06}'
        | '\u{FF01}'..='\u{FF5E}'
        | '\u{1D400}'..='\u{1D7FF}'
        | '\u{2160}'..='\u{217F}' => Some(std::iter::once(c).nfkc().collect()),
        _ => None,
    }
}

/// The Kazakh letter a Latin look-alike outside ASCII stands for inside a
/// Cyrillic word.
fn kazakh_for(c: char) -> Option<char> {
    match c {
        'ə' => Some('ә'),
        'Ə' => Some('Ә'),
        _ => None,
    }
}

/// One change: bytes `start..end` of the text read as `with`.
#[derive(Debug, Clone, PartialEq)]
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// Does the text need any work? (Most runs are plain Cyrillic and ASCII.)
fn may_change(s: &str) -> bool {
    s.chars().any(|c| {
        !c.is_ascii()
            && (is_invisible(c)
                || compatibility(c).is_some()
                || kazakh_for(c).is_some()
                || canonical_combining_class(c) != 0)
    }) || is_nfc_quick(s.chars()) != IsNormalized::Yes
}

/// A soft hyphen at `i` ends its line: only blanks up to a line break or the
/// end of the text. `tail` is the source text that follows `s`.
fn ends_line(s: &str, i: usize, tail: &str) -> bool {
    s[i + '\u{00AD}'.len_utf8()..]
        .chars()
        .chain(tail.chars())
        .find(|&c| c != ' ' && c != '\t' && !is_invisible(c))
        .is_none_or(|c| {
            matches!(
                c,
                '\n' | '\r' | '\u{0C}' | '\u{2028}' | '\u{2029}' | '\u{85}'
            )
        })
}

/// The byte range of the word around byte `i` (letters, with invisible
/// characters inside it).
fn word_at(s: &str, i: usize) -> (usize, usize) {
    let part = |c: char| is_letter(c) || is_invisible(c);
    let start = s[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(i, |(j, _)| j);
    let end = s[i..]
        .char_indices()
        .find(|&(_, c)| !part(c))
        .map_or(s.len(), |(j, _)| i + j);
    (start, end)
}

/// The changes to make to `s`, in order, never overlapping, and the word
/// ranges where a Latin letter was read as a Kazakh one. `tail` is the
/// source text after `s` (to see whether a soft hyphen ends a line).
fn edits(s: &str, tail: &str) -> (Vec<Edit>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut words: Vec<(usize, usize)> = Vec::new();
    if !may_change(s) {
        return (out, words);
    }
    let nfc_ok = is_nfc_quick(s.chars()) == IsNormalized::Yes;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = i + c.len_utf8();
        if c == '\u{00AD}' && ends_line(s, i, tail) {
            out.push(Edit {
                start: i,
                end,
                with: "-".to_string(),
            });
        } else if is_invisible(c) {
            out.push(Edit {
                start: i,
                end,
                with: String::new(),
            });
        } else if let Some(with) = compatibility(c) {
            out.push(Edit {
                start: i,
                end,
                with,
            });
        } else if let Some(k) = kazakh_for(c) {
            let (a, b) = word_at(s, i);
            if s[a..b].chars().any(is_cyrillic) {
                out.push(Edit {
                    start: i,
                    end,
                    with: k.to_string(),
                });
                if words.last() != Some(&(a, b)) {
                    words.push((a, b));
                }
            }
        } else if !nfc_ok {
            // A starter and the combining marks after it, composed.
            let mut seq_end = end;
            while let Some(&(j, m)) = it.peek() {
                if canonical_combining_class(m) == 0 {
                    break;
                }
                seq_end = j + m.len_utf8();
                it.next();
            }
            let seq = &s[i..seq_end];
            let composed: String = seq.nfc().collect();
            if composed != seq {
                out.push(Edit {
                    start: i,
                    end: seq_end,
                    with: composed,
                });
            }
        }
    }
    (out, words)
}

/// Apply edits to `s[from..to]`.
fn apply(s: &str, edits: &[Edit], from: usize, to: usize) -> String {
    let mut out = String::with_capacity(to - from);
    let mut pos = from;
    for e in edits.iter().filter(|e| e.start >= from && e.end <= to) {
        out.push_str(&s[pos..e.start]);
        out.push_str(&e.with);
        pos = e.end;
    }
    out.push_str(&s[pos..to]);
    out
}

/// The normalised form of a whole text (what [`blocks`] does to each run).
pub fn text(s: &str) -> String {
    let (edits, _) = edits(s, "");
    apply(s, &edits, 0, s.len())
}

/// Normalise one run: verbatim pieces for unchanged stretches, one piece per
/// change (see the module invariants). Repairs of Latin letters are pushed
/// to `repairs` with their source spans.
fn run(source: &str, run: Run, repairs: &mut Vec<ScriptRepair>) -> Vec<Run> {
    let tail = source.get(run.span.end..).unwrap_or_default();
    let (edits, words) = edits(&run.text, tail);
    if edits.is_empty() {
        return vec![run];
    }
    let verbatim = run.text.len() == run.span.len();
    let base = run.span.start;
    for &(a, b) in &words {
        let span = if verbatim {
            Span {
                start: base + a,
                end: base + b,
                page: run.span.page,
            }
        } else {
            run.span
        };
        repairs.push(ScriptRepair {
            span,
            written: run.text[a..b].to_string(),
            read: apply(&run.text, &edits, a, b),
        });
    }
    if !verbatim {
        // Entity text or a term joined from several runs: the span has no
        // byte-for-byte relation to the text, so only the text changes.
        let text = apply(&run.text, &edits, 0, run.text.len());
        return vec![Run { text, ..run }];
    }
    let piece = |text: String, a: usize, b: usize| Run {
        text,
        span: Span {
            start: base + a,
            end: base + b,
            page: run.span.page,
        },
        glue: true,
    };
    let mut out = Vec::with_capacity(edits.len() * 2 + 1);
    let mut pos = 0;
    for e in &edits {
        if e.start > pos {
            out.push(piece(run.text[pos..e.start].to_string(), pos, e.start));
        }
        out.push(piece(e.with.clone(), e.start, e.end));
        pos = e.end;
    }
    if pos < run.text.len() {
        out.push(piece(run.text[pos..].to_string(), pos, run.text.len()));
    }
    if let Some(first) = out.first_mut() {
        first.glue = run.glue;
    }
    out
}

/// Normalise the runs of every block. A block left with no text becomes
/// [`DropKind::Invisible`] dropped spans of `source` (the text the spans
/// index), and the block after it is set apart as after a blank line. Returns the blocks and the Latin letters read as Kazakh ones.
pub fn blocks(
    source: &str,
    blocks: Vec<Block>,
    dropped: &mut Vec<Dropped>,
) -> (Vec<Block>, Vec<ScriptRepair>) {
    let mut repairs = Vec::new();
    let mut out = Vec::with_capacity(blocks.len());
    // A line that shows nothing reads as a blank line: the block after it
    // is set apart by a gap.
    let mut gap = false;
    for mut b in blocks {
        let runs = std::mem::take(&mut b.runs);
        b.runs = runs
            .into_iter()
            .flat_map(|r| run(source, r, &mut repairs))
            .collect();
        if b.runs.iter().any(|r| !r.text.trim().is_empty()) {
            b.gap_before |= std::mem::take(&mut gap) && !out.is_empty();
            out.push(b);
            continue;
        }
        gap = true;
        for r in b.runs.into_iter().filter(|r| !r.span.is_empty()) {
            let text = source
                .get(r.span.start..r.span.end)
                .unwrap_or_default()
                .to_string();
            if text.trim().is_empty() {
                continue;
            }
            dropped.push(Dropped {
                kind: DropKind::Invisible,
                text,
                span: r.span,
            });
        }
    }
    (out, repairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockHint, join_runs};

    #[test]
    fn text_table() {
        let cases = [
            ("құқық\u{AD}тары", "құқықтары"),
            ("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f", "abcdef"),
            ("жол\u{2028}жол\u{2029}жол\u{85}", "жол\nжол\nжол\n"),
            (
                "o\u{FB03}ce@mysal-\u{FB01}nance.kz",
                "office@mysal-finance.kz",
            ),
            ("сондай\u{2011}ақ", "сондай-ақ"),
            ("info\u{FF20}a.kz", "info@a.kz"),
            ("е\u{0308}", "ё"),
            ("и\u{0306}", "й"),
            ("ЖƏНЕ жəне", "ЖӘНЕ және"),
            // A Latin word keeps its schwa.
            ("Əliyev", "Əliyev"),
            // № and … and superscripts are not compatibility-folded.
            ("№ 94-V…¹", "№ 94-V…¹"),
            // A soft hyphen before a line end is the hyphen a reader saw.
            ("дерек\u{AD}\nтер", "дерек-\nтер"),
            ("дерек\u{AD}", "дерек-"),
            ("plain ascii", "plain ascii"),
            // Symbol and Wingdings bullets in the private use area.
            ("\u{F0B7} тіркеу;", "• тіркеу;"),
            ("\u{F0A7} a \u{F076} b", "• a • b"),
            // Other private use codes are left as they are.
            ("\u{F0B6}\u{E000}", "\u{F0B6}\u{E000}"),
        ];
        for (input, want) in cases {
            assert_eq!(text(input), want, "{input:?}");
            assert_eq!(text(want), want, "idempotent on {want:?}");
        }
    }

    fn block(text: &str, start: usize) -> Block {
        Block::new(
            vec![Run {
                text: text.to_string(),
                span: Span::new(start, start + text.len()),
                glue: false,
            }],
            BlockHint::Text,
            1,
        )
    }

    #[test]
    fn runs_are_cut_so_that_spans_still_point_at_the_source() {
        let src = "xx дерек\u{AD}терінің ﬁnance жəне";
        let b = block(&src[3..], 3);
        let mut dropped = Vec::new();
        let (blocks, repairs) = blocks(src, vec![b], &mut dropped);
        assert!(dropped.is_empty());
        let runs = &blocks[0].runs;
        assert_eq!(join_runs(runs), "деректерінің finance және");
        // The pieces tile the original span, in order.
        assert_eq!(runs[0].span.start, 3);
        assert_eq!(runs.last().unwrap().span.end, src.len());
        for w in runs.windows(2) {
            assert_eq!(w[0].span.end, w[1].span.start);
        }
        // Every piece is verbatim source text or one change.
        for r in runs {
            let source = &src[r.span.start..r.span.end];
            assert!(
                r.text == source || ["", "fi", "ә"].contains(&r.text.as_str()),
                "{r:?}"
            );
        }
        assert_eq!(repairs.len(), 1);
        assert_eq!(repairs[0].written, "жəне");
        assert_eq!(repairs[0].read, "және");
        assert_eq!(&src[repairs[0].span.start..repairs[0].span.end], "жəне");
    }

    #[test]
    fn a_symbol_font_bullet_keeps_its_source_span() {
        let src = "1.\n\u{F0B7} уведомление";
        let b = block(&src[3..], 3);
        let (blocks, _) = blocks(src, vec![b], &mut Vec::new());
        let runs = &blocks[0].runs;
        assert_eq!(join_runs(runs), "• уведомление");
        assert_eq!(runs[0].text, "•");
        assert_eq!(&src[runs[0].span.start..runs[0].span.end], "\u{F0B7}");
        assert_eq!(runs[1].span.start, runs[0].span.end);
        assert_eq!(runs.last().unwrap().span.end, src.len());
    }

    #[test]
    fn an_invisible_only_block_is_dropped_not_lost() {
        let src = "\u{200B}\u{FEFF}\nмәтін";
        let mut dropped = Vec::new();
        let (blocks, _) = blocks(
            src,
            vec![block("\u{200B}\u{FEFF}", 0), block("мәтін", 7)],
            &mut dropped,
        );
        assert_eq!(blocks.len(), 1);
        assert_eq!(dropped.len(), 2);
        assert!(dropped.iter().all(|d| d.kind == DropKind::Invisible));
        assert_eq!(dropped[0].span, Span::new(0, 3));
    }

    #[test]
    fn an_invisible_line_reads_as_a_blank_line() {
        let src = "сөз\n\u{200B}\nмәтін";
        let mut dropped = Vec::new();
        let (blocks, _) = blocks(
            src,
            vec![block("сөз", 0), block("\u{200B}", 7), block("мәтін", 11)],
            &mut dropped,
        );
        let gaps: Vec<bool> = blocks.iter().map(|b| b.gap_before).collect();
        assert_eq!(gaps, [false, true]);
    }

    #[test]
    fn entity_runs_change_their_text_only() {
        // «дерек&shy;терінің»: the entity run is followed by more word.
        let src = "<p>дерек&shy;терінің</p>";
        let r = Run {
            text: "\u{AD}".to_string(),
            span: Span::new(13, 18),
            glue: true,
        };
        assert_eq!(&src[13..18], "&shy;");
        let out = run(src, r, &mut Vec::new());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "");
        assert_eq!(out[0].span, Span::new(13, 18));
    }
}
