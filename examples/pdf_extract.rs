//! Extract a PDF's text the way qostil reads it.
//!
//! ```text
//! pdf_extract FILE.pdf              # the laid-out text
//! pdf_extract --blocks FILE.pdf     # one block a line: "page<TAB>column<TAB>text" (column 15: full width)
//! pdf_extract --dropped FILE.pdf    # headers, footers and page numbers removed
//! pdf_extract --repeat N FILE...    # time N extractions of each file; prints pages/s
//! ```

use std::process::ExitCode;
use std::time::Instant;

use qostil::ingest::pdf::extract;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, rest) = match args.first().map(String::as_str) {
        Some("--blocks") => ("blocks", &args[1..]),
        Some("--dropped") => ("dropped", &args[1..]),
        Some("--repeat") if args.len() > 2 => ("repeat", &args[2..]),
        _ => ("text", &args[..]),
    };
    if rest.is_empty() {
        eprintln!("usage: pdf_extract [--blocks | --dropped | --repeat N] FILE.pdf...");
        return ExitCode::from(2);
    }
    let repeat: usize = if mode == "repeat" {
        args[1].parse().unwrap_or(1).max(1)
    } else {
        1
    };
    let mut status = ExitCode::SUCCESS;
    for path in rest {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::from(2);
                continue;
            }
        };
        let start = Instant::now();
        let mut pages = 0u64;
        for _ in 0..repeat {
            match extract(path, &bytes) {
                Ok(doc) => {
                    pages += u64::from(doc.pages);
                    if mode == "repeat" {
                        continue;
                    }
                    match mode {
                        "blocks" => {
                            for b in &doc.blocks {
                                let g = b.group.unwrap_or(0);
                                println!("{}\t{}\t{}", b.page.unwrap_or(0), g % 16, b.text());
                            }
                        }
                        "dropped" => {
                            for d in &doc.dropped {
                                println!("{:?}\t{}", d.kind, d.text);
                            }
                        }
                        _ => print!("{}", doc.text),
                    }
                    if doc.unmapped_codes > 0 {
                        eprintln!("{path}: {} unmapped character codes", doc.unmapped_codes);
                    }
                }
                Err(e) => {
                    eprintln!("{e}");
                    status = ExitCode::from(2);
                    break;
                }
            }
        }
        if mode == "repeat" {
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{path}\t{pages}\t{secs:.4}\t{:.1}",
                pages as f64 / secs.max(1e-9)
            );
        }
    }
    status
}
