//! Seed 004, Huawei Cloud: IAM `POST /v3/auth/tokens` and BCS `/v2/{project_id}/…` (plus the
//! E2EE plug-in's `/v1/e2ee/org/…`). BCS accepts an IAM token in `X-Auth-Token` or an AK/SK
//! signature in `Authorization`.

pub mod iam;

use axum::response::Response;
use serde_json::json;

use crate::app::{json, Req, Shared};
use crate::verify::aksk;

pub use iam::State;

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
    json(route.status, route.response.clone())
}

fn authenticate(s: &Shared, req: &Req) -> Result<(), Box<Response>> {
    if let Some(token) = req.header("x-auth-token") {
        return if s.huawei.token_valid(token, crate::now_secs()) {
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
