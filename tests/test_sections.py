"""Tests of toolkit.sections on the real seeds: headings as a PDF gives them."""
from __future__ import annotations

import ast
import importlib
import re
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.formats import load_formats
from toolkit.normalize import is_page_furniture, normalize_line
from conftest import RAW, SEED_IDS
from tests.scale import scaled


def _outline(report) -> list[str]:
    return [s.key for s in report.sections]


@pytest.mark.parametrize("seed_id, heading", [
    ("004_b232cca7e491c758", "四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
    ("000_438c5e5d2b6f4db4", "四、政府信息公开行政复议、行政诉讼情况"),
    ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
    ("000_438c5e5d2b6f4db4", "二、主动公开政府信息情况"),
])
@pytest.mark.parametrize("keep", [1, 2])
def test_a_heading_wrapped_by_a_large_font_is_found(seed_id, heading, keep):
    # A heading in a large font wraps its last characters onto the next line ('…提起行政诉讼的情' / '况'): the
    # section was not found (sections_missing) and its table was read into the section before it.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    wrapped = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading[:-keep]}\n{heading[-keep:]}\n"))
    assert _outline(wrapped) == _outline(plain)
    assert [s.text for s in wrapped.sections] == [s.text for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(wrapped.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in wrapped.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("heading", ["四、政府信息公開行政復(fù)議、行政訴訟情況",
                                     "四、因政府信息公開申請行政復(fù)議、提起行政訴訟的情況"])
@pytest.mark.parametrize("cut", ["復(", "復(f", "復(fù", "復", "復(fù)"])
@pytest.mark.parametrize("between", [[], ["- 5 -"]])
def test_a_heading_wrapped_inside_a_pinyin_note_is_found(heading, cut, between):
    # Seed 002 (traditional characters glossed with pinyin, as some sites publish it) with its review heading
    # wrapped inside a note ('四、政府信息公開行政復(' / 'fù)議、行政訴訟情況'), also across a page break: each line was
    # normalized alone, so neither half of the note was dropped and the join named no section: the review section
    # was lost (sections_missing, unknown_section) and its table with it (table_missing).
    text = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8")
    own = "四、政府信息公開行政復(fù)議、行政訴訟情況"
    assert text.count(f"\n{own}\n") == 1
    text = text.replace(f"\n{own}\n", f"\n{heading}\n")
    plain = toolkit.parse_text(text)
    assert [s.key for s in plain.sections] == ["overview", "active", "requests", "review_litigation", "problems",
                                               "other"]
    at = heading.index("復") + len(cut)
    report = toolkit.parse_text(text.replace(f"\n{heading}\n", "\n" + "\n".join(
        [heading[:at], *between, heading[at:]]) + "\n"))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert report.section("review_litigation").title == normalize_line(heading).replace("(fù)", "")
    # (a page break's lines inside a heading are kept after it, as in any heading's)
    assert [s.text.removeprefix("".join(f"{x}\n" for x in between)) for s in report.sections] == [
        s.text for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db"])
@pytest.mark.parametrize("mark", ["，", "、", "部分 "])  # (the last a control, read before)
def test_sections_numbered_as_ordinals(seed_id, mark):
    # Sections numbered 第二，/第二、 for 二、 ('第二，主动公开政府信息情况'): only 第二部分 (章, 节) was a number, so
    # the title read as '第二,主动公开…', no section's, and the sections whose titles are matched at their start only
    # were lost (seed 000: active and requests, sections_missing). A sentence opening with the ordinal is no heading.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    titles = {s.title for s in plain.sections[1:]}
    sentence = "第二，主动公开政府信息情况还不够全面，部分栏目更新不及时。"
    lines = []
    for line in text.split("\n"):
        if line.strip() in titles:
            num, _, title = line.strip().partition("、")
            line = f"第{num}{mark}{title}"
        lines.append(line)
        if line.endswith("存在的主要问题及改进情况"):
            lines.append(sentence)
    report = toolkit.parse_text("\n".join(lines))
    assert _outline(report) == _outline(plain) == ["overview", "active", "requests", "review_litigation", "problems",
                                                   "other"]
    assert [s.text for s in report.sections if s.key != "problems"] == [
        s.text for s in plain.sections if s.key != "problems"]
    assert report.sections[-2].text.startswith("第二,主动公开政府信息情况还不够全面")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])


@pytest.mark.parametrize("seed_id, arabic", [("004_b232cca7e491c758", False), ("001_4d29bfef72dd56db", True)])
def test_sections_numbered_in_arabic_numerals_before_a_comma(seed_id, arabic):
    # A comma typed for the 、 of a heading numbered 2、 (seed 004's '2，主动公开政府信息情况', or seed 001 numbered 1、…6、):
    # only a Chinese numeral before a comma was a number, so the title read as '2,主动公开…', no section's, and the
    # sections matched at their start only were lost (sections_missing).  A count's comma ('1,577') numbers nothing.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    if arabic:
        numbered = {s.title for s in toolkit.parse_text(text).sections}
        text = "\n".join(f"{'一二三四五六'.index(line[0]) + 1}{line[1:]}" if line in numbered else line
                         for line in text.split("\n"))
    plain = toolkit.parse_text(text)
    titles = [s.title for s in plain.sections if re.match(r"\d、", s.title)]
    assert len(titles) >= 2
    report = toolkit.parse_text("\n".join(line.replace("、", "，", 1) if line.strip() in titles else line
                                          for line in text.split("\n")))
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert [s.text for s in report.sections] == [s.text for s in plain.sections]
    assert [s.title for s in report.sections if s.title not in [t.title for t in plain.sections]] == [
        t.replace("、", ",") for t in titles]


_MARKED_HEADINGS = {"bullet": lambda t: "■" + t, "round_bullet": lambda t: "●" + t, "diamond": lambda t: "◆" + t,
                     "middle_dot": lambda t: t.replace("、", "·", 1), "quotes": lambda t: t.replace("、", "、“", 1) + "”",
                     "book_title": lambda t: t.replace("、", "、《", 1) + "》"}


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
def test_sections_numbered_in_arabic_numerals_before_a_middle_dot(seed_id):
    # '1·总体情况', '5·存在的主要问题及改进情况' (a middle dot typed for the 、 of a heading numbered 1、): only a Chinese
    # numeral before a middle dot was a number, so the title read as '1·总体情况', no section's, and the sections
    # matched at their start only were lost (sections_missing).  A date's '3·15' numbers nothing.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    bare = lambda line: re.sub(r"\s", "", line)
    titles = {bare(s.title) for s in plain.sections if re.match(r"[一二三四五六]、", s.title)}
    assert len(titles) >= 4
    body = "3·15期间开展宣传活动。"
    dotted = "\n".join(f"{'一二三四五六'.index(bare(line)[0]) + 1}·{bare(line)[2:]}"
                       + (f"\n{body}" if bare(line) == bare(plain.sections[0].title) else "")
                       if bare(line) in titles else line for line in text.split("\n"))
    report = toolkit.parse_text(dotted)
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert report.sections[0].text.startswith(body)
    assert [s.text for s in report.sections[1:]] == [s.text for s in plain.sections[1:]]
    assert sum(bool(re.match(r"\d·", s.title)) for s in report.sections) == len(titles)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd",
                                     "004_b232cca7e491c758"])
def test_headings_numbered_before_a_comma_glued_in_web_page_text(seed_id):
    # Web-page text runs each heading numbered with a comma on after the sentence before it ('…如下。一，总体情况。本机关
    # …二，主动公开…'): a title so numbered cut only numbered one more than a title before it, so the first, 一, never
    # did; its section was lost and every comma-numbered one after it with it (seed 001: overview and active, 003:
    # five sections).  The first section's number now starts the run; the text after a title stays the section's.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    heads = {s.first_line - 1 for s in toolkit.parse_text("\n".join(lines)).sections}
    plain = _headings_glued_after_sentences(lines, heads, lambda h: h)
    comma = _headings_glued_after_sentences(lines, heads, lambda h: re.sub(r"^(\s*[一二三四五六七八九十]+)、", r"\1，", h))
    assert [(key, text) for key, _, text in comma] == [(key, text) for key, _, text in plain]
    assert [title.replace(",", "、") for _, title, _ in comma] == [title for _, title, _ in plain]


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db"])
def test_sections_numbered_in_arabic_numerals_before_a_middle_dot_glued_after_a_sentence(seed_id):
    # Web text runs '2·主动公开政府信息情况' on after the sentence before it ('…都受益。2·主动公开…'): only a Chinese
    # numeral before a middle dot was cut inside a line, so the sections glued so were lost, their text in the
    # section before.  A date's '3·15' glued after a sentence cuts nothing.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    bare = lambda line: re.sub(r"\s", "", line)
    titles = {bare(s.title) for s in plain.sections if re.match(r"[一二三四五六]、", bare(s.title))}
    out: list[str] = []
    for line in text.split("\n"):
        if bare(line) not in titles:
            out.append(line)
            continue
        heading = f"{'一二三四五六'.index(bare(line)[0]) + 1}·{bare(line)[2:]}"
        k = len(out) - 1
        while k > 0 and not out[k].strip():
            k -= 1
        if out and out[k].rstrip().endswith("。"):
            out[k:] = [out[k].rstrip() + "3·15期间开展宣传活动。" + heading]
        else:
            out.append(heading)
    assert sum(bool(re.search(r"。\d·", line)) for line in out) >= 2
    report = toolkit.parse_text("\n".join(out))
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert [bare(s.title)[2:] for s in report.sections] == [bare(s.title)[2:] for s in plain.sections]
    assert all(re.match(r"\d·", s.title) for s in report.sections)
    assert any("3·15期间开展宣传活动。" in s.text for s in report.sections)


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("form", sorted(_MARKED_HEADINGS))
def test_sections_headed_with_a_bullet_a_middle_dot_or_a_quoted_title(seed_id, form):
    # '■一、总体情况' (● ◆), '一·总体情况', '一、“总体情况”' / '一、《…》': the bullet, the dot or the quotes were read
    # into the title, which named no section, and the sections were lost (sections_missing).  A bulleted body line
    # ('■一是加强…') stays the section's text.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    titles = {s.title for s in plain.sections if re.match(r"[一二三四五六]、", s.title)}
    assert len(titles) >= 4
    body = "■一是加强组织领导。"
    marked = "\n".join(_MARKED_HEADINGS[form](line.strip()) + (f"\n{body}" if line.strip() == plain.sections[0].title
                                                                else "") if line.strip() in titles else line
                        for line in text.split("\n"))
    report = toolkit.parse_text(marked)
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert report.sections[0].text.startswith(body)
    assert [s.text for s in report.sections[1:]] == [s.text for s in plain.sections[1:]]


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd",
                                     "004_b232cca7e491c758"])
@pytest.mark.parametrize("form", sorted(_MARKED_HEADINGS))
def test_headings_with_a_bullet_a_middle_dot_or_a_quoted_title_glued_in_web_page_text(seed_id, form):
    # Web-page text runs the headings on after the sentence before them: '…。■二、主动公开政府信息情况…',
    # '…。二·主动公开…', '…。二、“主动公开政府信息情况”…': the bullet, the dot or the quote stood between the sentence's
    # end and the title, so the glued title was not cut, its section lost (sections_missing), its text in the one
    # before.  (Seed 004's headings numbered 2、 are left as they are.)
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    heads = {s.first_line - 1 for s in toolkit.parse_text("\n".join(lines)).sections}
    marked = lambda h: _MARKED_HEADINGS[form](h.strip()) if re.match(r"\s*[一二三四五六七八九十]、", h) else h
    plain = _headings_glued_after_sentences(lines, heads, lambda h: h)
    glued = _headings_glued_after_sentences(lines, heads, marked)
    assert [key for key, _, _ in plain] == [s.key for s in toolkit.parse_text("\n".join(lines)).sections]
    assert [(key, text) for key, _, text in glued] == [(key, text) for key, _, text in plain]


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd",
                                     "004_b232cca7e491c758"])
@pytest.mark.parametrize("which", ["all", "one"])
def test_sections_numbered_with_a_full_stop(seed_id, which):
    # A full stop typed for the number's 、 ('二。主动公开政府信息情况', all headings or one among 、 ones): no number, so
    # the title read as '二。主动公开…', no section's, and the sections matched at their start only were lost (seed 001:
    # all but review_litigation and problems, sections_missing).  A sentence opening '一。' with a title's words and
    # its text after it is the section's text, no heading.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    titles = [s.title for s in plain.sections if re.match(r"(?:[一二三四五六七八九十]|\d)、", s.title)]
    assert len(titles) >= 5
    sentence = "一。主动公开政府信息情况不够全面,部分栏目更新不及时。"
    for title in (titles if which == "one" else [None]):
        lines = []
        for line in text.split("\n"):
            if line.strip() in titles and title in (None, line.strip()):
                lines.append(line.strip().replace("、", "。", 1))
            else:
                lines.append(line)
            if line.strip() in titles and "问题" in line:
                lines.append(sentence)
        report = toolkit.parse_text("\n".join(lines))
        assert [s.key for s in report.sections] == [s.key for s in plain.sections], title
        assert [s.title.replace("。", "、", 1) for s in report.sections] == [s.title for s in plain.sections]
        problems = next(s for s in report.sections if s.key == "problems")
        assert problems.text.split("\n")[0] == sentence
        assert [s.text for s in report.sections if s.key != "problems"] == [
            s.text for s in plain.sections if s.key != "problems"]


@pytest.mark.parametrize("seed_id, heading", [
    ("000_438c5e5d2b6f4db4", "四、政府信息公开行政复议、行政诉讼情况"),
    ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
    ("004_b232cca7e491c758", "四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
])
@pytest.mark.parametrize("page_break", [["- 5 -"], ["", "第 5 页", ""], ["{title}"], ["{agency}"]])
def test_a_heading_wrapped_across_a_page_break_is_found(seed_id, heading, page_break):
    # A PDF's page break inside a wrapped heading ('四、政府信息公开行政复议、' / '- 5 -' / '行政诉讼情况'): the
    # heading was read as wrapped only where its lines touch, so the section was lost (sections_missing), its
    # table read into the requests section or lost (table_missing): at 92 of the 150 cuts of these headings read
    # right without the page break (72 with cells lost or changed; a page number, a page number between blank
    # lines, the title as a running header). Wherever the wrapped heading is found without it, it now is with it.
    # So too a running header of the agency's name alone (as the metadata reads it), which the sections stage, read
    # before the metadata, did not know: 28 of the 50 cuts of these three headings read otherwise.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    agency = toolkit.parse_text(text).metadata["agency"]
    assert agency
    inserted = [x.format(title=text.split("\n", 1)[0].strip(), agency=agency) for x in page_break]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]

    def read(cut: int, between: list[str]):
        report = toolkit.parse_text(text.replace(f"\n{heading}\n", "\n" + "\n".join(
            [heading[:cut], *between, heading[cut:]]) + "\n"))
        return _outline(report), report.tables[keys], sorted(f.code for f in report.flags)

    checked = 0
    for cut in range(3, len(heading) - 1):
        outline, tables, flags = read(cut, [])
        if "sections_missing" in flags or "unknown_section" in flags:
            continue  # (the heading wrapped there is not found without a page break either: '四、政' / '府信息…')
        broken = read(cut, inserted)
        assert broken[0] == outline and broken[2] == flags, heading[:cut]
        pd.testing.assert_frame_equal(broken[1], tables, obj=heading[:cut])
        checked += 1
    assert checked >= len(heading) - 6


def _seed_and_its_heading_lines(seed_id: str) -> tuple[toolkit.Report, list[str], list[int]]:
    """The seed parsed, its lines and the indices of its sections' heading lines (one a section)."""
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    titles = {s.title for s in plain.sections}
    lines = text.split("\n")
    heads = [i for i, line in enumerate(lines) if normalize_line(line).strip() in titles]
    assert len(heads) == len(plain.sections)
    return plain, lines, heads


def _assert_same_tables_and_flag_codes(report: toolkit.Report, plain: toolkit.Report) -> None:
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in report.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("between", [[], [""], ["- 3 -"]])
@pytest.mark.parametrize("mark", ["", "："])
def test_every_heading_written_twice_in_a_row_heads_its_section_once(seed_id, between, mark):
    # Each heading line copied twice in a row (a copy artefact, '一、总体情况' / '一、总体情况' / … / '二、主动公开政府信息
    # 情况' / '二、…'), also a page break or a colon between them: one heading alone so was read right, but with more
    # the outline took the first line of one and the copy of the next, so the first line of '二、主动公开政府信息情况'
    # stood at the end of the overview's text; a copy ending in a colon stood in its own section's text.  Each
    # section now has its heading once and its own text (a page break's lines kept, as anywhere in a section).
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    doubled = [x for i, line in enumerate(lines)
               for x in ([line, *between, line.rstrip() + mark] if i in heads else [line])]
    report = toolkit.parse_text("\n".join(doubled))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text.removeprefix("- 3 -").strip() for s in report.sections] == [s.text.strip() for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("mark", ["：", " ：", "　：", "。", ":"])
def test_a_colon_or_a_stop_after_a_heading_alone_on_its_line_is_no_part_of_its_title(seed_id, mark):
    # Every heading alone on its line ending in a colon or a stop ('二、主动公开政府信息情况：'): the sections were found,
    # but titled '二、主动公开政府信息情况:', where the same heading with its text glued after the colon was titled without
    # it. The mark is no part of the title now, wherever the text stands.
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    report = toolkit.parse_text("\n".join(line.rstrip() + mark if i in heads else line for i, line in enumerate(lines)))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text for s in report.sections] == [s.text for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214",
                                     "003_ce1f8ef96d3daffd"])
@pytest.mark.parametrize("mark", ["：", ":", " ", "。"])
def test_a_note_in_brackets_after_a_title_with_its_text_glued_after_it_is_the_titles(seed_id, mark):
    # A heading with a note in brackets and its first sentence glued after a colon ('五、存在的主要问题及改进情况（含整改
    # 落实情况）：经过近年努力…'): the section was found, but the note was read as the text's start ('(含整改落实情况):经过
    # …') and the title lost it, where the same heading alone on its line is titled with its note. Now titled so.
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    note = "（含整改落实情况）"
    out, glued, skip = [], set(), set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        j = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), len(lines))
        if i in heads and j < len(lines) and j not in heads and "|" not in lines[j] and len(lines[j].strip()) > 15:
            out.append(line.rstrip() + note + mark + lines[j].strip())
            glued.add(heads.index(i))
            skip.update(range(i + 1, j + 1))
        else:
            out.append(line)
    assert len(glued) >= 2  # (the problems section's heading among them, or the other's)
    report = toolkit.parse_text("\n".join(out))
    assert [(s.key, s.title) for s in report.sections] == [
        (s.key, s.title + normalize_line(note) if n in glued else s.title) for n, s in enumerate(plain.sections)]
    assert [s.text.replace("\n", "") for s in report.sections] == [s.text.replace("\n", "") for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


def _paged(text: str, every: int, running_head: str | None) -> str:
    """``text`` with a page break (blank lines and '- n -') every ``every`` lines outside the section headings,
    under it a PDF's running header: the heading of the section the page goes on (``running_head`` 'section'), the
    report's title line ('title'), the agency's name alone as the metadata reads it ('agency') or a shortened title
    ('2021年政府信息公开工作年度报告', any other string, as it is); none where None."""
    lines = text.split("\n")
    report = toolkit.parse_text(text)
    starts = [s.first_line - 1 for s in report.sections]
    out, page = [], 1
    for i, line in enumerate(lines):
        if i > starts[0] and i % every == 0 and i not in starts:
            page += 1
            head = lines[max(at for at in starts if at < i)].strip() if running_head == "section" \
                else lines[0].strip() if running_head == "title" \
                else report.metadata["agency"] if running_head == "agency" else running_head
            out += ["", f"- {page} -", *([head] if running_head else []), ""]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("every", [17, 30])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("running_head", ["section", "title", "agency", "政府信息公开工作年度报告",
                                          "2021年政府信息公开工作年度报告"])
def test_a_running_header_repeating_the_heading_or_the_title_is_no_part_of_the_section(seed_id, every, running_head):
    # Text copied from a PDF whose running header names the section each page goes on ('- 5 -' /
    # '三、收到和处理政府信息公开申请情况' above each page of the requests table): the repeated heading stood in the
    # section's text and, inside a table, broke its rows (seed 000: 10 unknown_row, missing_rows, header_missing).
    # So did a running header of the report's title line ('驻马店市住房和城乡建设局2020年政府信息公开工作年度报告': seed
    # 000 lost 7 of its 198 cells, seed 001 22), and one of the agency's name alone ('驻马店市住房和城乡建设局') or a
    # shortened title ('2021年政府信息公开工作年度报告': seed 000 read 63 to 86 of its 198 cells otherwise, seed 001
    # 52 to 62, seed 004 15 under its agency's name).  They now read as the same page breaks without a running header.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(_paged(text, every, running_head=None))
    headed = toolkit.parse_text(_paged(text, every, running_head=running_head))
    assert [(s.key, s.title) for s in headed.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text for s in headed.sections] == [s.text for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(headed.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in headed.flags) == sorted(f.code for f in plain.flags)
    assert headed.metadata["agency"] == plain.metadata["agency"]


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("page", [["- 3 -"], ["", "第3页", ""], ["第 3 页 共 6 页"], ["— 3 —", "- 4 -"]])
def test_a_page_number_right_under_a_heading_is_no_part_of_the_section(seed_id, page):
    # PDF text whose heading ends a page, its footer on the next line ('三、收到和处理政府信息公开申请情况' / '- 3 -' /
    # the table): the page number stood at the start of the section's text ('- 3 -\n(本列数据的勾稽关系…'), where
    # at the end of the last section it is dropped. A section's text now starts with its first line of text.
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    report = toolkit.parse_text("\n".join(x for i, line in enumerate(lines)
                                          for x in ([line, *page] if i in heads else [line])))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text for s in report.sections] == [s.text for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("page", [["- 3 -"], ["", "第3页", ""], ["第 3 页 共 6 页"], ["— 3 —", "- 4 -"], ["3"],
                                  ["", "12", ""]])
def test_a_page_number_right_above_a_heading_is_no_part_of_the_section_before(seed_id, page):
    # PDF text whose section ends a page, its footer right above the next heading ('…本机关按时办结。' / '- 3 -' /
    # '四、政府信息公开行政复议、行政诉讼情况'): the page number stood at the end of the section's text ('…。\n\n- 3 -'),
    # where under a heading it is dropped. A number alone ('3') is a page's after a sentence only: after a table's
    # last count it may be a count, kept (and read by the tables stage, which flags it).
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    report = toolkit.parse_text("\n".join(x for i, line in enumerate(lines)
                                          for x in ([*page, line] if i in heads[1:] else [line])))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    bare = next(x for x in reversed(page) if x)
    if not bare.isdigit():
        assert [s.text for s in report.sections] == [s.text for s in plain.sections]
        _assert_same_tables_and_flag_codes(report, plain)
        return
    for now, was in zip(report.sections[:-1], plain.sections):
        if was.text.rstrip()[-1:] in "。;!?":
            assert now.text == was.text
        else:
            assert now.text.rstrip().endswith(bare)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd",
                                     "004_b232cca7e491c758"])
@pytest.mark.parametrize("around, dropped", [({"before": ["- 4 -"]}, True), ({"after": ["", "第6页", ""]}, True),
                                             ({"before": ["- 4 -"], "after": ["6"]}, True),
                                             ({}, False),  # (no page number seen: a control)
                                             ({"before": ["- 7 -"]}, False)])  # (out of order)
def test_a_bare_page_number_right_under_a_heading_is_no_part_of_the_section(seed_id, around, dropped):
    # PDF text whose heading ends a page, its footer a number alone on the next line ('五、存在的主要问题及改进情况' /
    # '5' / '经过近年努力，…'): the number opened the section's text ('5\n\n经过近年努力…'). It is a page's where the
    # page numbers seen around it have it in their sequence and a sentence follows it: dropped. Where it opens a
    # table's section it may be a count, kept; so it is where no page number, or one out of order, is seen.
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    at = {s.key: heads[k] for k, s in enumerate(plain.sections)}
    k = [s.key for s in plain.sections].index("problems")  # (the page mark above the heading before it, or after)
    above = {heads[k + (1 if where == "after" else -1)]: page for where, page in around.items()}
    table = "requests" if "requests" in at and plain.tables["table"].eq("requests").any() else None
    under = {at["problems"]: ["5"], **({at[table]: ["3"]} if table else {})}  # (page 3, in order, in a table)
    text = "\n".join(x for i, line in enumerate(lines) for x in [*above.get(i, []), line, *under.get(i, [])])
    report = toolkit.parse_text(text)
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    problems = report.section("problems").text
    assert problems == plain.section("problems").text if dropped else problems.startswith("5\n")
    if table:
        assert report.section(table).text.startswith("3\n")


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("note, text", [("（无）", "(无)"), ("(暂无)", "(暂无)"), ("（本年度无此类情况）", "(本年度无此类情况)"),
                                        ("（注：本部分数据截至12月31日）", "(注:本部分数据截至12月31日)"),
                                        ("（含政策解读）", "")])  # (the last a control: a note on the title)
def test_a_note_saying_nothing_to_report_after_the_last_title_is_its_text(seed_id, note, text):
    # The last heading with its whole text in brackets after the title ('六、其他需要报告的事项（无）', nothing under it):
    # the note was read as the title's, as '(含政策解读)' is, so the title read '六、其他需要报告的事项(无)' and the
    # section's text was empty. A note saying there is nothing to report (statements.yaml ``empty``) is the text, so
    # is a note on the data ('（注：本部分数据截至12月31日）', as a longer one or one with text glued after it was).
    plain, lines, heads = _seed_and_its_heading_lines(seed_id)
    last = plain.sections[-1]
    assert last.key == "other"
    lines = lines[: heads[-1]] + [lines[heads[-1]].rstrip() + note]
    report = toolkit.parse_text("\n".join(lines))
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert [s.text for s in report.sections[:-1]] == [s.text for s in plain.sections[:-1]]
    assert (report.sections[-1].title, report.sections[-1].text) == (
        (last.title, text) if text else (last.title + normalize_line(note), ""))
    assert len(report.statements) == len(toolkit.parse_text("\n".join(lines[:-1] + [last.title])).statements)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("running_head", ["{title}-驻马店市人民政府", "{title} - 中国政府网",
                                          "2020年政府信息公开工作年度报告", "{title}"])  # (the last a control)
def test_a_running_title_once_inside_a_table_is_no_part_of_the_section(seed_id, running_head):
    # A PDF's running header of the report's title with the site's name after it, or shortened, once inside the
    # requests table and no page number beside it ('2020年乌当区人民政府信息公开工作年度报告-驻马店市人民政府'): the
    # title line alone was dropped there, this one stood in the table and broke its rows (seed 001: 7 of its 198
    # cells lost, unknown_row, ragged). The metadata reads it as a running title (is_running_title); so now does
    # the section.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    title = next(line.strip() for line in lines if line.strip())
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("三、")) + 40
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text("\n".join(lines[:at] + [running_head.format(title=title)] + lines[at:]))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text for s in report.sections] == [s.text for s in plain.sections]
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "004_b232cca7e491c758"])
def test_a_line_repeated_apart_from_the_page_breaks_is_kept(seed_id):
    # A line that repeats where no page break stands (a table's label in two tables, the agency's name in the title
    # and the signature) is the report's: only a line beside page numbers at three page breaks is a running header.
    # Here the agency's name stands above two page breaks only, and as a sentence of the overview twice.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    agency = toolkit.parse_text(text).metadata["agency"]
    lines = text.split("\n")
    at = next(i for i, x in enumerate(lines) if x.strip() and i > 2)
    paged = lines[:at] + [agency, agency] + lines[at:]
    report = toolkit.parse_text("\n".join(paged))
    assert report.text.count(agency) == "\n".join(paged).count(agency)
    twice = _paged(text, 60, None).replace("\n- 2 -\n", f"\n- 2 -\n{agency}\n").replace(
        "\n- 3 -\n", f"\n- 3 -\n{agency}\n")
    assert toolkit.parse_text(twice).text.count(agency) == twice.count(agency)


@pytest.mark.parametrize("seed_id, heading", [
    ("004_b232cca7e491c758", "五、政府信息公开工作存在的主要问题及改进措施"),
    ("004_b232cca7e491c758", "六、其他需要报告的事项"),
    ("000_438c5e5d2b6f4db4", "二、主动公开政府信息情况"),
    ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
])
@pytest.mark.parametrize("page", ["- 5 -", "—5—", "第5页", "第 5 页 共 6 页", "5/6"])
def test_a_heading_glued_after_the_page_number_before_it_is_found(seed_id, heading, page):
    # PDF text whose page footer ran into the next page's first line, a heading ('- 5 -五、政府信息公开工作存在…'): the
    # section was lost (sections_missing, its text and table read into the section before it), or found by a loose
    # pattern with the page number in its title ('- 3 -四、因政府…'). Now the page number is a segment of its own,
    # as on its own line.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{page}\n{heading}\n"))
    glued = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{page}{heading}\n"))
    assert [(s.key, s.title, s.text) for s in glued.sections] == [(s.key, s.title, s.text) for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(glued.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in glued.flags) == sorted(f.code for f in plain.flags)

@pytest.mark.parametrize("seed_id, heading", [
    ("004_b232cca7e491c758", "六、其他需要报告的事项"),
    ("000_438c5e5d2b6f4db4", "二、主动公开政府信息情况"),
    ("001_4d29bfef72dd56db", "五、存在的主要问题及改进情况"),
])
@pytest.mark.parametrize("page", ["【第5页 共6页】", "[第5页]", "〔第五页〕", "III", "Ⅳ", "- iv -", "- 5 / 6 -",
                                  "(第5页)", "（第 5 页）"])
def test_a_heading_glued_after_or_before_a_bracketed_or_roman_page_number_is_found(seed_id, heading, page):
    # A page number glued before a heading in square brackets ('【第5页 共6页】六、其他需要报告的事项') or in Roman
    # numerals ('III六、…') was not cut off: the section was lost or its title held the number.  Glued after it
    # ('六、其他需要报告的事项【第5页 共6页】') the number was the section's text.  The characters a page number opens
    # and ends with were copied by hand from formats.yaml's page_furniture (no bracket but round, no Roman numeral):
    # they are read off its patterns now, so the heading reads as with the number on a line of its own.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{page}\n{heading}\n"))
    before = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{page}{heading}\n"))
    after = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading}{page}\n"))
    assert [(s.key, s.title, s.text) for s in before.sections] == [(s.key, s.title, s.text) for s in plain.sections]
    # (a page number in round brackets after the title, '(第5页)', was read as a note of the title's, held in it)
    assert [(s.key, s.title) for s in after.sections] == [(s.key, s.title) for s in plain.sections]
    assert normalize_line(page) not in next(s.text for s in after.sections if s.title == heading)


def _pattern_edges(items, last):
    """The characters a parsed pattern (re._parser's tree) may open with (``last``: end with), and whether it may
    match nothing.  Any character ('.', a negated class) adds none: no page mark is looked for on such an edge."""
    p = importlib.import_module("re._parser")
    chars: set[str] = set()
    for op, av in reversed(list(items)) if last else items:
        got, empty = set(), False
        if op == p.LITERAL:
            got = {chr(av)}
        elif op == p.IN and av[0][0] != p.NEGATE:
            got = {chr(c) for o, a in av if o != p.CATEGORY for c in (range(a[0], a[1] + 1) if o == p.RANGE else [a])}
            got |= {{p.CATEGORY_DIGIT: "7", p.CATEGORY_SPACE: " "}[a] for o, a in av if o == p.CATEGORY}
        elif op == p.SUBPATTERN:
            got, empty = _pattern_edges(av[-1], last)
        elif op == p.BRANCH:
            parts = [_pattern_edges(branch, last) for branch in av[1]]
            got, empty = set().union(*(c for c, _ in parts)), any(e for _, e in parts)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", p.MAX_REPEAT)):
            got, empty = _pattern_edges(av[2], last)
            empty = empty or av[0] == 0
        elif op in (p.AT, p.ASSERT, p.ASSERT_NOT):
            empty = True  # (no character taken)
        chars |= got
        if not empty:
            return chars, False
    return chars, True


@pytest.mark.parametrize("last", [False, True])
def test_page_mark_edges_hold_every_page_furniture_patterns_first_and_last_characters(last):
    # formats.yaml's page_mark_opens/page_mark_ends gate the search for a page number glued before (after) a
    # heading (they were read off the patterns' trees by CPython's private parser at run time).  Every character a
    # page furniture pattern may open (end) with must be in them, or such a glued page mark is left in the text.
    pytest.importorskip("re._parser")
    edge = re.compile(load_formats()["page_mark_ends" if last else "page_mark_opens"])
    parse = importlib.import_module("re._parser").parse
    for pattern in [*load_formats()["page_furniture"], *load_formats()["page_furniture_cell_like"]]:
        chars, _ = _pattern_edges(parse(pattern), last)
        assert chars, pattern
        assert not sorted(c for c in chars if not edge.fullmatch(c)), pattern


def test_the_page_furniture_pattern_is_joined_once_for_each_way_it_is_asked():
    # The pattern of page furniture was cached for two keys while asked three ways (sections' and metadata's
    # _page_furniture(), is_page_furniture's (False,) and (True,)): seeds 000 and 002 read again joined and looked up
    # the pattern again (1.3 times a report over the 410).
    import toolkit
    from toolkit.normalize import _page_furniture

    seeds = [RAW / "000_438c5e5d2b6f4db4.txt", RAW / "002_809f9474e249d214.txt"]
    for path in seeds:
        toolkit.parse_report(path)
    before = _page_furniture.cache_info().misses
    for path in seeds:
        toolkit.parse_report(path)
    assert _page_furniture.cache_info().misses == before
    assert _page_furniture().pattern == _page_furniture(False).pattern != _page_furniture(True).pattern


@pytest.mark.parametrize("line", ["上一页  " * 10 + "返回", "共3页 上一页" + " 1  " * 10 + "x", "打印  " * 20 + "返回"],
                         ids=["pager", "numbers", "buttons"])
def test_a_line_of_pager_or_button_words_and_double_spaces_is_told_at_once(line):
    # formats.yaml's pager and button patterns tried each run of white space every way between their three \s*: a
    # line of '上一页  ' ten times then a word (no page furniture) took 25 s to tell, '打印  ' twenty times 200 s; the
    # pager's look ahead for 上一页 scanned to the line's end at every start.  Now the runs are taken whole.
    is_page_furniture("上一页")  # (the patterns compiled before timing)
    start = time.perf_counter()
    assert not is_page_furniture(line)
    assert time.perf_counter() - start < 1
    assert is_page_furniture(line.rsplit(" ", 1)[0])  # (the bar alone still is one)


def test_page_marks_glued_to_a_heading_are_cut_off_it():
    # A page number glued before a heading ('【第5页 共6页】六、…', PDF text whose footer ran into the next page's
    # first line) is cut off it: the heading is found, whole, the page mark in no part of it or its text.
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    heading = "六、其他需要报告的事项"
    glued = text.replace(f"\n{heading}\n", f"\n【第5页 共6页】{heading}\n")
    assert glued != text
    other = next(s for s in toolkit.parse_text(glued).sections if s.key == "other")
    plain = next(s for s in toolkit.parse_text(text).sections if s.key == "other")
    assert (other.title, other.text) == (plain.title, plain.text)


@pytest.mark.parametrize("mark", ["- 3 -", "第3页", "3页", "第3/5页", "第 3 / 5 页", "- 3 of 5 -", "第3页 共5页"])
@pytest.mark.parametrize("number", ["（{}）", "第{}部分 ", "{}、"])
def test_a_page_mark_glued_before_a_heading_numbered_in_any_style_is_cut_off_it(mark, number):
    # Seed 000's headings numbered (五) or 第五部分 (or 五、) with a page mark glued before them on their line (PDF
    # text whose footer ran into the next page's first line): a page mark was cut off only a heading numbered 五、,
    # and '3页', '第3/5页', '- 3 of 5 -' were no page furniture at all, so the heading was read with the mark in it
    # or not at all (its text in the section before).  Read as with the mark on a line of its own.
    def renumbered(heading: str, before: str) -> str:
        m = re.match(r"\s*([一二三四五六七八九十]+)、\s*", heading)
        return heading if not m or m[1] == "一" else before + number.format(m[1]) + heading[m.end():]

    _, own_line = _sections_with_headings_edited(SEED_IDS[0], lambda h: renumbered(h, f"{mark}\n"))
    _, glued = _sections_with_headings_edited(SEED_IDS[0], lambda h: renumbered(h, mark))
    assert [(key, title) for key, title, _ in glued] == [(key, title) for key, title, _ in own_line]
    assert [re.sub(r"\s", "", text) for _, _, text in glued] == [re.sub(r"\s", "", text) for _, _, text in own_line]
    assert all(mark not in title for _, title, _ in glued)


@pytest.mark.parametrize("mark", ["- 3 -", "第3页", "3页", "- 3 of 5 -", "第3页 共5页", "3", "12"])
@pytest.mark.parametrize("heading", ["2、 主动公开政府信息情况", "3、 依申请公开政府信息情况"])
def test_a_page_mark_glued_before_a_heading_numbered_in_arabic_numerals_is_cut_off_it(mark, heading):
    # Seed 004 numbers two of its sections 2、 and 3、 between others numbered 一、: a page mark glued before one
    # ('- 3 -2、 主动公开政府信息情况', PDF text) was not cut off it, so the section was lost, its text the one
    # before's.  Read as with the mark on a line of its own.  A bare page number so ('32、 主动公开…') made the
    # heading's number 32, the mark in its title, and after '123、' the section was lost: where the numbering goes
    # on after the digits before it (一、 then 2、), they are cut off as the page's number.
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(heading)
    own_line = toolkit.parse_text("\n".join(lines[:at] + [mark] + lines[at:]))
    glued = toolkit.parse_text("\n".join(lines[:at] + [mark + heading] + lines[at + 1:]))
    assert heading in [s.title for s in own_line.sections]
    assert [(s.key, s.title) for s in glued.sections] == [(s.key, s.title) for s in own_line.sections]
    assert [re.sub(r"\s", "", s.text) for s in glued.sections] == [re.sub(r"\s", "", s.text) for s in own_line.sections]


def test_a_heading_whose_own_two_digit_number_goes_on_keeps_it():
    # (a control, read before: 12、 after 11、 is the report's own number, no page number glued before 2、)
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines).replace("\n    一、信息公开工作总体情况\n", "\n11、信息公开工作总体情况\n", 1)
    text = text.replace("\n2、 主动公开政府信息情况\n", "\n12、 主动公开政府信息情况\n", 1)
    titles = [s.title for s in toolkit.parse_text(text).sections]
    assert titles[:2] == ["11、信息公开工作总体情况", "12、 主动公开政府信息情况"]


@pytest.mark.parametrize("line", ["3", "第3项", "3页。", "共3项", "(3)项"])
def test_a_count_or_an_item_number_is_no_page_mark(line):
    # The page marks '3页', '第3/5页' read as page furniture; a table's row of a count or an item's number is none.
    assert not is_page_furniture(line) and not is_page_furniture(line, in_table=True)


@pytest.mark.parametrize("glued", [False, True])
@pytest.mark.parametrize("page_break", [["- 3 -"], ["", "- 3 -", ""], ["第3页 共5页"], ["3页"]])
def test_a_page_break_before_the_pre2019_notes_heading_keeps_the_section(page_break, glued):
    # Seed 003 (pre-2019) with a page break before '七、说明与附表' (its page number on a line of its own, or glued
    # before the heading): the text above seemed to end in the page's furniture, as after a signature, so the notes
    # heading (a table's lead, 附表) was cut off as an appendix and the report lost its notes section.
    lines = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("七、说明与附表")
    broken = lines[:at] + (page_break[:-1] + [page_break[-1] + lines[at]] if glued else page_break + [lines[at]])
    plain, paged = toolkit.parse_text("\n".join(lines)), toolkit.parse_text("\n".join(broken + lines[at + 1:]))
    assert _outline(plain)[-1] == "notes"
    assert [(s.key, s.title) for s in paged.sections] == [(s.key, s.title) for s in plain.sections]
    assert paged.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("note", ["(2020)", "（2020）", "(2020年)"])
def test_a_year_in_brackets_after_a_title_is_no_page_number(note):
    # A year in brackets after a title ('一、总体情况(2020)') is a note of the title's, kept in it; formats.yaml read
    # a number of up to four digits in brackets as a page's, so the year was cut off as a page number.
    from toolkit.normalize import is_page_furniture

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(text.replace("\n一、总体情况\n", f"\n一、总体情况{note}\n", 1))
    assert report.sections[0].title == "一、总体情况" + normalize_line(note)
    assert not is_page_furniture(normalize_line(note))


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("page", ["(5)", "（5）", "(五)", "5."])
def test_a_number_alone_above_a_numbered_heading_is_not_joined_to_it(seed_id, page):
    # A page number in brackets on its own line above a heading ('(5)' / '四、政府信息公开行政复议和行政诉讼情况')
    # was joined to it as a number wrapped away from its title ('(5)四、…'): the section was lost, its text read
    # into the section before.  A heading numbered on its own line is none of the number's above it.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    lines = text.split("\n")
    for section in plain.sections[1:]:
        at = section.first_line - 1
        report = toolkit.parse_text("\n".join(lines[:at] + [page] + lines[at:]))
        assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections], section.title


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-01", "pingtan-2023-02", "pingtan-2023-03",
                                  "pingtan-2023-04"])
@pytest.mark.parametrize("page_break", [["", "- 3 -", "", "{title}", ""], ["注:1. 本表数据截至2023年12月31日"],
                                        ["{agency}"]])
def test_a_glued_heading_wrapped_across_a_page_break_is_found(stem, page_break):
    # Glued page text wrapped with a page break (blank lines, a page number, the title as a running header)
    # where a section's heading runs from one line into the next ('…0000000四、' / '政府信息公开行政复议与行政诉讼…'):
    # the heading's start was carried onto the page number, the section lost (sections_missing), and with it the
    # review table of pingtan-2023-04 (table_missing): all 58 such breaks at widths 31 to 49. Now read as without
    # the page break; so too a table's footnote at the page's foot there (all 58 too, before), and a running header
    # of the agency's name alone (as the metadata reads it; 56 of the 58).
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    agency = toolkit.parse_text(text).metadata["agency"]
    assert agency
    inserted = [x.format(title=title, agency=agency) for x in page_break]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    checked = 0
    for width in range(31, 50, 3):
        lines = [title] + [body[i : i + width] for i in range(0, len(body), width)]
        plain = toolkit.parse_text("\n".join(lines))
        for section in plain.sections[1:]:
            at = body.find(section.title)
            k = 1 + at // width
            if at < 0 or k == 1 + (at + len(section.title) - 1) // width:
                continue  # (the heading within one line)
            broken = toolkit.parse_text("\n".join(lines[: k + 1] + inserted + lines[k + 1 :]))
            assert _outline(broken) == _outline(plain), (width, section.title)
            pd.testing.assert_frame_equal(broken.tables[keys], plain.tables[keys], obj=f"{width}: {section.title}")
            assert sorted(f.code for f in broken.flags) == sorted(f.code for f in plain.flags)
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("seed_id, heading, whole", [
    ("000_438c5e5d2b6f4db4", "五、存在的主要问题及改进情况", "五、存在的主要问题"),
    ("001_4d29bfef72dd56db", "五、存在的主要问题及改进情况", "五、存在的主要问题"),
    ("002_809f9474e249d214", "五、存在的主要問題及改進情況", "五、存在的主要問題"),
    ("003_ce1f8ef96d3daffd", "六、存在的主要问题和改进措施", "六、存在的主要问题"),
    ("001_4d29bfef72dd56db", "六、其他需要报告的事项", "六、其他"),
])
def test_a_heading_wrapped_after_a_shorter_title_is_found(seed_id, heading, whole):
    # The first line of a wrapped heading may alone be a title ('五、存在的主要问题', pre-2019's problems title, or
    # '六、其他') or start with one ('…问题及改进'): the join was refused, and in seeds 001/002 the problems section
    # and all its statements were lost (6 -> 0); in 003 the title was cut short and '和' became a statement.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    want = [(s.key, s.title, s.text) for s in plain.sections]
    for cut in range(len(whole), len(heading)):
        wrapped = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading[:cut]}\n{heading[cut:]}\n"))
        assert [(s.key, s.title, s.text) for s in wrapped.sections] == want, heading[:cut]
        assert wrapped.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]]), heading[:cut]


@pytest.mark.parametrize("seed_id, heading", [
    ("000_438c5e5d2b6f4db4", "四、政府信息公开行政复议、行政诉讼情况"),
    ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
    ("004_b232cca7e491c758", "四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
    ("004_b232cca7e491c758", "五、政府信息公开工作存在的主要问题及改进措施"),
])
@pytest.mark.parametrize("blanks", [0, 1, 2])
def test_a_heading_wrapped_with_a_long_second_line_is_found(seed_id, heading, blanks):
    # A heading wrapped early, its second piece longer than 15 characters, blank lines between or not ('五、政府信息' /
    # '' / '' / '公开工作存在的主要问题及改进措施'): the join was refused, so the first piece was left at the end of the
    # section before, and the second alone was read as the title.  Joined where the two make a whole official title.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    want = [(s.key, s.title, s.text) for s in plain.sections]
    for keep in range(16, len(heading) - 2):
        wrapped = toolkit.parse_text(text.replace(f"\n{heading}\n",
                                                  f"\n{heading[:-keep]}\n" + "\n" * blanks + f"{heading[-keep:]}\n"))
        assert [(s.key, s.title, s.text) for s in wrapped.sections] == want, heading[:-keep]


def test_a_line_of_text_after_a_short_heading_is_not_joined_to_it():
    # (a control: a long first line of text under a heading whose join makes no title stays the section's text)
    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    heading = next(s for s in plain.sections if s.key == "other").title
    body = "政府信息公开行政复议和行政诉讼情况良好"
    report = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading}\n\n\n{body}\n"))
    other = next(s for s in report.sections if s.key == "other")
    assert (other.title, other.text.split("\n")[0]) == (heading, body)


@pytest.mark.parametrize("heading", ["2、 主动公开政府信息情况", "3、 依申请公开政府信息情况"])
@pytest.mark.parametrize("blanks", [1, 2])
def test_an_arabic_numbered_heading_split_by_a_blank_line_is_joined(heading, blanks):
    # Seed 004 numbers some sections 2、: split with a blank paragraph between ('2、 主动公开' / '' / '政府信息情况'), the
    # pieces were not joined as a line's end is (only a heading numbered 二、 was carried over one blank line), so the
    # section was lost (sections_missing).  Pieces that make no section's whole title stay apart.
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    want = [(s.key, s.title, s.text.strip("\n")) for s in plain.sections]
    for cut in range(4, len(heading) - 1):
        split = text.replace(f"\n{heading}\n", f"\n{heading[:cut]}{chr(10) * (blanks + 1)}{heading[cut:]}\n")
        report = toolkit.parse_text(split)
        assert [(s.key, s.title, s.text.strip("\n")) for s in report.sections] == want, heading[:cut]
    # (an item whose pieces join to a title with text after it, '1、主动公开情况良好', is no heading's)
    item = f"1、{heading[3:7]}{chr(10) * (blanks + 1)}情况良好"
    apart = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading}\n{item}\n"))
    assert [s.key for s in apart.sections] == [s.key for s in plain.sections]
    assert item in next(s.text for s in apart.sections if s.title == heading)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_a_heading_number_alone_on_its_line_is_joined(seed_id):
    # A number on a line of its own and the title on the next ('四、' / '政府信息公开行政复议和行政诉讼情况'): a title
    # longer than a wrapped end was not joined, so the section lost its number and '四、' stayed in the text before.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    titles = {s.title for s in plain.sections if re.match("[一二三四五六七八九十]、", s.title)}
    broken = "\n".join(f"{line.strip()[:2]}\n{line.strip()[2:]}" if normalize_line(line).strip() in titles else line
                       for line in text.split("\n"))
    assert broken.count("\n") - text.count("\n") == len(titles) >= 4
    report = toolkit.parse_text(broken)
    assert [(s.key, re.sub(r"\s", "", s.title), s.text) for s in report.sections] == \
        [(s.key, re.sub(r"\s", "", s.title), s.text) for s in plain.sections]
    assert report.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_an_unnumbered_heading_wrapped_by_a_large_font_is_found(seed_id):
    # Headings without their numbers (Word numbered them), wrapped ('政府信息公开行政复议和行政' / '诉讼情况'): only a
    # numbered first line was joined, so the section was lost, and with the review heading its table's 15 cells.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    titles = {s.title for s in toolkit.parse_text("\n".join(lines)).sections}
    lines = [re.sub(r"^[一二三四五六七八九十]、", "", line) if line in titles else line for line in lines]
    plain = toolkit.parse_text("\n".join(lines))
    assert len(plain.sections) >= 6
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    for s in [s for s in plain.sections if len(s.title) >= 6]:  # (a shorter title does not wrap)
        at = lines.index(s.title)
        for cut in {len(s.title) - 2, len(s.title) // 2 + 1}:  # a wrapped line is full: longer than its end
            wrapped = toolkit.parse_text("\n".join(lines[:at] + [s.title[:cut], s.title[cut:]] + lines[at + 1:]))
            assert [(x.key, x.title, x.text) for x in wrapped.sections] == \
                [(x.key, x.title, x.text) for x in plain.sections], s.title[:cut]
            assert wrapped.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])
            pd.testing.assert_frame_equal(wrapped.tables[keys], plain.tables[keys])


def test_body_lines_before_an_unnumbered_heading_are_not_joined():
    # A short line without a sentence's marks before a heading ('暂无' / '存在的主要问题和改进措施') is not the
    # heading's start, though '.{0,8}存在的主要问题和改进措施' matches their join.
    for body in ["(略)", "暂无", "详见附表"]:
        report = toolkit.parse_text(f"概述\n本年度无\n{body}\n存在的主要问题和改进措施\n一是人员不足。\n")
        assert [(s.key, s.title) for s in report.sections] == [("overview", "概述"),
                                                              ("problems", "存在的主要问题和改进措施")]


def test_a_short_line_after_a_whole_heading_stays_in_the_section():
    # '一、总体情况' names a section by itself: the short line after it is the section's text, not the heading's.
    report = toolkit.parse_text("一、总体情况\n无\n二、主动公开政府信息情况\n暂无\n")
    assert [(s.key, s.title, s.text) for s in report.sections[:1]] == [("overview", "一、总体情况", "无")]


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-01", "pingtan-2023-02", "pingtan-2023-03",
                                  "pingtan-2023-04"])
def test_text_without_paragraph_breaks_wrapped_into_short_lines(stem, tmp_path):
    # Web-page text run into one line, wrapped as a PDF of the page wraps it.  Before, headings were only looked
    # for inside lines of 60 characters or more: under 60 every section was lost, at 60 the last line's heading
    # ('六、其他需要报告的事项2023年,…') stayed in the problems section; a heading wrapped at a line's end
    # ('…。五、存在的主要问题及改' / '进情况…') was not found.
    from renderers import render_pdf
    from toolkit.readers import read_document

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    assert _outline(plain)[-2:] == ["problems", "other"]
    statements = plain.statements[["kind", "text"]]
    for width in range(20, 81, 3):
        wrapped = toolkit.parse_text("\n".join(line[i:i + width] for line in text.split("\n")
                                               for i in range(0, max(len(line), 1), width)))
        assert _outline(wrapped) == _outline(plain), width
        assert wrapped.statements[["kind", "text"]].equals(statements), width
    # and broken right after each heading's number ('…。五' / '、存在的主要问题及改进情况…')
    broken = toolkit.parse_text(re.sub(r"(?<=.)([一二三四五六])、(?=总体|主动|收到|政府|存在|其他)", r"\1\n、", text))
    assert _outline(broken) == _outline(plain)
    assert broken.statements[["kind", "text"]].equals(statements)
    lines = [x[i:i + 40] for x in read_document(RAW / f"{stem}.txt").lines if isinstance(x, str)
             for i in range(0, len(x), 40)]
    render_pdf(lines, tmp_path / "wrapped.pdf", font_size=12)
    assert toolkit.parse_report(tmp_path / "wrapped.pdf").statements[["kind", "text"]].equals(statements)


def test_a_sub_heading_number_wrapped_after_its_open_bracket_is_no_section():
    # A PDF line wrap right after the '(' of seed 003's '(二)改进措施' ('…存在着挑战。(' / '二)改进措施'): read with the
    # number form 二), the line became a pre-2019 improvements section and the problems section ended at '('.
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")
    assert "挑战。\n(二)改进措施" in text
    plain = toolkit.parse_text(text)
    wrapped = toolkit.parse_text(text.replace("挑战。\n(二)改进措施", "挑战。(\n二)改进措施"))
    assert _outline(wrapped) == _outline(plain)
    assert wrapped.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])


_PINGTAN = ["pingtan-2020-05", "pingtan-2023-01", "pingtan-2023-02", "pingtan-2023-03", "pingtan-2023-04"]
_SECTION_NUMBER = re.compile(r"^([一二三四五六七八九十])、")


def _numbered_in_brackets(stem: str) -> tuple[str, list[int]]:
    """A real glued web-page report with its sections renumbered （一）…（六）, and where each heading starts."""
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    starts, at = [], 0
    for section in toolkit.parse_text(text).sections:
        number = _SECTION_NUMBER.match(section.title)
        at = text.index(section.title[:number.end() + 6], at)
        text = text[:at] + f"（{number[1]}）" + text[at + number.end():]
        starts.append(at)
        at += 3
    return text, starts


@pytest.mark.parametrize("stem", _PINGTAN)
def test_a_glued_heading_in_brackets_broken_by_a_line_end_is_found(stem):
    # A glued report numbering its sections （一）…（六）, a line's end inside a title ('…问责。（二）主动公开政府信' /
    # '息情况第二十条…', or inside its number '（' / '二）…'): only a title whole on its line was cut, so that
    # section was lost (sections_missing) and its text and tables went into the section before.
    text, starts = _numbered_in_brackets(stem)
    plain = toolkit.parse_text(text)
    assert len(plain.sections) == 6
    want = [(s.key, s.text.replace("\n", "")) for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw"]
    for section, at in zip(plain.sections, starts):
        for k in sorted({1, 2, 3, len(section.title) // 2, len(section.title) - 1}):
            broken = toolkit.parse_text(text[:at + k] + "\n" + text[at + k:])
            assert [(s.key, s.text.replace("\n", "")) for s in broken.sections] == want, (section.key, k)
            assert broken.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])
            pd.testing.assert_frame_equal(broken.tables[keys], plain.tables[keys])


@pytest.mark.parametrize("stem", _PINGTAN)
def test_glued_text_in_brackets_wrapped_into_short_lines(stem):
    # The same report wrapped into lines of any width (a PDF of the page): the sections and statements are those of
    # the report numbered 一、 wrapped alike.  Before, titles broken by a line's end were lost at most widths.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    brackets, _ = _numbered_in_brackets(stem)
    for width in range(20, 81, 6):
        wrap = ["\n".join(t[i:i + width] for i in range(0, len(t), width)) for t in (text, brackets)]
        plain, variant = (toolkit.parse_text(t) for t in wrap)
        assert _outline(variant) == _outline(plain), width
        assert variant.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]]), width


def test_an_item_number_after_a_title_at_a_line_end_starts_the_text():
    # '五、存在的主要问题及改进情况（一）' / '存在的主要问题2023年…' (a line's end after the first item's number): '(一)' was
    # read as a note in brackets of the title ('(含政策解读)'), so the title became '…改进情况(一)' and the text began
    # '存在的主要问题…' (its first statement lost).
    text = (RAW / "pingtan-2023-03.txt").read_text(encoding="utf-8")
    heading = "五、存在的主要问题及改进情况（一）"
    assert text.count(heading) == 1
    plain = toolkit.parse_text(text)
    broken = toolkit.parse_text(text.replace(heading, heading + "\n"))
    assert [s.title for s in broken.sections] == [s.title for s in plain.sections]
    assert broken.section("problems").text.startswith("(一)\n存在的主要问题")
    assert broken.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])


@pytest.mark.parametrize("stem", ["pingtan-2023-02", "pingtan-2023-03"])
def test_a_stray_pipe_in_a_glued_table_header_keeps_its_section(stem):
    # A '|' typed into a web page's glued review table header ('四、…行政诉讼情况行政复议行政诉讼结果维持|结果纠正…'):
    # the heading's line was taken for a pipe row, so the review_litigation section was lost (sections_missing)
    # and its table's values left with no label (unlabelled_values). Now read as without the '|'.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    at = text.index("维持", text.index("四、政府信息公开行政复议、行政诉讼情况")) + 2
    plain, stray = toolkit.parse_text(text), toolkit.parse_text(text[:at] + "|" + text[at:])
    assert [(s.key, s.title) for s in stray.sections] == [(s.key, s.title) for s in plain.sections]
    assert "review_litigation" in [s.key for s in plain.sections]
    assert sorted(f.code for f in stray.flags) == sorted(f.code for f in plain.flags)
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(stray.tables[keys], plain.tables[keys])


_SIGNATURES = {"pingtan-2023-02": "平潭综合实验区财政金融局 2024年1月29日",
               "pingtan-2023-03": "平潭综合实验区市场监督管理局 2024年1月31日",
               "pingtan-2023-04": "平潭综合实验区经济发展局2024年1月29日"}


@pytest.mark.parametrize("stem", sorted(_SIGNATURES))
@pytest.mark.parametrize("brackets", [False, True])
def test_tables_in_a_glued_appendix_are_read_under_their_titles(stem, brackets):
    # A web page's report whose sections with tables say 详见附件 and whose tables follow the signature in an
    # appendix, each under its section's title with the table glued after it ('二、主动公开政府信息情况第二十条…',
    # or numbered （二）), the parts on lines of their own, on one line, or on the 附件 line.  An appendix part was only
    # the segments after its heading's: the glued table was lost and every table was missing (table_missing); parts
    # numbered （二） glued on one line were not cut, so the review table (after a sentence, no marker) was lost.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    if brackets:
        text, starts = _numbered_in_brackets(stem)
    else:
        starts, at = [], 0
        for section in toolkit.parse_text(text).sections:
            at = text.index(section.title[:8], at)
            starts.append(at)
            at += 3
    plain = toolkit.parse_text(text)
    keys = ["table", "row_key", "col_key", "value", "raw"]
    signature = _SIGNATURES[stem]
    for moved in [(1, 2, 3), (2, 3), (3,)]:
        parts = {k: text[starts[k]:starts[k + 1]] for k in moved}
        body = text[:starts[1]] + "".join(
            re.match(r"(（[二三四]）|[二三四]、)\S*?情况", parts[k])[0] + "详见附件。" if k in moved
            else text[starts[k]:starts[k + 1]] for k in (1, 2, 3)) + text[starts[4]:]
        body = body.replace(signature, "").rstrip() + "\n" + "\n".join(signature.split())
        for glue, after_label in [("\n", "\n"), (" ", "\n"), (" ", " ")]:
            variant = toolkit.parse_text(f"{body}\n附件：2023年政府信息公开工作年度报告统计表{after_label}"
                                         + glue.join(parts[k] for k in moved))
            assert _outline(variant) == _outline(plain), (moved, glue, after_label)
            pd.testing.assert_frame_equal(variant.tables[keys], plain.tables[keys])
            assert sorted(f.code for f in variant.flags) == sorted(f.code for f in plain.flags), (moved, glue)


_PRE2019 = "003_ce1f8ef96d3daffd"


def _pre2019_glued(text: str, sep: str) -> str:
    """A pre-2019 report as web-page text: its header box and title on their lines, the rest of its prose run into
    one line (paragraphs joined by ``sep``), its statistics table's rows kept."""
    lines = text.split("\n")
    table = next(i for i, line in enumerate(lines) if line.replace(" ", "")[:4] in ("统计指标", "統計指標"))
    return "\n".join(lines[:5] + [sep.join(lines[5:table])] + lines[table:])


def _same_report(variant, plain) -> None:
    assert [(s.key, s.title) for s in variant.sections] == [(s.key, s.title) for s in plain.sections]
    assert [re.sub(r"\s", "", s.text) for s in variant.sections] == [re.sub(r"\s", "", s.text) for s in plain.sections]
    assert variant.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(variant.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in variant.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("sep", ["", " "])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_glued_pre2019_report_is_cut_at_its_own_titles(sep, script):
    # Seed 003 (2017, pre-2019 format) as web-page text, its prose run into one line, also in traditional script
    # and wrapped into lines of 20-80 characters: only the titles the modern format also has cut the line, so
    # 二、政府信息主动公开情况, 四、咨询情况, 五、复议、诉讼和申诉情况 and 七、说明与附表 were lost (sections_missing; their text
    # and the notes' went into the section before).  Its problems section's items ((一)存在问题, (二)改进措施) stay.
    import opencc

    text = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8")
    if script == "traditional":
        text = opencc.OpenCC("s2t").convert(text)
    plain = toolkit.parse_text(text)
    assert _outline(plain) == ["intro", "overview", "active", "requests", "consultation", "review_litigation",
                               "problems", "notes"]
    glued = _pre2019_glued(text, sep)
    _same_report(toolkit.parse_text(glued), plain)
    assert "(一)存在问题" in plain.section("problems").text and "(二)改进措施" in plain.section("problems").text
    for width in range(20, 81, 6 if script == "simplified" else 20):
        wrapped = "\n".join(line[i:i + width] if "|" not in line else line for line in glued.split("\n")
                            for i in (range(0, max(len(line), 1), width) if "|" not in line else [0]))
        _same_report(toolkit.parse_text(wrapped), plain)


@pytest.mark.parametrize("heading", ["二、政府信息主动公开情况", "四、咨询情况", "五、复议、诉讼和申诉情况", "七、说明与附表"])
@pytest.mark.parametrize("glue", ["", " "])
def test_a_pre2019_title_glued_to_the_paragraph_before_is_found(heading, glue):
    # One pre-2019 title glued onto the paragraph before it ('…还有很大的作为空间;七、说明与附表(一)附件为…'): its
    # section was lost, its text read into the section before.
    text = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    _same_report(toolkit.parse_text(text.replace(f"\n{heading}\n", f"{glue}{heading}{glue}")), plain)


def test_glued_pre2019_titles_cut_by_their_run_alone():
    # A pre-2019 report with no statistics table and an overview titled 总体情况 (nothing else says its format):
    # its own titles glued cut the line where each is numbered next to another section's title (四、咨询情况 after
    # 三、…, 五、…收费及减免情况 before 六、…).
    lines = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8").split("\n")
    table = next(i for i, line in enumerate(lines) if line.startswith("统 计 指 标"))
    renamed = {"一、概述": "一、总体情况", "五、复议、诉讼和申诉情况": "五、政府信息公开的收费及减免情况"}
    lines = [renamed.get(line, line) for line in lines[:table]]
    plain = toolkit.parse_text("\n".join(lines))
    assert _outline(plain) == ["intro", "overview", "active", "requests", "consultation", "fees", "problems", "notes"]
    for sep in ("", " "):
        _same_report(toolkit.parse_text("\n".join(lines[:5] + [sep.join(lines[5:])])), plain)


@pytest.mark.parametrize("stem", _PINGTAN)
def test_a_pre2019_title_in_a_modern_report_is_no_cut(stem):
    # A modern glued report (no statistics table of the pre-2019 format, no 一、概述) whose text numbers a phrase as
    # the pre-2019 titles are, not next to the number of a section's title: no section, the text stays where it is.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    at = text.index(plain.section("other").title[:6])  # the end of the problems section
    for phrase in ("二、咨询情况", "三、说明与附表", "一、政府信息主动公开情况"):
        variant = toolkit.parse_text(text[:at] + f"。{phrase}如下。" + text[at:])
        assert _outline(variant) == _outline(plain), phrase
        assert variant.section("problems").text.endswith(f"。{phrase}如下。"), phrase  # on its line, not cut off


@pytest.mark.parametrize("active, requests", [
    ("二、行政机关主动公开政府信息的情况", "三、行政机关依申请公开政府信息和不予公开政府信息的情况"),
    ("二、政府信息主动公开情况", "三、政府信息依申请公开和不予公开情况"),
    ("二、主动公开政府信息情况", "三、依申请公开和不予公开政府信息情况")])
@pytest.mark.parametrize("glued", [False, True])
def test_pre2019_titles_in_the_old_regulations_words_are_found(active, requests, glued):
    # The old Regulations (Art. 32) name a report's parts 行政机关主动公开政府信息的情况 and 行政机关依申请公开政府信息和
    # 不予公开政府信息的情况 (templates-detail 1, 6: 依申请公开政府信息情况 (and 不予公开)), titles many pre-2019 reports
    # take: neither was a pre-2019 title, so the section was missing (sections_missing, unknown_section) and its text
    # kept in the section before it.  Read as the shorter titles are, on their lines or glued.
    lines = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8").split("\n")
    table = next(i for i, line in enumerate(lines) if line.startswith("统 计 指 标"))
    lines = lines[:table]

    def text(lines: list[str]) -> str:
        return "\n".join(lines[:5] + ["".join(lines[5:])] if glued else lines)

    plain = toolkit.parse_text(text(lines))
    renamed = {"二、政府信息主动公开情况": active, "三、政府信息依申请公开情况": requests}
    assert set(renamed) <= set(lines)
    variant = toolkit.parse_text(text([renamed.get(line, line) for line in lines]))
    assert [(s.key, s.title) for s in variant.sections] == [
        (s.key, renamed.get(s.title, s.title)) for s in plain.sections]
    assert [s.text for s in variant.sections] == [s.text for s in plain.sections]
    assert not [f for f in variant.flags if f.code in ("sections_missing", "unknown_section")]


_CN_TOPS = "一二三四五六七八九十"
_RESPONSES = ["2017年,我局回应公众关注热点3次,发布政策解读稿件3篇,通过微信平台回应事件20次。"]
_INSTITUTIONS = ["我局设立政府信息公开专门机构1个,配备专职人员1名、兼职人员2名,专项经费0.5万元。"]


@pytest.mark.parametrize("responses, institutions, places", [
    ("回应解读情况", "机构建设和保障经费情况", ("active", "review_litigation")),
    ("政策解读与回应社会关切情况", "政府信息公开工作机构建设和保障经费情况", ("consultation", "review_litigation")),
    ("回应解读情况", "机构建设和保障经费情况", ("review_litigation", "responses")),
    ("回应解读情况", "机构建设和保障经费情况", ("requests", "overview"))])
def test_pre2019_responses_and_institutions_sections_are_found(responses, institutions, places):
    # Pre-2019 reports often add the 2014 table's blocks as sections of their own (templates-detail 6: 回应解读情况,
    # 机构建设和保障经费情况): neither was a section, so each was flagged unknown_section and its text kept in the
    # section before it.  They are sections now (responses, institutions) where they explain more headings than the
    # outline without them; elsewhere (institutions right after the overview) they stay as before.
    lines = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8").split("\n")
    lines = lines[:next(i for i, line in enumerate(lines) if line.startswith("统 计 指 标"))]
    plain = toolkit.parse_text("\n".join(lines))
    tops = [i for i, line in enumerate(lines) if line[:2] in {f"{n}、" for n in _CN_TOPS}]
    # the sections' lines, each with the new ones after the section named in ``places``
    parts = [lines[a:b] for a, b in zip(tops, [*tops[1:], len(lines)])]
    keys = [s.key for s in plain.sections if s.key != "intro"]
    assert len(keys) == len(parts)
    added = {places[0]: ("responses", responses, _RESPONSES), places[1]: ("institutions", institutions, _INSTITUTIONS)}
    order, body = [], []
    for key, part in zip(keys, parts):
        order.append(key)
        body.append((part[0][2:], part[1:]))
        while key in added:
            key, title, text = added.pop(key)
            order.append(key)
            body.append((title, text))
    text = lines[:tops[0]] + [line for n, (title, rest) in enumerate(body) for line in (f"{_CN_TOPS[n]}、{title}", *rest)]
    got = toolkit.parse_text("\n".join(text))
    flags = [f.code for f in got.flags if f.code in ("sections_missing", "unknown_section")]
    if places[1] == "overview":  # (institutions before the active section: no place of it, stays as before)
        assert [s.key for s in got.sections] == ["intro", *[k for k in order if k != "institutions"]]
        assert flags == ["unknown_section"]
        return
    assert [s.key for s in got.sections] == ["intro", *order]
    assert got.section("responses").text == _RESPONSES[0] and got.section("institutions").text == _INSTITUTIONS[0]
    assert [s.text for s in got.sections if s.key not in ("responses", "institutions")] == \
        [s.text for s in plain.sections]
    assert not flags


_MIXED = "004_b232cca7e491c758"  # sections numbered 一、 2、 3、 四、 五、 六、


@pytest.mark.parametrize("glue", ["", " "])
def test_a_glued_title_numbered_2_between_titles_numbered_1_and_4_is_found(glue):
    # Seed 004 numbers its sections 一、 2、 3、 四、…: its title '2、 主动公开政府信息情况' glued onto the paragraph before
    # ('…泄密问题。2、 主动公开政府信息情况'), or the whole report run into one line with spaces between its parts, was
    # not cut (only titles numbered 一、 or on a run of (一) were): the active (and requests) section was lost
    # (sections_missing) and its table read into the overview (unknown_row).
    text = (RAW / f"{_MIXED}.txt").read_text(encoding="utf-8")
    heading = "2、 主动公开政府信息情况"
    assert text.count(f"问题。\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    assert [s.title for s in plain.sections][1:3] == [heading, "3、 依申请公开政府信息情况"]
    _same_report(toolkit.parse_text(text.replace(f"问题。\n{heading}\n", f"问题。{glue}{heading}{glue}")), plain)
    lines = text.split("\n")
    whole = toolkit.parse_text("\n".join(lines[:1] + [" ".join(x.strip() for x in lines[1:] if x.strip())]))
    assert [(s.key, s.title) for s in whole.sections] == [(s.key, s.title) for s in plain.sections]


@pytest.mark.parametrize("form", ["lines_point", "lines_point_semicolon", "lines_dun", "lines_cn", "glued_cn",
                                  "glued_point"])
def test_the_overview_listing_the_later_sections_titles_keeps_them_in_its_text(form):
    # Seed 004's overview listing the sections to come by their full titles after '现将相关情况总结如下：'
    # ('1.主动公开政府信息情况' / '2.依申请公开政府信息情况' / … / '5.其他需要报告的事项'): the items were read as the
    # sections, left empty, and the whole report went into the last one (other), its tables lost (table_missing).
    # They are the overview's text; the real headings further down are the sections.
    text = (RAW / f"{_MIXED}.txt").read_text(encoding="utf-8")
    anchor = "现将相关情况总结如下：\n"
    assert text.count(anchor) == 1
    plain = toolkit.parse_text(text)
    titles = [s.title.split("、", 1)[1].strip() for s in plain.sections[1:]]
    assert len(titles) == 5
    cn = "一二三四五"
    items = {"lines_point": "\n".join(f"{n + 1}.{t}" for n, t in enumerate(titles)),
             "lines_point_semicolon": "\n".join(f"{n + 1}.{t}；" for n, t in enumerate(titles)),
             "lines_dun": "\n".join(f"{n + 1}、{t}" for n, t in enumerate(titles)),
             "lines_cn": "\n".join(f"{cn[n]}、{t}" for n, t in enumerate(titles)),
             "glued_cn": "".join(f"{cn[n]}、{t}" for n, t in enumerate(titles)),
             "glued_point": "".join(f"{n + 1}.{t}" for n, t in enumerate(titles))}[form]
    report = toolkit.parse_text(text.replace(anchor, anchor + items + "\n"))
    assert [(s.key, s.title) for s in report.sections] == [(s.key, s.title) for s in plain.sections]
    assert [s.text for s in report.sections[1:]] == [s.text for s in plain.sections[1:]]
    assert normalize_line(items.split("\n")[-1]) in report.sections[0].text
    _assert_same_tables_and_flag_codes(report, plain)


@pytest.mark.parametrize("stem", _PINGTAN)
def test_items_numbered_1_2_in_a_glued_section_are_no_sections(stem):
    # A section's own items numbered 1、 2、 with section-like words (一、总体情况 … 1、… 2、主动公开情况… 3、依申请公开情况…
    # 二、…): their numbers do not run on to the next section's title (二、), so they are no sections.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    at = text.index(plain.section("active").title[:6])
    items = "1、加强领导。2、主动公开情况良好。3、依申请公开情况如下。"
    variant = toolkit.parse_text(text[:at] + items + text[at:])
    assert [(s.key, s.title) for s in variant.sections] == [(s.key, s.title) for s in plain.sections]
    assert variant.sections[0].text.endswith(items)  # on its line, not cut


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-04"])
def test_a_long_glued_title_wrapped_over_three_narrow_lines_is_found(stem):
    # A glued report with the format's long titles (四、因政府信息公开申请行政复议、提起行政诉讼的情况, 25 characters),
    # wrapped into lines narrower than the title: a title over three lines ('…0四' / '、因政府信息公开申请行政复议、提起
    # 行政诉' / '讼的情况…', or one starting a line and ending in the next) was not found: only the next line's start was
    # read, so the review or problems section was lost and its text read into the section before.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    first = toolkit.parse_text(text)
    text = text.replace(first.section("review_litigation").title, "四、因政府信息公开申请行政复议、提起行政诉讼的情况")
    text = text.replace(first.section("problems").title, "五、政府信息公开工作存在的主要问题及改进措施")
    plain = toolkit.parse_text(text)
    assert _outline(plain) == _outline(first)
    for width in range(20, 27):
        wrapped = toolkit.parse_text("\n".join(line[i:i + width] for line in text.split("\n")
                                               for i in range(0, max(len(line), 1), width)))
        assert _outline(wrapped) == _outline(plain), width
        assert wrapped.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]]), width


def test_the_sub_heading_pattern_opening_with_its_bracket_finds_the_same_headings():
    # The glued (一) headings' pattern opens with its '(' and looks back after it, so that the regex engine skips
    # to the brackets: it must find what the pattern opening with the look back finds, at a line's start, after a
    # sentence's end, a digit, a space or a bracket, and not after a comma or a word.
    from toolkit import sections
    from toolkit.formats import load_formats

    fast = sections._inline_sub_heading()
    number = load_formats()["section_inline_numbers"]["sub"]
    slow = re.compile(fast.pattern.replace(sections._inline_after(number),
                                           rf"{sections._INLINE_AFTER}(?:{number})", 1))
    assert slow.pattern != fast.pattern
    lines = [normalize_line(line) for path in sorted(RAW.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    for stem in _PINGTAN:
        lines += _numbered_in_brackets(stem)[0].splitlines()
    heading = "(二)主动公开政府信息情况"
    lines += [f"{before}{normalize_line(heading)}" for before in ("", "。", ",", "3", " ", ")", "(", "情况")]
    found = []
    for line in lines:
        spans = [(m.span(), m.groupdict()) for m in fast.finditer(line)]
        assert spans == [(m.span(), m.groupdict()) for m in slow.finditer(line)], line
        found += [line] * len(spans)
    assert len(found) >= 9
    assert [line[:-len(heading)] for line in found if line.endswith("主动公开政府信息情况")][-5:] == \
        ["", "。", "3", " ", ")"]


@pytest.mark.parametrize("fields", [["责任编辑：张三"], ["发布日期：2018-01-21  来源：高港区住建局", "浏览次数：12"],
                                    ["（盖章）"],
                                    ["上一篇：泰州市高港区住房和城乡建设局2016年政府信息公开工作年度报告",
                                     "下一篇：泰州市高港区住房和城乡建设局2018年政府信息公开工作年度报告"],
                                    ["【上一篇】高港区2016年政府信息公开年报", "【打印本页】【关闭窗口】"],
                                    ["【打印本页】【关闭窗口】", "地址：泰州市高港区通江路1号  邮编：225321",
                                     "电话：0523-86922222"],
                                    ["【打印本页】【关闭窗口】", "相关链接：", "中国政府网", "江苏省人民政府"],
                                    ["上一篇：", "泰州市高港区住房和城乡建设局2016年政府信息公开工作年度报告", "下一篇：",
                                     "泰州市高港区住房和城乡建设局2018年政府信息公开工作年度报告"],
                                    ["分享：", "【打印】【关闭】"], ["【收藏】【打印】【关闭】"], ["扫一扫在手机打开当前页", "【我要纠错】"],
                                    ["视力保护色：", "【大】【中】【小】", "【我要打印】【关闭】【返回】"],
                                    ["Copyright © 2021 泰州市高港区人民政府 All Rights Reserved", "您是第12345位访问者"],
                                    ["运行维护：高港区大数据局", "网站识别码：3212030001", "推荐使用IE9以上浏览器"],
                                    ["共2页 上一页 1 2 下一页"], ["【首页】【上一页】【下一页】【尾页】"],
                                    ["打印 关闭"], ["收藏 打印 关闭"], ["打印", "关闭"], ["下载："],
                                    ["文章出处：高港区住建局"], ["出处：高港区住建局  浏览次数：12"],
                                    ["http://www.taizhou.gov.cn/art/2018/1/21/art_1.html 3/3"],
                                    ["2018/1/21 下午6:41", "http://www.taizhou.gov.cn/art/2018/1/21/art_1.html 3/3"],
                                    ["初审：张三 复审：李四 终审：王五"], ["撰稿：张三  供稿：办公室", "录入：王五  发布者：管理员"],
                                    ["稿源：高港区住建局  阅读：123次"], ["发布人：张三  点击：12次"], ["最后更新：2018-01-21"],
                                    ["签发：李四"], ["发布机构：泰州市高港区住房和城乡建设局  索引号：000014349/2021-00012"],
                                    ["文号：泰高住建〔2018〕1号", "主题分类：其他  公开范围：面向社会"]],
                         ids=["editor", "date_source", "seal_after_date", "previous_next", "previous_bracketed",
                              "site_address", "related_links", "previous_next_below", "share", "collect", "errata",
                              "eye_care", "copyright", "maintainer", "pages_bar", "pages_buttons",
                              "bare_buttons", "bare_three_buttons", "bare_buttons_lines", "bare_download",
                              "article_source", "source_views", "print_url", "print_stamps",
                              "review_chain", "writer_keyer", "source_reads", "poster_clicks", "last_updated",
                              "signed_off", "body_index", "number_topic_scope"])
@pytest.mark.parametrize("stem, end", [("003_ce1f8ef96d3daffd", "七、说明与附表"), ("004_b232cca7e491c758", "六、其他需要报告的事项")])
def test_web_page_fields_after_the_signature_end_the_last_section_with_it(stem, end, fields):
    # The problems section last, then the signature and a web page's fields after it (statements.yaml furniture).
    # Before, the fields were no site footer: the signature did not end the text, and it stayed in the last section's
    # text with them ('…不完整信息。/泰州市高港区住房和城乡建设局/2018年1月20日/责任编辑:张三'), 2 of 2 in each form.
    # Without a signature the section keeps what stands under its heading (the statements leave the furniture out).
    # So too the site's links to the reports before and after this one ('上一篇：…2016年…年度报告'): they were no
    # footer, so the signature was not found and stayed in the last section's text with the links, 2 of 2 in each form.
    # So too the site's address and telephone in its footer ('地址：…  邮编：…', '电话：…'), no contact label before.
    # So too the page's block of links under the report ('相关链接：' / '中国政府网' / …): the links are no footer words;
    # and the links to the reports before and after this one under their labels alone ('上一篇：' / 'XX局2016年…').
    # So too the page's buttons to keep, share or correct it ('【收藏】', '分享：', '【我要纠错】'), and the rest of its
    # footer (视力保护色, Copyright, 您是第…位访问者, 运行维护, 网站识别码, 推荐使用…浏览器), and the bar of an article's
    # pages ('共2页 上一页 1 2 下一页').  So too the buttons without their brackets ('打印 关闭', '下载：'): they were
    # read as the text's last line, so the signature above them stayed in the last section's text, 2 of 2 in each form.
    # So too the page's source under another label ('文章出处：…', '出处：…'): the signature stayed in the text.
    # So too a browser's print stamp on the last page (its URL and page count, the date and time it printed): the
    # signature stayed in the text with it, 2 of 2 in each form (the stamp was page furniture to the sections only).
    # So too the editorial fields of a site's publishing system (初审/复审/终审, 撰稿, 供稿, 录入, 发布者, 稿源, 阅读, 点击,
    # 最后更新): the signature stayed in the text with them and its date was lost (published None), 2 of 2 in each form.
    # So too the header box's fields a page sets under the signature (签发, 发布机构, 索引号, 文号 with its year in 〔〕, 主题分类,
    # 公开范围): the signature stayed in the last section's text with them, 2 of 2 in each form.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    signature = ["泰州市高港区住房和城乡建设局", "2018年1月20日"]
    plain = toolkit.parse_text(text[: text.index(end)] + "\n".join(signature) + "\n")
    report = toolkit.parse_text(text[: text.index(end)] + "\n".join(signature + fields) + "\n")
    assert report.sections[-1].key == plain.sections[-1].key
    assert report.sections[-1].text == plain.sections[-1].text
    assert "2018年1月20日" not in report.sections[-1].text
    assert report.metadata["agency"] == plain.metadata["agency"]  # (the page's 发布日期 is its published date)


# templates-detail §3.1: the section headings real reports write for the 2019 format's titles (seed 001's own title
# -> as written), read right but tested glued at most
_HEADINGS_2019 = [("一、总体情况", "一、 总体情况"),
                  ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况"),                          # R4
                  ("三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息情况"),                        # S4's wording
                  ("四、政府信息公开行政复议和行政诉讼情况", "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"),  # R12
                  ("四、政府信息公开行政复议和行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况"),        # the format's
                  ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")]          # R1, R12


# Headings real reports write that were no section: asked as questions, the problems alone (the measures a sub-heading
# or a later heading), the pre-2019 wording of the active section in a 2019-format report (seed 001's own title ->
# as written).  Before, the heading was no section: its text and tables went into the section before it, flagged
# sections_missing (and unknown_section where the title was short and without a question mark).
_HEADINGS_UNREAD = [("五、存在的主要问题及改进情况", "五、存在哪些主要问题？如何改进？"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题是什么，如何改进"),
                    ("五、存在的主要问题及改进情况", "五、存在的问题"),
                    ("五、存在的主要问题及改进情况", "五、存在的不足"),
                    ("五、存在的主要问题及改进情况", "五、存在的问题和不足"),
                    ("五、存在的主要问题及改进情况", "五、问题与改进"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况说明"),  # ('说明' was the text's first line)
                    ("五、存在的主要问题及改进情况", "五、改进措施"),  # the measures alone (unknown_section)
                    ("五、存在的主要问题及改进情况", "五、下一步改进措施"),
                    ("五、存在的主要问题及改进情况", "五、下一步工作打算"),
                    ("五、存在的主要问题及改进情况", "五、今后的工作计划"),
                    ("二、主动公开政府信息情况", "二、政府信息主动公开情况"),
                    ("六、其他需要报告的事项", "六、需要说明的其他事项"),  # worded in another order
                    ("六、其他需要报告的事项", "六、其他需要公开的事项"),
                    # the problems and the measures joined otherwise (以及, 及其, 、), the problems named twice
                    # (问题与不足), the measures as a plan or with 的 (改进计划, 改进的情况), 改善 for 改进
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题以及改进情况"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及其改进情况"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题、改进情况"),
                    ("五、存在的主要问题及改进情况", "五、存在的问题与不足及改进措施"),
                    ("五、存在的主要问题及改进情况", "五、存在的问题和不足以及改进措施"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进计划"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进的情况"),
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改善情况"),
                    # the problems also 困难 (困难和问题), the two joined by 、, the plan bare (下一步工作)
                    ("五、存在的主要问题及改进情况", "五、存在的不足及下一步工作"),
                    ("五、存在的主要问题及改进情况", "五、存在的困难和问题及改进措施"),
                    ("五、存在的主要问题及改进情况", "五、存在的问题、不足及改进措施"),
                    ("五、存在的主要问题及改进情况", "五、存在的困难和问题"),
                    # the measures as suggestions or where to strive, the problems named twice without 存在, the plan
                    # bare after 主要问题
                    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进建议"),
                    ("五、存在的主要问题及改进情况", "五、存在的不足及努力方向"),
                    ("五、存在的主要问题及改进情况", "五、问题和不足及改进措施"),
                    ("五、存在的主要问题及改进情况", "五、主要问题及下一步工作")]


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("title, written", _HEADINGS_2019 + _HEADINGS_UNREAD)
def test_headings_written_otherwise_name_the_same_sections(title, written, layout, tmp_path):
    # Seed 001 with one heading so written has the same sections (the pre-2019 wording does not switch it to the
    # pre-2019 format), the heading as written as its title, and the same texts, cells and flags as the seed in the
    # same layout.
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    assert title in lines
    want, got = read_as(lines, layout, tmp_path), read_as([written if x == title else x for x in lines], layout, tmp_path)
    assert _outline(got) == _outline(want) == ["overview", "active", "requests", "review_litigation", "problems",
                                               "other"]
    assert got.metadata["template"] == want.metadata["template"] == "2019"
    assert normalize_line(written).replace(" ", "") in [s.title.replace(" ", "") for s in got.sections]
    assert [s.text for s in got.sections] == [s.text for s in want.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(got.tables[keys], want.tables[keys])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd"])
def test_headings_numbered_with_the_radical_dot_for_the_enumeration_comma(seed_id):
    # '一丶总体情况': an input method's 丶 (U+4E36) typed for 、 after each section's number.  Before, no such title was a
    # heading (seed 000 kept 4 of its 6 sections, the overview's (一) items taken for sections, requests lost).
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    got = toolkit.parse_text(re.sub(r"^(\s*[一二三四五六七八九十])、", r"\1丶", text, flags=re.M))
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in plain.sections]
    assert got.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])


@pytest.mark.parametrize("written", ["六、存在的困难和问题及改进措施", "六、存在的困难和问题", "六、存在的问题和困难"])
def test_a_pre_2019_problems_heading_naming_the_difficulties_is_the_same_section(written):
    # The pre-2019 seed 003 with its problems heading naming 困难 among the problems, as the modern titles may: before,
    # the heading was no section, its text went into the section before it (sections_missing, unknown_section) and
    # its 8 statements were lost.
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")
    plain, got = toolkit.parse_text(text), toolkit.parse_text(text.replace("六、存在的主要问题和改进措施", written))
    assert got.template == plain.template == "legacy"
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in plain.sections]
    assert got.section("problems").title == written
    assert got.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("subs", [("1.存在问题", "2.改进措施"), ("一、存在问题", "二、改进措施"), ("1、存在问题", "2、改进措施"),
                                  ("一、存在问题", "二、下一步工作打算")])
def test_a_pre_2019_problems_section_s_own_numbered_sub_headings_stay_its_text(subs):
    # The pre-2019 seed 003 with its problems section's sub-headings (一)存在问题 (二)改进措施 numbered 1. 2. or 一、
    # 二、 under its heading 六、: before, 2.改进措施 (numbered below the 六、 before it) was taken for a pre-2019
    # improvements section, the measures cut off the problems section under a heading that is none.
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    got = toolkit.parse_text(text.replace("(一)存在问题", subs[0]).replace("(二)改进措施", subs[1]))
    assert [(s.key, s.title) for s in got.sections] == [(s.key, s.title) for s in plain.sections]
    assert [t for t in got.section("problems").text.split("\n") if t in subs] == list(subs)
    assert got.statements[["kind", "text"]].equals(plain.statements[["kind", "text"]])


@pytest.mark.parametrize("layout", ["lines", "html"])
@pytest.mark.parametrize("subs", [("一、存在的问题", "二、改进措施"), ("一、存在的不足", "二、下一步工作打算")])
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_the_problems_section_s_own_sub_headings_stay_its_text(seed_id, subs, layout, tmp_path):
    # The problems alone or the measures alone name the problems section on a line of their own; numbered 一、 二、
    # under its heading, they are its sub-headings: no section, no unknown_section, its text.
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    k = next(i for i, x in enumerate(lines) if isinstance(x, str) and x.startswith("五、"))
    got = read_as(lines[: k + 1] + [subs[0]] + lines[k + 1 : k + 2] + [subs[1]] + lines[k + 2 :], layout, tmp_path)
    want = read_as(lines, layout, tmp_path)
    assert _outline(got) == _outline(want)
    assert [t.strip() for t in got.section("problems").text.split("\n")
            if t.strip() in subs] == list(subs)
    assert {f.code for f in got.flags} == {f.code for f in want.flags}


_FIRST, _SECOND = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"


def _merged_other(seed_id: str, layout: str, tmp_path, join: str = "和", sub: str | None = None):
    """A seed as read, and as read with its problems heading merging the other section's title (``join`` between
    them) and the other's heading left out (``sub``: put as a sub-heading instead)."""
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    first = next(x for x in lines if isinstance(x, str) and x.startswith("五、"))
    assert _SECOND in lines
    merged = first + join + _SECOND[2:]
    variant = [merged if x == first else sub if x == _SECOND else x for x in lines]
    return read_as(lines, layout, tmp_path), read_as([x for x in variant if x is not None], layout, tmp_path), merged


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("join", ["和", "、", "及"])
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "004_b232cca7e491c758"])
def test_two_sections_merged_in_one_heading(seed_id, join, layout, tmp_path):
    # Two sections' titles joined in one heading over text that does not tell where the second's starts ('暂无',
    # '无'): the heading is the first section's, its whole title kept, the second's text in it, the second flagged
    # merged into it (sections_missing 'other (merged into problems)'; it was named missing as if not written).
    # Before sec26, the second title was the first line of the section's text ('和其他需要报告的事项').
    want, got, merged = _merged_other(seed_id, layout, tmp_path, join)
    assert _outline(got) == [k for k in _outline(want) if k != "other"]
    section = got.section("problems")
    assert section.title.replace(" ", "") == normalize_line(merged)
    parts = [want.section("problems").text, want.section("other").text]
    assert section.text.split() == "\n".join(parts).split()
    cells = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(got.tables[cells], want.tables[cells])
    assert ("sections_missing", "other (merged into problems)") in {(f.code, f.detail) for f in got.flags}


def _same_sections(got, want, title: str) -> None:
    """``got`` reads ``want``'s sections and text, its problems and other sections both under ``title``."""
    assert _outline(got) == _outline(want)
    assert got.section("problems").title == got.section("other").title == title
    assert [s.text for s in got.sections] == [s.text for s in want.sections]
    assert got.section("problems").first_line == got.section("other").first_line
    pd.testing.assert_frame_equal(got.statements.drop(columns="report_id"), want.statements.drop(columns="report_id"))
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("join", ["和", "、", "及", "以及"])
def test_a_merged_heading_is_cut_where_the_other_matters_wording_starts(join, layout, tmp_path):
    # Seed 002's other section reports the information-processing fees, as the 2021 template asks ('本机关按照
    # 《…信息处理费管理办法…》…规定收费标准,本年度没有产生信息公开处理费。'): under a merged heading that sentence
    # was the problems section's last, the other section missing and the fees sentence read as a statement; the
    # section is now cut there, both under the heading, as the seed reads them.
    want, got, merged = _merged_other("002_809f9474e249d214", layout, tmp_path, join)
    _same_sections(got, want, got.section("problems").title)
    assert got.section("problems").title.replace(" ", "") == normalize_line(merged)


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("sub", ["(二)其他需要报告的事项", "(二)其他事项"])
def test_a_merged_heading_is_cut_at_the_other_s_sub_heading(seed_id, sub, layout, tmp_path):
    # The other's title as a sub-heading under the merged heading ('(二)其他需要报告的事项' / '暂无'): it starts the
    # other's text (the sub-heading is its first line), where it was the problems section's text.
    want, got, _ = _merged_other(seed_id, layout, tmp_path, sub=sub)
    assert _outline(got) == _outline(want)
    assert got.section("problems").text == want.section("problems").text
    assert got.section("other").text.split() == [sub, *want.section("other").text.split()]
    assert "sections_missing" not in {f.code for f in got.flags}


@pytest.mark.parametrize("stem", _PINGTAN)
@pytest.mark.parametrize("join", ["和", "、"])
def test_a_merged_heading_in_real_web_page_text(stem, join):
    # The real web pages with the two headings merged ('…五、存在的主要问题及改进情况和其他需要报告的事项(一)存在的主要
    # 问题…六、…' without its own heading): where the other's text holds the template's wording ('2023年,无收取信息
    # 处理费情况。', '…收取信息处理费。') the section is cut at that sentence, both read as the page's own; where it
    # does not ('暂无。', '无。') it stays one, flagged merged.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    assert text.count(_FIRST) == text.count(_SECOND) == 1
    merged = _FIRST + join + _SECOND[2:]
    plain = toolkit.parse_text(text)
    got = toolkit.parse_text(text.replace(_SECOND, "").replace(_FIRST, merged))
    if "信息处理费" in plain.section("other").text:
        _same_sections(got, plain, merged)
    else:
        assert _outline(got) == [k for k in _outline(plain) if k != "other"]
        assert got.section("problems").text == plain.section("problems").text + plain.section("other").text
        assert ("sections_missing", "other (merged into problems)") in {(f.code, f.detail) for f in got.flags}


@pytest.mark.parametrize("other", ["2023年，无收取信息处理费情况。", "暂无。"])
def test_a_problem_about_fees_under_a_merged_heading_stays_a_problem(other):
    # Under '五、存在的主要问题及改进情况和其他需要报告的事项' a problem naming the fees (信息处理费) among the
    # enumerated problems started the other section: it and every measure after it left the problems section,
    # unflagged.  The fees wording now starts the other section only where no item's number comes after it (the
    # page's own '2023年,无收取信息处理费情况。' after the measures); else the section stays one, flagged merged.
    text = (RAW / "pingtan-2023-01.txt").read_text(encoding="utf-8")
    problem = "四是部分申请人对信息处理费收费标准理解不一，解释工作有待加强。"
    text = text.replace("更加“接地气”。", "更加“接地气”。" + problem)
    plain = toolkit.parse_text(text)
    text = text.replace(_FIRST, _FIRST + "和其他需要报告的事项").replace(_SECOND + "2023年，无收取信息处理费情况。", other)
    got = toolkit.parse_text(text)
    assert "加大政务公开检查力度" in got.section("problems").text
    assert normalize_line(problem) in got.section("problems").text
    assert "measure" in set(got.statements["kind"])
    if "信息处理费" in other:
        _same_sections(got, plain, _FIRST + "和其他需要报告的事项")
    else:
        assert ("sections_missing", "other (merged into problems)") in {(f.code, f.detail) for f in got.flags}


def _merged_review(seed_id: str, layout: str, tmp_path, join: str = "及存在的问题", review=None):
    """A seed as read, and as read with its review section's heading merging the problems section's title (the
    problems' heading left out; ``review``: the review section's rows or lines put instead of its table)."""
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    heads = [k for k, x in enumerate(lines) if isinstance(x, str) and x[:2] in ("四、", "五、")]
    assert len(heads) == 2
    first, second = heads
    if review is not None:
        lines = lines[: first + 1] + review + lines[second:]
        second = first + 1 + len(review)
    variant = lines[:first] + [lines[first] + join] + lines[first + 1 : second] + lines[second + 1 :]
    return read_as(lines, layout, tmp_path), read_as(variant, layout, tmp_path)


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "tab", "html"])
@pytest.mark.parametrize("join", ["及存在的问题", "和存在的主要问题及改进情况", "以及存在的不足"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214",
                                     "004_b232cca7e491c758"])
def test_a_review_heading_merging_the_problems_title_heads_both_sections(seed_id, join, layout, tmp_path):
    # '四、政府信息公开行政复议、行政诉讼情况及存在的问题' over the review table and then the problems' text: the
    # section was keyed review_litigation with the problems' text after its table, the problems section missing
    # (sections_missing) and no statement read (seed 000: 3 -> 0).  The heading now heads both: the review section
    # ends with the table's last row of values, the problems section is the text after it, as the seed's.
    want, got = _merged_review(seed_id, layout, tmp_path, join)
    assert _outline(got) == _outline(want)
    review, problems = got.section("review_litigation"), got.section("problems")
    assert review.title == problems.title and review.title.replace(" ", "").endswith(join)
    assert review.text == want.section("review_litigation").text
    assert problems.text == want.section("problems").text
    assert review.first_line == problems.first_line and review.last_line < problems.last_line
    assert len(want.statements) > 0
    pd.testing.assert_frame_equal(got.statements.drop(columns="report_id"), want.statements.drop(columns="report_id"))
    cells = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(got.tables[cells], want.tables[cells])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
def test_a_merged_heading_over_text_alone_is_not_cut(layout, tmp_path):
    # The review section told in a sentence, no table: where the review's text ends and the problems' starts is
    # not told, so the section stays one under the review's key, the problems flagged missing (not guessed).
    review = ["本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"]
    want, got = _merged_review("001_4d29bfef72dd56db", layout, tmp_path, review=review)
    assert _outline(got) == [k for k in _outline(want) if k != "problems"]
    assert got.section("review_litigation").text.split() == \
        "\n".join([want.section("review_litigation").text, want.section("problems").text]).split()
    assert ("sections_missing", "problems (merged into review_litigation)") in {(f.code, f.detail) for f in got.flags}


_SIGNATURE = "泰州市高港区住房和城乡建设局"


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
@pytest.mark.parametrize("tail", ["{end}。 {agency} 2021年1月20日 (联系人:张三,联系电话:0523-86800000) 附件下载",
                                  "{end}。{agency}2021年1月20日",
                                  ["{end}。", "附件：2020年政府信息公开统计表", "{agency}", "2021年1月20日"],
                                  ["{end}。", "附件：", "1.政府信息公开统计表", "2.依申请公开统计表", "{agency}", "2021年1月20日"],
                                  ["{end}。", "附件", "政府信息公开工作年度报告统计表", "{agency}", "2021年1月20日"],
                                  ["{end}。", "{agency}", "2021年1月20日", "附件下载：", "高港区2020年政府信息公开工作年度报告.pdf"],
                                  ["{end}。", "{agency}", "2021年1月20日", "相关附件：", "2020年统计表.xlsx（25.6KB）", "【打印本页】"]],
                         ids=["glued_contact", "glued", "annex_above", "label_over_titles", "label_over_a_title",
                              "file_below", "file_with_size_below"])
def test_the_signature_and_attachment_lines_are_no_text_of_the_last_section(seed_id, tail, layout, tmp_path):
    # The signature glued after the last section's last sentence (web-page text: '…暂无。 XX局 2021年1月20日
    # (联系人:…) 附件下载'), or attachment lines above a signature on lines of its own, or the page's files to download
    # below it ('附件下载：' / '…年度报告.pdf', no footer before): the section's text held them
    # (the statements and the metadata read them apart), now it ends with the report's own text.
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    end = lines[-1].rstrip("。")
    want = read_as(lines[:-1] + [end + "。"], layout, tmp_path)
    parts = [tail] if isinstance(tail, str) else tail
    got = read_as(lines[:-1] + [x.format(end=end, agency=_SIGNATURE) for x in parts], layout, tmp_path)
    assert _outline(got) == _outline(want)
    assert [s.text for s in got.sections] == [s.text for s in want.sections]


@pytest.mark.parametrize("stem", _PINGTAN)
@pytest.mark.parametrize("title, written", [("五、存在的主要问题及改进情况", "五、存在的问题"),
                                            ("五、存在的主要问题及改进情况", "五、存在的不足"),
                                            ("五、存在的主要问题及改进情况", "五、下一步工作打算"),
                                            ("二、主动公开政府信息情况", "二、政府信息主动公开情况")])
def test_titles_of_a_line_of_their_own_glued_between_two_sections_in_web_page_text(stem, title, written):
    # A title that names a section only on a line of its own, glued in the real web pages between the sections
    # numbered one before it and one after it ('…000五、存在的问题2020年，我局…六、其他…'): it was no section (the text
    # in the section before, flagged sections_missing); now it is cut there as the seed's own title is.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    assert text.count(title) == 1
    plain, got = toolkit.parse_text(text), toolkit.parse_text(text.replace(title, written))
    assert _outline(got) == _outline(plain)
    assert written in [s.title for s in got.sections]
    assert [s.text for s in got.sections] == [s.text for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(got.tables[keys], plain.tables[keys])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in plain.flags)


@pytest.mark.parametrize("stem", _PINGTAN)
def test_a_title_glued_between_two_sections_numbered_by_no_numeral_is_no_cut(stem):
    # A title that names a section only on a line of its own, glued between two sections and numbered by no numeral
    # ('…000一二、存在的问题2020年，我局…六、其他…', a slip): parse_text raised TypeError.  Not numbered between them,
    # it is not cut: its text stays in the section before, the problems section flagged missing.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    title, written = "五、存在的主要问题及改进情况", "一二、存在的问题"
    plain, got = toolkit.parse_text(text), toolkit.parse_text(text.replace(title, written))
    assert _outline(got) == [key for key in _outline(plain) if key != "problems"]
    assert got.section("review_litigation").text.endswith(written + plain.section("problems").text)
    assert ("sections_missing", "problems") in [(f.code, f.detail) for f in got.flags]


@pytest.mark.parametrize("stem", _PINGTAN)
@pytest.mark.parametrize("items", ["一、存在的问题", "一、存在的不足", "二、改进措施"])
def test_a_problems_section_s_own_items_glued_in_web_page_text_stay_its_text(stem, items):
    # The same words numbering the problems section's own items glued after its title (not numbered between two
    # sections) stay its text.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    title = "五、存在的主要问题及改进情况"
    plain, got = toolkit.parse_text(text), toolkit.parse_text(text.replace(title, title + items))
    assert _outline(got) == _outline(plain)
    assert got.section("problems").text == items + plain.section("problems").text


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
@pytest.mark.parametrize("note", [["说明：本报告数据统计时限为2020年1月1日至12月31日。"],
                                  ["说明：", "1.本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"]])
def test_a_note_on_the_data_above_the_signature_stays_the_last_section_s_text(note, layout, tmp_path):
    # Not an attachment: a note on the data ending the report is the last section's text (the statements leave it
    # out, the section keeps it), whether or not an attachment's lines follow it.
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    signature = [_SIGNATURE, "2021年1月20日"]
    got = read_as(lines + note + signature, layout, tmp_path)
    annexed = read_as(lines + note + ["附件：", "1.政府信息公开统计表"] + signature, layout, tmp_path)
    assert got.sections[-1].text.split()[-len(note):] == [normalize_line(x) for x in note]
    assert annexed.sections[-1].text == got.sections[-1].text


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-02", "pingtan-2023-03", "pingtan-2023-04"])
def test_a_glued_signature_ends_the_last_section_of_a_web_page(stem):
    # The real web pages whose signature is glued after the last sentence ('…暂无。 平潭综合实验区交通与建设局
    # 2021年1月26日 (联系人:林耀,…) 附件下载'): the last section's text ends before the agency the metadata reads
    # there; the signature was its last words (4 of the 5 pages).
    report = toolkit.parse_report(RAW / f"{stem}.txt")
    text = report.sections[-1].text
    assert report.sections[-1].key == "other" and text.endswith("。")
    assert "平潭综合实验区" not in text[-40:] and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text[-40:])
    assert report.statements["text"].str.contains("平潭综合实验区").sum() == 0


@pytest.mark.parametrize("signature", [[], ["。平潭综合实验区交通与建设局2021年1月26日"]], ids=["unsigned", "glued"])
@pytest.mark.parametrize("fields", [["发布日期：2021-01-30"], ["发布日期：2021-01-30 16:20  浏览次数：12"],
                                    ["信息来源：市住建局", "发布时间：2021年1月30日"], ["【打印本页】【关闭窗口】"]],
                         ids=["date", "date_views", "source_date", "buttons"])
def test_web_page_fields_ending_a_text_without_a_signature_on_lines_of_its_own_are_no_text(signature, fields):
    # The page's fields under the report's last line with no signature on lines of its own above them: none at all
    # ('…无' / '发布日期：2021-01-30'), or one glued after the last sentence ('…无。XX局2021年1月26日' / '发布日期：…').
    # Before, they stayed in the last section's text ('无\n发布日期:2021-01-30'), and the glued signature with them
    # (its date was not the text's last): 8 of 8.  A signature on lines of its own ended the text already.
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").rstrip()
    assert text.endswith("六、其他需要报告的事项\n无")
    plain = toolkit.parse_text(text + "".join(signature) + "\n")
    report = toolkit.parse_text(text + "".join(signature) + "\n" + "\n".join(fields) + "\n")
    assert plain.sections[-1].text == "无" + "".join(signature)[:1]
    assert report.sections[-1].text == plain.sections[-1].text
    assert report.metadata["published"] == "2021-01-30" or "发布" not in "".join(fields)



@pytest.mark.parametrize("above", [["（此页无正文）"], ["(本页无正文)"], ["【此页无正文】"], ["（此页无正文，为盖章页）"], ["- 3 -"], ["", "第 3 页", ""],
                                   ["- 3 -", "（此页无正文）"]])
def test_page_furniture_right_above_the_signature_is_no_text(above):
    # A printed report's signature on a page of its own: the page break ('- 3 -') and the note such a page carries,
    # '（此页无正文）' ("this page has no text"), stood between the last sentence and the signature and stayed the last
    # section's last lines ('无\n\n(此页无正文)').  They are page furniture: the section ends at its last sentence.
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").rstrip()
    assert text.endswith("六、其他需要报告的事项\n无")
    signature = "\n驻马店市交通运输局\n2021年1月30日\n"
    plain = toolkit.parse_text(text + signature)
    report = toolkit.parse_text(text + "\n" + "\n".join(above) + signature)
    assert plain.sections[-1].text == "无"
    assert report.sections[-1].text == "无"
    assert report.metadata == plain.metadata

@pytest.mark.parametrize("mark, page_mark", [
    ("3 of 5", True), ("(3/5)", True), ("（3/5）", True), ("页码：3/5", True), ("页码:3", True),
    # (a mark that says it is one is the page's whatever its numbers: a Word footer's page field started past 1)
    ("- 7 of 5 -", True), ("第7页 共5页", True), ("- 7 / 5 -", True), ("页码：7/5", True),
    # (bare numbers out of order are a cell's or a ratio's, no page mark; nor is a ratio in a sentence)
    ("7 of 5", False), ("(7/5)", False), ("7/5", False), ("3/5的申请已办结", False)])
def test_a_page_mark_of_the_count_right_above_the_signature_is_no_text(mark, page_mark):
    # Seed 004 with its signature on a page of its own, the page break '3 of 5' (an English browser's print
    # footer), '(3/5)' or '页码：3/5' (a Word footer's): they were read as text, the last section's last line
    # ('无\n3 of 5'), while '- 7 / 5 -' was text and '- 7 of 5 -' a page mark.
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").rstrip()
    assert text.endswith("六、其他需要报告的事项\n无")
    report = toolkit.parse_text(text + f"\n{mark}\n驻马店市交通运输局\n2021年1月30日\n")
    assert report.sections[-1].text == ("无" if page_mark else f"无\n{normalize_line(mark)}")
    assert is_page_furniture(normalize_line(mark)) is page_mark


@pytest.mark.parametrize("stem", _PINGTAN)
def test_merged_and_question_headings_glued_in_web_page_text(stem):
    # The same headings glued to their text in the real web pages: the question is the problems section's heading
    # (it was none: sections_missing), and the merged heading keeps the other section's title out of the text
    # (the text started '和其他需要报告的事项…'; where its text is cut: test_a_merged_heading_in_real_web_page_text).
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    problems, other = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"
    assert text.count(problems) == text.count(other) == 1
    plain = toolkit.parse_text(text)
    asked = toolkit.parse_text(text.replace(problems, "五、存在哪些主要问题？如何改进？"))
    assert _outline(asked) == _outline(plain)
    assert asked.section("problems").title == "五、存在哪些主要问题?如何改进?"
    assert asked.section("problems").text == plain.section("problems").text
    merged = toolkit.parse_text(text.replace(problems, problems + "和" + other[2:]).replace(other, ""))
    assert merged.section("problems").title == problems + "和" + other[2:]
    both = plain.section("problems").text + plain.section("other").text
    got = "".join(s.text for s in merged.sections if s.key in ("problems", "other"))
    assert "".join(got.split()) == "".join(both.split())


# an agency's name glued without a date after the last section's last 。 (test_statements.py's _GLUED_UNDATED), and
# what stays the section's words (a name opening with no place, a sentence's words, a name after a '；')
_UNDATED_AGENCIES = ["市交通运输局", "平潭综合实验区交通与建设局", "贵阳市乌当区人民政府办公室（盖章）", " 区政府办公室 附件下载",
                     "中共乌当区委办公室"]
_UNDATED_TEXT = ["。交通运输局", "。报区政府办公室", "；区政府办公室"]


def _problems_last_lines(seed: str) -> list:
    """The seed as reader lines, cut before the section after its problems section (which ends the report)."""
    from test_formats import _as_lines

    report = toolkit.parse_report(RAW / f"{seed}.txt")
    lines = _as_lines(report)
    keys = [s.key for s in report.sections]
    lines = lines[: lines.index(report.sections[keys.index("problems") + 1].title)]
    assert isinstance(lines[-1], str) and lines[-1].endswith("。")
    return lines


def _last_sentence_glued(seed: str, ending: str, layout: str, tmp_path) -> tuple:
    """The seed's problems section ending the report, read in ``layout`` as written and with ``ending`` glued after
    its last sentence (its last 。 replaced by ``ending``'s first character where that is a stop)."""
    from test_tables import read_as

    lines = _problems_last_lines(seed)
    last = lines[-1][:-1] if ending[0] in "。；，" else lines[-1]
    return read_as(lines, layout, tmp_path), read_as([*lines[:-1], last + ending], layout, tmp_path)


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", [s for s in SEED_IDS if not s.startswith("003")])  # (003: its notes lack a title)
@pytest.mark.parametrize("name", _UNDATED_AGENCIES)
def test_an_agency_glued_without_a_date_ends_the_last_section(seed, name, layout, tmp_path):
    # '…进一步提升公开质量。市交通运输局' (a web page's copy): the statements left the name out of the last statement
    # (metadata._glued_agency), the sections kept it as the last section's words (sections.csv, Report.section):
    # the section now ends where the statements do, by the same rule; keys, titles and statements as without it
    # (100 of 100 wrong on 9b7deb0).
    plain, glued = _last_sentence_glued(seed, name, layout, tmp_path)
    assert _outline(glued) == _outline(plain)
    assert [s.title for s in glued.sections] == [s.title for s in plain.sections]
    assert glued.section("problems").text == plain.section("problems").text
    assert glued.statements.equals(plain.statements)
    # the metadata read from it as from the name on a line of its own (a province: 贵阳市…)
    from test_tables import read_as

    assert glued.metadata == read_as([*_problems_last_lines(seed), name.strip()], layout, tmp_path).metadata


@pytest.mark.parametrize("layout", ["pipe_rows", "html"])
@pytest.mark.parametrize("seed", [s for s in SEED_IDS if not s.startswith("003")])
@pytest.mark.parametrize("ending", _UNDATED_TEXT)
def test_words_glued_without_a_date_that_are_no_certain_agency_stay_the_section_s(seed, ending, layout, tmp_path):
    # Controls: the glued words stay the problems section's text and the last statement's.
    plain, got = _last_sentence_glued(seed, ending, layout, tmp_path)
    assert _outline(got) == _outline(plain)
    text = "".join(got.section("problems").text.split())
    assert text.endswith(normalize_line(ending)) and len(text) > len("".join(plain.section("problems").text.split()))
    assert got.statements["text"].iloc[-1].endswith(normalize_line(ending[1:]))


# --- a signature without its date wrapped over two lines at the text's end (helper meta3) ------------------------


_UNDATED_NAME = "平潭综合实验区经济发展局"
# (words glued onto the section's last line, lines after it): the name wrapped where a narrow copy or a PDF broke it,
# with the seal's place or a page number, on one line of its own, or glued after the last sentence and wrapped
_UNDATED_WRAPS = [("", ["平潭综合实", "验区经济发展局"]), ("", ["平潭综合实验区经济发", "展局"]),
                  ("", ["平潭综合实验区", "经济发展局"]), ("", ["平潭综合实", "验区经济发展局（盖章）"]),
                  ("", ["平潭综合实", "- 3 -", "验区经济发展局"]), ("", [_UNDATED_NAME]),
                  ("平潭综合实", ["验区经济发展局"])]
# controls: a name opening with no place the gazetteer knows, and a name after a sentence's words it may end
_UNDATED_NOT_CERTAIN = [("", ["经济发", "展局"]), ("", ["交通运", "输局"]), ("", ["工作由", _UNDATED_NAME])]


def _undated_ending(seed: str, glued: str, after: list[str], layout: str, tmp_path) -> tuple:
    """The seed's problems section ending the report, read in ``layout`` as written and with ``glued`` glued onto its
    last line and the lines ``after`` after it."""
    from test_tables import read_as

    lines = _problems_last_lines(seed)
    return read_as(lines, layout, tmp_path), read_as([*lines[:-1], lines[-1] + glued, *after], layout, tmp_path)


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", [s for s in SEED_IDS if s.startswith(("000", "001", "002", "004"))])
@pytest.mark.parametrize("glued, after", _UNDATED_WRAPS, ids=[f"wrap{i}" for i in range(len(_UNDATED_WRAPS))])
def test_an_undated_signature_wrapped_at_the_texts_end_is_read(seed, glued, after, layout, tmp_path):
    # A signature without its date whose agency a wrap broke over two lines ('平潭综合实' / '验区经济发展局') stayed
    # the problems section's text and its last statement's ('…深入。平潭综合实验区经济发展局'), and its agency was not
    # read (dated, the wrap was read: '平潭综合实验区' / '经济发展局2024年1月29日'); on one line of its own the name
    # stayed the section's words too.  Now the joined name, certain (it opens with a place the gazetteer knows and
    # ends as a body's name does, only the seal's place or the page's furniture after it), ends the section: keys,
    # titles, the problems' text and statements as without it, the agency the signature's.
    plain, got = _undated_ending(seed, glued, after, layout, tmp_path)
    assert _outline(got) == _outline(plain)
    assert [s.title for s in got.sections] == [s.title for s in plain.sections]
    assert got.section("problems").text == plain.section("problems").text
    assert got.statements.equals(plain.statements)
    from toolkit import metadata

    assert metadata._signature(got.lines) == (_UNDATED_NAME, None)
    assert got.metadata["agency"] == (plain.metadata["agency"] or _UNDATED_NAME)
    assert got.metadata["published"] == plain.metadata["published"]


@pytest.mark.parametrize("layout", ["pipe_rows", "html"])
@pytest.mark.parametrize("seed", [s for s in SEED_IDS if s.startswith(("000", "001", "002", "004"))])
@pytest.mark.parametrize("glued, after", _UNDATED_NOT_CERTAIN, ids=["no_place", "no_place2", "after_words"])
def test_words_wrapped_without_a_date_that_are_no_certain_agency_stay_the_section_s(seed, glued, after, layout,
                                                                                   tmp_path):
    # Controls: the words stay the problems section's text and the last statement's; no agency is read from them.
    plain, got = _undated_ending(seed, glued, after, layout, tmp_path)
    assert _outline(got) == _outline(plain)
    text = "".join(got.section("problems").text.split())
    assert text.endswith("".join(after))
    assert got.statements["text"].iloc[-1].endswith("".join(after))
    from toolkit import metadata

    assert metadata._signature(got.lines) == (None, None)
    assert got.metadata["agency"] == plain.metadata["agency"]


def _glued_onto_line_before(seed: str, title_start: str, mark: str, into_cell: bool = False) -> tuple[list, list]:
    """The seed as reader lines, and so with its section title starting ``title_start`` glued onto the line before
    it, its number marked ``mark`` rather than 、: onto the last sentence of a line of text, or with ``into_cell``
    (the title and the text line after it) into the last cell of the table row before it."""
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed}.txt"))
    i = next(k for k, x in enumerate(lines) if isinstance(x, str) and x.startswith(title_start))
    title = lines[i].replace("、", mark, 1)
    if into_cell:
        assert isinstance(lines[i - 1], list) and isinstance(lines[i + 1], str)
        row = [*lines[i - 1][:-1], lines[i - 1][-1] + title + lines[i + 1]]
        return lines, [*lines[:i - 1], row, *lines[i + 2:]]
    assert isinstance(lines[i - 1], str) and lines[i - 1].endswith("。")
    return lines, [*lines[:i - 1], lines[i - 1] + title, *lines[i + 1:]]


_PROSE_BEFORE_OTHER = ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"]


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", _PROSE_BEFORE_OTHER)
@pytest.mark.parametrize("mark", [".", "．", "，"])
def test_a_title_numbered_with_a_point_glued_after_a_sentence_is_found(seed, mark, layout, tmp_path):
    # '…引向深入。六.其他需要报告的事项' (六． or 六， as written): formats.yaml's glued titles took a number marked
    # 、 only, so the section was lost (sections_missing), its title and text the problems section's.  Now a title so
    # numbered cuts right after a sentence's end, numbered one more than the title before it: the report reads as
    # with the title on a line of its own.
    from test_tables import read_as

    lines, glued = _glued_onto_line_before(seed, "六、", mark)
    plain, got = read_as(lines, layout, tmp_path), read_as(glued, layout, tmp_path)
    assert _outline(got) == _outline(plain) and "other" in _outline(got)
    assert [s.title.replace(normalize_line(mark), "、") for s in got.sections] == [s.title for s in plain.sections]
    assert [s.text for s in got.sections] == [s.text for s in plain.sections]
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("layout", ["pipe_rows", "html"])
@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "004_b232cca7e491c758"])
@pytest.mark.parametrize("words", ['按照"六.其他需要报告的事项"的要求报告。',  # quoted: no sentence's end before it
                                   "报告如下,六.其他需要报告的事项无。",  # after a comma
                                   "。五.其他需要报告的事项无。",  # numbered as the title before it: out of order
                                   "。八.其他需要报告的事项无。",
                                   "。1.其他需要报告的事项无。", "。6.5其他需要报告的事项无。"])  # an item, a decimal
def test_a_title_numbered_with_a_point_out_of_place_is_no_cut(seed, words, layout, tmp_path):
    # Controls: the same words glued where no section title stands stay the problems section's text.
    from test_tables import read_as

    lines = _problems_last_lines(seed)
    plain = read_as(lines, layout, tmp_path)
    got = read_as([*lines[:-1], lines[-1] + words], layout, tmp_path)
    assert _outline(got) == _outline(plain)
    assert "".join(got.section("problems").text.split()).endswith(normalize_line(words).replace(" ", ""))


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214"])
@pytest.mark.parametrize("mark", ["、", ".", "．", "，"])
def test_a_title_glued_into_a_table_row_s_last_cell_leaves_the_row_s_marks(seed, mark, layout, tmp_path):
    # '| … | 0 | 0五、存在的主要问题及改进情况经过…引向深入。 |': the problems text kept the row's closing pipe
    # ('…引向深入。 |'), in pipe rows and in pipe cells (a cell a line).  A section's text holds no cell marks of a
    # table it does not hold: the text as with the title on a line of its own.  Numbered 五. (五．, 五， as written)
    # after the row's last value, which no sentence ends, it was no cut: the section missing, flagged
    # sections_missing, its title and text the review section's.  It cuts there now, as after a sentence's end; in
    # a web page's row the cell's value before the title is read (the whole cell was, flagged not_a_number).
    from test_tables import read_as

    lines, glued = _glued_onto_line_before(seed, "五、", mark, into_cell=True)
    plain, got = read_as(lines, layout, tmp_path), read_as(glued, layout, tmp_path)
    assert _outline(got) == _outline(plain)
    assert got.section("problems").title.replace(normalize_line(mark), "、", 1) == plain.section("problems").title
    # (tab text: the blank line after the glued row stands inside the text, where a row of it stood before)
    filled = [[x for x in r.section("problems").text.split("\n") if x.strip()] for r in (got, plain)]
    assert filled[0] == filled[1]
    assert "|" not in got.section("problems").text
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(got.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("layout", ["pipe_rows", "html"])
@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214"])
@pytest.mark.parametrize("mark", ["、", "."])
@pytest.mark.parametrize("after", [1, 2])
def test_a_title_glued_into_a_table_row_s_middle_cell_leaves_the_row_its_values(seed, mark, after, layout, tmp_path):
    # '| … | 0 | 0五、存在的主要问题…引向深入。 | 1 |': the title and its text in a middle cell of the review table's
    # last row, ``after`` values after it.  The problems text ended in the row's cells ('…引向深入。 | 1 |') and the
    # row lost them (ragged; in a web page the cell's text read as the value, flagged not_a_number).  They are the
    # row's values: the row and the section as with the title on a line of its own.
    from test_formats import _as_lines
    from test_tables import read_as

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed}.txt"))
    i = next(k for k, x in enumerate(lines) if isinstance(x, str) and x.startswith("五、"))
    row, title = lines[i - 1], lines[i].replace("、", mark, 1)
    assert isinstance(row, list) and all(re.fullmatch(r"\d+", c) for c in row[-after - 1:])
    cut = [*row[:-after - 1], row[-after - 1] + title + lines[i + 1], *row[-after:]]
    plain, got = read_as(lines, layout, tmp_path), read_as([*lines[:i - 1], cut, *lines[i + 2:]], layout, tmp_path)
    assert _outline(got) == _outline(plain)
    assert got.section("problems").text == plain.section("problems").text
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(got.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db"])
@pytest.mark.parametrize("words", ["全年共受理3六.其他需要报告的事项无。",  # a digit in prose
                                   ["3六.其他需要报告的事项无。"],  # starting a line of prose, not a cell
                                   [["完成时限", "2021.1.26六.其他需要报告的事项无。"]],  # a date in a cell
                                   [["项目", "3五.其他需要报告的事项无。"]]])  # a cell's number: out of order
def test_a_title_numbered_with_a_point_after_no_row_value_is_no_cut(seed, words, layout, tmp_path):
    # Controls: a title numbered 六. glued after a digit that ends no table row's value (a sentence's, a line of
    # prose's first, a date's in a cell), or after a cell's number but out of order, stays the problems section's.
    from test_tables import read_as

    lines = _problems_last_lines(seed)
    glued = [*lines[:-1], lines[-1] + words] if isinstance(words, str) else [*lines, *words]
    plain, got = read_as(lines, layout, tmp_path), read_as(glued, layout, tmp_path)
    assert _outline(got) == _outline(plain)
    text = got.section("problems").text
    assert "其他需要报告的事项无" in text and got.section("problems").title == plain.section("problems").title

_SIGNED = ["平潭综合实验区交通与建设局", "2021年1月26日"]


def _legacy_appendix() -> tuple[list, list]:
    """Seed 003's statistics table (its header and rows, renderer rows) and its cells as seed 003 reads them."""
    from test_legacy import SEED, _legacy, _seed_lines, _table_at

    lines = _seed_lines()
    start, end = _table_at(lines)
    return lines[start:end], _legacy(toolkit.parse_report(SEED), ["row_key", "col_key", "value"])


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html"])
@pytest.mark.parametrize("seed", [s for s in SEED_IDS if not s.startswith("003")])
@pytest.mark.parametrize("lead", [[], ["2017年政府信息公开情况统计表"], ["附件：2017年政府信息公开情况统计表"], None])
def test_a_statistics_table_after_a_modern_report_s_signature_is_its_appendix(seed, lead, layout, tmp_path):
    # A pre-2019 statistics table (seed 003's) after a 2019 report's signature, with no 附件 line before it (its
    # title ending in 表, its header '统 计 指 标 | 单位 | 统计数' first, or with ``lead`` None no header, its block
    # heading '一、主动公开情况' first): the table and the signature were the last section's text, the signature no
    # signature (published and agency None); in seed 004 (sections numbered 一、 2、 3、 四、) the headerless table's
    # block headings were its sections (active '一、主动公开情况', requests '三、依申请公开情况').  Now the title, the
    # header or the block heading starts the appendix, as 附件 does: the sections and metadata as without it, and
    # the table read from the appendix as seed 003 reads it (after 附件 it was not read, flagged table_missing).
    from test_formats import _as_lines
    from test_legacy import _legacy
    from test_tables import read_as

    table, cells = _legacy_appendix()
    table = table[1:] if lead is None else [*lead, *table]
    lines = [*_as_lines(toolkit.parse_report(RAW / f"{seed}.txt")), *_SIGNED]
    plain, got = read_as(lines, layout, tmp_path), read_as([*lines, *table], layout, tmp_path)
    assert [(s.key, s.title, s.text) for s in got.sections] == [(s.key, s.title, s.text) for s in plain.sections]
    assert got.metadata["published"] == plain.metadata["published"] == "2021-01-26"
    assert got.metadata["agency"] == plain.metadata["agency"] is not None
    if lead is None and layout == "tab":  # (tab text's rows of a table with no header are not read: flagged, as
        assert "table_missing" in {f.code for f in got.flags}  # on e2d21a3 with the table in the last section)
        return
    assert _legacy(got, ["row_key", "col_key", "value"]) == cells
    assert "table_missing" not in {f.code for f in got.flags}


@pytest.mark.parametrize("layout", ["pipe_rows", "lines"])
@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db"])
def test_a_statistics_table_before_the_signature_stays_the_last_section_s(seed, layout, tmp_path):
    # Control: the same title and table above the signature are the last section's (no signature ends the text
    # before them), the signature still read.
    from test_formats import _as_lines
    from test_tables import read_as

    table, _ = _legacy_appendix()
    lines = _as_lines(toolkit.parse_report(RAW / f"{seed}.txt"))
    got = read_as([*lines, "2017年政府信息公开情况统计表", *table, *_SIGNED], layout, tmp_path)
    text = got.sections[-1].text
    assert "2017年政府信息公开情况统计表" in text and "一、主动公开情况" in text
    assert got.metadata["published"] == "2021-01-26"


def test_a_long_run_of_spaces_in_a_line_is_read_at_once():
    # The heading pattern tried a run of spaces space by space, at every end of the title it tried, in time cubic
    # in the run: a line of '总', 3,000 spaces, '体情况', 3,000 spaces took 5 minutes to split and outline (90 s
    # in parse_text), one of 1,000 spaces each 8 s.  Now the run is taken whole.
    from toolkit.sections import find_outline, split_segments

    find_outline(split_segments(["一、总体情况", "无"]))  # (the modules find_outline imports, loaded before timing)
    # (runs inside a line and at its end: a PDF's layout text, a table set with spaces)
    lines = ["一、总体情况", "总{0}体情况{0}".format(" " * 1_000), "二、主动公开政府信息情况", "无"]
    start = time.perf_counter()
    outline = find_outline(split_segments(lines))
    assert time.perf_counter() - start < 2
    assert [s.key for s in outline.sections] == ["overview", "active"]


_HEADING_WORDS = [" ", "\t", "\u3000", "一", "十", "、", "(", ")", "[", "]", "。", ".", ":", ";", ",", "1", "12",
                  "I", "第", "部分", "章", "总体情况", "其他需要报告的事项", "x", "\n"]


@settings(max_examples=scaled(3000), deadline=None)
@given(st.lists(st.sampled_from(_HEADING_WORDS), max_size=14).map("".join))
def test_the_heading_pattern_reads_a_line_as_its_plain_form(text):
    # sections._HEADING takes runs of spaces whole (possessive, as one piece of the title) to read a long run at
    # once; it must match, number and title, as its plain form with every space given back one by one.  A change
    # to either end of the title (a run of spaces that can end it, a newline it can cross) would fail here.
    from toolkit.sections import _HEADING

    from toolkit.sections import _AFTER_NUM, _BEFORE_TITLE, _LEAD

    # (and the spaces before and after the number taken whole where a non-space follows them, given back in the
    # plain form)
    plain = re.compile(_HEADING.pattern.replace(r"(?P<title>(?:[^\S\n]++|\S)+?)\s*+[。.:;]?\s*+$",
                                                r"(?P<title>.+?)\s*[。.:;]?\s*$")
                       .replace(f"^{_LEAD}", r"^\s*", 1).replace(_BEFORE_TITLE, _AFTER_NUM, 1))
    assert _LEAD not in plain.pattern and _BEFORE_TITLE not in plain.pattern
    assert plain.pattern != _HEADING.pattern
    fast, slow = _HEADING.match(text), plain.match(text)
    assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


def _heading_lead() -> tuple[str, str]:
    """sections._HEADING's pattern before its number, and from its number to its title."""
    from toolkit.sections import _HEADING

    pattern = _HEADING.pattern
    return pattern[:pattern.index("(?P<num>")], pattern[pattern.index("(?P<num>"):pattern.index("(?P<title>")]


@pytest.mark.parametrize("line", ["{}x{}", "一、{}x{}", "(一){}总体情况{}", "第一部分{}总体情况", "{}一、{}总体情况"])
@pytest.mark.parametrize("space", [" ", "\t", "\u3000", " \n"])
def test_the_spaces_before_a_heading_s_title_are_not_given_back(line, space):
    # sections._HEADING gave back the spaces before a line's number, and those after it, one by one, two runs split
    # every way: ' '*700 + 'x' + ' '*700 + '\ny' took 6 s to fail, cubic, and 10,000 newlines 18 s.  Where a
    # non-space follows them they are taken whole (a title starting inside them matches only where the one after
    # them does): the pattern up to the title never ends on a space there, so nothing is tried space by space.
    lead, number = _heading_lead()
    text = line.format(space * 50, space * 50)
    assert re.match(rf"{lead}\s", text) is None
    assert re.match(rf"{lead}{number}\s", text) is None


def test_a_line_of_spaces_alone_is_still_a_heading_of_one_space():
    # (where only spaces stand the last one not a newline is the title, as the plain form gives it, found from the
    # end: 10,000 newlines are no heading, nor is a line of a number and 、 alone read otherwise)
    from toolkit.sections import _HEADING

    lead, _ = _heading_lead()
    for text, title in [("   ", " "), (" \t\n", "\t"), ("\u3000\n\n", "\u3000"), ("一、 ", " "), ("(一)、", "、")]:
        assert _HEADING.match(text)["title"] == title
    assert _HEADING.match("\n" * 10_000) is None
    assert re.match(rf"{lead}(?=\n)", "\n" * 10_000) is None  # (no newline tried as the title's start)


def test_a_line_of_ten_thousand_spaces_leaves_the_sections_as_they_were():
    # (seed 004 with a line of 10,000 spaces, or 700 spaces, 'x', 700 spaces, between its headings: the same sections)
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    plain = [(s.key, s.text) for s in toolkit.parse_text(text).sections]
    for extra in (" " * 10_000, " " * 700 + "x" + " " * 700):
        spaced = toolkit.parse_text("\n".join([*lines[:3], extra, *lines[3:]]))
        assert [s.key for s in spaced.sections] == [key for key, _ in plain]


@pytest.mark.parametrize("page", ["  3", " 12", "\t5", "　7", "—3—", " - 3 -", "-3-", "第3页", " 第 3 页 共 6 页", " 3/6"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd",
                                     "004_b232cca7e491c758"])
def test_a_page_number_after_a_heading_is_no_text_of_its_section(seed_id, page):
    # PDF text (or a heading copied with its contents' page number) puts a page number after the title on its
    # line ('一、总体情况  3'): the section was found but the '3' was read as text glued after its title, opening
    # the section's text ('3\n2020年，…').  A page footer glued so ('四、…诉讼的情况—3—') kept '—' in the title and
    # opened the text with '3—' ('- 3 -', '第3页' likewise).
    plain, paged = _sections_with_headings_edited(seed_id, lambda heading: heading + page)
    assert paged == plain


def _sections_with_headings_edited(seed_id: str, edit) -> tuple[list, list]:
    """(key, title, text) of the sections of seed ``seed_id``, as written and with each heading line edited."""
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    plain = toolkit.parse_text("\n".join(lines))
    for section in plain.sections:
        lines[section.first_line - 1] = edit(lines[section.first_line - 1])
    edited = toolkit.parse_text("\n".join(lines))
    return [(s.key, s.title, s.text) for s in plain.sections], [(s.key, s.title, s.text) for s in edited.sections]


def test_many_headings_that_could_open_a_report_are_outlined_at_once(monkeypatch):
    # Every heading numbered 一 of an opening title may start a second report: the outlines of the text before it
    # and after it were sought at each, in time quadratic in them (400 lines '一、总体情况' took 2.6 s, 800 about
    # 10 s).  Now they are sought only where enough sections are named on both sides: the outlines sought are
    # counted (not timed: a loaded machine would make a time bound flaky), a few, not one or two per line.
    import toolkit.sections as sections

    calls = []
    best = sections._best_outline
    monkeypatch.setattr(sections, "_best_outline", lambda *args, **kw: calls.append(1) or best(*args, **kw))
    report = ["一、总体情况", "无。", "二、主动公开政府信息情况", "无。", "三、收到和处理政府信息公开申请情况", "无。",
              "四、政府信息公开行政复议、行政诉讼情况", "无。", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    for lines in (["一、总体情况"] * 800 + report, report + ["一、总体情况"] * 800):
        calls.clear()
        outline = sections.find_outline(sections.split_segments(lines))
        assert len(calls) < 10
        assert [s.key for s in outline.sections] == ["overview", "active", "requests", "review_litigation",
                                                     "problems", "other"]


@pytest.mark.parametrize("form", ["**{}**", "__{}__", "## {}", "### **{}**"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_markdown_marks_around_a_heading_leave_it_a_heading(seed_id, form):
    # A web page saved as Markdown sets its headings bold ('**一、总体情况**') or as headings ('## 二、…'): in bold no
    # section was found at all (sections_not_found), and a heading's hashes were cut off into the text of the
    # section before ('…\n##').
    plain, marked = _sections_with_headings_edited(seed_id, form.format)
    assert marked == plain


@pytest.mark.parametrize("month", ["2024年2月", "2024 年 2 月", "二〇二四年二月"])
@pytest.mark.parametrize("between", [[], ["（盖章）"], ["- 5 -"]])
def test_a_signature_dated_by_its_month_ends_the_last_section(month, between):
    # A signature dated by its year and month only ('伊州区住房和城乡建设局' / '2024年2月'): read as no signature, both
    # lines were the last section's text and its statements'.  Now the name ends the section as a dated one does;
    # the report's date is unknown (no day), its agency the same.
    lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert lines[-1] == "2024年2月17日"
    plain = toolkit.parse_text("\n".join(lines))
    got = toolkit.parse_text("\n".join([*lines[:-2], lines[-2], *between, month]))
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in plain.sections]
    assert got.statements.equals(plain.statements)
    assert got.metadata["agency"] == plain.metadata["agency"]
    assert got.metadata["published"] is None
    # (a sentence's date wrapped onto the last line, no name above it, stays the section's)
    wrapped = toolkit.parse_text("\n".join([*lines[:-2], "整改时限为", month]))
    assert wrapped.sections[-1].text.endswith(f"整改时限为\n{normalize_line(month)}")


@pytest.mark.parametrize("month", ["2024年2月", "二〇二四年二月"])
@pytest.mark.parametrize("sep", [" ", "\u3000\u3000", ""], ids=["space", "ideographic_spaces", "glued"])
def test_a_signature_dated_by_its_month_on_the_name_s_line_ends_the_last_section(month, sep):
    # The same signature on one line ('伊州区住房和城乡建设局 2024年2月'): the year and month were read as a signature's
    # only alone on the line under the name, so the line stayed the last section's text and statements.
    lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    plain = toolkit.parse_text("\n".join(lines))
    got = toolkit.parse_text("\n".join([*lines[:-2], lines[-2] + sep + month]))
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in plain.sections]
    assert got.statements.equals(plain.statements)
    assert got.metadata["agency"] == plain.metadata["agency"]
    assert got.metadata["published"] is None
    # (a sentence ending in a year and month stays the section's)
    sentence = toolkit.parse_text("\n".join([*lines[:-2], "整改工作将持续到" + month]))
    assert sentence.sections[-1].text.endswith("整改工作将持续到" + normalize_line(month))


@pytest.mark.parametrize("form", ["（{}）、", "({})、"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db"])
def test_a_bracketed_number_and_a_dun_before_a_title_leave_it_a_heading(seed_id, form):
    # Sections numbered '（一）、总体情况' (a bracket and a 、 both, as some reports write them, or '①、' after NFKC):
    # the 、 was read as the title's first character, so the titles named no section; only those whose patterns
    # allow words before them were found (four of six sections lost, their text in the section before).
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    plain = toolkit.parse_text("\n".join(lines))
    for section in plain.sections:
        at = section.first_line - 1
        lines[at] = re.sub(r"^\s*([一二三四五六])、\s*", lambda m: form.format(m[1]), lines[at])
    got = toolkit.parse_text("\n".join(lines))
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in plain.sections]
    assert [s.title for s in got.sections] == [normalize_line(lines[s.first_line - 1]).strip() for s in plain.sections]


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_doubled_dun_after_a_heading_s_number_leaves_it_a_heading(seed_id):
    # A typo doubling the 、 after a section's number ('五、、其他需要报告的事项'): the second 、 was read as the
    # title's first character, so the title named no section; the section was lost, its text in the one before.
    plain, doubled = _sections_with_headings_edited(seed_id, lambda h: re.sub(r"^(\s*[一二三四五六七八九十]+、)",
                                                                                r"\1、", h))
    assert [(key, text) for key, _, text in doubled] == [(key, text) for key, _, text in plain]
    assert any("、、" in title for _, title, _ in doubled)


def _headings_glued_after_sentences(lines: list[str], heads: set[int], edit) -> list:
    """(key, title, text) of the sections of ``lines`` with each heading at ``heads`` (0-based) edited and glued after the
    last sentence before it (the blank lines between dropped), as web-page text runs them on."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in heads:
            while out and not out[-1].strip():
                out.pop()
            if out and out[-1].endswith("。"):
                out[-1] += edit(line)
                continue
        out.append(line)
    return [(s.key, s.title, s.text) for s in toolkit.parse_text("\n".join(out)).sections]


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd"])
def test_a_doubled_dun_in_a_heading_glued_after_a_sentence_cuts_it(seed_id):
    # The doubled 、 ('…。五、、其他需要报告的事项') was read on a line of its own, not in glued text: the glued title was
    # not cut, its section lost, its text in the section before.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    heads = {s.first_line - 1 for s in toolkit.parse_text("\n".join(lines)).sections}
    plain = _headings_glued_after_sentences(lines, heads, lambda h: h)
    doubled = _headings_glued_after_sentences(lines, heads, lambda h: re.sub(r"^(\s*[一二三四五六七八九十]+、)", r"\1、", h))
    assert [(key, title.replace("、、", "、"), text) for key, title, text in doubled] == plain
    assert sum("、、" in title for _, title, _ in doubled) >= 2  # (glued titles doubled and cut)


def _text_glued_after_headings(seed_id: str, sep: str, edit=str.rstrip) -> list:
    """(key, text) of the sections of seed ``seed_id`` with each heading's first line of text glued after it by
    ``sep`` ('一、总体情况——2020年,…'), the heading edited by ``edit`` first."""
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    for section in reversed(toolkit.parse_text("\n".join(lines)).sections):
        at = nxt = section.first_line - 1
        nxt += 1
        while nxt < len(lines) and not lines[nxt].strip():
            nxt += 1
        if nxt < len(lines) and section.text and "|" not in lines[nxt]:
            lines[at:nxt + 1] = [edit(lines[at].rstrip()) + sep + lines[nxt].strip()]
    return [(s.key, s.text) for s in toolkit.parse_text("\n".join(lines)).sections]


@pytest.mark.parametrize("dash", ["——", "—"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_dash_after_a_heading_is_no_text_of_its_section(seed_id, dash):
    # A dash after a heading's title ('一、总体情况——', '一、总体情况——2020年,我局…') sets it apart from its text as a
    # colon does: it was read as the text's first characters ('——2020年,…').
    plain, dashed = _sections_with_headings_edited(seed_id, lambda h: h.rstrip() + dash)
    assert [(key, text) for key, _, text in dashed] == [(key, text) for key, _, text in plain]
    assert _text_glued_after_headings(seed_id, dash) == _text_glued_after_headings(seed_id, ":")


@pytest.mark.parametrize("number", ["、", "，"])
@pytest.mark.parametrize("mark", ["。", ":", "：", "，", ";"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_the_mark_between_a_heading_and_its_glued_text_is_no_part_of_its_title(seed_id, mark, number):
    # Text glued after a heading by a mark ('一、总体情况。本机关…', '一，总体情况:…'): the section's title kept the
    # mark ('一、总体情况。' in sections.csv's title), though the text after it was read as the section's.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    plain = toolkit.parse_text("\n".join(lines))
    want = plain.sections_frame()["title"].tolist()
    for n, section in reversed(list(enumerate(plain.sections))):
        at = nxt = section.first_line - 1
        nxt += 1
        while nxt < len(lines) and not lines[nxt].strip():
            nxt += 1
        if nxt < len(lines) and section.text and "|" not in lines[nxt]:
            heading = re.sub(r"^(\s*[一二三四五六七八九十]+)、", rf"\1{number}", lines[at].rstrip())
            lines[at:nxt + 1] = [heading + mark + lines[nxt].strip()]
            want[n] = re.sub(r"^(\s*[一二三四五六七八九十]+)、", r"\1,", want[n]) if number == "，" else want[n]
    glued = toolkit.parse_text("\n".join(lines))
    assert glued.sections_frame()["title"].tolist() == want
    assert [s.key for s in glued.sections] == [s.key for s in plain.sections]
    assert glued.sections[0].text.startswith(plain.sections[0].text.split("\n")[0])


@pytest.mark.parametrize("form", ["{num}**{title}**", "{num}__{title}__", "{num} **{title}**", "## {num}**{title}**"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_markdown_bold_around_a_heading_s_title_after_its_number_leaves_it_a_heading(seed_id, form):
    # A web page saved as Markdown sets only the title bold, after its number ('一、**总体情况**'): the marks made
    # the title name no section (bold around the whole heading, '**一、总体情况**', was read).
    def edit(heading: str) -> str:
        m = re.match(r"^\s*([一二三四五六七八九十]+、)\s*(.+?)\s*$", heading)
        return form.format(num=m[1], title=m[2]) if m else heading

    plain, marked = _sections_with_headings_edited(seed_id, edit)
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert not any("*" in title or "_" in title for _, title, _ in marked)


@pytest.mark.parametrize("form", ["【{}】", "[{}]", "【 {} 】"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_heading_in_lenticular_brackets_is_a_heading(seed_id, form):
    # A web page sets its headings in brackets ('【一、总体情况】'): the closing bracket ended the title, so it named
    # no section (or only by a pattern allowing words after it); the sections were lost, their text in the one before.
    plain, bracketed = _sections_with_headings_edited(seed_id, lambda h: form.format(h.strip()))
    assert [(key, text) for key, _, text in bracketed] == [(key, text) for key, _, text in plain]
    assert [title for _, title, _ in bracketed] == [title for _, title, _ in plain]


@pytest.mark.parametrize("form", ["## {} ##", "# {} #", "### **{}** ###", "## {}  ###"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_markdown_heading_s_closing_hashes_are_no_text_of_its_section(seed_id, form):
    # A Markdown heading may close with hashes ('## 一、总体情况 ##'): the closing hashes were read as text glued
    # after the title, opening the section's text ('##\n2020年,…').
    plain, marked = _sections_with_headings_edited(seed_id, lambda h: form.format(h.strip()))
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert not any("#" in title for _, title, _ in marked)


@pytest.mark.parametrize("blanks", [1, 2])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_part_number_alone_before_a_blank_line_and_its_title_is_joined(seed_id, blanks):
    # A Word report sets '第一部分' on a line of its own, a blank paragraph, then the title ('总体情况'): the title was
    # found unnumbered, and the next part's number ('第二部分') was read as the last line of the section before.
    def edit(heading: str) -> str:
        return re.sub(r"^\s*([一二三四五六七八九十]+)、\s*", lambda m: f"第{m[1]}部分" + "\n" * (blanks + 1), heading)

    plain, parted = _sections_with_headings_edited(seed_id, edit)
    assert [(key, text) for key, _, text in parted] == [(key, text) for key, _, text in plain]
    numbered = [title for _, title, _ in plain if re.match("[一二三四五六七八九十]+、", title)]
    assert numbered and all(t.startswith("第") for _, t, _ in parted if t.replace(" ", "")[:1] != "引")


@pytest.mark.parametrize("responses, institutions", [
    ("回应解读情况", "机构建设和保障经费情况"),
    ("政策解读与回应社会关切情况", "政府信息公开工作机构建设和保障经费情况")])
@pytest.mark.parametrize("sep", ["", " "])
def test_pre2019_responses_and_institutions_titles_glued_are_found(responses, institutions, sep):
    # Seed 003 with the sections 回应解读情况 (after 主动公开) and 机构建设和保障经费情况 (after the review section) as
    # web-page text, its prose run into one line ('…。三、回应解读情况2017年,我局…'): neither title was one of the
    # glued titles of the pre-2019 format (section_inline_legacy), so the line was not cut there and their text
    # went into the section before.  Read as on their lines.
    lines = (RAW / f"{_PRE2019}.txt").read_text(encoding="utf-8").split("\n")
    lines = lines[:next(i for i, line in enumerate(lines) if line.startswith("统 计 指 标"))]
    tops = [i for i, line in enumerate(lines) if line[:2] in {f"{n}、" for n in _CN_TOPS}]
    parts = [lines[a:b] for a, b in zip(tops, [*tops[1:], len(lines)])]
    keys = [s.key for s in toolkit.parse_text("\n".join(lines)).sections if s.key != "intro"]
    added = {"active": (responses, _RESPONSES), "review_litigation": (institutions, _INSTITUTIONS)}
    body = []
    for key, part in zip(keys, parts):
        body.append((part[0][2:], part[1:]))
        if key in added:
            body.append(added[key])
    text = lines[:tops[0]] + [line for n, (title, rest) in enumerate(body) for line in (f"{_CN_TOPS[n]}、{title}", *rest)]
    plain = toolkit.parse_text("\n".join(text))
    assert _outline(plain) == ["intro", "overview", "active", "responses", "requests", "consultation",
                               "review_litigation", "institutions", "problems", "notes"]
    _same_report(toolkit.parse_text("\n".join(text[:5] + [sep.join(text[5:])])), plain)


@pytest.mark.parametrize("sep", [" ", ""])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_a_bracketed_heading_with_its_text_on_its_line_is_a_heading(seed_id, sep):
    # A web page sets a heading in brackets and the section's text after it on its line ('【二、主动公开政府信息情况】
    # 无。'): only a line that was the bracketed heading alone was read, so this heading was lost, its text (the
    # heading with it) kept in the section before.
    bracketed = _text_glued_after_headings(seed_id, sep, lambda h: f"【{h.strip()}】")
    assert bracketed == _text_glued_after_headings(seed_id, sep)
    assert len(bracketed) >= 4


def _marked_headings_glued_after_sentences(seed_id: str, form: str) -> tuple[list, list]:
    """(key, title, text) of the sections of seed ``seed_id`` with its headings glued after the sentence before
    them, as written and set in ``form``."""
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    heads = {s.first_line - 1 for s in toolkit.parse_text("\n".join(lines)).sections}
    return (_headings_glued_after_sentences(lines, heads, lambda h: h),
            _headings_glued_after_sentences(lines, heads, lambda h: form.format(h.strip())))


@pytest.mark.parametrize("form", ["【{}】", "[{}]", " 【{}】"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd"])
def test_a_bracketed_heading_glued_after_a_sentence_cuts_it(seed_id, form):
    # Web text runs a heading set in brackets on after the sentence before it ('…情况。【二、主动公开政府信息情况】…'):
    # the bracket stood between the sentence's end and the number, so the glued title was not cut, its section
    # lost, its text in the one before.
    plain, marked = _marked_headings_glued_after_sentences(seed_id, form)
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert [title for _, title, _ in marked] == [title.strip() for _, title, _ in plain]


@pytest.mark.parametrize("form", ["**{}**", "__{}__", "*{}*", " **{}** "])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd"])
def test_a_markdown_heading_glued_after_a_sentence_cuts_it(seed_id, form):
    # Web text saved as Markdown runs a bold heading on after the sentence before it ('…。**三、收到和处理政府信息公开
    # 申请情况**…'): the marks stood between the sentence's end and the number, so the glued title was not cut, its
    # section lost, its text in the one before.
    plain, marked = _marked_headings_glued_after_sentences(seed_id, form)
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert [title for _, title, _ in marked] == [title.strip() for _, title, _ in plain]


@pytest.mark.parametrize("form", ["*{}*", "_{}_", " *{}* "])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_markdown_italic_marks_around_a_heading_leave_it_a_heading(seed_id, form):
    # A web page saved as Markdown sets its headings in italics ('*一、总体情况*', '_一、总体情况_'): only bold marks
    # were read, so the italic headings named no section; a report had one section (an item '(一)主动公开…') or none.
    plain, marked = _sections_with_headings_edited(seed_id, lambda h: form.format(h.strip()))
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert not any("*" in title or "_" in title for _, title, _ in marked)


@pytest.mark.parametrize("form", ["## *{}*", "### _{}_ ###", "***{}***", "___{}___", "## ***{}***", "**_{}_**",
                                  "_**{}**_"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"])
def test_markdown_bold_italic_or_hashed_italic_heading_leaves_it_a_heading(seed_id, form):
    # A web page saved as Markdown sets a heading in italics after its hashes ('## *一、总体情况*') or in bold italics
    # ('***一、总体情况***', '**_一、总体情况_**'): the marks were read around no heading, so the headings named no
    # section; a report had one section (an item '(一)主动公开…') or none.
    plain, marked = _sections_with_headings_edited(seed_id, lambda h: form.format(h.strip()))
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]
    assert not any(mark in title for _, title, _ in marked for mark in "*_#")


@pytest.mark.parametrize("form", ["***{}***本年度工作正常开展。", "**{}**本年度工作正常开展。"])
def test_markdown_bold_or_bold_italic_heading_with_its_text_after_it(form):
    # The section's text on the heading's line after the marks: the heading is read, the text its section's.
    plain, marked = _sections_with_headings_edited("001_4d29bfef72dd56db", lambda h: form.format(h.strip()))
    assert [key for key, _, _ in marked] == [key for key, _, _ in plain]
    assert all(text.startswith("本年度工作正常开展。") for _, _, text in marked)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd"])
def test_a_bold_italic_heading_glued_after_a_sentence_cuts_it(seed_id):
    plain, marked = _marked_headings_glued_after_sentences(seed_id, "***{}***")
    assert [(key, text) for key, _, text in marked] == [(key, text) for key, _, text in plain]


def test_sections_imports_layout_at_no_function():
    # sections._headings and _heading_rest imported layout._stray_pipe inside the function (layout imports
    # sections: a circular import worked around); the glued text's finders both read are in toolkit.glued, imported
    # at the top of each.
    import ast

    import toolkit.sections

    tree = ast.parse(Path(toolkit.sections.__file__).read_text(encoding="utf-8"))
    inner = [node.lineno for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for node in ast.walk(f)
             if isinstance(node, ast.ImportFrom) and node.module == "toolkit.layout"]
    assert inner == []


@pytest.mark.parametrize("bar", ["|", " | ", "｜"])
@pytest.mark.parametrize("seed_id, heading", [("000_438c5e5d2b6f4db4", "四、政府信息公开行政复议、行政诉讼情况"),
                                              ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
                                              ("004_b232cca7e491c758", "四、因政府信息公开申请行政复议、提起行政诉讼的情况")])
def test_a_bar_inside_a_section_title_keeps_the_section(seed_id, heading, bar):
    # '四、政府信息公开行政复议 | 行政诉讼情况' (a '、' typed as a bar): the line was taken for a pipe row of two
    # cells, no heading, so review_litigation was lost (sections_missing) and its table's values unlabelled. Its
    # whole text names a section and no cell is a value: the heading, its title as written.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    barred = heading[:2] + heading[2:].replace(heading[heading.index("行政复议") + 4], bar, 1)
    want = toolkit.parse_text(text)
    got = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{barred}\n"))
    assert [s.key for s in got.sections] == [s.key for s in want.sections]
    assert next(s.title for s in got.sections if s.key == "review_litigation").replace(" ", "") == \
        barred.replace(" ", "").replace("｜", "|")
    pd.testing.assert_frame_equal(got.tables, want.tables)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def _function_imports(module: str) -> dict[str, set[str]]:
    """The toolkit modules each function of ``module`` imports in its body, by function name."""
    tree = ast.parse(Path(importlib.import_module(module).__file__).read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for func in ast.walk(tree):
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(func):
                names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                         else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                found.setdefault(func.name, set()).update(n for n in names if n.startswith("toolkit"))
    return {name: mods for name, mods in found.items() if mods}


def test_the_text_pipeline_imports_the_toolkit_s_modules_at_the_top_only():
    # statements imported metadata (and formats, normalize) inside some fifteen functions, metadata imported statements'
    # cues and layout's _block_heading inside three, sections statements.attachment_start inside _text_end: local
    # imports that dodged circles.  What both sides needed moved lower (toolkit.cues, toolkit.annex; _block_heading to
    # metadata), so that each imports the others at its top; `import toolkit.sections` (and so toolkit.layout) still
    # loads neither statements, a later stage, nor the pandas it loads.
    from conftest import later_stages_loaded

    for module in ("toolkit.statements", "toolkit.metadata", "toolkit.sections", "toolkit.annex", "toolkit.cues"):
        assert _function_imports(module) == {}, module
    # report imported metadata, metrics and statements in its methods, corpus report, compare normalize, word msdoc,
    # webpage errors and document, pdf normalize: none dodged a circle or an import's time.  The local imports kept
    # say why: a circle (corpus imports report, word msdoc), or the readers' own import (formats' YAML, the text
    # pipeline's stages, the Word and web readers an OFD loads, not loaded until a document needs them).
    kept = {"toolkit.report": {"toolkit.corpus"}, "toolkit.corpus": set(), "toolkit.compare": set(),
            "toolkit.webpage": set(), "toolkit.msdoc": {"toolkit.word"},
            "toolkit.word": {"toolkit.formats", "toolkit.metadata"}, "toolkit.markup": {"toolkit.formats"},
            "toolkit.pdf": {"toolkit.formats", "toolkit.layout", "toolkit.metadata", "toolkit.ofd"},
            "toolkit.document": {"toolkit.formats"}, "toolkit.ofd": {"toolkit.formats"}}
    for module, lazy in kept.items():
        assert set().union(*_function_imports(module).values()) == lazy, module
    assert later_stages_loaded("toolkit.sections") == []
    assert later_stages_loaded("toolkit.metadata") == []


def test_sections_imports_metadata_at_the_top_and_metadata_no_sections():
    # Eight functions of sections imported toolkit.metadata in their bodies, as metadata imported sections'
    # _appendix_line in one of its own (a circle); the pattern is normalize's now, read by both at the top.
    assert not [f for f, mods in _function_imports("toolkit.sections").items() if "toolkit.metadata" in mods]
    assert not [f for f, mods in _function_imports("toolkit.metadata").items() if "toolkit.sections" in mods]
    sections = importlib.import_module("toolkit.sections")
    assert sections.report_title_lines is importlib.import_module("toolkit.metadata").report_title_lines


def test_a_tables_counts_a_line_are_not_asked_the_heading_number_patterns(monkeypatch):
    # A table a cell a line ('0 |' under each label) gave each count to the number's pattern (_headings asked
    # _NUMBERED.fullmatch('0') before it saw the row had no title after its '|'), and the wrapped headings' test
    # (_WRAP_FIRST_LINE) tried all its numbers' forms on each '0' alone: the counts are passed over first now, the
    # same headings found.  (The number's pattern is counted, not timed.)
    import toolkit.sections as sections

    labels = ["(一)收到申请数", "1.当面申请", "2.传真申请", "3.网上申请"]
    lines = ["一、总体情况", "本年度工作如下。", "三、收到和处理政府信息公开申请情况", "本列数据的勾稽关系。"]
    for label in labels:
        lines += [f"{label} |", "0 |", "", "0", ""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "无。"]
    segments = [sections.Segment(text, n) for n, text in enumerate(lines, 1)]
    expected = sections._headings(segments)
    wrapped = sections._join_wrapped_headings(segments)
    asked: list[str] = []
    real = sections._NUMBERED

    class Counted:
        def fullmatch(self, text: str) -> re.Match[str] | None:
            asked.append(text)
            return real.fullmatch(text)

        def __getattr__(self, name: str):
            return getattr(real, name)

    monkeypatch.setattr(sections, "_NUMBERED", Counted())
    assert sections._headings(segments) == expected
    assert "收到和处理政府信息公开申请情况" in [h.title for h in expected]
    assert "0" not in asked
    assert sections._join_wrapped_headings(segments) == wrapped
    # a count alone is no wrapped heading's first line, and fails on the look-ahead before any number's form
    ahead = sections._WRAP_FIRST_LINE.pattern.partition("(?:[")[0]
    assert re.match(ahead, "0") is None and re.match(ahead, "三、收到") is not None


def test_a_pipe_line_with_a_bar_at_either_end_is_not_asked_for_a_bar_in_its_title(monkeypatch):
    # Every line of a pipe table whose number and title did not read as two cells was asked _bar_in_title, which
    # answers no at once for a bar at the line's start or end (a cell's, most pipe lines'): that call, a Python
    # function's per table line, is made now only for a line with no bar at either end, the same headings.
    # (The calls are counted, not timed.)
    import toolkit.sections as sections

    asked: list[str] = []
    bar_in_title = sections._bar_in_title
    monkeypatch.setattr(sections, "_bar_in_title", lambda text: asked.append(text) or bar_in_title(text))
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    # (the seed's lines and the same lines with a bar typed into a heading's title, which keeps it a heading)
    edited = [re.sub(r"^(四、政府信息公开行政复议)和", r"\1 | ", line) for line in lines]
    assert edited != lines
    for text in (lines, edited):
        asked.clear()
        headings = sections._headings(sections.split_segments(text))
        ends = [t for t in asked if t.startswith("|") or t.endswith("|")]
        assert not ends and sum(t.count("|") for t in text) > 100
        assert any("行政复议" in h.title for h in headings)
    assert any(t.startswith("四、") for t in asked)  # (a bar inside a title still asked)


def test_a_glued_headings_rest_is_found_without_a_pattern_formatted_at_each_call(monkeypatch):
    # _heading_rest formatted its number's pattern anew at each call and looked it up in re's cache, and removed a
    # title's spaces with re.sub (some 6 calls a report, each a pattern's lookup): the pattern is compiled once, the
    # spaces removed by the module's own, the same rests.  (The calls are counted, not timed.)
    import toolkit.sections as sections

    def written(text: str, family: str, key: str) -> str:  # the function as it was, for the same answers
        stripped = text.strip()
        match = sections._HEADING.match(stripped)
        if match and sections._title_key(re.sub(r"\s+", "", match["title"]), family) == key:
            return ""
        num = re.match(rf"^\s*(?:{sections._TOP}|{sections._SUB}|{sections._PART})?{sections._AFTER_NUM}", stripped)
        body = stripped[num.end():] if num else stripped
        for pat in sections._patterns()[family][key]:
            if m := pat.match(body):
                rest = body[m.end() + sections._merged_title(body[m.end():], family, key)[0]:]
                rest = rest.strip().lstrip(sections._TITLE_SEPARATORS)
                if rest[:1] == "|" and sections._stray_pipe(stripped):
                    rest = rest[1:]
                return "" if sections._title_tail().fullmatch(rest) and not is_page_furniture(rest) else rest
        return ""

    cases = []
    for seed_id in SEED_IDS:
        report = toolkit.parse_text((RAW / f"{seed_id}.txt").read_text(encoding="utf-8"))
        family = "legacy" if "intro" in [s.key for s in report.sections] else "modern"
        for s in report.sections:
            for text in [s.title, f"{s.title}2020年,本机关认真落实。", f" {s.title}:无", f"{s.title}(第3页)",
                         f"(一) {s.title[2:]} 本年度无。", f"第{s.title[:1]}部分 {s.title[2:]}——见下表"]:
                cases.append((text, family, s.key))
    want = [written(*case) for case in cases]
    assert any(want) and not all(want)
    asked: list[str] = []

    class Counted:
        def __getattr__(self, name: str):
            asked.append(name)
            return getattr(re, name)

    monkeypatch.setattr(sections, "re", Counted())
    assert [sections._heading_rest(*case) for case in cases] == want
    assert asked == []
