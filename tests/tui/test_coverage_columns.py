"""The Coverage table's columns: outlets named in full, on two lines where one does not fit."""

from __future__ import annotations

from rich.cells import cell_len

from talks_tui.tui.coverage_columns import CELL_PADDING, SCROLLBAR, column_layout, header

OUTLETS = ["Global Times", "Caixin Global", "South China Morning Post", "Türkiye Today", "CNA"]
LABELS = ["basic consensuses", "Donald Trump", "rare earth"]


def used(layout) -> int:
    return layout.topic + sum(layout.outlets) + 2 * CELL_PADDING * (1 + len(layout.outlets)) + SCROLLBAR


def test_wide_screens_show_every_name_on_one_line():
    layout = column_layout(LABELS, OUTLETS, 3, 120)
    assert layout.header_height == 1 and used(layout) <= 120
    assert [header(o, w, 1).plain for o, w in zip(OUTLETS, layout.outlets, strict=True)] == OUTLETS
    assert layout.topic == len("basic consensuses")


def test_narrow_screens_wrap_names_between_words():
    layout = column_layout(LABELS, OUTLETS, 3, 80)
    assert layout.header_height == 2 and used(layout) <= 80
    shown = [header(o, w, 2).plain for o, w in zip(OUTLETS, layout.outlets, strict=True)]
    assert shown[2] == "South China\nMorning Post"
    assert [s.replace("\n", " ") for s in shown] == OUTLETS  # every name whole


def test_no_room_cuts_names_with_an_ellipsis_and_keeps_the_counts():
    layout = column_layout(LABELS, OUTLETS + ["Xinhua", "Reuters", "Associated Press"], 4, 60)
    assert all(w >= 4 for w in layout.outlets)
    cut = header("South China Morning Post", layout.outlets[2], 2).plain.split("\n")
    assert len(cut) == 2 and cut[-1].endswith("…") and all(cell_len(line) <= layout.outlets[2] for line in cut)
    assert header("CNA", 3, 2).plain == "CNA"
