//! The rules that recognise page furniture, each one a cue a newsroom style
//! guide or a scraper author would state in general terms.
//!
//! *Strong* rules rest on the paragraph alone (a photo credit, a line made
//! only of UI words, a copyright notice) and may fire anywhere, even on the
//! first line. *Contextual* rules need the article around the paragraph
//! (a teaser headline that shares no words with the story, a pull quote
//! that repeats one of its lines) and never fire on the headline.

use std::sync::LazyLock;

use regex::Regex;

use super::BoilerplateKind::{self, *};
use super::context::DocContext;
use super::credits;
use super::features::{Features, ends_as_sentence, last_sentence_break, normalize};
use super::lexicon;

/// Compile a built-in pattern (a constant, so a failure is a bug here).
/// Word boundaries and word characters are ASCII (`\b` → `(?-u:\b)`,
/// `\w` → `[0-9A-Za-z_]`): a Unicode word boundary keeps the regex engine
/// off its fast DFA, and the cues these patterns look for are ASCII words.
pub fn re(pattern: &str) -> Regex {
    let ascii = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9A-Za-z_]");
    Regex::new(&ascii).expect("built-in boilerplate pattern compiles")
}

const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";

/// An embedded post: a tweet's signature "— Name (@handle) Month D, YYYY",
/// a picture link, or an Instagram "A post shared by".
static SOCIAL_EMBED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)pic\.twitter\.com/|https?://t\.co/|\ba post shared by\b|\(@\w{{1,30}}\)\s*(?:on\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$"
    ))
});

/// "Email: ...", "Twitter: ..." contact labels, perhaps after a bullet.
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[•·*\-–]?\s*(?:e-?mail|twitter|phone|tel|telephone|instagram|facebook|contact)\s*:\s*\S",
    )
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"));

static HANDLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)@\w{2,30}\b"));

/// An author's bio sentence ("Jane Doe is a reporter ..."): article text.
static BIO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\S+(?:\s+\S+){0,3}\s+(?:is|was)\s+(?:a|an|the)\b"));

/// Video player leftovers: "watch the video", "video above", "video player".
static VIDEO_UI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:video|clip)\s+(?:above|below)\b|\bwatch\s+(?:the\s+)?(?:full\s+)?(?:video|clip)\b|\bvideo\s+player\b|\bplay\s+video\b|^(?:watch|listen)\b.{0,60}\b(?:below|above)\W*$",
    )
});

/// A video description that ends with the clip's duration: "... 1:56".
static DURATION_END: LazyLock<Regex> =
    LazyLock::new(|| re(r#"[.!?"”’)]\s+\(?\d{1,2}:\d{2}\)?\s*$"#));

/// "Story continues below", "Continue reading", "(Article continues after
/// graphic.)".
static AD_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:story|article|text|content|report|page)\s+continues?\b|\bcontinues?\s+(?:reading|below|after)\b|\bcontinue\s+reading\b",
    )
});

/// "Updated 4:16 p.m. ET", "Last updated: ...", "Published Monday ...".
/// The keyword must be followed by the stamp itself (a colon, "on"/"at", a
/// number, a month or weekday, "N hours ago"), so "Updated figures show
/// ..." stays prose.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:last\s+|first\s+|originally\s+)?(?:updated|modified|published|posted)\s*(?::|on\b|at\b|\d|{MONTH}\s|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    ))
});

/// "This story has been updated ...".
static STORY_UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:this|the)\s+(?:story|article|post|report|page|piece)\s+(?:has\s+been|was|will\s+be|is\s+being)\s+updated\b",
    )
});

/// Words that make a time stamp: months, weekdays, clock words, zones.
static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{MONTH}|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|a\.?m\.?|p\.?m\.?|noon|at|on|ago|minutes?|hours?|days?|e[sd]?t|p[sd]?t|c[sd]?t|m[sd]?t|gmt|utc)$"
    ))
});

/// A copyright or legal notice.
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"©|\([cC]\)\s*\d{4}|(?i:\bcopyright\s+(?:©\s*)?\d{4})|(?i:\ball rights reserved\b)|(?i:\bmay not be (?:published|reproduced|redistributed|rewritten)\b)",
    )
});

/// The names of app stores.
static APP_STORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:app\s+store|google\s+play|play\s+store)\b"));

/// "Click here", "tap this link": a link to elsewhere.
static CLICK_HERE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:click|tap)\s+(?:here|below|this\s+link|the\s+link)\b"));

/// Credit and byline openers that belong to the article, not furniture:
/// "By Jane Doe", "With files from ...", "Reporting by ...".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[-–—•]?\s*(?:by\s+\p{Lu}|with\s+(?:files|a\s+report|reporting)\s+from\b|reporting\s+by\b|written\s+by\b|edited\s+by\b|\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3},\s+(?:the\s+)?\p{L}[^\d]*$)",
    )
});

/// A section link: "More from Sports", "More in Business".
static MORE_FROM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:more\s+(?:from|on|in|about))\s+\p{Lu}"));

/// Order in which kinds win when a line has words of several kinds.
const KIND_PRIORITY: &[BoilerplateKind] = &[
    Cookie, Newsletter, App, Comments, Follow, Video, Photo, Tags, Related, Share, Tools, Footer,
    Nav, Ad,
];

/// Rules that rest on the paragraph alone.
pub fn strong(f: &Features<'_>) -> Option<BoilerplateKind> {
    let text = f.text;
    let words = f.word_count();
    if SOCIAL_EMBED.is_match(text) {
        return Some(SocialEmbed);
    }
    if credits::is_photo_credit(f) {
        return Some(Photo);
    }
    if DURATION_END.is_match(text) {
        return Some(Video);
    }
    // Everything else is short: skip the remaining patterns on prose.
    if words > 50 {
        return None;
    }
    if is_contact(f) {
        return Some(Contact);
    }
    if LEGAL.is_match(text) {
        return Some(Footer);
    }
    if words > 30 {
        return None;
    }
    if VIDEO_UI.is_match(text) && words <= 25 {
        return Some(Video);
    }
    if AD_MARKER.is_match(text) && words <= 8 {
        return Some(Ad);
    }
    if is_update_stamp(f) {
        return Some(Updated);
    }
    if APP_STORE.is_match(text) && words <= 20 {
        return Some(App);
    }
    if MORE_FROM.is_match(text) && words <= 6 && !ends_as_sentence(text) {
        return Some(Related);
    }
    separator_list(f)
        .or_else(|| ui_only(f))
        .or_else(|| follow_prompt(f))
        .or_else(|| reader_prompt(f))
        .or_else(|| (CLICK_HERE.is_match(text) && !f.reports_speech()).then_some(Nav))
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

/// What the contextual rules need to know about one paragraph that its
/// text alone decides: the verdicts of the rules that look at nothing else,
/// and the shape features the others combine with the article around it.
/// Owned and free of offsets, so it is kept between analyses.
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
    /// At least three distinct content words to judge a teaser by.
    enough_words: bool,
    word_count: usize,
    has_quotes: bool,
}

impl Cues {
    /// The cues of paragraph `f`.
    pub fn of(f: &Features<'_>) -> Self {
        let word_count = f.word_count();
        Cues {
            label: link_label(f).or_else(|| media_intro(f)),
            attributed_pull_quote: is_attributed_pull_quote(f),
            pull_quote_shape: (5..=60).contains(&word_count) && !is_quote_headline(f.text),
            reader_question: is_reader_question(f),
            headline_shaped: is_headline_shaped(f),
            title_case: f.title_case_ratio() >= 0.75,
            enough_words: f.topic_stems.len() >= 3,
            word_count,
            has_quotes: f.has_quotes(),
        }
    }

    /// Number of words (see [`Features::word_count`]).
    pub fn word_count(&self) -> usize {
        self.word_count
    }

    /// Whether the paragraph contains a quotation mark.
    pub fn has_quotes(&self) -> bool {
        self.has_quotes
    }
}

/// Rules that need the article around paragraph `index` (whose cues are
/// `c` and content stems `stems`). Never called for the headline.
pub fn contextual(
    index: usize,
    c: &Cues,
    stems: &[u64],
    ctx: &DocContext,
    layout: &Layout,
) -> Option<BoilerplateKind> {
    if let Some(kind) = c.label {
        return Some(kind);
    }
    if is_repeated_pull_quote(index, c, ctx, layout.headline) || c.attributed_pull_quote {
        return Some(PullQuote);
    }
    if c.reader_question {
        return Some(Comments);
    }
    if is_teaser(c, stems, ctx, layout, index) {
        return Some(Teaser);
    }
    None
}

/// "Email: x@example.com | Twitter: handle", or a tip prompt with an
/// address ("If you have a story to share, contact x@example.com").
fn is_contact(f: &Features<'_>) -> bool {
    let text = f.text;
    if f.word_count() > 40 {
        return false;
    }
    let has_address = EMAIL.is_match(text) || HANDLE.is_match(text);
    if CONTACT_LABEL.is_match(text) && has_address {
        return true;
    }
    EMAIL.is_match(text)
        && !BIO.is_match(text)
        && !f.has_quotes()
        && (f.addresses_reader() || f.has_imperative_opener())
}

/// "Updated 4:16 p.m. ET", "This story has been updated.", or a line that
/// is only a date and time.
fn is_update_stamp(f: &Features<'_>) -> bool {
    let text = f.text.trim();
    let words = f.word_count();
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    if words <= 14 && STAMP.is_match(text) && (has_digit || text.contains(':')) {
        return true;
    }
    if STORY_UPDATED.is_match(text) && words <= 20 {
        return true;
    }
    has_digit && words <= 10 && is_only_date(f)
}

/// Whether every token is a number or a date/time word.
fn is_only_date(f: &Features<'_>) -> bool {
    f.tokens.iter().all(|t| {
        let core = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        core.is_empty()
            || core
                .chars()
                .all(|c| c.is_ascii_digit() || ":.,".contains(c))
            || DATE_WORD.is_match(core)
    })
}

/// A short list of links joined by separators: breadcrumbs ("Home »
/// Politics") or footer links ("Terms of Use | Privacy Policy").
fn separator_list(f: &Features<'_>) -> Option<BoilerplateKind> {
    let text = f.text.trim();
    if text.to_lowercase().starts_with("you are here") && f.word_count() <= 12 {
        return Some(Nav);
    }
    let breadcrumb = text.contains(['»', '›']) || text.contains(" > ");
    let segments: Vec<&str> = text
        .split(['|', '»', '›', '•', '·', '>'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let is_list = !segments.is_empty()
        && (segments.len() >= 2 || breadcrumb)
        && f.word_count() <= 12
        && segments
            .iter()
            .all(|s| s.split_whitespace().count() <= 4 && !ends_as_sentence(s));
    if !is_list {
        return None;
    }
    if breadcrumb {
        return Some(Nav);
    }
    Some(ui_kind(f, |_| true).unwrap_or(Nav))
}

/// The kind of the UI words in the paragraph, by [`KIND_PRIORITY`];
/// `accept` filters which UI words count.
fn ui_kind(f: &Features<'_>, accept: impl Fn(&lexicon::UiWord) -> bool) -> Option<BoilerplateKind> {
    let kinds: Vec<BoilerplateKind> = f
        .words
        .iter()
        .filter_map(|w| lexicon::ui_word(w))
        .filter(|u| accept(u))
        .filter_map(|u| u.kind)
        .collect();
    KIND_PRIORITY.iter().copied().find(|k| kinds.contains(k))
}

/// A short line made only of UI words, function words, numbers, single
/// letters and separators: "Share", "Print this article", "35 comments".
fn ui_only(f: &Features<'_>) -> Option<BoilerplateKind> {
    let words: Vec<&String> = f.words.iter().filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 10 || f.has_speech_quotes() {
        return None;
    }
    let mut ui = 0;
    for word in &words {
        if lexicon::ui_word(word).is_some() {
            ui += 1;
        } else if !(lexicon::is_stopword(word)
            || word.chars().all(|c| c.is_ascii_digit())
            || word.chars().count() == 1)
        {
            return None;
        }
    }
    let stops = words.len() - ui;
    let strong_word = words
        .iter()
        .any(|w| lexicon::ui_word(w).is_some_and(|u| u.kind.is_some_and(|k| k != Nav)));
    // One navigation or generic word among function words ("What's next")
    // is a subhead, not a button.
    if ui == 0 || (stops > 0 && ui < 2 && !strong_word) {
        return None;
    }
    Some(ui_kind(f, |_| true).unwrap_or_else(|| {
        if words.iter().any(|w| matches!(w.as_str(), "read" | "more")) {
            Related
        } else {
            Nav
        }
    }))
}

/// "Follow Jane Doe on Twitter: @handle", "Follow us on Facebook".
fn follow_prompt(f: &Features<'_>) -> Option<BoilerplateKind> {
    let starts_follow = f.words.first().is_some_and(|w| w == "follow");
    let has_target = HANDLE.is_match(f.text)
        || f.words.iter().any(|w| {
            w == "us" || lexicon::ui_word(w).is_some_and(|u| u.topic && u.kind == Some(Share))
        });
    (starts_follow && has_target && f.word_count() <= 15 && !f.has_quotes()).then_some(Follow)
}

/// A call to action: an imperative ("Sign up ...", "Download ...") or the
/// publisher's own voice ("We use cookies ..."), about a furniture topic
/// (newsletter, app, cookies, comments, video, social networks).
fn reader_prompt(f: &Features<'_>) -> Option<BoilerplateKind> {
    let words = f.word_count();
    if words > 30 || f.has_quotes() || f.reports_speech() {
        return None;
    }
    let ui_words = f
        .words
        .iter()
        .filter(|w| lexicon::ui_word(w).is_some())
        .count();
    let imperative = f.has_imperative_opener();
    let publisher = f.has_publisher_voice() && words <= 25 && ui_words >= 2;
    if !(imperative || publisher) {
        return None;
    }
    ui_kind(f, |u| u.topic).or_else(|| {
        // An imperative sign-up or download needs no topic noun.
        f.imperatives
            .iter()
            .find_map(|w| match w.as_str() {
                "subscribe" | "signup" | "register" => Some(Newsletter),
                "download" | "install" => Some(App),
                _ => None,
            })
            .filter(|_| imperative)
    })
}

/// A label that introduces a link: "READ MORE: ...", "Related: ...",
/// "WATCH | ...", "Topics: a, b", "Also on Site:".
fn link_label(f: &Features<'_>) -> Option<BoilerplateKind> {
    let text = f.text.trim();
    let cut = text.find([':', '|'])?;
    let (label, tail) = (&text[..cut], text[cut + 1..].trim());
    let label_words: Vec<&str> = label.split_whitespace().collect();
    if label_words.is_empty() || label_words.len() > 6 || label.len() > 48 {
        return None;
    }
    let mut kinds = Vec::new();
    for word in &label_words {
        let lower = normalize(word);
        if let Some(kind) = lexicon::label_word(&lower) {
            kinds.push(kind);
        } else if !label_filler(word, &lower) {
            return None;
        }
    }
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
    Some(if is_short_list(tail) { Tags } else { Related })
}

/// A word a link label may hold besides its key words: function words,
/// UI words, and capitalised names of the site ("Also on SiteName").
fn label_filler(word: &str, lower: &str) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let no_digits = !word.chars().any(|c| c.is_ascii_digit());
    no_digits
        && (lexicon::is_stopword(lower)
            || lexicon::ui_word(lower).is_some()
            || (capitalised && !DATE_WORD.is_match(lower)))
}

/// "Immigration", "Congress, Polls", "Polls / Economy": one to four items
/// of at most two words.
fn is_short_list(tail: &str) -> bool {
    let items: Vec<&str> = tail
        .split([',', '/', ';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    !items.is_empty()
        && items.len() <= 4
        && items
            .iter()
            .all(|i| i.split_whitespace().count() <= 2 && !ends_as_sentence(i))
}

/// An imperative that introduces an embedded medium and ends with a colon:
/// "Watch the highlights:", "Listen to the interview:".
fn media_intro(f: &Features<'_>) -> Option<BoilerplateKind> {
    if !f.text.trim_end().ends_with(':') || f.word_count() > 15 {
        return None;
    }
    match f.words.first().map(String::as_str)? {
        "watch" | "listen" | "view" => Some(Video),
        "see" if f.words.iter().any(|w| w.starts_with("photo")) => Some(Photo),
        "read" => Some(Related),
        _ => None,
    }
}

/// A pull quote: a line whose words are repeated from a longer paragraph
/// of the story (or from a quotation of the same length).
fn is_repeated_pull_quote(index: usize, c: &Cues, ctx: &DocContext, headline: usize) -> bool {
    if !c.pull_quote_shape {
        return false;
    }
    let Some((other, share)) = ctx.repeated_in(index) else {
        return false;
    };
    if other == headline || share < 0.8 {
        return false;
    }
    // The story's own quotation is the source, not the pull quote.
    let source_quoted = ctx.quoted(other);
    if c.has_quotes && !source_quoted {
        return false;
    }
    let words = c.word_count;
    let other_words = ctx.length(other);
    words < other_words || (words == other_words && source_quoted && !c.has_quotes)
}

/// A subhead made of a quotation in headline style, in single quotation
/// marks: 'We will not give up'.
fn is_quote_headline(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with('‘') && text.ends_with('’'))
        || (text.starts_with('\'') && text.ends_with('\''))
}

/// A pull quote with its speaker after it and no quotation marks: "We
/// will rebuild. Jane Doe, mayor".
fn is_attributed_pull_quote(f: &Features<'_>) -> bool {
    if f.has_quotes() || f.ends_as_sentence() {
        return false;
    }
    let text = f.text.trim_end();
    let Some(cut) = last_sentence_break(text) else {
        return false;
    };
    let (body, tail) = (&text[..cut], &text[cut..]);
    if body.split_whitespace().count() < 6 {
        return false;
    }
    let (name, role) = match tail.split_once(',') {
        Some((name, role)) => (name, role.trim()),
        None => (tail, ""),
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let role_words = role.split_whitespace().count();
    let ends_on_function_word = tail
        .split_whitespace()
        .last()
        .is_some_and(|w| lexicon::is_stopword(&normalize(w)));
    (1..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && role_words <= 6
        && !ends_on_function_word
}

/// A short question put to the reader: "What do you think?"
fn is_reader_question(f: &Features<'_>) -> bool {
    f.text.trim_end().ends_with('?')
        && f.word_count() <= 6
        && f.addresses_reader()
        && !f.has_quotes()
        && !f.reports_speech()
        && !f.text.contains(':')
}

/// Whether a line has the shape of a headline: four to eighteen words,
/// starting with a capital or digit, no final punctuation, few function
/// words, not ending on one, and not a byline or list item.
fn is_headline_shaped(f: &Features<'_>) -> bool {
    let text = f.text.trim();
    let first = text.chars().next();
    (4..=18).contains(&f.word_count())
        && !ends_as_sentence(text)
        && !text.ends_with([':', ';', ',', '-', '–', '—'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !f.starts_with_bullet()
        && !f.last_word().is_some_and(lexicon::is_stopword)
        && f.stopword_ratio() <= 0.5
        && !BYLINE.is_match(text)
}

/// A subhead of the story: headline-shaped and mostly about it.
pub fn is_subhead(c: &Cues, stems: &[u64], ctx: &DocContext) -> bool {
    c.headline_shaped && ctx.overlap(stems, true) >= 0.5
}

/// The headline of another story: headline-shaped, and either trailing
/// the article's last paragraph or sharing few content words with it.
fn is_teaser(c: &Cues, stems: &[u64], ctx: &DocContext, layout: &Layout, index: usize) -> bool {
    if !c.headline_shaped {
        return false;
    }
    let overlap = ctx.overlap(stems, true);
    let title_case = c.title_case;
    let enough_words = c.enough_words;
    match layout.position(index) {
        Position::After => overlap < 0.6,
        // Inside the story a low overlap needs enough words to judge by,
        // and none at all where the story uses subheads.
        Position::Within if layout.uses_subheads => enough_words && overlap == 0.0,
        Position::Before | Position::Within => {
            enough_words && (overlap <= 0.25 || (title_case && overlap <= 0.4))
        }
    }
}
