//! `.copydesk.toml` end to end: the command line finds it walking up from
//! each input, applies its overrides by path and lets flags add to it; the
//! server reads it from the workspace folder, lets the editor's settings
//! win, picks up a change without a restart, and keeps running (on the
//! valid part) when it is wrong. Every tree here is built in a temporary
//! directory by the test itself.

mod common;

use common::Server;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "Library Opens Late on Fridays\n\nThe town library will stay open until 9 p.m. on Fridays from next month.\n\nAdvertisement\n\nShare this article\n\nThe change follows a survey of readers.\n";

/// A fresh directory tree for one test, removed when dropped.
struct Tree(PathBuf);

impl Tree {
    fn new(name: &str) -> Tree {
        let root =
            std::env::temp_dir().join(format!("copydesk-project-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("temp dir");
        Tree(root)
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("dirs");
        std::fs::write(&path, text).expect("file");
        path
    }

    fn uri(&self, relative: &str) -> String {
        format!("file://{}", self.0.join(relative).display())
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copydesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the copydesk binary runs")
}

/// The codes `check` printed, in order.
fn codes(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| Some(l.split('[').nth(1)?.split(']').next()?.to_string()))
        .collect()
}

const PROJECT: &str = "[diagnostics]\ndisabled = [\"boilerplate/share\"]\n\n\
                       [[overrides]]\npaths = [\"archive/**\"]\n\
                       diagnostics = { disabled = [\"boilerplate\"] }\n";

#[test]
fn the_cli_walks_up_applies_overrides_by_path_and_flags_add_to_the_file() {
    let tree = Tree::new("cli");
    tree.write(".copydesk.toml", PROJECT);
    tree.write("desk/today/a.txt", ARTICLE);
    tree.write("archive/2019/b.txt", ARTICLE);
    // walked up from desk/today: share is off, the ad is reported
    let out = copydesk(&tree.0, &["check", "desk/today/a.txt"]);
    assert_eq!(codes(&out), ["boilerplate/ad"]);
    assert_eq!(out.status.code(), Some(1));
    // the override switches the whole family off under archive/
    let out = copydesk(&tree.0, &["check", "archive/2019/b.txt"]);
    assert_eq!(codes(&out), Vec::<String>::new());
    assert_eq!(out.status.code(), Some(0));
    // a flag adds to the file
    let out = copydesk(
        &tree.0,
        &["check", "--disable", "boilerplate/ad", "desk/today/a.txt"],
    );
    assert_eq!(out.status.code(), Some(0));
    // --no-config ignores it
    let out = copydesk(&tree.0, &["check", "--no-config", "desk/today/a.txt"]);
    assert_eq!(codes(&out), ["boilerplate/ad", "boilerplate/share"]);
    // a nearer file wins over the outer one
    tree.write("desk/.copydesk.toml", "[diagnostics]\ndisabled = []\n");
    let out = copydesk(&tree.0, &["check", "desk/today/a.txt"]);
    assert_eq!(codes(&out), ["boilerplate/ad", "boilerplate/share"]);
}

#[test]
fn an_unknown_key_or_code_is_an_error_naming_the_file_and_line() {
    let tree = Tree::new("errors");
    let file = tree.write(
        ".copydesk.toml",
        "[diagnostics]\nfragments = true\ndisabld = []\n",
    );
    tree.write("a.txt", ARTICLE);
    let out = copydesk(&tree.0, &["check", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:3: unknown key `diagnostics.disabld`",
            file.display()
        )),
        "{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is checked with a broken project file"
    );
    tree.write(
        ".copydesk.toml",
        "[diagnostics]\n\ndisabled = [\"boilerplate/shar\"]\n",
    );
    let out = copydesk(&tree.0, &["check", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":3: diagnostics.disabled: unknown code `boilerplate/shar`; did you mean `boilerplate/share`?"),
        "{stderr}"
    );
}

#[test]
fn config_prints_the_effective_settings_and_their_sources() {
    let tree = Tree::new("config");
    let file = tree.write(".copydesk.toml", PROJECT);
    tree.write("archive/b.txt", ARTICLE);
    let out = copydesk(&tree.0, &["config", "archive/b.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = |key: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("diagnostics.disabled = [\"boilerplate\"]")
            .ends_with(&format!("# {} [[overrides]] archive/**", file.display())),
        "{stdout}"
    );
    assert!(
        line("diagnostics.fragments = true").ends_with("# default"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("# project file: {}", file.display())),
        "{stdout}"
    );
}

#[test]
fn a_broken_file_is_reported_once_however_many_inputs_it_governs() {
    let tree = Tree::new("once");
    tree.write(".copydesk.toml", "[diagnostics]\ndisabld = []\n");
    for name in ["a.txt", "b.txt", "desk/c.md"] {
        tree.write(name, ARTICLE);
    }
    let out = copydesk(&tree.0, &["check", "a.txt", "b.txt", "."]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("unknown key `diagnostics.disabld`").count(),
        1,
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing is checked");
}

#[test]
fn a_directory_walk_reads_the_extensions_the_project_adds() {
    let tree = Tree::new("extensions");
    tree.write("desk/a.txt", ARTICLE);
    tree.write("desk/b.rst", ARTICLE);
    tree.write("desk/c.json", ARTICLE);
    let walked = |out: &Output| {
        let mut files: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| Some(l.split(':').next()?.to_string()))
            .collect();
        files.dedup();
        files
    };
    let out = copydesk(&tree.0, &["check", "desk"]);
    assert_eq!(walked(&out), ["desk/a.txt"]);
    tree.write(".copydesk.toml", "[files]\nextensions = [\".RST\"]\n");
    let out = copydesk(&tree.0, &["check", "desk"]);
    assert_eq!(walked(&out), ["desk/a.txt", "desk/b.rst"]);
    let config = copydesk(&tree.0, &["config", "desk/b.rst"]);
    assert!(
        String::from_utf8_lossy(&config.stdout).contains("files.extensions = [\"rst\"]"),
        "{}",
        String::from_utf8_lossy(&config.stdout)
    );
    tree.write(
        ".copydesk.toml",
        "[files]\nextensions = [\n  \"rst\",\n  \"*.txt\",\n]\n",
    );
    let out = copydesk(&tree.0, &["check", "desk"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".copydesk.toml:4: files.extensions: `*.txt` is not an extension"),
        "{stderr}"
    );
    // a directory of only the added extension, under a broken file, is
    // an error, not an empty run
    tree.write("rst-only/d.rst", ARTICLE);
    tree.write(
        ".copydesk.toml",
        "[files]\nextensions = [\"rst\"]\ncolour = 1\n",
    );
    let out = copydesk(&tree.0, &["check", "rst-only"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(".copydesk.toml:3: unknown key `files.colour`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn config_takes_the_flags_check_takes() {
    let tree = Tree::new("config-flags");
    tree.write(
        ".copydesk.toml",
        "[diagnostics]\ndisabled = [\"fragment\"]\n",
    );
    let out = copydesk(
        &tree.0,
        &[
            "config",
            "--disable",
            "boilerplate/ad",
            "--max-document-bytes",
            "99",
            ".",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("diagnostics.disabled = [\"fragment\", \"boilerplate/ad\"]"),
        "{stdout}"
    );
    assert!(stdout.contains("+ --disable"), "{stdout}");
    assert!(
        stdout.lines().any(
            |l| l.starts_with("maxDocumentBytes = 99") && l.ends_with("# --max-document-bytes")
        ),
        "{stdout}"
    );
    let out = copydesk(&tree.0, &["config", "--no-config", "."]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("diagnostics.disabled = []"),
        "--no-config leaves the file out"
    );
    let out = copydesk(&tree.0, &["config", "--disable", "fragmnt", "."]);
    assert_eq!(out.status.code(), Some(2), "a mistyped code is refused");
}

/// A server started in `tree` as its workspace folder, the client able to
/// watch files.
fn server_in(tree: &Tree, options: Value) -> Server {
    let mut server = Server::spawn();
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let folders = json!([{"uri": tree.uri(""), "name": "news"}]);
    server.initialize_in(capabilities, options, folders);
    server
}

fn diagnostic_codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_server_reads_the_workspace_file_and_picks_up_a_change() {
    let tree = Tree::new("server");
    let project = tree.write(".copydesk.toml", PROJECT);
    let mut server = server_in(&tree, Value::Null);
    // it asks the client to watch project files
    let registration = server.wait_for_server_request("client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    server.respond(&registration["id"], Value::Null);
    let today = tree.uri("today/a.txt");
    server.open(&today, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&today, 1)),
        ["boilerplate/ad"]
    );
    let old = tree.uri("archive/b.txt");
    server.open(&old, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&old, 1)),
        Vec::<String>::new()
    );
    // the file changes: nothing is disabled any more
    std::fs::write(&project, "[diagnostics]\ndisabled = []\n").expect("rewrite");
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": tree.uri(".copydesk.toml"), "type": 2}]}),
    );
    server.change(&today, 2, vec![]);
    let codes = diagnostic_codes(&server.wait_for_diagnostics(&today, 2));
    assert_eq!(codes, ["boilerplate/ad", "boilerplate/share"]);
    server.shutdown_and_exit();
}

#[test]
fn editor_settings_win_over_the_file() {
    let tree = Tree::new("precedence");
    tree.write(".copydesk.toml", PROJECT);
    let mut server = server_in(
        &tree,
        json!({"diagnostics": {"disabled": ["boilerplate/ad"]}}),
    );
    let today = tree.uri("today/a.txt");
    server.open(&today, 1, ARTICLE);
    // the editor's list replaces the file's: the ad is off, share is on
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&today, 1)),
        ["boilerplate/share"]
    );
    server.shutdown_and_exit();
}

#[test]
fn a_wrong_file_is_shown_once_and_the_server_runs_on_its_valid_part() {
    let tree = Tree::new("wrong");
    tree.write(
        ".copydesk.toml",
        "colour = 1\n[diagnostics]\ndisabled = [\"boilerplate/share\"]\n",
    );
    let mut server = server_in(&tree, Value::Null);
    let message = server.wait_for_show_message();
    let text = message["params"]["message"].as_str().unwrap_or_default();
    assert!(
        text.contains(".copydesk.toml:1: unknown key `colour`"),
        "{text}"
    );
    let today = tree.uri("today/a.txt");
    server.open(&today, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&today, 1)),
        ["boilerplate/ad"]
    );
    server.shutdown_and_exit();
}

#[test]
fn each_workspace_folder_follows_its_own_file() {
    let tree = Tree::new("folders");
    tree.write(
        "sports/.copydesk.toml",
        "[diagnostics]\ndisabled = [\"boilerplate/ad\"]\n",
    );
    tree.write(
        "politics/.copydesk.toml",
        "[diagnostics]\ndisabled = [\"boilerplate/share\"]\n",
    );
    let mut server = Server::spawn();
    let folders = json!([
        {"uri": tree.uri("sports"), "name": "sports"},
        {"uri": tree.uri("politics"), "name": "politics"},
        {"uri": tree.uri("outside"), "name": "outside"},
    ]);
    server.initialize_in(json!({}), Value::Null, folders);
    let sports = tree.uri("sports/a.txt");
    server.open(&sports, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&sports, 1)),
        ["boilerplate/share"]
    );
    let politics = tree.uri("politics/desk/b.txt");
    server.open(&politics, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&politics, 1)),
        ["boilerplate/ad"],
        "the second folder's file, not the first's"
    );
    let outside = tree.uri("outside/c.txt");
    server.open(&outside, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&outside, 1)),
        ["boilerplate/ad", "boilerplate/share"],
        "a folder without a file has the defaults"
    );
    server.shutdown_and_exit();
}

#[test]
fn saving_the_file_is_picked_up_where_the_client_cannot_watch_files() {
    let tree = Tree::new("save");
    let project = tree.write(".copydesk.toml", PROJECT);
    let mut server = Server::spawn();
    let folders = json!([{"uri": tree.uri(""), "name": "news"}]);
    server.initialize_in(json!({}), Value::Null, folders);
    let today = tree.uri("today/a.txt");
    server.open(&today, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&today, 1)),
        ["boilerplate/ad"]
    );
    std::fs::write(&project, "[diagnostics]\ndisabled = [\"boilerplate/ad\"]\n").expect("rewrite");
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": tree.uri(".copydesk.toml")}}),
    );
    server.change(&today, 2, vec![]);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&today, 2)),
        ["boilerplate/share"]
    );
    server.shutdown_and_exit();
}

#[test]
fn a_workspace_folder_added_later_brings_its_file() {
    let tree = Tree::new("added-folder");
    tree.write(
        "sports/.copydesk.toml",
        "[diagnostics]\ndisabled = [\"boilerplate/ad\"]\n",
    );
    let mut server = Server::spawn();
    let answer = server.initialize_in(json!({}), Value::Null, json!([]));
    assert_eq!(
        answer["capabilities"]["workspace"]["workspaceFolders"]["changeNotifications"],
        true
    );
    let sports = tree.uri("sports/a.txt");
    server.open(&sports, 1, ARTICLE);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&sports, 1)),
        ["boilerplate/ad", "boilerplate/share"],
        "no folder yet: the defaults"
    );
    server.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": tree.uri("sports"), "name": "sports"}], "removed": []}}),
    );
    server.change(&sports, 2, vec![]);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&sports, 2)),
        ["boilerplate/share"]
    );
    server.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": tree.uri("sports"), "name": "sports"}]}}),
    );
    server.change(&sports, 3, vec![]);
    assert_eq!(
        diagnostic_codes(&server.wait_for_diagnostics(&sports, 3)),
        ["boilerplate/ad", "boilerplate/share"],
        "the folder removed, its file no longer applies"
    );
    server.shutdown_and_exit();
}
