//! The side-by-side HTML view of one document (`qostil align --format
//! html`): a self-contained page (inline CSS, no script) that opens with a
//! findings summary (counts by severity and by kind, each kind linked to
//! the first pair it concerns) and then the table of pairs, so the table
//! starts on the first screen: the Kazakh and Russian clauses in two
//! columns, one row per pair with a stable anchor made from its clause ids
//! ([`anchor`]: `#kk-1.1_ru-1.1`), the pair's findings under it with their
//! marked quotes, and the shared tokens (figures, names, addresses) that
//! differ between the sides highlighted. Findings about the whole document
//! come after the table. Long URLs and e-mails wrap inside their cell.
//! Evidence is shown only as quotes of the policy: a note (such as the
//! patterns searched for something absent) is shown as "not found".
//! `code` in a message is set in `<code>`, never as a literal backtick.
//!
//! Invariant: every piece of document text reaches the page through
//! [`Page::text`], which escapes `& < > " '`; markup is only ever written
//! from string literals ([`Page::raw`] takes `&'static str`). A policy
//! containing `<script>` shows it as text.

use std::collections::BTreeMap;

use crate::model::{Document, Finding, FindingKind, Severity};
use crate::report::json::side_text;
use crate::report::sidebyside::{anchor, diff_spans, findings_by_pair, ids};

/// An HTML page under construction.
struct Page {
    out: String,
}

impl Page {
    /// Markup from the program itself.
    fn raw(&mut self, s: &'static str) {
        self.out.push_str(s);
    }

    /// Document (or any other) text: always escaped.
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&#39;"),
                c => self.out.push(c),
            }
        }
    }

    /// A message: text with each `code` span set in `<code>` (the
    /// backticks dropped); an unpaired backtick is left as text.
    fn message(&mut self, s: &str) {
        let mut rest = s;
        while let Some(a) = rest.find('`') {
            let Some(len) = rest[a + 1..].find('`') else {
                break;
            };
            self.text(&rest[..a]);
            self.raw("<code>");
            self.text(&rest[a + 1..a + 1 + len]);
            self.raw("</code>");
            rest = &rest[a + 1 + len + 1..];
        }
        self.text(rest);
    }

    /// Text with some byte ranges wrapped in `<mark class=…>`.
    fn marked(&mut self, s: &str, marks: &[(usize, usize)], class: &'static str) {
        let mut marks: Vec<(usize, usize)> = marks
            .iter()
            .copied()
            .filter(|&(a, b)| {
                a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b)
            })
            .collect();
        marks.sort_unstable();
        let mut at = 0;
        for (a, b) in marks {
            if a < at {
                continue;
            }
            self.text(&s[at..a]);
            self.raw("<mark class=\"");
            self.raw(class);
            self.raw("\">");
            self.text(&s[a..b]);
            self.raw("</mark>");
            at = b;
        }
        self.text(&s[at..]);
    }
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f2f2f2}
th.id,td.id{width:7em;color:#555;font-size:.85em;word-break:break-all}
th.score,td.score{width:3.5em;color:#555;font-size:.85em;text-align:right}
tr.unpaired td{background:#fff4f4}
tr.findings td{background:#fffbe6;font-size:.9em}
mark.diff{background:#ffd7a8}
mark.find{background:#ffe36e}
.sev{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8em;color:#fff}
.high{background:#c0392b}.medium{background:#d68910}.low{background:#2e86c1}.info{background:#7f8c8d}
ul{margin:.2em 0;padding-left:1.2em}
q{quotes:'«' '»'}
td.score a{color:#555;text-decoration:none}
tr:target td{outline:2px solid #2e86c1}
p.summary{margin:.3em 0}
p.summary a{white-space:nowrap}
.absent{color:#777;font-style:italic}
";

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
        Severity::Info => "info",
    }
}

fn finding(page: &mut Page, f: &Finding) {
    page.raw("<li><span class=\"sev ");
    page.raw(severity_class(f.severity));
    page.raw("\">");
    page.text(f.severity.name());
    page.raw("</span> <code>");
    page.text(f.kind.name());
    page.raw("</code> ");
    page.message(&f.message);
    if !f.evidence.is_empty() {
        page.raw("<ul>");
        for e in &f.evidence {
            page.raw("<li>");
            match e.clause_label() {
                // The label names the language: `kk:1.1`.
                Some(label) => {
                    page.text(&label);
                    page.raw(": <q>");
                    page.marked(&e.text, &e.marks, "find");
                    page.raw("</q>");
                }
                // A note (the patterns searched): no quote of the policy.
                None => {
                    page.text(e.lang.code());
                    page.raw(": <span class=\"absent\">not found in the ");
                    page.text(e.lang.name());
                    page.raw(" text</span>");
                }
            }
            page.raw("</li>");
        }
        page.raw("</ul>");
    }
    page.raw("</li>");
}

/// `qostil align --format html`.
pub fn alignment(doc: &Document) -> String {
    let mut page = Page { out: String::new() };
    page.raw(
        "<!DOCTYPE html>\n<html lang=\"kk\">\n<head>\n<meta charset=\"utf-8\">\n<title>qostil: ",
    );
    page.text(&doc.source.name);
    page.raw("</title>\n<style>");
    page.raw(STYLE);
    page.raw("</style>\n</head>\n<body>\n<h1>");
    page.text(doc.company.as_deref().unwrap_or("unknown company"));
    page.raw(" — ");
    page.text(&doc.source.name);
    page.raw("</h1>\n");
    let (per_pair, whole) = findings_by_pair(doc);
    let anchors: Vec<String> = doc.pairs.iter().map(|p| anchor(doc, p)).collect();
    summary(&mut page, doc, &per_pair, &whole, &anchors);
    for w in &doc.source.warnings {
        page.raw("<p class=\"warning\"><strong>warning</strong>: ");
        page.text(&w.to_string());
        page.raw("</p>\n");
    }
    page.raw("<table>\n<thead><tr><th class=\"score\">score</th><th class=\"id\">kk</th><th>қазақша</th><th class=\"id\">ru</th><th>русский</th></tr></thead>\n<tbody>\n");
    for ((p, fs), id) in doc.pairs.iter().zip(&per_pair).zip(&anchors) {
        let (kk, ru) = (side_text(doc, &p.kk), side_text(doc, &p.ru));
        let (dk, dr) = diff_spans(&kk, &ru);
        if p.kk.is_empty() || p.ru.is_empty() {
            page.raw("<tr class=\"unpaired\" id=\"");
        } else {
            page.raw("<tr id=\"");
        }
        page.text(id);
        page.raw("\"><td class=\"score\"><a href=\"#");
        page.text(id);
        page.raw("\" title=\"link to this pair\">");
        page.text(&format!("{:.2}", p.score));
        page.raw("</a></td><td class=\"id\">");
        page.text(&ids(doc, &p.kk));
        page.raw("</td><td lang=\"kk\">");
        page.marked(&kk, &dk, "diff");
        page.raw("</td><td class=\"id\">");
        page.text(&ids(doc, &p.ru));
        page.raw("</td><td lang=\"ru\">");
        page.marked(&ru, &dr, "diff");
        page.raw("</td></tr>\n");
        if !fs.is_empty() {
            page.raw("<tr class=\"findings\"><td></td><td colspan=\"4\"><ul>");
            for f in fs {
                finding(&mut page, f);
            }
            page.raw("</ul></td></tr>\n");
        }
    }
    page.raw("</tbody>\n</table>\n");
    if !whole.is_empty() {
        page.raw("<h2 id=\"document-findings\">Findings about the whole document</h2>\n<ul class=\"document-findings\">");
        for f in whole {
            finding(&mut page, f);
        }
        page.raw("</ul>\n");
    }
    page.raw("</body>\n</html>\n");
    page.out
}

/// The findings summary: pairs and findings counted, findings by severity,
/// then each kind with its count, linked to the first pair it concerns (or
/// to the findings about the whole document).
fn summary(
    page: &mut Page,
    doc: &Document,
    per_pair: &[Vec<&Finding>],
    whole: &[&Finding],
    anchors: &[String],
) {
    let aligned = doc
        .pairs
        .iter()
        .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
        .count();
    page.raw("<p class=\"summary\">");
    page.text(&format!(
        "{} pairs ({} aligned), {} findings",
        doc.pairs.len(),
        aligned,
        doc.findings.len()
    ));
    let mut by_severity: BTreeMap<std::cmp::Reverse<Severity>, usize> = BTreeMap::new();
    for f in &doc.findings {
        *by_severity
            .entry(std::cmp::Reverse(f.severity))
            .or_default() += 1;
    }
    let mut first = true;
    for (std::cmp::Reverse(sev), n) in by_severity {
        page.raw(if first { ": " } else { ", " });
        first = false;
        page.raw("<span class=\"sev ");
        page.raw(severity_class(sev));
        page.raw("\">");
        page.text(sev.name());
        page.raw("</span> ");
        page.text(&n.to_string());
    }
    page.raw(".</p>\n");
    // Kinds, most severe first, each with where it first occurs.
    let mut kinds: BTreeMap<(std::cmp::Reverse<Severity>, &str), (usize, &str)> = BTreeMap::new();
    let located = per_pair
        .iter()
        .zip(anchors)
        .flat_map(|(fs, id)| fs.iter().map(move |f| (*f, id.as_str())))
        .chain(whole.iter().map(|f| (*f, "document-findings")));
    for (f, at) in located {
        let worst = kind_severity(doc, f.kind);
        let e = kinds
            .entry((std::cmp::Reverse(worst), f.kind.name()))
            .or_insert((0, at));
        e.0 += 1;
    }
    if !kinds.is_empty() {
        page.raw("<p class=\"summary\">By kind: ");
        for (i, ((_, name), (n, at))) in kinds.into_iter().enumerate() {
            if i > 0 {
                page.raw(" · ");
            }
            page.raw("<a href=\"#");
            page.text(at);
            page.raw("\"><code>");
            page.text(name);
            page.raw("</code></a> ");
            page.text(&n.to_string());
        }
        page.raw("</p>\n");
    }
    page.raw("<p class=\"summary\">Highlighted: figures, names and addresses that differ between the two versions; in the findings, the part concerned.</p>\n");
}

/// The most severe finding of a kind in the document.
fn kind_severity(doc: &Document, kind: FindingKind) -> Severity {
    doc.findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.severity)
        .max()
        .unwrap_or(Severity::Info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_and_an_unpaired_one_stays_text() {
        let cases = [
            (
                "the right `block` <b>",
                "the right <code>block</code> &lt;b&gt;",
            ),
            ("`a` and `b`", "<code>a</code> and <code>b</code>"),
            ("one ` only", "one ` only"),
            ("`<x>`", "<code>&lt;x&gt;</code>"),
        ];
        for (message, want) in cases {
            let mut p = Page { out: String::new() };
            p.message(message);
            assert_eq!(p.out, want, "{message}");
        }
    }

    #[test]
    fn text_is_escaped_and_marks_are_markup() {
        let mut p = Page { out: String::new() };
        let text = "<script>alert('x')</script> 30 \"күн\"";
        let at = text.find("30").unwrap_or(0);
        p.marked(text, &[(at, at + 2)], "diff");
        assert_eq!(
            p.out,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark class=\"diff\">30</mark> &quot;күн&quot;"
        );
    }
}
