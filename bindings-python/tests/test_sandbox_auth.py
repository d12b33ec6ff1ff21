"""Every credentials scheme against the sandbox, whose verifiers share no code with chainkit's
signers (tests/sandbox/src/verify): a wrong signer would be refused here."""

import json
from typing import Any

import pytest

import chainkit
from chainkit import Credentials, RawRequest, UnauthorizedError

PROJECT = "0123456789abcdef0123456789abcdef"  # tests/sandbox default credentials


def call(sandbox: str, credentials: Credentials, method: str, path: str, body: Any = None) -> Any:
    client = chainkit.Client(sandbox, credentials=credentials, max_attempts=1)
    data = b"" if body is None else json.dumps(body).encode()
    headers = [("content-type", "application/json")] if body is not None else []
    return client.request(RawRequest(method, path, headers, data)).json()


def test_ddc_ulord_and_dna(sandbox: str) -> None:
    ddc = call(sandbox, Credentials.ddc_api_token("sandbox-ddc-apitoken"), "POST",
               "/ddcoai/sys/v1/user/account/info/search", {})
    assert ddc["code"] == 0
    ulord = call(sandbox, Credentials.ulord_app_key("0123456789abcdef0123456789abcdef"), "POST",
                 "/v1/transactions/balance/", {"username": "sandbox-dev", "pay_password": "sandbox-password"})
    assert ulord["errcode"] == 0
    admin = call(sandbox, Credentials.ulord_admin("sandbox-dev", "sandbox-password"), "GET", "/v1/role/list/")
    assert admin["errcode"] == 0, admin
    dna = call(sandbox, Credentials.dna("did:bid:efSandboxApiKey0000000000000", "sandbox-dna-api-secret"), "GET",
               "/registration/api/v2/series/list?pageNum=1&pageSize=20")
    assert dna["retCode"] == 200, dna
    with pytest.raises(chainkit.ChainkitError) as wrong:
        call(sandbox, Credentials.dna("did:bid:efSandboxApiKey0000000000000", "wrong"), "GET",
             "/registration/api/v2/series/list")
    assert wrong.value.code == "400"


def test_pool_envelope_is_accepted(sandbox: str) -> None:
    creds = Credentials.pool("sandbox-client", "sandbox-secret-key", "sandbox-secret-salt")
    for _ in range(2):  # a fresh rnd/signNonce each time: no replay rejection
        out = call(sandbox, creds, "POST", "/", {"action": "Account.GetBindInfo", "data": {"account": "alice"}})
        assert out["code"] == 0, out
    bad = Credentials.pool("sandbox-client", "sandbox-secret-key", "wrong-salt")
    assert call(sandbox, bad, "POST", "/", {"action": "Account.GetBindInfo", "data": {}})["code"] == 5020


@pytest.mark.parametrize("algorithm", ["SDK-HMAC-SHA256", "SDK-HMAC-SM3"])
def test_huawei_aksk_and_iam(sandbox: str, algorithm: str) -> None:
    aksk = Credentials.huawei_aksk("SANDBOXACCESSKEY0001", "sandbox-secret-access-key", project_id=PROJECT,
                                   algorithm=algorithm)
    assert "blockchains" in call(sandbox, aksk, "GET", f"/v2/{PROJECT}/blockchains?limit=10&offset=0")
    with pytest.raises(UnauthorizedError):
        call(sandbox, Credentials.huawei_aksk("SANDBOXACCESSKEY0001", "wrong", project_id=PROJECT), "GET",
             f"/v2/{PROJECT}/blockchains")
    iam = Credentials.huawei_iam(sandbox, "sandbox-user", "sandbox-password", "sandbox-domain", project_name="cn-north-4")
    assert "blockchains" in call(sandbox, iam, "GET", f"/v2/{PROJECT}/blockchains")
