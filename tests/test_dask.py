"""The Dask backend gives the same output as the local run (on a LocalCluster)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit import cli, corpus
from test_corpus import RAW, RAW_REPORTS, fake_parse, write_fake_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # workers must import the test helpers (fake_parse) by name
    tests_dir = str(Path(__file__).resolve().parent)
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([tests_dir, *([old] if old else [])])
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=50) as c:
            yield c
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


def test_dask_matches_local_on_the_seeds(cluster, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [RAW, tmp_path / "empty.txt"]
    local = corpus.extract_corpus(inputs, jobs=2)
    remote = corpus.extract_corpus(inputs, backend="dask", scheduler=cluster.scheduler_address)
    assert len(remote["reports"]) == len(RAW_REPORTS) + 1
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(local[name], remote[name], obj=name)
    assert len(remote["tables"]) > 1000


def test_dask_isolates_failures_and_timeouts(cluster, tmp_path: Path) -> None:
    write_fake_corpus(tmp_path, 5)
    (tmp_path / "r01hang.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "r02boom.txt").write_text("x\n", encoding="utf-8")
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        frames = corpus.extract_corpus(tmp_path, backend="dask", scheduler=client, timeout=1, _parse=fake_parse)
    reports = frames["reports"].set_index("report_id")
    assert len(reports) == 7
    assert reports.loc["r01hang", "error"] == "timeout after 1s"
    assert "unexpected RuntimeError: parser bug" in reports.loc["r02boom", "error"]
    local = corpus.extract_corpus(tmp_path, jobs=1, timeout=1, _parse=fake_parse)
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(local[name], frames[name], obj=name)


def test_cli_dask_backend(cluster, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(out), "--quiet",
                     "--backend", "dask", "--scheduler", cluster.scheduler_address]) == 0
    local = corpus.extract_corpus(RAW / "001_4d29bfef72dd56db.txt", jobs=1)
    written = pd.read_parquet(out / "tables.parquet")
    pd.testing.assert_frame_equal(written.astype(local["tables"].dtypes.to_dict()), local["tables"])
    assert pd.read_csv(out / "reports.csv")["status"].tolist() == local["reports"]["status"].tolist()


def test_dask_reads_relative_paths_from_the_clients_folder(cluster, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # the workers were started in another folder (the tests' own): 'in/x.txt' was 'file not found' on each of them
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wudang.txt").write_bytes((RAW / "001_4d29bfef72dd56db.txt").read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")  # read by a worker, whose message names the file as given
    monkeypatch.chdir(tmp_path)
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        assert str(tmp_path) not in client.run(os.getcwd).values()
    remote = corpus.extract_corpus("in", backend="dask", scheduler=cluster.scheduler_address)
    local = corpus.extract_corpus("in", jobs=1)
    assert remote["reports"]["path"].tolist() == [os.path.join("in", "empty.txt"), os.path.join("in", "wudang.txt")]
    assert remote["reports"]["error"].iloc[0] == f"{os.path.join('in', 'empty.txt')}: file is empty (0 bytes)"
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(local[name], remote[name], obj=name)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'gov-openinfo-toolkit\[dask\]'"):
        corpus.extract_corpus(tmp_path, backend="dask", scheduler="tcp://127.0.0.1:1")
