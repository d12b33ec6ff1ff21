//! The four §3.6 认证 reports (`/auth/api/v1/…`): series, assets, transfers and destructions that
//! a platform on another chain reports in lists of at most 100.
//!
//! No endpoint reads reports back, so the sandbox keeps exactly what later reports are checked
//! against: series ids and names, and per reported asset its transfer/destroy `txHash`es and
//! whether it was destroyed. A list is checked item by item against the state as the earlier
//! items leave it, and stored only if every item passes.
//!
//! Decisions: §3.6 is "面向非主链用户", so its series and assets are a namespace of their own,
//! apart from the registration API's; a destroyed asset no longer exists for later reports
//! (`tokenBID不存在`); `txHash重复` is per asset, as the document says
//! ("校验同一tokenBid,不同资产可重复").

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use serde_json::{Map, Value};

use super::validate::{self, item, max_chars, url, Checked, Fields};

/// The most items one report may carry (§3.6.2–3.6.5: 不超过100).
const MAX_ITEMS: usize = 100;

#[derive(Clone, Default)]
struct Asset {
    tx_hashes: HashSet<String>,
    destroyed: bool,
}

#[derive(Clone, Default)]
struct Inner {
    series_ids: HashSet<String>,
    series_names: HashSet<String>,
    assets: HashMap<String, Asset>,
}

/// Everything reported so far.
#[derive(Default)]
pub struct Reports {
    inner: Mutex<Inner>,
}

/// Which of the four reports.
#[derive(Clone, Copy)]
pub enum Kind {
    /// §3.6.2 `/auth/api/v1/series`.
    Series,
    /// §3.6.3 `/auth/api/v1/dna`.
    Dna,
    /// §3.6.4 `/auth/api/v1/dna/transfer`.
    Transfer,
    /// §3.6.5 `/auth/api/v1/dna/destroy`.
    Destroy,
}

impl Reports {
    /// Checks and stores one report body.
    pub fn accept(&self, kind: Kind, body: &Map<String, Value>) -> Checked<()> {
        let items = Fields(body).list("data", MAX_ITEMS)?;
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut next = inner.clone();
        for value in items {
            let f = item(value)?;
            match kind {
                Kind::Series => next.series(&f)?,
                Kind::Dna => next.dna(&f)?,
                Kind::Transfer => next.event(&f, true)?,
                Kind::Destroy => next.event(&f, false)?,
            }
        }
        *inner = next;
        Ok(())
    }
}

impl Inner {
    /// §3.6.2. `seriesId` is `Object[]` (example `["21"]`): the application's id and the ids of
    /// related sub-series, each a non-empty string.
    fn series(&mut self, f: &Fields) -> Checked<()> {
        let name = f.required("seriesName")?;
        max_chars(Some(name), 50, "集合名称不应超过50个字符")?;
        // Required like §3.4.1's issuer (the rule in core/src/dna/api.rs).
        f.required("seriesIssuer")?;
        for field in ["externalUrl", "asset_contracts"] {
            f.optional(field)?;
        }
        max_chars(f.optional("seriesDes")?, 200, "集合描述不允许超过200个字符")?;
        f.number("totalDNA")?;
        let ids = match f.0.get("seriesId") {
            None | Some(Value::Null) => return Err("seriesId必填".into()),
            Some(Value::Array(ids)) if !ids.is_empty() => ids,
            Some(_) => return Err("请检查请求参数,seriesId应为字符串数组".into()),
        };
        let ids: Vec<&str> = ids
            .iter()
            .map(|id| match id {
                Value::String(s) if s.is_empty() => Err(validate::EMPTY.to_owned()),
                Value::String(s) => Ok(s.as_str()),
                _ => Err("请检查请求参数,seriesId应为字符串数组".into()),
            })
            .collect::<Checked<_>>()?;
        if !self.series_names.insert(name.to_owned()) {
            return Err("集合名称重复".into());
        }
        for id in ids {
            if !self.series_ids.insert(id.to_owned()) {
                return Err("集合ID重复".into());
            }
        }
        Ok(())
    }

    /// §3.6.3.
    fn dna(&mut self, f: &Fields) -> Checked<()> {
        let series_id = f.required("seriesId")?;
        let name = f.required("dnaName")?;
        max_chars(Some(name), 50, "资产名称不应超过50个字符")?;
        f.required("dnaNumber")?;
        let token = f.required("tokenBid")?;
        max_chars(
            f.optional("dnaDes")?,
            200,
            "数字资产描述不允许超过200个字符",
        )?;
        if !matches!(f.optional("dnaType")?, None | Some("0" | "1" | "2")) {
            return Err("请检查请求参数,dnaType应为0、1或2".into());
        }
        url(f.optional("url")?, "请输入正确格式的数字资产url")?;
        url(
            f.optional("displayUrl")?,
            "请输入正确格式的数字资产缩略图url",
        )?;
        for field in ["hash", "mintTime"] {
            f.optional(field)?;
        }
        // The holder, required like §3.5.1's `toBid`: transfers and destructions update it.
        f.required("owner")?;
        f.number("dnaPrice")?;
        max_chars(
            f.optional("extension")?,
            1024,
            "扩展字段不允许超过1024个字符",
        )?;
        if !self.series_ids.contains(series_id) {
            return Err("集合ID不存在".into());
        }
        if self.assets.contains_key(token) {
            return Err("tokenBID重复".into());
        }
        self.assets.insert(token.to_owned(), Asset::default());
        Ok(())
    }

    /// §3.6.4 (`transfer`) or §3.6.5; both carry `Time` with a capital T, as documented.
    fn event(&mut self, f: &Fields, transfer: bool) -> Checked<()> {
        let token = f.required("tokenBid")?;
        f.required("fromBid")?;
        if transfer {
            f.required("toBid")?;
        }
        let tx_hash = f.required("txHash")?;
        f.required("Time")?;
        let asset = match self.assets.get_mut(token) {
            Some(a) if !a.destroyed => a,
            _ => return Err("tokenBID不存在".into()),
        };
        if !asset.tx_hashes.insert(tx_hash.to_owned()) {
            return Err("txHash重复".into());
        }
        asset.destroyed = !transfer;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn report(reports: &Reports, kind: Kind, item: Value) -> Checked<()> {
        let body = json!({ "data": [item] });
        reports.accept(kind, body.as_object().unwrap())
    }

    /// The series issuer and the asset owner are required (as core requires them); the
    /// descriptive fields are not.
    #[test]
    fn required_and_optional_fields() {
        let reports = Reports::default();
        let series = json!({"seriesName": "花", "seriesId": ["21"]});
        assert_eq!(
            report(&reports, Kind::Series, series.clone()),
            Err("seriesIssuer必填".into())
        );
        let mut with_issuer = series;
        with_issuer["seriesIssuer"] = "玫瑰".into();
        assert_eq!(report(&reports, Kind::Series, with_issuer), Ok(()));

        let asset = json!({"seriesId": "21", "dnaName": "我的资产1", "dnaNumber": "1-1",
            "tokenBid": "did:bid:efE6X1PbTCneGX3zipFM28EpWasfKmCc"});
        assert_eq!(
            report(&reports, Kind::Dna, asset.clone()),
            Err("owner必填".into())
        );
        let mut with_owner = asset;
        with_owner["owner"] = "did:bid:ljcp:efPmKkmEoacVxRxB4aK1661148815779".into();
        assert_eq!(report(&reports, Kind::Dna, with_owner), Ok(()));
    }
}
