//! Tests of the whole quote pass, one or more per sieve, on sentences
//! written for these tests. Entities are built by hand so that the tests
//! pin down attribution, not the recogniser.

use super::super::entities::{Entity, EntityKind, Gender, Mention};
use super::super::segment::segment;
use super::*;

/// An entity whose mentions are every whole-word occurrence of `forms`
/// (longer forms first; a shorter form inside a longer one is not counted).
/// An organisation named only by its full name.
fn organisation(text: &str, name: &str) -> Entity {
    entity(text, name, EntityKind::Organization, None, &[name])
}

fn entity(
    text: &str,
    name: &str,
    kind: EntityKind,
    gender: Option<Gender>,
    forms: &[&str],
) -> Entity {
    let mut forms = forms.to_vec();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut spans: Vec<Span> = Vec::new();
    for form in forms {
        for (at, _) in text.match_indices(form) {
            let span = Span::new(at, at + form.len());
            let boundary_before = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let boundary_after = text[span.end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if boundary_before && boundary_after && !spans.iter().any(|s| s.overlaps(span)) {
                spans.push(span);
            }
        }
    }
    spans.sort();
    Entity {
        name: name.to_string(),
        kind,
        mentions: spans.into_iter().map(Mention::at).collect(),
        gender,
        role: None,
        surname: None,
        acronym_of: None,
    }
}

fn person(text: &str, name: &str, gender: Option<Gender>, forms: &[&str]) -> Entity {
    entity(text, name, EntityKind::Person, gender, forms)
}

fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    find(text, &segment(text), entities, &[])
}

/// (quoted words, speaker name, rule) of every quote.
fn summary(text: &str, entities: &[Entity]) -> Vec<(String, Option<String>, Option<&'static str>)> {
    quotes(text, entities)
        .iter()
        .map(|q| {
            (
                q.text(text),
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.attribution.as_ref().map(|a| a.rule),
            )
        })
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

// ---------------------------------------------------------------- sieve 1

#[test]
fn trailing_cue_after_a_split_quote_names_one_speaker_for_both_parts() {
    let text = "Vladimir Putin spoke on Friday.\n\n“We never intervene,” Mr Putin said, “do not intervene.”";
    let people = [person(
        text,
        "Vladimir Putin",
        Some(Gender::Male),
        &["Vladimir Putin", "Putin"],
    )];
    let found = quotes(text, &people);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].group, found[1].group);
    for q in &found {
        assert_eq!(q.kind, QuoteKind::Speech);
        assert_eq!(
            q.speaker,
            Some(Speaker {
                name: "Vladimir Putin".into(),
                entity: Some(0)
            })
        );
    }
    let first = found[0].attribution.as_ref().unwrap();
    assert_eq!(first.rule, attribution::ADJACENT);
    assert_eq!(first.cue.text(text), "said");
    assert_eq!(first.speaker_mention.map(|m| m.text(text)), Some("Putin"));
    assert_eq!(found[0].text(text), "We never intervene,");
    assert_eq!(found[1].text(text), "do not intervene.");
}

#[test]
fn verb_first_trailing_cue_with_a_title() {
    let text = "“The bridge is safe,” said Dr. Jane Roe, an engineer.";
    assert_eq!(
        summary(text, &[]),
        [(
            "The bridge is safe,".into(),
            s("Jane Roe"),
            Some(attribution::ADJACENT)
        )]
    );
}

#[test]
fn speaker_first_trailing_cue_with_descriptors_and_adverb() {
    let text = "“The numbers are good,” city finance chief Omar Haddad later told reporters.";
    let people = [person(text, "Omar Haddad", None, &["Omar Haddad"])];
    assert_eq!(
        summary(text, &people),
        [(
            "The numbers are good,".into(),
            s("Omar Haddad"),
            Some(attribution::ADJACENT)
        )]
    );
}

#[test]
fn appositions_on_either_side_of_the_name() {
    let text = "“We will rebuild,” Doug Brown, the mayor of Eastford, said.\n\n\
                “It will take years,” the deputy mayor of Eastford, Ana Silva, said.";
    let people = [
        person(text, "Doug Brown", None, &["Doug Brown"]),
        person(text, "Ana Silva", None, &["Ana Silva"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Doug Brown"));
    assert_eq!(got[1].1, s("Ana Silva"));
}

#[test]
fn leading_cue_with_colon_or_comma() {
    let text = "Jane Roe said: “The plan works.” Later Tom Hill told the council, “It does not.”";
    let people = [
        person(text, "Jane Roe", Some(Gender::Female), &["Jane Roe"]),
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
    ];
    assert_eq!(
        summary(text, &people),
        [
            (
                "The plan works.".into(),
                s("Jane Roe"),
                Some(attribution::ADJACENT)
            ),
            (
                "It does not.".into(),
                s("Tom Hill"),
                Some(attribution::ADJACENT)
            ),
        ]
    );
}

#[test]
fn according_to_names_the_source() {
    let text = "According to Jane Roe, the scheme “has never once paid for itself.”";
    let people = [person(text, "Jane Roe", None, &["Jane Roe"])];
    let found = quotes(text, &people);
    assert_eq!(
        found[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Jane Roe")
    );
    assert_eq!(
        found[0].attribution.as_ref().map(|a| a.cue.text(text)),
        Some("According to")
    );
}

#[test]
fn a_name_no_entity_covers_takes_the_fullest_name_by_surname() {
    let text = "Jane Roe runs the clinic.\n\n“We are full every day,” Roe said.";
    // The recogniser found only the full name, not the later surname.
    let people = [Entity {
        mentions: vec![Mention::at(Span::new(0, 8))],
        ..person(text, "Jane Roe", None, &[])
    }];
    let found = quotes(text, &people);
    assert_eq!(
        found[0].speaker,
        Some(Speaker {
            name: "Jane Roe".into(),
            entity: Some(0)
        })
    );
}

// ---------------------------------------------------------------- sieve 2

#[test]
fn sentence_cue_attaches_a_partial_quote_to_the_verbs_subject() {
    let text = "Jane Roe earlier this week called the decision a “grave mistake” on radio.";
    let people = [person(text, "Jane Roe", None, &["Jane Roe"])];
    assert_eq!(
        summary(text, &people),
        [(
            "grave mistake".into(),
            s("Jane Roe"),
            Some(attribution::SENTENCE)
        )]
    );
}

#[test]
fn a_participle_takes_the_clauses_subject() {
    let text = "Tom Hill left the hall early, saying “nothing was decided today.”";
    let people = [person(text, "Tom Hill", None, &["Tom Hill"])];
    assert_eq!(summary(text, &people)[0].1, s("Tom Hill"));
}

// ---------------------------------------------------------------- sieve 3

#[test]
fn pronouns_resolve_to_the_compatible_person_in_focus() {
    let text = "Jane Roe met Tom Hill on Monday.\n\n\
                “It was useful,” she said.\n\n\
                “We disagreed on a lot,” he said.";
    let people = [
        person(text, "Jane Roe", Some(Gender::Female), &["Jane Roe"]),
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
    ];
    assert_eq!(
        summary(text, &people),
        [
            (
                "It was useful,".into(),
                s("Jane Roe"),
                Some(attribution::PRONOUN)
            ),
            (
                "We disagreed on a lot,".into(),
                s("Tom Hill"),
                Some(attribution::PRONOUN)
            ),
        ]
    );
}

#[test]
fn gender_is_inferred_from_titles_when_the_entity_has_none() {
    let text = "Mrs. Kay Dunn and Mr. Lee Park spoke.\n\n“I was not consulted,” she said.";
    let people = [
        person(text, "Kay Dunn", None, &["Kay Dunn"]),
        person(text, "Lee Park", None, &["Lee Park"]),
    ];
    assert_eq!(summary(text, &people)[0].1, s("Kay Dunn"));
}

#[test]
fn a_pronoun_keeps_the_person_an_earlier_same_pronoun_subject_meant() {
    let text = "Tom Hill said he would stay.\n\n\
                He said the mill, founded by his uncle, Sam Roe, kept the town alive.\n\n\
                “It gave us work for decades,” he said.";
    let people = [
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
        person(text, "Sam Roe", Some(Gender::Male), &["Sam Roe"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Tom Hill"));
    assert_eq!(got[0].2, Some(attribution::PRONOUN));
}

#[test]
fn without_a_pronoun_subject_between_the_last_named_person_is_meant() {
    let text = "Tom Hill said he would stay.\n\n\
                Sam Roe said the mill kept the town alive.\n\n\
                “It gave us work for decades,” he said.";
    let people = [
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
        person(text, "Sam Roe", Some(Gender::Male), &["Sam Roe"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Sam Roe"));
}

#[test]
fn a_person_introduced_by_full_name_just_before_a_quote_is_its_pronoun_speaker() {
    let text = "Tom Hill, 61, says the clinic helped him. “I walk daily now,” he says.\n\n\
                Hill credits his dog. The clinic also helped retired driver Sam Roe. \
                “I sleep better,” he says.";
    let people = [
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill", "Hill"]),
        person(text, "Sam Roe", Some(Gender::Male), &["Sam Roe"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Tom Hill"));
    assert_eq!(got[1].1, s("Sam Roe"));
}

#[test]
fn a_pronoun_with_no_person_before_it_has_no_speaker() {
    let text = "“Nothing will change for years,” he said.";
    let found = quotes(text, &[]);
    assert_eq!(found[0].kind, QuoteKind::Speech);
    assert_eq!(found[0].speaker, None);
}

// ---------------------------------------------------------------- sieve 4

#[test]
fn continuation_quotes_keep_their_speaker() {
    let text = "“The first winter was hard,” Jane Roe said. “The second was worse.”\n\n\
                “But we stayed.”\n\n\
                “And then we left the valley for good.\n\n\
                “We never looked back,” she said.";
    let people = [person(
        text,
        "Jane Roe",
        Some(Gender::Female),
        &["Jane Roe"],
    )];
    let got = summary(text, &people);
    let rules: Vec<_> = got.iter().map(|g| g.2).collect();
    assert!(got.iter().all(|g| g.1 == s("Jane Roe")), "{got:?}");
    assert_eq!(
        rules,
        [
            Some(attribution::ADJACENT),
            Some(attribution::SAME_PARAGRAPH),
            Some(attribution::CONTINUATION),
            Some(attribution::CONTINUATION),
            Some(attribution::PRONOUN),
        ]
    );
}

#[test]
fn a_quote_after_reported_speech_takes_the_reporter() {
    let text = "Tom Hill said the budget was too small.\n\n“We cannot run a school on this.”";
    let people = [person(text, "Tom Hill", None, &["Tom Hill"])];
    assert_eq!(
        summary(text, &people),
        [(
            "We cannot run a school on this.".into(),
            s("Tom Hill"),
            Some(attribution::PRECEDING_SPEECH)
        )]
    );
}

#[test]
fn a_quote_with_no_attribution_at_all_has_no_speaker() {
    let text = "The hall was empty.\n\n“Nobody knows what happened next.”";
    let found = quotes(text, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, QuoteKind::Speech);
    assert_eq!(found[0].speaker, None);
    assert_eq!(found[0].attribution, None);
}

// ---------------------------------------------------------------- sieves 5–6

#[test]
fn a_role_noun_links_to_the_person_holding_the_role() {
    let text =
        "Doug Brown, the mayor of Eastford, opened the bridge.\n\n“It is safe,” the mayor said.";
    let people = [person(text, "Doug Brown", None, &["Doug Brown"])];
    assert_eq!(
        summary(text, &people),
        [(
            "It is safe,".into(),
            s("Doug Brown"),
            Some(attribution::ROLE)
        )]
    );
}

#[test]
fn a_role_no_one_holds_is_reported_as_written() {
    let text = "“We are looking into it,” a spokesperson said.";
    let found = quotes(text, &[]);
    assert_eq!(
        found[0].speaker,
        Some(Speaker {
            name: "a spokesperson".into(),
            entity: None
        })
    );
    assert_eq!(
        found[0].attribution.as_ref().map(|a| a.rule),
        Some(attribution::ROLE)
    );
}

#[test]
fn organisations_speak_through_their_noun_or_it() {
    let text = "The Ministry of Health published figures.\n\n\
                “Wait times fell,” the ministry said in a statement.\n\n\
                “More nurses were hired,” it said.";
    let org = organisation(text, "Ministry of Health");
    let got = summary(text, &[org]);
    assert_eq!(got[0].1, s("Ministry of Health"));
    assert_eq!(got[0].2, Some(attribution::ORGANISATION));
    assert_eq!(got[1].1, s("Ministry of Health"));
}

#[test]
fn it_said_means_the_organisation_that_reported_speech_not_one_in_a_quote() {
    let text = "Northgrid Power said in a statement that crews were out. Acme Motors \
                sold cars.\n\n\
                “Roads near Acme Motors are closed,” it said.";
    let grid = organisation(text, "Northgrid Power");
    let cars = organisation(text, "Acme Motors");
    let got = summary(text, &[grid, cars]);
    assert_eq!(got[0].1, s("Northgrid Power"));
}

#[test]
fn it_said_takes_the_nearest_organisation_when_none_reported_speech() {
    let text = "Northgrid Power hired crews. Acme Motors sold cars.\n\n\
                “Sales rose,” it said.";
    let grid = organisation(text, "Northgrid Power");
    let cars = organisation(text, "Acme Motors");
    let got = summary(text, &[grid, cars]);
    assert_eq!(got[0].1, s("Acme Motors"));
}

#[test]
fn an_acronym_speaker_is_named_by_its_spelled_out_organisation() {
    let text = "The Northern Energy Board (NEB) met on Monday.\n\n\
                “Prices will rise,” the NEB said.";
    let full = organisation(text, "Northern Energy Board");
    let short = entity(text, "NEB", EntityKind::Organization, None, &["NEB"]);
    let got = summary(text, &[full, short]);
    assert_eq!(got[0].1, s("Northern Energy Board"));
    let other = entity(text, "NEB", EntityKind::Organization, None, &["NEB"]);
    assert_eq!(summary(text, &[other])[0].1, s("NEB"));
}

// ---------------------------------------------------------------- kinds

#[test]
fn short_uncued_phrases_are_scare_quotes_but_cued_ones_are_speech() {
    let text =
        "The so-called “experts” disagreed. Jane Roe said the staff were “very committed” to it.";
    let people = [person(text, "Jane Roe", None, &["Jane Roe"])];
    let found = quotes(text, &people);
    assert_eq!(found[0].kind, QuoteKind::ScareQuote);
    assert_eq!(found[0].speaker, None);
    assert_eq!(found[1].kind, QuoteKind::Speech);
    assert_eq!(
        found[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Jane Roe")
    );
}

#[test]
fn titles_of_works_are_not_speech() {
    let text = "She watched “The Long Night Ahead” twice last week.";
    let found = quotes(text, &[]);
    assert_eq!(found[0].kind, QuoteKind::Title);
    assert_eq!(found[0].speaker, None);
}

#[test]
fn single_quotes_in_a_headline_are_scare_quotes() {
    let text = "Minister Denies ‘Foreign Plot’ Claims\n\nThe minister spoke.";
    let found = quotes(text, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text(text), "Foreign Plot");
    assert_eq!(found[0].kind, QuoteKind::ScareQuote);
}

#[test]
fn apostrophes_make_no_quotes() {
    let text = "It’s the ’90s again at Lonechild’s shop, and the Joneses’ dog barks.";
    assert!(quotes(text, &[]).is_empty());
}

#[test]
fn quote_contains_and_text_cover_the_words() {
    let text = "“Yes,” she said.";
    let found = quotes(text, &[]);
    assert_eq!(found[0].span, Span::new(0, "“Yes,”".len()));
    assert!(found[0].contains(3));
    assert!(!found[0].contains(text.len() - 1));
}

#[test]
fn huge_unbalanced_input_is_handled_quickly() {
    let text = "“Open ".repeat(20_000) + &"he said, “x” ".repeat(20_000);
    let start = std::time::Instant::now();
    let _ = quotes(&text, &[]);
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn a_coordinated_verb_takes_the_clauses_subject() {
    let text = "In a long letter, the Harbour Trust thanked donors and said it was “deeply grateful for years of support.”";
    let org = organisation(text, "Harbour Trust");
    let got = summary(text, &[org]);
    assert_eq!(got[0].1, s("Harbour Trust"));
}

#[test]
fn an_earlier_quote_does_not_hide_the_sentences_cue() {
    let text =
        "Jane Roe called the plan “bold” and said it rested on “one shaky guess about costs.”";
    let people = [person(text, "Jane Roe", None, &["Jane Roe"])];
    let got = summary(text, &people);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|g| g.1 == s("Jane Roe")), "{got:?}");
}

#[test]
fn a_title_case_name_after_a_possessive_is_a_title() {
    let text = "Tom Hill said on the network’s “Face The Week.” He left early.";
    let found = quotes(text, &[person(text, "Tom Hill", None, &["Tom Hill"])]);
    assert_eq!(found[0].kind, QuoteKind::Title);
    assert_eq!(found[0].speaker, None);
}

#[test]
fn one_word_terms_need_a_cue_of_their_own() {
    let text =
        "Results are “very encouraging,” says manager Ana Silva, who runs the “Move” project.";
    let people = [person(
        text,
        "Ana Silva",
        Some(Gender::Female),
        &["Ana Silva"],
    )];
    let found = quotes(text, &people);
    assert_eq!(found[0].kind, QuoteKind::Speech);
    assert_eq!(
        found[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ana Silva")
    );
    assert_eq!(found[1].kind, QuoteKind::ScareQuote);
}

proptest::proptest! {
    #[test]
    fn any_text_gives_quotes_on_char_boundaries(
        text in "[a-zA-Z \\n.,:;’‘“”\"'«»—é🙂字]{0,200}"
    ) {
        for q in quotes(&text, &[]) {
            proptest::prop_assert!(text.is_char_boundary(q.span.start));
            proptest::prop_assert!(text.is_char_boundary(q.span.end));
            for p in &q.parts {
                proptest::prop_assert!(q.span.covers(*p));
                proptest::prop_assert!(text.get(p.start..p.end).is_some());
            }
            if let Some(a) = &q.attribution {
                proptest::prop_assert!(text.get(a.cue.start..a.cue.end).is_some());
            }
        }
    }
}

#[test]
fn a_new_subject_between_quotes_takes_the_floor() {
    let text = "“It needed more time,” says Tom Hill. Jane Roe did not need much persuading. \
                “I am grateful for the chance to try again.”";
    let people = [
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
        person(text, "Jane Roe", Some(Gender::Female), &["Jane Roe"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Tom Hill"));
    assert_eq!(got[1].1, s("Jane Roe"));
    assert_eq!(got[1].2, Some(attribution::SAME_PARAGRAPH));
}

// ---------------------------------------------------------------- cache

/// Each version's quotes found through one cache kept across the versions
/// equal the quotes found afresh.
fn assert_cached_equals_fresh(versions: &[(&str, Vec<Entity>)]) {
    let mut cache = Cache::default();
    for (text, entities) in versions {
        let seg = segment(text);
        let cached = find_with(&mut cache, text, &seg, entities, &[]);
        cache.sweep();
        assert_eq!(cached, find(text, &seg, entities, &[]), "{text}");
    }
}

#[test]
fn an_edit_before_a_quote_reaches_its_cached_speaker() {
    let v1 =
        "Doug Brown, the mayor of Eastford, opened the bridge.\n\n“It is safe,” the mayor said.";
    let v2 = "Doug Brown, the engineer, opened the bridge.\n\n“It is safe,” the mayor said.";
    let v3 =
        "Doug Brown opened the bridge. Ann Lee, the mayor, came.\n\n“It is safe,” the mayor said.";
    let brown = |t: &str| person(t, "Doug Brown", Some(Gender::Male), &["Doug Brown"]);
    let lee = |t: &str| person(t, "Ann Lee", Some(Gender::Female), &["Ann Lee"]);
    assert_eq!(summary(v1, &[brown(v1)])[0].1, s("Doug Brown"));
    assert_eq!(summary(v3, &[brown(v3), lee(v3)])[0].1, s("Ann Lee"));
    assert_cached_equals_fresh(&[
        (v1, vec![brown(v1)]),
        (v2, vec![brown(v2)]),
        (v3, vec![brown(v3), lee(v3)]),
        (v1, vec![brown(v1)]),
    ]);
}

#[test]
fn the_same_words_with_other_entities_are_read_again() {
    let text = "Sam Kerr spoke first.\n\n“We will build it,” she said. “Soon.”";
    let kerr = person(text, "Sam Kerr", Some(Gender::Female), &["Sam Kerr"]);
    let as_place = entity(text, "Sam Kerr", EntityKind::Place, None, &["Sam Kerr"]);
    assert_eq!(
        summary(text, std::slice::from_ref(&kerr))[0].1,
        s("Sam Kerr")
    );
    assert_eq!(summary(text, std::slice::from_ref(&as_place))[0].1, None);
    assert_cached_equals_fresh(&[
        (text, vec![kerr.clone()]),
        (text, vec![as_place]),
        (text, vec![]),
        (text, vec![kerr]),
    ]);
}

#[test]
fn a_quote_continued_over_paragraphs_keeps_its_group_when_cached() {
    let v1 = "“First we fixed the deck.\n\n“Then the rails,” Ann Lee said.\n\nNo quote here.";
    let v2 = "“First we fixed the deck.\n\nThen the rails, Ann Lee said.\n\nNo quote here.";
    let lee = |t: &str| person(t, "Ann Lee", Some(Gender::Female), &["Ann Lee"]);
    let groups: Vec<usize> = quotes(v1, &[lee(v1)]).iter().map(|q| q.group).collect();
    assert_eq!(groups, [0, 0]);
    assert_cached_equals_fresh(&[
        (v1, vec![lee(v1)]),
        (v2, vec![lee(v2)]),
        (v1, vec![lee(v1)]),
    ]);
}

#[test]
fn a_cached_reporter_follows_the_entities_of_its_paragraph() {
    let v1 = "Ann Lee said the plan failed.\n\n“It was doomed from the start.”";
    let v2 = "Ann Lee said the plan failed again.\n\n“It was doomed from the start.”";
    let lee = |t: &str| person(t, "Ann Lee", Some(Gender::Female), &["Ann Lee"]);
    let lee_org = entity(v1, "Ann Lee", EntityKind::Organization, None, &["Ann Lee"]);
    assert_eq!(
        summary(v1, &[lee(v1)]),
        [(
            "It was doomed from the start.".into(),
            s("Ann Lee"),
            Some(attribution::PRECEDING_SPEECH)
        )]
    );
    assert_cached_equals_fresh(&[
        (v1, vec![lee(v1)]),
        (v1, vec![lee_org]),
        (v2, vec![lee(v2)]),
        (v1, vec![]),
        (v1, vec![lee(v1)]),
    ]);
}
