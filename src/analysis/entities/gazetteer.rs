//! Gazetteers for places and organisations: place names (countries,
//! capitals, states and provinces, major cities; GeoNames via
//! `scripts/gen_entity_data.py`) and the cue words that mark an
//! organisation's name ("Ministry", "Inc", "University").

use std::sync::LazyLock;

use super::fasthash::FastSet;
use super::names::{entries, normalise_words};

pub(super) struct Gazetteer {
    /// Normalised place names (lower case, single spaces).
    places: FastSet<String>,
    org_cues: FastSet<&'static str>,
    place_cues: FastSet<&'static str>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer {
    places: entries(include_str!("../../../data/lexicon/places.txt"))
        .map(normalise_words)
        .collect(),
    org_cues: entries(include_str!("../../../data/entities/org_cues.txt")).collect(),
    place_cues: entries(include_str!("../../../data/entities/place_cues.txt")).collect(),
});

pub(super) fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Whether the normalised name `lower` is a known place.
    pub(super) fn is_place(&self, lower: &str) -> bool {
        self.places.contains(lower)
    }

    /// Whether the lower-case word ends a place's or facility's name.
    pub(super) fn is_place_cue(&self, lower: &str) -> bool {
        self.place_cues.contains(lower.trim_end_matches('.'))
    }

    /// Whether the lower-case word marks an organisation's name.
    pub(super) fn is_org_cue(&self, lower: &str) -> bool {
        self.org_cues.contains(lower.trim_end_matches('.'))
    }
}

/// Whether `name` (any case) is a place in the gazetteer: "Russia",
/// "British Columbia", "U.S.".
pub fn is_known_place(name: &str) -> bool {
    gazetteer().is_place(&normalise_words(name))
}
