//! Seed 001 part 二, 交易相关 4-10 and 资源相关: publishing, paying for and listing resources.
//! A negative price marks an ad (notes §3.9): the publisher pays whoever consumes it.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::state::{
    amount, text, timestamp, uld, Bill, Body, Fail, Outcome, Page, Platform, Resource,
};

impl Platform {
    /// 发布资源 (交易相关 4): `tag` is a list of strings; decision: `ipfs_hash` must be a CIDv0 (`Qm` + 44
    /// base58 characters, like the seed's hashes), anything else fails as 20201 资源发布失败.
    pub fn publish(&mut self, b: &Body) -> Outcome {
        let (author, title) = (text(b, "author")?, text(b, "title")?);
        let tags = b.get("tag").and_then(Value::as_array).ok_or(Fail(20100))?;
        if !tags.iter().all(Value::is_string) {
            return Err(Fail(20100));
        }
        let ipfs = text(b, "ipfs_hash")?;
        let price = amount(b, "price")?;
        let content_type = text(b, "content_type")?;
        let (password, des) = (text(b, "pay_password")?, text(b, "description")?);
        self.wallet(author, password)?;
        let base58 = |c: u8| c.is_ascii_alphanumeric() && !b"0OIl".contains(&c);
        if !(ipfs.len() == 46 && ipfs.starts_with("Qm") && ipfs.bytes().all(base58)) {
            return Err(Fail(20201));
        }
        let resource = Resource {
            id: self.resources.len() as i64 + 1,
            claim: self.hex(40),
            author: author.into(),
            title: title.into(),
            tags: tags.clone(),
            ipfs: ipfs.into(),
            price,
            content_type: content_type.into(),
            des: des.into(),
            created: timestamp(),
        };
        let out = json!({"id": resource.id, "claim_id": resource.claim});
        self.resources.push(resource);
        Ok(Some(out))
    }

    /// 检查是否付费 (交易相关 5): claim_id → ipfs hash (paid), false (未付费) or null (没有此记录).
    pub fn check(&mut self, b: &Body) -> Outcome {
        let user = text(b, "username")?;
        let claims = b
            .get("claim_ids")
            .and_then(Value::as_array)
            .ok_or(Fail(20100))?;
        if !self.wallets.contains_key(user) {
            return Err(Fail(20003));
        }
        let mut out = Map::new();
        for claim in claims {
            let claim = claim.as_str().ok_or(Fail(20100))?;
            let answer = match self.resources.iter().find(|r| r.claim == claim) {
                None => Value::Null,
                Some(r) if self.paid(user, claim) => json!(r.ipfs),
                Some(_) => Value::Bool(false),
            };
            out.insert(claim.into(), answer);
        }
        Ok(Some(Value::Object(out)))
    }

    fn paid(&self, user: &str, claim: &str) -> bool {
        self.bills
            .iter()
            .any(|b| b.customer == user && b.claim == claim)
    }

    /// 消费资源 (交易相关 6): a normal resource is paid by the consumer (`customer_pay_password`), an ad by
    /// its publisher (`author_pay_password`); 20202 when the payer has too little. Decision: a
    /// resource is paid once per consumer; consuming it again just answers the hash.
    pub fn consume(&mut self, b: &Body) -> Outcome {
        let (user, claim) = (text(b, "username")?, text(b, "claim_id")?);
        let r = self.resources.iter().find(|r| r.claim == claim);
        let r = r.ok_or(Fail(20007))?;
        let (ipfs, author, price) = (r.ipfs.clone(), r.author.clone(), r.price);
        if price >= 0 {
            self.wallet(user, text(b, "customer_pay_password")?)?;
        } else {
            self.wallet(&author, text(b, "author_pay_password")?)?;
            if !self.wallets.contains_key(user) {
                return Err(Fail(20003));
            }
        }
        if !self.paid(user, claim) {
            let (from, to) = if price >= 0 {
                (user, author.as_str())
            } else {
                (author.as_str(), user)
            };
            self.transfer(from, to, price.abs(), 20202)?;
            let bill = Bill {
                claim: claim.into(),
                customer: user.into(),
                txid: self.hex(64),
                created: timestamp(),
            };
            self.bills.push(bill);
        }
        Ok(Some(json!({"ipfs_hash": ipfs})))
    }

    fn bills_with<'a>(
        &'a self,
        keep: impl Fn(&Bill, &Resource) -> bool + 'a,
    ) -> impl Iterator<Item = (&'a Bill, &'a Resource)> + 'a {
        self.bills.iter().filter_map(move |b| {
            let r = self.resources.iter().find(|r| r.claim == b.claim)?;
            keep(b, r).then_some((b, r))
        })
    }

    /// 发布者账单列表 (交易相关 7; the publisher's bills call the claim id `id`).
    pub fn publisher_bills(&self, b: &Body, pg: Page) -> Outcome {
        let author = text(b, "author")?;
        let rows = self
            .bills_with(|_, r| r.author == author)
            .map(|(b, r)| {
                json!({
                    "author": r.author, "create_timed": b.created, "customer": b.customer,
                    "id": r.claim, "price": uld(r.price), "title": r.title, "txid": b.txid,
                })
            })
            .collect();
        let (records, pages, total) = pg.cut(rows);
        Ok(Some(
            json!({"pages": pages, "records": records, "total": total}),
        ))
    }

    /// 消费者账单列表 (交易相关 8).
    pub fn customer_bills(&self, b: &Body, pg: Page) -> Outcome {
        let customer = text(b, "customer")?;
        let rows = self
            .bills_with(|b, _| b.customer == customer)
            .map(|(b, r)| {
                json!({
                    "claim_id": r.claim, "create_timed": b.created, "price": uld(r.price),
                    "title": r.title, "txid": b.txid,
                })
            })
            .collect();
        let (records, pages, total) = pg.cut(rows);
        Ok(Some(
            json!({"pages": pages, "records": records, "total": total}),
        ))
    }

    /// 收支总额 (交易相关 9): consumers spend on resources and earn from ads; publishers the reverse.
    /// `sum` is null when `count` is 0, as in the example.
    pub fn inout(&mut self, b: &Body) -> Outcome {
        let user = text(b, "username")?;
        let total = |keep: &dyn Fn(&Bill, &Resource) -> bool| {
            let (count, sum) = self
                .bills_with(keep)
                .fold((0, 0), |(n, s), (_, r)| (n + 1, s + r.price.abs()));
            json!({"count": count, "sum": if count == 0 { Value::Null } else { uld(sum) }})
        };
        Ok(Some(json!({
            "customer_expenditure": total(&|b, r| b.customer == user && r.price >= 0),
            "customer_income": total(&|b, r| b.customer == user && r.price < 0),
            "publisher_expenditure": total(&|_, r| r.author == user && r.price < 0),
            "publisher_income": total(&|_, r| r.author == user && r.price >= 0),
        })))
    }

    /// 资源总数 (交易相关 10).
    pub fn count(&mut self, b: &Body) -> Outcome {
        let author = text(b, "author")?;
        let count = self.resources.iter().filter(|r| r.author == author).count();
        Ok(Some(json!({"count": count})))
    }

    /// 资源相关 1. 资源列表查询 (GET, no body); decision: newest first, as a content feed lists.
    pub fn resources(&self, _: &Body, pg: Page) -> Outcome {
        let rows = self.resources.iter().rev().map(row).collect();
        let (data, pages, total) = pg.cut(rows);
        Ok(Some(json!({"total": total, "pages": pages, "data": data})))
    }

    /// 资源相关 2. 单用户已消费资源列表: decision (notes §3.5) the page is cut from all the
    /// consumer's resources, then split into `ads` and `consumes`.
    pub fn consumed(&self, b: &Body, pg: Page) -> Outcome {
        let customer = text(b, "customer")?;
        let mut seen = BTreeSet::new();
        let rows: Vec<&Resource> = self
            .bills_with(|b, _| b.customer == customer)
            .filter(|(_, r)| seen.insert(r.claim.clone()))
            .map(|(_, r)| r)
            .collect();
        let (rows, pages, total) = pg.cut(rows);
        let (ads, consumes): (Vec<&Resource>, Vec<&Resource>) =
            rows.into_iter().partition(|r| r.price < 0);
        Ok(Some(json!({
            "ads": ads.into_iter().map(row).collect::<Vec<_>>(),
            "consumes": consumes.into_iter().map(row).collect::<Vec<_>>(),
            "pages": pages,
            "total": total,
        })))
    }

    /// 资源相关 3. 单用户已发布资源列表.
    pub fn published(&self, b: &Body, pg: Page) -> Outcome {
        let author = text(b, "author")?;
        let rows = self
            .resources
            .iter()
            .filter(|r| r.author == author)
            .map(row)
            .collect();
        let (data, pages, total) = pg.cut(rows);
        Ok(Some(json!({"data": data, "pages": pages, "total": total})))
    }
}

/// A resource as the listings show it (`tags`, `des`: notes §3.3).
fn row(r: &Resource) -> Value {
    json!({
        "author": r.author, "claim_id": r.claim, "content_type": r.content_type,
        "create_timed": r.created, "currency": "ULD", "des": r.des, "id": r.id,
        "price": uld(r.price), "status": 1, "tags": r.tags, "title": r.title,
        "update_timed": null,
    })
}
