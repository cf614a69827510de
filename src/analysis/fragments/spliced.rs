//! `fragment/spliced`: a sentence that shares nothing with the rest of the
//! article, as when a content spinner pastes a sentence from an unrelated
//! story into this one.
//!
//! The measure is lexical cohesion, in the spirit of TextTiling (Hearst,
//! 1997): every sentence gets its set of content words (lower case, stop
//! words removed, lightly stemmed, names included), the article gets the
//! number of sentences each word occurs in, and a sentence is compared
//! with the rest of the article (its own occurrence left out). A sentence
//! of real copy repeats the article's names and topic words; a spliced one
//! shares none of them, or a single common word.
//!
//! This is a judgement, so it is reported as information, with the
//! evidence in the message, and only when nothing else ties the sentence
//! to its neighbours: no pronoun, demonstrative or connective, no definite
//! subject ("The driver ..."), no quotation, not the attribution right
//! after one. The headline and the lead sentence set the topic and are
//! never reported, nor is a line without terminal punctuation (a headline
//! of another story is boilerplate, not a spliced sentence).

use std::collections::{HashMap, HashSet};

use super::lexicon::{CALENDAR, is_cohesive_tie, is_reporting_verb, is_stop_word};
use super::text::{is_quote_mark, words};
use super::{Doc, Fragment, FragmentKind};
use crate::analysis::{Severity, Span};

/// Fewest content words a sentence needs to be judged at all: short
/// sentences share nothing by chance.
const MIN_CONTENT_WORDS: usize = 6;

/// A sentence whose shared words add up to at most this much cohesion
/// (each shared word counts the number of other sentences it occurs in,
/// capped at [`OCCURRENCE_CAP`]) is reported.
const MAX_COHESION: usize = 1;

/// With one weak shared word, the sentence must be at least this long.
const MIN_CONTENT_WORDS_ONE_SHARED: usize = 8;

/// A shared proper name is stronger evidence of cohesion than a shared
/// common word: it counts this many times.
const NAME_WEIGHT: usize = 2;

const OCCURRENCE_CAP: usize = 3;

/// One sentence as the cohesion measure sees it.
struct Unit {
    span: Span,
    stems: HashSet<String>,
    /// The stems written capitalised inside the sentence (names).
    names: HashSet<String>,
    /// Whether the sentence may be reported at all.
    candidate: bool,
}

pub(crate) fn detect(doc: &Doc) -> Vec<Fragment> {
    let units = units(doc);
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for unit in &units {
        for stem in &unit.stems {
            *frequency.entry(stem.as_str()).or_default() += 1;
        }
    }
    units
        .iter()
        .filter(|u| u.candidate && u.stems.len() >= MIN_CONTENT_WORDS)
        .filter_map(|u| judge(u, &frequency))
        .collect()
}

/// Every sentence of the article with its content words.
fn units(doc: &Doc) -> Vec<Unit> {
    let sentences: Vec<Vec<Word>> = doc
        .paras
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| content_words(doc.slice(*s))))
        .collect();
    let common: HashSet<String> = sentences
        .iter()
        .flatten()
        .filter(|w| !w.capitalised)
        .map(|w| stem(&w.bare))
        .collect();
    let mut keyed = sentences.iter().map(|ws| keys(ws, &common));
    let mut out = Vec::new();
    for para in &doc.paras {
        for (k, &span) in para.sentences.iter().enumerate() {
            let sentence = doc.slice(span);
            let lead = para.position == 0 || (para.position == 1 && k == 0);
            let after_quote = k
                .checked_sub(1)
                .and_then(|j| para.sentences.get(j))
                .is_some_and(|prev| doc.slice(*prev).trim_end().ends_with(is_quote_mark));
            let attribution =
                after_quote && words(sentence).any(|w| is_reporting_verb(&w.to_lowercase()));
            let candidate = !lead
                && !attribution
                && !starts_definite(sentence)
                && sentence.trim_end().ends_with(['.', '!', '?'])
                && !sentence.contains(is_quote_mark)
                && !para.quotes.inside(span.start)
                && !has_cohesive_tie(sentence);
            let (stems, names) = keyed.next().unwrap_or_default();
            out.push(Unit {
                span,
                stems,
                names,
                candidate,
            });
        }
    }
    out
}

fn judge(unit: &Unit, frequency: &HashMap<&str, usize>) -> Option<Fragment> {
    let mut shared: Vec<&str> = Vec::new();
    let mut cohesion = 0;
    for stem in &unit.stems {
        let elsewhere = frequency.get(stem.as_str()).copied().unwrap_or(1) - 1;
        if elsewhere > 0 {
            shared.push(stem);
            let weight = if unit.names.contains(stem) {
                NAME_WEIGHT
            } else {
                1
            };
            cohesion += elsewhere.min(OCCURRENCE_CAP) * weight;
        }
    }
    let isolated = match shared.len() {
        0 => true,
        1 => cohesion <= MAX_COHESION && unit.stems.len() >= MIN_CONTENT_WORDS_ONE_SHARED,
        _ => false,
    };
    if !isolated {
        return None;
    }
    let evidence = match shared.first() {
        None => "shares no content words with the rest of the article".to_string(),
        Some(word) => format!(
            "shares only one word (“{word}…”) with the rest of the article, out of {}",
            unit.stems.len()
        ),
    };
    Some(Fragment {
        span: unit.span,
        kind: FragmentKind::Spliced,
        message: format!(
            "Possibly spliced in from another story: this sentence {evidence}, and no \
             pronoun or connective ties it to its neighbours"
        ),
        severity: Severity::Information,
        related: Vec::new(),
        insertion: None,
    })
}

/// True when the sentence opens with the definite article: "The driver
/// ...", "The 23-year-old ..." refer back to something already introduced.
fn starts_definite(sentence: &str) -> bool {
    words(sentence).next() == Some("The")
}

/// Conjunctions and demonstratives that tie a sentence to the previous
/// one only when they open it ("But ...", "That decision ..."); inside a
/// sentence they join its own clauses.
const OPENING_TIES: &[&str] = &[
    "but", "and", "or", "so", "yet", "that", "while", "although", "though", "because", "since",
    "nor",
];

/// True when the sentence has a pronoun, demonstrative or connective
/// (contractions count by their first part: "we're" is "we"), or a
/// negation: denying something presupposes that the article raised it
/// ("X was not seeking a fifth term").
fn has_cohesive_tie(sentence: &str) -> bool {
    words(sentence).enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        if lower == "not" || lower.ends_with("n't") || lower.ends_with("n’t") {
            return true;
        }
        let head = lower.split(['\'', '’']).next().unwrap_or("");
        is_cohesive_tie(&lower) || is_cohesive_tie(head) || (i == 0 && OPENING_TIES.contains(&head))
    })
}

/// A content word of a sentence: lower case, possessive removed.
struct Word {
    bare: String,
    capitalised: bool,
    initial: bool,
}

/// The content words of `sentence` (stop words, short words and numbers
/// left out).
fn content_words(sentence: &str) -> Vec<Word> {
    words(sentence)
        .enumerate()
        .filter_map(|(i, w)| {
            let lower = w.to_lowercase();
            let bare = lower
                .strip_suffix("’s")
                .or_else(|| lower.strip_suffix("'s"))
                .unwrap_or(&lower)
                .trim_end_matches(['’', '\'']);
            let content = bare.chars().count() >= 3
                && bare.chars().any(char::is_alphabetic)
                && !bare.chars().any(|c| c.is_ascii_digit())
                && !is_stop_word(bare);
            content.then(|| Word {
                bare: bare.to_string(),
                capitalised: w.chars().next().is_some_and(char::is_uppercase),
                initial: i == 0,
            })
        })
        .collect()
}

/// The comparison keys of a sentence's words, and which of them are
/// names. Names are kept whole ("Christie" and "Christyn" differ); other
/// words are stemmed. A capitalised first word is a name unless the
/// article also uses it in lower case (`common` holds those stems).
fn keys(words: &[Word], common: &HashSet<String>) -> (HashSet<String>, HashSet<String>) {
    let mut stems = HashSet::new();
    let mut names = HashSet::new();
    for w in words {
        let stemmed = stem(&w.bare);
        let calendar = CALENDAR.contains(&w.bare.as_str());
        let name = w.capitalised && !calendar && !(w.initial && common.contains(&stemmed));
        if name {
            names.insert(w.bare.clone());
            stems.insert(w.bare.clone());
        } else {
            stems.insert(stemmed);
        }
    }
    (stems, names)
}

/// A light stemmer: strip common inflections, then keep at most six
/// characters, so "campaigning", "campaigns" and "campaign" meet.
fn stem(word: &str) -> String {
    const SUFFIXES: &[&str] = &["ies", "ing", "ed", "es", "s", "ly"];
    let mut base = word;
    for suffix in SUFFIXES {
        if let Some(b) = word.strip_suffix(suffix)
            && b.chars().count() >= 3
        {
            base = b;
            break;
        }
    }
    if base.chars().count() > 3 {
        base = base.strip_suffix('e').unwrap_or(base);
    }
    base.chars().take(6).collect()
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::Spliced;
    use super::super::test_support::{all, found};
    use super::*;

    const ARTICLE: &str = "Council approves harbour bridge budget.\n\n\
        The city council approved the harbour bridge budget on Tuesday after a long debate.\n\n\
        Councillors said the bridge budget would cover repairs to the harbour crossing.\n\n\
        The mayor praised the council for passing the bridge repairs quickly.";

    #[test]
    fn an_unrelated_sentence_is_reported_as_information() {
        let text = format!(
            "{ARTICLE} Scientists found a new species of octopus living near volcanic vents.\n\n\
             Repairs to the harbour bridge start in spring."
        );
        let fragments: Vec<Fragment> = all(&text)
            .into_iter()
            .filter(|f| f.kind == Spliced)
            .collect();
        assert_eq!(fragments.len(), 1);
        assert_eq!(
            fragments[0].span.text(&text),
            "Scientists found a new species of octopus living near volcanic vents."
        );
        assert_eq!(fragments[0].severity, Severity::Information);
        assert!(fragments[0].message.contains("shares no content words"));
    }

    #[test]
    fn sentences_on_topic_or_tied_by_a_pronoun_stand() {
        let text = format!(
            "{ARTICLE}\n\nShe also thanked engineers, residents and ferry operators for waiting.\n\n\
             We’re told engineers, divers and ferry crews will inspect pylons.\n\n\
             Why?\n\n“Volcanic octopus species thrive near undersea vents,” a scientist said."
        );
        assert_eq!(found(&text, Spliced), []);
    }

    #[test]
    fn a_negated_sentence_is_tied_to_what_it_denies() {
        let text = format!(
            "{ARTICLE} Scientists did not find a new species of octopus near volcanic vents."
        );
        assert_eq!(found(&text, Spliced), []);
        let text =
            format!("{ARTICLE} Scientists found a new species of octopus near volcanic vents.");
        assert_eq!(found(&text, Spliced).len(), 1);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("campaigning"), stem("campaigns"));
        assert_eq!(stem("councillors"), "counci");
        let ws = content_words("Bridges of the mayor’s Akron office were 4,060 feet");
        let common = HashSet::from(["bridg".to_string()]);
        let (stems, names) = keys(&ws, &common);
        let expected: HashSet<String> = ["bridg", "mayor", "akron", "offic", "feet"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(stems, expected);
        assert_eq!(names, HashSet::from(["akron".to_string()]));
    }
}
