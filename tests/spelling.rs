//! Kazakh spelling with Debian's Hunspell dictionary (issue 11, items 5-7):
//! the trial inputs' right answers, the recall of the misspellings read in
//! the corpus (`fixtures/gold/kk_misspellings.tsv`), no false
//! `kazakh_spelling` on the held-out legal sets, stems with Kazakh voicing,
//! and the law named as the statute names it, once per document.
//!
//! The dictionary tests need `hunspell-kk` (/usr/share/hunspell/kk_KZ.dic):
//! without it they print why and pass without checking, except under
//! `CI=true` (as `.ci/run` runs, after installing it), where a missing
//! dictionary is a failure. Run with `-- --nocapture` for the figures.

use std::collections::BTreeMap;

use crate::util::{qostil, stderr};

const DIC: &str = "/usr/share/hunspell/kk_KZ.dic";

/// Whether the dictionary is installed: false (after saying so) outside
/// CI; a panic under `CI=true`.
fn dictionary_or_skip(test: &str) -> bool {
    if std::path::Path::new(DIC).exists() {
        return true;
    }
    let why = format!("{DIC} is missing (apt-get install hunspell-kk)");
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {why}, and CI=true: the Kazakh dictionary must be read under CI");
    }
    println!("SKIPPED {test}: {why}");
    false
}

/// The findings of `qostil check FILE -f json` (plus extra arguments).
fn findings(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-f", "json"]);
    let o = qostil(&all);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["findings"].as_array().unwrap().clone()
}

/// (clause id, word, correction, explanation) of each misspelled word
/// `kazakh_spelling` names in FILE.
fn misspelled(files: &[&str]) -> Vec<(String, String, String, String)> {
    let re = regex::Regex::new(r"«([^»]+)» → «([^»]+)» \(([^)]*)\)").unwrap();
    let mut out = Vec::new();
    for f in findings(files) {
        if f["kind"] != "kazakh_spelling" {
            continue;
        }
        let id = f["clauses"][0].as_str().map_or_else(
            || f["clauses"][0]["id"].as_str().unwrap().to_string(),
            str::to_string,
        );
        for c in re.captures_iter(f["message"].as_str().unwrap()) {
            out.push((id.clone(), c[1].into(), c[2].into(), c[3].into()));
        }
    }
    out
}

#[test]
fn correct_words_of_the_trial_are_not_misspellings() {
    if !dictionary_or_skip("correct_words_of_the_trial_are_not_misspellings") {
        return;
    }
    // «өту» (to pass) and «жанармай» (fuel) were "corrected" to «ету» and
    // «жаңармай» by the word list.
    let m = misspelled(&["fixtures/shared-cases/trial/spell_kk.txt"]);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn real_misspellings_are_found_and_said_for_what_they_are() {
    if !dictionary_or_skip("real_misspellings_are_found_and_said_for_what_they_are") {
        return;
    }
    let mut all = Vec::new();
    for f in [
        "corpus/finbox_kk.txt",
        "corpus/beeclever_ru_kk.txt",
        "corpus/fintechlab_kk_ru.txt",
    ] {
        all.extend(misspelled(&[f]));
    }
    let find = |word: &str| {
        all.iter()
            .find(|m| m.1 == word)
            .unwrap_or_else(|| panic!("«{word}» is not found: {all:?}"))
    };
    let cases = [
        ("Пайдалануыш", "Пайдаланушы", "«ыш» for «шы»"),
        ("үйімі", "ұйымы", "a real word in the wrong place"),
        ("айдаланушыларға", "пайдаланушыларға", "a dropped «п»"),
        (
            "келесілеркіреді",
            "келесілер кіреді",
            "two words run together",
        ),
        ("қуәлік", "куәлік", "Kazakh «қ» where «к» is right"),
        ("үялы", "ұялы", "Kazakh «ү» for Kazakh «ұ»"),
        ("өндеу", "өңдеу", "Russian «н» for Kazakh «ң»"),
        ("Пайдалануышының", "Пайдаланушының", "an extra «ы»"),
    ];
    for (word, fix, why) in cases {
        let m = find(word);
        assert_eq!((m.2.as_str(), m.3.as_str()), (fix, why), "{word}");
    }
    // «үфымдар»: a Kazakh letter for another and a look-alike, never
    // "Russian letters".
    let m = find("үфымдар");
    assert_eq!(m.2, "ұғымдар");
    assert!(!m.3.contains("Russian"), "{m:?}");
}

/// The gold rows: file → (clause, word) → correction.
fn gold() -> BTreeMap<String, Vec<(String, String, String)>> {
    let text = std::fs::read_to_string("fixtures/gold/kk_misspellings.tsv").unwrap();
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t"))
    {
        let f: Vec<&str> = line.split('\t').collect();
        out.entry(f[0].to_string())
            .or_default()
            .push((f[1].into(), f[2].into(), f[3].into()));
    }
    out
}

#[test]
fn recall_on_the_corpus_misspellings_read_by_hand_with_no_false_finding() {
    if !dictionary_or_skip("recall_on_the_corpus_misspellings_read_by_hand_with_no_false_finding") {
        return;
    }
    let (mut total, mut found, mut right, mut extra) = (0, 0, 0, Vec::new());
    for (file, rows) in gold() {
        let mut flagged = misspelled(&[&format!("corpus/{file}")]);
        for (clause, word, fix) in &rows {
            total += 1;
            if let Some(i) = flagged.iter().position(|m| &m.0 == clause && &m.1 == word) {
                found += 1;
                right += usize::from(&flagged[i].2 == fix);
                flagged.remove(i);
            }
        }
        extra.extend(flagged.into_iter().map(|m| (file.clone(), m)));
    }
    println!(
        "kazakh_spelling on corpus/: {found}/{total} misspellings found ({:.2}), {right} with the gold's correction, {} words flagged outside the gold",
        found as f64 / total as f64,
        extra.len()
    );
    assert_eq!(total, 70);
    // Measured 48/70 (0.69) when this test was written.
    assert!(found >= 48, "recall fell: {found}/{total}");
    assert!(extra.is_empty(), "flagged outside the gold: {extra:?}");
}

#[test]
fn no_false_spelling_on_the_held_out_legal_policies() {
    if !dictionary_or_skip("no_false_spelling_on_the_held_out_legal_policies") {
        return;
    }
    let mut flagged = Vec::new();
    let mut files = 0;
    let unseen = ["fixtures/unseen_legal"];
    for &dir in crate::util::HELD_OUT_LEGAL.iter().chain(&unseen) {
        for e in std::fs::read_dir(dir).unwrap() {
            let g = e.unwrap().path();
            // The policies beside their gold, not the briefs and notes.
            if g.to_string_lossy().ends_with(".gold.json") {
                files += 1;
                let p = crate::util::policy_of(&g);
                flagged.extend(misspelled(
                    &p.iter().map(String::as_str).collect::<Vec<_>>(),
                ));
            }
        }
    }
    println!(
        "kazakh_spelling on {files} held-out legal policies: {} words",
        flagged.len()
    );
    assert!(files >= 121);
    assert!(flagged.is_empty(), "{flagged:?}");
}

#[test]
fn without_the_dictionary_the_word_list_checks_and_it_is_said_once() {
    let o = qostil(&[
        "check",
        "corpus/finbox_kk.txt",
        "--dictionary",
        "/nonexistent/kk_KZ.dic",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("built-in word list").count(), 1, "{err}");
    assert!(err.contains("/nonexistent/kk_KZ.aff"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("«корғау» → «қорғау»"));
    // --quiet says nothing.
    let q = qostil(&[
        "check",
        "corpus/finbox_kk.txt",
        "--dictionary",
        "/nonexistent/kk_KZ.dic",
        "-q",
    ]);
    assert!(!stderr(&q).contains("word list"), "{}", stderr(&q));
}

#[test]
fn voiced_and_negated_stems_are_no_term_mismatch() {
    // trial/term_swap.txt: «құпиялылығын» is the term «құпиялылық»
    // declined (қ→ғ), «заңсыз» (unlawful) is not the term 'law'.
    let f = findings(&["fixtures/shared-cases/trial/term_swap.txt"]);
    let terms: Vec<_> = f.iter().filter(|f| f["kind"] == "term_mismatch").collect();
    assert!(terms.is_empty(), "{terms:?}");
}

#[test]
fn the_law_named_otherwise_than_the_statute_is_one_finding_per_document() {
    let f = findings(&["fixtures/text/statute_kk_ru.txt"]);
    let named: Vec<_> = f
        .iter()
        .filter(|f| {
            f["kind"] == "inconsistent_name"
                && f["message"].as_str().unwrap().contains("дербес деректер")
        })
        .collect();
    assert_eq!(named.len(), 1, "{named:?}");
    let m = named[0]["message"].as_str().unwrap();
    assert!(m.contains("Law 94-V «Жеке деректер…» (2 place(s))"), "{m}");
    assert!(m.contains("«жеке деректер» (2 place(s))"), "{m}");
    assert!(m.contains("first in clause 1.1 and in 3 clause(s)"), "{m}");
    assert_eq!(named[0]["severity"], "medium");
    assert_eq!(named[0]["clauses"].as_array().unwrap().len(), 3);
    // Not also once per clause as a wrong citation.
    assert!(
        !f.iter().any(|f| f["kind"] == "wrong_law_citation"),
        "{f:?}"
    );
    // proleads says «жеке деректер» 70 times: still one finding.
    let p = findings(&["corpus/proleads_kk.txt"]);
    let n = p
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .contains("where the statute says")
        })
        .count();
    assert_eq!(n, 1);
}

/// Kinds heldout_legal28 and blind19 were read wrong on: a loanword's
/// possessive («аудиті», its audit) "corrected" to the accusative
/// («аудитті»), and a verbal noun's possessive («өтуі») to another verb's
/// («етуі»). Both are words; in new sentences (`fixtures/text/spell_forms_kk.txt`).
#[test]
fn a_possessive_after_a_loanword_or_a_verbal_noun_is_a_word() {
    if !dictionary_or_skip("a_possessive_after_a_loanword_or_a_verbal_noun_is_a_word") {
        return;
    }
    let m = misspelled(&["fixtures/text/spell_forms_kk.txt"]);
    assert!(m.is_empty(), "{m:?}");
}
