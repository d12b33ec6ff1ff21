//! The Huawei signer's unit tests: the official vector, both entry points, hostile input.

use super::date::DateText;
use super::plan::Added;
use super::*;

fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Request {
    let mut b = http::Request::builder().method(method).uri(url);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(body.as_bytes().to_vec()).unwrap()
}

fn creds() -> AkSk {
    AkSk {
        access_key: "AccessKey".into(),
        secret_key: "SecretKey".into(),
        project_id: None,
        security_token: None,
    }
}

/// The official PY-T `test_signer1` vector, as quoted in the spec's §1 worked example.
#[test]
fn official_python_sdk_vector() {
    let mut req = request(
        "GET",
        "https://service.endpoint.myhuaweicloud.com/resources?size=1",
        &[("X-Sdk-Date", "20200608T023900Z")],
        "",
    );
    let sig = sign(&mut req, &creds(), Algorithm::HmacSha256, Duration::ZERO).unwrap();
    assert_eq!(
        sig.canonical_request,
        "GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sig.string_to_sign,
        "SDK-HMAC-SHA256\n20200608T023900Z\nde94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f"
    );
    assert_eq!(
        req.headers()["authorization"],
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"
    );
}

#[test]
fn added_headers_get_what_they_iterate() {
    let credentials = AkSk {
        project_id: Some("p1 ".into()),
        security_token: Some(" token ".into()),
        ..creds()
    };
    for unsigned_payload in [None, Some("x-sdk-content-sha256")] {
        let added = Added {
            project_id: credentials.project_id.as_deref(),
            security_token: credentials.security_token.as_ref().map(Secret::expose),
            unsigned_payload,
            date: Some(DateText::new(Duration::from_secs(1_764_000_000)).unwrap()),
            host: Some("h:1".into()),
        };
        for (name, value) in added.iter() {
            assert_eq!(added.get(name), Some(value), "{name}");
        }
        for name in ["content-type", "x-sdk-content-sm3", "authorization"] {
            assert_eq!(added.get(name), None, "{name}");
        }
        assert_eq!(
            added.iter().count(),
            4 + usize::from(unsigned_payload.is_some())
        );
    }
}

#[test]
fn fifty_thousand_headers_are_checked_without_comparing_every_pair() {
    let mut headers: Vec<(String, String)> = (0..50_000)
        .map(|i| (format!("x-h{i}"), "v".into()))
        .collect();
    let url = "https://bcs.example/v2/p/blockchains";
    let now = Duration::from_secs(1_764_000_000);
    let signed = sign_parts(
        "GET",
        url,
        &headers,
        b"",
        &creds(),
        Algorithm::HmacSha256,
        now,
    );
    assert!(signed.is_ok());
    headers.push(("x-h5".into(), "again".into()));
    let err = sign_parts(
        "GET",
        url,
        &headers,
        b"",
        &creds(),
        Algorithm::HmacSha256,
        now,
    )
    .unwrap_err();
    assert!(
        err.message().contains("x-h5 is given more than once"),
        "{err}"
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let cases: Vec<(Request, AkSk)> = vec![
        (
            request("GET", "https://h/x", &[("x_under", "1")], ""),
            creds(),
        ),
        (
            request("GET", "https://h/x", &[("x-a", "1"), ("x-a", "2")], ""),
            creds(),
        ),
        (
            request("GET", "https://h/x", &[("X-Sdk-Date", "yesterday")], ""),
            creds(),
        ),
        (
            request("GET", "https://h/x", &[("Authorization", "x")], ""),
            creds(),
        ),
        (
            request("GET", "https://h/x", &[], ""),
            AkSk {
                access_key: String::new(),
                ..creds()
            },
        ),
        (
            request("GET", "https://h/x", &[], ""),
            AkSk {
                secret_key: "密钥".into(),
                ..creds()
            },
        ),
        (request("GET", "https://h/%FF", &[], ""), creds()),
        (request("GET", "/relative", &[], ""), creds()),
    ];
    for (mut req, c) in cases {
        let err = sign(&mut req, &c, Algorithm::HmacSha256, Duration::ZERO).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
}

/// A prepared signer (HMAC keyed once) signs exactly as the one-shot functions, for both
/// algorithms and temporary credentials, and reports bad credentials when it is built.
#[test]
fn a_prepared_signer_signs_as_the_one_shot_functions() {
    let c = AkSk {
        project_id: Some("p1".into()),
        security_token: Some("sts".into()),
        ..creds()
    };
    let headers = [("Content-Type", "application/json"), ("X-A", " 1 ")];
    let now = Duration::from_secs(1_764_000_000);
    for algorithm in [Algorithm::HmacSha256, Algorithm::HmacSm3] {
        let signer = Signer::new(c.clone(), algorithm).unwrap();
        for _ in 0..2 {
            let url = "https://h.example/v2/x?b=2&a=1";
            let prepared = signer
                .sign_parts("POST", url, &headers, b"{}", now)
                .unwrap();
            let one_shot = sign_parts("POST", url, &headers, b"{}", &c, algorithm, now).unwrap();
            assert_eq!(prepared, one_shot);
            let mut req = request("POST", url, &headers, "{}");
            let sig = signer.sign(&mut req, now).unwrap();
            assert_eq!(sig.authorization, one_shot.authorization);
        }
        assert!(!format!("{signer:?}").contains("SecretKey"), "{signer:?}");
    }
    for bad in [
        AkSk {
            secret_key: "密钥".into(),
            ..creds()
        },
        AkSk {
            access_key: String::new(),
            ..creds()
        },
        AkSk {
            project_id: Some("p\n1".into()),
            ..creds()
        },
    ] {
        let err = Signer::new(bad, Algorithm::HmacSha256).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
}

#[test]
fn credentials_from_the_official_environment_names() {
    let env = |name: &str| match name {
        "HUAWEICLOUD_SDK_AK" => Some("ak".to_owned()),
        "HUAWEICLOUD_SDK_SK" => Some("sk".to_owned()),
        "HUAWEICLOUD_SDK_PROJECT_ID" => Some("p1".to_owned()),
        _ => None,
    };
    let c = AkSk::from_lookup(env).unwrap();
    assert_eq!(
        (
            c.access_key.as_str(),
            c.secret_key.expose(),
            c.project_id.as_deref()
        ),
        ("ak", "sk", Some("p1"))
    );
    assert!(c.security_token.is_none());
    assert!(!format!("{c:?}").contains("\"sk\""), "{c:?}");
    let err =
        AkSk::from_lookup(|n| (n == "HUAWEICLOUD_SDK_AK").then(|| "ak".to_owned())).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.message().contains("HUAWEICLOUD_SDK_SK"));
}

/// The two entry points share one plan; this pins that they send the same thing, including
/// the rewrites: a given header the signer replaces, a trimmed value, an unsignable value
/// left alone, an explicit port, a query put in order.
#[test]
fn sign_parts_sends_what_sign_puts_on_the_request() {
    let headers = [
        ("Content-Type", "text/plain"),
        ("X-Project-Id", "stale"),
        ("X-Pad", " \u{a0}v\t"),
        ("Content-Length", " 3 "),
    ];
    let url = "https://h.example:8443/a%20b/c?z=1&a=%2F&k";
    let c = AkSk {
        project_id: Some("p1".into()),
        security_token: Some("sts".into()),
        ..creds()
    };
    let now = Duration::from_secs(1_764_000_000);
    let parts = sign_parts("put", url, &headers, b"abc", &c, Algorithm::HmacSha256, now).unwrap();
    let mut req = request("put", url, &headers, "abc");
    let sig = sign(&mut req, &c, Algorithm::HmacSha256, now).unwrap();
    let on_request: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("?").to_owned()))
        .collect();
    assert_eq!(parts.headers, on_request);
    assert_eq!(parts.url, req.uri().to_string());
    assert_eq!(parts.url, "https://h.example:8443/a%20b/c?a=%2F&k=&z=1");
    assert_eq!(parts.authorization, sig.authorization);
    let sent: Vec<(&str, &str)> = parts
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        sent[..6],
        [
            ("content-type", "text/plain"),
            ("x-project-id", "p1"),
            ("x-pad", "v"),
            ("content-length", " 3 "),
            ("x-security-token", "sts"),
            ("x-sdk-content-sha256", "UNSIGNED-PAYLOAD"),
        ]
    );
    assert!(sig.canonical_request.starts_with(
        "PUT\n/a%20b/c/\na=%2F&k=&z=1\ncontent-type:text/plain\nhost:h.example:8443\nx-pad:v\n"
    ));
    assert!(sig.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
    assert!(
        sig.string_to_sign.contains("\n20251124T160000Z\n"),
        "{}",
        sig.string_to_sign
    );
}

/// More headers than the stack array holds take the heap path, with the same result.
#[test]
fn many_headers_spill_to_the_heap() {
    let headers: Vec<(String, String)> = (0..INLINE_HEADERS + 6)
        .rev()
        .map(|i| (format!("X-H{i:02}"), format!(" {i} ")))
        .collect();
    let refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let parts = sign_parts(
        "GET",
        "https://h/x",
        &headers,
        b"",
        &creds(),
        Algorithm::HmacSha256,
        Duration::ZERO,
    )
    .unwrap();
    let mut req = request("GET", "https://h/x", &refs, "");
    let sig = sign(&mut req, &creds(), Algorithm::HmacSha256, Duration::ZERO).unwrap();
    assert_eq!(parts.authorization, sig.authorization);
    assert_eq!(parts.headers.len(), INLINE_HEADERS + 6 + 3);
    assert!(sig.canonical_request.contains("\nx-h00:0\nx-h01:1\n"));
    assert!(sig
        .authorization
        .contains("SignedHeaders=host;x-h00;x-h01;"));
}

#[test]
fn query_is_sent_in_canonical_order_and_values_trimmed() {
    let mut req = request(
        "get",
        "http://h.example:8080/v2/p/x?b=2&a=%E4%B8%80%20(1)&a=0&flag",
        &[("X-Custom", "  spaced   value  ")],
        "",
    );
    let sig = sign(
        &mut req,
        &creds(),
        Algorithm::HmacSha256,
        Duration::from_secs(1_591_583_940),
    )
    .unwrap();
    assert_eq!(
        req.uri(),
        "http://h.example:8080/v2/p/x?a=0&a=%E4%B8%80%20%281%29&b=2&flag="
    );
    assert_eq!(req.headers()["x-custom"], "spaced   value");
    assert_eq!(req.headers()["host"], "h.example:8080");
    assert_eq!(req.headers()["x-sdk-date"], "20200608T023900Z");
    assert!(sig
        .canonical_request
        .starts_with("GET\n/v2/p/x/\na=0&a=%E4%B8%80%20%281%29&b=2&flag=\n"));
}
