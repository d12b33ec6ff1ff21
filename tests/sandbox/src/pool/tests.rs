//! The pool's history answers (Profit.*, Speed.*, worker activity) from the synthetic model, at a
//! fixed clock so every value is reproducible.

use serde_json::{json, Value};

use super::period::second_text;
use super::state::{Fail, State};
use crate::catalog::Catalog;

/// 2020-04-10 12:34:56 Beijing time.
const NOW: i64 = 1_586_493_296;

fn call_at(s: &State, action: &str, params: Value, now: i64) -> Result<Value, (u32, String)> {
    let Value::Object(p) = params else {
        panic!("params must be an object")
    };
    s.answer(action, &p, now).map_err(|Fail(c, m)| (c, m))
}

fn ok_at(s: &State, action: &str, params: Value, now: i64) -> Value {
    call_at(s, action, params.clone(), now)
        .unwrap_or_else(|(c, m)| panic!("{action} {params}: {c} {m}"))
}

fn ok(s: &State, action: &str, params: Value) -> Value {
    ok_at(s, action, params, NOW)
}

fn code(s: &State, action: &str, params: Value) -> u32 {
    match call_at(s, action, params.clone(), NOW) {
        Ok(v) => panic!("{action} {params} answered {v}"),
        Err((c, _)) => c,
    }
}

/// A pool with alice's sub-accounts `(name, theorySpeed P, workers)`.
fn pool(subs: &[(&str, f64, i64)]) -> State {
    let s = State::default();
    for (name, speed, workers) in subs {
        let sub = json!({"master": "alice", "userName": name, "theorySpeed": speed, "description": "d", "workerCount": workers});
        ok(&s, "SubAccount.Create", sub);
    }
    s
}

fn rows(v: &Value) -> &Vec<Value> {
    v.as_array().expect("an array")
}

fn column<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    rows(v).iter().map(|r| &r[key]).collect()
}

/// The 15 history actions with valid parameters for sub-account `m`.
fn history_queries() -> Vec<(&'static str, Value)> {
    let days = json!({"userName": "m", "start": "2020-04-01", "end": "2020-04-03"});
    let hours =
        json!({"userName": "m", "start": "2020-04-01 00:00:00", "end": "2020-04-01 05:00:00"});
    let mut worker_days = days.clone();
    worker_days["worker"] = json!("worker1x101");
    let mut worker_hours = hours.clone();
    worker_hours["worker"] = json!("worker1x101");
    let mut btc_days = days.clone();
    btc_days["coinType"] = json!("btc");
    vec![
        ("Profit.GetSubAccountSummary", json!({"userName": "m"})),
        ("Profit.GetAccountSummary", json!({"account": "alice"})),
        ("Profit.GetByDay", btc_days),
        (
            "Profit.GetAllUserPaymentByDay",
            json!({"day": "2020-04-09"}),
        ),
        ("Speed.GetSubAccountDailySpeed", days.clone()),
        ("Speed.GetSubAccountHourlySpeed", hours.clone()),
        ("Speed.GetSubAccountRealtimeSpeed", json!({"userName": "m"})),
        ("Speed.GetWorkerDailySpeed", worker_days),
        ("Speed.GetWorkerHourlySpeed", worker_hours),
        ("Speed.GetSubAccountAllWorkersHourlySpeedBulk", hours),
        ("Speed.GetSystemDailySpeed", json!({})),
        ("Speed.GetSystemHourlySpeed", json!({})),
        ("Speed.GetSystemRealtimeSpeed", json!({"coinType": "all"})),
        (
            "Worker.GetSubAccountWorkerHourlyActiveNumList",
            days.clone(),
        ),
        ("Worker.GetSubAccountWorkerDailyActiveNumList", days),
    ]
}

#[test]
fn the_clock_reads_beijing_time() {
    assert_eq!(second_text(NOW), "2020-04-10 12:34:56");
}

#[test]
fn every_catalog_action_is_answered_from_state() {
    let catalog = Catalog::load();
    let actions: Vec<&str> = catalog
        .routes()
        .iter()
        .filter_map(|r| r.action.as_deref())
        .collect();
    assert_eq!(actions.len(), 45);
    let s = pool(&[("m", 1.0, 4)]);
    for action in &actions {
        if let Err((_, message)) = call_at(&s, action, json!({}), NOW) {
            assert_ne!(message, "unknown action", "{action}");
        }
    }
    assert_eq!(
        call_at(&s, "Account.Explode", json!({}), NOW),
        Err((5010, "unknown action".into()))
    );
    // Every history answer follows the sub-account: another speed and worker count, other data.
    let other = pool(&[("m", 2.0, 5)]);
    for (action, params) in history_queries() {
        assert!(actions.contains(&action), "{action}");
        let (a, b) = (ok(&s, action, params.clone()), ok(&other, action, params));
        assert_ne!(a, b, "{action} does not follow the state");
    }
}

#[test]
fn the_same_query_answers_the_same_rows() {
    let (a, b) = (pool(&[("m", 1.0, 4)]), pool(&[("m", 1.0, 4)]));
    for (action, params) in history_queries() {
        let first = ok(&a, action, params.clone());
        assert_eq!(first, ok(&a, action, params.clone()), "{action}");
        assert_eq!(first, ok(&b, action, params), "{action}");
    }
    // The model is per name: another sub-account of the same size answers other rows.
    let c = pool(&[("n", 1.0, 4)]);
    let hours = |name: &str| json!({"userName": name, "start": "2020-04-01 00:00:00", "end": "2020-04-01 05:00:00"});
    assert_ne!(
        ok(&a, "Speed.GetSubAccountHourlySpeed", hours("m")),
        ok(&c, "Speed.GetSubAccountHourlySpeed", hours("n"))
    );
}

#[test]
fn rows_cover_the_range_in_order() {
    let s = pool(&[("m", 1.0, 4)]);
    let days = |a: &str, b: &str| json!({"userName": "m", "start": a, "end": b});
    let daily = ok(
        &s,
        "Speed.GetSubAccountDailySpeed",
        days("2020-02-28", "2020-03-01"),
    );
    assert_eq!(
        column(&daily, "time"),
        ["2020-02-28", "2020-02-29", "2020-03-01"]
    );
    let year = ok(
        &s,
        "Speed.GetSubAccountDailySpeed",
        days("2020-01-01", "2020-12-31"),
    );
    assert_eq!(rows(&year).len(), 366);
    let one = ok(
        &s,
        "Profit.GetByDay",
        json!({"userName": "m", "coinType": "cny", "start": "2020-04-01", "end": "2020-04-01"}),
    );
    assert_eq!(column(&one, "at"), ["2020-04-01"]);

    let hourly = ok(
        &s,
        "Speed.GetSubAccountHourlySpeed",
        days("2020-04-01 00:00:00", "2020-04-02 23:59:59"),
    );
    let times = column(&hourly, "time");
    assert_eq!(times.len(), 48);
    assert_eq!(
        (times[0], times[1], times[47]),
        (
            &json!("2020-04-01 00:00:00"),
            &json!("2020-04-01 01:00:00"),
            &json!("2020-04-02 23:00:00")
        )
    );
    // A day's speed is the mean of its hours.
    let two_days = ok(
        &s,
        "Speed.GetSubAccountDailySpeed",
        days("2020-04-01", "2020-04-02"),
    );
    let first_day: u64 = rows(&hourly)[..24]
        .iter()
        .map(|r| r["validSpeed"].as_u64().unwrap())
        .sum();
    assert_eq!(two_days[0]["validSpeed"], first_day / 24);
    // Times inside an hour select the hours holding them.
    let partial = ok(
        &s,
        "Speed.GetSubAccountHourlySpeed",
        days("2020-04-01 00:30:00", "2020-04-01 01:00:00"),
    );
    assert_eq!(
        column(&partial, "time"),
        ["2020-04-01 00:00:00", "2020-04-01 01:00:00"]
    );

    // The hourly active list takes dates and answers hours.
    let active = ok(
        &s,
        "Worker.GetSubAccountWorkerHourlyActiveNumList",
        days("2020-04-01", "2020-04-02"),
    );
    let at = column(&active, "at");
    assert_eq!(
        (at.len(), at[0], at[47]),
        (
            48,
            &json!("2020-04-01 00:00:00"),
            &json!("2020-04-02 23:00:00")
        )
    );
    let daily_active = ok(
        &s,
        "Worker.GetSubAccountWorkerDailyActiveNumList",
        days("2020-04-01", "2020-04-02"),
    );
    assert_eq!(column(&daily_active, "at"), ["2020-04-01", "2020-04-02"]);

    // Bulk: per hour, every worker in list order.
    let bulk = ok(
        &s,
        "Speed.GetSubAccountAllWorkersHourlySpeedBulk",
        days("2020-04-01 00:00:00", "2020-04-01 01:00:00"),
    );
    assert_eq!(rows(&bulk).len(), 8);
    assert_eq!(
        (&bulk[3]["worker"], &bulk[3]["time"], &bulk[4]["worker"]),
        (
            &json!("worker1x103"),
            &json!("2020-04-01 00:00:00"),
            &json!("worker1x100")
        )
    );
    assert!(bulk[0].get("rejectRate").is_some() && bulk[0].get("rejectSpeed").is_none());

    // The pool: the 30 whole days and 24 whole hours before now.
    let system = ok(&s, "Speed.GetSystemDailySpeed", json!({}));
    let time = column(&system, "time");
    assert_eq!(
        (time.len(), time[0], time[29]),
        (30, &json!("2020-03-11"), &json!("2020-04-09"))
    );
    let system = ok(&s, "Speed.GetSystemHourlySpeed", json!({}));
    let time = column(&system, "time");
    assert_eq!(
        (time.len(), time[0], time[23]),
        (
            24,
            &json!("2020-04-09 12:00:00"),
            &json!("2020-04-10 11:00:00")
        )
    );
}

#[test]
fn bad_dates_ranges_and_enums_are_5010() {
    let s = pool(&[("m", 1.0, 4)]);
    let range = |a: &str, b: &str| json!({"userName": "m", "start": a, "end": b});
    let daily = [
        range("2020-4-01", "2020-04-02"),
        range("2020-02-30", "2020-03-01"),
        range("2020-04-01 00:00:00", "2020-04-02"),
        range("2020/04/01", "2020-04-02"),
        range("2020-04-03", "2020-04-02"),
        range("2020-01-01", "2021-01-01"),
        json!({"userName": "m", "start": "2020-04-01"}),
    ];
    for params in daily {
        for action in [
            "Speed.GetSubAccountDailySpeed",
            "Worker.GetSubAccountWorkerDailyActiveNumList",
        ] {
            assert_eq!(code(&s, action, params.clone()), 5010, "{action} {params}");
        }
    }
    let hourly = [
        range("2020-04-01", "2020-04-02 00:00:00"),
        range("2020-04-01T00:00:00", "2020-04-02 00:00:00"),
        range("2020-04-01 24:00:00", "2020-04-02 00:00:00"),
        range("2020-04-01 00:60:00", "2020-04-02 00:00:00"),
        range("2020-04-02 00:00:01", "2020-04-02 00:00:00"),
        range("2020-04-01 00:00:00", "2020-05-02 00:00:00"),
    ];
    for params in hourly {
        assert_eq!(
            code(&s, "Speed.GetSubAccountHourlySpeed", params.clone()),
            5010,
            "{params}"
        );
    }
    // 31 days of hours is the cap, for the date-ranged hourly list too.
    let most = range("2020-04-01 00:00:00", "2020-05-01 23:00:00");
    assert_eq!(
        rows(&ok(&s, "Speed.GetSubAccountHourlySpeed", most)).len(),
        744
    );
    let too_many = range("2020-04-01", "2020-05-02");
    assert_eq!(
        code(
            &s,
            "Worker.GetSubAccountWorkerHourlyActiveNumList",
            too_many
        ),
        5010
    );
    let by_day = |c: &str| json!({"userName": "m", "coinType": c, "start": "2020-04-01", "end": "2020-04-02"});
    assert_eq!(code(&s, "Profit.GetByDay", by_day("all")), 5010);
    assert_eq!(code(&s, "Profit.GetByDay", by_day("eth")), 5010);
    let system = |c: &str| json!({"coinType": c});
    assert_eq!(
        code(&s, "Speed.GetSystemRealtimeSpeed", system("cny")),
        5010
    );
    assert_eq!(code(&s, "Speed.GetSystemRealtimeSpeed", json!({})), 5010);
    for day in ["2020-04-31", "20200401", ""] {
        let params = json!({"day": day});
        assert_eq!(code(&s, "Profit.GetAllUserPaymentByDay", params), 5010);
    }
}

#[test]
fn unknown_sub_accounts_and_workers_are_5030() {
    let s = pool(&[("m", 1.0, 4)]);
    let days = json!({"userName": "ghost", "start": "2020-04-01", "end": "2020-04-02"});
    assert_eq!(code(&s, "Speed.GetSubAccountDailySpeed", days), 5030);
    let worker =
        json!({"userName": "m", "worker": "nobody", "start": "2020-04-01", "end": "2020-04-02"});
    assert_eq!(code(&s, "Speed.GetWorkerDailySpeed", worker), 5030);
    let summary = json!({"userName": "ghost"});
    assert_eq!(code(&s, "Profit.GetSubAccountSummary", summary), 5030);
    let account = json!({"account": "ghost"});
    assert_eq!(code(&s, "Profit.GetAccountSummary", account), 5030);
}

#[test]
fn speeds_past_2_pow_53_stay_json_integers() {
    let s = pool(&[("big", 30.0, 1)]);
    let now = ok(
        &s,
        "Speed.GetSubAccountRealtimeSpeed",
        json!({"userName": "big"}),
    );
    let system = ok(
        &s,
        "Speed.GetSystemRealtimeSpeed",
        json!({"coinType": "btc"}),
    );
    for (v, key) in [
        (&now["speed24h"], "validSpeed"),
        (&system[0]["speed5m"], "totalSpeed"),
    ] {
        let n = v[key].as_u64().expect("an integer");
        assert!(n > 1 << 53, "{n}");
        let text = serde_json::to_string(v).unwrap();
        assert!(text.contains(&format!("\"{key}\":{n}")), "{text}");
    }
}

#[test]
fn the_worker_summary_counts_the_worker_lists_statuses() {
    let s = pool(&[("m", 1.0, 6)]);
    let user = json!({"userName": "m"});
    let mut saw_stopped = false;
    for hour in 0..72 {
        let now = NOW + hour * 3600;
        let list = ok_at(&s, "Worker.GetSubAccountWorkerList", user.clone(), now);
        let summary = ok_at(&s, "Worker.GetSubAccountWorkerSummary", user.clone(), now);
        let count = |status: u64| {
            let statuses = column(&list, "status");
            statuses
                .iter()
                .filter(|s| s.as_u64() == Some(status))
                .count()
        };
        assert_eq!(
            summary,
            json!({"running": count(1), "stopped": count(2), "invalid": 0})
        );
        saw_stopped |= count(2) > 0;
        // The sub-account's speed is its workers' sum.
        let realtime = ok_at(&s, "Speed.GetSubAccountRealtimeSpeed", user.clone(), now);
        let sum: u64 = rows(&list)
            .iter()
            .map(|w| w["speed5m"]["validSpeed"].as_u64().unwrap())
            .sum();
        assert_eq!(realtime["speed5m"]["validSpeed"], sum);
        for w in rows(&list) {
            let stopped = w["status"] == 2;
            assert_eq!(stopped, w["speed5m"]["validSpeed"] == 0, "{w}");
            let committed = w["lastCommitTime"].as_str().unwrap();
            assert_eq!(committed.len(), 19);
            assert_eq!(stopped, committed.ends_with(":59:59"), "{w}");
        }
    }
    assert!(saw_stopped, "the model stops some worker-hours");
}

#[test]
fn online_counts_vary() {
    let s = pool(&[("m", 1.0, 10)]);
    let days = json!({"userName": "m", "start": "2020-03-01", "end": "2020-03-31"});
    for action in [
        "Worker.GetSubAccountWorkerHourlyActiveNumList",
        "Worker.GetSubAccountWorkerDailyActiveNumList",
    ] {
        let counts = ok(&s, action, days.clone());
        let mut n: Vec<u64> = column(&counts, "workerNum")
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        n.sort_unstable();
        n.dedup();
        assert!(n.len() > 1 && n[n.len() - 1] <= 10, "{action}: {n:?}");
    }
}

/// `s` is decimal text with exactly `digits` fraction digits.
fn decimal(s: &Value, digits: usize) -> bool {
    let Some((int, frac)) = s.as_str().and_then(|s| s.split_once('.')) else {
        return false;
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    all_digits(int) && all_digits(frac) && frac.len() == digits
}

#[test]
fn payments_are_decimal_text_paid_as_the_settings_say() {
    let s = pool(&[("a", 1.0, 2), ("b", 1.0, 2), ("c", 1.0, 2), ("d", 1.0, 2)]);
    let coin = |user: &str, c: &str, min: f64| json!({"userName": user, "coinType": c, "address": format!("{user}-{c}-address"), "min": min});
    ok(
        &s,
        "SubAccount.SetCoinHarvestSetting",
        coin("a", "btc", 0.01),
    );
    ok(
        &s,
        "SubAccount.SetCoinHarvestSetting",
        coin("a", "bch", 0.0),
    );
    ok(
        &s,
        "SubAccount.SetCoinHarvestSetting",
        coin("d", "btc", 0.01),
    );
    for user in ["b", "d"] {
        let bank = json!({"userName": user, "province": "北京", "city": "北京", "name": "中国银行", "branch": "西二旗支行", "owner": "李鸿章", "no": "6223211231313123", "min": 500});
        ok(&s, "SubAccount.SetMoneyHarvestSetting", bank);
    }
    ok(
        &s,
        "SubAccount.SetCoin2MoneySetting",
        json!({"userName": "d", "auto": true}),
    );

    let paid = ok(
        &s,
        "Profit.GetAllUserPaymentByDay",
        json!({"day": "2020-04-09"}),
    );
    assert_eq!(column(&paid, "userName"), ["a", "b", "c", "d"]);
    for row in rows(&paid) {
        assert_eq!(row["at"], "2020-04-09");
        for key in ["btcPaid", "bchPaid", "btcRemain", "bchRemain"] {
            assert!(decimal(&row[key], 8), "{key}: {row}");
        }
        for key in ["rmbPaid", "rmbRemain"] {
            assert!(decimal(&row[key], 2), "{key}: {row}");
        }
    }
    let (a, b, c, d) = (&paid[0], &paid[1], &paid[2], &paid[3]);
    // a: BTC paid automatically (yesterday's profit, as Profit.GetByDay books it); BCH kept.
    let by_day =
        json!({"userName": "a", "coinType": "btc", "start": "2020-04-09", "end": "2020-04-09"});
    let booked = ok(&s, "Profit.GetByDay", by_day);
    assert_eq!(booked[0]["status"], "paying");
    let total = booked[0]["total"].as_f64().unwrap();
    assert_eq!(a["btcPaid"], format!("{total:.8}"));
    assert_eq!(
        (&a["btcRemain"], &a["payType"], &a["address"]),
        (&json!("0.00000000"), &json!("BTC"), &json!("a-btc-address"))
    );
    assert_eq!(
        (&a["bchPaid"], &a["bchLockReason"], &a["bchAddress"]),
        (
            &json!("0.00000000"),
            &json!("未开启自动支付"),
            &json!("a-bch-address")
        )
    );
    assert_ne!(a["bchRemain"], "0.00000000");
    // b and d: to the bank, its fields as JSON text; c: nowhere to pay.
    for bank in [b, d] {
        assert_eq!(bank["payType"], "BANK");
        let fields: Value = serde_json::from_str(bank["address"].as_str().unwrap()).unwrap();
        assert_eq!(fields["no"], "6223211231313123");
    }
    assert_ne!(b["rmbPaid"], "0.00");
    assert_eq!(
        (&b["btcPaid"], &b["btcLockReason"]),
        (&json!("0.00000000"), &json!("未设置收款地址"))
    );
    assert_eq!(
        (&c["payType"], &c["address"], &c["bchAddress"]),
        (&json!("BTC"), &json!(""), &json!(""))
    );
    // Today is not settled: nothing paid or held yet.
    let today = ok(
        &s,
        "Profit.GetAllUserPaymentByDay",
        json!({"day": "2020-04-10"}),
    );
    assert_eq!(
        (
            &today[0]["btcPaid"],
            &today[0]["btcRemain"],
            &today[0]["rmbRemain"]
        ),
        (&json!("0.00000000"), &json!("0.00000000"), &json!("0.00"))
    );
}

#[test]
fn summaries_follow_the_daily_rows() {
    let s = pool(&[("m", 1.0, 3), ("n", 2.0, 2)]);
    let set = json!({"userName": "m", "coinType": "btc", "address": "1Boat", "min": 0.01});
    ok(&s, "SubAccount.SetCoinHarvestSetting", set);
    let summary = ok(&s, "Profit.GetSubAccountSummary", json!({"userName": "m"}));
    assert_eq!(column(&summary, "type"), ["btc", "bch", "cny"]);
    // The 30 settled days before today.
    let window = |c: &str| {
        ok(
            &s,
            "Profit.GetByDay",
            json!({"userName": "m", "coinType": c, "start": "2020-03-11", "end": "2020-04-09"}),
        )
    };
    let (btc, bch) = (window("btc"), window("bch"));
    let totals = |v: &Value| -> Vec<f64> {
        column(v, "total")
            .iter()
            .map(|t| t.as_f64().unwrap())
            .collect()
    };
    // Totals are rounded to 8 decimals.
    let close = |a: &Value, b: f64| (a.as_f64().unwrap() - b).abs() < 1e-8;
    for row in rows(&btc) {
        let (speed, per_p) = (
            row["speed"].as_f64().unwrap(),
            row["profitPerP"].as_f64().unwrap(),
        );
        assert!(close(&row["total"], speed * per_p), "{row}");
    }
    let btc_totals = totals(&btc);
    let statuses = column(&btc, "status");
    assert!(statuses[..29].iter().all(|s| *s == "finish"), "{btc}");
    assert_eq!(statuses[29], "paying");
    assert!(close(&summary[0]["total"], btc_totals.iter().sum()));
    assert!(close(&summary[0]["remain"], btc_totals[29]));
    assert!(close(&summary[0]["latestPay"], btc_totals[28]));
    assert_eq!(summary[0]["autoPay"], 0.01);
    // No BCH address: everything kept, nothing paid.
    assert!(column(&bch, "status").iter().all(|s| *s == "saved"));
    let bch_total: f64 = totals(&bch).iter().sum();
    assert!(close(&summary[1]["total"], bch_total) && close(&summary[1]["remain"], bch_total));
    assert_eq!(
        (&summary[1]["latestPay"], &summary[1]["autoPay"]),
        (&json!(0.0), &json!(-1.0))
    );
    // Today is not settled.
    let today =
        json!({"userName": "m", "coinType": "btc", "start": "2020-04-10", "end": "2020-04-10"});
    assert_eq!(ok(&s, "Profit.GetByDay", today)[0]["status"], "none");

    // The account sums its sub-accounts.
    let other = ok(&s, "Profit.GetSubAccountSummary", json!({"userName": "n"}));
    let account = ok(&s, "Profit.GetAccountSummary", json!({"account": "alice"}));
    for i in 0..3 {
        assert_eq!(account[i]["type"], summary[i]["type"]);
        let both = summary[i]["total"].as_f64().unwrap() + other[i]["total"].as_f64().unwrap();
        assert!(close(&account[i]["total"], both), "{account}");
    }
}
