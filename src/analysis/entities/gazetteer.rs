//! Places and organisation cues, read from the shared lexicon: place
//! names (countries, capitals, states and provinces, major cities;
//! GeoNames via `scripts/gen_entity_data.py`, `data/lexicon/places.txt`)
//! and the cue words that end an organisation's name ("Ministry", "Inc",
//! "University") or a place's or facility's ("River", "Arena").

use super::super::lexicon::Tags;
use super::names::{Word, normalise_words};

pub(super) struct Gazetteer;

pub(super) fn gazetteer() -> &'static Gazetteer {
    &Gazetteer
}

impl Gazetteer {
    /// Whether the normalised name `lower` (lower case, single spaces) is
    /// a known place.
    pub(super) fn is_place(&self, word: impl Word) -> bool {
        word.phrase_tags().contains(Tags::PLACE)
    }

    /// Whether the lower-case word ends a place's or facility's name.
    pub(super) fn is_place_cue(&self, word: impl Word) -> bool {
        word.bare_tags().contains(Tags::PLACE_CUE)
    }

    /// Whether the lower-case word marks an organisation's name.
    pub(super) fn is_org_cue(&self, word: impl Word) -> bool {
        word.bare_tags().contains(Tags::ORG_CUE)
    }
}

/// Whether `name` (any case) is a place in the gazetteer: "Russia",
/// "British Columbia", "U.S.".
pub fn is_known_place(name: &str) -> bool {
    gazetteer().is_place(normalise_words(name).as_str())
}
