//! Seed 000, 算力中心 OpenAPI under `/ddcoai/sys/v1/…`: header `apitoken` on all 15 endpoints.

use axum::response::Response;
use serde_json::json;

use crate::app::{json, Req, Shared};

mod accounts;
mod body;
pub mod state;
mod tokens;

pub use state::State;

/// Handles one DDC request.
pub fn handle(s: &Shared, req: &Req) -> Response {
    let Some(route) = s.catalog.find(req.method.as_str(), &req.path) else {
        // Spring Boot's default 404 body (the document is springfox-generated; /v3/api-docs).
        return json(
            404,
            json!({"status": 404, "error": "Not Found", "path": req.path}),
        );
    };
    // Seed 000 §0 error table: MSG_20010005 "apitoken 授权认证失败", code -1. The HTTP status is
    // not documented (every table lists 401 as boilerplate); the sandbox answers 401 with the
    // ResultInfo envelope so a client can classify either way.
    if req.header("apitoken") != Some(s.config.ddc.apitoken.as_str()) {
        return json(
            401,
            json!({"code": -1, "data": null, "errorLogCode": "0", "message": "MSG_20010005"}),
        );
    }
    match s
        .ddc
        .answer(&route.id, req.header("content-type"), &req.body)
    {
        Some(Ok(envelope)) => json(route.status, envelope),
        // Decision: business failures answer HTTP 200 with code -1, the ResultInfo way; the
        // document shows no failure status.
        Some(Err(body::Fail::Msg(code))) => json(
            200,
            json!({"code": -1, "data": null, "errorLogCode": s.ddc.log_code(), "message": code}),
        ),
        Some(Err(body::Fail::BadRequest)) => json(
            400,
            json!({"status": 400, "error": "Bad Request", "path": req.path}),
        ),
        None => json(route.status, route.response.clone()),
    }
}
