//! The protocol edge's only conversions between core data and LSP types.
//!
//! Byte spans become `Range`s (and back) through the document's
//! [`LineIndex`] in the negotiated encoding; core severities become LSP
//! severities. Nothing else in `src/lsp/` computes a line or a column.
//!
//! Incoming edits are applied to a document's `Rope` before any line index
//! of the new text exists, so [`rope_char`] converts a client position
//! against the rope itself, with the same clamping rules as [`LineIndex`].

use std::collections::HashMap;

use ropey::Rope;
use serde_json::json;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, PositionEncodingKind, Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::{Diagnostic, Fix, Severity, Span};
use crate::line_index::{Encoding, LineCol, LineIndex};

/// The `source` of every diagnostic copydesk publishes.
pub const SOURCE: &str = "copydesk";

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

/// The encoding to use given the client's offer: UTF-8 when offered, else
/// UTF-16 (the protocol's default, which every client supports).
pub fn negotiate_encoding(offered: Option<&[PositionEncodingKind]>) -> Encoding {
    let offers_utf8 = offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
    if offers_utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// The char index in `rope` of a client position, clamped like
/// [`LineIndex::offset`]: a line past the end goes to the end of the text, a
/// column past the line's end to the end of the line (before `\r\n`), and a
/// column inside a character or a surrogate pair to that character's start.
pub fn rope_char(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let end = rope_line_end(rope, line, start);
    let col = position.character as usize;
    match encoding {
        Encoding::Utf16 => {
            let base = rope.char_to_utf16_cu(start);
            let unit = (base + col).min(rope.char_to_utf16_cu(end));
            rope.utf16_cu_to_char(unit)
        }
        Encoding::Utf8 => {
            let base = rope.char_to_byte(start);
            let byte = (base + col).min(rope.char_to_byte(end));
            rope.byte_to_char(byte)
        }
    }
}

/// The char index where line `line` (starting at char `start`) ends, before
/// its `\n` or `\r\n`.
fn rope_line_end(rope: &Rope, line: usize, start: usize) -> usize {
    let mut end = if line + 1 < rope.len_lines() {
        rope.line_to_char(line + 1) - 1
    } else {
        rope.len_chars()
    };
    if end > start && rope.get_char(end - 1) == Some('\r') {
        end -= 1;
    }
    end
}

/// A core diagnostic as an LSP diagnostic. `data` carries the fix (its
/// title and edits as LSP text edits against this version) so a client can
/// show the quick fix without another round trip.
pub fn diagnostic(lines: &Lines, uri: &Uri, diagnostic: &Diagnostic) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(r.span)),
            message: r.message.clone(),
        })
        .collect();
    let data = diagnostic.fix.as_ref().map(|fix| {
        json!({
            "fix": {
                "title": fix.title,
                "edits": text_edits(lines, fix),
            }
        })
    });
    lsp::Diagnostic {
        range: lines.range(diagnostic.span),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.clone())),
        source: Some(SOURCE.to_string()),
        message: diagnostic.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data,
        ..lsp::Diagnostic::default()
    }
}

/// A core fix as LSP text edits.
pub fn text_edits(lines: &Lines, fix: &Fix) -> Vec<TextEdit> {
    fix.edits
        .iter()
        .map(|(span, new_text)| TextEdit::new(lines.range(*span), new_text.clone()))
        .collect()
}

/// A core fix as a workspace edit of the document `uri`.
pub fn workspace_edit(lines: &Lines, uri: &Uri, fix: &Fix) -> WorkspaceEdit {
    let changes = HashMap::from([(uri.clone(), text_edits(lines, fix))]);
    WorkspaceEdit::new(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// `rope_char` must agree with `LineIndex::offset` everywhere.
    fn assert_agrees(text: &str, position: Position, encoding: Encoding) {
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
            encoding,
        };
        let byte = lines.offset(position);
        let from_rope = rope.char_to_byte(rope_char(&rope, position, encoding));
        assert_eq!(from_rope, byte, "{position:?} {encoding:?} in {text:?}");
    }

    #[test]
    fn rope_positions_match_the_line_index() {
        let text = "a😀b\r\n好x\n\nlast 𝄞 line";
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for line in 0..6 {
                for col in 0..16 {
                    assert_agrees(text, pos(line, col), encoding);
                }
            }
        }
    }

    #[test]
    fn rope_position_inside_a_surrogate_pair_moves_to_the_emoji() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(rope_char(&rope, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(rope_char(&rope, pos(0, 3), Encoding::Utf16), 2);
        assert_eq!(rope_char(&rope, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(rope_char(&rope, pos(0, 5), Encoding::Utf8), 2);
    }

    #[test]
    fn rope_positions_past_the_end_clamp() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(rope_char(&rope, pos(0, 99), Encoding::Utf16), 2);
        assert_eq!(rope_char(&rope, pos(7, 0), Encoding::Utf16), 6);
        assert_eq!(rope_char(&rope, pos(1, 99), Encoding::Utf8), 6);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(negotiate_encoding(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(negotiate_encoding(Some(&utf32)), Encoding::Utf16);
        assert_eq!(negotiate_encoding(None), Encoding::Utf16);
    }

    #[test]
    fn fixes_become_edits_and_ride_in_the_diagnostic_data() {
        let text = "Head\nAdvertisement\nBody 😀.\n";
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
            encoding: Encoding::Utf16,
        };
        let uri: Uri = "file:///a.txt".parse().expect("uri");
        let core = Diagnostic {
            span: Span::new(5, 18),
            code: "boilerplate/ad".into(),
            severity: Severity::Warning,
            message: "ad".into(),
            related: vec![crate::analysis::Related {
                span: Span::new(19, 23),
                message: "body".into(),
            }],
            fix: Some(Fix {
                title: "Remove boilerplate line".into(),
                edits: vec![(Span::new(5, 19), String::new())],
            }),
        };
        let d = diagnostic(&lines, &uri, &core);
        assert_eq!(d.range, Range::new(pos(1, 0), pos(1, 13)));
        assert_eq!(d.source.as_deref(), Some(SOURCE));
        assert_eq!(
            d.code,
            Some(NumberOrString::String("boilerplate/ad".into()))
        );
        let related = d.related_information.expect("related");
        assert_eq!(related[0].location.range, Range::new(pos(2, 0), pos(2, 4)));
        let data = d.data.expect("data");
        assert_eq!(data["fix"]["edits"][0]["range"]["end"]["line"], 2);
        assert_eq!(data["fix"]["edits"][0]["newText"], "");
    }
}
