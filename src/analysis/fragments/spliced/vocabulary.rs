//! The local step of `fragment/spliced`: each sentence of a paragraph with
//! its content words (lower case, topicless words removed, lightly
//! stemmed, names kept whole) and whether anything in the paragraph itself
//! ties it to its neighbours.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::super::Para;
use crate::analysis::Span;
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Token;
use crate::analysis::work::{tick, tick_n};

/// One paragraph's content words, as the article-wide count needs them:
/// each comparison key once, with the sentences that use it.
#[derive(Debug, Default)]
pub(crate) struct Local {
    pub(super) vocabulary: Vec<Entry>,
    /// The keys of every sentence, sentence after sentence (see
    /// [`Sentence::keys`]).
    pub(super) keys: Vec<Key>,
    pub(super) sentences: Vec<Sentence>,
    /// A short line without a final mark (a subhead, a live blog's time,
    /// a letter's title): the paragraph after it is tied to it, as a list
    /// item is to the line that introduces the list.
    pub(super) heading: bool,
}

/// A comparison key of the paragraph: a stem, or a name kept whole.
#[derive(Debug)]
pub(super) struct Entry {
    pub text: Box<str>,
    /// How many of the paragraph's sentences have it among their settled
    /// keys ([`Sentence::keys`]).
    pub sentences: u32,
    /// Whether it is the stem of a word the paragraph writes in lower case:
    /// then a capitalised first word with this stem is not a name, anywhere
    /// in the article.
    pub lower: bool,
}

/// One settled key of a sentence: an index into [`Local::vocabulary`], and
/// whether the sentence uses it as a name.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key {
    pub entry: u32,
    pub name: bool,
    /// Whether the sentence uses it as the name of a place (a gazetteer
    /// place that is not also a personal name).
    pub place: bool,
}

/// One sentence as the cohesion measure sees it.
#[derive(Debug)]
pub(super) struct Sentence {
    /// Relative to the paragraph.
    pub span: Span,
    /// Whether the sentence may be reported, as far as its paragraph can
    /// tell (tied sentences and lines without terminal punctuation never
    /// are).
    pub candidate: bool,
    /// Its keys in [`Local::keys`], each once.
    pub keys: Range<usize>,
    /// A capitalised first word (bare, stem): a name unless the article
    /// also writes its stem in lower case, which only the whole article
    /// knows.
    pub doubtful: Option<(u32, u32)>,
    /// Whether it names a day or a month: an event of its own time.
    pub dated: bool,
    /// Whether its first word refers back ("It", "She", "But"): it goes on
    /// from the sentence before, which is then no lone pasted sentence.
    pub opens_with_tie: bool,
}

impl Local {
    pub(super) fn has_key(&self, sentence: &Sentence, entry: u32) -> bool {
        tick_n(sentence.keys.len());
        self.keys[sentence.keys.clone()]
            .iter()
            .any(|k| k.entry == entry)
    }
}

/// The paragraph's sentences with their content words and keys. Names are
/// kept whole ("Christie" and "Christyn" differ); other words are stemmed.
pub(crate) fn local(para: &Para) -> Local {
    // Sized for a distinct entry per word up front, so the index does
    // not re-hash itself as it grows.
    let mut builder = Builder {
        index: FxHashMap::with_capacity_and_hasher(
            para.model.tokens.list.len(),
            Default::default(),
        ),
        ..Builder::default()
    };
    for k in 0..para.sentences.len() {
        tick();
        let after_quote = k
            .checked_sub(1)
            .is_some_and(|j| ends_with_quote_mark(para, para.tokens_of(j)));
        builder.sentence(para, k, after_quote);
    }
    // A paragraph whose second sentence takes up its first ("A story on
    // Monday gave the wrong figure. It will cost ...") opens a thread of
    // its own. (Only the opening sentence: inside a paragraph the next
    // sentence's "He" or "But" may go back past a pasted sentence to the
    // one before it.)
    if builder.sentences.get(1).is_some_and(|s| s.opens_with_tie)
        && let Some(first) = builder.sentences.first_mut()
    {
        first.candidate = false;
    }
    let tokens = &para.model.tokens.list;
    let words = tokens.iter().filter(|t| t.is_word()).count();
    // "10:20 a.m." ends on an abbreviation's point, not a sentence's
    let ends_on_abbreviation = tokens
        .iter()
        .rev()
        .find(|t| t.is_word())
        .is_some_and(|t| para.slice(t.span).trim_end_matches('.').contains('.'));
    let heading = para.sentences.len() == 1
        && words <= HEADING_WORDS
        && (ends_on_abbreviation || !para.text.trim_end().ends_with(['.', '!', '?']));
    builder.finish(heading)
}

/// Most words of a [`Local::heading`].
const HEADING_WORDS: usize = 8;

/// True when the last token of a sentence is a quotation mark.
fn ends_with_quote_mark(para: &Para, tokens: &[Token]) -> bool {
    tokens
        .last()
        .is_some_and(|t| para.quotes.mark_at(t.span.start).is_some())
}

/// True when a quotation mark lies inside `span`.
fn has_quote_mark(para: &Para, span: Span) -> bool {
    let marks = &para.quotes.marks;
    let k = marks.partition_point(|m| m.span.start < span.start);
    marks.get(k).is_some_and(|m| m.span.start < span.end)
}

/// Builds a paragraph's [`Local`]: one pass over each sentence's words.
#[derive(Default)]
struct Builder {
    index: FxHashMap<Box<str>, u32>,
    /// Per entry: sentences with it as a settled key, lower-case use, the
    /// last sentence (numbered from 1) that listed it, and where in
    /// `keys` that sentence listed it (so a word repeated in a long
    /// sentence finds its key at once, not by a scan of the sentence's).
    counts: Vec<(u32, bool, usize, usize)>,
    keys: Vec<Key>,
    sentences: Vec<Sentence>,
}

impl Builder {
    fn sentence(&mut self, para: &Para, k: usize, after_quote: bool) {
        let span = para.sentences[k];
        let first_key = self.keys.len();
        let number = self.sentences.len() + 1;
        let mut doubtful = None;
        let mut dated = false;
        let mut reporting = false;
        let mut tie = false;
        let mut opens_with_tie = false;
        let mut definite = false;
        let mut words = para
            .tokens_of(k)
            .iter()
            .filter(|t| t.is_word())
            .enumerate()
            .peekable();
        while let Some((i, token)) = words.next() {
            let lower = para.lower(token);
            // the content-word checks, the stem and the hash of the key
            tick_n(4 * lower.len() + 1);
            definite |= i == 0 && para.slice(token.span) == "The";
            reporting |= after_quote && token.tags.contains(Tags::REPORTING_VERB | Tags::OBJECT);
            let next = words.peek().map_or("", |(_, t)| para.lower(t));
            let ties = is_tie(i, lower, token.tags) && !introduces_examples(lower, next);
            tie |= ties;
            opens_with_tie |= i == 0 && ties;
            let Some(bare) = content_word(lower, token.tags) else {
                continue;
            };
            let stemmed = stem(bare);
            if !token.is_capitalised() {
                let entry = self.key(stemmed, false, first_key, number);
                self.counts[entry as usize].1 = true;
            } else if token.tags.contains(Tags::CALENDAR) {
                dated = true;
                self.key(stemmed, false, first_key, number);
            } else if i == 0 {
                doubtful = Some((self.entry(bare), self.entry(stemmed)));
            } else {
                let entry = self.key(bare, true, first_key, number);
                // a place by itself, not the first word of a longer name
                // ("Columbia University")
                let next_capitalised = words.peek().is_some_and(|(_, t)| t.is_capitalised());
                let place = token.tags.contains(Tags::PLACE)
                    && !token.tags.intersects(Tags::GIVEN_NAME | Tags::SURNAME)
                    && !next_capitalised;
                // the sentence's key for it, new or listed before
                let at = self.counts[entry as usize].3;
                if place && let Some(k) = self.keys.get_mut(at).filter(|k| k.entry == entry) {
                    k.place = true;
                }
            }
        }
        let attribution = after_quote && reporting;
        let tied = attribution
            || definite
            || tie
            || has_quote_mark(para, span)
            || para.quotes.inside(span.start);
        tick_n(span.len() - para.slice(span).trim_end().len() + 1);
        // a list item's cohesion is with the line that introduces the list
        let candidate = !tied
            && !para.hints().list_item
            && para.slice(span).trim_end().ends_with(['.', '!', '?']);
        self.sentences.push(Sentence {
            span,
            candidate,
            keys: first_key..self.keys.len(),
            doubtful,
            dated,
            opens_with_tie,
        });
    }

    /// The vocabulary entry for `text`, made if new.
    fn entry(&mut self, text: &str) -> u32 {
        if let Some(&entry) = self.index.get(text) {
            return entry;
        }
        let entry = u32::try_from(self.counts.len()).unwrap_or(u32::MAX);
        self.index.insert(text.into(), entry);
        self.counts.push((0, false, 0, 0));
        entry
    }

    /// Add `text` to the keys of sentence `number` (whose keys start at
    /// `first_key`), once; a name use marks the key as a name.
    fn key(&mut self, text: &str, name: bool, first_key: usize, number: usize) -> u32 {
        let entry = self.entry(text);
        let counts = &mut self.counts[entry as usize];
        if counts.2 == number {
            // listed by this sentence already, at `counts.3`
            if name
                && let Some(k) = self
                    .keys
                    .get_mut(counts.3)
                    .filter(|k| k.entry == entry && counts.3 >= first_key)
            {
                k.name = true;
            }
        } else {
            counts.0 += 1;
            counts.2 = number;
            counts.3 = self.keys.len();
            self.keys.push(Key {
                entry,
                name,
                place: false,
            });
        }
        entry
    }

    fn finish(self, heading: bool) -> Local {
        let mut texts: Vec<Box<str>> = vec![Box::default(); self.counts.len()];
        for (text, entry) in self.index {
            tick();
            if let Some(slot) = texts.get_mut(entry as usize) {
                *slot = text;
            }
        }
        let vocabulary = texts
            .into_iter()
            .zip(self.counts)
            .map(|(text, (sentences, lower, _, _))| Entry {
                text,
                sentences,
                lower,
            })
            .collect();
        Local {
            vocabulary,
            keys: self.keys,
            sentences: self.sentences,
            heading,
        }
    }
}

/// True when word `i` of a sentence (`lower`, in lower case, with lexicon
/// `tags`) is a pronoun, demonstrative or connective (contractions count by
/// their first part: "we're" is "we"), or a negation: denying something
/// presupposes that the article raised it ("X was not seeking a fifth
/// term"). A conjunction ties only when it opens the sentence ("But ...",
/// "That decision ..."); inside a sentence it joins its own clauses.
fn is_tie(i: usize, lower: &str, tags: Tags) -> bool {
    if lower == "not" || lower.ends_with("n't") {
        return true;
    }
    if tags.contains(Tags::COHESIVE_TIE) || (i == 0 && tags.contains(Tags::CONJUNCTION)) {
        return true;
    }
    let Some((head, _)) = lower.split_once('\'') else {
        return false;
    };
    let head = crate::analysis::lexicon::tags(head);
    head.contains(Tags::COHESIVE_TIE) || (i == 0 && head.contains(Tags::CONJUNCTION))
}

/// True for "such as": it introduces examples ("countries such as France
/// and Spain"), where "such" alone refers back ("such a plan").
fn introduces_examples(lower: &str, next: &str) -> bool {
    lower == "such" && next == "as"
}

/// The content word in `lower` (a word's lower-case stem, possessive
/// already removed, with lexicon `tags`); None for topicless words, short
/// words, numbers and words with other signs than letters, apostrophes and
/// hyphens ("u.s.", "at&t").
fn content_word(lower: &str, tags: Tags) -> Option<&str> {
    let bare = lower.trim_end_matches('\'');
    let content = bare.chars().nth(2).is_some()
        && bare
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        && !tags.contains(Tags::TOPICLESS);
    content.then_some(bare)
}

/// A light stemmer: strip common inflections, then keep at most six
/// characters, so "campaigning", "campaigns" and "campaign" meet. The stem
/// is always a prefix of the word.
pub(super) fn stem(word: &str) -> &str {
    const SUFFIXES: &[&str] = &["ies", "ing", "ed", "es", "s", "ly"];
    let mut base = word;
    for suffix in SUFFIXES {
        if let Some(b) = word.strip_suffix(suffix)
            && b.chars().nth(2).is_some()
        {
            base = b;
            break;
        }
    }
    if base.chars().nth(3).is_some() {
        base = base.strip_suffix('e').unwrap_or(base);
    }
    match base.char_indices().nth(6) {
        Some((end, _)) => &base[..end],
        None => base,
    }
}
