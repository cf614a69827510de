use super::*;

/// Each region as (its span's text, its inner text, closed, nested).
fn regions(s: &str) -> Vec<(&str, &str, bool, bool)> {
    scan(s)
        .regions
        .iter()
        .map(|r| (r.span.text(s), r.inner.text(s), r.closed, r.nested))
        .collect()
}

fn marks(s: &str) -> Vec<(&str, MarkKind, Facing)> {
    scan(s)
        .marks
        .iter()
        .map(|m| (m.span.text(s), m.kind, m.facing))
        .collect()
}

/// (unclosed, stray closes, open at end) as the marks' byte offsets.
fn unbalanced(s: &str) -> (Vec<usize>, Vec<usize>, Option<usize>) {
    let q = scan(s);
    let at = |i: usize| q.marks[i].span.start;
    (
        q.unclosed.iter().map(|&i| at(i)).collect(),
        q.stray_closes.iter().map(|&i| at(i)).collect(),
        q.open_at_end.map(at),
    )
}

#[test]
fn curly_quotes_pair_with_exact_spans() {
    let s = "“We won,” she said. “Again.”";
    let q = scan(s);
    assert_eq!(q.regions[0].span, Span::new(0, 13));
    assert_eq!(q.regions[0].inner, Span::new(3, 10));
    assert_eq!(
        regions(s),
        [
            ("“We won,”", "We won,", true, false),
            ("“Again.”", "Again.", true, false)
        ]
    );
    assert_eq!((q.regions[1].open, q.regions[1].close), (2, Some(3)));
    assert_eq!(unbalanced(s), (vec![], vec![], None));
}

#[test]
fn straight_quotes_face_by_their_neighbours() {
    let s = "He called it \"fake,\" and left. \"No.\"";
    assert_eq!(
        regions(s),
        [
            ("\"fake,\"", "fake,", true, false),
            ("\"No.\"", "No.", true, false)
        ]
    );
    assert!(scan(s).marks.iter().all(|m| m.straight));
}

#[test]
fn misdrawn_curly_marks_still_pair() {
    assert_eq!(
        regions("his riffs (”A is B”) and"),
        [("”A is B”", "A is B", true, false)]
    );
    assert_eq!(
        regions("Sie sagte „Nein“, dann ging sie."),
        [("„Nein“", "Nein", true, false)]
    );
    assert_eq!(
        regions("‘’It is so.” Then"),
        [("‘’It is so.”", "It is so.", true, false)]
    );
}

#[test]
fn guillemets_pair_both_ways() {
    let s = "Il a dit « non merci » hier, puis «oui».";
    assert_eq!(
        regions(s),
        [
            ("« non merci »", "non merci", true, false),
            ("«oui»", "oui", true, false)
        ]
    );
    assert_eq!(
        regions("Er rief »Halt!« und lief."),
        [("»Halt!«", "Halt!", true, false)]
    );
    let french = "Elle a dit «\u{a0}peut-être\u{a0}» ce soir.";
    assert_eq!(regions(french).len(), 1);
    assert_eq!(regions(french)[0].1, "peut-être");
}

#[test]
fn breadcrumb_arrows_are_not_marks() {
    for s in [
        "Home » Politics » Europe",
        "Next »",
        "« Back",
        "» More news",
    ] {
        let q = scan(s);
        assert!(q.marks.is_empty(), "{s}");
        assert_eq!(unbalanced(s), (vec![], vec![], None), "{s}");
    }
    // An arrow beside a real quote leaves the quote alone.
    let s = "News » “We won,” she said.";
    assert_eq!(regions(s), [("“We won,”", "We won,", true, false)]);
    assert_eq!(scan(s).marks.len(), 2);
}

#[test]
fn lone_unspaced_guillemets_are_unbalanced() {
    assert_eq!(
        unbalanced("Il a dit «non et partit."),
        (vec![], vec![], Some(9))
    );
    assert_eq!(
        unbalanced("Il a dit non» et partit."),
        (vec![], vec![12], None)
    );
}

#[test]
fn apostrophes_are_not_marks() {
    for s in [
        "It’s the ’90s at O’Brien’s and don’t ask.",
        "The Joneses’ dog and Jones’ house.",
        "Rock ’n’ roll, 'til dawn, give 'em theirs'.",
        "The 6'2\" guard and the 6’4” centre.",
    ] {
        assert!(scan(s).marks.is_empty(), "{s}");
        assert_eq!(unbalanced(s), (vec![], vec![], None), "{s}");
    }
    let s = "It’s Jones’ ’90s rock ’n’ roll";
    for needle in ["’s", "’ ’9", "’90", "’n", "’ r"] {
        let i = s.find(needle).unwrap();
        assert!(is_apostrophe_at(s, i), "{needle}");
    }
    assert!(!is_apostrophe_at(s, 0));
    assert!(!is_apostrophe_at(s, 1)); // not a char boundary
    assert!(!is_apostrophe_at("‘Plot’ here", 0));
}

#[test]
fn single_quotes_pair_where_they_cannot_be_apostrophes() {
    assert_eq!(
        regions("A ‘Foreign Plot’ In The Vote"),
        [("‘Foreign Plot’", "Foreign Plot", true, false)]
    );
    assert_eq!(
        regions("Cancer as 'litmus test' again"),
        [("'litmus test'", "litmus test", true, false)]
    );
    assert_eq!(
        marks("‘Foreign Plot’"),
        [
            ("‘", MarkKind::Single, Facing::Open),
            ("’", MarkKind::Single, Facing::Close)
        ]
    );
}

#[test]
fn nested_quotes() {
    let s = "“He told me ‘never’ again,” she said.";
    assert_eq!(
        regions(s),
        [
            (
                "“He told me ‘never’ again,”",
                "He told me ‘never’ again,",
                true,
                false
            ),
            ("‘never’", "never", true, true)
        ]
    );
    let s = "‘She said “no” twice,’ he said.";
    assert_eq!(
        regions(s),
        [
            (
                "‘She said “no” twice,’",
                "She said “no” twice,",
                true,
                false
            ),
            ("“no”", "no", true, true)
        ]
    );
    // A single opener left open inside a quote does not pair outside it.
    let s = "“It is ‘odd,” he said, and left’ now.";
    assert_eq!(regions(s), [("“It is ‘odd,”", "It is ‘odd,", true, false)]);
}

#[test]
fn an_opening_mark_inside_an_open_quote_leaves_the_first_unclosed() {
    let s = "“We lost, he said, “and we know why.”";
    assert_eq!(
        regions(s),
        [
            ("“We lost, he said,", "We lost, he said,", false, false),
            ("“and we know why.”", "and we know why.", true, false)
        ]
    );
    assert_eq!(unbalanced(s), (vec![0], vec![], None));
    let q = scan(s);
    assert!(q.inside(s.find("lost").unwrap()));
    assert!(!q.inside(s.len() - 1) || q.regions[1].span.end == s.len());
}

#[test]
fn unclosed_at_end_and_stray_close() {
    let s = "She called it “a disaster for the city.";
    assert_eq!(
        regions(s),
        [(
            "“a disaster for the city.",
            "a disaster for the city.",
            false,
            false
        )]
    );
    assert_eq!(unbalanced(s), (vec![], vec![], Some(14)));
    let s = "They will keep going,” he said.";
    assert_eq!(unbalanced(s), (vec![], vec![21], None));
    assert!(regions(s).is_empty());
}

#[test]
fn run_on_paragraph_starts_with_an_open_mark() {
    let s = "  “But we will do it together.”";
    assert!(scan(s).starts_with_open);
    assert!(scan("“We will rebuild.").starts_with_open);
    assert!(!scan("We said “no.”").starts_with_open);
    assert!(!scan("‘Plot’ is a word").starts_with_open);
}

#[test]
fn emoji_and_cjk_before_marks_keep_char_boundaries() {
    let s = "Él dijo «hola» 🙂“👋 hi” 他说\"好\"";
    let spans: Vec<&str> = regions(s).iter().map(|r| r.0).collect();
    assert_eq!(spans, ["«hola»", "“👋 hi”", "\"好\""]);
    let q = scan(s);
    for m in &q.marks {
        assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
    }
}

#[test]
fn inside_knows_closed_open_and_unclosed_quotes() {
    let s = "A “b” c “d e “f” g";
    let q = scan(s);
    let at = |needle: &str| s.find(needle).unwrap();
    assert!(q.inside(at("b")));
    assert!(!q.inside(at("c")));
    assert!(q.inside(at("d")));
    assert!(q.inside(at("f")));
    assert!(!q.inside(at("g")));
}

fn work(s: &str) -> usize {
    crate::analysis::work::steps_of(|| scan(s))
}

#[test]
fn thousands_of_unclosed_marks_scan_in_linear_time() {
    let s = "“word ".repeat(200_000 / "“word ".len());
    let n = s.matches('“').count();
    let q = scan(&s);
    assert_eq!(q.marks.len(), n);
    assert_eq!(q.unclosed.len(), n - 1);
    assert_eq!(q.open_at_end, Some(n - 1));
    assert_eq!(q.regions.len(), n);
    // Per unit: two single-quoted pairs, a lone mark between spaces that is
    // nothing, and a doubled mark that opens and is never closed.
    let unit = "'a b' 'c ' d' ''x ";
    let n = 200_000 / unit.len();
    let q = scan(&unit.repeat(n));
    assert_eq!(q.marks.len(), 5 * n);
    assert_eq!(q.regions.len(), 3 * n);
    assert_eq!(q.regions.iter().filter(|r| r.nested).count(), 2 * (n - 1));
    assert_eq!(q.unclosed.len(), n - 1);
    assert!(q.stray_closes.is_empty());
    assert_eq!(q.open_at_end, Some(5 * n - 1));
    // Apostrophes only: no marks at all.
    let q = scan(&"rock ’n’ roll, it’s the ’90s, Jones’ ".repeat(5_000));
    assert!(q.marks.is_empty() && q.regions.is_empty());
}

#[test]
fn work_per_char_is_bounded() {
    for unit in ["“word ", "'a 'b ", "« x ", "‘a “b ‘c” d’ "] {
        let small = unit.repeat(2_000);
        let large = unit.repeat(4_000);
        let (w1, w2) = (work(&small), work(&large));
        assert!(w1 <= 3 * small.chars().count(), "{unit}: {w1}");
        assert!(w2 <= 2 * w1 + 16, "{unit}: {w1} then {w2}");
    }
}
