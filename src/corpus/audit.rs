//! The parallel audit of a folder of policies: the folder is walked
//! ([`super::walk`]: every file is an input or listed as skipped with its
//! reason), every input is analysed on its own (rayon), a file that fails
//! is recorded and the rest go on, and results are kept in path order so
//! that reports are byte-identical whatever the thread count. An optional
//! `manifest.json` in the folder gives each file's company, website and
//! declared languages; a broken manifest is one error and the audit goes on
//! without it, an entry for a file the folder lacks is an error, and
//! declared languages the text contradicts are a finding of the document.
//! A Kazakh and a Russian version published as two files are one document
//! ([`super::pairs`]: by an entry's `pair`, or by name), analysed together
//! by [`crate::analyze_pair`]; its `source` is `KK + RU`.
//!
//! Invariant: `Audit::documents`, `Audit::errors` and `Audit::skipped` are
//! sorted by path and together hold every input exactly once (a pair's two
//! files in one document's or one error's `source`); `errors` also
//! holds what could not be walked and the manifest's problems.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::pairs::{self, Unit};
use super::record::{DocRecord, Line, RECORD_VERSION};
pub use super::walk::INPUT_EXTENSIONS;
use super::walk::{MANIFEST, WalkOptions, Walked, walk};
use crate::budget::Budget;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Document, Finding, FindingKind, Lang, Severity, Warning};
use crate::{Config, analyze_pair_within, analyze_within};

/// One entry of `manifest.json`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct ManifestEntry {
    pub file: String,
    pub company: Option<String>,
    pub website: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// The other language's file of a policy published as two files
    /// (relative to the folder, as `file` is): `file` and `pair` are read as
    /// one document, whatever their names.
    #[serde(default)]
    pub pair: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
    /// The manifest's text, to find an entry's line; empty when built in
    /// code.
    #[serde(skip)]
    text: String,
}

impl Manifest {
    /// Read a manifest.
    ///
    /// Errors: [`ErrorKind::Io`]; [`ErrorKind::Manifest`] at the line of
    /// the first fault (a trailing comma, a field of the wrong type).
    pub fn load(path: &Path) -> Result<Manifest> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::new(&name, ErrorKind::Io(e)))?;
        let mut manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
            let line = e.line();
            Error::new(&name, ErrorKind::Manifest(e)).at_line(line)
        })?;
        manifest.text = text;
        Ok(manifest)
    }

    /// The manifest in `dir`, if there is one, and its error if it cannot
    /// be read: the audit goes on without it.
    pub fn in_folder(dir: &Path) -> (Manifest, Option<Error>) {
        let path = dir.join(MANIFEST);
        if !path.is_file() {
            return (Manifest::default(), None);
        }
        match Manifest::load(&path) {
            Ok(m) => (m, None),
            Err(e) => (Manifest::default(), Some(e)),
        }
    }

    pub fn entry(&self, file_name: &str) -> Option<&ManifestEntry> {
        self.documents.iter().find(|e| e.file == file_name)
    }

    /// The entry of a document read from `files` (one, or a pair's two):
    /// the entry whose `file` is one of them, else one whose `pair` is.
    pub fn entry_of(&self, files: &[String]) -> Option<&ManifestEntry> {
        files.iter().find_map(|f| self.entry(f)).or_else(|| {
            self.documents
                .iter()
                .find(|e| e.pair.as_ref().is_some_and(|p| files.contains(p)))
        })
    }

    /// The pairs the manifest declares, as paths under `dir`.
    pub fn pairs(&self, dir: &Path) -> Vec<(PathBuf, PathBuf)> {
        self.documents
            .iter()
            .filter_map(|e| Some((dir.join(&e.file), dir.join(e.pair.as_ref()?))))
            .collect()
    }

    /// The 1-based line of the entry for `file` in the manifest's text.
    fn line_of(&self, file: &str) -> Option<usize> {
        let quoted = serde_json::to_string(file).ok()?;
        let at = self.text.find(&quoted)?;
        Some(self.text[..at].matches('\n').count() + 1)
    }

    /// An error for each entry naming a file that is neither an input nor
    /// a skipped file of the walk of `dir` (`path` is the manifest's, for
    /// the message).
    pub fn missing(&self, path: &Path, dir: &Path, walked: &Walked) -> Vec<Error> {
        let relative = |p: &Path| file_key(dir, p);
        let mut present: Vec<String> = walked.inputs.iter().map(|p| relative(p)).collect();
        present.extend(walked.skipped.iter().map(|(p, _)| relative(Path::new(p))));
        self.documents
            .iter()
            .flat_map(|e| std::iter::once(&e.file).chain(&e.pair))
            .filter(|file| !present.contains(&file.replace('\\', "/")))
            .map(|file| {
                let err = Error::new(
                    path.display().to_string(),
                    ErrorKind::ManifestEntry(format!(
                        "an entry names «{file}», which is not in the folder"
                    )),
                );
                match self.line_of(file) {
                    Some(line) => err.at_line(line),
                    None => err,
                }
            })
            .collect()
    }
}

/// A path as manifest entries name it: relative to `dir`, with `/`.
fn file_key(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The finding for languages a manifest declares that the text contradicts
/// (a declared language without a version, or a version not declared), if
/// they differ. Unknown codes in the manifest are compared as written.
pub fn declared_languages(entry: &ManifestEntry, found: &[Lang]) -> Option<Finding> {
    if entry.languages.is_empty() {
        return None;
    }
    let mut declared: Vec<String> = entry
        .languages
        .iter()
        .map(|l| l.trim().to_lowercase())
        .collect();
    declared.sort();
    declared.dedup();
    let found: Vec<String> = found.iter().map(|l| l.code().to_string()).collect();
    let mut sorted = found.clone();
    sorted.sort();
    if declared == sorted {
        return None;
    }
    let missing: Vec<&str> = declared
        .iter()
        .filter(|l| !found.contains(l))
        .map(String::as_str)
        .collect();
    let undeclared: Vec<&str> = found
        .iter()
        .filter(|l| !declared.contains(l))
        .map(String::as_str)
        .collect();
    let mut why = Vec::new();
    if !missing.is_empty() {
        why.push(format!("no {} version in the text", missing.join("+")));
    }
    if !undeclared.is_empty() {
        why.push(format!(
            "a {} version it does not declare",
            undeclared.join("+")
        ));
    }
    let shown = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join("+")
        }
    };
    Some(Finding {
        kind: FindingKind::ManifestLanguages,
        severity: Severity::Medium,
        lang: None,
        clauses: Vec::new(),
        message: format!(
            "the manifest declares {} but the text has {}: {}",
            shown(&declared),
            shown(&found),
            why.join(", and ")
        ),
        evidence: Vec::new(),
    })
}

/// The result of an audit: the documents reduced to records, the inputs
/// that failed and the files skipped, each with its message, all sorted by
/// path.
#[derive(Debug, Default)]
pub struct Audit {
    pub documents: Vec<DocRecord>,
    pub errors: Vec<(String, String)>,
    /// Files under the folder not audited, with why (see
    /// [`super::walk::Skip`]).
    pub skipped: Vec<(String, String)>,
}

impl Audit {
    /// An audit from records files' lines, in any order (a run split into
    /// parts and merged): sorted by path as [`audit`] sorts its inputs.
    pub fn from_lines(lines: Vec<Line>) -> Audit {
        let mut audit = Audit::default();
        for line in lines {
            match line {
                Line::Doc(d) => audit.documents.push(*d),
                Line::Error { source, error, .. } => audit.errors.push((source, error)),
                Line::Skipped {
                    source, skipped, ..
                } => audit.skipped.push((source, skipped)),
            }
        }
        audit
            .documents
            .sort_by(|a, b| Path::new(&a.source).cmp(Path::new(&b.source)));
        audit
            .errors
            .sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
        audit
            .skipped
            .sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
        audit
    }
}

/// Every input file under `dir`, recursively, sorted, skipping the folders
/// in `exclude` (the audit's own output folder may sit inside `dir`), with
/// the walk's default rules (see [`walk`]).
pub fn inputs(dir: &Path, exclude: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let options = WalkOptions {
        exclude: exclude.to_vec(),
        ..WalkOptions::default()
    };
    Ok(walk(dir, &options)?.inputs)
}

/// The name a unit's document or error goes by: its path, or a pair's two
/// joined as [`crate::ingest::pair::pair_name`] joins them.
fn unit_name(unit: &Unit) -> String {
    let names: Vec<String> = unit.paths.iter().map(|p| p.display().to_string()).collect();
    match names.as_slice() {
        [a, b] => crate::ingest::pair::pair_name(a, b),
        _ => names.concat(),
    }
}

/// Analyse one unit (a file, or a pair of files) within the default
/// [`Budget`]; a panic inside the pipeline becomes an error for this unit
/// only. Files are read by [`crate::ingest::read`]: never a pipe or
/// device, never past the size limit.
fn analyze_unit(unit: &Unit, config: &Config) -> Result<Document> {
    let name = unit_name(unit);
    let read = |p: &PathBuf| {
        let name = p.display().to_string();
        crate::ingest::read(p, &name).map(|bytes| (name, bytes))
    };
    let files = unit.paths.iter().map(read).collect::<Result<Vec<_>>>()?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match files.as_slice() {
        [(a, a_bytes), (b, b_bytes)] => {
            analyze_pair_within(a, a_bytes, b, b_bytes, config, &Budget::default())
        }
        _ => {
            let bytes = files.first().map_or(&[][..], |f| f.1.as_slice());
            analyze_within(&name, bytes, config, &Budget::default())
        }
    }))
    .unwrap_or_else(|panic| Err(Error::new(&name, ErrorKind::from_panic(panic.as_ref()))))
}

/// Audit every input under `dir` as `options` walks it.
///
/// Errors: only when `dir` itself cannot be read; a bad manifest, a folder
/// below that cannot be read and a file that fails are in
/// [`Audit::errors`].
pub fn audit(dir: &Path, options: &WalkOptions, config: &Config) -> Result<Audit> {
    audit_with_progress(dir, options, config, &|_| {})
}

/// How far an audit has got, for a progress display: handed to the
/// callback of [`audit_with_progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// The walk is done: `total` documents (files, or pairs of files) are
    /// to be analysed.
    Walked { total: usize },
    /// One more input is analysed (or failed): `source` is its path. Inputs
    /// finish in any order on several threads; the reports do not depend on
    /// it.
    Analysed { source: &'a str },
}

/// [`audit`], telling `progress` when the walk is done and as each input
/// is analysed. The callback is called from the worker threads, so it must
/// be quick and `Sync` (an atomic counter, a progress bar); it does not
/// change the result.
///
/// Errors: as [`audit`].
pub fn audit_with_progress(
    dir: &Path,
    options: &WalkOptions,
    config: &Config,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Audit> {
    let lines = folder_lines(dir, options, config, progress, |_| Ok(()))?;
    Ok(Audit::from_lines(lines))
}

/// The walk's and the manifest's lines of `dir` (skipped files, errors),
/// then every input's record, each handed to `emit` as it is made when
/// `emit` is given chunks (see [`sketch_paths`]); returns the lines not
/// emitted.
fn folder_lines(
    dir: &Path,
    options: &WalkOptions,
    config: &Config,
    progress: &(dyn Fn(Progress<'_>) + Sync),
    mut emit: impl FnMut(&mut Vec<Line>) -> Result<()>,
) -> Result<Vec<Line>> {
    let walked = walk(dir, options)?;
    let (manifest, broken) = Manifest::in_folder(dir);
    let mut out: Vec<Line> = Vec::new();
    let error_line = |e: &Error| Line::Error {
        record: RECORD_VERSION,
        source: e.path.clone(),
        error: e.to_string(),
    };
    out.extend(broken.iter().map(error_line));
    for e in manifest.missing(&dir.join(MANIFEST), dir, &walked) {
        out.push(error_line(&e));
    }
    out.extend(walked.errors.iter().map(|(source, error)| Line::Error {
        record: RECORD_VERSION,
        source: source.clone(),
        error: error.clone(),
    }));
    out.extend(walked.skipped.iter().map(|(source, why)| Line::Skipped {
        record: RECORD_VERSION,
        source: source.clone(),
        skipped: why.clone(),
    }));
    emit(&mut out)?;
    let units = pairs::units(&walked.inputs, &manifest.pairs(dir));
    // A pair of files is one document, told once.
    progress(Progress::Walked { total: units.len() });
    for chunk in units.chunks(SKETCH_CHUNK) {
        out.extend(records_observed(dir, chunk, &manifest, config, progress));
        emit(&mut out)?;
    }
    Ok(out)
}

/// The per-document half, in parallel: each unit (a file, or a pair of
/// files: see [`pairs::units`]) analysed and reduced to its record at once
/// (the full document is dropped there), or its error. `dir` is the folder
/// manifest entries are relative to; an entry's declared languages that
/// the text contradicts add a [`FindingKind::ManifestLanguages`] finding;
/// an unpaired half ([`Unit::note`]) that holds one language gets its note
/// as a warning.
pub fn records(dir: &Path, units: &[Unit], manifest: &Manifest, config: &Config) -> Vec<Line> {
    records_observed(dir, units, manifest, config, &|_| {})
}

/// [`records`], telling `progress` as each unit is done.
fn records_observed(
    dir: &Path,
    units: &[Unit],
    manifest: &Manifest,
    config: &Config,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Vec<Line> {
    units
        .par_iter()
        .map(|unit| match analyze_unit(unit, config) {
            Ok(mut doc) => {
                if let Some(note) = &unit.note
                    && doc.languages.len() < 2
                {
                    doc.source.warnings.push(Warning {
                        line: None,
                        byte: None,
                        message: note.clone(),
                    });
                }
                let keys: Vec<String> = unit.paths.iter().map(|p| file_key(dir, p)).collect();
                let entry = manifest.entry_of(&keys);
                if let Some(f) = entry.and_then(|e| declared_languages(e, &doc.languages)) {
                    doc.findings.insert(0, f);
                }
                Line::Doc(Box::new(DocRecord::new(
                    &doc,
                    entry.and_then(|e| e.company.clone()),
                    entry.and_then(|e| e.website.clone()),
                )))
            }
            Err(e) => Line::Error {
                record: RECORD_VERSION,
                source: unit_name(unit),
                error: e.to_string(),
            },
        })
        .inspect(|line| {
            progress(Progress::Analysed {
                source: source_of(line),
            })
        })
        .collect()
}

/// The path a records line is about.
fn source_of(line: &Line) -> &str {
    match line {
        Line::Doc(d) => &d.source,
        Line::Error { source, .. } | Line::Skipped { source, .. } => source,
    }
}

/// Inputs analysed at a time by [`sketch_paths`]: enough to keep two
/// cores busy, few enough that memory does not grow with the corpus.
pub const SKETCH_CHUNK: usize = 64;

/// The records of `paths` for `qostil sketch`, handed to `emit` in order
/// as they are made, [`SKETCH_CHUNK`] inputs at a time (so memory does not
/// grow with the number of inputs): a folder is walked as [`audit`] walks
/// it with `options` (with its `manifest.json`: its errors and the skipped
/// files come first), its Kazakh and Russian files paired as [`audit`]
/// pairs them; a file uses the `manifest.json` beside it, if any, and is
/// read alone, with the note an unpaired half gets in its folder
/// ([`pairs::notes`]).
/// Lines come in the order of `paths`, each folder's inputs sorted.
pub fn sketch_paths(
    paths: &[PathBuf],
    options: &WalkOptions,
    config: &Config,
    mut emit: impl FnMut(Line) -> Result<()>,
) -> Result<()> {
    let mut noted: std::collections::BTreeMap<PathBuf, _> = std::collections::BTreeMap::new();
    for p in paths {
        if p.is_dir() {
            folder_lines(p, options, config, &|_| {}, |lines| {
                for line in lines.drain(..) {
                    emit(line)?;
                }
                Ok(())
            })?;
            continue;
        }
        let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
        let (manifest, broken) = Manifest::in_folder(&dir);
        if let Some(e) = broken {
            emit(Line::Error {
                record: RECORD_VERSION,
                source: e.path.clone(),
                error: e.to_string(),
            })?;
        }
        // A folder's notes are made once, however many of its files are
        // given.
        if !noted.contains_key(&dir) {
            let notes = pairs::notes(&siblings(&dir), &manifest.pairs(&dir));
            noted.insert(dir.clone(), notes);
        }
        let unit = Unit {
            paths: vec![p.clone()],
            note: noted.get(&dir).and_then(|n| n.get(p)).cloned(),
        };
        for line in records(&dir, &[unit], &manifest, config) {
            emit(line)?;
        }
    }
    Ok(())
}

/// The inputs directly in `dir` (not hidden, an input's extension), sorted
/// by path, as the walk lists them: what a file given on its own is
/// noted among ([`pairs::notes`]). A folder that cannot be listed has
/// none.
fn siblings(dir: &Path) -> Vec<PathBuf> {
    let listed = if dir.as_os_str().is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(dir)
    };
    let mut out: Vec<PathBuf> = listed
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| dir.join(e.file_name()))
        .filter(|p| super::walk::is_input(p))
        .collect();
    out.sort();
    out
}

/// Read a records file written by `qostil sketch` (`name` for errors): one
/// [`Line`] per non-empty line. A convenience over [`read_records_from`]
/// for text already in memory.
///
/// Errors: as [`read_records_from`].
pub fn read_records(name: &str, text: &str) -> Result<Vec<Line>> {
    read_records_from(name, text.as_bytes())
}

/// Lines of a records file parsed at a time by [`read_records_from`]: the
/// batch is parsed in parallel, and only the batch's text is held at once.
pub const READ_BATCH: usize = 256;

/// Read a records file from a stream (`name` for errors), [`READ_BATCH`]
/// lines at a time, each batch parsed in parallel: one [`Line`] per
/// non-empty line, in file order. Memory holds the parsed records and one
/// batch of text, never the whole file.
///
/// Errors: [`ErrorKind::Io`] if the stream fails or a line is not UTF-8;
/// [`ErrorKind::Records`] naming the file and line for a line that is not
/// a record of [`RECORD_VERSION`] (the first such line in file order).
pub fn read_records_from(name: &str, mut input: impl std::io::BufRead) -> Result<Vec<Line>> {
    let mut out = Vec::new();
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(READ_BATCH);
    let mut number = 0;
    loop {
        let mut line = String::new();
        let read = input
            .read_line(&mut line)
            .map_err(|e| Error::new(name, ErrorKind::Io(e)).at_line(number + 1))?;
        if read > 0 {
            number += 1;
            if !line.trim().is_empty() {
                batch.push((number, line));
            }
        }
        if batch.len() == READ_BATCH || (read == 0 && !batch.is_empty()) {
            let parsed: Vec<Result<Line>> = batch
                .par_iter()
                .map(|(n, line)| parse_record(name, *n, line))
                .collect();
            for p in parsed {
                out.push(p?);
            }
            batch.clear();
        }
        if read == 0 {
            return Ok(out);
        }
    }
}

/// One line of a records file (its 1-based `number`, for errors).
fn parse_record(name: &str, number: usize, line: &str) -> Result<Line> {
    let bad = |why: String| Error::new(name, ErrorKind::Records(why)).at_line(number);
    // A document's record is read straight into its type (the untagged
    // `Line` would buffer every line first, doubling the parse); an error
    // line is the fallback.
    let parsed = match serde_json::from_str::<DocRecord>(line) {
        Ok(mut d) => {
            d.shrink_to_fit();
            Line::Doc(Box::new(d))
        }
        Err(doc_err) => match serde_json::from_str::<Line>(line) {
            Ok(l @ (Line::Error { .. } | Line::Skipped { .. })) => l,
            _ => return Err(bad(doc_err.to_string())),
        },
    };
    let version = match &parsed {
        Line::Doc(d) => d.record,
        Line::Error { record, .. } | Line::Skipped { record, .. } => *record,
    };
    if version != RECORD_VERSION {
        return Err(bad(format!(
            "record version {version}; this qostil reads version {RECORD_VERSION}"
        )));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_told_the_total_then_each_input_once() {
        use std::sync::Mutex;
        let dir = std::env::temp_dir().join(format!("qostil-progress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "1.1. Деректер сақталады.\n").unwrap();
        std::fs::write(dir.join("b.txt"), [0u8, 1, 2]).unwrap();
        std::fs::write(dir.join("c.doc"), "x").unwrap();
        let seen = Mutex::new(Vec::new());
        let audit = audit_with_progress(&dir, &WalkOptions::default(), &Config::default(), &|p| {
            seen.lock().unwrap().push(match p {
                Progress::Walked { total } => format!("total {total}"),
                Progress::Analysed { source } => Path::new(source)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into(),
            })
        })
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        assert_eq!(seen[0], "total 2");
        seen[1..].sort();
        assert_eq!(seen, ["total 2", "a.txt", "b.txt"]);
        assert_eq!((audit.documents.len(), audit.errors.len()), (1, 1));
        assert_eq!(audit.skipped.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_manifest_pair_is_declared_found_and_checked() {
        let text = "{\"documents\": [\n  {\"file\": \"a.pdf\", \"pair\": \"b.pdf\",\n   \"company\": \"A\"},\n  {\"file\": \"c.txt\", \"pair\": \"gone.txt\"}\n]}\n";
        let mut manifest: Manifest = serde_json::from_str(text).unwrap();
        manifest.text = text.to_string();
        let dir = Path::new("d");
        assert_eq!(
            manifest.pairs(dir),
            [
                (dir.join("a.pdf"), dir.join("b.pdf")),
                (dir.join("c.txt"), dir.join("gone.txt"))
            ]
        );
        // The pair's entry, found from either file.
        let company = |files: &[&str]| {
            let files: Vec<String> = files.iter().map(|f| f.to_string()).collect();
            manifest.entry_of(&files).and_then(|e| e.company.clone())
        };
        assert_eq!(company(&["a.pdf", "b.pdf"]), Some("A".into()));
        assert_eq!(company(&["b.pdf"]), Some("A".into()));
        assert_eq!(company(&["x.pdf"]), None);
        let walked = Walked {
            inputs: ["a.pdf", "b.pdf", "c.txt"]
                .iter()
                .map(|f| dir.join(f))
                .collect(),
            ..Walked::default()
        };
        let errors = manifest.missing(&dir.join(MANIFEST), dir, &walked);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "d/manifest.json, line 4: manifest: an entry names «gone.txt», which is not in the folder"
            ]
        );
    }

    #[test]
    fn a_bad_manifest_is_a_manifest_error_at_its_line() {
        let dir = std::env::temp_dir().join(format!("qostil-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("manifest.json");
        std::fs::write(&path, "{\"documents\": [\n  {\"file\": 3}\n]}\n").unwrap();
        let err = Manifest::load(&path).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Manifest(_)), "{err}");
        assert_eq!(err.line, Some(2));
        assert!(
            err.to_string()
                .contains("manifest.json, line 2: invalid manifest: ")
        );
        std::fs::remove_file(&path).unwrap();
        let err = Manifest::load(&path).unwrap_err();
        assert!(
            matches!(&err.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound),
            "{err}"
        );
    }
}
