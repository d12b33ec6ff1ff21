//! Signing cost against the floor: the bare hash/HMAC work each scheme must do over the same
//! bytes (BENCHMARKS.md). `cargo bench -p chainkit-core --bench auth`
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use chainkit_core::auth::huawei::{sign, AkSk, Algorithm};
use chainkit_core::auth::pool::{sign_data, PoolCredentials};
use criterion::{criterion_group, criterion_main, Criterion};
use hmac::{KeyInit, Mac, SimpleHmac};
use sha2::{Digest, Sha256};

const NOW: Duration = Duration::from_secs(1_764_000_000);
const BODY: &str =
    r#"{"name":"bc-1","version":"4.0","consensus":"raft","org":[{"name":"org1","peers":2}]}"#;

fn hmac_hex(key: &[u8], data: &[u8]) -> String {
    let mut mac = SimpleHmac::<Sha256>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    hex_fast(&mac.finalize().into_bytes())
}

fn huawei(c: &mut Criterion) {
    let credentials = AkSk {
        access_key: "AKTESTAKTESTAKTEST01".into(),
        secret_key: "SKTESTSKTESTSKTESTSKTESTSKTESTSKTESTSKTE".into(),
        project_id: Some("0123456789abcdef0123456789abcdef".into()),
        security_token: None,
    };
    let request = || {
        http::Request::builder()
            .method("POST")
            .uri("https://bcs.cn-north-4.myhuaweicloud.com/v2/0123456789abcdef0123456789abcdef/blockchains?limit=10&offset=0")
            .header("content-type", "application/json;charset=UTF-8")
            .body(BODY.as_bytes().to_vec())
            .unwrap_or_default()
    };
    let mut signed = request();
    let s = sign(&mut signed, &credentials, Algorithm::HmacSha256, NOW)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("huawei_aksk");
    group.bench_function("chainkit_sign", |b| {
        b.iter_batched(
            request,
            // The request is handed back so that dropping it is not counted as signing.
            |mut r| {
                let s = sign(&mut r, &credentials, Algorithm::HmacSha256, NOW);
                (r, s)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    // The floor: SHA-256 of the body and of the canonical request, HMAC of the string to sign.
    group.bench_function("bare_hash_and_hmac", |b| {
        b.iter(|| {
            let body_hash = hex_fast(&Sha256::digest(black_box(BODY.as_bytes())));
            let request_hash = hex_fast(&Sha256::digest(black_box(s.canonical_request.as_bytes())));
            black_box((body_hash, request_hash));
            hmac_hex(
                credentials.secret_key.expose().as_bytes(),
                black_box(s.string_to_sign.as_bytes()),
            )
        })
    });
    group.finish();
}

fn pool(c: &mut Criterion) {
    let credentials = PoolCredentials {
        client_id: "client-1".into(),
        secret_key: "test-secret-key".into(),
        secret_salt: "test-secret-salt".into(),
    };
    let data = r#"{"userName":"miner-01","remark":"benchmark","coinType":"btc"}"#;
    let call = sign_data(
        &credentials,
        "SubAccount.Create",
        data,
        NOW,
        1_234_567_890,
        "9876543210",
        Duration::from_secs(180),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (jwt_input, _) = call.authorization.rsplit_once('.').unwrap_or_default();
    let body_text = format!(
        "SubAccount.Create{}{data}9876543210test-secret-salt",
        NOW.as_secs()
    );
    let mut group = c.benchmark_group("pool");
    group.bench_function("chainkit_sign", |b| {
        b.iter(|| {
            sign_data(
                &credentials,
                "SubAccount.Create",
                black_box(data),
                NOW,
                1_234_567_890,
                "9876543210",
                Duration::from_secs(180),
            )
        })
    });
    // The floor: the two HMACs the scheme needs (JWT signing input, body string to sign).
    group.bench_function("bare_two_hmacs", |b| {
        b.iter(|| {
            let key = credentials.secret_key.expose().as_bytes();
            (
                hmac_hex(key, black_box(jwt_input.as_bytes())),
                hmac_hex(key, black_box(body_text.as_bytes())),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, huawei, pool);
criterion_main!(benches);

/// The floor's hex, as fast as core's (a byte buffer, not an iterator of chars).
fn hex_fast(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    hex::encode_to_slice(bytes, &mut out).unwrap_or_default();
    String::from_utf8_lossy(&out).into_owned()
}
