//! The lexicon's table of short words: every word of at most
//! [`PACKED_BYTES`] bytes (nearly every word a text has), packed into two
//! `u64`s and kept in one open-addressed array.
//!
//! Nearly every token of a document is looked up here, and the table (some
//! 60,000 words) is far larger than the processor's cache, so what a
//! look-up costs is the memory it touches. A packed key is compared as two
//! numbers held in the slot itself, never by following a pointer to the
//! word's text; and a slot holds its key and its tags together, so a
//! look-up reads one slot (one cache line, or two when it probes on),
//! where a general hash map reads a control byte and then a bucket. The
//! array is sized once, for twice the entries it can get, so it never
//! grows and probes stay short.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::Tags;

/// A word of at most [`PACKED_BYTES`] bytes as two numbers: its bytes
/// and, in the last byte, its length.
pub(super) type Packed = (u64, u64);

/// The longest word [`pack`] packs.
pub(super) const PACKED_BYTES: usize = 15;

/// A key no word packs to (its length byte is over [`PACKED_BYTES`]): an
/// empty slot.
const EMPTY: Packed = (0, u64::MAX);

/// `word` packed, if it is short enough.
pub(super) fn pack(word: &str) -> Option<Packed> {
    let bytes = word.as_bytes();
    if bytes.len() > PACKED_BYTES {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[PACKED_BYTES] = bytes.len() as u8;
    let n = u128::from_le_bytes(buf);
    Some((n as u64, (n >> 64) as u64))
}

/// Packed words and their tags, with linear probing.
pub(super) struct PackedTable {
    slots: Box<[(Packed, Tags)]>,
    /// `slots.len() - 1` (the length is a power of two).
    mask: usize,
}

impl PackedTable {
    /// A table for at most `entries` distinct words.
    pub(super) fn with_capacity(entries: usize) -> PackedTable {
        let len = (2 * entries).max(16).next_power_of_two();
        PackedTable {
            slots: vec![(EMPTY, Tags::default()); len].into_boxed_slice(),
            mask: len - 1,
        }
    }

    /// The slot of `key`: where it is, or the empty one where it would
    /// go. `None` only if the table is full and `key` not in it.
    fn find(&self, key: Packed) -> Option<usize> {
        let start = FxBuildHasher.hash_one(key) as usize & self.mask;
        (0..self.slots.len())
            .map(|probe| (start + probe) & self.mask)
            .find(|&i| {
                let slot = self.slots[i].0;
                slot == key || slot == EMPTY
            })
    }

    /// The tags of `key`, empty if it is not in the table.
    pub(super) fn get(&self, key: Packed) -> Tags {
        match self.find(key).map(|i| self.slots[i]) {
            Some((found, tags)) if found == key => tags,
            _ => Tags::default(),
        }
    }

    /// Adds `tags` to those of `key`. Returns false (and adds nothing)
    /// only if the table is full, which its sizing rules out.
    pub(super) fn add(&mut self, key: Packed, tags: Tags) -> bool {
        let Some(i) = self.find(key) else {
            return false;
        };
        let slot = &mut self.slots[i];
        *slot = (key, slot.1.union(tags));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_keep_their_tags_and_unknown_ones_have_none() {
        let mut table = PackedTable::with_capacity(3);
        let key = |w| pack(w).unwrap_or(EMPTY);
        assert!(table.add(key("said"), Tags::REPORTING_VERB));
        assert!(table.add(key("said"), Tags::PAST));
        assert!(table.add(key(""), Tags::TITLE));
        assert_eq!(table.get(key("said")), Tags::REPORTING_VERB | Tags::PAST);
        assert_eq!(table.get(key("")), Tags::TITLE);
        assert_eq!(table.get(key("sai")), Tags::default());
        assert_eq!(pack("a word of sixteen"), None);
        assert_ne!(pack("ab"), pack("ab\0"));
    }

    #[test]
    fn a_full_table_still_answers() {
        let mut table = PackedTable::with_capacity(1);
        let words: Vec<String> = (0..16).map(|i| format!("w{i}")).collect();
        for w in &words {
            assert!(table.add(pack(w).unwrap_or(EMPTY), Tags::BASE));
        }
        assert!(!table.add(pack("more").unwrap_or(EMPTY), Tags::BASE));
        assert_eq!(table.get(pack("w7").unwrap_or(EMPTY)), Tags::BASE);
        assert_eq!(table.get(pack("none").unwrap_or(EMPTY)), Tags::default());
    }
}
