;;; eglot_e2e.el --- copydesk end-to-end test in Emacs with eglot -*- lexical-binding: t; -*-

;; Opens an article in text-mode, connects eglot to `copydesk lsp' the way
;; the README recipe does, and checks what eglot and Flymake received:
;; boilerplate diagnostics, diagnostics that follow an edit, a settings
;; change, and (with COPYDESK_E2E_FULL=1) hover on a quote and the outline.
;;
;; Run (tests/editors_e2e.rs does this with the right environment):
;;   COPYDESK_E2E_ARTICLE=path/to/article.txt COPYDESK_E2E_BOILERPLATE=0,6,26 \
;;     emacs --batch -Q -l tests/editors/eglot_e2e.el
;; with `copydesk' on PATH.  The environment variables are those of
;; tests/editors/nvim_e2e.lua.  Exits 0 when every check passed, 1 on the
;; first failure with a message.
;;
;; Batch-mode notes: eglot needs `package-initialize' (Debian's elpa-eglot
;; on Emacs 28; Emacs 29+ has eglot built in) and a direct `eglot' call (`eglot-ensure' waits for a
;; command loop that batch mode never runs); idle timers do not fire in
;; batch mode, so the test sends the didChange that eglot's idle timer
;; would send by calling eglot's own sender after each edit.

;;; Code:

(require 'package)
;; `-Q' skips site-start, which is where Debian adds its system-wide ELPA
;; directory (elpa-eglot and the newer project/xref it needs).
(when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'subr-x)
(require 'eglot)
(require 'flymake)

(defvar e2e-started (float-time))
(defvar e2e-timeout
  (/ (string-to-number (or (getenv "COPYDESK_E2E_TIMEOUT_MS") "10000")) 1000.0))

(defun e2e-log (fmt &rest args)
  (message "[eglot-e2e %6.2fs] %s" (- (float-time) e2e-started) (apply #'format fmt args)))

(define-error 'e2e-failure "copydesk e2e check failed")

(defun e2e-fail (fmt &rest args)
  (signal 'e2e-failure (list (apply #'format fmt args))))

(defun e2e-env (name &optional default)
  (let ((v (getenv name)))
    (if (or (null v) (string-empty-p v)) default v)))

(defun e2e-parse-lines (spec)
  (sort (mapcar #'string-to-number (split-string (or spec "") "[^0-9]+" t)) #'<))

(defun e2e-wait (predicate)
  "Process server output until PREDICATE holds or the timeout passes."
  (let ((deadline (+ (float-time) e2e-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall predicate)))

;;; What eglot received.

(defvar e2e-publishes 0 "publishDiagnostics notifications seen for the article.")

(defun e2e-count-publish (_server method &rest _params)
  (when (eq method 'textDocument/publishDiagnostics)
    (cl-incf e2e-publishes)))

(defun e2e-code-of (diag)
  (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag))))
    (plist-get lsp :code)))

(defun e2e-boilerplate-lines ()
  "The 0-based lines where a boilerplate diagnostic shown by Flymake starts."
  (let (lines)
    (dolist (d (flymake-diagnostics))
      (let ((code (e2e-code-of d)))
        (when (and (stringp code) (string-prefix-p "boilerplate" code))
          (cl-pushnew (1- (line-number-at-pos (flymake-diagnostic-beg d) t)) lines))))
    (sort lines #'<)))

(defun e2e-lines-match (got want mode)
  (and (cl-every (lambda (l) (memq l got)) want)
       (or (equal mode "at-least") (= (length got) (length want)))))

(defun e2e-expect-boilerplate (want mode what since)
  "Wait for a publish after SINCE whose boilerplate lines satisfy WANT."
  (let ((ok (e2e-wait (lambda ()
                        (and (> e2e-publishes since)
                             (e2e-lines-match (e2e-boilerplate-lines) want mode))))))
    (unless ok
      (e2e-fail "%s: boilerplate diagnostics on lines %S, expected %s %S (%d publishes)"
                what (e2e-boilerplate-lines)
                (if (equal mode "exact") "exactly" "at least") want e2e-publishes))
    (e2e-log "ok: %s: boilerplate on lines %S" what (e2e-boilerplate-lines))
    (e2e-boilerplate-lines)))

;;; Requests.

(defun e2e-request (method params)
  (jsonrpc-request (eglot--current-server-or-lose) method params
                   :timeout e2e-timeout))

(defun e2e-goto-text (text)
  "Move point to the middle of the first occurrence of TEXT's first 40 characters."
  (let ((probe (substring text 0 (min 40 (length text)))))
    (goto-char (point-min))
    (unless (search-forward probe nil t)
      (e2e-fail "quote text %S not found in the article" probe))
    (goto-char (- (point) (/ (length probe) 2)))))

(defun e2e-symbol-names (symbols)
  (let (names)
    (cl-labels ((walk (list)
                  (seq-doseq (s list)
                    (push (plist-get s :name) names)
                    (when (plist-get s :detail) (push (plist-get s :detail) names))
                    (walk (or (plist-get s :children) [])))))
      (walk symbols))
    (string-join (nreverse names) "\n")))

;;; The test.

(defun e2e-run ()
  (let* ((article (or (e2e-env "COPYDESK_E2E_ARTICLE")
                      (e2e-fail "set COPYDESK_E2E_ARTICLE to the article to open")))
         (want (e2e-parse-lines (e2e-env "COPYDESK_E2E_BOILERPLATE")))
         (mode (e2e-env "COPYDESK_E2E_BOILERPLATE_MODE" "exact"))
         (full (equal (e2e-env "COPYDESK_E2E_FULL" "0") "1"))
         (quote-json (e2e-env "COPYDESK_E2E_QUOTE"))
         (dir (make-temp-file "copydesk-eglot-" t))
         (copy (expand-file-name (file-name-nondirectory article) dir)))
    (unless want (e2e-fail "set COPYDESK_E2E_BOILERPLATE to the expected lines"))
    (unless (executable-find "copydesk") (e2e-fail "`copydesk' is not on PATH"))
    (e2e-log "Emacs %s, eglot %s, copydesk at %s" emacs-version
             (if (boundp 'eglot--version) eglot--version "?") (executable-find "copydesk"))

    ;; The README recipe.
    (add-to-list 'eglot-server-programs '((text-mode markdown-mode) . ("copydesk" "lsp")))
    (setq eglot-workspace-configuration '(:copydesk (:diagnostics (:boilerplate t))))

    ;; Edit a copy: the test changes the buffer and must never touch the original.
    (copy-file article copy)
    (set-file-modes copy #o644)
    (find-file copy)
    (unless (derived-mode-p 'text-mode) (e2e-fail "the article opened in %s, not text-mode" major-mode))
    (advice-add 'eglot-handle-notification :before #'e2e-count-publish)

    ;; 1. Connect (what `eglot-ensure' would do from the command loop).
    (apply #'eglot (eglot--guess-contact))
    (unless (e2e-wait (lambda () (and (eglot-current-server) eglot--managed-mode)))
      (e2e-fail "eglot did not connect to copydesk"))
    (let ((info (eglot--server-info (eglot-current-server))))
      (e2e-log "ok: connected to %s %s" (plist-get info :name) (plist-get info :version)))

    ;; 2. Diagnostics on open, then every later step exactly against them.
    (let ((baseline (e2e-expect-boilerplate want mode "on open" 0))
          (insert-at 2))

      ;; 3. Hover and outline.
      (if (and full quote-json)
          (let* ((q (json-parse-string quote-json :object-type 'plist))
                 (speaker (plist-get q :speaker)))
            (e2e-goto-text (plist-get q :text))
            (let* ((line (1- (line-number-at-pos)))
                   (hover (e2e-request :textDocument/hover (eglot--TextDocumentPositionParams)))
                   (text (format "%S" hover)))
              (unless (string-search speaker text)
                (e2e-fail "hover on the quote on line %d does not name %S: %s" line speaker text))
              (e2e-log "ok: hover on the quote on line %d names %s" line speaker))
            ;; No hover on an empty line.
            (goto-char (point-min))
            (forward-line 1)
            (let ((blank (e2e-request :textDocument/hover (eglot--TextDocumentPositionParams))))
              (when (and blank (string-match-p "[[:alnum:]]" (format "%S" (plist-get blank :contents))))
                (e2e-fail "hover on the empty line 1 should be empty: %S" blank))
              (e2e-log "ok: no hover on an empty line"))
            (let ((symbols (e2e-request :textDocument/documentSymbol
                                        `(:textDocument ,(eglot--TextDocumentIdentifier)))))
              (dolist (group '("People" "Quotes"))
                (let ((found (seq-find (lambda (s) (equal (plist-get s :name) group)) symbols)))
                  (unless found
                    (e2e-fail "outline has no %S group: %s" group (e2e-symbol-names symbols)))
                  (unless (string-search speaker (e2e-symbol-names (or (plist-get found :children) [])))
                    (e2e-fail "outline group %S does not list %S:\n%s"
                              group speaker (e2e-symbol-names (plist-get found :children))))))
              (e2e-log "ok: outline has %d groups; People and Quotes list %s" (length symbols) speaker)))
        (e2e-log "skip: hover and outline checks (set COPYDESK_E2E_FULL=1 and COPYDESK_E2E_QUOTE)"))

      ;; 4. An edit: a new ad marker paragraph after line 1 moves everything below.
      (let ((moved (sort (cons insert-at (mapcar (lambda (l) (if (>= l insert-at) (+ l 2) l)) baseline)) #'<))
            (since e2e-publishes))
        (goto-char (point-min))
        (forward-line insert-at)
        (insert "Advertisement\n\n")
        (eglot--signal-textDocument/didChange)
        (e2e-expect-boilerplate moved "exact" (format "after inserting an ad marker at line %d" insert-at) since))

      ;; ... and deleting it again brings the original lines back.
      (let ((since e2e-publishes))
        (goto-char (point-min))
        (forward-line insert-at)
        (delete-region (point) (progn (forward-line 2) (point)))
        (eglot--signal-textDocument/didChange)
        (e2e-expect-boilerplate baseline "exact" "after deleting it again" since))

      ;; 5. Settings through eglot-workspace-configuration.
      (let ((since e2e-publishes))
        (setq eglot-workspace-configuration '(:copydesk (:diagnostics (:boilerplate :json-false))))
        (eglot-signal-didChangeConfiguration (eglot-current-server))
        (e2e-expect-boilerplate nil "exact" "with diagnostics.boilerplate = false" since))
      (let ((since e2e-publishes))
        (setq eglot-workspace-configuration '(:copydesk (:diagnostics (:boilerplate t))))
        (eglot-signal-didChangeConfiguration (eglot-current-server))
        (e2e-expect-boilerplate baseline "exact" "with diagnostics.boilerplate = true again" since)))

    (set-buffer-modified-p nil)
    (eglot-shutdown (eglot-current-server))))

(condition-case err
    (progn
      (e2e-run)
      (e2e-log "PASS")
      (kill-emacs 0))
  (e2e-failure
   (e2e-log "FAIL: %s" (cadr err))
   (kill-emacs 1))
  (error
   (e2e-log "FAIL: test error: %S" err)
   (kill-emacs 1)))

;;; eglot_e2e.el ends here
