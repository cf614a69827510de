//! Incremental analysis gives exactly the fresh result: an [`Analyzer`]
//! reused across random edits of an article (as the language server reuses
//! one per open document) must return what a fresh [`analyze`] returns for
//! every version.

mod common;

use copydesk::analysis::{Analyzer, Config, analyze};
use proptest::prelude::*;

/// Articles of our own, so every pass has work to do: headlines, quotes with
/// cues, names, boilerplate, fragments.
const ARTICLES: &[&str] = &[
    include_str!("../examples/harbour-bridge.txt"),
    include_str!("fixtures/ferry-timetable.txt"),
    include_str!("fixtures/market-hall.txt"),
];

/// Pieces an edit inserts: words, whole paragraphs, quotation marks, names,
/// furniture, line breaks and multi-byte characters.
const PIECES: &[&str] = &[
    "x",
    " ",
    "\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "’",
    ".",
    ",” she said.",
    " he added.",
    "Mr Okafor",
    "Advertisement\n\n",
    "\n\nShare this article\n\n",
    "\n\n“We will not wait,” said Dana Whitfield, the harbour master.\n\n",
    "\n\nThe council, which met on Monday, said in a statement.\n\n",
    "READ MORE: Bridge closures ahead\n",
    "😀",
    "好",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Insert `PIECES[piece]` at the char boundary nearest `at` (a fraction).
    Insert { at: f64, piece: usize },
    /// Delete from `at` for `len` bytes (rounded to char boundaries).
    Delete { at: f64, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0f64, 0..PIECES.len()).prop_map(|(at, piece)| Edit::Insert { at, piece }),
        (0.0..1.0f64, 0..400usize).prop_map(|(at, len)| Edit::Delete { at, len }),
    ]
}

fn boundary_at(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert { at, piece } => {
            let at = boundary_at(text, (at * text.len() as f64) as usize);
            text.insert_str(at, PIECES[piece]);
        }
        Edit::Delete { at, len } => {
            let start = boundary_at(text, (at * text.len() as f64) as usize);
            let end = boundary_at(text, start + len);
            text.replace_range(start..end, "");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn reused_analyzer_matches_fresh_analysis(
        article in 0..ARTICLES.len(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let config = Config::default();
        let mut analyzer = Analyzer::default();
        let mut text = ARTICLES[article].to_string();
        prop_assert_eq!(analyzer.analyze(&text, &config), analyze(&text, &config));
        for edit in &edits {
            apply(&mut text, edit);
            prop_assert_eq!(analyzer.analyze(&text, &config), analyze(&text, &config));
        }
    }
}

/// Typing one character at a time through a paragraph, as the latency bench
/// does, and then deleting it again.
#[test]
fn typing_and_undoing_keeps_results_fresh() {
    let config = Config::default();
    let mut analyzer = Analyzer::default();
    let original = ARTICLES[0].to_string();
    let mut text = original.clone();
    let at = text.find("\n\n").map_or(0, |i| i + 2);
    let typed = "“Not yet,” she said. ";
    for (i, c) in typed.char_indices() {
        text.insert(at + i, c);
        assert_eq!(analyzer.analyze(&text, &config), analyze(&text, &config));
    }
    text = original;
    assert_eq!(analyzer.analyze(&text, &config), analyze(&text, &config));
}

/// Switching settings between two analyses takes effect on the next one.
#[test]
fn new_settings_apply_to_a_reused_analyzer() {
    let text = ARTICLES[0];
    let mut analyzer = Analyzer::default();
    let plain = Config::default();
    assert_eq!(analyzer.analyze(text, &plain), analyze(text, &plain));
    let custom = Config {
        extra_boilerplate: Config::compile_patterns(&["harbour"]).expect("valid pattern"),
        ..Config::default()
    };
    let reused = analyzer.analyze(text, &custom);
    assert_eq!(reused, analyze(text, &custom));
    assert_ne!(reused.boilerplate, analyze(text, &plain).boilerplate);
}

/// Every article of the shared corpus (real pages, with their furniture and
/// their quirks), edited the ways a writer edits: a paragraph cut, pasted
/// back, a word typed into the lead, a line break removed.
#[test]
fn corpus_articles_edited_keep_results_fresh() {
    let Some(readme) = common::shared_file("eval/README.md") else {
        return;
    };
    assert!(!readme.is_empty());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut articles: Vec<std::path::PathBuf> = std::fs::read_dir(&root)
        .expect("corpus directory")
        .flatten()
        .flat_map(|set| {
            std::fs::read_dir(set.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(!articles.is_empty(), "no articles under {}", root.display());
    let config = Config::default();
    for path in articles {
        let Ok(original) = std::fs::read_to_string(&path) else {
            continue;
        };
        let paragraphs: Vec<&str> = original.split("\n\n").collect();
        let middle = paragraphs.len() / 2;
        let cut = paragraphs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != middle)
            .map(|(_, p)| *p)
            .collect::<Vec<_>>()
            .join("\n\n");
        let lead = original.find(". ").map_or(0, |i| i + 2);
        let typed = format!("{}Meanwhile {}", &original[..lead], &original[lead..]);
        let joined = original.replacen("\n\n", " ", 3);
        let mut analyzer = Analyzer::default();
        for (step, version) in [&original, &cut, &original, &typed, &joined, &original]
            .into_iter()
            .enumerate()
        {
            assert!(
                analyzer.analyze(version, &config) == analyze(version, &config),
                "{}: step {step} differs from a fresh analysis",
                path.display()
            );
        }
    }
}
