//! One handler per documented DNA route (after the token check): read the inputs where the
//! document puts them, validate, ask the state, shape the documented payload.
//!
//! Decision: GET inputs other than the path templates travel in the query string (notes_002:
//! "Parameter location is never stated"); a missing one answers `<name>必填`.

use serde_json::{Map, Value};

use super::reports::Kind;
use super::tx::Signed;
use super::validate::{self, Checked, Fields, Page};
use super::{fields, Dna};
use crate::app::Req;

/// The payload of route `id` (a catalog id) for `req`, with its decoded path parameters.
pub fn route(dna: &Dna, id: &str, req: &Req, params: &[String]) -> Checked<Map<String, Value>> {
    let param = params.first().map(String::as_str).unwrap_or_default();
    let store = &dna.store;
    match id {
        "account_upload" => {
            store.upload_accounts(validate::accounts(&validate::body(&req.body)?)?);
            Ok(Map::new())
        }
        "series_add" => {
            let (id, created) = store.add_series(validate::series(&validate::body(&req.body)?)?)?;
            Ok(fields([
                ("seriesId", id.into()),
                ("createTime", created.into()),
            ]))
        }
        "series_list" => Ok(listing(store.series_list(&page(req)?))),
        "series_detail" => store.series_detail(param),
        "series_dna_list" => Ok(listing(store.series_assets(param, &page(req)?)?)),
        "mint_dna" => {
            let body = validate::body(&req.body)?;
            let asset = validate::asset(&Fields(&body))?;
            message(store.mint(vec![asset])?)
        }
        "batch_mint_dna" => {
            let body = validate::body(&req.body)?;
            let assets = Fields(&body)
                .list("data", 100)?
                .iter()
                .map(|v| validate::asset(&validate::item(v)?))
                .collect::<Checked<Vec<_>>>()?;
            message(store.mint(assets)?)
        }
        "transfer_dna" => {
            let body = validate::body(&req.body)?;
            let f = Fields(&body);
            let token = f.required("tokenBid")?;
            let from = f.required_or("fromBid", "用户数字资产持有者地址必填")?;
            let to = f.required("toBid")?;
            message(store.transfer(token, from, to, &signed(&f)?)?)
        }
        "burn_dna" => {
            let body = validate::body(&req.body)?;
            let f = Fields(&body);
            let token = f.required("tokenBid")?;
            let from = f.required("fromBid")?;
            message(store.burn(token, from, &signed(&f)?)?)
        }
        "user_dna_list" => Ok(listing(store.user_assets(param, &page(req)?))),
        "dna_detail" => {
            let detail = store.asset_detail(&query(req, "tokenBid")?)?;
            Ok(fields([("data", detail)]))
        }
        "dna_records" => Ok(listing(store.records(param, &page(req)?)?)),
        "chain_status" => {
            let (token, kind) = (query(req, "tokenBid")?, query(req, "type")?);
            let state = store.chain_status(&token, &kind, &query(req, "txHash")?)?;
            Ok(fields([("state", state.into())]))
        }
        "token_owner_of" => Ok(fields([("bidAddress", store.owner_of(param).into())])),
        "message_result" => Ok(fields([("data", store.message(param)?)])),
        "chain_nonce" => {
            let nonce = store.nonce(&query(req, "userBid")?)?;
            Ok(fields([("nonce", nonce.into())]))
        }
        "auth_series" => report(dna, Kind::Series, req),
        "auth_dna" => report(dna, Kind::Dna, req),
        "auth_dna_transfer" => report(dna, Kind::Transfer, req),
        "auth_dna_destroy" => report(dna, Kind::Destroy, req),
        // Every DNA route in the catalog is handled above; a new one must be added here.
        other => Err(format!("请检查请求参数,未实现的接口{other}")),
    }
}

fn page(req: &Req) -> Checked<Page> {
    Page::parse(|name| req.query_param(name))
}

fn query(req: &Req, name: &str) -> Checked<String> {
    match req.query_param(name) {
        None => Err(format!("{name}必填")),
        Some(v) if v.is_empty() => Err(validate::EMPTY.into()),
        Some(v) => Ok(v),
    }
}

fn listing((total, rows): (usize, Vec<Value>)) -> Map<String, Value> {
    fields([("total", total.into()), ("data", rows.into())])
}

fn message(id: String) -> Checked<Map<String, Value>> {
    Ok(fields([("messageId", id.into())]))
}

fn signed<'a>(f: &Fields<'a>) -> Checked<Signed<'a>> {
    Ok(Signed {
        serialization: f.required("serialization")?,
        sign_data: f.required("signData")?,
        public_key: f.required("publicKey")?,
    })
}

fn report(dna: &Dna, kind: Kind, req: &Req) -> Checked<Map<String, Value>> {
    dna.reports.accept(kind, &validate::body(&req.body)?)?;
    Ok(Map::new())
}
