//! The evidence around one name in its sentence: a role noun before it,
//! an apposition after it, a reporting verb next to it, a preposition or
//! article before it, an acronym in parentheses after it; and the cases
//! where the words around say it is no name of the story (a photo credit).

use super::super::Span;
use super::super::lexicon::Tags;
use super::Gender;
use super::candidates::{
    Candidate, Certainty, Context, Cues, is_camel_case, is_demonym_or_plural, is_place_preposition,
    joined,
};
use super::names::{is_particle, lexicon, role_gender};
use super::words::Token;
use crate::analysis::work::{tick, tick_n};

/// Most words of an employer between a name and its reporting verb
/// ("Jane Roe of Acme Capital Markets said").
const EMPLOYER_WORDS: usize = 3;

/// "lawyer", "political scientist", "prime minister" right before the
/// token at `at`, as written.
pub(super) fn role_noun_before(text: &str, tokens: &[Token], at: usize) -> Option<Span> {
    let lex = lexicon();
    let prev = tokens.get(at.checked_sub(1)?)?;
    let next = tokens.get(at)?;
    if prev.capitalised || !joined(text, prev, next) || !lex.is_role_noun(prev) {
        return None;
    }
    Some(prev.span)
}

/// An apposition after the token range ending at `end` that describes a
/// person: ", the mayor of Surrey,", ", a lawyer", ", 45,", ", who ...".
/// `Some(role)` carries the role words when they name one ("the mayor of
/// Surrey", "Minister of Finance"); `Some(None)` an age or "who" clause.
pub(super) fn apposition_after(text: &str, tokens: &[Token], end: usize) -> Option<Option<Span>> {
    let lex = lexicon();
    let last = tokens.get(end.checked_sub(1)?)?;
    let next = tokens.get(end)?;
    let gap = text.get(last.end..next.span.start)?;
    if gap.trim() != "," {
        return None;
    }
    if next.lower == "who" || next.lower.chars().all(|c| c.is_ascii_digit()) {
        return Some(None);
    }
    let titled = next.capitalised && lex.title(next).is_some();
    let described = matches!(
        next.lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "then" | "now"
    ) && tokens
        .get(end..)
        .unwrap_or(&[])
        .iter()
        .take(4)
        .any(|t| !t.capitalised && lex.is_role_noun(t));
    if !titled && !described {
        return None;
    }
    Some(role_phrase(text, tokens, end))
}

/// An apposition after the token range ending at `end` whose head is an
/// organisation noun: "Xinhua, the official Chinese news agency,", "Acme,
/// a Toronto firm that ...". The head is the last word before the phrase
/// ends (a comma, a clause, a preposition), so "the agency's director"
/// or "a lawyer for the firm" are no organisation's.
pub(super) fn organisation_apposition(text: &str, tokens: &[Token], end: usize) -> bool {
    const MOST_WORDS: usize = 8;
    let lex = lexicon();
    let Some((last, next)) = last_and_next(tokens, end) else {
        return false;
    };
    if text.get(last.end..next.span.start).map(str::trim) != Some(",")
        || !matches!(next.lower, "the" | "a" | "an" | "its")
    {
        return false;
    }
    let mut head = next;
    for pair in tokens
        .get(end..)
        .unwrap_or(&[])
        .windows(2)
        .take(MOST_WORDS - 1)
    {
        let [a, b] = pair else { break };
        tick();
        let gap = text.get(a.end..b.span.start).unwrap_or(",");
        if !gap.chars().all(char::is_whitespace)
            || a.possessive
            || matches!(
                b.lower,
                "of" | "for" | "at" | "in" | "from" | "with" | "that" | "which" | "who"
            )
        {
            break;
        }
        head = b;
    }
    !head.capitalised && !head.possessive && lex.is_org_noun(head)
}

/// The gender the first role noun of an apposition gives: "his wife"
/// (female), "the lawyer for her husband" (none: the lawyer's).
pub(super) fn head_noun_gender(phrase: &str) -> Option<Gender> {
    let lex = lexicon();
    tick_n(2 * phrase.len());
    let head = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .find(|w| lex.is_role_noun(w) || role_gender(w).is_some())?;
    role_gender(&head)
}

/// The words from `start` up to the next comma or the end of the clause,
/// at most eight words: the role an apposition states.
pub(super) fn role_phrase(text: &str, tokens: &[Token], start: usize) -> Option<Span> {
    const MOST_WORDS: usize = 8;
    let first = tokens.get(start)?;
    let mut last = first;
    for pair in tokens.get(start..)?.windows(2).take(MOST_WORDS - 1) {
        let [a, b] = pair else { break };
        let gap = text.get(a.end..b.span.start).unwrap_or(",");
        tick_n(gap.len() + 1);
        if !gap.chars().all(char::is_whitespace) {
            break;
        }
        last = b;
    }
    Some(Span::new(first.span.start, last.end))
}

/// A name found in a run, with the evidence its run gave, before the
/// words around it are read.
pub(super) struct Pending {
    /// Its tokens.
    pub range: std::ops::Range<usize>,
    /// It opens a sentence or clause.
    pub initial: bool,
    pub cues: Cues,
    pub role: Option<Span>,
    pub gender: Option<Gender>,
}

/// Words after "is a" in which an author's bio names the job.
const BIO_WORDS: usize = 8;

/// "... is a Toronto-based reporter", "... was the Star's food writer":
/// "is"/"was", an article or possessive, and a newsroom job within a few
/// words, right after the name ending at token `end`. Or the tagline of a
/// column: "…, the Investor's market strategist, writes exclusively for
/// our subscribers", "… writes about food for the Herald".
fn is_author_bio(text: &str, tokens: &[Token], end: usize) -> bool {
    let (Some(verb), Some(det)) = (tokens.get(end), tokens.get(end + 1)) else {
        return false;
    };
    let determiner = matches!(det.lower, "a" | "an" | "the") || det.possessive;
    let job = matches!(verb.lower, "is" | "was")
        && determiner
        && joined(text, verb, det)
        && tokens
            .iter()
            .skip(end + 1)
            .take(BIO_WORDS)
            .any(|t| t.tags.contains(Tags::NEWSROOM));
    job || writes_for(text, tokens, end)
}

/// "writes for", "writes exclusively for", "writes about food for": the
/// column's tagline, right after the name ending at token `end` or after
/// an apposition between commas.
fn writes_for(text: &str, tokens: &[Token], end: usize) -> bool {
    // the text between token `i - 1` and token `i`
    let gap = |i: usize| match (i.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(i)) {
        (Some(prev), Some(next)) => text.get(prev.span.end..next.span.start).unwrap_or(""),
        _ => "",
    };
    let mut at = end;
    if gap(at).trim() == "," {
        let Some(close) = (at + 1..=at + BIO_WORDS + 1).find(|&i| gap(i).contains(',')) else {
            return false;
        };
        at = close;
    }
    tokens.get(at).is_some_and(|t| t.lower == "writes")
        && tokens
            .iter()
            .skip(at + 1)
            .take(TAGLINE_GAP + 1)
            .any(|t| t.lower == "for")
}

/// Most words between "writes" and "for" in a column's tagline ("writes
/// about food for").
const TAGLINE_GAP: usize = 3;

/// Read the words around `name` and push it as a candidate, unless it is
/// no name at all (initials alone, a demonym, a title, a photo credit).
pub(super) fn push_candidate(ctx: &Context<'_>, name: Pending, out: &mut Vec<Candidate>) {
    let (text, tokens) = (ctx.text, ctx.tokens);
    let Pending {
        range,
        initial,
        mut cues,
        role,
        gender,
    } = name;
    let lex = lexicon();
    let Some(part) = tokens.get(range.clone()) else {
        return;
    };
    // The name's words are read by each scan below (letters, demonyms,
    // its key, the candidate's fields): counted together.
    tick_n(12 * part.iter().map(|t| t.lower.len() + 1).sum::<usize>());
    let (Some(first), Some(last)) = (part.first(), part.last()) else {
        return;
    };
    if !part
        .iter()
        .any(|t| t.lower.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return; // initials or numbers alone
    }
    let whole: Vec<&str> = part.iter().map(|t| t.lower).collect();
    if part.iter().all(|t| is_demonym_or_plural(t.lower)) || lex.title(&whole.join(" ")).is_some() {
        return; // "Canadian", "North American", "Prime Minister" alone
    }
    let before = range.start.checked_sub(1).and_then(|i| tokens.get(i));
    let after = tokens.get(range.end);
    let reporting = |t: &Token| lex.is_reporting_verb(t) && !t.capitalised;
    // A name is one person: its verb is "says" or "said", not "say". A
    // base form after a name is a noun ("the 2017 Hatch report") unless
    // the name ends a coordination ("Lee and Roe say").
    let coordinated = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| matches!(t.lower, "and" | "&"));
    let agrees =
        |t: &Token| coordinated || !t.tags.contains(Tags::BASE) || t.tags.contains(Tags::PAST);
    // "Cruz said", and "Cruz openly admitted", "Cruz also said": an adverb
    // may stand between the name and its verb
    let adverb = |t: &Token| !t.capitalised && (t.lower == "also" || t.lower.ends_with("ly"));
    let verb_after = after.is_some_and(|a| {
        joined(text, last, a)
            && ((reporting(a) && agrees(a))
                || (adverb(a)
                    && tokens
                        .get(range.end + 1)
                        .is_some_and(|v| reporting(v) && agrees(v) && joined(text, a, v))))
    });
    // "Jingyi Pan of IG said": the employer between the name and its verb
    let verb_after_employer = after.is_some_and(|of| {
        of.lower == "of" && joined(text, last, of) && {
            let mut at = range.end + 1;
            let mut prev = of;
            while let Some(t) = tokens
                .get(at)
                .filter(|t| t.capitalised && joined(text, prev, t))
            {
                tick();
                prev = t;
                at += 1;
                if at - range.end > EMPLOYER_WORDS + 1 {
                    break;
                }
            }
            at > range.end + 1
                && at - range.end <= EMPLOYER_WORDS + 1
                && tokens
                    .get(at)
                    .is_some_and(|v| reporting(v) && joined(text, prev, v))
        }
    });
    let verb_after = verb_after || verb_after_employer;
    // "said Jane Roe" names the speaker; "told Reuters" names the listener.
    let verb_before = before.is_some_and(|b| {
        lex.is_reporting_verb(b)
            && !matches!(b.lower, "told" | "tells" | "tell" | "asked" | "asks")
            && joined(text, b, first)
    });
    if verb_after || verb_before {
        cues.speech = true;
    }
    cues.author_bio = is_author_bio(text, tokens, range.end);
    if before.is_some_and(|b| is_place_preposition(b.lower) && joined(text, b, first)) {
        cues.place_preposition = true;
    }
    let word_before = before.filter(|b| joined(text, b, first));
    // news style puts no article before a person's name
    let article = |t: &Token| matches!(t.lower, "the" | "a" | "an");
    // "the 1916 Easter Rising", "the 2017 Hatch report": a year between
    // changes nothing
    let year_after_article = word_before.is_some_and(|year| {
        year.lower.len() == 4
            && year.lower.bytes().all(|b| b.is_ascii_digit())
            && range
                .start
                .checked_sub(2)
                .and_then(|i| tokens.get(i))
                .is_some_and(|a| article(a) && joined(text, a, year))
    });
    cues.determiner_before = word_before.is_some_and(article) || year_after_article;
    cues.org_noun_before = word_before.is_some_and(|b| !b.capitalised && lex.is_org_noun(b));
    // "a columnist for Bon Appétit", and any role "at" its employer: "a
    // technical researcher at Talos", "an analyst at Northgate Capital"
    cues.employer_before = word_before.is_some_and(|b| {
        matches!(b.lower, "for" | "at" | "with")
            && range
                .start
                .checked_sub(2)
                .and_then(|i| tokens.get(i))
                .is_some_and(|job| {
                    let newsroom = job.tags.contains(Tags::NEWSROOM);
                    let employee = b.lower == "at" && lex.is_role_noun(job);
                    !job.capitalised && (newsroom || employee) && joined(text, job, b)
                })
    });
    let reflexive = reflexive_after(tokens, range.end);
    cues.reflexive = reflexive.is_some();
    let gender = gender.or(reflexive);
    cues.org_apposition = organisation_apposition(text, tokens, range.end);
    let apposition = apposition_after(text, tokens, range.end).filter(|_| !cues.org_apposition);
    cues.apposition |= apposition.is_some();
    let gender = gender.or_else(|| {
        apposition
            .as_ref()
            .and_then(|a| *a)
            .and_then(|a| head_noun_gender(a.text(text)))
    });
    let role = role.or(apposition.flatten());
    cues.modifier = after
        .is_some_and(|a| !a.capitalised && lex.is_role_noun(a) && joined(text, last, a))
        || coordinated_modifier(text, tokens, range.end);
    if is_photo_credit(text, first, last) {
        return;
    }
    let known_given = lex.given(first).is_some() && !(ctx.lowercase_seen)(first.lower);
    // ALL-CAPS words in body text: a lead-in ("JANE ROE, the ...") when
    // they start with a given name, else a shouted heading.
    let shouting = part.len() >= 2 && part.iter().all(|t| t.all_caps) && lex.given(first).is_none();
    let certainty = if ctx.headline || shouting {
        Certainty::Headline
    } else if initial && part.len() == 1 && !cues.title && !known_given {
        Certainty::Initial
    } else {
        Certainty::Certain
    };
    out.push(Candidate {
        span: Span::new(first.span.start, last.span.end),
        words: part.iter().map(|t| t.lower.to_string()).collect(),
        word_spans: part.iter().map(|t| t.span).collect(),
        certainty,
        cues,
        role: role
            .and_then(|r| text.get(r.start..r.end))
            .map(str::to_string),
        role_span: role,
        title_span: None,
        gender,
        acronym: acronym_after(text, tokens, range.end),
        all_caps: part.len() == 1 && first.all_caps && !ctx.headline,
        common_words: part
            .iter()
            .filter(|t| !is_particle(*t))
            .filter(|t| (ctx.lowercase_seen)(t.lower) || lex.is_common_word(*t))
            .count(),
        has_digit: part
            .iter()
            .any(|t| t.lower.chars().any(|c| c.is_ascii_digit())),
        camel_case: part.iter().any(|t| is_camel_case(t.span.text(text))),
        acronym_first: part.len() >= 2 && first.all_caps,
        // (a name set all in capitals, "ROSALIND QUARTERMAINE", is not)
        acronym_last: !ctx.headline
            && part.len() >= 2
            && !part.iter().all(|t| t.all_caps)
            && part
                .last()
                .is_some_and(|t| t.all_caps && !is_name_suffix(t.lower)),
        dropped_first: None,
    });
}

/// Most capitalised words after "and" in a department's name ("Fish and
/// Wildlife", "Parks and Recreation").
const COORDINATED_NAME_WORDS: usize = 3;

/// The last word of the name ending at token `end`, and the word after.
fn last_and_next<'a, 't>(
    tokens: &'a [Token<'t>],
    end: usize,
) -> Option<(&'a Token<'t>, &'a Token<'t>)> {
    Some((tokens.get(end.checked_sub(1)?)?, tokens.get(end)?))
}

/// "a retired Alberta Fish and Wildlife biologist": the name ending at
/// token `end`, "and", a capitalised run, then a lower-case role noun:
/// the whole is one body's name qualifying someone's role.
fn coordinated_modifier(text: &str, tokens: &[Token], end: usize) -> bool {
    let lex = lexicon();
    let Some((last, and)) = last_and_next(tokens, end) else {
        return false;
    };
    if and.lower != "and" || !joined(text, last, and) {
        return false;
    }
    let mut prev = and;
    for t in tokens
        .get(end + 1..)
        .unwrap_or(&[])
        .iter()
        .take(COORDINATED_NAME_WORDS + 1)
    {
        tick();
        if !joined(text, prev, t) {
            return false;
        }
        if !t.capitalised {
            return !std::ptr::eq(prev, and)
                && (lex.is_role_noun(t) || names_a_profession(t.lower));
        }
        prev = t;
    }
    false
}

/// "biologist", "economist", "columnist": a profession in "-ist" that
/// the role list may lack (not a verb in "-sist" nor a "-list").
fn names_a_profession(lower: &str) -> bool {
    lower.len() >= 7
        && lower.ends_with("ist")
        && !lower.ends_with("sist")
        && !lower.ends_with("klist")
        && !matches!(
            lower,
            "playlist" | "wishlist" | "waitlist" | "shortlist" | "blacklist" | "whitelist"
        )
}

/// Words between a name and its reflexive pronoun: a verb, perhaps an
/// adverb ("Roe quickly found herself").
const REFLEXIVE_REACH: usize = 3;

/// "himself" or "herself" within a few lower-case words after the name
/// ending at token `end`: the gender it gives.
fn reflexive_after(tokens: &[Token], end: usize) -> Option<Gender> {
    tokens
        .get(end..)?
        .iter()
        .take(REFLEXIVE_REACH)
        .take_while(|t| !t.capitalised)
        .find_map(|t| {
            tick();
            match t.lower {
                "himself" => Some(Gender::Male),
                "herself" => Some(Gender::Female),
                _ => None,
            }
        })
}

/// Letters written after a person's name: generations, degrees, seats,
/// honours ("Jane Roe MP", "John Doe III").
fn is_name_suffix(lower: &str) -> bool {
    super::is_generation_suffix(lower)
        || matches!(
            lower,
            "mp" | "mpp"
                | "mla"
                | "mna"
                | "mhk"
                | "qc"
                | "kc"
                | "phd"
                | "md"
                | "obe"
                | "mbe"
                | "cbe"
                | "dds"
                | "esq"
                | "rn"
        )
}

/// A credit line: "With files from Jane Roe", "By Jane Roe and John Doe",
/// "Reporting by Jane Roe": the staff who wrote the story, not its people.
pub(super) fn is_credit_line(tokens: &[Token]) -> bool {
    tick_n(tokens.len());
    let words: Vec<&str> = tokens.iter().take(3).map(|t| t.lower).collect();
    let opener = match words.as_slice() {
        ["with", "files", "from", ..] => 3,
        ["by", ..] => 1,
        ["written" | "reporting" | "editing" | "compiled", "by", ..] => 2,
        _ => return false,
    };
    tokens
        .iter()
        .skip(opener)
        .all(|t| t.capitalised || matches!(t.lower, "and" | "the" | "of" | "in"))
}

/// "Jane Roe / The Canadian Press", "Agency/Jane Roe": a photo credit, not
/// a mention in the story.
pub(super) fn is_photo_credit(text: &str, first: &Token, last: &Token) -> bool {
    let after = text.get(last.end..).unwrap_or("");
    let before = text.get(..first.span.start).unwrap_or("");
    let after = after.trim_start_matches([' ', '\u{a0}']);
    let before_trimmed = before.trim_end_matches([' ', '\u{a0}']);
    tick_n(before.len() - before_trimmed.len() + 1);
    after.starts_with('/') || before_trimmed.ends_with('/')
}

/// "(AFN)" right after a name: the acronym, lower case.
pub(super) fn acronym_after(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    let last = tokens.get(end.checked_sub(1)?)?;
    let next = tokens.get(end)?;
    let gap = text.get(last.end..next.span.start)?;
    let close = text.get(next.end..)?;
    (gap.trim() == "(" && next.all_caps && close.starts_with(')')).then(|| next.lower.to_string())
}
