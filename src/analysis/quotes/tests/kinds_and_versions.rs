//! Tests of quote kinds (scare quotes, titles) and of readings kept
//! between versions.

use super::*;

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

/// (words, kind, speaker) of each quote of `headline` above a paragraph
/// that names Mayor Ana Varlow.
fn under_headline(headline: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let text = format!("{headline}\n\nMayor Ana Varlow spoke on Monday.");
    let people = [person(
        &text,
        "Ana Varlow",
        Some(Gender::Female),
        &["Ana Varlow", "Varlow"],
    )];
    quotes(&text, &people)
        .iter()
        .map(|q| {
            (
                q.text(&text),
                q.kind,
                q.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

#[test]
fn a_headline_label_gives_the_quotes_after_it_to_that_person() {
    // US headlines attribute with "Name:"; the quote may stand anywhere
    // after the colon, and on a Title Case line its capitals are no title
    assert_eq!(
        under_headline("Varlow: Council’s ‘Reckless Spending’ Hurts Town."),
        [(
            "Reckless Spending".into(),
            QuoteKind::Speech,
            s("Ana Varlow")
        )]
    );
    // a label that names no person attributes nothing: the short phrase
    // stays a scare quote
    assert_eq!(
        under_headline("Report: Council’s ‘Reckless Spending’ Hurts Town."),
        [("Reckless Spending".into(), QuoteKind::ScareQuote, None)]
    );
    // and a colon past the label's first words is no label
    assert_eq!(
        under_headline("Mayor Of The Old Town Ana Varlow: Council’s ‘Reckless Spending’ Hurts."),
        [("Reckless Spending".into(), QuoteKind::ScareQuote, None)]
    );
}

#[test]
fn title_case_in_a_sentence_case_line_is_still_a_title() {
    let text = "She said the show “The Long Night Ahead” ran twice.\n\n\
                Ana Varlow Reviews ‘The Long Night Ahead’ Again";
    let found = quotes(text, &[]);
    assert_eq!(found[0].kind, QuoteKind::Title);
    // on the Title Case line, the phrase's capitals tell nothing: uncued, it
    // is a scare quote, not a title
    assert_eq!(found[1].kind, QuoteKind::ScareQuote);
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
    let mut driver = Driver::default();
    for (text, entities) in versions {
        let model = driver.model(text);
        let kept = find(&mut driver, text, &model, entities, &[]);
        driver.finish();
        assert_eq!(kept, find_fresh(text, entities, &[]), "{text}");
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

#[test]
fn one_word_quotes_in_a_list_share_the_cue_of_the_first() {
    let text = "Jane Roe wrote on Monday that the mayor is a “loser,” a “liar” and a “whiner.”";
    let people = [person(text, "Jane Roe", None, &["Jane Roe"])];
    let found = quotes(text, &people);
    let kinds: Vec<QuoteKind> = found.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QuoteKind::Speech; 3], "{found:?}");
}
