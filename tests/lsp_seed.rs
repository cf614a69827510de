//! Issue 2's acceptance conversation on the shared seed article: the
//! boilerplate diagnostics, their positions after incremental edits with
//! emoji and CJK in both position encodings, the quick fix, and closing.
//! Skips (with a note) when `../shared` is not present.

mod common;

use common::{Enc, Server, apply_change, apply_edits, edit, line_range, lines_of, range};
use serde_json::{Value, json};

const SEED: &str = "corpus/seed/putin-election.txt";
const URI: &str = "file:///seed/putin-election.txt";

/// The lines of the seed article that are page furniture: a share bar above
/// the headline, two advertisement markers, a teaser of another story.
const SEED_BOILERPLATE_LINES: &[u64] = &[0, 6, 26, 30];

fn start(utf8: bool, options: Value) -> Option<(Server, String)> {
    let text = common::shared_file(SEED)?;
    let mut server = Server::spawn();
    let result = server.initialize(utf8, options);
    let expected = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(result["capabilities"]["positionEncoding"], expected);
    server.open(URI, 1, &text);
    Some((server, text))
}

#[test]
fn seed_article_has_boilerplate_exactly_on_the_furniture_lines() {
    let Some((mut server, text)) = start(false, Value::Null) else {
        return;
    };
    let diagnostics = server.wait_for_diagnostics(URI, 1);
    assert_eq!(
        lines_of(&diagnostics, "boilerplate"),
        SEED_BOILERPLATE_LINES
    );
    for d in diagnostics.iter().filter(|d| d["code"] == "boilerplate/ad") {
        let line = d["range"]["start"]["line"].as_u64().expect("line") as usize;
        assert_eq!(d["range"], line_range(&text, line, Enc::Utf16));
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["severity"], 2);
    }
    // Pull diagnostics come from the same analysis.
    let pulled = server.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(pulled["kind"], "full");
    assert_eq!(pulled["items"].as_array().expect("items"), &diagnostics);
}

/// The edits of the emoji/CJK test, as (version, changes) against the text
/// as it is at that version. Positions are computed from the client's copy
/// of the text so they are right in either encoding.
fn emoji_cjk_edits(text: &str, enc: Enc) -> Vec<(i64, Vec<Value>)> {
    let furniture_line = SEED_BOILERPLATE_LINES
        .iter()
        .copied()
        .find(|&l| l > 0)
        .expect("a furniture line after the headline") as u32;
    // Version 2: two lines with emoji and CJK at the top, and a sponsored
    // line (matched by the user pattern) right before the first furniture
    // line, which has moved down by two.
    let v2 = vec![
        edit(range(0, 0, 0, 0), "😀 好 emoji line 🎉\n\n"),
        edit(
            range(furniture_line + 2, 0, furniture_line + 2, 0),
            "Sponsored 😀 新闻 广告\n\n",
        ),
    ];
    let mut after_v2 = text.to_string();
    for change in &v2 {
        apply_change(&mut after_v2, change, enc);
    }
    // Version 3: replace 新闻 (after an emoji: the columns differ between
    // encodings) with 头条新闻, then delete the two lines added at the top.
    let sponsored = furniture_line + 2;
    let before = common::units("Sponsored 😀 ", enc);
    let width = common::units("新闻", enc);
    let v3 = vec![
        edit(
            range(sponsored, before, sponsored, before + width),
            "头条新闻",
        ),
        edit(range(0, 0, 2, 0), ""),
    ];
    vec![(2, v2), (3, v3)]
}

fn diagnostics_follow_emoji_and_cjk_edits(utf8: bool) {
    let enc = if utf8 { Enc::Utf8 } else { Enc::Utf16 };
    let options = json!({"copydesk": {"boilerplate": {"patterns": ["Sponsored"]}}});
    let Some((mut server, original)) = start(utf8, options) else {
        return;
    };
    server.wait_for_diagnostics(URI, 1);
    let mut text = original.clone();
    for (version, changes) in emoji_cjk_edits(&original, enc) {
        for change in &changes {
            apply_change(&mut text, change, enc);
        }
        server.change(URI, version, changes);
    }
    let diagnostics = server.wait_for_diagnostics(URI, 3);

    // The sponsored line is one more furniture line; everything at or
    // after it has moved down by two lines.
    let sponsored_line = text
        .split('\n')
        .position(|l| l.starts_with("Sponsored"))
        .expect("sponsored line") as u64;
    assert_eq!(
        text.split('\n').nth(sponsored_line as usize),
        Some("Sponsored 😀 头条新闻 广告")
    );
    let mut expected: Vec<u64> = SEED_BOILERPLATE_LINES
        .iter()
        .map(|&l| if l >= sponsored_line { l + 2 } else { l })
        .collect();
    expected.push(sponsored_line);
    expected.sort_unstable();
    assert_eq!(lines_of(&diagnostics, "boilerplate"), expected);
    for d in diagnostics.iter().filter(|d| {
        d["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("boilerplate"))
    }) {
        let line = d["range"]["start"]["line"].as_u64().expect("line") as usize;
        assert_eq!(d["range"], line_range(&text, line, enc), "{d}");
    }
}

#[test]
fn diagnostics_follow_emoji_and_cjk_edits_in_utf16() {
    diagnostics_follow_emoji_and_cjk_edits(false);
}

#[test]
fn diagnostics_follow_emoji_and_cjk_edits_in_utf8() {
    diagnostics_follow_emoji_and_cjk_edits(true);
}

#[test]
fn remove_boilerplate_quick_fix_deletes_the_line_and_its_break() {
    let Some((mut server, text)) = start(false, Value::Null) else {
        return;
    };
    let diagnostics = server.wait_for_diagnostics(URI, 1);
    let target = diagnostics
        .iter()
        .find(|d| d["code"] == "boilerplate/ad")
        .expect("an advertisement marker");
    let line = target["range"]["start"]["line"].as_u64().expect("line") as usize;
    let actions = server.code_actions(URI, target["range"].clone());
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Remove boilerplate line")
        .expect("the quick fix");
    assert_eq!(action["kind"], "quickfix");
    let edits = action["edit"]["changes"][URI].as_array().expect("edits");
    let fixed = apply_edits(&text, edits, Enc::Utf16);

    let mut expected: Vec<&str> = text.split('\n').collect();
    expected.remove(line);
    assert_eq!(fixed, expected.join("\n"));
    // The diagnostic's data carries the same edits.
    assert_eq!(
        &target["data"]["fix"]["edits"],
        &action["edit"]["changes"][URI]
    );
}

#[test]
fn closing_the_seed_article_clears_its_diagnostics() {
    let Some((mut server, _)) = start(false, Value::Null) else {
        return;
    };
    assert!(!server.wait_for_diagnostics(URI, 1).is_empty());
    server.close(URI);
    let cleared = server.wait_for_any_diagnostics(URI);
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert!(server.shutdown_and_exit().success());
}
