//! Who a line speaks as, and of what: the page itself ("This article has
//! been updated", "our site") or the site's own "we". A story speaks of
//! the world in the writer's voice; a line about the page it is on, or in
//! the voice of the site, is a note from the site (an update note, a
//! copyright notice, a consent banner), however much it reads like a
//! sentence.

use super::words::Features;
use crate::analysis::work::tick;

/// "This story", "this article", "our site": the text speaking of the
/// page it is on, which the story's own sentences never do.
pub(super) fn refers_to_itself(f: &Features<'_>) -> bool {
    f.words
        .windows(2)
        .any(|pair| names_the_page(pair[0].lower, pair[1].lower))
}

/// "this story", "our site", "this material": a phrase naming the page.
fn names_the_page(determiner: &str, noun: &str) -> bool {
    matches!(determiner, "this" | "our")
        && matches!(
            noun,
            "story" | "article" | "page" | "site" | "website" | "post" | "content" | "material"
        )
}

/// Whether some sentence opens with the page as its subject ("This
/// article has been updated", "This material may not be published") and
/// whether some opens with the site's "we" ("We use cookies to …"). A
/// story speaks of the world: a sentence about the page itself, or in the
/// voice of the site, is a note from the site. (A correction opens with
/// "An earlier version of this story", not with the page.)
pub(super) fn site_as_subject(f: &Features<'_>) -> (bool, bool) {
    let para = f.para;
    let mut page = false;
    let mut publisher = false;
    for range in &para.sentence_tokens {
        tick();
        let mut words = para.tokens.list[range.clone()]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| para.lower(t));
        let (Some(first), second) = (words.next(), words.next()) else {
            continue;
        };
        page |= second.is_some_and(|second| names_the_page(first, second));
        publisher |= matches!(
            first,
            "we" | "we're" | "we’re" | "we've" | "we’ve" | "we'll" | "we’ll"
        );
    }
    (page, publisher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::boilerplate::words::with_features;

    fn page_subject(text: &str) -> bool {
        with_features(text, |f| site_as_subject(f).0)
    }

    fn site_subject(text: &str) -> bool {
        with_features(text, |f| site_as_subject(f).1)
    }

    #[test]
    fn the_page_as_subject() {
        assert!(page_subject(
            "This article has been updated with more details."
        ));
        assert!(page_subject(
            "Copyright 2024 The Harbour Herald. This material may not be reprinted."
        ));
        // a correction or a refusal names the page, but not as its subject
        let correction = "An earlier version of this story gave the wrong date for the vote.";
        assert!(with_features(correction, refers_to_itself));
        assert!(!page_subject(correction));
        assert!(!page_subject(
            "Ms. Lind declined to comment for this article."
        ));
        assert!(!with_features(
            "The council met on Monday.",
            refers_to_itself
        ));
    }

    #[test]
    fn the_sites_we_as_subject() {
        assert!(site_subject(
            "We use small files to remember your settings."
        ));
        assert!(site_subject(
            "Thanks for reading. We’ll send the next one on Friday."
        ));
        assert!(!site_subject("The council said we would wait."));
        assert!(!site_subject(
            "Weather permitting, the ferry sails at noon."
        ));
    }
}
