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
//! would give it: list markers (`-`, `1.`), which say "list item"; table
//! body rows become list items too (a row's leading `|` reads as `-`; the
//! header row, column labels, is blanked). A table is list content: its
//! cells are read for names and quotes, but never judged as sentences or
//! as page furniture ([`ProseView::tables`]). The front-matter `title` is
//! kept where it stands, so it is the first paragraph, the headline.
//!
//! The comments that switch diagnostics off are read here as well
//! ([`suppressions`]), since only the parser knows which `<!-- -->` is an
//! HTML comment and which sits inside a code block.

mod suppressions;

pub use suppressions::Suppression;

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
    /// Exactly as long as the source, with the same line breaks; every
    /// byte is the source's own, a space, or a `-` standing for a table
    /// row's leading `|`.
    pub text: String,
    pub suppressions: Vec<Suppression>,
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
                Tag::TableRow if hidden == 0 => view.mark_row(range.start),
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
                _ => {}
            },
            Event::Text(_) if hidden == 0 => view.reveal(range),
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            // Inline code, math, footnote marks, task boxes, rules and
            // breaks are not prose; breaks keep their line break anyway.
            _ => {}
        }
    }
    let suppressions = suppressions::read(md, &html);
    ProseView {
        text: view.finish(md),
        suppressions,
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

    /// A table row starting at `start`: its leading `|`, if it has one,
    /// reads as a list bullet.
    fn mark_row(&mut self, start: usize) {
        if self.source.as_bytes().get(start) == Some(&b'|') {
            self.bytes[start] = b'-';
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
