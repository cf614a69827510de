//! Double quotation marks of one paragraph, paired.
//!
//! Curly marks say which way they face; a straight `"` is an opening mark
//! after a space (or at the start) and a closing one before a space,
//! punctuation or the end. Single quotes are left alone: in news copy they
//! are apostrophes or quotes inside quotes; guillemets are left alone too (in
//! English copy they are navigation arrows: "Home » Politics"). Double quotes do not nest, so
//! an opening mark while a quote is open means the earlier one was never
//! closed.

use super::super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
}

/// One quotation mark: where it is, which way it faces, and whether it is
/// the straight ASCII one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub role: Role,
    pub straight: bool,
}

/// The quotation marks of a paragraph and how they pair up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteScan {
    pub marks: Vec<Mark>,
    /// Closed quotations, marks included.
    pub regions: Vec<Span>,
    /// Opening marks followed by another opening mark before any closing.
    pub unclosed: Vec<Mark>,
    /// Closing marks with no opening before them.
    pub stray_closes: Vec<Mark>,
    /// The opening mark still open when the paragraph ends.
    pub open_at_end: Option<Mark>,
}

impl QuoteScan {
    /// True when `offset` lies inside a quotation (closed, or open to the
    /// end of the paragraph, or opened and never closed before the next
    /// mark). Logarithmic: regions and marks are in text order.
    pub fn inside(&self, offset: usize) -> bool {
        let i = self.regions.partition_point(|r| r.end <= offset);
        if self.regions.get(i).is_some_and(|r| r.contains(offset)) {
            return true;
        }
        if self.open_at_end.is_some_and(|m| m.span.start <= offset) {
            return true;
        }
        let j = self.unclosed.partition_point(|m| m.span.start <= offset);
        j.checked_sub(1)
            .and_then(|j| self.unclosed.get(j))
            .is_some_and(|m| !self.has_mark_between(m.span.end, offset))
    }

    fn has_mark_between(&self, from: usize, to: usize) -> bool {
        let k = self.marks.partition_point(|m| m.span.start < from);
        self.marks.get(k).is_some_and(|m| m.span.start < to)
    }

    /// True when the paragraph starts with an opening mark.
    pub fn starts_with_open(&self, para: Span) -> bool {
        self.marks
            .first()
            .is_some_and(|m| m.role == Role::Open && m.span.start == para.start)
    }
}

/// Find and pair the double quotation marks of the paragraph `para`.
pub fn scan(text: &str, para: Span) -> QuoteScan {
    let body = para.text(text);
    let mut scan = QuoteScan::default();
    let mut open: Option<Mark> = None;
    let mut prev: Option<char> = None;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let inch = open.is_none() && prev.is_some_and(|p| p.is_ascii_digit());
        let role = match c {
            '”' | '"' if inch => None, // 6'2" or 6’2”: inches, not a quote
            '“' | '„' => Some(curly_role(Role::Open, prev, next)),
            '”' => Some(curly_role(Role::Close, prev, next)),
            '"' => Some(straight_role(prev, next, open.is_some())),
            _ => None,
        };
        prev = Some(c);
        let Some(role) = role else { continue };
        let start = para.start + i;
        let mark = Mark {
            span: Span::new(start, start + c.len_utf8()),
            role,
            straight: c == '"',
        };
        scan.marks.push(mark);
        match (role, open) {
            (Role::Open, None) => open = Some(mark),
            (Role::Open, Some(earlier)) => {
                scan.unclosed.push(earlier);
                open = Some(mark);
            }
            (Role::Close, Some(o)) => {
                scan.regions.push(Span::new(o.span.start, mark.span.end));
                open = None;
            }
            (Role::Close, None) => scan.stray_closes.push(mark),
        }
    }
    scan.open_at_end = open;
    scan
}

/// Which way a curly mark works: as drawn, unless its neighbours say
/// plainly that it was typed the wrong way round (`(”This` opens a quote,
/// `end“ ` closes one).
fn curly_role(drawn: Role, prev: Option<char>, next: Option<char>) -> Role {
    let space_or_open = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{".contains(c));
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match drawn {
        Role::Close if space_or_open(prev) && letter(next) => Role::Open,
        Role::Open if letter(prev) && next.is_none_or(|c| c.is_whitespace()) => Role::Close,
        role => role,
    }
}

/// Which way a straight `"` faces, from its neighbours.
fn straight_role(prev: Option<char>, next: Option<char>, is_open: bool) -> Role {
    let opens_after = |c: char| c.is_whitespace() || "([{—–-/".contains(c);
    let closes_before = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '—';
    let after_space = prev.is_none_or(opens_after);
    let before_space = next.is_none_or(closes_before);
    match (after_space, before_space) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ if is_open => Role::Close,
        _ => Role::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(s: &str) -> QuoteScan {
        scan(s, Span::new(0, s.len()))
    }

    #[test]
    fn curly_quotes_pair() {
        let s = "“We won,” she said. “Again.”";
        let q = scan_all(s);
        assert_eq!(q.regions.len(), 2);
        assert!(q.unclosed.is_empty() && q.stray_closes.is_empty());
        assert_eq!(q.open_at_end, None);
    }

    #[test]
    fn straight_quotes_face_by_their_neighbours() {
        let s = "He called it \"fake,\" and left. \"No.\"";
        let q = scan_all(s);
        assert_eq!(q.regions.len(), 2);
        assert_eq!(q.regions[0].text(s), "\"fake,\"");
    }

    #[test]
    fn an_opening_mark_inside_an_open_quote_leaves_the_first_unclosed() {
        let s = "“We lost, he said, “and we know why.”";
        let q = scan_all(s);
        assert_eq!(q.unclosed.len(), 1);
        assert_eq!(q.unclosed[0].span.start, 0);
        assert_eq!(q.regions.len(), 1);
    }

    #[test]
    fn inside_knows_closed_open_and_unclosed_quotes() {
        let s = "A “b” c “d e “f” g";
        let q = scan_all(s);
        let at = |needle: &str| s.find(needle).unwrap();
        assert!(q.inside(at("b")));
        assert!(!q.inside(at("c")));
        assert!(q.inside(at("d")));
        assert!(q.inside(at("f")));
        assert!(!q.inside(at("g")));
    }

    #[test]
    fn apostrophes_and_single_quotes_are_not_marks() {
        let q = scan_all("It’s the ‘best’ plan, isn't it?");
        assert!(q.marks.is_empty());
    }

    #[test]
    fn curly_marks_typed_the_wrong_way_round_still_pair() {
        let q = scan_all("He praised the plan (”It works”) and left.");
        assert_eq!(q.regions.len(), 1);
        assert!(q.stray_closes.is_empty());
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        let q = scan_all("The 6'2\" guard and the 6’4” centre scored \"20\" points.");
        assert_eq!(q.regions.len(), 1);
        assert!(q.stray_closes.is_empty() && q.open_at_end.is_none());
    }

    #[test]
    fn open_at_end_and_stray_close() {
        let s = "“We will keep going";
        assert!(scan_all(s).open_at_end.is_some());
        let s = "They will keep going,” he said.";
        assert_eq!(scan_all(s).stray_closes.len(), 1);
    }
}
