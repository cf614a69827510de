//! The paragraph-local steps of entity recognition, as two
//! [`driver::Pass`]es over the text model.
//!
//! [`Examine`] reads what one paragraph's text alone says: is it a caption
//! or a headline, which words it uses in lower case, which it capitalises.
//! [`Find`] makes the paragraph's name candidates. Candidates depend on one
//! document-wide fact: whether the text uses a capitalised word in lower
//! case anywhere ("Rose" at the start of a sentence is a name unless the
//! article also says "rose"). That fact, for each word the paragraph
//! capitalises, is [`Find`]'s key ([`LowercaseUse`]), so a paragraph's
//! candidates are found again only when its text or one of those answers
//! changes. All spans are paragraph-relative.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use super::super::driver::Pass;
use super::super::text::ParagraphModel;
use super::candidates::{self, Candidate};
use super::paragraph_kinds;
use super::words::{self, Token};
use crate::analysis::work::{tick, tick_n};

/// What a paragraph's text alone tells.
#[derive(Debug)]
pub(super) struct Examined {
    /// A photo caption or video teaser: its names are not in the story.
    pub caption: bool,
    /// The distinct words the paragraph uses in lower case, in the order
    /// of first use, each followed by a space (words never contain one):
    /// one allocation per paragraph instead of one per word.
    lowercase: String,
    /// The distinct lower-case forms of the words it capitalises, the same
    /// way: the words [`Find`] may ask about.
    capitalised: String,
}

impl Examined {
    /// The distinct words the paragraph uses in lower case.
    pub fn lowercase_words(&self) -> impl Iterator<Item = &str> {
        self.lowercase.split_terminator(' ')
    }

    /// The distinct lower-case forms of the words it capitalises.
    pub fn capitalised_words(&self) -> impl Iterator<Item = &str> {
        self.capitalised.split_terminator(' ')
    }
}

/// The local step that examines a paragraph.
pub(super) struct Examine;

impl Pass for Examine {
    type Key = ();
    type Local = Examined;

    fn local(&self, para: &ParagraphModel, _: &()) -> Examined {
        // the caption check lower-cases the text and looks for each credit
        tick_n(10 * para.text.len());
        if paragraph_kinds::is_caption_or_teaser(&para.text) {
            return Examined {
                caption: true,
                lowercase: String::new(),
                capitalised: String::new(),
            };
        }
        let (capitalised, lowercase) = word_sets(para);
        Examined {
            caption: false,
            lowercase: joined(&lowercase.order),
            capitalised: joined(&capitalised.order),
        }
    }
}

/// The distinct lower-case stems of the paragraph's capitalised words and
/// of its lower-case words, each in the order of first use: read straight
/// off the model's tokens, as [`words::sentence_words`] would classify
/// them.
fn word_sets(para: &ParagraphModel) -> (FxIndexSet<'_>, FxIndexSet<'_>) {
    let mut capitalised = FxIndexSet::default();
    let mut lowercase = FxIndexSet::default();
    for i in 0..para.sentences.len() {
        for t in para.sentence(i).iter().filter(|t| t.is_word()) {
            let lower = para.lower(t);
            // hashing the word into its set
            tick_n(lower.len() + 1);
            if words::is_capitalised(&para.text, t) {
                capitalised.insert(lower);
            } else {
                lowercase.insert(lower);
            }
        }
    }
    (capitalised, lowercase)
}

/// Distinct words in the order of first insertion, each with its index.
#[derive(Default)]
struct FxIndexSet<'p> {
    index: FxHashMap<&'p str, usize>,
    order: Vec<&'p str>,
}

impl<'p> FxIndexSet<'p> {
    fn insert(&mut self, word: &'p str) {
        let next = self.order.len();
        if let Entry::Vacant(slot) = self.index.entry(word) {
            slot.insert(next);
            self.order.push(word);
        }
    }

    fn position(&self, word: &str) -> Option<usize> {
        self.index.get(word).copied()
    }
}

fn joined(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for word in words {
        tick();
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// For each word a paragraph capitalises (in [`Examined::capitalised_words`]
/// order), whether the document uses it in lower case: one bit each.
pub(super) type LowercaseUse = Box<[u64]>;

/// The [`LowercaseUse`] of a paragraph whose capitalised words are
/// `capitalised`, when `used` tells the document's lower-case words.
pub(super) fn lowercase_use<'w>(
    capitalised: impl Iterator<Item = &'w str>,
    used: impl Fn(&str) -> bool,
) -> LowercaseUse {
    let mut bits: Vec<u64> = Vec::new();
    for (k, word) in capitalised.enumerate() {
        // hashing the word to ask whether the text uses it in lower case
        tick_n(word.len() + 1);
        if k % 64 == 0 {
            bits.push(0);
        }
        if used(word)
            && let Some(slot) = bits.last_mut()
        {
            *slot |= 1 << (k % 64);
        }
    }
    bits.into_boxed_slice()
}

/// The local step that finds a paragraph's candidates. Its key is `None`
/// for a paragraph that takes no part (boilerplate or a caption).
pub(super) struct Find;

impl Pass for Find {
    /// The paragraph's [`LowercaseUse`], and whether it opens the article
    /// (its first paragraph that is not furniture: the headline's place).
    type Key = Option<(LowercaseUse, bool)>;
    type Local = Vec<Candidate>;

    fn local(&self, para: &ParagraphModel, key: &Option<(LowercaseUse, bool)>) -> Vec<Candidate> {
        let Some((bits, opens)) = key else {
            return Vec::new();
        };
        let (capitalised, lowercase) = word_sets(para);
        // Every word asked about is one of the paragraph's: a capitalised
        // one is answered by the key, any other is used in lower case here.
        let seen = |word: &str| match capitalised.position(word) {
            Some(k) => bits.get(k / 64).is_some_and(|b| b & (1 << (k % 64)) != 0),
            None => lowercase.position(word).is_some(),
        };
        // a short headline ("Dry Summer Ahead") is one only where a
        // headline stands: the article's first paragraph
        let headline = paragraph_kinds::is_headline(para)
            || (*opens && paragraph_kinds::is_short_headline(para));
        let mut cands = Vec::new();
        for (i, &sentence) in para.sentences.iter().enumerate() {
            // "PORT ALDER —": a dateline names where the story was filed
            let mut tokens: Vec<Token<'_>> = words::sentence_words(para, i);
            tick_n(tokens.len());
            if let Some(dateline) = para.hints.dateline {
                tokens.retain(|t| t.span.start >= dateline.end);
            }
            let ctx = candidates::Context {
                text: &para.text,
                sentence,
                tokens: &tokens,
                headline,
                lowercase_seen: &seen,
            };
            candidates::sentence_candidates(&ctx, &mut cands);
        }
        cands
    }
}
