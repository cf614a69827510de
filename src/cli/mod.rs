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

fn analyze(format: Format, files: &[PathBuf]) -> ExitCode {
    let config = Config::default();
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let text = match read_input(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
                continue;
            }
        };
        let result = analysis::analyze(&text, &config);
        let rendered = match format {
            Format::Json => render::json(&text, &result, &config),
            Format::Text => render::text(&display_name(path), &text, &result, &config),
        };
        if writeln!(out, "{rendered}").is_err() {
            return ExitCode::from(2); // stdout closed: nobody is listening
        }
    }
    ExitCode::from(if failed { 2 } else { 0 })
}

fn check(config: &Config, files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    let mut found = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let text = match read_input(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
                continue;
            }
        };
        let result = analysis::analyze(&text, config);
        let lines = render::check_lines(&display_name(path), &text, &result, config);
        found |= !lines.is_empty();
        for line in lines {
            if writeln!(out, "{line}").is_err() {
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(if failed {
        2
    } else if found {
        1
    } else {
        0
    })
}
