//! Cardinal numbers written as words, in Kazakh and Russian: «бір», «он бес»,
//! «отыз», «один», «тридцати», «пятнадцать». Policies write durations this
//! way («бір жұмыс күні» ↔ «один рабочий день») or repeat a figure in words
//! («30 (отыз)» ↔ «30 (тридцати)»), so parity must read them as numbers.
//!
//! Invariant: [`parse`] reads whole words only, from the start of its input,
//! and returns the value of the longest run of number words it understands
//! together with the byte length of that run; it never reads ordinals
//! («бірінші», «первый») as cardinals.

/// Value of one number word (already lower-cased), if it is one.
fn word_value(w: &str) -> Option<u64> {
    // Kazakh: the bare forms (a number before a noun is not inflected) and
    // the common inflected forms of a number standing alone.
    const KK: &[(&str, u64)] = &[
        ("бір", 1),
        ("екі", 2),
        ("үш", 3),
        ("төрт", 4),
        ("бес", 5),
        ("алты", 6),
        ("жеті", 7),
        ("сегіз", 8),
        ("тоғыз", 9),
        ("он", 10),
        ("жиырма", 20),
        ("отыз", 30),
        ("қырық", 40),
        ("елу", 50),
        ("алпыс", 60),
        ("жетпіс", 70),
        ("сексен", 80),
        ("тоқсан", 90),
        ("жүз", 100),
        ("мың", 1000),
        ("миллион", 1_000_000),
        ("миллиард", 1_000_000_000),
    ];
    if let Some(&(_, v)) = KK.iter().find(|(f, _)| *f == w) {
        return Some(v);
    }
    // Russian: every case form of each number.
    const RU: &[(&[&str], u64)] = &[
        (
            &[
                "один",
                "одна",
                "одно",
                "одного",
                "одному",
                "одним",
                "одной",
                "одну",
                "одном",
            ],
            1,
        ),
        (&["два", "две", "двух", "двум", "двумя"], 2),
        (&["три", "трех", "трёх", "трем", "трём", "тремя"], 3),
        (
            &[
                "четыре",
                "четырех",
                "четырёх",
                "четырем",
                "четырём",
                "четырьмя",
            ],
            4,
        ),
        (&["сорок", "сорока"], 40),
        (&["девяносто", "девяноста"], 90),
        (&["сто", "ста"], 100),
        (&["двести", "двухсот", "двумстам"], 200),
        (&["триста", "трехсот", "трёхсот"], 300),
        (&["четыреста", "четырехсот", "четырёхсот"], 400),
        (&["пятьсот", "пятисот"], 500),
        (&["шестьсот", "шестисот"], 600),
        (&["семьсот", "семисот"], 700),
        (&["восемьсот", "восьмисот"], 800),
        (&["девятьсот", "девятисот"], 900),
        (&["тысяча", "тысячи", "тысяч", "тысячу", "тысячей"], 1000),
        (
            &[
                "миллион",
                "миллиона",
                "миллионов",
                "миллиону",
                "миллионом",
                "миллионе",
            ],
            1_000_000,
        ),
        (
            &[
                "миллиард",
                "миллиарда",
                "миллиардов",
                "миллиарду",
                "миллиардом",
            ],
            1_000_000_000,
        ),
    ];
    if let Some(&(_, v)) = RU.iter().find(|(forms, _)| forms.contains(&w)) {
        return Some(v);
    }
    // Russian numbers declined like «пять»: stem + ь / и / ью.
    const SOFT: &[(&str, u64)] = &[
        ("пят", 5),
        ("шест", 6),
        ("сем", 7),
        ("восем", 8),
        ("восьм", 8),
        ("девят", 9),
        ("десят", 10),
        ("одиннадцат", 11),
        ("двенадцат", 12),
        ("тринадцат", 13),
        ("четырнадцат", 14),
        ("пятнадцат", 15),
        ("шестнадцат", 16),
        ("семнадцат", 17),
        ("восемнадцат", 18),
        ("девятнадцат", 19),
        ("двадцат", 20),
        ("тридцат", 30),
    ];
    for &(stem, v) in SOFT {
        if let Some(end) = w.strip_prefix(stem)
            && matches!(end, "ь" | "и" | "ью")
        {
            return Some(v);
        }
    }
    // «пятьдесят», «шестидесяти», «семьдесят», «восьмидесяти».
    const TENS: &[(&[&str], u64)] = &[
        (&["пятьдесят", "пятидесяти", "пятьюдесятью"], 50),
        (&["шестьдесят", "шестидесяти"], 60),
        (&["семьдесят", "семидесяти"], 70),
        (&["восемьдесят", "восьмидесяти"], 80),
    ];
    TENS.iter()
        .find(|(forms, _)| forms.contains(&w))
        .map(|&(_, v)| v)
}

/// Read the number written in words at the start of `text`. Returns the
/// value and the byte length of the words read (trailing space excluded).
pub fn parse(text: &str) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = 0usize;
    let mut pos = 0usize;
    let mut last_small: Option<u64> = None;
    loop {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        let start = pos + skipped;
        let word_len = text[start..]
            .char_indices()
            .find(|(_, c)| !crate::tokens::is_letter(*c))
            .map_or(text.len() - start, |(i, _)| i);
        if word_len == 0 {
            break;
        }
        let word = crate::tokens::lowercase(&text[start..start + word_len]);
        let Some(v) = word_value(&word) else { break };
        match v {
            1000 | 1_000_000 | 1_000_000_000 => {
                // «екі жүз мың» = 200 × 1000; «бір миллион екі жүз мың» =
                // 1 000 000 + 200 000.
                total = total.saturating_add(current.max(1).saturating_mul(v));
                current = 0;
            }
            100..=900 if v % 100 == 0 => {
                // «екі жүз» = 2 × 100; «сто двадцать» = 100 + 20.
                current = if v == 100 && (1..10).contains(&current) {
                    current * 100
                } else {
                    current + v
                };
            }
            _ => {
                // «он бес» = 10 + 5; two units in a row («бір екі») are not
                // one number.
                if let Some(prev) = last_small
                    && prev < 10
                    && v < 10
                {
                    break;
                }
                current += v;
            }
        }
        last_small = Some(v);
        end = start + word_len;
        pos = end;
    }
    (end > 0).then_some((total + current, end))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn number_words_in_both_languages() {
        let cases = [
            ("бір жұмыс күні", Some((1, "бір".len()))),
            ("он бес күн", Some((15, "он бес".len()))),
            ("отыз", Some((30, "отыз".len()))),
            ("жиырма бір", Some((21, "жиырма бір".len()))),
            ("один рабочий день", Some((1, "один".len()))),
            ("тридцати", Some((30, "тридцати".len()))),
            ("пятнадцать календарных", Some((15, "пятнадцать".len()))),
            ("двадцать пять", Some((25, "двадцать пять".len()))),
            ("Пяти", Some((5, "Пяти".len()))),
            (
                "бір миллион екі жүз мың",
                Some((1_200_000, "бір миллион екі жүз мың".len())),
            ),
            ("два миллиона", Some((2_000_000, "два миллиона".len()))),
            ("пятьсот тысяч", Some((500_000, "пятьсот тысяч".len()))),
            ("сто двадцать", Some((120, "сто двадцать".len()))),
            ("бірінші", None),
            ("первый", None),
            ("пятый", None),
            ("сайт", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), want, "{text}");
        }
    }
}
