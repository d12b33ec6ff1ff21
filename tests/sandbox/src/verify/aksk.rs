//! Huawei AK/SK (`SDK-HMAC-SHA256`, `SDK-HMAC-SM3`) verified the way the gateway must: the canonical
//! request is rebuilt from the `SignedHeaders` the client sent (huawei-aksk-spec.md §1-§7, §10).

use axum::http::HeaderMap;
use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use sm3::Sm3;
use time::macros::format_description;
use time::PrimitiveDateTime;

/// RFC 3986 unreserved characters stay; everything else is `%XY` uppercase (spec §3.3.1).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Largest accepted distance between `X-Sdk-Date` and the server clock (spec §10).
pub const MAX_SKEW_SECS: i64 = 15 * 60;

/// What was received.
pub struct Signed<'a> {
    /// Method.
    pub method: &'a str,
    /// Raw path.
    pub path: &'a str,
    /// Raw query.
    pub query: &'a str,
    /// Headers.
    pub headers: &'a HeaderMap,
    /// Body.
    pub body: &'a [u8],
}

/// The parsed `Authorization` value.
pub struct Authorization<'a> {
    algorithm: &'a str,
    /// The access key id.
    pub access: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex` (spec §6).
pub fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let (algorithm, rest) = value.split_once(' ')?;
    let mut a = Authorization {
        algorithm,
        access: "",
        signed_headers: "",
        signature: "",
    };
    for field in rest.split(',').map(str::trim) {
        let (k, v) = field.split_once('=')?;
        match k {
            "Access" => a.access = v,
            "SignedHeaders" => a.signed_headers = v,
            "Signature" => a.signature = v,
            _ => return None,
        }
    }
    (!a.access.is_empty() && !a.signed_headers.is_empty() && !a.signature.is_empty()).then_some(a)
}

/// Verifies `auth` over `req` with `sk` at `now`; the error is the gateway's message text.
pub fn verify(
    req: &Signed<'_>,
    auth: &Authorization<'_>,
    sk: &str,
    now: i64,
) -> Result<(), String> {
    let sm3 = match auth.algorithm {
        "SDK-HMAC-SHA256" => false,
        "SDK-HMAC-SM3" => true,
        other => return Err(format!("unsupported signature algorithm {other}")),
    };
    let date = header(req.headers, "x-sdk-date").ok_or("missing X-Sdk-Date")?;
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    let signed_at = PrimitiveDateTime::parse(date, fmt)
        .map_err(|_| format!("X-Sdk-Date {date} is not YYYYMMDDTHHMMSSZ"))?
        .assume_utc()
        .unix_timestamp();
    if (signed_at - now).abs() > MAX_SKEW_SECS {
        let server = time::OffsetDateTime::from_unix_timestamp(now)
            .ok()
            .and_then(|t| t.format(fmt).ok());
        return Err(format!(
            "signature expired, signature time:{date}, server time:{}",
            server.unwrap_or_default()
        ));
    }
    let mut block = String::new();
    for name in auth.signed_headers.split(';') {
        let value = header(req.headers, name).ok_or(format!("signed header {name} not sent"))?;
        block.push_str(&format!("{name}:{}\n", value.trim()));
    }
    let hash = |b: &[u8]| {
        if sm3 {
            hex::encode(Sm3::digest(b))
        } else {
            hex::encode(Sha256::digest(b))
        }
    };
    // §3.5 (PY): an empty body hashes as empty even with the override header present.
    let override_name = if sm3 {
        "x-sdk-content-sm3"
    } else {
        "x-sdk-content-sha256"
    };
    let payload = match header(req.headers, override_name) {
        _ if req.body.is_empty() => hash(b""),
        Some(v) => v.to_owned(),
        None => hash(req.body),
    };
    let canonical = format!(
        "{}\n{}\n{}\n{block}\n{}\n{payload}",
        req.method.to_ascii_uppercase(),
        canonical_uri(req.path),
        canonical_query(req.query),
        auth.signed_headers,
    );
    let to_sign = format!("{}\n{date}\n{}", auth.algorithm, hash(canonical.as_bytes()));
    let expected = hex::decode(auth.signature).map_err(|_| "signature is not hex".to_owned())?;
    let ok = if sm3 {
        Hmac::<Sm3>::new_from_slice(sk.as_bytes()).map(|mut m| {
            m.update(to_sign.as_bytes());
            m.verify_slice(&expected).is_ok()
        })
    } else {
        Hmac::<Sha256>::new_from_slice(sk.as_bytes()).map(|mut m| {
            m.update(to_sign.as_bytes());
            m.verify_slice(&expected).is_ok()
        })
    };
    if ok.unwrap_or(false) {
        Ok(())
    } else {
        Err("verify aksk signature fail".to_owned())
    }
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// §3.2: decode, re-encode every segment, always end in `/`.
fn canonical_uri(path: &str) -> String {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let mut uri: String = decoded
        .split('/')
        .map(|s| utf8_percent_encode(s, ENCODE).to_string())
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// §3.3.2: pairs sorted on the decoded strings, key then value, each encoded, joined by `&`.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let dec = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
            (dec(k), dec(v))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, ENCODE),
                utf8_percent_encode(v, ENCODE)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The official PY-T `test_signer1` vector (huawei-aksk-spec.md §1).
    #[test]
    fn official_vector() {
        let mut headers = HeaderMap::new();
        headers.insert("x-sdk-date", "20200608T023900Z".parse().unwrap());
        headers.insert(
            "host",
            "service.endpoint.myhuaweicloud.com".parse().unwrap(),
        );
        let req = Signed {
            method: "GET",
            path: "/resources",
            query: "size=1",
            headers: &headers,
            body: b"",
        };
        let value = "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842";
        let auth = parse_authorization(value).unwrap();
        let signed_at = 1591583940; // 2020-06-08T02:39:00Z
        assert_eq!(verify(&req, &auth, "SecretKey", signed_at), Ok(()));
        assert!(verify(&req, &auth, "WrongKey", signed_at).is_err());
        assert!(verify(&req, &auth, "SecretKey", signed_at + 16 * 60)
            .unwrap_err()
            .contains("signature expired"));
        assert_eq!(canonical_query("b=2&a=%20x&a=1"), "a=%20x&a=1&b=2");
        assert_eq!(canonical_uri("/v2/p/blockchains"), "/v2/p/blockchains/");
    }
}
