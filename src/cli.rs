//! The command line as clap sees it: flags, their help and the values they
//! accept, checked by clap. Nothing here reads a file or knows what a
//! command does with its flags; [`crate::config`] resolves a [`Cli`] into
//! [`crate::config::Settings`], and the library never sees these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use qostil::model::Severity;
use qostil::report::Format;

use crate::config::{self, FORMATS, Task};

/// qostil: Kazakh/Russian privacy-policy parity, rights and corpus audit.
///
/// Inputs: plain text (.txt, .text), HTML (.html, .htm), Markdown (.md),
/// CSV and TSV tables (.csv, .tsv), PDF (.pdf) and DOCX (.docx); text in
/// UTF-8, UTF-16 or a Cyrillic code page (Windows-1251, KZ-1048, KOI8, …).
///
/// Exit codes: 0 no findings at or above --min-severity, 1 findings (the
/// run worked: read the reports), 2 errors.
#[derive(Parser, Debug)]
#[command(name = "qostil", version, about)]
pub struct Cli {
    /// An extra kk/ru glossary merged over the built-in one: TSV lines
    /// `id<TAB>kk<TAB>ru[<TAB>align]`, alternatives separated by `|`, each a
    /// list of word stems; a fourth field `align` makes the term help the
    /// aligner only (never checked for parity).
    #[arg(long, global = true, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Legal rules (JSON like data/rules.json: rights checklist, disclosures,
    /// topics, red flags) used instead of the built-in ones.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// The Kazakh Hunspell dictionary for spelling: a `.dic` file with its
    /// `.aff` beside it [default: /usr/share/hunspell/kk_KZ.dic, Debian's
    /// hunspell-kk; without it, the built-in word list].
    #[arg(long, global = true, value_name = "FILE")]
    pub dictionary: Option<PathBuf>,
    /// Print no summary, warnings or progress bar; errors are still printed.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Read a PDF's scanned pages (an image and no text layer) through
    /// Tesseract OCR (kaz+rus): auto when tesseract and pdftoppm are
    /// installed, on (missing tools are an error), off (such pages are
    /// reported as not read). Every report names the pages read by OCR.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        ignore_case = true
    )]
    pub ocr: OcrArg,
    /// The most OCR may take on one page, in seconds (the tool is killed
    /// past it and the page reported as not read).
    #[arg(long, global = true, default_value_t = 60, value_name = "SECS",
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub ocr_timeout: u64,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The whole document model as JSON: document, clauses, pairs, findings, dropped.
    #[command(mut_arg("format", |a| format_arg(a, Task::Parse)))]
    Parse(FileArgs),
    /// The kk↔ru alignment: side by side (Markdown, HTML), JSON, TMX 1.4b or TSV.
    #[command(mut_arg("format", |a| format_arg(a, Task::Align)))]
    Align(AlignArgs),
    /// The findings of one document.
    #[command(mut_arg("format", |a| format_arg(a, Task::Check)))]
    Check(FileArgs),
    /// The rights of the data subject per language (with clause numbers),
    /// extra rights, disclosures and red flags.
    #[command(mut_arg("format", |a| format_arg(a, Task::Rights)))]
    Rights(FileArgs),
    /// Audit every policy in a folder in parallel; writes report.json,
    /// report.md, findings.csv, rights.csv, documents.jsonl, report.html
    /// (its pages in html/) and records.jsonl.
    Audit(AuditArgs),
    /// What changed between two versions of one policy: clauses added,
    /// removed and changed, typed and redlined, per language.
    #[command(mut_arg("format", |a| format_arg(a, Task::Diff)))]
    Diff(DiffArgs),
    /// The per-document half of the audit: one JSON Lines record per input
    /// (summary, findings, coverage, family sketches) on standard output,
    /// for `audit --from`.
    Sketch(SketchArgs),
}

#[derive(Args, Debug)]
pub struct FileArgs {
    /// The policy: text, HTML, Markdown, CSV/TSV, PDF or DOCX; `-` for stdin.
    pub file: String,
    /// The other language's version of the same policy, published as a
    /// file of its own: `KK_FILE RU_FILE` (either order; each file's
    /// language is checked) are read as one bilingual document.
    #[arg(value_name = "OTHER_FILE")]
    pub second: Option<String>,
    /// Output format: md or json; `align` also writes html, tmx and tsv.
    #[arg(long, short = 'f', ignore_case = true)]
    pub format: Option<FormatArg>,
    /// Write the output here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only show findings at or above this severity.
    #[arg(long, default_value = "info", ignore_case = true)]
    pub min_severity: SeverityArg,
}

/// `align`: a document's arguments and the TMX's (offered by `align`
/// only, the one command that writes TMX).
#[derive(Args, Debug)]
pub struct AlignArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// TMX units: one per sentence pair inside each aligned clause pair
    /// (sentence), or one per clause pair (paragraph).
    #[arg(long, value_enum, default_value = "sentence", ignore_case = true)]
    pub segment: SegmentArg,
    /// TMX: leave out clause pairs whose alignment score (0 to 1) is below S.
    #[arg(long, default_value = "0", value_name = "S", value_parser = score)]
    pub min_score: f32,
}

/// `--segment`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentArg {
    Sentence,
    Paragraph,
}

/// A score in [0, 1].
fn score(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a score from 0 to 1")),
    }
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    /// The folder of policies (searched recursively).
    #[arg(default_value = "corpus")]
    pub dir: PathBuf,
    /// The folder the reports are written into (created if missing).
    #[arg(long, default_value = "report", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Only report findings at or above this severity.
    #[arg(long, default_value = "info", ignore_case = true)]
    pub min_severity: SeverityArg,
    /// Read the documents from records files written by `qostil sketch`
    /// (`-` for standard input) instead of analysing DIR.
    #[arg(long, value_name = "RECORDS", conflicts_with = "dir")]
    pub from: Vec<PathBuf>,
    /// A previous audit's report.json: say which documents are new, gone or
    /// changed since, and which findings appeared or were resolved.
    #[arg(long, value_name = "REPORT")]
    pub since: Option<PathBuf>,
    /// Print the wall time of each phase (analysis or reading the records,
    /// the corpus comparison, the reports) to standard error.
    #[arg(long)]
    pub timings: bool,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// How a folder is walked (`audit`, `sketch`).
#[derive(Args, Debug)]
pub struct WalkArgs {
    /// Follow links to folders (loops are detected, each reported once).
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Audit hidden files and folders too (names starting with `.`).
    #[arg(long, short = 'H')]
    pub hidden: bool,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The earlier version.
    pub old: PathBuf,
    /// The later version.
    pub new: PathBuf,
    /// Output format (see `format_arg`).
    #[arg(long, short = 'f', ignore_case = true)]
    pub format: Option<FormatArg>,
    /// Write the output here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SketchArgs {
    /// Policies, or folders searched recursively as `audit` does (with their
    /// manifest.json); a file uses the manifest.json beside it.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// `--format` as the command `task` offers it: its help names the formats
/// [`FORMATS`] gives the command, and its default (the first), and clap's
/// list of every format is hidden, so no command offers a format it
/// refuses.
fn format_arg(arg: clap::Arg, task: Task) -> clap::Arg {
    let names: Vec<&str> = FORMATS
        .iter()
        .filter(|r| r.0 == task)
        .map(|r| config::name(r.1))
        .collect();
    let help = match names.as_slice() {
        [only] => format!("Output format: {only} only [default: {only}]"),
        [first, ..] => format!(
            "Output format: {} [default: {first}]",
            config::or_list(&names)
        ),
        [] => "Output format".to_string(),
    };
    arg.help(help).hide_possible_values(true)
}

/// `--format`: every format some command writes. Which command accepts
/// which is [`crate::config::FORMATS`]'s business.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    #[value(alias = "markdown")]
    Md,
    Json,
    #[value(alias = "htm")]
    Html,
    Tmx,
    Tsv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
            FormatArg::Tmx => Format::Tmx,
            FormatArg::Tsv => Format::Tsv,
        }
    }
}

/// `--ocr`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcrArg {
    Auto,
    On,
    Off,
}

impl From<OcrArg> for qostil::ingest::ocr::Mode {
    fn from(m: OcrArg) -> qostil::ingest::ocr::Mode {
        use qostil::ingest::ocr::Mode;
        match m {
            OcrArg::Auto => Mode::Auto,
            OcrArg::On => Mode::On,
            OcrArg::Off => Mode::Off,
        }
    }
}

/// `--min-severity`, in increasing order.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The help line of `--format` in a subcommand's help.
    fn format_help(command: &str) -> String {
        let mut cli = Cli::command();
        let sub = cli.find_subcommand_mut(command).unwrap();
        let help = sub.render_help().to_string();
        help.lines()
            .find(|l| l.contains("--format"))
            .unwrap_or_else(|| panic!("{command}: no --format in {help}"))
            .to_string()
    }

    #[test]
    fn help_offers_only_the_formats_a_command_writes_and_names_its_default() {
        let cases = [
            ("parse", "Output format: json only [default: json]"),
            (
                "align",
                "Output format: md, json, html, tmx or tsv [default: md]",
            ),
            ("check", "Output format: md or json [default: md]"),
            ("rights", "Output format: md or json [default: md]"),
            ("diff", "Output format: md or json [default: md]"),
        ];
        for (command, want) in cases {
            let line = format_help(command);
            assert!(line.trim_end().ends_with(want), "{command}: {line}");
            assert!(!line.contains("possible values"), "{command}: {line}");
        }
    }

    #[test]
    fn help_names_every_input_format_and_the_glossary_fields() {
        let help = Cli::command().render_long_help().to_string();
        for format in [
            ".txt",
            ".html",
            ".md",
            ".csv",
            ".tsv",
            ".pdf",
            ".docx",
            "1 findings",
        ] {
            assert!(help.contains(format), "{format} not in --help: {help}");
        }
        assert!(help.contains("id<TAB>kk<TAB>ru[<TAB>align]"), "{help}");
        // Every option that has a default says it (clap writes the ones
        // declared with `default_value`; the others are in the text).
        let mut cli = Cli::command();
        for command in ["audit", "sketch"] {
            let sub = cli.find_subcommand_mut(command).unwrap();
            let help = sub.render_help().to_string();
            let jobs = help.lines().find(|l| l.contains("--jobs")).unwrap();
            assert!(jobs.contains("[default: one per core]"), "{jobs}");
        }
    }

    #[test]
    fn every_spelling_the_library_parses_is_accepted() {
        // The names and aliases the library's own parsers know, in any case.
        for name in [
            "md", "markdown", "json", "html", "htm", "tmx", "tsv", "JSON", "Md",
        ] {
            let arg = FormatArg::from_str(name, true).unwrap();
            assert_eq!(Some(Format::from(arg)), Format::parse(name), "{name}");
        }
        for name in ["info", "low", "medium", "high", "HIGH"] {
            let arg = SeverityArg::from_str(name, true).unwrap();
            assert_eq!(Some(Severity::from(arg)), Severity::parse(name), "{name}");
        }
        assert!(FormatArg::from_str("pdf", true).is_err());
        assert!(SeverityArg::from_str("loud", true).is_err());
    }

    #[test]
    fn flags_parse_into_the_clap_struct() {
        let cases: [(&[&str], Option<FormatArg>, SeverityArg); 4] = [
            (&["qostil", "check", "a.txt"], None, SeverityArg::Info),
            (
                &["qostil", "align", "a.txt", "-f", "TMX"],
                Some(FormatArg::Tmx),
                SeverityArg::Info,
            ),
            (
                &[
                    "qostil",
                    "check",
                    "-",
                    "--format",
                    "markdown",
                    "--min-severity",
                    "Medium",
                ],
                Some(FormatArg::Md),
                SeverityArg::Medium,
            ),
            (
                &["qostil", "parse", "a.txt", "--min-severity", "high"],
                None,
                SeverityArg::High,
            ),
        ];
        for (argv, format, min) in cases {
            let cli = Cli::try_parse_from(argv).unwrap();
            let (Command::Parse(a)
            | Command::Align(AlignArgs { file: a, .. })
            | Command::Check(a)
            | Command::Rights(a)) = cli.command
            else {
                panic!("{argv:?} is not a file command");
            };
            assert_eq!((a.format, a.min_severity), (format, min), "{argv:?}");
        }
        for argv in [
            &["qostil", "check", "a.txt", "-f", "pdf"][..],
            &["qostil", "check", "a.txt", "--min-severity", "loud"],
            &["qostil", "audit", "-j", "many"],
        ] {
            assert!(Cli::try_parse_from(argv).is_err(), "{argv:?}");
        }
    }
}
