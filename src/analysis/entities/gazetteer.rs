//! Places and organisation cues, read from the shared lexicon: place
//! names (countries, capitals, states and provinces, major cities;
//! GeoNames via `scripts/gen_entity_data.py`, `data/lexicon/places.txt`)
//! and the cue words that end an organisation's name ("Ministry", "Inc",
//! "University") or a place's or facility's ("River", "Arena").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

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

    /// The full name (normalised, as a candidate's key) of the place that
    /// `key` is another name of ("usa" → "united states"), from
    /// `data/gazetteer/place_aliases.txt`.
    pub(super) fn place_alias(&self, key: &str) -> Option<&'static str> {
        PLACE_ALIASES.get(key).copied()
    }
}

/// `alias = full name` lines; `#` starts a comment.
fn parse_aliases(source: &'static str) -> FxHashMap<&'static str, &'static str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter_map(|line| line.split_once('='))
        .map(|(alias, full)| (alias.trim(), full.trim()))
        .filter(|(alias, full)| !alias.is_empty() && !full.is_empty())
        .collect()
}

static PLACE_ALIASES: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| parse_aliases(include_str!("../../../data/gazetteer/place_aliases.txt")));

/// Whether `name` (any case) is a place in the gazetteer: "Russia",
/// "British Columbia", "U.S.".
pub fn is_known_place(name: &str) -> bool {
    gazetteer().is_place(normalise_words(name).as_str())
}
