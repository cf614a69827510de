//! The document-wide step of entity recognition, on the paragraphs'
//! candidates only: headline runs the body does not use are split into
//! words, listed names an acronym spells out are joined, the candidates
//! are grouped by what they name (see
//! [`super::decide`]), and each group becomes an entity.
//!
//! The step keeps its state between versions of the document: the
//! candidate list with absolute spans and the decisions made on it. An
//! edit rebuilds the list by moving the candidates of untouched paragraphs
//! (shifting their spans) and copying only the touched paragraphs'. The
//! decisions (groups, kinds, roles, genders) depend on the candidates'
//! words and evidence and on the text between neighbouring candidates
//! ([`super::list_gap`]), never on where they stand, so when the edit left
//! every paragraph's candidates the same apart from position (typing in any
//! other word) and the gaps the same, they are kept and only the mentions
//! and names as written are made anew. A rule that comes to depend on
//! positions must either count in that check or move to
//! [`Decided::present`].

use std::ops::Range;
use std::sync::Arc;

use super::super::Span;
use super::cache::Kept;
use super::candidates::Candidate;
use super::local::Found;
use super::{Entity, EntityKind, Gender, Mention, MentionFacts, body_names, canonical_text};

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
        let full: &[String] = canonical.map_or(&[], |c| c.words.as_slice());
        let mut mentions: Vec<Mention> = self
            .members
            .iter()
            .filter_map(|&m| cands.get(m))
            .map(|c| Mention {
                span: c.span,
                facts: self.facts(c, full),
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        mentions.dedup_by_key(|m| m.span);
        let name = canonical
            .map(|c| canonical_text(text, c))
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
        MentionFacts {
            title: c.title_span,
            gender: c.gender.or_else(|| {
                (person && given_name && !self.surname_first)
                    .then(|| {
                        c.words
                            .first()
                            .and_then(|w| super::names::lexicon().given(w))
                    })
                    .flatten()
                    .flatten()
            }),
            role: c.role_span,
            acronym,
            short_form: !acronym && c.words.len() < full.len(),
            surname_first: person && self.surname_first && c.words.len() >= 2,
        }
    }
}

/// Where one of the document's candidates comes from: a candidate of its
/// paragraph (index into the paragraph's), or one word of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    cand: usize,
    word: Option<usize>,
}

/// One paragraph's share of the document's candidates.
#[derive(Debug)]
struct Part {
    found: Arc<Found>,
    start: usize,
    /// Its candidates in [`Document::cands`].
    range: Range<usize>,
}

/// The document-wide state of the last analysis.
#[derive(Debug, Default)]
pub(super) struct Document {
    parts: Vec<Part>,
    /// Every paragraph's candidates in order, headline runs split,
    /// absolute spans.
    cands: Vec<Candidate>,
    /// Where each of `cands` comes from.
    pieces: Vec<Piece>,
    /// [`super::list_gap`] before each of `cands`.
    gaps: Vec<Option<Box<str>>>,
    decided: Vec<Decided>,
}

impl Document {
    /// The entities named by the candidates of `kept` (every paragraph
    /// that takes part, in order).
    pub fn entities(&mut self, text: &str, kept: &[Kept]) -> Vec<Entity> {
        let moved_only = self.follow(kept);
        if !moved_only {
            self.rebuild(kept);
        }
        let gaps_same = self.same_gaps(text);
        // Lists an acronym spells out become one candidate; that depends on
        // the candidates and their list gaps only, so it comes out the same
        // whenever the decisions are kept.
        let joined = super::candidates::join_spelled_out_lists(text, &self.cands);
        let cands = joined.as_deref().unwrap_or(&self.cands);
        if !moved_only || !gaps_same {
            self.decided = super::decide(text, cands);
        }
        let mut entities: Vec<Entity> = self
            .decided
            .iter()
            .map(|d| d.present(text, cands))
            .collect();
        entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
        super::link_acronyms(&mut entities);
        entities
    }

    /// When every paragraph of `kept` has the candidates of the last
    /// analysis apart from position, bring their spans up to date and say
    /// so; else change nothing and say no.
    fn follow(&mut self, kept: &[Kept]) -> bool {
        let same = self.parts.len() == kept.len()
            && self.parts.iter().zip(kept).all(|(p, k)| {
                Arc::ptr_eq(&p.found, &k.found) || p.found.same_apart_from_position(&k.found)
            });
        if !same {
            return false;
        }
        for (part, k) in self.parts.iter_mut().zip(kept) {
            let Some(slots) = self.cands.get_mut(part.range.clone()) else {
                return false;
            };
            if !Arc::ptr_eq(&part.found, &k.found) {
                // the same candidates elsewhere in the paragraph
                let pieces = self.pieces.get(part.range.clone()).unwrap_or(&[]);
                let fresh: Vec<Candidate> = pieces
                    .iter()
                    .filter_map(|&p| piece_candidate(&k.found, p, k.start))
                    .collect();
                if fresh.len() != slots.len() {
                    return false;
                }
                for (slot, c) in slots.iter_mut().zip(fresh) {
                    *slot = c;
                }
                part.found = Arc::clone(&k.found);
            } else if part.start != k.start {
                for c in slots {
                    move_candidate(c, part.start, k.start);
                }
            }
            part.start = k.start;
        }
        true
    }

    /// Make the candidate list for `kept` anew, moving the candidates of
    /// the paragraphs at either end that did not change from the old list.
    fn rebuild(&mut self, kept: &[Kept]) {
        let body = body_names(kept.iter().flat_map(|k| k.found.cands.iter()));
        let split = |c: &Candidate| super::is_unknown_headline_run(c, &body);
        let old_parts = std::mem::take(&mut self.parts);
        let old_pieces = std::mem::take(&mut self.pieces);
        let mut old_cands = Taker {
            iter: std::mem::take(&mut self.cands).into_iter(),
            at: 0,
        };
        let (same_before, same_after) = common_ends(&old_parts, kept);
        for (i, k) in kept.iter().enumerate() {
            let old = if i < same_before {
                old_parts.get(i)
            } else if i >= kept.len() - same_after {
                old_parts.get(old_parts.len() - (kept.len() - i))
            } else {
                None
            };
            let from = self.cands.len();
            let reusable = old.filter(|o| {
                let was = old_pieces.get(o.range.clone()).unwrap_or(&[]);
                layout(&k.found, &split).eq(was.iter().copied())
            });
            match reusable {
                Some(o) => {
                    for mut c in old_cands.take(o.range.clone()) {
                        move_candidate(&mut c, o.start, k.start);
                        self.cands.push(c);
                    }
                    self.pieces
                        .extend_from_slice(old_pieces.get(o.range.clone()).unwrap_or(&[]));
                }
                None => {
                    for piece in layout(&k.found, &split) {
                        if let Some(c) = piece_candidate(&k.found, piece, k.start) {
                            self.cands.push(c);
                            self.pieces.push(piece);
                        }
                    }
                }
            }
            self.parts.push(Part {
                found: Arc::clone(&k.found),
                start: k.start,
                range: from..self.cands.len(),
            });
        }
    }

    /// Whether the list gaps between the candidates are those the
    /// decisions were made with; they are remembered for the next time.
    fn same_gaps(&mut self, text: &str) -> bool {
        let now = std::iter::once(None).chain(
            self.cands
                .windows(2)
                .map(|pair| super::list_gap(text, pair[0].span, pair[1].span)),
        );
        if now.clone().eq(self.gaps.iter().map(Option::as_deref)) {
            return true;
        }
        self.gaps = now.map(|g| g.map(Box::from)).collect();
        false
    }
}

/// The pieces a paragraph's candidates make: each candidate whole, or each
/// word of it when `split` says so.
fn layout<'f>(
    found: &'f Found,
    split: &'f dyn Fn(&Candidate) -> bool,
) -> impl Iterator<Item = Piece> + 'f {
    found.cands.iter().enumerate().flat_map(move |(cand, c)| {
        let words = if split(c) {
            c.words.len().min(c.word_spans.len())
        } else {
            0
        };
        let whole = (words == 0).then_some(Piece { cand, word: None });
        whole.into_iter().chain((0..words).map(move |w| Piece {
            cand,
            word: Some(w),
        }))
    })
}

/// The candidate `piece` of a paragraph starting at `start`, with
/// absolute spans.
fn piece_candidate(found: &Found, piece: Piece, start: usize) -> Option<Candidate> {
    let c = found.cands.get(piece.cand)?;
    let mut out = match piece.word {
        None => c.clone(),
        Some(w) => c.split_words().nth(w)?,
    };
    move_candidate(&mut out, 0, start);
    Some(out)
}

/// Move a candidate's spans from a paragraph starting at `from` to the
/// same place in one starting at `to`.
fn move_candidate(c: &mut Candidate, from: usize, to: usize) {
    let moved = |s: Span| Span::new(s.start - from + to, s.end - from + to);
    c.span = moved(c.span);
    for s in &mut c.word_spans {
        *s = moved(*s);
    }
    c.title_span = c.title_span.map(moved);
    c.role_span = c.role_span.map(moved);
}

/// Hands out the old candidate list's entries in order, dropping those
/// skipped.
struct Taker {
    iter: std::vec::IntoIter<Candidate>,
    at: usize,
}

impl Taker {
    fn take(&mut self, range: Range<usize>) -> impl Iterator<Item = Candidate> + '_ {
        if let Some(skip) = range.start.checked_sub(self.at + 1) {
            self.iter.nth(skip);
        }
        self.at = self.at.max(range.end);
        self.iter.by_ref().take(range.len())
    }
}

/// How many paragraphs at the start and at the end (not overlapping) have
/// the same candidates, by identity, in the last analysis and this one.
fn common_ends(parts: &[Part], kept: &[Kept]) -> (usize, usize) {
    let same = |p: &Part, k: &Kept| Arc::ptr_eq(&p.found, &k.found);
    let before = parts
        .iter()
        .zip(kept)
        .take_while(|(p, k)| same(p, k))
        .count();
    let room = parts.len().min(kept.len()) - before;
    let after = parts
        .iter()
        .rev()
        .zip(kept.iter().rev())
        .take(room)
        .take_while(|(p, k)| same(p, k))
        .count();
    (before, after)
}
