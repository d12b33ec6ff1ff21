//! Part 1 (seed 004 §1.5.1): Fabric instances, their channels and peers, and the operation
//! records that every change returns. Work is asynchronous as documented: a change answers an
//! `operation_id` at once and its record reads `processing` until the configured delay passes,
//! then `finished`.

use std::collections::BTreeMap;
use std::time::Instant;

use serde_json::{json, Value};

use super::members::Invitation;
use super::state::{finished, now_nanos, ok, rfc3339, sha256_hex, Answer, Call, Fail};

/// The BCS version instances report (the seed's detail example shows 3.0.7).
const BCS_VERSION: &str = "3.0.7";

/// Part 1 state.
#[derive(Default)]
pub struct Fabric {
    chains: Vec<Chain>,
    ops: Vec<OpRecord>,
    /// Consortium invitations (members.rs).
    pub(super) invitations: Vec<Invitation>,
}

pub(super) struct Chain {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) consensus: String,
    blockchain_type: String,
    version_type: i64,
    sign_algorithm: String,
    database_type: String,
    restful: bool,
    orderers: usize,
    created_ns: i128,
    created: Instant,
    orgs: Vec<Org>,
    pub(super) channels: Vec<Channel>,
}

struct Org {
    name: String,
    node_count: usize,
}

pub(super) struct Channel {
    pub(super) name: String,
    description: String,
    created_ns: i128,
    /// Organization name → how many of its peers joined.
    peers: BTreeMap<String, usize>,
}

struct OpRecord {
    id: String,
    op_type: &'static str,
    blockchain_id: String,
    blockchain_name: String,
    desc: String,
    started: Instant,
    started_ns: i128,
}

/// Operation types (seed 004 §1.5.1.17, zero-padded strings).
const OP_CREATE: &str = "99";
const OP_DELETE: &str = "00";
/// The enum has no type for creating a channel; it joins organizations to one, like adding peers.
const OP_JOIN_CHANNEL: &str = "04";

/// Handles the part 1 routes with state; `None` for the rest.
pub fn handle(f: &mut Fabric, c: &Call) -> Option<Answer> {
    Some(match c.id {
        "create_new_blockchain" => f.create(c),
        "list_blockchains" => f.list(),
        "show_blockchain_detail" => f.find(c.param(0)).and_then(|b| ok(detail(b, c))),
        "show_blockchain_status" => f.find(c.param(0)).and_then(|b| ok(status(b, c))),
        "delete_blockchain" => f.delete(c),
        "batch_create_channels" => f.create_channels(c),
        "list_blockchain_channels" => f.find(c.param(0)).and_then(|b| ok(list_channels(b))),
        "batch_add_peers_to_channel" => f.add_peers(c),
        "delete_channel" => f.delete_channel(c),
        "list_op_records" => f.op_records(c),
        _ => return super::members::handle(f, c),
    })
}

impl Fabric {
    pub(super) fn find(&self, id: &str) -> Result<&Chain, Fail> {
        self.chains.iter().find(|b| b.id == id).ok_or_else(|| {
            Fail::bad(
                "BCS.4001011",
                "Operation failed. The service does not exist or has been deleted. Refresh the page.",
            )
        })
    }

    /// The instance `id`, refusing changes while it is still being created (BCS.4001001).
    fn ready(&mut self, id: &str, c: &Call) -> Result<&mut Chain, Fail> {
        self.find(id)?;
        self.chains
            .iter_mut()
            .find(|b| b.id == id && finished(b.created, c.delay))
            .ok_or_else(|| {
                Fail::bad(
                    "BCS.4001001",
                    "Operation failed. The BCS service is being created.",
                )
            })
    }

    fn record(
        &mut self,
        c: &Call,
        op_type: &'static str,
        chain: (&str, &str),
        desc: String,
    ) -> String {
        let started_ns = now_nanos();
        // Ids read BCSSVC01-<type>-<ns> in the seed's examples (resource, operation, time); the
        // counter keeps two operations in the same nanosecond apart.
        let id = format!(
            "BCSSVC01-{op_type}-{}",
            started_ns + i128::from(c.ids.next_id())
        );
        self.ops.push(OpRecord {
            id: id.clone(),
            op_type,
            blockchain_id: chain.0.to_owned(),
            blockchain_name: chain.1.to_owned(),
            desc,
            started: Instant::now(),
            started_ns,
        });
        id
    }

    fn create(&mut self, c: &Call) -> Answer {
        let b = &c.body;
        let name = text(b, "name");
        // §1.5.1.1: letters, digits, Chinese characters and '-', not starting with '-'.
        if name.starts_with('-') || !name.chars().all(|ch| ch.is_alphanumeric() || ch == '-') {
            return Err(Fail::param(
                "name",
                "letters, digits, Chinese characters and '-', not starting with '-'",
            ));
        }
        if self.chains.iter().any(|x| x.name == name) {
            return Err(Fail::bad(
                "BCS.4001018",
                "Operation failed. A service with the same name already exists. Enter another name and try again.",
            ));
        }
        // §1.5.1.1 states these only in prose.
        if b["volume_type"] == "evs" && b["evs_disk_type"].is_null() {
            return Err(Fail::param(
                "evs_disk_type",
                "is required when volume_type is evs",
            ));
        }
        if b["database_type"] == "couchdb" && b["couchdb_info"].is_null() {
            return Err(Fail::param(
                "couchdb_info",
                "is required when database_type is couchdb",
            ));
        }
        let new_cluster = b["create_new_cluster"].as_bool().unwrap_or(false);
        let cluster = if new_cluster {
            "cce_create_info"
        } else {
            "cce_cluster_info"
        };
        if b[cluster].is_null() {
            return Err(Fail::param(
                cluster,
                format_args!("is required when create_new_cluster is {new_cluster}"),
            ));
        }
        let fabric = b["fabric_version"].as_str().unwrap_or("2.2");
        if fabric == "2.2" && b["orderer_node_number"].is_null() && b["is_invitee"] != true {
            return Err(Fail::param(
                "orderer_node_number",
                "is required for Fabric 2.2",
            ));
        }
        // Without peer_orgs the service creates one organization; the seed's examples call it
        // "organization" and give it two peers.
        let mut orgs: Vec<Org> = b["peer_orgs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| Org {
                name: text(o, "name").to_owned(),
                node_count: o["node_count"].as_u64().unwrap_or(1) as usize,
            })
            .collect();
        if orgs.is_empty() {
            orgs.push(Org {
                name: "organization".into(),
                node_count: 2,
            });
        }
        let created_ns = now_nanos();
        let id = c.uuid();
        // Channels listed at creation start with no peers joined (§1.5.1.7 joins them); without
        // any, the service's default channel is "channel", as every example shows.
        let mut channels: Vec<Channel> = b["channels"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|ch| Channel {
                name: text(ch, "name").to_owned(),
                description: text(ch, "description").to_owned(),
                created_ns,
                peers: BTreeMap::new(),
            })
            .collect();
        if channels.is_empty() {
            channels.push(Channel {
                name: "channel".into(),
                description: String::new(),
                created_ns,
                peers: BTreeMap::new(),
            });
        }
        self.chains.push(Chain {
            id: id.clone(),
            name: name.to_owned(),
            // The response spells SFLIC in lower case (§1.5.1.3); the request states no default.
            consensus: b["consensus"].as_str().unwrap_or("etcdraft").to_lowercase(),
            blockchain_type: b["blockchain_type"]
                .as_str()
                .unwrap_or("private")
                .to_owned(),
            version_type: b["version_type"].as_i64().unwrap_or(4),
            sign_algorithm: b["sign_algorithm"].as_str().unwrap_or("ECDSA").to_owned(),
            database_type: b["database_type"]
                .as_str()
                .unwrap_or("goleveldb")
                .to_owned(),
            restful: b["restful_api_support"] == true,
            orderers: b["orderer_node_number"].as_u64().unwrap_or(3) as usize,
            created_ns,
            created: Instant::now(),
            orgs,
            channels,
        });
        let op = self.record(c, OP_CREATE, (&id, name), format!("create {name}"));
        ok(json!({"blockchain_id": id, "blockchain_name": name, "operation_id": op}))
    }

    fn list(&self) -> Answer {
        let list: Vec<Value> = self
            .chains
            .iter()
            .map(|b| json!({"id": b.id, "name": b.name}))
            .collect();
        ok(json!({"count": list.len(), "blockchains": list}))
    }

    fn delete(&mut self, c: &Call) -> Answer {
        let id = c.param(0);
        let Some(i) = self.chains.iter().position(|b| b.id == id) else {
            return Err(Fail::bad(
                "BCS.4001202",
                "Deletion failed. The service does not exist or has already been deleted. Refresh the page.",
            ));
        };
        self.ready(id, c)?;
        let b = self.chains.remove(i);
        self.invitations.retain(|inv| inv.bcs_id != b.id);
        let op = self.record(c, OP_DELETE, (&b.id, &b.name), format!("delete {}", b.name));
        ok(json!({"operation_id": op}))
    }

    fn create_channels(&mut self, c: &Call) -> Answer {
        let b = self.ready(c.param(0), c)?;
        let wanted = c.body["channels"].as_array().cloned().unwrap_or_default();
        let mut names = Vec::new();
        for ch in &wanted {
            let name = text(ch, "channel_name");
            if !channel_name_ok(name)
                || b.channels.iter().any(|x| x.name == name)
                || names.contains(&name)
            {
                return Err(invalid_channel());
            }
            names.push(name);
        }
        let now = now_nanos();
        for ch in &wanted {
            b.channels.push(Channel {
                name: text(ch, "channel_name").to_owned(),
                description: text(ch, "channel_description").to_owned(),
                created_ns: now,
                peers: BTreeMap::new(),
            });
        }
        let (id, name) = (b.id.clone(), b.name.clone());
        let op = self.record(
            c,
            OP_JOIN_CHANNEL,
            (&id, &name),
            format!("create channels {}", names.join(",")),
        );
        ok(json!({"operation_id": op}))
    }

    fn add_peers(&mut self, c: &Call) -> Answer {
        let b = self.ready(c.param(0), c)?;
        let joins = c.body["channel_peers"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // Check everything first: the batch applies whole or not at all.
        for j in &joins {
            if !b
                .channels
                .iter()
                .any(|ch| ch.name == text(j, "channel_name"))
            {
                return Err(invalid_channel());
            }
            for (org, n) in j["peers"].as_object().into_iter().flatten() {
                let Some(o) = b.orgs.iter().find(|o| &o.name == org) else {
                    // Code and text of the seed's §1.5.1.20 example.
                    return Err(Fail::bad("BCS.4001245", "The org name is invalid..."));
                };
                match n.as_u64() {
                    Some(n) if n >= 1 && n as usize <= o.node_count => {}
                    _ => {
                        return Err(Fail::param(
                            format!("peers.{org}").as_str(),
                            format_args!("must be 1-{} (the organization's peers)", o.node_count),
                        ))
                    }
                }
            }
        }
        for j in &joins {
            if let Some(ch) = b
                .channels
                .iter_mut()
                .find(|ch| ch.name == text(j, "channel_name"))
            {
                for (org, n) in j["peers"].as_object().into_iter().flatten() {
                    ch.peers
                        .insert(org.clone(), n.as_u64().unwrap_or(0) as usize);
                }
            }
        }
        let (id, name) = (b.id.clone(), b.name.clone());
        let op = self.record(
            c,
            OP_JOIN_CHANNEL,
            (&id, &name),
            "add peers to channels".into(),
        );
        ok(json!({"operation_id": op}))
    }

    fn delete_channel(&mut self, c: &Call) -> Answer {
        let channel = c.param(1).to_owned();
        let b = self.ready(c.param(0), c)?;
        let Some(i) = b.channels.iter().position(|ch| ch.name == channel) else {
            return Err(invalid_channel());
        };
        if !b.channels[i].peers.is_empty() {
            // The seed's §1.5.1.21 example, placeholders filled.
            return Err(Fail::bad(
                "BCS.4001249",
                format!("the channel({channel}) is not empty for the bcs({}), so cannot delete channel, please remove orgs from this channel first", b.id),
            ));
        }
        b.channels.remove(i);
        let (id, name) = (b.id.clone(), b.name.clone());
        let op = self.record(
            c,
            OP_DELETE,
            (&id, &name),
            format!("delete channel {channel}"),
        );
        ok(json!({"operation_id": op}))
    }

    fn op_records(&self, c: &Call) -> Answer {
        let want = |k: &str, v: &str| c.req.query_param(k).is_none_or(|q| q == v);
        let records: Vec<Value> = self
            .ops
            .iter()
            .map(|op| {
                (
                    op,
                    if finished(op.started, c.delay) {
                        "finished"
                    } else {
                        "processing"
                    },
                )
            })
            .filter(|(op, st)| {
                want("operation_id", &op.id)
                    && want("blockchain_id", &op.blockchain_id)
                    && want("resource_type", "BCSSVC01")
                    && want("operation_type", op.op_type)
                    && want("operation_status", st)
            })
            .map(|(op, st)| op_json(op, st, c))
            .collect();
        ok(json!({"count": records.len(), "operation_records": records}))
    }
}

fn op_json(op: &OpRecord, status: &str, c: &Call) -> Value {
    let end = if status == "finished" {
        op.started_ns + c.delay.as_nanos() as i128
    } else {
        0
    };
    json!({
        "operation_id": op.id,
        "resource_type": "BCSSVC01",
        "operation_type": op.op_type,
        "domain_id": super::members::account_id(c.domain),
        "project_id": c.project,
        "blockchain_id": op.blockchain_id,
        "blockchain_name": op.blockchain_name,
        "cluster_info": {"cluster_type": "cce", "name": format!("{}-cluster", op.blockchain_name), "cluster_id": "", "node_infos": null},
        "operation_process": {
            "Preparation": {"step_name": "Preparation", "status": status, "detail": "", "sub_steps": {}, "serial_num": 1}
        },
        "record_time": if end > 0 { end } else { op.started_ns },
        "operation_status": status,
        "message": [],
        "desc": op.desc,
    })
}

/// §1.5.1.5: 4-24 characters of a-z and 0-9, starting with a letter, ending with a letter or
/// digit; a bad name is BCS.4006012 in appendix 1.7.2.
fn channel_name_ok(name: &str) -> bool {
    let n = name.chars().count();
    (4..=24).contains(&n)
        && name
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit())
        && name.starts_with(|ch: char| ch.is_ascii_lowercase())
}

pub(super) fn invalid_channel() -> Fail {
    Fail::bad("BCS.4006012", "Invalid channel name.")
}

pub(super) fn text<'v>(v: &'v Value, k: &str) -> &'v str {
    v[k].as_str().unwrap_or_default()
}

/// The 40-hex organization hash the seed's examples show next to names; how the service derives
/// it is not documented, so here it is the first 40 hex digits of the name's SHA-256.
pub(super) fn org_hash(name: &str) -> String {
    sha256_hex(name.as_bytes())[..40].to_owned()
}

fn peer_names(org: &str, n: usize) -> Vec<String> {
    let h = org_hash(org);
    (0..n).map(|i| format!("peer-{h}-{i}")).collect()
}

fn node(name: &str, count: usize, creating: bool) -> Value {
    let h = org_hash(name);
    json!({
        "name": name,
        "node_cnt": count,
        "status": if creating { "IsCreating" } else { "Normal" },
        "status_detail": format!("{}/{count}", if creating { 0 } else { count }),
        "pvc_name": format!("pvc-{h}"),
        "address": (0..count).map(|i| json!({
            "domain_port": format!("peer-{h}-{i}.peer-{h}.default.svc.cluster.local:30605"),
            "ip_port": format!("127.0.0.1:{}", 30605 + i),
        })).collect::<Vec<_>>(),
    })
}

fn detail(b: &Chain, c: &Call) -> Value {
    let creating = !finished(b.created, c.delay);
    let channels: Vec<Value> = b
        .channels
        .iter()
        .map(|ch| {
            let peers: serde_json::Map<String, Value> = ch
                .peers
                .iter()
                .map(|(org, n)| {
                    let h = org_hash(org);
                    let full = (0..*n)
                        .map(|i| Value::from(format!("peer-{h}-{i}.peer-{h}.default.svc.cluster.local")))
                        .collect();
                    (h, Value::Array(full))
                })
                .collect();
            json!({
                "name": ch.name,
                "org_names": ch.peers.keys().collect::<Vec<_>>(),
                "org_name_hash": ch.peers.keys().map(|o| format!("{o}:{}", org_hash(o))).collect::<Vec<_>>(),
                "peers": peers,
            })
        })
        .collect();
    json!({
        "basic_info": {
            "id": b.id,
            "name": b.name,
            "version": BCS_VERSION,
            "service_type": b.blockchain_type,
            "purchase_type": "normal",
            "sign_algorithm": b.sign_algorithm,
            "consensus": b.consensus,
            "charging_mode": 1,
            "version_type": b.version_type,
            "database_type": b.database_type,
            "cluster_id": "",
            "cluster_name": format!("{}-cluster", b.name),
            "cluster_type": "CCE",
            "cluster_platform_type": "VirtualMachine",
            "cluster_az": "no",
            "created_time": rfc3339(b.created_ns),
            "deploy_type": if b.blockchain_type == "union" { "create" } else { "" },
            "order_fade_enabled": false,
            "order_fade_cache": 0,
            "is_cross_region": false,
            "is_support_rollback": false,
            "is_support_restful": b.restful,
            "is_support_tc3": false,
            "is_old_service": false,
            "old_service_version": "",
            // The table says agent_portal_addrs; the example agent_portal_addr. The table wins.
            "agent_portal_addrs": ["127.0.0.1:30603"],
            "status": "Normal",
            "process_status": if creating { "IsCreating" } else { "" },
            "order_status": 0,
            "deploy_status": if creating { 0 } else { 1 },
            "block_info": {"batch_timeout": 2, "max_message_count": 500, "preferred_maxbytes": 2},
        },
        "channels": channels,
        "peer_info": b.orgs.iter().map(|o| node(&o.name, o.node_count, creating)).collect::<Vec<_>>(),
        "orderer_info": node("orderer", b.orderers, creating),
    })
}

fn status(b: &Chain, c: &Call) -> Value {
    let done = finished(b.created, c.delay);
    let step = json!({
        "start_time": rfc3339(b.created_ns),
        "end_time": if done { rfc3339(b.created_ns + c.delay.as_nanos() as i128) } else { String::new() },
        "status": if done { "finished" } else { "deploying" },
        "detail": "",
    });
    json!({"bcs": step, "eip": step, "sfs": step})
}

fn list_channels(b: &Chain) -> Value {
    let channels: Vec<Value> = b
        .channels
        .iter()
        .map(|ch| {
            let peers: BTreeMap<&String, Vec<String>> = ch
                .peers
                .iter()
                .map(|(o, n)| (o, peer_names(o, *n)))
                .collect();
            // The first peer of each organization is its consensus (anchor) node.
            let consensus: BTreeMap<&String, Vec<String>> = peers
                .iter()
                .map(|(o, p)| (*o, p.iter().take(1).cloned().collect()))
                .collect();
            json!({
                "name": ch.name,
                "description": ch.description,
                "create_time": rfc3339(ch.created_ns),
                "consensus": b.consensus,
                "peers": peers,
                "consensusNodes": consensus,
            })
        })
        .collect();
    json!({"channels": channels})
}
