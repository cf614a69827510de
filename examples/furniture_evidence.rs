//! The evidence the boilerplate score weighs, for every paragraph after
//! the headline that the score judges (1 to 50 words, not a line of
//! results): one JSON object per paragraph, `{"file", "line", "rules",
//! "features": {name: value}}` (`rules` is the kind the patterns and rules
//! gave it, or null). `scripts/fit_furniture.py` learns the weights of
//! `data/model/furniture.txt` from it.
//!
//! Run: `cargo run --release --example furniture_evidence -- [--without | --without-words
//! boilerplate/KIND] FILE...`; with `--without`, that kind's own phrases
//! are left out (see `copydesk::analysis::boilerplate::ablation`).

use std::io::Write;
use std::process::ExitCode;

use copydesk::analysis::Config;
use copydesk::analysis::boilerplate::{ablation, evidence_rows};
use serde_json::{Map, Value, json};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = ablation::leave_out_from_args(&mut args) {
        eprintln!("furniture_evidence: {e}");
        return ExitCode::from(2);
    }
    if args.is_empty() {
        eprintln!(
            "usage: furniture_evidence [--without | --without-words boilerplate/KIND] FILE..."
        );
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let config = Config::default();
    for path in &args {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("furniture_evidence: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        for row in evidence_rows(&text, &config) {
            let Some(evidence) = row.evidence else {
                continue;
            };
            let features: Map<String, Value> = evidence
                .values()
                .iter()
                .map(|&(f, v)| (f.name().to_string(), json!(v)))
                .collect();
            let line = json!({
                "file": path,
                "line": row.first_line,
                "rules": row.rules.map(|k| k.code()),
                "features": features,
            });
            if writeln!(out, "{line}").is_err() {
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
