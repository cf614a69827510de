//! Paragraph hints: what a paragraph's shape says about its role on the
//! page (a headline, a dateline, a byline, a caption, a list item), read
//! once from its tokens so that no pass re-derives them.
//!
//! Hints are facts about one paragraph's text alone; whether a paragraph
//! *is* the article's headline also depends on where it stands, which is
//! the passes' document-wide business.

use super::super::Span;
use super::SENTENCE_CLOSERS;
use super::lexicon::Tags;
use super::tokens::{Shape, Tokens};
use crate::analysis::work::tick_n;

/// The shape facts of one paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// Number of word tokens.
    pub words: usize,
    /// One line (no line break inside the paragraph).
    pub single_line: bool,
    /// Ends like a sentence: `.`, `!`, `?` or `…`, perhaps before closing
    /// quotation marks or brackets.
    pub terminal: bool,
    /// Title Case: at least two words that are not function words, four in
    /// five of them capitalised ("Clinton Wins Nevada Caucus").
    pub title_case: bool,
    /// At least eight letters and none in lower case.
    pub all_caps: bool,
    /// Starts with a bullet, or a number or letter and `.`/`)`.
    pub list_item: bool,
    /// "By Jane Roe", "BY JANE ROE, Reuters".
    pub byline: bool,
    /// A leading dateline ("OTTAWA —", "WASHINGTON (AP) —"), dash included.
    pub dateline: Option<Span>,
}

/// The hints of paragraph `para` with its `tokens`.
pub fn of(para: &str, tokens: &Tokens) -> Hints {
    let list = &tokens.list;
    // Each hint below is one scan of the text or of the tokens (the
    // dateline reads at most nine tokens), so they are counted together.
    tick_n(4 * para.len() + 3 * list.len());
    let words = list.iter().filter(|t| t.is_word()).count();
    Hints {
        words,
        single_line: !para.contains('\n'),
        terminal: ends_terminal(para),
        title_case: is_title_case(tokens),
        // the lower-case test first: prose fails it within a few chars
        all_caps: !para.chars().any(char::is_lowercase)
            && para.chars().filter(|c| c.is_alphabetic()).count() >= 8,
        list_item: is_list_item(para),
        byline: is_byline(para, tokens),
        dateline: dateline(para, tokens),
    }
}

fn ends_terminal(para: &str) -> bool {
    para.trim_end()
        .trim_end_matches(SENTENCE_CLOSERS)
        .ends_with(['.', '!', '?', '…'])
}

fn is_title_case(tokens: &Tokens) -> bool {
    let mut counted = 0;
    let mut capitalised = 0;
    for t in tokens.list.iter().filter(|t| t.is_word()) {
        if t.tags.contains(Tags::MINOR_WORD) && t.shape == Shape::Lower {
            continue;
        }
        counted += 1;
        if t.is_capitalised() || t.shape == Shape::Number {
            capitalised += 1;
        }
    }
    counted >= 2 && capitalised * 5 >= counted * 4
}

fn is_list_item(para: &str) -> bool {
    let t = para.trim_start();
    if t.starts_with(['-', '*', '•', '·', '–', '—', '▪', '►', '◦']) {
        return true;
    }
    let marker_len = t.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    let (marker, rest) = t.split_at(marker_len);
    let digits = (1..=3).contains(&marker.len()) && marker.bytes().all(|b| b.is_ascii_digit());
    let letter = marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = matches!(
        marker,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix"
    );
    let lower_letter = letter && marker.bytes().all(|b| b.is_ascii_lowercase());
    (rest.starts_with(") ") && (digits || letter || roman))
        || (rest.starts_with(". ") && (digits || lower_letter || roman))
}

fn is_byline(para: &str, tokens: &Tokens) -> bool {
    let t = para.trim_start();
    if !(t.starts_with("By ") || t.starts_with("BY ")) {
        return false;
    }
    let rest: Vec<_> = tokens.list.iter().filter(|t| t.is_word()).skip(1).collect();
    !rest.is_empty()
        && rest.len() <= 10
        && rest
            .iter()
            .filter(|t| !matches!(tokens.lower(t), "and" | "of" | "in"))
            .all(|t| t.is_capitalised())
}

/// A run of upper-case words (perhaps with a region after a comma and an
/// agency in brackets) and then a dash, at the paragraph's start.
fn dateline(para: &str, tokens: &Tokens) -> Option<Span> {
    let list = &tokens.list;
    // A dateline's capitals are its place ("OTTAWA —", first) or its
    // agency ("Ottawa (CP) —"): "Liberal MP Jane Roe — a lawyer" is none.
    let mut place_words = 0;
    let mut in_brackets = false;
    let mut first_word = true;
    for (i, t) in list.iter().enumerate() {
        let text = t.span.text(para);
        if t.is_word() {
            if !(t.is_all_caps() || t.shape == Shape::Initials || t.shape == Shape::Capitalised) {
                return None;
            }
            place_words += usize::from(t.is_all_caps() && (first_word || in_brackets));
            first_word = false;
        } else if text == "(" {
            in_brackets = true;
        } else if text == ")" {
            in_brackets = false;
        } else if matches!(text, "—" | "–") || (text == "-" && space_before(para, t.span.start))
        {
            return (place_words > 0).then(|| Span::new(0, t.span.end));
        } else if !matches!(text, "," | "(" | ")" | "." | "/") {
            return None;
        }
        if i >= 8 {
            return None;
        }
    }
    None
}

fn space_before(para: &str, at: usize) -> bool {
    para[..at].ends_with(' ')
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn hints(para: &str) -> Hints {
        of(para, &tokenize(para))
    }

    #[test]
    fn headlines_are_title_case_without_a_final_stop() {
        let h = hints("Harbour Bridge Plan Wins Council Vote");
        assert!(h.title_case && !h.terminal && h.single_line);
        let h = hints("The council voted on the bridge plan on Monday.");
        assert!(!h.title_case && h.terminal);
    }

    #[test]
    fn datelines_end_at_their_dash() {
        let para = "PORT ALDER, N.S. (CP) — The council met.";
        assert_eq!(
            hints(para).dateline.map(|s| s.text(para)),
            Some("PORT ALDER, N.S. (CP) —")
        );
        assert_eq!(hints("Port Alder — a town").dateline, None);
        // A dateline standing alone is the whole paragraph (the fragment
        // pass exempts it from the truncated-sentence check).
        for para in ["OTTAWA —", "WASHINGTON (AP) -"] {
            assert_eq!(hints(para).dateline, Some(Span::new(0, para.len())));
        }
        assert_eq!(hints("Council met - briefly").dateline, None);
        assert_eq!(
            hints("Liberal MP Jane Roe — a lawyer — said no.").dateline,
            None
        );
        let para = "Port Alder (CP) — The council met.";
        assert_eq!(
            hints(para).dateline.map(|s| s.text(para)),
            Some("Port Alder (CP) —")
        );
    }

    #[test]
    fn bylines_lists_and_caps() {
        assert!(hints("By Jane Roe and Sam Lee").byline);
        assert!(!hints("By the time it closed, nobody was left.").byline);
        assert!(hints("1. Preheat the oven").list_item);
        assert!(hints("• Trails reopen Monday").list_item);
        assert!(!hints("2024 was a hard year.").list_item);
        assert!(hints("BREAKING NEWS TONIGHT").all_caps);
    }
}
