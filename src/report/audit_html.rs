//! The audit's HTML report (`report/report.html` and `report/html/…`), for
//! people: a self-contained site with no network and no script library, built
//! with maud, whose templates escape every interpolated value (text and
//! attribute alike): policy text can never become markup or an attribute.
//!
//! Layout (index and split, so that it stays usable at 10,000 documents):
//! - `report.html`: the summary (documents, errors and skipped files with
//!   their reasons, findings by severity and by kind), the first page of
//!   the company × rights and disclosures heatmap and the first page of the
//!   template families, each drawn as an SVG dendrogram;
//! - `html/heatmap-N.html`, `html/families-N.html`: the further pages
//!   ([`HEATMAP_PAGE`] rows, [`FAMILY_PAGE`] family members a page);
//! - `html/<document>.html`: one drill-down per document, in `<details>`
//!   sections: findings quoting the policy in both languages, its rights and
//!   disclosures, deviations from its family's template as redlines, what the
//!   corpus norm has and it lacks, and every clause.
//!
//! Invariants: the site is a pure function of the audit (no clock, no
//! counter shared across documents, so any thread count gives the same
//! bytes). A document's page name comes from its `source` alone
//! ([`page_name`], injective), and every anchor on it from the clause id
//! (`#kk:7.1`, `#ru:3.2~2` for `ru:3.2#2`), the finding's kind, item and
//! clauses (`#f-right_missing-change-kk:7.1,ru:7.1`), the deviation's
//! language and clause (`#d-kk-kk:6.2`) or the checklist item
//! (`#item-know`): adding a document to the corpus never moves an anchor
//! of another. Writers only render: every figure comes from
//! [`Comparison`] and the records.

use std::collections::BTreeMap;
use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::corpus::Audit;
use crate::corpus::compare::{Comparison, Family, MatrixCell};
use crate::corpus::deviation::{ChangeType, Deviation, DeviationKind, Edit, EditOp};
use crate::corpus::record::DocRecord;
use crate::model::{ClauseRef, Coverage, Evidence, Finding, Lang, Presence, Severity};

/// The folder, inside the report folder, of every page but `report.html`.
pub const DIR: &str = "html";
/// Heatmap rows (documents) a page.
pub const HEATMAP_PAGE: usize = 500;
/// Family members a page of the families (a family is never split).
pub const FAMILY_PAGE: usize = 1000;
/// Kept text shown around an edit of a redline, in characters.
const REDLINE: usize = 80;

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `report.html`.
    Index,
    /// `html/heatmap-N.html`, N ≥ 2 (page 1 is in the index).
    Heatmap(usize),
    /// `html/families-N.html`, N ≥ 2.
    Families(usize),
    /// `html/<document>.html`: the drill-down of the audit's document `i`.
    Document(usize),
}

/// The audit's HTML site, ready to render page by page.
pub struct Site<'a> {
    audit: &'a Audit,
    cmp: &'a Comparison,
    min: Severity,
    /// Page names of the documents ([`page_name`]), indexed like them.
    names: Vec<String>,
    /// Document index by source, for clauses of other documents.
    by_source: BTreeMap<&'a str, usize>,
    /// Families (indices of `cmp.families` with two or more members) on
    /// each families page.
    family_pages: Vec<Vec<usize>>,
}

/// A document's page name: its `source` with ASCII letters, digits, `.`,
/// `-`, `_` and non-ASCII letters kept, `/` written `+`, and every other
/// byte as `~XX` (so the map is injective), then `.html`. A name that
/// would pass 200 bytes keeps its tail and a hash of the whole.
pub fn page_name(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 5);
    for c in source.chars() {
        match c {
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') => out.push(c),
            '/' => out.push('+'),
            c if !c.is_ascii() && c.is_alphanumeric() => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("~{b:02x}"));
                }
            }
        }
    }
    if out.len() > 200 {
        let mut cut = out.len() - 150;
        while !out.is_char_boundary(cut) {
            cut += 1;
        }
        // FNV-1a 64 of the source: stable on every machine.
        let hash = source.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        out = format!("{hash:016x}-{}", &out[cut..]);
    }
    out.push_str(".html");
    out
}

/// The anchor of a clause id on its document's page (`#` of a repeated
/// number written `~`, which a URL fragment cannot hold).
pub fn clause_anchor(id: &str) -> String {
    id.replace('#', "~").replace(char::is_whitespace, "_")
}

impl<'a> Site<'a> {
    /// The site of an audit; `min` is the findings threshold.
    pub fn new(audit: &'a Audit, cmp: &'a Comparison, min: Severity) -> Site<'a> {
        let names = audit
            .documents
            .iter()
            .map(|d| page_name(&d.source))
            .collect();
        let by_source = audit
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.source.as_str(), i))
            .collect();
        let mut family_pages: Vec<Vec<usize>> = vec![Vec::new()];
        let mut members = 0;
        for (k, f) in cmp.families.iter().enumerate() {
            if f.documents.len() < 2 {
                continue;
            }
            if members > 0 && members + f.documents.len() > FAMILY_PAGE {
                family_pages.push(Vec::new());
                members = 0;
            }
            members += f.documents.len();
            family_pages.last_mut().expect("one page").push(k);
        }
        Site {
            audit,
            cmp,
            min,
            names,
            by_source,
            family_pages,
        }
    }

    fn heatmap_pages(&self) -> usize {
        self.audit.documents.len().div_ceil(HEATMAP_PAGE).max(1)
    }

    /// Every page, `report.html` first, then the further heatmap and
    /// families pages, then the documents in the audit's order.
    pub fn pages(&self) -> Vec<Page> {
        let mut out = vec![Page::Index];
        out.extend((2..=self.heatmap_pages()).map(Page::Heatmap));
        out.extend((2..=self.family_pages.len()).map(Page::Families));
        out.extend((0..self.audit.documents.len()).map(Page::Document));
        out
    }

    /// A page's path relative to the report folder (`report.html`,
    /// `html/heatmap-2.html`, `html/corpus+x.txt.html`).
    pub fn path(&self, page: Page) -> String {
        match page {
            Page::Index => "report.html".into(),
            Page::Heatmap(n) => format!("{DIR}/heatmap-{n}.html"),
            Page::Families(n) => format!("{DIR}/families-{n}.html"),
            Page::Document(i) => format!("{DIR}/{}", self.names[i]),
        }
    }

    /// Pages in `out_dir`'s [`DIR`] that this site does not write (those of
    /// documents gone since an earlier audit, further pages of a larger
    /// one): `.html` files only, sorted. The caller removes them, so that no
    /// stale drill-down is left beside the report.
    pub fn stale(&self, out_dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let ours: std::collections::BTreeSet<String> =
            self.pages().into_iter().map(|p| self.path(p)).collect();
        let Ok(entries) = std::fs::read_dir(out_dir.join(DIR)) else {
            return Vec::new();
        };
        let mut out: Vec<std::path::PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                (name.ends_with(".html") && !ours.contains(&format!("{DIR}/{name}")))
                    .then(|| e.path())
            })
            .collect();
        out.sort();
        out
    }

    /// Write one page.
    ///
    /// Errors: those of `w`.
    pub fn write(&self, page: Page, mut w: impl Write) -> std::io::Result<()> {
        let markup = match page {
            Page::Index => self.index(),
            Page::Heatmap(n) => self.heatmap_page(n),
            Page::Families(n) => self.families_page(n),
            Page::Document(i) => self.document(i),
        };
        w.write_all(markup.into_string().as_bytes())?;
        w.write_all(b"\n")
    }

    /// A page as a string (for tests and callers that hold it whole).
    pub fn render(&self, page: Page) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail; maud writes UTF-8.
        let _ = self.write(page, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Link from a page in `DIR` (`inner`) or from `report.html` to a
    /// document's page, with an optional anchor.
    fn doc_href(&self, i: usize, inner: bool, anchor: Option<&str>) -> String {
        let base = if inner {
            self.names[i].clone()
        } else {
            format!("{DIR}/{}", self.names[i])
        };
        match anchor {
            Some(a) => format!("{base}#{a}"),
            None => base,
        }
    }

    fn company(&self, i: usize) -> &str {
        let d = &self.audit.documents[i];
        d.company.as_deref().unwrap_or(&d.source)
    }

    // ---- report.html ----

    fn index(&self) -> Markup {
        let a = self.audit;
        let cmp = self.cmp;
        let by_kind: BTreeMap<&str, BTreeMap<&str, usize>> = cmp
            .kind_totals()
            .into_iter()
            .map(|(kind, t)| (kind, t.by_severity))
            .collect();
        let pages = self.heatmap_pages();
        page(
            "qostil audit",
            html! {
                h1 { "qostil audit" }
                nav {
                    a href="#summary" { "Summary" } " · "
                    a href="#heatmap" { "Rights and disclosures" } " · "
                    a href="#families" { "Template families" }
                    @if !a.errors.is_empty() { " · " a href="#errors" { "Errors" } }
                    @if !a.skipped.is_empty() { " · " a href="#skipped" { "Skipped" } }
                }
                section id="summary" {
                    h2 { "Summary" }
                    p {
                        b { (a.documents.len()) } " documents audited, "
                        b { (a.errors.len()) } " errors, "
                        b { (a.skipped.len()) } " files skipped; "
                        b { (cmp.findings) } " findings at or above " code { (self.min.name()) } "."
                    }
                    div.cols {
                        table.counts {
                            caption { "Findings by severity" }
                            tr { th { "severity" } th.n { "findings" } }
                            @for s in SEVERITIES.iter().rev() {
                                tr { td { span class={"sev sev-" (s)} { (s) } } td.n { (cmp.by_severity.get(s).copied().unwrap_or(0)) } }
                            }
                        }
                        table.counts {
                            caption { "Findings by kind" }
                            tr { th { "kind" } @for s in SEVERITIES.iter().rev() { th.n { (s) } } th.n { "all" } }
                            @for (kind, sev) in &by_kind {
                                tr {
                                    td { code { (kind) } }
                                    @for s in SEVERITIES.iter().rev() {
                                        td.n { @match sev.get(s) { Some(n) => (n), None => "·" } }
                                    }
                                    td.n { (sev.values().sum::<usize>()) }
                                }
                            }
                        }
                    }
                    @if !cmp.family_disagreements.is_empty() {
                        h3 { "Kazakh and Russian versions from different templates" }
                        ul {
                            @for &i in &cmp.family_disagreements {
                                li { a href=(self.doc_href(i, false, None)) { (self.company(i)) } " — " code { (a.documents[i].source) } }
                            }
                        }
                    }
                    @if !a.errors.is_empty() {
                        details id="errors" open {
                            summary { h3 { "Errors (" (a.errors.len()) ")" } }
                            table {
                                tr { th { "file" } th { "why it was not audited" } }
                                @for (path, e) in &a.errors { tr { td { code { (path) } } td { (e) } } }
                            }
                        }
                    }
                    @if !a.skipped.is_empty() {
                        details id="skipped" open[a.skipped.len() <= 50] {
                            summary { h3 { "Skipped (" (a.skipped.len()) ")" } }
                            table {
                                tr { th { "file" } th { "reason" } }
                                @for (path, why) in &a.skipped { tr { td { code { (path) } } td { (why) } } }
                            }
                        }
                    }
                }
                section id="heatmap" {
                    h2 { "Rights and disclosures across the corpus" }
                    (self.heatmap_intro(false))
                    @if pages > 1 { (self.pager("heatmap", 1, pages, false)) }
                    (self.heatmap(0, false))
                    @if pages > 1 { (self.pager("heatmap", 1, pages, false)) }
                }
                section id="families" {
                    h2 { "Template families" }
                    (self.families_intro())
                    (self.families(0, false))
                    @if self.family_pages.len() > 1 { (self.pager("families", 1, self.family_pages.len(), false)) }
                }
            },
        )
    }

    fn heatmap_intro(&self, inner: bool) -> Markup {
        let law = self
            .audit
            .documents
            .first()
            .map(|d| d.legal.law_version.as_str());
        html! {
            p {
                "One row per document, one column per right of the data subject (Art. 24(1)) and disclosure"
                @if let Some(l) = law { ", checked against " (l) }
                ". Each cell links to the item in the document's drill-down; the company links to the drill-down itself."
            }
            (legend())
            @if inner { p { a href="../report.html" { "← back to the summary" } } }
        }
    }

    /// The heatmap rows of page `n` (0-based).
    fn heatmap(&self, n: usize, inner: bool) -> Markup {
        let m = &self.cmp.matrix;
        let rows = n * HEATMAP_PAGE..((n + 1) * HEATMAP_PAGE).min(self.audit.documents.len());
        html! {
            table.heatmap {
                thead {
                    tr {
                        th rowspan="2" { "company" }
                        th rowspan="2" { "languages" }
                        th rowspan="2" { "findings" }
                        th.group colspan=(m.rights.len()) { "rights" }
                        th.group colspan=(m.disclosures.len()) { "disclosures" }
                    }
                    tr {
                        @for id in m.rights.iter().chain(&m.disclosures) { th.item { span { (id) } } }
                    }
                }
                tbody {
                    @for i in rows {
                        @let d = &self.audit.documents[i];
                        tr id={"row-" (clause_anchor(&d.source))} {
                            th.company {
                                a href=(self.doc_href(i, inner, None)) { (self.company(i)) }
                                br;
                                small { (d.source) }
                            }
                            td { (langs(&d.languages)) }
                            td.n { (self.cmp.documents[i].findings) }
                            @for c in self.cmp.matrix.rows[i].iter().flatten() {
                                @let (class, symbol, word) = state(c);
                                td class={"cell " (class)} title={(c.id) ": " (word)} {
                                    a href=(self.doc_href(i, inner, Some(&format!("item-{}", c.id)))) { (symbol) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn pager(&self, what: &str, at: usize, pages: usize, inner: bool) -> Markup {
        let href = |p: usize| match (p, inner) {
            (1, true) => format!("../report.html#{what}"),
            (1, false) => format!("report.html#{what}"),
            (p, true) => format!("{what}-{p}.html"),
            (p, false) => format!("{DIR}/{what}-{p}.html"),
        };
        html! {
            nav.pager {
                "Pages: "
                @for p in 1..=pages {
                    @if p == at { b { (p) } } @else { a href=(href(p)) { (p) } }
                    " "
                }
            }
        }
    }

    fn heatmap_page(&self, n: usize) -> Markup {
        page(
            &format!("qostil audit: rights and disclosures, page {n}"),
            html! {
                h1 { "Rights and disclosures, page " (n) }
                (self.heatmap_intro(true))
                (self.pager("heatmap", n, self.heatmap_pages(), true))
                (self.heatmap(n - 1, true))
                (self.pager("heatmap", n, self.heatmap_pages(), true))
            },
        )
    }

    fn families_intro(&self) -> Markup {
        let cmp = self.cmp;
        let alone = |lang: Lang| {
            cmp.families
                .iter()
                .filter(|f| f.lang == lang && f.documents.len() == 1)
                .count()
        };
        let many = |lang: Lang| {
            cmp.families
                .iter()
                .filter(|f| f.lang == lang && f.documents.len() > 1)
                .count()
        };
        html! {
            p {
                "Documents whose version in one language shares a template (5-word shingles, Jaccard ≥ "
                (format!("{:.2}", crate::corpus::families::DEFAULT_THRESHOLD))
                " after names, contacts and numbers are normalised), drawn as a dendrogram of the links that joined them: "
                "members on the left (each links to its drill-down), merges at their Jaccard similarity."
            }
            ul {
                @for lang in [Lang::Kk, Lang::Ru] {
                    li { (lang.name()) ": " (many(lang)) (if many(lang) == 1 { " family" } else { " families" }) " of two or more, " (alone(lang)) (if alone(lang) == 1 { " document" } else { " documents" }) " in no family." }
                }
            }
        }
    }

    /// The families of page `n` (0-based), each with its SVG.
    fn families(&self, n: usize, inner: bool) -> Markup {
        html! {
            @for &k in &self.family_pages[n] {
                @let f = &self.cmp.families[k];
                figure.family id={"family-" (f.id)} {
                    figcaption {
                        b { "Family " (f.id) } " (" (f.lang.name()) ", " (f.documents.len()) " documents"
                        @if let Some(t) = &f.template { ", a template of " (t.clauses.len()) " clauses" }
                        ")"
                    }
                    (self.dendrogram(f, inner))
                }
            }
        }
    }

    fn families_page(&self, n: usize) -> Markup {
        page(
            &format!("qostil audit: template families, page {n}"),
            html! {
                h1 { "Template families, page " (n) }
                p { a href="../report.html" { "← back to the summary" } }
                (self.families(n - 1, true))
                (self.pager("families", n, self.family_pages.len(), true))
            },
        )
    }

    /// A family drawn as a horizontal dendrogram: members top to bottom on
    /// the left, each merge of the family's links (strongest first) at its
    /// Jaccard similarity, 1.0 at the leaves to the threshold on the right.
    fn dendrogram(&self, f: &Family, inner: bool) -> Markup {
        let tree = Dendrogram::of(&f.documents, &f.links);
        const ROW: f64 = 18.0;
        const LEFT: f64 = 330.0;
        const WIDTH: f64 = 360.0;
        const TOP: f64 = 24.0;
        let floor = crate::corpus::families::DEFAULT_THRESHOLD;
        let x = |j: f64| LEFT + (1.0 - j.clamp(floor, 1.0)) / (1.0 - floor) * WIDTH;
        let height = TOP + ROW * f.documents.len() as f64 + 8.0;
        let (ys, xs) = tree.layout(ROW, TOP, x);
        let ticks: Vec<f64> = (0..=5).map(|t| 1.0 - f64::from(t) * 0.1).collect();
        html! {
            svg.dendrogram xmlns="http://www.w3.org/2000/svg" width=(LEFT + WIDTH + 40.0) height=(height)
                viewBox={"0 0 " (LEFT + WIDTH + 40.0) " " (height)} role="img" aria-label={"family " (f.id)} {
                @for t in &ticks {
                    line.tick x1=(x(*t)) y1="14" x2=(x(*t)) y2=(height - 4.0) {}
                    text.axis x=(x(*t)) y="10" text-anchor="middle" { (format!("{t:.1}")) }
                }
                @for (node, &(a, b, j)) in tree.merges.iter().enumerate() {
                    @let at = tree.leaves + node;
                    // Each child: across to the merge's x, then the vertical.
                    path.branch d=(format!(
                        "M{:.1} {:.1}H{:.1}V{:.1}H{:.1}",
                        xs[a], ys[a], xs[at], ys[b], xs[b]
                    )) {}
                    // A chain of merges at one value is labelled once.
                    @let label = format!("{j:.2}");
                    @let repeated = [a, b].iter().any(|&c| {
                        c >= tree.leaves && format!("{:.2}", tree.merges[c - tree.leaves].2) == label
                    });
                    @if !repeated {
                        text.jaccard x=(format!("{:.1}", xs[at] + 3.0)) y=(format!("{:.1}", ys[at] + 3.0)) { (label) }
                    }
                }
                @for (pos, &leaf) in tree.order.iter().enumerate() {
                    @let i = f.documents[leaf];
                    @let y = TOP + ROW * pos as f64 + ROW / 2.0;
                    a href=(self.doc_href(i, inner, None)) {
                        text.member x=(LEFT - 6.0) y=(y + 4.0) text-anchor="end" {
                            title { (self.audit.documents[i].source) }
                            (clip(self.company(i), 44))
                        }
                    }
                    line.leaf x1=(LEFT - 2.0) y1=(y) x2=(LEFT) y2=(y) {}
                }
            }
        }
    }

    // ---- html/<document>.html ----

    fn document(&self, i: usize) -> Markup {
        let d = &self.audit.documents[i];
        let counts = &self.cmp.documents[i];
        let findings: Vec<&Finding> = d
            .findings
            .iter()
            .filter(|f| f.severity >= self.min)
            .collect();
        let anchors = finding_anchors(&findings);
        let dev_anchors = deviation_anchors(&counts.deviations);
        let family = |side: usize| counts.family[side].map(|k| &self.cmp.families[k]);
        page(
            &format!("qostil: {}", self.company(i)),
            html! {
                p { a href="../report.html" { "← the audit's summary" } }
                h1 { (self.company(i)) }
                p.meta {
                    code { (d.source) } " · " (langs(&d.languages))
                    " · kk " (d.clauses_in(Lang::Kk)) " / ru " (d.clauses_in(Lang::Ru)) " clauses, "
                    (counts.aligned_pairs) " aligned pairs · " (counts.findings) " findings"
                    @if let Some(w) = &d.website { " · " (w) }
                    br;
                    small { "sha256 " (d.sha256) ", " (d.encoding) }
                    @for side in 0..2 {
                        @if let Some(f) = family(side) {
                            @if f.documents.len() > 1 {
                                br;
                                (f.lang.name()) " version: family "
                                a href={"../report.html#family-" (f.id)} { (f.id) }
                                " (" (f.documents.len()) " documents)"
                            }
                        }
                    }
                }
                @for w in &d.warnings { p.warning { b { "warning: " } (w.to_string()) } }
                details id="findings" open {
                    summary { h2 { "Findings (" (findings.len()) ")" } }
                    @if findings.is_empty() { p { "No findings at or above " (self.min.name()) "." } }
                    @for (f, anchor) in findings.iter().zip(&anchors) {
                        (self.finding(f, anchor))
                    }
                }
                details id="coverage" open {
                    summary { h2 { "Rights and disclosures" } }
                    (coverage(d))
                }
                details id="deviations" open[!counts.deviations.is_empty()] {
                    summary { h2 { "Deviations from the family template (" (counts.deviations.len()) ")" } }
                    @if counts.deviations.is_empty() {
                        p { "None: the document is alone in its family, or follows its template." }
                    }
                    @for (v, anchor) in counts.deviations.iter().zip(&dev_anchors) {
                        (self.deviation(v, anchor))
                    }
                    @if !counts.unique.is_empty() {
                        h3 { "Clauses no other document has" }
                        p { @for id in &counts.unique { a href={"#" (clause_anchor(id))} { (id) } " " } }
                    }
                }
                @if !counts.lacks.is_empty() {
                    details id="lacks" {
                        summary { h2 { "What most of the corpus has and this document lacks (" (counts.lacks.len()) ")" } }
                        ul {
                            @for l in &counts.lacks {
                                li { (l.what) " " code { (l.id) } " — " (format!("{:.0}", l.share * 100.0)) "% of the documents have it" }
                            }
                        }
                    }
                }
                details id="clauses" {
                    summary { h2 { "Clauses" } }
                    div.langs {
                        @for (side, lang) in [Lang::Kk, Lang::Ru].into_iter().enumerate() {
                            div.col {
                                h3 { (lang.name()) " (" (d.clause_recs[side].len()) ")" }
                                @for r in &d.clause_recs[side] {
                                    @let parts: Vec<&str> = r.text.split('\n').collect();
                                    @if parts.len() == r.parts.len() {
                                        @for (id, text) in r.parts.iter().zip(&parts) {
                                            p.clause id=(clause_anchor(id)) {
                                                a.cid href={"#" (clause_anchor(id))} { (id) } " " (text)
                                            }
                                        }
                                    } @else {
                                        p.clause id=(clause_anchor(&r.id)) {
                                            @for id in r.parts.iter().skip(1) { span id=(clause_anchor(id)) {} }
                                            a.cid href={"#" (clause_anchor(&r.id))} { (r.id) } " " (r.text)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
        )
    }

    /// A link to a clause: on this page, or on another document's page.
    fn clause_link(&self, c: &ClauseRef) -> Markup {
        let href = match &c.document {
            None => format!("#{}", clause_anchor(&c.id)),
            Some(doc) => match self.by_source.get(doc.as_str()) {
                Some(&j) => self.doc_href(j, true, Some(&clause_anchor(&c.id))),
                None => return html! { code { (c.to_string()) } },
            },
        };
        html! { a.cid href=(href) { (c.to_string()) } }
    }

    fn finding(&self, f: &Finding, anchor: &str) -> Markup {
        html! {
            article.finding id=(anchor) {
                p {
                    span class={"sev sev-" (f.severity.name())} { (f.severity.name()) } " "
                    code { (f.kind.name()) } " "
                    @for c in f.clauses.iter().take(6) { (self.clause_link(c)) " " }
                    @if f.clauses.len() > 6 { "… (" (f.clauses.len()) " clauses) " }
                    a.self href={"#" (anchor)} title="link to this finding" { "¶" }
                }
                p.message { (message(&f.message)) }
                @if !f.evidence.is_empty() {
                    ul.evidence {
                        @for e in &f.evidence { li { (self.evidence(e)) } }
                    }
                }
            }
        }
    }

    fn evidence(&self, e: &Evidence) -> Markup {
        if e.clauses.is_empty() {
            // A note: for an absence, the patterns searched, which are not
            // evidence a reader can use; say what is absent instead.
            return if e.text.starts_with("searched:") {
                html! { span.lang { (e.lang.code()) } " " i { "not found in the " (e.lang.name()) " version" } }
            } else {
                html! { span.lang { (e.lang.code()) } " " i { (e.text) } }
            };
        }
        let label = e.clause_label().unwrap_or_default();
        let first = &e.clauses[0];
        html! {
            span.lang { (e.lang.code()) } " "
            (self.clause_link(&ClauseRef { document: first.document.clone(), id: first.id.clone() }))
            @if e.clauses.len() > 1 { " " small { (label) } }
            " "
            q lang=(e.lang.code()) { (marked(&e.text, &e.marks)) }
        }
    }

    fn deviation(&self, v: &Deviation, anchor: &str) -> Markup {
        let what = match v.kind {
            DeviationKind::Added => "added",
            DeviationKind::Removed => "removed",
            DeviationKind::Changed => "changed",
        };
        html! {
            article.deviation id=(anchor) {
                p {
                    span class={"sev sev-" (v.severity.name())} { (v.severity.name()) } " "
                    b { (what) }
                    @if let Some(c) = v.change { " (" (change_name(c)) ")" }
                    " " span.lang { (v.lang.code()) } " "
                    @match &v.clause {
                        Some(id) => a.cid href={"#" (clause_anchor(id))} { (id) },
                        None => "—",
                    }
                    @if let Some((j, id)) = &v.template_clause {
                        " ← template: "
                        a.cid href=(self.doc_href(*j, true, Some(&clause_anchor(id)))) {
                            (self.audit.documents[*j].source) "#" (id)
                        }
                    }
                    @if v.undirected { " " small { "(a family of two: no direction)" } }
                    " " a.self href={"#" (anchor)} title="link to this deviation" { "¶" }
                }
                p.redline lang=(v.lang.code()) { (redline(&v.redline)) }
            }
        }
    }
}

/// Severity names, lowest first.
const SEVERITIES: [&str; 4] = ["info", "low", "medium", "high"];

/// A cell's state: CSS class, the text symbol (so that it reads in grey)
/// and the word for its title.
fn state(c: &MatrixCell) -> (&'static str, &'static str, &'static str) {
    match (c.status, c.restricted) {
        (Presence::Absent, _) => ("absent", "✗", "absent"),
        (Presence::Both, true) => ("restricted", "◐", "both languages, restricted"),
        (Presence::KkOnly, true) => ("restricted", "◐kk", "kk only, restricted"),
        (Presence::RuOnly, true) => ("restricted", "◐ru", "ru only, restricted"),
        (Presence::Both, false) => ("both", "●", "both languages"),
        (Presence::KkOnly, false) => ("kk", "kk", "kk only"),
        (Presence::RuOnly, false) => ("ru", "ru", "ru only"),
    }
}

fn legend() -> Markup {
    html! {
        p.legend {
            "Legend: "
            span class="cell both" { "●" } " both languages "
            span class="cell kk" { "kk" } " Kazakh only "
            span class="cell ru" { "ru" } " Russian only "
            span class="cell absent" { "✗" } " absent "
            span class="cell restricted" { "◐" } " granted with a condition (restricted; ◐kk, ◐ru in one language only)"
        }
    }
}

fn langs(languages: &[Lang]) -> String {
    let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    codes.join("+")
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// A finding's message, its `` `id` `` spans as `<code>` (no literal
/// backticks on the page).
fn message(text: &str) -> Markup {
    html! {
        @for (k, piece) in text.split('`').enumerate() {
            @if k % 2 == 1 { code { (piece) } } @else { (piece) }
        }
    }
}

/// Text with the byte ranges `marks` in `<mark>`; ranges off a character
/// boundary, overlapping or out of order are left unmarked.
fn marked(text: &str, marks: &[(usize, usize)]) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at
            || a > b
            || b > text.len()
            || !text.is_char_boundary(a)
            || !text.is_char_boundary(b)
        {
            continue;
        }
        pieces.push((&text[at..a], false));
        pieces.push((&text[a..b], true));
        at = b;
    }
    pieces.push((&text[at..], false));
    html! { @for (s, m) in pieces { @if m { mark { (s) } } @else { (s) } } }
}

/// A redline: deleted words in `<del>`, inserted in `<ins>`, kept text cut
/// to [`REDLINE`] characters around the edits.
fn redline(edits: &[Edit]) -> Markup {
    let last = edits.len().saturating_sub(1);
    html! {
        @for (i, e) in edits.iter().enumerate() {
            @match e.op {
                EditOp::Equal => (keep(&e.text, i == 0, i == last)),
                EditOp::Delete => del { (e.text) },
                EditOp::Insert => ins { (e.text) },
            }
        }
    }
}

/// Kept text of a redline, cut in the middle (or at the open end) when long.
fn keep(text: &str, first: bool, last: bool) -> String {
    let n = text.chars().count();
    if n <= 2 * REDLINE {
        return text.to_string();
    }
    let head: String = text.chars().take(REDLINE).collect();
    let tail: String = text.chars().skip(n - REDLINE).collect();
    match (first, last) {
        (true, true) => format!("{head} … {tail}"),
        (true, false) => format!("…{tail}"),
        (false, true) => format!("{head}…"),
        _ => format!("{head} … {tail}"),
    }
}

fn change_name(c: ChangeType) -> &'static str {
    match c {
        ChangeType::Number => "number or period",
        ChangeType::Right => "right",
        ChangeType::Law => "law cited",
        ChangeType::Contact => "contact",
        ChangeType::ThirdParty => "third party or transfer",
        ChangeType::Wording => "wording",
    }
}

/// Make anchors unique within a page, in order: the second of a name gets
/// `-2`, and so on.
fn unique(names: Vec<String>) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    names
        .into_iter()
        .map(|n| {
            let k = seen.entry(n.clone()).or_default();
            *k += 1;
            if *k == 1 { n } else { format!("{n}-{k}") }
        })
        .collect()
}

/// The anchors of a document's findings: `f-` kind, the checklist item a
/// legal finding names (the first `` `id` `` of its message), and its
/// clauses (`f-right_missing-change-kk:7.1,ru:7.1`).
fn finding_anchors(findings: &[&Finding]) -> Vec<String> {
    unique(
        findings
            .iter()
            .map(|f| {
                let mut a = format!("f-{}", f.kind.name());
                let legal =
                    f.kind.name().starts_with("right_") || f.kind.name().starts_with("disclosure_");
                if legal
                    && let Some(item) = f.message.split('`').nth(1)
                    && !item.is_empty()
                {
                    a.push('-');
                    a.push_str(item);
                }
                if !f.clauses.is_empty() {
                    a.push('-');
                    let ids: Vec<String> = f.clauses.iter().map(ToString::to_string).collect();
                    a.push_str(&ids.join(","));
                } else if let Some(l) = f.lang {
                    a.push('-');
                    a.push_str(l.code());
                }
                clause_anchor(&a)
            })
            .collect(),
    )
}

/// The anchors of a document's deviations: `d-` language and clause
/// (`d-kk-kk:6.2`), a removed clause by the template's (`d-kk-removed-kk:4.1`).
fn deviation_anchors(devs: &[Deviation]) -> Vec<String> {
    unique(
        devs.iter()
            .map(|v| {
                let a = match (&v.clause, &v.template_clause) {
                    (Some(c), _) => format!("d-{}-{c}", v.lang.code()),
                    (None, Some((_, t))) => format!("d-{}-removed-{t}", v.lang.code()),
                    (None, None) => format!("d-{}", v.lang.code()),
                };
                clause_anchor(&a)
            })
            .collect(),
    )
}

/// A document's rights, extra rights and disclosures, each row anchored
/// `item-<id>` (the heatmap's cells link there).
fn coverage(d: &DocRecord) -> Markup {
    let groups: [(&str, &[Coverage]); 3] = [
        ("Rights of the data subject (Art. 24(1))", &d.legal.rights),
        (
            "Extra rights (GDPR-style; not substitutes)",
            &d.legal.extra_rights,
        ),
        ("Disclosures", &d.legal.disclosures),
    ];
    let cites = |c: &Coverage, lang: Lang| -> Markup {
        if !d.languages.contains(&lang) {
            return html! { "n/a" };
        }
        let cites = c.cites(lang);
        html! {
            @if cites.is_empty() { "—" }
            @for id in &cites {
                @let clause = c.in_lang(lang).find(|m| m.cite == *id).map_or(id.to_string(), |m| m.clause.clone());
                a.cid href={"#" (clause_anchor(&clause))} { (id) } " "
            }
            @if c.restricted(lang) { small { "(restricted)" } }
        }
    };
    html! {
        p { "Checked against " (d.legal.law_version) "." }
        table.coverage {
            @for (title, covs) in groups {
                tr { th colspan="4" { (title) } }
                tr { th { "item" } th { "kk" } th { "ru" } th { "status" } }
                @for c in covs {
                    @let cell = MatrixCell { id: c.id.clone(), status: c.status, restricted: !c.restrictions.is_empty() };
                    @let (class, symbol, word) = state(&cell);
                    tr id={"item-" (c.id)} {
                        td { code { (c.id) } }
                        td { (cites(c, Lang::Kk)) }
                        td { (cites(c, Lang::Ru)) }
                        td class={"cell " (class)} {
                            // `kk` and `ru` are their own word.
                            @if !symbol.starts_with(|c: char| c.is_ascii_alphabetic()) { (symbol) " " }
                            (word)
                        }
                    }
                }
            }
        }
    }
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:1.5em;color:#222;max-width:110em}
h1{font-size:1.4em}h2{font-size:1.15em;display:inline}h3{font-size:1em;display:inline}
section{margin:1.5em 0}
table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f2f2f2}
td.n,th.n{text-align:right}
table.counts{margin:0 2em 1em 0}
caption{text-align:left;font-weight:bold;padding:.3em 0;white-space:nowrap}
.cols{display:flex;flex-wrap:wrap;align-items:flex-start}
table.heatmap th.item{height:9em;vertical-align:bottom;padding:.2em}
table.heatmap th.item span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;font-size:.85em}
table.heatmap th.company{font-weight:normal;max-width:22em}
table.heatmap th.company small{color:#666;word-break:break-all}
td.cell,span.cell{text-align:center;font-weight:bold;min-width:2em;padding:.2em .3em}
td.cell a{color:inherit;text-decoration:none;display:block}
span.cell{display:inline-block;border:1px solid #999}
.both{background:#1a9850;color:#fff}
.kk{background:#91bfdb;color:#000}
.ru{background:#fee090;color:#000}
.absent{background:#d73027;color:#fff}
.restricted{background:#fc8d59;color:#000}
.legend{line-height:2}
figure.family{margin:1em 0;border-top:1px solid #ddd;padding-top:.5em}
svg.dendrogram{display:block;max-width:100%;height:auto}
svg .branch{fill:none;stroke:#2b5d8a;stroke-width:1.5}
svg .tick{stroke:#ddd}
svg .leaf{stroke:#2b5d8a}
svg .axis{font-size:10px;fill:#666}
svg .jaccard{font-size:9px;fill:#2b5d8a}
svg .member{font-size:12px;fill:#1a4f8b}
svg a:hover .member{text-decoration:underline}
details{margin:1em 0;border:1px solid #ddd;border-radius:4px;padding:.3em .8em}
summary{cursor:pointer;padding:.3em 0}
article{border-left:3px solid #ccc;padding:.1em .8em;margin:.6em 0}
article:target,p.clause:target,tr:target{background:#fff7cc}
.message{margin:.2em 0}
ul.evidence{margin:.2em 0;padding-left:1.2em}
q{quotes:'«' '»'}
mark{background:#ffe36e}
.lang{display:inline-block;font-size:.75em;border:1px solid #999;border-radius:3px;padding:0 .3em;color:#444}
a.cid{font-family:monospace;font-size:.9em}
a.self{color:#aaa;text-decoration:none}
.sev{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8em;color:#fff}
.sev-high{background:#b00020}.sev-medium{background:#c66a00}.sev-low{background:#5a6ab0}.sev-info{background:#777}
del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none;border-bottom:1px solid #060}
.redline{margin:.2em 0;line-height:1.5}
.langs{display:flex;gap:1.5em}.col{flex:1;min-width:0}
p.clause{margin:.3em 0}
.warning{background:#fff4e5;border-left:3px solid #c66a00;padding:.3em .6em}
.meta{color:#444}
nav.pager{margin:.8em 0}
";

/// Opens the `<details>` that holds the target of the URL's fragment
/// (browsers without the auto-expanding of details on fragment navigation);
/// the page works without it.
const SCRIPT: &str = "function o(){var h=decodeURIComponent(location.hash.slice(1));if(!h)return;var e=document.getElementById(h);for(;e;e=e.parentElement){if(e.tagName==='DETAILS')e.open=true}}addEventListener('hashchange',o);addEventListener('DOMContentLoaded',o);";

/// A whole page around `body`.
fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={"qostil " (env!("CARGO_PKG_VERSION"))};
                title { (title) }
                style { (PreEscaped(STYLE)) }
                script { (PreEscaped(SCRIPT)) }
            }
            body { (body) }
        }
    }
}

/// A single-linkage dendrogram over a family's spanning tree: leaves are
/// positions in the family's member list, merges are taken strongest link
/// first (ties by the links' order).
struct Dendrogram {
    leaves: usize,
    /// Internal node `leaves + k` joins nodes `a` and `b` at Jaccard `j`.
    merges: Vec<(usize, usize, f64)>,
    /// Leaves top to bottom.
    order: Vec<usize>,
}

impl Dendrogram {
    fn of(members: &[usize], links: &[(usize, usize, f32)]) -> Dendrogram {
        let n = members.len();
        let pos = |doc: usize| members.iter().position(|&m| m == doc);
        let mut sorted: Vec<(usize, usize, f64)> = links
            .iter()
            .filter_map(|&(a, b, j)| Some((pos(a)?, pos(b)?, f64::from(j))))
            .collect();
        sorted.sort_by(|x, y| y.2.total_cmp(&x.2));
        // Union-find over leaves; `node[root]` is the cluster's tree node.
        let mut parent: Vec<usize> = (0..n).collect();
        let mut node: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        let mut merges = Vec::new();
        let mut join = |a: usize, b: usize, j: f64, merges: &mut Vec<(usize, usize, f64)>| {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra == rb {
                return;
            }
            // The cluster holding the earlier member goes first (on top).
            let (ra, rb) = if ra.min(rb) == ra { (ra, rb) } else { (rb, ra) };
            merges.push((node[ra], node[rb], j));
            parent[rb] = ra;
            node[ra] = n + merges.len() - 1;
        };
        for &(a, b, j) in &sorted {
            join(a, b, j, &mut merges);
        }
        // A family is connected by its links; should one not be, its parts
        // are joined at the threshold.
        let floor = crate::corpus::families::DEFAULT_THRESHOLD;
        for b in 1..n {
            join(0, b, floor, &mut merges);
        }
        // Leaves in depth-first order from the root.
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![if n == 0 { 0 } else { n + merges.len() - 1 }];
        if n == 1 {
            stack = vec![0];
        }
        while let Some(x) = stack.pop() {
            if n == 0 {
                break;
            }
            if x < n {
                order.push(x);
            } else {
                let (a, b, _) = merges[x - n];
                stack.push(b);
                stack.push(a);
            }
        }
        Dendrogram {
            leaves: n,
            merges,
            order,
        }
    }

    /// The y and x of every node (leaves, then merges): leaves one `row`
    /// apart from `top`, a merge at its children's mean y and at `x(j)`.
    fn layout(&self, row: f64, top: f64, x: impl Fn(f64) -> f64) -> (Vec<f64>, Vec<f64>) {
        let n = self.leaves;
        let mut ys = vec![0.0; n + self.merges.len()];
        let mut xs = vec![x(1.0); n + self.merges.len()];
        for (p, &leaf) in self.order.iter().enumerate() {
            ys[leaf] = top + row * p as f64 + row / 2.0;
        }
        for (k, &(a, b, j)) in self.merges.iter().enumerate() {
            ys[n + k] = (ys[a] + ys[b]) / 2.0;
            xs[n + k] = x(j);
        }
        (ys, xs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::compare;

    fn audit_of(texts: &[(&str, &str)]) -> Audit {
        Audit {
            documents: texts
                .iter()
                .map(|(s, t)| DocRecord::of_text(s, t))
                .collect(),
            errors: vec![("bad.pdf".into(), "bad.pdf: <b>broken</b>".into())],
            skipped: vec![("x.doc".into(), "unsupported format: .doc".into())],
        }
    }

    const HOSTILE: &str = "1. Политика <script>alert(1)</script> \" onmouseover=\"x\" </td></table> МФО обрабатывает данные.\n1. Саясат <img src=x onerror=alert(1)> МҚҰ деректерді өңдейді.\n";

    #[test]
    fn page_names_are_injective_and_safe() {
        let names = [
            "corpus/a b.txt",
            "corpus/a_b.txt",
            "corpus/a~20b.txt",
            "corpus\\a.txt",
            "corpus/a.txt",
            "corpus/саясат.txt",
            "../x\"><script>.txt",
        ];
        let pages: Vec<String> = names.iter().map(|n| page_name(n)).collect();
        let mut unique = pages.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), pages.len(), "{pages:?}");
        for p in &pages {
            assert!(
                !p.contains(['/', '\\', '"', '<', '>', ' ', '#', '%']),
                "{p}"
            );
        }
        assert_eq!(page_name("corpus/a.txt"), "corpus+a.txt.html");
        assert!(page_name(&"x".repeat(400)).len() < 240);
    }

    #[test]
    fn policy_text_never_becomes_markup() {
        let audit = audit_of(&[("corpus/<b>evil</b>.txt", HOSTILE)]);
        let cmp = compare(&audit.documents, Severity::Info);
        let site = Site::new(&audit, &cmp, Severity::Info);
        for p in site.pages() {
            let html = site.render(p);
            assert!(!html.contains("<script>alert"), "{html}");
            assert!(!html.contains("<img"), "{html}");
            assert!(!html.contains("<b>evil"), "{html}");
            assert!(!html.contains("<b>broken"), "{html}");
            assert!(!html.contains("\" onmouseover"), "{html}");
        }
        let doc = site.render(Page::Document(0));
        assert!(
            doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{doc}"
        );
    }

    #[test]
    fn heatmap_has_a_cell_per_document_and_item() {
        let audit = audit_of(&[
            ("a.txt", "1. МФО обрабатывает персональные данные.\n"),
            ("b.txt", HOSTILE),
        ]);
        let cmp = compare(&audit.documents, Severity::Info);
        let site = Site::new(&audit, &cmp, Severity::Info);
        let index = site.render(Page::Index);
        let items = cmp.matrix.rights.len() + cmp.matrix.disclosures.len();
        assert!(items > 10);
        assert_eq!(index.matches("<td class=\"cell ").count(), 2 * items);
    }

    #[test]
    fn anchors_do_not_move_when_a_document_is_added() {
        let one = audit_of(&[("corpus/b.txt", HOSTILE)]);
        let two = audit_of(&[
            ("corpus/a.txt", "1. МФО обрабатывает персональные данные.\n"),
            ("corpus/b.txt", HOSTILE),
        ]);
        let ids = |audit: &Audit, i: usize| -> (String, Vec<String>) {
            let cmp = compare(&audit.documents, Severity::Info);
            let site = Site::new(audit, &cmp, Severity::Info);
            let html = site.render(Page::Document(i));
            let ids = html
                .split(" id=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap().to_string())
                .filter(|s| s.starts_with("f-") || s.contains(':'))
                .collect();
            (site.path(Page::Document(i)), ids)
        };
        let (p1, a1) = ids(&one, 0);
        let (p2, a2) = ids(&two, 1);
        assert_eq!(p1, p2);
        assert!(a1.iter().any(|a| a.starts_with("f-")), "{a1:?}");
        assert!(a1.iter().any(|a| a.starts_with("kk:")), "{a1:?}");
        assert_eq!(a1, a2);
    }

    #[test]
    fn a_dendrogram_merges_the_strongest_link_first_and_covers_every_member() {
        // Members 10, 20, 30, 40: 30–40 closest, then 10–20, then 20–30.
        let d = Dendrogram::of(
            &[10, 20, 30, 40],
            &[(20, 30, 0.6), (10, 20, 0.8), (30, 40, 0.9)],
        );
        assert_eq!(d.merges.len(), 3);
        assert_eq!(d.merges[0], (2, 3, 0.9_f32 as f64));
        assert_eq!(d.order, vec![0, 1, 2, 3]);
        // Unlinked members are still joined, at the threshold.
        let d = Dendrogram::of(&[1, 2, 3], &[(1, 3, 0.7)]);
        assert_eq!(d.merges.len(), 2);
        assert_eq!(d.order.len(), 3);
        assert_eq!(d.order, vec![0, 2, 1]);
    }

    #[test]
    fn pages_of_documents_gone_are_stale() {
        let dir = std::env::temp_dir().join(format!("qostil-html-stale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(DIR)).unwrap();
        for f in [
            "corpus+b.txt.html",
            "corpus+gone.txt.html",
            "heatmap-9.html",
            "notes.txt",
        ] {
            std::fs::write(dir.join(DIR).join(f), "x").unwrap();
        }
        let audit = audit_of(&[("corpus/b.txt", HOSTILE)]);
        let cmp = compare(&audit.documents, Severity::Info);
        let site = Site::new(&audit, &cmp, Severity::Info);
        let stale: Vec<String> = site
            .stale(&dir)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(stale, ["corpus+gone.txt.html", "heatmap-9.html"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_absence_says_what_is_absent_not_the_patterns() {
        let e = Evidence {
            lang: Lang::Kk,
            clauses: vec![],
            text: "searched: құқы* | =право".into(),
            marks: vec![],
        };
        let audit = audit_of(&[("a.txt", HOSTILE)]);
        let cmp = compare(&audit.documents, Severity::Info);
        let site = Site::new(&audit, &cmp, Severity::Info);
        let html = site.evidence(&e).into_string();
        assert!(!html.contains("searched"), "{html}");
        assert!(html.contains("not found in the Kazakh version"), "{html}");
    }
}
