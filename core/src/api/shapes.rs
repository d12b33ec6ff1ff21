//! A definition that uses every shape the pool and BCS documents need (issue 13), expanded by
//! the same macro as the registered services and driven through request building, answer
//! parsing and page walks: header and query fields, credential path parameters, a DELETE with
//! a JSON body, multipart uploads, binary and empty answers, the pool's signed action, offset
//! and marker walks, enums, free-form JSON and 64-bit integers.

use std::time::Duration;

use serde_json::{json, Value};
use url::Url;

use crate::api::envelope::{code, Envelope};
use crate::api::{client, paging, Call, Download};
use crate::endpoint::Endpoint as _;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{AttemptContext, Authorizer};
use crate::transport::{Request, Response};

/// `{code, data, message}`: code 0 is success and `data` the payload (the pool's shape).
pub struct ShapesEnvelope;

impl Envelope for ShapesEnvelope {
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()> {
        match code(body, "code") {
            None | Some(0) => Ok(()),
            Some(c) => Err(Error::new(ErrorKind::Api, "refused")
                .with_service(service)
                .with_status(status)
                .with_code(c.to_string())),
        }
    }

    fn payload(&self, body: Value) -> Value {
        body.get("data").cloned().unwrap_or(Value::Null)
    }
}

chainkit_define::core_service! {
service shapes ShapesClient envelope ShapesEnvelope credentials project_id;

models {

/// An engine.
enum Kind {
    /// Hyperledger Fabric.
    Fabric "fabric",
    /// EOS.
    Eos "eos",
}

/// A page by offset.
input OffsetList {
    /// First item.
    offset "offset" optional: i32 [range(0.0, 1.0e6)],
    /// Page size.
    limit "limit" optional: i32 [range(1.0, 100.0)],
    /// Filter.
    kind "kind" optional: Kind,
    /// A request header.
    request_id "X-Request-Id" optional header: String [chars(1, 64)],
}

/// One instance.
output Instance {
    /// Id.
    id "id": String,
    /// Engine.
    kind "kind" optional: Kind,
    /// Bytes stored (past 2^53).
    size "size" optional: u64,
    /// Anything the service adds.
    extra "extra" optional: Json,
}

/// An offset page.
output InstancePage {
    /// Total.
    count "count": i64,
    /// Items.
    items "blockchains": Vec<Instance>,
}

/// A page by marker.
input MarkerList {
    /// Where to start.
    marker "marker" optional: String,
    /// Page size, in the query even with a body.
    limit "limit" optional query: i32,
}

/// A marker page.
output MarkerPage {
    /// Items.
    items "items": Vec<Instance>,
    /// The next page's marker.
    next "next_marker" optional: String,
}

/// Nodes to remove.
input DeleteNodes {
    /// Instance (in the path).
    id "id": String,
    /// Node names.
    nodes "nodes": Vec<String> [items(1, 10)],
}

/// A file to upload.
input Upload {
    /// Its name.
    name "name": String,
    /// Its content.
    file "file": Bytes,
}

/// One certificate.
input CertQuery {
    /// Instance.
    id "id": String,
}

/// A pool sub-account.
input PoolCreate {
    /// Name.
    name "subaccount": String [chars(1, 32)],
    /// Free-form settings.
    settings "settings" optional: Json,
}

/// A created sub-account.
output PoolCreated {
    /// Its id.
    id "id": i64,
}

}

endpoints {
    /// Lists instances by offset.
    list_instances "listInstances": GET "/v2/{project_id}/blockchains", auth service,
        OffsetList => InstancePage, idempotent,
        pages instance_pages "instancePages" of Instance by InstancePager
            offset offset limit limit items items total count;
    /// Lists instances by marker.
    list_marked "listMarked": POST "/v2/{project_id}/marked", auth service,
        MarkerList => MarkerPage, idempotent,
        pages marked_pages "markedPages" of Instance by MarkedPager
            marker marker items items next next;
    /// Removes nodes.
    delete_nodes "deleteNodes": DELETE "/v2/{project_id}/blockchains/{id}/nodes" json,
        auth service, DeleteNodes => (), once;
    /// Uploads a file.
    upload "upload": POST "/v2/{project_id}/files" multipart, auth service,
        Upload => Instance, once;
    /// Downloads a certificate.
    download_cert "downloadCert": GET "/v2/{project_id}/certs/{id}", auth service,
        CertQuery => Download, idempotent;
    /// Creates a pool sub-account.
    pool_create "poolCreate": POST "/api" action "SubAccount.Create", auth service,
        PoolCreate => PoolCreated, once;
}
}

/// Credentials that carry a project id.
struct Project;

#[async_trait::async_trait]
impl Authorizer for Project {
    async fn authorize(&self, _: &mut Request, _: &AttemptContext<'_>) -> Result<()> {
        Ok(())
    }

    fn path_param(&self, name: &str) -> Option<String> {
        (name == "project_id").then(|| "p1".to_owned())
    }
}

fn base() -> Url {
    Url::parse("https://bcs.example/").unwrap()
}

fn build(spec: &'static crate::api::EndpointSpec, input: Value) -> Result<Request> {
    client::build_value(spec, &base(), input, &Project)
}

fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Response {
    let mut r = http::Response::builder().status(status);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.body(body.to_vec()).unwrap()
}

fn parse(spec: &'static crate::api::EndpointSpec, response: Response) -> Result<Value> {
    Call::<Value>::for_answer(spec).parse(response, Duration::ZERO)
}

#[test]
fn header_query_and_credential_path_parameters() {
    let r = build(
        &specs::list_instances,
        json!({"offset": 0, "limit": 2, "kind": "fabric", "X-Request-Id": "r1"}),
    )
    .unwrap();
    assert_eq!(r.method(), "GET");
    assert_eq!(
        r.uri(),
        "https://bcs.example/v2/p1/blockchains?kind=fabric&limit=2&offset=0"
    );
    assert_eq!(r.headers()["X-Request-Id"], "r1");
    assert!(r.body().is_empty());
    // Without the project id in the credentials, nothing is built.
    let none = client::build_value(&specs::list_instances, &base(), json!({}), &crate::NoAuth);
    assert_eq!(none.unwrap_err().kind(), ErrorKind::Config);
    // A query field stays in the query even when the endpoint has a body.
    let r = build(&specs::list_marked, json!({"marker": "m1", "limit": 5})).unwrap();
    assert_eq!(r.uri(), "https://bcs.example/v2/p1/marked?limit=5");
    assert_eq!(
        serde_json::from_slice::<Value>(r.body()).unwrap(),
        json!({"marker": "m1"})
    );
}

#[test]
fn documented_value_sets_and_ranges_are_checked_before_any_io() {
    let e = build(&specs::list_instances, json!({"kind": "besu"})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.message().starts_with("kind:"), "{e}");
    let e = build(&specs::list_instances, json!({"limit": 101})).unwrap_err();
    assert!(e.message().starts_with("limit:"), "{e}");
    let e = build(&specs::delete_nodes, json!({"id": "b1", "nodes": []})).unwrap_err();
    assert!(e.message().starts_with("nodes:"), "{e}");
}

#[test]
fn a_delete_with_a_json_body_and_an_empty_answer() {
    let r = build(&specs::delete_nodes, json!({"id": "b 1", "nodes": ["n1"]})).unwrap();
    assert_eq!(r.method(), "DELETE");
    assert_eq!(r.uri(), "https://bcs.example/v2/p1/blockchains/b%201/nodes");
    assert_eq!(r.headers()["content-type"], "application/json");
    assert_eq!(
        serde_json::from_slice::<Value>(r.body()).unwrap(),
        json!({"nodes": ["n1"]})
    );
    assert_eq!(
        parse(&specs::delete_nodes, answer(204, &[], b"")).unwrap(),
        Value::Null
    );
    assert_eq!(
        parse(&specs::delete_nodes, answer(200, &[], b" \n")).unwrap(),
        Value::Null
    );
}

#[test]
fn a_multipart_upload_carries_the_file_bytes_and_the_fields() {
    use base64::Engine as _;
    let bytes = [0u8, 255, 13, 10, b'-', b'-'];
    let file = base64::engine::general_purpose::STANDARD.encode(bytes);
    let r = build(&specs::upload, json!({"name": "cert.zip", "file": file})).unwrap();
    let content_type = r.headers()["content-type"].to_str().unwrap().to_owned();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap();
    let body = r.body();
    let delimiter = format!("\r\n--{boundary}");
    let text = String::from_utf8_lossy(body);
    assert!(text.starts_with(&format!("--{boundary}\r\n")));
    assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    // The file part holds the exact bytes, between its headers and the next delimiter.
    let head = "Content-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    let at = body
        .windows(head.len())
        .position(|w| w == head.as_bytes())
        .unwrap()
        + head.len();
    assert_eq!(&body[at..at + bytes.len()], &bytes);
    assert!(body[at + bytes.len()..].starts_with(delimiter.as_bytes()));
    assert!(text.contains("Content-Disposition: form-data; name=\"name\"\r\n\r\ncert.zip\r\n"));
    // Not file content: refused before any I/O.
    let e = build(&specs::upload, json!({"name": "x", "file": "not base64!"})).unwrap_err();
    assert!(e.message().starts_with("file:"), "{e}");
}

#[test]
fn a_binary_answer_keeps_its_bytes_and_file_name() {
    let r = build(&specs::download_cert, json!({"id": "b1"})).unwrap();
    assert_eq!(r.uri(), "https://bcs.example/v2/p1/certs/b1");
    let bytes = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00];
    let headers = [
        ("content-type", "application/zip"),
        (
            "content-disposition",
            "attachment; filename=\"b1-certs.zip\"",
        ),
    ];
    let value = parse(&specs::download_cert, answer(200, &headers, &bytes)).unwrap();
    let download: Download = crate::api::from_wire(value).unwrap();
    assert_eq!(download.body, bytes);
    assert_eq!(download.file_name.as_deref(), Some("b1-certs.zip"));
    assert_eq!(download.content_type.as_deref(), Some("application/zip"));
    // An error status is still the typed error, not a file.
    let e = parse(&specs::download_cert, answer(404, &[], b"{}")).unwrap_err();
    assert_eq!(e.status(), Some(404));
}

#[test]
fn the_pools_signed_action_envelope() {
    let r = build(
        &specs::pool_create,
        json!({"subaccount": "miner1", "settings": {"pps": true, "share": [1, 2]}}),
    )
    .unwrap();
    assert_eq!(r.uri(), "https://bcs.example/api");
    assert_eq!(
        serde_json::from_slice::<Value>(r.body()).unwrap(),
        json!({"action": "SubAccount.Create", "data": {"subaccount": "miner1", "settings": {"pps": true, "share": [1, 2]}}})
    );
    let ok = br#"{"code": 0, "data": {"id": "9007199254740993"}, "message": "ok"}"#;
    let created: PoolCreated =
        crate::api::from_wire(parse(&specs::pool_create, answer(200, &[], ok)).unwrap()).unwrap();
    assert_eq!(created.id, 9_007_199_254_740_993);
    let refused = br#"{"code": "5030", "data": null, "message": "sub-account exists"}"#;
    let e = parse(&specs::pool_create, answer(200, &[], refused)).unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Api, Some("5030")));
}

#[test]
fn answers_keep_unknown_values_big_integers_and_free_form_json() {
    let body = br#"{"code": 0, "data": {"count": 1, "blockchains": [
        {"id": "b1", "kind": "besu", "size": 18446744073709551615, "extra": {"a": [1, null]}, "new": 1}
    ]}}"#;
    let value = parse(&specs::list_instances, answer(200, &[], body)).unwrap();
    let page: InstancePage = crate::api::from_wire(value).unwrap();
    let item = &page.items[0];
    assert_eq!(item.kind, Some(Kind::Unknown));
    assert_eq!(item.size, Some(u64::MAX));
    assert_eq!(item.extra, Some(json!({"a": [1, null]})));
}

async fn walk(
    pages: &'static crate::api::PagesSpec,
    input: Value,
    answers: Vec<Value>,
) -> (Vec<String>, Vec<Value>) {
    use futures::StreamExt as _;
    let asked = std::sync::Mutex::new(Vec::new());
    let answers = std::sync::Mutex::new(answers.into_iter());
    let items: Vec<Value> = paging::items(pages, input, |page| {
        asked.lock().unwrap().push(page);
        let next = answers.lock().unwrap().next().unwrap_or(Value::Null);
        async move { Ok(next) }
    })
    .map(|i| i.unwrap())
    .collect()
    .await;
    let ids = items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    (ids, asked.into_inner().unwrap())
}

#[tokio::test]
async fn offset_and_marker_walks() {
    let item = |id: &str| json!({"id": id});
    let pages = specs::list_instances.pages.as_ref().unwrap();
    let (ids, asked) = walk(
        pages,
        json!({"offset": 1, "limit": 2}),
        vec![
            json!({"count": 4, "blockchains": [item("b"), item("c")]}),
            json!({"count": 4, "blockchains": [item("d")]}),
        ],
    )
    .await;
    assert_eq!(ids, ["b", "c", "d"]);
    assert_eq!(
        asked,
        [
            json!({"offset": 1, "limit": 2}),
            json!({"offset": 3, "limit": 2})
        ]
    );

    let pages = specs::list_marked.pages.as_ref().unwrap();
    let (ids, asked) = walk(
        pages,
        json!({"limit": 1}),
        vec![
            json!({"items": [item("a")], "next_marker": "m2"}),
            json!({"items": [item("b")]}),
        ],
    )
    .await;
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        asked,
        [json!({"limit": 1}), json!({"limit": 1, "marker": "m2"})]
    );
}
