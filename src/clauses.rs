//! Paragraphs to clauses: the numbering grammar (`1.`, `1.1.`, `1.1.1.`,
//! `1)`, `(a)`, `а)`, doubled markers such as `3. 3.`), headings, bullets,
//! glossary definitions and the preamble; list items run together in one
//! paragraph (`…: 1) …; 2) …; 3) …`) are cut apart.
//!
//! Invariants:
//! - Clauses of one language are in reading order; their segments are
//!   disjoint and together cover exactly the paragraphs' runs.
//! - Ids are stable for a given input: `kk:3.2`, `ru:3.2#2` where a number
//!   repeats, `kk:2.4(1)` for items, `ru:2.3-b2` for the second bullet
//!   after 2.3, `kk:2.3-p1` for a paragraph, `kk:p1` for the preamble,
//!   `ru:g4` for the fourth glossary entry. Clauses numbered «1.», «2.»
//!   afresh in each article («Статья 2.», «2-бап.», «§ 2.») are numbered
//!   `2.1`, `2.2`: the article's number and their own, as they are cited;
//!   so are clauses numbered afresh under numbered section headings, and
//!   the items of a nested `<ol>` under a heading item. Letter items after
//!   a digit item are its sub-items: `kk:VI(23)(б)`.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{BlockHint, Clause, ClauseKind, Joined, Lang};
use crate::streams::{Para, Streams};

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•·▪◦●■□➢►\u{f0b7}\-–—*](?:\s+|$)").expect("bullet regex"));
/// A section number, «3.», «3.2», «3.2.»; a multi-level one may close with a
/// parenthesis, «6.1)», as Word's list styles and HTML lists print it.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*)(\.?|\))(?:\s+|$)").expect("section regex")
});
/// A Roman section number, «II. Title» (Cyrillic І, Х, С typed for I, X, C
/// are accepted), or an article/chapter: «Статья 3.», «Глава 2», «3-бап.»,
/// «2-тарау», «§ 3.», or a numbered question of a FAQ («Вопрос 7.»,
/// «7-сұрақ.»), cited by its number as an article is.
static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLCІХС]{1,6})\.(?:\s+|$)").expect("roman regex"));
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:статья|глава|раздел|пункт|вопрос|§)\s*(\d{1,3})|(\d{1,3})\s*-\s*(?:бап|тарау|бөлім|тармақ|сұрақ))\.?(?:\s+|$)",
    )
    .expect("article regex")
});
/// A clause number with its word: «п. 3.1», «пункт 3.1.» (Russian),
/// «3.1-т.», «3.1-тармақ» (Kazakh). Only a dotted number before a capital
/// (a reference «п. 3 ст. 20» at a line start is no clause).
static CLAUSE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:п\.|пункт)\s*(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3}(?:\.\d{1,3})+)\s*-\s*(?:т\.|тармақ\.?))\s+(?:\p{Lu}|«)",
    )
    .expect("clause word regex")
});
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\(?)([0-9]{1,2}|[a-zа-яәіңғүұқөһ])\)(?:\s+|$)").expect("item regex")
});
/// An item marker inside a paragraph: `… 2) …`.
static INLINE_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s;:,.])(\d{1,2})\)\s").expect("inline item regex"));

/// What the start of a clause says about it.
#[derive(Debug, Default, Clone, PartialEq)]
struct Marker {
    /// The whole label as printed, e.g. `- 1)` or `3. 3.`.
    label: String,
    section: Option<String>,
    item: Option<String>,
    bullet: bool,
    /// The section is an article, chapter or § («Статья 3.», «3-бап.»).
    article: bool,
}

fn parse_marker(text: &str) -> Marker {
    let mut m = Marker::default();
    let mut rest = text;
    let mut consumed = 0;
    if let Some(b) = BULLET.find(rest) {
        m.bullet = true;
        consumed += b.end();
        rest = &rest[b.end()..];
    }
    if let Some(c) = ITEM.captures(rest) {
        let marker = c.get(2).map_or("", |g| g.as_str());
        m.item = Some(marker.to_string());
        consumed += c.get(0).map_or(0, |g| g.end());
    } else if let Some(c) = ROMAN
        .captures(rest)
        .filter(|c| c.get(1).is_some_and(|r| roman_value(r.as_str()).is_some()))
    {
        let value = c.get(1).and_then(|r| roman_value(r.as_str())).unwrap_or(0);
        m.section = Some(roman(value));
        consumed += c.get(0).map_or(0, |g| g.end());
    } else if let Some(c) = ARTICLE.captures(rest) {
        let num = c.get(1).or(c.get(2)).map_or("", |g| g.as_str());
        m.section = Some(num.to_string());
        m.article = true;
        consumed += c.get(0).map_or(0, |g| g.end());
    } else if let Some(c) = CLAUSE_WORD.captures(rest) {
        let num = c.get(1).or(c.get(2)).map_or("", |g| g.as_str());
        m.section = Some(num.to_string());
        // Up to the capital that starts the clause's text.
        let whole = c.get(0).map_or("", |g| g.as_str());
        let last = whole.chars().last().map_or(0, char::len_utf8);
        consumed += whole.len() - last;
    } else if let Some(c) = SECTION.captures(rest) {
        let num = c.get(1).map_or("", |g| g.as_str());
        let close = c.get(2).map_or("", |g| g.as_str());
        // «3)» is an item (ITEM above); «6.1)» a section.
        if close == "." || num.contains('.') {
            m.section = Some(num.to_string());
            let mut end = c.get(0).map_or(0, |g| g.end());
            // A doubled marker, "3. 3. Title".
            let again = format!("{num}.");
            if rest[end..].starts_with(&again) {
                let after = &rest[end + again.len()..];
                if after.starts_with(char::is_whitespace) || after.is_empty() {
                    end += again.len();
                    end += after.len() - after.trim_start().len();
                }
            }
            consumed += end;
        }
    }
    if m.section.is_some() || m.item.is_some() || m.bullet {
        m.label = text[..consumed].trim_end().to_string();
    }
    m
}

/// A clause number in a form comparable across the two languages: a letter
/// item is replaced by its position in its own language's alphabet, since
/// Kazakh lists run а), ә), б) where Russian ones run а), б), в).
pub fn comparable_number(number: &str, lang: Lang) -> String {
    const KK: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    const RU: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    const LATIN: &str = "abcdefghijklmnopqrstuvwxyz";
    let Some(open) = number.rfind('(') else {
        return number.to_string();
    };
    let item = number[open + 1..].trim_end_matches(')');
    let mut chars = item.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return number.to_string();
    };
    let alphabet = if c.is_ascii_alphabetic() {
        LATIN
    } else if lang == Lang::Kk {
        KK
    } else {
        RU
    };
    match alphabet
        .chars()
        .position(|a| a == c.to_lowercase().next().unwrap_or(c))
    {
        Some(i) => format!("{}({})", &number[..open], i + 1),
        None => number.to_string(),
    }
}

/// The value of a Roman numeral (Cyrillic look-alikes accepted), if it is a
/// well-formed one up to 39.
fn roman_value(s: &str) -> Option<u32> {
    let s: String = s
        .chars()
        .map(|c| match c {
            'І' => 'I',
            'Х' => 'X',
            'С' => 'C',
            c => c,
        })
        .collect();
    (1..40).find(|&v| roman(v) == s)
}

/// A number as a Roman numeral (1..39), the normal form of Roman sections.
fn roman(mut v: u32) -> String {
    let mut out = String::new();
    for (n, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while v >= n {
            out.push_str(r);
            v -= n;
        }
    }
    out
}

/// Byte offsets where a paragraph should be cut into inline list items: a
/// chain of markers `k) … k+1) … k+2)` (starting at 1, or continuing the
/// paragraph's own leading item number).
fn inline_cuts(text: &str, leading_item: Option<u32>) -> Vec<usize> {
    let mut found: Vec<(usize, u32)> = Vec::new();
    for c in INLINE_ITEM.captures_iter(text) {
        let Some(num) = c.get(1) else {
            continue;
        };
        let Ok(n) = num.as_str().parse::<u32>() else {
            continue;
        };
        found.push((num.start(), n));
    }
    let mut cuts = Vec::new();
    let mut expect = leading_item.map_or(1, |n| n + 1);
    let mut chain: Vec<usize> = Vec::new();
    for (pos, n) in found {
        if pos == 0 {
            continue;
        }
        if n == expect {
            chain.push(pos);
            expect += 1;
        } else if n == 1 && leading_item.is_none() {
            // A new chain starts; keep the longer one so far.
            if chain.len() >= 2 {
                cuts.append(&mut chain);
            }
            chain = vec![pos];
            expect = 2;
        }
    }
    let enough = if leading_item.is_some() { 1 } else { 2 };
    if chain.len() >= enough {
        cuts.append(&mut chain);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

fn looks_like_heading(body: &str) -> bool {
    let n = body.chars().count();
    let words = body.split_whitespace().count();
    let t = body.trim_end();
    // A full sentence («5. Деректер … сақталады.», «4. Мақсаттар: …, …») is
    // a clause, not a heading; «5. Жауапкершілік.» is a heading. Kazakh
    // says much in few words: a short one is a sentence by its verb.
    // A colon opens a list or a statement («4. Мақсаттар: несие беру,
    // бағалау»), unless a short title follows it («4. Ваши права: вопросы
    // и ответы»).
    let colon = t.split_once(": ").is_some_and(|(_, after)| {
        after.contains([',', ';'])
            || after.split_whitespace().count() > 5
            || t.ends_with('.')
            || has_finite_verb(t)
    });
    let sentence = (t.ends_with('.') && (words > 6 || (words >= 3 && has_finite_verb(t)))) || colon;
    n <= 120 && words <= 14 && !t.ends_with([':', ';', ',']) && !sentence
}

/// Does the text say something: a Kazakh predicate as its last word
/// («… сақталады.», «… көрсетпейміз.»), or a Russian verb in the present
/// («хранятся», «обрабатывает»)? Headings name things and have none.
fn has_finite_verb(text: &str) -> bool {
    const KK_LAST: [&str; 14] = [
        "ады", "еді", "йды", "йді", "мыз", "міз", "сыз", "сіз", "ңыз", "ңіз", "тын", "тін", "ған",
        "ген",
    ];
    const RU_ANY: [&str; 10] = [
        "ются", "ятся", "ется", "ится", "ает", "яет", "ует", "ают", "яют", "уют",
    ];
    let words: Vec<String> = crate::tokens::lower_words(text);
    // Kazakh modal predicates close a sentence as a verb does («…
    // білуге құқылы.», «… хабарлауға міндетті.», «… тиіс.»).
    const KK_MODAL: [&str; 5] = ["құқылы", "міндетті", "тиіс", "тиісті", "мүмкін"];
    let kazakh_last = words.last().is_some_and(|w| {
        (w.chars().count() > 4 && KK_LAST.iter().any(|e| w.ends_with(e)))
            || KK_MODAL.contains(&w.as_str())
    });
    // Modal and short finite words a heading never holds («Вы можете
    // отозвать согласие.», «Клиент вправе …»).
    const RU_WORDS: [&str; 16] = [
        "можете",
        "может",
        "можем",
        "могут",
        "можно",
        "вправе",
        "имеет",
        "имеете",
        "имеют",
        "должен",
        "должна",
        "должны",
        "обязан",
        "обязана",
        "обязаны",
        "нужно",
    ];
    let russian = words.iter().any(|w| {
        (w.chars().count() > 5 && RU_ANY.iter().any(|e| w.ends_with(e)))
            || RU_WORDS.contains(&w.as_str())
    });
    kazakh_last || russian
}

/// Short unnumbered text with no sentence punctuation, in title style.
fn looks_like_unnumbered_heading(text: &str) -> bool {
    let n = text.chars().count();
    let first = text.chars().next().unwrap_or(' ');
    (2..=80).contains(&n)
        && (first.is_uppercase() || first == '«' || first == '"')
        && !text.trim_end().ends_with([',', ';', ':'])
        && (text.split_whitespace().count() <= 8)
        && !text.trim_end().ends_with('.')
}

/// A number alone on its own paragraph («#### 2.3» in Markdown, a bold
/// «2.3» line) numbers the paragraph after it: the two are one clause.
/// The next paragraph must have no number of its own and be no heading.
fn join_bare_numbers(paras: &[Para]) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        if let Some(next) = paras.get(i + 1) {
            let t = p.text();
            let m = parse_marker(&t);
            let bare = m.section.is_some() && t[m.label.len()..].trim().is_empty();
            let nt = next.text();
            let nm = parse_marker(&nt);
            let plain = !nt.trim().is_empty()
                && nm.section.is_none()
                && nm.item.is_none()
                && !nm.bullet
                && !matches!(next.hint, BlockHint::Heading | BlockHint::Definition);
            if bare && plain {
                let mut joined = p.clone();
                joined.runs.extend(next.runs.iter().cloned());
                joined.hint = next.hint;
                joined.ends_wrapped = next.ends_wrapped;
                joined.blocks += next.blocks;
                out.push(joined);
                i += 2;
                continue;
            }
        }
        out.push(p.clone());
        i += 1;
    }
    out
}

/// A list nested by indentation ([`Para::nested`]) prints plain numbers
/// («3. Ұғымдар:» then «   1.», «   2.»): under a clause, they are its
/// items, 3(1), 3(2); under a heading («1. Общие положения» then «   1.»),
/// the section's clauses, 1.1, 1.2, as a reader of the rendered list cites.
fn nest_items(paras: &[Para], markers: &mut [Marker]) {
    let plain = |m: &Marker| {
        m.item.is_none()
            && !m.article
            && m.section
                .as_deref()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut outer: Option<(String, bool)> = None;
    for (p, m) in paras.iter().zip(markers.iter_mut()) {
        if !plain(m) {
            continue;
        }
        let n = m.section.clone().unwrap_or_default();
        match &outer {
            Some((h, heading)) if p.nested => {
                if *heading {
                    m.section = Some(format!("{h}.{n}"));
                } else {
                    m.section = None;
                    m.item = Some(n);
                }
            }
            _ => {
                let body = p.text()[m.label.len()..].trim_start().to_string();
                let heading = p.hint == BlockHint::Heading || looks_like_heading(&body);
                outer = Some((n, heading));
            }
        }
    }
}

/// Cut one language stream into clauses.
pub fn build_stream(paras: &[Para], lang: Lang) -> Vec<Clause> {
    let paras = &join_bare_numbers(paras)[..];
    let mut markers: Vec<Marker> = paras.iter().map(|p| parse_marker(&p.text())).collect();
    nest_items(paras, &mut markers);
    let has_sections =
        markers.iter().any(|m| m.section.is_some()) || paras.iter().any(|p| p.ordinal.is_some());
    // The last section number printed (or an article's): the base of the
    // numbers a browser prints before `<ol>` items («2. Heading» then
    // items 1., 2. → 2.1, 2.2).
    let mut printed: Option<String> = None;
    // Clauses numbered «1.», «2.» afresh in each article («Статья 2.
    // … 1. … 2. …»): their citable number is the article's and their own,
    // «2.1», as a reviewer cites «ст. 2 п. 1».
    // The same holds under numbered section headings («## 2. Жиналатын
    // деректер», then «1.», «2.» afresh: a Markdown or Word list that
    // restarts in each section) → «2.1», «2.2».
    // A source that marks its numbered headings (Markdown «## 2. …», HTML
    // `<h2>`, a Word heading style) marks them all: its other numbered
    // paragraphs are clauses, however short («1. Құрылғының
    // геолокациясы.»).
    let marked = paras.iter().zip(&markers).any(|(p, m)| {
        p.hint == BlockHint::Heading
            && m.section
                .as_deref()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    });
    let top_heading = |p: &Para, m: &Marker| {
        m.section
            .as_deref()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            && (p.hint == BlockHint::Heading
                || (!marked && looks_like_heading(p.text()[m.label.len()..].trim_start())))
    };
    let headings: Vec<bool> = paras
        .iter()
        .zip(&markers)
        .map(|(p, m)| !m.article && top_heading(p, m))
        .collect();
    let (restart, restart_in_sections) = {
        let articles = markers.iter().filter(|m| m.article).count();
        let numbered_headings = headings.iter().filter(|&&h| h).count();
        let plain_of = |skip_headings: bool| {
            let mut plain: Vec<&str> = markers
                .iter()
                .zip(&headings)
                .filter(|(m, h)| !(m.article || skip_headings && **h))
                .filter_map(|(m, _)| m.section.as_deref())
                .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
                .collect();
            let all = plain.len();
            plain.sort_unstable();
            plain.dedup();
            plain.len() < all
        };
        let restart = articles >= 2 && plain_of(false);
        (
            restart,
            !restart && articles == 0 && numbered_headings >= 2 && plain_of(true),
        )
    };
    let mut article: Option<String> = None;
    let mut out = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut section: Option<String> = None;
    let mut anchor: Option<String> = None;
    let mut counters: HashMap<&'static str, usize> = HashMap::new();
    let mut seen_section = false;
    // The number of the last digit item («23)») of the current section.
    let mut digit_item: Option<String> = None;
    // The last digit item's section and number («4», 1 for «4(1)»): a list
    // of items interrupted by numbered rows resumes where it stopped.
    let mut last_item: Option<(String, u32)> = None;
    // The number of the outer `<ol>` item that is a section heading.
    let mut ordinal_section: Option<String> = None;
    let mut glossary = 0usize;
    // A table's body row (one that follows another row in this language's
    // stream) is a clause, never a heading: «| Заңсыз жиналған деректерді
    // жою | Жазбаша өтініш |» is short and has no stop, like a heading.
    let mut after_row = false;
    // The last plain list number as printed and as rendered (lazy lists).
    let mut lazy: Option<(String, u64)> = None;
    // Unnumbered section headings each over a list that a browser numbers
    // afresh («<h2>Сіздің құқықтарыңыз</h2><ol><li>…»), in a text that
    // prints no section number: a reader counts the sections and cites
    // «section 3, item 1», so the heading is section 3 and its items 3.1,
    // 3.2 (not 1#3, 2#3 …).
    let list_heads: Vec<bool> = (0..paras.len())
        .map(|k| {
            paras[k].hint == BlockHint::Heading
                && markers[k].section.is_none()
                && paras.get(k + 1).is_some_and(|n| n.ordinal == Some((1, 1)))
        })
        .collect();
    let counted_sections = list_heads.iter().filter(|&&h| h).count() >= 2
        && markers.iter().all(|m| m.section.is_none());
    let mut counted = 0usize;
    for (k, para) in paras.iter().enumerate() {
        let joined = Joined::new(&para.runs);
        if joined.text.is_empty() {
            continue;
        }
        if para.hint == BlockHint::Heading {
            lazy = None;
        }
        let body_row = para.row.is_some() && after_row;
        after_row = para.row.is_some();
        // Definitions: the first run is the term.
        if para.hint == BlockHint::Definition {
            glossary += 1;
            let term = para
                .runs
                .first()
                .map(|r| crate::model::collapse_ws(&r.text));
            push(
                &mut out,
                &mut ids,
                lang,
                format!("g{glossary}"),
                Clause {
                    id: String::new(),
                    lang,
                    number: None,
                    label: None,
                    kind: ClauseKind::Definition,
                    text: joined.text.clone(),
                    term,
                    segments: joined.segments(0, joined.text.len()),
                    line: para.line,
                    page: para.page,
                    parent: None,
                },
            );
            continue;
        }
        // A paragraph that starts with item k may run items k+1, k+2 … on.
        let leading_item = parse_marker(&joined.text)
            .item
            .and_then(|s| s.parse::<u32>().ok());
        let mut cuts = vec![0];
        cuts.extend(inline_cuts(&joined.text, leading_item));
        cuts.push(joined.text.len());
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let piece = joined.text[a..b].trim();
            if piece.is_empty() {
                continue;
            }
            // Trim the cut to the piece's own text.
            let a = a + (joined.text[a..b].len() - joined.text[a..b].trim_start().len());
            let m = if w[0] == 0 {
                markers[k].clone()
            } else {
                parse_marker(piece)
            };
            // The first piece keeps the paragraph's leading whitespace.
            let segments = joined.segments(if w[0] == 0 { 0 } else { a }, b);
            let body = piece[m.label.len()..].trim_start();
            let qualified = m.section.as_ref().map(|raw| {
                let heading = w[0] == 0 && headings[k];
                // Lazy list numbering: Markdown (CommonMark) numbers a list
                // from its first item, whatever the later items print, so
                // «1.», «1.», «1.» render 1, 2, 3. A plain number that
                // repeats the item just before it, in the same list, is
                // the next number, as a reader of the rendered page cites.
                let digits = raw.chars().all(|c| c.is_ascii_digit());
                let num = &match &lazy {
                    Some((prev_raw, last))
                        if digits && !heading && !m.article && prev_raw == raw =>
                    {
                        (last + 1).to_string()
                    }
                    _ => raw.clone(),
                };
                lazy = (digits && !heading && !m.article)
                    .then(|| num.parse::<u64>().ok().map(|n| (raw.clone(), n)))
                    .flatten();
                if m.article || (restart_in_sections && heading) {
                    article = Some(num.clone());
                }
                let restarts = (restart && !m.article) || (restart_in_sections && !heading);
                let n = match &article {
                    Some(a) if restarts && num.chars().all(|c| c.is_ascii_digit()) => {
                        format!("{a}.{num}")
                    }
                    _ => num.clone(),
                };
                if para.ordinal.is_none() {
                    printed = Some(n.clone());
                }
                n
            });
            // An `<ol>` item with no number of its own takes the one the
            // browser prints: in a top-level list, a clause under the
            // section printed before the list («2. Heading», items 1., 2.
            // → 2.1, 2.2); in a nested list, an item of the clause above
            // (2.1(1)), as a printed «1)» would be.
            let unmarked = m.section.is_none() && m.item.is_none() && !m.bullet;
            let ordinal = para.ordinal.filter(|_| w[0] == 0 && unmarked);
            // A number from the row's number cell, for the cell that did
            // not take the number's characters.
            let row_section = para
                .row_number
                .as_deref()
                .filter(|_| w[0] == 0 && unmarked)
                .and_then(|n| {
                    // A plain integer cell («9») numbers a section, as «9.» would.
                    let dot = if n.bytes().all(|c| c.is_ascii_digit()) {
                        "."
                    } else {
                        ""
                    };
                    parse_marker(&format!("{n}{dot} x")).section
                });
            // A nested `<ol>` under an outer item that is a section's
            // heading («<li><h2>Деректер</h2><ol><li>…») holds the
            // section's clauses: 2.1, 2.2, not items 2(1), 2(2).
            let in_section = |o: &(u32, u8)| o.1 == 2 && ordinal_section.is_some();
            let counted_head = (counted_sections && w[0] == 0 && list_heads[k]).then(|| {
                counted += 1;
                printed = Some(counted.to_string());
                counted.to_string()
            });
            let qualified = qualified.or(row_section).or(counted_head).or_else(|| {
                let o = ordinal?;
                if in_section(&o) {
                    return ordinal_section.as_ref().map(|h| format!("{h}.{}", o.0));
                }
                let (n, _) = Some(o).filter(|o| o.1 == 1)?;
                Some(match &printed {
                    Some(b) => format!("{b}.{n}"),
                    None => n.to_string(),
                })
            });
            let item = m.item.clone().or_else(|| {
                ordinal
                    .filter(|o| o.1 > 1 && !in_section(o))
                    .map(|o| o.0.to_string())
            });
            let (number, kind, id_local, parent) = if let Some(num) = &qualified {
                seen_section = true;
                digit_item = None;
                section = Some(num.clone());
                anchor = Some(num.clone());
                counters.clear();
                let top = !num.contains('.');
                let kind = if para.hint == BlockHint::Heading
                    || (top && !marked && looks_like_heading(body))
                {
                    ClauseKind::Heading
                } else {
                    ClauseKind::Numbered
                };
                if ordinal.is_some_and(|o| o.1 == 1) {
                    ordinal_section = (kind == ClauseKind::Heading).then(|| num.clone());
                }
                (Some(num.clone()), kind, num.clone(), None)
            } else if let Some(item) = &item {
                // Letter items after a digit item of the same section are
                // its sub-items («23) Ұйым:» over «а) …», «б) …» →
                // 23(а), 23(б)), as a reader cites «п. 23 пп. б».
                let letter = !item.chars().all(|c| c.is_ascii_digit());
                // «2)» in a section with no item yet, right after a list
                // that stopped at «1)» (a table's numbered rows between
                // them: «1) Права перечислены в таблице:», rows «1.», «2.»,
                // then «2) Права осуществляются…»): the list resumes in its
                // own section, not as an item of the last row.
                let n: Option<u32> = item.parse().ok();
                if !letter
                    && digit_item.is_none()
                    && let (Some(n), Some((b, prev))) = (n, &last_item)
                    && n > 1
                    && *prev + 1 == n
                    && section.as_deref() != Some(b.as_str())
                {
                    section = Some(b.clone());
                }
                let (base, parent) = match (&digit_item, letter) {
                    (Some(d), true) => (d.clone(), Some(d.clone())),
                    _ => (section.clone().unwrap_or_default(), section.clone()),
                };
                let num = format!("{base}({item})");
                if !letter {
                    digit_item = Some(num.clone());
                    if let Some(n) = n {
                        last_item = Some((base.clone(), n));
                    }
                }
                anchor = Some(num.clone());
                counters.clear();
                (Some(num.clone()), ClauseKind::Item, num, parent)
            } else {
                // Everything before the first numbered section is preamble.
                let (kind, key) = if !seen_section && has_sections {
                    (ClauseKind::Preamble, "p")
                } else if m.bullet || para.hint == BlockHint::Bullet {
                    (ClauseKind::Bullet, "b")
                } else if para.hint == BlockHint::Heading
                    || (seen_section && !body_row && looks_like_unnumbered_heading(piece))
                {
                    (ClauseKind::Heading, "h")
                } else {
                    (ClauseKind::Paragraph, "p")
                };
                let n = counters.entry(key).or_insert(0);
                *n += 1;
                let local = match &anchor {
                    Some(a) if seen_section || !has_sections => format!("{a}-{key}{n}"),
                    _ => format!("{key}{n}"),
                };
                (None, kind, local, anchor.clone())
            };
            push(
                &mut out,
                &mut ids,
                lang,
                id_local,
                Clause {
                    id: String::new(),
                    lang,
                    number,
                    label: (!m.label.is_empty()).then(|| m.label.clone()),
                    kind,
                    text: piece.to_string(),
                    term: None,
                    segments,
                    line: para.line,
                    page: para.page,
                    parent,
                },
            );
        }
    }
    out
}

fn push(
    out: &mut Vec<Clause>,
    ids: &mut HashMap<String, usize>,
    lang: Lang,
    local: String,
    mut clause: Clause,
) {
    let n = ids.entry(local.clone()).or_insert(0);
    *n += 1;
    clause.id = if *n == 1 {
        format!("{}:{local}", lang.code())
    } else {
        format!("{}:{local}#{n}", lang.code())
    };
    out.push(clause);
}

/// Clauses of both streams: Kazakh first, then Russian.
pub fn build(streams: &Streams) -> Vec<Clause> {
    let mut out = build_stream(&streams.kk, Lang::Kk);
    out.extend(build_stream(&streams.ru, Lang::Ru));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Run, Span};

    fn para(text: &str, at: usize) -> Para {
        Para {
            lang: Lang::Kk,
            runs: vec![Run {
                text: text.into(),
                span: Span::new(at, at + text.len()),
                glue: false,
            }],
            hint: BlockHint::Text,
            line: 1,
            page: None,
            ends_wrapped: false,
            item: false,
            first_block: 0,
            blocks: 1,
            ordinal: None,
            row_number: None,
            row: None,
            nested: false,
        }
    }

    /// `(text, ordinal, hint)` of a test paragraph.
    type Hinted<'a> = (&'a str, Option<(u32, u8)>, BlockHint);

    /// Paragraphs of [`Hinted`] rows, laid out one per line.
    fn hinted(rows: &[Hinted]) -> Vec<Para> {
        let mut at = 0;
        rows.iter()
            .map(|(t, o, hint)| {
                let mut p = para(t, at);
                p.ordinal = *o;
                p.hint = *hint;
                at += t.len() + 1;
                p
            })
            .collect()
    }

    fn ids(texts: &[&str]) -> Vec<(String, ClauseKind)> {
        let mut at = 0;
        let paras: Vec<Para> = texts
            .iter()
            .map(|t| {
                let p = para(t, at);
                at += t.len() + 1;
                p
            })
            .collect();
        build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| (c.id, c.kind))
            .collect()
    }

    #[test]
    fn a_short_sentence_with_a_verb_is_no_heading() {
        for sentence in [
            "Деректеріңіз Қазақстандағы қорғалған серверлерде сақталады.",
            "Деректеріңізді сатпаймыз және жарнама берушілерге көрсетпейміз.",
            "Данные хранятся на защищенных серверах.",
            "Вы можете отозвать согласие на обработку.",
            "Клиент вправе требовать уничтожения данных.",
            // A list or a statement after a colon.
            "Мақсаттар: несие беру, бағалау",
            "Цели: оценка платежеспособности и заключение договора займа",
            "Срок: данные хранятся пять лет",
        ] {
            assert!(!looks_like_heading(sentence), "{sentence}");
        }
        for heading in [
            "Жауапкершілік.",
            "Общие положения.",
            "Права и обязанности сторон.",
            "Деректерді сақтау мерзімі.",
            "Дербес деректерді қорғау",
            // A short title after a colon.
            "Ваши права: вопросы и ответы",
            "Сіздің құқықтарыңыз: сұрақтар мен жауаптар",
        ] {
            assert!(looks_like_heading(heading), "{heading}");
        }
    }

    #[test]
    fn a_table_s_body_rows_are_clauses_and_its_first_row_may_head_it() {
        let texts = [
            "4. Құқықтар",
            "Құқық Қалай іске асырылады",
            "Заңсыз жиналған деректерді жою Жазбаша өтініш",
            "Саясатпен танысу Сайттағы бөлім",
        ];
        let mut at = 0;
        let paras: Vec<Para> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut p = para(t, at);
                at += t.len() + 1;
                p.row = (i > 0).then_some(u32::try_from(i).unwrap());
                p
            })
            .collect();
        let got: Vec<ClauseKind> = build_stream(&paras, Lang::Kk)
            .iter()
            .map(|c| c.kind)
            .collect();
        assert_eq!(
            got,
            [
                ClauseKind::Heading,
                ClauseKind::Heading,
                ClauseKind::Paragraph,
                ClauseKind::Paragraph
            ]
        );
    }

    #[test]
    fn a_number_alone_numbers_the_paragraph_after_it() {
        let mut heading = para("2.3", 0);
        heading.hint = BlockHint::Heading;
        let body = para("Біз деректерді кредиттік бюроларға береміз.", 4);
        let next = para("2.4", 50);
        let last = para("3. Сақтау", 54);
        let got = build_stream(&[heading, body, next, last], Lang::Kk);
        let summary: Vec<(&str, ClauseKind, &str)> = got
            .iter()
            .map(|c| (c.id.as_str(), c.kind, c.text.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "kk:2.3",
                    ClauseKind::Numbered,
                    "2.3 Біз деректерді кредиттік бюроларға береміз."
                ),
                // A bare number before a heading keeps its own clause.
                ("kk:2.4", ClauseKind::Numbered, "2.4"),
                ("kk:3", ClauseKind::Heading, "3. Сақтау"),
            ]
        );
    }

    #[test]
    fn items_after_a_table_s_numbered_rows_go_on_in_their_section() {
        // «1)» announces a table whose rows are numbered «1.», «2.»; «2)»
        // after them is the section's second item, not an item of row 2.
        let got: Vec<String> = ids(&[
            "4. Құқықтар",
            "1) Құқықтарыңыз кестеде келтірілген:",
            "1. Деректердің бар екені туралы білу.",
            "2. Деректерді өзгертуді талап ету.",
            "2) Құқықтар өтініш бойынша жүзеге асырылады.",
            "3) Жауап он күн ішінде беріледі.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(
            got,
            ["kk:4", "kk:4(1)", "kk:1", "kk:2", "kk:4(2)", "kk:4(3)"]
        );
        // An item «2)» with no list before it stays where it stands.
        let got: Vec<String> = ids(&["1. Бірінші.", "2. Екінші.", "2) тармақша."])
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(got, ["kk:1", "kk:2", "kk:2(2)"]);
    }

    #[test]
    fn clauses_numbered_afresh_in_each_article_take_the_articles_number() {
        let got: Vec<String> = ids(&[
            "1-бап. Жалпы ережелер",
            "1. Осы Қағидалар деректерді өңдеу тәртібін белгілейді.",
            "2. Қағидалар Заң негізінде қабылданды.",
            "2-бап. Өңдеу мақсаттары",
            "1. Қоғам деректерді мына мақсаттарда өңдейді:",
            "1) клиентті сәйкестендіру;",
            "2. Басқа мақсаттарда өңдеуге жол берілмейді.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(
            got,
            [
                "kk:1",
                "kk:1.1",
                "kk:1.2",
                "kk:2",
                "kk:2.1",
                "kk:2.1(1)",
                "kk:2.2"
            ]
        );
        // Numbering that runs on across articles keeps its own numbers.
        let got: Vec<String> = ids(&[
            "1-бап. Жалпы ережелер",
            "1. Осы Қағидалар деректерді өңдеу тәртібін белгілейді.",
            "2-бап. Өңдеу мақсаттары",
            "2. Қоғам деректерді сәйкестендіру үшін өңдейді.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(got, ["kk:1", "kk:1#2", "kk:2", "kk:2#2"]);
    }

    #[test]
    fn lists_numbered_afresh_under_numbered_headings_take_the_sections_number() {
        // A Markdown or Word list restarting at «1.» in every section.
        let paras = hinted(&[
            ("1. Жалпы ережелер", None, BlockHint::Heading),
            (
                "1. Осы саясат деректерді өңдеу тәртібін белгілейді.",
                None,
                BlockHint::Text,
            ),
            (
                "2. Саясат барлық клиенттерге қолданылады.",
                None,
                BlockHint::Text,
            ),
            ("2. Жиналатын деректер", None, BlockHint::Heading),
            ("1. МҚҰ мына деректерді алады:", None, BlockHint::Text),
            ("- тегі, аты;", None, BlockHint::Bullet),
            (
                "2. Сайт техникалық мәліметтерді тіркейді.",
                None,
                BlockHint::Text,
            ),
        ]);
        let got: Vec<String> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(
            got,
            [
                "kk:1",
                "kk:1.1",
                "kk:1.2",
                "kk:2",
                "kk:2.1",
                "kk:2.1-b1",
                "kk:2.2"
            ]
        );
        // Numbers that run on under the headings keep their own.
        let got: Vec<String> = ids(&[
            "1. Жалпы ережелер",
            "2. Осы саясат деректерді өңдеу тәртібін белгілейді.",
            "3. Өңдеу мақсаттары",
            "4. Деректер қарыз беру үшін өңделеді.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(got, ["kk:1", "kk:2", "kk:3", "kk:4"]);
    }

    #[test]
    fn numbered_questions_of_a_faq_are_cited_by_their_numbers() {
        let got: Vec<String> = ids(&[
            "Вопрос 7. Могу ли я узнать, какие данные вы храните?",
            "Ответ: Да, по вашему запросу.",
            "Вопрос 8. Как исправить данные?",
            "8-сұрақ. Деректерді қалай түзетуге болады?",
        ])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
        assert_eq!(got, ["kk:7", "kk:7-p1", "kk:8", "kk:8#2"]);
    }

    #[test]
    fn a_list_nested_by_indentation_holds_items_or_a_heading_s_clauses() {
        let texts = [
            "1. Жалпы ережелер",
            "1. Саясат деректерді өңдеу тәртібін белгілейді.",
            "2. Саясатта қолданылатын ұғымдар:",
            "1. «жою» – деректерді қалпына келтіру мүмкін болмайтын әрекеттер;",
            "2. «бұғаттау» – өңдеуді уақытша тоқтата тұру.",
            "3. Саясат сайтта жарияланады.",
        ];
        let nested = [false, true, false, true, true, false];
        let paras: Vec<Para> = texts
            .iter()
            .zip(nested)
            .map(|(t, n)| Para {
                nested: n,
                ..para(t, 0)
            })
            .collect();
        let got: Vec<String> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(
            got,
            ["kk:1", "kk:1.1", "kk:2", "kk:2(1)", "kk:2(2)", "kk:3"]
        );
    }

    #[test]
    fn lazy_markdown_numbers_take_the_rendered_number() {
        // CommonMark numbers «1.», «1.», «1.» as 1, 2, 3; a heading starts
        // a new list.
        let paras = hinted(&[
            ("Жалпы ережелер", None, BlockHint::Heading),
            (
                "1. Саясат деректерді өңдеу тәртібін белгілейді.",
                None,
                BlockHint::Text,
            ),
            (
                "1. Саясат барлық клиенттерге қолданылады.",
                None,
                BlockHint::Text,
            ),
            ("- тегі, аты;", None, BlockHint::Bullet),
            ("1. Саясат сайтта жарияланады.", None, BlockHint::Text),
            ("Құқықтар", None, BlockHint::Heading),
            (
                "1. Субъект деректерін білуге құқылы.",
                None,
                BlockHint::Text,
            ),
            (
                "1. Субъект келісімін қайтарып ала алады.",
                None,
                BlockHint::Text,
            ),
        ]);
        let got: Vec<String> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .filter(|c| c.number.is_some())
            .map(|c| c.id)
            .collect();
        assert_eq!(got, ["kk:1", "kk:2", "kk:3", "kk:1#2", "kk:2#2"]);
        // Under numbered headings the rendered number is the item's.
        let got: Vec<String> = ids(&[
            "1. Жалпы ережелер",
            "1. Саясат деректерді өңдеу тәртібін белгілейді.",
            "1. Саясат барлық клиенттерге қолданылады.",
            "2. Құқықтар",
            "1. Субъект деректерін білуге құқылы.",
            "1. Субъект келісімін қайтарып ала алады.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(
            got,
            ["kk:1", "kk:1.1", "kk:1.2", "kk:2", "kk:2.1", "kk:2.2"]
        );
        // An article's number is its own, whatever the part before it.
        let got: Vec<String> = ids(&[
            "Статья 1. Общие положения",
            "1. Настоящие Правила определяют порядок обработки данных.",
            "2. Оператором является МФО.",
            "Статья 2. Права субъекта",
            "1. Субъект вправе знать о наличии у МФО его данных.",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(got, ["kk:1", "kk:1.1", "kk:1.2", "kk:2", "kk:2.1"]);
    }

    #[test]
    fn lists_under_unnumbered_headings_take_the_counted_sections_number() {
        // `<h2>…</h2><ol><li>…` twice, no section number printed: the
        // reader's «section 2, item 1».
        let paras = hinted(&[
            ("Жалпы ережелер", None, BlockHint::Heading),
            (
                "Саясат деректерді өңдеу тәртібін белгілейді.",
                Some((1, 1)),
                BlockHint::Text,
            ),
            (
                "Саясат барлық клиенттерге қолданылады.",
                Some((2, 1)),
                BlockHint::Text,
            ),
            ("Сіздің құқықтарыңыз", None, BlockHint::Heading),
            (
                "Сіз деректеріңізді білуге құқылысыз.",
                Some((1, 1)),
                BlockHint::Text,
            ),
        ]);
        let got: Vec<String> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(got, ["kk:1", "kk:1.1", "kk:1.2", "kk:2", "kk:2.1"]);
    }

    #[test]
    fn a_nested_ol_under_a_section_heading_holds_its_clauses() {
        // `<ol><li><h2>…</h2><ol><li>…` as a browser numbers it.
        let paras = hinted(&[
            ("Жалпы ережелер", Some((1, 1)), BlockHint::Heading),
            (
                "Осы саясат деректерді өңдеу тәртібін белгілейді.",
                Some((1, 2)),
                BlockHint::Text,
            ),
            (
                "Саясат Заң негізінде әзірленді.",
                Some((2, 2)),
                BlockHint::Text,
            ),
            ("Жиналатын деректер", Some((2, 1)), BlockHint::Heading),
            ("МҚҰ мына деректерді алады:", Some((1, 2)), BlockHint::Text),
        ]);
        let got: Vec<(String, Option<String>)> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| (c.id, c.number))
            .collect();
        let want = ["1", "1.1", "1.2", "2", "2.1"];
        assert_eq!(
            got,
            want.iter()
                .map(|n| (format!("kk:{n}"), Some(n.to_string())))
                .collect::<Vec<_>>()
        );
        // Under an outer item that is a clause, nested items stay items.
        let mut at = 0;
        let paras: Vec<Para> = [
            ("Клиент мыналарға құқылы:", Some((1, 1))),
            ("деректерімен танысуға;", Some((1, 2))),
        ]
        .iter()
        .map(|(t, o)| {
            let mut p = para(t, at);
            p.ordinal = *o;
            at += t.len() + 1;
            p
        })
        .collect();
        let got: Vec<String> = build_stream(&paras, Lang::Kk)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(got, ["kk:1", "kk:1(1)"]);
    }

    #[test]
    fn letter_items_after_a_digit_item_are_its_sub_items() {
        let got: Vec<(String, Option<String>)> = {
            let mut at = 0;
            let paras: Vec<Para> = [
                "VI. ҰЙЫМНЫҢ ҚҰҚЫҚТАРЫ",
                "23) Ұйым:",
                "а) құжаттарды сұратуға;",
                "б) деректерді жоюға құқылы.",
                "24) Сұрауға жауап он жұмыс күні ішінде жіберіледі.",
                "VII. ҚОРЫТЫНДЫ ЕРЕЖЕЛЕР",
                "а) Саясат сайтта жарияланады.",
            ]
            .iter()
            .map(|t| {
                let p = para(t, at);
                at += t.len() + 1;
                p
            })
            .collect();
            build_stream(&paras, Lang::Kk)
                .into_iter()
                .map(|c| (c.id, c.parent))
                .collect()
        };
        let want: Vec<(String, Option<String>)> = [
            ("kk:VI", None),
            ("kk:VI(23)", Some("VI")),
            ("kk:VI(23)(а)", Some("VI(23)")),
            ("kk:VI(23)(б)", Some("VI(23)")),
            ("kk:VI(24)", Some("VI")),
            ("kk:VII", None),
            // A new section: no digit item to hang from.
            ("kk:VII(а)", Some("VII")),
        ]
        .iter()
        .map(|(i, p)| (i.to_string(), p.map(String::from)))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn markers() {
        let cases = [
            ("1.1. Мәтін", Some("1.1"), None, "1.1."),
            ("2. Тақырып", Some("2"), None, "2."),
            ("1.1 Мәтін", Some("1.1"), None, "1.1"),
            ("3. 3. Пайдаланушылардың", Some("3"), None, "3. 3."),
            ("(а) Сіз", None, Some("а"), "(а)"),
            ("1) Біз", None, Some("1"), "1)"),
            ("- 1) назначение", None, Some("1"), "- 1)"),
            ("- 7.1. Өзіңіздің", Some("7.1"), None, "- 7.1."),
            ("18 жасқа", None, None, ""),
            ("II. Общие положения", Some("II"), None, "II."),
            ("ІІ. Жалпы ережелер", Some("II"), None, "ІІ."),
            ("Статья 3. Права субъекта", Some("3"), None, "Статья 3."),
            ("3-бап. Субъектінің құқықтары", Some("3"), None, "3-бап."),
            ("IC. Мәтін", None, None, ""),
            ("2020 жылғы", None, None, ""),
            ("6.1) Клиенттің құқықтары", Some("6.1"), None, "6.1)"),
            ("6.1.2) Клиент", Some("6.1.2"), None, "6.1.2)"),
            ("§ 7. ИНЦИДЕНТТЕР", Some("7"), None, "§ 7."),
            ("п. 3.1 Данные обрабатываются", Some("3.1"), None, "п. 3.1"),
            ("пункт 3.2. Субъект вправе", Some("3.2"), None, "пункт 3.2."),
            ("3.1-т. Деректер өңделеді", Some("3.1"), None, "3.1-т."),
            ("3.1-тармақ «Компания»", Some("3.1"), None, "3.1-тармақ"),
            ("п. 3 ст. 20 Закона", None, None, ""),
            ("п. 3.2 настоящей Политики", None, None, ""),
            ("§5 Сроки хранения", Some("5"), None, "§5"),
        ];
        for (text, section, item, label) in cases {
            let m = parse_marker(text);
            assert_eq!(m.section.as_deref(), section, "{text}");
            assert_eq!(m.item.as_deref(), item, "{text}");
            assert_eq!(m.label, label, "{text}");
        }
    }

    #[test]
    fn letter_items_compare_by_position() {
        assert_eq!(comparable_number("3.1(ә)", Lang::Kk), "3.1(2)");
        assert_eq!(comparable_number("3.1(б)", Lang::Ru), "3.1(2)");
        assert_eq!(comparable_number("3.1(б)", Lang::Kk), "3.1(3)");
        assert_eq!(comparable_number("1.2(b)", Lang::Kk), "1.2(2)");
        assert_eq!(comparable_number("2.4(1)", Lang::Ru), "2.4(1)");
        assert_eq!(comparable_number("2.4", Lang::Ru), "2.4");
    }

    #[test]
    fn ids_and_kinds() {
        let got = ids(&[
            "Утверждено",
            "1. Жалпы ережелер",
            "1.1. Саясат бекітілді:",
            "1) бірінші;",
            "• бұл;",
            "Бұл абзац, оны оқыңыз.",
            "1.1. Қайталанған нөмір.",
        ]);
        let want = [
            ("kk:p1", ClauseKind::Preamble),
            ("kk:1", ClauseKind::Heading),
            ("kk:1.1", ClauseKind::Numbered),
            ("kk:1.1(1)", ClauseKind::Item),
            ("kk:1.1(1)-b1", ClauseKind::Bullet),
            ("kk:1.1(1)-p1", ClauseKind::Paragraph),
            ("kk:1.1#2", ClauseKind::Numbered),
        ];
        let want: Vec<(String, ClauseKind)> =
            want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn inline_items_are_cut_and_keep_their_spans() {
        let text = "7.3. Қамтамасыз ету: 1) бірінші; 2) екінші; 3) үшінші.";
        let p = para(text, 10);
        let clauses = build_stream(&[p], Lang::Kk);
        let got: Vec<&str> = clauses.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "7.3. Қамтамасыз ету:",
                "1) бірінші;",
                "2) екінші;",
                "3) үшінші."
            ]
        );
        // Segments tile the source.
        let mut pos = 10;
        for c in &clauses {
            for s in &c.segments {
                assert!(s.start >= pos);
                pos = s.end;
            }
        }
        assert_eq!(pos, 10 + text.len());
        assert_eq!(clauses[2].id, "kk:7.3(2)");
    }

    #[test]
    fn a_lone_item_reference_is_not_cut() {
        let cuts = inline_cuts("көрсетілген 2) тармақта", None);
        assert!(cuts.is_empty());
    }
}
