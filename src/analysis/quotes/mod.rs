//! Quotes: direct quotations and who said them.
//!
//! [`find`] runs in three steps: [`marks`] finds the quoted pieces (telling
//! quotation marks from apostrophes), each piece gets a kind (speech, scare
//! quote, title), and [`attribution`] runs its chain of sieves to name the
//! speaker of every piece of speech, resolving names, pronouns and roles to
//! entities through [`speakers`]. The reporting-verb lexicon and the other
//! word lists are in [`cues`].
//!
//! A quote interrupted by its attribution (`“We never intervene,” Mr Putin
//! said, “do not intervene.”`) or running over several paragraphs is
//! reported as one [`Quote`] per piece, the pieces sharing a `group` and a
//! speaker: that is how newsroom annotation counts quotes, and it keeps each
//! quote's span on one stretch of text.

pub mod attribution;
pub mod cues;
pub mod marks;
pub mod speakers;

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::Span;
use super::boilerplate::Boilerplate;
use super::entities::Entity;
use super::memo::Memo;
use super::segment::Segmentation;
use attribution::{Cue, Found};
use marks::Piece;
use speakers::{Head, MentionReading, People};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// A word or two in quotation marks that is not attributed speech.
    ScareQuote,
    /// The title of a work (film, book, song).
    Title,
}

/// Who said a quote, as far as the article tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name (the entity's name), or the role as written
    /// ("a spokesperson") when no named person holds it.
    pub name: String,
    /// Index into the analysis' entities, when the speaker is one.
    pub entity: Option<usize>,
}

/// The evidence for an attribution, for the hover card.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Span,
    /// The words that named the speaker here ("Mr Putin", "he").
    pub speaker_mention: Option<Span>,
    /// Which rule decided, e.g. "adjacent cue", "pronoun", "continuation".
    pub rule: &'static str,
    /// 0.0–1.0: how sure the rule is.
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to the closing mark, marks included.
    pub span: Span,
    /// The quoted words, without the marks. `find` reports one piece per
    /// quote (pieces of one quotation share a `group`), so this holds one
    /// span; hand-built quotes in tests may hold several.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub attribution: Option<Attribution>,
    /// Pieces of one quotation (interrupted by its attribution, or running
    /// over several paragraphs) share a group number.
    pub group: usize,
}

impl Quote {
    /// True for words someone said or wrote (not a scare quote or title).
    pub fn is_speech(&self) -> bool {
        self.kind == QuoteKind::Speech
    }

    /// The quoted words, parts joined with a space.
    pub fn text(&self, text: &str) -> String {
        self.parts
            .iter()
            .map(|p| p.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when `offset` lies inside any part.
    pub fn contains(&self, offset: usize) -> bool {
        self.span.contains(offset) || self.parts.iter().any(|p| p.contains(offset))
    }
}

/// What this pass keeps between analyses of one document.
///
/// The pass is split in two. The *local* step reads one paragraph: its
/// quoted pieces, their shapes, and whether one continues the one before
/// ([`Marked`], keyed by the paragraph's text); then what attribution reads
/// around the paragraph: each person mention's surroundings and each
/// quote's cue, whose speaker is still words in the text ([`Reading`],
/// keyed by the paragraph with its surroundings and the entity mentions
/// there, see [`reading_key`]). The *document-wide* step numbers the
/// quotes into groups, indexes the people, resolves every cue to a speaker
/// and lets uncued quotes continue their neighbours' speakers.
#[derive(Debug, Default)]
pub struct Cache {
    marks: Memo<Arc<Marked>>,
    readings: Memo<Arc<Reading>>,
    reporters: Memo<Reported>,
}

impl Cache {
    /// End of one analysis: forget what it did not use.
    pub fn sweep(&mut self) {
        self.marks.sweep();
        self.readings.sweep();
        self.reporters.sweep();
    }
}

/// Quotes of `text`, in document order, with their speakers.
pub fn find(
    text: &str,
    seg: &Segmentation,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<Quote> {
    find_with(&mut Cache::default(), text, seg, entities, boilerplate)
}

/// [`find`], reusing what `cache` kept from earlier versions of the text.
pub fn find_with(
    cache: &mut Cache,
    text: &str,
    seg: &Segmentation,
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<Quote> {
    let furniture: FxHashSet<Span> = boilerplate.iter().map(|b| b.span).collect();
    let skip = |p: usize| {
        seg.paragraphs
            .get(p)
            .is_none_or(|para| furniture.contains(&para.span))
    };
    let marked: Vec<(usize, Arc<Marked>)> = seg
        .paragraphs
        .iter()
        .enumerate()
        .filter(|&(p, _)| !skip(p))
        .map(|(p, para)| {
            let words = para.span.text(text);
            let local = cache
                .marks
                .get_or_insert_with(words, || Arc::new(mark_paragraph(words)));
            (p, Arc::clone(local))
        })
        .collect();
    let pieces = marks::place(
        seg,
        marked
            .iter()
            .map(|(p, m)| (*p, m.pieces.as_slice(), m.joined.as_slice())),
    );
    let shapes: Vec<&Shape> = marked.iter().flat_map(|(_, m)| m.shapes.iter()).collect();
    let quoted: Vec<Span> = pieces.iter().map(|p| p.inner).collect();
    let mut people = People::index(text, seg, entities, &quoted);
    let reach = reach(people.mentions());
    let (readings, cues) = read_paragraphs(cache, text, seg, &skip, &pieces, &people, &reach);
    people.complete(&readings.iter().map(ReadingOf::get).collect::<Vec<_>>());
    let mut kinds: Vec<QuoteKind> = shapes.iter().map(|s| s.kind).collect();
    let mut found: Vec<Option<Found>> = Vec::with_capacity(pieces.len());
    let mut recent: HashSet<usize> = HashSet::new();
    for (piece, cue) in pieces.iter().zip(cues) {
        let here = cue.map(|c| attribution::resolve_cue(c, piece.span.start, &people, &recent));
        if let Some(e) = here
            .as_ref()
            .and_then(|f| f.speaker.as_ref())
            .and_then(|s| s.entity)
        {
            recent.insert(e);
        }
        found.push(here);
    }
    for (i, kind) in kinds.iter_mut().enumerate() {
        let Some(shape) = shapes.get(i) else { continue };
        if *kind != QuoteKind::Speech || !shape.short || continues_group(&pieces, i) {
            continue;
        }
        // One word needs a cue of its own close by; a few words may share
        // the cue of their sentence.
        let one_word = shape.one_word;
        let cued = match found.get(i).and_then(Option::as_ref) {
            Some(f) => !(one_word && f.attribution.rule == attribution::SENTENCE_FINAL),
            None => !one_word && follows_cued_quote_in_sentence(text, &pieces, &found, i),
        };
        if !cued {
            *kind = QuoteKind::ScareQuote;
        }
    }
    let mut reporters = Reporters {
        memo: &mut cache.reporters,
        text,
        people: &people,
        reach: &reach,
        key: String::new(),
    };
    continue_speakers(
        text,
        seg,
        &skip,
        &pieces,
        &kinds,
        &mut found,
        &people,
        &recent,
        &mut reporters,
    );
    pieces
        .iter()
        .zip(kinds)
        .zip(found)
        .map(|((piece, kind), found)| {
            let (speaker, attribution) = match (kind, found) {
                (QuoteKind::Speech, Some(f)) => (f.speaker, Some(f.attribution)),
                _ => (None, None),
            };
            Quote {
                span: piece.span,
                parts: vec![piece.inner],
                kind,
                speaker,
                attribution,
                group: piece.group,
            }
        })
        .collect()
}

/// One paragraph's quoted pieces (offsets relative to the paragraph) and
/// what each one's own words tell: the local step of the marks.
#[derive(Debug)]
struct Marked {
    pieces: Vec<Piece>,
    /// Per piece: whether it continues the one before it (“A,” he said,
    /// “b.”), see [`joins_previous`].
    joined: Vec<bool>,
    shapes: Vec<Shape>,
}

/// What a piece's words and place in its paragraph tell.
#[derive(Debug)]
struct Shape {
    /// See [`shape_kind`].
    kind: QuoteKind,
    /// See [`is_short`].
    short: bool,
    one_word: bool,
}

fn mark_paragraph(para: &str) -> Marked {
    let pieces = marks::paragraph_pieces(para);
    let joined = (0..pieces.len())
        .map(|i| joins_previous(para, &pieces, i))
        .collect();
    let shapes = pieces
        .iter()
        .map(|piece| Shape {
            kind: shape_kind(para, piece),
            short: is_short(para, piece),
            one_word: word_count(piece.inner.text(para)) == 1,
        })
        .collect();
    Marked {
        pieces,
        joined,
        shapes,
    }
}

/// What attribution read around one paragraph: the local step of the
/// people index and of sieves 1–3 and 5–6. Spans are relative to the start
/// of the window the key covers; an entity head names its mention by its
/// index among the window's mentions.
#[derive(Debug)]
struct Reading {
    /// One per person mention starting in the paragraph, in order.
    mentions: Vec<MentionReading>,
    /// One per piece of the paragraph.
    cues: Vec<Option<Cue>>,
    /// False when something read could not be expressed relative to the
    /// window (then the document-wide step reads again).
    relative: bool,
}

/// Bytes after a paragraph that its reading may look at: a gendered
/// pronoun after a mention (see [`speakers::People::read`]).
const READ_AFTER: usize = speakers::GENDER_WINDOW;

/// Bytes before a paragraph that its reading may look at: role words
/// before a mention, and, in a paragraph with several quotes, the
/// narrative of a sentence before the previous quote (see
/// [`attribution::find_cue`]).
fn read_before(pieces: usize) -> usize {
    if pieces > 1 {
        attribution::WINDOW.max(speakers::ROLE_WINDOW)
    } else {
        speakers::ROLE_WINDOW
    }
}

/// The readings of all person mentions (one per [`People::persons`]) and
/// the cues of all pieces, paragraph by paragraph through the cache.
fn read_paragraphs(
    cache: &mut Cache,
    text: &str,
    seg: &Segmentation,
    skip: &dyn Fn(usize) -> bool,
    pieces: &[Piece],
    people: &People,
    reach: &[usize],
) -> (Vec<ReadingOf>, Vec<Option<Cue>>) {
    let mentions = people.mentions();
    let persons = people.persons();
    let mut readings: Vec<Option<ReadingOf>> = vec![None; persons.len()];
    let mut cues: Vec<Option<Cue>> = Vec::with_capacity(pieces.len());
    let mut key = String::new();
    let (mut k, mut i) = (0usize, 0usize);
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let span = para.span;
        while persons.get(k).is_some_and(|(s, _)| s.start < span.start) {
            k += 1;
        }
        let k0 = k;
        while persons.get(k).is_some_and(|(s, _)| s.start <= span.end) {
            k += 1;
        }
        let i0 = i;
        while pieces.get(i).is_some_and(|q| q.para == p) {
            i += 1;
        }
        if k0 == k && i0 == i {
            continue;
        }
        let before = read_before(i - i0);
        let (window, first) = reading_window(text, span, before, mentions, reach);
        let last = mentions.partition_point(|(s, _)| s.start < window.end);
        let around = mentions.get(first..last).unwrap_or(&[]);
        let crosses = persons
            .get(k0..k)
            .unwrap_or(&[])
            .iter()
            .any(|(s, _)| s.end > span.end);
        let read = || Reading {
            mentions: (k0..k).map(|k| people.read(k)).collect(),
            cues: (i0..i)
                .map(|i| attribution::find_cue(text, seg, pieces, i, people))
                .collect(),
            relative: false,
        };
        // A person mention running past its paragraph is read afresh.
        let reading = if crosses {
            Arc::new(read())
        } else {
            reading_key(&mut key, text, window, span, skip(p), around, people);
            let reading = cache.readings.get_or_insert_with(&key, || {
                Arc::new(relative_reading(read(), window.start, around))
            });
            if reading.relative {
                Arc::clone(reading)
            } else {
                // Holds document offsets of some other version: read again.
                Arc::new(read())
            }
        };
        for (n, slot) in readings.iter_mut().skip(k0).take(k - k0).enumerate() {
            *slot = Some(ReadingOf::Cached(Arc::clone(&reading), n));
        }
        for cue in &reading.cues {
            cues.push(match (cue, reading.relative) {
                (Some(c), true) => absolute_cue(c, window.start, around),
                (c, _) => c.clone(),
            });
        }
    }
    while cues.len() < pieces.len() {
        cues.push(attribution::find_cue(text, seg, pieces, cues.len(), people));
    }
    let readings = readings
        .into_iter()
        .enumerate()
        .map(|(k, r)| r.unwrap_or_else(|| ReadingOf::Read(people.read(k))))
        .collect();
    (readings, cues)
}

/// Furthest end of the sorted `mentions` before each one (and after the
/// last): a window starts no later than any mention reaching into it (see
/// [`reading_window`]).
fn reach(mentions: &[(Span, usize)]) -> Vec<usize> {
    let mut reach = Vec::with_capacity(mentions.len() + 1);
    reach.push(0usize);
    for (s, _) in mentions {
        let last = reach.last().copied().unwrap_or(0);
        reach.push(last.max(s.end));
    }
    reach
}

/// Sieve 4's reading of reported speech in a span ([`attribution::reporter_in`])
/// through the cache: keyed by the span's text (from the start of any
/// mention reaching into it) and the entity mentions there with their kinds.
struct Reporters<'r> {
    memo: &'r mut Memo<Reported>,
    text: &'r str,
    people: &'r People<'r>,
    reach: &'r [usize],
    key: String,
}

/// A cached [`attribution::reporter_in`], as [`relative_cue`] stores it.
#[derive(Debug)]
enum Reported {
    Nobody,
    By(Cue),
    /// Not expressible relative to the span: read again.
    Unplaced,
}

impl Reporters<'_> {
    fn reporter_in(&mut self, span: Span) -> Option<(Span, Head)> {
        let (text, people) = (self.text, self.people);
        let mentions = people.mentions();
        let mut start = span.start;
        let mut first = mentions.partition_point(|(s, _)| s.start < start);
        while first > 0 && self.reach.get(first).is_some_and(|&r| r > start) {
            first -= 1;
            start = start.min(mentions.get(first).map_or(start, |(s, _)| s.start));
        }
        let last = mentions.partition_point(|(s, _)| s.start < span.end);
        let around = mentions.get(first..last).unwrap_or(&[]);
        let window = Span::new(start, span.end.max(start));
        let key = &mut self.key;
        key.clear();
        key.push_str(window.text(text));
        key.push('\0');
        push_number(key, span.start - start);
        for (s, e) in around {
            push_number(key, s.start - start);
            push_number(key, s.end - start);
            key.push_str(people.kind(*e).map_or("-", |k| k.as_str()));
        }
        let read = || attribution::reporter_in(text, span, people);
        let cached = self.memo.get_or_insert_with(key, || match read() {
            None => Reported::Nobody,
            Some((cue, head)) => {
                let cue = Cue {
                    cue,
                    head,
                    rule: attribution::PRECEDING_SPEECH,
                    confidence: 0.5,
                };
                relative_cue(&cue, start, around).map_or(Reported::Unplaced, Reported::By)
            }
        });
        match cached {
            Reported::Nobody => None,
            Reported::By(cue) => absolute_cue(cue, start, around).map(|c| (c.cue, c.head)),
            Reported::Unplaced => read(),
        }
    }
}

/// The reading of one person mention: in a paragraph's cached reading, or
/// read on its own.
#[derive(Debug, Clone)]
enum ReadingOf {
    Cached(Arc<Reading>, usize),
    Read(MentionReading),
}

impl ReadingOf {
    fn get(&self) -> &MentionReading {
        static NONE: MentionReading = MentionReading {
            prominence: 0.0,
            title: None,
            pronoun: None,
            roles: Vec::new(),
        };
        match self {
            ReadingOf::Cached(reading, n) => reading.mentions.get(*n).unwrap_or(&NONE),
            ReadingOf::Read(reading) => reading,
        }
    }
}

/// The window a paragraph's reading may look at: the paragraph with
/// `before` and [`READ_AFTER`] bytes around it, its start moved back
/// to the start of any entity mention that reaches into it, so that the
/// mentions starting in it (from the index returned) are all it overlaps.
fn reading_window(
    text: &str,
    para: Span,
    before: usize,
    mentions: &[(Span, usize)],
    reach: &[usize],
) -> (Span, usize) {
    let mut start = speakers::floor_boundary(text, para.start.saturating_sub(before));
    let mut first = mentions.partition_point(|(s, _)| s.start < start);
    while first > 0 && reach.get(first).is_some_and(|&r| r > start) {
        first -= 1;
        start = start.min(mentions.get(first).map_or(start, |(s, _)| s.start));
    }
    let end = speakers::floor_boundary(text, para.end + READ_AFTER);
    (Span::new(start, end), first)
}

/// The memo key of a paragraph's [`Reading`]: everything it depends on.
/// That is the text of `window` (see [`reading_window`]), where the
/// paragraph lies in it,
/// whether it is furniture (no quotes then), and each entity mention
/// starting in the window with its kind and whether it is quoted.
fn reading_key(
    key: &mut String,
    text: &str,
    window: Span,
    para: Span,
    furniture: bool,
    around: &[(Span, usize)],
    people: &People,
) {
    key.clear();
    key.push_str(window.text(text));
    key.push('\0');
    push_number(key, para.start - window.start);
    push_number(key, para.end - window.start);
    key.push(if furniture { 'f' } else { 'p' });
    for (s, e) in around {
        push_number(key, s.start - window.start);
        push_number(key, s.end - window.start);
        key.push_str(people.kind(*e).map_or("-", |k| k.as_str()));
        key.push(if people.is_quoted(s.start) { 'q' } else { 'n' });
    }
}

/// Append `n` in decimal and a separator.
fn push_number(key: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (n % 10) as u8;
        }
        len += 1;
        n /= 10;
        if n == 0 || len == digits.len() {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        key.push(char::from(*d));
    }
    key.push(' ');
}

/// `reading` with its spans made relative to `base` and its entity heads
/// naming their mention by index in `around`; unchanged, and marked not
/// relative, when a head's mention is not among them.
fn relative_reading(mut reading: Reading, base: usize, around: &[(Span, usize)]) -> Reading {
    let moved: Option<Vec<Option<Cue>>> = reading
        .cues
        .iter()
        .map(|cue| match cue {
            None => Some(None),
            Some(c) => relative_cue(c, base, around).map(Some),
        })
        .collect();
    if let Some(cues) = moved {
        reading.cues = cues;
        reading.relative = true;
    }
    reading
}

fn relative_cue(cue: &Cue, base: usize, around: &[(Span, usize)]) -> Option<Cue> {
    let back = |s: Span| -> Option<Span> {
        Some(Span::new(
            s.start.checked_sub(base)?,
            s.end.checked_sub(base)?,
        ))
    };
    let head = match &cue.head {
        Head::Entity(e, s) => {
            let index = around.iter().position(|m| *m == (*s, *e))?;
            Head::Entity(index, back(*s)?)
        }
        Head::Name(name, s) => Head::Name(name.clone(), back(*s)?),
        Head::Pronoun(p, s) => Head::Pronoun(*p, back(*s)?),
        Head::Role { noun, tag, span } => Head::Role {
            noun: noun.clone(),
            tag: *tag,
            span: back(*span)?,
        },
    };
    Some(Cue {
        cue: back(cue.cue)?,
        head,
        ..*cue
    })
}

/// A cached cue back in document offsets, its entity head resolved
/// through this version's mentions of the window.
fn absolute_cue(cue: &Cue, base: usize, around: &[(Span, usize)]) -> Option<Cue> {
    let head = match &cue.head {
        Head::Entity(index, s) => Head::Entity(around.get(*index)?.1, s.shifted(base)),
        Head::Name(name, s) => Head::Name(name.clone(), s.shifted(base)),
        Head::Pronoun(p, s) => Head::Pronoun(*p, s.shifted(base)),
        Head::Role { noun, tag, span } => Head::Role {
            noun: noun.clone(),
            tag: *tag,
            span: span.shifted(base),
        },
    };
    Some(Cue {
        cue: cue.cue.shifted(base),
        head,
        ..*cue
    })
}

/// Most words a scare quote has: a longer quoted phrase is someone's words.
const SCARE_QUOTE_WORDS: usize = 3;

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A phrase short enough to be a scare quote: a few words that do not form
/// a sentence of their own ("But we stayed." is speech). `text` is the
/// text the piece's offsets point into.
fn is_short(text: &str, piece: &Piece) -> bool {
    let words = piece.inner.text(text);
    let count = word_count(words);
    let sentence = count >= 2
        && words.chars().next().is_some_and(char::is_uppercase)
        && words
            .trim_end_matches(['\'', '’'])
            .ends_with(['.', '!', '?']);
    count <= SCARE_QUOTE_WORDS && !sentence
}

/// `called it “bold” and based on “one giant assumption.”`: an earlier
/// quote of the same sentence has a cue, which covers this one too.
fn follows_cued_quote_in_sentence(
    text: &str,
    pieces: &[Piece],
    found: &[Option<Found>],
    i: usize,
) -> bool {
    let (Some(prev), Some(here)) = (i.checked_sub(1).and_then(|j| pieces.get(j)), pieces.get(i))
    else {
        return false;
    };
    let between = text.get(prev.span.end..here.span.start).unwrap_or("");
    prev.para == here.para
        && !prev.inner.text(text).ends_with(['.', '!', '?'])
        && !between.contains(['.', '!', '?'])
        && found.get(i - 1).is_some_and(Option::is_some)
}

fn continues_group(pieces: &[Piece], i: usize) -> bool {
    let Some(piece) = pieces.get(i) else {
        return false;
    };
    let same = |j: usize| pieces.get(j).is_some_and(|q| q.group == piece.group);
    i.checked_sub(1).is_some_and(same) || same(i + 1)
}

/// The kind a piece has by its shape alone: single-quoted words in a
/// headline are scare quotes; a Title Case phrase inside a sentence is the
/// title of a work. Everything else starts as speech. `para` is the
/// piece's paragraph, its offsets relative to the paragraph.
fn shape_kind(para: &str, piece: &Piece) -> QuoteKind {
    let inner = piece.inner.text(para);
    if piece.single && is_headline(para) {
        return QuoteKind::ScareQuote;
    }
    let mid_sentence = {
        let before = Span::new(0, piece.span.start).text(para).trim_end();
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '’' || c == '\'')
    };
    if mid_sentence && is_title_case(inner) {
        return QuoteKind::Title;
    }
    QuoteKind::Speech
}

/// A headline or subhead: one short line that does not end as a sentence.
fn is_headline(para: &str) -> bool {
    let trimmed = para.trim_end();
    let last_words = trimmed.trim_end_matches(['"', '”', '’', '\'', '»']);
    !trimmed.contains('\n')
        && word_count(trimmed) <= 14
        && !last_words.ends_with(['.', '!', '?', ':', ','])
}

/// Every word capitalised except short function words, at least two words,
/// and no clause punctuation: "Face the Nation", "The Best Men Can Be".
fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2
        || s.trim_end_matches(['.', ','])
            .contains([',', ';', '?', '!'])
    {
        return false;
    }
    const MINOR: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "as", "vs",
    ];
    words.iter().enumerate().all(|(i, w)| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            || (i > 0 && MINOR.contains(&w.to_lowercase().as_str()))
    })
}

/// Quotes interrupted by their attribution (`“A,” he said, “b.”`) become one
/// group: piece `i` of paragraph `para` (offsets relative to it) continues
/// the one before it when the first ends with a comma and the narrative
/// between the pieces is one clause ending in a comma.
fn joins_previous(para: &str, pieces: &[Piece], i: usize) -> bool {
    let (Some(a), Some(b)) = (i.checked_sub(1).and_then(|j| pieces.get(j)), pieces.get(i)) else {
        return false;
    };
    if a.single || b.single {
        return false;
    }
    let first_ends_with_comma = a.inner.text(para).ends_with(',')
        || para.get(a.span.end..).is_some_and(|r| r.starts_with(','));
    let between = para.get(a.span.end..b.span.start).unwrap_or("").trim();
    let clause = between.trim_start_matches(',').trim_end();
    first_ends_with_comma
        && clause.ends_with(',')
        && word_count(clause) <= 12
        && !clause.contains(['.', '!', '?'])
}

/// Sieve 4: speech with no cue of its own takes the speaker of the quote it
/// continues.
#[allow(clippy::too_many_arguments)]
fn continue_speakers(
    text: &str,
    seg: &Segmentation,
    skip: &dyn Fn(usize) -> bool,
    pieces: &[Piece],
    kinds: &[QuoteKind],
    found: &mut [Option<Found>],
    people: &People,
    recent: &HashSet<usize>,
    reporters: &mut Reporters,
) {
    let speech = |i: usize| kinds.get(i) == Some(&QuoteKind::Speech);
    let borrow = |f: &Found, rule: &'static str, confidence: f32| Found {
        speaker: f.speaker.clone(),
        attribution: Attribution {
            cue: f.attribution.cue,
            speaker_mention: f.attribution.speaker_mention,
            rule,
            confidence: confidence.min(f.attribution.confidence),
        },
    };
    // Same multi-paragraph or interrupted quote: both directions.
    let mut group_speaker: std::collections::HashMap<usize, Found> = Default::default();
    for (i, p) in pieces.iter().enumerate() {
        if let Some(Some(f)) = found.get(i) {
            group_speaker.entry(p.group).or_insert_with(|| f.clone());
        }
    }
    for (i, p) in pieces.iter().enumerate() {
        if speech(i)
            && let Some(slot @ None) = found.get_mut(i)
            && let Some(f) = group_speaker.get(&p.group)
        {
            *slot = Some(borrow(f, attribution::CONTINUATION, 0.85));
        }
    }
    // Same paragraph, earlier then later; then the previous paragraph.
    for i in 0..pieces.len() {
        if !speech(i) || found.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let Some(p) = pieces.get(i).copied() else {
            continue;
        };
        let earlier = (0..i)
            .rev()
            .take_while(|&j| pieces.get(j).is_some_and(|q| q.para == p.para))
            .find_map(|j| found.get(j).cloned().flatten());
        let later = || {
            (i + 1..pieces.len())
                .take_while(|&j| pieces.get(j).is_some_and(|q| q.para == p.para))
                .find_map(|j| found.get(j).cloned().flatten())
        };
        // A person who opens a sentence between the two quotes takes over:
        // "“...,” says Hill. Roe needed no coaxing. “I'm thankful.”"
        let previous_end = i
            .checked_sub(1)
            .and_then(|j| pieces.get(j))
            .filter(|q| q.para == p.para)
            .map(|q| q.span.end);
        let new_subject = previous_end.and_then(|end| {
            let head = people.sentence_subject_in(Span::new(end, p.span.start.max(end)))?;
            let speaker = people.speaker(&head, p.span.start, recent)?;
            Some(Found {
                speaker: Some(speaker),
                attribution: Attribution {
                    cue: head.span(),
                    speaker_mention: Some(head.span()),
                    rule: attribution::SAME_PARAGRAPH,
                    confidence: 0.5,
                },
            })
        });
        let verdict = match (earlier, new_subject) {
            (Some(_), Some(f)) => Some(f),
            (Some(f), None) => Some(borrow(&f, attribution::SAME_PARAGRAPH, 0.75)),
            (None, _) => later().map(|f| borrow(&f, attribution::SAME_PARAGRAPH, 0.6)),
        }
        .or_else(|| {
            previous_paragraph(text, seg, skip, pieces, i, found, people, recent, reporters)
        });
        if let Some(slot) = found.get_mut(i) {
            *slot = verdict;
        }
    }
}

/// How many paragraphs back the last known speaker still holds the floor
/// for a quote with no cue at all.
const FLOOR_PARAGRAPHS: usize = 3;

/// A quote with no cue and no quoted neighbour in its paragraph: the
/// reported speaker earlier in its own paragraph; for a quote opening its
/// paragraph, the speaker of the previous paragraph's last quote or of its
/// reported speech; else whoever spoke last within a few paragraphs.
#[allow(clippy::too_many_arguments)]
fn previous_paragraph(
    text: &str,
    seg: &Segmentation,
    skip: &dyn Fn(usize) -> bool,
    pieces: &[Piece],
    i: usize,
    found: &[Option<Found>],
    people: &People,
    recent: &HashSet<usize>,
    reporters: &mut Reporters,
) -> Option<Found> {
    let reported = |found: Option<(Span, Head)>| {
        found.and_then(|(cue, head)| attribution::reported_by(cue, head, people, recent))
    };
    let p = pieces.get(i)?;
    let para = seg.paragraphs.get(p.para)?;
    let lead = Span::new(para.span.start, p.span.start);
    if !lead.text(text).trim().is_empty() {
        return reported(reporters.reporter_in(lead)).or_else(|| last_speaker(pieces, i, found));
    }
    let prev_para = (0..p.para).rev().find(|&q| !skip(q))?;
    let prev_quote = (0..i)
        .rev()
        .take_while(|&j| pieces.get(j).is_some_and(|q| q.para >= prev_para))
        .find(|&j| pieces.get(j).is_some_and(|q| q.para == prev_para));
    let verdict = match prev_quote {
        Some(j) => found.get(j).cloned().flatten().map(|f| Found {
            speaker: f.speaker,
            attribution: Attribution {
                rule: attribution::CONTINUATION,
                confidence: 0.7f32.min(f.attribution.confidence),
                ..f.attribution
            },
        }),
        None => {
            let span = seg.paragraphs.get(prev_para)?.span;
            reported(reporters.reporter_in(span))
        }
    };
    verdict.or_else(|| last_speaker(pieces, i, found))
}

/// The speaker of the last attributed quote within [`FLOOR_PARAGRAPHS`].
fn last_speaker(pieces: &[Piece], i: usize, found: &[Option<Found>]) -> Option<Found> {
    let para = pieces.get(i)?.para;
    (0..i)
        .rev()
        .take_while(|&j| {
            pieces
                .get(j)
                .is_some_and(|q| q.para + FLOOR_PARAGRAPHS >= para)
        })
        .find_map(|j| found.get(j).cloned().flatten())
        .map(|f| Found {
            speaker: f.speaker,
            attribution: Attribution {
                rule: attribution::CONTINUATION,
                confidence: 0.4,
                ..f.attribution
            },
        })
}

#[cfg(test)]
mod tests;
