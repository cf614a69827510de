//! The local step of the pass: everything it needs to know about one
//! paragraph that the paragraph's text alone decides.
//!
//! A [`Summary`] holds the verdict of the strong rules, the cues of the
//! contextual rules, and the content stems and shingles the article-wide
//! [`super::context::DocContext`] is built from. It is owned and holds no
//! offsets, so the pass keeps it between analyses, by paragraph text (see
//! [`crate::analysis::memo`]); an edit re-summarises only the paragraphs it
//! touched. The user's patterns (`Config::extra_boilerplate`) are not part
//! of it: they are cheap and may change between analyses, so the
//! document-wide step runs them on every paragraph each time.

use super::BoilerplateKind;
use super::context::shingle_hashes;
use super::features::Features;
use super::rules::{self, Cues};

/// What the pass knows of one paragraph from its text alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Unique among the summaries of one cache: tells apart two paragraphs
    /// in the document-wide tables (identical paragraphs share one summary).
    pub id: u64,
    /// The verdict of the strong rules.
    pub strong: Option<BoilerplateKind>,
    /// What the contextual rules look at.
    pub cues: Cues,
    /// A paragraph of running prose (see `is_body_paragraph`).
    pub body: bool,
    /// Hashes of the distinct content stems, sorted (see
    /// [`Features::topic_stems`]).
    pub topic_stems: Box<[u64]>,
    /// Number of shingles, repeats included.
    pub shingle_count: usize,
    /// The distinct shingle hashes, sorted, each with how often it occurs.
    pub shingles: Box<[(u64, u32)]>,
}

impl Summary {
    /// Summarise paragraph `text`, whose sentences are `sentence_texts`.
    pub fn new(id: u64, text: &str, sentence_texts: &[&str]) -> Self {
        let f = Features::new(text, sentence_texts);
        let mut hashes = shingle_hashes(&f);
        let shingle_count = hashes.len();
        hashes.sort_unstable();
        Summary {
            id,
            strong: rules::strong(&f),
            cues: Cues::of(&f),
            body: super::is_body_paragraph(&f),
            topic_stems: f.topic_stems.into_boxed_slice(),
            shingle_count,
            shingles: count_runs(&hashes).into_boxed_slice(),
        }
    }
}

/// Each distinct value of the sorted `values` with the length of its run.
fn count_runs(values: &[u64]) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(values.len());
    for &value in values {
        match out.last_mut() {
            Some((last, count)) if *last == value => *count += 1,
            _ => out.push((value, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_counted() {
        assert_eq!(count_runs(&[1, 1, 2, 5, 5, 5]), [(1, 2), (2, 1), (5, 3)]);
        assert_eq!(count_runs(&[]), []);
    }

    #[test]
    fn a_summary_counts_repeated_shingles_once_with_their_count() {
        let s = Summary::new(7, "one two three four one two three four", &[]);
        // Five windows of four words, two of them the same text.
        assert_eq!(s.shingle_count, 5);
        assert_eq!(s.shingles.len(), 4);
        assert_eq!(s.shingles.iter().map(|&(_, n)| n).sum::<u32>(), 5);
        assert_eq!(s.id, 7);
        assert_eq!(s.strong, None);
    }

    #[test]
    fn a_summary_carries_the_strong_verdict() {
        let s = Summary::new(0, "Advertisement", &["Advertisement"]);
        assert_eq!(s.strong, Some(BoilerplateKind::Ad));
        assert!(!s.body);
    }
}
