//! What the whole article says: which content words its paragraphs use (to
//! tell an unrelated teaser headline from a subhead of the story) and which
//! runs of words are repeated (to find pull quotes that repeat a line of
//! the story).
//!
//! The context is built from the paragraphs' cached [`Summary`]s and kept
//! between analyses: [`DocContext::update`] compares the new list of
//! paragraphs with the last one and only takes out and puts in the
//! paragraphs in between the unchanged start and end, so after an edit its
//! cost is that of the edited paragraphs plus a walk over the list (and
//! over the shingles that occur in two paragraphs or more). Every look-up
//! is then proportional to the candidate's length only.

use std::hash::Hasher;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::features::Features;
use super::local::Summary;

/// Words per shingle when looking for repeated text.
const SHINGLE: usize = 4;

/// The paragraph texts (by [`Summary::id`]) that contain one shingle.
#[derive(Debug)]
struct Owners {
    first: u64,
    more: Vec<u64>,
    /// Number of paragraphs of the document containing it (a text that
    /// occurs twice counts twice).
    paragraphs: usize,
}

impl Owners {
    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }

    /// Take out the owner `id`; false when none is left.
    fn remove(&mut self, id: u64) -> bool {
        if self.first == id {
            match self.more.pop() {
                Some(last) => self.first = last,
                None => return false,
            }
        } else if let Some(at) = self.more.iter().position(|&o| o == id) {
            self.more.swap_remove(at);
        }
        true
    }
}

/// Where a paragraph text stands in the document: its first two indices
/// and how often it occurs.
#[derive(Debug, Clone, Copy)]
struct Place {
    first: usize,
    second: Option<usize>,
    copies: usize,
}

#[derive(Debug, Default)]
pub struct DocContext {
    /// The document's paragraphs, by index, as of the last update.
    paragraphs: Vec<Arc<Summary>>,
    /// Whether each paragraph counts as article text.
    counted: Vec<bool>,
    /// Where each paragraph text stands.
    places: FxHashMap<u64, Place>,
    /// Content stem (hashed) → number of article paragraphs that use it.
    paragraphs_using: FxHashMap<u64, u32>,
    /// Shingle hash → the paragraph texts it occurs in.
    shingles: FxHashMap<u64, Owners>,
    /// The shingles that occur in two paragraphs or more.
    shared: FxHashSet<u64>,
    /// (Paragraph text, whether at its first index) → the paragraph that
    /// repeats most of its shingles, and how many of them.
    repeats: FxHashMap<(u64, bool), (usize, usize)>,
}

impl DocContext {
    /// Build the context from all paragraphs; `in_article[i]` says whether
    /// paragraph `i` counts as article text (not already found furniture).
    #[cfg(test)]
    pub fn new(paragraphs: Vec<Arc<Summary>>, in_article: Vec<bool>) -> Self {
        let mut ctx = DocContext::default();
        ctx.update(paragraphs, in_article);
        ctx
    }

    /// Make this the context of a new version of the document: its
    /// `paragraphs`, and `in_article[i]` saying whether paragraph `i`
    /// counts as article text. Only the paragraphs between the unchanged
    /// start and end of the list are taken out and put in again.
    pub fn update(&mut self, paragraphs: Vec<Arc<Summary>>, in_article: Vec<bool>) {
        let old = std::mem::replace(&mut self.paragraphs, paragraphs);
        let old_counted = std::mem::replace(&mut self.counted, in_article);
        let same = |i: usize, j: usize| {
            Arc::ptr_eq(&old[i], &self.paragraphs[j]) && old_counted.get(i) == self.counted.get(j)
        };
        let both = old.len().min(self.paragraphs.len());
        let prefix = (0..both).take_while(|&i| same(i, i)).count();
        let suffix = (0..both - prefix)
            .take_while(|&k| same(old.len() - 1 - k, self.paragraphs.len() - 1 - k))
            .count();
        let removed = prefix..old.len() - suffix;
        let added = prefix..self.paragraphs.len() - suffix;

        for i in removed.clone() {
            if old_counted.get(i).copied().unwrap_or(false) {
                self.count_stems(&old[i], -1);
            }
        }
        for i in added.clone() {
            if self.counted.get(i).copied().unwrap_or(false) {
                let para = Arc::clone(&self.paragraphs[i]);
                self.count_stems(&para, 1);
            }
        }

        let shifted = removed.len() != added.len();
        let mut changed: Vec<&Arc<Summary>> =
            old[removed].iter().chain(&self.paragraphs[added]).collect();
        changed.sort_unstable_by_key(|s| s.id);
        changed.dedup_by_key(|s| s.id);
        let changed: Vec<Arc<Summary>> = changed.into_iter().cloned().collect();
        let copies =
            |places: &FxHashMap<u64, Place>, id: u64| places.get(&id).map_or(0, |p| p.copies);
        let old_copies: Vec<usize> = changed.iter().map(|p| copies(&self.places, p.id)).collect();
        self.place_again(&changed, shifted);
        for (para, old_copies) in changed.iter().zip(old_copies) {
            let new_copies = copies(&self.places, para.id);
            self.recount_shingles(para, old_copies, new_copies);
        }
        // Where paragraphs moved, every repeat may point elsewhere; else
        // only those of texts sharing a shingle with a changed paragraph.
        let affected: Vec<u64> = if shifted {
            self.repeats.clear();
            self.shared
                .iter()
                .filter_map(|hash| self.shingles.get(hash))
                .flat_map(Owners::iter)
                .collect()
        } else {
            let mut ids: Vec<u64> = changed.iter().map(|p| p.id).collect();
            for para in &changed {
                for (hash, _) in &para.shingles {
                    if let Some(owners) = self.shingles.get(hash) {
                        ids.extend(owners.iter());
                    }
                }
            }
            ids
        };
        self.find_repeats(affected);
    }

    /// Bring [`DocContext::places`] up to date after the texts `changed`
    /// were taken out or put in. Where no paragraph moved, only their
    /// places can have changed.
    fn place_again(&mut self, changed: &[Arc<Summary>], shifted: bool) {
        if shifted || changed.len() > 8 {
            self.places = places(&self.paragraphs);
            return;
        }
        for para in changed {
            self.places.remove(&para.id);
            let mut at = self
                .paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| Arc::ptr_eq(p, para))
                .map(|(index, _)| index);
            if let Some(first) = at.next() {
                let second = at.next();
                let copies = 1 + usize::from(second.is_some()) + at.count();
                self.places.insert(
                    para.id,
                    Place {
                        first,
                        second,
                        copies,
                    },
                );
            }
        }
    }

    /// Add `delta` (±1) to the count of every content stem of `para`.
    fn count_stems(&mut self, para: &Summary, delta: i32) {
        for &stem in &para.topic_stems {
            let count = self.paragraphs_using.entry(stem).or_insert(0);
            *count = count.saturating_add_signed(delta);
            if *count == 0 {
                self.paragraphs_using.remove(&stem);
            }
        }
    }

    /// Record that the text of `para` now occurs `new` times in the
    /// document instead of `old`.
    fn recount_shingles(&mut self, para: &Summary, old: usize, new: usize) {
        if old == new {
            return;
        }
        for &(hash, _) in &para.shingles {
            let owner = para.id;
            let before = self.shingles.get(&hash).map_or(0, |o| o.paragraphs);
            let after = before + new - old;
            if old == 0 {
                match self.shingles.get_mut(&hash) {
                    Some(owners) => owners.more.push(owner),
                    None => {
                        self.shingles.insert(
                            hash,
                            Owners {
                                first: owner,
                                more: Vec::new(),
                                paragraphs: 0,
                            },
                        );
                    }
                }
            } else if new == 0 {
                let left = self
                    .shingles
                    .get_mut(&hash)
                    .is_some_and(|owners| owners.remove(para.id));
                if !left {
                    self.shingles.remove(&hash);
                }
            }
            if let Some(owners) = self.shingles.get_mut(&hash) {
                owners.paragraphs = after;
            }
            match (before >= 2, after >= 2) {
                (false, true) => {
                    self.shared.insert(hash);
                }
                (true, false) => {
                    self.shared.remove(&hash);
                }
                _ => {}
            }
        }
    }

    /// Find again, for each paragraph text of `ids`, the paragraph that
    /// repeats most of its shingles, once for the text's first index and
    /// once for its other indices (see [`DocContext::repeated_in`]).
    ///
    /// A shingle of paragraph `i` points to the first paragraph other than
    /// `i` that contains it: the first one of all for every paragraph but
    /// that one, which gets the second.
    fn find_repeats(&mut self, mut ids: Vec<u64>) {
        ids.sort_unstable();
        ids.dedup();
        // The first two paragraphs of each shingle looked at: (first, the
        // text there, second).
        let mut tops: FxHashMap<u64, (usize, u64, usize)> = FxHashMap::default();
        for id in ids {
            self.repeats.remove(&(id, true));
            self.repeats.remove(&(id, false));
            let Some(place) = self.places.get(&id) else {
                continue;
            };
            let Some(para) = self.paragraphs.get(place.first) else {
                continue;
            };
            let mut at_first: Vec<(usize, u32)> = Vec::new();
            let mut elsewhere: Vec<(usize, u32)> = Vec::new();
            for &(hash, occurrences) in &para.shingles {
                let Some(owners) = self.shingles.get(&hash) else {
                    continue;
                };
                if owners.paragraphs < 2 {
                    continue;
                }
                let (first, first_id, second) = *tops
                    .entry(hash)
                    .or_insert_with(|| first_two(owners, &self.places));
                let other = if first_id == id { second } else { first };
                at_first.push((other, occurrences));
                if place.copies > 1 {
                    elsewhere.push((first, occurrences));
                }
            }
            if let Some(best) = most_hits(at_first) {
                self.repeats.insert((id, true), best);
            }
            if let Some(best) = most_hits(elsewhere) {
                self.repeats.insert((id, false), best);
            }
        }
    }

    /// Share of the content words `stems` (of a candidate) that the rest of
    /// the article also uses (0.0 when there are none). `counted` says
    /// whether the candidate itself was counted as article text.
    pub fn overlap(&self, stems: &[u64], counted: bool) -> f32 {
        if stems.is_empty() {
            return 0.0;
        }
        let own = u32::from(counted);
        let shared = stems
            .iter()
            .filter(|s| self.paragraphs_using.get(*s).copied().unwrap_or(0) > own)
            .count();
        shared as f32 / stems.len() as f32
    }

    /// The paragraph that repeats most of paragraph `index`'s text, with
    /// the share of its shingles found there. `None` when the paragraph is
    /// too short to judge or nothing repeats it.
    pub fn repeated_in(&self, index: usize) -> Option<(usize, f32)> {
        let para = self.paragraphs.get(index)?;
        if para.shingle_count == 0 {
            return None;
        }
        let lead = self.places.get(&para.id)?.first == index;
        let &(other, count) = self.repeats.get(&(para.id, lead))?;
        Some((other, count as f32 / para.shingle_count as f32))
    }

    /// Word count of paragraph `index`.
    pub fn length(&self, index: usize) -> usize {
        self.paragraphs
            .get(index)
            .map_or(0, |p| p.cues.word_count())
    }

    /// Whether paragraph `index` contains quotation marks.
    pub fn quoted(&self, index: usize) -> bool {
        self.paragraphs
            .get(index)
            .is_some_and(|p| p.cues.has_quotes())
    }

    /// The summary of paragraph `index`.
    pub fn summary(&self, index: usize) -> Option<&Summary> {
        self.paragraphs.get(index).map(|p| &**p)
    }
}

/// The first two paragraphs that contain a shingle of `owners`: (the
/// first, the text there, the second).
fn first_two(owners: &Owners, places: &FxHashMap<u64, Place>) -> (usize, u64, usize) {
    let mut first = (usize::MAX, 0);
    let mut second = usize::MAX;
    for owner in owners.iter() {
        let Some(place) = places.get(&owner) else {
            continue;
        };
        for at in std::iter::once(place.first).chain(place.second) {
            if at < first.0 {
                second = first.0;
                first = (at, owner);
            } else if at < second {
                second = at;
            }
        }
    }
    (first.0, first.1, second)
}

/// The paragraph with the most `hits` (paragraph, occurrences), and their
/// number; the earlier paragraph on a tie.
fn most_hits(mut hits: Vec<(usize, u32)>) -> Option<(usize, usize)> {
    hits.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let mut start = 0;
    while let Some(&(other, _)) = hits.get(start) {
        let run = hits[start..].iter().take_while(|h| h.0 == other).count();
        let count: usize = hits[start..start + run].iter().map(|h| h.1 as usize).sum();
        if best.is_none_or(|(_, most)| count > most) {
            best = Some((other, count));
        }
        start += run;
    }
    best
}

/// Where each paragraph text of `paragraphs` stands.
fn places(paragraphs: &[Arc<Summary>]) -> FxHashMap<u64, Place> {
    let mut out: FxHashMap<u64, Place> =
        FxHashMap::with_capacity_and_hasher(paragraphs.len(), Default::default());
    for (index, para) in paragraphs.iter().enumerate() {
        out.entry(para.id)
            .and_modify(|p| {
                p.copies += 1;
                p.second.get_or_insert(index);
            })
            .or_insert(Place {
                first: index,
                second: None,
                copies: 1,
            });
    }
    out
}

/// Hashes of every [`SHINGLE`] consecutive words (letters and digits
/// only, so quotation marks do not matter). A shingle never spans a
/// punctuation-only token or an ellipsis, so a pull quote that elides part
/// of the original still matches it piece by piece.
pub fn shingle_hashes(para: &Features<'_>) -> Vec<u64> {
    let mut out = Vec::with_capacity(para.words.len());
    let mut window: [u64; SHINGLE] = [0; SHINGLE];
    let mut filled = 0;
    for (token, &hash) in para.tokens.iter().zip(&para.word_hashes) {
        if hash == 0 {
            filled = 0;
            continue;
        }
        window.rotate_left(1);
        window[SHINGLE - 1] = hash;
        filled += 1;
        if filled >= SHINGLE {
            let mut hasher = FxHasher::default();
            for h in window {
                hasher.write_u64(h);
            }
            out.push(hasher.finish());
        }
        if token.ends_with("...") || token.ends_with('…') {
            filled = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Summaries of `texts`, each text its own id (by first occurrence), so
    /// identical texts share one summary as in the pass's memo.
    fn summaries(texts: &[&str]) -> Vec<Arc<Summary>> {
        let mut made: Vec<(&str, Arc<Summary>)> = Vec::new();
        texts
            .iter()
            .map(|&t| {
                if let Some((_, s)) = made.iter().find(|(m, _)| *m == t) {
                    return Arc::clone(s);
                }
                let s = Arc::new(Summary::new(made.len() as u64, t, &[]));
                made.push((t, Arc::clone(&s)));
                s
            })
            .collect()
    }

    fn all_repeats(ctx: &DocContext, n: usize) -> Vec<Option<(usize, f32)>> {
        (0..n).map(|i| ctx.repeated_in(i)).collect()
    }

    #[test]
    fn overlap_counts_words_used_elsewhere() {
        let paras = summaries(&[
            "Council approves new transit budget.",
            "The council voted on the transit budget on Monday.",
            "Zoo welcomes twin leopard cubs",
        ]);
        let ctx = DocContext::new(paras.clone(), vec![true, true, false]);
        assert_eq!(ctx.overlap(&paras[2].topic_stems, false), 0.0);
        // council, budget and transit are shared; "approves" is not.
        assert_eq!(ctx.overlap(&paras[0].topic_stems, true), 0.75);
    }

    #[test]
    fn repeated_text_points_to_the_longer_paragraph() {
        let paras = summaries(&[
            "Headline here",
            "\u{201c}We will rebuild the bridge by spring,\u{201d} the mayor said on Friday.",
            "We will rebuild the bridge by spring",
        ]);
        let ctx = DocContext::new(paras, vec![true, true, true]);
        assert_eq!(ctx.repeated_in(2), Some((1, 1.0)));
        assert_eq!(ctx.repeated_in(0), None);
        assert_eq!(ctx.length(1), 12);
        assert!(ctx.quoted(1) && !ctx.quoted(2));
    }

    #[test]
    fn an_elided_pull_quote_still_matches_its_source() {
        let paras = summaries(&[
            "Headline here",
            "If the city wants to spend this money, and it does, it should say where it goes.",
            "If the city wants to spend this money ... it should say where it goes",
        ]);
        let ctx = DocContext::new(paras, vec![true, true, true]);
        assert_eq!(ctx.repeated_in(2), Some((1, 1.0)));
    }

    #[test]
    fn copies_of_one_paragraph_point_to_the_first_and_the_first_to_the_second() {
        let line = "The ferry will run every hour from May until the end of September.";
        let paras = summaries(&[
            "Headline here",
            line,
            "Other text entirely here.",
            line,
            line,
        ]);
        let ctx = DocContext::new(paras, vec![true; 5]);
        assert_eq!(
            all_repeats(&ctx, 5),
            [None, Some((3, 1.0)), None, Some((1, 1.0)), Some((1, 1.0))]
        );
    }

    #[test]
    fn a_shingle_repeated_within_one_paragraph_is_not_shared() {
        let paras = summaries(&["Headline", "one two three four one two three four"]);
        let ctx = DocContext::new(paras, vec![true, true]);
        assert_eq!(ctx.repeated_in(1), None);
    }

    /// After any sequence of updates the context answers as one built
    /// afresh for the last version.
    #[test]
    fn updates_give_what_a_fresh_context_gives() {
        let source = "The mayor said the bridge will reopen to traffic before winter comes.";
        let pull = "the bridge will reopen to traffic before winter";
        let other = "Council members approved the budget for bridge repairs on Monday.";
        let versions: &[&[&str]] = &[
            &["Bridge to reopen", source, other, pull],
            // The source is edited: the pull quote repeats nothing now.
            &["Bridge to reopen", "The mayor said nothing.", other, pull],
            // A paragraph is inserted before it all: indices shift.
            &["Advertisement", "Bridge to reopen", source, other, pull],
            // The pull quote comes first, then twice; a paragraph goes.
            &[pull, "Bridge to reopen", source, pull],
            &["Bridge to reopen", source, other, pull],
        ];
        let mut ctx = DocContext::default();
        let mut memo: Vec<(&str, Arc<Summary>)> = Vec::new();
        for (round, texts) in versions.iter().enumerate() {
            // Reuse summaries across versions, as the pass's memo does.
            let paras: Vec<Arc<Summary>> = texts
                .iter()
                .map(|&t| {
                    if let Some((_, s)) = memo.iter().find(|(m, _)| *m == t) {
                        return Arc::clone(s);
                    }
                    let s = Arc::new(Summary::new(100 + memo.len() as u64, t, &[]));
                    memo.push((t, Arc::clone(&s)));
                    s
                })
                .collect();
            let counted: Vec<bool> = texts.iter().map(|t| *t != "Advertisement").collect();
            ctx.update(paras.clone(), counted.clone());
            let fresh = DocContext::new(summaries(texts), counted);
            assert_eq!(
                all_repeats(&ctx, texts.len()),
                all_repeats(&fresh, texts.len()),
                "version {round}"
            );
            for para in &paras {
                assert_eq!(
                    ctx.overlap(&para.topic_stems, true),
                    fresh.overlap(&para.topic_stems, true),
                    "version {round}"
                );
            }
            assert_eq!(ctx.paragraphs_using, fresh.paragraphs_using);
            assert_eq!(ctx.shared, fresh.shared);
        }
        // The first version: the pull quote (index 3) repeats the source.
        assert_eq!(ctx.repeated_in(3), Some((1, 1.0)));
    }
}
