//! Which tokens can be words of a name, and what joins them: the word
//! tests that the candidate reader ([`super::candidates`]) and the
//! evidence around a name ([`super::evidence`]) share (connectors, place
//! prepositions, honorifics, contractions, calendar words, a given name
//! mid-sentence).

use super::super::Span;
use super::super::lexicon::Tags;
use super::names::lexicon;
use super::words::Token;
use crate::analysis::work::tick_n;

/// Words that join two capitalised parts of one organisation's name.
pub(super) fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "and" | "&" | "on" | "the")
}

pub(super) fn is_place_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at" | "from" | "near" | "across" | "outside" | "throughout"
    )
}

/// The text between two tokens is white space only (a name may continue).
pub(super) fn joined(text: &str, prev: &Token, next: &Token) -> bool {
    if prev.possessive || prev.end > next.span.start {
        return false;
    }
    let gap = &text[prev.end..next.span.start];
    tick_n(2 * gap.len());
    let gap = if prev.dotted {
        gap.strip_prefix('.').unwrap_or(gap)
    } else {
        gap
    };
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && !gap.contains("\n\n")
}

/// The token starts a sentence, a quote or a clause after a colon or dash,
/// where capitals are conventional.
pub(super) fn opens_clause(text: &str, tokens: &[Token], i: usize, sentence: Span) -> bool {
    let gap_start = match i.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(prev) => prev.end,
        None => sentence.start,
    };
    let Some(token) = tokens.get(i) else {
        return false;
    };
    let gap = text.get(gap_start..token.span.start).unwrap_or("");
    tick_n(gap.len());
    i == 0 || gap.contains(['“', '"', '‘', ':', '—', '–', '(', '[', '•'])
}

/// A word that may be part of a name: capitalised (see [`Token`]; not a
/// function word, except a surname-like one after a name word: "Theresa
/// May").
pub(super) fn is_name_word(token: &Token, prev: Option<&Token>) -> bool {
    let lex = lexicon();
    tick_n(token.lower.len());
    if !token.capitalised || token.lower.chars().all(|c| c.is_numeric()) {
        return false;
    }
    if token.compound_adjective || is_contraction(token.lower) || is_party_and_state(token.lower) {
        return false;
    }
    // A function word capitalised right after a given name is a surname:
    // "Theresa May", "Michael Every" (but not "Monday", "I", "He"); so is
    // one the lexicon knows as a surname after any name word ("Yin Myint
    // May": a modal verb is not capitalised after a name).
    !lex.is_function_word(token)
        || prev.is_some_and(|p| {
            !is_calendar_or_pronoun(token.lower)
                && (lex.given(p).is_some() && lex.is_surname(token)
                    || lex.is_frequent_given(p)
                    || lex.is_surname(token)
                        && p.capitalised
                        && !p.all_caps
                        && !lex.is_function_word(p))
        })
}

/// "Jan Hatzuis", "Jun Li": a month's abbreviation that is also a given
/// name opens a name when a capitalised word that is no function word
/// follows it directly (no period after it: "Jan. 5" is a date).
pub(super) fn opens_name_as_given_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(token), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let lex = lexicon();
    token.capitalised
        && !token.dotted
        && token.tags.contains(Tags::CALENDAR)
        && lex.given(token.lower).is_some()
        && joined(text, token, next)
        && is_name_word(next, None)
        && !lex.is_function_word(next)
}

/// "..., Will urged voters": a function word that is also a given name
/// (Will; not the month May), capitalised inside a sentence (not after a sentence end,
/// an opening quotation mark, a colon or a dash) and joined to the word
/// after it, is a name: as a modal verb it would be in lower case.
pub(super) fn is_given_name_mid_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(token), Some(prev), Some(next)) = (
        tokens.get(i),
        i.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    let lex = lexicon();
    let before = text.get(prev.span.start..token.span.start).unwrap_or("");
    tick_n(before.len());
    token.capitalised
        && !token.all_caps
        && lex.is_function_word(token)
        && lex.given(token).is_some()
        && !is_calendar_or_pronoun(token.lower)
        // "last May": a month is no name here
        && !token.tags.contains(Tags::CALENDAR)
        && !before.contains(['.', '!', '?', '“', '"', '‘', ':', '—', '–', '(', '[', '•', '\n'])
        && joined(text, token, next)
        && next.span.text(text).chars().next().is_some_and(char::is_lowercase)
}

/// "R-Ohio", "D-Md.", "I-Vt.": the party and state US style puts after a
/// legislator's name, no name itself.
pub(super) fn is_party_and_state(lower: &str) -> bool {
    let mut chars = lower.chars();
    matches!(chars.next(), Some('r' | 'd' | 'i'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_alphabetic)
}

/// "They've", "ID'd", "Isn't": a word with a contracted verb or "not"
/// after its apostrophe is no name ("O'Neill", "D'Arcy" are).
pub(super) fn is_contraction(lower: &str) -> bool {
    lower.rsplit_once(['\'', '’']).is_some_and(|(stem, tail)| {
        !stem.is_empty() && matches!(tail, "d" | "ll" | "re" | "ve" | "m" | "t")
    })
}

/// Days, months and pronouns: capitalised by convention, never surnames.
pub(super) fn is_calendar_or_pronoun(lower: &str) -> bool {
    lower.ends_with("day")
        || matches!(
            lower,
            "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "i"
                | "he"
                | "she"
                | "we"
                | "they"
                | "it"
                | "you"
        )
}

/// "Evacuee", "Shopkeeper", "Volunteer", "Resident": a word shaped like a
/// noun for a person by what they do or undergo (-ee, -er, -or, -ist,
/// -ant, -ent, -ian), no given name or surname. A dictionary the lexicon
/// does not have would know more of them; the suffixes are how English
/// makes them.
pub(super) fn names_a_person_by_role(token: &Token) -> bool {
    let lex = lexicon();
    let lower = token.lower;
    lower.chars().count() >= 6
        && ["ee", "er", "or", "ist", "ant", "ent", "ian"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
        && lex.given(token).is_none()
        && !lex.is_surname(token)
}

/// Mr, Mrs, Ms, ...: a courtesy title, not a role.
pub(super) fn is_honorific(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs" | "ms" | "miss" | "mx" | "messrs" | "sir" | "dame"
    )
}

/// "Canadian", "Canadians".
pub(super) fn is_demonym_or_plural(lower: &str) -> bool {
    let lex = lexicon();
    lex.is_demonym(lower) || lower.strip_suffix('s').is_some_and(|s| lex.is_demonym(s))
}
