//! The word classes names are judged by, read from the shared lexicon
//! (`data/lexicon/`, see its README): titles and honorifics, given names
//! (with gender), surnames, name particles, role nouns, reporting verbs,
//! function words, common words, demonyms and organisation nouns. The
//! name rules ask these questions of lower-case words ("prime minister"
//! for a phrase); each is one lexicon look-up.

use super::super::lexicon::{self, Tags};
use super::Gender;

/// The lexicon, asked the questions of the name rules.
pub(super) struct NameLexicon;

pub(super) fn lexicon() -> &'static NameLexicon {
    &NameLexicon
}

/// Most words in a title ("deputy prime minister").
pub(super) const LONGEST_TITLE: usize = 3;

/// The gender the tags imply, if exactly one.
fn gender_of(tags: Tags) -> Option<Gender> {
    match (tags.contains(Tags::MALE), tags.contains(Tags::FEMALE)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// The tags of the phrase `lower` (lower case, words joined by one space)
/// as a whole: one word's tags, or a phrase entry's of exactly its words.
/// A final period is optional ("u.s." and "u.s": some lists keep it).
pub(super) fn phrase_tags(lower: &str) -> Tags {
    let trimmed = lower.trim_end_matches('.');
    let exact = |words: &str| {
        if !words.contains(' ') {
            return lexicon::tags(words);
        }
        let split: Vec<&str> = words.split(' ').collect();
        match lexicon::phrase(&split) {
            Some((n, tags)) if n == split.len() => tags,
            _ => Tags::default(),
        }
    };
    if trimmed.len() == lower.len() {
        exact(lower)
    } else {
        exact(lower).union(exact(trimmed))
    }
}

impl NameLexicon {
    /// The title `lower` (lower case, words joined by one space), if it is one,
    /// with the gender it implies.
    pub(super) fn title(&self, lower: &str) -> Option<Option<Gender>> {
        let tags = phrase_tags(lower);
        tags.contains(Tags::TITLE).then(|| gender_of(tags))
    }

    /// Whether `lower` is a known given name, and its usual gender. A rare
    /// given name that is also a common word ("season") does not count.
    pub(super) fn given(&self, lower: &str) -> Option<Option<Gender>> {
        let tags = lexicon::tags(lower);
        if !tags.contains(Tags::GIVEN_NAME)
            || tags.contains(Tags::RARE) && tags.contains(Tags::COMMON_WORD)
        {
            return None;
        }
        Some(gender_of(tags))
    }

    /// A given name that is not marked rare: "Jordan", "Austin", not "Kenya".
    pub(super) fn is_frequent_given(&self, lower: &str) -> bool {
        let tags = lexicon::tags(lower);
        tags.contains(Tags::GIVEN_NAME) && !tags.contains(Tags::RARE)
    }

    pub(super) fn is_surname(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::SURNAME)
    }

    /// A noun naming a person by role ("lawyer", "mayor"; not a body or a
    /// group), or a title.
    pub(super) fn is_role_noun(&self, lower: &str) -> bool {
        let tags = phrase_tags(lower);
        tags.contains(Tags::TITLE)
            || tags.contains(Tags::ROLE) && !tags.intersects(Tags::BODY.union(Tags::GROUP))
    }

    pub(super) fn is_reporting_verb(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::REPORTING_VERB)
    }

    pub(super) fn is_function_word(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::FUNCTION_WORD)
    }

    /// A common English word that is not also a census name.
    pub(super) fn is_common_word(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::COMMON_WORD)
    }

    /// A common noun for an organisation or business ("group", "retailer",
    /// "magazine"): before a name it says the name is not a person's.
    pub(super) fn is_org_noun(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::ORG_NOUN)
    }

    pub(super) fn is_demonym(&self, lower: &str) -> bool {
        lexicon::tags(lower).contains(Tags::DEMONYM)
    }
}

/// The gender a role noun gives its holder: "her son Tom Roe", "Ana Roe,
/// his wife,", "the spokeswoman".
pub(super) fn role_gender(lower: &str) -> Option<Gender> {
    let tags = lexicon::tags(lower);
    if !tags.intersects(Tags::KINSHIP.union(Tags::ROLE)) {
        return None;
    }
    gender_of(tags)
}

/// Lower-case particles that may stand inside a name ("Ludwig van
/// Beethoven", "Osama bin Laden", "Charles de Gaulle").
pub(super) fn is_particle(lower: &str) -> bool {
    lexicon::tags(lower).contains(Tags::NAME_PARTICLE)
}

/// Whether `word` (any case, with or without a final period) is a title or
/// honorific that may stand before a person's name: "Mr", "Dr.", "Senator",
/// "Prime Minister".
pub fn is_title(word: &str) -> bool {
    lexicon().title(&normalise_words(word)).is_some()
}

/// The gender a title implies ("Mrs" → female), if any.
pub fn title_gender(word: &str) -> Option<Gender> {
    lexicon().title(&normalise_words(word)).flatten()
}

/// Lower case, curly apostrophes straightened, runs of white space folded.
pub(super) fn normalise_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}
