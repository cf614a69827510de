//! Word lists shared by the fragment detectors. Long lists live in
//! `data/fragments/*.txt` (one or more words a line, `#` comments) and are
//! parsed once; short closed classes are written out here.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

fn parse(source: &'static str) -> HashSet<&'static str> {
    crate::analysis::lexicon::words(source).collect()
}

static REPORTING_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/fragments/reporting_verbs.txt")));
static UNENDING: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/fragments/unending_words.txt")));
static STRANDABLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    parse(include_str!(
        "../../../data/fragments/stranded_prepositions.txt"
    ))
});
static CIRCUMSTANCE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    parse(include_str!(
        "../../../data/fragments/circumstance_openers.txt"
    ))
});
static AUXILIARIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/fragments/auxiliaries.txt")));
static STOP_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/fragments/stop_words.txt")));
static COHESIVE_TIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/fragments/cohesive_ties.txt")));

/// A finite reporting verb that needs an object ("said", "told", ...).
/// `word` must be lower case.
pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(word)
}

/// An article, possessive determiner or conjunction: never ends a sentence.
pub fn is_unending(word: &str) -> bool {
    UNENDING.contains(word)
}

/// A preposition that ends a sentence only when stranded.
pub fn is_strandable_preposition(word: &str) -> bool {
    STRANDABLE.contains(word)
}

/// A preposition, subordinator or adverb that opens a circumstance
/// ("in", "while", "according", "later"). `word` must be lower case.
pub fn is_circumstance_opener(word: &str) -> bool {
    CIRCUMSTANCE_OPENERS.contains(word)
}

/// An auxiliary or modal verb (lower case).
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(word)
}

/// A word that says nothing about the topic (lower case).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// A pronoun, demonstrative or connective that links to earlier text.
pub fn is_cohesive_tie(word: &str) -> bool {
    COHESIVE_TIES.contains(word)
}

/// Subject and object pronouns that can name a speaker.
pub const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Object pronouns that can name a listener ("told them").
pub const LISTENER_PRONOUNS: &[&str] = &["me", "us", "him", "her", "them", "you"];

/// Words that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "this", "that",
    "these", "those",
];

/// Quantifiers that cannot be the speaker of an attribution ("Nobody said.").
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

/// Days and months: time circumstances on their own ("said Tuesday").
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

static CALENDAR_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| CALENDAR.iter().copied().collect());

/// A day or a month (lower case), as in [`CALENDAR`].
pub fn is_calendar(word: &str) -> bool {
    CALENDAR_SET.contains(word)
}

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

/// Words whose period is an abbreviation, not the end of a sentence.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "capt",
    "sgt", "st", "jr", "sr", "prof", "rev", "hon", "atty", "supt", "insp", "det", "cpl", "maj",
    "adm", "pres", "no", "vs",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_skip_comments() {
        assert!(is_reporting_verb("said"));
        assert!(!is_reporting_verb("#"));
        assert!(is_unending("the"));
        assert!(!is_unending("in"));
        assert!(is_strandable_preposition("of"));
        assert!(is_stop_word("the"));
        assert!(is_cohesive_tie("however"));
    }
}
