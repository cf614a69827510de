//! The *strong* rules: furniture that one paragraph's text gives away on
//! its own (an embedded post, a photo credit, a contact line, a copyright
//! notice, a stamp, a line made of UI words, a call to action). They may
//! fire anywhere, the first line included.
//!
//! Each rule is a cue a newsroom style guide or a scraper author would
//! state in general terms; the phrase cues are regular expressions over the
//! paragraph (guarded by length, so prose skips them), the word cues read
//! the lexicon's tags of the text model's tokens. Thresholds are in
//! [`super::weights`].

use std::sync::LazyLock;

use regex::Regex;

use super::BoilerplateKind::{self, *};
use super::ablation::phrases_of;
use super::credits;
use super::weights as w;
use super::words::{Features, Word, ends_as_sentence, ui_kind};
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Shape;
use crate::analysis::work::{tick, tick_n};

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

/// Whether `pattern` matches somewhere in `text`. The regex engine's
/// matching is linear in the text, so it is counted by the bytes handed
/// to it (see [`crate::analysis::work`]).
pub fn regex_matches(pattern: &Regex, text: &str) -> bool {
    tick_n(text.len());
    pattern.is_match(text)
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

pub static HANDLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)@\w{2,30}\b"));

/// Video player leftovers: "watch the video", "video above", "video
/// player", and the player's error ("This video is unavailable", "This
/// video is restricted from playing in your location").
static VIDEO_UI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:video|clip)\s+(?:above|below)\b|\bthis\s+video\s+is\s+(?:restricted|unavailable|not\s+available|no\s+longer\s+available)\b|\bwatch\s+(?:the\s+)?(?:full\s+)?(?:video|clip)\b|\bvideo\s+player\b|\bplay\s+video\b|^(?:watch|listen)\b.{0,60}\b(?:below|above)\W*$",
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

/// "Read the rest of the story here", "Read the full article at …": a link
/// to the rest of the story on another page.
static READ_ON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:read|see)\s+the\s+(?:rest|full\s+(?:story|article|report|interview|text))\b")
});

/// "Updated 4:16 p.m. ET", "Last updated: ...", "Published Monday ...".
/// The keyword must be followed by the stamp itself (a colon, "on"/"at", a
/// number, a month or weekday), so "Updated figures show ..." stays prose.
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

/// Words that make a time stamp: months, weekdays, clock words, zones
/// (matched against one lower-case word).
pub static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:{MONTH}|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|a\.?m\.?|p\.?m\.?|noon|at|on|ago|minutes?|hours?|days?|e[sd]?t|p[sd]?t|c[sd]?t|m[sd]?t|gmt|utc)$"
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

/// A section link: "More from Sports", "More in Business".
static MORE_FROM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:more\s+(?:from|on|in|about))\s+\p{Lu}"));

/// Order in which kinds win when a line has words of several kinds.
const KIND_PRIORITY: &[BoilerplateKind] = &[
    Cookie, Newsletter, App, Comments, Follow, Video, Photo, Tags, Related, Share, Tools, Footer,
    Nav, Ad,
];

/// The strong verdict on paragraph `f`.
pub fn strong(f: &Features<'_>) -> Option<BoilerplateKind> {
    let text = f.text;
    let words = f.word_count();
    if regex_matches(&SOCIAL_EMBED, text) {
        return Some(SocialEmbed);
    }
    if credits::is_photo_credit(f) {
        return Some(Photo);
    }
    if phrases_of(Video) && regex_matches(&DURATION_END, text) {
        return Some(Video);
    }
    // Everything else is short: skip the remaining patterns on prose.
    if words > w::PROSE_WORDS {
        return None;
    }
    if is_contact(f) {
        return Some(Contact);
    }
    if phrases_of(Footer) && regex_matches(&LEGAL, text) {
        return Some(Footer);
    }
    if words > w::SHORT_BLOCK_WORDS {
        return None;
    }
    if phrases_of(Video) && words <= w::VIDEO_UI_WORDS && regex_matches(&VIDEO_UI, text) {
        return Some(Video);
    }
    if phrases_of(Related) && words <= w::LINK_LINE_WORDS && regex_matches(&READ_ON, text) {
        return Some(Related);
    }
    if phrases_of(Ad) && words <= w::AD_MARKER_WORDS && regex_matches(&AD_MARKER, text) {
        return Some(Ad);
    }
    if phrases_of(Updated) && is_update_stamp(f) {
        return Some(Updated);
    }
    if phrases_of(App) && words <= w::APP_STORE_WORDS && regex_matches(&APP_STORE, text) {
        return Some(App);
    }
    if phrases_of(Related)
        && words <= w::MORE_FROM_WORDS
        && !f.ends_as_sentence()
        && regex_matches(&MORE_FROM, text)
    {
        return Some(Related);
    }
    separator_list(f)
        .or_else(|| ui_only(f))
        .or_else(|| follow_prompt(f))
        .or_else(|| reader_prompt(f))
        .or_else(|| {
            (phrases_of(Nav) && regex_matches(&CLICK_HERE, text) && !f.reports_speech())
                .then_some(Nav)
        })
}

/// "Email: x@example.com | Twitter: handle", or a tip prompt with an
/// address ("If you have a story to share, contact x@example.com"). A
/// contributor line with an address ("Jane Roe is a reporter ... Email
/// her at ...") is the article's own text.
fn is_contact(f: &Features<'_>) -> bool {
    let text = f.text;
    tick_n(text.len());
    if f.word_count() > w::CONTACT_WORDS || !text.contains('@') {
        return false;
    }
    let has_email = regex_matches(&EMAIL, text);
    if regex_matches(&CONTACT_LABEL, text) && (has_email || regex_matches(&HANDLE, text)) {
        return true;
    }
    has_email
        && !is_contributor_line(f)
        && !f.has_quotes()
        && (f.addresses_reader() || !f.imperatives.is_empty())
}

/// A contributor's bio: a name (one to four capitalised words) and then
/// "is"/"was" and an article: "Jane Roe is a freelance writer based in
/// ...", "Sam Lee was the paper's Ottawa correspondent".
fn is_contributor_line(f: &Features<'_>) -> bool {
    let Some(verb) = f
        .words
        .iter()
        .take(5)
        .position(|w| matches!(w.lower, "is" | "was"))
    else {
        return false;
    };
    verb >= 1
        && f.words[..verb].iter().all(|w| f.token(w).is_capitalised())
        && f.words
            .get(verb + 1)
            .is_some_and(|w| matches!(w.lower, "a" | "an" | "the"))
}

/// "Updated 4:16 p.m. ET", "This story has been updated.", or a line that
/// is only a date and time.
fn is_update_stamp(f: &Features<'_>) -> bool {
    let text = f.text;
    let words = f.word_count();
    tick_n(2 * text.len());
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if words <= w::STAMP_WORDS && (has_digit || text.contains(':')) && regex_matches(&STAMP, text) {
        return true;
    }
    if words <= w::STORY_UPDATED_WORDS && regex_matches(&STORY_UPDATED, text) {
        return true;
    }
    has_digit && words <= w::DATE_ONLY_WORDS && is_only_date(f)
}

/// Every word is a number or a date/time word, and there is a date: a
/// time of day alone ("6:05 a.m.") heads an entry of a live blog.
fn is_only_date(f: &Features<'_>) -> bool {
    // a day, a month or a year: a month or day name, or a number that is
    // no time of day
    let dated = f.words.iter().any(|word| {
        let text = f.token_text(f.token(word));
        word.tags.contains(Tags::CALENDAR)
            || (f.token(word).shape == Shape::Number && !text.contains(':'))
    });
    if !dated {
        return false;
    }
    f.words.iter().all(|word| {
        let token = f.token(word);
        tick_n(token.span.len());
        f.token_text(token)
            .chars()
            .all(|c| c.is_ascii_digit() || ":.,".contains(c))
            || regex_matches(&DATE_WORD, word.lower)
    })
}

/// A short list of links joined by separators: breadcrumbs ("Home »
/// Politics") or footer links ("Terms of Use | Privacy Policy").
fn separator_list(f: &Features<'_>) -> Option<BoilerplateKind> {
    let lowers: Vec<&str> = f.words.iter().take(3).map(|w| w.lower).collect();
    if lowers == ["you", "are", "here"] && f.word_count() <= w::SEPARATOR_LIST_WORDS {
        return Some(Nav);
    }
    if f.word_count() > w::SEPARATOR_LIST_WORDS {
        return None;
    }
    let tokens = f.tokens();
    let breadcrumb = tokens.iter().enumerate().any(|(i, t)| {
        tick();
        t.is_punct()
            && match f.token_text(t) {
                "»" | "›" => true,
                ">" => f.stands_alone(i),
                _ => false,
            }
    });
    let items = f.items(0, |mark| matches!(mark, "|" | "»" | "›" | "•" | "·" | ">"));
    let is_list = !items.is_empty()
        && (items.len() >= 2 || breadcrumb)
        && items
            .iter()
            .all(|item| item.words <= w::SEPARATOR_ITEM_WORDS && !ends_as_sentence(item.text));
    if !is_list {
        return None;
    }
    if breadcrumb {
        return Some(Nav);
    }
    Some(ui_kind_of(f, |_| true).unwrap_or(Nav))
}

/// The kind of the UI words in the paragraph, by [`KIND_PRIORITY`];
/// `accept` filters which UI words count.
pub fn ui_kind_of(f: &Features<'_>, accept: impl Fn(&Word<'_>) -> bool) -> Option<BoilerplateKind> {
    let mut kinds = Vec::new();
    for word in f.words.iter().filter(|w| {
        tick();
        accept(w)
    }) {
        if let Some(kind) = ui_kind(word.tags) {
            kinds.push(kind);
        }
    }
    tick_n(KIND_PRIORITY.len() * kinds.len());
    KIND_PRIORITY.iter().copied().find(|k| kinds.contains(k))
}

fn is_ui_word(word: &Word<'_>) -> bool {
    word.tags.contains(Tags::UI_WORD)
}

/// A short line made only of UI words, stop words, numbers, single
/// letters and separators: "Share", "Print this article", "35 comments".
fn ui_only(f: &Features<'_>) -> Option<BoilerplateKind> {
    let words = &f.words;
    if words.is_empty() || words.len() > w::UI_ONLY_WORDS || f.has_speech_quotes() {
        return None;
    }
    let mut ui = 0;
    for word in words {
        tick();
        if is_ui_word(word) {
            ui += 1;
        } else if !(word.tags.contains(Tags::STOP_WORD)
            || word.lower.bytes().all(|b| b.is_ascii_digit())
            || word.lower.chars().count() == 1)
        {
            return None;
        }
    }
    let stops = words.len() - ui;
    let strong_word = words
        .iter()
        .any(|w| is_ui_word(w) && ui_kind(w.tags).is_some_and(|k| k != Nav));
    // One navigation or generic word among stop words ("What's next") is
    // a subhead, not a button.
    if ui == 0 || (stops > 0 && ui < w::UI_ONLY_MIN_UI_WORDS && !strong_word) {
        return None;
    }
    Some(ui_kind_of(f, |_| true).unwrap_or_else(|| {
        if words.iter().any(|w| matches!(w.lower, "read" | "more")) {
            Related
        } else {
            Nav
        }
    }))
}

/// "Follow Jane Doe on Twitter: @handle", "Follow us on Facebook".
fn follow_prompt(f: &Features<'_>) -> Option<BoilerplateKind> {
    if !phrases_of(Follow)
        || f.opening_word() != Some("follow")
        || f.word_count() > w::FOLLOW_WORDS
        || f.has_quotes()
    {
        return None;
    }
    let has_target = regex_matches(&HANDLE, f.text)
        || f.words.iter().any(|w| {
            w.lower == "us" || (w.tags.contains(Tags::UI_NOUN) && ui_kind(w.tags) == Some(Share))
        });
    has_target.then_some(Follow)
}

/// A call to action: an imperative ("Sign up ...", "Download ...") or the
/// publisher's own voice ("We use cookies ..."), about a furniture topic
/// (newsletter, app, cookies, comments, video, social networks).
fn reader_prompt(f: &Features<'_>) -> Option<BoilerplateKind> {
    let words = f.word_count();
    if words > w::PROMPT_WORDS || f.has_quoted_words() || f.reports_speech() {
        return None;
    }
    let ui_words = f.words.iter().filter(|w| is_ui_word(w)).count();
    let imperative = !f.imperatives.is_empty();
    let publisher = f.has_publisher_voice()
        && words <= w::PUBLISHER_PROMPT_WORDS
        && ui_words >= w::PUBLISHER_PROMPT_UI_WORDS;
    if !(imperative || publisher) {
        return None;
    }
    ui_kind_of(f, |w| w.tags.contains(Tags::UI_NOUN)).or_else(|| {
        // An imperative sign-up or download needs no topic noun.
        f.imperatives
            .iter()
            .find_map(|verb| match *verb {
                "subscribe" | "signup" | "register" => Some(Newsletter),
                "download" | "install" => Some(App),
                _ => None,
            })
            .filter(|&kind| phrases_of(kind))
            .filter(|_| imperative)
    })
}
