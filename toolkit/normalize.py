"""Normalization of report text: small ``str -> str`` steps composed in one place.

The order matters and follows the recipe of templates-detail §8.5:
NFKC (full-width digits, brackets, non-breaking and ideographic spaces) →
traditional → simplified (OpenCC) → pinyin annotations removed → invisible
characters removed.  Leading tabs survive because the tab layout of plain-text
reports uses them to mark cells.

Numbers are parsed by :func:`parse_number`, which understands thousands
separators, decimals, signs, units and the "not applicable" marks.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "normalize_text",
    "normalize_line",
    "normalize_lines",
    "to_simplified",
    "remove_pinyin",
    "detect_script",
    "parse_number",
    "ParsedNumber",
    "label_key",
    "cn_numeral",
    "cn_count",
    "plain_item_numerals",
    "is_page_furniture",
    "is_print_stamp",
    "is_footnote",
    "is_continuation_caption",
    "HAN_RANGES",
    "HAN_UNIFIED",
    "alternation",
]

#: The CJK unified ideographs alone (U+4E00…U+9FFF): the common Chinese characters, those of a report's text but
#: for a rare name, as a range of a regular expression's character class.
HAN_UNIFIED = r"\u4e00-\u9fff"
#: The Han characters, as the ranges of a regular expression's character class (``f"[{HAN_RANGES}]"``): the CJK
#: unified ideographs with their extensions A (U+3400…) and B to J (U+20000…U+3347F), where the rare characters of
#: place and personal names are (䢺, 𫟹), and the compatibility ideographs (U+F900…).
HAN_RANGES = rf"\u3400-\u4dbf{HAN_UNIFIED}\uf900-\ufaff\U00020000-\U0003347f"

_HAN = re.compile(f"[{HAN_RANGES}]")
# (a class then the class repeated: a pattern opening with a class lets the regex engine skip to its characters, where
# one opening with a repeat is tried at every character of the text)
_NON_HAN = re.compile(f"[^{HAN_RANGES}][^{HAN_RANGES}]*")
# Pinyin right after a Han character, as converted pages carry it: 區(qū), 們(men); the rare characters of
# place names above all (䢺(cǎo), 𫟹), from the extensions.  Only a pinyin syllable (tone marks removed)
# is one: 移动端(app) and 网站(www) keep their words.  The bracket first, the character before it looked at
# after: a pattern that starts with a literal is searched for fast.
#: The letters of pinyin with a tone mark (GBK and GB18030 hold them all, row A8).
TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňḿ"
_PINYIN = re.compile(rf"\((?<=[{HAN_RANGES}]\()([a-z{TONE_LETTERS}ü]{{1,24}})\)")
_TONE_MARK = re.compile(f"[{TONE_LETTERS}]")
_TONELESS = str.maketrans(TONE_LETTERS, "aaaaeeeeiiiioooouuuuüüüünnm")
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou"
    r"|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üe|üan|ün|v|ve)|ng|n|m"
)
# Characters that show nothing: zero-width spaces and joiners, soft hyphens, and a web page's direction marks
# (&lrm;, U+200E, and the embeddings and isolates) and the variation selectors after a character (U+FE00…FE0F),
# which split a word or a number as surely as a zero-width space does.  (Not the ideographic variation
# selectors, U+E0100…: a range outside the BMP in the class makes the search over every report's text 1.7
# times as long.)
# (The format characters among them, which str.isprintable refuses, apart: a printable text holds none of them, a
# fast test the readers make; the combining grapheme joiner and the variation selectors, marks, are printable.)
_INVISIBLE_FORMAT = r"\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(rf"[{_INVISIBLE_FORMAT}\u034f\ufe00-\ufe0f]")
_INVISIBLE_FORMAT_RE = re.compile(f"[{_INVISIBLE_FORMAT}]")
# A superscript digit after a number or a word is a footnote mark (74¹), which NFKC would make a digit
# (741); after a Latin letter it is an exponent (m²) and stays.
# (The superscript first, its context after: a pattern starting with a character class is sought fast.)
_SUPERSCRIPT = re.compile(r"[\u2070\u00b9\u00b2\u00b3\u2074-\u2079](?<![A-Za-z][\u2070\u00b9\u00b2\u00b3\u2074-\u2079])"
                          r"[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]*")
# Superscript digits that are a whole cell or line ('| ⁸⁸ |', a tab's '\t⁸⁸'), with nothing but spaces between them
# and a cell mark, are a value set raised: a footnote mark stands after what it marks (12¹, 12 ¹).
_WHOLE_CELL_BEFORE = re.compile(r"(?:^|[\n\t|\uff5c])[^\S\n\t]*$")
_WHOLE_CELL_AFTER = re.compile(r"[^\S\n\t]*(?:$|[\n\t|\uff5c])")


def _footnote_mark(match: re.Match[str]) -> str:
    """'' for a superscript footnote mark, the digits themselves where they are a whole cell (NFKC then reads them)."""
    text, start = match.string, match.start()
    # (the cell mark before sought among the 40 characters before: spaces that many are no cell's padding)
    if _WHOLE_CELL_AFTER.match(text, match.end()) and _WHOLE_CELL_BEFORE.search(text, max(0, start - 40), start):
        return match.group()
    return ""


# A thin or narrow no-break space between a number's groups of three digits is a thousands separator (1 234, as
# ISO and some editors set it), which NFKC would make a space, and a space parts two cells of a row set with spaces.
# (The space first, its context after: a pattern starting with a character class is sought fast.)
_THIN_GROUP = re.compile(r"[\u2009\u202f](?<=\d[\u2009\u202f])(?=\d{3}(?!\d))")
# Characters NFKC leaves alone but reports use for the same thing.
_VARIANTS = {
    "\u2212": "-",  # minus sign
    "\u2013": "-",
    "\u2010": "-", "\u2012": "-",  # hyphen (and NFKC's non-breaking one) and figure dash, as a font may map a minus
    "\u02d7": "-", "\u2796": "-",  # modifier letter minus (a font's minus glyph) and the heavy minus sign ➖ typed as one
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
    "\u300c": '"', "\u300d": '"', "\u300e": '"', "\u300f": '"',  # 「」『』, the quotes of traditional text
    "\u3010": "[", "\u3011": "]",
    "\u3014": "[", "\u3015": "]",  # 〔2021〕
    # a box drawing's vertical lines (light, heavy, double, dashed; NFKC makes the half-width ￨ the light one) are
    # cell marks, as | and ｜ are: a table copied from a console or a converted PDF
    "\u2502": "|", "\u2503": "|", "\u2551": "|", "\u2506": "|", "\u2507": "|", "\u250a": "|", "\u250b": "|",
    "\u254e": "|", "\u254f": "|",
    # the broken bar ¦ (U+00A6), typed or mapped by a font for the vertical line: a cell mark too, as | (its tables
    # were prose, every value lost)
    "\u00a6": "|",
    # 丶 (U+4E36, the radical 'dot', an ideograph NFKC leaves alone) typed for the enumeration comma 、 by an input
    # method ('一丶总体情况', '队伍丶制度'): a character no report writes otherwise
    "\u4e36": "、",
}
# Radicals standing for whole characters: a PDF's font maps the glyph of 民 or 长 to the radical's code point
# (⺠, ⻓), which NFKC leaves alone, as it does not the Kangxi radicals (⼈ is 人 after NFKC). Only the
# radicals whose equivalent ideograph (Unicode's EquivalentUnifiedIdeograph.txt) is a character of running
# text; the radical forms of components (⺡ 氵, ⻌ 辶) stand for nothing a report writes alone.
_RADICALS = {
    "\u2e81": "厂", "\u2ea0": "民", "\u2ea9": "王", "\u2eac": "示", "\u2ec4": "西", "\u2ec5": "见",
    "\u2ec6": "角", "\u2ec9": "贝", "\u2ecb": "车", "\u2ed1": "長", "\u2ed3": "长", "\u2ed4": "门",
    "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食",
    "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤",
    "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙",
}
_VARIANTS.update(_RADICALS)

# NFKC turns ① into a bare "1", losing that it enumerates: keep it as "(1)"; the dingbat and double circled
# forms (❶ ➀ ➊ ⓵, which NFKC leaves alone) too.
_CIRCLED = {chr(first + i): f"({i + 1})" for first, count in ((0x2460, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10),
                                                              (0x24F5, 10)) for i in range(count)}  # ① .. ⑳, ❶ .. ⓾
_CIRCLED.update({chr(0x24EB + i): f"({i + 11})" for i in range(10)})  # ⓫ .. ⓴


def _replacer(table: dict[str, str]):
    # Not str.translate: it looks every character up in a dict, which on Chinese text costs more than
    # NFKC itself; a regex touches only the few characters concerned, where they occur.
    pattern = re.compile("[" + re.escape("".join(table)) + "]")
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


_replace_circled = _replacer(_CIRCLED)
_replace_variants = _replacer(_VARIANTS)


# Characters NFKC leaves as they are and never composes with a character before them (no decomposition, combining
# class 0: "stable code points", UAX #15), so that a text is normalized piece by piece cut before any of them: ASCII,
# the CJK unified ideographs and the Chinese stops and quotes 、。《》“”, nearly all of a report's characters.
_NFKC_STABLE = rf"\x00-\x7f\u3001\u3002\u300a\u300b\u201c\u201d{HAN_UNIFIED}"
# (a class then the class repeated, as _NON_HAN)
_NFKC_RUN = re.compile(f"[^{_NFKC_STABLE}][^{_NFKC_STABLE}]*")
# the runs as one group: split by it, a text alternates between stable pieces and runs ([stable, run, …, stable])
_NFKC_SPLIT = re.compile(f"({_NFKC_RUN.pattern})")
_to_nfkc = functools.partial(unicodedata.normalize, "NFKC")
_last_char = operator.itemgetter(slice(-1, None))  # ('' for an empty piece)
_but_last_char = operator.itemgetter(slice(None, -1))


def _nfkc_runs(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the runs of other characters than the stable ones normalized alone.

    On a whole report, NFKC decomposes and composes again every character once one needs it (a full-width comma),
    which cost 3.6 M instructions a report; the runs (a few characters each) cost a fifth of it, with the same result.
    Each run is normalized with the stable character before it (a combining mark in the run may compose with that
    one), taken off the piece before.  (Split, mapped and joined in C: a report has hundreds of runs.)
    """
    parts = _NFKC_SPLIT.split(text)
    stables = parts[0::2]
    parts[1::2] = map(_to_nfkc, map(operator.add, map(_last_char, stables), parts[1::2]))
    parts[0:-1:2] = map(_but_last_char, stables[:-1])
    return "".join(parts)


# a line of a box drawing's rules with a corner, tee or cross among them (a table's border or the rule between its
# rows, its vertical lines already cell marks); such a line holds a horizontal line, light, heavy or double
_BOX_RULE = re.compile(r"^[ \t|\u2500-\u257f]*[\u250c-\u254b\u2552-\u2570][ \t|\u2500-\u257f]*$", re.M)


def nfkc(text: str) -> str:
    """Apply Unicode NFKC: full-width forms become ASCII, odd spaces become spaces (① becomes ``(1)``); a box
    drawing's vertical lines become cell marks ``|``, and its rules between rows a line of marks with no cell."""
    text = _replace_variants(_nfkc_runs(_replace_circled(text)))
    if "\u2500" not in text and "\u2501" not in text and "\u2550" not in text:
        return text  # (most reports: no box drawing; a search for a character is some 6 times as fast as a class's)
    return _BOX_RULE.sub("||", text)


@functools.lru_cache(maxsize=4)
def _opencc(config: str):
    import opencc  # the official OpenCC binding (PyPI ``opencc``)

    return opencc.OpenCC(config)


def _variants_to_simplified(text: str) -> str:
    """OpenCC t2s after Taiwan's and Hong Kong's variants are made OpenCC's own (tw2t, hk2t: 著 → 着, 衞 → 衛).

    Not tw2s then hk2s: each ends in t2s, and t2s run twice turns what the first run rightly kept
    (乾县, 编著) into other words (干县, 编着).
    """
    return _opencc("t2s").convert(_opencc("hk2t").convert(_opencc("tw2t").convert(text)))


@functools.lru_cache(maxsize=1)
def _convertible() -> re.Pattern[str]:
    """A character that :func:`_variants_to_simplified` changes, of the BMP (each converted on a line of its own,
    in one call), or any beyond it: a text without one is left as it is by :func:`to_simplified`."""
    chars = [chr(i) for i in range(0x10000) if i != 0x0A and not 0xD800 <= i < 0xE000]
    converted = _variants_to_simplified("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - OpenCC keeps line breaks
        return re.compile(r"[\s\S]")
    changed = "".join(char for char, new in zip(chars, converted) if new != char)
    return re.compile(f"[{re.escape(changed)}\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=8192)
def _traditional_only(char: str) -> bool:
    """A character only traditional text uses: converting it changes it, and it is either outside GB 2312,
    the simplified character set (衞, 崑, 佈), or what s2t gives back (區); not 乾 or 著, which simplified
    text uses too."""
    simple = _variants_to_simplified(char)
    if simple == char:
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return _opencc("s2t").convert(simple) == char


@functools.lru_cache(maxsize=8192)
def _simplified_only(char: str) -> bool:
    """A character only simplified text uses (县, 区): s2t changes it."""
    return _opencc("s2t").convert(char) != char


@functools.lru_cache(maxsize=1)
def _keep_words_written() -> re.Pattern[str]:
    """The keep_words of formats.yaml ``traditional`` as simplified text writes them (於潜, 乾县)."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    return re.compile(alternation(load_formats()["traditional"]["keep_words"]))


def _line_script(line: str) -> str | None:
    """'traditional' for a line holding a character only traditional text uses, else 'simplified' for one
    holding a character only simplified text uses, else None (no sign either way: '2020年', '著力提升').  The
    characters of a keep word written in simplified characters are no sign: the 於 of 於潜镇 (a town of Lin'an)
    made a simplified line traditional, and t2s wrote it 于潜镇."""
    line = _keep_words_written().sub("", line)
    if any(map(_traditional_only, line)):
        return "traditional"
    if any(map(_simplified_only, line)):
        return "simplified"
    return None


# Stand-ins for the characters of keep_words (formats.yaml) while a line is converted: noncharacters,
# which OpenCC passes through and no text holds.
_KEEP_MARKS = re.compile("[\ufdd0-\ufdef]")


@functools.lru_cache(maxsize=1)
def _traditional_rules() -> tuple:
    """The keep_words and taiwan_words of formats.yaml ``traditional``, as patterns and replacements."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    rules = load_formats()["traditional"]
    marks: dict[str, str] = {}  # kept character -> its stand-in
    keep: dict[str, str] = {}  # a keep word in traditional characters -> with stand-ins for its kept characters
    for word in rules["keep_words"]:
        written = _opencc("s2t").convert(word)
        if len(written) != len(word):  # pragma: no cover - s2t keeps a word's length
            continue
        # in simplified characters too, as a line of traditional text may hold it (臨安區於潜鎮 became 于潜镇)
        for spelled in dict.fromkeys((written, word)):
            keep[spelled] = "".join(
                marks.setdefault(t, chr(0xFDD0 + len(marks))) if t == s and _variants_to_simplified(t) != t else t
                for t, s in zip(spelled, word))
    if len(marks) > 32:  # the noncharacters U+FDD0-FDEF
        raise ValueError(f"formats.yaml traditional.keep_words: {len(marks)} characters kept, at most 32")
    back = {v: k for k, v in marks.items()}
    words = dict(rules["taiwan_words"])
    return (_alternation(keep), keep, back, _alternation(words), words)


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    """One pattern for all the words, longest first (a pattern of none matches nothing)."""
    return re.compile(alternation(words))


def alternation(words: Iterable[str], *, spaced: bool = False) -> str:
    """A regular expression matching any of the words, as written (escaped), longest first.

    Longest first, so that a word is not taken for a shorter word it starts with (``人民政府办公室`` before
    ``人民政府``).  Of no words, a pattern that matches nothing (an empty one would match everywhere).
    The words are merged by their common starts (a trie), so that the regular expression engine tries
    each character of the text once against a word list of hundreds, not once per word; a shorter word
    is the longer's tail made optional, tried after it, which keeps the longest first.

    Parameters
    ----------
    words : iterable of str
        The words (a list of a data file, a set); duplicates are dropped.
    spaced : bool, default False
        Whether white space may stand between a word's characters (a label set letter-spaced: ``附 件``).

    Returns
    -------
    str
        An alternation without a group around it: put it in ``(?:…)`` to follow or precede it with more.

    Examples
    --------
    >>> alternation(["年报", "年度报告", "的报告"])
    '年(?:度报告|报)|的报告'
    >>> alternation(["人民政府", "人民政府办公室"])
    '人民政府(?:办公室)?'
    >>> re.compile(f"(?:{alternation([])})").search("anything") is None
    True
    >>> print(alternation(["附件", "附表"], spaced=True))
    附(?:\\s*件|\\s*表)
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    sep = r"\s*" if spaced else ""

    def branches(node: dict, lead: str) -> list[str]:
        # (the characters in a fixed order, so that the pattern is the same from run to run whatever the words
        # came in)
        return [lead + re.escape(char) + tail(child) for char, child in sorted(node.items()) if char]

    def tail(node: dict) -> str:
        chain = ""
        while len(node) == 1 and "" not in node:  # (a run without a branch in a loop: a call a character would
            (char, node), = node.items()          # exceed Python's recursion limit on a word of some 400)
            chain += sep + re.escape(char)
        alts = branches(node, sep)
        if not alts:
            return chain
        body = alts[0] if len(alts) == 1 and "" not in node else f"(?:{'|'.join(alts)})"
        return chain + (body + "?" if "" in node else body)

    return "|".join(branches(trie, "") + ([""] if "" in trie else [])) or "(?!)"


def _matching_lines(pattern: re.Pattern[str], lines: Sequence[str], joined: str | None = None) -> list[int]:
    """Indices of the ``lines`` that ``pattern.search`` finds a match in, in order, found by one search of the lines
    joined by '\\n' (``joined``, where the caller has it) instead of one call a line: a call costs more than the
    search of a short line itself.

    For a pattern with no anchor or look-around that reads a line's start or end otherwise in the joined text (a
    look-behind at a line's start sees the '\\n'). A match holding a '\\n' (a ``\\s`` across a line's end) is asked
    again of each line it touches, which a line alone may not match; where a line holds a '\\n' itself, each line
    is asked alone.
    """
    text = "\n".join(lines) if joined is None else joined
    if text.count("\n") != len(lines) - 1:
        return [i for i, line in enumerate(lines) if pattern.search(line)]
    found: list[int] = []
    line, at = 0, 0
    for match in pattern.finditer(text):
        start, end = match.span()
        line += text.count("\n", at, start)
        at = start
        if (spanned := text.count("\n", start, end)):
            found.extend(k for k in range(line, line + spanned + 1)
                         if (not found or found[-1] < k) and pattern.search(lines[k]))
        elif not found or found[-1] != line:
            found.append(line)
    return found


def _convert_traditional(text: str) -> str:
    """Convert lines of traditional text: Taiwan's and Hong Kong's variants too, keep_words kept, and
    taiwan_words read as the mainland's where they were written in traditional characters (資訊, not 资讯)."""
    keep_pattern, keep, back, taiwan_pattern, taiwan = _traditional_rules()
    original = text
    marked = not _KEEP_MARKS.search(text)  # (no stand-ins where the text itself holds such characters)
    if marked:
        text = keep_pattern.sub(lambda m: keep[m.group()], text)
    text = _variants_to_simplified(text)
    if marked:
        text = _KEEP_MARKS.sub(lambda m: back.get(m.group(), m.group()), text)
    return taiwan_pattern.sub(lambda m: _taiwan_word(m, original, taiwan), text)


def _taiwan_word(match: re.Match[str], original: str, taiwan: dict[str, str]) -> str:
    """The mainland's word for a taiwan_words word found in converted text, or the word itself where ``original``
    (the text before the conversion, of the same length) wrote it with a character only simplified text uses: a
    mainland word in simplified characters on a line of traditional ones ('…通過资讯平臺…', a mainland report's 资讯
    pasted beside them) is no Taiwan word, and was made 信息."""
    written = original[match.start():match.end()] if len(original) == len(match.string) else ""
    return match.group() if any(map(_simplified_only, written)) else taiwan[match.group()]


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones with OpenCC, line by line.

    A line is converted when it holds a character only traditional text uses,
    or holds no sign of either script (``著力提升``, ``2020年``) and the nearest
    line above or below with one is traditional.  A line of simplified text is
    left as it is: ``乾县`` (a county), which t2s would turn into ``干县``.
    Taiwan's and Hong Kong's variants are converted too (``隨著`` → ``随着``,
    ``衞`` → ``卫``), the ``keep_words`` of ``formats.yaml`` (``乾佑``, ``编著``)
    are kept and its ``taiwan_words`` read as the mainland's (``資訊`` → ``信息``).

    Parameters
    ----------
    text : str
        Text of one or more lines.

    Returns
    -------
    str
        The text in simplified characters where it was traditional, with the same lines.

    Examples
    --------
    >>> to_simplified("乾县住房和城乡建设局")
    '乾县住房和城乡建设局'
    >>> to_simplified("一是部分信息未能及時公\\n佈。")
    '一是部分信息未能及时公\\n布。'
    >>> to_simplified("主動公開政府資訊\\n著力提升\\n柞水縣乾佑街道辦事處")
    '主动公开政府信息\\n着力提升\\n柞水县乾佑街道办事处'
    """
    if not _HAN.search(text) or not _convertible().search(text):
        return text  # (a character no conversion changes is no traditional one: the common case, skips OpenCC)
    converted = _opencc("t2s").convert(text)
    if converted == text:  # simplified text, the common case
        return converted
    before = text.split("\n")
    if len(before) != converted.count("\n") + 1:  # pragma: no cover - OpenCC keeps line breaks
        return converted
    # only a text that t2s changes on a line of traditional characters holds traditional lines: the others
    # (simplified text with a 乾) are left at that
    if not any(new != old and any(map(_traditional_only, old))
               for old, new in zip(before, converted.split("\n"))):
        return text
    scripts = [_line_script(line) if _HAN.search(line) else None for line in before]
    # a line with no sign of its script ('著力提升', '佈。' wrapped from the line before) takes it from the
    # nearest lines that have one, above or below: traditional when either is
    above: list[str | None] = []
    last = None
    for script in scripts:
        above.append(last)
        last = script or last
    index = []
    last = None
    for i in range(len(before) - 1, -1, -1):
        script = scripts[i]
        if script == "traditional" or (script is None and "traditional" in (above[i], last)
                                       and _HAN.search(before[i])):
            index.append(i)
        last = script or last
    index.reverse()
    lines = list(before)
    # only these lines: the variants' conversion costs three times as much as t2s
    joined = _convert_traditional("\n".join(before[i] for i in index))
    for i, line in zip(index, joined.split("\n")):
        lines[i] = line
    return "\n".join(lines)


_SYLLABLES = re.compile(f"(?:{_SYLLABLE.pattern})+")


_LIST_REACH = 400  # how far from a lettered sub-item's marker its neighbour in the list is sought ((a) … (b))
_ROMAN_NEIGHBOURS = {"i": ("", "ii"), "v": ("iv", "vi")}  # (i) and (v) are syllables too, as roman numerals


def _lettered(match: re.Match[str]) -> bool:
    """Whether a lone letter in brackets is a lettered sub-item's marker (``…不足(a)…;(b)…``), not a syllable
    (``啊(a)``): the letter before it in the alphabet (or the roman numeral) stands bracketed just before it, or the one
    after just after it."""
    letter = match.group(1)
    text, start, end = match.string, match.start(), match.end()
    before, after = text[max(0, start - _LIST_REACH):start], text[end:end + _LIST_REACH]
    earlier, later = _ROMAN_NEIGHBOURS.get(letter, ("", ""))
    previous, following = chr(ord(letter) - 1), chr(ord(letter) + 1)
    return (letter != "a" and f"({previous})" in before) or f"({following})" in after or (
        bool(earlier) and f"({earlier})" in before) or (bool(later) and f"({later})" in after)


def _drop_pinyin(match: re.Match[str]) -> str:
    # one syllable (們(men)), or a word's syllables written with tone marks (政府(zhèngfǔ)); but not a lettered
    # sub-item's marker after a word's last character ('…不足(a)…;(b)…': a, e, i, v are syllables too)
    word = match.group(1)
    if len(word) == 1 and _lettered(match):
        return match.group()
    pattern = _SYLLABLES if _TONE_MARK.search(word) else _SYLLABLE
    return "" if pattern.fullmatch(word.translate(_TONELESS)) else match.group()


def remove_pinyin(text: str) -> str:
    """Drop pinyin annotations after Han characters: ``區(qū)`` → ``區``, but ``移动端(app)`` stays.

    Parameters
    ----------
    text : str
        Text of one or more lines.

    Returns
    -------
    str
        The text without the bracketed pinyin syllables that follow a Han character.

    Examples
    --------
    >>> remove_pinyin("伊州區(qū)住房和城乡建设局,移动端(app)")
    '伊州區住房和城乡建设局,移动端(app)'
    """
    return _PINYIN.sub(_drop_pinyin, text)


def remove_invisible(text: str) -> str:
    """Remove zero-width characters, soft hyphens, direction marks and variation selectors, and superscript
    footnote marks (``74¹`` → ``74``; superscript digits that are a whole cell, ``| ⁸⁸ |``, are a value and stay)."""
    return _SUPERSCRIPT.sub(_footnote_mark, _INVISIBLE.sub("", text))


# What follows an item's number (after NFKC: 、 . ．→. ）→)), the formal numerals' too
_ITEM_ENDS = "、.)"


@functools.lru_cache(maxsize=1)
def _formal_numerals() -> tuple:
    """The ``formal_numerals`` of formats.yaml: the characters (a string), a pattern of a number of them and the
    table to the common numerals."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    table = load_formats()["formal_numerals"]
    chars = "".join(table)
    # (a class then the class repeated, as _NON_HAN: a pattern opening with a class is sought fast)
    return chars, re.compile(f"[{chars}][{chars}]{{0,2}}(?=[{_ITEM_ENDS}])"), str.maketrans(table)


def _common_numeral(match: re.Match[str]) -> str:
    start = match.start()
    if start and _HAN.match(match.string, start - 1):  # 队伍、, 壹佰: a word's or an amount's character
        return match.group()
    digits = match.group().translate(_formal_numerals()[2])
    return digits[1:] if digits.startswith("一十") else digits  # 壹拾壹 as 十一


def plain_item_numerals(text: str) -> str:
    """Write the formal numerals that number a heading or an item (``壹、``, ``(贰)``, ``陸.``) as the common ones
    (``formal_numerals`` of formats.yaml); an amount (``壹佰元``) or a word (``队伍、``) stays.

    Parameters
    ----------
    text : str
        Text of one or more lines.

    Returns
    -------
    str
        The text with those numbers in the common numerals.

    Examples
    --------
    >>> plain_item_numerals("壹、总体情况\\n(贰)依申请公开\\n拾壹、其他。加强队伍、制度建设,奖励壹佰元")
    '一、总体情况\\n(二)依申请公开\\n十一、其他。加强队伍、制度建设,奖励壹佰元'
    """
    chars, pattern, _ = _formal_numerals()
    # Most reports have none of them, or one in a word (队伍, 參加): a character searched for is a fast search,
    # the regex's class is not
    present = [c for c in chars if c in text]
    if not present or not any(c + end in text for c in present for end in _ITEM_ENDS):
        return text
    return pattern.sub(_common_numeral, text)


def _normalized(text: str) -> str:
    """The steps of :func:`normalize_line`, in their order, for a line or a document's lines joined."""
    text = _THIN_GROUP.sub(",", remove_invisible(text))
    text = plain_item_numerals(nfkc(text))  # (after NFKC: （壹） is (壹); before t2s: 參 would be 参)
    text = remove_pinyin(text)  # before t2s: OpenCC does not touch ASCII, order is for clarity
    return to_simplified(text)


def normalize_line(line: str) -> str:
    """Normalize one line of report text.

    Parameters
    ----------
    line : str
        A line as read from the document.

    Returns
    -------
    str
        NFKC-normalized, simplified, without pinyin annotations or invisible
        characters; trailing spaces removed, tabs kept.

    Examples
    --------
    >>> normalize_line("伊州區(qū)住建局　２０２４年")
    '伊州区住建局 2024年'
    """
    text = _normalized(line)
    # Trailing spaces go; a lone tab stays (it is a blank cell in the tab layout).
    return text.rstrip(" \r\n")


def normalize_lines(items: Sequence) -> list:
    """Normalize a document's lines in one pass (a ``list[str]`` item is a table row).

    Parameters
    ----------
    items : sequence of (str or list of str)
        Lines of text and table rows, as readers give them.

    Returns
    -------
    list
        The same shape, every line and cell normalized like :func:`normalize_line`
        (cells also stripped).
    """
    # One conversion call for the whole document is much faster than one per line;
    # NFKC and OpenCC keep line breaks, so lines map back one to one.
    rows = not all(map(isinstance, items, itertools.repeat(str)))  # (text reports have none; the test in C)
    flat: Sequence[str] = items
    if rows:
        flat = []
        for item in items:
            if isinstance(item, str):
                flat.append(item)
            else:
                flat.extend(item)
    text = "\n".join(flat)
    if text.count("\n") != len(flat) - 1:  # a line break inside a line or cell: a space
        flat = [x.replace("\n", " ") for x in flat]
        text = "\n".join(flat)
    text = _normalized(text)
    # (a cell is stripped whole below; mapped in C, not a comprehension: a report has thousands of lines)
    done = list(map(str.rstrip, text.split("\n"), itertools.repeat(" \r")))
    if len(done) != len(flat):  # pragma: no cover - defensive: fall back line by line
        done = [normalize_line(x) for x in flat]
    if not rows:
        return done
    out: list = []
    i = 0
    for item in items:
        if isinstance(item, str):
            out.append(done[i])
            i += 1
        else:
            out.append(list(map(str.strip, done[i : i + len(item)])))
            i += len(item)
    return out


def normalize_text(text: str) -> str:
    """Normalize a whole text line by line (line count is preserved).

    Parameters
    ----------
    text : str
        Report text.

    Returns
    -------
    str
        The normalized text; ``text.count('\\n')`` is unchanged.

    Examples
    --------
    >>> normalize_text("一、總體情況\\n（一）主動公開")
    '一、总体情况\\n(一)主动公开'
    """
    return "\n".join(normalize_lines(text.split("\n")))  # together: a line's neighbours tell its script


def detect_script(text: str) -> str:
    """Tell whether a text is written in traditional or simplified characters.

    Parameters
    ----------
    text : str
        Original (not normalized) text.

    Returns
    -------
    str
        ``'traditional'`` when more than 2 % of its Han characters change under
        OpenCC t2s conversion, else ``'simplified'``.

    Examples
    --------
    >>> detect_script("政府信息公開工作年度報告")
    'traditional'
    """
    head = text[:3000]
    # (the common case first, cheap: a head the conversion leaves as it is has no traditional character (only a phrase
    # the Han characters make across a mark, once run together, might convert: far from 2 %); OpenCC converts its short
    # runs between the marks for half what the Han characters run together cost, and no sample is made)
    if _opencc("t2s").convert(head) == head:
        return "simplified"
    sample = _NON_HAN.sub("", head)
    if not sample:
        return "simplified"
    converted = _opencc("t2s").convert(sample)
    if converted == sample:
        return "simplified"
    changed = sum(map(str.__ne__, sample, converted))
    return "traditional" if changed / len(sample) > 0.02 else "simplified"


# --- labels ------------------------------------------------------------------

_NUMBERING = re.compile(
    r"^\s*(?:"
    r"[(]?[一二三四五六七八九十]{1,3}[)]?[、.．]?"  # 一、 (一) 一.
    r"|[(]?\d{1,2}[)]?(?:[、.．﹒]|(?=\D))"  # 1. 1、 (1)
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|第[一二三四五六七八九十]+[部分项条]?[、.]?"
    r")\s*"
)
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
# The symbols a footnote mark is typed or set in: an asterisk in any of its look-alikes (the Symbol font's F02A is ∗,
# U+2217, Word's Insert > Symbol; pages set ∗, the full-width ＊, ⁎ and ✱), ※, daggers, # and the triangles △ ▲
# (a bullet before an item, formats.yaml bullets, but a note's mark after a label or a count: '行政处罚△', '12▲1';
# no value's part). One list for every reader and layout, so a mark one of them knows is known to all.
ASTERISKS = "*\u2217\uff0a\u204e\u2731"
FOOTNOTE_SYMBOLS = ASTERISKS + "※†‡#△▲"
# a footnote mark after a label ('*', '※1', '[1]', '[注]', '注1', '^1'; '①' is normalized '(1)', a note's brackets;
# '注' alone ends words, 备注)
_TRAILING_MARK = re.compile(rf"(?:[{FOOTNOTE_SYMBOLS}]{{1,3}}\d{{0,2}}" r"|\[注?\d{0,2}\]|注\d{1,2}|\^\d{1,2})$")
_SPACES = re.compile(r"\s+")
# a space between digits that is no thousands' space ('1 234'): a run of four digits or more before it, or not
# three digits after it ('4 0', '12 3': two counts run into one cell, a cell mark lost), as commas are held; nor
# one after a first group opening with 0 ('0 123') or after decimals ('12.5 678'), which no groups of a number are
_UNGROUPED_SPACE = re.compile(r"\d{4,}\s+\d|\d\s+(?!\d{3}(?!\d))\d|^\s*[+-]?0\d{0,2}\s+\d|\.\d+\s+\d")


@functools.lru_cache(maxsize=65536)
def label_key(label: str, *, keep_numbering: bool = False) -> str:
    """Reduce a label to the form used for matching against the format's labels.

    White space is removed everywhere (labels are often split: ``商业 企业``),
    single quotes are double ones, a PDF's glyphs of no Unicode map before its words (``(cid:9)规章``), the item
    numbering (``一、``, ``(三)``, ``1.``), a trailing parenthetical note (``(区分处理的,只计这一情形,不计其他情形)``,
    ``(单位:万元)``) and a trailing colon (``规章:``) are dropped.

    Parameters
    ----------
    label : str
        A normalized label cell.
    keep_numbering : bool, default False
        Keep the leading item number.

    Returns
    -------
    str

    Examples
    --------
    >>> label_key("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    '部分公开'
    >>> label_key("商业 企业")
    '商业企业'
    >>> label_key("规章:")
    '规章'
    """
    # (a label's single quotes are its double ones: '危及‘三安全一稳定’' is the format's 危及“三安全一稳定”, as 「」 is)
    text = _SPACES.sub("", label).replace("'", '"')
    if text[:5] == "(cid:" and (lead := CID_GLYPHS.match(text)) and lead.end() < len(text):
        # a PDF's glyphs of no Unicode map before the label's words ('(cid:9)规章': a bullet in a symbol font) are
        # no part of it (the reader flags them, cid_characters); glyphs alone stay the label
        text = text[lead.end():]
    if not keep_numbering:
        text = _NUMBERING.sub("", text, count=1)
    # (a colon after a label, '规章:', as some tables write their row labels, is no part of it; nor is a footnote
    # mark typed after it, '行政处罚*', '行政处罚[1]', '行政处罚注1': the row was unknown, its values lost)
    stripped = _TRAILING_NOTE.sub("", _TRAILING_MARK.sub("", text)).rstrip(":")
    return stripped if stripped else text


# --- numbers -----------------------------------------------------------------

# ("――", U+2015 HORIZONTAL BAR, is the dash "——" of a text decoded as GB 2312 by the standard mapping of A1AA, as
# Python's gb2312 codec and iconv do, or copied from such a page: the same mark)
NA_MARKS = frozenset({"/", "-", "—", "——", "--", "无", "-/-", "\\", "×", "―", "――"})
# A PDF cell whose glyphs have no Unicode map: pdfminer's placeholders, '(cid:21)(cid:21)' (a value not read)
CID_GLYPHS = re.compile(r"(?:\(cid:\d+\))+")


@functools.lru_cache(maxsize=1)
def cell_units() -> dict[str, dict[str, float] | list[str]]:
    """The units a number may carry in its cell, by kind (``cell_units`` of formats.yaml).

    Returns
    -------
    dict
        ``money``: unit -> how many of it make one 万元; ``count``, ``people`` and ``share``: lists of units.
    """
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    return load_formats()["cell_units"]


def number_units() -> tuple[str, ...]:
    """All units a number may carry in its cell, longest first, so that a regex alternation tries 件次 before 件
    and 万元 before 万."""
    return tuple(sorted({u for units in cell_units().values() for u in units}, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _number() -> re.Pattern[str]:
    # the unit after the number or in brackets after it ('0.35(万元)': a header's way, written in the cell), then a
    # note in brackets opening with one of value_notes' words ('88(含上年结转3)'), then a run of dashes typed after it
    # ('1330--': a cell's rule bounds it, so the dash marks no other cell); before it, an item number in brackets
    # glued to it ('(1)36', as copied from some pages: the cell is one count, so '(1)' is no count of its own)
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    units = "|".join(map(re.escape, number_units()))
    notes = "|".join(map(re.escape, load_formats()["value_notes"]))
    return re.compile(
        r"^(?:\((?P<item>[1-9]\d?)\)(?=[+-]?\d))?"
        r"(?P<sign>[+-])?(?P<num>[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        rf"(?:(?P<unit>{units})|[(（](?P<bracketed>{units})[)）])?(?:[(（](?P<note>(?:{notes})[^()（）]*)[)）])?"
        r"(?P<mark>—+|―+|-+)?$"
    )


@functools.lru_cache(maxsize=256)
def unit_kind(unit: str | None) -> str | None:
    """The kind of a unit, ``'money'``, ``'count'``, ``'people'`` or ``'share'`` (the keys of ``cell_units``), or
    None (no unit, or one not known).

    Examples
    --------
    >>> unit_kind("万"), unit_kind("起"), unit_kind("人次"), unit_kind("%"), unit_kind("平方米")
    ('money', 'count', 'people', 'share', None)
    """
    return next((kind for kind, units in cell_units().items() if unit in units), None)


@dataclass(frozen=True)
class ParsedNumber:
    """A cell read as a number.

    Attributes
    ----------
    value : float or None
        The number (money converted to 万元 when ``to_wan`` was asked), None when
        the cell is blank or a not-applicable mark.
    unit : str or None
        The unit written in the cell, if any.
    kind : str
        ``'number'``, ``'blank'``, ``'na'`` (a mark such as ``/``) or ``'text'``
        (not a number).
    signed : bool
        Whether the cell carries an explicit ``+`` or ``-``.
    note : str or None
        A note in brackets after the number (``'含上年结转3'`` of ``'88(含上年结转3)'``; ``value_notes`` of
        formats.yaml), flagged ``value_note`` by the tables.
    mark : str or None
        A run of dashes typed after the number (``'--'`` of ``'1330--'``), flagged ``value_note`` by the tables.
    words : bool
        Whether the number is a count written in Chinese numerals (``'十二'``; :func:`parse_cell`), flagged
        ``value_note`` by the tables.
    item : str or None
        An item number in brackets glued before the number (``'1'`` of ``'(1)36'``), flagged ``value_note`` by the
        tables.
    """

    value: float | None
    unit: str | None
    kind: str
    signed: bool = False
    note: str | None = None
    mark: str | None = None
    words: bool = False
    item: str | None = None


_CN_DIGIT_VALUES = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}


def cn_numeral(text: str) -> int | None:
    """The number of an item or date numeral: 1 for '一' or '1', 12 for '十二', 31 for '三十一'.

    Parameters
    ----------
    text : str
        Arabic digits, or a Chinese numeral up to 九十九, also in the formal numerals (壹, 贰拾叁; the
        ``formal_numerals`` of formats.yaml).

    Returns
    -------
    int or None
        None for anything else (an empty string, '十十', '一二').

    Examples
    --------
    >>> [cn_numeral(t) for t in ("三", "十", "二十三", "12", "一二", "陸", "壹拾壹")]
    [3, 10, 23, 12, None, 6, 11]
    """
    if text.isascii() and text.isdigit():
        return int(text)
    text = text.translate(_formal_numerals()[2])
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGIT_VALUES.get(text)
    if (tens and tens not in _CN_DIGIT_VALUES) or (ones and ones not in _CN_DIGIT_VALUES):
        return None
    return _CN_DIGIT_VALUES.get(tens, 1) * 10 + _CN_DIGIT_VALUES.get(ones, 0)


def cn_count(text: str) -> int | None:
    """The count a Chinese numeral writes, below 一万 (a count written in words in a table's cell).

    Parameters
    ----------
    text : str
        A Chinese numeral: 〇 or 零, one :func:`cn_numeral` reads (below 一百), or one with 百 and 千, a zero
        written where a place is skipped ('一百零五'); 两 for 二 before a place, or alone.

    Returns
    -------
    int or None
        None for anything else: Arabic digits, a colloquial '一百五' (150 or 105?), 万 and above, a numeral no
        number is written as ('十十', '百一', '一千零零一', '〇零', '一百零两', ''): refused, not guessed.

    Examples
    --------
    >>> [cn_count(t) for t in ("〇", "三", "两", "十二", "一百零五", "两千三百", "一百五", "12")]
    [0, 3, 2, 12, 105, 2300, None, None]
    >>> [cn_count(t) for t in ("十十", "百一", "一千零零一", "〇零", "一百零两", "一百亿", "")]
    [None, None, None, None, None, None, None]
    """
    if len(text) == 1 and text in _CN_ZEROS or text == "两":  # (a zero or 两 alone; '' and '〇零' are none)
        return 0 if text in _CN_ZEROS else 2
    return _cn_count_from(text, 0)


_CN_ZEROS = "〇零"
# every character a count cn_count reads is written in (a cell in words holds one: a pattern's character class)
_CN_COUNT_CHARS = "〇零一二两三四五六七八九十百千"
_CN_PLACES = (("千", 1000), ("百", 100))  # (below 十: cn_numeral's)


def _cn_count_from(text: str, place: int) -> int | None:
    """:func:`cn_count` of ``text``, its places from ``_CN_PLACES[place]`` down."""
    if place == len(_CN_PLACES):
        # (below 百: 两 is no digit there, '一百零两')
        return None if not text or text.isascii() else cn_numeral(text)
    word, size = _CN_PLACES[place]
    head, found, tail = text.partition(word)
    if not found:
        return _cn_count_from(text, place + 1) if text else None
    lead = cn_numeral("二" if head == "两" else head) if head and not head.isascii() else None
    if lead is None or lead > 9:
        return None
    if not tail:
        return lead * size
    # ('一百零五': a zero before what is below the next place; '一百一十', '两千三百': the next place written)
    zero = tail[0] in _CN_ZEROS
    rest = _cn_count_from(tail[zero:], place + 1)
    if rest is None or not (0 < rest < size // 10 if zero else size // 10 <= rest < size):
        return None
    return lead * size + rest


def cn_numeral_text(n: int, digits: str = "〇一二三四五六七八九十") -> str:
    """The Chinese numeral of ``n``, the inverse of :func:`cn_numeral`: 一 … 九十九 (Word's chineseCounting), or in
    the financial numerals ``digits`` (壹 … 玖拾玖, where ten is 壹拾); numbers past 99 in Arabic digits.

    Examples
    --------
    >>> [cn_numeral_text(n) for n in (3, 10, 11, 23, 100)]
    ['三', '十', '十一', '二十三', '100']
    """
    if n < 10:
        return digits[n]
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    lead = "" if tens == 1 and digits[1] == "一" else digits[tens]  # 十一, but 壹拾壹
    return lead + digits[10] + ("" if ones == 0 else digits[ones])


def number_text(x: float) -> str:
    """``x`` as a flag or a summary writes a sum or a count: in full (``1234567``, ``12.35``), never rounded to six
    digits as ``:g`` rounds it (``1.23457e+06``, which two different sums can share)."""
    return f"{x + 0.0:.10f}".rstrip("0").rstrip(".")  # (+ 0.0: no '-0')


@functools.lru_cache(maxsize=65536)
def parse_number(raw: str, *, to_wan: bool = False, expect: str | None = None) -> ParsedNumber:
    """Read a table cell as a number.

    Parameters
    ----------
    raw : str
        The cell text (normalized).
    to_wan : bool, default False
        Convert a value written in a unit of money (元, 千元, 万) to 万元 (money columns).
    expect : {None, 'money', 'count', 'people', 'share'}
        The kind of value the cell's row or column holds: a cell whose unit says another kind ('3次' in a
        万元 row, '5%' or '3人' in a count row) is no number of it, ``'text'`` (flagged not_a_number by the tables).

    Returns
    -------
    ParsedNumber

    Examples
    --------
    >>> parse_number("2,887").value, parse_number("2 887").value
    (2887.0, 2887.0)
    >>> parse_number("12,0").kind, parse_number("4 0").kind  # no thousands' groups: no one number
    ('text', 'text')
    >>> parse_number("251000元", to_wan=True).value, parse_number("0.35(万元)", to_wan=True).value
    (25.1, 0.35)
    >>> parse_number("3次", expect="money").kind, parse_number("约3").kind
    ('text', 'text')
    >>> parse_number("").kind, parse_number("/").kind
    ('blank', 'na')
    >>> parse_number("88(含上年结转3)").value, parse_number("88(含上年结转3)").note, parse_number("88(约)").kind
    (88.0, '含上年结转3', 'text')
    >>> parse_number("1330--").value, parse_number("1330--").mark
    (1330.0, '--')
    >>> parse_number("(1)36").value, parse_number("(1)36").item, parse_number("(1)").kind
    (36.0, '1', 'text')
    """
    if raw.isascii() and raw.isdigit():  # most cells: plain digits, the pattern's answer without it
        return ParsedNumber(float(raw), None, "number")
    text = _SPACES.sub("", raw)
    if not text:
        return ParsedNumber(None, None, "blank")
    if text in NA_MARKS:
        return ParsedNumber(None, None, "na")
    match = _number().match(text)
    if not match or (len(text) < len(raw) and _UNGROUPED_SPACE.search(raw)):
        return ParsedNumber(None, None, "text")
    unit = match["unit"] or match["bracketed"]
    if expect is not None and unit is not None and unit_kind(unit) != expect:
        # the unit written contradicts the row's: kept as written (raw), no number of the row
        return ParsedNumber(None, unit, "text")
    value = float(match["num"].replace(",", ""))
    if match["sign"] == "-":
        value = -value
    per_wan = cell_units()["money"].get(unit, 1) if to_wan and unit else 1  # type: ignore[union-attr]  # money maps unit -> 万元 factor
    if per_wan != 1:
        value = round(value / per_wan, 10)
    return ParsedNumber(value, unit, "number", signed=match["sign"] is not None, note=match["note"], mark=match["mark"],
                        item=match["item"])


_WHOLE_KINDS = (None, "count", "people")  # (the kinds a cell may hold a count of; None: not told)


@functools.lru_cache(maxsize=65536)
def parse_cell(raw: str, *, to_wan: bool = False, expect: str | None = None) -> ParsedNumber:
    """Read a table's value cell: :func:`parse_number`, or a count written in Chinese numerals (:func:`cn_count`).

    Parameters
    ----------
    raw, to_wan, expect
        As :func:`parse_number`'s. Only a cell of counts or people, or one whose kind is not told (``expect`` None),
        is read in words: an amount of money is not.

    Returns
    -------
    ParsedNumber
        Its ``words`` true for a count read in words.

    Examples
    --------
    >>> parse_cell("一百零五", expect="count").value, parse_cell("十二").words, parse_cell("三", expect="money").kind
    (105.0, True, 'text')
    >>> parse_cell("十 二").value, parse_cell("1 2").kind  # (spaces between Chinese numerals only: one count)
    (12.0, 'text')
    """
    num = parse_number(raw, to_wan=to_wan, expect=expect)
    if num.kind != "text" or expect not in _WHOLE_KINDS:
        return num
    # (a space inside a numeral in words, '十 二', spaced out as a PDF's characters are, splits no count: the
    # Chinese numerals cn_count reads have no digit groups that a space could set apart, as '1 2''s may)
    words = cn_count(_SPACES.sub("", raw))
    return num if words is None else ParsedNumber(float(words), None, "number", words=True)


@functools.lru_cache(maxsize=4096)
def is_value_cell(raw: str) -> bool:
    """True for a cell that holds a number, a not-applicable mark or nothing."""
    return (raw.isascii() and raw.isdigit()) or parse_number(raw).kind != "text"


# (three keys to the cache, not two: sections and metadata ask it with no argument, is_page_furniture with its
# in_table, and () and (False,) are keys apart; with two, each page furniture line of a table joined its pattern again)
@functools.lru_cache(maxsize=3)
def _page_furniture(in_table: bool = False) -> re.Pattern[str]:
    """The lines that are only a page's furniture (``page_furniture`` of formats.yaml, and where not ``in_table``
    its ``page_furniture_cell_like``), as one pattern."""
    return re.compile("|".join(f"(?:{p})" for p in _page_furniture_patterns(in_table)))


def _page_furniture_patterns(in_table: bool = False) -> list[str]:
    """formats.yaml's page furniture patterns: ``page_furniture``, and where not ``in_table`` the page numbers a
    table's cell may also be (``page_furniture_cell_like``: '(3)', '3-3', 'III')."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    formats = load_formats()
    return list(formats["page_furniture"]) + ([] if in_table else list(formats["page_furniture_cell_like"]))


@functools.lru_cache(maxsize=1)
def _stamp_time_pattern() -> str:
    """A print stamp's date and time as a regular expression, no group around it: formats.yaml ``pdf.stamp_date``
    followed by any one of ``pdf.stamp_time``'s ways of writing the time (kept apart there to be read one by one)."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    pdf = load_formats()["pdf"]
    return f"{pdf['stamp_date']}(?:{'|'.join(_time_form(form) for form in pdf['stamp_time'])})"


def _time_form(form: str) -> str:
    """``form``, a regular expression of a time of day, with its named parts ('{seconds}', '{zone}', '{west_zone}')
    replaced by formats.yaml ``pdf.time_parts``: the one place the seconds and zones are written, for a print stamp's
    time and a signature's alike (a quantifier's braces, '\\d{1,2}', name no part and stay)."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    parts = load_formats()["pdf"]["time_parts"]
    return re.sub(r"\{([a-z_]+)\}", lambda name: parts[name[1]], form)


@functools.lru_cache(maxsize=1)
def _print_stamp() -> re.Pattern[str]:
    """A browser's print header or footer alone (``pdf.stamp_url``, ``pdf.stamp_date`` and ``pdf.stamp_time`` of
    formats.yaml)."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    pdf = load_formats()["pdf"]
    # (the date and time before the URL on one line too: a header and footer printed at one edge, or a page's two
    # stamps joined by a copy, '2023-05-01 10:00 http://…/art_1.html 1/3')
    time = _stamp_time_pattern()
    return re.compile(f"(?:(?:{time})\\s+)?(?:{pdf['stamp_url']})|(?:{time})")


def is_print_stamp(line: str) -> bool:
    """True for a line that is only what a browser prints at the top or bottom of a page: a URL (with the
    page count) or a date and time, or both on one line (the date and time first).  The time may be joined to the
    date with a T as ISO 8601 writes it ('2024-03-01T09:12', '2024-02-05 T10:30'); with a T or a space, the time may
    carry its seconds' fraction and its zone ('2024-03-01 09:12:30+08:00'), not a span of hours ('9:00-12:00').

    Parameters
    ----------
    line : str
        One line of text.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_print_stamp("2021/1/30 下午6:41"), is_print_stamp("http://www.gov.cn/a.html 1/2")
    (True, True)
    >>> is_print_stamp("2021/1/30 下午6:41 http://www.gov.cn/a.html 1/2")
    True
    >>> is_print_stamp("2024-03-01T09:12"), is_print_stamp("2024-02-05 T10:30")
    (True, True)
    >>> is_print_stamp("2024-03-01 09:12:30+08:00"), is_print_stamp("2023年5月1日 9:00-12:00")
    (True, False)
    >>> is_print_stamp("2021年1月30日")
    False
    """
    return bool(_print_stamp().fullmatch(line.strip()))


@functools.lru_cache(maxsize=1)
def _appendix_line() -> re.Pattern[str]:
    """A line that starts an appendix: an appendix word of formats.yaml, its number, and a colon or nothing
    ('附件：…统计表', '附表1', '附 件')."""
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    words = alternation(load_formats()["appendix"]["words"], spaced=True)
    return re.compile(rf"^\s*(?:{words})\s*\d{{0,2}}\s*(?:[:.、]|$)")


@functools.lru_cache(maxsize=1)
def _footnote() -> re.Pattern[str]:
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    return re.compile(load_formats()["footnote"])


def is_footnote(line: str) -> bool:
    """True for a line that starts as a table's footnote does ('注:1.本表数据截至…', '备注：…'; ``footnote`` of
    formats.yaml): at a page's foot inside a table's page text, none of the table's text.

    Parameters
    ----------
    line : str
        One line of text.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_footnote("注:1. 本表数据截至2023年12月31日"), is_footnote("备注：含补正")
    (True, True)
    >>> is_footnote("关注度较高的信息")
    False
    """
    return _footnote().match(line.strip()) is not None


@functools.lru_cache(maxsize=1)
def _continuation_caption() -> re.Pattern[str]:
    from toolkit.formats import load_formats  # (toolkit.formats uses this module)

    return re.compile(load_formats()["continuation_caption"])


def is_continuation_caption(line: str) -> bool:
    """True for a line that is only a table's caption repeated where the table goes on on a new page ('续表',
    '(续表)', '续上表', '表3(续)'), or the note under its last rows that it goes on ('(续下表)', '接下页';
    ``continuation_caption`` of formats.yaml), given normalized (:func:`normalize_line`:
    '（續表）' is '(续表)'): passed over between a table's parts as page furniture is.

    Parameters
    ----------
    line : str
        One line of text, normalized.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_continuation_caption("(续表)"), is_continuation_caption("续表2"), is_continuation_caption("表3(续)")
    (True, True, True)
    >>> is_continuation_caption("(续下表)"), is_continuation_caption("接下页")
    (True, True)
    >>> is_continuation_caption("说明:以下为本表续表")  # a sentence: text
    False
    """
    # (every form names its table or page, 表 or 页: most lines are none, without the pattern's match)
    return ("表" in line or "页" in line) and _continuation_caption().fullmatch(line.strip()) is not None


@functools.lru_cache(maxsize=1)
def _page_number_patterns() -> tuple[re.Pattern[str], ...]:
    """formats.yaml's ``page_furniture`` patterns, each alone: the capturing group of one is the page's number."""
    return tuple(re.compile(p) for p in _page_furniture_patterns(in_table=True))


def _furniture_page_number(line: str) -> int | None:
    """The page number a line of page furniture gives, the capturing group of the ``page_furniture`` pattern it is
    ('- 3 -', '第三页', 'Page 3 of 5', '3/5'), else None (a web page's buttons, or no furniture)."""
    line = line.strip()
    if not is_page_furniture(line, in_table=True):
        return None
    m = next((m for pat in _page_number_patterns() if (m := pat.fullmatch(line)) and m.lastindex), None)
    return None if m is None else cn_numeral(m[1])


@functools.lru_cache(maxsize=4096)  # asked of every cell of a table, and cells recur ('0', the labels)
def is_page_furniture(line: str, in_table: bool = False) -> bool:
    """True for a line that is only a page number ('- 3 -', '第3页 共5页', '共5页 第3页', '3/5'), a PDF's running
    page header ('Page 9 - 政府信息公开工作年度报告', 'P. 9') or a web page's buttons ('【打印本页】【关闭窗口】');
    the forms are in ``formats.yaml``.  ``in_table``: the line may be a table's cell (the layout of a cell a line),
    so a page number a cell may also be ('(12)', a count in accounting style; '3-3'; 'III') is none.

    Examples
    --------
    >>> is_page_furniture("- 3 -"), is_page_furniture("第 2 页 共 4 页"), is_page_furniture("3")
    (True, True, False)
    >>> is_page_furniture("Page 9 - 政府信息公开工作年度报告"), is_page_furniture("P. 9")
    (True, True)
    >>> is_page_furniture("16/3"), is_page_furniture("(16/3)")  # no page 16 of 3: a count and a part of it, a cell
    (False, False)
    >>> is_page_furniture("3 of 5"), is_page_furniture("(3/5)"), is_page_furniture("页码:3/5")
    (True, True, True)
    >>> is_page_furniture("(3)"), is_page_furniture("3-3"), is_page_furniture("- iv -"), is_page_furniture("(3) 加强培训")
    (True, True, True, False)
    >>> is_page_furniture("(12)", in_table=True), is_page_furniture("- 3 -", in_table=True)
    (False, True)
    """
    line = line.strip()
    if not _page_furniture(in_table).fullmatch(line):
        return False
    # A bare 'n/m' is page n of m only where n ≤ m: '16/3' is a cell's two numbers (a count and a part of it); so
    # are 'n-m', 'n of m' and '(n/m)'.  A mark that says it is one ('- 7 / 5 -', '第7页 共5页', '页码:7/5') is the
    # page's whatever its numbers: a Word footer's page field may start past 1, or count a section's pages only.
    pages = _PAGE_OF.fullmatch(line)
    return pages is None or 0 < int(pages[1]) <= int(pages[2])


_PAGE_OF = re.compile(r"[(\[【〔]?\s*(\d+)\s*(?:[-—–－/]|of)\s*(\d+)\s*[)\]】〕]?")
