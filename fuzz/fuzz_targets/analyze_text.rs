//! `analyze` on arbitrary UTF-8: no panic, and every invariant of
//! `invariants.rs` holds.
#![no_main]

use copydesk::analysis::{Config, analyze};
use libfuzzer_sys::fuzz_target;

mod invariants;

fuzz_target!(|text: &str| {
    let config = Config::default();
    let analysis = analyze(text, &config);
    invariants::check(text, &analysis, &config);
});
