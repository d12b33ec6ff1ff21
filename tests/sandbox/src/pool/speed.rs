//! Seed 003 §9.4: hashrate per sub-account, worker and pool, from the synthetic model
//! (hashrate.rs). Rows ascend, one per day or hour of `[start, end]`.
//!
//! Decision: the realtime windows 5m, 10m and 30m all fall in the model's current hour, so they
//! answer its value; `speed24h` is the mean of the 24 whole hours before it.

use serde_json::{json, Value};

use super::hashrate::{coin_part, Model, Sample};
use super::period::{
    day_of, day_range, day_text, hour_at, hour_range, hour_text, Day, Hour, MAX_DAYS,
};
use super::state::{coin, failed, text, Fail, Outcome, Params, Pool};

/// `{validSpeed, rejectRate}`, the document's 算力格式.
pub fn speed(s: Sample) -> Value {
    json!({"validSpeed": s.speed, "rejectRate": s.reject})
}

/// A day row `{time, validSpeed, rejectRate}`.
fn day_row(day: Day, s: Sample) -> Value {
    let mut row = speed(s);
    row["time"] = json!(day_text(day));
    row
}

/// An hour row `{time, validSpeed, rejectRate}`.
fn hour_row(hour: Hour, s: Sample) -> Value {
    let mut row = speed(s);
    row["time"] = json!(hour_text(hour));
    row
}

impl Pool {
    /// The model of the sub-account named by `userName`.
    pub fn model(&mut self, p: &Params) -> Result<Model, Fail> {
        let name = text(p, "userName")?;
        Ok(Model::new(name, self.sub(p)?))
    }

    /// Each worker's name and model, in list order.
    pub fn worker_models(&mut self, p: &Params) -> Result<Vec<(String, Model)>, Fail> {
        let m = self.model(p)?;
        let names = self.sub(p)?.workers.iter().map(|(n, _)| n.clone());
        Ok(names.zip(m.split()).collect())
    }

    /// The model of the worker named by `worker`.
    fn worker_model(&mut self, p: &Params) -> Result<Model, Fail> {
        let worker = text(p, "worker")?;
        let found = self
            .worker_models(p)?
            .into_iter()
            .find(|(n, _)| n == worker);
        found
            .map(|(_, m)| m)
            .ok_or_else(|| failed(format!("no worker {worker}")))
    }

    /// Every sub-account's model: the pool.
    fn pool_models(&self) -> Vec<Model> {
        self.subs.iter().map(|(n, s)| Model::new(n, s)).collect()
    }

    /// Speed.GetSubAccountDailySpeed.
    pub fn sub_daily_speed(&mut self, p: &Params) -> Outcome {
        let days = day_range(p, MAX_DAYS)?;
        let m = self.model(p)?;
        Ok(days.map(|d| day_row(d, m.day(d))).collect())
    }

    /// Speed.GetSubAccountHourlySpeed.
    pub fn sub_hourly_speed(&mut self, p: &Params) -> Outcome {
        let hours = hour_range(p)?;
        let m = self.model(p)?;
        Ok(hours.map(|h| hour_row(h, m.hour(h))).collect())
    }

    /// Speed.GetSubAccountRealtimeSpeed.
    pub fn sub_realtime_speed(&mut self, p: &Params, now: i64) -> Outcome {
        let (m, hour) = (self.model(p)?, hour_at(now));
        let current = speed(m.hour(hour));
        Ok(json!({
            "speed5m": current, "speed10m": current, "speed30m": current,
            "speed24h": speed(m.last_24h(hour)),
        }))
    }

    /// Speed.GetWorkerDailySpeed.
    pub fn worker_daily_speed(&mut self, p: &Params) -> Outcome {
        let days = day_range(p, MAX_DAYS)?;
        let m = self.worker_model(p)?;
        Ok(days.map(|d| day_row(d, m.day(d))).collect())
    }

    /// Speed.GetWorkerHourlySpeed.
    pub fn worker_hourly_speed(&mut self, p: &Params) -> Outcome {
        let hours = hour_range(p)?;
        let m = self.worker_model(p)?;
        Ok(hours.map(|h| hour_row(h, m.hour(h))).collect())
    }

    /// Speed.GetSubAccountAllWorkersHourlySpeedBulk: per hour, every worker in list order.
    /// `rejectRate` as the table says (the example's first row spells it `rejectSpeed`).
    pub fn workers_hourly_speed(&mut self, p: &Params) -> Outcome {
        let hours = hour_range(p)?;
        let workers = self.worker_models(p)?;
        let mut rows = Vec::new();
        for h in hours {
            for (name, m) in &workers {
                let mut row = hour_row(h, m.hour(h));
                row["worker"] = json!(name);
                rows.push(row);
            }
        }
        Ok(Value::Array(rows))
    }

    /// Speed.GetSystemDailySpeed: the pool's last 30 whole days (today excluded).
    pub fn system_daily_speed(&self, now: i64) -> Outcome {
        let (pool, today) = (self.pool_models(), day_of(hour_at(now)));
        let day = |d| Sample::total(pool.iter().map(|m| m.day(d)));
        Ok((today - 30..today).map(|d| day_row(d, day(d))).collect())
    }

    /// Speed.GetSystemHourlySpeed: the pool's last 24 whole hours (the current one excluded).
    pub fn system_hourly_speed(&self, now: i64) -> Outcome {
        let (pool, hour) = (self.pool_models(), hour_at(now));
        let at = |h| Sample::total(pool.iter().map(|m| m.hour(h)));
        Ok((hour - 24..hour).map(|h| hour_row(h, at(h))).collect())
    }

    /// Speed.GetSystemRealtimeSpeed. The table says `data` is an object, its example an array of
    /// two without a coin field: we follow the example, one object per coin, btc then bch
    /// (`all` both), each `{speed5m, speed10m, speed30m}` of `{totalSpeed, rejectRate}`.
    pub fn system_realtime_speed(&mut self, p: &Params, now: i64) -> Outcome {
        let coins: &[&str] = match coin(p, &["btc", "bch", "all"])? {
            "btc" => &["btc"],
            "bch" => &["bch"],
            _ => &["btc", "bch"],
        };
        let hour = hour_at(now);
        let pool = Sample::total(self.pool_models().iter().map(|m| m.hour(hour)));
        Ok(coins
            .iter()
            .map(|c| {
                let s = json!({"totalSpeed": coin_part(pool.speed, c), "rejectRate": pool.reject});
                json!({"speed5m": s, "speed10m": s, "speed30m": s})
            })
            .collect())
    }
}
