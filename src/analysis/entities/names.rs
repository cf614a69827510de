//! The word classes names are judged by, read from the shared lexicon
//! (`data/lexicon/`, see its README): titles and honorifics, given names
//! (with gender), surnames, name particles, role nouns, reporting verbs,
//! function words, common words, demonyms and organisation nouns. The
//! name rules ask these questions of lower-case words ("prime minister"
//! for a phrase); each is one lexicon look-up.

use super::super::lexicon::{self, Tags};
use super::Gender;
use super::words::Token;

/// A word the name rules ask about: a token of the text model, whose tags
/// were looked up once when the paragraph was tokenized, or a lower-case
/// string (a word read back from a document-wide table), looked up now.
pub(super) trait Word: Copy {
    /// The word's own lexicon tags.
    fn tags(self) -> Tags;
    /// Its tags as a one-word phrase: a final period is optional ("u.s."
    /// and "u.s").
    fn phrase_tags(self) -> Tags;
    /// Its tags looked up without a final period ("inc." as "inc").
    fn bare_tags(self) -> Tags;
}

impl Word for &str {
    fn tags(self) -> Tags {
        lexicon::tags(self)
    }

    fn phrase_tags(self) -> Tags {
        phrase_tags(self)
    }

    fn bare_tags(self) -> Tags {
        lexicon::tags(self.trim_end_matches('.'))
    }
}

impl Word for &String {
    fn tags(self) -> Tags {
        self.as_str().tags()
    }

    fn phrase_tags(self) -> Tags {
        self.as_str().phrase_tags()
    }

    fn bare_tags(self) -> Tags {
        self.as_str().bare_tags()
    }
}

impl Word for &Token<'_> {
    fn tags(self) -> Tags {
        // Initials keep their period ("a.", "i."); the model looked them up
        // without it, which would read "A." as the article.
        if self.lower.ends_with('.') {
            lexicon::tags(self.lower)
        } else {
            self.tags
        }
    }

    fn phrase_tags(self) -> Tags {
        // the model looked the stem up without its final period
        if self.lower.ends_with('.') {
            self.tags.union(lexicon::tags(self.lower))
        } else {
            self.tags
        }
    }

    fn bare_tags(self) -> Tags {
        self.tags
    }
}

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
    pub(super) fn title(&self, word: impl Word) -> Option<Option<Gender>> {
        let tags = word.phrase_tags();
        tags.contains(Tags::TITLE).then(|| gender_of(tags))
    }

    /// Whether `lower` is a known given name, and its usual gender. A rare
    /// given name that is also a common word ("season") does not count.
    pub(super) fn given(&self, word: impl Word) -> Option<Option<Gender>> {
        let tags = word.tags();
        if !tags.contains(Tags::GIVEN_NAME)
            || tags.contains(Tags::RARE) && tags.contains(Tags::COMMON_WORD)
        {
            return None;
        }
        Some(gender_of(tags))
    }

    /// A given name that is not marked rare: "Jordan", "Austin", not "Kenya".
    pub(super) fn is_frequent_given(&self, word: impl Word) -> bool {
        let tags = word.tags();
        tags.contains(Tags::GIVEN_NAME) && !tags.contains(Tags::RARE)
    }

    pub(super) fn is_surname(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::SURNAME)
    }

    /// A noun naming a person by role ("lawyer", "mayor"; not a body or a
    /// group), or a title.
    pub(super) fn is_role_noun(&self, word: impl Word) -> bool {
        let tags = word.phrase_tags();
        tags.contains(Tags::TITLE)
            || tags.contains(Tags::ROLE) && !tags.intersects(Tags::BODY.union(Tags::GROUP))
    }

    pub(super) fn is_reporting_verb(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::REPORTING_VERB)
    }

    pub(super) fn is_function_word(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::FUNCTION_WORD)
    }

    /// A common English word that is not also a census name.
    pub(super) fn is_common_word(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::COMMON_WORD)
    }

    /// A common noun for an organisation or business ("group", "retailer",
    /// "magazine"): before a name it says the name is not a person's.
    pub(super) fn is_org_noun(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::ORG_NOUN)
    }

    pub(super) fn is_demonym(&self, word: impl Word) -> bool {
        word.tags().contains(Tags::DEMONYM)
    }
}

/// The gender a role noun gives its holder: "her son Tom Roe", "Ana Roe,
/// his wife,", "the spokeswoman".
pub(super) fn role_gender(word: impl Word) -> Option<Gender> {
    let tags = word.tags();
    if !tags.intersects(Tags::KINSHIP.union(Tags::ROLE)) {
        return None;
    }
    gender_of(tags)
}

/// Lower-case particles that may stand inside a name ("Ludwig van
/// Beethoven", "Osama bin Laden", "Charles de Gaulle").
pub(super) fn is_particle(word: impl Word) -> bool {
    word.tags().contains(Tags::NAME_PARTICLE)
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
