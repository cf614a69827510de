//! The server under hostile or sloppy clients: malformed frames and bodies,
//! out-of-range positions, positions inside surrogate pairs, unknown
//! documents, bursts of edits, and the exit protocol. After each abuse the
//! server must still answer the next request.

mod common;

use std::time::Duration;

use common::{Enc, Server, boilerplate, edit, line_range, range, removals};
use serde_json::{Value, json};

const URI: &str = "file:///notes/harbour.txt";
const TEXT: &str = "Harbour Council Approves Late Ferry Crossings\n\nCouncillors voted on Tuesday to add two evening crossings.\n\nAdvertisement\n\nThe crossings start in March.\n";

fn started() -> Server {
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    server
}

/// The server still answers a request after whatever came before.
fn assert_answers(server: &mut Server) {
    let result = server.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(result["kind"], "full");
}

fn error_code(response: &Value) -> i64 {
    response["error"]["code"].as_i64().expect("an error reply")
}

/// The next error reply with a null id.
fn wait_for_null_id_error(server: &mut Server) -> Value {
    server.wait_for("an error reply with id null", |m| {
        m.get("error").is_some() && m["id"].is_null()
    })
}

#[test]
fn a_body_that_is_not_json_gets_a_parse_error_and_the_session_goes_on() {
    let mut server = started();
    server.open(URI, 1, TEXT);
    server.send_body(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ");
    let reply = wait_for_null_id_error(&mut server);
    assert_eq!(error_code(&reply), -32700);
    server.send_body("\u{1F600} not json at all".as_bytes());
    assert_eq!(error_code(&wait_for_null_id_error(&mut server)), -32700);
    assert_answers(&mut server);
}

#[test]
fn json_that_is_not_json_rpc_gets_invalid_request_with_its_id() {
    let mut server = started();
    server.send_body(br#"{"jsonrpc": "1.0", "id": 41, "method": "shutdown"}"#);
    let reply = server.wait_for_response(41);
    assert_eq!(error_code(&reply), -32600);
    server.send_body(b"[1, 2, 3]");
    assert_eq!(error_code(&wait_for_null_id_error(&mut server)), -32600);
    assert_answers(&mut server);
}

#[test]
fn broken_headers_are_skipped_and_reading_resynchronises() {
    let mut server = started();
    server.open(URI, 1, TEXT);
    // A length that is not a number, with a body after it.
    server.send_raw(b"Content-Length: twelve\r\n\r\n{\"jsonrpc\":\"2.0\"}\r\n");
    assert_eq!(error_code(&wait_for_null_id_error(&mut server)), -32700);
    // No length at all, the body glued to the next header.
    server.send_raw(b"Content-Type: application/json\r\n\r\n{\"x\":1}");
    assert_eq!(error_code(&wait_for_null_id_error(&mut server)), -32700);
    // A length far over the limit, and no such body.
    server.send_raw(b"Content-Length: 99999999999\r\n\r\n");
    assert_eq!(error_code(&wait_for_null_id_error(&mut server)), -32700);
    assert_answers(&mut server);
}

#[test]
fn out_of_range_positions_are_clamped() {
    let mut server = started();
    server.open(URI, 1, TEXT);
    server.wait_for_diagnostics(URI, 1);
    let far = common::position(9_999, 9_999);
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": far}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    let actions = server.code_actions(URI, range(4, 0, 99_999, 99_999));
    assert_eq!(removals(&actions).len(), 1, "{actions}");

    // An edit past the end appends; one past a line's end goes to its end.
    server.change(
        URI,
        2,
        vec![
            edit(range(500, 3, 600, 0), "\nAdvertisement\n"),
            edit(range(2, 400, 2, 500), " Late."),
        ],
    );
    let diagnostics = boilerplate(&server.wait_for_diagnostics(URI, 2));
    let mut expected = TEXT.replace("crossings.\n\nAdv", "crossings. Late.\n\nAdv");
    expected.push_str("\nAdvertisement\n");
    assert_eq!(common::lines_of(&diagnostics, "boilerplate"), &[4, 8]);
    assert_eq!(
        diagnostics[0]["range"],
        line_range(&expected, 4, Enc::Utf16)
    );
    assert_answers(&mut server);
}

#[test]
fn a_position_inside_a_surrogate_pair_moves_to_the_start_of_the_character() {
    let line = "😀 The ferry crossings start in March, officials said.";
    let mut server = Server::spawn();
    server.initialize(
        false,
        json!({"boilerplate": {"patterns": ["/^X😀 The ferry/"]}}),
    );
    server.open(URI, 1, &format!("Headline\n\n{line}\n"));
    assert!(boilerplate(&server.wait_for_diagnostics(URI, 1)).is_empty());
    // UTF-16 column 1 is between the two halves of 😀.
    server.change(URI, 2, vec![edit(range(2, 1, 2, 1), "X")]);
    let diagnostics = boilerplate(&server.wait_for_diagnostics(URI, 2));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "boilerplate/custom");
    // "X" before the emoji: one UTF-16 unit more than the line had.
    let width = common::units(line, Enc::Utf16) + 1;
    assert_eq!(diagnostics[0]["range"], range(2, 0, 2, width));
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": common::position(2, 2)}),
    );
    assert!(hover.get("error").is_none());
}

#[test]
fn unknown_documents_get_empty_answers_and_their_changes_are_ignored() {
    let mut server = started();
    let unknown = "file:///never/opened.txt";
    server.change(unknown, 7, vec![edit(range(0, 0, 0, 0), "x")]);
    server.close(unknown);
    let hover = server.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": unknown}, "position": common::position(0, 0)}),
    );
    assert_eq!(hover, Value::Null);
    let symbols = server.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": unknown}}),
    );
    assert_eq!(symbols, Value::Null);
    server.open(URI, 1, TEXT);
    assert_answers(&mut server);
    assert!(
        server.published.iter().all(|p| p.uri != unknown),
        "nothing is published for a document that was never open"
    );
}

#[test]
fn a_document_above_the_size_limit_gets_one_information_diagnostic_and_the_rest_goes_on() {
    let mut server = Server::spawn();
    server.initialize(false, json!({"maxDocumentBytes": 100}));
    server.open(URI, 1, TEXT);
    let diagnostics = server.wait_for_diagnostics(URI, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "copydesk/too-large");
    assert_eq!(diagnostics[0]["severity"], 3, "information");
    assert_eq!(diagnostics[0]["range"], range(0, 0, 0, 45));
    let message = diagnostics[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("above the limit of 100 bytes"),
        "{message}"
    );
    // a small document beside it is analysed as usual
    let small = "file:///notes/small.txt";
    server.open(small, 1, "Head\n\nAdvertisement\n\nThe ferry runs late.\n");
    let found = server.wait_for_diagnostics(small, 1);
    assert_eq!(boilerplate(&found).len(), 1);
    // and raising the limit analyses the large one
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"maxDocumentBytes": 1_000_000}}}),
    );
    server.change(URI, 2, vec![edit(range(0, 0, 0, 0), "")]);
    let diagnostics = server.wait_for_diagnostics(URI, 2);
    assert_eq!(boilerplate(&diagnostics).len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"] != "copydesk/too-large")
    );
}

#[test]
fn an_analysis_past_its_time_budget_is_given_up_logged_and_the_server_answers() {
    let mut server = Server::spawn();
    server.initialize(false, json!({"analysisTimeoutMs": 0}));
    server.open(URI, 1, TEXT);
    let logged = server.wait_for("a log message about the budget", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("ran past its budget of 0 ms"))
    });
    assert_eq!(logged["params"]["type"], 2, "a warning");
    assert_answers(&mut server);
    assert!(
        server.published.iter().all(|p| p.uri != URI),
        "nothing is published of an analysis given up"
    );
    // with a budget, the same document is analysed
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"analysisTimeoutMs": 10_000}}}),
    );
    server.change(URI, 2, vec![edit(range(0, 0, 0, 0), "")]);
    let diagnostics = server.wait_for_diagnostics(URI, 2);
    assert_eq!(boilerplate(&diagnostics).len(), 1, "{diagnostics:?}");
}

/// A long article, so that analyses take long enough to overlap.
fn long_article() -> String {
    let paragraph = "Councillors said the late crossings would run every evening except Sunday, and that the timetable would be reviewed after six months.\n\nAdvertisement\n\n";
    paragraph.repeat(400)
}

fn burst(server: &mut Server, edits: i64) {
    server.open(URI, 1, &long_article());
    for version in 2..=edits + 1 {
        server.change(URI, version, vec![edit(range(0, 0, 0, 0), "x")]);
    }
    server.wait_for_diagnostics(URI, edits + 1);
    // Anything late would arrive now.
    server.drain_for(Duration::from_millis(300));
    let versions: Vec<i64> = server
        .published
        .iter()
        .filter(|p| p.uri == URI)
        .filter_map(|p| p.version)
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published versions must only increase: {versions:?}"
    );
    assert_eq!(versions.last(), Some(&(edits + 1)));
}

#[test]
fn a_burst_of_edits_coalesces_and_publishes_the_newest_version_last() {
    // The defaults: no delay. The edits that come while an analysis runs
    // stop it and make one follow-up, so the burst is analysed (and
    // published) far fewer times than edited, and never out of order.
    let mut server = started();
    burst(&mut server, 40);
    assert!(server.published.len() < 10, "{}", server.published.len());
}

#[test]
fn with_a_debounce_racing_analyses_still_publish_in_order() {
    let mut server = Server::spawn_with_env(&[("COPYDESK_DEBOUNCE_MS", "20")]);
    server.initialize(false, Value::Null);
    burst(&mut server, 100);
}

#[test]
fn requests_before_initialize_are_refused_without_ending_the_session() {
    let mut server = Server::spawn();
    let early = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": common::position(0, 0)}),
    );
    assert_eq!(error_code(&early), -32002);
    server.initialize(true, Value::Null);
    server.open(URI, 1, TEXT);
    assert_answers(&mut server);
}

#[test]
fn exit_codes_follow_the_protocol() {
    let server = started();
    assert!(server.shutdown_and_exit().success());

    let mut server = started();
    server.notify("exit", Value::Null);
    assert_eq!(server.wait_exit().code(), Some(1), "exit without shutdown");

    let mut server = started();
    server.close_stdin();
    assert!(server.wait_exit().code().is_some(), "ends at end of input");
}
