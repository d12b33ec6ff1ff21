//! The binding run inside wasm: `wasm-bindgen-test` in Node and in headless Chromium.
//! Needs `CHAINKIT_SANDBOX_URL` at build time (the test command sets it).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::option_env_unwrap,
    missing_docs
)]

use chainkit_wasm::{Client, Secret};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/vectors.rs"));
}

fn sandbox() -> &'static str {
    option_env!("CHAINKIT_SANDBOX_URL")
        .expect("build the tests with CHAINKIT_SANDBOX_URL set (make test does)")
}

fn init(method: &str, path: &str, headers: &[(&str, &str)]) -> chainkit_wasm_types::Init {
    let o = Object::new();
    Reflect::set(&o, &"method".into(), &method.into()).unwrap();
    Reflect::set(&o, &"path".into(), &path.into()).unwrap();
    let h: js_sys::Array = headers
        .iter()
        .map(|(k, v)| js_sys::Array::of2(&(*k).into(), &(*v).into()))
        .collect();
    Reflect::set(&o, &"headers".into(), &h).unwrap();
    o.unchecked_into()
}

mod chainkit_wasm_types {
    pub type Init = chainkit_wasm::JsRawRequest;
}

fn field(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &name.into()).unwrap()
}

#[wasm_bindgen_test]
async fn a_real_request_reaches_the_sandbox() {
    let client = Client::new(sandbox(), None).unwrap();
    let res = client.request(init("GET", "/health", &[])).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().contains("\"ok\""));
}

#[wasm_bindgen_test]
async fn a_sandbox_error_keeps_every_field() {
    let client = Client::new(sandbox(), None).unwrap();
    let err = client
        .request(init(
            "POST",
            "/_sandbox/status/409?code=E409&message=conflict",
            &[],
        ))
        .await
        .err()
        .expect("409 must reject");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(field(&err, "name"), "ChainkitError");
    assert_eq!(field(&err, "kind"), "api");
    assert_eq!(field(&err, "status"), 409);
    assert_eq!(field(&err, "code"), "E409");
    assert_eq!(field(&err, "detail"), "conflict");
    let id = field(&err, "requestId").as_string().unwrap();
    assert!(id.starts_with("sbx-"));
    let message = field(&err, "message").as_string().unwrap();
    assert!(
        message.contains("E409") && message.contains("conflict") && message.contains(&id),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn timeouts_and_unreachable_hosts_are_typed() {
    let opts: JsValue = js_sys::JSON::parse(r#"{"timeoutMs": 200, "maxAttempts": 1}"#).unwrap();
    let client = Client::new(sandbox(), Some(opts.unchecked_into())).unwrap();
    let err = client
        .request(init("GET", "/_sandbox/delay/3000", &[]))
        .await
        .err()
        .unwrap();
    assert_eq!(field(&err, "kind"), "timeout");
    let client = Client::new("http://127.0.0.1:1", None).unwrap();
    let err = client.request(init("GET", "/", &[])).await.err().unwrap();
    assert_eq!(field(&err, "kind"), "network");
}

#[wasm_bindgen_test]
async fn printing_secrets_and_requests_shows_no_secret() {
    let s = Secret::new("s3cr3t".into());
    assert_eq!(s.to_string(), "Secret(***)");
    let client = Client::new(sandbox(), None).unwrap();
    let p = client
        .prepare(init(
            "GET",
            "/x?apiSecret=s3cr3t",
            &[("Authorization", "Bearer s3cr3t")],
        ))
        .await
        .unwrap();
    assert!(!p.to_string().contains("s3cr3t"), "{}", p.to_string());
    let json = js_sys::JSON::stringify(&p.to_json())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(!json.contains("s3cr3t"), "{json}");
}

#[wasm_bindgen_test]
fn every_embedded_vector_passes() {
    let mut passed = 0;
    let mut failed = Vec::new();
    for (path, text) in embedded::VECTOR_FILES {
        let file: serde_json::Value = serde_json::from_str(text).unwrap();
        let kind = file["kind"].as_str().unwrap();
        for case in file["cases"].as_array().unwrap() {
            // Core's evaluator compiled to wasm32 and run in the engine; the JS export of it
            // exists only with feature `vectors` (tests/vectors/run_node.mjs uses that).
            let out =
                chainkit_core::vectors::evaluate_json(kind, &case["input"].to_string()).unwrap();
            let out: serde_json::Value = serde_json::from_str(&out).unwrap();
            if out == case["expected"] {
                passed += 1;
            } else {
                failed.push(format!("{path}#{}: got {out}", case["name"]));
            }
        }
    }
    wasm_bindgen_test::console_log!("vectors[wasm]: {passed} passed, {} failed", failed.len());
    assert!(passed > 0, "no vectors embedded");
    assert!(failed.is_empty(), "{failed:#?}");
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// Seed 002 in the browser (and Node): fetch with CORS to the sandbox, the token header, BIF
/// transactions signed in wasm and checked by the sandbox's own decoder. The whole documented
/// flow, an expired token refreshed, and a documented 400 with the service's message.
#[wasm_bindgen_test]
async fn dna_whole_flow_through_call_endpoint_and_the_flows() {
    const KEY: &str = "did:bid:efSandboxApiKey0000000000000";
    const SECRET: &str = "sandbox-dna-api-secret";
    const CONTRACT: &str = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";
    let credentials = object(&[
        ("scheme", "dna".into()),
        ("apiKey", KEY.into()),
        ("apiSecret", SECRET.into()),
    ]);
    let options = object(&[("credentials", credentials)]);
    let client = Client::new(sandbox(), Some(options.unchecked_into())).unwrap();
    let call = |name: &'static str, input: JsValue| {
        let client = &client;
        async move { client.call_endpoint("dna".into(), name.into(), input).await }
    };
    let token = call(
        "get_token",
        object(&[("apiKey", KEY.into()), ("apiSecret", SECRET.into())]),
    )
    .await
    .unwrap();
    assert!(field(&token, "accessToken").as_string().unwrap().len() > 20);

    let alice = client
        .dna_create_account("13800000001".into(), "ed25519".into())
        .await
        .unwrap();
    let bob = client
        .dna_create_account("13800000002".into(), "sm2".into())
        .await
        .unwrap();
    let (alice_bid, bob_bid) = (
        alice.public_key().address(None).unwrap(),
        bob.public_key().address(None).unwrap(),
    );
    let name = format!("web {}", js_sys::Date::now());
    let series_input = || {
        object(&[
            ("seriesName", name.clone().into()),
            ("seriesIssuer", "web".into()),
        ])
    };
    let series = call("series_add", series_input()).await.unwrap();
    let series_id = field(&series, "seriesId");
    let asset = |n: &str, to: &str| {
        object(&[
            ("seriesId", series_id.clone()),
            ("dnaName", "资产".into()),
            ("dnaNumber", n.into()),
            ("toBid", to.into()),
        ])
    };
    let settled = |submitted: JsValue| {
        let client = &client;
        async move {
            let id = field(&submitted, "messageId").as_string().unwrap();
            let outcome = client.dna_wait_for_message(id, 20_000.0).await.unwrap();
            assert_eq!(field(&outcome, "state").as_f64(), Some(2.0));
            outcome
        }
    };
    let minted = settled(call("mint_dna", asset("1", &alice_bid)).await.unwrap()).await;
    let token = field(
        &Reflect::get_u32(&field(&minted, "info"), 0).unwrap(),
        "tokenBid",
    )
    .as_string()
    .unwrap();
    let batch = js_sys::Array::of2(&asset("2", &alice_bid), &asset("3", &bob_bid));
    let batched = settled(
        call("batch_mint_dna", object(&[("data", batch.into())]))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(js_sys::Array::from(&field(&batched, "info")).length(), 2);

    settled(
        client
            .dna_transfer(&alice, CONTRACT.into(), token.clone(), bob_bid.clone())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        client.dna_owners_of(token.clone()).await.unwrap(),
        vec![bob_bid]
    );
    let page = object(&[
        ("tokenBid", token.clone().into()),
        ("pageNum", 1.into()),
        ("pageSize", 10.into()),
    ]);
    let records = js_sys::Array::from(&field(&call("dna_records", page).await.unwrap(), "data"));
    let mut operations: Vec<f64> = records
        .iter()
        .map(|r| field(&r, "operation").as_f64().unwrap())
        .collect();
    operations.sort_by(f64::total_cmp);
    assert_eq!(operations, vec![0.0, 1.0]);
    settled(
        client
            .dna_burn(&bob, CONTRACT.into(), token.clone())
            .await
            .unwrap(),
    )
    .await;
    assert!(client.dna_owners_of(token).await.unwrap().is_empty());

    // The cached token expires server-side; the next call refreshes it and succeeds.
    let expire = init("POST", "/_sandbox/dna/expire-tokens", &[]);
    Client::new(sandbox(), None)
        .unwrap()
        .request(expire)
        .await
        .unwrap();
    let again = object(&[
        ("seriesName", format!("{name} 2").into()),
        ("seriesIssuer", "web".into()),
    ]);
    call("series_add", again).await.unwrap();
    let duplicate = call("series_add", series_input()).await.unwrap_err();
    assert_eq!(
        field(&duplicate, "code").as_string().as_deref(),
        Some("400")
    );
    assert_eq!(
        field(&duplicate, "detail").as_string().as_deref(),
        Some("集合名称不允许重复")
    );
}

/// Seed 000 in the browser (and Node): the `apitoken` header over fetch with CORS, the chain
/// account → recharge → mint → send → burn flow, the lists, the gateway key and the balance
/// through `call_endpoint`, and a documented refusal with the service's message code.
#[wasm_bindgen_test]
async fn ddc_whole_flow_through_call_endpoint() {
    let credentials = object(&[
        ("scheme", "ddcApiToken".into()),
        ("token", "sandbox-ddc-apitoken".into()),
    ]);
    let options = object(&[("credentials", credentials)]);
    let client = Client::new(sandbox(), Some(options.unchecked_into())).unwrap();
    let call = |name: &'static str, input: JsValue| {
        let client = &client;
        async move { client.call_endpoint("ddc".into(), name.into(), input).await }
    };
    let text = |v: &JsValue, name: &str| field(v, name).as_string().unwrap();
    let run = format!("web-{}", js_sys::Date::now());
    let account = |chain: i32, name: &str| {
        object(&[
            ("opbChainId", chain.into()),
            ("opbChainClientName", format!("{run}-{name}").into()),
        ])
    };
    let alice = call("create_chain_account", account(9, "alice"))
        .await
        .unwrap();
    assert!(!text(&alice, "privateKey").is_empty());
    let alice = text(&alice, "opbChainClientAddress");
    let bob = text(
        &call("create_chain_account", account(9, "bob"))
            .await
            .unwrap(),
        "opbChainClientAddress",
    );
    let evm = text(
        &call("create_chain_account", account(2, "gas"))
            .await
            .unwrap(),
        "opbChainClientAddress",
    );
    let gas = object(&[
        ("opbChainId", 2.into()),
        ("opbChainClientAddress", evm.clone().into()),
        ("hashRateValue", 1.5.into()),
    ]);
    let recharged = call("recharge_gas", gas).await.unwrap();
    assert_eq!(text(&recharged, "opbChainClientAddress"), evm);
    let until = js_sys::Date::new(&(js_sys::Date::now() + 30.0 * 86_400_000.0).into());
    let until: String = until.to_iso_string().as_string().unwrap()[..10].into();
    let resources = object(&[
        ("opbChainClientAddress", alice.clone().into()),
        ("cpuPlusValue", 1.into()),
        ("netPlusValue", 1.into()),
        ("ramPlusValue", 1.into()),
        ("resourceValidDate", until.into()),
    ]);
    call("recharge_eos_resource", resources).await.unwrap();

    let ddc = |extra: &[(&str, JsValue)], code: &str| {
        let mut pairs = vec![
            ("opbChainId", JsValue::from(9)),
            ("ddcType", 1155.into()),
            ("securityData", "附加数据".into()),
            ("userTradeCode", format!("{run}-{code}").into()),
        ];
        pairs.extend(extra.iter().cloned());
        object(&pairs)
    };
    let mint = || {
        let owner = ("ddcOwner", JsValue::from(alice.clone()));
        let file = ("imgFileBase64", "png,iVBORw0KGgoAAAANSUhEUg==".into());
        let extra = [
            owner,
            ("ddcPubTotal", "5".into()),
            file,
            ("imgFileName", "file1".into()),
        ];
        ddc(&extra, "1")
    };
    let minted = call("mint_ddc", mint()).await.unwrap();
    let query = object(&[("tradeCode", field(&minted, "tradeCode"))]);
    let found = call("list_ddc_transactions", query).await.unwrap();
    let row = Reflect::get_u32(&field(&found, "data"), 0).unwrap();
    let id = field(&row, "ddcId");
    let send = &[
        ("ddcId", id.clone()),
        ("ddcOwner", alice.clone().into()),
        ("recipientAccount", bob.clone().into()),
        ("sendNumber", "5".into()),
    ];
    call("send_ddc", ddc(send, "2")).await.unwrap();
    let burn = &[("ddcId", id), ("ddcOwner", bob.into())];
    call("burn_ddc", ddc(burn, "3")).await.unwrap();
    let fees = call("list_ddc_fees", JsValue::NULL).await.unwrap();
    assert_eq!(js_sys::Array::from(&field(&fees, "data")).length(), 3);
    let key = call("update_access_key", JsValue::NULL).await.unwrap();
    let again = call("get_access_key", JsValue::NULL).await.unwrap();
    assert_eq!(text(&key, "accessKey"), text(&again, "accessKey"));
    let balance = call("get_account_balance", JsValue::NULL).await.unwrap();
    assert!(field(&balance, "accountBalance").as_f64().unwrap() > 0.0);

    // The same userTradeCode again: 第三方流水号重复, the service's own message code.
    let duplicate = call("mint_ddc", mint()).await.unwrap_err();
    assert_eq!(field(&duplicate, "kind"), "api");
    assert_eq!(field(&duplicate, "code").as_string().as_deref(), Some("-1"));
    assert_eq!(
        field(&duplicate, "detail").as_string().as_deref(),
        Some("MSG_10053012")
    );
}

async fn call(client: &Client, name: &str, input: JsValue) -> Result<JsValue, JsValue> {
    client
        .call_endpoint("ulord".into(), name.into(), input)
        .await
}

/// Seed 001 in the browser (and Node): the admin client on the token session mode (a browser can
/// neither read `Set-Cookie` nor send `Cookie`), then the key of an app it created used by a
/// second client for the external flow, and a documented error with the service's code.
#[wasm_bindgen_test]
async fn ulord_admin_and_external_flow_with_a_new_apps_key() {
    let big = |n: i64| JsValue::from(js_sys::BigInt::from(n));
    let unique = |name: &str| format!("{name}-{}", js_sys::Date::now());
    let session = object(&[
        ("mode", "token".into()),
        ("header", "authorization".into()),
        ("prefix", "Token ".into()),
    ]);
    let credentials = object(&[
        ("scheme", "ulordAdmin".into()),
        ("username", "sandbox-dev".into()),
        ("password", "sandbox-password".into()),
        ("session", session),
    ]);
    let admin = Client::new(
        sandbox(),
        Some(object(&[("credentials", credentials)]).unchecked_into()),
    )
    .unwrap();

    let role = field(
        &call(
            &admin,
            "add_role",
            object(&[("name", "web".into()), ("des", "浏览器".into())]),
        )
        .await
        .unwrap(),
        "id",
    );
    let edit = object(&[
        ("id", role.clone()),
        ("name", "web".into()),
        ("des", "browser".into()),
    ]);
    call(&admin, "edit_role", edit).await.unwrap();
    let roles = js_sys::Array::from(&field(
        &call(&admin, "list_roles", JsValue::UNDEFINED)
            .await
            .unwrap(),
        "result",
    ));
    assert!(roles
        .iter()
        .any(|r| field(&r, "id") == role
            && field(&r, "des").as_string().as_deref() == Some("browser")));
    let removed = call(&admin, "remove_role", object(&[("id", role)]))
        .await
        .unwrap();
    assert_eq!(field(&removed, "num"), big(1));

    let app = object(&[
        ("user_id", big(1)),
        ("appname", unique("web").into()),
        ("apptype_id", big(7)),
    ]);
    let app_id = field(&call(&admin, "add_app", app).await.unwrap(), "id");
    let apps = js_sys::Array::from(&field(
        &call(&admin, "list_apps", object(&[("user_id", big(1))]))
            .await
            .unwrap(),
        "result",
    ));
    let listed = apps.iter().find(|a| field(a, "id") == app_id).unwrap();
    let key = field(&listed, "appkey");
    let credentials = object(&[("scheme", "ulordAppKey".into()), ("appKey", key)]);
    let external = Client::new(
        sandbox(),
        Some(object(&[("credentials", credentials)]).unchecked_into()),
    )
    .unwrap();

    let alice = unique("web-alice");
    let wallet = object(&[
        ("username", alice.clone().into()),
        ("pay_passwrod", "alice-pay".into()),
    ]);
    call(&external, "create_wallet", wallet).await.unwrap();
    let pay = object(&[
        ("is_developer", true.into()),
        ("recv_user", alice.clone().into()),
        ("amount", 5.into()),
    ]);
    call(&external, "pay_to_user", pay).await.unwrap();
    let balance = |password: &str| {
        object(&[
            ("username", alice.clone().into()),
            ("pay_password", password.into()),
        ])
    };
    let total = field(
        &call(&external, "get_balance", balance("alice-pay"))
            .await
            .unwrap(),
        "total",
    );
    assert_eq!(total.as_f64(), Some(5.0));
    let publication = object(&[
        ("author", alice.clone().into()),
        ("title", "web blog".into()),
        ("tag", js_sys::Array::of1(&"wasm".into()).into()),
        (
            "ipfs_hash",
            "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm".into(),
        ),
        ("price", 0.5.into()),
        ("content_type", ".txt".into()),
        ("pay_password", "alice-pay".into()),
        ("description", "d".into()),
    ]);
    let claim = field(
        &call(&external, "publish_resource", publication)
            .await
            .unwrap(),
        "claim_id",
    );
    let mine = call(
        &external,
        "list_published_resources",
        object(&[
            ("page", 1.into()),
            ("num", 10.into()),
            ("author", alice.clone().into()),
        ]),
    )
    .await
    .unwrap();
    let data = js_sys::Array::from(&field(&mine, "data"));
    assert_eq!(field(&data.get(0), "claim_id"), claim);

    let wrong = call(&external, "get_balance", balance("nope"))
        .await
        .unwrap_err();
    assert_eq!(field(&wrong, "code").as_string().as_deref(), Some("20004"));
    assert_eq!(field(&wrong, "kind").as_string().as_deref(), Some("api"));
}

/// Seed 003 in the browser (and Node): the pool's signed envelope (a fresh JWT and signNonce on
/// every request) over fetch with CORS, a sub-account created → an observer link added, listed
/// and deleted → a worker group created, a worker moved into it, renamed and deleted → profit by
/// day over a week, through `call_endpoint`.
#[wasm_bindgen_test]
async fn pool_whole_flow_through_call_endpoint() {
    let credentials = object(&[
        ("scheme", "pool".into()),
        ("clientId", "sandbox-client".into()),
        ("secretKey", "sandbox-secret-key".into()),
        ("secretSalt", "sandbox-secret-salt".into()),
    ]);
    let options = object(&[("credentials", credentials)]);
    let client = Client::new(sandbox(), Some(options.unchecked_into())).unwrap();
    let call = |name: &'static str, input: JsValue| {
        let client = &client;
        async move {
            client
                .call_endpoint("pool".into(), name.into(), input)
                .await
        }
    };
    let data = |v: &JsValue| js_sys::Array::from(&field(v, "data"));
    let text = |v: &JsValue, name: &str| field(v, name).as_string().unwrap();
    // The Node and browser runs share the sandbox: a name of this run.
    let name = format!("web-miner-{}", js_sys::Date::now());
    let sub = || object(&[("userName", name.clone().into())]);

    let new_sub = object(&[
        ("master", "alice".into()),
        ("userName", name.clone().into()),
        ("theorySpeed", 2.0.into()),
        ("description", "四川矿场".into()),
        ("workerCount", 3.into()),
    ]);
    call("sub_account_create", new_sub).await.unwrap();
    let all = call(
        "sub_account_get_user_all",
        object(&[("account", "alice".into())]),
    )
    .await
    .unwrap();
    assert!(data(&all)
        .iter()
        .any(|n| n.as_string().as_deref() == Some(&name)));

    let rights = js_sys::Array::of2(&"profit_observer".into(), &"worker_observer".into());
    let observer = object(&[
        ("userName", name.clone().into()),
        ("rights", rights.into()),
        ("remark", "会计".into()),
    ]);
    call("sub_account_add_observer_info", observer)
        .await
        .unwrap();
    let links = data(&call("sub_account_get_observer_list", sub()).await.unwrap());
    assert_eq!(links.length(), 1);
    let link = links.get(0);
    assert_eq!(text(&link, "remark"), "会计");
    let listed: Vec<String> = js_sys::Array::from(&field(&link, "rights"))
        .iter()
        .map(|r| r.as_string().unwrap())
        .collect();
    assert_eq!(listed, ["profit_observer", "worker_observer"]);
    let link_id = field(&link, "linkId");
    assert!(link_id.is_bigint());
    call(
        "sub_account_delete_observer_info",
        object(&[("linkId", link_id)]),
    )
    .await
    .unwrap();
    let links = data(&call("sub_account_get_observer_list", sub()).await.unwrap());
    assert_eq!(links.length(), 0);

    let workers = data(
        &call("worker_get_sub_account_worker_list", sub())
            .await
            .unwrap(),
    );
    assert_eq!(workers.length(), 3);
    let worker = text(&workers.get(0), "name");
    let group = object(&[("userName", name.clone().into()), ("name", "四川".into())]);
    call("worker_create_group", group).await.unwrap();
    let groups = || async {
        data(
            &call("worker_get_sub_account_worker_group_list", sub())
                .await
                .unwrap(),
        )
    };
    let group_id = field(
        &groups()
            .await
            .iter()
            .find(|g| text(g, "name") == "四川")
            .unwrap(),
        "id",
    );
    assert!(group_id.is_bigint());
    let group_move = object(&[
        ("userName", name.clone().into()),
        ("groupId", group_id.clone()),
        ("workers", js_sys::Array::of1(&worker.clone().into()).into()),
    ]);
    call("worker_set_worker_group_bulk", group_move)
        .await
        .unwrap();
    let moved = data(
        &call("worker_get_sub_account_worker_list", sub())
            .await
            .unwrap(),
    );
    let first = moved.iter().find(|w| text(w, "name") == worker).unwrap();
    assert_eq!(field(&field(&first, "group"), "id"), group_id);
    let rename = object(&[
        ("userName", name.clone().into()),
        ("name", "成都".into()),
        ("groupId", group_id.clone()),
    ]);
    call("worker_update_group", rename).await.unwrap();
    assert!(groups()
        .await
        .iter()
        .any(|g| field(&g, "id") == group_id && text(&g, "name") == "成都"));
    let delete = object(&[
        ("userName", name.clone().into()),
        ("groupId", group_id.clone()),
    ]);
    call("worker_delete_group", delete).await.unwrap();
    assert!(groups().await.iter().all(|g| field(&g, "id") != group_id));

    // Profit over a week: one row a day (`at` on the wire), in order.
    let week = object(&[
        ("userName", name.clone().into()),
        ("coinType", "btc".into()),
        ("start", "2026-11-01".into()),
        ("end", "2026-11-07".into()),
    ]);
    let days = data(&call("profit_get_by_day", week).await.unwrap());
    let dates: Vec<String> = days.iter().map(|d| text(&d, "at")).collect();
    let expected: Vec<String> = (1..=7).map(|d| format!("2026-11-{d:02}")).collect();
    assert_eq!(dates, expected);
    assert!(days
        .iter()
        .all(|d| field(&d, "speed").as_f64().unwrap() > 0.0));
}
