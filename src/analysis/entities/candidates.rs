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
use super::super::text::ParagraphModel;
use super::Gender;
use super::gazetteer::gazetteer;
use super::names::{is_particle, lexicon, role_gender};
use super::words::Token;

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
    /// "Kospi added 0.4 per cent": an index or company in a market report.
    pub market_figure: bool,
    /// "Jane Roe is a Toronto-based reporter ...": the author's bio line.
    pub author_bio: bool,
    /// A lower-case role noun follows: "Surrey mayor", "Acme spokesperson"
    /// (the name qualifies someone else's role).
    pub modifier: bool,
    /// "the" or "a" right before it: "at the Harbour Grill" (news style
    /// puts no article before a person's name).
    pub determiner_before: bool,
    /// An organisation noun right before it: "aid group Medline",
    /// "retailer Bell & Rowe".
    pub org_noun_before: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    /// The name words only: no title, no possessive.
    pub span: Span,
    /// Normalised words of the name.
    pub words: Vec<String>,
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
    /// A word has a capital inside it that no name prefix explains:
    /// "TransLink", "SkyTrain" (brands, not people; "McCallum" is fine).
    pub camel_case: bool,
    /// The common word cut from the start of a sentence-initial run
    /// ("Rally" of "Rally Canada said ..."), lower case.
    pub dropped_first: Option<String>,
}

/// "TransLink", "SkyTrain", "VoteCast"; not "McCallum", "MacVicar",
/// "DeLaet", "O'Brien", "LeBlanc", "FBI".
fn is_camel_case(word: &str) -> bool {
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
                words: vec![word.clone()],
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
                dropped_first: None,
            })
    }
}

/// Words that join two capitalised parts of one organisation's name.
fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "and" | "&" | "on" | "the")
}

fn is_place_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at" | "from" | "near" | "across" | "outside" | "throughout"
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
fn is_name_word(token: &Token, prev: Option<&Token>) -> bool {
    let lex = lexicon();
    if !token.capitalised || token.lower.chars().all(|c| c.is_numeric()) {
        return false;
    }
    if token.compound_adjective || is_contraction(token.lower) {
        return false;
    }
    // A function word capitalised right after a given name is a surname:
    // "Theresa May", "Michael Every" (but not "Monday", "I", "He").
    !lex.is_function_word(token.lower)
        || prev.is_some_and(|p| {
            !is_calendar_or_pronoun(token.lower)
                && (lex.given(p.lower).is_some() && lex.is_surname(token.lower)
                    || lex.is_frequent_given(p.lower))
        })
}

/// "They've", "ID'd", "Isn't": a word with a contracted verb or "not"
/// after its apostrophe is no name ("O'Neill", "D'Arcy" are).
fn is_contraction(lower: &str) -> bool {
    lower.rsplit_once(['\'', '’']).is_some_and(|(stem, tail)| {
        !stem.is_empty() && matches!(tail, "d" | "ll" | "re" | "ve" | "m" | "t")
    })
}

/// Days, months and pronouns: capitalised by convention, never surnames.
fn is_calendar_or_pronoun(lower: &str) -> bool {
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

/// A photo caption with its credit ("Jane Roe / The Canadian Press ...",
/// "... (AP Photo/Jane Roe)") or a video teaser ("WATCH: ...", "Video:
/// ..."): the people in it are pictured or reporting, not in the story.
pub(super) fn is_caption_or_teaser(body: &str) -> bool {
    let opening: String = body.chars().take(12).collect::<String>().to_lowercase();
    if opening.starts_with("watch") || opening.starts_with("video:") {
        return true;
    }
    const CREDITS: [&str; 8] = [
        "the canadian press",
        "getty images",
        "ap photo",
        "photo:",
        "(photo",
        "associated press",
        "reuters",
        "afp",
    ];
    if !body.contains('/') {
        return false;
    }
    let lower = body.to_lowercase();
    CREDITS.iter().any(|c| lower.contains(c))
}

/// A headline paragraph: ALL CAPS (see [`Hints::all_caps`]), or Title Case
/// (most words of four letters or more capitalised) without a final
/// period; at least two such words either way.
///
/// [`Hints::all_caps`]: super::super::text::Hints::all_caps
pub(super) fn is_headline(para: &ParagraphModel) -> bool {
    const LONGEST_HEADLINE: usize = 300;
    let body: &str = &para.text;
    if body.len() > LONGEST_HEADLINE {
        return false;
    }
    let ends_like_sentence = body.trim_end().ends_with(['.', '?', '!', ':', ',']);
    if ends_like_sentence && !para.hints.all_caps {
        return false;
    }
    let mut words = 0;
    let mut capitalised = 0;
    for t in para.tokens.list.iter().filter(|t| t.is_word()) {
        let word = t.span.text(body);
        if word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        words += 1;
        capitalised += usize::from(word.starts_with(char::is_uppercase));
    }
    if words < 2 {
        return false;
    }
    para.hints.all_caps || capitalised * 10 >= words * 8 && words >= 3 && !ends_like_sentence
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
fn runs(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(&tokens[i], None) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let (Some(prev), Some(next)) = (tokens.get(end - 1), tokens.get(end)) {
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
fn bridge(text: &str, tokens: &[Token], start: usize, at: usize) -> Option<usize> {
    let token = tokens.get(at)?;
    let after = |n: usize| {
        let last = tokens.get(at + n - 1)?;
        let next = tokens.get(at + n)?;
        (joined(text, last, next) && is_name_word(next, None)).then_some(n)
    };
    if is_particle(token.lower) && !token.capitalised {
        return after(1);
    }
    if !is_connector(token.lower) || token.capitalised && token.lower != "of" {
        return None;
    }
    let gaz = gazetteer();
    let lex = lexicon();
    let title_before_of = token.lower == "of"
        && at
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| lex.title(t.lower).is_some());
    let left_is_org = title_before_of || tokens[start..at].iter().any(|t| gaz.is_org_cue(t.lower));
    let right_is_org = || {
        tokens
            .get(at + 1..)
            .unwrap_or(&[])
            .iter()
            .skip_while(|t| t.lower == "the")
            .take_while(|t| t.capitalised)
            .any(|t| gaz.is_org_cue(t.lower))
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
fn split_run(
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
            let words: Vec<&str> = tokens[j..j + len].iter().map(|t| t.lower).collect();
            let phrase = words.join(" ");
            let as_title = lex
                .title(&phrase)
                .or_else(|| (len == 1 && lex.is_role_noun(&phrase)).then_some(None));
            if let Some(gender) = as_title {
                let rest = &tokens[j + len..end];
                let rest_is_org = rest.iter().any(|t| gaz.is_org_cue(t.lower))
                    || rest.len() >= 2 && rest.last().is_some_and(|t| gaz.is_place_cue(t.lower));
                if rest.is_empty() || rest_is_org {
                    break;
                }
                let name_at = if rest.first().is_some_and(|t| is_connector(t.lower)) {
                    // "Minister of Justice Jane Roe": the name starts at
                    // the last given name of the run.
                    let found = (1..rest.len()).find(|&k| {
                        lex.given(rest[k].lower).is_some() && (2..=3).contains(&(rest.len() - k))
                    });
                    match found {
                        Some(k) => j + len + k,
                        None => break,
                    }
                } else {
                    j + len
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
    let given_first = lex.given(tokens[start].lower).is_some();
    if title.is_none() && !given_first {
        // "Yellowhead MP", "Surrey Mayor": a name qualifying a title (but
        // "Robert Major" is a name).
        for len in (1..=super::names::LONGEST_TITLE).rev() {
            let Some(first) = end.checked_sub(len).filter(|&f| f > start) else {
                continue;
            };
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
            let prefix_key: Vec<&str> = prefix.iter().map(|t| t.lower).collect();
            let names_something = gaz.is_place(&prefix_key.join(" "))
                || prefix.iter().any(|t| gaz.is_org_cue(t.lower))
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
        gender = g;
        cues.title = true;
        start = t_end;
    } else {
        // leading demonyms describe a person's name ("Canadians Jane
        // Roe"), but belong to other names ("Russian Federation",
        // "Democratic National Committee", "North Korea")
        let mut k = start;
        while k + 1 < end && is_demonym_or_plural(tokens[k].lower) {
            k += 1;
        }
        let rest_is_acronym = k + 1 == end && tokens[k].all_caps;
        if k > start && (lex.given(tokens[k].lower).is_some() || rest_is_acronym) {
            start = k;
        }
        // "... Relations Mary Okafor": a common word, then a given name
        // and at most two more words: the name starts at the given name.
        if let Some(k) = (start + 1..end).rev().find(|&k| {
            lex.given(tokens[k].lower).is_some()
                && lex.is_common_word(tokens[k - 1].lower)
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
        let known_given = lex.given(first).is_some() && !(ctx.lowercase_seen)(first);
        let common = (ctx.lowercase_seen)(first) || lex.is_common_word(first);
        if end - start >= 2 && !known_given && common {
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

/// Mr, Mrs, Ms, ...: a courtesy title, not a role.
fn is_honorific(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs" | "ms" | "miss" | "mx" | "messrs" | "sir" | "dame"
    )
}

/// "Canadian", "Canadians".
fn is_demonym_or_plural(lower: &str) -> bool {
    let lex = lexicon();
    lex.is_demonym(lower) || lower.strip_suffix('s').is_some_and(|s| lex.is_demonym(s))
}

/// "lawyer", "political scientist", "prime minister" right before the
/// token at `at`, as written.
fn role_noun_before(text: &str, tokens: &[Token], at: usize) -> Option<Span> {
    let lex = lexicon();
    let prev = tokens.get(at.checked_sub(1)?)?;
    let next = tokens.get(at)?;
    if prev.capitalised || !joined(text, prev, next) || !lex.is_role_noun(prev.lower) {
        return None;
    }
    Some(prev.span)
}

/// An apposition after the token range ending at `end` that describes a
/// person: ", the mayor of Surrey,", ", a lawyer", ", 45,", ", who ...".
/// `Some(role)` carries the role words when they name one ("the mayor of
/// Surrey", "Minister of Finance"); `Some(None)` an age or "who" clause.
fn apposition_after(text: &str, tokens: &[Token], end: usize) -> Option<Option<Span>> {
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
    let titled = next.capitalised && lex.title(next.lower).is_some();
    let described = matches!(
        next.lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "then" | "now"
    ) && tokens
        .get(end..)
        .unwrap_or(&[])
        .iter()
        .take(4)
        .any(|t| !t.capitalised && lex.is_role_noun(t.lower));
    if !titled && !described {
        return None;
    }
    Some(role_phrase(text, tokens, end))
}

/// The gender the first role noun of an apposition gives: "his wife"
/// (female), "the lawyer for her husband" (none: the lawyer's).
fn head_noun_gender(phrase: &str) -> Option<Gender> {
    let lex = lexicon();
    let head = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .find(|w| lex.is_role_noun(w) || role_gender(w).is_some())?;
    role_gender(&head)
}

/// The words from `start` up to the next comma or the end of the clause,
/// at most eight words: the role an apposition states.
fn role_phrase(text: &str, tokens: &[Token], start: usize) -> Option<Span> {
    const MOST_WORDS: usize = 8;
    let first = tokens.get(start)?;
    let mut last = first;
    for pair in tokens.get(start..)?.windows(2).take(MOST_WORDS - 1) {
        let [a, b] = pair else { break };
        let gap = text.get(a.end..b.span.start).unwrap_or(",");
        if !gap.chars().all(char::is_whitespace) {
            break;
        }
        last = b;
    }
    Some(Span::new(first.span.start, last.end))
}

/// A name found in a run, with the evidence its run gave, before the
/// words around it are read.
struct Pending {
    /// Its tokens.
    range: std::ops::Range<usize>,
    /// It opens a sentence or clause.
    initial: bool,
    cues: Cues,
    role: Option<Span>,
    gender: Option<Gender>,
}

/// Read the words around `name` and push it as a candidate, unless it is
/// no name at all (initials alone, a demonym, a title, a photo credit).
fn push_candidate(ctx: &Context<'_>, name: Pending, out: &mut Vec<Candidate>) {
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
    let verb_after = after
        .is_some_and(|a| lex.is_reporting_verb(a.lower) && joined(text, last, a) && !a.capitalised);
    // "Kospi added 0.4 per cent": a market figure, not speech.
    let figure_follows = tokens
        .get(range.end + 1)
        .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()));
    // "said Jane Roe" names the speaker; "told Reuters" names the listener.
    let verb_before = before.is_some_and(|b| {
        lex.is_reporting_verb(b.lower)
            && !matches!(b.lower, "told" | "tells" | "tell" | "asked" | "asks")
            && joined(text, b, first)
    });
    if verb_after && figure_follows {
        cues.market_figure = true;
    } else if verb_after || verb_before {
        cues.speech = true;
    }
    if before.is_some_and(|b| is_place_preposition(b.lower) && joined(text, b, first)) {
        cues.place_preposition = true;
    }
    let word_before = before.filter(|b| joined(text, b, first));
    // "the Billy on the Street star": an article before a lone given name
    // belongs to a longer phrase that the name only modifies.
    let lone_given = part.len() == 1 && lex.is_frequent_given(first.lower);
    cues.determiner_before =
        word_before.is_some_and(|b| matches!(b.lower, "the" | "a" | "an")) && !lone_given;
    cues.org_noun_before = word_before.is_some_and(|b| !b.capitalised && lex.is_org_noun(b.lower));
    let apposition = apposition_after(text, tokens, range.end);
    cues.apposition |= apposition.is_some();
    let gender = gender.or_else(|| {
        apposition
            .as_ref()
            .and_then(|a| *a)
            .and_then(|a| head_noun_gender(a.text(text)))
    });
    let role = role.or(apposition.flatten());
    cues.modifier =
        after.is_some_and(|a| !a.capitalised && lex.is_role_noun(a.lower) && joined(text, last, a));
    cues.author_bio = is_author_bio(&tokens[range.end..]);
    if is_photo_credit(text, first, last) {
        return;
    }
    let known_given = lex.given(first.lower).is_some() && !(ctx.lowercase_seen)(first.lower);
    // ALL-CAPS words in body text: a lead-in ("JANE ROE, the ...") when
    // they start with a given name, else a shouted heading.
    let shouting =
        part.len() >= 2 && part.iter().all(|t| t.all_caps) && lex.given(first.lower).is_none();
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
            .filter(|t| !is_particle(t.lower))
            .filter(|t| (ctx.lowercase_seen)(t.lower) || lex.is_common_word(t.lower))
            .count(),
        has_digit: part
            .iter()
            .any(|t| t.lower.chars().any(|c| c.is_ascii_digit())),
        camel_case: part.iter().any(|t| is_camel_case(t.span.text(text))),
        acronym_first: part.len() >= 2 && first.all_caps,
        dropped_first: None,
    });
}

/// A credit line: "With files from Jane Roe", "By Jane Roe and John Doe",
/// "Reporting by Jane Roe": the staff who wrote the story, not its people.
fn is_credit_line(tokens: &[Token]) -> bool {
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

/// The words after a name say it is the author's bio: "is a Toronto-based
/// reporter", "is the Star's food writer".
fn is_author_bio(after: &[Token]) -> bool {
    let [verb, article, rest @ ..] = after else {
        return false;
    };
    matches!(verb.lower, "is" | "was")
        && matches!(article.lower, "a" | "an" | "the")
        && rest.iter().take(6).any(|t| {
            matches!(
                t.lower,
                "reporter"
                    | "writer"
                    | "columnist"
                    | "editor"
                    | "correspondent"
                    | "journalist"
                    | "contributor"
                    | "freelance"
                    | "freelancer"
            )
        })
}

/// "Jane Roe / The Canadian Press", "Agency/Jane Roe": a photo credit, not
/// a mention in the story.
fn is_photo_credit(text: &str, first: &Token, last: &Token) -> bool {
    let after = text.get(last.end..).unwrap_or("");
    let before = text.get(..first.span.start).unwrap_or("");
    after.trim_start_matches([' ', '\u{a0}']).starts_with('/')
        || before.trim_end_matches([' ', '\u{a0}']).ends_with('/')
}

/// "(AFN)" right after a name: the acronym, lower case.
fn acronym_after(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    let last = tokens.get(end.checked_sub(1)?)?;
    let next = tokens.get(end)?;
    let gap = text.get(last.end..next.span.start)?;
    let close = text.get(next.end..)?;
    (gap.trim() == "(" && next.all_caps && close.starts_with(')')).then(|| next.lower.to_string())
}

/// Most names in a list that an acronym may spell out.
const LONGEST_SPELLED_LIST: usize = 5;

/// "Harbours, Lakes and Waterways Ontario" ... "HLWO": an
/// organisation whose name is itself a list is cut into pieces at its
/// commas and "and"; when the article also uses an acronym that the
/// pieces' initials spell, the pieces become one candidate, so that the
/// acronym joins the full name. Linear: one pass over the candidates.
pub(super) fn join_spelled_out_lists(text: &str, cands: &[Candidate]) -> Option<Vec<Candidate>> {
    let acronyms: std::collections::HashSet<&str> = cands
        .iter()
        .filter(|c| c.all_caps && c.certainty != Certainty::Headline)
        .filter_map(|c| c.words.first().map(String::as_str))
        .filter(|w| (3..=8).contains(&w.len()))
        .collect();
    if acronyms.is_empty() {
        return None;
    }
    let mut spelled: Vec<(usize, usize, String)> = Vec::new();
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        while end < cands.len()
            && end - start < LONGEST_SPELLED_LIST
            && list_piece(&cands[end])
            && text
                .get(cands[end - 1].span.end..cands[end].span.start)
                .is_some_and(is_list_gap)
        {
            end += 1;
        }
        let found = (end - start >= 2 && list_piece(&cands[start]))
            .then(|| initials_of(&cands[start..end]))
            .filter(|letters| acronyms.contains(letters.as_str()));
        match found {
            Some(letters) => {
                spelled.push((start, end, letters));
                start = end;
            }
            None => start += 1,
        }
    }
    if spelled.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(cands.len());
    let mut next = spelled.into_iter().peekable();
    let mut i = 0;
    while i < cands.len() {
        match next.peek() {
            Some((s, e, _)) if *s == i => {
                let (s, e, letters) = next.next().unwrap_or_default();
                out.extend(merge_pieces(cands.get(s..e).unwrap_or(&[]), letters));
                i = e;
            }
            _ => {
                out.extend(cands.get(i).cloned());
                i += 1;
            }
        }
    }
    Some(out)
}

/// A candidate that may be one piece of a listed organisation name: body
/// text, not a title-led name, not starting with a given name.
fn list_piece(c: &Candidate) -> bool {
    c.certainty != Certainty::Headline
        && !c.all_caps
        && !c.cues.title
        && c.words
            .first()
            .is_some_and(|w| lexicon().given(w).is_none())
}

/// ", ", " and ", ", and ", " & ": the text between two listed names.
fn is_list_gap(gap: &str) -> bool {
    matches!(gap, ", " | " and " | ", and " | " & ")
}

/// The first letters of the pieces' words, joining words skipped.
fn initials_of(pieces: &[Candidate]) -> String {
    pieces
        .iter()
        .flat_map(|c| c.words.iter())
        .filter(|w| !is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// One candidate spanning `pieces`, with the acronym they spell.
fn merge_pieces(pieces: &[Candidate], acronym: String) -> Option<Candidate> {
    let first = pieces.first()?;
    let last = pieces.last()?;
    Some(Candidate {
        span: Span::new(first.span.start, last.span.end),
        words: pieces.iter().flat_map(|c| c.words.clone()).collect(),
        word_spans: pieces.iter().flat_map(|c| c.word_spans.clone()).collect(),
        certainty: Certainty::Certain,
        cues: Cues::default(),
        role: None,
        role_span: None,
        title_span: None,
        gender: None,
        acronym: Some(acronym),
        all_caps: false,
        common_words: pieces.iter().map(|c| c.common_words).sum(),
        has_digit: pieces.iter().any(|c| c.has_digit),
        acronym_first: false,
        camel_case: false,
        dropped_first: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, Gender, recognize_fresh};

    /// (name, kind, mentions as written) of every entity.
    fn entities(text: &str) -> Vec<(String, EntityKind, Vec<String>)> {
        recognize_fresh(text, &[])
            .into_iter()
            .map(|e| {
                let mentions = e
                    .mentions
                    .iter()
                    .map(|m| m.span.text(text).to_string())
                    .collect();
                (e.name, e.kind, mentions)
            })
            .collect()
    }

    fn gender_of(text: &str, name: &str) -> Option<Gender> {
        recognize_fresh(text, &[])
            .into_iter()
            .find(|e| e.name == name)
            .and_then(|e| e.gender)
    }

    #[test]
    fn a_kinship_noun_before_or_after_a_name_gives_its_gender() {
        let text = "Ada Quist came with her son Talvik Dane on Monday.";
        assert_eq!(gender_of(text, "Talvik Dane"), Some(Gender::Male));
        let text = "Talvik Dane, his wife, said the house was cold.";
        assert_eq!(gender_of(text, "Talvik Dane"), Some(Gender::Female));
        let text = "Talvik Dane, the lawyer for her husband, said the house was cold.";
        assert_eq!(gender_of(text, "Talvik Dane"), None);
    }

    #[test]
    fn a_listed_name_joins_up_when_an_acronym_spells_it() {
        let name = "Fisheries, Forests and Rivers Ontario";
        let text = "The letter came from Fisheries, Forests and Rivers Ontario on Monday. \
                    FFRO said the file was closed.";
        let found = entities(text);
        let full = found.iter().find(|(n, _, _)| n == name);
        assert_eq!(
            full.map(|(_, k, m)| (*k, m.clone())),
            Some((
                EntityKind::Organization,
                vec![name.to_string(), "FFRO".to_string()]
            ))
        );
    }

    #[test]
    fn a_list_stays_apart_without_its_acronym_or_when_it_lists_people() {
        let text = "The letter came from Fisheries, Forests and Rivers Ontario on Monday.";
        assert!(entities(text).iter().all(|(n, _, _)| !n.contains(',')));
        let text = "Omar, Lena and Maria Quill came on Monday. OLMQ said no.";
        assert!(entities(text).iter().all(|(n, _, _)| !n.contains(',')));
    }
}
