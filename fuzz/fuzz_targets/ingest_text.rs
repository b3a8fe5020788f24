//! Text decoding and ingestion: any bytes give blocks or a typed error,
//! and every span of a block lies inside the decoded text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = qostil::ingest::decode::decode("fuzz.txt", data) {
        let laid = qostil::ingest::text::ingest(&decoded.text);
        for b in &laid.blocks {
            for r in &b.runs {
                assert!(r.span.start <= r.span.end && r.span.end <= decoded.text.len());
                assert!(decoded.text.is_char_boundary(r.span.start));
                assert!(decoded.text.is_char_boundary(r.span.end));
            }
        }
    }
    let _ = qostil::ingest::ingest("fuzz.txt", data);
});
