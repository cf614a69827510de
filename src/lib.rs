//! copydesk: a language server and command line for people who write and
//! clean up news articles.
//!
//! The crate has one pure core and two edges:
//! - [`analysis`]: text in, plain data with byte spans out (no I/O, no LSP);
//! - [`cli`]: `copydesk analyze` / `copydesk check` over the core;
//! - [`lsp`]: the language server over the same core.
//!
//! [`line_index`] is the one place byte offsets become line/column positions;
//! [`project`] reads `.copydesk.toml`, the settings both edges share.
//! The command line itself (clap, and which edge a command runs) belongs to
//! the binary, `src/main.rs`: neither edge starts the other.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod cli;
pub mod line_index;
pub mod lsp;
pub mod project;
