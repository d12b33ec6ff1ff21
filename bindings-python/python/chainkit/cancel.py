"""Cancelling calls from another thread or from asyncio.

A chainkit call blocks its thread (with the GIL released). Ctrl-C interrupts it in the main
thread; for any other thread, and for asyncio, a call stops when a `threading.Event` set for it
is set: it raises `RequestCancelledError` within about 0.1 s and its request is abandoned (the
connection is closed, no retry follows).
"""

import threading
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Awaitable, Callable, Iterator, Optional, TypeVar

T = TypeVar("T")

# Read by every waiting call (src/client.rs `wait`): a context variable, so that it follows a
# call into `asyncio.to_thread`, which runs the function in a copy of the caller's context.
_event: ContextVar[Optional[threading.Event]] = ContextVar("chainkit_cancel_event", default=None)


@contextmanager
def cancel_on(event: threading.Event) -> Iterator[threading.Event]:
    """Calls made inside the block (in this thread, or in functions that `asyncio.to_thread`
    runs from it) raise `RequestCancelledError` once `event` is set, abandoning their request.
    """
    token = _event.set(event)
    try:
        yield event
    finally:
        _event.reset(token)


async def to_thread(func: Callable[..., T], /, *args: object, **kwargs: object) -> T:
    """`asyncio.to_thread(func, *args, **kwargs)` for chainkit calls: cancelling the awaiting
    task (`task.cancel()`, `asyncio.timeout`, `wait_for`) also stops the call in its thread.

        page = await chainkit.to_thread(client.dna.series_list, SeriesListRequest(page_num=1, page_size=10))
    """
    # Imported here: asyncio costs ~10 ms, half of `import chainkit`, and few callers use it.
    import asyncio

    event = threading.Event()
    with cancel_on(event):
        call: Awaitable[T] = asyncio.to_thread(func, *args, **kwargs)
        try:
            return await call
        except asyncio.CancelledError:
            event.set()
            raise
