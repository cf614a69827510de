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

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::super::Span;
use super::super::entities::{Entity, EntityKind, Gender};
use super::super::lexicon::Tags;
use super::super::segment::Segmentation;
use super::super::text::{ParagraphModel, TextModel};
use super::pieces::Piece;
use super::speakers::Found;
use super::{Attribution, QuoteKind, Speaker};

/// The rule a ranked decision shows on the hover card when it overrides
/// the sieves.
pub const RANKED: &str = "ranked";

/// How far (bytes) a mention counts as "near" the quote, and as "in reach".
const NEAR: usize = 60;
const REACH: usize = 250;

/// One possible speaker of one quote, with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub speaker: Speaker,
    /// Where the article names it closest to the quote, if it does.
    pub mention: Option<Span>,
    pub features: Vec<(&'static str, f32)>,
}

impl Candidate {
    fn set(&mut self, name: &'static str, value: f32) {
        match self.features.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = slot.1.max(value),
            None => self.features.push((name, value)),
        }
    }

    /// The model's score: the weighted sum of the features.
    pub fn score(&self, weights: &Weights) -> f32 {
        self.features.iter().map(|(n, v)| weights.get(n) * v).sum()
    }
}

/// Learned feature weights (`data/model/speakers.txt`).
#[derive(Debug, Default)]
pub struct Weights {
    by_name: FxHashMap<String, f32>,
}

impl Weights {
    /// Parses `name weight` lines; `#` starts a comment. A malformed line is
    /// an error naming it, so a broken model file fails its test.
    pub fn parse(source: &str) -> Result<Weights, String> {
        let mut by_name = FxHashMap::default();
        for (n, line) in source.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {}: expected `feature weight`", n + 1));
            };
            let value: f32 = value
                .parse()
                .map_err(|_| format!("line {}: `{value}` is not a number", n + 1))?;
            by_name.insert(name.to_string(), value);
        }
        Ok(Weights { by_name })
    }

    pub fn get(&self, name: &str) -> f32 {
        self.by_name.get(name).copied().unwrap_or(0.0)
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

static WEIGHTS: LazyLock<Weights> = LazyLock::new(|| {
    Weights::parse(include_str!("../../../data/model/speakers.txt")).unwrap_or_default()
});

/// The shipped weights.
pub fn weights() -> &'static Weights {
    &WEIGHTS
}

/// What the ranking reads of the document.
pub struct Context<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub model: &'a TextModel,
    pub pieces: &'a [Piece],
    pub kinds: &'a [QuoteKind],
    pub entities: &'a [Entity],
}

/// A person or organisation mention outside every quotation.
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
            if c.speaker.entity.is_some_and(|e| recent.contains(&Some(e))) {
                c.set("recent_speaker", 1.0);
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

/// How many quotes back a speaker still counts as recent.
const RECENT: usize = 6;

fn named_outside_quotes(ctx: &Context) -> Vec<Named> {
    let mut quoted: Vec<Span> = ctx.pieces.iter().map(|p| p.span).collect();
    quoted.sort_by_key(|s| s.start);
    let inside = |s: Span| {
        let k = quoted.partition_point(|q| q.start <= s.start);
        k > 0 && quoted.get(k - 1).is_some_and(|q| q.end >= s.end)
    };
    let mut named: Vec<Named> = ctx
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| Named {
                span: m.span,
                entity: i,
            })
        })
        .filter(|n| !inside(n.span))
        .collect();
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
        if let Some(k) = cands.iter().position(|c| c.speaker.entity == Some(e)) {
            return Some(k);
        }
        let entity = ctx.entities.get(e)?;
        let mut c = Candidate {
            speaker: Speaker {
                name: entity.name.clone(),
                entity: Some(e),
            },
            mention: None,
            features: vec![("bias", 1.0)],
        };
        c.set(
            match entity.kind {
                EntityKind::Person => "person",
                EntityKind::Organization => "organization",
                _ => "other_kind",
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
                cands.push(Candidate {
                    speaker: s.clone(),
                    mention: f.attribution.speaker_mention,
                    features: vec![("bias", 1.0), ("unnamed", 1.0)],
                });
                Some(cands.len() - 1)
            }
        };
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set("sieve", 1.0);
            c.set(sieve_feature(f.attribution.rule), 1.0);
            c.set("sieve_confidence", f.attribution.confidence);
            if c.mention.is_none() {
                c.mention = f.attribution.speaker_mention;
            }
        }
    }
    // the speaker of the quote before
    if let Some((j, f)) = prev
        && let Some(s) = &f.speaker
        && let Some(before) = ctx.pieces.get(j)
    {
        let k = match s.entity {
            Some(e) => entity_candidate(&mut cands, e),
            None => cands.iter().position(|c| c.speaker == *s).or_else(|| {
                cands.push(Candidate {
                    speaker: s.clone(),
                    mention: None,
                    features: vec![("bias", 1.0), ("unnamed", 1.0)],
                });
                Some(cands.len() - 1)
            }),
        };
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set("previous_speaker", 1.0);
            if before.group == piece.group {
                c.set("previous_same_group", 1.0);
            } else if before.para == piece.para {
                c.set("previous_same_paragraph", 1.0);
            } else if before.para + 1 == piece.para {
                c.set("previous_paragraph_before", 1.0);
            }
        }
    }
    // people and organisations named around the quote
    let Some(para) = ctx.seg.paragraphs.get(piece.para) else {
        return cands;
    };
    let prev_para = piece
        .para
        .checked_sub(1)
        .and_then(|p| ctx.seg.paragraphs.get(p));
    let earlier = piece
        .para
        .checked_sub(2)
        .and_then(|p| ctx.seg.paragraphs.get(p));
    let from = earlier
        .or(prev_para)
        .map_or(para.span.start, |p| p.span.start);
    let prev_start = prev_para.map_or(para.span.start, |p| p.span.start);
    let first = named.partition_point(|n| n.span.start < from);
    let mut nearest_before: Option<(usize, usize)> = None; // (distance, candidate)
    let mut nearest_after: Option<(usize, usize)> = None;
    let mut last_in_prev: Option<usize> = None;
    let model = ctx.model.paragraphs.get(piece.para);
    let quote_sentences = model.map(|m| {
        let at = |offset: usize| sentence_at(m, offset - para.span.start);
        (at(piece.span.start), at(piece.span.end.saturating_sub(1)))
    });
    let mut sentence_seen: Option<usize> = None;
    let mut first_in_previous = true;
    // per candidate: how far before the quote its nearest mention ends
    let mut distance_before: Vec<Option<usize>> = Vec::new();
    for n in named[first..]
        .iter()
        .take_while(|n| n.span.start < para.span.end)
    {
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
            let sentence = sentence_at(m, rel.start);
            if sentence_seen != Some(sentence) {
                sentence_seen = Some(sentence);
                c.set("first_named_in_sentence", 1.0);
            }
            if quote_sentences.is_some_and(|(a, b)| (a..=b).contains(&sentence)) {
                c.set("same_sentence", 1.0);
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
            c.set("earlier_paragraph", 1.0);
            continue;
        }
        if n.span.start < para.span.start {
            c.set("previous_paragraph", 1.0);
            if first_in_previous {
                first_in_previous = false;
                c.set("first_named_in_previous_paragraph", 1.0);
            }
            last_in_prev = Some(k);
            continue;
        }
        if n.span.end <= piece.span.start {
            let d = piece.span.start - n.span.end;
            c.set("before", 1.0);
            // a new subject between two quotes, not the first one's cue
            let cue_of_previous = prev
                .and_then(|(_, f)| f.attribution.speaker_mention)
                .is_some_and(|m| m.overlaps(n.span));
            if since.is_some_and(|end| n.span.start >= end) && !cue_of_previous {
                c.set("named_since_previous_quote", 1.0);
            }
            c.set(distance_feature("before", d), 1.0);
            if nearest_before.is_none_or(|(best, _)| d < best) {
                nearest_before = Some((d, k));
                c.mention = Some(n.span);
            }
            // "retired driver Sam Roe. “...,” he says": introduced right here
            let first_mention = c
                .speaker
                .entity
                .and_then(|e| ctx.entities.get(e))
                .and_then(|e| e.mentions.first())
                .is_some_and(|m| m.span == n.span);
            if first_mention {
                c.set("introduced_before", 1.0);
            }
        } else if n.span.start >= piece.span.end {
            let d = n.span.start - piece.span.end;
            c.set("after", 1.0);
            c.set(distance_feature("after", d), 1.0);
            if nearest_after.is_none_or(|(best, _)| d < best) {
                nearest_after = Some((d, k));
                if c.mention.is_none() {
                    c.mention = Some(n.span);
                }
            }
        }
    }
    for (feature, k) in [
        ("nearest_before", nearest_before.map(|(_, k)| k)),
        ("nearest_after", nearest_after.map(|(_, k)| k)),
        ("last_in_previous_paragraph", last_in_prev),
    ] {
        if let Some(c) = k.and_then(|k| cands.get_mut(k)) {
            c.set(feature, 1.0);
        }
    }
    // salience and agreement
    for c in &mut cands {
        let Some(entity) = c.speaker.entity.and_then(|e| ctx.entities.get(e)) else {
            continue;
        };
        // mentions are in document order
        let so_far = entity
            .mentions
            .partition_point(|m| m.span.start < piece.span.start);
        c.set("mentions_so_far", (1.0 + so_far as f32).ln());
        if let (Some(want), Some(has)) = (pronoun_gender, entity.gender)
            && want == has
        {
            c.set("gender_agrees", 1.0);
        }
    }
    // "he said": the nearest man named before the quote
    if pronoun_gender.is_some() {
        let nearest = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| has_feature(c, "gender_agrees"))
            .filter_map(|(k, _)| Some((distance_before.get(k).copied().flatten()?, k)))
            .min();
        if let Some(c) = nearest.and_then(|(_, k)| cands.get_mut(k)) {
            c.set("nearest_agreeing_before", 1.0);
        }
    }
    // "she said" never names a man: agreement is grammar, not a weight
    if let Some(want) = pronoun_gender {
        cands.retain(|c| {
            c.speaker
                .entity
                .and_then(|e| ctx.entities.get(e))
                .and_then(|e| e.gender)
                .is_none_or(|has| has == want)
        });
    }
    cands
}

fn has_feature(c: &Candidate, name: &str) -> bool {
    c.features.iter().any(|(n, v)| *n == name && *v != 0.0)
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
        c.set("after_preposition", 1.0);
    }
    let last = list.partition_point(|t| t.span.start < rel.end);
    if let Some(end) = last.checked_sub(1).and_then(|k| list.get(k))
        && end.possessive
    {
        c.set("possessive", 1.0);
    }
}

/// The gender of the cue's pronoun, when the sieves read "he" or "she".
fn pronoun_gender(text: &str, attribution: &Attribution) -> Option<Gender> {
    let word = attribution.speaker_mention?.text(text).to_lowercase();
    match word.as_str() {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" | "hers" => Some(Gender::Female),
        _ => None,
    }
}

fn sieve_feature(rule: &str) -> &'static str {
    use super::attribution as a;
    match rule {
        a::ADJACENT => "sieve:adjacent",
        a::SENTENCE => "sieve:sentence",
        a::SENTENCE_FINAL => "sieve:sentence_final",
        a::PRONOUN => "sieve:pronoun",
        a::ROLE => "sieve:role",
        a::ORGANISATION => "sieve:organisation",
        a::CONTINUATION => "sieve:continuation",
        a::SAME_PARAGRAPH => "sieve:same_paragraph",
        a::PRECEDING_SPEECH => "sieve:preceding_speech",
        _ => "sieve:other",
    }
}

fn distance_feature(side: &'static str, d: usize) -> &'static str {
    match (side, d) {
        ("before", d) if d <= NEAR => "before_near",
        ("before", d) if d <= REACH => "before_reach",
        ("before", _) => "before_far",
        (_, d) if d <= NEAR => "after_near",
        (_, d) if d <= REACH => "after_reach",
        _ => "after_far",
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
        let best = cands
            .iter()
            .map(|c| (c.score(weights), c))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((score, best)) = best else {
            continue;
        };
        if slot
            .as_ref()
            .and_then(|f| f.speaker.as_ref())
            .is_some_and(|s| *s == best.speaker)
        {
            continue;
        }
        // confidence: the winner's share of the softmax over the candidates
        let total: f32 = cands.iter().map(|c| (c.score(weights) - score).exp()).sum();
        let confidence = if total > 0.0 { 1.0 / total } else { 0.0 };
        let cue = slot
            .as_ref()
            .map(|f| f.attribution.cue)
            .or(best.mention)
            .unwrap_or_default();
        *slot = Some(Found {
            speaker: Some(best.speaker.clone()),
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
mod tests {
    use super::*;

    #[test]
    fn weights_parse_names_and_numbers_and_reject_malformed_lines() {
        let w = Weights::parse("# header\nsieve 0.5\n\nbefore_near -1.25 # trailing\n").unwrap();
        assert_eq!(w.get("sieve"), 0.5);
        assert_eq!(w.get("before_near"), -1.25);
        assert_eq!(w.get("unknown"), 0.0);
        assert_eq!(
            Weights::parse("sieve").unwrap_err(),
            "line 1: expected `feature weight`"
        );
        assert_eq!(
            Weights::parse("a 1\nsieve x").unwrap_err(),
            "line 2: `x` is not a number"
        );
    }

    #[test]
    fn the_shipped_model_loads_and_weighs_the_sieves() {
        let source = include_str!("../../../data/model/speakers.txt");
        let w = Weights::parse(source).expect("data/model/speakers.txt parses");
        assert!(!w.is_empty());
        // the sieves' answer is evidence for a candidate, not against it
        assert!(w.get("sieve") > 0.0);
        // an entity named right before the quote beats one far before
        assert!(w.get("before_near") > w.get("before_far"));
    }

    #[test]
    fn a_candidates_score_is_the_weighted_sum_of_its_features() {
        let w = Weights::parse("a 2\nb -1").unwrap();
        let c = Candidate {
            speaker: Speaker {
                name: "Ana Roe".into(),
                entity: None,
            },
            mention: None,
            features: vec![("a", 1.0), ("b", 0.5), ("c", 3.0)],
        };
        assert_eq!(c.score(&w), 1.5);
    }

    fn candidates(text: &str) -> Vec<(String, Vec<Candidate>)> {
        let analysis = crate::analysis::analyze(text, &crate::analysis::Config::default());
        super::super::speaker_candidates(text, &analysis.entities, &analysis.boilerplate)
            .into_iter()
            .map(|(span, c)| (span.text(text).to_string(), c))
            .collect()
    }

    fn has(c: &Candidate, feature: &str) -> bool {
        c.features.iter().any(|(n, v)| *n == feature && *v > 0.0)
    }

    #[test]
    fn candidates_are_the_sieves_answer_and_the_people_named_around_the_quote() {
        let text = "Harbour board approves new ferry dock\n\n\
                    Mayor Ana Roe met council member Bo Lindqvist on Tuesday.\n\n\
                    \u{201c}The dock opens in May,\u{201d} Roe said.\n";
        let quotes = candidates(text);
        assert_eq!(quotes.len(), 1);
        let (quote, cands) = &quotes[0];
        assert_eq!(quote, "The dock opens in May,");
        let roe = cands
            .iter()
            .find(|c| c.speaker.name == "Ana Roe")
            .expect("Ana Roe");
        assert!(has(roe, "sieve") && has(roe, "sieve:adjacent"));
        assert!(has(roe, "after_near") && has(roe, "nearest_after"));
        assert!(has(roe, "previous_paragraph") && has(roe, "person"));
        let other = cands
            .iter()
            .find(|c| c.speaker.name == "Bo Lindqvist")
            .expect("Bo Lindqvist, named in the paragraph before");
        assert!(has(other, "previous_paragraph") && !has(other, "sieve"));
        // the ranking keeps the cue's speaker
        assert!(roe.score(weights()) > other.score(weights()));
    }

    #[test]
    fn an_uncued_quote_after_a_speakers_quote_has_that_speaker_as_candidate() {
        let text = "Ferry plan\n\n\
                    \u{201c}We start in May,\u{201d} said Ana Roe, the mayor.\n\n\
                    \u{201c}Nobody will wait longer than ten minutes.\u{201d}\n";
        let quotes = candidates(text);
        assert_eq!(quotes.len(), 2);
        let (_, cands) = &quotes[1];
        let roe = cands
            .iter()
            .find(|c| c.speaker.name == "Ana Roe")
            .expect("Ana Roe");
        assert!(has(roe, "previous_speaker") && has(roe, "previous_paragraph_before"));
        assert!(!has(roe, "previous_same_paragraph"));
    }
}
