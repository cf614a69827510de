//! Diagnostics as the core reports them: a span, a code, a message, and
//! optionally related locations and a fix. The edges turn these into LSP
//! diagnostics or `path:line:col` lines.

use super::Span;

/// How serious a diagnostic is; mirrors the LSP severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// Another place in the document that explains a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A mechanical fix: replace each span with its text, all against the same
/// version of the document. Spans never overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Span, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    /// Family and sub-code, e.g. `boilerplate/ad` or `fragment/truncated`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}
