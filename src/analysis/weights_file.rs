//! The one reader of learned weight files (`data/model/*.txt`): one
//! `feature weight` pair per line, `#` starting a comment. Each model
//! (speaker ranking, furniture score) maps the names to its own features.

/// Reads `source`, handing each `(name, weight)` to `put`, which says
/// whether it knows the name. A malformed line, a bad number or a name
/// `put` does not know is an error naming the line, so a model file out of
/// step with the code fails its test. Returns whether any weight was read.
pub fn read(source: &str, mut put: impl FnMut(&str, f32) -> bool) -> Result<bool, String> {
    let mut any = false;
    for (n, line) in source.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("line {}: expected `feature weight`", n + 1));
        };
        let value: f32 = value
            .parse()
            .map_err(|_| format!("line {}: `{value}` is not a number", n + 1))?;
        if !put(name, value) {
            return Err(format!("line {}: unknown feature `{name}`", n + 1));
        }
        any = true;
    }
    Ok(any)
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn pairs_are_read_and_bad_lines_named() {
        let mut seen = Vec::new();
        let any = read("# head\nbias -1 # trailing\n\nx 2.5\n", |name, value| {
            seen.push((name.to_string(), value));
            true
        });
        assert_eq!(any, Ok(true));
        assert_eq!(seen, [("bias".to_string(), -1.0), ("x".to_string(), 2.5)]);
        assert_eq!(read("# nothing", |_, _| true), Ok(false));
        assert_eq!(
            read("a 1\nb", |_, _| true),
            Err("line 2: expected `feature weight`".to_string())
        );
        assert_eq!(
            read("a one", |_, _| true),
            Err("line 1: `one` is not a number".to_string())
        );
        assert_eq!(
            read("a 1", |_, _| false),
            Err("line 1: unknown feature `a`".to_string())
        );
    }
}
