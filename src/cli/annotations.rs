//! `check`'s machine-readable formats for CI: GitHub workflow commands
//! (one `::warning file=...::message` line per diagnostic, shown as
//! annotations on a pull request) and SARIF 2.1.0 (one log for the whole
//! run, with a rule per code, for GitHub code scanning and other viewers).
//!
//! Both count lines and columns from 1, columns in UTF-16 code units (what
//! SARIF calls `utf16CodeUnits` and GitHub's editor shows).

use serde_json::{Value, json};

use crate::analysis::{Analysis, Config, Severity, codes};
use crate::line_index::{Encoding, LineCol, LineIndex};

/// One diagnostic located for output: 1-based start and end.
struct Located<'a> {
    code: &'a str,
    message: &'a str,
    severity: Severity,
    start: LineCol,
    end: LineCol,
}

fn located<'a>(text: &str, diagnostics: &'a [crate::analysis::Diagnostic]) -> Vec<Located<'a>> {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| Located {
            code: &d.code,
            message: &d.message,
            severity: d.severity,
            start: index.position(text, d.span.start, Encoding::Utf16),
            end: index.position(text, d.span.end, Encoding::Utf16),
        })
        .collect()
}

/// GitHub's command level for a severity.
fn github_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    }
}

/// A workflow command's message, escaped as GitHub reads it.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as GitHub reads it.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE`
/// for each diagnostic of one file.
pub fn github(path: &str, text: &str, analysis: &Analysis, config: &Config) -> Vec<String> {
    let diagnostics = analysis.diagnostics(text, config);
    located(text, &diagnostics)
        .into_iter()
        .map(|d| {
            format!(
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                github_level(d.severity),
                escape_property(path),
                d.start.line + 1,
                d.start.col + 1,
                d.end.line + 1,
                d.end.col + 1,
                escape_property(d.code),
                escape_data(d.message),
            )
        })
        .collect()
}

/// SARIF's level for a severity.
fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A path as a SARIF artifact URI reference: forward slashes, and the
/// characters a URI cannot hold percent-encoded.
fn artifact_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' | ':' => out.push(c),
            _ => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// The SARIF results of one file, as a JSON array (the batch runner hands
/// strings around; [`sarif_log`] joins them).
pub fn sarif_results(path: &str, text: &str, analysis: &Analysis, config: &Config) -> String {
    let rules = codes::rules();
    let rule_index = |code: &str| rules.iter().position(|r| r.code == code);
    let diagnostics = analysis.diagnostics(text, config);
    let results: Vec<Value> = located(text, &diagnostics)
        .into_iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(path)},
                        "region": {
                            "startLine": d.start.line + 1,
                            "startColumn": d.start.col + 1,
                            "endLine": d.end.line + 1,
                            "endColumn": d.end.col + 1,
                        }
                    }
                }]
            });
            if let Some(i) = rule_index(d.code) {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .collect();
    Value::Array(results).to_string()
}

/// One SARIF 2.1.0 log: the tool with a rule per code, and the results of
/// every file (each a JSON array from [`sarif_results`]).
pub fn sarif_log(per_file: &[String]) -> String {
    let rules: Vec<Value> = codes::rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.summary},
                "defaultConfiguration": {"level": "warning"},
            })
        })
        .collect();
    let results: Vec<Value> = per_file
        .iter()
        .filter_map(|s| serde_json::from_str::<Vec<Value>>(s).ok())
        .flatten()
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    // A tree of plain values: serialising it cannot fail.
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_github_reads_as_syntax() {
        assert_eq!(escape_data("50% of\nlines"), "50%25 of%0Alines");
        assert_eq!(escape_property("a,b:c.txt"), "a%2Cb%3Ac.txt");
    }

    #[test]
    fn artifact_uris_are_uri_references() {
        assert_eq!(artifact_uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(artifact_uri("dir\\x#1.txt"), "dir/x%231.txt");
        assert_eq!(artifact_uri("é.txt"), "%C3%A9.txt");
    }
}
