//! Boilerplate: page furniture left over from scraping (ad markers, share
//! bars, newsletter prompts, teasers, photo credits, ...).
//!
//! The pass is split as the [`driver`](super::driver) wants it:
//! 1. the **local step** ([`local::Furniture`], a [`Pass`](super::driver::Pass)
//!    with no key) reads one paragraph's text model and keeps a
//!    [`local::Summary`]: the verdict of the *strong* rules (`strong.rs`,
//!    photo credits in `credits.rs`: a credit, a line of UI words, a
//!    copyright notice, which may fire anywhere), the paragraph's
//!    [`contextual::Cues`], its content stems and its shingles;
//! 2. the **document-wide step** (plain functions here and in
//!    `contextual.rs`, over the kept summaries and the [`article::Article`]
//!    built from them) applies the user's patterns
//!    (`Config::extra_boilerplate`, which win over everything), takes the
//!    first paragraph left as the *headline* (never boilerplate), and runs
//!    the *contextual* rules after it: content words shared with the story
//!    (a teaser shares none), repeated text (a pull quote), and position
//!    before, between or after the body paragraphs;
//! 3. then the **score** (`evidence.rs`, `scoring.rs`): each short paragraph
//!    the rules left is weighed by learned weights over its evidence (shape,
//!    interface vocabulary of any kind, who the line speaks as and of what
//!    (`voice.rs`), place in the article), so furniture worded as no rule
//!    knows it is still found; lines of results (`results.rs`) are content
//!    and not judged; [`Decision`] says which of the three decided, and the
//!    diagnostic's message says it.
//!
//! Words come from the text model's tokens (`words.rs`), word classes from
//! the lexicon's tags, thresholds from one table (`weights.rs`).

pub mod ablation;
mod article;
mod contextual;
mod credits;
pub mod evidence;
mod local;
mod results;
mod scoring;
mod strong;
mod voice;
mod weights;
mod words;

use super::driver::{Driver, Placed};
use super::segment::Segmentation;
use super::text::TextModel;
use super::work::{tick, tick_n};
use super::{Config, Diagnostic, Fix, Severity, Span};
use article::Article;
use local::{Furniture, Summary};
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
    /// A pull quote: a line of the story repeated in large type.
    PullQuote,
    /// An embedded social-media post (a tweet with its signature).
    SocialEmbed,
    /// A contact line ("Email: ... | Twitter: ...") or a call for tips.
    Contact,
    /// Matched one of the user's own patterns.
    Custom,
    /// Furniture by its shape and place, of no kind its words name.
    Furniture,
}

impl BoilerplateKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [BoilerplateKind] = &[
        BoilerplateKind::Ad,
        BoilerplateKind::Share,
        BoilerplateKind::Newsletter,
        BoilerplateKind::Related,
        BoilerplateKind::Teaser,
        BoilerplateKind::Photo,
        BoilerplateKind::Comments,
        BoilerplateKind::Cookie,
        BoilerplateKind::App,
        BoilerplateKind::Footer,
        BoilerplateKind::Updated,
        BoilerplateKind::Follow,
        BoilerplateKind::Tags,
        BoilerplateKind::Nav,
        BoilerplateKind::Video,
        BoilerplateKind::Tools,
        BoilerplateKind::PullQuote,
        BoilerplateKind::SocialEmbed,
        BoilerplateKind::Contact,
        BoilerplateKind::Custom,
        BoilerplateKind::Furniture,
    ];

    /// The kind whose [`code`](Self::code) is `code` ("boilerplate/ad").
    pub fn from_code(code: &str) -> Option<BoilerplateKind> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }

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
            BoilerplateKind::PullQuote => "boilerplate/pull-quote",
            BoilerplateKind::SocialEmbed => "boilerplate/social-embed",
            BoilerplateKind::Contact => "boilerplate/contact",
            BoilerplateKind::Custom => "boilerplate/custom",
            BoilerplateKind::Furniture => "boilerplate/furniture",
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
            BoilerplateKind::PullQuote => "a pull quote repeating the story",
            BoilerplateKind::SocialEmbed => "an embedded social-media post",
            BoilerplateKind::Contact => "a contact line or a call for tips",
            BoilerplateKind::Custom => "a line matching your boilerplate patterns",
            BoilerplateKind::Furniture => "page furniture",
        }
    }
}

/// What decided that a paragraph is furniture: the diagnostic names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// One of the user's patterns matched.
    Pattern,
    /// Its wording: a phrase or word list of that kind of furniture.
    Wording,
    /// Its wording and its place in the article (a teaser sharing no words
    /// with the story, a pull quote repeating it, a link label).
    Context,
    /// The learned score of its evidence; the features that weighed most.
    Score(Vec<evidence::Feature>),
}

impl Decision {
    /// Words for the diagnostic message.
    fn describe(&self) -> String {
        match self {
            Decision::Pattern => "your pattern".to_string(),
            Decision::Wording => "its wording".to_string(),
            Decision::Context => "its wording and place in the article".to_string(),
            Decision::Score(features) => {
                let phrases: Vec<&str> = features.iter().map(|f| f.phrase()).collect();
                format!("the weight of its evidence: {}", phrases.join(", "))
            }
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
    pub decision: Decision,
}

impl Boilerplate {
    pub fn to_diagnostic(&self, _text: &str) -> Diagnostic {
        Diagnostic {
            span: self.span,
            code: self.kind.code().to_string(),
            severity: Severity::Warning,
            message: format!(
                "Looks like {}, not article text (by {})",
                self.kind.description(),
                self.decision.describe()
            ),
            related: Vec::new(),
            fix: Some(Fix {
                title: "Remove boilerplate line".to_string(),
                edits: vec![(self.removal, String::new())],
            }),
        }
    }
}

/// Classify every paragraph of `text` (whose segmentation is `seg`) with
/// a fresh driver; return the ones that are furniture. A one-shot for
/// tests and benches; the [`super::Analyzer`] calls [`detect_with`].
pub fn detect(text: &str, seg: &Segmentation, config: &Config) -> Vec<Boilerplate> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    debug_assert_eq!(model.segmentation.paragraphs.len(), seg.paragraphs.len());
    detect_with(&mut driver, text, &model, config)
}

/// Classify every paragraph of `model` (the model of `text`), reusing the
/// local results `driver` kept from earlier versions.
pub fn detect_with(
    driver: &mut Driver,
    text: &str,
    model: &TextModel,
    config: &Config,
) -> Vec<Boilerplate> {
    let locals = driver.locals_of(&Furniture, model);
    let seg = &model.segmentation;
    let verdicts = classify(text, seg, &locals, config).verdicts;
    seg.paragraphs
        .iter()
        .zip(verdicts)
        .filter_map(|(para, verdict)| {
            tick();
            let (kind, decision) = verdict?;
            Some(Boilerplate {
                span: para.span,
                removal: removal_span(text, seg, para.first_line, para.last_line),
                kind,
                decision,
            })
        })
        .collect()
}

/// One paragraph as the score sees it, for `scripts/fit_furniture.py`
/// (through `examples/furniture_evidence.rs`): its first line, the rules'
/// verdict, and its whole evidence (`None` for the headline, what comes
/// before it, and paragraphs the score does not judge).
#[derive(Debug, Clone)]
pub struct EvidenceRow {
    pub first_line: usize,
    pub rules: Option<BoilerplateKind>,
    pub evidence: Option<evidence::Evidence>,
}

/// The evidence of every paragraph of `text`, with the rules' verdicts.
pub fn evidence_rows(text: &str, config: &Config) -> Vec<EvidenceRow> {
    let mut driver = Driver::default();
    let model = driver.model(text);
    let locals = driver.locals_of(&Furniture, &model);
    let seg = &model.segmentation;
    let classified = classify(text, seg, &locals, config);
    seg.paragraphs
        .iter()
        .enumerate()
        .map(|(i, para)| EvidenceRow {
            first_line: para.first_line,
            rules: classified.rules[i],
            evidence: classified.evidence.get(i).cloned().flatten(),
        })
        .collect()
}

/// The document-wide step's result.
struct Classified {
    /// Each paragraph's kind and what decided it, or `None` for article
    /// text.
    verdicts: Vec<Option<(BoilerplateKind, Decision)>>,
    /// The verdicts of the patterns and rules alone.
    rules: Vec<Option<BoilerplateKind>>,
    /// Each paragraph's whole evidence (none up to the headline).
    evidence: Vec<Option<evidence::Evidence>>,
}

/// The document-wide step: the user's patterns first, then the strong
/// verdicts, then the contextual rules after the headline, then the score
/// of the evidence of what they left.
fn classify(
    text: &str,
    seg: &Segmentation,
    locals: &[Placed<Summary>],
    config: &Config,
) -> Classified {
    let mut verdicts: Vec<Option<(BoilerplateKind, Decision)>> = seg
        .paragraphs
        .iter()
        .zip(locals)
        .map(|(p, placed)| {
            tick();
            let para = p.span.text(text);
            if config
                .extra_boilerplate
                .iter()
                .any(|re| strong::regex_matches(re, para))
            {
                Some((BoilerplateKind::Custom, Decision::Pattern))
            } else {
                placed.local.strong.map(|kind| (kind, Decision::Wording))
            }
        })
        .collect();
    tick_n(3 * verdicts.len());
    let mut rules: Vec<Option<BoilerplateKind>> =
        verdicts.iter().map(|v| v.as_ref().map(|v| v.0)).collect();
    let mut evidence = Vec::new();
    if let Some(headline) = rules.iter().position(Option::is_none) {
        let in_article: Vec<bool> = rules.iter().map(Option::is_none).collect();
        let article = Article::new(locals, &in_article);
        let layout = contextual::classify(&article, &mut rules, headline);
        evidence = scoring::evidence_of_all(&article, &layout, &rules);
        let weights = evidence::weights();
        for (index, verdict) in verdicts.iter_mut().enumerate() {
            tick();
            if verdict.is_some() {
                continue;
            }
            *verdict = match (rules[index], &evidence[index]) {
                (Some(kind), _) => Some((kind, Decision::Context)),
                (None, Some(e)) => scoring::verdict(&article, index, e, weights)
                    .map(|kind| (kind, Decision::Score(e.strongest(weights, 3)))),
                (None, None) => None,
            };
        }
    }
    Classified {
        verdicts,
        rules,
        evidence,
    }
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

#[cfg(test)]
mod tests;
