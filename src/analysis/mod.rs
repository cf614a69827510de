//! The pure analysis core: `&str` in, plain data with byte-offset spans out.
//!
//! Nothing in here knows about LSP, files, threads or async. Every result is
//! expressed in byte offsets into the analysed text ([`Span`]); the edges
//! (`cli`, `lsp`) convert to line/column through [`crate::line_index`].
//!
//! One call of [`analyze`] runs the passes in dependency order:
//! segmentation → boilerplate → entities → quotes (which name speakers by
//! entity) → fragments (which may look at quotes and entities).

pub mod boilerplate;
pub mod codes;
pub mod driver;
pub mod entities;
pub mod fragments;
pub mod lexicon;
pub mod markdown;
pub mod quotes;
pub mod segment;
pub mod text;

mod config;
mod diagnostic;
mod span;
pub(crate) mod weights_file;
pub(crate) mod work;

#[cfg(test)]
mod tests_linear;

pub use config::{Config, DEFAULT_MAX_DOCUMENT_BYTES};
pub use diagnostic::{Diagnostic, Fix, Related, Severity};
pub use span::Span;

use boilerplate::Boilerplate;
use entities::Entity;
use fragments::Fragment;
pub use markdown::{Suppression, Syntax};
use quotes::Quote;
use segment::Segmentation;

/// Everything copydesk knows about one version of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub segmentation: Segmentation,
    pub boilerplate: Vec<Boilerplate>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub fragments: Vec<Fragment>,
    /// Set when the document was above [`Config::max_document_bytes`]:
    /// `(its length, the limit)`. Nothing else was analysed; the one
    /// diagnostic says so.
    pub too_large: Option<(usize, usize)>,
    /// For a Markdown document, the prose view the passes read (see
    /// [`markdown`]): as long as the source, markup blanked. Slice it, not
    /// the source, for the text of a span. `None` for plain text.
    pub prose: Option<String>,
    /// Regions where comments in the document switch diagnostics off.
    pub suppressions: Vec<Suppression>,
    /// The codes those comments name that copydesk does not know, each the
    /// span of the code as written: a `copydesk/unknown-code` warning each.
    pub unknown_codes: Vec<Span>,
}

/// The code of the diagnostic on a document too large to analyse.
pub const TOO_LARGE: &str = "copydesk/too-large";

/// The code of the diagnostic on a code a suppression comment names that
/// copydesk does not know (see [`markdown`]'s suppressions).
pub const UNKNOWN_CODE: &str = "copydesk/unknown-code";

/// Analyse plain `text` with `config`. Pure and deterministic.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    Analyzer::default().analyze(text, config)
}

/// Analyse `text` written in `syntax` with `config`.
pub fn analyze_as(text: &str, syntax: Syntax, config: &Config) -> Analysis {
    Analyzer::new(syntax).analyze(text, config)
}

/// Analyses successive versions of one document, keeping each pass's
/// per-paragraph results between them (see [`driver`]), so re-analysing after
/// an edit redoes the edited paragraphs and the document-wide steps only.
/// [`Analyzer::analyze`] returns exactly what [`analyze`] would.
#[derive(Debug, Default)]
pub struct Analyzer {
    driver: driver::Driver,
    syntax: Syntax,
}

/// An analysis given up because its stop said so (a newer version came,
/// or it ran past its time budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl Analyzer {
    /// An analyzer of a document written in `syntax`.
    pub fn new(syntax: Syntax) -> Analyzer {
        Analyzer {
            driver: driver::Driver::default(),
            syntax,
        }
    }

    /// Analyse this version of the document.
    pub fn analyze(&mut self, text: &str, config: &Config) -> Analysis {
        match self.analyze_unless(text, config, &|| false) {
            Ok(analysis) => analysis,
            Err(Cancelled) => unreachable!("a stop that never stops"),
        }
    }

    /// [`Analyzer::analyze`], given up as soon as `stop` returns true. It
    /// is asked while the text model is built (every few dozen paragraphs)
    /// and between passes, so it should be cheap: an atomic load, a clock
    /// read. What was kept of earlier versions stays usable: the next
    /// analysis is exactly what [`analyze`] would give.
    pub fn analyze_unless(
        &mut self,
        text: &str,
        config: &Config,
        stop: &dyn Fn() -> bool,
    ) -> Result<Analysis, Cancelled> {
        if text.len() > config.max_document_bytes {
            // Keep nothing of earlier versions either: the point of the
            // limit is that such a document holds no memory.
            self.driver = driver::Driver::default();
            return Ok(Analysis {
                too_large: Some((text.len(), config.max_document_bytes)),
                ..Analysis::default()
            });
        }
        let (prose, suppressions, unknown_codes, tables) = match self.syntax {
            Syntax::Plain => (None, Vec::new(), Vec::new(), Vec::new()),
            Syntax::Markdown => {
                let view = markdown::prose_view(text);
                (
                    Some(view.text),
                    view.suppressions,
                    view.unknown_codes,
                    view.tables,
                )
            }
        };
        // A table is content but not sentences: nothing in it is furniture
        // or a broken sentence.
        let in_table = |at: usize| markdown::in_one_of(&tables, at);
        let text = prose.as_deref().unwrap_or(text);
        let checked = || if stop() { Err(Cancelled) } else { Ok(()) };
        let model = self.driver.model_unless(text, stop).ok_or(Cancelled)?;
        let mut boilerplate = boilerplate::detect_with(&mut self.driver, text, &model, config);
        boilerplate.retain(|b| !in_table(b.span.start));
        checked()?;
        let entities = entities::recognize(&mut self.driver, text, &model, &boilerplate);
        checked()?;
        let quotes::Quotes { quotes, cues } =
            quotes::read(&mut self.driver, text, &model, &entities, &boilerplate);
        checked()?;
        let mut fragments = if config.fragments {
            fragments::detect(
                &mut self.driver,
                text,
                &model,
                &boilerplate,
                &cues,
                &entities,
            )
        } else {
            Vec::new()
        };
        fragments.retain(|f| !in_table(f.span.start));
        self.driver.finish();
        Ok(Analysis {
            // The passes are done with the model: its segmentation moves
            // into the result rather than being copied every version.
            segmentation: model.segmentation,
            boilerplate: if config.boilerplate {
                boilerplate
            } else {
                Vec::new()
            },
            entities,
            quotes,
            fragments,
            too_large: None,
            prose,
            suppressions,
            unknown_codes,
        })
    }
}

impl Analysis {
    /// The text the passes read: the prose view of a Markdown document,
    /// else `source` itself. Spans slice either alike; this one reads
    /// without markup.
    pub fn analysed_text<'a>(&'a self, source: &'a str) -> &'a str {
        self.prose.as_deref().unwrap_or(source)
    }

    /// All diagnostics of this analysis, in document order, filtered by the
    /// codes the configuration disables and the document's own comments.
    pub fn diagnostics(&self, source: &str, config: &Config) -> Vec<Diagnostic> {
        let text = self.analysed_text(source);
        if let Some((len, limit)) = self.too_large {
            return std::iter::once(too_large(text, len, limit))
                .filter(|d| config.code_enabled(&d.code))
                .collect();
        }
        let mut out: Vec<Diagnostic> = self
            .boilerplate
            .iter()
            .map(|b| b.to_diagnostic(text))
            .chain(self.fragments.iter().map(|f| f.to_diagnostic(text)))
            .chain(
                self.unknown_codes
                    .iter()
                    .map(|&span| unknown_code(source, span)),
            )
            .filter(|d| config.code_enabled(&d.code))
            .filter(|d| {
                !markdown::suppressible(&d.code)
                    || !self
                        .suppressions
                        .iter()
                        .any(|s| s.covers(&d.code, d.span.start))
            })
            .collect();
        out.sort_by_key(|d| (d.span.start, d.span.end));
        out
    }
}

/// The one diagnostic of a document above the size limit, on its first
/// line.
fn too_large(text: &str, len: usize, limit: usize) -> Diagnostic {
    // the first line, or its first 80 bytes when it is longer
    let mut first_line = text.find(['\n', '\r']).unwrap_or(text.len()).min(80);
    while !text.is_char_boundary(first_line) {
        first_line -= 1;
    }
    Diagnostic {
        span: Span::new(0, first_line),
        code: TOO_LARGE.to_string(),
        severity: Severity::Information,
        message: format!(
            "This document is {}, above the limit of {}, so copydesk does not analyse it; \
             raise maxDocumentBytes (editor) or --max-document-bytes (command line) to \
             analyse it",
            human_size(len),
            human_size(limit)
        ),
        related: Vec::new(),
        fix: None,
    }
}

/// The warning on a code a suppression comment names that copydesk does not
/// know, at `span` of the Markdown `source` (the prose view blanks
/// comments), with the known code it is a typo of as its fix.
fn unknown_code(source: &str, span: Span) -> Diagnostic {
    let written = source.get(span.start..span.end).unwrap_or("");
    let problem = codes::check(written)
        .err()
        .unwrap_or_else(|| format!("code `{written}`"));
    Diagnostic {
        span,
        code: UNKNOWN_CODE.to_string(),
        severity: Severity::Warning,
        message: format!("This comment switches nothing off: {problem}"),
        related: Vec::new(),
        fix: codes::nearest(written).map(|known| Fix {
            title: format!("Change to `{known}`"),
            edits: vec![(span, known.to_string())],
        }),
    }
}

/// "512 bytes", "40 KiB", "20.0 MiB".
fn human_size(bytes: usize) -> String {
    const KIB: usize = 1 << 10;
    const MIB: usize = 1 << 20;
    if bytes < 10 * KIB {
        format!("{bytes} bytes")
    } else if bytes < MIB {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Ferry Runs Late\n\nAdvertisement\n\n“We are sorry,” said Ana Ruiz.\n";

    #[test]
    fn a_document_above_the_limit_is_not_analysed_and_says_so_on_its_first_line() {
        let limit = Config {
            max_document_bytes: TEXT.len() - 1,
            ..Config::default()
        };
        let analysis = analyze(TEXT, &limit);
        assert_eq!(analysis.too_large, Some((TEXT.len(), TEXT.len() - 1)));
        assert!(analysis.entities.is_empty() && analysis.quotes.is_empty());
        let found = analysis.diagnostics(TEXT, &limit);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, TOO_LARGE);
        assert_eq!(found[0].severity, Severity::Information);
        assert_eq!(found[0].span.text(TEXT), "Ferry Runs Late");
        // the code can be switched off like any other
        let quiet = Config {
            disabled_codes: vec![TOO_LARGE.to_string()],
            ..limit.clone()
        };
        assert!(analysis.diagnostics(TEXT, &quiet).is_empty());
        // at the limit exactly, it is analysed
        let exact = Config {
            max_document_bytes: TEXT.len(),
            ..Config::default()
        };
        assert_eq!(analyze(TEXT, &exact).too_large, None);
        assert_eq!(analyze(TEXT, &exact).quotes.len(), 1);
    }

    #[test]
    fn an_analyzer_that_met_a_too_large_version_analyses_the_next_one_afresh() {
        let mut analyzer = Analyzer::default();
        let config = Config::default();
        analyzer.analyze(TEXT, &config);
        let small = Config {
            max_document_bytes: 10,
            ..Config::default()
        };
        assert!(analyzer.analyze(TEXT, &small).too_large.is_some());
        assert_eq!(analyzer.analyze(TEXT, &config), analyze(TEXT, &config));
    }

    #[test]
    fn a_stopped_analysis_is_given_up_and_the_next_equals_a_fresh_one() {
        let article = include_str!("../../examples/harbour-bridge.txt");
        let long: String = (0..3)
            .map(|i| format!("{article}\n\nCopy {i}.\n\n"))
            .collect();
        let edited = long.replacen("Copy 1.", "Copy one, edited.", 1);
        let config = Config::default();
        // stop at the first question, at the second (inside the model of a
        // long text), ..., up to past the last pass
        for stop_at in 0..8 {
            let mut analyzer = Analyzer::default();
            analyzer.analyze(&long, &config);
            let asked = std::cell::Cell::new(0);
            let stop = || {
                asked.set(asked.get() + 1);
                asked.get() > stop_at
            };
            let result = analyzer.analyze_unless(&edited, &config, &stop);
            let questions = asked.get();
            if questions <= stop_at {
                assert_eq!(result, Ok(analyze(&edited, &config)), "ran to the end");
            } else {
                assert_eq!(result, Err(Cancelled), "stopped at question {stop_at}");
            }
            assert_eq!(
                analyzer.analyze(&edited, &config),
                analyze(&edited, &config)
            );
            assert_eq!(analyzer.analyze(&long, &config), analyze(&long, &config));
        }
    }

    #[test]
    fn sizes_read_as_a_writer_would_say_them() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(40 << 10), "40 KiB");
        assert_eq!(human_size(20 << 20), "20.0 MiB");
    }
}
