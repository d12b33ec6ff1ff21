"""Seed 003 through the methods expanded from core's one definition, end to end against the
sandbox (whose state shares no code with chainkit), as core/tests/pool_sandbox.rs: the main
account → a sub-account, listed and updated → an observer link created, listed, changed and
deleted → workers, a group created, a worker moved into it, the group renamed and deleted →
profit and hash rate over a date range; then documented refusals as typed errors, and a replayed
envelope refused."""

import http.client
import http.server
import threading
import time
import urllib.parse
from typing import Iterator

import pytest

import chainkit
from chainkit import ApiError, Credentials, InvalidInputError, UnauthorizedError
from chainkit.pool import (
    AccountName,
    Coin,
    CoinHarvestChange,
    DayRange,
    FeeChange,
    FeeType,
    GroupChange,
    GroupId,
    GroupMove,
    HourRange,
    NewGroup,
    NewObserver,
    NewSubAccount,
    ObserverChange,
    ObserverId,
    ObserverRight,
    ProfitCoin,
    ProfitQuery,
    SpeedCoin,
    SpeedCoinQuery,
    SubAccountName,
    SubAccountNames,
)

# tests/sandbox default credentials (config::Pool).
CLIENT_ID, SECRET_KEY, SECRET_SALT = "sandbox-client", "sandbox-secret-key", "sandbox-secret-salt"
ALICE = AccountName(account="alice")


def pool_at(base: str) -> chainkit.pool.PoolClient:
    return chainkit.Client(base, credentials=Credentials.pool(CLIENT_ID, SECRET_KEY, SECRET_SALT)).pool


@pytest.fixture()
def pool(sandbox: str) -> chainkit.pool.PoolClient:
    return pool_at(sandbox)


def unique(name: str) -> str:
    """The sandbox is shared by every test run against it: names that must be unique get a suffix."""
    return f"{name}-{time.time_ns()}"


def sub(name: str) -> SubAccountName:
    return SubAccountName(user_name=name)


def test_account_sub_account_observers_workers_profit_and_speed(pool: chainkit.pool.PoolClient) -> None:
    assert pool.account_get_bind_info(ALICE).phone == "13811012345"

    # A sub-account, listed and updated.
    name = unique("py-miner")
    pool.sub_account_create(NewSubAccount(master="alice", user_name=name, theory_speed=2.0,
                                          description="四川矿场", worker_count=3))
    assert name in pool.sub_account_get_user_all(ALICE).names
    names = SubAccountNames(user_names=[name])
    [info] = pool.sub_account_bulk_get_basic_info(names).items
    assert (info.user_name, info.theory_speed, info.worker_count, info.master) == (name, 2.0, 3, "alice")
    assert info.description == "四川矿场"
    pool.sub_account_update_fee_info(FeeChange(user_name=name, fee_type=FeeType.PPS, fee=0.02))
    [fee] = pool.sub_account_bulk_get_fee_info(names).items
    assert (fee.user_name, fee.fee_type, fee.fee) == (name, FeeType.PPS, 0.02)

    # An observer link: created, listed, changed, deleted.
    pool.sub_account_add_observer_info(NewObserver(
        user_name=name, rights=[ObserverRight.PROFIT, ObserverRight.WORKER], remark="会计"))
    [link] = pool.sub_account_get_observer_list(sub(name)).items
    assert link.rights == [ObserverRight.PROFIT, ObserverRight.WORKER]
    assert link.remark == "会计" and link.link
    pool.sub_account_update_observer_info(ObserverChange(link_id=link.link_id, rights=[ObserverRight.DASHBOARD],
                                                         remark="老板"))
    [changed] = pool.sub_account_get_observer_list(sub(name)).items
    assert (changed.link_id, changed.remark, changed.rights) == (link.link_id, "老板", [ObserverRight.DASHBOARD])
    pool.sub_account_delete_observer_info(ObserverId(link_id=link.link_id))
    assert pool.sub_account_get_observer_list(sub(name)).items == []

    # Workers and a group.
    workers = pool.worker_get_sub_account_worker_list(sub(name)).items
    assert len(workers) == 3
    pool.worker_create_group(NewGroup(user_name=name, name="四川"))
    groups = pool.worker_get_sub_account_worker_group_list(sub(name)).items
    group_id = next(g.id for g in groups if g.name == "四川")
    pool.worker_set_worker_group_bulk(GroupMove(user_name=name, group_id=group_id, workers=[workers[0].name]))
    moved = pool.worker_get_sub_account_worker_list(sub(name)).items
    first = next(w for w in moved if w.name == workers[0].name)
    assert first.group is not None and first.group.id == group_id
    pool.worker_update_group(GroupChange(user_name=name, name="成都", group_id=group_id))
    groups = pool.worker_get_sub_account_worker_group_list(sub(name)).items
    assert any(g.id == group_id and g.name == "成都" for g in groups)
    pool.worker_delete_group(GroupId(user_name=name, group_id=group_id))
    groups = pool.worker_get_sub_account_worker_group_list(sub(name)).items
    assert all(g.id != group_id for g in groups)
    summary = pool.worker_get_sub_account_worker_summary(sub(name))
    assert summary.running + summary.stopped + summary.invalid == 3

    # Profit and hash rate over a week: one row a day, in order, the same when asked again.
    week = ProfitQuery(user_name=name, coin_type=ProfitCoin.BTC, start="2026-11-01", end="2026-11-07")
    days = pool.profit_get_by_day(week).items
    assert [d.day for d in days] == [f"2026-11-{d:02}" for d in range(1, 8)]
    assert all(d.total >= 0.0 and d.speed > 0.0 for d in days)
    assert pool.profit_get_by_day(week).items == days
    daily = pool.speed_get_sub_account_daily_speed(DayRange(user_name=name, start="2026-11-01",
                                                            end="2026-11-07")).items
    assert len(daily) == 7
    hourly = pool.speed_get_sub_account_hourly_speed(HourRange(user_name=name, start="2026-11-01 00:00:00",
                                                              end="2026-11-01 23:00:00")).items
    assert len(hourly) == 24
    assert hourly[23].time == "2026-11-01 23:00:00"
    system = pool.speed_get_system_realtime_speed(SpeedCoinQuery(coin_type=SpeedCoin.ALL)).items
    assert len(system) == 2


def test_refusals_are_typed_errors(pool: chainkit.pool.PoolClient) -> None:
    with pytest.raises(ApiError) as unknown:
        pool.worker_get_sub_account_worker_list(sub("nobody"))
    assert (unknown.value.kind, unknown.value.code, unknown.value.service) == ("api", "5030", "pool")
    # Refused before sending: a payout minimum outside the documented set.
    with pytest.raises(InvalidInputError) as refused:
        pool.sub_account_set_coin_harvest_setting(CoinHarvestChange(
            user_name="nobody", coin_type=Coin.BTC, address="1BoatSLRHtKNngkdXEeobR76b53LETtpyT", min=0.5))
    assert refused.value.kind == "invalid_input" and "min" in refused.value.message, refused.value
    # The client keeps working after both.
    assert pool.account_get_bind_info(ALICE).phone == "13811012345"


def replaying_proxy(target: str) -> Iterator[str]:
    """A middlebox in front of `target` that forwards the first POST it sees, and then sends that
    same request (method, path, headers, body) again in place of every later one."""
    upstream = urllib.parse.urlsplit(target)
    lock = threading.Lock()
    first: list[tuple[str, str, list[tuple[str, str]], bytes]] = []
    skip = {"host", "connection", "content-length", "transfer-encoding", "keep-alive"}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = [(k, v) for k, v in self.headers.items() if k.lower() not in skip]
            with lock:
                if not first:
                    first.append((self.command, self.path, headers, body))
                method, path, headers, body = first[0]
            conn = http.client.HTTPConnection(upstream.hostname or "127.0.0.1", upstream.port, timeout=10)
            try:
                conn.request(method, path, body=body, headers=dict(headers))
                res = conn.getresponse()
                data = res.read()
                self.send_response(res.status)
                for k, v in res.getheaders():
                    if k.lower() not in skip:
                        self.send_header(k, v)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            finally:
                conn.close()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def replaying(sandbox: str) -> Iterator[str]:
    yield from replaying_proxy(sandbox)


def test_a_replayed_envelope_is_refused_as_unauthorized(replaying: str) -> None:
    pool = pool_at(replaying)
    assert pool.account_get_bind_info(ALICE).phone == "13811012345"
    with pytest.raises(UnauthorizedError) as replayed:
        pool.account_get_bind_info(ALICE)
    assert (replayed.value.kind, replayed.value.code, replayed.value.service) == ("unauthorized", "5020", "pool")
    assert "repeated" in replayed.value.message, replayed.value
