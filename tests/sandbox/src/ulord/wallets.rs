//! Seed 001 part 二, 交易相关 1-3: wallets, balances and transfers.

use serde_json::{json, Value};

use super::state::{amount, text, uld, Body, Fail, Outcome, Platform, Wallet};

impl Platform {
    /// The wallet of `user` when `password` is its pay password (20003 / 20004).
    pub fn wallet(&mut self, user: &str, password: &str) -> Result<&mut Wallet, Fail> {
        let w = self.wallets.get_mut(user).ok_or(Fail(20003))?;
        if w.password != password {
            return Err(Fail(20004));
        }
        Ok(w)
    }

    /// Moves `units` from `from` to `to`; `fail` when `from` has too little.
    pub fn transfer(&mut self, from: &str, to: &str, units: i64, fail: u32) -> Result<(), Fail> {
        if !self.wallets.contains_key(to) {
            return Err(Fail(20003));
        }
        let payer = self.wallets.get_mut(from).ok_or(Fail(20003))?;
        if payer.balance < units {
            return Err(Fail(fail));
        }
        payer.balance -= units;
        if let Some(w) = self.wallets.get_mut(to) {
            w.balance += units;
        }
        Ok(())
    }

    /// 创建钱包 (交易相关 1): the pay password arrives as the documented `pay_passwrod` (notes §3.1).
    pub fn create_wallet(&mut self, b: &Body) -> Outcome {
        let (user, password) = (text(b, "username")?, text(b, "pay_passwrod")?);
        if self.wallets.contains_key(user) {
            return Err(Fail(20000));
        }
        let wallet = Wallet {
            password: password.into(),
            balance: 0,
        };
        self.wallets.insert(user.into(), wallet);
        Ok(Some(json!({"id": user})))
    }

    /// 转账 (交易相关 2). With `is_developer: true` the payer is the developer owning the request's appkey
    /// (notes §3.7: “presumably the appkey's owner”), and no send_user / pay_password is needed.
    pub fn pay(&mut self, b: &Body, appkey: Option<&str>) -> Outcome {
        let developer = match b.get("is_developer") {
            None | Some(Value::Null) => false,
            Some(v) => v.as_bool().ok_or(Fail(20100))?,
        };
        let to = text(b, "recv_user")?.to_owned();
        let units = amount(b, "amount")?;
        if units <= 0 {
            return Err(Fail(20206));
        }
        let from = if developer {
            let app = self.apps.values().find(|a| Some(a.key.as_str()) == appkey);
            let owner = app.and_then(|a| self.developers.get(&a.user));
            owner.ok_or(Fail(10001))?.username.clone()
        } else {
            let (user, password) = (text(b, "send_user")?, text(b, "pay_password")?);
            self.wallet(user, password)?;
            user.to_owned()
        };
        self.transfer(&from, &to, units, 20206)?;
        Ok(None)
    }

    /// 查询余额 (交易相关 3): transfers confirm at once and nothing is mined, so all of it is confirmed.
    pub fn balance(&mut self, b: &Body) -> Outcome {
        let (user, password) = (text(b, "username")?, text(b, "pay_password")?);
        let total = self.wallet(user, password)?.balance;
        Ok(Some(json!({
            "total": uld(total), "confirmed": uld(total), "unconfirmed": 0, "unmatured": 0,
        })))
    }
}
