//! The JSON contract, pinned: `qostil parse FILE` and `qostil check FILE
//! --format json` on two small fixtures of different layouts, compared
//! with the insta snapshots in `tests/snapshots/` (made from the code as it
//! was before the stages were refactored). A change to the output fails
//! here; if it is meant, review it with `cargo insta review` (or rerun with
//! `INSTA_UPDATE=always`) and commit the new `.snap` files with the change.
//!
//! - `clean_kk_ru.txt`: a Kazakh block, then a Russian block;
//! - `table_ru_kk.txt`: tab-separated ru/kk table rows with HTML and bullets.

use crate::util::{qostil, stderr, stdout};

/// The output of `qostil args…`, which must exit with `code`.
fn run(args: &[&str], code: i32) -> String {
    let o = qostil(args);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn parse_clean_kk_ru() {
    let out = run(&["parse", "fixtures/text/clean_kk_ru.txt"], 0);
    insta::assert_snapshot!("parse_clean_kk_ru", out);
}

#[test]
fn check_clean_kk_ru() {
    let out = run(
        &["check", "fixtures/text/clean_kk_ru.txt", "--format", "json"],
        1,
    );
    insta::assert_snapshot!("check_clean_kk_ru", out);
}

#[test]
fn parse_table_ru_kk() {
    let out = run(&["parse", "fixtures/text/table_ru_kk.txt"], 0);
    insta::assert_snapshot!("parse_table_ru_kk", out);
}

#[test]
fn check_table_ru_kk() {
    let out = run(
        &["check", "fixtures/text/table_ru_kk.txt", "--format", "json"],
        1,
    );
    insta::assert_snapshot!("check_table_ru_kk", out);
}
