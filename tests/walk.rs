//! The audit's walk and manifest through the binary (issue 13): links to
//! folders not followed unless `--follow`, loops reported once, special
//! files listed and never opened, every other file audited or listed with
//! its reason, and a broken or stale manifest reported while the audit goes
//! on.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{stdout, tmp};

/// Run the binary, killed after `limit`: a hang fails the test instead of
/// blocking the suite.
pub fn qostil_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qostil"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn qostil");
    // The pipes are drained as the child writes, or a full pipe would
    // block it.
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("qostil {args:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Audit `dir` into `dir/report` with `extra` arguments; the report.json.
pub fn audit(dir: &Path, extra: &[&str]) -> (Output, Value) {
    let out = dir.join("report");
    let mut args = vec![
        "audit",
        dir.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = qostil_within(&args, Duration::from_secs(120));
    let text = std::fs::read_to_string(out.join("report.json")).unwrap_or_default();
    let report = serde_json::from_str(&text).unwrap_or(Value::Null);
    (o, report)
}

/// `(source relative to dir, reason)` of the report's skipped list.
pub fn skipped(dir: &Path, report: &Value) -> Vec<(String, String)> {
    let prefix = format!("{}/", dir.display());
    report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let source = s["source"].as_str().unwrap();
            (
                source.strip_prefix(&prefix).unwrap_or(source).to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Documents' sources relative to `dir`.
pub fn sources(dir: &Path, report: &Value) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = d["source"].as_str().unwrap();
            s.strip_prefix(&prefix).unwrap_or(s).to_string()
        })
        .collect()
}

fn copy(from: &str, to: &Path) {
    std::fs::copy(from, to).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// The folder of the issue: 2 real files, a link back up, a link to a
/// sibling folder, a pipe named `*.txt`, a socket-less special file set,
/// office files, a hidden file and folder, a broken link.
#[cfg(unix)]
fn hostile_folder(name: &str) -> std::path::PathBuf {
    use std::os::unix::fs::symlink;
    let dir = tmp(name);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::create_dir_all(dir.join(".cache")).unwrap();
    copy("corpus/finbox_kk.txt", &dir.join("finbox_kk.txt"));
    copy("corpus/proleads_kk.txt", &dir.join("sub/proleads_kk.txt"));
    copy(
        "corpus/proleads_kk.txt",
        &dir.join(".cache/proleads_kk.txt"),
    );
    symlink("..", dir.join("sub/up")).unwrap();
    symlink("sub", dir.join("sublink")).unwrap();
    symlink("nowhere.txt", dir.join("broken.txt")).unwrap();
    mkfifo(&dir.join("pipe.txt"));
    std::fs::write(dir.join("policy.odt"), b"PK\x03\x04").unwrap();
    std::fs::write(dir.join("policy.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    std::fs::write(dir.join("LICENSE"), b"text").unwrap();
    std::fs::write(dir.join(".notes.txt"), b"hidden").unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn links_pipes_and_unsupported_files_are_listed_and_nothing_hangs() {
    let dir = hostile_folder("walk-hostile");
    let (o, report) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(
        sources(&dir, &report),
        ["finbox_kk.txt", "sub/proleads_kk.txt"]
    );
    let want: Vec<(String, String)> = [
        (".cache", "hidden"),
        (".notes.txt", "hidden"),
        (
            "LICENSE",
            "unsupported format: no extension (.txt, .html, .md, .tsv, .csv, .pdf or .docx)",
        ),
        ("broken.txt", "a broken link"),
        ("pipe.txt", "not a regular file (a named pipe)"),
        ("policy.doc", "unsupported format: .doc, convert to PDF"),
        ("policy.odt", "unsupported format: .odt, convert to PDF"),
        ("report", "the report folder"),
        (
            "sub/up",
            "a link to a folder, not followed (--follow follows it)",
        ),
        (
            "sublink",
            "a link to a folder, not followed (--follow follows it)",
        ),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(skipped(&dir, &report), want);
    assert_eq!(report["summary"]["skipped"], 10);
    let md = std::fs::read_to_string(dir.join("report/report.md")).unwrap();
    assert!(md.contains("## Skipped"), "{md}");
    assert!(md.contains("not a regular file (a named pipe)"), "{md}");
    assert!(stdout(&o).contains("10 skipped"), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn follow_detects_the_loop_once_and_audits_each_file_once() {
    let dir = hostile_folder("walk-follow");
    let (_, report) = audit(&dir, &["--follow"]);
    // The link back up would walk the folder again and again; the sibling
    // link reaches the same file a second time.
    assert_eq!(
        sources(&dir, &report),
        ["finbox_kk.txt", "sub/proleads_kk.txt"]
    );
    let skipped = skipped(&dir, &report);
    let loops: Vec<_> = skipped
        .iter()
        .filter(|(_, r)| r.contains("a loop"))
        .collect();
    assert_eq!(loops.len(), 1, "{skipped:?}");
    assert_eq!(loops[0].0, "sub/up");
    assert!(
        skipped.contains(&(
            "sublink/proleads_kk.txt".to_string(),
            format!("the same file as {}/sub/proleads_kk.txt", dir.display())
        )),
        "{skipped:?}"
    );
    // --hidden reads the hidden folder's copy too (a different file).
    let (_, report) = audit(&dir, &["--follow", "--hidden"]);
    assert!(
        sources(&dir, &report).contains(&".cache/proleads_kk.txt".to_string()),
        "{report}"
    );
}

#[test]
fn a_broken_manifest_is_one_error_at_its_line_and_the_audit_goes_on() {
    let dir = tmp("walk-manifest-broken");
    copy("corpus/finbox_kk.txt", &dir.join("finbox_kk.txt"));
    std::fs::write(
        dir.join("manifest.json"),
        "{\"documents\": [\n  {\"file\": \"finbox_kk.txt\", \"company\": \"Finbox\"},\n]}\n",
    )
    .unwrap();
    let (o, report) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(report["summary"]["documents"], 1);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0]["error"].as_str().unwrap();
    assert!(
        e.contains("manifest.json, line 3: invalid manifest: trailing comma"),
        "{e}"
    );
}

#[test]
fn a_stale_manifest_entry_is_reported_and_contradicted_languages_are_a_finding() {
    let dir = tmp("walk-manifest-stale");
    copy("corpus/finbox_kk.txt", &dir.join("finbox_kk.txt"));
    copy(
        "corpus/fintechlab_kk_ru.txt",
        &dir.join("fintechlab_kk_ru.txt"),
    );
    std::fs::write(
        dir.join("manifest.json"),
        "{\"documents\": [\n  {\"file\": \"finbox_kk.txt\", \"languages\": [\"kk\", \"ru\"]},\n  \
         {\"file\": \"fintechlab_kk_ru.txt\", \"languages\": [\"ru\", \"kk\"]},\n  \
         {\"file\": \"gone.pdf\", \"company\": \"Gone\"}\n]}\n",
    )
    .unwrap();
    let (o, report) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(2));
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["error"].as_str().unwrap().ends_with(
            "manifest.json, line 4: manifest: an entry names «gone.pdf», which is not in the folder"
        ),
        "{errors:?}"
    );
    let declared = |i: usize| -> Vec<String> {
        report["documents"][i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "manifest_languages")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        declared(0),
        ["the manifest declares kk+ru but the text has kk: no ru version in the text"]
    );
    assert!(declared(1).is_empty());
}

#[cfg(unix)]
#[test]
fn sketch_and_from_carry_the_skipped_list() {
    let dir = hostile_folder("walk-sketch");
    let o = qostil_within(&["sketch", dir.to_str().unwrap()], Duration::from_secs(120));
    let out = tmp("walk-sketch-out");
    let records = out.join("records.jsonl");
    std::fs::write(&records, &o.stdout).unwrap();
    let (_, whole) = audit(&dir, &[]);
    let o = qostil_within(
        &[
            "audit",
            "--from",
            records.to_str().unwrap(),
            "--out-dir",
            out.to_str().unwrap(),
        ],
        Duration::from_secs(120),
    );
    assert!(o.status.code().is_some());
    let from: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    // The report folder did not exist when the sketch ran: it is the
    // only difference.
    let drop_report = |v: &Value| -> Vec<Value> {
        v["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| !s["source"].as_str().unwrap().contains("/report"))
            .cloned()
            .collect()
    };
    assert_eq!(drop_report(&whole), drop_report(&from));
    assert_eq!(whole["documents"], from["documents"]);
    // An earlier audit's report folder is never read as input, wherever
    // the next audit writes.
    let elsewhere = tmp("walk-sketch-elsewhere");
    let o = qostil_within(
        &[
            "audit",
            dir.to_str().unwrap(),
            "--out-dir",
            elsewhere.to_str().unwrap(),
        ],
        Duration::from_secs(120),
    );
    assert!(o.status.code().is_some());
    let again: Value =
        serde_json::from_str(&std::fs::read_to_string(elsewhere.join("report.json")).unwrap())
            .unwrap();
    assert_eq!(again["documents"], whole["documents"]);
    assert_eq!(again["skipped"], whole["skipped"]);
}

#[test]
fn a_folder_of_office_files_is_not_a_clean_audit() {
    let dir = tmp("walk-office-only");
    std::fs::write(dir.join("policy.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    std::fs::write(dir.join("policy.rtf"), b"{\\rtf1}").unwrap();
    let (o, report) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(report["summary"]["documents"], 0);
    assert_eq!(
        skipped(&dir, &report),
        [
            (
                "policy.doc".to_string(),
                "unsupported format: .doc, convert to PDF".to_string()
            ),
            (
                "policy.rtf".to_string(),
                "unsupported format: .rtf, convert to PDF".to_string()
            ),
            ("report".to_string(), "the report folder".to_string()),
        ]
    );
    let err = crate::util::stderr(&o);
    assert!(err.contains("qostil: no document was audited"), "{err}");
    assert!(err.contains("3 files skipped"), "{err}");
}
