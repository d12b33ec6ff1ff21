"""The Python part of `make demo`: the installed wheel against the sandbox."""

import os
import time

from chainkit import ApiError, Client, Credentials, RawRequest
from chainkit.dna import MintDna, SeriesAdd
from chainkit.pool import NewSubAccount, SubAccountName

client = Client(os.environ["CHAINKIT_SANDBOX_URL"])
health = client.request(RawRequest("GET", "/health"))
print(f"[python] GET /health -> {health.status} {health.text()}")
try:
    client.request(RawRequest("GET", "/_sandbox/status/409?code=E409&message=conflict"))
except ApiError as e:
    print(f"[python] typed error -> kind={e.kind} status={e.status} code={e.code} request_id={e.request_id}: {e}")

# DNA (seed 002) through the typed client: account, series, mint, transfer, owner.
dna = Client(os.environ["CHAINKIT_SANDBOX_URL"],
             credentials=Credentials.dna("did:bid:efSandboxApiKey0000000000000", "sandbox-dna-api-secret")).dna
alice, bob = dna.create_account("13800000001"), dna.create_account("13800000002")
series = dna.series_add(SeriesAdd(series_name=f"py demo {time.time_ns()}", series_issuer="chainkit"))
minted = dna.wait_for_message(dna.mint_dna(MintDna(
    series_id=series.series_id, dna_name="资产", dna_number="1", to_bid=alice.public_key().address())).message_id)
token_bid = minted.info[0].token_bid
contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
dna.wait_for_message(dna.transfer(alice, contract, token_bid, bob.public_key().address()).message_id)
print(f"[python/dna] minted {token_bid} to alice, transferred; owners now {dna.owners_of(token_bid)}")

# Mining pool (seed 003) through the typed client: every call signed (JWT + body HMAC).
pool = Client(os.environ["CHAINKIT_SANDBOX_URL"],
              credentials=Credentials.pool("sandbox-client", "sandbox-secret-key", "sandbox-secret-salt")).pool
sub = f"py-demo-{os.getpid()}"
pool.sub_account_create(NewSubAccount(master="alice", user_name=sub, theory_speed=2.5, description="demo", worker_count=2))
now = pool.speed_get_sub_account_realtime_speed(SubAccountName(user_name=sub))
print(f"[python/pool] created {sub}; {now.speed5m.valid_speed} H/s over 5 minutes")
