//! Criterion benchmarks inside the entity pass: the tokenizer, the
//! person-name lookups, and the one-off parse of the name lexicon.
//!
//! These were timing printouts in ignored unit tests; as benches they get
//! repeated samples and comparisons between runs. The pass as a whole
//! against the others is `cargo bench --bench analysis -- passes-100KB`.
//!
//! The tokenizer and lexicon are private, so the benches go through
//! `entities::bench_hooks`, a hidden module kept for them. Neither step
//! memoizes, so repeating the bundled example to about 100 KB cannot flatter
//! the figures.
//!
//! Run: `cargo bench --bench entities`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use copydesk::analysis::entities::bench_hooks;
use copydesk::analysis::segment;

const EXAMPLE: &str = include_str!("../examples/harbour-bridge.txt");

/// The bundled example repeated to at least 100 KB.
fn article_100kb() -> String {
    EXAMPLE.repeat(100_000usize.div_ceil(EXAMPLE.len()))
}

fn bench_tokenize(c: &mut Criterion) {
    let text = article_100kb();
    let seg = segment::segment(&text);
    let mut group = c.benchmark_group("entities-100KB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| bench_hooks::tokenize_sentences(black_box(&text), &seg))
    });
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    // Load the lexicon outside the timing.
    bench_hooks::name_lookups(&words[..1]);
    group.bench_function("name-lookups", |b| {
        b.iter(|| bench_hooks::name_lookups(black_box(&words)))
    });
    group.finish();
}

/// What the first entity recognition of a process pays once for the
/// person-name lists (titles, given names, surnames, common words, …).
fn bench_lexicon_load(c: &mut Criterion) {
    c.bench_function("name-lexicon-load", |b| {
        b.iter(bench_hooks::load_name_lexicon)
    });
}

criterion_group!(benches, bench_tokenize, bench_lexicon_load);
criterion_main!(benches);
