//! The parts of an absolute URL the signer reads, split without `http::Uri` when the URL is
//! plain (`http[s]://host[:port]/path[?query]` in a conservative character set): parsing it
//! into an `http::Uri` (shared bytes, validation, a copy) was a tenth of a Python signature.
//! Anything else goes through `http::Uri`, so both give the same parts (a test holds them equal).

use crate::error::{Error, Result};

/// An absolute URL's parts, borrowed from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct UrlParts<'a> {
    pub scheme: &'a str,
    /// `host[:port]` as written.
    pub authority: &'a str,
    pub host: &'a str,
    pub port: Option<u16>,
    /// Never empty: `/` when the URL has none, as `http::Uri` reads it.
    pub path: &'a str,
    pub query: Option<&'a str>,
}

impl<'a> UrlParts<'a> {
    /// The parts of a parsed URI, which must be absolute.
    pub fn of(uri: &'a http::Uri) -> Result<Self> {
        let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
            return Err(Error::invalid_input(
                "the URL must be absolute (scheme and host)",
            ));
        };
        Ok(Self {
            scheme,
            authority: authority.as_str(),
            host: authority.host(),
            port: authority.port_u16(),
            path: uri.path(),
            query: uri.query(),
        })
    }

    /// The parts of a plain URL, or `None` for any other (to be parsed by `http::Uri`).
    pub fn plain(url: &'a str) -> Option<Self> {
        // http::Uri's own length limit; a longer URL gets its error.
        if url.len() > usize::from(u16::MAX - 1) {
            return None;
        }
        let (scheme, rest) = url.split_once("://")?;
        if scheme != "https" && scheme != "http" {
            return None;
        }
        let split = rest.find('/')?;
        let (authority, path_and_query) = rest.split_at(split);
        let (host, port) = match authority.split_once(':') {
            None => (authority, None),
            Some((host, port)) => {
                // Digits with no leading zero, so the port reads back as written.
                let plain = !port.starts_with('0') && port.bytes().all(|b| b.is_ascii_digit());
                (host, Some(port.parse::<u16>().ok().filter(|_| plain)?))
            }
        };
        let host_ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.');
        if host.is_empty() || !host.bytes().all(host_ok) {
            return None;
        }
        let (path, query) = match path_and_query.split_once('?') {
            None => (path_and_query, None),
            Some((path, query)) => (path, Some(query)),
        };
        if !path.bytes().all(is_plain)
            || !query
                .unwrap_or("")
                .bytes()
                .all(|b| is_plain(b) || b == b'?')
        {
            return None;
        }
        Some(Self {
            scheme,
            authority,
            host,
            port,
            path,
            query,
        })
    }

    /// The URL as `http::Uri` prints it, with `query` in place of its own.
    pub fn with_query(&self, query: Option<&str>) -> String {
        let mut url = String::with_capacity(
            self.scheme.len()
                + 3
                + self.authority.len()
                + self.path.len()
                + 1
                + query.map_or(0, str::len),
        );
        url.push_str(self.scheme);
        url.push_str("://");
        url.push_str(self.authority);
        url.push_str(self.path);
        if let Some(query) = query {
            url.push('?');
            url.push_str(query);
        }
        url
    }
}

/// RFC 3986 unreserved and sub-delimiter characters, `:`, `@`, `/` and `%`: a subset of what
/// `http::Uri` takes in a path or query, with no `#` (a fragment) and no space.
fn is_plain(b: u8) -> bool {
    // `$`..=`/` is `$%&'()*+,-./`.
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'$'..=b'/' | b':' | b';' | b'=' | b'@' | b'_' | b'~'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(url: &str) -> Option<http::Uri> {
        url.parse().ok()
    }

    #[test]
    fn plain_urls_split_as_http_uri_reads_them() {
        for url in [
            "https://bcs.cn-north-4.myhuaweicloud.com/v2/p/blockchains?limit=10&offset=0",
            "http://127.0.0.1:8080/",
            "https://h/a%20b/?",
            "https://h/?a=1?b=2&&c",
            "https://H.example:443/x;y=z@w:1?q=%E4%B8%AD",
        ] {
            let uri = parsed(url).unwrap();
            assert_eq!(
                UrlParts::plain(url),
                Some(UrlParts::of(&uri).unwrap()),
                "{url}"
            );
        }
    }

    #[test]
    fn anything_unusual_is_left_to_http_uri() {
        for url in [
            "https://h",
            "https://h?x=1",
            "HTTPS://h/",
            "ftp://h/",
            "https://user@h/",
            "https://[::1]:8080/",
            "https://h:080/",
            "https://h:99999/",
            "https://h:/",
            "https://h/a b",
            "https://h/a#frag",
            "https://h/中",
            "https://h/a\"b",
            "https:///path",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain([format!("https://h/{}", "a".repeat(70_000))])
        {
            assert_eq!(UrlParts::plain(&url), None, "{url}");
        }
    }

    proptest! {
        /// Wherever the fast split answers, it answers what `http::Uri` does.
        #[test]
        fn the_fast_split_agrees_with_http_uri(
            url in "(https?|HTTP|ftp)://[a-zA-Z0-9.:@\\[\\]-]{0,12}(/[a-zA-Z0-9%/?&=#: .~!$'()*+,;@\"-]{0,24})?"
        ) {
            if let Some(parts) = UrlParts::plain(&url) {
                let uri = parsed(&url);
                prop_assert!(uri.is_some(), "{} split but http::Uri rejects it", url);
                let uri = uri.unwrap();
                prop_assert_eq!(Some(parts), UrlParts::of(&uri).ok());
                prop_assert_eq!(parts.with_query(parts.query), uri.to_string());
            }
        }
    }
}
