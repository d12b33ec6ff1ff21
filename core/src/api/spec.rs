//! What a definition states, as data: the `SERVICE` registry each definition expands to. The
//! engine (validation, requests, tolerant decoding) runs on it, and the generated JS/TS, stubs,
//! docs and coverage lists are written from it.

use super::envelope::Envelope;
use super::rules::Rule;

/// A field's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ty {
    /// Text.
    Str,
    /// Text that is a credential: zeroized and redacted in every language.
    Secret,
    /// `true`/`false`.
    Bool,
    /// 32-bit signed integer.
    I32,
    /// 64-bit signed integer (`bigint` in JS).
    I64,
    /// 32-bit unsigned integer.
    U32,
    /// 64-bit unsigned integer (`bigint` in JS).
    U64,
    /// A finite number.
    F64,
    /// Any JSON value, passed as it is.
    Json,
    /// File content (a multipart file part); base64 text in wire JSON.
    Bytes,
    /// A list.
    List(&'static Ty),
    /// A model of the same service, by name.
    Model(&'static str),
    /// A string enum of the same service, by name.
    Enum(&'static str),
}

impl Ty {
    /// The type of one item of a list, the type itself otherwise.
    pub fn item(&self) -> &Ty {
        match self {
            Ty::List(t) => t.item(),
            t => t,
        }
    }
}

/// Where a field travels in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The path when it has a `{wireName}` placeholder; else the body when the endpoint has one
    /// (JSON, form, multipart or the pool's `data`), else the query string.
    Auto,
    /// The query string, even when the endpoint has a body.
    Query,
    /// An HTTP header named by the wire name.
    Header,
}

/// How an endpoint's body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// No body: the fields go to the query string.
    None,
    /// `application/json`.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`; `Bytes` fields are file parts.
    Multipart,
    /// The mining pool's `{"action": …, "data": input}`, signed by its auth scheme.
    Action(&'static str),
}

/// What an endpoint answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Nothing (204, an empty body, or a payload that carries nothing).
    Empty,
    /// Raw bytes and the file name from `Content-Disposition`.
    Download,
    /// A model, by name.
    Model(&'static str),
}

/// Who authenticates an endpoint's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthKind {
    /// The service's scheme (the client's credentials).
    Service,
    /// Nothing: the call carries its own credentials or needs none.
    None,
}

/// One field of a model.
#[derive(Debug)]
pub struct FieldSpec {
    /// Rust/Python name (`series_name`).
    pub name: &'static str,
    /// Wire name exactly as documented (`seriesName`).
    pub wire: &'static str,
    /// The type.
    pub ty: Ty,
    /// Marked `optional`: `Option<ty>` in Rust, left out of the wire when absent.
    pub optional: bool,
    /// Where it travels (input models).
    pub location: Location,
    /// Doc comment.
    pub doc: &'static str,
    /// Documented constraints, checked before any I/O.
    pub rules: &'static [Rule],
}

/// Whether a model is sent or received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// Sent: validated strictly before any I/O, unknown fields refused.
    Input,
    /// Received: decoded tolerantly (docs/endpoints.md, "Decoding").
    Output,
}

/// One model (request or response type).
#[derive(Debug)]
pub struct ModelSpec {
    /// Type name (Rust, Python, TypeScript).
    pub name: &'static str,
    /// Kotlin/Swift type name: prefixed with the service, as one namespace holds them all.
    pub foreign: &'static str,
    /// Sent or received.
    pub kind: ModelKind,
    /// Doc comment.
    pub doc: &'static str,
    /// Wire names of which an input must give at least one (empty: no such rule).
    pub one_of_required: &'static [&'static str],
    /// Fields in order.
    pub fields: &'static [FieldSpec],
}

impl ModelSpec {
    /// The field with wire name `wire`.
    pub fn field(&self, wire: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.wire == wire)
    }
}

/// One value of a string enum.
#[derive(Debug)]
pub struct VariantSpec {
    /// Rust name (`Active`).
    pub name: &'static str,
    /// Wire value exactly as documented.
    pub wire: &'static str,
    /// Doc comment.
    pub doc: &'static str,
}

/// A documented set of string values.
#[derive(Debug)]
pub struct EnumSpec {
    /// Type name (Rust, Python, TypeScript).
    pub name: &'static str,
    /// Kotlin/Swift type name: prefixed with the service, as one namespace holds them all.
    pub foreign: &'static str,
    /// Doc comment.
    pub doc: &'static str,
    /// The values.
    pub variants: &'static [VariantSpec],
}

/// How a paged list is walked.
#[derive(Debug, Clone, Copy)]
pub enum Walk {
    /// Numbered pages from the input's page on (`page` and `size` are input wire names).
    Page {
        /// The page number field.
        page: &'static str,
        /// The page size field.
        size: &'static str,
    },
    /// Item offsets (`offset` and `limit` are input wire names).
    Offset {
        /// The offset field.
        offset: &'static str,
        /// The page size field.
        limit: &'static str,
    },
    /// An opaque marker: the answer's `next` (a wire path) is sent as the input's `marker`.
    Marker {
        /// The input's marker field.
        marker: &'static str,
        /// Where the answer names the next page's marker.
        next: &'static [&'static str],
    },
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
    /// The cursor's Kotlin/Swift name.
    pub foreign_pager: &'static str,
    /// How pages follow each other.
    pub walk: Walk,
    /// Where the answer holds the page's items (wire names from the output's top).
    pub items: &'static [&'static str],
    /// Where the answer holds the total number of items, when it says.
    pub total: Option<&'static [&'static str]>,
}

/// One endpoint, as stated in its definition.
#[derive(Debug)]
pub struct EndpointSpec {
    /// The service it belongs to.
    pub service: &'static ServiceSpec,
    /// Rust/Python method name (`series_add`).
    pub name: &'static str,
    /// JS/Kotlin/Swift method name (`seriesAdd`).
    pub js_name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template; `{wireName}` segments are filled from the input or the credentials.
    pub path: &'static str,
    /// Body encoding.
    pub body: Body,
    /// Authentication.
    pub auth: AuthKind,
    /// Safe to resend after a timeout or reset.
    pub idempotent: bool,
    /// Input model name, `None` for an endpoint without input.
    pub input: Option<&'static str>,
    /// What it answers.
    pub output: Output,
    /// The output decodes from the whole answer, not the envelope's payload.
    pub whole: bool,
    /// Doc comment.
    pub doc: &'static str,
    /// For a paged list: the method that walks every page.
    pub pages: Option<PagesSpec>,
}

/// A whole service: what the engine runs and docs, stubs and coverage lists are generated from.
pub struct ServiceSpec {
    /// Module name (`dna`).
    pub name: &'static str,
    /// The client type's name (`DnaClient`), the same in every language.
    pub client: &'static str,
    /// How the service reports errors inside a successful answer, and where the payload is.
    pub envelope: &'static dyn Envelope,
    /// Path placeholders filled from the client's credentials (`project_id`).
    pub credentials: &'static [&'static str],
    /// Models in definition order.
    pub models: &'static [ModelSpec],
    /// String enums in definition order.
    pub enums: &'static [EnumSpec],
    /// Endpoints in definition order.
    pub endpoints: &'static [&'static EndpointSpec],
}

impl std::fmt::Debug for ServiceSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceSpec")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl ServiceSpec {
    /// The model named `name`.
    pub fn model(&self, name: &str) -> Option<&'static ModelSpec> {
        self.models.iter().find(|m| m.name == name)
    }

    /// The enum named `name`.
    pub fn enumeration(&self, name: &str) -> Option<&'static EnumSpec> {
        self.enums.iter().find(|e| e.name == name)
    }

    /// The endpoint whose Rust name is `name`.
    pub fn endpoint(&self, name: &str) -> Option<&'static EndpointSpec> {
        self.endpoints.iter().copied().find(|e| e.name == name)
    }
}
