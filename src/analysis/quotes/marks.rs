//! Marks: finding quoted spans by their quotation marks.
//!
//! Double marks (curly, straight, guillemets, and doubled single marks typed
//! as one) delimit quotes; single marks delimit a quote only outside double
//! ones and only when they cannot be apostrophes (it’s, the ’90s, Jones’).
//! A mark's direction comes from its glyph when it has one and from what
//! flanks it otherwise, so a straight `"` or a mis-typed `”` still pairs.
//! A paragraph that ends inside a quote continues it into the next paragraph
//! when that one opens with a mark (the newsroom convention for quotes that
//! run over several paragraphs); the pieces share a group.

use super::super::Span;
use super::super::segment::Segmentation;

/// One quoted piece: the words between one opening mark and its closing
/// mark (or the end of the paragraph for a quote that runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Marks included.
    pub span: Span,
    /// The quoted words, trimmed, without the marks.
    pub inner: Span,
    /// Index of the paragraph in the segmentation.
    pub para: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Delimited by single marks (‘...’).
    pub single: bool,
    /// Pieces of one quote running over several paragraphs share a group.
    pub group: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

/// A quotation mark found at a char index: its glyph and how many chars it
/// takes (two for a doubled single mark such as `''`).
#[derive(Debug, Clone, Copy)]
struct Mark {
    glyph: Glyph,
    width: usize,
    double: bool,
}

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`')
}

fn is_quote_char(c: char) -> bool {
    is_single_mark(c) || matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn mark_at(chars: &[(usize, char)], k: usize) -> Option<Mark> {
    let (_, c) = *chars.get(k)?;
    let double = |glyph| {
        Some(Mark {
            glyph,
            width: 1,
            double: true,
        })
    };
    match c {
        '“' | '„' | '«' => double(Glyph::Open),
        '”' | '»' => double(Glyph::Close),
        '"' => double(Glyph::Either),
        _ if is_single_mark(c) => {
            let next = chars.get(k + 1).map(|&(_, d)| d);
            if next.is_some_and(is_single_mark) {
                let glyph = match (c, next) {
                    ('‘' | '`', Some('‘' | '`')) => Glyph::Open,
                    ('’', Some('’')) => Glyph::Close,
                    _ => Glyph::Either,
                };
                return Some(Mark {
                    glyph,
                    width: 2,
                    double: true,
                });
            }
            let glyph = match c {
                '‘' | '`' => Glyph::Open,
                '’' => Glyph::Close,
                _ => Glyph::Either,
            };
            Some(Mark {
                glyph,
                width: 1,
                double: false,
            })
        }
        _ => None,
    }
}

/// Whether a mark at `k` (taking `width` chars) is left-flanking (can open)
/// and right-flanking (can close).
fn flanks(chars: &[(usize, char)], k: usize, width: usize) -> (bool, bool) {
    let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
    let next = chars.get(k + width).map(|&(_, c)| c);
    let opens_after = |c: char| c.is_whitespace() || "([{—–-/".contains(c) || is_quote_char(c);
    let left = next.is_some_and(|c| !c.is_whitespace()) && prev.is_none_or(opens_after);
    let right = prev.is_some_and(|c| !c.is_whitespace())
        && next.is_none_or(|c| c.is_whitespace() || !c.is_alphanumeric());
    (left, right)
}

/// Words after an apostrophe that make it an elision, not a quote: ’90s,
/// ’em, ’til, rock ’n’ roll.
fn is_elision(chars: &[(usize, char)], k: usize) -> bool {
    let word: String = chars
        .iter()
        .skip(k + 1)
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word.to_lowercase().as_str(),
            "em" | "til" | "tis" | "twas" | "cause" | "n" | "bout" | "round" | "nuff" | "s"
        )
}

/// Scan every paragraph for which `skip` is false.
pub fn scan(text: &str, seg: &Segmentation, skip: &dyn Fn(usize) -> bool) -> Vec<Piece> {
    let locals: Vec<(usize, Vec<Piece>)> = seg
        .paragraphs
        .iter()
        .enumerate()
        .filter(|&(p, _)| !skip(p))
        .map(|(p, para)| (p, paragraph_pieces(para.span.text(text))))
        .collect();
    place(
        seg,
        locals
            .iter()
            .map(|(p, pieces)| (*p, pieces.as_slice(), &[][..])),
    )
}

/// The pieces of one paragraph's text `para`, offsets relative to its
/// start, `para` and `group` 0: the local step, which depends on the
/// paragraph's text alone (see [`place`] for the rest).
pub fn paragraph_pieces(para: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    if !para.contains(is_quote_char) {
        return out;
    }
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    scan_paragraph(para, &chars, Span::new(0, para.len()), 0, &mut out);
    out
}

/// Pieces of the scanned paragraphs `locals` (index, pieces relative to the
/// paragraph, and for each piece whether it continues the one before it in
/// its paragraph; missing flags are false), made absolute and numbered into
/// groups: a paragraph that ends inside a quote continues its group into
/// the next scanned paragraph when that one opens with a mark; a paragraph
/// with no pieces stops a running quote.
pub fn place<'a>(
    seg: &Segmentation,
    locals: impl Iterator<Item = (usize, &'a [Piece], &'a [bool])>,
) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut groups = 0usize;
    let mut running_group: Option<usize> = None;
    for (p, pieces, joined) in locals {
        let Some(para) = seg.paragraphs.get(p) else {
            continue;
        };
        let first_piece = out.len();
        for (n, local) in pieces.iter().enumerate() {
            let continues = n == 0 && local.span.start == 0 && !local.single;
            let mut group = match (continues, running_group) {
                (true, Some(g)) => g,
                _ => {
                    groups += 1;
                    groups - 1
                }
            };
            if joined.get(n).copied().unwrap_or(false)
                && let Some(previous) = out.last()
            {
                group = previous.group;
            }
            out.push(Piece {
                span: local.span.shifted(para.span.start),
                inner: local.inner.shifted(para.span.start),
                para: p,
                group,
                ..*local
            });
        }
        running_group = out[first_piece..]
            .last()
            .filter(|piece| !piece.closed && !piece.single)
            .map(|piece| piece.group);
    }
    out
}

fn scan_paragraph(text: &str, chars: &[(usize, char)], para: Span, p: usize, out: &mut Vec<Piece>) {
    let offset = |k: usize| chars.get(k).map_or(para.end, |&(i, _)| i);
    let mut double_open: Option<usize> = None; // char index of the mark
    let mut double_width = 1;
    let mut single_open: Option<usize> = None;
    let mut k = 0;
    while k < chars.len() {
        let Some(mark) = mark_at(chars, k) else {
            k += 1;
            continue;
        };
        let (left, right) = flanks(chars, k, mark.width);
        if mark.double {
            single_open = None;
            match double_open {
                None => {
                    let opens = match mark.glyph {
                        Glyph::Open => true,
                        Glyph::Either => left || !right,
                        Glyph::Close => left && !right,
                    };
                    if opens {
                        double_open = Some(k);
                        double_width = mark.width;
                    }
                }
                Some(start) => {
                    let closes = match mark.glyph {
                        Glyph::Close | Glyph::Either => true,
                        Glyph::Open => right && !left,
                    };
                    if closes {
                        push_piece(
                            text,
                            out,
                            p,
                            offset(start),
                            offset(start + double_width),
                            offset(k),
                            offset(k + mark.width),
                            true,
                            false,
                        );
                        double_open = None;
                    }
                }
            }
        } else if double_open.is_none() {
            let prev = k.checked_sub(1).and_then(|i| chars.get(i)).map(|&(_, c)| c);
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let between_letters =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            match single_open {
                None if mark.glyph != Glyph::Close
                    && left
                    && next.is_some_and(char::is_alphanumeric)
                    && !is_elision(chars, k) =>
                {
                    single_open = Some(k);
                }
                Some(start) if mark.glyph != Glyph::Open && right && !between_letters => {
                    push_piece(
                        text,
                        out,
                        p,
                        offset(start),
                        offset(start + 1),
                        offset(k),
                        offset(k + 1),
                        true,
                        true,
                    );
                    single_open = None;
                }
                _ => {}
            }
        }
        k += mark.width;
    }
    if let Some(start) = double_open {
        push_piece(
            text,
            out,
            p,
            offset(start),
            offset(start + double_width),
            para.end,
            para.end,
            false,
            false,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn push_piece(
    text: &str,
    out: &mut Vec<Piece>,
    para: usize,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    closed: bool,
    single: bool,
) {
    let inner = super::super::segment::trim_span(text, Span::new(inner_start, inner_end));
    if !inner.text(text).chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Piece {
        span: Span::new(open, close_end),
        inner,
        para,
        closed,
        single,
        group: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::super::super::segment::segment;
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, bool, usize)> {
        let seg = segment(text);
        scan(text, &seg, &|_| false)
            .iter()
            .map(|p| (p.inner.text(text), p.closed, p.group))
            .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            pieces("“One,” she said. \"Two.\""),
            [("One,", true, 0), ("Two.", true, 1)]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            pieces("“He told me ‘never’ again,” she said."),
            [("He told me ‘never’ again,", true, 0)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(pieces("It’s the ’90s at Lonechild’s house and the Joneses’ dog.").is_empty());
        assert!(pieces("Rock ’n’ roll, ’til dawn, it's theirs'.").is_empty());
    }

    #[test]
    fn single_quotes_outside_double_ones_are_quotes() {
        assert_eq!(
            pieces("A ‘Foreign Plot’ In The Vote"),
            [("Foreign Plot", true, 0)]
        );
        assert_eq!(
            pieces("Cancer as 'litmus test'"),
            [("litmus test", true, 0)]
        );
    }

    #[test]
    fn a_quote_running_over_paragraphs_shares_a_group() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nNext “one.”";
        assert_eq!(
            pieces(text),
            [
                ("First part.", false, 0),
                ("Second part.", false, 0),
                ("Last part,", true, 0),
                ("one.", true, 1)
            ]
        );
    }

    #[test]
    fn a_stray_opening_mark_inside_a_quote_is_ignored() {
        assert_eq!(
            pieces("“It is bad. “It is worse.” Then"),
            [("It is bad. “It is worse.", true, 0)]
        );
    }

    #[test]
    fn reversed_and_doubled_marks_still_pair() {
        assert_eq!(pieces("his riffs (”A is B”) and"), [("A is B", true, 0)]);
        assert_eq!(pieces("‘’It is so.” Then"), [("It is so.", true, 0)]);
    }

    #[test]
    fn spans_include_the_marks_and_stay_on_char_boundaries() {
        let text = "Él dijo «hola» 🙂 “👋 hi”";
        let seg = segment(text);
        let found = scan(text, &seg, &|_| false);
        let spans: Vec<&str> = found.iter().map(|p| p.span.text(text)).collect();
        assert_eq!(spans, ["«hola»", "“👋 hi”"]);
    }
}
