//! The DNA definition expanded by core: requests built from wire JSON, validation before I/O,
//! answers parsed, and the registry every generator reads.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use chainkit_core::api::{Call, ModelKind, Output};
use chainkit_core::dispatch::build_json;
use chainkit_core::dna::{specs, DnaPage, MessageResult, SeriesAdd, SERVICE};
use chainkit_core::endpoint::Endpoint as _;
use chainkit_core::url::Url;
use chainkit_core::ErrorKind;
use serde_json::json;

fn base() -> Url {
    Url::parse("https://dna.example/base").unwrap()
}

#[test]
fn builds_path_query_and_body_from_the_definition() {
    let get = build_json(
        "dna",
        "dna_records",
        &base(),
        &json!({"tokenBid": "did:bid:efTdtoU5oz61mMa5sGLHmzvQAS85rcuo", "pageNum": 2, "pageSize": 20}),
    )
    .unwrap();
    assert_eq!(get.method(), "GET");
    assert_eq!(
        get.uri(),
        "https://dna.example/base/registration/api/v2/record/did:bid:efTdtoU5oz61mMa5sGLHmzvQAS85rcuo?pageNum=2&pageSize=20"
    );
    assert!(get.body().is_empty());

    let post = build_json(
        "dna",
        "series_add",
        &base(),
        &json!({"seriesName": "集合一", "seriesIssuer": "发行方", "seriesDes": "描述"}),
    )
    .unwrap();
    assert_eq!(post.method(), "POST");
    assert_eq!(post.headers()["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(post.body()).unwrap();
    // Absent options are left out, not sent as null.
    assert_eq!(
        body,
        json!({"seriesName": "集合一", "seriesIssuer": "发行方", "seriesDes": "描述"})
    );
}

#[test]
fn rejects_documented_violations_before_any_io() {
    let long: String = "名".repeat(51);
    let cases = [
        (
            "series_add",
            json!({"seriesName": long, "seriesIssuer": "i"}),
            "seriesName: must be 1 to 50 characters, got 51",
        ),
        (
            "series_add",
            json!({"seriesName": "x", "seriesIssuer": "i", "extra": 1}),
            "extra: is not a field of SeriesAdd (its fields: seriesName, seriesIssuer, seriesDes, externalUrl)",
        ),
        (
            "chain_nonce",
            json!({"userBid": "not-a-bid"}),
            "userBid: must be a BID",
        ),
        (
            "account_upload",
            json!({"data": [{"phone": "12", "bid": "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"}]}),
            "data[0].phone: must be 64 hexadecimal digits",
        ),
        (
            "chain_status",
            json!({"tokenBid": "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up", "type": 4, "txHash": "ab"}),
            "type: must be one of [1, 2, 3]",
        ),
        (
            "series_list",
            json!({"pageNum": 0, "pageSize": 20}),
            "pageNum: must be from 1",
        ),
    ];
    for (name, input, want) in cases {
        let err = build_json("dna", name, &base(), &input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}");
        assert!(err.message().contains(want), "{name}: {}", err.message());
        assert!(!err.request_sent());
    }
    let batch: Vec<_> = (0..101)
        .map(|i| {
            json!({"seriesId": "s", "dnaName": "n", "dnaNumber": i.to_string(), "url": "u",
            "hash": "h", "displayUrl": "d", "toBid": "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"})
        })
        .collect();
    let err = build_json("dna", "batch_mint_dna", &base(), &json!({"data": batch})).unwrap_err();
    assert!(
        err.message()
            .contains("data: must hold 1 to 100 items, got 101"),
        "{}",
        err.message()
    );
}

#[test]
fn models_are_plain_rust_types() {
    let input = SeriesAdd {
        series_name: "s".into(),
        series_issuer: "i".into(),
        series_des: None,
        external_url: Some("https://e.example".into()),
    };
    use chainkit_core::api::WireValue;
    assert_eq!(
        input.wire().unwrap(),
        json!({"seriesName": "s", "seriesIssuer": "i", "externalUrl": "https://e.example"})
    );
}

#[test]
fn the_registry_lists_every_endpoint_once() {
    assert_eq!(SERVICE.endpoints.len(), 21);
    let mut names: Vec<_> = SERVICE.endpoints.iter().map(|e| e.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 21);
    for e in SERVICE.endpoints {
        let input = e.input.unwrap();
        assert!(
            SERVICE
                .models
                .iter()
                .any(|m| m.name == input && m.kind == ModelKind::Input),
            "{}",
            e.name
        );
        assert!(
            SERVICE
                .models
                .iter()
                .any(|m| Output::Model(m.name) == e.output && m.kind == ModelKind::Output),
            "{}",
            e.name
        );
        // Documented in words: users do not have the document its section numbers point into.
        assert!(
            !e.doc.trim().is_empty() && !e.doc.contains('§'),
            "{}: {}",
            e.name,
            e.doc
        );
    }
}

/// The typed Rust models, not only the wire JSON the vectors compare, take a page holding an
/// asset whose mint is pending (`tokenBid: null`) and a submitted message whose `info` is `null`.
#[test]
fn pending_assets_and_null_lists_decode_into_the_typed_models() {
    let answer = |body: serde_json::Value| http::Response::new(body.to_string().into_bytes());
    let page: DnaPage = Call::for_answer(&specs::user_dna_list)
        .parse(
            answer(json!({"retCode": 200, "retMsg": "ok", "total": 2, "data": [
                {"tokenBid": "did:bid:ef5KEkJMzFFFzV1j6Nv5ryj9tf6fs8NM", "dnaNumber": "1"},
                {"tokenBid": null, "dnaNumber": "2", "dnaPrice": null}]})),
            Duration::ZERO,
        )
        .unwrap();
    let tokens: Vec<_> = page.data.iter().map(|a| a.token_bid.as_deref()).collect();
    assert_eq!(
        tokens,
        [Some("did:bid:ef5KEkJMzFFFzV1j6Nv5ryj9tf6fs8NM"), None]
    );
    assert_eq!(page.data[1].dna_number.as_deref(), Some("2"));

    let empty: DnaPage = Call::for_answer(&specs::series_dna_list)
        .parse(
            answer(json!({"retCode": "200", "total": 0, "data": null})),
            Duration::ZERO,
        )
        .unwrap();
    assert!(empty.data.is_empty());

    let submitted: MessageResult = Call::for_answer(&specs::message_result)
        .parse(
            answer(json!({"retCode": 200, "data": {"state": 0, "info": null}})),
            Duration::ZERO,
        )
        .unwrap();
    assert_eq!(submitted.data.state, 0);
    assert!(submitted.data.info.unwrap_or_default().is_empty());
}
