//! How much the quote pass adds to the analysis of a 100 KB article: the
//! whole `analyze` against `quotes::find` alone on the same input. The issue
//! allows quotes at most 30 % of the rest of the analysis.

use std::hint::black_box;

use copydesk::analysis::driver::Driver;
use copydesk::analysis::{Config, analyze, boilerplate, entities, quotes, segment};
use criterion::{Criterion, criterion_group, criterion_main};

/// A news-like article of about `bytes` bytes: paragraphs of narrative
/// (most of a news story), cued quotes, pronoun cues, split quotes and
/// scare quotes, at about one quotation per 500 bytes as in the dev corpus.
fn article(bytes: usize) -> String {
    let names = [
        ("Jane Roe", "Roe", "she"),
        ("Tom Hill", "Hill", "he"),
        ("Ana Silva", "Silva", "she"),
        ("Omar Haddad", "Haddad", "he"),
    ];
    let mut text = String::from("Council Votes On ‘Green’ Budget\n\n");
    let mut i = 0;
    while text.len() < bytes {
        let (full, surname, pronoun) = names[i % names.len()];
        // Numbers from the block's index keep every paragraph distinct, so
        // the analyzer's per-paragraph memo cannot reuse one block's work
        // for the next.
        let (year, residents, signatures) = (i + 1, 20 + i, 1000 + i);
        text.push_str(&format!(
            "{full}, the head of the finance committee, met {residents} residents on Monday. \
             The so-called “green” plan was discussed for hours.\n\n\
             The committee has reviewed the city's spending every year since the \
             provincial government changed the funding formula, and officials expect review \
             number {year} to take until the end of the spring session. Several councillors have \
             asked for the report to be published before the vote.\n\n\
             Property taxes rose by four per cent in year {year}, the largest increase in a \
             decade, while transit fares stayed the same. The city also borrowed to repair \
             two bridges and a water treatment plant on the east side.\n\n\
             Residents of the older neighbourhoods near the river have complained for \
             years about flooding, broken sidewalks and the slow pace of repairs, and a \
             petition with {signatures} signatures was delivered to city hall in the \
             autumn. The council agreed then to hold public meetings before the budget.\n\n\
             “We cannot keep spending like this in year {year},” {surname} said. “The numbers do not add up.”\n\n\
             “Nobody wants to cut {residents} services,” {pronoun} added, “but we have no choice.”\n\n\
             {surname} told reporters vote {year} was “a very close call” and left.\n\n"
        ));
        i += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = article(100_000);
    let config = Config::default();
    let seg = segment::segment(&text);
    let furniture = boilerplate::detect(&text, &seg, &config);
    let people = entities::recognize_fresh(&text, &furniture);
    c.bench_function("analyze 100 KB", |b| {
        b.iter(|| analyze(black_box(&text), &config))
    });
    let model = Driver::default().model(&text);
    c.bench_function("quotes::find 100 KB", |b| {
        b.iter(|| {
            quotes::find(
                &mut Driver::default(),
                black_box(&text),
                &model,
                &people,
                &furniture,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
