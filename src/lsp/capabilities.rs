//! What the server offers a client and how diagnostics reach it.
//!
//! Diagnostics reach a client one way only, or it would show each twice
//! (VS Code and Neovim keep pushed and pulled diagnostics apart): a client
//! that can pull and can be told to re-pull ([`Delivery::Pull`]) pulls; any
//! other client gets `publishDiagnostics`.

use tower_lsp_server::ls_types::*;

use super::convert;
use crate::line_index::Encoding;

/// How diagnostics reach this client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// `publishDiagnostics` after each analysis (the default).
    #[default]
    Push,
    /// The client pulls (`textDocument/diagnostic`) and accepts
    /// `workspace/diagnostic/refresh` when settings change.
    Pull,
}

impl Delivery {
    /// Pull only for a client that supports both pulling and refreshing.
    pub fn for_client(capabilities: &ClientCapabilities) -> Delivery {
        let pulls = capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let refreshes = capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        if pulls && refreshes {
            Delivery::Pull
        } else {
            Delivery::Push
        }
    }

    /// Whether to advertise pull diagnostics to a client: not to one that
    /// would pull but cannot be refreshed (it gets pushes instead).
    pub fn advertise_pull(self, capabilities: &ClientCapabilities) -> bool {
        let pulls = capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        self == Delivery::Pull || !pulls
    }
}

/// The capabilities advertised in the `initialize` answer.
pub fn capabilities(encoding: Encoding, pull: bool) -> ServerCapabilities {
    let diagnostic_provider = pull.then(|| {
        DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some(convert::SOURCE.to_string()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            ..DiagnosticOptions::default()
        })
    });
    ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                // a saved `.copydesk.toml` is read again
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        diagnostic_provider,
        // a folder added later brings its `.copydesk.toml`
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(pull: bool, refresh: bool) -> ClientCapabilities {
        let mut caps = ClientCapabilities::default();
        if pull {
            caps.text_document = Some(TextDocumentClientCapabilities {
                diagnostic: Some(DiagnosticClientCapabilities::default()),
                ..TextDocumentClientCapabilities::default()
            });
        }
        if refresh {
            caps.workspace = Some(WorkspaceClientCapabilities {
                diagnostics: Some(DiagnosticWorkspaceClientCapabilities {
                    refresh_support: Some(true),
                }),
                ..WorkspaceClientCapabilities::default()
            });
        }
        caps
    }

    #[test]
    fn diagnostics_are_pulled_only_by_clients_that_can_also_refresh() {
        let vscode_like = client(true, true);
        assert_eq!(Delivery::for_client(&vscode_like), Delivery::Pull);
        assert!(Delivery::Pull.advertise_pull(&vscode_like));

        let pulls_without_refresh = client(true, false);
        let d = Delivery::for_client(&pulls_without_refresh);
        assert_eq!(d, Delivery::Push);
        assert!(
            !d.advertise_pull(&pulls_without_refresh),
            "else shown twice"
        );

        let plain = client(false, false);
        assert_eq!(Delivery::for_client(&plain), Delivery::Push);
        assert!(Delivery::Push.advertise_pull(&plain));
    }
}
