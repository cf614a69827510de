//! Attribution: who said each quote, decided by a chain of sieves from the
//! most to the least certain (after CoreNLP's two-stage quote attribution:
//! first find the mention that speaks, then resolve it to an entity).
//!
//! 1. **adjacent cue**: a reporting verb right next to the quote, with the
//!    speaker beside it (`,” Putin added`, `,” said Mr Putin`, `Putin said:
//!    “`, `according to X`, `”, X, the mayor of Surrey, said`).
//! 2. **sentence cue**: the quote's sentence has a reporting verb (or a
//!    framing verb such as "called") whose subject names the speaker
//!    (`She said police were “very committed”`).
//! 3. **pronoun**: sieves 1–2 found he/she; resolved to the most salient
//!    compatible person before it (see [`super::speakers`]).
//! 4. **continuation**: a quote with no cue keeps the speaker of the quote
//!    it continues (same multi-paragraph quote, same paragraph, or the
//!    previous paragraph), or of the previous paragraph's reported speech.
//! 5. **role noun** and 6. **organisation**: a cue whose speaker is "the
//!    minister", "police" or "the ministry" is linked to the person holding
//!    that role or the organisation so named, else reported as written.
//!
//! Every sieve reads only the words between a quote and its neighbours, so
//! the chain is linear in the document.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::super::Span;
use super::super::segment::Segmentation;
use super::cues::{self, Tok, VerbForm, VerbHit};
use super::marks::Piece;
use super::speakers::{Head, People, floor_boundary};
use super::{Attribution, Speaker};

/// Rule names, as shown on the hover card.
pub const ADJACENT: &str = "adjacent cue";
pub const SENTENCE: &str = "sentence cue";
pub const SENTENCE_FINAL: &str = "sentence-final cue";
pub const PRONOUN: &str = "pronoun";
pub const ROLE: &str = "role noun";
pub const ORGANISATION: &str = "organisation";
pub const CONTINUATION: &str = "continuation";
pub const SAME_PARAGRAPH: &str = "same paragraph";
pub const PRECEDING_SPEECH: &str = "preceding reported speech";

/// Longest speaker noun phrase read before a trailing verb, in tokens
/// (an apposition may make it longer; see [`MAX_APPOSITION`]).
const MAX_SUBJECT: usize = 10;
const MAX_APPOSITION: usize = 16;
/// Longest noun phrase read after a verb ("said Heart and Stroke senior
/// manager Erin Kim").
const MAX_OBJECT_NP: usize = 9;
/// Tokens allowed between a leading cue verb and the quote for it to count
/// as adjacent ("said in a statement: “").
const ADJACENT_GAP: usize = 6;

/// Bytes of narrative read on each side of a quote, and before a quote for
/// the previous reported speech: cues are never farther away.
pub(super) const WINDOW: usize = 250;

/// One sieve's verdict on one quote.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: Option<Speaker>,
    pub attribution: Attribution,
}

/// One sieve of the chain: the cue, the speaker's words, rule, confidence.
type Sieve<'a> = dyn Fn() -> Option<(Span, Head, &'static str, f32)> + 'a;

/// Words around a quote inside its paragraph, up to the neighbouring quotes.
struct Context {
    /// Tokens before the quote, from the start of its sentence.
    before: Vec<Tok>,
    /// Tokens after the quote, up to the end of its sentence.
    after: Vec<Tok>,
}

fn context(text: &str, seg: &Segmentation, pieces: &[Piece], i: usize) -> Option<Context> {
    let piece = pieces.get(i)?;
    let para = seg.paragraphs.get(piece.para)?.span;
    let prev_end = i
        .checked_sub(1)
        .and_then(|j| pieces.get(j))
        .filter(|q| q.para == piece.para)
        .map_or(para.start, |q| q.span.end);
    let next_start = pieces
        .get(i + 1)
        .filter(|q| q.para == piece.para)
        .map_or(para.end, |q| q.span.start);
    // The cue sits within a sentence of the quote: read a bounded window.
    let from = prev_end.max(floor_boundary(
        text,
        piece.span.start.saturating_sub(WINDOW),
    ));
    let mut before = cues::tokenize(text, Span::new(from, piece.span.start.max(from)));
    match (0..before.len())
        .rev()
        .find(|&k| cues::ends_sentence(text, &before, k))
    {
        Some(cut) => {
            before.drain(..=cut);
        }
        None => {
            // `X called it “A” and said “B”`: the sentence began before the
            // previous quote; read its narrative too (not its quoted words).
            if let Some(earlier) = sentence_before_previous_piece(text, pieces, i) {
                before.splice(0..0, earlier);
            }
        }
    }
    let to = next_start.min(floor_boundary(text, piece.span.end + WINDOW));
    let mut after = cues::tokenize(text, Span::new(piece.span.end.min(to), to));
    if let Some(cut) = (0..after.len()).find(|&k| cues::ends_sentence(text, &after, k)) {
        after.truncate(cut);
    }
    Some(Context { before, after })
}

/// The narrative of the current sentence before the previous quote of the
/// same paragraph, when that quote does not end the sentence.
fn sentence_before_previous_piece(text: &str, pieces: &[Piece], i: usize) -> Option<Vec<Tok>> {
    let piece = pieces.get(i)?;
    let prev = pieces
        .get(i.checked_sub(1)?)
        .filter(|q| q.para == piece.para)?;
    if prev.inner.text(text).ends_with(['.', '!', '?']) {
        return None;
    }
    let floor = i
        .checked_sub(2)
        .and_then(|j| pieces.get(j))
        .filter(|q| q.para == piece.para)
        .map_or(0, |q| q.span.end);
    let from = floor.max(floor_boundary(text, prev.span.start.saturating_sub(WINDOW)));
    let mut toks = cues::tokenize(text, Span::new(from, prev.span.start.max(from)));
    if let Some(cut) = (0..toks.len())
        .rev()
        .find(|&k| cues::ends_sentence(text, &toks, k))
    {
        toks.drain(..=cut);
    }
    Some(toks)
}

/// What sieves 1–3 and 5–6 read in one quote's sentence, before the
/// speaker is resolved: the cue, the words naming the speaker, the rule and
/// its confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub cue: Span,
    pub head: Head,
    pub rule: &'static str,
    pub confidence: f32,
}

/// Sieves 1–3 and 5–6 for one quote: a cue in its own sentence.
pub fn cue_in_sentence(
    text: &str,
    seg: &Segmentation,
    pieces: &[Piece],
    i: usize,
    people: &People,
    recent: &HashSet<usize>,
) -> Option<Found> {
    let at = pieces.get(i)?.span.start;
    let cue = find_cue(text, seg, pieces, i, people)?;
    Some(resolve_cue(cue, at, people, recent))
}

/// The first sieve of 1–3 and 5–6 that finds a cue in quote `i`'s
/// sentence. It reads the quote's paragraph (and the narrative of the
/// sentence before the previous quote, at most [`WINDOW`] bytes back) and
/// the entity mentions there only.
pub fn find_cue(
    text: &str,
    seg: &Segmentation,
    pieces: &[Piece],
    i: usize,
    people: &People,
) -> Option<Cue> {
    let ctx = context(text, seg, pieces, i)?;
    let piece = pieces.get(i)?;
    let ends_sentence = piece.inner.text(text).ends_with('.');
    let sieves: [&Sieve; 7] = [
        &|| trailing(text, &ctx.after, people, ends_sentence).map(|(v, h)| (v, h, ADJACENT, 0.95)),
        &|| according_to(text, &ctx.before, people).map(|(v, h)| (v, h, ADJACENT, 0.9)),
        &|| leading(text, &ctx.before, people, true).map(|(v, h)| (v, h, ADJACENT, 0.9)),
        &|| leading(text, &ctx.before, people, false).map(|(v, h)| (v, h, SENTENCE, 0.75)),
        &|| according_to(text, &ctx.after, people).map(|(v, h)| (v, h, ADJACENT, 0.8)),
        &|| sentence_final(text, &ctx.after, people).map(|(v, h)| (v, h, SENTENCE_FINAL, 0.7)),
        &|| colon_intro(text, &ctx.before, people).map(|(v, h)| (v, h, SENTENCE, 0.6)),
    ];
    let (cue, head, rule, confidence) = sieves.iter().find_map(|sieve| sieve())?;
    Some(Cue {
        cue,
        head,
        rule,
        confidence,
    })
}

/// The speaker a cue names for a quote starting at `at`, and the rule
/// that decided (a pronoun, role or organisation lowers the confidence).
pub fn resolve_cue(cue: Cue, at: usize, people: &People, recent: &HashSet<usize>) -> Found {
    let Cue {
        cue,
        head,
        rule,
        confidence,
    } = cue;
    let speaker = people.speaker(&head, at, recent);
    let (rule, confidence) = match &head {
        Head::Pronoun(..) => (PRONOUN, confidence * 0.85),
        Head::Role { tag, .. } => match tag {
            cues::RoleTag::Organization => (ORGANISATION, confidence * 0.8),
            _ if speaker.as_ref().is_some_and(|s| s.entity.is_some()) => (ROLE, confidence * 0.8),
            _ => (ROLE, confidence * 0.7),
        },
        _ => (rule, confidence),
    };
    Found {
        speaker,
        attribution: Attribution {
            cue,
            speaker_mention: Some(head.span()),
            rule,
            confidence,
        },
    }
}

fn span_of(toks: &[Tok], hit: VerbHit) -> Option<Span> {
    Some(Span::new(
        toks.get(hit.first)?.span.start,
        toks.get(hit.end - 1)?.span.end,
    ))
}

/// `”, Putin added` / `,” said Mr Putin` / `”, X, the mayor of Y, said`.
fn trailing(
    text: &str,
    after: &[Tok],
    people: &People,
    quote_ends_sentence: bool,
) -> Option<(Span, Head)> {
    let skip = after
        .iter()
        .take_while(|t| t.is_punct(text, ",—–-)"))
        .count();
    let toks = after.get(skip..)?;
    // Verb first: `,” said Mr Putin`.
    if let Some(hit) = cues::verb_at(text, toks, 0).filter(|h| !h.framing) {
        let np = object_np(text, toks.get(hit.end..)?);
        if let Some(head) = people.head_of(np) {
            return Some((span_of(toks, hit)?, head));
        }
        return None;
    }
    // Speaker first: `,” Putin added`, `,” X, the mayor of Y, said`. After
    // a quote ending in a period, a capitalised word starts a new sentence.
    let first = toks.first().filter(|t| t.word)?;
    if quote_ends_sentence && skip == 0 && cues::is_capitalised(first.text(text)) {
        return None;
    }
    let limit = toks.len().min(MAX_APPOSITION);
    let hit = (1..limit)
        .filter_map(|k| cues::verb_at(text, toks, k))
        .find(|h| !h.framing && h.form == VerbForm::Finite)?;
    let subject = trim_fillers(text, toks.get(..hit.first)?);
    let main = main_chunk(text, subject);
    let named = main.first().is_some_and(|t| starts_noun_phrase(text, t))
        || main.iter().any(|t| cues::is_capitalised(t.text(text)));
    if main.len() > MAX_SUBJECT || !named || !(plain_noun_phrase(text, main) || is_it(text, main)) {
        return None;
    }
    let head = subject_head(text, subject, people)?;
    Some((span_of(toks, hit)?, head))
}

/// `Putin said: “`, `Putin said, “`, `she told reporters “`, and when not
/// `adjacent`, any reporting verb earlier in the sentence (`She said police
/// were “very committed”`).
fn leading(text: &str, before: &[Tok], people: &People, adjacent: bool) -> Option<(Span, Head)> {
    let mut end = before.len();
    while end > 0 {
        let t = before.get(end - 1)?;
        let w = t.text(text).to_lowercase();
        if t.is_punct(text, ",:—–-(") || w == "that" || w == "as" {
            end -= 1;
        } else {
            break;
        }
    }
    let toks = before.get(..end)?;
    let from = if adjacent {
        end.saturating_sub(ADJACENT_GAP + 1)
    } else {
        0
    };
    (from..end)
        .rev()
        .filter_map(|k| cues::verb_at(text, toks, k))
        .filter(|h| !(adjacent && h.framing))
        .take_while(|h| {
            adjacent || !relative_clause_between(text, toks.get(h.end..).unwrap_or(&[]))
        })
        .find_map(|hit| speaker_of_leading_verb(text, toks, hit, people))
}

/// `Acme posted a video in which a car takes “snow laps”`: a relative
/// clause between a verb and the quote has its own subject and verb, so
/// the earlier verb does not report the quoted words.
fn relative_clause_between(text: &str, toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        t.word
            && matches!(
                t.text(text).to_lowercase().as_str(),
                "which" | "who" | "whom" | "whose" | "where"
            )
    })
}

/// The speaker of a reporting verb before a quote: its subject, the
/// clause's subject for a participle, or the name right after it
/// (`said Mr Putin: “`) when that name runs up to the quote.
fn speaker_of_leading_verb(
    text: &str,
    toks: &[Tok],
    hit: VerbHit,
    people: &People,
) -> Option<(Span, Head)> {
    let cue = span_of(toks, hit)?;
    let clause = toks.get(..hit.first)?;
    if hit.form == VerbForm::Participle {
        // `..., saying “`: the clause's subject speaks.
        return Some((cue, clause_subject(text, clause, people)?));
    }
    if let Some(head) = subject_head(text, clause, people) {
        return Some((cue, head));
    }
    let rest = toks.get(hit.end..)?;
    let np = object_np(text, rest);
    if hit.framing || np.len() != rest.len() {
        return None;
    }
    Some((cue, people.head_of(np)?))
}

/// `... keep “a little money aside” for repairs, Lee says.`: an
/// attribution closing the quote's sentence after a comma.
fn sentence_final(text: &str, after: &[Tok], people: &People) -> Option<(Span, Head)> {
    let comma = after.iter().rposition(|t| t.is_punct(text, ","))?;
    trailing(text, after.get(comma + 1..)?, people, false)
}

/// `Okafor was more direct: “`: a sentence that introduces the quote with a
/// colon and no reporting verb; its subject speaks.
fn colon_intro(text: &str, before: &[Tok], people: &People) -> Option<(Span, Head)> {
    let colon = before.last().filter(|t| t.is_punct(text, ":"))?;
    let head = clause_subject(text, before.get(..before.len() - 1)?, people)?;
    let named = matches!(head, Head::Entity(..) | Head::Pronoun(..));
    (named && people.is_personal(&head)).then_some((colon.span, head))
}

/// The subject of the words before a verb: the head of the noun phrase
/// ending there, looking past an apposition on either side (`X, the mayor
/// of Y,` / `the mayor of Y, X,`) and past `with`/`of` + organisation
/// (`Tim Roe with the Health Authority`); for a coordinated verb (`she
/// picked it up and crowed`), the nearest pronoun or person before it.
fn subject_head(text: &str, toks: &[Tok], people: &People) -> Option<Head> {
    let toks = trim_fillers(text, toks);
    if toks.last().is_some_and(|t| t.is_punct(text, ",")) {
        return apposition_head(text, toks.get(..toks.len() - 1)?, people);
    }
    let np = subject_before(text, toks);
    let head = people.head_of(np);
    if head.as_ref().is_some_and(|h| people.is_personal(h)) {
        return head;
    }
    let start = toks.len() - np.len();
    let linked = start >= 2
        && toks.get(start - 1).is_some_and(|t| {
            matches!(
                t.text(text).to_lowercase().as_str(),
                "with" | "of" | "from" | "at" | "for"
            )
        });
    if linked {
        let owner = people.head_of(subject_before(text, toks.get(..start - 1)?));
        if owner.as_ref().is_some_and(|h| people.is_personal(h)) {
            return owner;
        }
    }
    let coordinated = toks
        .last()
        .is_some_and(|t| matches!(t.text(text), "and" | "but"));
    if head.is_none() && coordinated {
        return nearest_personal(text, toks, people).or_else(|| clause_subject(text, toks, people));
    }
    head
}

/// `X, the mayor of Y, said` / `the mayor of Y, X, said` / `X, Minister of
/// A, B and C, said`: the comma-separated chunks before the verb, read from
/// the verb back; the first that names a person wins, else the leftmost
/// that names anything (the head of the apposition).
fn apposition_head(text: &str, toks: &[Tok], people: &People) -> Option<Head> {
    let floor = toks.len().saturating_sub(2 * MAX_APPOSITION);
    let mut end = toks.len();
    let mut fallback = None;
    loop {
        let comma = toks
            .get(floor..end)?
            .iter()
            .rposition(|t| t.is_punct(text, ","))
            .map(|c| c + floor);
        let head = match comma {
            Some(c) => people.head_of(toks.get(c + 1..end)?),
            None => subject_head(text, toks.get(..end)?, people),
        };
        if let Some(h) = head {
            if people.is_personal(&h) {
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

/// The nearest pronoun or person mention in `toks`, from the end.
fn nearest_personal(text: &str, toks: &[Tok], people: &People) -> Option<Head> {
    toks.iter().rev().filter(|t| t.word).find_map(|t| {
        if let Some(p) = cues::subject_pronoun(t.text(text)) {
            return Some(Head::Pronoun(p, t.span));
        }
        people.first_person_in(t.span)
    })
}

/// The subject of a clause: its first person mention, else its first
/// pronoun, else its opening noun phrase (after an opening prepositional
/// phrase).
fn clause_subject(text: &str, toks: &[Tok], people: &People) -> Option<Head> {
    // "In a statement, the agency ...": skip an opening prepositional phrase.
    let opens_with_phrase = toks
        .first()
        .is_some_and(|t| cues::is_preposition(t.text(text)));
    let toks = match toks.iter().position(|t| t.is_punct(text, ",")) {
        Some(c) if opens_with_phrase => toks.get(c + 1..).unwrap_or(&[]),
        _ => toks,
    };
    let span = Span::new(toks.first()?.span.start, toks.last()?.span.end);
    if let Some(h) = people.first_person_in(span) {
        return Some(h);
    }
    let pronoun = toks.iter().find_map(|t| {
        cues::subject_pronoun(t.text(text))
            .filter(|p| *p != cues::Pronoun::It)
            .map(|p| Head::Pronoun(p, t.span))
    });
    pronoun.or_else(|| people.head_of(opening_noun_phrase(text, toks)))
}

/// `according to X` anywhere in `toks`.
fn according_to(text: &str, toks: &[Tok], people: &People) -> Option<(Span, Head)> {
    let k = toks.windows(2).position(|w| {
        w[0].text(text).eq_ignore_ascii_case("according") && w[1].text(text) == "to"
    })?;
    let np = object_np(text, toks.get(k + 2..)?);
    let head = people.head_of(np)?;
    let cue = Span::new(toks.get(k)?.span.start, toks.get(k + 1)?.span.end);
    Some((cue, head))
}

/// The noun phrase that starts `toks`: up to a comma, a clause word or
/// [`MAX_OBJECT_NP`] tokens.
fn object_np<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let mut n = 0;
    while let Some(t) = toks.get(n) {
        if n >= MAX_OBJECT_NP {
            break;
        }
        let w = t.text(text);
        let abbreviation_dot = t.is_punct(text, ".")
            && n > 0
            && toks
                .get(n - 1)
                .is_some_and(|p| cues::is_abbreviation(p.text(text)));
        if !t.word && !abbreviation_dot {
            break;
        }
        if t.word && (cues::is_np_stop(w) && !(w == "of" || w == "and")) {
            break;
        }
        n += 1;
    }
    toks.get(..n).unwrap_or(&[])
}

/// The subject noun phrase that ends `toks` (just before a verb): walks back
/// over fillers ("also", "later"), then over name-like words.
fn subject_before<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let mut toks = trim_fillers(text, toks);
    // `X, the mayor of Y, said`: step over the apposition to its head.
    if toks.last().is_some_and(|t| t.is_punct(text, ",")) {
        let inner = toks.get(..toks.len() - 1).unwrap_or(&[]);
        let comma = inner
            .iter()
            .rposition(|t| t.is_punct(text, ","))
            .filter(|&c| inner.len() - c <= MAX_APPOSITION);
        match comma {
            Some(c) => toks = inner.get(..c).unwrap_or(&[]),
            None => return &[],
        }
    }
    let mut start = toks.len();
    while start > 0 {
        let Some(t) = toks.get(start - 1) else { break };
        let w = t.text(text);
        let abbreviation_dot = t.is_punct(text, ".")
            && start >= 2
            && toks
                .get(start - 2)
                .is_some_and(|p| cues::is_abbreviation(p.text(text)));
        let pronoun = cues::subject_pronoun(w).is_some();
        let clause_word = cues::is_function_word(w) && !cues::is_determiner(w) && !pronoun;
        let name_like = t.word
            && !clause_word
            && (cues::is_capitalised(w)
                || cues::role_tag(w).is_some()
                || cues::is_determiner(w)
                || pronoun
                || w == "and"
                || w == "of");
        if !(name_like || abbreviation_dot) || toks.len() - start >= MAX_APPOSITION {
            break;
        }
        start -= 1;
        if pronoun {
            break;
        }
    }
    // "the prime minister": lower-case modifiers between a determiner and
    // the role noun.
    let opens_with_role = toks
        .get(start)
        .is_some_and(|t| cues::role_tag(t.text(text)).is_some());
    if opens_with_role {
        let det = (start.saturating_sub(4)..start).rev().find(|&k| {
            toks.get(k)
                .is_some_and(|t| cues::is_determiner(t.text(text)))
        });
        let plain = |k: usize| {
            toks.get(k).is_some_and(|t| {
                let w = t.text(text);
                t.word && !cues::is_capitalised(w) && !cues::is_function_word(w)
            })
        };
        if let Some(d) = det
            && (d + 1..start).all(plain)
        {
            start = d;
        }
    }
    toks.get(start..).unwrap_or(&[])
}

/// The first noun phrase of a clause (for participles: "Smith left,
/// saying “...”").
fn opening_noun_phrase<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let lead = usize::from(
        toks.first()
            .is_some_and(|t| cues::is_determiner(t.text(text))),
    );
    let n = toks
        .iter()
        .skip(lead)
        .position(|t| {
            !t.word
                || !(cues::is_capitalised(t.text(text)) || cues::role_tag(t.text(text)).is_some())
        })
        .map_or(toks.len(), |k| k + lead);
    toks.get(..n.min(MAX_SUBJECT)).unwrap_or(&[])
}

fn trim_fillers<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let mut end = toks.len();
    while end > 0
        && toks
            .get(end - 1)
            .is_some_and(|t| t.word && cues::is_filler(t.text(text)))
    {
        end -= 1;
    }
    toks.get(..end).unwrap_or(&[])
}

/// The words before the first comma (the head of `X, the mayor of Y,`).
fn main_chunk<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let n = toks
        .iter()
        .position(|t| t.is_punct(text, ",("))
        .unwrap_or(toks.len());
    toks.get(..n).unwrap_or(&[])
}

/// Whether a word can open a speaker noun phrase.
fn starts_noun_phrase(text: &str, t: &Tok) -> bool {
    let w = t.text(text);
    cues::is_capitalised(w)
        || cues::subject_pronoun(w).is_some()
        || cues::is_determiner(w)
        || cues::role_tag(w).is_some()
}

/// `,” it said`: a lone "it" is an organisation's pronoun, not a clause.
fn is_it(text: &str, toks: &[Tok]) -> bool {
    matches!(toks, [t] if t.text(text).eq_ignore_ascii_case("it"))
}

/// No clause words: the words before a trailing verb name someone rather
/// than say something ("the minister" yes, "he went to the store and" no).
fn plain_noun_phrase(text: &str, toks: &[Tok]) -> bool {
    static CLAUSE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        "to is was were are be been has had have who which that because when while if but it \
         not in on at for with by from as what would will can could should did do does \
         between after before during about than into over under since until through against \
         among without"
            .split_whitespace()
            .collect()
    });
    toks.iter()
        .all(|t| !CLAUSE_WORDS.contains(t.text(text).to_lowercase().as_str()))
}

/// Sieve 4's last resort: the last reported speaker in `span`, usually the
/// previous paragraph ("Smith said the plan failed.\n\n“It was doomed.”").
pub fn preceding_reporter(
    text: &str,
    span: Span,
    people: &People,
    recent: &HashSet<usize>,
) -> Option<Found> {
    let (cue, head) = reporter_in(text, span, people)?;
    reported_by(cue, head, people, recent)
}

/// The cue and the words naming the last reported speaker in `span` (see
/// [`preceding_reporter`]). It reads `span` and the entity mentions there
/// only.
pub fn reporter_in(text: &str, span: Span, people: &People) -> Option<(Span, Head)> {
    let start = span
        .start
        .max(floor_boundary(text, span.end.saturating_sub(2 * WINDOW)));
    let toks = cues::tokenize(text, Span::new(start, span.end.max(start)));
    let (hit, head) = (1..toks.len())
        .rev()
        .filter_map(|k| cues::verb_at(text, &toks, k))
        .filter(|h| !h.framing && h.form == VerbForm::Finite)
        .find_map(|hit| {
            let head = subject_head(text, toks.get(..hit.first)?, people)?;
            people.is_personal(&head).then_some((hit, head))
        })?;
    Some((span_of(&toks, hit)?, head))
}

/// The speaker a reporter found by [`reporter_in`] names.
pub fn reported_by(
    cue: Span,
    head: Head,
    people: &People,
    recent: &HashSet<usize>,
) -> Option<Found> {
    let at = head.span().start;
    let speaker = people.speaker(&head, at, recent)?;
    Some(Found {
        speaker: Some(speaker),
        attribution: Attribution {
            cue,
            speaker_mention: Some(head.span()),
            rule: PRECEDING_SPEECH,
            confidence: 0.5,
        },
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Config, analyze};

    /// (quoted words, speaker) of every speech quote, whole pipeline.
    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        analyze(text, &Config::default())
            .quotes
            .iter()
            .filter(|q| q.is_speech())
            .map(|q| (q.text(text), q.speaker.as_ref().map(|s| s.name.clone())))
            .collect()
    }

    #[test]
    fn a_relative_clause_stops_an_earlier_verb_from_cueing_a_phrase() {
        let text = "Norvale posted a clip in which a bus takes “winter laps” on ice.";
        assert_eq!(speakers(text), []);
        let text = "Mayor Ada Quist posted that the plan was “a winter lap” on ice.";
        assert_eq!(
            speakers(text),
            [("a winter lap".to_string(), Some("Ada Quist".to_string()))]
        );
    }

    /// A quoted woman, then paragraphs about men only, then "she says".
    fn long_gap(first_quote: &str) -> String {
        let filler = "Omar Brenn fixed the roof. He said it took a week.\n\n".repeat(6);
        format!(
            "Lena Quist runs the farm. {first_quote}\n\n{filler}             “We kept going anyway,” she says."
        )
    }

    #[test]
    fn she_far_from_any_woman_is_the_last_woman_quoted() {
        let text = long_gap("“The winters are long,” Quist said.");
        let last = speakers(&text).pop();
        assert_eq!(
            last,
            Some((
                "We kept going anyway,".to_string(),
                Some("Lena Quist".to_string())
            ))
        );
        // a woman named long ago but never quoted is too far back
        let text = long_gap("The winters are long.");
        let last = speakers(&text).pop();
        assert_eq!(last, Some(("We kept going anyway,".to_string(), None)));
    }

    #[test]
    fn a_title_inside_a_quote_tells_who_holds_the_role() {
        let text = "Talvik Dane, a former lawyer, won the vote.\n\n\
                    “Mayor Dane's plan is wrong,” Ana Roe said.\n\n\
                    Omar Brenn agreed with the critics.\n\n\
                    “We will build it anyway,” the mayor told reporters.";
        assert_eq!(
            speakers(text).pop(),
            Some((
                "We will build it anyway,".to_string(),
                Some("Talvik Dane".to_string())
            ))
        );
    }

    #[test]
    fn he_or_she_skips_a_genderless_name_with_nothing_personal_about_it() {
        let text = "Kiri Tamsin said the farm was failing.\n\n\
                    The loan came through Talvik Morrane in 2019.\n\n\
                    “We nearly lost it all,” she said.";
        assert_eq!(
            speakers(text).pop(),
            Some((
                "We nearly lost it all,".to_string(),
                Some("Kiri Tamsin".to_string())
            ))
        );
    }

    #[test]
    fn a_name_with_a_lower_case_article_prefix_speaks() {
        let text = "The aid group al-Hamra said it planned the raid.\n\n\
                    In its statement, al-Hamra said: “This raid was our answer to the ban.”";
        assert_eq!(
            speakers(text),
            [(
                "This raid was our answer to the ban.".to_string(),
                Some("al-Hamra".to_string())
            )]
        );
    }
}
