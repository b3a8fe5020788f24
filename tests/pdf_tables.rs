//! Tables whose rows are clauses (issue 10, item 2): a bank's tariff table
//! made by Word, its rows ruled, a numbered label cell then a value cell
//! set in the vertical centre of the row (`fixtures/shared-real/
//! bcc_kartakarta_tariffs_{ru,kk}.pdf`, copied from `../shared/real/`).
//! Each row must come out as one clause: its number, its label, then its
//! values.
//!
//! The gold (`*.rows.tsv`, written by hand from the page images) gives
//! for each row its clause number, the start of its label and its value
//! cells. A row is right when the clause of that number (a dash row: the
//! K-th item `N-bK` under row N) starts with the label and holds every
//! value. `cargo test --test tests pdf_tables:: -- --nocapture` prints
//! the rows that miss.

use qostil::model::{Document, Lang};

const REAL: &str = "fixtures/shared-real";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: missing ({e})"))
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds `value` as words: not inside a longer number
/// («0 KZT» is not in «20 000 KZT»).
fn holds(text: &str, value: &str) -> bool {
    text.match_indices(value).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(')
    })
}

/// (rows right, rows in the gold), with a note for each row that misses.
fn row_accuracy(doc: &Document, lang: Lang, gold: &str) -> (usize, usize, Vec<String>) {
    let prefix = if lang == Lang::Kk { "kk" } else { "ru" };
    let (mut right, mut total, mut notes) = (0, 0, Vec::new());
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut fields = line.split('\t');
        let (Some(key), Some(label), Some(values)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("bad gold line {line:?}");
        };
        total += 1;
        let id = format!("{prefix}:{key}");
        let Some(clause) = doc.clauses.iter().find(|c| c.id == id) else {
            notes.push(format!("{id}: no such clause"));
            continue;
        };
        let text = norm(&clause.text);
        let values: Vec<String> = values.split(" | ").map(norm).collect();
        let ok = text.starts_with(&norm(label))
            && values.iter().all(|v| holds(&text[norm(label).len()..], v));
        if ok {
            right += 1;
        } else {
            notes.push(format!("{id}: «{text}» wants «{label}» + {values:?}"));
        }
    }
    (right, total, notes)
}

fn one(lang: &str) -> Document {
    let path = format!("{REAL}/bcc_kartakarta_tariffs_{lang}.pdf");
    qostil::analyze(&path, &read(&path), &Default::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Row accuracy of each file read alone. Measured: ru 58/58, kk 58/58.
/// Rows 13.1–13.3 open in lower case («13.1 без занесения …») and were
/// taken for the end of the row before («13. Блокирование карты»), as a
/// cross-reference wrapped in a sentence would be: ru 55/58, kk 56/58
/// until a ruled row with a clause number of its own was made a paragraph
/// of its own. Before the rows were read (the label column, then the
/// value column): ru 2/58, kk 0/58.
#[test]
fn each_row_of_a_tariff_table_is_one_clause_with_its_values() {
    let mut failed = Vec::new();
    for (lang, code, floor) in [("ru", Lang::Ru, 1.0), ("kk", Lang::Kk, 1.0)] {
        let doc = one(lang);
        let gold = String::from_utf8(read(&format!(
            "{REAL}/bcc_kartakarta_tariffs_{lang}.rows.tsv"
        )))
        .unwrap();
        let (right, total, notes) = row_accuracy(&doc, code, &gold);
        let acc = right as f64 / total as f64;
        eprintln!("bcc_kartakarta_tariffs_{lang}: {right}/{total} rows right ({acc:.3})");
        for n in &notes {
            eprintln!("  {n}");
        }
        assert!(total >= 25);
        if acc < floor {
            failed.push(format!("{lang}: {right}/{total}"));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

/// The two files read as one document: a gold row's kk and ru clauses
/// (same number) are in one pair. Measured: 58/58; 55/58 while the rows
/// of 13 were joined (see above); before the rows were read, 49/58 (the
/// label clauses paired, their values apart). Deterministic, so asserted
/// at the measure.
#[test]
fn the_two_tariff_files_pair_row_by_row() {
    let kk = format!("{REAL}/bcc_kartakarta_tariffs_kk.pdf");
    let ru = format!("{REAL}/bcc_kartakarta_tariffs_ru.pdf");
    let doc = qostil::analyze_pair(&kk, &read(&kk), &ru, &read(&ru), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let gold =
        String::from_utf8(read(&format!("{REAL}/bcc_kartakarta_tariffs_ru.rows.tsv"))).unwrap();
    let (mut paired, mut total) = (0, 0);
    let mut notes = Vec::new();
    for key in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split('\t').next())
    {
        total += 1;
        let (k, r) = (format!("kk:{key}"), format!("ru:{key}"));
        let index = |id: &str| doc.clauses.iter().position(|c| c.id == id);
        let together = match (index(&k), index(&r)) {
            (Some(a), Some(b)) => doc
                .pairs
                .iter()
                .any(|p| p.kk.contains(&a) && p.ru.contains(&b)),
            _ => false,
        };
        if together {
            paired += 1;
        } else {
            notes.push(key.to_string());
        }
    }
    let share = paired as f64 / total as f64;
    eprintln!("bcc_kartakarta_tariffs kk↔ru: {paired}/{total} gold rows paired ({share:.3})");
    eprintln!("  not paired: {notes:?}");
    assert!(share >= PAIR_FLOOR, "{paired}/{total}: {notes:?}");
}

/// See [`the_two_tariff_files_pair_row_by_row`].
const PAIR_FLOOR: f64 = 1.0;

/// A table of parallel texts (kk | ru, one row per clause, LibreOffice's
/// export with borders and no cell padding: blind8c's layout S, `fixtures/
/// families/blind8c/corpus/`): a section heading's row lies at the line
/// pitch under the last line of the clause before it, so it was read into
/// that clause («2.3 … ілінген. 3-бөлім. Келісім»), which gave false
/// «removed» and «changed» deviations (issue 10, item 5). The cell border
/// between them now starts a paragraph. Measured over the five table PDFs:
/// 72 section headings read as clauses of their own, none inside another
/// clause; before, 58 and 14.
#[test]
fn a_heading_row_of_a_parallel_table_is_not_glued_to_a_clause() {
    let heading = regex::Regex::new(r"(\d+-бөлім|Раздел \d+)\.").unwrap();
    let (mut own, mut glued) = (0, Vec::new());
    for n in ["0006", "0008", "0009", "0019", "0022"] {
        let path = format!("fixtures/families/blind8c/corpus/doc_{n}.pdf");
        let doc = qostil::analyze(&path, &read(&path), &Default::default())
            .unwrap_or_else(|e| panic!("{e}"));
        for c in &doc.clauses {
            match heading.find(&c.text) {
                Some(m) if m.start() == 0 => own += 1,
                Some(_) => glued.push(format!("doc_{n} {}: {}", c.id, c.text)),
                None => {}
            }
        }
    }
    eprintln!(
        "blind8c table PDFs: {own} headings of their own, {} glued",
        glued.len()
    );
    assert_eq!((own, glued.len()), (72, 0), "{glued:#?}");
}

/// A table with no ruling lines at all (LibreOffice, a retention schedule
/// exported with no borders: a numbered label cell left, its value cell
/// right and set in the middle of the row, some of either wrapped;
/// `fixtures/pdf/make_plain_table.py`, one file per language). Each row
/// must come out as one clause, its label then its value, as the ruled
/// rows do: the rows are found from their numbered label cells
/// (`layout::unruled_row_borders`). Measured: kk 14/14, ru 14/14; before,
/// 0/14 in each (the label column, then the value column), then ru 12/14:
/// the justified lead paragraph's wide word gaps lined up just left of
/// the table's 8 pt gap, so the page's gutter was put there, row 5.13's
/// label («…персональных») reached across it and the table ended above it.
/// A justified line now covers its own gaps (`layout::justified_span`).
#[test]
fn each_row_of_a_table_without_rules_is_one_clause() {
    let mut failed = Vec::new();
    for (lang, code, floor) in [("kk", Lang::Kk, 14), ("ru", Lang::Ru, 14)] {
        let path = format!("fixtures/pdf/plain_table_{lang}.pdf");
        let doc = qostil::analyze(&path, &read(&path), &Default::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let gold =
            String::from_utf8(read(&format!("fixtures/pdf/plain_table_{lang}.rows.tsv"))).unwrap();
        let (right, total, notes) = row_accuracy(&doc, code, &gold);
        eprintln!("plain_table_{lang}: {right}/{total} rows right");
        for n in &notes {
            eprintln!("  {n}");
        }
        assert_eq!(total, 14);
        if right < floor {
            failed.push(format!("{lang}: {right}/{total}"));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
