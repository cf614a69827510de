//! The fragment detectors' thresholds and weights, in one table so that
//! tuning one reads as one change. Each is a count of words or tokens, or a
//! weight of the cohesion measure; what each means is said where it is
//! declared. (The orphan judgement keeps its bounds and word tables in
//! `orphan_words.rs`.)

// --- fragment/truncated ---------------------------------------------------

/// Fewest words a last sentence needs before a missing period alone is
/// evidence of a cut (shorter lines are furniture or subheads: "Want
/// more? Subscribe today").
pub const MIN_WORDS_NO_PERIOD: usize = 5;
/// Fewest words its paragraph needs for the same (a paragraph of running
/// prose, not a caption or a credit).
pub const MIN_PARAGRAPH_WORDS_NO_PERIOD: usize = 20;
/// Most words of an attribution after a sentence's last comma ("he said",
/// "said the mayor's spokesperson"), read past to the word the sentence
/// was cut on.
pub const TRAILING_ATTRIBUTION_WORDS: usize = 5;
/// How many words before a final preposition a relative word ("that",
/// "something", "how") may stand and still strand it.
pub const STRANDER_WINDOW: usize = 5;
/// How many words before a final preposition a subject pronoun or a
/// be-form may stand and still strand it ("the people she works with").
pub const NEAR_WINDOW: usize = 4;
/// A determiner among this many words before a final preposition means the
/// preposition follows a noun phrase and needs its object.
pub const NP_WINDOW: usize = 3;

// --- fragment/unbalanced-quote ----------------------------------------------

/// Most tokens between the comma and the reporting verb of an attribution
/// cue (", Sam Roe, the campaign's communications director, said").
pub const MAX_CUE_TOKENS: usize = 16;

// --- fragment/spliced -------------------------------------------------------

/// Fewest content words a sentence needs to be judged at all: short
/// sentences share nothing by chance.
pub const MIN_CONTENT_WORDS: usize = 6;
/// With one weak shared word, the sentence must be at least this long.
pub const MIN_CONTENT_WORDS_ONE_SHARED: usize = 8;
/// A sentence whose shared words add up to at most this much cohesion
/// (each shared word counts the number of other sentences it occurs in,
/// capped at [`OCCURRENCE_CAP`]) is reported.
pub const MAX_COHESION: usize = 1;
/// A shared proper name is stronger evidence of cohesion than a shared
/// common word: it counts this many times.
pub const NAME_WEIGHT: usize = 2;
/// Most other sentences one shared word is counted for.
pub const OCCURRENCE_CAP: usize = 3;
/// A sentence that shares names with the article but none of at least
/// this many common content words is on a topic of its own...
pub const MIN_TOPIC_WORDS_NAMES_SHARED: usize = 8;
/// ...when it is also set in at least this many places found nowhere else.
pub const MIN_NEW_PLACES: usize = 1;
