#!/usr/bin/env python3
"""Run a newsroom archive through copydesk as the map step of Spark.

The archive is JSON Lines, one article per line: {"id": ..., "text": ...}.
Each partition of it is piped through one `copydesk analyze --format jsonl -`
process (PySpark's RDD.pipe), which writes one result object per input line,
in input order and with the input's id; so the collected output is, line for
line, what `copydesk analyze --format jsonl ARCHIVE` prints on one machine.

Local mode, on this machine's cores (what .ci/run runs):

    python3 examples/spark_archive.py --bin target/release/copydesk \\
        --partitions 4 archive.jsonl --output results.jsonl

On a cluster, give the binary to every executor and write the results where
the cluster keeps data instead of collecting them (see the README's "An
archive on Spark"):

    spark-submit --master yarn --files target/release/copydesk \\
        examples/spark_archive.py --bin ./copydesk \\
        hdfs:///archive/2016.jsonl --save hdfs:///copydesk/2016

A line that is not such an object comes out as an error object naming its
line number within its partition; its id is kept when it has one. The
process's exit code is therefore not checked (copydesk exits 2 after such a
line but analyses the rest); a process that dies loses its partition's
output, which `--output` reports as a count mismatch.
"""

import argparse
import shlex
import sys

from pyspark import SparkConf, SparkContext


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Analyse a JSON Lines archive with copydesk on Spark."
    )
    parser.add_argument("archive", help="JSON Lines input (a path or URL Spark can read)")
    parser.add_argument(
        "--bin",
        default="copydesk",
        help="the copydesk binary as each executor finds it (default: on PATH)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="at least this many partitions, so this many copydesk processes",
    )
    parser.add_argument(
        "--master",
        default=None,
        help="Spark master when not set by spark-submit (default: local[*])",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--output", help="collect the results to this local file, in input order"
    )
    where.add_argument(
        "--save", help="write the results with saveAsTextFile to this directory"
    )
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    conf = SparkConf().setAppName("copydesk-archive")
    if args.master or not conf.contains("spark.master"):
        conf.setMaster(args.master or "local[*]")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        archive = sc.textFile(args.archive, minPartitions=args.partitions)
        command = shlex.join([args.bin, "analyze", "--format", "jsonl", "--no-config", "-"])
        results = archive.pipe(command, checkCode=False)
        if args.save:
            results.saveAsTextFile(args.save)
            return 0
        lines = results.collect()
        with open(args.output, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
        inputs = archive.count()
        if len(lines) != inputs:
            print(
                f"spark_archive: {inputs} articles in, {len(lines)} results out",
                file=sys.stderr,
            )
            return 1
        return 0
    finally:
        sc.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
