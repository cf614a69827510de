//! One job per input on all cores, the results printed in input order.
//!
//! Inputs are taken from an iterator a window at a time (so a JSON Lines
//! stream on standard input is read as it comes, and memory holds one
//! window, not the archive), the window's jobs run on a rayon pool, and
//! their results are handed back in the order the inputs came: the output
//! of a parallel run is byte for byte that of `--jobs 1`. A progress line
//! goes to standard error when it is a terminal and the run takes long.

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// How many inputs a window holds per worker: enough that a slow input
/// rarely leaves the other workers idle at the window's end.
const WINDOW_PER_WORKER: usize = 16;

/// A run shorter than this shows no progress line.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// Run `work` on every item of `items` with `jobs` workers (0: one per
/// core) and hand each result to `emit` in input order; stop early when
/// `emit` breaks. `total`, when known, is shown in the progress line.
/// Returns an error only when the worker pool cannot be started.
pub fn run_ordered<T, R>(
    items: impl Iterator<Item = T>,
    total: Option<usize>,
    jobs: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> ControlFlow<()>,
) -> Result<(), String>
where
    T: Send,
    R: Send,
{
    let mut progress = Progress::new(total);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("cannot start {jobs} workers: {e}"))?;
    let window = pool.current_num_threads().max(1) * WINDOW_PER_WORKER;
    let mut items = items.peekable();
    while items.peek().is_some() {
        let chunk: Vec<T> = items.by_ref().take(window).collect();
        let results: Vec<R> = if pool.current_num_threads() == 1 {
            chunk.into_iter().map(&work).collect()
        } else {
            pool.install(|| chunk.into_par_iter().map(&work).collect())
        };
        for result in results {
            progress.step();
            if emit(result).is_break() {
                progress.finish();
                return Ok(());
            }
        }
    }
    progress.finish();
    Ok(())
}

/// `copydesk: 120/5000` on standard error, rewritten in place.
struct Progress {
    enabled: bool,
    total: Option<usize>,
    done: usize,
    started: Instant,
    last_shown: Option<Instant>,
}

impl Progress {
    fn new(total: Option<usize>) -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            total,
            done: 0,
            started: Instant::now(),
            last_shown: None,
        }
    }

    fn step(&mut self) {
        self.done += 1;
        if !self.enabled || self.started.elapsed() < PROGRESS_AFTER {
            return;
        }
        let now = Instant::now();
        if self
            .last_shown
            .is_some_and(|t| now - t < Duration::from_millis(100))
        {
            return;
        }
        self.last_shown = Some(now);
        match self.total {
            Some(total) => eprint!("\rcopydesk: {}/{total}", self.done),
            None => eprint!("\rcopydesk: {}", self.done),
        }
    }

    fn finish(&mut self) {
        if self.last_shown.is_some() {
            // Clear the progress line so the shell prompt starts clean.
            eprint!("\r\x1b[K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(jobs: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        run_ordered(
            0..n,
            Some(n),
            jobs,
            |i| {
                // Uneven work, so a parallel run finishes out of order.
                std::thread::sleep(Duration::from_micros(((n - i) % 7) as u64 * 50));
                i * i
            },
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        )
        .expect("pool starts");
        out
    }

    #[test]
    fn parallel_results_come_in_input_order() {
        let n = 3 * WINDOW_PER_WORKER * 4 + 5; // several windows and a rest
        let expected: Vec<usize> = (0..n).map(|i| i * i).collect();
        assert_eq!(squares(1, n), expected);
        assert_eq!(squares(4, n), expected);
        assert_eq!(squares(0, 0), Vec::<usize>::new());
    }

    #[test]
    fn a_break_stops_the_run() {
        let mut seen = Vec::new();
        run_ordered(
            0..1000usize,
            None,
            2,
            |i| i,
            |r| {
                seen.push(r);
                if r == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        )
        .expect("pool starts");
        assert_eq!(seen, [0, 1, 2, 3]);
    }
}
