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
    let groups = aliases::group(&cands);
    let in_person_list = coordinated_with_people(text, &cands, &groups);
    let mut entities: Vec<Entity> = groups
        .iter()
        .zip(in_person_list)
        .filter_map(|(g, hint)| build_entity(text, &cands, &g.members, hint))
        .collect();
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
    entities
}

/// For each group: whether one of its mentions stands in a list ("Ana,
/// Bo and Cy") beside a person and beside no organisation or place — then
/// the unknown names in the list are people too.
fn coordinated_with_people(
    text: &str,
    cands: &[Candidate],
    groups: &[aliases::Group],
) -> Vec<bool> {
    let mut group_of = vec![usize::MAX; cands.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = g;
            }
        }
    }
    let kinds: Vec<Option<EntityKind>> = groups
        .iter()
        .map(|g| {
            let canonical = g
                .members
                .iter()
                .filter_map(|&m| cands.get(m))
                .max_by_key(|c| c.words.len())?;
            classify::classify(cands, &g.members, &canonical.words, false)
        })
        .collect();
    let mut hint = vec![false; groups.len()];
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        let mut conjunction = false;
        while let Some(gap) = cands
            .get(end)
            .and_then(|c| list_gap(text, cands[end - 1].span, c.span))
        {
            conjunction |= gap != ", ";
            end += 1;
        }
        // "Ana, Bo and Cy" is a list; "Ana Roe, Acme CEO, said" is not
        if end - start >= 2 && conjunction {
            let list: Vec<usize> = (start..end)
                .filter_map(|i| group_of.get(i).copied())
                .collect();
            let kind_of = |g: usize| kinds.get(g).copied().flatten();
            let has_person = list.iter().any(|&g| kind_of(g) == Some(EntityKind::Person));
            let has_thing = list.iter().any(|&g| {
                matches!(
                    kind_of(g),
                    Some(EntityKind::Organization | EntityKind::Place)
                )
            });
            if has_person && !has_thing {
                // only lone first names ("Ana, Bo and Cy") gain from it
                let lone_name = |g: usize| {
                    groups.get(g).is_some_and(|group| {
                        group.members.iter().filter_map(|&m| cands.get(m)).all(|c| {
                            c.words.len() == 1
                                && !c.all_caps
                                && c.words.iter().all(|w| w.chars().all(char::is_alphabetic))
                        })
                    })
                };
                for g in list.into_iter().filter(|&g| lone_name(g)) {
                    if let Some(h) = hint.get_mut(g) {
                        *h = true;
                    }
                }
            }
        }
        start = end;
    }
    hint
}

/// The text between two names when it joins them in a list: ", ",
/// " and ", ", and ", " or ", " & ".
fn list_gap(text: &str, prev: Span, next: Span) -> Option<&str> {
    let gap = text.get(prev.end..next.start)?;
    matches!(gap, ", " | " and " | ", and " | " or " | ", or " | " & ").then_some(gap)
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
fn build_entity(
    text: &str,
    cands: &[Candidate],
    members: &[usize],
    in_person_list: bool,
) -> Option<Entity> {
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
    let kind = classify::classify(cands, members, &canonical.words, in_person_list)?;
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
