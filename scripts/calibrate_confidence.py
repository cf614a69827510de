#!/usr/bin/env python3
"""How often the speaker is right at each confidence the ranking gives.

The hover names a quote's speaker with a word for how sure copydesk is
(src/lsp/features/common.rs, `confidence_words`): "certain", "likely" or
"unsure". The word must mean what it says on the development corpora, so
this script measures it: it runs `copydesk analyze --format json` on the
ggt and polnear articles of each part of scripts/split.py, matches the
predicted quotes to the gold ones as score.py does, and prints, for each
band of the ranking's confidence, how many matched quotes fall in it and
how many of those have the right speaker; then the accuracy of each of
the hover's three words, whose bands are chosen on the fit part so that
"certain" is right about 94 % of the time, "likely" about 80 % and
"unsure" about half; the held part checks them.

Usage:
  scripts/calibrate_confidence.py [--bin target/release/copydesk] [--corpus ../shared/corpus]
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import split  # noqa: E402

# The hover's bands (src/lsp/features/common.rs, `confidence_words`):
# "certain" at or above CERTAIN_AT, "likely" at or above LIKELY_AT.
CERTAIN_AT = 0.95
LIKELY_AT = 0.80



def matched(binary, path, score):
    """[(confidence, right)] of the predicted quotes that match gold ones."""
    with open(path[:-4] + ".json", encoding="utf-8") as f:
        gold = json.load(f).get("quotes")
    if gold is None:
        return []
    out = subprocess.run([binary, "analyze", "--format", "json", path], capture_output=True, text=True)
    pred = json.loads(out.stdout).get("quotes", [])
    pairs = score.match_quotes([score.norm_quote(q["text"]) for q in pred], [score.norm_quote(q["text"]) for q in gold])
    rows = []
    for pi, gi in pairs:
        p, g = pred[pi], gold[gi]
        right = bool(p.get("speaker")) and bool(score.match_names([p["speaker"]], [g.get("speaker") or ""]))
        rows.append((p.get("confidence") or 0.0, right))
    return rows


def accuracy(rows):
    return sum(r for _, r in rows) / len(rows) if rows else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "copydesk"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    args = ap.parse_args()
    score = split.scorer(args.corpus)
    parts = split.split(args.corpus)
    data = {}
    for part, items in parts.items():
        paths = [os.path.join(args.corpus, sub, name + ".txt") for sub, name in items]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            data[part] = [row for rows in pool.map(lambda p: matched(args.bin, p, score), paths) for row in rows]
    bands = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]
    for part in ("fit", "held"):
        rows = data[part]
        print(f"{part}: {len(rows)} matched quotes, speaker right {accuracy(rows):.3f}")
        for lo, hi in zip(bands, bands[1:]):
            band = [r for r in rows if lo <= r[0] < hi]
            print(f"  confidence {lo:.2f}-{min(hi, 1.0):.2f}: {len(band):5d} quotes, right {accuracy(band):.3f}")
    for part in ("fit", "held"):
        rows = data[part]
        for word, band in (
            ("certain", [r for r in rows if r[0] >= CERTAIN_AT]),
            ("likely", [r for r in rows if LIKELY_AT <= r[0] < CERTAIN_AT]),
            ("unsure", [r for r in rows if r[0] < LIKELY_AT]),
        ):
            print(f"{part} {word:8s} {len(band):5d} quotes ({len(band) / max(len(rows), 1):.0%}), right {accuracy(band):.3f}")

if __name__ == "__main__":
    main()
