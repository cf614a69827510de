//! The evidence the entity classifier weighs, for every group of name
//! candidates: one JSON object per group, `{"file", "name", "kind",
//! "certain", "headline_only", "only_bio", "lone_organisation_word",
//! "features": {name: value}}` (`kind` is what the shipped weights decide,
//! or null for no entity). `scripts/fit_entities.py` learns the weights
//! of `data/model/entity_kinds.txt` from it.
//!
//! Run: `cargo run --release --example entity_evidence -- FILE...`.

use std::io::Write;
use std::process::ExitCode;

use copydesk::analysis::entities::kind_evidence::Feature;
use copydesk::analysis::entities::kind_evidence_rows;
use copydesk::analysis::{Config, analyze};
use serde_json::{Map, Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: entity_evidence FILE...");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let config = Config::default();
    for path in &args {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("entity_evidence: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        let boilerplate = analyze(&text, &config).boilerplate;
        for row in kind_evidence_rows(&text, &boilerplate) {
            let features: Map<String, Value> = Feature::ALL
                .iter()
                .map(|&f| (f, row.evidence.get(f)))
                .filter(|(_, v)| *v != 0.0)
                .map(|(f, v)| (f.name().to_string(), json!(v)))
                .collect();
            let line = json!({
                "file": path,
                "name": row.name,
                "kind": row.kind.map(|k| k.as_str()),
                "certain": row.evidence.certain,
                "headline_only": row.evidence.headline_only,
                "only_bio": row.evidence.only_bio,
                "lone_organisation_word": row.evidence.lone_organisation_word,
                "features": features,
            });
            if writeln!(out, "{line}").is_err() {
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
