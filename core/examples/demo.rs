//! The Rust part of `make demo`: one short scenario per service against the sandbox named by
//! CHAINKIT_SANDBOX_URL, through chainkit's public API, with the sandbox's default test
//! credentials (tests/sandbox/src/config.rs). One line per step; no secret is ever printed.
#![allow(missing_docs)]

mod demo {
    pub mod bcs;
    pub mod ddc;
    pub mod dna;
    pub mod pool;
    pub mod service;
    pub mod ulord;
}

use chainkit_core::{ClientConfig, Error, Executor, Runtime};
use demo::service::DemoResult;

#[tokio::main(flavor = "current_thread")]
async fn main() -> DemoResult<()> {
    let url = std::env::var("CHAINKIT_SANDBOX_URL")
        .map_err(|_| Error::config("set CHAINKIT_SANDBOX_URL (make demo does)"))?;
    // The five services share the sandbox's one address, so one executor serves them all;
    // each service gets its own authorizer.
    let executor = Executor::new(ClientConfig::new(&url)?, Runtime::native()?);
    demo::dna::run(&executor).await?;
    demo::ddc::run(&executor).await?;
    demo::ulord::run(&executor).await?;
    demo::pool::run(&executor).await?;
    demo::bcs::run(&executor, &url).await?;
    Ok(())
}
