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
