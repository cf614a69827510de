//! The local step of the quote pass: everything read inside one paragraph.
//!
//! [`QuoteReading`] is a [`Pass`] whose key is the paragraph's entity
//! mentions (spans relative to the paragraph and kinds, see [`ReadingKey`])
//! and whether the paragraph is page furniture. From the paragraph's model
//! and that key it reads the quoted pieces and their shapes, each piece's
//! cue (speaker still as words, an entity named by its slot in the key),
//! the reported speech a continuation may borrow, and what the words
//! around each mention say about its person (pronoun, roles,
//! whether it opens its sentence or reports speech), and the attribution
//! cue of each sentence without quotation marks. The document-wide step
//! ([`super::find`]) numbers the groups and resolves the speakers.

use super::super::Span;
use super::super::driver::Pass;
use super::super::entities::{EntityKind, Gender};
use super::super::text::{ParagraphModel, Token};
use super::attribution::{self, BareCue, Cue};
use super::mentions::{Head, Mentions};
use super::pieces::{self, Piece, Shape, Within};
use super::tables::is_filler;
use super::words::{
    RoleTag, is_capitalised, is_punct, pronoun_gender, role_of_word, role_tag, tokens_in, verb_at,
};
use crate::analysis::lexicon::Tags;
use crate::analysis::work::{tick, tick_n};

/// The context of a paragraph's reading beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ReadingKey {
    /// Page furniture: no quotes are read in it.
    pub furniture: bool,
    /// The entity mentions inside the paragraph, relative to its start and
    /// sorted; a mention's index here is its slot.
    pub mentions: Vec<(Span, EntityKind)>,
}

/// What the words around one entity mention say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionReading {
    /// Inside one of the paragraph's quoted pieces.
    pub quoted: bool,
    /// A reporting verb follows it ("Okafor said", "Smith, the mayor, told").
    pub reports: bool,
    /// It opens its sentence (after titles and role words).
    pub subject: bool,
    /// Gender of the first pronoun after it, before the next person.
    pub pronoun: Option<Gender>,
    /// Roles the words around it give (role noun, phrase), in order.
    pub roles: Vec<(String, String)>,
}

/// One paragraph's reading, in offsets relative to the paragraph.
#[derive(Debug, Default)]
pub struct Reading {
    pub pieces: Vec<Piece>,
    /// Per piece: whether it continues the one before it (“A,” he said,
    /// “b.”).
    pub joined: Vec<bool>,
    pub shapes: Vec<Shape>,
    /// Per piece: the cue of its sentence.
    pub cues: Vec<Option<Cue>>,
    /// Per piece: the reported speaker in the narrative before it, when
    /// the piece does not open the paragraph.
    pub leads: Vec<Option<(Span, Head)>>,
    /// The last reported speaker of the paragraph.
    pub reporter: Option<(Span, Head)>,
    /// Per mention slot of the key.
    pub mentions: Vec<MentionReading>,
    /// The attribution cues of the sentences with no quotation marks.
    pub bare_cues: Vec<BareCue>,
}

/// The quote pass's local step.
pub struct QuoteReading;

impl Pass for QuoteReading {
    type Key = ReadingKey;
    type Local = Reading;

    fn local(&self, para: &ParagraphModel, key: &ReadingKey) -> Reading {
        read(para, key)
    }
}

/// Bytes after a mention read for its reporting verb, and the most tokens.
const REPORT_BYTES: usize = 60;
const MAX_REPORT_TOKENS: usize = 16;
/// A subject opens its sentence: at most a few title words precede it.
const SUBJECT_REACH: usize = 80;
const SUBJECT_LEAD_TOKENS: usize = 6;
/// Longest opening phrase before a subject ("At Sunday night's debate,"),
/// in tokens.
const OPENING_PHRASE_TOKENS: usize = 8;
/// How far after a mention a pronoun still votes for its gender.
const GENDER_WINDOW: usize = 160;
/// How far before and after a mention its role words are read, and how
/// many words.
const ROLE_BEFORE: usize = 60;
const ROLE_AFTER: usize = 80;
const ROLE_WORDS_BEFORE: usize = 5;
const ROLE_WORDS_AFTER: usize = 8;

fn read(para: &ParagraphModel, key: &ReadingKey) -> Reading {
    // the slots' spans and kinds
    tick_n(2 * key.mentions.len());
    let list: Vec<(Span, usize)> = key
        .mentions
        .iter()
        .enumerate()
        .map(|(slot, (s, _))| (*s, slot))
        .collect();
    let kinds: Vec<EntityKind> = key.mentions.iter().map(|(_, k)| *k).collect();
    let m = Mentions {
        para,
        list: &list,
        kinds: &kinds,
    };
    let pieces = if key.furniture {
        Vec::new()
    } else {
        pieces::paragraph_pieces(para)
    };
    let joined = (0..pieces.len())
        .map(|i| {
            tick();
            pieces::joins_previous(para, &pieces, i)
        })
        .collect();
    let shapes = pieces::shapes(para, &pieces);
    let cues = (0..pieces.len())
        .map(|i| {
            tick();
            attribution::find_cue(&m, &pieces, i)
        })
        .collect();
    let leads = pieces
        .iter()
        .map(|p| {
            tick();
            let lead = Span::new(0, p.span.start);
            let blank = lead.text(&para.text).trim().is_empty();
            (!blank)
                .then(|| attribution::reporter_in(&m, lead))
                .flatten()
        })
        .collect();
    let reporter = attribution::reporter_in(&m, Span::new(0, para.text.len()));
    let bare_cues = if key.furniture {
        Vec::new()
    } else {
        (0..para.sentences.len())
            .filter_map(|k| {
                tick();
                attribution::bare_cue(&m, k)
            })
            .collect()
    };
    let inside = Within::new(pieces.iter().map(|p| p.inner));
    let quoted: Vec<bool> = key
        .mentions
        .iter()
        .map(|(s, _)| {
            tick();
            inside.contains(s.start)
        })
        .collect();
    // for each slot, where the next person named outside quotes starts
    let mut next_person = vec![para.text.len(); key.mentions.len()];
    let mut after = para.text.len();
    for (slot, (s, kind)) in key.mentions.iter().enumerate().rev() {
        tick();
        if let Some(next) = next_person.get_mut(slot) {
            *next = after;
        }
        if *kind == EntityKind::Person && !quoted.get(slot).copied().unwrap_or(false) {
            after = s.start;
        }
    }
    let mentions = key
        .mentions
        .iter()
        .enumerate()
        .map(|(slot, &(span, kind))| {
            tick();
            let quoted = quoted.get(slot).copied().unwrap_or(false);
            let person = kind == EntityKind::Person;
            let next_person = next_person.get(slot).copied().unwrap_or(para.text.len());
            MentionReading {
                quoted,
                reports: reports_speech(para, span),
                subject: person && is_subject(para, span),
                pronoun: if person && !quoted {
                    pronoun_after(para, span, next_person)
                } else {
                    None
                },
                roles: if person {
                    mention_roles(para, span)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    Reading {
        pieces,
        joined,
        shapes,
        cues,
        leads,
        reporter,
        mentions,
        bare_cues,
    }
}

fn floor(para: &ParagraphModel, i: usize) -> usize {
    super::floor_boundary(&para.text, i)
}

/// Whether the mention at `span` is a possessor ("Calderon’s"): its last
/// token, which may run past the mention's own span, ends in ’s.
pub(super) fn ends_possessive(para: &ParagraphModel, span: Span) -> bool {
    let list = &para.tokens.list;
    let last = list.partition_point(|t| t.span.start < span.end);
    last.checked_sub(1)
        .and_then(|k| list.get(k))
        .is_some_and(|t| t.possessive && t.span.end >= span.end)
}

/// True when a reporting verb follows a mention ("Okafor said", "Smith,
/// the mayor, told").
fn reports_speech(para: &ParagraphModel, span: Span) -> bool {
    // "Calderon’s remarks": a possessor modifies the noun after it, which
    // is no verb of his even when it is spelled like one
    if ends_possessive(para, span) {
        return false;
    }
    let end = floor(para, span.end + REPORT_BYTES);
    let toks = tokens_in(para, Span::new(span.end, end.max(span.end)));
    let toks = &toks[..toks.len().min(MAX_REPORT_TOKENS)];
    // the apposition and the fillers are within these tokens
    tick_n(2 * toks.len());
    let mut k = 0;
    if toks.first().is_some_and(|t| is_punct(para, t, ",")) {
        // Step over an apposition.
        match toks.iter().skip(1).position(|t| is_punct(para, t, ",.")) {
            Some(c) if toks.get(c + 1).is_some_and(|t| is_punct(para, t, ",")) => k = c + 2,
            _ => return false,
        }
    }
    while toks
        .get(k)
        .is_some_and(|t| t.is_word() && is_filler(para.lower(t)))
    {
        k += 1;
    }
    verb_at(para, toks, k).is_some_and(|h| !h.framing)
}

/// True when a mention opens its sentence or the clause after an opening
/// phrase and its comma (after titles and role words).
pub(super) fn is_subject(para: &ParagraphModel, span: Span) -> bool {
    if ends_possessive(para, span) {
        return false;
    }
    let i = para.sentences.partition_point(|s| s.end <= span.start);
    let Some(sentence) = para.sentences.get(i) else {
        return false;
    };
    if span.start.saturating_sub(sentence.start) > SUBJECT_REACH {
        return false;
    }
    let before = tokens_in(para, Span::new(sentence.start, span.start));
    tick_n(before.len());
    // "At Sunday's debate, Sanders compared ...", "And a third, Dan Roe,
    // said": an opening phrase set off by the sentence's first comma
    // leaves the subject after it ("He said the firm, run by his friend,
    // Ann Lee, ..." opens with no such phrase)
    let opener_end = before.iter().position(|t| is_punct(para, t, ","));
    let opens_phrase = opener_end.is_some_and(|c| {
        c <= OPENING_PHRASE_TOKENS
            && before.iter().find(|t| t.is_word()).is_some_and(|t| {
                t.tags.intersects(
                    Tags::PREPOSITION
                        | Tags::CONJUNCTION
                        | Tags::SUBORDINATOR
                        | Tags::CIRCUMSTANCE_OPENER,
                )
            })
    });
    let lead = match opener_end {
        Some(c) if opens_phrase => before.get(c + 1..).unwrap_or(&[]),
        _ => before,
    };
    lead.len() <= SUBJECT_LEAD_TOKENS
        && lead
            .iter()
            .all(|t| !t.is_word() || is_capitalised(para, t) || role_tag(para, t).is_some())
}

/// The gender of the first gendered pronoun after a mention, within
/// [`GENDER_WINDOW`] and before `next_person` (where the next person
/// mention starts).
fn pronoun_after(para: &ParagraphModel, span: Span, next_person: usize) -> Option<Gender> {
    let end = floor(para, (span.end + GENDER_WINDOW).min(next_person));
    tokens_in(para, Span::new(span.end, end.max(span.end)))
        .iter()
        .filter(|t| {
            tick();
            t.is_word()
        })
        .find_map(|t| pronoun_gender(para.lower(t)))
}

/// (role noun, phrase) for each person role noun among `words` (lower
/// case), when any.
pub fn role_entries(words: &[&str]) -> Vec<(String, String)> {
    let person_role = |w: &&&str| matches!(role_of_word(w), Some(RoleTag::Person(_)));
    if !words.iter().any(|w| person_role(&w)) {
        return Vec::new();
    }
    tick_n(3 * words.len());
    let phrase = words.join(" ");
    words
        .iter()
        .filter(person_role)
        .map(|w| (w.to_string(), phrase.clone()))
        .collect()
}

/// The roles the words just before a mention and in an apposition after it
/// give, in that order.
fn mention_roles(para: &ParagraphModel, span: Span) -> Vec<(String, String)> {
    let lower = |toks: &[&Token]| -> Vec<&str> { toks.iter().map(|t| para.lower(t)).collect() };
    let before = Span::new(
        floor(para, span.start.saturating_sub(ROLE_BEFORE)),
        span.start,
    );
    // The noun phrase just before the name: a verb ends it ("Grayson's
    // spokeswoman said Hillary Clinton ..." gives Clinton no role).
    let mut words: Vec<&Token> = tokens_in(para, before)
        .iter()
        .rev()
        .take_while(|t| {
            tick();
            t.is_word() && !t.tags.contains(Tags::REPORTING_VERB)
        })
        .take(ROLE_WORDS_BEFORE)
        .collect();
    words.reverse();
    let mut roles = role_entries(&lower(&words));
    let after = Span::new(span.end, floor(para, span.end + ROLE_AFTER).max(span.end));
    if let [comma, rest @ ..] = tokens_in(para, after)
        && is_punct(para, comma, ",")
    {
        let words: Vec<&Token> = rest
            .iter()
            .take_while(|t| {
                tick();
                t.is_word()
            })
            .take(ROLE_WORDS_AFTER)
            .collect();
        roles.extend(role_entries(&lower(&words)));
    }
    roles
}
