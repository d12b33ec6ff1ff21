//! Credentials for `Client` and the two signers on their own, for callers with their own HTTP
//! stack. Signing itself is core's; this file only converts JS values.

use std::time::Duration;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::auth::huawei::{sign_parts, AkSk};
use chainkit_core::auth::pool::{PoolCredentials, Signer as PoolSigner, DEFAULT_TTL};
use chainkit_core::runtime::{Clock, OsRandom, SystemClock};
use chainkit_core::Error;
use js_sys::{Array, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::error::to_js;
use crate::guard;
use crate::input::{from_js, text, to_json};
use crate::types::{JsHuaweiSignInit, JsPoolSignInit};

/// `Credentials` from a JS object, checked like any input (no NaN, no lone surrogate, bounded
/// depth), then through JSON text, so a type error never quotes a value (core's message names
/// the field, not its content, which may be a secret).
pub fn credentials_from_js(value: &JsValue) -> Result<Credentials, JsValue> {
    let json = to_json(value, "credentials", &[])
        .map_err(|e| to_js(&Error::config(e.message().to_owned())))?;
    Credentials::from_json(&json.to_string()).map_err(|e| to_js(&e))
}

/// A signing time: milliseconds since 1970, finite and not negative.
fn now(now_ms: Option<f64>) -> Result<Duration, JsValue> {
    match now_ms {
        Some(ms) if ms >= 0.0 => Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| {
            to_js(&Error::invalid_input(
                "nowMs is too large for a time in milliseconds since 1970",
            ))
        }),
        Some(_) => Err(to_js(&Error::invalid_input(
            "nowMs must be a time in milliseconds since 1970, not negative",
        ))),
        None => SystemClock.now().map_err(|e| to_js(&e)),
    }
}

fn set(o: &Object, k: &str, v: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HuaweiInit {
    method: String,
    url: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
    credentials: AkSkInit,
    now_ms: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AkSkInit {
    access_key: String,
    secret_key: String,
    project_id: Option<String>,
    security_token: Option<String>,
    #[serde(default)]
    algorithm: chainkit_core::auth::huawei::Algorithm,
}

/// Signs a request with Huawei AK/SK (`SDK-HMAC-SHA256` or `SDK-HMAC-SM3`) at `nowMs`
/// (default: now). Returns `{url, headers}` to send exactly as given: the query is in canonical
/// order and the added headers (`X-Sdk-Date`, `Authorization`, …) are included.
#[wasm_bindgen(js_name = signHuawei, unchecked_return_type = "HuaweiSigned")]
pub fn sign_huawei(init: JsHuaweiSignInit) -> Result<JsValue, JsValue> {
    guard::sync(|| sign_huawei_js(&init.into()))
}

fn sign_huawei_js(init: &JsValue) -> Result<JsValue, JsValue> {
    let i: HuaweiInit = from_js(init, "signHuawei", &[])?;
    let credentials = AkSk {
        access_key: i.credentials.access_key,
        secret_key: i.credentials.secret_key.into(),
        project_id: i.credentials.project_id,
        security_token: i.credentials.security_token.map(Into::into),
    };
    let signed = sign_parts(
        &i.method,
        &i.url,
        &i.headers,
        i.body.as_bytes(),
        &credentials,
        i.credentials.algorithm,
        now(i.now_ms)?,
    )
    .map_err(|e| to_js(&e))?;
    let o = Object::new();
    set(&o, "url", &signed.url.into());
    let headers: Array = signed
        .headers
        .iter()
        .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
        .collect();
    set(&o, "headers", &headers);
    Ok(o.into())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PoolInit {
    client_id: String,
    secret_key: String,
    secret_salt: String,
    action: String,
    now_ms: Option<f64>,
    ttl_s: Option<u64>,
}

/// Signs one mining-pool call (seed 003) with fresh `rnd` and `signNonce`: returns
/// `{authorization, body, sign}`, `body` being the JSON text to POST.
#[wasm_bindgen(js_name = signPool, unchecked_return_type = "PoolSigned")]
pub fn sign_pool(init: JsPoolSignInit) -> Result<JsValue, JsValue> {
    guard::sync(|| sign_pool_js(&init.into()))
}

/// `data` from `params`: `JSON.stringify(params)` exactly (the caller's key order and number
/// text), once checked like any input; a string is the data text itself; absent is `{}`.
fn pool_data(init: &JsValue) -> Result<String, JsValue> {
    let params = if init.is_object() {
        Reflect::get(init, &"params".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if params.is_undefined() || params.is_null() {
        return Ok("{}".to_owned());
    }
    if params.is_string() {
        return text(&params, "signPool.params").map_err(|e| to_js(&e));
    }
    to_json(&params, "signPool.params", &[]).map_err(|e| to_js(&e))?;
    js_sys::JSON::stringify(&params)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            to_js(&Error::invalid_input(
                "signPool.params must be a plain object",
            ))
        })
}

fn sign_pool_js(init: &JsValue) -> Result<JsValue, JsValue> {
    let i: PoolInit = from_js(init, "signPool", &["params"])?;
    let data = pool_data(init)?;
    let signer = PoolSigner::new(PoolCredentials {
        client_id: i.client_id,
        secret_key: i.secret_key.into(),
        secret_salt: i.secret_salt.into(),
    })
    .map_err(|e| to_js(&e))?;
    let call = signer
        .sign_fresh(
            &i.action,
            &data,
            now(i.now_ms)?,
            &OsRandom,
            i.ttl_s.map_or(DEFAULT_TTL, Duration::from_secs),
        )
        .map_err(|e| to_js(&e))?;
    let o = Object::new();
    set(&o, "authorization", &call.authorization.into());
    set(&o, "body", &call.body.into());
    set(&o, "sign", &call.sign.into());
    Ok(o.into())
}
