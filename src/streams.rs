//! De-interleaving: two language streams in reading order, with paragraphs
//! rejoined across hard line wraps, page cuts and column cuts.
//!
//! A block continues the last paragraph of its language when the text says
//! so: it starts in lower case (or with a clause number followed by a
//! lower-case word, as in «…указанные в пункте» / «2.4. настоящей
//! Политики») after a paragraph that did not end a sentence; or the previous
//! paragraph is visibly cut (it ends mid-sentence on a soft-wrapped line, or
//! is a long sentence with no final punctuation) and nothing in the layout
//! says a new paragraph starts.
//!
//! Invariants: each block lands in exactly one paragraph of the stream of
//! its language; paragraphs keep the blocks' source order; runs are never
//! altered, only grouped.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, BlockHint, Joined, Lang, Run};
use crate::tokens::{is_abbreviation, leading_marker};

/// One paragraph of one language.
#[derive(Debug, Clone)]
pub struct Para {
    pub lang: Lang,
    pub runs: Vec<Run>,
    pub hint: BlockHint,
    pub line: usize,
    pub page: Option<u32>,
    /// The last block joined ends on a soft-wrapped line.
    pub ends_wrapped: bool,
    /// Index of the first block, and how many blocks were joined.
    pub first_block: usize,
    pub blocks: usize,
}

impl Para {
    pub fn text(&self) -> String {
        Joined::new(&self.runs).text
    }
}

/// The two streams of a document.
#[derive(Debug, Default, Clone)]
pub struct Streams {
    pub kk: Vec<Para>,
    pub ru: Vec<Para>,
}

impl Streams {
    pub fn get(&self, lang: Lang) -> &[Para] {
        match lang {
            Lang::Kk => &self.kk,
            _ => &self.ru,
        }
    }
}

/// «3. Title»: a top-level number and a short text.
fn is_section_heading(text: &str) -> bool {
    static TOP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}\.\s").expect("top-level number regex"));
    TOP.is_match(text) && text.chars().count() <= CUT_LEN
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['»', '"', ')', '”', '*'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

fn ends_full_stop(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['»', '"', ')', '”', '*']);
    if !t.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    // «и т.д.», «т.б.», «т.е.»: an abbreviation with inner dots, or a known
    // short one, does not end the sentence.
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_end_matches('.');
    let abbreviation = (word.contains('.')
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 4)
        || is_abbreviation(word);
    !(t.ends_with('.') && abbreviation)
}

/// A previous paragraph this long that ends without punctuation was cut.
const CUT_LEN: usize = 100;

/// Does `block` continue `prev`?
fn continues(prev: &Para, prev_text: &str, block: &Block, text: &str) -> bool {
    if matches!(prev.hint, BlockHint::Heading | BlockHint::Definition) {
        return false;
    }
    // A dash at a line start in mid-sentence is punctuation wrapped to the
    // next line («…пребывания» / «— раскрыть Ваши…»), not a list item;
    // after «:» or «;» it is a list item.
    let dash = text.starts_with(['-', '–', '—']) && leading_marker(text).is_none();
    if block.hint == BlockHint::Bullet && dash && !prev_text.is_empty() && !ends_sentence(prev_text)
    {
        return prev.hint != BlockHint::Bullet || text.starts_with(['—', '–']);
    }
    if matches!(
        block.hint,
        BlockHint::Bullet | BlockHint::Heading | BlockHint::Definition
    ) {
        return false;
    }
    let Some(first) = text.chars().next() else {
        return false;
    };
    if let Some(after) = leading_marker(text) {
        // «…указанные в пункте» + «2.4. настоящей Политики»: a number that
        // is the end of a cross-reference, not a new clause; and a wrapped
        // line that is only a number («…офис» + «12.»).
        let bare = after.is_none();
        return first.is_ascii_digit()
            && after.is_none_or(char::is_lowercase)
            && !ends_sentence(prev_text)
            // A bare number after a section heading is a clause of its own
            // (damaged numbering), not the end of a wrapped sentence.
            && !(bare && is_section_heading(prev_text));
    }
    if first.is_lowercase() {
        return !ends_full_stop(prev_text);
    }
    // A hard-wrapped line that was full: the paragraph goes on, even after
    // a sentence ends mid-paragraph (a short last line ends a paragraph).
    if prev.ends_wrapped && !block.starts_paragraph {
        return true;
    }
    if ends_sentence(prev_text) {
        return false;
    }
    prev.ends_wrapped || (prev_text.chars().count() >= CUT_LEN && !block.starts_paragraph)
}

/// Split tagged blocks into the two language streams.
pub fn split(blocks: &[Block]) -> Streams {
    let mut streams = Streams::default();
    // The text of the last paragraph of each language, kept up to date.
    let mut last_text: [String; 2] = [String::new(), String::new()];
    for (i, block) in blocks.iter().enumerate() {
        let (stream, slot) = match block.lang {
            Lang::Kk => (&mut streams.kk, 0),
            _ => (&mut streams.ru, 1),
        };
        let text = block.text();
        if text.is_empty() {
            continue;
        }
        if let Some(prev) = stream.last_mut()
            && continues(prev, &last_text[slot], block, &text)
        {
            let mut runs = block.runs.clone();
            if let Some(first) = runs.first_mut() {
                first.glue = false;
            }
            prev.runs.extend(runs);
            prev.ends_wrapped = block.ends_wrapped;
            prev.blocks += 1;
            last_text[slot] = prev.text();
            continue;
        }
        stream.push(Para {
            lang: if slot == 0 { Lang::Kk } else { Lang::Ru },
            runs: block.runs.clone(),
            hint: block.hint,
            line: block.line,
            page: block.page,
            ends_wrapped: block.ends_wrapped,
            first_block: i,
            blocks: 1,
        });
        last_text[slot] = text;
    }
    streams
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn block(text: &str, lang: Lang, at: usize) -> Block {
        let mut b = Block::new(
            vec![Run {
                text: text.into(),
                span: Span::new(at, at + text.len()),
                glue: false,
            }],
            BlockHint::Text,
            at,
        );
        b.lang = lang;
        b
    }

    fn texts(paras: &[Para]) -> Vec<String> {
        paras.iter().map(Para::text).collect()
    }

    #[test]
    fn page_cut_paragraph_is_rejoined_across_the_other_language() {
        let blocks = vec![
            block("1.4. МҚҰ 18 жасқа толмаған адам ұсынды деп", Lang::Kk, 0),
            block("1.4. МФО не намерена собирать данные.", Lang::Ru, 100),
            block("пайымдауға негіз болса, хабарласыңыз.", Lang::Kk, 200),
        ];
        let s = split(&blocks);
        assert_eq!(
            texts(&s.kk),
            vec![
                "1.4. МҚҰ 18 жасқа толмаған адам ұсынды деп пайымдауға негіз болса, хабарласыңыз."
            ]
        );
        assert_eq!(s.ru.len(), 1);
    }

    #[test]
    fn number_that_ends_a_cross_reference_is_not_a_clause() {
        let blocks = vec![
            block(
                "2.3. Если Вы хотите, предоставьте данные, указанные в пункте",
                Lang::Ru,
                0,
            ),
            block("2.4. настоящей Политики.", Lang::Ru, 100),
            block("2.4. МФО не вправе собирать информацию.", Lang::Ru, 200),
        ];
        let s = split(&blocks);
        assert_eq!(s.ru.len(), 2);
        assert!(
            s.ru[0]
                .text()
                .ends_with("в пункте 2.4. настоящей Политики.")
        );
    }

    #[test]
    fn a_wrapped_number_line_continues_its_sentence() {
        let blocks = vec![
            block("7.2. Адрес: г. Алматы, пр. Абая, 150, офис", Lang::Ru, 0),
            block("12.", Lang::Ru, 100),
            block("7.3. Срок хранения.", Lang::Ru, 200),
        ];
        let s = split(&blocks);
        assert_eq!(s.ru.len(), 2);
        assert!(s.ru[0].text().ends_with("офис 12."));
    }

    #[test]
    fn a_dash_in_mid_sentence_is_not_a_bullet() {
        let mut dash = block("— раскрыть Ваши персональные данные.", Lang::Ru, 100);
        dash.hint = BlockHint::Bullet;
        let mut item = block("- второй пункт;", Lang::Ru, 200);
        item.hint = BlockHint::Bullet;
        let blocks = vec![
            block(
                "4.5. МФО может быть необходимо в стране пребывания",
                Lang::Ru,
                0,
            ),
            dash,
            block("4.6. Список:", Lang::Ru, 150),
            item,
        ];
        let s = split(&blocks);
        let texts = texts(&s.ru);
        assert_eq!(texts.len(), 3);
        assert!(texts[0].ends_with("пребывания — раскрыть Ваши персональные данные."));
        assert_eq!(texts[2], "- второй пункт;");
    }

    #[test]
    fn headings_and_sentences_are_not_joined() {
        let blocks = vec![
            block("1. Жалпы ережелер", Lang::Kk, 0),
            block("Осы Саясат мәтіні.", Lang::Kk, 50),
            block("1.1. Саясат бекітілді.", Lang::Kk, 100),
            block("1) бірінші;", Lang::Kk, 150),
            block("2) екінші.", Lang::Kk, 200),
        ];
        assert_eq!(split(&blocks).kk.len(), 5);
    }

    #[test]
    fn soft_wrapped_line_joins_an_upper_case_start() {
        let mut a = block("Пользование услугами ТОО", Lang::Ru, 0);
        a.ends_wrapped = true;
        let b = block(
            "«Микрофинансовая организация» означает согласие.",
            Lang::Ru,
            40,
        );
        let s = split(&[a, b]);
        assert_eq!(s.ru.len(), 1);
    }

    #[test]
    fn an_abbreviation_does_not_end_the_paragraph() {
        let blocks = vec![
            block("• курьер, экспресс пошта және т.б.", Lang::Kk, 0),
            block("көмегімен жөнелту үшін;", Lang::Kk, 100),
            block("Сөйлем аяқталды.", Lang::Kk, 200),
            block("жаңа жол.", Lang::Kk, 300),
        ];
        let s = split(&blocks);
        assert_eq!(s.kk.len(), 3);
        assert!(s.kk[0].text().ends_with("т.б. көмегімен жөнелту үшін;"));
    }

    #[test]
    fn leading_markers() {
        assert_eq!(leading_marker("2.4. настоящей"), Some(Some('н')));
        assert_eq!(leading_marker("1) Біз"), Some(Some('Б')));
        assert_eq!(leading_marker("(а) Сіз"), Some(Some('С')));
        assert_eq!(leading_marker("- 1) назначение"), Some(Some('н')));
        assert_eq!(leading_marker("18 жасқа"), None);
        assert_eq!(leading_marker("II. Общие"), Some(Some('О')));
        assert_eq!(leading_marker("3-бап. Құқықтар"), Some(Some('Қ')));
        assert_eq!(leading_marker("Мәтін"), None);
    }
}
