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

use std::sync::Arc;

use super::super::Span;
use super::super::lexicon::Tags;
use super::Gender;
use super::evidence::{Pending, is_credit_line, push_candidate, role_noun_before};
use super::gazetteer::gazetteer;
pub(super) use super::name_words::{
    is_connector, is_demonym_or_plural, is_given_name_mid_sentence, is_honorific, is_name_word,
    is_place_preposition, joined, names_a_person_by_role, opens_clause, opens_name_as_given_name,
};
use super::names::{is_particle, lexicon, role_gender};
use super::words::Token;
use crate::analysis::work::{tick, tick_n};

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
    /// A lower-case role noun follows: "Surrey mayor", "Acme spokesperson"
    /// (the name qualifies someone else's role).
    pub modifier: bool,
    /// "the" or "a" right before it: "at the Harbour Grill" (news style
    /// puts no article before a person's name).
    pub determiner_before: bool,
    /// An organisation noun right before it: "aid group Medline",
    /// "retailer Bell & Rowe".
    pub org_noun_before: bool,
    /// An apposition whose head is an organisation noun follows: "Xinhua,
    /// the official Chinese news agency,".
    pub org_apposition: bool,
    /// After a job and the word for its employer: a newsroom job and
    /// "for"/"at"/"with" ("a columnist for Bon Appétit", "a reporter at the
    /// Herald": a publication), or any role and "at" ("a researcher at
    /// Talos": a firm, a school, an agency).
    pub employer_before: bool,
    /// The subject of an author's bio: "Jane Roe is a Toronto-based
    /// reporter covering ...", "Sam Lee was the paper's editor".
    pub author_bio: bool,
    /// A person's reflexive pronoun after its verb: "Sanders compared
    /// himself", "Roe found herself" (only people are "himself").
    pub reflexive: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    /// The name words only: no title, no possessive.
    pub span: Span,
    /// Normalised words of the name.
    pub words: Arc<[String]>,
    /// Where each word is (parallel to `words`).
    pub word_spans: Vec<Span>,
    pub certainty: Certainty,
    pub cues: Cues,
    /// The role as written ("Russian President", "political scientist").
    pub role: Option<String>,
    /// Where the role is written (before the name or in apposition).
    pub role_span: Option<Span>,
    /// The title words right before the name ("Prime Minister", "Mr.").
    pub title_span: Option<Span>,
    pub gender: Option<Gender>,
    /// An acronym given in parentheses right after it: "(AFN)".
    pub acronym: Option<String>,
    /// A single ALL-CAPS word ("FBI").
    pub all_caps: bool,
    /// How many of its words the text also uses in lower case.
    pub common_words: usize,
    /// A word has a digit ("C-48").
    pub has_digit: bool,
    /// The first word is an ALL-CAPS acronym ("CTV Vancouver").
    pub acronym_first: bool,
    /// The last of two or more words is an ALL-CAPS acronym that is no
    /// suffix of a person's name, after a word that is not in capitals
    /// ("August PBO" in "an August PBO report"; not "Jane Roe MP", not
    /// "ROSALIND QUARTERMAINE").
    pub acronym_last: bool,
    /// A word has a capital inside it that no name prefix explains:
    /// "QuillWorks", "HarbourLine" (brands, not people; "McCallum" is fine).
    pub camel_case: bool,
    /// The common word cut from the start of a sentence-initial run
    /// ("Rally" of "Rally Canada said ..."), lower case.
    pub dropped_first: Option<String>,
}

/// "QuillWorks", "HarbourLine", "PollCast"; not "McCallum", "MacVicar",
/// "DeLaet", "O'Brien", "LeBlanc", "FBI".
pub(super) fn is_camel_case(word: &str) -> bool {
    tick_n(2 * word.len());
    if word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return false;
    }
    let name_prefix = [
        "Mc", "Mac", "O'", "O’", "De", "Di", "Le", "La", "Du", "Van", "Fitz",
    ]
    .iter()
    .find(|p| word.starts_with(*p))
    .map_or(0, |p| p.len());
    let rest = word.get(name_prefix..).unwrap_or("");
    let mut chars = rest.chars();
    chars.next();
    let mut prev_alpha = true;
    for c in chars {
        if c.is_uppercase() && prev_alpha {
            return true;
        }
        prev_alpha = c.is_alphabetic();
    }
    false
}

impl Candidate {
    /// Equal in everything but where it is: the spans may differ, not
    /// whether a title or role is written. The document-wide decisions
    /// read candidates this far (see `document::KeptDecisions`). Every
    /// field is named, so a new one must be placed here.
    pub(super) fn same_apart_from_place(&self, other: &Candidate) -> bool {
        let Candidate {
            span: _,
            words,
            word_spans,
            certainty,
            cues,
            role,
            role_span,
            title_span,
            gender,
            acronym,
            all_caps,
            common_words,
            has_digit,
            acronym_first,
            acronym_last,
            camel_case,
            dropped_first,
        } = self;
        *words == other.words
            && word_spans.len() == other.word_spans.len()
            && *certainty == other.certainty
            && *cues == other.cues
            && *role == other.role
            && role_span.is_some() == other.role_span.is_some()
            && title_span.is_some() == other.title_span.is_some()
            && *gender == other.gender
            && *acronym == other.acronym
            && *all_caps == other.all_caps
            && *common_words == other.common_words
            && *has_digit == other.has_digit
            && *acronym_first == other.acronym_first
            && *acronym_last == other.acronym_last
            && *camel_case == other.camel_case
            && *dropped_first == other.dropped_first
    }

    pub(super) fn key(&self) -> String {
        self.words.join(" ")
    }

    /// Each word as a candidate of its own (for headline runs such as
    /// "Clinton Accuses Putin", whose words may name different things).
    pub(super) fn split_words(&self) -> impl Iterator<Item = Candidate> + '_ {
        self.words
            .iter()
            .zip(&self.word_spans)
            .map(|(word, span)| Candidate {
                span: *span,
                words: Arc::from([word.clone()]),
                word_spans: vec![*span],
                certainty: self.certainty,
                cues: Cues::default(),
                role: None,
                role_span: None,
                title_span: None,
                gender: None,
                acronym: None,
                all_caps: false,
                common_words: 0,
                has_digit: word.chars().any(|c| c.is_ascii_digit()),
                camel_case: false,
                acronym_first: false,
                acronym_last: false,
                dropped_first: None,
            })
    }
}

/// One sentence being read for candidates.
pub(super) struct Context<'a> {
    /// The paragraph's text (token spans are relative to it).
    pub text: &'a str,
    pub sentence: Span,
    /// The sentence's words.
    pub tokens: &'a [Token<'a>],
    /// The paragraph is a headline.
    pub headline: bool,
    /// Whether the document uses a word (one of the paragraph's) in lower case.
    pub lowercase_seen: &'a dyn Fn(&str) -> bool,
}

/// All candidates of one sentence, appended to `out` in order.
pub(super) fn sentence_candidates(ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    if is_credit_line(ctx.tokens) {
        return;
    }
    for run in runs(ctx.text, ctx.tokens) {
        let initial = opens_clause(ctx.text, ctx.tokens, run.start, ctx.sentence);
        split_run(ctx, run, initial, out);
    }
}

/// Index ranges of name-word runs, with particles and organisation
/// connectors inside them.
pub(super) fn runs(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        tick();
        if !is_name_word(&tokens[i], None)
            && !opens_name_as_given_name(text, tokens, i)
            && !is_given_name_mid_sentence(text, tokens, i)
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let (Some(prev), Some(next)) = (tokens.get(end - 1), tokens.get(end)) {
            tick();
            if !joined(text, prev, next) {
                break;
            }
            if is_name_word(next, Some(prev)) {
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
pub(super) fn bridge(text: &str, tokens: &[Token], start: usize, at: usize) -> Option<usize> {
    let token = tokens.get(at)?;
    let after = |n: usize| {
        let last = tokens.get(at + n - 1)?;
        let next = tokens.get(at + n)?;
        (joined(text, last, next) && is_name_word(next, None)).then_some(n)
    };
    if is_particle(token) && !token.capitalised {
        // "von der Leyen", "de la Cruz": two particles in a row
        let second = tokens
            .get(at + 1)
            .filter(|t| is_particle(*t) && !t.capitalised && joined(text, token, t));
        return if second.is_some() { after(2) } else { after(1) };
    }
    if !is_connector(token.lower) || token.capitalised && token.lower != "of" {
        return None;
    }
    let gaz = gazetteer();
    let lex = lexicon();
    // "Minister of Health", but not "Peter T. King of New York": a title
    // word after name words is a surname
    let title_before_of = token.lower == "of"
        && at
            .checked_sub(1)
            .filter(|&p| {
                tokens.get(start..p).is_some_and(|before| {
                    before.iter().all(|t| {
                        tick();
                        lex.title(t).is_some()
                    })
                })
            })
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| lex.title(t).is_some());
    let left = &tokens[start..at];
    let left_is_org = title_before_of
        || left.iter().any(|t| {
            tick();
            gaz.is_org_cue(t)
        });
    // "Stephen Vladeck of the University of Texas": a person's full name
    // (a given name, then more name words) before "of" is an affiliation
    // apposition, not the head of an organisation's name
    // ("Analyst Marcus Webb of Harbour Securities": a title or role word
    // that opens the sentence stands before the name, not in it)
    let named = left
        .iter()
        .position(|t| lex.title(t).is_none() && !t.tags.contains(Tags::ROLE))
        .map_or(&[][..], |first| &left[first..]);
    let left_is_person = token.lower == "of"
        && !left_is_org
        && named.len() >= 2
        && lex.given(&named[0]).is_some()
        && named.iter().all(|t| {
            tick();
            t.capitalised
        });
    // "John Bolton and Breitbart News": a person's full name (a given
    // name, then a surname) before "and" ends there; two names listed, not
    // one organisation's ("Procter and Gamble" has no given name first)
    let ends_in_full_name = matches!(token.lower, "and" | "&")
        && !left_is_org
        && left.len() >= 2
        && lex.given(&left[left.len() - 2]).is_some()
        && left.last().is_some_and(|t| t.capitalised);
    if left_is_person || ends_in_full_name {
        return None;
    }
    let right_is_org = || {
        tokens
            .get(at + 1..)
            .unwrap_or(&[])
            .iter()
            .skip_while(|t| {
                tick();
                t.lower == "the"
            })
            .take_while(|t| t.capitalised)
            .any(|t| {
                tick();
                gaz.is_org_cue(t)
            })
    };
    if !left_is_org && !right_is_org() {
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
pub(super) fn split_run(
    ctx: &Context<'_>,
    run: std::ops::Range<usize>,
    initial: bool,
    out: &mut Vec<Candidate>,
) {
    let (text, tokens) = (ctx.text, ctx.tokens);
    let lex = lexicon();
    let gaz = gazetteer();
    let mut start = run.start;
    let mut end = run.end;
    let mut title: Option<(usize, usize, Option<Gender>)> = None; // token range, gender
    // Find the first title inside the run that leaves a name after it.
    'search: for j in start..end {
        for len in (1..=super::names::LONGEST_TITLE.min(end - j)).rev() {
            tick_n(len);
            let words: Vec<&str> = tokens[j..j + len].iter().map(|t| t.lower).collect();
            let phrase = words.join(" ");
            let as_title = lex
                .title(&phrase)
                .or_else(|| (len == 1 && lex.is_role_noun(&phrase)).then_some(None));
            if let Some(gender) = as_title {
                let rest = &tokens[j + len..end];
                let rest_is_org = rest.iter().any(|t| {
                    tick();
                    gaz.is_org_cue(t)
                }) || rest.len() >= 2
                    && rest.last().is_some_and(|t| gaz.is_place_cue(t));
                if rest.is_empty() || rest_is_org {
                    break;
                }
                // "Dean Mallory": a title that is also a frequent given
                // name, opening the run before one more word, is the given
                // name (the office is written "Dean of Law Jane Roe")
                let given_name = len == 1
                    && j == start
                    && rest.len() == 1
                    && !tokens[j].dotted
                    && lex.is_frequent_given(&tokens[j]);
                if given_name {
                    break;
                }
                let name_at = if rest.first().is_some_and(|t| is_connector(t.lower)) {
                    // "Minister of Justice Jane Roe": the name starts at
                    // the last given name of the run.
                    let found = (1..rest.len()).find(|&k| {
                        tick();
                        lex.given(&rest[k]).is_some() && (2..=3).contains(&(rest.len() - k))
                    });
                    match found {
                        Some(k) => j + len + k,
                        None => break,
                    }
                } else {
                    // "Chief Executive Officer Sandra Oyelaran": more words
                    // of the office (titles, role nouns that are no given
                    // name) before a name of one word or more
                    let mut at = j + len;
                    while at + 1 < end && {
                        let t = &tokens[at];
                        (lex.title(t.lower).is_some() || lex.is_role_noun(t.lower))
                            && lex.given(t).is_none()
                    } {
                        tick();
                        at += 1;
                    }
                    at
                };
                title = Some((j, name_at, gender));
                break 'search;
            }
        }
        // only demonyms and place/org words may stand before a title
        if !ctx.headline && j > start + 3 {
            break;
        }
    }
    let mut role: Option<Span> = None;
    let mut title_span: Option<Span> = None;
    let mut gender = None;
    let mut cues = Cues::default();
    let given_first = lex.given(&tokens[start]).is_some();
    if title.is_none() && !given_first {
        // "Yellowhead MP", "Surrey Mayor": a name qualifying a title (but
        // "Robert Major" is a name).
        for len in (1..=super::names::LONGEST_TITLE).rev() {
            let Some(first) = end.checked_sub(len).filter(|&f| f > start) else {
                continue;
            };
            tick_n(len);
            let words: Vec<&str> = tokens[first..end].iter().map(|t| t.lower).collect();
            let surname_like = len == 1 && lex.is_surname(words.join(" ").as_str());
            if lex.title(&words.join(" ")).is_some() && !surname_like {
                end = first;
                cues.modifier = true;
                break;
            }
        }
    }
    if let Some((t_start, t_end, g)) = title {
        if t_start > start {
            // "Surrey Mayor", "Bank of Canada Governor": the words before
            // the title may themselves name a place or organisation.
            let prefix = &tokens[start..t_start];
            tick_n(3 * prefix.len());
            let prefix_key: Vec<&str> = prefix.iter().map(|t| t.lower).collect();
            let names_something = gaz.is_place(&prefix_key.join(" "))
                || prefix.iter().any(|t| gaz.is_org_cue(t))
                || prefix.iter().all(|t| t.all_caps);
            if names_something {
                let prefix = Pending {
                    range: start..t_start,
                    initial,
                    cues: Cues::default(),
                    role: None,
                    gender: None,
                };
                push_candidate(ctx, prefix, out);
            }
        }
        let role_start = tokens[start].span.start;
        let last_title = &tokens[t_end - 1];
        // "Mr." keeps its period in the title's span
        let title_end = last_title.span.end + usize::from(last_title.dotted);
        title_span = Some(Span::new(tokens[t_start].span.start, title_end));
        let honorific_only = t_end - start == 1 && is_honorific(tokens[start].lower);
        if !honorific_only {
            role = Some(Span::new(role_start, last_title.span.end));
        }
        // "the Queen Mary", "the President Lincoln": a ship, a hotel or a
        // school named after someone (news puts no article before a titled
        // person, but for the clergy's "the Rev.")
        let named_thing = t_start == start
            && !matches!(
                tokens[t_start].lower,
                "rev" | "reverend" | "hon" | "honourable" | "honorable"
            )
            && t_start
                .checked_sub(1)
                .and_then(|i| tokens.get(i))
                .is_some_and(|the| the.lower == "the" && joined(text, the, &tokens[t_start]));
        if named_thing {
            cues.determiner_before = true;
        } else {
            gender = g;
            cues.title = true;
        }
        start = t_end;
    } else {
        // leading demonyms describe a person's name ("Canadians Jane
        // Roe"), but belong to other names ("Russian Federation",
        // "Democratic National Committee", "North Korea")
        let mut k = start;
        while k + 1 < end && is_demonym_or_plural(tokens[k].lower) {
            tick();
            k += 1;
        }
        let rest_is_acronym = k + 1 == end && tokens[k].all_caps;
        if k > start && (lex.given(&tokens[k]).is_some() || rest_is_acronym) {
            start = k;
        }
        // "... Relations Mary Okafor": a common word, then a given name
        // and at most two more words: the name starts at the given name.
        if let Some(k) = (start + 1..end).rev().find(|&k| {
            tick();
            lex.given(&tokens[k]).is_some()
                && lex.is_common_word(&tokens[k - 1])
                && end - k >= 2
                && end - k <= 3
        }) {
            start = k;
        }
    }
    // A lower-case role noun just before the run: "lawyer Jane Roe".
    if let Some(noun) = role_noun_before(text, tokens, run.start) {
        cues.role_before = true;
        gender = gender.or_else(|| role_gender(&noun.text(text).to_lowercase()));
        if role.is_none() {
            role = Some(noun);
        }
    }
    if title.is_none() && initial && start == run.start {
        // The first word of a sentence: keep it only when it is a given
        // name or is not a common word the text uses in lower case.
        let first = &tokens[start].lower;
        let known_given = lex.given(*first).is_some() && !(ctx.lowercase_seen)(first);
        let common = (ctx.lowercase_seen)(first) || lex.is_common_word(*first);
        // "Quarry and Dunmore Publishing": a connector after it made the
        // run an organisation's name, which the word opens; so does a
        // designator that ends it ("Coastal Power Corp. said")
        let opens_organisation = tokens.get(start + 1).is_some_and(|t| is_connector(t.lower))
            || (end - start >= 3 && gazetteer().is_org_cue(&tokens[end - 1]));
        if end - start >= 2 && !known_given && common && !opens_organisation {
            start += 1;
        } else if end - start >= 3
            && end - start <= 4
            && names_a_person_by_role(&tokens[start])
            && lex.is_frequent_given(&tokens[start + 1])
        {
            // "Evacuee Tom Gutierrez, 66, said": a noun of a person's
            // part in the story, then a full name
            start += 1;
        }
    }
    let initial = initial && start == run.start;
    let dropped = (start == run.start + 1 && title.is_none())
        .then(|| tokens.get(run.start).map(|t| t.lower.to_string()))
        .flatten();
    let name_start = tokens.get(start).map(|t| t.span.start);
    let name = Pending {
        range: start..end,
        initial,
        cues,
        role,
        gender,
    };
    push_candidate(ctx, name, out);
    if let Some(c) = out.last_mut().filter(|c| Some(c.span.start) == name_start) {
        c.dropped_first = dropped;
        c.title_span = title_span;
    }
}
