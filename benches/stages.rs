//! Criterion benchmarks, one group per pipeline stage, over the corpus
//! files (`corpus/*.txt`): each iteration is one pass of the stage over
//! every file, so a figure is the time per corpus pass. Each stage's input
//! is the previous stages' output, prepared once outside the timed loop
//! (see `qostil::analyze` for how the stages chain); a stage that consumes
//! its input gets a fresh copy per iteration, cloned untimed.
//!
//! ```sh
//! cargo bench --bench stages                       # all stages
//! cargo bench --bench stages -- align              # one group
//! cargo bench --bench stages -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! `benches/audit.sh` (the whole audit in parallel, against read+hash) and
//! `benches/pdf_bench.sh` (PDF text against pdftotext) measure the binary.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
};
use qostil::Config;
use qostil::extract::Extraction;
use qostil::ingest::Ingested;
use qostil::model::{Block, Clause, Lang, Pair};
use qostil::streams::Streams;

/// One corpus file and every stage's output on it.
struct Prepared {
    name: String,
    bytes: Vec<u8>,
    /// `ingest`'s blocks, the input of `lang`.
    ingested: Ingested,
    /// `lang`'s blocks (split and tagged), the input of `streams`.
    blocks: Vec<Block>,
    streams: Streams,
    clauses: Vec<Clause>,
    pairs: Vec<Pair>,
    languages: Vec<Lang>,
    extraction: Extraction,
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .expect("run from the crate root: corpus/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no corpus/*.txt");
    paths
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

fn prepare(config: &Config) -> Vec<Prepared> {
    corpus()
        .into_iter()
        .map(|(name, bytes)| {
            let ingested = qostil::ingest::ingest(&name, &bytes).unwrap();
            let mut blocks = qostil::lang::split_bilingual(ingested.blocks.clone());
            qostil::lang::tag(&mut blocks);
            let streams = qostil::streams::split(&blocks);
            let clauses = qostil::clauses::build(&streams);
            let extraction =
                qostil::extract::extract(&ingested.source.text, &clauses, &config.rules);
            let pairs = qostil::align::align(&clauses, &extraction.entities, &config.glossary);
            // The languages with a real version, as `analyze` decides them.
            let languages = qostil::analyze(&name, &bytes, config).unwrap().languages;
            Prepared {
                name,
                bytes,
                ingested,
                blocks,
                streams,
                clauses,
                pairs,
                languages,
                extraction,
            }
        })
        .collect()
}

/// A stage's group, its throughput in input bytes per corpus pass.
fn group<'a>(c: &'a mut Criterion, stage: &str, docs: &[Prepared]) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(stage);
    g.throughput(Throughput::Bytes(
        docs.iter().map(|d| d.bytes.len() as u64).sum(),
    ));
    g
}

fn stages(c: &mut Criterion) {
    let config = Config::default();
    let docs = prepare(&config);

    group(c, "ingest", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::ingest::ingest(&d.name, &d.bytes).unwrap());
            }
        })
    });

    group(c, "lang", &docs).bench_function("corpus", |b| {
        b.iter_batched(
            || {
                docs.iter()
                    .map(|d| d.ingested.blocks.clone())
                    .collect::<Vec<_>>()
            },
            |all| {
                for blocks in all {
                    let mut blocks = qostil::lang::split_bilingual(blocks);
                    qostil::lang::tag(&mut blocks);
                    black_box(blocks);
                }
            },
            BatchSize::LargeInput,
        )
    });

    group(c, "streams", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::streams::split(&d.blocks));
            }
        })
    });

    group(c, "clauses", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::clauses::build(&d.streams));
            }
        })
    });

    // Extraction: entities of every clause, the company, the provisions
    // (topics, rights, disclosures, flags); then the provisions alone.
    let mut g = group(c, "extract", &docs);
    g.bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::extract::extract(
                    &d.ingested.source.text,
                    &d.clauses,
                    &config.rules,
                ));
            }
        })
    });
    g.bench_function("provisions", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::extract::provisions::analyze(
                    &d.clauses,
                    &d.extraction.entities,
                    &config.rules,
                ));
            }
        })
    });
    g.finish();

    group(c, "align", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::align::align(
                    &d.clauses,
                    &d.extraction.entities,
                    &config.glossary,
                ));
            }
        })
    });

    // Every finding: structure, parity and legal.
    group(c, "check", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::check::check(
                    &d.clauses,
                    &d.pairs,
                    &d.languages,
                    &d.extraction,
                    &[],
                    &config,
                ));
            }
        })
    });

    group(c, "analyze", &docs).bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(qostil::analyze(&d.name, &d.bytes, &config).unwrap());
            }
        })
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
