//! See `chainkit_core_fuzz::token_answers`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::token_answers(data));
