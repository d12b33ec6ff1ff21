//! Runs every vector file under a directory through chainkit-core.
//!   cargo run -p chainkit-core --example run_vectors -- DIR
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "tests/vectors".into()),
    );
    let mut files = Vec::new();
    if let Err(e) = walk(&dir, &mut files) {
        eprintln!("cannot read {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let (mut passed, mut failed) = (0, 0);
    for file in files {
        let name = file
            .strip_prefix(&dir)
            .unwrap_or(&file)
            .display()
            .to_string();
        let parsed: Result<Value, String> = std::fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()));
        let doc = match parsed {
            Ok(doc) => doc,
            Err(e) => {
                println!("FAIL {name}: {e}");
                failed += 1;
                continue;
            }
        };
        let kind = doc["kind"].as_str().unwrap_or_default();
        for case in doc["cases"].as_array().into_iter().flatten() {
            let got = chainkit_core::vectors::evaluate(kind, &case["input"]);
            let case_name = case["name"].as_str().unwrap_or("?");
            if got == case["expected"] {
                passed += 1;
                println!("PASS {name}#{case_name}");
            } else {
                failed += 1;
                println!(
                    "FAIL {name}#{case_name} expected={} got={got}",
                    case["expected"]
                );
            }
        }
    }
    println!("vectors[rust]: {passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
