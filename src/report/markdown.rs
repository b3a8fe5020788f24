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
        for f in whole {
            finding_md(&mut out, f);
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
        let _ = writeln!(
            out,
            "  - {} {}: «{}»",
            e.lang.code(),
            e.clause_label().unwrap_or_default(),
            cell(&clip(&e.marked(), QUOTE))
        );
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

/// The template families: those with two or more members, then how many
/// documents stand alone, per language.
fn families(out: &mut String, audit: &Audit, cmp: &Comparison) {
    let _ = writeln!(
        out,
        "\n## Template families\n\nDocuments whose version in one language shares a template \
         (5-word shingles, Jaccard ≥ {:.2} after names, contacts and numbers are normalised).\n",
        crate::corpus::families::DEFAULT_THRESHOLD
    );
    let name = |i: usize| cell(&audit.documents[i].source);
    for lang in [Lang::Kk, Lang::Ru] {
        let of_lang: Vec<_> = cmp.families.iter().filter(|f| f.lang == lang).collect();
        let alone = of_lang.iter().filter(|f| f.documents.len() == 1).count();
        for f in of_lang.iter().filter(|f| f.documents.len() > 1) {
            let members: Vec<String> = f
                .documents
                .iter()
                .map(|&i| format!("`{}`", name(i)))
                .collect();
            let _ = writeln!(
                out,
                "- **{}** ({} documents): {}",
                f.id,
                f.documents.len(),
                members.join(", ")
            );
            for &(a, b, j) in &f.links {
                let _ = writeln!(out, "  - `{}` ~ `{}`: Jaccard {:.3}", name(a), name(b), j);
            }
        }
        let _ = writeln!(
            out,
            "- {}: {} document(s) in no family.",
            lang.code(),
            alone
        );
    }
}

/// The documents whose kk and ru versions follow different templates.
fn disagreements(out: &mut String, audit: &Audit, cmp: &Comparison) {
    let name = |i: usize| cell(&audit.documents[i].source);
    for &i in &cmp.family_disagreements {
        let _ = writeln!(
            out,
            "- `{}`: its Kazakh and Russian versions follow different templates.",
            name(i)
        );
    }
}

/// The changes since the previous audit.
fn history(out: &mut String, previous: &str, h: &History) {
    let _ = writeln!(
        out,
        "\n## Changes since the last audit\n\nAgainst `{}`: {} new, {} gone, {} changed, {} unchanged.\n",
        cell(previous),
        h.new.len(),
        h.gone.len(),
        h.changed.len(),
        h.unchanged
    );
    for s in &h.new {
        let _ = writeln!(out, "- new: `{}`", cell(s));
    }
    for s in &h.gone {
        let _ = writeln!(out, "- gone: `{}`", cell(s));
    }
    for c in &h.changed {
        let _ = writeln!(
            out,
            "- changed: `{}` ({} clauses changed, {} findings appeared, {} resolved)",
            cell(&c.source),
            c.clauses.len(),
            c.appeared.len(),
            c.resolved.len()
        );
        for v in &c.clauses {
            let _ = writeln!(out, "  - {}", change_line(v));
        }
        for (what, fs) in [("appeared", &c.appeared), ("resolved", &c.resolved)] {
            for f in fs {
                let _ = writeln!(
                    out,
                    "  - {what}: **{}** `{}`: {}",
                    f.severity.name(),
                    f.kind,
                    cell(&f.message)
                );
            }
        }
    }
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

/// A family's template and its members' deviations from it.
fn deviations(out: &mut String, audit: &Audit, cmp: &Comparison, f: &Family) {
    let Some(t) = &f.template else { return };
    let _ = writeln!(
        out,
        "\n### Family {}: deviations from its template\n\nThe template has {} clauses shared by at least half of the {} members.\n",
        f.id,
        t.clauses.len(),
        f.documents.len()
    );
    if t.undirected {
        let _ = writeln!(
            out,
            "With two members no version is the majority: their differences are listed \
             once, on the later member, without saying which is the original.\n"
        );
    }
    for &i in &f.documents {
        let devs: Vec<&Deviation> = cmp.documents[i]
            .deviations
            .iter()
            .filter(|v| v.lang == f.lang)
            .collect();
        let _ = writeln!(
            out,
            "- `{}`: {} deviation(s)",
            cell(&audit.documents[i].source),
            devs.len()
        );
        for v in devs {
            let what = match (v.kind, v.change) {
                (DeviationKind::Changed, Some(c)) => format!("changed ({})", change_name(c)),
                (DeviationKind::Changed, None) => "changed".into(),
                (DeviationKind::Added, _) => "added".into(),
                (DeviationKind::Removed, _) => "removed".into(),
            };
            let template = v
                .template_clause
                .as_ref()
                .map(|(d, id)| format!(" ← `{}#{}`", cell(&audit.documents[*d].source), id))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - **{}** {} `{}`{}: {}",
                v.severity.name(),
                what,
                v.clause.as_deref().unwrap_or("—"),
                template,
                redline(&v.redline)
            );
        }
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

/// Text of the Markdown audit held before it is handed to the writer.
const FLUSH_AT: usize = 1 << 20;

/// Hand `out` to `w` once it holds [`FLUSH_AT`] bytes or more.
fn flush(out: &mut String, w: &mut impl std::io::Write) -> std::io::Result<()> {
    if out.len() >= FLUSH_AT {
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    Ok(())
}

/// Write `report/report.md` of `qostil audit` to `w` as it is produced, a
/// family or a document at a time (at most about [`FLUSH_AT`] bytes are
/// held): the same text as [`audit`].
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
        "{} documents, {} errors, {} skipped. Findings at or above `{}`.\n",
        audit.documents.len(),
        audit.errors.len(),
        audit.skipped.len(),
        min.name()
    );
    let _ = writeln!(
        out,
        "| company | file | languages | kk clauses | ru clauses | aligned pairs | findings |"
    );
    let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|");
    for (doc, counts) in audit.documents.iter().zip(&cmp.documents) {
        let langs: Vec<&str> = doc.languages.iter().map(|l| l.code()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(doc.company.as_deref().unwrap_or("?")),
            cell(&doc.source),
            langs.join(" + "),
            counts.clauses["kk"],
            counts.clauses["ru"],
            counts.aligned_pairs,
            counts.findings
        );
    }
    if let Some(first) = audit.documents.first() {
        let _ = writeln!(out, "\n## Rights and disclosures across the corpus\n");
        let _ = writeln!(
            out,
            "Checked against: {}. `kk+ru` in both versions, `kk` or `ru` in one \
             version only, `—` absent, `*` granted with a condition.\n",
            cell(&first.legal.law_version)
        );
        matrix(&mut out, audit, cmp, 0);
        let _ = writeln!(out);
        matrix(&mut out, audit, cmp, 1);
        families(&mut out, audit, cmp);
        for f in cmp.families.iter().filter(|f| f.template.is_some()) {
            deviations(&mut out, audit, cmp, f);
            flush(&mut out, &mut w)?;
        }
        disagreements(&mut out, audit, cmp);
    }
    if let Some((previous, h)) = since {
        history(&mut out, previous, h);
    }
    if !audit.errors.is_empty() {
        let _ = writeln!(out, "\n## Errors\n");
        for (path, e) in &audit.errors {
            let _ = writeln!(out, "- `{}`: {}", cell(path), cell(&e.to_string()));
        }
    }
    if !audit.skipped.is_empty() {
        let _ = writeln!(out, "\n## Skipped\n");
        for (path, why) in &audit.skipped {
            let _ = writeln!(out, "- `{}`: {}", cell(path), cell(why));
        }
    }
    for (doc, counts) in audit.documents.iter().zip(&cmp.documents) {
        let _ = writeln!(
            out,
            "\n## {}\n",
            cell(&title_of(
                doc.company.as_deref(),
                &doc.source,
                &doc.languages
            ))
        );
        if let Some(w) = &doc.website {
            let _ = writeln!(out, "Website: {}\n", cell(w));
        }
        warnings(&mut out, &doc.warnings);
        if !counts.lacks.is_empty() {
            let lacks: Vec<String> = counts
                .lacks
                .iter()
                .map(|l| {
                    format!(
                        "{} `{}` ({:.0}% of the corpus)",
                        l.what,
                        l.id,
                        l.share * 100.0
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "Lacks what most of the corpus has: {}.\n",
                lacks.join(", ")
            );
        }
        if !counts.unique.is_empty() {
            let ids = &counts.unique;
            let _ = writeln!(
                out,
                "Alone in its family; {} clause(s) found in no other document: {}.\n",
                ids.len(),
                ids.join(", ")
            );
        }
        let _ = writeln!(out, "| right, extra right, disclosure | kk | ru |");
        let _ = writeln!(out, "|---|---|---|");
        let legal = &doc.legal;
        for (kind, covs) in [
            ("right", &legal.rights),
            ("extra", &legal.extra_rights),
            ("disclosure", &legal.disclosures),
        ] {
            for c in covs {
                let _ = writeln!(
                    out,
                    "| {kind} `{}` | {} | {} |",
                    c.id,
                    lang_cell(&doc.languages, c, Lang::Kk),
                    lang_cell(&doc.languages, c, Lang::Ru)
                );
            }
        }
        let _ = writeln!(out);
        let by_kind = &counts.by_kind;
        if by_kind.is_empty() {
            let _ = writeln!(out, "No findings.");
            continue;
        }
        let _ = writeln!(out, "| finding | count | by severity |");
        let _ = writeln!(out, "|---|---:|---|");
        for (kind, sev) in by_kind {
            let total: usize = sev.values().sum();
            let detail: Vec<String> = sev.iter().map(|(s, n)| format!("{s} {n}")).collect();
            let _ = writeln!(out, "| `{kind}` | {total} | {} |", detail.join(", "));
        }
        let _ = writeln!(out);
        for f in doc.findings.iter().filter(|f| f.severity >= min) {
            finding_md(&mut out, f);
        }
        flush(&mut out, &mut w)?;
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

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc <script>"), "a\\|b c &lt;script>");
    }
}
