//! The acceptance conversations of issues 3, 4 and 5 on the shared seed
//! article: hover names a quote's speaker, inlay hints and the outline show
//! quotes and people, references and definition follow a person's mentions,
//! and the fragment diagnostics land on the broken lines only.
//! Skips (with a note) when `../shared` is not present.

mod common;

use common::{Enc, Server, lines_of, position};
use serde_json::{Value, json};

const SEED: &str = "corpus/seed/putin-election.txt";
const URI: &str = "file:///seed/putin-election.txt";

/// A started server with the seed article open and analysed.
fn open_seed() -> Option<(Server, String, Vec<Value>)> {
    let text = common::shared_file(SEED)?;
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    server.open(URI, 1, &text);
    let diagnostics = server.wait_for_diagnostics(URI, 1);
    Some((server, text, diagnostics))
}

/// The UTF-16 position of the `nth` occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} occurs {} times", nth + 1));
    let line = text[..offset].matches('\n').count();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let character = common::units(&text[line_start..offset], Enc::Utf16);
    position(line as u32, character)
}

fn at(uri: &str, pos: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos})
}

/// Every symbol in the tree under `symbols`, depth first.
fn flatten(symbols: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for s in symbols.as_array().into_iter().flatten() {
        out.push(s);
        out.extend(flatten(&s["children"]));
    }
    out
}

fn group<'a>(symbols: &'a Value, name: &str) -> &'a Value {
    symbols
        .as_array()
        .and_then(|groups| groups.iter().find(|g| g["name"] == name))
        .unwrap_or_else(|| panic!("no {name} group in {symbols}"))
}

#[test]
fn hover_inside_a_quote_names_its_speaker() {
    let Some((mut server, text, _)) = open_seed() else {
        return;
    };
    let hover = server.call(
        "textDocument/hover",
        at(URI, position_of(&text, "never intervene", 0)),
    );
    let card = hover["contents"]["value"]
        .as_str()
        .expect("a markdown card");
    assert!(card.contains("**Vladimir Putin**"), "{card}");
    assert!(card.contains("said"), "the card names the cue: {card}");
}

#[test]
fn inlay_hints_name_the_speakers_of_the_quotes() {
    let Some((mut server, text, _)) = open_seed() else {
        return;
    };
    let last_line = text.lines().count() as u32;
    let hints = server.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": common::range(0, 0, last_line, 0)}),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .expect("a list of hints")
        .iter()
        .filter_map(|h| h["label"].as_str())
        .collect();
    assert!(labels.contains(&"— Putin"), "{labels:?}");
    // The hint stands at the end of the quote it names.
    let intervene_line = 28;
    assert!(
        hints
            .as_array()
            .into_iter()
            .flatten()
            .any(|h| h["position"]["line"] == intervene_line && h["label"] == "— Putin"),
        "{hints}"
    );
}

#[test]
fn outline_lists_people_with_aliases_merged_and_quotes_under_speakers() {
    let Some((mut server, _, _)) = open_seed() else {
        return;
    };
    let symbols = server.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let people = group(&symbols, "People");
    let names: Vec<&str> = people["children"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for expected in [
        "Vladimir Putin",
        "Hillary Clinton",
        "Donald Trump",
        "Harry Reid",
        "Barack Obama",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    // "Putin" and "Mr Putin" are merged into the full name, not separate people.
    assert!(
        !names.contains(&"Putin") && !names.contains(&"Mr Putin"),
        "{names:?}"
    );
    let putin = people["children"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "Vladimir Putin")
        .expect("Putin");
    let mentions: u64 = putin["detail"]
        .as_str()
        .and_then(|d| d.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("detail says the mention count");
    assert!(mentions >= 9, "{putin}");
    // The Quotes group holds the quotes under their speaker.
    let quotes = group(&symbols, "Quotes");
    let speaker = quotes["children"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["name"] == "Vladimir Putin")
        .expect("Putin in the Quotes group");
    let first_words: Vec<&str> = flatten(&speaker["children"])
        .iter()
        .filter_map(|q| q["name"].as_str())
        .collect();
    assert!(
        first_words.iter().any(|q| q.contains("We never intervene")),
        "{first_words:?}"
    );
}

#[test]
fn references_and_definition_follow_a_person_through_the_article() {
    let Some((mut server, text, _)) = open_seed() else {
        return;
    };
    // "Putin" on line 8 (the first body mention as a bare surname).
    let on_putin = position_of(&text, "Putin added", 0);
    let mut params = at(URI, on_putin.clone());
    params["context"] = json!({"includeDeclaration": true});
    let references = server.call("textDocument/references", params);
    let lines: Vec<u64> = references
        .as_array()
        .expect("locations")
        .iter()
        .filter_map(|l| l["range"]["start"]["line"].as_u64())
        .collect();
    // Every line of the body that names Putin (the headline too), by any alias.
    for line in [8, 10, 12, 14, 16, 20, 24, 28] {
        assert!(lines.contains(&line), "line {line} missing from {lines:?}");
    }
    let definition = server.call("textDocument/definition", at(URI, on_putin));
    let first = if definition.is_array() {
        definition[0].clone()
    } else {
        definition
    };
    let first_line = first["range"]["start"]["line"]
        .as_u64()
        .expect("a location");
    assert_eq!(first_line, *lines.iter().min().expect("some mention"));
}

#[test]
fn fragments_land_on_the_orphan_attribution_and_not_on_clean_lines() {
    let Some((_, _, diagnostics)) = open_seed() else {
        return;
    };
    let orphan: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "fragment/orphan-attribution")
        .collect();
    assert_eq!(orphan.len(), 1, "{diagnostics:?}");
    assert_eq!(orphan[0]["range"]["start"]["line"], 12);
    let fragment_lines = lines_of(&diagnostics, "fragment");
    for clean in [4, 8, 10] {
        assert!(
            !fragment_lines.contains(&clean),
            "line {clean}: {fragment_lines:?}"
        );
    }
}
