//! Keeps secrets out of logs: header values and query parameters whose names look secret.

use std::fmt;

use crate::secret::REDACTED;
use crate::transport::Request;

/// Name fragments that mark a header or query parameter as secret-bearing (compared lowercase).
/// Deliberately broad: a redacted harmless value costs nothing, a leaked key costs everything.
const SENSITIVE: [&str; 9] = [
    "auth",
    "token",
    "secret",
    "sign",
    "key",
    "password",
    "cookie",
    "session",
    "credential",
];

/// Whether a header or parameter called `name` must never be logged.
pub fn is_sensitive(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SENSITIVE.iter().any(|s| lower.contains(s))
}

/// `url` with secret query values and any userinfo password replaced by `***`.
/// Text that does not parse as a URL is replaced whole, since we cannot tell what is in it.
pub fn redact_url(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return REDACTED.to_owned();
    };
    if parsed.password().is_some() {
        // Only fails for URLs that cannot have credentials, which this one just had.
        let _ = parsed.set_password(Some(REDACTED));
    }
    if parsed.query().is_some() {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let v = if is_sensitive(&k) {
                    REDACTED.to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.into()
}

/// A path-and-query (`/x?apiSecret=…`) with secret query values replaced by `***`.
pub fn redact_path(path: &str) -> String {
    // Parsed on a placeholder origin so the URL rules apply, which is then dropped again.
    const ORIGIN: &str = "http://redact.invalid";
    let url = redact_url(&format!("{ORIGIN}/{}", path.trim_start_matches('/')));
    match url.strip_prefix(ORIGIN) {
        Some(rest) => rest.to_owned(),
        None => REDACTED.to_owned(),
    }
}

/// `(name, value)` pairs with secret values replaced by `***`; non-UTF-8 values print as `<binary>`.
pub fn redact_headers(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if is_sensitive(name.as_str()) {
                REDACTED.to_owned()
            } else {
                value.to_str().unwrap_or("<binary>").to_owned()
            };
            (name.as_str().to_owned(), shown)
        })
        .collect()
}

/// Displays a request for logs: method, redacted URL, redacted headers, body length only.
pub struct RedactedRequest<'a>(pub &'a Request);

impl fmt::Display for RedactedRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let req = self.0;
        write!(
            f,
            "{} {} headers={:?} body={}B",
            req.method(),
            redact_url(&req.uri().to_string()),
            redact_headers(req.headers()),
            req.body().len()
        )
    }
}

/// serde_json's message without the offending value: for a string it quotes the value, which
/// may be a secret. The category and the field or variant name are enough to fix the input.
pub fn json_error_without_values(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let cut = text.find(" at line ").map_or(text.as_str(), |i| &text[..i]);
    if cut.contains("string \"") {
        "a field has the wrong type or value".to_owned()
    } else {
        cut.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_secrets_and_passwords_are_hidden() {
        let u = redact_url(
            "https://user:pw@h.example/auth/api/v1/token?apiKey=k1&apiSecret=s3cr3t&page=2",
        );
        assert_eq!(
            u,
            "https://user:***@h.example/auth/api/v1/token?apiKey=***&apiSecret=***&page=2"
        );
        assert_eq!(redact_url("not a url ?apiSecret=x"), "***");
        assert_eq!(
            redact_path("/v1/token?apiSecret=s&page=2"),
            "/v1/token?apiSecret=***&page=2"
        );
    }

    #[test]
    fn header_values_are_hidden_by_name() {
        let mut h = http::HeaderMap::new();
        h.insert(
            "Authorization",
            http::HeaderValue::from_static("SDK-HMAC-SHA256 Signature=abc"),
        );
        h.insert("accessToken", http::HeaderValue::from_static("tok"));
        h.insert(
            "content-type",
            http::HeaderValue::from_static("application/json"),
        );
        let shown = redact_headers(&h);
        assert!(shown.contains(&("authorization".into(), "***".into())));
        assert!(shown.contains(&("accesstoken".into(), "***".into())));
        assert!(shown.contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn json_errors_name_the_field_never_the_value() {
        let wrong: serde_json::Error = serde_json::from_str::<u64>("\"hunter2\"").unwrap_err();
        assert_eq!(
            json_error_without_values(&wrong),
            "a field has the wrong type or value"
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Need {
            api_key: String,
        }
        let missing = serde_json::from_str::<Need>("{}").unwrap_err();
        assert_eq!(
            json_error_without_values(&missing),
            "missing field `api_key`"
        );
    }
}
