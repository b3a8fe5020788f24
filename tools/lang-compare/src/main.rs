//! Compare qostil's language detector with lingua (Kazakh + Russian only) on
//! fixtures/gold/lang_blocks.tsv. See README.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use qostil::model::Lang;

const REPS: u32 = 20;

struct Row {
    label: Lang,
    file: String,
    text: String,
}

fn parse_label(s: &str) -> Lang {
    match s {
        "kk" => Lang::Kk,
        "ru" => Lang::Ru,
        "other" => Lang::Other,
        _ => panic!("unknown label {s:?}"),
    }
}

/// Same Cyrillic test as qostil::lang (U+0400..=U+04FF).
fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// lingua alone: None -> other.
fn lingua_raw(det: &LanguageDetector, text: &str) -> Lang {
    match det.detect_language_of(text) {
        Some(Language::Kazakh) => Lang::Kk,
        Some(Language::Russian) => Lang::Ru,
        _ => Lang::Other,
    }
}

/// lingua with qostil's rule "no Cyrillic letter -> other".
fn lingua_rule(det: &LanguageDetector, text: &str) -> Lang {
    if !has_cyrillic(text) {
        return Lang::Other;
    }
    lingua_raw(det, text)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn acc(rows: &[Row], pred: &[Lang], keep: impl Fn(&Row) -> bool) -> String {
    let (mut n, mut ok) = (0usize, 0usize);
    for (r, p) in rows.iter().zip(pred) {
        if keep(r) {
            n += 1;
            ok += (r.label == *p) as usize;
        }
    }
    if n == 0 {
        return "n/a".into();
    }
    format!("{ok}/{n} = {:.1}%", 100.0 * ok as f64 / n as f64)
}

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/gold/lang_blocks.tsv");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = data.lines();
    assert_eq!(lines.next(), Some("label\tfile\ttext"), "unexpected header");
    let rows: Vec<Row> = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let label = parse_label(f.next().unwrap());
            let file = f.next().expect("file column").to_string();
            let text = f.next().expect("text column").to_string();
            Row { label, file, text }
        })
        .collect();
    let n = rows.len();
    println!("rows: {n} ({})", path.display());

    // lingua model load (eager), timed on its own.
    let t = Instant::now();
    let det = LanguageDetectorBuilder::from_languages(&[Language::Kazakh, Language::Russian])
        .with_preloaded_language_models()
        .build();
    let load = t.elapsed();

    let q: Vec<Lang> = rows.iter().map(|r| qostil::lang::detect(&r.text)).collect();
    let lr: Vec<Lang> = rows.iter().map(|r| lingua_rule(&det, &r.text)).collect();
    let lraw: Vec<Lang> = rows.iter().map(|r| lingua_raw(&det, &r.text)).collect();

    // Timing: whole set REPS times, mean per fragment.
    let time = |f: &dyn Fn(&str) -> Lang| {
        let t = Instant::now();
        for _ in 0..REPS {
            for r in &rows {
                black_box(f(black_box(&r.text)));
            }
        }
        t.elapsed().as_secs_f64() / (REPS as f64 * n as f64)
    };
    let tq = time(&|s| qostil::lang::detect(s));
    let tl = time(&|s| lingua_rule(&det, s));

    let systems: [(&str, &[Lang]); 3] = [
        ("qostil::lang::detect", &q),
        ("lingua (kk+ru, no-Cyrillic -> other)", &lr),
        ("lingua raw (kk+ru, only None -> other)", &lraw),
    ];
    for (name, pred) in systems {
        println!("\n== {name}");
        println!("  overall          {}", acc(&rows, pred, |_| true));
        for l in [Lang::Kk, Lang::Ru, Lang::Other] {
            println!("  label {:<10} {}", l.code(), acc(&rows, pred, |r| r.label == l));
        }
        println!("  short (<=4 words) {}", acc(&rows, pred, |r| words(&r.text) <= 4));
        println!("  finbox_kk.txt    {}", acc(&rows, pred, |r| r.file == "finbox_kk.txt"));
    }
    println!("\n== timing ({REPS} runs over {n} fragments, release build)");
    println!("  qostil  mean per fragment: {:.2} µs", tq * 1e6);
    println!("  lingua  mean per fragment: {:.2} µs (incl. Cyrillic check)", tl * 1e6);
    println!("  lingua  model load (kk+ru, preloaded): {:.1} ms", load.as_secs_f64() * 1e3);

    for (name, pred) in [("qostil", &q), ("lingua (with rule)", &lr)] {
        let wrong: Vec<_> = rows.iter().zip(pred.iter()).filter(|(r, p)| r.label != **p).collect();
        println!("\n== {name}: {} wrong (gold -> predicted, file, text)", wrong.len());
        for (r, p) in wrong {
            println!("  {} -> {:<5} {:<24} {}", r.label.code(), p.code(), r.file, r.text);
        }
    }
    let raw_only: Vec<_> = rows
        .iter()
        .zip(lraw.iter().zip(lr.iter()))
        .filter(|(_, (a, b))| a != b)
        .collect();
    println!("\n== rows where the no-Cyrillic rule changes lingua's answer: {}", raw_only.len());
    for (r, (a, b)) in raw_only {
        println!("  {}: raw {} -> rule {}  {}", r.label.code(), a.code(), b.code(), r.text);
    }
}
