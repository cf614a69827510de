//! `fragment/mid-sentence-start`: a paragraph that starts in the middle of
//! a sentence: with a lower-case word ("to send a new senator to the capital.")
//! or with punctuation that needs a clause before it (", which ...").
//!
//! Not reported: brand names written in lower case ("iPhone", "eBay"),
//! name particles ("de Blasio", "van Gogh"), list markers, handles and
//! addresses, and paragraphs that follow a lead-in (ending in a colon,
//! semicolon or comma) or continue an open quotation.

use super::{Doc, Fragment, FragmentKind, Para, is_address};
use crate::analysis::Span;
use crate::analysis::lexicon::Tags;
use crate::analysis::text::Token;
use crate::analysis::work::{tick, tick_n};

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
        tick();
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
    let tokens = &para.model.tokens.list;
    let first = tokens.first()?;
    let reason = if first.is_word() && para.text.starts_with(char::is_lowercase) {
        if !starts_with_plain_lowercase_word(para, tokens) {
            return None;
        }
        "starts with a lower-case word"
    } else if first.span.start == 0 && matches!(para.slice(first.span), "," | ";" | ")") {
        "starts with punctuation that needs a clause before it"
    } else {
        return None;
    };
    if para.hints().list_item {
        return None;
    }
    let first_sentence = para.sentences.first().copied().unwrap_or(para.span);
    Some(Fragment::warning(
        Span::new(first_sentence.start, first_sentence.end),
        FragmentKind::MidSentenceStart,
        format!("Paragraph {reason}: the beginning of the sentence seems to be missing"),
    ))
}

/// True when the paragraph's first token (a word starting with a
/// lower-case letter) is an ordinary word: not a brand name, a name
/// particle, a handle, an address or an abbreviation.
fn starts_with_plain_lowercase_word(para: &Para, tokens: &[Token]) -> bool {
    if is_address(para.run_around(tokens, 0)) {
        return false;
    }
    let first = &tokens[0];
    let word = first.stem.text(para.text);
    // the word's checks, then the first gap between tokens
    tick_n(4 * word.len() + tokens.len());
    if word.chars().skip(1).any(char::is_uppercase) || word.chars().any(|c| c.is_ascii_digit()) {
        return false; // iPhone, eBay, mRNA, x86
    }
    let letters = word.split(['.', '\'', '’']).next().unwrap_or(word);
    if letters.len() <= 2 && para.text[letters.len()..].starts_with('.') {
        return false; // e.g., a.m.
    }
    let lower = para.lower(first);
    let particle = first.tags.contains(Tags::NAME_PARTICLE)
        || lower.starts_with("al-")
        || lower.starts_with("el-");
    // The first token after the paragraph's first run of unspaced tokens.
    let next_capitalised = tokens
        .windows(2)
        .find(|pair| pair[1].span.start > pair[0].span.end)
        .is_some_and(|pair| pair[1].is_capitalised());
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
