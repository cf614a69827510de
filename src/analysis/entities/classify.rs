//! Deciding an entity's kind from the evidence of all its mentions: titles,
//! role nouns, appositions and reporting verbs point to a person; cue words
//! and acronyms to an organisation; the gazetteer and "in"/"at"/"from" to a
//! place. A known given name as the first word of a full name counts for a
//! person; a census surname as its last word counts a little.

use super::candidates::{Candidate, Certainty};
use super::gazetteer::gazetteer;
use super::names::lexicon;
use super::{EntityKind, ListHint};
use crate::analysis::work::{tick, tick_n};

/// Scores per kind, summed over an entity's mentions.
#[derive(Debug, Default, Clone, Copy)]
struct Scores {
    person: i32,
    org: i32,
    place: i32,
}

/// The kind of the entity whose mentions are `members` (indices into
/// `cands`) and whose canonical name has the normalised `words`; `None`
/// when the evidence is too thin to call it an entity at all.
pub(super) fn classify(
    cands: &[Candidate],
    members: &[usize],
    words: &[String],
    hint: ListHint,
) -> Option<EntityKind> {
    let lex = lexicon();
    let gaz = gazetteer();
    let mut s = Scores::default();
    let mut certain = false;
    let mut speech = 0;
    let mut headline_only = true;
    // a mention with a title, a role, an apposition or speech
    let mut treated_as_person = false;
    let (mut modifier, mut determiner) = (false, false);
    for &m in members {
        tick();
        let Some(c) = cands.get(m) else { continue };
        certain |= c.certainty == Certainty::Certain;
        headline_only &= c.certainty == Certainty::Headline;
        let cues = c.cues;
        treated_as_person |= cues.title || cues.role_before || cues.apposition || cues.speech;
        if c.certainty == Certainty::Headline {
            continue;
        }
        s.person += 5 * i32::from(cues.title)
            + 3 * i32::from(cues.role_before)
            + 3 * i32::from(cues.apposition)
            + 2 * i32::from(cues.speech)
            + 5 * i32::from(cues.reflexive);
        speech += 2 * i32::from(cues.speech);
        // "from Okafor" after "Ada Okafor": a place is not named by its
        // last word alone, so a preposition before that word says nothing.
        let by_last_word = words.len() >= 2
            && c.words.len() == 1
            && c.words.last() == words.last()
            && !words.last().is_some_and(|w| gaz.is_place(w));
        s.place += i32::from(cues.place_preposition && !by_last_word);
        // "the Obama administration", "the Sanders campaign": news names
        // people as modifiers all the time, so however often it happens it
        // counts once
        modifier |= cues.modifier;
        determiner |= cues.determiner_before;
        if cues.org_noun_before || cues.employer_before || cues.org_apposition {
            s.person -= 5;
            s.org += 4;
        }
        if c.acronym.is_some() {
            s.org += 3;
        }
    }
    for used in [modifier, determiner] {
        if used {
            s.person -= 3;
            s.org += 1;
        }
    }
    match hint {
        ListHint::People => s.person += 3,
        ListHint::Places => s.place += 3,
        // "companies including Colgate Palmolive": whatever its words
        ListHint::Organisations => {
            s.person -= 8;
            s.org += 6;
        }
        ListHint::None => {}
    }
    // The name's words (joined, looked up, checked for a place part) and
    // the members again (the canonical one, a title, a bare surname, only
    // a bio): counted together.
    tick_n(4 * words.iter().map(|w| w.len() + 1).sum::<usize>() + 5 * members.len());
    let key = words.join(" ");
    if words.iter().any(|w| gaz.is_org_cue(w)) {
        s.org += 8;
    }
    if gaz.is_place(&key) {
        s.place += 6;
    }
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    if words.len() >= 2 && gaz.is_place_cue(last) {
        // "Parliament Hill", but "Tom Hill"
        s.place += if is_surname_after_given(words) { 1 } else { 6 };
    }
    let canonical = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .find(|c| *c.words == *words);
    let common_words = canonical.map_or(0, |c| c.common_words);
    if canonical.is_some_and(|c| c.has_digit) {
        s.person -= 10; // "Bill C-48"
    }
    if canonical.is_some_and(|c| c.acronym_last) {
        s.person -= 6; // "an August PBO report"
        s.org += 2;
    }
    // "QuillWorks", "Coastal GasLink": a brand's capital inside a word;
    // not after a known given name in a name the text treats as a person's
    // ("said Mark GarthWaite, executive director of …")
    let given_first = words.len() >= 2
        && words
            .first()
            .is_some_and(|w| lex.given(w).is_some() && !gaz.is_place(w));
    if canonical.is_some_and(|c| c.camel_case) && !(given_first && treated_as_person) {
        s.person -= 6;
        s.org += 3;
    }
    let titled = members
        .iter()
        .any(|&m| cands.get(m).is_some_and(|c| c.cues.title));
    if words.len() >= 2 {
        // "Kenya Red Cross": a place that is also a given name counts as a
        // place at the start of a name unless a title says otherwise.
        let given = lex.given(first).is_some() && (titled || !gaz.is_place(first));
        if given {
            s.person += 4;
        }
        if lex.is_surname(last) {
            s.person += 1;
        }
        // "Duncan Hunter Sr.", "Harry B. Harris Jr.": only people carry a
        // generational suffix
        if words.len() >= 3 && super::is_generation_suffix(last) {
            s.person += 6;
        }
        if has_place_part(words, canonical.is_some_and(|c| c.acronym_first)) {
            // "Alberta Milk", "Edmonton Oilers", "Statistics Canada",
            // "St. Louis": a place inside the name.
            s.person -= 6;
            s.org += 2;
        }
        if is_plural_noun(last) {
            s.person -= 5;
        }
        // "Wall Street", "Secret Garden": words the text also uses in
        // lower case are common nouns, not names.
        s.person -= 3 * common_words as i32;
        // "Ada Okafor" ... "Okafor said": referred to by the last word alone,
        // as news style refers to people.
        let by_surname = members
            .iter()
            .filter_map(|&m| cands.get(m))
            .filter(|c| c.certainty != Certainty::Headline && c.words.len() == 1)
            .any(|c| c.words.first().map(String::as_str) == Some(last));
        if by_surname && can_be_surname(last) && !gaz.is_place(last) {
            s.person += 3;
        }
        if words.len() <= 3 && s.org == 0 && s.place == 0 && !given {
            // an unknown two- or three-word name: most often a person's
            s.person += 1;
        }
        // "Houghton Mifflin Harcourt": three names or more, none of them a
        // given name or an initial, and nothing of a person around them
        // (a title, a role, speech, an apposition): a firm named after
        // its founders, a work, a ship, more often than a person (a
        // particle is a person's: "Ludwig van Brecht")
        let initial = words
            .iter()
            .any(|w| w.trim_end_matches('.').chars().count() == 1);
        let particle = words.iter().any(|w| super::names::is_particle(w.as_str()));
        if words.len() >= 3 && !given && !initial && !particle && s.person <= 2 && !titled {
            s.person -= 2;
        }
    } else {
        if is_plural_noun(first) || lex.is_demonym(first.trim_end_matches('s')) {
            // "Officials", "Conservatives": groups of people, not a person.
            s.person -= 6;
            s.org += 1;
        }
        if common_words > 0 && !titled {
            s.person -= 4;
        }
        if lex.given(first).is_some() && certain && !gaz.is_place(first) {
            s.person += if members.len() >= 2 { 2 } else { 0 }; // "Priya", named by first name only
        }
    }
    let acronym_like = words.len() == 1
        && members
            .first()
            .and_then(|&m| cands.get(m))
            .is_some_and(|c| c.all_caps && !gaz.is_place(&key));
    if acronym_like {
        // "the PBO added": organisations speak too
        s.org += 3;
        s.person -= speech;
    }
    if headline_only && s.place == 0 {
        return None;
    }
    // named only in an author's bio: the byline of the piece, not one of
    // its people
    let mut body = members
        .iter()
        .filter_map(|&m| cands.get(m))
        .filter(|c| c.certainty != Certainty::Headline)
        .peekable();
    let only_bio = body.peek().is_some() && body.all(|c| c.cues.author_bio);
    if only_bio {
        return None;
    }
    if !certain && s.person.max(s.org).max(s.place) < 2 {
        return None; // only ever the first word of a sentence, no evidence
    }
    if !certain && words.len() == 1 && gaz.is_org_cue(&key) {
        // "Press secretary Dana Whitfield said": a word that only makes a
        // name an organisation's ("Free Press"), alone at the start of a
        // sentence, names nothing
        return None;
    }
    let best = s.person.max(s.org).max(s.place);
    Some(if best <= 0 {
        EntityKind::Other
    } else if s.person == best && s.person > s.org && s.person >= s.place {
        EntityKind::Person
    } else if s.org == best {
        EntityKind::Organization
    } else if s.place == best {
        EntityKind::Place
    } else {
        EntityKind::Other
    })
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

/// A capitalised plural of a common noun ("Officials", "Hurricanes"), not
/// a surname that ends in "s" ("Rhodes").
fn is_plural_noun(word: &str) -> bool {
    let lex = lexicon();
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    // "boxes" → "box", "churches" → "church"; but "Jennings" is no plural
    let es_stem = stem
        .strip_suffix('e')
        .filter(|st| ["s", "x", "z", "ch", "sh"].iter().any(|e| st.ends_with(e)))
        .unwrap_or(stem);
    let singular = [stem, es_stem];
    word.len() > 3
        && !word.ends_with("ss")
        && !lex.is_surname(word)
        && (lex.is_common_word(word) || singular.iter().any(|s| lex.is_common_word(*s)))
}

/// Whether a name's last word may be a surname that the text uses alone
/// ("Okafor", "Marsh"), rather than a plural or a cue word ("Hurricanes",
/// "Nation", "Tour").
/// "Tom Hill": a two-word name of a given name (not also a place) and a
/// word the lexicon lists as a surname, though it is a place noun too
/// (Hill, Park, Wood). Longer names ("Jasper National Park") are not.
pub(super) fn is_surname_after_given(words: &[String]) -> bool {
    let lex = lexicon();
    let gaz = gazetteer();
    words.len() == 2
        && lex.given(&words[0]).is_some()
        && !gaz.is_place(&words[0])
        && lex.is_surname(&words[1])
}

pub(super) fn can_be_surname(word: &str) -> bool {
    let gaz = gazetteer();
    let lex = lexicon();
    word.chars().count() >= 2
        && !gaz.is_org_cue(word)
        && !gaz.is_place_cue(word)
        && !lex.is_function_word(word)
        && !lex.is_demonym(word)
        && !is_plural_noun(word)
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, recognize_fresh};

    /// Every entity as (name, kind).
    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        recognize_fresh(text, &[])
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        kinds(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, k)| k)
    }

    #[test]
    fn an_organisation_noun_before_a_name_makes_it_an_organisation() {
        let text = "The aid group Brightwater said it had lost a worker.";
        assert_eq!(kind_of(text, "Brightwater"), Some(EntityKind::Organization));
        let text = "The retailer Dunmore Vale said sales fell.";
        assert_eq!(
            kind_of(text, "Dunmore Vale"),
            Some(EntityKind::Organization)
        );
        // a role noun is no organisation noun
        let text = "The aid worker Brightwater said she had lost a friend.";
        assert_eq!(kind_of(text, "Brightwater"), Some(EntityKind::Person));
    }

    #[test]
    fn an_article_before_a_name_is_no_person() {
        let text = "She hired the Talvik Morrane in 1990 for a year.";
        assert_ne!(kind_of(text, "Talvik Morrane"), Some(EntityKind::Person));
        let text = "She hired Talvik Morrane in 1990 for a year.";
        assert_eq!(kind_of(text, "Talvik Morrane"), Some(EntityKind::Person));
    }

    #[test]
    fn a_preposition_before_a_bare_surname_does_not_make_a_place() {
        let text = "Torvik Thistle runs the mill. The grain came from Thistle last year.";
        assert_eq!(kind_of(text, "Torvik Thistle"), Some(EntityKind::Person));
    }

    #[test]
    fn a_reflexive_pronoun_after_its_verb_makes_a_person() {
        let text = "Like the Quillan camp, the council was wary. \
                    At the debate, Quillan compared himself to the mayor.";
        assert_eq!(kind_of(text, "Quillan"), Some(EntityKind::Person));
        // without it, the article before the name is the evidence
        let text = "Like the Quillan camp, the council was wary. \
                    At the debate, Quillan compared the plans.";
        assert_ne!(kind_of(text, "Quillan"), Some(EntityKind::Person));
        // a firm's reflexive is "itself"
        let text = "Like the Quillan camp, the council was wary. \
                    At the debate, Quillan compared itself to rivals.";
        assert_ne!(kind_of(text, "Quillan"), Some(EntityKind::Person));
    }

    #[test]
    fn a_role_at_a_name_makes_the_name_an_employer() {
        let text = "Northgate System’s Varlow unit said on Friday that the threats \
                    came from one group. “Northgate Varlow discovered that this campaign \
                    is an evolution of earlier attacks,” the unit said. Ana Roe, technical \
                    researcher at Varlow, stated that some threats came from the group.";
        assert_eq!(
            kind_of(text, "Northgate Varlow"),
            Some(EntityKind::Organization)
        );
        // "with" or "for" after a role is often a person ("an aide to", "a
        // meeting with"): only "at" names the employer
        let text = "Ana Roe, a senior adviser for Varlow Tamsin, said no. \
                    Tamsin said the same.";
        assert_eq!(kind_of(text, "Varlow Tamsin"), Some(EntityKind::Person));
    }

    #[test]
    fn a_capital_inside_a_persons_surname_does_not_make_a_brand() {
        let text = "It is too early to tell, said Tomas QuillWorth, executive director \
                    of the brewers guild.";
        assert_eq!(kind_of(text, "Tomas QuillWorth"), Some(EntityKind::Person));
        // a brand: no given name, or nothing of a person around it
        let text = "The pipeline of Coastal QuillWorth was approved, said the mayor.";
        assert_ne!(
            kind_of(text, "Coastal QuillWorth"),
            Some(EntityKind::Person)
        );
        let text = "The Tomas QuillWorth plant closed in May.";
        assert_ne!(kind_of(text, "Tomas QuillWorth"), Some(EntityKind::Person));
    }

    #[test]
    fn an_article_before_a_title_and_a_name_names_a_thing() {
        let person_named_tamsin = |text: &str| {
            kinds(text)
                .iter()
                .any(|(name, kind)| *kind == EntityKind::Person && name.contains("Tamsin"))
        };
        assert!(!person_named_tamsin(
            "They ate on the deck of the Queen Tamsin before the show."
        ));
        // the title alone before the name, or the clergy's "the Rev."
        assert!(person_named_tamsin(
            "They ate with Queen Tamsin before the show."
        ));
        let text = "They ate with the Rev. Ana Roe before the show.";
        assert_eq!(kind_of(text, "Ana Roe"), Some(EntityKind::Person));
    }

    #[test]
    fn a_base_form_after_a_name_is_a_noun_not_its_verb() {
        // "report" after a singular name is no verb of speech
        let text = "The cost was never studied (2017 Varlow report) before the vote.";
        assert_ne!(kind_of(text, "Varlow"), Some(EntityKind::Person));
        let text = "The cost was never studied, Varlow reports, before the vote.";
        assert_eq!(kind_of(text, "Varlow"), Some(EntityKind::Person));
        // a coordinated subject takes the base form
        let text = "The cost was never studied, Ana Roe and Varlow report.";
        assert_eq!(kind_of(text, "Varlow"), Some(EntityKind::Person));
    }

    #[test]
    fn a_name_coordinated_before_a_role_noun_is_a_body_not_a_person() {
        let text = "The river is low, said Ana Roe, a retired Tarvik Fish and Wildlife biologist.";
        assert_ne!(kind_of(text, "Tarvik Fish"), Some(EntityKind::Person));
        // a pair of people named before a noun stays two people
        let text = "Ana Roe and Omar Brenn spoke. Ana Roe and Omar Brenn said no.";
        assert_eq!(kind_of(text, "Ana Roe"), Some(EntityKind::Person));
    }

    #[test]
    fn contractions_are_not_names() {
        let text = "They've hired Ana Roe. They ID'd the driver. Isn't it late?";
        assert_eq!(kinds(text), [("Ana Roe".to_string(), EntityKind::Person)]);
        let text = "She said Rory O'Neill and Ada D'Arcy were safe.";
        assert_eq!(
            kinds(text),
            [
                ("Rory O'Neill".to_string(), EntityKind::Person),
                ("Ada D'Arcy".to_string(), EntityKind::Person)
            ]
        );
    }
}
