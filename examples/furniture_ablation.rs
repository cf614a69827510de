//! The leave-one-kind-out run of the boilerplate pass: with one kind of
//! furniture's own phrases left out (see
//! `copydesk::analysis::boilerplate::ablation`), print for each file the
//! lines where a boilerplate diagnostic starts, one JSON object per line:
//! `{"file", "lines": [...]}`. `scripts/leave_one_kind_out.py` runs it once
//! per kind and scores the recall of the kind left out.
//!
//! Run: `cargo run --release --example furniture_ablation -- [--without | --without-words
//! boilerplate/KIND] FILE...`.

use std::io::Write;
use std::process::ExitCode;

use copydesk::analysis::boilerplate::ablation;
use copydesk::analysis::{Config, analyze};
use serde_json::json;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = ablation::leave_out_from_args(&mut args) {
        eprintln!("furniture_ablation: {e}");
        return ExitCode::from(2);
    }
    if args.is_empty() {
        eprintln!(
            "usage: furniture_ablation [--without | --without-words boilerplate/KIND] FILE..."
        );
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in &args {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("furniture_ablation: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        let config = Config::default();
        let analysis = analyze(&text, &config);
        let mut lines: Vec<usize> = analysis
            .diagnostics(&text, &config)
            .iter()
            .filter(|d| d.code.starts_with("boilerplate"))
            .filter_map(|d| text.get(..d.span.start))
            .map(|before| before.matches('\n').count())
            .collect();
        lines.dedup();
        if writeln!(out, "{}", json!({"file": path, "lines": lines})).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
