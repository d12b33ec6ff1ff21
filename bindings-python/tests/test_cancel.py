"""Cancelling a waiting call: Ctrl-C, an event set by another thread, an asyncio task.

Each test holds its request in the sandbox (`X-Sandbox-Fault: latency=…`) before the flaky
route counts it; the route runs only if the client is still connected then, so its count shows
whether the cancelled call really stopped, rather than going on in the background.
"""

import _thread
import asyncio
import threading
import time
import uuid

import pytest

import chainkit
from chainkit import Client, RawRequest, RequestCancelledError

HOLD_MS = 800


def held(key: str) -> RawRequest:
    return RawRequest("GET", f"/_sandbox/flaky/{key}?fail=0", [("x-sandbox-fault", f"latency={HOLD_MS}")])


def calls_after_hold(sandbox: str, key: str) -> int:
    """How many requests for `key` reached the route once any held one would have (this read included)."""
    time.sleep(HOLD_MS / 1000 + 0.4)
    calls: int = Client(sandbox).request(RawRequest("GET", f"/_sandbox/flaky/{key}?fail=0")).json()["calls"]
    return calls


def key() -> str:
    return f"py-cancel-{uuid.uuid4().hex}"


def test_ctrl_c_abandons_the_request(sandbox: str) -> None:
    assert threading.current_thread() is threading.main_thread()
    k = key()
    timer = threading.Timer(0.2, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            Client(sandbox).request(held(k))
    finally:
        timer.cancel()
    assert calls_after_hold(sandbox, k) == 1


def test_an_event_set_by_another_thread_cancels_the_call(sandbox: str) -> None:
    k = key()
    event = threading.Event()
    threading.Timer(0.2, event.set).start()
    started = time.monotonic()
    with chainkit.cancel_on(event), pytest.raises(RequestCancelledError) as info:
        Client(sandbox).request(held(k))
    assert time.monotonic() - started < 0.6
    assert info.value.kind == "cancelled"
    assert calls_after_hold(sandbox, k) == 1
    # Outside the block the event no longer applies; inside, a set event sends nothing.
    assert Client(sandbox).request(RawRequest("GET", "/health")).status == 200
    with chainkit.cancel_on(event), pytest.raises(RequestCancelledError):
        Client(sandbox).request(RawRequest("GET", f"/_sandbox/flaky/{k}?fail=0"))
    assert calls_after_hold(sandbox, k) == 2  # the read above, not the cancelled call


def test_cancelling_an_asyncio_task_stops_the_call_in_its_thread(sandbox: str) -> None:
    k, k2 = key(), key()
    client = Client(sandbox)

    async def main() -> None:
        task = asyncio.create_task(chainkit.to_thread(client.request, held(k)))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(chainkit.to_thread(client.request, held(k2)), 0.2)
        # Not cancelled: the answer comes back as from asyncio.to_thread.
        res = await chainkit.to_thread(client.request, RawRequest("GET", "/health"))
        assert res.status == 200

    asyncio.run(main())
    assert calls_after_hold(sandbox, k) == 1
    assert calls_after_hold(sandbox, k2) == 1
