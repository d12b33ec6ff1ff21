//! What one signature covers and what is sent: the canonical request, the added headers.

use std::time::Duration;

use super::canonical::{canonical_query, push_canonical_uri};
use super::date::{DateText, DATE_FORMAT};
use super::header_text::is_visible_ascii;
use super::url::UrlParts;
use super::{AkSk, Algorithm, Keys, Signature, UNSIGNABLE};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Headers are gathered on the stack up to this many (requests rarely carry more); more go
/// to the heap. Small `Vec`s here were a measurable share of a signature.
pub(super) const INLINE_HEADERS: usize = 24;

/// A header as the signer reads it: lowercase name, value (`None` if it is not UTF-8, an error
/// only where the value is signed: an unsigned header may carry any bytes the wire allows).
type Given<'a> = (&'a str, Option<&'a str>);

/// `len` slots, from `inline` when they fit.
pub(super) fn header_slots<'s, T: Copy + Default>(
    inline: &'s mut [T],
    spill: &'s mut Vec<T>,
    len: usize,
) -> &'s mut [T] {
    match inline.get_mut(..len) {
        Some(slots) => slots,
        None => {
            spill.resize(len, T::default());
            spill
        }
    }
}

/// One signature, decided from borrowed parts; [`sign`](super::sign) and
/// [`sign_parts_with`](super::sign_parts_with) apply it to their own request form.
pub(super) struct Plan<'a> {
    pub(super) signature: Signature,
    /// The canonical query, when it differs from the URL's: it is sent as signed (§3.3.2).
    pub(super) query: Option<String>,
    pub(super) added: Added<'a>,
}

impl Plan<'_> {
    /// The query to send on `url`: the URL's own when it was canonical already.
    pub(super) fn sent_query<'q>(&'q self, url: &UrlParts<'q>) -> Option<&'q str> {
        match &self.query {
            Some(query) => Some(query.as_str()).filter(|q| !q.is_empty()),
            None => url.query,
        }
    }
}

/// The headers the signer sets (§2), each replacing a given header of that name.
pub(super) struct Added<'a> {
    pub(super) project_id: Option<&'a str>,
    pub(super) security_token: Option<&'a str>,
    /// The content header, when the body is signed as `UNSIGNED-PAYLOAD` (§2.4).
    pub(super) unsigned_payload: Option<&'static str>,
    pub(super) date: Option<DateText>,
    pub(super) host: Option<std::borrow::Cow<'a, str>>,
}

impl Added<'_> {
    /// `(name, value as sent)`, in the order the official SDK adds them. Values are sent
    /// trimmed like every signed header (§3.4).
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            self.project_id.map(|v| ("x-project-id", v.trim())),
            self.security_token.map(|v| ("x-security-token", v.trim())),
            self.unsigned_payload.map(|name| (name, "UNSIGNED-PAYLOAD")),
            self.date.as_ref().map(|d| ("x-sdk-date", d.as_str())),
            self.host.as_deref().map(|h| ("host", h)),
        ]
        .into_iter()
        .flatten()
    }

    /// The value [`Added::iter`] gives `name`, by a match rather than a walk through all five:
    /// it is asked once or twice for every given header.
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        match name {
            "x-project-id" => self.project_id.map(str::trim),
            "x-security-token" => self.security_token.map(str::trim),
            "x-sdk-date" => self.date.as_ref().map(DateText::as_str),
            "host" => self.host.as_deref(),
            _ => self
                .unsigned_payload
                .filter(|own| *own == name)
                .map(|_| "UNSIGNED-PAYLOAD"),
        }
    }

    pub(super) fn replaces(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// What a given header is sent as: the signer's own value for the headers it sets, trimmed
/// when signed (§3.4), as given when unsignable (§11.3).
pub(super) fn sent_value<'v>(added: &'v Added<'_>, name: &str, value: &'v str) -> &'v str {
    match added.get(name) {
        Some(own) => own,
        None if UNSIGNABLE.contains(&name) => value,
        None => value.trim(),
    }
}

pub(super) fn plan<'a>(
    method: &str,
    url: UrlParts<'a>,
    given: &[Given<'a>],
    body: &[u8],
    keys: Keys<'a>,
    now: Duration,
) -> Result<Plan<'a>> {
    let Keys {
        credentials,
        algorithm,
        mac,
    } = keys;
    if given.iter().any(|(name, _)| *name == "authorization") {
        return Err(Error::invalid_input(
            "the request is already signed (it has an Authorization header)",
        ));
    }
    check_header_names(given)?;
    let added = added_headers(url, given, credentials, algorithm, now)?;

    let path = url.path;
    let query = url.query.unwrap_or("");
    let header_bytes: usize = given
        .iter()
        .map(|(n, v)| 2 * n.len() + v.map_or(0, str::len) + 3)
        .sum();
    let mut canonical =
        String::with_capacity(method.len() + path.len() + query.len() + header_bytes + 512);
    canonical.extend(method.chars().map(|c| c.to_ascii_uppercase()));
    canonical.push('\n');
    push_canonical_uri(&mut canonical, path)?;
    canonical.push('\n');
    let canonical_query = canonical_query(query)?;
    canonical.push_str(&canonical_query);
    canonical.push('\n');

    // §3.4: every header but the unsignable ones, names lowercase and sorted, values trimmed.
    let mut inline = [("", ""); INLINE_HEADERS];
    let mut spill = Vec::new();
    let entries = header_slots(&mut inline, &mut spill, given.len() + 5);
    let mut n = 0;
    let signed_given = given
        .iter()
        .filter(|(name, _)| !UNSIGNABLE.contains(name) && !added.replaces(name));
    for &(name, value) in signed_given {
        let text =
            value.ok_or_else(|| Error::invalid_input(format!("header {name} is not UTF-8")))?;
        entries[n] = (name, text.trim());
        n += 1;
    }
    for entry in added.iter() {
        entries[n] = entry;
        n += 1;
    }
    let entries = &mut entries[..n];
    // Names are unique (checked above), so the name alone orders them.
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (name, value) in entries.iter() {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
    }
    canonical.push('\n');
    let signed_start = canonical.len();
    for (i, (name, _)) in entries.iter().enumerate() {
        if i > 0 {
            canonical.push(';');
        }
        canonical.push_str(name);
    }
    let signed_end = canonical.len();
    canonical.push('\n');
    let find = |wanted: &str| {
        entries
            .iter()
            .find(|(name, _)| *name == wanted)
            .map(|(_, v)| *v)
    };
    // §3.5: empty body first, then the content header, then the hash of the bytes.
    match find(algorithm.content_header()) {
        _ if body.is_empty() => algorithm.push_hash_hex(&mut canonical, b""),
        Some(given) if given.bytes().all(is_visible_ascii) => canonical.push_str(given),
        _ => algorithm.push_hash_hex(&mut canonical, body),
    }

    let date = find("x-sdk-date").unwrap_or_default();
    let name = algorithm.name();
    let mut string_to_sign = String::with_capacity(name.len() + date.len() + 2 + 64);
    string_to_sign.push_str(name);
    string_to_sign.push('\n');
    string_to_sign.push_str(date);
    string_to_sign.push('\n');
    algorithm.push_hash_hex(&mut string_to_sign, canonical.as_bytes());

    let signed_headers = &canonical[signed_start..signed_end];
    let parts = [
        name,
        " Access=",
        &credentials.access_key,
        ", SignedHeaders=",
        signed_headers,
        ", Signature=",
    ];
    let mut authorization =
        String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 64);
    parts.iter().for_each(|p| authorization.push_str(p));
    mac.push_hex(&mut authorization, string_to_sign.as_bytes());
    let query = (canonical_query != query).then(|| canonical_query.into_owned());
    Ok(Plan {
        signature: Signature {
            canonical_request: canonical,
            string_to_sign,
            authorization,
        },
        query,
        added,
    })
}

/// Keys are printable ASCII without spaces or commas: anything else cannot appear in the
/// `Authorization` header unambiguously, and the official SDKs never produce it.
pub(super) fn validate_key(what: &str, key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::invalid_input(format!("the {what} is empty")));
    }
    if !key
        .bytes()
        .fold(true, |ok, b| ok & (b.is_ascii_graphic() && b != b','))
    {
        return Err(Error::invalid_input(format!(
            "the {what} must be printable ASCII without spaces or commas"
        )));
    }
    Ok(())
}

/// Names with `_` are never signed by the official SDKs (§3.4) and gateways may drop them, so a
/// request carrying one would not mean what it says; duplicate names cannot be signed (§3.4).
/// Quadratic over a handful of headers, which beats hashing them; a caller's list of thousands
/// is counted in a map instead (100k headers would otherwise take billions of comparisons).
fn check_header_names(given: &[Given<'_>]) -> Result<()> {
    const FEW: usize = 32;
    let counts: Option<std::collections::HashMap<&str, usize>> = (given.len() > FEW).then(|| {
        let mut counts = std::collections::HashMap::new();
        for (name, _) in given {
            *counts.entry(*name).or_insert(0) += 1;
        }
        counts
    });
    let mut reported = std::collections::HashSet::new();
    for (i, (name, _)) in given.iter().enumerate() {
        let first = match &counts {
            None => !given[..i].iter().any(|(n, _)| n == name),
            Some(_) => reported.insert(*name),
        };
        if !first {
            continue; // reported at its first occurrence
        }
        if name.contains('_') {
            return Err(Error::invalid_input(format!(
                "header name {name} contains '_', which AK/SK signing cannot cover"
            )));
        }
        let repeated = match &counts {
            None => given[i + 1..].iter().any(|(n, _)| n == name),
            Some(counts) => counts.get(name).is_some_and(|c| *c > 1),
        };
        if repeated {
            return Err(Error::invalid_input(format!(
                "header {name} is given more than once"
            )));
        }
    }
    Ok(())
}

fn added_headers<'a>(
    url: UrlParts<'a>,
    given: &[Given<'a>],
    credentials: &'a AkSk,
    algorithm: Algorithm,
    now: Duration,
) -> Result<Added<'a>> {
    // Both were checked when the MAC was keyed.
    let project_id = credentials.project_id.as_deref();
    let security_token = credentials.security_token.as_ref().map(Secret::expose);
    // §2.4: a body that is not JSON is signed as UNSIGNED-PAYLOAD.
    let unsigned_payload = given_text(given, "content-type")?.is_some_and(|ct| {
        let ct = ct.trim_start();
        !ct.starts_with("application/json") && !ct.starts_with("application/bson")
    });
    let date = match given_text(given, "x-sdk-date")? {
        // §2.5: a caller-supplied date must be in the signing format.
        Some(given) => {
            time::PrimitiveDateTime::parse(given.trim(), DATE_FORMAT).map_err(|_| {
                Error::invalid_input(format!("X-Sdk-Date {given:?} is not YYYYMMDDTHHMMSSZ"))
            })?;
            None
        }
        None => Some(DateText::new(now)?),
    };
    let host = if given.iter().any(|(name, _)| *name == "host") {
        None
    } else {
        // §2.6: the netloc, with an explicit port kept.
        Some(match url.port {
            Some(port) => format!("{}:{port}", url.host).into(),
            None => url.host.into(),
        })
    };
    Ok(Added {
        project_id,
        security_token,
        unsigned_payload: unsigned_payload.then(|| algorithm.content_header()),
        date,
        host,
    })
}

/// The value of the given header `name`, which must be UTF-8.
fn given_text<'a>(given: &[Given<'a>], name: &str) -> Result<Option<&'a str>> {
    given
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.ok_or_else(|| Error::invalid_input(format!("header {name} is not UTF-8"))))
        .transpose()
}
