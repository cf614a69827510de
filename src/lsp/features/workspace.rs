//! Workspace symbols (`workspace/symbol`): the entities of every open
//! article, searched by name.
//!
//! Matching is case-insensitive and fuzzy, ranked best first: the name
//! starts with the query ("jan" → "Jane Doe"), then a word of the name
//! starts with it ("doe" → "Jane Doe"), then the query's letters appear in
//! order ("jdoe" → "Jane Doe"; spaces in the query are ignored here). Ties
//! go alphabetically, then by document and position. An empty query lists
//! every entity. At most [`MAX_RESULTS`] symbols are returned. Each symbol
//! points at the entity's first mention and names the article's file as
//! its container.

use std::cmp::Ordering;

use tower_lsp_server::ls_types::{Location, OneOf, Uri, WorkspaceSymbol};

use super::DocView;
use super::common::{display_name, entity_symbol_kind, first_mention};
use crate::analysis::Span;

/// The most symbols one request returns.
pub const MAX_RESULTS: usize = 200;

/// How well a name matches a query; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Prefix,
    WordPrefix,
    Subsequence,
}

/// Entities across all open documents whose name matches `query` (see the
/// module docs for the ranking).
pub fn workspace_symbols(docs: &[DocView], query: &str) -> Vec<WorkspaceSymbol> {
    let query = query.trim().to_lowercase();
    let mut hits: Vec<Hit> = Vec::new();
    for (doc_index, doc) in docs.iter().enumerate() {
        for (entity, e) in doc.analysis.entities.iter().enumerate() {
            let Some(first) = first_mention(e) else {
                continue;
            };
            let name = display_name(doc, e);
            let folded = name.to_lowercase();
            if let Some(quality) = match_name(&query, &folded) {
                hits.push(Hit {
                    quality,
                    folded,
                    name,
                    doc: doc_index,
                    entity,
                    first,
                });
            }
        }
    }
    hits.sort_by(Hit::rank);
    hits.truncate(MAX_RESULTS);
    hits.into_iter().map(|hit| symbol(docs, hit)).collect()
}

struct Hit {
    quality: Match,
    folded: String,
    name: String,
    doc: usize,
    entity: usize,
    first: Span,
}

impl Hit {
    fn rank(a: &Hit, b: &Hit) -> Ordering {
        (a.quality, &a.folded, a.doc, a.first).cmp(&(b.quality, &b.folded, b.doc, b.first))
    }
}

fn symbol(docs: &[DocView], hit: Hit) -> WorkspaceSymbol {
    let doc = &docs[hit.doc];
    WorkspaceSymbol {
        name: hit.name,
        kind: entity_symbol_kind(doc.analysis.entities[hit.entity].kind),
        tags: None,
        container_name: Some(file_name(doc.uri)),
        location: OneOf::Left(Location::new(doc.uri.clone(), doc.lines.range(hit.first))),
        data: None,
    }
}

/// How `name` matches `query` (both already lowercase); `None` when not.
fn match_name(query: &str, name: &str) -> Option<Match> {
    if name.starts_with(query) {
        Some(Match::Prefix)
    } else if word_starts(name).any(|i| name[i..].starts_with(query)) {
        Some(Match::WordPrefix)
    } else if is_subsequence(query, name) {
        Some(Match::Subsequence)
    } else {
        None
    }
}

/// Byte offsets in `name` where a word starts after a non-alphanumeric
/// character ("Jane Doe-Smith" → 5, 9).
fn word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    name.char_indices()
        .zip(name.chars().skip(1))
        .filter(|&((_, before), c)| !before.is_alphanumeric() && c.is_alphanumeric())
        .map(|((i, before), _)| i + before.len_utf8())
}

/// Whether the non-space characters of `query` appear in `name` in order.
fn is_subsequence(query: &str, name: &str) -> bool {
    let mut rest = name.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| rest.by_ref().any(|c| c == q))
}

/// The last path segment of a URI, percent-decoded ("file:///a/b%20c.txt"
/// → "b c.txt"); the whole URI when it has no such segment.
fn file_name(uri: &Uri) -> String {
    let path = uri.path();
    let last = path.rsplit_once('/').map_or(path, |(_, last)| last);
    let name = last.decode().to_string_lossy().into_owned();
    if name.is_empty() {
        uri.as_str().to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::analysis::entities::Entity;
    use crate::line_index::Encoding;
    use crate::lsp::features::common::fixture::{self, Doc, range, uri};

    fn person(text: &str, name: &str) -> Entity {
        fixture::person_at(text, name)
    }

    fn doc_with(path: &str, text: &str, names: &[&str]) -> Doc {
        let analysis = Analysis {
            entities: names.iter().map(|n| person(text, n)).collect(),
            ..Analysis::default()
        };
        Doc::new(path, text, analysis, Encoding::Utf16)
    }

    fn names(found: &[WorkspaceSymbol]) -> Vec<&str> {
        found.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn prefix_beats_word_prefix_beats_subsequence() {
        let text = "Dora Lin met Ada Dorn, Odile Rask and Edo Ray.";
        let doc = doc_with(
            "/tmp/a.txt",
            text,
            &["Dora Lin", "Ada Dorn", "Odile Rask", "Edo Ray"],
        );
        let found = workspace_symbols(&[doc.view()], "DOR");
        // "Dora Lin" starts with it, a word of "Ada Dorn" does, "Edo Ray"
        // has d, o, r in order; "Odile Rask" has no "o" after its "d".
        assert_eq!(names(&found), ["Dora Lin", "Ada Dorn", "Edo Ray"]);
    }

    #[test]
    fn a_non_matching_query_finds_nothing() {
        let doc = doc_with("/tmp/a.txt", "Dora Lin spoke.", &["Dora Lin"]);
        assert!(workspace_symbols(&[doc.view()], "xyz").is_empty());
        assert!(workspace_symbols(&[doc.view()], "nil").is_empty());
    }

    #[test]
    fn spaces_in_the_query_are_skipped_for_subsequences() {
        let doc = doc_with("/tmp/a.txt", "Dora Lin spoke.", &["Dora Lin"]);
        assert_eq!(
            names(&workspace_symbols(&[doc.view()], "d l")),
            ["Dora Lin"]
        );
    }

    #[test]
    fn symbols_point_at_the_first_mention_in_their_own_document() {
        let first = doc_with("/tmp/one.txt", "Ada Dorn spoke.", &["Ada Dorn"]);
        let second = doc_with(
            "/tmp/news/two%20b.txt",
            "🎉 Then Ada Dorn spoke.",
            &["Ada Dorn"],
        );
        let found = workspace_symbols(&[first.view(), second.view()], "ada");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].container_name.as_deref(), Some("one.txt"));
        assert_eq!(found[1].container_name.as_deref(), Some("two b.txt"));
        assert_eq!(
            found[1].kind,
            tower_lsp_server::ls_types::SymbolKind::OBJECT
        );
        assert_eq!(
            found[1].location,
            OneOf::Left(Location::new(
                uri("/tmp/news/two%20b.txt"),
                range(0, 8, 0, 16)
            ))
        );
    }

    #[test]
    fn an_empty_query_lists_everything_alphabetically_up_to_the_cap() {
        let doc = doc_with("/tmp/a.txt", "Zed Ito and Bo Ek.", &["Zed Ito", "Bo Ek"]);
        assert_eq!(
            names(&workspace_symbols(&[doc.view()], "")),
            ["Bo Ek", "Zed Ito"]
        );
        let views: Vec<DocView> = std::iter::repeat_n(doc.view(), 150).collect();
        assert_eq!(workspace_symbols(&views, "  ").len(), MAX_RESULTS);
    }

    #[test]
    fn word_starts_follow_punctuation_and_spaces() {
        let starts: Vec<usize> = word_starts("jane doe-smith").collect();
        assert_eq!(starts, [5, 9]);
        assert_eq!(word_starts("zoë").count(), 0);
    }
}
