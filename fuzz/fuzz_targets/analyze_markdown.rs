//! Markdown on arbitrary UTF-8: the prose view is as long as the source,
//! keeps its line breaks, and every other byte is the source's own, a
//! blank, a table's line break or a decoded character reference; every
//! invariant of `invariants.rs` holds against the Markdown source (spans on
//! its char boundaries, so positions need no mapping); every quote and
//! mention starts on prose, not on blanked markup; and an analyzer that saw
//! the first half first gives what a fresh one gives on the whole.
#![no_main]

use copydesk::analysis::markdown::prose_view;
use copydesk::analysis::{Analyzer, Config, Syntax, analyze_as};
use libfuzzer_sys::fuzz_target;

mod invariants;

fuzz_target!(|text: &str| {
    let view = prose_view(text);
    assert_eq!(view.text.len(), text.len(), "the view keeps every offset");
    let bytes = text.as_bytes();
    // inside `&name;` or `&#...;`: a character reference the parser decoded
    // (the longest named one, `&CounterClockwiseContourIntegral;`, has 33
    // bytes)
    let in_reference = |i: usize| {
        let start = bytes[..=i].iter().rposition(|&b| b == b'&');
        let end = bytes[i..].iter().position(|&b| b == b';').map(|e| i + e);
        start.zip(end).is_some_and(|(s, e)| {
            e - s <= 33
                && bytes[s + 1..e]
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'#')
        })
    };
    // on a line with a `|`: a table row, whose cells the view parts with
    // line breaks
    let on_table_line = |i: usize| {
        let start = bytes[..i].iter().rposition(|&b| b == b'\n').map_or(0, |s| s + 1);
        let end = bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |e| i + e);
        bytes[start..end].contains(&b'|')
    };
    for (i, (&shown, &source)) in view.text.as_bytes().iter().zip(bytes).enumerate() {
        if source == b'\n' || source == b'\r' {
            assert_eq!(shown, source, "the source's line breaks stay");
        }
        assert!(
            shown == b' '
                || shown == source
                || (shown == b'\n' && (source == b'|' || source == b' ') && on_table_line(i))
                || in_reference(i)
        );
    }
    for s in &view.suppressions {
        assert!(s.region.start <= s.region.end && s.region.end <= text.len());
    }

    let config = Config::default();
    let analysis = analyze_as(text, Syntax::Markdown, &config);
    invariants::check(text, &analysis, &config);
    let prose = analysis.analysed_text(text).as_bytes();
    let on_prose = |at: usize| prose.get(at).is_none_or(|b| !b.is_ascii_whitespace());
    for q in &analysis.quotes {
        assert!(on_prose(q.span.start), "a quote starting on markup");
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            assert!(on_prose(m.span.start), "a mention starting on markup");
        }
    }

    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let mut analyzer = Analyzer::new(Syntax::Markdown);
    analyzer.analyze(&text[..half], &config);
    assert_eq!(analyzer.analyze(text, &config), analysis, "incremental == fresh");
});
