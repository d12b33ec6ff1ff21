//! Any bytes: decode as a serialization; a decoded value must re-encode consistently with
//! `canonical`, and verifying them as a signature must not panic.
#![no_main]

use chainkit_core::bif::{proto, verify, KeyType, PrivateKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = proto::decode(data) {
        assert_eq!(d.canonical, d.transaction.encode() == data);
        let _ = d.transaction.to_json();
    }
    for kt in [KeyType::Ed25519, KeyType::Sm2] {
        let _ = PrivateKey::from_raw(kt, data);
        let _ = chainkit_core::bif::PublicKey::from_raw(kt, data);
    }
    if let Ok(k) = PrivateKey::from_raw(KeyType::Sm2, &[7; 32]) {
        let _ = verify(&k.public_key(), data, data);
    }
});
