use serde_json::json;

use super::*;

#[test]
fn code_zero_is_success_and_data_the_payload() {
    let ok = json!({"code": 0, "message": null, "data": {"auto": true}});
    assert!(PoolEnvelope.check("pool", 200, &ok).is_ok());
    assert_eq!(PoolEnvelope.payload(ok), json!({"auto": true}));
    let write = json!({"code": "0", "message": null, "data": null});
    assert!(PoolEnvelope.check("pool", 200, &write).is_ok());
    assert_eq!(PoolEnvelope.payload(write), Value::Null);
}

#[test]
fn each_documented_code_has_its_kind() {
    let cases = [
        (5010, ErrorKind::InvalidInput, false),
        (5020, ErrorKind::Unauthorized, false),
        (5030, ErrorKind::Api, false),
        (5040, ErrorKind::Forbidden, false),
        (5050, ErrorKind::Api, true),
        (6000, ErrorKind::Api, false),
    ];
    for (c, kind, transient) in cases {
        let body = json!({"code": c, "message": "为什么", "data": null});
        let e = PoolEnvelope.check("pool", 200, &body).unwrap_err();
        let code = c.to_string();
        assert_eq!(
            (e.kind(), e.code(), e.message(), e.transient(), e.status()),
            (kind, Some(code.as_str()), "为什么", transient, Some(200))
        );
    }
}

#[test]
fn an_answer_without_a_code_is_not_read_as_success() {
    for body in [json!({"data": {}}), json!({"code": "x"}), json!([0])] {
        let e = PoolEnvelope.check("pool", 200, &body).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode, "{body}");
    }
}

fn body(spec: &'static crate::api::EndpointSpec, input: Value) -> Result<Value> {
    let base = url::Url::parse("https://pool.example/api/").unwrap();
    let r = crate::api::client::build_value(spec, &base, input, &crate::executor::NoAuth)?;
    assert_eq!((r.method().as_str(), r.uri().to_string().as_str()), ("POST", "https://pool.example/api/"));
    Ok(serde_json::from_slice(r.body()).unwrap())
}

fn refusal(spec: &'static crate::api::EndpointSpec, input: Value) -> String {
    let e = body(spec, input).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    e.message().to_owned()
}

#[test]
fn an_action_sends_its_name_and_the_validated_parameters() {
    let sent = body(
        &specs::sub_account_create,
        json!({"master": "alice", "userName": "miner1", "theorySpeed": 1.0, "description": "四川", "workerCount": 3}),
    )
    .unwrap();
    assert_eq!(
        sent,
        json!({"action": "SubAccount.Create", "data": {"master": "alice", "userName": "miner1", "theorySpeed": 1, "description": "四川", "workerCount": 3}})
    );
    // A whole double is written as JSON.stringify writes it (`1`, not `1.0`): the pool signs
    // the text, and every language must send the same.
    let text = serde_json::to_string(&sent["data"]["theorySpeed"]).unwrap();
    assert_eq!(text, "1");
    let none = body(&specs::speed_get_system_daily_speed, Value::Null).unwrap();
    assert_eq!(none, json!({"action": "Speed.GetSystemDailySpeed", "data": {}}));
}

#[test]
fn documented_constraints_are_refused_before_sending() {
    let account = json!({"account": "alice", "password": "pw"});
    assert!(refusal(&specs::account_create, account).contains("give at least one of phone, mail"));
    let with_null = json!({"account": "alice", "password": "pw", "phone": null});
    assert!(refusal(&specs::account_create, with_null).contains("phone, mail"));
    assert!(body(&specs::account_create, json!({"account": "a", "password": "p", "mail": "m@x"})).is_ok());

    let day = |start: &str| json!({"userName": "u", "coinType": "btc", "start": start, "end": "2020-04-02"});
    assert!(refusal(&specs::profit_get_by_day, day("2020/04/01")).contains("start: must be a date, YYYY-MM-DD"));
    assert!(refusal(&specs::profit_get_by_day, day("2020-02-30")).contains("start"));
    assert!(body(&specs::profit_get_by_day, day("2020-02-29")).is_ok());
    let hour = json!({"userName": "u", "start": "2020-04-01", "end": "2020-04-01 10:00:00"});
    assert!(refusal(&specs::speed_get_sub_account_hourly_speed, hour).contains("YYYY-MM-DD HH:mm:ss"));

    let coin = json!({"userName": "u", "coinType": "cny"});
    assert!(refusal(&specs::sub_account_get_coin_harvest_setting, coin).contains("coinType"));
    let min = |m: f64| json!({"userName": "u", "coinType": "bch", "address": "1x", "min": m});
    assert!(refusal(&specs::sub_account_set_coin_harvest_setting, min(0.5)).contains("min: must be one of"));
    assert!(body(&specs::sub_account_set_coin_harvest_setting, min(0.001)).is_ok());
    let rights = json!({"userName": "u", "rights": ["profit_observer", "admin"], "remark": "r"});
    assert!(refusal(&specs::sub_account_add_observer_info, rights).contains("rights[1]"));
    let typo = json!({"userName": "u", "feeTyp": "PPS"});
    assert!(refusal(&specs::sub_account_update_fee_info, typo).contains("feeTyp"));
}

#[test]
fn only_what_changes_is_sent_for_fees() {
    let sent = body(&specs::sub_account_update_fee_info, json!({"userName": "u", "fee": 0.02})).unwrap();
    assert_eq!(sent["data"], json!({"userName": "u", "fee": 0.02}));
}
