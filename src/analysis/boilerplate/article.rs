//! The document-wide step's view of the article: which content words its
//! paragraphs use (to tell an unrelated teaser headline from a subhead of
//! the story) and which runs of words are repeated (to find pull quotes
//! that repeat a line of the story).
//!
//! Built afresh for every version from the paragraphs' kept local
//! [`Summary`]s: one pass over their content stems and shingle hashes
//! (already hashed, sorted and counted in the local step), so its cost is
//! a few hash-map inserts per paragraph and no text is read again.

use rustc_hash::FxHashMap;

use super::local::Summary;
use crate::analysis::driver::Placed;
use crate::analysis::work::{tick, tick_n};

/// No paragraph.
const NONE: u32 = u32::MAX;

/// One version of the article, as the contextual rules see it.
pub struct Article<'a> {
    paragraphs: &'a [Placed<Summary>],
    /// Content stem (hashed) → number of article paragraphs that use it.
    paragraphs_using: FxHashMap<u64, u32>,
    /// Shingle hash → the first two paragraphs containing it.
    first_two: FxHashMap<u64, (u32, u32)>,
}

impl<'a> Article<'a> {
    /// The article of `paragraphs`; `in_article[i]` says whether paragraph
    /// `i` counts as article text (not already found furniture).
    pub fn new(paragraphs: &'a [Placed<Summary>], in_article: &[bool]) -> Self {
        // Sized for every key up front (the sums bound the distinct
        // keys): a map of a long article grown step by step re-hashes
        // itself a dozen times.
        let stems: usize = paragraphs
            .iter()
            .zip(in_article)
            .filter(|&(_, &counted)| counted)
            .map(|(p, _)| p.local.topic_stems.len())
            .sum();
        let shingles: usize = paragraphs.iter().map(|p| p.local.shingles.len()).sum();
        let mut paragraphs_using: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(stems, Default::default());
        let mut first_two: FxHashMap<u64, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(shingles, Default::default());
        for (index, para) in paragraphs.iter().enumerate() {
            if in_article.get(index).copied().unwrap_or(false) {
                for &stem in &para.local.topic_stems {
                    tick();
                    *paragraphs_using.entry(stem).or_insert(0) += 1;
                }
            }
            let index = index as u32;
            for &(hash, _) in &para.local.shingles {
                tick();
                first_two
                    .entry(hash)
                    .and_modify(|places| {
                        if places.1 == NONE {
                            places.1 = index;
                        }
                    })
                    .or_insert((index, NONE));
            }
        }
        Article {
            paragraphs,
            paragraphs_using,
            first_two,
        }
    }

    /// The summary of paragraph `index` (which must exist).
    pub fn summary(&self, index: usize) -> &'a Summary {
        &self.paragraphs[index].local
    }

    /// Share of the content words `stems` (of a candidate) that the rest of
    /// the article also uses (0.0 when there are none). `counted` says
    /// whether the candidate itself was counted as article text.
    pub fn overlap(&self, stems: &[u64], counted: bool) -> f32 {
        if stems.is_empty() {
            return 0.0;
        }
        let own = u32::from(counted);
        tick_n(stems.len());
        let shared = stems
            .iter()
            .filter(|s| self.paragraphs_using.get(*s).copied().unwrap_or(0) > own)
            .count();
        shared as f32 / stems.len() as f32
    }

    /// The paragraph that repeats most of paragraph `index`'s text, with
    /// the share of its shingles found there. `None` when the paragraph is
    /// too short to judge or nothing repeats it.
    ///
    /// Each shingle points to the first paragraph other than `index` that
    /// contains it; the paragraph with the most shingles (counted with
    /// their repeats) wins, the earlier one on a tie.
    pub fn repeated_in(&self, index: usize) -> Option<(usize, f32)> {
        let para = self.summary(index);
        if para.shingle_count == 0 {
            return None;
        }
        let me = index as u32;
        // a look-up per shingle, then a sort of the hits and a sweep of them
        tick_n(3 * para.shingles.len());
        let mut hits: Vec<(u32, u32)> = para
            .shingles
            .iter()
            .filter_map(|(hash, occurrences)| {
                let &(first, second) = self.first_two.get(hash)?;
                let other = if first == me { second } else { first };
                (other != NONE).then_some((other, *occurrences))
            })
            .collect();
        hits.sort_unstable();
        let mut best: Option<(u32, u32)> = None;
        for run in hits.chunk_by(|a, b| a.0 == b.0) {
            let count = run.iter().map(|h| h.1).sum();
            if best.is_none_or(|(_, most)| count > most) {
                best = Some((run[0].0, count));
            }
        }
        let (other, count) = best?;
        Some((other as usize, count as f32 / para.shingle_count as f32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::boilerplate::local::Furniture;
    use crate::analysis::driver::Driver;

    fn with_article<T>(texts: &[&str], counted: &[bool], check: impl FnOnce(&Article) -> T) -> T {
        let mut driver = Driver::default();
        let model = driver.model(&texts.join("\n\n"));
        let locals = driver.locals_of(&Furniture, &model);
        check(&Article::new(&locals, counted))
    }

    fn all_repeats(article: &Article, n: usize) -> Vec<Option<(usize, f32)>> {
        (0..n).map(|i| article.repeated_in(i)).collect()
    }

    #[test]
    fn overlap_counts_words_used_elsewhere() {
        let texts = [
            "Council approves new transit budget.",
            "The council voted on the transit budget on Monday.",
            "Zoo welcomes twin leopard cubs",
        ];
        with_article(&texts, &[true, true, false], |a| {
            assert_eq!(a.overlap(&a.summary(2).topic_stems, false), 0.0);
            // council, budget and transit are shared; "approves" is not.
            assert_eq!(a.overlap(&a.summary(0).topic_stems, true), 0.75);
        });
    }

    #[test]
    fn repeated_text_points_to_the_longer_paragraph() {
        let texts = [
            "Headline here",
            "\u{201c}We will rebuild the bridge by spring,\u{201d} the mayor said on Friday.",
            "We will rebuild the bridge by spring",
        ];
        with_article(&texts, &[true; 3], |a| {
            assert_eq!(a.repeated_in(2), Some((1, 1.0)));
            assert_eq!(a.repeated_in(0), None);
            assert_eq!(a.summary(1).cues.word_count, 12);
            assert!(a.summary(1).cues.has_quotes && !a.summary(2).cues.has_quotes);
        });
    }

    #[test]
    fn an_elided_pull_quote_still_matches_its_source() {
        let texts = [
            "Headline here",
            "If the city wants to spend this money, and it does, it should say where it goes.",
            "If the city wants to spend this money ... it should say where it goes",
        ];
        with_article(&texts, &[true; 3], |a| {
            assert_eq!(a.repeated_in(2), Some((1, 1.0)));
        });
    }

    #[test]
    fn copies_of_one_paragraph_point_to_the_first_and_the_first_to_the_second() {
        let line = "The ferry will run every hour from May until the end of September.";
        let texts = [
            "Headline here",
            line,
            "Other text entirely here.",
            line,
            line,
        ];
        with_article(&texts, &[true; 5], |a| {
            assert_eq!(
                all_repeats(a, 5),
                [None, Some((3, 1.0)), None, Some((1, 1.0)), Some((1, 1.0))]
            );
        });
    }

    #[test]
    fn a_shingle_repeated_within_one_paragraph_is_not_shared() {
        let texts = ["Headline", "one two three four one two three four"];
        with_article(&texts, &[true; 2], |a| assert_eq!(a.repeated_in(1), None));
    }
}
