//! Leaving one kind of furniture's own phrases out, to measure how far the
//! other evidence (shape, position, the general UI vocabulary) finds that
//! kind alone: the leave-one-kind-out test of
//! `scripts/leave_one_kind_out.py`.
//!
//! With a kind left out, the lexicon's words tagged for that kind (`ui-ad`,
//! `label-video`, ...) read as plain words, and the phrase patterns written
//! for that kind ("Story continues below", "Updated 4:16 p.m.") do not
//! fire. The setting is process-wide and set once, before the first
//! analysis, by `examples/furniture_ablation.rs`; nothing else sets it, so
//! the analysis a writer runs never has a kind left out.

use std::sync::OnceLock;

use super::BoilerplateKind;
use crate::analysis::lexicon::Tags;

static LEFT_OUT: OnceLock<BoilerplateKind> = OnceLock::new();

/// Leaves out `kind`'s own phrases for the rest of the process. Fails when
/// a kind was already left out.
pub fn leave_out(kind: BoilerplateKind) -> Result<(), BoilerplateKind> {
    LEFT_OUT.set(kind)
}

/// Whether the phrases written for `kind` are in use.
pub(super) fn phrases_of(kind: BoilerplateKind) -> bool {
    LEFT_OUT.get() != Some(&kind)
}

/// A word's tags as the pass reads them: without its UI and label tags
/// when they name the kind left out.
pub(super) fn tags_of_word(tags: Tags) -> Tags {
    let Some(&kind) = LEFT_OUT.get() else {
        return tags;
    };
    let named =
        super::words::ui_kind(tags) == Some(kind) || super::words::label_kind(tags) == Some(kind);
    if named {
        tags.without_furniture()
    } else {
        tags
    }
}
