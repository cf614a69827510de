//! Tests of segmentation: paragraphs, lines and sentence boundaries.

use super::*;

fn sentences(text: &str) -> Vec<&str> {
    let seg = segment(text);
    seg.paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.text(text)))
        .collect()
}

#[test]
fn name_titles_compare_ascii_insensitively() {
    // `ends_with_name_title` relies on this (see the comment there)
    assert!(
        NAME_TITLES
            .iter()
            .all(|t| t.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'))
    );
    assert!(ends_with_name_title("Met LT."));
    assert!(ends_with_name_title("Met Lt.-Gen."));
    assert!(!ends_with_name_title("Met Lieutenant."));
    assert!(!ends_with_name_title("Met Lt"));
}

#[test]
fn paragraphs_are_runs_of_non_blank_lines() {
    let text = "Head\n\nOne.\nStill one.\n\n\nTwo.\n";
    let seg = segment(text);
    let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.span.text(text)).collect();
    assert_eq!(paras, ["Head", "One.\nStill one.", "Two."]);
    assert_eq!(seg.paragraphs[1].first_line, 2);
    assert_eq!(seg.paragraphs[1].last_line, 3);
    assert_eq!(seg.lines.len(), 8);
}

#[test]
fn a_run_written_one_paragraph_per_line_is_split_at_its_line_breaks() {
    let long = "The council met on Monday evening to debate the harbour bridge budget, \
                which has grown by a third since the spring estimate was made.";
    assert!(long.chars().count() > UNWRAPPED_LINE_CHARS);
    let paras = |text: &str| -> Vec<String> {
        let seg = segment(text);
        seg.paragraphs
            .iter()
            .map(|p| p.span.text(text).to_string())
            .collect()
    };
    // a line no wrapped text has: every line is a paragraph
    let text = format!("{long}\nThe mayor spoke first.\n“We will build it,” she said.");
    assert_eq!(
        paras(&text),
        [
            long,
            "The mayor spoke first.",
            "“We will build it,” she said."
        ]
    );
    // a sentence broken off mid-way, or a quotation still open, goes on
    let text =
        format!("{long} It has\nbeen delayed.\n“We need the bridge.\nAna Roe, Harbourview.”");
    assert_eq!(
        paras(&text),
        [
            format!("{long} It has\nbeen delayed."),
            "“We need the bridge.\nAna Roe, Harbourview.”".to_string()
        ]
    );
    // but a quote running over paragraphs, the next one opening with a
    // quotation mark as news style writes it, is two paragraphs
    let text = format!("{long}\n“We need the bridge,” she said. “It is late.\n“Build it.”");
    assert_eq!(
        paras(&text),
        [
            long,
            "“We need the bridge,” she said. “It is late.",
            "“Build it.”"
        ]
    );
    // hard-wrapped prose keeps its paragraphs whole
    let text = "The council met on Monday evening.\nIt debated the harbour bridge budget.";
    assert_eq!(paras(text), [text]);
    // but each list item is a paragraph, blank line or not
    let text = "More from the council:\n- Bridge tolls rise\n- Ferry cut\n2. Parks";
    assert_eq!(
        paras(text),
        [
            "More from the council:",
            "- Bridge tolls rise",
            "- Ferry cut",
            "2. Parks"
        ]
    );
    // a hyphen that only wraps a line opens no item
    let text = "The toll is\n-2 dollars for bikes.";
    assert_eq!(paras(text), [text]);
}

#[test]
fn crlf_is_not_part_of_a_line() {
    let text = "a\r\nb";
    let seg = segment(text);
    assert_eq!(seg.lines, [Span::new(0, 1), Span::new(3, 4)]);
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    assert_eq!(
        sentences("Mr. Smith met J. K. Rowling in the U.S. on Monday. She left."),
        [
            "Mr. Smith met J. K. Rowling in the U.S. on Monday.",
            "She left."
        ]
    );
}

#[test]
fn a_quote_that_ends_a_sentence_stays_with_it() {
    assert_eq!(
        sentences("“We won,” he said. “Did we?” She laughed."),
        ["“We won,” he said.", "“Did we?”", "She laughed."]
    );
}

#[test]
fn decimals_and_money_do_not_end_sentences() {
    assert_eq!(
        sentences("The plan costs $1.4 billion. Rates rose 3.5 per cent on Friday."),
        [
            "The plan costs $1.4 billion.",
            "Rates rose 3.5 per cent on Friday."
        ]
    );
}

#[test]
fn months_saints_and_titles_are_abbreviations() {
    assert_eq!(
        sentences("On Jan. 12 she moved to St. Albert with Dr. Ng. Sen. Ray Diaz was there."),
        [
            "On Jan. 12 she moved to St. Albert with Dr. Ng.",
            "Sen. Ray Diaz was there."
        ]
    );
}

#[test]
fn a_hyphenated_rank_keeps_its_name() {
    assert_eq!(
        sentences("Lt.-Gen. Rosa Lind spoke first. Nobody else did."),
        ["Lt.-Gen. Rosa Lind spoke first.", "Nobody else did."]
    );
}

#[test]
fn sentence_final_abbreviation_splits_before_a_starter_word() {
    assert_eq!(
        sentences("The firm moved to the U.S. The move cost jobs."),
        ["The firm moved to the U.S.", "The move cost jobs."]
    );
    assert_eq!(
        sentences("The U.S. Senate met at 4 p.m. and adjourned."),
        ["The U.S. Senate met at 4 p.m. and adjourned."]
    );
}

#[test]
fn ellipses_continue_before_lower_case_and_end_before_a_capital() {
    assert_eq!(
        sentences("We waited... and waited. Then... Nothing happened."),
        ["We waited... and waited.", "Then...", "Nothing happened."]
    );
}

#[test]
fn quotes_ending_in_question_or_period_close_the_sentence() {
    assert_eq!(
        sentences(
            "\"Is it safe?\" Nobody knew. She called it \u{201c}a disgrace.\u{201d} He agreed."
        ),
        [
            "\"Is it safe?\"",
            "Nobody knew.",
            "She called it \u{201c}a disgrace.\u{201d}",
            "He agreed."
        ]
    );
}

#[test]
fn attribution_after_a_quote_stays_in_the_sentence() {
    assert_eq!(
        sentences("\u{201c}Why now?\u{201d} she asked. \u{2018}Fine,\u{2019} he said. It ended."),
        [
            "\u{201c}Why now?\u{201d} she asked.",
            "\u{2018}Fine,\u{2019} he said.",
            "It ended."
        ]
    );
}

#[test]
fn a_plain_no_ends_a_sentence_but_a_number_sign_does_not() {
    assert_eq!(
        sentences("The mayor said no. Council went ahead. It ranked No. 3 in May."),
        [
            "The mayor said no.",
            "Council went ahead.",
            "It ranked No. 3 in May."
        ]
    );
}

#[test]
fn a_short_unpunctuated_line_is_its_own_sentence() {
    assert_eq!(
        sentences("Storm closes schools\nClasses resume on Monday."),
        ["Storm closes schools", "Classes resume on Monday."]
    );
    // Wrapped prose is not cut at the line break.
    assert_eq!(
        sentences("The board met on\nthursday to vote."),
        ["The board met on\nthursday to vote."]
    );
}

#[test]
fn list_items_are_sentences() {
    assert_eq!(
        sentences("- Rents rose\n- Wages fell"),
        ["- Rents rose", "- Wages fell"]
    );
}

#[test]
fn emoji_and_cjk_keep_spans_on_char_boundaries() {
    assert_eq!(
        sentences("Fans cheered \u{1f389}. \u{6771}\u{4eac} is next. Done."),
        [
            "Fans cheered \u{1f389}.",
            "\u{6771}\u{4eac} is next.",
            "Done."
        ]
    );
}

#[test]
fn a_closed_parenthetical_sentence_ends() {
    assert_eq!(
        sentences("(She declined to comment.) The vote passed."),
        ["(She declined to comment.)", "The vote passed."]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Sentences of any text lie inside their paragraph, in order, on
    /// character boundaries, and never start or end with white space.
    #[test]
    fn sentences_are_ordered_trimmed_and_on_boundaries(
        text in "([A-Za-z.?!…“”\"'()]|\\PC| |\n|\u{1f600}|Mr\\.|U\\.S\\.){0,120}"
    ) {
        let seg = segment(&text);
        for para in &seg.paragraphs {
            let mut last = para.span.start;
            for s in &para.sentences {
                proptest::prop_assert!(para.span.covers(*s) && s.start >= last);
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let t = s.text(&text);
                proptest::prop_assert!(!t.is_empty() && t.trim() == t);
                last = s.end;
            }
        }
    }
}

#[test]
fn unclosed_openers_get_stand_ins_of_their_length_and_closed_ones_stay() {
    for &(open, close, stand_in) in UNCLOSABLE_STAND_INS {
        assert_eq!(open.len_utf8(), stand_in.len_utf8(), "{open}");
        assert!(!stand_in.is_alphanumeric() && !stand_in.is_whitespace() && stand_in != close);
    }
    let para = "“Closed,” she said. “Open and «oui» ‘never. «non";
    let neutral = without_unclosed_openers(para);
    assert_eq!(neutral.len(), para.len());
    assert_eq!(neutral, "“Closed,” she said. †Open and «oui» †never. ¤non");
    // ’ after ‘ closes it for the splitter (it cannot tell an apostrophe)
    assert_eq!(without_unclosed_openers("‘it’s"), "‘it’s");
    assert!(matches!(
        without_unclosed_openers("No marks here."),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// What keeps the splitter linear: after the stand-ins, every opener
/// the splitter pairs has a closer after it, so its search for one stops
/// there instead of at the end of the paragraph.
#[test]
fn every_opener_left_for_the_splitter_has_a_closer_after_it() {
    let para: String = (0..500)
        .map(|i| format!("“a{i} ‘b «c "))
        .collect::<String>()
        + "” end.";
    let neutral = without_unclosed_openers(&para);
    for &(open, close, _) in UNCLOSABLE_STAND_INS {
        let last_close = neutral.rfind(close);
        for (at, _) in neutral.match_indices(open) {
            assert!(last_close.is_some_and(|c| c > at), "{open} at {at}");
        }
    }
    // the splits are the same as on the text itself
    let text = format!("{para}\n");
    let spans = split_sentences(&text, Span::new(0, para.len()));
    assert_eq!(spans, [Span::new(0, para.len())]);
}

#[test]
fn line_of_finds_the_line() {
    let seg = segment("ab\ncd\n");
    assert_eq!(seg.line_of(0), 0);
    assert_eq!(seg.line_of(4), 1);
    assert_eq!(seg.line_of(6), 2);
}
