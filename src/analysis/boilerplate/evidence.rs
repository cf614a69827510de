//! The scored side of the pass: a paragraph's evidence of being page
//! furniture as named features, and the learned weights that weigh it.
//!
//! The rules (`strong.rs`, `contextual.rs`) know the wordings furniture
//! has been seen in; a site with other wordings slips past them. The
//! evidence here is the shape such lines share whatever they say: a few
//! words that make no sentence, no verb, the vocabulary of an interface
//! (any kind of it, not one kind's phrases), an imperative or the reader
//! addressed, counters, clock times and durations, separators and
//! symbols, and the paragraph's place: before, inside or after the body,
//! next to other furniture, repeated, or in a run of short lines (a list,
//! which is content). Each paragraph the rules leave gets a score, the sum
//! of its features' weights; above zero it is furniture.
//!
//! The weights are learned, not written: `scripts/fit_furniture.py` fits a
//! logistic regression on the fit part of the labelled corpora and writes
//! `data/model/furniture.txt`, whose header says on what and how well.
//! The local half of the evidence (what the paragraph's text decides) is
//! kept in its summary between versions; the context half is added by the
//! document-wide step.

use std::hash::Hasher;
use std::sync::LazyLock;

use rustc_hash::FxHasher;

use super::BoilerplateKind;
use super::contextual::is_byline;
use super::results::is_results_line;
use super::voice::{refers_to_itself, site_as_subject};
use super::words::{Features, names_furniture, starts_upper, ui_kind};
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Shape;
use crate::analysis::weights_file::{self, features};
use crate::analysis::work::{tick, tick_n};

features! {
    /// One piece of evidence about a paragraph.
    Bias = "bias" / "a base rate",
    Words1 = "words:1" / "one word",
    Words2 = "words:2" / "two words",
    Words3To4 = "words:3-4" / "three or four words",
    Words5To8 = "words:5-8" / "five to eight words",
    Words9To15 = "words:9-15" / "nine to fifteen words",
    Words16To30 = "words:16-30" / "sixteen to thirty words",
    WordsMore = "words:31+" / "over thirty words",
    Sentence = "ends_as_sentence" / "ends as a sentence",
    Colon = "ends_with_colon" / "ends with a colon",
    Question = "question" / "a question",
    Verb = "verb" / "a verb",
    Imperative = "imperative" / "an imperative",
    SecondPerson = "second_person" / "addresses the reader",
    PublisherVoice = "publisher_voice" / "the publisher's voice",
    UiWord = "ui_word" / "words of a kind of furniture",
    UiWords = "ui_words:2+" / "several interface words",
    UiShare = "ui_share" / "mostly interface words",
    UiOnly = "ui_only" / "only interface words",
    UiNoun = "ui_noun" / "names a feature of the site",
    Quotes = "quotes" / "quotation marks",
    ReportsSpeech = "reports_speech" / "reports speech",
    Number = "number" / "a number",
    OpensWithNumber = "opens_with_number" / "opens with a number",
    ClockTime = "clock_time" / "a time of day",
    Calendar = "calendar" / "a date",
    Separator = "separator" / "separators",
    TitleCase = "title_case" / "Title Case",
    AllCaps = "all_caps" / "all capitals",
    SingleLetters = "single_letters" / "single letters",
    Link = "link" / "an address or handle",
    Symbol = "symbol" / "a page symbol",
    StopShare = "stop_share" / "function words",
    LowerStart = "lower_start" / "starts in lower case",
    ListItem = "list_item" / "a list item",
    Byline = "byline" / "a byline",
    Dateline = "dateline" / "a dateline",
    Capitalised = "capitalised_share" / "capitalised words",
    Prose = "prose" / "a sentence of prose",
    Counter = "counter" / "a counter",
    PublisherToReader = "publisher_to_reader" / "the site speaking to the reader",
    SelfReference = "self_reference" / "speaks of the page itself",
    Decorated = "decorated" / "set between ornaments",
    LoneWordNoOverlap = "words:1&overlap:none" / "one word the story never uses",
    ShortFragment = "short_fragment" / "a few words, no sentence",
    ShortFragmentUi = "short_fragment&ui_word" / "a few interface words",
    Before = "position:before" / "before the story",
    Within = "position:within" / "inside the story",
    After = "position:after" / "after the story",
    NextToHeadline = "next_to_headline" / "next to the headline",
    Overlap = "overlap" / "words of the story",
    NoOverlap = "overlap:none" / "no word of the story",
    NoContent = "no_content_words" / "no content words",
    NextToFurniture = "next_to_furniture" / "next to other furniture",
    Repeated = "repeated" / "repeated on the page",
    InShortRun = "in_short_run" / "in a run of short lines",
    ShortFragmentAfter = "short_fragment&after" / "a few words after the story",
    ShortFragmentBefore = "short_fragment&before" / "a few words before the story",
    SelfReferenceNoOverlap = "self_reference&overlap:none" / "speaks of the page and of nothing in the story",
    PublisherToReaderUiNoun = "publisher_to_reader&ui_noun" / "the site speaking to the reader of a feature of the site",
    PageSubject = "page_subject" / "a sentence whose subject is the page",
    PublisherSubjectToReader = "publisher_subject&second_person" / "the site, as subject, speaking to the reader",
    PublisherSubjectToReaderUiNoun = "publisher_subject&second_person&ui_noun" / "the site, as subject, speaking to the reader of a feature of the site",
    WhHeading = "wh_heading" / "a heading that opens with a question word",
}

/// Longest paragraph the score judges; longer ones are prose or caught by
/// the rules (a cookie notice, a copyright block).
pub const MOST_WORDS: usize = 50;
/// Most words of a [`Feature::ShortFragment`]: a line of a few words that
/// does not end as a sentence.
const SHORT_FRAGMENT_WORDS: usize = 8;

/// Fewest words of a clause that is [`Feature::Prose`] without a mark
/// that ends it.
const PROSE_WITHOUT_MARK_WORDS: usize = 12;

/// A set of features with their values (1.0 for present/absent ones).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    values: Vec<(Feature, f32)>,
}

impl Evidence {
    pub fn set(&mut self, feature: Feature, value: f32) {
        if value == 0.0 {
            return;
        }
        match self.values.iter_mut().find(|(f, _)| *f == feature) {
            Some(slot) => slot.1 = value,
            None => self.values.push((feature, value)),
        }
    }

    pub fn flag(&mut self, feature: Feature, present: bool) {
        if present {
            self.set(feature, 1.0);
        }
    }

    pub fn has(&self, feature: Feature) -> bool {
        self.values.iter().any(|(f, _)| *f == feature)
    }

    /// The features present, with their values.
    pub fn values(&self) -> &[(Feature, f32)] {
        &self.values
    }

    /// The weighted sum: above zero is furniture.
    pub fn score(&self, weights: &Weights) -> f32 {
        weights.get(Feature::Bias)
            + self
                .values
                .iter()
                .map(|&(f, v)| weights.get(f) * v)
                .sum::<f32>()
    }

    /// The features that pushed the score up most, strongest first: what
    /// the diagnostic names as its evidence.
    pub fn strongest(&self, weights: &Weights, count: usize) -> Vec<Feature> {
        let mut pushes: Vec<(Feature, f32)> = self
            .values
            .iter()
            .map(|&(f, v)| (f, weights.get(f) * v))
            .filter(|&(_, push)| push > 0.0)
            .collect();
        pushes.sort_by(|a, b| b.1.total_cmp(&a.1));
        pushes.into_iter().take(count).map(|(f, _)| f).collect()
    }
}

/// What one paragraph's text alone says, kept in its local summary.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvidence {
    pub evidence: Evidence,
    /// Words of the paragraph; the score judges at most [`MOST_WORDS`].
    pub words: usize,
    /// A line of a few words that does not end as a sentence.
    pub short_fragment: bool,
    /// The kind most of its UI words point to, if any.
    pub ui_kind: Option<BoilerplateKind>,
    /// A scoreline or a line of results (see [`is_results_line`]): the
    /// story's content however short, so the score does not judge it.
    pub results: bool,
    /// Hash of the lower-case words, to find the same line repeated.
    pub text_hash: u64,
}

impl LocalEvidence {
    pub fn of(f: &Features<'_>) -> LocalEvidence {
        use Feature as F;
        // Each feature below is a scan of the words, the tokens or the
        // text (or of the words twice, for `has_verb`): counted together.
        tick_n(20 * f.words.len() + 4 * f.tokens().len() + 8 * f.text.len());
        let mut e = Evidence::default();
        let words = f.word_count();
        let bucket = match words {
            0 | 1 => F::Words1,
            2 => F::Words2,
            3..=4 => F::Words3To4,
            5..=8 => F::Words5To8,
            9..=15 => F::Words9To15,
            16..=30 => F::Words16To30,
            _ => F::WordsMore,
        };
        e.flag(bucket, true);
        let sentence = f.ends_as_sentence();
        let (reader, quotes) = (f.addresses_reader(), f.has_quotes());
        // A sentence about the page, or in the site's voice to the reader,
        // is a note from the site however it ends: its sentence form is no
        // evidence of the story's text.
        let (page_subject, publisher_subject) = site_as_subject(f);
        let site_to_reader = publisher_subject && !quotes && reader;
        e.flag(F::Sentence, sentence && !page_subject && !site_to_reader);
        let text = f.text.trim_end();
        e.flag(F::Colon, text.ends_with(':'));
        e.flag(F::Question, text.ends_with('?'));
        e.flag(
            F::WhHeading,
            !sentence
                && !text.ends_with('?')
                && words <= SHORT_FRAGMENT_WORDS
                && f.words.first().is_some_and(|w| opens_a_question(w.lower)),
        );
        e.flag(F::Verb, has_verb(f));
        e.flag(F::Imperative, !f.imperatives.is_empty());
        e.flag(F::SecondPerson, reader);
        e.flag(F::PublisherVoice, f.has_publisher_voice());
        // Words that name a kind of furniture ("share", "newsletter") or a
        // feature of the site; the generic interface words ("new", "here",
        // "full") are common English and count only in `ui_share` and
        // `ui_only`.
        let ui = f
            .words
            .iter()
            .filter(|w| names_furniture(w.tags) || w.tags.contains(Tags::UI_NOUN))
            .count();
        let lexical: Vec<_> = f
            .words
            .iter()
            .filter(|w| !w.tags.contains(Tags::STOP_WORD) && f.token(w).shape != Shape::Number)
            .collect();
        let generic = lexical
            .iter()
            .filter(|w| w.tags.contains(Tags::UI_WORD))
            .count();
        e.flag(F::UiWord, ui >= 1);
        e.flag(F::UiWords, ui >= 2);
        e.set(F::UiShare, share(generic, lexical.len()));
        e.flag(F::UiOnly, generic >= 1 && generic == lexical.len());
        e.flag(
            F::UiNoun,
            f.words.iter().any(|w| w.tags.contains(Tags::UI_NOUN)),
        );
        e.flag(F::Quotes, quotes);
        e.flag(F::ReportsSpeech, f.reports_speech());
        let tokens = f.tokens();
        let numbers = tokens.iter().filter(|t| t.shape == Shape::Number).count();
        e.flag(F::Number, numbers > 0);
        e.flag(
            F::OpensWithNumber,
            // The number must open the text: "© 2016 ..." opens with a sign.
            f.text
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                && f.words
                    .first()
                    .is_some_and(|w| f.token(w).shape == Shape::Number),
        );
        e.flag(F::ClockTime, has_clock_time(f));
        e.flag(
            F::Calendar,
            f.words.iter().any(|w| w.tags.contains(Tags::CALENDAR)),
        );
        e.flag(
            F::Separator,
            // Between words: a bullet opening a list item is no separator.
            tokens.iter().skip(1).any(|t| {
                t.is_punct() && matches!(f.token_text(t), "|" | "»" | "›" | "•" | "·" | ">" | "/")
            }),
        );
        e.flag(F::TitleCase, f.para.hints.title_case);
        e.flag(F::AllCaps, f.para.hints.all_caps);
        let single_letters = f
            .words
            .iter()
            .filter(|w| w.lower.chars().count() == 1 && w.lower.chars().all(char::is_alphabetic))
            .count();
        e.flag(F::SingleLetters, single_letters >= 2);
        e.flag(
            F::Link,
            f.text.contains('@')
                || f.text.contains("http")
                || f.text.contains("www.")
                || f.text.contains(".com"),
        );
        e.flag(F::Symbol, f.text.contains(['©', '®', '™', '▶', '►', '↑']));
        e.set(F::StopShare, f.stop_word_share());
        e.flag(
            F::LowerStart,
            f.text.chars().next().is_some_and(char::is_lowercase),
        );
        e.flag(F::ListItem, f.para.hints.list_item);
        e.flag(F::Byline, f.para.hints.byline || is_byline(f.text));
        e.flag(F::Dateline, f.para.hints.dateline.is_some());
        let capitalised = f
            .words
            .iter()
            .filter(|w| starts_upper(f.token_text(f.token(w))))
            .count();
        e.set(F::Capitalised, share(capitalised, words));
        // A sentence of some length with a verb, in no one's voice but the
        // writer's, about the world and not the page it is on: the plainest
        // mark of article text. A long clause counts without its final mark
        // (a sentence cut short is still prose).
        let self_reference = refers_to_itself(f);
        e.flag(
            F::Prose,
            ((sentence && words >= 6) || words >= PROSE_WITHOUT_MARK_WORDS)
                && has_verb(f)
                && f.imperatives.is_empty()
                && !reader
                && !self_reference
                && !f.text.contains('©'),
        );
        // "35 comments", "12 photos": a number and a word or two.
        e.flag(
            F::Counter,
            words <= 3 && !sentence && e.has(F::OpensWithNumber),
        );
        e.flag(
            F::PublisherToReader,
            f.has_publisher_voice() && reader && !quotes,
        );
        e.flag(F::SelfReference, self_reference);
        e.flag(F::PageSubject, page_subject);
        e.flag(F::PublisherSubjectToReader, site_to_reader);
        e.flag(
            F::PublisherSubjectToReaderUiNoun,
            site_to_reader && e.has(F::UiNoun),
        );
        e.flag(
            F::PublisherToReaderUiNoun,
            e.has(F::PublisherToReader) && e.has(F::UiNoun),
        );
        e.flag(F::Decorated, is_decorated(f));
        let short_fragment = words <= SHORT_FRAGMENT_WORDS && !sentence;
        e.flag(F::ShortFragment, short_fragment);
        e.flag(F::ShortFragmentUi, short_fragment && ui >= 1);
        let mut hasher = FxHasher::default();
        for w in &f.words {
            hasher.write(w.lower.as_bytes());
            hasher.write_u8(b' ');
        }
        LocalEvidence {
            evidence: e,
            words,
            short_fragment,
            ui_kind: majority_ui_kind(f),
            results: is_results_line(f),
            text_hash: hasher.finish(),
        }
    }
}

/// A verb of some kind: an auxiliary or modal, a finite reporting verb,
/// a word after a subject pronoun, or a lower-case word in "-ed". Crude,
/// but furniture has none of these and a sentence nearly always does.
fn has_verb(f: &Features<'_>) -> bool {
    // A line of one or two words is no clause, whatever its first word is
    // ("Comments", "Updated").
    if f.word_count() <= 2 {
        return false;
    }
    f.words.iter().enumerate().any(|(i, w)| {
        w.tags.intersects(Tags::AUXILIARY | Tags::MODAL)
            || w.tags.contains(Tags::REPORTING_VERB | Tags::FINITE)
            || (w.lower.len() > 4 && w.lower.ends_with("ed") && f.token(w).shape == Shape::Lower)
            || (i > 0
                && f.words[i - 1].tags.contains(Tags::SUBJECT_PRONOUN)
                && f.token(w).shape == Shape::Lower)
    })
}

/// "What", "Why", "How", "What's": a word that opens a question. A short
/// line that opens with one and has no question mark ("What's next", "Why
/// it matters") is a subhead, the question the next section answers.
fn opens_a_question(lower: &str) -> bool {
    matches!(
        lower,
        "what" | "what's" | "what’s" | "why" | "how" | "who" | "where" | "when"
    )
}

/// Words set between ornaments: "- Advertisement -", "— Sponsored —",
/// "*** Related ***".
fn is_decorated(f: &Features<'_>) -> bool {
    let tokens = f.tokens();
    let ornament = |t: Option<&crate::analysis::text::Token>| {
        t.is_some_and(|t| {
            t.is_punct() && matches!(f.token_text(t), "-" | "–" | "—" | "*" | "=" | "~" | "•")
        })
    };
    f.word_count() > 0 && ornament(tokens.first()) && ornament(tokens.last())
}

/// "4:16", "10:05 a.m.", "3 p.m.", "2:35": a time of day or a media
/// duration.
fn has_clock_time(f: &Features<'_>) -> bool {
    f.words.iter().any(|w| {
        let text = f.token_text(f.token(w));
        matches!(w.lower, "a.m" | "p.m" | "a.m." | "p.m." | "am" | "pm")
            || text
                .split_once(':')
                .is_some_and(|(h, m)| is_digits(h, 1..=2) && is_digits(m, 2..=2))
    })
}

fn is_digits(s: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The kind most of the paragraph's kind-naming UI words point to (the
/// first one on a tie).
fn majority_ui_kind(f: &Features<'_>) -> Option<BoilerplateKind> {
    let mut counts: Vec<(BoilerplateKind, usize)> = Vec::new();
    for kind in f.words.iter().filter_map(|w| {
        tick();
        ui_kind(w.tags)
    }) {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some(slot) => slot.1 += 1,
            None => counts.push((kind, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max()?;
    counts.iter().find(|&&(_, n)| n == most).map(|&(k, _)| k)
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// Learned feature weights (`data/model/furniture.txt`).
pub type Weights = weights_file::Weights<Feature>;

static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| Weights::shipped(include_str!("../../../data/model/furniture.txt")));

/// The shipped weights.
pub fn weights() -> &'static Weights {
    &WEIGHTS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::driver::Driver;

    fn local(text: &str) -> LocalEvidence {
        let model = Driver::default().model(text);
        LocalEvidence::of(&Features::new(&model.paragraphs[0]))
    }

    fn has(text: &str, feature: Feature) -> bool {
        local(text).evidence.has(feature)
    }

    #[test]
    fn a_sentence_of_prose_is_marked_as_prose() {
        let text = "The council voted on the transit budget on Monday.";
        assert!(has(text, Feature::Prose));
        assert!(has(text, Feature::Verb));
        assert!(!has(text, Feature::ShortFragment));
        // An imperative or the reader addressed is no writer's prose.
        assert!(!has("Click the button below to read it.", Feature::Prose));
        assert!(!has(
            "You can read the full report on our site.",
            Feature::Prose
        ));
        assert!(!has(
            "© 2024 The Harbour Herald. All rights reserved.",
            Feature::Prose
        ));
    }

    #[test]
    fn a_sentence_about_the_page_or_in_the_sites_voice_is_marked() {
        let note = "This article has been updated with more details.";
        assert!(has(note, Feature::PageSubject));
        assert!(has(note, Feature::SelfReference));
        // a note about the page is not the writer's prose
        assert!(!has(note, Feature::Prose));
        // a correction names the page, but not as its subject
        let correction = "An earlier version of this story gave the wrong date for the vote.";
        assert!(has(correction, Feature::SelfReference));
        assert!(!has(correction, Feature::PageSubject));
        assert!(has(correction, Feature::Sentence));
        let site = "We use small files to remember your settings on this device.";
        assert!(has(site, Feature::PublisherSubjectToReader));
        assert!(has(site, Feature::PublisherToReader));
        // a sentence to the reader in the site's voice is no evidence of story text
        assert!(!has(site, Feature::Sentence));
        // the site's "we" inside a quotation is a speaker's, and a "we" that
        // does not address the reader is no note
        assert!(!has(
            "\"We need a new ferry for you,\" the mayor said on Monday.",
            Feature::PublisherSubjectToReader
        ));
        let no_reader = "We waited for the ferry until noon.";
        assert!(!has(no_reader, Feature::PublisherSubjectToReader));
        assert!(has(no_reader, Feature::Sentence));
    }

    #[test]
    fn the_site_speaking_to_the_reader_of_its_features_is_marked() {
        let prompt = "We send our newsletter to your inbox every morning.";
        assert!(has(prompt, Feature::PublisherToReaderUiNoun));
        assert!(has(prompt, Feature::PublisherSubjectToReaderUiNoun));
        // the reader addressed, but of no feature of the site
        let walk = "We think you will like the new harbour walk.";
        assert!(!has(walk, Feature::PublisherToReaderUiNoun));
        assert!(!has(walk, Feature::PublisherSubjectToReaderUiNoun));
    }

    #[test]
    fn a_short_line_opening_with_a_question_word_is_a_heading() {
        assert!(has("What happens now", Feature::WhHeading));
        assert!(has("Why it matters", Feature::WhHeading));
        // a question, a sentence, or a line opening otherwise is not
        assert!(!has("What do you think?", Feature::WhHeading));
        assert!(!has(
            "Why the council waited is not clear.",
            Feature::WhHeading
        ));
        assert!(!has("Next story", Feature::WhHeading));
    }

    #[test]
    fn a_long_clause_cut_before_its_end_is_still_prose() {
        let cut = "The ferry company also has other routes to plan for, and they include \
                   two crossings to the islands that are creating delays for";
        assert!(has(cut, Feature::Prose));
        assert!(!has("Topics: ferries, islands, transit", Feature::Prose));
        assert!(!has(
            "The ferry company also has other routes to plan for",
            Feature::Prose
        ));
    }

    #[test]
    fn a_line_of_one_or_two_words_has_no_verb() {
        assert!(!has("Comments", Feature::Verb));
        assert!(!has("Updated today", Feature::Verb));
        assert!(has("Story continues below", Feature::Verb));
    }

    #[test]
    fn counters_clock_times_and_ornaments() {
        assert!(has("35 comments", Feature::Counter));
        assert!(!has("35 people came.", Feature::Counter));
        assert!(has("Updated 4:16 p.m. ET", Feature::ClockTime));
        assert!(has("Listen 2:35", Feature::ClockTime));
        assert!(!has("The ratio was 4:1 in May.", Feature::ClockTime));
        assert!(has("- Advertisement -", Feature::Decorated));
        assert!(!has("Advertisement", Feature::Decorated));
    }

    #[test]
    fn a_sign_before_the_first_number_is_not_a_line_opening_with_one() {
        assert!(has("35 comments", Feature::OpensWithNumber));
        assert!(!has("© 2016 The Harbour Herald.", Feature::OpensWithNumber));
        assert!(has("© 2016 The Harbour Herald.", Feature::Symbol));
        assert!(!has("Page 2 of the report", Feature::OpensWithNumber));
    }

    #[test]
    fn the_page_speaking_of_itself_and_to_the_reader() {
        assert!(has("Print this article", Feature::SelfReference));
        assert!(has("We use cookies on our site.", Feature::SelfReference));
        assert!(!has("This story began in May.", Feature::PublisherToReader));
        assert!(has(
            "We use cookies so you get the best experience.",
            Feature::PublisherToReader
        ));
        // A quoted "we" and "you" is a speaker's.
        assert!(!has(
            "\u{201c}We will find you,\u{201d} she said.",
            Feature::PublisherToReader
        ));
    }

    #[test]
    fn the_ui_kind_is_the_one_most_words_name() {
        assert_eq!(
            local("Share on Facebook").ui_kind,
            Some(BoilerplateKind::Share)
        );
        assert_eq!(local("Jana Holm runs the market.").ui_kind, None);
        assert_eq!(local("Share").text_hash, local("share").text_hash);
    }

    #[test]
    fn weights_parse_and_name_bad_lines() {
        let w = Weights::parse("# comment\nbias -1.5\nimperative 2\n").expect("parses");
        assert_eq!(w.get(Feature::Bias), -1.5);
        assert_eq!(w.get(Feature::Imperative), 2.0);
        assert!(!w.is_empty());
        let err = Weights::parse("bias 1\nno_such_feature 2").expect_err("unknown");
        assert!(
            err.contains("line 2") && err.contains("no_such_feature"),
            "{err}"
        );
        assert!(Weights::parse("bias one").is_err());
        assert!(
            Weights::parse("# only a comment")
                .expect("parses")
                .is_empty()
        );
    }

    #[test]
    fn the_shipped_weights_parse_and_cover_every_feature_name() {
        let source = include_str!("../../../data/model/furniture.txt");
        let w = Weights::parse(source).expect("data/model/furniture.txt parses");
        assert!(!w.is_empty());
        assert!(w.get(Feature::Bias) < 0.0, "furniture is the exception");
        for f in Feature::ALL {
            assert_eq!(Feature::from_name(f.name()), Some(*f));
            assert!(!f.phrase().is_empty());
        }
    }

    #[test]
    fn the_strongest_features_are_those_that_push_up_most() {
        let w = Weights::parse("bias -1\nimperative 3\nui_word 1\nquotes -4").expect("parses");
        let mut e = Evidence::default();
        e.flag(Feature::Imperative, true);
        e.flag(Feature::UiWord, true);
        e.flag(Feature::Quotes, true);
        e.flag(Feature::Verb, false);
        assert_eq!(e.values().len(), 3);
        assert_eq!(e.score(&w), -1.0);
        assert_eq!(e.strongest(&w, 3), [Feature::Imperative, Feature::UiWord]);
    }
}
