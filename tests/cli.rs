//! End-to-end tests of the command line: the real binary, real files, exit
//! codes and output formats; and runs over many inputs (directories walked
//! for articles, output in input order on any number of workers, JSON Lines
//! in and out).

use std::io::Write;
use std::path::{Path, PathBuf};
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

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("copydesk-batch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("temp subdir");
        }
        std::fs::write(path, text).expect("temp file");
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An article whose one furniture line names it, so each file's output
/// can be told apart.
fn article(n: usize) -> String {
    format!(
        "Ferry Timetable Changes, Part {n}\n\nThe harbour ferry will leave {n} minutes later from Monday, the operator said.\n\nAdvertisement\n\nRiders were told by e-mail on Tuesday.\n"
    )
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_directory_is_walked_in_name_order_honouring_gitignore() {
    let dir = TempDir::new("walk");
    dir.write("b.txt", &article(2));
    dir.write("a.md", &article(1));
    dir.write("sub/c.markdown", &article(3));
    dir.write("notes.json", &article(4));
    dir.write("drafts/d.txt", &article(5));
    dir.write(".gitignore", "drafts/\n");
    let out = copydesk_stdin(&["check", dir.path()], b"");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let files: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let path = l.split(':').next().unwrap_or_default();
            Path::new(path)
                .strip_prefix(dir.path())
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(files, ["a.md", "b.txt", "sub/c.markdown"]);
}

#[test]
fn parallel_output_equals_sequential_output() {
    let dir = TempDir::new("order");
    // Uneven sizes, so parallel workers finish out of order.
    for n in 0..40 {
        let text = article(n).repeat(1 + (n * 7) % 13);
        dir.write(&format!("{n:02}.txt"), &text);
    }
    let sequential = copydesk_stdin(&["analyze", "--format", "json", "-j", "1", dir.path()], b"");
    let parallel = copydesk_stdin(&["analyze", "--format", "json", "-j", "4", dir.path()], b"");
    assert_eq!(sequential.status.code(), Some(0));
    assert_eq!(stdout(&sequential), stdout(&parallel));
    let paths: Vec<String> = stdout(&parallel)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one object per line");
            v["path"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let expected: Vec<String> = (0..40)
        .map(|n| dir.0.join(format!("{n:02}.txt")).display().to_string())
        .collect();
    assert_eq!(paths, expected);
}

#[test]
fn jsonl_round_trips_ids_and_reports_bad_lines_by_number_without_stopping() {
    let input = format!(
        "{}\n{{not json\n\n{}\n{}\n",
        serde_json::json!({"id": "a-1", "text": article(1)}),
        serde_json::json!({"id": 7}),
        serde_json::json!({"id": [3, "b"], "text": article(3), "section": "city"}),
    );
    let out = copydesk_stdin(&["analyze", "--format", "jsonl", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad line makes the exit code 2"
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 4, "one output line per non-blank input line");
    assert_eq!(lines[0]["id"], "a-1");
    assert_eq!(lines[0]["diagnostics"][0]["text"], "Advertisement");
    assert_eq!(lines[0]["diagnostics"][0]["range"]["start"]["line"], 4);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("line 1 column 2"))
    );
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["id"], 7);
    assert!(
        lines[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("missing field `text`"))
    );
    assert_eq!(lines[3]["id"], serde_json::json!([3, "b"]));
    assert!(lines[3]["quotes"].is_array());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("copydesk: <stdin>:2: "), "{stderr}");
    assert!(stderr.contains("copydesk: <stdin>:4: "), "{stderr}");
}

#[test]
fn jsonl_output_equals_the_json_of_each_article() {
    let dir = TempDir::new("jsonl");
    let mut input = String::new();
    for n in 0..5 {
        dir.write(&format!("{n}.txt"), &article(n));
        input.push_str(&serde_json::json!({"id": n, "text": article(n)}).to_string());
        input.push('\n');
    }
    let out = copydesk_stdin(
        &["analyze", "--format", "jsonl", "-j", "3", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    for (n, line) in stdout(&out).lines().enumerate() {
        let mut from_jsonl: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let file = dir.0.join(format!("{n}.txt"));
        let single = copydesk_stdin(
            &["analyze", "--format", "json", file.to_str().unwrap_or("")],
            b"",
        );
        let mut from_file: serde_json::Value =
            serde_json::from_slice(&single.stdout).expect("JSON");
        assert_eq!(from_jsonl["id"], n);
        from_jsonl.as_object_mut().map(|o| o.remove("id"));
        from_file.as_object_mut().map(|o| o.remove("path"));
        assert_eq!(from_jsonl, from_file);
    }
}

#[test]
fn a_document_above_the_size_limit_is_named_not_analysed() {
    let out = copydesk_stdin(
        &["check", "--max-document-bytes", "100", "-"],
        WITH_AD.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with("<stdin>:1:1: information[copydesk/too-large] This document is 160 bytes, above the limit of 100 bytes"),
        "{stdout}"
    );
    let out = copydesk_stdin(
        &["check", "--max-document-bytes", "1000", "-"],
        WITH_AD.as_bytes(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[boilerplate/ad]"), "{stdout}");
}

/// The 0-based line of "Advertisement" in [`WITH_AD`].
const AD_LINE: u64 = 4;

#[test]
fn check_sarif_is_one_valid_2_1_0_log_with_a_rule_per_code() {
    let with_ad = TempFile::new("sarif-ad.txt", WITH_AD.as_bytes());
    let clean = TempFile::new("sarif-clean.txt", CLEAN.as_bytes());
    let out = copydesk(&["check", "--format", "sarif", with_ad.path(), clean.path()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The schema crate's types (generated from the SARIF 2.1.0 schema)
    // accept it: required properties present, enums and types right.
    let typed: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("valid SARIF 2.1.0");
    assert_eq!(typed.runs.len(), 1);
    let log: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "one finding in two files: {results:?}");
    let result = &results[0];
    assert_eq!(result["ruleId"], "boilerplate/ad");
    let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], "boilerplate/ad");
    assert_eq!(result["level"], "warning");
    let location = &result["locations"][0]["physicalLocation"];
    assert!(
        location["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("sarif-ad.txt"))
    );
    // 1-based lines and columns, the whole "Advertisement" line
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": AD_LINE + 1, "startColumn": 1,
                           "endLine": AD_LINE + 1, "endColumn": 14})
    );
}

#[test]
fn check_github_prints_one_workflow_command_per_diagnostic() {
    let file = TempFile::new("github-ad.txt", WITH_AD.as_bytes());
    let out = copydesk(&["check", "--format", "github", file.path()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let path = file.path().replace(':', "%3A").replace(',', "%2C");
    assert_eq!(
        stdout,
        format!(
            "::warning file={path},line=5,col=1,endLine=5,endColumn=14,\
             title=boilerplate/ad::Looks like an advertisement marker, not article text (by its wording)\n"
        )
    );
}

#[test]
fn check_json_names_the_path_of_every_object() {
    let file = TempFile::new("json-ad.txt", WITH_AD.as_bytes());
    let out = copydesk(&["check", "--format", "json", file.path()]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["path"], file.path());
    assert_eq!(report["diagnostics"][0]["code"], "boilerplate/ad");
}

#[test]
fn fail_on_sets_the_least_severity_that_fails_the_run() {
    let file = TempFile::new("fail-on.txt", WITH_AD.as_bytes());
    // the finding is a warning
    for (fail_on, code) in [("info", 1), ("warning", 1), ("error", 0), ("never", 0)] {
        let out = copydesk(&["check", "--fail-on", fail_on, file.path()]);
        assert_eq!(out.status.code(), Some(code), "--fail-on {fail_on}");
        assert!(!out.stdout.is_empty(), "findings are printed either way");
    }
    // an unreadable input still exits 2
    let out = copydesk(&["check", "--fail-on", "never", "/nonexistent/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn disable_rejects_an_unknown_code_and_names_the_nearest() {
    let file = TempFile::new("disable.txt", WITH_AD.as_bytes());
    let out = copydesk(&["check", "--disable", "boilerplate/adv", file.path()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stderr.contains("unknown code `boilerplate/adv`; did you mean `boilerplate/ad`?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing is checked");
    let out = copydesk(&["check", "--disable", "boilerplate/ad", file.path()]);
    assert_eq!(out.status.code(), Some(0), "a known code is switched off");
}

/// Articles of the genres whose short lines and loose sentences are
/// content (a listicle, race results, a Q&A transcript, a live blog,
/// letters, corrections): written for this test, and not in the fit of the
/// furniture score (`data/model/furniture-negatives` holds other texts).
#[test]
fn articles_of_every_genre_get_no_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the clean fixtures are there")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6, "{files:?}");
    for file in files {
        let path = file.to_str().expect("a UTF-8 path");
        let out = copydesk(&["check", path]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout, "", "{path}");
        assert_eq!(out.status.code(), Some(0), "{path}");
    }
}
