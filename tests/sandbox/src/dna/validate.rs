//! Request checks, answered with the seed's own 400 `retMsg` texts where it has them.
//!
//! Decisions (seed 002; none of its 是否必填 cells is filled in, notes_002):
//! - A field the operation cannot do without is required; a missing one answers `<field>必填`,
//!   the document's pattern (`apiKey必填`, `accessToken必填`). A string field that is present but
//!   empty answers `请检查请求参数,请求参数不能为空字符串`, optional fields included.
//! - Lengths count characters (Unicode scalar values), never bytes: the limits are written
//!   `不超过50个字符` and the examples are Chinese.
//! - Messages the document lacks start with `请检查请求参数,` and name the field.

use serde_json::{Map, Number, Value};

use super::bid;
use super::state::{NewAsset, NewSeries};

/// The documented answer to an empty string (every endpoint's 400 list).
pub const EMPTY: &str = "请检查请求参数,请求参数不能为空字符串";

/// A check's result: the error is the 400 `retMsg`.
pub type Checked<T> = Result<T, String>;

/// The JSON object a POST body must be.
pub fn body(bytes: &[u8]) -> Checked<Map<String, Value>> {
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err("请检查请求参数,请求体应为JSON对象".into()),
    }
}

/// Typed access to one JSON object's fields.
pub struct Fields<'a>(pub &'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// A required string; missing answers `<name>必填`.
    pub fn required(&self, name: &str) -> Checked<&'a str> {
        self.required_or(name, &format!("{name}必填"))
    }

    /// A required string with the document's own message for a missing value.
    pub fn required_or(&self, name: &str, missing: &str) -> Checked<&'a str> {
        self.optional(name)?.ok_or_else(|| missing.to_owned())
    }

    /// An optional string (absent or `null` is `None`); present means non-empty.
    pub fn optional(&self, name: &str) -> Checked<Option<&'a str>> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Err(EMPTY.into()),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("请检查请求参数,{name}应为字符串")),
        }
    }

    /// An optional non-negative JSON number (`dnaPrice`, `totalDNA`).
    pub fn number(&self, name: &str) -> Checked<Option<&'a Number>> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f >= 0.0) => Ok(Some(n)),
            Some(_) => Err(format!("请检查请求参数,{name}应为非负数字")),
        }
    }

    /// A required array of 1..=`max` items (`data` of the batch endpoints).
    pub fn list(&self, name: &str, max: usize) -> Checked<&'a [Value]> {
        match self.0.get(name) {
            None | Some(Value::Null) => Err(format!("{name}必填")),
            Some(Value::Array(items)) if items.is_empty() => Err(format!("{name}必填")),
            Some(Value::Array(items)) if items.len() > max => {
                Err(format!("请检查请求参数,{name}数量不允许超过{max}"))
            }
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(format!("请检查请求参数,{name}应为数组")),
        }
    }
}

/// The object at one position of a `data` list.
pub fn item(value: &Value) -> Checked<Fields<'_>> {
    value
        .as_object()
        .map(Fields)
        .ok_or_else(|| "请检查请求参数,data的每一项应为对象".into())
}

/// `value` has at most `max` characters, else `message`.
pub fn max_chars(value: Option<&str>, max: usize, message: &str) -> Checked<()> {
    match value {
        Some(v) if v.chars().count() > max => Err(message.into()),
        _ => Ok(()),
    }
}

/// An `http(s)://host…` URL, else `message` (the mint and auth `请输入正确格式的…url` texts).
pub fn url(value: Option<&str>, message: &str) -> Checked<()> {
    let host_start = value.map(|v| {
        v.strip_prefix("https://")
            .or_else(|| v.strip_prefix("http://"))
            .and_then(|rest| rest.chars().next())
    });
    match host_start {
        None => Ok(()),
        // `https:///www.123.com/` (seed §3.6.3 example) has no host: notes_002 lists it as a slip.
        Some(Some(c)) if c != '/' && !c.is_whitespace() => Ok(()),
        Some(_) => Err(message.into()),
    }
}

/// The 64 hex characters of a SHA-256 (§3.3.5 `phone`); either case.
pub fn is_sha256_hex(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// One page of a list (§3.4.2, §3.4.4, §3.5.5, §3.5.7).
///
/// Decision: the document types `pageNum`/`pageSize` as strings and never says where pages start;
/// pages count from 1, both are optional (default 1 and 20, the §3.4.2 example URL) and must be
/// positive integers.
pub struct Page {
    num: usize,
    size: usize,
}

impl Page {
    /// Reads `pageNum` and `pageSize` through `query`.
    pub fn parse(query: impl Fn(&str) -> Option<String>) -> Checked<Self> {
        let read = |name: &str, default: usize| match query(name) {
            None => Ok(default),
            Some(v) if v.is_empty() => Err(EMPTY.to_owned()),
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("请检查请求参数,{name}应为正整数")),
        };
        Ok(Self {
            num: read("pageNum", 1)?,
            size: read("pageSize", 20)?,
        })
    }

    /// The `total` and the rows of this page.
    pub fn apply<T>(&self, rows: impl Iterator<Item = T>) -> (usize, Vec<T>) {
        let rows: Vec<T> = rows.collect();
        let skip = (self.num - 1).saturating_mul(self.size);
        let total = rows.len();
        (total, rows.into_iter().skip(skip).take(self.size).collect())
    }
}

/// §3.3.5 account list: `(bid, lower-case phone hash)` per item, all checked before any is stored.
///
/// Decision: the seed states no limit for this list, so none is enforced.
pub fn accounts(body: &Map<String, Value>) -> Checked<Vec<(String, String)>> {
    let items = Fields(body).list("data", usize::MAX)?;
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let f = item(v)?;
            let n = i + 1;
            let phone = f.optional("phone")?.unwrap_or_default();
            if !is_sha256_hex(phone) {
                return Err(format!("第{n}个账号phone不是有效的hash256字符"));
            }
            let bid = f.optional("bid")?.unwrap_or_default();
            if !bid::is_valid(bid) {
                return Err(format!("第{n}个账号Bid地址格式不正确"));
            }
            Ok((bid.to_owned(), phone.to_ascii_lowercase()))
        })
        .collect()
}

/// §3.4.1 series fields.
///
/// Decision: `seriesName` ≤ 50 characters as the §3.4.1–3.4.3 field tables say, answered with the
/// §3.4.1 message text even though it says 30 (notes_002 "Series name: 50 vs 30").
pub fn series(body: &Map<String, Value>) -> Checked<NewSeries> {
    let f = Fields(body);
    let name = f.required("seriesName")?;
    max_chars(Some(name), 50, "集合名称过长,不允许超过30字符")?;
    let issuer = f.required("seriesIssuer")?;
    let des = f.optional("seriesDes")?;
    max_chars(des, 200, "集合描述不允许超过200个字符")?;
    Ok(NewSeries {
        issuer: issuer.to_owned(),
        name: name.to_owned(),
        des: des.unwrap_or_default().to_owned(),
        external_url: f.optional("externalUrl")?.unwrap_or_default().to_owned(),
    })
}

/// One §3.5.1/§3.5.2 asset.
///
/// Decisions: `seriesId`, `dnaName`, `dnaNumber` and `toBid` are required; `toBid` must be a
/// main-chain BID (no documented message); `dnaDes` ≤ 200 and `extension` ≤ 1024 (field tables;
/// the mint 400 list has no text for them, so the §3.4.1 wording is reused).
pub fn asset(f: &Fields) -> Checked<NewAsset> {
    let series_id = f.required("seriesId")?;
    let name = f.required("dnaName")?;
    max_chars(Some(name), 50, "数字资产名称不应超过50个字符")?;
    let number = f.required("dnaNumber")?;
    let des = f.optional("dnaDes")?;
    max_chars(des, 200, "数字资产描述不允许超过200个字符")?;
    let url_value = f.optional("url")?;
    url(url_value, "请输入正确格式的数字资产url")?;
    let display_url = f.optional("displayUrl")?;
    url(display_url, "请输入正确格式的数字资产缩略图url")?;
    let to = f.required("toBid")?;
    if !bid::is_valid(to) {
        return Err("请检查请求参数,toBid不是有效的BID地址".into());
    }
    let extension = f.optional("extension")?;
    max_chars(extension, 1024, "扩展字段不允许超过1024个字符")?;
    let text = |v: Option<&str>| v.unwrap_or_default().to_owned();
    Ok(NewAsset {
        series_id: series_id.to_owned(),
        name: name.to_owned(),
        number: number.to_owned(),
        des: text(des),
        url: text(url_value),
        hash: text(f.optional("hash")?),
        display_url: text(display_url),
        owner: to.to_owned(),
        // An absent price reads back as 0, so every documented field is always present.
        price: f.number("dnaPrice")?.cloned().unwrap_or_else(|| 0.into()),
        category: text(f.optional("dnaCategory")?),
        extension: text(extension),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn characters_not_bytes() {
        let fifty = "集".repeat(50);
        let body = obj(json!({"seriesName": fifty, "seriesIssuer": "央视"}));
        assert!(series(&body).is_ok(), "150 bytes, 50 characters");
        let body = obj(json!({"seriesName": "集".repeat(51), "seriesIssuer": "央视"}));
        assert_eq!(
            series(&body).err().unwrap(),
            "集合名称过长,不允许超过30字符"
        );
    }

    #[test]
    fn required_empty_and_typed() {
        assert_eq!(series(&obj(json!({}))).err().unwrap(), "seriesName必填");
        let body = obj(json!({"seriesName": "a", "seriesIssuer": ""}));
        assert_eq!(series(&body).err().unwrap(), EMPTY);
        let body = obj(json!({"seriesName": 5}));
        assert_eq!(
            series(&body).err().unwrap(),
            "请检查请求参数,seriesName应为字符串"
        );
    }

    #[test]
    fn urls() {
        let bad = "请输入正确格式的数字资产url";
        assert!(url(Some("http://ww.baidu.com"), bad).is_ok());
        assert!(url(None, bad).is_ok());
        for v in [
            "https:///www.123.com/",
            "ftp://x",
            "www.baidu.com",
            "http://",
        ] {
            assert_eq!(url(Some(v), bad), Err(bad.into()), "{v}");
        }
    }

    #[test]
    fn pages() {
        let q = |num: &'static str, size: &'static str| {
            move |name: &str| Some(if name == "pageNum" { num } else { size }.to_owned())
        };
        let page = Page::parse(q("2", "2")).unwrap();
        assert_eq!(page.apply(1..=5), (5, vec![3, 4]));
        assert_eq!(Page::parse(q("9", "2")).unwrap().apply(1..=5), (5, vec![]));
        assert_eq!(Page::parse(|_| None).unwrap().apply(1..=30).1.len(), 20);
        assert!(Page::parse(q("0", "2")).is_err());
        assert_eq!(Page::parse(q("", "2")).err().unwrap(), EMPTY);
    }

    #[test]
    fn account_list() {
        let phone = "708df4830e76a78ab932f8f3e525ded9d3bb8f7f0b22585d8fe93b6afb2d07b3";
        let bid = "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up";
        let ok = obj(json!({"data": [{"phone": phone.to_uppercase(), "bid": bid}]}));
        assert_eq!(accounts(&ok).unwrap(), vec![(bid.into(), phone.into())]);
        let bad = obj(json!({"data": [{"phone": phone, "bid": bid}, {"phone": "12", "bid": bid}]}));
        assert_eq!(
            accounts(&bad).err().unwrap(),
            "第2个账号phone不是有效的hash256字符"
        );
        let bad = obj(json!({"data": [{"phone": phone, "bid": "did:bid:nope"}]}));
        assert_eq!(accounts(&bad).err().unwrap(), "第1个账号Bid地址格式不正确");
    }
}
