//! Signatures: a quotation set as a paragraph of its own and signed on the
//! line after it, as posts, letters and readers' comments are quoted:
//! "— Ana Roe (@anaroe) March 3, 2016", "-President Obama, tweeting after
//! the speech.", "– Jane Doe, Halifax". The signer is the speaker of every
//! uncued piece of the quotation's paragraph.

use super::super::Span;
use super::super::entities::EntityKind;
use super::super::segment::Segmentation;
use super::Attribution;
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
        if let Some((dash, mention, e)) = signed {
            for slot in found[k..end].iter_mut().filter(|f| f.is_none()) {
                *slot = Some(Found {
                    speaker: Some(people.entity_speaker(e)),
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
    let mut at = p.span.start;
    let mut outside = String::new();
    for piece in pieces {
        outside.push_str(text.get(at..piece.span.start.max(at)).unwrap_or(""));
        at = at.max(piece.span.end);
    }
    outside.push_str(text.get(at..p.span.end.max(at)).unwrap_or(""));
    tick_n(p.span.len());
    !pieces.is_empty() && !outside.chars().any(char::is_alphanumeric)
}

/// The signature on paragraph `para`, if it is one: a short line opening
/// with a dash and a name, as (the dash, the name's mention, its entity).
fn signer(
    text: &str,
    seg: &Segmentation,
    para: usize,
    people: &People,
) -> Option<(Span, Span, usize)> {
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
    // a list item ("- The plan ...") opens with no name within reach
    let mentions = &people.mentions;
    let first = mentions.partition_point(|(s, _)| s.start < dash.end);
    let &(mention, e) = mentions.get(first)?;
    let named = mention.start <= dash.end + SIGNATURE_NAME_REACH
        && mention.end <= line.end
        && matches!(
            people.kind_of(e),
            Some(EntityKind::Person | EntityKind::Organization)
        );
    // only title words between the dash and the name ("-President Obama")
    let between = text.get(dash.end..mention.start)?;
    let titles_only = between
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (named && titles_only).then_some((dash, mention, e))
}
