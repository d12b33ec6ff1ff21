import json
import logging
import pickle
import threading
import time

import pytest

import chainkit
from chainkit import (
    ApiError,
    ChainkitError,
    Client,
    ConfigError,
    InvalidInputError,
    NetworkError,
    RateLimitedError,
    RawRequest,
    RequestTimeoutError,
    Secret,
    UnauthorizedError,
)


def test_a_real_request_through_the_native_transport(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", "/health"))
    assert res.status == 200
    assert json.loads(res.body)["status"] == "ok"
    assert dict(res.headers)["x-request-id"].startswith("sbx-")


def test_bodies_and_repeated_headers_are_sent_as_given(sandbox: str) -> None:
    req = RawRequest("POST", "/_sandbox/echo?x=1", [("x-dup", "1"), ("x-dup", "2")], "中文".encode())
    echo = json.loads(Client(sandbox).request(req).text())
    assert echo["body"] == "中文"
    assert [v for k, v in echo["headers"] if k == "x-dup"] == ["1", "2"]


def test_a_sandbox_error_keeps_every_field(sandbox: str) -> None:
    with pytest.raises(ApiError) as info:
        Client(sandbox).request(RawRequest("POST", "/_sandbox/status/409?code=E409&message=conflict"))
    e = info.value
    assert isinstance(e, ChainkitError)
    assert (e.kind, e.status, e.code, e.message) == ("api", 409, "E409", "conflict")
    assert e.request_id is not None and e.request_id.startswith("sbx-")
    for part in ("E409", "conflict", e.request_id):
        assert part in str(e)


def test_auth_and_throttling_map_to_their_classes(sandbox: str) -> None:
    client = Client(sandbox, max_attempts=1)
    with pytest.raises(UnauthorizedError):
        client.request(RawRequest("GET", "/_sandbox/status/401"))
    with pytest.raises(RateLimitedError) as info:
        client.request(RawRequest("GET", "/_sandbox/status/429?retry_after=2"))
    assert info.value.retry_after == 2.0


def test_an_idempotent_call_is_retried(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", f"/_sandbox/flaky/py-{time.time_ns()}?fail=1"))
    assert json.loads(res.body)["calls"] == 2


def test_bad_input_and_bad_networks_are_typed_errors(sandbox: str) -> None:
    with pytest.raises(NetworkError):
        Client("http://127.0.0.1:1", max_attempts=1).request(RawRequest("GET", "/"))
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        Client(sandbox, timeout=0.2, max_attempts=1).request(RawRequest("GET", "/_sandbox/delay/3000"))
    assert time.monotonic() - started < 2
    with pytest.raises(ConfigError):
        Client("not a url")
    with pytest.raises(InvalidInputError):
        Client(sandbox, timeout=-1)
    with pytest.raises(InvalidInputError):
        Client(sandbox).request(RawRequest("GET", "/", [("bad header", "v")]))


def test_garbage_bodies_come_back_raw(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", "/_sandbox/garbage"))
    assert res.status == 200 and res.body.startswith(b'{"status"')


def test_printing_or_logging_secrets_shows_none(caplog: pytest.LogCaptureFixture) -> None:
    s = Secret("s3cr3t-value")
    assert s.expose() == "s3cr3t-value"
    req = RawRequest(
        "GET",
        "/auth/api/v1/token?apiKey=k&apiSecret=s3cr3t-q",
        [("Authorization", "Bearer s3cr3t-h"), ("accessToken", "s3cr3t-t"), ("x-plain", "visible")],
    )
    with caplog.at_level(logging.INFO):
        logging.getLogger("app").info("calling %s with %r", req, s)
    for shown in (repr(s), str(s), f"{s}", repr(req), str(req), f"{req!r}", caplog.text):
        assert "s3cr3t" not in shown, shown
    assert "visible" in repr(req) and "authorization" in repr(req).lower()
    with pytest.raises(TypeError):
        pickle.dumps(s)


def test_the_gil_is_released_during_io(sandbox: str) -> None:
    ticks = 0
    done = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=spin)
    t.start()
    try:
        Client(sandbox).request(RawRequest("GET", "/_sandbox/delay/300"))
    finally:
        done.set()
        t.join()
    assert ticks > 50, ticks


def test_one_client_serves_many_threads(sandbox: str) -> None:
    client = Client(sandbox)
    results: list = []

    def call() -> None:
        results.append(client.request(RawRequest("GET", "/_sandbox/delay/50")).status)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 8


def test_a_rust_panic_raises_and_the_interpreter_survives(sandbox: str) -> None:
    with pytest.raises(BaseException) as info:
        chainkit._native._panic_for_tests()
    assert "deliberate panic" in str(info.value)
    assert Client(sandbox).request(RawRequest("GET", "/health")).status == 200


def test_vectors_evaluate() -> None:
    out = json.loads(chainkit.evaluate_vector("redact_url", json.dumps({"url": "https://h/x?apiSecret=1"})))
    assert out == {"url": "https://h/x?apiSecret=***"}
    assert "retry_decision" in chainkit.vector_kinds()
