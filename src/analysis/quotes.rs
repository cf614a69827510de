//! Quotes: direct quotations and who said them.
//!
//! First cut (issue 3 replaces it): double-quoted spans inside one paragraph,
//! no speaker attribution yet.

use super::Span;
use super::boilerplate::Boilerplate;
use super::entities::Entity;
use super::segment::Segmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// A word or two in quotation marks that is not attributed speech.
    ScareQuote,
    /// The title of a work (film, book, song).
    Title,
}

/// Who said a quote, as far as the article tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name (the entity's name), or the role as written
    /// ("a spokesperson") when no named person holds it.
    pub name: String,
    /// Index into the analysis' entities, when the speaker is one.
    pub entity: Option<usize>,
}

/// The evidence for an attribution, for the hover card.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Span,
    /// The words that named the speaker here ("Mr Putin", "he").
    pub speaker_mention: Option<Span>,
    /// Which rule decided, e.g. "adjacent cue", "pronoun", "continuation".
    pub rule: &'static str,
    /// 0.0–1.0: how sure the rule is.
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the first opening mark to the last closing mark, marks included
    /// (a quote split by its attribution spans the attribution too).
    pub span: Span,
    /// The quoted words of every part, without the marks.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub attribution: Option<Attribution>,
}

impl Quote {
    /// The quoted words, parts joined with a space.
    pub fn text(&self, text: &str) -> String {
        self.parts
            .iter()
            .map(|p| p.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when `offset` lies inside any part.
    pub fn contains(&self, offset: usize) -> bool {
        self.span.contains(offset) || self.parts.iter().any(|p| p.contains(offset))
    }
}

pub fn find(
    text: &str,
    seg: &Segmentation,
    _entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<Quote> {
    let mut out = Vec::new();
    for para in &seg.paragraphs {
        if boilerplate.iter().any(|b| b.span == para.span) {
            continue;
        }
        let body = para.span.text(text);
        let mut open: Option<usize> = None;
        for (i, c) in body.char_indices() {
            match (c, open) {
                ('“', _) | ('"', None) => open = Some(i + c.len_utf8()),
                ('”', Some(start)) | ('"', Some(start)) => {
                    let inner = Span::new(para.span.start + start, para.span.start + i);
                    out.push(Quote {
                        span: Span::new(
                            para.span.start + start - open_mark_len(body, start),
                            para.span.start + i + c.len_utf8(),
                        ),
                        parts: vec![inner],
                        kind: QuoteKind::Speech,
                        speaker: None,
                        attribution: None,
                    });
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

fn open_mark_len(body: &str, after: usize) -> usize {
    body[..after].chars().next_back().map_or(0, char::len_utf8)
}
