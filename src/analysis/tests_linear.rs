//! No quadratic path in the core: for each input shape written to find
//! one, the whole analysis of twice the text must take at most about twice
//! the steps.
//!
//! Steps are counted by [`super::work`] (every loop of the core that can
//! grow with its input ticks), not timed, so the check neither flakes on a
//! busy machine nor needs megabytes of input to see a square: a loop that
//! is quadratic anywhere makes the count about quadruple when the input
//! doubles. The shapes are those of the `hostile-1MB` bench (quotation
//! marks that never close, stray closers, a line without a sentence end, a
//! Title Case run, control characters, ...) and what an article can have
//! thousands of: distinct names, quotes by distinct speakers, short
//! paragraphs, repeated paragraphs, and runs of punctuation.

use super::work::steps_of;
use super::{Config, analyze};

/// Size of the smaller input, in bytes: large enough that a square would
/// dwarf the fixed costs, small enough that a debug build runs every shape
/// in seconds.
const SIZE: usize = 50_000;

/// The largest ratio of steps allowed when the input doubles: 2 for
/// linear work, with room for the inputs' sizes not being exactly double
/// and for per-document costs that grow with the log of the size (sorts).
const MAX_RATIO: f64 = 2.3;

/// Steps allowed beyond the ratio: the fixed cost of any analysis.
const SLACK: usize = 1_000;

/// `Ok((work at n, work at 2n))` when the work at `2n` is at most about
/// double the work at `n`, `Err` with both counts and their ratio when it
/// is more (or when nothing was counted: an untested path proves nothing).
fn at_most_about_doubles(
    label: &str,
    n: usize,
    work: impl Fn(usize) -> usize,
) -> Result<(usize, usize), String> {
    let (small, large) = (work(n), work(2 * n));
    let ratio = large as f64 / small.max(1) as f64;
    if small == 0 || large == 0 {
        return Err(format!("{label}: no work counted ({small} then {large})"));
    }
    if large as f64 > MAX_RATIO * small as f64 + SLACK as f64 {
        return Err(format!(
            "{label}: {small} steps at {n} bytes, {large} at {} bytes: {ratio:.2} times the work \
             for twice the input (at most {MAX_RATIO} allowed)",
            2 * n
        ));
    }
    Ok((small, large))
}

/// Asserts that the full analysis (default configuration) of the text
/// `build` makes of about [`SIZE`] bytes, and of about twice that, does at
/// most about double the work; prints both counts.
fn assert_linear(label: &str, build: impl Fn(usize) -> String) {
    assert_linear_from(label, SIZE, build);
}

/// [`assert_linear`] from `size` bytes: for a shape whose square term is
/// sparse (a step per pair of rare things), so that it is a fair share of
/// the work only from a larger size.
fn assert_linear_from(label: &str, size: usize, build: impl Fn(usize) -> String) {
    let config = Config::default();
    let work = |size: usize| {
        let text = build(size);
        assert!(
            text.len() >= size && text.len() < size + size / 10 + 400,
            "{label}: built {} bytes for {size}",
            text.len()
        );
        steps_of(|| analyze(&text, &config))
    };
    match at_most_about_doubles(label, size, work) {
        Ok((small, large)) => eprintln!(
            "{label}: {small} then {large} steps ({:.2})",
            large as f64 / small as f64
        ),
        Err(message) => panic!("{message}"),
    }
}

/// About `size` bytes of units `{before}{i}{after}` joined by `separator`
/// (the number makes every unit distinct), under a headline: the
/// `hostile-1MB` bench's inputs.
fn repeated(size: usize, separator: &str, before: &str, after: &str) -> String {
    units(size, |i| {
        let separator = if i > 0 { separator } else { "" };
        format!("{separator}{before}{i}{after}")
    })
}

/// A headline, then `unit(0)`, `unit(1)`, ... until the text has `size`
/// bytes, then a line break.
fn units(size: usize, unit: impl Fn(usize) -> String) -> String {
    let mut out = String::from("Headline\n\n");
    let mut i = 0;
    while out.len() < size {
        out.push_str(&unit(i));
        i += 1;
    }
    out.push('\n');
    out
}

/// A distinct capitalised word for every `i` (and `salt`) made of
/// syllables, so it reads as a name: "Kaloren", "Mivelsa". Digits would not
/// make a name.
fn name(i: usize, salt: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "dar", "vel", "tor", "sa", "bi", "nu", "pe", "gan", "ros", "li",
        "mon", "ter", "qua", "zel", "fi", "hal",
    ];
    let mut rest = i * 7 + salt;
    let mut word = String::new();
    for _ in 0..3 {
        word.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
    }
    while rest > 0 {
        word.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The bundled example article's body repeated to `size` bytes, each copy
/// of a paragraph made distinct (as the `analyze` bench builds it).
fn article(size: usize) -> String {
    let example = include_str!("../../examples/harbour-bridge.txt");
    let mut paragraphs = example.split("\n\n");
    let mut out = String::from(paragraphs.next().unwrap_or_default());
    let body: Vec<&str> = paragraphs.collect();
    let mut copy = 0usize;
    while out.len() < size {
        for para in &body {
            if out.len() >= size {
                break;
            }
            out.push_str("\n\n");
            let varied = para.replace("12", &format!("{}", 12 + copy % 40));
            match varied.strip_suffix('.') {
                Some(prose) if copy > 0 => out.push_str(&format!("{prose} (copy {copy}).")),
                _ => out.push_str(&varied),
            }
        }
        copy += 1;
    }
    out.push('\n');
    out
}

#[test]
fn the_check_catches_a_square_and_passes_a_line() {
    let square = |n: usize| {
        steps_of(|| {
            for _ in 0..n * n / 1000 {
                super::work::tick();
            }
        })
    };
    let err = at_most_about_doubles("square", SIZE, square).expect_err("a square is caught");
    assert!(err.contains("4.00 times"), "{err}");
    let n_log_n =
        |n: usize| steps_of(|| super::work::tick_n(n * (usize::BITS - n.leading_zeros()) as usize));
    assert!(at_most_about_doubles("n log n", SIZE, n_log_n).is_ok());
    let line = |n: usize| steps_of(|| super::work::tick_n(3 * n + 500));
    assert_eq!(
        at_most_about_doubles("line", SIZE, line),
        Ok((3 * SIZE + 500, 6 * SIZE + 500))
    );
    let nothing = |_: usize| steps_of(|| ());
    assert!(at_most_about_doubles("nothing", SIZE, nothing).is_err());
}

#[test]
fn the_analysis_of_prose_counts_its_steps() {
    // A sanity expectation: every byte is looked at, and no byte costs
    // hundreds of steps.
    let text = article(SIZE);
    let steps = steps_of(|| analyze(&text, &Config::default()));
    assert!(
        steps >= text.len() && steps <= 200 * text.len(),
        "{steps} steps for {} bytes",
        text.len()
    );
}

#[test]
fn unclosed_curly_quotes_are_linear() {
    assert_linear("unclosed-curly", |n| repeated(n, " ", "“word", ""));
}

#[test]
fn unclosed_single_quotes_are_linear() {
    assert_linear("unclosed-single", |n| repeated(n, " ", "‘word", ""));
}

#[test]
fn unclosed_guillemets_are_linear() {
    assert_linear("unclosed-guillemet", |n| repeated(n, " ", "«word", ""));
}

#[test]
fn straight_quotes_are_linear() {
    assert_linear("straight-quotes", |n| repeated(n, " ", "\"word", ""));
}

#[test]
fn stray_closers_are_linear() {
    assert_linear("stray-closers", |n| repeated(n, " ", "word", "”"));
}

#[test]
fn thousands_of_quotes_in_one_paragraph_are_linear() {
    assert_linear("quotes-in-one-paragraph", |n| {
        repeated(n, " ", "“Quote number ", ",” she said.")
    });
}

#[test]
fn a_line_without_a_sentence_end_is_linear() {
    assert_linear("line-without-end", |n| repeated(n, " ", "word", ""));
}

#[test]
fn a_title_case_run_is_linear() {
    assert_linear("title-case-run", |n| repeated(n, " ", "Word", ""));
}

#[test]
fn control_characters_are_linear() {
    assert_linear("control-chars", |n| repeated(n, " ", "w\u{1}\u{2}", ""));
}

#[test]
fn paragraphs_each_with_an_unclosed_quote_are_linear() {
    assert_linear("unclosed-paragraphs", |n| repeated(n, "\n\n", "“p", ""));
}

#[test]
fn thousands_of_distinct_names_are_linear() {
    assert_linear("distinct-names", |n| {
        units(n, |i| {
            let break_after = if i % 5 == 4 { "\n\n" } else { "" };
            format!(
                "{} {} said the council would meet again on Tuesday. {break_after}",
                name(i, 0),
                name(i, 3)
            )
        })
    });
}

#[test]
fn names_met_again_by_surname_are_linear() {
    assert_linear("surnames-again", |n| {
        units(n, |i| {
            let (given, surname) = (name(i, 0), name(i, 3));
            format!("{given} {surname} spoke first. Later {surname} said the plan was late.\n\n")
        })
    });
}

#[test]
fn quotes_each_by_a_different_speaker_are_linear() {
    assert_linear("distinct-speakers", |n| {
        units(n, |i| {
            format!(
                "“We will keep the ferry running all winter,” said {} {}.\n\n",
                name(i, 1),
                name(i, 5)
            )
        })
    });
}

#[test]
fn quotes_attributed_by_pronoun_and_continued_are_linear() {
    assert_linear("pronoun-speakers", |n| {
        units(n, |i| {
            format!(
                "{} {} spoke on Monday. “We will keep the ferry running,” she said. \
                 “And the buses too.”\n\n“It will not be cheap.”\n\n",
                name(i, 2),
                name(i, 4)
            )
        })
    });
}

#[test]
fn many_short_paragraphs_are_linear() {
    assert_linear("short-paragraphs", |n| {
        units(n, |i| format!("Item {} list line\n\n", name(i, 2)))
    });
}

#[test]
fn a_long_article_of_repeated_paragraphs_is_linear() {
    assert_linear("repeated-article", article);
}

#[test]
fn a_run_of_punctuation_glued_to_words_is_linear() {
    assert_linear("glued-punctuation", |n| {
        let (head, tail) = ("Headline\n\nThe mayor spoke a", "b and left.\n");
        format!(
            "{head}{}{tail}",
            "!".repeat(n.saturating_sub(head.len() + tail.len()))
        )
    });
}

#[test]
fn a_paragraph_opening_with_a_run_of_marks_is_linear() {
    assert_linear("leading-marks", |n| {
        let (head, tail) = ("Headline\n\n", "word left.\n");
        format!(
            "{head}{}{tail}",
            ">".repeat(n.saturating_sub(head.len() + tail.len()))
        )
    });
}

#[test]
fn thousands_of_namesakes_met_by_surname_are_linear() {
    assert_linear("namesakes", |n| {
        units(n, |i| {
            format!(
                "{} Marsh spoke on Monday. Later Marsh said the plan was late.\n\n",
                name(i, 0)
            )
        })
    });
}

#[test]
fn a_name_in_thousands_of_lists_is_linear() {
    assert_linear("names-in-lists", |n| {
        units(n, |i| {
            format!("{} Roe, Dana and Priya met on Monday.\n\n", name(i, 0))
        })
    });
}

#[test]
fn speakers_named_only_in_headline_style_lines_are_linear() {
    // A Title Case line is a headline: its names make no entity, so each
    // cue's speaker is a name no mention covers, looked up among the
    // people the body names.
    assert_linear_from("unnamed-speakers", 2 * SIZE, |n| {
        units(n, |i| {
            let people: Vec<String> = (0..6)
                .map(|k| format!("{} {} spoke.", name(6 * i + k, 0), name(6 * i + k, 3)))
                .collect();
            let cues: Vec<String> = (0..6)
                .map(|k| {
                    format!(
                        "“Fix It,” Said {} {}",
                        name(6 * i + k, 1),
                        name(6 * i + k, 5)
                    )
                })
                .collect();
            format!("{}\n\n{}\n\n", people.join(" "), cues.join(" "))
        })
    });
}

#[test]
fn one_role_named_by_thousands_of_cues_is_linear() {
    assert_linear("role-cues", |n| {
        units(n, |i| {
            format!(
                "{} {}, the mayor, spoke on Monday. “We will fix the bridge,” the mayor said.\n\n",
                name(i, 0),
                name(i, 3)
            )
        })
    });
}

#[test]
fn one_noun_in_thousands_of_role_wordings_is_linear() {
    assert_linear("role-wordings", |n| {
        units(n, |i| {
            let modifier = name(i, 2).to_lowercase();
            format!(
                "{} {}, the {modifier} mayor, spoke on Monday. “We will fix the bridge,” the \
                 {modifier} mayor said.\n\n",
                name(i, 0),
                name(i, 3)
            )
        })
    });
}

#[test]
fn thousands_of_uncued_quotes_in_one_paragraph_are_linear() {
    assert_linear("uncued-quotes", |n| {
        repeated(n, " ", "“We will keep the ferry running all winter ", ".”")
    });
}

#[test]
fn thousands_of_attributions_in_one_paragraph_are_linear() {
    assert_linear("attributions-in-one-paragraph", |n| {
        repeated(n, " ", "The mayor said on Tuesday ", ".")
    });
}

#[test]
fn a_name_repeated_through_a_long_sentence_is_linear() {
    assert_linear("repeated-name", |n| {
        let mut text = String::from("Headline\n\nThe");
        let mut i = 0;
        while text.len() < n / 2 {
            text.push(' ');
            text.push_str(&name(i, 0).to_lowercase());
            i += 1;
        }
        // a name of more letters than a stem keeps, so no word's stem is it
        while text.len() < n {
            text.push_str(" Ozymandias");
        }
        text.push_str(".\n");
        text
    });
}
