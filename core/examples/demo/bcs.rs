//! Huawei Cloud BCS (seed 004): list Fabric blockchains (§1.5.1.18) and create a blockchain-engine
//! instance (§2.5.3.1) signed with AK/SK, then list the instances (§2.5.3.2) with an IAM password
//! token (§1.4.1), which shows both schemes reach the same project's state.

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::auth::huawei::Algorithm;
use chainkit_core::Executor;
use serde_json::json;

use super::service::{DemoResult, Service, Success};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";

pub async fn run(executor: &Executor, sandbox_url: &str) -> DemoResult<()> {
    let aksk = Service::new(
        "bcs",
        executor,
        &Credentials::HuaweiAkSk {
            access_key: "SANDBOXACCESSKEY0001".into(),
            secret_key: "sandbox-secret-access-key".into(),
            project_id: Some(PROJECT.into()),
            security_token: None,
            algorithm: Algorithm::HmacSha256,
        },
        Success::Http,
    )?;
    aksk.call("GET", &format!("/v2/{PROJECT}/blockchains"), None)
        .await?;
    // Seed 004 §2.5.3.1: name, edition, data_management and orgs are required; the optional
    // rest picks a raft chain and an auto-paid order. The answer carries a job id: creation runs asynchronously.
    let create = json!({
        "name": "demo-chain",
        "edition": "Professional",
        "data_management": "Cloud",
        "orgs": [{"name": "org1"}, {"name": "org2"}],
        "chain_info": {"consensus": "raft", "sign_algorithm": "ecdsa_with_sha256"},
        "org_order_info": {"charge_mode": 0, "period_type": 2, "period_num": 1, "is_auto_pay": true},
    });
    let instances = format!("/v2/{PROJECT}/huaweicloudchain/instances");
    aksk.call("POST", &instances, Some(create)).await?;

    // The sandbox serves IAM on its own address; the real one is iam.<region>.myhuaweicloud.com.
    let iam = Service::new(
        "bcs",
        executor,
        &Credentials::HuaweiIam {
            iam_url: sandbox_url.into(),
            user_name: "sandbox-user".into(),
            password: "sandbox-password".into(),
            domain_name: "sandbox-domain".into(),
            project_id: Some(PROJECT.into()),
            project_name: None,
        },
        Success::Http,
    )?;
    let listed = iam.call("GET", &instances, None).await?;
    if listed["count"] != 1 {
        return Err(format!(
            "bcs: expected the one created instance, listed {}",
            listed["count"]
        )
        .into());
    }
    Ok(())
}
