//! The ranking's model: the features a candidate speaker can have, a
//! candidate with its feature values, and the learned weights
//! (`data/model/speakers.txt`) that score it.

use std::sync::LazyLock;

use super::super::super::Span;
use super::super::super::entities::Entity;
use super::super::Speaker;
use crate::analysis::weights_file::{self, features};

features! {
    /// One feature of a candidate speaker.
    Bias = "bias",
    Person = "person",
    Organization = "organization",
    OtherKind = "other_kind",
    Unnamed = "unnamed",
    Description = "description",
    DescriptionOfOrganisation = "description:organisation",
    DescriptionIndefinite = "description:indefinite",
    NotARoleNoun = "not_a_role_noun",
    DescriptionOfOffice = "description:office",
    Sieve = "sieve",
    SieveAdjacent = "sieve:adjacent",
    SieveSentence = "sieve:sentence",
    SieveSentenceFinal = "sieve:sentence_final",
    SievePronoun = "sieve:pronoun",
    SieveRole = "sieve:role",
    SieveOrganisation = "sieve:organisation",
    SieveRoleInFocus = "sieve:role_in_focus",
    SieveOrganisationInFocus = "sieve:organisation_in_focus",
    SieveContinuation = "sieve:continuation",
    SieveSameParagraph = "sieve:same_paragraph",
    SievePrecedingSpeech = "sieve:preceding_speech",
    SieveOther = "sieve:other",
    SieveConfidence = "sieve_confidence",
    PreviousSpeaker = "previous_speaker",
    PreviousSameGroup = "previous_same_group",
    PreviousSameParagraph = "previous_same_paragraph",
    PreviousParagraphBefore = "previous_paragraph_before",
    RecentSpeaker = "recent_speaker",
    EarlierParagraph = "earlier_paragraph",
    PreviousParagraph = "previous_paragraph",
    FirstNamedInPreviousParagraph = "first_named_in_previous_paragraph",
    LastInPreviousParagraph = "last_in_previous_paragraph",
    Before = "before",
    BeforeNear = "before_near",
    BeforeReach = "before_reach",
    BeforeFar = "before_far",
    After = "after",
    AfterNear = "after_near",
    AfterReach = "after_reach",
    AfterFar = "after_far",
    NearestBefore = "nearest_before",
    NearestAfter = "nearest_after",
    NamedSincePreviousQuote = "named_since_previous_quote",
    IntroducedBefore = "introduced_before",
    FirstNamedInSentence = "first_named_in_sentence",
    SameSentence = "same_sentence",
    Subject = "subject",
    SubjectInPreviousParagraph = "subject_in_previous_paragraph",
    SubjectBeforeInParagraph = "subject_before_in_paragraph",
    SentenceBefore = "sentence_before",
    IntroducedInSentenceBefore = "introduced_in_sentence_before",
    AfterPreposition = "after_preposition",
    Possessive = "possessive",
    MentionsSoFar = "mentions_so_far",
    GenderAgrees = "gender_agrees",
    NearestAgreeingBefore = "nearest_agreeing_before",
}

pub(super) use Feature as F;

/// Who a candidate is: an entity of the analysis, or a speaker the sieves
/// named by role ("a spokesperson") with no entity behind it.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Entity(usize),
    Written(Speaker),
}

/// One possible speaker of one quote, with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub who: Who,
    /// Where the article names it closest to the quote, if it does.
    pub mention: Option<Span>,
    values: [f32; Feature::COUNT],
}

impl Candidate {
    pub(super) fn new(who: Who) -> Candidate {
        let mut c = Candidate {
            who,
            mention: None,
            values: [0.0; Feature::COUNT],
        };
        c.set(F::Bias, 1.0);
        c
    }

    /// Sets a feature (the larger value wins when it is set twice).
    pub(super) fn set(&mut self, feature: Feature, value: f32) {
        let slot = &mut self.values[feature as usize];
        *slot = slot.max(value);
    }

    pub fn get(&self, feature: Feature) -> f32 {
        self.values[feature as usize]
    }

    /// The features that are set, with their values.
    pub fn features(&self) -> impl Iterator<Item = (Feature, f32)> + '_ {
        Feature::ALL
            .iter()
            .map(|&f| (f, self.get(f)))
            .filter(|(_, v)| *v != 0.0)
    }

    pub(super) fn entity(&self) -> Option<usize> {
        match self.who {
            Who::Entity(e) => Some(e),
            Who::Written(_) => None,
        }
    }

    /// The speaker this candidate names.
    pub fn speaker(&self, entities: &[Entity]) -> Speaker {
        match &self.who {
            Who::Entity(e) => Speaker {
                name: entities.get(*e).map(|x| x.name.clone()).unwrap_or_default(),
                entity: Some(*e),
            },
            Who::Written(s) => s.clone(),
        }
    }

    /// The model's score: the weighted sum of the features.
    pub fn score(&self, weights: &Weights) -> f32 {
        self.values
            .iter()
            .zip(weights.values())
            .map(|(v, w)| v * w)
            .sum()
    }
}

/// Learned feature weights (`data/model/speakers.txt`).
pub type Weights = weights_file::Weights<Feature>;

static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| Weights::shipped(include_str!("../../../../data/model/speakers.txt")));

/// The shipped weights.
pub fn weights() -> &'static Weights {
    &WEIGHTS
}
