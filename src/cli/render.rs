//! Rendering an analysis for the command line: the JSON contract of
//! `../shared/eval/README.md` (LSP-style ranges, UTF-16 columns), a readable
//! text report, and `check`'s one line per diagnostic.

use serde_json::{Value, json};

use crate::analysis::quotes::QuoteKind;
use crate::analysis::{Analysis, Config, Span};
use crate::line_index::{Encoding, LineIndex};

fn range(index: &LineIndex, text: &str, span: Span) -> Value {
    let start = index.position(text, span.start, Encoding::Utf16);
    let end = index.position(text, span.end, Encoding::Utf16);
    json!({
        "start": {"line": start.line, "character": start.col},
        "end": {"line": end.line, "character": end.col},
    })
}

/// The analysis as one JSON object (see `../shared/eval/README.md`).
pub fn json(text: &str, analysis: &Analysis, config: &Config) -> String {
    let index = LineIndex::new(text);
    let diagnostics: Vec<Value> = analysis
        .diagnostics(text, config)
        .iter()
        .map(|d| {
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "range": range(&index, text, d.span),
                "text": d.span.text(text),
            })
        })
        .collect();
    // The contract lists speech only: scare quotes and titles are not quotations.
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .filter(|q| q.is_speech())
        .map(|q| {
            json!({
                "text": q.text(text),
                "range": range(&index, text, q.span),
                "kind": format!("{:?}", q.kind).to_lowercase(),
                "speaker": q.speaker.as_ref().map(|s| s.name.as_str()),
                "cue": q.attribution.as_ref().map(|a| a.cue.text(text)),
                "rule": q.attribution.as_ref().map(|a| a.rule),
            })
        })
        .collect();
    let entities: Vec<Value> = analysis
        .entities
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "kind": e.kind.as_str(),
                "mentions": e.mentions.iter().map(|m| json!({
                    "text": m.span.text(text),
                    "range": range(&index, text, m.span),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"diagnostics": diagnostics, "quotes": quotes, "entities": entities}).to_string()
}

/// `path:line:col: severity[code] message`, 1-based line and column
/// (columns in characters, as most terminals and editors count them).
pub fn check_lines(path: &str, text: &str, analysis: &Analysis, config: &Config) -> Vec<String> {
    let index = LineIndex::new(text);
    analysis
        .diagnostics(text, config)
        .iter()
        .map(|d| {
            let pos = index.position(text, d.span.start, Encoding::Utf16);
            format!(
                "{path}:{}:{}: {}[{}] {}",
                pos.line + 1,
                pos.col + 1,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

/// A readable report: diagnostics, then quotes and speakers, then entities.
pub fn text(path: &str, text: &str, analysis: &Analysis, config: &Config) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    let line_of = |span: Span| index.position(text, span.start, Encoding::Utf16).line + 1;
    out.push_str(&format!("{path}\n\nDiagnostics\n"));
    let diagnostics = analysis.diagnostics(text, config);
    if diagnostics.is_empty() {
        out.push_str("  none\n");
    }
    for d in &diagnostics {
        out.push_str(&format!(
            "  line {:>4}  {:<30} {}\n",
            line_of(d.span),
            d.code,
            d.message
        ));
    }
    out.push_str("\nQuotes\n");
    if analysis.quotes.is_empty() {
        out.push_str("  none\n");
    }
    for q in &analysis.quotes {
        let speaker = match q.kind {
            QuoteKind::ScareQuote => "(scare quote)",
            QuoteKind::Title => "(title)",
            QuoteKind::Speech => q.speaker.as_ref().map_or("(unknown)", |s| s.name.as_str()),
        };
        out.push_str(&format!(
            "  line {:>4}  {:<24} “{}”\n",
            line_of(q.span),
            speaker,
            shorten(&q.text(text), 60)
        ));
    }
    out.push_str("\nEntities\n");
    if analysis.entities.is_empty() {
        out.push_str("  none\n");
    }
    for e in &analysis.entities {
        out.push_str(&format!(
            "  {:<13} {:<30} {} mention{}\n",
            e.kind.as_str(),
            e.name,
            e.mentions.len(),
            if e.mentions.len() == 1 { "" } else { "s" }
        ));
    }
    out
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}
