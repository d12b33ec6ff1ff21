//! See `chainkit_core_fuzz::huawei_sign`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chainkit_core_fuzz::huawei_sign(data));
