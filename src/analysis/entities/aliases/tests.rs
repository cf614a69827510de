//! Tests of alias grouping: which mentions name one entity.

use super::super::EntityKind;

/// The mentions of the person entity named `name`, as written.
fn mentions(text: &str, name: &str) -> Vec<String> {
    super::super::tests::mentions_of(text, name, Some(EntityKind::Person))
}

#[test]
fn an_abbreviation_with_periods_joins_the_place_it_abbreviates() {
    let text = "Talks between the United States and Norland stalled. \
                U.S. officials said the next round is in May.";
    let places = super::super::tests::mentions_of(text, "United States", Some(EntityKind::Place));
    assert_eq!(places, ["United States", "U.S."]);
    // periods alone make no acronym of a word that spells nothing here
    let text = "Talks in Norland stalled. U.K. officials said the next round is in May.";
    assert!(
        super::super::tests::mentions_of(text, "Norland", Some(EntityKind::Place))
            .iter()
            .all(|m| m == "Norland")
    );
}

#[test]
fn a_title_keeps_namesakes_of_other_genders_apart() {
    let text = "Lena Vasko met Omar Vasko in Regina. Ms. Vasko said the talks went well.";
    assert_eq!(mentions(text, "Lena Vasko"), ["Lena Vasko", "Vasko"]);
    assert_eq!(mentions(text, "Omar Vasko"), ["Omar Vasko"]);
    let text = "Omar Vasko met Lena Vasko in Regina. Mr. Vasko said the talks went well.";
    assert_eq!(mentions(text, "Omar Vasko"), ["Omar Vasko", "Vasko"]);
    assert_eq!(mentions(text, "Lena Vasko"), ["Lena Vasko"]);
}

#[test]
fn a_namesake_called_by_first_name_leaves_the_surname_to_the_other() {
    let text = "Maria Quill runs the bakery with her husband, Peter Quill. \
                Peter said the ovens were old. Quill said she would replace them.";
    assert_eq!(mentions(text, "Maria Quill"), ["Maria Quill", "Quill"]);
    assert_eq!(mentions(text, "Peter Quill"), ["Peter Quill", "Peter"]);
}

#[test]
fn a_bare_place_is_no_surname_of_a_body_named_after_it() {
    let text = "Funding came from Infrastructure Ontario on Monday. \
                Builders in Ontario were pleased.";
    assert_eq!(
        super::super::tests::mentions(text, "Infrastructure Ontario"),
        ["Infrastructure Ontario"]
    );
    // but a person's surname that is also a place still links
    let text = "Dana Hamilton spoke first. Later Hamilton said no.";
    assert_eq!(
        mentions(text, "Dana Hamilton"),
        ["Dana Hamilton", "Hamilton"]
    );
}

#[test]
fn a_name_whose_first_word_opened_the_sentence_rejoins_its_full_form() {
    let text = "Funding came from Infrastructure Ontario on Monday. \
                Infrastructure Ontario said it would help.";
    assert_eq!(
        super::super::tests::mentions(text, "Infrastructure Ontario"),
        ["Infrastructure Ontario", "Ontario"]
    );
}

#[test]
fn without_a_first_name_or_title_the_namesake_named_most_keeps_the_surname() {
    // named as often: the latest
    let text = "Maria Quill runs the bakery with her husband, Peter Quill. \
                Quill said the ovens were old.";
    assert_eq!(mentions(text, "Maria Quill"), ["Maria Quill"]);
    assert_eq!(mentions(text, "Peter Quill"), ["Peter Quill", "Quill"]);
    // the subject of the story keeps her surname after a relative is named
    let text = "Maria Quill runs the bakery. Quill opened it in 2001. \
                She works with her husband, Peter Quill. \
                Quill said the ovens were old.";
    assert_eq!(
        mentions(text, "Maria Quill"),
        ["Maria Quill", "Quill", "Quill"]
    );
    assert_eq!(mentions(text, "Peter Quill"), ["Peter Quill"]);
}

#[test]
fn a_given_name_in_capitals_or_in_a_title_is_no_call_by_first_name() {
    // "MARIA for Mayor" names a campaign, not the woman by her first
    // name, so the bare surname is still hers
    let text = "Maria Quill runs the bakery. Quill opened it in 2001. \
                Her supporters formed MARIA for Mayor. \
                She works with her husband, Peter Quill. \
                Quill said the ovens were old.";
    assert_eq!(
        mentions(text, "Maria Quill"),
        ["Maria Quill", "Quill", "MARIA", "Quill"]
    );
}
