//! Helpers shared by the feature modules: finding what lies under the
//! cursor, safe text snippets, Markdown escaping, counting and wording.
//!
//! Everything here reads one [`DocView`]; nothing converts positions except
//! through [`crate::lsp::convert::Lines`]. Spans from the analysis are read
//! with [`snippet`], never by indexing, so a span that does not fit the text
//! (it should always fit) yields an empty string instead of a panic.

use tower_lsp_server::ls_types::SymbolKind;

use super::DocView;
use crate::analysis::Span;
use crate::analysis::entities::{Entity, EntityKind};
use crate::analysis::quotes::{Quote, Speaker};

/// The text a span covers, or "" when the span does not fit the text.
pub(super) fn snippet(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// `s` with every run of whitespace (line breaks included) made one space,
/// trimmed at both ends.
pub(super) fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` with Markdown's punctuation backslash-escaped, so text from the
/// article shows as written inside a card.
pub(super) fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '|'
                | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The 1-based line number of byte `offset`, as a reader counts lines.
pub(super) fn line_number(doc: &DocView, offset: usize) -> u32 {
    doc.lines.position(offset).line + 1
}

/// "1 mention" / "3 mentions".
pub(super) fn count_noun(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The speaker ranking's confidence in words: "certain" at or above
/// [`CERTAIN_AT`], "likely" at or above [`LIKELY_AT`], else "unsure" (also
/// for a confidence that is not a number).
///
/// The bands mean what they say on the development corpora
/// (`scripts/calibrate_confidence.py`, ggt and polnear, 2026-12-08): of the
/// quotes matched to gold ones, "certain" covers 72 % of the fit part and
/// is right 94.3 % of the time (held part: 71 %, 94.0 %), "likely" 17 % at
/// 80.9 % (held: 16 %, 79.6 %), "unsure" 12 % at 51.1 % (held: 13 %,
/// 49.5 %).
pub(super) fn confidence_words(confidence: f32) -> &'static str {
    if confidence >= CERTAIN_AT {
        "certain"
    } else if confidence >= LIKELY_AT {
        "likely"
    } else {
        "unsure"
    }
}

/// The lowest confidence called "certain" (see [`confidence_words`]).
pub(super) const CERTAIN_AT: f32 = 0.95;

/// The lowest confidence called "likely" (see [`confidence_words`]).
pub(super) const LIKELY_AT: f32 = 0.80;

/// The earliest mention of an entity (mentions should already be in
/// document order; this does not rely on it).
pub(super) fn first_mention(entity: &Entity) -> Option<Span> {
    entity.mentions.iter().map(|m| m.span).min()
}

/// The entity a speaker refers to, when the index is valid.
pub(super) fn speaker_entity(doc: &DocView, speaker: &Speaker) -> Option<usize> {
    speaker
        .entity
        .filter(|&index| index < doc.analysis.entities.len())
}

/// Who a speaker is, for grouping quotes: the entity when the speaker is a
/// valid one, else the name as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum SpeakerKey {
    Entity(usize),
    Named(String),
}

pub(super) fn speaker_key(doc: &DocView, speaker: &Speaker) -> SpeakerKey {
    match speaker_entity(doc, speaker) {
        Some(index) => SpeakerKey::Entity(index),
        None => SpeakerKey::Named(squash_whitespace(&speaker.name)),
    }
}

/// A speaker's name for display: the entity's canonical name when the
/// speaker is a valid entity, else the name as given (on one line), else a
/// placeholder.
pub(super) fn speaker_display_name(doc: &DocView, speaker: &Speaker) -> String {
    if let Some(index) = speaker_entity(doc, speaker) {
        return display_name(doc, &doc.analysis.entities[index]);
    }
    let name = squash_whitespace(&speaker.name);
    if name.is_empty() {
        "(unnamed speaker)".to_string()
    } else {
        name
    }
}

/// How many quotes of the piece have the same speaker (by [`SpeakerKey`]).
pub(super) fn quotes_by_speaker(doc: &DocView, speaker: &Speaker) -> usize {
    let key = speaker_key(doc, speaker);
    doc.analysis
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|other| speaker_key(doc, other) == key)
        .count()
}

/// How many quotes are attributed to entity `index`.
pub(super) fn quotes_of_entity(doc: &DocView, index: usize) -> usize {
    doc.analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().and_then(|s| s.entity) == Some(index))
        .count()
}

/// The innermost quote whose quoted words (a part, without the marks)
/// contain `offset`.
pub(super) fn quote_part_at<'a>(doc: &DocView<'a>, offset: usize) -> Option<&'a Quote> {
    innermost(
        doc.analysis
            .quotes
            .iter()
            .filter(|q| q.parts.iter().any(|p| p.contains(offset))),
    )
}

/// The innermost quote that contains `offset` anywhere ([`Quote::contains`]:
/// marks and a splitting attribution included).
pub(super) fn quote_at<'a>(doc: &DocView<'a>, offset: usize) -> Option<&'a Quote> {
    innermost(doc.analysis.quotes.iter().filter(|q| q.contains(offset)))
}

fn innermost<'a>(quotes: impl Iterator<Item = &'a Quote>) -> Option<&'a Quote> {
    quotes.min_by_key(|q| q.span.len())
}

/// The entity named at `offset`, with the span of the words that name it
/// there.
///
/// A mention containing `offset` wins; failing that, a mention ending
/// exactly at `offset` (the cursor just after a name, where editors put it
/// after a double-click or typing). Failing both, the words that name a
/// quote's speaker in its attribution ("she" in `“…,” she said`) stand for
/// the speaker's entity, so a pronoun leads to the person it means.
pub(super) fn entity_at(doc: &DocView, offset: usize) -> Option<(usize, Span)> {
    let mut touching = None;
    for (index, entity) in doc.analysis.entities.iter().enumerate() {
        for mention in &entity.mentions {
            if mention.span.contains(offset) {
                return Some((index, mention.span));
            }
            if touching.is_none() && mention.span.end == offset && !mention.span.is_empty() {
                touching = Some((index, mention.span));
            }
        }
    }
    touching.or_else(|| speaker_mention_at(doc, offset))
}

/// The speaker entity of a quote whose attribution names the speaker with
/// words containing `offset`.
fn speaker_mention_at(doc: &DocView, offset: usize) -> Option<(usize, Span)> {
    doc.analysis.quotes.iter().find_map(|q| {
        let span = q.attribution.as_ref()?.speaker_mention?;
        let entity = speaker_entity(doc, q.speaker.as_ref()?)?;
        span.contains(offset).then_some((entity, span))
    })
}

/// The outline's symbol kind for an entity. LSP has no kinds for people or
/// places, so these are picked for distinct icons with a fitting meaning:
/// a person is an individual (OBJECT), an organisation a body made of
/// members (STRUCT), a place a fixed point (CONSTANT), anything else a
/// VARIABLE.
pub(super) fn entity_symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Organization => SymbolKind::STRUCT,
        EntityKind::Place => SymbolKind::CONSTANT,
        EntityKind::Other => SymbolKind::VARIABLE,
    }
}

/// A display name for an entity: its canonical name on one line, else its
/// first mention as written, else a placeholder (symbol names must not be
/// empty).
pub(super) fn display_name(doc: &DocView, entity: &Entity) -> String {
    let name = squash_whitespace(&entity.name);
    if !name.is_empty() {
        return name;
    }
    let written = first_mention(entity)
        .map(|span| squash_whitespace(snippet(doc.prose(), span)))
        .unwrap_or_default();
    if written.is_empty() {
        "(unnamed)".to_string()
    } else {
        written
    }
}

#[cfg(test)]
pub(super) mod fixture {
    //! A short article of our own with a hand-built analysis, shared by the
    //! feature tests so they do not depend on the analysis passes.

    use tower_lsp_server::ls_types::{Position, Range, Uri};

    use crate::analysis::entities::{Entity, EntityKind, Gender, Mention};
    use crate::analysis::quotes::{Attribution, Quote, QuoteKind, Speaker};
    use crate::analysis::{Analysis, Span};
    use crate::line_index::{Encoding, LineIndex};
    use crate::lsp::convert::Lines;
    use crate::lsp::features::DocView;

    /// Lines 0–8; line 4 starts with an emoji (two UTF-16 units, four
    /// bytes) so columns after it differ between encodings.
    pub const TEXT: &str = "Council backs bridge plan\n\
        \n\
        “We will build it,” Mayor Jane Doe said, “and we will pay for it.”\n\
        \n\
        🎉 Doe spoke at Riverside Hall. “It is a good day,” she said.\n\
        \n\
        Critics called it a “vanity project”. “It is too expensive,” said Tom Reed of the Green Party.\n\
        \n\
        “Nobody asked us.”\n";

    pub const JANE: usize = 0;
    pub const TOM: usize = 1;
    pub const HALL: usize = 3;

    /// The span of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
    pub fn find(needle: &str, nth: usize) -> Span {
        let start = TEXT
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the fixture"));
        Span::new(start, start + needle.len())
    }

    pub fn range(line: u32, start: u32, end_line: u32, end: u32) -> Range {
        Range::new(Position::new(line, start), Position::new(end_line, end))
    }

    fn mentions(spans: &[Span]) -> Vec<Mention> {
        spans.iter().map(|&span| Mention::at(span)).collect()
    }

    fn entity(name: &str, kind: EntityKind, role: Option<&str>, spans: &[Span]) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            mentions: mentions(spans),
            gender: None,
            role: role.map(str::to_string),
            surname: None,
            acronym_of: None,
        }
    }

    pub fn entities() -> Vec<Entity> {
        let mut jane = entity(
            "Jane Doe",
            EntityKind::Person,
            Some("Mayor"),
            &[find("Jane Doe", 0), find("Doe", 1)],
        );
        jane.gender = Some(Gender::Female);
        vec![
            jane,
            entity("Tom Reed", EntityKind::Person, None, &[find("Tom Reed", 0)]),
            entity(
                "Green Party",
                EntityKind::Organization,
                None,
                &[find("Green Party", 0)],
            ),
            entity(
                "Riverside Hall",
                EntityKind::Place,
                None,
                &[find("Riverside Hall", 0)],
            ),
        ]
    }

    fn speech(whole: &str, parts: &[&str], speaker: Option<(&str, usize)>) -> Quote {
        Quote {
            span: find(whole, 0),
            parts: parts.iter().map(|p| find(p, 0)).collect(),
            kind: QuoteKind::Speech,
            speaker: speaker.map(|(name, entity)| Speaker {
                name: name.to_string(),
                entity: Some(entity),
            }),
            attribution: None,
            group: 0,
        }
    }

    fn attribution(cue: Span, mention: Span, rule: &'static str, confidence: f32) -> Attribution {
        Attribution {
            cue,
            speaker_mention: Some(mention),
            rule,
            confidence,
        }
    }

    /// Quotes in document order: 0 Jane (split by its attribution), 1 Jane
    /// ("she"), 2 a scare quote, 3 Tom Reed, 4 unattributed.
    pub fn quotes() -> Vec<Quote> {
        let mut split = speech(
            "“We will build it,” Mayor Jane Doe said, “and we will pay for it.”",
            &["We will build it,", "and we will pay for it."],
            Some(("Jane Doe", JANE)),
        );
        split.attribution = Some(attribution(
            find("said", 0),
            find("Jane Doe", 0),
            "adjacent cue",
            0.95,
        ));
        let mut pronoun = speech(
            "“It is a good day,”",
            &["It is a good day,"],
            Some(("Jane Doe", JANE)),
        );
        pronoun.attribution = Some(attribution(find("said", 1), find("she", 0), "pronoun", 0.6));
        let scare = Quote {
            span: find("“vanity project”", 0),
            parts: vec![find("vanity project", 0)],
            kind: QuoteKind::ScareQuote,
            speaker: None,
            attribution: None,
            group: 1,
        };
        let mut tom = speech(
            "“It is too expensive,”",
            &["It is too expensive,"],
            Some(("Tom Reed", TOM)),
        );
        tom.attribution = Some(attribution(
            find("said", 2),
            find("Tom Reed", 0),
            "cue before speaker",
            0.8,
        ));
        let nobody = speech("“Nobody asked us.”", &["Nobody asked us."], None);
        vec![split, pronoun, scare, tom, nobody]
    }

    pub fn analysis() -> Analysis {
        Analysis {
            entities: entities(),
            quotes: quotes(),
            ..Analysis::default()
        }
    }

    /// A person with one mention: the first occurrence of `name` in `text`.
    pub fn person_at(text: &str, name: &str) -> Entity {
        let start = text.find(name).expect("in text");
        Entity {
            name: name.to_string(),
            kind: EntityKind::Person,
            mentions: vec![Mention::at(Span::new(start, start + name.len()))],
            gender: None,
            role: None,
            surname: None,
            acronym_of: None,
        }
    }

    pub fn uri(path: &str) -> Uri {
        format!("file://{path}").parse().expect("a valid file URI")
    }

    /// Everything a [`DocView`] borrows, owned by the test.
    pub struct Doc {
        pub uri: Uri,
        pub text: String,
        pub index: LineIndex,
        pub analysis: Analysis,
        pub encoding: Encoding,
    }

    impl Doc {
        pub fn new(path: &str, text: &str, analysis: Analysis, encoding: Encoding) -> Doc {
            Doc {
                uri: uri(path),
                text: text.to_string(),
                index: LineIndex::new(text),
                analysis,
                encoding,
            }
        }

        /// The fixture article, UTF-16 columns.
        pub fn sample() -> Doc {
            Doc::new("/tmp/bridge.txt", TEXT, analysis(), Encoding::Utf16)
        }

        pub fn view(&self) -> DocView<'_> {
            DocView {
                uri: &self.uri,
                lines: Lines {
                    text: &self.text,
                    index: &self.index,
                    encoding: self.encoding,
                },
                analysis: &self.analysis,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{Doc, HALL, JANE, find};
    use super::*;

    #[test]
    fn snippet_of_a_span_outside_the_text_is_empty() {
        assert_eq!(snippet("abc", Span::new(1, 3)), "bc");
        assert_eq!(snippet("abc", Span::new(2, 9)), "");
        assert_eq!(snippet("é", Span::new(1, 2)), "");
    }

    #[test]
    fn markdown_punctuation_is_escaped_and_letters_are_not() {
        assert_eq!(escape_markdown("O*Brien_[x]"), "O\\*Brien\\_\\[x\\]");
        assert_eq!(escape_markdown("Zoë Ng"), "Zoë Ng");
    }

    #[test]
    fn confidence_has_three_words() {
        assert_eq!(confidence_words(0.99), "certain");
        assert_eq!(confidence_words(0.95), "certain");
        assert_eq!(confidence_words(0.94), "likely");
        assert_eq!(confidence_words(0.8), "likely");
        assert_eq!(confidence_words(0.79), "unsure");
        assert_eq!(confidence_words(f32::NAN), "unsure");
    }

    #[test]
    fn entity_under_the_cursor_inside_at_end_and_via_a_pronoun() {
        let doc = Doc::sample();
        let view = doc.view();
        let hall = find("Riverside Hall", 0);
        assert_eq!(entity_at(&view, hall.start), Some((HALL, hall)));
        assert_eq!(entity_at(&view, hall.end), Some((HALL, hall)));
        let she = find("she", 0);
        assert_eq!(entity_at(&view, she.start + 1), Some((JANE, she)));
        // "spoke" names nobody.
        assert_eq!(entity_at(&view, find("spoke", 0).start + 1), None);
    }
}
