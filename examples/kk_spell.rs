//! Reads words (one a line) from standard input and says how the Kazakh
//! speller of `kazakh_spelling` reads each: known, unknown with no
//! explained correction, or its correction and the edit. For measuring
//! what the dictionary rejects and for checking a word by hand:
//!
//! ```sh
//! echo өндеу | cargo run --release --example kk_spell
//! ```
//!
//! It reads Debian's dictionary (`hunspell-kk`) at the default path, or
//! the `.dic` file given as its one argument.

use std::io::BufRead;

use qostil::check::parity::spelling::Speller;
use qostil::rules::Lexicon;
use qostil::rules::dictionary::{KkDictionary, SpellingData};

fn main() {
    let dictionary = match std::env::args().nth(1) {
        Some(p) => KkDictionary::at(std::path::Path::new(&p)),
        None => KkDictionary::system(),
    };
    let started = std::time::Instant::now();
    if let Some(why) = dictionary.unavailable() {
        eprintln!("kk_spell: {why}: the word list only");
    }
    eprintln!("kk_spell: dictionary read in {:?}", started.elapsed());
    let data = SpellingData::builtin();
    let lexicon = Lexicon::builtin();
    let speller = Speller {
        dictionary: dictionary.get(),
        data: &data,
        lexicon: &lexicon,
        memo: None,
    };
    for line in std::io::stdin().lock().lines() {
        let Ok(word) = line else { break };
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        match speller.correct(word) {
            Some(fix) => println!("{word}\t{}\t{}", fix.word, fix.edit.explain()),
            None if speller.dictionary.is_some() && speller.known(&lower) => {
                let parse = speller.parse(&lower).unwrap_or_default();
                println!("{word}\tknown\t{}", parse.join("|"))
            }
            None => println!("{word}\tunknown"),
        }
    }
}
