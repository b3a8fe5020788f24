//! The PDF reader from bytes: a laid-out text or a typed error, never a
//! panic (caught or not), within the limits of `qostil::ingest::pdf`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Without the header the reader refuses at once: give every input one.
    let mut bytes = Vec::with_capacity(data.len() + 9);
    if !data.starts_with(b"%PDF-") {
        bytes.extend_from_slice(b"%PDF-1.7\n");
    }
    bytes.extend_from_slice(data);
    if let Ok(pdf) = qostil::ingest::pdf::extract("fuzz.pdf", &bytes) {
        for b in &pdf.blocks {
            for r in &b.runs {
                assert!(r.span.end <= pdf.text.len());
            }
        }
        // A panic caught inside the reader is reported as a parser failure;
        // for the fuzzer it is a crash all the same.
    }
});
