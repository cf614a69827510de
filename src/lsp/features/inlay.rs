//! Inlay hints: the speaker's name after the closing mark of each quote,
//! `“We will build it,” — Doe`.
//!
//! The label follows newsroom second reference: a person is named by
//! surname ("— Doe"), keeping a lowercase particle ("— de Gaulle") and
//! skipping a generational suffix ("Martin King Jr." → "— King"); when two
//! people in the piece share that surname, or the speaker is not a person
//! (an organisation, a role such as "a spokesperson"), the full canonical
//! name is shown. The tooltip gives the full name and the rule that named
//! the speaker. Hints have no kind (they are neither types nor parameters)
//! and are padded on the left. Whether hints are shown at all is the
//! server's setting, not decided here.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintTooltip};

use super::DocView;
use super::common::{confidence_words, speaker_display_name, speaker_entity, squash_whitespace};
use crate::analysis::Span;
use crate::analysis::entities::EntityKind;
use crate::analysis::quotes::{Quote, QuoteKind, Speaker};

/// Lowercase name particles that belong to a surname.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "st", "ten", "ter", "van", "von", "zu",
];

/// Generational and similar suffixes that are not the surname.
const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// One hint at the end of each attributed speech quote whose end lies in
/// `range` (both ends inclusive), in document order. A hint sits at its
/// quote's end, so a quote that only begins inside the range has its hint
/// outside it, and the client asks for it with the next range.
pub fn inlay_hints(doc: &DocView, range: Span) -> Vec<InlayHint> {
    let surnames = surname_counts(doc);
    doc.analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .filter(|q| range.start <= q.span.end && q.span.end <= range.end)
        .filter_map(|q| Some((q, q.speaker.as_ref()?)))
        .map(|(quote, speaker)| hint(doc, quote, speaker, &surnames))
        .collect()
}

fn hint(
    doc: &DocView,
    quote: &Quote,
    speaker: &Speaker,
    surnames: &HashMap<String, usize>,
) -> InlayHint {
    let full = speaker_display_name(doc, speaker);
    let short = short_name(doc, speaker, &full, surnames);
    InlayHint {
        position: doc.lines.position(quote.span.end),
        label: InlayHintLabel::String(format!("— {short}")),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(tooltip(quote, &full))),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// "Jane Doe — adjacent cue (certain, 0.95)", or just the name when the
/// analysis kept no evidence.
fn tooltip(quote: &Quote, full: &str) -> String {
    match &quote.attribution {
        Some(a) => format!(
            "{full} — {} ({}, {:.2})",
            a.rule,
            confidence_words(a.confidence),
            a.confidence
        ),
        None => full.to_string(),
    }
}

/// The surname for a person entity whose surname no other person in the
/// piece shares; the full name otherwise.
fn short_name(
    doc: &DocView,
    speaker: &Speaker,
    full: &str,
    surnames: &HashMap<String, usize>,
) -> String {
    let is_person = speaker_entity(doc, speaker)
        .is_some_and(|i| doc.analysis.entities[i].kind == EntityKind::Person);
    match surname(full) {
        Some(last) if is_person && surnames.get(&last).copied().unwrap_or(0) <= 1 => last,
        _ => full.to_string(),
    }
}

/// How many person entities have each surname.
fn surname_counts(doc: &DocView) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for entity in &doc.analysis.entities {
        if entity.kind == EntityKind::Person
            && let Some(last) = surname(&squash_whitespace(&entity.name))
        {
            *counts.entry(last).or_insert(0) += 1;
        }
    }
    counts
}

/// The surname of a name of two or more words: the last word (before a
/// generational suffix), with the lowercase particles right before it.
/// `None` for a one-word name.
fn surname(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    let mut start = words.len() - 1;
    while start > 1 && PARTICLES.contains(&words[start - 1]) {
        start -= 1;
    }
    Some(words[start..].join(" "))
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::Position;

    use super::*;
    use crate::analysis::entities::{Entity, Mention};
    use crate::line_index::Encoding;
    use crate::lsp::features::common::fixture::{Doc, TEXT, analysis, find};

    fn label(hint: &InlayHint) -> &str {
        match &hint.label {
            InlayHintLabel::String(s) => s,
            InlayHintLabel::LabelParts(_) => panic!("label parts"),
        }
    }

    fn tooltip_of(hint: &InlayHint) -> &str {
        match &hint.tooltip {
            Some(InlayHintTooltip::String(s)) => s,
            other => panic!("tooltip {other:?}"),
        }
    }

    fn whole(doc: &Doc) -> Span {
        Span::new(0, doc.text.len())
    }

    #[test]
    fn one_hint_per_attributed_speech_quote_at_its_end() {
        let doc = Doc::sample();
        let hints = inlay_hints(&doc.view(), whole(&doc));
        let shown: Vec<(Position, &str)> = hints.iter().map(|h| (h.position, label(h))).collect();
        // Not the scare quote, not the unattributed quote.
        assert_eq!(
            shown,
            vec![
                (Position::new(2, 66), "— Doe"),
                (Position::new(4, 51), "— Doe"),
                (Position::new(6, 60), "— Reed"),
            ]
        );
        assert!(hints.iter().all(|h| h.padding_left == Some(true)));
        assert!(hints.iter().all(|h| h.kind.is_none()));
        assert_eq!(
            tooltip_of(&hints[0]),
            "Jane Doe — adjacent cue (certain, 0.95)"
        );
        assert_eq!(tooltip_of(&hints[1]), "Jane Doe — pronoun (unsure, 0.60)");
    }

    #[test]
    fn utf8_columns_count_the_emoji_as_four() {
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis(), Encoding::Utf8);
        let hints = inlay_hints(&doc.view(), find("“It is a good day,”", 0));
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].position, Position::new(4, 57));
    }

    #[test]
    fn only_hints_whose_quote_ends_inside_the_range() {
        let doc = Doc::sample();
        let view = doc.view();
        let tom = find("“It is too expensive,”", 0);
        let hints = inlay_hints(&view, Span::new(tom.start, tom.end));
        assert_eq!(hints.len(), 1);
        assert_eq!(label(&hints[0]), "— Reed");
        // A range ending where that quote begins, or one inside it, leaves
        // its hint out.
        assert_eq!(inlay_hints(&view, Span::new(0, tom.start)).len(), 2);
        assert!(inlay_hints(&view, Span::new(tom.start, tom.end - 1)).is_empty());
        // A range starting exactly at the quote's end still has it.
        assert_eq!(inlay_hints(&view, Span::new(tom.end, tom.end)).len(), 1);
        // The headline holds no quote.
        assert!(inlay_hints(&view, find("Council backs", 0)).is_empty());
    }

    #[test]
    fn shared_surnames_and_non_people_get_the_full_name() {
        let mut analysis = analysis();
        analysis.entities.push(Entity {
            name: "Ann Reed".to_string(),
            kind: EntityKind::Person,
            mentions: vec![Mention::at(find("Reed", 0))],
            gender: None,
            role: None,
            surname: None,
            acronym_of: None,
        });
        analysis.quotes[4].speaker = Some(Speaker {
            name: "the ministry".to_string(),
            entity: None,
        });
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let hints = inlay_hints(&doc.view(), Span::new(0, TEXT.len()));
        let labels: Vec<&str> = hints.iter().map(label).collect();
        assert_eq!(labels, ["— Doe", "— Doe", "— Tom Reed", "— the ministry"]);
        assert_eq!(tooltip_of(&hints[3]), "the ministry");
    }

    #[test]
    fn surnames_keep_particles_and_drop_suffixes() {
        assert_eq!(surname("Jane Doe").as_deref(), Some("Doe"));
        assert_eq!(surname("Ana de la Cruz").as_deref(), Some("de la Cruz"));
        assert_eq!(surname("Ludo van Dam").as_deref(), Some("van Dam"));
        assert_eq!(surname("Sam Lee Jr.").as_deref(), Some("Lee"));
        assert_eq!(surname("Mary Smith-Jones").as_deref(), Some("Smith-Jones"));
        // A particle that is the first word is a given name, not a particle.
        assert_eq!(surname("Van Morrison").as_deref(), Some("Morrison"));
        assert_eq!(surname("Madonna"), None);
        assert_eq!(surname(""), None);
    }
}
