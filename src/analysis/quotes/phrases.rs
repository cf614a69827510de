//! Phrases: the speaker noun phrases around a reporting verb — the subject
//! before it (past fillers and appositions), the object after it, the
//! subject of a clause — read over a paragraph's tokens.

use std::ops::Range;

use super::super::Span;
use super::super::lexicon::Tags;
use super::super::text::{ParagraphModel, Token};
use super::mentions::{Head, Mentions};
use super::tables::{is_clause_opener, is_clause_word, is_filler, is_np_stop, is_relative};
use super::words::{
    Pronoun, is_capitalised, is_determiner, is_preposition, is_punct, is_word, pronoun, role_tag,
    titles_start,
};
use crate::analysis::work::{tick, tick_n};

/// Longest speaker noun phrase read before a trailing verb, in tokens
/// (an apposition may make it longer; see [`MAX_APPOSITION`]).
pub const MAX_SUBJECT: usize = 10;
pub const MAX_APPOSITION: usize = 16;
/// Longest noun phrase read after a verb ("said Heart and Stroke senior
/// manager Erin Kim").
const MAX_OBJECT_NP: usize = 9;
/// Longest parenthesis after a speaker's name ("(D-Ore.)"), in tokens.
const MAX_PARENTHESIS: usize = 6;

/// The subject of the words before a verb: the head of the noun phrase
/// ending there, looking past an apposition on either side (`X, the mayor
/// of Y,` / `the mayor of Y, X,`) and past `with`/`of` + organisation
/// (`Tim Roe with the Health Authority`); for a coordinated verb (`she
/// picked it up and crowed`), the nearest pronoun or person before it.
pub fn subject_head(m: &Mentions, toks: &[Token]) -> Option<Head> {
    let toks = trim_fillers(m, toks);
    if toks.last().is_some_and(|t| is_punct(m.para, t, ",")) {
        return apposition_head(m, toks.get(..toks.len() - 1)?);
    }
    let np = subject_before(m, toks);
    let head = m.head_of(np);
    if head.as_ref().is_some_and(|h| m.is_personal(h)) {
        return head;
    }
    let start = toks.len() - np.len();
    let linked = start >= 2
        && toks
            .get(start - 1)
            .is_some_and(|t| ["with", "of", "from", "at", "for"].contains(&m.para.lower(t)));
    if linked {
        let owner = m.head_of(subject_before(m, toks.get(..start - 1)?));
        if owner.as_ref().is_some_and(|h| m.is_personal(h)) {
            return owner;
        }
    }
    let coordinated = toks
        .last()
        .is_some_and(|t| is_word(m.para, t, "and") || is_word(m.para, t, "but"));
    if head.is_none() && coordinated {
        return nearest_personal(m, toks).or_else(|| clause_subject(m, toks));
    }
    head
}

/// `X, the mayor of Y, said` / `the mayor of Y, X, said` / `X, Minister of
/// A, B and C, said`: the comma-separated chunks before the verb, read from
/// the verb back; the first that names a person wins, else the leftmost
/// that names anything (the head of the apposition).
fn apposition_head(m: &Mentions, toks: &[Token]) -> Option<Head> {
    let floor = toks.len().saturating_sub(2 * MAX_APPOSITION);
    let mut end = toks.len();
    let mut fallback = None;
    loop {
        tick_n(end - floor.min(end) + 1);
        let comma = toks
            .get(floor..end)?
            .iter()
            .rposition(|t| is_punct(m.para, t, ","))
            .map(|c| c + floor);
        let head = match comma {
            // "Smith, delivering Cross’ speech, asked": a participle's
            // clause describes the head, it does not name it
            Some(c) if toks.get(c + 1).is_some_and(|t| is_participle(m, t)) => None,
            // "Sen. Joan Marsh, R-Ky., said": the party and state after a
            // name describe it
            Some(c) if is_party_designation(m, toks.get(c + 1..end)?) => None,
            Some(c) => m.head_of(toks.get(c + 1..end)?),
            // "Reprising a favourite line, the governor said": the same,
            // opening the sentence
            None if opens_participle_clause(m, toks) => None,
            None => subject_head(m, toks.get(..end)?),
        };
        if let Some(h) = head {
            if m.is_personal(&h) {
                return Some(h);
            }
            // Read back to front, so the last one found heads the phrase.
            fallback = Some(h);
        }
        match comma {
            Some(c) => end = c,
            None => return fallback,
        }
    }
}

/// "R-Ky.", "D-N.Y.", "I-Vt.": the one word of `toks` is a party's
/// initial, a hyphen and a state, as US news writes them after a
/// legislator's name.
fn is_party_designation(m: &Mentions, toks: &[Token]) -> bool {
    let mut words = toks.iter().filter(|t| t.is_word());
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let lower = m.para.lower(word);
    lower.len() > 2
        && matches!(lower.as_bytes(), [b'd' | b'r' | b'i', b'-', next, ..] if next.is_ascii_alphabetic())
        && is_capitalised(m.para, word)
}

/// A lower-case word ending in "-ing" ("delivering", "speaking").
fn is_participle(m: &Mentions, t: &Token) -> bool {
    t.is_word() && !is_capitalised(m.para, t) && m.para.lower(t).ends_with("ing")
}

/// "Reprising a favourite line", "Speaking to reporters": a capitalised
/// "-ing" word that is no name, before a lower-case word, opening `toks`.
fn opens_participle_clause(m: &Mentions, toks: &[Token]) -> bool {
    let mut words = toks.iter().filter(|t| t.is_word());
    let (Some(first), Some(next)) = (words.next(), words.next()) else {
        return false;
    };
    let lower = m.para.lower(first);
    is_capitalised(m.para, first)
        && lower.len() > 5
        && lower.ends_with("ing")
        && !first
            .tags
            .intersects(Tags::GIVEN_NAME | Tags::SURNAME | Tags::PLACE)
        && !is_capitalised(m.para, next)
}

/// The nearest pronoun or person mention in `toks`, from the end; "it"
/// is more often an object or a dummy subject ("said it was too early
/// but added") than the speaker.
fn nearest_personal(m: &Mentions, toks: &[Token]) -> Option<Head> {
    toks.iter().rev().filter(|t| t.is_word()).find_map(|t| {
        tick();
        if let Some(p) = pronoun(m.para, t) {
            return (p != Pronoun::It).then_some(Head::Pronoun(p, t.span));
        }
        m.first_person_in(t.span)
    })
}

/// The subject of a clause: its first person mention, else its first
/// pronoun, else its opening noun phrase (after an opening prepositional
/// phrase).
pub fn clause_subject(m: &Mentions, toks: &[Token]) -> Option<Head> {
    // "In a statement, the agency ...", "When Trump spoke, Rubio ...",
    // "Reprising a line, the governor ...": skip an opening prepositional
    // phrase, subordinate clause or participle's clause.
    // the first comma, the first pronoun and the opening noun phrase
    tick_n(3 * toks.len());
    let opens_with_phrase = toks
        .first()
        .is_some_and(|t| is_preposition(t) || t.tags.contains(Tags::SUBORDINATOR))
        || opens_participle_clause(m, toks);
    let toks = match toks.iter().position(|t| is_punct(m.para, t, ",")) {
        Some(c) if opens_with_phrase && c + 1 < toks.len() => toks.get(c + 1..).unwrap_or(&[]),
        _ => toks,
    };
    let span = Span::new(toks.first()?.span.start, toks.last()?.span.end);
    // whichever comes first: "Then he cut into Bush, calling him ..."
    let person = m.first_person_in(span);
    let pronoun = toks.iter().find_map(|t| {
        pronoun(m.para, t)
            .filter(|p| *p != Pronoun::It)
            .map(|p| Head::Pronoun(p, t.span))
    });
    let first = match (person, pronoun) {
        (Some(a), Some(b)) => Some(if b.span().start < a.span().start {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    };
    // "The president left no doubt ..., saying": a role phrase opening the
    // clause is its subject, before any name later in it
    let opening = m.head_of(opening_noun_phrase(m, toks));
    let role_first = opening.as_ref().is_some_and(|o| {
        matches!(o, Head::Role { .. })
            && first.as_ref().is_none_or(|f| {
                o.span().start < f.span().start && !titles_name(m, toks, o.span(), f.span())
            })
    });
    if role_first {
        return opening;
    }
    first.or(opening)
}

/// "Former Secretary of State Helen Marsh", "Minister of Finance Ana
/// Roe": the role is a title the name carries when the titles before the
/// name (see [`titles_start`]) reach back into the role.
fn titles_name(m: &Mentions, toks: &[Token], role: Span, name: Span) -> bool {
    toks.iter()
        .position(|t| t.span.start >= name.start)
        .map(|at| titles_start(m.para, toks, at))
        .and_then(|start| toks.get(start))
        .is_some_and(|t| t.span.start < role.end && t.span.start < name.start)
}

/// The noun phrase that starts `toks`: up to a punctuation mark, a stop
/// word or [`MAX_OBJECT_NP`] tokens.
pub fn object_np<'t>(m: &Mentions, toks: &'t [Token]) -> &'t [Token] {
    let n = toks
        .iter()
        .take(MAX_OBJECT_NP)
        .take_while(|t| {
            tick();
            let w = m.para.lower(t);
            t.is_word() && !(is_np_stop(w) && w != "of" && w != "and")
        })
        .count();
    toks.get(..n).unwrap_or(&[])
}

/// The subject noun phrase that ends `toks` (just before a verb): walks back
/// over fillers ("also", "later"), then over name-like words.
pub fn subject_before<'t>(m: &Mentions, toks: &'t [Token]) -> &'t [Token] {
    let para = m.para;
    let mut toks = trim_fillers(m, toks);
    // `X, the mayor of Y, said`: step over the apposition to its head.
    if toks.last().is_some_and(|t| is_punct(para, t, ",")) {
        let inner = toks.get(..toks.len() - 1).unwrap_or(&[]);
        let comma = inner
            .iter()
            .rposition(|t| {
                tick();
                is_punct(para, t, ",")
            })
            .filter(|&c| inner.len() - c <= MAX_APPOSITION);
        match comma {
            Some(c) => toks = inner.get(..c).unwrap_or(&[]),
            None => return &[],
        }
    }
    // `Rep. Joan Marsh (D-Ore.)`: a parenthesis after a name is not part
    // of the phrase.
    if toks.last().is_some_and(|t| is_punct(para, t, ")"))
        && let Some(open) = toks
            .iter()
            .rposition(|t| {
                tick();
                is_punct(para, t, "(")
            })
            .filter(|&o| toks.len() - o <= MAX_PARENTHESIS)
    {
        toks = toks.get(..open).unwrap_or(&[]);
    }
    let mut start = toks.len();
    while start > 0 {
        tick();
        let Some(t) = toks.get(start - 1) else { break };
        let w = para.lower(t);
        let is_pronoun = pronoun(para, t).is_some();
        let clause_word = is_clause_opener(w) && !is_determiner(t) && !is_pronoun;
        let name_like = t.is_word()
            && !clause_word
            && (is_capitalised(para, t)
                || role_tag(para, t).is_some()
                || is_determiner(t)
                || is_pronoun
                || w == "and"
                || w == "of");
        if !name_like || toks.len() - start >= MAX_APPOSITION {
            break;
        }
        start -= 1;
        if is_pronoun {
            break;
        }
    }
    // "the prime minister": lower-case modifiers between a determiner and
    // the role noun.
    let opens_with_role = toks.get(start).is_some_and(|t| role_tag(para, t).is_some());
    if opens_with_role {
        let det = (start.saturating_sub(4)..start)
            .rev()
            .find(|&k| toks.get(k).is_some_and(is_determiner));
        let plain = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.is_word() && !is_capitalised(para, t) && !is_clause_opener(para.lower(t))
            })
        };
        if let Some(d) = det
            && (d + 1..start).all(plain)
        {
            start = d;
        }
    }
    // "one veteran *of the government* said": a walk that stops inside an
    // of-phrase has not found the subject's head
    let joiner = toks
        .get(start)
        .is_some_and(|t| ["of", "and"].contains(&para.lower(t)));
    if joiner {
        start = toks.len();
    }
    if start == toks.len()
        && let Some(range) = description_range(m, toks)
    {
        return toks.get(range).unwrap_or(&[]);
    }
    // "one veteran of the ferry service said": a role phrase that is the
    // object of a preposition after a description is not the subject
    if toks.get(start).is_some_and(is_determiner)
        && let Some(range) = description_before_preposition(m, toks, start)
    {
        return toks.get(range).unwrap_or(&[]);
    }
    toks.get(start..).unwrap_or(&[])
}

/// When the phrase starting at `start` is the object of a preposition
/// (`for the buyer`), the description ending just before that preposition
/// (`a spokesman`).
fn description_before_preposition(
    m: &Mentions,
    toks: &[Token],
    start: usize,
) -> Option<Range<usize>> {
    let p = start
        .checked_sub(1)
        .filter(|&p| toks.get(p).is_some_and(is_preposition))?;
    Some(description_start(m, toks.get(..p)?)?..p)
}

/// Whether `t` can be the noun ending a description: a lower-case word,
/// not a function word, an adverb, a participle ("the memo *obtained*
/// by"), a number or a possessive.
pub fn is_description_noun(para: &ParagraphModel, t: &Token) -> bool {
    let w = para.lower(t);
    t.is_word()
        && !t.possessive
        && !is_capitalised(para, t)
        && !t.tags.intersects(Tags::FUNCTION_WORD | Tags::AUXILIARY)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with("ly")
        && !(w.len() > 4 && w.ends_with("ed"))
}

/// Most words of a description subject, determiner included.
const MAX_DESCRIPTION: usize = 5;

/// `the campaign said`, `one former executive said`, `the Heritage
/// Foundation website said`, `Powell’s office said`: a determiner (or a
/// possessive) and the plain words after it, up to a lower-case noun just
/// before the verb, is the subject even when no word of it names anyone.
/// Its range in `toks`.
///
/// "a spokesman for the buyer said", "one veteran of the government said":
/// the object of a preposition is not the subject; the description before
/// the preposition is, and the phrase is cut there.
fn description_range(m: &Mentions, toks: &[Token]) -> Option<Range<usize>> {
    let start = description_start(m, toks)?;
    let object = start
        .checked_sub(1)
        .is_some_and(|p| toks.get(p).is_some_and(is_preposition));
    if !object {
        return Some(start..toks.len());
    }
    let head = description_before_preposition(m, toks, start)?;
    // the head must not itself be the object of a preposition
    let head_is_object = head
        .start
        .checked_sub(1)
        .and_then(|q| toks.get(q))
        .is_some_and(is_preposition);
    (!head_is_object).then_some(head)
}

/// The start of the description that ends `toks`: its determiner or
/// possessive.
fn description_start(m: &Mentions, toks: &[Token]) -> Option<usize> {
    let para = m.para;
    toks.last()
        .filter(|t| is_description_noun(para, t) || role_tag(para, t).is_some())?;
    let floor = toks.len().saturating_sub(MAX_DESCRIPTION);
    for k in (floor..toks.len()).rev() {
        tick();
        let t = toks.get(k)?;
        let w = para.lower(t);
        if k + 1 < toks.len() && (is_determiner(t) || t.possessive) {
            return Some(k);
        }
        let plain = t.is_word()
            && !is_clause_opener(w)
            && !t.tags.intersects(Tags::FUNCTION_WORD | Tags::AUXILIARY);
        if !plain {
            return None;
        }
    }
    None
}

/// The first noun phrase of a clause (for participles: "Smith left,
/// saying “...”").
fn opening_noun_phrase<'t>(m: &Mentions, toks: &'t [Token]) -> &'t [Token] {
    let lead = usize::from(toks.first().is_some_and(is_determiner));
    tick_n(toks.len());
    let n = toks
        .iter()
        .skip(lead)
        .position(|t| !t.is_word() || !(is_capitalised(m.para, t) || role_tag(m.para, t).is_some()))
        .map_or(toks.len(), |k| k + lead);
    toks.get(..n.min(MAX_SUBJECT)).unwrap_or(&[])
}

pub fn trim_fillers<'t>(m: &Mentions, toks: &'t [Token]) -> &'t [Token] {
    let mut end = toks.len();
    while end > 0
        && toks
            .get(end - 1)
            .is_some_and(|t| t.is_word() && is_filler(m.para.lower(t)))
    {
        tick();
        end -= 1;
    }
    toks.get(..end).unwrap_or(&[])
}

/// The words before the first comma (the head of `X, the mayor of Y,`).
pub fn main_chunk<'t>(m: &Mentions, toks: &'t [Token]) -> &'t [Token] {
    tick_n(toks.len());
    let n = toks
        .iter()
        .position(|t| is_punct(m.para, t, ",("))
        .unwrap_or(toks.len());
    toks.get(..n).unwrap_or(&[])
}

/// Whether a word can open a speaker noun phrase.
pub fn starts_noun_phrase(m: &Mentions, t: &Token) -> bool {
    is_capitalised(m.para, t)
        || pronoun(m.para, t).is_some()
        || is_determiner(t)
        || role_tag(m.para, t).is_some()
}

/// `,” it said`: a lone "it" is an organisation's pronoun, not a clause.
pub fn is_it(m: &Mentions, toks: &[Token]) -> bool {
    matches!(toks, [t] if is_word(m.para, t, "it"))
}

/// No clause words: the words before a trailing verb name someone rather
/// than say something ("the minister" yes, "he went to the store and" no).
pub fn plain_noun_phrase(m: &Mentions, toks: &[Token]) -> bool {
    tick_n(toks.len());
    toks.iter().all(|t| !is_clause_word(m.para.lower(t)))
}

/// `Acme posted a video in which a car takes “snow laps”`: a relative
/// clause between a verb and the quote has its own subject and verb, so
/// the earlier verb does not report the quoted words.
pub fn relative_clause_between(m: &Mentions, toks: &[Token]) -> bool {
    tick_n(toks.len());
    toks.iter()
        .any(|t| t.is_word() && is_relative(m.para.lower(t)))
}
