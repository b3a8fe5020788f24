//! The legal checks through the binary: `qostil rights`, the global
//! `--rules` flag, the new JSON fields and the audit's coverage matrix.

use serde_json::Value;

use crate::util::{qostil, stderr, stdout, tmp};

#[test]
fn rights_table_shows_languages_clauses_and_restrictions() {
    let o = qostil(&["rights", "corpus/expressavans_ru_kk.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("Checked against: Law of RK No. 94-V"), "{md}");
    assert!(md.contains("| `know` "), "{md}");
    let change = md.lines().find(|l| l.starts_with("| `change`")).unwrap();
    assert!(change.ends_with("| — | — | **absent** |"), "{change}");
    let withdraw = md
        .lines()
        .find(|l| l.starts_with("| `withdraw_consent`"))
        .unwrap();
    assert!(
        withdraw.contains("| 7.1 (restricted) | 7.1 (restricted) | both |"),
        "{withdraw}"
    );
    assert!(md.contains("## Extra rights") && md.contains("| `access` "));
    assert!(md.contains("## Disclosures") && md.contains("| `retention_period` "));
    // A one-language document: the missing version is not applicable.
    let md = stdout(&qostil(&["rights", "corpus/finbox_kk.txt"]));
    let know = md.lines().find(|l| l.starts_with("| `know`")).unwrap();
    assert!(know.ends_with("| — | n/a | **absent** |"), "{know}");
}

#[test]
fn rights_json_and_parse_json_carry_the_legal_reading() {
    let o = qostil(&["rights", "corpus/fintechlab_kk_ru.txt", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let legal = &v["legal"];
    assert!(legal["law_version"].as_str().unwrap().contains("94-V"));
    let know = &legal["rights"][0];
    assert_eq!(know["id"], "know");
    assert_eq!(know["status"], "both");
    let m = &know["mentions"][0];
    for key in ["lang", "clause", "cite", "hit"] {
        assert!(m.get(key).is_some(), "mention lacks {key}");
    }
    assert!(!m["hit"]["words"].as_array().unwrap().is_empty());
    assert!(legal["extra_rights"].is_array() && legal["disclosures"].is_array());

    let v: Value =
        serde_json::from_slice(&qostil(&["parse", "corpus/fintechlab_kk_ru.txt"]).stdout).unwrap();
    // The old contract is intact; the new fields are added.
    for key in [
        "document", "clauses", "pairs", "findings", "dropped", "legal",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let clauses = v["clauses"].as_array().unwrap();
    assert!(clauses.iter().all(|c| c["topics"].is_array()));
    let rights = clauses.iter().find(|c| c["id"] == "ru:3.1(2)").unwrap();
    let topics = rights["topics"].as_array().unwrap();
    let t = topics
        .iter()
        .find(|t| t["topic"] == "subject_rights")
        .unwrap();
    let text = rights["text"].as_str().unwrap();
    let (a, b) = (
        t["start"].as_u64().unwrap() as usize,
        t["end"].as_u64().unwrap() as usize,
    );
    assert!(a <= b && b <= text.len());
}

#[test]
fn check_reports_legal_findings_with_severities() {
    let o = qostil(&["check", "corpus/proleads_kk.txt", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let kinds = |k: &str| findings.iter().filter(|f| f["kind"] == k).count();
    assert!(kinds("foreign_law") >= 4);
    assert!(kinds("wrong_law_citation") >= 2);
    assert!(kinds("right_missing") >= 1);
    for f in findings.iter().filter(|f| f["kind"] == "foreign_law") {
        assert_eq!(f["severity"], "high");
        assert_eq!(f["evidence"][0]["lang"], "kk");
    }
    // The compliant fixture gets no legal finding at all.
    let o = qostil(&["check", "fixtures/text/compliant_kk_ru.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn rules_flag_replaces_the_rules_and_reports_bad_files() {
    let dir = tmp("legal-rules");
    let good = std::fs::read_to_string("data/rules.json").unwrap();
    let custom = good.replacen(
        "as amended to 94-VIII (19.06.2024)",
        "as checked by test",
        1,
    );
    let path = dir.join("custom.json");
    std::fs::write(&path, custom).unwrap();
    let o = qostil(&[
        "--rules",
        path.to_str().unwrap(),
        "rights",
        "fixtures/text/clean_kk_ru.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("as checked by test"));

    let bad = good.replacen("\"знать * налич\"", "\"знать * налич-\"", 1);
    let path = dir.join("bad.json");
    std::fs::write(&path, &bad).unwrap();
    let o = qostil(&[
        "check",
        "fixtures/text/clean_kk_ru.txt",
        "--rules",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = bad.lines().position(|l| l.contains("налич-")).unwrap() + 1;
    assert!(err.contains(&format!("bad.json, line {line}:")), "{err}");
    assert!(err.contains("rights[0].ru["), "{err}");

    std::fs::write(&path, "{\"schema\": 1}").unwrap();
    let o = qostil(&[
        "check",
        "fixtures/text/clean_kk_ru.txt",
        "--rules",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.json, line 1"), "{}", stderr(&o));
}

#[test]
fn audit_reports_coverage_per_document_and_a_corpus_matrix() {
    let out = tmp("legal-audit");
    let o = qostil(&["audit", "--out-dir", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("## Rights and disclosures across the corpus"));
    let header = md
        .lines()
        .find(|l| l.starts_with("| company | know |"))
        .unwrap();
    assert!(header.contains("| withdraw_consent |"), "{header}");
    let bee = md
        .lines()
        .find(|l| l.starts_with("| BeeClever | kk+ru |"))
        .unwrap();
    assert!(bee.contains("kk+ru*"), "withdrawal is restricted: {bee}");
    // Per-document coverage is in rights.csv (report.md keeps the summary):
    // one row per document and item, with the clauses citing it.
    assert!(
        md.contains("| right `change` | 1 | 0 | 0 | 4 | 0 |"),
        "{md}"
    );
    let rows: Vec<Vec<String>> = csv::Reader::from_path(out.join("rights.csv"))
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let row = |doc: &str, item: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r[0].ends_with(doc) && r[3] == "right" && r[4] == item)
            .unwrap_or_else(|| panic!("{doc} {item} not in rights.csv"))
            .clone()
    };
    let change = row("expressavans_ru_kk.txt", "change");
    assert_eq!(
        (&change[5][..], &change[7][..], &change[8][..]),
        ("absent", "", "")
    );
    let know = row("expressavans_ru_kk.txt", "know");
    assert_eq!(
        (&know[5][..], &know[7][..], &know[8][..]),
        ("both", "7.1", "7.1")
    );
    let v: Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let rows = v["matrix"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let finbox = rows.iter().find(|r| r["company"] == "Finbox").unwrap();
    assert_eq!(finbox["rights"]["know"], "absent");
    let doc = &v["documents"][0];
    assert!(doc["coverage"]["rights"][0]["status"].is_string());
}
