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
fn a_name_in_the_plural_is_the_person_it_names() {
    let text = "Nurse Imelda Farrow asked for the law to change. \
                \"Do we want more Imelda Farrows?\" said Dana Obi.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Imelda Farrow", "Dana Obi"]
    );
    assert_eq!(
        mentions(text, "Imelda Farrow"),
        ["Imelda Farrow", "Imelda Farrows"]
    );
    // a name that ends in s is no plural of anyone: not when it comes
    // first, nor when its last word is a surname of its own
    let text = "Rosa Adams met Rosa Adam on Monday.";
    assert_eq!(mentions(text, "Rosa Adams"), ["Rosa Adams"]);
    let text = "Rosa Adam met Rosa Adams on Monday.";
    assert_eq!(mentions(text, "Rosa Adams"), ["Rosa Adams"]);
    assert_eq!(mentions(text, "Rosa Adam"), ["Rosa Adam"]);
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
fn a_short_headline_is_a_headline_where_the_article_opens() {
    // two long words: too short for a headline anywhere else
    let text = "Dry Summer Ahead\n\n\
                Rivers in the south are low, officials said on Sunday, and farmers fear drought.";
    assert_eq!(all_names(text), Vec::<String>::new());
    let text = "Budget Passes\n\nCorinne Abernathy said the budget passed on Monday.";
    assert_eq!(all_names(text), ["Corinne Abernathy"]);
    // the same shape inside the article is a name on a line of its own
    let text = "Council Meets On Harbour Plan\n\nThe council met on Monday.\n\n\
                Corinne Abernathy\n\nAbernathy chaired the meeting.";
    assert_eq!(all_names(text), ["Corinne Abernathy"]);
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

mod facts_and_versions;
mod names_in_context;
