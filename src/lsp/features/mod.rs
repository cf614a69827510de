//! Read-only editor features over one analysed document: hover cards,
//! inlay hints, the outline, and entity navigation.
//!
//! Each feature is a plain function from a [`DocView`] (text, analysis and
//! line conversion of one document version) to LSP types; the server's
//! handlers only look the document up and call these. Offsets in and spans
//! out are bytes; [`crate::lsp::convert::Lines`] turns them into ranges in
//! the negotiated encoding.
//!
//! - [`hover`] (`hover.rs`): the speaker card of a quote, or an entity's card;
//! - [`inlay_hints`] (`inlay.rs`): "— Surname" after each attributed quote;
//! - [`document_symbols`] (`outline.rs`): People / Organizations / Places /
//!   Other / Quotes groups, with ranges nested as clients require;
//! - [`definition`], [`references`], [`highlights`] (`navigation.rs`): the
//!   first mention / every mention of the entity under the cursor;
//! - [`workspace_symbols`] (`workspace.rs`): fuzzy entity search across
//!   every open document.
//!
//! `common.rs` holds what they share: what lies under the cursor, safe
//! snippets, Markdown escaping, symbol kinds.

mod common;
mod hover;
mod inlay;
mod navigation;
mod outline;
mod workspace;

use super::convert::Lines;
use crate::analysis::Analysis;
use tower_lsp_server::ls_types::Uri;

pub use hover::hover;
pub use inlay::inlay_hints;
pub use navigation::{definition, highlights, references};
pub use outline::document_symbols;
pub use workspace::{MAX_RESULTS as MAX_WORKSPACE_SYMBOLS, workspace_symbols};

/// One analysed version of an open document.
#[derive(Debug, Clone, Copy)]
pub struct DocView<'a> {
    pub uri: &'a Uri,
    pub lines: Lines<'a>,
    pub analysis: &'a Analysis,
}

impl<'a> DocView<'a> {
    /// The text the analysis read, for snippets: the document itself, or
    /// for Markdown its prose without the markup. Positions are always the
    /// document's ([`DocView::lines`]).
    pub fn prose(&self) -> &'a str {
        self.analysis.analysed_text(self.lines.text)
    }
}
