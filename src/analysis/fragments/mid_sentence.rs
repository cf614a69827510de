//! `fragment/mid-sentence-start`: a paragraph that starts in the middle of
//! a sentence: with a lower-case word ("to send a Cheney to Washington.")
//! or with punctuation that needs a clause before it (", which ...").
//!
//! Not reported: brand names written in lower case ("iPhone", "eBay"),
//! name particles ("de Blasio", "van Gogh"), list markers, handles and
//! addresses, and paragraphs that follow a lead-in (ending in a colon,
//! semicolon or comma) or continue an open quotation.

use super::text::{is_list_item, words};
use super::{Doc, Fragment, FragmentKind, Para};
use crate::analysis::Span;

/// Lower-case particles that start surnames ("de Blasio").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "van", "von", "la", "le", "al", "el", "bin",
    "ibn", "dos", "das", "ter", "ten", "zu", "y",
];

/// What one paragraph holds: its mid-sentence start, if any, and whether
/// it leads into the paragraph after it (which excuses that one's start).
#[derive(Debug)]
pub(crate) struct Local {
    found: Option<Box<Fragment>>,
    leads_in: bool,
}

pub(crate) fn local(para: &Para) -> Local {
    Local {
        found: check(para).map(Box::new),
        leads_in: leads_in(para),
    }
}

pub(crate) fn combine(doc: &Doc, out: &mut Vec<Fragment>) {
    for (i, placed) in doc.paras.iter().enumerate() {
        let Some(f) = &placed.local.mid_sentence.found else {
            continue;
        };
        let follows_lead_in = doc
            .prev(i)
            .is_some_and(|prev| prev.local.mid_sentence.leads_in);
        if !follows_lead_in {
            out.push(f.shifted(placed.start));
        }
    }
}

/// The paragraph's start, when it is in the middle of a sentence and
/// nothing in the paragraph itself explains it (the previous paragraph may
/// still: see [`leads_in`]).
fn check(para: &Para) -> Option<Fragment> {
    let body = para.text;
    let first = body.chars().next()?;
    let reason = if first.is_lowercase() {
        if !starts_with_plain_lowercase_word(body) {
            return None;
        }
        "starts with a lower-case word"
    } else if matches!(first, ',' | ';' | ')') {
        "starts with punctuation that needs a clause before it"
    } else {
        return None;
    };
    if is_list_item(body) {
        return None;
    }
    let first_sentence = para.sentences.first().copied().unwrap_or(para.span);
    Some(Fragment::warning(
        Span::new(first_sentence.start, first_sentence.end),
        FragmentKind::MidSentenceStart,
        format!("Paragraph {reason}: the beginning of the sentence seems to be missing"),
    ))
}

/// True when `body` starts with an ordinary lower-case word: not a brand
/// name, a name particle, a handle, an address or an abbreviation.
fn starts_with_plain_lowercase_word(body: &str) -> bool {
    let token: &str = body.split_whitespace().next().unwrap_or("");
    if token.contains(['@', '#', '/']) || token.contains(".com") || token.starts_with("www") {
        return false;
    }
    let Some(word) = words(token).next() else {
        return false;
    };
    if word.chars().skip(1).any(char::is_uppercase) || word.chars().any(|c| c.is_ascii_digit()) {
        return false; // iPhone, eBay, mRNA, x86
    }
    if token
        .get(word.len()..)
        .is_some_and(|rest| rest.starts_with('.'))
        && word.len() <= 2
    {
        return false; // e.g., a.m.
    }
    let lower = word.to_lowercase();
    let particle = NAME_PARTICLES.contains(&lower.as_str())
        || lower.starts_with("al-")
        || lower.starts_with("el-");
    let next_capitalised = body
        .split_whitespace()
        .nth(1)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    !(particle && (next_capitalised || lower.contains('-')))
}

/// True when `para` leads into the next paragraph: it ends with a colon,
/// semicolon, comma or dash, or inside an open quotation.
fn leads_in(para: &Para) -> bool {
    para.quotes.open_at_end.is_some()
        || para
            .text
            .trim_end()
            .ends_with([':', ';', ',', '—', '–', '-'])
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::MidSentenceStart;
    use super::super::test_support::found;

    #[test]
    fn lower_case_start() {
        let text = "Headline.\n\nThe race tightened.\n\nto send a new senator to the capital.";
        assert_eq!(
            found(text, MidSentenceStart),
            [(4, "to send a new senator to the capital.".into())]
        );
    }

    #[test]
    fn punctuation_start() {
        let text = "Headline.\n\nThe race tightened.\n\n, which surprised nobody.";
        assert_eq!(found(text, MidSentenceStart).len(), 1);
    }

    #[test]
    fn brands_particles_lists_and_lead_ins_are_fine() {
        let text = "Headline.\n\niPhone sales rose again.\n\nde Blasio won the vote.\n\n\
                    a) the first option.\n\nHe listed three reasons:\n\nthe cost of the plan.\n\n\
                    @handle on the platform.";
        assert_eq!(found(text, MidSentenceStart), []);
    }

    #[test]
    fn quote_continuing_over_paragraphs_is_fine() {
        let text = "Headline.\n\n“We will fight on\n\nand we will win,” she said.";
        assert_eq!(found(text, MidSentenceStart), []);
    }

    #[test]
    fn capitalised_and_quoted_starts_are_fine() {
        let text = "Headline.\n\nWhy?\n\n“Because we can,” he said.\n\nAnd so it went.";
        assert_eq!(found(text, MidSentenceStart), []);
    }
}
