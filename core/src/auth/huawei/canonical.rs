//! The canonical URI and query of a signature (§3.2, §3.3): percent-decoded, then encoded
//! with the RFC 3986 unreserved set; borrowed unchanged when already canonical.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{Error, Result};

/// RFC 3986 unreserved characters stay; everything else is `%XY`, uppercase hex (§3.3.1).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// [`UNRESERVED`] with `/` kept, for whole paths (§3.2).
const UNRESERVED_OR_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

/// §3.2: decode the path, percent-encode each segment, end with `/`. Encoding the decoded path
/// with `/` kept is the same as encoding each segment, without splitting.
pub(super) fn push_canonical_uri(out: &mut String, path: &str) -> Result<()> {
    if path.bytes().all(|b| is_unreserved(b) || b == b'/') {
        // The usual path: decoding and encoding change nothing.
        out.push_str(path);
    } else {
        let decoded = percent_decode_str(path)
            .decode_utf8()
            .map_err(|_| Error::invalid_input("the URL path is not UTF-8 once percent-decoded"))?;
        out.extend(utf8_percent_encode(&decoded, UNRESERVED_OR_SLASH));
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(())
}

/// §3.3: decode each `key=value` pair (no `+`-as-space: this is RFC 3986, not a form), sort on
/// the raw strings, encode with the unreserved set. A bare key is `key=`.
pub(super) fn canonical_query(query: &str) -> Result<std::borrow::Cow<'_, str>> {
    fn decode(s: &str) -> Result<std::borrow::Cow<'_, str>> {
        percent_decode_str(s).decode_utf8().map_err(|_| {
            Error::invalid_input("a query parameter is not UTF-8 once percent-decoded")
        })
    }
    if is_canonical_query(query) {
        return Ok(query.into());
    }
    let mut pairs = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((decode(k)?, decode(v)?));
    }
    pairs.sort();
    let mut out = String::with_capacity(query.len());
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(utf8_percent_encode(k, UNRESERVED));
        out.push('=');
        out.extend(utf8_percent_encode(v, UNRESERVED));
    }
    Ok(out.into())
}

/// Whether `query` is already its own canonical form: `k=v` pairs of unreserved characters
/// (so decoding and encoding change nothing), in order. The usual case, done without copying.
fn is_canonical_query(query: &str) -> bool {
    let unreserved = |s: &str| s.bytes().all(is_unreserved);
    let mut previous = None;
    for part in query.split('&') {
        let Some((k, v)) = part.split_once('=') else {
            return query.is_empty();
        };
        if !unreserved(k) || !unreserved(v) || previous.is_some_and(|p| p > (k, v)) {
            return false;
        }
        previous = Some((k, v));
    }
    true
}

/// RFC 3986 unreserved. `matches!`, not `b"-_.~".contains`: that is a memchr call per byte.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_queries_are_borrowed_and_others_rebuilt() {
        for (query, canonical, borrowed) in [
            ("", "", true),
            ("a=1&a=1&b=", "a=1&a=1&b=", true),
            ("a=2&a=1", "a=1&a=2", false),
            ("a", "a=", false),
            ("a=1&", "a=1", false),
            ("p=%2F", "p=%2F", false),
            ("x=a=b", "x=a%3Db", false),
        ] {
            let got = canonical_query(query).unwrap();
            assert_eq!(got, canonical);
            assert_eq!(
                matches!(got, std::borrow::Cow::Borrowed(_)),
                borrowed,
                "{query}"
            );
        }
    }

    /// The byte class agrees with the set it stands in for.
    #[test]
    fn unreserved_class_matches_percent_encoding() {
        for b in 0..=127u8 {
            let text = char::from(b).to_string();
            let kept = utf8_percent_encode(&text, UNRESERVED).to_string() == text;
            assert_eq!(is_unreserved(b), kept, "{b:#x}");
        }
    }
}
