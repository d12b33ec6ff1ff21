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
