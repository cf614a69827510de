//! Edit → publishDiagnostics latency of the real `copydesk lsp` binary.
//!
//! `cargo bench --bench lsp_latency` builds the release binary (Cargo hands
//! its path to benches as `CARGO_BIN_EXE_copydesk`), generates synthetic
//! articles of 5 KB, 10 KB, 100 KB, 1 MB and 10 MB (prose of its own with
//! some furniture lines), opens each in a fresh server with the default
//! settings, as a writer runs it (no delay: an edit is analysed at once,
//! and edits during an analysis coalesce), then types single characters
//! one at a time, waiting for the diagnostics of each version. Latency runs from writing the didChange to
//! reading the last byte of its publishDiagnostics (the client's own JSON
//! parsing is not counted). Prints a markdown table: median and p95
//! latency per size, the time to first
//! diagnostics after didOpen, and the server's peak RSS (VmHWM).
//! Then a second table: requests on a small document answered while a
//! 10 MB one is being analysed (it is opened, then edited before each
//! request, so an analysis of it is always running or queued).
//! Set `LSP_BENCH_QUICK=1` for a short run (fewer edits, no 10 MB).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{Server, edit, range};
use serde_json::Value;

/// (label, bytes, edits) per article size; fewer edits for the big ones so
/// the whole run stays around a minute.
const SIZES: &[(&str, usize, usize)] = &[
    ("5 KB", 5_000, 200),
    ("10 KB", 10_000, 200),
    ("100 KB", 100_000, 200),
    ("1 MB", 1_000_000, 40),
    ("10 MB", 10_000_000, 10),
];

const URI: &str = "file:///bench/article.txt";

fn main() {
    let quick = std::env::var_os("LSP_BENCH_QUICK").is_some();
    println!(
        "| article | edits | didOpen → diagnostics | edit → diagnostics median | p95 | max | peak RSS |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for &(label, bytes, edits) in SIZES {
        if quick && bytes > 1_000_000 {
            continue;
        }
        let edits = if quick { edits.min(20) } else { edits };
        let row = measure(bytes, edits);
        println!(
            "| {label} | {edits} | {} | {} | {} | {} | {} |",
            ms(row.open),
            ms(row.median),
            ms(row.p95),
            ms(row.max),
            row.peak_rss_kib.map_or("n/a".to_string(), |k| format!(
                "{:.1} MiB",
                k as f64 / 1024.0
            )),
        );
    }
    if !quick {
        beside_a_large_analysis();
    }
}

/// Requests on a 5 KB document while a 10 MB one is analysed.
const BESIDE_REQUESTS: usize = 40;

fn beside_a_large_analysis() {
    let large = article(10_000_000);
    let small = article(5_000);
    let small_uri = "file:///bench/small.txt";
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    server.open(small_uri, 1, &small);
    server.wait_for_diagnostics(small_uri, 1);
    server.open(URI, 1, &large);
    let (line, col) = middle_line_end(&large);
    let mut latencies = Vec::with_capacity(BESIDE_REQUESTS);
    for i in 0..BESIDE_REQUESTS {
        let at = col + i as u32;
        server.change(
            URI,
            i as i64 + 2,
            vec![edit(range(line, at, line, at), "x")],
        );
        let started = Instant::now();
        server.call(
            "textDocument/documentSymbol",
            serde_json::json!({"textDocument": {"uri": small_uri}}),
        );
        latencies.push(started.elapsed());
    }
    drop(server);
    latencies.sort_unstable();
    println!();
    println!("| beside a 10 MB analysis | requests | documentSymbol (5 KB) median | p95 | max |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| 5 KB beside 10 MB | {BESIDE_REQUESTS} | {} | {} | {} |",
        ms(percentile(&latencies, 50)),
        ms(percentile(&latencies, 95)),
        ms(latencies.last().copied().unwrap_or_default()),
    );
}

struct Row {
    open: Duration,
    median: Duration,
    p95: Duration,
    max: Duration,
    peak_rss_kib: Option<u64>,
}

fn measure(bytes: usize, edits: usize) -> Row {
    let text = article(bytes);
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);

    let opened = Instant::now();
    server.open(URI, 1, &text);
    server.wait_for_diagnostics(URI, 1);
    let open = server
        .last_arrival
        .unwrap_or_else(Instant::now)
        .duration_since(opened);

    // Type a word, one character per edit, at the end of a line in the
    // middle of the article (UTF-16 column = byte column: ASCII prose).
    let (line, col) = middle_line_end(&text);
    let typed = "copydesk ".chars().cycle();
    let mut latencies = Vec::with_capacity(edits);
    for (i, c) in typed.take(edits).enumerate() {
        let version = i as i64 + 2;
        let at = col + i as u32;
        let started = Instant::now();
        server.change(
            URI,
            version,
            vec![edit(range(line, at, line, at), &c.to_string())],
        );
        server.wait_for_diagnostics(URI, version);
        let arrived = server.last_arrival.unwrap_or_else(Instant::now);
        latencies.push(arrived.duration_since(started));
    }
    let peak_rss_kib = peak_rss_kib(server.pid());
    drop(server);

    latencies.sort_unstable();
    Row {
        open,
        median: percentile(&latencies, 50),
        p95: percentile(&latencies, 95),
        max: latencies.last().copied().unwrap_or_default(),
        peak_rss_kib,
    }
}

/// The `p`th percentile (nearest rank) of sorted samples.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (sorted.len() * p).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Peak resident set size of a process, from /proc (Linux only).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A prose line in the middle of `text` and its length (where typing
/// happens).
fn middle_line_end(text: &str) -> (u32, u32) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut line = lines.len() / 2;
    while line > 0 && lines[line].len() < 60 {
        line -= 1; // a prose line, not a blank or a furniture line
    }
    (line as u32, lines[line].len() as u32)
}

/// A synthetic article of about `bytes` bytes: a headline, then paragraphs
/// of plain newsroom prose from a small vocabulary written for this bench,
/// with a furniture line every ninth paragraph. Deterministic.
fn article(bytes: usize) -> String {
    const SUBJECTS: &[&str] = &[
        "The council",
        "Harbour officials",
        "The ferry operator",
        "Residents of the old town",
        "A spokeswoman for the county",
        "Local traders",
        "The transport committee",
    ];
    const VERBS: &[&str] = &[
        "said on Tuesday that",
        "warned that",
        "argued that",
        "told reporters that",
        "confirmed that",
    ];
    const CLAUSES: &[&str] = &[
        "the evening crossings would start in March",
        "the budget for the new timetable had grown by a fifth",
        "more deck hands would be hired before the summer",
        "the parking levy would pay for most of the service",
        "commuters on late shifts had waited too long for a boat",
        "the pier repairs were running two months behind",
        "a review would follow after six months of service",
    ];
    const FURNITURE: &[&str] = &[
        "Advertisement",
        "Share this article",
        "Sign up for our morning newsletter",
        "Read more: Bridge repairs delayed until autumn",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut out = String::from("Harbour Council Approves Late Ferry Crossings\n\n");
    let mut paragraph = 0;
    while out.len() < bytes {
        paragraph += 1;
        if paragraph % 9 == 0 {
            out.push_str(FURNITURE[next(FURNITURE.len())]);
        } else {
            let sentences = 2 + next(3);
            for s in 0..sentences {
                if s > 0 {
                    out.push(' ');
                }
                out.push_str(SUBJECTS[next(SUBJECTS.len())]);
                out.push(' ');
                out.push_str(VERBS[next(VERBS.len())]);
                out.push(' ');
                out.push_str(CLAUSES[next(CLAUSES.len())]);
                out.push('.');
            }
        }
        out.push_str("\n\n");
    }
    out
}
