//! Segmentation: lines, paragraphs and sentences, as byte spans.
//!
//! A *line* is the text between line breaks (`\n` or `\r\n`), without the
//! break. A *paragraph* is a maximal run of non-blank lines (one line per
//! paragraph in scraped `.txt`; possibly several in wrapped Markdown).
//! Sentences are split inside paragraphs only.

use super::Span;

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
    let lines = split_lines(text);
    let mut paragraphs = Vec::new();
    let mut current: Option<(usize, usize)> = None; // first, last line
    for (i, line) in lines.iter().enumerate() {
        let blank = line.text(text).trim().is_empty();
        match (&mut current, blank) {
            (Some((_, last)), false) => *last = i,
            (None, false) => current = Some((i, i)),
            (Some((first, last)), true) => {
                paragraphs.push(make_paragraph(text, &lines, *first, *last));
                current = None;
            }
            (None, true) => {}
        }
    }
    if let Some((first, last)) = current {
        paragraphs.push(make_paragraph(text, &lines, first, last));
    }
    Segmentation { lines, paragraphs }
}

fn split_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
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

fn make_paragraph(text: &str, lines: &[Span], first: usize, last: usize) -> Paragraph {
    let raw = Span::new(lines[first].start, lines[last].end);
    let span = trim_span(text, raw);
    Paragraph {
        span,
        first_line: first,
        last_line: last,
        sentences: split_sentences(text, span),
    }
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

/// Words that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep",
    "rev", "hon", "lt", "col", "capt", "cpl", "sgt", "supt", "insp", "det", "const", "maj", "adm",
    "cmdr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "vs", "v",
    "etc", "inc", "ltd", "co", "corp", "dept", "univ", "ave", "blvd", "rd", "approx", "e.g", "i.e",
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "fig", "vol", "pp", "ph.d",
];

/// Split the paragraph `span` of `text` into sentence spans.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let para = span.text(text);
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            // Extend over runs of terminators and closing quotes/brackets.
            let mut end = i + 1;
            loop {
                let rest = &para[end..];
                let next = rest.chars().next();
                match next {
                    Some(ch)
                        if matches!(
                            ch,
                            '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
                        ) =>
                    {
                        end += ch.len_utf8()
                    }
                    _ => break,
                }
            }
            let rest = &para[end..];
            let followed_by_space = rest.starts_with(char::is_whitespace);
            if followed_by_space && c == b'.' && is_abbreviation(&para[start..i]) {
                i = end;
                continue;
            }
            if followed_by_space {
                let next_word = rest.trim_start();
                let starts_sentence = next_word
                    .chars()
                    .next()
                    .map(|ch| ch.is_uppercase() || ch.is_numeric() || "\"“‘'([".contains(ch))
                    .unwrap_or(false);
                if starts_sentence {
                    out.push(Span::new(span.start + start, span.start + end));
                    start = end + (rest.len() - next_word.len());
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < para.len() {
        let tail = trim_span(text, Span::new(span.start + start, span.end));
        if !tail.is_empty() {
            out.push(tail);
        }
    }
    out
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || "(\"“‘".contains(c))
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. K. Rowling"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
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
    fn line_of_finds_the_line() {
        let seg = segment("ab\ncd\n");
        assert_eq!(seg.line_of(0), 0);
        assert_eq!(seg.line_of(4), 1);
        assert_eq!(seg.line_of(6), 2);
    }
}
