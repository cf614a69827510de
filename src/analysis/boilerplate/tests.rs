//! Tests of the whole pass: each kind found in a short article of our own,
//! article parts left alone, and a reused driver agreeing with a fresh one.

use super::BoilerplateKind::*;
use super::*;
use crate::analysis::driver::Driver;
use crate::analysis::segment::segment;

fn kinds(text: &str) -> Vec<(usize, BoilerplateKind)> {
    let seg = segment(text);
    detect(text, &seg, &Config::default())
        .into_iter()
        .map(|b| (seg.line_of(b.span.start), b.kind))
        .collect()
}

/// A short article of our own: a headline and five body paragraphs.
const ARTICLE: &[&str] = &[
    "Riverton council approves transit budget after long debate",
    "Riverton city council approved a $42-million transit budget on Tuesday night after a debate that ran past midnight.",
    "\u{201c}We cannot keep asking riders to wait,\u{201d} Mayor Ana Ruiz told councillors before the vote.",
    "The plan adds three bus routes, extends service hours on weekends and replaces 20 of the oldest buses in the fleet.",
    "Coun. Dev Patel voted against it, saying the city should first fix the roads that the buses use.",
    "The transit authority expects the new routes to start running in the spring.",
];

/// The article with `line` inserted as paragraph number `at`.
fn article_with(line: &str, at: usize) -> String {
    let mut paras: Vec<&str> = ARTICLE.to_vec();
    paras.insert(at, line);
    paras.join("\n\n")
}

/// The article with `lines` inserted as paragraphs 3, 4, ...: a run inside
/// the body.
fn article_with_run(lines: &[&str]) -> String {
    let mut paras: Vec<&str> = ARTICLE.to_vec();
    for (k, line) in lines.iter().enumerate() {
        paras.insert(3 + k, line);
    }
    paras.join("\n\n")
}

/// Assert that `line`, inserted as paragraph `at`, alone is found, as `kind`.
fn assert_found(line: &str, at: usize, kind: BoilerplateKind) {
    assert_eq!(kinds(&article_with(line, at)), [(2 * at, kind)], "{line}");
}

#[test]
fn the_article_alone_has_no_boilerplate() {
    assert_eq!(kinds(&ARTICLE.join("\n\n")), []);
}

#[test]
fn ad_markers() {
    assert_found("Advertising", 3, Ad);
    assert_found("Story continues after this ad", 2, Ad);
}

#[test]
fn share_bars() {
    assert_found("Share on WhatsApp Share on LinkedIn", 1, Share);
    assert_found("Email this story", 6, Share);
}

#[test]
fn newsletter_prompts() {
    assert_found(
        "Never miss a story: get our morning briefing in your inbox",
        4,
        Newsletter,
    );
    assert_found("Subscribe for unlimited access", 6, Newsletter);
}

#[test]
fn related_links_by_label() {
    assert_found(
        "MORE COVERAGE: Flood warnings lifted for the valley",
        3,
        Related,
    );
    assert_found("Previously: Bus fares frozen for a third year", 5, Related);
    assert_found(
        "Read the rest of the story at The Harbour Herald.",
        6,
        Related,
    );
    assert_eq!(
        kinds(&article_with(
            "The mayor read the rest of the report aloud on Monday.",
            3
        )),
        []
    );
}

#[test]
fn teaser_headline_unrelated_to_the_story() {
    assert_found("Local Chef Wins Regional Baking Contest", 3, Teaser);
    assert_found("Orchard growers count losses after hailstorm", 6, Teaser);
}

#[test]
fn photo_captions_and_credits() {
    assert_found(
        "Commuters board a bus downtown on Monday. (Lena Ortiz/Riverton Herald)",
        2,
        Photo,
    );
    assert_found("Lena Ortiz / Riverton Herald", 2, Photo);
    assert_found("Photograph: Lena Ortiz", 4, Photo);
}

#[test]
fn comment_prompts() {
    assert_found("Read 12 comments", 6, Comments);
    assert_found("Share your thoughts in the comments", 6, Comments);
}

#[test]
fn cookie_notices() {
    assert_found(
        "By using this site you accept our cookie policy.",
        1,
        Cookie,
    );
}

#[test]
fn app_prompts() {
    assert_found("Install the Riverton Herald app for breaking news", 4, App);
}

#[test]
fn footers() {
    assert_found("\u{a9} 2025 Riverton Herald Media Group", 6, Footer);
    assert_found("Privacy | Terms | Contact us", 6, Footer);
}

#[test]
fn update_stamps() {
    assert_found("Posted: Oct. 3, 2025 at 6:05 a.m. PT", 1, Updated);
    assert_found("This article was updated to add a map.", 1, Updated);
    assert_found("Last modified: Friday 10.45 BST", 6, Updated);
}

#[test]
fn a_time_of_day_alone_heads_a_live_blog_entry() {
    for time in ["6:05 a.m.", "9:15 p.m. ET", "14:30"] {
        assert_eq!(kinds(&article_with(time, 3)), [], "{time}");
    }
    // a date is the page's stamp
    assert_found("Oct. 3, 2025", 1, Updated);
    assert_found("Oct. 3, 2025 6:05 a.m.", 1, Updated);
}

#[test]
fn a_quotation_then_a_name_and_role_is_an_attributed_pull_quote() {
    assert_found(
        "We cannot keep asking riders to wait for buses. Ana Ruiz, mayor",
        4,
        PullQuote,
    );
    // a number after the name is a result, not a role
    assert_eq!(
        kinds(&article_with(
            "Men's single: 1. Aron Vesk, Northgate, 7:41.2; 2. Paul Imre, Westfield, 7:44.9",
            3
        ))
        .iter()
        .filter(|(_, kind)| *kind == PullQuote)
        .count(),
        0
    );
}

#[test]
fn update_words_in_prose_are_not_stamps() {
    let text = article_with("Updated figures released on Friday showed 3 new routes.", 3);
    assert_eq!(kinds(&text), []);
}

#[test]
fn follow_prompts() {
    assert_found("Follow the Herald on Instagram", 6, Follow);
}

#[test]
fn tag_lists() {
    assert_found("Filed under: Transit, City Hall", 6, Tags);
}

#[test]
fn navigation() {
    assert_found("News \u{203a} Local \u{203a} Transit", 1, Nav);
    assert_found("Jump to comments section", 1, Comments);
}

#[test]
fn video_leftovers() {
    assert_found("Video above: Riders react to the new routes", 3, Video);
    assert_found("Riders lined up at dawn for the first bus. 2:14", 3, Video);
    assert_found("Sorry, this video is unavailable in your region.", 3, Video);
    // a story about a video is not the player's error
    assert_eq!(
        kinds(&article_with(
            "The council said the video was unavailable to the public until Monday.",
            3
        )),
        []
    );
}

#[test]
fn tools_bars() {
    assert_found("Text size: A- A+", 1, Tools);
    assert_found("Print story", 1, Tools);
}

#[test]
fn pull_quote_repeats_a_quotation() {
    assert_found("We cannot keep asking riders to wait", 4, PullQuote);
    assert_found(
        "The buses are older than the drivers. Lin Osei, union steward",
        4,
        PullQuote,
    );
}

#[test]
fn social_embed() {
    assert_found(
        "Routes approved! pic.twitter.com/abc123 \u{2014} Riverton Herald (@rivertonherald) October 3, 2025",
        3,
        SocialEmbed,
    );
}

#[test]
fn contact_lines() {
    assert_found(
        "Email: newsroom@example.com | Twitter: @rivertonherald",
        6,
        Contact,
    );
}

#[test]
fn article_parts_are_not_boilerplate() {
    let text = [
        ARTICLE[0],
        "By Jane Doe",
        "Jane Doe, The Riverton Herald",
        "RIVERTON, Ont. \u{2014} Riverton city council approved a transit budget on Tuesday night after a long debate.",
        "Why?",
        "He declined.",
        "\u{201c}Not today,\u{201d} she said.",
        "Weekend Service Hours Extended",
        ARTICLE[3],
        "\u{2022} Three new bus routes",
        "Editor's note: An earlier version of this story misstated the budget.",
        ARTICLE[4],
        "\u{2018}We cannot keep asking riders to wait\u{2019}",
        ARTICLE[2],
        "With files from The Canadian Press",
    ]
    .join("\n\n");
    assert_eq!(kinds(&text), []);
}

#[test]
fn a_story_with_subheads_keeps_a_loosely_related_one() {
    // Two subheads about the story make the third, which shares only
    // one of its content words with the story, a subhead too.
    let subheads = [
        "Council Debates Transit Budget",
        "Riders Wait For Buses",
        "Bakery Owners Expand Delivery Fleet",
    ];
    let mut paras: Vec<&str> = ARTICLE.to_vec();
    paras.insert(2, subheads[0]);
    paras.insert(4, subheads[1]);
    paras.insert(6, subheads[2]);
    assert_eq!(kinds(&paras.join("\n\n")), []);
    // Without the other two, the loosely related line reads as a teaser.
    let mut paras: Vec<&str> = ARTICLE.to_vec();
    paras.insert(4, subheads[2]);
    assert_eq!(kinds(&paras.join("\n\n")), [(8, Teaser)]);
}

#[test]
fn the_headline_is_never_a_teaser() {
    let text = "Orchard growers count losses after hailstorm\n\nThe council met on Monday and voted for the plan.";
    assert_eq!(kinds(text), []);
}

#[test]
fn furniture_before_the_headline_is_found() {
    let text = format!("Share\n\n{}", ARTICLE.join("\n\n"));
    assert_eq!(kinds(&text), [(0, Share)]);
}

#[test]
fn user_patterns_win() {
    let text = article_with("Brought to you by Acme", 2);
    let seg = segment(&text);
    let config = Config {
        extra_boilerplate: Config::compile_patterns(&["brought to you by"]).unwrap(),
        ..Config::default()
    };
    let found: Vec<_> = detect(&text, &seg, &config)
        .into_iter()
        .map(|b| (seg.line_of(b.span.start), b.kind))
        .collect();
    assert_eq!(found, [(4, Custom)]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any text, however odd (emoji, CJK, stray brackets, slashes and
    /// colons), is classified without a panic, and every span lies on
    /// character boundaries inside the text.
    #[test]
    fn never_panics_and_spans_stay_on_char_boundaries(
        text in "([A-Za-z@/:|()»“”.…?!,\\-]|\\PC| |\n|\u{1f600}|\u{6771}|Share|Photo){0,80}"
    ) {
        let seg = segment(&text);
        for b in detect(&text, &seg, &Config::default()) {
            proptest::prop_assert!(text.is_char_boundary(b.span.start));
            proptest::prop_assert!(text.is_char_boundary(b.span.end));
            proptest::prop_assert!(b.removal.covers(b.span));
            proptest::prop_assert!(b.removal.end <= text.len());
        }
    }
}

/// Detect with `driver` and check the result against a fresh detection.
fn detect_reusing(
    driver: &mut Driver,
    text: &str,
    config: &Config,
) -> Vec<(usize, BoilerplateKind)> {
    let model = driver.model(text);
    let seg = model.segmentation.clone();
    let found = detect_with(driver, text, &model, config);
    driver.finish();
    assert_eq!(found, detect(text, &seg, config), "{text}");
    found
        .into_iter()
        .map(|b| (seg.line_of(b.span.start), b.kind))
        .collect()
}

#[test]
fn editing_one_paragraph_changes_the_verdict_on_another() {
    let mut driver = Driver::default();
    let pull = "We cannot keep asking riders to wait";
    // The pull quote repeats paragraph 2 ...
    assert_eq!(
        detect_reusing(&mut driver, &article_with(pull, 4), &Config::default()),
        [(8, PullQuote)]
    );
    // ... until that paragraph is reworded: the pull quote's own text
    // is unchanged, its verdict is not.
    let reworded = article_with(pull, 4).replace("to wait,\u{201d}", "to queue,\u{201d}");
    assert_ne!(reworded, article_with(pull, 4));
    assert_eq!(
        detect_reusing(&mut driver, &reworded, &Config::default()),
        []
    );
    // A paragraph inserted before it shifts every index.
    let shifted = format!("Share\n\n{}", article_with(pull, 4));
    assert_eq!(
        detect_reusing(&mut driver, &shifted, &Config::default()),
        [(0, Share), (10, PullQuote)]
    );
}

#[test]
fn a_cached_paragraph_still_yields_to_new_user_patterns() {
    let mut driver = Driver::default();
    let text = article_with("Brought to you by Acme", 2);
    assert_eq!(detect_reusing(&mut driver, &text, &Config::default()), []);
    let config = Config {
        extra_boilerplate: Config::compile_patterns(&["brought to you by"]).unwrap(),
        ..Config::default()
    };
    assert_eq!(detect_reusing(&mut driver, &text, &config), [(4, Custom)]);
    assert_eq!(detect_reusing(&mut driver, &text, &Config::default()), []);
}

#[test]
fn copies_of_a_paragraph_keep_their_own_verdicts() {
    // Identical paragraphs share one kept summary; each copy still
    // gets the verdict of its own position.
    let mut driver = Driver::default();
    let pull = "We cannot keep asking riders to wait";
    let mut paras: Vec<&str> = ARTICLE.to_vec();
    paras.insert(4, pull);
    paras.push(pull);
    let text = paras.join("\n\n");
    let first = detect_reusing(&mut driver, &text, &Config::default());
    assert_eq!(first, [(8, PullQuote), (14, PullQuote)]);
    let edited = text.replace("spring.", "summer.");
    assert_eq!(
        detect_reusing(&mut driver, &edited, &Config::default()),
        first
    );
}

#[test]
fn removal_takes_the_line_break() {
    let text = "Head\n\nShare\n\nBody.";
    let seg = segment(text);
    let found = detect(text, &seg, &Config::default());
    assert_eq!(found[0].removal.text(text), "Share\n");
}

#[test]
fn removal_of_the_last_line_takes_the_break_before() {
    let text = "Head line of story\n\nBody of the story.\n\nAdvertisement";
    let seg = segment(text);
    let found = detect(text, &seg, &Config::default());
    assert_eq!(found[0].removal.text(text), "\nAdvertisement");
}

#[test]
fn a_run_of_short_lines_inside_the_body_is_a_list_not_teasers() {
    // the winners of an awards story: headline-shaped, about other things
    // than the story's words, but three in a row
    let winners = [
        "Best bakery window: Crumb and Co in Westfield",
        "Best delivery cyclist: Omar Brenn of Northgate",
        "Rookie driver of the season: Lena Quist",
    ];
    assert_eq!(kinds(&article_with_run(&winners)), []);
    // one such line alone still reads as the headline of another story
    assert_found(winners[0], 3, Teaser);
    // the results of a race, names and times in a row
    assert_eq!(
        kinds(&article_with_run(&[
            "Men's single: 1. Aron Vesk, Northgate, 7:41.2; 2. Paul Imre, Westfield, 7:44.9",
            "Women's single: 1. Maja Sorel, Northgate, 8:19.6; 2. Kira Old, Riverton, 8:25.3",
            "Mixed double: 1. Lena Quist, Riverton, 7:02.0; 2. Omar Brenn, Eastford, 7:09.5",
        ])),
        []
    );
}

#[test]
fn a_short_line_of_ui_words_after_the_story_is_furniture() {
    let end = ARTICLE.len();
    assert_found("Most read", end, Related);
    assert_found("Gift this article", end, Nav);
    // inside the story the same shape is a subhead
    assert_eq!(kinds(&article_with("What comes next", 3)), []);
    assert_eq!(kinds(&article_with("Most read", 3)), []);
    assert_eq!(kinds(&article_with("The road ahead", 3)), []);
    assert_eq!(kinds(&article_with("Where the money goes", 3)), []);
    assert_eq!(kinds(&article_with("Reading the results", 3)), []);
}

#[test]
fn an_image_source_line_is_a_photo_credit() {
    assert_found("Image source, Eastford Harbour Authority", 2, Photo);
    assert_found("Photo credits: Lena Quist", 4, Photo);
    // a caption by its label, however long
    assert_found(
        "Image caption, Buses lined up on Mill Lane during the transit strike last spring",
        2,
        Photo,
    );
    assert_found("Caption: Riders wait at the new terminal", 4, Photo);
    // the word in prose is no label
    assert_eq!(
        kinds(&article_with(
            "The caption under the photo named the wrong councillor.",
            4
        )),
        []
    );
}

#[test]
fn a_running_time_alone_is_a_video_leftover() {
    for time in ["0:45", "(2:31)", "Duration 1:05:12"] {
        assert_found(time, 6, Video);
    }
    // inside the body only a time under an hour: "14:30" may head a live
    // blog's entry (see a_time_of_day_alone_heads_a_live_blog_entry)
    assert_found("0:45", 3, Video);
    assert_eq!(kinds(&article_with("14:30", 3)), []);
    // a time of day is no running time
    assert_eq!(kinds(&article_with("6:05 a.m.", 6)), []);
}

#[test]
fn a_consent_notice_may_quote_its_button() {
    assert_found(
        "We use cookies to make this site work and to understand how you use it. \
         By clicking \u{201c}Accept\u{201d}, you agree to our use of cookies.",
        6,
        Cookie,
    );
    // the terms a sign-up form asks the reader to accept
    assert_found(
        "By signing up you agree to our Terms and Privacy Policy.",
        6,
        Newsletter,
    );
    // a longer quotation is somebody's words, not a button
    assert_eq!(
        kinds(&article_with(
            "\u{201c}We use cookies to bake for the fundraiser,\u{201d} said Ana Ruiz.",
            4
        )),
        []
    );
}

#[test]
fn the_lines_under_a_label_of_related_links_are_those_links() {
    let mut text = ARTICLE.join("\n\n");
    text.push_str(
        "\n\nMore from Riverton\n\nHow to read the new bus map\n\nFive ways to beat the morning rush",
    );
    assert_eq!(kinds(&text), [(12, Related), (14, Related), (16, Related)]);
    // a sentence after the label is the story again
    let mut text = ARTICLE.join("\n\n");
    text.push_str("\n\nRelated:\n\nThe authority will publish the new timetable in March.");
    assert_eq!(kinds(&text), [(12, Related)]);
}

#[test]
fn a_scoreline_before_the_story_is_its_content() {
    assert_eq!(
        kinds(&article_with("Riverton Rovers 2, Castlegate United 1", 1)),
        []
    );
    assert_eq!(
        kinds(&article_with("Ana Ruiz 7:41.2; Dev Patel 7:43.0", 1)),
        []
    );
}

#[test]
fn every_kind_reads_back_from_its_code() {
    for &kind in BoilerplateKind::ALL {
        assert_eq!(BoilerplateKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(BoilerplateKind::from_code("boilerplate/nope"), None);
}

fn messages(text: &str) -> Vec<(usize, String, String)> {
    let seg = segment(text);
    detect(text, &seg, &Config::default())
        .into_iter()
        .map(|b| {
            let d = b.to_diagnostic(text);
            (seg.line_of(b.span.start), d.code, d.message)
        })
        .collect()
}

#[test]
fn the_score_finds_furniture_no_rule_words() {
    // None of these wordings is in a rule; their shape and place give them away.
    for (line, at, code, evidence) in [
        (
            "Swipe for more photos",
            3,
            "boilerplate/photo",
            "an imperative",
        ),
        ("Report an ad", 3, "boilerplate/ad", "a few interface words"),
        (
            "This page was last revised on Monday.",
            6,
            "boilerplate/furniture",
            "a sentence whose subject is the page",
        ),
    ] {
        let found = messages(&article_with(line, at));
        assert_eq!(found.len(), 1, "{line}: {found:?}");
        let (at_line, found_code, message) = &found[0];
        assert_eq!((*at_line, found_code.as_str()), (2 * at, code), "{line}");
        assert!(
            message.contains("(by the weight of its evidence: ") && message.contains(evidence),
            "{line}: {message}"
        );
    }
}

#[test]
fn a_rule_verdict_says_it_was_the_wording() {
    let found = messages(&article_with("Advertisement", 3));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].2,
        "Looks like an advertisement marker, not article text (by its wording)"
    );
}

#[test]
fn the_score_leaves_lines_that_introduce_lists_and_credits() {
    for (line, at) in [
        ("Here are three reasons the plan passed:", 3),
        ("Dev Patel", 3),
        ("Translated by Karim Lee.", 6),
        ("Contributing: Nora Bell.", 6),
    ] {
        assert_eq!(kinds(&article_with(line, at)), [], "{line}");
    }
}
