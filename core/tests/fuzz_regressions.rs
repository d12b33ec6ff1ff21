//! Replays every committed fuzz input through the fuzz targets' own entry points
//! (`core/fuzz/src/lib.rs`): the seeds, and the minimised crash inputs under
//! `core/fuzz/regressions/TARGET/`, each of which once panicked. Runs on every `cargo test`,
//! without libFuzzer or a nightly toolchain.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;

/// A fuzz entry point.
type Target = fn(&[u8]);

/// Every target, by the name of its directories under `seeds/` and `regressions/`.
const TARGETS: [(&str, Target); 7] = [
    ("decode_transaction", targets::decode_transaction),
    ("parse_text", targets::parse_text),
    ("base58", targets::base58),
    ("error_response", targets::error_response),
    ("service_answers", targets::service_answers),
    ("token_answers", targets::token_answers),
    ("huawei_sign", targets::huawei_sign),
];

/// Runs `target` on every file in `dir`; returns how many there were and the names that panicked.
fn replay(dir: &Path, target: Target) -> (usize, Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (0, Vec::new());
    };
    let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    let failed = files
        .iter()
        .filter(|f| {
            let data = std::fs::read(f).unwrap();
            std::panic::catch_unwind(|| target(&data)).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    (files.len(), failed)
}

#[test]
fn every_seed_and_every_minimised_crash_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut failed = Vec::new();
    let mut seeds = 0;
    for (name, target) in TARGETS {
        let (n, bad) = replay(&root.join("seeds").join(name), target);
        assert!(n > 0, "no seeds for {name}");
        seeds += n;
        failed.extend(bad);
        failed.extend(replay(&root.join("regressions").join(name), target).1);
    }
    assert!(
        failed.is_empty(),
        "panicked ({seeds} seeds replayed): {failed:#?}"
    );
}
