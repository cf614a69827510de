//! `Tags`: what the lexicon says about a word, as a set of named tags in one
//! `u64`. Bits 0..=55 and 63 are independent flags; bits 56..=59 hold the
//! UI-word kind (`ui-ad`, `ui-share`, ...) and bits 60..=62 the label kind
//! (`label-related`, ...) as small numbers, because 14 + 4 kinds would not
//! fit as flags and a word has at most one of each. `contains` and
//! `intersects` treat a kind as equal-or-absent, so `Tags::UI_SHARE` works
//! like any flag.

use std::ops::BitOr;

/// A set of lexicon tags. Build with `|`, test with [`Tags::contains`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct Tags(u64);

const UI_SHIFT: u32 = 56;
const UI_MASK: u64 = 0xF << UI_SHIFT;
const LABEL_SHIFT: u32 = 60;
const LABEL_MASK: u64 = 0x7 << LABEL_SHIFT;
const FLAG_MASK: u64 = !(UI_MASK | LABEL_MASK);

macro_rules! tags {
    (flags { $($fname:ident = $fbit:expr, $fstr:literal;)* }
     ui { $($uname:ident = $uval:expr, $ustr:literal;)* }
     label { $($lname:ident = $lval:expr, $lstr:literal;)* }) => {
        impl Tags {
            $(#[doc = $fstr] pub const $fname: Tags = Tags(1 << $fbit);)*
            $(#[doc = $ustr] pub const $uname: Tags = Tags($uval << UI_SHIFT);)*
            $(#[doc = $lstr] pub const $lname: Tags = Tags($lval << LABEL_SHIFT);)*
        }
        /// Every tag with its name, flags first.
        const ALL: &[(&str, Tags)] = &[
            $(($fstr, Tags::$fname),)* $(($ustr, Tags::$uname),)* $(($lstr, Tags::$lname),)*
        ];
    };
}

tags! {
    flags {
        REPORTING_VERB = 0, "reporting-verb";
        BASE = 1, "base";
        PRESENT = 2, "present";
        PAST = 3, "past";
        PARTICIPLE = 4, "participle";
        PAST_PARTICIPLE = 5, "past-participle";
        FINITE = 6, "finite";
        OBJECT = 7, "object";
        FRAMING = 8, "framing";
        TITLE = 9, "title";
        ROLE = 10, "role";
        MALE = 11, "male";
        FEMALE = 12, "female";
        ABBREVIATION = 13, "abbreviation";
        KINSHIP = 14, "kinship";
        HONORIFIC = 15, "honorific";
        GROUP = 16, "group";
        BODY = 17, "body";
        RARE = 18, "rare";
        NAME_PARTICLE = 19, "name-particle";
        GIVEN_NAME = 20, "given-name";
        SURNAME = 21, "surname";
        PLACE = 22, "place";
        DEMONYM = 23, "demonym";
        ORG_NOUN = 24, "org-noun";
        ORG_CUE = 25, "org-cue";
        PLACE_CUE = 26, "place-cue";
        FUNCTION_WORD = 27, "function-word";
        DETERMINER = 28, "determiner";
        PREPOSITION = 29, "preposition";
        PRONOUN = 30, "pronoun";
        SUBJECT_PRONOUN = 31, "subject-pronoun";
        OBJECT_PRONOUN = 32, "object-pronoun";
        AUXILIARY = 33, "auxiliary";
        MODAL = 34, "modal";
        CONJUNCTION = 35, "conjunction";
        SUBORDINATOR = 36, "subordinator";
        WH_WORD = 37, "wh-word";
        CALENDAR = 38, "calendar";
        MINOR_WORD = 39, "minor-word";
        CIRCUMSTANCE_OPENER = 40, "circumstance-opener";
        COHESIVE_TIE = 41, "cohesive-tie";
        UNENDING = 42, "unending";
        STRANDED_PREPOSITION = 43, "stranded-preposition";
        AUDIENCE = 44, "audience";
        NON_SPEAKER = 45, "non-speaker";
        STOP_WORD = 46, "stop-word";
        GENERAL_WORD = 47, "general-word";
        TOPICLESS = 48, "topicless";
        COMMON_WORD = 49, "common-word";
        UI_WORD = 50, "ui-word";
        UI_NOUN = 51, "ui-noun";
        BOILERPLATE_LABEL = 52, "boilerplate-label";
        IMPERATIVE = 53, "imperative";
        AGENCY = 54, "agency";
        CREDIT_WORD = 55, "credit-word";
        NEWSROOM = 63, "newsroom";
    }
    ui {
        UI_AD = 1, "ui-ad";
        UI_APP = 2, "ui-app";
        UI_COMMENTS = 3, "ui-comments";
        UI_COOKIE = 4, "ui-cookie";
        UI_FOLLOW = 5, "ui-follow";
        UI_FOOTER = 6, "ui-footer";
        UI_NAV = 7, "ui-nav";
        UI_NEWSLETTER = 8, "ui-newsletter";
        UI_PHOTO = 9, "ui-photo";
        UI_RELATED = 10, "ui-related";
        UI_SHARE = 11, "ui-share";
        UI_TAGS = 12, "ui-tags";
        UI_TOOLS = 13, "ui-tools";
        UI_VIDEO = 14, "ui-video";
        UI_OTHER = 15, "ui-other";
    }
    label {
        LABEL_PHOTO = 1, "label-photo";
        LABEL_RELATED = 2, "label-related";
        LABEL_TAGS = 3, "label-tags";
        LABEL_VIDEO = 4, "label-video";
    }
}

impl Tags {
    fn ui(self) -> u64 {
        self.0 & UI_MASK
    }

    fn label(self) -> u64 {
        self.0 & LABEL_MASK
    }

    /// Whether every tag of `other` is in `self`.
    pub fn contains(self, other: Tags) -> bool {
        let flags = other.0 & FLAG_MASK;
        self.0 & flags == flags
            && (other.ui() == 0 || self.ui() == other.ui())
            && (other.label() == 0 || self.label() == other.label())
    }

    /// Whether `self` and `other` share a tag.
    pub fn intersects(self, other: Tags) -> bool {
        self.0 & other.0 & FLAG_MASK != 0
            || (other.ui() != 0 && self.ui() == other.ui())
            || (other.label() != 0 && self.label() == other.label())
    }

    /// Both sets. A kind already set in `self` wins over `other`'s (the
    /// data test rejects entries given two kinds).
    pub fn union(self, other: Tags) -> Tags {
        let ui = if self.ui() != 0 {
            self.ui()
        } else {
            other.ui()
        };
        let label = if self.label() != 0 {
            self.label()
        } else {
            other.label()
        };
        Tags(((self.0 | other.0) & FLAG_MASK) | ui | label)
    }

    /// Whether `other` would change a kind `self` already has.
    #[cfg(test)]
    pub(super) fn kind_conflict(self, other: Tags) -> bool {
        (self.ui() != 0 && other.ui() != 0 && self.ui() != other.ui())
            || (self.label() != 0 && other.label() != 0 && self.label() != other.label())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The tags without the furniture ones: no UI or label kind, and not a
    /// UI word, UI noun or label word.
    pub fn without_furniture(self) -> Tags {
        let flags = (Tags::UI_WORD.0 | Tags::UI_NOUN.0 | Tags::BOILERPLATE_LABEL.0) & FLAG_MASK;
        Tags(self.0 & FLAG_MASK & !flags)
    }

    /// The tags without their UI or label kind: still a UI word, UI noun
    /// or label word if it was one, and a word of furniture of some kind
    /// ([`Tags::UI_OTHER`]) if it named one, but not which.
    pub fn without_kinds(self) -> Tags {
        let ui = if self.ui() != 0 { Tags::UI_OTHER.0 } else { 0 };
        Tags((self.0 & FLAG_MASK) | ui)
    }

    /// The names of the tags in the set, in declaration order.
    pub fn names(self) -> Vec<&'static str> {
        ALL.iter()
            .filter(|(_, t)| self.contains(*t))
            .map(|(n, _)| *n)
            .collect()
    }

    /// The tag named `name` ("reporting-verb", "ui-share", ...).
    pub fn from_name(name: &str) -> Option<Tags> {
        ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

impl BitOr for Tags {
    type Output = Tags;
    fn bitor(self, other: Tags) -> Tags {
        self.union(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_kinds_behave_like_flags() {
        for (name, tag) in ALL {
            assert_eq!(Tags::from_name(name), Some(*tag));
            assert_eq!(tag.names(), [*name]);
        }
        let t = Tags::UI_WORD | Tags::UI_TOOLS | Tags::LABEL_VIDEO;
        assert!(t.contains(Tags::UI_TOOLS) && !t.contains(Tags::UI_VIDEO));
        assert!(t.intersects(Tags::LABEL_VIDEO | Tags::TITLE));
        assert!(!t.intersects(Tags::UI_AD | Tags::LABEL_PHOTO));
        assert!(Tags::default().is_empty() && Tags::from_name("nope").is_none());
    }

    #[test]
    fn without_kinds_keeps_the_flags_and_drops_the_kinds() {
        let t = Tags::UI_WORD | Tags::UI_NOUN | Tags::UI_SHARE | Tags::LABEL_VIDEO | Tags::TITLE;
        let kindless = t.without_kinds();
        assert!(kindless.contains(Tags::UI_WORD | Tags::UI_NOUN | Tags::TITLE));
        assert!(!kindless.contains(Tags::UI_SHARE));
        assert!(!kindless.contains(Tags::LABEL_VIDEO));
        assert_eq!(
            kindless,
            Tags::UI_WORD | Tags::UI_NOUN | Tags::TITLE | Tags::UI_OTHER
        );
        assert_eq!(Tags::UI_WORD.without_kinds(), Tags::UI_WORD);
    }

    #[test]
    fn without_furniture_keeps_only_the_other_tags() {
        let t = Tags::UI_WORD | Tags::UI_NOUN | Tags::UI_SHARE | Tags::LABEL_VIDEO | Tags::TITLE;
        let plain = t.without_furniture();
        assert!(plain.contains(Tags::TITLE));
        assert!(
            !plain.intersects(Tags::UI_WORD | Tags::UI_NOUN | Tags::UI_SHARE | Tags::LABEL_VIDEO)
        );
    }
}
