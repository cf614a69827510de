//! Criterion benchmarks of the pure analysis core.
//!
//! `analyze` is timed on articles of about 5 KB, 100 KB and 1 MB, built by
//! repeating the body of the bundled example with numbered variations; each
//! pass is also timed alone on the 100 KB article, so the cost that quotes
//! and entities add to the whole can be read off directly.
//!
//! `edit` times what the server does on a keystroke: re-analysis of the
//! 100 KB and 1 MB articles after a one-character edit, with an analyzer
//! kept from the previous version; `edit-passes-100KB` times each pass so
//! after an edit, with that pass's cache warm.
//!
//! `hostile` times a fresh analysis of about 1 MB of input written to find
//! a path that is worse than linear (quotation marks that never close, a
//! line without a sentence end, a Title Case run, control characters),
//! beside 1 MB of prose; each should cost about what prose costs per MB.
//!
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use copydesk::analysis::{self, Config, boilerplate, entities, fragments, quotes, segment};

const EXAMPLE: &str = include_str!("../examples/harbour-bridge.txt");

/// An article of at least `size` bytes: the example's headline, then its
/// body paragraphs repeated, each copy of a prose paragraph made distinct
/// (numbers varied, a copy number before its last period), so that the
/// analyzer's per-paragraph memo cannot reuse one copy's work for another.
/// Short furniture lines repeat as they would on a long scraped page.
fn article_of_size(size: usize) -> String {
    let mut paragraphs = EXAMPLE.split("\n\n");
    let mut out = String::with_capacity(size + EXAMPLE.len());
    out.push_str(paragraphs.next().unwrap_or_default());
    let body: Vec<&str> = paragraphs.collect();
    let mut copy = 0usize;
    while out.len() < size {
        for para in &body {
            out.push_str("\n\n");
            let varied = para.replace("12", &format!("{}", 12 + copy % 40));
            match varied.strip_suffix('.') {
                Some(prose) if copy > 0 => {
                    out.push_str(&format!("{prose} (copy {copy})."));
                }
                _ => out.push_str(&varied),
            }
        }
        copy += 1;
    }
    out.push('\n');
    out
}

fn bench_analyze(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("analyze");
    for (label, size) in [("5KB", 5_000), ("100KB", 100_000), ("1MB", 1_000_000)] {
        let text = article_of_size(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
            b.iter(|| analysis::analyze(black_box(text), &config))
        });
    }
    group.finish();
}

fn bench_passes(c: &mut Criterion) {
    let config = Config::default();
    let text = article_of_size(100_000);
    let seg = segment::segment(&text);
    let furniture = boilerplate::detect(&text, &seg, &config);
    let people = entities::recognize_fresh(&text, &furniture);
    let cues = quotes::read_fresh(&text, &people, &furniture).cues;
    let model = copydesk::analysis::driver::Driver::default().model(&text);
    let mut group = c.benchmark_group("passes-100KB");
    // The text model: segmentation, tokens with lexicon tags, quotation
    // marks and hints of every paragraph, as a fresh analysis builds it.
    group.bench_function("text-model", |b| {
        b.iter(|| copydesk::analysis::driver::Driver::default().model(black_box(&text)))
    });
    group.bench_function("boilerplate", |b| {
        b.iter(|| boilerplate::detect(black_box(&text), &seg, &config))
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            let mut driver = copydesk::analysis::driver::Driver::default();
            entities::recognize(&mut driver, black_box(&text), &model, &furniture)
        })
    });
    group.bench_function("quotes", |b| {
        b.iter(|| {
            quotes::find(
                &mut copydesk::analysis::driver::Driver::default(),
                black_box(&text),
                &model,
                &people,
                &furniture,
            )
        })
    });
    group.bench_function("fragments", |b| {
        b.iter(|| fragments::detect_fresh(black_box(&text), &furniture, &cues, &people))
    });
    group.finish();
}

/// Re-analysis after a one-character edit, as the language server does it:
/// one [`analysis::Analyzer`] reused across versions. Each iteration types
/// one more character into a paragraph in the middle of the article.
fn bench_edit(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("edit");
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000)] {
        let mut text = article_of_size(size);
        let middle = text.len() / 2;
        let at = text[middle..].find(". ").map_or(middle, |i| middle + i + 2);
        let mut analyzer = analysis::Analyzer::default();
        analyzer.analyze(&text, &config);
        if size >= 1_000_000 {
            group.sample_size(20);
        }
        let mut typed = 0usize;
        group.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter(|| {
                // Type a letter, or a space every sixth key, like a writer.
                let key = if typed % 6 == 5 { ' ' } else { 'a' };
                text.insert(at + typed, key);
                typed += 1;
                analyzer.analyze(black_box(&text), &config)
            })
        });
    }
    group.finish();
}

/// Each pass alone after a one-character edit of the 100 KB article, with
/// its cache kept from the previous version (the earlier passes' results
/// for the new version are made outside the timing).
fn bench_edit_passes(c: &mut Criterion) {
    use criterion::BatchSize;
    let config = Config::default();
    let mut text = article_of_size(100_000);
    let middle = text.len() / 2;
    let at = text[middle..].find(". ").map_or(middle, |i| middle + i + 2);
    let mut typed = 0usize;
    let upstream_config = config.clone();
    // One version per iteration: the text with one more key typed, and the
    // results of every pass for it.
    let mut next_version = move || {
        let key = if typed % 6 == 5 { ' ' } else { 'a' };
        text.insert(at + typed, key);
        typed += 1;
        let seg = segment::segment(&text);
        let furniture = boilerplate::detect(&text, &seg, &upstream_config);
        let people = entities::recognize_fresh(&text, &furniture);
        let cues = quotes::read_fresh(&text, &people, &furniture).cues;
        (text.clone(), seg, furniture, people, cues)
    };
    let mut group = c.benchmark_group("edit-passes-100KB");
    let mut driver = copydesk::analysis::driver::Driver::default();
    group.bench_function("segment", |b| {
        b.iter_batched(
            &mut next_version,
            |(text, ..)| {
                let model = driver.model(&text);
                driver.finish();
                model
            },
            BatchSize::LargeInput,
        )
    });
    let mut boilerplate_driver = copydesk::analysis::driver::Driver::default();
    group.bench_function("boilerplate", |b| {
        b.iter_batched(
            &mut next_version,
            |(text, ..)| {
                let model = boilerplate_driver.model(&text);
                let found =
                    boilerplate::detect_with(&mut boilerplate_driver, &text, &model, &config);
                boilerplate_driver.finish();
                found
            },
            BatchSize::LargeInput,
        )
    });
    let mut entity_driver = copydesk::analysis::driver::Driver::default();
    group.bench_function("entities", |b| {
        b.iter_batched(
            &mut next_version,
            |(text, _, furniture, ..)| {
                let model = entity_driver.model(&text);
                let found = entities::recognize(&mut entity_driver, &text, &model, &furniture);
                entity_driver.finish();
                found
            },
            BatchSize::LargeInput,
        )
    });
    let mut quotes_driver = copydesk::analysis::driver::Driver::default();
    group.bench_function("quotes", |b| {
        b.iter_batched(
            &mut next_version,
            |(text, _, furniture, people, _)| {
                let model = quotes_driver.model(&text);
                let found = quotes::find(&mut quotes_driver, &text, &model, &people, &furniture);
                quotes_driver.finish();
                found
            },
            BatchSize::LargeInput,
        )
    });
    let mut driver = copydesk::analysis::driver::Driver::default();
    group.bench_function("fragments", |b| {
        b.iter_batched(
            &mut next_version,
            |(text, _seg, furniture, people, cues)| {
                let model = driver.model(&text);
                let out = fragments::detect(&mut driver, &text, &model, &furniture, &cues, &people);
                driver.finish();
                out
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_analyze,
    bench_passes,
    bench_edit,
    bench_edit_passes,
    bench_hostile
);
/// Hostile inputs: a label, the separator between units, and the text
/// before and after the unit's number.
const HOSTILE: &[(&str, &str, &str, &str)] = &[
    ("unclosed-curly", " ", "“word", ""),
    ("unclosed-single", " ", "‘word", ""),
    ("unclosed-guillemet", " ", "«word", ""),
    ("straight-quotes", " ", "\"word", ""),
    ("stray-closers", " ", "word", "”"),
    (
        "quotes-in-one-paragraph",
        " ",
        "“Quote number ",
        ",” she said.",
    ),
    ("line-without-end", " ", "word", ""),
    ("title-case-run", " ", "Word", ""),
    ("control-chars", " ", "w\u{1}\u{2}", ""),
    ("unclosed-paragraphs", "\n\n", "“p", ""),
];

/// About `size` bytes of units `{before}{i}{after}` joined by `separator`
/// (the number makes every unit distinct), under a headline.
fn repeated(size: usize, separator: &str, before: &str, after: &str) -> String {
    let mut out = String::from("Headline\n\n");
    let mut i = 0;
    while out.len() < size {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(&format!("{before}{i}{after}"));
        i += 1;
    }
    out.push('\n');
    out
}

/// Prose, then each hostile input, each about `size` bytes.
fn hostile_inputs(size: usize) -> Vec<(&'static str, String)> {
    let mut inputs = vec![("prose", article_of_size(size))];
    for &(label, separator, before, after) in HOSTILE {
        inputs.push((label, repeated(size, separator, before, after)));
    }
    inputs
}

fn bench_hostile(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("hostile-1MB");
    group.sample_size(10);
    for (label, text) in hostile_inputs(1_000_000) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
            b.iter(|| analysis::analyze(black_box(text), &config))
        });
    }
    group.finish();
}

criterion_main!(benches);
