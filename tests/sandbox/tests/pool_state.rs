#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Seed 003 over HTTP (signed envelopes): accounts, sub-accounts, observers, worker groups and
//! the synthetic history answered from state, then 5010 for bad input and 5030 for what the state
//! refuses.

mod common;

use chainkit_sandbox::Config;
use serde_json::{json, Value};

/// `data` of a code-0 answer.
async fn ok(base: &str, action: &str, params: Value) -> Value {
    let r = common::pool(base, action, params).await;
    assert_eq!(r["code"], 0, "{action}: {r}");
    assert!(r["message"].is_null());
    r["data"].clone()
}

/// The code of a refusal (its data is null).
async fn code(base: &str, action: &str, params: Value) -> u64 {
    let r = common::pool(base, action, params).await;
    assert!(r["data"].is_null(), "{r}");
    r["code"].as_u64().unwrap()
}

#[tokio::test]
async fn accounts_sub_accounts_observers_and_groups() {
    let base = common::start(Config::default()).await;
    let b = base.as_str();
    // The seeded account of the catalog's signing vector.
    let alice = ok(b, "Account.GetBindInfo", json!({"account": "alice"})).await;
    assert_eq!(
        alice,
        json!({"phone": "13811012345", "mail": "hello@gmail.com"})
    );

    let bob = json!({"account": "bob", "mail": "bob@example.com", "password": "pw1"});
    assert_eq!(ok(b, "Account.Create", bob).await, Value::Null);
    let phone = json!({"account": "bob", "phone": "13900000000"});
    ok(b, "Account.UpdatePhone", phone).await;
    let by_phone = json!({"phone": "13900000000"});
    assert_eq!(
        ok(b, "Account.QueryUserNameByPhone", by_phone).await,
        json!(["bob"])
    );
    let by_mail = json!({"mail": "bob@example.com"});
    assert_eq!(
        ok(b, "Account.QueryUserNameByMail", by_mail).await,
        json!(["bob"])
    );
    let check = |pw: &str| json!({"account": "bob", "password": pw});
    assert_eq!(ok(b, "Account.CheckPassword", check("nope")).await, false);
    ok(b, "Account.UpdatePassword", check("pw2")).await;
    assert_eq!(ok(b, "Account.CheckPassword", check("pw2")).await, true);

    for (name, count) in [("miner1", 3), ("miner2", 1)] {
        let sub = json!({"master": "bob", "userName": name, "theorySpeed": 0.3, "description": "四川", "workerCount": count});
        ok(b, "SubAccount.Create", sub).await;
    }
    let all = ok(b, "SubAccount.GetUserAll", json!({"account": "bob"})).await;
    assert_eq!(all, json!(["miner1", "miner2"]));
    let names = json!({"userNames": ["miner1", "ghost"]});
    let info = ok(b, "SubAccount.BulkGetBasicInfo", names.clone()).await;
    assert_eq!(
        info,
        json!([{"userName": "miner1", "theorySpeed": 0.3, "workerCount": 3, "description": "四川", "master": "bob"}])
    );
    let fee = json!({"userName": "miner1", "feeType": "PPS", "fee": 0.02});
    ok(b, "SubAccount.UpdateFeeInfo", fee).await;
    let fees = ok(b, "SubAccount.BulkGetFeeInfo", names).await;
    assert_eq!(
        (&fees[0]["feeType"], &fees[0]["fee"]),
        (&json!("PPS"), &json!(0.02))
    );
    assert_eq!(fees[0]["bchPpsFee"], 0.01, "fields not sent are kept");

    // Payout settings.
    let coin = json!({"userName": "miner1", "coinType": "btc"});
    assert_eq!(
        ok(b, "SubAccount.GetCoinHarvestSetting", coin.clone()).await["address"],
        ""
    );
    let set = json!({"userName": "miner1", "coinType": "btc", "address": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "min": 0.01});
    ok(b, "SubAccount.SetCoinHarvestSetting", set).await;
    let got = ok(b, "SubAccount.GetCoinHarvestSetting", coin).await;
    assert_eq!(
        (&got["address"], &got["min"]),
        (&json!("1BoatSLRHtKNngkdXEeobR76b53LETtpyT"), &json!(0.01))
    );
    assert_eq!(
        got["updatedAt"].as_str().unwrap().len(),
        19,
        "YYYY-MM-DD HH:mm:ss"
    );
    let bank = json!({"userName": "miner1", "province": "北京", "city": "北京", "name": "中国银行", "branch": "西二旗支行", "owner": "李鸿章", "no": "6223211231313123", "min": 500});
    ok(b, "SubAccount.SetMoneyHarvestSetting", bank).await;
    let money = ok(
        b,
        "SubAccount.GetMoneyHarvestSetting",
        json!({"userName": "miner1"}),
    )
    .await;
    assert_eq!(
        (&money["address"]["no"], &money["min"]),
        (&json!("6223211231313123"), &json!(500.0))
    );
    ok(
        b,
        "SubAccount.SetCoin2MoneySetting",
        json!({"userName": "miner1", "auto": true}),
    )
    .await;
    let auto = ok(
        b,
        "SubAccount.GetCoin2MoneySetting",
        json!({"userName": "miner1"}),
    )
    .await;
    assert_eq!(auto, json!({"auto": true}));

    // Observers: the write returns no id; the list does.
    let user = json!({"userName": "miner1"});
    let add = json!({"userName": "miner1", "rights": ["worker_observer"], "remark": "运维"});
    ok(b, "SubAccount.AddObserverInfo", add).await;
    let list = ok(b, "SubAccount.GetObserverList", user.clone()).await;
    let link = list[0]["linkId"].as_i64().unwrap();
    assert_eq!(list[0]["rights"], json!(["worker_observer"]));
    assert!(list[0]["link"].as_str().unwrap().starts_with("https://"));
    let update = json!({"linkId": link, "rights": ["dashboard_observer", "profit_observer"], "remark": "财务"});
    ok(b, "SubAccount.UpdateObserverInfo", update).await;
    let list = ok(b, "SubAccount.GetObserverList", user.clone()).await;
    assert_eq!(
        (
            &list[0]["remark"],
            list[0]["rights"].as_array().unwrap().len()
        ),
        (&json!("财务"), 2)
    );
    ok(b, "SubAccount.DeleteObserverInfo", json!({"linkId": link})).await;
    assert_eq!(
        ok(b, "SubAccount.GetObserverList", user.clone()).await,
        json!([])
    );

    // Workers and groups.
    let workers = ok(b, "Worker.GetSubAccountWorkerList", user.clone()).await;
    assert_eq!(workers.as_array().unwrap().len(), 3);
    for w in workers.as_array().unwrap() {
        // 0.3 P over 3 workers, ±10% this hour; nothing while stopped.
        let speed = w["speed5m"]["validSpeed"].as_u64().unwrap();
        match w["status"].as_u64().unwrap() {
            1 => assert!(
                (90_000_000_000_000..110_000_000_000_000).contains(&speed),
                "{w}"
            ),
            status => assert_eq!((status, speed), (2, 0), "{w}"),
        }
    }
    assert_eq!(workers[0]["group"], json!({"id": 0, "name": "未分组"}));
    let summary = ok(b, "Worker.GetSubAccountWorkerSummary", user.clone()).await;
    let counted = summary["running"].as_u64().unwrap() + summary["stopped"].as_u64().unwrap();
    assert_eq!((counted, &summary["invalid"]), (3, &json!(0)));
    ok(
        b,
        "Worker.CreateGroup",
        json!({"userName": "miner1", "name": "四川"}),
    )
    .await;
    let groups = ok(b, "Worker.GetSubAccountWorkerGroupList", user.clone()).await;
    let gid = groups[0]["id"].as_i64().unwrap();
    assert_eq!(groups, json!([{"id": gid, "name": "四川"}]));
    let names: Vec<String> = workers.as_array().unwrap()[..2]
        .iter()
        .map(|w| w["name"].as_str().unwrap().to_owned())
        .collect();
    ok(
        b,
        "Worker.SetWorkerGroupBulk",
        json!({"userName": "miner1", "groupId": gid, "workers": names}),
    )
    .await;
    ok(
        b,
        "Worker.UpdateGroup",
        json!({"userName": "miner1", "groupId": gid, "name": "重庆"}),
    )
    .await;
    let workers = ok(b, "Worker.GetSubAccountWorkerList", user.clone()).await;
    let group_of = |w: &Value, i: usize| w[i]["group"].clone();
    assert_eq!(group_of(&workers, 0), json!({"id": gid, "name": "重庆"}));
    assert_eq!(group_of(&workers, 2)["id"], 0);
    ok(
        b,
        "Worker.DeleteGroup",
        json!({"userName": "miner1", "groupId": gid}),
    )
    .await;
    let workers = ok(b, "Worker.GetSubAccountWorkerList", user.clone()).await;
    assert_eq!(group_of(&workers, 0)["id"], 0, "back to ungrouped");
    assert_eq!(
        ok(b, "Worker.GetSubAccountWorkerGroupList", user).await,
        json!([])
    );

    // History from the synthetic hashrate: one row per day or hour of the range.
    let profit = json!({"userName": "miner1", "coinType": "btc", "start": "2020-04-01", "end": "2020-04-07"});
    let profit = ok(b, "Profit.GetByDay", profit).await;
    assert_eq!(profit.as_array().unwrap().len(), 7);
    assert_eq!(
        (&profit[0]["at"], &profit[6]["at"]),
        (&json!("2020-04-01"), &json!("2020-04-07"))
    );
    let hours =
        json!({"userName": "miner1", "start": "2020-04-01 00:00:00", "end": "2020-04-02 23:00:00"});
    let speed = ok(b, "Speed.GetSubAccountHourlySpeed", hours).await;
    assert_eq!(speed.as_array().unwrap().len(), 48);
    assert_eq!(speed[47]["time"], "2020-04-02 23:00:00");
    let daily = ok(b, "Speed.GetSystemDailySpeed", json!({})).await;
    assert_eq!(daily.as_array().unwrap().len(), 30);
    assert!(daily[29]["validSpeed"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn missing_or_malformed_parameters_are_5010() {
    let base = common::start(Config::default()).await;
    let b = base.as_str();
    let sub = json!({"master": "alice", "userName": "m", "theorySpeed": 1, "description": "d", "workerCount": 1});
    ok(b, "SubAccount.Create", sub).await;
    let cases = [
        ("Account.Create", json!({"account": "c", "mail": "c@x.cn"})),
        ("Account.Create", json!({"account": "c", "password": "p"})),
        (
            "Account.Create",
            json!({"account": "c", "password": "p", "phone": "123"}),
        ),
        (
            "Account.Create",
            json!({"account": "c", "password": "p", "mail": "no-at"}),
        ),
        ("Account.GetBindInfo", json!({})),
        (
            "SubAccount.Create",
            json!({"master": "alice", "userName": "n", "theorySpeed": 1, "description": "d", "workerCount": -1}),
        ),
        (
            "SubAccount.Create",
            json!({"master": "alice", "userName": "n", "theorySpeed": "fast", "description": "d", "workerCount": 1}),
        ),
        ("SubAccount.BulkGetBasicInfo", json!({"userNames": "m"})),
        (
            "SubAccount.UpdateFeeInfo",
            json!({"userName": "m", "feeType": "PROP"}),
        ),
        (
            "SubAccount.UpdateFeeInfo",
            json!({"userName": "m", "fee": 2}),
        ),
        (
            "SubAccount.GetCoinHarvestSetting",
            json!({"userName": "m", "coinType": "eth"}),
        ),
        (
            "SubAccount.SetCoinHarvestSetting",
            json!({"userName": "m", "coinType": "btc", "address": "a", "min": 0.5}),
        ),
        (
            "SubAccount.SetMoneyHarvestSetting",
            json!({"userName": "m", "province": "p", "city": "c", "name": "n", "branch": "b", "owner": "o", "no": "x1", "min": 1}),
        ),
        (
            "SubAccount.SetCoin2MoneySetting",
            json!({"userName": "m", "auto": "yes"}),
        ),
        (
            "SubAccount.AddObserverInfo",
            json!({"userName": "m", "rights": ["admin"], "remark": "r"}),
        ),
        (
            "SubAccount.AddObserverInfo",
            json!({"userName": "m", "rights": [], "remark": "r"}),
        ),
        (
            "SubAccount.AddObserverInfo",
            json!({"userName": "m", "rights": ["worker_observer"]}),
        ),
        (
            "SubAccount.Create",
            json!({"master": "alice", "userName": "n", "theorySpeed": 1, "workerCount": 1}),
        ),
        ("SubAccount.DeleteObserverInfo", json!({"linkId": "one"})),
        ("Worker.CreateGroup", json!({"userName": "m"})),
        (
            "Worker.SetWorkerGroupBulk",
            json!({"userName": "m", "groupId": 0, "workers": []}),
        ),
        (
            "Speed.GetSubAccountDailySpeed",
            json!({"userName": "m", "start": "2020-04-02", "end": "2020-04-01"}),
        ),
        (
            "Profit.GetByDay",
            json!({"userName": "m", "coinType": "eth", "start": "2020-04-01", "end": "2020-04-01"}),
        ),
    ];
    for (action, params) in cases {
        assert_eq!(
            code(b, action, params.clone()).await,
            5010,
            "{action} {params}"
        );
    }
}

#[tokio::test]
async fn what_the_state_refuses_is_5030() {
    let base = common::start(Config::default()).await;
    let b = base.as_str();
    let sub = |master: &str, name: &str| json!({"master": master, "userName": name, "theorySpeed": 1, "description": "d", "workerCount": 1});
    ok(b, "SubAccount.Create", sub("alice", "m")).await;
    ok(
        b,
        "Worker.CreateGroup",
        json!({"userName": "m", "name": "g"}),
    )
    .await;
    let cases = [
        (
            "Account.Create",
            json!({"account": "alice", "password": "p", "mail": "a@b.cn"}),
        ),
        ("Account.GetBindInfo", json!({"account": "ghost"})),
        ("SubAccount.GetUserAll", json!({"account": "ghost"})),
        ("SubAccount.Create", sub("ghost", "n")),
        ("SubAccount.Create", sub("alice", "m")),
        ("SubAccount.GetObserverList", json!({"userName": "ghost"})),
        (
            "SubAccount.UpdateObserverInfo",
            json!({"linkId": 999, "rights": ["worker_observer"], "remark": "x"}),
        ),
        ("SubAccount.DeleteObserverInfo", json!({"linkId": 999})),
        ("Worker.CreateGroup", json!({"userName": "m", "name": "g"})),
        (
            "Worker.UpdateGroup",
            json!({"userName": "m", "groupId": 999, "name": "h"}),
        ),
        (
            "Worker.DeleteGroup",
            json!({"userName": "m", "groupId": 999}),
        ),
        (
            "Worker.SetWorkerGroupBulk",
            json!({"userName": "m", "groupId": 999, "workers": ["worker1x100"]}),
        ),
        (
            "Worker.SetWorkerGroupBulk",
            json!({"userName": "m", "groupId": 0, "workers": ["worker1x100", "nobody"]}),
        ),
        (
            "Speed.GetWorkerHourlySpeed",
            json!({"userName": "m", "worker": "nobody", "start": "2020-04-01 00:00:00", "end": "2020-04-01 01:00:00"}),
        ),
        ("Profit.GetAccountSummary", json!({"account": "ghost"})),
    ];
    for (action, params) in cases {
        assert_eq!(
            code(b, action, params.clone()).await,
            5030,
            "{action} {params}"
        );
    }
}
