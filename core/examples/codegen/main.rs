//! Writes what the bindings and docs derive from the service definitions' registries
//! (`SERVICE`): the Python stubs and re-export module, the JS methods and TypeScript types, the
//! endpoint reference and the coverage list. `--check` fails instead when a file is stale.
//!
//!   cargo run -p chainkit-core --example codegen [-- --check]
#![allow(missing_docs)]

mod docs;
mod js;
mod python;
mod types;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chainkit_core::api::ServiceSpec;
use chainkit_core::SERVICES;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let collisions = chainkit_core::api::names::collisions(SERVICES);
    for c in &collisions {
        eprintln!("codegen: name collision, {c}");
    }
    if !collisions.is_empty() {
        return ExitCode::FAILURE;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut stale = Vec::new();
    for (path, text) in files(SERVICES) {
        let path = root.join(path);
        if let Err(e) = apply(&path, &text, check, &mut stale) {
            eprintln!("codegen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if stale.is_empty() {
        return ExitCode::SUCCESS;
    }
    for path in &stale {
        eprintln!("codegen: stale {}", path.display());
    }
    eprintln!("codegen: run `cargo run -p chainkit-core --example codegen` and commit the result");
    ExitCode::FAILURE
}

/// Every generated file, by path from the repository root.
fn files(services: &[&ServiceSpec]) -> Vec<(String, String)> {
    let native = "bindings-python/python/chainkit/_native.pyi";
    let mut out = vec![
        (
            format!("{native}#services"),
            python::native_modules(services),
        ),
        (format!("{native}#getters"), python::getters(services)),
        (
            "bindings-python/python/chainkit/__init__.py#services".to_owned(),
            python::package_imports(services),
        ),
        (
            "bindings-wasm/npm/services.js".to_owned(),
            js::esm(services),
        ),
        (
            "bindings-wasm/npm/services.cjs".to_owned(),
            js::cjs(services),
        ),
        (
            "bindings-wasm/npm/services.d.ts".to_owned(),
            js::types(services, false),
        ),
        (
            "bindings-wasm/npm/services.d.cts".to_owned(),
            js::types(services, true),
        ),
        ("docs/coverage.md".to_owned(), docs::coverage(services)),
    ];
    for s in services {
        out.push((
            format!("bindings-python/python/chainkit/{}.py", s.name),
            python::module(s),
        ));
        out.push((
            format!("bindings-python/python/chainkit/{}.pyi", s.name),
            python::stubs(s),
        ));
        out.push((format!("docs/reference/{}.md", s.name), docs::reference(s)));
    }
    out
}

/// The lines of a hand-written fragment a binding keeps beside its code (its flows' stubs or
/// JS), from the repository root, without its leading `comment`-prefixed lines; none if absent
/// (a service without flows).
fn fragment(path: &str, comment: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip_while(|l| l.starts_with(comment) || l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Writes `text` to `path` (or, for `file#region`, into that generated region of the file), or
/// records it as stale under `--check`.
fn apply(path: &Path, text: &str, check: bool, stale: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let full = path.to_string_lossy();
    let (path, region) = match full.split_once('#') {
        Some((file, region)) => (Path::new(file), Some(region)),
        None => (path, None),
    };
    let current = std::fs::read_to_string(path).unwrap_or_default();
    let wanted = match region {
        Some(name) => python::replace_region(&current, name, text)
            .ok_or_else(|| std::io::Error::other(format!("no markers of region {name}")))?,
        None => text.to_owned(),
    };
    if wanted == current {
        return Ok(());
    }
    if check {
        stale.push(path.to_owned());
        return Ok(());
    }
    std::fs::write(path, wanted)
}
