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
mod tests;
