//! Every diagnostic code copydesk can report, with a one-line summary: the
//! list `--disable`, the settings, suppression comments and the SARIF rules
//! are checked against, so a mistyped code is an error rather than a
//! silent no-op.

use super::boilerplate::BoilerplateKind;
use super::fragments::FragmentKind;

/// One code and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `boilerplate/ad`, `fragment/truncated`, `copydesk/too-large`.
    pub code: &'static str,
    /// One line for help texts and SARIF `shortDescription`.
    pub summary: String,
}

/// The families, each a prefix that names all its codes at once.
pub const FAMILIES: &[&str] = &["boilerplate", "fragment", "copydesk"];

/// Every code, family by family.
pub fn rules() -> Vec<Rule> {
    let boilerplate = BoilerplateKind::ALL.iter().map(|k| Rule {
        code: k.code(),
        summary: format!(
            "A line that looks like {}, not article text",
            k.description()
        ),
    });
    let fragments = FragmentKind::ALL.iter().map(|k| Rule {
        code: k.code(),
        summary: k.summary().to_string(),
    });
    let own = [
        Rule {
            code: super::TOO_LARGE,
            summary: "A document above the size limit, not analysed".to_string(),
        },
        Rule {
            code: super::UNKNOWN_CODE,
            summary: "A suppression comment names a code copydesk does not know".to_string(),
        },
    ];
    boilerplate.chain(fragments).chain(own).collect()
}

/// `Ok` if `code` is a code or a family; else an error naming the closest
/// known code.
pub fn check(code: &str) -> Result<(), String> {
    if known().contains(&code) {
        return Ok(());
    }
    Err(match nearest(code) {
        Some(known) => format!("unknown code `{code}`; did you mean `{known}`?"),
        None => format!(
            "unknown code `{code}`; codes are a family ({}) or a code such as `fragment/spliced`",
            FAMILIES.join(", ")
        ),
    })
}

/// The known code or family closest to `code` when it is close enough to
/// be a typo of it (at most a third of its characters, plus one, differ).
///
/// Bounded whatever `code` is (it may come from a document): only known
/// codes of about its length are compared with it.
pub fn nearest(code: &str) -> Option<&'static str> {
    let length = code.chars().count();
    known()
        .iter()
        .copied()
        .filter(|known| length.abs_diff(known.len()) <= known.len() / 3 + 1)
        .map(|known| (edit_distance(code, known), known))
        .filter(|&(distance, known)| distance <= known.len() / 3 + 1)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// Every code and family, built once.
fn known() -> &'static [&'static str] {
    static KNOWN: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        rules()
            .iter()
            .map(|r| r.code)
            .chain(FAMILIES.iter().copied())
            .collect()
    });
    &KNOWN
}

/// Levenshtein distance by characters (of a known code and a word of
/// about its length: see [`nearest`]).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_and_family_is_known_and_a_typo_is_not() {
        assert!(check("fragment").is_ok());
        assert!(check("boilerplate/ad").is_ok());
        assert!(check("copydesk/too-large").is_ok());
        assert!(check("copydesk/unknown-code").is_ok());
        assert_eq!(nearest("fragment/splice"), Some("fragment/spliced"));
        assert_eq!(nearest("zzz"), None);
        assert_eq!(
            check("fragment/splice"),
            Err("unknown code `fragment/splice`; did you mean `fragment/spliced`?".to_string())
        );
        assert!(check("boilerplat").is_err_and(|e| e.contains("`boilerplate`")));
        assert!(check("zzz").is_err_and(|e| e.contains("a family")));
    }

    #[test]
    fn codes_are_unique_and_in_their_family() {
        let rules = rules();
        let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), rules.len());
        for r in &rules {
            let family = r.code.split('/').next().unwrap_or("");
            assert!(FAMILIES.contains(&family), "{}", r.code);
            assert!(!r.summary.is_empty());
        }
    }
}
