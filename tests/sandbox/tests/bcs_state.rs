#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! BCS state and validation through HTTP with an IAM token: one Fabric flow, one engine flow, and
//! one test per kind of documented validation error.

mod common;

use std::time::Duration;

use chainkit_sandbox::Config;
use reqwest::Method;
use serde_json::{json, Value};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";
/// Long enough that "still running" is observed right after a create, short enough for a test.
const DELAY_MS: u64 = 800;

struct Bcs {
    c: reqwest::Client,
    base: String,
    token: String,
}

impl Bcs {
    async fn start() -> Self {
        let mut config = Config::default();
        config.huawei.op_delay_ms = DELAY_MS;
        let base = common::start(config).await;
        let c = common::client();
        let login = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "sandbox-user", "password": "sandbox-password", "domain": {"name": "sandbox-domain"}}}},
            "scope": {"project": {"id": PROJECT}}}});
        let r = c
            .post(format!("{base}/v3/auth/tokens"))
            .json(&login)
            .send()
            .await
            .unwrap();
        let token = r.headers()["x-subject-token"].to_str().unwrap().to_owned();
        Self { c, base, token }
    }

    /// `METHOD /v2/{project}/{path}` with an optional JSON body: (status, body or Null).
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .c
            .request(method, format!("{}/v2/{PROJECT}/{path}", self.base))
            .header("X-Auth-Token", &self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    async fn get(&self, path: &str) -> Value {
        let (status, body) = self.call(Method::GET, path, None).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    async fn ok(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, answer) = self.call(method.clone(), path, Some(body)).await;
        assert_eq!(status, 200, "{method} {path}: {answer}");
        answer
    }

    /// Asserts a Fabric error: status, code, and the two-field body of seed 004 §1.4.3.
    async fn fails(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        status: u16,
        code: &str,
    ) -> String {
        let (got, answer) = self.call(method, path, body).await;
        assert_eq!(
            (got, answer["error_code"].as_str()),
            (status, Some(code)),
            "{answer}"
        );
        answer["error_msg"].as_str().unwrap().to_owned()
    }
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(DELAY_MS + 200)).await;
}

fn fabric_create(name: &str) -> Value {
    json!({
        "name": name, "version_type": 4, "fabric_version": "2.2", "consensus": "SFLIC",
        "enterprise_project_id": "0", "resource_password": "Sandbox@Pass1", "orderer_node_number": 3,
        "cluster_type": "cce", "create_new_cluster": false,
        "cce_cluster_info": {"cluster_id": "c1", "cluster_name": "cluster-1", "cluster_platform_type": "VirtualMachine"},
        "peer_orgs": [{"name": "orga", "node_count": 2}, {"name": "orgb", "node_count": 1}],
        "blockchain_type": "union",
    })
}

#[tokio::test]
async fn fabric_flow() {
    let bcs = Bcs::start().await;
    let created = bcs
        .ok(Method::POST, "blockchains", fabric_create("chain-one"))
        .await;
    let id = created["blockchain_id"].as_str().unwrap().to_owned();
    let op = created["operation_id"].as_str().unwrap().to_owned();
    assert!(op.starts_with("BCSSVC01-99-"), "{op}");

    let list = bcs.get("blockchains").await;
    assert_eq!(list["count"], 1);
    assert_eq!(
        list["blockchains"][0],
        json!({"id": id, "name": "chain-one"})
    );
    let records = bcs
        .get(&format!("operation/record?operation_id={op}"))
        .await;
    assert_eq!(records["count"], 1);
    assert_eq!(
        records["operation_records"][0]["operation_status"],
        "processing"
    );
    assert_eq!(
        bcs.get(&format!("blockchains/{id}/status")).await["bcs"]["status"],
        "deploying"
    );
    assert_eq!(
        bcs.get(&format!("blockchains/{id}")).await["basic_info"]["process_status"],
        "IsCreating"
    );
    // Changes wait for the creation to finish (appendix 1.7.2).
    let chans = json!({"channels": [{"channel_name": "trade01", "channel_description": "trades"}]});
    bcs.fails(
        Method::POST,
        &format!("blockchains/{id}/channels"),
        Some(chans.clone()),
        400,
        "BCS.4001001",
    )
    .await;

    settle().await;
    let records = bcs
        .get(&format!(
            "operation/record?blockchain_id={id}&operation_status=finished"
        ))
        .await;
    assert_eq!(records["operation_records"][0]["operation_id"], op.as_str());
    assert_eq!(
        bcs.get(&format!("blockchains/{id}/status")).await["bcs"]["status"],
        "finished"
    );
    let detail = bcs.get(&format!("blockchains/{id}")).await;
    assert_eq!(detail["basic_info"]["name"], "chain-one");
    assert_eq!(
        detail["basic_info"]["consensus"], "sflic",
        "the response spells it in lower case"
    );
    assert_eq!(detail["basic_info"]["service_type"], "union");
    assert_eq!(detail["peer_info"][0]["name"], "orga");
    assert_eq!(detail["peer_info"][0]["node_cnt"], 2);
    assert_eq!(detail["orderer_info"]["node_cnt"], 3);
    // A second instance of the same name is refused.
    bcs.fails(
        Method::POST,
        "blockchains",
        Some(fabric_create("chain-one")),
        400,
        "BCS.4001018",
    )
    .await;

    // Channels: create, list, add peers.
    let op = bcs
        .ok(Method::POST, &format!("blockchains/{id}/channels"), chans)
        .await;
    assert!(op["operation_id"]
        .as_str()
        .unwrap()
        .starts_with("BCSSVC01-04-"));
    let channels = bcs.get(&format!("blockchains/{id}/channels")).await;
    let names: Vec<&str> = channels["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["channel", "trade01"],
        "the default channel, then the new one"
    );
    assert_eq!(channels["channels"][1]["description"], "trades");
    bcs.fails(
        Method::POST,
        &format!("blockchains/{id}/channels"),
        Some(json!({"channels": [{"channel_name": "Bad-Name"}]})),
        400,
        "BCS.4006012",
    )
    .await;
    let peers = |org: &str, n: u64| json!({"channel_peers": [{"channel_name": "trade01", "peers": {org: n}}]});
    bcs.ok(
        Method::POST,
        &format!("blockchains/{id}/channels/peers"),
        peers("orga", 2),
    )
    .await;
    bcs.fails(
        Method::POST,
        &format!("blockchains/{id}/channels/peers"),
        Some(peers("nobody", 1)),
        400,
        "BCS.4001245",
    )
    .await;
    bcs.fails(
        Method::POST,
        &format!("blockchains/{id}/channels/peers"),
        Some(peers("orgb", 2)),
        400,
        "BCS.4006014",
    )
    .await;
    let channels = bcs.get(&format!("blockchains/{id}/channels")).await;
    let orga = &channels["channels"][1]["peers"]["orga"];
    assert_eq!(orga.as_array().unwrap().len(), 2, "{channels}");
    assert_eq!(
        channels["channels"][1]["consensusNodes"]["orga"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        bcs.get(&format!("blockchains/{id}")).await["channels"][1]["org_names"],
        json!(["orga"])
    );
    // A channel with peers cannot go; an empty one can.
    bcs.fails(
        Method::DELETE,
        &format!("blockchains/{id}/channel/trade01"),
        None,
        400,
        "BCS.4001249",
    )
    .await;
    let (status, _) = bcs
        .call(
            Method::DELETE,
            &format!("blockchains/{id}/channel/channel"),
            None,
        )
        .await;
    assert_eq!(status, 200);

    // Consortium: invite -> notification -> agree -> member.
    let invite = json!({"bcs_id": id, "channel_name": "trade01", "invited_userinfo": [{"invited_user": "partner"}]});
    assert_eq!(
        bcs.ok(Method::POST, "members/invitations", invite.clone())
            .await["result"],
        "success"
    );
    bcs.fails(
        Method::POST,
        "members/invitations",
        Some(invite),
        400,
        "BCS.4006025",
    )
    .await;
    let notes = bcs.get("notifications").await;
    let note = &notes["notifications"][0];
    assert_eq!(
        (note["channel_name"].as_str(), note["status"].as_str()),
        (Some("trade01"), Some("waiting"))
    );
    assert_eq!(note["invitor_info"]["invitor_bcs_id"], id.as_str());
    assert_eq!(note["invitee_info"]["invitee_name"], "partner");
    let invitor = json!({"invitor_bcs_id": id, "invitor_bcs_name": "chain-one",
        "invitor_project_id": PROJECT, "invitor_user_id": note["invitor_info"]["invitor_id"]});
    let mut handle =
        json!({"channel_name": "trade01", "status": "agreed", "invitor_info": invitor});
    // Agreeing needs invitee_info and invited_orgs (§1.5.2.2 prose).
    bcs.fails(
        Method::POST,
        "notification/handle",
        Some(handle.clone()),
        400,
        "BCS.4006014",
    )
    .await;
    handle["invitee_info"] = json!({"invitee_bcs_id": "partner-bcs", "invitee_bcs_name": "partner-chain",
        "invitee_project_id": "p2", "invitee_user_id": "u2"});
    handle["invited_orgs"] = json!([{"name": "partnerorg"}]);
    bcs.ok(Method::POST, "notification/handle", handle.clone())
        .await;
    bcs.fails(
        Method::POST,
        "notification/handle",
        Some(handle.clone()),
        400,
        "BCS.4001044",
    )
    .await;
    handle["channel_name"] = json!("nochannel");
    bcs.fails(
        Method::POST,
        "notification/handle",
        Some(handle),
        400,
        "BCS.4001036",
    )
    .await;
    assert_eq!(
        bcs.get("notifications").await["notifications"][0]["status"],
        "agreed"
    );
    let members = bcs.get("members").await;
    let m = &members["members"][0];
    assert_eq!(m["invited_orgs"][0]["name"], "partnerorg");
    assert_eq!(m["invitee_info"]["invitee_bcs_id"], "partner-bcs");
    assert_eq!(m["invitee_info"]["invitee_username"], "partner");

    // Delete: gone from the list, its operation recorded, a second delete refused.
    let (status, deleted) = bcs
        .call(
            Method::DELETE,
            &format!("blockchains/{id}?is_delete_storage=true"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert!(deleted["operation_id"]
        .as_str()
        .unwrap()
        .starts_with("BCSSVC01-00-"));
    assert_eq!(bcs.get("blockchains").await["count"], 0);
    assert!(bcs.get("members").await["members"]
        .as_array()
        .unwrap()
        .is_empty());
    bcs.fails(
        Method::DELETE,
        &format!("blockchains/{id}"),
        None,
        400,
        "BCS.4001202",
    )
    .await;
    bcs.fails(
        Method::GET,
        &format!("blockchains/{id}"),
        None,
        400,
        "BCS.4001011",
    )
    .await;
    let ops = bcs
        .get(&format!(
            "operation/record?blockchain_id={id}&operation_type=00"
        ))
        .await;
    assert_eq!(
        ops["count"], 2,
        "the channel delete and the instance delete: {ops}"
    );
}

/// Asserts the part-2 error body: `{code, error_code, error_msg, message}`.
async fn engine_fails(
    bcs: &Bcs,
    method: Method,
    path: &str,
    body: Option<Value>,
    status: u16,
    code: &str,
) {
    let (got, answer) = bcs.call(method, path, body).await;
    assert_eq!(
        (got, answer["error_code"].as_str()),
        (status, Some(code)),
        "{answer}"
    );
    assert_eq!(answer["code"], status.to_string());
    assert_eq!(answer["message"], answer["error_msg"]);
}

fn engine_create(name: &str) -> Value {
    json!({"name": name, "edition": "Professional", "data_management": "Cloud",
        "orgs": [{"name": "org1"}, {"name": "org2"}],
        "chain_info": {"consensus": "raft", "sign_algorithm": "ecdsa_with_sha256"},
        "org_order_info": {"charge_mode": 0, "period_type": 2, "period_num": 1, "is_auto_pay": true}})
}

#[tokio::test]
async fn engine_flow() {
    let bcs = Bcs::start().await;
    let hcc = "huaweicloudchain";
    let created = bcs
        .ok(
            Method::POST,
            &format!("{hcc}/instances"),
            engine_create("chain-01"),
        )
        .await;
    let (id, job) = (
        created["instance_id"].as_str().unwrap().to_owned(),
        created["job_id"].as_str().unwrap().to_owned(),
    );
    assert_eq!(created["order_num"], 2);
    assert!(!created["order_id"].as_str().unwrap().is_empty());
    assert_eq!(
        bcs.get(&format!("{hcc}/jobs/{job}")).await["status"],
        "Running"
    );
    assert_eq!(
        bcs.get(&format!("{hcc}/instances/{id}")).await["status"],
        "Creating"
    );
    engine_fails(
        &bcs,
        Method::POST,
        &format!("{hcc}/instances/{id}/backups"),
        Some(json!({"type": "ManualBackup"})),
        400,
        "BCS.4001020",
    )
    .await;
    bcs.ok(
        Method::POST,
        &format!("{hcc}/instances"),
        engine_create("chain-02"),
    )
    .await;

    settle().await;
    let j = bcs.get(&format!("{hcc}/jobs/{job}")).await;
    assert_eq!(
        (j["status"].as_str(), j["progress"].as_i64()),
        (Some("Success"), Some(100))
    );
    assert_eq!(j["instance_name"], "chain-01");
    let jobs = bcs
        .get(&format!(
            "{hcc}/jobs?status=Success,Failed&instance_name=-01"
        ))
        .await;
    assert_eq!(jobs["count"], 1);
    assert_eq!(jobs["jobs"][0]["id"], job.as_str());
    let page = bcs.get(&format!("{hcc}/instances?offset=1&limit=1")).await;
    assert_eq!(page["count"], 2);
    assert_eq!(page["instances"].as_array().unwrap().len(), 1);
    assert_eq!(page["instances"][0]["name"], "chain-02");
    let inst = bcs.get(&format!("{hcc}/instances/{id}")).await;
    assert_eq!(inst["status"], "Available");
    assert_eq!(
        inst["orgs"][0],
        json!({"name": "org1", "status": "Available", "is_consensus": true})
    );
    assert_eq!(inst["chains"][0]["consensus"], "raft");
    assert_eq!(inst["chains"][0]["contract_num"], 0);

    // Contracts: a Go contract as multipart/form-data, installing until the delay passes.
    let zip = b"PK\x03\x04 contract bytes".to_vec();
    let mut form = Vec::new();
    let fields = [
        ("name", "asset01"),
        ("version", "1.0"),
        ("type", "go"),
        ("install_orgs", r#"["org1","org2"]"#),
        ("endorse_orgs", r#"["org1"]"#),
        ("endorse_policy", "AND"),
        ("security_check", "true"),
    ];
    for (k, v) in fields {
        form.extend(
            format!("--b0undary\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .bytes(),
        );
    }
    form.extend(b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"asset.zip\"\r\nContent-Type: application/zip\r\n\r\n");
    form.extend(&zip);
    form.extend(b"\r\n--b0undary--\r\n");
    let r = bcs
        .c
        .post(format!(
            "{}/v2/{PROJECT}/{hcc}/instances/{id}/chain/contract",
            bcs.base
        ))
        .header("X-Auth-Token", &bcs.token)
        .header("content-type", "multipart/form-data; boundary=b0undary")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let k = bcs
        .get(&format!("{hcc}/instances/{id}/chain/contract?name=asset01"))
        .await;
    assert_eq!(
        (k["status"].as_str(), k["security_check_status"].as_i64()),
        (Some("Installing"), Some(1))
    );
    use sha2::Digest;
    assert_eq!(k["file_hash_code"], hex::encode(sha2::Sha256::digest(&zip)));
    assert_eq!(k["endorse_orgs"], json!(["org1"]));
    // Solidity as JSON (both of the seed's examples are JSON): byte_code, OR only.
    let sol = json!({"name": "token01", "version": "2.0", "type": "solidity", "endorse_policy": "AND", "byte_code": "6080"});
    engine_fails(
        &bcs,
        Method::POST,
        &format!("{hcc}/instances/{id}/chain/contract"),
        Some(sol.clone()),
        400,
        "BCS.4006014",
    )
    .await;
    let mut sol = sol;
    sol["endorse_policy"] = json!("OR");
    bcs.ok(
        Method::POST,
        &format!("{hcc}/instances/{id}/chain/contract"),
        sol,
    )
    .await;
    let bad_org = json!({"name": "asset02", "version": "1.0", "type": "go", "install_orgs": "[\"org9\"]",
        "endorse_orgs": "[\"org1\"]", "endorse_policy": "OR", "file": "zip"});
    engine_fails(
        &bcs,
        Method::POST,
        &format!("{hcc}/instances/{id}/chain/contract"),
        Some(bad_org),
        400,
        "BCS.4006014",
    )
    .await;
    engine_fails(
        &bcs,
        Method::GET,
        &format!("{hcc}/instances/{id}/chain/contract?name=nothing"),
        None,
        400,
        "BCS.4004029",
    )
    .await;
    settle().await;
    let list = bcs
        .get(&format!("{hcc}/instances/{id}/chain/contracts?limit=1"))
        .await;
    assert_eq!(list["count"], 2);
    assert_eq!(list["contracts"][0]["status"], "Success");
    assert_eq!(list["contracts"][0]["security_check_status"], 2);
    assert_eq!(
        bcs.get(&format!("{hcc}/instances/{id}")).await["chains"][0]["contract_num"],
        2
    );

    // Tags: 204 create/delete, upsert by key, only resource type huaweicloudchain.
    let tags = |t: Value| json!({"tags": t});
    let (s, _) = bcs
        .call(
            Method::POST,
            &format!("{hcc}/{id}/tags/create"),
            Some(tags(
                json!([{"key": "env", "value": "test"}, {"key": "team", "value": "a"}]),
            )),
        )
        .await;
    assert_eq!(s, 204);
    bcs.call(
        Method::POST,
        &format!("{hcc}/{id}/tags/create"),
        Some(tags(json!([{"key": "env", "value": "prod"}]))),
    )
    .await;
    let (s, _) = bcs
        .call(
            Method::DELETE,
            &format!("{hcc}/{id}/tags/delete"),
            Some(tags(json!([{"key": "team", "value": "a"}]))),
        )
        .await;
    assert_eq!(s, 204);
    assert_eq!(
        bcs.get(&format!("{hcc}/{id}/tags")).await,
        json!({"tags": [{"key": "env", "value": "prod"}]})
    );
    engine_fails(
        &bcs,
        Method::GET,
        &format!("besu/{id}/tags"),
        None,
        400,
        "BCS.4006014",
    )
    .await;
    engine_fails(
        &bcs,
        Method::GET,
        &format!("{hcc}/no-such-instance/tags"),
        None,
        404,
        "BCS.4040404",
    )
    .await;
    engine_fails(
        &bcs,
        Method::POST,
        &format!("{hcc}/{id}/tags/create"),
        Some(tags(json!([{"key": "_sys_x", "value": "v"}]))),
        400,
        "BCS.4006014",
    )
    .await;

    // Backups: Backuping -> Active, the auto rule, delete.
    bcs.ok(
        Method::POST,
        &format!("{hcc}/instances/{id}/backups"),
        json!({"type": "ManualBackup"}),
    )
    .await;
    bcs.ok(
        Method::POST,
        &format!("{hcc}/instances/{id}/backups"),
        json!({"type": "AutoBackup", "rule": 7, "is_enable": true}),
    )
    .await;
    assert_eq!(
        bcs.get(&format!("{hcc}/instances/{id}/backups/rules"))
            .await,
        json!({"is_enable": true, "rule": 7})
    );
    let backups = bcs.get(&format!("{hcc}/instances/{id}/backups")).await;
    assert_eq!(backups["count"], 1);
    assert_eq!(backups["backups"][0]["status"], "Backuping");
    settle().await;
    let backups = bcs.get(&format!("{hcc}/instances/{id}/backups")).await;
    assert_eq!(backups["backups"][0]["status"], "Active");
    let backup = backups["backups"][0]["id"].as_str().unwrap();
    let (s, _) = bcs
        .call(
            Method::DELETE,
            &format!("{hcc}/instances/{id}/backups/{backup}"),
            None,
        )
        .await;
    assert_eq!(s, 200);
    engine_fails(
        &bcs,
        Method::DELETE,
        &format!("{hcc}/instances/{id}/backups/{backup}"),
        None,
        400,
        "BCS.4004029",
    )
    .await;

    // Jobs: batch delete, unknown ids refused.
    bcs.ok(
        Method::DELETE,
        &format!("{hcc}/jobs"),
        json!({"jobs": [job]}),
    )
    .await;
    engine_fails(
        &bcs,
        Method::GET,
        &format!("{hcc}/jobs/{job}"),
        None,
        400,
        "BCS.4004029",
    )
    .await;
    engine_fails(
        &bcs,
        Method::DELETE,
        &format!("{hcc}/jobs"),
        Some(json!({"jobs": ["nope"]})),
        400,
        "BCS.4004029",
    )
    .await;
    engine_fails(
        &bcs,
        Method::GET,
        &format!("{hcc}/instances/nope"),
        None,
        400,
        "BCS.4001011",
    )
    .await;
}

// One test per kind of documented rule; each answers BCS.4006014 "Invalid Parameter <field>: …".

#[tokio::test]
async fn rejects_a_missing_required_field() {
    let bcs = Bcs::start().await;
    let mut body = fabric_create("chain-x");
    body.as_object_mut().unwrap().remove("resource_password");
    let msg = bcs
        .fails(Method::POST, "blockchains", Some(body), 400, "BCS.4006014")
        .await;
    assert_eq!(msg, "Invalid Parameter resource_password: is required");
    // Nested: a required member of each array element.
    let msg = bcs
        .fails(
            Method::POST,
            "huaweicloudchain/instances",
            Some(json!({"name": "chain-01",
        "edition": "Professional", "data_management": "Cloud", "orgs": [{}]})),
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(msg, "Invalid Parameter orgs[0].name: is required");
    // A required query parameter.
    let msg = bcs
        .fails(
            Method::GET,
            "huaweicloudchain/instances/x/chain/contract",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(msg, "Invalid Parameter name: is required");
}

#[tokio::test]
async fn rejects_a_wrong_json_type() {
    let bcs = Bcs::start().await;
    let mut body = fabric_create("chain-x");
    body["version_type"] = json!("4");
    let msg = bcs
        .fails(Method::POST, "blockchains", Some(body), 400, "BCS.4006014")
        .await;
    assert_eq!(msg, "Invalid Parameter version_type: must be integer");
    let (status, e) = bcs
        .call(
            Method::POST,
            "members/invitations",
            Some(json!({"bcs_id": "b",
        "channel_name": "c", "invited_userinfo": {"invited_user": "u"}})),
        )
        .await;
    assert_eq!(
        (status, e["error_msg"].as_str()),
        (
            400,
            Some("Invalid Parameter invited_userinfo: must be array")
        )
    );
    let r = bcs
        .c
        .post(format!("{}/v2/{PROJECT}/blockchains", bcs.base))
        .header("X-Auth-Token", &bcs.token)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error_msg"],
        "Invalid Parameter body: is not JSON"
    );
}

#[tokio::test]
async fn rejects_a_value_outside_the_enum() {
    let bcs = Bcs::start().await;
    let mut body = fabric_create("chain-x");
    body["version_type"] = json!(1);
    let msg = bcs
        .fails(Method::POST, "blockchains", Some(body), 400, "BCS.4006014")
        .await;
    assert_eq!(
        msg,
        "Invalid Parameter version_type: must be one of 4, 2, 3"
    );
    // A comma-separated list checks each member (§2.5.2.2 status).
    let msg = bcs
        .fails(
            Method::GET,
            "huaweicloudchain/jobs?status=Success,Done",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert!(
        msg.starts_with("Invalid Parameter status: must be one of"),
        "{msg}"
    );
    // The seed's example sends autoBackup; the table's enum is AutoBackup.
    let (status, _) = bcs
        .call(
            Method::POST,
            "huaweicloudchain/instances/x/backups",
            Some(json!({"type": "autoBackup"})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn rejects_a_length_outside_the_documented_bounds() {
    let bcs = Bcs::start().await;
    let msg = bcs
        .fails(
            Method::POST,
            "blockchains",
            Some(fabric_create("abc")),
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(
        msg,
        "Invalid Parameter name: length must be 4-24 characters"
    );
    // Characters, not bytes: eight Chinese characters are a valid name.
    bcs.ok(
        Method::POST,
        "blockchains",
        fabric_create("区块链服务实例一号"),
    )
    .await;
    let long = "k".repeat(129);
    let msg = bcs
        .fails(
            Method::POST,
            "huaweicloudchain/x/tags/create",
            Some(json!({"tags": [{"key": long, "value": "v"}]})),
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(
        msg,
        "Invalid Parameter tags[0].key: length must be 0-128 characters"
    );
}

#[tokio::test]
async fn rejects_a_number_outside_the_documented_range() {
    let bcs = Bcs::start().await;
    let msg = bcs
        .fails(
            Method::GET,
            "huaweicloudchain/instances?limit=101",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(
        msg,
        "Invalid Parameter limit: is out of the documented range"
    );
    bcs.fails(
        Method::GET,
        "blockchains/flavors?limit=0",
        None,
        400,
        "BCS.4006014",
    )
    .await;
    assert_eq!(
        bcs.get("huaweicloudchain/instances?limit=100").await["count"],
        0
    );
    let msg = bcs
        .fails(
            Method::GET,
            "huaweicloudchain/instances?offset=first",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(msg, "Invalid Parameter offset: must be an integer");
}

#[tokio::test]
async fn rejects_a_malformed_format() {
    let bcs = Bcs::start().await;
    // The seed's own example text for a query boolean.
    let msg = bcs
        .fails(
            Method::DELETE,
            "blockchains/x?is_delete_obs=yes",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert_eq!(
        msg,
        "Invalid Parameter is_delete_obs: must be true or false"
    );
    let msg = bcs
        .fails(
            Method::GET,
            "huaweicloudchain/jobs?start_time=yesterday",
            None,
            400,
            "BCS.4006014",
        )
        .await;
    assert!(msg.contains("RFC 3339"), "{msg}");
    // Prose rules: a Fabric name must not start with '-'; an engine org name is lowercase.
    bcs.fails(
        Method::POST,
        "blockchains",
        Some(fabric_create("-chain")),
        400,
        "BCS.4006014",
    )
    .await;
    let mut body = engine_create("chain-03");
    body["orgs"] = json!([{"name": "Org1"}]);
    let msg = bcs
        .fails(
            Method::POST,
            "huaweicloudchain/instances",
            Some(body),
            400,
            "BCS.4006014",
        )
        .await;
    assert!(msg.starts_with("Invalid Parameter orgs[0].name"), "{msg}");
}

#[tokio::test]
async fn stateless_and_unknown_routes_answer_as_before() {
    let bcs = Bcs::start().await;
    // Routes without state still answer the documented example.
    let quotas = bcs.get("quotas").await;
    assert!(quotas.is_object() && !quotas.as_object().unwrap().is_empty());
    let (status, e) = bcs.call(Method::GET, "no/such/route", None).await;
    assert_eq!(
        (status, e["error_code"].as_str()),
        (404, Some("APIGW.0101"))
    );
}
