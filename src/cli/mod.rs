//! The command-line edge: `copydesk analyze`, `copydesk check`, `copydesk lsp`.
//!
//! Reads files (or stdin), runs the same core as the server, and renders the
//! result through [`render`]. Exit codes for `check`: 0 clean, 1 findings,
//! 2 usage error or a file that cannot be read or is not UTF-8 (the other
//! files are still checked).

mod render;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::{self, Config};

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "Finds scraping leftovers and broken sentences in news articles, and who said each quote.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the full analysis (diagnostics, quotes, entities) of each file.
    Analyze {
        /// Output format. `json` prints one JSON object per file, one per line.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files to analyse; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print `path:line:col: severity[code] message` for each diagnostic;
    /// exit 1 if any was found.
    Check {
        /// Extra boilerplate phrase (or `/regex/`); may be repeated.
        #[arg(long = "boilerplate-pattern", value_name = "PATTERN")]
        patterns: Vec<String>,
        /// Switch off a code or a whole family (`fragment/spliced`,
        /// `fragment`); may be repeated.
        #[arg(long = "disable", value_name = "CODE")]
        disabled: Vec<String>,
        /// Files to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Run the language server over standard input/output.
    Lsp {
        /// Accepted for clients that append it (VS Code); stdio is the only
        /// transport.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Analyze { format, files } => analyze(format, &files),
        Command::Check {
            patterns,
            disabled,
            files,
        } => {
            let extra = match Config::compile_patterns(&patterns) {
                Ok(extra) => extra,
                Err(e) => {
                    eprintln!("copydesk: {e}");
                    return ExitCode::from(2);
                }
            };
            let config = Config {
                disabled_codes: disabled,
                extra_boilerplate: extra,
                ..Config::default()
            };
            check(&config, &files)
        }
        Command::Lsp { stdio: _ } => crate::lsp::run(),
    }
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

fn analyze(format: Format, files: &[PathBuf]) -> ExitCode {
    let config = Config::default();
    // `analyze` reports; it never fails for findings, so `found` is false.
    each_file(files, &config, |name, text, result| {
        let printed = match format {
            Format::Json => render::json(text, result, &config),
            Format::Text => render::text(name, text, result, &config),
        };
        (printed, false)
    })
}

fn check(config: &Config, files: &[PathBuf]) -> ExitCode {
    each_file(files, config, |name, text, result| {
        let lines = render::check_lines(name, text, result, config);
        let found = !lines.is_empty();
        (lines.join("\n"), found)
    })
}
