//! `fragment/unbalanced-quote`: a double quotation mark without its partner.
//!
//! - An opening mark followed by another opening mark before any closing
//!   one was never closed.
//! - An opening mark still open at the end of the paragraph was never
//!   closed, unless the next paragraph opens with a quotation mark (the
//!   convention for a quote that runs over several paragraphs). The
//!   convention does not excuse a quote that visibly ends inside the
//!   paragraph: an attribution cue after a comma (`…are over, the mayor
//!   said.`) shows where the closing mark belonged, nor a partial quote
//!   (`… and “using a Karl Rove attack.`): as news style has it, only
//!   quoted material that is a full sentence runs on without its closing
//!   mark; a quotation opened right after a word of the sentence, with no
//!   punctuation or reporting verb before it, is part of a sentence.
//! - A closing mark with no opening mark before it.
//!
//! Where an attribution cue shows where the quote ended, the fragment
//! carries a quick fix that inserts the closing mark there. When a second
//! quotation opens before the first closed, related information points at
//! it.

use super::weights::MAX_CUE_TOKENS;
use super::{Doc, Fragment, FragmentKind, Para};
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Token;
use crate::analysis::text::quotes::Mark;
use crate::analysis::work::tick;
use crate::analysis::{Related, Span};

/// What one paragraph holds: the candidates for its first unpaired mark,
/// and whether it opens with a quotation mark (which excuses a quote left
/// open at the end of the paragraph before it).
#[derive(Debug)]
pub(crate) struct Local {
    never_closed: Option<Box<Fragment>>,
    stray: Option<Box<Fragment>>,
    /// A quote still open at the end, and whether an attribution cue shows
    /// where it ended (then the next paragraph cannot excuse it).
    open_at_end: Option<Box<Fragment>>,
    cue_at_end: bool,
    /// The quote still open at the end is a partial quote, which the next
    /// paragraph cannot continue either.
    partial_at_end: bool,
    starts_with_open: bool,
}

pub(crate) fn local(para: &Para) -> Local {
    let quotes = para.quotes;
    let never_closed = quotes.unclosed.first().map(|&k| {
        let mark = quotes.marks[k];
        let next = next_opening_after(para, k);
        let until = next.map_or(para.span.end, |m| m.span.start);
        let mut f = unclosed(para, mark, until, "before the next quotation opens");
        f.related.extend(next.map(|m| Related {
            span: m.span,
            message: "the next quotation opens here".to_string(),
        }));
        f
    });
    let stray = quotes.stray_closes.first().map(|&k| {
        Fragment::warning(
            quotes.marks[k].span,
            FragmentKind::UnbalancedQuote,
            "Closing quotation mark with no opening mark before it".to_string(),
        )
    });
    let open_at_end = quotes.open_at_end.map(|k| {
        unclosed(
            para,
            quotes.marks[k],
            para.span.end,
            "before the paragraph ends",
        )
    });
    // The fix is there exactly when a cue shows where the quote ended.
    let cue_at_end = open_at_end.as_ref().is_some_and(|f| f.insertion.is_some());
    let partial_at_end = quotes
        .open_at_end
        .and_then(|k| quotes.marks.get(k))
        .is_some_and(|mark| opens_partial_quote(para, mark.span.start));
    Local {
        never_closed: never_closed.map(Box::new),
        stray: stray.map(Box::new),
        open_at_end: open_at_end.map(Box::new),
        cue_at_end,
        partial_at_end,
        starts_with_open: quotes.starts_with_open,
    }
}

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    for (i, placed) in doc.paras.iter().enumerate() {
        tick();
        if let Some(f) = first_problem(doc, i, &placed.local.unbalanced) {
            out.push(f.shifted(placed.start));
        }
    }
}

/// The first unpaired mark of paragraph `i`, if any. Only the first is
/// reported: after it, the pairing of the later marks is guesswork.
fn first_problem<'l>(doc: &Doc, i: usize, local: &'l Local) -> Option<&'l Fragment> {
    let open_at_end = local.open_at_end.as_deref().filter(|_| {
        let continues = doc
            .next(i)
            .is_some_and(|next| next.local.unbalanced.starts_with_open);
        local.cue_at_end || local.partial_at_end || !continues
    });
    [
        local.never_closed.as_deref(),
        local.stray.as_deref(),
        open_at_end,
    ]
    .into_iter()
    .flatten()
    .min_by_key(|f| f.span.start)
}

/// Whether a quotation mark at `at` opens a partial quote: the token just
/// before it is a word of the sentence ("and", "his patented") rather than
/// punctuation, the paragraph's start or a reporting verb ("said “We").
fn opens_partial_quote(para: &Para, at: usize) -> bool {
    let tokens = &para.model.tokens.list;
    let before = tokens.partition_point(|t| t.span.end <= at);
    before
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.is_word() && !t.tags.contains(Tags::REPORTING_VERB))
}

/// The mark after mark `k` of the same family: the opening mark that left
/// `k` unclosed.
fn next_opening_after(para: &Para, k: usize) -> Option<Mark> {
    let marks = &para.quotes.marks;
    let kind = marks.get(k)?.kind;
    marks
        .get(k + 1..)?
        .iter()
        .find(|m| {
            tick();
            m.kind == kind
        })
        .copied()
}

/// The fragment for an opening `mark` never closed before `until`.
fn unclosed(para: &Para, mark: Mark, until: usize, when: &str) -> Fragment {
    let cue = cue_after(para, mark.span.end, until);
    let end = cue.unwrap_or(until).max(mark.span.end);
    let mut fragment = Fragment::warning(
        Span::new(mark.span.start, end),
        FragmentKind::UnbalancedQuote,
        format!("Quotation mark opened here is never closed {when}"),
    );
    if let Some(at) = cue {
        let close = closing_for(para, mark);
        fragment
            .message
            .push_str("; the attribution after it shows where it should close");
        fragment.insertion = Some((at, close.to_string()));
    }
    fragment
}

/// The closing mark that pairs with the opening `mark`.
fn closing_for(para: &Para, mark: Mark) -> &'static str {
    match para.slice(mark.span) {
        "«" => "»",
        "»" => "«",
        "„" => "“",
        _ if mark.straight => "\"",
        _ => "”",
    }
}

/// Where a closing mark belongs between `from` and `to`: right after the
/// comma (or `!`, `?`) that precedes an attribution cue such as
/// ", the mayor said" or ", said council chair Ann Lee".
fn cue_after(para: &Para, from: usize, to: usize) -> Option<usize> {
    if from >= to {
        return None;
    }
    let all = &para.model.tokens.list;
    let first = all.partition_point(|t| t.span.start < from);
    let last = all.partition_point(|t| t.span.end <= to);
    let tokens = all.get(first..last.max(first))?;
    tokens.iter().enumerate().find_map(|(k, t)| {
        tick();
        let breaks = matches!(para.slice(t.span), "," | "!" | "?");
        (breaks && k > 0 && is_cue(para, &tokens[k + 1..])).then_some(t.span.end)
    })
}

/// True when `rest` starts with a speaker and a reporting verb, or a
/// reporting verb and a speaker.
fn is_cue(para: &Para, rest: &[Token]) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    let reporting = |t: &Token| t.is_word() && t.tags.contains(Tags::REPORTING_VERB | Tags::OBJECT);
    let speakerish = |t: &Token| {
        t.is_capitalised()
            || (t.tags.contains(Tags::SUBJECT_PRONOUN) && para.lower(t) != "you")
            || t.tags.contains(Tags::DETERMINER)
    };
    if reporting(first) {
        return rest.get(1).is_some_and(speakerish);
    }
    if !speakerish(first) {
        return false;
    }
    for t in rest.iter().take(MAX_CUE_TOKENS).skip(1) {
        tick();
        if t.is_punct() && matches!(para.slice(t.span), "." | "!" | "?" | "\"") {
            return false;
        }
        if reporting(t) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::UnbalancedQuote;
    use super::super::test_support::{all, found};

    #[test]
    fn dropped_closing_mark_before_an_attribution_gets_a_fix() {
        let text = "Headline.\n\n“Those days are over, the mayor said. “We start again.”";
        let fragments = all(text);
        assert_eq!(fragments.len(), 1);
        let f = &fragments[0];
        assert_eq!(f.kind, UnbalancedQuote);
        assert_eq!(f.span.text(text), "“Those days are over,");
        let at = text.find("over,").unwrap() + "over,".len();
        assert_eq!(f.insertion, Some((at, "”".to_string())));
        let next = text.find("“We").unwrap();
        assert_eq!(f.related.len(), 1);
        assert_eq!(f.related[0].span.start, next);
    }

    #[test]
    fn a_guillemet_quote_is_mended_with_its_own_closing_mark() {
        let text = "Headline.\n\n«Those days are over, the mayor said. «We start again.»";
        let fragments = all(text);
        assert_eq!(fragments.len(), 1);
        assert_eq!(fragments[0].span.text(text), "«Those days are over,");
        let at = text.find("over,").unwrap() + "over,".len();
        assert_eq!(fragments[0].insertion, Some((at, "»".to_string())));
    }

    #[test]
    fn cue_wins_over_the_multi_paragraph_convention() {
        let text = "Headline.\n\n\"We are done, said Ann Lee, the mayor.\n\n\"Next.\"";
        let fragments = all(text);
        assert_eq!(fragments.len(), 1);
        let at = text.find("done,").unwrap() + "done,".len();
        assert_eq!(fragments[0].insertion, Some((at, "\"".to_string())));
    }

    #[test]
    fn quote_never_closed_before_paragraph_end() {
        let text = "Headline.\n\nShe called the plan “a disaster for the city.\n\nIt passed.";
        assert_eq!(
            found(text, UnbalancedQuote),
            [(2, "“a disaster for the city.".into())]
        );
    }

    #[test]
    fn quotes_that_continue_over_paragraphs_are_fine() {
        let text = "Headline.\n\n“We will rebuild,” she said. “It will take years.\n\n\
                    “But we will do it together.”";
        assert_eq!(found(text, UnbalancedQuote), []);
    }

    #[test]
    fn a_partial_quote_cannot_run_over_paragraphs() {
        // opened after a word of the sentence: the next paragraph's opening
        // mark does not excuse it
        let text = "Headline.\n\nShe called the plan a \"waste of the harbour fund.\n\n\
                    \"We will vote against it,\" she said.";
        assert_eq!(
            found(text, UnbalancedQuote),
            [(2, "\"waste of the harbour fund.".into())]
        );
        // after a reporting verb, or a colon, a full sentence may run on
        for text in [
            "Headline.\n\nShe said \"We will vote against it.\n\n\"All of us will.\"",
            "Headline.\n\nShe was clear: \"We will vote against it.\n\n\"All of us will.\"",
        ] {
            assert_eq!(found(text, UnbalancedQuote), [], "{text}");
        }
    }

    #[test]
    fn closing_mark_without_opening() {
        let text = "Headline.\n\nWe will rebuild,” she said.";
        assert_eq!(found(text, UnbalancedQuote), [(2, "”".into())]);
    }

    #[test]
    fn only_the_first_problem_of_a_paragraph_is_reported() {
        let text = "Headline.\n\nWe won,” she said. “Again, he said, “and again.\n\nEnd.";
        assert_eq!(found(text, UnbalancedQuote), [(2, "”".into())]);
    }

    #[test]
    fn balanced_and_apostrophes_are_fine() {
        let text = "Headline.\n\n“It’s the ‘best’ plan,” he said, calling it \"fair.\"\n\n\
                    The mayor's office didn't comment.";
        assert_eq!(found(text, UnbalancedQuote), []);
    }
}
