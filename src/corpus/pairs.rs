//! Which inputs of an audited folder are one document: a Kazakh and a
//! Russian version published as two files are paired, by the folder's
//! `manifest.json` (an entry's `pair`) or by name, and audited as one
//! document (`crate::analyze_pair`).
//!
//! The name rule: a file whose name (without its extension) ends in a
//! language code after `_` or `-` is one half of a pair: `kk`, `kz`, `qaz`,
//! `kaz` for the Kazakh version, `ru`, `rus` for the Russian one, in any
//! case. Two halves in one folder with the same rest of the name
//! (`policy_kk.pdf`, `policy-RU.docx`) are a pair when that rest names
//! exactly one half of each language. A name with two codes
//! (`policy_ru_kk.txt`) is a bilingual file, not a half. A half without
//! its other half is audited alone, with a note (see [`Unit::note`]).
//!
//! Invariant: every input is in exactly one [`Unit`]; units come in the
//! order of their first file in the inputs (sorted by path), and a pair
//! lists its Kazakh file first (for a manifest pair: the entry's `file`,
//! then its `pair`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::Lang;

/// One document to audit: one file, or a pair of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// One path, or two for a pair (see the module's invariant).
    pub paths: Vec<PathBuf>,
    /// For a half audited alone: why it has no other half (no file of the
    /// other language with its name, or several), for a warning on the
    /// document when it turns out to hold one language.
    pub note: Option<String>,
}

impl Unit {
    /// One file alone.
    pub fn one(path: &Path) -> Unit {
        Unit {
            paths: vec![path.to_path_buf()],
            note: None,
        }
    }
}

/// Language codes a half's name ends in.
const KAZAKH: &[&str] = &["kk", "kz", "qaz", "kaz"];
const RUSSIAN: &[&str] = &["ru", "rus"];

/// The language code at the end of `stem` after `_` or `-`, and the rest.
fn code(stem: &str) -> Option<(&str, Lang)> {
    let cut = stem.rfind(['_', '-'])?;
    let (rest, tail) = (&stem[..cut], stem[cut + 1..].to_ascii_lowercase());
    let lang = if KAZAKH.contains(&tail.as_str()) {
        Lang::Kk
    } else if RUSSIAN.contains(&tail.as_str()) {
        Lang::Ru
    } else {
        return None;
    };
    (!rest.is_empty()).then_some((rest, lang))
}

/// The half a path's name makes it: (its folder and the rest of its name,
/// lower case; its language), or `None` for a name with no language code
/// or with two (a bilingual file).
pub fn half(path: &Path) -> Option<((PathBuf, String), Lang)> {
    let stem = path.file_stem()?.to_str()?;
    let (rest, lang) = code(stem)?;
    if code(rest).is_some() {
        return None;
    }
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Some(((folder, rest.to_lowercase()), lang))
}

/// The file name of a path, for notes.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Group `inputs` (sorted by path) into units: the `declared` pairs first
/// (pairs of inputs a manifest names; a declared pair with a path not
/// among the inputs, or one already used, is ignored), then pairs by name
/// (see the module's rule), every other input alone.
pub fn units(inputs: &[PathBuf], declared: &[(PathBuf, PathBuf)]) -> Vec<Unit> {
    // The unit each input starts or joins, by its index in `inputs`.
    let index: BTreeMap<&Path, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_path(), i))
        .collect();
    let mut partner: Vec<Option<usize>> = vec![None; inputs.len()];
    let mut taken = vec![false; inputs.len()];
    for (a, b) in declared {
        let (Some(&i), Some(&j)) = (index.get(a.as_path()), index.get(b.as_path())) else {
            continue;
        };
        if i == j || taken[i] || taken[j] {
            continue;
        }
        partner[i] = Some(j);
        taken[i] = true;
        taken[j] = true;
    }
    let mut groups: BTreeMap<(PathBuf, String), [Vec<usize>; 2]> = BTreeMap::new();
    for (i, p) in inputs.iter().enumerate() {
        if taken[i] {
            continue;
        }
        if let Some((key, lang)) = half(p) {
            groups.entry(key).or_default()[usize::from(lang == Lang::Ru)].push(i);
        }
    }
    let mut notes: Vec<Option<String>> = vec![None; inputs.len()];
    for ((_, rest), [kk, ru]) in &groups {
        match (kk.as_slice(), ru.as_slice()) {
            ([k], [r]) => {
                partner[*k] = Some(*r);
                taken[*k] = true;
                taken[*r] = true;
            }
            (kk, []) | ([], kk) => {
                let other = if ru.is_empty() { "Russian" } else { "Kazakh" };
                for &i in kk {
                    notes[i] = Some(format!(
                        "an unpaired half: no {other} file named like «{rest}_{code}.*» \
                         beside it, so it was audited alone",
                        code = if ru.is_empty() { "ru" } else { "kk" }
                    ));
                }
            }
            (kk, ru) => {
                let all: Vec<String> = kk
                    .iter()
                    .chain(ru)
                    .map(|&i| file_name(&inputs[i]))
                    .collect();
                for &i in kk.iter().chain(ru) {
                    notes[i] = Some(format!(
                        "not paired: the files {} do not make one Kazakh and one Russian \
                         file (a manifest entry's `pair` can say which go together), so it \
                         was audited alone",
                        all.join(", ")
                    ));
                }
            }
        }
    }
    let mut out = Vec::with_capacity(inputs.len());
    let mut second = vec![false; inputs.len()];
    for p in partner.iter().flatten() {
        second[*p] = true;
    }
    for (i, p) in inputs.iter().enumerate() {
        if second[i] {
            continue;
        }
        let mut unit = Unit::one(p);
        match partner[i] {
            Some(j) => unit.paths.push(inputs[j].clone()),
            None => unit.note = notes[i].take(),
        }
        out.push(unit);
    }
    out
}

/// The notes of the inputs [`units`] leaves alone among `siblings` (the
/// inputs of one folder, sorted) and the `declared` pairs, by path: what a
/// file given on its own (`qostil sketch FILE`) is noted with, so that its
/// record is the one the audit of the folder makes. A file whose other
/// half is beside it but not given has no note: it was asked for alone.
pub fn notes(siblings: &[PathBuf], declared: &[(PathBuf, PathBuf)]) -> BTreeMap<PathBuf, String> {
    units(siblings, declared)
        .into_iter()
        .filter_map(|mut u| {
            let note = u.note.take()?;
            (u.paths.len() == 1).then(|| (u.paths.remove(0), note))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    fn shown(units: &[Unit]) -> Vec<String> {
        units
            .iter()
            .map(|u| {
                let names: Vec<String> = u.paths.iter().map(|p| p.display().to_string()).collect();
                format!(
                    "{}{}",
                    names.join(" + "),
                    if u.note.is_some() { " (unpaired)" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn halves_by_name() {
        let cases: &[(&str, Option<(&str, Lang)>)] = &[
            ("d/policy_kk.pdf", Some(("policy", Lang::Kk))),
            ("d/Policy-RU.docx", Some(("policy", Lang::Ru))),
            ("d/policy_kz.txt", Some(("policy", Lang::Kk))),
            ("d/policy_qaz.html", Some(("policy", Lang::Kk))),
            ("d/policy_kaz.pdf", Some(("policy", Lang::Kk))),
            ("d/policy_rus.pdf", Some(("policy", Lang::Ru))),
            ("d/policy_ru_kk.txt", None),
            ("d/fintechlab_kk_ru.txt", None),
            ("d/policy.pdf", None),
            ("d/kk.pdf", None),
            ("d/policy_en.pdf", None),
            ("d/truck.pdf", None),
        ];
        for (path, want) in cases {
            let got = half(Path::new(path));
            let got = got.as_ref().map(|((_, rest), lang)| (rest.as_str(), *lang));
            assert_eq!(got, *want, "{path}");
        }
    }

    #[test]
    fn pairs_by_name_by_manifest_and_unpaired_halves() {
        let inputs = paths(&[
            "d/a_kk.pdf",
            "d/a_ru.pdf",
            "d/b_kk.pdf",
            "d/both_ru_kk.txt",
            "d/c_kk.txt",
            "d/c_ru.pdf",
            "d/c_ru.txt",
            "d/kaz.pdf",
            "d/rus.txt",
            "e/a_ru.pdf",
        ]);
        let declared = vec![(PathBuf::from("d/rus.txt"), PathBuf::from("d/kaz.pdf"))];
        assert_eq!(
            shown(&units(&inputs, &declared)),
            [
                "d/a_kk.pdf + d/a_ru.pdf",
                "d/b_kk.pdf (unpaired)",
                "d/both_ru_kk.txt",
                "d/c_kk.txt (unpaired)",
                "d/c_ru.pdf (unpaired)",
                "d/c_ru.txt (unpaired)",
                "d/rus.txt + d/kaz.pdf",
                "e/a_ru.pdf (unpaired)",
            ]
        );
        let noted = notes(&inputs, &declared);
        assert_eq!(noted.len(), 5);
        assert!(noted[Path::new("d/b_kk.pdf")].contains("no Russian file named like «b_ru.*»"));
        assert!(noted[Path::new("e/a_ru.pdf")].contains("no Kazakh file named like «a_kk.*»"));
        assert!(noted[Path::new("d/c_ru.txt")].contains("c_kk.txt, c_ru.pdf, c_ru.txt"));
        // Every input exactly once.
        let mut all: Vec<PathBuf> = units(&inputs, &declared)
            .into_iter()
            .flat_map(|u| u.paths)
            .collect();
        all.sort();
        assert_eq!(all, inputs);
    }
}
