import json
import logging
import os
import pickle
import re
import sys
import threading
import time
import uuid
import warnings
from typing import Any, Dict, List

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

REQUEST_ID = re.compile(r"^sbx-\d{8}$")


def unique(prefix: str) -> str:
    """A flaky-route key no other test (or earlier run against a shared sandbox) has used."""
    return f"{prefix}-{uuid.uuid4().hex}"


# --- the default transport against the sandbox -------------------------------------------------


def test_a_real_request_through_the_native_transport(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", "/health"))
    assert res.status == 200
    assert res.json()["status"] == "ok"
    assert json.loads(res.body) == res.json()
    assert REQUEST_ID.match(dict(res.headers)["x-request-id"])


def test_bodies_and_repeated_headers_are_sent_as_given(sandbox: str) -> None:
    req = RawRequest("POST", "/_sandbox/echo?x=1", [("x-dup", "1"), ("x-dup", "2")], "中文".encode())
    echo = Client(sandbox).request(req).json()
    assert (echo["method"], echo["path"], echo["query"], echo["body"]) == ("POST", "/_sandbox/echo", "x=1", "中文")
    assert [v for k, v in echo["headers"] if k == "x-dup"] == ["1", "2"]


def test_a_raw_request_keeps_what_it_was_given() -> None:
    req = RawRequest("PATCH", "/x", [("a", "1")], b"\x00\xff", idempotent=True)
    assert (req.method, req.path, req.headers, req.body, req.idempotent) == ("PATCH", "/x", [("a", "1")], b"\x00\xff", True)
    assert RawRequest("GET", "/").idempotent is None


def test_the_sandbox_puts_one_request_id_in_header_and_body(sandbox: str) -> None:
    # The contract the error test below relies on: header and body carry the same id.
    res = Client(sandbox).request(RawRequest("GET", "/_sandbox/status/200?code=E409&message=conflict"))
    body = res.json()
    assert (body["code"], body["message"]) == ("E409", "conflict")
    assert dict(res.headers)["x-request-id"] == body["requestId"]


def test_a_sandbox_error_keeps_every_field(sandbox: str) -> None:
    with pytest.raises(ApiError) as info:
        Client(sandbox).request(RawRequest("POST", "/_sandbox/status/409?code=E409&message=conflict"))
    e = info.value
    assert isinstance(e, ChainkitError)
    assert (e.kind, e.service, e.status, e.code, e.message) == ("api", "raw", 409, "E409", "conflict")
    assert e.request_id is not None and REQUEST_ID.match(e.request_id)
    assert e.retry_after is None
    assert str(e) == f"[raw] api E409: conflict (HTTP 409, request id {e.request_id})"


def test_auth_and_throttling_map_to_their_classes(sandbox: str) -> None:
    client = Client(sandbox, max_attempts=1)
    for status in (401, 403):
        with pytest.raises(UnauthorizedError) as auth:
            client.request(RawRequest("GET", f"/_sandbox/status/{status}"))
        assert (auth.value.kind, auth.value.status) == ("unauthorized", status)
    with pytest.raises(RateLimitedError) as info:
        client.request(RawRequest("GET", "/_sandbox/status/429?retry_after=2"))
    assert (info.value.kind, info.value.status, info.value.retry_after) == ("rate_limited", 429, 2.0)
    assert "retry after 2s" in str(info.value)


def test_an_idempotent_call_is_retried(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", f"/_sandbox/flaky/{unique('py-get')}?fail=1&status=503"))
    assert res.json()["calls"] == 2


def test_a_non_idempotent_call_is_not_sent_twice(sandbox: str) -> None:
    client = Client(sandbox)
    path = f"/_sandbox/flaky/{unique('py-post')}?fail=1&status=502"
    with pytest.raises(ApiError) as info:
        client.request(RawRequest("POST", path))
    assert info.value.status == 502
    # The second call the sandbox sees is this one: the failed POST went out exactly once.
    assert client.request(RawRequest("POST", path)).json()["calls"] == 2


def test_an_unreachable_host_is_a_network_error_without_hanging() -> None:
    started = time.monotonic()
    with pytest.raises(NetworkError) as info:
        # Refused connections never reached the server, so all three attempts are made.
        Client("http://127.0.0.1:1", timeout=5).request(RawRequest("GET", "/"))
    assert info.value.kind == "network" and info.value.status is None
    assert time.monotonic() - started < 5


def test_a_slow_response_is_a_timeout(sandbox: str) -> None:
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError) as info:
        Client(sandbox, timeout=0.2, max_attempts=1).request(RawRequest("GET", "/_sandbox/delay/2000"))
    assert info.value.kind == "timeout"
    assert time.monotonic() - started < 1.5
    assert not isinstance(info.value, TimeoutError)  # the builtin is not shadowed or subclassed


@pytest.mark.parametrize("base_url", ["not a url", "", "ftp://example.com", "http://"])
def test_an_invalid_base_url_is_a_config_error(base_url: str) -> None:
    with pytest.raises(ConfigError) as info:
        Client(base_url)
    assert info.value.kind == "config"


@pytest.mark.parametrize(
    "options",
    [{"timeout": 0}, {"timeout": -1}, {"timeout": float("nan")}, {"timeout": float("inf")}, {"timeout": 1e300},
     {"max_attempts": 0}, {"max_attempts": -1}],
)
def test_bad_client_settings_are_config_errors(options: Dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        Client("http://127.0.0.1:1", **options)


@pytest.mark.parametrize(
    "request_",
    [
        RawRequest("GET", "/", [("bad header", "v")]),
        RawRequest("GET", "/", [("x-ok", "line\nbreak")]),
        RawRequest("GE T", "/"),
        RawRequest("GET", "http://elsewhere.example/"),
    ],
    ids=["header-name", "header-value", "method", "absolute-path"],
)
def test_bad_requests_are_invalid_input_before_any_io(request_: RawRequest) -> None:
    # The base URL is unreachable: only validation can produce these errors.
    with pytest.raises(InvalidInputError) as info:
        Client("http://127.0.0.1:1").request(request_)
    assert info.value.kind == "invalid_input"


def test_raw_requests_do_not_parse_bodies(sandbox: str) -> None:
    res = Client(sandbox).request(RawRequest("GET", "/_sandbox/garbage"))
    assert res.status == 200 and res.body == b'{"status": "o'
    with pytest.raises(ValueError):
        res.json()


# --- errors ------------------------------------------------------------------------------------

CLASSES = {
    "network": chainkit.NetworkError,
    "timeout": chainkit.RequestTimeoutError,
    "cancelled": chainkit.RequestCancelledError,
    "unauthorized": chainkit.UnauthorizedError,
    "rate_limited": chainkit.RateLimitedError,
    "api": chainkit.ApiError,
    "invalid_input": chainkit.InvalidInputError,
    "decode": chainkit.DecodeError,
    "signing": chainkit.SigningError,
    "config": chainkit.ConfigError,
    "forbidden": chainkit.ForbiddenError,
}


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_every_core_error_kind_becomes_its_own_class(kind: str) -> None:
    with pytest.raises(ChainkitError) as info:
        chainkit._native._raise_for_tests(kind)
    e = info.value
    assert type(e) is CLASSES[kind] and type(e).kind == kind
    fields = (e.kind, e.service, e.status, e.code, e.message, e.request_id, e.retry_after)
    assert fields == (kind, "test", 418, "T1", "raised for tests", "req-1", 1.5)
    assert str(e) == f"[test] {kind} T1: raised for tests (HTTP 418, request id req-1, retry after 1.5s)"
    # Exceptions cross process boundaries (multiprocessing) with every field.
    copy = pickle.loads(pickle.dumps(e))
    assert type(copy) is type(e) and str(copy) == str(e)
    assert (copy.kind, copy.service, copy.status, copy.code, copy.message, copy.request_id, copy.retry_after) == fields


def test_the_error_classes_are_exported_and_usable_from_python() -> None:
    for name in ("ChainkitError", *(cls.__name__ for cls in CLASSES.values())):
        assert name in chainkit.__all__ and getattr(chainkit, name) is getattr(chainkit.errors, name)
    e = chainkit.NetworkError("offline")
    assert (e.kind, e.message, str(e), e.status) == ("network", "offline", "offline", None)
    with pytest.raises(ValueError):
        chainkit._native._raise_for_tests("no_such_kind")


# --- secrets -----------------------------------------------------------------------------------


def test_printing_or_logging_secrets_shows_none(caplog: pytest.LogCaptureFixture) -> None:
    s = Secret("s3cr3t")
    assert s.expose() == "s3cr3t"
    req = RawRequest(
        "GET",
        "/auth/api/v1/token?apiKey=k&apiSecret=s3cr3t",
        [("Authorization", "Bearer s3cr3t"), ("accessToken", "s3cr3t"), ("x-plain", "visible")],
        b"body",
    )
    client = Client("http://user:s3cr3t@127.0.0.1:1/")
    log = logging.getLogger("app")
    with caplog.at_level(logging.DEBUG):
        log.info("calling %s with %r via %s", req, s, client)
        log.info(req)
        log.info(s)
        log.debug("%s", [req, s])
    assert len(caplog.records) == 4
    shown = [repr(s), str(s), f"{s}", f"{s!r}", repr(req), str(req), f"{req}", f"{req!r}", repr(client), caplog.text]
    for text in shown:
        assert "s3cr3t" not in text, text
    assert str(s) == repr(s) == "Secret(***)"
    assert "visible" in repr(req) and "Authorization" in repr(req) and "4 bytes" in repr(req)
    assert "127.0.0.1:1" in repr(client)


def test_a_secret_cannot_be_pickled_or_copied() -> None:
    import copy

    s = Secret("s3cr3t")
    with pytest.raises(TypeError):
        pickle.dumps(s)
    with pytest.raises(TypeError):
        copy.copy(s)


# --- threads, signals, panics, fork ------------------------------------------------------------


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
    results: List[int] = []
    errors: List[BaseException] = []

    def call() -> None:
        try:
            results.append(client.request(RawRequest("GET", "/_sandbox/delay/200")).status)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=call) for _ in range(8)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [200] * 8
    # The calls overlapped: one after another they would take 1.6 s.
    assert time.monotonic() - started < 1.2


def test_a_rust_panic_raises_and_the_interpreter_survives(sandbox: str) -> None:
    with pytest.raises(BaseException) as info:
        chainkit._native._panic_for_tests()
    assert type(info.value).__name__ == "PanicException"
    assert "deliberate panic" in str(info.value)
    assert Client(sandbox).request(RawRequest("GET", "/health")).status == 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_gets_its_own_runtime_and_connections(sandbox: str) -> None:
    client = Client(sandbox)
    assert client.request(RawRequest("GET", "/health")).status == 200  # a pooled connection now
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork with threads running
        pid = os.fork()
    if pid == 0:
        code = 1
        try:
            inherited = client.request(RawRequest("GET", "/health")).status
            fresh = Client(sandbox).request(RawRequest("GET", "/health")).status
            code = 0 if (inherited, fresh) == (200, 200) else 1
        except BaseException as e:  # noqa: BLE001 - the child must always exit
            print(f"child failed: {e!r}", file=sys.stderr)
        finally:
            os._exit(code)
    deadline = time.monotonic() + 20
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert client.request(RawRequest("GET", "/health")).status == 200  # the parent is unaffected


# --- vectors -----------------------------------------------------------------------------------


def test_vectors_evaluate() -> None:
    out = json.loads(chainkit.evaluate_vector("redact_url", json.dumps({"url": "https://h/x?apiSecret=1"})))
    assert out == {"url": "https://h/x?apiSecret=***"}
    assert {"redact_url", "redact_headers", "retry_decision", "error_from_response"} <= set(chainkit.vector_kinds())
    unknown = json.loads(chainkit.evaluate_vector("no_such_kind", "{}"))
    assert unknown["error"]["kind"] == "invalid_input"
    with pytest.raises(InvalidInputError):
        chainkit.evaluate_vector("redact_url", "not json")
