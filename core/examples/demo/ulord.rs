//! Ulord (seed 001): two external calls with header `appkey`, one admin call after the
//! developer login (the authorizer logs in and carries the session cookie).

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::Executor;
use serde_json::json;

use super::service::{DemoResult, Service, Success};

pub async fn run(executor: &Executor) -> DemoResult<()> {
    let app = Service::new(
        "ulord",
        executor,
        &Credentials::UlordAppKey {
            app_key: "0123456789abcdef0123456789abcdef".into(),
        },
        Success::ZeroField("errcode"),
    )?;
    app.call("GET", "/v1/content/list/1/10", None).await?;
    app.call(
        "POST",
        "/v1/transactions/publish/count/",
        Some(json!({"author": "demo-author"})),
    )
    .await?;

    let admin = Service::new(
        "ulord",
        executor,
        &Credentials::UlordAdmin {
            username: "sandbox-dev".into(),
            password: "sandbox-password".into(),
            session: AdminSession::Cookie,
        },
        Success::ZeroField("errcode"),
    )?;
    admin.call("GET", "/v1/role/list/", None).await?;
    Ok(())
}
