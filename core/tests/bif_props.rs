//! Property tests for core's BIF crypto: every decoder gives a value or a typed error on any
//! input (never a panic), and sign → verify round-trips for random keys of both types.
#![allow(clippy::unwrap_used, missing_docs)]

use chainkit_core::bif::{self, proto, Address, ContractCall, KeyType, PrivateKey, PublicKey};
use chainkit_core::ErrorKind;
use proptest::prelude::*;

const CONTRACT: &str = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";

fn typed<T>(r: chainkit_core::Result<T>) -> bool {
    r.map_or_else(
        |e| e.kind() == ErrorKind::InvalidInput && !e.message().is_empty(),
        |_| true,
    )
}

fn key_type() -> impl Strategy<Value = KeyType> {
    prop_oneof![Just(KeyType::Ed25519), Just(KeyType::Sm2)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_decoders_never_panic(s in any::<String>(), b58 in "[1-9A-HJ-NP-Za-km-z:dib]{0,60}") {
        for t in [&s, &b58] {
            prop_assert!(typed(bif::base58::decode(t, "x")));
            prop_assert!(typed(PrivateKey::parse(t)));
            prop_assert!(typed(PublicKey::parse(t)));
            prop_assert!(typed(Address::parse(t)));
            let prefixed = format!("did:bid:ef{t}");
            prop_assert!(typed(Address::parse(&prefixed)));
            prop_assert!(typed(proto::decode_hex(t)));
            prop_assert!(typed(KeyType::parse(t)));
            prop_assert!(typed(bif::transfer_input(t, t, t)));
        }
    }

    #[test]
    fn byte_decoders_never_panic(b in proptest::collection::vec(any::<u8>(), 0..300), kt in key_type()) {
        prop_assert!(typed(proto::decode(&b)));
        prop_assert!(typed(PrivateKey::from_raw(kt, &b)));
        prop_assert!(typed(PublicKey::from_raw(kt, &b)));
        prop_assert!(typed(PublicKey::parse(&hex::encode(&b))));
        prop_assert!(typed(PrivateKey::parse(&bif::base58::encode(&b))));
        // A decodable serialization re-encodes to itself exactly when it is canonical.
        if let Ok(d) = proto::decode(&b) {
            prop_assert_eq!(d.canonical, d.transaction.encode() == b);
        }
        let k = PrivateKey::from_raw(KeyType::Ed25519, &[1; 32]).unwrap();
        prop_assert!(typed(bif::verify(&k.public_key(), &b, &b)));
    }

    #[test]
    fn base58_round_trips(b in proptest::collection::vec(any::<u8>(), 0..64)) {
        prop_assert_eq!(bif::base58::decode(&bif::base58::encode(&b), "x").unwrap(), b);
    }

    #[test]
    fn sign_verify_round_trips(kt in key_type(), raw in any::<[u8; 32]>(), msg in proptest::collection::vec(any::<u8>(), 0..200), k in any::<[u8; 32]>()) {
        let Ok(key) = PrivateKey::from_raw(kt, &raw) else { return Ok(()); };
        let public = key.public_key();
        // Text forms round-trip.
        let reparsed = PrivateKey::parse(key.to_enc().expose()).unwrap();
        prop_assert_eq!(reparsed.raw(), key.raw());
        prop_assert_eq!(&PublicKey::parse(&public.to_enc()).unwrap(), &public);
        let address = public.address().to_string();
        prop_assert!(Address::parse(&address).unwrap().belongs_to(&public));
        let sig = bif::sign(&key, &msg).unwrap();
        prop_assert!(bif::verify(&public, &msg, &sig).unwrap());
        let mut other = msg.clone();
        other.push(0);
        prop_assert!(!bif::verify(&public, &other, &sig).unwrap());
        if kt == KeyType::Sm2 {
            if let Ok(sig) = bif::sign_sm2_with_k(&key, &msg, &k) {
                prop_assert!(bif::verify(&public, &msg, &sig).unwrap());
            }
        }
        // A full contract call decodes back to what was built and verifies.
        let call = ContractCall {
            sender_address: address.clone(),
            contract_address: CONTRACT.into(),
            amount: 0,
            input: bif::burn_input(CONTRACT).unwrap(),
            nonce: 1 + i64::from(raw[0]),
            fee_limit: 0,
            gas_price: 0,
        };
        let signed = call.sign(&key).unwrap();
        let d = proto::decode(&signed.serialization).unwrap();
        prop_assert!(d.canonical);
        prop_assert_eq!(d.transaction, call.transaction().unwrap());
        prop_assert!(bif::verify(&public, &signed.serialization, &signed.sign_data).unwrap());
    }
}
