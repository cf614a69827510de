//! Code actions: the quick fix of each diagnostic under the cursor, and in
//! Markdown the two ways to silence it with a comment (this line, this
//! file; see [`crate::analysis::markdown`]'s suppressions).

use tower_lsp_server::ls_types::*;

use super::convert;
use super::documents::Snapshot;
use crate::analysis::{Fix, Span, markdown};

/// Whether a code action request's `only` filter admits quick fixes.
pub fn wants_quickfix(only: Option<&[CodeActionKind]>) -> bool {
    only.is_none_or(|kinds| {
        kinds
            .iter()
            .any(|k| CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str()))
    })
}

/// Whether a diagnostic's span touches the requested span (a cursor at
/// either end counts).
fn touches(diagnostic: Span, requested: Span) -> bool {
    diagnostic.start <= requested.end && requested.start <= diagnostic.end
}

/// The quick fixes of the diagnostics that touch `range`: each one's own
/// fix (preferred), then in Markdown "ignore on this line" and "ignore in
/// this file".
pub fn quick_fixes(uri: &Uri, snapshot: &Snapshot, range: Range) -> Vec<CodeActionOrCommand> {
    let lines = snapshot.lines();
    let requested = lines.span(range);
    let markdown = snapshot.analysis.prose.is_some();
    let action = |fix: &Fix, lsp: &Diagnostic, preferred: bool| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title: fix.title.clone(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(convert::workspace_edit(&lines, uri, fix)),
            is_preferred: Some(preferred),
            ..CodeAction::default()
        })
    };
    let mut out = Vec::new();
    for (core, lsp) in snapshot.diagnostics.iter().zip(&snapshot.lsp_diagnostics) {
        if !touches(core.span, requested) {
            continue;
        }
        if let Some(fix) = &core.fix {
            out.push(action(fix, lsp, true));
        }
        // a comment cannot switch off the report of its own unknown code
        if markdown && markdown::suppressible(&core.code) {
            let text = &snapshot.text;
            let before = &text.as_bytes()[..core.span.start.min(text.len())];
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let on_line = Fix {
                title: format!("Ignore {} on this line", core.code),
                edits: vec![(
                    Span::new(line_start, line_start),
                    format!("<!-- copydesk-disable-next-line {} -->\n", core.code),
                )],
            };
            let body = markdown::body_start(text);
            let in_file = Fix {
                title: format!("Ignore {} in this file", core.code),
                edits: vec![(
                    Span::new(body, body),
                    format!("<!-- copydesk-disable {} -->\n", core.code),
                )],
            };
            out.push(action(&on_line, lsp, false));
            out.push(action(&in_file, lsp, false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quickfix_filter_accepts_parents_and_rejects_others() {
        assert!(wants_quickfix(None));
        assert!(wants_quickfix(Some(&[CodeActionKind::QUICKFIX])));
        assert!(wants_quickfix(Some(&[CodeActionKind::EMPTY])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::REFACTOR])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::SOURCE])));
    }

    #[test]
    fn a_cursor_at_either_end_touches_a_diagnostic() {
        let d = Span::new(10, 20);
        assert!(touches(d, Span::new(10, 10)));
        assert!(touches(d, Span::new(20, 20)));
        assert!(touches(d, Span::new(0, 30)));
        assert!(!touches(d, Span::new(21, 25)));
        assert!(!touches(d, Span::new(0, 9)));
    }
}
