//! See `chainkit_core_fuzz::base58`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::base58(data));
