//! Fragments: pieces that do not stand as sentences of this article
//! (orphan attributions, truncated sentences, unbalanced quotation marks,
//! paragraphs that start mid-sentence, sentences spliced in from elsewhere).
//!
//! Not implemented yet: [`detect`] reports nothing (see issue 5).

use super::boilerplate::Boilerplate;
use super::entities::Entity;
use super::quotes::Quote;
use super::segment::Segmentation;
use super::{Diagnostic, Related, Severity, Span};

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

pub fn detect(
    _text: &str,
    _seg: &Segmentation,
    _boilerplate: &[Boilerplate],
    _quotes: &[Quote],
    _entities: &[Entity],
) -> Vec<Fragment> {
    Vec::new()
}
