//! Caches a fetched token: refreshed before expiry, one refresh in flight, failures not cached.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use futures::future::{FutureExt, Shared};

use crate::error::Result;
use crate::transport::MaybeBoxFuture;

/// A token and when it stops being valid (since the Unix epoch).
#[derive(Clone, Debug)]
pub struct CachedToken<T> {
    /// The token.
    pub value: T,
    /// Expiry time.
    pub expires_at: Duration,
}

type Refresh<T> = Shared<MaybeBoxFuture<'static, Result<CachedToken<T>>>>;

struct State<T> {
    token: Option<CachedToken<T>>,
    /// The refresh under way, with an id so that only its own result clears it.
    inflight: Option<(u64, Refresh<T>)>,
    next_id: u64,
}

/// A single-flight token cache.
///
/// Every caller that finds the token missing or within `margin` of expiry awaits the same
/// refresh; the first one starts it. The refresh future is shared, so a caller cancelled
/// mid-refresh leaves it to the others (or to the next caller), and no lock is held across
/// an await. A failed refresh is handed to everyone waiting on it and then forgotten, so the
/// next call tries again but concurrent callers never stampede the token endpoint.
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
                next_id: 0,
            }),
            margin,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<T>> {
        // Nothing panics while the lock is held, but a poisoned cache is still consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The cached token if it is valid past `now + margin`; otherwise the result of the refresh
    /// in flight, or of a new one made by `fetch`.
    pub async fn get<F, Fut>(&self, now: Duration, fetch: F) -> Result<T>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<CachedToken<T>>> + FetchBound + 'static,
    {
        let (id, refresh) = {
            let mut state = self.lock();
            if let Some(token) = &state.token {
                if now.saturating_add(self.margin) < token.expires_at {
                    return Ok(token.value.clone());
                }
            }
            match &state.inflight {
                Some((id, refresh)) => (*id, refresh.clone()),
                None => {
                    let id = state.next_id;
                    state.next_id += 1;
                    let refresh = box_fetch(fetch()).shared();
                    state.inflight = Some((id, refresh.clone()));
                    (id, refresh)
                }
            }
        };
        let result = refresh.await;
        let mut state = self.lock();
        if matches!(&state.inflight, Some((current, _)) if *current == id) {
            state.inflight = None;
            if let Ok(token) = &result {
                state.token = Some(token.clone());
            }
        }
        result.map(|t| t.value)
    }

    /// Forgets the cached token (after the service rejected it), so the next `get` refreshes.
    pub fn invalidate(&self) {
        self.lock().token = None;
    }

    /// Stores a token obtained elsewhere (for example one the user supplied).
    pub fn set(&self, token: CachedToken<T>) {
        self.lock().token = Some(token);
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

fn box_fetch<T, Fut>(fut: Fut) -> MaybeBoxFuture<'static, Result<CachedToken<T>>>
where
    Fut: Future<Output = Result<CachedToken<T>>> + FetchBound + 'static,
{
    #[cfg(not(target_arch = "wasm32"))]
    return fut.boxed();
    #[cfg(target_arch = "wasm32")]
    return fut.boxed_local();
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
        assert_eq!(
            cache.get(Duration::from_secs(0), fetch("a")).await.unwrap(),
            "a"
        );
        assert_eq!(
            cache
                .get(Duration::from_secs(939), fetch("b"))
                .await
                .unwrap(),
            "a"
        );
        assert_eq!(
            cache
                .get(Duration::from_secs(940), fetch("c"))
                .await
                .unwrap(),
            "c"
        );
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
        cache.invalidate();
        assert_eq!(
            cache.get(Duration::from_secs(0), fetch("d")).await.unwrap(),
            "d"
        );
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
        let ok = cache
            .get(Duration::ZERO, || async { Ok(token("later", 1000)) })
            .await;
        assert_eq!(ok.unwrap(), "later");
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
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        release.send(()).unwrap();
        assert_eq!(second.await.unwrap().unwrap(), "shared");
        assert_eq!(
            cache
                .get(Duration::ZERO, || async { Ok(token("x", 1)) })
                .await
                .unwrap(),
            "shared"
        );
    }
}
