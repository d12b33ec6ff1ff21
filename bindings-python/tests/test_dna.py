"""Seed 002 through the methods expanded from core's one definition, end to end against the
sandbox (whose transaction checks share no code with chainkit): token, accounts, series, mint,
batch mint, transfer via the flow, owner and records, burn; an expired token refreshed; errors."""

import time
import urllib.request

import pytest

import chainkit
from chainkit import ApiError, Credentials, InvalidInputError, Secret
from chainkit.dna import (
    AuthDna,
    AuthDnaReport,
    AuthSeries,
    AuthSeriesReport,
    BatchMintDna,
    DnaType,
    MintDna,
    RecordsRequest,
    SeriesAdd,
    SeriesListRequest,
    SeriesDnaRequest,
    SeriesId,
    TokenRequest,
    UserDnaRequest,
)

API_KEY = "did:bid:efSandboxApiKey0000000000000"  # tests/sandbox default credentials
API_SECRET = "sandbox-dna-api-secret"
CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"


@pytest.fixture()
def dna(sandbox: str) -> chainkit.dna.DnaClient:
    return chainkit.Client(sandbox, credentials=Credentials.dna(API_KEY, API_SECRET)).dna


def asset(series_id: str, number: str, to: str) -> MintDna:
    return MintDna(series_id=series_id, dna_name=f"资产 {number}", dna_number=number,
                   url="https://img.example/a.png", hash="h", display_url="https://img.example/a-85.png",
                   to_bid=to, dna_price=1.24, dna_category="图片")


def test_the_whole_documented_flow(dna: chainkit.dna.DnaClient) -> None:
    token = dna.get_token(TokenRequest(api_key=API_KEY, api_secret=Secret(API_SECRET)))
    assert token.access_token.expose() and "***" in repr(token)
    alice = dna.create_account("13800000001")
    bob = dna.create_account("13800000002", key_type="sm2")
    alice_bid, bob_bid = alice.public_key().address(), bob.public_key().address()

    series = dna.series_add(SeriesAdd(series_name=f"py 集合 {time.time_ns()}", series_issuer="py"))
    assert dna.series_detail(SeriesId(series_id=series.series_id)).series_issuer == "py"

    outcome = dna.wait_for_message(dna.mint_dna(asset(series.series_id, "1", alice_bid)).message_id, 20)
    assert outcome.state == 2, outcome
    token_bid = outcome.info[0].token_bid
    assert dna.owners_of(token_bid) == [alice_bid]

    batch = dna.batch_mint_dna(BatchMintDna(data=[asset(series.series_id, "2", alice_bid),
                                                  asset(series.series_id, "3", bob_bid)]))
    assert len(dna.wait_for_message(batch.message_id, 20).info) == 2
    page = dna.series_dna_list(SeriesDnaRequest(series_id=series.series_id, page_num=1, page_size=10))
    assert page.total == 3 and {a.dna_number for a in page.data} == {"1", "2", "3"}
    walked = list(dna.series_dna_pages(SeriesDnaRequest(series_id=series.series_id, page_num=1, page_size=2)))
    assert sorted(a.dna_number for a in walked) == ["1", "2", "3"]
    all_series = dna.series_list(SeriesListRequest(page_num=1, page_size=100))
    assert len(list(dna.series_pages(SeriesListRequest(page_num=1, page_size=1)))) == all_series.total

    sent = dna.transfer(alice, CONTRACT, token_bid, bob_bid)
    assert dna.wait_for_message(sent.message_id, 20).state == 2
    assert dna.owners_of(token_bid) == [bob_bid]
    records = dna.dna_records(RecordsRequest(token_bid=token_bid, page_num=1, page_size=10))
    assert sorted(r.operation for r in records.data) == [0, 1]
    held = dna.user_dna_list(UserDnaRequest(user_id=bob_bid, page_num=1, page_size=10))
    assert token_bid in {a.token_bid for a in held.data}

    burnt = dna.burn(bob, CONTRACT, token_bid)
    assert dna.wait_for_message(burnt.message_id, 20).state == 2
    assert dna.owners_of(token_bid) == []


def test_expired_token_refreshed_and_errors_typed(sandbox: str, dna: chainkit.dna.DnaClient) -> None:
    name = f"py dup {time.time_ns()}"
    dna.series_add(SeriesAdd(series_name=name, series_issuer="py"))
    urllib.request.urlopen(urllib.request.Request(f"{sandbox}/_sandbox/dna/expire-tokens", method="POST"))
    # The cached token is now expired server-side: the call refreshes it and succeeds.
    dna.series_add(SeriesAdd(series_name=name + " 2", series_issuer="py"))
    with pytest.raises(ApiError) as duplicate:
        dna.series_add(SeriesAdd(series_name=name, series_issuer="py"))
    assert duplicate.value.code == "400" and duplicate.value.service == "dna" and duplicate.value.message
    with pytest.raises(InvalidInputError, match="seriesName"):
        dna.series_add(SeriesAdd(series_name="长" * 51, series_issuer="py"))
    with pytest.raises(TypeError, match="series_name"):
        SeriesAdd()  # type: ignore[call-arg]


def test_models_are_python_classes() -> None:
    s = SeriesAdd(series_name="n", series_issuer="i", series_des=None)
    assert s.external_url is None and repr(s) == "SeriesAdd(series_name='n', series_issuer='i', series_des=None, external_url=None)"
    s.series_des = "d"
    assert s.series_des == "d"



def test_a_documented_value_set_is_an_enum(dna: chainkit.dna.DnaClient) -> None:
    """§3.6.3's dnaType codes "0"/"1"/"2" are DnaType members; the wire gets the code."""
    assert DnaType.VIDEO != DnaType.IMAGE and DnaType.VIDEO == DnaType.VIDEO
    assert repr(DnaType.AUDIO) == "DnaType.AUDIO"
    run = str(time.time_ns())
    dna.auth_series(AuthSeriesReport(data=[AuthSeries(series_name=f"py {run}", series_issuer="py", series_id=[run])]))
    asset = AuthDna(series_id=run, dna_name="资产", dna_number="1", token_bid=f"did:bid:ef{run}", owner="did:bid:efowner",
                    dna_type=DnaType.VIDEO)
    assert dna.auth_dna(AuthDnaReport(data=[asset])).ret_code == 200
    with pytest.raises(TypeError):
        AuthDna(series_id=run, dna_name="x", dna_number="1", token_bid="t", owner="o", dna_type="1")  # type: ignore[arg-type]
