//! Property tests: the core and the line index never panic on any text, and
//! every span they report lies on character boundaries inside the text.

use copydesk::analysis::{Config, analyze};
use copydesk::line_index::{Encoding, LineCol, LineIndex};
use proptest::prelude::*;

/// Text made of the characters that trouble news text: quotes of every kind,
/// apostrophes, line breaks, emoji, CJK, combining marks and plain words.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr",
        "Putin",
        "said",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        ".",
        ",",
        "?",
        "!",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "😀",
        "好",
        "e\u{301}",
        "U.S.",
        "Advertisement",
        "Share",
        "he",
        "added",
        ":",
        "—",
        "the",
        "J.",
        "K.",
        "Rowling",
        "READ MORE:",
        "(AP Photo/Ann Lee)",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysis_spans_lie_on_char_boundaries(text in newsy_text()) {
        let analysis = analyze(&text, &Config::default());
        let mut spans = Vec::new();
        spans.extend(analysis.diagnostics(&text, &Config::default()).iter().map(|d| d.span));
        for quote in &analysis.quotes {
            spans.push(quote.span);
            spans.extend(quote.parts.iter().copied());
        }
        for entity in &analysis.entities {
            spans.extend(entity.mentions.iter().map(|m| m.span));
        }
        for span in spans {
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }

    #[test]
    fn any_text_is_analysed_without_panic(text in any::<String>()) {
        let _ = analyze(&text, &Config::default());
    }

    #[test]
    fn positions_round_trip_at_char_boundaries(text in newsy_text()) {
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let pos = index.position(&text, offset, encoding);
                let back = index.offset(&text, pos, encoding);
                // A `\r` before `\n` is not addressable as a column of its line.
                let expected = if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    offset - 1
                } else {
                    offset
                };
                prop_assert_eq!(back, expected, "offset {} via {:?}", offset, pos);
            }
        }
    }

    #[test]
    fn any_position_converts_to_a_char_boundary(text in newsy_text(), line in 0u32..50, col in 0u32..200) {
        let index = LineIndex::new(&text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let offset = index.offset(&text, LineCol { line, col }, encoding);
            prop_assert!(offset <= text.len() && text.is_char_boundary(offset));
        }
    }
}
