#!/usr/bin/env python3
"""Learn the boilerplate evidence weights (data/model/furniture.txt).

`examples/furniture_evidence.rs` prints, for every paragraph after the
headline that the score judges (1 to 50 words, not a line of results),
the evidence the score weighs (src/analysis/boilerplate/evidence.rs and
scoring.rs) and the verdict of the rules. A paragraph is furniture when
its first line is one of the gold `boilerplate_lines`.

The weights are those of a logistic regression (AdaGrad, a small L2
penalty) fitted on the *fit* part: the ggt articles of scripts/split.py's
fit part, and the synthetic articles whose SHA-256(name) has an even first
byte. Pull quotes and embedded posts are left out of the fit: they are
whole sentences that only the rules' look at the rest of the article finds.
The polnear articles of the fit part add article text of another kind
(lists, lines introducing a quotation, contributor lines): their
furniture is not labelled, so every paragraph there that the rules leave
counts as article text. A little real furniture among them is counted
wrong; without them the score learns from synthetic's bases, which were
chosen to have no short lines at all, that every short line is furniture.
Two more sources of rows: each kind's own lines of the fit part read a
second time with that kind's phrases left out (`ablated_copies`: the
score learns what furniture looks like to a site whose wording the
phrases do not know, not only the verdict of the phrase rules), and the
article text written for the fit in data/model/furniture-negatives
(subheads, results, Q&A, live-blog times, letters, corrections). In the
leave-one-kind-out runs a polnear paragraph that the rules mark with every
phrase in use stays out of the article text, though the ablated rules no
longer see it.
The bias is then set so that the score marks none of the fit paragraphs
of article text that the rules leave (and is right on at least PRECISION
of all it marks).

The program marks a paragraph the rules left when its score is above zero.
The script prints, for the fit and the held part, the precision and recall
of rules and score together, and a leave-one-kind-out cross-validation:
for each kind of synthetic furniture, the evidence is read with that
kind's own phrases left out (as scripts/leave_one_kind_out.py does), the
weights are fitted without that kind's lines, and the recall of its lines
is measured. That is the figure that says how the score does on furniture
worded as nothing it was fitted on.

Usage:
  scripts/fit_furniture.py [--corpus ../shared/corpus] [--write] [--no-cv] [--strict]
(--strict: cross-validate with the kind's words out of the UI vocabulary
too; FURNITURE_EVIDENCE_CACHE=DIR keeps the evidence runs between calls.)
Without --write it only prints what it would write.
"""

import argparse
import datetime
import glob
import hashlib
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import split  # noqa: E402

EPOCHS = 30
RATE = 0.3
L2 = 1e-3
PRECISION = 0.97
UNLABELLED_WEIGHT = float(os.environ.get("UNLABELLED_WEIGHT", "1.0"))  # a polnear paragraph counts this much
AUGMENT = os.environ.get("AUGMENT", "1") == "1"
MODEL = os.path.join(ROOT, "data", "model", "furniture.txt")
NEGATIVES = os.path.join(ROOT, "data", "model", "furniture-negatives")

# ggt's kinds of furniture, in the kinds of synthetic (and of the program).
GGT_KINDS = {
    "caption": "boilerplate/photo",
    "related-link": "boilerplate/related",
    "ad-marker": "boilerplate/ad",
    "video": "boilerplate/video",
    "contact-footer": "boilerplate/footer",
    "prompt": "boilerplate/newsletter",
    "pull-quote": None,
    "social-embed": None,
}


def synthetic_part(name: str) -> str:
    return "held" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 1 else "fit"


def articles(corpus):
    """[(path, part, {line: kind or None})]: every ggt and synthetic article."""
    out = []
    parts = split.split(corpus)
    for part, items in parts.items():
        for sub, name in items:
            path = os.path.join(corpus, sub, name + ".txt")
            if sub == "polnear":
                out.append((path, part, None))
                continue
            if sub != "ggt":
                continue
            with open(path[:-4] + ".json", encoding="utf-8") as f:
                gold = json.load(f)
            kinds = gold.get("boilerplate_kinds", {})
            lines = {line: GGT_KINDS.get(kinds.get(str(line)), "other") for line in gold.get("boilerplate_lines", [])}
            out.append((path, part, lines))
    # Article text written for the fit (data/model/furniture-negatives):
    # subheads, results, Q&A, live-blog times, letters, corrections.
    for path in sorted(glob.glob(os.path.join(NEGATIVES, "*.txt"))):
        out.append((path, "fit", {}))
    for path in sorted(glob.glob(os.path.join(corpus, "synthetic", "*.txt"))):
        with open(path[:-4] + ".json", encoding="utf-8") as f:
            gold = json.load(f)
        kinds = {d["line"]: d["kind"] for d in gold.get("defects", [])}
        lines = {line: kinds.get(line, "other") for line in gold.get("boilerplate_lines", [])}
        out.append((path, synthetic_part(os.path.basename(path)[:-4]), lines))
    return out


CACHE = os.environ.get("FURNITURE_EVIDENCE_CACHE")  # a directory: keep each run's rows there


def evidence(paths, without=None, flag="--without"):
    exe = os.path.join(ROOT, "target", "release", "examples", "furniture_evidence")
    cached = None
    if CACHE:
        stamp = hashlib.sha256(("%s %d %s %s" % (os.path.getmtime(exe), len(paths), flag, without)).encode()).hexdigest()[:16]
        cached = os.path.join(CACHE, f"evidence-{stamp}.json")
        if os.path.exists(cached):
            with open(cached, encoding="utf-8") as f:
                return json.load(f)
    rows = []
    for i in range(0, len(paths), 100):
        args = [exe] + ([flag, without] if without else []) + paths[i : i + 100]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        rows += [json.loads(line) for line in out.splitlines() if line.strip()]
    if cached:
        os.makedirs(CACHE, exist_ok=True)
        with open(cached, "w", encoding="utf-8") as f:
            json.dump(rows, f)
    return rows


def label(rows, arts, furniture=frozenset()):
    """Mark each row with its part and gold label. A polnear paragraph
    (furniture not labelled there) is taken as article text unless the
    rules mark it, in this run or in `furniture` (the (file, line) pairs
    the rules mark with every phrase in use: with a kind's phrases left
    out, its lines in polnear are still furniture, not article text), and
    flagged `unlabelled`."""
    by_path = {path: (part, lines) for path, part, lines in arts}
    kept = []
    for r in rows:
        part, lines = by_path[r["file"]]
        r["part"] = part
        r["unlabelled"] = lines is None
        if lines is None:
            if r["rules"] is not None or (r["file"], r["line"]) in furniture:
                continue
            lines = {}
        r["gold"] = r["line"] in lines
        r["kind"] = lines.get(r["line"])
        kept.append(r)
    return kept


def fit(rows):
    """Logistic regression weights {feature: weight} over `rows`."""
    weights, grads = {}, {}
    positives = sum(1 for r in rows if r["gold"])
    # Balance the classes: furniture is one paragraph in twenty.
    pos_weight = (len(rows) - positives) / max(1, positives)
    for _ in range(EPOCHS):
        for r in rows:
            feats = dict(r["features"])
            feats["bias"] = 1.0
            z = sum(weights.get(f, 0.0) * v for f, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            y = 1.0 if r["gold"] else 0.0
            scale = pos_weight if r["gold"] else (UNLABELLED_WEIGHT if r["unlabelled"] else 1.0)
            for f, v in feats.items():
                g = scale * (p - y) * v + L2 * weights.get(f, 0.0)
                grads[f] = grads.get(f, 0.0) + g * g
                weights[f] = weights.get(f, 0.0) - RATE * g / math.sqrt(grads[f] + 1e-8)
    return weights


def score(weights, r):
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) * v for f, v in r["features"].items())


def calibrate(weights, rows):
    """Lower the bias until the score marks none of the fit paragraphs that
    the rules leave and that are article text (and at most a share
    1 - PRECISION of the fit paragraphs it marks)."""
    left = [score(weights, r) for r in rows if r["rules"] is None and not r["gold"] and not r["unlabelled"]]
    scored = sorted(((score(weights, r), r["gold"]) for r in rows if not r["unlabelled"]), reverse=True)
    cut = max(left) if left else scored[0][0]
    hits = marked = 0
    for s, gold in scored:
        marked += 1
        hits += gold
        if hits / marked < PRECISION:
            cut = max(cut, s)
            break
    weights = dict(weights)
    weights["bias"] = weights.get("bias", 0.0) - cut - 1e-3
    return weights


def predicted(weights, r, max_words_ok=True):
    return r["rules"] is not None or score(weights, r) > 0.0


def prf(rows, weights):
    tp = sum(1 for r in rows if r["gold"] and predicted(weights, r))
    fp = sum(1 for r in rows if not r["gold"] and predicted(weights, r))
    fn = sum(1 for r in rows if r["gold"] and not predicted(weights, r))
    p = tp / max(1, tp + fp)
    rc = tp / max(1, tp + fn)
    return p, rc, tp, fp, fn


def ablated_copies(paths, arts, kinds, flag):
    """{kind: rows}: each kind's own labelled lines of the fit part, read
    with that kind's phrases left out. Fitted beside the lines as the
    phrases read them, they teach the score what each kind looks like to
    a site whose wording the phrases do not know: the shape, place and
    general vocabulary, not the phrase rules' verdict."""
    copies = {}
    for kind in kinds:
        krows = label(evidence(paths, kind, flag), arts)
        copies[kind] = [r for r in krows if r["kind"] == kind and r["part"] == "fit"]
    return copies


def trainable(r):
    return r["kind"] is not None or not r["gold"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-cv", action="store_true", help="skip the leave-one-kind-out cross-validation")
    ap.add_argument("--strict", action="store_true", help="cross-validate with the kind's words out of the UI vocabulary too")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "furniture_evidence"], cwd=ROOT, check=True)
    arts = articles(args.corpus)
    paths = [a[0] for a in arts]
    full = evidence(paths)
    furniture = frozenset((r["file"], r["line"]) for r in full if r["rules"] is not None)
    rows = label(full, arts)
    fit_rows = [r for r in rows if r["part"] == "fit" and trainable(r)]
    kinds = sorted({k for _, _, lines in arts if lines for k in lines.values() if k and k.startswith("boilerplate/")})
    flag = "--without-words" if args.strict else "--without"
    copies = ablated_copies(paths, arts, kinds, flag) if AUGMENT else {}
    weights = calibrate(fit(fit_rows + [r for rs in copies.values() for r in rs]), fit_rows)
    report = []
    for part in ("fit", "held"):
        for corpus in ("ggt", "synthetic"):
            sel = [r for r in rows if r["part"] == part and f"/{corpus}/" in r["file"]]
            p, rc, tp, fp, fn = prf(sel, weights)
            report.append(f"{part:4s} {corpus:9s} P {p:.3f} R {rc:.3f} (tp {tp}, fp {fp}, fn {fn})")
        unlabelled = [r for r in rows if r["part"] == part and r["unlabelled"] and score(weights, r) > 0.0]
        report.append(f"{part:4s} polnear   {len(unlabelled)} paragraphs the rules leave marked by the score")
    own = [r for r in rows if r["file"].startswith(NEGATIVES)]
    marked = sum(1 for r in own if predicted(weights, r))
    report.append(f"own article text (furniture-negatives): {marked} of {len(own)} paragraphs marked")
    for line in report:
        print(line)
    cv = []
    if not args.no_cv:
        for kind in kinds:
            krows = label(evidence(paths, kind, flag), arts, furniture)
            train = [r for r in krows if r["part"] == "fit" and trainable(r) and r["kind"] != kind]
            extra = [r for k, rs in copies.items() if k != kind for r in rs]
            w = calibrate(fit(train + extra), train)
            items = [r for r in krows if r["kind"] == kind and "/synthetic/" in r["file"]]
            found = sum(1 for r in items if predicted(w, r))
            rules_only = sum(1 for r in items if r["rules"] is not None)
            fps = sum(1 for r in krows if "/synthetic/" in r["file"] and not r["gold"] and predicted(w, r))
            cv.append(
                f"{kind:24s} {len(items):3d} lines: rules alone {rules_only / max(1, len(items)):.3f}, "
                f"with the score {found / max(1, len(items)):.3f}; fp lines {fps}"
            )
            print(cv[-1], flush=True)
    text = render(weights, report, cv)
    if args.write:
        with open(MODEL, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(MODEL, ROOT)}")
    else:
        print(text)


def render(weights, report, cv):
    today = datetime.date.today().isoformat()
    head = [
        "# Boilerplate evidence weights: one `feature weight` per line (see",
        "# src/analysis/boilerplate/evidence.rs). Written by scripts/fit_furniture.py",
        f"# on {today}: a logistic regression (AdaGrad, {EPOCHS} epochs, rate {RATE},",
        f"# L2 {L2}, classes balanced) on the fit part: the ggt articles of",
        "# scripts/split.py's fit part and the synthetic articles whose",
        "# SHA-256(name) has an even first byte, the polnear articles of the fit",
        f"# part as article text (weight {UNLABELLED_WEIGHT}), each kind's fit lines again",
        "# with its phrases left out, and data/model/furniture-negatives; the bias",
        "# then set so that the score marks no fit paragraph of article text that",
        "# the rules leave.",
        "# Rules and score together, by part (paragraph lines):",
    ]
    head += [f"#   {line}" for line in report]
    if cv:
        head.append("# Leave one kind out (its phrases and its lines out of the fit), synthetic:")
        head += [f"#   {line}" for line in cv]
    body = [f"{name} {weights[name]:.4f}" for name in sorted(weights)]
    return "\n".join(head + body) + "\n"


if __name__ == "__main__":
    sys.exit(main())
