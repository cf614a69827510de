//! Roles: who holds which role in the article ("Prime Minister Justin
//! Trudeau", "Doug McCallum, the mayor of Surrey,", an entity's own role),
//! so that a cue naming "the minister" or "the ministry" reaches the person
//! or organisation meant.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

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
/// their number so). A wording met for the first time reads only the roles
/// holding its rarest modifier, through a word index, so thousands of
/// differently worded heads of one noun ("the kalo mayor", "the mire
/// mayor", ...) cost their number, not their number times the noun's roles.
#[derive(Debug, Default)]
pub struct RoleIndex {
    by_noun: FxHashMap<String, NounRoles>,
    /// The roles each (noun, modifiers) of a head may name, as they are
    /// asked for.
    held: RefCell<FxHashMap<Wording, Rc<Held>>>,
}

/// A role head's noun and modifiers, the key of what it may name.
type Wording = (String, Vec<String>);

/// The roles of one noun.
#[derive(Debug)]
struct NounRoles {
    /// All of them, by offset: what a head names when no role of its noun
    /// holds all its modifiers. Shared by every such head's entry.
    all: Rc<Held>,
    /// For each word of their phrases, the positions in `all` of the roles
    /// whose phrase has it, ascending.
    by_word: FxHashMap<String, Vec<usize>>,
    /// Each role's phrase words, in `all`'s order.
    words: Vec<Vec<String>>,
}

/// The roles a role head may name: those of its noun whose phrase has
/// every one of its modifiers as a word, else all of its noun.
#[derive(Debug)]
struct Held {
    /// (offset, entity) of each, by offset.
    roles: Vec<(usize, usize)>,
    /// All of them name one entity.
    one_entity: bool,
}

impl Held {
    fn new(roles: Vec<(usize, usize)>) -> Self {
        Held {
            one_entity: roles.windows(2).all(|pair| {
                tick();
                pair[0].1 == pair[1].1
            }),
            roles,
        }
    }
}

impl RoleIndex {
    /// The index of `roles` (sorted by offset).
    pub fn new(roles: &[Role]) -> Self {
        let mut grouped: FxHashMap<&str, Vec<&Role>> = FxHashMap::default();
        for role in roles {
            tick_n(role.noun.len() + 1);
            grouped.entry(role.noun.as_str()).or_default().push(role);
        }
        let by_noun = grouped
            .into_iter()
            .map(|(noun, roles)| {
                let mut by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
                let words: Vec<Vec<String>> = roles
                    .iter()
                    .enumerate()
                    .map(|(i, role)| {
                        tick_n(role.phrase.len() + 1);
                        let mut words: Vec<String> =
                            role.phrase.split(' ').map(str::to_string).collect();
                        words.sort_unstable();
                        words.dedup();
                        for word in &words {
                            by_word.entry(word.clone()).or_default().push(i);
                        }
                        words
                    })
                    .collect();
                let all = Rc::new(Held::new(roles.iter().map(|r| (r.at, r.entity)).collect()));
                let entry = NounRoles {
                    all,
                    by_word,
                    words,
                };
                (noun.to_string(), entry)
            })
            .collect();
        RoleIndex {
            by_noun,
            held: RefCell::default(),
        }
    }

    /// The entity holding the role `noun` with `modifiers` as seen at
    /// `at`: the last holder named before `at`, else the only one.
    fn holder(&self, noun: &str, modifiers: &[String], at: usize) -> Option<usize> {
        let nouns = self.by_noun.get(noun)?;
        let mut held = self.held.borrow_mut();
        let key = (noun.to_string(), modifiers.to_vec());
        tick_n(noun.len() + modifiers.iter().map(String::len).sum::<usize>());
        let held = held.entry(key).or_insert_with(|| nouns.holding(modifiers));
        let before = held.roles.partition_point(|&(offset, _)| offset < at);
        held.roles[..before]
            .last()
            .or(held.roles.first().filter(|_| held.one_entity))
            .map(|&(_, entity)| entity)
    }
}

impl NounRoles {
    /// The roles whose phrase has every modifier as a word, else all.
    fn holding(&self, modifiers: &[String]) -> Rc<Held> {
        let postings: Option<Vec<&Vec<usize>>> =
            modifiers.iter().map(|m| self.by_word.get(m)).collect();
        let Some(rarest) = postings.and_then(|p| p.into_iter().min_by_key(|p| p.len())) else {
            return Rc::clone(&self.all);
        };
        let fitting: Vec<(usize, usize)> = rarest
            .iter()
            .filter(|&&i| {
                tick_n(modifiers.len() + 1);
                self.words
                    .get(i)
                    .is_some_and(|words| modifiers.iter().all(|m| words.binary_search(m).is_ok()))
            })
            .filter_map(|&i| self.all.roles.get(i).copied())
            .collect();
        if fitting.is_empty() {
            Rc::clone(&self.all)
        } else {
            Rc::new(Held::new(fitting))
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
        let holder = self.role_index.holder(noun, modifiers, at);
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
