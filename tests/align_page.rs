//! The reviewer's page (`qostil align FILE --format html`), read as text:
//! the findings summary comes before the table, every pair has its own
//! anchor made from its clause ids, no literal backtick and no pattern
//! searched reaches the page, and two long addresses that differ are
//! shown where they differ. (The page's safety and its rendering in a
//! browser are tested with the audit's HTML report.)

use std::process::Command;

fn page(input: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_qostil"))
        .args(["align", input, "--format", "html"])
        .output()
        .expect("run qostil");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// The values of an attribute in the page, in order.
fn attributes<'p>(page: &'p str, name: &str) -> Vec<&'p str> {
    let open = format!(" {name}=\"");
    page.match_indices(&open)
        .map(|(at, _)| {
            let at = at + open.len();
            &page[at..at + page[at..].find('"').unwrap()]
        })
        .collect()
}

#[test]
fn the_summary_comes_first_and_every_pair_has_an_anchor() {
    for input in [
        "corpus/fintechlab_kk_ru.txt",
        "corpus/beeclever_ru_kk.txt",
        "fixtures/shared-cases/trial/longurl.txt",
    ] {
        let html = page(input);
        let summary = html.find("<p class=\"summary\">").expect("a summary");
        let table = html.find("<table>").expect("a table");
        assert!(summary < table, "{input}");
        // Little stands between the summary and the table: the table starts
        // on the first screen.
        let between = &html[summary..table];
        assert!(between.matches("<li>").count() == 0, "{input}: {between}");
        // One row id per pair, unique, each linked from its row.
        let json = Command::new(env!("CARGO_BIN_EXE_qostil"))
            .args(["align", input, "--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let pairs = v["pairs"].as_array().unwrap();
        let ids: Vec<&str> = attributes(&html, "id")
            .into_iter()
            .filter(|id| *id != "document-findings")
            .collect();
        assert_eq!(ids.len(), pairs.len(), "{input}");
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{input}: anchors repeat");
        for id in &ids {
            assert!(
                html.contains(&format!("href=\"#{id}\"")),
                "{input}: no link to {id}"
            );
        }
        // The anchor is the clause ids: the first pair's.
        let first = &pairs[0];
        let side = |k: &str| {
            first[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().replace(':', "-"))
                .collect::<Vec<_>>()
                .join("+")
        };
        assert_eq!(ids[0], format!("{}_{}", side("kk"), side("ru")), "{input}");
        // Evidence is quotes, not patterns; code is <code>, not backticks.
        assert!(!html.contains('`'), "{input}: a backtick");
        assert!(!html.contains("searched:"), "{input}: patterns shown");
    }
}

#[test]
fn two_long_addresses_are_shown_where_they_differ() {
    let html = page("fixtures/shared-cases/trial/longurl.txt");
    assert!(
        html.contains("«…nal-version-approved.pdf» where the Russian has web address «…nal-version-approved-ru.pdf»"),
        "{html}"
    );
    // In the text, only the differing part is highlighted.
    assert!(
        html.contains("approved<mark class=\"diff\">-ru</mark>.pdf"),
        "{html}"
    );
    // Long addresses wrap inside their cell.
    assert!(html.contains("overflow-wrap:anywhere"));
}
