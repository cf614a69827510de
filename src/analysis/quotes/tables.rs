//! The quote pass's own word tables: not word classes (those are lexicon
//! tags, see [`super::words`]) but the attribution grammar's heuristics,
//! each a set of lower-case stems chosen for one job. One table each,
//! with what it is for.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

fn set(words: &'static str) -> FxHashSet<&'static str> {
    words.split_whitespace().collect()
}

/// Words that end a speaker noun phrase after a verb ("said Smith *in* a
/// statement") and never belong to a name: prepositions, clause openers,
/// auxiliaries, time words.
static NP_STOPS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(
        "in on at during after before to from for who whom which that as while when because \
         with by about adding noting saying but and or is was has had will would last this \
         earlier later today yesterday tonight recently monday tuesday wednesday thursday \
         friday saturday sunday via through over under into than then once also if",
    )
});

/// Adverbs, auxiliaries and time words that may sit between a subject and
/// its verb ("she *later* said", "Smith *also* told").
static SUBJECT_VERB_FILLERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(
        "also later then once previously recently finally simply further again still earlier \
         has had have was is would will quickly only just repeatedly often even now initially \
         subsequently frequently publicly privately softly angrily flatly bluntly first never \
         always already not this last week month year morning afternoon evening night today \
         yesterday on monday tuesday wednesday thursday friday saturday sunday weekend",
    )
});

/// Words capitalised at the start of a clause that never begin a name.
static CLAUSE_OPENERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(
        "the a an but and or he she they it we i you his her their its this that these those \
         in on at for as when while if so then there here after before according however \
         still yet also now later meanwhile asked speaking what who why how where which \
         whose whom",
    )
});

/// Words that make the words before a trailing verb a clause rather than
/// a speaker ("the minister" names someone; "he went to the store and"
/// says something).
static CLAUSE_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(
        "to is was were are be been has had have who which that because when while if but it \
         not in on at for with by from as what would will can could should did do does \
         between after before during about than into over under since until through against \
         among without",
    )
});

/// Relative pronouns: a relative clause between a verb and a quote has its
/// own subject and verb.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where"];

/// Sentence-opening conjunctions before a subject ("But she ...").
const OPENING_CONJUNCTIONS: &[&str] = &["and", "but", "so", "then", "yet", "still"];

pub fn is_np_stop(lower: &str) -> bool {
    NP_STOPS.contains(lower)
}

pub fn is_filler(lower: &str) -> bool {
    SUBJECT_VERB_FILLERS.contains(lower)
}

pub fn is_clause_opener(lower: &str) -> bool {
    CLAUSE_OPENERS.contains(lower)
}

pub fn is_clause_word(lower: &str) -> bool {
    CLAUSE_WORDS.contains(lower)
}

pub fn is_relative(lower: &str) -> bool {
    RELATIVES.contains(&lower)
}

pub fn is_opening_conjunction(lower: &str) -> bool {
    OPENING_CONJUNCTIONS.contains(&lower)
}
