//! Fragments: pieces that do not stand as sentences of this article.
//!
//! Scraped and spun copy is full of them: an attribution whose quote was cut
//! away, a sentence cut off, a quotation mark that never closes, a paragraph
//! that starts in the middle of a sentence, a sentence spliced in from an
//! unrelated story. Each kind has its own submodule and sub-code:
//!
//! - `fragment/orphan-attribution` in [`orphan`]
//! - `fragment/truncated` in [`truncated`]
//! - `fragment/unbalanced-quote` in [`unbalanced`]
//! - `fragment/mid-sentence-start` in [`mid_sentence`]
//! - `fragment/spliced` in [`spliced`] (a judgement, so information severity)
//!
//! Paragraphs that are boilerplate are skipped. Each detector works in two
//! steps. The local step sees one paragraph ([`Para`]: its text, sentences
//! and quotation marks) and nothing else, so its result ([`Local`], spans
//! relative to the paragraph) is kept between analyses in the [`Cache`],
//! keyed by the paragraph's text. The document-wide step ([`Doc`]) combines
//! the cached results: it shifts their spans, applies what depends on a
//! paragraph's position or on its neighbours' local results, and builds the
//! article's word frequencies from per-paragraph summaries.

mod lexicon;
mod marks;
mod mid_sentence;
mod orphan;
mod spliced;
mod text;
mod truncated;
mod unbalanced;

use super::boilerplate::Boilerplate;
use super::entities::Entity;
use super::memo::Memo;
use super::quotes::Quote;
use super::segment::Segmentation;
use super::{Diagnostic, Related, Severity, Span};
use marks::QuoteScan;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FragmentKind {
    OrphanAttribution,
    Truncated,
    UnbalancedQuote,
    MidSentenceStart,
    Spliced,
}

impl FragmentKind {
    pub fn code(self) -> &'static str {
        match self {
            FragmentKind::OrphanAttribution => "fragment/orphan-attribution",
            FragmentKind::Truncated => "fragment/truncated",
            FragmentKind::UnbalancedQuote => "fragment/unbalanced-quote",
            FragmentKind::MidSentenceStart => "fragment/mid-sentence-start",
            FragmentKind::Spliced => "fragment/spliced",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub span: Span,
    pub kind: FragmentKind,
    pub message: String,
    pub severity: Severity,
    pub related: Vec<Related>,
    /// Text to insert at a position to mend it, when the place is clear.
    pub insertion: Option<(usize, String)>,
}

impl Fragment {
    /// A warning with no related information and no fix.
    fn warning(span: Span, kind: FragmentKind, message: String) -> Self {
        Fragment {
            span,
            kind,
            message,
            severity: Severity::Warning,
            related: Vec::new(),
            insertion: None,
        }
    }

    /// The same fragment in a paragraph that starts `by` bytes into the
    /// document (its spans were relative to the paragraph's start).
    fn shifted(&self, by: usize) -> Self {
        Fragment {
            span: self.span.shifted(by),
            kind: self.kind,
            message: self.message.clone(),
            severity: self.severity,
            related: self
                .related
                .iter()
                .map(|r| Related {
                    span: r.span.shifted(by),
                    message: r.message.clone(),
                })
                .collect(),
            insertion: self.insertion.as_ref().map(|(at, s)| (at + by, s.clone())),
        }
    }

    pub fn to_diagnostic(&self, _text: &str) -> Diagnostic {
        Diagnostic {
            span: self.span,
            code: self.kind.code().to_string(),
            severity: self.severity,
            message: self.message.clone(),
            related: self.related.clone(),
            fix: self.insertion.as_ref().map(|(at, s)| super::Fix {
                title: format!("Insert {s}"),
                edits: vec![(Span::new(*at, *at), s.clone())],
            }),
        }
    }
}

/// One paragraph of article text (boilerplate already left out) as the
/// local step sees it: its own text, with every span relative to its start.
#[derive(Debug)]
pub(crate) struct Para<'t> {
    /// The paragraph's text, and nothing else of the document.
    pub text: &'t str,
    /// The whole paragraph: `0..text.len()`.
    pub span: Span,
    pub sentences: Vec<Span>,
    pub quotes: QuoteScan,
}

impl<'t> Para<'t> {
    /// The paragraph `body`, split into `sentences` (relative to its start).
    fn new(body: &'t str, sentences: Vec<Span>) -> Self {
        let span = Span::new(0, body.len());
        Para {
            text: body,
            span,
            sentences,
            quotes: marks::scan(body, span),
        }
    }

    pub fn slice(&self, span: Span) -> &'t str {
        span.text(self.text)
    }
}

/// What every detector finds in one paragraph from its text alone, with
/// spans relative to the paragraph's start. What depends on the rest of the
/// document (the paragraph's position, its neighbours, the article's word
/// frequencies) is left to the document-wide step, as flags and summaries.
#[derive(Debug)]
pub(crate) struct Local {
    orphan: orphan::Local,
    truncated: truncated::Local,
    unbalanced: unbalanced::Local,
    mid_sentence: mid_sentence::Local,
    spliced: spliced::Local,
}

impl Local {
    fn of(para: &Para) -> Self {
        Local {
            orphan: orphan::local(para),
            truncated: truncated::local(para),
            unbalanced: unbalanced::local(para),
            mid_sentence: mid_sentence::local(para),
            spliced: spliced::local(para),
        }
    }
}

/// One paragraph in the document: where it starts and what the local step
/// found in it.
#[derive(Debug)]
pub(crate) struct Placed {
    pub start: usize,
    pub local: Arc<Local>,
}

/// The article as the document-wide step sees it: its non-boilerplate
/// paragraphs in order (index = position among them, 0 = the first).
#[derive(Debug)]
pub(crate) struct Doc {
    pub paras: Vec<Placed>,
}

impl Doc {
    fn new(cache: &mut Cache, text: &str, seg: &Segmentation, boilerplate: &[Boilerplate]) -> Self {
        let mut furniture: Vec<Span> = boilerplate.iter().map(|b| b.span).collect();
        furniture.sort();
        // Paragraphs come in text order, so one walk along the sorted
        // furniture finds the piece each paragraph may overlap.
        let mut next_piece = 0;
        let mut is_furniture = |span: Span| {
            while furniture
                .get(next_piece)
                .is_some_and(|b| b.end <= span.start)
            {
                next_piece += 1;
            }
            furniture.get(next_piece).is_some_and(|b| b.overlaps(span))
        };
        let paras = seg
            .paragraphs
            .iter()
            .filter(|p| !p.span.is_empty())
            .filter(|p| !is_furniture(p.span))
            .map(|p| {
                let body = p.span.text(text);
                let local = cache.paras.get_or_insert_with(body, || {
                    let relative = p
                        .sentences
                        .iter()
                        .map(|s| Span::new(s.start - p.span.start, s.end - p.span.start))
                        .collect();
                    Arc::new(Local::of(&Para::new(body, relative)))
                });
                Placed {
                    start: p.span.start,
                    local: Arc::clone(local),
                }
            })
            .collect();
        Doc { paras }
    }

    /// The paragraph after `i`, if any.
    pub fn next(&self, i: usize) -> Option<&Placed> {
        self.paras.get(i + 1)
    }

    /// The paragraph before `i`, if any.
    pub fn prev(&self, i: usize) -> Option<&Placed> {
        i.checked_sub(1).and_then(|j| self.paras.get(j))
    }
}

/// What this pass keeps between analyses of one document: each
/// paragraph's [`Local`] result, by paragraph text (the sentences of a
/// paragraph are a function of its text, see [`super::segment`], so the
/// text alone is the key), and the article's word counts.
#[derive(Debug, Default)]
pub struct Cache {
    paras: Memo<Arc<Local>>,
    /// The article's word counts, brought up to date in each analysis.
    words: spliced::Tally,
}

impl Cache {
    /// End of one analysis: forget what it did not use.
    pub fn sweep(&mut self) {
        self.paras.sweep();
    }
}

/// Every fragment in `text`, in document order.
pub fn detect(
    text: &str,
    seg: &Segmentation,
    boilerplate: &[Boilerplate],
    _quotes: &[Quote],
    _entities: &[Entity],
) -> Vec<Fragment> {
    detect_with(
        &mut Cache::default(),
        text,
        seg,
        boilerplate,
        _quotes,
        _entities,
    )
}

/// [`detect`], reusing what `cache` kept from earlier versions of the text.
/// `seg` must be the segmentation of `text` (as [`super::segment`] makes it).
pub fn detect_with(
    cache: &mut Cache,
    text: &str,
    seg: &Segmentation,
    boilerplate: &[Boilerplate],
    _quotes: &[Quote],
    _entities: &[Entity],
) -> Vec<Fragment> {
    let doc = Doc::new(cache, text, seg, boilerplate);
    let mut out = Vec::new();
    orphan::combine(&doc, &mut out);
    truncated::combine(&doc, &mut out);
    unbalanced::combine(&doc, &mut out);
    mid_sentence::combine(&doc, &mut out);
    spliced::combine(&mut cache.words, &doc, &mut out);
    out.sort_by_cached_key(|f| (f.span.start, f.span.end));
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::analysis::segment::segment;

    /// Fragments of `kind` found in `text`, as (line, flagged text).
    pub fn found(text: &str, kind: FragmentKind) -> Vec<(usize, String)> {
        let seg = segment(text);
        detect(text, &seg, &[], &[], &[])
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| (seg.line_of(f.span.start), f.span.text(text).to_string()))
            .collect()
    }

    /// Every fragment found in `text`, whatever its kind.
    pub fn all(text: &str) -> Vec<Fragment> {
        let seg = segment(text);
        detect(text, &seg, &[], &[], &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    #[test]
    fn boilerplate_paragraphs_are_skipped() {
        let text = "Headline here.\n\nThe mayor said.\n\nThe council met on Monday and voted.";
        let seg = segment(text);
        let bp = vec![Boilerplate {
            span: seg.paragraphs[1].span,
            removal: seg.paragraphs[1].span,
            kind: crate::analysis::boilerplate::BoilerplateKind::Custom,
        }];
        assert!(detect(text, &seg, &bp, &[], &[]).is_empty());
        assert_eq!(detect(text, &seg, &[], &[], &[]).len(), 1);
    }

    #[test]
    fn clean_copy_has_no_fragments() {
        let text = "Council Approves New Budget\n\n\
            OTTAWA — The city council approved its budget on Tuesday after a long debate.\n\n\
            “We did what we promised,” Mayor Ann Lee said. “Taxes will not rise.”\n\n\
            Why?\n\n\
            Because the province paid for the new bridge, she said.\n\n\
            By Jane Doe";
        assert_eq!(test_support::all(text), []);
    }
}
