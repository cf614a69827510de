//! Tests of `fragment/spliced`.

use super::super::FragmentKind::Spliced;
use super::super::test_support::{all, found};
use super::super::{Para, detect, detect_fresh};
use super::vocabulary::{local, stem};
use super::*;
use crate::analysis::driver::Driver;

const ARTICLE: &str = "Council approves harbour bridge budget.\n\n\
    The city council approved the harbour bridge budget on Tuesday after a long debate.\n\n\
    Councillors said the bridge budget would cover repairs to the harbour crossing.\n\n\
    The mayor praised the council for passing the bridge repairs quickly.";

#[test]
fn an_unrelated_sentence_is_reported_as_information() {
    let text = format!(
        "{ARTICLE} Scientists found a new species of octopus living near volcanic vents.\n\n\
         Repairs to the harbour bridge start in spring."
    );
    let fragments: Vec<Fragment> = all(&text)
        .into_iter()
        .filter(|f| f.kind == Spliced)
        .collect();
    assert_eq!(fragments.len(), 1);
    assert_eq!(
        fragments[0].span.text(&text),
        "Scientists found a new species of octopus living near volcanic vents."
    );
    assert_eq!(fragments[0].severity, Severity::Information);
    assert!(fragments[0].message.contains("shares no content words"));
}

#[test]
fn sentences_on_topic_or_tied_by_a_pronoun_stand() {
    let text = format!(
        "{ARTICLE}\n\nShe also thanked engineers, residents and ferry operators for waiting.\n\n\
         We’re told engineers, divers and ferry crews will inspect pylons.\n\n\
         Why?\n\n“Volcanic octopus species thrive near undersea vents,” a scientist said."
    );
    assert_eq!(found(&text, Spliced), []);
}

#[test]
fn a_negated_sentence_is_tied_to_what_it_denies() {
    let text =
        format!("{ARTICLE} Scientists did not find a new species of octopus near volcanic vents.");
    assert_eq!(found(&text, Spliced), []);
    let text = format!("{ARTICLE} Scientists found a new species of octopus near volcanic vents.");
    assert_eq!(found(&text, Spliced).len(), 1);
}

#[test]
fn stems_meet_across_inflections() {
    assert_eq!(stem("campaigning"), stem("campaigns"));
    assert_eq!(stem("councillors"), "counci");
    assert_eq!(stem("ice"), "ice");
    assert_eq!(stem("élégances"), "élégan");
}

/// The settled keys of the paragraph's first sentence, as (text, name),
/// and its doubtful first word as (bare, stem).
type Keys = (Vec<(String, bool)>, Option<(String, String)>);

fn keys_of(body: &str) -> Keys {
    let model = Driver::default().model(body);
    let local = local(&Para::of(&model.paragraphs[0]));
    assert_eq!(local.sentences.len(), 1);
    let text = |entry: u32| local.vocabulary[entry as usize].text.to_string();
    let sentence = &local.sentences[0];
    let keys = local.keys[sentence.keys.clone()]
        .iter()
        .map(|k| (text(k.entry), k.name))
        .collect();
    (keys, sentence.doubtful.map(|(b, s)| (text(b), text(s))))
}

#[test]
fn a_paragraph_keeps_stems_names_and_its_doubtful_first_word() {
    let (keys, doubtful) =
        keys_of("Bridges of the mayor’s Akron office were 4,060 feet from Akron.");
    let expected = [
        ("mayor", false),
        ("akron", true),
        ("offic", false),
        ("feet", false),
    ];
    assert_eq!(keys, expected.map(|(t, n)| (t.to_string(), n)).to_vec());
    assert_eq!(doubtful, Some(("bridges".into(), "bridg".into())));
    let (keys, doubtful) = keys_of("On Tuesday the akron office met in Akron.");
    let expected = [
        ("tuesda", false),
        ("akron", true),
        ("offic", false),
        ("met", false),
    ];
    assert_eq!(keys, expected.map(|(t, n)| (t.to_string(), n)).to_vec());
    assert_eq!(doubtful, None);
}

/// The fragments of `text` found with `driver` kept from earlier calls,
/// checked against a fresh run.
fn detect_reusing(driver: &mut Driver, text: &str) -> Vec<Fragment> {
    let model = driver.model(text);
    let cues = crate::analysis::quotes::read_fresh(text, &[], &[]).cues;
    let found = detect(driver, text, &model, &[], &cues, &[]);
    driver.finish();
    assert_eq!(found, detect_fresh(text, &[], &cues, &[]));
    found
}

#[test]
fn an_edit_elsewhere_changes_whether_a_sentence_stands() {
    let spliced = "Scientists found a new species of octopus living near volcanic vents.";
    let shares = "Divers filmed the octopus species near the bridge vents.";
    let before = format!("{ARTICLE} {spliced}\n\nRepairs start in spring.");
    let after = format!("{ARTICLE} {spliced}\n\n{shares}");
    let mut driver = Driver::default();
    let mut run = |text: &str| {
        detect_reusing(&mut driver, text)
            .into_iter()
            .filter(|f| f.kind == Spliced)
            .map(|f| f.span.text(text).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(&before), [spliced]);
    assert_eq!(run(&after), Vec::<String>::new());
    assert_eq!(run(&before), [spliced]);
}

#[test]
fn a_capitalised_first_word_is_a_name_unless_the_article_writes_it_in_lower_case() {
    let sentence = "Ferries carried tourists across choppy northern seas toward distant islands.";
    let article = |other: &str| format!("{ARTICLE} {sentence}\n\n{other}");
    // Written in lower case elsewhere, "Ferries" is one weak shared word.
    let common = article("Councillors said the ferries would need repairs.");
    // Written only capitalised, it is a name: a strong shared word.
    let name = article("Councillors said Harbour Ferries would need repairs.");
    let mut driver = Driver::default();
    let mut run = |text: &str| {
        detect_reusing(&mut driver, text)
            .into_iter()
            .filter(|f| f.kind == Spliced)
            .map(|f| (f.span.text(text).to_string(), f.message))
            .collect::<Vec<_>>()
    };
    let reported = run(&common);
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0].0, sentence);
    assert!(reported[0].1.contains("shares only one word (“ferr…”)"));
    assert_eq!(run(&name), []);
    assert_eq!(run(&common).len(), 1);
}

#[test]
fn such_as_introduces_examples_and_ties_nothing() {
    let text = format!(
        "{ARTICLE} Diverse countries such as France, Spain and Switzerland have banned octopus trawling."
    );
    assert_eq!(
        found(&text, Spliced),
        [(
            6,
            "Diverse countries such as France, Spain and Switzerland have banned octopus trawling."
                .to_string()
        )]
    );
    // "such" on its own refers back to something the article said.
    let text = format!("{ARTICLE} Diverse countries in Europe have banned such octopus trawling.");
    assert_eq!(found(&text, Spliced), []);
}

#[test]
fn a_list_item_is_tied_to_the_line_that_introduces_it() {
    let text = format!(
        "{ARTICLE}\n\nThe mayor listed her other plans:\n\n\
         — Scientists found a new species of octopus living near volcanic vents."
    );
    assert_eq!(found(&text, Spliced), []);
    let text = format!(
        "{ARTICLE}\n\nScientists found a new species of octopus living near volcanic vents."
    );
    assert_eq!(found(&text, Spliced).len(), 1);
}

/// An article about one mayor, then a sentence about her on a topic and in
/// a place of its own.
const MAYOR: &str = "Mayor Ana Ortiz opens new library.\n\n\
    Mayor Ana Ortiz opened the new central library on Tuesday, after three years of building work.\n\n\
    The library holds 200,000 books and a reading room for children, and it stays open late.\n\n\
    Ortiz said the building work finished on budget and that readers had waited long enough.\n\n\
    Librarians will run reading classes for children every weekend.";

#[test]
fn a_sentence_sharing_only_names_and_set_elsewhere_is_reported() {
    let off_topic = "Ortiz urged governments on Sunday to show restraint over fishing \
                     quotas and to avoid measures that might inflame disputes with Oslo.";
    let text = format!("{MAYOR}\n\n{off_topic}\n\nReaders praised the library.");
    let fragments: Vec<Fragment> = all(&text)
        .into_iter()
        .filter(|f| f.kind == Spliced)
        .collect();
    assert_eq!(fragments.len(), 1, "{fragments:?}");
    assert_eq!(fragments[0].span.text(&text), off_topic);
    assert!(fragments[0].message.contains("shares only names"));
    assert_eq!(fragments[0].severity, Severity::Information);
}

#[test]
fn sharing_only_names_is_not_enough_without_a_place_of_its_own() {
    // no place: background on the same person is copy
    let text = format!(
        "{MAYOR}\n\nOrtiz urged governments on Sunday to show restraint over fishing \
         quotas and to avoid measures that might inflame disputes."
    );
    assert_eq!(found(&text, Spliced), []);
    // the place opens a longer name (an institution, not a setting)
    let text = format!(
        "{MAYOR}\n\nOrtiz urged governments on Sunday to show restraint over fishing \
         quotas and to avoid measures that might inflame disputes at Oslo University."
    );
    assert_eq!(found(&text, Spliced), []);
    // background on the person: where she grew up is no other story
    let text = format!(
        "{MAYOR}\n\nOrtiz grew up in Oslo, studied engineering and served as a fisheries \
         inspector for a decade before entering politics."
    );
    assert_eq!(found(&text, Spliced), []);
    // one topic word shared with the article ties it
    let text = format!(
        "{MAYOR}\n\nOrtiz urged governments on Sunday to show restraint over fishing \
         quotas and to avoid measures that might inflame readers in Oslo."
    );
    assert_eq!(found(&text, Spliced), []);
}

#[test]
fn a_sentence_taking_up_its_predecessors_word_follows_it() {
    let survey = "A survey of similar pylons found rust in two of every five sampled last winter.";
    let sonar = "Engineers will also test the old pylons with sonar.";
    // right after the sentence whose word it repeats: tied
    let next_to = format!("{ARTICLE}\n\n{sonar}\n\n{survey}");
    assert_eq!(found(&next_to, Spliced), []);
    // the same single shared word two sentences away is no tie
    let apart = format!(
        "{ARTICLE}\n\n{sonar}\n\nThe council will meet again on the bridge budget.\n\n{survey}"
    );
    let reported = found(&apart, Spliced);
    assert_eq!(reported.len(), 1, "{reported:?}");
    // only the sentence before ties: the next one's words do not
    let before = format!("{ARTICLE}\n\n{survey}\n\n{sonar}");
    assert_eq!(found(&before, Spliced).len(), 1);
}

#[test]
fn a_paragraph_under_a_heading_or_taken_up_by_its_next_sentence_stands() {
    let octopus = "Scientists found a new species of octopus living near volcanic vents.";
    // a live blog's entry under its time, a letter under its title
    for heading in ["10:20 a.m.", "Keep the ferries running"] {
        let text = format!("{ARTICLE}\n\n{heading}\n\n{octopus}");
        assert_eq!(found(&text, Spliced), [], "{heading}");
    }
    // an item that its own next sentence takes up: a correction
    let item = format!("{ARTICLE}\n\n{octopus} It was in fact a squid.");
    assert_eq!(found(&item, Spliced), []);
    // alone, or after a sentence of the story, it is reported
    assert_eq!(found(&format!("{ARTICLE}\n\n{octopus}"), Spliced).len(), 1);
    let inside = format!("{ARTICLE} {octopus} It was in fact a squid.");
    assert_eq!(found(&inside, Spliced).len(), 1);
}
