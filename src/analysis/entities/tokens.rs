//! Word tokens of a sentence for name recognition: byte spans on character
//! boundaries, possessive `'s` split off, initials ("J.", "U.S.") kept with
//! their periods, other trailing periods dropped ("Mr." → "Mr").

use std::borrow::Cow;

use super::super::Span;
use super::names::normalise_word;

/// One word of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Token<'t> {
    /// The word without a possessive ending or trailing punctuation.
    pub span: Span,
    /// Where the word ends including its possessive ending, if any.
    pub end: usize,
    pub possessive: bool,
    /// Lower case, apostrophes straightened.
    pub lower: Cow<'t, str>,
    /// The first character is an upper-case letter, or the word is an
    /// Arabic-style name with a lower-case article: "al-Assad", "el-Sisi".
    pub capitalised: bool,
    /// Two or more letters, all upper case ("FBI", "U.S.").
    pub all_caps: bool,
    /// A trailing period was dropped ("Mr." → "Mr").
    pub dotted: bool,
    /// A capitalised word with a lower-case part after a hyphen:
    /// "Chinese-language", "Ottawa-based" (an adjective, not a name).
    pub compound_adjective: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// The words of `sentence` in order.
pub(super) fn tokenize(text: &str, sentence: Span) -> Vec<Token<'_>> {
    let body = sentence.text(text);
    // About one word per six bytes of English prose: reserving up front
    // saves the repeated regrowth of the token vector.
    let mut out = Vec::with_capacity(body.len() / 6 + 1);
    let mut start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(body, sentence.start, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(body, sentence.start, s, body.len(), &mut out);
    }
    out
}

/// Clean the raw word `body[start..end]` and push it if anything is left.
fn push_word<'t>(body: &'t str, base: usize, start: usize, end: usize, out: &mut Vec<Token<'t>>) {
    let raw = &body[start..end];
    let lead = raw.len() - raw.trim_start_matches(['\'', '’', '-', '.']).len();
    let raw = &raw[lead..];
    let start = start + lead;
    let (word, possessive_len) = split_possessive(raw);
    let kept = if is_initials(word) {
        word
    } else {
        word.trim_end_matches(['\'', '’', '-', '.'])
    };
    if !kept.chars().any(char::is_alphanumeric) {
        return;
    }
    let dotted = word[kept.len()..].contains('.');
    let mut letters = kept.chars().filter(|c| c.is_alphabetic());
    let capitalised = kept.chars().next().is_some_and(char::is_uppercase) || has_name_prefix(kept);
    let all_caps = kept.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(|c| c.is_uppercase());
    let span = Span::new(base + start, base + start + kept.len());
    out.push(Token {
        span,
        end: if possessive_len > 0 {
            base + start + word.len() + possessive_len
        } else {
            span.end
        },
        possessive: possessive_len > 0,
        lower: normalise_word(kept),
        compound_adjective: capitalised
            && !has_name_prefix(kept)
            && kept
                .rsplit_once('-')
                .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase)),
        capitalised,
        all_caps,
        dotted,
    });
}

/// `("Putin", 2)` for "Putin's", `("Jones", 1)` for "Jones'", else no split.
fn split_possessive(raw: &str) -> (&str, usize) {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = raw.strip_suffix(ending)
            && stem.chars().count() >= 2
        {
            return (stem, ending.len());
        }
    }
    for ending in ["s'", "s’"] {
        if raw.ends_with(ending) && raw.chars().count() > 3 {
            let cut = raw.len() - ending.len() + 1;
            return (&raw[..cut], raw.len() - cut);
        }
    }
    (raw, 0)
}

/// "al-Assad", "el-Sisi", "bin-Salman": a lower-case prefix, a hyphen and a
/// capital.
fn has_name_prefix(word: &str) -> bool {
    ["al-", "el-", "bin-", "abu-"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// Single letters each followed by a period: "J.", "U.S.", "D.C.".
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

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.text(text))
            .collect()
    }

    #[test]
    fn possessives_titles_and_initials() {
        assert_eq!(
            words("Mr. Putin’s aide met J. K. Rowling in the U.S. today."),
            [
                "Mr", "Putin", "aide", "met", "J.", "K.", "Rowling", "in", "the", "U.S.", "today"
            ]
        );
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_names() {
        assert_eq!(
            words("O’Regan and Jean-Luc O'Brien's ‘plan’"),
            ["O’Regan", "and", "Jean-Luc", "O'Brien", "plan"]
        );
    }

    #[test]
    fn emoji_and_cjk_do_not_break_spans() {
        let text = "🎉 Ana 東京 Li.";
        assert_eq!(words(text), ["Ana", "東京", "Li"]);
    }
}
