//! The *contextual* rules: furniture that only the article around a
//! paragraph gives away (a teaser headline sharing no words with the story,
//! a pull quote repeating one of its lines, a link label, a question put to
//! the reader after the headline). They never fire on the headline.
//!
//! A paragraph's own part of each rule is decided once, from its text, as
//! [`Cues`] (kept in the paragraph's local summary); [`classify`] combines
//! them with the [`Article`] of this version. Thresholds are in
//! [`super::weights`].

use std::sync::LazyLock;

use regex::Regex;

use super::BoilerplateKind::{self, *};
use super::ablation::phrases_of;
use super::article::Article;
use super::strong::{DATE_WORD, re, regex_matches};
use super::weights as w;
use super::words::{Features, ends_as_sentence, label_kind, starts_upper};
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Shape;
use crate::analysis::work::{tick, tick_n};

/// Credit and byline openers that belong to the article, not furniture:
/// "By Jane Doe", "With files from ...", "Reporting by ...".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[-–—•]?\s*(?:by\s+\p{Lu}|with\s+(?:files|a\s+report|reporting)\s+from\b|reporting\s+by\b|written\s+by\b|edited\s+by\b|\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3},\s+(?:the\s+)?\p{L}[^\d]*$)",
    )
});

/// A byline or credit line of the article ("By Jane Doe", "With files
/// from ...").
pub fn is_byline(text: &str) -> bool {
    regex_matches(&BYLINE, text)
}

/// What the contextual rules need to know about one paragraph that its
/// text alone decides. Owned and free of offsets, so it is kept between
/// analyses with the paragraph's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Cues {
    /// A link label or the introduction of a medium.
    label: Option<BoilerplateKind>,
    /// A pull quote with its speaker after it.
    attributed_pull_quote: bool,
    /// Long enough to judge as a repeated pull quote, and not a quotation
    /// in headline style.
    pull_quote_shape: bool,
    reader_question: bool,
    headline_shaped: bool,
    title_case: bool,
    /// Enough distinct content words to judge a teaser by.
    enough_words: bool,
    pub word_count: usize,
    pub has_quotes: bool,
    /// A few words, one of them UI vocabulary, that do not make a
    /// sentence ("Most read", "Gift this article"): furniture after the
    /// story, a subhead inside it.
    short_ui_line: bool,
    /// Only a clip's running time ("0:45", "(2:31)", "Duration 1:05:12").
    duration: bool,
    /// ... and under an hour ("0:45"), which no clock time is.
    duration_under_an_hour: bool,
    ends_as_sentence: bool,
}

impl Cues {
    /// The cues of paragraph `f`.
    pub fn of(f: &Features<'_>) -> Self {
        let word_count = f.word_count();
        Cues {
            label: link_label(f).or_else(|| media_intro(f)),
            attributed_pull_quote: is_attributed_pull_quote(f),
            pull_quote_shape: w::PULL_QUOTE_WORDS.contains(&word_count)
                && !is_quote_headline(f.text),
            reader_question: is_reader_question(f),
            headline_shaped: is_headline_shaped(f),
            title_case: f.title_case_share() >= w::TITLE_CASE_SHARE,
            enough_words: f.topic_stems.len() >= w::TEASER_MIN_CONTENT_WORDS,
            word_count,
            has_quotes: f.has_quotes(),
            short_ui_line: word_count <= w::SHORT_UI_LINE_WORDS
                && !f.ends_as_sentence()
                && !f.has_quotes()
                && !f.reports_speech()
                && f.words.iter().any(|w| w.tags.contains(Tags::UI_WORD)),
            duration: running_time(f).is_some(),
            duration_under_an_hour: running_time(f).is_some_and(|t| t.starts_with("0:")),
            ends_as_sentence: f.ends_as_sentence(),
        }
    }
}

/// Where a paragraph stands relative to the story's body paragraphs:
/// before the first, between them, or after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Before,
    Within,
    After,
}

/// The article's layout: its headline, where its body paragraphs start and
/// end, and whether it breaks its text with subheads.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub headline: usize,
    pub first_body: usize,
    pub last_body: usize,
    /// Two or more subheads about the story: then a headline-shaped line in
    /// the body is far more likely another subhead than a teaser.
    pub uses_subheads: bool,
}

impl Layout {
    pub fn position(&self, index: usize) -> Position {
        if index < self.first_body {
            Position::Before
        } else if index > self.last_body {
            Position::After
        } else {
            Position::Within
        }
    }
}

/// Run the contextual rules on every paragraph after the `headline` that
/// the strong rules (and the user's patterns) left unclassified in `kinds`;
/// return the article's layout.
pub fn classify(
    article: &Article<'_>,
    kinds: &mut [Option<BoilerplateKind>],
    headline: usize,
) -> Layout {
    // the open paragraphs, then the body among them, then the subheads
    tick_n(3 * kinds.len());
    let open: Vec<usize> = (headline + 1..kinds.len())
        .filter(|&i| kinds[i].is_none())
        .collect();
    let body: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&i| article.summary(i).body)
        .collect();
    let mut layout = Layout {
        headline,
        first_body: body.first().copied().unwrap_or(usize::MAX),
        last_body: body.last().copied().unwrap_or(usize::MAX),
        uses_subheads: false,
    };
    let subheads = open
        .iter()
        .filter(|&&i| layout.position(i) == Position::Within && is_subhead(article, i))
        .count();
    layout.uses_subheads = subheads >= w::SUBHEADS_IN_A_STORY;
    let listed = listed_lines(article, &layout, kinds.len());
    for index in open {
        tick();
        kinds[index] = contextual(article, &layout, index);
        if kinds[index] == Some(Teaser) && listed.get(index).copied().unwrap_or(false) {
            kinds[index] = None;
        }
    }
    mark_links_under_labels(article, &layout, kinds);
    layout
}

/// "More from Health" or "Related:" alone, then the links it introduces,
/// one a line: after the story, the short lines that follow a label of
/// related links, none of them a sentence, are those links, whatever
/// their wording.
fn mark_links_under_labels(
    article: &Article<'_>,
    layout: &Layout,
    kinds: &mut [Option<BoilerplateKind>],
) {
    let mut under_label = false;
    for (index, kind) in kinds.iter_mut().enumerate().skip(layout.headline + 1) {
        tick();
        let c = &article.summary(index).cues;
        let link_line = c.word_count <= w::LINK_LINE_WORDS && !c.ends_as_sentence && !c.has_quotes;
        match *kind {
            Some(Related) if c.word_count <= w::LABEL_WORDS && !c.ends_as_sentence => {
                under_label = layout.position(index) == Position::After;
            }
            // a teaser headline there is one of the links
            None | Some(Teaser) if under_label && link_line => *kind = Some(Related),
            Some(Related) if under_label => {}
            _ => under_label = false,
        }
    }
}

/// Lines inside the body that belong to a run of at least
/// [`w::LIST_RUN`] headline-shaped lines in a row: the winners of an
/// awards story, a results table in prose, a roster. A teaser stands
/// alone; a list is the story's content.
fn listed_lines(article: &Article<'_>, layout: &Layout, count: usize) -> Vec<bool> {
    in_runs(count, w::LIST_RUN, |i| {
        layout.position(i) == Position::Within && article.summary(i).cues.headline_shaped
    })
}

/// For each of `count` paragraphs, whether it is in a run of at least
/// `shortest` paragraphs in a row for which `holds` is true.
pub fn in_runs(count: usize, shortest: usize, holds: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; count];
    let mut start = 0;
    while start < count {
        tick();
        let mut end = start;
        while end < count && holds(end) {
            tick();
            end += 1;
        }
        if end - start >= shortest {
            out[start..end].fill(true);
        }
        start = end + 1;
    }
    out
}

/// The contextual verdict on paragraph `index`.
fn contextual(article: &Article<'_>, layout: &Layout, index: usize) -> Option<BoilerplateKind> {
    let c = &article.summary(index).cues;
    if let Some(kind) = c.label {
        return Some(kind);
    }
    if c.attributed_pull_quote || is_repeated_pull_quote(article, layout.headline, index) {
        return Some(PullQuote);
    }
    if c.reader_question {
        return Some(Comments);
    }
    if is_teaser(article, layout, index) {
        return Some(Teaser);
    }
    // A running time alone is the leftover of a video player; inside the
    // body a time of day heads a live blog's entry, so there only a time
    // under an hour counts.
    if c.duration
        && phrases_of(Video)
        && (layout.position(index) != Position::Within || c.duration_under_an_hour)
    {
        return Some(Video);
    }
    if c.short_ui_line && layout.position(index) == Position::After {
        return Some(if c.word_count <= 2 { Related } else { Nav });
    }
    None
}

/// The running time a paragraph consists of ("0:45", "(2:31)",
/// "Duration 1:05:12", "4:10 min"): one `m:ss` or `h:mm:ss` token, no
/// "a.m."/"p.m.", and besides it only words of media players.
fn running_time<'m>(f: &Features<'m>) -> Option<&'m str> {
    let mut time = None;
    for token in f.tokens() {
        tick();
        if token.is_punct() {
            if matches!(
                f.token_text(token),
                "(" | ")" | "[" | "]" | "·" | "|" | "-" | "–"
            ) {
                continue;
            }
            return None;
        }
        let text = f.token_text(token);
        let lower = f.para.lower(token);
        if is_running_time(text) && time.is_none() {
            time = Some(text);
        } else if !matches!(
            lower,
            "duration" | "video" | "audio" | "play" | "min" | "mins" | "minutes" | "sec" | "secs"
        ) {
            return None;
        }
    }
    time
}

/// "0:45", "12:03", "1:05:12": minutes (or hours) then two-digit parts.
fn is_running_time(text: &str) -> bool {
    let mut parts = text.split(':');
    let head_ok = parts
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    head_ok
        && (1..=2).contains(&rest.len())
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A label that introduces a link: "READ MORE: ...", "Related: ...",
/// "WATCH | ...", "Topics: a, b", "Also on Site:".
fn link_label(f: &Features<'_>) -> Option<BoilerplateKind> {
    let text = f.text;
    tick_n(text.len());
    let cut = text.find([':', '|'])?;
    if cut > w::LABEL_BYTES {
        return None;
    }
    let tokens = f.tokens();
    let mut label_words = 0;
    let mut kinds = Vec::new();
    let mut tail_from = tokens.len();
    for (i, token) in tokens.iter().enumerate() {
        tick();
        if token.span.start >= cut {
            tail_from = i + 1;
            break;
        }
        if token.span.end > cut {
            // The colon is inside a word ("4:16"): no label.
            return None;
        }
        if token.is_punct() {
            if f.stands_alone(i) {
                return None;
            }
            continue;
        }
        label_words += 1;
        let lower = f.para.lower(token);
        if token.tags.contains(Tags::BOILERPLATE_LABEL)
            && let Some(kind) = label_kind(token.tags)
        {
            kinds.push(kind);
        } else if !is_label_filler(f.token_text(token), lower, token.tags) {
            return None;
        }
    }
    if label_words == 0 || label_words > w::LABEL_WORDS {
        return None;
    }
    let tail = text[cut + 1..].trim();
    let tail_ok = tail.is_empty()
        || tail
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    if kinds.is_empty() || !(tail_ok || kinds.contains(&Tags)) {
        return None;
    }
    for kind in [Tags, Video, Photo] {
        if kinds.contains(&kind) {
            return Some(kind);
        }
    }
    Some(if is_short_list(f, tail_from) {
        Tags
    } else {
        Related
    })
}

/// A word a link label may hold besides its key words: stop words, UI
/// words, and capitalised names of the site ("Also on SiteName").
fn is_label_filler(word: &str, lower: &str, tags: Tags) -> bool {
    !word.bytes().any(|b| b.is_ascii_digit())
        && (tags.intersects(Tags::STOP_WORD | Tags::UI_WORD)
            || (starts_upper(word) && !regex_matches(&DATE_WORD, lower)))
}

/// "Immigration", "Congress, Polls", "Polls / Economy": a few items of one
/// or two words, from token `from` on.
fn is_short_list(f: &Features<'_>, from: usize) -> bool {
    let items = f.items(from, |mark| matches!(mark, "," | "/" | ";" | "|"));
    !items.is_empty()
        && items.len() <= w::TAG_LIST_ITEMS
        && items
            .iter()
            .all(|item| item.words <= w::TAG_ITEM_WORDS && !ends_as_sentence(item.text))
}

/// An imperative that introduces an embedded medium and ends with a colon:
/// "Watch the highlights:", "Listen to the interview:".
fn media_intro(f: &Features<'_>) -> Option<BoilerplateKind> {
    if !f.text.ends_with(':') || f.word_count() > w::MEDIA_INTRO_WORDS {
        return None;
    }
    match f.opening_word()? {
        "watch" | "listen" | "view" => Some(Video),
        "see" if f.words.iter().any(|w| w.lower.starts_with("photo")) => Some(Photo),
        "read" => Some(Related),
        _ => None,
    }
    .filter(|&kind| phrases_of(kind))
}

/// A pull quote: a line whose words are repeated from a longer paragraph
/// of the story (or from a quotation of the same length).
fn is_repeated_pull_quote(article: &Article<'_>, headline: usize, index: usize) -> bool {
    let c = &article.summary(index).cues;
    if !c.pull_quote_shape {
        return false;
    }
    let Some((other, share)) = article.repeated_in(index) else {
        return false;
    };
    if other == headline || share < w::PULL_QUOTE_REPEATED_SHARE {
        return false;
    }
    // The story's own quotation is the source, not the pull quote.
    let source = &article.summary(other).cues;
    if c.has_quotes && !source.has_quotes {
        return false;
    }
    c.word_count < source.word_count
        || (c.word_count == source.word_count && source.has_quotes && !c.has_quotes)
}

/// A subhead made of a quotation in headline style, in single quotation
/// marks: 'We will not give up'.
fn is_quote_headline(text: &str) -> bool {
    (text.starts_with('‘') && text.ends_with('’'))
        || (text.starts_with('\'') && text.ends_with('\''))
}

/// A pull quote with its speaker after it and no quotation marks: "We
/// will rebuild. Jane Doe, mayor".
fn is_attributed_pull_quote(f: &Features<'_>) -> bool {
    if f.has_quotes() || f.ends_as_sentence() {
        return false;
    }
    let Some(tail) = f.last_sentence_start() else {
        return false;
    };
    if f.words_in(0, tail).count() < w::ATTRIBUTED_QUOTE_MIN_WORDS {
        return false;
    }
    let tokens = &f.tokens()[tail..];
    tick_n(3 * tokens.len());
    let comma = tokens
        .iter()
        .position(|t| f.token_text(t) == ",")
        .unwrap_or(tokens.len());
    let (name, role) = tokens.split_at(comma);
    let name_is_capitalised = name
        .iter()
        .all(|t| t.is_word() && starts_upper(f.token_text(t)));
    let role_words = role.iter().filter(|t| t.is_word()).count();
    // A speaker's role is words ("mayor of Riverton"); a number after a
    // name is a result, a time or a score: a line of a results table.
    if role.iter().any(|t| t.shape == Shape::Number) {
        return false;
    }
    let ends_on_stop_word = f
        .last_word()
        .is_some_and(|w| w.at >= tail && w.tags.contains(Tags::STOP_WORD));
    w::ATTRIBUTED_NAME_WORDS.contains(&name.len())
        && name_is_capitalised
        && role_words <= w::ATTRIBUTED_ROLE_WORDS
        && !ends_on_stop_word
}

/// A short question put to the reader: "What do you think?"
fn is_reader_question(f: &Features<'_>) -> bool {
    f.text.ends_with('?')
        && f.word_count() <= w::READER_QUESTION_WORDS
        && f.addresses_reader()
        && !f.has_quotes()
        && !f.reports_speech()
        && !f.text.contains(':')
}

/// Whether a line has the shape of a headline: four to eighteen words,
/// starting with a capital or digit, no final punctuation, few stop
/// words, not ending on one, and not a byline or list item.
fn is_headline_shaped(f: &Features<'_>) -> bool {
    let text = f.text;
    let first = text.chars().next();
    w::HEADLINE_WORDS.contains(&f.word_count())
        && !f.ends_as_sentence()
        && !text.ends_with([':', ';', ',', '-', '–', '—'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !f.starts_with_bullet()
        && !f
            .last_word()
            .is_some_and(|w| w.tags.contains(Tags::STOP_WORD))
        && f.stop_word_share() <= w::HEADLINE_STOP_WORD_SHARE
        && !regex_matches(&BYLINE, text)
}

/// A subhead of the story: headline-shaped and mostly about it.
fn is_subhead(article: &Article<'_>, index: usize) -> bool {
    let s = article.summary(index);
    s.cues.headline_shaped && article.overlap(&s.topic_stems, true) >= w::SUBHEAD_OVERLAP
}

/// The headline of another story: headline-shaped, and either trailing
/// the article's last paragraph or sharing few content words with it.
fn is_teaser(article: &Article<'_>, layout: &Layout, index: usize) -> bool {
    let s = article.summary(index);
    let c = &s.cues;
    // a scoreline is headline-shaped too, and the story's own
    if !c.headline_shaped || s.evidence.results {
        return false;
    }
    let overlap = article.overlap(&s.topic_stems, true);
    match layout.position(index) {
        Position::After => overlap < w::TEASER_AFTER_BODY_OVERLAP,
        // Inside the story a low overlap needs enough words to judge by,
        // and none at all where the story uses subheads.
        Position::Within if layout.uses_subheads => c.enough_words && overlap == 0.0,
        Position::Before | Position::Within => {
            c.enough_words
                && (overlap <= w::TEASER_OVERLAP
                    || (c.title_case && overlap <= w::TEASER_TITLE_CASE_OVERLAP))
        }
    }
}
