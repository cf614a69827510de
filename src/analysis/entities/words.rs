//! The text model's word tokens in the view the name rules read: words
//! only (punctuation dropped, the gaps between words are read from the
//! paragraph text), each with its lower-case stem and the two shape facts
//! names need beyond the model's [`Shape`]. Built from the model's tokens,
//! never by scanning characters for words.

use super::super::Span;
use super::super::lexicon::Tags;
use super::super::text::{ParagraphModel, Shape, Token as ModelToken};
use crate::analysis::work::tick_n;

/// One word of a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'t> {
    /// The word without a possessive ending or an abbreviation's period
    /// (initials keep theirs).
    pub span: Span,
    /// Where the word ends, possessive ending or period included.
    pub end: usize,
    pub possessive: bool,
    /// Lower case, apostrophes straightened (the model's stem).
    pub lower: &'t str,
    /// The stem's lexicon tags, as the model looked them up.
    pub tags: Tags,
    /// The first character is an upper-case letter, or the word is an
    /// Arabic-style name with a lower-case article: "al-Assad", "el-Sisi".
    pub capitalised: bool,
    /// Two or more letters, all upper case ("FBI", "U.S.").
    pub all_caps: bool,
    /// An abbreviation's period belongs to the word ("Mr." → "Mr").
    pub dotted: bool,
    /// A capitalised word with a lower-case part after a hyphen:
    /// "Chinese-language", "Ottawa-based" (an adjective, not a name).
    pub compound_adjective: bool,
}

/// The words of sentence `i` of `para`.
pub(super) fn sentence_words(para: &ParagraphModel, i: usize) -> Vec<Token<'_>> {
    let text: &str = &para.text;
    para.sentence(i)
        .iter()
        .filter(|t| t.is_word())
        .map(|t| {
            let stem = t.stem.text(text);
            // the name prefix and the hyphen look at the stem
            tick_n(2 * stem.len() + 1);
            let capitalised = is_capitalised(text, t);
            // a name prefix starts in lower case: "al-Assad"
            let name_prefix = capitalised && !t.is_capitalised();
            Token {
                span: t.stem,
                end: t.span.end,
                possessive: t.possessive,
                lower: para.lower(t),
                tags: t.tags,
                capitalised,
                all_caps: t.is_all_caps(),
                dotted: t.dotted && t.shape != Shape::Initials,
                compound_adjective: capitalised
                    && !name_prefix
                    && stem
                        .rsplit_once('-')
                        .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase)),
            }
        })
        .collect()
}

/// Whether the name rules read the model's word `token` as capitalised
/// (see [`Token::capitalised`]).
pub(super) fn is_capitalised(text: &str, token: &ModelToken) -> bool {
    token.is_capitalised() || has_name_prefix(token.stem.text(text))
}

/// "al-Assad", "el-Sisi", "bin-Salman": a lower-case prefix, a hyphen and a
/// capital.
fn has_name_prefix(word: &str) -> bool {
    ["al-", "el-", "bin-", "abu-"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}
