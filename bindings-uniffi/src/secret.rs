//! `Secret` for Kotlin/Swift: the value stays in Rust memory (zeroized when released).

/// A credential or token. `toString()` (Kotlin) and `description` (Swift) give `Secret(***)`.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct Secret(pub chainkit_core::Secret);

#[uniffi::export]
impl Secret {
    /// Wraps `value`. The JVM/Swift string passed in is not ours to wipe; only the Rust copy is.
    #[uniffi::constructor]
    pub fn new(value: String) -> Self {
        Self(chainkit_core::Secret::new(value))
    }

    /// The secret itself. Never log what this returns.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}
