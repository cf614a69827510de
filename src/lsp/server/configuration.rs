//! The server's configuration: the editor's settings laid over the
//! workspace's `.copydesk.toml` (the editor wins), the project file's
//! overrides per document, and reading both again when either changes.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::ls_types::*;

use super::super::settings::{Settings, editor_layer};
use super::{Inner, lock, read};
use crate::analysis::Config;
use crate::project::{self, Layer, ProjectFile};

/// The workspace folders of an `initialize`, as paths (the deprecated
/// `rootUri` when there are none).
#[allow(deprecated)]
pub(super) fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
    let roots: Vec<PathBuf> = folders
        .chain(params.root_uri.iter())
        .filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()))
        .collect();
    roots
}

/// Whether `uri` names a project file.
pub(super) fn is_project_file(uri: &Uri) -> bool {
    uri.path()
        .as_str()
        .ends_with(&format!("/{}", project::FILE_NAME))
}

impl Inner {
    /// The settings of the project file (if any) with the editor's `editor`
    /// layer over them.
    pub(super) fn resolve_settings(&self, editor: &Layer) -> std::result::Result<Settings, String> {
        let mut settings = Settings::from_env();
        if let Some(project) = read(&self.project).as_ref() {
            settings = settings.merged(&project.base)?;
        }
        settings.merged(editor)
    }

    /// The configuration `uri` is analysed with: the settings, unless one
    /// of the project file's overrides matches it, in which case the
    /// defaults, the file's top level, its matching overrides, then the
    /// editor's settings.
    pub(super) fn config_for(&self, uri: &Uri) -> Arc<Config> {
        let settings = self.settings();
        let project = read(&self.project);
        let (Some(project), Some(path)) = (project.as_ref(), uri.to_file_path()) else {
            return settings.config;
        };
        if !project.overrides_match(&path) {
            return settings.config;
        }
        let mut config = Config::default();
        let editor = read(&self.editor).clone();
        let layers = project.layers_for(&path);
        // every layer was checked when it was read
        match layers
            .into_iter()
            .chain(std::iter::once(&editor))
            .try_for_each(|layer| layer.apply(&mut config))
        {
            Ok(()) => Arc::new(config),
            Err(_) => settings.config,
        }
    }

    /// Read the workspace's project file again; returns the problems to
    /// show (an unusable file is dropped, unknown keys are skipped).
    pub(super) fn load_project(&self) -> Vec<String> {
        let roots = lock(&self.roots).clone();
        let (file, problems) = match roots.iter().find_map(|r| project::find(r)) {
            Some(path) => ProjectFile::load_keeping_valid(&path),
            None => (None, Vec::new()),
        };
        *self.project.write().unwrap_or_else(|e| e.into_inner()) = file;
        problems
            .into_iter()
            .map(|p| format!("copydesk: {p}"))
            .collect()
    }

    /// Use `settings` from now on and re-analyse every open document.
    pub(super) fn reconfigure(self: &Arc<Self>, settings: Settings) {
        *self.settings.write().unwrap_or_else(|e| e.into_inner()) = settings;
        let touched = self.docs().touch_all();
        for (uri, revision) in touched {
            self.schedule(uri, revision);
        }
        if !self.pushes() {
            let inner = Arc::clone(self);
            tokio::spawn(async move { inner.ask_to_pull_again().await });
        }
    }

    /// Apply new editor settings (or report why not) and re-analyse open
    /// documents.
    pub(super) async fn apply_settings(self: &Arc<Self>, value: &Value) {
        let resolved = editor_layer(value).and_then(|layer| {
            let editor = read(&self.editor).overlay(&layer);
            self.resolve_settings(&editor).map(|s| (editor, s))
        });
        match resolved {
            Ok((editor, settings)) => {
                *self.editor.write().unwrap_or_else(|e| e.into_inner()) = editor;
                self.reconfigure(settings);
            }
            Err(message) => {
                self.client.show_message(MessageType::ERROR, message).await;
            }
        }
    }

    /// The project file changed (or was created or deleted): read it again,
    /// show what is wrong with it, and re-analyse with what can be used.
    pub(super) async fn reload_project(self: &Arc<Self>) {
        let problems = self.load_project();
        for problem in problems {
            self.client.show_message(MessageType::ERROR, problem).await;
        }
        let editor = read(&self.editor).clone();
        let settings = self
            .resolve_settings(&editor)
            .unwrap_or_else(|_| Settings::from_env());
        self.reconfigure(settings);
    }

    /// Ask the client to report changes to project files (if it can), so
    /// an edit to `.copydesk.toml` takes effect without a restart.
    pub(super) async fn watch_project_files(&self) {
        let registration = Registration {
            id: "copydesk-project-file".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: Some(serde_json::json!({
                "watchers": [{"globPattern": format!("**/{}", project::FILE_NAME)}]
            })),
        };
        let what = format!("watching {}", project::FILE_NAME);
        self.ask(&what, self.client.register_capability(vec![registration]))
            .await;
    }

    /// Ask the client for the `copydesk` section (bounded by a timeout).
    pub(super) async fn pull_settings(self: &Arc<Self>) {
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".to_string()),
        };
        let answer = self
            .ask(
                "workspace/configuration",
                self.client.configuration(vec![item]),
            )
            .await;
        if let Some(value) = answer.and_then(|values| values.into_iter().next()) {
            self.apply_settings(&value).await;
        }
    }
}
