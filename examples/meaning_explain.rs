//! Shows how the meaning checks read the pairs of a bilingual file: each
//! content word of both sides with its best counterpart on the other side
//! (`+` covered, `-` uncovered, `?` unknown to the lexicon or a stop word;
//! `!` marks a word sure of its translation), and each side's coverage
//! share. A developer's tool for asking why a pair gives, or does not
//! give, an omission or a substituted word:
//!
//! ```sh
//! cargo run --release --example meaning_explain -- FILE [NUMBER...]
//! ```
//!
//! With clause numbers («2.1», «6.1(3)»), only the pairs whose Kazakh or
//! Russian clause carries one of them are shown.

use qostil::Config;
use qostil::check::meaning::coverage;
use qostil::check::meaning::lexicon::{self, Table, Word};
use qostil::model::Lang;

fn show(words: &[Word], la: Lang, cov: &[Option<bool>], table: &Table) -> String {
    words
        .iter()
        .zip(cov)
        .filter(|(w, _)| w.content)
        .map(|(w, c)| {
            let mark = match c {
                Some(true) => '+',
                Some(false) => '-',
                None => '?',
            };
            let sure = if table.sure(&w.stem, la) { "!" } else { "" };
            format!("{mark}{}{sure}", w.lower)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: meaning_explain FILE [NUMBER...]");
        std::process::exit(2);
    };
    let config = Config::default();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = match qostil::analyze(path, &bytes, &config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let table = Table::builtin();
    let wanted = &args[1..];
    for p in doc
        .pairs
        .iter()
        .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
    {
        let numbers: Vec<String> =
            p.kk.iter()
                .chain(&p.ru)
                .filter_map(|&i| doc.clauses[i].number.clone())
                .collect();
        if !wanted.is_empty()
            && !numbers
                .iter()
                .any(|n| wanted.iter().any(|w| n.trim_end_matches('.') == w))
        {
            continue;
        }
        let text = |idx: &[usize]| -> String {
            idx.iter()
                .map(|&i| doc.clauses[i].body())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (kt, rt) = (text(&p.kk), text(&p.ru));
        let kw = lexicon::words(&kt, Lang::Kk);
        let rw = lexicon::words(&rt, Lang::Ru);
        let links = table.links(&kw, &rw);
        let kc = coverage::coverage(&kw, Lang::Kk, &rw, table, &links, true);
        let rc = coverage::coverage(&rw, Lang::Ru, &kw, table, &links, true);
        let ids: Vec<&str> =
            p.kk.iter()
                .chain(&p.ru)
                .map(|&i| doc.clauses[i].id.as_str())
                .collect();
        println!(
            "{}  kk {:.2}  ru {:.2}",
            ids.join(","),
            coverage::share(&kc),
            coverage::share(&rc)
        );
        println!("  kk: {}", show(&kw, Lang::Kk, &kc, table));
        println!("  ru: {}", show(&rw, Lang::Ru, &rc, table));
    }
}
