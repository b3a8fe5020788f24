//! Generate a synthetic corpus for benchmarks: N policies made from the real
//! corpus files, each varied so that no two are byte-identical (company name
//! changed, numbers shifted, the order of page blocks kept). Deterministic.
//!
//! Usage: synth_corpus SRC_DIR OUT_DIR N

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (src, out, n) = match args.as_slice() {
        [_, s, o, n] => (s, o, n.parse::<usize>().unwrap_or(200)),
        _ => {
            eprintln!("usage: synth_corpus SRC_DIR OUT_DIR N");
            std::process::exit(2);
        }
    };
    let mut sources = Vec::new();
    for e in std::fs::read_dir(src)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            sources.push(std::fs::read_to_string(&p)?);
        }
    }
    sources.sort();
    std::fs::create_dir_all(out)?;
    for i in 0..n {
        let base = &sources[i % sources.len()];
        // Vary digits deterministically so every file differs.
        let varied: String = base
            .chars()
            .enumerate()
            .map(|(k, c)| match c.to_digit(10) {
                Some(d) if (k + i) % 7 == 0 => char::from_digit((d + 1) % 10, 10).unwrap_or(c),
                _ => c,
            })
            .collect();
        let text = format!("ТОО «МФО «Synth{i}»\n\n«Synth{i}» МҚҰ» ЖШС\n\n{varied}");
        std::fs::write(format!("{out}/policy_{i:04}.txt"), text)?;
    }
    Ok(())
}
