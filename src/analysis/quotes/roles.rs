//! Roles: who holds which role in the article ("Prime Minister Justin
//! Trudeau", "Doug McCallum, the mayor of Surrey,", an entity's own role),
//! so that a cue naming "the minister" or "the ministry" reaches the person
//! or organisation meant.

use std::cell::RefCell;
use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::super::entities::EntityKind;
use super::Speaker;
use super::mentions::{Head, is_office};
use super::people::People;
use super::reading::role_entries;
use super::weights::PRONOUN_LOOKBACK;
use super::words::RoleTag;
use crate::analysis::work::{tick, tick_n};

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
        tick();
        if let (Some(role), Some(first)) = (&e.role, e.mentions.first()) {
            tick_n(3 * role.len());
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
        tick();
        if people.kind_of(e) != Some(EntityKind::Person) {
            continue;
        }
        for (noun, phrase) in people.reading(i).map_or(&[][..], |r| &r.roles[..]) {
            tick_n(noun.len() + phrase.len());
            roles.push(Role {
                noun: noun.clone(),
                phrase: phrase.clone(),
                entity: e,
                at: span.start,
            });
        }
    }
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(roles.len());
    roles.sort_by_key(|r| r.at);
    roles
}

/// The article's roles by noun, and for each wording of a role head (its
/// noun and modifiers) the roles it may name, worked out once: a role
/// head looks up its holder with a binary search instead of scanning every
/// role of the article (thousands of "the mayor said" cost the square of
/// their number so). A wording met for the first time still reads every
/// role of its noun, to find those whose words hold its modifiers: an
/// article with thousands of differently worded heads of one noun ("the
/// kalo mayor", "the mire mayor", ...) costs their number times that
/// noun's roles.
#[derive(Debug, Default)]
pub struct RoleIndex {
    /// Indices into the roles (sorted by offset) of each noun.
    by_noun: FxHashMap<String, Vec<usize>>,
    /// The roles each (noun, modifiers) of a head may name, as they are
    /// asked for.
    held: RefCell<FxHashMap<(String, Vec<String>), Held>>,
}

/// The roles a role head may name: those of its noun whose words hold all
/// its modifiers, else all of its noun.
#[derive(Debug)]
struct Held {
    /// (offset, entity) of each, by offset.
    roles: Vec<(usize, usize)>,
    /// All of them name one entity.
    one_entity: bool,
}

impl RoleIndex {
    /// The index of `roles` (sorted by offset).
    pub fn new(roles: &[Role]) -> Self {
        let mut by_noun: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, role) in roles.iter().enumerate() {
            tick_n(role.noun.len() + 1);
            by_noun.entry(role.noun.clone()).or_default().push(i);
        }
        RoleIndex {
            by_noun,
            held: RefCell::default(),
        }
    }

    /// The entity holding the role `noun` with `modifiers` as seen at
    /// `at`: the last holder named before `at`, else the only one.
    fn holder(&self, roles: &[Role], noun: &str, modifiers: &[String], at: usize) -> Option<usize> {
        let mut held = self.held.borrow_mut();
        let key = (noun.to_string(), modifiers.to_vec());
        tick_n(noun.len() + modifiers.iter().map(String::len).sum::<usize>());
        let held = held
            .entry(key)
            .or_insert_with(|| self.held_roles(roles, noun, modifiers));
        let before = held.roles.partition_point(|&(offset, _)| offset < at);
        held.roles[..before]
            .last()
            .or(held.roles.first().filter(|_| held.one_entity))
            .map(|&(_, entity)| entity)
    }

    fn held_roles(&self, roles: &[Role], noun: &str, modifiers: &[String]) -> Held {
        let all: Vec<&Role> = self
            .by_noun
            .get(noun)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&i| roles.get(i))
            .collect();
        let fitting: Vec<&Role> = all
            .iter()
            .copied()
            .filter(|r| {
                tick_n(r.phrase.len() * modifiers.len() + 1);
                modifiers.iter().all(|m| r.phrase.contains(m.as_str()))
            })
            .collect();
        let held = if fitting.is_empty() { all } else { fitting };
        Held {
            one_entity: held.windows(2).all(|pair| {
                tick();
                pair[0].entity == pair[1].entity
            }),
            roles: held.iter().map(|r| (r.at, r.entity)).collect(),
        }
    }
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
        let holder = self.role_index.holder(&self.roles, noun, modifiers, at);
        if let (RoleTag::Person(_), Some(entity)) = (tag, holder) {
            return (self.entity_speaker(entity), false);
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
                tick();
                self.entities.get(e).is_some_and(|x| {
                    tick_n(x.name.len());
                    x.kind == EntityKind::Organization && x.name.to_lowercase().contains(noun)
                })
            })
    }
}
