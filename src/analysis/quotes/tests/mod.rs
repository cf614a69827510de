//! Tests of the whole quote pass, one or more per sieve, on sentences
//! written for these tests. Entities are built by hand so that the tests
//! pin down attribution, not the recogniser.

use super::super::driver::Driver;
use super::super::entities::{Entity, EntityKind, Gender, Mention};
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

/// A person entity, with the surname the recogniser gives (the last word
/// of the name).
fn person(text: &str, name: &str, gender: Option<Gender>, forms: &[&str]) -> Entity {
    Entity {
        surname: name.rsplit(' ').next().map(str::to_string),
        ..entity(text, name, EntityKind::Person, gender, forms)
    }
}

/// `entity` with the gender each of its mentions tells (a title before it).
fn titled(mut entity: Entity, gender: Gender) -> Entity {
    for m in &mut entity.mentions {
        m.facts.gender = Some(gender);
    }
    entity
}

fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    find_fresh(text, entities, &[])
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
fn a_possessor_is_neither_a_reporter_nor_a_subject_for_a_pronoun() {
    // "Roe’s remarks": "remarks" is spelled like a reporting verb, but the
    // possessor does not speak in it; the sentence's subject is meant.
    let text = "Sam Roe said on Sunday that the plan would fail.\n\n\
                “It will not work,” he said.\n\n\
                Tom Hill has not yet answered Roe’s remarks.\n\n\
                “The plan stands,” he said on Monday.";
    let people = [
        person(text, "Sam Roe", Some(Gender::Male), &["Sam Roe", "Roe"]),
        person(text, "Tom Hill", Some(Gender::Male), &["Tom Hill"]),
    ];
    let got = summary(text, &people);
    assert_eq!(got[0].1, s("Sam Roe"));
    assert_eq!(got[1].1, s("Tom Hill"));
}

#[test]
fn gender_is_inferred_from_titles_when_the_entity_has_none() {
    let text = "Mr. Lee Park and Mrs. Kay Dunn spoke.\n\n“I was not consulted,” she said.";
    let people = [
        titled(person(text, "Lee Park", None, &["Lee Park"]), Gender::Male),
        titled(
            person(text, "Kay Dunn", None, &["Kay Dunn"]),
            Gender::Female,
        ),
    ];
    assert_eq!(summary(text, &people)[0].1, s("Kay Dunn"));
    // Without what the titles tell, the sentence's subject is meant.
    let people = [
        person(text, "Lee Park", None, &["Lee Park"]),
        person(text, "Kay Dunn", None, &["Kay Dunn"]),
    ];
    assert_eq!(summary(text, &people)[0].1, s("Lee Park"));
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
    // The recogniser links the acronym to what it stands for.
    let short = Entity {
        acronym_of: Some(0),
        ..entity(text, "NEB", EntityKind::Organization, None, &["NEB"])
    };
    let got = summary(text, &[full, short]);
    assert_eq!(got[0].1, s("Northern Energy Board"));
    let other = entity(text, "NEB", EntityKind::Organization, None, &["NEB"]);
    assert_eq!(summary(text, &[other])[0].1, s("NEB"));
}

/// The speaker the whole analysis (entities found by the entity pass, not
/// handed in) names for the first quote of `text`.
fn first_speaker(text: &str) -> Option<String> {
    let found = crate::analysis::analyze(text, &crate::analysis::Config::default()).quotes;
    found.first()?.speaker.as_ref().map(|s| s.name.clone())
}

#[test]
fn a_verb_ends_the_role_words_read_before_a_name() {
    // "spokeswoman said Ana Vell": the spokeswoman is someone else, so the
    // quote is hers as written, not Ana Vell's
    let text = "Tomas Rhee's spokeswoman said Ana Vell had been “treated unfairly” \
                by the board.";
    assert_eq!(
        first_speaker(text).as_deref(),
        Some("Tomas Rhee's spokeswoman")
    );
    // with no verb between, the role before the name is the name's own
    let text = "Board spokeswoman Ana Vell spoke first.\n\n“We were treated unfairly,” \
                the spokeswoman said.";
    assert_eq!(first_speaker(text).as_deref(), Some("Ana Vell"));
}

#[test]
fn a_description_before_a_preposition_heads_the_subject() {
    // not the role noun "members" after "to"
    let text = "Harbour plan\n\nA letter to harbour board members calls the plan “a threat \
                to the town.”";
    assert_eq!(first_speaker(text).as_deref(), Some("A letter"));
    // a role noun before the preposition still heads it
    let text = "Harbour plan\n\nA spokesman for the harbour board said: “We will appeal the \
                ruling.”";
    assert_eq!(first_speaker(text).as_deref(), Some("A spokesman"));
}

#[test]
fn a_description_that_is_no_office_is_not_the_person_in_focus() {
    // "the letter" names no office: it speaks as written
    let text = "Harbour plan\n\nAna Vell spoke in Eastford. The letter says the plan is a \
                “waste of the harbour fund that no one asked for.”";
    assert_eq!(first_speaker(text).as_deref(), Some("The letter"));
    // "the minister" with no named minister is the person in focus
    let text = "Harbour plan\n\nAna Vell spoke in Eastford on Monday. “We will build it \
                this year,” the minister said.";
    assert_eq!(first_speaker(text).as_deref(), Some("Ana Vell"));
}

mod kinds_and_versions;

fn all_speakers(text: &str) -> Vec<Option<String>> {
    let found = crate::analysis::analyze(text, &crate::analysis::Config::default()).quotes;
    found
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect()
}

#[test]
fn pronouns_outvote_a_given_name_but_not_a_title() {
    // "Lindsey" names women more often than men; the article's "his" and
    // "He" say this one is a man, so "He continued" is his
    let text = "Sen. Lindsey Hale called out his rival Tom Baker on Monday.\n\n\
                Hale said, “We lose because we are not listening to voters.”\n\n\
                He continued, “The party must change before the election.”";
    let hale = Some("Lindsey Hale".to_string());
    assert_eq!(all_speakers(text), [hale.clone(), hale]);
    // a title is the article's own word for her: "He" is someone else
    let text = "Mrs. Lindsey Hale called out her rival Tom Baker on Monday.\n\n\
                Baker said, “We lose because we are not listening to voters.”\n\n\
                He continued, “The party must change before the election.”";
    let baker = Some("Tom Baker".to_string());
    assert_eq!(all_speakers(text), [baker.clone(), baker]);
}

#[test]
fn a_pronoun_after_an_introductory_phrase_continues_the_chain() {
    // "he" after "Asked ...," is the subject of that sentence, so the
    // quote's "he said" refers back past Cole to Tomas Rhee
    let text = "Tomas Rhee spoke at the hall.\n\n\
                Mayor Dan Cole said he would meet him soon.\n\n\
                On Monday, Rhee softened his tone. Asked on the radio who leads the council, \
                he said Cole. “I would say Dan for the time being,” he said.";
    assert_eq!(all_speakers(text), [Some("Tomas Rhee".to_string())]);
    // a name after the phrase is the subject: the chain stops there
    let text = "Tomas Rhee spoke at the hall.\n\n\
                Mayor Dan Cole said he would meet him soon.\n\n\
                On Monday, Cole praised Rhee. “I would say it again,” he said.";
    assert_eq!(all_speakers(text), [Some("Dan Cole".to_string())]);
}

#[test]
fn a_signature_under_a_quotation_paragraph_names_its_speaker() {
    let text = "Councillor Tomas Rhee spoke at the hall. Mayor Dan Cole listened.\n\n\
                “The bridge will open in May, and the fares will not rise.”\n\n\
                -Mayor Dan Cole, writing after the vote.\n\n\
                “We waited long enough for this bridge.”\n\n\
                — Ana Vell, Harbourview";
    let speakers = all_speakers(text);
    assert_eq!(
        speakers,
        [Some("Dan Cole".to_string()), Some("Ana Vell".to_string())]
    );
    let text = "Councillor Tomas Rhee spoke at the hall.\n\n\
                “The bridge will open in May,” he said.\n\n\
                — Ana Vell, Harbourview";
    // a cued quote keeps its cue
    assert_eq!(all_speakers(text), [Some("Tomas Rhee".to_string())]);
    // a post's signature is furniture of the embedded post, yet it still
    // names the post's writer, known to the article or not
    let text = "The council voted on Monday.\n\n\
                “We will not raise taxes this year.”\n\n\
                — Ana Vell (@anavell) March 3, 2016";
    assert_eq!(all_speakers(text), [Some("Ana Vell".to_string())]);
    // a dash line that opens with no name is no signature
    let text = "Councillor Tomas Rhee spoke at the hall.\n\n\
                “The bridge will open in May, and the fares will not rise.”\n\n\
                - The vote was held on Monday, said Ana Vell.";
    let speakers = all_speakers(text);
    assert_ne!(speakers, [Some("Ana Vell".to_string())]);
}

#[test]
fn a_party_or_demonym_word_before_a_noun_describes_the_speaker() {
    let text = "Rally Draws Crowd\n\nThe rally was held in Ohio on Monday.\n\n\
                “I was curious to see it,” the Republican nominee said.\n\n\
                “We need someone new,” said a Mexican official.\n\n\
                “Nobody asked us,” the Republicans said.";
    let analysis = crate::analysis::analyze(text, &crate::analysis::Config::default());
    let speakers: Vec<Option<String>> = analysis
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    assert_eq!(
        speakers,
        [
            s("the Republican nominee"),
            s("a Mexican official"),
            s("Republicans")
        ]
    );
}
