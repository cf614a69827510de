//! Person-name lexicons: titles and honorifics, given names (with gender),
//! surnames, name particles, role nouns and reporting verbs.
//!
//! The lists live in `data/entities/*.txt` (one entry per line, `#` starts a
//! header comment naming source and licence), are compiled in with
//! `include_str!` and parsed once on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Gender;

/// Parsed once: every person-name list.
pub(super) struct NameLexicon {
    /// Title (lower case, single spaces) → gender it implies, if any.
    titles: HashMap<String, Option<Gender>>,
    /// Most words in any title ("deputy prime minister" = 3).
    pub(super) longest_title: usize,
    given: HashMap<String, Option<Gender>>,
    rare_given: HashSet<String>,
    surnames: HashSet<String>,
    role_nouns: HashSet<String>,
    reporting_verbs: HashSet<String>,
    function_words: HashSet<String>,
    demonyms: HashSet<String>,
    common: HashSet<String>,
}

static NAMES: LazyLock<NameLexicon> = LazyLock::new(NameLexicon::load);

pub(super) fn lexicon() -> &'static NameLexicon {
    &NAMES
}

/// The entries of a data file: trimmed, non-empty, not comments.
pub(super) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gender_letter(letter: Option<&str>) -> Option<Gender> {
    match letter {
        Some("f") => Some(Gender::Female),
        Some("m") => Some(Gender::Male),
        _ => None,
    }
}

/// `name [f|m|u] [rare]` lines into a map (the "rare" mark is dropped).
fn gendered(data: &'static str) -> HashMap<String, Option<Gender>> {
    entries(data)
        .filter_map(|line| {
            let line = line.strip_suffix(" rare").unwrap_or(line);
            let (name, letter) = match line.rsplit_once(' ') {
                Some((n, g)) if matches!(g, "f" | "m" | "u") => (n, Some(g)),
                _ => (line, None),
            };
            (!name.is_empty()).then(|| (name.to_string(), gender_letter(letter)))
        })
        .collect()
}

fn set(data: &'static str) -> HashSet<String> {
    entries(data).map(str::to_string).collect()
}

impl NameLexicon {
    fn load() -> Self {
        let titles = gendered(include_str!("../../../data/entities/titles.txt"));
        let longest_title = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        NameLexicon {
            titles,
            longest_title,
            given: gendered(include_str!("../../../data/entities/given_names.txt")),
            rare_given: entries(include_str!("../../../data/entities/given_names.txt"))
                .filter_map(|l| l.strip_suffix(" rare"))
                .filter_map(|l| l.split(' ').next())
                .map(str::to_string)
                .collect(),
            surnames: set(include_str!("../../../data/entities/surnames.txt")),
            role_nouns: set(include_str!("../../../data/entities/role_nouns.txt")),
            reporting_verbs: set(include_str!("../../../data/entities/reporting_verbs.txt")),
            function_words: set(include_str!("../../../data/entities/function_words.txt")),
            demonyms: set(include_str!("../../../data/entities/demonyms.txt")),
            common: set(include_str!("../../../data/entities/common_words.txt")),
        }
    }

    /// The title `lower` (lower case, words joined by one space), if it is one,
    /// with the gender it implies.
    pub(super) fn title(&self, lower: &str) -> Option<Option<Gender>> {
        self.titles.get(lower.trim_end_matches('.')).copied()
    }

    /// Whether `lower` is a known given name, and its usual gender. A rare
    /// given name that is also a common word ("season") does not count.
    pub(super) fn given(&self, lower: &str) -> Option<Option<Gender>> {
        if self.rare_given.contains(lower) && self.common.contains(lower) {
            return None;
        }
        self.given.get(lower).copied()
    }

    /// A given name that is not marked rare: "Jordan", "Austin", not "Kenya".
    pub(super) fn is_frequent_given(&self, lower: &str) -> bool {
        self.given.contains_key(lower) && !self.rare_given.contains(lower)
    }

    pub(super) fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }

    pub(super) fn is_role_noun(&self, lower: &str) -> bool {
        self.role_nouns.contains(lower) || self.titles.contains_key(lower)
    }

    pub(super) fn is_reporting_verb(&self, lower: &str) -> bool {
        self.reporting_verbs.contains(lower)
    }

    pub(super) fn is_function_word(&self, lower: &str) -> bool {
        self.function_words.contains(lower)
    }

    /// A common English word that is not also a census name.
    pub(super) fn is_common_word(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    pub(super) fn is_demonym(&self, lower: &str) -> bool {
        self.demonyms.contains(lower)
    }
}

/// Lower-case particles that may stand inside a name ("Ludwig van
/// Beethoven", "Osama bin Laden", "Charles de Gaulle").
pub(super) fn is_particle(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "des"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "ter"
            | "ten"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "dos"
            | "das"
            | "y"
    )
}

/// Whether `word` (any case, with or without a final period) is a title or
/// honorific that may stand before a person's name: "Mr", "Dr.", "Senator",
/// "Prime Minister".
pub fn is_title(word: &str) -> bool {
    let lower = normalise_words(word);
    lexicon().title(&lower).is_some()
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
