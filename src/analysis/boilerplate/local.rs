//! The local step of the pass: everything one paragraph's text decides,
//! as a [`driver::Pass`] over the paragraph's text model.
//!
//! A [`Summary`] holds the verdict of the strong rules, the cues of the
//! contextual rules, and the content stems and shingles the document-wide
//! step ([`super::article`]) is built from. It depends on the paragraph's
//! text alone (the pass has no key), so the driver keeps it between
//! analyses and an edit re-summarises only the paragraphs it touched. The
//! user's patterns (`Config::extra_boilerplate`) are not part of it: they
//! may change between analyses, so the document-wide step runs them on
//! every paragraph each time.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::BoilerplateKind;
use super::contextual::Cues;
use super::evidence::LocalEvidence;
use super::strong;
use super::weights as w;
use super::words::{Features, hash_str};
use crate::analysis::driver::Pass;
use crate::analysis::text::ParagraphModel;
use crate::analysis::work::tick;

/// The boilerplate pass's local step.
#[derive(Debug, Default, Clone, Copy)]
pub struct Furniture;

impl Pass for Furniture {
    type Key = ();
    type Local = Summary;

    fn local(&self, para: &ParagraphModel, _: &()) -> Summary {
        Summary::of(para)
    }
}

/// What the pass knows of one paragraph from its text alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The verdict of the strong rules.
    pub strong: Option<BoilerplateKind>,
    /// What the contextual rules look at.
    pub cues: Cues,
    /// A paragraph of running prose: a dozen words or more, ending as a
    /// sentence.
    pub body: bool,
    /// Hashes of the distinct content stems, sorted.
    pub topic_stems: Box<[u64]>,
    /// Number of shingles, repeats included.
    pub shingle_count: usize,
    /// The distinct shingle hashes, sorted, each with how often it occurs.
    pub shingles: Box<[(u64, u32)]>,
    /// What its text says to the scored evidence.
    pub evidence: LocalEvidence,
}

impl Summary {
    pub fn of(para: &ParagraphModel) -> Self {
        let f = Features::new(para);
        let mut hashes = shingle_hashes(&f);
        let shingle_count = hashes.len();
        // a sort: counted as linear, the test's ratio leaves room for its log
        crate::analysis::work::tick_n(hashes.len());
        hashes.sort_unstable();
        let evidence = LocalEvidence::of(&f);
        Summary {
            strong: strong::strong(&f),
            cues: Cues::of(&f),
            body: f.word_count() >= w::BODY_WORDS && f.ends_as_sentence(),
            topic_stems: f.topic_stems.into_boxed_slice(),
            shingle_count,
            shingles: count_runs(&hashes).into_boxed_slice(),
            evidence,
        }
    }
}

/// Hashes of every run of [`w::SHINGLE_WORDS`] consecutive words. Marks
/// glued to words (quotation marks, commas) do not matter; a run never
/// spans a mark standing alone (" — ") or an ellipsis, so a pull quote that
/// elides part of the original still matches it piece by piece.
fn shingle_hashes(f: &Features<'_>) -> Vec<u64> {
    let mut out = Vec::with_capacity(f.words.len());
    let mut window = [0u64; w::SHINGLE_WORDS];
    let mut filled = 0;
    let mut next_token = 0;
    for word in &f.words {
        // A break among the marks between the last word and this one.
        if (next_token..word.at).any(|i| {
            tick();
            breaks_run(f, i)
        }) {
            filled = 0;
        }
        next_token = word.at + 1;
        tick();
        window.rotate_left(1);
        window[w::SHINGLE_WORDS - 1] = hash_str(word.lower);
        filled += 1;
        if filled >= w::SHINGLE_WORDS {
            let mut hasher = FxHasher::default();
            for h in window {
                hasher.write_u64(h);
            }
            out.push(hasher.finish());
        }
    }
    out
}

/// Whether token `i` ends a run of words: a mark standing alone, or an
/// ellipsis ("…", "...").
fn breaks_run(f: &Features<'_>, i: usize) -> bool {
    let tokens = f.tokens();
    let token = &tokens[i];
    if token.is_word() {
        return false;
    }
    match f.token_text(token) {
        "…" => true,
        "." => {
            let dot = |j: usize| tokens.get(j).is_some_and(|t| f.token_text(t) == ".");
            (i > 0 && dot(i - 1)) || dot(i + 1) || f.stands_alone(i)
        }
        _ => f.stands_alone(i),
    }
}

/// Each distinct value of the sorted `values` with the length of its run.
fn count_runs(values: &[u64]) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(values.len());
    for &value in values {
        tick();
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
    use crate::analysis::driver::Driver;

    fn summary(text: &str) -> Summary {
        let model = Driver::default().model(text);
        Summary::of(&model.paragraphs[0])
    }

    #[test]
    fn runs_are_counted() {
        assert_eq!(count_runs(&[1, 1, 2, 5, 5, 5]), [(1, 2), (2, 1), (5, 3)]);
        assert_eq!(count_runs(&[]), []);
    }

    #[test]
    fn a_summary_counts_repeated_shingles_once_with_their_count() {
        let s = summary("one two three four one two three four");
        // Five windows of four words, two of them the same text.
        assert_eq!(s.shingle_count, 5);
        assert_eq!(s.shingles.len(), 4);
        assert_eq!(s.shingles.iter().map(|&(_, n)| n).sum::<u32>(), 5);
        assert_eq!(s.strong, None);
    }

    #[test]
    fn shingles_stop_at_ellipses_and_lone_marks_only() {
        assert_eq!(summary("“One two,” three four five").shingle_count, 2);
        assert_eq!(summary("one two three ... four five six").shingle_count, 0);
        assert_eq!(summary("one two three... four five six").shingle_count, 0);
        assert_eq!(summary("one two three — four five six").shingle_count, 0);
    }

    #[test]
    fn a_summary_carries_the_strong_verdict() {
        let s = summary("Advertisement");
        assert_eq!(s.strong, Some(BoilerplateKind::Ad));
        assert!(!s.body);
    }
}
