//! Print, for each speech quote of each file, the speakers the ranking
//! chooses among and their features: one JSON object per quote per line,
//! `{"file", "quote", "candidates": [{"name", "features": {...}}]}`.
//!
//! `scripts/fit_speakers.py` runs this over the development corpora and
//! learns the weights of `data/model/speakers.txt` from it.
//!
//! Run: `cargo run --release --example speaker_candidates -- FILE...`.

use std::io::Write;
use std::process::ExitCode;

use copydesk::analysis::{Config, analyze, quotes};
use serde_json::{Map, Value, json};

fn main() -> ExitCode {
    let paths: Vec<_> = std::env::args_os().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: speaker_candidates FILE...");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("speaker_candidates: {}: {e}", path.to_string_lossy());
                return ExitCode::from(2);
            }
        };
        let analysis = analyze(&text, &Config::default());
        for (quote, candidates) in
            quotes::speaker_candidates(&text, &analysis.entities, &analysis.boilerplate)
        {
            let candidates: Vec<Value> = candidates
                .iter()
                .map(|c| {
                    let features: Map<String, Value> = c
                        .features()
                        .map(|(f, v)| (f.name().to_string(), json!(v)))
                        .collect();
                    json!({"name": c.speaker(&analysis.entities).name, "features": features})
                })
                .collect();
            let row = json!({
                "file": path.to_string_lossy(),
                "quote": quote.text(&text),
                "candidates": candidates,
            });
            if writeln!(out, "{row}").is_err() {
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
