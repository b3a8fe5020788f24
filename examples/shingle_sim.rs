//! Measures how far apart template copies and unrelated policies sit on
//! shingle Jaccard, on the real corpus: reads `corpus/*.txt` (or the files
//! given as arguments), tokenises the whole text into lowercase letter/digit
//! words with every run of digits replaced by `0`, and prints the exact
//! Jaccard and containment of word 3-, 4- and 5-shingle sets for every pair.
//!
//! HTML tags are dropped first. The same is printed per language, the text
//! being cut into segments at line ends, tabs and `•` bullets, a segment
//! with a letter only Kazakh uses (ә ғ қ ң ө ұ ү һ і) being Kazakh and
//! another Cyrillic one Russian (a rough split, good enough for a
//! measurement).
//!
//! Last, the families found with the default parameters, per language.
//!
//! Known truth: `beeclever_ru_kk.txt` and `expressavans_ru_kk.txt` share one
//! template; the other pairs are unrelated. The default threshold in
//! `qostil::corpus::families` is chosen from these numbers.
//!
//! ```sh
//! cargo run --release --example shingle_sim [FILE...]
//! ```

use std::path::PathBuf;

use qostil::corpus::families::{Params, Sketch, families};
use qostil::corpus::minhash::{SHINGLE_SIZE, containment, jaccard, shingles};

/// Lowercase letter/digit words; a run of digits inside a word becomes `0`.
fn tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii_digit() || c.is_numeric() {
                if !in_digits {
                    word.push('0');
                }
                in_digits = true;
            } else {
                word.extend(c.to_lowercase());
                in_digits = false;
            }
        } else {
            in_digits = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `text` without HTML tags (`<…>`).
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Kazakh and Russian segments of `text`, by the script rule above.
fn split_languages(text: &str) -> [String; 2] {
    let mut out = [String::new(), String::new()];
    for line in text.split(['\n', '\t', '•']) {
        let lower = line.to_lowercase();
        if lower.chars().any(|c| "әғқңөұүһі".contains(c)) {
            out[0].push_str(line);
            out[0].push('\n');
        } else if lower.chars().any(|c| ('а'..='я').contains(&c) || c == 'ё') {
            out[1].push_str(line);
            out[1].push('\n');
        }
    }
    out
}

fn shingle_set(text: &str, n: usize) -> Vec<u32> {
    let words = tokenize(text);
    let tokens: Vec<&str> = words.iter().map(String::as_str).collect();
    shingles(&tokens, n)
}

/// The Jaccard of one language's sets, or `-` when either has none.
fn per_language(a: &[u32], b: &[u32]) -> String {
    if a.len() < 50 || b.len() < 50 {
        "-".to_string()
    } else {
        format!("{:.4}", jaccard(a, b))
    }
}

fn main() -> std::io::Result<()> {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        for entry in std::fs::read_dir("corpus")? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let sizes = [3usize, 4, SHINGLE_SIZE];
    let mut docs = Vec::new();
    for path in &paths {
        let text = strip_tags(&std::fs::read_to_string(path)?);
        let words = tokenize(&text);
        let tokens: Vec<&str> = words.iter().map(String::as_str).collect();
        let sets: Vec<Vec<u32>> = sizes.iter().map(|&n| shingles(&tokens, n)).collect();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        println!(
            "{name}: {} words, {} distinct {}-shingles",
            tokens.len(),
            sets[2].len(),
            SHINGLE_SIZE
        );
        let [kk, ru] = split_languages(&text);
        let by_language = [
            shingle_set(&kk, SHINGLE_SIZE),
            shingle_set(&ru, SHINGLE_SIZE),
        ];
        println!(
            "    kk {} and ru {} distinct {}-shingles",
            by_language[0].len(),
            by_language[1].len(),
            SHINGLE_SIZE
        );
        docs.push((name, sets, by_language));
    }
    println!();
    println!(
        "{:<50} {:>7} {:>7} {:>7} {:>10} {:>8} {:>8}",
        "pair", "J(3)", "J(4)", "J(5)", "contain(5)", "kk J(5)", "ru J(5)"
    );
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (a, b) = (&docs[i], &docs[j]);
            let js: Vec<f64> = (0..sizes.len())
                .map(|k| jaccard(&a.1[k], &b.1[k]))
                .collect();
            println!(
                "{:<50} {:>7.4} {:>7.4} {:>7.4} {:>10.4} {:>8} {:>8}",
                format!("{} ~ {}", a.0, b.0),
                js[0],
                js[1],
                js[2],
                containment(&a.1[2], &b.1[2]),
                per_language(&a.2[0], &b.2[0]),
                per_language(&a.2[1], &b.2[1]),
            );
        }
    }
    println!();
    for (k, language) in ["kk", "ru"].iter().enumerate() {
        let present: Vec<usize> = (0..docs.len())
            .filter(|&i| docs[i].2[k].len() >= 50)
            .collect();
        let sketches: Vec<Sketch> = present
            .iter()
            .map(|&i| Sketch::from_shingles(docs[i].2[k].clone()))
            .collect();
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let found = families(&refs, &Params::default());
        println!("{language} families (default parameters):");
        for group in &found.groups {
            let names: Vec<&str> = group.iter().map(|&g| docs[present[g]].0.as_str()).collect();
            println!("    {}", names.join(" + "));
        }
        for &(a, b, s) in &found.links {
            println!(
                "    link {} ~ {} {s:.3}",
                docs[present[a]].0, docs[present[b]].0
            );
        }
    }
    Ok(())
}
