//! Paragraph memo: per-paragraph results kept between two analyses of the
//! same document, so an edit re-does only the paragraphs it touched.
//!
//! Most of the work of every pass depends on one paragraph's text alone
//! (its sentences, its word features, its name candidates, its quotation
//! marks). A pass that splits its work into such a *local* step, whose
//! result holds offsets relative to the paragraph's start, and a cheap
//! *document-wide* step over those results, keeps the local results in a
//! [`Memo`] keyed by the paragraph's text. The key is the text itself, not a
//! hash of it, so two different paragraphs can never share a result.
//!
//! A memo lives in an [`crate::analysis::Analyzer`], one per open document.
//! After each analysis the analyzer calls [`Memo::sweep`], which drops the
//! results no paragraph of that version used, so the memo never holds more
//! than one version's paragraphs (plus the ones shared with the previous).

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// Results of one pass's local step, by paragraph text.
///
/// Entries are filed under the hash of their text, each keeping the text to
/// compare, so a look-up hashes the paragraph once and a hash collision only
/// costs a comparison.
#[derive(Debug)]
pub struct Memo<T> {
    buckets: FxHashMap<u64, Vec<Entry<T>>>,
    /// Number of the analysis in progress; an entry used in it is kept.
    round: u64,
}

#[derive(Debug)]
struct Entry<T> {
    text: Box<str>,
    value: T,
    used_in: u64,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            buckets: FxHashMap::default(),
            round: 0,
        }
    }
}

impl<T> Memo<T> {
    /// The result for paragraph text `key`, computed by `make` unless a
    /// previous call (this round or the last) already did.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> T) -> &T {
        let round = self.round;
        let bucket = self.buckets.entry(FxBuildHasher.hash_one(key)).or_default();
        let index = match bucket.iter().position(|e| &*e.text == key) {
            Some(index) => index,
            None => {
                bucket.push(Entry {
                    text: key.into(),
                    value: make(),
                    used_in: round,
                });
                bucket.len() - 1
            }
        };
        let entry = &mut bucket[index];
        entry.used_in = round;
        &entry.value
    }

    /// End a round: forget every result the round did not use.
    pub fn sweep(&mut self) {
        let round = self.round;
        self.buckets.retain(|_, bucket| {
            bucket.retain(|e| e.used_in == round);
            !bucket.is_empty()
        });
        self.round += 1;
    }

    /// Number of paragraphs remembered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.buckets.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_seen_before_is_not_recomputed() {
        let mut memo = Memo::default();
        let mut calls = 0;
        let mut get = |memo: &mut Memo<usize>, key: &str| {
            *memo.get_or_insert_with(key, || {
                calls += 1;
                key.len()
            })
        };
        assert_eq!(get(&mut memo, "One paragraph."), 14);
        memo.sweep();
        assert_eq!(get(&mut memo, "One paragraph."), 14);
        assert_eq!(get(&mut memo, "Another."), 8);
        assert_eq!(calls, 2);
    }

    #[test]
    fn a_sweep_drops_what_the_round_did_not_use() {
        let mut memo = Memo::default();
        memo.get_or_insert_with("kept", || 1);
        memo.get_or_insert_with("dropped", || 2);
        memo.sweep();
        memo.get_or_insert_with("kept", || 3);
        memo.sweep();
        assert_eq!(memo.len(), 1);
        assert_eq!(*memo.get_or_insert_with("kept", || 4), 1);
        assert_eq!(*memo.get_or_insert_with("dropped", || 5), 5);
    }
}
