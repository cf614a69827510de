//! Tests of the speaker ranking: the model file, scoring, and the
//! candidates of sentences we wrote.

use super::model::{Candidate, Feature, Who};
use super::*;

#[test]
fn weights_parse_names_and_numbers_and_reject_malformed_lines() {
    let w = Weights::parse("# header\nsieve 0.5\n\nbefore_near -1.25 # trailing\n").unwrap();
    assert_eq!(w.get(F::Sieve), 0.5);
    assert_eq!(w.get(F::BeforeNear), -1.25);
    assert_eq!(w.get(F::After), 0.0);
    assert_eq!(
        Weights::parse("sieve 1\nloudness 2").unwrap_err(),
        "line 2: unknown feature `loudness`"
    );
    assert_eq!(
        Weights::parse("sieve").unwrap_err(),
        "line 1: expected `feature weight`"
    );
    assert_eq!(
        Weights::parse("bias 1\nsieve x").unwrap_err(),
        "line 2: `x` is not a number"
    );
}

#[test]
fn the_shipped_model_loads_and_weighs_the_sieves() {
    let source = include_str!("../../../../data/model/speakers.txt");
    let w = Weights::parse(source).expect("data/model/speakers.txt parses");
    assert!(!w.is_empty());
    // the sieves' answer is evidence for a candidate, not against it
    assert!(w.get(F::Sieve) > 0.0);
    // an organisation is less likely the speaker than a person
    assert!(w.get(F::Organization) < w.get(F::Person));
}

#[test]
fn a_candidates_score_is_the_weighted_sum_of_its_features() {
    let w = Weights::parse("sieve 2\nbefore -1").unwrap();
    let mut c = Candidate::new(Who::Entity(0));
    c.set(F::Sieve, 1.0);
    c.set(F::Before, 0.5);
    c.set(F::After, 3.0);
    assert_eq!(c.score(&w), 1.5);
    // a feature set twice keeps the larger value
    c.set(F::Before, 0.25);
    assert_eq!(c.get(F::Before), 0.5);
    let names: Vec<&str> = c.features().map(|(f, _)| f.name()).collect();
    assert_eq!(names, ["bias", "sieve", "before", "after"]);
}

#[test]
fn every_feature_name_reads_back_as_its_feature() {
    for &f in Feature::ALL {
        assert_eq!(Feature::from_name(f.name()), Some(f));
    }
}

/// (quoted words, [(speaker name, candidate)]) of each speech quote.
fn candidates(text: &str) -> Vec<(String, Vec<(String, Candidate)>)> {
    let analysis = crate::analysis::analyze(text, &crate::analysis::Config::default());
    super::super::speaker_candidates(text, &analysis.entities, &analysis.boilerplate)
        .into_iter()
        .map(|(span, cands)| {
            let named = cands
                .into_iter()
                .map(|c| (c.speaker(&analysis.entities).name, c))
                .collect();
            (span.text(text).to_string(), named)
        })
        .collect()
}

fn has(c: &Candidate, feature: Feature) -> bool {
    c.get(feature) > 0.0
}

fn named<'c>(cands: &'c [(String, Candidate)], name: &str) -> Option<&'c Candidate> {
    cands.iter().find(|(n, _)| n == name).map(|(_, c)| c)
}

#[test]
fn candidates_are_the_sieves_answer_and_the_people_named_around_the_quote() {
    let text = "Harbour board approves new ferry dock\n\n\
                Mayor Ana Roe met council member Bo Lindqvist on Tuesday.\n\n\
                \u{201c}The dock opens in May,\u{201d} Roe said.\n";
    let quotes = candidates(text);
    assert_eq!(quotes.len(), 1);
    let (quote, cands) = &quotes[0];
    assert_eq!(quote, "The dock opens in May,");
    let roe = named(cands, "Ana Roe").expect("Ana Roe");
    assert!(has(roe, F::Sieve) && has(roe, F::SieveAdjacent));
    assert!(has(roe, F::AfterNear) && has(roe, F::NearestAfter));
    assert!(has(roe, F::PreviousParagraph) && has(roe, F::Person));
    let other = named(cands, "Bo Lindqvist").expect("Bo Lindqvist, named in the paragraph before");
    assert!(has(other, F::PreviousParagraph) && !has(other, F::Sieve));
    // the ranking keeps the cue's speaker
    assert!(roe.score(weights()) > other.score(weights()));
}

#[test]
fn an_uncued_quote_after_a_speakers_quote_has_that_speaker_as_candidate() {
    let text = "Ferry plan\n\n\
                \u{201c}We start in May,\u{201d} said Ana Roe, the mayor.\n\n\
                \u{201c}Nobody will wait longer than ten minutes.\u{201d}\n";
    let quotes = candidates(text);
    assert_eq!(quotes.len(), 2);
    let (_, cands) = &quotes[1];
    let roe = named(cands, "Ana Roe").expect("Ana Roe");
    assert!(has(roe, F::PreviousSpeaker) && has(roe, F::PreviousParagraphBefore));
    assert!(!has(roe, F::PreviousSameParagraph));
}

#[test]
fn a_description_no_one_holds_is_a_candidate_and_no_guess_of_the_person_in_focus() {
    // "the nominee": nobody is given that role and it is no title (an
    // office), so the sieve names the description as written; the person
    // in focus is not guessed for it ("the letter says" is no one's)
    let text = "Ferry vote\n\n\
                Omar Brenn toured the dock on Monday.\n\n\
                \u{201c}We will win the vote in May,\u{201d} the nominee said.\n";
    let quotes = candidates(text);
    let (_, cands) = &quotes[0];
    assert!(
        named(cands, "Omar Brenn").is_none_or(|c| !has(c, F::SieveRoleInFocus)),
        "{cands:?}"
    );
    let written = named(cands, "the nominee").expect("the description as written");
    assert!(has(written, F::Sieve) && has(written, F::NotARoleNoun));
}

#[test]
fn a_role_the_article_gives_someone_is_not_a_written_candidate() {
    let text = "Ferry vote\n\n\
                Omar Brenn, the mayor, toured the dock on Monday.\n\n\
                \u{201c}We will win the vote in May,\u{201d} the mayor said.\n";
    let quotes = candidates(text);
    let (_, cands) = &quotes[0];
    let brenn = named(cands, "Omar Brenn").expect("the mayor named");
    assert!(has(brenn, F::SieveRole));
    assert!(named(cands, "the mayor").is_none());
}

#[test]
fn a_mention_after_an_opening_phrase_and_its_comma_is_a_subject() {
    let subject = |text: &str, name: &str| {
        let quotes = candidates(text);
        let cands = &quotes.first().expect("a quote").1;
        named(cands, name).is_some_and(|c| has(c, F::Subject))
    };
    let text = "Ferry vote\n\n\
                At the dock on Monday, Omar Brenn met Ana Roe. \u{201c}We will win,\u{201d} he said.\n";
    assert!(subject(text, "Omar Brenn"));
    assert!(!subject(text, "Ana Roe"));
    let text = "Ferry vote\n\n\
                And a third, Omar Brenn, met Ana Roe. \u{201c}We will win,\u{201d} he said.\n";
    assert!(subject(text, "Omar Brenn"));
    // a name set off by commas later in the sentence is no subject
    let text = "Ferry vote\n\n\
                He said the ferry, run by his friend, Omar Brenn, was late. \
                \u{201c}We will win,\u{201d} he said.\n";
    assert!(!subject(text, "Omar Brenn"));
}

#[test]
fn a_mention_opening_its_sentence_is_a_subject_also_in_the_paragraph_before() {
    let text = "Ferry vote\n\n\
                Omar Brenn met Ana Roe at the dock on Monday.\n\n\
                \u{201c}We will win the vote in May,\u{201d} he said.\n";
    let quotes = candidates(text);
    let (_, cands) = &quotes[0];
    let brenn = named(cands, "Omar Brenn").expect("Omar Brenn");
    assert!(has(brenn, F::Subject) && has(brenn, F::SubjectInPreviousParagraph));
    // the object of the sentence is not its subject (and "he" is no woman)
    assert!(named(cands, "Ana Roe").is_none_or(|roe| !has(roe, F::Subject)));
    let text = "Ferry vote\n\n\
                Omar Brenn toured the dock. \u{201c}We will win,\u{201d} he said.\n";
    let quotes = candidates(text);
    let brenn = named(&quotes[0].1, "Omar Brenn").expect("Omar Brenn");
    assert!(has(brenn, F::SubjectBeforeInParagraph) && has(brenn, F::SentenceBefore));
    assert!(!has(brenn, F::SubjectInPreviousParagraph));
}
