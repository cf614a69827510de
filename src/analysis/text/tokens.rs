//! The one tokenizer: a paragraph's words and punctuation, with byte spans,
//! a lower-case form, a shape and the lexicon's tags, built once per
//! paragraph and read by every pass.
//!
//! The rules, chosen so that each pass finds the view it needs in one
//! stream instead of re-tokenizing:
//!
//! - A **word** starts at a letter or digit and runs over letters, digits
//!   and `&`, and over the joiners `'`, `’`, `-`, `‐`, `.` when a letter or
//!   digit follows ("O’Brien", "Jean-Luc", "U.S", "AT&T"). Between digits
//!   `,`, `:` and `/` join too ("4,060", "4:16", "24/7").
//! - A **possessive** ending stays in the token ("Putin’s", "the Joneses’")
//!   and is marked: [`Token::stem`] is the word without it.
//! - A **period** after initials ("J.", "U.S.") or after a word the lexicon
//!   tags `abbreviation` ("Mr.", "Sen.", "Jan.") belongs to the token and
//!   does not end a sentence; the stem keeps the periods of initials and
//!   drops the abbreviation's ("U.S.", "Mr").
//! - Every other character that is not white space is a **punctuation**
//!   token of its own, quotation marks and apostrophes included; which of
//!   those are quotation marks is the quote scanner's business
//!   ([`super::quotes`]).
//!
//! Lower-case forms (apostrophes straightened to `'`) live in one buffer
//! per paragraph, so a token costs no allocation of its own.

use super::super::Span;
use super::lexicon::{self, Tags};
use crate::analysis::work::tick_n;

/// What a token looks like, for the name, headline and furniture rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// All letters lower case ("said", "e-mail").
    Lower,
    /// First letter upper case, not all caps ("Putin", "McDonald", "Jean-Luc").
    Capitalised,
    /// Two or more letters, all upper case ("FBI", "NATO's").
    AllCaps,
    /// Single letters each followed by a period ("J.", "U.S.", "D.C.").
    Initials,
    /// Starts with a digit ("2024", "4,060", "90s", "3rd").
    Number,
    /// A letter word of another case pattern ("iPhone", "al-Assad").
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a paragraph. Spans are relative to the paragraph's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The whole token, possessive ending and absorbed period included.
    pub span: Span,
    /// The word without its possessive ending and without an
    /// abbreviation's period (initials keep theirs). Equal to `span` for
    /// punctuation.
    pub stem: Span,
    pub shape: Shape,
    /// Lexicon tags of the lower-case stem.
    pub tags: Tags,
    /// The token ends with a possessive `'s`, `’s` or a plural `s’`.
    pub possessive: bool,
    /// A period belongs to the token (initials, abbreviations).
    pub dotted: bool,
    /// Where the lower-case stem lies in the paragraph's lower-case buffer.
    lower: (u32, u32),
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }

    pub fn is_punct(&self) -> bool {
        self.shape == Shape::Punct
    }

    /// Starts with an upper-case letter (capitalised, all caps, initials,
    /// some mixed forms).
    pub fn is_capitalised(&self) -> bool {
        matches!(
            self.shape,
            Shape::Capitalised | Shape::AllCaps | Shape::Initials
        )
    }

    /// Two or more letters, all upper case, initials included ("U.S.").
    pub fn is_all_caps(&self) -> bool {
        self.shape == Shape::AllCaps || (self.shape == Shape::Initials && self.stem.len() >= 4)
    }
}

/// The tokens of one paragraph and their lower-case forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub list: Vec<Token>,
    lower: String,
}

impl Tokens {
    /// The lower-case stem of `token` (apostrophes straightened).
    pub fn lower(&self, token: &Token) -> &str {
        &self.lower[token.lower.0 as usize..token.lower.1 as usize]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '&'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

fn is_digit_joiner(c: char) -> bool {
    matches!(c, ',' | ':' | '/')
}

/// Tokenize one paragraph. Linear in its length.
pub fn tokenize(para: &str) -> Tokens {
    let mut out = Tokens {
        list: Vec::with_capacity(para.len() / 5 + 1),
        lower: String::with_capacity(para.len()),
    };
    let bytes = para.as_bytes();
    let mut chars = para.char_indices().peekable();
    // Both loops below take chars from one iterator: one step per char
    // (at most one per byte), counted at once.
    tick_n(para.len());
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            let span = Span::new(start, start + c.len_utf8());
            push(&mut out, para, span, span, Shape::Punct, false, false);
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut last = c;
        while let Some(&(j, d)) = chars.peek() {
            let after = j + d.len_utf8();
            // the char after `d` matters only when `d` is a joiner
            let joins = is_word_char(d) || {
                let next = para[after..].chars().next();
                (is_joiner(d) && next.is_some_and(is_word_char))
                    || (is_digit_joiner(d)
                        && last.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()))
            };
            if !joins {
                break;
            }
            chars.next();
            end = after;
            last = d;
        }
        // A plural possessive: "the Joneses’ house".
        let mut possessive = false;
        let mut stem_end = end;
        if let Some(&(j, d)) = chars.peek()
            && matches!(d, '\'' | '’')
            && last == 's'
            && end - start >= 3
            && !para[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
        {
            chars.next();
            end = j + d.len_utf8();
            possessive = true;
        } else if let Some(cut) = possessive_cut(&para[start..end]) {
            stem_end = start + cut;
            possessive = true;
        }
        let word = &para[start..stem_end];
        // the possessive, initials and shape checks each read the word once
        tick_n(3 * (end - start));
        let initials = is_initials_prefix(word) && bytes.get(end) == Some(&b'.');
        let mut dotted = false;
        let mut stem = Span::new(start, stem_end);
        if !possessive && bytes.get(end) == Some(&b'.') {
            if initials {
                end += 1;
                stem = Span::new(start, end);
                dotted = true;
            } else if is_abbreviation(word) {
                end += 1;
                dotted = true;
                chars.next();
            }
            if initials {
                chars.next();
            }
        }
        let shape = shape_of(stem.text(para));
        push(
            &mut out,
            para,
            Span::new(start, end),
            stem,
            shape,
            possessive,
            dotted,
        );
    }
    out
}

fn push(
    out: &mut Tokens,
    para: &str,
    span: Span,
    stem: Span,
    shape: Shape,
    possessive: bool,
    dotted: bool,
) {
    let from = out.lower.len();
    let text = stem.text(para);
    // lower-casing the stem, then hashing it for its tags
    tick_n(2 * text.len());
    if text.is_ascii() {
        out.lower.push_str(text);
        out.lower[from..].make_ascii_lowercase();
    } else {
        for c in text.chars() {
            if c == '’' {
                out.lower.push('\'');
            } else {
                out.lower.extend(c.to_lowercase());
            }
        }
    }
    let lower = (from as u32, out.lower.len() as u32);
    let tags = if matches!(shape, Shape::Punct | Shape::Number) {
        Tags::default()
    } else {
        // The lexicon keeps initials without their final period ("u.s").
        lexicon::tags(out.lower[from..].trim_end_matches('.'))
    };
    out.list.push(Token {
        span,
        stem,
        shape,
        tags,
        possessive,
        dotted,
        lower,
    });
}

/// Length of the word without a possessive `'s`/`’s`, if it has one.
fn possessive_cut(word: &str) -> Option<usize> {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 2
        {
            return Some(stem.len());
        }
    }
    None
}

/// "J", "U.S", "D.C": single letters joined by periods, the last period
/// still to come.
fn is_initials_prefix(word: &str) -> bool {
    let mut chars = word.chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => return true,
            (Some(c), Some('.')) if c.is_alphabetic() => {}
            _ => return false,
        }
    }
}

fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 6];
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()])
        .is_ok_and(|lower| lexicon::tags(lower).contains(Tags::ABBREVIATION))
}

fn shape_of(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Punct;
    };
    if first.is_numeric() {
        return Shape::Number;
    }
    if is_initials(word) {
        return Shape::Initials;
    }
    let mut letters = 0;
    let mut upper = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    if upper == 0 {
        Shape::Lower
    } else if letters >= 2 && upper == letters {
        Shape::AllCaps
    } else if first.is_uppercase() {
        Shape::Capitalised
    } else {
        Shape::Mixed
    }
}

/// Single letters each followed by a period: "J.", "U.S.".
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut groups = 0;
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return groups > 0,
            (Some(c), Some('.')) if c.is_alphabetic() => groups += 1,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, Shape)> {
        tokenize(text)
            .list
            .iter()
            .map(|t| (t.span.text(text), t.shape))
            .collect()
    }

    fn stems(text: &str) -> Vec<&str> {
        tokenize(text)
            .list
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.stem.text(text))
            .collect()
    }

    #[test]
    fn titles_initials_and_possessives() {
        let text = "Mr. Putin’s aide met J. K. Rowling in the U.S. today.";
        assert_eq!(
            stems(text),
            [
                "Mr", "Putin", "aide", "met", "J.", "K.", "Rowling", "in", "the", "U.S.", "today"
            ]
        );
        let tokens = tokenize(text);
        let words: Vec<_> = tokens.list.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            [
                "Mr.",
                "Putin’s",
                "aide",
                "met",
                "J.",
                "K.",
                "Rowling",
                "in",
                "the",
                "U.S.",
                "today",
                "."
            ]
        );
        assert!(tokens.list[1].possessive);
        assert_eq!(tokens.lower(&tokens.list[1]), "putin");
        assert!(tokens.list[0].dotted);
        assert_eq!(tokens.list[9].shape, Shape::Initials);
        assert!(tokens.list[9].is_all_caps());
    }

    #[test]
    fn a_sentence_final_period_is_punctuation() {
        assert_eq!(
            spans("He left."),
            [
                ("He", Shape::Capitalised),
                ("left", Shape::Lower),
                (".", Shape::Punct)
            ]
        );
    }

    #[test]
    fn joiners_inside_words_and_numbers() {
        assert_eq!(
            stems("O’Regan and Jean-Luc earned 4,060 at 4:16 on 24/7, AT&T said"),
            [
                "O’Regan",
                "and",
                "Jean-Luc",
                "earned",
                "4,060",
                "at",
                "4:16",
                "on",
                "24/7",
                "AT&T",
                "said"
            ]
        );
        // A comma after a word is punctuation.
        assert_eq!(
            spans("Ottawa, 3"),
            [
                ("Ottawa", Shape::Capitalised),
                (",", Shape::Punct),
                ("3", Shape::Number)
            ]
        );
    }

    #[test]
    fn plural_possessives_and_quote_marks() {
        let text = "the Joneses’ house, ‘plan’";
        let tokens = tokenize(text);
        let got: Vec<_> = tokens.list.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(got, ["the", "Joneses’", "house", ",", "‘", "plan", "’"]);
        assert!(tokens.list[1].possessive);
        assert_eq!(tokens.list[1].stem.text(text), "Joneses");
    }

    #[test]
    fn shapes() {
        assert_eq!(
            spans("FBI iPhone al-Assad 3rd"),
            [
                ("FBI", Shape::AllCaps),
                ("iPhone", Shape::Mixed),
                ("al-Assad", Shape::Mixed),
                ("3rd", Shape::Number)
            ]
        );
    }

    #[test]
    fn emoji_and_cjk_keep_char_boundaries() {
        let text = "🎉 Ana 東京 Li.";
        assert_eq!(stems(text), ["Ana", "東京", "Li"]);
        let tokens = tokenize(text);
        assert_eq!(tokens.list[0].span, Span::new(0, 4));
        assert_eq!(tokens.lower(&tokens.list[2]), "東京");
    }

    #[test]
    fn lower_forms_straighten_apostrophes() {
        let text = "O’Brien DON’T";
        let tokens = tokenize(text);
        assert_eq!(tokens.lower(&tokens.list[0]), "o'brien");
        assert_eq!(tokens.lower(&tokens.list[1]), "don't");
    }
}
