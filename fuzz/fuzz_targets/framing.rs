//! The server's stdin guard on arbitrary byte streams: reading ends, never
//! panics, yields no body over the limit and no more body bytes than came
//! in, and `check_body` answers every body it yields.
#![no_main]

use copydesk::lsp::framing::{Frame, FrameReader, check_body};
use libfuzzer_sys::fuzz_target;

/// A small limit, so the fuzzer meets the "too large" path.
const LIMIT: usize = 1 << 10;

fuzz_target!(|bytes: &[u8]| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut reader = FrameReader::new(bytes, LIMIT);
        let mut body_bytes = 0;
        // each frame consumes at least one byte, so this many frames ends
        for _ in 0..=bytes.len() {
            match reader.next().await {
                Ok(Some(Frame::Body(body))) => {
                    assert!(body.len() <= LIMIT, "a body over the limit");
                    body_bytes += body.len();
                    assert!(body_bytes <= bytes.len(), "more body than input");
                    let _ = check_body(&body);
                }
                Ok(Some(Frame::BadHeader(_))) => {}
                Ok(None) | Err(_) => return,
            }
        }
        panic!("the reader did not reach the end of a finite stream");
    });
});
