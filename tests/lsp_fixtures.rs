//! Language-server conversations on the project's own fixture articles
//! (`tests/fixtures/`, written for copydesk): diagnostics, quick fixes,
//! settings from initializationOptions and didChangeConfiguration, pull
//! diagnostics, and closing documents.

mod common;

use common::{Enc, Server, apply_edits, boilerplate, edit, line_range, lines_of, range, removals};
use serde_json::{Value, json};

const FERRY: &str = include_str!("fixtures/ferry-timetable.txt");
const MARKET: &str = include_str!("fixtures/market-hall.txt");
const FERRY_URI: &str = "file:///fixtures/ferry-timetable.txt";
const MARKET_URI: &str = "file:///fixtures/market-hall.txt";
/// The two "Advertisement" lines of the ferry article.
const FERRY_ADS: &[u64] = &[4, 10];
const WIDGET_PATTERN: &str = r"/^\[\[.*\]\]$/";

fn started(options: Value) -> Server {
    let mut server = Server::spawn();
    server.initialize(false, options);
    server
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

#[test]
fn advertisement_markers_are_flagged_and_prose_is_not() {
    let mut server = started(Value::Null);
    server.open(FERRY_URI, 1, FERRY);
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 1);
    assert_eq!(lines_of(&diagnostics, "boilerplate"), FERRY_ADS);
    for d in &boilerplate(&diagnostics) {
        let line = d["range"]["start"]["line"].as_u64().expect("line") as usize;
        assert_eq!(d["range"], line_range(FERRY, line, Enc::Utf16));
        assert_eq!(d["code"], "boilerplate/ad");
        assert_eq!(d["source"], "copydesk");
        assert!(
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("advertisement"))
        );
    }
}

#[test]
fn quick_fix_applies_cleanly_and_the_fixed_text_has_no_marker_left() {
    let mut server = started(Value::Null);
    server.open(FERRY_URI, 1, FERRY);
    server.wait_for_diagnostics(FERRY_URI, 1);
    // A cursor anywhere on the line offers the fix.
    let actions = removals(&server.code_actions(FERRY_URI, range(10, 3, 10, 3)));
    assert_eq!(actions.len(), 1, "{actions:?}");
    let edits = actions[0]["edit"]["changes"][FERRY_URI]
        .as_array()
        .expect("edits");
    let fixed = apply_edits(FERRY, edits, Enc::Utf16);
    assert_eq!(fixed.matches("Advertisement").count(), 1);
    assert_eq!(fixed.lines().count(), FERRY.lines().count() - 1);

    // Send the fixed text back as the client would: one marker is left.
    server.change(
        FERRY_URI,
        2,
        vec![json!({"text": fixed})], // full-text change
    );
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 2);
    assert_eq!(lines_of(&diagnostics, "boilerplate"), &[4]);

    // No fix is offered on a prose line.
    let none = removals(&server.code_actions(FERRY_URI, range(2, 5, 2, 9)));
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn initialization_options_switch_families_and_codes_off() {
    let mut server = started(json!({"copydesk": {"diagnostics": {"boilerplate": false}}}));
    server.open(FERRY_URI, 1, FERRY);
    assert_eq!(
        server.wait_for_diagnostics(FERRY_URI, 1),
        Vec::<Value>::new()
    );

    let mut server = started(json!({"diagnostics": {"disabled": ["boilerplate/ad"]}}));
    server.open(FERRY_URI, 1, FERRY);
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 1);
    assert!(!codes(&diagnostics).contains(&"boilerplate/ad"));
}

#[test]
fn configuration_change_re_analyses_open_documents() {
    let mut server = started(json!({"diagnostics": {"boilerplate": false}}));
    server.open(FERRY_URI, 1, FERRY);
    assert!(boilerplate(&server.wait_for_diagnostics(FERRY_URI, 1)).is_empty());
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"diagnostics": {"boilerplate": true}}}}),
    );
    // Same version, new settings: published again.
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 1);
    assert_eq!(lines_of(&diagnostics, "boilerplate"), FERRY_ADS);
}

#[test]
fn user_patterns_flag_lines_and_an_invalid_one_keeps_the_old_settings() {
    let mut server = started(Value::Null);
    server.open(MARKET_URI, 1, MARKET);
    let before = server.wait_for_diagnostics(MARKET_URI, 1);
    assert!(!codes(&before).contains(&"boilerplate/custom"));

    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"boilerplate": {"patterns": [WIDGET_PATTERN]}}}}),
    );
    let with_pattern = server.wait_for_diagnostics(MARKET_URI, 1);
    let custom: Vec<&Value> = with_pattern
        .iter()
        .filter(|d| d["code"] == "boilerplate/custom")
        .collect();
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0]["range"], line_range(MARKET, 4, Enc::Utf16));

    // An invalid regex is reported and changes nothing.
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"boilerplate": {"patterns": ["/([a-z]/"]}}}),
    );
    let message = server.wait_for_show_message();
    assert_eq!(message["params"]["type"], 1, "an error: {message}");
    assert!(
        message["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("invalid boilerplate pattern"))
    );
    server.change(MARKET_URI, 2, vec![edit(range(0, 0, 0, 0), "")]);
    let after = server.wait_for_diagnostics(MARKET_URI, 2);
    assert!(codes(&after).contains(&"boilerplate/custom"));
}

#[test]
fn invalid_initialization_options_are_reported_after_initialize() {
    let mut server = started(json!({"boilerplate": {"patterns": ["/(/"]}}));
    let message = server.wait_for_show_message();
    assert_eq!(message["params"]["type"], 1);
    // The defaults stay in force.
    server.open(FERRY_URI, 1, FERRY);
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 1);
    assert_eq!(lines_of(&diagnostics, "boilerplate"), FERRY_ADS);
}

#[test]
fn pull_diagnostics_analyse_on_demand_before_anything_is_published() {
    // A long debounce: nothing is published yet when the pull arrives.
    let mut server = Server::spawn_with_env(&[("COPYDESK_DEBOUNCE_MS", "5000")]);
    server.initialize(false, Value::Null);
    server.open(FERRY_URI, 1, FERRY);
    let report = server.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": FERRY_URI}}),
    );
    let items = report["items"].as_array().expect("items");
    assert_eq!(lines_of(items, "boilerplate"), FERRY_ADS);
    assert!(server.published.is_empty());
}

#[test]
fn closing_clears_diagnostics_and_later_requests_get_empty_answers() {
    let mut server = started(Value::Null);
    server.open(FERRY_URI, 1, FERRY);
    assert!(!server.wait_for_diagnostics(FERRY_URI, 1).is_empty());
    server.close(FERRY_URI);
    let cleared = server.wait_for_any_diagnostics(FERRY_URI);
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert_eq!(cleared["params"].get("version"), None);

    let actions = server.code_actions(FERRY_URI, range(4, 0, 4, 0));
    assert_eq!(actions, Value::Null);
    let report = server.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": FERRY_URI}}),
    );
    assert_eq!(report["items"], json!([]));
}

#[test]
fn inlay_hints_can_be_switched_off() {
    let mut server = started(json!({"inlayHints": {"enabled": false}}));
    server.open(MARKET_URI, 1, MARKET);
    let hints = server.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": MARKET_URI}, "range": range(0, 0, 9, 0)}),
    );
    assert_eq!(hints, json!([]));
}

#[test]
fn every_feature_request_is_wired_and_answers() {
    let mut server = started(Value::Null);
    server.open(MARKET_URI, 1, MARKET);
    let doc = json!({"uri": MARKET_URI});
    let at = json!({"textDocument": doc, "position": common::position(2, 10)});
    let requests = [
        ("textDocument/hover", at.clone()),
        ("textDocument/definition", at.clone()),
        ("textDocument/documentHighlight", at.clone()),
        (
            "textDocument/references",
            json!({"textDocument": doc, "position": common::position(2, 10),
                   "context": {"includeDeclaration": true}}),
        ),
        ("textDocument/documentSymbol", json!({"textDocument": doc})),
        (
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": range(0, 0, 9, 0)}),
        ),
        ("workspace/symbol", json!({"query": "market"})),
    ];
    for (method, params) in requests {
        let response = server.request(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        assert!(response.get("result").is_some(), "{method}: {response}");
    }
}

fn pull(server: &mut Server, uri: &str) -> Vec<Value> {
    let report = server.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    report["items"].as_array().cloned().expect("items")
}

#[test]
fn a_client_that_pulls_and_refreshes_gets_no_pushes() {
    let mut server = Server::spawn();
    let result = server.initialize_with(
        json!({
            "textDocument": {"diagnostic": {"dynamicRegistration": false}},
            "workspace": {"diagnostics": {"refreshSupport": true}},
        }),
        Value::Null,
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    server.open(FERRY_URI, 1, FERRY);
    assert_eq!(
        lines_of(&pull(&mut server, FERRY_URI), "boilerplate"),
        FERRY_ADS
    );

    // New settings: the client is asked to pull again, and the pull agrees.
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"diagnostics": {"boilerplate": false}}}}),
    );
    let refresh = server.wait_for_server_request("workspace/diagnostic/refresh");
    server.respond(&refresh["id"], Value::Null);
    assert!(boilerplate(&pull(&mut server, FERRY_URI)).is_empty());

    server.close(FERRY_URI);
    server.drain_for(std::time::Duration::from_millis(300));
    assert!(server.published.is_empty(), "{:?}", server.published);
}

#[test]
fn a_client_that_pulls_but_cannot_refresh_is_pushed_to_instead() {
    let mut server = Server::spawn();
    let result = server.initialize_with(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        Value::Null,
    );
    // Not advertised, so the client does not pull a second copy.
    assert_eq!(result["capabilities"].get("diagnosticProvider"), None);
    server.open(FERRY_URI, 1, FERRY);
    let diagnostics = server.wait_for_diagnostics(FERRY_URI, 1);
    assert_eq!(lines_of(&diagnostics, "boilerplate"), FERRY_ADS);
}

#[test]
fn settings_are_pulled_when_the_notification_carries_none() {
    let mut server = Server::spawn();
    server.initialize_with(json!({"workspace": {"configuration": true}}), Value::Null);
    server.open(FERRY_URI, 1, FERRY);
    assert!(!server.wait_for_diagnostics(FERRY_URI, 1).is_empty());
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let request = server.wait_for_server_request("workspace/configuration");
    assert_eq!(request["params"]["items"][0]["section"], "copydesk");
    // While the client has not answered, the server still serves requests.
    assert_eq!(
        lines_of(&pull(&mut server, FERRY_URI), "boilerplate"),
        FERRY_ADS
    );
    server.respond(
        &request["id"],
        json!([{"diagnostics": {"boilerplate": false}}]),
    );
    assert!(boilerplate(&server.wait_for_diagnostics(FERRY_URI, 1)).is_empty());
}
