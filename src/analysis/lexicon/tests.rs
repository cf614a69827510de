//! Data checks over every lexicon file, and a few lookups.

use super::*;

/// The entries of one file with their tags, in order.
fn parsed<'a>(source: &'a str, unknown: &mut dyn FnMut(&'a str)) -> Vec<(&'a str, Tags)> {
    let mut out = Vec::new();
    parse(source, unknown, &mut |entry, tags| out.push((entry, tags)));
    out
}

/// Every file parses with only known tags, and its entries are lower case
/// with single spaces.
#[test]
fn every_file_parses_with_known_tags() {
    for (name, source) in FILES {
        let mut unknown = Vec::new();
        let entries = parsed(source, &mut |tag| unknown.push(tag));
        assert!(unknown.is_empty(), "{name}: unknown tags {unknown:?}");
        assert!(!entries.is_empty(), "{name}: no entries");
        for (entry, tags) in entries {
            assert!(!tags.is_empty(), "{name}: {entry:?} has no tags");
            assert!(
                !entry.is_empty()
                    && entry.split(' ').all(|w| !w.is_empty())
                    && !entry.chars().any(|c| c.is_uppercase() || c == '’'),
                "{name}: {entry:?} is not lower case with single spaces"
            );
        }
    }
}

/// No entry is tagged two contradictory ways, across all files: male and
/// female, title and function word, an -ing participle that is also past,
/// two UI kinds or two label kinds. (Base and past on one form, as in
/// "read" or "put", is allowed.)
#[test]
fn no_entry_is_tagged_two_contradictory_ways() {
    let mut all: FxHashMap<&str, Tags> = FxHashMap::default();
    for (name, source) in FILES {
        for (entry, tags) in parsed(source, &mut |_| {}) {
            let slot = all.entry(entry).or_default();
            assert!(!slot.kind_conflict(tags), "{name}: {entry:?} has two kinds");
            *slot = *slot | tags;
        }
    }
    let pairs = [
        (Tags::MALE, Tags::FEMALE),
        (Tags::TITLE, Tags::FUNCTION_WORD),
        (Tags::PARTICIPLE, Tags::PAST),
    ];
    for (entry, tags) in &all {
        for (a, b) in pairs {
            assert!(
                !tags.contains(a | b),
                "{entry:?} is tagged {:?}",
                tags.names()
            );
        }
    }
}

#[test]
fn lookups() {
    let said = tags("said");
    assert!(said.contains(Tags::REPORTING_VERB | Tags::PAST | Tags::FINITE | Tags::OBJECT));
    assert!(!said.contains(Tags::PARTICIPLE));
    assert!(tags("mr").contains(Tags::TITLE | Tags::MALE | Tags::ABBREVIATION));
    assert!(tags("january").contains(Tags::CALENDAR));
    assert!(tags("the").contains(Tags::DETERMINER | Tags::FUNCTION_WORD));
    assert!(tags("aaron").contains(Tags::GIVEN_NAME | Tags::MALE));
    assert!(tags("newsletter").contains(Tags::UI_WORD | Tags::UI_NEWSLETTER | Tags::UI_NOUN));
    assert!(tags("listen").contains(Tags::UI_TOOLS | Tags::LABEL_VIDEO));
    assert!(tags("zzzz").is_empty());
    assert_eq!(
        phrase(&["prime", "minister", "justin"]).map(|(n, t)| (n, t.contains(Tags::TITLE))),
        Some((2, true))
    );
    assert!(tags("prime").is_empty() || !tags("prime").contains(Tags::TITLE));
    assert!(starts_phrase("prime") && !starts_phrase("zzzz"));
}

#[test]
fn phrase_takes_the_longest_match() {
    let (n, t) = phrase(&["deputy", "prime", "minister", "of"]).expect("a title");
    assert_eq!(n, 3);
    assert!(t.contains(Tags::TITLE));
    let (n, _) = phrase(&["pointed", "out", "that"]).expect("a verb");
    assert_eq!(n, 2);
    assert_eq!(phrase(&["deputy"]), None);
    assert_eq!(phrase(&[]), None);
}

#[test]
fn defaults_and_entry_tags_add_up() {
    let source = "# c\n#! tags: title\nmr : male abbreviation\nsir : bogus\n";
    let mut unknown = Vec::new();
    let entries = parsed(source, &mut |t| unknown.push(t));
    assert_eq!(unknown, ["bogus"]);
    assert_eq!(entries[0].0, "mr");
    assert_eq!(entries[0].1, Tags::TITLE | Tags::MALE | Tags::ABBREVIATION);
    assert_eq!(entries[1].1, Tags::TITLE);
}
