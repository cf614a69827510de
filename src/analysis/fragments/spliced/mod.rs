//! `fragment/spliced`: a sentence that shares nothing with the rest of the
//! article, as when a content spinner pastes a sentence from an unrelated
//! story into this one.
//!
//! The measure is lexical cohesion, in the spirit of TextTiling (Hearst,
//! 1997): every sentence gets its set of content words (lower case, topicless
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
//! after one, not a list item (its tie is the line that introduces the
//! list). The headline and the lead sentence set the topic and are
//! never reported, nor is a line without terminal punctuation (a headline
//! of another story is boilerplate, not a spliced sentence).

mod counts;
mod vocabulary;

use super::weights::{
    MAX_COHESION, MIN_CONTENT_WORDS, MIN_CONTENT_WORDS_ONE_SHARED, MIN_NEW_PLACES,
    MIN_TOPIC_WORDS_NAMES_SHARED, NAME_WEIGHT, OCCURRENCE_CAP,
};
use super::{Doc, Fragment, FragmentKind};
use crate::analysis::Severity;
use counts::Counts;
use vocabulary::{Key, Sentence};

use crate::analysis::work::tick;

pub(crate) use vocabulary::{Local, local};

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    let counts = Counts::new(doc);
    for (i, placed) in doc.paras.iter().enumerate() {
        let local = &placed.local.spliced;
        // under a subhead, a live blog's time or a letter's title (not the
        // headline: it sets the whole article's topic)
        let under_heading = i
            .checked_sub(1)
            .is_some_and(|p| p > 0 && doc.paras[p].local.spliced.heading);
        for (k, sentence) in local.sentences.iter().enumerate() {
            tick();
            let lead = i == 0 || (i == 1 && k == 0);
            if lead || under_heading || !sentence.candidate {
                continue;
            }
            if let Some(f) = judge(&counts, i, local, sentence)
                .filter(|_| !repeats_a_neighbour(doc, &counts, i, k))
            {
                out.push(f.shifted(placed.start));
            }
        }
    }
}

/// The fragment for `sentence` of paragraph `para`, when it shares (almost)
/// nothing with the rest of the article.
fn judge(counts: &Counts, para: usize, local: &Local, sentence: &Sentence) -> Option<Fragment> {
    let settled = &local.keys[sentence.keys.clone()];
    let doubt = counts.doubt(para, sentence);
    let known = doubt.filter(|&(entry, _)| local.has_key(sentence, entry));
    let extra = doubt.filter(|_| known.is_none());
    let count = settled.len() + usize::from(extra.is_some());
    if count < MIN_CONTENT_WORDS {
        return None;
    }
    let named = |k: &Key| k.name || known.is_some_and(|(entry, name)| name && entry == k.entry);
    let keys = settled
        .iter()
        .map(|k| (k.entry, named(k), k.place))
        .chain(extra.map(|(entry, name)| (entry, name, false)));
    let mut shared: Option<u32> = None;
    let mut shared_words = 0;
    let mut cohesion = 0;
    // the topic apart from the names: common words, and names of nothing
    // else in the article
    let (mut topic_words, mut topic_shared, mut new_places) = (0, 0, 0);
    for (entry, name, place) in keys {
        tick();
        let frequency = counts.frequency[counts.id(para, entry)] as usize;
        let elsewhere = frequency.max(1) - 1;
        match (name, elsewhere) {
            (false, 0) => topic_words += 1,
            (false, _) => {
                topic_words += 1;
                topic_shared += 1;
            }
            (true, 0) => new_places += usize::from(place),
            (true, _) => {}
        }
        if elsewhere == 0 {
            continue;
        }
        shared_words += 1;
        shared = Some(entry);
        let weight = if name { NAME_WEIGHT } else { 1 };
        cohesion += elsewhere.min(OCCURRENCE_CAP) * weight;
    }
    let isolated = match shared_words {
        0 => true,
        1 => cohesion <= MAX_COHESION && count >= MIN_CONTENT_WORDS_ONE_SHARED,
        _ => false,
    };
    // A sentence about the article's people but on an event of its own:
    // none of its common words occur elsewhere, it is set in a place the
    // article never mentions again, and on a day or month of its own (a
    // person's background has its places but no day: "grew up in Oslo").
    let off_topic = topic_shared == 0
        && topic_words >= MIN_TOPIC_WORDS_NAMES_SHARED
        && new_places >= MIN_NEW_PLACES
        && sentence.dated;
    if !isolated && !off_topic {
        return None;
    }
    let evidence = match shared {
        None => "shares no content words with the rest of the article".to_string(),
        Some(entry) if isolated => format!(
            "shares only one word (“{}…”) with the rest of the article, out of {count}",
            local.vocabulary[entry as usize].text
        ),
        Some(_) => format!(
            "shares only names with the rest of the article, none of its {topic_words} \
             other content words, and tells of a day of its own in a place the article does \
             not mention again"
        ),
    };
    Some(Fragment {
        span: sentence.span,
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

/// Whether sentence `k` of paragraph `para` repeats a content word of the
/// sentence just before it (across a paragraph break too): the closest
/// lexical tie there is ("... the mussel beds supply three restaurants. A
/// study found fragments in two of every five mussels"). Only the sentence
/// before counts: a sentence pasted in at the end of a paragraph meets the
/// next paragraph's opening words by chance ("decision", "Monday"), while
/// one that takes up its predecessor's word is following it.
fn repeats_a_neighbour(doc: &Doc, counts: &Counts, para: usize, k: usize) -> bool {
    let ids = |p: usize, sentence: &Sentence| {
        let keys = &doc.paras[p].local.spliced.keys[sentence.keys.clone()];
        keys.iter().map(move |key| counts.id(p, key.entry))
    };
    let local = &doc.paras[para].local.spliced;
    let before = match k.checked_sub(1) {
        Some(before) => local.sentences.get(before).map(|s| (para, s)),
        None => para
            .checked_sub(1)
            .and_then(|p| doc.paras[p].local.spliced.sentences.last().map(|s| (p, s))),
    };
    let (Some((p, previous)), Some(sentence)) = (before, local.sentences.get(k)) else {
        return false;
    };
    let own: Vec<usize> = ids(para, sentence).collect();
    ids(p, previous).any(|id| {
        tick();
        own.contains(&id)
    })
}

#[cfg(test)]
mod tests;
