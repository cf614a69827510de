//! Markdown as Markdown: the *prose view* of a Markdown document.
//!
//! The passes read plain text. Rather than teach each of them Markdown, a
//! Markdown document is analysed through a view of the same length in bytes
//! in which only prose is left: the text of headings, paragraphs, list
//! items, blockquotes and table cells. Everything else (front matter, fenced
//! and indented code, inline code, HTML blocks and comments, link and image
//! URLs, image alt text, and the markup itself: `#`, `>`, `**`, `[`, `](...)`)
//! becomes spaces; line breaks stay where they are. So every span the passes
//! report is already a span of the Markdown source, positions need no
//! mapping, and emphasis and links are transparent (`**Jane Roe** said`
//! reads as `  Jane Roe   said`).
//!
//! What the view keeps beyond prose, because the passes use it as plain text
//! would give it: list markers (`-`, `1.`), which say "list item". A table
//! is list content: each body cell is a paragraph of its own, so a name in
//! one cell never runs on into the next cell or row, and a row of
//! capitalised cells is not read as one Title Case headline. The view makes
//! the blank lines from the table's own bytes: each `|` of a body row
//! becomes a line break, and so does the space before an inner or trailing
//! one (`| John Doe | Mayor |` reads as `\n John Doe\n\n Mayor\n\n`).
//! Where a cell's text touches an inner `|` (`Doe|Mayor`) there is no room
//! for a blank line; the `|` stays, which still parts the cells' words. The
//! header row, column labels, is blanked. Cells are read for names and
//! quotes, but never judged as sentences or as page furniture
//! ([`ProseView::tables`]). The front-matter `title` is kept where it
//! stands, so it is the first paragraph, the headline.
//!
//! Character references (`&ldquo;`, `&amp;`, `&#8220;`, `&nbsp;`) are read
//! as the character they stand for, which pulldown-cmark decodes: the view
//! holds the character and blanks the rest of the reference's bytes, so
//! `&ldquo;It works,&rdquo; said Jane Roe.` reads as a quote. The character
//! goes at the reference's start when it opens a word (after a blank or
//! an opening bracket, before a non-blank: `&ldquo;It`) and at its end
//! otherwise (`works,&rdquo;`), so a quotation mark's outer edge is the
//! reference's, and a quote's span covers the whole reference in the
//! source. A reference inside a word (`don&rsquo;t`, `caf&eacute;`) is
//! left as written: its character and blanks would part the word, and the
//! view has no bytes to spare for keeping it whole.
//!
//! The comments that switch diagnostics off are read here as well
//! ([`suppressions`]), since only the parser knows which `<!-- -->` is an
//! HTML comment and which sits inside a code block.

mod suppressions;

pub use suppressions::{Suppression, suppressible};

use super::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// How a document's text is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// Plain text: every byte is article text.
    #[default]
    Plain,
    /// CommonMark with GitHub tables, strikethrough and task lists, and
    /// YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
}

impl Syntax {
    /// The syntax of a file by its extension: `.md` and `.markdown`
    /// (any case) are Markdown, everything else plain text.
    pub fn of_path(path: &std::path::Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                Syntax::Markdown
            }
            _ => Syntax::Plain,
        }
    }

    /// The syntax of an editor's language id (`markdown` and its variants
    /// such as `rmd` are not all Markdown; only `markdown` is).
    pub fn of_language_id(language_id: &str) -> Syntax {
        if language_id.eq_ignore_ascii_case("markdown") {
            Syntax::Markdown
        } else {
            Syntax::Plain
        }
    }
}

/// The prose of a Markdown document and the comments that switch
/// diagnostics off in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseView {
    /// Exactly as long as the source, with its line breaks and more in
    /// tables (a body row's `|`, and the space before one, become line
    /// breaks); every other byte is the source's own, a space, or a decoded
    /// character reference.
    pub text: String,
    pub suppressions: Vec<Suppression>,
    /// The codes the suppression comments name that copydesk does not
    /// know, each the span of the code as written.
    pub unknown_codes: Vec<Span>,
    /// The tables, header to last row: content, but not sentences.
    pub tables: Vec<Span>,
}

/// Whether byte `at` lies in one of `spans` (sorted, disjoint).
pub fn in_one_of(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|t| t.end <= at);
    spans.get(i).is_some_and(|t| t.start <= at)
}

/// The prose view of Markdown source `md`.
pub fn prose_view(md: &str) -> ProseView {
    let mut view = Blank::of(md);
    let body_start = match front_matter(md) {
        Some(front) => {
            if let Some(title) = front.title {
                view.reveal(title);
            }
            front.end
        }
        None => 0,
    };
    let body = &md[body_start..];
    let mut html = Vec::new();
    let mut tables = Vec::new();
    // Depths of the containers whose text is not prose.
    let mut hidden = 0usize;
    // The end of the last cell of the table body row being read.
    let mut cell_end: Option<usize> = None;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::TableHead => {
                    hidden += 1
                }
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => hidden += 1,
                Tag::Item if hidden == 0 => view.reveal_list_marker(range.start),
                Tag::TableRow if hidden == 0 => {
                    cell_end = None;
                    view.part_cells(range.start..range.start + 1, Pipe::Leading);
                }
                Tag::TableCell if hidden == 0 => {
                    if let Some(end) = cell_end {
                        view.part_cells(end..range.start, Pipe::Inner);
                    }
                }
                Tag::Table(_) => tables.push(Span::new(range.start, range.end)),
                Tag::HtmlBlock => html.push(range),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::MetadataBlock(_)
                | TagEnd::TableHead => hidden = hidden.saturating_sub(1),
                TagEnd::Link if view.closes_autolink(&range) => hidden = hidden.saturating_sub(1),
                TagEnd::TableCell if hidden == 0 => cell_end = Some(range.end),
                TagEnd::TableRow if hidden == 0 => {
                    if let Some(end) = cell_end.take() {
                        view.part_cells(end..range.end, Pipe::Trailing);
                    }
                }
                _ => {}
            },
            Event::Text(text) if hidden == 0 => {
                if md.get(range.clone()) == Some(&*text) {
                    view.reveal(range);
                } else {
                    // a character reference (or an escape) the parser
                    // decoded
                    view.decode(range, &text);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            // Inline code, math, footnote marks, task boxes, rules and
            // breaks are not prose; breaks keep their line break anyway.
            _ => {}
        }
    }
    let comments = suppressions::read(md, &html);
    ProseView {
        text: view.finish(md),
        suppressions: comments.suppressions,
        unknown_codes: comments.unknown_codes,
        tables,
    }
}

/// The view being built: the source with every byte but line breaks
/// blanked, and the prose put back range by range.
struct Blank<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Blank<'a> {
    fn of(source: &'a str) -> Blank<'a> {
        let bytes = source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        Blank { source, bytes }
    }

    /// Put the source's bytes of `range` back, shrunk to character
    /// boundaries so that the view stays UTF-8.
    fn reveal(&mut self, range: Range<usize>) {
        let mut start = range.start.min(self.source.len());
        let mut end = range.end.min(self.source.len());
        while start < end && !self.source.is_char_boundary(start) {
            start += 1;
        }
        while end > start && !self.source.is_char_boundary(end) {
            end -= 1;
        }
        self.bytes[start..end].copy_from_slice(&self.source.as_bytes()[start..end]);
    }

    /// Keep a list item's marker (`-`, `*`, `+`, `1.`, `2)`) at `start`.
    fn reveal_list_marker(&mut self, start: usize) {
        let rest = &self.source.as_bytes()[start.min(self.source.len())..];
        let len = rest
            .iter()
            .take(10)
            .take_while(|b| !b.is_ascii_whitespace())
            .count();
        let marker = &rest[..len];
        let bullet = matches!(marker, [b'-' | b'*' | b'+']);
        let numbered = len >= 2
            && marker[..len - 1].iter().all(u8::is_ascii_digit)
            && matches!(marker[len - 1], b'.' | b')');
        if bullet || numbered {
            self.reveal(start..start + len);
        }
    }

    /// The `|` of a table body row somewhere in `gap`, if there is one
    /// (before the row's first cell, between two cells, after its last):
    /// it becomes a line break, and so does the space before it when there
    /// is one, so that the cell before it ends in a blank line and each
    /// cell is a paragraph of its own. Where a cell's text touches an inner
    /// `|` (`Doe|Mayor`) there is no room for a blank line: the `|` stays,
    /// which still parts the two cells' words.
    fn part_cells(&mut self, gap: Range<usize>, pipe: Pipe) {
        let Some(at) = self
            .source
            .as_bytes()
            .get(gap.clone())
            .and_then(|g| g.iter().position(|&b| b == b'|'))
            .map(|i| gap.start + i)
        else {
            return;
        };
        let space_before = at
            .checked_sub(1)
            .filter(|&b| self.source.as_bytes()[b] == b' ' && self.bytes[b] == b' ');
        match (space_before, pipe) {
            (_, Pipe::Leading) => self.bytes[at] = b'\n',
            (Some(before), _) => {
                self.bytes[before] = b'\n';
                self.bytes[at] = b'\n';
            }
            (None, Pipe::Trailing) => self.bytes[at] = b'\n',
            (None, Pipe::Inner) => self.bytes[at] = b'|',
        }
    }

    /// Write `decoded`, the parser's reading of the source bytes `range`
    /// (a character reference such as `&rdquo;`), into the view, the rest
    /// of the range blank: at its start when it opens a word, else at its
    /// end (see the module comment). When it does not fit (never for a
    /// reference), the source is shown as written.
    fn decode(&mut self, range: Range<usize>, decoded: &str) {
        let (start, end) = (range.start, range.end);
        let fits = start <= end
            && end <= self.source.len()
            && self.source.is_char_boundary(start)
            && self.source.is_char_boundary(end)
            && decoded.len() <= end - start;
        if !fits {
            self.reveal(range);
            return;
        }
        let before = self.source[..start].chars().next_back();
        let after = self.source[end..].chars().next();
        // Inside a word (`don&rsquo;t`, `caf&eacute;`) the character and
        // its blanks would part the word, worse than the reference as
        // written, which the tokenizer keeps in one word; a blank decoded
        // (`Jane&nbsp;Roe`) parts nothing.
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let blank = decoded.chars().all(char::is_whitespace);
        let decoded_word = decoded.chars().any(char::is_alphanumeric);
        let in_word =
            (word(before) && word(after)) || (decoded_word && (word(before) || word(after)));
        if in_word && !blank {
            self.reveal(range);
            return;
        }
        let opens = before.is_none_or(|c| c.is_whitespace() || "([{“‘«".contains(c))
            && after.is_some_and(|c| !c.is_whitespace());
        // an apostrophe keeps to its word: after it (`players&rsquo; union`)
        // or, eliding, before it (`&rsquo;90s`)
        let apostrophe = matches!(decoded, "’" | "'");
        let at = if (opens && !apostrophe) || (word(before) && !word(after)) {
            start
        } else {
            end - decoded.len()
        };
        // a decoded line break (`&#10;`) would add a line the source does
        // not have: it reads as the blank it is
        for (i, &b) in decoded.as_bytes().iter().enumerate() {
            self.bytes[at + i] = if b == b'\n' || b == b'\r' { b' ' } else { b };
        }
    }

    /// Whether the link ending over `range` was an autolink
    /// (`<https://...>`), whose text is its URL.
    fn closes_autolink(&self, range: &Range<usize>) -> bool {
        self.source.as_bytes().get(range.start) == Some(&b'<')
            && self.source.as_bytes().get(range.end.wrapping_sub(1)) == Some(&b'>')
    }

    fn finish(self, source: &str) -> String {
        // Every byte is ASCII or part of a whole character copied from the
        // source, so this cannot fail; if it ever did, analysing the source
        // as plain text is the safe answer.
        String::from_utf8(self.bytes).unwrap_or_else(|_| source.to_string())
    }
}

/// Where a table row's `|` stands (see [`Blank::part_cells`]).
#[derive(Clone, Copy)]
enum Pipe {
    Leading,
    Inner,
    Trailing,
}

/// Where the Markdown after the front matter (if any) starts: where a
/// comment meant for the whole document goes.
pub fn body_start(md: &str) -> usize {
    front_matter(md).map_or(0, |f| f.end)
}

/// A YAML or TOML front-matter block at the very start of a document.
struct FrontMatter {
    /// Where the document after the block starts.
    end: usize,
    /// The value of its `title` key, unquoted.
    title: Option<Range<usize>>,
}

/// The front matter `md` starts with: a line `---` (YAML) or `+++` (TOML),
/// up to the next line `---` or `...` (YAML) or `+++` (TOML). Without a
/// closing line there is none: the document is Markdown from its start.
fn front_matter(md: &str) -> Option<FrontMatter> {
    let mut lines = lines_with_offsets(md);
    let (_, first) = lines.next()?;
    let fence = first.trim_end();
    let closers: &[&str] = match fence {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let mut title = None;
    for (start, line) in lines {
        let trimmed = line.trim_end();
        if closers.contains(&trimmed) {
            return Some(FrontMatter {
                end: start + line.len(),
                title,
            });
        }
        if title.is_none() {
            title = title_value(line).map(|r| start + r.start..start + r.end);
        }
    }
    None
}

/// The value range of a top-level `title: ...` (YAML) or `title = "..."`
/// (TOML) line, without quotes.
fn title_value(line: &str) -> Option<Range<usize>> {
    let rest = line.strip_prefix("title")?;
    let after_key = rest.trim_start();
    let after_sep = after_key
        .strip_prefix(':')
        .or_else(|| after_key.strip_prefix('='))?;
    let value = after_sep.trim();
    let value = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
        .unwrap_or(value);
    // An empty value, or a YAML block scalar (`>`, `|`) whose text is on
    // the lines below: no one-line title.
    if value.is_empty() || value.starts_with(['>', '|']) {
        return None;
    }
    // `value` is a slice of `line`: its offset is where it starts in it.
    let start = value.as_ptr() as usize - line.as_ptr() as usize;
    Some(start..start + value.len())
}

/// Each line of `text` with its line break, and the offset it starts at.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

/// The span of `view`'s first non-blank line at or after `offset`.
pub(crate) fn next_text_line(view: &str, offset: usize) -> Option<Span> {
    let mut start = offset.min(view.len());
    while !view.is_char_boundary(start) {
        start += 1;
    }
    for (line_start, line) in lines_with_offsets(&view[start..]) {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            let s = start + line_start;
            return Some(Span::new(s, s + content.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests;
