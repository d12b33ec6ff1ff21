"""Credentials on the wire, checked with independent code: hmac + PyJWT (seed 003 recipe) and the
official huaweicloudsdkcore signer; DNA tokens against a tiny token server written here."""

import functools
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import jwt
import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest

import chainkit
from chainkit import ConfigError, Credentials, InvalidInputError, RawRequest, Secret


def echoed(sandbox: str, credentials: Credentials, **request: Any) -> Tuple[Dict[str, str], str]:
    client = chainkit.Client(sandbox, credentials=credentials)
    echo = client.request(RawRequest(request.pop("method", "POST"), "/_sandbox/echo", **request)).json()
    return dict(echo["headers"]), echo["body"]


def recipe_sign(secret_key: str, salt: str, body: Dict[str, Any]) -> str:
    text = body["action"] + str(body["at"]) + body["data"] + body["signNonce"] + salt
    return hmac.new(secret_key.encode(), text.encode(), hashlib.sha256).hexdigest()


def test_header_schemes_use_the_documented_headers(sandbox: str) -> None:
    assert echoed(sandbox, Credentials.ddc_api_token("ddc-1"))[0]["apitoken"] == "ddc-1"
    assert echoed(sandbox, Credentials.ulord_app_key(Secret("123412")))[0]["appkey"] == "123412"
    assert echoed(sandbox, Credentials.huawei_token("MII-t"))[0]["x-auth-token"] == "MII-t"


def test_pool_credentials_sign_each_envelope_as_the_recipe_does(sandbox: str) -> None:
    creds = Credentials.pool("c-1", "k-1", Secret("s-1"))
    unsigned = json.dumps({"action": "Account.GetBindInfo", "data": {"account": "alice"}}).encode()
    headers, body_text = echoed(sandbox, creds, body=unsigned)
    body = json.loads(body_text)
    assert body["data"] == '{"account":"alice"}'
    assert body["sign"] == recipe_sign("k-1", "s-1", body)
    claims = jwt.decode(headers["authorization"], "k-1", algorithms=["HS256"], options={"verify_exp": False})
    assert claims["clientId"] == "c-1" and claims["exp"] - claims["iat"] == 180
    assert 10**9 <= claims["rnd"] < 10**10


def test_sign_pool_matches_pyjwt_and_hmac() -> None:
    call = chainkit.sign_pool("c", "key", "salt", "SubAccount.Create", {"userName": "矿工", "remark": "z"},
                              now=1764000000.5, ttl_s=60)
    body = json.loads(call.body)
    assert body["at"] == 1764000000
    assert body["data"] == json.dumps({"userName": "矿工", "remark": "z"}, ensure_ascii=False, separators=(",", ":"))
    assert call.sign == body["sign"] == recipe_sign("key", "salt", body)
    claims = jwt.decode(call.authorization, "key", algorithms=["HS256"], options={"verify_exp": False})
    assert (claims["iat"], claims["exp"]) == (1764000000, 1764000060)
    assert "***" in repr(call) and call.authorization not in repr(call)
    with pytest.raises(InvalidInputError):
        chainkit.sign_pool("c", "", "salt", "A")
    for client_id, key, salt in [("", "key", "salt"), ("c", "key", "")]:
        with pytest.raises(InvalidInputError, match="required"):  # before any call is signed
            chainkit.PoolSigner(client_id, key, salt)
    with pytest.raises(InvalidInputError, match="non-negative"):  # a clock before 1970
        chainkit.sign_pool("c", "key", "salt", "A", now=-1.0)


@pytest.mark.parametrize("algorithm", ["SDK-HMAC-SHA256", "SDK-HMAC-SM3"])
def test_sign_huawei_matches_the_official_signer(algorithm: str) -> None:
    from huaweicloudsdkcore.signer.algorithm import SigningAlgorithm

    date = "20251124T160000Z"
    headers = [("X-Sdk-Date", date), ("Content-Type", "application/json")]
    body = '{"name":"链"}'
    signed = chainkit.sign_huawei("POST", "https://bcs.example.com/v2/p1/blockchains?b=2&a=1", headers,
                                  body.encode(), access_key="AK", secret_key=Secret("SK"), project_id="p1",
                                  security_token="sts", algorithm=algorithm)
    official = BasicCredentials("AK", "SK", "p1").with_security_token("sts").sign_request(SdkRequest(
        method="POST", schema="https", host="bcs.example.com", resource_path="/v2/p1/blockchains",
        query_params=[("b", "2"), ("a", "1")], header_params=dict(headers), body=body,
        signing_algorithm=SigningAlgorithm.HMAC_SM3 if algorithm.endswith("SM3") else SigningAlgorithm.HMAC_SHA256))
    assert dict(signed.headers)["authorization"] == official.header_params["Authorization"]
    assert signed.url == "https://bcs.example.com/v2/p1/blockchains?a=1&b=2"
    assert "SK" not in repr(signed)
    with pytest.raises(InvalidInputError):
        chainkit.sign_huawei("GET", "/relative", access_key="AK", secret_key="SK")
    with pytest.raises(InvalidInputError):
        chainkit.sign_huawei("GET", "https://h/x", [("x_under", "1")], access_key="AK", secret_key="SK")


def official_vectors() -> List[Dict[str, Any]]:
    path = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "huawei" / "aksk-official-sdk.json"
    return [c for c in json.loads(path.read_text())["cases"] if "authorization" in c.get("expected", {})]


def test_huawei_signer_gives_the_official_sdk_authorization_on_every_vector() -> None:
    cases = official_vectors()
    assert len(cases) >= 30
    for case in cases:
        i = case["input"]
        signer = chainkit.HuaweiSigner(i["access_key"], Secret(i["secret_key"]), project_id=i.get("project_id"),
                                       security_token=i.get("security_token"), algorithm=i["algorithm"])
        pairs = [tuple(h) for h in i["headers"]]
        for headers, body in [(pairs, i["body"].encode()), (dict(pairs), i["body"])]:
            signed = signer.sign(i["method"], i["url"], headers, body, now=i.get("now_s", 0))
            assert dict(signed.headers)["authorization"] == case["expected"]["authorization"], case["name"]
            assert signed.url == case["expected"]["url"], case["name"]
        one_shot = chainkit.sign_huawei(i["method"], i["url"], pairs, i["body"].encode(), access_key=i["access_key"],
                                        secret_key=i["secret_key"], project_id=i.get("project_id"),
                                        security_token=i.get("security_token"), algorithm=i["algorithm"],
                                        now=i.get("now_s", 0))
        assert one_shot.headers == signed.headers and one_shot.url == signed.url


def test_huawei_signer_result_is_what_to_send() -> None:
    signer = chainkit.HuaweiSigner("AK", "SK", project_id="p1")
    assert "SK" not in repr(signer) and "SDK-HMAC-SHA256" in repr(signer)
    signed = signer.sign("put", "https://h.example:8443/a?z=1&a=2", {"Content-Type": "text/plain", "X-Pad": " v "},
                         "链", now=1764000000)
    assert signed.url == "https://h.example:8443/a?a=2&z=1"
    headers = signed.headers
    assert [name for name, _ in headers] == ["content-type", "x-pad", "x-project-id", "x-sdk-content-sha256",
                                             "x-sdk-date", "host", "authorization"]
    assert dict(headers)["x-pad"] == "v" and dict(headers)["host"] == "h.example:8443"
    assert dict(headers)["x-sdk-date"] == "20251124T160000Z"
    assert isinstance(headers, tuple) and signed.headers is headers  # immutable, so shared
    assert len(headers) == 7
    with pytest.raises(InvalidInputError):
        signer.sign("GET", "https://h/x", {"X-A": "1", "x-a": "2"})
    with pytest.raises(TypeError):
        signer.sign("GET", "https://h/x", [("X-A", 1)])
    with pytest.raises(TypeError):
        signer.sign("GET", "https://h/x", body=12)


# Every plain type chainkit writes itself, and the ones it leaves to Python's encoder.
POOL_PARAMS: List[Any] = [
    {}, {"a": None, "b": True, "c": False, "d": 0, "e": -12, "f": 2**70, "g": 10**40},
    {"s": "quote\" back\\ nl\n tab\t cr\r bs\b ff\f nul\x00 us\x1f del\x7f", "u": "矿工 é 😀 \u2028"},
    {"nested": {"list": [1, "x", [], {}], "tuple": (1, 2)}, "empty": ""},
    {"float": 1.5, "big": 1e16}, {1: "int key", None: "none key", True: "bool key"},
    {"deep": functools.reduce(lambda inner, _: [inner], range(40), 1)},
]


def test_pool_signer_data_is_json_dumps_and_sign_verifies() -> None:
    signer = chainkit.PoolSigner("c", Secret("key"), "salt", ttl_s=60)
    assert "key" not in repr(signer) and "salt" not in repr(signer)
    for params in POOL_PARAMS:
        call = signer.sign("SubAccount.Create", params, now=1764000000.5)
        body = json.loads(call.body)
        assert body["data"] == json.dumps(params, ensure_ascii=False, separators=(",", ":")), params
        assert call.sign == body["sign"] == recipe_sign("key", "salt", body)
        claims = jwt.decode(call.authorization, "key", algorithms=["HS256"], options={"verify_exp": False})
        assert (claims["clientId"], claims["iat"], claims["exp"]) == ("c", 1764000000, 1764000060)
        assert 10**9 <= claims["rnd"] < 10**10 and 10**9 <= int(body["signNonce"]) < 10**10
    assert json.loads(signer.sign("A").body)["data"] == "{}"
    assert json.loads(signer.sign("A", '{"raw" : 1}').body)["data"] == '{"raw" : 1}'
    cycle: Dict[str, Any] = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError):
        signer.sign("A", cycle)


@pytest.fixture()
def token_server() -> Iterator[Tuple[str, List[str]]]:
    """getToken answers tok-N; any other path echoes the accessToken it got, and answers the
    documented 400 once for the first token on /expire."""
    calls: List[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path.startswith("/registration/api/v2/getToken?"):
                calls.append(self.path)
                status, body = 200, {"retCode": 200, "retMsg": "ok", "accessToken": f"tok-{len(calls)}"}
            elif self.path == "/expire" and self.headers["accessToken"] == "tok-1":
                status, body = 400, {"retCode": 400, "retMsg": "accessToken过期"}
            else:
                status, body = 200, {"token": self.headers["accessToken"]}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", calls
    finally:
        server.shutdown()


def test_dna_token_is_fetched_once_and_refreshed_after_rejection(token_server: Tuple[str, List[str]]) -> None:
    url, calls = token_server
    client = chainkit.Client(url, credentials=Credentials.dna("key", Secret("s/x")))
    results: List[str] = []
    threads = [threading.Thread(target=lambda: results.append(client.request(RawRequest("GET", "/x")).json()["token"]))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["tok-1"] * 8
    assert calls == ["/registration/api/v2/getToken?apiKey=key&apiSecret=s%2Fx"]
    assert client.request(RawRequest("GET", "/expire")).json()["token"] == "tok-2"
    assert len(calls) == 2


def test_bad_credentials_are_config_errors_without_the_secret(sandbox: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for creds in [Credentials.dna("k", ""), Credentials.pool("c", "hunter2", ""),
                  Credentials.huawei_iam("https://iam.example", "u", "hunter2", "d")]:
        with pytest.raises(ConfigError) as info:
            chainkit.Client(sandbox, credentials=creds)
        assert "hunter2" not in str(info.value)
    with pytest.raises(InvalidInputError):
        Credentials.huawei_aksk("AK", "SK", algorithm="MD5")
    monkeypatch.setenv("CHAINKIT_DNA_API_KEY", "k")
    monkeypatch.delenv("CHAINKIT_DNA_API_SECRET", raising=False)
    with pytest.raises(ConfigError, match="CHAINKIT_DNA_API_SECRET is not set"):
        Credentials.from_env("dna")
    monkeypatch.setenv("CHAINKIT_DNA_API_SECRET", "hunter2")
    creds = Credentials.from_env("dna")
    assert creds.scheme == "dna" and "hunter2" not in repr(creds)
    assert "hunter2" not in repr(chainkit.Client(sandbox, credentials=creds))
