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

use super::families::Sketch;
use super::sketch::sketch;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Document, Lang};
use crate::{Config, analyze};

/// File endings the audit reads.
pub const INPUT_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "pdf", "tsv"];

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

/// One analysed document with what the manifest says about it, and its
/// sketches for the family detection (kk, ru).
#[derive(Debug)]
pub struct DocSummary {
    pub doc: Document,
    pub website: Option<String>,
    pub sketches: [Option<Sketch>; 2],
}

impl DocSummary {
    /// Pairs with a clause on both sides.
    pub fn aligned_pairs(&self) -> usize {
        self.doc
            .pairs
            .iter()
            .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
            .count()
    }
}

/// The result of an audit.
#[derive(Debug, Default)]
pub struct Audit {
    pub documents: Vec<DocSummary>,
    pub errors: Vec<(String, Error)>,
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

/// A document and its sketches (kk, ru).
type Analysed = (Document, [Option<Sketch>; 2]);

/// Audit every input under `dir`, except under the folders in `exclude`.
pub fn audit(dir: &Path, exclude: &[PathBuf], config: &Config) -> Result<Audit> {
    let manifest_path = dir.join("manifest.json");
    let manifest = if manifest_path.exists() {
        Manifest::load(&manifest_path)?
    } else {
        Manifest::default()
    };
    let paths = inputs(dir, exclude)?;
    // The per-document half runs in parallel: analysis and sketches.
    let results: Vec<(PathBuf, Result<Analysed>)> = paths
        .par_iter()
        .map(|p| {
            let analysed = analyze_file(p, config).map(|doc| {
                let sketches = [sketch(&doc, Lang::Kk), sketch(&doc, Lang::Ru)];
                (doc, sketches)
            });
            (p.clone(), analysed)
        })
        .collect();
    let mut audit = Audit::default();
    for (path, result) in results {
        match result {
            Ok((mut doc, sketches)) => {
                let file = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let entry = manifest.entry(&file);
                if doc.company.is_none() {
                    doc.company = entry.and_then(|e| e.company.clone());
                }
                audit.documents.push(DocSummary {
                    doc,
                    website: entry.and_then(|e| e.website.clone()),
                    sketches,
                });
            }
            Err(e) => audit.errors.push((path.display().to_string(), e)),
        }
    }
    Ok(audit)
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
