//! The Kazakh spelling dictionary: Debian's Hunspell dictionary
//! (`hunspell-kk`, [`SYSTEM_DIC`] with its `.aff` beside it) read with the
//! `spellbook` crate, and the spelling data qostil ships beside it
//! (`data/kk_spelling.tsv`: word forms the dictionary lacks, and real words
//! that are misspellings after a given word).
//!
//! Invariants: a dictionary is read at most once per process for a given
//! [`KkDictionary`] value and its clones (they share one cell), lazily, on
//! the first word checked, never per document; [`KkDictionary::system`]
//! values all share one cell, so every `Config::default()` of a process
//! reads the system dictionary once. A dictionary that cannot be read
//! (absent, unreadable, malformed) is never an error of a document: the
//! spelling check falls back to the shipped word list and
//! [`KkDictionary::unavailable`] says why, for the binary to say once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::error::{Error, ErrorKind, Result};

/// Where Debian's `hunspell-kk` installs the Kazakh dictionary's word list
/// (the affix file is `kk_KZ.aff` beside it).
pub const SYSTEM_DIC: &str = "/usr/share/hunspell/kk_KZ.dic";

/// The spelling data shipped with qostil.
pub const KK_SPELLING: &str = include_str!("../../data/kk_spelling.tsv");

/// What loading gave: the dictionary, or why there is none.
enum Loaded {
    Ready(Box<spellbook::Dictionary>),
    Unavailable(String),
}

/// A Hunspell dictionary read on first use. Cloning shares the loaded
/// dictionary (an `Arc`), so threads and documents read one copy.
#[derive(Clone)]
pub struct KkDictionary {
    /// The `.dic` file; `None` for no dictionary at all (word list only).
    dic: Option<PathBuf>,
    cell: Arc<OnceLock<Loaded>>,
}

static SYSTEM: LazyLock<Arc<OnceLock<Loaded>>> = LazyLock::new(|| Arc::new(OnceLock::new()));

impl std::fmt::Debug for KkDictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.cell.get() {
            None => "not loaded yet",
            Some(Loaded::Ready(_)) => "loaded",
            Some(Loaded::Unavailable(_)) => "unavailable",
        };
        f.debug_struct("KkDictionary")
            .field("dic", &self.dic)
            .field("state", &state)
            .finish()
    }
}

impl Default for KkDictionary {
    fn default() -> KkDictionary {
        KkDictionary::system()
    }
}

impl KkDictionary {
    /// Debian's dictionary at [`SYSTEM_DIC`], shared by the whole process.
    pub fn system() -> KkDictionary {
        KkDictionary {
            dic: Some(PathBuf::from(SYSTEM_DIC)),
            cell: SYSTEM.clone(),
        }
    }

    /// The dictionary whose word list is `dic` (a `.dic` file; the `.aff`
    /// file of the same name beside it), read on first use.
    pub fn at(dic: &Path) -> KkDictionary {
        KkDictionary {
            dic: Some(dic.to_path_buf()),
            cell: Arc::new(OnceLock::new()),
        }
    }

    /// No dictionary: spelling uses the shipped word list only.
    pub fn none() -> KkDictionary {
        let cell = OnceLock::new();
        let _ = cell.set(Loaded::Unavailable("no dictionary was asked for".into()));
        KkDictionary {
            dic: None,
            cell: Arc::new(cell),
        }
    }

    /// The `.dic` file this value reads, if any.
    pub fn path(&self) -> Option<&Path> {
        self.dic.as_deref()
    }

    fn loaded(&self) -> &Loaded {
        self.cell.get_or_init(|| match &self.dic {
            None => Loaded::Unavailable("no dictionary was asked for".into()),
            Some(dic) => match read(dic) {
                Ok(d) => Loaded::Ready(Box::new(d)),
                Err(why) => Loaded::Unavailable(why),
            },
        })
    }

    /// The dictionary, read now if this is the first call; `None` when it
    /// cannot be read (see [`KkDictionary::unavailable`]).
    pub fn get(&self) -> Option<&spellbook::Dictionary> {
        match self.loaded() {
            Loaded::Ready(d) => Some(d),
            Loaded::Unavailable(_) => None,
        }
    }

    /// Why the dictionary could not be read, if reading it was tried
    /// (never reads it): for saying so once, at the end of a run.
    pub fn failed(&self) -> Option<&str> {
        match (&self.dic, self.cell.get()) {
            (Some(_), Some(Loaded::Unavailable(why))) => Some(why),
            _ => None,
        }
    }

    /// Why there is no dictionary (reading it now if need be), as a
    /// sentence naming the file; `None` when it is read.
    pub fn unavailable(&self) -> Option<&str> {
        match self.loaded() {
            Loaded::Ready(_) => None,
            Loaded::Unavailable(why) => Some(why),
        }
    }
}

/// Read a `.dic` file and the `.aff` beside it.
fn read(dic: &Path) -> std::result::Result<spellbook::Dictionary, String> {
    let aff = dic.with_extension("aff");
    let text = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let (aff_text, dic_text) = (text(&aff)?, text(dic)?);
    spellbook::Dictionary::new(&aff_text, &dic_text)
        .map_err(|e| format!("cannot parse {}: {e}", dic.display()))
}

/// A real word that is a misspelling where it follows one of `after`
/// («үйімі» 'my house's' for «ұйымы» 'organisation' after «микроқаржы»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusable {
    /// The stem as found (lower case).
    pub found: String,
    /// The stem meant.
    pub meant: String,
    /// Stems of the word before it (lower case); one must start that word.
    pub after: Vec<String>,
}

/// The spelling data besides the dictionary (`data/kk_spelling.tsv`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpellingData {
    /// Stems the dictionary lacks: a word is known when it is one of
    /// these followed by Kazakh suffixes (lower case).
    pub stems: BTreeSet<String>,
    /// Real words that are misspellings in a given context.
    pub confusables: Vec<Confusable>,
}

impl SpellingData {
    /// Parse the data: `stem<TAB>WORD` lines and
    /// `confusable<TAB>FOUND<TAB>MEANT<TAB>AFTER|AFTER…` lines, `#`
    /// comments. Errors name the file and line: an unknown kind, a missing
    /// field, a word that is not lower-case Cyrillic.
    pub fn parse(name: &str, text: &str) -> Result<SpellingData> {
        let mut out = SpellingData::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: String| Error::new(name, ErrorKind::Rules(what)).at_line(i + 1);
            let word = |w: &str| -> Result<String> {
                let w = w.trim();
                if w.is_empty()
                    || w.chars()
                        .any(|c| !('\u{0400}'..='\u{04FF}').contains(&c) || c.is_uppercase())
                {
                    return Err(err(format!("{w:?} is not a lower-case Cyrillic word")));
                }
                Ok(w.to_string())
            };
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["stem", w] => {
                    out.stems.insert(word(w)?);
                }
                ["confusable", found, meant, after] => {
                    out.confusables.push(Confusable {
                        found: word(found)?,
                        meant: word(meant)?,
                        after: after.split('|').map(word).collect::<Result<_>>()?,
                    });
                }
                _ => {
                    return Err(err(format!(
                        "expected `stem<TAB>WORD` or `confusable<TAB>FOUND<TAB>MEANT<TAB>AFTER`, got {line:?}"
                    )));
                }
            }
        }
        Ok(out)
    }

    /// The shipped data.
    pub fn builtin() -> SpellingData {
        // The embedded file is validated by a unit test.
        SpellingData::parse("data/kk_spelling.tsv", KK_SPELLING).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_spelling_data_is_valid() {
        let d = SpellingData::parse("data/kk_spelling.tsv", KK_SPELLING).unwrap();
        assert!(d.stems.contains("өңде"));
        assert!(d.confusables.iter().any(|c| c.found == "үйім"));
    }

    #[test]
    fn bad_spelling_data_names_the_line() {
        let e = SpellingData::parse("s.tsv", "# c\nstem\tөңде\nstem\tAbc\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(SpellingData::parse("s.tsv", "word\tөңде\n").is_err());
        assert!(SpellingData::parse("s.tsv", "confusable\tа\tә\n").is_err());
    }

    #[test]
    fn a_missing_dictionary_is_unavailable_not_an_error() {
        let d = KkDictionary::at(Path::new("/nonexistent/kk_KZ.dic"));
        assert!(d.get().is_none());
        assert!(d.unavailable().unwrap().contains("/nonexistent/kk_KZ.aff"));
        assert!(KkDictionary::none().get().is_none());
    }

    #[test]
    fn a_dictionary_is_read_from_its_two_files() {
        let dir = std::env::temp_dir().join(format!("qostil-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("t.aff"),
            "\u{feff}SET UTF-8\nSFX A N 1\nSFX A 0 ға [аоуұы]\n",
        )
        .unwrap();
        std::fs::write(dir.join("t.dic"), "\u{feff}2\nсаясат\nбала/A\n").unwrap();
        let d = KkDictionary::at(&dir.join("t.dic"));
        let dict = d.get().expect("read");
        assert!(dict.check("саясат") && dict.check("балаға") && !dict.check("өндеу"));
        // A clone shares what was read.
        assert!(d.clone().get().is_some());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
