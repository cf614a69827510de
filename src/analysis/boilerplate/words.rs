//! The pass's view of one paragraph: its words, read from the text model's
//! tokens, with the lexicon's tags, and the shape facts every rule shares
//! (stop-word density, Title Case, the reader addressed, imperatives).
//!
//! Nothing here scans characters for words: a word is a word token of
//! [`ParagraphModel::tokens`] and its lower-case form is the model's slice,
//! so building the view costs one small vector per paragraph. The one
//! liberty taken is reading "sign up" and "log in" (and "signing up",
//! "logged in", "sign-up", "log-in") as the single words "signup" and
//! "login", the way the UI-word list has them.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::BoilerplateKind;
use super::ablation;
use crate::analysis::lexicon::{self, Tags};
use crate::analysis::text::quotes::MarkKind;
use crate::analysis::text::{ParagraphModel, Shape, Token};
use crate::analysis::work::{tick, tick_n};

/// One word of a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Word<'m> {
    /// Index of the word's (first) token in the paragraph's tokens.
    pub at: usize,
    /// Lower-case stem ("signup" for "sign up").
    pub lower: &'m str,
    pub tags: Tags,
}

/// Most words of a quoted button or link label ("Accept", "Sign up now").
pub const BUTTON_LABEL_WORDS: usize = 3;

/// One paragraph, prepared for the rules.
#[derive(Debug)]
pub struct Features<'m> {
    pub para: &'m ParagraphModel,
    pub text: &'m str,
    pub words: Vec<Word<'m>>,
    /// The first word of each sentence that reads as an imperative (see
    /// [`imperative_opener`]), lower case.
    pub imperatives: Vec<&'m str>,
    /// Hashes of the paragraph's distinct content stems (see
    /// [`is_content_word`] and [`stem`]), sorted: what it is about.
    pub topic_stems: Vec<u64>,
    /// Per token: a mark standing alone (see [`Features::stands_alone`]).
    alone: Vec<bool>,
}

impl<'m> Features<'m> {
    pub fn new(para: &'m ParagraphModel) -> Self {
        let words = words_of(para);
        let imperatives = para
            .sentence_tokens
            .iter()
            .filter_map(|range| imperative_opener(para, range.start, range.end))
            .collect();
        let mut topic_stems: Vec<u64> = words
            .iter()
            .filter(|w| {
                tick_n(w.lower.len());
                is_content_word(w)
            })
            .map(|w| hash_str(stem(w.lower)))
            .collect();
        // a sort: counted as linear, the test's ratio leaves room for its log
        tick_n(topic_stems.len());
        topic_stems.sort_unstable();
        topic_stems.dedup();
        Features {
            para,
            text: &para.text,
            words,
            imperatives,
            topic_stems,
            alone: marks_standing_alone(&para.tokens.list),
        }
    }

    /// Whether token `i` is a punctuation mark in a run of marks with
    /// white space (or an edge) on both sides: " — ", " | ", " ... ".
    /// Read from a table made once per paragraph, so asking about every
    /// token of a long run of marks costs no more than the run.
    pub fn stands_alone(&self, i: usize) -> bool {
        self.alone.get(i).copied().unwrap_or(false)
    }

    pub fn tokens(&self) -> &'m [Token] {
        &self.para.tokens.list
    }

    /// The token a word starts at.
    pub fn token(&self, word: &Word<'_>) -> &'m Token {
        &self.para.tokens.list[word.at]
    }

    /// The text of a token as written.
    pub fn token_text(&self, token: &Token) -> &'m str {
        token.span.text(self.text)
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Ends like a sentence, perhaps before closing quotes or brackets.
    pub fn ends_as_sentence(&self) -> bool {
        self.para.hints.terminal
    }

    /// Has a double quotation mark or a guillemet (navigation arrows are
    /// not marks: the text model's quote scanner tells them apart).
    pub fn has_quotes(&self) -> bool {
        tick_n(self.para.quotes.marks.len());
        self.para
            .quotes
            .marks
            .iter()
            .any(|m| m.kind != MarkKind::Single)
    }

    /// Has a quotation of more than [`BUTTON_LABEL_WORDS`] words, or one
    /// left open: what may be somebody's words. A consent notice quotes
    /// its buttons ("By clicking “Accept”, you agree ..."), and those
    /// short labels say nothing of speech.
    pub fn has_quoted_words(&self) -> bool {
        let quotes = &self.para.quotes;
        tick_n(quotes.regions.len() + quotes.marks.len());
        let unpaired = !quotes.unclosed.is_empty()
            || !quotes.stray_closes.is_empty()
            || quotes.open_at_end.is_some();
        unpaired
            || quotes.regions.iter().any(|r| {
                r.kind != MarkKind::Single
                    && r.inner.text(self.text).split_whitespace().count() > BUTTON_LABEL_WORDS
            })
    }

    /// Has a double quotation mark.
    pub fn has_speech_quotes(&self) -> bool {
        tick_n(self.para.quotes.marks.len());
        self.para
            .quotes
            .marks
            .iter()
            .any(|m| m.kind == MarkKind::Double)
    }

    /// Starts with a bullet or dash list marker standing alone.
    pub fn starts_with_bullet(&self) -> bool {
        let tokens = self.tokens();
        tokens.first().is_some_and(|t| {
            t.is_punct()
                && matches!(
                    self.token_text(t),
                    "•" | "·" | "*" | "-" | "–" | "—" | "▪" | "‣"
                )
                && !tokens.get(1).is_some_and(|next| glued(t, next))
        })
    }

    /// Share of the words that are stop words.
    pub fn stop_word_share(&self) -> f32 {
        tick_n(self.words.len());
        let stops = self
            .words
            .iter()
            .filter(|w| w.tags.contains(Tags::STOP_WORD))
            .count();
        share(stops, self.words.len())
    }

    /// Share of the lexical words (not stop words, not numbers) that start
    /// with a capital: 1.0 for Title Case headlines.
    pub fn title_case_share(&self) -> f32 {
        let mut lexical = 0;
        let mut capitalised = 0;
        for w in &self.words {
            tick();
            let token = self.token(w);
            if token.shape == Shape::Number || w.tags.contains(Tags::STOP_WORD) {
                continue;
            }
            lexical += 1;
            if starts_upper(self.token_text(token)) {
                capitalised += 1;
            }
        }
        share(capitalised, lexical)
    }

    /// Speaks in the publisher's voice ("we", "our", "us", "this site").
    pub fn has_publisher_voice(&self) -> bool {
        tick_n(2 * self.words.len());
        self.words
            .iter()
            .any(|w| matches!(w.lower, "we" | "our" | "us"))
            || self.words.windows(2).any(|pair| {
                pair[0].lower == "this" && matches!(pair[1].lower, "site" | "website" | "page")
            })
    }

    /// Addresses the reader ("you", "your").
    pub fn addresses_reader(&self) -> bool {
        tick_n(self.words.len());
        self.words
            .iter()
            .any(|w| matches!(w.lower, "you" | "your" | "you're"))
    }

    /// Reports speech ("said", "told", "according"): article prose, not a
    /// prompt. A short list of its own: the lexicon's reporting verbs
    /// include "share", "tell" and "comment", the very words of prompts.
    pub fn reports_speech(&self) -> bool {
        tick_n(self.words.len());
        self.words.iter().any(|w| {
            matches!(
                w.lower,
                "said" | "says" | "told" | "added" | "according" | "asked" | "wrote" | "stated"
            )
        })
    }

    pub fn last_word(&self) -> Option<&Word<'m>> {
        self.words.last()
    }

    /// The words whose tokens start in `from..to` (token indices).
    pub fn words_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Word<'m>> + '_ {
        tick_n(self.words.len());
        self.words
            .iter()
            .filter(move |w| (from..to).contains(&w.at))
    }

    /// Where the last sentence starts (a token index), when there are two
    /// or more.
    pub fn last_sentence_start(&self) -> Option<usize> {
        let ranges = &self.para.sentence_tokens;
        (ranges.len() >= 2)
            .then(|| ranges.last().map(|r| r.start))
            .flatten()
            .filter(|&at| at < self.tokens().len())
    }
}

/// One item of a list in a paragraph (links between `|`, tags between
/// commas): its number of words and its text.
#[derive(Debug, Clone, Copy)]
pub struct Item<'m> {
    pub words: usize,
    pub text: &'m str,
}

impl<'m> Features<'m> {
    /// The first word, unless a mark standing alone comes before it ("•
    /// Follow us" opens with a bullet, "“Watch" with "watch").
    pub fn opening_word(&self) -> Option<&'m str> {
        let first = self.words.first()?;
        tick_n(first.at);
        (0..first.at)
            .all(|i| !self.stands_alone(i))
            .then_some(first.lower)
    }

    /// The non-empty items of the tokens from index `from` on, separated
    /// by the marks `is_separator` accepts.
    pub fn items(&self, from: usize, is_separator: impl Fn(&str) -> bool) -> Vec<Item<'m>> {
        let tokens = self.tokens();
        let mut out = Vec::new();
        let mut start = from;
        for end in from..=tokens.len() {
            tick();
            if end < tokens.len()
                && !(tokens[end].is_punct() && is_separator(self.token_text(&tokens[end])))
            {
                continue;
            }
            if let Some(item) = tokens.get(start..end).filter(|item| !item.is_empty()) {
                out.push(Item {
                    words: item.iter().filter(|t| t.is_word()).count(),
                    text: &self.text[item[0].span.start..item[item.len() - 1].span.end],
                });
            }
            start = end + 1;
        }
        out
    }
}

/// The words of `para`, with "sign up" and "log in" (in any form) joined.
fn words_of(para: &ParagraphModel) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::with_capacity(para.hints.words);
    for (at, token) in para.tokens.list.iter().enumerate() {
        tick();
        if token.is_punct() {
            continue;
        }
        let lower = para.lower(token);
        let joined = match (words.last().map(|w| w.lower), lower) {
            (Some("sign" | "signing" | "signed"), "up") => Some("signup"),
            (Some("log" | "logging" | "logged"), "in") => Some("login"),
            _ => None,
        };
        if let (Some(joined), Some(last)) = (joined, words.last_mut()) {
            *last = Word {
                at: last.at,
                lower: joined,
                tags: ablation::tags_of_word(lexicon::tags(joined)),
            };
            continue;
        }
        let word = match lower {
            "sign-up" | "log-in" => {
                let joined = if lower == "sign-up" {
                    "signup"
                } else {
                    "login"
                };
                Word {
                    at,
                    lower: joined,
                    tags: ablation::tags_of_word(lexicon::tags(joined)),
                }
            }
            _ => Word {
                at,
                lower,
                tags: ablation::tags_of_word(token.tags),
            },
        };
        words.push(word);
    }
    words
}

/// The imperative verb that opens the sentence of tokens `from..to`, if it
/// is used as one: followed by nothing, a stop word, "here"/"now", a
/// capitalised name or a handle ("Follow Jane ...", "Share this:", not
/// "Share prices ..."). A mark glued to the verb ("“Subscribe") is read
/// through; a mark standing alone before it ("• Subscribe") is no verb.
fn imperative_opener(para: &ParagraphModel, from: usize, to: usize) -> Option<&str> {
    let tokens = para.tokens.list.get(from..to)?;
    let mut i = 0;
    while tokens.get(i)?.is_punct() {
        tick();
        if !tokens
            .get(i + 1)
            .is_some_and(|next| glued(&tokens[i], next))
        {
            return None;
        }
        i += 1;
    }
    let first = para.lower(&tokens[i]);
    let second = tokens
        .get(i + 1)
        .filter(|t| t.is_word())
        .map(|t| para.lower(t));
    let (verb, mut next) = match (first, second) {
        ("sign", Some("up")) => ("signup", i + 2),
        ("log", Some("in")) => ("login", i + 2),
        ("sign-up", _) => ("signup", i + 1),
        ("log-in", _) => ("login", i + 1),
        _ => (first, i + 1),
    };
    if !(lexicon::tags(verb).contains(Tags::IMPERATIVE) || matches!(verb, "signup" | "login")) {
        return None;
    }
    // Marks glued to the verb ("Share:") end it, they are not its object.
    while next < tokens.len() && tokens[next].is_punct() && glued(&tokens[next - 1], &tokens[next])
    {
        tick();
        next += 1;
    }
    let Some(object) = tokens.get(next) else {
        return Some(verb);
    };
    let object = if object.is_punct() {
        let text = object.span.text(&para.text);
        match tokens.get(next + 1) {
            _ if text == "@" => return Some(verb),
            Some(word) if word.is_word() && glued(object, word) => word,
            _ => return Some(verb),
        }
    } else {
        object
    };
    let lower = para.lower(object);
    let ok = object.tags.contains(Tags::STOP_WORD)
        || matches!(lower, "here" | "now" | "today" | "more")
        || starts_upper(object.span.text(&para.text));
    ok.then_some(verb)
}

/// Nothing between two tokens: `“` and `We` in `“We`.
pub fn glued(a: &Token, b: &Token) -> bool {
    a.span.end == b.span.start
}

/// For each token, whether it is a punctuation mark in a run of marks
/// with white space (or an edge) on both sides: " — ", " | ", " ... ".
/// A mark stands alone when the maximal run of glued tokens around it
/// holds no word, so one pass over the runs answers for every token
/// (walking out from each mark instead costs the square of a run of
/// thousands of glued marks).
fn marks_standing_alone(tokens: &[Token]) -> Vec<bool> {
    let mut alone = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && glued(&tokens[end - 1], &tokens[end]) {
            tick();
            end += 1;
        }
        let run = start..end;
        tick_n(run.len());
        if tokens[run.clone()].iter().all(Token::is_punct) {
            alone[run].fill(true);
        }
        start = end;
    }
    alone
}

/// The first character is an upper-case letter.
pub fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// A fast, deterministic hash of a string (for look-ups, not security).
pub fn hash_str(s: &str) -> u64 {
    let mut hasher = FxHasher::default();
    s.hash(&mut hasher);
    hasher.finish()
}

/// Whether `text` ends like a sentence: `.`, `!`, `?` or `…`, perhaps
/// before closing quotation marks or brackets (for parts of a paragraph;
/// the paragraph's own is [`Features::ends_as_sentence`]).
pub fn ends_as_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// A word that says what a paragraph is about: three letters or more,
/// letters (and `-`, `'`) only, not a stop word, not general vocabulary.
fn is_content_word(w: &Word<'_>) -> bool {
    w.lower.chars().count() >= 3
        && w.lower
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !w.tags.intersects(Tags::STOP_WORD | Tags::GENERAL_WORD)
}

/// A crude stem for comparing content words across the article: suffixes
/// of number and tense removed, then at most six characters kept, so
/// "elections" and "election" meet.
pub fn stem(word: &str) -> &str {
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
    match base.char_indices().nth(6) {
        Some((end, _)) => &base[..end],
        None => base,
    }
}

/// The furniture kind a UI word points to (`None` for generic UI words).
pub fn ui_kind(tags: Tags) -> Option<BoilerplateKind> {
    use BoilerplateKind as K;
    const KINDS: &[(Tags, BoilerplateKind)] = &[
        (Tags::UI_AD, K::Ad),
        (Tags::UI_APP, K::App),
        (Tags::UI_COMMENTS, K::Comments),
        (Tags::UI_COOKIE, K::Cookie),
        (Tags::UI_FOLLOW, K::Follow),
        (Tags::UI_FOOTER, K::Footer),
        (Tags::UI_NAV, K::Nav),
        (Tags::UI_NEWSLETTER, K::Newsletter),
        (Tags::UI_PHOTO, K::Photo),
        (Tags::UI_RELATED, K::Related),
        (Tags::UI_SHARE, K::Share),
        (Tags::UI_TAGS, K::Tags),
        (Tags::UI_TOOLS, K::Tools),
        (Tags::UI_VIDEO, K::Video),
    ];
    first_kind(KINDS, tags)
}

/// Whether the word names a kind of furniture, said or not
/// ([`Tags::UI_OTHER`]: its kind left out by the ablation test).
pub fn names_furniture(tags: Tags) -> bool {
    ui_kind(tags).is_some() || tags.contains(Tags::UI_OTHER)
}

/// The kind of the first of `kinds` whose tag `tags` carries.
fn first_kind(kinds: &[(Tags, BoilerplateKind)], tags: Tags) -> Option<BoilerplateKind> {
    kinds
        .iter()
        .find(|(tag, _)| tags.contains(*tag))
        .map(|&(_, kind)| kind)
}

/// The kind of link a label's key word announces ("read" → related).
pub fn label_kind(tags: Tags) -> Option<BoilerplateKind> {
    use BoilerplateKind as K;
    const KINDS: &[(Tags, BoilerplateKind)] = &[
        (Tags::LABEL_PHOTO, K::Photo),
        (Tags::LABEL_RELATED, K::Related),
        (Tags::LABEL_TAGS, K::Tags),
        (Tags::LABEL_VIDEO, K::Video),
    ];
    first_kind(KINDS, tags)
}

/// For tests: `check` run on the features of the first paragraph of
/// `text`.
#[cfg(test)]
pub(super) fn with_features<T>(text: &str, check: impl FnOnce(&Features<'_>) -> T) -> T {
    let model = crate::analysis::driver::Driver::default().model(text);
    check(&Features::new(&model.paragraphs[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_of_a_prompt() {
        with_features("Want more? Sign up for our newsletter", |f| {
            assert_eq!(f.word_count(), 6);
            assert!(f.words.iter().any(|w| w.lower == "signup"));
            assert_eq!(f.imperatives, ["signup"]);
            assert!(f.has_publisher_voice());
            assert!(!f.ends_as_sentence());
        });
    }

    #[test]
    fn an_imperative_needs_an_object_not_a_noun_after_it() {
        let opener =
            |text: &str| with_features(text, |f| f.imperatives.first().map(|v| v.to_string()));
        assert_eq!(
            opener("Follow Jane Roe on Instagram").as_deref(),
            Some("follow")
        );
        assert_eq!(opener("Share this:").as_deref(), Some("share"));
        assert_eq!(opener("Follow @herald").as_deref(), Some("follow"));
        assert_eq!(opener("Download speeds are slow."), None);
        assert_eq!(opener("Said the mayor."), None);
        assert_eq!(opener("• Subscribe now"), None);
    }

    #[test]
    fn sentence_endings_look_through_closing_quotes() {
        assert!(ends_as_sentence("He left.”"));
        assert!(ends_as_sentence("Why?)"));
        assert!(!ends_as_sentence("Storm closes schools"));
    }

    #[test]
    fn title_case_share_ignores_stop_words() {
        assert_eq!(
            with_features("Heat Wave Hits the Coast", |f| f.title_case_share()),
            1.0
        );
        assert_eq!(
            with_features("Heat wave hits the coast", |f| f.title_case_share()),
            0.25
        );
    }

    #[test]
    fn stems_meet_across_number_and_tense() {
        assert_eq!(stem("elections"), stem("election"));
        assert_eq!(stem("voted"), "vot");
        assert_eq!(stem("voters"), "vot");
        let stems = with_features("the rinks 2019", |f| f.topic_stems.clone());
        assert_eq!(stems, [hash_str("rink")]);
    }

    #[test]
    fn lone_marks_stand_alone_glued_ones_do_not() {
        with_features("Home — “News” ...", |f| {
            let alone: Vec<bool> = (0..f.tokens().len()).map(|i| f.stands_alone(i)).collect();
            // Home, —, “, News, ”, ., ., .
            assert_eq!(alone, [false, true, false, false, false, true, true, true]);
        });
    }

    #[test]
    fn ui_and_label_kinds_come_from_the_lexicon() {
        assert_eq!(
            ui_kind(lexicon::tags("newsletter")),
            Some(BoilerplateKind::Newsletter)
        );
        assert!(lexicon::tags("newsletter").contains(Tags::UI_NOUN));
        assert_eq!(ui_kind(lexicon::tags("below")), None);
        assert!(lexicon::tags("below").contains(Tags::UI_WORD));
        assert_eq!(
            label_kind(lexicon::tags("topics")),
            Some(BoilerplateKind::Tags)
        );
    }
}
