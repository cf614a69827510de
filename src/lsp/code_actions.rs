//! Code actions: the quick fix of each diagnostic under the cursor.

use tower_lsp_server::ls_types::*;

use super::convert;
use super::documents::Snapshot;
use crate::analysis::Span;

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

/// One quick fix per diagnostic with a fix that touches `range`.
pub fn quick_fixes(uri: &Uri, snapshot: &Snapshot, range: Range) -> Vec<CodeActionOrCommand> {
    let lines = snapshot.lines();
    let requested = lines.span(range);
    snapshot
        .diagnostics
        .iter()
        .zip(&snapshot.lsp_diagnostics)
        .filter(|(core, _)| touches(core.span, requested))
        .filter_map(|(core, lsp)| {
            let fix = core.fix.as_ref()?;
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(convert::workspace_edit(&lines, uri, fix)),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
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
