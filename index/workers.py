"""Map a function over many items in worker processes, in order, reporting progress.

Reading and analysing articles is CPU work that parallelises; writing the index is not. A few
items are done inline, where a process pool would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
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
    if len(items) < PARALLEL_THRESHOLD or current_process().daemon:
        initializer(*initargs)
        results: Iterable[Result] = map(fn, items)
        pool = None
    else:
        pool = ProcessPoolExecutor(
            # The parent writes the index meanwhile, so workers may take every core.
            max_workers=max(2, min(4, (os.cpu_count() or 2) - 1)),
            mp_context=get_context("spawn"),  # fork is unsafe in a threaded app (Textual)
            initializer=initializer,
            initargs=initargs,
        )
        results = pool.map(fn, items, chunksize=16)
    try:
        for done, result in enumerate(results, 1):
            yield result
            if progress:
                progress(done, len(items), step)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
