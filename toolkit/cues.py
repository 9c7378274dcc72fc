"""The words of ``data/classify/statements.yaml`` that a report's end is read by, for the signature and the statements.

Shared by :mod:`toolkit.metadata` (a site's footer after the signature is no signature's text; a section's words saying
there is nothing to report end a statement a signature may follow) and :mod:`toolkit.statements` (neither is a
statement), so that metadata need not import statements, which imports metadata.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from toolkit.formats import read_data_yaml

# (a quote counts as a wide character: in a report's text it is a “ or a ” the normalizer made ASCII, a space next to
# it no author's, '“放管服” “最多跑一次”' kept as '"放管服" "最多跑一次"'; so is a single one, a ‘ or a ’: '( ‘放管服’)')
_WS_NEAR_WIDE = re.compile(r"""(?<=[^\x00-\x7f]|["'])\s+|\s+(?=[^\x00-\x7f]|["'])""")


@functools.lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    """toolkit/data/classify/statements.yaml, as written."""
    return read_data_yaml("classify", "statements.yaml")


@functools.lru_cache(maxsize=1)
def _site_furniture() -> re.Pattern[str]:
    """A line made only of a signature's or a web page's furniture (statements.yaml ``furniture``): fields with their
    short values (a time's colon among them, not a sentence's stop) and the other pieces, each in brackets or not."""
    furniture = _spec()["furniture"]
    # (the source's labels are the ones metadata reads a page's source by: one list; so too the publishing body's and
    # the header box's other fields, which a page may set under the signature: '发布机构:XX局', '索引号:…/2021-00012';
    # and the labels dating no publication, '更新时间:…', '打印日期:…')
    page = read_data_yaml("metadata.yaml")["fields"]
    labels = dict.fromkeys([*furniture["fields"], *page["not_published"], *page["source"], *page["agency"],
                            *page["box_labels"]])
    # (a document number's year in its brackets, 〔2018〕 normalized '[2018]', is the value's: '文号:泰高住建[2018]1号')
    field = rf"(?:{'|'.join(labels)}):(?:[^:\[\]。;!?]|:(?=\d)|\[\d{{4}}\]){{0,30}}?"
    pieces = "|".join([field, *furniture["pieces"]])
    return re.compile(rf"\(?(?:\[?(?:{pieces})\]?\s*)+\)?")


def _is_site_furniture(line: str) -> bool:
    """Whether a line of a report's normalized text is made only of a signature's or a web page's furniture
    (statements.yaml ``furniture``: '发布日期:2024-01-20  来源:XX局', '责任编辑:张三'); metadata's site footer."""
    return _site_furniture().fullmatch(_WS_NEAR_WIDE.sub("", line.strip())) is not None


@functools.lru_cache(maxsize=1)
def _nothing_to_report() -> list[re.Pattern[str]]:
    """A section's words saying there is nothing to report (statements.yaml ``empty``: '无', '暂无'): no statement."""
    return [re.compile(p) for p in _spec()["empty"]]
