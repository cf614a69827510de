//! Rendering an analysis for the command line: the JSON contract of
//! `../shared/eval/README.md` (LSP-style ranges, UTF-16 columns), a readable
//! text report, and `check`'s one line per diagnostic.

use serde::Serialize;

use crate::analysis::quotes::QuoteKind;
use crate::analysis::{Analysis, Config, Span};
use crate::line_index::{Encoding, LineIndex};

// The JSON is written through plain `Serialize` structs rather than
// `serde_json::Value` trees: building and dropping a map per mention cost
// more than most analysis passes on a long article. Fields are declared in
// alphabetical order, the order `Value` objects serialise in, so the output
// is byte for byte what it was.

#[derive(Serialize)]
struct JsonPosition {
    character: u32,
    line: u32,
}

#[derive(Serialize)]
struct JsonRange {
    end: JsonPosition,
    start: JsonPosition,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    message: &'a str,
    range: JsonRange,
    severity: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    /// The speaker ranking's confidence (the winner's share), rounded.
    confidence: Option<f32>,
    cue: Option<&'a str>,
    kind: String,
    range: JsonRange,
    rule: Option<&'a str>,
    speaker: Option<&'a str>,
    text: String,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    range: JsonRange,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    kind: &'a str,
    mentions: Vec<JsonMention<'a>>,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonAnalysis<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    entities: Vec<JsonEntity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    quotes: Vec<JsonQuote<'a>>,
}

/// What names an analysis in the JSON output: the file it was read from,
/// or the id of its JSON Lines record.
#[derive(Clone, Copy, Debug)]
pub enum Label<'a> {
    Path(&'a str),
    Id(&'a serde_json::Value),
}

fn range(index: &LineIndex, text: &str, span: Span) -> JsonRange {
    let start = index.position(text, span.start, Encoding::Utf16);
    let end = index.position(text, span.end, Encoding::Utf16);
    JsonRange {
        end: JsonPosition {
            character: end.col,
            line: end.line,
        },
        start: JsonPosition {
            character: start.col,
            line: start.line,
        },
    }
}

/// The analysis as one JSON object (see `../shared/eval/README.md`),
/// named by `label` (a `path` or an `id` field).
pub fn json(text: &str, analysis: &Analysis, config: &Config, label: Label<'_>) -> String {
    let index = LineIndex::new(text);
    let found = analysis.diagnostics(text, config);
    // Positions count the source's characters; the texts shown are the
    // prose the passes read (Markdown without its markup).
    let shown = analysis.analysed_text(text);
    let diagnostics = found
        .iter()
        .map(|d| JsonDiagnostic {
            code: &d.code,
            message: &d.message,
            range: range(&index, text, d.span),
            severity: d.severity.as_str(),
            // a diagnostic on markup (a suppression comment's code) shows
            // the source: the prose view blanks markup out
            text: Some(d.span.text(shown))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| d.span.text(text)),
        })
        .collect();
    // The contract lists speech only: scare quotes and titles are not quotations.
    let quotes = analysis
        .quotes
        .iter()
        .filter(|q| q.is_speech())
        .map(|q| JsonQuote {
            confidence: q
                .attribution
                .as_ref()
                .map(|a| (a.confidence * 1000.0).round() / 1000.0),
            cue: q.attribution.as_ref().map(|a| a.cue.text(shown)),
            kind: format!("{:?}", q.kind).to_lowercase(),
            range: range(&index, text, q.span),
            rule: q.attribution.as_ref().map(|a| a.rule),
            speaker: q.speaker.as_ref().map(|s| s.name.as_str()),
            text: q.text(shown),
        })
        .collect();
    let entities = analysis
        .entities
        .iter()
        .map(|e| JsonEntity {
            kind: e.kind.as_str(),
            mentions: e
                .mentions
                .iter()
                .map(|m| JsonMention {
                    range: range(&index, text, m.span),
                    text: m.span.text(shown),
                })
                .collect(),
            name: &e.name,
        })
        .collect();
    let (id, path) = match label {
        Label::Path(path) => (None, Some(path)),
        Label::Id(id) => (Some(id), None),
    };
    let report = JsonAnalysis {
        diagnostics,
        entities,
        id,
        path,
        quotes,
    };
    // Plain structs with string keys: serialising them cannot fail.
    serde_json::to_string(&report).unwrap_or_default()
}

/// `path:line:col: severity[code] message`, 1-based line and column
/// (columns count UTF-16 code units, as LSP and the JSON output do).
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
            shorten(&q.text(analysis.analysed_text(text)), 60)
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
