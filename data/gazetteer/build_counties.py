"""Rebuild the county-level rows of toolkit/data/gazetteer.csv from cpca's adcodes.csv (see README.md here).

Run from the repository's root: ``python data/gazetteer/build_counties.py``.  The rows written by an earlier run
(their note starts with ``MARK``) are dropped and written again; every other row (provinces, prefectures, the
county-level rows written by hand, and those of gazetteer_changes.csv, units created or renamed since cpca's list)
is kept as it is, except that a county-level row's empty ``short`` is filled where the short form is unambiguous
(among the rows of both files).  Standard library only: the toolkit does not depend on cpca.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parents[1] / "toolkit" / "data" / "gazetteer.csv"
CHANGES = GAZETTEER.with_name("gazetteer_changes.csv")  # written by hand: units created or renamed since about 2016
MARK = "county-level; cpca 0.5.5 adcode "
# county-level endings, longest first (adcodes' other county rows: 市辖区, a city's districts, and 三沙市's islands)
ENDINGS = ("自治县", "自治旗", "新区", "林区", "特区", "县", "区", "市", "旗")
# adcodes' rows that stand for a group of counties, no prefecture: their counties have no parent
NO_PARENT = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:  # a note written with a comma and no quotes ('X城 + 市, read as 城市') is one field
        if None in row:
            row["note"] = ",".join([row["note"], *row.pop(None)])
    return rows


def stem(name: str, nations: list[str]) -> str:
    """The short form of a county-level name: without its ending and its peoples (围场满族蒙古族自治县 → 围场)."""
    base = name[: -len(next(e for e in ENDINGS if name.endswith(e)))]
    found = [base.find(n) for n in nations if n in base]
    return base[: min(found)] if found else base


def build() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The gazetteer's rows (the kept rows, then one row per county-level unit of adcodes.csv not among them) and
    the rows of the changes since, their short forms filled alike."""
    rows = [r for r in _read(GAZETTEER) if not r["note"].startswith(MARK)]
    changes = _read(CHANGES)
    codes = {r["adcode"]: r["name"] for r in _read(HERE / "adcodes.csv")}
    nations = (HERE / "56_nations.csv").read_text(encoding="utf-8").split()  # one people a line, no header
    province = {r["name"]: r["short"] for r in rows if r["level"] == "province"}
    # a prefecture renamed since (那曲地区 → 那曲市) is the gazetteer's row holding the old name as an alias
    canonical = {a: r["name"] for r in rows for a in [r["name"], *r["aliases"].split(";")] if a}
    known = set(canonical)
    units = []
    for code, name in sorted(codes.items()):
        if code[4:6] == "00" or code[6:] != "000000" or not name.endswith(ENDINGS) or name in NO_PARENT:
            continue
        if name in known:
            continue  # a row written by hand (桐城市, 济源市): kept with its note
        parent = codes.get(code[:4] + "00000000", "")
        units.append({"name": name, "short": "", "aliases": "", "level": "county",
                      "parent": "" if parent in NO_PARENT else canonical.get(parent, ""),
                      "province": province[codes[code[:2] + "0" * 10]], "in_text": "no",
                      "note": f"{MARK}{code[:6]}"})
    counties = [r for r in rows if r["level"] == "county"] + units + changes
    stems = Counter(stem(r["name"], nations) for r in counties)
    # a short form names one unit: not two counties (通州区 of Beijing and of Nantong, 鼓楼区; 龙港区 and 龙港市), nor
    # a county and a province or prefecture (朝阳区, 朝阳市), nor any other name of the gazetteer
    taken = known | {r["short"] for r in rows if r["short"]} | {r["name"] for r in units + changes}
    for row in counties:
        short = stem(row["name"], nations)
        if not row["short"] and len(short) >= 2 and stems[short] == 1 and short not in taken:
            row["short"] = short
    return rows + units, changes


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    rows, changes = build()
    _write(GAZETTEER, rows)
    _write(CHANGES, changes)
    print(f"{GAZETTEER}: {len(rows)} rows, {sum(r['note'].startswith(MARK) for r in rows)} from adcodes.csv; "
          f"{CHANGES.name}: {len(changes)} rows")


if __name__ == "__main__":
    main()
