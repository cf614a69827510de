//! Entities: the people, organisations and places an article names, with
//! every mention, aliases merged under the fullest name ("Putin", "Mr Putin"
//! → "Vladimir Putin").
//!
//! No model is loaded at run time. The pipeline is rule-based:
//! [`tokens`] splits sentences into words; [`candidates`] finds runs of
//! capitalised words and the evidence around them (titles, role nouns,
//! appositions, reporting verbs); [`aliases`] merges the candidates that
//! name one thing; [`classify`] decides each group's kind from the
//! lexicons in [`names`] and [`gazetteer`] (compact data files under
//! `data/entities/`, parsed once).

mod aliases;
mod candidates;
mod classify;
mod fasthash;
mod gazetteer;
mod names;
mod tokens;

use std::collections::HashSet;

use super::Span;
use super::boilerplate::Boilerplate;
use super::segment::Segmentation;
use candidates::{Candidate, Certainty};

pub use gazetteer::is_known_place;
pub use names::{is_title, title_gender};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

/// One place where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The name as written, without a possessive `'s` and without titles.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest form the article uses.
    pub name: String,
    pub kind: EntityKind,
    /// In document order.
    pub mentions: Vec<Mention>,
    /// From honorifics (Mr/Ms) or pronouns that refer to it, when known.
    pub gender: Option<Gender>,
    /// Title or role the article gives it ("Russian President"), if any.
    pub role: Option<String>,
}

impl Entity {
    /// The entity with a mention overlapping `span`, if any.
    pub fn find_at(entities: &[Entity], span: Span) -> Option<usize> {
        entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
    }

    /// The distinct forms the article uses for this entity, in order of
    /// first use ("Vladimir Putin", "Putin"); the canonical name included.
    pub fn aliases(&self, text: &str) -> Vec<String> {
        let mut seen = HashSet::new();
        self.mentions
            .iter()
            .filter_map(|m| text.get(m.span.start..m.span.end))
            .filter(|s| seen.insert(s.to_string()))
            .map(str::to_string)
            .collect()
    }
}

/// The canonical name of the person named at `span`, if a person entity
/// has a mention overlapping it.
pub fn canonical_person_at(entities: &[Entity], span: Span) -> Option<&str> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .find(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
        .map(|e| e.name.as_str())
}

/// Find the entities of `text`, skipping boilerplate paragraphs.
pub fn recognize(text: &str, seg: &Segmentation, boilerplate: &[Boilerplate]) -> Vec<Entity> {
    let skip: HashSet<Span> = boilerplate.iter().map(|b| b.span).collect();
    let mut sentences = Vec::new();
    for para in seg
        .paragraphs
        .iter()
        .filter(|p| !skip.contains(&p.span) && !candidates::is_caption_or_teaser(text, p.span))
    {
        let headline = candidates::is_headline(text, para.span);
        for &sentence in &para.sentences {
            sentences.push((sentence, headline, tokens::tokenize(text, sentence)));
        }
    }
    let lowercase: fasthash::FastSet<&str> = sentences
        .iter()
        .flat_map(|(_, _, toks)| toks.iter())
        .filter(|t| !t.capitalised)
        .map(|t| t.lower.as_ref())
        .collect();
    let seen = |w: &str| lowercase.contains(w);
    let mut cands: Vec<Candidate> = Vec::new();
    for (sentence, headline, toks) in &sentences {
        candidates::sentence_candidates(text, *sentence, toks, *headline, &seen, &mut cands);
    }
    let cands = split_unknown_headline_runs(cands);
    let mut entities: Vec<Entity> = aliases::group(&cands)
        .into_iter()
        .filter_map(|g| build_entity(text, &cands, &g.members))
        .collect();
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
    entities
}

/// Headline runs ("Clinton Accuses Putin") that the body does not use as a
/// whole are split into single words, which may join body names.
fn split_unknown_headline_runs(cands: Vec<Candidate>) -> Vec<Candidate> {
    let body_keys: fasthash::FastSet<String> = cands
        .iter()
        .filter(|c| c.certainty != Certainty::Headline && c.words.len() >= 2)
        .map(Candidate::key)
        .collect();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if c.certainty == Certainty::Headline && c.words.len() >= 2 && !body_keys.contains(&c.key())
        {
            out.extend(c.split_words());
        } else {
            out.push(c);
        }
    }
    out
}

/// One entity from a group of candidates, or `None` when it is too
/// uncertain to report.
fn build_entity(text: &str, cands: &[Candidate], members: &[usize]) -> Option<Entity> {
    let canonical = members
        .iter()
        .filter_map(|&m| cands.get(m).map(|c| (m, c)))
        .min_by_key(|(m, c)| {
            (
                c.certainty == Certainty::Headline,
                std::cmp::Reverse(c.words.len()),
                *m,
            )
        })
        .map(|(_, c)| c)?;
    let kind = classify::classify(cands, members, &canonical.words)?;
    let mut mentions: Vec<Mention> = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .map(|c| Mention { span: c.span })
        .collect();
    mentions.sort_by_key(|m| m.span.start);
    mentions.dedup();
    let first_of = |f: &dyn Fn(&Candidate) -> bool| {
        members
            .iter()
            .filter_map(|&m| cands.get(m))
            .find(|c| f(c))
            .cloned()
    };
    let role = first_of(&|c| c.role.is_some()).and_then(|c| c.role);
    let gender = first_of(&|c| c.gender.is_some())
        .and_then(|c| c.gender)
        .or_else(|| given_name_gender(kind, &canonical.words));
    Some(Entity {
        name: canonical_text(text, canonical),
        kind,
        mentions,
        gender,
        role,
    })
}

/// A person's gender from the first word of a full name, when the name
/// lists give one.
fn given_name_gender(kind: EntityKind, words: &[String]) -> Option<Gender> {
    if kind != EntityKind::Person || words.len() < 2 {
        return None;
    }
    names::lexicon().given(words.first()?).flatten()
}

/// The canonical name as written, white space folded; headline capitals
/// are turned into Title Case.
fn canonical_text(text: &str, c: &Candidate) -> String {
    let raw = c
        .span
        .text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if c.certainty == Certainty::Headline && raw.chars().all(|ch| !ch.is_lowercase()) {
        return raw
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<String>>()
            .join(" ");
    }
    raw
}

#[cfg(test)]
mod tests;
