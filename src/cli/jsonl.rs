//! `analyze --format jsonl`: articles in, results out, one JSON object per
//! line, so that an archive can go through a pipeline (or a cluster's
//! `pipe` step) without a file per article.
//!
//! Each input line is `{"id": ..., "text": "..."}`; `id` is any JSON value
//! and is echoed, `text` is the article. Each output line is the analysis
//! of `analyze --format json` with that `id` added, in input order. A line
//! that is not such an object (bad JSON, no `text`, invalid UTF-8) gives
//! `{"error": "...", "id": ..., "line": N, "source": "..."}` in its place
//! and a message on standard error, and the run goes on: one output line
//! per non-blank input line, always. Blank lines are skipped.

use std::io::BufRead;

use serde::Deserialize;

/// One line of a JSON Lines input, before it is parsed.
pub struct Line {
    /// The input it came from (a path, or `<stdin>`).
    pub source: String,
    /// 1-based line number in that input.
    pub number: usize,
    pub bytes: Vec<u8>,
}

/// The fields read from an input line; others are ignored.
#[derive(Deserialize)]
pub struct Record {
    #[serde(default)]
    pub id: serde_json::Value,
    pub text: String,
}

/// The error object written in place of a line that could not be read.
#[derive(serde::Serialize)]
struct LineError<'a> {
    error: &'a str,
    id: &'a serde_json::Value,
    line: usize,
    source: &'a str,
}

/// The non-blank lines of `reader`, numbered from 1; a read error ends
/// the input with one last line carrying the error in place of its bytes.
pub fn lines(
    source: String,
    mut reader: impl BufRead,
) -> impl Iterator<Item = Result<Line, String>> {
    let mut number = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let mut bytes = Vec::new();
            number += 1;
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => done = true,
                Ok(_) => {
                    while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                        bytes.pop();
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(Line {
                        source: source.clone(),
                        number,
                        bytes,
                    }));
                }
                Err(e) => {
                    done = true;
                    return Some(Err(format!("{source}:{number}: cannot read: {e}")));
                }
            }
        }
        None
    })
}

/// Parse one line into its record, or say why it is not one.
pub fn parse(line: &Line) -> Result<Record, (String, serde_json::Value)> {
    let text = std::str::from_utf8(&line.bytes).map_err(|e| {
        (
            format!(
                "not valid UTF-8 (first bad byte at column {})",
                e.valid_up_to() + 1
            ),
            serde_json::Value::Null,
        )
    })?;
    serde_json::from_str::<Record>(text).map_err(|e| {
        // Echo the id when the line is an object that has one, so the
        // error can be joined back to its article.
        let id = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .unwrap_or(serde_json::Value::Null);
        (
            format!("not a {{\"id\": ..., \"text\": ...}} object: {e}"),
            id,
        )
    })
}

/// The error object for `line`, as one line of JSON.
pub fn error_line(line: &Line, error: &str, id: &serde_json::Value) -> String {
    let object = LineError {
        error,
        id,
        line: line.number,
        source: &line.source,
    };
    serde_json::to_string(&object).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8]) -> Vec<(usize, Vec<u8>)> {
        lines("t".into(), input)
            .map(|l| l.map(|l| (l.number, l.bytes)).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()
            .unwrap_or_default()
    }

    #[test]
    fn blank_lines_are_skipped_and_numbers_stay_true() {
        let got = all(b"{\"a\":1}\r\n\n  \n{\"b\":2}");
        assert_eq!(
            got,
            [(1, b"{\"a\":1}".to_vec()), (4, b"{\"b\":2}".to_vec())]
        );
    }

    #[test]
    fn a_record_needs_text_and_keeps_its_id() {
        let line = |s: &str| Line {
            source: "t".into(),
            number: 7,
            bytes: s.as_bytes().to_vec(),
        };
        let record = parse(&line(r#"{"id": [1, "a"], "text": "Hi.", "extra": 0}"#));
        assert!(record.is_ok_and(|r| r.id == serde_json::json!([1, "a"]) && r.text == "Hi."));
        let (error, id) = parse(&line(r#"{"id": 9}"#)).err().unwrap_or_default();
        assert!(error.contains("missing field `text`"), "{error}");
        assert_eq!(id, serde_json::json!(9));
        let (error, id) = parse(&line("{not json")).err().unwrap_or_default();
        assert!(error.starts_with("not a {\"id\""), "{error}");
        assert_eq!(id, serde_json::Value::Null);
        let bad = Line {
            bytes: b"{\"text\": \"\xff\"}".to_vec(),
            ..line("")
        };
        let (error, _) = parse(&bad).err().unwrap_or_default();
        assert_eq!(error, "not valid UTF-8 (first bad byte at column 11)");
        assert_eq!(
            error_line(&bad, &error, &serde_json::Value::Null),
            r#"{"error":"not valid UTF-8 (first bad byte at column 11)","id":null,"line":7,"source":"t"}"#
        );
    }
}
