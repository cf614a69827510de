//! Random edits of an article, analysed incrementally by one `Analyzer`
//! as the server does: every version's result equals a fresh analysis,
//! and the invariants hold. The fuzzer's bytes choose the edits: where,
//! and which piece (emoji, CJK, CRLF, combining marks, quotation marks,
//! names, furniture) to insert, or how much to delete.
#![no_main]

use copydesk::analysis::{Analyzer, Config, analyze};
use libfuzzer_sys::fuzz_target;

mod invariants;

const START: &str = "Harbour Council Approves Late Ferry\r\n\r\nAdvertisement\n\n\
“We will not wait,” said Dana Whitfield, the harbour master. She added that \
the crossings start in March.\n\nMs Whitfield’s office said in a statement.\n";

const PIECES: &[&str] = &[
    "x",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "’",
    "«",
    "»",
    ".",
    ",” she said.",
    " he added.",
    "Mr Okafor",
    "Advertisement\n\n",
    "😀",
    "好",
    "e\u{301}",
    "\u{200d}",
    "READ MORE: Bridge closures\n",
    "\t",
    "\u{0}",
];

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fuzz_target!(|ops: &[u8]| {
    let config = Config::default();
    let mut analyzer = Analyzer::default();
    let mut text = START.to_string();
    analyzer.analyze(&text, &config);
    for op in ops.chunks(3).take(64) {
        let (kind, at, arg) = (op[0], *op.get(1).unwrap_or(&0), *op.get(2).unwrap_or(&0));
        let at = boundary(&text, text.len() * usize::from(at) / 255);
        if kind % 3 == 0 {
            let end = boundary(&text, at + usize::from(arg));
            text.replace_range(at..end.max(at), "");
        } else {
            text.insert_str(at, PIECES[usize::from(arg) % PIECES.len()]);
        }
        let incremental = analyzer.analyze(&text, &config);
        invariants::check(&text, &incremental, &config);
        assert_eq!(
            incremental,
            analyze(&text, &config),
            "incremental differs from fresh"
        );
    }
});
