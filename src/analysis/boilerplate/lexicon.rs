//! Word lists for boilerplate detection, loaded once from `data/boilerplate/`.
//!
//! The lists hold vocabulary, not phrases: UI words with the kind of
//! furniture they point to, function words, the imperative verbs of calls to
//! action, the key words of link labels, and agency names seen in photo
//! credits. The rules in `rules.rs` combine them with shape features, so a
//! wording never seen before is still recognised by its parts.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::BoilerplateKind;

/// A UI word: the kind it points to (`None` for generic UI vocabulary) and
/// whether it names the topic of a call to action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiWord {
    pub kind: Option<BoilerplateKind>,
    pub topic: bool,
}

use crate::analysis::lexicon::entries;

/// Kind named in a data file (`ad`, `share`, ...); `generic` is `None`.
fn kind_named(name: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    Some(match name {
        "ad" => Ad,
        "share" => Share,
        "newsletter" => Newsletter,
        "related" => Related,
        "teaser" => Teaser,
        "photo" => Photo,
        "comments" => Comments,
        "cookie" => Cookie,
        "app" => App,
        "footer" => Footer,
        "updated" => Updated,
        "follow" => Follow,
        "tags" => Tags,
        "nav" => Nav,
        "video" => Video,
        "tools" => Tools,
        _ => return None,
    })
}

static UI_WORDS: LazyLock<FxHashMap<&'static str, UiWord>> = LazyLock::new(|| {
    entries(include_str!("../../../data/boilerplate/ui_words.txt"))
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next()?;
            let kind = kind_named(parts.next()?);
            let topic = parts.next() == Some("topic");
            Some((word, UiWord { kind, topic }))
        })
        .collect()
});

static LABEL_WORDS: LazyLock<FxHashMap<&'static str, BoilerplateKind>> = LazyLock::new(|| {
    entries(include_str!("../../../data/boilerplate/labels.txt"))
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next()?;
            Some((word, kind_named(parts.next()?)?))
        })
        .collect()
});

static STOPWORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../../data/boilerplate/stopwords.txt")).collect());

static COMMON_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../../data/boilerplate/common_words.txt")).collect());

static IMPERATIVES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../../data/boilerplate/imperatives.txt")).collect());

/// Agency names, longest first so "The Canadian Press" wins over shorter ones.
static AGENCIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> =
        entries(include_str!("../../../data/boilerplate/agencies.txt")).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
});

/// The UI word `lower` (already lower case), if it is one.
pub fn ui_word(lower: &str) -> Option<UiWord> {
    UI_WORDS.get(lower).copied()
}

/// The kind of link a label key word announces ("read" → related).
pub fn label_word(lower: &str) -> Option<BoilerplateKind> {
    LABEL_WORDS.get(lower).copied()
}

pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Whether `lower` is general vocabulary that says nothing of a topic.
pub fn is_common_word(lower: &str) -> bool {
    COMMON_WORDS.contains(lower)
}

pub fn is_imperative(lower: &str) -> bool {
    IMPERATIVES.contains(lower)
}

/// The agency name `text` starts with, if any (case-sensitive, whole words).
pub fn leading_agency(text: &str) -> Option<&'static str> {
    AGENCIES.iter().copied().find(|name| {
        text.strip_prefix(name)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether `word` is exactly an agency name of one word ("REUTERS", "AFP").
pub fn is_agency(word: &str) -> bool {
    AGENCIES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_carry_kinds() {
        assert_eq!(
            ui_word("newsletter"),
            Some(UiWord {
                kind: Some(BoilerplateKind::Newsletter),
                topic: true
            })
        );
        assert_eq!(
            ui_word("below"),
            Some(UiWord {
                kind: None,
                topic: false
            })
        );
        assert_eq!(ui_word("senate"), None);
        assert_eq!(label_word("topics"), Some(BoilerplateKind::Tags));
        assert!(is_stopword("the") && !is_stopword("senate"));
        assert!(is_imperative("subscribe") && !is_imperative("said"));
        assert!(is_common_word("years") && !is_common_word("museum"));
    }

    #[test]
    fn agencies_match_whole_words_longest_first() {
        assert_eq!(
            leading_agency("The Canadian Press Two men walk."),
            Some("The Canadian Press")
        );
        assert_eq!(leading_agency("APEC leaders met."), None);
        assert!(is_agency("AFP") && !is_agency("NDP"));
    }
}
