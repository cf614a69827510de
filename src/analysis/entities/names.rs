//! Person-name lexicons: titles and honorifics, given names (with gender),
//! surnames, name particles, role nouns and reporting verbs.
//!
//! The lists live in `data/entities/*.txt` (one entry per line, `#` starts a
//! header comment naming source and licence), are compiled in with
//! `include_str!` and parsed once on first use.

use std::sync::LazyLock;

use super::Gender;
use super::fasthash::{FastMap, FastSet};

/// Parsed once: every person-name list.
pub(super) struct NameLexicon {
    /// Title (lower case, single spaces) → gender it implies, if any.
    titles: FastMap<&'static str, Option<Gender>>,
    /// Most words in any title ("deputy prime minister" = 3).
    pub(super) longest_title: usize,
    /// (name, gender, rare), sorted by name: a sorted list loads without
    /// hashing thousands of entries at start-up.
    given: Vec<(&'static str, Option<Gender>, bool)>,
    surnames: Vec<&'static str>,
    role_nouns: FastSet<&'static str>,
    reporting_verbs: FastSet<&'static str>,
    function_words: FastSet<&'static str>,
    demonyms: FastSet<&'static str>,
    common: Vec<&'static str>,
    org_nouns: FastSet<&'static str>,
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
fn gendered(data: &'static str) -> FastMap<&'static str, Option<Gender>> {
    entries(data)
        .filter_map(|line| {
            let line = line.strip_suffix(" rare").unwrap_or(line);
            let (name, letter) = match line.rsplit_once(' ') {
                Some((n, g)) if matches!(g, "f" | "m" | "u") => (n, Some(g)),
                _ => (line, None),
            };
            (!name.is_empty()).then(|| (name, gender_letter(letter)))
        })
        .collect()
}

fn set(data: &'static str) -> FastSet<&'static str> {
    entries(data).collect()
}

/// The entries of a (generated, sorted) data file as a sorted list.
fn sorted(data: &'static str) -> Vec<&'static str> {
    let mut list: Vec<&'static str> = entries(data).collect();
    if !list.is_sorted() {
        list.sort_unstable();
    }
    list
}

/// `name [: male|female rare]` lines (data/lexicon format) as a list sorted
/// by name.
fn given_names(data: &'static str) -> Vec<(&'static str, Option<Gender>, bool)> {
    let mut list: Vec<_> = entries(data)
        .map(|line| {
            let (name, tags) = line.split_once(" : ").unwrap_or((line, ""));
            let has = |tag: &str| tags.split(' ').any(|t| t == tag);
            let gender = if has("male") {
                Some(Gender::Male)
            } else if has("female") {
                Some(Gender::Female)
            } else {
                None
            };
            (name, gender, has("rare"))
        })
        .collect();
    if !list.is_sorted_by_key(|e| e.0) {
        list.sort_unstable_by_key(|e| e.0);
    }
    list
}

impl NameLexicon {
    /// Parse every list (what the first [`lexicon`] call does once).
    pub(super) fn load() -> Self {
        let titles = gendered(include_str!("../../../data/entities/titles.txt"));
        let longest_title = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        NameLexicon {
            titles,
            longest_title,
            given: given_names(include_str!("../../../data/lexicon/given_names.txt")),
            surnames: sorted(include_str!("../../../data/lexicon/surnames.txt")),
            role_nouns: set(include_str!("../../../data/entities/role_nouns.txt")),
            reporting_verbs: set(include_str!("../../../data/entities/reporting_verbs.txt")),
            function_words: set(include_str!("../../../data/entities/function_words.txt")),
            demonyms: set(include_str!("../../../data/entities/demonyms.txt")),
            common: sorted(include_str!("../../../data/lexicon/common_words.txt")),
            org_nouns: set(include_str!("../../../data/entities/org_nouns.txt")),
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
        let (_, gender, rare) = self.given_entry(lower)?;
        if rare && self.is_common_word(lower) {
            return None;
        }
        Some(gender)
    }

    fn given_entry(&self, lower: &str) -> Option<(&'static str, Option<Gender>, bool)> {
        let i = self.given.binary_search_by(|e| e.0.cmp(lower)).ok()?;
        self.given.get(i).copied()
    }

    /// A given name that is not marked rare: "Jordan", "Austin", not "Kenya".
    pub(super) fn is_frequent_given(&self, lower: &str) -> bool {
        self.given_entry(lower).is_some_and(|(_, _, rare)| !rare)
    }

    pub(super) fn is_surname(&self, lower: &str) -> bool {
        self.surnames.binary_search(&lower).is_ok()
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
        self.common.binary_search(&lower).is_ok()
    }

    /// A common noun for an organisation or business ("group", "retailer",
    /// "magazine"): before a name it says the name is not a person's.
    pub(super) fn is_org_noun(&self, lower: &str) -> bool {
        self.org_nouns.contains(lower)
    }

    pub(super) fn is_demonym(&self, lower: &str) -> bool {
        self.demonyms.contains(lower)
    }
}

/// The gender a role noun gives its holder: "her son Tom Roe", "Ana Roe,
/// his wife,". Kinship and a few gendered job words only.
pub(super) fn role_gender(lower: &str) -> Option<Gender> {
    match lower {
        "father" | "son" | "husband" | "brother" | "grandfather" | "grandson" | "uncle"
        | "nephew" | "boyfriend" | "dad" | "widower" | "spokesman" => Some(Gender::Male),
        "mother" | "daughter" | "wife" | "sister" | "grandmother" | "granddaughter" | "aunt"
        | "niece" | "girlfriend" | "mom" | "mum" | "widow" | "spokeswoman" | "actress" => {
            Some(Gender::Female)
        }
        _ => None,
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

/// [`normalise_words`] without allocating when `s` is already one
/// lower-case ASCII word.
pub(super) fn normalise_word(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-' || b == b'.')
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(normalise_words(s))
    }
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
