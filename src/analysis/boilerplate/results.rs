//! Lines of results: a sports scoreline ("Bristow Rovers 2, Castlegate
//! United 1") or the ranked places of a race or a vote ("1. Maja Sorel,
//! Northgate, 8:19.6; 2. Kira Old, …"). Short, without a verb and full of
//! numbers and capitalised names, they have the shape of page furniture
//! and are the content of a results story; the score leaves them alone.

use super::words::Features;
use crate::analysis::lexicon::Tags;

/// Most words of one item of a results line ("Castlegate United 1").
const RESULT_ITEM_WORDS: usize = 6;

/// "Bristow Rovers 2, Castlegate United 1", "Vesk 7:41.2; Lind 7:43.0": a
/// sports scoreline or results line, two or more items separated by commas
/// or semicolons, each a capitalised name of a few words ending in a score
/// or a time, and no word of the site's interface.
pub(super) fn is_results_line(f: &Features<'_>) -> bool {
    if f.ends_as_sentence() || f.words.iter().any(|w| w.tags.contains(Tags::UI_WORD)) {
        return false;
    }
    let items = f.items(0, |mark| matches!(mark, "," | ";"));
    let scoreline = items.len() >= 2
        && items.iter().all(|item| {
            let opens_with_name = item.text.starts_with(|c: char| c.is_uppercase());
            opens_with_name
                && ends_with_score(item.text)
                && (2..=RESULT_ITEM_WORDS).contains(&item.words)
        });
    scoreline || is_ranked_results(f)
}

/// "Women's single: 1. Maja Sorel, Northgate, 8:19.6; 2. Kira Old,
/// Riverton, 8:25.3": the places of a race or a vote, two or more items
/// separated by semicolons, each opening with its place ("1.", "2)") and
/// ending in a score or a time; the first may follow a label and a colon.
fn is_ranked_results(f: &Features<'_>) -> bool {
    let items = f.items(0, |mark| mark == ";");
    items.len() >= 2
        && items.iter().enumerate().all(|(i, item)| {
            let text = match item.text.rsplit_once(": ") {
                Some((_, rest)) if i == 0 => rest,
                _ => item.text,
            };
            opens_with_place(text) && ends_with_score(text)
        })
}

/// "1. Maja Sorel", "12) Lind": a place in a ranking, then a capitalised
/// word.
fn opens_with_place(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    (1..=3).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && rest[2..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase())
}

/// Whether the last word of `text` is a score or a time ("2", "7:41.2",
/// "3-1").
fn ends_with_score(text: &str) -> bool {
    text.split_whitespace().next_back().is_some_and(|last| {
        last.starts_with(|c: char| c.is_ascii_digit())
            && last
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::boilerplate::words::with_features;

    fn results(line: &str) -> bool {
        with_features(line, is_results_line)
    }

    #[test]
    fn a_scoreline_is_a_results_line() {
        assert!(results("Bristow Rovers 2, Castlegate United 1"));
        assert!(!results("Bristow Rovers won 2-1 on Saturday."));
    }

    #[test]
    fn a_ranked_list_of_results_is_a_results_line() {
        assert!(results(
            "Women's single: 1. Maja Sorel, Northgate, 8:19.6; 2. Kira Old, Riverton, 8:25.3"
        ));
        assert!(results(
            "1. Aron Vesk 7:41.2; 2. Paul Imre 7:44.9; 3) Dario Lind 7:50.0"
        ));
        // a place without a time or a score, or one item only, is no ranking
        assert!(!results("1. Aron Vesk, Northgate; 2. Paul Imre, Westfield"));
        assert!(!results("Women's single: 1. Maja Sorel, Northgate, 8:19.6"));
        assert!(!results("1. Most read; 2. Most shared"));
    }
}
