"""Property tests of corpus runs (README "Corpus runs"): any subset of the seed reports, copies of them under
one stem in several folders and bad files among them, in any order, give one reports row per file under ids of
their own, and the same frames whatever the order the files come in; inputs in any order and spelling, and files
of any name, are found once each under ids of their own.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import corpus

from scale import scaled

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = sorted(p.name for p in RAW.glob("*.txt"))
_BAD = {"empty": b"", "binary": bytes(range(256)) * 8}


@settings(max_examples=scaled(3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seeds=st.lists(st.sampled_from(SEEDS), min_size=1, max_size=3, unique=True),
       bad=st.lists(st.tuples(st.sampled_from(sorted(_BAD)), st.sampled_from(["a", "b", "c"]),
                              st.sampled_from(["own", "seed"])), max_size=3))
def test_any_files_in_any_order_give_one_row_each_and_the_same_frames(data, seeds, bad, tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    files: list[Path] = []
    for name in seeds:  # each seed in one folder or more: one stem in several folders
        for folder in data.draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True),
                                label=name):
            (root / folder).mkdir(exist_ok=True)
            files.append(Path(shutil.copy(RAW / name, root / folder / name)))
    failing = set()
    for i, (kind, folder, stem) in enumerate(bad):  # named as its own, or as a seed's file (a stem shared)
        path = root / folder / (f"{kind}{i}.txt" if stem == "own" else seeds[i % len(seeds)])
        if path in files:
            continue
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(_BAD[kind])
        files.append(path)
        failing.add(str(path))
    if data.draw(st.booleans(), label="a seed's stem with a suffix of its own"):  # 'x-2.txt', as ids are made
        path = root / "c" / f"{Path(seeds[0]).stem}-2.txt"
        path.parent.mkdir(exist_ok=True)
        files.append(Path(shutil.copy(RAW / seeds[0], path)))
    # the files named, some twice, or their folders (a file given twice, or in a folder given, is one file)
    inputs = [*map(str, files), *map(str, data.draw(st.lists(st.sampled_from(files), max_size=2), label="twice"))]
    if data.draw(st.booleans(), label="folders"):
        inputs = sorted({str(Path(p).parent) for p in inputs}) + inputs[:1]
    order = data.draw(st.permutations(inputs), label="order")
    got = corpus.extract_corpus(order, jobs=1, timeout=120)
    reports = got["reports"]
    assert len(reports) == len(files) and reports["report_id"].is_unique, reports[["report_id", "path"]]
    assert sorted(map(str, reports["path"])) == sorted(map(str, files))
    # ids: the stem for the first file of a stem in path order, a suffix for the next ones, none an id taken
    ids = dict(zip(reports["path"].map(str), reports["report_id"]))
    for stem in {p.stem for p in files}:
        first = min((p for p in files if p.stem == stem), key=lambda p: p.as_posix())
        assert ids[str(first)] == stem, (stem, ids)
    status = dict(zip(reports["path"].map(str), reports["status"]))
    assert all((status[str(p)] == "failed") == (str(p) in failing) for p in files), status
    again = corpus.extract_corpus([str(p) for p in sorted(files)], jobs=1, timeout=120)
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(got[name], again[name], obj=name)


def _spellings(root: Path, rel: str) -> list[str]:
    """Ways of naming one path: as is, with './' or '//' between its parts, through a linked folder."""
    parts = rel.split("/")
    return [str(root / rel), str(root) + "/./" + rel, str(root) + "//" + "//".join(parts),
            str(root / "link") + "/" + rel]


@settings(max_examples=scaled(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_inputs_in_any_order_and_spelling_give_the_same_files_and_ids(data, tmp_path_factory):
    # What a run reads, under which names and ids, is a function of the files named, not of the order or
    # the spelling of the arguments (a file given as 'd/x.txt' and './d/x.txt' was kept under the first
    # given; breaking _keep_one's or _assign_ids' tie-breaks, or making ids of positions, fails this).
    root = tmp_path_factory.mktemp("spell")
    rels = ["a/x.txt", "b/x.txt", "a/sub/x.txt", "b/x-2.txt", "a/  .txt", "b/y.html"]
    for rel in rels:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("某局\n", encoding="utf-8")
    (root / "link").symlink_to(root, target_is_directory=True)
    (root / "b" / "latest.txt").symlink_to(root / "a" / "x.txt")
    named = data.draw(st.lists(st.sampled_from([*rels, "b/latest.txt", "gone.txt", "a", "b", "a/sub"]),
                               min_size=1, max_size=6), label="named")
    inputs = [data.draw(st.sampled_from(_spellings(root, rel)), label=rel) for rel in named]
    orders = [inputs, data.draw(st.permutations(inputs), label="order"), list(reversed(inputs))]
    results = []
    for order in orders:
        files = corpus._collect(order).files
        ids = corpus._assign_ids(files, None)
        results.append(sorted(zip(ids, files)))
        assert len(set(ids)) == len(ids) and all(i.strip() for i in ids), ids
        # one input per file: no two names of one file, and every file named is there
        assert len({corpus._real_key(f) for f in files}) == len(files), files
    assert results[0] == results[1] == results[2], results


_NAME_CHARS = st.sampled_from([*" .-_~$[]*?!#'\"，。報告报告\u00e9\u0301\t\\{}()@+=%&^😀aAbB1", "\n", "\r"])
_NAMES = st.builds(lambda stem, ext: stem + ext, st.text(_NAME_CHARS, min_size=1, max_size=8),
                   st.sampled_from(["", ".txt", ".TXT", ".Html", ".pdf", ".rtf", ".csv", ".md", ".tar.gz", "."]))


@settings(max_examples=scaled(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(named=st.lists(st.tuples(st.sampled_from(["", "a", "a/b", ".h", "c"]),
                                _NAMES.filter(lambda n: n not in (".", ".."))), min_size=1, max_size=8, unique=True),
       how=st.sampled_from(["folder", "files", "both"]))
def test_odd_file_names_are_each_found_once_under_an_id_of_their_own(named, how, tmp_path_factory):
    # Names with spaces, Unicode (NFC and NFD), glob characters, leading dashes, line breaks and dots, upper-case
    # extensions: a folder gives exactly its report files outside hidden folders (a name taken as a pattern, an
    # extension compared in one case only, a hidden folder searched, fails this); a file named is always an
    # input; every input once, under an id that is unique and not blank (a blank stem '  .txt' gave a blank id).
    root = tmp_path_factory.mktemp("names")
    paths = []
    for folder, name in named:
        (root / folder).mkdir(parents=True, exist_ok=True)
        if not (root / folder / name).exists():
            (root / folder / name).write_text("x", encoding="utf-8")
            paths.append(root / folder / name)
    inputs = {"folder": [str(root)], "files": list(map(str, paths)), "both": [str(root), *map(str, paths)]}[how]
    files = corpus._collect(inputs).files
    ids = corpus._assign_ids(files, None)
    assert len(set(ids)) == len(ids) and all(i.strip() for i in ids), ids
    assert len({corpus._real_key(f) for f in files}) == len(files), files
    real = {os.path.realpath(f) for f in files}
    if how == "folder":
        want = {os.path.realpath(p) for p in paths
                if corpus._kind(p.name) == "report" and not p.relative_to(root).parts[0].startswith(".")}
        assert real == want or (not want and files == [str(root)]), (sorted(want), sorted(real))
    else:
        assert {os.path.realpath(p) for p in paths} <= real
