//! The mutation benchmark of translator's parity.
//!
//! Start from the clean aligned pairs of the bilingual inputs (the three
//! bilingual corpus files and two clean fixtures, one of them rich in
//! dates, periods, contacts and references, which policies hold few of):
//! pairs with clauses on
//! both sides that carry no finding at all. Inject one known defect per
//! chosen pair into the source TEXT, re-run the whole analysis on the
//! mutated text, and count a defect as detected when a new finding of an
//! expected kind names the mutated pair (for a deleted clause: its
//! surviving counterpart or a neighbour of it, since the aligner may leave
//! a neighbour unpaired instead). Defects are injected several per run,
//! spread at least [`STRIDE`] candidates apart so that they do not
//! interact, which keeps the run short.
//!
//! False findings are measured on unmutated text: every parity finding on
//! the bilingual inputs is looked up in `fixtures/gold/parity_findings.tsv`,
//! where a person marked each one `real` (a true difference between the
//! versions or a true spelling defect) or `false`; a finding not in the
//! file counts as false. We assert recall ≥ 0.95 per defect kind and at
//! most 2 false findings per 100 aligned pairs, and print the figures
//! (`cargo test --test tests mutation:: -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};

use qostil::Config;
use qostil::check::parity::{self, PairView};
use qostil::extract;
use qostil::model::{ClauseKind, Document, EntityKind, Finding, Lang, Pair};

use crate::util::locate_nth;

const INPUTS: &[&str] = &[
    "corpus/beeclever_ru_kk.txt",
    "corpus/expressavans_ru_kk.txt",
    "corpus/fintechlab_kk_ru.txt",
    "fixtures/text/clean_kk_ru.txt",
    "fixtures/text/entities_kk_ru.txt",
];

/// Mutations in one run are at least this many candidates apart.
const STRIDE: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Defect {
    DeleteClause,
    ChangeNumber,
    ChangeDate,
    ChangeEmail,
    SwapTerm,
    DropListItem,
    PasteRussian,
    LatinLetter,
}

impl Defect {
    const ALL: [Defect; 8] = [
        Defect::DeleteClause,
        Defect::ChangeNumber,
        Defect::ChangeDate,
        Defect::ChangeEmail,
        Defect::SwapTerm,
        Defect::DropListItem,
        Defect::PasteRussian,
        Defect::LatinLetter,
    ];

    fn name(self) -> &'static str {
        match self {
            Defect::DeleteClause => "delete a clause",
            Defect::ChangeNumber => "change a number",
            Defect::ChangeDate => "change a date",
            Defect::ChangeEmail => "change an e-mail",
            Defect::SwapTerm => "swap a glossary term",
            Defect::DropListItem => "drop a list item",
            Defect::PasteRussian => "paste Russian into Kazakh",
            Defect::LatinLetter => "insert a Latin look-alike",
        }
    }

    /// Finding kinds that report this defect.
    fn kinds(self) -> &'static [&'static str] {
        match self {
            Defect::DeleteClause | Defect::DropListItem => &[
                "unpaired_clause",
                "list_item_mismatch",
                "length_mismatch",
                "heading_mismatch",
            ],
            Defect::ChangeNumber => &[
                "figure_mismatch",
                "period_mismatch",
                "law_reference_mismatch",
            ],
            Defect::ChangeDate => &["date_mismatch"],
            Defect::ChangeEmail => &["contact_mismatch"],
            Defect::SwapTerm => &["term_mismatch"],
            Defect::PasteRussian => &["untranslated_text", "untranslated_clause"],
            Defect::LatinLetter => &["mixed_script"],
        }
    }
}

/// One edit of the source text: replace `start..end` by `with`.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// One injected defect: its edits and the clause ids that a finding must
/// name to count as detecting it.
#[derive(Debug, Clone)]
struct Mutation {
    edits: Vec<Edit>,
    expect: BTreeSet<String>,
    /// Text a finding may quote instead of naming an expected clause (a
    /// pasted phrase that the language tagger moved to the other stream).
    quoted: Option<String>,
    label: String,
}

struct Input {
    name: String,
    doc: Document,
}

fn load(config: &Config) -> Vec<Input> {
    INPUTS
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            let doc = qostil::analyze(p, &bytes, config).unwrap_or_else(|e| panic!("{e}"));
            Input {
                name: p.to_string(),
                doc,
            }
        })
        .collect()
}

/// Pairs with both sides and no finding naming any of their clauses.
fn clean_pairs(doc: &Document) -> Vec<usize> {
    let named: BTreeSet<&str> = doc
        .findings
        .iter()
        .flat_map(|f| f.clauses.iter().map(|c| c.id.as_str()))
        .collect();
    doc.pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.kk.is_empty() && !p.ru.is_empty())
        .filter(|(_, p)| {
            p.kk.iter()
                .chain(&p.ru)
                .all(|&i| !named.contains(doc.clauses[i].id.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

fn ids(doc: &Document, p: &Pair) -> BTreeSet<String> {
    p.kk.iter()
        .chain(&p.ru)
        .map(|&i| doc.clauses[i].id.clone())
        .collect()
}

/// Where a piece of a clause's text is in the source: the unique
/// occurrence of `needle` inside the clause's segments.
fn locate(doc: &Document, clause: usize, needle: &str) -> Option<(usize, usize)> {
    let mut hits = Vec::new();
    for s in &doc.clauses[clause].segments {
        let src = &doc.source.text[s.start..s.end];
        for (at, _) in src.match_indices(needle) {
            hits.push(s.start + at);
        }
    }
    (hits.len() == 1).then(|| (hits[0], hits[0] + needle.len()))
}

/// Delete a clause: all its source pieces.
fn delete(doc: &Document, clause: usize) -> Vec<Edit> {
    doc.clauses[clause]
        .segments
        .iter()
        .map(|s| Edit {
            start: s.start,
            end: s.end,
            with: String::new(),
        })
        .collect()
}

/// The surviving side's clauses of pair `pi` and its neighbours.
fn survivors(doc: &Document, pi: usize, lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for q in pi.saturating_sub(1)..=(pi + 1).min(doc.pairs.len() - 1) {
        let p = &doc.pairs[q];
        let side = if lang == Lang::Kk { &p.kk } else { &p.ru };
        out.extend(side.iter().map(|&i| doc.clauses[i].id.clone()));
    }
    out
}

fn side_of(p: &Pair, lang: Lang) -> &[usize] {
    if lang == Lang::Kk { &p.kk } else { &p.ru }
}

/// The side to mutate for the n-th candidate: alternate.
fn lang_for(n: usize) -> Lang {
    if n.is_multiple_of(2) {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

fn candidates(input: &Input, defect: Defect, config: &Config) -> Vec<Mutation> {
    let doc = &input.doc;
    let mut out = Vec::new();
    for (n, pi) in clean_pairs(doc).into_iter().enumerate() {
        let p = &doc.pairs[pi];
        let lang = lang_for(n);
        let pair_ids = ids(doc, p);
        let one_to_one = p.kk.len() == 1 && p.ru.len() == 1;
        let m = match defect {
            Defect::DeleteClause | Defect::DropListItem => {
                if !one_to_one {
                    continue;
                }
                let victim = side_of(p, lang)[0];
                let c = &doc.clauses[victim];
                let list = matches!(c.kind, ClauseKind::Bullet | ClauseKind::Item);
                let wanted = if defect == Defect::DropListItem {
                    list
                } else {
                    !list && matches!(c.kind, ClauseKind::Numbered | ClauseKind::Paragraph)
                };
                if !wanted || c.body().chars().filter(|ch| ch.is_alphabetic()).count() < 20 {
                    continue;
                }
                Some(Mutation {
                    edits: delete(doc, victim),
                    expect: survivors(doc, pi, lang.counterpart()),
                    quoted: None,
                    label: format!("{} deleted", c.id),
                })
            }
            Defect::ChangeNumber | Defect::ChangeDate | Defect::ChangeEmail => {
                // Every such entity of either side is a candidate of its own.
                for lang in [Lang::Kk, Lang::Ru] {
                    for &clause in side_of(p, lang) {
                        out.extend(change_entities(doc, clause, defect, &pair_ids));
                    }
                }
                None
            }
            Defect::SwapTerm => swap_term(doc, p, lang, config, &pair_ids),
            Defect::PasteRussian => paste_russian(doc, p, &pair_ids),
            Defect::LatinLetter => latin_letter(doc, side_of(p, lang)[0]),
        };
        if let Some(m) = m {
            out.push(m);
        }
    }
    out
}

/// One mutation per entity of the wanted kind in a clause.
fn change_entities(
    doc: &Document,
    clause: usize,
    defect: Defect,
    pair_ids: &BTreeSet<String>,
) -> Vec<Mutation> {
    let c = &doc.clauses[clause];
    let body = c.body();
    let want = |k: EntityKind| match defect {
        Defect::ChangeNumber => k.is_figure(),
        Defect::ChangeDate => k == EntityKind::Date,
        _ => k == EntityKind::Email,
    };
    extract::entities(body)
        .into_iter()
        .filter(|e| want(e.kind))
        .filter_map(|e| {
            let text = &body[e.start..e.end];
            let offset = c.text.len() - body.len() + e.start;
            let (a, b) = locate_nth(doc, clause, text, offset)?;
            let changed = change(defect, text)?;
            Some(Mutation {
                edits: vec![Edit {
                    start: a,
                    end: b,
                    with: changed.clone(),
                }],
                expect: pair_ids.clone(),
                quoted: None,
                label: format!("{}: «{text}» → «{changed}»", c.id),
            })
        })
        .collect()
}

/// The changed form of an entity's text.
fn change(defect: Defect, text: &str) -> Option<String> {
    match defect {
        Defect::ChangeEmail => {
            let at = text.find('@')?;
            Some(format!("{}x{}", &text[..at], &text[at..]))
        }
        _ => {
            // The first run of digits (for a date: the day, a run of at
            // most two digits) gets a different value.
            let runs: Vec<(usize, usize)> = {
                let mut v = Vec::new();
                let mut start = None;
                for (i, c) in text
                    .char_indices()
                    .chain(std::iter::once((text.len(), ' ')))
                {
                    match (start, c.is_ascii_digit()) {
                        (None, true) => start = Some(i),
                        (Some(s), false) => {
                            v.push((s, i));
                            start = None;
                        }
                        _ => {}
                    }
                }
                v
            };
            let (a, b) = if defect == Defect::ChangeDate {
                *runs.iter().find(|(a, b)| b - a <= 2)?
            } else {
                *runs.first()?
            };
            let n: u64 = text[a..b].parse().ok()?;
            let m = if defect == Defect::ChangeDate && n >= 27 {
                n - 1
            } else {
                n + 1
            };
            Some(format!("{}{}{}", &text[..a], m, &text[b..]))
        }
    }
}

/// Replace the only occurrence of a glossary term on one side by a word of
/// another checked term that neither side uses, taken from elsewhere in
/// the same document.
fn swap_term(
    doc: &Document,
    p: &Pair,
    lang: Lang,
    config: &Config,
    pair_ids: &BTreeSet<String>,
) -> Option<Mutation> {
    let view = PairView::new(&doc.clauses, p);
    let side = view.side(lang);
    if side.clauses.len() != 1 {
        return None;
    }
    let g = &config.glossary;
    let mine = parity::terms::occurrences(side, g);
    let theirs = parity::terms::occurrences(view.side(lang.counterpart()), g);
    let used: BTreeSet<usize> = mine.iter().chain(&theirs).map(|(t, _)| *t).collect();
    // A term that this side uses once and the other side uses too.
    let (_, ranges) = mine
        .iter()
        .find(|(t, r)| r.len() == 1 && theirs.iter().any(|(u, _)| u == t))?;
    let (a, b) = ranges[0];
    let word = &side.text[a..b];
    // A replacement: the surface form of another checked term in this
    // document's text of the same language.
    let replacement = doc
        .pairs
        .iter()
        .filter_map(|q| {
            let v = PairView::new(&doc.clauses, q);
            let s = v.side(lang);
            if s.is_empty() {
                return None;
            }
            parity::terms::occurrences(s, g)
                .into_iter()
                .find(|(t, _)| !used.contains(t))
                .map(|(_, r)| s.text[r[0].0..r[0].1].to_string())
        })
        .next()?;
    let clause = side_of(p, lang)[0];
    let (sa, sb) = locate(doc, clause, word)?;
    Some(Mutation {
        edits: vec![Edit {
            start: sa,
            end: sb,
            with: replacement.clone(),
        }],
        expect: pair_ids.clone(),
        quoted: None,
        label: format!("{}: «{word}» → «{replacement}»", doc.clauses[clause].id),
    })
}

/// Paste five words of the Russian counterpart into the Kazakh clause.
fn paste_russian(doc: &Document, p: &Pair, pair_ids: &BTreeSet<String>) -> Option<Mutation> {
    if p.kk.len() != 1 || p.ru.is_empty() {
        return None;
    }
    let ru = doc.clauses[p.ru[0]].body();
    let words: Vec<&str> = ru
        .split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_alphabetic() || ",.;:".contains(c)))
        .collect();
    if words.len() < 6 {
        return None;
    }
    let phrase = words[1..6]
        .join(" ")
        .trim_end_matches([',', '.', ';', ':'])
        .to_string();
    let kk = &doc.clauses[p.kk[0]];
    let seg = kk.segments.first()?;
    let src = &doc.source.text[seg.start..seg.end];
    // Insert at the first space past the middle of the first segment.
    let mid = src.len() / 2;
    let at = src
        .char_indices()
        .find(|&(i, c)| i >= mid && c == ' ')
        .map(|(i, _)| i)?;
    Some(Mutation {
        edits: vec![Edit {
            start: seg.start + at,
            end: seg.start + at,
            with: format!(" {phrase}"),
        }],
        expect: pair_ids.clone(),
        quoted: phrase.split(' ').next().map(String::from),
        label: format!("{}: + «{phrase}»", kk.id),
    })
}

/// Put a Latin look-alike for one Cyrillic letter of a word.
fn latin_letter(doc: &Document, clause: usize) -> Option<Mutation> {
    const LOOKS: &[(char, char)] = &[
        ('а', 'a'),
        ('е', 'e'),
        ('о', 'o'),
        ('с', 'c'),
        ('р', 'p'),
        ('х', 'x'),
        ('у', 'y'),
        ('і', 'i'),
    ];
    let c = &doc.clauses[clause];
    for s in &c.segments {
        let src = &doc.source.text[s.start..s.end];
        // Words with their byte offsets.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut start = None;
        for (i, ch) in src.char_indices().chain(std::iter::once((src.len(), ' '))) {
            match (start, ch.is_alphabetic()) {
                (None, true) => start = Some(i),
                (Some(a), false) => {
                    words.push((a, &src[a..i]));
                    start = None;
                }
                _ => {}
            }
        }
        for (start, word) in words {
            if word.chars().count() < 5
                || !word
                    .chars()
                    .all(|ch| ('\u{0400}'..='\u{04FF}').contains(&ch))
            {
                continue;
            }
            // Second or later letter, so the word is not a capital's case.
            for (i, ch) in word.char_indices().skip(1) {
                if let Some(&(_, lat)) = LOOKS.iter().find(|(cy, _)| *cy == ch) {
                    let pos = s.start + start + i;
                    return Some(Mutation {
                        edits: vec![Edit {
                            start: pos,
                            end: pos + ch.len_utf8(),
                            with: lat.to_string(),
                        }],
                        expect: [c.id.clone()].into(),
                        quoted: None,
                        label: format!("{}: «{word}» with Latin {lat}", c.id),
                    });
                }
            }
        }
    }
    None
}

fn apply(text: &str, muts: &[&Mutation]) -> String {
    let mut edits: Vec<&Edit> = muts.iter().flat_map(|m| m.edits.iter()).collect();
    edits.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.start..e.end, &e.with);
    }
    out
}

fn key(f: &Finding) -> (String, Vec<String>, String) {
    (
        f.kind.name().to_string(),
        f.clauses.iter().map(ToString::to_string).collect(),
        f.message.clone(),
    )
}

#[test]
fn mutation_benchmark() {
    let config = Config::default();
    let inputs = load(&config);
    // defect → (injected, detected)
    let mut tally: BTreeMap<Defect, (usize, usize)> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for input in &inputs {
        let base: BTreeSet<_> = input.doc.findings.iter().map(key).collect();
        for defect in Defect::ALL {
            let cands = candidates(input, defect, &config);
            for batch in 0..STRIDE {
                let muts: Vec<&Mutation> = cands.iter().skip(batch).step_by(STRIDE).collect();
                if muts.is_empty() {
                    continue;
                }
                let text = apply(&input.doc.source.text, &muts);
                let doc = qostil::analyze(&input.name, text.as_bytes(), &config)
                    .unwrap_or_else(|e| panic!("{e}"));
                let new: Vec<&Finding> = doc
                    .findings
                    .iter()
                    .filter(|f| !base.contains(&key(f)))
                    .filter(|f| defect.kinds().contains(&f.kind.name()))
                    .collect();
                for m in muts {
                    let hit = new.iter().any(|f| {
                        f.clauses.iter().any(|id| m.expect.contains(&id.id))
                            || m.quoted.as_ref().is_some_and(|q| {
                                f.evidence.iter().any(|e| e.text.contains(q.as_str()))
                            })
                    });
                    let t = tally.entry(defect).or_default();
                    t.0 += 1;
                    if hit {
                        t.1 += 1;
                    } else {
                        misses.push(format!("{} [{}] {}", input.name, defect.name(), m.label));
                    }
                }
            }
        }
    }
    println!("\nmutation benchmark: detection recall per injected defect");
    let mut ok = true;
    for defect in Defect::ALL {
        let (n, d) = tally.get(&defect).copied().unwrap_or((0, 0));
        let recall = if n == 0 { 0.0 } else { d as f64 / n as f64 };
        println!(
            "  {:<28} {:>4} injected {:>4} detected  recall {:.3}",
            defect.name(),
            n,
            d,
            recall
        );
        ok &= n > 0 && recall >= 0.95;
    }
    for m in &misses {
        println!("  missed: {m}");
    }
    assert!(
        ok,
        "recall below 0.95 (or nothing injected) for some defect kind"
    );
}

/// The parity findings read by hand: (file, kind, first clause) → verdict.
fn gold() -> BTreeMap<(String, String, String), String> {
    verdicts("fixtures/gold/parity_findings.tsv")
}

/// A gold file of findings read by hand, one line each: (file, kind, first
/// clause) → verdict (`real` or `false`).
fn verdicts(path: &str) -> BTreeMap<(String, String, String), String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 4).then(|| {
                (
                    (f[0].to_string(), f[1].to_string(), f[2].to_string()),
                    f[3].to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn false_findings_on_unmutated_text() {
    let config = Config::default();
    let inputs = load(&config);
    let gold = gold();
    let (mut pairs, mut real, mut false_found) = (0usize, 0usize, 0usize);
    let mut found_real = BTreeSet::new();
    for input in &inputs {
        pairs += input
            .doc
            .pairs
            .iter()
            .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
            .count();
        for f in input
            .doc
            .findings
            .iter()
            .filter(|f| parity::KINDS.contains(&f.kind))
        {
            let k = (
                input.name.clone(),
                f.kind.name().to_string(),
                f.clauses
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
            match gold.get(&k).map(String::as_str) {
                Some("real") => {
                    real += 1;
                    found_real.insert(k);
                }
                verdict => {
                    false_found += 1;
                    println!(
                        "  false ({}): {} {} {:?}: {}",
                        verdict.unwrap_or("not in gold"),
                        input.name,
                        f.kind,
                        f.clauses.first(),
                        f.message
                    );
                }
            }
        }
    }
    let per_100 = false_found as f64 * 100.0 / pairs as f64;
    println!(
        "\nunmutated text: {pairs} aligned pairs, {real} real parity findings, {false_found} false ({per_100:.2} per 100 pairs)"
    );
    let lost: Vec<_> = gold
        .iter()
        .filter(|(k, v)| v.as_str() == "real" && !found_real.contains(*k))
        .map(|(k, _)| k)
        .collect();
    for k in &lost {
        println!("  real defect no longer found: {k:?}");
    }
    assert!(per_100 <= 2.0, "{per_100:.2} false findings per 100 pairs");
    assert!(lost.is_empty(), "real defects no longer found: {lost:?}");
}

#[test]
fn length_ratio_distribution_matches_the_calibration() {
    // Recompute what parity/structure.rs's constants were calibrated on.
    let config = Config::default();
    let mut logs = Vec::new();
    for input in load(&config)
        .iter()
        .filter(|i| i.name.starts_with("corpus/"))
    {
        for p in &input.doc.pairs {
            let v = PairView::new(&input.doc.clauses, p);
            if v.kk.clauses.len() != 1 || v.ru.clauses.len() != 1 {
                continue;
            }
            let (k, r) = (v.kk.clauses[0], v.ru.clauses[0]);
            if k.kind == ClauseKind::Definition || r.kind == ClauseKind::Definition {
                continue;
            }
            let (a, b) = (k.body().chars().count(), r.body().chars().count());
            if a.max(b) >= parity::structure::MIN_LENGTH && a.min(b) > 0 {
                logs.push(((a as f64 + 10.0) / (b as f64 + 10.0)).ln());
            }
        }
    }
    let n = logs.len() as f64;
    let mean = logs.iter().sum::<f64>() / n;
    let sd = (logs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
    println!(
        "length log-ratio over {} pairs: mean {mean:.3}, sd {sd:.3}",
        logs.len()
    );
    assert!((mean - parity::structure::LOG_RATIO_MEAN).abs() < 0.03);
    assert!((sd - parity::structure::LOG_RATIO_SD).abs() < 0.03);
}

// ---------------------------------------------------------------------
// Meaning defects (issue 14): the same injection, for the differences a
// reader finds side by side. Each is made on one side of a clean pair
// (alternately Kazakh and Russian), in the source text, and counts as
// detected when a new finding of its meaning kind names the pair.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MeaningDefect {
    DeletePhrase,
    NegateVerb,
    SwapModality,
    SwapQuantifier,
    ReplaceWord,
}

impl MeaningDefect {
    const ALL: [MeaningDefect; 5] = [
        MeaningDefect::DeletePhrase,
        MeaningDefect::NegateVerb,
        MeaningDefect::SwapModality,
        MeaningDefect::SwapQuantifier,
        MeaningDefect::ReplaceWord,
    ];

    fn name(self) -> &'static str {
        match self {
            MeaningDefect::DeletePhrase => "delete a phrase",
            MeaningDefect::NegateVerb => "negate a verb",
            MeaningDefect::SwapModality => "swap modality",
            MeaningDefect::SwapQuantifier => "swap a quantifier",
            MeaningDefect::ReplaceWord => "replace a content word",
        }
    }

    fn kinds(self) -> &'static [&'static str] {
        match self {
            MeaningDefect::DeletePhrase => &["meaning_omission"],
            MeaningDefect::NegateVerb => &["meaning_negation"],
            MeaningDefect::SwapModality => &["meaning_modality"],
            MeaningDefect::SwapQuantifier => &["meaning_quantifier"],
            MeaningDefect::ReplaceWord => &["meaning_substitution", "meaning_omission"],
        }
    }

    /// The recall this benchmark measured when it was written (a floor:
    /// the test fails below it). Measured: delete a phrase 10/85 (0.118),
    /// negate a verb 39/81 (0.481), swap modality 18/30 (0.600), swap a
    /// quantifier 16/16, replace a content word 35/220 (0.159). Issue 14's
    /// target is 0.8 for each: only the quantifier reaches it.
    fn floor(self) -> f64 {
        match self {
            MeaningDefect::DeletePhrase => FLOOR_DELETE,
            MeaningDefect::NegateVerb => FLOOR_NEGATE,
            MeaningDefect::SwapModality => FLOOR_MODALITY,
            MeaningDefect::SwapQuantifier => FLOOR_QUANTIFIER,
            MeaningDefect::ReplaceWord => FLOOR_REPLACE,
        }
    }
}

/// Floors at what was measured. With the lexicon learnt from 6,387 pairs
/// (2026-12-03; was 905 pairs, most of them the corpus this benchmark
/// mutates) deletions rose 0.118 → 0.188 and negations fell 0.494 → 0.446:
/// fewer corpus word pairs are known by heart, so a negated verb's anchor
/// links to other words.
const FLOOR_DELETE: f64 = 0.15;
const FLOOR_NEGATE: f64 = 0.44;
const FLOOR_MODALITY: f64 = 0.6;
const FLOOR_QUANTIFIER: f64 = 1.0;
/// 32 of 214 (0.1495) since a changed word must be one seen 8 times in
/// training on both sides (`coverage::SUBSTITUTION_COUNT`): the words the
/// lexicon barely knows gave the false ones on the blind set.
const FLOOR_REPLACE: f64 = 0.14;

/// Word swaps (whole words, lower case) for modality and quantifiers.
const MODALITY_SWAPS: &[(&str, &str)] = &[
    ("вправе", "обязано"),
    ("может", "обязано"),
    ("могут", "обязаны"),
    ("можете", "обязаны"),
    ("обязано", "вправе"),
    ("обязан", "вправе"),
    ("обязана", "вправе"),
    ("обязаны", "могут"),
    ("обязуется", "вправе"),
    ("должны", "могут"),
    ("должен", "может"),
    ("құқылы", "міндетті"),
    ("міндетті", "құқылы"),
    ("мүмкін", "міндетті"),
    ("тиіс", "мүмкін"),
    ("аласыз", "міндеттісіз"),
];

const QUANTIFIER_SWAPS: &[(&str, &str)] = &[
    ("все", "некоторые"),
    ("всех", "некоторых"),
    ("всем", "некоторым"),
    ("любые", "некоторые"),
    ("любой", "некоторой"),
    ("любое", "некоторое"),
    ("любого", "некоторого"),
    ("любых", "некоторых"),
    ("каждый", "некоторый"),
    ("барлық", "кейбір"),
    ("бүкіл", "кейбір"),
    ("әрбір", "кейбір"),
];

/// The source range of the `n`-th whole word `word` (any case) of a
/// clause's body, if it occurs exactly once there.
fn whole_word(doc: &Document, clause: usize, word: &str) -> Option<(usize, usize, String)> {
    let c = &doc.clauses[clause];
    let body = c.body();
    let words = qostil::check::meaning::lexicon::words(body, c.lang);
    let hits: Vec<&qostil::check::meaning::lexicon::Word> =
        words.iter().filter(|w| w.lower == word).collect();
    if hits.len() != 1 {
        return None;
    }
    let w = hits[0];
    let surface = body[w.start..w.end].to_string();
    let offset = c.text.len() - body.len() + w.start;
    let (a, b) = locate_nth(doc, clause, &surface, offset)?;
    Some((a, b, surface))
}

/// Keep the first letter's case of `like`.
fn cased(word: &str, like: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

fn swap_word(
    doc: &Document,
    clause: usize,
    swaps: &[(&str, &str)],
    expect: &BTreeSet<String>,
) -> Option<Mutation> {
    for (from, to) in swaps {
        if let Some((a, b, surface)) = whole_word(doc, clause, from) {
            let with = cased(to, &surface);
            return Some(Mutation {
                edits: vec![Edit {
                    start: a,
                    end: b,
                    with: with.clone(),
                }],
                expect: expect.clone(),
                quoted: None,
                label: format!("{}: «{surface}» → «{with}»", doc.clauses[clause].id),
            });
        }
    }
    None
}

/// Negate the first finite verb of a clause: Kazakh «-ады/-еді/-йды/-йді»
/// → «-майды/-мейді», Russian «не» before a present-tense verb.
fn negate_verb(doc: &Document, clause: usize, expect: &BTreeSet<String>) -> Option<Mutation> {
    let c = &doc.clauses[clause];
    let body = c.body();
    let words = qostil::check::meaning::lexicon::words(body, c.lang);
    for (k, w) in words.iter().enumerate() {
        let lw = &w.lower;
        let n = lw.chars().count();
        if n < 6 || qostil::check::meaning::polarity::kk_negated_verb(lw) {
            continue;
        }
        let with = if c.lang == Lang::Kk {
            let stem_end = |suffix: &str| &lw[..lw.len() - suffix.len()];
            if let Some(s) = ["айды", "ейді"].iter().find(|s| lw.ends_with(*s)) {
                let base = stem_end(&s[s.len() - "йды".len()..]);
                let neg = if s.contains('е') {
                    "мейді"
                } else {
                    "майды"
                };
                Some(format!("{base}{neg}"))
            } else if lw.ends_with("ады") && !lw.ends_with("майды") {
                Some(format!("{}майды", stem_end("ады")))
            } else if lw.ends_with("еді") && !lw.ends_with("мейді") {
                Some(format!("{}мейді", stem_end("еді")))
            } else {
                None
            }
        } else {
            let finite = ["ет", "ит", "ют", "ут", "ется", "ится", "ются", "утся"]
                .iter()
                .any(|s| lw.ends_with(s));
            let before = k.checked_sub(1).map(|j| words[j].lower.as_str());
            (finite && before != Some("не")).then(|| format!("не {}", &body[w.start..w.end]))
        };
        let Some(with) = with else { continue };
        let surface = &body[w.start..w.end];
        let with = if c.lang == Lang::Kk {
            cased(&with, surface)
        } else {
            with
        };
        let offset = c.text.len() - body.len() + w.start;
        let (a, b) = locate_nth(doc, clause, surface, offset)?;
        return Some(Mutation {
            edits: vec![Edit {
                start: a,
                end: b,
                with: with.clone(),
            }],
            expect: expect.clone(),
            quoted: None,
            label: format!("{}: «{surface}» → «{with}»", c.id),
        });
    }
    None
}

/// Delete five consecutive words from the middle of a clause of at least
/// fifteen words (the phrase must occur once in the source).
fn delete_phrase(doc: &Document, clause: usize, expect: &BTreeSet<String>) -> Option<Mutation> {
    let c = &doc.clauses[clause];
    let body = c.body();
    let words = qostil::check::meaning::lexicon::words(body, c.lang);
    if words.len() < 15 {
        return None;
    }
    let first = words.len() / 3;
    let (a, b) = (words[first].start, words[first + 4].end);
    let phrase = &body[a..b];
    if phrase.contains(['.', ';', ':', '\n']) {
        return None;
    }
    let offset = c.text.len() - body.len() + a;
    let (sa, sb) = locate_nth(doc, clause, phrase, offset)?;
    Some(Mutation {
        edits: vec![Edit {
            start: sa,
            end: sb,
            with: String::new(),
        }],
        expect: expect.clone(),
        quoted: None,
        label: format!("{}: − «{phrase}»", c.id),
    })
}

/// Replace a content word that is sure of its translation by a common
/// word of another subject («реклама», «жарнама») that neither side has.
fn replace_word(
    doc: &Document,
    p: &Pair,
    lang: Lang,
    expect: &BTreeSet<String>,
) -> Option<Mutation> {
    use qostil::check::meaning::lexicon::{Table, words};
    let table = Table::builtin();
    let clause = *side_of(p, lang).first()?;
    let c = &doc.clauses[clause];
    let body = c.body();
    let ws = words(body, lang);
    let other: Vec<String> = side_of(p, lang.counterpart())
        .iter()
        .flat_map(|&i| words(doc.clauses[i].body(), lang.counterpart()))
        .map(|w| w.lower)
        .collect();
    let (with, foreign) = if lang == Lang::Kk {
        ("жарнаманы", "реклам")
    } else {
        ("рекламу", "жарнам")
    };
    if other.iter().any(|w| w.starts_with(foreign))
        || ws.iter().any(|w| w.lower.starts_with(&with[..8]))
    {
        return None;
    }
    let mid = ws.len() / 2;
    let w = ws
        .iter()
        .skip(mid)
        .chain(ws.iter().take(mid))
        .find(|w| w.content && w.lower.chars().count() >= 5 && table.sure(&w.stem, lang))?;
    let surface = &body[w.start..w.end];
    let offset = c.text.len() - body.len() + w.start;
    let (a, b) = locate_nth(doc, clause, surface, offset)?;
    Some(Mutation {
        edits: vec![Edit {
            start: a,
            end: b,
            with: with.to_string(),
        }],
        expect: expect.clone(),
        quoted: None,
        label: format!("{}: «{surface}» → «{with}»", c.id),
    })
}

fn meaning_candidates(input: &Input, defect: MeaningDefect) -> Vec<Mutation> {
    let doc = &input.doc;
    let mut out = Vec::new();
    for (n, pi) in clean_pairs(doc).into_iter().enumerate() {
        let p = &doc.pairs[pi];
        let expect = ids(doc, p);
        let mut m = None;
        // The n-th pair's side first, the other if it has nothing to mutate.
        for lang in [lang_for(n), lang_for(n).counterpart()] {
            let Some(&clause) = side_of(p, lang).first() else {
                continue;
            };
            m = match defect {
                MeaningDefect::DeletePhrase => delete_phrase(doc, clause, &expect),
                MeaningDefect::NegateVerb => negate_verb(doc, clause, &expect),
                MeaningDefect::SwapModality => swap_word(doc, clause, MODALITY_SWAPS, &expect),
                MeaningDefect::SwapQuantifier => swap_word(doc, clause, QUANTIFIER_SWAPS, &expect),
                MeaningDefect::ReplaceWord => replace_word(doc, p, lang, &expect),
            };
            if m.is_some() {
                break;
            }
        }
        out.extend(m);
    }
    out
}

#[test]
fn meaning_mutation_benchmark() {
    let config = Config::default();
    let inputs = load(&config);
    let mut tally: BTreeMap<MeaningDefect, (usize, usize)> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for input in &inputs {
        let base: BTreeSet<_> = input.doc.findings.iter().map(key).collect();
        for defect in MeaningDefect::ALL {
            let cands = meaning_candidates(input, defect);
            for batch in 0..STRIDE {
                let muts: Vec<&Mutation> = cands.iter().skip(batch).step_by(STRIDE).collect();
                if muts.is_empty() {
                    continue;
                }
                let text = apply(&input.doc.source.text, &muts);
                let doc = qostil::analyze(&input.name, text.as_bytes(), &config)
                    .unwrap_or_else(|e| panic!("{e}"));
                let new: Vec<&Finding> = doc
                    .findings
                    .iter()
                    .filter(|f| !base.contains(&key(f)))
                    .filter(|f| defect.kinds().contains(&f.kind.name()))
                    .collect();
                for m in muts {
                    let hit = new
                        .iter()
                        .any(|f| f.clauses.iter().any(|id| m.expect.contains(&id.id)));
                    let t = tally.entry(defect).or_default();
                    t.0 += 1;
                    if hit {
                        t.1 += 1;
                    } else {
                        misses.push(format!("{} [{}] {}", input.name, defect.name(), m.label));
                    }
                }
            }
        }
    }
    println!("\nmeaning mutation benchmark: detection recall per injected defect");
    let mut ok = true;
    for defect in MeaningDefect::ALL {
        let (n, d) = tally.get(&defect).copied().unwrap_or((0, 0));
        let recall = if n == 0 { 0.0 } else { d as f64 / n as f64 };
        println!(
            "  {:<24} {:>4} injected {:>4} detected  recall {:.3} (floor {:.2})",
            defect.name(),
            n,
            d,
            recall,
            defect.floor()
        );
        ok &= n >= 5 && recall >= defect.floor();
    }
    for m in &misses {
        println!("  missed: {m}");
    }
    assert!(
        ok,
        "meaning recall below its floor (or under 5 injected) for some defect kind"
    );
}

/// The meaning findings read by hand: (file, kind, first clause) → verdict.
fn meaning_gold() -> BTreeMap<(String, String, String), String> {
    verdicts("fixtures/gold/meaning_findings.tsv")
}

/// False meaning findings on the unmutated inputs, per 100 aligned pairs:
/// every meaning finding is looked up in `fixtures/gold/meaning_findings.tsv`
/// (read by hand: `real` or `false`; one not in the file counts as false).
/// Issue 14's target is at most 1. Measured 1 false of 14 findings on 313
/// pairs (0.32 per 100) with the lexicon learnt from 905 pairs, most of
/// them these very files; with the lexicon learnt from 6,387 pairs
/// (2026-12-03) 7 false of 20 (2.24 per 100: five omissions and two
/// changed words on free translations, read by hand in the file), the
/// price of the recall it gained on the blind set (blind14: 21 → 27 of
/// 51). Held there; the target is not met.
const MAX_FALSE_MEANING_PER_100: f64 = 2.3;

#[test]
fn false_meaning_findings_on_unmutated_text() {
    let config = Config::default();
    let inputs = load(&config);
    let gold = meaning_gold();
    let (mut pairs, mut real, mut false_found) = (0usize, 0usize, 0usize);
    for input in &inputs {
        pairs += input
            .doc
            .pairs
            .iter()
            .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
            .count();
        for f in input
            .doc
            .findings
            .iter()
            .filter(|f| qostil::check::meaning::KINDS.contains(&f.kind))
        {
            let k = (
                input.name.clone(),
                f.kind.name().to_string(),
                f.clauses
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
            match gold.get(&k).map(String::as_str) {
                Some("real") => real += 1,
                verdict => {
                    false_found += 1;
                    println!(
                        "  false ({}): {}\t{}\t{}\t{}",
                        verdict.unwrap_or("not in gold"),
                        input.name,
                        f.kind,
                        k.2,
                        f.message
                    );
                }
            }
        }
    }
    let per_100 = false_found as f64 * 100.0 / pairs as f64;
    println!(
        "\nunmutated text: {pairs} aligned pairs, {real} real meaning findings, {false_found} false ({per_100:.2} per 100 pairs)"
    );
    assert!(
        per_100 <= MAX_FALSE_MEANING_PER_100,
        "{per_100:.2} false meaning findings per 100 pairs"
    );
}
