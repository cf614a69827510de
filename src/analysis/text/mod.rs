//! The text model shared by the passes: how copydesk reads characters.

pub mod quotes;
