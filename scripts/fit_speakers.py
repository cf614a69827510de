#!/usr/bin/env python3
"""Learn the speaker ranking weights (data/model/speakers.txt).

For every speech quote of the *fit* part of the development corpora (see
scripts/split.py), `examples/speaker_candidates.rs` prints the candidate
speakers with their features. A quote's gold speaker (matched the way
../shared/eval/score.py matches names: same normalised name or same last
word) marks the right candidates. The weights are those of a conditional
logit model (a softmax over each quote's candidates) fitted by AdaGrad
with a small L2 penalty; the program picks the candidate with the highest
weighted sum.

The held part is only scored, never fitted: the script prints both so a
change that helps one and not the other shows.

Usage:
  scripts/fit_speakers.py [--corpus ../shared/corpus] [--write]
Without --write it only prints what it would write.
"""

import argparse
import datetime
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import split  # noqa: E402

EPOCHS = 40
RATE = 0.2
L2 = 1e-3
GGT_WEIGHT = 2.0  # a ggt quote counts twice: 35 articles against polnear's 438


def load_scorer(corpus):
    eval_dir = os.path.normpath(os.path.join(corpus, "..", "eval"))
    sys.path.insert(0, eval_dir)
    import score  # noqa: E402

    return score


def candidate_rows(paths):
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--example", "speaker_candidates"],
        cwd=ROOT,
        check=True,
    )
    exe = os.path.join(ROOT, "target", "release", "examples", "speaker_candidates")
    rows = []
    for i in range(0, len(paths), 100):
        out = subprocess.run([exe, *paths[i : i + 100]], capture_output=True, text=True, check=True)
        rows += [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return rows


def labelled(rows, score):
    """(features of each candidate, indices of right ones) per matched quote;
    also how many matched quotes had no right candidate."""
    by_file = {}
    for r in rows:
        by_file.setdefault(r["file"], []).append(r)
    examples, unreachable = [], 0
    for path, items in by_file.items():
        with open(path[:-4] + ".json", encoding="utf-8") as f:
            gold = [q for q in json.load(f).get("quotes", []) if isinstance(q, dict)]
        pairs = score.match_quotes(
            [score.norm_quote(r["quote"]) for r in items],
            [score.norm_quote(q.get("text")) for q in gold],
        )
        for pi, gi in pairs:
            cands = items[pi]["candidates"]
            right = [k for k, c in enumerate(cands) if score.names_match(c["name"], gold[gi].get("speaker"))]
            if not right:
                unreachable += 1
            examples.append(([c["features"] for c in cands], right))
    return examples, unreachable


def scores(w, cands):
    return [sum(w.get(n, 0.0) * v for n, v in f.items()) for f in cands]


def fit(examples, weights=None):
    """`weights`: per example, how much its gradient counts (default 1)."""
    w, g2 = {}, {}
    weights = weights or [1.0] * len(examples)
    trainable = [(c, r, x) for (c, r), x in zip(examples, weights) if r and len(c) > 1]
    for epoch in range(EPOCHS):
        for cands, right, weight in trainable:
            s = scores(w, cands)
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            zr = sum(e[k] for k in right)
            grad = {}
            for k, f in enumerate(cands):
                # d/dw of log(sum_right e) - log(sum_all e)
                coef = weight * ((e[k] / zr if k in right else 0.0) - e[k] / z)
                if coef == 0.0:
                    continue
                for n, v in f.items():
                    grad[n] = grad.get(n, 0.0) + coef * v
            for n, gr in grad.items():
                gr -= L2 * w.get(n, 0.0)
                g2[n] = g2.get(n, 0.0) + gr * gr
                w[n] = w.get(n, 0.0) + RATE * gr / math.sqrt(g2[n] + 1e-8)
    return w


def accuracy(w, examples):
    right = 0
    for cands, good in examples:
        if not cands:
            continue
        s = scores(w, cands)
        best = max(range(len(s)), key=lambda k: s[k])
        right += best in good
    return right / max(1, len(examples))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--write", action="store_true", help="write data/model/speakers.txt")
    ap.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    args = ap.parse_args()
    globals()["L2"] = args.l2
    score = load_scorer(args.corpus)
    parts = split.split(args.corpus)
    report = {}
    data = {}
    for part in ("fit", "held"):
        paths = [os.path.join(args.corpus, sub, name + ".txt") for sub, name in parts[part]]
        rows = candidate_rows(paths)
        data[part] = {}
        for sub in ("polnear", "ggt"):
            mine = [r for r in rows if f"{os.sep}{sub}{os.sep}" in r["file"]]
            data[part][sub] = labelled(mine, score)
    # the hidden articles are of both kinds: the small ggt part counts more
    pol, ggt = data["fit"]["polnear"][0], data["fit"]["ggt"][0]
    per_example = [1.0] * len(pol) + [GGT_WEIGHT] * len(ggt)
    w = fit(pol + ggt, per_example)
    for part in ("fit", "held"):
        for sub in ("polnear", "ggt"):
            ex, unreachable = data[part][sub]
            report[(part, sub)] = (accuracy(w, ex), len(ex), unreachable)
    lines = [
        "# Speaker ranking weights: one `feature weight` per line (see",
        "# src/analysis/quotes/ranking/model.rs). Written by scripts/fit_speakers.py",
        f"# on {datetime.date.today().isoformat()}: a conditional logit over each quote's candidates,",
        f"# AdaGrad, {EPOCHS} epochs, rate {RATE}, L2 {L2}, fitted on the fit part of",
        "# scripts/split.py (polnear articles whose SHA-256(name) has an even first",
        "# byte, and the 35 ggt articles that do not sort first by it); a ggt",
        f"# quote counts {GGT_WEIGHT:g} times in the fit.",
        "# Accuracy of the top candidate over matched gold quotes (unreachable:",
        "# quotes with no right candidate):",
    ]
    for (part, sub), (acc, n, unreachable) in report.items():
        lines.append(f"#   {part:4s} {sub:8s} {acc:.3f} of {n} quotes ({unreachable} unreachable)")
    lines += [f"{n} {v:.4f}" for n, v in sorted(w.items())]
    text = "\n".join(lines) + "\n"
    if args.write:
        with open(os.path.join(ROOT, "data", "model", "speakers.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
