"""Boilerplate index: how much of a report's problems section repeats other reports.

Reviewers of the annual reports complain that the problems sections repeat year
after year.  For each report this measures (1) the highest TF-IDF cosine
similarity of its problems section to another report's section, and to the same
agency's earlier years, and (2) the share of its statements that nearly
duplicate a statement of another report.

Texts are compared as TF-IDF vectors of character bigrams (sublinear tf; IDF
over the sections or statements given) of their letters only: normalized to
simplified characters, with punctuation, digits and white space removed, so
that line breaks, punctuation and script do not count and a repeated text
scores 1.0.  Character bigrams need no word segmentation and catch reworded
repetition.
"""
from __future__ import annotations

from collections.abc import Iterator
from numbers import Real

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from toolkit.classify._base import NON_WORD, has_content
from toolkit.compare import _SAME_AGENCY
from toolkit.metrics import _numeric
from toolkit.normalize import normalize_text
from toolkit.statements import extract_statements

__all__ = ["boilerplate_index", "NEAR_DUPLICATE_THRESHOLD"]

#: Cosine similarity (character-bigram TF-IDF) from which two statements count as
#: near-duplicates.  Measured on the packaged annotations (IDF over their 218 distinct
#: statements and the pair): a statement repeated verbatim, or with only a year, a number
#: or the agency's name changed, scores 1.0 or close to it; a one-word change in a short
#: statement ("信息公开内容还需进一步完善" / "…规范") scores 0.74; statements that only share a
#: topic ("对信息公开工作的认识还不到位" / "对政府信息公开工作的认识还不够深入") 0.57.
#: 0.8 therefore counts copies with small edits, not common phrasing.
NEAR_DUPLICATE_THRESHOLD = 0.8

#: Rounding slack of the cosine: two identical TF-IDF vectors can score 0.9999999999999998, which must
#: still reach ``threshold=1.0``.
_TOLERANCE = 1e-9

_REQUIRED = ("report_id", "agency", "report_year", "text")

#: Entries of the similarity matrix computed at a time (8 MB): the whole matrix of a corpus's statements,
#: some 60,000 for 10,000 reports, would take 29 GB.
_BLOCK = 2**20


def _letters(text: str) -> str:
    """The text's letters only: simplified script (NFKC, traditional → simplified, pinyin notes removed), then
    every character that is no Chinese character or Latin letter removed, white space too.

    So that how a text is wrapped, punctuated or scripted does not change its bigrams: a section wrapped at
    another width, ``一是，信息…`` for ``一是信息…`` or a traditional copy give the same vector.
    """
    return NON_WORD.sub("", normalize_text(text))


def _vectors(texts: list[str]) -> np.ndarray:
    letters = [_letters(t) for t in texts]
    if not any(len(t) >= 2 for t in letters):
        # texts of one character each (a section that says only 差) have no bigram, nothing in common: scikit-learn
        # refuses an empty vocabulary, so their vectors are zero (similarity 0)
        return sparse.csr_matrix((len(texts), 1))
    vectorizer = TfidfVectorizer(
        analyzer="char", ngram_range=(2, 2), preprocessor=lambda t: t, sublinear_tf=True, lowercase=False
    )
    return vectorizer.fit_transform(letters)


def _similarity_blocks(texts: list[str]) -> Iterator[tuple[int, np.ndarray]]:
    """The pairwise cosine similarities of ``texts``, clipped to [0, 1] (rounding gives 1.0000000000000002 for
    copies), a block of rows at a time: ``(first row, block)``, each block at most ``_BLOCK`` entries.

    The values are those of ``cosine_similarity`` over all texts (the same product, row by row).
    """
    vectors = normalize(_vectors(texts))  # as cosine_similarity does, once
    columns = vectors.T.tocsr()
    n = vectors.shape[0]
    step = max(1, _BLOCK // max(n, 1))
    for start in range(0, n, step):
        yield start, np.clip((vectors[start:start + step] @ columns).toarray(), 0.0, 1.0)


def boilerplate_index(
    sections: pd.DataFrame,
    *,
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
) -> pd.DataFrame:
    """Per report: similarity of its problems section to other reports, and share of near-duplicate statements.

    Parameters
    ----------
    sections : pandas.DataFrame
        One row per report with columns ``report_id``, ``agency``,
        ``report_year``, ``text`` (the problems section's text, e.g.
        ``Section.text``; missing for a report without the section).
        ``agency``/``report_year`` may be missing.
    threshold : float, default NEAR_DUPLICATE_THRESHOLD (0.8)
        Cosine similarity from which a statement counts as a near-duplicate of
        a statement of another report (compared with a tolerance of 1e-9, so
        that 1.0 counts verbatim copies).

    Returns
    -------
    pandas.DataFrame
        One row per report, in input order: ``report_id, agency, report_year,
        n_statements`` (nullable integer: missing where ``text`` is, as the
        report gives no section to count; 0 for an empty section or one that
        says only 无); ``max_similarity`` (in [0, 1]) and ``most_similar``
        (the other report's id; of equally similar ones, the earliest: by
        ``report_year``, then by id; missing where ``max_similarity`` is 0,
        as no report is similar);
        ``max_similarity_same_agency`` and ``most_similar_same_agency``
        (only the same agency's earlier years; missing when there are none,
        and the report's id missing where the similarity is 0;
        where ``sections`` has ``province`` or ``level`` columns, reports of
        one name that differ in them are two agencies, as in
        :func:`toolkit.compare.cross_year_audit`: a missing value keeps none
        apart);
        ``near_duplicate_share`` (share of the report's statements with a
        near-duplicate in another report) and ``n_near_duplicates``.  They do
        not depend on the order of the rows.  Values
        that cannot be computed (a section without statements, such as an empty
        one or one that says only 无, 略, 同上 or N/A, statements with nothing
        to classify, see :func:`toolkit.classify.label_statements`; a single
        report) are missing.

    Raises
    ------
    TypeError
        If ``sections`` is not a DataFrame.
    ValueError
        If a required column is missing, ``report_id`` is not unique,
        ``report_year`` holds text that is no number (``'2021年'``; ``'2021'``
        is read as 2021), or ``threshold`` is not in (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.classify import boilerplate_index
    >>> df = pd.DataFrame({"report_id": ["a", "b"], "agency": ["X局", "X局"], "report_year": [2020, 2021],
    ...                    "text": ["一是信息更新不够及时;二是宣传力度不够。", "一是信息更新不够及时;二是业务培训不足。"]})
    >>> boilerplate_index(df)[["report_id", "near_duplicate_share"]].values.tolist()
    [['a', 0.5], ['b', 0.5]]
    """
    if not isinstance(sections, pd.DataFrame):
        raise TypeError(f"sections must be a pandas DataFrame, got {type(sections).__name__}")
    missing = [c for c in _REQUIRED if c not in sections.columns]
    if missing:
        raise ValueError(
            f"sections must have columns {', '.join(_REQUIRED)}; missing {', '.join(missing)}"
        )
    if not (isinstance(threshold, Real) and 0 < threshold <= 1):
        raise ValueError(f"threshold must be a number in (0, 1], got {threshold!r}")
    if sections["report_id"].duplicated().any():
        dup = sections.loc[sections["report_id"].duplicated(), "report_id"].iloc[0]
        raise ValueError(f"report_id must be unique, got {dup!r} twice")
    frame = sections.reset_index(drop=True)
    # computed in the order of year, then id, so that neither the values (the sparse products add their terms in
    # an order that follows the rows': last bits) nor the report named among equally similar ones (verbatim
    # copies: the first of equals, now the earliest) depend on the order of the rows
    # a year written as text that is no number ('2021年') is refused, as compare.panel refuses it: coerced to NA it
    # took the report out of its agency's earlier years without a word
    years = _numeric(frame, "report_year", frame="sections").to_numpy(dtype=float, na_value=np.nan)
    order = np.lexsort((frame["report_id"].astype(str).to_numpy(), np.nan_to_num(years, nan=np.inf)))
    if (order != np.arange(len(order))).any():
        out = boilerplate_index(frame.iloc[order], threshold=threshold)
        return out.iloc[np.argsort(order)].reset_index(drop=True)
    texts = frame["text"].fillna("").astype(str).tolist()
    ids = frame["report_id"].tolist()
    n = len(frame)
    out = frame[["report_id", "agency", "report_year"]].copy()

    # statements first: a section that says only "无" has letters but nothing to compare; nor has one of only
    # "略", "同上" or "N/A", statements label_statements leaves unlabelled (has_content): counted, two reports saying
    # "同上" were near-duplicates of each other, and two saying "略" (no character bigram) failed in scikit-learn
    stmt_texts, owner = [], []
    for i, text in enumerate(texts):
        for s in extract_statements(text)["text"]:
            if _letters(s) and has_content(s):
                stmt_texts.append(s)
                owner.append(i)
    owner_arr = np.asarray(owner, dtype=int)
    counts = np.bincount(owner_arr, minlength=n) if owner else np.zeros(n, dtype=int)

    # section level: per report the most similar other one, and the most similar earlier year of its agency
    has_text = counts > 0
    idx = np.flatnonzero(has_text)
    best, same = np.full(n, np.nan), np.full(n, np.nan)
    best_at, same_at = np.full(n, -1), np.full(n, -1)
    # a missing agency (code -1) matches none
    agencies = pd.factorize(frame["agency"].astype(object).where(frame["agency"].notna(), None))[0]
    # names as written are short (市住建局, 区财政局): where the frame has the place columns that compare.cross_year_audit
    # tells agencies apart by, the 市住建局 of two provinces are not one agency's years (a missing value keeps none apart)
    places = [pd.factorize(frame[c].astype(object).where(frame[c].notna(), None))[0]
              for c in _SAME_AGENCY if c in frame.columns]
    # a section of fewer than two letters (差。) has no character bigram, a zero vector: its cosine to any section is
    # undefined, not 0 (at 0, argmax named the earliest report as its most similar); NA, and no one's most similar
    defined = np.array([len(_letters(texts[i])) >= 2 for i in idx], dtype=bool)
    if len(idx) >= 2:
        for start, block in _similarity_blocks([texts[i] for i in idx]):
            rows = idx[start:start + len(block)]
            block[np.arange(len(rows)), np.arange(start, start + len(rows))] = -1.0  # not itself
            block[:, ~defined] = -1.0
            j = block.argmax(axis=1)  # the first of equals, as the columns come
            own = defined[start:start + len(block)] & (block[np.arange(len(rows)), j] >= 0)
            best[rows[own]], best_at[rows[own]] = block[np.arange(len(rows)), j][own], idx[j][own]
            earlier = ((agencies[idx][None, :] == agencies[rows][:, None]) & (agencies[rows][:, None] >= 0)
                       & (years[idx][None, :] < years[rows][:, None])
                       & defined[None, :] & defined[start:start + len(block)][:, None])
            for code in places:  # one name in two provinces (or at two levels) is two agencies; unknown: no bar
                earlier &= ((code[idx][None, :] == code[rows][:, None]) | (code[idx][None, :] < 0)
                            | (code[rows][:, None] < 0))
            k = np.where(earlier, block, -1.0).argmax(axis=1)
            found = earlier.any(axis=1)
            same[rows[found]], same_at[rows[found]] = block[np.arange(len(rows)), k][found], idx[k][found]
    # a similarity of 0 (no bigram in common with any) names no report: argmax named the earliest as most similar
    best_at[~(best > 0)] = -1
    same_at[~(same > 0)] = -1
    out["max_similarity"] = best
    out["most_similar"] = [ids[j] if j >= 0 else pd.NA for j in best_at]
    out["max_similarity_same_agency"] = same
    out["most_similar_same_agency"] = [ids[j] if j >= 0 else pd.NA for j in same_at]

    # statement level
    dup_counts = np.zeros(n, dtype=int)
    if len(set(owner)) >= 2:
        is_dup = np.zeros(len(stmt_texts), dtype=bool)
        for start, block in _similarity_blocks(stmt_texts):
            own = owner_arr[start:start + len(block)]
            block[own[:, None] == owner_arr[None, :]] = 0.0  # only other reports count
            is_dup[start:start + len(block)] = block.max(axis=1) >= threshold - _TOLERANCE
        dup_counts = np.bincount(owner_arr[is_dup], minlength=n)
    # a report without the section (text missing) gives no count: NA, not the 0 of a section that says only 无
    out["n_statements"] = pd.array(np.where(frame["text"].isna().to_numpy(), None, counts), dtype="Int64")
    share = np.where(counts > 0, dup_counts / np.maximum(counts, 1), np.nan)
    if len(set(owner)) < 2:
        share = np.full(n, np.nan)
    out["near_duplicate_share"] = share
    out["n_near_duplicates"] = np.where(np.isnan(share), pd.NA, dup_counts)
    columns = ["report_id", "agency", "report_year", "n_statements", "max_similarity", "most_similar",
               "max_similarity_same_agency", "most_similar_same_agency", "near_duplicate_share",
               "n_near_duplicates"]
    out["n_near_duplicates"] = out["n_near_duplicates"].astype("Int64")
    return out[columns]
