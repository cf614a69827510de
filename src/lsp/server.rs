//! The `LanguageServer` implementation: small handlers that look a
//! document up and hand it to the analysis core or to [`super::features`].
//!
//! Edits are applied on the message loop (cheap rope edits, in order);
//! analysis starts at once on a blocking thread when none runs for the
//! document; changes that come while one runs stop it early and coalesce
//! into one follow-up for the newest version (a delay, `debounceMs`, is
//! there for users who want one). Diagnostics are published only if no
//! newer edit overtook them (see [`Documents`]). Requests answer from the newest snapshot, analysing the
//! current text first if the snapshot is behind.
//!
//! Diagnostics reach a client one way only, or it would show each twice
//! (VS Code and Neovim keep pushed and pulled diagnostics apart): a client
//! that can pull and can be told to re-pull ([`Delivery::Pull`]) pulls; any
//! other client gets `publishDiagnostics`. `textDocument/diagnostic` is
//! answered either way.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};
use std::time::Duration;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::capabilities::{Delivery, capabilities};
use super::code_actions::{quick_fixes, wants_quickfix};
use super::convert;
use super::documents::{Current, Documents, Snapshot, Stopped};
use super::features::{self, DocView};
use super::settings::{Settings, editor_layer};
use crate::analysis::Syntax;
use crate::line_index::Encoding;
use crate::project::{Layer, ProjectFile};
use std::collections::HashMap;
use std::path::PathBuf;

mod configuration;

use configuration::{SettingsKey, is_project_file, workspace_roots};

/// How long to wait for the client to answer a request of ours.
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The server. Cheap to clone into background tasks.
#[derive(Debug, Clone)]
pub struct Backend {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    client: Client,
    docs: Mutex<Documents>,
    settings: RwLock<Settings>,
    encoding: OnceLock<Encoding>,
    delivery: OnceLock<Delivery>,
    /// Held from claiming a publication until it is sent, so publications
    /// leave in the order they were claimed.
    publish: tokio::sync::Mutex<()>,
    client_pulls_configuration: AtomicBool,
    /// An error in the initializationOptions, shown once initialized.
    init_error: Mutex<Option<String>>,
    /// What the editor has set, all its updates laid over each other; it
    /// wins over the project file.
    editor: RwLock<Layer>,
    /// The workspace's `.copydesk.toml` files that can be used: the one
    /// found walking up from each workspace folder, each once, in folder
    /// order. A document follows the nearest of them above it.
    projects: RwLock<Vec<ProjectFile>>,
    /// The settings of each kind of document (its project file and the
    /// overrides that match it), built once per configuration.
    document_settings: Mutex<HashMap<SettingsKey, Arc<Settings>>>,
    /// The workspace folders, where the project file is looked for.
    roots: Mutex<Vec<PathBuf>>,
    /// The client can be asked to watch files (dynamic registration).
    watches_files: AtomicBool,
    /// Set by `shutdown`; the process exit code depends on it.
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Self {
        Backend {
            inner: Arc::new(Inner {
                client,
                docs: Mutex::new(Documents::default()),
                settings: RwLock::new(Settings::from_env()),
                encoding: OnceLock::new(),
                delivery: OnceLock::new(),
                publish: tokio::sync::Mutex::new(()),
                client_pulls_configuration: AtomicBool::new(false),
                init_error: Mutex::new(None),
                editor: RwLock::default(),
                projects: RwLock::default(),
                document_settings: Mutex::default(),
                roots: Mutex::default(),
                watches_files: AtomicBool::new(false),
                shut_down,
            }),
        }
    }
}

/// Lock a mutex even if a panicking thread poisoned it: the data is plain
/// and every critical section leaves it consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Read a lock even if a panicking thread poisoned it (as [`lock`]).
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

impl Inner {
    fn docs(&self) -> MutexGuard<'_, Documents> {
        lock(&self.docs)
    }

    fn settings(&self) -> Settings {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn encoding(&self) -> Encoding {
        self.encoding.get().copied().unwrap_or_default()
    }

    fn pushes(&self) -> bool {
        self.delivery.get().copied().unwrap_or_default() == Delivery::Push
    }

    /// Analyse `uri`, now at `revision`, and publish. Without a debounce
    /// (the default): at once if no analysis of it runs, else as the one
    /// follow-up of the running one. With a debounce: after it, if no newer
    /// edit came meanwhile.
    fn schedule(self: &Arc<Self>, uri: Uri, revision: u64) {
        let inner = Arc::clone(self);
        let debounce = self.settings().debounce;
        if !debounce.is_zero() {
            tokio::spawn(async move {
                tokio::time::sleep(debounce).await;
                inner.refresh(uri, revision).await;
            });
            return;
        }
        let Some(token) = self.docs().claim_runner(&uri) else {
            return; // the running loop follows up with the newest revision
        };
        tokio::spawn(async move {
            let mut revision = revision;
            loop {
                inner.refresh(uri.clone(), revision).await;
                match inner.docs().runner_again(&uri, token) {
                    Some(newest) => revision = newest,
                    None => break,
                }
            }
        });
    }

    async fn refresh(&self, uri: Uri, revision: u64) {
        let config = self.config_for(&uri);
        let current = self
            .docs()
            .current_if(&uri, revision, self.encoding(), &config);
        let snapshot = match current {
            None => return, // closed, or a newer edit brings its own refresh
            Some(Current::Ready(snapshot)) => snapshot,
            Some(Current::Needs(job)) => match self.analyse(&uri, job).await {
                Some(snapshot) => snapshot,
                None => return,
            },
        };
        self.publish(&uri, &snapshot).await;
    }

    /// Run the analysis on a blocking thread and keep the result.
    async fn analyse(&self, uri: &Uri, job: super::documents::Job) -> Option<Arc<Snapshot>> {
        let version = job.version;
        let task_uri = uri.clone();
        let budget = self.settings().analysis_budget;
        match tokio::task::spawn_blocking(move || Snapshot::build(&task_uri, job, budget)).await {
            Ok(Ok(snapshot)) => {
                let snapshot = Arc::new(snapshot);
                self.docs().store(uri, &snapshot);
                Some(snapshot)
            }
            // a newer revision is on its way with its own analysis
            Ok(Err(Stopped::Superseded)) => None,
            Ok(Err(Stopped::OverBudget(budget))) => {
                let message = format!(
                    "copydesk: analysis of {} (version {version}) ran past its budget of {} ms \
                     and was given up; raise analysisTimeoutMs to analyse it",
                    uri.as_str(),
                    budget.as_millis()
                );
                eprintln!("{message}");
                self.client.log_message(MessageType::WARNING, message).await;
                None
            }
            Err(e) => {
                let what = if e.is_panic() {
                    "panicked"
                } else {
                    "was cancelled"
                };
                let message = format!(
                    "copydesk: analysis of {} (version {version}) {what}",
                    uri.as_str()
                );
                eprintln!("{message}");
                self.client.log_message(MessageType::ERROR, message).await;
                None
            }
        }
    }

    async fn publish(&self, uri: &Uri, snapshot: &Snapshot) {
        if !self.pushes() {
            return;
        }
        let _order = self.publish.lock().await;
        if self.docs().claim_publish(uri, snapshot) {
            let diagnostics = snapshot.lsp_diagnostics.clone();
            self.client
                .publish_diagnostics(uri.clone(), diagnostics, Some(snapshot.version))
                .await;
        }
    }

    async fn clear_diagnostics(&self, uri: Uri) {
        if !self.pushes() {
            return; // a pulling client drops a closed document's diagnostics
        }
        let _order = self.publish.lock().await;
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    /// The current snapshot of `uri`, analysing now if needed; `None` (with
    /// a log message) for a document that is not open.
    async fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let config = self.config_for(uri);
        let current = self.docs().current(uri, self.encoding(), &config);
        match current {
            Some(Current::Ready(snapshot)) => Some(snapshot),
            // given up (a newer edit came, or it ran past its budget): answer
            // from the newest version analysed, as an editor expects while
            // the writer types
            Some(Current::Needs(job)) => match self.analyse(uri, job).await {
                Some(snapshot) => Some(snapshot),
                None => self.docs().latest(uri),
            },
            None => {
                self.log_unknown(uri).await;
                None
            }
        }
    }

    /// Run a read-only feature on the current snapshot of `uri`, on a
    /// blocking thread (features may walk a large document, and a panic in
    /// one must not take the server down). `None` for an unknown document or
    /// a feature that panicked (logged).
    async fn with_doc<T, F>(&self, uri: Uri, feature: F) -> Option<T>
    where
        T: Send + 'static,
        F: FnOnce(&DocView) -> T + Send + 'static,
    {
        let snapshot = self.snapshot(&uri).await?;
        self.off_loop("a feature request", move || feature(&view(&uri, &snapshot)))
            .await
    }

    /// Run `work` on a blocking thread; log and return `None` if it panics.
    async fn off_loop<T: Send + 'static>(
        &self,
        what: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        match tokio::task::spawn_blocking(work).await {
            Ok(answer) => Some(answer),
            Err(e) => {
                let message = format!("copydesk: {what} failed: {e}");
                eprintln!("{message}");
                self.client.log_message(MessageType::ERROR, message).await;
                None
            }
        }
    }

    async fn log_unknown(&self, uri: &Uri) {
        let message = format!("copydesk: {} is not an open document", uri.as_str());
        self.client.log_message(MessageType::WARNING, message).await;
    }

    /// Tell a pulling client that every document's diagnostics changed.
    async fn ask_to_pull_again(&self) {
        let refresh = self.client.workspace_diagnostic_refresh();
        self.ask("workspace/diagnostic/refresh", refresh).await;
    }

    /// Send a request of ours to the client and wait at most
    /// [`CLIENT_REQUEST_TIMEOUT`] for its answer; a failure or no answer is
    /// logged, naming `what`, and gives `None`.
    async fn ask<T>(&self, what: &str, request: impl Future<Output = Result<T>>) -> Option<T> {
        let problem = match tokio::time::timeout(CLIENT_REQUEST_TIMEOUT, request).await {
            Ok(Ok(answer)) => return Some(answer),
            Ok(Err(e)) => e.to_string(),
            Err(_) => "no answer in time".to_string(),
        };
        let message = format!("copydesk: {what} failed: {problem}");
        self.client.log_message(MessageType::WARNING, message).await;
        None
    }
}

/// How an opened document is written: Markdown when the editor says so
/// (`markdown`) or its name ends in `.md` or `.markdown`, else plain text.
fn syntax_of(language_id: &str, uri: &Uri) -> Syntax {
    match Syntax::of_language_id(language_id) {
        Syntax::Markdown => Syntax::Markdown,
        Syntax::Plain => Syntax::of_path(std::path::Path::new(uri.path().as_str())),
    }
}

fn view<'a>(uri: &'a Uri, snapshot: &'a Snapshot) -> DocView<'a> {
    DocView {
        uri,
        lines: snapshot.lines(),
        analysis: &snapshot.analysis,
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = convert::negotiate_encoding(offered);
        let _ = self.inner.encoding.set(encoding);
        let delivery = Delivery::for_client(&params.capabilities);
        let _ = self.inner.delivery.set(delivery);
        let advertise_pull = delivery.advertise_pull(&params.capabilities);
        let pulls = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        self.inner
            .client_pulls_configuration
            .store(pulls, Ordering::Relaxed);
        let watches = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.inner.watches_files.store(watches, Ordering::Relaxed);
        // The project file, then the editor's options over it; what is
        // wrong with either is shown once initialized.
        let mut problems = Vec::new();
        *lock(&self.inner.roots) = workspace_roots(&params);
        problems.extend(self.inner.load_project());
        let editor = match params.initialization_options.as_ref().map(editor_layer) {
            Some(Ok(layer)) => layer,
            Some(Err(message)) => {
                problems.push(message);
                Layer::default()
            }
            None => Layer::default(),
        };
        let settings = match self.inner.resolve_settings(&editor) {
            Ok(settings) => {
                *self.inner.editor.write().unwrap_or_else(|e| e.into_inner()) = editor;
                settings
            }
            Err(message) => {
                problems.push(message);
                self.inner
                    .resolve_settings(&Layer::default())
                    .unwrap_or_else(|_| Settings::from_env())
            }
        };
        *self
            .inner
            .settings
            .write()
            .unwrap_or_else(|e| e.into_inner()) = settings;
        if !problems.is_empty() {
            *lock(&self.inner.init_error) = Some(problems.join("\n"));
        }
        Ok(InitializeResult {
            capabilities: capabilities(encoding, advertise_pull),
            server_info: Some(ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Build the core's lazily loaded lexicons and patterns now, off the
        // message loop, rather than during the first document's analysis.
        let config = self.inner.settings().config;
        tokio::task::spawn_blocking(move || crate::analysis::analyze("Warm up.\n", &config));
        if self.inner.watches_files.load(Ordering::Relaxed) {
            let inner = Arc::clone(&self.inner);
            tokio::spawn(async move { inner.watch_project_files().await });
        }
        let init_error = lock(&self.inner.init_error).take();
        if let Some(message) = init_error {
            self.inner
                .client
                .show_message(MessageType::ERROR, message)
                .await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.inner.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let syntax = syntax_of(&doc.language_id, &doc.uri);
        let revision = self
            .inner
            .docs()
            .open(doc.uri.clone(), doc.version, &doc.text, syntax);
        self.inner.schedule(doc.uri, revision);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let encoding = self.inner.encoding();
        let revision = self
            .inner
            .docs()
            .change(&uri, version, &params.content_changes, encoding);
        match revision {
            Some(revision) => self.inner.schedule(uri, revision),
            None => self.inner.log_unknown(&uri).await,
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.inner.docs().close(&uri) {
            self.inner.clear_diagnostics(uri).await;
        } else {
            self.inner.log_unknown(&uri).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|c| is_project_file(&c.uri)) {
            self.inner.reload_project().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let path_of = |f: &WorkspaceFolder| f.uri.to_file_path().map(|p| p.into_owned());
        {
            let mut roots = lock(&self.inner.roots);
            let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path_of).collect();
            roots.retain(|r| !removed.contains(r));
            for added in params.event.added.iter().filter_map(path_of) {
                if !roots.contains(&added) {
                    roots.push(added);
                }
            }
        }
        self.inner.reload_project().await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if is_project_file(&params.text_document.uri) {
            self.inner.reload_project().await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let empty =
            params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty());
        let pulls = self
            .inner
            .client_pulls_configuration
            .load(Ordering::Relaxed);
        if empty && pulls {
            let inner = Arc::clone(&self.inner);
            tokio::spawn(async move { inner.pull_settings().await });
        } else {
            self.inner.apply_settings(&params.settings).await;
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let snapshot = self.inner.snapshot(&params.text_document.uri).await;
        let items = snapshot
            .map(|s| s.lsp_diagnostics.clone())
            .unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        if !wants_quickfix(params.context.only.as_deref()) {
            return Ok(None);
        }
        let uri = params.text_document.uri;
        let Some(snapshot) = self.inner.snapshot(&uri).await else {
            return Ok(None);
        };
        Ok(Some(quick_fixes(&uri, &snapshot, params.range)))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let answer = self
            .inner
            .with_doc(at.text_document.uri, move |doc| {
                features::hover(doc, doc.lines.offset(at.position))
            })
            .await;
        Ok(answer.flatten())
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        if !self
            .inner
            .settings_for(&params.text_document.uri)
            .inlay_hints
        {
            return Ok(Some(Vec::new()));
        }
        let range = params.range;
        Ok(self
            .inner
            .with_doc(params.text_document.uri, move |doc| {
                features::inlay_hints(doc, doc.lines.span(range))
            })
            .await)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let symbols = self
            .inner
            .with_doc(params.text_document.uri, features::document_symbols)
            .await;
        Ok(symbols.map(DocumentSymbolResponse::Nested))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let target = self
            .inner
            .with_doc(at.text_document.uri, move |doc| {
                features::definition(doc, doc.lines.offset(at.position))
            })
            .await;
        Ok(target.flatten().map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        Ok(self
            .inner
            .with_doc(at.text_document.uri, move |doc| {
                features::references(doc, doc.lines.offset(at.position))
            })
            .await)
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        Ok(self
            .inner
            .with_doc(at.text_document.uri, move |doc| {
                features::highlights(doc, doc.lines.offset(at.position))
            })
            .await)
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let uris = self.inner.docs().uris();
        let mut snapshots = Vec::with_capacity(uris.len());
        for uri in uris {
            if let Some(snapshot) = self.inner.snapshot(&uri).await {
                snapshots.push((uri, snapshot));
            }
        }
        let symbols = self
            .inner
            .off_loop("workspace/symbol", move || {
                let views: Vec<DocView> = snapshots.iter().map(|(uri, s)| view(uri, s)).collect();
                features::workspace_symbols(&views, &params.query)
            })
            .await;
        Ok(symbols.map(WorkspaceSymbolResponse::Nested))
    }
}
