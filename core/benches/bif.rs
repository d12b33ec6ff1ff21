//! BIF signing cost (see BENCHMARKS.md): the seed §3.3.3 transfer built + Ed25519-signed by
//! chainkit, against a bare ed25519-dalek signature over the same serialization; SM2 signing.
//!   cargo bench -p chainkit-core --bench bif
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chainkit_core::bif::{ContractCall, KeyType, PrivateKey};
use criterion::{criterion_group, criterion_main, Criterion};

const KEY: &str = "priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM";

fn transfer(sender: &str) -> ContractCall {
    ContractCall {
        sender_address: sender.into(),
        contract_address: "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk".into(),
        amount: 0,
        input: chainkit_core::bif::transfer_input(
            sender,
            "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7",
            "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV",
        )
        .unwrap(),
        nonce: 33,
        fee_limit: 100_000_000,
        gas_price: 10,
    }
}

fn benches(c: &mut Criterion) {
    let key = PrivateKey::parse(KEY).unwrap();
    let sender = key.public_key().address().to_string();
    let call = transfer(&sender);
    let bytes = call.transaction().unwrap().encode();

    let mut g = c.benchmark_group("bif_transfer_ed25519");
    g.bench_function("chainkit build + sign (ContractCall::sign)", |b| {
        b.iter(|| black_box(&call).sign(black_box(&key)).unwrap())
    });
    let dalek = ed25519_dalek::SigningKey::from_bytes(key.raw());
    g.bench_function("bare ed25519-dalek sign of the same bytes", |b| {
        b.iter(|| ed25519_dalek::Signer::sign(black_box(&dalek), black_box(&bytes)))
    });
    g.finish();

    let sm2 = PrivateKey::from_raw(KeyType::Sm2, &[7u8; 32]).unwrap();
    let sm2_call = transfer(&sm2.public_key().address().to_string());
    let mut g = c.benchmark_group("bif_sm2");
    g.bench_function("chainkit sign bytes (sm2, RFC 6979 k)", |b| {
        b.iter(|| chainkit_core::bif::sign(black_box(&sm2), black_box(&bytes)).unwrap())
    });
    g.bench_function("chainkit build + sign transfer (sm2)", |b| {
        b.iter(|| black_box(&sm2_call).sign(black_box(&sm2)).unwrap())
    });
    g.finish();
}

criterion_group!(bif, benches);
criterion_main!(bif);
