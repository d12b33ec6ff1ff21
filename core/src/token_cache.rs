//! Caches a fetched token: refreshed before expiry, one refresh in flight, a failure held briefly
//! and then forgotten, and a rejected token dropped only if it is still the current one.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::time::Duration;

use futures::future::{FutureExt, Shared};

use crate::error::{Error, ErrorKind, Result};
use crate::transport::MaybeBoxFuture;

/// A token and when it stops being valid (since the Unix epoch).
#[derive(Clone, Debug)]
pub struct CachedToken<T> {
    /// The token.
    pub value: T,
    /// Expiry time.
    pub expires_at: Duration,
}

/// How long a failed refresh is handed to new callers before the next one is tried, counted from
/// the start of the attempt that saw it fail (the cache has no clock of its own). Long enough that a hundred callers retrying a failing token
/// endpoint (each after the executor's backoff of at most a few hundred milliseconds) make one
/// fetch, not one each; short enough that a caller who retries after a second tries again.
pub const FAILURE_HOLD: Duration = Duration::from_secs(1);

/// Identifies one fetched token, so that a rejection drops that token and not a newer one.
/// [`NO_GENERATION`] is never a token's.
pub type Generation = u64;
/// The generation of "no token from this cache".
pub const NO_GENERATION: Generation = 0;

type Refresh<T> = Shared<MaybeBoxFuture<'static, Result<CachedToken<T>>>>;

struct State<T> {
    /// The current token and its generation.
    token: Option<(Generation, CachedToken<T>)>,
    /// The refresh under way, with its generation so that only its own result is stored.
    inflight: Option<(Generation, Refresh<T>)>,
    /// The last refresh's failure, handed out until the time given.
    failed: Option<(Duration, Error)>,
    /// The token before the current one: a rejection may still quote it.
    previous: Option<T>,
    last_generation: Generation,
}

/// A single-flight token cache.
///
/// Every caller that finds the token missing or within `margin` of expiry awaits the same
/// refresh; the first one starts it. The refresh future is shared, so a caller cancelled
/// mid-refresh leaves it to the others (or to the next caller), and no lock is held across
/// an await. A refresh that fails (or panics) is handed to everyone waiting on it, and to callers
/// arriving within [`FAILURE_HOLD`] of its start, and then forgotten: the next call tries again,
/// but concurrent or quickly retrying callers never stampede the token endpoint.
pub struct TokenCache<T> {
    state: Mutex<State<T>>,
    margin: Duration,
}

impl<T: Clone + Send + Sync + 'static> TokenCache<T> {
    /// An empty cache that refreshes `margin` before expiry.
    pub fn new(margin: Duration) -> Self {
        Self {
            state: Mutex::new(State {
                token: None,
                inflight: None,
                failed: None,
                previous: None,
                last_generation: NO_GENERATION,
            }),
            margin,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<T>> {
        // Nothing panics while the lock is held, but a poisoned cache is still consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The cached token and its generation if it is valid past `now + margin`; otherwise the
    /// result of the refresh in flight, or of a new one made by `fetch`.
    pub async fn get<F, Fut>(&self, now: Duration, fetch: F) -> Result<(T, Generation)>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<CachedToken<T>>> + FetchBound + 'static,
    {
        let (generation, refresh) = {
            let mut state = self.lock();
            if let Some((generation, token)) = &state.token {
                if now.saturating_add(self.margin) < token.expires_at {
                    return Ok((token.value.clone(), *generation));
                }
            }
            match &state.inflight {
                Some((generation, refresh)) => (*generation, refresh.clone()),
                None => {
                    if let Some((until, error)) = &state.failed {
                        if now < *until {
                            return Err(error.clone());
                        }
                    }
                    state.last_generation = state.last_generation.wrapping_add(1).max(1);
                    let generation = state.last_generation;
                    let refresh = box_fetch(fetch()).shared();
                    state.inflight = Some((generation, refresh.clone()));
                    state.failed = None;
                    (generation, refresh)
                }
            }
        };
        let result = refresh.await;
        let mut state = self.lock();
        if matches!(&state.inflight, Some((current, _)) if *current == generation) {
            state.inflight = None;
            match &result {
                Ok(token) => state.replace(Some((generation, token.clone()))),
                Err(error) => {
                    state.failed = Some((now.saturating_add(FAILURE_HOLD), error.clone()));
                }
            }
        }
        result.map(|t| (t.value, generation))
    }

    /// Forgets the token of `generation` (after the service rejected it), so the next `get`
    /// refreshes. A newer token, fetched by another caller since, is kept.
    pub fn invalidate(&self, generation: Generation) {
        let mut state = self.lock();
        if matches!(&state.token, Some((current, _)) if *current == generation) {
            state.replace(None);
        }
    }

    /// The current and the previous token, for masking in error text.
    pub fn known(&self) -> Vec<T> {
        let state = self.lock();
        state
            .token
            .iter()
            .map(|(_, t)| t.value.clone())
            .chain(state.previous.clone())
            .collect()
    }

    /// Stores a token obtained elsewhere (for example one the user supplied).
    pub fn set(&self, token: CachedToken<T>) {
        let mut state = self.lock();
        state.last_generation = state.last_generation.wrapping_add(1).max(1);
        let generation = state.last_generation;
        state.replace(Some((generation, token)));
    }
}

impl<T> State<T> {
    /// Makes `token` current, remembering the one it replaces.
    fn replace(&mut self, token: Option<(Generation, CachedToken<T>)>) {
        if let Some((_, old)) = std::mem::replace(&mut self.token, token) {
            self.previous = Some(old.value);
        }
    }
}

/// `Send` on native targets, nothing on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub trait FetchBound: Send {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send> FetchBound for T {}
/// `Send` on native targets, nothing on wasm32.
#[cfg(target_arch = "wasm32")]
pub trait FetchBound {}
#[cfg(target_arch = "wasm32")]
impl<T> FetchBound for T {}

/// The fetch, boxed to be shared, with a panic turned into an error: a panic escaping a shared
/// future would fail every later poll of it ("inner future panicked"), leaving the cache broken.
/// (On wasm32 panics abort, so there the only defence is that parsing never panics.)
fn box_fetch<T, Fut>(fut: Fut) -> MaybeBoxFuture<'static, Result<CachedToken<T>>>
where
    Fut: Future<Output = Result<CachedToken<T>>> + FetchBound + 'static,
{
    let caught = AssertUnwindSafe(fut)
        .catch_unwind()
        .map(|outcome| outcome.unwrap_or_else(|panic| Err(panicked(panic.as_ref()))));
    #[cfg(not(target_arch = "wasm32"))]
    return caught.boxed();
    #[cfg(target_arch = "wasm32")]
    return caught.boxed_local();
}

fn panicked(payload: &(dyn std::any::Any + Send)) -> Error {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic");
    Error::new(
        ErrorKind::Decode,
        format!("the token fetch failed unexpectedly: {what}"),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::error::{Error, ErrorKind};

    const MARGIN: Duration = Duration::from_secs(60);

    fn token(v: &str, exp: u64) -> CachedToken<String> {
        CachedToken {
            value: v.into(),
            expires_at: Duration::from_secs(exp),
        }
    }

    #[tokio::test]
    async fn refreshes_within_the_margin_only() {
        let cache = TokenCache::new(MARGIN);
        let fetches = Arc::new(AtomicUsize::new(0));
        let fetch = |v: &'static str| {
            let fetches = fetches.clone();
            move || async move {
                fetches.fetch_add(1, Ordering::SeqCst);
                Ok(token(v, 1000))
            }
        };
        let get = |now, f| {
            let cache = &cache;
            async move { cache.get(Duration::from_secs(now), f).await.unwrap().0 }
        };
        assert_eq!(get(0, fetch("a")).await, "a");
        assert_eq!(get(939, fetch("b")).await, "a");
        assert_eq!(get(940, fetch("c")).await, "c");
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
        let (_, generation) = cache.get(Duration::ZERO, fetch("x")).await.unwrap();
        cache.invalidate(generation);
        assert_eq!(get(0, fetch("d")).await, "d");
    }

    /// `n` concurrent callers of one cache whose fetch takes 50 ms and yields `outcome`;
    /// returns their results and how many fetches ran.
    async fn concurrent_callers(
        n: usize,
        outcome: Result<CachedToken<String>>,
    ) -> (Arc<TokenCache<String>>, Vec<Result<String>>, usize) {
        let cache = Arc::new(TokenCache::new(MARGIN));
        let fetches = Arc::new(AtomicUsize::new(0));
        let callers: Vec<_> = (0..n)
            .map(|_| {
                let (cache, fetches, outcome) = (cache.clone(), fetches.clone(), outcome.clone());
                tokio::spawn(async move {
                    cache
                        .get(Duration::ZERO, move || async move {
                            fetches.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            outcome
                        })
                        .await
                        .map(|(token, _)| token)
                })
            })
            .collect();
        let mut results = Vec::new();
        for c in callers {
            results.push(c.await.unwrap());
        }
        (cache, results, fetches.load(Ordering::SeqCst))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn one_refresh_for_a_hundred_concurrent_callers() {
        let (_, results, fetches) = concurrent_callers(100, Ok(token("t", 1000))).await;
        assert!(results.iter().all(|r| r.as_deref().ok() == Some("t")));
        assert_eq!(fetches, 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_refresh_is_shared_once_and_not_cached() {
        let failure = Err(Error::new(ErrorKind::Unauthorized, "bad apiSecret"));
        let (cache, results, fetches) = concurrent_callers(20, failure).await;
        assert!(results
            .iter()
            .all(|r| r.as_ref().err().map(Error::kind) == Some(ErrorKind::Unauthorized)));
        assert_eq!(fetches, 1);
        // Held for a moment, then forgotten: a call after the hold fetches again.
        let held = cache
            .get(FAILURE_HOLD - Duration::from_millis(1), || async {
                Ok(token("too soon", 1000))
            })
            .await;
        assert_eq!(held.unwrap_err().kind(), ErrorKind::Unauthorized);
        let ok = cache
            .get(FAILURE_HOLD, || async { Ok(token("later", 1000)) })
            .await;
        assert_eq!(ok.unwrap().0, "later");
    }

    #[tokio::test]
    async fn a_caller_cancelled_mid_refresh_leaves_the_cache_usable() {
        let cache = Arc::new(TokenCache::new(MARGIN));
        let (release, gate) = futures::channel::oneshot::channel::<()>();
        let first = {
            let cache = cache.clone();
            tokio::spawn(async move {
                cache
                    .get(Duration::ZERO, move || async move {
                        let _ = gate.await;
                        Ok(token("shared", 1000))
                    })
                    .await
                    .map(|(token, _)| token)
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        first.abort();
        assert!(first.await.unwrap_err().is_cancelled());
        // The next caller picks up the abandoned refresh rather than deadlocking or starting anew.
        let second = {
            let cache = cache.clone();
            tokio::spawn(async move {
                cache
                    .get(Duration::ZERO, || async { Ok(token("new", 1000)) })
                    .await
                    .map(|(token, _)| token)
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        release.send(()).unwrap();
        assert_eq!(second.await.unwrap().unwrap(), "shared");
        assert_eq!(
            cache
                .get(Duration::ZERO, || async { Ok(token("x", 1)) })
                .await
                .unwrap()
                .0,
            "shared"
        );
    }

    #[tokio::test]
    async fn a_panicking_fetch_is_an_error_and_the_next_call_fetches_again() {
        let cache = TokenCache::<String>::new(MARGIN);
        let err = cache
            .get(Duration::ZERO, || async {
                // What `Duration::from_secs_f64(1e308)` did to a getToken answer (issue 17).
                if true {
                    panic!("can not convert float seconds to Duration");
                }
                Ok(token("never", 1000))
            })
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(err.message().contains("float seconds"), "{err}");
        let ok = cache
            .get(FAILURE_HOLD, || async { Ok(token("fresh", 1000)) })
            .await;
        assert_eq!(ok.unwrap().0, "fresh");
    }

    #[tokio::test]
    async fn a_rejection_drops_only_the_token_it_was_about() {
        let cache = TokenCache::new(MARGIN);
        let (_, old) = cache
            .get(Duration::ZERO, || async { Ok(token("old", 1000)) })
            .await
            .unwrap();
        cache.invalidate(old);
        let (_, new) = cache
            .get(Duration::ZERO, || async { Ok(token("new", 1000)) })
            .await
            .unwrap();
        assert_ne!(old, new);
        // A late rejection of the old token (a caller that sent it before the refresh) keeps the
        // new one.
        cache.invalidate(old);
        let kept = cache
            .get(Duration::ZERO, || async { Ok(token("needless", 1000)) })
            .await;
        assert_eq!(kept.unwrap(), ("new".to_owned(), new));
    }
}
