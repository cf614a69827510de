#!/usr/bin/env python3
"""The leave-one-kind-out test of the boilerplate pass.

For each kind of furniture labelled in ../shared/corpus/synthetic (each
defect there names its kind), run the pass with that kind's own phrases
left out (the patterns written for it, and the lexicon's words tagged for
it no longer pointing to it; see src/analysis/boilerplate/ablation.rs) and
measure the recall of that kind's lines: how much of it the other evidence
(shape, position, the general UI vocabulary) still finds. That is the
`without` column, which --min checks. The `strict` column leaves the
kind's words out of the UI vocabulary too (read as plain words), a harder
test printed beside it. Also printed: the recall with every phrase in
use, and the false-positive lines over all synthetic articles in each run
of the `without` column (the 30 controls included).

The learned score's shipped weights (data/model/furniture.txt) were
fitted with every kind's lines; scripts/fit_furniture.py prints the
stricter cross-validated figure, with the kind's lines out of the fit too.

Usage: scripts/leave_one_kind_out.py [--corpus ../shared/corpus] [--min 0.85]
Exits 1 when a kind's recall without its phrases is below --min.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(exe, files, kind=None, flag="--without"):
    args = [exe] + ([flag, kind] if kind else []) + files
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return {json.loads(line)["file"]: set(json.loads(line)["lines"]) for line in out.splitlines() if line.strip()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--min", type=float, default=0.85)
    args = ap.parse_args()
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--example", "furniture_ablation"], cwd=ROOT, check=True
    )
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "release", "examples", "furniture_ablation")
    files = sorted(glob.glob(os.path.join(args.corpus, "synthetic", "*.txt")))
    gold = {}
    by_kind = collections.defaultdict(list)  # kind -> [(file, line)]
    for f in files:
        with open(f[:-4] + ".json", encoding="utf-8") as g:
            data = json.load(g)
        gold[f] = set(data.get("boilerplate_lines", []))
        for d in data.get("defects", []):
            if d["kind"].startswith("boilerplate/"):
                by_kind[d["kind"]].append((f, d["line"]))
    full = run(exe, files)

    def recall(pred, items):
        return sum(1 for f, line in items if line in pred.get(f, set())) / max(1, len(items))

    def false_positives(pred):
        return sum(len(pred.get(f, set()) - gold[f]) for f in files)

    print(f"{'kind':24s} {'lines':>5s} {'recall':>7s} {'without':>8s} {'fp':>4s} {'strict':>7s}")
    failed = []
    for kind in sorted(by_kind):
        items = by_kind[kind]
        ablated = run(exe, files, kind)
        strict = run(exe, files, kind, "--without-words")
        r_full, r_without = recall(full, items), recall(ablated, items)
        print(
            f"{kind:24s} {len(items):5d} {r_full:7.3f} {r_without:8.3f} {false_positives(ablated):4d} "
            f"{recall(strict, items):7.3f}"
        )
        if r_without < args.min:
            failed.append(kind)
    print(f"false-positive lines with every phrase in use: {false_positives(full)}")
    if failed:
        print(f"below {args.min}: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
