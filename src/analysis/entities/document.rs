//! The document-wide step of entity recognition, on the paragraphs'
//! candidates only: headline runs the body does not use are split into
//! words, listed names an acronym spells out are joined, the candidates
//! are grouped by what they name (see [`super::decide`]), and each group
//! becomes an entity, its mentions carrying what each says about it.
//! The decisions are kept for the next version ([`KeptDecisions`]) and
//! reused when their inputs are the same; the mentions are placed afresh.

use std::sync::Arc;

use super::super::Span;
use super::super::driver::Placed;
use super::candidates::Candidate;
use super::{Entity, EntityKind, Gender, Mention, MentionFacts, body_names, canonical_text};
use crate::analysis::work::{tick, tick_n};

/// One entity as decided; its candidates as indices into the document's.
#[derive(Debug)]
pub(super) struct Decided {
    /// The candidate whose words are its name.
    pub canonical: usize,
    pub kind: EntityKind,
    pub members: Vec<usize>,
    pub gender: Option<Gender>,
    pub role: Option<String>,
    /// A person's name written surname first ("Wang Qishan").
    pub surname_first: bool,
}

impl Decided {
    /// The entity, named and mentioned where `cands` are in `text`.
    fn present(&self, text: &str, cands: &[Candidate]) -> Entity {
        let canonical = cands.get(self.canonical);
        let full: &[String] = canonical.map_or(&[], |c| &c.words[..]);
        let mut mentions: Vec<Mention> = self
            .members
            .iter()
            .filter_map(|&m| cands.get(m))
            .map(|c| {
                tick_n(c.words.len());
                Mention {
                    span: c.span,
                    facts: self.facts(c, full),
                }
            })
            .collect();
        // a sort: counted as linear, the test's ratio leaves room for its log
        tick_n(mentions.len());
        mentions.sort_by_key(|m| m.span.start);
        mentions.dedup_by_key(|m| m.span);
        let name = canonical
            .map(|c| {
                // the name's text, folded and perhaps recased, then its surname
                tick_n(4 * c.span.len());
                canonical_text(text, c)
            })
            .unwrap_or_default();
        Entity {
            surname: (self.kind == EntityKind::Person)
                .then(|| super::surname_of(&name, self.surname_first))
                .flatten(),
            name,
            kind: self.kind,
            mentions,
            gender: self.gender,
            role: self.role.clone(),
            acronym_of: None,
        }
    }

    /// What the mention `c` says about this entity, whose canonical name
    /// has the words `full`.
    fn facts(&self, c: &Candidate, full: &[String]) -> MentionFacts {
        let acronym = c.all_caps && c.words.len() == 1 && full.len() >= 2;
        let person = self.kind == EntityKind::Person;
        // a full name, or the first name alone, gives its given name's gender
        let given_name =
            c.words.len() >= 2 || c.words.first() == full.first().filter(|_| full.len() >= 2);
        let from_name = (c.gender.is_none() && person && given_name && !self.surname_first)
            .then(|| {
                c.words
                    .first()
                    .and_then(|w| super::names::lexicon().given(w))
            })
            .flatten()
            .flatten();
        MentionFacts {
            title: c.title_span,
            gender: c.gender.or(from_name),
            gender_from_name: from_name.is_some(),
            role: c.role_span,
            acronym,
            short_form: !acronym && c.words.len() < full.len(),
            surname_first: person && self.surname_first && c.words.len() >= 2,
        }
    }
}

/// The decisions of the last version and what they were made from, so
/// that a version whose candidates are the same apart from where they are
/// (typing inside a word that is no name moves names but changes none)
/// reuses them. The decisions read the candidates in order, not their
/// places, and of the text only the short gaps between consecutive
/// candidates ("Ana, Bo and Cy", spelled-out lists): the same candidates
/// and the same gaps give the same decisions.
#[derive(Debug, Default)]
pub(super) struct KeptDecisions {
    locals: Vec<Arc<Vec<Candidate>>>,
    /// The gaps of consecutive candidates, each written as its length (one
    /// char, `LONGEST_GAP + 1` for any longer gap) and then its text when
    /// short: one string per version, not one allocation per gap.
    gaps: String,
    decided: Vec<Decided>,
}

/// The longest gap between two candidates that any decision reads (the
/// list joiners: ", and " is the longest).
const LONGEST_GAP: usize = 8;

/// The entities named by the candidates `found` in each paragraph that
/// takes part (paragraph-relative spans), in order of first mention;
/// `kept` holds the last version's decisions.
pub(super) fn entities(
    text: &str,
    found: &[Placed<Vec<Candidate>>],
    kept: &mut KeptDecisions,
) -> Vec<Entity> {
    let cands = placed_candidates(found);
    let locals: Vec<Arc<Vec<Candidate>>> = found
        .iter()
        .filter(|p| !p.local.is_empty())
        .map(|p| Arc::clone(&p.local))
        .collect();
    let mut gaps = String::with_capacity(kept.gaps.len());
    for pair in cands.windows(2) {
        tick();
        match text
            .get(pair[0].span.end..pair[1].span.start)
            .filter(|gap| gap.len() <= LONGEST_GAP)
        {
            Some(gap) => {
                gaps.push(char::from(gap.len() as u8));
                gaps.push_str(gap);
            }
            None => gaps.push(char::from(LONGEST_GAP as u8 + 1)),
        }
    }
    let same_locals = kept.locals.len() == locals.len()
        && kept.locals.iter().zip(&locals).all(|(a, b)| {
            tick();
            Arc::ptr_eq(a, b)
                || a.len() == b.len()
                    && a.iter().zip(b.iter()).all(|(x, y)| {
                        tick_n(x.words.len() + 1);
                        x.same_apart_from_place(y)
                    })
        });
    let cands = joined(text, cands);
    let cands = &cands[..];
    if !(same_locals && kept.gaps == gaps) {
        kept.decided = super::decide(text, cands);
    }
    kept.locals = locals;
    kept.gaps = gaps;
    let mut entities: Vec<Entity> = kept
        .decided
        .iter()
        .map(|d| d.present(text, cands))
        .collect();
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(entities.len());
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
    super::link_acronyms(&mut entities);
    entities
}

/// The document's candidates, as the decisions read them: placed in the
/// text, headline runs the body does not use split into words, and listed
/// names an acronym spells out joined.
pub(super) fn candidates(text: &str, found: &[Placed<Vec<Candidate>>]) -> Vec<Candidate> {
    joined(text, placed_candidates(found))
}

/// The candidates with spans made absolute, headline runs the body does
/// not use split into words.
fn placed_candidates(found: &[Placed<Vec<Candidate>>]) -> Vec<Candidate> {
    let body = body_names(found.iter().flat_map(|p| p.local.iter()));
    let mut cands: Vec<Candidate> = Vec::new();
    for placed in found {
        for c in placed.local.iter() {
            // the body-name look-up hashes the words, the move copies them
            tick_n(2 * c.words.len() + 1);
            if super::is_unknown_headline_run(c, &body) {
                cands.extend(c.split_words().map(|w| moved(w, placed.start)));
            } else {
                cands.push(moved(c.clone(), placed.start));
            }
        }
    }
    cands
}

/// `cands` with listed names an acronym spells out joined.
fn joined(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    super::spelled::join_spelled_out_lists(text, &cands).unwrap_or(cands)
}

/// A paragraph's candidate with its spans made absolute (the paragraph
/// starts at `start`).
fn moved(mut c: Candidate, start: usize) -> Candidate {
    let moved = |s: Span| s.shifted(start);
    c.span = moved(c.span);
    for s in &mut c.word_spans {
        *s = moved(*s);
    }
    c.title_span = c.title_span.map(moved);
    c.role_span = c.role_span.map(moved);
    c
}
