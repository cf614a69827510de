//! What the whole article says, computed once: which content words each
//! paragraph uses (to tell an unrelated teaser headline from a subhead of
//! the story) and which runs of words are repeated (to find pull quotes
//! that repeat a line of the story).
//!
//! Both are hash maps filled in one pass over the paragraphs, so every
//! later look-up is proportional to the candidate's length only.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::features::Features;

/// Words per shingle when looking for repeated text.
const SHINGLE: usize = 4;

/// Which paragraphs contain a shingle: the first one, and another if any.
#[derive(Debug, Clone, Copy)]
struct Owners {
    first: usize,
    other: Option<usize>,
}

#[derive(Debug, Default)]
pub struct DocContext {
    /// Content stem (hashed) → number of article paragraphs that use it.
    paragraphs_using: FxHashMap<u64, u32>,
    /// Shingle hash → the paragraphs it occurs in.
    shingles: FxHashMap<u64, Owners>,
    /// Word count of every paragraph, by index.
    lengths: Vec<usize>,
    /// Whether each paragraph contains quotation marks, by index.
    quoted: Vec<bool>,
}

impl DocContext {
    /// Build the context from all paragraphs; `in_article[i]` says whether
    /// paragraph `i` counts as article text (not already found furniture).
    pub fn new(paragraphs: &[Features<'_>], in_article: &[bool]) -> Self {
        let words: usize = paragraphs.iter().map(|p| p.words.len()).sum();
        let mut ctx = DocContext {
            paragraphs_using: FxHashMap::with_capacity_and_hasher(words / 2, Default::default()),
            shingles: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            lengths: paragraphs.iter().map(Features::word_count).collect(),
            quoted: paragraphs.iter().map(Features::has_quotes).collect(),
        };
        for (index, para) in paragraphs.iter().enumerate() {
            if in_article.get(index).copied().unwrap_or(false) {
                for &stem in &para.topic_stems {
                    *ctx.paragraphs_using.entry(stem).or_insert(0) += 1;
                }
            }
            for hash in shingle_hashes(para) {
                ctx.shingles
                    .entry(hash)
                    .and_modify(|o| {
                        if o.first != index && o.other.is_none() {
                            o.other = Some(index);
                        }
                    })
                    .or_insert(Owners {
                        first: index,
                        other: None,
                    });
            }
        }
        ctx
    }

    /// Share of the candidate's content words that the rest of the article
    /// also uses (0.0 when it has none). `counted` says whether the
    /// candidate itself was counted as article text.
    pub fn overlap(&self, para: &Features<'_>, counted: bool) -> f32 {
        let stems = &para.topic_stems;
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
    pub fn repeated_in(&self, index: usize, para: &Features<'_>) -> Option<(usize, f32)> {
        let hashes = shingle_hashes(para);
        if hashes.is_empty() {
            return None;
        }
        let mut hits: FxHashMap<usize, usize> = FxHashMap::default();
        for hash in &hashes {
            if let Some(owners) = self.shingles.get(hash) {
                let other = if owners.first == index {
                    owners.other
                } else {
                    Some(owners.first)
                };
                if let Some(other) = other {
                    *hits.entry(other).or_insert(0) += 1;
                }
            }
        }
        hits.into_iter()
            .max_by_key(|&(other, count)| (count, std::cmp::Reverse(other)))
            .map(|(other, count)| (other, count as f32 / hashes.len() as f32))
    }

    /// Word count of paragraph `index`.
    pub fn length(&self, index: usize) -> usize {
        self.lengths.get(index).copied().unwrap_or(0)
    }

    /// Whether paragraph `index` contains quotation marks.
    pub fn quoted(&self, index: usize) -> bool {
        self.quoted.get(index).copied().unwrap_or(false)
    }
}

/// Hashes of every [`SHINGLE`] consecutive words (letters and digits
/// only, so quotation marks do not matter). A shingle never spans a
/// punctuation-only token or an ellipsis, so a pull quote that elides part
/// of the original still matches it piece by piece.
fn shingle_hashes(para: &Features<'_>) -> Vec<u64> {
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

    fn features(texts: &[&'static str]) -> Vec<Features<'static>> {
        texts.iter().map(|t| Features::new(t, &[])).collect()
    }

    #[test]
    fn overlap_counts_words_used_elsewhere() {
        let paras = features(&[
            "Council approves new transit budget.",
            "The council voted on the transit budget on Monday.",
            "Zoo welcomes twin leopard cubs",
        ]);
        let ctx = DocContext::new(&paras, &[true, true, false]);
        assert_eq!(ctx.overlap(&paras[2], false), 0.0);
        // council, budget and transit are shared; "approves" is not.
        assert_eq!(ctx.overlap(&paras[0], true), 0.75);
    }

    #[test]
    fn repeated_text_points_to_the_longer_paragraph() {
        let paras = features(&[
            "Headline here",
            "\u{201c}We will rebuild the bridge by spring,\u{201d} the mayor said on Friday.",
            "We will rebuild the bridge by spring",
        ]);
        let ctx = DocContext::new(&paras, &[true, true, true]);
        assert_eq!(ctx.repeated_in(2, &paras[2]), Some((1, 1.0)));
        assert_eq!(ctx.repeated_in(0, &paras[0]), None);
        assert_eq!(ctx.length(1), 12);
        assert!(ctx.quoted(1) && !ctx.quoted(2));
    }

    #[test]
    fn an_elided_pull_quote_still_matches_its_source() {
        let paras = features(&[
            "Headline here",
            "If the city wants to spend this money, and it does, it should say where it goes.",
            "If the city wants to spend this money ... it should say where it goes",
        ]);
        let ctx = DocContext::new(&paras, &[true, true, true]);
        assert_eq!(ctx.repeated_in(2, &paras[2]), Some((1, 1.0)));
    }
}
