//! Seed 003 §9.3: profit, from the synthetic hashrate (hashrate.rs).
//!
//! Each currency (btc, bch, cny) is a ledger of its own: a day earns `speed × profitPerP`, speed
//! being the day's mean hashrate in P (BTC and BCH their part of it, hashrate::coin_part; CNY all
//! of it, valued in RMB) and profitPerP a deterministic jitter of ±5% around a base per currency.
//! Decisions (the document only names the four statuses): a day settles once it is over (Beijing
//! time), and its status is
//! - `none` when there is nothing to pay: it earned 0, or it is not over yet;
//! - `saved` when automatic payout is off (no payout setting, or `min` 0): kept in the balance;
//! - `paying` for yesterday and `finish` before that when automatic payout is on. The `min`
//!   threshold is not simulated: with automatic payout on, every settled day is paid.
//!
//! Summaries cover the [`HISTORY_DAYS`] settled days before today: `total` is their sum, `remain`
//! what has not left the balance (saved and paying days), `latestPay` the latest finished day.

use serde_json::{json, Map, Value};

use super::hashrate::{coin_part, round, seed, unit, Draw, Model, Sample, H_PER_P};
use super::period::{date, day_of, day_range, day_text, hour_at, Day, MAX_DAYS};
use super::state::{coin, failed, text, Outcome, Params, Pool, Sub};

/// The settled days a summary covers.
pub const HISTORY_DAYS: i64 = 30;

/// The ledgers, in the order summaries list them (the example's btc, bch, then cny).
const COINS: [&str; 3] = ["btc", "bch", "cny"];

/// Mean profitPerP and decimals per currency: BTC the example's 0.000123, amounts to 8 decimals
/// (2 for RMB), as GetAllUserPaymentByDay formats them.
fn base(coin: &str) -> (f64, i32) {
    match coin {
        "btc" => (0.000123, 8),
        "bch" => (0.0025, 8),
        _ => (7.5, 2),
    }
}

/// One day of one ledger.
struct Row {
    speed: f64,
    per_p: f64,
    total: f64,
    status: &'static str,
}

/// One currency of one sub-account.
struct Ledger<'a> {
    coin: &'a str,
    /// The document's autoPay: -1 no payout setting, 0 no automatic payout, else the threshold.
    auto_pay: f64,
    today: Day,
}

impl<'a> Ledger<'a> {
    fn new(sub: &Sub, coin: &'a str, today: Day) -> Self {
        let setting = match coin {
            "cny" => sub.money.as_ref(),
            _ => sub.coins.get(coin),
        };
        let auto_pay = setting.map_or(-1.0, |h| h.min);
        Self {
            coin,
            auto_pay,
            today,
        }
    }

    fn row(&self, day: Day, s: Sample) -> Row {
        let (mean, digits) = base(self.coin);
        let jitter = 0.95 + 0.1 * unit(seed(self.coin), Draw::Profit, day);
        let per_p = round(mean * jitter, digits);
        let speed = round(coin_part(s.speed, self.coin) as f64 / H_PER_P, 6);
        let total = round(speed * per_p, digits);
        let status = if total == 0.0 || day >= self.today {
            "none"
        } else if self.auto_pay <= 0.0 {
            "saved"
        } else if day == self.today - 1 {
            "paying"
        } else {
            "finish"
        };
        Row {
            speed,
            per_p,
            total,
            status,
        }
    }

    /// `{latestPay, total, remain, autoPay, type}` over `days` (the history window).
    fn summary(&self, days: &[(Day, Sample)]) -> Value {
        let rows: Vec<Row> = days.iter().map(|(d, s)| self.row(*d, *s)).collect();
        let sum = |keep: &dyn Fn(&Row) -> bool| {
            let total = rows.iter().filter(|r| keep(r)).map(|r| r.total).sum();
            round(total, base(self.coin).1)
        };
        let latest = rows.iter().rev().find(|r| r.status == "finish");
        json!({
            "latestPay": latest.map_or(0.0, |r| r.total),
            "total": sum(&|_| true),
            "remain": sum(&|r| matches!(r.status, "saved" | "paying")),
            "autoPay": self.auto_pay,
            "type": self.coin,
        })
    }

    /// The `{coin}Paid`, `{coin}Remain` and `{coin}LockReason` fields of a payment row.
    fn payment(&self, row: &Row, into: &mut Map<String, Value>) {
        let (paid, remain, reason) = match row.status {
            "paying" | "finish" => (row.total, 0.0, ""),
            "saved" if self.auto_pay < 0.0 => (0.0, row.total, "未设置收款地址"),
            "saved" => (0.0, row.total, "未开启自动支付"),
            _ => (0.0, 0.0, ""),
        };
        let name = if self.coin == "cny" { "rmb" } else { self.coin };
        let digits = base(self.coin).1 as usize;
        into.insert(format!("{name}Paid"), json!(format!("{paid:.digits$}")));
        into.insert(format!("{name}Remain"), json!(format!("{remain:.digits$}")));
        into.insert(format!("{name}LockReason"), json!(reason));
    }
}

/// The sub-account's summaries, one per currency.
fn summaries(name: &str, sub: &Sub, today: Day) -> Vec<Value> {
    let m = Model::new(name, sub);
    let days: Vec<(Day, Sample)> = (today - HISTORY_DAYS..today)
        .map(|d| (d, m.day(d)))
        .collect();
    COINS
        .iter()
        .map(|c| Ledger::new(sub, c, today).summary(&days))
        .collect()
}

/// Decision: `payType` is BANK (its `address` the bank fields as JSON text, as the document says)
/// when an RMB payout is set and either coins convert to RMB or no BTC address is set; otherwise
/// BTC with the BTC address ("" when unset). RMB (an Alipay-style account) has no setting to
/// come from, so it never appears.
fn pay_to(sub: &Sub) -> (&'static str, String) {
    let btc = sub.coins.get("btc").and_then(|h| h.address.as_str());
    match &sub.money {
        Some(bank) if sub.coin_to_money || btc.is_none() => ("BANK", bank.address.to_string()),
        _ => ("BTC", btc.unwrap_or_default().to_owned()),
    }
}

impl Pool {
    /// Profit.GetSubAccountSummary.
    pub fn sub_profit(&mut self, p: &Params, now: i64) -> Outcome {
        let name = text(p, "userName")?;
        let sub = self.sub(p)?;
        Ok(Value::Array(summaries(name, sub, day_of(hour_at(now)))))
    }

    /// Profit.GetAccountSummary: each currency's total and remain over the account's
    /// sub-accounts.
    pub fn account_profit(&mut self, p: &Params, now: i64) -> Outcome {
        let account = text(p, "account")?;
        if !self.accounts.contains_key(account) {
            return Err(failed(format!("no account {account}")));
        }
        let today = day_of(hour_at(now));
        let mut sums = [(0.0, 0.0); COINS.len()];
        for (name, sub) in self.subs.iter().filter(|(_, s)| s.master == account) {
            for (sum, s) in sums.iter_mut().zip(summaries(name, sub, today)) {
                sum.0 += s["total"].as_f64().unwrap_or_default();
                sum.1 += s["remain"].as_f64().unwrap_or_default();
            }
        }
        Ok(COINS
            .iter()
            .zip(sums)
            .map(|(c, (total, remain))| {
                let digits = base(c).1;
                json!({"total": round(total, digits), "remain": round(remain, digits), "type": c})
            })
            .collect())
    }

    /// Profit.GetByDay: `{at, profitPerP, speed, total, status}` per day; `status` is documented
    /// though the example leaves it out.
    pub fn profit_by_day(&mut self, p: &Params, now: i64) -> Outcome {
        let c = coin(p, &COINS)?;
        let days = day_range(p, MAX_DAYS)?;
        let m = self.model(p)?;
        let ledger = Ledger::new(self.sub(p)?, c, day_of(hour_at(now)));
        Ok(days
            .map(|d| {
                let r = ledger.row(d, m.day(d));
                json!({
                    "at": day_text(d), "profitPerP": r.per_p, "speed": r.speed,
                    "total": r.total, "status": r.status,
                })
            })
            .collect())
    }

    /// Profit.GetAllUserPaymentByDay: one row per sub-account of the pool, by name. Amounts are
    /// decimal text, 8 decimals for BTC/BCH and 2 for RMB, as documented.
    pub fn payments(&mut self, p: &Params, now: i64) -> Outcome {
        let day = date(p, "day")?;
        let today = day_of(hour_at(now));
        let mut rows = Vec::new();
        for (name, sub) in &self.subs {
            let sample = Model::new(name, sub).day(day);
            let (pay_type, address) = pay_to(sub);
            let bch = sub.coins.get("bch").and_then(|h| h.address.as_str());
            let mut row = Map::new();
            row.insert("at".into(), json!(day_text(day)));
            row.insert("userName".into(), json!(name));
            for c in COINS {
                let ledger = Ledger::new(sub, c, today);
                ledger.payment(&ledger.row(day, sample), &mut row);
            }
            row.insert("payType".into(), json!(pay_type));
            row.insert("address".into(), json!(address));
            row.insert("bchAddress".into(), json!(bch.unwrap_or_default()));
            rows.push(Value::Object(row));
        }
        Ok(Value::Array(rows))
    }
}
