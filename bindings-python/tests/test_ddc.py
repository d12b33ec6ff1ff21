"""Seed 000 through the methods expanded from core's one definition, end to end against the
sandbox (whose ledger shares no code with chainkit): chain accounts, energy and 中移链 resources,
mint, send, burn, the transaction and fee lists, the node-gateway key and the 算力值 balance;
documented refusals as typed errors."""

import datetime
import time

import pytest

import chainkit
from chainkit import ApiError, Credentials, InvalidInputError
from chainkit.ddc import (
    ChainAccountFilter,
    ChainAccountQuery,
    DdcBurn,
    DdcMint,
    DdcSend,
    DdcTransaction,
    DdcTransactionQuery,
    EosResourceRecharge,
    GasPriceQuery,
    GasRecharge,
    NewChainAccount,
    PageRequest,
)

APITOKEN = "sandbox-ddc-apitoken"  # tests/sandbox default credentials
IMAGE = "png,iVBORw0KGgoAAAANSUhEUg=="


@pytest.fixture()
def ddc(sandbox: str) -> chainkit.ddc.DdcClient:
    return chainkit.Client(sandbox, credentials=Credentials.ddc_api_token(APITOKEN)).ddc


def mint(owner: str, total: str, code: str) -> DdcMint:
    return DdcMint(opb_chain_id=9, ddc_type=1155, ddc_owner=owner, ddc_pub_total=total, ddc_desc="py e2e",
                   img_file_base64=IMAGE, img_file_name="file1", security_data="附加数据", user_trade_code=code)


def transaction(ddc: chainkit.ddc.DdcClient, trade_code: str) -> DdcTransaction:
    """The settled row of a trade, through the flow that waits for it (status 1 here)."""
    row = ddc.wait_for_trade(trade_code, timeout=10)
    assert row.tx_status == 1, row
    return row


def test_the_whole_documented_flow(ddc: chainkit.ddc.DdcClient) -> None:
    # The sandbox is shared by every test of the session: names, trade codes and balances are
    # made unique or compared relative to what this test saw.
    run = time.time_ns()
    assert {f.opb_chain_id for f in ddc.list_opb_frameworks().data} >= {2, 9}
    start = ddc.get_account_balance().account_balance

    keys = ddc.create_chain_account(NewChainAccount(opb_chain_id=9, opb_chain_client_name=f"py-alice-{run}"))
    assert keys.private_key.expose() and keys.private_key.expose() not in repr(keys)
    alice = keys.opb_chain_client_address
    bob = ddc.create_chain_account(NewChainAccount(opb_chain_id=9, opb_chain_client_name=f"py-bob-{run}")).opb_chain_client_address
    evm = ddc.create_chain_account(NewChainAccount(opb_chain_id=2, opb_chain_client_name=f"py-gas-{run}")).opb_chain_client_address

    price = ddc.get_gas_price(GasPriceQuery(opb_chain_id=2)).gas_quantity
    recharged = ddc.recharge_gas(GasRecharge(opb_chain_id=2, opb_chain_client_address=evm, hash_rate_value=1.5))
    assert recharged.energy_value == 1.5 * price and recharged.opb_chain_client_address == evm
    until = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    added = ddc.recharge_eos_resource(EosResourceRecharge(opb_chain_client_address=alice, cpu_plus_value=10,
                                                          net_plus_value=20, ram_plus_value=30, resource_valid_date=until))
    assert (added.cpu_plus_value, added.net_plus_value, added.ram_plus_value) == (10, 20, 30)
    mine = ddc.list_chain_accounts(ChainAccountQuery(data=ChainAccountFilter(opb_chain_client_address=alice),
                                                     page=PageRequest(page_num=1, page_size=10)))
    assert mine.result_page_info.total == 1
    assert mine.data[0].energy_value_balance == "NET:20bytes,CPU:10us,RAM:30bytes"
    first = ddc.list_chain_accounts(ChainAccountQuery(data=ChainAccountFilter(opb_chain_id=9),
                                                      page=PageRequest(page_num=1, page_size=1)))
    assert len(first.data) == 1 and first.result_page_info.total >= 2 and first.result_page_info.first_page
    # The walk steps the nested page.pageNum until resultPageInfo.total: every account once.
    walked = [a.opb_chain_client_address for a in ddc.chain_account_pages(
        ChainAccountQuery(data=ChainAccountFilter(opb_chain_id=9), page=PageRequest(page_num=1, page_size=2)))]
    assert {alice, bob} <= set(walked) and len(walked) == len(set(walked)) >= first.result_page_info.total

    before = ddc.get_account_balance().account_balance
    minted = transaction(ddc, ddc.mint_ddc(mint(alice, "100", f"py-{run}-1")).trade_code)
    assert (minted.tx_type, minted.tx_status, minted.mint_quantity) == (20, 1, 100)
    sent = ddc.send_ddc(DdcSend(opb_chain_id=9, ddc_type=1155, ddc_id=minted.ddc_id, ddc_owner=alice,
                                recipient_account=bob, send_number="30", security_data="附加数据",
                                user_trade_code=f"py-{run}-2"))
    t = transaction(ddc, sent.trade_code)
    assert (t.tx_type, t.trade_quantity, t.send_account, t.ddc_owner) == (22, 30, alice, bob)
    burnt = ddc.burn_ddc(DdcBurn(opb_chain_id=9, ddc_type=1155, ddc_id=minted.ddc_id, ddc_owner=bob,
                                 security_data="附加数据", user_trade_code=f"py-{run}-3"))
    assert transaction(ddc, burnt.trade_code).burn_quantity == 30
    assert any(t.user_trade_code == f"py-{run}-2" for t in ddc.list_ddc_transactions(DdcTransactionQuery(tx_type=22)).data)

    fees = {f.tx_type: f.tx_amount for f in ddc.list_ddc_fees().data}
    assert set(fees) == {20, 22, 23}
    after = ddc.get_account_balance().account_balance
    assert after <= before - (fees[20] + fees[22] + fees[23]) + 1e-9 and after < start

    key = ddc.get_access_key().access_key.expose()
    new = ddc.update_access_key()
    assert new.access_key.expose() != key and new.access_key.expose() not in repr(new)
    assert ddc.get_access_key().access_key.expose() == new.access_key.expose()


def test_documented_refusals_are_typed(sandbox: str, ddc: chainkit.ddc.DdcClient) -> None:
    run = time.time_ns()
    owner = ddc.create_chain_account(NewChainAccount(opb_chain_id=9, opb_chain_client_name=f"py-owner-{run}")).opb_chain_client_address
    ddc.mint_ddc(mint(owner, "1", f"py-dup-{run}"))
    with pytest.raises(ApiError) as duplicate:
        ddc.mint_ddc(mint(owner, "1", f"py-dup-{run}"))
    assert duplicate.value.message == "MSG_10053012" and duplicate.value.code == "-1"
    assert duplicate.value.service == "ddc" and duplicate.value.request_id
    wrong_type = mint(owner, "1", "x")
    wrong_type.ddc_type = 20
    with pytest.raises(InvalidInputError, match="ddcType"):
        ddc.mint_ddc(wrong_type)
    with pytest.raises(InvalidInputError, match="resourceValidDate"):
        ddc.recharge_eos_resource(EosResourceRecharge(opb_chain_client_address=owner, cpu_plus_value=1, net_plus_value=1,
                                                      ram_plus_value=1, resource_valid_date="2030/01/01"))
    with pytest.raises(TypeError, match="opb_chain_client_name"):
        NewChainAccount(opb_chain_id=9)  # type: ignore[call-arg]

