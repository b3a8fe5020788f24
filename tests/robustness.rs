//! Never a panic, never a hang: the pipeline is run on thousands of damaged
//! versions of real inputs (truncated at any byte, bytes flipped, lines
//! shuffled and duplicated, markup and tabs injected, a PDF cut short) and
//! must return a document or a typed error every time, and a document
//! that loses no character (as `invariants` asserts on the undamaged
//! inputs). A deterministic generator makes every run the same.

use std::time::{Duration, Instant};

use crate::util::assert_nothing_lost;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&[u8]] = &[
    b"\t",
    b"<p>",
    b"</p>",
    b"<td>",
    b"\xE2\x80\xA2 ",
    b"1.1. ",
    b"2) ",
    b"(a) ",
    b"**",
    b"&amp;",
    b"&#x4D8;",
    b"\n\n",
    b"\x0C",
    b"\r",
    b"---\t---\n",
    b"https://a.kz\n",
    b"\xD2\x9B",
    b"\xFF",
    b"\x00",
    b"<!--",
    b"<html>",
    b"                    ",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(6) {
            0 => b.truncate(rng.below(b.len() + 1)),
            1 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            2 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                let i = rng.below(b.len() + 1);
                b.splice(i..i, s.iter().copied());
            }
            3 if b.len() > 2 => {
                let i = rng.below(b.len());
                let j = (i + rng.below(400)).min(b.len());
                let piece: Vec<u8> = b[i..j].to_vec();
                let k = rng.below(b.len() + 1);
                b.splice(k..k, piece);
            }
            4 if b.len() > 2 => {
                let i = rng.below(b.len());
                let j = (i + rng.below(200)).min(b.len());
                b.drain(i..j);
            }
            _ => {
                let text = String::from_utf8_lossy(&b).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if lines.len() > 2 {
                    let i = rng.below(lines.len());
                    let j = rng.below(lines.len());
                    lines.swap(i, j);
                }
                b = lines.join("\n").into_bytes();
            }
        }
    }
    b
}

#[test]
fn damaged_inputs_never_panic_or_hang() {
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["corpus", "fixtures/text", "fixtures/pdf"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "txt" || e == "html" || e == "pdf")
            })
            .collect();
        paths.sort();
        for p in paths {
            inputs.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let config = qostil::Config::default();
    let (mut ok, mut err) = (0, 0);
    // Fewer rounds in an unoptimised build keep CI quick; `--release` runs 40.
    let rounds = if cfg!(debug_assertions) { 15 } else { 40 };
    for round in 0..rounds {
        for (name, bytes) in &inputs {
            let damaged = mutate(&mut rng, bytes);
            let start = Instant::now();
            let result = std::panic::catch_unwind(|| qostil::analyze(name, &damaged, &config));
            let took = start.elapsed();
            match result {
                Ok(Ok(doc)) => {
                    // What is analysed keeps every character, damaged or not.
                    assert_nothing_lost(&format!("round {round}: damaged {name}"), &doc);
                    ok += 1;
                }
                Ok(Err(e)) => {
                    assert!(e.to_string().starts_with(name.as_str()), "{e}");
                    err += 1;
                }
                Err(_) => panic!("round {round}: {name} panicked on a damaged input"),
            }
            // A generous bound: a hang, not a slow machine, is what we catch.
            assert!(
                took < Duration::from_secs(20),
                "{name}: {took:?} on a damaged input"
            );
        }
    }
    eprintln!(
        "{} damaged inputs: {ok} analysed, {err} typed errors",
        ok + err
    );
}

/// Side-by-side text (a kk column and a ru column on one line, parted by a
/// gutter of spaces) is where a damaged gutter can cut a line in the wrong
/// place: every damaged version must still keep every character.
#[test]
fn damaged_side_by_side_text_loses_nothing() {
    let mut paths: Vec<_> = std::fs::read_dir("fixtures/text")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("sidebyside")
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut rng = Rng(0x51DE_B51D_E000_0001);
    let config = qostil::Config::default();
    let rounds = if cfg!(debug_assertions) { 20 } else { 200 };
    for round in 0..rounds {
        for p in &paths {
            let name = p.display().to_string();
            let damaged = mutate(&mut rng, &std::fs::read(p).unwrap());
            if let Ok(doc) = qostil::analyze(&name, &damaged, &config) {
                assert_nothing_lost(&format!("round {round}: damaged {name}"), &doc);
            }
        }
    }
}
