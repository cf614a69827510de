//! What every fuzz target checks of an analysis, beyond "no panic": each
//! span lies inside the text on char boundaries, and the lists that are in
//! document order are in order. (Listed in ARCHITECTURE.md.)

use copydesk::analysis::{Analysis, Config, Span};

fn valid(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

pub fn check(text: &str, analysis: &Analysis, config: &Config) {
    let seg = &analysis.segmentation;
    let mut last_end = 0;
    for p in &seg.paragraphs {
        valid(text, p.span, "paragraph");
        assert!(p.span.start >= last_end, "paragraphs overlap or go back");
        last_end = p.span.end;
        let mut sentence_end = p.span.start;
        for s in &p.sentences {
            valid(text, *s, "sentence");
            assert!(
                s.start >= sentence_end && s.end <= p.span.end,
                "sentence {s:?} out of its paragraph"
            );
            sentence_end = s.end;
        }
    }
    for b in &analysis.boilerplate {
        valid(text, b.span, "boilerplate");
        valid(text, b.removal, "boilerplate removal");
        assert!(b.removal.start <= b.span.start && b.span.end <= b.removal.end);
    }
    for f in &analysis.fragments {
        valid(text, f.span, "fragment");
        for r in &f.related {
            valid(text, r.span, "fragment related");
        }
        if let Some((at, _)) = &f.insertion {
            valid(text, Span::new(*at, *at), "fragment insertion");
        }
    }
    let mut quote_start = 0;
    for q in &analysis.quotes {
        valid(text, q.span, "quote");
        assert!(q.span.start >= quote_start, "quotes out of order");
        quote_start = q.span.start;
        for part in &q.parts {
            valid(text, *part, "quote part");
        }
    }
    for e in &analysis.entities {
        assert!(!e.name.is_empty(), "an entity without a name");
        for m in &e.mentions {
            valid(text, m.span, "mention");
        }
    }
    let diagnostics = analysis.diagnostics(text, config);
    for pair in diagnostics.windows(2) {
        assert!(
            pair[0].span.start <= pair[1].span.start,
            "diagnostics out of order"
        );
    }
    for d in &diagnostics {
        valid(text, d.span, "diagnostic");
        if let Some(fix) = &d.fix {
            for (span, _) in &fix.edits {
                valid(text, *span, "fix edit");
            }
        }
    }
}
