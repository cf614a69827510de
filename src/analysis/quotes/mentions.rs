//! Mentions: what the words naming a speaker are — an entity mention, a
//! name no entity covers, a pronoun, or a role ("the minister") — read
//! inside one paragraph.
//!
//! [`Mentions`] is the local step's view of the entity mentions of its
//! paragraph (from the key: relative spans and kinds, an entity named by
//! its slot in the key), so a [`Head`] found here is a pure function of the
//! paragraph and its key. The document-wide step maps slots back to
//! entities and resolves heads to speakers ([`super::people`]).

use super::super::Span;
use super::super::entities::EntityKind;
use super::super::lexicon::Tags;
use super::super::text::{ParagraphModel, Token};
use super::phrases::is_description_noun;
use super::tables::is_clause_opener;
use super::words::{
    Pronoun, RoleTag, is_capitalised, is_determiner, is_preposition, leading_title_len,
    possessive_pronoun, pronoun, role_of_word, role_tag, titles_start,
};
use crate::analysis::work::{tick, tick_n};

/// What the words naming a speaker turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Head {
    /// An entity mention (an entity index, or in a local result the
    /// mention's slot in the key).
    Entity(usize, Span),
    /// A capitalised name no entity covers, titles already stripped.
    Name(String, Span),
    Pronoun(Pronoun, Span),
    /// A role noun phrase ("the minister", "police"); `noun` is the role
    /// word (lower case) and `modifiers` the other words of the phrase
    /// ("prime" of "the prime minister").
    Role {
        noun: String,
        tag: RoleTag,
        span: Span,
        modifiers: Vec<String>,
    },
}

impl Head {
    /// True when the head names a person: an entity `is_person` accepts,
    /// a name, he/she.
    pub fn names_a_person(&self, is_person: impl Fn(usize) -> bool) -> bool {
        match self {
            Head::Entity(e, _) => is_person(*e),
            Head::Name(..) => true,
            Head::Pronoun(p, _) => matches!(p, Pronoun::He | Pronoun::She),
            Head::Role { .. } => false,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Head::Entity(_, s) | Head::Name(_, s) | Head::Pronoun(_, s) => *s,
            Head::Role { span, .. } => *span,
        }
    }

    /// The head with its spans shifted by `by` and an entity slot mapped
    /// through `entity` (`None` when the slot has no entity).
    pub fn placed(&self, by: usize, entity: impl Fn(usize) -> Option<usize>) -> Option<Head> {
        Some(match self {
            Head::Entity(slot, s) => Head::Entity(entity(*slot)?, s.shifted(by)),
            Head::Name(name, s) => Head::Name(name.clone(), s.shifted(by)),
            Head::Pronoun(p, s) => Head::Pronoun(*p, s.shifted(by)),
            Head::Role {
                noun,
                tag,
                span,
                modifiers,
            } => Head::Role {
                noun: noun.clone(),
                tag: *tag,
                span: span.shifted(by),
                modifiers: modifiers.clone(),
            },
        })
    }
}

/// The entity mentions of one paragraph, as its local step sees them.
pub struct Mentions<'a> {
    pub para: &'a ParagraphModel,
    /// (span relative to the paragraph, slot), sorted by start.
    pub list: &'a [(Span, usize)],
    /// Kind of each slot's entity.
    pub kinds: &'a [EntityKind],
}

impl Mentions<'_> {
    fn lower(&self, t: &Token) -> &str {
        self.para.lower(t)
    }

    fn kind(&self, slot: usize) -> Option<EntityKind> {
        self.kinds.get(slot).copied()
    }

    fn is_person(&self, slot: usize) -> bool {
        self.kind(slot) == Some(EntityKind::Person)
    }

    /// Entity mentions overlapping `span`, in order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let first = self.list.partition_point(|(s, _)| s.end <= span.start);
        self.list[first..]
            .iter()
            .take_while(move |(s, _)| {
                tick();
                s.start < span.end
            })
            .filter(move |(s, _)| s.overlaps(span))
            .copied()
    }

    /// The first person mention inside `span`, as a head.
    pub fn first_person_in(&self, span: Span) -> Option<Head> {
        self.mentions_in(span)
            .find(|(_, e)| self.is_person(*e))
            .map(|(s, e)| Head::Entity(e, s))
    }

    /// True when a head names a person: a person entity, a name, he/she.
    pub fn is_personal(&self, head: &Head) -> bool {
        head.names_a_person(|e| self.is_person(e))
    }

    /// What the tokens `toks` (a speaker noun phrase) name, if anything.
    pub fn head_of(&self, toks: &[Token]) -> Option<Head> {
        let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
        let first = words.first()?;
        let last = words.last()?;
        let span = Span::new(first.span.start, last.span.end);
        if let Some(p) = pronoun(self.para, first)
            && words.len() == 1
        {
            return Some(Head::Pronoun(p, first.span));
        }
        // "her statement read", "its report said": the owner speaks.
        if words.len() == 2
            && role_tag(self.para, last) == Some(RoleTag::Organization)
            && let Some(p) = possessive_pronoun(self.lower(first))
        {
            return Some(Head::Pronoun(p, first.span));
        }
        let found: Vec<(Span, usize)> = self
            .mentions_in(span)
            .filter(|(s, e)| {
                self.kind(*e) != Some(EntityKind::Place) && !self.only_modifies(toks, *s)
            })
            .collect();
        // each rule below reads the phrase once, or once per mention in it
        tick_n((found.len() + 4) * toks.len());
        // "a spokesman for Mrs. Clinton": a name after a preposition does
        // not head the phrase; the role before the preposition does
        let after_preposition = |s: Span| {
            let at = toks
                .iter()
                .position(|t| t.span.start >= s.start)
                .unwrap_or(0);
            // over the titles before the name ("for Mayor Ana Roe", "for
            // Secretary of State Ana Roe")
            titles_start(self.para, toks, at)
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(is_preposition)
        };
        let first_preposition = toks.iter().position(is_preposition).filter(|&p| p > 0);
        let persons_heading = found
            .iter()
            .any(|(s, e)| self.is_person(*e) && !after_preposition(*s));
        if !persons_heading
            && let Some(p) = first_preposition
            && let Some(at) = toks.get(p)
            && found.iter().all(|(s, _)| s.start > at.span.start)
            && let Some(role) = toks.get(..p).and_then(|before| {
                self.known_role_in(before)
                    .or_else(|| self.description(before))
            })
        {
            // "a letter to committee members": the description before the
            // preposition heads the phrase, not a role noun after it
            return Some(role);
        }
        // "Jason Gilbert of Cheyenne": a person after a preposition (a
        // given name used for a town, a namesake) does not head the phrase
        // when a person before it does.
        let person = found
            .iter()
            .rev()
            .find(|(s, e)| self.is_person(*e) && !after_preposition(*s))
            .or_else(|| found.iter().rev().find(|(_, e)| self.is_person(*e)));
        if let Some(&(s, e)) = person {
            // "Tomas Rhee's spokeswoman": the possessor's role noun heads
            // the phrase; the speaker is whoever holds that role for them
            let possessed = toks
                .iter()
                .any(|t| t.possessive && t.span.start < s.end && t.span.end >= s.end);
            if possessed
                && last.span.start >= s.end
                && let Some(tag @ RoleTag::Person(_)) = role_tag(self.para, last)
                && let Some(k) = toks.iter().position(|t| t.span.start >= s.start)
                && let Some(phrase) = toks.get(k..)
            {
                return Some(self.role_head(phrase, last, tag));
            }
            // "a Scott ally", "a Trump spokesman": the name modifies a
            // noun; the phrase is a description of someone else
            let modifies = last.span.start >= s.end && is_description_noun(self.para, last);
            if modifies && let Some(d) = self.description(toks) {
                return Some(d);
            }
            return Some(Head::Entity(e, s));
        }
        // "A Superior Court judge": the organisation only modifies the role.
        let ends_in_role = matches!(
            role_tag(self.para, last),
            Some(RoleTag::Person(_) | RoleTag::Group)
        );
        if ends_in_role {
            return self.role_in(toks);
        }
        // "the Republican nominee", "a Mexican official": a demonym or a
        // party word only modifies the noun after it; the phrase is a
        // description of someone
        let only_modifiers = toks.iter().all(|t| {
            !(t.is_word() && is_capitalised(self.para, t))
                || is_determiner(t)
                || t.tags.contains(Tags::DEMONYM)
        });
        if only_modifiers
            && toks.iter().any(|t| t.tags.contains(Tags::DEMONYM))
            && is_description_noun(self.para, last)
            && let Some(d) = self.description(toks)
        {
            return Some(d);
        }
        // "Jane Pan of Acme": the mention not after a preposition heads it.
        let heading = found.iter().find(|(s, _)| {
            let k = toks.iter().position(|t| t.span.start >= s.start);
            !k.and_then(|k| k.checked_sub(1))
                .and_then(|p| toks.get(p))
                .is_some_and(is_preposition)
        });
        if let Some(&(s, e)) = heading.or(found.last()) {
            return Some(Head::Entity(e, s));
        }
        if let Some(name) = self.capitalised_name(toks) {
            return Some(name);
        }
        self.role_in(toks)
    }

    /// "a heavily Democratic state", "many Asian states": words at `span`
    /// that are all demonyms or party words, before a lower-case word of
    /// `toks`, modify it; they name no one.
    fn only_modifies(&self, toks: &[Token], span: Span) -> bool {
        let mut inside = toks
            .iter()
            .filter(|t| t.is_word() && t.span.start >= span.start && t.span.end <= span.end)
            .peekable();
        inside.peek().is_some()
            && inside.all(|t| t.tags.contains(Tags::DEMONYM))
            && toks
                .iter()
                .find(|t| t.span.start >= span.end)
                .is_some_and(|t| t.is_word() && !is_capitalised(self.para, t))
    }

    /// The last run of capitalised words in `toks` that is not a clause
    /// word or a bare role, as a name with its titles stripped.
    fn capitalised_name(&self, toks: &[Token]) -> Option<Head> {
        let mut runs: Vec<Vec<&Token>> = Vec::new();
        let mut current: Vec<&Token> = Vec::new();
        let mut after_preposition = false;
        for t in toks {
            tick();
            // Words of a place or organisation are not a person's name, nor
            // is the object of a preposition ("the mayor of Eastford").
            let named_thing = self.mentions_in(t.span).next().is_some();
            let starts_object = current.is_empty() && after_preposition;
            after_preposition = is_preposition(t);
            let joins = t.is_word()
                && !named_thing
                && !starts_object
                && is_capitalised(self.para, t)
                && !(current.is_empty() && (is_clause_opener(self.lower(t)) || is_determiner(t)));
            if joins {
                current.push(t);
                if t.possessive {
                    runs.push(std::mem::take(&mut current));
                }
            } else if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        let run = runs
            .into_iter()
            .rev()
            .find(|r| r.len() > 1 || r.last().is_some_and(|t| !t.possessive))?;
        let skip = leading_title_len(self.para, &run);
        let kept = run.get(skip..)?;
        if let [only] = kept
            && role_tag(self.para, only).is_some()
        {
            return None;
        }
        if let (Some(first), Some(last)) = (kept.first(), kept.last())
            && self.only_modifies(toks, Span::new(first.span.start, last.span.end))
        {
            return None;
        }
        tick_n(kept.len());
        let name = kept
            .iter()
            .map(|t| t.stem.text(&self.para.text))
            .collect::<Vec<_>>()
            .join(" ");
        let span = Span::new(run.first()?.span.start, run.last()?.span.end);
        Some(Head::Name(name, span))
    }

    /// A role noun phrase in `toks`: the last role noun, with its
    /// determiner; else a definite description ("the rookie defenceman").
    fn role_in(&self, toks: &[Token]) -> Option<Head> {
        self.known_role_in(toks).or_else(|| self.description(toks))
    }

    /// A determiner (or possessive) and plain words ending in a lower-case
    /// noun: a description whose noun is its last word ("the rookie
    /// defenceman", "a Carrier executive", "the campaign").
    fn description(&self, toks: &[Token]) -> Option<Head> {
        let first = toks.first()?;
        tick_n(toks.len());
        if !(is_determiner(first) || first.possessive) || toks.len() > 5 || toks.len() < 2 {
            return None;
        }
        let last = toks.last()?;
        let plain = toks[1..]
            .iter()
            .all(|t| t.is_word() && !is_clause_opener(self.lower(t)))
            && is_description_noun(self.para, last);
        plain.then(|| self.role_head(toks, last, RoleTag::Person(None)))
    }

    fn known_role_in(&self, toks: &[Token]) -> Option<Head> {
        tick_n(2 * toks.len());
        let (i, tag) = toks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, t)| role_tag(self.para, t).map(|tag| (i, tag)))?;
        let start = toks[..i].iter().rposition(is_determiner).unwrap_or(i);
        Some(self.role_head(toks.get(start..=i)?, toks.get(i)?, tag))
    }

    fn role_head(&self, phrase: &[Token], noun: &Token, tag: RoleTag) -> Head {
        let noun_word = self.lower(noun).to_string();
        tick_n(phrase.len());
        let modifiers = phrase
            .iter()
            .filter(|t| t.is_word() && !is_determiner(t) && self.lower(t) != noun_word)
            .map(|t| self.lower(t).to_string())
            .collect();
        let start = phrase.first().map_or(noun.span.start, |t| t.span.start);
        Head::Role {
            noun: noun_word,
            tag,
            span: Span::new(start, noun.span.end),
            modifiers,
        }
    }
}

/// Whether a lower-case role noun names an office (it is also a title, or
/// only a plural of a role noun): "the minister" with no named minister is
/// the person in focus, "the father" is not.
pub fn is_office(noun: &str) -> bool {
    let plural_of_role = role_of_word(noun).is_none()
        && noun
            .strip_suffix('s')
            .is_some_and(|one| role_of_word(one).is_some());
    super::super::lexicon::tags(noun).contains(super::super::lexicon::Tags::TITLE) || plural_of_role
}
