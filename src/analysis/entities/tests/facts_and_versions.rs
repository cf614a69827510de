//! Per-mention facts (title, role, gender, short form, acronym) and
//! entities across versions of a document (the driver keeps their work).

use super::*;

/// One mention as (text, title, role, gender, short form, acronym).
type Facts = (
    String,
    Option<String>,
    Option<String>,
    Option<Gender>,
    bool,
    bool,
);

/// Each mention of the entity named `name` as [`Facts`].
fn facts_of(text: &str, name: &str) -> Vec<Facts> {
    let found = run(text);
    let Some(e) = found.iter().find(|e| e.name == name) else {
        return Vec::new();
    };
    let written = |s: Option<Span>| s.map(|s| s.text(text).to_string());
    e.mentions
        .iter()
        .map(|m| {
            let f = m.facts;
            (
                m.span.text(text).to_string(),
                written(f.title),
                written(f.role),
                f.gender,
                f.short_form,
                f.acronym,
            )
        })
        .collect()
}

#[test]
fn each_mention_keeps_its_title_role_gender_and_form() {
    let text = "Prime Minister Marta Okafor spoke on Friday. \
                Mr. Okafor's office said Okafor, the party leader, would travel.";
    let s = |w: &str| Some(w.to_string());
    assert_eq!(
        facts_of(text, "Marta Okafor"),
        [
            (
                "Marta Okafor".to_string(),
                s("Prime Minister"),
                s("Prime Minister"),
                Some(Gender::Female),
                false,
                false
            ),
            (
                "Okafor".to_string(),
                s("Mr."),
                None,
                Some(Gender::Male),
                true,
                false
            ),
            (
                "Okafor".to_string(),
                None,
                s("the party leader"),
                None,
                true,
                false
            ),
        ]
    );
    let found = run(text);
    assert_eq!(found[0].surname.as_deref(), Some("Okafor"));
    // "Marta" told the first mention's gender, "Mr." the second's
    let from_name: Vec<bool> = found[0]
        .mentions
        .iter()
        .map(|m| m.facts.gender_from_name)
        .collect();
    assert_eq!(from_name, [true, false, false]);
}

#[test]
fn surnames_keep_particles_and_names_written_surname_first_give_the_first_word() {
    let text = "Anna de Vries met Wang Qishan. Later, Wang said de Vries agreed.";
    let found = run(text);
    let surname = |name: &str| {
        found
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.surname.clone())
    };
    assert_eq!(surname("Anna de Vries").as_deref(), Some("de Vries"));
    assert_eq!(
        surname_of("Ana van der Berg Jr.", false).as_deref(),
        Some("van der Berg")
    );
    assert_eq!(surname("Wang Qishan").as_deref(), Some("Wang"));
    let wang = found.iter().find(|e| e.name == "Wang Qishan");
    assert!(wang.is_some_and(|e| e.mentions[0].facts.surname_first));
}

#[test]
fn an_acronym_mention_is_marked_and_a_separate_acronym_links_to_its_expansion() {
    let text = "The Harbour Safety Board (HSB) met on Monday. HSB said the pier was safe.";
    let hsb = facts_of(text, "Harbour Safety Board");
    assert!(hsb.iter().any(|(w, .., acronym)| w == "HSB" && *acronym));
    let mut entities = vec![
        Entity {
            name: "Federal Reserve Board".to_string(),
            kind: EntityKind::Organization,
            mentions: Vec::new(),
            gender: None,
            role: None,
            surname: None,
            acronym_of: None,
        };
        2
    ];
    entities[1].name = "FRB".to_string();
    link_acronyms(&mut entities);
    assert_eq!(
        entities.iter().map(|e| e.acronym_of).collect::<Vec<_>>(),
        [None, Some(0)]
    );
}

/// Recognise `text` with `driver`, checking the result against a fresh
/// recognition, then end the analysis as [`crate::analysis::Analyzer`] does.
fn kept(driver: &mut Driver, text: &str, skip: &[Boilerplate]) -> Vec<Entity> {
    let model = driver.model(text);
    let got = recognize(driver, text, &model, skip);
    assert_eq!(
        got,
        recognize_fresh(text, skip),
        "kept differs for {text:?}"
    );
    driver.finish();
    got
}

fn names(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn a_lower_case_word_in_one_paragraph_changes_a_name_in_another() {
    // "Quillon" opens the sentence; it is cut from the name once the
    // article uses "quillon" in lower case anywhere.
    let without = "Quillon Brandt reopened the forge.\n\nThe blade was old.";
    let with = "Quillon Brandt reopened the forge.\n\nThe quillon was old.";
    let mut driver = Driver::default();
    assert_eq!(names(&kept(&mut driver, without, &[])), ["Quillon Brandt"]);
    assert_eq!(names(&kept(&mut driver, with, &[])), ["Brandt"]);
    assert_eq!(names(&kept(&mut driver, without, &[])), ["Quillon Brandt"]);
}

#[test]
fn typing_elsewhere_moves_the_mentions() {
    let before = "Ana Okafor spoke first.\n\nLater Okafor left the hall.";
    let after = "Ana Okafor spoke first today.\n\nLater Okafor left the hall.";
    let mut driver = Driver::default();
    kept(&mut driver, before, &[]);
    let got = kept(&mut driver, after, &[]);
    assert_eq!(names(&got), ["Ana Okafor"]);
    let spans: Vec<(usize, usize)> = got[0]
        .mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    assert_eq!(spans, [(0, 10), (37, 43)]);
}

#[test]
fn paragraphs_that_move_or_repeat_match_a_fresh_run() {
    let one = "Mira Castell chairs the Harbour Trust.";
    let two = "Castell said the Harbour Trust would meet.";
    let three = "Dr. Tomas Varga disagreed, Castell said.";
    let mut driver = Driver::default();
    for text in [
        format!("{one}\n\n{two}\n\n{three}"),
        format!("{three}\n\n{one}\n\n{two}"),
        format!("{two}\n\n{two}\n\n{one}"),
        format!("{one}\n\n{three}"),
        String::new(),
        format!("{one}\n\n{two}\n\n{three}"),
    ] {
        kept(&mut driver, &text, &[]);
    }
}

#[test]
fn a_paragraph_becoming_boilerplate_drops_its_names() {
    let text = "Jana Holm runs the market.\n\nSubscribe to Pell Kessler's newsletter.";
    let seg = crate::analysis::segment::segment(text);
    let furniture = Boilerplate {
        span: seg.paragraphs[1].span,
        removal: seg.paragraphs[1].span,
        kind: crate::analysis::boilerplate::BoilerplateKind::Newsletter,
        decision: crate::analysis::boilerplate::Decision::Wording,
    };
    let mut driver = Driver::default();
    let all = kept(&mut driver, text, &[]);
    assert!(names(&all).contains(&"Pell Kessler"));
    let without = kept(&mut driver, text, std::slice::from_ref(&furniture));
    assert_eq!(names(&without), ["Jana Holm"]);
    assert_eq!(kept(&mut driver, text, &[]), all);
}

#[test]
fn a_headline_run_splits_until_the_body_uses_it() {
    let body = "The vote passed on Monday, Orlov said.";
    let named = "The vote passed on Monday, Nadia Orlov said.";
    let headline = "COUNCIL BACKS NADIA ORLOV PLAN";
    let mut driver = Driver::default();
    let split = kept(&mut driver, &format!("{headline}\n\n{body}"), &[]);
    let joined = kept(&mut driver, &format!("{headline}\n\n{named}"), &[]);
    assert_ne!(split, joined);
    assert!(names(&joined).contains(&"Nadia Orlov"));
}

#[test]
fn a_dateline_names_no_entity() {
    let text = "PORT ALDER — Mira Castell opened the mill on Monday.";
    assert_eq!(all_names(text), ["Mira Castell"]);
}

#[test]
fn the_model_tokens_keep_possessives_titles_and_initials_apart() {
    let text = "Mr. Tomas Varga’s aide met J. K. Rowling in the U.S. today.";
    let found = run(text);
    let varga = found.iter().find(|e| e.name == "Tomas Varga");
    assert_eq!(
        varga.map(|e| e.mentions[0].facts.title.map(|s| s.text(text))),
        Some(Some("Mr."))
    );
    assert!(found.iter().any(|e| e.name == "J. K. Rowling"));
}

#[test]
fn decisions_are_reused_only_while_the_candidates_and_their_gaps_are_the_same() {
    let mut driver = Driver::default();
    // "Ana Vell, Bo Kast and Cy Dorn": a list beside a person
    let v1 = "Mayor Ana Vell met Bo Kast and Cy Dorn on Monday.\n\nThe talks went well.";
    let first = kept(&mut driver, v1, &[]);
    // typing inside a word that is no name moves nothing the decisions read
    let v2 = "Mayor Ana Vell met Bo Kast and Cy Dorn on Monday.\n\nThe talks all went well.";
    assert_eq!(kept(&mut driver, v2, &[]), first);
    // a paragraph typed above moves every name: same decisions, new spans
    let v3 =
        "Update.\n\nMayor Ana Vell met Bo Kast and Cy Dorn on Monday.\n\nThe talks all went well.";
    let moved = kept(&mut driver, v3, &[]);
    assert_eq!(names(&moved), names(&first));
    assert_ne!(moved[0].mentions[0].span, first[0].mentions[0].span);
    // the same names, each where it was, with a joiner that makes no list:
    // decided again (lone names listed beside a person are people)
    let listed = "The award went to Ana Vell, Quorin and Bastel on Monday.";
    let kinds = |entities: &[Entity]| entities.iter().map(|e| e.kind).collect::<Vec<_>>();
    let person = EntityKind::Person;
    assert_eq!(
        kinds(&kept(&mut driver, listed, &[])),
        [person, person, person]
    );
    let unlisted = "The award went to Ana Vell, Quorin nor Bastel on Monday.";
    let other = EntityKind::Other;
    assert_eq!(
        kinds(&kept(&mut driver, unlisted, &[])),
        [person, other, other]
    );
}
