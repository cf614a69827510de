//! Organisation names that are themselves lists ("Harbours, Lakes and
//! Waterways Ontario"), joined back into one candidate when the article
//! uses the acronym their initials spell.

use super::super::Span;
use super::candidates::{Candidate, Certainty, Cues, is_connector};
use super::names::lexicon;
use crate::analysis::work::{tick, tick_n};

/// Most names in a list that an acronym may spell out.
const LONGEST_SPELLED_LIST: usize = 5;

/// "Harbours, Lakes and Waterways Ontario" ... "HLWO": an
/// organisation whose name is itself a list is cut into pieces at its
/// commas and "and"; when the article also uses an acronym that the
/// pieces' initials spell, the pieces become one candidate, so that the
/// acronym joins the full name. Linear: one pass over the candidates.
pub(super) fn join_spelled_out_lists(text: &str, cands: &[Candidate]) -> Option<Vec<Candidate>> {
    tick_n(cands.len());
    let acronyms: std::collections::HashSet<&str> = cands
        .iter()
        .filter(|c| c.all_caps && c.certainty != Certainty::Headline)
        .filter_map(|c| c.words.first().map(String::as_str))
        .filter(|w| (3..=8).contains(&w.len()))
        .collect();
    if acronyms.is_empty() {
        return None;
    }
    let mut spelled: Vec<(usize, usize, String)> = Vec::new();
    let mut start = 0;
    while start < cands.len() {
        tick();
        let mut end = start + 1;
        while end < cands.len()
            && end - start < LONGEST_SPELLED_LIST
            && list_piece(&cands[end])
            && text
                .get(cands[end - 1].span.end..cands[end].span.start)
                .is_some_and(is_list_gap)
        {
            tick();
            end += 1;
        }
        let found = (end - start >= 2 && list_piece(&cands[start]))
            .then(|| initials_of(&cands[start..end]))
            .filter(|letters| acronyms.contains(letters.as_str()));
        match found {
            Some(letters) => {
                spelled.push((start, end, letters));
                start = end;
            }
            None => start += 1,
        }
    }
    if spelled.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(cands.len());
    let mut next = spelled.into_iter().peekable();
    let mut i = 0;
    while i < cands.len() {
        tick();
        match next.peek() {
            Some((s, e, _)) if *s == i => {
                let (s, e, letters) = next.next().unwrap_or_default();
                out.extend(merge_pieces(cands.get(s..e).unwrap_or(&[]), letters));
                i = e;
            }
            _ => {
                out.extend(cands.get(i).cloned());
                i += 1;
            }
        }
    }
    Some(out)
}

/// A candidate that may be one piece of a listed organisation name: body
/// text, not a title-led name, not starting with a given name.
fn list_piece(c: &Candidate) -> bool {
    c.certainty != Certainty::Headline
        && !c.all_caps
        && !c.cues.title
        && c.words
            .first()
            .is_some_and(|w| lexicon().given(w).is_none())
}

/// ", ", " and ", ", and ", " & ": the text between two listed names.
fn is_list_gap(gap: &str) -> bool {
    matches!(gap, ", " | " and " | ", and " | " & ")
}

/// The first letters of the pieces' words, joining words skipped.
fn initials_of(pieces: &[Candidate]) -> String {
    tick_n(pieces.iter().map(|c| c.words.len()).sum());
    pieces
        .iter()
        .flat_map(|c| c.words.iter())
        .filter(|w| !is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// One candidate spanning `pieces`, with the acronym they spell.
fn merge_pieces(pieces: &[Candidate], acronym: String) -> Option<Candidate> {
    let first = pieces.first()?;
    let last = pieces.last()?;
    tick_n(3 * pieces.iter().map(|c| c.words.len()).sum::<usize>());
    Some(Candidate {
        span: Span::new(first.span.start, last.span.end),
        words: pieces
            .iter()
            .flat_map(|c| c.words.iter().cloned())
            .collect(),
        word_spans: pieces.iter().flat_map(|c| c.word_spans.clone()).collect(),
        certainty: Certainty::Certain,
        cues: Cues::default(),
        role: None,
        role_span: None,
        title_span: None,
        gender: None,
        acronym: Some(acronym),
        all_caps: false,
        common_words: pieces.iter().map(|c| c.common_words).sum(),
        has_digit: pieces.iter().any(|c| c.has_digit),
        acronym_first: false,
        acronym_last: false,
        camel_case: false,
        dropped_first: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, Gender, recognize_fresh};

    /// (name, kind, mentions as written) of every entity.
    fn entities(text: &str) -> Vec<(String, EntityKind, Vec<String>)> {
        recognize_fresh(text, &[])
            .into_iter()
            .map(|e| {
                let mentions = e
                    .mentions
                    .iter()
                    .map(|m| m.span.text(text).to_string())
                    .collect();
                (e.name, e.kind, mentions)
            })
            .collect()
    }

    fn gender_of(text: &str, name: &str) -> Option<Gender> {
        recognize_fresh(text, &[])
            .into_iter()
            .find(|e| e.name == name)
            .and_then(|e| e.gender)
    }

    #[test]
    fn a_kinship_noun_before_or_after_a_name_gives_its_gender() {
        let text = "Ada Quist came with her son Talvik Dane on Monday.";
        assert_eq!(gender_of(text, "Talvik Dane"), Some(Gender::Male));
        let text = "Talvik Dane, his wife, said the house was cold.";
        assert_eq!(gender_of(text, "Talvik Dane"), Some(Gender::Female));
        let text = "Talvik Dane, the lawyer for her husband, said the house was cold.";
        assert_eq!(gender_of(text, "Talvik Dane"), None);
    }

    #[test]
    fn a_listed_name_joins_up_when_an_acronym_spells_it() {
        let name = "Fisheries, Forests and Rivers Ontario";
        let text = "The letter came from Fisheries, Forests and Rivers Ontario on Monday. \
                    FFRO said the file was closed.";
        let found = entities(text);
        let full = found.iter().find(|(n, _, _)| n == name);
        assert_eq!(
            full.map(|(_, k, m)| (*k, m.clone())),
            Some((
                EntityKind::Organization,
                vec![name.to_string(), "FFRO".to_string()]
            ))
        );
    }

    #[test]
    fn a_list_stays_apart_without_its_acronym_or_when_it_lists_people() {
        let text = "The letter came from Fisheries, Forests and Rivers Ontario on Monday.";
        assert!(entities(text).iter().all(|(n, _, _)| !n.contains(',')));
        let text = "Omar, Lena and Maria Quill came on Monday. OLMQ said no.";
        assert!(entities(text).iter().all(|(n, _, _)| !n.contains(',')));
    }
}
