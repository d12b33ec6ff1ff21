//! Seed 003 §9.5: a sub-account's workers and worker groups.

use serde_json::{json, Value};

use super::state::{failed, int, invalid, names, text, Outcome, Params, Pool, Sub};

/// Decision: a worker in no group shows group `{id: 0, name: "未分组"}` (the document gives every
/// worker a group and no id for “none”); group 0 is never listed, and moving workers to 0 ungroups
/// them.
const UNGROUPED: (i64, &str) = (0, "未分组");

/// 1 P in H/s; theorySpeed is in P, validSpeed in H/s (notes §4.3).
const H_PER_P: f64 = 1e15;

impl Pool {
    /// Worker.GetSubAccountWorkerList: every worker online, sharing the rated speed evenly.
    pub fn workers(&mut self, p: &Params) -> Outcome {
        let sub = self.sub(p)?;
        let each = sub.theory_speed * H_PER_P / sub.workers.len().max(1) as f64;
        let speed = json!({"validSpeed": each as u64, "rejectRate": 0});
        let committed = super::state::stamp();
        Ok(sub
            .workers
            .iter()
            .map(|(name, group)| {
                json!({
                    "name": name,
                    "speed5m": speed,
                    "speed30m": speed,
                    "speed24h": speed,
                    "lastCommitTime": committed,
                    "status": 1,
                    "group": group_of(sub, *group),
                })
            })
            .collect())
    }

    /// Worker.GetSubAccountWorkerSummary.
    pub fn worker_summary(&mut self, p: &Params) -> Outcome {
        let n = self.sub(p)?.workers.len();
        Ok(json!({"running": n, "stopped": 0, "invalid": 0}))
    }

    /// Worker.GetSubAccountWorkerGroupList.
    pub fn groups(&mut self, p: &Params) -> Outcome {
        let sub = self.sub(p)?;
        Ok(sub
            .groups
            .iter()
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect())
    }

    /// Worker.CreateGroup: the new group is listed by GetSubAccountWorkerGroupList.
    pub fn create_group(&mut self, p: &Params) -> Outcome {
        let name = text(p, "name")?.to_owned();
        if self.sub(p)?.groups.iter().any(|(_, n)| *n == name) {
            return Err(failed(format!("group {name} exists")));
        }
        let id = self.next_id();
        self.sub(p)?.groups.push((id, name));
        Ok(Value::Null)
    }

    /// Worker.UpdateGroup: renames.
    pub fn update_group(&mut self, p: &Params) -> Outcome {
        let name = text(p, "name")?.to_owned();
        let id = int(p, "groupId")?;
        let sub = self.sub(p)?;
        if sub.groups.iter().any(|(g, n)| *n == name && *g != id) {
            return Err(failed(format!("group {name} exists")));
        }
        let group = sub.groups.iter_mut().find(|(g, _)| *g == id);
        group.ok_or_else(|| failed(format!("no group {id}")))?.1 = name;
        Ok(Value::Null)
    }

    /// Worker.DeleteGroup: its workers become ungrouped.
    pub fn delete_group(&mut self, p: &Params) -> Outcome {
        let id = int(p, "groupId")?;
        let sub = self.sub(p)?;
        if !sub.groups.iter().any(|(g, _)| *g == id) {
            return Err(failed(format!("no group {id}")));
        }
        sub.groups.retain(|(g, _)| *g != id);
        for w in sub.workers.iter_mut().filter(|w| w.1 == id) {
            w.1 = UNGROUPED.0;
        }
        Ok(Value::Null)
    }

    /// Worker.SetWorkerGroupBulk: all or nothing, so an unknown worker moves none.
    pub fn move_workers(&mut self, p: &Params) -> Outcome {
        let id = int(p, "groupId")?;
        let workers = names(p, "workers")?;
        if workers.is_empty() {
            return Err(invalid("workers must not be empty"));
        }
        let sub = self.sub(p)?;
        if id != UNGROUPED.0 && !sub.groups.iter().any(|(g, _)| *g == id) {
            return Err(failed(format!("no group {id}")));
        }
        if let Some(w) = workers
            .iter()
            .find(|w| !sub.workers.iter().any(|(n, _)| n == *w))
        {
            return Err(failed(format!("no worker {w}")));
        }
        for w in sub.workers.iter_mut().filter(|(n, _)| workers.contains(n)) {
            w.1 = id;
        }
        Ok(Value::Null)
    }
}

fn group_of(sub: &Sub, id: i64) -> Value {
    let name = sub
        .groups
        .iter()
        .find(|(g, _)| *g == id)
        .map_or(UNGROUPED.1, |(_, n)| n.as_str());
    json!({"id": id, "name": name})
}
