//! Meaning differences inside an aligned pair, the class a translator or
//! lawyer finds reading side by side that figures, terms and spelling do
//! not show:
//!
//! - `meaning_omission`: a run of content words of one side with no
//!   probable counterpart on the other ([`coverage`], read through the
//!   learnt kk↔ru lexicon of [`lexicon`]);
//! - `meaning_negation`: a negation one side carries and the other does
//!   not, read over whole phrases ([`polarity`]), or, on a pair read
//!   well, an odd number of negations on one side and an even on the
//!   other («не передаёт … без согласия» against «келісімінсіз береді»;
//!   "only" counts two, negative concord one);
//! - `meaning_modality`: permission («может», «вправе», «құқылы», «-а
//!   алады») against obligation («обязан», «міндетті», «тиіс»);
//! - `meaning_quantifier`: "at least" against "at most", "all" against
//!   "some" or "only", "unlikely" against "even a slight", "usually"
//!   against "rarely" or "only", or "at least"/"at most" before a figure,
//!   or "unlikely", left out;
//! - `meaning_substitution`: a content word whose translation is missing
//!   while another word stands in its place.
//!
//! Severity follows legal weight: negation, modality and quantifiers of
//! degree or likelihood `high`, an omission and "all"/"some" `medium`, a
//! substituted word `low`.
//!
//! Invariants: only pairs with clauses on both sides are read; every
//! finding names the pair's clauses (Kazakh first) and quotes both sides,
//! the words concerned marked; at most one finding per kind and pair. The
//! output is a pure function of the clauses, the pairs and the lexicon.

pub mod coverage;
pub mod lexicon;
pub mod polarity;

use crate::check::evidence;
use crate::check::parity::{PairView, Side};
use crate::model::{Clause, Finding, FindingKind, Lang, Pair, Severity};

use lexicon::{Table, Word};
use polarity::Quant;

/// Every finding kind this module produces.
pub const KINDS: &[FindingKind] = &[
    FindingKind::MeaningOmission,
    FindingKind::MeaningNegation,
    FindingKind::MeaningModality,
    FindingKind::MeaningQuantifier,
    FindingKind::MeaningSubstitution,
];

/// The meaning findings of a document's pairs, with the position of each
/// pair's first clause (for the caller's sort), read through the shipped
/// lexicon. Nothing unless the document has both languages.
pub fn check(clauses: &[Clause], pairs: &[Pair], languages: &[Lang]) -> Vec<(usize, Finding)> {
    check_with(clauses, pairs, languages, Table::builtin())
}

/// [`check`] with a given lexicon.
pub fn check_with(
    clauses: &[Clause],
    pairs: &[Pair],
    languages: &[Lang],
    table: &Table,
) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    if !(languages.contains(&Lang::Kk) && languages.contains(&Lang::Ru)) {
        return out;
    }
    let none: Vec<crate::model::Entity> = Vec::new();
    for p in pairs {
        if p.kk.is_empty() || p.ru.is_empty() {
            continue;
        }
        let side = |lang, idx: &[usize]| {
            Side::with_entities(
                lang,
                idx.iter().map(|&i| &clauses[i]).collect(),
                &idx.iter().map(|_| &none).collect::<Vec<_>>(),
            )
        };
        let view = PairView {
            kk: side(Lang::Kk, &p.kk),
            ru: side(Lang::Ru, &p.ru),
            pos: p.kk.first().or(p.ru.first()).copied().unwrap_or(0),
        };
        pair(&view, table, &mut out);
    }
    out
}

/// Byte ranges of words `idx` of `words`.
fn spans(words: &[Word], idx: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
    idx.into_iter()
        .map(|i| (words[i].start, words[i].end))
        .collect()
}

/// The quoted words `idx`, joined.
fn quote(text: &str, words: &[Word], first: usize, last: usize) -> String {
    evidence::show(&text[words[first].start..words[last].end])
}

/// Words of a side's clause bodies only (labels such as «2.1.» or «•»
/// carry no meaning).
fn body_words(side: &Side) -> Vec<Word> {
    lexicon::words(&side.text, side.lang)
        .into_iter()
        .filter(|w| side.bodies.iter().any(|&(a, b)| w.start >= a && w.end <= b))
        .collect()
}

/// The findings of one pair.
fn pair(v: &PairView, table: &Table, out: &mut Vec<(usize, Finding)>) {
    let kw = body_words(&v.kk);
    let rw = body_words(&v.ru);
    if kw.is_empty() || rw.is_empty() {
        return;
    }
    let kr = polarity::read(&kw, Lang::Kk);
    let rr = polarity::read(&rw, Lang::Ru);
    // Any counterpart, for reading the pair and for a changed word; one
    // counterpart each (a word repeated needs its repetitions), for an
    // omission.
    let links = table.links(&kw, &rw);
    let kcov = coverage::coverage(&kw, Lang::Kk, &rw, table, &links, false);
    let rcov = coverage::coverage(&rw, Lang::Ru, &kw, table, &links, false);
    let kone = coverage::coverage(&kw, Lang::Kk, &rw, table, &links, true);
    let rone = coverage::coverage(&rw, Lang::Ru, &kw, table, &links, true);
    let (kshare, rshare) = (coverage::share(&kcov), coverage::share(&rcov));
    let readable = kshare.min(rshare) >= coverage::MIN_COVERAGE;
    let literal = kshare.min(rshare) >= coverage::LITERAL;

    // Negation.
    let (k_missing, k_found) =
        polarity::unanswered((&kw, &kr, Lang::Kk), (&rw, &rr, Lang::Ru), &links);
    let (r_missing, r_found) =
        polarity::unanswered((&rw, &rr, Lang::Ru), (&kw, &kr, Lang::Kk), &links);
    if !k_missing.is_empty() || !r_missing.is_empty() {
        let mut parts = Vec::new();
        for &i in &k_missing {
            parts.push(format!(
                "kk «{}»",
                negated_phrase(&v.kk.text, &kw, i, Lang::Kk)
            ));
        }
        for &i in &r_missing {
            parts.push(format!(
                "ru «{}»",
                negated_phrase(&v.ru.text, &rw, i, Lang::Ru)
            ));
        }
        let msg = format!(
            "a negation has no counterpart in the other version: {} (the other side says it without «not»)",
            parts.join(", ")
        );
        let mut km = spans(&kw, k_missing.iter().copied());
        km.extend(spans(&kw, r_found.iter().copied()));
        let mut rm = spans(&rw, r_missing.iter().copied());
        rm.extend(spans(&rw, k_found.iter().copied()));
        out.push(v.finding(
            FindingKind::MeaningNegation,
            Severity::High,
            None,
            msg,
            &km,
            &rm,
        ));
    }
    // Polarity over the whole pair: the two sides negate an odd and an
    // even number of times («не передаёт … без согласия», "only with
    // consent", against «келісімінсіз береді», "gives without consent"),
    // where the words of each negation found counterparts above. Read only
    // on a pair read well, and with few polarity words on each side.
    else if readable
        && let (Some((kn, kat)), Some((rn, rat))) = (
            polarity::parity(&kw, &kr, Lang::Kk),
            polarity::parity(&rw, &rr, Lang::Ru),
        )
        && kn % 2 != rn % 2
    {
        let say = |text: &str, words: &[Word], at: &[usize]| {
            if at.is_empty() {
                "no negation".to_string()
            } else {
                at.iter()
                    .map(|&i| format!("«{}»", quote(text, words, i, i)))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let msg = format!(
            "polarity differs: kk negates {kn} time(s) ({}), ru {rn} ({}); one version says the opposite of the other",
            say(&v.kk.text, &kw, &kat),
            say(&v.ru.text, &rw, &rat)
        );
        out.push(v.finding(
            FindingKind::MeaningNegation,
            Severity::High,
            None,
            msg,
            &spans(&kw, kat.iter().copied()),
            &spans(&rw, rat.iter().copied()),
        ));
    }

    // Modality: permission on one side only, obligation on the other only.
    let modal = |r: &polarity::Reading| (!r.permission.is_empty(), !r.obligation.is_empty());
    let (kp, ko) = modal(&kr);
    let (rp, ro) = modal(&rr);
    if (kp && !ko && ro && !rp) || (ko && !kp && rp && !ro) {
        let say = |perm: bool| {
            if perm {
                "permits (may)"
            } else {
                "obliges (must)"
            }
        };
        let kspans: Vec<(usize, usize)> = kr
            .permission
            .iter()
            .chain(&kr.obligation)
            .copied()
            .collect();
        let rspans: Vec<(usize, usize)> = rr
            .permission
            .iter()
            .chain(&rr.obligation)
            .copied()
            .collect();
        let msg = format!(
            "modality differs: kk {} «{}», ru {} «{}»",
            say(kp),
            quote(&v.kk.text, &kw, kspans[0].0, kspans[0].1),
            say(rp),
            quote(&v.ru.text, &rw, rspans[0].0, rspans[0].1)
        );
        let km: Vec<(usize, usize)> = kspans
            .iter()
            .map(|&(a, b)| (kw[a].start, kw[b].end))
            .collect();
        let rm: Vec<(usize, usize)> = rspans
            .iter()
            .map(|&(a, b)| (rw[a].start, rw[b].end))
            .collect();
        out.push(v.finding(
            FindingKind::MeaningModality,
            Severity::High,
            None,
            msg,
            &km,
            &rm,
        ));
    }

    // Quantifiers.
    let clash = polarity::quantifier_clash(&kr, &rr, &kw, &v.kk.text)
        .map(|q| (Lang::Kk, q))
        .or_else(|| polarity::quantifier_clash(&rr, &kr, &rw, &v.ru.text).map(|q| (Lang::Ru, q)));
    if let Some((lang, (q, (a, b)))) = clash {
        let (words, text, other_r, other_w) = if lang == Lang::Kk {
            (&kw, &v.kk.text, &rr, &rw)
        } else {
            (&rw, &v.ru.text, &kr, &kw)
        };
        let other = other_r.quants.iter().find(|(c, _)| q.opposes(*c));
        let lang_name = |l: Lang| if l == Lang::Kk { "kk" } else { "ru" };
        let msg = match other {
            Some((c, _)) => format!(
                "quantifier differs: {} says «{}» ({}), the other version «{}»",
                lang_name(lang),
                quote(text, words, a, b),
                q.name(),
                c.name()
            ),
            None => format!(
                "quantifier left out: {} says «{}» ({}), the other version has no counterpart",
                lang_name(lang),
                quote(text, words, a, b),
                q.name()
            ),
        };
        let mine = vec![(words[a].start, words[b].end)];
        let theirs: Vec<(usize, usize)> = other
            .map(|&(_, (x, y))| vec![(other_w[x].start, other_w[y].end)])
            .unwrap_or_default();
        let (km, rm) = if lang == Lang::Kk {
            (mine, theirs)
        } else {
            (theirs, mine)
        };
        let severity = if matches!(q, Quant::All | Quant::Some | Quant::Usually | Quant::Rarely) {
            Severity::Medium
        } else {
            Severity::High
        };
        out.push(v.finding(
            FindingKind::MeaningQuantifier,
            severity,
            None,
            msg,
            &km,
            &rm,
        ));
    }

    // Omissions: a run of sure uncovered words on one side.
    let kruns = coverage::runs(&kw, &v.kk.text, Lang::Kk, &kcov, table);
    let rruns = coverage::runs(&rw, &v.ru.text, Lang::Ru, &rcov, table);
    let (kone_cov, rone_cov) = (kone, rone);
    let kone = coverage::runs(&kw, &v.kk.text, Lang::Kk, &kone_cov, table);
    let rone = coverage::runs(&rw, &v.ru.text, Lang::Ru, &rone_cov, table);
    // Long enough, or a whole conjunct of a coordination long enough.
    // A conjunct is weaker evidence: the other side must have no
    // uncovered word where its counterpart would stand.
    let long = |runs: &[coverage::Run],
                (words, text): (&[Word], &str),
                (other, other_cov): (&[Word], &[Option<bool>]),
                (sure, span, conjunct): (usize, usize, usize)|
     -> Vec<coverage::Run> {
        let mut out = Vec::new();
        for r in runs {
            if r.sure.len() >= sure && r.words >= span {
                out.push(r.clone());
                continue;
            }
            out.extend(coverage::pieces(words, text, r).into_iter().filter(|p| {
                !p.sure.is_empty()
                    && p.words >= conjunct
                    && coverage::whole_conjunct(words, text, p)
                    && !coverage::answered_near(words, p, other, other_cov)
            }));
        }
        out
    };
    let mut klong = long(
        &kone,
        (&kw, &v.kk.text),
        (&rw, &rone_cov),
        (
            coverage::KK_OMISSION_WORDS,
            coverage::KK_OMISSION_SPAN,
            coverage::KK_CONJUNCT_WORDS,
        ),
    );
    let mut rlong = long(
        &rone,
        (&rw, &v.ru.text),
        (&kw, &kone_cov),
        (
            coverage::OMISSION_WORDS,
            coverage::OMISSION_SPAN,
            coverage::CONJUNCT_WORDS,
        ),
    );
    // A pair read poorly gives no omission, unless the omission is what
    // makes it poor: the other side is translated word for word (a
    // literal share) and this side, its runs set aside, is read well (a
    // long condition left out of a short item: «…, если их сбор … с
    // нарушением законодательства»).
    let kept = |cov: &[Option<bool>], runs: &[coverage::Run], other: f64| {
        let mut cov = cov.to_vec();
        for r in runs {
            cov[r.first..=r.last].fill(None);
        }
        other >= coverage::LITERAL && coverage::share(&cov) >= coverage::MIN_COVERAGE
    };
    if !readable {
        if !kept(&kcov, &klong, rshare) {
            klong.clear();
        }
        if !kept(&rcov, &rlong, kshare) {
            rlong.clear();
        }
        if klong.is_empty() && rlong.is_empty() {
            return;
        }
    }
    if !klong.is_empty() || !rlong.is_empty() {
        // Report the side with the longer run: the other version lacks it.
        let kmax = klong.iter().map(|r| r.sure.len()).max().unwrap_or(0);
        let rmax = rlong.iter().map(|r| r.sure.len()).max().unwrap_or(0);
        let (present, runs, words, text, lacking) = if rmax >= kmax {
            (Lang::Ru, &rlong, &rw, &v.ru.text, Lang::Kk)
        } else {
            (Lang::Kk, &klong, &kw, &v.kk.text, Lang::Ru)
        };
        let quoted: Vec<String> = runs
            .iter()
            .map(|r| format!("«{}»", quote(text, words, r.first, r.last)))
            .collect();
        let msg = format!(
            "words of the {} version with no counterpart in the {}: {}",
            if present == Lang::Kk {
                "Kazakh"
            } else {
                "Russian"
            },
            if lacking == Lang::Kk {
                "Kazakh"
            } else {
                "Russian"
            },
            quoted.join(", ")
        );
        let marks: Vec<(usize, usize)> = runs
            .iter()
            .map(|r| (words[r.first].start, words[r.last].end))
            .collect();
        let (km, rm) = if present == Lang::Kk {
            (marks, Vec::new())
        } else {
            (Vec::new(), marks)
        };
        out.push(v.finding(
            FindingKind::MeaningOmission,
            Severity::Medium,
            Some(lacking),
            msg,
            &km,
            &rm,
        ));
        return;
    }
    // Substitution: one word in place of another, in a literal translation;
    // or a phrase in place of another, the rest word for word.
    let single = if literal {
        coverage::substitution(&kw, Lang::Kk, &kruns, &rw, &rcov, &rruns, table).or_else(|| {
            coverage::substitution(&rw, Lang::Ru, &rruns, &kw, &kcov, &kruns, table)
                .map(|(j, i)| (i, j))
        })
    } else {
        None
    };
    if single.is_none() {
        if let Some(((k0, k1), (r0, r1))) =
            coverage::phrase_substitution((&kw, &kruns, &kcov), (&rw, &rruns, &rcov), &links)
        {
            let msg = format!(
                "words changed: kk «{}» where ru says «{}»",
                quote(&v.kk.text, &kw, k0, k1),
                quote(&v.ru.text, &rw, r0, r1)
            );
            out.push(v.finding(
                FindingKind::MeaningSubstitution,
                Severity::Low,
                None,
                msg,
                &[(kw[k0].start, kw[k1].end)],
                &[(rw[r0].start, rw[r1].end)],
            ));
        }
        return;
    }
    if let Some((i, j)) = single {
        let msg = format!(
            "a word changed: kk «{}» where ru says «{}»",
            kw[i].lower, rw[j].lower
        );
        out.push(v.finding(
            FindingKind::MeaningSubstitution,
            Severity::Low,
            None,
            msg,
            &spans(&kw, [i]),
            &spans(&rw, [j]),
        ));
    }
}

/// The words around a negation, for the message: the negated word with
/// its anchor («қайшы келмеген», «не противоречит»).
fn negated_phrase(text: &str, words: &[Word], i: usize, lang: Lang) -> String {
    let (a, b) = match lang {
        Lang::Ru if words[i].lower != "нет" => (i, (i + 1).min(words.len() - 1)),
        _ => (i.saturating_sub(1), i),
    };
    quote(text, words, a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pair;

    fn run(kk: &str, ru: &str) -> Vec<Finding> {
        let clauses = vec![Clause::from_text("kk:1", kk), Clause::from_text("ru:1", ru)];
        let mut clauses = clauses;
        clauses[0].lang = Lang::Kk;
        clauses[1].lang = Lang::Ru;
        let pairs = vec![Pair {
            kk: vec![0],
            ru: vec![1],
            score: 0.9,
        }];
        check(&clauses, &pairs, &[Lang::Kk, Lang::Ru])
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    fn kinds(f: &[Finding]) -> Vec<FindingKind> {
        f.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_clean_pair_has_no_finding() {
        let f = run(
            "Пайдаланушылардың дербес деректері электронды және/немесе қағаз тасымалдаушыларда сақталады.",
            "Персональные данные Пользователей хранятся на электронных и/или бумажных носителях.",
        );
        assert!(f.is_empty(), "{f:?}");
        // «кем болмайтын» is «минимум»: no finding.
        let f = run(
            "Кэшбэк сомасы 2 000 теңгеден кем болмайтын сатып алулар үшін есептеледі.",
            "Кэшбэк начисляется за покупки на сумму минимум 2 000 тенге.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_negation_left_out_is_found() {
        let f = run(
            "Сіз қолданыстағы заңнамаға қайшы келмеген жағдайларды қоспағанда, кез келген сәтте келісіміңізден бас тарта аласыз.",
            "Вы в любой момент можете отказаться от согласия, за исключением случаев, если это противоречит применимому законодательству.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningNegation), "{f:?}");
        let n = f
            .iter()
            .find(|f| f.kind == FindingKind::MeaningNegation)
            .unwrap();
        assert!(
            n.evidence[0].marked().contains("[[келмеген]]"),
            "{:?}",
            n.evidence
        );
    }

    #[test]
    fn modality_and_likelihood_are_found() {
        let f = run(
            "МҚҰ деректерді үшінші тұлғаларға беруге міндетті.",
            "МФО вправе передавать данные третьим лицам.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningModality), "{f:?}");
        let f = run(
            "Дербес деректер қауіпсіздігінің аз ғана бұзылу қауіпі болған жағдайда біз Пайдаланушыға хабарлаймыз.",
            "В маловероятном случае нарушения безопасности персональных данных мы уведомим Пользователей.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningQuantifier), "{f:?}");
    }

    #[test]
    fn a_phrase_left_out_is_found() {
        let f = run(
            "МҚҰ пайдаланушы тіркелген кезде өзі туралы берген келесі ақпаратты жинауға және сақтауға құқылы:",
            "МФО имеет право производить сбор и хранение следующей информации, которую пользователь предоставляет о себе при регистрации, а также информации, полученной от третьих лиц, кредитных бюро и государственных органов:",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningOmission), "{f:?}");
        let o = f
            .iter()
            .find(|f| f.kind == FindingKind::MeaningOmission)
            .unwrap();
        assert_eq!(o.lang, Some(Lang::Kk));
    }

    /// A long condition left out of a short item makes the pair read
    /// poorly by share alone; the omission is found all the same, as the
    /// short side is translated word for word (blind14 altynnesie 6.1(3)).
    #[test]
    fn a_condition_left_out_of_a_short_item_is_found() {
        let f = run(
            "3) өз дербес деректерін бұғаттауды және жоюды талап етуге;",
            "3) требовать блокирования и уничтожения своих персональных данных, если их сбор и обработка осуществлены с нарушением законодательства Республики Казахстан;",
        );
        let o = f
            .iter()
            .find(|f| f.kind == FindingKind::MeaningOmission)
            .expect("an omission");
        assert_eq!(o.lang, Some(Lang::Kk));
        assert!(o.message.contains("законодательства"), "{}", o.message);
    }

    #[test]
    fn a_conjunct_left_out_of_a_list_in_a_sentence_is_found() {
        // Three words between commas, each a purpose on its own, that the
        // other version does not list: shorter than a run must be, but a
        // whole conjunct with nothing uncovered where it would stand.
        let f = run(
            "Деректер шарт жасасу, төлем қабілеттілігін бағалау, жарнамалық хабарламалар жіберу және берешекті өндіріп алу үшін өңделеді.",
            "Данные обрабатываются для заключения договора, оценки платежеспособности и взыскания задолженности.",
        );
        let o = f
            .iter()
            .find(|f| f.kind == FindingKind::MeaningOmission)
            .expect("an omission");
        assert_eq!(o.lang, Some(Lang::Ru));
        assert!(o.message.contains("жарнамалық"), "{}", o.message);
        // The same sentence translated in full gives none.
        let f = run(
            "Деректер шарт жасасу, төлем қабілеттілігін бағалау және берешекті өндіріп алу үшін өңделеді.",
            "Данные обрабатываются для заключения договора, оценки платежеспособности и взыскания задолженности.",
        );
        assert!(!kinds(&f).contains(&FindingKind::MeaningOmission), "{f:?}");
    }

    #[test]
    fn polarity_is_read_over_the_whole_pair() {
        // "Does not pass without consent" (only with it) against "passes
        // without consent": each negation has a counterpart, but the
        // sense is opposite.
        let f = run(
            "МҚҰ Клиенттің деректерін серіктесіне Клиенттің жеке келісімінсіз береді.",
            "МФО не передаёт данные Клиента партнёру без отдельного согласия Клиента.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningNegation), "{f:?}");
        // Negative concord and "only" against "not … other than" are the
        // same sense: no finding.
        let f = run(
            "МҚҰ Клиенттің деректерін ешкімге бермейді.",
            "МФО никому не передаёт данные Клиента.",
        );
        assert!(!kinds(&f).contains(&FindingKind::MeaningNegation), "{f:?}");
        // «не ограничивает» "does not restrict" is a negation; «не
        // ограничиваясь» "including" is not.
        let f = run(
            "Cookie файлдарынан бас тарту Сайттың негізгі функцияларына қол жеткізуді шектейді.",
            "Отказ от cookie не ограничивает доступ к основным функциям Сайта.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningNegation), "{f:?}");
    }

    #[test]
    fn only_against_all_and_usually_against_rarely_are_quantifiers() {
        let f = run(
            "Коллекторлық агенттікке клиент туралы барлық деректер беріледі.",
            "Коллекторскому агентству передаются только данные о просроченной задолженности клиента.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningQuantifier), "{f:?}");
        let f = run(
            "Сирек жағдайда МҚҰ клиентке қоңырау шалады.",
            "Как правило, МФО звонит клиенту.",
        );
        assert!(kinds(&f).contains(&FindingKind::MeaningQuantifier), "{f:?}");
        // «айына 4 реттен жиі жіберілмейді» is «не чаще 4 раз в месяц».
        let f = run(
            "Жарнамалық хабарламалар клиентке айына 4 реттен жиі жіберілмейді.",
            "Рекламные сообщения направляются клиенту не чаще 4 раз в месяц.",
        );
        assert!(f.is_empty(), "{f:?}");
        // «не позднее чем за 10 дней» is "at least 10 days before".
        let f = run(
            "МҚҰ пайдаланушыларды кемінде 10 күн бұрын хабардар етеді.",
            "МФО уведомляет пользователей не позднее чем за 10 дней.",
        );
        assert!(
            !kinds(&f).contains(&FindingKind::MeaningQuantifier),
            "{f:?}"
        );
    }

    #[test]
    fn a_phrase_changed_is_a_substitution_and_a_designation_is_not() {
        // A list item changed: «отбасылық жағдайы» (marital status) where
        // the Russian lists «уровень образования» (education): the words
        // around both runs translate each other (blind18 tasbulak 2.1).
        let f = run(
            "2.1. МҚҰ мынадай дербес деректерді өңдейді: тегі, аты, әкесінің аты, ЖСН, жеке куәліктің деректері, тұрғылықты мекенжайы, телефон нөмірі, отбасылық жағдайы, табысы туралы мәліметтер.",
            "2.1. МФО обрабатывает следующие персональные данные: фамилию, имя, отчество, ИИН, данные удостоверения личности, адрес проживания, номер телефона, уровень образования, сведения о доходах.",
        );
        let s = f
            .iter()
            .find(|f| f.kind == FindingKind::MeaningSubstitution)
            .expect("a substitution");
        assert!(s.message.contains("отбасылық жағдайы"), "{}", s.message);
        assert!(s.message.contains("уровень образования"), "{}", s.message);
        // A word whose most probable translation stands in its place is
        // translated: «жинайтын» / «собираемых» (blind20 berekenesie 1.2).
        let f = run(
            "Компания өзі жинайтын дербес деректердің меншік иесі және операторы болып табылады.",
            "Компания является собственником и оператором собираемых ею персональных данных.",
        );
        assert!(
            !kinds(&f).contains(&FindingKind::MeaningSubstitution),
            "{f:?}"
        );
        // The company called «Серіктестік» in one version and «Общество»
        // in the other is a naming matter, not a changed word.
        let f = run(
            "Серіктестік клиенттің дербес деректерін қорғауды қамтамасыз етеді.",
            "Общество обеспечивает защиту персональных данных клиента.",
        );
        assert!(
            !kinds(&f).contains(&FindingKind::MeaningSubstitution),
            "{f:?}"
        );
    }

    #[test]
    fn one_language_gives_nothing() {
        let clauses = vec![Clause::from_text("kk:1", "Мәтін.")];
        assert!(check(&clauses, &[], &[Lang::Kk]).is_empty());
    }
}
