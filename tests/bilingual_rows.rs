//! Rows that hold both languages side by side (issue 12, blind8e).
//!
//! 1. An HTML table's section row is one cell spanning the table, the two
//!    versions of the heading each in a `<span lang>`, set apart by « / »
//!    («<th colspan="3"><span lang="kk">1. Жалпы ережелер</span> / <span
//!    lang="ru">1. Общие положения</span></th>»). Before the fix the cell
//!    was one block of one language: every heading came out whole as a kk
//!    or a ru clause, the other language lost it, and a member of the
//!    family in another layout (the pdf_cols doc_0004.pdf) showed every
//!    heading as added or changed. Fixture:
//!    `fixtures/text/heading_spans_kk_ru.html`.
//! 2. A kk | ru table in a PDF (reportlab, no rules) whose last row's
//!    first kk line runs almost to the gutter while the other kk lines end
//!    well short of it. The gutter's core widened into that strip, the
//!    line was read as one full-width row, and the ru clause's first line
//!    went into the kk clause («3.2. Ереже … кабинетте 3.2. При изменении
//!    … хабарлама жіберіледі.»), its rest into the ru clause before.
//!    Fixture: `fixtures/pdf/cols_last_row.pdf`, made by
//!    `fixtures/pdf/make_cols_last_row.py`.
//!
//! The expected clauses are written by hand from the fixtures' sources.

use serde_json::Value;

use crate::util::{qostil, stderr};

/// `qostil parse FILE -q`, its JSON.
fn parse(path: &str) -> Value {
    let o = qostil(&["parse", path, "-q"]);
    assert!(o.status.success(), "{path}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The (id, text) of every clause of `lang`, in order, whitespace collapsed.
fn clauses(doc: &Value, lang: &str) -> Vec<(String, String)> {
    doc["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["lang"] == lang)
        .map(|c| {
            let text = c["text"].as_str().unwrap_or("");
            (
                c["id"].as_str().unwrap_or("").to_string(),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

fn owned(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_section_row_with_a_span_per_language_is_split_by_language() {
    let doc = parse("fixtures/text/heading_spans_kk_ru.html");
    let kk = clauses(&doc, "kk");
    let ru = clauses(&doc, "ru");
    let headings = |side: &[(String, String)]| -> Vec<(String, String)> {
        side.iter()
            .filter(|(id, _)| !id.contains('.'))
            .cloned()
            .collect()
    };
    assert_eq!(
        headings(&kk),
        owned(&[
            ("kk:p1", "Клиенттердің деректерін қорғау ережесі"),
            ("kk:1", "1. Жалпы ережелер"),
            ("kk:2", "2. Байланыс"),
            ("kk:3", "3. Өзгерістер"),
        ])
    );
    assert_eq!(
        headings(&ru),
        owned(&[
            ("ru:p1", "Правила защиты данных клиентов"),
            ("ru:1", "1. Общие положения"),
            ("ru:2", "2. Контакты"),
            // The `<b>` inside the ru span is of the ru version.
            ("ru:3", "3. Изменения"),
        ])
    );
    // The clauses under the headings keep their numbers and languages.
    let numbered = |side: &[(String, String)]| -> Vec<String> {
        side.iter()
            .filter(|(id, _)| id.contains('.'))
            .map(|(id, _)| id.clone())
            .collect()
    };
    assert_eq!(numbered(&kk), ["kk:1.1", "kk:1.2", "kk:2.1", "kk:3.1"]);
    assert_eq!(numbered(&ru), ["ru:1.1", "ru:1.2", "ru:2.1", "ru:3.1"]);
    // The separators are dropped as markup, not glued to a heading.
    let dropped: Vec<&str> = doc["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["text"].as_str())
        .filter(|t| !t.contains('<'))
        .collect();
    assert_eq!(dropped, [" | ", " / ", " / ", " / "]);
    // Each heading pairs with its counterpart.
    let pairs: Vec<(String, String)> = doc["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["kk"].to_string(), p["ru"].to_string()))
        .collect();
    for n in ["1", "2", "3"] {
        let want = (format!("[\"kk:{n}\"]"), format!("[\"ru:{n}\"]"));
        assert!(pairs.contains(&want), "{n}: {pairs:?}");
    }
}

#[test]
fn the_long_first_line_of_a_short_last_row_stays_in_its_column() {
    let doc = parse("fixtures/pdf/cols_last_row.pdf");
    assert_eq!(
        clauses(&doc, "kk"),
        owned(&[
            ("kk:p1", "«Алтай Кредит» МҚҰ» ЖШС"),
            ("kk:1", "1. Жалпы ережелер"),
            (
                "kk:1.1",
                "1.1. Осы ереже «Алтай Кредит» МҚҰ клиенттерінің деректерін қорғау тәртібін белгілейді."
            ),
            ("kk:1.2", "1.2. Ереже сайтта жарияланады."),
            ("kk:2", "2. Деректер"),
            (
                "kk:2.1",
                "2.1. Ұйым клиенттің аты-жөнін және телефон нөмірін сақтайды."
            ),
            ("kk:2.2", "2.2. Деректер тек қарыз беру үшін пайдаланылады."),
            ("kk:3", "3. Байланыс"),
            ("kk:3.1", "3.1. Сұрақтар бойынша: info@altai-credit.kz."),
            (
                "kk:3.2",
                "3.2. Ереже өзгерген кезде клиентке жеке кабинетте хабарлама жіберіледі."
            ),
        ])
    );
    assert_eq!(
        clauses(&doc, "ru"),
        owned(&[
            ("ru:p1", "ТОО «МФО «Алтай Кредит»"),
            ("ru:1", "1. Общие положения"),
            (
                "ru:1.1",
                "1.1. Настоящие правила определяют порядок защиты данных клиентов микрофинансовой организации."
            ),
            ("ru:1.2", "1.2. Правила публикуются на сайте."),
            ("ru:2", "2. Данные"),
            (
                "ru:2.1",
                "2.1. Организация хранит имя и номер телефона клиента."
            ),
            (
                "ru:2.2",
                "2.2. Данные используются только для выдачи займа."
            ),
            ("ru:3", "3. Контакты"),
            ("ru:3.1", "3.1. По вопросам: info@altai-credit.kz."),
            (
                "ru:3.2",
                "3.2. При изменении правил клиенту направляется уведомление в личном кабинете."
            ),
        ])
    );
}
