//! The pool's in-memory state: main accounts, their sub-accounts with fee, payout and observer
//! settings, and each sub-account's workers and worker groups.
//!
//! Decisions (seed 003 §8 lists codes, never when each applies): a missing or malformed parameter
//! is 5010 (输入内容无效); a well-formed request the state refuses (unknown or duplicate name,
//! unknown id) is 5030 (操作失败). The `是否必须` column is empty for every row (notes §1), so the
//! required parameters are the inferred ones in pool.json (`required_inferred`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::{Map, Value};

/// Action parameters: the object decoded from the envelope's `data` string.
pub type Params = Map<String, Value>;

/// A refusal: §8 code and our message.
pub struct Fail(pub u32, pub String);

/// 5010 with `message`.
pub fn invalid(message: impl Into<String>) -> Fail {
    Fail(5010, message.into())
}

/// 5030 with `message`.
pub fn failed(message: impl Into<String>) -> Fail {
    Fail(5030, message.into())
}

/// What an action answers: its `data`, or why not.
pub type Outcome = Result<Value, Fail>;

/// A main account.
pub struct Account {
    /// Bound phone ("" when only a mail is bound).
    pub phone: String,
    /// Bound mail ("" when only a phone is bound).
    pub mail: String,
    /// Password.
    pub password: String,
}

/// A coin payout setting (SubAccount.*CoinHarvestSetting).
#[derive(Clone)]
pub struct Harvest {
    /// address.
    pub address: Value,
    /// min.
    pub min: f64,
    /// updatedAt.
    pub updated: String,
}

/// One observer link.
pub struct Observer {
    /// linkId.
    pub id: i64,
    /// link.
    pub link: String,
    /// remark.
    pub remark: String,
    /// rights.
    pub rights: Vec<String>,
}

/// A sub-account.
pub struct Sub {
    /// Main account name.
    pub master: String,
    /// theorySpeed, P.
    pub theory_speed: f64,
    /// description.
    pub description: String,
    /// Fee fields by wire name (feeType, fee, refer, commission, bchPpsFee, bchCommission).
    pub fee: Map<String, Value>,
    /// Coin payout settings by coinType.
    pub coins: BTreeMap<String, Harvest>,
    /// RMB payout setting.
    pub money: Option<Harvest>,
    /// Auto conversion to RMB.
    pub coin_to_money: bool,
    /// Observer links.
    pub observers: Vec<Observer>,
    /// Worker groups (id, name).
    pub groups: Vec<(i64, String)>,
    /// Workers (name, group id; 0 = ungrouped).
    pub workers: Vec<(String, i64)>,
}

/// Everything the pool remembers.
#[derive(Default)]
pub struct Pool {
    /// Main accounts by name.
    pub accounts: BTreeMap<String, Account>,
    /// Sub-accounts by name; the names are pool-wide, like the mining usernames they are.
    pub subs: BTreeMap<String, Sub>,
    /// Last linkId / groupId handed out.
    pub last_id: i64,
}

/// The pool state shared by all requests.
pub struct State(Mutex<Pool>);

impl Default for State {
    /// One main account, `alice`, the account of the catalog's signing test vector
    /// (`data={"account":"alice"}`), bound to the phone and mail of the seed's GetBindInfo
    /// example, so a first signed call answers from state.
    fn default() -> Self {
        let alice = Account {
            phone: "13811012345".into(),
            mail: "hello@gmail.com".into(),
            password: "alice-password".into(),
        };
        let mut pool = Pool::default();
        pool.accounts.insert("alice".into(), alice);
        Self(Mutex::new(pool))
    }
}

impl State {
    /// Answers `action` at Unix second `now` (the clock of the hashrate model); an unknown action
    /// is 5010.
    pub fn answer(&self, action: &str, p: &Params, now: i64) -> Outcome {
        let mut guard = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let pool = &mut *guard;
        match action {
            "Account.Create" => pool.create_account(p),
            "Account.GetBindInfo" => pool.bind_info(p),
            "Account.UpdatePhone" => pool.update_phone(p),
            "Account.UpdateMail" => pool.update_mail(p),
            "Account.UpdatePassword" => pool.update_password(p),
            "Account.CheckPassword" => pool.check_password(p),
            "Account.QueryUserNameByPhone" => pool.by_phone(p),
            "Account.QueryUserNameByMail" => pool.by_mail(p),
            "SubAccount.GetUserAll" => pool.sub_names(p),
            "SubAccount.BulkGetBasicInfo" => pool.basic_info(p),
            "SubAccount.Create" => pool.create_sub(p),
            "SubAccount.BulkGetFeeInfo" => pool.fee_info(p),
            "SubAccount.UpdateFeeInfo" => pool.update_fee(p),
            "SubAccount.GetCoinHarvestSetting" => pool.coin_harvest(p),
            "SubAccount.SetCoinHarvestSetting" => pool.set_coin_harvest(p),
            "SubAccount.GetMoneyHarvestSetting" => pool.money_harvest(p),
            "SubAccount.SetMoneyHarvestSetting" => pool.set_money_harvest(p),
            "SubAccount.GetCoin2MoneySetting" => pool.coin_to_money(p),
            "SubAccount.SetCoin2MoneySetting" => pool.set_coin_to_money(p),
            "SubAccount.GetObserverList" => pool.observers(p),
            "SubAccount.AddObserverInfo" => pool.add_observer(p),
            "SubAccount.UpdateObserverInfo" => pool.update_observer(p),
            "SubAccount.DeleteObserverInfo" => pool.delete_observer(p),
            "Profit.GetSubAccountSummary" => pool.sub_profit(p, now),
            "Profit.GetAccountSummary" => pool.account_profit(p, now),
            "Profit.GetByDay" => pool.profit_by_day(p, now),
            "Profit.GetAllUserPaymentByDay" => pool.payments(p, now),
            "Speed.GetSubAccountDailySpeed" => pool.sub_daily_speed(p),
            "Speed.GetSubAccountHourlySpeed" => pool.sub_hourly_speed(p),
            "Speed.GetSubAccountRealtimeSpeed" => pool.sub_realtime_speed(p, now),
            "Speed.GetWorkerDailySpeed" => pool.worker_daily_speed(p),
            "Speed.GetWorkerHourlySpeed" => pool.worker_hourly_speed(p),
            "Speed.GetSubAccountAllWorkersHourlySpeedBulk" => pool.workers_hourly_speed(p),
            "Speed.GetSystemDailySpeed" => pool.system_daily_speed(now),
            "Speed.GetSystemHourlySpeed" => pool.system_hourly_speed(now),
            "Speed.GetSystemRealtimeSpeed" => pool.system_realtime_speed(p, now),
            "Worker.GetSubAccountWorkerList" => pool.workers(p, now),
            "Worker.GetSubAccountWorkerSummary" => pool.worker_summary(p, now),
            "Worker.GetSubAccountWorkerGroupList" => pool.groups(p),
            "Worker.CreateGroup" => pool.create_group(p),
            "Worker.UpdateGroup" => pool.update_group(p),
            "Worker.DeleteGroup" => pool.delete_group(p),
            "Worker.SetWorkerGroupBulk" => pool.move_workers(p),
            "Worker.GetSubAccountWorkerHourlyActiveNumList" => pool.hourly_active(p),
            "Worker.GetSubAccountWorkerDailyActiveNumList" => pool.daily_active(p),
            _ => Err(invalid("unknown action")),
        }
    }
}

impl Pool {
    /// The sub-account named by `userName`.
    pub fn sub(&mut self, p: &Params) -> Result<&mut Sub, Fail> {
        let name = text(p, "userName")?;
        self.subs
            .get_mut(name)
            .ok_or_else(|| failed(format!("no sub-account {name}")))
    }

    /// A fresh linkId / groupId; observer links start at 123, as in the seed's example.
    pub fn next_id(&mut self) -> i64 {
        self.last_id = self.last_id.max(122) + 1;
        self.last_id
    }
}

/// A required non-empty string.
pub fn text<'a>(p: &'a Params, key: &str) -> Result<&'a str, Fail> {
    match p.get(key).and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(invalid(format!("{key} is required"))),
    }
}

/// An optional string ("" when absent).
pub fn opt_text<'a>(p: &'a Params, key: &str) -> Result<&'a str, Fail> {
    match p.get(key) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(invalid(format!("{key} must be a string"))),
    }
}

/// A required non-negative number.
pub fn number(p: &Params, key: &str) -> Result<f64, Fail> {
    p.get(key)
        .and_then(Value::as_f64)
        .filter(|n| *n >= 0.0)
        .ok_or_else(|| invalid(format!("{key} must be a number of at least 0")))
}

/// A required integer.
pub fn int(p: &Params, key: &str) -> Result<i64, Fail> {
    p.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| invalid(format!("{key} must be an integer")))
}

/// A required array of strings.
pub fn names(p: &Params, key: &str) -> Result<Vec<String>, Fail> {
    p.get(key)
        .and_then(Value::as_array)
        .and_then(|a| {
            a.iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(|| invalid(format!("{key} must be an array of strings")))
}

/// `coinType` among `allowed`.
pub fn coin<'a>(p: &'a Params, allowed: &[&str]) -> Result<&'a str, Fail> {
    let c = text(p, "coinType")?;
    if allowed.contains(&c) {
        Ok(c)
    } else {
        Err(invalid(format!(
            "coinType must be one of {}",
            allowed.join(", ")
        )))
    }
}

/// `updatedAt` now, in the examples' `YYYY-MM-DD HH:mm:ss`, Beijing time (notes §4.3).
pub fn stamp() -> String {
    super::period::second_text(crate::now_secs())
}
