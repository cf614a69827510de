//! The `copydesk` binary: the whole command line and its dispatch.
//!
//! clap parses `analyze`, `check` and `lsp` here; `analyze` and `check` go
//! to [`copydesk::cli`] with already-parsed options, `lsp` to
//! [`copydesk::lsp::run`]. The library edges therefore stay independent:
//! the CLI commands do not start the server, and neither knows about argv.
//!
//! Usage errors exit 2 (clap's `use_stderr` errors); `--help` and
//! `--version` print to stdout and exit 0.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::cli::{self, AnalyzeOptions, CheckOptions, SettingFlags};

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
        /// Output format. `json` prints one JSON object per file, one per
        /// line, with its `path`; `jsonl` reads each input as JSON Lines
        /// (`{"id": ..., "text": ...}` per line) and prints one object per
        /// line with its `id`.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print `path:line:col: severity[code] message` for each diagnostic
    /// (or JSON, SARIF, GitHub annotations); exit 1 if any was found at or
    /// above `--fail-on`.
    Check {
        /// Output format: `text` lines, `json` objects (one per file, with
        /// its `path`), one `sarif` 2.1.0 log, or `github` workflow commands
        /// (annotations on a pull request).
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// The least severe diagnostic that makes the run fail (exit 1):
        /// `error`, `warning`, `info` (any) or `never`.
        #[arg(long, value_enum, default_value_t = FailOn::Info)]
        fail_on: FailOn,
        /// Extra boilerplate phrase (or `/regex/`); may be repeated.
        #[arg(long = "boilerplate-pattern", value_name = "PATTERN")]
        patterns: Vec<String>,
        /// Switch off a code or a whole family (`fragment/spliced`,
        /// `fragment`); may be repeated.
        #[arg(long = "disable", value_name = "CODE")]
        disabled: Vec<String>,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print the settings a file (or directory) is analysed with, and where
    /// each came from (default, `.copydesk.toml`, one of its overrides).
    Config {
        /// The file or directory [default: the current directory].
        #[arg(default_value = ".")]
        path: PathBuf,
        /// As for `check`: an extra boilerplate phrase (or `/regex/`).
        #[arg(long = "boilerplate-pattern", value_name = "PATTERN")]
        patterns: Vec<String>,
        /// As for `check`: a code or family to switch off.
        #[arg(long = "disable", value_name = "CODE")]
        disabled: Vec<String>,
        /// As for `check`: the largest document analysed.
        #[arg(long, value_name = "BYTES")]
        max_document_bytes: Option<usize>,
        /// Ignore `.copydesk.toml` files.
        #[arg(long)]
        no_config: bool,
    },
    /// Run the language server over standard input/output.
    Lsp {
        /// Accepted for clients that append it (VS Code); stdio is the only
        /// transport.
        #[arg(long)]
        stdio: bool,
    },
}

/// What `analyze` and `check` read, how many at once, and what one
/// document may cost.
#[derive(clap::Args, Debug)]
struct Inputs {
    /// Files or directories (walked for .txt, .md and .markdown files,
    /// honouring .gitignore); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Worker threads (default: one per core); the output is in input
    /// order whatever the number.
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    jobs: usize,
    /// A document longer than this many bytes is not analysed (one
    /// information diagnostic says so) [default: 20 MiB].
    #[arg(long, value_name = "BYTES")]
    max_document_bytes: Option<usize>,
    /// Ignore `.copydesk.toml` files (otherwise the nearest one above each
    /// input applies; flags add to it).
    #[arg(long)]
    no_config: bool,
}

/// `--format` values; the library's [`cli::Format`] stays free of clap.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
}

/// `check --format` values.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Sarif,
    Github,
}

/// `check --fail-on` values.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl From<CheckFormat> for cli::CheckFormat {
    fn from(format: CheckFormat) -> Self {
        match format {
            CheckFormat::Text => cli::CheckFormat::Text,
            CheckFormat::Json => cli::CheckFormat::Json,
            CheckFormat::Sarif => cli::CheckFormat::Sarif,
            CheckFormat::Github => cli::CheckFormat::Github,
        }
    }
}

impl From<FailOn> for cli::FailOn {
    fn from(fail_on: FailOn) -> Self {
        match fail_on {
            FailOn::Error => cli::FailOn::Error,
            FailOn::Warning => cli::FailOn::Warning,
            FailOn::Info => cli::FailOn::Info,
            FailOn::Never => cli::FailOn::Never,
        }
    }
}

impl From<Format> for cli::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Text => cli::Format::Text,
            Format::Json => cli::Format::Json,
            Format::Jsonl => cli::Format::Jsonl,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Analyze { format, inputs } => cli::analyze(&AnalyzeOptions {
            format: format.into(),
            files: inputs.files,
            jobs: inputs.jobs,
            max_document_bytes: inputs.max_document_bytes,
            no_config: inputs.no_config,
        }),
        Command::Check {
            format,
            fail_on,
            patterns,
            disabled,
            inputs,
        } => cli::check(&CheckOptions {
            format: format.into(),
            fail_on: fail_on.into(),
            settings: SettingFlags {
                boilerplate_patterns: patterns,
                disabled_codes: disabled,
                max_document_bytes: inputs.max_document_bytes,
                no_config: inputs.no_config,
            },
            files: inputs.files,
            jobs: inputs.jobs,
        }),
        Command::Config {
            path,
            patterns,
            disabled,
            max_document_bytes,
            no_config,
        } => cli::config(
            &path,
            &SettingFlags {
                boilerplate_patterns: patterns,
                disabled_codes: disabled,
                max_document_bytes,
                no_config,
            },
        ),
        Command::Lsp { stdio: _ } => copydesk::lsp::run(),
    }
}
