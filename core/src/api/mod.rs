//! The one-definition-per-endpoint mechanism (DESIGN principle 2; `docs/endpoints.md`).
//!
//! A service states its models and endpoints once, in a declarative block inside a
//! `#[macro_export]` macro (`dna_api!` for seed 002). That macro hands the block to any expander:
//! core's [`define_service!`](crate::define_service) turns it into Rust types, [`Endpoint`]s, a
//! client and a registry ([`ServiceSpec`]); each binding has its own expander that turns the
//! same block into its language's types and methods. Nothing lists an endpoint twice.

mod call;
mod conv;
mod define;
pub mod paging;
pub mod rules;
pub mod wire;

pub use call::{Call, Envelope};
pub use conv::{Conv, SecretObject};
pub use rules::{Rule, Validate};
pub use wire::WireValue;

/// Who authenticates an endpoint's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthKind {
    /// The service's scheme (the client's credentials).
    Service,
    /// Nothing: the call carries its own credentials or needs none.
    None,
}

/// One endpoint, as stated in its definition.
#[derive(Debug)]
pub struct EndpointSpec {
    /// Service module name (`dna`).
    pub service: &'static str,
    /// Rust/Python method name (`series_add`).
    pub name: &'static str,
    /// JS/Kotlin/Swift method name (`seriesAdd`).
    pub js_name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template; `{wireName}` segments are filled from the input's fields.
    pub path: &'static str,
    /// Authentication.
    pub auth: AuthKind,
    /// Safe to resend after a timeout or reset.
    pub idempotent: bool,
    /// Input model name, `None` for an endpoint without input.
    pub input: Option<&'static str>,
    /// Output model name.
    pub output: &'static str,
    /// Doc comment (first line: seed section and summary).
    pub doc: &'static str,
    /// For a `pageNum`/`pageSize` list: the method that walks every page.
    pub pages: Option<PagesSpec>,
}

/// The item-by-item walk of a paged list endpoint.
#[derive(Debug)]
pub struct PagesSpec {
    /// Rust/Python method name (`series_pages`).
    pub name: &'static str,
    /// JS method name (`seriesPages`).
    pub js_name: &'static str,
    /// Item model name.
    pub item: &'static str,
    /// The cursor type of bindings without generic iterators (Kotlin/Swift `nextPage()`).
    pub pager: &'static str,
}

/// One field of a model.
#[derive(Debug)]
pub struct FieldSpec {
    /// Rust/Python name (`series_name`).
    pub name: &'static str,
    /// Wire name exactly as documented (`seriesName`).
    pub wire: &'static str,
    /// Rust type as written in the definition, without `Option` (`String`, `Vec<Account>`).
    pub ty: &'static str,
    /// Marked `optional`: `Option<ty>` in Rust, left out of the wire when absent.
    pub optional: bool,
    /// Doc comment.
    pub doc: &'static str,
    /// Documented constraints as written (`chars(1, 50)`), empty when none.
    pub rules: &'static str,
}

/// One model (request or response type).
#[derive(Debug)]
pub struct ModelSpec {
    /// Type name.
    pub name: &'static str,
    /// `input` (validated before sending) or `output` (parsed from answers).
    pub kind: &'static str,
    /// Doc comment.
    pub doc: &'static str,
    /// Fields in order.
    pub fields: &'static [FieldSpec],
}

/// A whole service: what docs, stubs and coverage lists are generated from.
#[derive(Debug)]
pub struct ServiceSpec {
    /// Module name (`dna`).
    pub name: &'static str,
    /// The client type's name (`DnaClient`), the same in every language.
    pub client: &'static str,
    /// Models in definition order.
    pub models: &'static [ModelSpec],
    /// Endpoints in definition order.
    pub endpoints: &'static [EndpointSpec],
}

/// `input` (wire JSON) as model `T`, or an invalid-input error tagged with `service`.
pub fn from_wire<T: serde::de::DeserializeOwned>(
    service: &str,
    input: &serde_json::Value,
) -> crate::Result<T> {
    T::deserialize(input).map_err(|e| {
        crate::Error::invalid_input(format!("invalid input: {e}"))
            .with_service(service)
            .not_sent()
    })
}
