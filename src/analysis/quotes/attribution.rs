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
//!    compatible person before it (see [`super::people`]).
//! 4. **continuation**: a quote with no cue keeps the speaker of the quote
//!    it continues (see [`super::continuation`]), or of the previous
//!    paragraph's reported speech ([`reporter_in`]).
//! 5. **role noun** and 6. **organisation**: a cue whose speaker is "the
//!    minister", "police" or "the ministry" is linked to the person holding
//!    that role or the organisation so named, else reported as written.
//!
//! This module finds the cues (the local step: one paragraph's tokens and
//! its entity mentions); resolving them to speakers is document-wide.

use super::super::Span;
use super::super::lexicon::Tags;
use super::super::text::{Shape, Token};
use super::mentions::{Head, Mentions};
use super::phrases::{
    MAX_APPOSITION, MAX_SUBJECT, clause_subject, is_it, main_chunk, object_np, plain_noun_phrase,
    relative_clause_between, starts_noun_phrase, subject_before, subject_head, trim_fillers,
};
use super::pieces::Piece;
use super::words::{
    VerbForm, VerbHit, ends_sentence, is_capitalised, is_punct, tokens_in, verb_at,
};
use crate::analysis::work::{tick, tick_n};

/// Rule names, as shown on the hover card.
pub const ADJACENT: &str = "adjacent cue";
pub const SENTENCE: &str = "sentence cue";
pub const SENTENCE_FINAL: &str = "sentence-final cue";
pub const PRONOUN: &str = "pronoun";
pub const ROLE: &str = "role noun";
pub const ORGANISATION: &str = "organisation";
/// A role or organisation noun ("the senator", "the company") that no
/// person or organisation of the article is given: the one in focus.
pub const ROLE_IN_FOCUS: &str = "role noun, person in focus";
pub const ORGANISATION_IN_FOCUS: &str = "organisation in focus";
pub const CONTINUATION: &str = "continuation";
pub const SAME_PARAGRAPH: &str = "same paragraph";
pub const PRECEDING_SPEECH: &str = "preceding reported speech";
/// A quotation paragraph signed on the next line ("— Ana Roe (@anaroe)").
pub const SIGNATURE: &str = "signature";

/// Tokens allowed between a leading cue verb and the quote for it to count
/// as adjacent ("said in a statement: “").
const ADJACENT_GAP: usize = 6;

/// Bytes of narrative read on each side of a quote, and before a quote for
/// the previous reported speech: cues are never farther away.
const WINDOW: usize = 250;

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

/// One sieve of the chain: the cue, the speaker's words, rule, confidence.
type Sieve<'a> = dyn Fn() -> Option<(Span, Head, &'static str, f32)> + 'a;

/// Words around a quote inside its paragraph, up to the neighbouring quotes.
struct Context<'p> {
    /// Tokens before the quote, from the start of its sentence (with, for
    /// `X called it “A” and said “B”`, the narrative before the previous
    /// quote of the sentence).
    before: Vec<Token>,
    /// Tokens after the quote, up to the end of its sentence.
    after: &'p [Token],
}

fn floor_at(m: &Mentions, i: usize) -> usize {
    super::floor_boundary(&m.para.text, i)
}

/// The tokens of `span` from the start of the last sentence in it.
fn sentence_tail<'p>(m: &Mentions<'p>, span: Span) -> (&'p [Token], bool) {
    let toks = tokens_in(m.para, span);
    match (0..toks.len()).rev().find(|&k| {
        tick();
        ends_sentence(m.para, toks, k)
    }) {
        Some(cut) => (&toks[cut + 1..], true),
        None => (toks, false),
    }
}

fn context<'p>(m: &Mentions<'p>, pieces: &[Piece], i: usize) -> Option<Context<'p>> {
    let piece = pieces.get(i)?;
    let prev_end = i
        .checked_sub(1)
        .and_then(|j| pieces.get(j))
        .map_or(0, |q| q.span.end);
    let next_start = pieces
        .get(i + 1)
        .map_or(m.para.text.len(), |q| q.span.start);
    // The cue sits within a sentence of the quote: read a bounded window.
    let from = prev_end.max(floor_at(m, piece.span.start.saturating_sub(WINDOW)));
    let (tail, cut) = sentence_tail(m, Span::new(from, piece.span.start.max(from)));
    let mut before = Vec::new();
    if !cut {
        // `X called it “A” and said “B”`: the sentence began before the
        // previous quote; read its narrative too (not its quoted words).
        if let Some(earlier) = sentence_before_previous_piece(m, pieces, i) {
            before.extend_from_slice(earlier);
        }
    }
    before.extend_from_slice(tail);
    let to = next_start.min(floor_at(m, piece.span.end + WINDOW));
    let after = tokens_in(m.para, Span::new(piece.span.end.min(to), to));
    let end = (0..after.len())
        .find(|&k| {
            tick();
            ends_sentence(m.para, after, k)
        })
        .unwrap_or(after.len());
    Some(Context {
        before,
        after: &after[..end],
    })
}

/// The narrative of the current sentence before the previous quote of the
/// paragraph, when that quote does not end the sentence.
fn sentence_before_previous_piece<'p>(
    m: &Mentions<'p>,
    pieces: &[Piece],
    i: usize,
) -> Option<&'p [Token]> {
    let prev = pieces.get(i.checked_sub(1)?)?;
    if prev.inner.text(&m.para.text).ends_with(['.', '!', '?']) {
        return None;
    }
    let floor = i
        .checked_sub(2)
        .and_then(|j| pieces.get(j))
        .map_or(0, |q| q.span.end);
    let from = floor.max(floor_at(m, prev.span.start.saturating_sub(WINDOW)));
    Some(sentence_tail(m, Span::new(from, prev.span.start.max(from))).0)
}

/// The first sieve of 1–3 and 5–6 that finds a cue in piece `i`'s
/// sentence (`pieces` are the paragraph's, relative to it).
pub fn find_cue(m: &Mentions, pieces: &[Piece], i: usize) -> Option<Cue> {
    let ctx = context(m, pieces, i)?;
    let piece = pieces.get(i)?;
    let ends_sentence = piece.inner.text(&m.para.text).ends_with('.');
    let (before, after) = (ctx.before.as_slice(), ctx.after);
    let sieves: [&Sieve; 8] = [
        &|| trailing(m, after, ends_sentence).map(|(v, h)| (v, h, ADJACENT, 0.95)),
        &|| according_to(m, before).map(|(v, h)| (v, h, ADJACENT, 0.9)),
        &|| leading(m, before, true).map(|(v, h)| (v, h, ADJACENT, 0.9)),
        &|| leading(m, before, false).map(|(v, h)| (v, h, SENTENCE, 0.75)),
        &|| according_to(m, after).map(|(v, h)| (v, h, ADJACENT, 0.8)),
        &|| sentence_final(m, after).map(|(v, h)| (v, h, SENTENCE_FINAL, 0.7)),
        &|| colon_intro(m, before).map(|(v, h)| (v, h, SENTENCE, 0.6)),
        &|| headline_label(m, piece.span.start).map(|(v, h)| (v, h, SENTENCE, 0.6)),
    ];
    let (cue, head, rule, confidence) = sieves.iter().find_map(|sieve| sieve())?;
    Some(Cue {
        cue,
        head,
        rule,
        confidence,
    })
}

fn span_of(toks: &[Token], hit: VerbHit) -> Option<Span> {
    Some(Span::new(
        toks.get(hit.first)?.span.start,
        toks.get(hit.end - 1)?.span.end,
    ))
}

/// `”, Putin added` / `,” said Mr Putin` / `”, X, the mayor of Y, said`.
fn trailing(m: &Mentions, after: &[Token], quote_ends_sentence: bool) -> Option<(Span, Head)> {
    let skip = after
        .iter()
        .take_while(|t| {
            tick();
            is_punct(m.para, t, ",—–-)")
        })
        .count();
    let toks = after.get(skip..)?;
    // Verb first: `,” said Mr Putin`.
    if let Some(hit) = verb_at(m.para, toks, 0).filter(|h| !h.framing) {
        let head = m.head_of(object_np(m, toks.get(hit.end..)?))?;
        return Some((span_of(toks, hit)?, head));
    }
    // Speaker first: `,” Putin added`, `,” X, the mayor of Y, said`. After
    // a quote ending in a period, a capitalised word starts a new sentence.
    let first = toks.first().filter(|t| t.is_word())?;
    if quote_ends_sentence && skip == 0 && is_capitalised(m.para, first) {
        return None;
    }
    let limit = toks.len().min(MAX_APPOSITION);
    let hit = (1..limit)
        .filter_map(|k| {
            tick();
            verb_at(m.para, toks, k)
        })
        .find(|h| !h.framing && h.form == VerbForm::Finite)?;
    let subject = trim_fillers(m, toks.get(..hit.first)?);
    let main = main_chunk(m, subject);
    let named = main.first().is_some_and(|t| starts_noun_phrase(m, t))
        || main.iter().any(|t| is_capitalised(m.para, t));
    if main.len() > MAX_SUBJECT || !named || !(plain_noun_phrase(m, main) || is_it(m, main)) {
        return None;
    }
    let head = subject_head(m, subject)?;
    Some((span_of(toks, hit)?, head))
}

/// `Putin said: “`, `Putin said, “`, `she told reporters “`, and when not
/// `adjacent`, any reporting verb earlier in the sentence (`She said police
/// were “very committed”`).
fn leading(m: &Mentions, before: &[Token], adjacent: bool) -> Option<(Span, Head)> {
    let mut end = before.len();
    while let Some(t) = end.checked_sub(1).and_then(|k| before.get(k)) {
        tick();
        let w = m.para.lower(t);
        if is_punct(m.para, t, ",:—–-(") || w == "that" || w == "as" {
            end -= 1;
        } else {
            break;
        }
    }
    let toks = before.get(..end)?;
    // "When Brenn suggested ..., Roe fired back: “": a verb of an opening
    // subordinate clause does not report the quote
    let main_clause = match toks.first() {
        Some(t) if t.tags.contains(Tags::SUBORDINATOR) => toks
            .iter()
            .position(|t| {
                tick();
                is_punct(m.para, t, ",")
            })
            .map_or(0, |c| c + 1),
        _ => 0,
    };
    let from = if adjacent {
        end.saturating_sub(ADJACENT_GAP + 1).max(main_clause)
    } else {
        main_clause
    };
    (from..end)
        .rev()
        .filter_map(|k| {
            tick();
            verb_at(m.para, toks, k)
        })
        .filter(|h| !(adjacent && h.framing))
        .take_while(|h| adjacent || !relative_clause_between(m, toks.get(h.end..).unwrap_or(&[])))
        .find_map(|hit| speaker_of_leading_verb(m, toks, hit, end < before.len()))
}

/// The speaker of a reporting verb before a quote: its subject, the
/// clause's subject for a participle, or the name right after it
/// (`said Mr Putin: “`) when that name runs up to the quote's punctuation
/// (`punctuated`; in `thinks Emanuel “needs to ...”` the name is the
/// quoted clause's subject).
fn speaker_of_leading_verb(
    m: &Mentions,
    toks: &[Token],
    hit: VerbHit,
    punctuated: bool,
) -> Option<(Span, Head)> {
    let cue = span_of(toks, hit)?;
    let clause = toks.get(..hit.first)?;
    if hit.form == VerbForm::Participle {
        // `..., saying “`: the clause's subject speaks.
        return Some((cue, clause_subject(m, clause)?));
    }
    if let Some(head) = subject_head(m, clause) {
        return Some((cue, head));
    }
    let rest = toks.get(hit.end..)?;
    let np = object_np(m, rest);
    if hit.framing || np.len() != rest.len() || !punctuated {
        return None;
    }
    Some((cue, m.head_of(np)?))
}

/// `... keep “a little money aside” for repairs, Lee says.`: an
/// attribution closing the quote's sentence after a comma.
/// The commas are tried from the last: in `..., said Ann Lee, a
/// demographer at Emory.` the cue follows the one before the apposition.
fn sentence_final(m: &Mentions, after: &[Token]) -> Option<(Span, Head)> {
    after
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| {
            tick();
            is_punct(m.para, t, ",")
        })
        .take(MAX_FINAL_COMMAS)
        .find_map(|(comma, _)| trailing(m, after.get(comma + 1..)?, false))
}

/// How many commas from the end of a sentence a closing cue may sit.
const MAX_FINAL_COMMAS: usize = 3;

/// `Okafor was more direct: “`: a sentence that introduces the quote with a
/// colon and no reporting verb; its subject speaks.
fn colon_intro(m: &Mentions, before: &[Token]) -> Option<(Span, Head)> {
    let colon = before.last().filter(|t| is_punct(m.para, t, ":"))?;
    let head = clause_subject(m, before.get(..before.len() - 1)?)?;
    let named = matches!(head, Head::Entity(..) | Head::Pronoun(..));
    (named && m.is_personal(&head)).then_some((colon.span, head))
}

/// `Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying …`: a
/// headline that opens with a person's name and a colon gives what follows
/// to that person, as US headlines attribute (the quote may stand anywhere
/// after the colon). `start` is where the quote starts in the paragraph.
fn headline_label(m: &Mentions, start: usize) -> Option<(Span, Head)> {
    let hints = &m.para.hints;
    if !(hints.single_line && hints.words <= HEADLINE_LABEL_LINE_WORDS) {
        return None;
    }
    let toks = tokens_in(m.para, Span::new(0, start));
    let colon = toks
        .iter()
        .take(HEADLINE_LABEL_WORDS + 1)
        .position(|t| is_punct(m.para, t, ":"))?;
    let label = toks.get(..colon)?;
    if label.is_empty() || !label.iter().all(|t| t.is_word() && t.is_capitalised()) {
        return None;
    }
    let head = m.head_of(label)?;
    let named = matches!(head, Head::Entity(..));
    (named && m.is_personal(&head)).then_some((toks.get(colon)?.span, head))
}

/// Most words of a headline whose opening label attributes it.
const HEADLINE_LABEL_LINE_WORDS: usize = 20;

/// Most words of the label before a headline's colon ("Bill Clinton:",
/// "OK Gov Fallin:").
const HEADLINE_LABEL_WORDS: usize = 4;

/// `according to X` anywhere in `toks`.
fn according_to(m: &Mentions, toks: &[Token]) -> Option<(Span, Head)> {
    let k = toks.windows(2).position(|w| {
        tick();
        m.para.lower(&w[0]) == "according" && m.para.lower(&w[1]) == "to"
    })?;
    let head = m.head_of(object_np(m, toks.get(k + 2..)?))?;
    let cue = Span::new(toks.get(k)?.span.start, toks.get(k + 1)?.span.end);
    Some((cue, head))
}

/// Sieve 4's reading of reported speech: the cue and the words naming the
/// last reported speaker in `span` of the paragraph ("Smith said the plan
/// failed.\n\n“It was doomed.”").
pub fn reporter_in(m: &Mentions, span: Span) -> Option<(Span, Head)> {
    let start = span
        .start
        .max(floor_at(m, span.end.saturating_sub(2 * WINDOW)));
    let toks = tokens_in(m.para, Span::new(start, span.end.max(start)));
    let (hit, head) = (1..toks.len())
        .rev()
        .filter_map(|k| {
            tick();
            verb_at(m.para, toks, k)
        })
        .filter(|h| !h.framing && h.form == VerbForm::Finite)
        .find_map(|hit| {
            let head = subject_head(m, toks.get(..hit.first)?)?;
            m.is_personal(&head).then_some((hit, head))
        })?;
    Some((span_of(toks, hit)?, head))
}

/// The attribution cue of a sentence with no quotation marks: a speaker
/// and a reporting verb, read by the same grammar as a quote's cue. The
/// fragments pass judges whether it is an attribution left without its
/// quote. Spans are relative to the paragraph in a local result and
/// absolute in [`super::Quotes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BareCue {
    /// The sentence, as the text model splits it.
    pub sentence: Span,
    /// The speaker noun phrase, titles and determiner included ("Mayor Ann
    /// Lee", "the senator", "he"); an apposition after it is not part of it.
    pub speaker: Span,
    /// The reporting verb ("said", "pointed out").
    pub verb: Span,
    /// The lexicon tags of the verb (or of its phrase).
    pub verb_tags: Tags,
    /// The verb opens the sentence and the speaker follows it ("Said Ann
    /// Lee, ...").
    pub inverted: bool,
    /// The sentence opens with `according to` (the `verb`) and its source
    /// (the `speaker`).
    pub according_to: bool,
}

impl BareCue {
    /// The same cue `by` bytes further on.
    pub fn shifted(&self, by: usize) -> BareCue {
        BareCue {
            sentence: self.sentence.shifted(by),
            speaker: self.speaker.shifted(by),
            verb: self.verb.shifted(by),
            ..*self
        }
    }
}

/// The cue of sentence `k` of the paragraph, when the sentence holds no
/// quotation mark: a sentence-opening verb with the speaker after it
/// (`Said Ann Lee`, [`object_np`]), else the first lower-case finite
/// reporting verb whose subject ([`subject_before`]) names someone; or a
/// sentence-opening `according to` and its source.
pub fn bare_cue(m: &Mentions, k: usize) -> Option<BareCue> {
    let para = m.para;
    let sentence = *para.sentences.get(k)?;
    let marks = &para.quotes.marks;
    let first_mark = marks.partition_point(|mark| mark.span.start < sentence.start);
    if para.quotes.inside(sentence.start)
        || marks
            .get(first_mark)
            .is_some_and(|mark| sentence.contains(mark.span.start))
    {
        return None;
    }
    let toks = para.sentence(k);
    if let [first, second, rest @ ..] = toks
        && para.lower(first) == "according"
        && para.lower(second) == "to"
    {
        let source = object_np(m, rest);
        return Some(BareCue {
            sentence,
            speaker: Span::new(source.first()?.span.start, source.last()?.span.end),
            verb: Span::new(first.span.start, second.span.end),
            verb_tags: first.tags,
            inverted: false,
            according_to: true,
        });
    }
    let found = |hit: VerbHit, speaker: &[Token], inverted: bool| {
        // After an opening verb, any noun phrase ("Wrote one reader").
        if !inverted {
            m.head_of(speaker)?;
        }
        let verb_tags = match hit.end - hit.first {
            1 => toks.get(hit.first)?.tags,
            _ => phrase_tags(m, toks, hit)?,
        };
        Some(BareCue {
            sentence,
            speaker: Span::new(speaker.first()?.span.start, speaker.last()?.span.end),
            verb: span_of(toks, hit)?,
            verb_tags,
            inverted,
            according_to: false,
        })
    };
    let opening = verb_at(para, toks, 0)
        .filter(|h| !h.framing && h.form == VerbForm::Finite)
        .filter(|_| toks.first().is_some_and(|t| is_capitalised(para, t)));
    if let Some(hit) = opening
        && let Some(cue) = found(hit, object_np(m, toks.get(hit.end..)?), true)
    {
        return Some(cue);
    }
    (1..toks.len())
        .filter(|&v| {
            tick();
            toks.get(v).is_some_and(|t| t.shape == Shape::Lower)
        })
        .filter_map(|v| verb_at(para, toks, v))
        .filter(|h| !h.framing && h.form == VerbForm::Finite)
        .find_map(|hit| found(hit, subject_before(m, toks.get(..hit.first)?), false))
}

/// The tags of a two-word reporting phrase at `hit`.
fn phrase_tags(m: &Mentions, toks: &[Token], hit: VerbHit) -> Option<Tags> {
    tick_n(hit.end - hit.first);
    let words: Vec<&str> = toks
        .get(hit.first..hit.end)?
        .iter()
        .map(|t| m.para.lower(t))
        .collect();
    super::super::lexicon::phrase(&words).map(|(_, tags)| tags)
}

#[cfg(test)]
mod tests;
