//! Reading the word lists in `data/`: one entry a line, `#` starts a
//! comment line, blank lines are skipped. Every pass's lexicon module parses
//! its files through here, once, behind a `LazyLock`.

/// The entries of a data file, trimmed, without comments and blank lines.
pub(crate) fn entries(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let source = "# header\n\nsaid\n  told  \n# more\nsign up\n";
        assert_eq!(
            entries(source).collect::<Vec<_>>(),
            ["said", "told", "sign up"]
        );
    }
}
