//! Server-side verifiers, written from the documents alone: they share third-party crates with
//! chainkit-core's signers but no code, so a signer bug cannot be mirrored here.

pub mod aksk;
pub mod pool;
