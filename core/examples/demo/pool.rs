//! Mining pool (seed 003): actions POSTed to one URL. The demo writes the unsigned
//! `{"action", "data": {…}}`; the pool authorizer adds the JWT and turns it into the signed
//! envelope `{action, at, data (a JSON string), signNonce, sign}`.

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::Executor;
use serde_json::json;

use super::service::{DemoResult, Service, Success};

pub async fn run(executor: &Executor) -> DemoResult<()> {
    let pool = Service::new(
        "pool",
        executor,
        &Credentials::Pool {
            client_id: "sandbox-client".into(),
            secret_key: "sandbox-secret-key".into(),
            secret_salt: "sandbox-secret-salt".into(),
            ttl_s: None,
        },
        Success::ZeroField("code"),
    )?;
    // `alice` is the sandbox's seeded main account; sub-account names are pool-wide, so the
    // demo's carries the process id, so a second run against the same sandbox still succeeds.
    let sub = format!("demo-sub-{}", std::process::id());
    for (action, data) in [
        ("Account.GetBindInfo", json!({"account": "alice"})),
        (
            "SubAccount.Create",
            json!({"master": "alice", "userName": sub, "theorySpeed": 100, "description": "demo", "workerCount": 2}),
        ),
        (
            "Worker.GetSubAccountWorkerSummary",
            json!({"userName": sub}),
        ),
    ] {
        let body = json!({"action": action, "data": data});
        pool.call_as(&format!("POST / {action}"), "POST", "/", Some(body))
            .await?;
    }
    Ok(())
}
