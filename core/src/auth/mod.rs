//! Authentication schemes of the five services, each a pure function of (request, credentials,
//! time, nonce), plus the [`crate::Authorizer`]s that apply them on every attempt.

pub mod credentials;
pub mod dna;
pub mod header;
pub mod huawei;
pub mod iam;
pub mod jwt;
pub mod pool;
pub mod token;
pub mod ulord;
