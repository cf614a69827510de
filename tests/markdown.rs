//! Markdown read as Markdown, end to end: the command line and the
//! language server on Markdown articles written for these tests
//! (`tests/fixtures/markdown/`). Nothing outside prose (front matter, code,
//! table headers, image text, comments, URLs) yields a diagnostic, a quote
//! or an entity; emphasis and blockquotes hide no speaker; positions are
//! the Markdown source's own, in UTF-8 and UTF-16, with LF or CRLF;
//! comments switch diagnostics off; and a mistyped code in one is reported
//! (SARIF, the server's diagnostics and its quick fix), never ignored.

mod common;

use common::{Enc, Server, range, units};
use serde_json::{Value, json};
use std::process::Command;

const COUNCIL: &str = include_str!("fixtures/markdown/council.md");
const CAFE: &str = include_str!("fixtures/markdown/cafe.md");

/// `analyze --format json` of `text` saved as `name`.
/// `copydesk ARGS FILE` on `text` written to a file called `name`.
fn run_on_file(name: &str, text: &str, args: &[&str]) -> std::process::Output {
    // a directory per call: the tests run in parallel and reuse names
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("copydesk-md-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .arg(&path)
        .output()
        .expect("the copydesk binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn analyze_file(name: &str, text: &str) -> Value {
    let out = run_on_file(name, text, &["analyze", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The 0-based line of every range in a JSON report.
fn lines_of_ranges(report: &Value) -> Vec<u64> {
    let mut lines = Vec::new();
    let mut push = |r: &Value| lines.push(r["start"]["line"].as_u64().expect("line"));
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        push(&d["range"]);
    }
    for q in report["quotes"].as_array().expect("quotes") {
        push(&q["range"]);
    }
    for e in report["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            push(&m["range"]);
        }
    }
    lines
}

/// (speaker, text) of every quote.
fn speakers(report: &Value) -> Vec<(String, String)> {
    report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            (
                q["speaker"].as_str().unwrap_or("-").to_string(),
                q["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn entity_names(report: &Value) -> Vec<(String, String)> {
    report["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or("").to_string(),
                e["name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The 0-based lines of the council article that are not prose: front
/// matter but its title (0-4 but 1), the table's header and rule (21-22),
/// the code block (28-30), the comment (32) and the image (35).
const COUNCIL_NOT_PROSE: &[u64] = &[0, 2, 3, 4, 21, 22, 28, 29, 30, 32, 35];

#[test]
fn only_prose_yields_quotes_entities_and_diagnostics() {
    for (name, text) in [
        ("council.md", COUNCIL.to_string()),
        ("council-crlf.md", COUNCIL.replace('\n', "\r\n")),
    ] {
        let report = analyze_file(name, &text);
        for line in lines_of_ranges(&report) {
            assert!(
                !COUNCIL_NOT_PROSE.contains(&line),
                "{name}: something found on line {line}, which is not prose: {report}"
            );
        }
        assert_eq!(
            report["diagnostics"],
            json!([]),
            "{name}: the share line is switched off"
        );
        assert_eq!(
            speakers(&report),
            [
                ("Maria Okafor", "This is the route people asked for,"),
                ("Maria Okafor", "We listened."),
                ("Daniel Brandt", "The numbers do not add up,"),
                ("Leila Haddad", "We will be watching the budget closely,"),
            ]
            .map(|(s, t)| (s.to_string(), t.to_string())),
            "{name}: speakers through emphasis and in a blockquote"
        );
        let entities = entity_names(&report);
        for wanted in ["Maria Okafor", "Daniel Brandt", "Leila Haddad"] {
            assert!(
                entities.contains(&("person".to_string(), wanted.to_string())),
                "{name}: {wanted} in {entities:?}"
            );
        }
        for unwanted in ["Staff Reporter", "Nobody", "Vote", "Councillor"] {
            assert!(
                !entities.iter().any(|(_, n)| n.contains(unwanted)),
                "{name}: {unwanted} is not prose: {entities:?}"
            );
        }
    }
}

#[test]
fn the_same_article_as_plain_text_reads_its_markup() {
    // The contrast that shows the Markdown reading is doing the work: as
    // .txt, the code block's "quote" and the author line are article text.
    let report = analyze_file("council.txt", COUNCIL);
    let quotes = speakers(&report);
    assert!(
        quotes
            .iter()
            .any(|(_, t)| t.contains("This is not a quote")),
        "{quotes:?}"
    );
}

#[test]
fn a_suppression_comment_switches_its_line_off_and_only_it() {
    let without = COUNCIL.replace("<!-- copydesk-disable-next-line boilerplate -->\n", "");
    let report = analyze_file("council.md", &without);
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "boilerplate/share");
    assert_eq!(diagnostics[0]["text"], "Share this article");
    // line 33 of the fixture, one up now that the comment is gone
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 32);
    // a comment naming another code leaves it on
    let other = COUNCIL.replace(
        "disable-next-line boilerplate",
        "disable-next-line fragment",
    );
    let report = analyze_file("council.md", &other);
    assert_eq!(report["diagnostics"][0]["code"], "boilerplate/share");
}

/// `(line, character)` of byte `offset` of `text` in `enc`.
fn position_of(text: &str, offset: usize, enc: Enc) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": units(&text[line_start..offset], enc)})
}

#[test]
fn positions_are_the_markdown_source_s_own_in_utf8_and_utf16() {
    for (utf8, enc) in [(true, Enc::Utf8), (false, Enc::Utf16)] {
        let mut server = Server::spawn();
        server.initialize(utf8, Value::Null);
        let uri = "file:///fixtures/cafe.md";
        server.open_as(uri, 1, CAFE, "markdown");
        let diagnostics = server.wait_for_diagnostics(uri, 1);
        let share = CAFE.find("Share this article").expect("share line");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(
            diagnostics[0]["range"]["start"],
            position_of(CAFE, share, enc)
        );
        assert_eq!(
            diagnostics[0]["range"]["end"],
            position_of(CAFE, share + "Share this article".len(), enc)
        );
        // every mention of Zoë Ng, asked for at the bold one
        let bold = CAFE.find("Zoë Ng").expect("name");
        let highlights = server.request(
            "textDocument/documentHighlight",
            json!({"textDocument": {"uri": uri}, "position": position_of(CAFE, bold + 2, enc)}),
        );
        let got: Vec<Value> = highlights["result"]
            .as_array()
            .expect("highlights")
            .iter()
            .map(|h| h["range"].clone())
            .collect();
        let surname = CAFE.find("” Ng said").expect("surname") + "” ".len();
        let expected = vec![
            json!({"start": position_of(CAFE, bold, enc),
                   "end": position_of(CAFE, bold + "Zoë Ng".len(), enc)}),
            json!({"start": position_of(CAFE, surname, enc),
                   "end": position_of(CAFE, surname + 2, enc)}),
        ];
        assert_eq!(got, expected, "utf8 = {utf8}");
        // the quote's speaker, through the emphasis inside the quote
        let inside = CAFE.find("waited").expect("quote");
        let hover = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position_of(CAFE, inside, enc)}),
        );
        let card = hover["result"]["contents"]["value"].as_str().unwrap_or("");
        assert!(card.contains("Zoë Ng"), "{card}");
        server.shutdown_and_exit();
    }
}

#[test]
fn markdown_offers_to_ignore_a_diagnostic_on_its_line_or_in_the_file() {
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    let uri = "file:///fixtures/cafe.md";
    server.open_as(uri, 1, CAFE, "markdown");
    server.wait_for_diagnostics(uri, 1);
    let actions = server.code_actions(uri, range(4, 0, 4, 0));
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Remove boilerplate line",
            "Ignore boilerplate/share on this line",
            "Ignore boilerplate/share in this file",
        ]
    );
    let in_file = &actions[2]["edit"]["changes"][uri][0];
    assert_eq!(in_file["range"], range(0, 0, 0, 0));
    assert_eq!(
        in_file["newText"],
        "<!-- copydesk-disable boilerplate/share -->\n"
    );
    // applied, the diagnostic is gone
    let edited = format!("<!-- copydesk-disable boilerplate/share -->\n{CAFE}");
    server.change(uri, 2, vec![json!({"text": edited})]);
    assert_eq!(server.wait_for_diagnostics(uri, 2), Vec::<Value>::new());
    // the same text as plain text has no such offer
    let txt = "file:///fixtures/cafe.txt";
    server.open_as(txt, 1, CAFE, "plaintext");
    server.wait_for_diagnostics(txt, 1);
    let actions = server.code_actions(txt, range(4, 0, 4, 0));
    assert_eq!(actions.as_array().map(Vec::len), Some(1), "{actions}");
    server.shutdown_and_exit();
}

#[test]
fn a_mistyped_code_in_a_comment_is_a_sarif_result_with_its_rule() {
    // the comment names a typo of `boilerplate/share` and the share line
    // stays reported; the typo is a warning on the code as written
    let text = COUNCIL.replace(
        "disable-next-line boilerplate -->",
        "disable-next-line boilerplate/shar -->",
    );
    let out = run_on_file("council.md", &text, &["check", "--format", "sarif"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let run = &log["runs"][0];
    let results = run["results"].as_array().expect("results");
    let ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert_eq!(ids, ["copydesk/unknown-code", "boilerplate/share"]);
    let unknown = &results[0];
    let index = unknown["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "copydesk/unknown-code"
    );
    assert_eq!(unknown["level"], "warning");
    assert_eq!(
        unknown["message"]["text"],
        "This comment switches nothing off: unknown code `boilerplate/shar`; \
         did you mean `boilerplate/share`?"
    );
    // 1-based: line 33 of the fixture, from the code's first character
    let line = text
        .lines()
        .position(|l| l.contains("boilerplate/shar "))
        .expect("comment");
    let column = text
        .lines()
        .nth(line)
        .and_then(|l| l.find("boilerplate/shar"))
        .expect("code");
    let region = &unknown["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        region,
        &json!({
            "startLine": line + 1,
            "startColumn": column + 1,
            "endLine": line + 1,
            "endColumn": column + 1 + "boilerplate/shar".len(),
        })
    );
    // the JSON report shows the code as written, not the blanked comment
    let out = run_on_file("council.md", &text, &["check", "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["diagnostics"][0]["code"], "copydesk/unknown-code");
    assert_eq!(report["diagnostics"][0]["text"], "boilerplate/shar");
}

#[test]
fn a_mistyped_code_offers_the_right_one_and_no_comment_to_ignore_it() {
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    let uri = "file:///fixtures/typo.md";
    let text = "# Harbour news\n\n<!-- copydesk-disable-next-line fragment/splice -->\nThe council voted.\n";
    server.open_as(uri, 1, text, "markdown");
    let diagnostics = server.wait_for_diagnostics(uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "copydesk/unknown-code");
    // `fragment/splice` on line 2, from column 32
    assert_eq!(diagnostics[0]["range"], range(2, 32, 2, 47));
    let actions = server.code_actions(uri, range(2, 35, 2, 35));
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    // a comment cannot switch off the report of its own mistake
    assert_eq!(titles, ["Change to `fragment/spliced`"]);
    let edit = &actions[0]["edit"]["changes"][uri][0];
    assert_eq!(edit["range"], range(2, 32, 2, 47));
    assert_eq!(edit["newText"], "fragment/spliced");
    server.shutdown_and_exit();
}
