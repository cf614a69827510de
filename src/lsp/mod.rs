//! The language-server edge: `copydesk lsp` over stdio.
//!
//! - [`framing`] guards stdin and owns stdout;
//! - [`server`] is the `LanguageServer` implementation (small handlers);
//! - [`capabilities`] says what is offered and how diagnostics are delivered;
//! - [`code_actions`] turns diagnostics' fixes into quick fixes;
//! - [`documents`] keeps the open documents and their analysed snapshots;
//! - [`settings`] turns client settings into an analysis `Config`;
//! - [`convert`] is the only place spans become LSP positions and back;
//! - [`features`] holds the read-only editor features (hover, outline, ...).

pub mod capabilities;
pub mod code_actions;
pub mod convert;
pub mod documents;
pub mod features;
pub mod framing;
pub mod server;
pub mod settings;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;
use tower_lsp_server::{LspService, Server};

/// Size of the in-process pipes between the guard, the server and the writer.
const PIPE_SIZE: usize = 1 << 20;
/// How long to wait for the last output to be written after the session ends.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(2);

/// Run the server over stdio until the client exits. The exit code is 0 if
/// the client asked for `shutdown` before `exit` (or closed stdin after
/// it), 1 otherwise, as the protocol asks.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("copydesk: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let clean = runtime.block_on(serve_stdio());
    // Reading stdin blocks a runtime thread; do not wait for it.
    runtime.shutdown_background();
    ExitCode::from(if clean { 0 } else { 1 })
}

/// Serve one session; returns whether it ended after a `shutdown` request.
async fn serve_stdio() -> bool {
    let (server_input, server_reads) = tokio::io::duplex(PIPE_SIZE);
    let (server_writes, server_output) = tokio::io::duplex(PIPE_SIZE);
    let (bodies, to_write) = mpsc::channel(64);

    let writer = tokio::spawn(framing::write_frames(to_write, tokio::io::stdout()));
    let output = tokio::spawn(framing::forward_output(server_output, bodies.clone()));
    let guard = tokio::spawn(framing::guard_input(
        tokio::io::stdin(),
        server_input,
        bodies,
    ));

    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&shut_down);
    let (service, socket) = LspService::new(move |client| server::Backend::new(client, flag));
    Server::new(server_reads, server_writes, socket)
        .serve(service)
        .await;

    // The server has stopped (exit, or end of input): stop reading stdin,
    // let its last output drain, then stop.
    guard.abort();
    let drained = async {
        let _ = output.await;
        let _ = writer.await;
    };
    let _ = tokio::time::timeout(FLUSH_TIMEOUT, drained).await;
    shut_down.load(Ordering::SeqCst)
}
