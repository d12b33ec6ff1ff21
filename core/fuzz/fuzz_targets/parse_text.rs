//! Any text: every text decoder gives a value or an error, and what parses prints back.
#![no_main]

use chainkit_core::bif::{base58, proto, transfer_input, Address, PrivateKey, PublicKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(bytes) = base58::decode(text, "fuzz") {
        assert_eq!(
            base58::decode(&base58::encode(&bytes), "fuzz").ok(),
            Some(bytes)
        );
    }
    if let Ok(a) = Address::parse(text) {
        assert_eq!(Address::parse(&a.to_string()).ok(), Some(a));
    }
    if let Ok(k) = PrivateKey::parse(text) {
        let again = PrivateKey::parse(k.to_enc().expose()).ok();
        assert_eq!(again.map(|x| *x.raw()), Some(*k.raw()));
    }
    if let Ok(p) = PublicKey::parse(text) {
        assert_eq!(PublicKey::parse(&p.to_enc()).ok(), Some(p));
    }
    let _ = proto::decode_hex(text);
    let _ = transfer_input(text, text, text);
});
