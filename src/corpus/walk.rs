//! The walk of an audited folder: which files are inputs, and why each
//! other file is not.
//!
//! The rules are ripgrep's and fd's:
//! - a link to a folder is not followed unless [`WalkOptions::follow`] is
//!   set; when it is, a link back to a folder being walked (a loop) is
//!   listed once and not entered, and a file reached twice (through two
//!   links, or a hard link) is audited once;
//! - hidden files and folders (a name starting with `.`, fd's rule on Unix)
//!   are listed as skipped unless [`WalkOptions::hidden`] is set; the
//!   folder walked is never hidden itself;
//! - the report folder (the audit's `--out-dir`, or any folder holding an
//!   earlier audit's `report.json` and `records.jsonl` or `documents.jsonl`) is listed, not
//!   walked;
//! - named pipes, sockets and devices are listed and never opened, so a
//!   pipe named `x.txt` cannot block the audit;
//! - a file link is read when it leads to a regular file.
//!
//! Invariant: every entry under the folder is in exactly one of
//! [`Walked::inputs`], [`Walked::skipped`] or [`Walked::errors`], or lies
//! inside a folder listed there (a hidden folder, the report folder, a
//! folder link) — except the folder's own `manifest.json`, which the audit
//! reads. All three lists are sorted by path.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// File endings the audit reads.
pub const INPUT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "pdf", "tsv", "csv", "docx",
];

/// Office formats a user can save as PDF.
const OFFICE: &[&str] = &[
    "doc", "docm", "dot", "dotx", "rtf", "odt", "ott", "pages", "wpd", "xls", "xlsx", "ods", "ppt",
    "pptx", "odp", "epub", "xps",
];

/// Image formats: a scan needs OCR before it has text.
const IMAGES: &[&str] = &[
    "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp", "webp", "heic", "djvu",
];

/// The audit's own files and the manifest, never inputs.
pub const MANIFEST: &str = "manifest.json";

/// How to walk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Follow links to folders (`--follow`), with loop detection.
    pub follow: bool,
    /// Walk hidden files and folders too (`--hidden`).
    pub hidden: bool,
    /// Folders never walked, listed as "the report folder" (the audit's
    /// output folder may lie inside the audited one).
    pub exclude: Vec<PathBuf>,
}

/// Why a file under the folder is not audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// An extension the audit does not read (lower case, without the dot;
    /// empty for a name without one).
    Unsupported(String),
    /// A named pipe, socket or device (what it is).
    NotRegular(&'static str),
    Hidden,
    ReportFolder,
    /// A link to a folder, without `--follow`.
    FolderLink,
    /// A link whose target does not exist.
    BrokenLink,
    /// A folder link back to a folder being walked (with `--follow`): the
    /// folder it leads to.
    Loop(String),
    /// The same file as an input already listed (with `--follow`, or a
    /// hard link).
    Duplicate(String),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Unsupported(ext) if ext.is_empty() => f.write_str(
                "unsupported format: no extension (.txt, .html, .md, .tsv, .csv, .pdf or .docx)",
            ),
            Skip::Unsupported(ext) if OFFICE.contains(&ext.as_str()) => {
                write!(f, "unsupported format: .{ext}, convert to PDF")
            }
            Skip::Unsupported(ext) if IMAGES.contains(&ext.as_str()) => write!(
                f,
                "unsupported format: .{ext}, an image: OCR it to a PDF with a text layer"
            ),
            Skip::Unsupported(ext) => write!(f, "unsupported format: .{ext}"),
            Skip::NotRegular(what) => write!(f, "not a regular file ({what})"),
            Skip::Hidden => f.write_str("hidden"),
            Skip::ReportFolder => f.write_str("the report folder"),
            Skip::FolderLink => {
                f.write_str("a link to a folder, not followed (--follow follows it)")
            }
            Skip::BrokenLink => f.write_str("a broken link"),
            Skip::Loop(to) => write!(f, "a link back to {to}: a loop, not followed"),
            Skip::Duplicate(of) => write!(f, "the same file as {of}"),
        }
    }
}

/// What a walk found, each list sorted by path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Walked {
    pub inputs: Vec<PathBuf>,
    /// Paths not audited, with why ([`Skip`] as text).
    pub skipped: Vec<(String, String)>,
    /// Folders or entries that could not be listed or examined (the walk
    /// goes on), with the error as text.
    pub errors: Vec<(String, String)>,
}

/// Whether `name` is an input's by its extension.
pub fn is_input(path: &Path) -> bool {
    INPUT_EXTENSIONS.contains(&extension(path).as_str())
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// An earlier audit's output folder (its `report.json` beside its
/// `records.jsonl`, or beside `documents.jsonl` when `audit --from` wrote
/// it): its `report.md` and CSV files are no policies.
fn is_report(dir: &Path) -> bool {
    dir.join("report.json").is_file()
        && (dir.join("records.jsonl").is_file() || dir.join("documents.jsonl").is_file())
}

/// What a special file is, if it is one.
fn special(t: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    (!t.is_file() && !t.is_dir() && !t.is_symlink()).then_some("not a file or folder")
}

/// The identity of a file, to audit each once.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Walk `dir` (see the module's rules).
///
/// Errors: [`ErrorKind::Io`] naming `dir` when the folder itself cannot be
/// read; anything below it that cannot be read is in [`Walked::errors`].
pub fn walk(dir: &Path, options: &WalkOptions) -> Result<Walked> {
    let excluded: Vec<PathBuf> = options
        .exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut out = Walked::default();
    let mut seen: BTreeMap<(u64, u64), String> = BTreeMap::new();
    let mut loops: BTreeSet<PathBuf> = BTreeSet::new();
    let mut it = walkdir::WalkDir::new(dir)
        .follow_links(options.follow)
        .sort_by_file_name()
        .into_iter();
    let shown = |p: &Path| p.display().to_string();
    while let Some(next) = it.next() {
        let entry = match next {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf);
                if e.depth() == 0 {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
                    return Err(Error::new(shown(dir), ErrorKind::Io(io)));
                }
                let path = path.unwrap_or_else(|| dir.to_path_buf());
                if let Some(ancestor) = e.loop_ancestor() {
                    // The same link reached along two routes is one loop.
                    let key = path
                        .parent()
                        .and_then(|p| p.canonicalize().ok())
                        .map(|p| p.join(path.file_name().unwrap_or_default()))
                        .unwrap_or_else(|| path.clone());
                    if loops.insert(key) {
                        out.skipped
                            .push((shown(&path), Skip::Loop(shown(ancestor)).to_string()));
                    }
                    continue;
                }
                let broken = e.io_error().is_some_and(|io| {
                    io.kind() == std::io::ErrorKind::NotFound
                        && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink())
                });
                if broken {
                    out.skipped
                        .push((shown(&path), Skip::BrokenLink.to_string()));
                } else {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("cannot walk here"));
                    let err = Error::new(shown(&path), ErrorKind::Io(io));
                    out.errors.push((shown(&path), err.to_string()));
                }
                continue;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_dir();
        if entry.depth() > 0
            && is_dir
            && (path.canonicalize().is_ok_and(|c| excluded.contains(&c)) || is_report(path))
        {
            out.skipped
                .push((shown(path), Skip::ReportFolder.to_string()));
            it.skip_current_dir();
            continue;
        }
        if !options.hidden && is_hidden(&entry) {
            out.skipped.push((shown(path), Skip::Hidden.to_string()));
            if is_dir {
                it.skip_current_dir();
            }
            continue;
        }
        if is_dir {
            continue;
        }
        if entry.depth() == 1 && entry.file_name() == MANIFEST {
            continue;
        }
        let file_type = entry.file_type();
        // Without --follow a link is listed as a link: find what it leads to.
        let meta = if file_type.is_symlink() {
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => {
                    out.skipped
                        .push((shown(path), Skip::FolderLink.to_string()));
                    continue;
                }
                Ok(m) => m,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    out.skipped
                        .push((shown(path), Skip::BrokenLink.to_string()));
                    continue;
                }
                Err(e) => {
                    let err = Error::new(shown(path), ErrorKind::Io(e));
                    out.errors.push((shown(path), err.to_string()));
                    continue;
                }
            }
        } else {
            match entry.metadata() {
                Ok(m) => m,
                Err(e) => {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("cannot examine the file"));
                    let err = Error::new(shown(path), ErrorKind::Io(io));
                    out.errors.push((shown(path), err.to_string()));
                    continue;
                }
            }
        };
        if let Some(what) = special(meta.file_type()) {
            out.skipped
                .push((shown(path), Skip::NotRegular(what).to_string()));
            continue;
        }
        if !is_input(path) {
            out.skipped
                .push((shown(path), Skip::Unsupported(extension(path)).to_string()));
            continue;
        }
        if let Some(id) = identity(&meta) {
            if let Some(first) = seen.get(&id) {
                out.skipped
                    .push((shown(path), Skip::Duplicate(first.clone()).to_string()));
                continue;
            }
            seen.insert(id, shown(path));
        }
        out.inputs.push(path.to_path_buf());
    }
    out.inputs.sort();
    out.skipped
        .sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
    out.errors
        .sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_format_and_what_to_do() {
        let cases = [
            (
                Skip::Unsupported("doc".into()),
                "unsupported format: .doc, convert to PDF",
            ),
            (
                Skip::Unsupported("rtf".into()),
                "unsupported format: .rtf, convert to PDF",
            ),
            (
                Skip::Unsupported("png".into()),
                "unsupported format: .png, an image: OCR it to a PDF with a text layer",
            ),
            (Skip::Unsupported("xyz".into()), "unsupported format: .xyz"),
            (
                Skip::Unsupported(String::new()),
                "unsupported format: no extension (.txt, .html, .md, .tsv, .csv, .pdf or .docx)",
            ),
            (
                Skip::NotRegular("a named pipe"),
                "not a regular file (a named pipe)",
            ),
            (Skip::Hidden, "hidden"),
            (Skip::ReportFolder, "the report folder"),
        ];
        for (skip, want) in cases {
            assert_eq!(skip.to_string(), want);
        }
    }

    #[test]
    fn a_report_folder_is_known_by_its_report_and_either_lines_file() {
        let dir = std::env::temp_dir().join(format!("qostil-isreport-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("report.json"), "{}").unwrap();
        assert!(!is_report(&dir), "a report.json alone may be a policy's");
        // `audit --from` writes documents.jsonl but no records.jsonl.
        std::fs::write(dir.join("documents.jsonl"), "").unwrap();
        assert!(is_report(&dir));
        std::fs::remove_file(dir.join("documents.jsonl")).unwrap();
        std::fs::write(dir.join("records.jsonl"), "").unwrap();
        assert!(is_report(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inputs_by_extension_in_any_case() {
        for (name, want) in [
            ("a.txt", true),
            ("A.PDF", true),
            ("b.Html", true),
            ("c.docx", true),
            ("c.doc", false),
            ("README", false),
            (".txt", false),
        ] {
            assert_eq!(is_input(Path::new(name)), want, "{name}");
        }
    }
}
