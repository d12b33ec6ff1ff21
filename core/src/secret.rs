//! Credentials and tokens: zeroized on drop, redacted when printed, never serialized.

use std::fmt;

use zeroize::Zeroizing;

/// A secret string (API secret, SK, password, token).
///
/// `Debug` and `Display` print `Secret(***)`; there is deliberately no `Serialize`. It can be
/// deserialized from a string, for credentials given as binding options or a config file.
/// Only the Rust-side copy is zeroized: strings owned by JS, Python or the JVM are not ours to wipe.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Zeroizing::new(value.into()))
    }

    /// The secret itself, for signing. Never log what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True for an empty secret, which no service accepts.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// What every binding prints for a secret.
pub const REDACTED: &str = "***";

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self::fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_never_shows_the_value() {
        let s = Secret::new("hunter2-very-secret");
        assert_eq!(format!("{s}"), "Secret(***)");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(
            format!("{:#?}", Some(s.clone())),
            "Some(\n    Secret(***),\n)"
        );
        assert_eq!(s.expose(), "hunter2-very-secret");
    }
}
