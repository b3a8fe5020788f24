//! The whole single-document pipeline on any bytes: a document or a typed
//! error; a document's clauses and pairs keep their invariants.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn config() -> &'static qostil::Config {
    static CONFIG: OnceLock<qostil::Config> = OnceLock::new();
    // No OCR: a fuzzed PDF's image must not start Tesseract.
    CONFIG.get_or_init(|| qostil::Config {
        ocr: qostil::ingest::ocr::Options::off(),
        ..Default::default()
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = qostil::analyze("fuzz.txt", data, config()) {
        let n = doc.clauses.len();
        for p in &doc.pairs {
            for &i in p.kk.iter().chain(&p.ru) {
                assert!(i < n);
            }
        }
        let _ = qostil::report::json::document(&doc, qostil::model::Severity::Info);
        for segmentation in [
            qostil::segment::Segmentation::Sentence,
            qostil::segment::Segmentation::Paragraph,
        ] {
            let options = qostil::segment::UnitOptions {
                segmentation,
                min_score: 0.0,
            };
            let _ = qostil::report::tmx::tmx(&doc, &options);
        }
        let _ = qostil::report::html::alignment(&doc);
    }
});
