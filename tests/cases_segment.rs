//! Segmentation and alignment cases of issue 9, kinds 1, 2, 3 and 7: the
//! failing inputs of `../shared/cases/` (read from their committed copy in
//! `fixtures/shared-cases/`; a missing case fails rather than passes), and
//! our own inputs of the same
//! kinds in other layouts (`fixtures/cases/`, each with its hand-written
//! expected clauses or pairs).
//!
//! - kind 1: list items with no bullet, one per line or per `<p>`, after a
//!   lead-in ending in «:», and dash items after a lead-in without a colon
//!   or right after a heading, are clauses of their own;
//! - kind 2: lines with no language of their own (phone, e-mail, address,
//!   BIN, IBAN) stay in the block they sit in, and a fragment cut at a page
//!   or column end joins the sentence it continues;
//! - kind 3: hard-wrapped text: an abbreviation at a line end followed by a
//!   number is one sentence, a line-end hyphen that splits a word goes, and
//!   one inside «сондай-ақ», an e-mail, a URL or a Latin–Cyrillic compound
//!   stays; «-» and a tab is a bullet;
//! - kind 7: when one version inserts a clause and renumbers the rest, or
//!   has paragraphs the other lacks, content decides the pairs.
//!
//! `cargo test --test tests cases_segment:: -- --nocapture` prints the
//! alignment figures and the false alarms per 100 pairs on
//! `fixtures/unseen/`.

use std::collections::BTreeSet;

use qostil::check::parity;
use qostil::model::{Document, FindingKind, Lang, Severity};

use crate::util::{pairs, same, score_tsv, unseen_gold};

/// A case of `../shared/cases/`, from its committed copy
/// (`fixtures/shared-cases/`); panics (fails the test) when it is missing.
fn shared(rel: &str) -> (String, Vec<u8>) {
    let path = format!("fixtures/shared-cases/{rel}");
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: the shared case is missing ({e})"));
    (path, bytes)
}

fn analyze(path: &str, bytes: &[u8]) -> Document {
    let doc = qostil::analyze(path, bytes, &Default::default())
        .unwrap_or_else(|e| panic!("{path}: {e:#}"));
    crate::util::assert_nothing_lost(path, &doc);
    doc
}

fn case(rel: &str) -> Document {
    let (path, bytes) = shared(rel);
    analyze(&path, &bytes)
}

fn fixture(rel: &str) -> Document {
    let path = format!("fixtures/cases/{rel}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    analyze(&path, &bytes)
}

/// The texts of one language's clauses, in order.
fn texts(doc: &Document, lang: Lang) -> Vec<&str> {
    doc.clauses
        .iter()
        .filter(|c| c.lang == lang)
        .map(|c| c.text.as_str())
        .collect()
}

/// The ids of one language's clauses, in order.
fn ids(doc: &Document, lang: Lang) -> Vec<&str> {
    doc.clauses
        .iter()
        .filter(|c| c.lang == lang)
        .map(|c| c.id.as_str())
        .collect()
}

/// Structure and parity findings (not the legal ones) at low or above.
fn translation_findings(doc: &Document) -> Vec<String> {
    doc.findings
        .iter()
        .filter(|f| f.severity >= Severity::Low)
        .filter(|f| parity::KINDS.contains(&f.kind) || is_structure(f.kind))
        .map(|f| {
            let ids: Vec<String> = f.clauses.iter().map(ToString::to_string).collect();
            format!("{} {}: {}", f.kind, ids.join(","), f.message)
        })
        .collect()
}

fn is_structure(kind: FindingKind) -> bool {
    use FindingKind::*;
    matches!(
        kind,
        UnpairedClause
            | NumberMismatch
            | NumberingGap
            | NumberingDuplicate
            | NumberingOrder
            | SingleLanguage
    )
}

fn kinds_of(doc: &Document) -> Vec<FindingKind> {
    doc.findings.iter().map(|f| f.kind).collect()
}

/// Panics with the document's clauses and pairs when `ok` is false.
fn explain(doc: &Document) -> String {
    let mut s = String::new();
    for c in &doc.clauses {
        s.push_str(&format!("  {} «{}»\n", c.id, c.text));
    }
    for p in pairs(doc) {
        s.push_str(&format!("  pair {p}\n"));
    }
    for f in translation_findings(doc) {
        s.push_str(&format!("  finding {f}\n"));
    }
    s
}

// ---------------------------------------------------------------------
// False alarms on the clean unseen layouts.

/// Parity findings (low or above) per 100 aligned pairs on
/// `fixtures/unseen/`, leaving out the defects each file was written with
/// (its gold's `deliberate` list: a figure changed in one clause, an item
/// dropped from one list; the unpaired clause is a structure finding).
#[test]
fn false_alarms_on_unseen_layouts() {
    let (mut pairs_total, mut parity_total, mut deliberate_total, mut structure_total) =
        (0usize, 0usize, 0usize, 0usize);
    for (g, doc_path) in unseen_gold() {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        let notes: Vec<String> = gold["deliberate"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let number_in = |note: &str| -> Option<String> {
            note.split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .find(|w| w.contains('.') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .map(|w| w.trim_end_matches('.').to_string())
        };
        let figure = notes.get(1).and_then(|n| number_in(n));
        let list = notes.get(2).and_then(|n| number_in(n));
        let doc = analyze(&doc_path, &std::fs::read(&doc_path).unwrap());
        let pairs = doc
            .pairs
            .iter()
            .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
            .count();
        pairs_total += pairs;
        let names = |f: &qostil::model::Finding, n: &Option<String>| {
            n.as_ref().is_some_and(|n| {
                f.clauses.iter().any(|c| {
                    let id = c.to_string();
                    let num = id.split(':').nth(1).unwrap_or("");
                    num == n
                        || num.starts_with(&format!("{n}-"))
                        || num.starts_with(&format!("{n}("))
                })
            })
        };
        let mut deliberate_seen = BTreeSet::new();
        for f in doc.findings.iter().filter(|f| f.severity >= Severity::Low) {
            if parity::KINDS.contains(&f.kind) {
                let planted = match f.kind {
                    FindingKind::FigureMismatch
                    | FindingKind::PeriodMismatch
                    | FindingKind::DateMismatch => {
                        names(f, &figure) && deliberate_seen.insert("figure")
                    }
                    FindingKind::ListItemMismatch => {
                        names(f, &list) && deliberate_seen.insert("list")
                    }
                    _ => false,
                };
                if planted {
                    deliberate_total += 1;
                } else {
                    parity_total += 1;
                    eprintln!("  {doc_path}: {} {:?}: {}", f.kind, f.clauses, f.message);
                }
            } else if is_structure(f.kind) {
                structure_total += 1;
                eprintln!(
                    "  {doc_path}: (structure) {} {:?}: {}",
                    f.kind, f.clauses, f.message
                );
            }
        }
    }
    let per_100 = parity_total as f64 * 100.0 / pairs_total.max(1) as f64;
    eprintln!(
        "unseen layouts: {pairs_total} aligned pairs; {deliberate_total} planted parity defects found; \
         {parity_total} other parity findings ({per_100:.2} per 100 pairs); \
         {structure_total} structure findings (planted unpaired clauses included)"
    );
    // Issue 9's target: at most 1 per 100 pairs.
    assert!(
        per_100 <= 1.0,
        "{per_100:.2} parity false alarms per 100 pairs"
    );
}

/// Kind 7 on a real document: a customer memo published as one PDF,
/// Russian pages then Kazakh, whose Word list numbering runs on across the
/// languages (kk items 5–8 where ru has 1–4) and whose versions each have
/// paragraphs the other lacks (`../shared/real/`, with its gold).
#[test]
fn memo_pdf_alignment_follows_content() {
    let pdf = "fixtures/shared-real/bcc_visaconcierge_memo_rukk.pdf";
    let gold_path = "fixtures/shared-real/bcc_visaconcierge_memo.gold.tsv";
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{pdf}: missing ({e})"));
    let gold = std::fs::read_to_string(gold_path).unwrap_or_else(|e| panic!("{gold_path}: {e}"));
    let doc = qostil::analyze(pdf, &bytes, &Default::default()).unwrap();
    let (p, r, notes) = score_tsv(&doc, &gold);
    eprintln!("{pdf}: precision {p:.3} recall {r:.3}");
    for n in &notes {
        eprintln!("  {n}");
    }
    // Before issue 9: P 0.667 R 0.750. The rest is lost to the PDF layout
    // (the Russian page's table columns run together, two Kazakh
    // paragraphs are read as one), which no alignment can undo.
    assert!(p >= 0.65 && r >= 0.8, "precision {p:.3} recall {r:.3}");
}

// ---------------------------------------------------------------------
// Kind 1: unmarked list items, dash items.

/// `trial/items_case.txt`: items one per line, no bullet, ending in «;» or
/// «.», after a lead-in ending in «:» — Kazakh items start in upper case,
/// Russian ones in lower case; each is a clause, paired item by item.
#[test]
fn unmarked_items_one_per_line() {
    let doc = case("trial/items_case.txt");
    let want = ["4", "4.1", "4.1-p1", "4.1-p2", "4.1-p3", "4.2"];
    for lang in [Lang::Kk, Lang::Ru] {
        let got: Vec<String> = ids(&doc, lang)
            .iter()
            .map(|id| id.split(':').nth(1).unwrap_or("").to_string())
            .collect();
        assert_eq!(got, want, "{lang:?}\n{}", explain(&doc));
    }
    assert_eq!(texts(&doc, Lang::Ru)[2], "анализа посещаемости Сайта;");
    assert_eq!(
        texts(&doc, Lang::Kk)[4],
        "Пайдаланушылардың Сайттағы әрекеттерін талдау."
    );
    let want_pairs: Vec<String> = want.iter().map(|n| format!("kk:{n} | ru:{n}")).collect();
    assert_eq!(pairs(&doc), want_pairs, "{}", explain(&doc));
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// `trial/dash_pair.txt`: dash items right after a heading («1. Байланыс»,
/// no colon) are items, not part of the heading.
#[test]
fn dash_items_after_a_heading() {
    let doc = case("trial/dash_pair.txt");
    assert_eq!(
        ids(&doc, Lang::Kk),
        ["kk:1", "kk:1-b1", "kk:1-b2"],
        "{}",
        explain(&doc)
    );
    assert_eq!(
        ids(&doc, Lang::Ru),
        ["ru:1", "ru:1-b1", "ru:1-b2"],
        "{}",
        explain(&doc)
    );
    assert_eq!(texts(&doc, Lang::Kk)[0], "1. Байланыс");
    assert_eq!(
        pairs(&doc),
        ["kk:1 | ru:1", "kk:1-b1 | ru:1-b1", "kk:1-b2 | ru:1-b2"]
    );
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// `trial/dash_ru.txt`: dash items after a lead-in without a colon, and
/// after a heading, are items of their own.
#[test]
fn dash_items_after_a_lead_in_without_a_colon() {
    let doc = case("trial/dash_ru.txt");
    assert_eq!(
        texts(&doc, Lang::Ru),
        [
            "1. Общие положения",
            "1.1. Оператор обрабатывает следующие данные",
            "- фамилия, имя;",
            "- номер телефона;",
            "- адрес электронной почты.",
            "2. Контакты",
            "- Адрес: г. Алматы, ул. Ауэзова, д. 14А.",
            "- Телефон: +7 727 000-00-00",
        ]
    );
    assert_eq!(ids(&doc, Lang::Ru)[2], "ru:1.1-b1");
}

/// `trial/nested2_ru.txt`: a nested numbered item (4.1.1) under a lead-in
/// («4.1. Пользователь имеет право:») is a clause of its own, and the right
/// it grants (withdrawing consent, «отзыва своего согласия») is read.
#[test]
fn nested_items_under_a_lead_in() {
    let doc = case("trial/nested2_ru.txt");
    assert_eq!(
        ids(&doc, Lang::Ru),
        ["ru:1", "ru:1.1", "ru:4", "ru:4.1", "ru:4.1.1"]
    );
    let withdraw = doc
        .legal
        .rights
        .iter()
        .find(|c| c.id == "withdraw_consent")
        .expect("withdraw_consent");
    assert_eq!(withdraw.cites(Lang::Ru), ["4.1.1"], "{withdraw:?}");
}

// ---------------------------------------------------------------------
// Kind 2: lines with no language of their own.

/// `trial/interleave_min.txt`: ru block, kk block, ru again. The kk contact
/// lines (phone, e-mail: no Kazakh letters) stay in the kk block; «Закона
/// № 94-V.» continues the Russian sentence cut before the kk block.
#[test]
fn contact_lines_stay_in_their_block() {
    let doc = case("trial/interleave_min.txt");
    let kk = texts(&doc, Lang::Kk);
    let ru = texts(&doc, Lang::Ru);
    assert_eq!(
        kk[kk.len() - 3..],
        [
            "- Мекенжайы: Алматы қ., Әуезов к-сі, 14А үй.",
            "- Телефон: +7 727 000-00-00",
            "- Email: info@example.kz"
        ],
        "{}",
        explain(&doc)
    );
    assert!(
        ru[1].ends_with("если это разрешено ст. 9 Закона № 94-V."),
        "{}",
        explain(&doc)
    );
    assert_eq!(kk.len(), 6);
    assert_eq!(ru.len(), 6);
    let kinds = kinds_of(&doc);
    assert!(
        !kinds.contains(&FindingKind::ContactMismatch),
        "{}",
        explain(&doc)
    );
    assert!(
        !kinds.contains(&FindingKind::ListItemMismatch),
        "{}",
        explain(&doc)
    );
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// `public-reports/16`: phone, e-mail and site lines written the same in
/// both languages end the Kazakh block; they are Kazakh clauses, and the
/// Russian title after them stays the Russian preamble.
#[test]
fn identical_contact_lines_at_a_block_end() {
    let doc = case("public-reports/16-identical-contact-lines.txt");
    let want = ["p1", "p2", "1", "1.1", "2", "2.1", "2.2", "2.3", "2.4"];
    for (lang, code) in [(Lang::Kk, "kk"), (Lang::Ru, "ru")] {
        let want: Vec<String> = want.iter().map(|n| format!("{code}:{n}")).collect();
        assert_eq!(ids(&doc, lang), want, "{}", explain(&doc));
    }
    let want_pairs: Vec<String> = want.iter().map(|n| format!("kk:{n} | ru:{n}")).collect();
    assert_eq!(pairs(&doc), want_pairs, "{}", explain(&doc));
    for f in &doc.findings {
        assert!(
            !matches!(
                f.kind,
                FindingKind::UnpairedClause | FindingKind::NumberingGap
            ),
            "{}",
            explain(&doc)
        );
        if f.kind == FindingKind::UntranslatedClause {
            assert_eq!(f.severity, Severity::Info, "{}", f.message);
        }
    }
    let contact = doc
        .legal
        .disclosures
        .iter()
        .find(|c| c.id == "contact_for_requests")
        .expect("contact_for_requests");
    assert!(!contact.cites(Lang::Kk).is_empty() && !contact.cites(Lang::Ru).is_empty());
}

// ---------------------------------------------------------------------
// Kind 3: hard-wrapped text.

/// `public-reports/03`: lines wrapped at ~70 characters; an abbreviation at
/// a line end («ст.», «п.», «г.», «д.») followed by a line starting with a
/// number is one sentence; «3.2-тармағында», «10, 5-қабат» go on theirs.
#[test]
fn wrapped_abbreviation_then_number() {
    let doc = case("public-reports/03-wrapped-abbrev-number.txt");
    let want = [
        "p1", "p2", "1", "1.1", "2", "2.1", "3", "3.1", "3.2", "4", "4.1", "4.2",
    ];
    for (lang, code) in [(Lang::Kk, "kk"), (Lang::Ru, "ru")] {
        let want: Vec<String> = want.iter().map(|n| format!("{code}:{n}")).collect();
        assert_eq!(ids(&doc, lang), want, "{}", explain(&doc));
    }
    let ru = texts(&doc, Lang::Ru);
    assert_eq!(
        ru[10],
        "4.1. Субъект вправе отозвать согласие в соответствии со ст. 8 Закона, при этом соблюдаются случаи, указанные в п. 3.2 настоящей Политики."
    );
    assert_eq!(
        ru[11],
        "4.2. Обращения направляются по адресу МФО: г. Алматы, пр. Абая, д. 10, 5 этаж."
    );
    assert!(ru[3].ends_with("Республики Казахстан «О персональных данных и их защите»."));
    let kk = texts(&doc, Lang::Kk);
    assert!(kk[10].ends_with("осы Саясаттың 3.2-тармағында көрсетілген жағдайлар сақталады."));
    assert!(kk[11].ends_with("Абай даңғылы, 10, 5-қабат."));
    let want_pairs: Vec<String> = want.iter().map(|n| format!("kk:{n} | ru:{n}")).collect();
    assert_eq!(pairs(&doc), want_pairs, "{}", explain(&doc));
    use FindingKind::*;
    for f in &doc.findings {
        assert!(
            !matches!(
                f.kind,
                LawReferenceMismatch
                    | FigureMismatch
                    | TermMismatch
                    | NumberingGap
                    | UnpairedClause
            ),
            "{}",
            explain(&doc)
        );
    }
}

/// `public-reports/20`: words hyphenated at line ends are rejoined without
/// the hyphen; «сондай-ақ» keeps its own; the rights read in both.
#[test]
fn line_end_hyphens_in_wrapped_text() {
    let doc = case("public-reports/20-linebreak-hyphens-text.txt");
    let kk = texts(&doc, Lang::Kk);
    let ru = texts(&doc, Lang::Ru);
    let clause = |v: &[&str], n: &str| -> String {
        v.iter()
            .find(|t| t.starts_with(n))
            .unwrap_or(&"")
            .to_string()
    };
    assert!(
        clause(&kk, "1.1.").contains(
            "өзгертуді және толықтыруды, сондай-ақ бұғаттауды және жоюды талап етуге құқылы."
        ),
        "{}",
        explain(&doc)
    );
    assert!(clause(&kk, "1.2.").contains("өңдеуге берген келісімін"));
    assert!(
        clause(&ru, "1.1.")
            .contains("требовать изменения и дополнения, а также блокирования и уничтожения")
    );
    assert!(clause(&ru, "1.2.").contains("согласие на обработку"));
    let kinds = kinds_of(&doc);
    assert!(
        !kinds.contains(&FindingKind::TermMismatch),
        "{}",
        explain(&doc)
    );
    assert!(!kinds.contains(&FindingKind::RightOneLanguage));
    for right in ["change", "block", "destroy", "withdraw_consent"] {
        let c = doc.legal.rights.iter().find(|c| c.id == right).unwrap();
        let clause = if right == "withdraw_consent" {
            "1.2"
        } else {
            "1.1"
        };
        assert_eq!(c.cites(Lang::Kk), [clause], "{right}");
        assert_eq!(c.cites(Lang::Ru), [clause], "{right}");
    }
}

/// `trial/hyphen.pdf`: a hyphen at a line end inside an e-mail, or in a
/// compound such as «cookie-файлдар» / «интернет-статистика», is kept.
#[test]
fn line_end_hyphens_in_a_pdf() {
    let doc = case("trial/hyphen.pdf");
    let kk = texts(&doc, Lang::Kk).join("\n");
    let ru = texts(&doc, Lang::Ru).join("\n");
    for want in [
        "info@mfo-example.kz",
        "cookie-файлдарды",
        "интернет-статистика",
    ] {
        assert!(kk.contains(want), "{want}: {kk}");
    }
    for want in ["info@mfo-example.kz", "интернет-статистики"] {
        assert!(ru.contains(want), "{want}: {ru}");
    }
}

/// `public-reports/02`: a glossary term on its own line, its definition on
/// the next («– …»): each term stays with its own definition.
#[test]
fn term_on_its_own_line() {
    let doc = case("public-reports/02-term-own-line.txt");
    let defs = |lang: Lang| -> Vec<&str> {
        doc.clauses
            .iter()
            .filter(|c| c.lang == lang && c.parent.as_deref() == Some("1.1"))
            .map(|c| c.text.as_str())
            .collect()
    };
    let kk = defs(Lang::Kk);
    let ru = defs(Lang::Ru);
    assert_eq!(kk.len(), 3, "{}", explain(&doc));
    assert_eq!(ru.len(), 3, "{}", explain(&doc));
    for (i, (k, r)) in [
        ("«Дербес деректер» –", "«Персональные данные» –"),
        ("«Оператор» –", "«Оператор» –"),
        ("«Субъект» –", "«Субъект» –"),
    ]
    .iter()
    .enumerate()
    {
        assert!(kk[i].starts_with(k), "{}", kk[i]);
        assert!(ru[i].starts_with(r), "{}", ru[i]);
    }
    for n in ["1.1-p1", "1.1-p2", "1.1-p3", "1.2"] {
        assert!(
            pairs(&doc).contains(&format!("kk:{n} | ru:{n}")),
            "{}",
            explain(&doc)
        );
    }
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

// ---------------------------------------------------------------------
// Kind 7: content over numbers.

/// `public-reports/01`: the Russian version inserts 2.3 and renumbers the
/// rest; the breach notice kk 2.3 pairs with ru 2.4 by what it says.
#[test]
fn inserted_clause_and_renumbering() {
    let doc = case("public-reports/01-renumbered-insert.txt");
    assert_eq!(ids(&doc, Lang::Kk).len(), 9);
    assert_eq!(ids(&doc, Lang::Ru).len(), 10);
    let p = pairs(&doc);
    for want in [
        "kk:2.2 | ru:2.2",
        "- | ru:2.3",
        "kk:2.3 | ru:2.4",
        "kk:2.4 | ru:2.5",
    ] {
        assert!(p.contains(&want.to_string()), "{want}\n{}", explain(&doc));
    }
    let unpaired: Vec<String> = doc
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::UnpairedClause)
        .flat_map(|f| f.clauses.iter().map(ToString::to_string))
        .collect();
    assert_eq!(unpaired, ["ru:2.3"]);
    let mismatched: Vec<String> = doc
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NumberMismatch)
        .map(|f| {
            f.clauses
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    assert_eq!(mismatched, ["kk:2.3/ru:2.4", "kk:2.4/ru:2.5"]);
    let disclosure = |id: &str| doc.legal.disclosures.iter().find(|c| c.id == id).unwrap();
    assert!(disclosure("cross_border").cites(Lang::Kk).is_empty());
    assert_eq!(disclosure("cross_border").cites(Lang::Ru), ["2.3"]);
    assert_eq!(disclosure("breach_notification").cites(Lang::Kk), ["2.3"]);
    assert_eq!(disclosure("breach_notification").cites(Lang::Ru), ["2.4"]);
}

// ---------------------------------------------------------------------
// Our own inputs of the same kinds, in other layouts (`fixtures/cases/`).

/// Kind 1 in HTML: one unmarked item per `<p>` after a lead-in with «:»
/// (Russian items in lower case, Kazakh ones in upper case), dash items
/// per `<p>` after a lead-in without a colon and after an `<h2>`; the
/// `<title>` is the page's name, not a clause.
#[test]
fn own_items_in_html_paragraphs() {
    let doc = fixture("items_html_ru_kk.html");
    let want = [
        "1", "1.1", "1.1-p1", "1.1-p2", "1.1-p3", "1.2", "1.2-b1", "1.2-b2", "1.2-b3", "1.3", "2",
        "2-b1", "2-b2", "2-b3",
    ];
    assert_eq!(pairs(&doc), same(&want), "{}", explain(&doc));
    let ru = texts(&doc, Lang::Ru);
    assert_eq!(ru[3], "оценки платежеспособности клиента;");
    assert_eq!(ru[5], "1.2. Для этих целей МФО собирает следующие сведения");
    assert_eq!(ru[6], "– фамилию, имя и отчество;");
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
    assert!(doc.dropped.iter().any(|d| d.text.starts_with("<title>")));
}

/// Kinds 1 and 3 in a word processor's text export: «-» and a tab, and
/// «1)» and a tab, start list items (not table rows), after a lead-in
/// without a colon and after one with a colon.
#[test]
fn own_tab_list_items() {
    let doc = fixture("tab_items_ru_kk.txt");
    let want = [
        "p1", "1", "1.1", "1.2", "1.2-b1", "1.2-b2", "1.2-b3", "1.3", "1.3(1)", "1.3(2)", "1.3(3)",
        "2", "2.1",
    ];
    assert_eq!(pairs(&doc), same(&want), "{}", explain(&doc));
    assert_eq!(texts(&doc, Lang::Ru)[4], "- фамилия, имя, отчество;");
    assert_eq!(
        texts(&doc, Lang::Kk)[3],
        "1.2. МҚҰ деректердің мынадай санаттарын өңдейді"
    );
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// Kind 2 in pages interleaved ru/kk (form feeds): a Russian sentence cut at
/// a page end goes on after the Kazakh page; a Kazakh one goes on with a
/// fragment of no clear language («асырылады.») after the Russian page; a
/// lone «2.» at a page end takes its heading from the next Russian page;
/// BIN/BSN, IBAN, phone and e-mail lines stay with their block.
#[test]
fn own_interleaved_pages() {
    let doc = fixture("pages_ru_kk.txt");
    let want = [
        "p1", "1", "1.1", "1.2", "1.3", "2", "2.1", "3", "3-h1", "3-h2", "3-h3", "3-h4",
    ];
    assert_eq!(pairs(&doc), same(&want), "{}", explain(&doc));
    let kk = texts(&doc, Lang::Kk);
    let ru = texts(&doc, Lang::Ru);
    assert!(
        kk[4].ends_with("заңнамасына сәйкес жүзеге асырылады."),
        "{}",
        kk[4]
    );
    assert!(ru[3].ends_with("предусмотренных законодательством Республики Казахстан."));
    assert_eq!(ru[5], "2. Хранение данных");
    assert_eq!(
        &kk[8..],
        [
            "БСН 180540012345",
            "IBAN KZ75125KZT1001300335",
            "Телефон: +7 727 330-00-00",
            "E-mail: info@altyn-tiyn.kz"
        ]
    );
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// Kind 3 in text hard-wrapped at ~60 characters: «подп.», «п.», «ст.»
/// at a line end before a number; hyphens that split words go, those of
/// «сондай-ақ», «интернет-банкинг», a URL and an e-mail split at the line
/// end stay; a dated place line under a title in capitals is its own.
#[test]
fn own_hard_wrapped_text() {
    let doc = fixture("wrapped_kk_ru.txt");
    let want = [
        "p1", "p2", "p3", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1",
    ];
    assert_eq!(pairs(&doc), same(&want), "{}", explain(&doc));
    let kk = texts(&doc, Lang::Kk);
    let ru = texts(&doc, Lang::Ru);
    assert!(
        kk[4].contains("8-бабына, сондай-ақ МҚҰ-ның")
            && kk[4].contains("өңдеу және қорғау тәртібін")
    );
    assert!(
        kk[5].contains("https://senim-karzhy.kz/privacy")
            && kk[5].contains("privacy-team@senim-karzhy.kz")
    );
    assert!(kk[8].contains("интернет-банкингтегі"));
    assert!(kk[10].contains("өңдеуге берген келісімін"));
    assert!(ru[4].contains("со ст. 8 Закона") && ru[4].contains("а также внутренними правилами"));
    assert!(ru[7].ends_with("подп. 2) п. 1 ст. 24 Закона и п. 3.1 настоящей Политики."));
    assert!(ru[8].contains("в интернет-банкинге"));
    assert!(ru[10].contains("требовать блокирования и уничтожения"));
    assert_eq!(ru[2], "г. Алматы 1 марта 2024 г.");
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}

/// Kind 7: the Kazakh version inserts 1.3 (cross-border transfer) and
/// renumbers the rest; the Russian one adds a paragraph of its own after
/// 1.4. Content pairs the clauses; both insertions stay unpaired, and the
/// numbers the insertion shifted are a note (info), not a defect.
#[test]
fn own_insertions_on_both_sides() {
    let doc = fixture("renumbered_kk_ru.txt");
    assert_eq!(
        pairs(&doc),
        [
            "kk:p1 | ru:p1",
            "kk:1 | ru:1",
            "kk:1.1 | ru:1.1",
            "kk:1.2 | ru:1.2",
            "kk:1.3 | -",
            "kk:1.4 | ru:1.3",
            "kk:1.5 | ru:1.4",
            "- | ru:1.4-p1",
            "kk:2 | ru:2",
            "kk:2.1 | ru:2.1",
        ],
        "{}",
        explain(&doc)
    );
    let found: BTreeSet<String> = translation_findings(&doc)
        .iter()
        .map(|f| f.split(':').next().unwrap_or("").to_string())
        .collect();
    let want: BTreeSet<String> = ["unpaired_clause kk", "unpaired_clause ru"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want, "{}", explain(&doc));
    let shifted: Vec<(String, Severity)> = doc
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NumberMismatch)
        .map(|f| (f.clauses[0].to_string(), f.severity))
        .collect();
    assert_eq!(
        shifted,
        [
            ("kk:1.4".to_string(), Severity::Info),
            ("kk:1.5".to_string(), Severity::Info)
        ]
    );
}

/// Kind 3, the other form of public-reports/02: a term on its own line and
/// its definition on the next without a dash («… білдіреді», «означает …»).
#[test]
fn own_terms_without_a_dash() {
    let doc = fixture("terms_kk_ru.txt");
    assert_eq!(
        pairs(&doc),
        same(&["p1", "1", "1.1", "1.1-p1", "1.1-p2", "1.2"]),
        "{}",
        explain(&doc)
    );
    assert!(texts(&doc, Lang::Ru)[3].starts_with("«Клиент» означает физическое лицо"));
    assert!(texts(&doc, Lang::Kk)[4].starts_with("«Оператор» дербес деректерді"));
    assert!(translation_findings(&doc).is_empty(), "{}", explain(&doc));
}
