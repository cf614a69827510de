//! The settings each input is analysed with: the defaults, then the
//! nearest `.copydesk.toml` above the input (its top level, then the
//! overrides whose globs match the input), then the command line's own
//! flags, which add to the file's disabled codes and patterns and replace
//! its size limit. Each project file is read once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use regex::Regex;

use crate::analysis::Config;
use crate::project::{self, ProjectFile};

/// What the command line itself says.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub disabled_codes: Vec<String>,
    pub patterns: Vec<Regex>,
    pub max_document_bytes: Option<usize>,
    /// `--no-config`: ignore project files.
    pub no_config: bool,
}

/// Settings per input, with the project files it has read.
#[derive(Debug, Default)]
pub struct Resolver {
    flags: Flags,
    files: Mutex<HashMap<PathBuf, Result<Arc<ProjectFile>, String>>>,
    /// Per directory, its nearest project file: a walk over an archive
    /// asks for every file, several times, and the answer is its folder's.
    nearest: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl Resolver {
    pub fn new(flags: Flags) -> Resolver {
        Resolver {
            flags,
            files: Mutex::default(),
            nearest: Mutex::default(),
        }
    }

    /// The project file that governs `input` (`-`: the current directory),
    /// if any; an error if it does not check.
    pub fn project_for(&self, input: &Path) -> Result<Option<Arc<ProjectFile>>, String> {
        if self.flags.no_config {
            return Ok(None);
        }
        let start = if input.as_os_str() == "-" {
            Path::new(".")
        } else {
            input
        };
        let Some(path) = self.nearest_file(start) else {
            return Ok(None);
        };
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        files
            .entry(path.clone())
            .or_insert_with(|| ProjectFile::load(&path).map(Arc::new))
            .clone()
            .map(Some)
    }

    /// The project file nearest above `start` (a file or a directory),
    /// looked up once per directory.
    fn nearest_file(&self, start: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(start).ok()?;
        let dir = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent()?.to_path_buf()
        };
        let mut nearest = self.nearest.lock().unwrap_or_else(PoisonError::into_inner);
        nearest
            .entry(dir)
            .or_insert_with_key(|dir| project::find(dir))
            .clone()
    }

    /// The extensions a directory walk reads for `file` besides the
    /// built-in ones (none where its project file does not check: that
    /// error is reported by [`Resolver::check_projects`]).
    pub fn extensions_for(&self, file: &Path) -> Vec<String> {
        match self.project_for(file) {
            Ok(Some(project)) => {
                let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
                project.extensions_for(&absolute)
            }
            _ => Vec::new(),
        }
    }

    /// The errors of the project files that govern `inputs`, each once,
    /// in input order.
    pub fn check_projects<'a>(&self, inputs: impl Iterator<Item = &'a Path>) -> Vec<String> {
        let mut errors: Vec<String> = Vec::new();
        for input in inputs {
            if let Err(e) = self.project_for(input)
                && !errors.contains(&e)
            {
                errors.push(e);
            }
        }
        errors
    }

    /// The configuration `input` is analysed with.
    pub fn config_for(&self, input: &Path) -> Result<Config, String> {
        let mut config = Config::default();
        if let Some(file) = self.project_for(input)? {
            let absolute = std::path::absolute(input).unwrap_or_else(|_| input.to_path_buf());
            for layer in file.layers_for(&absolute) {
                // checked when the file was loaded
                layer
                    .apply(&mut config)
                    .map_err(|e| format!("{}: {e}", file.path.display()))?;
            }
        }
        for code in &self.flags.disabled_codes {
            if !config.disabled_codes.contains(code) {
                config.disabled_codes.push(code.clone());
            }
        }
        config
            .extra_boilerplate
            .extend(self.flags.patterns.iter().cloned());
        if let Some(max) = self.flags.max_document_bytes {
            config.max_document_bytes = max;
        }
        Ok(config)
    }
}

/// `copydesk config PATH`: the settings `PATH` is analysed with, one per
/// line in the project file's syntax, each with where it came from.
pub fn describe(resolver: &Resolver, path: &Path) -> Result<String, String> {
    let file = resolver.project_for(path)?;
    let mut sources: Vec<(String, &project::Layer)> = Vec::new();
    if let Some(file) = &file {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let layers = file.layers_for(&absolute);
        let names: Vec<String> = std::iter::once(file.path.display().to_string())
            .chain(
                file.overrides
                    .iter()
                    .filter(|o| layers.iter().any(|l| std::ptr::eq(*l, &o.layer)))
                    .map(|o| {
                        format!(
                            "{} [[overrides]] {}",
                            file.path.display(),
                            o.paths.join(", ")
                        )
                    }),
            )
            .collect();
        sources.extend(names.into_iter().zip(layers));
    }
    let source_of = |pick: &dyn Fn(&project::Layer) -> bool| {
        sources
            .iter()
            .rev()
            .find(|(_, layer)| pick(layer))
            .map_or("default".to_string(), |(name, _)| name.clone())
    };
    let config = resolver.config_for(path)?;
    let flags = &resolver.flags;
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let diagnostics = |l: &project::Layer| l.diagnostics.clone().unwrap_or_default();
    let mut disabled_source = source_of(&|l| diagnostics(l).disabled.is_some());
    if !flags.disabled_codes.is_empty() {
        disabled_source.push_str(" + --disable");
    }
    let mut patterns_source =
        source_of(&|l| l.boilerplate.as_ref().is_some_and(|b| b.patterns.is_some()));
    if !flags.patterns.is_empty() {
        patterns_source.push_str(" + --boilerplate-pattern");
    }
    let size_source = if flags.max_document_bytes.is_some() {
        "--max-document-bytes".to_string()
    } else {
        source_of(&|l| l.max_document_bytes.is_some())
    };
    let extensions = resolver.extensions_for(path);
    let extensions_source =
        source_of(&|l| l.files.as_ref().is_some_and(|f| f.extensions.is_some()));
    let patterns: Vec<String> = config
        .extra_boilerplate
        .iter()
        .map(|r| r.to_string())
        .collect();
    let rows = [
        (
            format!("diagnostics.boilerplate = {}", config.boilerplate),
            source_of(&|l| diagnostics(l).boilerplate.is_some()),
        ),
        (
            format!("diagnostics.fragments = {}", config.fragments),
            source_of(&|l| diagnostics(l).fragments.is_some()),
        ),
        (
            format!("diagnostics.disabled = {}", list(&config.disabled_codes)),
            disabled_source,
        ),
        (
            format!("boilerplate.patterns = {}", list(&patterns)),
            patterns_source,
        ),
        (
            format!("maxDocumentBytes = {}", config.max_document_bytes),
            size_source,
        ),
        (
            format!("files.extensions = {}", list(&extensions)),
            extensions_source,
        ),
    ];
    let mut out = format!(
        "# settings of {}\n# project file: {}\n",
        path.display(),
        file.as_ref()
            .map_or("none".to_string(), |f| f.path.display().to_string())
    );
    let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    for (row, source) in rows {
        out.push_str(&format!("{row:<width$}  # {source}\n"));
    }
    Ok(out)
}
