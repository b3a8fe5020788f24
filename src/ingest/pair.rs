//! Two files, one bilingual document: a Kazakh and a Russian version
//! published separately (`X_kk.pdf` + `X_ru.pdf`), in any formats, read as
//! one document by `crate::analyze_pair`.
//!
//! Each file is ingested on its own ([`super::ingest_within`]); then
//! [`version`] reads which language the file holds (its blocks tagged as a
//! one-file document's are, and their letters counted), and [`combine`]
//! lays the two files one after the other as one [`Ingested`]: the Kazakh
//! file's text first, then the Russian file's after [`SEPARATOR`], every
//! block of a file tagged with that file's language (a Russian paragraph
//! left in the Kazakh file is a Kazakh-stream clause written in Russian,
//! which `check` reports as untranslated, not a clause moved to the other
//! stream).
//!
//! Invariants: every span of the combined document lies inside one file's
//! range of [`Source::text`] (`[offset, offset + len)` of its
//! [`SourceFile`]), so [`Source::locate`] maps it back into that file's own
//! decoded text; the Kazakh file's range comes first; a one-file
//! document's [`Source::files`] stays empty.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Block, Lang, Source, SourceFile, Span, Warning};

use super::{Ingested, sha256};

/// What separates the two files' texts in [`Source::text`]: whitespace, so
/// it is in no clause and counts for no coverage.
pub const SEPARATOR: &str = "\n\n";

/// A file holds one version when the other language has less than this
/// share of its letters (a quoted name, a bilingual title).
pub const OTHER_SHARE: f64 = 0.2;

/// The letters of each language in a file's blocks, once tagged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters {
    pub kk: usize,
    pub ru: usize,
}

impl Letters {
    /// The share of Kazakh letters in [0, 1] (0 when there are none).
    pub fn kk_share(self) -> f64 {
        let all = self.kk + self.ru;
        if all == 0 {
            0.0
        } else {
            self.kk as f64 / all as f64
        }
    }
}

/// The letters of a block that belong to its language: Cyrillic ones,
/// and in a Kazakh block written in the Latin alphabet its Latin ones
/// (English text tagged by its context holds none).
fn own_letters(text: &str, lang: Lang) -> usize {
    let cyrillic = text
        .chars()
        .filter(|&c| crate::tokens::is_letter(c) && crate::tokens::is_cyrillic(c))
        .count();
    if lang == Lang::Kk && crate::lang::latin_kazakh_score(text) > 0.0 {
        text.chars()
            .filter(|&c| crate::tokens::is_letter(c))
            .count()
    } else {
        cyrillic
    }
}

/// Count the letters of each language in `blocks`, tagged as a one-file
/// document's blocks are (a copy is tagged; `blocks` are not changed).
pub fn letters(blocks: &[Block]) -> Letters {
    let mut tagged = crate::lang::split_bilingual(blocks.to_vec());
    crate::lang::tag(&mut tagged);
    let mut out = Letters::default();
    for b in &tagged {
        let n = own_letters(&b.text(), b.lang);
        match b.lang {
            Lang::Kk => out.kk += n,
            Lang::Ru => out.ru += n,
            Lang::Other => {}
        }
    }
    out
}

/// The version a file holds, from its [`letters`].
///
/// Errors: [`ErrorKind::NoText`] when it has no Kazakh or Russian letters
/// (an English file); [`ErrorKind::PairLanguages`] when it holds both
/// languages, the smaller one with at least [`OTHER_SHARE`] of its letters
/// (a bilingual file is read alone, not as one half of a pair).
pub fn version(name: &str, letters: Letters) -> Result<Lang> {
    if letters.kk + letters.ru == 0 {
        return Err(Error::new(name, ErrorKind::NoText));
    }
    let kk = letters.kk_share();
    if kk.min(1.0 - kk) >= OTHER_SHARE {
        return Err(Error::new(
            name,
            ErrorKind::PairLanguages(format!(
                "the file holds both languages (Kazakh {:.0}%, Russian {:.0}% of its \
                 letters): read it alone, as a bilingual document",
                kk * 100.0,
                (1.0 - kk) * 100.0
            )),
        ));
    }
    Ok(if kk > 0.5 { Lang::Kk } else { Lang::Ru })
}

/// The name of a document read from two files: the Kazakh file's, ` + `,
/// the Russian file's.
pub fn pair_name(kk: &str, ru: &str) -> String {
    format!("{kk} + {ru}")
}

/// The check that two files' versions are a Kazakh and a Russian one:
/// `true` when `a` is the Kazakh file, `false` when `b` is.
///
/// Errors: [`ErrorKind::PairLanguages`] naming `b` when both hold one
/// language.
pub fn kazakh_first(a: (&str, Lang), b: (&str, Lang)) -> Result<bool> {
    if a.1 == b.1 {
        return Err(Error::new(
            b.0,
            ErrorKind::PairLanguages(format!(
                "it reads as {lang}, and so does {other}: give one Kazakh and one \
                 Russian file",
                lang = b.1.name(),
                other = a.0
            )),
        ));
    }
    Ok(a.1 == Lang::Kk)
}

fn shift(span: Span, by: usize) -> Span {
    Span {
        start: span.start + by,
        end: span.end + by,
        page: span.page,
    }
}

/// One file of a pair: the name it was given by, and what ingest made of
/// it.
pub struct Half<'a> {
    pub name: &'a str,
    pub ingested: Ingested,
}

/// Lay the Kazakh and the Russian file out as one document (see the
/// module's invariants): the Russian file's spans shifted past the Kazakh
/// text and [`SEPARATOR`], every block tagged with its file's language, the
/// files recorded in [`Source::files`], each file's warnings prefixed with
/// its name. The document's `sha256` is the hash of the two files'
/// hashes (hex, joined by a line break), its encoding the two files'
/// joined by `+` when they differ (`pdf+utf-8`).
pub fn combine(kk: Half<'_>, ru: Half<'_>) -> Ingested {
    let offset = kk.ingested.source.text.len() + SEPARATOR.len();
    let file = |h: &Half<'_>, lang: Lang, offset: usize| SourceFile {
        source: h.name.to_string(),
        sha256: h.ingested.source.sha256.clone(),
        encoding: h.ingested.source.encoding.clone(),
        lang,
        offset,
        len: h.ingested.source.text.len(),
        ocr_pages: h.ingested.source.ocr_pages.clone(),
    };
    let files = vec![file(&kk, Lang::Kk, 0), file(&ru, Lang::Ru, offset)];
    let name = pair_name(kk.name, ru.name);
    let sha = sha256(format!("{}\n{}", files[0].sha256, files[1].sha256).as_bytes());
    let encoding = if files[0].encoding == files[1].encoding {
        files[0].encoding.clone()
    } else {
        format!("{}+{}", files[0].encoding, files[1].encoding)
    };
    let mut text = kk.ingested.source.text;
    text.push_str(SEPARATOR);
    text.push_str(&ru.ingested.source.text);
    let mut normalised = kk.ingested.normalised;
    normalised.push_str(SEPARATOR);
    normalised.push_str(&ru.ingested.normalised);
    let mut warnings: Vec<Warning> = Vec::new();
    for (name, ws) in [
        (kk.name, kk.ingested.source.warnings),
        (ru.name, ru.ingested.source.warnings),
    ] {
        warnings.extend(ws.into_iter().map(|w| Warning {
            message: format!("{name}: {}", w.message),
            ..w
        }));
    }
    let mut repairs = kk.ingested.source.repairs;
    repairs.extend(ru.ingested.source.repairs.into_iter().map(|mut r| {
        r.span = shift(r.span, offset);
        r
    }));
    let mut blocks = kk.ingested.blocks;
    for b in &mut blocks {
        b.lang = Lang::Kk;
    }
    // Layout groups and table rows number afresh in each file: the
    // Russian file's come after the Kazakh file's.
    let next =
        |f: fn(&Block) -> Option<u32>| blocks.iter().filter_map(f).max().map_or(0, |m| m + 1);
    let (groups, rows) = (next(|b| b.group), next(|b| b.row));
    blocks.extend(ru.ingested.blocks.into_iter().map(|mut b| {
        b.lang = Lang::Ru;
        b.group = b.group.map(|g| g.saturating_add(groups));
        b.row = b.row.map(|r| r.saturating_add(rows));
        for r in &mut b.runs {
            r.span = shift(r.span, offset);
        }
        b
    }));
    let mut dropped = kk.ingested.dropped;
    dropped.extend(ru.ingested.dropped.into_iter().map(|mut d| {
        d.span = shift(d.span, offset);
        d
    }));
    Ingested {
        source: Source {
            name,
            sha256: sha,
            encoding,
            text,
            warnings,
            repairs,
            files,
            ocr_pages: Vec::new(),
        },
        ocr_time: kk.ingested.ocr_time + ru.ingested.ocr_time,
        normalised,
        blocks,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest;

    const KK: &str =
        "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді өңдеу тәртібін белгілейді.\n";
    const RU: &str = "1. Общие положения\n\n1.1. Настоящая Политика определяет порядок обработки персональных данных.\n";

    #[test]
    fn each_file_reads_as_its_version() {
        let kk = ingest("a_kk.txt", KK.as_bytes()).unwrap();
        let ru = ingest("a_ru.txt", RU.as_bytes()).unwrap();
        assert_eq!(version("a_kk.txt", letters(&kk.blocks)).unwrap(), Lang::Kk);
        assert_eq!(version("a_ru.txt", letters(&ru.blocks)).unwrap(), Lang::Ru);
        let both = ingest("b.txt", format!("{KK}\n{RU}").as_bytes()).unwrap();
        let err = version("b.txt", letters(&both.blocks)).unwrap_err();
        assert!(
            matches!(&err.kind, ErrorKind::PairLanguages(m) if m.contains("both languages")),
            "{err}"
        );
        let en = ingest(
            "en.txt",
            b"1. General\n\n1.1. This Policy sets out how data is processed.\n",
        )
        .unwrap();
        assert_eq!(
            version("en.txt", letters(&en.blocks)).unwrap_err().kind,
            ErrorKind::NoText
        );
    }

    #[test]
    fn two_files_of_one_language_are_an_error_naming_the_second() {
        assert!(kazakh_first(("a", Lang::Kk), ("b", Lang::Ru)).unwrap());
        assert!(!kazakh_first(("a", Lang::Ru), ("b", Lang::Kk)).unwrap());
        let err = kazakh_first(("a.pdf", Lang::Ru), ("b.pdf", Lang::Ru)).unwrap_err();
        assert_eq!(err.path, "b.pdf");
        assert!(
            err.to_string().contains("Russian, and so does a.pdf"),
            "{err}"
        );
    }

    #[test]
    fn combined_spans_locate_into_their_own_file() {
        let kk = ingest("a_kk.txt", KK.as_bytes()).unwrap();
        let ru = ingest("a_ru.txt", RU.as_bytes()).unwrap();
        let both = combine(
            Half {
                name: "a_kk.txt",
                ingested: kk,
            },
            Half {
                name: "a_ru.txt",
                ingested: ru,
            },
        );
        assert_eq!(both.source.name, "a_kk.txt + a_ru.txt");
        assert_eq!(both.source.files.len(), 2);
        assert_eq!(both.source.files[1].offset, KK.len() + SEPARATOR.len());
        for b in &both.blocks {
            for r in &b.runs {
                let (file, span) = both.source.locate(r.span);
                let file = file.unwrap();
                assert_eq!(file.lang, b.lang);
                let own = if b.lang == Lang::Kk { KK } else { RU };
                // The run's text is the file's own bytes at the located span.
                assert_eq!(
                    &own[span.start..span.end],
                    &both.source.text[r.span.start..r.span.end]
                );
            }
        }
        assert!(both.blocks.iter().any(|b| b.lang == Lang::Ru));
    }
}
