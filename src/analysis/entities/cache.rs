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

use rustc_hash::FxHashSet;

use super::super::Span;
use super::super::boilerplate::Boilerplate;
use super::super::memo::Memo;
use super::super::segment::{Paragraph, Segmentation};
use super::Entity;
use super::document::Document;
use super::fasthash::{FastMap, FastSet};
use super::local::{self, Found, Local, Tokens, WordBits};

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
        let flipped_bits = WordBits::of(flipped.iter().map(AsRef::as_ref));
        self.last = self.founds(taking, ends, (&flipped, flipped_bits));
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
        let skip: FxHashSet<Span> = boilerplate.iter().map(|b| b.span).collect();
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
        flipped: (&FastSet<Box<str>>, WordBits),
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
            let found = match earlier.filter(|f| !f.asked_any(flipped.0, flipped.1)) {
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

#[cfg(test)]
mod tests {
    use super::super::{Entity, recognize};
    use super::Cache;
    use crate::analysis::boilerplate::{Boilerplate, BoilerplateKind};
    use crate::analysis::segment::segment;

    /// Recognise `text` with `cache`, checking the result against a fresh
    /// recognition.
    fn cached(cache: &mut Cache, text: &str, skip: &[Boilerplate]) -> Vec<Entity> {
        let seg = segment(text);
        let got = super::super::recognize_with(cache, text, &seg, skip);
        assert_eq!(
            got,
            recognize(text, &seg, skip),
            "cached differs for {text:?}"
        );
        cache.sweep();
        got
    }

    fn names(entities: &[Entity]) -> Vec<&str> {
        entities.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn a_lower_case_word_in_one_paragraph_changes_a_name_in_another() {
        // "Quillon" opens the sentence; it is cut from the name once the
        // article uses "quillon" in lower case anywhere.
        let without = "Quillon Brandt reopened the forge.\n\nThe blade was old.";
        let with = "Quillon Brandt reopened the forge.\n\nThe quillon was old.";
        let mut cache = Cache::default();
        assert_eq!(names(&cached(&mut cache, without, &[])), ["Quillon Brandt"]);
        assert_eq!(names(&cached(&mut cache, with, &[])), ["Brandt"]);
        assert_eq!(names(&cached(&mut cache, without, &[])), ["Quillon Brandt"]);
    }

    #[test]
    fn typing_elsewhere_moves_the_mentions_and_keeps_the_entities() {
        let before = "Ana Okafor spoke first.\n\nLater Okafor left the hall.";
        let after = "Ana Okafor spoke first today.\n\nLater Okafor left the hall.";
        let mut cache = Cache::default();
        cached(&mut cache, before, &[]);
        let got = cached(&mut cache, after, &[]);
        assert_eq!(names(&got), ["Ana Okafor"]);
        let spans: Vec<(usize, usize)> = got[0]
            .mentions
            .iter()
            .map(|m| (m.span.start, m.span.end))
            .collect();
        assert_eq!(spans, [(0, 10), (37, 43)]);
    }

    #[test]
    fn paragraphs_that_move_or_repeat_match_a_fresh_run() {
        let one = "Mira Castell chairs the Harbour Trust.";
        let two = "Castell said the Harbour Trust would meet.";
        let three = "Dr. Tomas Varga disagreed, Castell said.";
        let mut cache = Cache::default();
        for text in [
            format!("{one}\n\n{two}\n\n{three}"),
            format!("{three}\n\n{one}\n\n{two}"),
            format!("{two}\n\n{two}\n\n{one}"),
            format!("{one}\n\n{three}"),
            String::new(),
            format!("{one}\n\n{two}\n\n{three}"),
        ] {
            cached(&mut cache, &text, &[]);
        }
    }

    #[test]
    fn a_paragraph_becoming_boilerplate_drops_its_names() {
        let text = "Jana Holm runs the market.\n\nSubscribe to Pell Kessler's newsletter.";
        let seg = segment(text);
        let furniture = Boilerplate {
            span: seg.paragraphs[1].span,
            removal: seg.paragraphs[1].span,
            kind: BoilerplateKind::Newsletter,
        };
        let mut cache = Cache::default();
        let all = cached(&mut cache, text, &[]);
        assert!(names(&all).contains(&"Pell Kessler"));
        let kept = cached(&mut cache, text, std::slice::from_ref(&furniture));
        assert_eq!(names(&kept), ["Jana Holm"]);
        assert_eq!(cached(&mut cache, text, &[]), all);
    }

    #[test]
    fn a_headline_run_splits_until_the_body_uses_it() {
        let body = "The vote passed on Monday, Orlov said.";
        let named = "The vote passed on Monday, Nadia Orlov said.";
        let headline = "COUNCIL BACKS NADIA ORLOV PLAN";
        let mut cache = Cache::default();
        let split = cached(&mut cache, &format!("{headline}\n\n{body}"), &[]);
        let joined = cached(&mut cache, &format!("{headline}\n\n{named}"), &[]);
        assert_ne!(split, joined);
        assert!(names(&joined).contains(&"Nadia Orlov"));
    }
}
