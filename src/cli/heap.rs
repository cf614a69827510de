//! The process's heap allocator: mimalloc instead of the system's.
//!
//! An analysis makes millions of small, short-lived allocations (token
//! lists, candidate names, per-paragraph summaries) and frees them all when
//! the driver is dropped; glibc's malloc spends a fifth of a fresh
//! analysis's time on them (and on growing and faulting in its heap).
//! mimalloc's thread-local free lists do the same work in a fraction of it.
//! Declared in the library, so the binary, the tests and the benches all
//! run on the allocator the language server runs on. No `unsafe` here: the
//! crate implements `GlobalAlloc` itself.
//!
//! Built with `no_thp`: with transparent huge pages the 1 MB benchmark
//! peaked at 102 MiB instead of 65 MiB, and a run now and then spent 0.2 s
//! in the kernel compacting memory; without them it peaks at 77 MiB and
//! keeps most of the gain (fresh analysis 0.81 of cef740e's CPU, against
//! 0.75 with huge pages).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
