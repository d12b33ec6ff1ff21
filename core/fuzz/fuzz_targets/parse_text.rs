//! See `chainkit_core_fuzz::parse_text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::parse_text(data));
