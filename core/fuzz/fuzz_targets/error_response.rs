//! See `chainkit_core_fuzz::error_response`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::error_response(data));
