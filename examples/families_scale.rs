//! A scale check of family detection: 10,000 synthetic documents of about
//! 2,500 words (so about 2,500 distinct 5-shingles each), 60 planted
//! families of 5–25 members whose copies have 5–20% of their words edited
//! in runs of 5–30 (clauses replaced, deleted, inserted), the rest
//! unrelated; every document draws one sentence in ten from a pool of
//! shared boilerplate. Prints the time to shingle and sign (one thread,
//! then all threads with rayon), the time to form families (banding,
//! verification, union-find), the work done and whether the planted
//! families came back exactly.
//!
//! ```sh
//! cargo run --release --example families_scale [DOCUMENTS]
//! ```

use std::time::{Duration, Instant};

use qostil::corpus::families::{Params, Sketch, families};
use qostil::corpus::minhash::{SHINGLE_SIZE, fmix64, shingles, signature};
use rayon::prelude::*;

const FAMILIES: usize = 60;
const VOCABULARY: usize = 200_000;

/// SplitMix64.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        fmix64(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Word ids: sentences of 15 random words, one in ten a boilerplate one.
fn random_doc(rng: &mut Rng, len: usize, boilerplate: &[Vec<u32>]) -> Vec<u32> {
    let mut doc = Vec::with_capacity(len + 20);
    while doc.len() < len {
        if rng.below(10) == 0 {
            doc.extend_from_slice(&boilerplate[rng.below(boilerplate.len())]);
        } else {
            doc.extend((0..15).map(|_| rng.below(VOCABULARY) as u32));
        }
    }
    doc
}

/// A copy with `share` of its words edited in runs of 5–30.
fn mutate(rng: &mut Rng, doc: &[u32], share: f64) -> Vec<u32> {
    let mut out = doc.to_vec();
    let mut budget = (doc.len() as f64 * share) as usize;
    while budget > 0 {
        let run = (5 + rng.below(26)).min(budget);
        budget -= run;
        let at = rng.below(out.len().saturating_sub(run).max(1));
        let fresh: Vec<u32> = (0..run).map(|_| rng.below(VOCABULARY) as u32).collect();
        match rng.below(3) {
            0 => {
                out.splice(at..at + run, fresh);
            }
            1 => {
                out.drain(at..at + run);
            }
            _ => {
                out.splice(at..at, fresh);
            }
        }
    }
    out
}

/// The planted corpus as a recipe: each document is either an original
/// (`None`) or a copy of family `f` at edit share `s`, generated on demand
/// so that 10,000 documents never sit in memory as strings at once.
struct Corpus {
    seeds: Vec<u64>,
    family_of: Vec<Option<(usize, f64)>>,
    originals: Vec<Vec<u32>>,
    boilerplate: Vec<Vec<u32>>,
    truth: Vec<Vec<usize>>,
}

impl Corpus {
    fn new(n: usize) -> Corpus {
        let mut rng = Rng(2024);
        let boilerplate: Vec<Vec<u32>> = (0..60)
            .map(|_| (0..20).map(|_| rng.below(VOCABULARY) as u32).collect())
            .collect();
        let originals: Vec<Vec<u32>> = (0..FAMILIES)
            .map(|_| {
                let len = 2000 + rng.below(1000);
                random_doc(&mut rng, len, &boilerplate)
            })
            .collect();
        // Family sizes 5–25; positions drawn at random among n.
        let mut slots: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            slots.swap(i, rng.below(i + 1));
        }
        let mut family_of = vec![None; n];
        let mut truth = Vec::new();
        let mut next = 0;
        for f in 0..FAMILIES {
            let size = 5 + rng.below(21);
            let mut members: Vec<usize> = slots[next..next + size].to_vec();
            next += size;
            for (k, &m) in members.iter().enumerate() {
                let share = if k == 0 {
                    0.0
                } else {
                    0.05 + 0.15 * rng.below(1000) as f64 / 1000.0
                };
                family_of[m] = Some((f, share));
            }
            members.sort_unstable();
            truth.push(members);
        }
        for &m in &slots[next..] {
            truth.push(vec![m]);
        }
        truth.sort();
        let seeds = (0..n).map(|_| rng.next()).collect();
        Corpus {
            seeds,
            family_of,
            originals,
            boilerplate,
            truth,
        }
    }

    fn words(&self, i: usize) -> Vec<u32> {
        let mut rng = Rng(self.seeds[i]);
        match self.family_of[i] {
            Some((f, share)) => mutate(&mut rng, &self.originals[f], share),
            None => {
                let len = 2000 + rng.below(1000);
                random_doc(&mut rng, len, &self.boilerplate)
            }
        }
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("DOCUMENTS must be a number"))
        .unwrap_or(10_000);
    let vocabulary: Vec<String> = (0..VOCABULARY).map(|i| format!("сөз{i}")).collect();

    let started = Instant::now();
    let corpus = Corpus::new(n);
    let texts: Vec<Vec<u32>> = (0..n).map(|i| corpus.words(i)).collect();
    let words: usize = texts.iter().map(Vec::len).sum();
    println!(
        "{n} documents, {words} words, {} planted families: generated in {:.2?}",
        FAMILIES,
        started.elapsed()
    );

    // One thread: shingling and signatures timed apart.
    let (mut shingling, mut signing) = (Duration::ZERO, Duration::ZERO);
    let mut sketches = Vec::with_capacity(n);
    let mut shingle_count = 0;
    for text in &texts {
        let tokens: Vec<&str> = text
            .iter()
            .map(|&w| vocabulary[w as usize].as_str())
            .collect();
        let t = Instant::now();
        let set = shingles(&tokens, SHINGLE_SIZE);
        shingling += t.elapsed();
        let t = Instant::now();
        let sig = signature(&set);
        signing += t.elapsed();
        shingle_count += set.len();
        sketches.push(Sketch {
            shingles: set,
            signature: sig,
        });
    }
    println!(
        "1 thread: shingles {shingling:.2?}, signatures {signing:.2?} \
         ({:.0} distinct shingles a document)",
        shingle_count as f64 / n as f64
    );

    let t = Instant::now();
    let parallel: Vec<Sketch> = texts
        .par_iter()
        .map(|text| {
            let tokens: Vec<&str> = text
                .iter()
                .map(|&w| vocabulary[w as usize].as_str())
                .collect();
            Sketch::from_tokens(&tokens)
        })
        .collect();
    println!(
        "{} threads: shingles + signatures {:.2?}",
        rayon::current_num_threads(),
        t.elapsed()
    );
    assert_eq!(parallel, sketches, "parallel sketches differ");

    let refs: Vec<&Sketch> = sketches.iter().collect();
    let t = Instant::now();
    let found = families(&refs, &Params::default());
    let elapsed = t.elapsed();
    let non_trivial = found.groups.iter().filter(|g| g.len() > 1).count();
    println!(
        "families (banding + verification + union-find): {elapsed:.2?}; \
         {} candidate pairs of {} possible, {} links, {non_trivial} families of 2+",
        found.candidate_pairs,
        n * (n - 1) / 2,
        found.links.len()
    );
    let weakest = found.links.iter().map(|l| l.2).fold(1.0, f32::min);
    println!("weakest verified link: {weakest:.3}");
    println!(
        "planted families recovered exactly: {}",
        if found.groups == corpus.truth {
            "yes"
        } else {
            "NO"
        }
    );
}
