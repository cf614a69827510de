//! The orphan-attribution detector's own tokenizer and line tests, used
//! only by `orphan.rs` until it reads the quote pass's cues (then this file
//! goes: the other detectors read the text model's tokens and hints).

use super::super::Span;
use super::lexicon::TITLE_ABBREVIATIONS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
}

/// A word or one punctuation character, with absolute byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    pub span: Span,
    pub text: &'t str,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that join two word characters into one word: "Trump's",
/// "R-Calif", "U.S", "4,060".
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | ':' | '/')
}

/// Split `span` of `text` into words and punctuation. A period right after
/// a title abbreviation or an initial ("Sen.", "J.") belongs to the word.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let s = span.text(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            out.push(make(
                text,
                span.start + start,
                span.start + end,
                TokenKind::Punct,
            ));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let (_, cj) = chars[j];
            if is_word_char(cj) {
                j += 1;
            } else if is_joiner(cj)
                && chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n))
                && joins(cj, &chars, i, j)
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut end = chars.get(j).map_or(s.len(), |&(o, _)| o);
        let word = &s[start..end];
        let abbreviation_follows = chars
            .get(j + 1)
            .is_some_and(|&(_, n)| matches!(n, ')' | ']' | ',' | ';' | ':'));
        if chars.get(j).is_some_and(|&(_, cj)| cj == '.')
            && (takes_period(word) || abbreviation_follows)
        {
            end += 1;
            j += 1;
        }
        out.push(make(
            text,
            span.start + start,
            span.start + end,
            TokenKind::Word,
        ));
        i = j;
    }
    out
}

/// Whether the joiner at `j` joins the word that started at `i`: a comma or
/// colon only inside numbers ("4,060", "4:16").
fn joins(c: char, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    match c {
        ',' | ':' => {
            chars[i..j]
                .iter()
                .all(|&(_, x)| x.is_ascii_digit() || x == ',')
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
        }
        _ => true,
    }
}

fn takes_period(word: &str) -> bool {
    let lower = word.to_lowercase();
    TITLE_ABBREVIATIONS.contains(&lower.as_str())
        || is_initial(word)
        || (word.contains('.') && word.len() <= 6)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn make(text: &str, start: usize, end: usize, kind: TokenKind) -> Token<'_> {
    let span = Span::new(start, end);
    Token {
        span,
        text: span.text(text),
        kind,
    }
}

/// Words of `s` (letters and digits, with inner apostrophes and hyphens).
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Lower-case small words that a Title Case line leaves in lower case.
const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "into", "over", "up",
];

/// True when most words of `line` are capitalised, as in a headline or a
/// subhead ("Clinton Wins Nevada Caucus").
pub fn is_title_case(line: &str) -> bool {
    let mut capitalised = 0;
    let mut counted = 0;
    for w in words(line) {
        let lower = w.to_lowercase();
        if TITLE_CASE_SMALL.contains(&lower.as_str()) {
            continue;
        }
        counted += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            capitalised += 1;
        }
    }
    counted >= 2 && capitalised * 5 >= counted * 4
}

/// Double quotation marks, curly and straight.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn tokens_keep_names_abbreviations_and_numbers_together() {
        assert_eq!(
            toks("Sen. Ann O’Hara (R-Ore.) told 4,060 people, at 4:16."),
            [
                "Sen.", "Ann", "O’Hara", "(", "R-Ore.", ")", "told", "4,060", "people", ",", "at",
                "4:16", "."
            ]
        );
    }

    #[test]
    fn a_sentence_period_is_its_own_token() {
        assert_eq!(
            toks("He left the U.S. today."),
            ["He", "left", "the", "U.S.", "today", "."]
        );
    }

    #[test]
    fn title_case_lines() {
        assert!(is_title_case("Council Approves New Budget for the City"));
        assert!(!is_title_case("The council approved a new budget"));
        assert!(!is_title_case("Why?"));
    }
}
