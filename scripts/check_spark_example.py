#!/usr/bin/env python3
"""Checks that examples/spark_archive.py gives what the CLI gives.

Builds a JSON Lines archive from the repository's own example and fixture
articles (each article whole, and each of its first-k-paragraph cuts, so
the archive has dozens of records that differ), runs
`copydesk analyze --format jsonl` on it, runs the Spark example in local
mode with several partitions on the same file, and compares the two outputs
byte for byte. Exit 0 when they are equal, 1 (with the first difference)
when not. Needs pyspark and a JDK (.ci/run installs both).

    python3 scripts/check_spark_example.py target/release/copydesk
"""

import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ["examples", "tests/fixtures"]
PARTITIONS = 3


def articles():
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(ROOT).as_posix()
            yield name, text
            paragraphs = text.split("\n\n")
            for k in range(1, len(paragraphs)):
                yield f"{name}#{k}", "\n\n".join(paragraphs[:k])


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = pathlib.Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        archive = tmp / "archive.jsonl"
        records = [{"id": name, "text": text} for name, text in articles()]
        archive.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
            encoding="utf-8",
        )
        expected = subprocess.run(
            [str(binary), "analyze", "--format", "jsonl", "--no-config", str(archive)],
            check=True,
            capture_output=True,
        ).stdout
        output = tmp / "spark.jsonl"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "examples" / "spark_archive.py"),
                "--bin",
                str(binary),
                "--partitions",
                str(PARTITIONS),
                "--master",
                "local[2]",
                str(archive),
                "--output",
                str(output),
            ],
            check=True,
        )
        got = output.read_bytes()
    if got != expected:
        for n, (a, b) in enumerate(zip(expected.splitlines(), got.splitlines()), 1):
            if a != b:
                print(f"line {n} differs:\n  cli:   {a[:200]!r}\n  spark: {b[:200]!r}")
                break
        else:
            print(f"{len(expected.splitlines())} lines from the CLI, {len(got.splitlines())} from Spark")
        return 1
    print(f"spark example: {len(records)} articles, {PARTITIONS} partitions, output equals the CLI's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
