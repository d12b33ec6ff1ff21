#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Seed 000 over HTTP: one chain-account and DDC scenario answered from state, then one test per
//! kind of documented validation error.

mod common;

use chainkit_sandbox::Config;
use serde_json::{json, Value};

const P: &str = "/ddcoai/sys/v1";

struct Ddc {
    base: String,
    c: reqwest::Client,
}

impl Ddc {
    async fn new() -> Self {
        Self {
            base: common::start(Config::default()).await,
            c: common::client(),
        }
    }

    async fn post(&self, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut r = self
            .c
            .post(format!("{}{P}{path}", self.base))
            .header("apitoken", "sandbox-ddc-apitoken");
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().await.unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    /// A success: the data of a code-0 envelope.
    async fn ok(&self, path: &str, body: Value) -> Value {
        let (status, v) = self.post(path, Some(body)).await;
        assert_eq!((status, &v["code"]), (200, &json!(0)), "{path}: {v}");
        assert_eq!(
            (&v["message"], &v["errorLogCode"]),
            (&json!("0"), &json!("0"))
        );
        v["data"].clone()
    }

    /// A refusal: the MSG code of a code -1 envelope.
    async fn refused(&self, path: &str, body: Value) -> String {
        let (status, v) = self.post(path, Some(body)).await;
        assert_eq!((status, &v["code"]), (200, &json!(-1)), "{path}: {v}");
        assert!(v["data"].is_null());
        // A failure carries a mark to find it in the service's log; successes show "0".
        let log = v["errorLogCode"].as_str().unwrap();
        assert!(log.len() == 16 && log != "0", "{v}");
        v["message"].as_str().unwrap().to_owned()
    }

    /// `application/x-www-form-urlencoded`, the document's other declared request type.
    async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> (u16, Value) {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let r = self
            .c
            .post(format!("{}{P}{path}", self.base))
            .header("apitoken", "sandbox-ddc-apitoken")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    async fn balance(&self) -> f64 {
        let (_, v) = self.post("/user/account/info/search", None).await;
        v["data"]["accountBalance"].as_f64().unwrap()
    }

    async fn account(&self, chain: i64, name: &str) -> String {
        let body = json!({"opbChainClientName": name, "opbChainId": chain});
        let d = self.ok("/chainaccount/save", body).await;
        assert_eq!(d["privateKey"].as_str().unwrap().len(), 64);
        d["opbChainClientAddress"].as_str().unwrap().to_owned()
    }
}

fn mint(owner: &str, code: &str) -> Value {
    json!({
        "ddcDesc": "描述", "ddcOwner": owner, "ddcPubTotal": "100", "ddcType": 1155,
        "imgFileBase64": "png,iVBORw0KGgoAAAANSUhEUg==", "imgFileName": "file1", "opbChainId": 9,
        "securityData": "附加数据", "userTradeCode": code,
    })
}

fn send(from: &str, to: &str, id: &str, n: &str, code: &str) -> Value {
    json!({
        "ddcId": id, "ddcOwner": from, "ddcType": 1155, "opbChainId": 9, "recipientAccount": to,
        "securityData": "附加数据", "sendNumber": n, "userTradeCode": code,
    })
}

fn burn(owner: &str, id: &str, code: &str) -> Value {
    json!({
        "ddcId": id, "ddcOwner": owner, "ddcType": 1155, "opbChainId": 9,
        "securityData": "附加数据", "userTradeCode": code,
    })
}

/// `yyyy-MM-dd`, `days` after today in Beijing time.
fn date_in(days: i64) -> String {
    let cst = time::UtcOffset::from_hms(8, 0, 0).unwrap();
    let d = time::OffsetDateTime::now_utc().to_offset(cst).date() + time::Duration::days(days);
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap()
}

async fn tx(d: &Ddc, trade_code: &str) -> Value {
    let rows = d
        .ok("/ddc/transfer/searches", json!({"tradeCode": trade_code}))
        .await;
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    rows[0].clone()
}

#[tokio::test]
async fn accounts_recharges_and_ddc_flow() {
    let d = Ddc::new().await;
    let (_, frames) = d.post("/opb/frame/framework/searches", None).await;
    let ids: Vec<i64> = frames["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["opbChainId"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [2, 9]);
    assert_eq!(d.balance().await, 1000.0);

    // Chain accounts: EOS-style names on 中移链 (9), 0x addresses on the EVM chain (2).
    let alice = d.account(9, "alice").await;
    let bob = d.account(9, "bob").await;
    let evm = d.account(2, "gas1").await;
    assert_eq!(alice.len(), 12);
    assert!(evm.starts_with("0x") && evm.len() == 42, "{evm}");
    let page =
        |data: Value, num: i64| json!({"data": data, "page": {"pageNum": num, "pageSize": 2}});
    let (_, listed) = d
        .post("/chainaccount/searches", Some(page(json!({}), 2)))
        .await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    assert_eq!(listed["data"][0]["opbChainClientAddress"], evm);
    assert_eq!(
        listed["resultPageInfo"],
        json!({"firstPage": false, "lastPage": true, "pageNum": 2, "pageSize": 2, "pages": 2, "total": 3})
    );
    let named = d
        .ok(
            "/chainaccount/searches",
            page(json!({"opbChainClientName": "bob"}), 1),
        )
        .await;
    assert_eq!(named[0]["opbChainClientAddress"], bob);
    assert_eq!(named[0]["opbChainName"], "中移链");

    // Energy: 200 算力值 at the listed 1 000 000 per unit.
    let gas = d
        .ok(
            "/chainaccount/hashrate/gas/search",
            json!({"opbChainId": 2}),
        )
        .await;
    assert_eq!(gas["gasQuantity"], 1_000_000);
    let body = json!({"hashRateValue": 200, "opbChainClientAddress": evm, "opbChainId": 2});
    let r = d.ok("/chainaccount/gas/recharge", body).await;
    assert_eq!(
        r,
        json!({"energyValue": 200_000_000, "opbChainClientAddress": evm})
    );
    let row = d
        .ok(
            "/chainaccount/searches",
            page(json!({"opbChainClientAddress": evm}), 1),
        )
        .await;
    assert_eq!(row[0]["energyValueBalance"], "200000000");
    assert_ne!(row[0]["gasLastUpdateTime"], "");
    assert_eq!(d.balance().await, 800.0);

    // 中移链 resources: CPU/NET per day for 30 days, RAM once, at the listed prices.
    let body = json!({
        "cpuPlusValue": 100, "netPlusValue": 100, "opbChainClientAddress": alice,
        "ramPlusValue": 100, "resourceValidDate": date_in(30),
    });
    d.ok("/chainaccount/resource/recharge", body).await;
    let price = d
        .ok("/chainaccount/hashrate/resource/search", json!({}))
        .await;
    let cost = (100.0 * price["eosCpu"].as_f64().unwrap()
        + 100.0 * price["eosNet"].as_f64().unwrap())
        * 30.0
        + 100.0 * price["eosRam"].as_f64().unwrap();
    assert!((d.balance().await - (800.0 - cost)).abs() < 1e-9);
    let row = d
        .ok(
            "/chainaccount/searches",
            page(json!({"opbChainClientAddress": alice}), 1),
        )
        .await;
    assert_eq!(
        row[0]["energyValueBalance"],
        "NET:100bytes,CPU:100us,RAM:100bytes"
    );

    // DDC: mint 100 to alice, send 30 to bob, bob burns his 30; each a recorded transaction.
    let before = d.balance().await;
    let minted = d.ok("/ddc/save", mint(&alice, "u-1")).await;
    let t = tx(&d, minted["tradeCode"].as_str().unwrap()).await;
    assert_eq!(
        (
            &t["txType"],
            &t["mintQuantity"],
            &t["ddcOwner"],
            &t["txStatus"]
        ),
        (&json!(20), &json!(100), &json!(alice), &json!(1))
    );
    assert_eq!(t["txHash"].as_str().unwrap().len(), 66);
    let id = t["ddcId"].as_str().unwrap().to_owned();
    let sent = d
        .ok("/ddc/send", send(&alice, &bob, &id, "30", "u-2"))
        .await;
    let t = tx(&d, sent["tradeCode"].as_str().unwrap()).await;
    assert_eq!(
        (&t["tradeQuantity"], &t["sendAccount"], &t["ddcOwner"]),
        (&json!(30), &json!(alice), &json!(bob))
    );
    // alice keeps 70: 80 is more than she holds.
    let over = send(&alice, &bob, &id, "80", "u-3");
    assert_eq!(d.refused("/ddc/send", over).await, "MSG_10051012");
    let burnt = d.ok("/ddc/burn", burn(&bob, &id, "u-4")).await;
    let t = tx(&d, burnt["tradeCode"].as_str().unwrap()).await;
    assert_eq!((&t["burnQuantity"], &t["txType"]), (&json!(30), &json!(23)));
    assert_eq!(
        d.refused("/ddc/burn", burn(&bob, &id, "u-5")).await,
        "MSG_10053011"
    );

    // Fees from the fee list: one mint, one send, one burn.
    let fees = d.ok("/ddc/fee/searches", json!({})).await;
    let fee = |t: i64| {
        fees.as_array()
            .unwrap()
            .iter()
            .find(|f| f["txType"] == t)
            .unwrap()["txAmount"]
            .as_f64()
            .unwrap()
    };
    let spent = fee(20) + fee(22) + fee(23);
    assert!((d.balance().await - (before - spent)).abs() < 1e-9);
    let all = d
        .ok(
            "/ddc/transfer/searches",
            json!({"tradeCode": "", "txType": 0, "userTradeCode": ""}),
        )
        .await;
    assert_eq!(all.as_array().unwrap().len(), 3);
    let sends = d.ok("/ddc/transfer/searches", json!({"txType": 22})).await;
    assert_eq!(sends[0]["userTradeCode"], "u-2");

    // The node-gateway key changes on update and stays changed.
    let (_, key) = d.post("/appaccess/access/key/search", None).await;
    let (_, new) = d.post("/appaccess/access/key/modify", None).await;
    assert_ne!(key["data"]["accessKey"], new["data"]["accessKey"]);
    let (_, again) = d.post("/appaccess/access/key/search", None).await;
    assert_eq!(again["data"], new["data"]);
}

#[tokio::test]
async fn required_fields() {
    let d = Ddc::new().await;
    let a = d.account(9, "a").await;
    let mut m = mint(&a, "x");
    m.as_object_mut().unwrap().remove("userTradeCode");
    assert_eq!(d.refused("/ddc/save", m).await, "MSG_10053001");
    let mut m = mint(&a, "x");
    m.as_object_mut().unwrap().remove("ddcPubTotal");
    assert_eq!(d.refused("/ddc/save", m).await, "MSG_10053001", "1155必填");
    let mut s = send(&a, &a, "1", "1", "x");
    s.as_object_mut().unwrap().remove("securityData");
    assert_eq!(d.refused("/ddc/send", s).await, "MSG_10053002");
    let mut b = burn(&a, "1", "x");
    b.as_object_mut().unwrap().remove("ddcId");
    assert_eq!(d.refused("/ddc/burn", b).await, "MSG_10053003");
    let r = json!({"netPlusValue": 1, "ramPlusValue": 1, "opbChainClientAddress": a, "resourceValidDate": date_in(9)});
    assert_eq!(
        d.refused("/chainaccount/resource/recharge", r).await,
        "MSG_10051002"
    );
}

#[tokio::test]
async fn formats_and_values() {
    let d = Ddc::new().await;
    let a = d.account(9, "a").await;
    let evm = d.account(2, "e").await;
    let file = |img: &str, name: &str| {
        let mut m = mint(&a, "x");
        m["imgFileBase64"] = json!(img);
        m["imgFileName"] = json!(name);
        m
    };
    for (img, name, code) in [
        (",iVBORw0K", "f", "MSG_10028062"),
        ("png,", "f", "MSG_10028063"),
        ("exe,iVBORw0K", "f", "MSG_10028065"),
        ("data:image/png;base64,iVBORw0K", "f", "MSG_10028065"),
        ("png,iVBORw0K", "f.png", "MSG_10028065"),
    ] {
        assert_eq!(d.refused("/ddc/save", file(img, name)).await, code, "{img}");
    }
    let mut m = mint(&a, "x");
    m["ddcType"] = json!(20);
    assert_eq!(d.refused("/ddc/save", m).await, "MSG_10053001");

    let gas = |v: Value| json!({"hashRateValue": v, "opbChainClientAddress": evm, "opbChainId": 2});
    let path = "/chainaccount/gas/recharge";
    assert_eq!(d.refused(path, gas(json!(0.001))).await, "MSG_10051020");
    assert_eq!(d.refused(path, gas(json!("lots"))).await, "MSG_10051020");
    assert_eq!(d.refused(path, gas(json!(0))).await, "MSG_10051032");

    let res = |addr: &str, cpu: Value, date: String| json!({"cpuPlusValue": cpu, "netPlusValue": 1, "ramPlusValue": 1, "opbChainClientAddress": addr, "resourceValidDate": date});
    let path = "/chainaccount/resource/recharge";
    assert_eq!(
        d.refused(path, res(&a, json!(0), date_in(9))).await,
        "MSG_10051033"
    );
    assert_eq!(
        d.refused(path, res(&a, json!(1.5), date_in(9))).await,
        "MSG_10051002"
    );
    assert_eq!(
        d.refused(path, res(&evm, json!(1), date_in(9))).await,
        "MSG_10051031"
    );
    assert_eq!(
        d.refused(path, res(&a, json!(1), "2030/01/01".into()))
            .await,
        "MSG_10051041"
    );
    assert_eq!(
        d.refused(path, res(&a, json!(1), date_in(1))).await,
        "MSG_10051028"
    );
    assert_eq!(
        d.refused(path, res(&a, json!(1), "2022-12-31".into()))
            .await,
        "MSG_10051028"
    );
    d.ok(path, res(&a, json!(1), date_in(2))).await;
}

#[tokio::test]
async fn unknown_chains_accounts_and_trades() {
    let d = Ddc::new().await;
    let a = d.account(9, "a").await;
    let evm = d.account(2, "e").await;
    let body = json!({"opbChainClientName": "n", "opbChainId": 77});
    assert_eq!(d.refused("/chainaccount/save", body).await, "MSG_10051001");
    let price = json!({"opbChainId": 9});
    assert_eq!(
        d.refused("/chainaccount/hashrate/gas/search", price).await,
        "MSG_10051022"
    );
    let gas = json!({"hashRateValue": 1, "opbChainClientAddress": "0xnobody", "opbChainId": 2});
    assert_eq!(
        d.refused("/chainaccount/gas/recharge", gas).await,
        "MSG_10051007"
    );
    let res = json!({"cpuPlusValue": 1, "netPlusValue": 1, "ramPlusValue": 1, "opbChainClientAddress": "nobody", "resourceValidDate": date_in(9)});
    assert_eq!(
        d.refused("/chainaccount/resource/recharge", res).await,
        "MSG_10051007"
    );
    let mut m = mint(&evm, "x");
    assert_eq!(
        d.refused("/ddc/save", m.clone()).await,
        "MSG_10051010",
        "an account of chain 2 on chain 9"
    );
    m["ddcOwner"] = json!("nobody");
    assert_eq!(d.refused("/ddc/save", m).await, "MSG_10051007");
    assert_eq!(
        d.refused("/ddc/send", send(&a, &a, "42", "1", "x")).await,
        "MSG_10053010"
    );
    let q = json!({"tradeCode": "DDC99999999999"});
    assert_eq!(d.refused("/ddc/transfer/searches", q).await, "MSG_10021051");
}

#[tokio::test]
async fn duplicates() {
    let d = Ddc::new().await;
    let a = d.account(9, "a").await;
    let again = json!({"opbChainClientName": "a", "opbChainId": 2});
    assert_eq!(d.refused("/chainaccount/save", again).await, "MSG_10051035");
    d.ok("/ddc/save", mint(&a, "same")).await;
    assert_eq!(
        d.refused("/ddc/save", mint(&a, "same")).await,
        "MSG_10053012"
    );
}

#[tokio::test]
async fn insufficient_balance() {
    let d = Ddc::new().await;
    let evm = d.account(2, "e").await;
    let gas = |v: i64| json!({"hashRateValue": v, "opbChainClientAddress": evm, "opbChainId": 2});
    assert_eq!(
        d.refused("/chainaccount/gas/recharge", gas(1001)).await,
        "MSG_200BALANCE_SHORT"
    );
    assert_eq!(d.balance().await, 1000.0, "nothing was charged");
    d.ok("/chainaccount/gas/recharge", gas(1000)).await;
    let a = d.account(9, "a").await;
    assert_eq!(
        d.refused("/ddc/save", mint(&a, "x")).await,
        "MSG_200BALANCE_SHORT"
    );
    // A cost past i64 is simply more than the balance.
    let huge = json!({"cpuPlusValue": i64::MAX, "netPlusValue": i64::MAX, "ramPlusValue": i64::MAX, "opbChainClientAddress": a, "resourceValidDate": "9999-12-31"});
    assert_eq!(
        d.refused("/chainaccount/resource/recharge", huge).await,
        "MSG_200BALANCE_SHORT"
    );
}

#[tokio::test]
async fn malformed_bodies_are_spring_400s() {
    let d = Ddc::new().await;
    let r =
        d.c.post(format!("{}{P}/chainaccount/save", d.base))
            .header("apitoken", "sandbox-ddc-apitoken")
            .body("opbChainId=9")
            .send()
            .await
            .unwrap();
    assert_eq!(r.status(), 400);
    let page = json!({"data": null, "page": {"pageNum": 1, "pageSize": 5}});
    let (status, v) = d.post("/chainaccount/searches", Some(page)).await;
    assert_eq!(
        (status, &v["error"]),
        (400, &json!("Bad Request")),
        "data 不能为null"
    );
    let far = json!({"data": {}, "page": {"pageNum": i64::MAX, "pageSize": i64::MAX}});
    let (_, v) = d.post("/chainaccount/searches", Some(far)).await;
    assert_eq!((&v["code"], &v["data"]), (&json!(0), &json!([])));
    let page = json!({"data": {}, "page": {"pageNum": 0}});
    assert_eq!(
        d.post("/chainaccount/searches", Some(page)).await.0,
        400,
        "pageNum 从1开始"
    );
    let missing = json!({"opbChainId": 9});
    assert_eq!(d.post("/chainaccount/save", Some(missing)).await.0, 400);
}

/// The nine endpoints with a request schema declare form bodies as well as JSON: the same
/// requests as forms (text values, Spring's dotted keys for nested fields) reach the same state.
#[tokio::test]
async fn form_bodies_are_read_like_json() {
    let d = Ddc::new().await;
    let (status, v) = d
        .post_form(
            "/chainaccount/save",
            &[("opbChainClientName", "formed"), ("opbChainId", "9")],
        )
        .await;
    assert_eq!((status, &v["code"]), (200, &json!(0)), "{v}");
    let owner = v["data"]["opbChainClientAddress"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, listed) = d
        .post_form(
            "/chainaccount/searches",
            &[
                ("data.opbChainId", "9"),
                ("page.pageNum", "1"),
                ("page.pageSize", "5"),
            ],
        )
        .await;
    assert_eq!(listed["data"][0]["opbChainClientAddress"], owner.as_str());
    assert_eq!(listed["resultPageInfo"]["total"], 1);
    let (_, minted) = d
        .post_form(
            "/ddc/save",
            &[
                ("ddcOwner", &owner),
                ("ddcPubTotal", "3"),
                ("ddcType", "1155"),
                ("imgFileBase64", "png,iVBORw0KGgoAAAANSUhEUg=="),
                ("imgFileName", "file1"),
                ("opbChainId", "9"),
                ("securityData", "附加数据"),
                ("userTradeCode", "form-1"),
            ],
        )
        .await;
    assert_eq!(minted["code"], 0, "{minted}");
    let (_, found) = d
        .post_form("/ddc/transfer/searches", &[("txType", "20")])
        .await;
    assert_eq!(found["data"][0]["mintQuantity"], 3);
    let (_, refused) = d
        .post_form(
            "/chainaccount/gas/recharge",
            &[
                ("hashRateValue", "0"),
                ("opbChainClientAddress", &owner),
                ("opbChainId", "2"),
            ],
        )
        .await;
    assert_eq!(refused["message"], "MSG_10051032");
    let (status, _) = d
        .post_form(
            "/chainaccount/searches",
            &[("page.pageNum", "x"), ("data.opbChainId", "9")],
        )
        .await;
    assert_eq!(status, 400, "a page number that is not a number");
}
