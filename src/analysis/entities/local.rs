//! The paragraph-local step of entity recognition: what one paragraph's
//! text alone says (is it a caption or a headline, which words it uses in
//! lower case) and the name candidates of its sentences, all with offsets
//! relative to the paragraph's start so they can be kept between versions
//! of a document (see [`super::cache`]).
//!
//! Candidates depend on one document-wide fact: whether the text uses a
//! word in lower case anywhere ("Rose" at the start of a sentence is a
//! name unless the article also says "rose"). [`find`] takes that as a
//! question it may ask, and [`Found`] records which words it asked about,
//! so the document-wide step can tell when an answer changed.

use super::super::Span;
use super::candidates::{self, Candidate};
use super::tokens::{self, Token};

/// What a paragraph's text alone tells.
#[derive(Debug)]
pub(super) struct Local {
    /// A photo caption or video teaser: its names are not in the story.
    pub caption: bool,
    /// A Title Case or ALL-CAPS headline.
    pub headline: bool,
    /// The distinct words the paragraph uses in lower case, sorted, each
    /// followed by a space (words never contain one): one allocation per
    /// paragraph instead of one per word.
    lowercase: String,
}

impl Local {
    /// The distinct words the paragraph uses in lower case.
    pub fn lowercase_words(&self) -> impl Iterator<Item = &str> {
        self.lowercase.split_terminator(' ')
    }
}

/// The tokens of each sentence of a paragraph, paragraph-relative.
pub(super) type Tokens<'t> = Vec<(Span, Vec<Token<'t>>)>;

/// The local facts of the paragraph `body`, whose sentences are
/// `sentences` (relative to its start), and the tokens made on the way
/// (none for a caption, which is skipped).
pub(super) fn examine<'t>(body: &'t str, sentences: &[Span]) -> (Local, Tokens<'t>) {
    let whole = Span::new(0, body.len());
    if candidates::is_caption_or_teaser(body, whole) {
        let local = Local {
            caption: true,
            headline: false,
            lowercase: String::new(),
        };
        return (local, Vec::new());
    }
    let tokens = tokenize(body, sentences);
    let mut lower: Vec<&str> = tokens
        .iter()
        .flat_map(|(_, toks)| toks.iter())
        .filter(|t| !t.capitalised)
        .map(|t| t.lower.as_ref())
        .collect();
    lower.sort_unstable();
    lower.dedup();
    let mut lowercase = String::with_capacity(lower.iter().map(|w| w.len() + 1).sum());
    for word in lower {
        lowercase.push_str(word);
        lowercase.push(' ');
    }
    let local = Local {
        caption: false,
        headline: candidates::is_headline(body, whole),
        lowercase,
    };
    (local, tokens)
}

/// The tokens of each sentence of `body`.
pub(super) fn tokenize<'t>(body: &'t str, sentences: &[Span]) -> Tokens<'t> {
    sentences
        .iter()
        .map(|&s| (s, tokens::tokenize(body, s)))
        .collect()
}

/// A paragraph's candidates, paragraph-relative, and the words whose
/// lower-case use in the document they depend on.
#[derive(Debug)]
pub(super) struct Found {
    pub cands: Vec<Candidate>,
    /// The distinct words [`find`] asked about, each followed by a space.
    asked: String,
    /// [`WordBits`] of the words asked about.
    asked_bits: WordBits,
}

/// A 64-bit summary of a set of words (one bit per word, by hash): two
/// sets whose summaries share no bit share no word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct WordBits(u64);

impl WordBits {
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordBits {
        use std::hash::Hasher;
        WordBits(words.into_iter().fold(0, |bits, word| {
            let mut h = super::fasthash::Fnv::default();
            h.write(word.as_bytes());
            bits | 1 << (h.finish() % 64)
        }))
    }
}

impl Found {
    /// Whether the candidates asked about a word of `words`, whose
    /// summary is `bits`.
    pub fn asked_any(&self, words: &super::fasthash::FastSet<Box<str>>, bits: WordBits) -> bool {
        self.asked_bits.0 & bits.0 != 0
            && self.asked.split_terminator(' ').any(|w| words.contains(w))
    }

    /// Whether the two paragraphs have the same candidates, apart from
    /// where they stand in the paragraph.
    pub fn same_apart_from_position(&self, other: &Found) -> bool {
        self.cands.len() == other.cands.len()
            && self
                .cands
                .iter()
                .zip(&other.cands)
                .all(|(a, b)| placed_at_zero(a) == placed_at_zero(b))
    }
}

/// The candidate moved to the start of the text.
fn placed_at_zero(c: &Candidate) -> Candidate {
    let from = c.span.start;
    let back = |s: &Span| Span::new(s.start.saturating_sub(from), s.end.saturating_sub(from));
    Candidate {
        span: back(&c.span),
        word_spans: c.word_spans.iter().map(back).collect(),
        title_span: c.title_span.as_ref().map(back),
        role_span: c.role_span.as_ref().map(back),
        ..c.clone()
    }
}

/// The candidates of the paragraph `body` from its `tokens`;
/// `lowercase_seen` tells whether the document uses a word in lower case.
pub(super) fn find(
    body: &str,
    headline: bool,
    tokens: &Tokens<'_>,
    lowercase_seen: &dyn Fn(&str) -> bool,
) -> Found {
    let asked = std::cell::RefCell::new(Vec::new());
    let seen = |word: &str| {
        asked.borrow_mut().push(word.to_string());
        lowercase_seen(word)
    };
    let mut cands = Vec::new();
    for (sentence, toks) in tokens {
        candidates::sentence_candidates(body, *sentence, toks, headline, &seen, &mut cands);
    }
    let mut asked = asked.into_inner();
    asked.sort_unstable();
    asked.dedup();
    Found {
        cands,
        asked_bits: WordBits::of(asked.iter().map(String::as_str)),
        asked: asked.iter().flat_map(|w| [w.as_str(), " "]).collect(),
    }
}
