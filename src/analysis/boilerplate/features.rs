//! Shape features of one paragraph: its words, their normalised forms,
//! terminal punctuation, quotation marks, title case, stop-word density.
//!
//! Computed once per paragraph and shared by every rule, so classifying a
//! paragraph stays linear in its length.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::lexicon;

/// Characters that open or close a quotation.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '«', '»', '„'];

/// One paragraph, prepared for the rules.
#[derive(Debug, Clone)]
pub struct Features<'t> {
    pub text: &'t str,
    /// Whitespace-separated tokens, as written.
    pub tokens: Vec<&'t str>,
    /// Each token lower-cased with edge punctuation and a possessive "'s"
    /// removed; empty for pure punctuation such as "|" or "»".
    pub words: Vec<String>,
    /// The first word of each sentence that reads as an imperative (an
    /// imperative verb followed by a function word, a name, a handle or
    /// nothing: "Subscribe to ...", "Follow Jane ...", but not "Share
    /// prices ..."), lower-cased.
    pub imperatives: Vec<String>,
    /// Hash of each normalised word (0 for an empty one), for shingles.
    pub word_hashes: Vec<u64>,
    /// Hashes of the paragraph's distinct content stems (see
    /// [`content_stems`]), sorted: what the paragraph is about.
    pub topic_stems: Vec<u64>,
}

impl<'t> Features<'t> {
    pub fn new(text: &'t str, sentence_texts: &[&'t str]) -> Self {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let words = join_phrasal_verbs(tokens.iter().map(|t| normalize(t)).collect());
        let imperatives = sentence_texts
            .iter()
            .filter_map(|s| imperative_opener(s))
            .collect();
        let word_hashes = words
            .iter()
            .map(|w| if w.is_empty() { 0 } else { hash_str(w) })
            .collect();
        let mut topic_stems: Vec<u64> = content_stems(&words).iter().map(|s| hash_str(s)).collect();
        topic_stems.sort_unstable();
        topic_stems.dedup();
        Features {
            text,
            tokens,
            words,
            imperatives,
            word_hashes,
            topic_stems,
        }
    }

    /// Number of tokens that contain a letter or digit.
    pub fn word_count(&self) -> usize {
        self.words.iter().filter(|w| !w.is_empty()).count()
    }

    /// Whether the paragraph ends like a sentence: `.`, `!`, `?` or `…`,
    /// perhaps followed by closing quotation marks or brackets.
    pub fn ends_as_sentence(&self) -> bool {
        ends_as_sentence(self.text)
    }

    /// Whether the paragraph contains a quotation mark (straight or curly).
    pub fn has_quotes(&self) -> bool {
        self.text.contains(QUOTE_MARKS)
    }

    /// Whether the paragraph contains a quotation mark other than a
    /// guillemet (which navigation uses as an arrow: "« Previous").
    pub fn has_speech_quotes(&self) -> bool {
        self.text.contains(['"', '“', '”', '„'])
    }

    /// Whether the paragraph starts with a bullet or dash list marker.
    pub fn starts_with_bullet(&self) -> bool {
        self.tokens
            .first()
            .is_some_and(|t| matches!(*t, "•" | "·" | "*" | "-" | "–" | "—" | "▪" | "‣"))
    }

    /// Share of the words that are function words.
    pub fn stopword_ratio(&self) -> f32 {
        let total = self.word_count();
        if total == 0 {
            return 0.0;
        }
        let stops = self
            .words
            .iter()
            .filter(|w| lexicon::is_stopword(w))
            .count();
        stops as f32 / total as f32
    }

    /// Share of the lexical words (not function words, starting with a
    /// letter) that start with a capital: 1.0 for Title Case headlines.
    pub fn title_case_ratio(&self) -> f32 {
        let mut lexical = 0;
        let mut capitalised = 0;
        for (token, word) in self.tokens.iter().zip(&self.words) {
            let Some(first) = token.chars().find(|c| c.is_alphanumeric()) else {
                continue;
            };
            if !first.is_alphabetic() || lexicon::is_stopword(word) {
                continue;
            }
            lexical += 1;
            if first.is_uppercase() {
                capitalised += 1;
            }
        }
        if lexical == 0 {
            0.0
        } else {
            capitalised as f32 / lexical as f32
        }
    }

    /// Whether some sentence opens with an imperative verb of a call to
    /// action ("Sign up ...", "Download ...").
    pub fn has_imperative_opener(&self) -> bool {
        !self.imperatives.is_empty()
    }

    /// Whether the text speaks in the publisher's voice ("we", "our", "us",
    /// "this site").
    pub fn has_publisher_voice(&self) -> bool {
        self.words
            .iter()
            .any(|w| matches!(w.as_str(), "we" | "our" | "us"))
            || self.words.windows(2).any(|pair| {
                pair[0] == "this" && matches!(pair[1].as_str(), "site" | "website" | "page")
            })
    }

    /// Whether the text addresses the reader ("you", "your").
    pub fn addresses_reader(&self) -> bool {
        self.words
            .iter()
            .any(|w| matches!(w.as_str(), "you" | "your" | "you're"))
    }

    /// Whether the text reports speech ("said", "says", "told", ...):
    /// article prose, not a prompt.
    pub fn reports_speech(&self) -> bool {
        self.words.iter().any(|w| {
            matches!(
                w.as_str(),
                "said" | "says" | "told" | "added" | "according" | "asked" | "wrote" | "stated"
            )
        })
    }

    /// The last non-empty word, normalised.
    pub fn last_word(&self) -> Option<&str> {
        self.words
            .iter()
            .rev()
            .find(|w| !w.is_empty())
            .map(String::as_str)
    }
}

/// The imperative verb that opens `sentence`, if it opens with one used as
/// an imperative: followed by nothing, a function word, "here"/"now", a
/// capitalised name or a handle. "Sign up" and "log in" count as one verb.
fn imperative_opener(sentence: &str) -> Option<String> {
    let mut tokens = sentence.split_whitespace();
    let first = normalize(tokens.next()?);
    let mut next = tokens.next();
    let verb = match (first.as_str(), next.map(normalize).as_deref()) {
        ("sign", Some("up")) | ("log", Some("in")) => {
            next = tokens.next();
            if first == "sign" { "signup" } else { "login" }.to_string()
        }
        _ => first,
    };
    if !lexicon::is_imperative(&verb) && verb != "signup" && verb != "login" {
        return None;
    }
    let object_ok = match next {
        None => true,
        Some(token) => {
            let word = normalize(token);
            word.is_empty()
                || lexicon::is_stopword(&word)
                || matches!(word.as_str(), "here" | "now" | "today" | "more")
                || token.starts_with('@')
                || token.chars().next().is_some_and(char::is_uppercase)
        }
    };
    object_ok.then_some(verb)
}

/// Byte offset just after the last ". " (or "? ", "! ") in `text`: where
/// a trailing non-sentence tail starts.
pub fn last_sentence_break(text: &str) -> Option<usize> {
    let mut found = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && prev.is_some_and(|p| matches!(p, '.' | '!' | '?' | '…')) {
            found = Some(i);
        }
        prev = Some(c);
    }
    found.map(|i| i + text[i..].len() - text[i..].trim_start().len())
}

/// A fast, deterministic hash of a string (for look-ups, not security).
pub fn hash_str(s: &str) -> u64 {
    let mut hasher = FxHasher::default();
    s.hash(&mut hasher);
    hasher.finish()
}

/// Whether `text` ends like a sentence (see [`Features::ends_as_sentence`]).
pub fn ends_as_sentence(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// Lower-case a token and strip edge punctuation and a possessive "'s", so
/// `“Surrey’s` becomes `surrey` and `»` becomes empty.
pub fn normalize(token: &str) -> String {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
    let core = core
        .strip_suffix("'s")
        .or_else(|| core.strip_suffix("’s"))
        .unwrap_or(core);
    if core.is_ascii() {
        core.to_ascii_lowercase()
    } else {
        core.to_lowercase()
    }
}

/// Read "sign up" and "log in" as the single words "signup" and "login".
fn join_phrasal_verbs(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        let joined = match (out.last().map(String::as_str), word.as_str()) {
            (Some("sign"), "up") => Some("signup"),
            (Some("log"), "in") => Some("login"),
            _ => None,
        };
        match joined {
            Some(j) => {
                if let Some(last) = out.last_mut() {
                    *last = j.to_string();
                }
            }
            None => out.push(match word.as_str() {
                "sign-up" => "signup".to_string(),
                "log-in" => "login".to_string(),
                _ => word,
            }),
        }
    }
    out
}

/// A crude stem for comparing content words across the article: suffixes
/// of number and tense removed, then at most six characters kept, so
/// "elections" and "election" meet.
pub fn stem(word: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "s", "ly",
    ];
    let mut base = word;
    for suffix in SUFFIXES {
        if let Some(rest) = word.strip_suffix(suffix)
            && rest.chars().count() >= 3
        {
            base = rest;
            break;
        }
    }
    base.chars().take(6).collect()
}

/// The content words of a normalised word list, stemmed: no function
/// words, no general vocabulary, no numbers, at least three letters.
pub fn content_stems<'a>(words: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    words
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        .filter(|w| !lexicon::is_stopword(w) && !lexicon::is_common_word(w))
        .map(|w| stem(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_strips_edges_and_possessives() {
        assert_eq!(normalize("“Surrey’s"), "surrey");
        assert_eq!(normalize("»"), "");
        assert_eq!(normalize("@handle,"), "@handle");
        assert_eq!(normalize("U.S."), "u.s");
    }

    #[test]
    fn features_of_a_prompt() {
        let f = Features::new(
            "Want more? Sign up for our newsletter",
            &["Want more?", "Sign up for our newsletter"],
        );
        assert_eq!(f.word_count(), 6);
        assert!(f.words.contains(&"signup".to_string()));
        assert!(f.has_imperative_opener());
        assert!(f.has_publisher_voice());
        assert_eq!(f.imperatives, ["signup"]);
        assert!(!f.ends_as_sentence());
    }

    #[test]
    fn an_imperative_needs_an_object_not_a_noun_after_it() {
        assert_eq!(
            imperative_opener("Follow Jane Roe on Instagram"),
            Some("follow".into())
        );
        assert_eq!(imperative_opener("Share this:"), Some("share".into()));
        assert_eq!(imperative_opener("Download speeds are slow."), None);
        assert_eq!(imperative_opener("Said the mayor."), None);
    }

    #[test]
    fn sentence_endings_look_through_closing_quotes() {
        assert!(ends_as_sentence("He left.”"));
        assert!(ends_as_sentence("Why?)"));
        assert!(!ends_as_sentence("Storm closes schools"));
    }

    #[test]
    fn title_case_ratio_ignores_function_words() {
        let f = Features::new("Heat Wave Hits the Coast", &[]);
        assert_eq!(f.title_case_ratio(), 1.0);
        let f = Features::new("Heat wave hits the coast", &[]);
        assert_eq!(f.title_case_ratio(), 0.25);
    }

    #[test]
    fn stems_meet_across_number_and_tense() {
        assert_eq!(stem("elections"), stem("election"));
        assert_eq!(stem("voted"), "vot");
        assert_eq!(stem("voters"), "vot");
        assert_eq!(
            content_stems(&["the".to_string(), "rinks".to_string(), "2019".to_string()]),
            ["rink"]
        );
    }
}
