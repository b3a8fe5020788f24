//! The audit's HTML report and the `align --format html` page read by a
//! real browser: headless Chromium (Debian's `chromium`) parses each page
//! and dumps its DOM (`--dump-dom`), and the tests assert on that DOM, not
//! on our own bytes: every company present, one heatmap cell per company
//! and right or disclosure, the families drawn as SVG, and no element or
//! attribute that came from policy text (every tag and attribute name is on
//! an allowlist of what the writers emit; the one script is ours).
//!
//! Without chromium the tests print why and pass without checking, except
//! under `CI=true`, where a missing browser is a failure (`.ci/run` installs
//! it). A screenshot of the corpus's report is saved as
//! `target/report.png`, to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{qostil, tmp};

/// Whether chromium runs: false (after saying so) when it is missing
/// outside CI; a panic when it is missing under `CI=true`.
fn chromium_or_skip(test: &str) -> bool {
    let ok = Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return true;
    }
    let why = "chromium is not installed (apt-get install chromium)";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {why}, and CI=true: the browser tests must run under CI");
    }
    println!("SKIPPED {test}: {why}");
    false
}

/// Chromium, headless, with a profile of its own (tests run in parallel)
/// and a watchdog of two minutes.
fn chromium(profile: &Path, args: &[String]) -> std::process::Output {
    Command::new("timeout")
        .arg("120")
        .arg("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

/// The DOM of a page after Chromium has parsed it.
fn dump_dom(page: &Path, profile: &Path) -> String {
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let o = chromium(profile, &["--dump-dom".into(), url]);
    let dom = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "chromium did not dump {}: {}",
        page.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    dom
}

/// Every tag of a serialised DOM: its name and its attribute names. In a
/// DOM Chromium serialises, text and attribute values have `<` and `"`
/// escaped, so every `<` opens a tag and every attribute value is quoted.
fn tags(dom: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("a tag ends");
        let inner = &rest[..end];
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = &inner[name_end..];
        loop {
            a = a.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if a.is_empty() {
                break;
            }
            let n = a
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(a.len());
            attrs.push(a[..n].to_ascii_lowercase());
            a = &a[n..];
            if let Some(v) = a.strip_prefix("=\"") {
                let close = v.find('"').expect("a quoted value");
                a = &v[close + 1..];
            }
        }
        out.push((name.clone(), attrs));
        // A script's or style's text is not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}>");
            let e = rest.find(&close).expect("closed");
            rest = &rest[e..];
        } else {
            rest = &rest[end..];
        }
    }
    out
}

const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "script",
    "body",
    "h1",
    "h2",
    "h3",
    "nav",
    "a",
    "section",
    "p",
    "b",
    "i",
    "code",
    "div",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "ul",
    "li",
    "details",
    "summary",
    "br",
    "small",
    "figure",
    "figcaption",
    "svg",
    "line",
    "text",
    "path",
    "article",
    "q",
    "mark",
    "del",
    "ins",
];

const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "href",
    "class",
    "id",
    "colspan",
    "rowspan",
    "title",
    "open",
    "xmlns",
    "width",
    "height",
    "viewbox",
    "role",
    "aria-label",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "d",
    "text-anchor",
];

/// Our inline script (the drill-downs' opener of `<details>`).
const OUR_SCRIPT: &str = "<script>function o(){";

/// No element or attribute of `dom` is one the writers do not emit, and
/// the only script is ours.
fn assert_safe(dom: &str, page: &str, tags_allowed: &[&str], attrs_allowed: &[&str]) {
    for (name, attrs) in tags(dom) {
        assert!(
            tags_allowed.contains(&name.as_str()),
            "{page}: an element <{name}> the writer never emits"
        );
        for a in attrs {
            assert!(
                attrs_allowed.contains(&a.as_str()),
                "{page}: an attribute {a}= on <{name}> the writer never emits"
            );
        }
    }
    assert_eq!(
        dom.matches("<script").count(),
        dom.matches(OUR_SCRIPT).count(),
        "{page}: a script that is not ours"
    );
}

/// Text as Chromium serialises it in a text node.
fn text_node(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Audit `dir` into a scratch folder; the report folder.
fn audit(dir: &str, name: &str) -> PathBuf {
    let out = tmp(name);
    let o = qostil(&["audit", dir, "--out-dir", out.to_str().unwrap()]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "audit {dir}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The checks on `report.html` and every drill-down of one audit; returns
/// the index's DOM.
fn check_report(out: &Path, profile: &Path) -> String {
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let matrix = &report["matrix"];
    let items = matrix["rights"].as_array().unwrap().len()
        + matrix["disclosures"].as_array().unwrap().len();
    let rows = matrix["rows"].as_array().unwrap();
    let dom = dump_dom(&out.join("report.html"), profile);
    assert_safe(&dom, "report.html", TAGS, ATTRIBUTES);
    // The heatmap: a cell per company and item, each with its text symbol.
    assert_eq!(
        dom.matches("<td class=\"cell ").count(),
        rows.len() * items,
        "heatmap cells"
    );
    for row in rows {
        let name = row["company"]
            .as_str()
            .unwrap_or_else(|| row["source"].as_str().unwrap());
        assert!(
            dom.contains(&format!(">{}</a>", text_node(name))),
            "company {name} is not in the heatmap"
        );
        assert!(
            dom.contains(&text_node(row["source"].as_str().unwrap())),
            "{row}"
        );
    }
    // Each family of two or more is an SVG dendrogram naming its members.
    let families: Vec<&serde_json::Value> = report["families"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["documents"].as_array().unwrap().len() > 1)
        .collect();
    assert_eq!(
        dom.matches("<svg class=\"dendrogram\"").count(),
        families.len()
    );
    for f in &families {
        assert!(dom.contains(&format!("id=\"family-{}\"", f["id"].as_str().unwrap())));
    }
    // Every drill-down page parses safe, and holds the document's findings
    // as anchored articles and its clauses as anchored paragraphs.
    for entry in std::fs::read_dir(out.join("html")).unwrap() {
        let page = entry.unwrap().path();
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let dom = dump_dom(&page, profile);
        assert_safe(&dom, &name, TAGS, ATTRIBUTES);
        assert!(
            dom.contains("<details id=\"findings\" open=\"\">"),
            "{name}"
        );
        assert!(dom.contains("<p class=\"clause\" id=\""), "{name}");
    }
    dom
}

#[test]
fn the_corpus_report_reads_in_a_browser() {
    if !chromium_or_skip("the_corpus_report_reads_in_a_browser") {
        return;
    }
    let out = audit("corpus", "browser-corpus");
    let profile = tmp("browser-profile-corpus");
    let dom = check_report(&out, &profile);
    assert!(dom.contains("BeeClever"));
    // A finding of a drill-down quotes the policy, never the patterns.
    let page = out.join("html").join("corpus+expressavans_ru_kk.txt.html");
    let drill = dump_dom(&page, &profile);
    assert!(drill.contains("id=\"f-right_missing-change-kk:7.1,ru:7.1\""));
    assert!(drill.contains("not found in the Kazakh version"));
    assert!(!drill.contains("searched:"));
    assert!(!drill.contains('`'), "a literal backtick on the page");
    // The screenshot to look at.
    let shot = PathBuf::from("target/report.png");
    std::fs::create_dir_all("target").unwrap();
    let o = chromium(
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,2000".into(),
            format!(
                "file://{}",
                out.join("report.html").canonicalize().unwrap().display()
            ),
        ],
    );
    assert!(
        shot.metadata().is_ok_and(|m| m.len() > 10_000),
        "no screenshot: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn hostile_policy_text_never_becomes_markup_in_a_browser() {
    if !chromium_or_skip("hostile_policy_text_never_becomes_markup_in_a_browser") {
        return;
    }
    let out = audit("fixtures/html_hostile/policies", "browser-hostile");
    let profile = tmp("browser-profile-hostile");
    check_report(&out, &profile);
    // The hostile text is on the pages, as text.
    let page = out
        .join("html")
        .join("fixtures+html_hostile+policies+b_kk_ru.txt.html");
    let dom = dump_dom(&page, &profile);
    assert!(dom.contains("&lt;script&gt;alert(\"kk\")&lt;/script&gt;"));
    // (What the reader dropped as markup, `<b onmouseover>` and `</td>`,
    // is no clause text; what it kept reaches the page as text.)
    assert!(dom.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(dom.contains("&lt;svg onload=alert(4)&gt;"));
    assert!(dom.contains("\" onmouseover=\"alert(1)\""));
    assert!(dom.contains("<ins>") || dom.contains("<del>"), "a redline");
}

#[test]
fn the_side_by_side_page_reads_in_a_browser() {
    if !chromium_or_skip("the_side_by_side_page_reads_in_a_browser") {
        return;
    }
    let dir = tmp("browser-align");
    let page = dir.join("a.html");
    let o = qostil(&[
        "align",
        "fixtures/html_hostile/policies/b_kk_ru.txt",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dom = dump_dom(&page, &tmp("browser-profile-align"));
    // Another writer: only safety and the table of pairs are asserted.
    assert!(dom.contains("<table"));
    assert!(dom.contains("&lt;script&gt;alert(\"ru\")&lt;/script&gt;"));
    for (name, attrs) in tags(&dom) {
        assert!(
            !matches!(
                name.as_str(),
                "script" | "img" | "iframe" | "object" | "embed"
            ),
            "align page: <{name}>"
        );
        assert!(
            attrs.iter().all(|a| !a.starts_with("on")),
            "align page: an event handler on <{name}>: {attrs:?}"
        );
        // Element names of the hostile text (`b` the writer may use).
        assert!(!matches!(name.as_str(), "svg"), "align page: <{name}>");
    }
}
