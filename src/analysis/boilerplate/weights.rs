//! Every threshold of the boilerplate rules, in one table.
//!
//! The rules (`strong.rs`, `contextual.rs`, `credits.rs`) name these
//! constants instead of writing numbers inline, so the pass's whole tuning
//! can be read, and changed, here. Word counts are the text model's word
//! tokens ("and/or" is two words, "$42-million" one).

// --- Lengths that gate the rules -----------------------------------------

/// Longer paragraphs are prose: only the social-embed, photo-credit and
/// clip-duration rules look at them.
pub const PROSE_WORDS: usize = 50;
/// Longest contact line or tip prompt.
pub const CONTACT_WORDS: usize = 40;
/// Longer paragraphs skip every strong rule but the ones above and the
/// copyright notice.
pub const SHORT_BLOCK_WORDS: usize = 30;
/// Longest line that "video above", "watch the clip" marks as a video leftover.
pub const VIDEO_UI_WORDS: usize = 25;
/// Longest "Story continues below" ad marker.
pub const AD_MARKER_WORDS: usize = 8;
/// Longest line naming an app store that is an app prompt.
pub const APP_STORE_WORDS: usize = 20;
/// Longest "More from Sports" section link.
pub const MORE_FROM_WORDS: usize = 6;

// --- Update stamps ------------------------------------------------------

/// Longest "Updated 4:16 p.m. ET" stamp.
pub const STAMP_WORDS: usize = 14;
/// Longest "This story has been updated ..." note.
pub const STORY_UPDATED_WORDS: usize = 20;
/// Longest line made only of a date and a time.
pub const DATE_ONLY_WORDS: usize = 10;

// --- Lines of UI words --------------------------------------------------

/// Longest breadcrumb or separator list ("Home » Politics", "Terms | Privacy").
pub const SEPARATOR_LIST_WORDS: usize = 12;
/// Most words in one item of a separator list.
pub const SEPARATOR_ITEM_WORDS: usize = 4;
/// Longest line made only of UI and function words ("Print this article").
pub const UI_ONLY_WORDS: usize = 10;
/// UI words needed besides function words when none names a kind other
/// than navigation ("What's next" is a subhead, "Next story" a link).
pub const UI_ONLY_MIN_UI_WORDS: usize = 2;
/// Longest "Follow us on Instagram" prompt.
pub const FOLLOW_WORDS: usize = 15;
/// Longest call to action ("Sign up for our newsletter").
pub const PROMPT_WORDS: usize = 30;
/// Longest prompt in the publisher's voice without an imperative ("We use
/// cookies ..."), and the UI words it needs.
pub const PUBLISHER_PROMPT_WORDS: usize = 30;
pub const PUBLISHER_PROMPT_UI_WORDS: usize = 2;

// --- Link labels --------------------------------------------------------

/// Most words, and bytes, before the colon of a link label ("READ MORE:").
pub const LABEL_WORDS: usize = 6;
pub const LABEL_BYTES: usize = 48;
/// A tag list after a label: at most this many items of at most this many words.
pub const TAG_LIST_ITEMS: usize = 4;
pub const TAG_ITEM_WORDS: usize = 2;
/// Most words of a link's line under a label of related links.
pub const LINK_LINE_WORDS: usize = 15;
/// Longest "Watch the highlights:" introduction of a medium.
pub const MEDIA_INTRO_WORDS: usize = 15;

// --- Pull quotes and reader questions -----------------------------------

/// Word counts a repeated pull quote may have.
pub const PULL_QUOTE_WORDS: std::ops::RangeInclusive<usize> = 5..=60;
/// Share of a pull quote's shingles that another paragraph must repeat.
pub const PULL_QUOTE_REPEATED_SHARE: f32 = 0.8;
/// Words per shingle when looking for repeated text.
pub const SHINGLE_WORDS: usize = 4;
/// An attributed pull quote ("We will rebuild. Jane Doe, mayor"): words
/// of the quotation at least, words of the name, words of the role at most.
pub const ATTRIBUTED_QUOTE_MIN_WORDS: usize = 6;
pub const ATTRIBUTED_NAME_WORDS: std::ops::RangeInclusive<usize> = 1..=4;
pub const ATTRIBUTED_ROLE_WORDS: usize = 6;
/// Longest question put to the reader ("What do you think?").
pub const READER_QUESTION_WORDS: usize = 6;

// --- Headlines, subheads and teasers -------------------------------------

/// Word counts of a headline-shaped line.
pub const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 4..=18;
/// Highest share of stop words in a headline-shaped line.
pub const HEADLINE_STOP_WORD_SHARE: f32 = 0.5;
/// Share of capitalised lexical words that makes a line Title Case.
pub const TITLE_CASE_SHARE: f32 = 0.75;
/// Distinct content words a teaser needs to be judged by its overlap.
pub const TEASER_MIN_CONTENT_WORDS: usize = 3;
/// Overlap with the story at least, for a subhead.
pub const SUBHEAD_OVERLAP: f32 = 0.5;
/// Subheads that make a story one that "uses subheads".
pub const SUBHEADS_IN_A_STORY: usize = 2;
/// Most words of a short line of UI words after the story ("Most read").
pub const SHORT_UI_LINE_WORDS: usize = 4;
/// Headline-shaped lines in a row inside the body that make a list
/// (awards, results, a roster) rather than teasers.
pub const LIST_RUN: usize = 3;
/// Overlap below which a headline-shaped line after the body is a teaser.
pub const TEASER_AFTER_BODY_OVERLAP: f32 = 0.6;
/// Overlap at most for a teaser before or within the body, and for one in
/// Title Case.
pub const TEASER_OVERLAP: f32 = 0.25;
pub const TEASER_TITLE_CASE_OVERLAP: f32 = 0.4;

// --- Body paragraphs ----------------------------------------------------

/// A paragraph of running prose: at least this many words, ending as a sentence.
pub const BODY_WORDS: usize = 12;

// --- Photo credits ------------------------------------------------------

/// Longest parenthesised credit after a caption, in bytes.
pub const CREDIT_PAREN_BYTES: usize = 100;
/// Most words in a credit.
pub const CREDIT_WORDS: usize = 12;
/// Longest line that a photo label ("Photo by ...") marks as a credit.
pub const PHOTO_LABEL_WORDS: usize = 20;
/// Words of a photographer's name before the slash of a leading credit.
pub const LEADING_CREDIT_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;
/// Shortest caption that opens with an agency's name.
pub const AGENCY_CAPTION_MIN_WORDS: usize = 6;
