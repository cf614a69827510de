//! The document-wide step's word counts for `fragment/spliced`: for every
//! comparison key of the article, the number of sentences that use it
//! (once each sentence's doubtful first word is settled) and the number of
//! paragraphs that write it in lower case. Built afresh for each version
//! from the paragraphs' kept vocabularies, one hash look-up per distinct
//! key of a paragraph.

use rustc_hash::FxHashMap;

use super::super::Doc;
use super::vocabulary::Sentence;
use crate::analysis::work::{tick, tick_n};

/// The article's word counts for one version: per paragraph the
/// article-wide number of each of its vocabulary entries, and per number
/// the sentences using the key and the paragraphs writing it in lower case.
pub(super) struct Counts {
    ids: Vec<Vec<u32>>,
    pub frequency: Vec<u32>,
    lower: Vec<u32>,
}

impl Counts {
    pub fn new(doc: &Doc) -> Self {
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut frequency = Vec::new();
        let mut lower = Vec::new();
        let ids = doc
            .paras
            .iter()
            .map(|placed| {
                placed
                    .local
                    .spliced
                    .vocabulary
                    .iter()
                    .map(|entry| {
                        tick_n(entry.text.len() + 1);
                        let id = *index.entry(&entry.text).or_insert_with(|| {
                            frequency.push(0);
                            lower.push(0);
                            u32::try_from(frequency.len() - 1).unwrap_or(u32::MAX)
                        });
                        frequency[id as usize] += entry.sentences;
                        lower[id as usize] += u32::from(entry.lower);
                        id
                    })
                    .collect()
            })
            .collect();
        let mut counts = Counts {
            ids,
            frequency,
            lower,
        };
        for (i, placed) in doc.paras.iter().enumerate() {
            let local = &placed.local.spliced;
            for sentence in &local.sentences {
                tick();
                if let Some((entry, _)) = counts.doubt(i, sentence)
                    && !local.has_key(sentence, entry)
                {
                    let id = counts.id(i, entry);
                    counts.frequency[id] += 1;
                }
            }
        }
        counts
    }

    /// The article-wide number of entry `entry` of paragraph `para`.
    pub fn id(&self, para: usize, entry: u32) -> usize {
        self.ids[para][entry as usize] as usize
    }

    /// The key the doubtful first word of `sentence` (of paragraph `para`)
    /// settles on, and whether it is a name: the bare word, unless the
    /// article writes its stem in lower case.
    pub fn doubt(&self, para: usize, sentence: &Sentence) -> Option<(u32, bool)> {
        let (bare, stem) = sentence.doubtful?;
        if self.lower[self.id(para, stem)] > 0 {
            Some((stem, false))
        } else {
            Some((bare, true))
        }
    }
}
