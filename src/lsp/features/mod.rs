//! Read-only editor features over one analysed document: hover cards,
//! inlay hints, the outline, and entity navigation.
//!
//! Each feature is a plain function from a [`DocView`] (text, analysis and
//! line conversion of one document version) to LSP types; the server's
//! handlers only look the document up and call these. Work in progress:
//! issues 3 and 4 fill these in; until then they answer nothing.

use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentSymbol, Hover, InlayHint, Location, Uri, WorkspaceSymbol,
};

use super::convert::Lines;
use crate::analysis::{Analysis, Span};

/// One analysed version of an open document.
#[derive(Debug, Clone, Copy)]
pub struct DocView<'a> {
    pub uri: &'a Uri,
    pub lines: Lines<'a>,
    pub analysis: &'a Analysis,
}

/// The hover card at byte `offset`: a quote's speaker, or an entity's card.
pub fn hover(_doc: &DocView, _offset: usize) -> Option<Hover> {
    None
}

/// Speaker hints at the end of each quote inside `range`.
pub fn inlay_hints(_doc: &DocView, _range: Span) -> Vec<InlayHint> {
    Vec::new()
}

/// The outline: People / Organizations / Places / Quotes groups.
pub fn document_symbols(_doc: &DocView) -> Vec<DocumentSymbol> {
    Vec::new()
}

/// The first mention of the entity mentioned at `offset`.
pub fn definition(_doc: &DocView, _offset: usize) -> Option<Location> {
    None
}

/// Every mention of the entity mentioned at `offset`.
pub fn references(_doc: &DocView, _offset: usize) -> Vec<Location> {
    Vec::new()
}

/// Every mention of the entity under the cursor, for highlighting.
pub fn highlights(_doc: &DocView, _offset: usize) -> Vec<DocumentHighlight> {
    Vec::new()
}

/// Entities across all open documents whose name matches `query` (fuzzy).
pub fn workspace_symbols(_docs: &[DocView], _query: &str) -> Vec<WorkspaceSymbol> {
    Vec::new()
}
