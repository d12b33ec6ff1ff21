//! Seed 003 §9.5: a sub-account's workers and worker groups.

use serde_json::{json, Value};

use super::period::{
    day_range, day_text, hour_at, hour_text, hours_of, second_text, MAX_DAYS, MAX_HOURS,
};
use super::speed::speed;
use super::state::{failed, int, invalid, names, text, Outcome, Params, Pool, Sub};

/// Decision: a worker in no group shows group `{id: 0, name: "未分组"}` (the document gives every
/// worker a group and no id for “none”); group 0 is never listed, and moving workers to 0 ungroups
/// them.
const UNGROUPED: (i64, &str) = (0, "未分组");

/// Decision: a worker is `status` 1 (online) when the model has it online in the current hour,
/// else 2 (stopped); the model never retires one, so 3 (invalid) and `invalid` stay unused.
const ONLINE: u64 = 1;
const STOPPED: u64 = 2;

impl Pool {
    /// Worker.GetSubAccountWorkerList: speeds and status from the synthetic model (speed.rs
    /// explains the windows). `lastCommitTime` is now for an online worker, else the last second
    /// of its latest online hour in the last 31 days (null if none).
    pub fn workers(&mut self, p: &Params, now: i64) -> Outcome {
        let hour = hour_at(now);
        let models = self.worker_models(p)?;
        let sub = self.sub(p)?;
        Ok(sub
            .workers
            .iter()
            .zip(models)
            .map(|((name, group), (_, m))| {
                let current = speed(m.hour(hour));
                let committed = m
                    .last_online(hour, MAX_HOURS)
                    .map(|h| second_text(if h == hour { now } else { (h + 1) * 3600 - 1 }));
                json!({
                    "name": name,
                    "speed5m": current,
                    "speed30m": current,
                    "speed24h": speed(m.last_24h(hour)),
                    "lastCommitTime": committed,
                    "status": if m.online(hour) > 0 { ONLINE } else { STOPPED },
                    "group": group_of(sub, *group),
                })
            })
            .collect())
    }

    /// Worker.GetSubAccountWorkerSummary: the worker list's statuses counted.
    pub fn worker_summary(&mut self, p: &Params, now: i64) -> Outcome {
        let m = self.model(p)?;
        let (n, running) = (self.sub(p)?.workers.len() as u64, m.online(hour_at(now)));
        Ok(json!({"running": running, "stopped": n - running, "invalid": 0}))
    }

    /// Worker.GetSubAccountWorkerHourlyActiveNumList: dates in, one row per hour of those days.
    pub fn hourly_active(&mut self, p: &Params) -> Outcome {
        let days = day_range(p, MAX_HOURS / 24)?;
        let m = self.model(p)?;
        Ok(days
            .flat_map(hours_of)
            .map(|h| json!({"at": hour_text(h), "workerNum": m.online(h)}))
            .collect())
    }

    /// Worker.GetSubAccountWorkerDailyActiveNumList. Decision: a day's count is the workers
    /// online in at least one of its hours.
    pub fn daily_active(&mut self, p: &Params) -> Outcome {
        let days = day_range(p, MAX_DAYS)?;
        let m = self.model(p)?;
        Ok(days
            .map(|d| json!({"at": day_text(d), "workerNum": m.active_on(d)}))
            .collect())
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
