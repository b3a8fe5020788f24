//! The `qostil` binary: parse the command line ([`cli`]), resolve it
//! ([`config`]), call one library entry point per command, and map the
//! outcome to an exit code:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done, no findings at or above `--min-severity` (and `--help`, `--version`) |
//! | 1 | done, findings at or above the threshold (`check`, `audit`) |
//! | 2 | an error: bad arguments, an unreadable input; for `audit`, any file failed |

mod cli;
mod config;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use qostil::corpus::audit::Progress;
use qostil::corpus::compare::Comparison;
use qostil::corpus::{self, Audit};
use qostil::model::{Document, Severity};
use qostil::report::{csv, html, json, jsonl, markdown, tmx};

/// The allocator. The corpus stage and the per-document pipeline make
/// millions of small strings (words, spans, quotes); glibc's malloc and
/// free took about a third of the CPU of a 10,000-policy reduce.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use config::{AuditJob, DiffJob, DocumentJob, Input, Job, Settings, SketchJob, View};

/// What a run found, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Clean,
    Findings,
    Errors,
}

impl Outcome {
    /// Errors (inputs that failed) outrank findings.
    fn of(errors: usize, findings: usize) -> Outcome {
        if errors > 0 {
            Outcome::Errors
        } else if findings > 0 {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

/// The process's exit code for a run's result.
fn exit_code(result: &Result<Outcome>) -> u8 {
    match result {
        Ok(Outcome::Clean) => 0,
        Ok(Outcome::Findings) => 1,
        Ok(Outcome::Errors) | Err(_) => 2,
    }
}

/// The exit code of a command line clap refused: 0 for `--help` and
/// `--version` (printed to standard output), 2 for a usage error.
fn usage_exit_code(e: &clap::Error) -> u8 {
    if e.use_stderr() { 2 } else { 0 }
}

/// An error and its causes, joined by ": ", each cause once: library errors
/// already end with their cause's text (see `qostil::error`).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.is_empty() {
            out = text;
        } else if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(usage_exit_code(&e));
        }
    };
    let result = Settings::resolve(args).and_then(run);
    if let Err(e) = &result {
        eprintln!("qostil: {}", message(e));
    }
    ExitCode::from(exit_code(&result))
}

/// Run one resolved command.
fn run(settings: Settings) -> Result<Outcome> {
    let rules = settings.rules_data()?;
    let quiet = settings.quiet;
    let outcome = match settings.job {
        Job::Document(job) => document(&job, &rules, quiet),
        Job::Audit(job) => audit(&job, &rules, quiet),
        Job::Sketch(job) => sketch(&job, &rules),
        Job::Diff(job) => diff(&job, &rules),
    };
    // Said once per run, and only when Kazakh text was spell-checked.
    if !quiet && let Some(why) = rules.dictionary.failed() {
        eprintln!(
            "qostil: warning: {why}: Kazakh spelling was checked against the built-in word list \
             only (install Debian's hunspell-kk, or give --dictionary FILE.dic)"
        );
    }
    outcome
}

/// `parse`, `align`, `check`, `rights`: [`qostil::analyze`] (or
/// [`qostil::analyze_pair`] for a policy published as two files), then the
/// view's writer; warnings on standard error unless `quiet`.
fn document(job: &DocumentJob, rules: &qostil::Config, quiet: bool) -> Result<Outcome> {
    let bytes = read_input(&job.input)?;
    // A PDF can take seconds: a spinner on a terminal meanwhile.
    let pdf = |name: &str| name.to_ascii_lowercase().ends_with(".pdf");
    let spinner = if pdf(job.input.name()) || job.second.as_ref().is_some_and(|s| pdf(s.name())) {
        let bar = progress_bar(quiet, None);
        bar.set_message(format!("reading {}", job.input.name()));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let doc = match &job.second {
        None => qostil::analyze(job.input.name(), &bytes, rules).map_err(anyhow::Error::from),
        Some(second) => read_input(second).and_then(|other| {
            Ok(qostil::analyze_pair(
                job.input.name(),
                &bytes,
                second.name(),
                &other,
                rules,
            )?)
        }),
    };
    spinner.finish_and_clear();
    let doc = doc?;
    if !quiet {
        for w in &doc.source.warnings {
            eprintln!("qostil: warning: {}: {w}", doc.source.name);
        }
    }
    let min = job.min_severity;
    let text = match job.view {
        View::Model => json::document(&doc, min),
        View::AlignmentMd => markdown::alignment(&doc),
        View::AlignmentJson => json::alignment(&doc),
        View::AlignmentHtml => html::alignment(&doc),
        View::AlignmentTmx => tmx::tmx(&doc, &job.units)?,
        View::AlignmentTsv => tmx::tsv(&doc),
        View::FindingsMd => markdown::findings(&doc, min),
        View::FindingsJson => json::findings(&doc, min),
        View::RightsMd => markdown::rights(&doc, &rules.rules),
        View::RightsJson => json::rights(&doc),
        // `diff` has its own job (two inputs); config never makes this.
        View::DiffMd | View::DiffJson => anyhow::bail!("diff takes two files"),
    };
    write_output(job.output.as_deref(), &text)?;
    Ok(if job.task.reports_findings() {
        Outcome::of(0, shown(&doc, min))
    } else {
        Outcome::Clean
    })
}

/// `audit`: [`corpus::audit`] (a progress bar on a terminal), the
/// reports, and a summary on standard output naming each report; `quiet`
/// leaves out the summary, the warnings and the progress bar, not the
/// errors.
fn audit(job: &AuditJob, rules: &qostil::Config, quiet: bool) -> Result<Outcome> {
    check_audit_paths(job)?;
    threads(job.threads)?;
    std::fs::create_dir_all(&job.out_dir)
        .with_context(|| format!("cannot create {}", job.out_dir.display()))?;
    let clock = std::time::Instant::now();
    let lap = |phase: &str| {
        if job.timings {
            eprintln!(
                "qostil: {phase} done at {:.3} s",
                clock.elapsed().as_secs_f64()
            );
        }
    };
    let audit = if job.from.is_empty() {
        let mut walk = job.walk.clone();
        walk.exclude.push(job.out_dir.clone());
        let bar = progress_bar(quiet, Some("documents"));
        let audit = corpus::audit::audit_with_progress(&job.dir, &walk, rules, &|p| match p {
            Progress::Walked { total } => bar.set_length(total as u64),
            Progress::Analysed { .. } => bar.inc(1),
        });
        bar.finish_and_clear();
        audit?
    } else {
        let mut lines = Vec::new();
        for path in &job.from {
            let read = if path.as_os_str() == "-" {
                corpus::read_records_from("-", std::io::stdin().lock())?
            } else {
                let file = std::fs::File::open(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                corpus::read_records_from(
                    &path.display().to_string(),
                    std::io::BufReader::with_capacity(1 << 20, file),
                )?
            };
            lines.extend(read);
        }
        Audit::from_lines(lines)
    };
    let json_path = job.out_dir.join("report.json");
    let md_path = job.out_dir.join("report.md");
    let min = job.min_severity;
    lap(if job.from.is_empty() {
        "analysis"
    } else {
        "reading the records"
    });
    let cmp = corpus::compare::compare(&audit.documents, min);
    lap("corpus comparison");
    // The previous report is read before this run's is written: it may be
    // the same file.
    let history = match &job.since {
        Some(path) => {
            let name = path.display().to_string();
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
            let previous = corpus::history::Previous::parse(&name, &text)?;
            // The previous audit's records, if kept beside its report.
            let beside = path.with_file_name("records.jsonl");
            let records: Vec<_> = match std::fs::File::open(&beside) {
                Ok(file) => corpus::read_records_from(
                    &beside.display().to_string(),
                    std::io::BufReader::with_capacity(1 << 20, file),
                )?
                .into_iter()
                .filter_map(|l| match l {
                    corpus::record::Line::Doc(d) => Some(*d),
                    _ => None,
                })
                .collect(),
                Err(_) => Vec::new(),
            };
            let h = corpus::history::since(&previous, &records, &audit, min);
            Some((name, h))
        }
        None => None,
    };
    let since = history.as_ref().map(|(n, h)| (n.as_str(), h));
    // Every report written, in the order the summary names them.
    let mut written: Vec<PathBuf> = Vec::new();
    write_file(&json_path, |w| {
        json::write_audit(w, &audit, &cmp, min, since)
    })?;
    written.push(json_path);
    write_file(&md_path, |w| {
        markdown::write_audit(w, &audit, &cmp, min, since)
    })?;
    written.push(md_path.clone());
    let findings_path = job.out_dir.join("findings.csv");
    write_file(&findings_path, |w| csv::write_findings(w, &audit, min))?;
    written.push(findings_path);
    let rights_path = job.out_dir.join("rights.csv");
    write_file(&rights_path, |w| csv::write_rights(w, &audit))?;
    written.push(rights_path);
    let documents_path = job.out_dir.join("documents.jsonl");
    write_file(&documents_path, |w| {
        jsonl::write_documents(w, &audit, &cmp, min)
    })?;
    written.push(documents_path);
    let site = qostil::report::audit_html::Site::new(&audit, &cmp, min);
    std::fs::create_dir_all(job.out_dir.join(qostil::report::audit_html::DIR))
        .with_context(|| format!("cannot create {}", job.out_dir.display()))?;
    for page in site.pages() {
        write_file(&job.out_dir.join(site.path(page)), |w| site.write(page, w))?;
    }
    for stale in site.stale(&job.out_dir) {
        let _ = std::fs::remove_file(stale);
    }
    written.push(
        job.out_dir
            .join(site.path(qostil::report::audit_html::Page::Index)),
    );
    lap("the HTML report");
    // Records read with --from are already kept where they were read.
    if job.from.is_empty() {
        let records_path = job.out_dir.join("records.jsonl");
        write_file(&records_path, |w| write_records(w, &audit))?;
        written.push(records_path);
    }
    lap("reports");
    if !quiet {
        write_output(None, &summary(&audit, &cmp, &job.out_dir, &written))?;
        for d in &audit.documents {
            for w in &d.warnings {
                eprintln!("qostil: warning: {}: {w}", d.source);
            }
        }
    }
    for (_, e) in &audit.errors {
        eprintln!("qostil: {e}");
    }
    if !quiet && !audit.skipped.is_empty() {
        eprintln!(
            "qostil: {} files skipped, each with its reason in {}",
            audit.skipped.len(),
            md_path.display()
        );
    }
    // An audit that read no document is not a clean one: a folder of
    // .docx files or an empty one must not pass silently.
    if audit.documents.is_empty() {
        eprintln!("qostil: no document was audited");
        return Ok(Outcome::Errors);
    }
    Ok(Outcome::of(audit.errors.len(), cmp.findings))
}

/// `sketch`: the records of the inputs, one JSON line each, on standard
/// output.
fn sketch(job: &SketchJob, rules: &qostil::Config) -> Result<Outcome> {
    threads(job.threads)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut errors = 0;
    let mut failed: Option<std::io::Error> = None;
    corpus::sketch_paths(&job.paths, &job.walk, rules, |line| {
        if let corpus::record::Line::Error { error, .. } = &line {
            eprintln!("qostil: {error}");
            errors += 1;
        }
        // A closed pipe or a full disk ends the run; the library's error
        // type has no place for it, so it is kept here.
        if failed.is_none()
            && let Err(e) = serde_json::to_writer(&mut out, &line)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        {
            failed = Some(e);
        }
        Ok(())
    })?;
    if let Some(e) = failed {
        return Err(e).context("cannot write the records");
    }
    out.flush().context("cannot write the records")?;
    Ok(Outcome::of(errors, 0))
}

/// `diff`: both versions analysed, their clauses compared per language.
/// Exit 1 when they differ, 0 when they do not (as `diff` does).
fn diff(job: &DiffJob, rules: &qostil::Config) -> Result<Outcome> {
    let read = |p: &Path| -> Result<qostil::model::Document> {
        let name = p.display().to_string();
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {name}"))?;
        Ok(qostil::analyze(&name, &bytes, rules)?)
    };
    let (old, new) = (read(&job.old)?, read(&job.new)?);
    let changes = corpus::history::versions(&old, &new);
    let text = match job.view {
        View::DiffJson => json::diff(&old, &new, &changes),
        _ => markdown::diff(&old, &new, &changes),
    };
    write_output(job.output.as_deref(), &text)?;
    Ok(Outcome::of(0, changes.len()))
}

/// The audit's records as JSON Lines (documents, then failed inputs, then
/// skipped files), for a later `audit --since` or `audit --from`, written
/// one line at a time.
fn write_records(mut w: impl Write, audit: &Audit) -> std::io::Result<()> {
    use corpus::record::{Line, RECORD_VERSION};
    let errors = audit.errors.iter().map(|(source, error)| Line::Error {
        record: RECORD_VERSION,
        source: source.clone(),
        error: error.clone(),
    });
    let skipped = audit.skipped.iter().map(|(source, why)| Line::Skipped {
        record: RECORD_VERSION,
        source: source.clone(),
        skipped: why.clone(),
    });
    for d in &audit.documents {
        serde_json::to_writer(&mut w, d)?;
        w.write_all(b"\n")?;
    }
    for line in errors.chain(skipped) {
        serde_json::to_writer(&mut w, &line)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Size rayon's global pool (`-j`).
fn threads(n: Option<usize>) -> Result<()> {
    if let Some(n) = n {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    Ok(())
}

/// Findings at or above `min`.
fn shown(doc: &Document, min: Severity) -> usize {
    doc.findings.iter().filter(|f| f.severity >= min).count()
}

/// A progress bar on standard error counting `unit` (a spinner when
/// `None`), drawn only when standard error is a terminal and the run is
/// not `quiet`.
fn progress_bar(quiet: bool, unit: Option<&str>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressStyle};
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match unit {
        Some(unit) => {
            let bar = ProgressBar::new(0);
            let template =
                format!("{{bar:40}} {{pos}}/{{len}} {unit}, {{elapsed}} (about {{eta}} left)");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        }
        None => ProgressBar::new_spinner(),
    }
}

/// Refuse an audit of a file (`audit` reads a folder) and an `--out-dir`
/// that is a file, each with what to do instead, before anything is read
/// or written.
fn check_audit_paths(job: &AuditJob) -> Result<()> {
    if job.from.is_empty() && job.dir.is_file() {
        anyhow::bail!(
            "{dir} is a file, not a folder: `qostil audit` reads every policy in a folder \
             (`qostil check {dir}` reads one file)",
            dir = job.dir.display()
        );
    }
    if job.out_dir.exists() && !job.out_dir.is_dir() {
        anyhow::bail!(
            "--out-dir {} is a file, not a folder: the audit writes its reports into a folder \
             (give a folder's name; it is created if missing)",
            job.out_dir.display()
        );
    }
    Ok(())
}

/// The audit's summary: totals, one line per listed document (all of them
/// up to [`markdown::LISTED`], else those with the most findings), and
/// where each report went.
fn summary(audit: &Audit, cmp: &Comparison, out_dir: &Path, written: &[PathBuf]) -> String {
    let skipped = if audit.skipped.is_empty() {
        String::new()
    } else {
        format!(", {} skipped", audit.skipped.len())
    };
    let mut out = format!(
        "qostil audit: {} documents, {} errors{skipped}, {} findings\n",
        audit.documents.len(),
        audit.errors.len(),
        cmp.findings,
    );
    let listed = markdown::listed(cmp, markdown::LISTED);
    if listed.len() < audit.documents.len() {
        out.push_str(&format!(
            "  the {} documents with the most findings (all {} in documents.jsonl):\n",
            listed.len(),
            audit.documents.len()
        ));
    }
    for (doc, counts) in listed
        .iter()
        .map(|&i| (&audit.documents[i], &cmp.documents[i]))
    {
        let langs: Vec<&str> = doc.languages.iter().map(|l| l.code()).collect();
        out.push_str(&format!(
            "  {:<16} {:<28} {:<6} kk {:>3} / ru {:>3} clauses, {:>3} aligned pairs, {:>3} findings\n",
            doc.company.as_deref().unwrap_or("?"),
            doc.source,
            langs.join("+"),
            counts.clauses["kk"],
            counts.clauses["ru"],
            counts.aligned_pairs,
            counts.findings
        ));
    }
    let names: Vec<String> = written
        .iter()
        .map(|p| match p.strip_prefix(out_dir) {
            Ok(name) => name.display().to_string(),
            Err(_) => p.display().to_string(),
        })
        .collect();
    let mut dir = out_dir.display().to_string();
    if !dir.ends_with('/') {
        dir.push('/');
    }
    out.push_str(&format!("reports in {dir}: {}\n", names.join(", ")));
    out
}

fn read_input(input: &Input) -> Result<Vec<u8>> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            Ok(bytes)
        }
        Input::File(path) => std::fs::read(path).with_context(|| format!("{path}: cannot read")),
    }
}

/// Write `path` through a buffer as `write` produces it, atomically: into
/// a hidden temporary file in the same folder, renamed over `path` once
/// complete, so a killed or failed run never leaves a half-written report
/// (the old one stays, or none). The temporary file is removed on failure.
fn write_file(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&temp)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}

fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => write_file(path, |w| w.write_all(text.as_bytes())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    // A closed pipe (`| head`) is not an error.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .context("cannot write to standard output")
        }
    }
}

#[cfg(test)]
mod tests {
    use qostil::error::{Error, ErrorKind};

    use super::*;

    #[test]
    fn outcomes_map_to_exit_codes() {
        let cases: [(Result<Outcome>, u8); 4] = [
            (Ok(Outcome::Clean), 0),
            (Ok(Outcome::Findings), 1),
            (Ok(Outcome::Errors), 2),
            (Err(anyhow::anyhow!("bad arguments")), 2),
        ];
        for (result, code) in cases {
            assert_eq!(exit_code(&result), code, "{result:?}");
        }
    }

    #[test]
    fn errors_outrank_findings() {
        let cases = [
            ((0, 0), Outcome::Clean),
            ((0, 3), Outcome::Findings),
            ((1, 0), Outcome::Errors),
            ((2, 5), Outcome::Errors),
        ];
        for ((errors, findings), want) in cases {
            assert_eq!(Outcome::of(errors, findings), want, "{errors} {findings}");
        }
    }

    #[test]
    fn help_and_version_exit_0_and_usage_errors_exit_2() {
        let cases: [(&[&str], u8); 5] = [
            (&["qostil", "--help"], 0),
            (&["qostil", "--version"], 0),
            (&["qostil", "check", "--help"], 0),
            (&["qostil"], 2),
            (&["qostil", "check", "a.txt", "--min-severity", "loud"], 2),
        ];
        for (argv, code) in cases {
            let e = cli::Cli::try_parse_from(argv).unwrap_err();
            assert_eq!(usage_exit_code(&e), code, "{argv:?}");
        }
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_one() {
        let dir = std::env::temp_dir().join(format!("qostil-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("report.json");
        write_file(&path, |w| w.write_all(b"old")).unwrap();
        let err = write_file(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("killed"))
        })
        .unwrap_err();
        assert!(message(&err).starts_with("cannot write "), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_file(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "{left:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn messages_name_each_cause_once() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let cases: [(anyhow::Error, &str); 3] = [
            (
                Error::new("dir", ErrorKind::Io(io())).into(),
                "dir: cannot read: gone",
            ),
            (
                anyhow::Error::new(io()).context("cannot read glossary g.tsv"),
                "cannot read glossary g.tsv: gone",
            ),
            (
                anyhow::Error::from(Error::new("a.txt", ErrorKind::Empty)).context("outer"),
                "outer: a.txt: the document is empty",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(message(&e), want);
        }
    }
}
