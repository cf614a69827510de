//! The command-line commands `copydesk analyze` and `copydesk check`, as
//! functions of already-parsed options.
//!
//! The binary (`src/main.rs`) owns the command line: it parses arguments with
//! clap and dispatches `analyze`/`check` here and `lsp` to the language
//! server. With the parser out of the library this module knows nothing of
//! the server, and the commands can be called without an argv.
//!
//! Each command reads its inputs ([`inputs`]: files, `-`, directories
//! walked for articles), runs the same core as the server on every core
//! ([`batch`], output in input order), and renders each result through
//! [`render`]; `analyze --format jsonl` reads articles from JSON Lines
//! instead ([`jsonl`]). Exit codes for `check`: 0 clean, 1 findings, 2 a
//! bad flag or `.copydesk.toml` (each error printed once; nothing is
//! checked) or an input that cannot be read or is not UTF-8 (the other
//! inputs are still checked).

mod annotations;
mod batch;
mod heap;
mod inputs;
mod jsonl;
mod render;
pub mod settings;

use std::io::{BufReader, Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::{self, Config, Severity, Syntax, codes};
use inputs::Input;
use settings::{Flags, Resolver};

/// Output format of `copydesk analyze`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The human-readable report.
    #[default]
    Text,
    /// One JSON object per file, one per line.
    Json,
    /// Articles read as JSON Lines (`{"id": ..., "text": ...}`), one JSON
    /// object written per line.
    Jsonl,
}

/// The options of `copydesk analyze`.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    pub format: Format,
    /// Files or directories to analyse; `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// Worker threads; 0 is one per core.
    pub jobs: usize,
    /// Largest document analysed; `None` is the core's default.
    pub max_document_bytes: Option<usize>,
    /// Ignore `.copydesk.toml` files.
    pub no_config: bool,
}

/// Output format of `copydesk check`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CheckFormat {
    /// `path:line:col: severity[code] message`, one line per diagnostic.
    #[default]
    Text,
    /// One JSON object per file, as `analyze --format json`.
    Json,
    /// One SARIF 2.1.0 log for the whole run.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// The least severe diagnostic that makes `check` exit 1.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    /// Any diagnostic, hints included.
    #[default]
    Info,
    /// Findings never fail the run (unreadable inputs still exit 2).
    Never,
}

impl FailOn {
    /// Whether a diagnostic of `severity` fails the run.
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity <= Severity::Error,
            FailOn::Warning => severity <= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// The options of `copydesk check`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub format: CheckFormat,
    pub fail_on: FailOn,
    /// Patterns, disabled codes, the size limit, `--no-config`.
    pub settings: SettingFlags,
    /// Files or directories to check; `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// Worker threads; 0 is one per core.
    pub jobs: usize,
}

/// `copydesk analyze`: print the full analysis (diagnostics, quotes,
/// entities) of each file. Exit code 0, or 2 if an input was unreadable.
pub fn analyze(options: &AnalyzeOptions) -> ExitCode {
    let resolver = Resolver::new(Flags {
        max_document_bytes: options.max_document_bytes,
        no_config: options.no_config,
        ..Flags::default()
    });
    if options.format == Format::Jsonl {
        // JSON Lines records have no path: the project is the current
        // directory's.
        return match resolver.config_for(Path::new("-")) {
            Ok(config) => analyze_jsonl(options, &resolver, &config),
            Err(e) => {
                eprintln!("copydesk: {e}");
                ExitCode::from(2)
            }
        };
    }
    // `analyze` reports; it never fails for findings, so `found` is false.
    each_file(
        &options.files,
        options.jobs,
        &resolver,
        |name, text, result, config| {
            let printed = match options.format {
                Format::Json | Format::Jsonl => {
                    render::json(text, result, config, render::Label::Path(name))
                }
                Format::Text => render::text(name, text, result, config),
            };
            (printed, false)
        },
    )
}

/// `copydesk check`: print `path:line:col: severity[code] message` for each
/// diagnostic (or JSON, SARIF, GitHub annotations). Exit code 0 clean, 1
/// findings at or above `--fail-on`, 2 a bad flag or project file (nothing
/// is checked) or an unreadable file.
pub fn check(options: &CheckOptions) -> ExitCode {
    let flags = match options.settings.checked() {
        Ok(flags) => flags,
        Err(code) => return code,
    };
    let resolver = Resolver::new(flags);
    let fail_on = options.fail_on;
    let render = |name: &str, text: &str, result: &analysis::Analysis, config: &Config| {
        let found = result
            .diagnostics(text, config)
            .iter()
            .any(|d| fail_on.fails(d.severity));
        let printed = match options.format {
            CheckFormat::Text => render::check_lines(name, text, result, config).join("\n"),
            CheckFormat::Json => render::json(text, result, config, render::Label::Path(name)),
            CheckFormat::Github => annotations::github(name, text, result, config).join("\n"),
            CheckFormat::Sarif => annotations::sarif_results(name, text, result, config),
        };
        (printed, found)
    };
    if options.format == CheckFormat::Sarif {
        return each_file_collected(&options.files, options.jobs, &resolver, render, |files| {
            annotations::sarif_log(files)
        });
    }
    each_file(&options.files, options.jobs, &resolver, render)
}

/// The flags that change settings, as `check` and `config` take them.
#[derive(Clone, Debug, Default)]
pub struct SettingFlags {
    /// Extra boilerplate phrases (or `/regex/`), compiled by [`SettingFlags::checked`].
    pub boilerplate_patterns: Vec<String>,
    /// Codes or whole families (`fragment/spliced`, `fragment`) to switch off.
    pub disabled_codes: Vec<String>,
    /// Largest document analysed; `None` is the core's default.
    pub max_document_bytes: Option<usize>,
    /// Ignore `.copydesk.toml` files.
    pub no_config: bool,
}

impl SettingFlags {
    /// The flags with patterns compiled and codes checked; a bad one is
    /// printed and is exit 2.
    fn checked(&self) -> Result<Flags, ExitCode> {
        let patterns = Config::compile_patterns(&self.boilerplate_patterns).map_err(|e| {
            eprintln!("copydesk: {e}");
            ExitCode::from(2)
        })?;
        if let Some(e) = self
            .disabled_codes
            .iter()
            .find_map(|c| codes::check(c).err())
        {
            eprintln!("copydesk: --disable: {e}");
            return Err(ExitCode::from(2));
        }
        Ok(Flags {
            disabled_codes: self.disabled_codes.clone(),
            patterns,
            max_document_bytes: self.max_document_bytes,
            no_config: self.no_config,
        })
    }
}

/// `copydesk config [PATH]`: print the settings PATH is analysed with by
/// `check` with these flags, and where each came from. Exit 2 if a flag or
/// its project file does not check.
pub fn config(path: &Path, flags: &SettingFlags) -> ExitCode {
    let flags = match flags.checked() {
        Ok(flags) => flags,
        Err(code) => return code,
    };
    match settings::describe(&Resolver::new(flags), path) {
        Ok(text) => {
            print!("{text}");
            ExitCode::from(0)
        }
        Err(e) => {
            eprintln!("copydesk: {e}");
            ExitCode::from(2)
        }
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
    decode(&name, bytes)
}

/// An input's bytes as text, or the error that names it.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// What `analyze --format json` prints for one input of these bytes, or
/// the error it reports: the whole path from bytes to output, for tests
/// and the fuzzer (`fuzz/fuzz_targets/cli_bytes.rs`).
pub fn analyze_bytes_as_json(name: &str, bytes: &[u8]) -> Result<String, String> {
    let text = decode(name, bytes.to_vec())?;
    let config = Config::default();
    let result = analysis::analyze_as(&text, Syntax::of_path(Path::new(name)), &config);
    Ok(render::json(
        &text,
        &result,
        &config,
        render::Label::Path(name),
    ))
}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// What one input contributed to the exit code.
#[derive(Default)]
struct Tally {
    unreadable: bool,
    found: bool,
}

impl Tally {
    fn exit_code(&self) -> ExitCode {
        if self.unreadable {
            ExitCode::from(2)
        } else if self.found {
            ExitCode::from(1)
        } else {
            ExitCode::from(0)
        }
    }
}

/// One input's result: what to print on stdout (empty: nothing), an error
/// for stderr, and whether it had findings.
struct Outcome {
    printed: String,
    error: Option<String>,
    found: bool,
}

impl Outcome {
    /// An input that could not be used, and why.
    fn failed(error: String) -> Outcome {
        Outcome {
            printed: String::new(),
            error: Some(error),
            found: false,
        }
    }
}

/// Print `outcome`, add it to `tally`, and break when stdout is closed
/// (nobody is listening: stop, exit 2).
fn emit(out: &mut impl Write, tally: &mut Tally, outcome: Outcome) -> ControlFlow<()> {
    if let Some(error) = &outcome.error {
        eprintln!("copydesk: {error}");
        tally.unreadable = true;
    }
    tally.found |= outcome.found;
    if !outcome.printed.is_empty() && writeln!(out, "{}", outcome.printed).is_err() {
        tally.unreadable = true;
        return ControlFlow::Break(());
    }
    ControlFlow::Continue(())
}

/// Read and analyse each input on `jobs` workers, hand it to `render`, and
/// print what it returns in input order; unreadable inputs are reported
/// and skipped. Exit code: 2 if an input was unreadable, else 1 if
/// `render` reported findings, else 0.
fn each_file(
    files: &[PathBuf],
    jobs: usize,
    resolver: &Resolver,
    render: impl Fn(&str, &str, &analysis::Analysis, &Config) -> (String, bool) + Sync,
) -> ExitCode {
    let inputs = match expand_checked(files, resolver) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let total = inputs.len();
    let work = |input: Input| analyse_input(input, resolver, &render, total == 1);
    run(inputs.into_iter(), Some(total), jobs, work)
}

/// [`each_file`], but what `render` returns for every file is collected and
/// printed once, as `join` makes it of them all (SARIF: one log).
fn each_file_collected(
    files: &[PathBuf],
    jobs: usize,
    resolver: &Resolver,
    render: impl Fn(&str, &str, &analysis::Analysis, &Config) -> (String, bool) + Sync,
    join: impl FnOnce(&[String]) -> String,
) -> ExitCode {
    let inputs = match expand_checked(files, resolver) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let total = inputs.len();
    let work = |input: Input| analyse_input(input, resolver, &render, total == 1);
    let mut tally = Tally::default();
    let mut collected = Vec::new();
    let mut sink = std::io::sink();
    let ran = batch::run_ordered(
        inputs.into_iter(),
        Some(total),
        jobs,
        work,
        |mut outcome| {
            collected.push(std::mem::take(&mut outcome.printed));
            emit(&mut sink, &mut tally, outcome)
        },
    );
    if let Err(e) = ran {
        eprintln!("copydesk: {e}");
        return ExitCode::from(2);
    }
    if writeln!(std::io::stdout().lock(), "{}", join(&collected)).is_err() {
        return ExitCode::from(2);
    }
    tally.exit_code()
}

/// The inputs `files` name (directories walked with the extensions their
/// projects add), once every project file that governs one has checked.
/// A project file that does not check is reported once, however many
/// inputs it governs, and nothing is analysed: exit 2, as for a bad flag.
fn expand_checked(files: &[PathBuf], resolver: &Resolver) -> Result<Vec<Input>, ExitCode> {
    let extensions = |path: &Path| resolver.extensions_for(path);
    let inputs = inputs::expand(files, &extensions);
    // the directories named too: a broken file that adds the only
    // extension a directory holds must not leave it silently empty
    let directories = files.iter().filter(|f| f.is_dir()).map(PathBuf::as_path);
    let paths = inputs.iter().filter_map(|input| match input {
        Input::Path(path) => Some(path.as_path()),
        Input::Unwalkable(_) => None,
    });
    let errors = resolver.check_projects(directories.chain(paths));
    if errors.is_empty() {
        return Ok(inputs);
    }
    for error in errors {
        eprintln!("copydesk: {error}");
    }
    Err(ExitCode::from(2))
}

/// Read, analyse (with the settings of its project) and render one input.
/// `alone`: it is the run's only input, so the process ends once it is
/// printed.
fn analyse_input(
    input: Input,
    resolver: &Resolver,
    render: &(impl Fn(&str, &str, &analysis::Analysis, &Config) -> (String, bool) + Sync),
    alone: bool,
) -> Outcome {
    let path = match input {
        Input::Unwalkable(error) => return Outcome::failed(error),
        Input::Path(path) => path,
    };
    let read = resolver
        .config_for(&path)
        .and_then(|config| read_input(&path).map(|text| (config, text)));
    match read {
        Ok((config, text)) => {
            let mut analyzer = analysis::Analyzer::new(Syntax::of_path(&path));
            let result = analyzer.analyze(&text, &config);
            let (printed, found) = render(&display_name(&path), &text, &result, &config);
            if alone {
                // What the analysis holds (a text model per paragraph,
                // every pass's results) goes back to the system at once
                // when the process ends; dropping it first would free it
                // allocation by allocation, 3% of a fresh analysis. Only
                // for the one input of a run, so a batch never piles up.
                std::mem::forget((analyzer, result, text));
            }
            Outcome {
                printed,
                error: None,
                found,
            }
        }
        Err(error) => Outcome::failed(error),
    }
}

/// Run `work` over `items` in order (see [`batch::run_ordered`]), print the
/// outcomes, and give the exit code.
fn run<T: Send>(
    items: impl Iterator<Item = T>,
    total: Option<usize>,
    jobs: usize,
    work: impl Fn(T) -> Outcome + Sync,
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut tally = Tally::default();
    let ran = batch::run_ordered(items, total, jobs, work, |outcome| {
        emit(&mut out, &mut tally, outcome)
    });
    if let Err(e) = ran {
        eprintln!("copydesk: {e}");
        return ExitCode::from(2);
    }
    tally.exit_code()
}

/// A JSON Lines input being read.
type Reader = Box<dyn std::io::BufRead + Send>;

/// `analyze --format jsonl`: every input (a file, or `-` for stdin) is a
/// JSON Lines stream of articles; one result line per article line.
fn analyze_jsonl(options: &AnalyzeOptions, resolver: &Resolver, config: &Config) -> ExitCode {
    let mut opened: Vec<Result<(String, Reader), String>> = Vec::new();
    let extensions = |path: &Path| resolver.extensions_for(path);
    for input in inputs::expand(&options.files, &extensions) {
        opened.push(match input {
            Input::Unwalkable(error) => Err(error),
            Input::Path(path) if path.as_os_str() == "-" => Ok((
                display_name(&path),
                Box::new(BufReader::new(std::io::stdin())),
            )),
            Input::Path(path) => std::fs::File::open(&path)
                .map(|f| {
                    let reader: Reader = Box::new(BufReader::new(f));
                    (display_name(&path), reader)
                })
                .map_err(|e| format!("{}: cannot read: {e}", display_name(&path))),
        });
    }
    let lines = opened.into_iter().flat_map(|opened| {
        let stream: Box<dyn Iterator<Item = Result<jsonl::Line, String>>> = match opened {
            Ok((name, reader)) => Box::new(jsonl::lines(name, reader)),
            Err(error) => Box::new(std::iter::once(Err(error))),
        };
        stream
    });
    let work = |line: Result<jsonl::Line, String>| {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                return Outcome::failed(error);
            }
        };
        match jsonl::parse(&line) {
            Ok(record) => {
                let result = analysis::analyze(&record.text, config);
                Outcome {
                    printed: render::json(
                        &record.text,
                        &result,
                        config,
                        render::Label::Id(&record.id),
                    ),
                    error: None,
                    found: false,
                }
            }
            Err((error, id)) => Outcome {
                printed: jsonl::error_line(&line, &error, &id),
                error: Some(format!("{}:{}: {error}", line.source, line.number)),
                found: false,
            },
        }
    };
    run(lines, None, options.jobs, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_become_the_json_of_one_input_or_an_error_naming_the_bad_byte() {
        let json = analyze_bytes_as_json("a.txt", "Head\n\nAdvertisement\n".as_bytes());
        let value: serde_json::Value =
            serde_json::from_str(&json.unwrap_or_default()).unwrap_or_default();
        assert_eq!(value["path"], "a.txt");
        assert_eq!(value["diagnostics"][0]["code"], "boilerplate/ad");
        assert_eq!(
            analyze_bytes_as_json("b.txt", b"ok \xff"),
            Err("b.txt: not valid UTF-8 (first bad byte at offset 3)".to_string())
        );
    }
}
