//! Attribution through the whole pipeline.

use crate::analysis::{Config, analyze};

/// (quoted words, speaker) of every speech quote, whole pipeline.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    analyze(text, &Config::default())
        .quotes
        .iter()
        .filter(|q| q.is_speech())
        .map(|q| (q.text(text), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect()
}

#[test]
fn a_relative_clause_stops_an_earlier_verb_from_cueing_a_phrase() {
    let text = "Norvale posted a clip in which a bus takes “winter laps” on ice.";
    assert_eq!(speakers(text), []);
    let text = "Mayor Ada Quist posted that the plan was “a winter lap” on ice.";
    assert_eq!(
        speakers(text),
        [("a winter lap".to_string(), Some("Ada Quist".to_string()))]
    );
}

/// A quoted woman, then paragraphs about men only, then "she says".
fn long_gap(first_quote: &str) -> String {
    let filler = "Omar Brenn fixed the roof. He said it took a week.\n\n".repeat(6);
    format!(
        "Lena Quist runs the farm. {first_quote}\n\n{filler}             “We kept going anyway,” she says."
    )
}

#[test]
fn she_far_from_any_woman_is_the_last_woman_quoted() {
    let text = long_gap("“The winters are long,” Quist said.");
    let last = speakers(&text).pop();
    assert_eq!(
        last,
        Some((
            "We kept going anyway,".to_string(),
            Some("Lena Quist".to_string())
        ))
    );
    // a woman named long ago but never quoted is too far back
    let text = long_gap("The winters are long.");
    let last = speakers(&text).pop();
    assert_eq!(last, Some(("We kept going anyway,".to_string(), None)));
}

#[test]
fn a_title_inside_a_quote_tells_who_holds_the_role() {
    let text = "Talvik Dane, a former lawyer, won the vote.\n\n\
                “Mayor Dane's plan is wrong,” Ana Roe said.\n\n\
                Omar Brenn agreed with the critics.\n\n\
                “We will build it anyway,” the mayor told reporters.";
    assert_eq!(
        speakers(text).pop(),
        Some((
            "We will build it anyway,".to_string(),
            Some("Talvik Dane".to_string())
        ))
    );
}

#[test]
fn he_or_she_skips_a_genderless_name_with_nothing_personal_about_it() {
    let text = "Kiri Tamsin said the farm was failing.\n\n\
                The loan came through Talvik Morrane in 2019.\n\n\
                “We nearly lost it all,” she said.";
    assert_eq!(
        speakers(text).pop(),
        Some((
            "We nearly lost it all,".to_string(),
            Some("Kiri Tamsin".to_string())
        ))
    );
}

#[test]
fn a_name_with_a_lower_case_article_prefix_speaks() {
    let text = "The aid group al-Hamra said it planned the raid.\n\n\
                In its statement, al-Hamra said: “This raid was our answer to the ban.”";
    assert_eq!(
        speakers(text),
        [(
            "This raid was our answer to the ban.".to_string(),
            Some("al-Hamra".to_string())
        )]
    );
}

/// (sentence, speaker, verb, inverted) of every bare cue, as text.
fn bare_cues(text: &str) -> Vec<(&str, &str, &str, bool)> {
    crate::analysis::quotes::read_fresh(text, &[], &[])
        .cues
        .iter()
        .map(|c| {
            (
                c.sentence.text(text).trim_end(),
                c.speaker.text(text),
                c.verb.text(text),
                c.inverted,
            )
        })
        .collect()
}

#[test]
fn sentences_without_quotes_have_bare_cues() {
    let text = "Rep. Joan Marsh (D-Ore.), who chairs the panel, said. \
                “We wait,” she said.\n\n\
                Said Ann Lee, a former mayor. Prices rose. In the memo, the author wrote.";
    assert_eq!(
        bare_cues(text),
        [
            (
                "Rep. Joan Marsh (D-Ore.), who chairs the panel, said.",
                "Rep. Joan Marsh",
                "said",
                false
            ),
            ("Said Ann Lee, a former mayor.", "Ann Lee", "Said", true),
            (
                "In the memo, the author wrote.",
                "the author",
                "wrote",
                false
            ),
        ]
    );
}

#[test]
fn a_description_of_any_noun_before_a_cue_verb_is_the_speaker() {
    // no word of these subjects is a name or a role noun of the lexicon
    for (text, quote, speaker) in [
        (
            "“The plan works and we keep it,” the campaign said.",
            "The plan works and we keep it,",
            "the campaign",
        ),
        (
            "“The plan works and we keep it,” one former executive said.",
            "The plan works and we keep it,",
            "one former executive",
        ),
        (
            "Another commenter wrote, “The plan works and we keep it.”",
            "The plan works and we keep it.",
            "Another commenter",
        ),
        // a prepositional phrase after the head is cut off
        (
            "A spokesman for the buyer said there was “a plan for the dock.”",
            "a plan for the dock.",
            "A spokesman",
        ),
        (
            "“The plan works and we keep it,” one veteran of the ferry service said.",
            "The plan works and we keep it,",
            "one veteran",
        ),
    ] {
        let want = [(quote.to_string(), Some(speaker.to_string()))];
        assert_eq!(speakers(text), want, "{text}");
    }
    // the object of a preposition and a participle are not the subject
    for (text, not) in [
        (
            "“The plan works and we keep it,” one veteran of the government said.",
            "the government",
        ),
        (
            "“The plan works and we keep it,” a memo obtained said.",
            "a memo obtained",
        ),
    ] {
        let got = speakers(text);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() != Some(not)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_name_that_modifies_a_noun_does_not_head_the_apposition() {
    let text = "Lena Quist, a Brenn ally, called the ferry plan “strong.”";
    assert_eq!(
        speakers(text),
        [("strong.".to_string(), Some("Lena Quist".to_string()))]
    );
}

#[test]
fn a_closing_cue_may_sit_before_an_apposition_at_the_end_of_the_sentence() {
    let text = "The promise to “fix the ferry” appeals to commuters who wait an hour, \
                said Ana Roe, a planner at Eastford College.";
    assert_eq!(
        speakers(text),
        [("fix the ferry".to_string(), Some("Ana Roe".to_string()))]
    );
}

#[test]
fn a_name_after_a_verb_speaks_only_when_punctuation_ends_it() {
    // "thinks Omar Brenn “needs ...”": Brenn is the quoted clause's subject
    let text = "“People are angry about the ferry,” said Jo Marsh, who thinks Omar Brenn \
                “needs to listen to the riders.”";
    let got = speakers(text);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() != Some("Omar Brenn")),
        "{got:?}"
    );
    let text = "Talvik Dane was blunt. Then said Omar Brenn: “The ferry is late.”";
    assert_eq!(
        speakers(text).pop(),
        Some((
            "The ferry is late.".to_string(),
            Some("Omar Brenn".to_string())
        ))
    );
}

#[test]
fn a_participles_speaker_is_the_first_of_its_clause_pronoun_or_name() {
    let text = "Mark Dane spoke first.\n\n\
                Then he turned on Omar Brenn, calling the ferry plan “a stiff idea.”";
    assert_eq!(
        speakers(text),
        [("a stiff idea.".to_string(), Some("Mark Dane".to_string()))]
    );
}

#[test]
fn a_judging_speech_act_frames_a_partial_quote() {
    let text = "Mayor Ana Roe blasted the ferry plan as “a waste of money.”";
    assert_eq!(
        speakers(text),
        [("a waste of money.".to_string(), Some("Ana Roe".to_string()))]
    );
}

#[test]
fn a_name_after_a_preposition_in_an_apposition_does_not_head_it() {
    let text = "Brian Fell, a spokesman for Mayor Ana Roe, said the remark was “a new low.”";
    assert_eq!(
        speakers(text),
        [("a new low.".to_string(), Some("Brian Fell".to_string()))]
    );
    // nor does the possessor inside a participle's clause
    let text = "Patricia Smith, delivering Richard Cross’ speech, asked \
                “why should we give her the ferry contract?”";
    assert_eq!(
        speakers(text),
        [(
            "why should we give her the ferry contract?".to_string(),
            Some("Patricia Smith".to_string())
        )]
    );
}

#[test]
fn an_opening_subordinate_clause_is_skipped_to_find_the_subject() {
    let text = "When Omar Brenn suggested the dock would close, Ana Roe fired back: \
                “If they close it, they will lose the vote.”";
    assert_eq!(
        speakers(text),
        [(
            "If they close it, they will lose the vote.".to_string(),
            Some("Ana Roe".to_string())
        )]
    );
}

#[test]
fn a_person_after_of_in_the_cue_is_where_the_speaker_is_from() {
    // "Cheyenne" is a given name too, and is read as a person here; after
    // "of" it modifies the name before it.
    let text = "Voters weigh a familiar name\n\n\
                Some voters liked her family ties.\n\n\
                “I think she should have stayed in Ohio,” said Jason Gilbert of Cheyenne.\n\n\
                “She knows the state,” said Patricia Moran of Cheyenne.";
    assert_eq!(
        speakers(text),
        [
            (
                "I think she should have stayed in Ohio,".to_string(),
                Some("Jason Gilbert".to_string())
            ),
            (
                "She knows the state,".to_string(),
                Some("Patricia Moran".to_string())
            ),
        ]
    );
}

#[test]
fn a_title_with_its_own_of_belongs_to_the_name_after_it() {
    let text = "Vote drive\n\nThe city opened polls.\n\n\
                Former Secretary of State Helen Marsh urged voters to turn out, \
                saying, “Every vote matters.”";
    assert_eq!(
        speakers(text),
        [(
            "Every vote matters.".to_string(),
            Some("Helen Marsh".to_string())
        )]
    );
    // After a preposition, the title and its "of" do not make the name the
    // head: the spokesman speaks.
    let text = "Vote drive\n\nThe city opened polls.\n\n\
                “Every vote matters,” said a spokesman for Secretary of State Helen Marsh.";
    assert_eq!(
        speakers(text),
        [(
            "Every vote matters,".to_string(),
            Some("a spokesman".to_string())
        )]
    );
}

#[test]
fn a_participle_opening_the_sentence_is_no_name() {
    let text = "Rally\n\nHillary Clinton spoke in Iowa on Monday.\n\n\
                Reprising one of her own favorite lines, the former secretary of state \
                talked about continuing the “progress we had under President Obama” and more.";
    assert_eq!(
        speakers(text),
        [(
            "progress we had under President Obama".to_string(),
            Some("Hillary Clinton".to_string())
        )]
    );
    // a name in "-ing" still names someone
    let text = "Rally\n\nThe crowd waited.\n\n\
                Manning said the plan was “a disaster,” and left.";
    assert_eq!(
        speakers(text),
        [("a disaster,".to_string(), Some("Manning".to_string()))]
    );
}

#[test]
fn a_cue_word_after_a_demonym_adjective_is_a_noun() {
    // "states" after "many Asian" is the noun; the speaker follows.
    let text = "Tug of war\n\nChina and Russia signed a deal.\n\n\
                The deal has provoked mixed feelings in many Asian states, and Beijing has \
                used “velvet gloves” in its dealings with the region, said Nargis Kassenova, \
                an expert at the university.";
    assert_eq!(
        speakers(text),
        [(
            "velvet gloves".to_string(),
            Some("Nargis Kassenova".to_string())
        )]
    );
    // "the Texan says": a singular demonym can be the subject of "says".
    let text = "Ranch talk\n\nThe herd came in late.\n\n\
                “We lost two calves,” the Texan says.";
    assert_eq!(
        speakers(text),
        [("We lost two calves,".to_string(), Some("Texan".to_string()))]
    );
}

#[test]
fn a_party_word_before_a_noun_names_no_speaker() {
    let text = "Town hall\n\nThe crowd waited in Hudson.\n\n\
                Buddy Vale praised the governor’s record in a heavily Democratic state.\n\n\
                “We need someone who can bring people together.”";
    assert_eq!(
        speakers(text),
        [(
            "We need someone who can bring people together.".to_string(),
            Some("Buddy Vale".to_string())
        )]
    );
}

#[test]
fn a_party_designation_after_a_name_leaves_the_name_heading_the_phrase() {
    // AP style writes a member's party and state after the name, in
    // parentheses or between commas; a role may follow.
    let cases = [
        "Rep. Joan Marsh (D-Ore.), chair of the panel, said it was “a disgrace to the process.”",
        "Rep. Joan Marsh, D-Ore., chair of the panel, said it was “a disgrace to the process.”",
        "Sen. Joan Marsh, R-Texas, said it was “a disgrace to the process.”",
        "Rep. Joan Marsh, D-Ohio, chair of the panel, said it was “a disgrace to the process.”",
        "Rep. Joan Marsh (D-Md.), chair of the panel, said that it was “a disgrace to the process.”",
    ];
    for text in cases {
        assert_eq!(
            speakers(text),
            [(
                "a disgrace to the process.".to_string(),
                Some("Joan Marsh".to_string())
            )],
            "{text}"
        );
    }
    // the role in apposition is the named member's, though another person
    // of the story holds a role of that name
    let text = "Party chair Ada Quist said the rules were “fair to all.”\n\n\
                Rep. Joan Marsh (D-Md.), chair of the panel, said that it was “an open process.”";
    assert_eq!(
        speakers(text).pop(),
        Some((
            "an open process.".to_string(),
            Some("Joan Marsh".to_string())
        ))
    );
    // a role alone between commas still heads its phrase
    let text = "The chair of the panel, a former judge, said it was “a disgrace to the process.”";
    assert_eq!(
        speakers(text),
        [(
            "a disgrace to the process.".to_string(),
            Some("The chair".to_string())
        )]
    );
}

#[test]
fn it_before_a_coordinated_cue_is_no_speaker() {
    // "said it was too early ... but added": the dummy "it" is nearer the
    // second verb than its subject
    let text = "The Harbour Party said it had won most seats.\n\n\
                Appearing before supporters at Harbour Party headquarters, Quist, 70, said it \
                was too early to celebrate but added, “I think you all know the results.”";
    assert_eq!(
        speakers(text),
        [(
            "I think you all know the results.".to_string(),
            Some("Quist".to_string())
        )]
    );
    // a pronoun that is the subject still speaks
    let text = "Ana Roe left early.\n\n\
                She picked up the phone and added, “I think you all know the results.”";
    assert_eq!(
        speakers(text),
        [(
            "I think you all know the results.".to_string(),
            Some("Ana Roe".to_string())
        )]
    );
}
