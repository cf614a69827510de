//! Candidate names from capitalisation and token shape, with the evidence
//! around each one (a title before it, a reporting verb after it, an
//! apposition, a preposition that suggests a place).
//!
//! A candidate is a run of capitalised words joined by spaces (particles
//! such as "van" or "bin" may stand inside; "of"/"for"/"and" join the parts
//! of an organisation's name). Function words split runs. The first word of
//! a sentence or quote is capitalised by convention, so a candidate that is
//! only that word is marked uncertain; so is every candidate of a Title Case
//! or ALL-CAPS headline.

use super::super::Span;
use super::Gender;
use super::gazetteer::gazetteer;
use super::names::{is_particle, lexicon};
use super::tokens::Token;

/// How much the capitalisation of a candidate tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Certainty {
    /// Capitalised mid-sentence (or a known given name): a name.
    Certain,
    /// Only the first word of a sentence or quote.
    Initial,
    /// A word of a Title Case or ALL-CAPS headline.
    Headline,
}

/// Evidence about what kind of thing a candidate names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Cues {
    /// A person title stood before it ("Mr", "President").
    pub title: bool,
    /// A role noun stood before it ("lawyer Jane Roe").
    pub role_before: bool,
    /// An apposition follows ("Jane Roe, the mayor of ..."; "Jane Roe, 45,").
    pub apposition: bool,
    /// A reporting verb follows or precedes it ("Roe said", "said Roe").
    pub speech: bool,
    /// After "in", "at", "from", ...
    pub place_preposition: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// The name words only: no title, no possessive.
    pub span: Span,
    /// Normalised words of the name.
    pub words: Vec<String>,
    pub certainty: Certainty,
    pub cues: Cues,
    /// The role as written ("Russian President", "political scientist").
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// An acronym given in parentheses right after it: "(AFN)".
    pub acronym: Option<String>,
    /// A single ALL-CAPS word ("FBI").
    pub all_caps: bool,
}

impl Candidate {
    pub(super) fn key(&self) -> String {
        self.words.join(" ")
    }
}

/// Words that join two capitalised parts of one organisation's name.
fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "and" | "&" | "on" | "the")
}

fn is_place_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at" | "from" | "to" | "near" | "across" | "outside" | "throughout" | "into"
    )
}

/// The text between two tokens is white space only (a name may continue).
fn joined(text: &str, prev: &Token, next: &Token) -> bool {
    if prev.possessive || prev.end > next.span.start {
        return false;
    }
    let gap = &text[prev.end..next.span.start];
    let gap = if prev.dotted {
        gap.strip_prefix('.').unwrap_or(gap)
    } else {
        gap
    };
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && !gap.contains("\n\n")
}

/// The token starts a sentence, a quote or a clause after a colon or dash,
/// where capitals are conventional.
fn opens_clause(text: &str, tokens: &[Token], i: usize, sentence: Span) -> bool {
    let gap_start = match i.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(prev) => prev.end,
        None => sentence.start,
    };
    let Some(token) = tokens.get(i) else {
        return false;
    };
    let gap = text.get(gap_start..token.span.start).unwrap_or("");
    i == 0 || gap.contains(['“', '"', '‘', ':', '—', '–', '(', '[', '•'])
}

/// A word that may be part of a name: capitalised (see [`Token`]; not a
/// function word, except a surname-like one after a name word: "Theresa
/// May").
fn is_name_word(token: &Token, inside: bool) -> bool {
    let lex = lexicon();
    if token.capitalised {
        if token.lower.chars().all(|c| c.is_numeric()) {
            return false;
        }
        return !lex.is_function_word(&token.lower)
            || (inside && lex.is_surname(&token.lower) && lex.given(&token.lower).is_none());
    }
    false
}

/// A headline paragraph: ALL CAPS, or Title Case (most longer words
/// capitalised) without a final period.
pub(super) fn is_headline(text: &str, para: Span) -> bool {
    let body = para.text(text);
    let words: Vec<&str> = body
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let letters: Vec<char> = body.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 8 && letters.iter().all(|c| !c.is_lowercase()) {
        return true;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .count();
    let ends_like_sentence = body.trim_end().ends_with(['.', '?', '!', ':', ',']);
    capitalised * 10 >= words.len() * 8 && words.len() >= 3 && !ends_like_sentence
}

/// All candidates of one sentence, appended to `out` in order.
/// `lowercase_seen` tells whether a word occurs in lower case in the text.
pub(super) fn sentence_candidates(
    text: &str,
    sentence: Span,
    tokens: &[Token],
    headline: bool,
    lowercase_seen: &dyn Fn(&str) -> bool,
    out: &mut Vec<Candidate>,
) {
    for run in runs(text, tokens) {
        let initial = opens_clause(text, tokens, run.start, sentence);
        split_run(
            text,
            tokens,
            run,
            Context {
                initial,
                headline,
                lowercase_seen,
            },
            out,
        );
    }
}

struct Context<'a> {
    initial: bool,
    headline: bool,
    lowercase_seen: &'a dyn Fn(&str) -> bool,
}

/// Index ranges of name-word runs, with particles and organisation
/// connectors inside them.
fn runs(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(&tokens[i], false) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let (Some(prev), Some(next)) = (tokens.get(end - 1), tokens.get(end)) {
            if !joined(text, prev, next) {
                break;
            }
            if is_name_word(next, true) {
                end += 1;
                continue;
            }
            // particles and connectors: look ahead for a name word after them
            if let Some(skip) = bridge(text, tokens, start, end) {
                end += skip;
                continue;
            }
            break;
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// How many lower-case tokens from `at` on bridge to a following name word
/// within the run starting at `start`: a particle inside a person's name,
/// or "of (the)"/"for"/"and"/"&" inside an organisation's name.
fn bridge(text: &str, tokens: &[Token], start: usize, at: usize) -> Option<usize> {
    let token = tokens.get(at)?;
    let after = |n: usize| {
        let last = tokens.get(at + n - 1)?;
        let next = tokens.get(at + n)?;
        (joined(text, last, next) && is_name_word(next, true)).then_some(n)
    };
    if is_particle(&token.lower) && !token.capitalised {
        return after(1);
    }
    if !is_connector(&token.lower) || token.capitalised && token.lower != "of" {
        return None;
    }
    let gaz = gazetteer();
    let lex = lexicon();
    let left_is_org = tokens[start..at]
        .iter()
        .any(|t| gaz.is_org_cue(&t.lower) || lex.title(&t.lower).is_some());
    if !left_is_org {
        return None;
    }
    let second = tokens.get(at + 1)?;
    if token.lower == "of" && second.lower == "the" && joined(text, token, second) {
        return after(2);
    }
    if token.lower == "the" {
        return None;
    }
    after(1)
}

/// Turn one run into candidates: split off a leading title (and the role
/// words before it), judge the first word of a sentence, gather cues.
fn split_run(
    text: &str,
    tokens: &[Token],
    run: std::ops::Range<usize>,
    ctx: Context<'_>,
    out: &mut Vec<Candidate>,
) {
    let lex = lexicon();
    let gaz = gazetteer();
    let mut start = run.start;
    let end = run.end;
    let mut title: Option<(usize, usize, Option<Gender>)> = None; // token range, gender
    // Find the first title inside the run that leaves a name after it.
    'search: for j in start..end {
        for len in (1..=lex.longest_title.min(end - j)).rev() {
            let words: Vec<&str> = tokens[j..j + len]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let phrase = words.join(" ");
            if let Some(gender) = lex.title(&phrase) {
                let rest = &tokens[j + len..end];
                let rest_is_org = rest.iter().any(|t| gaz.is_org_cue(&t.lower));
                if rest.is_empty() || rest_is_org {
                    break;
                }
                title = Some((j, j + len, gender));
                break 'search;
            }
        }
        // only demonyms and place/org words may stand before a title
        if !ctx.headline && j > start + 3 {
            break;
        }
    }
    let mut role: Option<String> = None;
    let mut gender = None;
    let mut cues = Cues::default();
    if let Some((t_start, t_end, g)) = title {
        if t_start > start {
            // "Surrey Mayor", "Bank of Canada Governor": the words before
            // the title may themselves name a place or organisation.
            let prefix = &tokens[start..t_start];
            let all_demonyms = prefix.iter().all(|t| lex.is_demonym(&t.lower));
            if !all_demonyms {
                push_candidate(
                    text,
                    tokens,
                    start..t_start,
                    &ctx,
                    ctx.initial,
                    Cues::default(),
                    None,
                    None,
                    out,
                );
            }
        }
        let role_start = tokens[start].span.start;
        let role_end = tokens[t_end - 1].span.end;
        role = text.get(role_start..role_end).map(str::to_string);
        gender = g;
        cues.title = true;
        start = t_end;
    } else {
        // leading demonyms describe the name ("Canadian Tire" aside)
        while start + 1 < end && lex.is_demonym(&tokens[start].lower) {
            start += 1;
        }
    }
    // A lower-case role noun just before the run: "lawyer Jane Roe".
    if let Some(noun) = role_noun_before(text, tokens, run.start) {
        cues.role_before = true;
        if role.is_none() {
            role = Some(noun);
        }
    }
    if title.is_none() && ctx.initial && start == run.start {
        // The first word of a sentence: keep it only when it is a given
        // name or is not a common word the text uses in lower case.
        let first = &tokens[start].lower;
        let known_given = lex.given(first).is_some() && !(ctx.lowercase_seen)(first);
        if end - start >= 2 && !known_given && (ctx.lowercase_seen)(first) {
            start += 1;
        }
    }
    let initial = ctx.initial && start == run.start;
    push_candidate(
        text,
        tokens,
        start..end,
        &ctx,
        initial,
        cues,
        role,
        gender,
        out,
    );
}

/// "lawyer", "political scientist", "prime minister" right before the
/// token at `at`, as written.
fn role_noun_before(text: &str, tokens: &[Token], at: usize) -> Option<String> {
    let lex = lexicon();
    let prev = tokens.get(at.checked_sub(1)?)?;
    let next = tokens.get(at)?;
    if prev.capitalised || !joined(text, prev, next) || !lex.is_role_noun(&prev.lower) {
        return None;
    }
    Some(prev.span.text(text).to_string())
}

/// Whether the tokens after `end` make an apposition describing a person:
/// ", the mayor of ...", ", a lawyer", ", 45,", ", who ...".
fn apposition_after(text: &str, tokens: &[Token], end: usize) -> bool {
    let lex = lexicon();
    let (Some(last), Some(next)) = (tokens.get(end.wrapping_sub(1)), tokens.get(end)) else {
        return false;
    };
    let gap = text.get(last.end..next.span.start).unwrap_or("");
    if gap.trim() != "," {
        return false;
    }
    if next.lower == "who" || next.lower.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    tokens[end..]
        .iter()
        .take(4)
        .any(|t| !t.capitalised && lex.is_role_noun(&t.lower))
        && matches!(
            next.lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "then" | "now"
        )
}

#[allow(clippy::too_many_arguments)]
fn push_candidate(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    ctx: &Context<'_>,
    initial: bool,
    mut cues: Cues,
    role: Option<String>,
    gender: Option<Gender>,
    out: &mut Vec<Candidate>,
) {
    let lex = lexicon();
    let Some(part) = tokens.get(range.clone()) else {
        return;
    };
    let (Some(first), Some(last)) = (part.first(), part.last()) else {
        return;
    };
    if !part
        .iter()
        .any(|t| t.lower.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return; // initials or numbers alone
    }
    if part.len() == 1 && (lex.is_demonym(&first.lower) || lex.title(&first.lower).is_some()) {
        return;
    }
    let before = range.start.checked_sub(1).and_then(|i| tokens.get(i));
    let after = tokens.get(range.end);
    if after
        .is_some_and(|a| lex.is_reporting_verb(&a.lower) && joined(text, last, a) && !a.capitalised)
        || before.is_some_and(|b| lex.is_reporting_verb(&b.lower) && joined(text, b, first))
    {
        cues.speech = true;
    }
    if before.is_some_and(|b| is_place_preposition(&b.lower) && joined(text, b, first)) {
        cues.place_preposition = true;
    }
    cues.apposition |= apposition_after(text, tokens, range.end);
    let known_given = lex.given(&first.lower).is_some() && !(ctx.lowercase_seen)(&first.lower);
    let certainty = if ctx.headline {
        Certainty::Headline
    } else if initial && part.len() == 1 && !cues.title && !known_given {
        Certainty::Initial
    } else {
        Certainty::Certain
    };
    out.push(Candidate {
        span: Span::new(first.span.start, last.span.end),
        words: part.iter().map(|t| t.lower.clone()).collect(),
        certainty,
        cues,
        role,
        gender,
        acronym: acronym_after(text, tokens, range.end),
        all_caps: part.len() == 1 && first.all_caps && !ctx.headline,
    });
}

/// "(AFN)" right after a name: the acronym, lower case.
fn acronym_after(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    let last = tokens.get(end.checked_sub(1)?)?;
    let next = tokens.get(end)?;
    let gap = text.get(last.end..next.span.start)?;
    let close = text.get(next.end..)?;
    (gap.trim() == "(" && next.all_caps && close.starts_with(')')).then(|| next.lower.clone())
}
