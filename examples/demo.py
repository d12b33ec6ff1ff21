"""The Python part of `make demo`: the installed wheel against the sandbox."""

import os

from chainkit import ApiError, Client, RawRequest

client = Client(os.environ["CHAINKIT_SANDBOX_URL"])
health = client.request(RawRequest("GET", "/health"))
print(f"[python] GET /health -> {health.status} {health.text()}")
try:
    client.request(RawRequest("GET", "/_sandbox/status/409?code=E409&message=conflict"))
except ApiError as e:
    print(f"[python] typed error -> kind={e.kind} status={e.status} code={e.code} request_id={e.request_id}: {e}")
