"""A user's test suite, run in a fresh venv against the installed release wheels: the sandbox
comes from the chainkit-sandbox wheel through chainkit.testing's pytest fixture."""

import chainkit
from chainkit import Client, Credentials
from chainkit.dna import MintDna, SeriesAdd

pytest_plugins = ["chainkit.testing"]

API_KEY = "did:bid:efSandboxApiKey0000000000000"  # the sandbox's default test credentials
API_SECRET = "sandbox-dna-api-secret"
CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"


def test_installed_outside_the_repository() -> None:
    assert "site-packages" in (chainkit.__file__ or "")


def test_dna_flow_against_the_fixture_sandbox(chainkit_sandbox: str) -> None:
    dna = Client(chainkit_sandbox, credentials=Credentials.dna(API_KEY, API_SECRET)).dna
    alice = dna.create_account("13800000001")
    bob = dna.create_account("13800000002")
    series = dna.series_add(SeriesAdd(series_name="wheel 集合", series_issuer="pytest"))
    mint = dna.mint_dna(
        MintDna(series_id=series.series_id, dna_name="资产", dna_number="1",
                to_bid=alice.public_key().address())
    )
    minted = dna.wait_for_message(mint.message_id)
    assert minted.info is not None
    token_bid = minted.info[0].token_bid
    bob_bid = bob.public_key().address()
    dna.wait_for_message(dna.transfer(alice, CONTRACT, token_bid, bob_bid).message_id)
    assert dna.owners_of(token_bid) == [bob_bid]
