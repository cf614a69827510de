//! Paragraphs whose names are not the story's, or are capitalised by
//! convention: photo captions and video teasers, and headlines (Title Case
//! or ALL CAPS), told from the paragraph's text and the model's hints.

use super::super::text::ParagraphModel;

/// A photo caption with its credit ("Jane Roe / The Canadian Press ...",
/// "... (AP Photo/Jane Roe)") or a video teaser ("WATCH: ...", "Video:
/// ..."): the people in it are pictured or reporting, not in the story.
pub(super) fn is_caption_or_teaser(body: &str) -> bool {
    let opening: String = body.chars().take(12).collect::<String>().to_lowercase();
    if opening.starts_with("watch") || opening.starts_with("video:") {
        return true;
    }
    const CREDITS: [&str; 8] = [
        "the canadian press",
        "getty images",
        "ap photo",
        "photo:",
        "(photo",
        "associated press",
        "reuters",
        "afp",
    ];
    if !body.contains('/') {
        return false;
    }
    let lower = body.to_lowercase();
    CREDITS.iter().any(|c| lower.contains(c))
}

/// A headline too short for [`is_headline`] ("Dry Summer Ahead", "Budget
/// Passes"): no final mark, two words or more, every word of four letters
/// or more capitalised and at least two of them. Only the paragraph that
/// opens the article is asked: elsewhere such a line is a name ("Jane
/// Roe" under a photo) or a subhead.
pub(super) fn is_short_headline(para: &ParagraphModel) -> bool {
    const LONGEST: usize = 80;
    let body: &str = &para.text;
    if body.len() > LONGEST || body.trim_end().ends_with(['.', '?', '!', ':', ',']) {
        return false;
    }
    let mut long = 0;
    for t in para.tokens.list.iter().filter(|t| t.is_word()) {
        let word = t.span.text(body);
        if word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    long >= 2
}

/// A headline paragraph: ALL CAPS (see [`Hints::all_caps`]), or Title Case
/// (most words of four letters or more capitalised) without a final
/// period; at least two such words either way.
///
/// [`Hints::all_caps`]: super::super::text::Hints::all_caps
pub(super) fn is_headline(para: &ParagraphModel) -> bool {
    const LONGEST_HEADLINE: usize = 300;
    let body: &str = &para.text;
    if body.len() > LONGEST_HEADLINE {
        return false;
    }
    let ends_like_sentence = body.trim_end().ends_with(['.', '?', '!', ':', ',']);
    if ends_like_sentence && !para.hints.all_caps {
        return false;
    }
    let mut words = 0;
    let mut capitalised = 0;
    for t in para.tokens.list.iter().filter(|t| t.is_word()) {
        let word = t.span.text(body);
        if word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        words += 1;
        capitalised += usize::from(word.starts_with(char::is_uppercase));
    }
    if words < 2 {
        return false;
    }
    para.hints.all_caps || capitalised * 10 >= words * 8 && words >= 3 && !ends_like_sentence
}
