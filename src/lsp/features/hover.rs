//! Hover cards: who said the quote under the cursor, or what the entity
//! under the cursor is.
//!
//! Order of precedence at an offset: the quoted words of a quote, then an
//! entity mention (so the name in a splitting attribution, `“…,” Mr Doe
//! said, “…”`, shows the person's card), then anything else inside a quote
//! (its marks, the rest of the attribution). Cards are Markdown; every piece
//! of article text in them is escaped.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::DocView;
use super::common::{
    confidence_words, count_noun, display_name, entity_at, escape_markdown, first_mention,
    line_number, quote_at, quote_part_at, quotes_by_speaker, quotes_of_entity, snippet,
    speaker_display_name, speaker_entity, squash_whitespace,
};
use crate::analysis::Span;
use crate::analysis::quotes::{Quote, QuoteKind, Speaker};

/// How many distinct spellings of a name the entity card lists.
const MAX_ALIASES: usize = 8;

/// The hover card at byte `offset`: a quote's speaker card, or an entity's
/// card; `None` elsewhere. The hover range is the quote's span (marks
/// included) or the mention's span.
pub fn hover(doc: &DocView, offset: usize) -> Option<Hover> {
    if let Some(quote) = quote_part_at(doc, offset) {
        return Some(card(doc, quote.span, quote_card(doc, quote)));
    }
    if let Some((entity, span)) = entity_at(doc, offset) {
        return Some(card(doc, span, entity_card(doc, entity)));
    }
    let quote = quote_at(doc, offset)?;
    Some(card(doc, quote.span, quote_card(doc, quote)))
}

fn card(doc: &DocView, span: Span, markdown: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(doc.lines.range(span)),
    }
}

/// The card of one quote:
///
/// ```text
/// Quote by **Jane Doe**, Mayor
///
/// - cue: “said”, line 3
/// - rule: adjacent cue (certain, 0.95)
/// - 2 quotes by this speaker in the piece
/// ```
fn quote_card(doc: &DocView, quote: &Quote) -> String {
    match (quote.kind, &quote.speaker) {
        (QuoteKind::ScareQuote, _) => not_speech("Marked as a scare quote."),
        (QuoteKind::Title, _) => not_speech("Marked as the title of a work."),
        (QuoteKind::Speech, None) => "Speaker unknown: no attribution found".to_string(),
        (QuoteKind::Speech, Some(speaker)) => speech_card(doc, quote, speaker),
    }
}

fn not_speech(why: &str) -> String {
    format!("Scare quote / title — not attributed speech\n\n{why}")
}

fn speech_card(doc: &DocView, quote: &Quote, speaker: &Speaker) -> String {
    let mut out = format!(
        "Quote by **{}**",
        escape_markdown(&speaker_display_name(doc, speaker))
    );
    let role = speaker_entity(doc, speaker)
        .and_then(|index| doc.analysis.entities[index].role.as_deref())
        .map(squash_whitespace)
        .filter(|role| !role.is_empty());
    if let Some(role) = role {
        out.push_str(&format!(", {}", escape_markdown(&role)));
    }
    out.push_str("\n\n");
    if let Some(attribution) = &quote.attribution {
        let cue = squash_whitespace(snippet(doc.prose(), attribution.cue));
        let line = line_number(doc, attribution.cue.start);
        if cue.is_empty() {
            out.push_str(&format!("- cue: line {line}\n"));
        } else {
            out.push_str(&format!(
                "- cue: “{}”, line {line}\n",
                escape_markdown(&cue)
            ));
        }
        out.push_str(&format!(
            "- rule: {} ({}, {:.2})\n",
            escape_markdown(attribution.rule),
            confidence_words(attribution.confidence),
            attribution.confidence
        ));
    }
    out.push_str(&format!(
        "- {} by this speaker in the piece",
        count_noun(quotes_by_speaker(doc, speaker), "quote")
    ));
    out
}

/// The card of one entity:
///
/// ```text
/// **Jane Doe** (person)
///
/// - role: Mayor
/// - written as: Jane Doe, Doe
/// - first mention: line 3
/// - 2 mentions, 1 quote
/// ```
fn entity_card(doc: &DocView, index: usize) -> String {
    let entity = &doc.analysis.entities[index];
    let mut out = format!(
        "**{}** ({})\n\n",
        escape_markdown(&display_name(doc, entity)),
        entity.kind.as_str()
    );
    if let Some(role) = entity.role.as_deref().map(squash_whitespace)
        && !role.is_empty()
    {
        out.push_str(&format!("- role: {}\n", escape_markdown(&role)));
    }
    let aliases = aliases(doc, index);
    if !aliases.is_empty() {
        out.push_str(&format!("- written as: {aliases}\n"));
    }
    if let Some(first) = first_mention(entity) {
        out.push_str(&format!(
            "- first mention: line {}\n",
            line_number(doc, first.start)
        ));
    }
    out.push_str(&format!(
        "- {}, {}",
        count_noun(entity.mentions.len(), "mention"),
        count_noun(quotes_of_entity(doc, index), "quote")
    ));
    out
}

/// The distinct spellings of an entity's mentions, in order of first use,
/// escaped and comma-separated; at most [`MAX_ALIASES`], then "and N more".
fn aliases(doc: &DocView, index: usize) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut spellings = Vec::new();
    for mention in &doc.analysis.entities[index].mentions {
        let written = squash_whitespace(snippet(doc.prose(), mention.span));
        if !written.is_empty() && seen.insert(written.clone()) {
            spellings.push(written);
        }
    }
    let shown: Vec<String> = spellings
        .iter()
        .take(MAX_ALIASES)
        .map(|s| escape_markdown(s))
        .collect();
    let mut out = shown.join(", ");
    if spellings.len() > MAX_ALIASES {
        out.push_str(&format!(" and {} more", spellings.len() - MAX_ALIASES));
    }
    out
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::Range;

    use super::*;
    use crate::analysis::Analysis;
    use crate::analysis::entities::Mention;
    use crate::line_index::Encoding;
    use crate::lsp::features::common::fixture::{self, Doc, TEXT, analysis, find, range};

    fn markdown(hover: &Hover) -> &str {
        match &hover.contents {
            HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }) => value,
            other => panic!("not Markdown: {other:?}"),
        }
    }

    fn hover_at(doc: &Doc, needle: &str, nth: usize) -> Option<(String, Option<Range>)> {
        let offset = find(needle, nth).start + 1;
        hover(&doc.view(), offset).map(|h| (markdown(&h).to_string(), h.range))
    }

    #[test]
    fn quote_card_names_speaker_role_cue_rule_and_count() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "pay for", 0).expect("a card");
        assert_eq!(
            card,
            "Quote by **Jane Doe**, Mayor\n\n\
             - cue: “said”, line 3\n\
             - rule: adjacent cue (certain, 0.95)\n\
             - 2 quotes by this speaker in the piece"
        );
        // The whole split quote, marks included; curly quotes are one UTF-16
        // unit each.
        assert_eq!(range, Some(range_of_line(2, 0, 66)));
    }

    fn range_of_line(line: u32, start: u32, end: u32) -> Range {
        range(line, start, line, end)
    }

    #[test]
    fn pronoun_attribution_is_a_guess_and_its_cue_line_is_one_based() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "good day", 0).expect("a card");
        assert_eq!(
            card,
            "Quote by **Jane Doe**, Mayor\n\n\
             - cue: “said”, line 5\n\
             - rule: pronoun (unsure, 0.60)\n\
             - 2 quotes by this speaker in the piece"
        );
        // After "🎉 Doe spoke at Riverside Hall. " (emoji = 2 UTF-16 units).
        assert_eq!(range, Some(range_of_line(4, 32, 51)));
    }

    #[test]
    fn speaker_without_role_and_likely_rule() {
        let doc = Doc::sample();
        let (card, _) = hover_at(&doc, "too expensive", 0).expect("a card");
        assert_eq!(
            card,
            "Quote by **Tom Reed**\n\n\
             - cue: “said”, line 7\n\
             - rule: cue before speaker (likely, 0.80)\n\
             - 1 quote by this speaker in the piece"
        );
    }

    #[test]
    fn unattributed_quote_says_so_plainly() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "Nobody", 0).expect("a card");
        assert_eq!(card, "Speaker unknown: no attribution found");
        assert_eq!(range, Some(range_of_line(8, 0, 18)));
    }

    #[test]
    fn scare_quote_is_not_speech() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "vanity", 0).expect("a card");
        assert_eq!(
            card,
            "Scare quote / title — not attributed speech\n\nMarked as a scare quote."
        );
        assert_eq!(range, Some(range_of_line(6, 20, 36)));
    }

    #[test]
    fn a_title_is_not_speech_either() {
        let mut analysis = analysis();
        analysis.quotes[2].kind = QuoteKind::Title;
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let (card, _) = hover_at(&doc, "vanity", 0).expect("a card");
        assert_eq!(
            card,
            "Scare quote / title — not attributed speech\n\nMarked as the title of a work."
        );
    }

    #[test]
    fn the_card_names_the_entity_even_when_the_speaker_was_written_shorter() {
        let mut analysis = analysis();
        if let Some(speaker) = analysis.quotes[3].speaker.as_mut() {
            speaker.name = "Reed".to_string();
        }
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let (card, _) = hover_at(&doc, "too expensive", 0).expect("a card");
        assert!(card.starts_with("Quote by **Tom Reed**\n\n"), "{card}");
    }

    #[test]
    fn name_in_a_splitting_attribution_shows_the_entity_card() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "Jane Doe", 0).expect("a card");
        assert_eq!(
            card,
            "**Jane Doe** (person)\n\n\
             - role: Mayor\n\
             - written as: Jane Doe, Doe\n\
             - first mention: line 3\n\
             - 2 mentions, 2 quotes"
        );
        assert_eq!(range, Some(range_of_line(2, 26, 34)));
    }

    #[test]
    fn the_cue_word_of_a_split_quote_shows_the_quote_card() {
        let doc = Doc::sample();
        let (card, _) = hover_at(&doc, "said", 0).expect("a card");
        assert!(card.starts_with("Quote by **Jane Doe**"), "{card}");
    }

    #[test]
    fn entity_card_after_an_emoji_has_utf16_and_utf8_ranges() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "Riverside", 0).expect("a card");
        assert_eq!(
            card,
            "**Riverside Hall** (place)\n\n\
             - written as: Riverside Hall\n\
             - first mention: line 5\n\
             - 1 mention, 0 quotes"
        );
        assert_eq!(range, Some(range_of_line(4, 16, 30)));
        let utf8 = Doc::new("/tmp/bridge.txt", TEXT, analysis(), Encoding::Utf8);
        let (_, range) = hover_at(&utf8, "Riverside", 0).expect("a card");
        assert_eq!(range, Some(range_of_line(4, 18, 32)));
    }

    #[test]
    fn a_pronoun_outside_any_quote_shows_its_speaker() {
        let doc = Doc::sample();
        let (card, range) = hover_at(&doc, "she", 0).expect("a card");
        assert!(card.starts_with("**Jane Doe** (person)"), "{card}");
        assert_eq!(range, Some(range_of_line(4, 52, 55)));
    }

    #[test]
    fn no_card_on_plain_words() {
        let doc = Doc::sample();
        assert_eq!(hover_at(&doc, "Critics", 0), None);
        assert_eq!(hover_at(&doc, "bridge", 0), None);
        assert_eq!(hover(&doc.view(), TEXT.len() + 10), None);
    }

    #[test]
    fn article_text_is_escaped_and_many_spellings_are_capped() {
        let text = "A*B met *A*, a_b, A-b, A.B, AB, Ab, aB, A B and A  \nB.";
        let mut analysis = analysis_with_one_entity(text, "A*B");
        analysis.entities[0].mentions = ["A*B", "*A*", "a_b", "A-b", "A.B", "AB", "Ab", "aB"]
            .iter()
            .chain(["A B", "A  \nB"].iter())
            .map(|w| {
                let start = text.find(w).expect("in text");
                Mention::at(Span::new(start, start + w.len()))
            })
            .collect();
        let doc = Doc::new("/tmp/x.txt", text, analysis, Encoding::Utf16);
        let card = markdown(&hover(&doc.view(), 0).expect("a card")).to_string();
        assert_eq!(
            card,
            "**A\\*B** (person)\n\n\
             - written as: A\\*B, \\*A\\*, a\\_b, A-b, A.B, AB, Ab, aB and 1 more\n\
             - first mention: line 1\n\
             - 10 mentions, 0 quotes"
        );
    }

    fn analysis_with_one_entity(text: &str, name: &str) -> Analysis {
        let person = fixture::person_at(text, name);
        Analysis {
            entities: vec![person],
            ..Analysis::default()
        }
    }

    #[test]
    fn a_speaker_index_past_the_entities_is_ignored() {
        let mut analysis = analysis();
        analysis.quotes[4].speaker = Some(Speaker {
            name: "a spokesperson".to_string(),
            entity: Some(99),
        });
        let doc = Doc::new("/tmp/bridge.txt", TEXT, analysis, Encoding::Utf16);
        let (card, _) = hover_at(&doc, "Nobody", 0).expect("a card");
        assert_eq!(
            card,
            "Quote by **a spokesperson**\n\n- 1 quote by this speaker in the piece"
        );
    }
}
