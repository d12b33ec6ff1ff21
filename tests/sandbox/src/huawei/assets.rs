//! What an engine instance holds (seed 004 §2.5.6, §2.5.8, §2.5.9): contracts, whose install
//! finishes after the configured delay (`Installing` → `Success`); tags; backups, which go
//! `Backuping` → `Active` the same way, and the automatic-backup rule.

use std::time::Instant;

use axum::response::IntoResponse;
use serde_json::{json, Value};

use super::engine::{missing, Engine};
use super::fabric::text;
use super::multipart;
use super::state::{finished, now_nanos, ok, page, rfc3339, sha256_hex, Answer, Call, Fail};

/// An instance's contracts, tags and backups.
#[derive(Default)]
pub struct Assets {
    contracts: Vec<Contract>,
    tags: Vec<(String, String)>,
    backups: Vec<Backup>,
    /// The automatic-backup rule: (enabled, every N days).
    auto_rule: Option<(bool, i64)>,
}

impl Assets {
    /// Installed contracts, for the chain summary.
    pub fn contract_count(&self) -> usize {
        self.contracts.len()
    }
}

struct Contract {
    name: String,
    version: String,
    kind: String,
    description: String,
    install_orgs: Vec<String>,
    endorse_orgs: Vec<String>,
    policy: String,
    hash: String,
    security_check: bool,
    started: Instant,
    started_ns: i128,
}

struct Backup {
    id: String,
    name: String,
    started: Instant,
    started_ns: i128,
}

/// Handles the contract, tag and backup routes; `None` for the rest.
pub fn handle(e: &mut Engine, c: &Call) -> Option<Answer> {
    Some(match c.id {
        "install_engine_contract" => install(e, c),
        "show_engine_contract" => e.find(c.param(0)).and_then(|i| {
            let name = c.req.query_param("name").unwrap_or_default();
            match i.assets.contracts.iter().find(|k| k.name == name) {
                Some(k) => ok(contract(k, c)),
                None => Err(missing("contract", &name)),
            }
        }),
        "list_engine_contracts" => e.find(c.param(0)).and_then(|i| {
            let all = &i.assets.contracts;
            let list: Vec<Value> = page(all, c.req)
                .into_iter()
                .map(|k| contract(k, c))
                .collect();
            ok(json!({"count": all.len(), "contracts": list}))
        }),
        "list_resource_tags" => tagged(e, c).and_then(|a| {
            let tags: Vec<Value> = a
                .tags
                .iter()
                .map(|(k, v)| json!({"key": k, "value": v}))
                .collect();
            ok(json!({"tags": tags}))
        }),
        "batch_create_resource_tags" => tag(e, c, true),
        "batch_delete_resource_tags" => tag(e, c, false),
        "create_engine_backup" => backup(e, c),
        "show_engine_backup_rule" => e.find(c.param(0)).and_then(|i| {
            // Before any rule is set: disabled, daily (the seed's example values).
            let (on, rule) = i.assets.auto_rule.unwrap_or((false, 1));
            ok(json!({"is_enable": on, "rule": rule}))
        }),
        "list_engine_backups" => e.find(c.param(0)).and_then(|i| {
            let list: Vec<Value> = i
                .assets
                .backups
                .iter()
                .map(|b| backup_json(b, i, c))
                .collect();
            ok(json!({"count": list.len(), "backups": list}))
        }),
        "delete_engine_backup" => e.ready(c.param(0), c).and_then(|i| {
            let before = i.assets.backups.len();
            i.assets.backups.retain(|b| b.id != c.param(1));
            if i.assets.backups.len() == before {
                return Err(missing("backup", c.param(1)));
            }
            ok(json!({"result": "success"}))
        }),
        _ => return None,
    })
}

/// The install form: multipart/form-data as §2.5.6.1 states, or JSON as both its examples are.
fn form(c: &Call) -> Result<multipart::Form, Fail> {
    let ctype = c.req.header("content-type").unwrap_or_default();
    if let Some(form) = multipart::parse(ctype, &c.req.body) {
        return Ok(form);
    }
    let body: Value = serde_json::from_slice(&c.req.body)
        .map_err(|_| Fail::param("body", "must be multipart/form-data or JSON"))?;
    let fields = body
        .as_object()
        .ok_or_else(|| Fail::param("body", "must be an object"))?;
    Ok(fields
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str()
                    .map_or_else(|| v.to_string(), str::to_owned)
                    .into_bytes(),
            )
        })
        .collect())
}

fn install(e: &mut Engine, c: &Call) -> Answer {
    let f = form(c)?;
    let get = |k: &str| f.get(k).map(|v| String::from_utf8_lossy(v).into_owned());
    let need = |k: &str| {
        get(k)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Fail::param(k, "is required"))
    };
    let (name, version, kind, policy) = (
        need("name")?,
        need("version")?,
        need("type")?,
        need("endorse_policy")?,
    );
    if !name.starts_with(|ch: char| ch.is_ascii_lowercase())
        || !name
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit())
    {
        return Err(Fail::param(
            "name",
            "lowercase letters and digits, starting with a letter",
        ));
    }
    if !version_ok(&version) {
        return Err(Fail::param("version", "lowercase letters, digits, '.' and '_', starting with a letter or digit, ending with a digit, no two separators together"));
    }
    if !["go", "solidity", "java"].contains(&kind.as_str()) {
        return Err(Fail::param("type", "must be one of go, solidity, java"));
    }
    if !["OR", "AND"].contains(&policy.as_str()) {
        return Err(Fail::param("endorse_policy", "must be one of OR, AND"));
    }
    let i = e.ready(c.param(0), c)?;
    // §2.5.6.1: solidity takes byte_code and endorsement by any organization; the others a zip
    // file and the organization lists, JSON arrays encoded as strings.
    let solidity = kind == "solidity";
    let (code, install_orgs, endorse_orgs) = if solidity {
        if policy != "OR" {
            return Err(Fail::param("endorse_policy", "must be OR for solidity"));
        }
        (
            need("byte_code")?.into_bytes(),
            i.orgs.clone(),
            i.orgs.clone(),
        )
    } else {
        let code = f
            .get("file")
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| Fail::param("file", "is required"))?;
        (
            code,
            orgs(&need("install_orgs")?, &i.orgs, "install_orgs")?,
            orgs(&need("endorse_orgs")?, &i.orgs, "endorse_orgs")?,
        )
    };
    if i.assets.contracts.iter().any(|k| k.name == name) {
        return Err(Fail::param(
            "name",
            format_args!("contract {name} is already installed"),
        ));
    }
    i.assets.contracts.push(Contract {
        name,
        version,
        kind,
        description: get("description").unwrap_or_default(),
        install_orgs,
        endorse_orgs,
        policy,
        hash: sha256_hex(&code),
        // "true" enables the scan, any other value does not (§2.5.6.1).
        security_check: get("security_check").as_deref() == Some("true"),
        started: Instant::now(),
        started_ns: now_nanos(),
    });
    ok(json!({"result": "success"}))
}

fn version_ok(v: &str) -> bool {
    let sep = |ch: char| ch == '.' || ch == '_';
    v.chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || sep(ch))
        && v.starts_with(|ch: char| ch.is_ascii_lowercase() || ch.is_ascii_digit())
        && v.ends_with(|ch: char| ch.is_ascii_digit())
        && !v
            .as_bytes()
            .windows(2)
            .any(|w| sep(w[0] as char) && sep(w[1] as char))
}

/// A JSON-array string of organizations, each one of the instance's (the sandbox names an
/// organization by its name; it has no separate id).
fn orgs(raw: &str, known: &[String], field: &str) -> Result<Vec<String>, Fail> {
    let list: Vec<String> = serde_json::from_str(raw)
        .map_err(|_| Fail::param(field, "must be a JSON array of organization ids"))?;
    if list.is_empty() {
        return Err(Fail::param(field, "needs at least one organization"));
    }
    if let Some(o) = list.iter().find(|o| !known.contains(o)) {
        return Err(Fail::param(
            field,
            format_args!("{o} is not an organization of the instance"),
        ));
    }
    Ok(list)
}

fn contract(k: &Contract, c: &Call) -> Value {
    let done = finished(k.started, c.delay);
    json!({
        "name": k.name,
        "version": k.version,
        "type": k.kind,
        "status": if done { "Success" } else { "Installing" },
        "failed_message": "",
        "description": k.description,
        "chain_id": "default",
        "install_orgs": k.install_orgs,
        "endorse_orgs": k.endorse_orgs,
        "endorse_policy": k.policy,
        "file_hash_code": k.hash,
        "security_check": k.security_check,
        // none (0), running (1), completed (2).
        "security_check_status": match (k.security_check, done) { (false, _) => 0, (true, false) => 1, (true, true) => 2 },
        "install_time": rfc3339(k.started_ns),
    })
}

/// The tagged instance: `resource_type` can only be huaweicloudchain (§2.5.8); a missing instance
/// is the tag tables' 404.
fn tagged<'e>(e: &'e mut Engine, c: &Call) -> Result<&'e mut Assets, Fail> {
    if c.param(0) != "huaweicloudchain" {
        return Err(Fail::param("resource_type", "must be huaweicloudchain"));
    }
    let id = c.param(1);
    match e.instances.iter_mut().find(|i| i.id == id) {
        Some(i) => Ok(&mut i.assets),
        None => Err(Fail {
            status: 404,
            code: "BCS.4040404",
            msg: format!("Not Found: instance {id}"),
        }),
    }
}

fn tag(e: &mut Engine, c: &Call, create: bool) -> Answer {
    let a = tagged(e, c)?;
    let tags: Vec<(&str, &str)> = c.body["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (text(t, "key"), text(t, "value")))
        .collect();
    for (n, (k, _)) in tags.iter().enumerate() {
        // §2.5.8.2: no leading or trailing space, no "_sys_" prefix.
        if k.is_empty() || k.trim() != *k || k.starts_with("_sys_") {
            return Err(Fail::param(
                &format!("tags[{n}].key"),
                "must not be empty, padded with spaces or start with _sys_",
            ));
        }
    }
    for (k, v) in tags {
        a.tags.retain(|(key, _)| key != k);
        if create {
            a.tags.push((k.to_owned(), v.to_owned()));
        }
    }
    // 204 No Content (§2.5.8.2, §2.5.8.3).
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

fn backup(e: &mut Engine, c: &Call) -> Answer {
    let i = e.ready(c.param(0), c)?;
    // One endpoint, two jobs (§2.5.9.1): ManualBackup backs up now; AutoBackup sets the rule.
    // The seed's example sends "autoBackup"; the table's enum (AutoBackup) is what is accepted.
    if c.body["type"] == "AutoBackup" {
        let rule = c.body["rule"].as_i64().unwrap_or(1);
        i.assets.auto_rule = Some((c.body["is_enable"].as_bool().unwrap_or(true), rule));
    } else {
        let n = i.assets.backups.len() + 1;
        i.assets.backups.push(Backup {
            id: c.uuid(),
            name: format!("{}-backup-{n}", i.name),
            started: Instant::now(),
            started_ns: now_nanos(),
        });
    }
    ok(json!({"result": "success"}))
}

fn backup_json(b: &Backup, i: &super::engine::Instance, c: &Call) -> Value {
    json!({
        "id": b.id,
        "name": b.name,
        "instance_name": i.name,
        "instance_id": i.id,
        "status": if finished(b.started, c.delay) { "Active" } else { "Backuping" },
        "reason": "",
        "type": "ManualBackup",
        "create_time": rfc3339(b.started_ns),
    })
}
