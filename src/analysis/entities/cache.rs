//! What entity recognition keeps between versions of one document, and the
//! bookkeeping that lets an edit redo only the paragraphs it touched.
//!
//! Per paragraph text (a [`Memo`]): the local facts of [`local::examine`].
//! Per paragraph of the last version that took part (neither boilerplate
//! nor a caption): its candidates ([`Found`]), which stay valid as long as
//! the document-wide answers they asked for (does the text use this word
//! in lower case?) stay the same. Those answers come from a count, per
//! word, of the taking-part paragraphs that use it in lower case; an edit
//! changes the counts of the paragraphs that came or went only, and the
//! answers that flipped are exactly those of the words whose count went
//! from or to zero. Last, the document-wide step's own state
//! ([`Document`]).

use std::sync::Arc;

use super::super::Span;
use super::super::boilerplate::Boilerplate;
use super::super::memo::Memo;
use super::super::segment::{Paragraph, Segmentation};
use super::Entity;
use super::document::Document;
use super::fasthash::{FastMap, FastSet};
use super::local::{self, Found, Local, Tokens};

/// What this pass keeps between analyses of one document.
#[derive(Debug, Default)]
pub struct Cache {
    paragraphs: Memo<Arc<Local>>,
    /// The paragraphs that took part in the last analysis, in order.
    last: Vec<Kept>,
    /// Word → number of `last`'s paragraphs using it in lower case.
    lowercase: FastMap<Box<str>, usize>,
    document: Document,
}

impl Cache {
    /// End of one analysis: forget what it did not use.
    pub fn sweep(&mut self) {
        self.paragraphs.sweep();
    }
}

/// One paragraph that takes part in an analysis, with its candidates.
#[derive(Debug)]
pub(super) struct Kept {
    local: Arc<Local>,
    pub found: Arc<Found>,
    /// Where the paragraph starts in the text.
    pub start: usize,
}

/// A paragraph that takes part in this analysis, before its candidates
/// are known.
struct Taking<'t> {
    local: Arc<Local>,
    para: &'t Paragraph,
    body: &'t str,
    /// Its tokens, when this analysis made them.
    tokens: Option<Tokens<'t>>,
}

impl Taking<'_> {
    /// The paragraph's sentences, relative to its start.
    fn sentences(&self) -> Vec<Span> {
        relative_sentences(self.para)
    }
}

fn relative_sentences(para: &Paragraph) -> Vec<Span> {
    let from = para.span.start;
    para.sentences
        .iter()
        .map(|s| Span::new(s.start - from, s.end - from))
        .collect()
}

impl Cache {
    /// Bring the candidates of every paragraph that is neither boilerplate
    /// nor a caption up to date, reusing what the last analysis found.
    pub(super) fn find_candidates(
        &mut self,
        text: &str,
        seg: &Segmentation,
        boilerplate: &[Boilerplate],
    ) {
        let taking = self.taking_part(text, seg, boilerplate);
        let ends = common_ends(&self.last, &taking);
        let flipped = self.count_lowercase(&taking, ends);
        self.last = self.founds(taking, ends, &flipped);
    }

    /// The entities the candidates name (after [`Cache::find_candidates`]).
    pub(super) fn entities(&mut self, text: &str) -> Vec<Entity> {
        self.document.entities(text, &self.last)
    }

    /// The paragraphs that take part, with their local facts.
    fn taking_part<'t>(
        &mut self,
        text: &'t str,
        seg: &'t Segmentation,
        boilerplate: &[Boilerplate],
    ) -> Vec<Taking<'t>> {
        let skip: FastSet<Span> = boilerplate.iter().map(|b| b.span).collect();
        let mut taking = Vec::with_capacity(seg.paragraphs.len());
        for para in seg.paragraphs.iter().filter(|p| !skip.contains(&p.span)) {
            let body = para.span.text(text);
            let mut tokens = None;
            let local = self.paragraphs.get_or_insert_with(body, || {
                let (local, made) = local::examine(body, &relative_sentences(para));
                tokens = Some(made);
                Arc::new(local)
            });
            if local.caption {
                continue;
            }
            taking.push(Taking {
                local: Arc::clone(local),
                para,
                body,
                tokens,
            });
        }
        taking
    }

    /// Bring the lower-case word counts from the last analysis's paragraphs
    /// to `taking`'s; the words whose "used in lower case" answer flipped.
    fn count_lowercase(
        &mut self,
        taking: &[Taking<'_>],
        (same_before, same_after): (usize, usize),
    ) -> FastSet<Box<str>> {
        let gone = &self.last[same_before..self.last.len() - same_after];
        let came = &taking[same_before..taking.len() - same_after];
        // The first analysis reuses nothing, so nothing needs the flips.
        let track = !self.last.is_empty();
        let mut before: FastMap<Box<str>, bool> = FastMap::default();
        for kept in gone {
            for word in kept.local.lowercase_words() {
                if let Some(n) = self.lowercase.get_mut(word) {
                    *n -= 1;
                    if *n == 0 {
                        self.lowercase.remove(word);
                        if track {
                            before.entry(word.into()).or_insert(true);
                        }
                    }
                }
            }
        }
        for part in came {
            for word in part.local.lowercase_words() {
                if let Some(n) = self.lowercase.get_mut(word) {
                    *n += 1;
                } else {
                    self.lowercase.insert(word.into(), 1);
                    if track {
                        before.entry(word.into()).or_insert(false);
                    }
                }
            }
        }
        before
            .into_iter()
            .filter(|(word, was)| self.lowercase.contains_key(word) != *was)
            .map(|(word, _)| word)
            .collect()
    }

    /// The paragraphs of `taking` with their candidates: the last
    /// analysis's when they asked about no word in `flipped`, else found
    /// anew.
    fn founds(
        &mut self,
        taking: Vec<Taking<'_>>,
        (same_before, same_after): (usize, usize),
        flipped: &FastSet<Box<str>>,
    ) -> Vec<Kept> {
        let n = taking.len();
        let mut last = std::mem::take(&mut self.last).into_iter();
        let mut moved: FastMap<*const Local, Arc<Found>> = FastMap::default();
        let mut made: FastMap<*const Local, Arc<Found>> = FastMap::default();
        let mut out = Vec::with_capacity(n);
        for (i, part) in taking.into_iter().enumerate() {
            if i == same_before {
                // the paragraphs between the ends: any of them may be moved
                let middle = last.len() - same_after;
                moved.extend(
                    last.by_ref()
                        .take(middle)
                        .map(|k| (Arc::as_ptr(&k.local), k.found)),
                );
            }
            let key = Arc::as_ptr(&part.local);
            let earlier = if i < same_before || i >= n - same_after {
                last.next().map(|k| k.found)
            } else {
                moved.get(&key).cloned()
            };
            let found = match earlier.filter(|f| !f.asked_any(flipped)) {
                Some(f) => f,
                None => match made.get(&key) {
                    Some(f) => Arc::clone(f),
                    None => {
                        let sentences = part.sentences();
                        let tokens = part
                            .tokens
                            .unwrap_or_else(|| local::tokenize(part.body, &sentences));
                        let seen = |w: &str| self.lowercase.contains_key(w);
                        let f =
                            Arc::new(local::find(part.body, part.local.headline, &tokens, &seen));
                        made.insert(key, Arc::clone(&f));
                        f
                    }
                },
            };
            out.push(Kept {
                local: part.local,
                found,
                start: part.para.span.start,
            });
        }
        out
    }
}

/// How many paragraphs at the start and at the end (not overlapping) the
/// last analysis and this one share.
fn common_ends(last: &[Kept], now: &[Taking<'_>]) -> (usize, usize) {
    let same = |k: &Kept, t: &Taking<'_>| Arc::ptr_eq(&k.local, &t.local);
    let before = last.iter().zip(now).take_while(|(k, t)| same(k, t)).count();
    let room = last.len().min(now.len()) - before;
    let after = last
        .iter()
        .rev()
        .zip(now.iter().rev())
        .take(room)
        .take_while(|(k, t)| same(k, t))
        .count();
    (before, after)
}
