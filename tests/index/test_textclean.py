"""Terminal safety of article text: escapes and control characters go, brackets stay."""

from talks_tui.index.textclean import clean_line, clean_lines, clean_text


def test_csi_colour_codes_are_removed():
    assert clean_text("\x1b[31mred\x1b[0m text \x1b[1;4mbold\x1b[m") == "red text bold"


def test_osc_sequences_are_removed_with_either_terminator():
    assert clean_text("a\x1b]0;window title\x07b") == "ab"
    assert clean_text("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\b") == "alinkb"


def test_unterminated_osc_stops_at_the_end_of_the_line():
    assert clean_text("keep\x1b]0;title\nnext line") == "keep\nnext line"


def test_other_escape_sequences_and_lone_esc_are_removed():
    assert clean_text("a\x1b(Bb\x1b7c\x1bPq#data\x1b\\d\x1b") == "abcd"


def test_c0_controls_except_newline_and_tab_are_removed():
    assert clean_text("a\x00b\x07c\x08d\te\nf\x7f") == "abcd\te\nf"


def test_c1_controls_are_removed():
    assert clean_text("a\x80b\x9fc\x9b31md") == "abcd"


def test_line_ends_become_lf():
    assert clean_text("one\r\ntwo\rthree\x0cfour\u2028five") == "one\ntwo\nthree\nfour\nfive"


def test_zero_width_characters_and_bom_are_removed():
    assert clean_text("\ufeffco\u200bop\u00aderation") == "cooperation"


def test_markup_like_brackets_survive_unchanged():
    text = "[bold]Tariffs[/] and [link=x]click[/link] [@click=app.quit] [/"
    assert clean_text(text) == text


def test_text_is_normalised_to_nfc():
    assert clean_text("Tu\u0308rkiye") == "Türkiye"


def test_clean_line_collapses_every_kind_of_space():
    assert clean_line("  Homepage\xa0\xa0/\u2009business\t/ x  ") == "Homepage / business / x"


def test_clean_lines_keeps_blank_lines_as_empty_strings():
    assert clean_lines("a\n\n b \n") == ["a", "", "b", ""]
