//! Embeds the golden vectors for the wasm-bindgen tests (which cannot read files in a browser).
//! `CHAINKIT_VECTORS_DIR` picks another directory; the library itself never uses the output.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-env-changed=CHAINKIT_VECTORS_DIR");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = std::env::var("CHAINKIT_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../tests/vectors"));
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut code = String::from("pub const VECTOR_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        code.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            f.display().to_string(),
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("vectors.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
