//! `fragment/truncated`: a paragraph whose last sentence was cut off.
//!
//! Evidence, strongest first: the sentence ends on a word that cannot end
//! an English sentence (an article, a possessive, a conjunction: "she can
//! expect a.", "... Hillary Clinton and"); it ends on a preposition that
//! nothing strands ("three days for."); it ends mid-word ("self-"); or a
//! prose paragraph simply stops without terminal punctuation.
//!
//! Not reported: headlines and subheads (Title Case lines, a short first
//! line), list items, bylines, datelines, lead-ins ending in a colon, and
//! paragraphs that end inside an open quotation (a quote that continues in
//! the next paragraph).

use super::lexicon::{is_strandable_preposition, is_unending};
use super::text::{is_byline, is_list_item, is_title_case, words};
use super::{Doc, Fragment, FragmentKind, Para};

/// Wh-words that strand a preposition anywhere before it ("which he said
/// the city should pay for", "what it is for").
const WH_STRANDERS: &[&str] = &["what", "whatever", "where", "which", "who", "whom"];

/// Words that strand a preposition only a few words before it
/// ("something to hope for", "the house that he lived in").
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

/// How many words before the final preposition a [`STRANDERS`] word may
/// stand.
const STRANDER_WINDOW: usize = 5;

/// Be-forms: with a participle right before the preposition they make a
/// passive or a progressive that strands it ("was talked about", "is
/// reckoning with").
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got",
];

/// How many words before the final preposition a near strander may stand.
const NEAR_WINDOW: usize = 4;

/// Determiners that open a noun phrase; one among the last
/// [`NP_WINDOW`] words before the preposition means the preposition
/// follows a noun, not a verb.
const NP_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these",
];
const NP_WINDOW: usize = 3;

/// Subject pronouns that strand a preposition when close before it: a
/// relative clause without "that" ("the people she works with").
const NEAR_STRANDERS: &[&str] = &["i", "you", "he", "she", "we", "they"];

/// Fewest words a last sentence, and its paragraph, need before a missing
/// period alone is evidence of a cut (shorter lines are furniture or
/// subheads: "Want more? Subscribe today").
const MIN_WORDS_NO_PERIOD: usize = 5;
const MIN_PARAGRAPH_WORDS_NO_PERIOD: usize = 20;

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
        exempt_if_first: para.sentences.len() == 1 && !ends_with_terminal(para.text),
    }
}

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    for (i, placed) in doc.paras.iter().enumerate() {
        let local = &placed.local.truncated;
        if i == 0 && local.exempt_if_first {
            continue;
        }
        out.extend(local.found.as_ref().map(|f| f.shifted(placed.start)));
    }
}

fn check(para: &Para) -> Option<Fragment> {
    let body = para.text;
    if is_exempt(para, body) {
        return None;
    }
    let last = *para.sentences.last()?;
    let sentence = para.slice(last);
    let long_prose =
        para.sentences.len() >= 2 && words(body).count() >= MIN_PARAGRAPH_WORDS_NO_PERIOD;
    let reason = cut_reason(sentence, long_prose)?;
    Some(Fragment::warning(
        last,
        FragmentKind::Truncated,
        format!("Sentence cut off: {reason}"),
    ))
}

/// Paragraph shapes that legitimately end without a full sentence,
/// wherever they stand (the first paragraph's exemption is in [`Local`]).
fn is_exempt(para: &Para, body: &str) -> bool {
    para.quotes.open_at_end.is_some()
        || is_title_case(body)
        || is_list_item(body)
        || is_byline(body)
        || is_dateline(body)
        || body.trim_end().ends_with(':')
}

/// A dateline standing alone: "OTTAWA —", "WASHINGTON (AP) -".
fn is_dateline(body: &str) -> bool {
    let t = body.trim_end();
    let stripped = t.trim_end_matches(['—', '–', '-', ' ']);
    stripped.len() < t.len()
        && !stripped.is_empty()
        && stripped
            .chars()
            .all(|c| !c.is_lowercase() || !c.is_alphabetic())
}

fn ends_with_terminal(s: &str) -> bool {
    let core = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    core.ends_with(['.', '!', '?', '…'])
}

/// Why `sentence` (the last of its paragraph) looks cut, or None.
/// `long_prose` says the paragraph is long running prose, where a missing
/// period alone is evidence.
fn cut_reason(sentence: &str, long_prose: bool) -> Option<String> {
    let trimmed = sentence.trim_end();
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
    let last = last_word(core)?;
    if !last
        .chars()
        .all(|c| c.is_lowercase() || c == '’' || c == '\'')
    {
        return None;
    }
    if is_unending(last) {
        return Some(format!("“{last}” cannot end a sentence"));
    }
    if is_strandable_preposition(last) && (!has_period || !strands(core)) {
        return Some(format!("the preposition “{last}” has no object"));
    }
    let word_count = words(core).count();
    if !has_period
        && long_prose
        && !is_credit_line(core)
        && word_count >= MIN_WORDS_NO_PERIOD
        && core.ends_with(|c: char| c.is_alphabetic())
    {
        return Some("the paragraph stops without a period".to_string());
    }
    None
}

/// The last word of `s`, when `s` ends with a plain word (not a handle,
/// a hashtag, an address or a link).
fn last_word(s: &str) -> Option<&str> {
    if !s.ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let token = s.split_whitespace().last()?;
    if token.contains(['@', '#', '/']) || token.contains(".com") || token.starts_with("www.") {
        return None;
    }
    words(s).last()
}

/// A sentence made mostly of capitalised words is a name or a credit
/// ("Ann Lee, Lake Town mayor"), not prose that lost its period.
fn is_credit_line(sentence: &str) -> bool {
    let all = words(sentence).count();
    let capitalised = words(sentence)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 2 > all
}

/// Whether something in `sentence` can strand its final preposition: a
/// wh-word anywhere before it, a relative word or a subject pronoun close
/// before it, or a passive or progressive right before it. Never when the
/// preposition follows a noun phrase opened by a determiner ("the
/// unrealistic expectations of") or by another preposition ("for families
/// of"): then it needs its object.
fn strands(sentence: &str) -> bool {
    // Contractions count by their first part: "they've" is "they".
    let ws: Vec<String> = words(sentence)
        .map(|w| {
            let lower = w.to_lowercase();
            lower
                .split(['\'', '’'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let before = &ws[..ws.len().saturating_sub(1)];
    let last_n = |n: usize| &before[before.len().saturating_sub(n)..];
    let any_in = |slice: &[String], list: &[&str]| slice.iter().any(|w| list.contains(&w.as_str()));
    let participle_before = before
        .last()
        .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"));
    let be_right_before =
        any_in(last_n(1), BE_FORMS) || (participle_before && any_in(last_n(NEAR_WINDOW), BE_FORMS));
    let pronoun_near = any_in(last_n(NEAR_WINDOW), NEAR_STRANDERS)
        || last_n(NEAR_WINDOW)
            .windows(2)
            .any(|w| w[0] == "to" && w[1] == "be"); // "a group to be part of"
    let stranded = any_in(before, WH_STRANDERS)
        || any_in(last_n(STRANDER_WINDOW), STRANDERS)
        || pronoun_near
        || be_right_before;
    let noun_phrase = last_n(NP_WINDOW);
    let after_noun_phrase = any_in(noun_phrase, NP_DETERMINERS)
        || before
            .len()
            .checked_sub(2)
            .and_then(|i| before.get(i))
            .is_some_and(|w| is_strandable_preposition(w));
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
