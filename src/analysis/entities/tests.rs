//! Recognition, alias merging and classification on sentences written for
//! these tests.

use super::*;
use crate::analysis::segment::segment;

fn run(text: &str) -> Vec<Entity> {
    recognize(text, &segment(text), &[])
}

fn names_of(text: &str, kind: EntityKind) -> Vec<String> {
    run(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name)
        .collect()
}

fn mentions(text: &str, name: &str) -> Vec<String> {
    run(text)
        .into_iter()
        .find(|e| e.name == name)
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| m.span.text(text).to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn title_surname_and_possessive_join_the_full_name() {
    let text = "Canadian Prime Minister Marta Okafor spoke on Friday. \
                Mr. Okafor's office later said Okafor would travel.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marta Okafor"]);
    assert_eq!(
        mentions(text, "Marta Okafor"),
        ["Marta Okafor", "Okafor", "Okafor"]
    );
}
