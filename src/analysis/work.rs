//! A step counter for the analysis core, so tests can check that no pass
//! does more than linear work on hostile input.
//!
//! Wall-clock asserts are flaky on a shared machine and blind below the
//! size where a square starts to hurt; a count of steps is neither. Every
//! loop of the core whose number of iterations can grow with the input
//! calls [`tick`] once per iteration (at its innermost level; an outer loop
//! whose body always ticks need not), and work handed to a library in one
//! call (a regex match, a sentence splitter, a hash of a long key) is
//! counted with [`tick_n`] by the bytes or items handed over. A loop that
//! is quadratic anywhere then shows up as a count that quadruples when the
//! input doubles (see `tests_linear.rs`).
//!
//! The counter exists in test builds only: in every other build [`tick`]
//! and [`tick_n`] are empty and inlined away, so the library, the CLI and
//! the server pay nothing for it. It is thread-local, so tests running in
//! parallel each count their own analysis (the core never spawns threads).

#[cfg(test)]
thread_local! {
    /// Steps counted on this thread since the last [`reset`].
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one step of work.
#[inline(always)]
pub(crate) fn tick() {
    tick_n(1);
}

/// Counts `steps` steps of work at once: what one call into a library
/// costs, by the bytes or items handed to it.
#[inline(always)]
pub(crate) fn tick_n(steps: usize) {
    #[cfg(test)]
    STEPS.with(|counted| counted.set(counted.get().saturating_add(steps)));
    #[cfg(not(test))]
    let _ = steps;
}

/// Sets this thread's count back to zero.
#[cfg(test)]
pub(crate) fn reset() {
    STEPS.with(|counted| counted.set(0));
}

/// This thread's count since the last [`reset`].
#[cfg(test)]
pub(crate) fn steps() -> usize {
    STEPS.with(std::cell::Cell::get)
}

/// The steps `run` takes on this thread (the count is reset first).
#[cfg(test)]
pub(crate) fn steps_of<T>(run: impl FnOnce() -> T) -> usize {
    reset();
    std::hint::black_box(run());
    steps()
}
