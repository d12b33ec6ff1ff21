//! `multipart/form-data` bodies (RFC 7578) for file uploads. Hand-written: the format is a few
//! lines, and the multipart crates either need a runtime (reqwest's, not on wasm32) or only
//! parse. The boundary is derived from the content, so a request is a pure function of its
//! input (vectors pin it) and never occurs inside a part.

use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::spec::{EndpointSpec, Ty};
use super::wire::text;
use crate::error::{Error, Result};

/// The content type (with its boundary) and body for `fields`; `Bytes` fields are file parts
/// named after the field.
pub fn encode(spec: &EndpointSpec, fields: &Map<String, Value>) -> Result<(String, Vec<u8>)> {
    let model = spec.input.and_then(|m| spec.service.model(m));
    let mut parts: Vec<(&str, bool, Vec<u8>)> = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        let is_file = model
            .and_then(|m| m.field(name))
            .is_some_and(|f| f.ty == Ty::Bytes);
        let content = if is_file {
            let b64 = value.as_str().unwrap_or_default();
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|_| Error::invalid_input(format!("{name}: must be file content")))?
        } else if matches!(value, Value::Array(_) | Value::Object(_)) {
            value.to_string().into_bytes()
        } else {
            text(value).into_bytes()
        };
        parts.push((name, is_file, content));
    }
    let mut hash = Sha256::new();
    for (name, _, content) in &parts {
        hash.update(name.as_bytes());
        hash.update(content);
    }
    let boundary = format!("chainkit-{}", hex::encode(&hash.finalize()[..12]));
    let mut body = Vec::new();
    for (name, is_file, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = if is_file {
            format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        } else {
            format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(&content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok((format!("multipart/form-data; boundary={boundary}"), body))
}
