"""Synthetic annual reports with known truth, for tests and benchmarks.

The generator writes whole reports in the 2019 and 2021 official formats: a
title, the six sections with realistic prose, and the three statistics tables
(``active``, ``requests``, ``review_litigation``) whose numbers satisfy every
identity of ``shared/spec/schema.md``.  The numbers are kept in a long "truth"
table with the same columns as ``tables.csv`` (``table, row_key, col_key,
value, raw``), so a parser can be checked cell by cell against it.

The pipeline is::

    truth = make_truth(rng, "2019", blank_rate=0.2)      # numbers
    lines = render_lines(truth, rng, template="2019")     # report as rows
    text = render_text(lines, "pipe_cells")               # one of four text layouts
    html = render_html(lines)                              # or a simple web page

``make_report(seed)`` does all of it from one integer seed.  Everything is
drawn from the ``numpy.random.Generator`` passed in, so a seed always gives the
same report.

The labels and variants written here imitate real reports (seeds 000-004 and
``shared/spec/templates-detail.md`` §8); they are a test fixture, not the
reference the parser reads (that is ``toolkit/data/formats.yaml``).
"""
from __future__ import annotations

import html as _html
import zlib
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = ["make_truth", "render_lines", "render_text", "render_html", "make_report", "LAYOUTS", "TEMPLATES"]

#: Supported templates.
TEMPLATES = ("2019", "2021")
#: Text layouts of :func:`render_text` (``make_report`` also accepts ``"html"``).
LAYOUTS = ("pipe_rows", "pipe_cells", "tab", "lines")

Row = list  # a table row: list of cell strings

# ----------------------------------------------------------------------------------------------
# Table structure (keys as in shared/spec/schema.md, labels as in shared/spec/templates.md)
# ----------------------------------------------------------------------------------------------

# block item, col (key, label), rows (key, label)
_ACTIVE = {
    "2019": [
        ("一", [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_public", "对外公开总数量")],
         [("regulations", "规章"), ("normative_documents", "规范性文件")]),
        ("五", [("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
         [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
        ("六", [("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
         [("penalty", "行政处罚"), ("coercion", "行政强制")]),
        ("八", [("prev_items", "上一年项目数量"), ("change", "本年增/减")], [("fees", "行政事业性收费")]),
        ("九", [("items", "采购项目数量"), ("amount_wan", "采购总金额")], [("procurement", "政府集中采购")]),
    ],
    "2021": [
        ("一", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
         [("regulations", "规章"), ("normative_documents", "行政规范性文件")]),
        ("五", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
        ("六", [("decisions", "本年处理决定数量")], [("penalty", "行政处罚"), ("coercion", "行政强制")]),
        ("八", [("amount_wan", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
    ],
}

_REQ_COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total"]
_APPLICANTS = _REQ_COLS[:6]

# row_key, group path (keys of _GROUPS, outermost first), item label; {b}/{B} = brackets, {n} = serial mark
_REQ_ROWS_COMMON_HEAD = [
    ("new", (), "一、本年新收政府信息公开申请数量"),
    ("carried_over", (), "二、上年结转政府信息公开申请数量"),
    ("granted", ("results",), "{b}一{B}予以公开"),
    ("partially_granted", ("results",), "{b}二{B}部分公开{note}"),
    ("denied_state_secret", ("results", "denied"), "1{n}属于国家秘密"),
    ("denied_prohibited", ("results", "denied"), "2{n}其他法律行政法规禁止公开"),
    ("denied_security", ("results", "denied"), "3{n}危及{q}三安全一稳定{Q}"),
    ("denied_third_party", ("results", "denied"), "4{n}保护第三方合法权益"),
    ("denied_internal", ("results", "denied"), "5{n}属于三类内部事务信息"),
    ("denied_process", ("results", "denied"), "6{n}属于四类过程性信息"),
    ("denied_enforcement", ("results", "denied"), "7{n}属于行政执法案卷"),
    ("denied_query", ("results", "denied"), "8{n}属于行政查询事项"),
    ("unable_not_held", ("results", "unable"), "1{n}本机关不掌握相关政府信息"),
    ("unable_needs_creation", ("results", "unable"), "2{n}没有现成信息需要另行制作"),
    ("unable_unclear", ("results", "unable"), "3{n}补正后申请内容仍不明确"),
    ("rejected_petition", ("results", "rejected"), "1{n}信访举报投诉类申请"),
    ("rejected_duplicate", ("results", "rejected"), "2{n}重复申请"),
    ("rejected_publication", ("results", "rejected"), "3{n}要求提供公开出版物"),
    ("rejected_excessive", ("results", "rejected"), "4{n}无正当理由大量反复申请"),
    ("rejected_confirmation", ("results", "rejected"), "5{n}要求行政机关确认或重新出具已获取信息"),
]
_REQ_ROWS_OTHER: dict[str, list[tuple[str, tuple[str, ...], str]]] = {
    "2019": [("other_handling", ("results",), "{b}六{B}其他处理")],
    "2021": [
        ("other_no_correction", ("results", "other"), "1{n}申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", ("results", "other"), "2{n}申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_misc", ("results", "other"), "3{n}其他"),
    ],
}
_REQ_ROWS_TAIL = [
    ("handled_total", ("results",), "{b}七{B}总计"),
    ("carried_forward", (), "四、结转下年度继续办理"),
]
_GROUPS = {
    "results": "三、本年度办理结果",
    "denied": "{b}三{B}不予公开",
    "unable": "{b}四{B}无法提供",
    "rejected": "{b}五{B}不予处理",
    "other": "{b}六{B}其他处理",
}
_OUTCOMES = {
    "2019": ["granted", "partially_granted", "denied_state_secret", "denied_prohibited", "denied_security",
             "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_query",
             "unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition",
             "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
             "other_handling"],
}
_OUTCOMES["2021"] = _OUTCOMES["2019"][:-1] + ["other_no_correction", "other_unpaid_fee", "other_misc"]
# relative frequency of each outcome (same order as _OUTCOMES["2019"], other_handling last)
_OUTCOME_WEIGHTS = [45, 8, 1, 1, 1, 2, 1, 2, 1, 1, 15, 3, 3, 3, 2, 1, 1, 1, 6]

_REVIEW_ROWS = [("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"), ("litigation_after_review", "复议后起诉")]
_REVIEW_COLS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
                ("total", "总计")]

# Real variants of labels (simplified script, before any traditional conversion).
_LABEL_VARIANTS = {
    "一、本年新收政府信息公开申请数量": ["一、本年新收到政府信息公开申请数量"],
    "二、上年结转政府信息公开申请数量": ["二、上年转结政府信息公开申请数量"],
    "四、结转下年度继续办理": ["四、转结下年度继续办理", "四、结转下一年度继续办理"],
    "行政规范性文件": ["规范性文件"],
}
# Header cells split by the converter (a space where a line break was) or truncated by a narrow column.
_HEADER_SPLITS = {
    "本年新制作数量": ["本年新 制作数量"],
    "本年新公开数量": ["本年新 公开数量"],
    "对外公开总数量": ["对外公开 总数量"],
    "上一年项目数量": ["上一年 项目数量"],
    "处理决定数量": ["处理决定 数量"],
    "商业企业": ["商业 企业"],
    "科研机构": ["科研 机构"],
    "社会公益组织": ["社会公 益组织", "社会公"],
    "法律服务机构": ["法律服 务机构", "法律服"],
    "结果维持": ["结果 维持"],
    "结果纠正": ["结果 纠正"],
    "其他结果": ["其他 结果"],
    "尚未审结": ["尚未 审结"],
    "现行有效件数": ["现行有效件数 (历史累计)", "现行有效 件数"],
}

_HEADINGS = {
    "overview": ["一、总体情况", "一、 总体情况", "一、信息公开工作总体情况"],
    "active": ["二、主动公开政府信息情况", "2、 主动公开政府信息情况", "二、行政机关主动公开政府信息情况"],
    "requests": ["三、收到和处理政府信息公开申请情况", "3、 依申请公开政府信息情况"],
    "review_litigation": ["四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况",
                          "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
                          "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"],
    "problems": ["五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况",
                 "五、政府信息公开工作存在的主要问题及改进措施"],
    "other": ["六、其他需要报告的事项"],
}
_SUBHEADINGS = ["{b}一{B}主动公开", "{b}二{B}依申请公开", "{b}三{B}政府信息管理", "{b}四{B}平台建设", "{b}五{B}监督保障"]
_SUB_SUFFIX = ["", "情况"]

_PROSE = {
    "intro": [
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制。",
        "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "本报告电子版可在{agency}门户网站下载，如对本报告有疑问，请与{agency}办公室联系。",
    ],
    "overview": [
        "{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，持续推进决策、执行、管理、服务、结果公开。",
        "{agency}高度重视政府信息公开工作，成立了由主要负责同志任组长的政务公开工作领导小组，明确专人负责信息发布和审核。",
        "全年通过门户网站主动公开政府信息{n1}条，其中政策文件{n2}条，工作动态{n3}条。",
        "坚持“以公开为常态、不公开为例外”，严格落实信息发布保密审查制度，确保公开内容准确规范。",
    ],
    "active": [
        "围绕重点领域信息公开，及时发布财政预决算、重大建设项目、公共资源配置等信息{n1}条。",
        "做好政策解读工作，全年发布政策解读材料{n2}篇，回应社会关切{n3}次。",
    ],
    "requests": [
        "{year}年共受理政府信息公开申请{new}件，均在法定期限内答复。",
        "畅通依申请公开渠道，规范受理、登记、办理、答复等环节，明确办理时限和答复格式。",
    ],
    "management": [
        "进一步规范政府信息公开属性源头认定，建立公文类信息公开属性审查机制。",
        "对现行有效的规范性文件进行全面清理，并在门户网站集中公开。",
    ],
    "platform": [
        "加强门户网站信息公开专栏建设，优化栏目设置，提升网站检索和展示功能。",
        "充分发挥政务新媒体作用，全年通过微信公众号发布信息{n1}条。",
    ],
    "oversight": [
        "将政务公开工作纳入年度绩效考核，组织开展业务培训{n1}次，参训人员{n2}人次。",
        "未发生因政府信息公开工作引发的责任追究情况。",
    ],
    "review_litigation": [
        "{year}年，本机关因政府信息公开工作被申请行政复议{rv}件，被提起行政诉讼{lt}件。",
    ],
    "problems": [
        "一是信息公开的及时性还需进一步提高，个别栏目更新不够及时。",
        "二是政策解读形式较为单一，图解、视频等多样化解读较少。",
        "三是工作人员业务水平有待提升，对《条例》的理解还不够深入。",
        "四是依申请公开答复的规范化程度仍需加强。",
    ],
    "measures": [
        "下一步，我们将进一步加强组织领导，压实工作责任，确保信息公开及时准确。",
        "加大业务培训力度，提高工作人员的政策水平和业务能力。",
        "丰富政策解读形式，提升解读质量，增强解读的针对性和实效性。",
        "健全依申请公开工作机制，规范答复文书，提高办理质量。",
    ],
    "other_2019": ["无其他需要报告的事项。", "本年度未收取政府信息公开处理费。"],
    "other_2021": ["本机关{year}年度未发出收费通知，未收取信息处理费。",
                   "本机关{year}年度发出收费通知{fee_n}件，收取信息处理费{fee_yuan}元。",
                   "无其他需要报告的事项。"],
}

_AGENCIES = ["某市住房和城乡建设局", "某县人民政府办公室", "某区自然资源局", "某市生态环境局", "某县交通运输局",
             "某区市场监督管理局", "某市统计局", "某县教育局", "某区卫生健康委员会", "某镇人民政府", "某街道办事处",
             "某市财政局", "某县农业农村局", "某区人力资源和社会保障局", "某市审计局"]

# Traditional characters that converted web pages annotate with pinyin (seed 002).
_PINYIN = {"區": "qū", "務": "wù", "習": "xí", "監": "jiān", "發": "fā", "數": "shù", "據": "jù", "結": "jié",
           "轉": "zhuǎn", "業": "yè", "構": "gòu", "審": "shěn", "復": "fù", "議": "yì", "權": "quán",
           "規": "guī", "導": "dǎo", "領": "lǐng", "辦": "bàn", "費": "fèi", "關": "guān", "內": "nèi"}

_FULLWIDTH = str.maketrans("0123456789,.+-", "０１２３４５６７８９，．＋－")


# ----------------------------------------------------------------------------------------------
# Truth
# ----------------------------------------------------------------------------------------------

def _check_template(template: str) -> str:
    if template not in TEMPLATES:
        raise ValueError(f"template must be one of {list(TEMPLATES)}, got {template!r}")
    return template


def _check_rng(rng: object) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    return rng


def _small(rng: np.random.Generator, lam: float, p_zero: float = 0.5) -> int:
    """A small count: zero with probability ``p_zero``, else Poisson(lam)."""
    if rng.random() < p_zero:
        return 0
    return int(rng.poisson(lam))


def _large(rng: np.random.Generator, p_big: float = 0.3) -> int:
    """A count that is sometimes in the thousands."""
    r = rng.random()
    if r < 0.3:
        return 0
    if r < 0.3 + p_big:
        return int(rng.integers(1000, 70000))
    return int(rng.integers(1, 400))


def _money_yuan(rng: np.random.Generator, p_zero: float) -> int:
    """An amount in yuan (integer), often round."""
    if rng.random() < p_zero:
        return 0
    yuan = int(np.exp(rng.uniform(np.log(500), np.log(8e7))))
    step = int(rng.choice([1, 10, 100, 1000]))
    return max(yuan - yuan % step, step)


def _active_truth(rng: np.random.Generator, template: str) -> list[tuple]:
    cells: list[tuple] = []
    if template == "2019":
        for row in ("regulations", "normative_documents"):
            made = _small(rng, 2, 0.8) if row == "regulations" else _small(rng, 6, 0.3)
            published = int(rng.integers(0, made + 1)) if rng.random() < 0.3 else made
            total = published + _small(rng, 25, 0.3)
            cells += [(row, "made", made), (row, "published", published), (row, "total_public", total)]
        for row in ("licensing", "other_services", "penalty", "coercion"):
            prev = _small(rng, 60, 0.3)
            change = int(rng.integers(-prev, 40)) if rng.random() < 0.5 else 0
            cells += [(row, "prev_items", prev), (row, "change", change), (row, "decisions", _large(rng))]
        prev = _small(rng, 4, 0.4)
        change = int(rng.integers(-prev, 6)) if rng.random() < 0.4 else 0
        cells += [("fees", "prev_items", prev), ("fees", "change", change)]
        cells += [("procurement", "items", _small(rng, 12, 0.3)),
                  ("procurement", "amount_wan", Decimal(_money_yuan(rng, 0.25)) / 10000)]
    else:
        for row in ("regulations", "normative_documents"):
            issued = _small(rng, 2, 0.8) if row == "regulations" else _small(rng, 6, 0.3)
            repealed = _small(rng, 2, 0.6)
            in_force = issued + _small(rng, 30, 0.2)
            cells += [(row, "issued", issued), (row, "repealed", repealed), (row, "in_force", in_force)]
        for row in ("licensing", "penalty", "coercion"):
            cells.append((row, "decisions", _large(rng)))
        cells.append(("fees", "amount_wan", Decimal(_money_yuan(rng, 0.6)) / 10000))
    return [("active", r, c, v) for r, c, v in cells]


def _requests_truth(rng: np.random.Generator, template: str) -> list[tuple]:
    outcomes = _OUTCOMES[template]
    weights = np.array(_OUTCOME_WEIGHTS[:-1] + ([6] if template == "2019" else [3, 1, 2]), dtype=float)
    big = rng.random() < 0.25
    values: dict[str, dict[str, int]] = {}
    for col in _APPLICANTS:
        if col == "natural_person":
            scale = float(rng.integers(1000, 3000)) if big else float(np.exp(rng.uniform(0, 4.5)))
            p_zero = 0.1
        elif col == "commercial":
            scale, p_zero = float(np.exp(rng.uniform(0, 3))), 0.5
        else:
            scale, p_zero = float(rng.uniform(0.5, 4)), 0.8
        handled = 0 if rng.random() < p_zero else int(rng.poisson(scale))
        # a few outcome kinds per column, the rest zero (real tables are mostly zeros)
        active = rng.random(len(outcomes)) < 0.5
        active[0] = True
        w = weights * active
        counts = rng.multinomial(handled, w / w.sum())
        col_values = dict(zip(outcomes, (int(x) for x in counts)))
        col_values["handled_total"] = handled
        carried_forward = _small(rng, max(scale * 0.1, 0.3), 0.7)
        carried_over = min(_small(rng, max(scale * 0.1, 0.3), 0.7), handled + carried_forward)
        col_values["carried_forward"] = carried_forward
        col_values["carried_over"] = carried_over
        col_values["new"] = handled + carried_forward - carried_over
        values[col] = col_values
    rows = ["new", "carried_over", *outcomes, "handled_total", "carried_forward"]
    out = []
    for row in rows:
        total = 0
        for col in _APPLICANTS:
            out.append(("requests", row, col, values[col][row]))
            total += values[col][row]
        out.append(("requests", row, "total", total))
    return out


def _review_truth(rng: np.random.Generator) -> list[tuple]:
    out = []
    busy = rng.random() < 0.4
    for row, _ in _REVIEW_ROWS:
        parts = [_small(rng, 2 if busy else 0.7, 0.5 if busy else 0.85) for _ in range(4)]
        for (col, _), v in zip(_REVIEW_COLS, parts + [sum(parts)]):
            out.append(("review_litigation", row, col, v))
    return out


def _plain(v: int | Decimal) -> str:
    if isinstance(v, Decimal):
        s = format(v.normalize(), "f")
        return s
    return str(v)


def make_truth(rng: np.random.Generator, template: str = "2019", *, blank_rate: float = 0.0,
               report_id: str = "synthetic") -> pd.DataFrame:
    """Draw the numbers of one report's three tables, with all identities holding.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the only one used).
    template : {"2019", "2021"}, default "2019"
        Report format; the ``active`` blocks and the 其他处理 rows differ.
    blank_rate : float, default 0.0
        Probability that a cell whose value is 0 is left blank (``raw == ''``,
        ``value`` NaN).  Never blanked: the natural_person and total cells of a
        ``requests`` row, any ``review_litigation`` cell, and the first and last
        value cells of an ``active`` row, so that a row that lost its blank
        cells can still be read by position.
    report_id : str, default "synthetic"
        Written into the ``report_id`` column.

    Returns
    -------
    pandas.DataFrame
        Columns ``report_id, table, row_key, col_key, value, raw`` in the order
        of the official tables.  ``value`` is a float (money in 万元), ``raw``
        the plain text of the value (``render_lines`` replaces it by the cell as
        rendered).

    Raises
    ------
    ValueError
        If ``template`` is unknown or ``blank_rate`` is not in [0, 1].
    TypeError
        If ``rng`` is not a ``numpy.random.Generator``.

    Examples
    --------
    >>> import numpy as np
    >>> truth = make_truth(np.random.default_rng(0), "2021")
    >>> sorted(truth["table"].unique())
    ['active', 'requests', 'review_litigation']
    """
    rng = _check_rng(rng)
    _check_template(template)
    if not isinstance(blank_rate, (int, float)) or not 0.0 <= blank_rate <= 1.0:
        raise ValueError(f"blank_rate must be a number in [0, 1], got {blank_rate!r}")
    cells = _active_truth(rng, template) + _requests_truth(rng, template) + _review_truth(rng)
    # positions that may be blanked
    active_cols: dict[str, list[str]] = {}
    for table, row, col, _ in cells:
        if table == "active":
            active_cols.setdefault(row, []).append(col)
    values, raws = [], []
    for table, row, col, v in cells:
        blankable = False
        if v == 0 and blank_rate > 0:
            if table == "requests":
                blankable = col not in ("natural_person", "total")
            elif table == "active":
                cols = active_cols[row]
                blankable = col not in (cols[0], cols[-1])
        if blankable and rng.random() < blank_rate:
            values.append(np.nan)
            raws.append("")
        else:
            values.append(float(v))
            raws.append(_plain(v))
    frame = pd.DataFrame(cells, columns=["table", "row_key", "col_key", "_v"]).drop(columns="_v")
    frame.insert(0, "report_id", report_id)
    frame["value"] = np.array(values, dtype=float)
    frame["raw"] = raws
    return frame


# ----------------------------------------------------------------------------------------------
# Rendering to rows
# ----------------------------------------------------------------------------------------------

class _Style:
    """Per-report choices of label variants and number styles, all drawn up front."""

    def __init__(self, rng: np.random.Generator, label_variants: bool, number_styles: bool) -> None:
        lv, ns = label_variants, number_styles
        self.rng = rng
        self.label_variants = lv
        self.full_brackets = bool(rng.random() < 0.7) if lv else True
        self.serial = str(rng.choice([".", "、", "．", "﹒"], p=[0.6, 0.2, 0.1, 0.1])) if lv else "."
        self.quotes = ("“", "”") if not lv or rng.random() < 0.8 else ('"', '"')
        self.note = bool(rng.random() < 0.85) if lv else True
        self.split_p = float(rng.choice([0.0, 0.5, 1.0], p=[0.5, 0.3, 0.2])) if lv else 0.0
        self.truncate = bool(rng.random() < 0.1) if lv else False
        self.merged_blank = bool(rng.random() < 0.3) if lv else False
        self.note_own_row = bool(rng.random() < 0.5)
        self.article_space = str(rng.choice(["", " ", "  "], p=[0.8, 0.15, 0.05])) if lv else ""
        self.intro_before_table = bool(rng.random() < 0.2) if lv else False
        self.thousands = bool(rng.random() < 0.6) if ns else False
        self.plus = bool(rng.random() < 0.5) if ns else False
        self.fullwidth = bool(rng.random() < 0.15) if ns else False
        self.money = str(rng.choice(["header_wan", "cell_yuan", "cell_wan"], p=[0.5, 0.3, 0.2])) if ns else "header_wan"
        self.money_header = str(rng.choice(["(万元)", "（单位：万元）", "（万元）"])) if ns else "（万元）"

    def brackets(self) -> tuple[str, str]:
        return ("（", "）") if self.full_brackets else ("(", ")")

    def fmt(self, template: str) -> str:
        b, B = self.brackets()
        note = f"{b}区分处理的，只计这一情形，不计其他情形{B}" if self.note else ""
        return template.format(b=b, B=B, n=self.serial, q=self.quotes[0], Q=self.quotes[1], note=note)

    def label(self, text: str) -> str:
        """A row label, maybe replaced by a real variant."""
        if self.label_variants and text in _LABEL_VARIANTS and self.rng.random() < 0.4:
            return str(self.rng.choice(_LABEL_VARIANTS[text]))
        return text

    def header(self, text: str) -> str:
        """A header cell, maybe split or truncated as converters do."""
        if self.split_p and text in _HEADER_SPLITS and self.rng.random() < self.split_p:
            options = [o for o in _HEADER_SPLITS[text] if " " in o or self.truncate]
            if options:
                return str(self.rng.choice(options))
        return text

    def number(self, v: int, *, signed: bool = False) -> str:
        if self.thousands and abs(v) >= 1000:
            s = f"{v:,}"
        else:
            s = str(v)
        if signed and v > 0 and self.plus:
            s = "+" + s
        return self.finish(s)

    def finish(self, s: str) -> str:
        return s.translate(_FULLWIDTH) if self.fullwidth else s


def _money_text(v: Decimal, thousands: bool) -> str:
    s = format(v.normalize(), "f") if v else "0"
    if thousands and abs(v) >= 1000:
        whole, _, frac = s.partition(".")
        s = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return s


def _render_cell(style: _Style, table: str, col: str, value: float, raw: str, money_in_cell: str | None) -> str:
    if raw == "":
        return ""
    if col == "amount_wan":
        v = Decimal(raw)
        if money_in_cell == "cell_yuan":
            return style.finish(f"{int(v * 10000)}元")
        text = _money_text(v, style.thousands)
        if money_in_cell == "cell_wan":
            text += "万元"
        return style.finish(text)
    return style.number(int(value), signed=(col == "change"))


def _article(style: _Style, item: str) -> str:
    b, B = style.brackets()
    return f"第二十条{style.article_space}第{b}{item}{B}项"


def _active_rows(style: _Style, template: str, cell: dict) -> list[Row]:
    rows: list[Row] = []
    for item, cols, body in _ACTIVE[template]:
        rows.append([_article(style, item)])
        header = ["信息内容"]
        money_mode = None
        for key, label in cols:
            if key == "amount_wan" and template == "2019":
                money_mode = style.money
                if money_mode == "header_wan":
                    label = label + style.money_header
            elif key == "amount_wan":
                money_mode = "header_wan"
                if not style.full_brackets:
                    label = label.replace("（", "(").replace("）", ")")
            header.append(style.header(label))
        rows.append(header)
        for rkey, rlabel in body:
            cells = [style.label(rlabel)]
            for key, _ in cols:
                cells.append(cell[("active", rkey, key)](money_mode))
            rows.append(cells)
    return rows


def _requests_rows(style: _Style, template: str, cell: dict) -> list[Row]:
    b, B = style.brackets()
    note = f"{b}本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和{B}"
    rows: list[Row] = [[note], ["申请人情况"]] if style.note_own_row else [[note, "申请人情况"]]
    pad = [""] if style.merged_blank else []
    rows.append(pad + ["自然人", "法人或其他组织", "总计"])
    orgs = [style.header(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构")] + ["其他"]
    rows.append(pad * 2 + orgs + pad)
    spec = _REQ_ROWS_COMMON_HEAD + _REQ_ROWS_OTHER[template] + _REQ_ROWS_TAIL
    seen: set[str] = set()
    for key, groups, label in spec:
        labels: list[str] = []
        for g in groups:
            if g not in seen:
                seen.add(g)
                labels.append(style.fmt(_GROUPS[g]))
            elif style.merged_blank:
                labels.append("")
        labels.append(style.label(style.fmt(label)))
        rows.append(labels + [cell[("requests", key, c)](None) for c in _REQ_COLS])
    return rows


def _review_rows(style: _Style, cell: dict) -> list[Row]:
    outcome = [style.header(label) for _, label in _REVIEW_COLS]
    rows: list[Row] = [["行政复议", "行政诉讼"], outcome + ["未经复议直接起诉", "复议后起诉"]]
    rows.append(([""] * 5 if style.merged_blank else []) + [style.header(label) for _, label in _REVIEW_COLS] * 2)
    rows.append([cell[("review_litigation", r, c)](None) for r, _ in _REVIEW_ROWS for c, _ in _REVIEW_COLS])
    return rows


def _pick(rng: np.random.Generator, options: list[str], variants: bool) -> str:
    return str(rng.choice(options)) if variants else options[0]


def _prose(rng: np.random.Generator, key: str, n: int, ctx: dict) -> list[str]:
    pool = _PROSE[key]
    if n <= 0:
        return []
    if key in ("problems", "measures"):  # enumerations 一是…二是… keep their order
        idx = np.arange(min(n, len(pool)))
    else:
        idx = np.sort(rng.choice(len(pool), size=min(n, len(pool)), replace=False))
    out = []
    for i in idx:
        ctx = dict(ctx, n1=int(rng.integers(10, 900)), n2=int(rng.integers(1, 60)), n3=int(rng.integers(1, 300)))
        out.append(pool[i].format(**ctx))
    return out


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(items: list, rng: np.random.Generator, pinyin: bool) -> list:
    """Convert every string of ``items`` to traditional script in one OpenCC call."""
    flat: list[str] = []
    for it in items:
        flat.extend([it] if isinstance(it, str) else it)
    converted = _converter().convert("\n".join(flat)).split("\n")
    if len(converted) != len(flat):  # pragma: no cover - OpenCC keeps line breaks
        raise RuntimeError("OpenCC changed the number of lines")
    if pinyin:
        chars = [c for c in _PINYIN if rng.random() < 0.6]
        table = {c: f"{c}({_PINYIN[c]})" for c in chars}
        converted = [s.translate(str.maketrans(table)) if table else s for s in converted]
    out, k = [], 0
    for it in items:
        if isinstance(it, str):
            out.append(converted[k])
            k += 1
        else:
            out.append(converted[k:k + len(it)])
            k += len(it)
    return out


def render_lines(truth: pd.DataFrame, rng: np.random.Generator, *, template: str = "2019", agency: str = "某市某局",
                 year: int = 2020, traditional: bool = False, label_variants: bool = True,
                 number_styles: bool = True, prose_paragraphs: int = 2) -> list[str | list[str]]:
    """Lay out a whole report as text lines and table rows.

    Parameters
    ----------
    truth : pandas.DataFrame
        A table from :func:`make_truth` for the same ``template``.  Its ``raw``
        column is **updated in place** to the cell text as rendered (number
        style applied, before traditional conversion; digits are never
        converted), so that it can be compared with a parser's ``raw``.
        ``value`` is left unchanged.
    rng : numpy.random.Generator
        Source of randomness for wording, variants and styles.
    template : {"2019", "2021"}, default "2019"
    agency : str, default "某市某局"
    year : int, default 2020
        The year reported on (title and prose).
    traditional : bool, default False
        Convert all text to traditional characters (OpenCC ``s2t``) and, in
        about half of such reports, add pinyin after some characters
        (``區(qū)``) as converted web pages do.
    label_variants : bool, default True
        Use real variants of labels (本年新收到…, 上年转结…, 规范性文件 in 2021,
        split header cells such as ``商业 企业``, serial marks ``1.``/``1、``/``1．``,
        half- or full-width brackets, blank cells standing for merged ones).
    number_styles : bool, default True
        Use thousands separators (``2,887``), ``+5`` for positive changes,
        full-width digits, and money written ``21.53`` under a 万元 header, or
        ``215300元`` / ``21.53万元`` in the cell.
    prose_paragraphs : int, default 2
        Paragraphs of prose per section (and per sub-section of section 一).

    Returns
    -------
    list of str or list of str
        A ``str`` is a line of text, a ``list`` is a table row of cells (a
        one-cell row such as ``['第二十条第（一）项']`` is still a list).

    Raises
    ------
    ValueError
        If ``template`` is unknown, ``prose_paragraphs`` is negative, or
        ``truth`` lacks cells of the template.
    TypeError
        If ``rng`` is not a ``numpy.random.Generator``.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> lines = render_lines(make_truth(rng), rng, agency="某县某局", year=2019)
    >>> lines[0]
    '某县某局2019年政府信息公开工作年度报告'
    """
    rng = _check_rng(rng)
    _check_template(template)
    if not isinstance(prose_paragraphs, (int, np.integer)) or prose_paragraphs < 0:
        raise ValueError(f"prose_paragraphs must be an integer >= 0, got {prose_paragraphs!r}")
    if not isinstance(truth, pd.DataFrame) or not {"table", "row_key", "col_key", "value", "raw"} <= set(truth.columns):
        raise ValueError("truth must be a DataFrame with columns table, row_key, col_key, value, raw "
                         "(from make_truth)")
    style = _Style(rng, label_variants, number_styles)
    keys = list(zip(truth["table"], truth["row_key"], truth["col_key"]))
    index = {k: i for i, k in enumerate(keys)}
    raws = list(truth["raw"])
    values = truth["value"].to_numpy()

    def make_cell(k: tuple):
        def render(money_mode: str | None) -> str:
            i = index[k]
            text = _render_cell(style, k[0], k[2], values[i], raws[i], money_mode)
            raws[i] = text
            return text
        return render

    expected = {("active", r, c) for item, cols, body in _ACTIVE[template] for r, _ in body for c, _ in cols}
    missing = expected - set(index)
    if missing:
        raise ValueError(f"truth lacks {len(missing)} cells of the {template} template, e.g. {sorted(missing)[0]}; "
                         f"pass the same template to make_truth and render_lines")
    cell = {k: make_cell(k) for k in index}

    get = dict(zip(keys, values))
    new_total = get.get(("requests", "new", "total"), 0.0)
    ctx = {"agency": agency, "year": year, "new": int(0 if np.isnan(new_total) else new_total),
           "rv": int(np.nansum([get.get(("review_litigation", "review", "total"), 0)])),
           "lt": int(np.nansum([get.get(("review_litigation", r, "total"), 0)
                                for r in ("litigation_direct", "litigation_after_review")])),
           "fee_n": int(rng.integers(1, 5)), "fee_yuan": int(rng.integers(1, 40)) * 100}
    v = label_variants
    b, B = style.brackets()
    items: list = [f"{agency}{year}年政府信息公开工作年度报告"]
    if v and rng.random() < 0.5:
        items.append(f"发布日期：{year + 1}-01-{int(rng.integers(10, 32)):02d}")
    items += _prose(rng, "intro", min(prose_paragraphs, 2), ctx)

    items.append(_pick(rng, _HEADINGS["overview"], v))
    items += _prose(rng, "overview", prose_paragraphs, ctx)
    sub_keys = ["active", "requests", "management", "platform", "oversight"]
    suffix = _pick(rng, _SUB_SUFFIX, v)
    for sub, key in zip(_SUBHEADINGS, sub_keys):
        items.append(sub.format(b=b, B=B) + suffix)
        items += _prose(rng, key, max(prose_paragraphs - 1, 1) if prose_paragraphs else 0, ctx)

    items.append(_pick(rng, _HEADINGS["active"], v))
    if style.intro_before_table:
        items.append(f"{year}年，本机关主动公开政府信息情况如下：")
    items += _active_rows(style, template, cell)

    items.append(_pick(rng, _HEADINGS["requests"], v))
    if style.intro_before_table:
        items.append(f"{year}年，本机关收到和处理政府信息公开申请情况如下：")
    items += _requests_rows(style, template, cell)

    items.append(_pick(rng, _HEADINGS["review_litigation"], v))
    items += _review_rows(style, cell)

    items.append(_pick(rng, _HEADINGS["problems"], v))
    if prose_paragraphs:
        items.append(f"{b}一{B}存在的问题" if rng.random() < 0.5 else "存在的主要问题：")
        items += _prose(rng, "problems", prose_paragraphs + 1, ctx)
        items.append(f"{b}二{B}改进措施" if rng.random() < 0.5 else "改进情况：")
        items += _prose(rng, "measures", prose_paragraphs + 1, ctx)
    items.append(_pick(rng, _HEADINGS["other"], v))
    items += _prose(rng, "other_2021" if template == "2021" else "other_2019", 1, ctx)
    items.append(agency)

    truth["raw"] = raws
    if traditional:
        items = _to_traditional(items, rng, pinyin=bool(rng.random() < 0.5))
    return items


# ----------------------------------------------------------------------------------------------
# Layouts
# ----------------------------------------------------------------------------------------------

def _local_rng(items: list) -> np.random.Generator:
    """A generator seeded from the content, so layouts are deterministic without an rng argument."""
    flat = "\x1f".join(it if isinstance(it, str) else "\x1e".join(it) for it in items)
    return np.random.default_rng(zlib.crc32(flat.encode("utf-8")))


def _tables(items: list) -> list[tuple[int, int]]:
    """(start, stop) index ranges of consecutive rows."""
    out, start = [], None
    for i, it in enumerate(items):
        if isinstance(it, list):
            if start is None:
                start = i
        elif start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(items)))
    return out


def render_text(lines: list, layout: str) -> str:
    """Write the rows of :func:`render_lines` as plain text in one of the real layouts.

    Parameters
    ----------
    lines : list of str or list of str
        Output of :func:`render_lines`.
    layout : {"pipe_rows", "pipe_cells", "tab", "lines"}
        - ``pipe_rows``: one table row per line, ``a | b | c |``, sometimes with
          filler pipes from merged headers (``第二十条第（一）项 | |||``).
        - ``pipe_cells``: one cell per line ending in `` |`` (seed 001), with
          filler lines of pipes (seed 002) or filler appended to a row's last cell.
        - ``tab``: one cell per line prefixed by a tab, rows separated by a
          blank line, a blank cell is a lone tab (seed 004).
        - ``lines``: one cell per line with blank lines between cells, blank
          cells omitted (seed 000).
        Text lines are written as they are, followed by a blank line in
        ``tab`` and ``lines``.

    Returns
    -------
    str
        The report text, ending with a newline.

    Raises
    ------
    ValueError
        If ``layout`` is unknown.

    Examples
    --------
    >>> render_text(["标题", ["a", "", "1"]], "pipe_rows")
    '标题\\na | | 1 |\\n'
    >>> render_text(["标题", ["a", "", "1"]], "lines")
    '标题\\n\\na\\n\\n1\\n\\n'
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {list(LAYOUTS)}, got {layout!r}")
    rng = _local_rng(lines)
    width = {}
    for start, stop in _tables(lines):
        w = max(len(r) for r in lines[start:stop])
        for i in range(start, stop):
            width[i] = w
    filler_sep = rng.random() < 0.5  # pipe_cells: filler on its own line (seed 002) or appended (seed 001)
    out: list[str] = []
    for i, it in enumerate(lines):
        if isinstance(it, str):
            out.append(it)
            if layout in ("tab", "lines"):
                out.append("")
            continue
        short = width[i] - len(it)
        filler = "|" * max(short, 1) if short > 0 and rng.random() < 0.5 else ""
        if layout == "pipe_rows":
            text = " ".join(f"{c} |" if c else "|" for c in it)
            out.append(text + (" " + filler if filler else ""))
        elif layout == "pipe_cells":
            cells = [f"{c} |" if c else "|" for c in it]
            if filler and filler_sep:
                cells.append(filler)
            elif filler:
                cells[-1] = cells[-1] + " " + filler
            out.extend(cells)
        elif layout == "tab":
            out.extend("\t" + c for c in it)
            out.append("")
        else:  # lines
            for c in it:
                if c:
                    out.append(c)
                    out.append("")
    return "\n".join(out) + "\n"


def render_html(lines: list, *, markup: str = "plain") -> str:
    """Write the rows of :func:`render_lines` as a simple HTML page.

    Text lines become ``<p>`` elements; each run of consecutive rows becomes one
    ``<table>`` with a ``<tr>`` per row and a ``<td>`` per cell (blank cells are
    ``&nbsp;``, as in real pages).

    Parameters
    ----------
    lines : list of str or list of str
        Output of :func:`render_lines`.
    markup : {"plain", "word"}, default "plain"
        ``"word"`` writes what a page saved from a word processor holds: every
        paragraph and every cell's text inside ``<p class="MsoNormal"><span
        style=…>``, tables with ``<tbody>``, styled cells and line breaks in the
        source between cells.

    Returns
    -------
    str
        A complete UTF-8 HTML document.

    Raises
    ------
    ValueError
        For an unknown ``markup``.

    Examples
    --------
    >>> page = render_html(["标题", ["a", ""]])
    >>> "<td>a</td><td>&nbsp;</td>" in page
    True
    >>> '<p class="MsoNormal" align="center"><span style="font-family:宋体">a</span></p>' in render_html(
    ...     ["标题", ["a", ""]], markup="word")
    True
    """
    if markup not in ("plain", "word"):
        raise ValueError(f"markup must be 'plain' or 'word', got {markup!r}")
    esc = _html.escape
    word = markup == "word"
    title = lines[0] if lines and isinstance(lines[0], str) else ""
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head><meta charset="utf-8">',
           f"<title>{esc(title)}</title></head>", "<body>"]
    in_table = False
    for it in lines:
        if isinstance(it, str):
            if in_table:
                out.append("</tbody></table>" if word else "</table>")
                in_table = False
            out.append(f'<p class="MsoNormal"><span style="font-family:宋体">{esc(it)}</span></p>' if word
                       else f"<p>{esc(it)}</p>")
        else:
            if not in_table:
                out.append('<table class="MsoNormalTable" border="1" cellspacing="0"><tbody>' if word
                           else '<table border="1">')
                in_table = True
            if word:
                out.append('<tr style="height:20.0pt">' + "".join(
                    '\n<td valign="center" style="border:solid windowtext 1.0pt">'
                    '<p class="MsoNormal" align="center"><span style="font-family:宋体">'
                    f'{esc(c) if c else "&nbsp;"}</span></p></td>' for c in it) + "\n</tr>")
            else:
                out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" if c else "<td>&nbsp;</td>" for c in it) + "</tr>")
    if in_table:
        out.append("</tbody></table>" if word else "</table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def make_report(seed: int, *, template: str | None = None, layout: str | None = None,
                traditional: bool | None = None, blank_rate: float | None = None,
                label_variants: bool = True, number_styles: bool = True, prose_paragraphs: int = 2,
                report_id: str | None = None, html_markup: str = "plain") -> tuple[str, pd.DataFrame]:
    """Generate one whole synthetic report and its truth from an integer seed.

    Parameters
    ----------
    seed : int
        Seed of ``numpy.random.default_rng``; the same seed gives the same report.
    template : {"2019", "2021"} or None
        None draws one.
    layout : {"pipe_rows", "pipe_cells", "tab", "lines", "html"} or None
        None draws one of the five.
    traditional : bool or None
        None converts about one report in six to traditional script.
    blank_rate : float or None
        None draws 0 (half of the reports) or 0.3.
    label_variants, number_styles, prose_paragraphs
        Passed to :func:`render_lines`.
    report_id : str or None
        Defaults to ``f"synth-{seed}"``.
    html_markup : {"plain", "word"}, default "plain"
        Markup of an HTML page (:func:`render_html`); it draws nothing, so the
        report's content is the same either way.

    Returns
    -------
    (str, pandas.DataFrame)
        The report (text, or an HTML page for ``layout="html"``) and its truth
        (``raw`` as rendered).  The truth frame carries the choices in
        ``truth.attrs`` (``template``, ``layout``, ``year``, ``agency``,
        ``traditional``, ``blank_rate``).

    Raises
    ------
    ValueError
        For an unknown template, layout or HTML markup.
    TypeError
        If ``seed`` is not an integer.

    Examples
    --------
    >>> text, truth = make_report(7, template="2019", layout="tab")
    >>> truth.attrs["layout"], len(truth) > 100
    ('tab', True)
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an integer, got {type(seed).__name__}")
    if layout is not None and layout not in LAYOUTS + ("html",):
        raise ValueError(f"layout must be one of {list(LAYOUTS + ('html',))} or None, got {layout!r}")
    if template is not None:
        _check_template(template)
    if html_markup not in ("plain", "word"):
        raise ValueError(f"html_markup must be 'plain' or 'word', got {html_markup!r}")
    rng = np.random.default_rng(int(seed))
    template = template or str(rng.choice(TEMPLATES))
    layout = layout or str(rng.choice(LAYOUTS + ("html",)))
    if traditional is None:
        traditional = bool(rng.random() < 1 / 6)
    if blank_rate is None:
        blank_rate = float(rng.choice([0.0, 0.3]))
    year = int(rng.integers(2019, 2021)) if template == "2019" else int(rng.integers(2021, 2025))
    agency = str(rng.choice(_AGENCIES))
    rid = report_id if report_id is not None else f"synth-{int(seed)}"
    truth = make_truth(rng, template, blank_rate=blank_rate, report_id=rid)
    lines = render_lines(truth, rng, template=template, agency=agency, year=year, traditional=traditional,
                         label_variants=label_variants, number_styles=number_styles,
                         prose_paragraphs=prose_paragraphs)
    doc = render_html(lines, markup=html_markup) if layout == "html" else render_text(lines, layout)
    truth.attrs.update(template=template, layout=layout, year=year, agency=agency, traditional=traditional,
                       blank_rate=blank_rate)
    return doc, truth
