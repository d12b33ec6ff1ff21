//! The DNA client end to end against an in-process sandbox (tests/sandbox), whose checks were
//! written without chainkit-core: token → accounts → series → mint → batch mint → transfer →
//! owner and records → burn, a transparently refreshed expired token, and typed errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use futures::TryStreamExt;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::bif::KeyType;
use chainkit_core::dna::flows::STATE_SUCCEEDED;
use chainkit_core::dna::*;
use chainkit_core::{ErrorKind, Secret};
use common::in_process as sandbox;

mod common;

const CONTRACT: &str = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";
const WAIT: Duration = Duration::from_secs(20);

fn client(base: &str) -> DnaClient {
    let dna = chainkit_sandbox::config::Dna::default();
    let credentials = Credentials::Dna {
        api_key: dna.api_key,
        api_secret: Secret::new(dna.api_secret),
    };
    let (executor, auth) = common::parts(base, credentials);
    DnaClient::new(executor, auth)
}

fn asset(series_id: &str, number: &str, to: &str) -> MintDna {
    MintDna {
        series_id: series_id.into(),
        dna_name: format!("资产 {number}"),
        dna_number: number.into(),
        dna_des: Some("chainkit e2e".into()),
        url: Some("https://img.example/a.png".into()),
        hash: Some("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into()),
        display_url: Some("https://img.example/a-85.png".into()),
        to_bid: to.into(),
        dna_price: Some(1.24),
        dna_category: Some("图片".into()),
        extension: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_documented_flow() {
    let base = sandbox().await;
    let dna = client(&base);

    let defaults = chainkit_sandbox::config::Dna::default();
    let token = dna
        .get_token(&TokenRequest {
            api_key: defaults.api_key.clone(),
            api_secret: Secret::new(defaults.api_secret.clone()),
        })
        .await
        .unwrap();
    assert!(!token.access_token.is_empty());
    assert!(!format!("{token:?}").contains(token.access_token.expose()));

    let alice = dna
        .create_account("13800000001", KeyType::Ed25519)
        .await
        .unwrap();
    let bob = dna
        .create_account("13800000002", KeyType::Sm2)
        .await
        .unwrap();
    let (alice_bid, bob_bid) = (
        alice.public_key().address().to_string(),
        bob.public_key().address().to_string(),
    );

    let series = dna
        .series_add(&SeriesAdd {
            series_name: "chainkit 集合".into(),
            series_issuer: "chainkit".into(),
            series_des: None,
            external_url: None,
        })
        .await
        .unwrap();
    let detail = dna
        .series_detail(&SeriesId {
            series_id: series.series_id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(detail.series_name, "chainkit 集合");
    let page = dna
        .series_list(&SeriesListRequest {
            page_num: 1,
            page_size: 20,
        })
        .await
        .unwrap();
    assert!(page.data.iter().any(|s| s.series_id == series.series_id));
    for name in ["second", "third"] {
        dna.series_add(&SeriesAdd {
            series_name: name.into(),
            series_issuer: "chainkit".into(),
            series_des: None,
            external_url: None,
        })
        .await
        .unwrap();
    }
    // Pages of 2 over 3 series: two fetches, every series once, in order.
    let walked: Vec<Series> = dna
        .series_pages(&SeriesListRequest {
            page_num: 1,
            page_size: 2,
        })
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = walked.iter().map(|s| s.series_name.as_str()).collect();
    assert_eq!(names, ["chainkit 集合", "second", "third"]);

    let minted = dna
        .mint_dna(&asset(&series.series_id, "1", &alice_bid))
        .await
        .unwrap();
    let outcome = dna
        .wait_for_message(&minted.message_id, WAIT)
        .await
        .unwrap();
    assert_eq!(outcome.state, STATE_SUCCEEDED, "{outcome:?}");
    let token_bid = outcome.info.unwrap()[0].token_bid.clone().unwrap();
    assert_eq!(
        dna.owners_of(&token_bid).await.unwrap(),
        vec![alice_bid.clone()]
    );

    let batch = dna
        .batch_mint_dna(&BatchMintDna {
            data: vec![
                asset(&series.series_id, "2", &alice_bid),
                asset(&series.series_id, "3", &bob_bid),
            ],
        })
        .await
        .unwrap();
    let outcome = dna.wait_for_message(&batch.message_id, WAIT).await.unwrap();
    assert_eq!(outcome.state, STATE_SUCCEEDED);
    assert_eq!(outcome.info.unwrap().len(), 2);
    let in_series = dna
        .series_dna_list(&SeriesDnaRequest {
            series_id: series.series_id.clone(),
            page_num: 1,
            page_size: 10,
        })
        .await
        .unwrap();
    assert_eq!(in_series.total, 3);

    let sent = dna
        .transfer(&alice, CONTRACT, &token_bid, &bob_bid)
        .await
        .unwrap();
    let outcome = dna.wait_for_message(&sent.message_id, WAIT).await.unwrap();
    assert_eq!(outcome.state, STATE_SUCCEEDED, "{outcome:?}");
    assert_eq!(
        dna.owners_of(&token_bid).await.unwrap(),
        vec![bob_bid.clone()]
    );
    let records = dna
        .dna_records(&RecordsRequest {
            token_bid: token_bid.clone(),
            page_num: 1,
            page_size: 10,
        })
        .await
        .unwrap();
    let mut operations: Vec<_> = records.data.iter().map(|r| r.operation).collect();
    operations.sort_unstable();
    assert_eq!(operations, vec![0, 1]);
    let bobs = dna
        .user_dna_list(&UserDnaRequest {
            user_id: bob_bid.clone(),
            page_num: 1,
            page_size: 10,
        })
        .await
        .unwrap();
    assert!(bobs
        .data
        .iter()
        .any(|a| a.token_bid.as_ref() == Some(&token_bid)));

    let burnt = dna.burn(&bob, CONTRACT, &token_bid).await.unwrap();
    let outcome = dna.wait_for_message(&burnt.message_id, WAIT).await.unwrap();
    assert_eq!(outcome.state, STATE_SUCCEEDED, "{outcome:?}");
    assert!(dna.owners_of(&token_bid).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_tokens_are_refreshed_and_errors_are_typed() {
    let base = sandbox().await;
    let dna = client(&base);
    let add = |name: &str| SeriesAdd {
        series_name: name.into(),
        series_issuer: "chainkit".into(),
        series_des: None,
        external_url: None,
    };
    dna.series_add(&add("first")).await.unwrap();
    let expired = reqwest::Client::new()
        .post(format!("{base}/_sandbox/dna/expire-tokens"))
        .send()
        .await
        .unwrap();
    assert!(expired.status().is_success());
    // The cached token is now expired server-side: the call refreshes it once and succeeds.
    dna.series_add(&add("second")).await.unwrap();

    let duplicate = dna.series_add(&add("second")).await.unwrap_err();
    assert_eq!(duplicate.kind(), ErrorKind::Api);
    assert_eq!(duplicate.code(), Some("400"));
    assert_eq!(duplicate.service(), Some("dna"));
    assert!(!duplicate.message().is_empty());

    let too_long = dna.series_add(&add(&"长".repeat(51))).await.unwrap_err();
    assert_eq!(too_long.kind(), ErrorKind::InvalidInput);
    assert!(!too_long.request_sent());
}

/// The documented 400s only the service can decide (client validation passes them): each is an
/// `Api` error with code 400 and the service's own message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documented_400s_surface_with_the_services_message() {
    let base = sandbox().await;
    let dna = client(&base);
    let holder = dna
        .create_account("13800000009", KeyType::Ed25519)
        .await
        .unwrap();
    let holder_bid = holder.public_key().address().to_string();
    let series = dna
        .series_add(&SeriesAdd {
            series_name: "400s".into(),
            series_issuer: "chainkit".into(),
            series_des: None,
            external_url: None,
        })
        .await
        .unwrap();
    let minted = dna
        .mint_dna(&asset(&series.series_id, "1", &holder_bid))
        .await
        .unwrap();
    dna.wait_for_message(&minted.message_id, WAIT)
        .await
        .unwrap();
    let unknown_token = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV";
    let stranger = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko";

    let cases: Vec<(&str, chainkit_core::Error)> = vec![
        (
            "集合名称不允许重复",
            dna.series_add(&SeriesAdd {
                series_name: "400s".into(),
                series_issuer: "chainkit".into(),
                series_des: None,
                external_url: None,
            })
            .await
            .unwrap_err(),
        ),
        (
            "集合ID不存在",
            dna.mint_dna(&asset("no-such-series", "1", &holder_bid))
                .await
                .unwrap_err(),
        ),
        (
            "数字资产名称编号重复",
            dna.mint_dna(&asset(&series.series_id, "1", &holder_bid))
                .await
                .unwrap_err(),
        ),
        (
            "数字资产bid不正确",
            dna.transfer(&holder, CONTRACT, unknown_token, stranger)
                .await
                .unwrap_err(),
        ),
        (
            "数字资产bid不存在",
            dna.burn(&holder, CONTRACT, unknown_token)
                .await
                .unwrap_err(),
        ),
        (
            "userBid不存在",
            dna.chain_nonce(&NonceRequest {
                user_bid: stranger.into(),
            })
            .await
            .unwrap_err(),
        ),
        (
            "不存在的消息id",
            dna.message_result(&MessageId {
                message_id: "no-such-message".into(),
            })
            .await
            .unwrap_err(),
        ),
    ];
    for (message, err) in cases {
        assert_eq!(err.kind(), ErrorKind::Api, "{message}: {err}");
        assert_eq!(err.code(), Some("400"), "{message}: {err}");
        assert_eq!(err.service(), Some("dna"));
        assert!(err.message().contains(message), "{message}: {err}");
    }
}
