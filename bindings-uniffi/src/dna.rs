//! Seed 002 (DNA) for Kotlin/Swift, expanded from core's one definition.

/// Secrets cross as the binding's `Secret` object.
type Secret = std::sync::Arc<crate::secret::Secret>;

macro_rules! expand {
    ($($body:tt)*) => { service!(chainkit_core::dna; $($body)*); };
}
use expand;

chainkit_core::dna_api!(crate::dna::expand);
