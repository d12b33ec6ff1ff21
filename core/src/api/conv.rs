//! Field-by-field conversion between core's models and a binding's own types generated from
//! the same definition block, in both directions. Bindings add the impls for their model and
//! secret types; the ones for values that cross as they are live here.

/// Converts a value into its counterpart type.
pub trait Conv<T> {
    /// The counterpart.
    fn conv(self) -> T;
}

macro_rules! same {
    ($($t:ty),*) => {$(
        impl Conv<$t> for $t {
            fn conv(self) -> $t {
                self
            }
        }
    )*};
}
same!(String, bool, i32, i64, f64, crate::secret::Secret);

impl<A: Conv<B>, B> Conv<Option<B>> for Option<A> {
    fn conv(self) -> Option<B> {
        self.map(Conv::conv)
    }
}

impl<A: Conv<B>, B> Conv<Vec<B>> for Vec<A> {
    fn conv(self) -> Vec<B> {
        self.into_iter().map(Conv::conv).collect()
    }
}

/// A binding's shared secret object (uniffi passes objects as `Arc`), so that models holding
/// one convert without the binding restating `Arc` impls the orphan rule forbids there.
pub trait SecretObject {
    /// Wraps a core secret.
    fn wrap(secret: crate::secret::Secret) -> Self;
    /// The core secret inside.
    fn secret(&self) -> crate::secret::Secret;
}

impl<T: SecretObject> Conv<crate::secret::Secret> for std::sync::Arc<T> {
    fn conv(self) -> crate::secret::Secret {
        self.secret()
    }
}

impl<T: SecretObject> Conv<std::sync::Arc<T>> for crate::secret::Secret {
    fn conv(self) -> std::sync::Arc<T> {
        std::sync::Arc::new(T::wrap(self))
    }
}

same!(u32, u64, serde_json::Value);

impl Conv<super::Bytes> for Vec<u8> {
    fn conv(self) -> super::Bytes {
        super::Bytes(self)
    }
}

impl Conv<Vec<u8>> for super::Bytes {
    fn conv(self) -> Vec<u8> {
        self.0
    }
}
