//! The one incremental driver: builds each paragraph's text model once,
//! keeps it and every pass's per-paragraph result between versions, and
//! forgets what a version no longer has.
//!
//! Every pass is split the same way (see [`Pass`]): a **local step** that
//! reads one paragraph's [`ParagraphModel`] (plus, where a pass needs it, a
//! small context *key* such as the names mentioned around the paragraph)
//! and returns a result in paragraph-relative offsets; and a
//! **document-wide step**, an ordinary function of the pass, over the kept
//! local results. The invariant, as salsa states its own: *a local result
//! is a pure function of its paragraph's text and its key*, so editing one
//! paragraph re-runs the local steps of that paragraph only (and of those
//! whose key changed), and the document-wide steps.
//!
//! Paragraph models are filed under their text (one hash per paragraph and
//! version; the text is kept to compare, so a collision costs a comparison,
//! never a wrong result). Each model gets a [`ParagraphId`] that no other
//! text ever gets, so the passes' results are filed under that id and their
//! look-ups hash a number, not the paragraph again. After each analysis
//! [`Driver::finish`] drops the models and results that version did not use.

use std::any::{Any, TypeId};
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::Span;
use super::segment::{self, Segmentation};
use super::text::{ParagraphModel, TextModel};
use super::work::{tick, tick_n};

/// How many paragraphs [`Driver::model_unless`] builds between two
/// questions to its stop: often enough to stop within milliseconds, rarely
/// enough that asking costs nothing.
pub const STOP_CHECK_PARAGRAPHS: usize = 64;

/// Identity of one paragraph text within one [`Driver`]: equal ids mean
/// equal texts (and so equal models).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParagraphId(u64);

/// One pass's local step. The driver calls [`Pass::local`] for a paragraph
/// only when it has no result for that paragraph's id and key yet.
pub trait Pass: 'static {
    /// The context beyond the paragraph's own text that the local step
    /// reads; `()` for most passes. Part of the memo key.
    type Key: Eq + Send + 'static;
    /// The local result, in offsets relative to the paragraph's start.
    type Local: Send + Sync + 'static;

    fn local(&self, para: &ParagraphModel, key: &Self::Key) -> Self::Local;
}

/// A pass's local result for one paragraph of this version, with where
/// the paragraph starts (add it to a relative span to make it absolute).
#[derive(Debug)]
pub struct Placed<L> {
    /// Index of the paragraph in the segmentation.
    pub index: usize,
    /// Byte offset of the paragraph's start in the document.
    pub start: usize,
    pub local: Arc<L>,
}

impl<L> Placed<L> {
    /// A paragraph-relative span made absolute.
    pub fn absolute(&self, relative: Span) -> Span {
        relative.shifted(self.start)
    }
}

impl<L> Clone for Placed<L> {
    fn clone(&self) -> Self {
        Placed {
            index: self.index,
            start: self.start,
            local: Arc::clone(&self.local),
        }
    }
}

/// Keeps paragraph models and every pass's local results between the
/// analyses of one document. One per open document.
#[derive(Default)]
pub struct Driver {
    models: FxHashMap<u64, Vec<ModelEntry>>,
    passes: FxHashMap<TypeId, Box<dyn ErasedMemo>>,
    /// What a document-wide step keeps from the last version, one slot per
    /// type (see [`Driver::document_slot`]).
    documents: FxHashMap<TypeId, Box<dyn Any + Send>>,
    next_id: u64,
    round: u64,
}

impl std::fmt::Debug for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Driver")
            .field(
                "paragraphs",
                &self.models.values().map(Vec::len).sum::<usize>(),
            )
            .field("passes", &self.passes.len())
            .field("round", &self.round)
            .finish()
    }
}

struct ModelEntry {
    model: Arc<ParagraphModel>,
    used_in: u64,
}

impl Driver {
    /// Segment `text` and give every paragraph its model, reusing the
    /// models of paragraphs an earlier version had.
    pub fn model(&mut self, text: &str) -> TextModel {
        match self.model_unless(text, &|| false) {
            Some(model) => model,
            None => unreachable!("a stop that never stops"),
        }
    }

    /// [`Driver::model`], given up (`None`) as soon as `stop` says so; it
    /// is asked every [`STOP_CHECK_PARAGRAPHS`] paragraphs. The models
    /// built before stopping are kept for the next version.
    pub fn model_unless(&mut self, text: &str, stop: &dyn Fn() -> bool) -> Option<TextModel> {
        let (lines, paragraph_lines) = segment::split_paragraphs(text);
        let mut paragraphs = Vec::with_capacity(paragraph_lines.len());
        let mut models = Vec::with_capacity(paragraph_lines.len());
        for (k, (span, first, last)) in paragraph_lines.into_iter().enumerate() {
            if k % STOP_CHECK_PARAGRAPHS == 0 && stop() {
                return None;
            }
            let model = self.paragraph_model(span.text(text));
            tick_n(model.sentences.len());
            paragraphs.push(segment::Paragraph {
                span,
                first_line: first,
                last_line: last,
                sentences: model
                    .sentences
                    .iter()
                    .map(|s| s.shifted(span.start))
                    .collect(),
            });
            models.push(model);
        }
        Some(TextModel {
            segmentation: Segmentation { lines, paragraphs },
            paragraphs: models,
        })
    }

    fn paragraph_model(&mut self, para: &str) -> Arc<ParagraphModel> {
        let round = self.round;
        // hashing the text, and comparing it with each kept text of its hash
        tick_n(para.len());
        let bucket = self.models.entry(FxBuildHasher.hash_one(para)).or_default();
        if let Some(entry) = bucket.iter_mut().find(|e| {
            tick_n(para.len());
            &*e.model.text == para
        }) {
            entry.used_in = round;
            return Arc::clone(&entry.model);
        }
        let id = ParagraphId(self.next_id);
        self.next_id += 1;
        let model = Arc::new(ParagraphModel::build(id, para));
        bucket.push(ModelEntry {
            model: Arc::clone(&model),
            used_in: round,
        });
        model
    }

    /// `pass`'s local result for every paragraph of `model`, in order;
    /// `key` gives each paragraph's context key.
    pub fn locals<P: Pass>(
        &mut self,
        pass: &P,
        model: &TextModel,
        mut key: impl FnMut(usize) -> P::Key,
    ) -> Vec<Placed<P::Local>> {
        let round = self.round;
        let memo = self
            .passes
            .entry(TypeId::of::<P>())
            .or_insert_with(|| Box::new(Memo::<P>::default()));
        let Some(memo) = memo.as_any_mut().downcast_mut::<Memo<P>>() else {
            unreachable!("the memo of a pass is filed under its own type id")
        };
        model
            .segmentation
            .paragraphs
            .iter()
            .zip(&model.paragraphs)
            .enumerate()
            .map(|(index, (para, para_model))| {
                tick();
                let key = key(index);
                let local = memo.get(pass, para_model, key, round);
                Placed {
                    index,
                    start: para.span.start,
                    local,
                }
            })
            .collect()
    }

    /// [`Driver::locals`] for a pass whose local step needs no context.
    pub fn locals_of<P: Pass<Key = ()>>(
        &mut self,
        pass: &P,
        model: &TextModel,
    ) -> Vec<Placed<P::Local>> {
        self.locals(pass, model, |_| ())
    }

    /// The slot where a document-wide step keeps what it may reuse in the
    /// next version (one value per type, overwritten by the step itself).
    /// Such a step must check itself that its inputs are the same: the
    /// driver cannot see what it read.
    pub fn document_slot<T: Default + Send + 'static>(&mut self) -> &mut T {
        let slot = self
            .documents
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()));
        if !slot.is::<T>() {
            *slot = Box::new(T::default());
        }
        match slot.downcast_mut::<T>() {
            Some(value) => value,
            None => unreachable!("the slot was just filled with a T"),
        }
    }

    /// End the analysis of one version: forget every model and result it
    /// did not use.
    pub fn finish(&mut self) {
        let round = self.round;
        self.models.retain(|_, bucket| {
            bucket.retain(|e| {
                tick();
                e.used_in == round
            });
            !bucket.is_empty()
        });
        for memo in self.passes.values_mut() {
            memo.sweep(round);
        }
        self.round += 1;
    }

    /// Number of paragraph models kept (for tests of sweeping).
    #[cfg(test)]
    fn model_count(&self) -> usize {
        self.models.values().map(Vec::len).sum()
    }
}

/// A kept local result and the number of the last analysis that used it.
type Kept<L> = (Arc<L>, u64);

/// One pass's results, by paragraph id, then key. A paragraph almost always
/// has one key per version, so the keys of an id are a short list compared
/// by equality: only the id is hashed, never a key.
struct Memo<P: Pass> {
    entries: FxHashMap<ParagraphId, KeptByKey<P>>,
}

/// The results kept for one paragraph id, each with its key.
type KeptByKey<P> = Vec<(<P as Pass>::Key, Kept<<P as Pass>::Local>)>;

impl<P: Pass> Default for Memo<P> {
    fn default() -> Self {
        Memo {
            entries: FxHashMap::default(),
        }
    }
}

impl<P: Pass> Memo<P> {
    fn get(&mut self, pass: &P, para: &ParagraphModel, key: P::Key, round: u64) -> Arc<P::Local> {
        let kept = self.entries.entry(para.id).or_default();
        if let Some((_, (local, used_in))) = kept.iter_mut().find(|(k, _)| {
            tick();
            *k == key
        }) {
            *used_in = round;
            return Arc::clone(local);
        }
        let local = Arc::new(pass.local(para, &key));
        kept.push((key, (Arc::clone(&local), round)));
        local
    }
}

/// What the driver needs of a memo without knowing its pass.
trait ErasedMemo: Send {
    fn sweep(&mut self, round: u64);
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl<P: Pass> ErasedMemo for Memo<P> {
    fn sweep(&mut self, round: u64) {
        self.entries.retain(|_, kept| {
            kept.retain(|(_, (_, used_in))| {
                tick();
                *used_in == round
            });
            !kept.is_empty()
        });
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Counts the words of a paragraph, and how often it was asked to.
    #[derive(Default)]
    struct WordCount {
        calls: AtomicUsize,
    }

    impl Pass for WordCount {
        type Key = ();
        type Local = usize;

        fn local(&self, para: &ParagraphModel, _: &()) -> usize {
            self.calls.fetch_add(1, Ordering::Relaxed);
            para.tokens.list.iter().filter(|t| t.is_word()).count()
        }
    }

    fn counts(driver: &mut Driver, pass: &WordCount, text: &str) -> Vec<(usize, usize)> {
        let model = driver.model(text);
        let out = driver
            .locals_of(pass, &model)
            .iter()
            .map(|p| (p.start, *p.local))
            .collect();
        driver.finish();
        out
    }

    #[test]
    fn an_edit_reruns_only_the_paragraph_it_touched() {
        let mut driver = Driver::default();
        let pass = WordCount::default();
        assert_eq!(
            counts(&mut driver, &pass, "One two.\n\nThree four five."),
            [(0, 2), (10, 3)]
        );
        assert_eq!(pass.calls.load(Ordering::Relaxed), 2);
        // The first paragraph grows; the second moves but is not redone.
        assert_eq!(
            counts(&mut driver, &pass, "One two six.\n\nThree four five."),
            [(0, 3), (14, 3)]
        );
        assert_eq!(pass.calls.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn a_version_forgets_paragraphs_it_no_longer_has() {
        let mut driver = Driver::default();
        let pass = WordCount::default();
        counts(&mut driver, &pass, "Kept here.\n\nDropped here.");
        counts(&mut driver, &pass, "Kept here.");
        assert_eq!(driver.model_count(), 1);
        counts(&mut driver, &pass, "Kept here.\n\nDropped here.");
        assert_eq!(pass.calls.load(Ordering::Relaxed), 3);
    }

    /// A pass whose result depends on a key: the paragraph's index.
    struct Indexed;

    impl Pass for Indexed {
        type Key = usize;
        type Local = (usize, usize);

        fn local(&self, para: &ParagraphModel, key: &usize) -> (usize, usize) {
            (*key, para.text.len())
        }
    }

    #[test]
    fn a_changed_key_reruns_the_local_step() {
        let mut driver = Driver::default();
        let model = driver.model("Same.\n\nSame.");
        let got: Vec<_> = driver
            .locals(&Indexed, &model, |i| i)
            .iter()
            .map(|p| *p.local)
            .collect();
        assert_eq!(got, [(0, 5), (1, 5)]);
        assert!(Arc::ptr_eq(&model.paragraphs[0], &model.paragraphs[1]));
    }
}
