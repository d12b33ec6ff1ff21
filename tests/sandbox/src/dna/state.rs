//! The registration platform's memory: accounts, series, assets, records and chain messages.
//!
//! Rules (seed 002 §3.5): every write that touches the chain (mint, batch mint, transfer, burn) is
//! accepted at once with a `messageId` in state 0 (已提交); it settles `message_delay_ms` later,
//! checked lazily at the start of every request, in submission order. Only then do its effects
//! apply: minted assets appear, owners change, records are written. A transfer or burn whose
//! owner changed in between settles as state 1 (上链失败) with the reason in `info[].message`.
//! The account nonce is bumped when a signed transaction is accepted, not when it settles.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Number, Value};
use sha2::{Digest, Sha256};

use super::tx::{self, Call, Signed, Verified};
use super::validate::{Checked, Page};
use super::{bid, fields};

/// A validated §3.4.1 series.
pub struct NewSeries {
    /// seriesIssuer.
    pub issuer: String,
    /// seriesName.
    pub name: String,
    /// seriesDes.
    pub des: String,
    /// externalUrl.
    pub external_url: String,
}

/// A validated §3.5.1 asset; `owner` is its `toBid`.
pub struct NewAsset {
    /// seriesId.
    pub series_id: String,
    /// dnaName.
    pub name: String,
    /// dnaNumber.
    pub number: String,
    /// dnaDes.
    pub des: String,
    /// url.
    pub url: String,
    /// hash.
    pub hash: String,
    /// displayUrl.
    pub display_url: String,
    /// toBid.
    pub owner: String,
    /// dnaPrice, kept as sent (199, 1.24).
    pub price: Number,
    /// dnaCategory.
    pub category: String,
    /// extension.
    pub extension: String,
}

struct Series {
    id: String,
    created: String,
    new: NewSeries,
}

#[derive(PartialEq)]
enum Life {
    /// Its mint message has not settled: known to chain/status, invisible elsewhere.
    Pending,
    Live,
    Burned,
}

struct Asset {
    token_bid: String,
    created: String,
    life: Life,
    new: NewAsset,
}

/// What a message does when it settles; also its §3.5.7 `operation` and §3.5.8 `type`.
#[derive(Clone)]
enum Effect {
    Mint,
    Transfer { from: String, to: String },
    Burn { from: String },
}

impl Effect {
    fn operation(&self) -> u8 {
        match self {
            Effect::Mint => 0,
            Effect::Transfer { .. } => 1,
            Effect::Burn { .. } => 2,
        }
    }

    fn status_type(&self) -> u8 {
        self.operation() + 1
    }
}

struct Message {
    id: String,
    tx_hash: String,
    due: Instant,
    /// 0 submitted, 1 failed, 2 succeeded (§3.5.10).
    state: u8,
    effect: Effect,
    /// The assets it touches, with the per-asset failure reason.
    tokens: Vec<(String, String)>,
}

struct Record {
    token_bid: String,
    tx_hash: String,
    operation: u8,
    from: String,
    to: String,
    date: String,
}

#[derive(Default)]
struct Inner {
    counter: u64,
    /// bid → (phone hash, current nonce).
    accounts: HashMap<String, (String, i64)>,
    series: Vec<Series>,
    assets: Vec<Asset>,
    records: Vec<Record>,
    messages: Vec<Message>,
}

/// The registration state of the sandbox's one application.
pub struct Store {
    delay: Duration,
    /// Mixed into every generated id so two sandboxes never hand out the same ones.
    seed: [u8; 32],
    app_id: String,
    /// The application's own BID: the `fromBid` of mint records (§3.5.7 example).
    operator: String,
    inner: Mutex<Inner>,
}

/// "2022-09-16 16:22:58" in China Standard Time, the document's timestamp format.
fn now_text() -> String {
    let t = time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+8));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A UUID-shaped id (seriesId, appId look like `0af84ba9-545b-40b3-854a-a94d6bb626d6`).
fn uuid(bytes: &[u8]) -> String {
    let h = hex::encode(&bytes[..16]);
    format!(
        "{}-{}-4{}-a{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

/// The `appId` of the application with `api_key`, stable across runs.
pub fn app_id(api_key: &str) -> String {
    uuid(&Sha256::digest(api_key.as_bytes()))
}

impl Inner {
    fn fresh(&mut self, seed: &[u8; 32]) -> [u8; 32] {
        self.counter += 1;
        let mut h = Sha256::new();
        h.update(seed);
        h.update(self.counter.to_be_bytes());
        h.finalize().into()
    }

    fn asset(&self, token: &str) -> Option<&Asset> {
        self.assets.iter().find(|a| a.token_bid == token)
    }

    fn live(&self, token: &str) -> Option<&Asset> {
        self.asset(token).filter(|a| a.life == Life::Live)
    }

    /// Applies every message that is due, oldest first; mints come from `operator`.
    fn settle(&mut self, now: Instant, operator: &str) {
        let date = now_text();
        for i in 0..self.messages.len() {
            let m = &self.messages[i];
            if m.state != 0 || m.due > now {
                continue;
            }
            let (effect, tx_hash) = (m.effect.clone(), m.tx_hash.clone());
            let tokens: Vec<String> = m.tokens.iter().map(|(t, _)| t.clone()).collect();
            let mut failure = None;
            for token in &tokens {
                match self.apply(&effect, token, operator) {
                    Ok((from, to)) => self.records.push(Record {
                        token_bid: token.clone(),
                        tx_hash: tx_hash.clone(),
                        operation: effect.operation(),
                        from,
                        to,
                        date: date.clone(),
                    }),
                    Err(reason) => failure = Some(reason),
                }
            }
            let m = &mut self.messages[i];
            match failure {
                Some(reason) => {
                    m.state = 1;
                    m.tokens.iter_mut().for_each(|(_, r)| *r = reason.clone());
                }
                None => m.state = 2,
            }
        }
    }

    /// One asset's part of a settling message: the record's `(fromBid, toBid)`, or why the chain
    /// refuses it now.
    fn apply(
        &mut self,
        effect: &Effect,
        token: &str,
        operator: &str,
    ) -> Result<(String, String), String> {
        let Some(asset) = self.assets.iter_mut().find(|a| a.token_bid == token) else {
            return Err("数字资产bid不存在".into());
        };
        match effect {
            Effect::Mint => {
                asset.life = Life::Live;
                Ok((operator.to_owned(), asset.new.owner.clone()))
            }
            Effect::Transfer { from, to } => {
                if asset.life != Life::Live || asset.new.owner != *from {
                    return Err("用户数字资产持有者地址不正确".into());
                }
                asset.new.owner = to.clone();
                Ok((from.clone(), to.clone()))
            }
            Effect::Burn { from } => {
                if asset.life != Life::Live || asset.new.owner != *from {
                    return Err("用户数字资产持有者不正确".into());
                }
                asset.life = Life::Burned;
                Ok((from.clone(), String::new()))
            }
        }
    }

    fn queue(
        &mut self,
        seed: &[u8; 32],
        due: Instant,
        tx_hash: String,
        effect: Effect,
        tokens: Vec<String>,
    ) -> String {
        let id = hex::encode(&self.fresh(seed)[..16]);
        self.messages.push(Message {
            id: id.clone(),
            tx_hash,
            due,
            state: 0,
            effect,
            tokens: tokens.into_iter().map(|t| (t, String::new())).collect(),
        });
        id
    }
}

fn asset_json(a: &Asset) -> Value {
    let n = &a.new;
    json!({
        "seriesId": n.series_id,
        "tokenBid": a.token_bid,
        "dnaNumber": n.number,
        "createTime": a.created,
        "dnaName": n.name,
        "dnaDes": n.des,
        "displayUrl": n.display_url,
        "dnaCategory": n.category,
        "hash": n.hash,
        "extension": n.extension,
        "url": n.url,
        "dnaPrice": n.price,
    })
}

impl Store {
    /// An empty platform for the application `api_key`.
    pub fn new(api_key: &str, message_delay_ms: u64) -> Self {
        let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
        let seed = Sha256::digest(format!("{nanos}:{}:{api_key}", std::process::id()));
        Self {
            delay: Duration::from_millis(message_delay_ms),
            seed: seed.into(),
            app_id: app_id(api_key),
            operator: api_key.to_owned(),
            inner: Mutex::default(),
        }
    }

    /// The state with every due message applied.
    fn settled(&self) -> MutexGuard<'_, Inner> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.settle(Instant::now(), &self.operator);
        inner
    }

    /// §3.3.5: activates (or re-hashes) accounts; a known account keeps its nonce.
    pub fn upload_accounts(&self, accounts: Vec<(String, String)>) {
        let mut inner = self.settled();
        for (bid, phone) in accounts {
            inner.accounts.entry(bid).or_insert((String::new(), 0)).0 = phone;
        }
    }

    /// §3.4.1: `(seriesId, createTime)`.
    pub fn add_series(&self, new: NewSeries) -> Checked<(String, String)> {
        let mut inner = self.settled();
        if inner.series.iter().any(|s| s.new.name == new.name) {
            return Err("集合名称不允许重复".into());
        }
        let id = uuid(&inner.fresh(&self.seed));
        let created = now_text();
        inner.series.push(Series {
            id: id.clone(),
            created: created.clone(),
            new,
        });
        Ok((id, created))
    }

    fn series_json(&self, s: &Series) -> Map<String, Value> {
        let text = |v: &String| Value::String(v.clone());
        fields([
            ("seriesId", text(&s.id)),
            ("appId", text(&self.app_id)),
            ("seriesIssuer", text(&s.new.issuer)),
            ("seriesName", text(&s.new.name)),
            ("seriesDes", text(&s.new.des)),
            ("externalUrl", text(&s.new.external_url)),
            ("createTime", text(&s.created)),
        ])
    }

    /// §3.4.2, in creation order.
    pub fn series_list(&self, page: &Page) -> (usize, Vec<Value>) {
        let inner = self.settled();
        page.apply(
            inner
                .series
                .iter()
                .map(|s| Value::Object(self.series_json(s))),
        )
    }

    /// §3.4.3: the series fields, flattened into the envelope by the caller.
    pub fn series_detail(&self, id: &str) -> Checked<Map<String, Value>> {
        let inner = self.settled();
        let series = inner.series.iter().find(|s| s.id == id);
        series
            .map(|s| self.series_json(s))
            .ok_or_else(|| "集合id不存在".into())
    }

    /// §3.4.4: the series' live assets, in mint order.
    pub fn series_assets(&self, id: &str, page: &Page) -> Checked<(usize, Vec<Value>)> {
        let inner = self.settled();
        if !inner.series.iter().any(|s| s.id == id) {
            return Err("集合id不存在".into());
        }
        let rows = inner.assets.iter().filter(|a| a.life == Life::Live);
        Ok(page.apply(rows.filter(|a| a.new.series_id == id).map(asset_json)))
    }

    /// §3.5.1/§3.5.2: one message for the whole list, all-or-nothing.
    ///
    /// Decision: `dnaNumber` is unique within its series over every asset ever minted there,
    /// pending and burned included, and within the list itself (`数字资产名称编号重复`).
    pub fn mint(&self, assets: Vec<NewAsset>) -> Checked<String> {
        let mut inner = self.settled();
        for (i, a) in assets.iter().enumerate() {
            if !inner.series.iter().any(|s| s.id == a.series_id) {
                return Err("集合ID不存在".into());
            }
            let taken = |b: &NewAsset| b.series_id == a.series_id && b.number == a.number;
            if inner.assets.iter().any(|b| taken(&b.new)) || assets[..i].iter().any(taken) {
                return Err("数字资产名称编号重复".into());
            }
        }
        let created = now_text();
        let mut tokens = Vec::with_capacity(assets.len());
        for new in assets {
            let token_bid = bid::address('e', &inner.fresh(&self.seed));
            tokens.push(token_bid.clone());
            inner.assets.push(Asset {
                token_bid,
                created: created.clone(),
                life: Life::Pending,
                new,
            });
        }
        let tx_hash = hex::encode(inner.fresh(&self.seed));
        let due = Instant::now() + self.delay;
        Ok(inner.queue(&self.seed, due, tx_hash, Effect::Mint, tokens))
    }

    /// §3.5.3 with the transaction from §3.3.3.
    pub fn transfer(&self, token: &str, from: &str, to: &str, signed: &Signed) -> Checked<String> {
        let mut inner = self.settled();
        let owner = &inner.live(token).ok_or("数字资产bid不正确")?.new.owner;
        let Some(&(_, current)) = inner.accounts.get(from) else {
            return Err("用户数字资产持有者地址不存在".into());
        };
        if owner != from {
            return Err("用户数字资产持有者地址不正确".into());
        }
        // Decision: "保证都是应用下的账户" (§3.5.3): the receiver must be an uploaded account.
        if !inner.accounts.contains_key(to) {
            return Err("用户接收数字资产的地址不正确".into());
        }
        let verified = tx::verify(&Call::Transfer { from, to, token }, signed)?;
        let effect = Effect::Transfer {
            from: from.to_owned(),
            to: to.to_owned(),
        };
        self.accept(&mut inner, from, current, verified, effect, token)
    }

    /// §3.5.4 with the transaction from §3.3.4.
    pub fn burn(&self, token: &str, from: &str, signed: &Signed) -> Checked<String> {
        let mut inner = self.settled();
        let owner = &inner.live(token).ok_or("数字资产bid不存在")?.new.owner;
        let Some(&(_, current)) = inner.accounts.get(from) else {
            return Err("用户数字资产持有者不存在".into());
        };
        if owner != from {
            return Err("用户数字资产持有者不正确".into());
        }
        let verified = tx::verify(&Call::Burn { from, token }, signed)?;
        let effect = Effect::Burn {
            from: from.to_owned(),
        };
        self.accept(&mut inner, from, current, verified, effect, token)
    }

    /// Takes a verified transaction whose signer `from` has nonce `current`.
    ///
    /// Decision (seed 002 §3.5.11 "获取当前地址nonce值"): `chain/nonce` answers the CURRENT nonce,
    /// 0 for a fresh account; a transaction must carry current + 1, and accepting it bumps the
    /// account at once, so the next one needs current + 2 even before this one settles.
    fn accept(
        &self,
        inner: &mut Inner,
        from: &str,
        current: i64,
        verified: Verified,
        effect: Effect,
        token: &str,
    ) -> Checked<String> {
        if verified.nonce != current + 1 {
            return Err(format!(
                "请检查请求参数,交易nonce应为{}(当前nonce为{current})",
                current + 1
            ));
        }
        inner
            .accounts
            .entry(from.to_owned())
            .and_modify(|a| a.1 = verified.nonce);
        let due = Instant::now() + self.delay;
        let tokens = vec![token.to_owned()];
        Ok(inner.queue(&self.seed, due, verified.tx_hash, effect, tokens))
    }

    /// §3.5.5: live assets owned by `owner`. An unknown bid simply owns nothing (no documented
    /// message).
    pub fn user_assets(&self, owner: &str, page: &Page) -> (usize, Vec<Value>) {
        let inner = self.settled();
        let rows = inner.assets.iter().filter(|a| a.life == Life::Live);
        page.apply(rows.filter(|a| a.new.owner == owner).map(asset_json))
    }

    /// §3.5.6. Decision: a burned asset keeps its registration detail and records; it leaves the
    /// lists and has no owner.
    pub fn asset_detail(&self, token: &str) -> Checked<Value> {
        let inner = self.settled();
        match inner.asset(token) {
            Some(a) if a.life != Life::Pending => Ok(asset_json(a)),
            _ => Err("tokenBid不存在".into()),
        }
    }

    /// §3.5.7, newest first as in the example.
    pub fn records(&self, token: &str, page: &Page) -> Checked<(usize, Vec<Value>)> {
        let inner = self.settled();
        let asset = match inner.asset(token) {
            Some(a) if a.life != Life::Pending => a,
            _ => return Err("数字资产bid不存在".into()),
        };
        let rows = inner.records.iter().rev().filter(|r| r.token_bid == token);
        Ok(page.apply(rows.map(|r| {
            json!({
                "txHash": r.tx_hash,
                "operation": r.operation,
                "fromBid": r.from,
                "toBid": r.to,
                "operationDate": r.date,
                "dnaNumber": asset.new.number,
                "createTime": asset.created,
            })
        })))
    }

    /// §3.5.8: the state of the `kind` message `tx_hash` about `token`.
    pub fn chain_status(&self, token: &str, kind: &str, tx_hash: &str) -> Checked<u8> {
        let inner = self.settled();
        if inner.asset(token).is_none() {
            return Err("tokenBid不存在".into());
        }
        let kind: u8 = match kind {
            "1" | "2" | "3" => kind.parse().unwrap_or_default(),
            _ => return Err("无效的type".into()),
        };
        inner
            .messages
            .iter()
            .find(|m| {
                m.tx_hash == tx_hash
                    && m.effect.status_type() == kind
                    && m.tokens.iter().any(|(t, _)| t == token)
            })
            .map(|m| m.state)
            .ok_or_else(|| "hash或该tokenid对应的type操作不存在".into())
    }

    /// §3.5.9: `"[bid]"` as documented, `""` when the asset has no owner (decision: "没结果则为空").
    pub fn owner_of(&self, token: &str) -> String {
        let inner = self.settled();
        inner
            .live(token)
            .map(|a| format!("[{}]", a.new.owner))
            .unwrap_or_default()
    }

    /// §3.5.10 `data`.
    pub fn message(&self, id: &str) -> Checked<Value> {
        let inner = self.settled();
        let m = inner
            .messages
            .iter()
            .find(|m| m.id == id)
            .ok_or("不存在的消息id")?;
        let info: Vec<Value> = m
            .tokens
            .iter()
            .filter_map(|(token, message)| {
                let a = inner.asset(token)?;
                Some(json!({
                    "seriesId": a.new.series_id,
                    "tokenBid": token,
                    "dnaNumber": a.new.number,
                    "message": message,
                }))
            })
            .collect();
        Ok(json!({"state": m.state, "info": info, "txHash": m.tx_hash}))
    }

    /// §3.5.11: the account's current nonce.
    pub fn nonce(&self, bid: &str) -> Checked<i64> {
        let inner = self.settled();
        inner
            .accounts
            .get(bid)
            .map(|(_, nonce)| *nonce)
            .ok_or_else(|| "userBid不存在".into())
    }
}
