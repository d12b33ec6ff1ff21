//! The fuzz entry points: one function per target, each taking the raw fuzz input.
//!
//! The cargo-fuzz binaries in `fuzz_targets/` call these, and `core/tests/fuzz_regressions.rs`
//! includes this file to replay `seeds/` and `regressions/` through the same functions on every
//! `cargo test`, so it may use only crates chainkit-core's tests have.
//!
//! Inputs that carry an HTTP answer use a text form a mutator can work with and a person can
//! read: a first line (status, or a mode), then `name: value` header lines, then an empty line,
//! then the body bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use chainkit_core::auth::huawei::{AkSk, Algorithm, Signer};
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::auth::{dna, iam, ulord};
use chainkit_core::bif::{
    base58, proto, transfer_input, verify, Address, KeyType, PrivateKey, PublicKey,
};
use chainkit_core::http::{HeaderName, HeaderValue, StatusCode};
use chainkit_core::response::{error_from_response, retry_after};
use chainkit_core::{
    ClientConfig, ErrorKind, Executor, NoAuth, Request, Response, Runtime, Secret,
};

/// 2023-11-14T22:13:20Z: "now" for every parser that takes the time of receipt.
const NOW: Duration = Duration::from_secs(1_700_000_000);

/// The leading lines, the headers and the body of the text form described above.
struct Parts<'a> {
    lines: Vec<&'a [u8]>,
    headers: Vec<(&'a [u8], &'a [u8])>,
    body: &'a [u8],
}

/// The next line of `rest` without its `\n` (or `\r\n`), `rest` moved past it.
fn line<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    if rest.is_empty() {
        return None;
    }
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let line = &rest[..end];
    *rest = rest.get(end + 1..).unwrap_or_default();
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

/// `leading` lines, then headers up to an empty line, then the body.
fn split(data: &[u8], leading: usize) -> Parts<'_> {
    let mut rest = data;
    let lines = (0..leading).map_while(|_| line(&mut rest)).collect();
    let mut headers = Vec::new();
    while let Some(l) = line(&mut rest) {
        if l.is_empty() {
            break;
        }
        let colon = l.iter().position(|&b| b == b':').unwrap_or(l.len());
        headers.push((
            &l[..colon],
            l.get(colon + 1..).unwrap_or_default().trim_ascii(),
        ));
    }
    Parts {
        lines,
        headers,
        body: rest,
    }
}

/// An HTTP answer from the text form; `None` when the status or a header cannot be one.
fn response(data: &[u8]) -> Option<Response> {
    let parts = split(data, 1);
    let status: u16 = std::str::from_utf8(parts.lines.first()?)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let mut builder =
        chainkit_core::http::Response::builder().status(StatusCode::from_u16(status).ok()?);
    for (name, value) in parts.headers {
        builder = builder.header(
            HeaderName::from_bytes(name).ok()?,
            HeaderValue::from_bytes(value).ok()?,
        );
    }
    builder.body(parts.body.to_vec()).ok()
}

/// `decode_transaction`: any bytes as a BIF serialization, raw keys and a signature.
pub fn decode_transaction(data: &[u8]) {
    // Deriving a key is the slow part; one fixed key serves every input.
    static SM2: OnceLock<PublicKey> = OnceLock::new();
    if let Ok(d) = proto::decode(data) {
        assert_eq!(d.canonical, d.transaction.encode() == data);
        let _ = d.transaction.to_json();
    }
    for kt in [KeyType::Ed25519, KeyType::Sm2] {
        let _ = PrivateKey::from_raw(kt, data);
        let _ = PublicKey::from_raw(kt, data);
    }
    let key = SM2.get_or_init(|| {
        PrivateKey::from_raw(KeyType::Sm2, &[7; 32])
            .unwrap()
            .public_key()
    });
    let _ = verify(key, data, data);
}

/// `parse_text`: any UTF-8 through every BIF text decoder; what parses prints back.
pub fn parse_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(a) = Address::parse(text) {
        assert_eq!(Address::parse(&a.to_string()).ok(), Some(a));
    }
    if let Ok(k) = PrivateKey::parse(text) {
        let again = PrivateKey::parse(k.to_enc().expose()).ok();
        assert_eq!(again.map(|x| *x.raw()), Some(*k.raw()));
    }
    if let Ok(p) = PublicKey::parse(text) {
        assert_eq!(PublicKey::parse(&p.to_enc()).ok(), Some(p));
    }
    let _ = proto::decode_hex(text);
    let _ = transfer_input(text, text, text);
}

/// `base58`: any UTF-8 decodes or is refused; what decodes encodes back to the same text
/// once leading-zero handling is accounted for, and any bytes round-trip.
pub fn base58(data: &[u8]) {
    let encoded = base58::encode(data);
    assert_eq!(base58::decode(&encoded, "fuzz").ok().as_deref(), Some(data));
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(bytes) = base58::decode(text, "fuzz") {
        assert_eq!(
            base58::encode(&bytes),
            text,
            "BIF Base58 has one spelling per value"
        );
    }
}

/// `error_response`: any answer of status ≥ 400 becomes an error of the matching kind, and its
/// Retry-After never panics, whatever the headers and body.
pub fn error_response(data: &[u8]) {
    let Some(res) = response(data) else { return };
    let _ = retry_after(&res, NOW);
    let status = res.status().as_u16();
    if status < 400 {
        return;
    }
    let e = error_from_response("fuzz", &res, NOW);
    let kind = match status {
        401 | 403 => ErrorKind::Unauthorized,
        429 => ErrorKind::RateLimited,
        _ => ErrorKind::Api,
    };
    assert_eq!((e.kind(), e.status()), (kind, Some(status)));
    let _ = e.to_string();
}

/// A transport that answers whatever the current input says.
struct Canned(Mutex<Option<Response>>);

#[async_trait::async_trait]
impl chainkit_core::Transport for Canned {
    async fn send(&self, _: Request) -> chainkit_core::Result<Response> {
        self.0
            .lock()
            .unwrap()
            .take()
            .ok_or_else(|| chainkit_core::Error::network("no answer"))
    }
}

/// Never wakes: with a transport that answers at once, no attempt can time out.
struct Never;

#[async_trait::async_trait]
impl chainkit_core::runtime::Sleep for Never {
    async fn sleep(&self, _: Duration) {
        futures::future::pending::<()>().await
    }
}

/// Every endpoint vector with a valid input (`tests/vectors/*/requests.json`, kind
/// `endpoint_request`): (service, endpoint, input). New services' vectors join by themselves.
fn endpoints() -> &'static [(String, String, serde_json::Value)] {
    static ALL: OnceLock<Vec<(String, String, serde_json::Value)>> = OnceLock::new();
    ALL.get_or_init(|| {
        // core/fuzz when built as the fuzz crate, core when compiled into core's tests.
        let root = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors"),
        ]
        .into_iter()
        .find(|d| std::path::Path::new(d).is_dir())
        .expect("tests/vectors");
        let mut all = Vec::new();
        let mut dirs: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for dir in dirs {
            let Ok(text) = std::fs::read_to_string(dir.join("requests.json")) else {
                continue;
            };
            let file: serde_json::Value = serde_json::from_str(&text).unwrap();
            for case in file["cases"].as_array().into_iter().flatten() {
                let input = &case["input"];
                if case["expected"].get("error").is_none() {
                    all.push((
                        input["service"].as_str().unwrap().to_owned(),
                        input["endpoint"].as_str().unwrap().to_owned(),
                        input["input"].clone(),
                    ));
                }
            }
        }
        assert!(!all.is_empty(), "no endpoint vectors under {root}");
        all
    })
}

/// `service_answers`: the first byte picks a defined endpoint (from the vectors), the rest is
/// its answer, decoded through the executor, the service's envelope check and the typed output.
pub fn service_answers(data: &[u8]) {
    static CLIENT: OnceLock<(Executor, Arc<Canned>)> = OnceLock::new();
    let (executor, canned) = CLIENT.get_or_init(|| {
        let canned = Arc::new(Canned(Mutex::new(None)));
        let mut config = ClientConfig::new("https://fuzz.example/base/").unwrap();
        config.retry.max_attempts = 1;
        let runtime = Runtime {
            transport: canned.clone(),
            clock: Arc::new(chainkit_core::SystemClock),
            sleep: Arc::new(Never),
            random: Arc::new(chainkit_core::OsRandom),
        };
        (Executor::new(config, runtime), canned)
    });
    let Some((&pick, answer)) = data.split_first() else {
        return;
    };
    let Some(res) = response(answer) else { return };
    let all = endpoints();
    let (service, name, input) = &all[usize::from(pick) % all.len()];
    let status = res.status().as_u16();
    *canned.0.lock().unwrap() = Some(res);
    let call = chainkit_core::dispatch::call_json(
        service,
        name,
        executor.clone(),
        Arc::new(NoAuth),
        input,
    );
    // Nothing here waits (the answer is at hand, no attempt is retried), so one poll finishes.
    let Poll::Ready(out) = pin!(call).poll(&mut Context::from_waker(Waker::noop())) else {
        panic!("{service}.{name} waited with its answer at hand");
    };
    if let Err(e) = out {
        assert!(
            e.kind() != ErrorKind::Network,
            "the canned answer was not taken: {e}"
        );
        if status >= 400 {
            assert_eq!(e.status(), Some(status));
        }
    }
}

/// `token_answers`: an answer to each token request (DNA getToken, IAM, the Ulord login in both
/// session modes). First line: `jwt` wraps the body as the claims of a DNA token, so the fuzzer
/// reaches the JWT's `exp` without having to write Base64; anything else is the status.
pub fn token_answers(data: &[u8]) {
    let wrapped;
    let data = match data.strip_prefix(b"jwt\n") {
        Some(claims) => {
            use base64::Engine as _;
            let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims);
            wrapped = format!(
                "200\ncontent-type: application/json\n\n{{\"retCode\":200,\"accessToken\":\"eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln\"}}"
            )
            .into_bytes();
            &wrapped[..]
        }
        None => data,
    };
    let Some(res) = response(data) else { return };
    if let Ok(t) = dna::parse_token(&res, NOW) {
        assert!(!t.value.is_empty());
    }
    let _ = iam::parse_token(&res, NOW);
    let _ = ulord::parse_login(&res, NOW, &AdminSession::Cookie);
    let token = AdminSession::Token {
        header: "authorization".into(),
        prefix: "Token ".into(),
    };
    let _ = ulord::parse_login(&res, NOW, &token);
}

/// `huawei_sign`: a caller's request through AK/SK canonicalisation and signing, both as plain
/// parts and as an `http::Request`, with both algorithms. First line: the method; second: the
/// URL; then headers and body.
pub fn huawei_sign(data: &[u8]) {
    static SIGNERS: OnceLock<[Signer; 2]> = OnceLock::new();
    let signers = SIGNERS.get_or_init(|| {
        [Algorithm::HmacSha256, Algorithm::HmacSm3].map(|alg| {
            let creds = AkSk {
                access_key: "FUZZACCESSKEY0000001".into(),
                secret_key: Secret::new("fuzz-secret".to_owned()),
                project_id: Some("0123456789abcdef0123456789abcdef".into()),
                security_token: None,
            };
            Signer::new(creds, alg).unwrap()
        })
    });
    let parts = split(data, 2);
    let [method, url] = parts.lines[..] else {
        return;
    };
    let (method, url) = (
        String::from_utf8_lossy(method),
        String::from_utf8_lossy(url),
    );
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(n, v)| {
            (
                String::from_utf8_lossy(n).into_owned(),
                String::from_utf8_lossy(v).into_owned(),
            )
        })
        .collect();
    for signer in signers {
        if let Ok(signed) = signer.sign_parts(&method, &url, &headers, parts.body, NOW) {
            assert!(signed
                .headers
                .iter()
                .any(|(n, v)| n == "authorization" && *v == signed.authorization));
        }
        let mut builder = chainkit_core::http::Request::builder()
            .method(&*method)
            .uri(&*url);
        for (n, v) in &headers {
            builder = builder.header(n, v);
        }
        if let Ok(mut request) = builder.body(parts.body.to_vec()) {
            let _ = signer.sign(&mut request, NOW);
        }
    }
}
