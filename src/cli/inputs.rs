//! What the command line's file arguments name: files, `-` for standard
//! input, and directories, which are walked for articles.
//!
//! A directory stands for the `.txt`, `.md` and `.markdown` files under it
//! (and those of the extensions the governing `.copydesk.toml` adds under
//! `[files] extensions`), found the way ripgrep finds files (the `ignore` crate): `.gitignore`,
//! `.ignore` and hidden files are honoured, and the walk is sorted by name
//! so that a run over an archive prints in the same order every time. A
//! file named directly is always read, whatever its extension.

use std::path::{Path, PathBuf};

use crate::project::ARTICLE_EXTENSIONS;

/// One input of a command: a path to read (`-` is standard input), or an
/// error found while walking a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    /// A directory or entry that could not be walked, already worded.
    Unwalkable(String),
}

/// The inputs that `args` name, in order: each argument in turn, a
/// directory replaced by the articles under it. `extra_extensions` gives,
/// for a file found in a walk, the extensions its project adds (lower
/// case, no dot).
pub fn expand(args: &[PathBuf], extra_extensions: &dyn Fn(&Path) -> Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::with_capacity(args.len());
    for arg in args {
        if arg.as_os_str() != "-" && arg.is_dir() {
            walk(arg, extra_extensions, &mut inputs);
        } else {
            inputs.push(Input::Path(arg.clone()));
        }
    }
    inputs
}

fn walk(dir: &Path, extra_extensions: &dyn Fn(&Path) -> Vec<String>, inputs: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(dir)
        .sort_by_file_name(|a, b| a.cmp(b))
        // Honour .gitignore even outside a git checkout (an unpacked archive).
        .require_git(false)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file())
                    && (is_article(path) || has_extension(path, &extra_extensions(path)))
                {
                    inputs.push(Input::Path(path.to_path_buf()));
                }
            }
            Err(e) => inputs.push(Input::Unwalkable(format!("{}: {e}", dir.display()))),
        }
    }
}

fn is_article(path: &Path) -> bool {
    has_extension(path, ARTICLE_EXTENSIONS)
}

fn has_extension<S: AsRef<str>>(path: &Path, extensions: &[S]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|a| a.as_ref().eq_ignore_ascii_case(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_article_extensions_are_picked_up() {
        assert!(is_article(Path::new("a/b.txt")));
        assert!(is_article(Path::new("b.MD")));
        assert!(is_article(Path::new("b.markdown")));
        assert!(!is_article(Path::new("b.json")));
        assert!(!is_article(Path::new("txt")));
    }

    #[test]
    fn stdin_and_missing_files_stay_as_given() {
        let args = [PathBuf::from("-"), PathBuf::from("no/such/file.txt")];
        assert_eq!(
            expand(&args, &|_| Vec::new()),
            [
                Input::Path(PathBuf::from("-")),
                Input::Path(PathBuf::from("no/such/file.txt"))
            ]
        );
    }
}
