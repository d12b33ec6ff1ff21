//! The one-definition-per-endpoint mechanism (DESIGN principle 2; `docs/endpoints.md`).
//!
//! A service states its models and endpoints once, in a declarative block inside a
//! `#[macro_export]` macro (`dna_api!` for seed 002). One parser, the `chainkit-define` proc
//! macros, reads that block for every crate: core's expansion is the Rust models, a typed client
//! and [`ServiceSpec`], the data this module's engine runs on ([`client`]: validation, request
//! building, tolerant decoding, page walks); the bindings' expansions are their languages'
//! types and methods. Nothing lists an endpoint twice.

mod bytes;
mod call;
pub mod client;
mod conv;
mod decode;
pub mod envelope;
mod multipart;
pub mod names;
pub mod paging;
pub mod rules;
#[cfg(test)]
mod shapes;
mod spec;
mod validate;
pub mod wire;

pub use bytes::{Bytes, Download};
pub use call::Call;
pub use conv::{Conv, SecretObject};
pub use envelope::Envelope;
pub use rules::Rule;
pub use spec::{
    AuthKind, Body, EndpointSpec, EnumSpec, FieldSpec, Location, ModelKind, ModelSpec, Output,
    PagesSpec, ServiceSpec, Ty, VariantSpec, Walk,
};
pub use wire::WireValue;

/// A typed value from its wire JSON (an answer already normalised to its model).
pub fn from_wire<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> crate::Result<T> {
    T::deserialize(value).map_err(|e| crate::Error::decode(format!("unexpected value: {e}")))
}
