//! Header names and values checked as `http` would, without building `http` types: the
//! signer reads borrowed text and builds a `HeaderValue` only for what it sends.

use http::HeaderValue;

use crate::error::{Error, Result};

/// What `http::HeaderName::from_bytes` accepts: RFC 9110 token characters, either case.
pub(super) fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 1 << 16
        && name.bytes().all(|b| {
            // `#`..=`'` is `#$%&'`, `^`..=`` ` `` is ``^_` ``.
            b.is_ascii_alphanumeric()
                || matches!(b, b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'.')
                || matches!(b, b'^'..=b'`' | b'|' | b'~')
        })
}

/// Rejects what `http::HeaderValue::from_bytes` rejects, without making one. The value is not
/// echoed: it may be a token.
pub(super) fn check_value(name: &str, value: &str) -> Result<()> {
    // A fold, not `all`: without the early exit the loop vectorises (perf: 6% of a signature).
    let valid = |b: u8| b >= b' ' && b != 0x7f || b == b'\t';
    if value.bytes().fold(true, |ok, b| ok & valid(b)) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "invalid value for header {name}"
        )))
    }
}

pub(super) fn header_value(name: &str, value: &str) -> Result<HeaderValue> {
    HeaderValue::from_str(value)
        .map_err(|_| Error::invalid_input(format!("invalid value for header {name}")))
}

/// Whether `str::trim` could change `value`: it starts or ends with something other than a
/// visible ASCII character (a multi-byte character ends in a continuation byte, never in one).
pub(super) fn may_be_padded(value: &str) -> bool {
    match (value.as_bytes().first(), value.as_bytes().last()) {
        (Some(first), Some(last)) => !first.is_ascii_graphic() || !last.is_ascii_graphic(),
        _ => false,
    }
}

/// What `http::HeaderValue::to_str` accepts.
pub(super) fn is_visible_ascii(b: u8) -> bool {
    (b' '..0x7f).contains(&b) || b == b'\t'
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderName;

    /// The header-name class agrees with the library it stands in for.
    #[test]
    fn header_name_class_matches_http() {
        for b in 0..=127u8 {
            let text = char::from(b).to_string();
            assert_eq!(
                is_header_name(&text),
                HeaderName::from_bytes(&[b]).is_ok(),
                "{b:#x}"
            );
        }
    }
}
