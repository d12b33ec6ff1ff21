//! Seed 000 §2: chain accounts (create, list) and their energy / 中移链 resource recharges, paid
//! from the user's 算力值.

use serde_json::{json, Value};
use time::macros::format_description;

use super::body::{self, Body, Fail};
use super::state::{chain, now_cst, ok, Account, Ledger, Outcome, EOS_PRICE_CENTS};

/// Decision (seed 000 gives opbChainAccountStatus only as 已启用/已冻结, example value 2): 2 is
/// 已启用, the status of the example's account in use; the sandbox never freezes an account.
const ENABLED: i64 = 2;

impl Ledger {
    /// 创建链账户.
    pub fn create_account(&mut self, b: &Body) -> Outcome {
        let c = chain(body::int(b, "opbChainId", Fail::Msg("MSG_10051001"))?)?;
        let name = body::text(b, "opbChainClientName", Fail::BadRequest)?.to_owned();
        if self.accounts.iter().any(|a| a.name == name) {
            return Err(Fail::Msg("MSG_10051035"));
        }
        let seed = self.digest("address");
        // EVM chains use 0x + 40 hex; 中移链 (EOS) uses a 12-character account name of a-z1-5,
        // the rule MSG_10051031 refers to (the seed's example `reddatas1234`).
        let address = if c.kind == "EOS" {
            const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz12345";
            seed.bytes()
                .take(12)
                .map(|b| char::from(ALPHABET[usize::from(b) % ALPHABET.len()]))
                .collect()
        } else {
            format!("0x{}", &seed[..40])
        };
        // The keys are opaque here: DDC transactions are signed by the center, never by the
        // caller, so nothing ever checks them against the address.
        let (private_key, public_key) = (self.digest("private"), self.digest("public"));
        let code = self.digest("code")[..15].to_owned();
        self.accounts.push(Account {
            chain: c.id,
            name,
            address: address.clone(),
            code,
            energy: 0,
            resources: (0, 0, 0),
            updated: String::new(),
        });
        Ok(ok(json!({
            "opbChainClientAddress": address,
            "privateKey": private_key,
            "publicKey": public_key,
        })))
    }

    /// 链账户列表: `{data: filters, page: {pageNum, pageSize}}`; `data` “不能为null，可以为空对象”.
    pub fn list_accounts(&mut self, b: &Body) -> Outcome {
        let (Some(Value::Object(filter)), Some(Value::Object(page))) =
            (b.get("data"), b.get("page"))
        else {
            return Err(Fail::BadRequest);
        };
        // Decision: pageNum “从1开始” defaults to 1 and pageSize to 10 (both optional); less than 1
        // is a validation failure.
        let num = body::opt_int(page, "pageNum")?.unwrap_or(1);
        let size = body::opt_int(page, "pageSize")?.unwrap_or(10);
        if num < 1 || size < 1 {
            return Err(Fail::BadRequest);
        }
        // Decision: an empty string or absent filter matches everything; the rest match exactly.
        let want = |k: &str| {
            filter
                .get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        };
        let (address, name) = (want("opbChainClientAddress"), want("opbChainClientName"));
        let chain_id = body::opt_int(filter, "opbChainId")?;
        let rows: Vec<&Account> = self
            .accounts
            .iter()
            .filter(|a| address.is_none_or(|x| a.address == x))
            .filter(|a| name.is_none_or(|x| a.name == x))
            .filter(|a| chain_id.is_none_or(|x| a.chain == x))
            .collect();
        let total = rows.len() as i64;
        let pages = total.div_euclid(size) + i64::from(total % size != 0);
        let data: Vec<Value> = rows
            .iter()
            .skip((num - 1).saturating_mul(size) as usize)
            .take(size as usize)
            .map(|a| self.row(a))
            .collect();
        let mut envelope = ok(Value::Array(data));
        envelope["resultPageInfo"] = json!({
            "firstPage": num == 1,
            "lastPage": num >= pages,
            "pageNum": num,
            "pageSize": size,
            "pages": pages,
            "total": total,
        });
        Ok(envelope)
    }

    fn row(&self, a: &Account) -> Value {
        let c = chain(a.chain).ok();
        // energyValueBalance is free text; for EOS the seed shows `NET:…bytes,CPU:…us,RAM:…bytes`.
        let balance = if c.is_some_and(|c| c.kind == "EOS") {
            let (cpu, net, ram) = a.resources;
            format!("NET:{net}bytes,CPU:{cpu}us,RAM:{ram}bytes")
        } else {
            a.energy.to_string()
        };
        json!({
            "energyValueBalance": balance,
            "gasLastUpdateTime": a.updated,
            "opbChainAccountStatus": ENABLED,
            "opbChainClientAddress": a.address,
            "opbChainClientCode": a.code,
            "opbChainClientName": a.name,
            // The example shows an address here (notes §2.7); the field is 链名称, so the name.
            "opbChainName": c.map_or("", |c| c.name),
        })
    }

    /// 能量值定价查询.
    pub fn gas_price(&mut self, b: &Body) -> Outcome {
        let c = chain(body::int(b, "opbChainId", Fail::Msg("MSG_10051001"))?)?;
        let gas = c.gas_per_unit.ok_or(Fail::Msg("MSG_10051022"))?;
        Ok(ok(json!({"gasQuantity": gas})))
    }

    /// 能量值充值: `hashRateValue` 算力值 buys `hashRateValue × gasQuantity` energy.
    pub fn recharge_gas(&mut self, b: &Body) -> Outcome {
        let c = chain(body::int(b, "opbChainId", Fail::Msg("MSG_10051001"))?)?;
        let gas = c.gas_per_unit.ok_or(Fail::Msg("MSG_10051022"))?;
        let cents = match body::cents(b, "hashRateValue") {
            Some(Ok(c)) if c > 0 => c,
            Some(Ok(_)) => return Err(Fail::Msg("MSG_10051032")),
            _ => return Err(Fail::Msg("MSG_10051020")),
        };
        let address = body::text(b, "opbChainClientAddress", Fail::Msg("MSG_10051007"))?;
        let i = self.account(address)?;
        if self.accounts[i].chain != c.id {
            return Err(Fail::Msg("MSG_10051007"));
        }
        self.charge(cents)?;
        let energy = cents as u64 * gas / 100;
        let a = &mut self.accounts[i];
        a.energy += energy;
        a.updated = stamp();
        Ok(ok(
            json!({"energyValue": energy, "opbChainClientAddress": a.address}),
        ))
    }

    /// 中移链资源充值: CPU/NET priced per day until `resourceValidDate`, RAM once per unit.
    pub fn recharge_resource(&mut self, b: &Body) -> Outcome {
        let mut plus = [0i64; 3];
        for (slot, key) in plus
            .iter_mut()
            .zip(["cpuPlusValue", "netPlusValue", "ramPlusValue"])
        {
            *slot = match body::whole(b, key) {
                Some(v) if v > 0 => v,
                Some(_) => return Err(Fail::Msg("MSG_10051033")),
                None => return Err(Fail::Msg("MSG_10051002")),
            };
        }
        let address = body::text(b, "opbChainClientAddress", Fail::Msg("MSG_10051002"))?;
        let eos_name = address.len() <= 12
            && address
                .bytes()
                .all(|c| matches!(c, b'a'..=b'z' | b'1'..=b'5' | b'.'));
        if !eos_name {
            return Err(Fail::Msg("MSG_10051031"));
        }
        let i = self.account(address)?;
        if chain(self.accounts[i].chain).map_or(true, |c| c.kind != "EOS") {
            return Err(Fail::Msg("MSG_10051030"));
        }
        let date = body::text(b, "resourceValidDate", Fail::Msg("MSG_10051002"))?;
        let date = time::Date::parse(date, format_description!("[year]-[month]-[day]"))
            .map_err(|_| Fail::Msg("MSG_10051041"))?;
        let days = (date - now_cst().date()).whole_days();
        if days <= 1 {
            return Err(Fail::Msg("MSG_10051028"));
        }
        let [cpu, net, ram] = plus;
        let (pc, pn, pr) = EOS_PRICE_CENTS;
        // Saturating: a cost past i64 is just more than any balance.
        let daily = cpu
            .saturating_mul(pc)
            .saturating_add(net.saturating_mul(pn));
        self.charge(
            daily
                .saturating_mul(days)
                .saturating_add(ram.saturating_mul(pr)),
        )?;
        let a = &mut self.accounts[i];
        a.resources.0 = a.resources.0.saturating_add(cpu);
        a.resources.1 = a.resources.1.saturating_add(net);
        a.resources.2 = a.resources.2.saturating_add(ram);
        a.updated = stamp();
        Ok(ok(json!({
            "cpuPlusValue": cpu,
            "netPlusValue": net,
            "opbChainClientAddress": a.address,
            "ramPlusValue": ram,
        })))
    }
}

/// gasLastUpdateTime; the document types it `string(date-time)` without a layout, so the layout
/// Chinese Spring services usually print.
fn stamp() -> String {
    now_cst()
        .format(format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second]"
        ))
        .unwrap_or_default()
}
