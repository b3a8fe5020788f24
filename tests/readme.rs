//! The README's examples are what the current build prints. Each example
//! block in README.md is preceded by an HTML comment naming the command and
//! how its block is compared with the command's standard output:
//!
//! ```text
//! <!-- example: audit | exact -->      the block is the whole output
//! <!-- example: check FILE | lines --> each line of the block is a line of
//!                                      the output, in order (abridged)
//! <!-- example: parse FILE | json -->  the block is JSON contained in the
//!                                      output: objects by key, arrays by
//!                                      their first elements
//! ```
//!
//! Commands run in a scratch folder holding a copy of `corpus/` and a link
//! to `fixtures/`, so `qostil audit` writes its `report/` there and paths
//! read as in the README. `QOSTIL_README=update cargo test --test tests
//! readme::` rewrites the `exact` blocks with what the build prints (review
//! the diff before committing it).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::util::tmp;

/// One marked example: its line in README.md (1-based), its arguments, its
/// mode, and the block's text and byte range in README.md.
struct Example {
    line: usize,
    args: Vec<String>,
    mode: String,
    block: String,
    range: std::ops::Range<usize>,
}

/// Every marked example of `readme`.
fn examples(readme: &str) -> Vec<Example> {
    const MARK: &str = "<!-- example: ";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = readme[at..].find(MARK) {
        let start = at + i;
        let end = start + readme[start..].find("-->").expect("a closed comment");
        let spec = &readme[start + MARK.len()..end];
        let (command, mode) = spec.split_once('|').expect("`command | mode`");
        // The fenced block after the comment: its first line is the fence.
        let open = end + readme[end..].find("```").expect("a fenced block");
        let body = open + readme[open..].find('\n').unwrap() + 1;
        let close = if readme[body..].starts_with("```") {
            body
        } else {
            body + readme[body..].find("\n```").expect("a closed block") + 1
        };
        out.push(Example {
            line: readme[..start].matches('\n').count() + 1,
            args: command.split_whitespace().map(str::to_string).collect(),
            mode: mode.trim().to_string(),
            block: readme[body..close].to_string(),
            range: body..close,
        });
        at = close;
    }
    out
}

/// `want` is contained in `got`: objects key by key, arrays element by
/// element from the start (an empty array only in an empty one), anything
/// else equal.
fn contained(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|x| contained(v, x))),
        (Value::Array(w), Value::Array(g)) if w.is_empty() => g.is_empty(),
        (Value::Array(w), Value::Array(g)) => {
            w.len() <= g.len() && w.iter().zip(g).all(|(a, b)| contained(a, b))
        }
        _ => want == got,
    }
}

/// The lines of `want` are lines of `got`, in order.
fn lines_in_order(want: &str, got: &str) -> Result<(), String> {
    let mut lines = got.lines();
    for w in want.lines() {
        if !lines.any(|g| g == w) {
            return Err(w.to_string());
        }
    }
    Ok(())
}

/// A scratch folder laid out like the repository for the commands.
fn workspace() -> std::path::PathBuf {
    let dir = tmp("readme");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    for e in std::fs::read_dir(root.join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("corpus").join(e.file_name())).unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("fixtures"), dir.join("fixtures")).unwrap();
    dir
}

#[test]
fn every_readme_example_is_what_the_build_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 6,
        "README.md has {} marked examples",
        examples.len()
    );
    let dir = workspace();
    let update = std::env::var("QOSTIL_README").is_ok_and(|v| v == "update");
    let mut updated = readme.clone();
    let mut failures = Vec::new();
    // Later blocks first, so the earlier ranges stay valid when updating.
    for ex in examples.iter().rev() {
        let o = Command::new(env!("CARGO_BIN_EXE_qostil"))
            .args(&ex.args)
            .current_dir(&dir)
            .output()
            .unwrap();
        let got = String::from_utf8_lossy(&o.stdout).into_owned();
        let what = format!("README.md line {}: qostil {}", ex.line, ex.args.join(" "));
        assert!(
            update || !ex.block.trim().is_empty(),
            "{what}: an empty example"
        );
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{what}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let result = match ex.mode.as_str() {
            "exact" if update => {
                updated.replace_range(ex.range.clone(), &got);
                Ok(())
            }
            "exact" if got == ex.block => Ok(()),
            "exact" => Err(format!("prints\n{got}")),
            "lines" => lines_in_order(&ex.block, &got)
                .map_err(|line| format!("does not print (in this order)\n{line}\nbut\n{got}")),
            "json" => {
                let want: Value = serde_json::from_str(&ex.block)
                    .unwrap_or_else(|e| panic!("{what}: the block is not JSON: {e}"));
                let got_json: Value = serde_json::from_str(&got).unwrap();
                if contained(&want, &got_json) {
                    Ok(())
                } else {
                    Err(format!(
                        "prints JSON that does not contain the block:\n{got}"
                    ))
                }
            }
            other => panic!("{what}: unknown mode {other}"),
        };
        if let Err(e) = result {
            failures.push(format!("{what} {e}"));
        }
    }
    if update && updated != readme {
        std::fs::write(&path, &updated).unwrap();
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_comparisons_accept_what_they_should_and_nothing_else() {
    let got: Value = serde_json::json!({"a": 1, "b": [{"x": 1, "y": 2}, {"x": 3}], "c": []});
    for (want, ok) in [
        (serde_json::json!({"a": 1}), true),
        (serde_json::json!({"b": [{"x": 1}]}), true),
        (
            serde_json::json!({"b": [{"x": 1}, {"x": 3}], "c": []}),
            true,
        ),
        (serde_json::json!({"a": 2}), false),
        (serde_json::json!({"b": [{"x": 3}]}), false),
        (serde_json::json!({"d": null}), false),
        (serde_json::json!({"c": [1]}), false),
        (serde_json::json!({"b": []}), false),
    ] {
        assert_eq!(contained(&want, &got), ok, "{want}");
    }
    assert!(lines_in_order("a\nc\n", "a\nb\nc\n").is_ok());
    assert!(lines_in_order("c\na\n", "a\nb\nc\n").is_err());
    assert!(lines_in_order("a b\n", "a\nb\n").is_err());
    let readme =
        "x\n<!-- example: check f.txt --min-severity high | lines -->\n\n```\n- one\n- two\n```\n";
    let ex = examples(readme);
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].args, ["check", "f.txt", "--min-severity", "high"]);
    assert_eq!((ex[0].mode.as_str(), ex[0].line), ("lines", 2));
    assert_eq!(ex[0].block, "- one\n- two\n");
    assert_eq!(&readme[ex[0].range.clone()], "- one\n- two\n");
    // An empty block is empty, not the text up to the next block.
    let readme = "<!-- example: audit | exact -->\n```\n```\n\n```\nx\n```\n";
    let ex = examples(readme);
    assert_eq!((ex[0].block.as_str(), ex[0].range.len()), ("", 0));
}
