//! Seed 004, Huawei Cloud: IAM `POST /v3/auth/tokens` and BCS `/v2/{project_id}/…` (plus the
//! E2EE plug-in's `/v1/e2ee/org/…`). BCS accepts an IAM token in `X-Auth-Token` or an AK/SK
//! signature in `Authorization`. Requests are checked against the document's tables
//! (validate.rs), then answered from state (fabric.rs, members.rs, engine.rs, assets.rs) or, for
//! routes without state, with the documented example.

pub mod assets;
pub mod engine;
pub mod fabric;
pub mod iam;
pub mod members;
pub mod multipart;
pub mod state;
pub mod validate;

use axum::response::Response;
use serde_json::json;

use crate::app::{json, Req, Shared};
use crate::verify::aksk;

pub use state::State;

/// The API gateway's answer for a route it does not know.
pub fn not_found(req: &Req) -> Response {
    let _ = req;
    json(
        404,
        json!({"error_code": "APIGW.0101", "error_msg": "The API does not exist or has not been published in the environment", "request_id": request_id()}),
    )
}

/// An APIGW authentication failure: HTTP 401 with the gateway body (spec §10).
fn unauthorized(code: &str, msg: &str) -> Box<Response> {
    Box::new(json(
        401,
        json!({"error_code": code, "error_msg": msg, "request_id": request_id()}),
    ))
}

fn request_id() -> String {
    format!(
        "sbx{:029x}",
        time::OffsetDateTime::now_utc().unix_timestamp_nanos()
    )
}

/// Handles one IAM or BCS request.
pub async fn handle(s: &Shared, req: &Req) -> Response {
    if req.path == "/v3/auth/tokens" {
        return match req.method {
            axum::http::Method::POST => iam::issue(s, req),
            _ => not_found(req),
        };
    }
    let Some(route) = s.catalog.find(req.method.as_str(), &req.path) else {
        return not_found(req);
    };
    if let Err(r) = authenticate(s, req) {
        return *r;
    }
    // Every BCS path is under /v2/{project_id}/: a token or key of another project is refused.
    let project = crate::catalog::params(&route.path, &req.path)
        .first()
        .copied();
    if route.path.starts_with("/v2/{project_id}")
        && project != Some(s.config.huawei.project_id.as_str())
    {
        return json(
            403,
            json!({"error_code": "BCS.4030403", "error_msg": "project_id does not match the credentials"}),
        );
    }
    let Some(schema) = s.huawei.schemas.get(&route.id) else {
        return json(route.status, route.response.clone());
    };
    let body = match validate::check(schema, req) {
        Ok(body) => body,
        Err(fail) => return fail.render(schema.part()),
    };
    let decode = |p: &str| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    };
    let call = state::Call {
        id: &route.id,
        params: crate::catalog::params(&route.path, &req.path)
            .into_iter()
            .skip(usize::from(route.path.starts_with("/v2/{project_id}")))
            .map(decode)
            .collect(),
        req,
        body,
        project: &s.config.huawei.project_id,
        domain: &s.config.huawei.domain,
        delay: std::time::Duration::from_millis(s.config.huawei.op_delay_ms),
        ids: &s.huawei,
    };
    let answer = match schema.part() {
        state::Part::Fabric => fabric::handle(&mut state::lock(&s.huawei.fabric), &call),
        state::Part::Engine => engine::handle(&mut state::lock(&s.huawei.engine), &call),
    };
    match answer {
        Some(Ok(response)) => response,
        Some(Err(fail)) => fail.render(schema.part()),
        None => json(route.status, route.response.clone()),
    }
}

fn authenticate(s: &Shared, req: &Req) -> Result<(), Box<Response>> {
    if let Some(token) = req.header("x-auth-token") {
        return if s.huawei.iam.token_valid(token, crate::now_secs()) {
            Ok(())
        } else {
            Err(unauthorized(
                "APIGW.0301",
                "Incorrect IAM authentication information: x-auth-token not found",
            ))
        };
    }
    let Some(value) = req.header("authorization") else {
        return Err(unauthorized(
            "APIGW.0301",
            "Incorrect IAM authentication information: Authorization not found",
        ));
    };
    let Some(auth) = aksk::parse_authorization(value) else {
        return Err(unauthorized(
            "APIGW.0301",
            "Incorrect IAM authentication information: unsupported authorization",
        ));
    };
    if auth.access != s.config.huawei.ak {
        return Err(unauthorized(
            "APIGW.0301",
            &format!(
                "Incorrect IAM authentication information: ak {} not exist",
                auth.access
            ),
        ));
    }
    let signed = aksk::Signed {
        method: req.method.as_str(),
        path: &req.path,
        query: &req.query,
        headers: &req.headers,
        body: &req.body,
    };
    aksk::verify(&signed, &auth, &s.config.huawei.sk, crate::now_secs()).map_err(|why| {
        unauthorized(
            "APIGW.0301",
            &format!("Incorrect IAM authentication information: {why}"),
        )
    })
}
