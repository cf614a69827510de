//! Speakers: turning the words that name a speaker ("Mr Putin", "he", "the
//! minister", "Doug McCallum, the mayor of Surrey") into a canonical name,
//! shared with the entity pass so that a quote's speaker and the person
//! entity are one object.
//!
//! Everything here is indexed once per document (mentions sorted by offset,
//! genders, who holds which role), so a lookup is a binary search plus a
//! short, bounded walk: no per-quote scan of the whole text.

use std::collections::HashSet;

use super::super::Span;
use super::super::entities::{Entity, EntityKind, Gender};
use super::super::segment::Segmentation;
use super::Speaker;
use super::cues::{self, Pronoun, RoleTag, Tok};

/// What the words naming a speaker turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Head {
    /// An entity mention (index into the entities).
    Entity(usize, Span),
    /// A capitalised name no entity covers, titles already stripped.
    Name(String, Span),
    Pronoun(Pronoun, Span),
    /// A role noun phrase ("the minister", "police"); `noun` is the role word.
    Role {
        noun: String,
        tag: RoleTag,
        span: Span,
    },
}

impl Head {
    pub fn span(&self) -> Span {
        match self {
            Head::Entity(_, s) | Head::Name(_, s) | Head::Pronoun(_, s) => *s,
            Head::Role { span, .. } => *span,
        }
    }
}

/// How many person mentions a pronoun looks back over at most.
const PRONOUN_LOOKBACK: usize = 40;
/// How many paragraphs back a pronoun may find its antecedent.
const PRONOUN_PARAGRAPHS: usize = 4;

/// When no one of the pronoun's gender is that close: how far back an
/// already quoted person of that gender is still looked for.
const LONG_LOOKBACK: usize = 120;
const LONG_PRONOUN_PARAGRAPHS: usize = 12;

/// Pronoun antecedent scoring: a person already quoted is a little more
/// salient; each paragraph and each intervening mention makes a candidate
/// less likely.
const RECENT_SPEAKER_BONUS: f32 = 0.3;
const PARAGRAPH_PENALTY: f32 = 1.0;
const MENTION_PENALTY: f32 = 0.1;
/// A mention that opens its sentence is likelier to be referred to again;
/// one that is the subject of a reporting verb ("Okafor said") more so.
const SUBJECT_BONUS: f32 = 1.0;
const REPORTER_BONUS: f32 = 1.5;
/// Tokens read after a mention for its reporting verb (past an apposition).
const MAX_REPORT_TOKENS: usize = 16;
/// A person named in the sentence just before the pronoun's (or earlier in
/// its own) is the likeliest antecedent.
const LAST_SENTENCE_BONUS: f32 = 1.0;
/// A person given by full name just before a quote is being introduced
/// as its speaker (news style names a new speaker, then quotes them).
const INTRODUCTION_BONUS: f32 = 0.5;
/// A subject opens its sentence: at most a few title words precede it.
const SUBJECT_REACH: usize = 80;

/// How many sentences back a chain of same-pronoun subjects is followed.
const PRONOUN_CHAIN_STEPS: usize = 4;

/// The per-document index of people and roles.
pub struct People<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    entities: &'a [Entity],
    /// Every entity mention, sorted by start.
    mentions: Vec<(Span, usize)>,
    /// Person mentions outside quotes, sorted by start: pronoun antecedents.
    persons: Vec<(Span, usize)>,
    /// Per person mention: how prominent it is as an antecedent (reporter
    /// of speech, subject of its sentence).
    prominence: Vec<f32>,
    genders: Vec<Option<Gender>>,
    /// Per entity: something marks it as a person beyond its capitals (a
    /// role, a mention that speaks or opens its sentence).
    personal: Vec<bool>,
    /// (role noun, entity, offset of the mention it was read at), by offset.
    roles: Vec<Role>,
    /// The quoted spans (sorted, disjoint): names inside them are not
    /// antecedents of "it" or "the company".
    quoted: Vec<Span>,
}

impl<'a> People<'a> {
    /// Index `entities`; `quoted` (sorted, disjoint) are the quoted spans,
    /// whose mentions are not pronoun antecedents.
    pub fn new(
        text: &'a str,
        seg: &'a Segmentation,
        entities: &'a [Entity],
        quoted: &[Span],
    ) -> Self {
        let mut people = People::index(text, seg, entities, quoted);
        let readings: Vec<MentionReading> =
            (0..people.persons.len()).map(|k| people.read(k)).collect();
        people.complete(&readings.iter().collect::<Vec<_>>());
        people
    }

    /// The mentions of `entities` alone, sorted, and the person mentions
    /// outside `quoted`: enough for [`People::head_of`]. [`People::complete`]
    /// adds what is read around each person mention.
    pub fn index(
        text: &'a str,
        seg: &'a Segmentation,
        entities: &'a [Entity],
        quoted: &[Span],
    ) -> Self {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.start, s.end));
        let persons: Vec<(Span, usize)> = mentions
            .iter()
            .copied()
            .filter(|&(s, e)| {
                entities
                    .get(e)
                    .is_some_and(|e| e.kind == EntityKind::Person)
                    && !inside_any(quoted, s.start)
            })
            .collect();
        People {
            text,
            seg,
            entities,
            mentions,
            persons,
            prominence: Vec::new(),
            genders: Vec::new(),
            personal: Vec::new(),
            roles: Vec::new(),
            quoted: quoted.to_vec(),
        }
    }

    /// Every entity mention, sorted by start.
    pub fn mentions(&self) -> &[(Span, usize)] {
        &self.mentions
    }

    /// Person mentions outside quotes, sorted by start.
    pub fn persons(&self) -> &[(Span, usize)] {
        &self.persons
    }

    /// True when `offset` lies inside a quoted span.
    pub fn is_quoted(&self, offset: usize) -> bool {
        inside_any(&self.quoted, offset)
    }

    /// What the text says around person mention `k` (index into
    /// [`People::persons`]). It reads a bounded window around the mention:
    /// at most [`ROLE_WINDOW`] bytes before it and [`GENDER_WINDOW`] after it, the
    /// mention's sentence, and where the next person mention starts.
    pub fn read(&self, k: usize) -> MentionReading {
        let Some(&(span, _)) = self.persons.get(k) else {
            return MentionReading::default();
        };
        let prominence = if self.reports_speech(span) {
            REPORTER_BONUS
        } else if self.is_subject(span) {
            SUBJECT_BONUS
        } else {
            0.0
        };
        let next_person = self
            .persons
            .get(k + 1)
            .map_or(self.text.len(), |(s, _)| s.start);
        MentionReading {
            prominence,
            title: title_before(self.text, span),
            pronoun: pronoun_after(self.text, span, next_person),
            roles: mention_roles(self.text, span),
        }
    }

    /// Add what was read around each person mention (`readings`, one per
    /// [`People::persons`]): prominence, genders and roles.
    pub fn complete(&mut self, readings: &[&MentionReading]) {
        self.prominence = readings.iter().map(|r| r.prominence).collect();
        self.genders = infer_genders(self.entities, &self.persons, readings);
        self.roles = collect_roles(self.entities, &self.persons, readings);
        // Titles inside quotes ("“Mayor Roe's plan ...”") still tell roles.
        // Quoted person mentions are few, so they are read here, uncached.
        for &(span, e) in &self.mentions {
            let quoted_person = inside_any(&self.quoted, span.start)
                && self
                    .entities
                    .get(e)
                    .is_some_and(|e| e.kind == EntityKind::Person);
            if quoted_person {
                for (noun, phrase) in mention_roles(self.text, span) {
                    self.roles.push(Role {
                        noun,
                        phrase,
                        entity: e,
                        at: span.start,
                    });
                }
            }
        }
        self.roles.sort_by_key(|r| r.at);
        let mut personal: Vec<bool> = self.entities.iter().map(|e| e.role.is_some()).collect();
        for (&(_, e), &p) in self.persons.iter().zip(&self.prominence) {
            if p > 0.0
                && let Some(slot) = personal.get_mut(e)
            {
                *slot = true;
            }
        }
        self.personal = personal;
    }

    pub fn gender(&self, entity: usize) -> Option<Gender> {
        self.genders.get(entity).copied().flatten()
    }

    /// Entity mentions overlapping `span`, in order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let first = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        self.mentions[first..]
            .iter()
            .take_while(move |(s, _)| s.start < span.end)
            .filter(move |(s, _)| s.overlaps(span))
            .copied()
    }

    /// What the tokens `toks` (a speaker noun phrase) name, if anything.
    pub fn head_of(&self, toks: &[Tok]) -> Option<Head> {
        let words: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
        let first = words.first()?;
        let last = words.last()?;
        let span = Span::new(first.span.start, last.span.end);
        if let Some(p) = cues::subject_pronoun(first.text(self.text))
            && words.len() == 1
        {
            return Some(Head::Pronoun(p, first.span));
        }
        // "her statement read", "its report said": the owner speaks.
        if words.len() == 2
            && cues::role_tag(last.text(self.text)) == Some(RoleTag::Organization)
            && let Some(p) = cues::possessive_pronoun(first.text(self.text))
        {
            return Some(Head::Pronoun(p, first.span));
        }
        let found: Vec<(Span, usize)> = self
            .mentions_in(span)
            .filter(|(_, e)| !self.is_place(*e))
            .collect();
        let person = found.iter().rev().find(|(_, e)| self.is_person(*e));
        if let Some(&(s, e)) = person {
            return Some(Head::Entity(e, s));
        }
        // "A Superior Court judge": the organisation only modifies the role.
        let ends_in_role = matches!(
            cues::role_tag(last.text(self.text)),
            Some(RoleTag::Person(_) | RoleTag::Group)
        );
        if ends_in_role {
            return self.role_in(toks);
        }
        // "Jane Pan of Acme": the mention not after a preposition heads it.
        let heading = found.iter().find(|(s, _)| {
            let k = toks.iter().position(|t| t.span.start >= s.start);
            !k.and_then(|k| k.checked_sub(1))
                .and_then(|p| toks.get(p))
                .is_some_and(|t| cues::is_preposition(t.text(self.text)))
        });
        if let Some(&(s, e)) = heading.or(found.last()) {
            return Some(Head::Entity(e, s));
        }
        if let Some(name) = self.capitalised_name(toks) {
            return Some(name);
        }
        self.role_in(toks)
    }

    /// True when a head names a person: a person entity, a name, he/she.
    pub fn is_personal(&self, head: &Head) -> bool {
        match head {
            Head::Entity(e, _) => self.is_person(*e),
            Head::Name(..) => true,
            Head::Pronoun(p, _) => matches!(p, Pronoun::He | Pronoun::She),
            Head::Role { .. } => false,
        }
    }

    /// The kind of entity `e`.
    pub fn kind(&self, e: usize) -> Option<EntityKind> {
        self.entities.get(e).map(|x| x.kind)
    }

    fn is_place(&self, e: usize) -> bool {
        self.entities
            .get(e)
            .is_some_and(|e| e.kind == EntityKind::Place)
    }

    fn is_person(&self, e: usize) -> bool {
        self.entities
            .get(e)
            .is_some_and(|e| e.kind == EntityKind::Person)
    }

    /// The last run of capitalised words in `toks` that is not a function
    /// word or a bare role, as a name with its titles stripped.
    fn capitalised_name(&self, toks: &[Tok]) -> Option<Head> {
        let mut runs: Vec<Vec<&Tok>> = Vec::new();
        let mut current: Vec<&Tok> = Vec::new();
        let mut after_preposition = false;
        for t in toks {
            let w = t.text(self.text);
            // Words of a place or organisation are not a person's name, nor
            // is the object of a preposition ("the mayor of Eastford").
            let named_thing = self.mentions_in(t.span).next().is_some();
            let starts_object = current.is_empty() && after_preposition;
            after_preposition = t.word && cues::is_preposition(w);
            let joins = t.word
                && !named_thing
                && !starts_object
                && cues::is_capitalised(w)
                && !(current.is_empty() && cues::is_function_word(w));
            if joins {
                current.push(t);
                if cues::strip_possessive(w) != w {
                    runs.push(std::mem::take(&mut current));
                }
            } else if !t.is_punct(self.text, ".") && !current.is_empty() {
                // A period after an abbreviation ("Mr.") stays in the run.
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        let run = runs.into_iter().rev().find(|r| {
            let last = r.last().map(|t| t.text(self.text)).unwrap_or("");
            cues::strip_possessive(last) == last || r.len() > 1
        })?;
        let words: Vec<&str> = run.iter().map(|t| t.text(self.text)).collect();
        let skip = cues::leading_title_len(&words);
        let kept = &words[skip..];
        if kept.len() == 1 && cues::role_tag(kept[0]).is_some() {
            return None;
        }
        let name = kept
            .iter()
            .map(|w| cues::strip_possessive(w))
            .collect::<Vec<_>>()
            .join(" ");
        let span = Span::new(run.first()?.span.start, run.last()?.span.end);
        Some(Head::Name(name, span))
    }

    /// A role noun phrase in `toks`: the last role noun, with its determiner;
    /// else a definite description ("the rookie defenceman") of someone.
    fn role_in(&self, toks: &[Tok]) -> Option<Head> {
        self.known_role_in(toks).or_else(|| self.description(toks))
    }

    /// `the` + lower-case words: a description whose noun is its last word.
    fn description(&self, toks: &[Tok]) -> Option<Head> {
        let first = toks.first()?;
        if !first.text(self.text).eq_ignore_ascii_case("the") || toks.len() > 4 || toks.len() < 2 {
            return None;
        }
        let plain = toks[1..].iter().all(|t| {
            let w = t.text(self.text);
            t.word && !cues::is_capitalised(w) && !cues::is_function_word(w)
        });
        let last = toks.last()?;
        plain.then(|| Head::Role {
            noun: cues::normalize(last.text(self.text)),
            tag: RoleTag::Person(None),
            span: Span::new(first.span.start, last.span.end),
        })
    }

    fn known_role_in(&self, toks: &[Tok]) -> Option<Head> {
        let (i, tag) = toks
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| t.word)
            .find_map(|(i, t)| cues::role_tag(t.text(self.text)).map(|tag| (i, tag)))?;
        let start = toks[..i]
            .iter()
            .rposition(|t| t.word && cues::is_determiner(t.text(self.text)))
            .unwrap_or(i);
        let span = Span::new(toks.get(start)?.span.start, toks.get(i)?.span.end);
        let noun = cues::normalize(toks.get(i)?.text(self.text));
        Some(Head::Role { noun, tag, span })
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
            Head::Role { noun, tag, span } => Some(self.role_holder(noun, *tag, *span, at, recent)),
        }
    }

    fn entity_speaker(&self, e: usize) -> Speaker {
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
    /// out: "FRB" → "Federal Reserve Board" (initials of its capitalised
    /// words, "of"/"and" skipped).
    fn expansion_of(&self, e: usize) -> Option<usize> {
        let acronym = self.entities.get(e)?;
        let letters = &acronym.name;
        let is_acronym = acronym.kind == EntityKind::Organization
            && (2..=8).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase());
        if !is_acronym {
            return None;
        }
        self.entities.iter().position(|x| {
            x.kind == EntityKind::Organization
                && x.name != *letters
                && initials(&x.name) == *letters
        })
    }

    /// A name no mention covers: the fullest person entity sharing its
    /// surname, else the name itself.
    fn by_surname(&self, name: &str) -> Speaker {
        let surname = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
        let best = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter(|(_, e)| {
                e.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.to_lowercase() == surname)
            })
            .max_by_key(|(_, e)| e.name.split(' ').count());
        match best {
            Some((i, _)) => self.entity_speaker(i),
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

    /// Where a run of sentences about one person starts: while the sentence
    /// before the pronoun's opens with the same pronoun outside a quote
    /// ("He said the plant, run by his friend X, grew. “...,” he said."),
    /// both refer to the same person, so resolve from the earlier one.
    fn pronoun_chain_start(&self, p: Pronoun, at: usize) -> usize {
        let mut chain_at = at;
        let mut cursor = at;
        for _ in 0..PRONOUN_CHAIN_STEPS {
            let Some(start) = self.previous_sentence_start(cursor) else {
                break;
            };
            if start >= cursor {
                break;
            }
            cursor = start;
            let opening = cues::tokens(self.text, Span::new(start, chain_at))
                .filter(|t| t.word)
                .take(2)
                .find(|t| !is_conjunction(t.text(self.text)));
            let Some(first) = opening else { break };
            if inside_any(&self.quoted, first.span.start) {
                // A sentence of quoted words: look past it.
                continue;
            }
            if cues::subject_pronoun(first.text(self.text)) != Some(p) {
                break;
            }
            chain_at = first.span.start;
        }
        chain_at
    }

    /// The most salient person before `at` whose gender is compatible with
    /// `want`.
    fn salient_person(
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
            if rank >= PRONOUN_LOOKBACK {
                break;
            }
            let para = self.seg.paragraph_at(span.start).unwrap_or(0);
            let back = here.saturating_sub(para);
            if back > PRONOUN_PARAGRAPHS {
                break;
            }
            let mut score = match (self.gender(e), want) {
                (Some(g), Some(w)) if g == w => 2.0,
                (Some(_), Some(_)) => continue,
                // "she worked at the Harbour Grill": a name with no gender
                // and nothing personal about it takes no he/she.
                (None, Some(_)) if !self.personal.get(e).copied().unwrap_or(false) => continue,
                _ => 0.0,
            };
            if recent.contains(&e) {
                score += RECENT_SPEAKER_BONUS;
            }
            // `rank` counts back from `end`, so this is the mention's index.
            score += self.prominence.get(end - 1 - rank).copied().unwrap_or(0.0);
            if previous_sentence.is_some_and(|p| span.start >= p) {
                score += LAST_SENTENCE_BONUS;
                if self.is_full_name(span) {
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

    /// True when a mention gives a full name (two or more words).
    fn is_full_name(&self, span: Span) -> bool {
        span.text(self.text).split_whitespace().nth(1).is_some()
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
                .find_map(|q| self.seg.paragraphs.get(q)?.sentences.last())
                .map(|s| s.start),
        }
    }

    /// The organisation "it" or "the company" at `at` refers to: among the
    /// organisations named outside quotes within a few paragraphs, the
    /// nearest one that reports speech ("BC Power said in a statement"),
    /// else the nearest one.
    fn recent_organisation(&self, at: usize, recent: &HashSet<usize>) -> Option<usize> {
        let mut candidates = self
            .newest_before(&self.mentions, at, PRONOUN_LOOKBACK, PRONOUN_PARAGRAPHS)
            .filter(|&&(s, e)| {
                !inside_any(&self.quoted, s.start)
                    && self
                        .entities
                        .get(e)
                        .is_some_and(|x| x.kind == EntityKind::Organization)
            })
            .peekable();
        let nearest = candidates.peek().map(|&&(_, e)| e);
        candidates
            .find(|&&(s, _)| self.reports_speech(s))
            .map(|&(_, e)| e)
            .or_else(|| self.recent_speaking_organisation(at, recent))
            .or(nearest)
    }

    /// The organisation already quoted that was named last before `at`
    /// (quotes included), within a few paragraphs.
    fn recent_speaking_organisation(&self, at: usize, recent: &HashSet<usize>) -> Option<usize> {
        self.newest_before(&self.mentions, at, PRONOUN_LOOKBACK, PRONOUN_PARAGRAPHS)
            .map(|&(_, e)| e)
            .find(|e| {
                recent.contains(e)
                    && self
                        .entities
                        .get(*e)
                        .is_some_and(|x| x.kind == EntityKind::Organization)
            })
    }

    /// The mentions of `list` (sorted by start) before `at`, newest first:
    /// at most `lookback` of them, and none more than `paragraphs`
    /// paragraphs back.
    fn newest_before<'s>(
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
                here.saturating_sub(self.seg.paragraph_at(s.start).unwrap_or(0)) <= paragraphs
            })
    }

    /// True when a reporting verb follows a mention ("Okafor said", "Smith,
    /// the mayor, told").
    fn reports_speech(&self, span: Span) -> bool {
        let end = floor_boundary(self.text, span.end + 60);
        let toks: Vec<Tok> = cues::tokens(self.text, Span::new(span.end, end.max(span.end)))
            .take(MAX_REPORT_TOKENS)
            .collect();
        let mut k = 0;
        if toks.first().is_some_and(|t| t.is_punct(self.text, ",")) {
            // Step over an apposition.
            match toks
                .iter()
                .skip(1)
                .position(|t| t.is_punct(self.text, ",."))
            {
                Some(c) if toks.get(c + 1).is_some_and(|t| t.is_punct(self.text, ",")) => {
                    k = c + 2;
                }
                _ => return false,
            }
        }
        while toks
            .get(k)
            .is_some_and(|t| t.word && cues::is_filler(t.text(self.text)))
        {
            k += 1;
        }
        cues::verb_at(self.text, &toks, k).is_some_and(|h| !h.framing)
    }

    /// The first person mention inside `span`, as a head.
    pub fn first_person_in(&self, span: Span) -> Option<Head> {
        self.mentions_in(span)
            .find(|(_, e)| self.is_person(*e))
            .map(|(s, e)| Head::Entity(e, s))
    }

    /// The last person mention in `span` that opens its sentence.
    pub fn sentence_subject_in(&self, span: Span) -> Option<Head> {
        let first = self.persons.partition_point(|(s, _)| s.start < span.start);
        self.persons[first..]
            .iter()
            .take_while(|(s, _)| s.end <= span.end)
            .filter(|(s, _)| self.is_subject(*s))
            .last()
            .map(|&(s, e)| Head::Entity(e, s))
    }

    /// True when a mention opens its sentence (after titles and role words).
    fn is_subject(&self, span: Span) -> bool {
        let Some(p) = self.seg.paragraph_at(span.start) else {
            return false;
        };
        let Some(para) = self.seg.paragraphs.get(p) else {
            return false;
        };
        let i = para.sentences.partition_point(|s| s.end <= span.start);
        let Some(sentence) = para.sentences.get(i) else {
            return false;
        };
        if span.start.saturating_sub(sentence.start) > SUBJECT_REACH {
            return false;
        }
        let before = cues::tokenize(self.text, Span::new(sentence.start, span.start));
        before.len() <= 6
            && before.iter().all(|t| {
                let w = t.text(self.text);
                !t.word || cues::is_capitalised(w) || cues::role_tag(w).is_some()
            })
    }

    /// The named holder of a role at `at`, else the role as written. With
    /// modifiers ("the *prime* minister"), holders whose role has them win.
    fn role_holder(
        &self,
        noun: &str,
        tag: RoleTag,
        span: Span,
        at: usize,
        recent: &HashSet<usize>,
    ) -> Speaker {
        let written = span.text(self.text).to_lowercase();
        let modifiers: Vec<&str> = written
            .split_whitespace()
            .filter(|w| !cues::is_determiner(w) && cues::normalize(w) != noun)
            .collect();
        let all: Vec<&Role> = self.roles.iter().filter(|r| r.noun == noun).collect();
        let fitting: Vec<&Role> = all
            .iter()
            .copied()
            .filter(|r| modifiers.iter().all(|m| r.phrase.contains(m)))
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
            return self.entity_speaker(r.entity);
        }
        // "the minister" with no named minister: the person in focus. Only
        // for offices (nouns that are also titles), not for "the father".
        let office = written.starts_with("the ")
            && tag == RoleTag::Person(None)
            && (cues::title(noun).is_some() || cues::role_tag(noun).is_none());
        if office && let Some(e) = self.salient_person(None, at, recent) {
            return self.entity_speaker(e);
        }
        if tag == RoleTag::Organization
            && let Some(e) = self
                .organisation_named(noun, at)
                .or_else(|| self.recent_organisation(at, recent))
        {
            return self.entity_speaker(e);
        }
        Speaker {
            name: span.text(self.text).to_string(),
            entity: None,
        }
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

/// A sentence-opening conjunction before its subject ("But she ...").
fn is_conjunction(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "and" | "but" | "so" | "then" | "yet" | "still"
    )
}

/// The initials of a name's capitalised words ("Bank of Upper Canada" →
/// "BUC").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn inside_any(sorted: &[Span], offset: usize) -> bool {
    let i = sorted.partition_point(|s| s.end <= offset);
    sorted.get(i).is_some_and(|s| s.start <= offset)
}

/// Largest char boundary of `text` at or below `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Net votes needed to infer a gender (a title counts 3, a pronoun 1).
const MIN_GENDER_VOTES: i32 = 2;

/// How far after a mention a pronoun still votes for its gender.
pub(super) const GENDER_WINDOW: usize = 160;

/// Each person's gender: the entity's own when set, else votes from titles
/// before its mentions (Mr, Mrs, Ms: strong) and the first gendered pronoun
/// after a mention, before the next person is named (stronger when the
/// mention is its sentence's subject).
fn infer_genders(
    entities: &[Entity],
    persons: &[(Span, usize)],
    readings: &[&MentionReading],
) -> Vec<Option<Gender>> {
    let mut votes = vec![0i32; entities.len()];
    for (&(_, e), reading) in persons.iter().zip(readings) {
        let weight = |g: Option<Gender>, w: i32| match g {
            Some(Gender::Male) => w,
            Some(Gender::Female) => -w,
            None => 0,
        };
        if let Some(v) = votes.get_mut(e) {
            // A pronoun after a sentence's subject most likely refers to it;
            // after any other mention it votes only weakly.
            let pronoun_weight = if reading.prominence > 0.0 { 2 } else { 1 };
            *v += weight(reading.title, 3) + weight(reading.pronoun, pronoun_weight);
        }
    }
    entities
        .iter()
        .zip(votes)
        .map(|(e, v)| {
            // One pronoun after a mention that is not a subject is weak
            // evidence; a title, a subject's pronoun or two agreeing
            // pronouns decide.
            e.gender.or(match v {
                v if v >= MIN_GENDER_VOTES => Some(Gender::Male),
                v if v <= -MIN_GENDER_VOTES => Some(Gender::Female),
                _ => None,
            })
        })
        .collect()
}

/// The gender of a title just before a mention ("Mrs").
fn title_before(text: &str, span: Span) -> Option<Gender> {
    let before = Span::new(
        floor_boundary(text, span.start.saturating_sub(12)),
        span.start,
    );
    let toks = cues::tokenize(text, before);
    toks.iter()
        .rev()
        .find(|t| t.word)
        .and_then(|t| cues::title(&cues::normalize(t.text(text))).flatten())
}

/// The gender of the first gendered pronoun after a mention, within
/// [`GENDER_WINDOW`] and before `next_person` (where the next person
/// mention starts).
fn pronoun_after(text: &str, span: Span, next_person: usize) -> Option<Gender> {
    let end = floor_boundary(text, (span.end + GENDER_WINDOW).min(next_person));
    cues::tokens(text, Span::new(span.end, end.max(span.end)))
        .filter(|t| t.word)
        .find_map(|t| cues::pronoun_gender(t.text(text)))
}

/// What the text says around one person mention: read by
/// [`People::read`], kept between analyses by the quote pass.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionReading {
    /// How prominent the mention is as an antecedent (reporter of speech,
    /// subject of its sentence).
    pub prominence: f32,
    /// Gender of a title just before it.
    pub title: Option<Gender>,
    /// Gender of the first pronoun after it, before the next person.
    pub pronoun: Option<Gender>,
    /// Roles the words around it give (role noun, phrase), in order.
    pub roles: Vec<(String, String)>,
}

/// One role the article gives a person.
#[derive(Debug, Clone)]
struct Role {
    /// The role noun, normalised ("minister").
    noun: String,
    /// The words around it, lower case ("prime minister").
    phrase: String,
    entity: usize,
    /// Offset of the mention it was read at.
    at: usize,
}

/// Roles the article gives people: role words just before a mention
/// ("Prime Minister Justin Trudeau", "Crown prosecutor Jane Roe") and in an
/// apposition after it ("Doug McCallum, the mayor of Surrey,"), read per
/// mention (`readings`), plus the entity's own role. Sorted by offset.
fn collect_roles(
    entities: &[Entity],
    persons: &[(Span, usize)],
    readings: &[&MentionReading],
) -> Vec<Role> {
    let mut roles = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if let (Some(role), Some(first)) = (&e.role, e.mentions.first()) {
            let words: Vec<&str> = role.split_whitespace().collect();
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
    for (&(span, e), reading) in persons.iter().zip(readings) {
        for (noun, phrase) in &reading.roles {
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

/// How far before a mention its role words are read.
pub(super) const ROLE_WINDOW: usize = 60;

/// (role noun, phrase) for each person role noun in `words`, when any.
fn role_entries(words: &[&str]) -> Vec<(String, String)> {
    let has_role = words
        .iter()
        .any(|w| matches!(cues::role_tag(w), Some(RoleTag::Person(_))));
    if !has_role {
        return Vec::new();
    }
    let phrase = words.join(" ").to_lowercase();
    words
        .iter()
        .filter(|w| matches!(cues::role_tag(w), Some(RoleTag::Person(_))))
        .map(|w| (cues::normalize(w), phrase.clone()))
        .collect()
}

/// The roles the words just before a mention and in an apposition after it
/// give, in that order.
fn mention_roles(text: &str, span: Span) -> Vec<(String, String)> {
    let before = Span::new(
        floor_boundary(text, span.start.saturating_sub(ROLE_WINDOW)),
        span.start,
    );
    let toks = cues::tokenize(text, before);
    let mut words: Vec<&str> = toks
        .iter()
        .rev()
        .take_while(|t| t.word)
        .take(5)
        .map(|t| t.text(text))
        .collect();
    words.reverse();
    let mut roles = role_entries(&words);
    let after = Span::new(span.end, floor_boundary(text, span.end + 80).max(span.end));
    let mut toks = cues::tokens(text, after);
    if toks.next().is_some_and(|t| t.is_punct(text, ",")) {
        let words: Vec<&str> = toks
            .take_while(|t| t.word)
            .take(8)
            .map(|t| t.text(text))
            .collect();
        roles.extend(role_entries(&words));
    }
    roles
}
