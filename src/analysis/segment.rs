//! Segmentation: lines, paragraphs and sentences, as byte spans.
//!
//! A *line* is the text between line breaks (`\n` or `\r\n`), without the
//! break. A *paragraph* is a maximal run of non-blank lines (possibly
//! several in wrapped Markdown), except that a run written one paragraph
//! per line with single breaks, as much scraped `.txt` is, is split at its
//! line breaks (see [`split_paragraphs`]).
//! Sentences are split inside paragraphs only.

use super::Span;
use super::work::{tick, tick_n};
use sentencex::languages::{English, Language};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Index of the paragraph's first and last line.
    pub first_line: usize,
    pub last_line: usize,
    pub sentences: Vec<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Every line of the text, blank ones included, without its line break.
    pub lines: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
}

impl Segmentation {
    /// Index of the line containing byte `offset` (the last line for the end).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Index of the paragraph containing byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end < offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.span.start <= offset && offset <= p.span.end)
            .map(|_| i)
    }
}

/// Split `text` into lines, paragraphs and sentences.
pub fn segment(text: &str) -> Segmentation {
    let (lines, paragraph_lines) = split_paragraphs(text);
    let paragraphs = paragraph_lines
        .into_iter()
        .map(|(span, first_line, last_line)| Paragraph {
            span,
            first_line,
            last_line,
            sentences: split_sentences(text, span),
        })
        .collect();
    Segmentation { lines, paragraphs }
}

/// The lines of `text`, and each paragraph's trimmed span with its first
/// and last line; sentences are left to the caller (the driver reuses the
/// splits of paragraphs it has seen).
///
/// A paragraph is a run of non-blank lines, except in a run that is not
/// hard-wrapped: when one of its lines is longer than any wrapped line is
/// ([`UNWRAPPED_LINE_CHARS`]), the text was written one paragraph per line
/// with single line breaks, as much scraped copy is, and every line of the
/// run is a paragraph of its own.
pub fn split_paragraphs(text: &str) -> (Vec<Span>, Vec<(Span, usize, usize)>) {
    let lines = split_lines(text);
    let mut paragraphs = Vec::new();
    let close = |first: usize, last: usize, out: &mut Vec<(Span, usize, usize)>| {
        let raw = Span::new(lines[first].start, lines[last].end);
        out.push((trim_span(text, raw), first, last));
    };
    let mut run: Option<(usize, usize, bool)> = None; // first, last line, unwrapped
    let close_run = |(first, last, unwrapped): (usize, usize, bool),
                     out: &mut Vec<(Span, usize, usize)>| {
        if unwrapped {
            let mut start = first;
            for i in first..=last {
                tick();
                if i == last || !continues_on_next_line(text, lines[i], lines[i + 1]) {
                    close(start, i, out);
                    start = i + 1;
                }
            }
        } else {
            // a list item opens a paragraph of its own, even where the
            // items follow one another without a blank line
            let mut start = first;
            for (i, line) in lines.iter().enumerate().take(last + 1).skip(first + 1) {
                tick();
                if opens_list_item(line.text(text)) {
                    close(start, i - 1, out);
                    start = i;
                }
            }
            close(start, last, out);
        }
    };
    for (i, line) in lines.iter().enumerate() {
        tick();
        let written = line.text(text);
        let blank = written.trim().is_empty();
        // one step per byte of a long line, counted at once
        let long = written.len() > UNWRAPPED_LINE_CHARS && {
            tick_n(written.len());
            written.chars().count() > UNWRAPPED_LINE_CHARS
        };
        match (&mut run, blank) {
            (Some((_, last, unwrapped)), false) => {
                *last = i;
                *unwrapped |= long;
            }
            (None, false) => run = Some((i, i, long)),
            (Some(_), true) => {
                if let Some(done) = run.take() {
                    close_run(done, &mut paragraphs);
                }
            }
            (None, true) => {}
        }
    }
    if let Some(done) = run {
        close_run(done, &mut paragraphs);
    }
    (lines, paragraphs)
}

/// "- item", "* item", "• item", "1. item", "2) item": a line that opens
/// a list item by its marker and a space.
fn opens_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// True when `line` breaks off a sentence or a quotation that `next` goes
/// on with: a quotation mark opened on it is not closed, or it ends with
/// no closing punctuation and `next` starts in lower case ("... has a
/// limited effect on identifying supporters" / "in caucuses and
/// primaries.”"), as where a scraper broke a paragraph in two.
fn continues_on_next_line(text: &str, line: Span, next: Span) -> bool {
    let written = line.text(text);
    // a quotation still open at the line's end goes on below ("“We need
    // stimulus." / "Josh Bivens, Economic Policy Institute.”"), by the
    // text model's one reading of quotation marks; but when the next line
    // opens with a quotation mark, that is the news convention for a quote
    // running over several paragraphs (no closing mark at the end of each
    // but the last, an opening one at the start of each), not a paragraph
    // broken in two
    if super::text::quotes::scan(written).open_at_end.is_some() {
        return !super::text::quotes::scan(next.text(text)).starts_with_open;
    }
    let ends_open = written
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    let next_lower = next
        .text(text)
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    ends_open && next_lower
}

/// Longer than a hard-wrapped line ever is (editors and mail wrap at 72 to
/// 80 characters, a few writers at 100).
pub const UNWRAPPED_LINE_CHARS: usize = 110;

fn split_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    // one step per byte, counted at once
    tick_n(text.len());
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Span::new(start, end));
            start = i + 1;
        }
    }
    lines.push(Span::new(start, text.len()));
    lines
}

/// Shrink a span so it neither starts nor ends with white space.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Titles that stand before a name and so never end a sentence, even where
/// the general splitter does not know them (e.g. the second half of
/// "Lt.-Gen."). Lower case, without the period.
const NAME_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "rev", "hon", "lt", "col", "capt",
    "cpl", "sgt", "supt", "insp", "det", "const", "maj", "adm", "cmdr", "pte", "cst", "msgr",
];

/// Split the paragraph `span` of `text` into sentence spans.
///
/// The general work (abbreviations, initials, decimals, ellipses, quotes
/// that close a sentence, sentence-final abbreviations followed by a common
/// sentence starter, list items) is done by the `sentencex` crate's English
/// rules; [`news_cuts`] then applies corrections for news copy. Each
/// sentence is trimmed; the result is linear in the paragraph's length.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let para = span.text(text);
    // The splitter's own cost is the crate's: counted here by the bytes
    // handed to it; that it stays linear is kept by
    // `without_unclosed_openers` (its one known square) and watched by
    // the criterion `hostile-1MB` bench.
    tick_n(para.len());
    let mut cuts: Vec<usize> = English {}
        .get_sentence_boundaries(&without_unclosed_openers(para))
        .iter()
        .inspect(|_| tick())
        .map(|b| b.start_byte)
        .filter(|&cut| cut > 0 && cut < para.len() && para.is_char_boundary(cut))
        .filter(|&cut| !ends_with_name_title(&para[..cut]))
        .collect();
    cuts.extend(news_cuts(para));
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(para.len())) {
        tick();
        let piece = trim_span(text, Span::new(span.start + start, span.start + end));
        if !piece.is_empty() {
            out.push(piece);
        }
        start = end;
    }
    out
}

/// Opening quotation marks that have a distinct closing mark, with a
/// stand-in of the same byte length that is neither a quotation mark, a
/// letter, a digit, white space nor a terminator.
const UNCLOSABLE_STAND_INS: &[(char, char, char)] = &[
    ('“', '”', '†'),
    ('‘', '’', '†'),
    ('«', '»', '¤'),
    ('‹', '›', '†'),
];

/// `para` with every opening quotation mark that no closing mark follows
/// replaced by a neutral stand-in of the same length.
///
/// The splitter looks for each opener's closer from the opener onwards, so
/// a paragraph of openers that never close costs the square of its length
/// there (a 1 MB one took minutes). An opener without a closer after it
/// pairs with nothing either way, so the stand-in leaves the splits of real
/// prose as they were, and byte offsets do not move.
fn without_unclosed_openers(para: &str) -> std::borrow::Cow<'_, str> {
    let mut closer_after = [false; UNCLOSABLE_STAND_INS.len()];
    let mut unclosed: Vec<(usize, char)> = Vec::new();
    // one step per char (at most one per byte), counted at once
    tick_n(para.len());
    for (i, c) in para.char_indices().rev() {
        for (k, &(open, close, stand_in)) in UNCLOSABLE_STAND_INS.iter().enumerate() {
            if c == close {
                closer_after[k] = true;
            } else if c == open && !closer_after[k] {
                unclosed.push((i, stand_in));
            }
        }
    }
    if unclosed.is_empty() {
        return std::borrow::Cow::Borrowed(para);
    }
    let mut out = String::with_capacity(para.len());
    let mut copied = 0;
    for &(at, stand_in) in unclosed.iter().rev() {
        tick();
        out.push_str(&para[copied..at]);
        out.push(stand_in);
        copied = at + para[at..].chars().next().map_or(0, char::len_utf8);
    }
    out.push_str(&para[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Whether `before` (the text up to a proposed cut) ends with a name title
/// and its period, e.g. "... Lt.-Gen. ": the name follows, so no cut.
fn ends_with_name_title(before: &str) -> bool {
    let word = before.trim_end();
    tick_n(before.len() - word.len());
    let Some(word) = word.strip_suffix('.') else {
        return false;
    };
    let last = word
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    tick_n(last.len());
    // The titles are ASCII (no "k", whose Kelvin-sign capital is the one
    // non-ASCII letter that lower-cases to ASCII), so an ASCII-insensitive
    // comparison equals lower-casing first, without an allocation per cut.
    NAME_TITLES.iter().any(|t| t.eq_ignore_ascii_case(last))
}

/// Extra sentence starts the general splitter misses in news copy: a
/// lower-case "no." before a capital (the answer "no", not "No. 5"), a
/// closing bracket after a terminator (".) Next"), and a line break after a
/// short line without final punctuation (a headline or list line) when the
/// next line starts with a capital. Byte offsets into `para`.
fn news_cuts(para: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut line_start = 0;
    // one step per char (at most one per byte), counted at once
    tick_n(para.len());
    for (i, c) in para.char_indices() {
        match c {
            '.' | ')' => {
                let head = &para[..i + 1];
                let rest = &para[i + 1..];
                let answer_no = c == '.' && ends_with_word(&para[..i], "no");
                let closed_aside = c == ')' && ends_with_terminator(&para[..i]);
                if (answer_no || closed_aside) && next_starts_capital(rest) {
                    cuts.push(head.len() + leading_space(rest));
                }
            }
            '\n' => {
                let line = para[line_start..i].trim_end();
                tick_n(i - line_start);
                let rest = &para[i + 1..];
                if is_short_unpunctuated(line) && starts_capital(rest) {
                    cuts.push(i + 1 + leading_space(rest));
                }
                line_start = i + 1;
            }
            _ => {}
        }
    }
    cuts
}

/// Whether `s` ends with the whole word `word` (case-sensitive).
fn ends_with_word(s: &str, word: &str) -> bool {
    s.strip_suffix(word).is_some_and(|before| {
        !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

fn ends_with_terminator(s: &str) -> bool {
    s.ends_with(['.', '!', '?'])
}

/// Whether `rest` is white space followed by an upper-case letter (or an
/// opening quotation mark before one).
fn next_starts_capital(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    trimmed.len() < rest.len() && starts_capital(trimmed)
}

/// Whether `s` starts with an upper-case letter, perhaps after an opening
/// quotation mark.
fn starts_capital(s: &str) -> bool {
    let word = s.trim_start().trim_start_matches(['"', '\'', '“', '‘']);
    word.chars().next().is_some_and(char::is_uppercase)
}

fn leading_space(rest: &str) -> usize {
    rest.len() - rest.trim_start().len()
}

/// A line that reads like a headline or list entry rather than wrapped
/// prose: at most ten words and no sentence-final punctuation.
fn is_short_unpunctuated(line: &str) -> bool {
    !line.is_empty()
        && line.split_whitespace().count() <= 10
        && !line.ends_with([
            '.', '!', '?', ':', ';', ',', '”', '"', '’', '\'', ')', '-', '—',
        ])
}

#[cfg(test)]
mod tests {
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
            sentences(
                "\u{201c}Why now?\u{201d} she asked. \u{2018}Fine,\u{2019} he said. It ended."
            ),
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
}
