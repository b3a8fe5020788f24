//! The DOCX reader from bytes: the text of the archive or a typed error,
//! never a panic, within `qostil::ingest::docx::MAX_PART`.
//!
//! An input that starts like a zip archive (`PK`) is read as it is: the
//! seeds are real `.docx` files, and mutations reach the archive reader.
//! Any other input is the XML of the parts the reader interprets, packed
//! into a fresh archive first, so that mutations reach the XML walk and the
//! list numbering instead of dying at the zip header: the input is cut at
//! each `\0` into `word/document.xml`, `word/numbering.xml` and
//! `word/styles.xml` (tools/fuzz.sh seeds these from the fixtures' parts).
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

const PARTS: [&str; 3] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
];

fn pack(data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, part) in PARTS.iter().zip(data.split(|&b| b == 0)) {
        // Writing into memory cannot fail; a failure would be the
        // harness's fault, not the reader's, so it ends the input.
        if zip.start_file(*name, stored).is_err() || zip.write_all(part).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        pack(data)
    };
    let _ = qostil::ingest::docx::extract("fuzz.docx", &bytes);
});
