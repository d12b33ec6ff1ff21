//! Mining pool (seed 003) through the typed client: the seeded main account's bindings, a new
//! sub-account, its workers, and its hash rate now. Each call is signed by the client (a fresh
//! JWT and the body envelope's HMAC).

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::pool::{AccountName, NewSubAccount, PoolClient, SubAccountName};
use chainkit_core::Executor;

use super::service::DemoResult;

pub async fn run(executor: &Executor) -> DemoResult<()> {
    let credentials = Credentials::Pool {
        client_id: "sandbox-client".into(),
        secret_key: "sandbox-secret-key".into(),
        secret_salt: "sandbox-secret-salt".into(),
        ttl_s: None,
    };
    let auth = credentials.authorizer(
        &executor.config().base_url,
        executor.runtime().transport.clone(),
    )?;
    let pool = PoolClient::new(executor.clone(), auth);

    let alice = AccountName {
        account: "alice".into(),
    };
    let bound = pool.account_get_bind_info(&alice).await?;
    println!(
        "[rust/pool] alice is bound to {}",
        bound.mail.as_deref().unwrap_or("-")
    );
    // Sub-account names are pool-wide: the process id keeps a second run apart.
    let name = format!("demo-sub-{}", std::process::id());
    pool.sub_account_create(&NewSubAccount {
        master: "alice".into(),
        user_name: name.clone(),
        theory_speed: 100.0,
        description: "demo".into(),
        worker_count: 2,
    })
    .await?;
    let sub = SubAccountName { user_name: name };
    let workers = pool.worker_get_sub_account_worker_list(&sub).await?.items;
    let now = pool.speed_get_sub_account_realtime_speed(&sub).await?;
    println!(
        "[rust/pool] {} has {} workers, {} H/s over 5 minutes",
        sub.user_name,
        workers.len(),
        now.speed5m.valid_speed
    );
    Ok(())
}
