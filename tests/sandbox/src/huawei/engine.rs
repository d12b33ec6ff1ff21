//! Part 2 (seed 004 §2.5.2-2.5.3): blockchain-engine instances and the jobs that create them.
//! A create answers a `job_id` at once; the job reads `Running` until the configured delay
//! passes, then `Success`, and the instance moves from `Creating` to `Available` with it.

use std::time::Instant;

use serde_json::{json, Value};

use super::assets::Assets;
use super::fabric::text;
use super::state::{finished, now_nanos, ok, page, rfc3339, Answer, Call, Fail};

/// The engine version instances report (the seed's examples show 1.0.1.2).
const ENGINE_VERSION: &str = "1.0.1.2";

/// Part 2 state.
#[derive(Default)]
pub struct Engine {
    pub(super) instances: Vec<Instance>,
    jobs: Vec<Job>,
}

pub(super) struct Instance {
    pub(super) id: String,
    pub(super) name: String,
    edition: String,
    data_management: String,
    kind: String,
    pub(super) orgs: Vec<String>,
    chain_id: String,
    consensus: String,
    sign_algorithm: String,
    enterprise_project_id: String,
    created_ns: i128,
    created: Instant,
    /// Contracts, tags and backups (assets.rs).
    pub(super) assets: Assets,
}

impl Instance {
    /// Whether its creation job has finished.
    pub(super) fn available(&self, c: &Call) -> bool {
        finished(self.created, c.delay)
    }
}

struct Job {
    id: String,
    instance_id: String,
    instance_name: String,
    started: Instant,
    started_ns: i128,
}

/// Handles the part 2 routes with state; `None` for the rest.
pub fn handle(e: &mut Engine, c: &Call) -> Option<Answer> {
    Some(match c.id {
        "create_engine_instance" => e.create(c),
        "list_engine_instances" => {
            let list: Vec<Value> = page(&e.instances, c.req)
                .into_iter()
                .map(|i| instance(i, c))
                .collect();
            ok(json!({"count": e.instances.len(), "instances": list}))
        }
        "show_engine_instance" => e.find(c.param(0)).and_then(|i| ok(instance(i, c))),
        "show_engine_job" => match e.jobs.iter().find(|j| j.id == c.param(0)) {
            Some(j) => ok(job(j, c)),
            None => Err(missing("job", c.param(0))),
        },
        "list_engine_jobs" => e.list_jobs(c),
        "batch_delete_engine_jobs" => e.delete_jobs(c),
        _ => return super::assets::handle(e, c),
    })
}

/// Part 2 lists no error codes; appendix 1.7.2's "Query failed" (BCS.4004029) names a missing
/// job, contract or backup.
pub(super) fn missing(what: &str, id: &str) -> Fail {
    Fail::bad(
        "BCS.4004029",
        format!("Query failed. The {what} {id} does not exist."),
    )
}

impl Engine {
    /// Instance `id`; a missing one is appendix 1.7.2's BCS.4001011.
    pub(super) fn find(&self, id: &str) -> Result<&Instance, Fail> {
        self.instances
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(not_found)
    }

    /// Instance `id`, refusing changes until it is Available (BCS.4001020).
    pub(super) fn ready(&mut self, id: &str, c: &Call) -> Result<&mut Instance, Fail> {
        let i = self
            .instances
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(not_found)?;
        if !i.available(c) {
            return Err(Fail::bad(
                "BCS.4001020",
                "Operation failed. The service status is abnormal or the service is being processed. Try again later.",
            ));
        }
        Ok(i)
    }

    fn create(&mut self, c: &Call) -> Answer {
        let b = &c.body;
        let name = text(b, "name");
        // §2.5.3.1: letters, digits and '-', not starting with '-'.
        if name.starts_with('-')
            || !name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        {
            return Err(Fail::param(
                "name",
                "letters, digits and '-', not starting with '-'",
            ));
        }
        if self.instances.iter().any(|i| i.name == name) {
            return Err(Fail::bad(
                "BCS.4001018",
                "Operation failed. A service with the same name already exists. Enter another name and try again.",
            ));
        }
        let orgs: Vec<String> = b["orgs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| text(o, "name").to_owned())
            .collect();
        // §2.5.3.1: organization names are lowercase letters and digits starting with a letter.
        for (i, o) in orgs.iter().enumerate() {
            let lower = o
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit());
            if !lower || !o.starts_with(|ch: char| ch.is_ascii_lowercase()) {
                return Err(Fail::param(
                    &format!("orgs[{i}].name"),
                    "lowercase letters and digits, starting with a letter",
                ));
            }
        }
        if orgs.is_empty() {
            return Err(Fail::param("orgs", "needs at least one organization"));
        }
        let id = c.uuid();
        let now = now_nanos();
        let order_num = orgs.len();
        let chain = &b["chain_info"];
        self.instances.push(Instance {
            id: id.clone(),
            name: name.to_owned(),
            edition: text(b, "edition").to_owned(),
            data_management: text(b, "data_management").to_owned(),
            kind: b["type"].as_str().unwrap_or("HuaweiCloudChain").to_owned(),
            orgs,
            // The seed's chain ids read "<instance name>-<suffix>".
            chain_id: format!("{name}-{}", &id[..8]),
            consensus: chain["consensus"].as_str().unwrap_or("raft").to_owned(),
            sign_algorithm: chain["sign_algorithm"]
                .as_str()
                .unwrap_or("ecdsa_with_sha256")
                .to_owned(),
            enterprise_project_id: b["enterprise_project_id"]
                .as_str()
                .unwrap_or("0")
                .to_owned(),
            created_ns: now,
            created: Instant::now(),
            assets: Assets::default(),
        });
        let job_id = c.uuid();
        self.jobs.push(Job {
            id: job_id.clone(),
            instance_id: id.clone(),
            instance_name: name.to_owned(),
            started: Instant::now(),
            started_ns: now,
        });
        // Every purchase is yearly/monthly (charge_mode's only value is 0), so it has an order.
        let order = format!("CS{}", &job_id[..8].to_uppercase());
        ok(json!({"order_id": order, "order_num": order_num, "instance_id": id, "job_id": job_id}))
    }

    fn list_jobs(&self, c: &Call) -> Answer {
        let statuses = c.req.query_param("status");
        let name = c.req.query_param("instance_name");
        let since = c.req.query_param("start_time");
        let since = match since
            .as_deref()
            .map(|t| time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339))
        {
            Some(Ok(t)) => Some(t.unix_timestamp_nanos()),
            Some(Err(_)) => {
                return Err(Fail::param(
                    "start_time",
                    "must be RFC 3339, e.g. 2022-07-07T13:00:29Z",
                ))
            }
            None => None,
        };
        let jobs: Vec<Value> = self
            .jobs
            .iter()
            .filter(|j| since.is_none_or(|t| j.started_ns >= t))
            .map(|j| job(j, c))
            .filter(|j| {
                statuses.as_deref().is_none_or(|s| s.split(',').any(|s| j["status"] == s))
                    // "Supports fuzzy matching; case-sensitive" (§2.5.2.2).
                    && name.as_deref().is_none_or(|n| text(j, "instance_name").contains(n))
            })
            .collect();
        // count is capped at 1000 (§2.5.2.2).
        let count = jobs.len().min(1000);
        ok(json!({"count": count, "jobs": page(&jobs, c.req)}))
    }

    fn delete_jobs(&mut self, c: &Call) -> Answer {
        let ids: Vec<&str> = c.body["jobs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if let Some(unknown) = ids
            .iter()
            .find(|id| !self.jobs.iter().any(|j| j.id == **id))
        {
            return Err(missing("job", unknown));
        }
        self.jobs.retain(|j| !ids.contains(&j.id.as_str()));
        ok(json!({"result": "success"}))
    }
}

fn not_found() -> Fail {
    Fail::bad(
        "BCS.4001011",
        "Operation failed. The service does not exist or has been deleted. Refresh the page.",
    )
}

fn job(j: &Job, c: &Call) -> Value {
    let done = finished(j.started, c.delay);
    json!({
        "id": j.id,
        "type": "CreateInstance",
        "status": if done { "Success" } else { "Running" },
        "failed_message": "",
        "progress": if done { 100 } else { 50 },
        "instance_id": j.instance_id,
        "instance_name": j.instance_name,
        "start_time": rfc3339(j.started_ns),
        "end_time": if done { rfc3339(j.started_ns + c.delay.as_nanos() as i128) } else { String::new() },
    })
}

fn instance(i: &Instance, c: &Call) -> Value {
    let up = i.available(c);
    let status = if up { "Available" } else { "Creating" };
    let contracts = i.assets.contract_count();
    json!({
        "id": i.id,
        "name": i.name,
        "status": status,
        "edition": i.edition,
        "kind": i.kind,
        "data_management": i.data_management,
        "chain_engine_version": ENGINE_VERSION,
        // The first organization orders (raft), as in the seed's examples.
        "orgs": i.orgs.iter().enumerate().map(|(n, o)| json!({"name": o, "status": status, "is_consensus": n == 0})).collect::<Vec<_>>(),
        // transaction_num, as the detail table and every example spell it (the list table says
        // transaction_number). A genesis block, then one block and one transaction per contract.
        "chains": [{
            "chain_id": i.chain_id,
            "consensus": i.consensus,
            "sign_algorithm": i.sign_algorithm,
            "contract_num": contracts,
            "block_num": 1 + contracts,
            "transaction_num": contracts,
        }],
        "create_time": rfc3339(i.created_ns),
        "update_time": rfc3339(i.created_ns),
        "enterprise_project_id": i.enterprise_project_id,
        "enterprise_project_name": if i.enterprise_project_id == "0" { "default" } else { "" },
    })
}
