//! What an entity's mentions and name say about its kind, as named
//! features that [`super::classify`] weighs: titles, role nouns,
//! appositions and reporting verbs point to a person; organisation nouns
//! and acronyms to an organisation; the gazetteer and "in"/"at"/"from" to
//! a place. A known given name as the first word of a full name counts
//! for a person; a census surname as its last word counts a little.
//!
//! Features are counts over the mentions (a headline's words give none)
//! or 0/1 facts of the name; `examples/entity_evidence.rs` prints them for
//! `scripts/fit_entities.py`, which learns their weights.

use super::candidates::{Candidate, Certainty};
use super::classify::{can_be_surname, is_plural_noun, is_surname_after_given};
use super::gazetteer::gazetteer;
use super::names::lexicon;
use super::{ListHint, is_generation_suffix, names::is_particle};
use crate::analysis::weights_file::{ModelFeature, features};
use crate::analysis::work::{tick, tick_n};

features! {
    /// One piece of evidence about an entity's kind.
    Bias = "bias",
    Title = "title",
    RoleBefore = "role_before",
    Apposition = "apposition",
    Speech = "speech",
    Reflexive = "reflexive",
    PlacePreposition = "place_preposition",
    OrganisationContext = "organisation_context",
    AcronymGiven = "acronym_given",
    Modifier = "modifier",
    Determiner = "determiner",
    ListOfPeople = "list:people",
    ListOfPlaces = "list:places",
    ListOfOrganisations = "list:organisations",
    OrganisationWord = "organisation_word",
    KnownPlace = "known_place",
    PlaceWordLast = "place_word_last",
    PlaceWordAsSurname = "place_word_as_surname",
    Digit = "digit",
    AcronymLast = "acronym_last",
    CamelCase = "camel_case",
    Uncertain = "uncertain",
    Mentions = "mentions",
    GivenFirst = "given_first",
    SurnameLast = "surname_last",
    GenerationSuffix = "generation_suffix",
    PlacePart = "place_part",
    PluralLast = "plural_last",
    CommonWords = "common_words",
    BySurname = "by_surname",
    PlainShortName = "plain_short_name",
    LongPlainName = "long_plain_name",
    OneWord = "one_word",
    OneWordGroup = "one_word:group",
    OneWordCommon = "one_word:common",
    OneWordGiven = "one_word:given_repeated",
    AcronymLike = "acronym_like",
    AcronymLikeSpeech = "acronym_like&speech",
}

/// An entity's evidence, and the facts that decide whether it is one at
/// all (not weighed: a headline's words or an author's bio name none of
/// the article's entities).
#[derive(Debug, Clone)]
pub struct KindEvidence {
    pub values: [f32; Feature::COUNT],
    /// Some mention is capitalised where only a name would be.
    pub certain: bool,
    /// Every mention is a headline's word.
    pub headline_only: bool,
    /// Every mention outside the headline is the subject of an author's
    /// bio.
    pub only_bio: bool,
    /// One word that only makes a name an organisation's ("Free Press"),
    /// never capitalised where only a name would be.
    pub lone_organisation_word: bool,
}

impl KindEvidence {
    pub fn get(&self, feature: Feature) -> f32 {
        self.values[feature.index()]
    }

    fn add(&mut self, feature: Feature, value: f32) {
        self.values[feature.index()] += value;
    }

    fn set(&mut self, feature: Feature, on: bool) {
        self.values[feature.index()] = f32::from(u8::from(on));
    }
}

/// The evidence of the entity whose mentions are `members` (indices into
/// `cands`) and whose canonical name has the normalised `words`.
pub(super) fn kind_evidence(
    cands: &[Candidate],
    members: &[usize],
    words: &[String],
    hint: ListHint,
) -> KindEvidence {
    let lex = lexicon();
    let gaz = gazetteer();
    let mut e = KindEvidence {
        values: [0.0; Feature::COUNT],
        certain: false,
        headline_only: true,
        only_bio: false,
        lone_organisation_word: false,
    };
    e.set(Feature::Bias, true);
    // a mention with a title, a role, an apposition or speech
    let mut treated_as_person = false;
    let (mut modifier, mut determiner) = (false, false);
    let mut body_mentions = 0usize;
    for &m in members {
        tick();
        let Some(c) = cands.get(m) else { continue };
        e.certain |= c.certainty == Certainty::Certain;
        e.headline_only &= c.certainty == Certainty::Headline;
        let cues = c.cues;
        treated_as_person |= cues.title || cues.role_before || cues.apposition || cues.speech;
        if c.certainty == Certainty::Headline {
            continue;
        }
        body_mentions += 1;
        for (feature, on) in [
            (Feature::Title, cues.title),
            (Feature::RoleBefore, cues.role_before),
            (Feature::Apposition, cues.apposition),
            (Feature::Speech, cues.speech),
            (Feature::Reflexive, cues.reflexive),
            (
                Feature::OrganisationContext,
                cues.org_noun_before || cues.employer_before || cues.org_apposition,
            ),
            (Feature::AcronymGiven, c.acronym.is_some()),
        ] {
            e.add(feature, f32::from(u8::from(on)));
        }
        // "from Okafor" after "Ada Okafor": a place is not named by its
        // last word alone, so a preposition before that word says nothing.
        let by_last_word = words.len() >= 2
            && c.words.len() == 1
            && c.words.last() == words.last()
            && !words.last().is_some_and(|w| gaz.is_place(w));
        e.add(
            Feature::PlacePreposition,
            f32::from(u8::from(cues.place_preposition && !by_last_word)),
        );
        // "the Obama administration", "the Sanders campaign": news names
        // people as modifiers all the time, so however often it happens it
        // counts once
        modifier |= cues.modifier;
        determiner |= cues.determiner_before;
    }
    e.set(Feature::Mentions, body_mentions >= 2);
    e.set(Feature::Modifier, modifier);
    e.set(Feature::Determiner, determiner);
    e.set(Feature::ListOfPeople, hint == ListHint::People);
    e.set(Feature::ListOfPlaces, hint == ListHint::Places);
    // "companies including Colgate Palmolive": whatever its words
    e.set(
        Feature::ListOfOrganisations,
        hint == ListHint::Organisations,
    );
    e.set(Feature::Uncertain, !e.certain);
    // The name's words (joined, looked up, checked for a place part) and
    // the members again (the canonical one, a title, a bare surname, only
    // a bio): counted together.
    tick_n(4 * words.iter().map(|w| w.len() + 1).sum::<usize>() + 5 * members.len());
    let key = words.join(" ");
    e.set(
        Feature::OrganisationWord,
        words.iter().any(|w| gaz.is_org_cue(w)),
    );
    e.set(Feature::KnownPlace, gaz.is_place(&key));
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    if words.len() >= 2 && gaz.is_place_cue(last) {
        // "Parliament Hill", but "Tom Hill"
        if is_surname_after_given(words) {
            e.set(Feature::PlaceWordAsSurname, true);
        } else {
            e.set(Feature::PlaceWordLast, true);
        }
    }
    let canonical = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .find(|c| *c.words == *words);
    let common_words = canonical.map_or(0, |c| c.common_words);
    // "Bill C-48"
    e.set(Feature::Digit, canonical.is_some_and(|c| c.has_digit));
    // "an August PBO report"
    e.set(
        Feature::AcronymLast,
        canonical.is_some_and(|c| c.acronym_last),
    );
    // "QuillWorks", "Coastal GasLink": a brand's capital inside a word;
    // not after a known given name in a name the text treats as a person's
    // ("said Mark GarthWaite, executive director of …")
    let given_first = words.len() >= 2
        && words
            .first()
            .is_some_and(|w| lex.given(w).is_some() && !gaz.is_place(w));
    e.set(
        Feature::CamelCase,
        canonical.is_some_and(|c| c.camel_case) && !(given_first && treated_as_person),
    );
    let titled = e.get(Feature::Title) > 0.0;
    if words.len() >= 2 {
        multi_word_evidence(&mut e, cands, members, words, common_words, canonical);
    } else {
        e.set(Feature::OneWord, true);
        // "Officials", "Conservatives": groups of people, not a person.
        e.set(
            Feature::OneWordGroup,
            is_plural_noun(first) || lex.is_demonym(first.trim_end_matches('s')),
        );
        e.set(Feature::OneWordCommon, common_words > 0 && !titled);
        // "Priya", named by first name only
        e.set(
            Feature::OneWordGiven,
            lex.given(first).is_some() && e.certain && !gaz.is_place(first) && members.len() >= 2,
        );
    }
    let acronym_like = words.len() == 1
        && members
            .first()
            .and_then(|&m| cands.get(m))
            .is_some_and(|c| c.all_caps && !gaz.is_place(&key));
    // "the PBO added": organisations speak too
    e.set(Feature::AcronymLike, acronym_like);
    if acronym_like {
        e.values[Feature::AcronymLikeSpeech.index()] = e.get(Feature::Speech);
    }
    // named only in an author's bio: the byline of the piece, not one of
    // its people
    let mut body = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .filter(|c| c.certainty != Certainty::Headline)
        .peekable();
    e.only_bio = body.peek().is_some() && body.all(|c| c.cues.author_bio);
    // "Press secretary Dana Whitfield said": a word that only makes a name
    // an organisation's ("Free Press"), alone at the start of a sentence,
    // names nothing
    e.lone_organisation_word = !e.certain && words.len() == 1 && gaz.is_org_cue(&key);
    e
}

/// The evidence of a name of two words or more.
fn multi_word_evidence(
    e: &mut KindEvidence,
    cands: &[Candidate],
    members: &[usize],
    words: &[String],
    common_words: usize,
    canonical: Option<&Candidate>,
) {
    let lex = lexicon();
    let gaz = gazetteer();
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    let titled = e.get(Feature::Title) > 0.0;
    // "Kenya Red Cross": a place that is also a given name counts as a
    // place at the start of a name unless a title says otherwise.
    let given = lex.given(first).is_some() && (titled || !gaz.is_place(first));
    e.set(Feature::GivenFirst, given);
    e.set(Feature::SurnameLast, lex.is_surname(last));
    // "Duncan Hunter Sr.", "Harry B. Harris Jr.": only people carry a
    // generational suffix
    e.set(
        Feature::GenerationSuffix,
        words.len() >= 3 && is_generation_suffix(last),
    );
    // "Alberta Milk", "Edmonton Oilers", "Statistics Canada", "St. Louis":
    // a place inside the name.
    e.set(
        Feature::PlacePart,
        has_place_part(words, canonical.is_some_and(|c| c.acronym_first)),
    );
    e.set(Feature::PluralLast, is_plural_noun(last));
    // "Wall Street", "Secret Garden": words the text also uses in lower
    // case are common nouns, not names.
    e.add(Feature::CommonWords, common_words as f32);
    // "Ada Okafor" ... "Okafor said": referred to by the last word alone,
    // as news style refers to people.
    let by_surname = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .filter(|c| c.certainty != Certainty::Headline && c.words.len() == 1)
        .any(|c| c.words.first().map(String::as_str) == Some(last));
    e.set(
        Feature::BySurname,
        by_surname && can_be_surname(last) && !gaz.is_place(last),
    );
    // an unknown two- or three-word name with nothing of an organisation
    // or a place about it: most often a person's
    let other_kind = [
        Feature::PlacePreposition,
        Feature::OrganisationContext,
        Feature::AcronymGiven,
        Feature::Modifier,
        Feature::Determiner,
        Feature::ListOfPlaces,
        Feature::ListOfOrganisations,
        Feature::OrganisationWord,
        Feature::KnownPlace,
        Feature::PlaceWordLast,
        Feature::PlaceWordAsSurname,
        Feature::AcronymLast,
        Feature::CamelCase,
        Feature::PlacePart,
    ]
    .iter()
    .any(|&f| e.get(f) > 0.0);
    e.set(
        Feature::PlainShortName,
        words.len() <= 3 && !other_kind && !given,
    );
    // "Houghton Mifflin Harcourt": three names or more, none of them a
    // given name or an initial, and nothing that only a person has around
    // them (a title, a reflexive "himself", a bare surname, a list of
    // people, "Sr."; speech, a role or an apposition are not enough: firms speak
    // and have descriptions too): a firm named after its founders, a
    // work, a ship, more often than a person (a particle is a person's:
    // "Ludwig van Brecht")
    let initial = words
        .iter()
        .any(|w| w.trim_end_matches('.').chars().count() == 1);
    let particle = words.iter().any(|w| is_particle(w.as_str()));
    let person_cue = [
        Feature::Title,
        Feature::Reflexive,
        Feature::ListOfPeople,
        Feature::BySurname,
    ]
    .iter()
    .any(|&f| e.get(f) > 0.0);
    // "Sr." after names, not after common words ("World War II")
    let suffixed = e.get(Feature::GenerationSuffix) > 0.0 && common_words == 0;
    e.set(
        Feature::LongPlainName,
        words.len() >= 3 && !given && !initial && !particle && !person_cue && !suffixed,
    );
}

/// A place word at the start of a multi-word name (unless it is also a
/// frequent given name), or a place-name prefix ("St.", "Fort", "Lake"),
/// or a common word or short acronym before a place ("Statistics Canada",
/// "CTV Vancouver").
fn has_place_part(words: &[String], acronym_first: bool) -> bool {
    let gaz = gazetteer();
    let lex = lexicon();
    let Some(first) = words.first() else {
        return false;
    };
    let place_prefix = matches!(
        first.as_str(),
        "st" | "st."
            | "ste"
            | "saint"
            | "mount"
            | "mt"
            | "fort"
            | "port"
            | "lake"
            | "san"
            | "santa"
            | "los"
            | "las"
            | "lac"
            | "cape"
            | "point"
    );
    let acronym_or_word_then_place = words.len() >= 2
        && words.last().is_some_and(|w| gaz.is_place(w))
        && (lex.is_common_word(first) || acronym_first);
    place_prefix
        || ((first.chars().count() >= 4 || acronym_first)
            && gaz.is_place(first)
            && !lex.is_frequent_given(first))
        || acronym_or_word_then_place
}
