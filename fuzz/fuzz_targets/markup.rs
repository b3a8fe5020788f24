//! The HTML/markup reader on any text: blocks whose spans lie inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = qostil::ingest::markup::looks_like_html(&text);
    let mut group = 0;
    let mut dropped = Vec::new();
    let blocks = qostil::ingest::markup::parse_document(&text, &mut group, &mut dropped);
    for b in &blocks {
        for r in &b.runs {
            assert!(r.span.start <= r.span.end && r.span.end <= text.len());
        }
    }
    for d in &dropped {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
    }
});
