//! Command-line arguments (clap) and their resolution into library calls.
//! Core code never sees clap types.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};

use qostil::model::{Document, Severity};
use qostil::report::{Format, html, json, markdown, tmx};
use qostil::rules::Glossary;
use qostil::rules::legal::LegalRules;
use qostil::{Config, corpus};

/// qostil: Kazakh/Russian privacy-policy parity, rights and corpus audit.
///
/// Exit codes: 0 no findings at or above --min-severity, 1 findings, 2 errors.
#[derive(Parser, Debug)]
#[command(name = "qostil", version, about)]
pub struct Cli {
    /// An extra kk/ru glossary (TSV: id, kk, ru) merged over the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Legal rules (JSON like data/rules.json: rights checklist, disclosures,
    /// topics, red flags) used instead of the built-in ones.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The whole document model as JSON: document, clauses, pairs, findings, dropped.
    Parse(FileArgs),
    /// The kk↔ru alignment: side by side (Markdown, HTML), JSON, TMX 1.4b or TSV.
    Align(FileArgs),
    /// The findings of one document.
    Check(FileArgs),
    /// The rights of the data subject per language (with clause numbers),
    /// extra rights, disclosures and red flags.
    Rights(FileArgs),
    /// Audit every policy in a folder in parallel; writes report.json and report.md.
    Audit(AuditArgs),
}

#[derive(Args, Debug)]
pub struct FileArgs {
    /// The policy to read (text, HTML fragments, table rows); `-` for stdin.
    pub file: String,
    /// Output format: md or json; `align` also writes html, tmx and tsv.
    #[arg(long, short = 'f')]
    pub format: Option<String>,
    /// Write the output here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only show findings at or above this severity: info, low, medium, high.
    #[arg(long, default_value = "info")]
    pub min_severity: String,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    /// The folder of policies (searched recursively).
    #[arg(default_value = "corpus")]
    pub dir: PathBuf,
    /// Where report.json and report.md are written.
    #[arg(long, default_value = "report", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Only report findings at or above this severity: info, low, medium, high.
    #[arg(long, default_value = "info")]
    pub min_severity: String,
}

/// What the run found, for the exit code.
pub enum Outcome {
    Clean,
    Findings,
    Errors,
}

fn severity(s: &str) -> Result<Severity> {
    Severity::parse(s)
        .with_context(|| format!("unknown severity {s:?} (use info, low, medium or high)"))
}

fn config(cli: &Cli) -> Result<Config> {
    let mut config = Config::default();
    if let Some(path) = &cli.glossary {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read glossary {}", path.display()))?;
        config
            .glossary
            .extend(Glossary::parse(&path.display().to_string(), &text)?);
    }
    if let Some(path) = &cli.rules {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read rules {}", path.display()))?;
        config.rules = LegalRules::parse(&path.display().to_string(), &text)?;
    }
    Ok(config)
}

fn read_input(file: &str) -> Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok(bytes)
    } else {
        std::fs::read(file).with_context(|| format!("{file}: cannot read"))
    }
}

fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
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

fn outcome(doc: &Document, min: Severity) -> Outcome {
    if doc.findings.iter().any(|f| f.severity >= min) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Run one command.
pub fn run(cli: Cli) -> Result<Outcome> {
    let config = config(&cli)?;
    match &cli.command {
        Command::Parse(args)
        | Command::Align(args)
        | Command::Check(args)
        | Command::Rights(args) => {
            let min = severity(&args.min_severity)?;
            let bytes = read_input(&args.file)?;
            let doc = qostil::analyze(&args.file, &bytes, &config)?;
            let format = match &args.format {
                Some(f) => Format::parse(f).with_context(|| {
                    format!("unknown format {f:?} (use md, json, html, tmx or tsv)")
                })?,
                None => match cli.command {
                    Command::Parse(_) => Format::Json,
                    _ => Format::Markdown,
                },
            };
            let text = match (&cli.command, format) {
                (Command::Parse(_), Format::Json) => json::document(&doc, min),
                (Command::Parse(_), _) => bail!("parse writes JSON only"),
                (Command::Align(_), Format::Json) => json::alignment(&doc),
                (Command::Align(_), Format::Markdown) => markdown::alignment(&doc),
                (Command::Rights(_), Format::Json) => json::rights(&doc),
                (Command::Rights(_), Format::Markdown) => markdown::rights(&doc, &config.rules),
                (Command::Align(_), Format::Html) => html::alignment(&doc),
                (Command::Align(_), Format::Tmx) => tmx::tmx(&doc),
                (Command::Align(_), Format::Tsv) => tmx::tsv(&doc),
                (_, Format::Html | Format::Tmx | Format::Tsv) => {
                    bail!("html, tmx and tsv are formats of align")
                }
                (_, Format::Json) => json::findings(&doc, min),
                (_, Format::Markdown) => markdown::findings(&doc, min),
            };
            write_output(args.output.as_deref(), &text)?;
            Ok(match cli.command {
                Command::Check(_) => outcome(&doc, min),
                _ => Outcome::Clean,
            })
        }
        Command::Audit(args) => {
            let min = severity(&args.min_severity)?;
            if let Some(n) = args.jobs {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build_global()
                    .context("cannot start the worker threads")?;
            }
            std::fs::create_dir_all(&args.out_dir)
                .with_context(|| format!("cannot create {}", args.out_dir.display()))?;
            let audit = corpus::audit(&args.dir, std::slice::from_ref(&args.out_dir), &config)?;
            let json_path = args.out_dir.join("report.json");
            let md_path = args.out_dir.join("report.md");
            write_output(Some(&json_path), &json::audit(&audit, min))?;
            write_output(Some(&md_path), &markdown::audit(&audit, min))?;
            let mut summary = String::new();
            let total: usize = audit
                .documents
                .iter()
                .map(|d| d.doc.findings.iter().filter(|f| f.severity >= min).count())
                .sum();
            summary.push_str(&format!(
                "qostil audit: {} documents, {} errors, {} findings → {}, {}\n",
                audit.documents.len(),
                audit.errors.len(),
                total,
                json_path.display(),
                md_path.display()
            ));
            for d in &audit.documents {
                let doc = &d.doc;
                let langs: Vec<&str> = doc.languages.iter().map(|l| l.code()).collect();
                let n = |l| doc.clauses.iter().filter(|c| c.lang == l).count();
                summary.push_str(&format!(
                    "  {:<16} {:<28} {:<6} kk {:>3} / ru {:>3} clauses, {:>3} aligned pairs, {:>3} findings\n",
                    doc.company.as_deref().unwrap_or("?"),
                    doc.source.name,
                    langs.join("+"),
                    n(qostil::model::Lang::Kk),
                    n(qostil::model::Lang::Ru),
                    d.aligned_pairs(),
                    doc.findings.iter().filter(|f| f.severity >= min).count()
                ));
            }
            write_output(None, &summary)?;
            for (_, e) in &audit.errors {
                eprintln!("qostil: {e}");
            }
            Ok(if !audit.errors.is_empty() {
                Outcome::Errors
            } else if total > 0 {
                Outcome::Findings
            } else {
                Outcome::Clean
            })
        }
    }
}
