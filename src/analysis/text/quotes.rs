//! Quotation marks of one paragraph, found and paired by one rule.
//!
//! The quote pass needs the quoted words; the fragment pass needs the marks
//! that do not pair. Both read them here, so a mark is a quotation mark (or
//! an apostrophe, or a navigation arrow) the same way for both. [`scan`]
//! makes one left-to-right pass over the paragraph, doing a bounded amount
//! of work per char: each mark is decided from its glyph, its two
//! neighbours and the open quotes, never by looking ahead or scanning again.
//!
//! The rule, by family ([`MarkKind`]):
//!
//! - **Double** (`“ ” " „`, and a doubled single mark typed for one: `''`,
//!   `‘‘`, `’’`, ``` `` ```). Curly marks face as drawn, except that a `”`
//!   while no quote is open opens one when it starts a word (`(”It works”)`)
//!   and a `“` that ends a word closes (`„Wort“`); `„` always opens. A
//!   straight `"` opens after a space, the start or an opening bracket and
//!   closes before a space, punctuation or the end; when its neighbours do
//!   not tell, it closes an open quote and opens otherwise. A `"` or `”`
//!   right after a digit with no quote open is an inch mark (`6'2"`), not a
//!   quotation mark. Double quotes do not nest: an opening mark while one is
//!   open leaves the earlier one *unclosed* (its region stops there).
//! - **Guillemet** (`« »`). `«…»` and German `»…«` pair. A guillemet with
//!   an ordinary space (or the paragraph edge) on both sides is *tentative*:
//!   it is a mark only if it pairs, and otherwise a navigation arrow
//!   (`Home » Politics`, `Next »`), neither a mark nor unbalanced. French
//!   no-break spaces (U+00A0, U+202F) bind a guillemet to its word, so
//!   `« Oui »` typeset that way is never an arrow. A lone unspaced guillemet
//!   (`«Oui`, `oui»`) is an unbalanced mark. `‹ ›` are never marks.
//!   Guillemets pair independently of double marks, so `« il a dit “non” »`
//!   nests.
//! - **Single** (`‘ ’ '` and a backtick opener). A single mark between two
//!   letters or digits (it’s, O’Brien, 6'2), before an elided word (’90s,
//!   ’em, ’til, ’n’) or ending rock ’n’ is an apostrophe
//!   ([`is_apostrophe_at`]). Any other single mark is a quotation mark only
//!   if it pairs with one in the same place — both outside any quote, or
//!   both inside the same one — so an unpaired one (Jones’ house) is an
//!   apostrophe too: single marks are never unclosed, stray or open at the
//!   end, and a quote never runs on over paragraphs in single marks.
//!
//! A region inside another region is `nested` (‘never’ inside “…”, or a
//! double quote inside a single or guillemet one). Grouping the pieces of a
//! quote that runs over paragraphs is the quote pass's document-level
//! business: it needs each paragraph's [`QuoteScan::open_at_end`] and
//! [`QuoteScan::starts_with_open`].

use crate::analysis::Span;
use crate::analysis::work::{tick, tick_n};
use glyphs::{
    char_at, char_before, flanks, is_apostrophe, is_plain_space, is_quote_char, is_single_glyph,
    opens_after,
};

mod glyphs;

/// Which family a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Double,
    Single,
    Guillemet,
}

/// Which way a mark works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facing {
    Open,
    Close,
}

/// One quotation mark of a paragraph. Offsets are relative to the
/// paragraph start (byte offsets, on char boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
    pub facing: Facing,
    /// Typed with ASCII marks (`"` or `''`), so a fix inserts `"`.
    pub straight: bool,
}

/// One quoted region: an opening mark and its closing mark, or the end of
/// the paragraph for a quote that runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Marks included; to the paragraph end for a quote still open there,
    /// to the last word before the next opening mark for an unclosed one.
    pub span: Span,
    /// The quoted words, trimmed, without the marks.
    pub inner: Span,
    pub closed: bool,
    /// The family of the opening mark.
    pub kind: MarkKind,
    /// Index into [`QuoteScan::marks`] of the opening mark.
    pub open: usize,
    pub close: Option<usize>,
    /// Lies inside another region.
    pub nested: bool,
}

/// The quotation marks of a paragraph and how they pair up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteScan {
    /// Every quotation mark, in order (apostrophes and arrows are not marks).
    pub marks: Vec<Mark>,
    /// In order of their opening marks.
    pub regions: Vec<Region>,
    /// Opening marks followed by another opening mark of the same family
    /// before any closing one (a mark still open at the end is not here).
    pub unclosed: Vec<usize>,
    /// Closing marks with no opening mark before them.
    pub stray_closes: Vec<usize>,
    /// The first opening mark still open at the end of the paragraph.
    pub open_at_end: Option<usize>,
    /// The paragraph's first non-space char is an opening double or
    /// guillemet mark (the convention for a quote running on from the
    /// paragraph before).
    pub starts_with_open: bool,
}

impl QuoteScan {
    /// The mark whose span contains byte `offset`, if any. Logarithmic.
    pub fn mark_at(&self, offset: usize) -> Option<&Mark> {
        let k = self.marks.partition_point(|m| m.span.end <= offset);
        self.marks.get(k).filter(|m| m.span.contains(offset))
    }

    /// True when `offset` lies inside a region (closed, unclosed, or open
    /// to the end of the paragraph).
    pub fn inside(&self, offset: usize) -> bool {
        // Regions start in order; a region containing `offset` starts at or
        // before it, and the last such region that is not nested contains
        // it if any region does.
        let k = self.regions.partition_point(|r| r.span.start <= offset);
        self.regions[..k]
            .iter()
            .rev()
            .find(|r| !r.nested)
            .is_some_and(|r| r.span.contains(offset))
    }
}

/// True when the char at byte `i` of `s` is an apostrophe (not a quotation
/// mark) under the scanner's rule: a single mark (`’ ' ‘` or a backtick)
/// that [`scan`] of `s` does not make a mark. Scans `s`, so it costs
/// O(`s.len()`); to ask about many positions, scan once and use
/// [`QuoteScan::mark_at`].
pub fn is_apostrophe_at(s: &str, i: usize) -> bool {
    let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    is_single_glyph(c) && scan(s).mark_at(i).is_none()
}

/// Find and pair the quotation marks of `paragraph`.
pub fn scan(paragraph: &str) -> QuoteScan {
    if !paragraph.contains(is_quote_char) {
        return QuoteScan::default();
    }
    let mut scanner = Scanner {
        text: paragraph,
        marks: Vec::new(),
        regions: Vec::new(),
        unclosed: Vec::new(),
        stray: Vec::new(),
        double: None,
        guillemet: None,
        singles: Vec::new(),
    };
    // Only quote chars do anything; every other char is read as a
    // neighbour of one at most. One step per byte, counted at once.
    tick_n(paragraph.len());
    let mut skip_to = 0;
    for (i, c) in paragraph.char_indices() {
        if i >= skip_to && is_quote_char(c) {
            skip_to = scanner.step(i, c);
        }
    }
    scanner.finish()
}

/// Which way a glyph is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    Open,
    Close,
    Either,
    /// `„`: only ever opens.
    Low,
}

/// Where a single mark may pair: the double and guillemet quotes (mark
/// indices) open around it.
type Place = (Option<usize>, Option<usize>);

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: usize,
    region: usize,
    /// Becomes a mark only if it pairs (spaced guillemets, single marks).
    tentative: bool,
    /// The char that closes it (guillemets: `»` or `«`).
    closer: char,
}

#[derive(Debug, Clone, Copy)]
struct RawRegion {
    open: usize,
    close: Option<usize>,
    /// Where an unclosed region stops: the next opening mark.
    stop: Option<usize>,
    dead: bool,
}

struct Scanner<'t> {
    text: &'t str,
    /// Candidate marks; `keep` is false for tentative ones not yet paired.
    marks: Vec<(Mark, bool)>,
    regions: Vec<RawRegion>,
    unclosed: Vec<usize>,
    stray: Vec<usize>,
    double: Option<Open>,
    guillemet: Option<Open>,
    /// Unpaired single openers and where they were opened, innermost last.
    singles: Vec<(Open, Place)>,
}

impl Scanner<'_> {
    /// The char that starts at byte `i`.
    fn char_at(&self, i: usize) -> Option<char> {
        char_at(self.text, i)
    }

    /// The char that ends at byte `i`.
    fn char_before(&self, i: usize) -> Option<char> {
        char_before(self.text, i)
    }

    fn place(&self) -> Place {
        (self.double.map(|o| o.mark), self.guillemet.map(|o| o.mark))
    }

    /// Look at char `c`, at byte `i`; returns the byte where the next char
    /// it did not take starts.
    fn step(&mut self, i: usize, c: char) -> usize {
        let end = i + c.len_utf8();
        let prev = self.char_before(i);
        let next = self.char_at(end);
        match c {
            '"' => self.double_mark(i, end, Drawn::Either),
            '“' => self.double_mark(i, end, Drawn::Open),
            '”' => self.double_mark(i, end, Drawn::Close),
            '„' => self.double_mark(i, end, Drawn::Low),
            '«' | '»' => self.guillemet_mark(i, c, prev, next),
            _ if is_single_glyph(c)
                && let Some(second) = next.filter(|&n| is_single_glyph(n)) =>
            {
                let drawn = match (c, second) {
                    ('‘' | '`', '‘' | '`') => Drawn::Open,
                    ('’', '’') => Drawn::Close,
                    _ => Drawn::Either,
                };
                let end = end + second.len_utf8();
                self.double_mark(i, end, drawn);
                return end;
            }
            _ if is_single_glyph(c) => self.single_mark(i, c, prev, next),
            _ => {}
        }
        end
    }

    /// A mark over bytes `start..end`.
    fn push_mark(
        &mut self,
        start: usize,
        end: usize,
        kind: MarkKind,
        facing: Facing,
        keep: bool,
    ) -> usize {
        let straight = self.char_at(start).is_some_and(|c| c == '"' || c == '\'');
        let span = Span::new(start, end);
        self.marks.push((
            Mark {
                span,
                kind,
                facing,
                straight,
            },
            keep,
        ));
        self.marks.len() - 1
    }

    fn open_region(&mut self, mark: usize, tentative: bool, closer: char) -> Open {
        self.regions.push(RawRegion {
            open: mark,
            close: None,
            stop: None,
            dead: false,
        });
        Open {
            mark,
            region: self.regions.len() - 1,
            tentative,
            closer,
        }
    }

    fn close_region(&mut self, open: Open, close: usize) {
        if let Some(r) = self.regions.get_mut(open.region) {
            r.close = Some(close);
        }
        for m in [open.mark, close] {
            if let Some(entry) = self.marks.get_mut(m) {
                entry.1 = true;
            }
        }
    }

    /// `earlier` is left open by a new opening mark `mark` of its family.
    fn supersede(&mut self, earlier: Open, mark: usize) {
        let stop = self.marks.get(mark).map(|m| m.0.span.start);
        if let Some(r) = self.regions.get_mut(earlier.region) {
            r.dead = earlier.tentative;
            r.stop = stop;
        }
        if !earlier.tentative {
            self.unclosed.push(earlier.mark);
        }
    }

    /// A double mark over bytes `start..end` (one char, or two single
    /// marks typed for one).
    fn double_mark(&mut self, start: usize, end: usize, drawn: Drawn) {
        let prev = self.char_before(start);
        let next = self.char_at(end);
        let is_open = self.double.is_some();
        let c = self.char_at(start);
        let one_char = c.is_some_and(|c| start + c.len_utf8() == end);
        let inch = one_char && matches!(c, Some('"' | '”'));
        if !is_open && inch && prev.is_some_and(|p| p.is_ascii_digit()) {
            return; // 6'2": inches
        }
        // A curly mark typed the wrong way round: plainly at the start or
        // the end of a word.
        let starts_word = prev.is_none_or(opens_after) && next.is_some_and(char::is_alphanumeric);
        let ends_word = prev.is_some_and(|c| c.is_alphanumeric() || ".,;:!?".contains(c))
            && next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–".contains(c));
        let facing = match drawn {
            Drawn::Low => Facing::Open,
            Drawn::Either => {
                let after_space = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
                let before_space = next.is_none_or(|c| c.is_whitespace() || !c.is_alphanumeric());
                match (after_space, before_space) {
                    (true, false) => Facing::Open,
                    (false, true) => Facing::Close,
                    _ if is_open => Facing::Close,
                    _ => Facing::Open,
                }
            }
            Drawn::Open if ends_word => Facing::Close,
            Drawn::Open => Facing::Open,
            Drawn::Close if !is_open && starts_word => Facing::Open,
            Drawn::Close => Facing::Close,
        };
        let mark = self.push_mark(start, end, MarkKind::Double, facing, true);
        match (facing, self.double) {
            (Facing::Open, earlier) => {
                if let Some(earlier) = earlier {
                    self.supersede(earlier, mark);
                }
                self.double = Some(self.open_region(mark, false, '"'));
            }
            (Facing::Close, Some(open)) => {
                self.close_region(open, mark);
                self.double = None;
            }
            (Facing::Close, None) => self.stray.push(mark),
        }
    }

    fn guillemet_mark(&mut self, i: usize, c: char, prev: Option<char>, next: Option<char>) {
        let end = i + c.len_utf8();
        let spaced = prev.is_none_or(is_plain_space) && next.is_none_or(is_plain_space);
        let (left, right) = flanks(prev, next);
        if let Some(open) = self.guillemet
            && c == open.closer
        {
            let mark = self.push_mark(i, end, MarkKind::Guillemet, Facing::Close, true);
            self.close_region(open, mark);
            self.guillemet = None;
            return;
        }
        // Not closing an open quote: `«` opens unless it ends a word
        // (`Wort«`), `»` opens only at the start of a word (`»Wort`).
        let opens = if c == '«' {
            spaced || !right || left
        } else {
            left && !right
        };
        if opens {
            let mark = self.push_mark(i, end, MarkKind::Guillemet, Facing::Open, !spaced);
            if let Some(earlier) = self.guillemet {
                self.supersede(earlier, mark);
            }
            let closer = if c == '«' { '»' } else { '«' };
            self.guillemet = Some(self.open_region(mark, spaced, closer));
        } else if right && !left && !spaced && self.guillemet.is_none() {
            let mark = self.push_mark(i, end, MarkKind::Guillemet, Facing::Close, true);
            self.stray.push(mark);
        }
        // Anything else (spaced `»`, `a»b`) is an arrow, not a mark.
    }

    fn single_mark(&mut self, i: usize, c: char, prev: Option<char>, next: Option<char>) {
        if is_apostrophe(self.text, i, c) {
            return;
        }
        let end = i + c.len_utf8();
        let (left, right) = flanks(prev, next);
        let here = self.place();
        let live = |p: Place| (p.0.is_none() || p.0 == here.0) && (p.1.is_none() || p.1 == here.1);
        if c != '’' && left && next.is_some_and(char::is_alphanumeric) {
            let mark = self.push_mark(i, end, MarkKind::Single, Facing::Open, false);
            let open = self.open_region(mark, true, '’');
            match self.singles.last_mut() {
                Some(top) if top.1 == here => {
                    let earlier = top.0;
                    *top = (open, here);
                    self.supersede(earlier, mark);
                }
                _ => self.singles.push((open, here)),
            }
        } else if !matches!(c, '‘' | '`') && right {
            while self.singles.last().is_some_and(|&(_, p)| !live(p)) {
                tick();
                if let Some((dropped, _)) = self.singles.pop()
                    && let Some(r) = self.regions.get_mut(dropped.region)
                {
                    r.dead = true;
                }
            }
            if let Some(&(open, p)) = self.singles.last()
                && p == here
            {
                self.singles.pop();
                let mark = self.push_mark(i, end, MarkKind::Single, Facing::Close, false);
                self.close_region(open, mark);
            }
        }
    }

    fn finish(mut self) -> QuoteScan {
        for (open, _) in std::mem::take(&mut self.singles) {
            if let Some(r) = self.regions.get_mut(open.region) {
                r.dead = true;
            }
        }
        let mut at_end: Vec<usize> = Vec::new();
        for open in [self.double.take(), self.guillemet.take()]
            .into_iter()
            .flatten()
        {
            if open.tentative {
                if let Some(r) = self.regions.get_mut(open.region) {
                    r.dead = true;
                }
            } else {
                at_end.push(open.mark);
            }
        }
        at_end.sort_unstable();
        // Renumber the kept marks.
        let mut index = vec![usize::MAX; self.marks.len()];
        let mut marks = Vec::with_capacity(self.marks.len());
        for (i, &(mark, keep)) in self.marks.iter().enumerate() {
            tick();
            if keep {
                index[i] = marks.len();
                marks.push(mark);
            }
        }
        let renumber = |v: &[usize]| -> Vec<usize> {
            tick_n(v.len());
            v.iter()
                .filter_map(|&m| index.get(m).copied().filter(|&i| i != usize::MAX))
                .collect()
        };
        let mut unclosed = renumber(&self.unclosed);
        unclosed.extend(renumber(at_end.get(1..).unwrap_or(&[])));
        unclosed.sort_unstable();
        let regions = self.regions(&marks, &index);
        let open_at_end = renumber(&at_end).first().copied();
        let first = self.text.trim_start().len();
        let starts_with_open = marks.first().is_some_and(|m| {
            m.facing == Facing::Open
                && m.kind != MarkKind::Single
                && m.span.start == self.text.len() - first
        });
        QuoteScan {
            stray_closes: renumber(&self.stray),
            marks,
            regions,
            unclosed,
            open_at_end,
            starts_with_open,
        }
    }

    /// The live regions with kept marks renumbered by `index`, flagged
    /// nested by a sweep with a stack of enclosing spans.
    fn regions(&self, marks: &[Mark], index: &[usize]) -> Vec<Region> {
        let mut out: Vec<Region> = Vec::new();
        let mut enclosing: Vec<Span> = Vec::new();
        for raw in self.regions.iter().filter(|r| !r.dead) {
            tick();
            let Some(open) = index.get(raw.open).copied().filter(|&i| i != usize::MAX) else {
                continue;
            };
            let close = raw
                .close
                .and_then(|c| index.get(c).copied())
                .filter(|&i| i != usize::MAX);
            let Some(opening) = marks.get(open) else {
                continue;
            };
            let closing = close.and_then(|c| marks.get(c));
            let inner_end = match (closing, raw.stop) {
                (Some(m), _) => m.span.start,
                (None, Some(stop)) => stop,
                (None, None) => self.text.len(),
            };
            let inner = trim(self.text, Span::new(opening.span.end, inner_end));
            let end = match (closing, raw.stop) {
                (Some(m), _) => m.span.end,
                (None, Some(_)) => inner.end,
                (None, None) => self.text.len(),
            };
            let span = Span::new(opening.span.start, end.max(opening.span.end));
            while enclosing.last().is_some_and(|e| e.end <= span.start) {
                tick();
                enclosing.pop();
            }
            let nested = enclosing.last().is_some_and(|e| e.covers(span));
            enclosing.push(span);
            out.push(Region {
                span,
                inner,
                closed: closing.is_some(),
                kind: opening.kind,
                open,
                close,
                nested,
            });
        }
        out
    }
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.trim_start().len() - s.trim().len();
    Span::new(span.start + lead, span.end - trail)
}

#[cfg(test)]
mod tests;
