"""Word tokens for Chinese statements: one object owns the jieba tokenizer.

:class:`Tokenizer` owns a private ``jieba.Tokenizer`` loaded with the domain user
dictionary (``toolkit/data/classify/userdict.txt``) and filters the stopwords of
``toolkit/data/classify/stopwords.txt``.  jieba's global instance is never touched,
and jieba's "Building prefix dict…" messages are kept quiet.  :func:`tokenize` is
bound to a default instance, for ``TfidfVectorizer(tokenizer=tokenize, token_pattern=None)``.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from toolkit.normalize import HAN_RANGES

__all__ = ["Tokenizer", "tokenize", "default_tokenizer"]

_WORDLIKE = re.compile(f"[{HAN_RANGES}A-Za-z]")


def _jieba():
    """Import jieba without letting its import-time warnings escape."""
    with warnings.catch_warnings():
        # some setuptools versions warn about pkg_resources when jieba is imported
        warnings.simplefilter("ignore")
        import jieba
    return jieba


@contextlib.contextmanager
def _quiet(jieba) -> Iterator[None]:
    """Silence jieba's logger (it prints timing lines on first use) for a moment."""
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _data_path(name: str):
    return resources.files("toolkit").joinpath("data", "classify", name)


def _read_words(source: str | os.PathLike | Iterable[str] | None, default: str) -> frozenset[str]:
    if source is None:
        text = _data_path(default).read_text(encoding="utf-8")
    elif isinstance(source, (str, os.PathLike)):
        # utf-8-sig: Notepad and Excel begin UTF-8 with a byte-order mark, which made the first word '\ufeff的',
        # a stopword that matched no token
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            # (Python's message names no file: a GBK file saved on Chinese Windows left the user guessing which)
            raise ValueError(f"stopwords file {os.fspath(source)} must be UTF-8 text (byte {exc.start}: "
                             f"0x{exc.object[exc.start:exc.start + 2].hex()}); save it as UTF-8") from None
    else:
        return frozenset(str(w) for w in source)
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


class Tokenizer:
    """jieba word segmentation with a domain dictionary and stopwords.

    Parameters
    ----------
    userdict : str or os.PathLike, optional
        A jieba user dictionary (``word [freq] [tag]`` a line).  Default: the
        package's ``userdict.txt``.
    stopwords : str, os.PathLike or iterable of str, optional
        A file with one word a line (``#`` starts a comment) or the words
        themselves.  Default: the package's ``stopwords.txt``; pass ``()`` to
        keep every word.

    Raises
    ------
    ValueError
        If a file is not UTF-8 text (naming it).
    OSError
        If a file cannot be read.

    Examples
    --------
    >>> from toolkit.classify import Tokenizer
    >>> Tokenizer().cut("政策解读形式单一")
    ['政策解读', '形式', '单一']
    """

    def __init__(
        self,
        userdict: str | os.PathLike | None = None,
        stopwords: str | os.PathLike | Iterable[str] | None = None,
    ) -> None:
        jieba = _jieba()
        self.stopwords = _read_words(stopwords, "stopwords.txt")
        self._jieba = jieba.Tokenizer()
        with _quiet(jieba):
            self._jieba.initialize()
            if userdict is None:
                with _data_path("userdict.txt").open("rb") as fh:
                    self._jieba.load_userdict(fh)
            else:
                self._jieba.load_userdict(os.fspath(userdict))
        self._cached = functools.lru_cache(maxsize=2**16)(self._cut)

    def _cut(self, text: str) -> tuple[str, ...]:
        words = self._jieba.lcut(text)
        return tuple(w for w in words if _WORDLIKE.search(w) and w not in self.stopwords)

    def cut(self, text: str) -> list[str]:
        """Split a text into words, without punctuation, numbers and stopwords.

        Parameters
        ----------
        text : str
            A statement, normalized (simplified characters).

        Returns
        -------
        list of str

        Raises
        ------
        TypeError
            If ``text`` is not a str.

        Examples
        --------
        >>> Tokenizer().cut("信息更新不够及时。")
        ['信息', '更新', '不够', '及时']
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        return list(self._cached(text))

    __call__ = cut

    def __repr__(self) -> str:
        return f"<Tokenizer jieba+userdict stopwords={len(self.stopwords)}>"


@functools.lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    """The shared :class:`Tokenizer` with the package's dictionary and stopwords.

    Returns
    -------
    Tokenizer

    Examples
    --------
    >>> default_tokenizer() is default_tokenizer()
    True
    """
    return Tokenizer()


def tokenize(text: str) -> list[str]:
    """Words of a statement with the default :class:`Tokenizer`.

    Module-level so that it can be given to scikit-learn
    (``TfidfVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False)``)
    and pickled by reference.

    Parameters
    ----------
    text : str
        A statement, normalized (simplified characters).

    Returns
    -------
    list of str

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> tokenize("加强业务培训,提高业务能力")
    ['加强', '业务培训', '提高', '业务能力']
    """
    return default_tokenizer().cut(text)
