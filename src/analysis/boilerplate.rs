//! Boilerplate: page furniture left over from scraping (ad markers, share
//! bars, newsletter prompts, teasers, photo credits, ...).
//!
//! Each paragraph is classified on its own features; the article's headline
//! (the first paragraph) is never boilerplate.

use super::segment::Segmentation;
use super::{Config, Diagnostic, Fix, Severity, Span};

/// What kind of furniture a paragraph looks like. The sub-code of the
/// diagnostic (`boilerplate/ad`, ...) is [`BoilerplateKind::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    Ad,
    Share,
    Newsletter,
    Related,
    Teaser,
    Photo,
    Comments,
    Cookie,
    App,
    Footer,
    Updated,
    Follow,
    Tags,
    Nav,
    Video,
    Tools,
    /// Matched one of the user's own patterns.
    Custom,
}

impl BoilerplateKind {
    pub fn code(self) -> &'static str {
        match self {
            BoilerplateKind::Ad => "boilerplate/ad",
            BoilerplateKind::Share => "boilerplate/share",
            BoilerplateKind::Newsletter => "boilerplate/newsletter",
            BoilerplateKind::Related => "boilerplate/related",
            BoilerplateKind::Teaser => "boilerplate/teaser",
            BoilerplateKind::Photo => "boilerplate/photo",
            BoilerplateKind::Comments => "boilerplate/comments",
            BoilerplateKind::Cookie => "boilerplate/cookie",
            BoilerplateKind::App => "boilerplate/app",
            BoilerplateKind::Footer => "boilerplate/footer",
            BoilerplateKind::Updated => "boilerplate/updated",
            BoilerplateKind::Follow => "boilerplate/follow",
            BoilerplateKind::Tags => "boilerplate/tags",
            BoilerplateKind::Nav => "boilerplate/nav",
            BoilerplateKind::Video => "boilerplate/video",
            BoilerplateKind::Tools => "boilerplate/tools",
            BoilerplateKind::Custom => "boilerplate/custom",
        }
    }

    /// Words for the diagnostic message: "looks like {description}".
    pub fn description(self) -> &'static str {
        match self {
            BoilerplateKind::Ad => "an advertisement marker",
            BoilerplateKind::Share => "a share/social bar",
            BoilerplateKind::Newsletter => "a newsletter or subscription prompt",
            BoilerplateKind::Related => "a link to a related story",
            BoilerplateKind::Teaser => "the headline of another story",
            BoilerplateKind::Photo => "a photo caption or credit",
            BoilerplateKind::Comments => "a comments prompt",
            BoilerplateKind::Cookie => "a cookie or consent notice",
            BoilerplateKind::App => "an app download prompt",
            BoilerplateKind::Footer => "a copyright or footer line",
            BoilerplateKind::Updated => "an update stamp",
            BoilerplateKind::Follow => "a follow-us prompt",
            BoilerplateKind::Tags => "a list of topics or tags",
            BoilerplateKind::Nav => "site navigation",
            BoilerplateKind::Video => "a video player leftover",
            BoilerplateKind::Tools => "an article tools bar",
            BoilerplateKind::Custom => "a line matching your boilerplate patterns",
        }
    }
}

/// One paragraph classified as page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    /// The paragraph's text, trimmed.
    pub span: Span,
    /// The whole lines of the paragraph including the following line break:
    /// deleting it removes the furniture cleanly.
    pub removal: Span,
    pub kind: BoilerplateKind,
}

impl Boilerplate {
    pub fn to_diagnostic(&self, _text: &str) -> Diagnostic {
        Diagnostic {
            span: self.span,
            code: self.kind.code().to_string(),
            severity: Severity::Warning,
            message: format!("Looks like {}, not article text", self.kind.description()),
            related: Vec::new(),
            fix: Some(Fix {
                title: "Remove boilerplate line".to_string(),
                edits: vec![(self.removal, String::new())],
            }),
        }
    }
}

/// Classify every paragraph of `text`; return the ones that are furniture.
pub fn detect(text: &str, seg: &Segmentation, config: &Config) -> Vec<Boilerplate> {
    let mut out = Vec::new();
    for (index, para) in seg.paragraphs.iter().enumerate() {
        let body = para.span.text(text);
        let kind = if config.extra_boilerplate.iter().any(|re| re.is_match(body)) {
            Some(BoilerplateKind::Custom)
        } else if index == 0 {
            None
        } else {
            classify(body)
        };
        if let Some(kind) = kind {
            out.push(Boilerplate {
                span: para.span,
                removal: removal_span(text, seg, para.first_line, para.last_line),
                kind,
            });
        }
    }
    out
}

/// The lines `first..=last` with the line break that ends the last one (or,
/// at the end of the text, the break before the first one).
fn removal_span(text: &str, seg: &Segmentation, first: usize, last: usize) -> Span {
    let start = seg.lines[first].start;
    match seg.lines.get(last + 1) {
        Some(next) => Span::new(start, next.start),
        None => {
            let prev_end = if first == 0 {
                start
            } else {
                // Take the preceding break instead, so no empty line is left.
                let break_len = if text[..start].ends_with("\r\n") {
                    2
                } else {
                    1
                };
                start - break_len
            };
            Span::new(prev_end, text.len())
        }
    }
}

/// Decide whether one paragraph is furniture, and of which kind.
fn classify(body: &str) -> Option<BoilerplateKind> {
    let lower = body.trim().to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    if lower == "advertisement" || starts("story continues below") || lower == "sponsored content" {
        return Some(BoilerplateKind::Ad);
    }
    if lower == "share" || starts("share this") {
        return Some(BoilerplateKind::Share);
    }
    if starts("read more:") || starts("related:") || starts("see also:") {
        return Some(BoilerplateKind::Related);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    fn kinds(text: &str) -> Vec<(usize, BoilerplateKind)> {
        let seg = segment(text);
        detect(text, &seg, &Config::default())
            .into_iter()
            .map(|b| (seg.line_of(b.span.start), b.kind))
            .collect()
    }

    #[test]
    fn ad_marker_between_paragraphs() {
        let text = "Headline\n\nThe council met on Monday.\n\nAdvertisement\n\nIt voted.\n";
        assert_eq!(kinds(text), [(4, BoilerplateKind::Ad)]);
    }

    #[test]
    fn headline_is_never_boilerplate() {
        assert_eq!(kinds("Share\n\nBody text."), []);
    }

    #[test]
    fn removal_takes_the_line_break() {
        let text = "Head\n\nShare\n\nBody.";
        let seg = segment(text);
        let found = detect(text, &seg, &Config::default());
        assert_eq!(found[0].removal.text(text), "Share\n");
    }
}
