//! Recognition, alias merging and classification on sentences written for
//! these tests.

use super::*;
use crate::analysis::boilerplate::Boilerplate;

fn run(text: &str) -> Vec<Entity> {
    recognize_fresh(text, &[])
}

fn names_of(text: &str, kind: EntityKind) -> Vec<String> {
    run(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name)
        .collect()
}

/// The mentions of the entity named `name` (any kind), as written.
pub(super) fn mentions(text: &str, name: &str) -> Vec<String> {
    mentions_of(text, name, None)
}

/// The mentions of the entity named `name` and, if given, of `kind`.
pub(super) fn mentions_of(text: &str, name: &str, kind: Option<EntityKind>) -> Vec<String> {
    run(text)
        .into_iter()
        .find(|e| e.name == name && kind.is_none_or(|k| e.kind == k))
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

fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
    run(text)
        .into_iter()
        .find(|e| e.name == name)
        .map(|e| e.kind)
}

fn all_names(text: &str) -> Vec<String> {
    run(text).into_iter().map(|e| e.name).collect()
}

#[test]
fn initials_particles_hyphens_and_apostrophes_stay_in_names() {
    let text = "The prize went to J. K. Rowlandson, and Ludwig van Brecht thanked \
                Mary-Kate O’Rourke and Aidan McTavish on stage.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        [
            "J. K. Rowlandson",
            "Ludwig van Brecht",
            "Mary-Kate O’Rourke",
            "Aidan McTavish"
        ]
    );
}

#[test]
fn sentence_initial_function_words_days_and_months_are_not_names() {
    let text = "The council met on Tuesday. However, nothing changed in March. \
                Later, Councillor Dana Whitlock said little.";
    assert_eq!(all_names(text), ["Dana Whitlock"]);
}

#[test]
fn a_sentence_initial_common_word_is_cut_from_a_name() {
    let text = "Neighboring Freedonia closed its border. Officials said so.";
    assert_eq!(all_names(text), ["Freedonia"]);
}

#[test]
fn mr_with_a_period_is_a_title_and_gives_gender() {
    let text = "Mr. Alvarez arrived late. Ms. Ingrid Solberg said she was pleased.";
    let entities = run(text);
    let solberg = entities.iter().find(|e| e.name == "Ingrid Solberg");
    assert_eq!(solberg.map(|e| e.gender), Some(Some(Gender::Female)));
    assert_eq!(solberg.map(|e| e.role.clone()), Some(None));
    let alvarez = entities.iter().find(|e| e.name == "Alvarez");
    assert_eq!(
        alvarez.map(|e| (e.kind, e.gender)),
        Some((EntityKind::Person, Some(Gender::Male)))
    );
    assert_eq!(
        alvarez.map(|e| e.mentions[0].span.text(text)),
        Some("Alvarez")
    );
}

#[test]
fn role_before_the_name_is_recorded() {
    let text = "Freedonian President Rufus Teasdale spoke. Teasdale’s aides agreed.";
    let entities = run(text);
    let rufus = entities.iter().find(|e| e.name == "Rufus Teasdale");
    assert_eq!(
        rufus.and_then(|e| e.role.clone()).as_deref(),
        Some("Freedonian President")
    );
    assert_eq!(
        mentions(text, "Rufus Teasdale"),
        ["Rufus Teasdale", "Teasdale"]
    );
}

#[test]
fn a_bare_surname_joins_the_most_recent_person_with_it() {
    let text = "Ellen Marsh met Tom Marsh in Ottawa. Tom Marsh spoke first. \
                Then Ellen Marsh answered. Marsh said the talks went well.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Ellen Marsh", "Tom Marsh"]
    );
    assert_eq!(
        mentions(text, "Ellen Marsh"),
        ["Ellen Marsh", "Ellen Marsh", "Marsh"]
    );
    assert_eq!(mentions(text, "Tom Marsh"), ["Tom Marsh", "Tom Marsh"]);
}

#[test]
fn a_first_name_alone_joins_the_only_person_with_it() {
    let text = "Priya Ramanathan won the race. Her coach said Priya trained daily.";
    assert_eq!(
        mentions(text, "Priya Ramanathan"),
        ["Priya Ramanathan", "Priya"]
    );
}

#[test]
fn the_canonical_name_is_the_fullest_form() {
    let text = "Mr Kowalczyk arrived. Later, Senator Piotr A. Kowalczyk voted, \
                and Piotr Kowalczyk left.";
    assert_eq!(names_of(text, EntityKind::Person), ["Piotr A. Kowalczyk"]);
    assert_eq!(
        mentions(text, "Piotr A. Kowalczyk"),
        ["Kowalczyk", "Piotr A. Kowalczyk", "Piotr Kowalczyk"]
    );
}

#[test]
fn apposition_and_role_nouns_mark_unknown_names_as_people() {
    let text = "The plan was backed by Oluwaseun Adeyemi-Brandt, the mayor of Lakeside, \
                and opposed by lawyer Thandeka Mbeki-Ross.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Oluwaseun Adeyemi-Brandt", "Thandeka Mbeki-Ross"]
    );
    let roles: Vec<Option<String>> = run(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.role)
        .collect();
    assert_eq!(
        roles,
        [
            Some("the mayor of Lakeside".to_string()),
            Some("lawyer".to_string())
        ]
    );
}

#[test]
fn an_unknown_name_that_speaks_is_a_person() {
    let text = "The campaign was confident. Quarrington said the polls were wrong.";
    assert_eq!(names_of(text, EntityKind::Person), ["Quarrington"]);
}

#[test]
fn organisations_by_cue_words_and_acronyms_with_their_expansion() {
    let text = "The Assembly of Northern Rivers (ANR) met the Ministry of Health. \
                The ANR later wrote to Brightwater Holdings Inc and the FBI.";
    let entities = run(text);
    let anr = entities
        .iter()
        .find(|e| e.name == "Assembly of Northern Rivers");
    assert_eq!(anr.map(|e| e.kind), Some(EntityKind::Organization));
    assert_eq!(
        mentions(text, "Assembly of Northern Rivers"),
        ["Assembly of Northern Rivers", "ANR", "ANR"]
    );
    assert_eq!(
        kind_of(text, "Ministry of Health"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(text, "Brightwater Holdings Inc"),
        Some(EntityKind::Organization)
    );
    assert_eq!(kind_of(text, "FBI"), Some(EntityKind::Organization));
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn an_acronym_joins_the_name_its_initials_spell() {
    let text = "The Northern Farmers Federation objected. A NFF statement followed.";
    assert_eq!(
        mentions(text, "Northern Farmers Federation"),
        ["Northern Farmers Federation", "NFF"]
    );
}

#[test]
fn places_from_the_gazetteer_including_us_with_periods() {
    let text = "Delegates flew from Nairobi to the U.S. and then to British Columbia.";
    assert_eq!(
        names_of(text, EntityKind::Place),
        ["Nairobi", "U.S.", "British Columbia"]
    );
}

#[test]
fn facilities_and_place_words_are_not_people() {
    let text = "Crowds gathered at Marlowe Square near the Kestrel Bridge, \
                and Alberta Dairy Farmers said prices rose.";
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn headline_title_case_words_only_count_when_the_body_has_them() {
    let text = "Mayor Vows Bold Plan For Harbour Renewal\n\n\
                Mayor Corinne Abernathy unveiled a plan on Monday. Abernathy said it would pass.";
    assert_eq!(all_names(text), ["Corinne Abernathy"]);
    assert_eq!(
        mentions(text, "Corinne Abernathy"),
        ["Corinne Abernathy", "Abernathy"]
    );
}

#[test]
fn an_all_caps_headline_name_joins_the_body_name() {
    let text = "ABERNATHY WINS AGAIN\n\nCorinne Abernathy was re-elected.";
    assert_eq!(
        mentions(text, "Corinne Abernathy"),
        ["ABERNATHY", "Corinne Abernathy"]
    );
}

#[test]
fn credits_and_captions_are_not_people_in_the_story() {
    let text = "Rhiannon Vale / The Canadian Press Workers clear snow in Halifax.\n\n\
                The storm closed schools.\n\n\
                With files from Desmond Okoro";
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn plural_groups_and_nationalities_are_not_people() {
    let text = "Conservatives objected. Freedonians and Canadian officials said nothing.";
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn public_helpers_answer_for_titles_places_and_people() {
    assert!(is_title("Mr."));
    assert!(is_title("prime minister"));
    assert!(is_title("Sen."));
    assert!(!is_title("Putney"));
    assert_eq!(title_gender("Mrs"), Some(Gender::Female));
    assert!(is_known_place("british columbia"));
    assert!(!is_known_place("Quarrington"));
    let text = "Premier Lena Vasquez spoke. Vasquez said yes.";
    let entities = run(text);
    let at = text.rfind("Vasquez").unwrap_or(0);
    assert_eq!(
        canonical_person_at(&entities, Span::new(at, at + 1)),
        Some("Lena Vasquez")
    );
    assert_eq!(canonical_person_at(&entities, Span::new(0, 1)), None);
    let lena = entities.iter().find(|e| e.name == "Lena Vasquez");
    assert_eq!(
        lena.map(|e| e.aliases(text)),
        Some(vec!["Lena Vasquez".to_string(), "Vasquez".to_string()])
    );
}

#[test]
fn mentions_never_split_characters() {
    let text = "🎉 Émilie Zoë Brûlé‘s team met 東京 officials. Brûlé said “yes”.";
    for e in run(text) {
        for m in &e.mentions {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
    assert_eq!(names_of(text, EntityKind::Person), ["Émilie Zoë Brûlé"]);
}

#[test]
fn a_long_document_stays_linear_and_merges_every_mention() {
    let para = "Councillor Hana Ostrowski said the budget passed. Ostrowski thanked staff.\n\n";
    let text = para.repeat(2000);
    let started = std::time::Instant::now();
    let entities = run(&text);
    let hana = entities.iter().find(|e| e.name == "Hana Ostrowski");
    assert_eq!(hana.map(|e| e.mentions.len()), Some(4000));
    // generous bound for debug builds on a slow machine; quadratic code
    // would take minutes here
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn first_names_listed_with_a_person_are_people() {
    let text = "The coach praised Marisol Pereira, Tavi and Quillon after the game.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Marisol Pereira", "Tavi", "Quillon"]
    );
}

#[test]
fn a_list_with_an_organisation_or_an_apposition_spreads_nothing() {
    let text = "Grants went to Brightwater Holdings Inc, Tavi and Marisol Pereira.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marisol Pereira"]);
    let text = "Marisol Pereira, Quillon chair, said the grant helped.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marisol Pereira"]);
}

#[test]
fn a_name_referred_to_by_its_last_word_is_a_person_even_if_that_is_a_word() {
    let text = "Quorin Hawk arrived early. Reporters followed Hawk to the car.";
    assert_eq!(names_of(text, EntityKind::Person), ["Quorin Hawk"]);
    assert_eq!(mentions(text, "Quorin Hawk"), ["Quorin Hawk", "Hawk"]);
    let text = "Crowds filled Harbour Plaza. Police closed the Plaza at noon.";
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn a_function_word_after_a_given_name_is_a_surname_but_a_day_is_not() {
    let text = "Economist Gordon Every said rates would rise. She met Gordon Harlan Tuesday.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Gordon Every", "Gordon Harlan"]
    );
}

#[test]
fn a_capitalised_modal_after_a_name_word_is_its_surname() {
    let text = "“We must be careful,” said Yin Myint May, a teacher in Yangon.";
    assert_eq!(names_of(text, EntityKind::Person), ["Yin Myint May"]);
    // as a modal verb it is no name
    let text = "Officials said Dana Roe may resign on Monday.";
    assert_eq!(names_of(text, EntityKind::Person), ["Dana Roe"]);
}

#[test]
fn a_given_name_that_is_a_modal_is_a_name_inside_a_sentence_only() {
    let text = "Citing the attack as “a warning,” Will urged voters to wait.";
    assert_eq!(all_names(text), ["Will"]);
    // a modal, a month after a word, a sentence's first word: no name
    let text = "The council will vote. Results from last May are in. Will they agree?";
    assert!(all_names(text).is_empty(), "{:?}", all_names(text));
}

#[test]
fn an_all_caps_lead_in_that_starts_with_a_given_name_is_a_name() {
    let text = "ROSALIND QUARTERMAINE, the skip, said the ice was fast. \
                SNOW WARNING issued for the region.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["ROSALIND QUARTERMAINE"]
    );
}

proptest::proptest! {
    /// Any text, however odd, yields mentions on character boundaries that
    /// lie inside the text, in document order.
    #[test]
    fn never_panics_and_spans_stay_on_boundaries(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Mr.", "Dr", "Jane", "O’Neil", "al-Rashid", "van", "de", "U.S.", "J.", "of", "the",
                "The", "However", "said", "Acme", "Inc", "(ACME)", "Ottawa", "'s", "’s", "—", "“",
                "”", ",", ".", "\n\n", "東京", "🎉", "Émile", "ÉCOLE", "-", "'", "Prime", "Minister",
                "and", "Ana", "Bo", "s'", "Zoë-Ann", "MP",
            ]),
            0..60,
        ),
        joiners in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", "\n"]), 60),
    ) {
        let mut text = String::new();
        for (w, j) in words.iter().zip(joiners.iter().cycle()) {
            text.push_str(w);
            text.push_str(j);
        }
        for e in run(&text) {
            let mut last = 0;
            for m in &e.mentions {
                proptest::prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.span.start));
                proptest::prop_assert!(text.is_char_boundary(m.span.end));
                proptest::prop_assert!(m.span.start >= last);
                last = m.span.start;
            }
        }
    }
}

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

#[test]
fn a_person_named_often_as_a_modifier_is_still_a_person() {
    let text = "Dana Okafor won in 2008. The Okafor administration grew. Critics of the \
                Okafor administration were loud, and the Okafor plan stalled. \
                Okafor aides left, and the Okafor team shrank. Okafor said little.";
    assert_eq!(kind_of(text, "Dana Okafor"), Some(EntityKind::Person));
    // a name that is only ever a modifier, with a determiner, is no person
    let text = "The Harbourline fleet grew. The Harbourline ferries run late.";
    assert_ne!(kind_of(text, "Harbourline"), Some(EntityKind::Person));
}

#[test]
fn a_surname_that_is_also_a_title_does_not_join_the_place_after_it() {
    let text = "Representative Peter T. King of New York said the race was open.";
    assert_eq!(kind_of(text, "Peter T. King"), Some(EntityKind::Person));
    assert_eq!(kind_of(text, "New York"), Some(EntityKind::Place));
    // a title opening the name still takes its "of"
    let text = "The Minister of Health, Ana Roe, spoke.";
    assert!(
        all_names(text)
            .iter()
            .any(|n| n == "Minister of Health" || n == "Ana Roe")
    );
    assert!(all_names(text).iter().all(|n| n != "Health"));
}

#[test]
fn a_name_ending_in_an_acronym_is_no_person_unless_the_acronym_is_a_suffix() {
    let text = "Spending rose again. An August PBO report found the gap had grown.";
    assert!(
        names_of(text, EntityKind::Person).is_empty(),
        "{:?}",
        all_names(text)
    );
    let text = "The vote was close, said Dana Whitfield MP, who sits for Harbourside.";
    assert!(
        names_of(text, EntityKind::Person)
            .iter()
            .any(|n| n.starts_with("Dana Whitfield")),
        "{:?}",
        all_names(text)
    );
}

#[test]
fn a_surname_that_is_also_a_place_noun_names_a_person_after_a_given_name() {
    let text = "Ana Ruiz met Tom Hill on Monday.\n\nHill said the talks went well.";
    assert_eq!(kind_of(text, "Tom Hill"), Some(EntityKind::Person));
    assert_eq!(mentions(text, "Tom Hill"), ["Tom Hill", "Hill"]);
    // a place noun after a word that is no given name is no surname
    let text = "Protesters gathered on Beacon Hill on Monday.";
    assert_eq!(kind_of(text, "Beacon Hill"), Some(EntityKind::Place));
}

#[test]
fn a_full_name_before_of_and_an_institution_is_a_person_and_an_organisation() {
    let text = "“It was a long shot,” said Marta Quell of the University of Lisbon Law School.";
    assert_eq!(kind_of(text, "Marta Quell"), Some(EntityKind::Person));
    assert_eq!(
        kind_of(text, "University of Lisbon Law School"),
        Some(EntityKind::Organization)
    );
    // an institution's own name still joins over "of"
    let text = "Officials at the Bank of Montreal said rates would rise.";
    assert_eq!(
        kind_of(text, "Bank of Montreal"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_lone_surname_does_not_join_a_thing_named_after_it_by_its_first_word() {
    let text = "Supporters boarded the Trump Train in Ohio.\n\n\
                Trump said the rally was huge. Later Trump spoke again.";
    assert_eq!(mentions(text, "Trump Train"), ["Trump Train"]);
    // a given name alone still joins the one person who has it
    let text = "Priya Natarajan runs the lab. On Monday, Priya said the grant arrived.";
    assert_eq!(
        mentions(text, "Priya Natarajan"),
        ["Priya Natarajan", "Priya"]
    );
}

#[test]
fn a_reporting_verb_after_an_adverb_is_evidence_of_a_person() {
    let text = "The vote is on Friday. Later, Zorvath openly admitted that the plan had failed.";
    assert_eq!(kind_of(text, "Zorvath"), Some(EntityKind::Person));
}

#[test]
fn another_name_of_a_place_joins_the_place_the_article_writes_out() {
    let text = "Talks with the United States stalled. USA officials left, and America said little.";
    assert_eq!(
        mentions_of(text, "United States", Some(EntityKind::Place)),
        ["United States", "USA", "America"]
    );
    // without the full name, an alias stays what it is
    let text = "USA Today ran the story first.";
    assert!(all_names(text).iter().all(|n| n != "United States"));
}

#[test]
fn a_name_only_in_an_authors_bio_is_not_a_person_of_the_piece() {
    let text = "The ferry will run at night. “It helps,” Ana Roe said.\n\n\
                Lena Quist is a Toronto-based reporter covering transit. Follow her on Twitter.";
    assert_eq!(names_of(text, EntityKind::Person), ["Ana Roe"]);
    // named in the story too, the writer is one of its people
    let text = "Lena Quist rode the ferry with Ana Roe.\n\n\
                Lena Quist is the Star's transit reporter.";
    assert!(
        names_of(text, EntityKind::Person)
            .iter()
            .any(|n| n == "Lena Quist")
    );
}

#[test]
fn names_that_companies_including_introduces_are_organisations() {
    let text = "The tower holds offices of companies including Dorrin Vale, \
                Hekla Morrow and Pell Kessler. Dorrin Vale opened in May.";
    for name in ["Dorrin Vale", "Hekla Morrow", "Pell Kessler"] {
        assert_eq!(
            kind_of(text, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
    // people in a list are not affected, nor a list no organisation noun
    // introduces
    let text = "Mayors such as Dorrin Vale and Hekla Morrow said they would attend.";
    assert_eq!(kind_of(text, "Dorrin Vale"), Some(EntityKind::Person));
    let org = |text: &str| {
        introducing_noun(text, text.len())
            .is_some_and(|tags| tags.contains(crate::analysis::lexicon::Tags::ORG_NOUN))
    };
    assert!(!org("leaders including "));
    assert!(org("firms such as "));
    assert!(org("Several banks like "));
    assert!(!org("the company including "));
}

#[test]
fn the_end_of_a_longer_name_written_before_is_its_compound_surname() {
    let text = "Architect Lorena Paz Akin designed the house. \
                \u{201c}We kept it simple,\u{201d} says Paz Akin.";
    assert_eq!(names_of(text, EntityKind::Person), ["Lorena Paz Akin"]);
    assert_eq!(
        mentions(text, "Lorena Paz Akin"),
        ["Lorena Paz Akin", "Paz Akin"]
    );
    // written before the longer name, the shorter one stays its own
    let text = "Paz Akin spoke first. Later, Lorena Paz Akin and Mai Lee spoke.";
    assert_eq!(mentions(text, "Lorena Paz Akin"), ["Lorena Paz Akin"]);
}

#[test]
fn names_that_a_plural_role_noun_introduces_are_people() {
    let text = "He called mass shooters such as Dorran Roof and Kell Vane his idols.";
    assert_eq!(kind_of(text, "Dorran Roof"), Some(EntityKind::Person));
    assert_eq!(kind_of(text, "Kell Vane"), Some(EntityKind::Person));
}

#[test]
fn a_year_after_an_article_is_no_reason_to_read_a_person() {
    let text = "Crowds marked the 1916 Corran Rising on Sunday. \
                The 2017 Dalby report said the line was late.";
    assert_ne!(kind_of(text, "Corran Rising"), Some(EntityKind::Person));
    assert_ne!(kind_of(text, "Dalby"), Some(EntityKind::Person));
}

#[test]
fn a_lone_name_listed_among_places_is_a_place() {
    let text = "Rallies in Toronto, Calgary, Brenloe and Vancouver drew crowds. \
                Brenloe saw the largest.";
    assert_eq!(kind_of(text, "Brenloe"), Some(EntityKind::Place));
    // beside a single place it may as well be a person
    let text = "Then Onyeka and Sydney argued. Onyeka left first.";
    assert_ne!(kind_of(text, "Onyeka"), Some(EntityKind::Place));
}

#[test]
fn a_month_abbreviation_that_is_a_given_name_opens_a_name() {
    let text = "The index was designed by Jan Hatzby, the bank's chief economist.";
    assert_eq!(names_of(text, EntityKind::Person), ["Jan Hatzby"]);
    let text = "On Jan. 5 Hatzby spoke.";
    assert!(!all_names(text).iter().any(|n| n.starts_with("Jan")));
}

#[test]
fn a_name_then_its_employer_then_a_reporting_verb_is_a_speaker() {
    let text = "\u{201c}More tariffs,\u{201d} Jingfei Pan of Kestrel Markets said.";
    assert_eq!(kind_of(text, "Jingfei Pan"), Some(EntityKind::Person));
}

#[test]
fn a_title_in_capitals_before_a_name_is_no_dateline() {
    let text = "Liberal MP Marko Mendel \u{2014} a former prosecutor \u{2014} said no.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marko Mendel"]);
}

#[test]
fn a_name_after_a_newsroom_job_and_for_is_a_publication() {
    // a magazine named like a woman
    let text = "She was a columnist for Harper Quinn for eight years.";
    assert_ne!(kind_of(text, "Harper Quinn"), Some(EntityKind::Person));
    // the job of the person named is no such cue
    let text = "Columnist Dorrel Tabb wrote for eight years. Tabb retired.";
    assert_eq!(kind_of(text, "Dorrel Tabb"), Some(EntityKind::Person));
}
