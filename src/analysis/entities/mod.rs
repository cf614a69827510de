//! Entities: the people, organisations and places an article names, with
//! every mention, aliases merged under the fullest name ("Putin", "Mr Putin"
//! → "Vladimir Putin").
//!
//! No model is loaded at run time. The pipeline is rule-based and reads
//! the shared text model and lexicon: `words` views a sentence's model
//! tokens as name words; `candidates` finds runs of capitalised words and
//! the evidence around them (titles, role nouns, appositions, reporting
//! verbs); `local` runs that per paragraph as driver passes; `aliases`
//! merges the candidates that name one thing; `classify` decides each
//! group's kind from the word classes of `names` and `gazetteer` (lexicon
//! tags from `data/lexicon/`); `document` makes the entities and the facts
//! of each mention.
//!
//! Cost: one pass over the tokens plus hash-map joins (no scan over all
//! entities per mention); `cargo bench --bench analysis -- passes-100KB`
//! times this pass against the others.

mod aliases;
mod candidates;
mod classify;
mod document;
mod evidence;
mod gazetteer;
pub mod kind_evidence;
mod local;
mod name_words;
mod names;
mod paragraph_kinds;
mod spelled;
mod words;

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::Span;
use super::boilerplate::Boilerplate;
use super::driver::{Driver, Placed};
use super::lexicon::Tags;
use super::text::TextModel;
use super::work::{tick, tick_n};
use candidates::{Candidate, Certainty};
pub use gazetteer::is_known_place;
use local::{Examine, Find};
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

/// One place where an entity is named, and what that place itself says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The name as written, without a possessive `'s` and without titles.
    pub span: Span,
    pub facts: MentionFacts,
}

/// What one mention itself tells about its entity (the entity's own fields
/// sum these up over all its mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MentionFacts {
    /// Title words written right before the name ("Prime Minister", "Mr."), if any.
    pub title: Option<Span>,
    /// Gender evidence of this mention alone: its title, a kinship noun, its given name.
    pub gender: Option<Gender>,
    /// The gender above is read from the given name alone: a weaker clue
    /// than a title, as Lindsey, Jordan or Leslie name men and women.
    pub gender_from_name: bool,
    /// A role noun before the name or in apposition ("council chair Jane Roe", "Jane Roe, the mayor,").
    pub role: Option<Span>,
    /// This mention is an acronym the article spells out for this entity ("RCMP").
    pub acronym: bool,
    /// A shorter form than the canonical name (surname or first name alone).
    pub short_form: bool,
    /// Written surname first ("Wang Qishan": a surname-first name whose first word is the surname).
    pub surname_first: bool,
}

impl Mention {
    /// A mention at `span` with no facts known (for entities built by hand).
    pub fn at(span: Span) -> Self {
        Mention {
            span,
            facts: MentionFacts::default(),
        }
    }
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
    /// A person's surname as written: the last word of the name with the
    /// particles before it ("van der Berg"), or the first word of a name
    /// written surname first ("Wang" of "Wang Qishan").
    pub surname: Option<String>,
    /// For an acronym named apart from what it stands for ("FRB" beside
    /// "Federal Reserve Board"): the index of that entity in the list.
    pub acronym_of: Option<usize>,
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

/// Find the entities of `text` (whose model is `model`), skipping
/// boilerplate paragraphs and captions.
///
/// Each paragraph is examined and its candidates found by the local steps
/// of [`local`], which `driver` keeps between versions of the text; the
/// document-wide step (splitting headline runs, alias groups, kinds) works
/// on the candidates only (see [`document`]).
pub fn recognize(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    boilerplate: &[Boilerplate],
) -> Vec<Entity> {
    let found = found_candidates(driver, model, boilerplate);
    let kept = driver.document_slot::<document::KeptDecisions>();
    document::entities(text, &found, kept)
}

/// The candidates of each paragraph that takes part (not boilerplate, not
/// a caption), found by the local steps that `driver` keeps.
fn found_candidates(
    driver: &mut Driver,
    model: &TextModel,
    boilerplate: &[Boilerplate],
) -> Vec<Placed<Vec<Candidate>>> {
    let skip: FxHashSet<Span> = boilerplate.iter().map(|b| b.span).collect();
    let examined = driver.locals_of(&Examine, model);
    let paragraphs = &model.segmentation.paragraphs;
    let taking: Vec<bool> = examined
        .iter()
        .map(|p| {
            tick();
            !p.local.caption
                && paragraphs
                    .get(p.index)
                    .is_some_and(|para| !skip.contains(&para.span))
        })
        .collect();
    let lowercase: FxHashSet<&str> = examined
        .iter()
        .zip(&taking)
        .filter(|(_, taking)| **taking)
        .flat_map(|(p, _)| p.local.lowercase_words())
        .inspect(|word| tick_n(word.len() + 1))
        .collect();
    let first_taken = taking.iter().position(|&t| t);
    let found = driver.locals(&Find, model, |i| {
        let examined = examined.get(i).filter(|_| taking.get(i) == Some(&true))?;
        let used = |w: &str| lowercase.contains(w);
        let bits = local::lowercase_use(examined.local.capitalised_words(), used);
        Some((bits, first_taken == Some(i)))
    });
    found
        .into_iter()
        .filter(|p| {
            tick();
            taking.get(p.index) == Some(&true)
        })
        .collect()
}

/// One entity's kind evidence, as the classifier weighs it: for the fit
/// of its weights (`examples/entity_evidence.rs`).
#[derive(Debug, Clone)]
pub struct KindRow {
    /// The name the entity would be reported by.
    pub name: String,
    pub evidence: kind_evidence::KindEvidence,
    /// What the shipped weights decide (`None`: no entity).
    pub kind: Option<EntityKind>,
}

/// The kind evidence of every group of candidates in `text` (boilerplate
/// paragraphs skipped), in the order the groups are decided.
pub fn kind_evidence_rows(text: &str, boilerplate: &[Boilerplate]) -> Vec<KindRow> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    let found = found_candidates(&mut driver, &model, boilerplate);
    let cands = document::candidates(text, &found);
    grouped(text, &cands)
        .into_iter()
        .filter_map(|(g, hint)| {
            let canonical = canonical_member(&cands, &g.members)?.1;
            let evidence = kind_evidence::kind_evidence(&cands, &g.members, &canonical.words, hint);
            Some(KindRow {
                name: canonical_text(text, canonical),
                kind: classify::decide(&evidence, classify::weights()),
                evidence,
            })
        })
        .collect()
}

/// The member whose words name the entity: the longest outside a
/// headline, the first of those.
fn canonical_member<'a>(
    cands: &'a [Candidate],
    members: &[usize],
) -> Option<(usize, &'a Candidate)> {
    members
        .iter()
        .filter_map(|&m| cands.get(m).map(|c| (m, c)))
        .min_by_key(|(m, c)| {
            (
                c.certainty == Certainty::Headline,
                std::cmp::Reverse(c.words.len()),
                *m,
            )
        })
}

/// [`recognize`] with a driver of its own: a one-shot analysis.
pub fn recognize_fresh(text: &str, boilerplate: &[Boilerplate]) -> Vec<Entity> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    recognize(&mut driver, text, &model, boilerplate)
}

/// The decisions about all candidates of the document (in order, headline
/// runs split): which name one thing, and each entity's kind, role and
/// gender.
fn decide(text: &str, cands: &[Candidate]) -> Vec<document::Decided> {
    grouped(text, cands)
        .into_iter()
        .filter_map(|(g, hint)| decide_entity(cands, &g.members, hint))
        .collect()
}

/// The candidates grouped by what they name, each group with what the
/// lists its mentions stand in say of its kind.
fn grouped(text: &str, cands: &[Candidate]) -> Vec<(aliases::Group, ListHint)> {
    let groups = aliases::group(cands);
    let hints = list_hints(text, cands, &groups);
    groups.into_iter().zip(hints).collect()
}

/// What a list a name stands in says of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum ListHint {
    #[default]
    None,
    /// Beside a person and no organisation or place ("Ana, Bo and Cy").
    People,
    /// Beside a place and no person or organisation ("Calgary, Brooks and
    /// Edson").
    Places,
    /// Introduced by a plural organisation noun ("companies including
    /// Colgate Palmolive, Reckitt Benckiser and SAP").
    Organisations,
}

/// For each group, what the lists its mentions stand in say: a list
/// beside a person and beside no organisation or place makes its unknown
/// lone names people (beside a place and no person or organisation,
/// places); a list that "companies including", "firms such as"
/// introduces makes every name in it an organisation.
fn list_hints(text: &str, cands: &[Candidate], groups: &[aliases::Group]) -> Vec<ListHint> {
    let mut group_of = vec![usize::MAX; cands.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            tick();
            if let Some(slot) = group_of.get_mut(m) {
                *slot = g;
            }
        }
    }
    let kinds: Vec<Option<EntityKind>> = groups
        .iter()
        .map(|g| {
            tick_n(g.members.len());
            let canonical = g
                .members
                .iter()
                .filter_map(|&m| cands.get(m))
                .max_by_key(|c| c.words.len())?;
            classify::classify(cands, &g.members, &canonical.words, ListHint::None)
        })
        .collect();
    // Only lone names ("Ana, Bo and Cy", "Calgary, Brooks and Edson") gain
    // from their company: a group named by one plain word each time.
    // Decided once per group, not for each list it stands in (a name in
    // thousands of lists would cost the square of its mentions).
    let lone: Vec<bool> = groups
        .iter()
        .map(|group| {
            group.members.iter().filter_map(|&m| cands.get(m)).all(|c| {
                tick_n(c.words.len());
                c.words.len() == 1
                    && !c.all_caps
                    && c.words.iter().all(|w| w.chars().all(char::is_alphabetic))
            })
        })
        .collect();
    let mut hint = vec![ListHint::None; groups.len()];
    let mut start = 0;
    while start < cands.len() {
        tick();
        let mut end = start + 1;
        let mut conjunction = false;
        while let Some(gap) = cands
            .get(end)
            .and_then(|c| list_gap(text, cands[end - 1].span, c.span))
        {
            tick();
            conjunction |= gap != ", ";
            end += 1;
        }
        // "companies including ...", "shooters such as ...": the noun
        // says what every name of the list is
        let introduced = introducing_noun(text, cands[start].span.start).and_then(|tags| {
            if tags.contains(Tags::ORG_NOUN) {
                Some(ListHint::Organisations)
            } else if tags.contains(Tags::ROLE) {
                Some(ListHint::People)
            } else {
                None
            }
        });
        if let Some(given) = introduced {
            for g in (start..end).filter_map(|i| group_of.get(i).copied()) {
                if let Some(h) = hint.get_mut(g) {
                    *h = given;
                }
            }
            start = end;
            continue;
        }
        // "Ana, Bo and Cy" is a list; "Ana Roe, Acme CEO, said" is not
        if end - start >= 2 && conjunction {
            // the list's groups, then the person, place and organisation among them
            tick_n(4 * (end - start));
            let list: Vec<usize> = (start..end)
                .filter_map(|i| group_of.get(i).copied())
                .collect();
            let kind_of = |g: usize| kinds.get(g).copied().flatten();
            let count =
                |kind: EntityKind| list.iter().filter(|&&g| kind_of(g) == Some(kind)).count();
            let persons = count(EntityKind::Person);
            let places = count(EntityKind::Place);
            let organisations = count(EntityKind::Organization);
            let lone_name = |g: usize| lone.get(g).copied().unwrap_or(false);
            // two places at least ("Onyeka and Sydney" may be two women),
            // and more than the names of other kinds: "Edmonton, Calgary,
            // Brooks, Edson and Medicine Hat" is a list of towns
            let given = if persons > 0 && places == 0 && organisations == 0 {
                ListHint::People
            } else if places >= 2 && places > persons + organisations {
                ListHint::Places
            } else {
                ListHint::None
            };
            if given != ListHint::None {
                for g in list.into_iter().filter(|&g| lone_name(g)) {
                    if let Some(h) = hint.get_mut(g).filter(|h| **h == ListHint::None) {
                        *h = given;
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
/// The lexicon's tags of the plural noun that the text before byte `at`
/// ends with, followed by a word that opens examples: "companies
/// including ", "firms such as ", "shooters like ".
fn introducing_noun(text: &str, at: usize) -> Option<Tags> {
    let before = text.get(..at)?;
    let mut words = before
        .split_whitespace()
        .rev()
        .inspect(|word| tick_n(word.len() + 1));
    let noun = match (words.next()?, words.next()?) {
        ("including" | "like", noun) => noun,
        ("as", "such") => words.next()?,
        _ => return None,
    };
    let noun = noun.to_lowercase();
    let singular = match noun.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => noun.strip_suffix('s')?.to_string(),
    };
    Some(crate::analysis::lexicon::tags(&singular))
}

fn list_gap(text: &str, prev: Span, next: Span) -> Option<&str> {
    let gap = text.get(prev.end..next.start)?;
    matches!(gap, ", " | " and " | ", and " | " or " | ", or " | " & ").then_some(gap)
}

/// The multi-word names the body uses (headline runs not among them are
/// split, see [`is_unknown_headline_run`]). A name's words never contain a
/// space, so its words are as good a key as the words joined.
fn body_names<'c>(cands: impl Iterator<Item = &'c Candidate>) -> FxHashSet<&'c [String]> {
    cands
        .filter(|c| c.certainty != Certainty::Headline && c.words.len() >= 2)
        .map(|c| {
            tick_n(c.words.len());
            &c.words[..]
        })
        .collect()
}

/// Headline runs ("Clinton Accuses Putin") that the body does not use as a
/// whole are split into single words, which may join body names.
fn is_unknown_headline_run(c: &Candidate, body_names: &FxHashSet<&[String]>) -> bool {
    c.certainty == Certainty::Headline && c.words.len() >= 2 && !body_names.contains(&c.words[..])
}

/// One entity from a group of candidates, or `None` when it is too
/// uncertain to report. Its mentions are made per version of the text
/// ([`document::Decided::present`]).
fn decide_entity(
    cands: &[Candidate],
    members: &[usize],
    hint: ListHint,
) -> Option<document::Decided> {
    // the canonical name, then each first fact and the surname-first check
    tick_n(6 * members.len());
    let (canonical, canonical_cand) = canonical_member(cands, members)?;
    let kind = classify::classify(cands, members, &canonical_cand.words, hint)?;
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
        .or_else(|| given_name_gender(kind, &canonical_cand.words));
    let surname_first =
        kind == EntityKind::Person && is_surname_first(cands, members, &canonical_cand.words);
    Some(document::Decided {
        canonical,
        kind,
        members: members.to_vec(),
        gender: if surname_first {
            first_of(&|c| c.gender.is_some()).and_then(|c| c.gender)
        } else {
            gender
        },
        role,
        surname_first,
    })
}

/// A person's name written surname first ("Wang Qishan"): its first word
/// is no given name, and either the article calls the person by that word
/// alone or the word is a known surname while the last word is neither a
/// surname nor a given name.
fn is_surname_first(cands: &[Candidate], members: &[usize], words: &[String]) -> bool {
    let lex = names::lexicon();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() < 2 || lex.given(first).is_some() {
        return false;
    }
    let called_by_first = members.iter().filter_map(|&m| cands.get(m)).any(|c| {
        c.certainty != Certainty::Headline && c.words.len() == 1 && c.words.first() == Some(first)
    });
    let called_by_last = members.iter().filter_map(|&m| cands.get(m)).any(|c| {
        c.certainty != Certainty::Headline && c.words.len() == 1 && c.words.first() == Some(last)
    });
    !called_by_last
        && (called_by_first
            || lex.is_surname(first) && !lex.is_surname(last) && lex.given(last).is_none())
}

/// Generational suffixes that follow a surname ("King Jr.").
pub(super) fn is_generation_suffix(lower: &str) -> bool {
    matches!(lower, "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv")
}

/// The surname of the person named `name` (as written, words separated by
/// one space): the first word when written surname first, else the last
/// word (a generational suffix skipped) with the particles before it
/// ("van der Berg").
fn surname_of(name: &str, surname_first: bool) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    if surname_first || words.len() < 2 {
        return words.first().map(|w| (*w).to_string());
    }
    let mut end = words.len();
    while end > 1
        && words
            .get(end - 1)
            .is_some_and(|w| is_generation_suffix(&w.to_lowercase()))
    {
        end -= 1;
    }
    let mut start = end - 1;
    while start > 1
        && words
            .get(start - 1)
            .is_some_and(|w| names::is_particle(&w.to_lowercase()))
    {
        start -= 1;
    }
    words.get(start..end).map(|w| w.join(" "))
}

/// Mark each organisation named by an acronym alone ("FRB") whose letters
/// another organisation's name spells ("Federal Reserve Board") with that
/// entity's index (see [`Entity::acronym_of`]).
fn link_acronyms(entities: &mut [Entity]) {
    let is_org = |e: &Entity| e.kind == EntityKind::Organization;
    tick_n(2 * entities.len());
    let mut by_initials: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| is_org(e)) {
        tick_n(2 * e.name.len());
        if e.name.contains(' ') {
            by_initials.entry(initials(&e.name)).or_insert(i);
        }
    }
    for e in entities.iter_mut().filter(|e| is_org(e)) {
        tick_n(2 * e.name.len());
        let letters = &e.name;
        let acronym = (2..=8).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase());
        if acronym {
            e.acronym_of = by_initials.get(letters).copied();
        }
    }
}

/// The capital initials of a name's words ("Federal Reserve Board" → "FRB").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
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
