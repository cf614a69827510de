//! Speakers: a cue's head resolved to the speaker it names, with the rule
//! and confidence shown on the hover card.

use std::collections::HashSet;

use super::super::Span;
use super::attribution::{
    Cue, ORGANISATION, ORGANISATION_IN_FOCUS, PRECEDING_SPEECH, PRONOUN, ROLE, ROLE_IN_FOCUS,
};
use super::mentions::Head;
use super::people::People;
use super::weights::{
    HELD_ROLE_FACTOR, ORGANISATION_FACTOR, PRONOUN_FACTOR, REPORTED_SPEECH, WRITTEN_ROLE_FACTOR,
};
use super::words::RoleTag;
use super::{Attribution, Speaker};

/// One sieve's verdict on one quote.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: Option<Speaker>,
    pub attribution: Attribution,
}

/// The speaker a cue names for a quote starting at `at`, and the rule
/// that decided (a pronoun, role or organisation lowers the confidence).
pub fn resolve_cue(cue: Cue, at: usize, people: &People, recent: &HashSet<usize>) -> Found {
    let Cue {
        cue,
        head,
        rule,
        confidence,
    } = cue;
    let (speaker, guessed) = match &head {
        Head::Role { .. } => {
            let (speaker, guessed) = people.role_holder(&head, at, recent);
            (Some(speaker), guessed)
        }
        _ => (people.speaker(&head, at, recent), false),
    };
    let (rule, confidence) = match &head {
        Head::Pronoun(..) => (PRONOUN, confidence * PRONOUN_FACTOR),
        Head::Role { tag, .. } => match tag {
            RoleTag::Organization if guessed => {
                (ORGANISATION_IN_FOCUS, confidence * ORGANISATION_FACTOR)
            }
            RoleTag::Organization => (ORGANISATION, confidence * ORGANISATION_FACTOR),
            _ if guessed => (ROLE_IN_FOCUS, confidence * HELD_ROLE_FACTOR),
            _ if speaker.as_ref().is_some_and(|s| s.entity.is_some()) => {
                (ROLE, confidence * HELD_ROLE_FACTOR)
            }
            _ => (ROLE, confidence * WRITTEN_ROLE_FACTOR),
        },
        _ => (rule, confidence),
    };
    Found {
        speaker,
        attribution: Attribution {
            cue,
            speaker_mention: Some(head.span()),
            rule,
            confidence,
        },
    }
}

/// The speaker named by a reporter ([`super::attribution::reporter_in`]).
pub fn reported_by(
    cue: Span,
    head: &Head,
    people: &People,
    recent: &HashSet<usize>,
) -> Option<Found> {
    let at = head.span().start;
    let speaker = people.speaker(head, at, recent)?;
    Some(Found {
        speaker: Some(speaker),
        attribution: Attribution {
            cue,
            speaker_mention: Some(head.span()),
            rule: PRECEDING_SPEECH,
            confidence: REPORTED_SPEECH,
        },
    })
}
