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
pub mod driver;
pub mod entities;
pub mod fragments;
pub mod lexicon;
pub mod quotes;
pub mod segment;
pub mod text;

mod config;
mod diagnostic;
mod span;
pub(crate) mod weights_file;

pub use config::Config;
pub use diagnostic::{Diagnostic, Fix, Related, Severity};
pub use span::Span;

use boilerplate::Boilerplate;
use entities::Entity;
use fragments::Fragment;
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
}

/// Analyse `text` with `config`. Pure and deterministic.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    Analyzer::default().analyze(text, config)
}

/// Analyses successive versions of one document, keeping each pass's
/// per-paragraph results between them (see [`driver`]), so re-analysing after
/// an edit redoes the edited paragraphs and the document-wide steps only.
/// [`Analyzer::analyze`] returns exactly what [`analyze`] would.
#[derive(Debug, Default)]
pub struct Analyzer {
    driver: driver::Driver,
}

impl Analyzer {
    /// Analyse this version of the document.
    pub fn analyze(&mut self, text: &str, config: &Config) -> Analysis {
        let model = self.driver.model(text);
        let boilerplate = boilerplate::detect_with(&mut self.driver, text, &model, config);
        let entities = entities::recognize(&mut self.driver, text, &model, &boilerplate);
        let quotes::Quotes { quotes, cues } =
            quotes::read(&mut self.driver, text, &model, &entities, &boilerplate);
        let fragments = if config.fragments {
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
        self.driver.finish();
        Analysis {
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
        }
    }
}

impl Analysis {
    /// All diagnostics of this analysis, in document order, filtered by the
    /// codes the configuration disables.
    pub fn diagnostics(&self, text: &str, config: &Config) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self
            .boilerplate
            .iter()
            .map(|b| b.to_diagnostic(text))
            .chain(self.fragments.iter().map(|f| f.to_diagnostic(text)))
            .filter(|d| config.code_enabled(&d.code))
            .collect();
        out.sort_by_key(|d| (d.span.start, d.span.end));
        out
    }
}
