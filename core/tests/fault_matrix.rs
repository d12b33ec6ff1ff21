//! The fault matrix (tests/fault-matrix/matrix.json) through the Rust executor's raw request:
//! every sandbox fault × (idempotent GET, non-idempotent POST), asserting the outcome and the
//! number of requests the sandbox counted. The expectations and their reasons are in the JSON,
//! shared with the Python, JS and Kotlin runners.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::Duration;

use chainkit_core::{NoAuth, RawRequest};
use common::{executor, get};
use serde_json::Value;

struct Outcome {
    got: String,
    status: Option<u16>,
    body_is_json: Option<bool>,
    requests: u64,
}

async fn run(cell: &Value, path: &str, options: &Value, idempotent: bool, run_id: &str) -> Outcome {
    let id = format!(
        "rust-{run_id}-{}-{}",
        cell["name"].as_str().unwrap(),
        if idempotent { "get" } else { "post" }
    );
    let client = executor(|c| {
        c.timeout = Duration::from_millis(options["timeout_ms"].as_u64().unwrap());
        c.retry.max_attempts = options["max_attempts"].as_u64().unwrap() as u32;
    });
    let fault = format!("id={id}; {}", cell["fault"].as_str().unwrap());
    let request = RawRequest {
        method: if idempotent { "GET" } else { "POST" }.into(),
        headers: vec![("x-sandbox-fault".into(), fault)],
        ..get(path)
    };
    let (got, status, body_is_json) = match client.execute(&request, &NoAuth).await {
        Ok(res) => (
            "ok".to_owned(),
            Some(res.status),
            Some(serde_json::from_slice::<Value>(&res.body).is_ok()),
        ),
        Err(e) => (e.kind().as_str().to_owned(), e.status(), None),
    };
    let counted = executor(|_| {})
        .execute(&get(&format!("/_sandbox/requests/{id}")), &NoAuth)
        .await
        .unwrap();
    let counted: Value = serde_json::from_slice(&counted.body).unwrap();
    Outcome {
        got,
        status,
        body_is_json,
        requests: counted["requests"].as_u64().unwrap(),
    }
}

#[tokio::test]
async fn every_fault_for_idempotent_and_non_idempotent_calls() {
    let matrix: Value =
        serde_json::from_str(include_str!("../../tests/fault-matrix/matrix.json")).unwrap();
    let (path, options) = (matrix["path"].as_str().unwrap(), &matrix["options"]);
    let run_id = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let cells = matrix["cells"].as_array().unwrap();
    let runs = cells.iter().flat_map(|cell| {
        [true, false].map(|idempotent| {
            let run_id = &run_id;
            async move {
                (
                    cell,
                    idempotent,
                    run(cell, path, options, idempotent, run_id).await,
                )
            }
        })
    });
    let mut failures = Vec::new();
    for (cell, idempotent, got) in futures::future::join_all(runs).await {
        let name = format!(
            "{} {}",
            cell["name"].as_str().unwrap(),
            if idempotent { "GET" } else { "POST" }
        );
        let want_requests = cell["requests"][usize::from(!idempotent)].as_u64().unwrap();
        let want = cell["outcome"].as_str().unwrap();
        let mut wrong = Vec::new();
        if got.got != want {
            wrong.push(format!("outcome {} (want {want})", got.got));
        }
        if got.requests != want_requests {
            wrong.push(format!("{} requests (want {want_requests})", got.requests));
        }
        if want == "ok" {
            let json = cell["body"] == "json";
            if got.body_is_json != Some(json) {
                wrong.push(format!(
                    "body is JSON: {:?} (want {json})",
                    got.body_is_json
                ));
            }
        } else if let Some(status) = cell.get("status") {
            let want_status = status.as_u64().map(|s| s as u16);
            if got.status != want_status {
                wrong.push(format!("status {:?} (want {want_status:?})", got.status));
            }
        }
        let rule = if cell["rule_change"] == true {
            " [rule_change]"
        } else {
            ""
        };
        if wrong.is_empty() {
            println!("PASS {name}");
        } else {
            println!("FAIL {name}{rule}: {}", wrong.join(", "));
            failures.push(format!("{name}{rule}: {}", wrong.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "fault matrix cells failed:\n{}",
        failures.join("\n")
    );
}
