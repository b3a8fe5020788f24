//! The `qostil` binary: parse arguments, call the library, map the result
//! to an exit code (0 clean, 1 findings, 2 errors).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// An error and its causes, joined by ": ", each cause once: library errors
/// already end with their cause's text (see `qostil::error`).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.is_empty() {
            out = text;
        } else if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(args) {
        Ok(cli::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Findings) => ExitCode::from(1),
        Ok(cli::Outcome::Errors) => ExitCode::from(2),
        Err(e) => {
            eprintln!("qostil: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use qostil::error::{Error, ErrorKind};

    use super::*;

    #[test]
    fn messages_name_each_cause_once() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let cases: [(anyhow::Error, &str); 3] = [
            (
                Error::new("dir", ErrorKind::Io(io())).into(),
                "dir: cannot read: gone",
            ),
            (
                anyhow::Error::new(io()).context("cannot read glossary g.tsv"),
                "cannot read glossary g.tsv: gone",
            ),
            (
                anyhow::Error::from(Error::new("a.txt", ErrorKind::Empty)).context("outer"),
                "outer: a.txt: the document is empty",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(message(&e), want);
        }
    }
}
