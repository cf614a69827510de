//! The command-line commands `copydesk analyze` and `copydesk check`, as
//! functions of already-parsed options.
//!
//! The binary (`src/main.rs`) owns the command line: it parses arguments with
//! clap and dispatches `analyze`/`check` here and `lsp` to the language
//! server. With the parser out of the library this module knows nothing of
//! the server, and the commands can be called without an argv.
//!
//! Each command reads its files (or stdin), runs the same core as the
//! server, and renders the result through [`render`]. Exit codes for
//! `check`: 0 clean, 1 findings, 2 a bad `--boilerplate-pattern` or a file
//! that cannot be read or is not UTF-8 (the other files are still checked).

mod render;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::{self, Config};

/// Output format of `copydesk analyze`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The human-readable report.
    #[default]
    Text,
    /// One JSON object per file, one per line.
    Json,
}

/// The options of `copydesk analyze`.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    pub format: Format,
    /// Files to analyse; `-` reads standard input.
    pub files: Vec<PathBuf>,
}

/// The options of `copydesk check`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Extra boilerplate phrases (or `/regex/`), compiled by [`check`].
    pub boilerplate_patterns: Vec<String>,
    /// Codes or whole families (`fragment/spliced`, `fragment`) to switch off.
    pub disabled_codes: Vec<String>,
    /// Files to check; `-` reads standard input.
    pub files: Vec<PathBuf>,
}

/// `copydesk analyze`: print the full analysis (diagnostics, quotes,
/// entities) of each file. Exit code 0, or 2 if a file was unreadable.
pub fn analyze(options: &AnalyzeOptions) -> ExitCode {
    let config = Config::default();
    // `analyze` reports; it never fails for findings, so `found` is false.
    each_file(&options.files, &config, |name, text, result| {
        let printed = match options.format {
            Format::Json => render::json(text, result, &config),
            Format::Text => render::text(name, text, result, &config),
        };
        (printed, false)
    })
}

/// `copydesk check`: print `path:line:col: severity[code] message` for each
/// diagnostic. Exit code 0 clean, 1 findings, 2 a pattern that does not
/// compile (nothing is checked) or an unreadable file.
pub fn check(options: &CheckOptions) -> ExitCode {
    let extra = match Config::compile_patterns(&options.boilerplate_patterns) {
        Ok(extra) => extra,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return ExitCode::from(2);
        }
    };
    let config = Config {
        disabled_codes: options.disabled_codes.clone(),
        extra_boilerplate: extra,
        ..Config::default()
    };
    each_file(&options.files, &config, |name, text, result| {
        let lines = render::check_lines(name, text, result, &config);
        let found = !lines.is_empty();
        (lines.join("\n"), found)
    })
}

/// Read one input as UTF-8 text, naming it in the error.
fn read_input(path: &Path) -> Result<String, String> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| format!("{name}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// What one file contributed to the exit code.
enum Outcome {
    /// Printed; `true` when it had findings.
    Done(bool),
    /// Could not be read or is not UTF-8 (already reported on stderr).
    Unreadable,
    /// Standard output is closed: nobody is listening, stop.
    Closed,
}

/// Read and analyse each file in turn, hand it to `render`, and print what
/// it returns; unreadable files are reported and skipped. Exit code: 2 if a
/// file was unreadable, else 1 if `render` reported findings, else 0.
fn each_file(
    files: &[PathBuf],
    config: &Config,
    render: impl Fn(&str, &str, &analysis::Analysis) -> (String, bool),
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut outcomes = Vec::with_capacity(files.len());
    for path in files {
        let outcome = match read_input(path) {
            Ok(text) => {
                let result = analysis::analyze(&text, config);
                let (printed, found) = render(&display_name(path), &text, &result);
                if printed.is_empty() || writeln!(out, "{printed}").is_ok() {
                    Outcome::Done(found)
                } else {
                    Outcome::Closed
                }
            }
            Err(e) => {
                eprintln!("copydesk: {e}");
                Outcome::Unreadable
            }
        };
        if matches!(outcome, Outcome::Closed) {
            return ExitCode::from(2);
        }
        outcomes.push(outcome);
    }
    if outcomes.iter().any(|o| matches!(o, Outcome::Unreadable)) {
        ExitCode::from(2)
    } else if outcomes.iter().any(|o| matches!(o, Outcome::Done(true))) {
        ExitCode::from(1)
    } else {
        ExitCode::from(0)
    }
}
