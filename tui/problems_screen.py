"""The files and folder entries left out of the corpus, or read with a warning, and why.

Opened from the command palette ("Files left out and warnings"). Names are data: each is shown
escaped (control characters visible) inside plain Text, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from talks_tui.index.ingest.filenames import shown
from talks_tui.index.model import Problem


def problems_text(problems: list[Problem]) -> Text:
    text = Text()
    skipped = sum(p.skipped for p in problems)
    text.append(f"{len(problems)} entries: {skipped} left out, {len(problems) - skipped} read with a warning\n\n")
    for problem in problems:
        if problem.skipped:
            text.append("left out  ", style="bold red")
        else:
            text.append("warning   ", style="yellow")
        text.append(shown(problem.path), style="bold")
        text.append(f"\n          {shown(problem.message)}\n")
    return text


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]
    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen > VerticalScroll { width: 90%; height: 80%; border: round $warning; background: $surface; }
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self._problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(problems_text(self._problems), id="problems", markup=False)
