use super::*;
use crate::analysis::{Analysis, Config, Severity, UNKNOWN_CODE, analyze_as};
use crate::line_index::{Encoding, LineIndex};

/// The prose view of `md`, checked against what it may hold: as long as
/// the source; the source's line breaks kept, more only for a table's `|`
/// and the space before one; every other byte the source's own, a blank,
/// or inside a character reference (`&...;`) the parser decoded.
fn view(md: &str) -> String {
    let v = prose_view(md).text;
    assert_eq!(v.len(), md.len(), "the view is as long as the source");
    let in_reference = |i: usize| {
        let start = md[..=i].rfind('&');
        let end = md[i..].find(';').map(|e| i + e);
        match (start, end) {
            (Some(s), Some(e)) => md[s + 1..e]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'#'),
            _ => false,
        }
    };
    for (i, (&shown, &source)) in v.as_bytes().iter().zip(md.as_bytes()).enumerate() {
        if source == b'\n' || source == b'\r' {
            assert_eq!(shown, source, "byte {i}: the source's line breaks stay");
        }
        assert!(
            shown == b' '
                || shown == source
                || (shown == b'\n' && (source == b'|' || source == b' '))
                || in_reference(i),
            "byte {i} of the view is the source's own, a blank, a table's line break \
             or a decoded reference"
        );
    }
    v
}

/// `md` analysed as Markdown with the default configuration.
fn analysed(md: &str) -> Analysis {
    analyze_as(md, Syntax::Markdown, &Config::default())
}

/// The span of the `nth` (0-based) occurrence of `needle` in `text`.
fn nth_span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map_or(usize::MAX, |(i, _)| i);
    assert_ne!(start, usize::MAX, "{needle:?} #{nth} in the fixture");
    Span::new(start, start + needle.len())
}

/// Every mention span of the entity named `name`.
fn mentions_of(analysis: &Analysis, name: &str) -> Vec<Span> {
    analysis
        .entities
        .iter()
        .filter(|e| e.name == name)
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect()
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
fn list_markers_stay_and_table_cells_become_paragraphs() {
    assert_eq!(
        view("- Jane Roe, mayor\n1. John Doe\n"),
        "- Jane Roe, mayor\n1. John Doe\n"
    );
    // every `|` of a body row, and the space before an inner or trailing
    // one, is a line break: a blank line after each cell
    assert_eq!(
        view("| Name | Role |\n|---|---|\n| Jane Roe | Mayor |\n"),
        "               \n         \n\n Jane Roe\n\n Mayor\n\n\n"
    );
    // without the spaces, the trailing and leading `|` still end a row; an
    // inner `|` touching a cell's text stays, parting the cells' words
    assert_eq!(
        view("|Name|Role|\n|-|-|\n|Jane Roe|Mayor|\nAna Ruiz | Chair\n"),
        "           \n     \n\nJane Roe|Mayor\n\nAna Ruiz\n\n Chair\n"
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

/// A table between two paragraphs: names in its cells, and each row's
/// cells capitalised like a Title Case line.
const TABLE: &str = "# Council votes on the ferry plan\n\n\
    The council voted on Tuesday to fund a second ferry route.\n\n\
    | Name | Role | Vote |\n\
    |---|---|---|\n\
    | John Doe | Mayor | Yes |\n\
    | Zoë Ng | Harbour Councillor | No |\n\
    | Ana Ruiz | Deputy Mayor | Yes |\n\n\
    The motion passed 2-1.\n";

#[test]
fn a_name_in_a_table_cell_is_found_with_its_exact_span() {
    for md in [TABLE.to_string(), TABLE.replace('\n', "\r\n")] {
        let analysis = analysed(&md);
        // each name is its cell's text exactly, not run on into "Mayor"
        // or lost to a row read as one Title Case line
        assert_eq!(
            mentions_of(&analysis, "John Doe"),
            [nth_span(&md, "John Doe", 0)]
        );
        assert_eq!(
            mentions_of(&analysis, "Zoë Ng"),
            [nth_span(&md, "Zoë Ng", 0)]
        );
        assert_eq!(
            mentions_of(&analysis, "Ana Ruiz"),
            [nth_span(&md, "Ana Ruiz", 0)]
        );
        // no entity's mention spans two cells or two rows
        for e in &analysis.entities {
            for m in &e.mentions {
                let written = m.span.text(&md);
                assert!(!written.contains(['|', '\n']), "{written:?} of {}", e.name);
            }
        }
        // a table is content: nothing in it is furniture or a fragment
        let table = nth_span(&md, "| Name", 0).start..nth_span(&md, "The motion", 0).start;
        let diagnostics = analysis.diagnostics(&md, &Config::default());
        assert!(
            diagnostics.iter().all(|d| !table.contains(&d.span.start)),
            "{diagnostics:?}"
        );
    }
    // positions: Zoë Ng on line 7 (0-based), after "| ": the same column
    // in UTF-8 and UTF-16 at its start, one unit apart at its end (ë)
    let zoe = nth_span(TABLE, "Zoë Ng", 0);
    let lines = LineIndex::new(TABLE);
    let at = |offset, enc| {
        let p = lines.position(TABLE, offset, enc);
        (p.line, p.col)
    };
    assert_eq!(at(zoe.start, Encoding::Utf8), (7, 2));
    assert_eq!(at(zoe.start, Encoding::Utf16), (7, 2));
    assert_eq!(at(zoe.end, Encoding::Utf8), (7, 9));
    assert_eq!(at(zoe.end, Encoding::Utf16), (7, 8));
}

#[test]
fn character_references_read_as_their_characters() {
    let md = "Harbour news\n\n&ldquo;It works,&rdquo; said Jane Roe.\n\n\
              &quot;We won,&quot; said Ana Ruiz of Smith &amp; Sons.\n";
    // the character at the edge it faces, the rest of the reference blank
    assert_eq!(words(md)[2], "“ It works, ” said Jane Roe.");
    assert_eq!(words(md)[4], "\" We won, \" said Ana Ruiz of Smith & Sons.");
    let analysis = analysed(md);
    let speech: Vec<(Span, Option<&str>)> = analysis
        .quotes
        .iter()
        .filter(|q| q.is_speech())
        .map(|q| (q.span, q.speaker.as_ref().map(|s| s.name.as_str())))
        .collect();
    // each quote's span is the source's, from the first byte of the
    // opening reference to the last of the closing one
    assert_eq!(
        speech,
        [
            (nth_span(md, "&ldquo;It works,&rdquo;", 0), Some("Jane Roe")),
            (nth_span(md, "&quot;We won,&quot;", 0), Some("Ana Ruiz")),
        ]
    );
    assert_eq!(
        mentions_of(&analysis, "Jane Roe"),
        [nth_span(md, "Jane Roe", 0)]
    );
    // UTF-16 columns count the reference as written: 23 units for
    // `&ldquo;It works,&rdquo;`, not the 11 of `“It works,”`
    let lines = LineIndex::new(md);
    let end = lines.position(md, speech[0].0.end, Encoding::Utf16);
    assert_eq!((end.line, end.col), (2, 23));
}

#[test]
fn a_reference_inside_a_word_or_a_blank_one_keeps_the_word() {
    // inside a word, the reference stays as written (its character and
    // blanks would cut the word in two); a no-break space is a blank
    assert_eq!(
        view("Don&rsquo;t go, caf&eacute; owner Jane&nbsp;Roe said.\n"),
        "Don&rsquo;t go, caf&eacute; owner Jane    \u{a0}Roe said.\n"
    );
    let md = "Harbour news\n\nThe caf&eacute; owner Jane&nbsp;Roe said it was over.\n";
    assert_eq!(
        mentions_of(&analysed(md), "Jane Roe"),
        [nth_span(md, "Jane&nbsp;Roe", 0)]
    );
}

#[test]
fn an_unknown_code_in_a_suppression_comment_is_reported_on_the_code() {
    let md = "# Harbour news\n\n\
              <!-- copydesk-disable-next-line fragment/splice, boilerplate/share -->\n\
              Share this article\n\n\
              <!-- copydesk-disable -->\n\
              <!-- copydesk-enable boilerplat -->\n\
              The council voted.\n";
    let analysis = analysed(md);
    assert_eq!(
        analysis.unknown_codes,
        [
            nth_span(md, "fragment/splice", 0),
            nth_span(md, "boilerplat", 1)
        ]
    );
    let diagnostics = analysis.diagnostics(md, &Config::default());
    let reported: Vec<(Span, &str, Severity)> = diagnostics
        .iter()
        .map(|d| (d.span, d.code.as_str(), d.severity))
        .collect();
    // the known code on the same comment still switches Share off, and
    // the `disable` of every code hides neither report
    assert_eq!(
        reported,
        [
            (
                nth_span(md, "fragment/splice", 0),
                UNKNOWN_CODE,
                Severity::Warning
            ),
            (
                nth_span(md, "boilerplat", 1),
                UNKNOWN_CODE,
                Severity::Warning
            ),
        ]
    );
    assert_eq!(
        diagnostics[0].message,
        "This comment switches nothing off: unknown code `fragment/splice`; \
         did you mean `fragment/spliced`?"
    );
    let fix = diagnostics[0].fix.as_ref().map(|f| f.edits.clone());
    assert_eq!(
        fix,
        Some(vec![(
            nth_span(md, "fragment/splice", 0),
            "fragment/spliced".to_string()
        )])
    );
    // switched off by the configuration, as any code
    let quiet = Config {
        disabled_codes: vec![UNKNOWN_CODE.to_string()],
        ..Config::default()
    };
    assert!(analysis.diagnostics(md, &quiet).is_empty());
}

#[test]
fn a_mistyped_code_switches_nothing_off_and_a_right_one_does() {
    let share = "# Harbour news\n\n<!-- copydesk-disable-next-line CODE -->\nShare this article\n";
    let codes_of = |code: &str| -> Vec<String> {
        let md = share.replace("CODE", code);
        analysed(&md)
            .diagnostics(&md, &Config::default())
            .into_iter()
            .map(|d| d.code)
            .collect()
    };
    assert_eq!(codes_of("boilerplate/share"), Vec::<String>::new());
    assert_eq!(codes_of("boilerplate"), Vec::<String>::new());
    assert_eq!(
        codes_of("boilerplate/shar"),
        [UNKNOWN_CODE, "boilerplate/share"]
    );
    // an unknown code alone is not "every code"
    assert_eq!(codes_of("zzz"), [UNKNOWN_CODE, "boilerplate/share"]);
}

#[test]
fn a_comment_of_many_or_huge_words_reports_a_few_and_suggests_nothing_far() {
    let many = format!(
        "# Harbour news\n\n<!-- copydesk-disable-next-line {} -->\nThe council voted.\n",
        "xyz ".repeat(50)
    );
    assert_eq!(
        analysed(&many).unknown_codes.len(),
        suppressions::MAX_UNKNOWN_PER_COMMENT
    );
    let huge = format!(
        "# Harbour news\n\n<!-- copydesk-disable-next-line fragment/{} -->\nThe council voted.\n",
        "s".repeat(100_000)
    );
    let analysis = analysed(&huge);
    let diagnostics = analysis.diagnostics(&huge, &Config::default());
    let unknown: Vec<&crate::analysis::Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == UNKNOWN_CODE)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].fix.is_none(), "no code is near a 100 KB word");
    assert_eq!(unknown[0].span.len(), "fragment/".len() + 100_000);
}

#[test]
fn a_decoded_apostrophe_keeps_to_its_word() {
    // after a possessive plural, and before the decade it elides
    assert_eq!(
        view("The players&rsquo; union met in the &rsquo;90s.\n"),
        "The players’     union met in the     ’90s.\n"
    );
}
