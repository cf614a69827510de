//! The lexicon: every word list of copydesk in one place, with one format,
//! one loader and one lookup.
//!
//! The passes used to keep their own lists (three reporting-verb lists, two
//! title lists, four stop-word lists, arrays written inline in code), each
//! with its own format and its own idea of what a word is. Here a word has
//! one entry and a set of [`Tags`]; a pass asks
//! `lexicon::tags(word).contains(Tags::X)`.
//!
//! # Format
//! Each file in `data/lexicon/` is UTF-8 text. `#` starts a comment line (the
//! header names what the list is, its source and its licence). A line
//! `#! tags: a b` gives default tags for every entry of the file. An entry is
//! lower case, words separated by one space (entries of 2+ words are
//! phrases), optionally followed by ` : ` and space-separated tag names that
//! are added to the defaults. An entry may appear in several lines and files;
//! its tags are the union. Every file is embedded with `include_str!`; the
//! run-time loader ignores unknown tag names, a unit test rejects them.

mod packed;
mod tags;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use packed::{PackedTable, pack};
pub use tags::Tags;

/// Every lexicon file: name and text.
const FILES: &[(&str, &str)] = &[
    (
        "agencies.txt",
        include_str!("../../../data/lexicon/agencies.txt"),
    ),
    (
        "auxiliaries.txt",
        include_str!("../../../data/lexicon/auxiliaries.txt"),
    ),
    (
        "circumstance_openers.txt",
        include_str!("../../../data/lexicon/circumstance_openers.txt"),
    ),
    (
        "closed_classes.txt",
        include_str!("../../../data/lexicon/closed_classes.txt"),
    ),
    (
        "cohesive_ties.txt",
        include_str!("../../../data/lexicon/cohesive_ties.txt"),
    ),
    (
        "common_words.txt",
        include_str!("../../../data/lexicon/common_words.txt"),
    ),
    (
        "demonyms.txt",
        include_str!("../../../data/lexicon/demonyms.txt"),
    ),
    (
        "function_words.txt",
        include_str!("../../../data/lexicon/function_words.txt"),
    ),
    (
        "general_words.txt",
        include_str!("../../../data/lexicon/general_words.txt"),
    ),
    (
        "given_names.txt",
        include_str!("../../../data/lexicon/given_names.txt"),
    ),
    (
        "given_names_world.txt",
        include_str!("../../../data/lexicon/given_names_world.txt"),
    ),
    (
        "imperatives.txt",
        include_str!("../../../data/lexicon/imperatives.txt"),
    ),
    (
        "labels.txt",
        include_str!("../../../data/lexicon/labels.txt"),
    ),
    (
        "org_cues.txt",
        include_str!("../../../data/lexicon/org_cues.txt"),
    ),
    (
        "org_nouns.txt",
        include_str!("../../../data/lexicon/org_nouns.txt"),
    ),
    (
        "place_cues.txt",
        include_str!("../../../data/lexicon/place_cues.txt"),
    ),
    (
        "places.txt",
        include_str!("../../../data/lexicon/places.txt"),
    ),
    (
        "reporting_verbs.txt",
        include_str!("../../../data/lexicon/reporting_verbs.txt"),
    ),
    (
        "role_nouns.txt",
        include_str!("../../../data/lexicon/role_nouns.txt"),
    ),
    (
        "stop_words.txt",
        include_str!("../../../data/lexicon/stop_words.txt"),
    ),
    (
        "stranded_prepositions.txt",
        include_str!("../../../data/lexicon/stranded_prepositions.txt"),
    ),
    (
        "surnames.txt",
        include_str!("../../../data/lexicon/surnames.txt"),
    ),
    (
        "titles.txt",
        include_str!("../../../data/lexicon/titles.txt"),
    ),
    (
        "topicless_words.txt",
        include_str!("../../../data/lexicon/topicless_words.txt"),
    ),
    (
        "ui_words.txt",
        include_str!("../../../data/lexicon/ui_words.txt"),
    ),
    (
        "unending_words.txt",
        include_str!("../../../data/lexicon/unending_words.txt"),
    ),
];

/// Single words and phrases with their tags.
struct Lexicon {
    /// Words of at most [`packed::PACKED_BYTES`] bytes, by their [`pack`]ed form:
    /// nearly every word looked up.
    short_words: PackedTable,
    /// The longer words (and, if `short_words` were ever full, the short
    /// ones it could not take: `spilled`).
    long_words: FxHashMap<&'static str, Tags>,
    spilled: bool,
    /// Phrases (2+ words, single spaces) → tags.
    phrases: FxHashMap<&'static str, Tags>,
    /// First word of some phrase → most words in a phrase starting with it.
    phrase_heads: FxHashMap<&'static str, usize>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // Sized for every entry up front (there are at most as many as
    // lines): the table of short words never grows.
    let entries: usize = FILES
        .iter()
        .map(|(_, source)| source.bytes().filter(|&b| b == b'\n').count() + 1)
        .sum();
    let mut lexicon = Lexicon {
        short_words: PackedTable::with_capacity(entries),
        long_words: FxHashMap::default(),
        spilled: false,
        phrases: FxHashMap::default(),
        phrase_heads: FxHashMap::default(),
    };
    for (_, source) in FILES {
        parse(source, &mut |_| {}, &mut |entry, tags| {
            lexicon.add(entry, tags)
        });
    }
    lexicon
});

impl Lexicon {
    fn add(&mut self, entry: &'static str, tags: Tags) {
        let words = 1 + entry.bytes().filter(|&b| b == b' ').count();
        let slot = if words == 1 {
            match pack(entry) {
                Some(packed) if self.short_words.add(packed, tags) => return,
                Some(_) => {
                    self.spilled = true;
                    self.long_words.entry(entry).or_default()
                }
                None => self.long_words.entry(entry).or_default(),
            }
        } else {
            let first = entry.split(' ').next().unwrap_or(entry);
            let longest = self.phrase_heads.entry(first).or_insert(0);
            *longest = (*longest).max(words);
            self.phrases.entry(entry).or_default()
        };
        *slot = slot.union(tags);
    }
}

/// Each entry of one file with its tags (defaults included), given to
/// `entry`. Tag names the lexicon does not know are passed to `unknown` and
/// skipped.
fn parse<'a>(
    source: &'a str,
    unknown: &mut dyn FnMut(&'a str),
    entry: &mut dyn FnMut(&'a str, Tags),
) {
    let mut defaults = Tags::default();
    let named = |names: &'a str, unknown: &mut dyn FnMut(&'a str)| {
        names
            .split_whitespace()
            .fold(Tags::default(), |acc, name| match Tags::from_name(name) {
                Some(tag) => acc | tag,
                None => {
                    unknown(name);
                    acc
                }
            })
    };
    for line in source.lines() {
        let line = line.trim();
        if let Some(names) = line.strip_prefix("#! tags:") {
            defaults = named(names, unknown);
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // Most lines (the gazetteers) are a bare entry: look for the
        // separator only where a colon is.
        match line.contains(':').then(|| line.split_once(" : ")).flatten() {
            Some((word, names)) => entry(word.trim(), defaults | named(names, unknown)),
            None => entry(line, defaults),
        }
    }
}

/// Tags of one lower-case word (apostrophes straightened to '\''); Tags::default() if unknown. One hash lookup.
pub fn tags(word: &str) -> Tags {
    let lexicon = &*LEXICON;
    let short = pack(word).map(|packed| lexicon.short_words.get(packed));
    match short {
        Some(tags) if !(tags.is_empty() && lexicon.spilled) => tags,
        _ => lexicon.long_words.get(word).copied().unwrap_or_default(),
    }
}

/// The longest phrase entry (2+ words) starting at words[0] (words lower case); returns (number of words, tags).
pub fn phrase(words: &[&str]) -> Option<(usize, Tags)> {
    let first = words.first()?;
    let longest = *LEXICON.phrase_heads.get(first)?;
    let mut key = String::new();
    (2..=longest.min(words.len())).rev().find_map(|n| {
        key.clear();
        for (i, w) in words[..n].iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
        }
        LEXICON.phrases.get(key.as_str()).map(|t| (n, *t))
    })
}

/// Whether some phrase entry starts with this word (cheap pre-check).
pub fn starts_phrase(word: &str) -> bool {
    LEXICON.phrase_heads.contains_key(word)
}

#[cfg(test)]
mod tests;
