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
pub mod entities;
pub mod fragments;
pub mod quotes;
pub mod segment;

mod config;
mod diagnostic;
mod lexicon;
mod span;

pub use config::Config;
pub use diagnostic::{Diagnostic, Fix, Related, Severity};
pub use span::Span;

use boilerplate::Boilerplate;
use entities::Entity;
use fragments::Fragment;
use quotes::Quote;
use segment::Segmentation;

/// Everything copydesk knows about one version of one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub segmentation: Segmentation,
    pub boilerplate: Vec<Boilerplate>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub fragments: Vec<Fragment>,
}

/// Analyse `text` with `config`. Pure and deterministic.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let segmentation = segment::segment(text);
    let boilerplate = boilerplate::detect(text, &segmentation, config);
    let entities = entities::recognize(text, &segmentation, &boilerplate);
    let quotes = quotes::find(text, &segmentation, &entities, &boilerplate);
    let fragments = if config.fragments {
        fragments::detect(text, &segmentation, &boilerplate, &quotes, &entities)
    } else {
        Vec::new()
    };
    Analysis {
        segmentation,
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
