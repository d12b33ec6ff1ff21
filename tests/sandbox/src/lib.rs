//! chainkit-sandbox: one loopback server standing in for the five services (see README.md).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod catalog;
pub mod config;
pub mod ddc;
pub mod dna;
pub mod faults;
pub mod huawei;
pub mod pool;
pub mod support;
pub mod ulord;
pub mod verify;

pub use app::app;
pub use config::Config;

/// Unix time in seconds; every freshness check reads the clock through here.
pub fn now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
