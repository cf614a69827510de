//! What a user can switch on and off. Shared by the CLI (flags, later a file)
//! and the language server (initializationOptions, didChangeConfiguration).

use regex::Regex;

/// Longest extra boilerplate pattern accepted, in bytes of source.
pub const MAX_PATTERN_LEN: usize = 1_000;
/// Most extra boilerplate patterns accepted.
pub const MAX_PATTERNS: usize = 200;
/// Compiled-size limit for one pattern, so a user pattern cannot blow up memory.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;
/// Largest document analysed by default (20 MiB); see
/// [`Config::max_document_bytes`].
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 20 << 20;

#[derive(Debug, Clone)]
pub struct Config {
    /// Report boilerplate diagnostics at all.
    pub boilerplate: bool,
    /// Report fragment diagnostics at all.
    pub fragments: bool,
    /// Codes switched off one by one, e.g. `fragment/spliced`. A family name
    /// (`fragment`) switches off every code of the family.
    pub disabled_codes: Vec<String>,
    /// User patterns: a whole paragraph matching one is boilerplate.
    pub extra_boilerplate: Vec<Regex>,
    /// A document longer than this (bytes) is not analysed: its analysis
    /// says only that it is too large, so one huge or hostile document
    /// cannot hold the memory and the time of every other.
    pub max_document_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            boilerplate: true,
            fragments: true,
            disabled_codes: Vec::new(),
            extra_boilerplate: Vec::new(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

impl Config {
    /// Whether diagnostics with `code` should be reported.
    pub fn code_enabled(&self, code: &str) -> bool {
        let family = code.split('/').next().unwrap_or(code);
        match family {
            "boilerplate" if !self.boilerplate => return false,
            "fragment" if !self.fragments => return false,
            _ => {}
        }
        !self.disabled_codes.iter().any(|d| d == code || d == family)
    }

    /// Compile user-supplied boilerplate patterns. A plain phrase is matched
    /// literally and case-insensitively; a pattern written `/.../` is a regex.
    /// Returns the error for the first pattern that is too long or invalid.
    pub fn compile_patterns<S: AsRef<str>>(patterns: &[S]) -> Result<Vec<Regex>, String> {
        if patterns.len() > MAX_PATTERNS {
            return Err(format!(
                "too many boilerplate patterns: {} (at most {MAX_PATTERNS})",
                patterns.len()
            ));
        }
        patterns
            .iter()
            .map(|p| {
                let p = p.as_ref();
                if p.len() > MAX_PATTERN_LEN {
                    return Err(format!(
                        "boilerplate pattern is {} bytes long (at most {MAX_PATTERN_LEN})",
                        p.len()
                    ));
                }
                let source = match p.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
                    Some(re) if !re.is_empty() => re.to_string(),
                    _ => format!("(?i){}", regex::escape(p.trim())),
                };
                regex::RegexBuilder::new(&source)
                    .size_limit(PATTERN_SIZE_LIMIT)
                    .build()
                    .map_err(|e| format!("invalid boilerplate pattern {p:?}: {e}"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_switch_disables_every_code_of_the_family() {
        let config = Config {
            fragments: false,
            ..Config::default()
        };
        assert!(!config.code_enabled("fragment/truncated"));
        assert!(config.code_enabled("boilerplate/ad"));
    }

    #[test]
    fn single_code_can_be_disabled() {
        let config = Config {
            disabled_codes: vec!["fragment/spliced".into()],
            ..Config::default()
        };
        assert!(!config.code_enabled("fragment/spliced"));
        assert!(config.code_enabled("fragment/truncated"));
    }

    #[test]
    fn phrases_are_literal_and_slashes_make_a_regex() {
        let res = Config::compile_patterns(&["Click (here)", "/^Page \\d+$/"]).unwrap();
        assert!(res[0].is_match("click (HERE)"));
        assert!(res[1].is_match("Page 12"));
        assert!(Config::compile_patterns(&["/(/"]).is_err());
        assert!(Config::compile_patterns(&["x".repeat(MAX_PATTERN_LEN + 1)]).is_err());
    }
}
