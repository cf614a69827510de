//! The text model: what every pass reads of a paragraph, built once per
//! paragraph text and kept between versions by the [`super::driver`].
//!
//! A [`ParagraphModel`] holds the paragraph's tokens (spans, lower-case
//! forms, shapes, lexicon tags: [`tokens`]), its sentences (from
//! [`super::segment`]), its quotation marks and quoted regions (one scanner:
//! [`quotes`]) and its shape hints ([`hints`]). All offsets are relative to
//! the paragraph's start, so a model stays valid when the paragraph moves.
//! No pass tokenizes, splits sentences or scans quotation marks itself.

pub mod hints;
pub mod quotes;
pub mod tokens;

use super::lexicon;

use std::ops::Range;
use std::sync::Arc;

use super::Span;
use super::driver::ParagraphId;
use super::segment::{self, Segmentation};
use super::work::tick;

pub use hints::Hints;
pub use quotes::QuoteScan;
pub use tokens::{Shape, Token, Tokens};

/// Closing quotation marks and brackets that may stand after a sentence's
/// terminator ("… won.”", "(… won.)").
pub(crate) const SENTENCE_CLOSERS: [char; 7] = ['"', '”', '’', '\'', ')', ']', '»'];

/// Everything the passes read of one paragraph's text.
#[derive(Debug)]
pub struct ParagraphModel {
    /// Equal ids, equal texts (within one driver).
    pub id: ParagraphId,
    pub text: Box<str>,
    pub tokens: Tokens,
    /// Sentence spans, relative to the paragraph.
    pub sentences: Vec<Span>,
    /// For each sentence, the range of `tokens.list` that starts inside it.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Quotation marks and quoted regions.
    pub quotes: QuoteScan,
    pub hints: Hints,
}

impl ParagraphModel {
    pub(crate) fn build(id: ParagraphId, para: &str) -> ParagraphModel {
        let tokens = tokens::tokenize(para);
        let sentences = segment::split_sentences(para, Span::new(0, para.len()));
        let sentence_tokens = token_ranges(&tokens.list, &sentences);
        let hints = hints::of(para, &tokens);
        let quotes = quotes::scan(para);
        ParagraphModel {
            id,
            text: para.into(),
            tokens,
            sentences,
            sentence_tokens,
            quotes,
            hints,
        }
    }

    /// The tokens of sentence `i`.
    pub fn sentence(&self, i: usize) -> &[Token] {
        self.sentence_tokens
            .get(i)
            .map_or(&[], |r| &self.tokens.list[r.clone()])
    }

    /// The lower-case stem of `token`.
    pub fn lower(&self, token: &Token) -> &str {
        self.tokens.lower(token)
    }

    /// Whether a sentence of the paragraph ends at byte `at`, closing
    /// quotation marks and brackets after it aside: every pass reads the
    /// end of a sentence from [`Self::sentences`], so the period of
    /// "(D-Md.)" or "U.S." ends none where the splitter saw an
    /// abbreviation.
    pub fn sentence_ends_at(&self, at: usize) -> bool {
        let k = self.sentences.partition_point(|s| s.start < at);
        let Some(sentence) = k.checked_sub(1).and_then(|k| self.sentences.get(k)) else {
            return false;
        };
        tick();
        at <= sentence.end
            && self.text.get(at..sentence.end).is_some_and(|rest| {
                rest.chars()
                    .all(|c| c.is_whitespace() || SENTENCE_CLOSERS.contains(&c))
            })
    }
}

/// Each sentence's tokens: those that start at or after its start and
/// before the next sentence's start.
fn token_ranges(tokens: &[Token], sentences: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut i = 0;
    for (k, s) in sentences.iter().enumerate() {
        tick();
        while i < tokens.len() && tokens[i].span.start < s.start {
            tick();
            i += 1;
        }
        let next_start = sentences.get(k + 1).map_or(usize::MAX, |n| n.start);
        let from = i;
        while i < tokens.len() && tokens[i].span.start < next_start {
            tick();
            i += 1;
        }
        out.push(from..i);
    }
    out
}

/// One version of a document: its segmentation and each paragraph's model
/// (in the segmentation's order).
#[derive(Debug, Clone, Default)]
pub struct TextModel {
    pub segmentation: Segmentation,
    pub paragraphs: Vec<Arc<ParagraphModel>>,
}

#[cfg(test)]
mod tests {
    use crate::analysis::driver::Driver;

    #[test]
    fn sentences_own_the_tokens_that_start_in_them() {
        let mut driver = Driver::default();
        let model = driver.model("He left. She stayed.");
        let para = &model.paragraphs[0];
        let words = |i| {
            para.sentence(i)
                .iter()
                .map(|t| t.span.text(&para.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(words(0), ["He", "left", "."]);
        assert_eq!(words(1), ["She", "stayed", "."]);
        assert_eq!(model.segmentation.paragraphs[0].sentences.len(), 2);
    }
}
