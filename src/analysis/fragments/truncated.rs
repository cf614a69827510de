//! `fragment/truncated`: a paragraph whose last sentence was cut off.
//!
//! Evidence, strongest first: the sentence ends on a word that cannot end
//! an English sentence (an article, a possessive, a conjunction: "she can
//! expect a.", "... the mayor and"); it ends on a preposition that
//! nothing strands ("three days for."); it ends mid-word ("self-"); or a
//! prose paragraph simply stops without terminal punctuation.
//!
//! Not reported: headlines and subheads (Title Case lines, a short first
//! line), list items, bylines, datelines, lead-ins ending in a colon, and
//! paragraphs that end inside an open quotation (a quote that continues in
//! the next paragraph).

use super::weights::{
    MIN_PARAGRAPH_WORDS_NO_PERIOD, MIN_WORDS_NO_PERIOD, NEAR_WINDOW, NP_WINDOW, STRANDER_WINDOW,
    TRAILING_ATTRIBUTION_WORDS,
};
use super::{Doc, Fragment, FragmentKind, Para, is_address};
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Token;
use crate::analysis::work::{tick, tick_n};

/// Words that strand a preposition only a few words before it
/// ([`STRANDER_WINDOW`]: "something to hope for", "the house that he lived
/// in"). Wh-words strand one from anywhere before it (lexicon `wh-word`:
/// "which he said the city should pay for").
const STRANDERS: &[&str] = &[
    "that",
    "something",
    "nothing",
    "anything",
    "everything",
    "someone",
    "anyone",
    "somewhere",
    "anywhere",
    "how",
    "why",
    "when",
];

/// Be-forms: with a participle right before the preposition they make a
/// passive or a progressive that strands it ("was talked about", "is
/// reckoning with").
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got",
];

/// Determiners that do not show a noun phrase before the preposition:
/// they also stand alone or open a relative clause ("something that nobody
/// asked for", "one to watch out for").
const NOT_NOUN_PHRASE_OPENERS: &[&str] = &["that", "those", "one", "another"];

/// What one paragraph holds: its cut-off last sentence, if any, and
/// whether the paragraph is exempt when it opens the article (a lone first
/// line without terminal punctuation is a headline).
#[derive(Debug)]
pub(crate) struct Local {
    found: Option<Box<Fragment>>,
    exempt_if_first: bool,
}

pub(crate) fn local(para: &Para) -> Local {
    Local {
        found: check(para).map(Box::new),
        exempt_if_first: para.sentences.len() == 1 && !para.hints().terminal,
    }
}

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    for (i, placed) in doc.paras.iter().enumerate() {
        tick();
        let local = &placed.local.truncated;
        if i == 0 && local.exempt_if_first {
            continue;
        }
        out.extend(local.found.as_ref().map(|f| f.shifted(placed.start)));
    }
}

fn check(para: &Para) -> Option<Fragment> {
    if is_exempt(para) {
        return None;
    }
    let k = para.sentences.len().checked_sub(1)?;
    let last = para.sentences[k];
    let long_prose =
        para.sentences.len() >= 2 && para.hints().words >= MIN_PARAGRAPH_WORDS_NO_PERIOD;
    let reason = cut_reason(para, k, long_prose)?;
    Some(Fragment::warning(
        last,
        FragmentKind::Truncated,
        format!("Sentence cut off: {reason}"),
    ))
}

/// Paragraph shapes that legitimately end without a full sentence,
/// wherever they stand (the first paragraph's exemption is in [`Local`]).
fn is_exempt(para: &Para) -> bool {
    let hints = para.hints();
    let body = para.text.trim_end();
    para.quotes.open_at_end.is_some()
        || hints.title_case
        || hints.list_item
        || hints.byline
        // A dateline standing alone: "OTTAWA —", "WASHINGTON (AP) -".
        || hints.dateline.is_some_and(|d| d.end >= body.len())
        || body.ends_with(':')
}

/// Why sentence `k` (the last of its paragraph) looks cut, or None.
/// `long_prose` says the paragraph is long running prose, where a missing
/// period alone is evidence.
fn cut_reason(para: &Para, k: usize, long_prose: bool) -> Option<String> {
    let trimmed = para.slice(para.sentences[k]).trim_end();
    if trimmed.ends_with(['"', '”', '»', '’', ')', ']', '…']) || trimmed.ends_with("..") {
        return None;
    }
    let has_period = trimmed.ends_with('.');
    if trimmed.ends_with(['!', '?']) {
        return None;
    }
    let core = trimmed.trim_end_matches('.');
    if core.ends_with('-') && core.chars().rev().nth(1).is_some_and(char::is_alphabetic) {
        return Some("it ends in the middle of a word".to_string());
    }
    if !has_period && core.ends_with([',', ';']) {
        return Some("it ends on a comma with no sentence after it".to_string());
    }
    let tokens = para.tokens_of(k);
    // the words, the plain last word, the credit check and the strander
    // search each read the sentence once
    tick_n(6 * tokens.len() + trimmed.len());
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let (&last, before) = words.split_last()?;
    if !ends_on_plain_word(para, tokens, core) {
        return None;
    }
    // "… and the ferry company plans to buy the, he said.": an attribution
    // after the comma does not complete what was cut before it.
    // ("But, he added." alone is an orphan attribution, not a cut sentence.)
    if let Some(cut) = before_trailing_attribution(para, &words).filter(|&cut| cut >= 2) {
        let (&cut_last, cut_before) = words[..cut].split_last()?;
        if let Some(reason) = cannot_end(para, cut_last, cut_before, true) {
            return Some(format!("{reason} (before the attribution after it)"));
        }
    }
    if !last
        .span
        .text(para.text)
        .trim_end_matches('.')
        .chars()
        .all(|c| c.is_lowercase() || c == '’' || c == '\'')
    {
        return None;
    }
    if let Some(reason) = cannot_end(para, last, before, has_period) {
        return Some(reason);
    }
    if !has_period
        && long_prose
        && !is_credit_line(&words)
        && words.len() >= MIN_WORDS_NO_PERIOD
        && core.ends_with(|c: char| c.is_alphabetic())
    {
        return Some("the paragraph stops without a period".to_string());
    }
    None
}

/// Why the word `last` (after the words `before`) cannot end a sentence:
/// an article, possessive or conjunction, or a preposition with no object
/// that nothing strands.
fn cannot_end(para: &Para, last: &Token, before: &[&Token], has_period: bool) -> Option<String> {
    // The lists hold no possessives: "the mayor's" is not "the mayor".
    let tags = if last.possessive {
        Tags::default()
    } else {
        last.tags
    };
    let lower = para.lower(last);
    if tags.contains(Tags::UNENDING) {
        return Some(format!("“{lower}” cannot end a sentence"));
    }
    if tags.contains(Tags::STRANDED_PREPOSITION) && (!has_period || !strands(para, before)) {
        return Some(format!("the preposition “{lower}” has no object"));
    }
    None
}

/// When the sentence's `words` end in an attribution after a comma ("…,
/// he said", "…, Lind said", "…, said Mira Lind"), the number of words
/// before that comma.
fn before_trailing_attribution(para: &Para, words: &[&Token]) -> Option<usize> {
    let comma = words
        .windows(2)
        .rposition(|pair| para.text[pair[0].span.end..pair[1].span.start].trim() == ",")?
        + 1;
    let tail = &words[comma..];
    let is_verb = |t: &&Token| t.tags.contains(Tags::REPORTING_VERB);
    let speaker = |t: &&Token| t.tags.contains(Tags::SUBJECT_PRONOUN) || t.is_capitalised();
    let attribution = (2..=TRAILING_ATTRIBUTION_WORDS).contains(&tail.len())
        && tail.iter().any(is_verb)
        && (is_verb(&tail[0]) && tail[1..].iter().any(speaker)
            || speaker(&tail[0]) && tail.last().is_some_and(is_verb));
    attribution.then_some(comma)
}

/// Whether the sentence (its `tokens`, its text without final periods
/// `core`) ends with a plain word: not a handle, a hashtag, an address or
/// a link.
fn ends_on_plain_word(para: &Para, tokens: &[Token], core: &str) -> bool {
    if !core.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let Some(i) = tokens.iter().rposition(Token::is_word) else {
        return false;
    };
    !is_address(para.run_around(tokens, i))
}

/// A sentence made mostly of capitalised words is a name or a credit
/// ("Ann Lee, Lake Town mayor"), not prose that lost its period.
fn is_credit_line(words: &[&Token]) -> bool {
    let capitalised = words.iter().filter(|t| t.is_capitalised()).count();
    capitalised * 2 > words.len()
}

/// Whether something among the words `before` the final preposition can
/// strand it: a wh-word anywhere, a relative word or a subject pronoun
/// close before it, or a passive or progressive right before it. Never
/// when the preposition follows a noun phrase opened by a determiner ("the
/// unrealistic expectations of") or by another preposition ("for families
/// of"): then it needs its object.
fn strands(para: &Para, before: &[&Token]) -> bool {
    // Contractions count by their first part: "they've" is "they".
    let head = |t: &Token| {
        let lower = para.lower(t);
        lower.split('\'').next().unwrap_or(lower)
    };
    let last_n = |n: usize| &before[before.len().saturating_sub(n)..];
    let any_in = |slice: &[&Token], list: &[&str]| slice.iter().any(|t| list.contains(&head(t)));
    let tagged = |t: &Token, tag: Tags| crate::analysis::lexicon::tags(head(t)).contains(tag);
    let participle_before = before.last().is_some_and(|t| {
        let w = para.lower(t);
        w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing")
    });
    let be_right_before =
        any_in(last_n(1), BE_FORMS) || (participle_before && any_in(last_n(NEAR_WINDOW), BE_FORMS));
    let near = last_n(NEAR_WINDOW);
    let pronoun_near = near
        .iter()
        .any(|t| head(t) != "it" && tagged(t, Tags::SUBJECT_PRONOUN))
        || near
            .windows(2)
            .any(|w| head(w[0]) == "to" && head(w[1]) == "be"); // "a group to be part of"
    let stranded = before.iter().any(|t| tagged(t, Tags::WH_WORD))
        || any_in(last_n(STRANDER_WINDOW), STRANDERS)
        || pronoun_near
        || be_right_before;
    let opens_noun_phrase =
        |t: &&Token| !NOT_NOUN_PHRASE_OPENERS.contains(&head(t)) && tagged(t, Tags::DETERMINER);
    let after_noun_phrase = last_n(NP_WINDOW).iter().any(opens_noun_phrase)
        || before
            .len()
            .checked_sub(2)
            .and_then(|i| before.get(i))
            .is_some_and(|t| t.tags.contains(Tags::STRANDED_PREPOSITION));
    stranded && (!after_noun_phrase || be_right_before || pronoun_near)
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::Truncated;
    use super::super::test_support::found;

    #[test]
    fn ends_on_an_article_with_a_period() {
        let text = "Headline.\n\nThe plan was approved. Voters can now expect a.\n\nNext.";
        assert_eq!(
            found(text, Truncated),
            [(2, "Voters can now expect a.".into())]
        );
    }

    #[test]
    fn ends_on_a_conjunction_without_a_period() {
        let text = "Headline.\n\nThe mayor met the governor and\n\nThe end came.";
        assert_eq!(
            found(text, Truncated),
            [(2, "The mayor met the governor and".into())]
        );
    }

    #[test]
    fn ends_on_an_unstranded_preposition() {
        let text = "Headline.\n\nTurnout was low, with polls open just three days for.\n\n\
                    He spoke about what he sees as the unfair demands of.\n\n\
                    She is a group that speaks for families of.\n\n\
                    Lee is coordinator of.";
        assert_eq!(found(text, Truncated).len(), 4);
    }

    #[test]
    fn a_cut_before_an_attribution_is_still_a_cut() {
        let text = "Headline.\n\nThe council met. The ferry company will buy the, he said.\n\n\
                    Riders asked for later boats from, said Mira Lind.\n\n\
                    Fares will rise in June and, Lind said.";
        assert_eq!(
            found(text, Truncated),
            [
                (2, "The ferry company will buy the, he said.".into()),
                (
                    4,
                    "Riders asked for later boats from, said Mira Lind.".into()
                ),
                (6, "Fares will rise in June and, Lind said.".into()),
            ]
        );
        // a subordinator with no clause after it
        assert_eq!(
            found(
                "Headline.\n\nThe council met. It could add weekend boats if.",
                Truncated
            ),
            [(2, "It could add weekend boats if.".into())]
        );
        // a whole sentence before the attribution, or a stranded preposition
        let whole = "Headline.\n\nThe council met. Fares will rise in June, he said.\n\n\
                     That is not what the money was for, Lind said.\n\n\
                     The plan, the mayor said, was approved.\n\nBut, he added.";
        assert_eq!(found(whole, Truncated), []);
    }

    #[test]
    fn stranded_prepositions_are_fine() {
        let text = "Headline.\n\nThat is not what the money was for.\n\n\
                    These are the people she works with.\n\nHe did not want to be talked about.\n\n\
                    It is a debt which the city should pay for.\n\n\
                    Their plans were better than they've been given credit for.\n\n\
                    It is a great team to be part of.\n\n\
                    The party is only now reckoning with.";
        assert_eq!(found(text, Truncated), []);
    }

    #[test]
    fn prose_paragraph_without_a_period() {
        let text = "Headline.\n\nThe council met on Monday night to debate the budget for next year. \
                    It voted to close the old library downtown";
        assert_eq!(
            found(text, Truncated),
            [(2, "It voted to close the old library downtown".into())]
        );
    }

    #[test]
    fn mid_word_cut() {
        let text = "Headline.\n\nThe council met. It voted for a self-";
        assert_eq!(found(text, Truncated).len(), 1);
    }

    #[test]
    fn headlines_subheads_lists_bylines_datelines_are_not_cut() {
        let text = "Council votes to close the library\n\n\
                    By Jane Doe\n\n\
                    OTTAWA —\n\n\
                    What Comes Next for the Library\n\n\
                    - fewer hours and\n\n\
                    The council said three things:\n\n\
                    Why?\n\n\
                    It ended. Nobody knew what for.";
        assert_eq!(found(text, Truncated), []);
    }

    #[test]
    fn a_quote_continuing_into_the_next_paragraph_is_not_cut() {
        let text = "Headline.\n\n“We will fight for the\n\n“people of this city,” she said.";
        assert_eq!(found(text, Truncated), []);
    }

    #[test]
    fn a_closed_quote_or_an_ellipsis_ends_a_sentence() {
        let text = "Headline.\n\nShe said, “We are ready to.”\n\nAnd so it went, and…";
        assert_eq!(found(text, Truncated), []);
    }

    #[test]
    fn credits_handles_and_particles_are_not_cut() {
        let text = "Headline.\n\nThe storm left thousands of homes without power for days. \
                    It was bad for everyone here. Ann Lee, Lake Town mayor\n\n\
                    Jane Doe is a reporter based in the capital who covers city hall. \
                    Follow her on Twitter: @janedoe\n\n\
                    Officials said most requests go through.";
        assert_eq!(found(text, Truncated), []);
    }

    #[test]
    fn short_sentences_without_a_period_are_left_alone() {
        let text = "Headline.\n\nThe vote is done. Next steps";
        assert_eq!(found(text, Truncated), []);
    }
}
