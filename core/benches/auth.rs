//! Signing cost against the floor: the bare hash/HMAC work each scheme must do over the same
//! bytes (BENCHMARKS.md). `cargo bench -p chainkit-core --bench auth`
//!
//! First it prints interleaved ratios: chainkit and its floor timed in alternating rounds, so
//! that a shared, noisy machine slows both alike; then criterion measures each on its own.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chainkit_core::auth::huawei::{AkSk, Algorithm, Signature, Signer};
use chainkit_core::auth::pool::{PoolCredentials, SignedCall, Signer as PoolSigner};
use criterion::{criterion_group, Criterion};
use hmac::{KeyInit, Mac, SimpleHmac};
use sha2::{Digest, Sha256};

const NOW: Duration = Duration::from_secs(1_764_000_000);
const BODY: &str =
    r#"{"name":"bc-1","version":"4.0","consensus":"raft","org":[{"name":"org1","peers":2}]}"#;
const POOL_DATA: &str = r#"{"userName":"miner-01","remark":"benchmark","coinType":"btc"}"#;

fn hmac_hex(key: &[u8], data: &[u8]) -> String {
    let mut mac = SimpleHmac::<Sha256>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    hex_fast(&mac.finalize().into_bytes())
}

/// The floor's hex, as fast as core's (a byte buffer, not an iterator of chars).
fn hex_fast(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    hex::encode_to_slice(bytes, &mut out).unwrap_or_default();
    String::from_utf8_lossy(&out).into_owned()
}

fn huawei_credentials() -> AkSk {
    AkSk {
        access_key: "AKTESTAKTESTAKTEST01".into(),
        secret_key: "SKTESTSKTESTSKTESTSKTESTSKTESTSKTESTSKTE".into(),
        project_id: Some("0123456789abcdef0123456789abcdef".into()),
        security_token: None,
    }
}

fn huawei_request() -> http::Request<Vec<u8>> {
    http::Request::builder()
        .method("POST")
        .uri("https://bcs.cn-north-4.myhuaweicloud.com/v2/0123456789abcdef0123456789abcdef/blockchains?limit=10&offset=0")
        .header("content-type", "application/json;charset=UTF-8")
        .body(BODY.as_bytes().to_vec())
        .unwrap_or_default()
}

/// The documented way to sign many requests (and what the executor does): one `Signer`.
fn huawei_signer(credentials: &AkSk) -> Signer {
    Signer::new(credentials.clone(), Algorithm::HmacSha256).unwrap_or_else(|e| panic!("{e}"))
}

fn huawei_signature(signer: &Signer) -> Signature {
    signer
        .sign(&mut huawei_request(), NOW)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The floor: SHA-256 of the body and of the canonical request, HMAC of the string to sign.
fn huawei_floor(credentials: &AkSk, s: &Signature) -> String {
    let body_hash = hex_fast(&Sha256::digest(black_box(BODY.as_bytes())));
    let request_hash = hex_fast(&Sha256::digest(black_box(s.canonical_request.as_bytes())));
    black_box((body_hash, request_hash));
    hmac_hex(
        credentials.secret_key.expose().as_bytes(),
        black_box(s.string_to_sign.as_bytes()),
    )
}

fn pool_credentials() -> PoolCredentials {
    PoolCredentials {
        client_id: "client-1".into(),
        secret_key: "test-secret-key".into(),
        secret_salt: "test-secret-salt".into(),
    }
}

/// As with Huawei, the documented way to sign many calls (and what the executor does).
fn pool_signer(credentials: &PoolCredentials) -> PoolSigner {
    PoolSigner::new(credentials.clone()).unwrap_or_else(|e| panic!("{e}"))
}

/// The whole call is kept (the body included), so none of it is optimised away.
fn pool_sign(signer: &PoolSigner) -> SignedCall {
    signer
        .sign_data(
            "SubAccount.Create",
            black_box(POOL_DATA),
            NOW,
            1_234_567_890,
            "9876543210",
            Duration::from_secs(180),
        )
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The floor's inputs: the JWT signing input and the body string to sign.
fn pool_floor_inputs(signer: &PoolSigner) -> (String, String) {
    let call = pool_sign(signer);
    let (jwt_input, _) = call.authorization.rsplit_once('.').unwrap_or_default();
    let body = format!(
        "SubAccount.Create{}{POOL_DATA}9876543210test-secret-salt",
        NOW.as_secs()
    );
    (jwt_input.to_owned(), body)
}

/// The floor: the two HMACs the scheme needs.
fn pool_floor(credentials: &PoolCredentials, (jwt, body): &(String, String)) -> (String, String) {
    let key = credentials.secret_key.expose().as_bytes();
    (
        hmac_hex(key, black_box(jwt.as_bytes())),
        hmac_hex(key, black_box(body.as_bytes())),
    )
}

fn huawei(c: &mut Criterion) {
    let credentials = huawei_credentials();
    let signer = huawei_signer(&credentials);
    let s = huawei_signature(&signer);
    let mut group = c.benchmark_group("huawei_aksk");
    group.bench_function("chainkit_sign", |b| {
        b.iter_batched(
            huawei_request,
            // The request is handed back so that dropping it is not counted as signing.
            |mut r| {
                let s = signer.sign(&mut r, NOW);
                (r, s)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("bare_hash_and_hmac", |b| {
        b.iter(|| huawei_floor(&credentials, &s))
    });
    group.finish();
}

fn pool(c: &mut Criterion) {
    let credentials = pool_credentials();
    let signer = pool_signer(&credentials);
    let inputs = pool_floor_inputs(&signer);
    let mut group = c.benchmark_group("pool");
    group.bench_function("chainkit_sign", |b| b.iter(|| pool_sign(&signer)));
    group.bench_function("bare_two_hmacs", |b| {
        b.iter(|| pool_floor(&credentials, &inputs))
    });
    group.finish();
}

/// Per-call time of `ITERS` calls of `f`, which gets the count and returns the time it measured.
const ITERS: u32 = 2_000;

/// Rounds alternating `chainkit` and `floor` (each returns its measured seconds for `ITERS`
/// calls); prints the median of the per-round ratios and the ratio of the best rounds.
fn interleaved(name: &str, mut chainkit: impl FnMut() -> f64, mut floor: impl FnMut() -> f64) {
    const ROUNDS: usize = 51;
    chainkit();
    floor();
    let (mut ratios, mut best) = (Vec::new(), (f64::MAX, f64::MAX));
    for _ in 0..ROUNDS {
        let (c, f) = (chainkit(), floor());
        ratios.push(c / f);
        best = (best.0.min(c), best.1.min(f));
    }
    ratios.sort_by(f64::total_cmp);
    let per_call = |t: f64| t / f64::from(ITERS) * 1e9;
    println!(
        "{name}: chainkit/floor interleaved, {ROUNDS} rounds of {ITERS}: median {:.2}x, best rounds {:.2}x ({:.0} ns vs {:.0} ns)",
        ratios[ROUNDS / 2],
        best.0 / best.1,
        per_call(best.0),
        per_call(best.1)
    );
}

fn timed(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..ITERS {
        f();
    }
    t.elapsed().as_secs_f64()
}

fn ratios() {
    let credentials = huawei_credentials();
    let signer = huawei_signer(&credentials);
    let s = huawei_signature(&signer);
    interleaved(
        "huawei_aksk",
        || {
            // Fresh requests are built before the clock starts and dropped after it stops.
            let mut batch: Vec<_> = (0..ITERS).map(|_| huawei_request()).collect();
            let t = Instant::now();
            for r in &mut batch {
                black_box(signer.sign(r, NOW).ok());
            }
            t.elapsed().as_secs_f64()
        },
        || timed(|| drop(black_box(huawei_floor(&credentials, &s)))),
    );
    let credentials = pool_credentials();
    let signer = pool_signer(&credentials);
    let inputs = pool_floor_inputs(&signer);
    interleaved(
        "pool",
        || timed(|| drop(black_box(pool_sign(&signer)))),
        || timed(|| drop(black_box(pool_floor(&credentials, &inputs)))),
    );
}

criterion_group!(benches, huawei, pool);

fn main() {
    ratios();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
