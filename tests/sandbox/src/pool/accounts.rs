//! Seed 003 §9.1 and §9.2: main accounts and sub-accounts with their fee, payout, conversion and
//! observer settings.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::state::{
    coin, failed, int, invalid, names, number, opt_text, stamp, text, Account, Fail, Harvest,
    Observer, Outcome, Params, Pool, Sub,
};

const RIGHTS: [&str; 3] = ["dashboard_observer", "worker_observer", "profit_observer"];

/// Decision: the sandbox caps a sub-account's workers (each is listed in full) at 1000.
const MAX_WORKERS: i64 = 1000;

/// Decision (the document gives no formats): a phone is 11 digits starting with 1, the mainland
/// mobile form of the example `13811012345`; a mail has text on both sides of one `@`.
fn phone(p: &Params) -> Result<&str, Fail> {
    let s = opt_text(p, "phone")?;
    if s.is_empty()
        || (s.len() == 11 && s.starts_with('1') && s.bytes().all(|c| c.is_ascii_digit()))
    {
        Ok(s)
    } else {
        Err(invalid("phone must be 11 digits"))
    }
}

fn mail(p: &Params) -> Result<&str, Fail> {
    let s = opt_text(p, "mail")?;
    match s.split_once('@') {
        _ if s.is_empty() => Ok(s),
        Some((user, host)) if !user.is_empty() && !host.is_empty() && !host.contains('@') => Ok(s),
        _ => Err(invalid("mail is not an address")),
    }
}

impl Pool {
    fn account(&mut self, p: &Params) -> Result<&mut Account, Fail> {
        let name = text(p, "account")?;
        self.accounts
            .get_mut(name)
            .ok_or_else(|| failed(format!("no account {name}")))
    }

    /// Account.Create: “phone 和 mail 两项有一项不能为空”.
    pub fn create_account(&mut self, p: &Params) -> Outcome {
        let name = text(p, "account")?;
        let password = text(p, "password")?;
        let (phone, mail) = (phone(p)?, mail(p)?);
        if phone.is_empty() && mail.is_empty() {
            return Err(invalid("one of phone and mail is required"));
        }
        if self.accounts.contains_key(name) {
            return Err(failed(format!("account {name} exists")));
        }
        let account = Account {
            phone: phone.into(),
            mail: mail.into(),
            password: password.into(),
        };
        self.accounts.insert(name.into(), account);
        Ok(Value::Null)
    }

    /// Account.GetBindInfo.
    pub fn bind_info(&mut self, p: &Params) -> Outcome {
        let a = self.account(p)?;
        Ok(json!({"phone": a.phone, "mail": a.mail}))
    }

    /// Account.UpdatePhone.
    pub fn update_phone(&mut self, p: &Params) -> Outcome {
        let phone = phone(p)?;
        if phone.is_empty() {
            return Err(invalid("phone is required"));
        }
        self.account(p)?.phone = phone.into();
        Ok(Value::Null)
    }

    /// Account.UpdateMail.
    pub fn update_mail(&mut self, p: &Params) -> Outcome {
        let mail = mail(p)?;
        if mail.is_empty() {
            return Err(invalid("mail is required"));
        }
        self.account(p)?.mail = mail.into();
        Ok(Value::Null)
    }

    /// Account.UpdatePassword.
    pub fn update_password(&mut self, p: &Params) -> Outcome {
        let password = text(p, "password")?;
        self.account(p)?.password = password.into();
        Ok(Value::Null)
    }

    /// Account.CheckPassword: `data` is the answer.
    pub fn check_password(&mut self, p: &Params) -> Outcome {
        let password = text(p, "password")?;
        Ok(Value::Bool(self.account(p)?.password == password))
    }

    /// Account.QueryUserNameByPhone.
    pub fn by_phone(&mut self, p: &Params) -> Outcome {
        let phone = text(p, "phone")?;
        Ok(self.account_names(|a| a.phone == phone))
    }

    /// Account.QueryUserNameByMail.
    pub fn by_mail(&mut self, p: &Params) -> Outcome {
        let mail = text(p, "mail")?;
        Ok(self.account_names(|a| a.mail == mail))
    }

    fn account_names(&self, keep: impl Fn(&Account) -> bool) -> Value {
        self.accounts
            .iter()
            .filter(|(_, a)| keep(a))
            .map(|(n, _)| json!(n))
            .collect()
    }

    /// SubAccount.GetUserAll.
    pub fn sub_names(&mut self, p: &Params) -> Outcome {
        let master = text(p, "account")?.to_owned();
        self.account(p)?;
        Ok(self
            .subs
            .iter()
            .filter(|(_, s)| s.master == master)
            .map(|(n, _)| json!(n))
            .collect())
    }

    /// SubAccount.Create: the sub-account gets `workerCount` workers (see hashrate.rs).
    pub fn create_sub(&mut self, p: &Params) -> Outcome {
        let master = text(p, "master")?;
        let name = text(p, "userName")?;
        let theory_speed = number(p, "theorySpeed")?;
        let description = text(p, "description")?;
        let count = int(p, "workerCount")?;
        if !(0..=MAX_WORKERS).contains(&count) {
            return Err(invalid(format!("workerCount must be 0 to {MAX_WORKERS}")));
        }
        if !self.accounts.contains_key(master) {
            return Err(failed(format!("no account {master}")));
        }
        if self.subs.contains_key(name) {
            return Err(failed(format!("sub-account {name} exists")));
        }
        // Fee defaults: the seed's own example values; no referrer.
        let fee = json!({
            "feeType": "FPPS", "fee": 0.01, "refer": "", "commission": 0,
            "bchPpsFee": 0.01, "bchCommission": 0,
        });
        let sub = Sub {
            master: master.into(),
            theory_speed,
            description: description.into(),
            fee: fee.as_object().cloned().unwrap_or_default(),
            coins: BTreeMap::new(),
            money: None,
            coin_to_money: false,
            observers: Vec::new(),
            groups: Vec::new(),
            // Worker names in the style of the seed's `worker1x100`.
            workers: (0..count)
                .map(|i| (format!("worker1x{}", 100 + i), 0))
                .collect(),
        };
        self.subs.insert(name.into(), sub);
        Ok(Value::Null)
    }

    /// SubAccount.BulkGetBasicInfo; decision: unknown names are left out of the array.
    pub fn basic_info(&mut self, p: &Params) -> Outcome {
        self.bulk(p, |name, s| {
            json!({
                "userName": name,
                "theorySpeed": s.theory_speed,
                "workerCount": s.workers.len(),
                "description": s.description,
                "master": s.master,
            })
        })
    }

    /// SubAccount.BulkGetFeeInfo.
    pub fn fee_info(&mut self, p: &Params) -> Outcome {
        self.bulk(p, |name, s| {
            let mut row = Map::from_iter([("userName".to_owned(), json!(name))]);
            row.extend(s.fee.clone());
            Value::Object(row)
        })
    }

    fn bulk(&self, p: &Params, row: impl Fn(&str, &Sub) -> Value) -> Outcome {
        Ok(names(p, "userNames")?
            .iter()
            .filter_map(|n| self.subs.get(n).map(|s| row(n, s)))
            .collect())
    }

    /// SubAccount.UpdateFeeInfo: “不需要修改的可以不传”; rates are fractions (the examples' 0.01).
    pub fn update_fee(&mut self, p: &Params) -> Outcome {
        let mut changes = Map::new();
        if p.contains_key("feeType") {
            let t = text(p, "feeType")?;
            if t != "PPS" && t != "FPPS" {
                return Err(invalid("feeType must be PPS or FPPS"));
            }
            changes.insert("feeType".into(), json!(t));
        }
        if p.contains_key("refer") {
            changes.insert("refer".into(), json!(opt_text(p, "refer")?));
        }
        for key in ["fee", "commission", "bchPpsFee", "bchCommission"] {
            if p.contains_key(key) {
                let rate = number(p, key).ok().filter(|r| *r <= 1.0);
                let rate = rate.ok_or_else(|| invalid(format!("{key} must be 0 to 1")))?;
                changes.insert(key.into(), json!(rate));
            }
        }
        self.sub(p)?.fee.extend(changes);
        Ok(Value::Null)
    }

    /// SubAccount.GetCoinHarvestSetting; decision: an unset coin answers address "", min 0 (no
    /// automatic payout) and updatedAt null.
    pub fn coin_harvest(&mut self, p: &Params) -> Outcome {
        let c = coin(p, &["btc", "bch"])?.to_owned();
        Ok(harvest(self.sub(p)?.coins.get(&c), json!("")))
    }

    /// SubAccount.SetCoinHarvestSetting: `min` one of 0, 0.001, 0.01, 0.1.
    pub fn set_coin_harvest(&mut self, p: &Params) -> Outcome {
        let c = coin(p, &["btc", "bch"])?.to_owned();
        let address = text(p, "address")?;
        let min = number(p, "min")?;
        if ![0.0, 0.001, 0.01, 0.1].contains(&min) {
            return Err(invalid("min must be one of 0, 0.001, 0.01, 0.1"));
        }
        let setting = Harvest {
            address: json!(address),
            min,
            updated: stamp(),
        };
        self.sub(p)?.coins.insert(c, setting);
        Ok(Value::Null)
    }

    /// SubAccount.GetMoneyHarvestSetting: the bank fields nested under `address`.
    pub fn money_harvest(&mut self, p: &Params) -> Outcome {
        let empty =
            json!({"province": "", "city": "", "name": "", "branch": "", "owner": "", "no": ""});
        Ok(harvest(self.sub(p)?.money.as_ref(), empty))
    }

    /// SubAccount.SetMoneyHarvestSetting: bank fields flat. Decision (notes §4.3): the allowed
    /// `min` list was copied from the coin version (the get example shows 500), so any min ≥ 0.
    pub fn set_money_harvest(&mut self, p: &Params) -> Outcome {
        let mut bank = Map::new();
        for key in ["province", "city", "name", "branch", "owner", "no"] {
            bank.insert(key.into(), json!(text(p, key)?));
        }
        if !bank["no"]
            .as_str()
            .is_some_and(|n| n.bytes().all(|c| c.is_ascii_digit()))
        {
            return Err(invalid("no must be a card number"));
        }
        let min = number(p, "min")?;
        let setting = Harvest {
            address: Value::Object(bank),
            min,
            updated: stamp(),
        };
        self.sub(p)?.money = Some(setting);
        Ok(Value::Null)
    }

    /// SubAccount.GetCoin2MoneySetting.
    pub fn coin_to_money(&mut self, p: &Params) -> Outcome {
        Ok(json!({"auto": self.sub(p)?.coin_to_money}))
    }

    /// SubAccount.SetCoin2MoneySetting.
    pub fn set_coin_to_money(&mut self, p: &Params) -> Outcome {
        let auto = p
            .get("auto")
            .and_then(Value::as_bool)
            .ok_or_else(|| invalid("auto must be a boolean"))?;
        self.sub(p)?.coin_to_money = auto;
        Ok(Value::Null)
    }

    /// SubAccount.GetObserverList.
    pub fn observers(&mut self, p: &Params) -> Outcome {
        Ok(self
            .sub(p)?
            .observers
            .iter()
            .map(
                |o| json!({"link": o.link, "remark": o.remark, "linkId": o.id, "rights": o.rights}),
            )
            .collect())
    }

    /// SubAccount.AddObserverInfo: the new link is listed by GetObserverList (the write returns
    /// no id, notes §4.3).
    pub fn add_observer(&mut self, p: &Params) -> Outcome {
        let rights = rights(p)?;
        let remark = text(p, "remark")?.to_owned();
        self.sub(p)?;
        let id = self.next_id();
        let token = hex::encode(Sha256::digest(format!("chainkit-sandbox/observer/{id}")));
        let link = format!("https://btc.top/ob/{}", &token[..16]);
        let observer = Observer {
            id,
            link,
            remark,
            rights,
        };
        self.sub(p)?.observers.push(observer);
        Ok(Value::Null)
    }

    /// SubAccount.UpdateObserverInfo: replaces the rights and the remark.
    pub fn update_observer(&mut self, p: &Params) -> Outcome {
        let id = int(p, "linkId")?;
        let (rights, remark) = (rights(p)?, text(p, "remark")?.to_owned());
        let o = self.observer(id)?;
        o.rights = rights;
        o.remark = remark;
        Ok(Value::Null)
    }

    /// SubAccount.DeleteObserverInfo.
    pub fn delete_observer(&mut self, p: &Params) -> Outcome {
        let id = int(p, "linkId")?;
        self.observer(id)?;
        for s in self.subs.values_mut() {
            s.observers.retain(|o| o.id != id);
        }
        Ok(Value::Null)
    }

    fn observer(&mut self, id: i64) -> Result<&mut Observer, Fail> {
        self.subs
            .values_mut()
            .flat_map(|s| s.observers.iter_mut())
            .find(|o| o.id == id)
            .ok_or_else(|| failed(format!("no observer link {id}")))
    }
}

/// `rights`: a non-empty subset of the three documented rights.
fn rights(p: &Params) -> Result<Vec<String>, Fail> {
    let r = names(p, "rights")?;
    if r.is_empty() || r.iter().any(|x| !RIGHTS.contains(&x.as_str())) {
        return Err(invalid(format!(
            "rights must be some of {}",
            RIGHTS.join(", ")
        )));
    }
    Ok(r)
}

fn harvest(h: Option<&Harvest>, unset: Value) -> Value {
    match h {
        Some(h) => json!({"address": h.address, "min": h.min, "updatedAt": h.updated}),
        None => json!({"address": unset, "min": 0, "updatedAt": null}),
    }
}
