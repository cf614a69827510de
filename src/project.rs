//! Project configuration: `.copydesk.toml`, and the one shape of settings
//! that it, the editor's settings and the command line all fill in.
//!
//! A [`Layer`] is a set of settings, each optional. The effective settings
//! of a file are the defaults, then the project file's top level, then each
//! of its `[[overrides]]` whose `paths` globs match the file (relative to
//! the project file's directory), then what the user gave the edge itself
//! (editor settings, command-line flags), later layers winning. The file
//! uses the keys of the editor settings, in TOML tables:
//!
//! ```toml
//! maxDocumentBytes = 5_000_000
//!
//! [diagnostics]
//! disabled = ["fragment/spliced"]
//!
//! [boilerplate]
//! patterns = ["Click here to subscribe", "/^Page \\d+ of \\d+$/"]
//!
//! [inlayHints]
//! enabled = false
//!
//! [files]
//! extensions = ["rst"]   # read by `check DIR` besides .txt, .md, .markdown
//!
//! [[overrides]]
//! paths = ["archive/**"]
//! diagnostics = { fragments = false }
//! ```
//!
//! An unknown key, a wrong type, an unknown code or a bad pattern is an
//! error naming the file and line. The CLI finds the file by walking up
//! from each input; the server from each workspace folder.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde_json::Value;

use crate::analysis::{Config, codes};

/// The project file's name.
pub const FILE_NAME: &str = ".copydesk.toml";

/// One layer of settings; every field optional (`None`: this layer leaves
/// it as the layers below set it).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    pub diagnostics: Option<DiagnosticsLayer>,
    pub boilerplate: Option<BoilerplateLayer>,
    pub inlay_hints: Option<InlayHintsLayer>,
    pub files: Option<FilesLayer>,
    pub debounce_ms: Option<u64>,
    pub max_document_bytes: Option<u64>,
    pub analysis_timeout_ms: Option<u64>,
    /// Project file only: the `[[overrides]]` tables, each a layer with
    /// `paths`.
    pub overrides: Option<Vec<Layer>>,
    /// Project file, inside `[[overrides]]` only: the globs it applies to.
    pub paths: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct DiagnosticsLayer {
    pub boilerplate: Option<bool>,
    pub fragments: Option<bool>,
    #[serde(default, deserialize_with = "string_list")]
    pub disabled: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct BoilerplateLayer {
    #[serde(default, deserialize_with = "string_list")]
    pub patterns: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct InlayHintsLayer {
    pub enabled: Option<bool>,
}

/// Which files a directory walk (`copydesk check DIR`) reads.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct FilesLayer {
    /// Extensions read besides the built-in [`ARTICLE_EXTENSIONS`]
    /// (`"rst"` or `".rst"`; case does not matter).
    #[serde(default, deserialize_with = "string_list")]
    pub extensions: Option<Vec<String>>,
}

/// Extensions of the files a directory walk always reads.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

impl FilesLayer {
    /// The extensions as compared: no leading dot, lower case.
    pub fn normalised(extensions: &[String]) -> Result<Vec<String>, String> {
        extensions
            .iter()
            .map(|e| {
                let bare = e.strip_prefix('.').unwrap_or(e);
                if bare.is_empty() || bare.contains(['/', '\\', '.', '*']) {
                    Err(format!(
                        "files.extensions: `{e}` is not an extension (write \"rst\" or \".rst\")"
                    ))
                } else {
                    Ok(bare.to_lowercase())
                }
            })
            .collect()
    }
}

/// A list of strings. An empty object also counts as an empty list: Lua
/// clients (Neovim) encode an empty table as `{}`.
fn string_list<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrEmptyTable {
        List(Vec<String>),
        Table(serde_json::Map<String, Value>),
    }
    match Option::<ListOrEmptyTable>::deserialize(deserializer)? {
        None => Ok(None),
        Some(ListOrEmptyTable::List(list)) => Ok(Some(list)),
        Some(ListOrEmptyTable::Table(table)) if table.is_empty() => Ok(Some(Vec::new())),
        Some(ListOrEmptyTable::Table(_)) => {
            Err(serde::de::Error::custom("expected a list of strings"))
        }
    }
}

/// `over` where it sets something, else `under`.
fn either<T: Clone>(under: &Option<T>, over: &Option<T>) -> Option<T> {
    over.clone().or_else(|| under.clone())
}

impl Layer {
    /// This layer with `over` laid on it: every setting `over` sets wins
    /// (an editor's successive updates, each naming a few settings).
    pub fn overlay(&self, over: &Layer) -> Layer {
        let diagnostics = match (&self.diagnostics, &over.diagnostics) {
            (Some(u), Some(o)) => Some(DiagnosticsLayer {
                boilerplate: either(&u.boilerplate, &o.boilerplate),
                fragments: either(&u.fragments, &o.fragments),
                disabled: either(&u.disabled, &o.disabled),
            }),
            (u, o) => either(u, o),
        };
        let boilerplate = match (&self.boilerplate, &over.boilerplate) {
            (Some(u), Some(o)) => Some(BoilerplateLayer {
                patterns: either(&u.patterns, &o.patterns),
            }),
            (u, o) => either(u, o),
        };
        let inlay_hints = match (&self.inlay_hints, &over.inlay_hints) {
            (Some(u), Some(o)) => Some(InlayHintsLayer {
                enabled: either(&u.enabled, &o.enabled),
            }),
            (u, o) => either(u, o),
        };
        let files = match (&self.files, &over.files) {
            (Some(u), Some(o)) => Some(FilesLayer {
                extensions: either(&u.extensions, &o.extensions),
            }),
            (u, o) => either(u, o),
        };
        Layer {
            diagnostics,
            boilerplate,
            inlay_hints,
            files,
            debounce_ms: either(&self.debounce_ms, &over.debounce_ms),
            max_document_bytes: either(&self.max_document_bytes, &over.max_document_bytes),
            analysis_timeout_ms: either(&self.analysis_timeout_ms, &over.analysis_timeout_ms),
            overrides: either(&self.overrides, &over.overrides),
            paths: either(&self.paths, &over.paths),
        }
    }

    /// `config` with this layer's analysis settings applied: switches,
    /// disabled codes (each checked), boilerplate patterns (compiled; a
    /// layer's list replaces the one below), the size limit.
    pub fn apply(&self, config: &mut Config) -> Result<(), String> {
        if let Some(d) = &self.diagnostics {
            config.boilerplate = d.boilerplate.unwrap_or(config.boilerplate);
            config.fragments = d.fragments.unwrap_or(config.fragments);
            if let Some(disabled) = &d.disabled {
                if let Some(e) = disabled.iter().find_map(|c| codes::check(c).err()) {
                    return Err(format!("diagnostics.disabled: {e}"));
                }
                config.disabled_codes = disabled.clone();
            }
        }
        if let Some(patterns) = self.boilerplate.as_ref().and_then(|b| b.patterns.as_ref()) {
            config.extra_boilerplate = Config::compile_patterns(patterns)
                .map_err(|e| format!("boilerplate.patterns: {e}"))?;
        }
        if let Some(max) = self.max_document_bytes {
            config.max_document_bytes = usize::try_from(max).unwrap_or(usize::MAX);
        }
        if let Some(extensions) = self.files.as_ref().and_then(|f| f.extensions.as_ref()) {
            FilesLayer::normalised(extensions)?;
        }
        Ok(())
    }
}

/// A loaded `.copydesk.toml`.
#[derive(Debug, Clone)]
pub struct ProjectFile {
    pub path: PathBuf,
    pub base: Layer,
    pub overrides: Vec<Override>,
}

/// One `[[overrides]]` table: the settings for the files its globs match.
#[derive(Debug, Clone)]
pub struct Override {
    /// The globs as written, for messages.
    pub paths: Vec<String>,
    matcher: GlobSet,
    pub layer: Layer,
}

impl ProjectFile {
    /// Read and check the file at `path`.
    pub fn load(path: &Path) -> Result<ProjectFile, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        ProjectFile::parse(path, &text)
    }

    /// Read the file at `path` as [`ProjectFile::parse_keeping_valid`] does.
    pub fn load_keeping_valid(path: &Path) -> (Option<ProjectFile>, Vec<String>) {
        match std::fs::read_to_string(path) {
            Ok(text) => ProjectFile::parse_keeping_valid(path, &text),
            Err(e) => (None, vec![format!("{}: cannot read: {e}", path.display())]),
        }
    }

    /// The indices of the overrides whose globs match `file`.
    pub fn matching_overrides(&self, file: &Path) -> Vec<usize> {
        let relative = file.strip_prefix(self.root()).unwrap_or(file);
        (0..self.overrides.len())
            .filter(|&i| self.overrides[i].matcher.is_match(relative))
            .collect()
    }

    /// Check `text` as the content of the project file at `path`. Errors
    /// read `PATH:LINE: message`.
    pub fn parse(path: &Path, text: &str) -> Result<ProjectFile, String> {
        match ProjectFile::parse_keeping_valid(path, text) {
            (Some(file), unknown) if unknown.is_empty() => Ok(file),
            (_, mut errors) => Err(errors.remove(0)),
        }
    }

    /// [`ProjectFile::parse`] for a server that keeps running on what it
    /// can use: keys it does not know are reported and skipped, and the
    /// file is still used; any other error (syntax, a type, a code, a
    /// pattern, a glob) leaves no file. Every problem is in the list.
    pub fn parse_keeping_valid(path: &Path, text: &str) -> (Option<ProjectFile>, Vec<String>) {
        match ProjectFile::parse_checked(path, text) {
            Ok((file, unknown)) => (Some(file), unknown),
            Err(e) => (None, vec![e]),
        }
    }

    /// The file and the unknown keys it holds, or the first other error.
    fn parse_checked(path: &Path, text: &str) -> Result<(ProjectFile, Vec<String>), String> {
        let at_line = |line: usize, message: &str| format!("{}:{line}: {message}", path.display());
        let deserializer = toml::Deserializer::parse(text).map_err(|e| {
            at_line(
                line_of_offset(text, e.span().map_or(0, |s| s.start)),
                e.message(),
            )
        })?;
        let mut unknown = Vec::new();
        let mut base: Layer = serde_ignored::deserialize(deserializer, |key| {
            // `?` marks where an optional value was entered: not a key
            let key = key.to_string();
            let segments: Vec<&str> = key.split('.').filter(|s| *s != "?").collect();
            unknown.push(segments.join("."));
        })
        .map_err(|e| {
            at_line(
                line_of_offset(text, e.span().map_or(0, |s| s.start)),
                e.message(),
            )
        })?;
        let lines = KeyLines::new(text);
        let unknown: Vec<String> = unknown
            .iter()
            .map(|key| {
                let segments: Vec<&str> = key.split('.').collect();
                at_line(lines.of(&segments), &format!("unknown key `{key}`"))
            })
            .collect();
        if base.paths.is_some() {
            return Err(at_line(
                lines.of(&["paths"]),
                "`paths` belongs in an [[overrides]] table",
            ));
        }
        check_layer(&base, &[], &lines).map_err(|(line, e)| at_line(line, &e))?;
        let mut overrides = Vec::new();
        for (i, layer) in base
            .overrides
            .take()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let index = i.to_string();
            let table = ["overrides", index.as_str()];
            let line = lines.of(&table);
            check_layer(&layer, &table, &lines).map_err(|(line, e)| at_line(line, &e))?;
            if layer.overrides.is_some() {
                return Err(at_line(
                    lines.of(&["overrides", &index, "overrides"]),
                    "an [[overrides]] table cannot hold overrides",
                ));
            }
            let Some(paths) = layer.paths.clone().filter(|p| !p.is_empty()) else {
                return Err(at_line(line, "an [[overrides]] table needs `paths`"));
            };
            let mut builder = GlobSetBuilder::new();
            for (j, glob) in paths.iter().enumerate() {
                let glob = Glob::new(glob).map_err(|e| {
                    at_line(
                        lines.of(&["overrides", &index, "paths", &j.to_string()]),
                        &format!("overrides: bad glob `{glob}`: {e}"),
                    )
                })?;
                builder.add(glob);
            }
            let matcher = builder
                .build()
                .map_err(|e| at_line(line, &format!("overrides: {e}")))?;
            overrides.push(Override {
                paths,
                matcher,
                layer,
            });
        }
        let file = ProjectFile {
            path: path.to_path_buf(),
            base,
            overrides,
        };
        Ok((file, unknown))
    }

    /// The extensions a directory walk reads for `file` besides the
    /// built-in ones: the last applying layer's list (checked on load).
    pub fn extensions_for(&self, file: &Path) -> Vec<String> {
        self.layers_for(file)
            .iter()
            .rev()
            .find_map(|l| l.files.as_ref().and_then(|f| f.extensions.as_ref()))
            .and_then(|list| FilesLayer::normalised(list).ok())
            .unwrap_or_default()
    }

    /// The directory the globs are relative to.
    pub fn root(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The layers that apply to `file`, lowest first: the top level, then
    /// each override whose globs match it.
    pub fn layers_for(&self, file: &Path) -> Vec<&Layer> {
        let relative = file.strip_prefix(self.root()).unwrap_or(file);
        std::iter::once(&self.base)
            .chain(
                self.overrides
                    .iter()
                    .filter(|o| o.matcher.is_match(relative))
                    .map(|o| &o.layer),
            )
            .collect()
    }
}

/// The `.copydesk.toml` nearest to `start` (a file or a directory),
/// walking up through its parents.
pub fn find(start: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(start).ok()?;
    let first = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    first?
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The 1-based line of byte `offset`.
fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Checks `layer` (a table of the file at key path `table`) setting by
/// setting, so that an error names the line of the very code or pattern
/// at fault. The error is `(line, message)`.
fn check_layer(layer: &Layer, table: &[&str], lines: &KeyLines) -> Result<(), (usize, String)> {
    let line_of = |keys: &[&str]| {
        let path: Vec<&str> = table.iter().chain(keys).copied().collect();
        lines.of(&path)
    };
    let disabled = layer.diagnostics.as_ref().and_then(|d| d.disabled.as_ref());
    for (i, code) in disabled.into_iter().flatten().enumerate() {
        codes::check(code).map_err(|e| {
            let at = line_of(&["diagnostics", "disabled", &i.to_string()]);
            (at, format!("diagnostics.disabled: {e}"))
        })?;
    }
    let patterns = layer.boilerplate.as_ref().and_then(|b| b.patterns.as_ref());
    if let Some(patterns) = patterns {
        Config::compile_patterns(patterns).map_err(|e| {
            // name the pattern at fault where one is; else the list
            let at = patterns
                .iter()
                .position(|p| Config::compile_patterns(&[p]).is_err())
                .map_or_else(
                    || line_of(&["boilerplate", "patterns"]),
                    |i| line_of(&["boilerplate", "patterns", &i.to_string()]),
                );
            (at, format!("boilerplate.patterns: {e}"))
        })?;
    }
    let extensions = layer.files.as_ref().and_then(|f| f.extensions.as_ref());
    for (i, extension) in extensions.into_iter().flatten().enumerate() {
        FilesLayer::normalised(std::slice::from_ref(extension))
            .map_err(|e| (line_of(&["files", "extensions", &i.to_string()]), e))?;
    }
    layer
        .apply(&mut Config::default())
        .map_err(|e| (line_of(&[]), e))
}

/// The lines of the file's keys and values, from the TOML parser's spans.
struct KeyLines<'t> {
    text: &'t str,
    root: Option<toml::Spanned<toml::de::DeTable<'t>>>,
}

impl<'t> KeyLines<'t> {
    fn new(text: &'t str) -> Self {
        KeyLines {
            text,
            root: toml::de::DeTable::parse(text).ok(),
        }
    }

    /// The 1-based line of the setting at `path` (table keys; array
    /// elements by index, as `serde_ignored` names them): the line of its
    /// key, or of the element. Where the path leaves the file, the line of
    /// the deepest part found (1: the file as a whole).
    fn of(&self, path: &[&str]) -> usize {
        use toml::de::DeValue;
        let Some(root) = &self.root else { return 1 };
        let mut span = None;
        let mut value: Option<&DeValue<'t>> = None;
        let mut table = Some(root.get_ref());
        for segment in path {
            let next = match (table, value) {
                (Some(t), _) => t
                    .iter()
                    .find(|(key, _)| key.get_ref() == segment)
                    .map(|(key, v)| (key.span(), v)),
                (None, Some(DeValue::Array(items))) => segment
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|v| (v.span(), v)),
                _ => None,
            };
            let Some((at, v)) = next else { break };
            span = Some(at);
            value = Some(v.get_ref());
            table = match v.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
        }
        span.map_or(1, |s| line_of_offset(self.text, s.start))
    }
}

#[cfg(test)]
mod tests;
