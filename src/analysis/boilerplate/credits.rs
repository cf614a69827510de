//! Photo captions and credits: the parenthesised credit after a caption
//! ("... on Monday. (Jane Doe/Agency)"), a credit run into the front of a
//! caption ("Jane Doe / Agency Two men walk ..."), a bare credit line
//! ("Jane Doe/Agency", "Photograph: Jane Doe"), and photo UI text ("Open
//! this photo in gallery", "the chart above").
//!
//! A credit is recognised by its shape (capitalised names, a slash between
//! photographer and agency, a photo word) rather than by a list of names;
//! only agencies that run their name into the caption are listed.

use std::sync::LazyLock;

use regex::Regex;

use super::features::{Features, ends_as_sentence, last_sentence_break, normalize};
use super::lexicon;
use super::rules::re;

/// A credit written in capitals before an agency: "JANE DOE/AGENCY".
static CAPS_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b\p{Lu}{2,}(?:\s+\p{Lu}\.?)*\s+\p{Lu}{2,}\s*/\s*\p{Lu}"));

/// A credit line by label: "Photo by ...", "Photograph: ...", "Image
/// copyright ...", "Credit: ...", "Courtesy of ...".
static PHOTO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\(?\s*(?:(?:file\s+)?photo(?:graph)?s?|image|picture|credit|photo credit)\s*(?:by\b|:|copyright\b|courtesy\b)|^courtesy\s+of\b",
    )
});

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

/// Words a credit may contain in lower case.
const CREDIT_LOWER: &[&str] = &[
    "via",
    "for",
    "by",
    "of",
    "the",
    "and",
    "de",
    "la",
    "van",
    "von",
    "du",
    "le",
    "des",
    "da",
    "&",
    "photo",
    "file",
    "contributed",
    "submitted",
    "courtesy",
    "handout",
];

/// Photo captions and credits.
pub fn is_photo_credit(f: &Features<'_>) -> bool {
    let text = f.text.trim();
    final_parenthetical(text).is_some_and(|(before, inner)| {
        let after_sentence = before.is_empty() || ends_as_sentence(before);
        after_sentence && inner.len() <= 100 && looks_like_credit(inner)
    }) || CAPS_CREDIT.is_match(text)
        || (f.word_count() <= 20 && PHOTO_LABEL.is_match(text))
        || PHOTO_UI.is_match(text)
        || is_standalone_credit(text)
        || has_leading_credit(text)
        || is_agency_led_caption(f)
        || has_bare_trailing_credit(text)
}

/// The text before a closing parenthetical and the parenthetical's content,
/// when `text` ends with one: "Two men walk. (Jane Doe/Agency)" gives
/// ("Two men walk.", "Jane Doe/Agency").
fn final_parenthetical(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = body[open + 1..].trim();
    (!inner.contains(')')).then(|| (body[..open].trim_end(), inner))
}

/// Whether `inner` reads as a credit: at most twelve words, each one
/// capitalised or a connective of credits ("via", "for", "by", ...), with
/// no numbers. A wire story's "Reporting by ...; Editing by ..." credits
/// the text, not a photo, and belongs to the article.
fn looks_like_credit(inner: &str) -> bool {
    if WIRE_CREDIT.is_match(inner) {
        return false;
    }
    let words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| {
            let lower = normalize(w);
            let first_letter = w.chars().find(|c| c.is_alphabetic());
            !w.chars().any(|c| c.is_ascii_digit())
                && (first_letter.is_some_and(char::is_uppercase)
                    || CREDIT_LOWER.contains(&lower.as_str()))
        })
}

/// A paragraph that is only a credit with a slash or a photo word:
/// "Jane Doe/Agency".
fn is_standalone_credit(text: &str) -> bool {
    if text.split_whitespace().nth(12).is_some() {
        return false;
    }
    let lower = text.to_lowercase();
    let photo_word = ["photo", "getty", "image"]
        .iter()
        .any(|w| lower.contains(w));
    (text.contains('/') || photo_word) && !ends_as_sentence(text) && looks_like_credit(text)
}

/// A caption with its credit in front: "Jane Doe / Agency Someone walks".
fn has_leading_credit(text: &str) -> bool {
    let Some(slash) = text.find('/') else {
        return false;
    };
    let before: Vec<&str> = text[..slash].split_whitespace().collect();
    let after_starts_upper = text[slash + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let name_like = match before.len() {
        1 => lexicon::is_agency(before[0]),
        2..=4 => before.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !lexicon::is_stopword(&normalize(w))
                && !w.chars().any(|c| c.is_ascii_digit())
                && !w.ends_with([',', ':', ';'])
        }),
        _ => false,
    };
    name_like && after_starts_upper
}

/// A caption that opens with the agency's name run into the caption:
/// "Agency Name Someone does something."
fn is_agency_led_caption(f: &Features<'_>) -> bool {
    let Some(agency) = lexicon::leading_agency(f.text) else {
        return false;
    };
    let rest = f.text[agency.len()..].trim_start();
    f.word_count() >= 6 && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A caption whose last words are a bare credit: "... in May. Jane
/// Doe/Agency".
fn has_bare_trailing_credit(text: &str) -> bool {
    if !text.contains('/') {
        return false;
    }
    let trimmed = text.trim_end();
    let Some(cut) = last_sentence_break(trimmed) else {
        return false;
    };
    let tail = &trimmed[cut..];
    tail.contains('/') && !ends_as_sentence(tail) && looks_like_credit(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(text: &str) -> bool {
        is_photo_credit(&Features::new(text, &[]))
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
