//! Seed 000 §1, official DDC: mint, send and burn between the user's chain accounts, each charged
//! its listed fee and recorded as a transaction that 交易明细查询 answers from.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::body::{self, Body, Fail};
use super::state::{chain, ok, Chain, Ddc, Ledger, Outcome, FEES};

const MINT: i64 = 20;
const SEND: i64 = 22;
const BURN: i64 = 23;

/// The fields every DDC transaction carries, read with the endpoint's failure code.
struct Common<'a> {
    chain: &'static Chain,
    kind: i64,
    owner: &'a str,
    user_trade_code: &'a str,
}

/// Decision: the document names no code for a missing or malformed field of mint/send/burn; each
/// answers its own failure code (MSG_10053001 DDC生成失败 / …002 发送 / …003 销毁).
fn common<'a>(l: &Ledger, b: &'a Body, fail: &'static str) -> Result<Common<'a>, Fail> {
    let chain = chain(body::int(b, "opbChainId", Fail::Msg("MSG_10051001"))?)?;
    let kind = body::int(b, "ddcType", Fail::Msg(fail))?;
    if kind != 721 && kind != 1155 {
        return Err(Fail::Msg(fail));
    }
    let owner = body::text(b, "ddcOwner", Fail::Msg(fail))?;
    body::text(b, "securityData", Fail::Msg(fail))?;
    let user_trade_code = body::text(b, "userTradeCode", Fail::Msg(fail))?;
    let account = &l.accounts[l.account(owner)?];
    if account.chain != chain.id {
        // The account lives on another framework, so DDC is not opened for it on this one.
        return Err(Fail::Msg("MSG_10051010"));
    }
    Ok(Common {
        chain,
        kind,
        owner,
        user_trade_code,
    })
}

impl Ledger {
    /// DDC生成: a new ddcId owned by `ddcOwner`; 1 for 721, `ddcPubTotal` for 1155.
    pub fn mint(&mut self, b: &Body) -> Outcome {
        let c = common(self, b, "MSG_10053001")?;
        let quantity = if c.kind == 1155 {
            body::count(b, "ddcPubTotal", Fail::Msg("MSG_10053001"))?
        } else {
            1
        };
        body::file(b)?;
        self.unique(c.user_trade_code)?;
        self.charge(fee(MINT))?;
        let id = (self.ddcs.len() + 1).to_string();
        let holders = BTreeMap::from([(c.owner.to_owned(), quantity)]);
        self.ddcs.insert(
            id.clone(),
            Ddc {
                chain: c.chain.id,
                kind: c.kind,
                holders,
            },
        );
        let tx = Move {
            tx_type: MINT,
            id: &id,
            to: c.owner,
            from: "",
            quantity,
        };
        Ok(self.record(&c, tx))
    }

    /// DDC发送: `sendNumber` of `ddcId` from `ddcOwner` to `recipientAccount` (721 sends exactly 1).
    pub fn send(&mut self, b: &Body) -> Outcome {
        let fail = "MSG_10053002";
        let c = common(self, b, fail)?;
        let id = body::text(b, "ddcId", Fail::Msg(fail))?;
        let to = body::text(b, "recipientAccount", Fail::Msg(fail))?;
        let n = body::count(b, "sendNumber", Fail::Msg(fail))?;
        if self.accounts[self.account(to)?].chain != c.chain.id {
            return Err(Fail::Msg("MSG_10051010"));
        }
        let held = self.holding(&c, id, "MSG_10053010")?;
        if c.kind == 721 && n != 1 {
            return Err(Fail::Msg(fail));
        }
        if n > held {
            return Err(Fail::Msg("MSG_10051012"));
        }
        self.unique(c.user_trade_code)?;
        self.charge(fee(SEND))?;
        if let Some(d) = self.ddcs.get_mut(id) {
            d.holders.insert(c.owner.to_owned(), held - n);
            *d.holders.entry(to.to_owned()).or_default() += n;
            d.holders.retain(|_, q| *q > 0);
        }
        let tx = Move {
            tx_type: SEND,
            id,
            to,
            from: c.owner,
            quantity: n,
        };
        Ok(self.record(&c, tx))
    }

    /// DDC销毁: the document has no quantity, so everything `ddcOwner` holds of `ddcId` is burnt.
    pub fn burn(&mut self, b: &Body) -> Outcome {
        let fail = "MSG_10053003";
        let c = common(self, b, fail)?;
        let id = body::text(b, "ddcId", Fail::Msg(fail))?;
        let held = self.holding(&c, id, "MSG_10053011")?;
        self.unique(c.user_trade_code)?;
        self.charge(fee(BURN))?;
        if let Some(d) = self.ddcs.get_mut(id) {
            d.holders.remove(c.owner);
        }
        let tx = Move {
            tx_type: BURN,
            id,
            to: c.owner,
            from: "",
            quantity: held,
        };
        Ok(self.record(&c, tx))
    }

    /// DDC交易明细查询: optional filters; "" and 0 (the request example's values) filter nothing.
    pub fn transactions(&mut self, b: &Body) -> Outcome {
        let want = |k: &str| b.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
        let (trade, user) = (want("tradeCode"), want("userTradeCode"));
        let tx_type = body::opt_int(b, "txType")?.filter(|t| *t != 0);
        let rows: Vec<Value> = self
            .txs
            .iter()
            .filter(|t| trade.is_none_or(|x| t["tradeCode"] == x))
            .filter(|t| user.is_none_or(|x| t["userTradeCode"] == x))
            .filter(|t| tx_type.is_none_or(|x| t["txType"] == x))
            .cloned()
            .collect();
        // Decision: a tradeCode that names no transaction is MSG_10021051 算力交易流水号不正确.
        if trade.is_some() && rows.is_empty() {
            return Err(Fail::Msg("MSG_10021051"));
        }
        Ok(ok(Value::Array(rows)))
    }

    /// What `c.owner` holds of `id`, or `fail` when the DDC is unknown, of another chain or type,
    /// or not held (“DDC当前状态不可发送/销毁”).
    fn holding(&self, c: &Common, id: &str, fail: &'static str) -> Result<u64, Fail> {
        self.ddcs
            .get(id)
            .filter(|d| d.chain == c.chain.id && d.kind == c.kind)
            .and_then(|d| d.holders.get(c.owner).copied())
            .filter(|q| *q > 0)
            .ok_or(Fail::Msg(fail))
    }

    /// MSG_10053012 when `userTradeCode` was used before.
    fn unique(&self, user_trade_code: &str) -> Result<(), Fail> {
        if self
            .txs
            .iter()
            .any(|t| t["userTradeCode"] == user_trade_code)
        {
            return Err(Fail::Msg("MSG_10053012"));
        }
        Ok(())
    }

    fn record(&mut self, c: &Common, m: Move) -> Value {
        let trade_code = format!("DDC{:011}", self.txs.len() + 1);
        let hash = format!("0x{}", self.digest("tx"));
        let q = |t: i64| if m.tx_type == t { m.quantity } else { 0 };
        // Wire names as documented; ddcOwner is the recipient (接收者账户地址, notes §2.7).
        self.txs.push(json!({
            "burnQuantity": q(BURN),
            "ddcId": m.id,
            "ddcOwner": m.to,
            "ddcType": c.kind,
            "mintQuantity": q(MINT),
            "opbChainId": c.chain.id,
            "opbChainName": c.chain.name,
            "sendAccount": m.from,
            "tradeCode": trade_code,
            "tradeQuantity": q(SEND),
            "txHash": hash,
            "txStatus": 1,
            "txType": m.tx_type,
            "userTradeCode": c.user_trade_code,
        }));
        ok(json!({"tradeCode": trade_code}))
    }
}

/// One movement of a DDC.
struct Move<'a> {
    tx_type: i64,
    id: &'a str,
    to: &'a str,
    from: &'a str,
    quantity: u64,
}

fn fee(tx_type: i64) -> i64 {
    FEES.iter()
        .find(|(t, _)| *t == tx_type)
        .map_or(0, |(_, c)| *c)
}
