//! Comments that switch diagnostics off in a Markdown document:
//!
//! ```markdown
//! <!-- copydesk-disable-next-line boilerplate/share -->
//! <!-- copydesk-disable fragment -->
//! ...
//! <!-- copydesk-enable -->
//! ```
//!
//! `disable-next-line` covers the next line with text on it; `disable`
//! covers everything after it up to an `enable` (or the end of the
//! document). Each names codes (`boilerplate/share`) or families
//! (`fragment`), separated by spaces or commas; naming none means every
//! code. An `enable` naming codes ends only the disables of those codes.
//! Only real HTML comments count: the same text inside a code block or
//! inline code is an example, not a switch.
//!
//! A code that is neither a code nor a family ([`crate::analysis::codes`])
//! switches nothing off, and a writer who mistyped it would never know: each
//! one is kept ([`Comments::unknown_codes`]) and reported as
//! `copydesk/unknown-code` on the code as written. No comment switches that
//! report off (see [`suppressible`]): a comment cannot hide its own mistake.

use super::super::{Span, UNKNOWN_CODE, codes};
use crate::analysis::work::tick;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One region where some diagnostics are off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The text it covers.
    pub region: Span,
    /// The codes or families it switches off; empty: all.
    pub codes: Vec<String>,
    /// The comment that says so.
    pub comment: Span,
}

impl Suppression {
    /// Whether a diagnostic with `code` starting at byte `at` is off.
    pub fn covers(&self, code: &str, at: usize) -> bool {
        let family = code.split('/').next().unwrap_or(code);
        self.region.start <= at
            && at < self.region.end.max(self.region.start + 1)
            && (self.codes.is_empty() || self.codes.iter().any(|c| c == code || c == family))
    }
}

/// What the suppression comments of a document say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Comments {
    pub suppressions: Vec<Suppression>,
    /// Each code a comment names that copydesk does not know: the span of
    /// the code as written, in document order.
    pub unknown_codes: Vec<Span>,
}

/// Whether a comment can switch `code` off: every code but the report of a
/// comment's own unknown code.
pub fn suppressible(code: &str) -> bool {
    code != UNKNOWN_CODE
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .unwrap_or_else(|e| panic!("the suppression pattern is valid: {e}"))
});

/// Most mistyped codes reported for one comment: a comment of thousands
/// of words is not a list of codes to correct one by one.
pub(super) const MAX_UNKNOWN_PER_COMMENT: usize = 8;

/// The suppressions of Markdown source `md`, whose HTML (blocks, inline
/// HTML, comments) the parser found at `html`.
pub(super) fn read(md: &str, html: &[Range<usize>]) -> Comments {
    let mut out = Vec::new();
    let mut unknown_codes = Vec::new();
    // Disables waiting for their `enable`: (index in `out`).
    let mut open: Vec<usize> = Vec::new();
    for range in merged(html) {
        let Some(chunk) = md.get(range.clone()) else {
            continue;
        };
        for m in COMMENT.captures_iter(chunk) {
            let (Some(whole), Some(kind)) = (m.get(0), m.get(1)) else {
                continue;
            };
            let comment = Span::new(range.start + whole.start(), range.start + whole.end());
            let named = m.get(2).map_or((0, ""), |c| (c.start(), c.as_str()));
            let mut codes: Vec<String> = Vec::new();
            let mut unknown_here = 0;
            for (at, code) in words(named.1) {
                tick();
                if codes::check(code).is_err() && unknown_here < MAX_UNKNOWN_PER_COMMENT {
                    unknown_here += 1;
                    let start = range.start + named.0 + at;
                    unknown_codes.push(Span::new(start, start + code.len()));
                }
                // An unknown code stays in the list: it matches no
                // diagnostic, where dropping it could leave the list empty,
                // which means every code.
                codes.push(code.to_string());
            }
            match kind.as_str() {
                "disable-next-line" => {
                    let after_line = md[comment.end..]
                        .find('\n')
                        .map_or(md.len(), |i| comment.end + i + 1);
                    if let Some(line) = super::next_text_line(md, after_line) {
                        out.push(Suppression {
                            region: line,
                            codes,
                            comment,
                        });
                    }
                }
                "disable" => {
                    open.push(out.len());
                    out.push(Suppression {
                        region: Span::new(comment.end, md.len()),
                        codes,
                        comment,
                    });
                }
                _ => open.retain(|&i| {
                    let ends = codes.is_empty() || out[i].codes.iter().any(|c| codes.contains(c));
                    if ends {
                        out[i].region.end = comment.start;
                    }
                    !ends
                }),
            }
        }
    }
    Comments {
        suppressions: out,
        unknown_codes,
    }
}

/// The codes of a comment, separated by blanks or commas, each with its
/// offset in `list`.
fn words(list: &str) -> impl Iterator<Item = (usize, &str)> {
    list.split([' ', ',', '\t', '\n', '\r'])
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// `ranges` sorted and merged where they overlap (an HTML block and the
/// lines of HTML inside it are reported both).
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
