#!/usr/bin/env python3
"""Writes data/members.csv, the member registry, from the person files of the polder dataset (CC0).

Usage: python3 scripts/members-from-polder.py <polder checkout> > data/members.csv
polder (https://github.com/anneschuth/polder) keeps one YAML file per person under data/personen/,
with the Tweede Kamer seats ("Kamerlid voor <fractie>") taken from the Tweede Kamer's open data
(FractieZetelPersoon). One row per seat that lasted into 2017 or later; the faction name is kept as
the Tweede Kamer writes it. Needs PyYAML. Not run by the build: the CSV is committed.
"""
import csv
import pathlib
import sys

import yaml

SINCE = "2017-01-01"
PREFIX = "Kamerlid voor "


def rows(root):
    for path in sorted((root / "data" / "personen").glob("*.yaml")):
        person = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = person.get("name") or {}
        for seat in person.get("mandaten") or []:
            role = seat.get("role") or ""
            if seat.get("organization_id") != "org:tweede-kamer" or not role.startswith(PREFIX):
                continue
            start, end = str(seat.get("start_date") or ""), seat.get("end_date")
            end = "" if end is None else str(end)
            if end and end < SINCE:
                continue
            yield [
                name.get("family", ""),
                name.get("initials", "") or "",
                name.get("given", "") or "",
                role[len(PREFIX):].strip(),
                start,
                end,
                person["identifiers"].get("tk_persoon_id", ""),
            ]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["family", "initials", "given", "faction", "from", "to", "tk_persoon_id"])
    for row in sorted(rows(pathlib.Path(sys.argv[1])), key=lambda r: (r[0].lower(), r[1], r[4])):
        out.writerow(row)


main()
