//! The protocol edge's only conversions between core data and LSP types.
//!
//! Byte spans become `Range`s (and back) through the document's
//! [`LineIndex`] in the negotiated encoding; core severities become LSP
//! severities. Nothing else in `src/lsp/` computes a line or a column.

use tower_lsp_server::ls_types::{DiagnosticSeverity, Position, Range};

use crate::analysis::{Severity, Span};
use crate::line_index::{Encoding, LineCol, LineIndex};

/// One version of a document's text with its line index, as the handlers
/// see it: everything needed to convert positions.
#[derive(Debug, Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let LineCol { line, col } = self.index.position(self.text, offset, self.encoding);
        Position::new(line, col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a client position, clamped into the text.
    pub fn offset(&self, position: Position) -> usize {
        let pos = LineCol {
            line: position.line,
            col: position.character,
        };
        self.index.offset(self.text, pos, self.encoding)
    }

    /// The byte span of a client range, clamped, with its ends in order.
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end);
        Span::new(start.min(end), start.max(end))
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
