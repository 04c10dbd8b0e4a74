"""Map a function over many items in worker processes, in order, reporting progress.

Reading and analysing articles is CPU work that parallelises; writing the index is not. A few
items are done inline, where a process pool would cost more than it saves.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import current_process, get_context
from typing import Any, TypeVar

# progress(done, total, step): items done so far of the step in hand
Progress = Callable[[int, int, str], None]

PARALLEL_THRESHOLD = 64

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_in_workers(
    fn: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    progress: Progress | None = None,
    step: str = "",
) -> Iterator[Result]:
    """fn over items, in order. `initializer(*initargs)` prepares each worker (and this process,
    when the work is done inline). `fn` must be a module-level function: workers are spawned."""
    if progress:
        progress(0, len(items), step)
    # A daemon process (a worker of some pool) may not start processes of its own.
    pool = None
    if len(items) >= PARALLEL_THRESHOLD and not current_process().daemon:
        pool, results = _start_pool(fn, items, initializer, initargs)
    if pool is None:
        initializer(*initargs)
        results = map(fn, items)
    done = 0
    try:
        try:
            for result in results:
                done += 1
                yield result
                if progress:
                    progress(done, len(items), step)
        except BrokenProcessPool:  # a worker died (killed, out of memory): finish here
            initializer(*initargs)
            for item in items[done:]:
                done += 1
                yield fn(item)
                if progress:
                    progress(done, len(items), step)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _start_pool(fn, items, initializer, initargs) -> tuple[ProcessPoolExecutor | None, Iterable]:
    """Worker processes for the items, or (None, ()) when they cannot be started here.

    multiprocessing hands its helper process the stderr file descriptor; inside a Textual app
    sys.stderr is a capture object without one ("bad value(s) in fds_to_keep"), so the real
    stderr stands in while the processes start."""
    stderr = sys.stderr
    # Ctrl-C reaches the whole process group, and a worker hit while it starts up prints a
    # traceback: SIGINT is blocked while the workers are made, and they keep it blocked (a
    # signal mask outlives exec). The parent alone answers Ctrl-C: one line, the index rolled
    # back, the workers shut down with the pool. One that comes meanwhile waits, not lost.
    blocked = _block_interrupts()
    # And ignored: a signal ignored at exec stays ignored in the new Python, which then installs
    # no KeyboardInterrupt handler (a blocked one alone still reached a worker importing its
    # modules). Only the main thread may change a handler; the app's threads get no SIGINT.
    ignored = (
        signal.signal(signal.SIGINT, signal.SIG_IGN) if threading.current_thread() is threading.main_thread() else None
    )
    try:
        if _fileno(stderr) < 0 and sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        pool = ProcessPoolExecutor(
            # The parent writes the index meanwhile, so workers may take every core.
            max_workers=max(2, min(4, (os.cpu_count() or 2) - 1)),
            mp_context=get_context("spawn"),  # fork is unsafe in a threaded app (Textual)
            initializer=initializer,
            initargs=initargs,
        )
        try:
            return pool, pool.map(fn, items, chunksize=16)
        except (OSError, ValueError):
            pool.shutdown(cancel_futures=True)
            raise
    except (OSError, ValueError):
        return None, ()  # the same work, in this process
    finally:
        sys.stderr = stderr
        if ignored is not None:
            signal.signal(signal.SIGINT, ignored)
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _block_interrupts() -> set | None:
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _fileno(stream) -> int:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):
        return -1
