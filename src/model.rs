//! The domain model shared by every pipeline stage: plain data, no behaviour
//! beyond small helpers.
//!
//! Invariants the stages maintain (and tests assert):
//! - A [`Span`] is a byte range into [`Source::text`], the decoded UTF-8 text
//!   of the input (for a PDF, the text the extractor laid out).
//! - Every non-whitespace character of `Source::text` lies in exactly one
//!   clause segment or one [`Dropped`] span.
//! - Clauses of one language are in reading order and their segments are
//!   disjoint.
//! - Pairs are monotonic: clause indices never decrease on either side,
//!   but for the two cells of a kk | ru table row, paired by the layout
//!   wherever the row sits in each stream (same source line and page); and
//!   every clause is in exactly one pair.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Language of a block, clause or finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::Other => "other",
        }
    }

    /// The English name, for messages: `Kazakh`, `Russian`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Kk => "Kazakh",
            Lang::Ru => "Russian",
            Lang::Other => "other-language",
        }
    }

    /// The other language of the kk/ru pair (`Other` maps to itself).
    pub fn counterpart(self) -> Lang {
        match self {
            Lang::Kk => Lang::Ru,
            Lang::Ru => Lang::Kk,
            Lang::Other => Lang::Other,
        }
    }
}

/// A byte range of the source text, with the page where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            page: None,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// A piece of document text and where it came from. `text` is the source
/// slice with markup entities decoded; it never spans removed markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub span: Span,
    /// The run continues the previous run on the same line (they were split
    /// only by markup), so joining inserts no space between them.
    pub glue: bool,
}

/// What the layout says a block is, before any reading of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockHint {
    /// Ordinary text: a paragraph, or one physical line of a wrapped column.
    Text,
    /// A list item introduced by markup (`<li>`, `•`, `-`).
    Bullet,
    /// Emphasised or table-header text that reads as a heading.
    Heading,
    /// A glossary row: the first run is the term, the rest the definition.
    Definition,
}

/// A unit of layout: a paragraph, a line of a wrapped column, a table cell
/// paragraph, a list item, or a glossary entry. Produced by `ingest`, tagged
/// with a language by `lang`.
#[derive(Debug, Clone)]
pub struct Block {
    pub runs: Vec<Run>,
    pub hint: BlockHint,
    /// 1-based line of the source where the block starts (for text input), or
    /// the line index within the page's extracted text (for PDF).
    pub line: usize,
    pub page: Option<u32>,
    /// Blocks that share a group came from one table cell or one PDF column
    /// of one page: their language is decided together.
    pub group: Option<u32>,
    /// The layout says this block starts a new paragraph (an HTML `<p>`, a
    /// bullet, a table row's first cell), not a possible continuation.
    pub starts_paragraph: bool,
    /// The block is one whole row of a table, its cells in reading order (a
    /// PDF's ruled table row, [`crate::ingest`]): opened by a clause number
    /// of its own, it is a clause of its own, whatever case its label
    /// starts in («13. Блокирование карты» / «13.1 без занесения …»).
    pub table_row: bool,
    /// The block ends on a physical line that reaches the column's wrap width,
    /// so its end may be a soft line break rather than a paragraph end.
    pub ends_wrapped: bool,
    /// A blank line separates the block from the text before it (plain
    /// text): the layout's own paragraph or block break.
    pub gap_before: bool,
    /// Bounding box `[x0, y0, x1, y1]` in PDF points, for PDF input.
    pub bbox: Option<[f32; 4]>,
    /// The table row (of a text table) whose cell the block is in: `lang`
    /// reads a row's cells together, and a table's columns keep their
    /// language. A row may run over several lines (a quoted CSV cell).
    pub row: Option<u32>,
    /// The number a browser prints before an HTML `<ol>` item that carries
    /// none of its own: (position in its list, from `start`; list depth, 1
    /// for a top-level list).
    pub ordinal: Option<(u32, u8)>,
    /// A clause number printed elsewhere in the layout that applies to
    /// this block: an HTML table row's number cell («| 6.2 | kk | ru |»)
    /// numbers every cell of the row, though its characters belong to one.
    pub row_number: Option<String>,
    /// The block is a numbered list item indented under the numbered item
    /// above it (a Markdown or typed list nested by indentation, «3. …:»
    /// then «   1. …»): its plain number is an item of that clause, as a
    /// nested `<ol>`'s would be, not a section of its own.
    pub nested: bool,
    /// The language the author declared for the block (an HTML `lang`
    /// attribute on its paragraph or container): the author's word, which
    /// `lang::tag` keeps whatever the text's own evidence says.
    pub declared_lang: Option<Lang>,
    pub lang: Lang,
}

impl Block {
    pub fn new(runs: Vec<Run>, hint: BlockHint, line: usize) -> Block {
        Block {
            runs,
            hint,
            line,
            page: None,
            group: None,
            starts_paragraph: false,
            table_row: false,
            ends_wrapped: false,
            gap_before: false,
            bbox: None,
            row: None,
            ordinal: None,
            row_number: None,
            nested: false,
            declared_lang: None,
            lang: Lang::Other,
        }
    }

    /// The block's text: its runs joined by single spaces.
    pub fn text(&self) -> String {
        join_runs(&self.runs)
    }
}

/// Join runs into clean text: glued runs are concatenated, others are
/// separated by one space, a word hyphenated across a line break is rejoined
/// (without the hyphen where it only split the word, by the one rule of
/// [`crate::tokens::soft_line_hyphen`]), and whitespace is collapsed.
pub fn join_runs(runs: &[Run]) -> String {
    Joined::new(runs).text
}

/// Collapse every run of whitespace to one space and trim both ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Runs joined into clean text, with a map from each text byte back to the
/// source, so that a cut in the text is a cut in the source.
#[derive(Debug, Clone)]
pub struct Joined {
    pub text: String,
    /// For each byte of `text`: the source offset of the character it
    /// belongs to (inserted spaces map to the next run's start).
    src: Vec<usize>,
    /// The runs' spans, in order.
    spans: Vec<Span>,
}

impl Joined {
    pub fn new(runs: &[Run]) -> Joined {
        let mut text = String::new();
        let mut src = Vec::new();
        let mut pending_space = false;
        for (i, run) in runs.iter().enumerate() {
            // The next line's indent after a word broken at the line end
            // («терри-» / «   тории») is no space between its halves.
            let mut joins_word = false;
            if i > 0 && !run.glue {
                // A word broken across lines: «IP-» + «адрес», «және/» +
                // «немесе» (a letter, a hyphen or slash, then lower case);
                // a number broken at its hyphen: a telephone «3-» +
                // «40-02», a range «1990-» + «2000», a suffix «14-» +
                // «кеңсе» (a digit, then a digit or lower case).
                let before = text
                    .strip_suffix(['-', '/'])
                    .and_then(|t| t.chars().next_back());
                let next = run.text.trim_start().chars().next();
                let broken = (text.ends_with(['-', '/'])
                    && before.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_lowercase))
                    || (text.ends_with('-')
                        && before.is_some_and(|c| c.is_ascii_digit())
                        && next.is_some_and(|c| c.is_ascii_digit() || c.is_lowercase()));
                joins_word = broken;
                if !broken {
                    pending_space = true;
                } else if text.ends_with('-') {
                    // The hyphen goes where it only split the word at the
                    // line end («өз-» + «гертуді»), and stays in «сондай-ақ»,
                    // «IP-адрес», e-mails and URLs (`tokens::soft_line_hyphen`).
                    let hyphen = text.len() - 1;
                    // The last word, looked for in a bounded tail (a text
                    // with no space must not make every join scan it all).
                    let mut from = hyphen.saturating_sub(128);
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    let left = text[from..hyphen].rsplit(' ').next().unwrap_or("");
                    let right = run.text.split_whitespace().next().unwrap_or("");
                    if crate::tokens::soft_line_hyphen(left, right) {
                        text.truncate(hyphen);
                        src.truncate(hyphen);
                    }
                }
            }
            let verbatim = run.text.len() == run.span.len();
            for (off, ch) in run.text.char_indices() {
                if ch.is_whitespace() {
                    pending_space |= !joins_word;
                    continue;
                }
                joins_word = false;
                let at = if verbatim {
                    run.span.start + off
                } else {
                    run.span.start
                };
                if pending_space && !text.is_empty() {
                    text.push(' ');
                    src.push(at);
                }
                pending_space = false;
                text.push(ch);
                src.extend(std::iter::repeat_n(at, ch.len_utf8()));
            }
        }
        Joined {
            text,
            src,
            spans: runs.iter().map(|r| r.span).collect(),
        }
    }

    /// Source offset where text byte `pos` starts (`text.len()` maps to the
    /// end of the last run).
    fn source_at(&self, pos: usize) -> usize {
        match self.src.get(pos) {
            Some(&s) => s,
            None => self.spans.last().map_or(0, |s| s.end),
        }
    }

    /// The source spans behind text bytes `a..b`: the runs from the one
    /// holding the first cut point to the one holding the second, in the
    /// runs' order, the first and last clipped at the cut points. (Runs
    /// need not be in source order: a side-by-side column's part may come
    /// from a line below the next part's.)
    pub fn segments(&self, a: usize, b: usize) -> Vec<Span> {
        let lo = if a == 0 {
            self.spans.first().map_or(0, |s| s.start)
        } else {
            self.source_at(a)
        };
        let hi = self.source_at(b);
        let holding = |at: usize| self.spans.iter().position(|s| s.start <= at && at < s.end);
        let first = if a == 0 { Some(0) } else { holding(lo) };
        let last = if b >= self.text.len() {
            self.spans.len().checked_sub(1)
        } else {
            holding(hi)
        };
        // A cut point in no run (an empty run's span): every run is
        // clipped to the source range, which is right where the runs are
        // in source order.
        let (first, last, by_source) = match (first, last) {
            (Some(f), Some(l)) if f <= l => (f, l, false),
            _ => (0, self.spans.len().saturating_sub(1), true),
        };
        let mut out: Vec<Span> = Vec::new();
        for (i, s) in self.spans.iter().enumerate().take(last + 1).skip(first) {
            let start = if i == first || by_source {
                s.start.max(lo)
            } else {
                s.start
            };
            let end = if i == last || by_source {
                s.end.min(hi)
            } else {
                s.end
            };
            if start >= end {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.end == start && last.page == s.page => last.end = end,
                _ => out.push(Span {
                    start,
                    end,
                    page: s.page,
                }),
            }
        }
        out
    }
}

/// Why a piece of the source is not part of any clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropKind {
    /// HTML tags, Markdown emphasis and table rules.
    Markup,
    /// A bare page number.
    PageNumber,
    /// A header or footer repeated across pages.
    RepeatedHeader,
    /// A footnote printed at the foot of a page («¹ Далее по тексту…»).
    Footnote,
    /// Link annotations dumped as bare URL lines.
    LinkDump,
    /// Invisible characters (zero-width spaces, a BOM) with no text around
    /// them: what `ingest::normalise` removes inside text is part of its
    /// clause, a line of nothing else is dropped here.
    Invisible,
    /// A line OCR read on a scanned page with no letter or digit in it
    /// (specks, rules, the border of a stamp).
    OcrNoise,
}

/// Layout noise removed from the text, kept so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dropped {
    pub kind: DropKind,
    pub text: String,
    pub span: Span,
}

/// What a clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// Title, approval stamp and introduction before the first section.
    Preamble,
    /// A numbered or unnumbered heading.
    Heading,
    /// A numbered clause such as `2.4.` (its text is not a heading).
    Numbered,
    /// An enumerated item such as `1)`, `(a)`, `а)`.
    Item,
    /// A bulleted list item.
    Bullet,
    /// An unnumbered paragraph after the preamble.
    Paragraph,
    /// A glossary entry: term and definition.
    Definition,
}

/// One clause of one language stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Stable id, e.g. `kk:3.2`, `ru:3.2#2` (repeated number), `kk:2.4(1)`,
    /// `ru:2.3-b2` (second bullet after 2.3), `kk:p3` (third preamble part).
    pub id: String,
    pub lang: Lang,
    /// Normalised number path, e.g. `2.4` or `2.4(1)`; `None` if unnumbered.
    pub number: Option<String>,
    /// The marker as printed, e.g. `2.4.` or `1)` or `•`.
    pub label: Option<String>,
    pub kind: ClauseKind,
    /// Clean text, whitespace collapsed, including the label.
    pub text: String,
    /// Glossary term for a definition.
    pub term: Option<String>,
    /// Source pieces, in reading order; disjoint from every other clause's.
    pub segments: Vec<Span>,
    pub line: usize,
    pub page: Option<u32>,
    /// The enclosing numbered clause's number, for items and bullets.
    pub parent: Option<String>,
}

impl Clause {
    /// A clause built by hand from an id and its text (the language is the
    /// id's prefix): a numbered clause with no number, label or source
    /// span. Callers set other fields with struct update syntax.
    pub fn from_text(id: &str, text: &str) -> Clause {
        Clause {
            id: id.into(),
            lang: if id.starts_with("kk") {
                Lang::Kk
            } else {
                Lang::Ru
            },
            number: None,
            label: None,
            kind: ClauseKind::Numbered,
            text: text.into(),
            term: None,
            segments: vec![],
            line: 1,
            page: None,
            parent: None,
        }
    }

    /// The text after the label.
    pub fn body(&self) -> &str {
        match &self.label {
            Some(label) if self.text.starts_with(label.as_str()) => {
                self.text[label.len()..].trim_start()
            }
            _ => &self.text,
        }
    }

    /// Display number: the number, or the id's local part.
    pub fn cite(&self) -> &str {
        self.id.split_once(':').map(|(_, n)| n).unwrap_or(&self.id)
    }
}

/// One step of the kk↔ru alignment: 1-1, 1-0, 0-1, 1-2 or 2-1 clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Indices into the document's clauses.
    pub kk: Vec<usize>,
    pub ru: Vec<usize>,
    /// Confidence in [0, 1]; 0 for an unpaired clause.
    pub score: f32,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// What a finding is about: a closed set, serialised in snake_case (the
/// names README.md documents and the JSON contract carries).
///
/// Single-document kinds are made by `check` (structure, parity, meaning,
/// legal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    // structure (check::structure)
    SingleLanguage,
    UnpairedClause,
    NumberMismatch,
    NumberingGap,
    NumberingDuplicate,
    NumberingOrder,
    // entities (check::parity::entities)
    FigureMismatch,
    PeriodMismatch,
    DateMismatch,
    ContactMismatch,
    LawReferenceMismatch,
    NameMismatch,
    // terms, structure, language and spelling parity
    TermMismatch,
    ListItemMismatch,
    LengthMismatch,
    HeadingMismatch,
    UntranslatedText,
    UntranslatedClause,
    MixedScript,
    KazakhSpelling,
    InconsistentName,
    // meaning (check::meaning)
    MeaningOmission,
    MeaningNegation,
    MeaningModality,
    MeaningQuantifier,
    MeaningSubstitution,
    // legal (check::legal, from extract::provisions)
    RightMissing,
    RightOneLanguage,
    RightRestricted,
    DisclosureMissing,
    DisclosureOneLanguage,
    ForeignLaw,
    WrongLawCitation,
    ObligationMisstated,
    // the audit (corpus::audit)
    ManifestLanguages,
}

impl FindingKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::SingleLanguage,
        FindingKind::UnpairedClause,
        FindingKind::NumberMismatch,
        FindingKind::NumberingGap,
        FindingKind::NumberingDuplicate,
        FindingKind::NumberingOrder,
        FindingKind::FigureMismatch,
        FindingKind::PeriodMismatch,
        FindingKind::DateMismatch,
        FindingKind::ContactMismatch,
        FindingKind::LawReferenceMismatch,
        FindingKind::NameMismatch,
        FindingKind::TermMismatch,
        FindingKind::ListItemMismatch,
        FindingKind::LengthMismatch,
        FindingKind::HeadingMismatch,
        FindingKind::UntranslatedText,
        FindingKind::UntranslatedClause,
        FindingKind::MixedScript,
        FindingKind::KazakhSpelling,
        FindingKind::InconsistentName,
        FindingKind::MeaningOmission,
        FindingKind::MeaningNegation,
        FindingKind::MeaningModality,
        FindingKind::MeaningQuantifier,
        FindingKind::MeaningSubstitution,
        FindingKind::RightMissing,
        FindingKind::RightOneLanguage,
        FindingKind::RightRestricted,
        FindingKind::DisclosureMissing,
        FindingKind::DisclosureOneLanguage,
        FindingKind::ForeignLaw,
        FindingKind::WrongLawCitation,
        FindingKind::ObligationMisstated,
        FindingKind::ManifestLanguages,
    ];

    /// The snake_case name (as serialised).
    pub fn name(self) -> &'static str {
        use FindingKind::*;
        match self {
            SingleLanguage => "single_language",
            UnpairedClause => "unpaired_clause",
            NumberMismatch => "number_mismatch",
            NumberingGap => "numbering_gap",
            NumberingDuplicate => "numbering_duplicate",
            NumberingOrder => "numbering_order",
            FigureMismatch => "figure_mismatch",
            PeriodMismatch => "period_mismatch",
            DateMismatch => "date_mismatch",
            ContactMismatch => "contact_mismatch",
            LawReferenceMismatch => "law_reference_mismatch",
            NameMismatch => "name_mismatch",
            TermMismatch => "term_mismatch",
            ListItemMismatch => "list_item_mismatch",
            LengthMismatch => "length_mismatch",
            HeadingMismatch => "heading_mismatch",
            UntranslatedText => "untranslated_text",
            UntranslatedClause => "untranslated_clause",
            MixedScript => "mixed_script",
            KazakhSpelling => "kazakh_spelling",
            InconsistentName => "inconsistent_name",
            MeaningOmission => "meaning_omission",
            MeaningNegation => "meaning_negation",
            MeaningModality => "meaning_modality",
            MeaningQuantifier => "meaning_quantifier",
            MeaningSubstitution => "meaning_substitution",
            RightMissing => "right_missing",
            RightOneLanguage => "right_one_language",
            RightRestricted => "right_restricted",
            DisclosureMissing => "disclosure_missing",
            DisclosureOneLanguage => "disclosure_one_language",
            ForeignLaw => "foreign_law",
            WrongLawCitation => "wrong_law_citation",
            ObligationMisstated => "obligation_misstated",
            ManifestLanguages => "manifest_languages",
        }
    }

    /// The kind with this snake_case name.
    pub fn parse(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// A kind compares equal to its snake_case name.
impl PartialEq<&str> for FindingKind {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl PartialEq<str> for FindingKind {
    fn eq(&self, other: &str) -> bool {
        self.name() == other
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A reference to one clause: its id (`kk:3.2`, `ru:3.2#2`), and the
/// document it belongs to when that is not the document the finding is
/// about (the corpus comparison cites a template's clause this way).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClauseRef {
    /// The other document's source path as the report names it; `None` for
    /// the document the finding belongs to.
    pub document: Option<String>,
    pub id: String,
}

impl ClauseRef {
    /// A clause of the document the finding is about.
    pub fn local(id: impl Into<String>) -> ClauseRef {
        ClauseRef {
            document: None,
            id: id.into(),
        }
    }

    /// A clause of another document.
    pub fn in_document(document: impl Into<String>, id: impl Into<String>) -> ClauseRef {
        ClauseRef {
            document: Some(document.into()),
            id: id.into(),
        }
    }
}

/// A local clause id compares equal to its string (`"kk:3.2"`).
impl PartialEq<str> for ClauseRef {
    fn eq(&self, other: &str) -> bool {
        self.document.is_none() && self.id == other
    }
}

impl PartialEq<&str> for ClauseRef {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl fmt::Display for ClauseRef {
    /// `kk:3.2`, or `other.txt#kk:3.2` for a clause of another document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.document {
            Some(d) => write!(f, "{d}#{}", self.id),
            None => f.write_str(&self.id),
        }
    }
}

/// What backs a finding: an excerpt of one or more consecutive clauses of
/// one language, with the differing parts marked, or (with no clauses) a
/// note such as the patterns searched for something absent.
///
/// Invariants: `marks` are byte ranges of `text` on character boundaries,
/// sorted, disjoint; the excerpt is a slice of the clauses' text with «…»
/// where it was cut.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub lang: Lang,
    /// The clauses quoted, in reading order; empty for a note.
    pub clauses: Vec<ClauseRef>,
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

impl Evidence {
    /// The excerpt with its marks bracketed `[[…]]` (the JSON contract's
    /// form). A literal `[[` or `]]` in the text is written `[ [` or `] ]`,
    /// so marks stay unambiguous.
    pub fn marked(&self) -> String {
        let clean = |s: &str| s.replace("[[", "[ [").replace("]]", "] ]");
        let mut out = String::with_capacity(self.text.len() + 4 * self.marks.len());
        let mut at = 0;
        for &(a, b) in &self.marks {
            out.push_str(&clean(&self.text[at..a]));
            out.push_str("[[");
            out.push_str(&clean(&self.text[a..b]));
            out.push_str("]]");
            at = b;
        }
        out.push_str(&clean(&self.text[at..]));
        out
    }

    /// The clauses quoted, as one label: `kk:3.2`, two joined by `+`
    /// (`kk:3.2+kk:3.3`), a run of three or more as `first…last`; `None`
    /// for a note.
    pub fn clause_label(&self) -> Option<String> {
        let ids: Vec<String> = self.clauses.iter().map(ClauseRef::to_string).collect();
        match ids.as_slice() {
            [] => None,
            [a, _, _, ..] => Some(format!("{a}…{}", ids[ids.len() - 1])),
            _ => Some(ids.join("+")),
        }
    }
}

/// Something a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub lang: Option<Lang>,
    /// The clauses concerned, kk first.
    pub clauses: Vec<ClauseRef>,
    pub message: String,
    pub evidence: Vec<Evidence>,
}

/// An entity found in a clause's text.
///
/// `value` is the canonical form both languages' writings of the same value
/// share (see [`EntityKind`] for each kind's form): «1,500,000» and
/// «1 500 000» are both `1500000`; «2024-03-01», «1 марта 2024 года» and
/// «2024 жылғы 1 наурыз» are all `2024-03-01`; «09:00» and «9:00» are both
/// `09:00`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Normalised value used for comparison across languages.
    pub value: String,
    /// Byte range within the clause text.
    pub start: usize,
    pub end: usize,
    /// Other values the same writing may mean or also satisfies, in the
    /// form of `value`'s number (a figure's unit left out): «1,125» is 1.125
    /// or `1125`; «9.00» may be the time `09:00`; a full date also answers
    /// its year-less form `--MM-DD` («1 марта» in a table cell that leaves
    /// the year out). Empty for most entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt: Vec<String>,
    /// The value is implied by a word, not written as a figure: «в течение
    /// месяца», «күнтізбелік айы» are `1 month`. Such an entity may answer
    /// the other language's figure («бір ай») but is never itself reported
    /// as missing there.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A bare figure; `value` is the number: no grouping, a decimal point,
    /// no leading zeros, no trailing zeros after a decimal comma
    /// («1 000 000» and «1,000,000» are `1000000`; «2,50» is `2.5`).
    Number,
    Email,
    Url,
    /// A date: `value` is `YYYY-MM-DD`, or `--MM-DD` when the text gives
    /// no year («1 марта»).
    Date,
    Latin,
    /// A law's number such as `94-V`.
    Law,
    /// A telephone number; `value` is its digits, country code first.
    Phone,
    /// A 12-digit BIN or IIN; `value` is the digits.
    Identifier,
    /// An article, paragraph or sub-paragraph reference: `art:24`,
    /// `para:2.3`, `sub:1`.
    Reference,
    /// A percentage; `value` is the number.
    Percent,
    /// A period: `value` is «number unit», unit one of `day`, `workday`,
    /// `week`, `month`, `year`, `hour`, `minute` («15 day»; «бір
    /// күнтізбелік ай» and «один календарный месяц» are `1 month`, «жарты
    /// жыл» and «полгода» `6 month`).
    Duration,
    /// A sum of money: `value` is «number currency» («5000 kzt»).
    Amount,
    /// A clock time: `value` is `HH:MM` («9:00» and «09:00» are `09:00`).
    Time,
}

impl EntityKind {
    /// Figures compare by their numeric value whatever the unit (a clock
    /// time is a figure: «9.00» may be written for `09:00`).
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            EntityKind::Number
                | EntityKind::Percent
                | EntityKind::Duration
                | EntityKind::Amount
                | EntityKind::Time
        )
    }
}

/// The decoded input.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path or name the user gave (`-` for standard input).
    pub name: String,
    pub sha256: String,
    /// How the bytes were read: see `ingest::decode::Encoding::name`
    /// (`utf-8`, `windows-1251`, `kz-1048`, …) or `pdf`.
    pub encoding: String,
    /// The decoded text, as the input has it: every [`Span`] indexes it.
    /// What the stages read is normalised (`ingest::normalise`).
    pub text: String,
    /// What the reader should know about how the input was read (bytes
    /// replaced, a script the checks do not read), in input order.
    pub warnings: Vec<Warning>,
    /// Latin letters inside Cyrillic words read as the Kazakh letters they
    /// stand for (ə → ә), in source order.
    pub repairs: Vec<ScriptRepair>,
    /// The files of a document published as two files (a Kazakh and a
    /// Russian one, read by `crate::analyze_pair`), Kazakh first; empty
    /// for a document read from one input. `text` is then the files'
    /// texts one after the other, each at its [`SourceFile::offset`], and
    /// [`Source::locate`] turns a span of `text` into one of its file.
    pub files: Vec<SourceFile>,
    /// The pages (1-based, in order) whose text was read through OCR: a
    /// scanned PDF's. For a document of two files, each file's are in its
    /// [`SourceFile::ocr_pages`] and this is empty.
    pub ocr_pages: Vec<u32>,
}

/// One file of a document published as two files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// The path or name the user gave.
    pub source: String,
    /// Of the file's bytes.
    pub sha256: String,
    /// As [`Source::encoding`].
    pub encoding: String,
    /// The version the file holds (`kk` or `ru`).
    pub lang: Lang,
    /// Where the file's decoded text starts in [`Source::text`], in bytes
    /// (not serialised: spans in the JSON are the file's own).
    #[serde(skip)]
    pub offset: usize,
    /// The length of the file's decoded text in bytes.
    #[serde(skip)]
    pub len: usize,
    /// As [`Source::ocr_pages`], for this file (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocr_pages: Vec<u32>,
}

impl Source {
    /// The file a span of [`Source::text`] lies in and the span in that
    /// file's own decoded text: `None` and the span unchanged for a
    /// document read from one input.
    pub fn locate(&self, span: Span) -> (Option<&SourceFile>, Span) {
        let Some(f) = self.files.iter().rev().find(|f| f.offset <= span.start) else {
            return (None, span);
        };
        let shift = |at: usize| at.saturating_sub(f.offset).min(f.len);
        (
            Some(f),
            Span {
                start: shift(span.start),
                end: shift(span.end),
                page: span.page,
            },
        )
    }
}

/// A note about how an input was read that does not stop the analysis:
/// shown in every report of the document and printed by the binary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line of the input, when the warning concerns one place.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<usize>,
    /// Byte offset in the input file (not in the decoded text), when the
    /// warning concerns one place.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub byte: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.byte) {
            (Some(l), Some(b)) => write!(f, "line {l}, byte {b}: ")?,
            (Some(l), None) => write!(f, "line {l}: ")?,
            (None, Some(b)) => write!(f, "byte {b}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// A word in which a Latin letter outside ASCII (the schwa ə) stood for a
/// Kazakh one: `span` is the word's bytes in [`Source::text`], `written` the
/// word as written, `read` as the stages read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRepair {
    pub span: Span,
    pub written: String,
    pub read: String,
}

/// Everything qostil knows about one document.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    pub company: Option<String>,
    /// Languages with at least one clause of substance, kk before ru.
    pub languages: Vec<Lang>,
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
    pub clauses: Vec<Clause>,
    pub pairs: Vec<Pair>,
    pub findings: Vec<Finding>,
    /// Entities of each clause's body (byte ranges into the clause's
    /// `text`), indexed like `clauses`.
    pub entities: Vec<Vec<Entity>>,
    /// Topics, rights and disclosures found by the legal rules.
    pub legal: Legal,
}

impl Document {
    /// Share of non-whitespace characters covered by clauses or dropped spans.
    pub fn coverage(&self) -> f64 {
        let text = &self.source.text;
        let mut covered = vec![false; text.len()];
        let spans = self
            .clauses
            .iter()
            .flat_map(|c| c.segments.iter())
            .chain(self.dropped.iter().map(|d| &d.span));
        for s in spans {
            let end = s.end.min(text.len());
            for c in covered.iter_mut().take(end).skip(s.start) {
                *c = true;
            }
        }
        let (mut total, mut hit) = (0usize, 0usize);
        for (i, ch) in text.char_indices() {
            if !ch.is_whitespace() {
                total += 1;
                hit += usize::from(covered[i]);
            }
        }
        if total == 0 {
            1.0
        } else {
            (hit as f64 / total as f64 * 100_000.0).round() / 100_000.0
        }
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }
}

/// Where a rule matched inside one clause: a byte range of the clause's
/// `text` and the words that matched (as printed, gaps left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub words: Vec<String>,
}

/// One topic of one clause, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicHit {
    pub topic: String,
    #[serde(flatten)]
    pub hit: Hit,
    /// The lead-in whose text holds the evidence, when a list member takes
    /// the topic its lead-in announces; `hit` is then within that clause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// In which languages a right or disclosure was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Both,
    KkOnly,
    RuOnly,
    Absent,
}

impl Presence {
    pub fn of(kk: bool, ru: bool) -> Presence {
        match (kk, ru) {
            (true, true) => Presence::Both,
            (true, false) => Presence::KkOnly,
            (false, true) => Presence::RuOnly,
            (false, false) => Presence::Absent,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Presence::Both => "both",
            Presence::KkOnly => "kk_only",
            Presence::RuOnly => "ru_only",
            Presence::Absent => "absent",
        }
    }
}

/// A clause where a checklist item (a right, a disclosure) was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub lang: Lang,
    /// Id of the clause whose text matched.
    pub clause: String,
    /// The clause the mention belongs to, as cited: a bullet of a lead-in
    /// such as «7.1. … имеет право:» is cited as `7.1`.
    pub cite: String,
    pub hit: Hit,
}

/// One checklist item (a right or a disclosure) across the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub id: String,
    /// The version of the law the item was written against.
    pub law_version: String,
    pub status: Presence,
    /// Mentions in reading order, Kazakh first; at most one per clause.
    pub mentions: Vec<Mention>,
    /// Conditions that limit the item (e.g. consent withdrawn only after
    /// the loan is repaid, Art. 8(2)), with the clause stating them.
    pub restrictions: Vec<Mention>,
}

impl Coverage {
    /// Mentions in one language.
    pub fn in_lang(&self, lang: Lang) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.lang == lang)
    }

    /// Distinct citations in one language, in reading order.
    pub fn cites(&self, lang: Lang) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in self.in_lang(lang) {
            if !out.contains(&m.cite.as_str()) {
                out.push(&m.cite);
            }
        }
        out
    }

    pub fn restricted(&self, lang: Lang) -> bool {
        self.restrictions.iter().any(|m| m.lang == lang)
    }
}

/// A passage the legal rules flag: a foreign law, a wrong citation of the
/// law, an obligation stated differently from the law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// `ForeignLaw`, `WrongLawCitation` or `ObligationMisstated`.
    pub kind: FindingKind,
    /// Id of the rule that matched.
    pub rule: String,
    pub lang: Lang,
    pub clause: String,
    pub hit: Hit,
    /// What is wrong, e.g. "number 4-V instead of 94-V".
    pub detail: String,
}

/// What the legal rules found in a document.
///
/// Invariants: `topics` has one entry per clause, indexed like
/// `Document::clauses`, in the order of the rules' topics; a hit's byte
/// range is within the text of its clause (or of `TopicHit::from`);
/// `rights`, `extra_rights` and `disclosures` follow the order of the rules
/// data; mentions and flags are in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Legal {
    /// The version of the law the rules data was checked against.
    pub law_version: String,
    pub topics: Vec<Vec<TopicHit>>,
    pub rights: Vec<Coverage>,
    pub extra_rights: Vec<Coverage>,
    pub disclosures: Vec<Coverage>,
    pub flags: Vec<Flag>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, start: usize, glue: bool) -> Run {
        Run {
            text: text.into(),
            span: Span::new(start, start + text.len()),
            glue,
        }
    }

    #[test]
    fn join_glues_spaces_and_hyphens() {
        let runs = [
            run("1) ", 0, false),
            run("Право", 5, true),
            run(" – IP-", 12, true),
            run("адрес  и", 30, false),
        ];
        assert_eq!(join_runs(&runs), "1) Право – IP-адрес и");
        let runs = [run("және/", 0, false), run("немесе сайт", 10, false)];
        assert_eq!(join_runs(&runs), "және/немесе сайт");
        // A soft line-end hyphen goes; a compound's, an e-mail's stay.
        let runs = [run("өз-", 0, false), run("гертуді және", 10, false)];
        assert_eq!(join_runs(&runs), "өзгертуді және");
        let runs = [
            run("сондай-", 0, false),
            run("ақ бұғат-", 10, false),
            run("тауды", 30, false),
        ];
        assert_eq!(join_runs(&runs), "сондай-ақ бұғаттауды");
        // The next line's indent does not part the word's halves.
        let runs = [run("на терри-", 0, false), run("   тории РК", 20, false)];
        assert_eq!(join_runs(&runs), "на территории РК");
        let runs = [run("info@mfo-", 0, false), run("example.kz", 10, false)];
        assert_eq!(join_runs(&runs), "info@mfo-example.kz");
        // A telephone wrapped at a hyphen in its digits keeps it, unspaced.
        let runs = [run("8 (71333) 3-", 0, false), run("40-02.", 20, false)];
        assert_eq!(join_runs(&runs), "8 (71333) 3-40-02.");
        let runs = [run("5-үй, 14-", 0, false), run("кеңсе", 20, false)];
        assert_eq!(join_runs(&runs), "5-үй, 14-кеңсе");
        let runs = [run("дейін 5 -", 0, false), run("10 күн", 20, false)];
        assert_eq!(join_runs(&runs), "дейін 5 - 10 күн");
        let j = Joined::new(&[run("өз-", 0, false), run("гертуді", 10, false)]);
        assert_eq!(
            j.segments(0, j.text.len()),
            vec![Span::new(0, 5), Span::new(10, 24)]
        );
    }

    #[test]
    fn segments_follow_the_runs_order_not_the_source_order() {
        // A side-by-side column's part read after a part from a line
        // below it: the runs are not in source order.
        let runs = [
            run("аа бб", 0, false),
            run("дд ее", 30, false),
            run("вв гг", 11, false),
        ];
        let j = Joined::new(&runs);
        assert_eq!(j.text, "аа бб дд ее вв гг");
        assert_eq!(
            j.segments(0, j.text.len()),
            vec![Span::new(0, 9), Span::new(30, 39), Span::new(11, 20)]
        );
        let cut = j.text.find("вв").unwrap();
        assert_eq!(j.segments(0, cut), vec![Span::new(0, 9), Span::new(30, 39)]);
        assert_eq!(j.segments(cut, j.text.len()), vec![Span::new(11, 20)]);
    }

    #[test]
    fn segments_map_cuts_back_to_the_source() {
        let src = "аа бб\n\nвв гг";
        let runs = [run("аа бб", 0, false), run("вв гг", 11, false)];
        assert_eq!(&src[11..], "вв гг");
        let j = Joined::new(&runs);
        assert_eq!(j.text, "аа бб вв гг");
        let cut = j.text.find("вв").unwrap();
        assert_eq!(j.segments(0, cut), vec![Span::new(0, 9)]);
        assert_eq!(j.segments(cut, j.text.len()), vec![Span::new(11, 20)]);
        let mid = j.text.find("бб").unwrap();
        assert_eq!(
            j.segments(mid, j.text.len()),
            vec![Span::new(5, 9), Span::new(11, 20)]
        );
    }
}
