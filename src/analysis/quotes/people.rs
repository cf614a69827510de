//! People: the document-wide index that turns the words naming a speaker
//! ("Mr Putin", "he", "the minister", a name no entity covers) into a
//! canonical name, shared with the entity pass so that a quote's speaker and
//! the person entity are one object.
//!
//! Everything here is indexed once per document from the entities and the
//! paragraphs' local readings (mentions sorted by offset, genders, who
//! holds which role), so a lookup is a binary search plus a short, bounded
//! walk: no per-quote scan of the whole text.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::super::Span;
use super::super::entities::{Entity, EntityKind, Gender};
use super::super::segment::Segmentation;
use super::super::text::TextModel;
use super::Speaker;
use super::mentions::Head;
use super::reading::MentionReading;
use super::roles::{RoleIndex, collect_roles};
use super::tables::is_opening_conjunction;
use super::weights::*;
use super::words::{Pronoun, is_punct, subject_pronoun, tokens_in};
use crate::analysis::work::{tick, tick_n};

/// The per-document index of people and roles.
pub struct People<'a> {
    pub(super) text: &'a str,
    pub(super) seg: &'a Segmentation,
    model: &'a TextModel,
    pub(super) entities: &'a [Entity],
    /// Every entity mention read by a paragraph, sorted by start, with its
    /// reading.
    pub(super) mentions: Vec<(Span, usize)>,
    readings: Vec<&'a MentionReading>,
    /// Person mentions outside quotes, sorted by start: pronoun
    /// antecedents; and each one's index in `mentions`.
    pub(super) persons: Vec<(Span, usize)>,
    person_index: Vec<usize>,
    genders: Vec<Option<Gender>>,
    /// Per entity: something marks it as a person beyond its capitals (a
    /// role, a mention that speaks or opens its sentence).
    personal: Vec<bool>,
    /// The roles by noun, and who each wording of a role head names.
    pub(super) role_index: RoleIndex,
    /// The quoted spans (sorted, disjoint).
    quoted: Vec<Span>,
    /// Person entities by surname (ASCII lower case), in entity order.
    surnames: FxHashMap<String, Vec<usize>>,
}

impl<'a> People<'a> {
    /// Index `mentions` (sorted, each with what its paragraph read around
    /// it) of `entities`; `quoted` (sorted, disjoint) are the quoted spans.
    pub fn new(
        text: &'a str,
        model: &'a TextModel,
        entities: &'a [Entity],
        mentions: Vec<(Span, usize, &'a MentionReading)>,
        quoted: Vec<Span>,
    ) -> Self {
        tick_n(2 * mentions.len());
        let readings: Vec<&MentionReading> = mentions.iter().map(|m| m.2).collect();
        let mentions: Vec<(Span, usize)> = mentions.iter().map(|m| (m.0, m.1)).collect();
        let is_person = |e: usize| {
            entities
                .get(e)
                .is_some_and(|e| e.kind == EntityKind::Person)
        };
        let person_index: Vec<usize> = (0..mentions.len())
            .filter(|&i| is_person(mentions[i].1) && !readings[i].quoted)
            .collect();
        let persons: Vec<(Span, usize)> = person_index.iter().map(|&i| mentions[i]).collect();
        tick_n(3 * mentions.len());
        let mut surnames: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            tick();
            if e.kind == EntityKind::Person
                && let Some(surname) = &e.surname
            {
                tick_n(surname.len());
                surnames
                    .entry(surname.to_ascii_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        let mut people = People {
            text,
            seg: &model.segmentation,
            model,
            entities,
            mentions,
            readings,
            persons,
            person_index,
            genders: Vec::new(),
            personal: Vec::new(),
            role_index: RoleIndex::default(),
            quoted,
            surnames,
        };
        people.genders = people.infer_genders();
        people.role_index = RoleIndex::new(&collect_roles(&people));
        let mut personal: Vec<bool> = entities.iter().map(|e| e.role.is_some()).collect();
        for k in 0..people.persons.len() {
            tick();
            if people.prominence(k) > 0.0
                && let Some(slot) = personal.get_mut(people.persons[k].1)
            {
                *slot = true;
            }
        }
        people.personal = personal;
        people
    }

    /// The reading of every mention (parallel to `mentions`).
    pub(super) fn reading(&self, i: usize) -> Option<&MentionReading> {
        self.readings.get(i).copied()
    }

    /// How prominent person mention `k` is as an antecedent: reporter of
    /// speech, subject of its sentence.
    fn prominence(&self, k: usize) -> f32 {
        match self.person_index.get(k).and_then(|&i| self.reading(i)) {
            Some(r) if r.reports => REPORTER_BONUS,
            Some(r) if r.subject => SUBJECT_BONUS,
            _ => 0.0,
        }
    }

    pub fn gender(&self, entity: usize) -> Option<Gender> {
        self.genders.get(entity).copied().flatten()
    }

    pub(super) fn is_quoted(&self, offset: usize) -> bool {
        inside_any(&self.quoted, offset)
    }

    pub(super) fn kind_of(&self, e: usize) -> Option<EntityKind> {
        self.entities.get(e).map(|x| x.kind)
    }

    fn is_person(&self, e: usize) -> bool {
        self.kind_of(e) == Some(EntityKind::Person)
    }

    /// The gender a mention itself tells (its title, a kinship noun, its
    /// given name), as the entity pass read it, and whether only its given
    /// name told it.
    fn mention_gender(&self, (span, e): (Span, usize)) -> Option<(Gender, bool)> {
        let mentions = &self.entities.get(e)?.mentions;
        let i = mentions.partition_point(|m| m.span.start < span.start);
        let facts = &mentions.get(i).filter(|m| m.span == span)?.facts;
        facts.gender.map(|g| (g, facts.gender_from_name))
    }

    /// Each person's gender, from votes: what its mentions tell (a title:
    /// strong; a given name: weak) and the first gendered pronoun after a
    /// mention, before the next person is named (stronger when the mention
    /// is its sentence's subject). A title settles it; a given name only
    /// when the pronouns do not outvote it ("Sen. Lindsey Graham ... his
    /// rival ... He added").
    fn infer_genders(&self) -> Vec<Option<Gender>> {
        let mut votes = vec![0i32; self.entities.len()];
        let mut pronouns = vec![0i32; self.entities.len()];
        let mut titled = vec![false; self.entities.len()];
        let weight = |g: Option<Gender>, w: i32| match g {
            Some(Gender::Male) => w,
            Some(Gender::Female) => -w,
            None => 0,
        };
        for (k, &(_, e)) in self.persons.iter().enumerate() {
            tick();
            let Some(reading) = self.person_index.get(k).and_then(|&i| self.reading(i)) else {
                continue;
            };
            if let Some(v) = votes.get_mut(e) {
                // A pronoun after a sentence's subject most likely refers to
                // it; after any other mention it votes only weakly.
                let pronoun_weight = if self.prominence(k) > 0.0 {
                    SUBJECT_PRONOUN_VOTE
                } else {
                    PRONOUN_VOTE
                };
                let own = self.mention_gender(self.persons[k]);
                let own_weight = match own {
                    Some((_, true)) => GIVEN_NAME_VOTE,
                    _ => TITLE_VOTE,
                };
                if let (Some((_, false)), Some(t)) = (own, titled.get_mut(e)) {
                    *t = true;
                }
                *v += weight(own.map(|(g, _)| g), own_weight)
                    + weight(reading.pronoun, pronoun_weight);
            }
            if let Some(p) = pronouns.get_mut(e) {
                *p += weight(reading.pronoun, 1);
            }
        }
        let decided = |v: i32, min: i32| match v {
            v if v >= min => Some(Gender::Male),
            v if v <= -min => Some(Gender::Female),
            _ => None,
        };
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                tick();
                let voted = decided(votes[i], MIN_GENDER_VOTES);
                if titled[i] {
                    return e.gender.or(voted);
                }
                // pronouns against the given name leave it open
                let against = decided(pronouns[i], 1).is_some_and(|g| Some(g) != e.gender);
                voted.or(if against { None } else { e.gender })
            })
            .collect()
    }

    /// Every entity's gender as [`Self::infer_genders`] read it.
    pub fn genders(&self) -> &[Option<Gender>] {
        &self.genders
    }

    /// The speaker a head names, as seen at byte `at`. `recent` holds the
    /// entities already named as speakers before `at` (most salient).
    pub fn speaker(&self, head: &Head, at: usize, recent: &HashSet<usize>) -> Option<Speaker> {
        match head {
            Head::Entity(e, _) => Some(self.entity_speaker(*e)),
            Head::Name(name, _) => Some(self.by_surname(name)),
            Head::Pronoun(p, s) => self
                .antecedent(*p, s.start, recent)
                .map(|e| self.entity_speaker(e)),
            Head::Role { .. } => Some(self.role_holder(head, at, recent).0),
        }
    }

    pub(super) fn entity_speaker(&self, e: usize) -> Speaker {
        let e = self.expansion_of(e).unwrap_or(e);
        Speaker {
            name: self
                .entities
                .get(e)
                .map_or_else(String::new, |x| x.name.clone()),
            entity: Some(e),
        }
    }

    /// The organisation an acronym stands for, when the article spells it
    /// out ("FRB" → "Federal Reserve Board"), as the entity pass linked them.
    fn expansion_of(&self, e: usize) -> Option<usize> {
        self.entities.get(e)?.acronym_of
    }

    /// A name no mention covers: the fullest person entity whose surname
    /// ends the name (after a white space or at its start, ASCII case
    /// ignored), the last such entity on a tie; else the name itself.
    /// Each place a surname may start in the name is looked up in the
    /// surname index: a speaker phrase is a few words, while the entities
    /// may be thousands.
    fn by_surname(&self, name: &str) -> Speaker {
        let lower = name.to_ascii_lowercase();
        let starts = std::iter::once(0).chain(
            name.char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8()),
        );
        let best = starts
            .filter_map(|start| {
                let tail = lower.get(start..)?;
                tick_n(tail.len() + 1);
                self.surnames.get(tail)
            })
            .flatten()
            .map(|&i| {
                let words = self.entities.get(i).map_or(0, |e| {
                    tick_n(e.name.len());
                    e.name.split(' ').count()
                });
                (words, i)
            })
            .max();
        match best {
            Some((_, i)) => self.entity_speaker(i),
            None => Speaker {
                name: name.to_string(),
                entity: None,
            },
        }
    }

    /// The person a pronoun at `at` refers to: the best-scored compatible
    /// person mention before it (gender agreement, subject position,
    /// already a speaker, nearness).
    pub fn antecedent(&self, p: Pronoun, at: usize, recent: &HashSet<usize>) -> Option<usize> {
        let want = match p {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            Pronoun::It => return self.recent_organisation(at, recent),
            Pronoun::They => return None,
        };
        let at = self.pronoun_chain_start(p, at);
        self.salient_person(Some(want), at, recent)
            .or_else(|| self.earlier_speaker_of_gender(want, at, recent))
    }

    /// No one of the pronoun's gender named in the last few paragraphs: a
    /// feature returns to its main speaker ("...,” she says), so take the
    /// last person of that gender already quoted, within a longer reach.
    fn earlier_speaker_of_gender(
        &self,
        want: Gender,
        at: usize,
        recent: &HashSet<usize>,
    ) -> Option<usize> {
        self.newest_before(&self.persons, at, LONG_LOOKBACK, LONG_PRONOUN_PARAGRAPHS)
            .map(|&(_, e)| e)
            .find(|&e| recent.contains(&e) && self.gender(e) == Some(want))
    }

    /// The first word of the sentence starting at `start` (after an
    /// opening conjunction), if it starts before `end`; when that word is
    /// no pronoun and an introductory phrase ends in a comma, the subject
    /// pronoun after it ("Asked who leads the party, he said ...", "On
    /// Monday, she wrote ...").
    fn sentence_opener(&self, start: usize, end: usize) -> Option<(Span, Option<Pronoun>)> {
        let p = self.seg.paragraph_at(start)?;
        let para = self.model.paragraphs.get(p)?;
        let base = self.seg.paragraphs.get(p)?.span.start;
        let rel = Span::new(start - base, end.saturating_sub(base).min(para.text.len()));
        let tokens = tokens_in(para, rel);
        let opener = tokens
            .iter()
            .filter(|t| {
                tick();
                t.is_word()
            })
            .take(2)
            .find(|t| !is_opening_conjunction(para.lower(t)))
            .map(|t| (t.span.shifted(base), subject_pronoun(para.lower(t))))?;
        if opener.1.is_some() || self.is_quoted(opener.0.start) {
            return Some(opener);
        }
        let after_phrase = tokens
            .iter()
            .take(INTRODUCTORY_PHRASE_TOKENS)
            .position(|t| {
                tick();
                is_punct(para, t, ",")
            })
            .and_then(|comma| tokens.get(comma + 1))
            .filter(|t| t.is_word())
            .and_then(|t| Some((t.span.shifted(base), Some(subject_pronoun(para.lower(t))?))));
        Some(after_phrase.unwrap_or(opener))
    }

    /// Where a run of sentences about one person starts: while the sentence
    /// before the pronoun's opens with the same pronoun outside a quote
    /// ("He said the plant, run by his friend X, grew. “...,” he said."),
    /// both refer to the same person, so resolve from the earlier one.
    fn pronoun_chain_start(&self, p: Pronoun, at: usize) -> usize {
        let mut chain_at = at;
        let mut cursor = at;
        for _ in 0..PRONOUN_CHAIN_STEPS {
            tick();
            let Some(start) = self.previous_sentence_start(cursor) else {
                break;
            };
            if start >= cursor {
                break;
            }
            cursor = start;
            let Some((first, pronoun)) = self.sentence_opener(start, chain_at) else {
                break;
            };
            if self.is_quoted(first.start) {
                // A sentence of quoted words: look past it.
                continue;
            }
            if pronoun != Some(p) {
                break;
            }
            chain_at = first.start;
        }
        chain_at
    }

    /// The most salient person before `at` whose gender is compatible with
    /// `want`.
    pub(super) fn salient_person(
        &self,
        want: Option<Gender>,
        at: usize,
        recent: &HashSet<usize>,
    ) -> Option<usize> {
        let here = self.seg.paragraph_at(at).unwrap_or(0);
        let end = self.persons.partition_point(|(s, _)| s.start < at);
        let previous_sentence = self.previous_sentence_start(at);
        let mut best: Option<(f32, usize)> = None;
        for (rank, &(span, e)) in self.persons[..end].iter().rev().enumerate() {
            tick();
            if rank >= PRONOUN_LOOKBACK {
                break;
            }
            let para = self.seg.paragraph_at(span.start).unwrap_or(0);
            let back = here.saturating_sub(para);
            if back > PRONOUN_PARAGRAPHS {
                break;
            }
            let mut score = match (self.gender(e), want) {
                (Some(g), Some(w)) if g == w => GENDER_AGREEMENT,
                (Some(_), Some(_)) => continue,
                // "she worked at the Harbour Grill": a name with no gender
                // and nothing personal about it takes no he/she.
                (None, Some(_)) if !self.personal.get(e).copied().unwrap_or(false) => continue,
                (None, Some(_)) => GENDER_AGREEMENT / 2.0,
                _ => 0.0,
            };
            if recent.contains(&e) {
                score += RECENT_SPEAKER_BONUS;
            }
            // `rank` counts back from `end`, so this is the mention's index.
            score += self.prominence(end - 1 - rank);
            if previous_sentence.is_some_and(|p| span.start >= p) {
                score += LAST_SENTENCE_BONUS;
                tick_n(span.len());
                if span.text(self.text).split_whitespace().nth(1).is_some() {
                    score += INTRODUCTION_BONUS;
                }
            }
            score -= PARAGRAPH_PENALTY * back as f32 + MENTION_PENALTY * rank as f32;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, e));
            }
        }
        best.map(|(_, e)| e)
    }

    /// Start of the sentence before the one holding `at` (in the previous
    /// paragraph when `at` is in its paragraph's first sentence).
    fn previous_sentence_start(&self, at: usize) -> Option<usize> {
        let p = self.seg.paragraph_at(at)?;
        let para = self.seg.paragraphs.get(p)?;
        let i = para.sentences.partition_point(|s| s.end < at);
        match i.checked_sub(1) {
            Some(j) => para.sentences.get(j).map(|s| s.start),
            None => (0..p)
                .rev()
                .find_map(|q| {
                    tick();
                    self.seg.paragraphs.get(q)?.sentences.last()
                })
                .map(|s| s.start),
        }
    }

    /// The organisation "it" or "the company" at `at` refers to: among the
    /// organisations named outside quotes within a few paragraphs, the
    /// nearest one that reports speech ("BC Power said in a statement"),
    /// else the nearest one.
    pub(super) fn recent_organisation(&self, at: usize, recent: &HashSet<usize>) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.start < at);
        let mut candidates = self
            .newest_before(&self.mentions, at, PRONOUN_LOOKBACK, PRONOUN_PARAGRAPHS)
            .enumerate()
            .filter(|&(_, &(s, e))| {
                tick();
                !self.is_quoted(s.start) && self.kind_of(e) == Some(EntityKind::Organization)
            })
            .peekable();
        let nearest = candidates.peek().map(|&(_, &(_, e))| e);
        candidates
            .find(|&(rank, _)| self.reading(end - 1 - rank).is_some_and(|r| r.reports))
            .map(|(_, &(_, e))| e)
            .or_else(|| self.recent_speaking_organisation(at, recent))
            .or(nearest)
    }

    /// The organisation already quoted that was named last before `at`
    /// (quotes included), within a few paragraphs.
    fn recent_speaking_organisation(&self, at: usize, recent: &HashSet<usize>) -> Option<usize> {
        self.newest_before(&self.mentions, at, PRONOUN_LOOKBACK, PRONOUN_PARAGRAPHS)
            .map(|&(_, e)| e)
            .find(|&e| recent.contains(&e) && self.kind_of(e) == Some(EntityKind::Organization))
    }

    /// The mentions of `list` (sorted by start) before `at`, newest first:
    /// at most `lookback` of them, and none more than `paragraphs`
    /// paragraphs back.
    pub(super) fn newest_before<'s>(
        &'s self,
        list: &'s [(Span, usize)],
        at: usize,
        lookback: usize,
        paragraphs: usize,
    ) -> impl Iterator<Item = &'s (Span, usize)> + 's {
        let here = self.seg.paragraph_at(at).unwrap_or(0);
        let end = list.partition_point(|(s, _)| s.start < at);
        list[..end]
            .iter()
            .rev()
            .take(lookback)
            .take_while(move |(s, _)| {
                tick();
                here.saturating_sub(self.seg.paragraph_at(s.start).unwrap_or(0)) <= paragraphs
            })
    }

    /// The last person mention in `span` that opens its sentence.
    pub fn sentence_subject_in(&self, span: Span) -> Option<Head> {
        let first = self.persons.partition_point(|(s, _)| s.start < span.start);
        (first..self.persons.len())
            .take_while(|&k| {
                tick();
                self.persons[k].0.end <= span.end
            })
            .filter(|&k| {
                self.person_index
                    .get(k)
                    .and_then(|&i| self.reading(i))
                    .is_some_and(|r| r.subject)
            })
            .last()
            .map(|k| Head::Entity(self.persons[k].1, self.persons[k].0))
    }

    /// True when a head names a person: a person entity, a name, he/she.
    pub fn is_personal(&self, head: &Head) -> bool {
        head.names_a_person(|e| self.is_person(e))
    }
}

pub(super) fn inside_any(sorted: &[Span], offset: usize) -> bool {
    let i = sorted.partition_point(|s| s.end <= offset);
    sorted.get(i).is_some_and(|s| s.start <= offset)
}
