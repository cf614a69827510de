//! Deciding an entity's kind from the evidence of all its mentions: titles,
//! role nouns, appositions and reporting verbs point to a person; cue words
//! and acronyms to an organisation; the gazetteer and "in"/"at"/"from" to a
//! place. A known given name as the first word of a full name counts for a
//! person; a census surname as its last word counts a little.

use super::EntityKind;
use super::candidates::{Candidate, Certainty};
use super::gazetteer::gazetteer;
use super::names::lexicon;

/// Scores per kind, summed over an entity's mentions.
#[derive(Debug, Default, Clone, Copy)]
struct Scores {
    person: i32,
    org: i32,
    place: i32,
}

/// The kind of the entity whose mentions are `members` (indices into
/// `cands`) and whose canonical name has the normalised `words`; `None`
/// when the evidence is too thin to call it an entity at all.
pub(super) fn classify(
    cands: &[Candidate],
    members: &[usize],
    words: &[String],
) -> Option<EntityKind> {
    let lex = lexicon();
    let gaz = gazetteer();
    let mut s = Scores::default();
    let mut certain = false;
    let mut headline_only = true;
    for &m in members {
        let Some(c) = cands.get(m) else { continue };
        certain |= c.certainty == Certainty::Certain;
        headline_only &= c.certainty == Certainty::Headline;
        if c.certainty == Certainty::Headline {
            continue;
        }
        let cues = c.cues;
        s.person += 5 * i32::from(cues.title)
            + 3 * i32::from(cues.role_before)
            + 3 * i32::from(cues.apposition)
            + 2 * i32::from(cues.speech);
        s.place += i32::from(cues.place_preposition);
        if c.acronym.is_some() {
            s.org += 3;
        }
    }
    let key = words.join(" ");
    if words.iter().any(|w| gaz.is_org_cue(w)) {
        s.org += 8;
    }
    if gaz.is_place(&key) {
        s.place += 6;
    }
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    if words.len() >= 2 {
        if lex.given(first).is_some() {
            s.person += 4;
        }
        if lex.is_surname(last) {
            s.person += 1;
        }
    }
    let acronym_like = words.len() == 1
        && members
            .first()
            .and_then(|&m| cands.get(m))
            .is_some_and(|c| c.all_caps && !gaz.is_place(&key));
    if acronym_like {
        s.org += 3;
    }
    if headline_only && s.place == 0 {
        return None;
    }
    if !certain && s.person + s.org + s.place == 0 {
        return None;
    }
    let best = s.person.max(s.org).max(s.place);
    Some(if best <= 0 {
        EntityKind::Other
    } else if s.person == best && s.person > s.org && s.person >= s.place {
        EntityKind::Person
    } else if s.org == best {
        EntityKind::Organization
    } else if s.place == best {
        EntityKind::Place
    } else {
        EntityKind::Other
    })
}
