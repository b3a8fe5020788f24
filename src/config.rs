//! The run, resolved: what the command line means once clap has checked it.
//! [`Settings::resolve`] is the one place that turns a [`Cli`] into it: it
//! applies the defaults, checks each command's `--format` against
//! [`FORMATS`] and refuses a format the command does not write, before any
//! file is read. Nothing here touches the file system; the rules data named
//! by `--glossary` and `--rules` is loaded by [`Settings::rules_data`].
//!
//! Invariant: a resolved [`DocumentJob`]'s `view` is a row of [`FORMATS`]
//! for its `task`, so the writers can be chosen by `view` alone.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use qostil::ingest::ocr::Options as OcrOptions;
use qostil::model::Severity;
use qostil::report::Format;
use qostil::rules::Glossary;
use qostil::rules::legal::LegalRules;
use qostil::segment::{Segmentation, UnitOptions};

use qostil::corpus::WalkOptions;

use crate::cli::{
    AlignArgs, AuditArgs, Cli, Command, DiffArgs, FileArgs, SegmentArg, SketchArgs, WalkArgs,
};

/// The commands that analyse one document and write one view of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Parse,
    Align,
    Check,
    Rights,
    /// Two versions of one policy.
    Diff,
}

impl Task {
    /// The subcommand's name, as typed.
    pub fn name(self) -> &'static str {
        match self {
            Task::Parse => "parse",
            Task::Align => "align",
            Task::Check => "check",
            Task::Rights => "rights",
            Task::Diff => "diff",
        }
    }

    /// Whether the command's exit code says if there were findings (only
    /// `check`; the others exit 0 whatever the document says).
    pub fn reports_findings(self) -> bool {
        self == Task::Check
    }
}

/// What a document command writes: one writer of `qostil::report` each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The whole document model (the JSON contract), findings filtered by
    /// `--min-severity`.
    Model,
    AlignmentMd,
    AlignmentJson,
    AlignmentHtml,
    AlignmentTmx,
    AlignmentTsv,
    /// Findings at or above `--min-severity`.
    FindingsMd,
    FindingsJson,
    RightsMd,
    RightsJson,
    /// The changes between two versions.
    DiffMd,
    DiffJson,
}

/// Which formats each document command writes, and what it writes in each;
/// a command's first row is its default format (and the `--format` help of
/// each command is built from these rows, see `cli::format_arg`). `audit`
/// has no `--format`: it always writes every report.
pub const FORMATS: &[(Task, Format, View)] = &[
    (Task::Parse, Format::Json, View::Model),
    (Task::Align, Format::Markdown, View::AlignmentMd),
    (Task::Align, Format::Json, View::AlignmentJson),
    (Task::Align, Format::Html, View::AlignmentHtml),
    (Task::Align, Format::Tmx, View::AlignmentTmx),
    (Task::Align, Format::Tsv, View::AlignmentTsv),
    (Task::Check, Format::Markdown, View::FindingsMd),
    (Task::Check, Format::Json, View::FindingsJson),
    (Task::Rights, Format::Markdown, View::RightsMd),
    (Task::Rights, Format::Json, View::RightsJson),
    (Task::Diff, Format::Markdown, View::DiffMd),
    (Task::Diff, Format::Json, View::DiffJson),
];

/// A format's `--format` name.
pub fn name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Html => "html",
        Format::Tmx => "tmx",
        Format::Tsv => "tsv",
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    joined(items, "and")
}

/// "a", "a or b", "a, b or c".
pub fn or_list(items: &[&str]) -> String {
    joined(items, "or")
}

fn joined(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// What `task` writes in `format` (its default when `None`), or why it
/// refuses: "parse writes JSON only", "html, tmx and tsv are formats of
/// align".
pub fn view(task: Task, format: Option<Format>) -> std::result::Result<View, String> {
    let rows = || FORMATS.iter().filter(move |(t, _, _)| *t == task);
    let found = match format {
        None => rows().next(),
        Some(f) => rows().find(|(_, g, _)| *g == f),
    };
    if let Some(&(_, _, view)) = found {
        return Ok(view);
    }
    let accepted: Vec<Format> = rows().map(|&(_, f, _)| f).collect();
    if let [only] = accepted[..] {
        let title = match only {
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Tmx => "TMX",
            Format::Tsv => "TSV",
        };
        return Err(format!("{} writes {title} only", task.name()));
    }
    // The formats of other commands, in table order, and who writes them.
    let mut others: Vec<&str> = Vec::new();
    let mut writers: Vec<&str> = Vec::new();
    for &(t, f, _) in FORMATS {
        if !accepted.contains(&f) {
            if !others.contains(&name(f)) {
                others.push(name(f));
            }
            if !writers.contains(&t.name()) {
                writers.push(t.name());
            }
        }
    }
    let are = if others.len() == 1 {
        "is a format"
    } else {
        "are formats"
    };
    Err(format!(
        "{} {are} of {}",
        and_list(&others),
        and_list(&writers)
    ))
}

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(String),
}

impl Input {
    /// The name errors and the JSON `source` give it: the path as typed,
    /// `-` for standard input.
    pub fn name(&self) -> &str {
        match self {
            Input::Stdin => "-",
            Input::File(path) => path,
        }
    }
}

/// `parse`, `align`, `check` or `rights` on one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentJob {
    pub task: Task,
    pub input: Input,
    /// The other language's file of a policy published as two files
    /// (`qostil::analyze_pair`); `None` for one input.
    pub second: Option<Input>,
    /// What to write (a row of [`FORMATS`] for `task`).
    pub view: View,
    /// Standard output when `None`.
    pub output: Option<PathBuf>,
    /// Findings below it are neither shown nor counted (`parse` and
    /// `check`; `align` and `rights` show every finding).
    pub min_severity: Severity,
    /// Which pairs a TMX holds and how they are segmented (`--segment`,
    /// `--min-score`; other views ignore it).
    pub units: UnitOptions,
}

/// `diff` of two versions of one policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffJob {
    pub old: PathBuf,
    pub new: PathBuf,
    /// [`View::DiffMd`] or [`View::DiffJson`].
    pub view: View,
    /// Standard output when `None`.
    pub output: Option<PathBuf>,
}

/// `audit` of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditJob {
    pub dir: PathBuf,
    /// Gets `report.json` and `report.md`; created if missing, and never
    /// read back as input even when it lies inside `dir`.
    pub out_dir: PathBuf,
    /// Worker threads, at least 1; rayon's default (one per core) when `None`.
    pub threads: Option<usize>,
    /// Findings below it are neither reported nor counted.
    pub min_severity: Severity,
    /// Records files to reduce instead of analysing `dir` (empty: analyse).
    pub from: Vec<PathBuf>,
    /// A previous audit's report.json to compare with.
    pub since: Option<PathBuf>,
    /// Print each phase's wall time to standard error.
    pub timings: bool,
    /// How `dir` is walked (`--follow`, `--hidden`); `out_dir` is added to
    /// its exclusions when the audit runs.
    pub walk: WalkOptions,
}

/// `sketch`: records of the inputs on standard output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SketchJob {
    pub paths: Vec<PathBuf>,
    pub threads: Option<usize>,
    /// How folders among `paths` are walked.
    pub walk: WalkOptions,
}

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Document(DocumentJob),
    Audit(AuditJob),
    Sketch(SketchJob),
    Diff(DiffJob),
}

/// The walk's options from `--follow` and `--hidden`.
fn walk_options(args: WalkArgs) -> WalkOptions {
    WalkOptions {
        follow: args.follow,
        hidden: args.hidden,
        exclude: Vec::new(),
    }
}

/// The resolved command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// A user glossary merged over the built-in one.
    pub glossary: Option<PathBuf>,
    /// Legal rules replacing the built-in ones.
    pub rules: Option<PathBuf>,
    /// The Kazakh dictionary's `.dic` file instead of Debian's.
    pub dictionary: Option<PathBuf>,
    /// `--quiet`: no summary, warnings or progress bar (errors still).
    pub quiet: bool,
    /// `--ocr` and `--ocr-timeout`: how scanned PDF pages are read.
    pub ocr: OcrOptions,
    pub job: Job,
}

impl Settings {
    /// Resolve the parsed command line: defaults applied, formats checked.
    pub fn resolve(cli: Cli) -> Result<Settings> {
        let document = |task: Task, args: FileArgs, units: UnitOptions| -> Result<Job> {
            let view = match view(task, args.format.map(Format::from)) {
                Ok(view) => view,
                Err(why) => bail!(why),
            };
            let input = |file: String| {
                if file == "-" {
                    Input::Stdin
                } else {
                    Input::File(file)
                }
            };
            if args.file == "-" && args.second.as_deref() == Some("-") {
                bail!("standard input (-) can be only one of the two files");
            }
            Ok(Job::Document(DocumentJob {
                task,
                input: input(args.file),
                second: args.second.map(input),
                view,
                output: args.output,
                min_severity: args.min_severity.into(),
                units,
            }))
        };
        let job = match cli.command {
            Command::Parse(args) => document(Task::Parse, args, UnitOptions::default())?,
            Command::Align(AlignArgs {
                file,
                segment,
                min_score,
            }) => {
                let units = UnitOptions {
                    segmentation: match segment {
                        SegmentArg::Sentence => Segmentation::Sentence,
                        SegmentArg::Paragraph => Segmentation::Paragraph,
                    },
                    min_score,
                };
                document(Task::Align, file, units)?
            }
            Command::Check(args) => document(Task::Check, args, UnitOptions::default())?,
            Command::Rights(args) => document(Task::Rights, args, UnitOptions::default())?,
            Command::Diff(DiffArgs {
                old,
                new,
                format,
                output,
            }) => Job::Diff(DiffJob {
                old,
                new,
                view: match view(Task::Diff, format.map(Format::from)) {
                    Ok(view) => view,
                    Err(why) => bail!(why),
                },
                output,
            }),
            Command::Audit(AuditArgs {
                dir,
                out_dir,
                jobs,
                min_severity,
                from,
                since,
                timings,
                walk,
            }) => Job::Audit(AuditJob {
                dir,
                out_dir,
                threads: jobs.map(|n| n.max(1)),
                min_severity: min_severity.into(),
                from,
                since,
                timings,
                walk: walk_options(walk),
            }),
            Command::Sketch(SketchArgs { paths, jobs, walk }) => Job::Sketch(SketchJob {
                paths,
                threads: jobs.map(|n| n.max(1)),
                walk: walk_options(walk),
            }),
        };
        Ok(Settings {
            glossary: cli.glossary,
            rules: cli.rules,
            dictionary: cli.dictionary,
            quiet: cli.quiet,
            ocr: OcrOptions {
                mode: cli.ocr.into(),
                timeout: std::time::Duration::from_secs(cli.ocr_timeout),
            },
            job,
        })
    }

    /// The built-in rules data with `--glossary` merged over it and
    /// `--rules` in place of the built-in legal rules.
    pub fn rules_data(&self) -> Result<qostil::Config> {
        let mut config = qostil::Config {
            ocr: self.ocr,
            ..qostil::Config::default()
        };
        if let Some(path) = &self.glossary {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read glossary {}", path.display()))?;
            config
                .glossary
                .extend(Glossary::parse(&path.display().to_string(), &text)?);
        }
        if let Some(path) = &self.dictionary {
            // Read on first use; a file that cannot be read is said once
            // at the end of the run, never an error of a document.
            config.dictionary = qostil::rules::dictionary::KkDictionary::at(path);
        }
        if let Some(path) = &self.rules {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read rules {}", path.display()))?;
            config.rules = LegalRules::parse(&path.display().to_string(), &text)?;
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    const TASKS: [Task; 4] = [Task::Parse, Task::Align, Task::Check, Task::Rights];
    const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Json,
        Format::Html,
        Format::Tmx,
        Format::Tsv,
    ];

    #[test]
    fn each_command_writes_its_formats_and_refuses_the_others() {
        use Format::*;
        use View::*;
        let align_only = "html, tmx and tsv are formats of align";
        let cases: [(Task, Option<Format>, std::result::Result<View, &str>); 24] = [
            (Task::Parse, None, Ok(Model)),
            (Task::Parse, Some(Json), Ok(Model)),
            (Task::Parse, Some(Markdown), Err("parse writes JSON only")),
            (Task::Parse, Some(Html), Err("parse writes JSON only")),
            (Task::Parse, Some(Tmx), Err("parse writes JSON only")),
            (Task::Parse, Some(Tsv), Err("parse writes JSON only")),
            (Task::Align, None, Ok(AlignmentMd)),
            (Task::Align, Some(Markdown), Ok(AlignmentMd)),
            (Task::Align, Some(Json), Ok(AlignmentJson)),
            (Task::Align, Some(Html), Ok(AlignmentHtml)),
            (Task::Align, Some(Tmx), Ok(AlignmentTmx)),
            (Task::Align, Some(Tsv), Ok(AlignmentTsv)),
            (Task::Check, None, Ok(FindingsMd)),
            (Task::Check, Some(Markdown), Ok(FindingsMd)),
            (Task::Check, Some(Json), Ok(FindingsJson)),
            (Task::Check, Some(Html), Err(align_only)),
            (Task::Check, Some(Tmx), Err(align_only)),
            (Task::Check, Some(Tsv), Err(align_only)),
            (Task::Rights, None, Ok(RightsMd)),
            (Task::Rights, Some(Markdown), Ok(RightsMd)),
            (Task::Rights, Some(Json), Ok(RightsJson)),
            (Task::Rights, Some(Html), Err(align_only)),
            (Task::Rights, Some(Tmx), Err(align_only)),
            (Task::Rights, Some(Tsv), Err(align_only)),
        ];
        for (task, format, want) in cases {
            let got = view(task, format);
            assert_eq!(
                got.as_ref().copied().map_err(String::as_str),
                want,
                "{task:?} {format:?}"
            );
        }
    }

    #[test]
    fn the_table_has_one_row_per_command_and_format_and_one_per_view() {
        for (i, a) in FORMATS.iter().enumerate() {
            for b in &FORMATS[i + 1..] {
                assert!((a.0, a.1) != (b.0, b.1), "{a:?} twice");
                assert!(a.2 != b.2, "{:?} twice", a.2);
            }
        }
        for task in TASKS {
            assert!(
                FORMATS.iter().any(|r| r.0 == task),
                "{task:?} writes nothing"
            );
        }
        for format in ALL {
            assert!(FORMATS.iter().any(|r| r.1 == format), "{format:?} unused");
        }
    }

    fn resolve(argv: &[&str]) -> Result<Settings> {
        Settings::resolve(Cli::try_parse_from(argv).unwrap())
    }

    #[test]
    fn the_command_line_resolves_to_a_documented_job() {
        let doc = |task, input, view, output: Option<&str>, min| {
            Job::Document(DocumentJob {
                task,
                input,
                second: None,
                view,
                output: output.map(PathBuf::from),
                min_severity: min,
                units: UnitOptions::default(),
            })
        };
        let file = |p: &str| Input::File(p.to_string());
        let cases: Vec<(&[&str], Job)> = vec![
            (
                &["qostil", "parse", "a.txt"],
                doc(
                    Task::Parse,
                    file("a.txt"),
                    View::Model,
                    None,
                    Severity::Info,
                ),
            ),
            (
                &[
                    "qostil",
                    "check",
                    "-",
                    "-f",
                    "json",
                    "--min-severity",
                    "high",
                ],
                doc(
                    Task::Check,
                    Input::Stdin,
                    View::FindingsJson,
                    None,
                    Severity::High,
                ),
            ),
            (
                &["qostil", "align", "a.txt", "-f", "tmx", "-o", "a.tmx"],
                doc(
                    Task::Align,
                    file("a.txt"),
                    View::AlignmentTmx,
                    Some("a.tmx"),
                    Severity::Info,
                ),
            ),
            (
                &["qostil", "rights", "a.pdf"],
                doc(
                    Task::Rights,
                    file("a.pdf"),
                    View::RightsMd,
                    None,
                    Severity::Info,
                ),
            ),
            (
                &["qostil", "audit"],
                Job::Audit(AuditJob {
                    dir: "corpus".into(),
                    out_dir: "report".into(),
                    threads: None,
                    min_severity: Severity::Info,
                    from: vec![],
                    since: None,
                    timings: false,
                    walk: WalkOptions::default(),
                }),
            ),
            (
                &[
                    "qostil",
                    "audit",
                    "x",
                    "--out-dir",
                    "y",
                    "-j",
                    "0",
                    "--min-severity",
                    "low",
                ],
                Job::Audit(AuditJob {
                    dir: "x".into(),
                    out_dir: "y".into(),
                    threads: Some(1),
                    min_severity: Severity::Low,
                    from: vec![],
                    since: None,
                    timings: false,
                    walk: WalkOptions::default(),
                }),
            ),
        ];
        for (argv, want) in cases {
            let settings = resolve(argv).unwrap();
            assert_eq!(settings.job, want, "{argv:?}");
            assert_eq!((settings.glossary, settings.rules), (None, None));
        }
        let s = resolve(&[
            "qostil",
            "check",
            "a.txt",
            "--rules",
            "r.json",
            "--glossary",
            "g.tsv",
        ]);
        let s = s.unwrap();
        assert_eq!(s.rules, Some(PathBuf::from("r.json")));
        assert_eq!(s.glossary, Some(PathBuf::from("g.tsv")));
    }

    #[test]
    fn segment_and_min_score_resolve_into_the_unit_options() {
        let units = |argv: &[&str]| match resolve(argv).unwrap().job {
            Job::Document(d) => d.units,
            other => panic!("{other:?}"),
        };
        let cases: [(&[&str], Segmentation, f32); 3] = [
            (
                &["qostil", "align", "a.txt", "-f", "tmx"],
                Segmentation::Sentence,
                0.0,
            ),
            (
                &[
                    "qostil",
                    "align",
                    "a.txt",
                    "--segment",
                    "paragraph",
                    "--min-score",
                    "0.5",
                ],
                Segmentation::Paragraph,
                0.5,
            ),
            (
                &[
                    "qostil",
                    "align",
                    "a.txt",
                    "--segment",
                    "Sentence",
                    "--min-score",
                    "1",
                ],
                Segmentation::Sentence,
                1.0,
            ),
        ];
        for (argv, segmentation, min_score) in cases {
            assert_eq!(
                units(argv),
                UnitOptions {
                    segmentation,
                    min_score
                },
                "{argv:?}"
            );
        }
        for argv in [
            &["qostil", "align", "a.txt", "--min-score", "1.5"][..],
            &["qostil", "align", "a.txt", "--min-score", "-0.1"],
            &["qostil", "align", "a.txt", "--min-score", "high"],
            &["qostil", "align", "a.txt", "--segment", "word"],
            // Only align writes TMX: the other commands do not offer it.
            &["qostil", "parse", "a.txt", "--segment", "sentence"],
            &["qostil", "check", "a.txt", "--min-score", "0.5"],
        ] {
            assert!(Cli::try_parse_from(argv).is_err(), "{argv:?}");
        }
    }

    #[test]
    fn a_format_the_command_does_not_write_is_refused_before_reading() {
        let err = resolve(&["qostil", "check", "no/such/file.txt", "-f", "tmx"]).unwrap_err();
        assert_eq!(err.to_string(), "html, tmx and tsv are formats of align");
        let err = resolve(&["qostil", "parse", "a.txt", "-f", "md"]).unwrap_err();
        assert_eq!(err.to_string(), "parse writes JSON only");
    }

    #[test]
    fn lists_are_joined_in_english() {
        for (items, want) in [
            (&[][..], ""),
            (&["a"][..], "a"),
            (&["a", "b"][..], "a and b"),
            (&["a", "b", "c"][..], "a, b and c"),
        ] {
            assert_eq!(and_list(items), want);
        }
    }

    #[test]
    fn only_check_reports_findings_in_its_exit_code() {
        for task in TASKS {
            assert_eq!(task.reports_findings(), task == Task::Check, "{task:?}");
        }
    }
}
