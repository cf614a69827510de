//! Sieve 4, continuation: speech with no cue of its own takes the speaker
//! of the quote it continues — the same multi-paragraph or interrupted
//! quote, a quote of the same paragraph, the previous paragraph's last
//! quote or reported speech, or whoever spoke last within a few paragraphs.

use std::collections::{HashMap, HashSet};

use super::super::Span;
use super::super::segment::Segmentation;
use super::attribution::{CONTINUATION, SAME_PARAGRAPH};
use super::mentions::Head;
use super::people::People;
use super::pieces::Piece;
use super::speakers::{Found, reported_by};
use super::weights::*;
use super::{Attribution, QuoteKind};
use crate::analysis::work::tick;

/// What continuation reads of the document.
pub struct Floor<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    /// Per paragraph: page furniture (no quotes, skipped).
    pub furniture: &'a [bool],
    pub pieces: &'a [Piece],
    pub kinds: &'a [QuoteKind],
    pub people: &'a People<'a>,
    pub recent: &'a HashSet<usize>,
    /// Per piece: the reported speaker in its paragraph before it.
    pub leads: &'a [Option<(Span, Head)>],
    /// Per paragraph: its last reported speaker.
    pub reporters: &'a [Option<(Span, Head)>],
}

fn borrow(f: &Found, rule: &'static str, confidence: f32) -> Found {
    Found {
        speaker: f.speaker.clone(),
        attribution: Attribution {
            cue: f.attribution.cue,
            speaker_mention: f.attribution.speaker_mention,
            rule,
            confidence: confidence.min(f.attribution.confidence),
        },
    }
}

impl Floor<'_> {
    fn speech(&self, i: usize) -> bool {
        self.kinds.get(i) == Some(&QuoteKind::Speech)
    }

    fn skip(&self, p: usize) -> bool {
        self.furniture.get(p).copied().unwrap_or(true)
    }

    /// Give every uncued speech piece the speaker it continues.
    pub fn continue_speakers(&self, found: &mut [Option<Found>]) {
        let pieces = self.pieces;
        // Same multi-paragraph or interrupted quote: both directions.
        let mut group_speaker: HashMap<usize, Found> = HashMap::new();
        for (i, p) in pieces.iter().enumerate() {
            tick();
            if let Some(Some(f)) = found.get(i) {
                group_speaker.entry(p.group).or_insert_with(|| f.clone());
            }
        }
        for (i, p) in pieces.iter().enumerate() {
            tick();
            if self.speech(i)
                && let Some(slot @ None) = found.get_mut(i)
                && let Some(f) = group_speaker.get(&p.group)
            {
                *slot = Some(borrow(f, CONTINUATION, GROUP_CONFIDENCE));
            }
        }
        // Same paragraph, earlier then later; then the previous paragraph.
        let mut attributed = Attributed::before_the_walk(found);
        for i in 0..pieces.len() {
            tick();
            if self.speech(i) && found.get(i).is_some_and(Option::is_none) {
                let verdict = self.same_paragraph(i, found, &attributed);
                if let Some(slot) = found.get_mut(i) {
                    *slot = verdict;
                }
            }
            if found.get(i).is_some_and(Option::is_some) {
                attributed.last = Some(i);
            }
        }
    }

    fn same_paragraph(
        &self,
        i: usize,
        found: &[Option<Found>],
        attributed: &Attributed,
    ) -> Option<Found> {
        let pieces = self.pieces;
        let p = *pieces.get(i)?;
        let same = |j: &usize| pieces.get(*j).is_some_and(|q| q.para == p.para);
        // The pieces of a paragraph are consecutive: the nearest piece with
        // a speaker before (after) this one is in its paragraph or none is.
        let earlier = attributed
            .last
            .filter(same)
            .and_then(|j| found.get(j).cloned().flatten());
        let later = || {
            attributed
                .next
                .get(i)
                .copied()
                .flatten()
                .filter(same)
                .and_then(|j| found.get(j).cloned().flatten())
        };
        // A person who opens a sentence between the two quotes takes over:
        // "“...,” says Hill. Roe needed no coaxing. “I'm thankful.”"
        let previous_end = i
            .checked_sub(1)
            .filter(same)
            .and_then(|j| pieces.get(j))
            .map(|q| q.span.end);
        let new_subject = previous_end.and_then(|end| {
            let between = Span::new(end, p.span.start.max(end));
            let head = self.people.sentence_subject_in(between)?;
            let speaker = self.people.speaker(&head, p.span.start, self.recent)?;
            Some(Found {
                speaker: Some(speaker),
                attribution: Attribution {
                    cue: head.span(),
                    speaker_mention: Some(head.span()),
                    rule: SAME_PARAGRAPH,
                    confidence: NEW_SUBJECT,
                },
            })
        });
        match (earlier, new_subject) {
            (Some(_), Some(f)) => Some(f),
            (Some(f), None) => Some(borrow(&f, SAME_PARAGRAPH, EARLIER_IN_PARAGRAPH)),
            (None, _) => later().map(|f| borrow(&f, SAME_PARAGRAPH, LATER_IN_PARAGRAPH)),
        }
        .or_else(|| self.previous_paragraph(i, found, attributed))
    }

    fn reported(&self, reporter: Option<&(Span, Head)>) -> Option<Found> {
        reporter.and_then(|(cue, head)| reported_by(*cue, head, self.people, self.recent))
    }

    /// A quote with no cue and no quoted neighbour in its paragraph: the
    /// reported speaker earlier in its own paragraph; for a quote opening
    /// its paragraph, the speaker of the previous paragraph's last quote or
    /// of its reported speech; else whoever spoke last within a few
    /// paragraphs.
    fn previous_paragraph(
        &self,
        i: usize,
        found: &[Option<Found>],
        attributed: &Attributed,
    ) -> Option<Found> {
        let pieces = self.pieces;
        let p = pieces.get(i)?;
        let para = self.seg.paragraphs.get(p.para)?;
        let lead = Span::new(para.span.start, p.span.start);
        if !lead.text(self.text).trim().is_empty() {
            return self
                .reported(self.leads.get(i).and_then(Option::as_ref))
                .or_else(|| last_speaker(pieces, i, found, attributed));
        }
        let prev_para = (0..p.para).rev().find(|&q| {
            tick();
            !self.skip(q)
        })?;
        let prev_quote = (0..i)
            .rev()
            .take_while(|&j| {
                tick();
                pieces.get(j).is_some_and(|q| q.para >= prev_para)
            })
            .find(|&j| pieces.get(j).is_some_and(|q| q.para == prev_para));
        let verdict = match prev_quote {
            Some(j) => found.get(j).cloned().flatten().map(|f| Found {
                speaker: f.speaker,
                attribution: Attribution {
                    rule: CONTINUATION,
                    confidence: PREVIOUS_PARAGRAPH.min(f.attribution.confidence),
                    ..f.attribution
                },
            }),
            None => self.reported(self.reporters.get(prev_para).and_then(Option::as_ref)),
        };
        verdict.or_else(|| last_speaker(pieces, i, found, attributed))
    }
}

/// Where the pieces with a speaker are, as [`Floor::continue_speakers`]
/// walks the pieces in order: finding them by walking from each piece
/// instead costs the square of a paragraph of thousands of quotes with no
/// speaker.
struct Attributed {
    /// The last piece before the one being resolved that has a speaker
    /// (kept up to date by the walk).
    last: Option<usize>,
    /// Per piece: the next piece after it that had a speaker when the
    /// walk began (the walk has not reached those yet).
    next: Vec<Option<usize>>,
}

impl Attributed {
    fn before_the_walk(found: &[Option<Found>]) -> Self {
        let mut next = vec![None; found.len()];
        let mut after = None;
        for (i, f) in found.iter().enumerate().rev() {
            tick();
            if let Some(slot) = next.get_mut(i) {
                *slot = after;
            }
            if f.is_some() {
                after = Some(i);
            }
        }
        Attributed { last: None, next }
    }
}

/// The speaker of the last attributed quote within [`FLOOR_PARAGRAPHS`].
/// Pieces are in document order, so when the last attributed piece before
/// `i` is too far back, every earlier one is.
fn last_speaker(
    pieces: &[Piece],
    i: usize,
    found: &[Option<Found>],
    attributed: &Attributed,
) -> Option<Found> {
    let para = pieces.get(i)?.para;
    attributed
        .last
        .filter(|&j| j < i)
        .filter(|&j| {
            pieces
                .get(j)
                .is_some_and(|q| q.para + FLOOR_PARAGRAPHS >= para)
        })
        .and_then(|j| found.get(j).cloned().flatten())
        .map(|f| Found {
            speaker: f.speaker,
            attribution: Attribution {
                rule: CONTINUATION,
                confidence: FLOOR_CONFIDENCE,
                ..f.attribution
            },
        })
}
