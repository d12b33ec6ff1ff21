"""Issue 17 from Python: hostile answers never crash, poison or leak through a client."""

import http.server
import json
import threading
import traceback
import urllib.parse
from typing import Callable, Iterator

import pytest

import chainkit
from chainkit import ChainkitError, Credentials, DecodeError, RawRequest

PROJECT = "0123456789abcdef0123456789abcdef"  # tests/sandbox default credentials


def loopback(handle: Callable[[http.server.BaseHTTPRequestHandler], None]) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            handle(self)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def send_json(h: http.server.BaseHTTPRequestHandler, body: object) -> None:
    data = json.dumps(body).encode()
    h.send_response(200)
    h.send_header("content-type", "application/json")
    h.send_header("content-length", str(len(data)))
    h.end_headers()
    h.wfile.write(data)


@pytest.fixture
def endless() -> Iterator[str]:
    """Answers every request with a chunked body that never ends."""

    def handle(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("transfer-encoding", "chunked")
        h.end_headers()
        chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
        try:
            while True:
                h.wfile.write(chunk)
        except OSError:
            pass

    yield from loopback(handle)


def test_an_endless_answer_fails_at_the_size_limit(endless: str) -> None:
    client = chainkit.Client(endless, max_attempts=1, timeout=20, max_response_bytes=1 << 20)
    with pytest.raises(DecodeError, match="limit of 1048576 bytes"):
        client.request(RawRequest("GET", "/big"))


@pytest.fixture
def huge_exp() -> Iterator[str]:
    """A DNA stand-in whose getToken hands out a JWT with exp 1e308."""
    # header {"alg":"HS256","typ":"JWT"}, claims {"exp":1e308}; the signature is not checked.
    token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjFlMzA4fQ.c2ln"

    def handle(h: http.server.BaseHTTPRequestHandler) -> None:
        if h.path.startswith("/registration/api/v2/getToken"):
            send_json(h, {"retCode": 200, "retMsg": "ok", "accessToken": token})
        else:
            send_json(h, {"retCode": 200, "token": h.headers.get("accesstoken")})

    yield from loopback(handle)


def test_a_token_exp_no_duration_can_hold_does_not_break_the_client(huge_exp: str) -> None:
    # Issue 17: this panicked, and the panicked fetch stayed cached: every later call failed.
    client = chainkit.Client(huge_exp, credentials=Credentials.dna("key", "secret"), max_attempts=1)
    for _ in range(2):
        assert client.request(RawRequest("GET", "/x")).json()["retCode"] == 200


def shown(e: BaseException) -> str:
    return " ".join([str(e), repr(e), getattr(e, "message", ""), "".join(traceback.format_exception(e))])


def test_secrets_a_server_echoes_are_masked(sandbox: str) -> None:
    iam = Credentials.huawei_iam(sandbox, "sandbox-user", "sandbox-password", "sandbox-domain",
                                 project_name="cn-north-4")
    cases = [
        (Credentials.dna("did:bid:efSandboxApiKey0000000000000", "sandbox-dna-api-secret"),
         ["sandbox-dna-api-secret"], "accesstoken"),
        (Credentials.huawei_aksk("SANDBOXACCESSKEY0001", "sandbox-secret-access-key", project_id=PROJECT),
         ["sandbox-secret-access-key"], None),
        (Credentials.pool("sandbox-client", "sandbox-secret-key", "sandbox-secret-salt"),
         ["sandbox-secret-key", "sandbox-secret-salt"], None),
        (iam, ["sandbox-password"], "x-auth-token"),
        (Credentials.ddc_api_token("sandbox-ddc-apitoken"), ["sandbox-ddc-apitoken"], None),
        (Credentials.ulord_app_key("0123456789abcdef0123456789abcdef"), ["0123456789abcdef0123456789abcdef"], None),
    ]
    body = json.dumps({"action": "Echo.Secrets", "data": {}}).encode()
    headers = [("content-type", "application/json")]
    for creds, secrets, token_header in cases:
        client = chainkit.Client(sandbox, credentials=creds, max_attempts=1)
        if token_header:  # the fetched token, as the server received it
            echoed = client.request(RawRequest("POST", "/_sandbox/echo", headers, body)).json()
            secrets = secrets + [v for k, v in echoed["headers"] if k == token_header]
            assert len(secrets) == 2, echoed
        message = urllib.parse.quote("you sent " + " and ".join(secrets))
        with pytest.raises(ChainkitError) as info:
            client.request(RawRequest("POST", f"/_sandbox/status/400?message={message}", headers, body))
        text = shown(info.value)
        assert "you sent ***" in text, text
        for secret in secrets:
            assert secret not in text, (secret, text)


def test_raw_request_repr_hides_short_secret_parameters() -> None:
    text = repr(RawRequest("GET", "/x?sk=S3CR3T&sig=SIGNATURE&page=2"))
    assert "S3CR3T" not in text and "SIGNATURE" not in text and "page=2" in text, text
