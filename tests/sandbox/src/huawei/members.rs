//! Part 1 consortium (seed 004 §1.5.2): invitations into a channel, the invitee's notifications
//! and how it handles them, and the member list.
//!
//! The sandbox has one tenant, so it plays both sides: an invitation to any user is delivered to
//! its own notification list, where the same credentials can accept or reject it.

use serde_json::{json, Value};

use super::fabric::{invalid_channel, org_hash, text, Fabric};
use super::state::{now_nanos, ok, rfc3339, sha256_hex, Answer, Call, Fail};

/// At most five invited members per channel (appendix 1.7.2, BCS.4009103).
const MAX_INVITED: usize = 5;

/// One invitation, and the notification it became.
pub struct Invitation {
    /// Inviting instance.
    pub bcs_id: String,
    bcs_name: String,
    consensus: String,
    channel: String,
    invitor: String,
    invited: String,
    /// `waiting`, then `agreed` or `reject` (the values §1.5.2.2 sends).
    status: &'static str,
    updated_ns: i128,
    invitee: Value,
    orgs: Vec<String>,
}

/// A stable 32-hex account id for an IAM domain name (IAM ids look like this; the sandbox's
/// config names the domain only).
pub fn account_id(domain: &str) -> String {
    sha256_hex(domain.as_bytes())[..32].to_owned()
}

/// Handles the consortium routes with state; `None` for the rest.
pub fn handle(f: &mut Fabric, c: &Call) -> Option<Answer> {
    Some(match c.id {
        "batch_invite_members_to_channel" => invite(f, c),
        "list_notifications" => notifications(f, c),
        "handle_notification" => handle_notification(f, c),
        "list_members" => members(f, c),
        "delete_member_invitations" => delete(f, c),
        _ => return None,
    })
}

fn invite(f: &mut Fabric, c: &Call) -> Answer {
    let b = &c.body;
    let (bcs_id, channel) = (text(b, "bcs_id"), text(b, "channel_name"));
    let chain = f.find(bcs_id)?;
    if !chain.channels.iter().any(|ch| ch.name == channel) {
        return Err(invalid_channel());
    }
    let (bcs_name, consensus) = (chain.name.clone(), chain.consensus.clone());
    let users: Vec<&str> = b["invited_userinfo"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|u| text(u, "invited_user"))
        .collect();
    let open = |inv: &&Invitation| {
        inv.bcs_id == bcs_id && inv.channel == channel && inv.status != "reject"
    };
    for u in &users {
        if f.invitations
            .iter()
            .filter(open)
            .any(|inv| inv.invited == *u)
        {
            return Err(Fail::bad(
                "BCS.4006025",
                "Invitation failed because the tenant has already been invited or the etcd connection is abnormal.",
            ));
        }
    }
    if f.invitations.iter().filter(open).count() + users.len() > MAX_INVITED {
        return Err(Fail::bad(
            "BCS.4009103",
            "The maximum number (5) of invited members in the channel has been reached.",
        ));
    }
    let invitor = b["invitor_username"].as_str().unwrap_or(c.domain);
    for u in users {
        f.invitations.push(Invitation {
            bcs_id: bcs_id.to_owned(),
            bcs_name: bcs_name.clone(),
            consensus: consensus.clone(),
            channel: channel.to_owned(),
            invitor: invitor.to_owned(),
            invited: u.to_owned(),
            status: "waiting",
            updated_ns: now_nanos(),
            invitee: Value::Null,
            orgs: Vec::new(),
        });
    }
    ok(json!({"result": "success"}))
}

fn org_list(inv: &Invitation) -> Vec<Value> {
    inv.orgs
        .iter()
        .map(|o| json!({"name": o, "name_hash": org_hash(o), "node_count": 1, "status": "", "status_detail": ""}))
        .collect()
}

fn notifications(f: &Fabric, c: &Call) -> Answer {
    let list: Vec<Value> = f
        .invitations
        .iter()
        .map(|inv| {
            json!({
                "channel_name": inv.channel,
                "status": inv.status,
                "updated_time": rfc3339(inv.updated_ns),
                "tc3_need": false,
                "invitor_info": {
                    "invitor_id": account_id(&inv.invitor),
                    "invitor_name": inv.invitor,
                    "invitor_bcs_id": inv.bcs_id,
                    "invitor_bcs_name": inv.bcs_name,
                    "invitor_consensus": inv.consensus,
                    "invitor_project_id": c.project,
                    "invitor_cluster_type": "CCE",
                    "invitor_database_type": "goleveldb",
                    "invitor_signature_algorithm": "ECDSA",
                    "invitor_fabric_version": "2.2",
                    "order_fade_enabled": false,
                    "order_fade_cache": 0,
                },
                // invitee_name is typed Long in §1.5.2.3 but holds a tenant name: sent as text.
                "invitee_info": {
                    "invitee_id": account_id(&inv.invited),
                    "invitee_name": inv.invited,
                    "invitee_bcs_name": inv.invitee["invitee_bcs_name"].as_str().unwrap_or_default(),
                    "invitee_bcs_id": inv.invitee["invitee_bcs_id"].as_str().unwrap_or_default(),
                    "invitee_project_id": c.project,
                },
                "hide": 0,
                "invitee_orgs": org_list(inv),
                "read_status": 0,
                "cross_version_upgrade": "",
            })
        })
        .collect();
    ok(json!({"notifications": list}))
}

fn handle_notification(f: &mut Fabric, c: &Call) -> Answer {
    let b = &c.body;
    let (channel, bcs_id) = (
        text(b, "channel_name"),
        text(&b["invitor_info"], "invitor_bcs_id"),
    );
    let agree = b["status"] == "agreed";
    // §1.5.2.2: invitee_info and invited_orgs are optional but needed to agree.
    if agree {
        if b["invitee_info"].is_null() {
            return Err(Fail::param(
                "invitee_info",
                "is required when status is agreed",
            ));
        }
        if b["invited_orgs"].as_array().is_none_or(Vec::is_empty) {
            return Err(Fail::param(
                "invited_orgs",
                "is required when status is agreed",
            ));
        }
    }
    let mine = |inv: &&mut Invitation| inv.bcs_id == bcs_id && inv.channel == channel;
    let mut matching: Vec<&mut Invitation> = f.invitations.iter_mut().filter(mine).collect();
    let Some(inv) = matching.iter_mut().find(|inv| inv.status == "waiting") else {
        return Err(match matching.first() {
            None => Fail::bad("BCS.4001036", "Operation failed. The notification does not exist. Refresh the page."),
            Some(_) if agree => Fail::bad(
                "BCS.4001044",
                "Failed to accept the invitation. The acceptance is being processed. Refresh the page and check the invitation status later.",
            ),
            Some(_) => Fail::bad(
                "BCS.4001040",
                "Failed to decline the invitation for joining a channel. Refresh the page and check the invitation status later.",
            ),
        });
    };
    inv.status = if agree { "agreed" } else { "reject" };
    inv.updated_ns = now_nanos();
    if agree {
        inv.invitee = b["invitee_info"].clone();
        inv.orgs = b["invited_orgs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| text(o, "name").to_owned())
            .collect();
    }
    ok(json!({"result": "success"}))
}

fn members(f: &Fabric, c: &Call) -> Answer {
    let list: Vec<Value> = f
        .invitations
        .iter()
        .map(|inv| {
            json!({
                // Spelled tcs_need here and tc3_need in notifications (§1.5.2.4 vs §1.5.2.3).
                "tcs_need": false,
                "channel_name": inv.channel,
                "invited_orgs": org_list(inv),
                "invitor_info": {
                    "invitor_bcs_id": inv.bcs_id,
                    "invitor_bcs_name": inv.bcs_name,
                    "invitor_project_id": c.project,
                    "invitor_user_id": account_id(&inv.invitor),
                    "invitor_username": inv.invitor,
                },
                "invitee_info": {
                    "invitee_bcs_id": inv.invitee["invitee_bcs_id"].as_str().unwrap_or_default(),
                    "invitee_user_id": account_id(&inv.invited),
                    "invitee_username": inv.invited,
                },
            })
        })
        .collect();
    ok(json!({"members": list}))
}

fn delete(f: &mut Fabric, c: &Call) -> Answer {
    let b = &c.body;
    let (bcs_id, channel) = (text(b, "bcs_id"), text(b, "channel_name"));
    let users: Vec<&str> = b["invited_userinfo"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|u| text(u, "invited_user"))
        .collect();
    let target = |inv: &Invitation, user: &str| {
        inv.bcs_id == bcs_id && inv.channel == channel && inv.invited == user
    };
    // Check every user first: the batch applies whole or not at all.
    for user in &users {
        match f.invitations.iter().find(|inv| target(inv, user)) {
            None => {
                return Err(Fail::bad(
                    "BCS.4001036",
                    "Operation failed. The notification does not exist. Refresh the page.",
                ))
            }
            Some(inv) if inv.status == "agreed" => {
                return Err(Fail::bad(
                    "BCS.4006041",
                    "Failed to delete the notification because finished notifications cannot be deleted.",
                ))
            }
            Some(_) => {}
        }
    }
    f.invitations
        .retain(|inv| !users.iter().any(|user| target(inv, user)));
    ok(json!({"result": "success"}))
}
