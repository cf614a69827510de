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
//! Paragraphs that are boilerplate are skipped. The detectors share a
//! per-paragraph view ([`Doc`]): its sentences, its quotation marks and its
//! shape (list item, Title Case line, ...), computed once.

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
use super::quotes::Quote;
use super::segment::Segmentation;
use super::{Diagnostic, Related, Severity, Span};
use marks::QuoteScan;

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

/// One paragraph of article text (boilerplate already left out), with what
/// every detector wants to know about it.
#[derive(Debug)]
pub(crate) struct Para {
    pub span: Span,
    pub sentences: Vec<Span>,
    pub quotes: QuoteScan,
    /// Position among the article's paragraphs (0 = the first one).
    pub position: usize,
}

/// The article as the detectors see it: text plus its non-boilerplate
/// paragraphs in order.
#[derive(Debug)]
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub paras: Vec<Para>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str, seg: &Segmentation, boilerplate: &[Boilerplate]) -> Self {
        let mut furniture: Vec<Span> = boilerplate.iter().map(|b| b.span).collect();
        furniture.sort();
        let is_furniture = |span: Span| {
            let i = furniture.partition_point(|b| b.end <= span.start);
            furniture.get(i).is_some_and(|b| b.overlaps(span))
        };
        let paras = seg
            .paragraphs
            .iter()
            .filter(|p| !p.span.is_empty())
            .filter(|p| !is_furniture(p.span))
            .enumerate()
            .map(|(position, p)| Para {
                span: p.span,
                sentences: p.sentences.clone(),
                quotes: marks::scan(text, p.span),
                position,
            })
            .collect();
        Doc { text, paras }
    }

    /// The paragraph after `i`, if any.
    pub fn next(&self, i: usize) -> Option<&Para> {
        self.paras.get(i + 1)
    }

    /// The paragraph before `i`, if any.
    pub fn prev(&self, i: usize) -> Option<&Para> {
        i.checked_sub(1).and_then(|j| self.paras.get(j))
    }

    pub fn slice(&self, span: Span) -> &'t str {
        span.text(self.text)
    }
}

/// What this pass keeps between analyses of one document.
#[derive(Debug, Default)]
pub struct Cache {}

impl Cache {
    /// End of one analysis: forget what it did not use.
    pub fn sweep(&mut self) {}
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
pub fn detect_with(
    _cache: &mut Cache,

    text: &str,
    seg: &Segmentation,
    boilerplate: &[Boilerplate],
    _quotes: &[Quote],
    _entities: &[Entity],
) -> Vec<Fragment> {
    let doc = Doc::new(text, seg, boilerplate);
    let mut out = Vec::new();
    out.extend(orphan::detect(&doc));
    out.extend(truncated::detect(&doc));
    out.extend(unbalanced::detect(&doc));
    out.extend(mid_sentence::detect(&doc));
    out.extend(spliced::detect(&doc));
    out.sort_by_key(|f| (f.span.start, f.span.end));
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
