use super::*;

fn view(md: &str) -> String {
    let v = prose_view(md).text;
    assert_eq!(v.len(), md.len(), "the view is as long as the source");
    let breaks = |s: &str| {
        s.char_indices()
            .filter(|(_, c)| *c == '\n' || *c == '\r')
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    assert_eq!(breaks(&v), breaks(md), "line breaks stay where they are");
    for (i, (&shown, &source)) in v.as_bytes().iter().zip(md.as_bytes()).enumerate() {
        assert!(
            shown == b' ' || shown == source || (shown == b'-' && source == b'|'),
            "byte {i} of the view is the source's own, a blank or a row bullet"
        );
    }
    v
}

/// The view, line by line, each with its runs of blanks squeezed to one:
/// what the passes read, with positions checked by [`view`].
fn words(md: &str) -> Vec<String> {
    view(md)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn markup_is_blanked_and_prose_kept() {
    assert_eq!(
        view("# Mayor wins\n\n**Jane Roe** said it was *over*.\n"),
        "  Mayor wins\n\n  Jane Roe   said it was  over .\n"
    );
    assert_eq!(view("> “We won,” she said.\n"), "  “We won,” she said.\n");
}

#[test]
fn yaml_front_matter_leaves_only_its_title() {
    let md = "---\ntitle: \"Council votes\"\nauthor: Staff Reporter\n---\nThe council voted.\n";
    assert_eq!(
        view(md),
        "   \n        Council votes \n                      \n   \nThe council voted.\n"
    );
}

#[test]
fn toml_front_matter_and_a_block_scalar_title() {
    let md = "+++\ntitle = 'Vote'\ndate = 2026-01-02\n+++\nText.\n";
    assert_eq!(words(md), ["", "Vote", "", "", "Text."]);
    let folded = "---\ntitle: >\n  Long\n---\nText.\n";
    assert_eq!(words(folded), ["", "", "", "", "Text."]);
}

#[test]
fn a_dash_line_without_a_closing_one_is_not_front_matter() {
    // a thematic break, then a paragraph
    assert_eq!(
        view("---\nThe council voted.\n"),
        "   \nThe council voted.\n"
    );
}

#[test]
fn code_of_every_kind_is_not_prose() {
    let md = "Run `copydesk check`.\n\n```\n“quoted” in code\n```\n\n    indented “code”\n";
    assert_eq!(words(md), ["Run .", "", "", "", "", "", ""]);
}

#[test]
fn links_keep_their_text_and_lose_their_address() {
    assert_eq!(
        words("Read [the report](https://example.org/r \"PDF\") and <https://example.org>.\n"),
        ["Read the report and ."]
    );
    assert_eq!(
        view("![Photo: Jane Roe](a.jpg) Text.\n"),
        "                          Text.\n"
    );
}

#[test]
fn html_and_comments_are_not_prose() {
    assert_eq!(
        words("<div class=\"ad\">Advertisement</div>\n\nText <br> more.\n"),
        ["", "", "Text more."]
    );
    assert_eq!(view("<!-- a note -->\nText.\n"), "               \nText.\n");
}

#[test]
fn list_markers_stay_and_table_rows_become_list_items() {
    assert_eq!(
        view("- Jane Roe, mayor\n1. John Doe\n"),
        "- Jane Roe, mayor\n1. John Doe\n"
    );
    assert_eq!(
        view("| Name | Role |\n|---|---|\n| Jane Roe | Mayor |\n"),
        "               \n         \n- Jane Roe   Mayor  \n"
    );
    let md = "Text.\n\n| Name | Role |\n|---|---|\n| Jane Roe | Mayor |\n\nMore.\n";
    let v = prose_view(md);
    assert_eq!(v.tables.len(), 1);
    let in_table = |s: &str| in_one_of(&v.tables, md.find(s).unwrap_or(0));
    assert!(!in_table("Text"));
    assert!(in_table("Jane"));
    assert!(!in_table("More"));
}

#[test]
fn crlf_and_multibyte_text_are_kept_exactly() {
    assert_eq!(
        view("## Über “Zoë”\r\n\r\n*Café* owner said.\r\n"),
        "   Über “Zoë”\r\n\r\n Café  owner said.\r\n"
    );
}

#[test]
fn suppressions_cover_the_next_line_or_up_to_enable() {
    let md = "<!-- copydesk-disable-next-line boilerplate/share -->\nShare\n\n\
              <!-- copydesk-disable fragment, boilerplate -->\nA\n<!-- copydesk-enable -->\nB\n";
    let s = prose_view(md).suppressions;
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].region.text(md), "Share");
    assert_eq!(s[0].codes, vec!["boilerplate/share".to_string()]);
    assert!(s[0].covers("boilerplate/share", s[0].region.start));
    assert!(!s[0].covers("boilerplate/ad", s[0].region.start));
    assert_eq!(
        s[1].codes,
        vec!["fragment".to_string(), "boilerplate".to_string()]
    );
    assert_eq!(s[1].region.text(md).trim(), "A");
    assert!(s[1].covers("fragment/truncated", md.find("A\n").unwrap_or(0)));
    assert!(!s[1].covers("fragment/truncated", md.find("B\n").unwrap_or(0)));
}

#[test]
fn a_suppression_in_code_is_an_example_not_a_switch() {
    let md = "```\n<!-- copydesk-disable -->\n```\n\n`<!-- copydesk-disable -->`\nShare\n";
    assert!(prose_view(md).suppressions.is_empty());
}

#[test]
fn syntax_from_paths_and_language_ids() {
    use std::path::Path;
    assert_eq!(Syntax::of_path(Path::new("a/B.MD")), Syntax::Markdown);
    assert_eq!(Syntax::of_path(Path::new("a.markdown")), Syntax::Markdown);
    assert_eq!(Syntax::of_path(Path::new("a.txt")), Syntax::Plain);
    assert_eq!(Syntax::of_language_id("markdown"), Syntax::Markdown);
    assert_eq!(Syntax::of_language_id("plaintext"), Syntax::Plain);
}
