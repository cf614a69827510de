//! A guard in front of tower-lsp-server's transport.
//!
//! tower-lsp-server stops reading its input after the first message it
//! cannot decode, which would kill the session on one bad byte from a
//! client. So the server never sees stdin: this module reads the
//! `Content-Length` frames itself, checks that each body is a JSON-RPC 2.0
//! message the server can decode, and passes only those through a pipe.
//! A body that is not JSON gets a ParseError reply (-32700, id null); JSON
//! that is not a JSON-RPC message gets InvalidRequest (-32600). Broken or
//! oversized headers are reported, skipped, and reading resynchronises on
//! the next `Content-Length` header.
//!
//! To keep replies from interleaving with the server's own output, the
//! server also writes into a pipe; one writer task owns stdout and writes
//! whole frames from both sources.

use std::io;

use serde_json::Value;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};

/// Largest message body accepted.
pub const MAX_BODY: usize = 64 << 20;
/// Longest header line kept; longer lines keep only their tail (where a
/// `Content-Length` header glued to a broken body would be).
const MAX_HEADER_LINE: usize = 4 << 10;
const HEADER: &[u8] = b"Content-Length";

/// One unit read from a framed stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A complete body as declared by its header.
    Body(Vec<u8>),
    /// A header block that could not be used (already skipped).
    BadHeader(String),
}

/// Reads `Content-Length`-framed bodies from a byte stream.
#[derive(Debug)]
pub struct FrameReader<R> {
    inner: R,
    /// Largest body accepted; a larger one is reported and skipped.
    max_body: usize,
    /// After a bad header: skip lines until one holds a `Content-Length`.
    resync: bool,
}

impl<R: AsyncBufRead + Unpin> FrameReader<R> {
    pub fn new(inner: R, max_body: usize) -> Self {
        FrameReader {
            inner,
            max_body,
            resync: false,
        }
    }

    /// The next frame, or `None` at the end of the stream.
    pub async fn next(&mut self) -> io::Result<Option<Frame>> {
        let mut length: Option<usize> = None;
        let mut problem: Option<String> = None;
        let mut in_headers = false;
        loop {
            let Some(line) = self.read_line().await? else {
                return Ok(None);
            };
            if line.is_empty() {
                if in_headers {
                    break;
                }
                continue; // blank lines between messages are harmless
            }
            let header = match find(&line, HEADER) {
                Some(at) => &line[at..],
                None if self.resync && !looks_like_header(&line) => continue,
                None => &line[..],
            };
            self.resync = false;
            in_headers = true;
            if let Err(e) = parse_header(header, &mut length) {
                problem.get_or_insert(e);
            }
        }
        let verdict = match (problem, length) {
            (Some(problem), _) => Err(problem),
            (None, None) => Err("missing Content-Length header".to_string()),
            (None, Some(n)) if n > self.max_body => Err(format!(
                "message of {n} bytes is larger than the limit of {}",
                self.max_body
            )),
            (None, Some(n)) => Ok(n),
        };
        match verdict {
            Ok(n) => {
                let mut body = vec![0; n];
                match self.inner.read_exact(&mut body).await {
                    Ok(_) => Ok(Some(Frame::Body(body))),
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
                    Err(e) => Err(e),
                }
            }
            Err(problem) => {
                self.resync = true;
                Ok(Some(Frame::BadHeader(problem)))
            }
        }
    }

    /// One line without its `\r\n`, keeping at most its last
    /// [`MAX_HEADER_LINE`] bytes. `None` at the end of the stream.
    async fn read_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        loop {
            let buf = self.inner.fill_buf().await?;
            if buf.is_empty() {
                return Ok((!line.is_empty()).then_some(line));
            }
            let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], i + 1),
                None => (buf, buf.len()),
            };
            let found_end = done > chunk.len();
            line.extend_from_slice(chunk);
            if line.len() > 2 * MAX_HEADER_LINE {
                line.drain(..line.len() - MAX_HEADER_LINE);
            }
            self.inner.consume(done);
            if found_end {
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(line));
            }
        }
    }
}

/// Read one `Name: value` header into `length` if it is `Content-Length`.
/// Other headers (`Content-Type`) are accepted and ignored.
fn parse_header(line: &[u8], length: &mut Option<usize>) -> Result<(), String> {
    let text = String::from_utf8_lossy(line);
    let Some((name, value)) = text.split_once(':') else {
        return Err(format!("malformed header line {:?}", shorten(&text)));
    };
    if name.trim().eq_ignore_ascii_case("content-length") {
        let n = value
            .trim()
            .parse::<usize>()
            .map_err(|_| format!("invalid Content-Length {:?}", shorten(value.trim())))?;
        *length = Some(n);
    }
    Ok(())
}

/// `Name: value` with a token for a name: the start of a header block (a
/// JSON body left over from a broken frame never looks like this).
fn looks_like_header(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => line[..colon]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-'),
        _ => false,
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(60).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether a body may go to the server; if not, the error reply to send.
pub fn check_body(body: &[u8]) -> Result<(), Response> {
    // Most messages are requests or notifications: parse once as such.
    if serde_json::from_slice::<Request>(body).is_ok()
        || serde_json::from_slice::<Response>(body).is_ok()
    {
        return Ok(());
    }
    match serde_json::from_slice::<Value>(body) {
        Err(_) => Err(Response::from_error(Id::Null, Error::parse_error())),
        Ok(value) => Err(Response::from_error(request_id(&value), invalid_request())),
    }
}

fn invalid_request() -> Error {
    let mut error = Error::invalid_request();
    error.message = "not a JSON-RPC 2.0 request, notification or response".into();
    error
}

/// The id of a message that is JSON but not valid JSON-RPC, if usable.
fn request_id(value: &Value) -> Id {
    match value.get("id") {
        Some(Value::Number(n)) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(Value::String(s)) => Id::String(s.clone()),
        _ => Id::Null,
    }
}

/// A response as a body ready for the writer.
pub fn encode(response: &Response) -> Vec<u8> {
    // A `Response` holds only JSON values, so serialising cannot fail; an
    // empty body would be skipped by the writer.
    serde_json::to_vec(response).unwrap_or_default()
}

/// Write each body from `bodies` to `out` as one frame, flushing after each.
pub async fn write_frames<W: AsyncWrite + Unpin>(
    mut bodies: mpsc::Receiver<Vec<u8>>,
    mut out: W,
) -> io::Result<()> {
    while let Some(body) = bodies.recv().await {
        if body.is_empty() {
            continue;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        out.write_all(header.as_bytes()).await?;
        out.write_all(&body).await?;
        out.flush().await?;
    }
    Ok(())
}

/// Copy the server's framed output to the writer, frame by frame.
pub async fn forward_output<R: AsyncRead + Unpin>(server_output: R, bodies: mpsc::Sender<Vec<u8>>) {
    // The server's own output is trusted: no size limit.
    let mut frames = FrameReader::new(tokio::io::BufReader::new(server_output), usize::MAX);
    loop {
        match frames.next().await {
            Ok(Some(Frame::Body(body))) => {
                if bodies.send(body).await.is_err() {
                    return;
                }
            }
            Ok(Some(Frame::BadHeader(problem))) => {
                eprintln!("copydesk: internal: server wrote a bad frame: {problem}");
            }
            Ok(None) => return,
            Err(e) => {
                eprintln!("copydesk: internal: reading server output: {e}");
                return;
            }
        }
    }
}

/// Read the client's frames from `input`; pass valid ones to `server`,
/// answer invalid ones through `replies`. Returns at the end of the input
/// (dropping `server`, which ends the session).
pub async fn guard_input<R, W>(input: R, mut server: W, replies: mpsc::Sender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let input = tokio::io::BufReader::with_capacity(1 << 16, input);
    let mut frames = FrameReader::new(input, MAX_BODY);
    loop {
        let frame = match frames.next().await {
            Ok(Some(frame)) => frame,
            Ok(None) => return,
            Err(e) => {
                eprintln!("copydesk: cannot read standard input: {e}");
                return;
            }
        };
        let reply = match frame {
            Frame::Body(body) => match check_body(&body) {
                Ok(()) => {
                    if pass_to_server(&mut server, &body).await.is_err() {
                        return; // the server has stopped
                    }
                    continue;
                }
                Err(reply) => {
                    eprintln!("copydesk: rejected a message that is not valid JSON-RPC");
                    reply
                }
            },
            Frame::BadHeader(problem) => {
                eprintln!("copydesk: skipped a message: {problem}");
                Response::from_error(Id::Null, Error::parse_error())
            }
        };
        if replies.send(encode(&reply)).await.is_err() {
            return;
        }
    }
}

async fn pass_to_server<W: AsyncWrite + Unpin>(server: &mut W, body: &[u8]) -> io::Result<()> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    server.write_all(header.as_bytes()).await?;
    server.write_all(body).await?;
    server.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames_of(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(input, MAX_BODY);
        let mut out = Vec::new();
        while let Some(frame) = reader.next().await.expect("in-memory read") {
            out.push(frame);
        }
        out
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn well_formed_frames_are_read_back_to_back() {
        let input = b"Content-Length: 2\r\n\r\n{}Content-Length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]";
        assert_eq!(frames_of(input).await, vec![body("{}"), body("[1]")]);
    }

    #[tokio::test]
    async fn a_missing_length_is_reported_and_the_next_frame_found() {
        let input = b"Content-Type: x\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}";
        let frames = frames_of(input).await;
        assert!(matches!(&frames[0], Frame::BadHeader(p) if p.contains("missing")));
        assert_eq!(frames[1], body("{}"));
        assert_eq!(frames.len(), 2);
    }

    #[tokio::test]
    async fn an_invalid_or_oversized_length_skips_to_the_next_header_line() {
        let input = format!(
            "Content-Length: abc\r\n\r\n{{\"x\":1}}\r\nContent-Length: {}\r\n\r\n{{\"big\":true}}\r\nContent-Length: 2\r\n\r\n{{}}",
            MAX_BODY + 1
        );
        let frames = frames_of(input.as_bytes()).await;
        assert!(matches!(&frames[0], Frame::BadHeader(p) if p.contains("invalid Content-Length")));
        assert!(matches!(&frames[1], Frame::BadHeader(p) if p.contains("larger than")));
        assert_eq!(frames[2], body("{}"));
        assert_eq!(frames.len(), 3);
    }

    #[tokio::test]
    async fn after_a_bad_frame_any_header_line_starts_the_next_block() {
        let input = b"Content-Length: x\r\n\r\n{\"a\":1}\r\nContent-Type: y\r\n\r\n{}\r\nContent-Length: 2\r\n\r\n{}";
        let frames = frames_of(input).await;
        assert!(matches!(&frames[0], Frame::BadHeader(p) if p.contains("invalid")));
        assert!(matches!(&frames[1], Frame::BadHeader(p) if p.contains("missing")));
        assert_eq!(frames[2], body("{}"));
        assert_eq!(frames.len(), 3);
    }

    #[tokio::test]
    async fn a_garbage_header_line_is_reported() {
        let frames = frames_of(b"hello world\r\n\r\nContent-Length: 2\r\n\r\n{}").await;
        assert!(matches!(&frames[0], Frame::BadHeader(p) if p.contains("malformed")));
        assert_eq!(frames[1], body("{}"));
    }

    #[tokio::test]
    async fn a_truncated_body_ends_the_stream_quietly() {
        assert_eq!(frames_of(b"Content-Length: 10\r\n\r\n{}").await, vec![]);
    }

    #[test]
    fn bodies_are_checked_as_json_rpc() {
        assert!(check_body(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).is_ok());
        assert!(check_body(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check_body(br#"{"jsonrpc":"2.0","id":7,"result":null}"#).is_ok());

        let not_json = check_body(b"{not json").expect_err("parse error");
        assert_eq!(not_json.error().map(|e| e.code.code()), Some(-32700));
        assert_eq!(not_json.id(), &Id::Null);

        let wrong_version =
            check_body(br#"{"jsonrpc":"1.0","id":3,"method":"x"}"#).expect_err("invalid request");
        assert_eq!(wrong_version.error().map(|e| e.code.code()), Some(-32600));
        assert_eq!(wrong_version.id(), &Id::Number(3));

        assert!(check_body(b"[1,2]").is_err());
    }

    #[tokio::test]
    async fn the_guard_passes_good_frames_and_answers_bad_ones() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\nhello\r\nContent-Length: {}\r\n\r\n{good}",
            good.len()
        );
        let (to_server, mut from_guard) = tokio::io::duplex(1 << 16);
        let (tx, mut rx) = mpsc::channel(8);
        guard_input(input.as_bytes(), to_server, tx).await;
        let mut passed = Vec::new();
        from_guard
            .read_to_end(&mut passed)
            .await
            .expect("pipe read");
        let expected = format!("Content-Length: {}\r\n\r\n{good}", good.len());
        assert_eq!(String::from_utf8_lossy(&passed), expected);
        let reply: Value =
            serde_json::from_slice(&rx.recv().await.expect("one reply")).expect("json");
        assert_eq!(reply["error"]["code"], -32700);
        assert_eq!(reply["id"], Value::Null);
        assert!(rx.recv().await.is_none());
    }
}
