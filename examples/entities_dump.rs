//! Print the entities copydesk finds in a file, one per line: kind,
//! canonical name, role, and every mention as written.
//!
//! A debugging aid for the entity pass (it replaces an ignored unit test
//! that did the same from an environment variable). The whole analysis
//! runs, so boilerplate paragraphs are skipped as in `copydesk analyze`.
//!
//! Run: `cargo run --example entities_dump -- examples/harbour-bridge.txt`.

use std::process::ExitCode;

use copydesk::analysis::{Config, analyze};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: entities_dump FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("entities_dump: {}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    for e in analyze(&text, &Config::default()).entities {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.span.text(&text)).collect();
        println!("{:?} {} {:?} {:?}", e.kind, e.name, e.role, mentions);
    }
    ExitCode::SUCCESS
}
