//! End-to-end tests of the command line: the real binary, real files, exit
//! codes and output formats.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .output()
        .expect("the copydesk binary runs")
}

fn copydesk_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin accepts the input");
    child.wait_with_output().expect("copydesk finishes")
}

/// A temporary file holding `bytes`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let dir = std::env::temp_dir().join(format!("copydesk-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const WITH_AD: &str = "Library Opens Late on Fridays\n\nThe town library will stay open until 9 p.m. on Fridays from next month.\n\nAdvertisement\n\nThe change follows a survey of readers.\n";
const CLEAN: &str = "Library Opens Late on Fridays\n\nThe town library will stay open until 9 p.m. on Fridays from next month.\n\nThe change follows a survey of readers.\n";

#[test]
fn check_prints_one_line_per_diagnostic_and_exits_1() {
    let file = TempFile::new("with-ad.txt", WITH_AD.as_bytes());
    let out = copydesk(&["check", file.path()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [format!(
            "{}:5:1: warning[boilerplate/ad] Looks like an advertisement marker, not article text (by its wording)",
            file.path()
        )]
    );
}

#[test]
fn check_exits_0_on_clean_copy() {
    let file = TempFile::new("clean.txt", CLEAN.as_bytes());
    let out = copydesk(&["check", file.path()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_utf8_is_named_and_other_files_are_still_checked() {
    let bad = TempFile::new("bad.txt", b"Headline\n\nCaf\xe9 owners met.\n");
    let good = TempFile::new("good-after-bad.txt", WITH_AD.as_bytes());
    let out = copydesk(&["check", bad.path(), good.path()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: not valid UTF-8 (first bad byte at offset 13)",
            bad.path()
        )),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("good-after-bad.txt:5:1: warning[boilerplate/ad]"),
        "{stdout}"
    );
}

#[test]
fn missing_file_and_usage_errors_exit_2() {
    let out = copydesk(&["check", "/nonexistent/copydesk/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("/nonexistent/copydesk/article.txt: cannot read")
    );

    let out = copydesk(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = copydesk(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = copydesk(&["check", "--boilerplate-pattern", "/(/", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid boilerplate pattern"));
}

#[test]
fn help_and_version() {
    let out = copydesk(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("copydesk {}", env!("CARGO_PKG_VERSION"))
    );
    let out = copydesk(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for command in ["analyze", "check", "lsp"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn json_follows_the_contract_with_utf16_columns() {
    // The emoji is two UTF-16 code units: "Advertisement" starts at column 0
    // of line 4 either way, but the quote on line 2 starts after it.
    let text = "Headline\n\n😀 “Keep going,” said Ann Lee.\n\nAdvertisement\n";
    let out = copydesk_stdin(&["analyze", "--format", "json", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("analyze prints one JSON object");
    let diagnostics = value["diagnostics"].as_array().expect("diagnostics list");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["code"], "boilerplate/ad");
    assert_eq!(diagnostics[0]["severity"], "warning");
    assert_eq!(diagnostics[0]["text"], "Advertisement");
    assert_eq!(
        diagnostics[0]["range"],
        serde_json::json!({"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 13}})
    );
    let quotes = value["quotes"].as_array().expect("quotes list");
    let quote = quotes[0]["text"].as_str().expect("quote text");
    assert!(quote.starts_with("Keep going"), "{quote}");
    assert_eq!(
        quotes[0]["range"]["start"],
        serde_json::json!({"line": 2, "character": 3})
    );
    assert!(value["entities"].is_array());
}

#[test]
fn text_report_lists_diagnostics() {
    let out = copydesk_stdin(&["analyze", "-"], WITH_AD.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("<stdin>\n"), "{stdout}");
    assert!(stdout.contains("line    5  boilerplate/ad"), "{stdout}");
}
