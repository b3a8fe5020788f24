//! The parallel audit of a folder of policies: every input is analysed on
//! its own (rayon), a file that fails is recorded and the rest go on, and
//! results are kept in path order so that reports are byte-identical
//! whatever the thread count. An optional `manifest.json` in the folder
//! gives each file's company, website and declared languages.
//!
//! Invariant: `Audit::documents` and `Audit::errors` are sorted by path and
//! together hold every input exactly once.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::record::{DocRecord, Line, RECORD_VERSION};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Document;
use crate::{Config, analyze};

/// File endings the audit reads.
pub const INPUT_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "pdf", "tsv", "csv"];

/// One entry of `manifest.json`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct ManifestEntry {
    pub file: String,
    pub company: Option<String>,
    pub website: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::new(&name, ErrorKind::Io(e)))?;
        serde_json::from_str(&text).map_err(|e| {
            let line = e.line();
            Error::new(&name, ErrorKind::Manifest(e)).at_line(line)
        })
    }

    pub fn entry(&self, file_name: &str) -> Option<&ManifestEntry> {
        self.documents.iter().find(|e| e.file == file_name)
    }
}

/// The result of an audit: the documents reduced to records, and the
/// inputs that failed with their error message, both sorted by path.
#[derive(Debug, Default)]
pub struct Audit {
    pub documents: Vec<DocRecord>,
    pub errors: Vec<(String, String)>,
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
            }
        }
        audit
            .documents
            .sort_by(|a, b| Path::new(&a.source).cmp(Path::new(&b.source)));
        audit
            .errors
            .sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
        audit
    }
}

/// Every input file under `dir`, recursively, sorted, skipping the folders
/// in `exclude` (the audit's own output folder may sit inside `dir`).
pub fn inputs(dir: &Path, exclude: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let excluded: Vec<PathBuf> = exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let name = dir.display().to_string();
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Error::new(d.display().to_string(), ErrorKind::Io(e)))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::new(&name, ErrorKind::Io(e)))?;
            let path = entry.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                let skip = path.canonicalize().is_ok_and(|c| excluded.contains(&c));
                if !skip {
                    stack.push(path);
                }
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Analyse one file; a panic inside the pipeline becomes an error for this
/// file only.
fn analyze_file(path: &Path, config: &Config) -> Result<Document> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::new(&name, ErrorKind::Io(e)))?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyze(&name, &bytes, config)
    }))
    .unwrap_or_else(|panic| Err(Error::new(&name, ErrorKind::from_panic(panic.as_ref()))))
}

/// Audit every input under `dir`, except under the folders in `exclude`.
pub fn audit(dir: &Path, exclude: &[PathBuf], config: &Config) -> Result<Audit> {
    let manifest_path = dir.join("manifest.json");
    let manifest = if manifest_path.exists() {
        Manifest::load(&manifest_path)?
    } else {
        Manifest::default()
    };
    let paths = inputs(dir, exclude)?;
    Ok(Audit::from_lines(records(dir, &paths, &manifest, config)))
}

/// The per-document half, in parallel: each input analysed and reduced to
/// its record at once (the full document is dropped there), or its error.
/// `dir` is the folder manifest entries are relative to.
pub fn records(dir: &Path, paths: &[PathBuf], manifest: &Manifest, config: &Config) -> Vec<Line> {
    paths
        .par_iter()
        .map(|path| match analyze_file(path, config) {
            Ok(doc) => {
                let file = path
                    .strip_prefix(dir)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let entry = manifest.entry(&file);
                Line::Doc(Box::new(DocRecord::new(
                    &doc,
                    entry.and_then(|e| e.company.clone()),
                    entry.and_then(|e| e.website.clone()),
                )))
            }
            Err(e) => Line::Error {
                record: RECORD_VERSION,
                source: path.display().to_string(),
                error: e.to_string(),
            },
        })
        .collect()
}

/// Inputs analysed at a time by [`sketch_paths`]: enough to keep two
/// cores busy, few enough that memory does not grow with the corpus.
pub const SKETCH_CHUNK: usize = 64;

/// The records of `paths` for `qostil sketch`, handed to `emit` in order
/// as they are made, [`SKETCH_CHUNK`] inputs at a time (so memory does not
/// grow with the number of inputs): a folder is walked as [`audit`] walks
/// it (with its `manifest.json`); a file uses the `manifest.json` beside
/// it, if any. Lines come in the order of `paths`, each folder's inputs
/// sorted.
pub fn sketch_paths(
    paths: &[PathBuf],
    config: &Config,
    mut emit: impl FnMut(Line) -> Result<()>,
) -> Result<()> {
    for p in paths {
        let (dir, files) = if p.is_dir() {
            (p.clone(), inputs(p, &[])?)
        } else {
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            (dir, vec![p.clone()])
        };
        let manifest_path = dir.join("manifest.json");
        let manifest = if manifest_path.exists() {
            Manifest::load(&manifest_path)?
        } else {
            Manifest::default()
        };
        for chunk in files.chunks(SKETCH_CHUNK) {
            for line in records(&dir, chunk, &manifest, config) {
                emit(line)?;
            }
        }
    }
    Ok(())
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
            Ok(l @ Line::Error { .. }) => l,
            _ => return Err(bad(doc_err.to_string())),
        },
    };
    let version = match &parsed {
        Line::Doc(d) => d.record,
        Line::Error { record, .. } => *record,
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
