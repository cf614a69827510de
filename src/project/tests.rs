use super::*;

fn parse(text: &str) -> Result<ProjectFile, String> {
    ProjectFile::parse(Path::new("/news/.copydesk.toml"), text)
}

#[test]
fn tables_set_the_editor_keys_and_overrides_match_by_glob() {
    let file = parse(
        "maxDocumentBytes = 1000\n\n[diagnostics]\ndisabled = [\"fragment/spliced\"]\n\n\
         [boilerplate]\npatterns = [\"Click here\"]\n\n[[overrides]]\npaths = [\"archive/**\"]\n\
         diagnostics = { fragments = false }\n",
    )
    .expect("valid");
    let config_of = |path: &str| {
        let mut config = Config::default();
        for layer in file.layers_for(Path::new(path)) {
            layer.apply(&mut config).expect("checked");
        }
        config
    };
    let today = config_of("/news/today/a.txt");
    assert_eq!(today.max_document_bytes, 1000);
    assert_eq!(today.disabled_codes, vec!["fragment/spliced".to_string()]);
    assert_eq!(today.extra_boilerplate.len(), 1);
    assert!(today.fragments);
    let old = config_of("/news/archive/2019/b.md");
    assert!(!old.fragments, "the override applies under archive/");
    assert_eq!(old.disabled_codes, vec!["fragment/spliced".to_string()]);
}

#[test]
fn errors_name_the_file_and_line() {
    assert_eq!(
        parse("[diagnostics]\nboilerplate = true\ndisabeld = [\"x\"]\n")
            .err()
            .as_deref(),
        Some("/news/.copydesk.toml:3: unknown key `diagnostics.disabeld`")
    );
    assert_eq!(
        parse("[diagnostics]\n\ndisabled = [\"fragment/splice\"]\n")
            .err()
            .as_deref(),
        Some(
            "/news/.copydesk.toml:3: diagnostics.disabled: unknown code `fragment/splice`; \
             did you mean `fragment/spliced`?"
        )
    );
    let wrong_type = parse("[inlayHints]\nenabled = \"yes\"\n")
        .err()
        .unwrap_or_default();
    assert!(
        wrong_type.starts_with("/news/.copydesk.toml:2: "),
        "{wrong_type}"
    );
    let syntax = parse("[diagnostics\n").err().unwrap_or_default();
    assert!(syntax.starts_with("/news/.copydesk.toml:1: "), "{syntax}");
    assert_eq!(
        parse("x = 1\n\n[[overrides]]\npaths = [\"a/**\"]\n")
            .err()
            .as_deref(),
        Some("/news/.copydesk.toml:1: unknown key `x`")
    );
    assert_eq!(
        parse("[[overrides]]\ndiagnostics = { fragments = false }\n")
            .err()
            .as_deref(),
        Some("/news/.copydesk.toml:1: an [[overrides]] table needs `paths`")
    );
    assert!(
        parse("[boilerplate]\npatterns = [\"/(/\"]\n")
            .is_err_and(|e| e.starts_with("/news/.copydesk.toml:2: boilerplate.patterns: invalid"))
    );
}

#[test]
fn the_nearest_file_up_the_tree_is_found() {
    let root = std::env::temp_dir().join(format!("copydesk-project-{}", std::process::id()));
    let deep = root.join("desk/today");
    std::fs::create_dir_all(&deep).expect("dirs");
    std::fs::write(root.join(FILE_NAME), "").expect("outer file");
    assert_eq!(find(&deep.join("a.txt")), Some(root.join(FILE_NAME)));
    std::fs::write(root.join("desk").join(FILE_NAME), "").expect("inner file");
    assert_eq!(
        find(&deep.join("a.txt")),
        Some(root.join("desk").join(FILE_NAME))
    );
    assert_eq!(find(&deep), Some(root.join("desk").join(FILE_NAME)));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_server_keeps_the_valid_part_of_a_file_with_unknown_keys() {
    let (file, problems) = ProjectFile::parse_keeping_valid(
        Path::new("/news/.copydesk.toml"),
        "colour = \"red\"\n[diagnostics]\nfragments = false\n",
    );
    assert_eq!(
        problems,
        vec!["/news/.copydesk.toml:1: unknown key `colour`".to_string()]
    );
    let mut config = Config::default();
    file.expect("still used")
        .base
        .apply(&mut config)
        .expect("valid");
    assert!(!config.fragments);
    let (file, problems) =
        ProjectFile::parse_keeping_valid(Path::new("/n/.copydesk.toml"), "[diagnostics\n");
    assert!(file.is_none() && problems.len() == 1);
}

#[test]
fn an_overlay_keeps_what_the_upper_layer_leaves_unset() {
    let under = Layer {
        diagnostics: Some(DiagnosticsLayer {
            fragments: Some(false),
            disabled: Some(vec!["fragment".into()]),
            ..DiagnosticsLayer::default()
        }),
        max_document_bytes: Some(10),
        ..Layer::default()
    };
    let over = Layer {
        diagnostics: Some(DiagnosticsLayer {
            fragments: Some(true),
            ..DiagnosticsLayer::default()
        }),
        ..Layer::default()
    };
    let both = under.overlay(&over);
    let d = both.diagnostics.expect("diagnostics");
    assert_eq!(d.fragments, Some(true));
    assert_eq!(d.disabled, Some(vec!["fragment".to_string()]));
    assert_eq!(both.max_document_bytes, Some(10));
}

#[test]
fn an_error_names_the_line_of_the_very_code_key_or_pattern() {
    let error = |text: &str| parse(text).err().unwrap_or_default();
    // a bad code on the list's second line, after a patterns list
    assert_eq!(
        error(
            "[boilerplate]\npatterns = [\"Click here\"]\n\n[diagnostics]\ndisabled = [\n  \"fragment\",\n  \"fragment/splice\",\n]\n"
        ),
        "/news/.copydesk.toml:7: diagnostics.disabled: unknown code `fragment/splice`; \
         did you mean `fragment/spliced`?"
    );
    // inside an override's own sub-table
    assert_eq!(
        error(
            "[[overrides]]\npaths = [\"a/**\"]\n\n[overrides.diagnostics]\ndisabled = [\"boilerplate/shar\"]\n"
        ),
        "/news/.copydesk.toml:5: diagnostics.disabled: unknown code `boilerplate/shar`; \
         did you mean `boilerplate/share`?"
    );
    // an unknown key in an override's inline table, in the second override
    assert_eq!(
        error(
            "[[overrides]]\npaths = [\"a/**\"]\n\n[[overrides]]\npaths = [\"b/**\"]\ndiagnostics = { fragmnts = false }\n"
        ),
        "/news/.copydesk.toml:6: unknown key `overrides.1.diagnostics.fragmnts`"
    );
    // the bad pattern among good ones, and a bad glob
    assert!(
        error("[boilerplate]\npatterns = [\n  \"Share\",\n  \"/(/\",\n]\n")
            .starts_with("/news/.copydesk.toml:4: boilerplate.patterns: invalid")
    );
    assert!(
        error("[[overrides]]\npaths = [\n  \"a/**\",\n  \"b/[\",\n]\n")
            .starts_with("/news/.copydesk.toml:4: overrides: bad glob `b/[`")
    );
}
