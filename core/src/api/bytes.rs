//! File content: `Bytes` fields (multipart uploads) and `Download` answers. In wire JSON (the
//! form dynamic callers and vectors use) bytes are base64 text.

use base64::Engine as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::wire::WireValue;

fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(d)?;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(serde::de::Error::custom)
}

/// File content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Bytes(#[serde(deserialize_with = "decode")] pub Vec<u8>);

impl WireValue for Bytes {
    fn wire(&self) -> Option<Value> {
        Some(Value::String(
            base64::engine::general_purpose::STANDARD.encode(&self.0),
        ))
    }
}

/// A binary answer: the bytes, and what the answer's headers say of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    /// The file name from `Content-Disposition`, when the answer names one.
    #[serde(default)]
    pub file_name: Option<String>,
    /// The answer's `Content-Type`.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The content.
    #[serde(deserialize_with = "decode")]
    pub body: Vec<u8>,
}
