"""The Coverage table's columns: outlets named in full, else by their short names, else on two lines."""

from __future__ import annotations

from rich.cells import cell_len

from talks_tui.tui.coverage_columns import CELL_PADDING, SCROLLBAR, column_layout, header

OUTLETS = ["Global Times", "Caixin Global", "South China Morning Post", "Türkiye Today", "CNA"]
LABELS = ["basic consensuses", "Donald Trump", "rare earth"]
SHORT = {"Caixin Global": "Caixin", "South China Morning Post": "SCMP"}


def used(layout) -> int:
    return layout.topic + sum(layout.outlets) + 2 * CELL_PADDING * (1 + len(layout.outlets)) + SCROLLBAR


def shown(layout) -> list[str]:
    return [header(n, w, layout.header_height).plain for n, w in zip(layout.names, layout.outlets, strict=True)]


def test_wide_screens_show_every_name_in_full_on_one_line():
    layout = column_layout(LABELS, OUTLETS, 3, 120, SHORT)
    assert layout.header_height == 1 and used(layout) <= 120
    assert shown(layout) == OUTLETS
    assert layout.topic == len("basic consensuses")


def test_narrower_screens_use_short_names_where_the_full_ones_do_not_fit():
    layout = column_layout(LABELS, OUTLETS, 3, 80, SHORT)
    assert layout.header_height == 1 and used(layout) <= 80
    assert shown(layout) == ["Global Times", "Caixin", "SCMP", "Türkiye Today", "CNA"]
    # Without short names, the names go on two lines, wrapped between words.
    layout = column_layout(LABELS, OUTLETS, 3, 80)
    assert layout.header_height == 2 and used(layout) <= 80
    assert shown(layout)[2] == "South China\nMorning Post"
    assert [s.replace("\n", " ") for s in shown(layout)] == OUTLETS  # every name whole


def test_narrow_screens_wrap_the_short_names():
    layout = column_layout(LABELS, OUTLETS, 3, 60, SHORT)
    assert layout.header_height == 2 and used(layout) <= 60
    assert shown(layout) == ["Global\nTimes", "Caixin", "SCMP", "Türkiye\nToday", "CNA"]


def test_no_room_cuts_names_with_an_ellipsis_and_keeps_the_counts():
    layout = column_layout(LABELS, OUTLETS + ["Xinhua", "Reuters", "Associated Press"], 4, 60)
    assert all(w >= 4 for w in layout.outlets)
    cut = header("South China Morning Post", layout.outlets[2], 2).plain.split("\n")
    assert len(cut) == 2 and cut[-1].endswith("…") and all(cell_len(line) <= layout.outlets[2] for line in cut)
    assert header("CNA", 3, 2).plain == "CNA"
