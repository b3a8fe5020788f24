//! The per-document half of the corpus comparison: each language version of
//! a document reduced to a [`Sketch`] (shingles and MinHash signature) of
//! its normalised clause text.
//!
//! Normalisation, so that the same template under another name is the same
//! template: clause labels (numbers) are left out; the entities that name
//! the operator or reach it (e-mails, URLs, phones, BIN/IIN and other
//! identifiers, Latin-script names) become one placeholder each; the words
//! of the company's own name (as the document names it, and as the
//! language version's own legal form spells it) become `@org`; digit runs
//! become `0`. Words
//! are the lexical module's (`tokens::Class::Word`), lower-cased.
//!
//! Invariant: a sketch is a pure function of the document (its clauses,
//! entities and company) and of the signature version
//! ([`super::minhash::SIGNATURE_VERSION`]), so runs on different machines
//! agree.

use super::families::Sketch;
use crate::model::{Document, EntityKind, Lang};
use crate::tokens::{Class, tokens};

/// The placeholder of an entity kind that names or reaches the operator.
fn placeholder(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Email | EntityKind::Url | EntityKind::Phone => Some("@contact"),
        EntityKind::Identifier => Some("@id"),
        EntityKind::Latin => Some("@name"),
        _ => None,
    }
}

/// The normalised words of one language version of `doc`.
pub fn words(doc: &Document, lang: Lang) -> Vec<String> {
    // The name as the document gives it and as this language version
    // spells it («Ленгер Золото Займ» beside «Леңгір Алтын Қарыз»), each as
    // a phrase without its legal form: its words are often common words
    // («Алтын Қарыз»: gold, loan), masked only together.
    let mut names: Vec<Vec<String>> = [
        super::template::brand_words(doc),
        super::template::language_brand(doc, lang),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect();
    names.sort();
    names.dedup();
    names.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = Vec::new();
    for (c, ents) in doc.clauses.iter().zip(&doc.entities) {
        if c.lang != lang {
            continue;
        }
        let from = c.text.len() - c.body().len();
        let mut at = from;
        let masked: Vec<(usize, usize, &str)> = ents
            .iter()
            .filter_map(|e| placeholder(e.kind).map(|p| (e.start, e.end, p)))
            .collect();
        let mut m = masked.iter().peekable();
        for (a, b) in tokens(&c.text[from..], Class::Word) {
            let (a, b) = (a + from, b + from);
            // Entities before this word: their placeholder, once each.
            while let Some(&&(s, e, p)) = m.peek() {
                if s >= b {
                    break;
                }
                if e > at {
                    out.push(p.to_string());
                }
                at = e;
                m.next();
            }
            if a < at {
                continue;
            }
            let w = crate::tokens::lowercase(&c.text[a..b]);
            if w.chars().all(|ch| ch.is_ascii_digit()) {
                out.push("0".into());
            } else {
                out.push(w);
            }
        }
    }
    mask_names(out, &names)
}

/// Replace each run of words that spells one of `names` (longest first;
/// the last word may carry a case ending, «Қарызға») by one `@org`.
fn mask_names(words: Vec<String>, names: &[Vec<String>]) -> Vec<String> {
    if names.is_empty() {
        return words;
    }
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match super::template::phrase_at(words.len(), i, |k| words[k].as_str(), names) {
            Some(len) => {
                out.push("@org".to_string());
                i += len;
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The sketch of one language version, or `None` when the document has no
/// clause in that language.
pub fn sketch(doc: &Document, lang: Lang) -> Option<Sketch> {
    let w = words(doc, lang);
    if w.is_empty() {
        return None;
    }
    let refs: Vec<&str> = w.iter().map(String::as_str).collect();
    Some(Sketch::from_tokens(&refs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_contacts_and_numbers_are_placeholders() {
        let text = "ТОО «МФО Альфа»\n1.1. «Альфа» МФО деректерді 5 жыл сақтайды, info@alfa.kz, +7 701 000 00 00.\n1.2. Екінші тармақ.";
        let mut doc = crate::analyze("t.txt", text.as_bytes(), &crate::Config::default()).unwrap();
        // The company as extraction or the manifest gives it.
        doc.company = Some("«МФО Альфа»".into());
        let w = words(&doc, Lang::Kk);
        assert!(!w.iter().any(|w| w == "1" || w == "alfa"), "{w:?}");
        assert!(w.contains(&"@contact".to_string()), "{w:?}");
        assert!(w.contains(&"0".to_string()), "{w:?}");
        assert!(w.contains(&"@org".to_string()), "{w:?}");
        assert!(sketch(&doc, Lang::Kk).is_some_and(|s| !s.shingles.is_empty()));
    }
}
