//! DDC (seed 000), header `apitoken`: two queries, then the same query with a wrong token, which
//! the sandbox refuses with 401 and MSG_20010005 (seed 000 §0 error table).

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::Executor;
use serde_json::json;

use super::service::{DemoResult, Service, Success};

pub async fn run(executor: &Executor) -> DemoResult<()> {
    let token = |t: &str| Credentials::DdcApiToken { token: t.into() };
    let ddc = Service::new(
        "ddc",
        executor,
        &token("sandbox-ddc-apitoken"),
        Success::ZeroField("code"),
    )?;
    // Seed 000 chainaccount/searches: the filter `data` must not be null but may be empty `{}`;
    // `page` is `{pageNum, pageSize}`.
    let accounts = "/ddcoai/sys/v1/chainaccount/searches";
    ddc.call(
        "POST",
        accounts,
        Some(json!({"data": {}, "page": {"pageNum": 1, "pageSize": 10}})),
    )
    .await?;
    ddc.call("POST", "/ddcoai/sys/v1/user/account/info/search", None)
        .await?;

    let wrong = Service::new(
        "ddc",
        executor,
        &token("not-the-token"),
        Success::ZeroField("code"),
    )?;
    wrong
        .expect_error(
            "POST chainaccount/searches with a wrong apitoken",
            "POST",
            accounts,
            Some(json!({"data": {}, "page": {"pageNum": 1, "pageSize": 10}})),
        )
        .await
}
