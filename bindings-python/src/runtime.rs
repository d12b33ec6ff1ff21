//! One tokio runtime per process, made lazily and made again in a forked child (the child must
//! not share the parent's I/O driver, an epoll instance both would wait on).
//!
//! A current-thread runtime: each call's thread (GIL released) drives its own I/O inside
//! `block_on`, and concurrent callers take turns driving the shared connections. A
//! multi-thread runtime cost two cross-thread wake-ups per call, a large share of a typed call
//! against a local server (BENCHMARKS.md, the typed pool call's second pass).

use std::sync::{Arc, Mutex};

use chainkit_core::Error;

static RUNTIME: Mutex<Option<(u32, Arc<tokio::runtime::Runtime>)>> = Mutex::new(None);

/// The runtime for this process.
pub fn get() -> Result<Arc<tokio::runtime::Runtime>, Error> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, rt)) = slot.as_ref() {
        if *owner == pid {
            return Ok(rt.clone());
        }
        // Inherited from the parent: its worker threads do not exist here. Leak it rather than
        // drop it, since dropping would try to join threads that are gone.
        if let Some((_, inherited)) = slot.take() {
            std::mem::forget(inherited);
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::config(format!("cannot start the I/O runtime: {e}")))?;
    let rt = Arc::new(rt);
    *slot = Some((pid, rt.clone()));
    Ok(rt)
}
