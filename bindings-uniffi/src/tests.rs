//! Rust-side tests of the adaptation: error fields, redacted printing, the foreign transport.
//! The Kotlin tests (kotlin/src/test) cover the same through the generated bindings.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chainkit_core::{Error, ErrorKind};

use crate::{
    ChainkitError, Client, ClientOptions, HttpHeader, HttpRequest, HttpResponse, HttpTransport,
    RawRequest, RawResponse,
};

fn full_error(kind: ErrorKind) -> Error {
    Error::new(kind, "conflict")
        .with_service("dna")
        .with_status(409)
        .with_code("E409")
        .with_request_id("req-1")
        .with_retry_after(Duration::from_millis(1500))
}

#[test]
fn every_kind_keeps_every_field_and_the_core_text() {
    for kind in ErrorKind::ALL {
        let core = full_error(kind);
        let projected = ChainkitError::from(core.clone());
        assert_eq!(projected.to_string(), core.to_string());
        let back = Error::from(projected);
        assert_eq!(back.kind(), kind);
        assert_eq!(back.service(), Some("dna"));
        assert_eq!(back.status(), Some(409));
        assert_eq!(back.code(), Some("E409"));
        assert_eq!(back.message(), "conflict");
        assert_eq!(back.request_id(), Some("req-1"));
        assert_eq!(back.retry_after(), Some(Duration::from_millis(1500)));
    }
    let ChainkitError::RateLimited {
        detail,
        retry_after_ms,
        ..
    } = ChainkitError::from(full_error(ErrorKind::RateLimited))
    else {
        panic!("not RateLimited");
    };
    assert_eq!((detail.as_str(), retry_after_ms), ("conflict", Some(1500)));
}

#[test]
fn an_unexpected_foreign_exception_is_a_network_error() {
    let e = ChainkitError::from(uniffi::UnexpectedUniFFICallbackError::new(
        "java.io.IOException: reset",
    ));
    assert!(
        matches!(&e, ChainkitError::Network { detail, .. } if detail.contains("IOException: reset"))
    );
}

#[test]
fn printing_never_shows_a_secret() {
    let auth = HttpHeader {
        name: "Authorization".into(),
        value: "Bearer s3cr3t".into(),
    };
    let plain = HttpHeader {
        name: "x-plain".into(),
        value: "visible".into(),
    };
    let request = RawRequest::new(
        "GET".into(),
        "/t?apiSecret=s3cr3t&page=2".into(),
        vec![auth.clone(), plain.clone()],
        None,
        None,
    );
    let response = HttpResponse {
        status: 200,
        headers: vec![
            HttpHeader {
                name: "set-cookie".into(),
                value: "sid=s3cr3t".into(),
            },
            plain.clone(),
        ],
        body: br#"{"accessToken":"s3cr3t"}"#.to_vec(),
    };
    let raw = RawResponse {
        status: response.status,
        headers: response.headers.clone(),
        body: response.body.clone(),
    };
    let http_request = HttpRequest::from_core(
        chainkit_core::http::Request::builder()
            .uri("https://h.example/x?apiSecret=s3cr3t")
            .header("authorization", "Bearer s3cr3t")
            .body(Vec::new())
            .unwrap(),
    );
    let shown = [
        auth.to_string(),
        format!("{auth:?}"),
        request.to_string(),
        format!("{request:?}"),
        response.to_string(),
        format!("{response:?}"),
        raw.to_string(),
        http_request.to_string(),
        format!("{http_request:?}"),
        crate::Secret::new("s3cr3t".into()).to_string(),
    ];
    for text in &shown {
        assert!(!text.contains("s3cr3t"), "{text}");
    }
    assert_eq!(auth.to_string(), "Authorization: ***");
    assert_eq!(plain.to_string(), "x-plain: visible");
    assert!(request.to_string().contains("page=2") && request.to_string().contains("visible"));
    assert_eq!(
        raw.to_string(),
        "RawResponse(status=200, headers=[set-cookie: ***, x-plain: visible], body=<24 bytes>)"
    );
}

/// A foreign transport written in Rust: records what it was asked and answers from a script.
struct Canned {
    seen: Mutex<Vec<String>>,
    answer: fn() -> Result<HttpResponse, ChainkitError>,
}

#[async_trait]
impl HttpTransport for Canned {
    async fn send(&self, request: Arc<HttpRequest>) -> Result<HttpResponse, ChainkitError> {
        self.seen
            .lock()
            .unwrap()
            .push(format!("{} {}", request.method(), request.url()));
        (self.answer)()
    }
}

fn options(max_attempts: u32) -> ClientOptions {
    ClientOptions {
        timeout_ms: 1000,
        max_attempts,
        max_response_bytes: chainkit_core::transport::DEFAULT_MAX_RESPONSE_BYTES,
    }
}

#[tokio::test]
async fn a_foreign_transport_is_used_and_its_statuses_become_typed_errors() {
    let ok = Arc::new(Canned {
        seen: Mutex::default(),
        answer: || {
            Ok(HttpResponse {
                status: 200,
                headers: vec![],
                body: b"hi".to_vec(),
            })
        },
    });
    let client = Client::new(
        "https://api.invalid/base".into(),
        options(3),
        None,
        Some(ok.clone()),
    )
    .unwrap();
    let get = Arc::new(RawRequest::new(
        "GET".into(),
        "/v1/x?a=1".into(),
        vec![],
        None,
        None,
    ));
    let res = client.request(get).await.unwrap();
    assert_eq!((res.status, res.body.as_slice()), (200, &b"hi"[..]));
    assert_eq!(
        *ok.seen.lock().unwrap(),
        ["GET https://api.invalid/base/v1/x?a=1"]
    );

    let conflict = Arc::new(Canned {
        seen: Mutex::default(),
        answer: || {
            Ok(HttpResponse {
                status: 409,
                headers: vec![HttpHeader {
                    name: "x-request-id".into(),
                    value: "r-9".into(),
                }],
                body: br#"{"code":"E409","message":"conflict"}"#.to_vec(),
            })
        },
    });
    let client = Client::new(
        "https://api.invalid".into(),
        options(3),
        None,
        Some(conflict),
    )
    .unwrap();
    let post = Arc::new(RawRequest::new(
        "POST".into(),
        "/x".into(),
        vec![],
        None,
        None,
    ));
    let e = client.request(post).await.unwrap_err();
    let ChainkitError::Api {
        status,
        code,
        request_id,
        ..
    } = &e
    else {
        panic!("{e:?}");
    };
    assert_eq!(
        (*status, code.as_deref(), request_id.as_deref()),
        (Some(409), Some("E409"), Some("r-9"))
    );
}

#[tokio::test]
async fn a_failing_foreign_transport_keeps_its_error_kind() {
    let offline = Arc::new(Canned {
        seen: Mutex::default(),
        answer: || Err(Error::network("offline").into()),
    });
    let client = Client::new(
        "https://api.invalid".into(),
        options(2),
        None,
        Some(offline.clone()),
    )
    .unwrap();
    let get = Arc::new(RawRequest::new(
        "GET".into(),
        "/x".into(),
        vec![],
        None,
        None,
    ));
    let e = client.request(get).await.unwrap_err();
    assert!(
        matches!(&e, ChainkitError::Network { detail, .. } if detail == "offline"),
        "{e:?}"
    );
    // A network failure of an idempotent call is retried: two attempts, as configured.
    assert_eq!(offline.seen.lock().unwrap().len(), 2);
}

#[test]
fn bad_options_and_base_urls_are_rejected() {
    let e = Client::new("not a url".into(), options(1), None, None).err();
    assert!(matches!(e, Some(ChainkitError::Config { .. })), "{e:?}");
    let zero = ClientOptions {
        timeout_ms: 0,
        ..options(1)
    };
    let e = Client::new("https://h.example".into(), zero, None, None).err();
    assert!(
        matches!(e, Some(ChainkitError::InvalidInput { .. })),
        "{e:?}"
    );
}
