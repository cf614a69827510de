//! The open documents: one `Rope` per URI with the client's version, and
//! the newest analysed [`Snapshot`] of each.
//!
//! Every change to a document (an edit, or new settings) bumps its
//! `revision`; analysis results are tagged with the revision they were made
//! from, so a result that a newer edit has overtaken is recognised and
//! dropped, and a result is published at most once and never after a newer
//! one. All methods are synchronous and quick: the server holds the lock
//! only to look up or swap data, never while analysing.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use ropey::Rope;
use tower_lsp_server::ls_types::{self as lsp, TextDocumentContentChangeEvent, Uri};

use super::convert::{self, Lines};
use crate::analysis::{Analysis, Analyzer, Cancelled, Config, Diagnostic, Syntax};
use crate::line_index::{Encoding, LineIndex};

/// One analysed version of a document: everything a request handler needs.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i32,
    pub revision: u64,
    pub text: Arc<str>,
    pub index: LineIndex,
    pub encoding: Encoding,
    pub analysis: Analysis,
    /// The core diagnostics, filtered by the configuration in force.
    pub diagnostics: Vec<Diagnostic>,
    /// The same diagnostics as the client sees them.
    pub lsp_diagnostics: Vec<lsp::Diagnostic>,
}

/// Why an analysis was given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// A newer revision of the document came: its own analysis follows.
    Superseded,
    /// The analysis ran past its time budget.
    OverBudget(Duration),
}

impl Snapshot {
    /// Analyse one version of a document, giving up when a newer revision
    /// comes or `budget` runs out. Runs on a blocking thread.
    pub fn build(uri: &Uri, job: Job, budget: Duration) -> Result<Snapshot, Stopped> {
        let started = Instant::now();
        let text: Arc<str> = Arc::from(String::from(&job.rope));
        let superseded = || job.revision_now.load(Ordering::Relaxed) != job.revision;
        let stop = || superseded() || started.elapsed() > budget;
        // One analysis of a document at a time reuses its paragraph memos;
        // a panic in an earlier analysis leaves the memos merely incomplete.
        let analysis = job
            .analyzer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .analyze_unless(&text, &job.config, &stop)
            .map_err(|Cancelled| {
                if superseded() {
                    Stopped::Superseded
                } else {
                    Stopped::OverBudget(budget)
                }
            })?;
        let diagnostics = analysis.diagnostics(&text, &job.config);
        let index = LineIndex::new(&text);
        let lines = Lines {
            text: &text,
            index: &index,
            encoding: job.encoding,
        };
        let lsp_diagnostics = diagnostics
            .iter()
            .map(|d| convert::diagnostic(&lines, uri, d))
            .collect();
        Ok(Snapshot {
            version: job.version,
            revision: job.revision,
            text,
            index,
            encoding: job.encoding,
            analysis,
            diagnostics,
            lsp_diagnostics,
        })
    }

    pub fn lines(&self) -> Lines<'_> {
        Lines {
            text: &self.text,
            index: &self.index,
            encoding: self.encoding,
        }
    }
}

/// What it takes to analyse one revision of a document. The rope is a
/// cheap shared clone; it becomes a string on the analysis thread.
#[derive(Debug, Clone)]
pub struct Job {
    pub version: i32,
    pub revision: u64,
    pub rope: Rope,
    pub encoding: Encoding,
    pub config: Arc<Config>,
    /// The document's analyzer, with what it kept from earlier versions.
    pub analyzer: Arc<Mutex<Analyzer>>,
    /// The document's newest revision, as it changes: the job is
    /// superseded once this is no longer `revision`.
    pub revision_now: Arc<AtomicU64>,
}

/// Either the document's current snapshot, or the job that would make it.
#[derive(Debug)]
pub enum Current {
    Ready(Arc<Snapshot>),
    Needs(Job),
}

#[derive(Debug)]
struct Document {
    version: i32,
    rope: Rope,
    /// Bumped on every edit and on every settings change.
    revision: u64,
    /// The newest snapshot stored (possibly of an older revision).
    latest: Option<Arc<Snapshot>>,
    /// The revision whose diagnostics were last published.
    published: Option<u64>,
    /// Shared with the analysis jobs of this document.
    analyzer: Arc<Mutex<Analyzer>>,
    /// `revision`, shared with the running jobs so they can stop early.
    revision_now: Arc<AtomicU64>,
    /// The analysis loop of this document, if one runs (see
    /// [`Documents::claim_runner`]).
    runner: Option<Runner>,
}

/// A document's running analysis loop: its token, and whether the
/// document changed since the loop took up its current revision.
#[derive(Debug, Clone, Copy)]
struct Runner {
    token: u64,
    again: bool,
}

impl Document {
    fn set_revision(&mut self, revision: u64) {
        self.revision = revision;
        self.revision_now.store(revision, Ordering::Relaxed);
    }
}

/// All open documents. Revisions come from one counter, so a document
/// closed and reopened never confuses an old result with a new one.
#[derive(Debug, Default)]
pub struct Documents {
    docs: HashMap<Uri, Document>,
    next_revision: u64,
}

impl Documents {
    fn bump(&mut self) -> u64 {
        self.next_revision += 1;
        self.next_revision
    }

    /// Open (or reopen) a document written in `syntax`; returns its
    /// revision.
    pub fn open(&mut self, uri: Uri, version: i32, text: &str, syntax: Syntax) -> u64 {
        let revision = self.bump();
        let doc = Document {
            version,
            rope: Rope::from_str(text),
            revision,
            latest: None,
            published: None,
            analyzer: Arc::new(Mutex::new(Analyzer::new(syntax))),
            revision_now: Arc::new(AtomicU64::new(revision)),
            runner: None,
        };
        // a job of the document as it was before this reopening stops
        if let Some(old) = self.docs.get(&uri) {
            old.revision_now.store(revision, Ordering::Relaxed);
        }
        self.docs.insert(uri, doc);
        revision
    }

    /// Apply a didChange's content changes in order. `None` if the document
    /// is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Option<u64> {
        let revision = self.bump();
        let doc = self.docs.get_mut(uri)?;
        for change in changes {
            apply_change(&mut doc.rope, change, encoding);
        }
        doc.version = version;
        doc.set_revision(revision);
        Some(revision)
    }

    /// Forget a document. Returns whether it was open.
    pub fn close(&mut self, uri: &Uri) -> bool {
        let revision = self.bump();
        self.docs
            .remove(uri)
            // its running job stops: nobody wants the result
            .map(|doc| doc.revision_now.store(revision, Ordering::Relaxed))
            .is_some()
    }

    /// Mark every open document changed (new settings); returns their URIs
    /// and new revisions.
    pub fn touch_all(&mut self) -> Vec<(Uri, u64)> {
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        uris.into_iter()
            .filter_map(|uri| {
                let revision = self.bump();
                let doc = self.docs.get_mut(&uri)?;
                doc.set_revision(revision);
                Some((uri, revision))
            })
            .collect()
    }

    /// Ask to analyse `uri` now. When no analysis loop runs for it, the
    /// caller becomes that loop: the answer is its token, and it analyses
    /// the newest revision, then asks [`Documents::runner_again`]. When one
    /// runs, the change is noted for it (its job, of an older revision,
    /// stops early) and the answer is `None`: many changes during one
    /// analysis make one follow-up, for the newest version.
    pub fn claim_runner(&mut self, uri: &Uri) -> Option<u64> {
        let token = self.bump();
        let doc = self.docs.get_mut(uri)?;
        match &mut doc.runner {
            Some(runner) => {
                runner.again = true;
                None
            }
            None => {
                doc.runner = Some(Runner {
                    token,
                    again: false,
                });
                Some(token)
            }
        }
    }

    /// The revision the loop `token` should analyse next: the newest, if
    /// the document changed since the loop took up its last one; else the
    /// loop ends (`None`), and the next change starts a new one.
    pub fn runner_again(&mut self, uri: &Uri, token: u64) -> Option<u64> {
        let doc = self.docs.get_mut(uri)?;
        let runner = doc.runner.as_mut().filter(|r| r.token == token)?;
        if runner.again {
            runner.again = false;
            Some(doc.revision)
        } else {
            doc.runner = None;
            None
        }
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.keys().cloned().collect()
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.docs.contains_key(uri)
    }

    /// The current snapshot of `uri`, or the job that would make it. `None`
    /// if the document is not open.
    pub fn current(&self, uri: &Uri, encoding: Encoding, config: &Arc<Config>) -> Option<Current> {
        let doc = self.docs.get(uri)?;
        if let Some(latest) = doc.latest.as_ref().filter(|s| s.revision == doc.revision) {
            return Some(Current::Ready(Arc::clone(latest)));
        }
        Some(Current::Needs(Job {
            version: doc.version,
            revision: doc.revision,
            rope: doc.rope.clone(),
            encoding,
            config: Arc::clone(config),
            analyzer: Arc::clone(&doc.analyzer),
            revision_now: Arc::clone(&doc.revision_now),
        }))
    }

    /// The job for `revision` if it is still the document's current one
    /// (else a newer edit will bring its own job), or the snapshot if that
    /// revision is already analysed.
    pub fn current_if(
        &self,
        uri: &Uri,
        revision: u64,
        encoding: Encoding,
        config: &Arc<Config>,
    ) -> Option<Current> {
        let doc = self.docs.get(uri)?;
        if doc.revision != revision {
            return None;
        }
        self.current(uri, encoding, config)
    }

    /// Keep `snapshot` as the document's newest, unless the document is gone
    /// or already holds a newer one. Returns whether it was kept.
    pub fn store(&mut self, uri: &Uri, snapshot: &Arc<Snapshot>) -> bool {
        let Some(doc) = self.docs.get_mut(uri) else {
            return false;
        };
        if doc
            .latest
            .as_ref()
            .is_some_and(|s| s.revision >= snapshot.revision)
        {
            return false;
        }
        doc.latest = Some(Arc::clone(snapshot));
        true
    }

    /// Claim the right to publish `snapshot`: only if it is of the current
    /// revision and nothing newer (or the same) was published. The caller
    /// must hold the publish lock from this call until the notification is
    /// sent, so claims and sends happen in the same order.
    pub fn claim_publish(&mut self, uri: &Uri, snapshot: &Snapshot) -> bool {
        let Some(doc) = self.docs.get_mut(uri) else {
            return false;
        };
        let current = doc.revision == snapshot.revision;
        let newer = doc.published.is_none_or(|p| p < snapshot.revision);
        if current && newer {
            doc.published = Some(snapshot.revision);
        }
        current && newer
    }

    /// The newest snapshot stored for `uri` (possibly of an older
    /// revision), if it is open and has one.
    pub fn latest(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        self.docs.get(uri)?.latest.clone()
    }

    /// The latest snapshot of every open document that has one.
    pub fn latest_snapshots(&self) -> Vec<(Uri, Arc<Snapshot>)> {
        self.docs
            .iter()
            .filter_map(|(uri, doc)| Some((uri.clone(), Arc::clone(doc.latest.as_ref()?))))
            .collect()
    }
}

/// Apply one content change: a full-text replacement, or a range replaced
/// (the range converted against the rope as it is after earlier changes).
fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let a = convert::rope_char(rope, range.start, encoding);
            let b = convert::rope_char(rope, range.end, encoding);
            let (start, end) = (a.min(b), a.max(b));
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn uri() -> Uri {
        "file:///doc.txt".parse().expect("uri")
    }

    fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn text_of(docs: &Documents, uri: &Uri) -> String {
        match docs.current(uri, Encoding::Utf16, &Arc::new(Config::default())) {
            Some(Current::Needs(job)) => job.rope.to_string(),
            Some(Current::Ready(s)) => s.text.to_string(),
            None => panic!("not open"),
        }
    }

    #[test]
    fn changes_of_one_notification_apply_in_order() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "a😀b\n好x\n", Syntax::Plain);
        let changes = [
            // UTF-16: after the emoji (2 units) on line 0.
            edit(0, 3, 0, 3, "Z"),
            // Then replace "好" using the text as it is now.
            edit(1, 0, 1, 1, "ok"),
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "fresh\n".into(),
            },
            edit(0, 5, 0, 5, "!"),
        ];
        docs.change(&uri(), 2, &changes[..2], Encoding::Utf16)
            .expect("open");
        assert_eq!(text_of(&docs, &uri()), "a😀Zb\nokx\n");
        docs.change(&uri(), 3, &changes[2..], Encoding::Utf16)
            .expect("open");
        assert_eq!(text_of(&docs, &uri()), "fresh!\n");
    }

    #[test]
    fn utf8_ranges_count_bytes() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "好x", Syntax::Plain);
        docs.change(&uri(), 2, &[edit(0, 3, 0, 4, "y")], Encoding::Utf8);
        assert_eq!(text_of(&docs, &uri()), "好y");
    }

    #[test]
    fn unknown_documents_are_not_changed() {
        let mut docs = Documents::default();
        assert!(
            docs.change(&uri(), 1, &[edit(0, 0, 0, 0, "x")], Encoding::Utf16)
                .is_none()
        );
        assert!(!docs.close(&uri()));
    }

    fn snapshot_of(docs: &Documents, uri: &Uri) -> Arc<Snapshot> {
        if let Some(Current::Ready(s)) =
            docs.current(uri, Encoding::Utf16, &Arc::new(Config::default()))
        {
            return s;
        }
        match Snapshot::build(uri, job_of(docs, uri), Duration::MAX) {
            Ok(snapshot) => Arc::new(snapshot),
            Err(stopped) => panic!("stopped: {stopped:?}"),
        }
    }

    fn job_of(docs: &Documents, uri: &Uri) -> Job {
        match docs.current(uri, Encoding::Utf16, &Arc::new(Config::default())) {
            Some(Current::Needs(job)) => job,
            _ => panic!("no job"),
        }
    }

    #[test]
    fn changes_during_a_run_coalesce_into_one_follow_up_for_the_newest() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "Head\n\nBody.\n", Syntax::Plain);
        let token = docs.claim_runner(&uri()).expect("nothing runs yet");
        // three edits while it runs: none starts a loop of its own
        let mut newest = 0;
        for version in 2..5 {
            newest = docs
                .change(&uri(), version, &[edit(0, 0, 0, 0, "x")], Encoding::Utf16)
                .expect("open");
            assert_eq!(docs.claim_runner(&uri()), None);
        }
        // one follow-up, for the newest revision; then the loop ends
        assert_eq!(docs.runner_again(&uri(), token), Some(newest));
        assert_eq!(docs.runner_again(&uri(), token), None);
        // the next change starts a new loop
        let second = docs.claim_runner(&uri()).expect("the loop ended");
        assert_ne!(second, token);
        // a loop of the document before it was reopened is told to stop and
        // does not end the new document's loop
        docs.open(uri(), 1, "Head\n", Syntax::Plain);
        let third = docs
            .claim_runner(&uri())
            .expect("a reopened document runs afresh");
        assert_eq!(docs.runner_again(&uri(), second), None);
        assert_eq!(docs.claim_runner(&uri()), None, "the new loop still runs");
        assert!(docs.runner_again(&uri(), third).is_some());
    }

    #[test]
    fn a_job_stops_when_a_newer_revision_comes_or_its_budget_runs_out() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "Head\n\nBody.\n", Syntax::Plain);
        let job = job_of(&docs, &uri());
        docs.change(&uri(), 2, &[edit(0, 0, 0, 0, "New ")], Encoding::Utf16);
        assert_eq!(
            Snapshot::build(&uri(), job, Duration::MAX).err(),
            Some(Stopped::Superseded)
        );
        let job = job_of(&docs, &uri());
        assert_eq!(
            Snapshot::build(&uri(), job, Duration::ZERO).err(),
            Some(Stopped::OverBudget(Duration::ZERO))
        );
        // what requests fall back on meanwhile: the newest stored version
        assert!(docs.latest(&uri()).is_none());
        let done = snapshot_of(&docs, &uri());
        assert!(docs.store(&uri(), &done));
        docs.change(&uri(), 3, &[edit(0, 0, 0, 0, "Newer ")], Encoding::Utf16);
        assert_eq!(docs.latest(&uri()).map(|s| s.version), Some(2));
        let job = job_of(&docs, &uri());
        docs.close(&uri());
        assert_eq!(
            Snapshot::build(&uri(), job, Duration::MAX).err(),
            Some(Stopped::Superseded),
            "a closed document's job stops"
        );
        assert!(docs.latest(&uri()).is_none());
    }

    #[test]
    fn a_stale_result_is_neither_published_nor_preferred() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "Head\n\nBody.\n", Syntax::Plain);
        let old = snapshot_of(&docs, &uri());
        docs.change(&uri(), 2, &[edit(0, 0, 0, 0, "New ")], Encoding::Utf16);
        let new = snapshot_of(&docs, &uri());
        assert!(!docs.claim_publish(&uri(), &old), "overtaken by an edit");
        assert!(docs.store(&uri(), &new));
        assert!(!docs.store(&uri(), &old), "older than the stored one");
        assert!(docs.claim_publish(&uri(), &new));
        assert!(!docs.claim_publish(&uri(), &new), "published once");
        assert!(matches!(
            docs.current(&uri(), Encoding::Utf16, &Arc::new(Config::default())),
            Some(Current::Ready(s)) if s.version == 2
        ));
    }

    #[test]
    fn new_settings_make_every_document_current_again_for_analysis() {
        let mut docs = Documents::default();
        docs.open(uri(), 1, "Head\n", Syntax::Plain);
        let first = snapshot_of(&docs, &uri());
        assert!(docs.store(&uri(), &first));
        assert!(docs.claim_publish(&uri(), &first));
        let touched = docs.touch_all();
        assert_eq!(touched.len(), 1);
        let again = snapshot_of(&docs, &uri());
        assert_eq!(again.version, 1);
        assert!(
            docs.claim_publish(&uri(), &again),
            "same version, new revision"
        );
    }
}
