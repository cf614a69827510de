//! Soak: many documents through one real `copydesk lsp` server, with the
//! default settings, to show that memory stays flat.
//!
//! Each cycle opens a new article (distinct text), edits it once and, once
//! 200 are open, closes the oldest; every 50th cycle waits for that
//! article's diagnostics of the edit, so the server keeps up. The server's
//! resident set (VmRSS) is read after 100 cycles, after 1,000 (200 open
//! for 800 cycles: the steady state) and at the end (after the last
//! diagnostics), with its peak (VmHWM). Prints a markdown table.
//! `cargo bench --bench lsp_soak` (10,000 cycles); `SOAK_CYCLES=N` for
//! another number.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::VecDeque;
use std::time::Instant;

use common::{Server, edit, range};
use serde_json::Value;

const OPEN_AT_ONCE: usize = 200;
const WAIT_EVERY: usize = 50;

fn main() {
    let cycles: usize = std::env::var("SOAK_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut server = Server::spawn();
    server.initialize(false, Value::Null);
    let started = Instant::now();
    let mut open: VecDeque<String> = VecDeque::new();
    let mut after_100 = None;
    let mut after_1000 = None;
    for i in 0..cycles {
        let uri = format!("file:///soak/article-{i}.txt");
        server.open(&uri, 1, &article(i));
        server.change(&uri, 2, vec![edit(range(2, 0, 2, 0), "Update: ")]);
        if i % WAIT_EVERY == WAIT_EVERY - 1 || i + 1 == cycles {
            server.wait_for_diagnostics(&uri, 2);
        }
        open.push_back(uri);
        if open.len() > OPEN_AT_ONCE
            && let Some(oldest) = open.pop_front()
        {
            server.close(&oldest);
        }
        if i + 1 == 100 {
            after_100 = rss_kib(server.pid(), "VmRSS:");
        }
        if i + 1 == 1000 {
            // 200 documents open for 800 cycles: the steady state
            after_1000 = rss_kib(server.pid(), "VmRSS:");
        }
    }
    let at_end = rss_kib(server.pid(), "VmRSS:");
    let peak = rss_kib(server.pid(), "VmHWM:");
    let took = started.elapsed();
    let mib = |k: Option<u64>| {
        k.map_or("n/a".to_string(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    println!(
        "| cycles | open at once | RSS after 100 | after 1,000 | after {cycles} | peak RSS | time |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {cycles} | {OPEN_AT_ONCE} | {} | {} | {} | {} | {:.1} s |",
        mib(after_100),
        mib(after_1000),
        mib(at_end),
        mib(peak),
        took.as_secs_f64()
    );
}

/// A field of /proc/PID/status in KiB (Linux only).
fn rss_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A short article of its own for cycle `i`: a headline, prose with a
/// quote and a name, one furniture line; the numbers make each distinct.
fn article(i: usize) -> String {
    format!(
        "Harbour Ferry Adds Crossing {i}\n\n\
         The harbour ferry will add crossing number {i} from Monday, the operator said.\n\n\
         “We have waited {n} years for this,” said Dana Whitfield, who rides it daily.\n\n\
         Advertisement\n\n\
         The council will review the timetable in {m} weeks, Whitfield added.\n",
        n = i % 40 + 2,
        m = i % 12 + 1,
    )
}
