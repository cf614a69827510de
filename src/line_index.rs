//! The one place byte offsets become line/column positions and back.
//!
//! Built once per document version in O(n); each conversion is a binary
//! search plus a scan of at most [`MARK_EVERY`] bytes (none for all-ASCII
//! lines), however long the line: a 1 MB paragraph with thousands of quotes
//! converts each span in constant time. Columns are
//! counted in the encoding the client negotiated: UTF-8 bytes or UTF-16 code
//! units. Positions past the end of a line or of the text are clamped, and a
//! UTF-16 column that falls inside a surrogate pair is moved to the start of
//! that character, so no conversion can fail or panic.

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// A line/column position; both 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    /// Whether each line is pure ASCII (then columns are byte differences).
    ascii: Vec<bool>,
    /// For text that is not all ASCII: at about every [`MARK_EVERY`] bytes,
    /// a char boundary and the UTF-16 length of the text before it. A
    /// column is then the UTF-16 length up to the offset minus that up to
    /// the line start, each counted from the nearest mark before.
    marks: Vec<(usize, usize)>,
    len: usize,
}

/// Bytes between two UTF-16 marks.
const MARK_EVERY: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
                ascii.push(line_ascii);
                line_ascii = true;
            } else if b >= 0x80 {
                line_ascii = false;
            }
        }
        ascii.push(line_ascii);
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut utf16 = 0;
            let mut next = 0;
            for (i, c) in text.char_indices() {
                if i >= next {
                    marks.push((i, utf16));
                    next = i + MARK_EVERY;
                }
                utf16 += c.len_utf16();
            }
        }
        LineIndex {
            line_starts,
            ascii,
            marks,
            len: text.len(),
        }
    }

    /// UTF-16 length of `text[..offset]` (`offset` on a char boundary).
    fn utf16_before(&self, text: &str, offset: usize) -> usize {
        let k = self.marks.partition_point(|&(at, _)| at <= offset);
        let (at, units) = k
            .checked_sub(1)
            .and_then(|k| self.marks.get(k))
            .copied()
            .unwrap_or((0, 0));
        units + text.get(at..offset).map_or(0, utf16_len)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte span of line `line` without its line break (`\n` or `\r\n`).
    fn line_bounds(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.len, |next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// Position of byte `offset` (clamped to the text, and back to a char
    /// boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> LineCol {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = if self.ascii[line] || encoding == Encoding::Utf8 {
            offset - start
        } else {
            self.utf16_before(text, offset) - self.utf16_before(text, start)
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Byte offset of a position. A line past the end clamps to the end of
    /// the text; a column past the end of its line clamps to the line's end;
    /// a column inside a character (UTF-8) or a surrogate pair (UTF-16) moves
    /// to that character's start.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let (start, end) = self.line_bounds(text, line);
        let want = pos.col as usize;
        if self.ascii[line] {
            return (start + want).min(end);
        }
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > want {
                return start + i;
            }
            units += width;
        }
        end
    }
}

/// The UTF-16 length of `s`, counted over its bytes: one unit for every
/// byte that starts a char, and one more for each char of four bytes (a
/// surrogate pair). A loop the compiler vectorises, where decoding each
/// char would not.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn ascii_positions_round_trip() {
        let text = "ab\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 4, Encoding::Utf16), lc(1, 1));
        assert_eq!(index.offset(text, lc(1, 1), Encoding::Utf16), 4);
        assert_eq!(index.position(text, 6, Encoding::Utf16), lc(2, 0));
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let text = "a😀b\n好x";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Encoding::Utf16), lc(0, 3)); // before b
        assert_eq!(index.position(text, 5, Encoding::Utf8), lc(0, 5));
        assert_eq!(index.position(text, 10, Encoding::Utf16), lc(1, 1)); // before x
        assert_eq!(index.offset(text, lc(1, 1), Encoding::Utf16), 10);
        assert_eq!(index.offset(text, lc(1, 3), Encoding::Utf8), 10);
    }

    #[test]
    fn out_of_range_and_mid_character_positions_clamp() {
        let text = "a😀b\r\nxy";
        let index = LineIndex::new(text);
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(index.offset(text, lc(0, 2), Encoding::Utf16), 1);
        // Inside the emoji's UTF-8 bytes: same.
        assert_eq!(index.offset(text, lc(0, 3), Encoding::Utf8), 1);
        // Past the line's end: the end, before \r\n.
        assert_eq!(index.offset(text, lc(0, 99), Encoding::Utf16), 6);
        // Past the last line: the end of the text.
        assert_eq!(index.offset(text, lc(9, 0), Encoding::Utf16), text.len());
        // A byte offset inside a character moves back to its start.
        assert_eq!(index.position(text, 3, Encoding::Utf16), lc(0, 1));
    }

    #[test]
    fn utf16_columns_on_long_lines_equal_a_count_from_the_line_start() {
        // lines far longer than the mark spacing, mixing 1-4 byte characters
        let piece = "“Jä ist’s 😀,” said Ana. 東京 ";
        let text = format!(
            "{}\n{}\nshort\n{}",
            piece.repeat(40),
            "x".repeat(700),
            piece.repeat(25)
        );
        let index = LineIndex::new(&text);
        let mut line = 0;
        let mut line_start = 0;
        for (offset, c) in text.char_indices() {
            let col: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
            assert_eq!(
                index.position(&text, offset, Encoding::Utf16),
                lc(line, col as u32),
                "at byte {offset}"
            );
            if c == '\n' {
                line += 1;
                line_start = offset + 1;
            }
        }
    }
}
