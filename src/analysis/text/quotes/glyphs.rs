//! What single chars around a quotation mark tell: the glyph classes and
//! the apostrophe rule of [`super`].

pub(super) fn is_single_glyph(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`')
}

pub(super) fn is_quote_char(c: char) -> bool {
    is_single_glyph(c) || matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// An ordinary space: the kind around a navigation arrow. No-break spaces
/// are not, since French typography puts them inside guillemets.
pub(super) fn is_plain_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

pub(super) fn opens_after(c: char) -> bool {
    c.is_whitespace() || "([{—–-/".contains(c) || is_quote_char(c)
}

/// Whether a mark between `prev` and `next` can open (left-flanking) and
/// can close (right-flanking).
pub(super) fn flanks(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let left = next.is_some_and(|c| !c.is_whitespace()) && prev.is_none_or(opens_after);
    let right = prev.is_some_and(|c| !c.is_whitespace())
        && next.is_none_or(|c| c.is_whitespace() || !c.is_alphanumeric());
    (left, right)
}

/// Words after an apostrophe that make it an elision: ’90s, ’em, ’til, ’n’.
const ELIDED: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "n", "bout", "round", "nuff", "s",
];

/// The char of `text` that starts at byte `i`.
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

/// The char of `text` that ends at byte `i`.
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|head| head.chars().next_back())
}

/// The single mark `c` at byte `i` of `text` is an apostrophe whatever
/// pairs around it. Reads at most a few chars either side.
pub(super) fn is_apostrophe(text: &str, i: usize, c: char) -> bool {
    let after = i + c.len_utf8();
    let prev = char_before(text, i);
    let next = char_at(text, after);
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return true; // it’s, O’Brien, 6'2
    }
    // The second mark of rock ’n’ roll.
    if matches!(prev, Some('n' | 'N'))
        && prev
            .and_then(|p| char_before(text, i - p.len_utf8()))
            .is_some_and(is_single_glyph)
        && !alnum(next)
    {
        return true;
    }
    if alnum(prev) {
        return false; // Jones’ or a closing mark: pairing decides
    }
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return true; // the ’90s
    }
    // A short word after it: at most six chars are read.
    let word: String = text
        .get(after..)
        .unwrap_or_default()
        .chars()
        .take(6)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.chars().count() < 6 && ELIDED.contains(&word.to_lowercase().as_str())
}
