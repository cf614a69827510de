//! The orphan-attribution judgement's own word tables: not word classes
//! (those are lexicon tags: circumstance-opener, calendar, audience,
//! non-speaker, modal, subordinator, determiner, pronouns, auxiliary) but
//! the heuristics of one judgement, each a list of lower-case stems chosen
//! for one job, with what it is for.

/// Verbs that open an inverted attribution ("Said Ann Lee, ..."): "Asked
/// Ann Lee about it" is a question put to her, not her words.
pub const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "wrote",
    "writes",
    "added",
    "adds",
    "tweeted",
    "noted",
    "quipped",
    "recalled",
    "explained",
    "declared",
    "replied",
    "countered",
    "joked",
    "warned",
];

/// Words that may open the speaker of an inverted attribution ("Wrote one
/// reader").
pub const INVERTED_OPENERS: &[&str] = &["one", "a", "an", "the", "another"];

/// Adverbs and auxiliaries allowed between a speaker and the verb.
pub const PRE_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "has",
    "had",
    "have",
    "previously",
    "recently",
    "reportedly",
    "simply",
    "again",
    "earlier",
    "repeatedly",
    "first",
    "further",
    "initially",
    "finally",
    "only",
    "just",
    "flatly",
    "quickly",
];

/// One- or two-word remnants left before a comma when a quote was cut
/// from the front of a sentence ("But, he added.").
pub const REMNANTS: &[&str] = &[
    "but",
    "and",
    "that",
    "so",
    "this",
    "yet",
    "or",
    "now",
    "still",
    "then",
    "also",
    "however",
    "instead",
    "indeed",
    "meanwhile",
    "again",
    "too",
    "later",
    "earlier",
    "there",
    "here",
    "thus",
    "otherwise",
    "not",
];

/// Participles that open a fronted circumstance ("Asked about it, ...").
pub const FRONTED_PARTICIPLES: &[&str] = &[
    "asked",
    "speaking",
    "responding",
    "referring",
    "writing",
    "addressing",
    "pressed",
    "interviewed",
    "reached",
    "contacted",
    "questioned",
];

/// Words in a circumstance (or a speaker) that show it is really reported
/// content.
pub const CONTENT_MARKERS: &[&str] = &["that", "if", "whether", "how", "why", "what", "who"];

/// Words that never sit inside a speaker noun phrase ("He said so" is not
/// a speaker "He ... so").
pub const NOT_IN_SPEAKER: &[&str] = &["not", "to", "but", "or", "so", "than", "as"];

/// Words after which a determiner or pronoun continues a circumstance
/// rather than starting a clause ("about the plan", "including the
/// mayor").
pub const NP_LINKS: &[&str] = &[
    "and",
    "or",
    "of",
    "for",
    "to",
    "about",
    "into",
    "like",
    "including",
    "than",
    "all",
    "both",
    "half",
];

/// Words that make an amount approximate when a number or a quantity
/// follows ("about half", "around 300"); otherwise prepositions.
pub const APPROXIMATORS: &[&str] = &["about", "around", "nearly", "almost", "roughly", "some"];

/// Words of quantity that follow an approximator.
pub const AMOUNTS: &[&str] = &[
    "half",
    "third",
    "quarter",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Time expressions: units after "last/this/next" ("last week"), parts of
/// a day after a day ("Friday night"), and time or manner adverbs that
/// stand alone after the verb ("said earlier").
pub const TIME_UNITS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "time",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "season",
];
pub const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
pub const TIME_DEIXIS: &[&str] = &["last", "this", "next"];
pub const TIME_EDGES: &[&str] = &["late", "early"];
pub const TIME_ADVERBS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "again",
    "recently",
    "afterward",
    "afterwards",
    "once",
    "twice",
    "too",
    "also",
    "privately",
    "publicly",
    "separately",
    "repeatedly",
    "then",
    "previously",
    "bluntly",
    "simply",
    "flatly",
];

/// Prepositions each verb may not take in its circumstance, because with
/// that verb they introduce content ("asked for help", "wrote about it").
pub fn excluded_prepositions(verb: &str) -> &'static [&'static str] {
    match verb {
        "asked" | "asks" => &["for", "about", "to", "if", "whether", "with"],
        "told" | "tells" => &["of", "about"],
        "wrote" | "writes" => &["for", "about", "to", "of", "with", "from", "by"],
        "added" | "adds" => &["to", "with", "by"],
        _ => &["with", "by"],
    }
}

/// Verbs that take their listener as a direct object ("told reporters");
/// the others take it after "to" ("said to The Ledger").
pub const DIRECT_LISTENER: &[&str] = &["told", "tells", "asked", "asks"];

/// Longest sentence (in tokens) examined: an attribution is short, and the
/// bound keeps the check linear on pathological input.
pub const MAX_TOKENS: usize = 80;
/// Most words in a speaker noun phrase.
pub const MAX_SPEAKER_WORDS: usize = 8;
