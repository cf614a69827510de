//! The server's configuration: the editor's settings laid over the
//! `.copydesk.toml` of each workspace folder (the editor wins), per
//! document the file nearest above it and its overrides, and reading both
//! again when either changes.

use std::path::{Path, PathBuf};
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

/// Which settings a document has: the project file that governs it (an
/// index into the loaded ones; `None`: no project file) and the indices of
/// that file's overrides that match it.
pub(super) type SettingsKey = (Option<usize>, Vec<usize>);

/// The loaded project file nearest above `path`: the one whose directory
/// is the longest ancestor of it.
fn governing<'p>(projects: &'p [ProjectFile], path: &Path) -> Option<(usize, &'p ProjectFile)> {
    projects
        .iter()
        .enumerate()
        .filter(|(_, p)| path.starts_with(p.root()))
        .max_by_key(|(_, p)| p.root().components().count())
}

impl Inner {
    /// The server-wide settings (debounce, analysis budget, the
    /// configuration of documents with no file path): the first project
    /// file loaded (that of the first workspace folder with a usable one)
    /// with the editor's `editor` layer over it.
    pub(super) fn resolve_settings(&self, editor: &Layer) -> std::result::Result<Settings, String> {
        let mut settings = Settings::from_env();
        if let Some(project) = read(&self.projects).first() {
            settings = settings.merged(&project.base)?;
        }
        settings.merged(editor)
    }

    /// The settings `uri` is analysed and shown with: the defaults, the
    /// project file nearest above it (its top level, then its overrides
    /// that match the document), then the editor's settings. A document
    /// under no project file has the defaults and the editor's settings;
    /// one with no file path (an unsaved buffer) the server-wide ones.
    pub(super) fn settings_for(&self, uri: &Uri) -> Arc<Settings> {
        let Some(path) = uri.to_file_path() else {
            return Arc::new(self.settings());
        };
        let projects = read(&self.projects);
        let key: SettingsKey = match governing(&projects, &path) {
            Some((index, project)) => (Some(index), project.matching_overrides(&path)),
            None => (None, Vec::new()),
        };
        let mut cache = lock(&self.document_settings);
        if let Some(settings) = cache.get(&key) {
            return Arc::clone(settings);
        }
        let editor = read(&self.editor).clone();
        let project_layers = key
            .0
            .and_then(|i| projects.get(i))
            .map(|p| p.layers_for(&path))
            .unwrap_or_default();
        // every layer was checked when it was read
        let built = project_layers
            .into_iter()
            .chain(std::iter::once(&editor))
            .try_fold(Settings::from_env(), |settings, layer| {
                settings.merged(layer)
            });
        let settings = Arc::new(built.unwrap_or_else(|_| self.settings()));
        cache.insert(key, Arc::clone(&settings));
        settings
    }

    /// The configuration `uri` is analysed with (see [`Inner::settings_for`]).
    pub(super) fn config_for(&self, uri: &Uri) -> Arc<Config> {
        Arc::clone(&self.settings_for(uri).config)
    }

    /// Read the workspace's project files again, one per workspace folder
    /// (each file once); returns the problems to show (an unusable file is
    /// dropped, unknown keys are skipped).
    pub(super) fn load_project(&self) -> Vec<String> {
        let roots = lock(&self.roots).clone();
        let mut paths: Vec<PathBuf> = Vec::new();
        for path in roots.iter().filter_map(|r| project::find(r)) {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            let (file, found) = ProjectFile::load_keeping_valid(&path);
            files.extend(file);
            problems.extend(found.into_iter().map(|p| format!("copydesk: {p}")));
        }
        // the cache is cleared before the new files can be read, so no
        // document meets settings of the old ones
        let mut projects = self.projects.write().unwrap_or_else(|e| e.into_inner());
        *projects = files;
        lock(&self.document_settings).clear();
        drop(projects);
        problems
    }

    /// Use `settings` from now on and re-analyse every open document.
    pub(super) fn reconfigure(self: &Arc<Self>, settings: Settings) {
        *self.settings.write().unwrap_or_else(|e| e.into_inner()) = settings;
        lock(&self.document_settings).clear();
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
