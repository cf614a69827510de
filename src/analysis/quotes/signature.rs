//! Signatures: a quotation set as a paragraph of its own and signed on the
//! line after it, as posts, letters and readers' comments are quoted:
//! "— Ana Roe (@anaroe) March 3, 2016", "-President Obama, tweeting after
//! the speech.", "– Jane Doe, Halifax". The signer is the speaker of every
//! uncued piece of the quotation's paragraph: the person or organisation
//! named after the dash, or, on a post's signature ("Name (@handle)") that
//! the furniture pass took as part of an embedded post and so named no
//! entity, the name as written.

use super::super::Span;
use super::super::entities::EntityKind;
use super::super::segment::Segmentation;
use super::Attribution;
use super::Speaker;
use super::attribution::SIGNATURE;
use super::people::People;
use super::pieces::Piece;
use super::speakers::Found;
use super::weights::{SIGNATURE_CONFIDENCE, SIGNATURE_MOST_BYTES, SIGNATURE_NAME_REACH};
use crate::analysis::work::{tick, tick_n};

/// The dashes a signature opens with.
const DASHES: [char; 4] = ['—', '–', '―', '-'];

/// Give each uncued piece of a quotation paragraph that a signature line
/// follows the signer as its speaker.
pub fn sign(
    text: &str,
    seg: &Segmentation,
    pieces: &[Piece],
    people: &People,
    found: &mut [Option<Found>],
) {
    let mut k = 0;
    while k < pieces.len() {
        tick();
        let para = pieces[k].para;
        let end = k + pieces[k..].iter().take_while(|p| p.para == para).count();
        let signed = only_quotes(text, seg, para, &pieces[k..end])
            .then(|| signer(text, seg, para + 1, people))
            .flatten();
        if let Some((dash, mention, speaker)) = signed {
            for slot in found[k..end].iter_mut().filter(|f| f.is_none()) {
                *slot = Some(Found {
                    speaker: Some(speaker.clone()),
                    attribution: Attribution {
                        cue: dash,
                        speaker_mention: Some(mention),
                        rule: SIGNATURE,
                        confidence: SIGNATURE_CONFIDENCE,
                    },
                });
            }
        }
        k = end;
    }
}

/// True when paragraph `para` holds nothing but the quotation `pieces`
/// (its marks, punctuation and spaces aside).
fn only_quotes(text: &str, seg: &Segmentation, para: usize, pieces: &[Piece]) -> bool {
    let Some(p) = seg.paragraphs.get(para) else {
        return false;
    };
    let has_words = |from: usize, to: usize| {
        text.get(from..to.max(from))
            .is_some_and(|gap| gap.chars().any(char::is_alphanumeric))
    };
    tick_n(p.span.len());
    let mut at = p.span.start;
    for piece in pieces {
        if has_words(at, piece.span.start) {
            return false;
        }
        at = at.max(piece.span.end);
    }
    !pieces.is_empty() && !has_words(at, p.span.end)
}

/// The signature on paragraph `para`, if it is one: a short line opening
/// with a dash and a name, as (the dash, the name, its speaker).
fn signer(
    text: &str,
    seg: &Segmentation,
    para: usize,
    people: &People,
) -> Option<(Span, Span, Speaker)> {
    let line = seg.paragraphs.get(para)?.span;
    let written = line.text(text);
    if written.len() > SIGNATURE_MOST_BYTES {
        return None;
    }
    let lead = written.len() - written.trim_start().len();
    let dash = written[lead..]
        .chars()
        .next()
        .filter(|c| DASHES.contains(c))?;
    let dash = Span::new(line.start + lead, line.start + lead + dash.len_utf8());
    named_signer(text, dash, line, people).or_else(|| handle_signer(text, dash, line, people))
}

/// The person or organisation named right after the dash, only title words
/// between ("-President Obama"); a list item ("- The plan ...") names none
/// within reach.
fn named_signer(
    text: &str,
    dash: Span,
    line: Span,
    people: &People,
) -> Option<(Span, Span, Speaker)> {
    let mentions = &people.mentions;
    let first = mentions.partition_point(|(s, _)| s.start < dash.end);
    let &(mention, e) = mentions.get(first)?;
    let named = mention.start <= dash.end + SIGNATURE_NAME_REACH
        && mention.end <= line.end
        && matches!(
            people.kind_of(e),
            Some(EntityKind::Person | EntityKind::Organization)
        );
    let between = text.get(dash.end..mention.start)?;
    let titles_only = between
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (named && titles_only).then(|| (dash, mention, people.entity_speaker(e)))
}

/// A post's signature, "— Ana Roe (@anaroe) March 3, 2016": capitalised
/// words, then a handle in parentheses. The speaker is the entity of that
/// name when the article has one, else the name as written.
fn handle_signer(
    text: &str,
    dash: Span,
    line: Span,
    people: &People,
) -> Option<(Span, Span, Speaker)> {
    let rest = text.get(dash.end..line.end)?;
    let open = rest.find("(@")?;
    let name = rest[..open].trim();
    tick_n(rest.len());
    let mut words = name.split_whitespace();
    let name_like = (1..=4).contains(&words.clone().count())
        && words.all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let handle_closes = rest[open + 2..].split_once(')').is_some_and(|(handle, _)| {
        !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_')
    });
    if !name_like || !handle_closes {
        return None;
    }
    let start = dash.end + (rest.len() - rest.trim_start().len());
    let mention = Span::new(start, start + name.len());
    let known = people.entities.iter().position(|e| {
        e.name == name && matches!(e.kind, EntityKind::Person | EntityKind::Organization)
    });
    let speaker = match known {
        Some(e) => people.entity_speaker(e),
        None => Speaker {
            name: name.to_string(),
            entity: None,
        },
    };
    Some((dash, mention, speaker))
}
