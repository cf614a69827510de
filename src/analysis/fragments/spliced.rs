//! `fragment/spliced`: a sentence that shares nothing with the rest of the
//! article, as when a content spinner pastes a sentence from an unrelated
//! story into this one.
//!
//! The measure is lexical cohesion, in the spirit of TextTiling (Hearst,
//! 1997): every sentence gets its set of content words (lower case, stop
//! words removed, lightly stemmed, names included), the article gets the
//! number of sentences each word occurs in, and a sentence is compared
//! with the rest of the article (its own occurrence left out). A sentence
//! of real copy repeats the article's names and topic words; a spliced one
//! shares none of them, or a single common word.
//!
//! This is a judgement, so it is reported as information, with the
//! evidence in the message, and only when nothing else ties the sentence
//! to its neighbours: no pronoun, demonstrative or connective, no definite
//! subject ("The driver ..."), no quotation, not the attribution right
//! after one. The headline and the lead sentence set the topic and are
//! never reported, nor is a line without terminal punctuation (a headline
//! of another story is boilerplate, not a spliced sentence).

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::lexicon::{is_calendar, is_cohesive_tie, is_reporting_verb, is_stop_word};
use super::text::{is_quote_mark, lower_into, words};
use super::{Doc, Fragment, FragmentKind, Para};
use crate::analysis::{Severity, Span};

/// Fewest content words a sentence needs to be judged at all: short
/// sentences share nothing by chance.
const MIN_CONTENT_WORDS: usize = 6;

/// A sentence whose shared words add up to at most this much cohesion
/// (each shared word counts the number of other sentences it occurs in,
/// capped at [`OCCURRENCE_CAP`]) is reported.
const MAX_COHESION: usize = 1;

/// With one weak shared word, the sentence must be at least this long.
const MIN_CONTENT_WORDS_ONE_SHARED: usize = 8;

/// A shared proper name is stronger evidence of cohesion than a shared
/// common word: it counts this many times.
const NAME_WEIGHT: usize = 2;

const OCCURRENCE_CAP: usize = 3;

/// One paragraph's content words, as the article-wide count needs them:
/// each comparison key once, with the sentences that use it.
#[derive(Debug, Default)]
pub(crate) struct Local {
    vocabulary: Vec<Entry>,
    /// The keys of every sentence, sentence after sentence (see
    /// [`Sentence::keys`]).
    keys: Vec<Key>,
    sentences: Vec<Sentence>,
}

/// A comparison key of the paragraph: a stem, or a name kept whole.
#[derive(Debug)]
struct Entry {
    text: Box<str>,
    /// How many of the paragraph's sentences have it among their settled
    /// keys ([`Sentence::keys`]).
    sentences: u32,
    /// Whether it is the stem of a word the paragraph writes in lower case:
    /// then a capitalised first word with this stem is not a name, anywhere
    /// in the article.
    lower: bool,
}

/// One settled key of a sentence: an index into [`Local::vocabulary`], and
/// whether the sentence uses it as a name.
#[derive(Debug, Clone, Copy)]
struct Key {
    entry: u32,
    name: bool,
}

/// One sentence as the cohesion measure sees it.
#[derive(Debug)]
struct Sentence {
    /// Relative to the paragraph.
    span: Span,
    /// Whether the sentence may be reported, as far as its paragraph can
    /// tell (the lead of the article never is).
    candidate: bool,
    /// Its keys in [`Local::keys`], each once.
    keys: Range<usize>,
    /// A capitalised first word (bare, stem): a name unless the article
    /// also writes its stem in lower case, which only the whole article
    /// knows.
    doubtful: Option<(u32, u32)>,
}

/// The paragraph's sentences with their content words and keys. Names are
/// kept whole ("Christie" and "Christyn" differ); other words are stemmed.
pub(crate) fn local(para: &Para) -> Local {
    let mut builder = Builder::default();
    for (k, &span) in para.sentences.iter().enumerate() {
        let after_quote = k
            .checked_sub(1)
            .and_then(|j| para.sentences.get(j))
            .is_some_and(|prev| para.slice(*prev).trim_end().ends_with(is_quote_mark));
        builder.sentence(para, span, after_quote);
    }
    builder.finish()
}

/// Builds a paragraph's [`Local`]: one pass over each sentence's words.
#[derive(Default)]
struct Builder {
    index: FxHashMap<String, u32>,
    /// Per entry: sentences with it as a settled key, lower-case use, and
    /// the last sentence (numbered from 1) that listed it.
    counts: Vec<(u32, bool, usize)>,
    keys: Vec<Key>,
    sentences: Vec<Sentence>,
    lower: String,
}

impl Builder {
    fn sentence(&mut self, para: &Para, span: Span, after_quote: bool) {
        let sentence = para.slice(span);
        let first_key = self.keys.len();
        let number = self.sentences.len() + 1;
        let mut doubtful = None;
        let mut reporting = false;
        let mut tie = false;
        let mut definite = false;
        let mut lower = std::mem::take(&mut self.lower);
        for (i, w) in words(sentence).enumerate() {
            let lower = lower_into(w, &mut lower);
            definite |= i == 0 && w == "The";
            reporting |= after_quote && is_reporting_verb(lower);
            tie |= is_tie(i, lower);
            let Some(bare) = content_word(lower) else {
                continue;
            };
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            let stemmed = stem(bare);
            if !capitalised {
                let entry = self.key(stemmed, false, first_key, number);
                self.counts[entry as usize].1 = true;
            } else if is_calendar(bare) {
                self.key(stemmed, false, first_key, number);
            } else if i == 0 {
                doubtful = Some((self.entry(bare), self.entry(stemmed)));
            } else {
                self.key(bare, true, first_key, number);
            }
        }
        self.lower = lower;
        let attribution = after_quote && reporting;
        let tied = attribution
            || definite
            || tie
            || sentence.contains(is_quote_mark)
            || para.quotes.inside(span.start);
        let candidate = !tied && sentence.trim_end().ends_with(['.', '!', '?']);
        self.sentences.push(Sentence {
            span,
            candidate,
            keys: first_key..self.keys.len(),
            doubtful,
        });
    }

    /// The vocabulary entry for `text`, made if new.
    fn entry(&mut self, text: &str) -> u32 {
        if let Some(&entry) = self.index.get(text) {
            return entry;
        }
        let entry = u32::try_from(self.counts.len()).unwrap_or(u32::MAX);
        self.index.insert(text.to_string(), entry);
        self.counts.push((0, false, 0));
        entry
    }

    /// Add `text` to the keys of sentence `number` (whose keys start at
    /// `first_key`), once; a name use marks the key as a name.
    fn key(&mut self, text: &str, name: bool, first_key: usize, number: usize) -> u32 {
        let entry = self.entry(text);
        let counts = &mut self.counts[entry as usize];
        if counts.2 == number {
            if name && let Some(k) = self.keys[first_key..].iter_mut().find(|k| k.entry == entry) {
                k.name = true;
            }
        } else {
            counts.0 += 1;
            counts.2 = number;
            self.keys.push(Key { entry, name });
        }
        entry
    }

    fn finish(self) -> Local {
        let mut texts: Vec<Box<str>> = vec![Box::default(); self.counts.len()];
        for (text, entry) in self.index {
            if let Some(slot) = texts.get_mut(entry as usize) {
                *slot = text.into_boxed_str();
            }
        }
        let vocabulary = texts
            .into_iter()
            .zip(self.counts)
            .map(|(text, (sentences, lower, _))| Entry {
                text,
                sentences,
                lower,
            })
            .collect();
        Local {
            vocabulary,
            keys: self.keys,
            sentences: self.sentences,
        }
    }
}

/// The article's word counts, kept between analyses and brought up to
/// date from the paragraphs that came and went: every key the document has
/// used gets a number, and each paragraph's vocabulary is counted in once
/// per occurrence of the paragraph, by the identity of its cached result.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Article-wide number of each key.
    index: FxHashMap<Box<str>, u32>,
    /// Sentences with the key among their settled keys, by number.
    settled: Vec<u32>,
    /// Paragraphs writing the key in lower case as a stem, by number.
    lower: Vec<u32>,
    /// The paragraphs counted in, by the address of their local result.
    counted: FxHashMap<usize, Counted>,
    /// Size of `index` after the last fresh start.
    fresh_size: usize,
}

/// One distinct paragraph counted in the [`Tally`].
#[derive(Debug)]
struct Counted {
    /// Held so that the address stays this paragraph's while it is counted.
    local: Arc<super::Local>,
    /// The article-wide number of each of its vocabulary entries.
    ids: Vec<u32>,
    /// How many times the paragraph occurs in the counts, and in the
    /// version being analysed.
    counted: u32,
    present: u32,
}

/// Keys no paragraph uses any more stay numbered until there are this many
/// more of them than at the last fresh start (then the tally starts over).
const STALE_KEYS: usize = 4096;

impl Tally {
    /// Bring the counts up to the paragraphs of `doc`.
    fn update(&mut self, doc: &Doc) {
        if self.index.len() > 2 * self.fresh_size + STALE_KEYS {
            *self = Tally::default();
        }
        for placed in &doc.paras {
            let address = Arc::as_ptr(&placed.local) as usize;
            if let Some(counted) = self.counted.get_mut(&address) {
                counted.present += 1;
                continue;
            }
            let ids = self.number(&placed.local.spliced);
            self.counted.insert(
                address,
                Counted {
                    local: Arc::clone(&placed.local),
                    ids,
                    counted: 0,
                    present: 1,
                },
            );
        }
        let (settled, lower) = (&mut self.settled, &mut self.lower);
        self.counted.retain(|_, c| {
            if c.present != c.counted {
                let vocabulary = &c.local.spliced.vocabulary;
                for (entry, &id) in vocabulary.iter().zip(&c.ids) {
                    let id = id as usize;
                    settled[id] =
                        settled[id] - entry.sentences * c.counted + entry.sentences * c.present;
                    let lower_now = u32::from(entry.lower);
                    lower[id] = lower[id] - lower_now * c.counted + lower_now * c.present;
                }
            }
            c.counted = c.present;
            c.present = 0;
            c.counted > 0
        });
        if self.fresh_size == 0 {
            self.fresh_size = self.index.len();
        }
    }

    /// The article-wide numbers of a paragraph's vocabulary entries.
    fn number(&mut self, local: &Local) -> Vec<u32> {
        local
            .vocabulary
            .iter()
            .map(|entry| {
                if let Some(&id) = self.index.get(&entry.text) {
                    return id;
                }
                let id = u32::try_from(self.settled.len()).unwrap_or(u32::MAX);
                self.index.insert(entry.text.clone(), id);
                self.settled.push(0);
                self.lower.push(0);
                id
            })
            .collect()
    }
}

/// The article's word counts for one version: per paragraph the numbers
/// of its entries, and per number the sentences using the key once the
/// doubtful first words are settled.
struct Table<'a> {
    ids: Vec<&'a [u32]>,
    frequency: Vec<u32>,
    lower: &'a [u32],
}

impl<'a> Table<'a> {
    fn new(tally: &'a Tally, doc: &Doc) -> Self {
        let ids = doc
            .paras
            .iter()
            .map(|placed| {
                let address = Arc::as_ptr(&placed.local) as usize;
                tally.counted.get(&address).map_or(&[][..], |c| &c.ids[..])
            })
            .collect();
        let mut table = Table {
            ids,
            frequency: tally.settled.clone(),
            lower: &tally.lower,
        };
        for (i, placed) in doc.paras.iter().enumerate() {
            let local = &placed.local.spliced;
            for sentence in &local.sentences {
                if let Some((entry, _)) = table.doubt(i, sentence)
                    && !local.has_key(sentence, entry)
                {
                    let id = table.id(i, entry);
                    table.frequency[id] += 1;
                }
            }
        }
        table
    }

    fn id(&self, para: usize, entry: u32) -> usize {
        self.ids[para][entry as usize] as usize
    }

    /// The key the doubtful first word of `sentence` (of paragraph `para`)
    /// settles on, and whether it is a name: the bare word, unless the
    /// article writes its stem in lower case.
    fn doubt(&self, para: usize, sentence: &Sentence) -> Option<(u32, bool)> {
        let (bare, stem) = sentence.doubtful?;
        if self.lower[self.id(para, stem)] > 0 {
            Some((stem, false))
        } else {
            Some((bare, true))
        }
    }
}

impl Local {
    fn has_key(&self, sentence: &Sentence, entry: u32) -> bool {
        self.keys[sentence.keys.clone()]
            .iter()
            .any(|k| k.entry == entry)
    }
}

pub(crate) fn combine(tally: &mut Tally, doc: &Doc, out: &mut Vec<Fragment>) {
    tally.update(doc);
    let table = Table::new(tally, doc);
    for (i, placed) in doc.paras.iter().enumerate() {
        let local = &placed.local.spliced;
        for (k, sentence) in local.sentences.iter().enumerate() {
            let lead = i == 0 || (i == 1 && k == 0);
            if lead || !sentence.candidate {
                continue;
            }
            if let Some(f) = judge(&table, i, local, sentence) {
                out.push(f.shifted(placed.start));
            }
        }
    }
}

/// The fragment for `sentence` of paragraph `para`, when it shares (almost)
/// nothing with the rest of the article.
fn judge(table: &Table, para: usize, local: &Local, sentence: &Sentence) -> Option<Fragment> {
    let settled = &local.keys[sentence.keys.clone()];
    let doubt = table.doubt(para, sentence);
    let known = doubt.filter(|&(entry, _)| local.has_key(sentence, entry));
    let extra = doubt.filter(|_| known.is_none());
    let count = settled.len() + usize::from(extra.is_some());
    if count < MIN_CONTENT_WORDS {
        return None;
    }
    let named = |k: &Key| k.name || known.is_some_and(|(entry, name)| name && entry == k.entry);
    let keys = settled.iter().map(|k| (k.entry, named(k))).chain(extra);
    let mut shared: Option<u32> = None;
    let mut cohesion = 0;
    for (entry, name) in keys {
        let frequency = table.frequency[table.id(para, entry)] as usize;
        let elsewhere = frequency.max(1) - 1;
        if elsewhere == 0 {
            continue;
        }
        if shared.is_some() {
            return None; // two shared words: the sentence belongs
        }
        shared = Some(entry);
        let weight = if name { NAME_WEIGHT } else { 1 };
        cohesion += elsewhere.min(OCCURRENCE_CAP) * weight;
    }
    let isolated = match shared {
        None => true,
        Some(_) => cohesion <= MAX_COHESION && count >= MIN_CONTENT_WORDS_ONE_SHARED,
    };
    if !isolated {
        return None;
    }
    let evidence = match shared {
        None => "shares no content words with the rest of the article".to_string(),
        Some(entry) => format!(
            "shares only one word (“{}…”) with the rest of the article, out of {count}",
            local.vocabulary[entry as usize].text
        ),
    };
    Some(Fragment {
        span: sentence.span,
        kind: FragmentKind::Spliced,
        message: format!(
            "Possibly spliced in from another story: this sentence {evidence}, and no \
             pronoun or connective ties it to its neighbours"
        ),
        severity: Severity::Information,
        related: Vec::new(),
        insertion: None,
    })
}

/// Conjunctions and demonstratives that tie a sentence to the previous
/// one only when they open it ("But ...", "That decision ..."); inside a
/// sentence they join its own clauses.
const OPENING_TIES: &[&str] = &[
    "but", "and", "or", "so", "yet", "that", "while", "although", "though", "because", "since",
    "nor",
];

/// True when word `i` of a sentence (`lower`, in lower case) is a pronoun,
/// demonstrative or connective (contractions count by their first part:
/// "we're" is "we"), or a negation: denying something presupposes that the
/// article raised it ("X was not seeking a fifth term").
fn is_tie(i: usize, lower: &str) -> bool {
    if lower == "not" || lower.ends_with("n't") || lower.ends_with("n’t") {
        return true;
    }
    let head = lower.split(['\'', '’']).next().unwrap_or("");
    is_cohesive_tie(lower) || is_cohesive_tie(head) || (i == 0 && OPENING_TIES.contains(&head))
}

/// The content word in `lower` (a word in lower case), possessive removed;
/// None for stop words, short words and numbers.
fn content_word(lower: &str) -> Option<&str> {
    let bare = lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .unwrap_or(lower)
        .trim_end_matches(['’', '\'']);
    let content = bare.chars().nth(2).is_some()
        && bare.chars().any(char::is_alphabetic)
        && !bare.chars().any(|c| c.is_ascii_digit())
        && !is_stop_word(bare);
    content.then_some(bare)
}

/// A light stemmer: strip common inflections, then keep at most six
/// characters, so "campaigning", "campaigns" and "campaign" meet. The stem
/// is always a prefix of the word.
fn stem(word: &str) -> &str {
    const SUFFIXES: &[&str] = &["ies", "ing", "ed", "es", "s", "ly"];
    let mut base = word;
    for suffix in SUFFIXES {
        if let Some(b) = word.strip_suffix(suffix)
            && b.chars().nth(2).is_some()
        {
            base = b;
            break;
        }
    }
    if base.chars().nth(3).is_some() {
        base = base.strip_suffix('e').unwrap_or(base);
    }
    match base.char_indices().nth(6) {
        Some((end, _)) => &base[..end],
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::Spliced;
    use super::super::test_support::{all, found};
    use super::*;

    const ARTICLE: &str = "Council approves harbour bridge budget.\n\n\
        The city council approved the harbour bridge budget on Tuesday after a long debate.\n\n\
        Councillors said the bridge budget would cover repairs to the harbour crossing.\n\n\
        The mayor praised the council for passing the bridge repairs quickly.";

    #[test]
    fn an_unrelated_sentence_is_reported_as_information() {
        let text = format!(
            "{ARTICLE} Scientists found a new species of octopus living near volcanic vents.\n\n\
             Repairs to the harbour bridge start in spring."
        );
        let fragments: Vec<Fragment> = all(&text)
            .into_iter()
            .filter(|f| f.kind == Spliced)
            .collect();
        assert_eq!(fragments.len(), 1);
        assert_eq!(
            fragments[0].span.text(&text),
            "Scientists found a new species of octopus living near volcanic vents."
        );
        assert_eq!(fragments[0].severity, Severity::Information);
        assert!(fragments[0].message.contains("shares no content words"));
    }

    #[test]
    fn sentences_on_topic_or_tied_by_a_pronoun_stand() {
        let text = format!(
            "{ARTICLE}\n\nShe also thanked engineers, residents and ferry operators for waiting.\n\n\
             We’re told engineers, divers and ferry crews will inspect pylons.\n\n\
             Why?\n\n“Volcanic octopus species thrive near undersea vents,” a scientist said."
        );
        assert_eq!(found(&text, Spliced), []);
    }

    #[test]
    fn a_negated_sentence_is_tied_to_what_it_denies() {
        let text = format!(
            "{ARTICLE} Scientists did not find a new species of octopus near volcanic vents."
        );
        assert_eq!(found(&text, Spliced), []);
        let text =
            format!("{ARTICLE} Scientists found a new species of octopus near volcanic vents.");
        assert_eq!(found(&text, Spliced).len(), 1);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("campaigning"), stem("campaigns"));
        assert_eq!(stem("councillors"), "counci");
        assert_eq!(stem("ice"), "ice");
        assert_eq!(stem("élégances"), "élégan");
    }

    /// The settled keys of the paragraph's first sentence, as (text, name),
    /// and its doubtful first word as (bare, stem).
    type Keys = (Vec<(String, bool)>, Option<(String, String)>);

    fn keys_of(body: &str) -> Keys {
        let para = Para::new(body, vec![Span::new(0, body.len())]);
        let local = local(&para);
        let text = |entry: u32| local.vocabulary[entry as usize].text.to_string();
        let sentence = &local.sentences[0];
        let keys = local.keys[sentence.keys.clone()]
            .iter()
            .map(|k| (text(k.entry), k.name))
            .collect();
        (keys, sentence.doubtful.map(|(b, s)| (text(b), text(s))))
    }

    #[test]
    fn a_paragraph_keeps_stems_names_and_its_doubtful_first_word() {
        let (keys, doubtful) =
            keys_of("Bridges of the mayor’s Akron office were 4,060 feet from Akron.");
        let expected = [
            ("mayor", false),
            ("akron", true),
            ("offic", false),
            ("feet", false),
        ];
        assert_eq!(keys, expected.map(|(t, n)| (t.to_string(), n)).to_vec());
        assert_eq!(doubtful, Some(("bridges".into(), "bridg".into())));
        let (keys, doubtful) = keys_of("On Tuesday the akron office met in Akron.");
        let expected = [
            ("tuesda", false),
            ("akron", true),
            ("offic", false),
            ("met", false),
        ];
        assert_eq!(keys, expected.map(|(t, n)| (t.to_string(), n)).to_vec());
        assert_eq!(doubtful, None);
    }

    /// The fragments of `text` found with `cache` kept from earlier calls,
    /// checked against a fresh run.
    fn detect_reusing(cache: &mut super::super::Cache, text: &str) -> Vec<super::super::Fragment> {
        let seg = crate::analysis::segment::segment(text);
        let found = super::super::detect_with(cache, text, &seg, &[], &[], &[]);
        cache.sweep();
        assert_eq!(found, super::super::detect(text, &seg, &[], &[], &[]));
        found
    }

    #[test]
    fn an_edit_elsewhere_changes_whether_a_sentence_stands() {
        let spliced = "Scientists found a new species of octopus living near volcanic vents.";
        let shares = "Divers filmed the octopus species near the bridge vents.";
        let before = format!("{ARTICLE} {spliced}\n\nRepairs start in spring.");
        let after = format!("{ARTICLE} {spliced}\n\n{shares}");
        let mut cache = super::super::Cache::default();
        let mut run = |text: &str| {
            detect_reusing(&mut cache, text)
                .into_iter()
                .filter(|f| f.kind == Spliced)
                .map(|f| f.span.text(text).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(&before), [spliced]);
        assert_eq!(run(&after), Vec::<String>::new());
        assert_eq!(run(&before), [spliced]);
    }

    #[test]
    fn a_capitalised_first_word_is_a_name_unless_the_article_writes_it_in_lower_case() {
        let sentence =
            "Ferries carried tourists across choppy northern seas toward distant islands.";
        let article = |other: &str| format!("{ARTICLE} {sentence}\n\n{other}");
        // Written in lower case elsewhere, "Ferries" is one weak shared word.
        let common = article("Councillors said the ferries would need repairs.");
        // Written only capitalised, it is a name: a strong shared word.
        let name = article("Councillors said Harbour Ferries would need repairs.");
        let mut cache = super::super::Cache::default();
        let mut run = |text: &str| {
            detect_reusing(&mut cache, text)
                .into_iter()
                .filter(|f| f.kind == Spliced)
                .map(|f| (f.span.text(text).to_string(), f.message))
                .collect::<Vec<_>>()
        };
        let reported = run(&common);
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].0, sentence);
        assert!(reported[0].1.contains("shares only one word (“ferr…”)"));
        assert_eq!(run(&name), []);
        assert_eq!(run(&common).len(), 1);
    }
}
