//! `fragment/orphan-attribution`: a sentence that is only an attribution.
//!
//! When a scraper or a spinner drops a quotation, its attribution stays
//! behind as a sentence of its own: "Putin asked, in an interview reported
//! by Bloomberg News.", "He said.", "Said Ann Lee, a Democrat and former
//! mayor.", "Cruz said:" at the end of the text. Such a sentence has
//!
//! - a speaker: a pronoun, a name (with titles), or a role ("the senator",
//!   "one commenter"), possibly with an appositive between commas;
//! - a reporting verb that needs an object (said, told, asked, wrote, ...);
//! - nothing else but circumstances: where, when, to whom, how ("in a
//!   statement", "on Tuesday", "to reporters", "while campaigning in Iowa",
//!   "according to ..."), possibly fronted ("In the excerpt, the author
//!   wrote.").
//!
//! Anything that can be reported content (a that-clause, an object, a
//! clause after the verb) means the sentence stands. So does an
//! attribution that belongs to a neighbouring quote: one with quotation
//! marks, inside a quotation, right after a sentence that ends with a
//! closing mark ("“Why?” Clinton asked."), or right before one that opens
//! with a mark.

use super::lexicon::{
    AUDIENCES, CALENDAR, DETERMINERS, LISTENER_PRONOUNS, MODALS, NON_SPEAKERS, SPEAKER_PRONOUNS,
    SUBORDINATORS, is_auxiliary, is_circumstance_opener, is_reporting_verb,
};
use super::text::{Token, is_quote_mark, is_title_case, tokenize};
use super::{Doc, Fragment, FragmentKind, Para};
use crate::analysis::Span;

/// Verbs that open an inverted attribution ("Said Ann Lee, ...").
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "wrote",
    "writes",
    "added",
    "adds",
    "tweeted",
    "noted",
    "quipped",
    "recalled",
    "explained",
    "declared",
    "replied",
    "countered",
    "joked",
    "warned",
];

/// Adverbs and auxiliaries allowed between a speaker and the verb.
const PRE_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "has",
    "had",
    "have",
    "previously",
    "recently",
    "reportedly",
    "simply",
    "again",
    "earlier",
    "repeatedly",
    "first",
    "further",
    "initially",
    "finally",
    "only",
    "just",
    "flatly",
    "quickly",
];

/// One- or two-word remnants left before a comma when a quote was cut
/// from the front of a sentence ("But, he added.").
const REMNANTS: &[&str] = &[
    "but",
    "and",
    "that",
    "so",
    "this",
    "yet",
    "or",
    "now",
    "still",
    "then",
    "also",
    "however",
    "instead",
    "indeed",
    "meanwhile",
    "again",
    "too",
    "later",
    "earlier",
    "there",
    "here",
    "thus",
    "otherwise",
    "and",
    "not",
];

/// Participles that open a fronted circumstance ("Asked about it, ...").
const FRONTED_PARTICIPLES: &[&str] = &[
    "asked",
    "speaking",
    "responding",
    "referring",
    "writing",
    "addressing",
    "pressed",
    "interviewed",
    "reached",
    "contacted",
    "questioned",
];

/// Longest sentence (in tokens) examined: an attribution is short, and the
/// bound keeps the check linear on pathological input.
const MAX_TOKENS: usize = 80;

/// Words in a circumstance that show it is really reported content.
const CONTENT_MARKERS: &[&str] = &["that", "if", "whether", "how", "why", "what", "who"];

/// Prepositions each verb may not take in its circumstance, because with
/// that verb they introduce content ("asked for help", "wrote about it").
fn excluded_prepositions(verb: &str) -> &'static [&'static str] {
    match verb {
        "asked" | "asks" => &["for", "about", "to", "if", "whether", "with"],
        "told" | "tells" => &["of", "about"],
        "wrote" | "writes" => &["for", "about", "to", "of", "with", "from", "by"],
        "added" | "adds" => &["to", "with", "by"],
        _ => &["with", "by"],
    }
}

/// What one paragraph holds: whether it is a Title Case line (a headline
/// when it comes first), and its orphans, each with whether it counts only
/// at the very end of the article (a colon attribution: "Cruz said:").
#[derive(Debug)]
pub(crate) struct Local {
    title_case: bool,
    found: Vec<(Fragment, bool)>,
}

pub(crate) fn local(para: &Para) -> Local {
    Local {
        title_case: is_title_case(para.text),
        found: (0..para.sentences.len())
            .filter_map(|k| check_sentence(para, k))
            .collect(),
    }
}

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    for (i, placed) in doc.paras.iter().enumerate() {
        let local = &placed.local.orphan;
        if i == 0 && local.title_case {
            continue;
        }
        let is_last_para = doc.next(i).is_none();
        out.extend(
            local
                .found
                .iter()
                .filter(|(_, at_end_only)| !at_end_only || is_last_para)
                .map(|(f, _)| f.shifted(placed.start)),
        );
    }
}

/// The orphan sentence `k` of `para`, if it is one, and whether it counts
/// only when `para` ends the article.
fn check_sentence(para: &Para, k: usize) -> Option<(Fragment, bool)> {
    let span = *para.sentences.get(k)?;
    let sentence = para.slice(span).trim_end();
    if sentence.contains(is_quote_mark) || para.quotes.inside(span.start) {
        return None;
    }
    let after_quote = k
        .checked_sub(1)
        .and_then(|j| para.sentences.get(j))
        .is_some_and(|prev| para.slice(*prev).trim_end().ends_with(is_quote_mark));
    let before_quote = para
        .sentences
        .get(k + 1)
        .is_some_and(|next| para.slice(*next).starts_with(is_quote_mark));
    if after_quote || before_quote {
        return None;
    }
    let colon = sentence.ends_with(':');
    let is_last_sentence = k + 1 == para.sentences.len();
    if colon && !is_last_sentence {
        return None;
    }
    if !(sentence.ends_with('.') || colon) || sentence.ends_with("..") {
        return None;
    }
    let body = Span::new(span.start, span.start + sentence.len() - 1);
    let tokens = tokenize(para.text, body);
    let orphan = is_inverted(&tokens) || is_plain(&tokens) || is_bare_source(&tokens);
    if tokens.len() > MAX_TOKENS || !orphan {
        return None;
    }
    let shown = Span::new(span.start, span.start + sentence.len());
    let fragment = Fragment::warning(
        shown,
        FragmentKind::OrphanAttribution,
        "Attribution with nothing attributed: the sentence names a speaker and a reporting \
         verb but no quote or reported content (was the quotation cut away?)"
            .to_string(),
    );
    Some((fragment, colon))
}

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_in(t: &Token, list: &[&str]) -> bool {
    t.is_word() && list.contains(&lower(t).as_str())
}

fn is_aux(t: &Token) -> bool {
    t.is_word() && is_auxiliary(&lower(t))
}

fn opens_circumstance(t: &Token) -> bool {
    t.is_word() && is_circumstance_opener(&lower(t))
}

/// "Said Ann Lee, a Democrat and former mayor."
fn is_inverted(tokens: &[Token]) -> bool {
    let Some(first) = tokens.first() else {
        return false;
    };
    if !first.is_capitalised() || !is_in(first, INVERTIBLE) {
        return false;
    }
    let rest = &tokens[1..];
    let end = rest
        .iter()
        .position(|t| t.is_punct(','))
        .unwrap_or(rest.len());
    let speaker = &rest[..end];
    let Some(head) = speaker.first() else {
        return false;
    };
    let head_ok = head.is_capitalised()
        || is_in(head, &["one", "a", "an", "the", "another"])
        || speaker.iter().any(Token::is_capitalised);
    head_ok
        && !is_in(head, &["to", "that"])
        && word_count(speaker) <= 8
        && !speaker
            .iter()
            .any(|t| is_aux(t) || is_in(t, CONTENT_MARKERS))
}

/// "According to the agency." : a source with nothing it says.
fn is_bare_source(tokens: &[Token]) -> bool {
    let opens = tokens.first().is_some_and(|t| t.text == "According")
        && tokens.get(1).is_some_and(|t| is_in(t, &["to"]));
    let rest = tokens.get(2..).unwrap_or_default();
    opens
        && word_count(rest) > 0
        && !rest.iter().any(|t| t.is_punct(','))
        && is_circumstance(rest, false)
}

/// Speaker + verb + circumstances, possibly after fronted circumstances.
fn is_plain(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().skip(1).any(|(v, t)| {
        t.is_word()
            && t.text.chars().all(|c| c.is_lowercase())
            && is_reporting_verb(t.text)
            && circumstances_only(t.text, &tokens[v + 1..])
            && speaker_before(&tokens[..v])
    })
}

/// Split `tokens` at commas outside parentheses.
fn comma_chunks<'a, 't>(tokens: &'a [Token<'t>]) -> Vec<&'a [Token<'t>]> {
    let mut chunks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth = depth.saturating_sub(1);
        } else if t.is_punct(',') && depth == 0 {
            chunks.push(&tokens[start..i]);
            start = i + 1;
        }
    }
    chunks.push(&tokens[start..]);
    chunks
}

fn word_count(tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| t.is_word()).count()
}

/// The tokens before the verb: fronted circumstances, then a speaker
/// (with an appositive between commas when the verb follows a comma).
fn speaker_before(left: &[Token]) -> bool {
    let mut end = left.len();
    while end > 0 && is_in(&left[end - 1], PRE_VERB) {
        end -= 1;
    }
    let left = &left[..end];
    let chunks = comma_chunks(left);
    let Some((last, init)) = chunks.split_last() else {
        return false;
    };
    if last.is_empty() {
        // "Ann Lee, the mayor's spokeswoman, said."
        let leads = init.iter().take_while(|c| is_fronted(c)).count();
        let Some((speaker, appositives)) = init[leads..].split_first() else {
            return false;
        };
        !appositives.is_empty()
            && appositives.iter().all(|a| !a.is_empty())
            && names_someone(speaker)
            && is_speaker(speaker)
    } else {
        init.iter().all(|c| is_fronted(c)) && is_speaker(last)
    }
}

/// A noun phrase that can be the speaker.
fn is_speaker(np: &[Token]) -> bool {
    let words: Vec<&Token> = np.iter().filter(|t| t.is_word()).collect();
    let Some(head) = words.first() else {
        return false;
    };
    if words.len() > 8 || is_in(head, NON_SPEAKERS) {
        return false;
    }
    if words.len() == 1 {
        return is_in(head, SPEAKER_PRONOUNS)
            || (head.is_capitalised() && !is_in(head, DETERMINERS) && !is_in(head, CALENDAR));
    }
    let head_ok = head.is_capitalised() || is_in(head, DETERMINERS);
    let body_ok = words[1..].iter().enumerate().all(|(j, w)| {
        let l = lower(w);
        let verb_like = !w.is_capitalised() && (l.ends_with("ed") || l.ends_with("ing"));
        let and_between_names = l == "and"
            && words[j].is_capitalised()
            && words.get(j + 2).is_some_and(|n| n.is_capitalised());
        (l != "and" || and_between_names)
            && !verb_like
            && !is_aux(w)
            && !is_in(w, SPEAKER_PRONOUNS)
            && !is_in(w, CONTENT_MARKERS)
            && !is_in(w, &["not", "to", "but", "or", "so", "than", "as"])
    });
    head_ok && body_ok
}

/// True when the phrase holds a proper name (a capitalised word that is
/// not merely the sentence's capitalised determiner).
fn names_someone(np: &[Token]) -> bool {
    np.iter()
        .any(|t| t.is_capitalised() && !is_in(t, DETERMINERS) && !opens_circumstance(t))
}

/// A fronted circumstance before the speaker: "In the excerpt", "While he
/// was speaking in Miami", "Earlier Sunday", or a remnant like "But".
fn is_fronted(chunk: &[Token]) -> bool {
    let Some(head) = chunk.first() else {
        return false;
    };
    if word_count(chunk) <= 2 && chunk.iter().all(|t| is_in(t, REMNANTS)) {
        return true;
    }
    let subordinate = is_in(head, SUBORDINATORS);
    let opens =
        opens_circumstance(head) || is_in(head, CALENDAR) || is_in(head, FRONTED_PARTICIPLES);
    opens && is_circumstance(chunk, subordinate)
}

/// A circumstance chunk has no clause of its own (beyond the one a
/// subordinator introduces) and nothing that reads as content.
fn is_circumstance(chunk: &[Token], subordinate: bool) -> bool {
    let has_content = chunk
        .iter()
        .any(|t| is_in(t, MODALS) || is_in(t, CONTENT_MARKERS));
    let has_aux = chunk.iter().any(|t| is_aux(t));
    !has_content && (subordinate || !has_aux) && clause_breaks(chunk) == 0
}

/// Count the places where a new noun phrase starts without a preposition
/// before it ("in the end the plan failed": "the plan" after "end").
fn clause_breaks(chunk: &[Token]) -> usize {
    chunk
        .windows(2)
        .filter(|w| {
            let (prev, t) = (&w[0], &w[1]);
            let starts_np =
                is_in(t, DETERMINERS) && !is_in(t, &["one", "that"]) || is_in(t, SPEAKER_PRONOUNS);
            let linked = !prev.is_word()
                || opens_circumstance(prev)
                || is_in(prev, SUBORDINATORS)
                || is_in(prev, FRONTED_PARTICIPLES)
                || is_in(
                    prev,
                    &["and", "or", "of", "for", "to", "about", "into", "like"],
                )
                || is_in(prev, &["including", "than", "all", "both", "half"])
                || lower(prev).ends_with("ing");
            starts_np && !linked
        })
        .count()
}

/// The tokens after the verb are only circumstances (or a listener).
fn circumstances_only(verb: &str, tail: &[Token]) -> bool {
    let excluded = excluded_prepositions(verb);
    let mut pos = listener_len(verb, tail);
    let mut chunk_start: Option<usize> = None;
    let close_chunk = |start: Option<usize>, end: usize| {
        start.is_none_or(|s| {
            let chunk = &tail[s..end];
            is_circumstance(
                chunk,
                chunk.first().is_some_and(|h| is_in(h, SUBORDINATORS)),
            )
        })
    };
    while pos < tail.len() {
        let t = &tail[pos];
        if t.is_punct(',') || t.is_punct('(') || t.is_punct(')') || t.is_punct('—') {
            if !close_chunk(chunk_start, pos) {
                return false;
            }
            chunk_start = None;
            pos += 1;
            continue;
        }
        if chunk_start.is_some() {
            pos += 1;
            continue;
        }
        if is_in(t, excluded) || is_in(t, CONTENT_MARKERS) {
            return false;
        }
        if let Some(n) = time_len(&tail[pos..]) {
            pos += n;
            continue;
        }
        let after_comma = pos > 0 && tail[pos - 1].is_punct(',');
        if opens_circumstance(t) || (after_comma && is_manner_participle(t)) {
            chunk_start = Some(pos);
            pos += 1;
            continue;
        }
        return false;
    }
    close_chunk(chunk_start, tail.len())
}

/// Participles that introduce reported content rather than a manner
/// (", saying he would run", ", adding ...").
const REPORTING_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "explaining",
    "arguing",
    "insisting",
    "claiming",
    "stating",
    "asking",
    "telling",
    "writing",
    "warning",
    "suggesting",
    "declaring",
    "calling",
];

/// A present participle after a comma that describes how something was
/// said (", pointing to the crowd", ", smiling").
fn is_manner_participle(t: &Token) -> bool {
    let l = lower(t);
    t.is_word() && l.len() > 4 && l.ends_with("ing") && !REPORTING_PARTICIPLES.contains(&l.as_str())
}

/// Length of a time expression at the start of `tokens` ("Tuesday",
/// "last week", "late Friday night", "earlier"), if there is one.
fn time_len(tokens: &[Token]) -> Option<usize> {
    const UNITS: &[&str] = &[
        "week",
        "month",
        "year",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "night",
        "time",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "season",
    ];
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    const ADVERBS: &[&str] = &[
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "again",
        "recently",
        "afterward",
        "afterwards",
        "once",
        "twice",
        "too",
        "also",
        "privately",
        "publicly",
        "separately",
        "repeatedly",
        "then",
        "previously",
        "bluntly",
        "simply",
        "flatly",
    ];
    let first = tokens.first()?;
    let at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| is_in(t, list));
    if is_in(first, CALENDAR) {
        return Some(if at(1, PARTS) { 2 } else { 1 });
    }
    if is_in(first, &["last", "this", "next"]) && at(1, UNITS) {
        return Some(2);
    }
    if is_in(first, &["late", "early"]) && at(1, CALENDAR) {
        return Some(if at(2, PARTS) { 3 } else { 2 });
    }
    is_in(first, ADVERBS).then_some(1)
}

/// How many tokens at the start of `tail` name who was told or asked, or
/// who something was said to ("reporters", "The Associated Press", "to
/// People").
fn listener_len(verb: &str, tail: &[Token]) -> usize {
    let direct = matches!(verb, "told" | "tells" | "asked" | "asks");
    let via_to = !direct && tail.first().is_some_and(|t| is_in(t, &["to"]));
    if !(direct || via_to) {
        return 0;
    }
    let offset = usize::from(via_to);
    let rest = &tail[offset..];
    let Some(first) = rest.first() else {
        return 0;
    };
    if is_in(first, LISTENER_PRONOUNS) {
        return offset + 1;
    }
    let det = usize::from(is_in(first, &["the", "a", "an"]));
    let named = rest[det..]
        .iter()
        .take_while(|t| {
            t.is_capitalised()
                || (t.is_word() && is_in(t, &["of", "and"]))
                || t.text.ends_with("'s")
                || t.text.ends_with("’s")
        })
        .count();
    if named > 0 && rest[det].is_capitalised() {
        return offset + det + named;
    }
    let audience = rest[det..].iter().take(3).position(|t| is_in(t, AUDIENCES));
    match audience {
        Some(p) => offset + det + p + 1,
        None if via_to => 0,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::OrphanAttribution;
    use super::super::test_support::found;

    fn flagged(sentence: &str) -> bool {
        let text = format!("Headline.\n\nThe council met on Monday. {sentence}\n\nIt voted.");
        !found(&text, OrphanAttribution).is_empty()
    }

    #[test]
    fn bare_attributions_are_orphans() {
        for s in [
            "He said.",
            "The senator added.",
            "Ann Lee said in a statement.",
            "The mayor asked, in an interview reported by a local radio station.",
            "She told reporters on Tuesday.",
            "He told The Daily Planet in March.",
            "Lee said to The Ledger.",
            "The governor said while campaigning in Dayton on Friday.",
            "Rep. Joan Marsh (D-Ore.), who chairs the panel, said.",
            "In the memo, the author wrote.",
            "But, he added.",
            "While she was touring the plant in Akron on Monday, she said.",
            "He said of the proposal.",
            "Mayor Ann Lee tweeted.",
            "The agency said last week, according to the Ledger.",
            "Said Ann Lee, a Democrat and former city councillor.",
            "Wrote one reader.",
            "Lee, 45, said.",
            "The spokesman said through a lawyer.",
            "Mayor Lee said at a news conference in Akron.",
            "According to the agency.",
            "He says.",
            "Lee said, pointing to the crowd and then to the stage.",
        ] {
            assert!(flagged(s), "{s}");
        }
    }

    #[test]
    fn attributions_with_content_stand() {
        for s in [
            "He said he would run again.",
            "She told CNN that the plan was dead.",
            "The mayor said Tuesday the plan failed.",
            "He said so.",
            "She said nothing.",
            "Prices rose, he said.",
            "In the end the plan failed, she said.",
            "He asked for help.",
            "She wrote for the Ledger for a decade.",
            "Nobody said.",
            "That's what he said.",
            "It was said.",
            "Said to be worth millions, the firm grew.",
            "The plan failed and nobody said.",
            "He told a story about the war.",
            "According to the agency, the plan failed.",
            "He was asked.",
            "So he said.",
            "Here's what she wrote.",
            "He said, saying the plan failed.",
            "Lee said, adding that the vote would wait.",
        ] {
            assert!(!flagged(s), "{s}");
        }
    }

    #[test]
    fn attributions_of_neighbouring_quotes_stand() {
        let text = "Headline.\n\n“Why not?” Ann Lee asked. “We can.”\n\n\
                    He said: “We will.”\n\n\
                    The mayor said. “We start today.”\n\n\
                    “We won,” he said. “Again.”";
        assert_eq!(found(text, OrphanAttribution), []);
    }

    #[test]
    fn colon_attribution_at_the_end_of_the_text() {
        let text = "Headline.\n\nThe vote passed.\n\nThe mayor said:";
        assert_eq!(
            found(text, OrphanAttribution),
            [(4, "The mayor said:".into())]
        );
        let text = "Headline.\n\nThe mayor said:\n\nWe will rebuild the bridge.";
        assert_eq!(found(text, OrphanAttribution), []);
    }

    #[test]
    fn exact_span_is_the_sentence() {
        let text = "Headline.\n\nThe council met. Lee asked, in an interview.\n\nIt voted.";
        assert_eq!(
            found(text, OrphanAttribution),
            [(2, "Lee asked, in an interview.".into())]
        );
    }
}
