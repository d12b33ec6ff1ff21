//! See `chainkit_core_fuzz::decode_transaction`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::decode_transaction(data));
