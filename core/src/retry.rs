//! The retry policy: a pure function from (attempt, error, time spent, randomness) to a decision.
//!
//! # Which calls are retried
//!
//! - A call whose request provably had no effect is always retried (within the attempts and
//!   time allowed): the request never left (DNS or connect failure), or the service's answer
//!   proves it did no work (such errors are marked [`Error::not_sent`]).
//! - An idempotent call is also retried after a timeout, a broken connection, 502/503/504,
//!   429 (honouring `Retry-After`) and a service fault reported in the body
//!   ([`Error::transient`]: the pool's 5050).
//! - A non-idempotent call (a mint, a transfer) that was sent is never retried by this policy,
//!   whatever the answer: a gateway may answer 429 or 503 with `Retry-After` after the backend
//!   did the work, and a retry would submit it twice. The caller decides, e.g. after checking
//!   whether the first attempt took effect.
//! - Separately, the executor repeats an attempt once at once when the authorizer says its
//!   credentials were stale ([`crate::Authorizer::drop_stale`]): an expired token, or the pool's
//!   `repeated (clientId, rnd)`. Both are rejections before any work, so this holds for
//!   non-idempotent calls too.

use std::time::Duration;

use crate::error::{Error, ErrorKind};

/// Bounds and pacing of retries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included. 1 disables retries.
    pub max_attempts: u32,
    /// Backoff ceiling for the first retry; doubles each retry.
    pub base_delay: Duration,
    /// Largest backoff ceiling.
    pub max_delay: Duration,
    /// No retry starts if it would wait past this much time since the first attempt.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
        }
    }
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then try again.
    Retry(Duration),
    /// Give up and return the error.
    Stop,
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Whether `error` may be retried at all (the rule is in the module docs).
    pub fn is_retryable(error: &Error, idempotent: bool) -> bool {
        if !error.request_sent() {
            return true;
        }
        if !idempotent {
            return false;
        }
        match error.kind() {
            ErrorKind::RateLimited | ErrorKind::Network | ErrorKind::Timeout => true,
            ErrorKind::Api => error.transient() || matches!(error.status(), Some(502..=504)),
            _ => false,
        }
    }

    /// Decides after attempt number `attempt` (1-based) failed with `error`, `elapsed` after the
    /// first attempt started. `random` drives the jitter.
    ///
    /// Backoff is "full jitter": uniform in `[0, min(max_delay, base_delay · 2^(attempt-1))]`.
    /// A `Retry-After` from the server is a floor on that wait. A wait that would end past
    /// `max_elapsed` stops instead.
    pub fn decide(
        &self,
        attempt: u32,
        error: &Error,
        idempotent: bool,
        elapsed: Duration,
        random: u64,
    ) -> Decision {
        if attempt >= self.max_attempts || !Self::is_retryable(error, idempotent) {
            return Decision::Stop;
        }
        let ceiling = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20))
            .min(self.max_delay);
        let ceiling_ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        let jitter = Duration::from_millis(random % ceiling_ms.saturating_add(1));
        let delay = error
            .retry_after()
            .map_or(jitter, |after| after.max(jitter));
        if elapsed.saturating_add(delay) > self.max_elapsed {
            return Decision::Stop;
        }
        Decision::Retry(delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16) -> Error {
        Error::new(ErrorKind::Api, "x").with_status(status)
    }

    #[test]
    fn only_safe_failures_are_retried() {
        let timeout = Error::new(ErrorKind::Timeout, "t");
        assert!(RetryPolicy::is_retryable(&timeout, true));
        assert!(!RetryPolicy::is_retryable(&timeout, false));
        let refused = Error::network("refused").not_sent();
        assert!(RetryPolicy::is_retryable(&refused, false));
        let reset = Error::network("reset");
        assert!(!RetryPolicy::is_retryable(&reset, false));
        let slow = Error::new(ErrorKind::RateLimited, "slow").with_status(429);
        assert!(RetryPolicy::is_retryable(&slow, true));
        assert!(RetryPolicy::is_retryable(&api(502), true));
        assert!(!RetryPolicy::is_retryable(&api(502), false));
        let fault = api(200).with_transient();
        assert!(RetryPolicy::is_retryable(&fault, true));
        assert!(!RetryPolicy::is_retryable(&fault, false));
        assert!(!RetryPolicy::is_retryable(&api(200), true));
        // Issue 17 finding 8: a gateway may answer 429 or 503 + Retry-After after the backend
        // did the work; a sent mint is not retried then.
        let busy = api(503).with_retry_after(Duration::from_secs(1));
        assert!(RetryPolicy::is_retryable(&busy, true));
        assert!(!RetryPolicy::is_retryable(&busy, false));
        assert!(!RetryPolicy::is_retryable(&slow, false));
        // Unless the answer proves no work was done.
        assert!(RetryPolicy::is_retryable(&busy.not_sent(), false));
        assert!(!RetryPolicy::is_retryable(&api(400), true));
        assert!(!RetryPolicy::is_retryable(&api(500), true));
        assert!(!RetryPolicy::is_retryable(
            &Error::new(ErrorKind::Unauthorized, "no"),
            true
        ));
        assert!(!RetryPolicy::is_retryable(
            &Error::invalid_input("bad"),
            true
        ));
    }

    #[test]
    fn backoff_is_bounded_full_jitter() {
        let p = RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
            max_elapsed: Duration::from_secs(60),
        };
        let e = Error::new(ErrorKind::RateLimited, "x").with_status(429);
        // Ceilings double from 100 ms and stop at max_delay: 100, 200, 400, 800, 1000, 1000.
        let tops: Vec<_> = (1..=6)
            .map(
                |a| match p.decide(a, &e, true, Duration::ZERO, 1_000_000_000_000) {
                    Decision::Retry(d) => d.as_millis(),
                    Decision::Stop => 0,
                },
            )
            .collect();
        for (got, ceiling) in tops.iter().zip([100u128, 200, 400, 800, 1000, 1000]) {
            assert!(*got <= ceiling, "{got} > {ceiling}");
        }
        assert_eq!(
            p.decide(1, &e, true, Duration::ZERO, 0),
            Decision::Retry(Duration::ZERO)
        );
        assert_eq!(
            p.decide(3, &e, true, Duration::ZERO, 400),
            Decision::Retry(Duration::from_millis(400))
        );
        assert_eq!(
            p.decide(3, &e, true, Duration::ZERO, 401),
            Decision::Retry(Duration::ZERO)
        );
    }

    #[test]
    fn attempts_time_and_retry_after_are_honoured() {
        let p = RetryPolicy::default();
        let e = Error::new(ErrorKind::RateLimited, "x").with_retry_after(Duration::from_secs(2));
        assert_eq!(
            p.decide(1, &e, true, Duration::ZERO, 7),
            Decision::Retry(Duration::from_secs(2))
        );
        assert_eq!(
            p.decide(p.max_attempts, &e, true, Duration::ZERO, 7),
            Decision::Stop
        );
        assert_eq!(
            p.decide(1, &e, true, Duration::from_secs(29), 7),
            Decision::Stop
        );
        let long = e.with_retry_after(Duration::from_secs(3600));
        assert_eq!(p.decide(1, &long, true, Duration::ZERO, 7), Decision::Stop);
        assert_eq!(
            RetryPolicy::none().decide(1, &api(503), true, Duration::ZERO, 0),
            Decision::Stop
        );
    }
}
