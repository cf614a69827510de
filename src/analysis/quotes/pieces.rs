//! Pieces: the quoted stretches of each paragraph, read from the text
//! model's quotation-mark scan ([`crate::analysis::text::quotes`]), and
//! what their shape alone tells (speech, scare quote, title of a work).
//!
//! A piece is a top-level quoted region with a letter or digit in it.
//! Double marks and guillemets delimit quotes; single marks only outside
//! them (nested regions are part of the quote around them). When a second
//! opening mark comes inside an open quote (“It is bad. “It is worse.”),
//! the scanner leaves the first region unclosed; the two read as one quote,
//! as the writer most likely meant. A paragraph that ends inside a quote
//! continues it into the next paragraph when that one opens with a mark
//! (the newsroom convention for quotes that run over several paragraphs);
//! the pieces share a group ([`place`]).

use super::super::Span;
use super::super::lexicon::Tags;
use super::super::segment::Segmentation;
use super::super::text::ParagraphModel;
use super::super::text::quotes::{MarkKind, Region};
use super::QuoteKind;
use super::words::tokens_in;
use crate::analysis::work::{tick, tick_n};

/// One quoted piece: the words between one opening mark and its closing
/// mark (or the end of the paragraph for a quote that runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Marks included.
    pub span: Span,
    /// The quoted words, trimmed, without the marks.
    pub inner: Span,
    /// Index of the paragraph in the segmentation.
    pub para: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Delimited by single marks (‘...’).
    pub single: bool,
    /// Pieces of one quote running over several paragraphs share a group.
    pub group: usize,
}

/// Which offsets lie inside any of a set of spans (the pieces' quoted
/// words, or their marks included), by binary search: a paragraph of
/// thousands of quotes and names stays linear. Spans may nest.
pub struct Within {
    spans: Vec<Span>,
    /// `reach[k]`: the largest end of `spans[0..=k]` (sorted by start).
    reach: Vec<usize>,
}

impl Within {
    pub fn new(spans: impl Iterator<Item = Span>) -> Within {
        let mut spans: Vec<Span> = spans.collect();
        // a sort and a sweep: counted as linear, the test's ratio leaves
        // room for the sort's log
        tick_n(2 * spans.len());
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Within { spans, reach }
    }

    /// True when some span contains `offset` (as [`Span::contains`]).
    pub fn contains(&self, offset: usize) -> bool {
        let k = self.spans.partition_point(|s| s.start <= offset);
        if k == 0 || self.reach.get(k - 1).is_none_or(|&end| end <= offset) {
            return false;
        }
        // some span before reaches past the offset; an empty one or one
        // ending at it does not count
        self.spans[..k].iter().rev().any(|s| {
            tick();
            s.contains(offset)
        })
    }
}

/// What a piece's words and place in its paragraph tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// See [`shape_kind`].
    pub kind: QuoteKind,
    /// See [`is_short`].
    pub short: bool,
    pub one_word: bool,
}

/// The pieces of one paragraph, offsets relative to it, `para` and
/// `group` 0 (see [`place`] for those).
pub fn paragraph_pieces(para: &ParagraphModel) -> Vec<Piece> {
    tick_n(para.quotes.regions.len());
    let top: Vec<&Region> = para.quotes.regions.iter().filter(|r| !r.nested).collect();
    let mut out = Vec::with_capacity(top.len());
    let mut k = 0;
    while let Some(region) = top.get(k) {
        let mut piece = Piece {
            span: region.span,
            inner: region.inner,
            para: 0,
            closed: region.closed,
            single: region.kind == MarkKind::Single,
            group: 0,
        };
        k += 1;
        // An opening mark inside an open quote: one quote, two marks.
        while !piece.closed
            && let Some(next) = top.get(k)
            && next.kind == region.kind
        {
            tick();
            piece.span = Span::new(piece.span.start, next.span.end);
            piece.inner = Span::new(piece.inner.start, next.inner.end.max(piece.inner.start));
            piece.closed = next.closed;
            k += 1;
        }
        tick_n(piece.inner.len());
        if piece.inner.text(&para.text).contains(char::is_alphanumeric) {
            out.push(piece);
        }
    }
    out
}

/// Pieces of the scanned paragraphs `locals` (index, model, pieces
/// relative to the paragraph, and for each piece whether it continues the
/// one before it in its paragraph), made absolute and numbered into
/// groups: a paragraph that ends inside a quote continues its group into
/// the next scanned paragraph when that one opens with a mark; a paragraph
/// with no pieces stops a running quote.
pub fn place<'a>(
    seg: &Segmentation,
    locals: impl Iterator<Item = (usize, &'a [Piece], &'a [bool])>,
) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut groups = 0usize;
    let mut running_group: Option<usize> = None;
    for (p, pieces, joined) in locals {
        let Some(para) = seg.paragraphs.get(p) else {
            continue;
        };
        let first_piece = out.len();
        for (n, local) in pieces.iter().enumerate() {
            tick();
            let continues = n == 0 && local.span.start == 0 && !local.single;
            let mut group = match (continues, running_group) {
                (true, Some(g)) => g,
                _ => {
                    groups += 1;
                    groups - 1
                }
            };
            if joined.get(n).copied().unwrap_or(false)
                && let Some(previous) = out.last()
            {
                group = previous.group;
            }
            out.push(Piece {
                span: local.span.shifted(para.span.start),
                inner: local.inner.shifted(para.span.start),
                para: p,
                group,
                ..*local
            });
        }
        running_group = out[first_piece..]
            .last()
            .filter(|piece| !piece.closed && !piece.single)
            .map(|piece| piece.group);
    }
    out
}

/// Most words a scare quote has: a longer quoted phrase is someone's words.
const SCARE_QUOTE_WORDS: usize = 3;

/// Most words of a headline or subhead.
const HEADLINE_WORDS: usize = 14;

/// Most words of the narrative between two pieces of one interrupted quote.
const INTERRUPTION_WORDS: usize = 12;

/// Number of words in `span` of `para`.
pub fn word_count(para: &ParagraphModel, span: Span) -> usize {
    let tokens = tokens_in(para, span);
    tick_n(tokens.len());
    tokens.iter().filter(|t| t.is_word()).count()
}

/// The shape of each piece of `para`.
pub fn shapes(para: &ParagraphModel, pieces: &[Piece]) -> Vec<Shape> {
    pieces
        .iter()
        .map(|piece| Shape {
            kind: {
                tick();
                shape_kind(para, piece)
            },
            short: is_short(para, piece),
            one_word: word_count(para, piece.inner) == 1,
        })
        .collect()
}

/// A phrase short enough to be a scare quote: a few words that do not form
/// a sentence of their own ("But we stayed." is speech).
fn is_short(para: &ParagraphModel, piece: &Piece) -> bool {
    let words = piece.inner.text(&para.text);
    tick_n(words.len());
    let count = word_count(para, piece.inner);
    let sentence = count >= 2
        && words.chars().next().is_some_and(char::is_uppercase)
        && words
            .trim_end_matches(['\'', '’'])
            .ends_with(['.', '!', '?']);
    count <= SCARE_QUOTE_WORDS && !sentence
}

/// The kind a piece has by its shape alone: single-quoted words in a
/// headline are scare quotes; a Title Case phrase inside a sentence is the
/// title of a work. Everything else starts as speech.
fn shape_kind(para: &ParagraphModel, piece: &Piece) -> QuoteKind {
    if piece.single && is_headline(para) {
        return QuoteKind::ScareQuote;
    }
    let mid_sentence = Span::new(0, piece.span.start)
        .text(&para.text)
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '’' || c == '\'');
    // on a Title Case line (a headline) every quoted phrase is Title Case:
    // its capitals tell nothing
    if mid_sentence && !para.hints.title_case && is_title_case(para, piece.inner) {
        return QuoteKind::Title;
    }
    QuoteKind::Speech
}

/// A headline or subhead: one short line that does not end as a sentence.
fn is_headline(para: &ParagraphModel) -> bool {
    let last_words = para
        .text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»']);
    para.hints.single_line
        && para.hints.words <= HEADLINE_WORDS
        && !last_words.ends_with(['.', '!', '?', ':', ','])
}

/// Every word capitalised except minor words, at least two words, and no
/// clause punctuation: "Face the Nation", "The Best Men Can Be".
fn is_title_case(para: &ParagraphModel, span: Span) -> bool {
    let s = span.text(&para.text);
    tick_n(2 * s.len());
    if s.trim_end_matches(['.', ','])
        .contains([',', ';', '?', '!'])
    {
        return false;
    }
    let words: Vec<_> = tokens_in(para, span)
        .iter()
        .filter(|t| t.is_word())
        .collect();
    words.len() >= 2
        && words.iter().enumerate().all(|(i, t)| {
            t.is_capitalised()
                || t.shape == super::super::text::Shape::Number
                || (i > 0 && t.tags.contains(Tags::MINOR_WORD))
        })
}

/// Quotes interrupted by their attribution (`“A,” he said, “b.”`) become one
/// group: piece `i` continues the one before it when the first ends with a
/// comma and the narrative between the pieces is one clause ending in a
/// comma.
pub fn joins_previous(para: &ParagraphModel, pieces: &[Piece], i: usize) -> bool {
    let (Some(a), Some(b)) = (i.checked_sub(1).and_then(|j| pieces.get(j)), pieces.get(i)) else {
        return false;
    };
    if a.single || b.single {
        return false;
    }
    let text = &para.text;
    tick_n(2 * (b.span.start.saturating_sub(a.span.end)) + 1);
    let first_ends_with_comma = a.inner.text(text).ends_with(',')
        || text.get(a.span.end..).is_some_and(|r| r.starts_with(','));
    let between = text.get(a.span.end..b.span.start).unwrap_or("").trim();
    let clause = between.trim_start_matches(',').trim_end();
    first_ends_with_comma
        && clause.ends_with(',')
        && word_count(para, Span::new(a.span.end, b.span.start)) <= INTERRUPTION_WORDS
        && !clause.contains(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::driver::Driver;

    #[test]
    fn within_answers_as_a_scan_of_every_span_would() {
        // in order, one nested inside another, one empty
        let spans = [
            Span::new(2, 6),
            Span::new(10, 40),
            Span::new(15, 20),
            Span::new(50, 50),
            Span::new(60, 70),
        ];
        let inside = Within::new(spans.iter().copied());
        for offset in 0..80 {
            let scan = spans.iter().any(|s| s.contains(offset));
            assert_eq!(inside.contains(offset), scan, "at {offset}");
        }
        assert!(!Within::new(std::iter::empty()).contains(3));
    }

    fn pieces(text: &str) -> Vec<(&str, bool, usize)> {
        let mut driver = Driver::default();
        let model = driver.model(text);
        let locals: Vec<Vec<Piece>> = model
            .paragraphs
            .iter()
            .map(|p| paragraph_pieces(p))
            .collect();
        place(
            &model.segmentation,
            locals
                .iter()
                .enumerate()
                .map(|(p, l)| (p, l.as_slice(), &[][..])),
        )
        .iter()
        .map(|p| (p.inner.text(text), p.closed, p.group))
        .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            pieces("“One,” she said. \"Two.\""),
            [("One,", true, 0), ("Two.", true, 1)]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            pieces("“He told me ‘never’ again,” she said."),
            [("He told me ‘never’ again,", true, 0)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(pieces("It’s the ’90s at Lonechild’s house and the Joneses’ dog.").is_empty());
        assert!(pieces("Rock ’n’ roll, ’til dawn, it's theirs'.").is_empty());
    }

    #[test]
    fn single_quotes_outside_double_ones_are_quotes() {
        assert_eq!(
            pieces("A ‘Foreign Plot’ In The Vote"),
            [("Foreign Plot", true, 0)]
        );
        assert_eq!(
            pieces("Cancer as 'litmus test'"),
            [("litmus test", true, 0)]
        );
    }

    #[test]
    fn a_quote_running_over_paragraphs_shares_a_group() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nNext “one.”";
        assert_eq!(
            pieces(text),
            [
                ("First part.", false, 0),
                ("Second part.", false, 0),
                ("Last part,", true, 0),
                ("one.", true, 1)
            ]
        );
    }

    #[test]
    fn a_stray_opening_mark_inside_a_quote_is_ignored() {
        assert_eq!(
            pieces("“It is bad. “It is worse.” Then"),
            [("It is bad. “It is worse.", true, 0)]
        );
    }

    #[test]
    fn reversed_and_doubled_marks_still_pair() {
        assert_eq!(pieces("his riffs (”A is B”) and"), [("A is B", true, 0)]);
        assert_eq!(pieces("‘’It is so.” Then"), [("It is so.", true, 0)]);
    }

    #[test]
    fn spans_include_the_marks_and_stay_on_char_boundaries() {
        let text = "Él dijo «hola» 🙂 “👋 hi”";
        let mut driver = Driver::default();
        let model = driver.model(text);
        let found = paragraph_pieces(&model.paragraphs[0]);
        let spans: Vec<&str> = found.iter().map(|p| p.span.text(text)).collect();
        assert_eq!(spans, ["«hola»", "“👋 hi”"]);
    }
}
