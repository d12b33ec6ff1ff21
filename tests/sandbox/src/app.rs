//! Router assembly: the test-support routes, then every service behind one dispatcher that picks
//! the service from the path (the five real services live on different hosts; here they share one).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::Router;
use tower_http::cors::{AllowHeaders, Any, CorsLayer};

use crate::catalog::Catalog;
use crate::config::Config;
use crate::{ddc, dna, faults, huawei, pool, support, ulord};

/// Everything the services share.
pub struct Shared {
    /// Accepted credentials.
    pub config: Config,
    /// Every documented route.
    pub catalog: Catalog,
    /// DDC ledger.
    pub ddc: ddc::State,
    /// Ulord developer sessions.
    pub ulord: ulord::Sessions,
    /// Ulord platform state.
    pub ulord_state: ulord::State,
    /// DNA tokens, registration state and auth reports.
    pub dna: dna::Dna,
    /// Pool replay memory.
    pub pool: pool::Replay,
    /// Pool accounts, sub-accounts and workers.
    pub pool_state: pool::State,
    /// IAM tokens and BCS state.
    pub huawei: huawei::State,
}

/// One received request, as every service handler sees it.
pub struct Req {
    /// Method.
    pub method: Method,
    /// Raw path (still percent-encoded).
    pub path: String,
    /// Raw query, without `?`.
    pub query: String,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes.
    pub body: Bytes,
}

impl Req {
    /// A header as text, if present and visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A decoded query parameter.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| {
                percent_encoding::percent_decode_str(&v.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
    }
}

/// The whole sandbox.
pub fn app(config: Config) -> Router {
    let shared = Arc::new(Shared {
        dna: dna::Dna::new(&config.dna),
        ulord_state: ulord::State::new(&config.ulord),
        config,
        catalog: Catalog::load(),
        ddc: ddc::State::default(),
        ulord: ulord::Sessions::default(),
        pool: pool::Replay::default(),
        pool_state: pool::State::default(),
        huawei: huawei::State::default(),
    });
    let counts = Arc::new(faults::Counts::default());
    support::routes()
        .merge(faults::routes(counts.clone()))
        .merge(Router::new().fallback(dispatch).with_state(shared))
        .layer(axum::middleware::from_fn_with_state(counts, faults::inject))
        // Browser tests call the sandbox from another loopback origin; let them read every header.
        // Requested headers are mirrored rather than allowed as `*`, which browsers do not apply
        // to `Authorization` (the Ulord token session, the pool's JWT).
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods(Any)
                .allow_headers(AllowHeaders::mirror_request())
                .expose_headers(Any),
        )
}

async fn dispatch(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let req = Req {
        method,
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        headers,
        body,
    };
    let p = req.path.as_str();
    if p == "/" {
        pool::handle(&s, &req)
    } else if p.starts_with("/ddcoai/") {
        ddc::handle(&s, &req)
    } else if p.starts_with("/registration/") || p.starts_with("/auth/api/") {
        dna::handle(&s, &req)
    } else if p.starts_with("/_sandbox/dna/") {
        dna::control(&s, &req)
    } else if p.starts_with("/v3/") || p.starts_with("/v2/") || p.starts_with("/v1/e2ee/") {
        huawei::handle(&s, &req).await
    } else if p.starts_with("/v1/") {
        ulord::handle(&s, &req)
    } else {
        huawei::not_found(&req)
    }
}

/// A JSON response with `status`.
pub fn json(status: u16, body: serde_json::Value) -> Response {
    use axum::response::IntoResponse;
    let status = axum::http::StatusCode::from_u16(status)
        .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(body)).into_response()
}
