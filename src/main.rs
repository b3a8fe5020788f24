//! The `qostil` binary: parse arguments, call the library, map the result
//! to an exit code (0 clean, 1 findings, 2 errors).

mod cli;

use std::process::ExitCode;

use clap::Parser;

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
            eprintln!("qostil: {e:#}");
            ExitCode::from(2)
        }
    }
}
