//! Deciding an entity's kind by weighing the evidence of all its mentions
//! ([`super::kind_evidence`]): one linear score per kind, from the weights
//! in `data/model/entity_kinds.txt`, and the kind of the highest.

use std::sync::LazyLock;

use super::candidates::Candidate;
use super::gazetteer::gazetteer;
use super::kind_evidence::{Feature, KindEvidence, kind_evidence};
use super::names::lexicon;
use super::{EntityKind, ListHint};
use crate::analysis::weights_file;

/// The weights of each kind's score.
#[derive(Debug, Clone)]
pub struct KindWeights {
    person: Box<[f32]>,
    organisation: Box<[f32]>,
    place: Box<[f32]>,
}

impl KindWeights {
    /// Reads a model file of `kind:feature weight` lines, the kind one of
    /// `person`, `organisation`, `place` (see [`weights_file::read`]).
    pub fn parse(source: &str) -> Result<Self, String> {
        let mut w = Self::zero();
        weights_file::read(source, |name, value| {
            let Some((kind, feature)) = name.split_once(':') else {
                return false;
            };
            let column = match kind {
                "person" => &mut w.person,
                "organisation" => &mut w.organisation,
                "place" => &mut w.place,
                _ => return false,
            };
            Feature::from_name(feature)
                .and_then(|f| column.get_mut(f as usize))
                .map(|slot| *slot = value)
                .is_some()
        })?;
        Ok(w)
    }

    /// Every weight zero: no evidence decides anything.
    fn zero() -> Self {
        let zeros = || vec![0.0; Feature::COUNT].into_boxed_slice();
        KindWeights {
            person: zeros(),
            organisation: zeros(),
            place: zeros(),
        }
    }

    fn score(column: &[f32], e: &KindEvidence) -> f32 {
        column.iter().zip(&e.values).map(|(w, v)| w * v).sum()
    }

    /// The person, organisation and place scores of `e`.
    pub fn scores(&self, e: &KindEvidence) -> [f32; 3] {
        [
            Self::score(&self.person, e),
            Self::score(&self.organisation, e),
            Self::score(&self.place, e),
        ]
    }
}

static WEIGHTS: LazyLock<KindWeights> = LazyLock::new(|| {
    KindWeights::parse(include_str!("../../../data/model/entity_kinds.txt"))
        .unwrap_or_else(|_| KindWeights::zero())
});

/// The shipped weights.
pub fn weights() -> &'static KindWeights {
    &WEIGHTS
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
    decide(&kind_evidence(cands, members, words, hint), weights())
}

/// The kind that `e` weighs for.
pub(super) fn decide(e: &KindEvidence, weights: &KindWeights) -> Option<EntityKind> {
    let [person, org, place] = weights.scores(e);
    if e.headline_only && place <= 0.0 {
        return None;
    }
    if e.only_bio {
        return None;
    }
    let best = person.max(org).max(place);
    if !e.certain && best < 2.0 {
        return None; // only ever the first word of a sentence, no evidence
    }
    if e.lone_organisation_word {
        return None;
    }
    Some(if best <= 0.0 {
        EntityKind::Other
    } else if person == best && person > org && person >= place {
        EntityKind::Person
    } else if org == best {
        EntityKind::Organization
    } else if place == best {
        EntityKind::Place
    } else {
        EntityKind::Other
    })
}

/// A capitalised plural of a common noun ("Officials", "Hurricanes"), not
/// a surname that ends in "s" ("Rhodes").
pub(super) fn is_plural_noun(word: &str) -> bool {
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
    use super::super::kind_evidence::Feature;
    use super::super::{EntityKind, kind_evidence_rows, recognize_fresh};
    use super::{KindWeights, decide, weights};

    #[test]
    fn the_shipped_weights_parse_and_a_bad_line_is_an_error_naming_it() {
        let source = include_str!("../../../data/model/entity_kinds.txt");
        assert!(KindWeights::parse(source).is_ok());
        let err = KindWeights::parse("person:title 5\nanimal:title 2\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = KindWeights::parse("person:wings 2\n").unwrap_err();
        assert!(err.contains("wings"), "{err}");
        assert!(KindWeights::parse("title 2\n").is_err());
    }

    #[test]
    fn each_kind_scores_its_own_column() {
        let w = KindWeights::parse("person:speech 2\norganisation:speech 1\nplace:speech -1\n")
            .unwrap();
        let row = kind_evidence_rows("The vote was close. Later, Ana Roe said no.", &[])
            .into_iter()
            .find(|r| r.name == "Ana Roe")
            .unwrap();
        assert_eq!(row.evidence.get(Feature::Speech), 1.0);
        assert_eq!(w.scores(&row.evidence), [2.0, 1.0, -1.0]);
        assert_eq!(decide(&row.evidence, &w), Some(EntityKind::Person));
        // the organisation column wins when it scores higher
        let w = KindWeights::parse("person:speech 1\norganisation:speech 2\n").unwrap();
        assert_eq!(decide(&row.evidence, &w), Some(EntityKind::Organization));
        // nothing scores: a name capitalised mid-sentence is still some entity
        let w = KindWeights::parse("").unwrap();
        assert_eq!(decide(&row.evidence, &w), Some(EntityKind::Other));
    }

    #[test]
    fn the_evidence_counts_mentions_and_reads_the_name() {
        let text = "Mayor Ana Roe spoke. Roe said the bridge would open. \
                    Officials said it would not.";
        let rows = kind_evidence_rows(text, &[]);
        let roe = rows.iter().find(|r| r.name == "Ana Roe").unwrap();
        assert_eq!(roe.evidence.get(Feature::Title), 1.0);
        assert_eq!(roe.evidence.get(Feature::Speech), 1.0);
        assert_eq!(roe.evidence.get(Feature::BySurname), 1.0);
        assert_eq!(roe.evidence.get(Feature::Mentions), 1.0);
        assert_eq!(roe.evidence.get(Feature::OneWord), 0.0);
        assert_eq!(roe.kind, Some(EntityKind::Person));
        assert_eq!(decide(&roe.evidence, weights()), roe.kind);
        // a plural at a sentence's start speaks for a group: no person
        let officials = rows.iter().find(|r| r.name == "Officials").unwrap();
        assert_eq!(officials.evidence.get(Feature::OneWordGroup), 1.0);
        assert_eq!(officials.evidence.get(Feature::Uncertain), 1.0);
        assert_ne!(officials.kind, Some(EntityKind::Person));
    }

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
