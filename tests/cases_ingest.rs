//! Issue 9, kinds 4–6: invisible and compatibility characters, language,
//! encodings. Every case of these kinds in `../shared/cases/` (committed as
//! `fixtures/shared-cases/`) gives the
//! answer its `.expect.md` (or the trial table) names, read from there at
//! test time: a missing case file fails the test, it never skips. Beside
//! them, inputs of the same kinds the cases do not show, made by
//! `fixtures/cases/make.py` from the UTF-8 sources in `fixtures/cases/`:
//! other texts, every legacy Cyrillic page, UTF-16 without a BOM in both
//! orders, damaged UTF-8 at known places, invisible characters throughout,
//! Latin-script Kazakh in both alphabets, English and French.

use std::collections::BTreeSet;

use qostil::model::{Document, FindingKind, Lang, Presence};

use crate::util::{assert_nothing_lost, pair_ids, qostil, stderr};

/// The committed copy of `../shared/cases` (see its README).
const CASES: &str = "fixtures/shared-cases";

fn case_bytes(rel: &str) -> Vec<u8> {
    let path = format!("{CASES}/{rel}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("case file {path} is missing: {e}"))
}

fn fixture_bytes(rel: &str) -> Vec<u8> {
    let path = format!("fixtures/cases/{rel}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path} is missing: {e}"))
}

fn analyze(name: &str, bytes: &[u8]) -> Document {
    let doc = qostil::analyze(name, bytes, &qostil::Config::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_nothing_lost(name, &doc);
    doc
}

fn ids(doc: &Document, lang: Lang) -> Vec<String> {
    doc.clauses
        .iter()
        .filter(|c| c.lang == lang)
        .map(|c| {
            c.id.trim_start_matches(&format!("{}:", lang.code()))
                .to_string()
        })
        .collect()
}

/// Every pair is one Kazakh and one Russian clause with the same number.
fn assert_one_to_one(name: &str, doc: &Document, n: usize) {
    let ps = pair_ids(doc);
    assert_eq!(ps.len(), n, "{name}: pairs {ps:?}");
    for (kk, ru) in &ps {
        assert!(kk.len() == 1 && ru.len() == 1, "{name}: pair {kk:?} {ru:?}");
        assert_eq!(
            kk[0].trim_start_matches("kk:"),
            ru[0].trim_start_matches("ru:"),
            "{name}"
        );
    }
}

fn is_legal(kind: FindingKind) -> bool {
    use FindingKind::*;
    matches!(
        kind,
        RightMissing
            | RightOneLanguage
            | RightRestricted
            | DisclosureMissing
            | DisclosureOneLanguage
            | ForeignLaw
            | WrongLawCitation
            | ObligationMisstated
    )
}

fn parity_kinds(doc: &Document) -> Vec<FindingKind> {
    doc.findings
        .iter()
        .map(|f| f.kind)
        .filter(|&k| !is_legal(k))
        .collect()
}

fn status(doc: &Document, id: &str) -> Presence {
    doc.legal
        .rights
        .iter()
        .chain(&doc.legal.disclosures)
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
        .status
}

/// Findings as comparable text (kind and message).
fn finding_set(doc: &Document) -> BTreeSet<String> {
    doc.findings
        .iter()
        .map(|f| format!("{} {}", f.kind, f.message))
        .collect()
}

// ---- kind 4: invisible and compatibility characters ----------------------

#[test]
fn case_04_latin_schwa_is_read_as_kazakh_and_reported() {
    let bytes = case_bytes("public-reports/04-schwa-u0259.txt");
    let doc = analyze("04", &bytes);
    let mixed: Vec<(&str, &str)> = doc
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::MixedScript)
        .map(|f| (f.clauses[0].id.as_str(), f.message.as_str()))
        .collect();
    let ids: Vec<&str> = mixed.iter().map(|m| m.0).collect();
    assert_eq!(ids, ["kk:p2", "kk:1.1", "kk:2.1-b1", "kk:2.1-b2"]);
    for word in ["«ЖӘНЕ»", "«және»", "«тәртібін»", "«мәліметтерді»"]
    {
        assert!(
            mixed.iter().any(|m| m.1.contains(word)),
            "{word} not named: {mixed:?}"
        );
    }
    assert!(
        doc.findings
            .iter()
            .filter(|f| f.kind == FindingKind::MixedScript)
            .all(|f| f.severity == qostil::model::Severity::Low)
    );
    // The clause text reads ә.
    let c = doc.clause("kk:1.1").unwrap();
    assert!(c.text.contains("және қорғау тәртібін"), "{}", c.text);
    assert_one_to_one("04", &doc, 9);
    // Legal results identical to the clean text.
    let clean = String::from_utf8(bytes)
        .unwrap()
        .replace('ə', "ә")
        .replace('Ə', "Ә");
    let clean_doc = analyze("04-clean", clean.as_bytes());
    for (a, b) in doc.legal.rights.iter().zip(&clean_doc.legal.rights) {
        assert_eq!((&a.id, a.status), (&b.id, b.status));
    }
    for (a, b) in doc
        .legal
        .disclosures
        .iter()
        .zip(&clean_doc.legal.disclosures)
    {
        assert_eq!((&a.id, a.status), (&b.id, b.status));
    }
    assert_ne!(status(&doc, "security_measures"), Presence::KkOnly);
    let without_mixed: BTreeSet<String> = finding_set(&doc)
        .into_iter()
        .filter(|f| !f.starts_with("mixed_script"))
        .collect();
    assert_eq!(without_mixed, finding_set(&clean_doc));
}

/// Words drawn one by one, no space glyph, 0.16 em apart (issue 10, item
/// 3): each gap is a word break. Before, the word gap was 0.17 em and the
/// page read «1.1.ОсыСаясат«МысалҚаржы»МҚҰ»…».
#[test]
fn case_10_words_placed_with_tight_gaps_are_apart() {
    let doc = analyze(
        "10",
        &case_bytes("public-reports/10-glued-words-tight-gaps.pdf"),
    );
    assert_eq!(
        doc.clause("kk:1.1").unwrap().text,
        "1.1. Осы Саясат «Мысал Қаржы» МҚҰ» ЖШС клиенттерінің дербес деректерін жинау, өңдеу және қорғау тәртібін белгілейді."
    );
    assert!(parity_kinds(&doc).is_empty(), "{:?}", parity_kinds(&doc));
    assert_one_to_one("10", &doc, 9);
}

#[test]
fn case_12_ligatures_in_a_pdf_email_are_decomposed() {
    let doc = analyze("12", &case_bytes("public-reports/12-ligature-email.pdf"));
    assert_eq!(
        doc.clause("ru:2.2").unwrap().text,
        "2.2. По вопросам пишите на адрес электронной почты office@mysal-finance.kz или через сайт https://mysal-finance.kz."
    );
    let kinds = parity_kinds(&doc);
    assert!(!kinds.contains(&FindingKind::ContactMismatch), "{kinds:?}");
    assert!(!kinds.contains(&FindingKind::NameMismatch), "{kinds:?}");
    assert_eq!(status(&doc, "contact_for_requests"), Presence::Both);
    assert_one_to_one("12", &doc, 9);
}

fn check_13(name: &str, doc: &Document) {
    for c in &doc.clauses {
        assert!(!c.text.contains('\u{AD}'), "{name}: {}", c.text);
    }
    assert!(doc.clause("kk:1").unwrap().text.contains("құқықтары"));
    assert!(doc.clause("ru:1.2").unwrap().text.contains("изменения"));
    assert_eq!(ids(doc, Lang::Kk), ["p1", "p2", "1", "1.1", "1.2", "1.3"]);
    assert_one_to_one(name, doc, 6);
    for right in ["know", "change", "block", "destroy"] {
        assert_eq!(status(doc, right), Presence::Both, "{name}: {right}");
    }
    assert_eq!(status(doc, "storage_in_kz"), Presence::Both, "{name}");
    let kinds = parity_kinds(doc);
    assert!(
        !kinds.contains(&FindingKind::KazakhSpelling),
        "{name}: {kinds:?}"
    );
}

#[test]
fn case_13_soft_hyphens_leave_words_whole() {
    let bytes = case_bytes("public-reports/13-soft-hyphen-html.html");
    check_13("13", &analyze("13", &bytes));
    // The same text with raw U+00AD instead of the entity.
    let raw = String::from_utf8(bytes).unwrap().replace("&shy;", "\u{AD}");
    check_13("13-raw", &analyze("13-raw", raw.as_bytes()));
}

#[test]
fn invisible_and_compatibility_characters_change_nothing_but_mixed_script() {
    let clean = analyze("bilingual", &fixture_bytes("bilingual.txt"));
    let doc = analyze("invisible", &fixture_bytes("gen/invisible.txt"));
    let texts = |d: &Document| -> Vec<(String, String)> {
        d.clauses
            .iter()
            .map(|c| (c.id.clone(), c.text.clone()))
            .collect()
    };
    assert_eq!(texts(&doc), texts(&clean));
    assert_eq!(pair_ids(&doc), pair_ids(&clean));
    let extra: Vec<String> = finding_set(&doc)
        .difference(&finding_set(&clean))
        .cloned()
        .collect();
    assert_eq!(extra.len(), 2, "{extra:?}");
    assert!(
        extra.iter().all(|f| f.starts_with("mixed_script")),
        "{extra:?}"
    );
    assert!(finding_set(&clean).is_subset(&finding_set(&doc)));
    // Spans still index the source: the e-mail's clause covers the ligatures.
    let c = doc.clause("ru:2.3").unwrap();
    let src = &doc.source.text[c.segments[0].start..c.segments.last().unwrap().end];
    assert!(src.contains("o\u{FB03}ce@altyn-\u{FB01}nance.kz"), "{src}");
    assert!(c.text.contains("office@altyn-finance.kz"));
}

// ---- kind 5: language ----------------------------------------------------

#[test]
fn trial_english_is_refused_with_exit_2_naming_the_file() {
    let path = format!("{CASES}/trial/english.txt");
    assert!(std::path::Path::new(&path).exists(), "{path} is missing");
    for cmd in ["parse", "check", "align"] {
        let out = qostil(&[cmd, &path]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = stderr(&out);
        assert!(err.contains("trial/english.txt"), "{err}");
        assert!(err.contains("no Kazakh or Russian text"), "{err}");
    }
    // Another English text, with a Cyrillic name in it, is refused too.
    let err =
        qostil::analyze("en.txt", &fixture_bytes("english.txt"), &Default::default()).unwrap_err();
    assert_eq!(err.kind, qostil::error::ErrorKind::NoText);
}

fn check_latin_kazakh(name: &str, doc: &Document, kk: &[&str]) {
    assert_eq!(doc.languages, [Lang::Kk, Lang::Ru], "{name}");
    assert_eq!(ids(doc, Lang::Kk), kk, "{name}");
    assert_eq!(ids(doc, Lang::Ru), kk, "{name}");
    assert_one_to_one(name, doc, kk.len());
    let kinds: Vec<FindingKind> = doc.findings.iter().map(|f| f.kind).collect();
    for k in [FindingKind::SingleLanguage, FindingKind::NumberingOrder] {
        assert!(!kinds.contains(&k), "{name}: {kinds:?}");
    }
    // Latin Kazakh is never Russian.
    for c in &doc.clauses {
        let latin = c.text.chars().filter(|ch| ch.is_ascii_alphabetic()).count();
        let cyr = c
            .text
            .chars()
            .filter(|ch| ('а'..='я').contains(&ch.to_lowercase().next().unwrap_or(' ')))
            .count();
        if latin > 3 * cyr.max(1) {
            assert_eq!(c.lang, Lang::Kk, "{name}: {} {}", c.id, c.text);
        }
    }
    assert!(
        doc.source
            .warnings
            .iter()
            .any(|w| w.message.contains("Latin alphabet")),
        "{name}: no warning"
    );
}

#[test]
fn case_18_latin_kazakh_2021_is_the_kazakh_version() {
    let doc = analyze("18", &case_bytes("public-reports/18-latin-kazakh-2021.txt"));
    check_latin_kazakh("18", &doc, &["p1", "p2", "1", "1.1", "1.2", "2", "2.1"]);
}

#[test]
fn latin_kazakh_in_both_alphabets_and_either_order() {
    let doc = analyze("latin2021", &fixture_bytes("latin2021.txt"));
    check_latin_kazakh(
        "latin2021",
        &doc,
        &["p1", "p2", "1", "1.1", "1.2", "2", "2.1", "2.2"],
    );
    let doc = analyze("latin2018", &fixture_bytes("latin2018.txt"));
    check_latin_kazakh("latin2018", &doc, &["p1", "1", "1.1", "1.2", "2", "2.1"]);
}

// ---- kind 6: encodings ---------------------------------------------------

/// The clean policy of cases 05 and 06, from the UTF-16LE bytes of 06.
fn clean_05() -> String {
    let b = case_bytes("public-reports/06-utf16le-nobom.txt");
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).unwrap()
}

fn check_05_06(name: &str, doc: &Document, encoding: &str) {
    assert_eq!(doc.source.encoding, encoding, "{name}");
    assert_eq!(doc.company.as_deref(), Some("Мысал Қаржы"), "{name}");
    let want = ["p1", "p2", "1", "1.1", "1.2", "2", "2.1", "2.2"];
    assert_eq!(ids(doc, Lang::Kk), want, "{name}");
    assert_eq!(ids(doc, Lang::Ru), want, "{name}");
    assert_one_to_one(name, doc, 8);
    assert_eq!(parity_kinds(doc), Vec::<FindingKind>::new(), "{name}");
    assert_eq!(status(doc, "withdraw_consent"), Presence::Both, "{name}");
    assert_eq!(status(doc, "storage_in_kz"), Presence::Both, "{name}");
    let utf8 = analyze("05-utf8", clean_05().as_bytes());
    assert_eq!(finding_set(doc), finding_set(&utf8), "{name}");
}

#[test]
fn case_05_kz1048_is_decoded_as_kazakh() {
    let doc = analyze("05", &case_bytes("public-reports/05-kz1048-encoding.txt"));
    check_05_06("05", &doc, "kz-1048");
    assert!(
        !doc.source
            .text
            .contains(['ќ', 'ѕ', 'є', 'ј', 'ў', 'ґ', 'ћ'])
    );
}

#[test]
fn case_06_utf16le_without_a_bom_is_read() {
    let doc = analyze("06", &case_bytes("public-reports/06-utf16le-nobom.txt"));
    check_05_06("06", &doc, "utf-16le");
}

#[test]
fn trial_koi8_is_decoded_not_mojibake() {
    let doc = analyze("koi8", &case_bytes("trial/koi8.txt"));
    assert_eq!(doc.source.encoding, "koi8-r");
    assert!(
        doc.source
            .text
            .starts_with("Соглашение о сборе и обработке персональных данных")
    );
    assert_eq!(doc.languages, [Lang::Ru]);
    // No numbering damage from mojibake: 1.1, 1.2 … are all there.
    for id in ["ru:1.1", "ru:1.2", "ru:2.2", "ru:3.2", "ru:4.2"] {
        assert!(doc.clause(id).is_some(), "{id}");
    }
}

#[test]
fn trial_one_bad_byte_is_replaced_with_a_located_warning() {
    let path = format!("{CASES}/trial/min_onebad.txt");
    let doc = analyze("min_onebad", &case_bytes("trial/min_onebad.txt"));
    assert_eq!(doc.source.encoding, "utf-8");
    assert!(
        doc.source
            .text
            .contains("Настоящая Политика\u{FFFD} определяет")
    );
    let w: Vec<String> = doc.source.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        ["line 3, byte 90: invalid UTF-8 (0xFF) replaced by U+FFFD"]
    );
    // The binary prints it with the file's name, and the JSON carries it.
    let out = qostil(&["parse", &path]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("min_onebad.txt: line 3, byte 90: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["warnings"][0]["line"], 3);
    assert_eq!(json["document"]["warnings"][0]["byte"], 90);
}

#[test]
fn damaged_utf8_warnings_name_each_line_and_byte() {
    let doc = analyze("damaged", &fixture_bytes("gen/damaged.utf8.txt"));
    assert_eq!(doc.source.encoding, "utf-8");
    let expect = String::from_utf8(fixture_bytes("gen/damaged.utf8.expect")).unwrap();
    let want: Vec<(usize, usize, String)> = expect
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].parse().unwrap(),
                f[1].parse().unwrap(),
                f[2].to_string(),
            )
        })
        .collect();
    let got: Vec<(usize, usize, String)> = doc
        .source
        .warnings
        .iter()
        .map(|w| {
            (
                w.line.unwrap(),
                w.byte.unwrap(),
                w.message
                    .split(['(', ')'])
                    .nth(1)
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // The rest of the policy is read as it is.
    let clean = analyze("bilingual", &fixture_bytes("bilingual.txt"));
    assert_eq!(pair_ids(&doc), pair_ids(&clean));
}

#[test]
fn every_legacy_page_and_bomless_utf16_reads_like_the_utf8_source() {
    let bilingual = String::from_utf8(fixture_bytes("bilingual.txt")).unwrap();
    let russian = String::from_utf8(fixture_bytes("russian.txt")).unwrap();
    let cases = [
        ("bilingual.kz1048.txt", "kz-1048", &bilingual, true),
        ("bilingual.pt154.txt", "pt154", &bilingual, false),
        ("bilingual.utf16le-nobom.txt", "utf-16le", &bilingual, false),
        ("bilingual.utf16be-nobom.txt", "utf-16be", &bilingual, false),
        ("russian.cp1251.txt", "windows-1251", &russian, false),
        ("russian.koi8_r.txt", "koi8-r", &russian, false),
        ("russian.cp866.txt", "ibm866", &russian, false),
        ("russian.iso8859_5.txt", "iso-8859-5", &russian, false),
        (
            "russian.mac_cyrillic.txt",
            "x-mac-cyrillic",
            &russian,
            false,
        ),
    ];
    for (file, encoding, source, crlf) in cases {
        let doc = analyze(file, &fixture_bytes(&format!("gen/{file}")));
        assert_eq!(doc.source.encoding, encoding, "{file}");
        let text = if crlf {
            doc.source.text.replace("\r\n", "\n")
        } else {
            doc.source.text.clone()
        };
        assert_eq!(&text, source, "{file}");
        let utf8 = analyze("utf8", source.as_bytes());
        assert_eq!(finding_set(&doc), finding_set(&utf8), "{file}");
        assert_eq!(pair_ids(&doc), pair_ids(&utf8), "{file}");
    }
    let doc = analyze("koi8u", &fixture_bytes("gen/ukrainian_i.koi8_u.txt"));
    assert_eq!(doc.source.encoding, "koi8-u");
    assert!(doc.source.text.contains("Кіріспе: їх ґрунт є."));
}

#[test]
fn a_western_code_page_is_refused_naming_what_it_looks_like() {
    let path = "fixtures/cases/gen/french.cp1252.txt";
    assert!(std::path::Path::new(path).exists());
    let out = qostil(&["check", path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("french.cp1252.txt"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(err.contains("windows-1252"), "{err}");
}

/// The committed copy equals `../shared/cases` file for file where the
/// shared folder exists (on a clean clone it may not, and the copy is what
/// the tests read).
#[test]
fn the_copy_of_the_shared_cases_is_current() {
    let shared = std::path::Path::new("../shared/cases");
    for sub in ["public-reports", "trial"] {
        let copy: Vec<_> = std::fs::read_dir(format!("{CASES}/{sub}"))
            .unwrap_or_else(|e| panic!("{CASES}/{sub}: {e}"))
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(!copy.is_empty(), "{CASES}/{sub} is empty");
        if !shared.exists() {
            continue;
        }
        for entry in std::fs::read_dir(shared.join(sub)).unwrap() {
            let entry = entry.unwrap();
            let mine = std::path::Path::new(CASES)
                .join(sub)
                .join(entry.file_name());
            assert_eq!(
                std::fs::read(entry.path()).unwrap(),
                std::fs::read(&mine).unwrap_or_default(),
                "{} differs from its copy {}: copy it again",
                entry.path().display(),
                mine.display()
            );
        }
    }
}
