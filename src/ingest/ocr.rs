//! OCR of scanned PDF pages through Tesseract: a page that has an image and
//! no text layer is rendered by poppler's `pdftoppm` (300 dpi, grey) and
//! read by `tesseract` with its Kazakh and Russian models (`kaz+rus`, and
//! `eng` where installed; page segmentation [`PSM`]), whose TSV output
//! gives each word with its bounding box
//! and confidence, in Tesseract's blocks, paragraphs and lines.
//!
//! This module only reads one page into [`Page`]: lines of words in
//! Tesseract's reading order, grouped into paragraphs. The PDF reader
//! ([`super::pdf`]) lays those out as the same blocks and spans as a page
//! with a text layer, so no later stage knows the text came from OCR (only
//! the document's `ocr_pages` and warnings say it).
//!
//! Invariants:
//! - every word Tesseract read is in exactly one line of [`Page::paras`] or
//!   of [`Page::noise`] (lines without a letter or digit: specks, rules);
//!   nothing is dropped silently;
//! - a clause number Tesseract read as a line of its own (the hanging
//!   indent of a Word list: «3.5.» in a column left of its text) is put at
//!   the start of the line beside it, and a line starting with a clause
//!   number or a bullet starts a paragraph;
//! - the external tools run with [`std::process::Command`], their output to
//!   files (no pipe can fill and block), each page within a deadline: a
//!   child still running at the deadline is killed and waited for, so OCR
//!   never hangs; every file is written into a private temporary folder
//!   removed afterwards.
//!
//! Left out: repeated headers and page numbers of scanned pages are not
//! recognised (they stay in the text), and a page scanned sideways is read
//! as Tesseract reads it (no orientation detection).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When scanned pages are read through OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// OCR a page without text that has an image, when the tools are
    /// installed; without them, a document with no text at all is an
    /// error that says what to install, and a scanned page among text pages
    /// is reported lost.
    #[default]
    Auto,
    /// As `Auto`, but missing tools are an error.
    On,
    /// Never OCR: scanned pages are reported lost.
    Off,
}

impl Mode {
    /// The spelling of `--ocr`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::On => "on",
            Mode::Off => "off",
        }
    }
}

/// How OCR runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub mode: Mode,
    /// The most one page may take, rendering and recognition together.
    pub timeout: Duration,
}

/// The default `--ocr-timeout`, in seconds per page.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 60;

impl Default for Options {
    fn default() -> Options {
        Options {
            mode: Mode::Auto,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECONDS),
        }
    }
}

impl Options {
    /// Never OCR.
    pub fn off() -> Options {
        Options {
            mode: Mode::Off,
            ..Options::default()
        }
    }
}

/// Tesseract's languages, as passed to `-l` and named in reports; English
/// is added where its model is installed (Debian's tesseract-ocr brings
/// it), for e-mails and web addresses, which the Cyrillic models misread.
pub const LANGUAGES: &str = "kaz+rus";
/// [`LANGUAGES`] with English.
const WITH_ENGLISH: &str = "kaz+rus+eng";
/// Tesseract's page segmentation mode: 6, a uniform block of text. Mode 3
/// (automatic layout) drops the clause numbers of a hanging indent as
/// noise; columns side by side are cut apart here ([`split_columns`]).
pub const PSM: &str = "6";
/// The resolution pages are rendered at, in dots per inch.
pub const DPI: u32 = 300;
/// The Debian packages OCR needs, as the messages name them.
pub const PACKAGES: &str = "tesseract-ocr, tesseract-ocr-kaz, tesseract-ocr-rus and poppler-utils";

/// The OCR tools found on `PATH`.
#[derive(Debug, Clone)]
pub struct Tools {
    pub tesseract: PathBuf,
    pub pdftoppm: PathBuf,
    /// What `-l` gets: [`LANGUAGES`], with English where installed.
    pub languages: &'static str,
}

/// The tools, looked for once per process: `tesseract` and `pdftoppm` on
/// `PATH`, and Tesseract's `kaz` and `rus` models installed. `Err` says
/// what is missing.
pub fn tools() -> Result<&'static Tools, &'static str> {
    static FOUND: OnceLock<Result<Tools, String>> = OnceLock::new();
    FOUND
        .get_or_init(find_tools)
        .as_ref()
        .map_err(String::as_str)
}

fn find_tools() -> Result<Tools, String> {
    let tesseract = on_path("tesseract");
    let pdftoppm = on_path("pdftoppm");
    let (tesseract, pdftoppm) = match (tesseract, pdftoppm) {
        (Some(t), Some(p)) => (t, p),
        (None, None) => return Err("tesseract and pdftoppm were not found".into()),
        (None, _) => return Err("tesseract was not found".into()),
        (_, None) => return Err("pdftoppm was not found".into()),
    };
    // `--list-langs` prints the installed models, one per line.
    let dir = TempDir::new().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let out = dir.path().join("langs.txt");
    let mut cmd = Command::new(&tesseract);
    cmd.arg("--list-langs");
    run(&mut cmd, &out, Instant::now() + Duration::from_secs(20))
        .map_err(|e| format!("tesseract --list-langs failed: {e}"))?;
    let listed = std::fs::read_to_string(&out).unwrap_or_default();
    let missing: Vec<&str> = ["kaz", "rus"]
        .into_iter()
        .filter(|l| !listed.lines().any(|x| x.trim() == *l))
        .collect();
    if !missing.is_empty() {
        return Err(format!("tesseract has no {} model", missing.join(" or ")));
    }
    let english = listed.lines().any(|x| x.trim() == "eng");
    Ok(Tools {
        tesseract,
        pdftoppm,
        languages: if english { WITH_ENGLISH } else { LANGUAGES },
    })
}

/// The executable `name` in a folder of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The page took longer than its timeout (in seconds); the tool was
    /// killed.
    Timeout(u64),
    /// A tool failed: what it said, or why it could not run.
    Tool(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Timeout(s) => write!(f, "OCR took longer than {s} s (--ocr-timeout)"),
            Failure::Tool(why) => f.write_str(why),
        }
    }
}

/// One line of OCR'd text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its words joined by single spaces.
    pub text: String,
    /// `[x0, top, x1, bottom]` in points, top-down.
    pub bbox: [f32; 4],
    /// Mean word confidence, 0 to 1.
    pub confidence: f32,
}

/// A paragraph: lines in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub lines: Vec<Line>,
    /// Its first line starts with a clause number or a bullet.
    pub starts_paragraph: bool,
    /// Its last line reaches the right edge of its Tesseract block.
    pub ends_wrapped: bool,
    /// 0 left, 1 right, [`FULL`] across the page: the layout column.
    pub column: u32,
}

/// The column of a paragraph that spans the page.
pub const FULL: u32 = 15;

/// One page read by OCR.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub paras: Vec<Para>,
    /// Lines of no letter or digit (specks, rules, stamps' borders).
    pub noise: Vec<Line>,
    /// Words read.
    pub words: usize,
    /// Mean word confidence, 0 to 1 (0 with no words).
    pub confidence: f32,
    /// Wall time of rendering and recognition.
    pub seconds: f64,
}

/// A folder of our own under the system's temporary folder, removed (with
/// what is in it) when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> std::io::Result<TempDir> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        let mut last = None;
        for _ in 0..16 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let n = COUNT.fetch_add(1, Ordering::Relaxed);
            let dir = base.join(format!("qostil-ocr-{}-{n}-{nanos}", std::process::id()));
            // `create_dir` fails on a folder that exists: never shared.
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(TempDir(dir)),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no free name")))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run `cmd` to its end or to `deadline`, its standard output and error to
/// the file `out` (read back for a failure's message). A child still
/// running at the deadline is killed and reaped.
fn run(cmd: &mut Command, out: &Path, deadline: Instant) -> Result<(), Failure> {
    let file = std::fs::File::create(out)
        .map_err(|e| Failure::Tool(format!("cannot write {}: {e}", out.display())))?;
    let err = file
        .try_clone()
        .map_err(|e| Failure::Tool(format!("cannot write {}: {e}", out.display())))?;
    let name = Path::new(cmd.get_program())
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err)
        .spawn()
        .map_err(|e| Failure::Tool(format!("cannot run {name}: {e}")))?;
    let mut pause = Duration::from_millis(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let said = std::fs::read_to_string(out).unwrap_or_default();
                let said = said.lines().rev().find(|l| !l.trim().is_empty());
                return Err(Failure::Tool(match said {
                    Some(l) => format!("{name} failed ({status}): {}", l.trim()),
                    None => format!("{name} failed ({status})"),
                }));
            }
            Ok(None) => {}
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::Tool(format!("cannot wait for {name}: {e}")));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Failure::Timeout(0));
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(25));
    }
}

/// Read page `page` (1-based) of the PDF at `pdf` through OCR, within
/// `timeout`; `dir` is a private folder for the page's image and text.
pub fn read_page(
    tools: &Tools,
    pdf: &Path,
    page: u32,
    dir: &Path,
    timeout: Duration,
) -> Result<Page, Failure> {
    let start = Instant::now();
    let deadline = start + timeout;
    let timed_out = |f: Failure| match f {
        Failure::Timeout(_) => Failure::Timeout(timeout.as_secs()),
        f => f,
    };
    let stem = dir.join(format!("p{page}"));
    let n = page.to_string();
    let mut render = Command::new(&tools.pdftoppm);
    render
        .args(["-r", &DPI.to_string(), "-f", &n, "-l", &n])
        .args(["-gray", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&stem);
    run(&mut render, &dir.join(format!("p{page}.log")), deadline).map_err(timed_out)?;
    let image = stem.with_extension("png");
    if !image.is_file() {
        return Err(Failure::Tool(format!(
            "pdftoppm wrote no image of page {page}"
        )));
    }
    let mut read = Command::new(&tools.tesseract);
    read.arg(&image)
        .arg(&stem)
        .args(["-l", tools.languages, "--psm", PSM, "tsv"])
        // One thread per page: the audit runs documents in parallel, and
        // Tesseract's own threads then only contend.
        .env("OMP_THREAD_LIMIT", "1");
    run(&mut read, &dir.join(format!("p{page}.ocr.log")), deadline).map_err(timed_out)?;
    let tsv = std::fs::read_to_string(stem.with_extension("tsv"))
        .map_err(|e| Failure::Tool(format!("tesseract wrote no text: {e}")))?;
    let _ = std::fs::remove_file(&image);
    let mut page = parse_tsv(&tsv, 72.0 / DPI as f32);
    page.seconds = start.elapsed().as_secs_f64();
    Ok(page)
}

/// One word row of Tesseract's TSV.
#[derive(Debug, Clone)]
struct Word {
    block: u32,
    /// The side of its block's gutter (see [`split_columns`]), if the
    /// block has one.
    col: Option<u32>,
    par: u32,
    line: u32,
    bbox: [f32; 4],
    conf: f32,
    text: String,
}

/// Tesseract's TSV (level, page_num, block_num, par_num, line_num,
/// word_num, left, top, width, height, conf, text) read into a [`Page`],
/// pixel boxes scaled by `scale` into points.
pub fn parse_tsv(tsv: &str, scale: f32) -> Page {
    let mut words: Vec<Word> = Vec::new();
    let mut page_width = 0.0f32;
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.splitn(12, '\t').collect();
        if f.len() < 12 {
            continue;
        }
        let num = |i: usize| f[i].trim().parse::<f32>().unwrap_or(0.0);
        let int = |i: usize| f[i].trim().parse::<u32>().unwrap_or(0);
        let (left, top, w, h) = (num(6), num(7), num(8), num(9));
        match int(0) {
            1 => page_width = page_width.max(w * scale),
            5 => {
                let text = f[11].trim();
                if text.is_empty() {
                    continue;
                }
                words.push(Word {
                    block: int(2),
                    col: None,
                    par: int(3),
                    line: int(4),
                    bbox: [
                        left * scale,
                        top * scale,
                        (left + w) * scale,
                        (top + h) * scale,
                    ],
                    conf: (num(10) / 100.0).clamp(0.0, 1.0),
                    text: text.to_string(),
                });
            }
            _ => {}
        }
    }
    build(&words, page_width)
}

/// A line with its Tesseract block and paragraph.
#[derive(Debug, Clone)]
struct Placed {
    block: u32,
    col: Option<u32>,
    par: u32,
    /// Tesseract's line number within the paragraph.
    number: u32,
    line: Line,
    words: usize,
}

fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// A line that is only a clause number: «3.5.», «12.», «4.1», «2)» (a
/// bare «2019» is not).
fn is_lone_number(text: &str) -> bool {
    let t = text.trim();
    let body = t
        .strip_suffix(')')
        .or_else(|| t.strip_suffix('.'))
        .unwrap_or(t);
    let parts: Vec<&str> = body.split('.').collect();
    let digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
    digits && (body.len() < t.len() || parts.len() > 1)
}

/// A line that starts a clause or an item: «1.», «1.1.», «4.1 », «2)»,
/// «•» (a bare year «2019 жылы» does not, nor a dash: «– Ұйым» continues
/// «(бұдан әрі»).
fn starts_item(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    matches!(first, "•" | "·" | "▪") || is_lone_number(first)
}

/// Tesseract reads two columns set side by side with little text (a
/// bilingual page: Kazakh left, Russian right) as one block whose lines
/// run across both. A block where some line has a gap wider than
/// [`GUTTER_GAP`] line heights (and 4 % of the page) is cut at the median
/// such gap, unless words cross it on more than [`GUTTER_CROSSED`] of the
/// block's lines (justified text): each word gets its side (`col`), and
/// the words are reordered
/// so that the block's left side is read before its right (stable:
/// Tesseract's order is kept on each side).
fn split_columns(words: &mut [Word], page_width: f32) {
    let mut blocks: Vec<u32> = Vec::new();
    for w in words.iter() {
        if !blocks.contains(&w.block) {
            blocks.push(w.block);
        }
    }
    for &b in &blocks {
        let mut gaps: Vec<f32> = Vec::new();
        let mut prev: Option<&Word> = None;
        for w in words.iter().filter(|w| w.block == b) {
            if let Some(p) = prev.filter(|p| (p.par, p.line) == (w.par, w.line)) {
                let gap = w.bbox[0] - p.bbox[2];
                let h = (p.bbox[3] - p.bbox[1]).max(w.bbox[3] - w.bbox[1]);
                if gap > GUTTER_GAP * h && gap > 0.04 * page_width {
                    gaps.push((w.bbox[0] + p.bbox[2]) / 2.0);
                }
            }
            prev = Some(w);
        }
        if gaps.is_empty() {
            continue;
        }
        gaps.sort_by(f32::total_cmp);
        let gutter = gaps[gaps.len() / 2];
        // A gutter is crossed by no word, bar a full-width title; wide gaps
        // in justified text fall at other places on other lines, and words
        // cross their median (a page of one column, justified, with few
        // words a line).
        let mut lines: Vec<(u32, u32)> = words
            .iter()
            .filter(|w| w.block == b)
            .map(|w| (w.par, w.line))
            .collect();
        lines.dedup();
        let crossed = words
            .iter()
            .filter(|w| w.block == b && w.bbox[0] < gutter && gutter < w.bbox[2])
            .count();
        if crossed as f32 > GUTTER_CROSSED * lines.len() as f32 {
            continue;
        }
        for w in words.iter_mut().filter(|w| w.block == b) {
            w.col = Some(u32::from((w.bbox[0] + w.bbox[2]) / 2.0 > gutter));
        }
    }
    let rank = |b: u32| blocks.iter().position(|&x| x == b).unwrap_or(usize::MAX);
    words.sort_by_key(|w| (rank(w.block), w.col.unwrap_or(0)));
}

/// See [`split_columns`]: a gap between two words of a line wider than
/// this many line heights is a gutter.
const GUTTER_GAP: f32 = 3.0;

/// See [`split_columns`]: at most this share of a block's lines may have
/// a word across its gutter.
const GUTTER_CROSSED: f32 = 0.2;

/// A Tesseract block, or one side of its gutter.
type Side = (u32, Option<u32>);

fn build(words: &[Word], page_width: f32) -> Page {
    let mut words = words.to_vec();
    split_columns(&mut words, page_width);
    // Lines, in Tesseract's order.
    let mut lines: Vec<Placed> = Vec::new();
    for w in &words {
        match lines.last_mut() {
            Some(l) if (l.block, l.col, l.par, l.number) == (w.block, w.col, w.par, w.line) => {
                l.line.text.push(' ');
                l.line.text.push_str(&w.text);
                l.line.bbox = union(l.line.bbox, w.bbox);
                l.line.confidence += w.conf;
                l.words += 1;
            }
            _ => lines.push(Placed {
                block: w.block,
                col: w.col,
                par: w.par,
                number: w.line,
                line: Line {
                    text: w.text.clone(),
                    bbox: w.bbox,
                    confidence: w.conf,
                },
                words: 1,
            }),
        }
    }
    let total_words: usize = lines.iter().map(|l| l.words).sum();
    let conf_sum: f32 = lines.iter().map(|l| l.line.confidence).sum();
    for l in &mut lines {
        l.line.confidence /= l.words.max(1) as f32;
    }
    attach_hanging_numbers(&mut lines);

    // Block extents, for wrapped ends and columns.
    let mut extents: Vec<(Side, [f32; 4])> = Vec::new();
    for l in &lines {
        match extents.iter_mut().find(|(b, _)| *b == (l.block, l.col)) {
            Some((_, e)) => *e = union(*e, l.line.bbox),
            None => extents.push(((l.block, l.col), l.line.bbox)),
        }
    }
    let extent = |b: Side| {
        extents
            .iter()
            .find(|(x, _)| *x == b)
            .map_or([0.0; 4], |e| e.1)
    };
    let width = if page_width > 0.0 {
        page_width
    } else {
        extents.iter().map(|e| e.1[2]).fold(0.0, f32::max)
    };
    let column = |e: [f32; 4], col: Option<u32>| {
        if let Some(c) = col {
            c
        } else if width <= 0.0 || e[2] - e[0] > 0.6 * width {
            FULL
        } else if (e[0] + e[2]) / 2.0 < width / 2.0 {
            0
        } else {
            1
        }
    };

    let mut page = Page {
        words: total_words,
        confidence: if total_words > 0 {
            conf_sum / total_words as f32
        } else {
            0.0
        },
        ..Page::default()
    };
    let mut key = None;
    let mut above: Option<[f32; 4]> = None;
    for l in lines {
        if !l.line.text.chars().any(char::is_alphanumeric) {
            page.noise.push(l.line);
            continue;
        }
        // A blank line's height above it parts paragraphs too (Tesseract
        // keeps a uniform block in one paragraph).
        let b = l.line.bbox;
        let gap = above.is_some_and(|a| b[1] - a[3] > 0.9 * (b[3] - b[1]));
        let new_par = key != Some((l.block, l.col, l.par)) || starts_item(&l.line.text) || gap;
        key = Some((l.block, l.col, l.par));
        above = Some(b);
        let e = extent((l.block, l.col));
        if new_par || page.paras.is_empty() {
            page.paras.push(Para {
                starts_paragraph: starts_item(&l.line.text),
                ends_wrapped: false,
                column: column(e, l.col),
                lines: Vec::new(),
            });
        }
        if let Some(p) = page.paras.last_mut() {
            // Within a line height of the block's right edge.
            let h = l.line.bbox[3] - l.line.bbox[1];
            p.ends_wrapped = e[2] - l.line.bbox[2] <= h.max(1.0) * 1.5;
            p.lines.push(l.line);
        }
    }
    page
}

/// Put each line that is a lone clause number at the start of the line
/// right of it on the same height (nearest first), in another Tesseract
/// paragraph.
fn attach_hanging_numbers(lines: &mut Vec<Placed>) {
    let mut i = 0;
    while i < lines.len() {
        if !is_lone_number(&lines[i].line.text) {
            i += 1;
            continue;
        }
        let n = lines[i].line.bbox;
        let h = (n[3] - n[1]).max(0.1);
        let target = lines
            .iter()
            .enumerate()
            .filter(|(j, l)| {
                let b = l.line.bbox;
                let overlap = n[3].min(b[3]) - n[1].max(b[1]);
                *j != i
                    && b[0] >= n[2] - h * 0.2
                    && b[0] - n[2] < h * 12.0
                    && overlap >= 0.5 * h.min(b[3] - b[1])
                    && !is_lone_number(&l.line.text)
            })
            .min_by(|a, b| a.1.line.bbox[0].total_cmp(&b.1.line.bbox[0]))
            .map(|(j, _)| j);
        let Some(j) = target else {
            i += 1;
            continue;
        };
        let num = lines.remove(i);
        let j = if j > i { j - 1 } else { j };
        let t = &mut lines[j];
        let words = t.words + num.words;
        t.line.confidence = (t.line.confidence * t.words as f32
            + num.line.confidence * num.words as f32)
            / words as f32;
        t.words = words;
        t.line.text = format!("{} {}", num.line.text, t.line.text);
        t.line.bbox = union(t.line.bbox, num.line.bbox);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TSV of `(block, par, line, left, top, width, height, conf, text)`
    /// words, at a scale of 1.
    type Row<'a> = (u32, u32, u32, u32, u32, u32, u32, i32, &'a str);

    fn tsv(words: &[Row<'_>]) -> String {
        let mut out = String::from(
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
             1\t1\t0\t0\t0\t0\t0\t0\t600\t800\t-1\t\n",
        );
        for (k, w) in words.iter().enumerate() {
            out.push_str(&format!(
                "5\t1\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                w.0,
                w.1,
                w.2,
                k + 1,
                w.3,
                w.4,
                w.5,
                w.6,
                w.7,
                w.8
            ));
        }
        out
    }

    fn texts(page: &Page) -> Vec<Vec<String>> {
        page.paras
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text.clone()).collect())
            .collect()
    }

    #[test]
    fn words_become_lines_and_paragraphs_in_order() {
        let page = parse_tsv(
            &tsv(&[
                (1, 1, 1, 50, 100, 40, 10, 96, "1.1."),
                (1, 1, 1, 95, 100, 60, 10, 90, "Осы"),
                (1, 1, 1, 160, 100, 80, 10, 80, "Саясат"),
                (1, 1, 2, 50, 115, 60, 10, 70, "айқындайды."),
                (1, 1, 3, 50, 130, 40, 10, 90, "1.2."),
                (1, 1, 3, 95, 130, 60, 10, 90, "Мәтін."),
                (2, 1, 1, 50, 300, 5, 5, 10, "|"),
            ]),
            1.0,
        );
        assert_eq!(
            texts(&page),
            [vec!["1.1. Осы Саясат", "айқындайды."], vec!["1.2. Мәтін."]]
        );
        assert!(page.paras.iter().all(|p| p.starts_paragraph));
        assert_eq!(page.noise.len(), 1);
        assert_eq!(page.words, 7);
        assert!(
            (page.confidence - 526.0 / 700.0).abs() < 1e-4,
            "{}",
            page.confidence
        );
        assert_eq!(page.paras[0].lines[0].bbox, [50.0, 100.0, 240.0, 110.0]);
    }

    #[test]
    fn a_hanging_number_joins_the_line_beside_it() {
        // Tesseract read the numbers as a column of their own (block 1)
        // before the clause texts (block 2).
        let page = parse_tsv(
            &tsv(&[
                (1, 1, 1, 50, 100, 30, 10, 90, "3.5."),
                (1, 1, 2, 50, 130, 30, 10, 90, "3.6."),
                (2, 1, 1, 100, 100, 90, 10, 90, "Пайдаланушы"),
                (2, 1, 1, 200, 100, 40, 10, 90, "осы"),
                (2, 1, 2, 100, 115, 90, 10, 90, "келіседі."),
                (2, 1, 3, 100, 130, 90, 10, 90, "Оператор"),
            ]),
            1.0,
        );
        assert_eq!(
            texts(&page),
            [
                vec!["3.5. Пайдаланушы осы", "келіседі."],
                vec!["3.6. Оператор"]
            ]
        );
    }

    #[test]
    fn two_columns_read_as_one_block_are_cut_at_their_gutter() {
        let page = parse_tsv(
            &tsv(&[
                (1, 1, 1, 50, 100, 30, 10, 90, "2."),
                (1, 1, 1, 85, 100, 90, 10, 90, "Қорытынды"),
                (1, 1, 1, 320, 100, 30, 10, 90, "2."),
                (1, 1, 1, 355, 100, 90, 10, 90, "Заключительные"),
                (1, 1, 2, 50, 115, 30, 10, 90, "2.1."),
                (1, 1, 2, 85, 115, 90, 10, 90, "Саясат."),
                (1, 1, 2, 320, 115, 30, 10, 90, "2.1."),
                (1, 1, 2, 355, 115, 90, 10, 90, "Политика."),
            ]),
            1.0,
        );
        assert_eq!(
            texts(&page),
            [
                vec!["2. Қорытынды"],
                vec!["2.1. Саясат."],
                vec!["2. Заключительные"],
                vec!["2.1. Политика."]
            ]
        );
        let cols: Vec<u32> = page.paras.iter().map(|p| p.column).collect();
        assert_eq!(cols, [0, 0, 1, 1]);
    }

    /// Justified text with few words a line leaves wide gaps, at other
    /// places on other lines: words cross their median, and the block is
    /// one column (blind17's scan: each line's right half was read as a
    /// column after the page).
    #[test]
    fn wide_gaps_of_justified_text_are_no_gutter() {
        let page = parse_tsv(
            &tsv(&[
                (1, 1, 1, 50, 100, 40, 10, 90, "1.1."),
                (1, 1, 1, 95, 100, 80, 10, 90, "ТОО"),
                (1, 1, 1, 300, 100, 90, 10, 90, "обеспечивает"),
                (1, 1, 2, 95, 115, 150, 10, 90, "конфиденциальность"),
                (1, 1, 2, 420, 115, 60, 10, 90, "данных"),
                (1, 1, 3, 95, 130, 120, 10, 90, "пользователей"),
                (1, 1, 3, 230, 130, 110, 10, 90, "приложения."),
                (1, 1, 4, 50, 145, 40, 10, 90, "1.2."),
                (1, 1, 4, 95, 145, 200, 10, 90, "Политика"),
                (1, 1, 4, 420, 145, 60, 10, 90, "принята."),
            ]),
            1.0,
        );
        assert_eq!(
            texts(&page),
            [
                vec![
                    "1.1. ТОО обеспечивает",
                    "конфиденциальность данных",
                    "пользователей приложения."
                ],
                vec!["1.2. Политика принята."]
            ]
        );
    }

    #[test]
    fn clause_numbers_and_bullets_are_told_from_years() {
        for (t, lone, item) in [
            ("3.5.", true, true),
            ("4.1", true, true),
            ("12.", true, true),
            ("2)", true, true),
            ("2019", false, false),
            ("2019.", false, false),
            ("1.1. Мәтін", false, true),
            ("• мәтін", false, true),
            ("Мәтін", false, false),
            ("", false, false),
        ] {
            assert_eq!(is_lone_number(t), lone, "{t}");
            assert_eq!(starts_item(t), item, "{t}");
        }
    }

    #[test]
    fn a_child_past_its_deadline_is_killed() {
        let dir = TempDir::new().unwrap();
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let start = Instant::now();
        let got = run(
            &mut cmd,
            &dir.path().join("log"),
            start + Duration::from_millis(200),
        );
        assert_eq!(got, Err(Failure::Timeout(0)));
        assert!(start.elapsed() < Duration::from_secs(5));
        let mut cmd = Command::new("false");
        assert!(matches!(
            run(
                &mut cmd,
                &dir.path().join("log2"),
                Instant::now() + Duration::from_secs(10)
            ),
            Err(Failure::Tool(_))
        ));
        let path = dir.path().to_path_buf();
        drop(dir);
        assert!(!path.exists());
    }
}
