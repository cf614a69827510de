//! Roles: who holds which role in the article ("Prime Minister Justin
//! Trudeau", "Doug McCallum, the mayor of Surrey,", an entity's own role),
//! so that a cue naming "the minister" or "the ministry" reaches the person
//! or organisation meant.

use std::collections::HashSet;

use super::super::entities::EntityKind;
use super::Speaker;
use super::mentions::{Head, is_office};
use super::people::People;
use super::reading::role_entries;
use super::weights::PRONOUN_LOOKBACK;
use super::words::RoleTag;

/// One role the article gives a person.
#[derive(Debug, Clone)]
pub struct Role {
    /// The role noun, lower case ("minister").
    pub noun: String,
    /// The words around it, lower case ("prime minister").
    pub phrase: String,
    pub entity: usize,
    /// Offset of the mention it was read at.
    pub at: usize,
}

/// Roles the article gives people: each entity's own role, and the role
/// words read around each person mention (quoted ones too: "“Mayor Roe's
/// plan ...”" still tells who the mayor is). Sorted by offset.
pub fn collect_roles(people: &People) -> Vec<Role> {
    let mut roles = Vec::new();
    for (i, e) in people.entities.iter().enumerate() {
        if let (Some(role), Some(first)) = (&e.role, e.mentions.first()) {
            let words: Vec<String> = role
                .split_whitespace()
                .map(|w| {
                    w.trim_end_matches('.')
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_lowercase()
                })
                .collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            for (noun, phrase) in role_entries(&words) {
                roles.push(Role {
                    noun,
                    phrase,
                    entity: i,
                    at: first.span.start,
                });
            }
        }
    }
    for (i, &(span, e)) in people.mentions.iter().enumerate() {
        if people.kind_of(e) != Some(EntityKind::Person) {
            continue;
        }
        for (noun, phrase) in people.reading(i).map_or(&[][..], |r| &r.roles[..]) {
            roles.push(Role {
                noun: noun.clone(),
                phrase: phrase.clone(),
                entity: e,
                at: span.start,
            });
        }
    }
    roles.sort_by_key(|r| r.at);
    roles
}

impl People<'_> {
    /// The named holder of a role head at `at`, else the role as written.
    /// With modifiers ("the *prime* minister"), holders whose role has them
    /// win. The flag is true when the holder is only guessed: the person
    /// or organisation in focus, not one the article gives that role or
    /// name.
    pub(super) fn role_holder(
        &self,
        head: &Head,
        at: usize,
        recent: &HashSet<usize>,
    ) -> (Speaker, bool) {
        let span = head.span();
        let written = Speaker {
            name: span.text(self.text).to_string(),
            entity: None,
        };
        let Head::Role {
            noun,
            tag,
            modifiers,
            ..
        } = head
        else {
            return (written, false);
        };
        let all: Vec<&Role> = self.roles.iter().filter(|r| r.noun == *noun).collect();
        let fitting: Vec<&Role> = all
            .iter()
            .copied()
            .filter(|r| modifiers.iter().all(|m| r.phrase.contains(m.as_str())))
            .collect();
        let held = if fitting.is_empty() { all } else { fitting };
        let before = held.iter().rev().find(|r| r.at < at);
        let distinct: HashSet<usize> = held.iter().map(|r| r.entity).collect();
        let holder = before.or(if distinct.len() == 1 {
            held.first()
        } else {
            None
        });
        if let (RoleTag::Person(_), Some(r)) = (tag, holder) {
            return (self.entity_speaker(r.entity), false);
        }
        // "the minister" with no named minister: the person in focus. Only
        // for offices, not for "the father".
        let definite = span
            .text(self.text)
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("the "));
        let office = definite && *tag == RoleTag::Person(None) && is_office(noun);
        if office && let Some(e) = self.salient_person(None, at, recent) {
            return (self.entity_speaker(e), true);
        }
        if *tag == RoleTag::Organization {
            if let Some(e) = self.organisation_named(noun, at) {
                return (self.entity_speaker(e), false);
            }
            if let Some(e) = self.recent_organisation(at, recent) {
                return (self.entity_speaker(e), true);
            }
        }
        (written, false)
    }

    /// The most recent organisation entity before `at` whose name contains
    /// `noun` ("the ministry" → "Ministry of Health").
    fn organisation_named(&self, noun: &str, at: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.start < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_LOOKBACK)
            .map(|&(_, e)| e)
            .find(|&e| {
                self.entities.get(e).is_some_and(|x| {
                    x.kind == EntityKind::Organization && x.name.to_lowercase().contains(noun)
                })
            })
    }
}
