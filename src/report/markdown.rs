//! Markdown writers: the side-by-side alignment table, the findings list,
//! the rights table of one document and the audit report (with a coverage
//! table per document and a companies × rights/disclosures matrix).
//! Document text is escaped for table cells (`|`, line breaks) so that a
//! clause can never break the table.

use std::fmt::Write;

use crate::tokens::clip;

/// A quote in a Markdown list is cut to this many characters.
const QUOTE: usize = 160;
use crate::corpus::Audit;
use crate::corpus::compare::{Comparison, Family, MatrixCell};
use crate::corpus::deviation::{ChangeType, Deviation, DeviationKind, Edit, EditOp};
use crate::corpus::history::History;
use crate::model::{Coverage, Document, Finding, Lang, Presence, Severity, Warning};
use crate::report::json::side_text;
use crate::report::sidebyside::{diff_spans, findings_by_pair, ids};
use crate::rules::legal::{Item, LegalRules};

/// Escape text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
}

fn title(doc: &Document) -> String {
    title_of(doc.company.as_deref(), &doc.source.name, &doc.languages)
}

fn title_of(company: Option<&str>, source: &str, languages: &[Lang]) -> String {
    let langs: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    format!(
        "{} — {} ({})",
        company.unwrap_or("unknown company"),
        source,
        langs.join(" + ")
    )
}

/// A cell's text with the byte ranges in `marks` set in bold; asterisks
/// of the text itself are escaped so they cannot open emphasis.
fn bold_cell(s: &str, marks: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > s.len() || !s.is_char_boundary(a) || !s.is_char_boundary(b) {
            continue;
        }
        out.push_str(&cell(&s[at..a]).replace('*', "\\*"));
        out.push_str("**");
        out.push_str(&cell(&s[a..b]).replace('*', "\\*"));
        out.push_str("**");
        at = b;
    }
    out.push_str(&cell(&s[at..]).replace('*', "\\*"));
    out
}

/// The warnings of a document, one quoted line each (nothing when none).
fn warnings(out: &mut String, warnings: &[Warning]) {
    for w in warnings {
        let _ = writeln!(out, "> **warning**: {}", cell(&w.to_string()));
    }
    if !warnings.is_empty() {
        let _ = writeln!(out);
    }
}

/// `qostil align`: a side-by-side table. Shared tokens (figures, names,
/// addresses) that differ between the sides are in bold; the last column
/// names the pair's findings, which are listed in full after the table.
pub fn alignment(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&title(doc)));
    warnings(&mut out, &doc.source.warnings);
    let _ = writeln!(out, "| score | kk | қазақша | ru | русский | findings |");
    let _ = writeln!(out, "|---:|---|---|---|---|---|");
    let (per_pair, whole) = findings_by_pair(doc);
    let mut numbered: Vec<&Finding> = Vec::new();
    for (p, fs) in doc.pairs.iter().zip(&per_pair) {
        let (kk, ru) = (side_text(doc, &p.kk), side_text(doc, &p.ru));
        let (dk, dr) = diff_spans(&kk, &ru);
        let refs: Vec<String> = fs
            .iter()
            .map(|f| {
                numbered.push(f);
                format!("[{}] {} ({})", numbered.len(), f.kind, f.severity.name())
            })
            .collect();
        let _ = writeln!(
            out,
            "| {:.2} | {} | {} | {} | {} | {} |",
            p.score,
            cell(&ids(doc, &p.kk)),
            bold_cell(&kk, &dk),
            cell(&ids(doc, &p.ru)),
            bold_cell(&ru, &dr),
            cell(&refs.join("; ")),
        );
    }
    if !numbered.is_empty() || !whole.is_empty() {
        let _ = writeln!(out, "\n## Findings\n");
        for f in &whole {
            finding_md(&mut out, f);
        }
        if !whole.is_empty() && !numbered.is_empty() {
            // A blank line ends the bullet list before the numbered one.
            out.push('\n');
        }
        for (i, f) in numbered.iter().enumerate() {
            finding_item(&mut out, f, &format!("{}.", i + 1));
        }
    }
    out
}

fn finding_md(out: &mut String, f: &Finding) {
    finding_item(out, f, "-");
}

/// A finding as a list item opened by `bullet` (`-` or `3.`).
fn finding_item(out: &mut String, f: &Finding, bullet: &str) {
    let clauses = match f.clauses.as_slice() {
        [] => String::new(),
        // A long run (a whole list) is named by its ends; JSON has them all.
        [first, second, .., last] if f.clauses.len() > 4 => {
            format!(" ({first}, {second} … {last}: {} clauses)", f.clauses.len())
        }
        all => format!(
            " ({})",
            all.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let _ = writeln!(
        out,
        "{bullet} **{}** `{}`{}: {}",
        f.severity.name(),
        f.kind,
        clauses,
        cell(&f.message)
    );
    for e in &f.evidence {
        let _ = match e.clause_label() {
            // The label names the language: `kk:1.1`.
            Some(label) => writeln!(
                out,
                "  - {}: «{}»",
                cell(&label),
                cell(&clip(&e.marked(), QUOTE))
            ),
            // A note (the patterns searched, which JSON keeps): no quote of
            // the policy, so none is printed as one.
            None => writeln!(
                out,
                "  - {}: not found in the {} version",
                e.lang.code(),
                e.lang.name()
            ),
        };
    }
}

/// The citations of an item in one language, for a table cell: `7.1`,
/// `7.1 (restricted)`, `—` when absent, `n/a` when the document has no
/// version in that language.
fn lang_cell(languages: &[Lang], c: &Coverage, lang: Lang) -> String {
    if !languages.contains(&lang) {
        return "n/a".into();
    }
    let cites = c.cites(lang);
    if cites.is_empty() {
        return "—".into();
    }
    let mut out = cell(&cites.join(", "));
    if c.restricted(lang) {
        out.push_str(" (restricted)");
    }
    out
}

fn status_cell(doc: &Document, c: &Coverage) -> String {
    let one = doc.languages.len() == 1;
    match c.status {
        Presence::Both => "both".into(),
        Presence::Absent => "**absent**".into(),
        Presence::KkOnly if one => "present".into(),
        Presence::RuOnly if one => "present".into(),
        Presence::KkOnly => "**kk only**".into(),
        Presence::RuOnly => "**ru only**".into(),
    }
}

fn item_label(item: Option<&Item>, id: &str) -> String {
    match item {
        Some(i) => match &i.article {
            Some(a) => format!("`{id}` {} ({a})", cell(&i.name)),
            None => format!("`{id}` {}", cell(&i.name)),
        },
        None => format!("`{id}`"),
    }
}

fn coverage_table(out: &mut String, doc: &Document, covs: &[Coverage], items: &[Item]) {
    let _ = writeln!(out, "| item | kk | ru | status |");
    let _ = writeln!(out, "|---|---|---|---|");
    for c in covs {
        let item = items.iter().find(|i| i.id == c.id);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            item_label(item, &c.id),
            lang_cell(&doc.languages, c, Lang::Kk),
            lang_cell(&doc.languages, c, Lang::Ru),
            status_cell(doc, c)
        );
    }
}

/// `qostil rights`: rights × kk/ru with clause numbers, extra rights,
/// disclosures and red flags.
pub fn rights(doc: &Document, rules: &LegalRules) -> String {
    let mut out = String::new();
    let legal = &doc.legal;
    let _ = writeln!(
        out,
        "# Rights: {}
",
        cell(&title(doc))
    );
    warnings(&mut out, &doc.source.warnings);
    let _ = writeln!(
        out,
        "Checked against: {}.
",
        cell(&legal.law_version)
    );
    let _ = writeln!(
        out,
        "## Rights of the data subject (Art. 24(1))
"
    );
    coverage_table(&mut out, doc, &legal.rights, &rules.rights);
    let _ = writeln!(
        out,
        "
## Extra rights (GDPR-style; not substitutes for the above)
"
    );
    coverage_table(&mut out, doc, &legal.extra_rights, &rules.extra_rights);
    let _ = writeln!(
        out,
        "
## Disclosures
"
    );
    coverage_table(&mut out, doc, &legal.disclosures, &rules.disclosures);
    let _ = writeln!(
        out,
        "
## Red flags
"
    );
    if legal.flags.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for f in &legal.flags {
        let cite = doc
            .clause(&f.clause)
            .map_or(f.clause.as_str(), |c| c.cite());
        let _ = writeln!(
            out,
            "- `{}` {} {}: «{}» — {}",
            f.kind,
            f.lang.code(),
            cell(cite),
            cell(&f.hit.words.join(" ")),
            cell(&f.detail)
        );
    }
    out
}

/// The symbol of an item's presence in the corpus matrix.
fn mark(c: &MatrixCell) -> String {
    let mut s = match c.status {
        Presence::Both => "kk+ru",
        Presence::KkOnly => "kk",
        Presence::RuOnly => "ru",
        Presence::Absent => "—",
    }
    .to_string();
    if c.restricted {
        s.push('*');
    }
    s
}

/// One table of the matrix: `side` 0 for rights, 1 for disclosures.
fn matrix(out: &mut String, audit: &Audit, cmp: &Comparison, side: usize) {
    let ids = if side == 0 {
        &cmp.matrix.rights
    } else {
        &cmp.matrix.disclosures
    };
    let _ = writeln!(out, "| company | {} |", ids.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(ids.len()));
    for (d, row) in audit.documents.iter().zip(&cmp.matrix.rows) {
        let marks: Vec<String> = row[side].iter().map(mark).collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            cell(d.company.as_deref().unwrap_or(&d.source)),
            marks.join(" | ")
        );
    }
}

/// Documents, families, errors and other lists in `report.md` are cut to
/// this many entries; the rest are in `report.json`, the CSV files and
/// `documents.jsonl`. 50 rows is a screen or two: enough to list a small
/// corpus whole, few enough that a corpus of 10,000 stays readable.
pub const LISTED: usize = 50;

/// The documents a summary lists, as indices into the audit's documents:
/// all of them, in path order, when there are at most `n`; otherwise the
/// `n` with the most findings (ties by path), most first.
pub fn listed(cmp: &Comparison, n: usize) -> Vec<usize> {
    let mut all: Vec<usize> = (0..cmp.documents.len()).collect();
    if all.len() > n {
        // A stable sort keeps path order among equal counts.
        all.sort_by_key(|&i| std::cmp::Reverse(cmp.documents[i].findings));
        all.truncate(n);
    }
    all
}

/// "… and N more" after a list cut to [`LISTED`], naming where the rest is.
fn more(out: &mut String, total: usize, shown: usize, where_: &str) {
    if total > shown {
        let _ = writeln!(out, "- … and {} more in {where_}", total - shown);
    }
}

/// The template families of each language: a table of those with two or
/// more members (size, template, deviations by kind, members, the first
/// few named), then how many documents stand alone.
fn families(out: &mut String, audit: &Audit, cmp: &Comparison) {
    /// Members named per family; the rest are counted.
    const NAMED: usize = 5;
    let _ = writeln!(
        out,
        "\n## Template families\n\nDocuments whose version in one language shares a template \
         (5-word shingles, Jaccard ≥ {:.2} after names, contacts and numbers are normalised). \
         Deviations are the members' clauses added, removed or changed against the template; \
         each is in `report.json` with its redline.\n",
        crate::corpus::families::DEFAULT_THRESHOLD
    );
    let name = |i: usize| cell(&audit.documents[i].source);
    for lang in [Lang::Kk, Lang::Ru] {
        if lang == Lang::Ru {
            let _ = writeln!(out);
        }
        let of_lang: Vec<&Family> = cmp.families.iter().filter(|f| f.lang == lang).collect();
        let groups: Vec<&&Family> = of_lang.iter().filter(|f| f.documents.len() > 1).collect();
        let alone = of_lang.len() - groups.len();
        if !groups.is_empty() {
            let _ = writeln!(
                out,
                "| family | size | template clauses | added | removed | changed | high | members |"
            );
            let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---|");
        }
        for f in groups.iter().take(LISTED) {
            let mut kinds = [0usize; 4];
            for &i in &f.documents {
                for v in cmp.documents[i]
                    .deviations
                    .iter()
                    .filter(|v| v.lang == f.lang)
                {
                    kinds[match v.kind {
                        DeviationKind::Added => 0,
                        DeviationKind::Removed => 1,
                        DeviationKind::Changed => 2,
                    }] += 1;
                    if v.severity == Severity::High {
                        kinds[3] += 1;
                    }
                }
            }
            let mut members: Vec<String> = f
                .documents
                .iter()
                .take(NAMED)
                .map(|&i| format!("`{}`", name(i)))
                .collect();
            if f.documents.len() > NAMED {
                members.push(format!("… {} more", f.documents.len() - NAMED));
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                f.id,
                f.documents.len(),
                f.template.as_ref().map_or(0, |t| t.clauses.len()),
                kinds[0],
                kinds[1],
                kinds[2],
                kinds[3],
                members.join(", ")
            );
        }
        if groups.len() > LISTED {
            let _ = writeln!(
                out,
                "\n{} more {} families in `report.json`.",
                groups.len() - LISTED,
                lang.code()
            );
        }
        let _ = writeln!(
            out,
            "\n{}: {} famil{} of two or more, {} document(s) in no family.",
            lang.code(),
            groups.len(),
            if groups.len() == 1 { "y" } else { "ies" },
            alone
        );
    }
}

/// The documents whose kk and ru versions follow different templates.
fn disagreements(out: &mut String, audit: &Audit, cmp: &Comparison) {
    let name = |i: usize| cell(&audit.documents[i].source);
    for &i in cmp.family_disagreements.iter().take(LISTED) {
        let _ = writeln!(
            out,
            "- `{}`: its Kazakh and Russian versions follow different templates.",
            name(i)
        );
    }
    more(
        out,
        cmp.family_disagreements.len(),
        LISTED,
        "`report.json` (`family_disagreements`)",
    );
}

/// The changes since the previous audit: counts, then the documents new,
/// gone and changed (each list cut to [`LISTED`]); the clause changes and
/// findings are in `report.json` (`since`).
fn history(out: &mut String, previous: &str, h: &History) {
    let _ = writeln!(
        out,
        "\n## Changes since the last audit\n\nAgainst `{}`: {} new, {} gone, {} changed, {} unchanged. \
         The changed clauses and the findings that appeared or were resolved are in `report.json` (`since`).\n",
        cell(previous),
        h.new.len(),
        h.gone.len(),
        h.changed.len(),
        h.unchanged
    );
    for s in h.new.iter().take(LISTED) {
        let _ = writeln!(out, "- new: `{}`", cell(s));
    }
    more(out, h.new.len(), LISTED, "`report.json`");
    for s in h.gone.iter().take(LISTED) {
        let _ = writeln!(out, "- gone: `{}`", cell(s));
    }
    more(out, h.gone.len(), LISTED, "`report.json`");
    for c in h.changed.iter().take(LISTED) {
        let _ = writeln!(
            out,
            "- changed: `{}` ({} clauses changed, {} findings appeared, {} resolved)",
            cell(&c.source),
            c.clauses.len(),
            c.appeared.len(),
            c.resolved.len()
        );
    }
    more(out, h.changed.len(), LISTED, "`report.json`");
}

/// A redline in Markdown: deleted words struck through, inserted in bold,
/// cut to [`REDLINE`] characters of kept text around the edits.
fn redline(edits: &[Edit]) -> String {
    let mut out = String::new();
    for (i, e) in edits.iter().enumerate() {
        let text = cell(&e.text).replace(['*', '~'], "");
        match e.op {
            EditOp::Equal => {
                let n = text.chars().count();
                if n <= 2 * REDLINE {
                    out.push_str(&text);
                } else {
                    let head: String = text.chars().take(REDLINE).collect();
                    let tail: String = text.chars().skip(n - REDLINE).collect();
                    match (i == 0, i + 1 == edits.len()) {
                        (true, _) => out.push_str(&format!("…{tail}")),
                        (_, true) => out.push_str(&format!("{head}…")),
                        _ => out.push_str(&format!("{head} … {tail}")),
                    }
                }
            }
            EditOp::Delete | EditOp::Insert if text.trim().is_empty() => out.push_str(&text),
            op => {
                let mark = if op == EditOp::Delete { "~~" } else { "**" };
                // The edit's own spaces stay outside the marks.
                let lead = &text[..text.len() - text.trim_start().len()];
                let trail = &text[text.trim_end().len()..];
                out.push_str(&format!("{lead}{mark}{}{mark}{trail}", text.trim()));
                // A deletion and an insertion side by side: one space apart.
                if edits.get(i + 1).is_some_and(|n| n.op != EditOp::Equal) && trail.is_empty() {
                    out.push(' ');
                }
            }
        }
    }
    out
}

/// Kept text shown around an edit in a redline, in characters.
const REDLINE: usize = 40;

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

/// `qostil check`: the findings.
pub fn findings(doc: &Document, min: Severity) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Findings: {}\n", cell(&title(doc)));
    warnings(&mut out, &doc.source.warnings);
    let shown: Vec<&Finding> = doc.findings.iter().filter(|f| f.severity >= min).collect();
    if shown.is_empty() {
        let _ = writeln!(out, "No findings at or above {}.", min.name());
    }
    for f in shown {
        finding_md(&mut out, f);
    }
    out
}

/// `report/report.md` of `qostil audit`.
pub fn audit(
    audit: &Audit,
    cmp: &Comparison,
    min: Severity,
    since: Option<(&str, &History)>,
) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail; the text is UTF-8.
    let _ = write_audit(&mut out, audit, cmp, min, since);
    String::from_utf8(out).unwrap_or_default()
}

/// The findings of the corpus by severity and by kind: how many, and in
/// how many documents.
fn findings_summary(out: &mut String, cmp: &Comparison, min: Severity) {
    let _ = writeln!(out, "## Findings\n");
    if cmp.findings == 0 {
        let _ = writeln!(out, "No findings at or above `{}`.\n", min.name());
        return;
    }
    let severities = [
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];
    let shown: Vec<Severity> = severities.into_iter().filter(|&s| s >= min).collect();
    // Documents with a finding of each shown severity.
    let mut docs_with = vec![0usize; shown.len()];
    for c in &cmp.documents {
        for (k, s) in shown.iter().enumerate() {
            if c.by_kind.values().any(|by| by.contains_key(s.name())) {
                docs_with[k] += 1;
            }
        }
    }
    let _ = writeln!(out, "| severity | findings | documents |");
    let _ = writeln!(out, "|---|---:|---:|");
    for (k, s) in shown.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            s.name(),
            cmp.by_severity.get(s.name()).copied().unwrap_or(0),
            docs_with[k]
        );
    }
    let _ = writeln!(
        out,
        "| all | {} | {} |\n",
        cmp.findings,
        cmp.documents.iter().filter(|c| c.findings > 0).count()
    );
    let names: Vec<&str> = shown.iter().map(|s| s.name()).collect();
    let _ = writeln!(out, "| kind | {} | all | documents |", names.join(" | "));
    let _ = writeln!(out, "|---|{}---:|---:|", "---:|".repeat(shown.len()));
    for (kind, total) in cmp.kind_totals() {
        let by: Vec<usize> = shown
            .iter()
            .map(|s| total.by_severity.get(s.name()).copied().unwrap_or(0))
            .collect();
        let cells: Vec<String> = by.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "| `{kind}` | {} | {} | {} |",
            cells.join(" | "),
            by.iter().sum::<usize>(),
            total.documents
        );
    }
    let _ = writeln!(out);
}

/// The documents table: all documents up to [`LISTED`], else those with
/// the most findings.
fn documents(out: &mut String, audit: &Audit, cmp: &Comparison) {
    let _ = writeln!(out, "## Documents\n");
    let listed = listed(cmp, LISTED);
    if listed.len() < audit.documents.len() {
        let _ = writeln!(
            out,
            "The {} documents with the most findings, of {} (every document is a line of \
             `documents.jsonl`).\n",
            listed.len(),
            audit.documents.len()
        );
    }
    let _ = writeln!(
        out,
        "| company | file | languages | kk clauses | ru clauses | aligned pairs | findings | high | families |"
    );
    let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|---:|---|");
    for i in listed {
        let (doc, counts) = (&audit.documents[i], &cmp.documents[i]);
        let langs: Vec<&str> = doc.languages.iter().map(|l| l.code()).collect();
        let high: usize = counts
            .by_kind
            .values()
            .filter_map(|s| s.get(Severity::High.name()))
            .sum();
        let families: Vec<&str> = counts
            .family
            .iter()
            .flatten()
            .map(|&f| cmp.families[f].id.as_str())
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(doc.company.as_deref().unwrap_or("?")),
            cell(&doc.source),
            langs.join(" + "),
            counts.clauses["kk"],
            counts.clauses["ru"],
            counts.aligned_pairs,
            counts.findings,
            high,
            families.join(", ")
        );
    }
}

/// Rights and disclosures across the corpus: per item, how many documents
/// have it in both languages, in one, none, or with a condition; then the
/// company × item matrix when the corpus is small enough to read it.
fn rights_summary(out: &mut String, audit: &Audit, cmp: &Comparison, law_version: &str) {
    let _ = writeln!(out, "\n## Rights and disclosures across the corpus\n");
    let _ = writeln!(
        out,
        "Checked against: {}. Documents per item and status: `both` in both versions, \
         `kk only` or `ru only` in one version only, `absent` in none, `restricted` granted \
         with a condition. Per document: `rights.csv`.\n",
        cell(law_version)
    );
    let _ = writeln!(
        out,
        "| item | both | kk only | ru only | absent | restricted |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
    for (side, kind) in [(0, "right"), (1, "disclosure")] {
        let ids = if side == 0 {
            &cmp.matrix.rights
        } else {
            &cmp.matrix.disclosures
        };
        for (k, id) in ids.iter().enumerate() {
            let mut n = [0usize; 5];
            for row in &cmp.matrix.rows {
                if let Some(c) = row[side].get(k).filter(|c| &c.id == id) {
                    n[match c.status {
                        Presence::Both => 0,
                        Presence::KkOnly => 1,
                        Presence::RuOnly => 2,
                        Presence::Absent => 3,
                    }] += 1;
                    if c.restricted {
                        n[4] += 1;
                    }
                }
            }
            let _ = writeln!(
                out,
                "| {kind} `{id}` | {} | {} | {} | {} | {} |",
                n[0], n[1], n[2], n[3], n[4]
            );
        }
    }
    if audit.documents.len() <= LISTED {
        let _ = writeln!(
            out,
            "\nPer company: `kk+ru` in both versions, `kk` or `ru` in one version only, \
             `—` absent, `*` granted with a condition.\n"
        );
        matrix(out, audit, cmp, 0);
        let _ = writeln!(out);
        matrix(out, audit, cmp, 1);
    }
}

/// Write `report/report.md` of `qostil audit` to `w`: a summary that stays
/// readable at any corpus size (counts, findings by severity and kind, the
/// documents table, rights and disclosures across the corpus, the
/// template families, changes since the last audit, errors and skipped
/// files), every list cut to [`LISTED`] entries. The full detail of each
/// document is in the JSON, CSV and JSON Lines reports.
///
/// Errors: those of `w`.
pub fn write_audit(
    mut w: impl std::io::Write,
    audit: &Audit,
    cmp: &Comparison,
    min: Severity,
    since: Option<(&str, &History)>,
) -> std::io::Result<()> {
    let mut out = String::new();
    let _ = writeln!(out, "# qostil audit\n");
    let _ = writeln!(
        out,
        "{} documents, {} errors, {} skipped. Findings at or above `{}`: {}.\n",
        audit.documents.len(),
        audit.errors.len(),
        audit.skipped.len(),
        min.name(),
        cmp.findings
    );
    let _ = writeln!(
        out,
        "This is the summary. Each finding with its evidence is in `findings.csv` and \
         `report.json`, each document's rights and disclosures in `rights.csv`, one line per \
         document in `documents.jsonl`, the deviations' redlines in `report.json`.\n"
    );
    findings_summary(&mut out, cmp, min);
    documents(&mut out, audit, cmp);
    if let Some(first) = audit.documents.first() {
        rights_summary(&mut out, audit, cmp, &first.legal.law_version);
        families(&mut out, audit, cmp);
        disagreements(&mut out, audit, cmp);
    }
    if let Some((previous, h)) = since {
        history(&mut out, previous, h);
    }
    if !audit.errors.is_empty() {
        let _ = writeln!(out, "\n## Errors\n");
        for (path, e) in audit.errors.iter().take(LISTED) {
            let _ = writeln!(out, "- `{}`: {}", cell(path), cell(&e.to_string()));
        }
        more(
            &mut out,
            audit.errors.len(),
            LISTED,
            "`report.json` (`errors`)",
        );
    }
    // Warnings: what was read with a doubt (an unpaired half, a guessed
    // encoding, Kazakh in Latin letters), a line each.
    let warned: Vec<(&str, &Warning)> = audit
        .documents
        .iter()
        .flat_map(|d| d.warnings.iter().map(move |w| (d.source.as_str(), w)))
        .collect();
    if !warned.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for (source, w) in warned.iter().take(LISTED) {
            let _ = writeln!(out, "- `{}`: {}", cell(source), cell(&w.to_string()));
        }
        more(
            &mut out,
            warned.len(),
            LISTED,
            "`documents.jsonl` (`warnings`)",
        );
    }
    if !audit.skipped.is_empty() {
        let _ = writeln!(out, "\n## Skipped\n");
        let _ = writeln!(out, "| reason | files | first |");
        let _ = writeln!(out, "|---|---:|---|");
        // Reasons in order of their first file; each counted once.
        let mut reasons: Vec<(&str, usize, &str)> = Vec::new();
        let mut at: std::collections::BTreeMap<&str, usize> = Default::default();
        for (path, why) in &audit.skipped {
            match at.get(why.as_str()) {
                Some(&k) => reasons[k].1 += 1,
                None => {
                    at.insert(why, reasons.len());
                    reasons.push((why, 1, path));
                }
            }
        }
        for (why, n, first) in reasons.iter().take(LISTED) {
            let _ = writeln!(out, "| {} | {n} | `{}` |", cell(why), cell(first));
        }
        if reasons.len() > LISTED {
            let _ = writeln!(
                out,
                "\n{} more reasons in `report.json` (`skipped`).",
                reasons.len() - LISTED
            );
        }
    }
    w.write_all(out.as_bytes())
}

/// One change between two versions: severity, what, the clause (and the
/// old version's), the redline.
fn change_line(v: &Deviation) -> String {
    let what = match (v.kind, v.change) {
        (DeviationKind::Changed, Some(c)) => format!("changed ({})", change_name(c)),
        (DeviationKind::Changed, None) => "changed".into(),
        (DeviationKind::Added, _) => "added".into(),
        (DeviationKind::Removed, _) => "removed".into(),
    };
    let was = v
        .template_clause
        .as_ref()
        .map(|(_, id)| format!(" (was `{id}`)"))
        .unwrap_or_default();
    format!(
        "**{}** {} `{}`{}: {}",
        v.severity.name(),
        what,
        v.clause.as_deref().unwrap_or("—"),
        was,
        redline(&v.redline)
    )
}

/// `qostil diff`: the changes between two versions, per language.
pub fn diff(old: &Document, new: &Document, changes: &[Deviation]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Changes: {} → {}\n",
        cell(&old.source.name),
        cell(&new.source.name)
    );
    if changes.is_empty() {
        let _ = writeln!(out, "No clause changed.");
        return out;
    }
    for lang in [Lang::Kk, Lang::Ru] {
        let of_lang: Vec<&Deviation> = changes.iter().filter(|v| v.lang == lang).collect();
        if of_lang.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {} ({} changes)\n", lang.name(), of_lang.len());
        for v in of_lang {
            let _ = writeln!(out, "- {}", change_line(v));
        }
        let _ = writeln!(out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClauseRef, Evidence, FindingKind};

    #[test]
    fn an_absence_names_the_version_not_the_patterns_searched() {
        let quote = |lang, clauses: Vec<ClauseRef>, text: &str| Evidence {
            lang,
            clauses,
            text: text.into(),
            marks: vec![],
        };
        let f = Finding {
            kind: FindingKind::RightMissing,
            severity: Severity::High,
            lang: None,
            clauses: vec![ClauseRef::local("ru:3.1")],
            message: "the right `block` is not granted".into(),
            evidence: vec![
                quote(
                    Lang::Ru,
                    vec![ClauseRef::local("ru:3.1")],
                    "3.1. Вы вправе знать.",
                ),
                quote(Lang::Kk, vec![], "searched: бұғатта | иесіздендір"),
            ],
        };
        let mut out = String::new();
        finding_item(&mut out, &f, "-");
        assert!(!out.contains("searched"), "{out}");
        assert!(
            out.contains("  - kk: not found in the Kazakh version\n"),
            "{out}"
        );
        // The clause label already names the language: no «ru ru:3.1».
        assert!(
            out.contains("  - ru:3.1: «3.1. Вы вправе знать.»\n"),
            "{out}"
        );
    }

    use crate::corpus::compare::{DocCounts, compare};
    use crate::corpus::record::DocRecord;

    #[test]
    fn a_summary_lists_every_document_up_to_the_limit_then_the_most_findings() {
        let cmp = Comparison {
            documents: [3, 0, 5, 5, 1]
                .map(|n| DocCounts {
                    findings: n,
                    ..DocCounts::default()
                })
                .to_vec(),
            ..Comparison::default()
        };
        assert_eq!(listed(&cmp, 5), [0, 1, 2, 3, 4]);
        assert_eq!(listed(&cmp, 9), [0, 1, 2, 3, 4]);
        assert_eq!(listed(&cmp, 3), [2, 3, 0]);
    }

    #[test]
    fn the_audit_report_does_not_grow_with_the_corpus() {
        let one = DocRecord::of_text(
            "a.txt",
            "1.1. Деректер 5 жыл сақталады.\n\n1.1. Данные хранятся 3 года.\n",
        );
        let size = |n: usize| {
            let mut audit = Audit::default();
            for i in 0..n {
                let mut d = one.clone();
                d.source = format!("d{i:04}.txt");
                audit.documents.push(d);
                audit
                    .errors
                    .push((format!("e{i:04}.pdf"), format!("e{i:04}.pdf: truncated")));
                audit
                    .skipped
                    .push((format!("s{i:04}.doc"), "a .doc".into()));
            }
            let cmp = compare(&audit.documents, Severity::Info);
            let text = self::audit(&audit, &cmp, Severity::Info, None);
            assert!(text.contains(&format!("{n} documents, {n} errors, {n} skipped")));
            text.lines().count()
        };
        let (small, large) = (size(LISTED), size(4 * LISTED));
        assert!(
            large <= small + 8,
            "{small} lines for {LISTED}, {large} for 4×"
        );
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc <script>"), "a\\|b c &lt;script>");
    }
}
