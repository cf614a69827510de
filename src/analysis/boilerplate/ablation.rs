//! Leaving one kind of furniture's own phrases out, to measure how far the
//! other evidence (shape, position, the general UI vocabulary) finds that
//! kind alone: the leave-one-kind-out test of
//! `scripts/leave_one_kind_out.py`.
//!
//! With a kind left out, the phrase patterns written for that kind ("Story
//! continues below", "Updated 4:16 p.m.") do not fire, and the lexicon's
//! words tagged for it (`ui-ad`, `label-video`, ...) no longer point to
//! it. How far the words go is the [`Ablation`]: by default they stay
//! words of an interface in general ("advertisement", "comments" and
//! "share" are the UI vocabulary by class that the score weighs, as a
//! newsroom would list them); [`Ablation::PhrasesAndWords`] makes them
//! plain words too, the stricter test. The setting is process-wide and set
//! once, before the first analysis, by `examples/furniture_ablation.rs` and
//! `examples/furniture_evidence.rs`; nothing else sets it, so the analysis
//! a writer runs never has a kind left out.

use std::sync::OnceLock;

use super::BoilerplateKind;
use crate::analysis::lexicon::Tags;

/// How much of a kind's own vocabulary is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ablation {
    /// The kind's patterns, and its words' pointing to it: the words stay
    /// UI vocabulary of no kind.
    Phrases,
    /// The patterns, and the words read as plain words, not UI vocabulary.
    PhrasesAndWords,
}

static LEFT_OUT: OnceLock<(BoilerplateKind, Ablation)> = OnceLock::new();

/// Leaves out `kind`'s own phrases for the rest of the process. Fails when
/// a kind was already left out.
pub fn leave_out(kind: BoilerplateKind, how: Ablation) -> Result<(), BoilerplateKind> {
    LEFT_OUT.set((kind, how)).map_err(|(kind, _)| kind)
}

/// Whether the phrases written for `kind` are in use.
pub(super) fn phrases_of(kind: BoilerplateKind) -> bool {
    LEFT_OUT.get().map(|&(k, _)| k) != Some(kind)
}

/// A word's tags as the pass reads them: without its kind (and, for
/// [`Ablation::PhrasesAndWords`], its UI and label tags) when the kind is
/// the one left out.
pub(super) fn tags_of_word(tags: Tags) -> Tags {
    let Some(&(kind, how)) = LEFT_OUT.get() else {
        return tags;
    };
    let named =
        super::words::ui_kind(tags) == Some(kind) || super::words::label_kind(tags) == Some(kind);
    match (named, how) {
        (false, _) => tags,
        (true, Ablation::Phrases) => tags.without_kinds(),
        (true, Ablation::PhrasesAndWords) => tags.without_furniture(),
    }
}

/// Reads a leading `--without boilerplate/KIND` (phrases left out) or
/// `--without-words boilerplate/KIND` (phrases and words) off `args` and
/// leaves that kind out; the examples that run the ablation share it.
/// Without either flag it does nothing.
pub fn leave_out_from_args(args: &mut Vec<String>) -> Result<(), String> {
    let (flag, how) = match args.first().map(String::as_str) {
        Some(flag @ "--without") => (flag, Ablation::Phrases),
        Some(flag @ "--without-words") => (flag, Ablation::PhrasesAndWords),
        _ => return Ok(()),
    };
    let code = args
        .get(1)
        .ok_or_else(|| format!("{flag} needs a kind (boilerplate/ad, ...)"))?;
    let kind = BoilerplateKind::from_code(code).ok_or_else(|| format!("unknown kind `{code}`"))?;
    leave_out(kind, how).map_err(|_| "a kind is already left out".to_string())?;
    args.drain(..2);
    Ok(())
}
