//! Arbitrary bytes through the CLI's reading path (`analyze --format
//! json`): invalid UTF-8 is an error naming the first bad byte, exactly
//! where it is; valid text gives one JSON object whose every range is a
//! real position of the text.
#![no_main]

use copydesk::cli::analyze_bytes_as_json;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|bytes: &[u8]| {
    match analyze_bytes_as_json("input", bytes) {
        Err(error) => {
            let bad = std::str::from_utf8(bytes).expect_err("valid UTF-8 was refused");
            assert_eq!(
                error,
                format!(
                    "input: not valid UTF-8 (first bad byte at offset {})",
                    bad.valid_up_to()
                )
            );
        }
        Ok(json) => {
            let text = std::str::from_utf8(bytes).expect("invalid UTF-8 was accepted");
            let value: Value = serde_json::from_str(&json).expect("the output is JSON");
            let lines: Vec<&str> = text.split('\n').collect();
            let check = |range: &Value| {
                for end in ["start", "end"] {
                    let line = range[end]["line"].as_u64().expect("a line") as usize;
                    let column = range[end]["character"].as_u64().expect("a column") as usize;
                    let text_line = lines.get(line).expect("the line exists");
                    let units = text_line.encode_utf16().count();
                    assert!(
                        column <= units,
                        "column {column} past the end of line {line}"
                    );
                }
            };
            for d in value["diagnostics"].as_array().expect("diagnostics") {
                check(&d["range"]);
            }
            for q in value["quotes"].as_array().expect("quotes") {
                check(&q["range"]);
            }
            for e in value["entities"].as_array().expect("entities") {
                for m in e["mentions"].as_array().expect("mentions") {
                    check(&m["range"]);
                }
            }
        }
    }
});
