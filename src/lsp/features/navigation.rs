//! Entity navigation: go to definition (the first mention), find
//! references (every mention) and document highlights (every mention).
//!
//! The entity under the cursor is found as in [`entity_at`]: a mention
//! containing the offset, else one ending at it, else the words naming a
//! quote's speaker ("she" in `“…,” she said`) stand for that speaker. A
//! name's "definition" is where the article introduces it: its first
//! mention. Highlights are all of kind TEXT: a mention neither reads nor
//! writes anything, and marking the first mention differently would tell
//! the reader nothing the outline does not.

use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, Location};

use super::DocView;
use super::common::{entity_at, first_mention};
use crate::analysis::Span;

/// The first mention of the entity mentioned at `offset`.
pub fn definition(doc: &DocView, offset: usize) -> Option<Location> {
    let (index, _) = entity_at(doc, offset)?;
    let first = first_mention(&doc.analysis.entities[index])?;
    Some(location(doc, first))
}

/// Every mention of the entity mentioned at `offset`, in document order
/// (the first mention included).
pub fn references(doc: &DocView, offset: usize) -> Vec<Location> {
    mentions_at(doc, offset)
        .into_iter()
        .map(|span| location(doc, span))
        .collect()
}

/// Every mention of the entity under the cursor, all of kind TEXT.
pub fn highlights(doc: &DocView, offset: usize) -> Vec<DocumentHighlight> {
    mentions_at(doc, offset)
        .into_iter()
        .map(|span| DocumentHighlight {
            range: doc.lines.range(span),
            kind: Some(DocumentHighlightKind::TEXT),
        })
        .collect()
}

/// The mention spans of the entity at `offset`, sorted, without repeats.
fn mentions_at(doc: &DocView, offset: usize) -> Vec<Span> {
    let Some((index, _)) = entity_at(doc, offset) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = doc.analysis.entities[index]
        .mentions
        .iter()
        .map(|m| m.span)
        .collect();
    spans.sort();
    spans.dedup();
    spans
}

fn location(doc: &DocView, span: Span) -> Location {
    Location::new(doc.uri.clone(), doc.lines.range(span))
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::Range;

    use super::*;
    use crate::analysis::{Config, analyze};
    use crate::line_index::Encoding;
    use crate::lsp::features::common::fixture::{Doc, TEXT, analysis, find, range};

    fn ranges(locations: &[Location]) -> Vec<Range> {
        locations.iter().map(|l| l.range).collect()
    }

    #[test]
    fn definition_is_the_first_mention_from_any_mention() {
        let doc = Doc::sample();
        let view = doc.view();
        let expected = Some(Location::new(doc.uri.clone(), range(2, 26, 2, 34)));
        // From the later "Doe" (after the emoji) and from the first itself.
        assert_eq!(definition(&view, find("Doe", 1).start + 1), expected);
        assert_eq!(definition(&view, find("Jane", 0).start), expected);
        // From the pronoun naming her as a speaker.
        assert_eq!(definition(&view, find("she", 0).start), expected);
        // Not from plain words, nor from an unattributed quote.
        assert_eq!(definition(&view, find("Critics", 0).start), None);
        assert_eq!(definition(&view, find("Nobody", 0).start), None);
    }

    #[test]
    fn references_list_every_mention_with_utf16_and_utf8_columns() {
        let doc = Doc::sample();
        let refs = references(&doc.view(), find("Doe", 1).start);
        assert!(refs.iter().all(|l| l.uri == doc.uri));
        assert_eq!(ranges(&refs), [range(2, 26, 2, 34), range(4, 3, 4, 6)]);
        let utf8 = Doc::new("/tmp/bridge.txt", TEXT, analysis(), Encoding::Utf8);
        let refs = references(&utf8.view(), find("Doe", 1).start);
        assert_eq!(ranges(&refs), [range(2, 30, 2, 38), range(4, 5, 4, 8)]);
    }

    #[test]
    fn no_references_off_any_name() {
        let doc = Doc::sample();
        assert!(references(&doc.view(), find("spoke", 0).start).is_empty());
        assert!(references(&doc.view(), TEXT.len() + 5).is_empty());
    }

    #[test]
    fn highlights_are_every_mention_as_text() {
        let doc = Doc::sample();
        let found = highlights(&doc.view(), find("Green", 0).start + 2);
        assert_eq!(
            found,
            [DocumentHighlight {
                range: range(6, 82, 6, 93),
                kind: Some(DocumentHighlightKind::TEXT),
            }]
        );
        let jane = highlights(&doc.view(), find("Jane", 0).start);
        let kinds: Vec<_> = jane.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [Some(DocumentHighlightKind::TEXT); 2]);
        assert_eq!(jane[1].range, range(4, 3, 4, 6));
    }

    #[test]
    fn end_to_end_a_surname_refers_to_the_full_name() {
        let text = "The council met on Monday.\n\n\
                    Mayor Jane Doe opened the meeting. Later, Doe thanked the crews.\n";
        let analysis = analyze(text, &Config::default());
        let doc = Doc::new("/tmp/council.txt", text, analysis, Encoding::Utf16);
        let surname = text.rfind("Doe").expect("in text");
        let refs = references(&doc.view(), surname + 1);
        assert_eq!(ranges(&refs), [range(2, 6, 2, 14), range(2, 42, 2, 45)]);
        assert_eq!(
            definition(&doc.view(), surname).map(|l| l.range),
            Some(range(2, 6, 2, 14))
        );
    }
}
