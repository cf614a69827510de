//! Photo captions and credits: the parenthesised credit after a caption
//! ("... on Monday. (Jane Doe/Agency)"), a credit run into the front of a
//! caption ("Jane Doe / Agency Two men walk ..."), a bare credit line
//! ("Jane Doe/Agency", "Photograph: Jane Doe"), and photo UI text ("Open
//! this photo in gallery", "the chart above").
//!
//! A credit is recognised by its shape (capitalised names, a slash between
//! photographer and agency, a photo word) rather than by a list of names;
//! only agencies that run their name into the caption are listed (the
//! lexicon's `agency` tag). The words are the text model's tokens.

use std::sync::LazyLock;

use regex::Regex;

use super::BoilerplateKind::Photo;
use super::ablation::phrases_of;
use super::strong::{re, regex_matches};
use super::weights as w;
use super::words::{Features, ends_as_sentence, starts_upper};
use crate::analysis::lexicon::{self, Tags};
use crate::analysis::text::{Shape, Token};
use crate::analysis::work::{tick, tick_n};

/// A credit written in capitals before an agency: "JANE DOE/AGENCY".
static CAPS_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b\p{Lu}{2,}(?:\s+\p{Lu}\.?)*\s+\p{Lu}{2,}\s*/\s*\p{Lu}"));

/// A credit line by label: "Photo by ...", "Photograph: ...", "Image
/// copyright ...", "Image source, ...", "Credit: ...", "Courtesy of ...".
static PHOTO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\(?\s*(?:(?:file\s+)?photo(?:graph)?s?|image|picture|credit|photo credit)\s*(?:by\b|:|copyright\b|courtesy\b|source\b|credits?\b)|^courtesy\s+of\b",
    )
});

/// A caption by its label: "Image caption, ...", "Photo caption: ...",
/// "Caption: ...".
static CAPTION_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\(?\s*(?:(?:image|photo|picture|video)\s+caption|caption)\s*[,:]"));

/// UI text of a photo or graphic: "Open this photo in gallery", "Tap the
/// image above", "the chart below".
static PHOTO_UI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:click|tap|open|enlarge|expand|view|see)\s+(?:on\s+)?(?:the|this)\s+(?:photo|image|picture|chart|graphic|map|gallery|slideshow)\b|\b(?:photo|image|picture|chart|graphic|map)s?\s+(?:above|below)\b|\bthe\s+above\s+(?:photo|image|picture|chart|graphic|map)\b",
    )
});

/// Credits of a wire story's text: "Reporting by ...", "Editing by ...".
static WIRE_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:reporting|editing|writing|additional\s+reporting)\s+by\b"));

/// Photo captions and credits.
pub fn is_photo_credit(f: &Features<'_>) -> bool {
    let text = f.text;
    final_parenthetical(text).is_some_and(|(before, inner)| {
        let after_sentence = before.is_empty() || ends_as_sentence(before);
        after_sentence && inner.len() <= w::CREDIT_PAREN_BYTES && looks_like_credit(f, inner)
    }) || regex_matches(&CAPS_CREDIT, text)
        || (phrases_of(Photo)
            && f.word_count() <= w::PHOTO_LABEL_WORDS
            && regex_matches(&PHOTO_LABEL, text))
        || (phrases_of(Photo) && regex_matches(&PHOTO_UI, text))
        || (phrases_of(Photo) && regex_matches(&CAPTION_LABEL, text))
        || is_standalone_credit(f)
        || has_leading_credit(f)
        || is_agency_led_caption(f)
        || has_bare_trailing_credit(f)
}

/// The text before a closing parenthetical and the parenthetical's content,
/// when `text` ends with one: "Two men walk. (Jane Doe/Agency)" gives
/// ("Two men walk.", "Jane Doe/Agency").
fn final_parenthetical(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(')')?;
    tick_n(body.len());
    let open = body.rfind('(')?;
    let inner = body[open + 1..].trim();
    (!inner.contains(')')).then(|| (body[..open].trim_end(), inner))
}

/// Whether `part` (a slice of the paragraph `f`) reads as a credit: at
/// most twelve words, each one capitalised or a lower-case word of credits
/// ("via", "for", "by", ...: the lexicon's `credit-word`), no numbers, no
/// mark standing alone but a slash. A wire story's "Reporting by ...;
/// Editing by ..." credits the text, not a photo, and belongs to the
/// article.
fn looks_like_credit(f: &Features<'_>, part: &str) -> bool {
    if regex_matches(&WIRE_CREDIT, part) {
        return false;
    }
    // `part` is a slice of the paragraph: where it lies there.
    let start = part.as_ptr() as usize - f.text.as_ptr() as usize;
    let end = start + part.len();
    let tokens = f.tokens();
    let mut words = 0;
    // a credit names someone: "Yes / No" is an answer, not a credit
    let mut names = 0;
    for (i, token) in tokens.iter().enumerate() {
        tick();
        if token.span.start < start || token.span.end > end {
            continue;
        }
        let word = f.token_text(token);
        if token.is_punct() {
            if word != "/" && f.stands_alone(i) {
                return false;
            }
            continue;
        }
        words += 1;
        names += usize::from(!token.tags.intersects(Tags::STOP_WORD | Tags::FUNCTION_WORD));
        if word.bytes().any(|b| b.is_ascii_digit())
            || !(starts_upper(word) || token.tags.contains(Tags::CREDIT_WORD))
        {
            return false;
        }
    }
    (1..=w::CREDIT_WORDS).contains(&words) && names > 0
}

/// A paragraph that is only a credit with a slash or a photo word:
/// "Jane Doe/Agency", "Jane Doe Photography".
fn is_standalone_credit(f: &Features<'_>) -> bool {
    if f.word_count() > w::CREDIT_WORDS {
        return false;
    }
    tick_n(f.words.len() + f.text.len());
    let photo_word = f
        .words
        .iter()
        .any(|w| w.lower.starts_with("photo") || w.lower.starts_with("image"));
    (f.text.contains('/') || photo_word) && !f.ends_as_sentence() && looks_like_credit(f, f.text)
}

/// A caption with its credit in front: "Jane Doe / Agency Someone walks".
fn has_leading_credit(f: &Features<'_>) -> bool {
    let tokens = f.tokens();
    tick_n(2 * tokens.len());
    let Some(slash) = tokens.iter().position(|t| f.token_text(t) == "/") else {
        return false;
    };
    let before = &tokens[..slash];
    let after_starts_upper = tokens
        .get(slash + 1)
        .is_some_and(|t| starts_upper(f.token_text(t)));
    if !after_starts_upper || before.iter().any(|t| t.is_punct()) {
        return false;
    }
    match before {
        [agency] => is_agency(agency),
        _ => {
            w::LEADING_CREDIT_NAME_WORDS.contains(&before.len())
                && before.iter().all(|t| {
                    let word = f.token_text(t);
                    starts_upper(word)
                        && !t.tags.contains(Tags::STOP_WORD)
                        && !word.bytes().any(|b| b.is_ascii_digit())
                })
        }
    }
}

/// A news agency's name as written in a credit (not in lower case).
fn is_agency(token: &Token) -> bool {
    token.tags.contains(Tags::AGENCY) && token.shape != Shape::Lower
}

/// A caption that opens with the agency's name run into the caption:
/// "Agency Name Someone does something."
fn is_agency_led_caption(f: &Features<'_>) -> bool {
    if f.word_count() < w::AGENCY_CAPTION_MIN_WORDS {
        return false;
    }
    let tokens = f.tokens();
    let lowers: Vec<&str> = tokens
        .iter()
        .take(4)
        .take_while(|t| t.is_word())
        .map(|t| f.para.lower(t))
        .collect();
    let agency_words = match lexicon::phrase(&lowers) {
        Some((n, tags)) if tags.contains(Tags::AGENCY) => n,
        _ if tokens.first().is_some_and(is_agency) => 1,
        _ => return false,
    };
    tokens[..agency_words]
        .iter()
        .all(|t| t.shape != Shape::Lower)
        && tokens
            .get(agency_words)
            .is_some_and(|t| starts_upper(f.token_text(t)))
}

/// A caption whose last words are a bare credit: "... in May. Jane
/// Doe/Agency".
fn has_bare_trailing_credit(f: &Features<'_>) -> bool {
    tick_n(f.text.len());
    if !f.text.contains('/') {
        return false;
    }
    let Some(tail) = f.last_sentence_start() else {
        return false;
    };
    let tail = &f.text[f.tokens()[tail].span.start..];
    tail.contains('/') && !ends_as_sentence(tail) && looks_like_credit(f, tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::boilerplate::words::with_features;

    fn credit(text: &str) -> bool {
        with_features(text, is_photo_credit)
    }

    #[test]
    fn trailing_parenthesised_credit_after_a_caption() {
        assert!(credit(
            "Two girls skate on the pond. (Ivo Berg/Northern Daily)"
        ));
        assert!(credit("Two girls skate on the pond. ( Ivo Berg )"));
        assert!(!credit("Two girls skate on the pond (it froze early)."));
        assert!(!credit("The vote was close. (It passed 5-4.)"));
    }

    #[test]
    fn credits_in_front_and_alone() {
        assert!(credit(
            "Ivo Berg / Northern Daily Two girls skate on the pond."
        ));
        assert!(credit("Ivo Berg/Northern Daily"));
        assert!(credit("Photo by Ivo Berg"));
        assert!(credit("Two girls skate. IVO BERG/Northern Daily"));
        assert!(!credit("Was this article helpful? Yes / No"));
    }

    #[test]
    fn slashes_and_wire_credits_in_prose_are_not_photo_credits() {
        assert!(!credit(
            "A Harbor Times/City College poll found 51 percent support."
        ));
        assert!(!credit("(Reporting by Ivo Berg; Editing by Ana Lind)"));
        assert!(!credit("The and/or clause was struck from the bill."));
    }

    #[test]
    fn photo_ui_text() {
        assert!(credit("Open this photo in gallery"));
        assert!(credit("Tap the image above to see the route map."));
    }
}
