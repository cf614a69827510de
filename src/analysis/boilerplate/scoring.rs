//! The document-wide half of the scored evidence: each paragraph's local
//! evidence ([`super::evidence`]) completed with its place in the article
//! (before, inside or after the body; next to the headline or to furniture
//! the rules found; repeated; in a run of short lines), then weighed.
//!
//! Runs after the rules, on the paragraphs they left: the rules keep their
//! verdicts, and the score adds the furniture whose wording they never met.

use rustc_hash::FxHashMap;

use super::BoilerplateKind;
use super::article::Article;
use super::contextual::{Layout, Position, in_runs};
use super::evidence::{Evidence, Feature, LocalEvidence, MOST_WORDS, Weights};
use crate::analysis::work::tick;

/// Short lines in a row inside the body that make a run (a list of names,
/// results, a roster).
const SHORT_RUN: usize = 3;
/// Most words of a line in such a run.
const SHORT_RUN_WORDS: usize = 15;

/// The whole evidence of every paragraph after the headline that the score
/// judges ([`judged`]), given the rules' verdicts `kinds`; `None` before
/// the headline, for the headline itself and for paragraphs the score does
/// not judge (so the fit of the weights learns from the paragraphs the
/// score decides, and no others).
pub fn evidence_of_all(
    article: &Article<'_>,
    layout: &Layout,
    kinds: &[Option<BoilerplateKind>],
) -> Vec<Option<Evidence>> {
    let count = kinds.len();
    let mut same_text: FxHashMap<u64, u32> = FxHashMap::default();
    for i in 0..count {
        tick();
        *same_text
            .entry(article.summary(i).evidence.text_hash)
            .or_insert(0) += 1;
    }
    let in_short_run = short_runs(article, layout, count);
    (0..count)
        .map(|index| {
            tick();
            let summary = article.summary(index);
            (index > layout.headline && judged(&summary.evidence)).then(|| {
                let local = &summary.evidence;
                let mut e = local.evidence.clone();
                let position = layout.position(index);
                e.flag(Feature::Before, position == Position::Before);
                e.flag(Feature::Within, position == Position::Within);
                e.flag(Feature::After, position == Position::After);
                e.flag(Feature::NextToHeadline, index == layout.headline + 1);
                let stems = &summary.topic_stems;
                let counted = kinds[index].is_none();
                let overlap = article.overlap(stems, counted);
                e.set(Feature::Overlap, overlap);
                e.flag(Feature::NoContent, stems.is_empty());
                let no_overlap = !stems.is_empty() && overlap == 0.0;
                e.flag(Feature::NoOverlap, no_overlap);
                e.flag(
                    Feature::LoneWordNoOverlap,
                    local.words == 1 && overlap == 0.0,
                );
                e.flag(
                    Feature::SelfReferenceNoOverlap,
                    no_overlap && e.has(Feature::SelfReference),
                );
                let furniture_at = |i: Option<usize>| {
                    i.and_then(|i| kinds.get(i))
                        .is_some_and(|k| k.is_some_and(|k| k != BoilerplateKind::Custom))
                };
                e.flag(
                    Feature::NextToFurniture,
                    furniture_at(index.checked_sub(1)) || furniture_at(Some(index + 1)),
                );
                e.flag(
                    Feature::Repeated,
                    same_text.get(&local.text_hash).copied().unwrap_or(0) > 1,
                );
                e.flag(Feature::InShortRun, in_short_run[index]);
                e.flag(
                    Feature::ShortFragmentAfter,
                    local.short_fragment && position == Position::After,
                );
                e.flag(
                    Feature::ShortFragmentBefore,
                    local.short_fragment && position == Position::Before,
                );
                e
            })
        })
        .collect()
}

/// Paragraphs inside the body in a run of at least [`SHORT_RUN`] short
/// lines that do not end as sentences.
fn short_runs(article: &Article<'_>, layout: &Layout, count: usize) -> Vec<bool> {
    in_runs(count, SHORT_RUN, |i| {
        let s = article.summary(i);
        layout.position(i) == Position::Within
            && s.evidence.words <= SHORT_RUN_WORDS
            && !s.evidence.evidence.has(Feature::Sentence)
    })
}

/// Whether the score judges a paragraph: one of some words and at most
/// [`MOST_WORDS`] (longer ones are prose or caught by the rules), and not
/// a line of results (content, however short and unlike a sentence).
fn judged(local: &LocalEvidence) -> bool {
    (1..=MOST_WORDS).contains(&local.words) && !local.results
}

/// The score's verdict on a paragraph the rules left and the score judges
/// (one with `evidence`): its kind (the kind its UI words name, or plain
/// furniture) when its evidence weighs above zero.
pub fn verdict(
    article: &Article<'_>,
    index: usize,
    evidence: &Evidence,
    weights: &Weights,
) -> Option<BoilerplateKind> {
    let local = &article.summary(index).evidence;
    if weights.is_empty() {
        return None;
    }
    (evidence.score(weights) > 0.0).then(|| local.ui_kind.unwrap_or(BoilerplateKind::Furniture))
}
