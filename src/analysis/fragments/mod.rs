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
//! steps. The local step sees one paragraph ([`Para`]: its text model, with
//! tokens, sentences, quotation marks and hints) and nothing else, so its
//! result ([`Local`], spans relative to the paragraph) is kept between
//! analyses by the [`Driver`] (the pass is [`Detectors`]). The
//! document-wide step ([`Doc`]) combines the kept results: it shifts their
//! spans, applies what depends on a paragraph's position or on its
//! neighbours' local results, and counts the article's words from
//! per-paragraph summaries.

mod mid_sentence;
mod orphan;
mod orphan_words;
mod spliced;
mod truncated;
mod unbalanced;
mod weights;

use super::boilerplate::Boilerplate;
use super::driver::{Driver, Pass};
use super::entities::Entity;
use super::quotes::BareCue;
use super::segment::Segmentation;
use super::text::{Hints, ParagraphModel, QuoteScan, TextModel, Token};
use super::work::{tick, tick_n};
use super::{Diagnostic, Related, Severity, Span};
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
    /// Every kind, in declaration order.
    pub const ALL: &'static [FragmentKind] = &[
        FragmentKind::OrphanAttribution,
        FragmentKind::Truncated,
        FragmentKind::UnbalancedQuote,
        FragmentKind::MidSentenceStart,
        FragmentKind::Spliced,
    ];

    /// One line saying what the kind is (help texts, SARIF rules).
    pub fn summary(self) -> &'static str {
        match self {
            FragmentKind::OrphanAttribution => "An attribution whose quote was cut away",
            FragmentKind::Truncated => "A sentence cut off before its end",
            FragmentKind::UnbalancedQuote => {
                "A quotation mark opened and never closed, or the reverse"
            }
            FragmentKind::MidSentenceStart => "A paragraph that starts in the middle of a sentence",
            FragmentKind::Spliced => "A sentence that belongs to another story",
        }
    }

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
/// local step sees it: its text model, with every span relative to its
/// start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Para<'m> {
    pub model: &'m ParagraphModel,
    /// The paragraph's text, and nothing else of the document.
    pub text: &'m str,
    /// The whole paragraph: `0..text.len()`.
    pub span: Span,
    pub sentences: &'m [Span],
    pub quotes: &'m QuoteScan,
}

impl<'m> Para<'m> {
    fn of(model: &'m ParagraphModel) -> Self {
        Para {
            model,
            text: &model.text,
            span: Span::new(0, model.text.len()),
            sentences: &model.sentences,
            quotes: &model.quotes,
        }
    }

    pub fn slice(&self, span: Span) -> &'m str {
        span.text(self.text)
    }

    /// The tokens of sentence `k`.
    pub fn tokens_of(&self, k: usize) -> &'m [Token] {
        self.model.sentence(k)
    }

    /// The lower-case stem of `token`.
    pub fn lower(&self, token: &Token) -> &'m str {
        self.model.lower(token)
    }

    /// The text of the run of tokens with no space between them around
    /// `tokens[i]` (the "word" a reader sees: "@handle", "example.com/page").
    pub fn run_around(&self, tokens: &[Token], i: usize) -> &'m str {
        if i >= tokens.len() {
            return "";
        }
        let mut first = i;
        while first > 0 && tokens[first - 1].span.end == tokens[first].span.start {
            tick();
            first -= 1;
        }
        let mut last = i;
        while tokens
            .get(last + 1)
            .is_some_and(|t| t.span.start == tokens[last].span.end)
        {
            tick();
            last += 1;
        }
        Span::new(tokens[first].span.start, tokens[last].span.end).text(self.text)
    }

    /// The paragraph's hints (title case, list item, byline, dateline...).
    pub fn hints(&self) -> &'m Hints {
        &self.model.hints
    }
}

/// A handle, a hashtag, an address or a link ("@janedoe", "#vote",
/// "example.com/page", "www.example.org"): not a word of the sentence.
pub(crate) fn is_address(run: &str) -> bool {
    tick_n(3 * run.len());
    run.contains(['@', '#', '/']) || run.contains(".com") || run.starts_with("www.")
}

/// What every detector finds in one paragraph from its text alone, with
/// spans relative to the paragraph's start. What depends on the rest of the
/// document (the paragraph's position, its neighbours, the article's word
/// frequencies) is left to the document-wide step, as flags and summaries.
#[derive(Debug)]
pub(crate) struct Local {
    truncated: truncated::Local,
    unbalanced: unbalanced::Local,
    mid_sentence: mid_sentence::Local,
    spliced: spliced::Local,
}

impl Local {
    fn of(para: &Para) -> Self {
        Local {
            truncated: truncated::local(para),
            unbalanced: unbalanced::local(para),
            mid_sentence: mid_sentence::local(para),
            spliced: spliced::local(para),
        }
    }
}

/// The local step, for the [`Driver`]: every detector's [`Local`] of a
/// paragraph of article text. The key says whether the paragraph is article
/// text (not empty, not boilerplate); other paragraphs get no result.
struct Detectors;

impl Pass for Detectors {
    type Key = bool;
    type Local = Option<Arc<Local>>;

    fn local(&self, para: &ParagraphModel, article: &bool) -> Option<Arc<Local>> {
        article.then(|| Arc::new(Local::of(&Para::of(para))))
    }
}

/// One paragraph in the document: where it starts and what the local step
/// found in it.
#[derive(Debug)]
pub(crate) struct Placed {
    /// Its index among all the paragraphs of the segmentation.
    pub index: usize,
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
    fn new(driver: &mut Driver, model: &TextModel, boilerplate: &[Boilerplate]) -> Self {
        let article = article_paragraphs(&model.segmentation, boilerplate);
        let paras = driver
            .locals(&Detectors, model, |i| article[i])
            .into_iter()
            .filter_map(|placed| {
                tick();
                let local = placed.local.as_ref().as_ref()?;
                Some(Placed {
                    index: placed.index,
                    start: placed.start,
                    local: Arc::clone(local),
                })
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

/// For each paragraph of `seg`, whether it is article text: not empty and
/// not overlapping any piece of `boilerplate`.
fn article_paragraphs(seg: &Segmentation, boilerplate: &[Boilerplate]) -> Vec<bool> {
    let mut furniture: Vec<Span> = boilerplate.iter().map(|b| b.span).collect();
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(furniture.len());
    furniture.sort();
    // Paragraphs come in text order, so one walk along the sorted
    // furniture finds the piece each paragraph may overlap.
    let mut next_piece = 0;
    seg.paragraphs
        .iter()
        .map(|p| {
            tick();
            while furniture
                .get(next_piece)
                .is_some_and(|b| b.end <= p.span.start)
            {
                tick();
                next_piece += 1;
            }
            !p.span.is_empty()
                && !furniture
                    .get(next_piece)
                    .is_some_and(|b| b.overlaps(p.span))
        })
        .collect()
}

/// Every fragment in `text`, in document order. `model` is the text model
/// of `text` (from `driver`, which keeps each paragraph's local result
/// between versions); `cues` are the quote pass's attribution cues of the
/// sentences without quotation marks ([`super::quotes::Quotes::cues`]),
/// which the orphan judgement reads.
pub fn detect(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    boilerplate: &[Boilerplate],
    cues: &[BareCue],
    _entities: &[Entity],
) -> Vec<Fragment> {
    debug_assert!(
        model
            .segmentation
            .paragraphs
            .last()
            .is_none_or(|p| p.span.end <= text.len())
    );
    let doc = Doc::new(driver, model, boilerplate);
    let mut out = Vec::new();
    orphan::combine(&doc, model, cues, &mut out);
    truncated::combine(&doc, &mut out);
    unbalanced::combine(&doc, &mut out);
    mid_sentence::combine(&doc, &mut out);
    spliced::combine(&doc, &mut out);
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(out.len());
    out.sort_by_cached_key(|f| (f.span.start, f.span.end));
    out
}

/// [`detect`] on its own: a fresh driver and model of `text`.
pub fn detect_fresh(
    text: &str,
    boilerplate: &[Boilerplate],
    cues: &[BareCue],
    entities: &[Entity],
) -> Vec<Fragment> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    detect(&mut driver, text, &model, boilerplate, cues, entities)
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::analysis::segment::segment;

    /// The quote pass's bare cues of `text` (no entities, no furniture).
    pub fn cues(text: &str) -> Vec<BareCue> {
        crate::analysis::quotes::read_fresh(text, &[], &[]).cues
    }

    /// Fragments of `kind` found in `text`, as (line, flagged text).
    pub fn found(text: &str, kind: FragmentKind) -> Vec<(usize, String)> {
        let seg = segment(text);
        detect_fresh(text, &[], &cues(text), &[])
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| (seg.line_of(f.span.start), f.span.text(text).to_string()))
            .collect()
    }

    /// Every fragment found in `text`, whatever its kind.
    pub fn all(text: &str) -> Vec<Fragment> {
        detect_fresh(text, &[], &cues(text), &[])
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
            decision: crate::analysis::boilerplate::Decision::Wording,
        }];
        let cues = test_support::cues(text);
        assert!(detect_fresh(text, &bp, &cues, &[]).is_empty());
        assert_eq!(detect_fresh(text, &[], &cues, &[]).len(), 1);
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
