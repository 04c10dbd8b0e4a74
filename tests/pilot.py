"""Driving the app in tests as a user would: wait for what the screen should show."""

from __future__ import annotations


async def wait_until(pilot, condition, what: str, tries: int = 400) -> None:
    """Let the app run until `condition()` holds; fail naming `what` after tries x 20 ms."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def ready(pilot) -> None:
    """The corpus is open and its quotations listed."""
    app = pilot.app
    await wait_until(pilot, lambda: app.session.corpus is not None and app.session.quote_rows, "the corpus to open")
    await pilot.pause()
