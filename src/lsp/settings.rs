//! The server's settings: what the client sends in `initializationOptions`
//! or `workspace/didChangeConfiguration`, turned into an analysis
//! [`Config`] plus the few knobs that belong to the editor edge.
//!
//! Settings may sit under a `"copydesk"` key or at the top level. Each field
//! that is present replaces the previous value; absent fields keep it. An
//! update that does not parse, or whose boilerplate patterns do not compile,
//! is rejected as a whole and the previous settings stay in force.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::analysis::Config;
use crate::project::Layer;

/// How long the server waits after an edit before analysing: by default
/// not at all. A burst of keystrokes is still analysed about once: while
/// an analysis runs, the changes behind it coalesce into one follow-up
/// (see `server::Inner::schedule`). A user may ask for a delay.
pub const DEFAULT_DEBOUNCE: Duration = Duration::ZERO;
/// Environment variable overriding the debounce in milliseconds.
pub const DEBOUNCE_ENV: &str = "COPYDESK_DEBOUNCE_MS";
/// Longest debounce accepted, so a typo cannot silence the server.
const MAX_DEBOUNCE_MS: u64 = 10_000;
/// How long one analysis may run before it is given up (and logged), so a
/// hostile document cannot keep a worker busy for good.
pub const DEFAULT_ANALYSIS_BUDGET: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Arc<Config>,
    /// The user's boilerplate patterns as written (kept to report them back
    /// and to recompile nothing when an update leaves them out).
    pub patterns: Vec<String>,
    pub inlay_hints: bool,
    pub debounce: Duration,
    /// How long one analysis may run (see [`DEFAULT_ANALYSIS_BUDGET`]).
    pub analysis_budget: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            config: Arc::new(Config::default()),
            patterns: Vec::new(),
            inlay_hints: true,
            debounce: DEFAULT_DEBOUNCE,
            analysis_budget: DEFAULT_ANALYSIS_BUDGET,
        }
    }
}

impl Settings {
    /// The defaults, with the debounce taken from [`DEBOUNCE_ENV`] if set.
    pub fn from_env() -> Self {
        let debounce = std::env::var(DEBOUNCE_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(DEFAULT_DEBOUNCE, debounce_from_ms);
        Settings {
            debounce,
            ..Settings::default()
        }
    }

    /// These settings updated by the client's `value`. `null` (or a value
    /// without any setting) changes nothing.
    pub fn updated(&self, value: &Value) -> Result<Settings, String> {
        self.merged(&editor_layer(value)?)
    }

    /// These settings with `raw` laid over them (the editor's settings over
    /// the project file's, or an update over what the editor sent before).
    pub fn merged(&self, raw: &Layer) -> Result<Settings, String> {
        let mut config = Config::clone(&self.config);
        raw.apply(&mut config)
            .map_err(|e| format!("copydesk.{e}"))?;
        let patterns = raw
            .boilerplate
            .as_ref()
            .and_then(|b| b.patterns.clone())
            .unwrap_or_else(|| self.patterns.clone());
        Ok(Settings {
            config: Arc::new(config),
            patterns,
            inlay_hints: raw
                .inlay_hints
                .as_ref()
                .and_then(|h| h.enabled)
                .unwrap_or(self.inlay_hints),
            debounce: raw.debounce_ms.map_or(self.debounce, debounce_from_ms),
            analysis_budget: raw
                .analysis_timeout_ms
                .map_or(self.analysis_budget, Duration::from_millis),
        })
    }
}

/// The settings an editor sent (`initializationOptions`, a
/// `didChangeConfiguration`, a `workspace/configuration` answer) as a
/// layer: the `copydesk` section if it is one, else the value itself.
pub fn editor_layer(value: &Value) -> Result<Layer, String> {
    let section = match value.get("copydesk") {
        Some(inner) if inner.is_object() => inner,
        _ => value,
    };
    if section.is_null() {
        return Ok(Layer::default());
    }
    serde_json::from_value(section.clone()).map_err(|e| format!("invalid copydesk settings: {e}"))
}

fn debounce_from_ms(ms: u64) -> Duration {
    Duration::from_millis(ms.min(MAX_DEBOUNCE_MS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_under_the_copydesk_key_or_top_level_both_apply() {
        let base = Settings::default();
        for value in [
            json!({"copydesk": {"diagnostics": {"fragments": false}}}),
            json!({"diagnostics": {"fragments": false}}),
        ] {
            let s = base.updated(&value).expect("valid");
            assert!(!s.config.fragments);
            assert!(s.config.boilerplate, "absent fields keep their value");
        }
    }

    #[test]
    fn every_documented_field_is_read() {
        let value = json!({
            "diagnostics": {"boilerplate": false, "disabled": ["fragment/spliced"]},
            "boilerplate": {"patterns": ["Tap to enlarge", "/^Page \\d+$/"]},
            "inlayHints": {"enabled": false},
            "debounceMs": 0,
            "maxDocumentBytes": 5000,
            "analysisTimeoutMs": 2500
        });
        let s = Settings::default().updated(&value).expect("valid");
        assert!(!s.config.boilerplate);
        assert_eq!(
            s.config.disabled_codes,
            vec!["fragment/spliced".to_string()]
        );
        assert_eq!(s.config.extra_boilerplate.len(), 2);
        assert!(s.config.extra_boilerplate[0].is_match("tap to ENLARGE"));
        assert!(!s.inlay_hints);
        assert_eq!(s.debounce, Duration::ZERO);
        assert_eq!(s.config.max_document_bytes, 5000);
        assert_eq!(s.analysis_budget, Duration::from_millis(2500));
    }

    #[test]
    fn an_invalid_pattern_rejects_the_whole_update() {
        let base = Settings::default()
            .updated(&json!({"boilerplate": {"patterns": ["Sponsored"]}}))
            .expect("valid");
        let err = base
            .updated(
                &json!({"diagnostics": {"fragments": false}, "boilerplate": {"patterns": ["/(/"]}}),
            )
            .expect_err("invalid regex");
        assert!(err.contains("invalid boilerplate pattern"), "{err}");
        // The caller keeps `base`, which still has its pattern.
        assert_eq!(base.patterns, vec!["Sponsored".to_string()]);
    }

    #[test]
    fn wrong_types_are_an_error_and_null_changes_nothing() {
        let base = Settings::default();
        assert!(
            base.updated(&json!({"diagnostics": {"boilerplate": "yes"}}))
                .is_err()
        );
        let same = base.updated(&Value::Null).expect("null is fine");
        assert!(same.config.boilerplate && same.inlay_hints);
    }

    #[test]
    fn an_empty_lua_table_is_an_empty_list() {
        let base = Settings::default()
            .updated(&json!({"diagnostics": {"disabled": ["fragment"]}}))
            .expect("valid");
        let s = base
            .updated(&json!({"diagnostics": {"disabled": {}}, "boilerplate": {"patterns": {}}}))
            .expect("valid");
        assert!(s.config.disabled_codes.is_empty());
        assert!(s.patterns.is_empty());
        assert!(
            base.updated(&json!({"diagnostics": {"disabled": {"a": 1}}}))
                .is_err()
        );
        assert!(
            base.updated(&json!({"diagnostics": {"disabled": [1]}}))
                .is_err()
        );
    }

    #[test]
    fn an_unknown_disabled_code_is_refused_and_names_the_nearest() {
        let e = Settings::default()
            .updated(&json!({"diagnostics": {"disabled": ["fragment", "fragment/splice"]}}))
            .err();
        assert_eq!(
            e.as_deref(),
            Some(
                "copydesk.diagnostics.disabled: unknown code `fragment/splice`; \
                 did you mean `fragment/spliced`?"
            )
        );
    }

    #[test]
    fn debounce_is_capped() {
        let s = Settings::default()
            .updated(&json!({"debounceMs": 99_999_999u64}))
            .expect("valid");
        assert_eq!(s.debounce, Duration::from_millis(MAX_DEBOUNCE_MS));
    }
}
