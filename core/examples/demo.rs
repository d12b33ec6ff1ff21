//! The Rust part of `make demo`: calls the sandbox named by CHAINKIT_SANDBOX_URL.
#![allow(missing_docs)]

use chainkit_core::{ClientConfig, Executor, NoAuth, RawRequest, Runtime};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), chainkit_core::Error> {
    let url = std::env::var("CHAINKIT_SANDBOX_URL")
        .map_err(|_| chainkit_core::Error::config("set CHAINKIT_SANDBOX_URL (make demo does)"))?;
    let executor = Executor::new(ClientConfig::new(&url)?, Runtime::native()?);
    let get = |path: &str| RawRequest {
        method: "GET".into(),
        path: path.into(),
        ..Default::default()
    };

    let health = executor.execute(&get("/health"), &NoAuth).await?;
    println!(
        "[rust] GET /health -> {} {}",
        health.status,
        String::from_utf8_lossy(&health.body)
    );
    match executor
        .execute(
            &get("/_sandbox/status/409?code=E409&message=conflict"),
            &NoAuth,
        )
        .await
    {
        Ok(r) => println!("[rust] unexpected success {}", r.status),
        Err(e) => println!(
            "[rust] typed error -> kind={} status={:?} code={:?} request_id={:?}: {e}",
            e.kind(),
            e.status(),
            e.code(),
            e.request_id()
        ),
    }
    Ok(())
}
