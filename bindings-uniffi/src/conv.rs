//! Secrets cross as the uniffi `Secret` object; everything else converts with core's impls.

use chainkit_core::api::SecretObject;

impl SecretObject for crate::secret::Secret {
    fn wrap(secret: chainkit_core::Secret) -> Self {
        Self(secret)
    }

    fn secret(&self) -> chainkit_core::Secret {
        self.0.clone()
    }
}

/// A free-form JSON field, as JSON text in Kotlin/Swift (`String`): uniffi has no JSON type.
/// Text that is not JSON is sent as a JSON string.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonText(pub String);

uniffi::custom_newtype!(JsonText, String);

impl chainkit_core::api::Conv<serde_json::Value> for JsonText {
    fn conv(self) -> serde_json::Value {
        serde_json::from_str(&self.0).unwrap_or(serde_json::Value::String(self.0))
    }
}

impl chainkit_core::api::Conv<JsonText> for serde_json::Value {
    fn conv(self) -> JsonText {
        JsonText(self.to_string())
    }
}

/// A binary answer: the bytes, and what the answer's headers say of them.
#[derive(Clone, Debug, uniffi::Record)]
pub struct Download {
    /// The file name from `Content-Disposition`, when the answer names one.
    pub file_name: Option<String>,
    /// The answer's `Content-Type`.
    pub content_type: Option<String>,
    /// The content.
    pub body: Vec<u8>,
}

impl From<chainkit_core::api::Download> for Download {
    fn from(d: chainkit_core::api::Download) -> Self {
        Self {
            file_name: d.file_name,
            content_type: d.content_type,
            body: d.body,
        }
    }
}
