//! The integration tests: one test binary with a module per topic, as
//! ripgrep's `tests/tests.rs` does. One binary links the crate once (13
//! binaries each linked it, slow on two cores) and its tests run in
//! parallel across topics. `Cargo.toml` sets `autotests = false`, so a new
//! file in `tests/` runs only once it is declared here (and
//! `every_test_file_is_a_module` fails until it is).
//!
//! Run one topic with `cargo test --test tests mutation::`, its figures
//! with `-- --nocapture`.

mod util;

mod align_gold;
mod align_page;
mod bilingual_rows;
mod browser;
mod cases_blind9;
mod cases_ingest;
mod cases_segment;
mod cases_values;
mod cli;
mod deviations;
mod families;
mod hostile;
mod invariants;
mod lang_gold;
mod layouts;
mod legal_cli;
mod legal_gold;
mod legal_kinds;
mod legal_unseen;
mod meaning;
mod mutation;
mod ocr;
mod outputs;
mod pdf;
mod pdf_lists;
mod pdf_pipeline;
mod pdf_tables;
mod readme;
mod real_pairs;
mod robustness;
mod snapshots;
mod spelling;
mod tmx;
mod walk;

/// With `autotests = false`, a file in `tests/` that is not a module here
/// would silently never run.
#[test]
fn every_test_file_is_a_module() {
    let this = include_str!("tests.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("tests").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if stem != "tests" && !this.contains(&format!("\nmod {stem};\n")) {
            missing.push(stem);
        }
    }
    assert!(
        missing.is_empty(),
        "not declared in tests/tests.rs: {missing:?}"
    );
}
