//! Keeps a Rust panic, or any other WebAssembly trap, from breaking the module.
//!
//! Stable Rust cannot unwind on wasm32: a panic ends in an `unreachable` trap, which JS sees as a
//! `RuntimeError` thrown through every Rust frame on the stack. Unhandled, a trap inside an async
//! call escapes from the microtask that was polling it (Node exits on that), the call's promise
//! never settles, and the abandoned frames leave the shadow-stack pointer where they left it, so
//! every later call fails too.
//!
//! So every export runs its work through `callGuarded` (`js/error.js`), a JS frame between the
//! export and the work. A trap unwinds only the frames above that JS frame; the import's `catch`
//! glue turns it into an `Err`, the frames below return normally (restoring the stack pointer),
//! and the call fails with a `ChainkitError` of kind `internal` that carries the panic message.
//!
//! What this cannot undo: the abandoned frames' values are never dropped (leaked), and whatever
//! they were changing stays as they left it. The failed call's own future is leaked, never
//! polled again. State shared with other calls (a client's token cache) may be left mid-update,
//! in which case that client's later calls may fail too, each with its own typed error;
//! new clients are unaffected. Re-instantiating the module instead (wasm-bindgen's
//! `schedule_reinit`) would invalidate every live object and leave every pending call's promise
//! unsettled, so it is not used.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::ChainkitError;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = callGuarded)]
    fn call_guarded(f: &mut dyn FnMut()) -> Result<(), JsValue>;
}

thread_local! {
    /// The message of the last panic, taken by the guard that catches its trap.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records each panic's message for the guard (runs once, when the module is instantiated).
#[wasm_bindgen(start)]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|last| {
            if let Ok(mut last) = last.try_borrow_mut() {
                *last = Some(message);
            }
        });
    }));
}

/// The `ChainkitError` (kind `internal`) for a caught trap.
fn internal(trap: &JsValue) -> JsValue {
    let detail = LAST_PANIC
        .with(|last| last.try_borrow_mut().ok().and_then(|mut l| l.take()))
        .unwrap_or_else(|| {
            // A trap without a panic: a stack overflow or an engine limit.
            let what = trap
                .dyn_ref::<js_sys::Error>()
                .map_or_else(|| "a WebAssembly trap".to_owned(), |e| e.to_string().into());
            format!("the WebAssembly code stopped: {what}")
        });
    let fields = Object::new();
    let set = |k: &str, v: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&fields, &JsValue::from_str(k), &v);
    };
    set("kind", "internal".into());
    for k in ["service", "status", "code", "requestId", "retryAfterMs"] {
        set(k, JsValue::NULL);
    }
    set("detail", detail.as_str().into());
    let message = format!("internal error, a bug in chainkit (please report it): {detail}");
    ChainkitError::new(&message, &fields).into()
}

/// Runs `f`, turning a trap inside it into an `internal` `ChainkitError`.
pub fn sync<T>(f: impl FnOnce() -> Result<T, JsValue>) -> Result<T, JsValue> {
    let mut f = Some(f);
    let mut out = None;
    let caught = call_guarded(&mut || {
        if let Some(f) = f.take() {
            out = Some(f());
        }
    });
    match (caught, out) {
        (Ok(()), Some(out)) => out,
        (Err(trap), _) => Err(internal(&trap)),
        (Ok(()), None) => Err(internal(&JsValue::UNDEFINED)),
    }
}

/// Runs the future `call`, polling it through the guard: a trap rejects this call only.
pub async fn run<T>(call: impl Future<Output = Result<T, JsValue>>) -> Result<T, JsValue> {
    Guarded(Some(Box::pin(call))).await
}

struct Guarded<F>(Option<Pin<Box<F>>>);

impl<T, F: Future<Output = Result<T, JsValue>>> Future for Guarded<F> {
    type Output = Result<T, JsValue>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(inner) = self.0.as_mut() else {
            return Poll::Ready(Err(internal(&JsValue::UNDEFINED)));
        };
        let mut out = Poll::Pending;
        match call_guarded(&mut || out = inner.as_mut().poll(cx)) {
            Ok(()) => {
                if out.is_ready() {
                    self.0 = None;
                }
                out
            }
            Err(trap) => {
                // Its frames were abandoned mid-poll: dropping it could free what they hold.
                std::mem::forget(self.0.take());
                Poll::Ready(Err(internal(&trap)))
            }
        }
    }
}
