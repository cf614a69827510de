//! A small LSP client for the integration tests: it spawns the real
//! `copydesk lsp` binary and talks JSON-RPC over its stdio, so a test reads
//! like a conversation: initialize, open, change, request, wait for the
//! diagnostics of a version.
//!
//! A reader thread parses the server's frames into a channel; every
//! `publishDiagnostics` seen is also logged in arrival order so tests can
//! check that versions never go backwards. The module also models the
//! client's side of the text (applying edits with its own position
//! conversion, independent of the server's) to compute expected ranges.
#![allow(dead_code)] // each test binary uses a different part of the helper

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any single wait for the server may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Columns counted as the client negotiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

/// One published set of diagnostics, as logged.
#[derive(Debug, Clone)]
pub struct Published {
    pub uri: String,
    pub version: Option<i64>,
    pub diagnostics: Vec<Value>,
}

pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    /// Messages with the moment their last byte was read (before parsing).
    incoming: Receiver<(Instant, Value)>,
    /// Messages read but not yet consumed by a wait.
    backlog: VecDeque<(Instant, Value)>,
    /// When the message last returned by a wait had arrived (the latency
    /// bench measures to this point, not to the end of parsing).
    pub last_arrival: Option<Instant>,
    /// Every publishDiagnostics received so far, in order.
    pub published: Vec<Published>,
    next_id: i64,
}

impl Server {
    /// Spawn `copydesk lsp --stdio` (debounce left at its default).
    pub fn spawn() -> Server {
        Server::spawn_with_env(&[])
    }

    pub fn spawn_with_env(env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        command
            .args(["lsp", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("spawn copydesk lsp");
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Server {
            stdin: child.stdin.take(),
            child,
            incoming: rx,
            backlog: VecDeque::new(),
            last_arrival: None,
            published: Vec::new(),
            next_id: 1,
        }
    }

    // ---- sending -------------------------------------------------------

    /// Write raw bytes to the server's stdin (for malformed input).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush to server");
    }

    /// Send one body with a correct Content-Length header.
    pub fn send_body(&mut self, body: &[u8]) {
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(body);
        self.send_raw(&frame);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_body(body.to_string().as_bytes());
    }

    /// Send a request and return its id without waiting.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_body(body.to_string().as_bytes());
        id
    }

    /// Send a request and wait for its whole response message.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_for_response(id)
    }

    /// Send a request and return its `result`, failing on an error reply.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    // ---- the conversation ----------------------------------------------

    /// initialize + initialized. `utf8` offers UTF-8 positions (the server
    /// must pick them); otherwise nothing is offered (UTF-16).
    pub fn initialize(&mut self, utf8: bool, options: Value) -> Value {
        let general = if utf8 {
            json!({"positionEncodings": ["utf-8", "utf-16"]})
        } else {
            json!({})
        };
        self.initialize_with(json!({"general": general}), options)
    }

    /// initialize + initialized with the given client capabilities.
    pub fn initialize_with(&mut self, capabilities: Value, options: Value) -> Value {
        self.initialize_in(capabilities, options, Value::Null)
    }

    /// initialize + initialized with capabilities, options and the
    /// workspace folders (`[{"uri": ..., "name": ...}]` or null).
    pub fn initialize_in(&mut self, capabilities: Value, options: Value, folders: Value) -> Value {
        let result = self.call(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
                "workspaceFolders": folders,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// Answer a request the server sent to the client.
    pub fn respond(&mut self, id: &Value, result: Value) {
        let body = json!({"jsonrpc": "2.0", "id": id, "result": result});
        self.send_body(body.to_string().as_bytes());
    }

    /// The next request from the server to the client with `method`.
    pub fn wait_for_server_request(&mut self, method: &str) -> Value {
        self.wait_for(&format!("a {method} request"), |m| {
            m["method"] == json!(method) && m.get("id").is_some()
        })
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.open_as(uri, version, text, "plaintext");
    }

    /// didOpen with the editor's language id (`markdown`, `plaintext`).
    pub fn open_as(&mut self, uri: &str, version: i64, text: &str, language_id: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": uri, "languageId": language_id, "version": version, "text": text
            }}),
        );
    }

    /// didChange with the given content changes (see [`edit`]).
    pub fn change(&mut self, uri: &str, version: i64, changes: Vec<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": changes,
            }),
        );
    }

    pub fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }

    pub fn code_actions(&mut self, uri: &str, range: Value) -> Value {
        self.call(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": range,
                "context": {"diagnostics": []},
            }),
        )
    }

    /// shutdown + exit; the exit status of the server.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        let result = self.call("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Wait for the process to end (after exit, or after closing stdin).
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Close the server's stdin (end of input).
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    // ---- waiting ---------------------------------------------------------

    /// The next message matching `wanted`, keeping the others for later.
    pub fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(|(_, m)| wanted(m)) {
            let (arrival, message) = self.backlog.remove(i).expect("index in range");
            self.last_arrival = Some(arrival);
            return message;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok((arrival, message)) => {
                    self.log_publication(&message);
                    if wanted(&message) {
                        self.last_arrival = Some(arrival);
                        return message;
                    }
                    self.backlog.push_back((arrival, message));
                }
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed its output while waiting for {what}")
                }
            }
        }
    }

    pub fn wait_for_response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to request {id}"), |m| {
            m.get("method").is_none() && m["id"] == json!(id)
        })
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn wait_for_diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri} version {version}"), |m| {
            is_publication(m)
                && m["params"]["uri"] == json!(uri)
                && m["params"]["version"] == json!(version)
        });
        diagnostics_of(&message)
    }

    /// The next diagnostics published for `uri`, whatever their version.
    pub fn wait_for_any_diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(&format!("diagnostics of {uri}"), |m| {
            is_publication(m) && m["params"]["uri"] == json!(uri)
        })
    }

    /// The next `window/showMessage` notification.
    pub fn wait_for_show_message(&mut self) -> Value {
        self.wait_for("a window/showMessage", |m| {
            m["method"] == "window/showMessage"
        })
    }

    /// Read everything the server sends during `quiet`, logging publications.
    pub fn drain_for(&mut self, quiet: Duration) {
        let deadline = Instant::now() + quiet;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.incoming.recv_timeout(left) {
                Ok((arrival, message)) => {
                    self.log_publication(&message);
                    self.backlog.push_back((arrival, message));
                }
                Err(_) => return,
            }
        }
    }

    fn log_publication(&mut self, message: &Value) {
        if is_publication(message) {
            self.published.push(Published {
                uri: message["params"]["uri"].as_str().unwrap_or("").to_string(),
                version: message["params"]["version"].as_i64(),
                diagnostics: diagnostics_of(message),
            });
        }
    }

    /// The server's process id (the latency bench reads its peak memory).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the server process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_publication(message: &Value) -> bool {
    message["method"] == "textDocument/publishDiagnostics"
}

fn diagnostics_of(message: &Value) -> Vec<Value> {
    message["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Read one `Content-Length` frame with the moment its last byte arrived;
/// `None` at the end of the stream.
fn read_frame(reader: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let arrival = Instant::now();
    Some((arrival, serde_json::from_slice(&body).ok()?))
}

// ---- positions and edits, from the client's side ----------------------

pub fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

pub fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": position(l0, c0), "end": position(l1, c1)})
}

/// A content change replacing `range` with `text`.
pub fn edit(range: Value, text: &str) -> Value {
    json!({"range": range, "text": text})
}

/// The width of `s` in columns of `enc`.
pub fn units(s: &str, enc: Enc) -> u32 {
    let n = match enc {
        Enc::Utf8 => s.len(),
        Enc::Utf16 => s.encode_utf16().count(),
    };
    u32::try_from(n).expect("short line")
}

/// The byte offset of an LSP position in `text` (lines split on `\n`;
/// positions in range, as this client only sends valid ones).
pub fn offset(text: &str, pos: &Value, enc: Enc) -> usize {
    let line = pos["line"].as_u64().expect("line") as usize;
    let character = pos["character"].as_u64().expect("character") as usize;
    let mut start = 0;
    for _ in 0..line {
        start += text[start..].find('\n').expect("line exists") + 1;
    }
    let mut col = 0;
    for (i, c) in text[start..].char_indices() {
        if col >= character || c == '\n' {
            return start + i;
        }
        col += match enc {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        };
    }
    text.len()
}

/// Apply text edits (all against `text`) the way a client would.
pub fn apply_edits(text: &str, edits: &[Value], enc: Enc) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], enc),
                offset(text, &e["range"]["end"], enc),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// Apply one didChange content change to the client's copy of the text.
pub fn apply_change(text: &mut String, change: &Value, enc: Enc) {
    let start = offset(text, &change["range"]["start"], enc);
    let end = offset(text, &change["range"]["end"], enc);
    text.replace_range(start..end, change["text"].as_str().expect("text"));
}

/// The range of line `line`'s content (no line break), in `enc` columns.
pub fn line_range(text: &str, line: usize, enc: Enc) -> Value {
    let content = text.split('\n').nth(line).expect("line exists");
    let content = content.strip_suffix('\r').unwrap_or(content);
    let l = u32::try_from(line).expect("small");
    range(l, 0, l, units(content, enc))
}

/// The diagnostics of the boilerplate family only (other families, such as
/// fragments, are tested elsewhere and must not disturb these tests).
pub fn boilerplate(diagnostics: &[Value]) -> Vec<Value> {
    diagnostics
        .iter()
        .filter(|d| {
            d["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("boilerplate"))
        })
        .cloned()
        .collect()
}

/// The code actions titled "Remove boilerplate line".
pub fn removals(actions: &Value) -> Vec<Value> {
    actions
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|a| a["title"] == "Remove boilerplate line")
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The start lines of the diagnostics whose code starts with `family`.
pub fn lines_of(diagnostics: &[Value], family: &str) -> Vec<u64> {
    diagnostics
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with(family)))
        .map(|d| d["range"]["start"]["line"].as_u64().expect("line"))
        .collect()
}

// ---- the shared corpus ---------------------------------------------------

/// A file of `../shared/`, or `None` with a printed note when the corpus is
/// not there (a user's clone has no `../shared`).
pub fn shared_file(relative: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            // Written to the stderr handle, not with `eprintln!`, so the note
            // shows even though the test passes (the harness captures the
            // macros only).
            let _ = writeln!(
                std::io::stderr(),
                "note: skipping: {} is not available (the shared corpus is only present in CI)",
                path.display()
            );
            None
        }
    }
}
