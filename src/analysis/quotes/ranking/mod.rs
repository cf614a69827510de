//! Speakers by ranking: after the sieves ([`super::speakers`]) and the
//! continuation rules ([`super::continuation`]) have had their say, every
//! speech quote's possible speakers are gathered (the sieves' answer, the
//! people and organisations named around the quote, the speaker of the
//! quote before) and each is scored by a linear model over features of how
//! it stands to the quote. The highest score decides.
//!
//! The sieves are features here, not the decision: "the adjacent cue names
//! this one" is one feature among "named just before the quote", "spoke the
//! previous quote", "agrees with the pronoun of the cue". The weights are
//! learned from the development corpora by `scripts/fit_speakers.py` and
//! shipped in `data/model/speakers.txt`, whose header says how and on which
//! files they were fitted. The same candidates, with their features, are
//! what the script learns from ([`candidates_of`], printed by
//! `examples/speaker_candidates.rs`).

mod model;

use model::F;
pub use model::{Candidate, Feature, Weights, Who, weights};

use super::super::Span;
use super::super::entities::{Entity, EntityKind, Gender};
use super::super::lexicon::Tags;
use super::super::text::{ParagraphModel, TextModel};
use super::pieces::{Piece, Within};
use super::speakers::Found;
use super::words;
use super::{Attribution, QuoteKind};
use crate::analysis::work::{tick, tick_n};

/// The rule a ranked decision shows on the hover card when it overrides
/// the sieves.
pub const RANKED: &str = "ranked";

/// How far (bytes) a mention counts as "near" the quote, and as "in reach".
const NEAR: usize = 60;
const REACH: usize = 250;

/// What the ranking reads of the document.
pub struct Context<'a> {
    pub text: &'a str,
    pub model: &'a TextModel,
    pub pieces: &'a [Piece],
    pub kinds: &'a [QuoteKind],
    pub entities: &'a [Entity],
    /// Each entity's gender as the quotes read it (a given name yields to
    /// the pronouns the article uses for the person).
    pub genders: &'a [Option<Gender>],
}

impl Context<'_> {
    fn gender(&self, entity: usize) -> Option<Gender> {
        self.genders.get(entity).copied().flatten()
    }
}

/// A mention of a person, organisation or other named thing (the typing
/// is not always right: "Cruz" may be read as other) outside every
/// quotation.
#[derive(Debug, Clone, Copy)]
struct Named {
    span: Span,
    entity: usize,
}

/// Each speech quote's candidates, by piece index (other pieces get none).
pub fn candidates_of(ctx: &Context, found: &[Option<Found>]) -> Vec<Vec<Candidate>> {
    let named = named_outside_quotes(ctx);
    let mut out = Vec::with_capacity(ctx.pieces.len());
    let mut previous: Option<usize> = None;
    // the entities that spoke the last RECENT quotes, newest first
    let mut recent: [Option<usize>; RECENT] = [None; RECENT];
    for (i, piece) in ctx.pieces.iter().enumerate() {
        tick();
        if ctx.kinds.get(i) != Some(&QuoteKind::Speech) {
            out.push(Vec::new());
            continue;
        }
        let sieve = found.get(i).and_then(Option::as_ref);
        let prev = previous.and_then(|j| Some((j, found.get(j)?.as_ref()?)));

        // where the quote before ended, when it is in this paragraph
        let since = previous
            .and_then(|j| ctx.pieces.get(j))
            .filter(|before| before.para == piece.para && before.group != piece.group)
            .map(|before| before.span.end);
        let mut cands = candidates_for(ctx, &named, piece, sieve, prev, since);
        for c in &mut cands {
            tick();
            if c.entity().is_some_and(|e| recent.contains(&Some(e))) {
                c.set(F::RecentSpeaker, 1.0);
            }
        }
        out.push(cands);
        previous = Some(i);
        if let Some(e) = sieve.and_then(|f| f.speaker.as_ref()?.entity) {
            recent.rotate_right(1);
            recent[0] = Some(e);
        }
    }
    out
}

/// How many mentions on each side of a quote its candidates come from.
const WINDOW: usize = 24;

/// How many quotes back a speaker still counts as recent.
const RECENT: usize = 6;

fn named_outside_quotes(ctx: &Context) -> Vec<Named> {
    let quoted = Within::new(ctx.pieces.iter().map(|p| p.span));
    let inside = |s: Span| quoted.contains(s.start);
    let mut named: Vec<Named> = ctx
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind != EntityKind::Place)
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| Named {
                span: m.span,
                entity: i,
            })
        })
        .filter(|n| {
            tick();
            !inside(n.span)
        })
        .collect();
    // a sort: counted as linear, the test's ratio leaves room for its log
    tick_n(named.len());
    named.sort_by_key(|n| n.span.start);
    named
}

fn candidates_for(
    ctx: &Context,
    named: &[Named],
    piece: &Piece,
    sieve: Option<&Found>,
    prev: Option<(usize, &Found)>,
    since: Option<usize>,
) -> Vec<Candidate> {
    let mut cands: Vec<Candidate> = Vec::new();
    let entity_candidate = |cands: &mut Vec<Candidate>, e: usize| -> Option<usize> {
        // "the NEB" speaks for the Northern Energy Board it stands for
        let e = ctx
            .entities
            .get(e)
            .and_then(|entity| entity.acronym_of)
            .unwrap_or(e);
        tick_n(cands.len());
        if let Some(k) = cands.iter().position(|c| c.entity() == Some(e)) {
            return Some(k);
        }
        let entity = ctx.entities.get(e)?;
        let mut c = Candidate::new(Who::Entity(e));
        c.set(
            match entity.kind {
                EntityKind::Person => F::Person,
                EntityKind::Organization => F::Organization,
                _ => F::OtherKind,
            },
            1.0,
        );
        cands.push(c);
        Some(cands.len() - 1)
    };
    // the sieves' answer
    let pronoun_gender = sieve.and_then(|f| pronoun_gender(ctx.text, &f.attribution));
    if let Some(f) = sieve
        && let Some(s) = &f.speaker
    {
        let k = match s.entity {
            Some(e) => entity_candidate(&mut cands, e),
            None => {
                let mut c = Candidate::new(Who::Written(s.clone()));
                c.set(F::Unnamed, 1.0);
                if !ends_in_role_noun(&s.name) {
                    c.set(F::NotARoleNoun, 1.0);
                }
                c.mention = f.attribution.speaker_mention;
                cands.push(c);
                Some(cands.len() - 1)
            }
        };
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set(F::Sieve, 1.0);
            c.set(sieve_feature(f.attribution.rule), 1.0);
            c.set(F::SieveConfidence, f.attribution.confidence);
            if c.mention.is_none() {
                c.mention = f.attribution.speaker_mention;
            }
        }
        if s.entity.is_some()
            && let Some(c) = description_candidate(ctx.text, &f.attribution)
        {
            cands.push(c);
        }
    }
    // the speaker of the quote before
    if let Some((j, f)) = prev
        && let Some(s) = &f.speaker
        && let Some(before) = ctx.pieces.get(j)
    {
        let k = match s.entity {
            Some(e) => entity_candidate(&mut cands, e),
            None => cands
                .iter()
                .position(|c| matches!(&c.who, Who::Written(w) if w == s))
                .or_else(|| {
                    let mut c = Candidate::new(Who::Written(s.clone()));
                    c.set(F::Unnamed, 1.0);
                    cands.push(c);
                    Some(cands.len() - 1)
                }),
        };
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set(F::PreviousSpeaker, 1.0);
            if before.group == piece.group {
                c.set(F::PreviousSameGroup, 1.0);
            } else if before.para == piece.para {
                c.set(F::PreviousSameParagraph, 1.0);
            } else if before.para + 1 == piece.para {
                c.set(F::PreviousParagraphBefore, 1.0);
            }
        }
    }
    // people and organisations named around the quote
    let Some(para) = ctx.model.segmentation.paragraphs.get(piece.para) else {
        return cands;
    };
    let prev_para = piece
        .para
        .checked_sub(1)
        .and_then(|p| ctx.model.segmentation.paragraphs.get(p));
    let earlier = piece
        .para
        .checked_sub(2)
        .and_then(|p| ctx.model.segmentation.paragraphs.get(p));
    let from = earlier
        .or(prev_para)
        .map_or(para.span.start, |p| p.span.start);
    let prev_start = prev_para.map_or(para.span.start, |p| p.span.start);
    // the mentions from the window's start to the paragraph's end, at most
    // WINDOW of them on each side of the quote: a paragraph of a thousand
    // quotes costs each quote the same as a paragraph of one
    let first = named.partition_point(|n| n.span.start < from);
    let end = named.partition_point(|n| n.span.start < para.span.end);
    let at_quote = named.partition_point(|n| n.span.start < piece.span.start);
    let lo = at_quote.saturating_sub(WINDOW).max(first);
    let hi = (at_quote + WINDOW).min(end).max(lo);
    let mut nearest_before: Option<(usize, usize)> = None; // (distance, candidate)
    let mut nearest_after: Option<(usize, usize)> = None;
    let mut last_in_prev: Option<usize> = None;
    let model = ctx.model.paragraphs.get(piece.para);
    let quote_sentences = model.map(|m| {
        let at = |offset: usize| sentence_at(m, offset - para.span.start);
        (at(piece.span.start), at(piece.span.end.saturating_sub(1)))
    });
    // per candidate: how far before the quote its nearest mention ends
    let mut distance_before: Vec<Option<usize>> = Vec::new();
    for idx in lo..hi {
        tick();
        let Some(n) = named.get(idx) else {
            continue;
        };
        let before = idx.checked_sub(1).and_then(|i| named.get(i));
        let after = named.get(idx + 1);
        let Some(k) = entity_candidate(&mut cands, n.entity) else {
            continue;
        };
        let Some(c) = cands.get_mut(k) else {
            continue;
        };
        if n.span.start >= para.span.start
            && let Some(m) = model
        {
            let rel = Span::new(n.span.start - para.span.start, n.span.end - para.span.start);
            mention_grammar(c, m, rel);
            if super::reading::is_subject(m, rel) {
                c.set(F::Subject, 1.0);
                if n.span.end <= piece.span.start {
                    c.set(F::SubjectBeforeInParagraph, 1.0);
                }
            }
            let sentence = sentence_at(m, rel.start);
            let follows_in_sentence = before.is_some_and(|b| {
                b.span.start >= para.span.start
                    && sentence_at(m, b.span.start - para.span.start) == sentence
            });
            if !follows_in_sentence {
                c.set(F::FirstNamedInSentence, 1.0);
            }
            if quote_sentences.is_some_and(|(a, b)| (a..=b).contains(&sentence)) {
                c.set(F::SameSentence, 1.0);
            }
            if quote_sentences.is_some_and(|(a, _)| sentence + 1 == a) {
                c.set(F::SentenceBefore, 1.0);
            }
        }
        if n.span.end <= piece.span.start {
            let d = piece.span.start - n.span.end;
            if distance_before.len() <= k {
                distance_before.resize(k + 1, None);
            }
            if let Some(slot) = distance_before.get_mut(k) {
                *slot = Some(slot.map_or(d, |best| best.min(d)));
            }
        }
        if n.span.start < prev_start {
            c.set(F::EarlierParagraph, 1.0);
            continue;
        }
        if n.span.start < para.span.start {
            c.set(F::PreviousParagraph, 1.0);
            if let Some((pm, pp)) = piece
                .para
                .checked_sub(1)
                .and_then(|p| Some((ctx.model.paragraphs.get(p)?, prev_para?)))
            {
                let rel = Span::new(n.span.start - pp.span.start, n.span.end - pp.span.start);
                if super::reading::is_subject(pm, rel) {
                    c.set(F::Subject, 1.0);
                    c.set(F::SubjectInPreviousParagraph, 1.0);
                }
            }
            if before.is_none_or(|b| b.span.start < prev_start) {
                c.set(F::FirstNamedInPreviousParagraph, 1.0);
            }
            if after.is_none_or(|a| a.span.start >= para.span.start) {
                last_in_prev = Some(k);
            }
            continue;
        }
        if n.span.end <= piece.span.start {
            let d = piece.span.start - n.span.end;
            c.set(F::Before, 1.0);
            // a new subject between two quotes, not the first one's cue
            let cue_of_previous = prev
                .and_then(|(_, f)| f.attribution.speaker_mention)
                .is_some_and(|m| m.overlaps(n.span));
            if since.is_some_and(|end| n.span.start >= end) && !cue_of_previous {
                c.set(F::NamedSincePreviousQuote, 1.0);
            }
            c.set(distance_feature(true, d), 1.0);
            if nearest_before.is_none_or(|(best, _)| d < best) {
                nearest_before = Some((d, k));
                c.mention = Some(n.span);
            }
            // "retired driver Sam Roe. “...,” he says": introduced right here
            let first_mention = c
                .entity()
                .and_then(|e| ctx.entities.get(e))
                .and_then(|e| e.mentions.first())
                .is_some_and(|m| m.span == n.span);
            if first_mention {
                c.set(F::IntroducedBefore, 1.0);
                // "... helped retired driver Sam Roe. “...,” he says."
                if c.get(F::SentenceBefore) != 0.0 {
                    c.set(F::IntroducedInSentenceBefore, 1.0);
                }
            }
        } else if n.span.start >= piece.span.end {
            let d = n.span.start - piece.span.end;
            c.set(F::After, 1.0);
            c.set(distance_feature(false, d), 1.0);
            if nearest_after.is_none_or(|(best, _)| d < best) {
                nearest_after = Some((d, k));
                if c.mention.is_none() {
                    c.mention = Some(n.span);
                }
            }
        }
    }
    for (feature, k) in [
        (F::NearestBefore, nearest_before.map(|(_, k)| k)),
        (F::NearestAfter, nearest_after.map(|(_, k)| k)),
        (F::LastInPreviousParagraph, last_in_prev),
    ] {
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set(feature, 1.0);
        }
    }
    // salience and agreement
    for c in &mut cands {
        tick();
        let Some((e, entity)) = c.entity().and_then(|e| Some((e, ctx.entities.get(e)?))) else {
            continue;
        };
        // mentions are in document order
        let so_far = entity
            .mentions
            .partition_point(|m| m.span.start < piece.span.start);
        c.set(F::MentionsSoFar, (1.0 + so_far as f32).ln());
        if let (Some(want), Some(has)) = (pronoun_gender, ctx.gender(e))
            && want == has
        {
            c.set(F::GenderAgrees, 1.0);
        }
    }
    // "he said": the nearest man named before the quote
    // the nearest agreeing candidate, then agreement itself
    tick_n(2 * cands.len());
    if pronoun_gender.is_some() {
        let nearest = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.get(F::GenderAgrees) != 0.0)
            .filter_map(|(k, _)| Some((distance_before.get(k).copied().flatten()?, k)))
            .min();
        if let Some(c) = nearest.and_then(|(_, k)| cands.get_mut(k)) {
            c.set(F::NearestAgreeingBefore, 1.0);
        }
    }
    // "she said" never names a man: agreement is grammar, not a weight
    if let Some(want) = pronoun_gender {
        cands.retain(|c| {
            c.entity()
                .and_then(|e| ctx.gender(e))
                .is_none_or(|has| has == want)
        });
    }
    cands
}

/// "the Florida senator said", "the company said" where the article gives
/// no one that role: the sieves guessed the person or organisation in
/// focus, and the article may mean just the description. The description
/// as written is a candidate too; the model weighs it against the guess.
fn description_candidate(text: &str, attribution: &Attribution) -> Option<Candidate> {
    use super::attribution::{ORGANISATION_IN_FOCUS, ROLE_IN_FOCUS};
    let organisation = match attribution.rule {
        ROLE_IN_FOCUS => false,
        ORGANISATION_IN_FOCUS => true,
        _ => return None,
    };
    let mention = attribution.speaker_mention?;
    let written = mention.text(text);
    let first = written.split_whitespace().next()?.to_lowercase();
    let mut c = Candidate::new(Who::Written(super::Speaker {
        name: written.to_string(),
        entity: None,
    }));
    c.set(F::Description, 1.0);
    if organisation {
        c.set(F::DescriptionOfOrganisation, 1.0);
    }
    if first != "the" {
        c.set(F::DescriptionIndefinite, 1.0);
    }
    let noun = last_word(written);
    if noun
        .as_deref()
        .is_none_or(|n| words::role_of_word(n).is_none())
    {
        c.set(F::NotARoleNoun, 1.0);
    }
    if noun.is_some_and(|n| super::super::lexicon::tags(&n).contains(Tags::TITLE)) {
        c.set(F::DescriptionOfOffice, 1.0);
    }
    c.mention = Some(mention);
    Some(c)
}

/// Whether the last word of a written speaker is a role noun of the
/// lexicon ("a spokesman" yes, "the ad" no).
fn ends_in_role_noun(written: &str) -> bool {
    last_word(written).is_some_and(|w| words::role_of_word(&w).is_some())
}

/// The last word of a written speaker, lower case.
fn last_word(written: &str) -> Option<String> {
    written.split_whitespace().last().map(str::to_lowercase)
}

/// Index of the sentence of `m` holding the paragraph offset `rel`.
fn sentence_at(m: &ParagraphModel, rel: usize) -> usize {
    m.sentences
        .partition_point(|s| s.end <= rel)
        .min(m.sentences.len().saturating_sub(1))
}

/// What the words right around a mention (paragraph offsets `rel`) say:
/// "a spokesman for Paul Ryan" and "Jason Gilbert of Cheyenne" name
/// someone after a preposition, "Trump's remarks" a possessor; neither is
/// how news writing names who speaks.
fn mention_grammar(c: &mut Candidate, m: &ParagraphModel, rel: Span) {
    let list = &m.tokens.list;
    let k = list.partition_point(|t| t.span.start < rel.start);
    if let Some(before) = k.checked_sub(1).and_then(|k| list.get(k))
        && before.is_word()
        && before.tags.contains(Tags::PREPOSITION)
    {
        c.set(F::AfterPreposition, 1.0);
    }
    if super::reading::ends_possessive(m, rel) {
        c.set(F::Possessive, 1.0);
    }
}

/// The gender of the cue's pronoun, when the sieves read "he" or "she".
fn pronoun_gender(text: &str, attribution: &Attribution) -> Option<Gender> {
    words::pronoun_gender(&attribution.speaker_mention?.text(text).to_lowercase())
}

fn sieve_feature(rule: &str) -> Feature {
    use super::attribution as a;
    match rule {
        a::ADJACENT => F::SieveAdjacent,
        a::SENTENCE => F::SieveSentence,
        a::SENTENCE_FINAL => F::SieveSentenceFinal,
        a::PRONOUN => F::SievePronoun,
        a::ROLE => F::SieveRole,
        a::ORGANISATION => F::SieveOrganisation,
        a::ROLE_IN_FOCUS => F::SieveRoleInFocus,
        a::ORGANISATION_IN_FOCUS => F::SieveOrganisationInFocus,
        a::CONTINUATION => F::SieveContinuation,
        a::SAME_PARAGRAPH => F::SieveSameParagraph,
        a::PRECEDING_SPEECH => F::SievePrecedingSpeech,
        _ => F::SieveOther,
    }
}

/// The distance band of a mention `d` bytes before (or after) the quote.
fn distance_feature(before: bool, d: usize) -> Feature {
    match (before, d) {
        (true, d) if d <= NEAR => F::BeforeNear,
        (true, d) if d <= REACH => F::BeforeReach,
        (true, _) => F::BeforeFar,
        (false, d) if d <= NEAR => F::AfterNear,
        (false, d) if d <= REACH => F::AfterReach,
        (false, _) => F::AfterFar,
    }
}

/// Lets the model decide each speech quote's speaker among its candidates.
/// A quote keeps the sieves' answer unless another candidate scores higher.
pub fn rank(ctx: &Context, found: &mut [Option<Found>]) {
    let weights = weights();
    if weights.is_empty() {
        return;
    }
    let all = candidates_of(ctx, found);
    for (slot, cands) in found.iter_mut().zip(all) {
        // scoring each candidate, then the softmax over them
        tick_n(2 * cands.len() + 1);
        let best = cands
            .iter()
            .map(|c| (c.score(weights), c))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((score, best)) = best else {
            continue;
        };
        let speaker = best.speaker(ctx.entities);
        // confidence: the winner's share of the softmax over the candidates,
        // whichever rule found it (the hover's words read it: see
        // `lsp::features::common::confidence_words`)
        let total: f32 = cands.iter().map(|c| (c.score(weights) - score).exp()).sum();
        let confidence = if total > 0.0 { 1.0 / total } else { 0.0 };
        if let Some(f) = slot
            .as_mut()
            .filter(|f| f.speaker.as_ref().is_some_and(|s| *s == speaker))
        {
            f.attribution.confidence = confidence;
            continue;
        }
        let cue = slot
            .as_ref()
            .map(|f| f.attribution.cue)
            .or(best.mention)
            .unwrap_or_default();
        *slot = Some(Found {
            speaker: Some(speaker),
            attribution: Attribution {
                cue,
                speaker_mention: best.mention,
                rule: RANKED,
                confidence,
            },
        });
    }
}

#[cfg(test)]
mod tests;
