//! Keeps secrets out of logs: header values and query parameters whose names look secret.

use std::borrow::Cow;
use std::fmt;

use crate::secret::{Secret, REDACTED};
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

/// Short names that mark a parameter as secret only as a whole word (`sk`, `x_sig`), since as
/// fragments they would catch ordinary names (`task`, `design`).
const SENSITIVE_WORDS: [&str; 6] = ["sk", "ak", "sig", "pw", "pwd", "pass"];

/// Whether a header or parameter called `name` must never be logged.
pub fn is_sensitive(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SENSITIVE.iter().any(|s| lower.contains(s))
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| SENSITIVE_WORDS.contains(&word))
}

/// Credential values shorter than this are not masked: they occur by chance in ordinary text,
/// and masking them would garble every message while no issued key or token is that short.
pub const MIN_MASKED_LEN: usize = 4;

/// `text` with every credential value in `secrets` replaced by `***`, in each form a server
/// may echo it: as is, percent-encoded (it travelled in a query or form) and JSON-escaped.
pub fn mask_secrets<'t>(text: &'t str, secrets: &[Secret]) -> Cow<'t, str> {
    let mut forms: Vec<String> = Vec::new();
    for secret in secrets {
        let value = secret.expose();
        if value.len() < MIN_MASKED_LEN {
            continue;
        }
        forms.push(value.to_owned());
        forms.push(url::form_urlencoded::byte_serialize(value.as_bytes()).collect());
        forms.push(
            percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC)
                .to_string(),
        );
        if let Ok(json) = serde_json::to_string(value) {
            // Only the enclosing quotes: an escaped quote at the end belongs to the value.
            let inner = json.strip_prefix('"').and_then(|j| j.strip_suffix('"'));
            forms.extend(inner.map(str::to_owned));
        }
    }
    // Longest first, so a secret that contains another is masked whole.
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let mut text = Cow::Borrowed(text);
    for form in forms.iter().filter(|f| f.len() >= MIN_MASKED_LEN) {
        if text.contains(form.as_str()) {
            text = Cow::Owned(text.replace(form.as_str(), REDACTED));
        }
    }
    text
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
    fn short_secret_names_are_hidden_as_whole_words_only() {
        assert_eq!(
            redact_path("/x?sk=S3CR3T&sig=abc&x-ak=A&task=1&disk=2"),
            "/x?sk=***&sig=***&x-ak=***&task=1&disk=2"
        );
    }

    #[test]
    fn credential_values_are_masked_in_every_echoed_form() {
        let secrets = [
            Secret::new("s3cr3t/+ \"v\""),
            Secret::new("ab"),
            Secret::new("tok-123"),
        ];
        let echoed = r#"bad apiSecret s3cr3t/+ "v" (url s3cr3t%2F%2B+%22v%22, json s3cr3t/+ \"v\", pct s3cr3t%2F%2B%20%22v%22) token tok-123 ab"#;
        assert_eq!(
            mask_secrets(echoed, &secrets),
            "bad apiSecret *** (url ***, json ***, pct ***) token *** ab"
        );
        assert!(matches!(
            mask_secrets("nothing here", &secrets),
            Cow::Borrowed(_)
        ));
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
