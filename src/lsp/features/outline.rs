//! The outline (`textDocument/documentSymbol`): who and what the piece is
//! about, and who said what.
//!
//! Top-level groups, each present only when it has something in it:
//! "People", "Organizations", "Places", "Other" (entities, in order of first
//! mention) and "Quotes" (each quote under its speaker, in order; then
//! "Unattributed", then "Scare quotes and titles"). An entity's own quotes
//! are also its children under its group, so the outline navigates from a
//! person straight to what they said.
//!
//! Symbol kinds: groups are NAMESPACE; entities as in
//! [`entity_symbol_kind`] (person OBJECT, organisation STRUCT, place
//! CONSTANT, other VARIABLE); a quote is a STRING; a speaker who is not an
//! entity ("a spokesperson") is an OBJECT; "Unattributed" is NULL.
//!
//! Ranges: an entity's selection range is its first mention and a quote's
//! both ranges are its span. Every parent's range is the union of its own
//! selection and its children's ranges, so each child lies inside its
//! parent and each selection inside its range, as clients (VS Code,
//! Neovim) require. The tree is built on byte spans and converted once.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{DocumentSymbol, SymbolKind};

use super::DocView;
use super::common::{
    SpeakerKey, count_noun, display_name, entity_symbol_kind, first_mention, snippet,
    speaker_entity, speaker_key,
};
use crate::analysis::Span;
use crate::analysis::entities::EntityKind;
use crate::analysis::quotes::{Quote, QuoteKind};

/// How many words of a quote name it in the outline.
const PREVIEW_WORDS: usize = 6;

/// The entity groups, in outline order.
const ENTITY_GROUPS: [(&str, EntityKind); 4] = [
    ("People", EntityKind::Person),
    ("Organizations", EntityKind::Organization),
    ("Places", EntityKind::Place),
    ("Other", EntityKind::Other),
];

/// The hierarchical outline of one document (see the module docs).
pub fn document_symbols(doc: &DocView) -> Vec<DocumentSymbol> {
    let quotes_of = quotes_by_entity(doc);
    let entities = entities_in_order(doc);
    let mut groups: Vec<Node> = ENTITY_GROUPS
        .iter()
        .filter_map(|&(title, kind)| {
            let children = entities
                .iter()
                .filter(|&&(_, index)| doc.analysis.entities[index].kind == kind)
                .map(|&(first, index)| entity_node(doc, index, first, &quotes_of[index]))
                .collect();
            Node::group(title, SymbolKind::NAMESPACE, children)
        })
        .collect();
    groups.extend(quotes_group(doc));
    groups.into_iter().map(|n| n.into_symbol(doc)).collect()
}

/// One outline entry on byte spans; `span` always covers `selection` and
/// every child's `span`.
struct Node {
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<Node>,
}

impl Node {
    fn leaf(name: String, detail: Option<String>, kind: SymbolKind, selection: Span) -> Node {
        Node {
            name,
            detail,
            kind,
            span: selection,
            selection,
            children: Vec::new(),
        }
    }

    fn with_children(mut self, children: Vec<Node>) -> Node {
        self.span = children
            .iter()
            .fold(self.span, |hull, c| union(hull, c.span));
        self.children = children;
        self
    }

    /// A group selecting its first child; `None` when it has no children.
    fn group(name: &str, kind: SymbolKind, children: Vec<Node>) -> Option<Node> {
        let selection = children.first()?.selection;
        Some(Node::leaf(name.to_string(), None, kind, selection).with_children(children))
    }

    #[allow(deprecated)] // `deprecated` is a required field of the struct.
    fn into_symbol(self, doc: &DocView) -> DocumentSymbol {
        let children: Vec<DocumentSymbol> = self
            .children
            .into_iter()
            .map(|c| c.into_symbol(doc))
            .collect();
        DocumentSymbol {
            name: self.name,
            detail: self.detail,
            kind: self.kind,
            tags: None,
            deprecated: None,
            range: doc.lines.range(self.span),
            selection_range: doc.lines.range(self.selection),
            children: (!children.is_empty()).then_some(children),
        }
    }
}

fn union(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

/// Entities that have a mention, with their first mention, in order of it.
fn entities_in_order(doc: &DocView) -> Vec<(Span, usize)> {
    let mut order: Vec<(Span, usize)> = doc
        .analysis
        .entities
        .iter()
        .enumerate()
        .filter_map(|(index, e)| Some((first_mention(e)?, index)))
        .collect();
    order.sort();
    order
}

/// Each entity's speech quotes, in document order.
fn quotes_by_entity<'a>(doc: &DocView<'a>) -> Vec<Vec<&'a Quote>> {
    let mut out = vec![Vec::new(); doc.analysis.entities.len()];
    for quote in doc
        .analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
    {
        if let Some(index) = quote.speaker.as_ref().and_then(|s| speaker_entity(doc, s)) {
            out[index].push(quote);
        }
    }
    out
}

fn entity_node(doc: &DocView, index: usize, first: Span, quotes: &[&Quote]) -> Node {
    let entity = &doc.analysis.entities[index];
    Node::leaf(
        display_name(doc, entity),
        Some(count_noun(entity.mentions.len(), "mention")),
        entity_symbol_kind(entity.kind),
        first,
    )
    .with_children(quotes.iter().map(|q| quote_node(doc, q)).collect())
}

fn quote_node(doc: &DocView, quote: &Quote) -> Node {
    let detail = match quote.kind {
        QuoteKind::Speech => None,
        QuoteKind::ScareQuote => Some("scare quote".to_string()),
        QuoteKind::Title => Some("title".to_string()),
    };
    Node::leaf(preview(doc, quote), detail, SymbolKind::STRING, quote.span)
}

/// The first [`PREVIEW_WORDS`] words of a quote in curly quotes, trailing
/// commas and colons dropped, "…" when words were cut:
/// `“We will build it”`, `“Every one of the six words…”`.
fn preview(doc: &DocView, quote: &Quote) -> String {
    let mut words = quote
        .parts
        .iter()
        .flat_map(|p| snippet(doc.prose(), *p).split_whitespace());
    let shown: Vec<&str> = words.by_ref().take(PREVIEW_WORDS).collect();
    let cut = words.next().is_some();
    let joined = shown.join(" ");
    let trimmed = joined.trim_end_matches([',', ';', ':']);
    let ellipsis = if cut { "…" } else { "" };
    format!("“{trimmed}{ellipsis}”")
}

/// "Quotes": one child per speaker (in order of their first quote) with
/// their quotes, then "Unattributed", then "Scare quotes and titles".
fn quotes_group(doc: &DocView) -> Option<Node> {
    let mut speakers: Vec<(String, SymbolKind, Vec<Node>)> = Vec::new();
    let mut slot: HashMap<SpeakerKey, usize> = HashMap::new();
    let mut unattributed = Vec::new();
    let mut not_speech = Vec::new();
    for quote in &doc.analysis.quotes {
        let node = quote_node(doc, quote);
        match (&quote.kind, &quote.speaker) {
            (QuoteKind::Speech, Some(speaker)) => {
                let key = speaker_key(doc, speaker);
                let at = *slot.entry(key.clone()).or_insert_with(|| {
                    speakers.push(speaker_heading(doc, &key));
                    speakers.len() - 1
                });
                speakers[at].2.push(node);
            }
            (QuoteKind::Speech, None) => unattributed.push(node),
            _ => not_speech.push(node),
        }
    }
    let mut children: Vec<Node> = speakers
        .into_iter()
        .filter_map(|(name, kind, quotes)| counted_group(name, kind, quotes))
        .collect();
    children.extend(counted_group(
        "Unattributed".to_string(),
        SymbolKind::NULL,
        unattributed,
    ));
    children.extend(counted_group(
        "Scare quotes and titles".to_string(),
        SymbolKind::NAMESPACE,
        not_speech,
    ));
    Node::group("Quotes", SymbolKind::NAMESPACE, children)
}

/// The name and kind of a speaker's entry in "Quotes".
fn speaker_heading(doc: &DocView, key: &SpeakerKey) -> (String, SymbolKind, Vec<Node>) {
    let (name, kind) = match key {
        SpeakerKey::Entity(index) => {
            let entity = &doc.analysis.entities[*index];
            (display_name(doc, entity), entity_symbol_kind(entity.kind))
        }
        SpeakerKey::Named(name) if name.is_empty() => {
            ("(unnamed speaker)".to_string(), SymbolKind::OBJECT)
        }
        SpeakerKey::Named(name) => (name.clone(), SymbolKind::OBJECT),
    };
    (name, kind, Vec::new())
}

/// A group of quotes with "N quotes" as detail; `None` when empty.
fn counted_group(name: String, kind: SymbolKind, quotes: Vec<Node>) -> Option<Node> {
    let detail = count_noun(quotes.len(), "quote");
    let mut node = Node::group(&name, kind, quotes)?;
    node.detail = Some(detail);
    Some(node)
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;
    use crate::analysis::Analysis;
    use crate::line_index::Encoding;
    use crate::lsp::features::common::fixture::{Doc, TEXT, analysis, range};

    /// name, kind, detail and children of a symbol, for comparing shapes.
    #[derive(Debug, PartialEq)]
    struct Shape {
        name: String,
        kind: SymbolKind,
        detail: Option<String>,
        children: Vec<Shape>,
    }

    fn shape(symbol: &DocumentSymbol) -> Shape {
        Shape {
            name: symbol.name.clone(),
            kind: symbol.kind,
            detail: symbol.detail.clone(),
            children: symbol.children.iter().flatten().map(shape).collect(),
        }
    }

    fn s(name: &str, kind: SymbolKind, detail: Option<&str>, children: Vec<Shape>) -> Shape {
        Shape {
            name: name.to_string(),
            kind,
            detail: detail.map(str::to_string),
            children,
        }
    }

    fn quote(name: &str) -> Shape {
        s(name, SymbolKind::STRING, None, Vec::new())
    }

    fn inside(outer: Range, inner: Range) -> bool {
        let key = |p: Position| (p.line, p.character);
        key(outer.start) <= key(inner.start) && key(inner.end) <= key(outer.end)
    }

    /// Every selection inside its range, every child inside its parent.
    fn assert_nested(symbol: &DocumentSymbol) {
        assert!(
            inside(symbol.range, symbol.selection_range),
            "{}: selection outside range",
            symbol.name
        );
        for child in symbol.children.iter().flatten() {
            assert!(
                inside(symbol.range, child.range),
                "{} not inside {}",
                child.name,
                symbol.name
            );
            assert_nested(child);
        }
    }

    #[test]
    fn groups_entities_and_quotes_under_their_speakers() {
        let doc = Doc::sample();
        let symbols = document_symbols(&doc.view());
        let shapes: Vec<Shape> = symbols.iter().map(shape).collect();
        let jane_quotes = || {
            vec![
                quote("“We will build it, and we…”"),
                quote("“It is a good day”"),
            ]
        };
        let tom_quotes = || vec![quote("“It is too expensive”")];
        assert_eq!(
            shapes,
            vec![
                s(
                    "People",
                    SymbolKind::NAMESPACE,
                    None,
                    vec![
                        s(
                            "Jane Doe",
                            SymbolKind::OBJECT,
                            Some("2 mentions"),
                            jane_quotes()
                        ),
                        s(
                            "Tom Reed",
                            SymbolKind::OBJECT,
                            Some("1 mention"),
                            tom_quotes()
                        ),
                    ]
                ),
                s(
                    "Organizations",
                    SymbolKind::NAMESPACE,
                    None,
                    vec![s(
                        "Green Party",
                        SymbolKind::STRUCT,
                        Some("1 mention"),
                        vec![]
                    )]
                ),
                s(
                    "Places",
                    SymbolKind::NAMESPACE,
                    None,
                    vec![s(
                        "Riverside Hall",
                        SymbolKind::CONSTANT,
                        Some("1 mention"),
                        vec![]
                    )]
                ),
                s(
                    "Quotes",
                    SymbolKind::NAMESPACE,
                    None,
                    vec![
                        s(
                            "Jane Doe",
                            SymbolKind::OBJECT,
                            Some("2 quotes"),
                            jane_quotes()
                        ),
                        s(
                            "Tom Reed",
                            SymbolKind::OBJECT,
                            Some("1 quote"),
                            tom_quotes()
                        ),
                        s(
                            "Unattributed",
                            SymbolKind::NULL,
                            Some("1 quote"),
                            vec![quote("“Nobody asked us.”")]
                        ),
                        s(
                            "Scare quotes and titles",
                            SymbolKind::NAMESPACE,
                            Some("1 quote"),
                            vec![s(
                                "“vanity project”",
                                SymbolKind::STRING,
                                Some("scare quote"),
                                vec![]
                            )]
                        ),
                    ]
                ),
            ]
        );
        symbols.iter().for_each(assert_nested);
    }

    #[test]
    fn ranges_are_first_mentions_quotes_and_their_unions() {
        let doc = Doc::sample();
        let symbols = document_symbols(&doc.view());
        let people = &symbols[0];
        let jane = &people.children.as_ref().expect("people")[0];
        // Selected at "Jane Doe"; spanning her split quote and the "she" quote.
        assert_eq!(jane.selection_range, range(2, 26, 2, 34));
        assert_eq!(jane.range, range(2, 0, 4, 51));
        let tom = &people.children.as_ref().expect("people")[1];
        assert_eq!(tom.selection_range, range(6, 66, 6, 74));
        assert_eq!(tom.range, range(6, 38, 6, 74));
        // The group covers both people and selects the first.
        assert_eq!(people.range, range(2, 0, 6, 74));
        assert_eq!(people.selection_range, jane.selection_range);
        let hall = &symbols[2].children.as_ref().expect("places")[0];
        assert_eq!(hall.range, range(4, 16, 4, 30));
        let quotes = &symbols[3];
        assert_eq!(quotes.range, range(2, 0, 8, 18));
        assert_eq!(quotes.selection_range, range(2, 0, 2, 66));
    }

    #[test]
    fn a_speaker_mentioned_before_a_later_quote_spans_both() {
        // Give Tom Reed the first quote, lines before his only mention.
        let mut analysis = analysis();
        analysis.quotes[0].speaker.as_mut().expect("speaker").entity = Some(1);
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let symbols = document_symbols(&doc.view());
        let tom = &symbols[0].children.as_ref().expect("people")[1];
        assert_eq!(tom.name, "Tom Reed");
        assert_eq!(tom.selection_range, range(6, 66, 6, 74));
        assert_eq!(tom.range, range(2, 0, 6, 74));
        symbols.iter().for_each(assert_nested);
    }

    #[test]
    fn nothing_found_gives_an_empty_outline() {
        let doc = Doc::new(
            "/tmp/e.txt",
            "no names here\n",
            Analysis::default(),
            Encoding::Utf16,
        );
        assert!(document_symbols(&doc.view()).is_empty());
    }

    #[test]
    fn entities_without_mentions_are_left_out() {
        let mut analysis = analysis();
        analysis.entities[2].mentions.clear();
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let names: Vec<String> = document_symbols(&doc.view())
            .iter()
            .map(|s| s.name.clone())
            .collect();
        assert_eq!(names, ["People", "Places", "Quotes"]);
    }
}
