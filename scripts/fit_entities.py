#!/usr/bin/env python3
"""Fit the person weights of the entity classifier (data/model/entity_kinds.txt).

`examples/entity_evidence.rs` prints, for every group of name candidates
the classifier decides, the evidence it weighs
(src/analysis/entities/kind_evidence.rs). A group is a person when its
name matches one of the article's gold `people` as score.py matches names
(one to one: equal names first, then a shared last word).

The classifier calls a group a person when its person score beats the
organisation and place scores (and zero); a name only ever at the start
of a sentence needs 2. So the fit is a logistic regression of the person
score with the rival score (the higher of organisation, place and zero)
as a fixed offset, in the units the file already uses: Newton's method,
an L2 penalty that draws each weight back to the shipped one (the prior),
on the ggt articles of scripts/split.py's fit part; POLNEAR_WEIGHT > 0
adds the polnear fit part's named gold speakers as people at that weight.
Groups the classifier never weighs (a headline's words only, an author's
bio, a lone organisation word) are left out. The organisation and place
weights have no gold to learn from (ggt labels people only) and stay as
written by hand.

The script prints a 5-fold cross-validation on the ggt fit articles, then
for the fit and the held part: people P/R/F1 as the rows predict them,
with the shipped weights and with the fitted ones, and how many of
polnear's named gold speakers are typed as people (a check). Both parts,
every time.

Usage:
  scripts/fit_entities.py [--corpus ../shared/corpus] [--write]
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

MODEL = os.path.join(ROOT, "data", "model", "entity_kinds.txt")
ITERATIONS = 50
L2 = float(os.environ.get("ENTITY_L2", "1.0"))  # towards the hand weights
POLNEAR_WEIGHT = float(os.environ.get("POLNEAR_WEIGHT", "0"))
FOLDS = 5
CROSS_VALIDATE = os.environ.get("CROSS_VALIDATE", "1") == "1"


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def evidence(paths):
    exe = os.path.join(target_dir(), "release", "examples", "entity_evidence")
    rows = []
    for i in range(0, len(paths), 100):
        out = subprocess.run([exe] + paths[i : i + 100], capture_output=True, text=True, check=True).stdout
        rows += [json.loads(line) for line in out.splitlines() if line.strip()]
    return rows



def weighed(row):
    """Whether the person score decides this row (no gate took it)."""
    if row["only_bio"] or row["lone_organisation_word"]:
        return False
    return not row["headline_only"]


def named(speaker):
    """A gold speaker given by name ("Hillary Clinton"), not a description."""
    if not isinstance(speaker, str):
        return False
    words = [w for w in speaker.replace(".", " ").split() if w[:1].isalpha()]
    return bool(words) and words[0] not in ("The", "A", "An") and all(w[:1].isupper() for w in words)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def predicted_people(rows, is_person, score):
    names, seen = [], set()
    for row in rows:
        if is_person(row):
            key = tuple(score.name_words(row["name"]))
            if key and key not in seen:
                seen.add(key)
                names.append(row["name"])
    return names


def people_figures(articles, is_person, score):
    tp = fp = fn = 0
    for rows, gold in articles:
        pred = predicted_people(rows, is_person, score)
        pairs = score.match_names(pred, gold)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
    return tp, fp, fn


def speaker_check(articles, is_person, score):
    typed = total = 0
    for rows, speakers in articles:
        pred = predicted_people(rows, is_person, score)
        for s in speakers:
            total += 1
            typed += bool(score.match_names(pred, [s]))
    return typed, total


def dot(w, features):
    return sum(w.get(name, 0.0) * value for name, value in features.items())


def solve(a, b):
    """x with a x = b, by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) >= 1e-12 else 0.0 for i in range(n)]


def fit(examples, names, prior):
    """Logistic regression with an L2 penalty (not on the bias), by
    Newton's method; `examples` are (features, label, weight, offset):
    the offset is taken from the score, a fixed part of the model."""
    names = sorted(names)
    index = {k: i for i, k in enumerate(names)}
    rows = [([(index[k], v) for k, v in f.items() if k in index], y, c, o) for f, y, c, o in examples]
    k = len(names)
    centre = [prior.get(n, 0.0) for n in names]
    w = centre[:]

    def loss(w):
        total = sum(L2 / 2 * (w[i] - centre[i]) ** 2 for i in range(k) if names[i] != "bias")
        for x, y, c, o in rows:
            z = sum(w[i] * v for i, v in x) - o
            total += c * (math.log1p(math.exp(-abs(z))) + max(z, 0.0) - y * z)
        return total
    for _ in range(ITERATIONS):
        grad = [L2 * (w[i] - centre[i]) if names[i] != "bias" else 0.0 for i in range(k)]
        hess = [[0.0] * k for _ in range(k)]
        for i in range(k):
            if names[i] != "bias":
                hess[i][i] += L2
        for x, y, c, o in rows:
            z = sum(w[i] * v for i, v in x) - o
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = c * (p - y)
            h = c * max(p * (1 - p), 1e-9)
            for i, v in x:
                grad[i] += g * v
                for j, u in x:
                    hess[i][j] += h * v * u
        step = solve(hess, grad)
        # halve the step while it makes the loss worse (Newton overshoots
        # where the data separate)
        before = loss(w)
        for _ in range(20):
            trial = [a - b for a, b in zip(w, step)]
            if loss(trial) <= before:
                break
            step = [b / 2 for b in step]
        w = trial
        if max(abs(s) for s in step) < 1e-6:
            break
    return dict(zip(names, w))


def cross_validated(ggt, examples, names, hand, score, prior):
    """People P/R/F1 of the ggt fit articles, each predicted by weights
    fitted without its fold (polnear's rows always in)."""
    per_article = []
    for rows, gold in ggt:
        per_article.append(sum(1 for r in rows if weighed(r)))
    starts, at = [], 0
    for n in per_article:
        starts.append(at)
        at += n
    tp = fp = fn = 0
    for fold in range(FOLDS):
        held = {i for i in range(len(ggt)) if i % FOLDS == fold}
        skip = set()
        for i in held:
            skip.update(range(starts[i], starts[i] + per_article[i]))
        w = fit([e for j, e in enumerate(examples) if j not in skip], sorted(names), prior)
        a, b, c = people_figures([ggt[i] for i in sorted(held)], lambda row: decides_person(w, hand, row), score)
        tp, fp, fn = tp + a, fp + b, fn + c
    p, r, f1 = prf(tp, fp, fn)
    return f"P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def shipped_columns():
    """{kind: {feature: weight}} of the shipped file: its person column is
    the prior the fit starts from and is drawn back to, its organisation
    and place columns the rival scores."""
    columns = {"person": {}, "organisation": {}, "place": {}}
    with open(MODEL, encoding="utf-8") as f:
        for line in f:
            body = line.split("#")[0].split()
            if len(body) == 2 and ":" in body[0]:
                kind, feature = body[0].split(":", 1)
                columns[kind][feature] = float(body[1])
    return columns


def rival(hand, row):
    """The score a person score must beat: the higher of the organisation
    and place scores, and zero."""
    return max(0.0, dot(hand["organisation"], row["features"]), dot(hand["place"], row["features"]))


def decides_person(w, hand, row):
    """What src/analysis/entities/classify.rs decides: a person when the
    person score is the highest (above the organisation score, at least the
    place score, above zero) and, for a name only ever at a sentence's
    start, at least 2."""
    if not weighed(row):
        return False
    person = dot(w, row["features"])
    if not row["certain"] and person < 2.0:
        return False
    return person > rival(hand, row) and person >= dot(hand["place"], row["features"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    score = split.scorer(args.corpus)
    parts = split.split(args.corpus)
    data = {}
    for part, items in parts.items():
        paths = [os.path.join(args.corpus, sub, name + ".txt") for sub, name in items]
        rows = evidence(paths)
        by_file = {}
        for row in rows:
            by_file.setdefault(row["file"], []).append(row)
        ggt, polnear = [], []
        for sub, name in items:
            path = os.path.join(args.corpus, sub, name + ".txt")
            with open(path[:-4] + ".json", encoding="utf-8") as f:
                gold = json.load(f)
            file_rows = by_file.get(path, [])
            if sub == "ggt" and "people" in gold:
                ggt.append((file_rows, [p for p in gold["people"] if isinstance(p, str) and p.strip()]))
            elif sub == "polnear":
                speakers = sorted({q.get("speaker") for q in gold.get("quotes", []) if named(q.get("speaker"))})
                polnear.append((file_rows, speakers))
        data[part] = (ggt, polnear)

    # the fit part's rows, each labelled by the gold
    hand = shipped_columns()
    examples = []
    names = set()
    for rows, gold in data["fit"][0]:
        candidates = [r for r in rows if weighed(r)]
        pred = [r["name"] for r in candidates]
        matched = {pi for pi, _ in score.match_names(pred, gold)}
        for i, r in enumerate(candidates):
            examples.append((r["features"], 1.0 if i in matched else 0.0, 1.0, rival(hand, r)))
            names.update(r["features"])
    # polnear's fit part (POLNEAR_WEIGHT > 0): a group that names a gold
    # speaker is a person; the others may be people who are not quoted, so
    # they are left out
    for rows, speakers in data["fit"][1] if POLNEAR_WEIGHT else []:
        candidates = [r for r in rows if weighed(r)]
        matched = {pi for pi, _ in score.match_names([r["name"] for r in candidates], speakers)}
        for i, r in enumerate(candidates):
            if i in matched:
                examples.append((r["features"], 1.0, POLNEAR_WEIGHT, rival(hand, r)))
    prior = hand["person"]
    names.update(prior)
    w = fit(examples, sorted(names), prior)
    if CROSS_VALIDATE:
        print(f"fit  cross-validated ({FOLDS} folds of the ggt fit articles): people "
              + cross_validated(data["fit"][0], examples, names, hand, score, prior))

    shipped = lambda row: row["kind"] == "person"  # noqa: E731
    learned = lambda row: decides_person(w, hand, row)  # noqa: E731
    report = []
    for part in ("fit", "held"):
        ggt, polnear = data[part]
        for label, rule in (("shipped", shipped), ("fitted", learned)):
            tp, fp, fn = people_figures(ggt, rule, score)
            p, r, f1 = prf(tp, fp, fn)
            typed, total = speaker_check(polnear, rule, score)
            report.append(
                f"{part:4s} {label:7s} ggt people P {p:.3f} R {r:.3f} F1 {f1:.3f} "
                f"(tp {tp}, fp {fp}, fn {fn}); polnear named speakers typed as people "
                f"{typed}/{total} ({typed / max(total, 1):.3f})"
            )
    for line in report:
        print(line)
    positives = sum(1 for _, y, _, _ in examples if y)
    header = [
        "# Entity kind weights: `kind:feature weight` per line, the kind one of",
        "# person, organisation, place; the features are those of",
        "# src/analysis/entities/kind_evidence.rs. The kind is that of the highest",
        "# score (src/analysis/entities/classify.rs).",
        f"# The person weights were written by scripts/fit_entities.py on {datetime.date.today()}:",
        f"# a logistic regression (Newton's method, L2 penalty {L2} towards the weights",
        f"# this file held before) on the {len(examples)} candidate groups ({positives} of them",
        "# gold people) of the ggt articles of scripts/split.py's fit part. The",
        "# organisation and place weights are set by hand: ggt labels people only.",
        "# People as the rows predict them, and polnear's named gold speakers",
        "# typed as people (a check, not fitted on):",
    ] + [f"#   {line}" for line in report if " fitted " in line]
    body = [f"person:{k} {v:.4f}" for k, v in sorted(w.items()) if abs(v) >= 5e-5] + [
        f"{kind}:{feature} {value:g}" for kind in ("organisation", "place") for feature, value in hand[kind].items()
    ]
    text = "\n".join(header + body) + "\n"
    if args.write:
        with open(MODEL, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {MODEL}")
    else:
        print(text)


if __name__ == "__main__":
    main()
