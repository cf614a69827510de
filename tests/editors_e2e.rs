//! Real editors talking to the real server: runs the Neovim and Emacs
//! (eglot) end-to-end scripts in `tests/editors/` against the `copydesk`
//! binary cargo built for this test run.
//!
//! Each script opens an article through the editor's own LSP client, checks
//! the boilerplate diagnostics, makes an edit and changes a setting, and
//! checks hover on a quote (its speaker) and the outline. The
//! article is `../shared/corpus/seed/putin-election.txt` when `../shared`
//! is present, else the project's own `tests/fixtures/editors/harbour-vote.txt`;
//! expectations come from the gold JSON beside it.
//!
//! An editor that is not installed is skipped with a note, so `cargo test`
//! passes on a machine without editors; `COPYDESK_REQUIRE_EDITORS=1` (set by
//! `.ci/run`) turns a skip into a failure. Editors are found on `PATH`, at
//! `COPYDESK_NVIM` / `COPYDESK_EMACS`, and (Neovim 0.7 from Debian) at
//! `/usr/bin/nvim`. `COPYDESK_E2E_VERBOSE=1` prints each editor's log even
//! when it passed.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Longest one editor run may take; a healthy run takes a few seconds.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);
/// How long the scripts wait for each answer from the server.
const ANSWER_TIMEOUT_MS: &str = "30000";

/// The seed quote whose hover card is checked: the gold quote cued by
/// "Mr ... said" (line 28).
const SEED_QUOTE_INDEX: usize = 1;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

/// A note that shows in `cargo test` output even though the test passes
/// (the test harness captures `println!`, not the stderr handle).
fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// Skip with a note, or fail when editors are required.
fn skip(message: &str) {
    if flag("COPYDESK_REQUIRE_EDITORS") {
        panic!("COPYDESK_REQUIRE_EDITORS=1 but {message}");
    }
    note(&format!("skipping: {message}"));
}

/// What the editor scripts check, as environment variables. The
/// boilerplate lines are the gold lines, checked exactly.
struct Expectations {
    article: PathBuf,
    boilerplate: Vec<u64>,
    quote: Option<Value>,
}

impl Expectations {
    fn load() -> Expectations {
        let seed = root().join("../shared/corpus/seed/putin-election.txt");
        let (article, quote_index) = if seed.is_file() {
            (seed, SEED_QUOTE_INDEX)
        } else {
            note(
                "../shared is absent: the editor tests use tests/fixtures/editors/harbour-vote.txt",
            );
            (root().join("tests/fixtures/editors/harbour-vote.txt"), 0)
        };
        let gold = gold_of(&article);
        Expectations {
            boilerplate: gold_lines(&gold),
            quote: gold["quotes"].get(quote_index).cloned(),
            article,
        }
    }

    fn env(&self) -> Vec<(&'static str, String)> {
        let lines: Vec<String> = self.boilerplate.iter().map(u64::to_string).collect();
        let mut env = vec![
            ("COPYDESK_E2E_ARTICLE", self.article.display().to_string()),
            ("COPYDESK_E2E_BOILERPLATE", lines.join(",")),
            ("COPYDESK_E2E_BOILERPLATE_MODE", "exact".to_string()),
            ("COPYDESK_E2E_TIMEOUT_MS", ANSWER_TIMEOUT_MS.to_string()),
            ("COPYDESK_E2E_FULL", "1".to_string()),
        ];
        if let Some(quote) = &self.quote {
            env.push(("COPYDESK_E2E_QUOTE", quote.to_string()));
        }
        env
    }
}

fn gold_of(article: &Path) -> Value {
    let path = article.with_extension("json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gold_lines(gold: &Value) -> Vec<u64> {
    gold["boilerplate_lines"]
        .as_array()
        .map(|lines| lines.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// `PATH` with the directory of the freshly built `copydesk` first.
fn path_with_copydesk() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_copydesk"));
    let dir = bin.parent().expect("the binary has a directory");
    let rest = std::env::var("PATH").unwrap_or_default();
    format!("{}:{rest}", dir.display())
}

/// A fresh directory for one editor run's state files (logs, shada, ...).
fn scratch_dir(label: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("copydesk-e2e-{}-{label}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// What one editor run printed and how it ended.
struct Outcome {
    status: Option<i32>,
    output: String,
    elapsed: Duration,
}

impl Outcome {
    fn passed(&self) -> bool {
        self.status == Some(0)
    }
}

fn drain<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Run `command` to the end or until [`RUN_TIMEOUT`], collecting its output.
fn run(mut command: Command) -> Outcome {
    let started = Instant::now();
    let mut child: Child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the editor");
    let out = drain(child.stdout.take().expect("stdout"));
    let err = drain(child.stderr.take().expect("stderr"));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if started.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("waiting for the editor: {e}"),
        }
    };
    let mut output = out.join().unwrap_or_default();
    output.push_str(&err.join().unwrap_or_default());
    if status.is_none() {
        output.push_str(&format!(
            "\n(killed after {}s without finishing)\n",
            RUN_TIMEOUT.as_secs()
        ));
    }
    Outcome {
        status,
        output,
        elapsed: started.elapsed(),
    }
}

/// The first line of `program --version`, or None when it does not run.
fn version_line(program: &str) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(str::to_string)
}

/// (major, minor) from "NVIM v0.11.4".
fn nvim_version(line: &str) -> Option<(u32, u32)> {
    let v = line.split_whitespace().nth(1)?.trim_start_matches('v');
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

/// The Neovim binaries to test, one per distinct version.
fn neovims() -> BTreeMap<(u32, u32), String> {
    let mut candidates = Vec::new();
    if let Ok(explicit) = std::env::var("COPYDESK_NVIM") {
        candidates.push(explicit);
    }
    candidates.push("nvim".to_string());
    candidates.push("/usr/bin/nvim".to_string());
    let mut found = BTreeMap::new();
    for program in candidates {
        if let Some(version) = version_line(&program).as_deref().and_then(nvim_version) {
            found.entry(version).or_insert(program);
        }
    }
    found
}

/// Which registrations of the plugin to exercise on a Neovim version.
fn registrations(version: (u32, u32)) -> &'static [&'static str] {
    match version {
        (0, minor) if minor >= 11 => &["enable", "start", "runtime"],
        (0, minor) if minor >= 8 => &["start"],
        (0, 7) => &["start_client"],
        (0, _) => &[],
        _ => &["enable", "start", "runtime"],
    }
}

fn report(label: &str, outcome: &Outcome, failures: &mut Vec<String>) {
    if outcome.passed() {
        note(&format!(
            "{label}: passed in {:.1}s",
            outcome.elapsed.as_secs_f64()
        ));
        if flag("COPYDESK_E2E_VERBOSE") {
            note(&outcome.output);
        }
    } else {
        failures.push(format!(
            "{label}: exit {:?} after {:.1}s\n{}",
            outcome.status,
            outcome.elapsed.as_secs_f64(),
            outcome.output
        ));
    }
}

/// Neovim `program` running `script` headless with no user config, its
/// state files in `state`, copydesk on its PATH, registering the plugin
/// the `registration` way.
fn headless_nvim(program: &str, script: &Path, state: &Path, registration: &str) -> Command {
    let mut command = Command::new(program);
    command
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("PATH", path_with_copydesk())
        .env("XDG_STATE_HOME", state.join("state"))
        .env("XDG_DATA_HOME", state.join("data"))
        .env("XDG_CACHE_HOME", state.join("cache"))
        .env("XDG_CONFIG_HOME", state.join("config"))
        .env("COPYDESK_E2E_REGISTRATION", registration);
    command
}

#[test]
fn neovim_lsp_client_sees_copydesk() {
    let found = neovims();
    if !found.keys().any(|v| *v >= (0, 8)) {
        skip("no Neovim >= 0.8 found (nvim on PATH or COPYDESK_NVIM)");
    }
    if found.is_empty() {
        return;
    }
    let expectations = Expectations::load();
    let script = root().join("tests/editors/nvim_e2e.lua");
    let mut failures = Vec::new();
    for (version, program) in &found {
        for registration in registrations(*version) {
            let label = format!("Neovim {}.{} ({registration})", version.0, version.1);
            let state = scratch_dir("nvim");
            let mut command = headless_nvim(program, &script, &state, registration);
            command.current_dir(root()).envs(expectations.env());
            report(&label, &run(command), &mut failures);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn neovim_rereads_a_project_file_written_in_it() {
    let found = neovims();
    if found.is_empty() {
        skip("no Neovim found (nvim on PATH or COPYDESK_NVIM)");
        return;
    }
    let script = root().join("tests/editors/nvim_project_file.lua");
    let mut failures = Vec::new();
    for (version, program) in &found {
        for registration in registrations(*version) {
            let label = format!(
                "Neovim {}.{} ({registration}), project file",
                version.0, version.1
            );
            let state = scratch_dir("nvim-project");
            let work = state.join("desk");
            std::fs::create_dir_all(&work).expect("scratch dir");
            std::fs::write(
                work.join("a.txt"),
                "Library Opens Late\n\nThe library will stay open until 9 p.m. on Fridays.\n\n\
                 Advertisement\n\nShare this article\n\nThe change follows a survey of readers.\n",
            )
            .expect("article");
            std::fs::write(
                work.join(".copydesk.toml"),
                "[diagnostics]\ndisabled = [\"boilerplate/ad\"]\n",
            )
            .expect("project file");
            let mut command = headless_nvim(program, &script, &state, registration);
            command.current_dir(&work).env("COPYDESK_E2E_DIR", &work);
            report(&label, &run(command), &mut failures);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn emacs_eglot_sees_copydesk() {
    let program = std::env::var("COPYDESK_EMACS").unwrap_or_else(|_| "emacs".to_string());
    let Some(version) = version_line(&program) else {
        skip("Emacs not found (emacs on PATH or COPYDESK_EMACS)");
        return;
    };
    let expectations = Expectations::load();
    let script = root().join("tests/editors/eglot_e2e.el");
    let state = scratch_dir("emacs");
    let mut command = Command::new(&program);
    command
        .args(["--batch", "-Q", "-l"])
        .arg(&script)
        .current_dir(root())
        .env("PATH", path_with_copydesk())
        .env("HOME", &state)
        .envs(expectations.env());
    let mut failures = Vec::new();
    report(&version, &run(command), &mut failures);
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
