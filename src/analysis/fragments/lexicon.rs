//! Word lists of the orphan-attribution detector, used only by `orphan.rs`
//! until it reads the quote pass's cues (then this file goes). The lists
//! that were files are read from the shared lexicon (`data/lexicon`); the
//! short closed classes below are the lexicon's too (tags noted), kept as
//! arrays because `orphan.rs` matches against arrays.

use crate::analysis::lexicon::{self, Tags};

/// A finite reporting verb that needs an object ("said", "told", ...).
/// `word` must be lower case.
pub fn is_reporting_verb(word: &str) -> bool {
    lexicon::tags(word).contains(Tags::REPORTING_VERB | Tags::OBJECT)
}

/// A preposition, subordinator or adverb that opens a circumstance
/// ("in", "while", "according", "later"). `word` must be lower case.
pub fn is_circumstance_opener(word: &str) -> bool {
    lexicon::tags(word).contains(Tags::CIRCUMSTANCE_OPENER)
}

/// An auxiliary or modal verb (lower case).
pub fn is_auxiliary(word: &str) -> bool {
    lexicon::tags(word).contains(Tags::AUXILIARY)
}

/// Subject and object pronouns that can name a speaker (lexicon
/// `subject-pronoun` without "you").
pub const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Object pronouns that can name a listener ("told them"; lexicon
/// `object-pronoun` without "it").
pub const LISTENER_PRONOUNS: &[&str] = &["me", "us", "him", "her", "them", "you"];

/// Words that open a noun phrase (lexicon `determiner` without "your").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "this", "that",
    "these", "those",
];

/// Quantifiers that cannot be the speaker of an attribution ("Nobody
/// said."; lexicon `non-speaker`).
pub const NON_SPEAKERS: &[&str] = &[
    "nobody",
    "no",
    "none",
    "nothing",
    "everyone",
    "everybody",
    "everything",
    "someone",
    "somebody",
    "something",
    "anyone",
    "anybody",
    "anything",
    "few",
    "many",
    "some",
    "most",
    "all",
    "enough",
    "needless",
    "others",
    "what",
    "which",
    "who",
    "that",
    "this",
    "it's",
    "that's",
    "there",
    "here",
];

/// Modals: a subordinate clause with one is reported content, not a
/// circumstance ("said when the bill would pass").
pub const MODALS: &[&str] = &[
    "will", "would", "can", "could", "shall", "should", "may", "might", "must",
];

/// Days and months: time circumstances on their own ("said Tuesday";
/// lexicon `calendar`).
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Subordinators: the clause after them is a circumstance.
pub const SUBORDINATORS: &[&str] = &["while", "as", "when", "after", "before", "since", "until"];

/// Nouns that name an audience ("told reporters").
pub const AUDIENCES: &[&str] = &[
    "reporters",
    "journalists",
    "supporters",
    "voters",
    "the crowd",
    "crowd",
    "audience",
    "lawmakers",
    "students",
    "members",
    "viewers",
    "listeners",
    "delegates",
    "donors",
    "senators",
    "colleagues",
    "attendees",
    "guests",
    "interviewer",
    "reporter",
    "host",
    "the committee",
    "committee",
    "newspaper",
    "paper",
    "station",
    "network",
    "radio",
];

/// Words whose period is an abbreviation, not the end of a sentence (for
/// the tokenizer of `text.rs`; a subset of lexicon `abbreviation`).
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "capt",
    "sgt", "st", "jr", "sr", "prof", "rev", "hon", "atty", "supt", "insp", "det", "cpl", "maj",
    "adm", "pres", "no", "vs",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_lists_answer() {
        assert!(is_reporting_verb("said"));
        assert!(!is_reporting_verb("#"));
        assert!(is_circumstance_opener("according"));
        assert!(is_auxiliary("would"));
    }
}
