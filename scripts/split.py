#!/usr/bin/env python3
"""The fixed fit / held-out split of the development corpora.

Every accuracy change is measured on both parts: the *fit* part is what
error analysis and weight fitting may look at; the *held* part is only
ever scored. A change that helps the fit part and not the held part is
fitting, not progress.

The split is by a hash of the article's file name, so it never depends on
the order files are listed in or on what else is in the folder:

- polnear: an article is held out when the first byte of SHA-256(name) is
  odd (about half of the 837);
- ggt: the 15 articles whose SHA-256(name) sort first are held out, the
  other 35 are fit;
- seed and synthetic are small and labelled for other tasks: both parts
  leave them out (score them on their own).

Usage:
  scripts/split.py list fit|held [--corpus DIR]    print the .txt paths
  scripts/split.py link DEST [--corpus DIR]        make DEST/fit and
      DEST/held, trees of symbolic links that score.py can read:
      python3 ../shared/eval/score.py --bin target/release/copydesk DEST/held
"""

import argparse
import hashlib
import os
import sys

GGT_HELD = 15


def digest(name: str) -> bytes:
    return hashlib.sha256(name.encode("utf-8")).digest()


def articles(corpus: str, sub: str) -> list[str]:
    folder = os.path.join(corpus, sub)
    if not os.path.isdir(folder):
        return []
    return sorted(
        n[: -len(".txt")]
        for n in os.listdir(folder)
        if n.endswith(".txt") and os.path.exists(os.path.join(folder, n[:-4] + ".json"))
    )



def scorer(corpus: str):
    """The scorer's module (../shared/eval/score.py beside the corpus), for
    its quote and name matching."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(corpus)), "eval"))
    import score  # noqa: E402

    return score

def split(corpus: str) -> dict[str, list[tuple[str, str]]]:
    """{'fit': [(sub, name)], 'held': [...]}."""
    parts: dict[str, list[tuple[str, str]]] = {"fit": [], "held": []}
    for name in articles(corpus, "polnear"):
        part = "held" if digest(name)[0] % 2 == 1 else "fit"
        parts[part].append(("polnear", name))
    ggt = sorted(articles(corpus, "ggt"), key=digest)
    parts["held"] += [("ggt", n) for n in ggt[:GGT_HELD]]
    parts["fit"] += [("ggt", n) for n in ggt[GGT_HELD:]]
    return parts


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_corpus = os.path.normpath(os.path.join(here, "..", "..", "shared", "corpus"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["list", "link"])
    ap.add_argument("arg", help="fit|held for list, the destination folder for link")
    ap.add_argument("--corpus", default=default_corpus)
    args = ap.parse_args()
    parts = split(args.corpus)
    if not parts["fit"]:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    if args.command == "list":
        if args.arg not in parts:
            print("list takes fit or held", file=sys.stderr)
            return 2
        for sub, name in parts[args.arg]:
            print(os.path.join(args.corpus, sub, name + ".txt"))
        return 0
    for part, items in parts.items():
        for sub, name in items:
            dest = os.path.join(args.arg, part, sub)
            os.makedirs(dest, exist_ok=True)
            for ext in (".txt", ".json"):
                link = os.path.join(dest, name + ext)
                if not os.path.lexists(link):
                    os.symlink(os.path.abspath(os.path.join(args.corpus, sub, name + ext)), link)
    counts = {p: len(v) for p, v in parts.items()}
    print(f"{args.arg}: fit {counts['fit']} articles, held {counts['held']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
