//! Quotes: direct quotations and who said them.
//!
//! The pass reads each paragraph's text model (its tokens, lexicon tags and
//! quotation-mark scan) in one local step per paragraph ([`reading`], a
//! [`driver::Pass`] keyed by the entity mentions of the paragraph): the
//! quoted pieces ([`pieces`]), what each piece's own words tell (speech,
//! scare quote, title), the cue of each piece's sentence ([`attribution`],
//! over the speaker phrases of [`phrases`] and the mentions of
//! [`mentions`]), and what the words around each person mention say. The
//! document-wide step numbers the pieces into groups, indexes the people
//! ([`people`], [`roles`]), resolves every cue to a speaker ([`speakers`])
//! and lets uncued quotes continue their neighbours' speakers
//! ([`continuation`]). The same grammar reads the cue of every sentence
//! without quotation marks ([`BareCue`], returned by [`read`]), which the
//! fragments pass judges for attributions left without their quote.
//!
//! A quote interrupted by its attribution (`“We never intervene,” Mr Putin
//! said, “do not intervene.”`) or running over several paragraphs is
//! reported as one [`Quote`] per piece, the pieces sharing a `group` and a
//! speaker: that is how newsroom annotation counts quotes, and it keeps each
//! quote's span on one stretch of text.

pub mod attribution;
pub mod continuation;
pub mod mentions;
pub mod people;
pub mod phrases;
pub mod pieces;
pub mod ranking;
pub mod reading;
pub mod roles;
pub mod signature;
pub mod speakers;
pub mod tables;
pub mod weights;
pub mod words;

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::Span;
use super::boilerplate::Boilerplate;
use super::driver::{Driver, Placed};
use super::entities::{Entity, Gender};
use super::text::TextModel;
pub use attribution::BareCue;
use attribution::Cue;
use continuation::Floor;
use mentions::Head;
use people::People;
use pieces::Piece;
use reading::{QuoteReading, Reading, ReadingKey};
use speakers::Found;

use super::work::{tick, tick_n};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// A word or two in quotation marks that is not attributed speech.
    ScareQuote,
    /// The title of a work (film, book, song).
    Title,
}

/// Who said a quote, as far as the article tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name (the entity's name), or the role as written
    /// ("a spokesperson") when no named person holds it.
    pub name: String,
    /// Index into the analysis' entities, when the speaker is one.
    pub entity: Option<usize>,
}

/// The evidence for an attribution, for the hover card.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Span,
    /// The words that named the speaker here ("Mr Putin", "he").
    pub speaker_mention: Option<Span>,
    /// Which rule decided, e.g. "adjacent cue", "pronoun", "continuation".
    pub rule: &'static str,
    /// 0.0–1.0: how sure the rule is.
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to the closing mark, marks included.
    pub span: Span,
    /// The quoted words, without the marks. `find` reports one piece per
    /// quote (pieces of one quotation share a `group`), so this holds one
    /// span; hand-built quotes in tests may hold several.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub attribution: Option<Attribution>,
    /// Pieces of one quotation (interrupted by its attribution, or running
    /// over several paragraphs) share a group number.
    pub group: usize,
}

impl Quote {
    /// True for words someone said or wrote (not a scare quote or title).
    pub fn is_speech(&self) -> bool {
        self.kind == QuoteKind::Speech
    }

    /// The quoted words, parts joined with a space.
    pub fn text(&self, text: &str) -> String {
        self.parts
            .iter()
            .map(|p| p.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when `offset` lies inside any part.
    pub fn contains(&self, offset: usize) -> bool {
        self.span.contains(offset) || self.parts.iter().any(|p| p.contains(offset))
    }
}

/// What the quote pass reads in a document: its quotes, and the
/// attribution cues of the sentences that hold no quotation (for the
/// fragments pass, which flags those left without their quote).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// In document order, absolute spans; none in page furniture.
    pub cues: Vec<BareCue>,
}

/// Quotes of `text`, in document order, with their speakers: a fresh
/// analysis (a new [`Driver`] each call), for tests and benches.
pub fn find_fresh(text: &str, entities: &[Entity], boilerplate: &[Boilerplate]) -> Vec<Quote> {
    read_fresh(text, entities, boilerplate).quotes
}

/// [`read`] with a fresh [`Driver`], for tests and benches.
pub fn read_fresh(text: &str, entities: &[Entity], boilerplate: &[Boilerplate]) -> Quotes {
    let mut driver = Driver::default();
    let model = driver.model(text);
    read(&mut driver, text, &model, entities, boilerplate)
}

/// Quotes of `text` (modelled as `model`), in document order, with their
/// speakers; the paragraphs' local readings come from `driver`, which keeps
/// them between versions.
pub fn find(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<Quote> {
    read(driver, text, model, entities, boilerplate).quotes
}

/// [`find`], with the bare attribution cues of the document too.
pub fn read(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Quotes {
    let Resolved {
        pieces,
        kinds,
        mut found,
        bare_cues,
        genders,
    } = resolve(driver, text, model, entities, boilerplate);
    let ranking = ranking::Context {
        text,
        model,
        pieces: &pieces,
        kinds: &kinds,
        entities,
        genders: &genders,
    };
    ranking::rank(&ranking, &mut found);
    let quotes = pieces
        .iter()
        .zip(kinds)
        .zip(found)
        .map(|((piece, kind), found)| {
            tick();
            let (speaker, attribution) = match (kind, found) {
                (QuoteKind::Speech, Some(f)) => (f.speaker, Some(f.attribution)),
                _ => (None, None),
            };
            Quote {
                span: piece.span,
                parts: vec![piece.inner],
                kind,
                speaker,
                attribution,
                group: piece.group,
            }
        })
        .collect();
    Quotes {
        quotes,
        cues: bare_cues,
    }
}

/// Each speech quote of `text` with the candidates the speaker ranking
/// chooses among (see [`ranking`]): what `scripts/fit_speakers.py` learns
/// from. Quotes in document order, as (quoted words, candidates).
pub fn speaker_candidates(
    text: &str,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<(Span, Vec<ranking::Candidate>)> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    let resolved = resolve(&mut driver, text, &model, entities, boilerplate);
    let ranking = ranking::Context {
        text,
        model: &model,
        pieces: &resolved.pieces,
        kinds: &resolved.kinds,
        entities,
        genders: &resolved.genders,
    };
    let candidates = ranking::candidates_of(&ranking, &resolved.found);
    resolved
        .pieces
        .iter()
        .zip(&resolved.kinds)
        .zip(candidates)
        .filter(|((_, kind), _)| **kind == QuoteKind::Speech)
        .map(|((piece, _), cands)| (piece.inner, cands))
        .collect()
}

/// The quote pieces of a document with their kinds and what the sieves and
/// continuation rules found for each, before the ranking.
struct Resolved {
    pieces: Vec<Piece>,
    kinds: Vec<QuoteKind>,
    found: Vec<Option<Found>>,
    bare_cues: Vec<BareCue>,
    /// Each entity's gender as the quotes read it ([`People::genders`]).
    genders: Vec<Option<Gender>>,
}

fn resolve(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Resolved {
    let seg = &model.segmentation;
    tick_n(boilerplate.len());
    let furniture_spans: FxHashSet<Span> = boilerplate.iter().map(|b| b.span).collect();
    let furniture: Vec<bool> = seg
        .paragraphs
        .iter()
        .map(|p| {
            tick();
            furniture_spans.contains(&p.span)
        })
        .collect();
    let (mut keys, slots) = reading_keys(model, entities, &furniture);
    let locals = driver.locals(&QuoteReading, model, |i| {
        keys.get_mut(i).map(std::mem::take).unwrap_or_default()
    });
    let doc = Placing {
        locals: &locals,
        slots: &slots,
        furniture: &furniture,
    };
    let pieces = pieces::place(
        seg,
        doc.scanned().map(|p| {
            (
                p.index,
                p.local.pieces.as_slice(),
                p.local.joined.as_slice(),
            )
        }),
    );
    // Each step below reads every paragraph's local reading once, or each
    // of its pieces or mentions once: counted together.
    tick_n(6 * locals.len() + 4 * pieces.len());
    let shapes: Vec<pieces::Shape> = doc
        .scanned()
        .flat_map(|p| p.local.shapes.iter().copied())
        .collect();
    let cues: Vec<Option<Cue>> = doc
        .scanned()
        .flat_map(|p| p.local.cues.iter().map(move |c| doc.cue(p, c.as_ref()?)))
        .collect();
    let leads: Vec<Option<(Span, Head)>> = doc
        .scanned()
        .flat_map(|p| p.local.leads.iter().map(move |r| doc.reporter(p, r)))
        .collect();
    let reporters: Vec<Option<(Span, Head)>> = locals
        .iter()
        .map(|p| doc.reporter(p, &p.local.reporter))
        .collect();
    let mut quoted: Vec<Span> = pieces.iter().map(|p| p.inner).collect();
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(quoted.len());
    quoted.sort_by_key(|s| (s.start, s.end));
    let mentions = locals
        .iter()
        .flat_map(|p| {
            let slots = slots.get(p.index).map_or(&[][..], Vec::as_slice);
            tick_n(slots.len());
            slots
                .iter()
                .zip(&p.local.mentions)
                .map(|(&(span, e), r)| (span, e, r))
        })
        .collect();
    let people = People::new(text, model, entities, mentions, quoted);
    let mut found: Vec<Option<Found>> = Vec::with_capacity(pieces.len());
    let mut recent: HashSet<usize> = HashSet::new();
    for (piece, cue) in pieces.iter().zip(cues) {
        tick();
        let here = cue.map(|c| speakers::resolve_cue(c, piece.span.start, &people, &recent));
        if let Some(e) = here
            .as_ref()
            .and_then(|f| f.speaker.as_ref())
            .and_then(|s| s.entity)
        {
            recent.insert(e);
        }
        found.push(here);
    }
    signature::sign(text, seg, &pieces, &people, &mut found);
    let kinds = kinds(text, &pieces, &shapes, &found);
    let floor = Floor {
        text,
        seg,
        furniture: &furniture,
        pieces: &pieces,
        kinds: &kinds,
        people: &people,
        recent: &recent,
        leads: &leads,
        reporters: &reporters,
    };
    floor.continue_speakers(&mut found);
    let bare_cues = doc
        .scanned()
        .flat_map(|p| {
            tick_n(p.local.bare_cues.len());
            p.local.bare_cues.iter().map(|c| c.shifted(p.start))
        })
        .collect();
    Resolved {
        pieces,
        kinds,
        found,
        bare_cues,
        genders: people.genders().to_vec(),
    }
}

/// Each paragraph's reading key, and the (absolute span, entity) of each
/// of its mention slots: the entity mentions lying inside the paragraph.
fn reading_keys(
    model: &TextModel,
    entities: &[Entity],
    furniture: &[bool],
) -> (Vec<ReadingKey>, Vec<Vec<(Span, usize)>>) {
    let mut all: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(all.len());
    all.sort_by_key(|(s, _)| (s.start, s.end));
    let mut keys = Vec::with_capacity(model.segmentation.paragraphs.len());
    let mut slots = Vec::with_capacity(keys.capacity());
    let mut k = 0;
    for (p, para) in model.segmentation.paragraphs.iter().enumerate() {
        let span = para.span;
        tick();
        while all.get(k).is_some_and(|(s, _)| s.start < span.start) {
            tick();
            k += 1;
        }
        let from = k;
        while all.get(k).is_some_and(|(s, _)| s.start < span.end) {
            tick();
            k += 1;
        }
        let inside: Vec<(Span, usize)> = all[from..k]
            .iter()
            .copied()
            .filter(|(s, _)| s.end <= span.end)
            .collect();
        keys.push(ReadingKey {
            furniture: furniture.get(p).copied().unwrap_or(false),
            mentions: inside
                .iter()
                .filter_map(|&(s, e)| {
                    Some((
                        Span::new(s.start - span.start, s.end - span.start),
                        entities.get(e)?.kind,
                    ))
                })
                .collect(),
        });
        slots.push(inside);
    }
    (keys, slots)
}

/// The local readings of one version, and how to place what they hold.
#[derive(Clone, Copy)]
struct Placing<'a> {
    locals: &'a [Placed<Reading>],
    slots: &'a [Vec<(Span, usize)>],
    furniture: &'a [bool],
}

impl<'a> Placing<'a> {
    /// The readings of the paragraphs that are not furniture.
    fn scanned(&self) -> impl Iterator<Item = &'a Placed<Reading>> + 'a {
        let furniture = self.furniture;
        self.locals
            .iter()
            .filter(move |p| !furniture.get(p.index).copied().unwrap_or(true))
    }

    /// A local head in document offsets, its slot mapped to its entity.
    fn head(&self, p: &Placed<Reading>, head: &Head) -> Option<Head> {
        let slots = self.slots.get(p.index)?;
        head.placed(p.start, |slot| slots.get(slot).map(|&(_, e)| e))
    }

    fn cue(&self, p: &Placed<Reading>, c: &Cue) -> Option<Cue> {
        Some(Cue {
            cue: p.absolute(c.cue),
            head: self.head(p, &c.head)?,
            ..*c
        })
    }

    fn reporter(&self, p: &Placed<Reading>, r: &Option<(Span, Head)>) -> Option<(Span, Head)> {
        let (cue, head) = r.as_ref()?;
        Some((p.absolute(*cue), self.head(p, head)?))
    }
}

/// Each piece's kind: its shape's, except that short uncued speech is a
/// scare quote. One word needs a cue of its own close by; a few words may
/// share the cue of their sentence.
fn kinds(
    text: &str,
    pieces: &[Piece],
    shapes: &[pieces::Shape],
    found: &[Option<Found>],
) -> Vec<QuoteKind> {
    let mut out: Vec<QuoteKind> = Vec::with_capacity(shapes.len());
    for (i, shape) in shapes.iter().enumerate() {
        tick();
        if shape.kind != QuoteKind::Speech || !shape.short || continues_group(pieces, i) {
            out.push(shape.kind);
            continue;
        }
        let cued = match found.get(i).and_then(Option::as_ref) {
            Some(f) => !(shape.one_word && f.attribution.rule == attribution::SENTENCE_FINAL),
            None => follows_cued_quote_in_sentence(text, pieces, found, shapes, &out, i)
                .is_some_and(|gap_words| !shape.one_word || gap_words <= LIST_GAP_WORDS),
        };
        out.push(if cued {
            QuoteKind::Speech
        } else {
            QuoteKind::ScareQuote
        });
    }
    out
}

/// Most words between two one-word quotes of a list ("a “loser,” a
/// “liar” and a “whiner.”") for the cue of the first to cover the second.
const LIST_GAP_WORDS: usize = 2;

/// `called it “bold” and based on “one giant assumption.”`: an earlier
/// quote of the same sentence has a cue, which covers this one too, and
/// the one after it ("a “loser,” a “liar” and a “whiner.”"): `kinds`
/// holds the kinds decided so far. The number of words between the two
/// when it does.
fn follows_cued_quote_in_sentence(
    text: &str,
    pieces: &[Piece],
    found: &[Option<Found>],
    shapes: &[pieces::Shape],
    kinds: &[QuoteKind],
    i: usize,
) -> Option<usize> {
    let (Some(prev), Some(here)) = (i.checked_sub(1).and_then(|j| pieces.get(j)), pieces.get(i))
    else {
        return None;
    };
    let between = text.get(prev.span.end..here.span.start).unwrap_or("");
    tick_n(2 * between.len() + 1);
    // a short piece kept as speech was cued itself, or by the one before it
    let prev_is_cued_speech = found.get(i - 1).is_some_and(Option::is_some)
        || (shapes.get(i - 1).is_some_and(|s| s.short)
            && kinds.get(i - 1) == Some(&QuoteKind::Speech));
    let follows = prev.para == here.para
        && !prev.inner.text(text).ends_with(['.', '!', '?'])
        && !between.contains(['.', '!', '?'])
        && prev_is_cued_speech;
    follows.then(|| {
        between
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    })
}

fn continues_group(pieces: &[Piece], i: usize) -> bool {
    let Some(piece) = pieces.get(i) else {
        return false;
    };
    let same = |j: usize| pieces.get(j).is_some_and(|q| q.group == piece.group);
    i.checked_sub(1).is_some_and(same) || same(i + 1)
}

/// Largest char boundary of `text` at or below `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
