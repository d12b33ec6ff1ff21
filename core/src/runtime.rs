//! Injected time, randomness and sleeping. Nothing else in core reads the clock or the OS RNG.

use std::time::Duration;

use async_trait::async_trait;
use web_time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, ErrorKind, Result};
use crate::transport::MaybeSend;

/// Wall-clock time.
pub trait Clock: MaybeSend {
    /// Now, as a duration since the Unix epoch. Errors for a clock set before 1970.
    fn now(&self) -> Result<Duration>;
}

/// Random numbers for nonces and retry jitter.
pub trait Random: MaybeSend {
    /// A uniformly random `u64`.
    fn next_u64(&self) -> u64;
}

/// Waits.
#[cfg_attr(not(target_arch = "wasm32"), async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait(?Send))]
pub trait Sleep: MaybeSend {
    /// Completes after `duration`.
    async fn sleep(&self, duration: Duration);
}

/// The system clock (`Date.now()` on wasm32, via `web-time`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Result<Duration> {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_err(|_| Error::new(ErrorKind::Config, "system clock is set before 1970"))
    }
}

/// The operating system's CSPRNG (`crypto.getRandomValues` on wasm32).
#[derive(Clone, Copy, Debug, Default)]
pub struct OsRandom;

impl Random for OsRandom {
    fn next_u64(&self) -> u64 {
        let mut buf = [0u8; 8];
        // getrandom fails only on platforms without an entropy source (none chainkit ships
        // to); the clock fallback keeps retry jitter working there rather than panicking.
        if getrandom::getrandom(&mut buf).is_err() {
            let nanos = SystemClock.now().map(|d| d.as_nanos()).unwrap_or_default();
            return nanos as u64;
        }
        u64::from_le_bytes(buf)
    }
}

#[cfg(feature = "native")]
pub use native::TokioSleep;

#[cfg(feature = "native")]
mod native {
    use super::*;

    /// Sleeps on the tokio timer.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct TokioSleep;

    #[async_trait]
    impl Sleep for TokioSleep {
        async fn sleep(&self, duration: Duration) {
            tokio::time::sleep(duration).await;
        }
    }
}

#[cfg(any(test, feature = "test-util"))]
pub use testing::{FixedClock, InstantSleep, ManualClock, SeqRandom};

#[cfg(any(test, feature = "test-util"))]
mod testing {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    use super::*;

    /// A clock stopped at one instant.
    #[derive(Clone, Copy, Debug)]
    pub struct FixedClock(pub Duration);

    impl Clock for FixedClock {
        fn now(&self) -> Result<Duration> {
            Ok(self.0)
        }
    }

    /// A clock that moves only when told to (by tests, or by [`InstantSleep`]).
    #[derive(Debug, Default)]
    pub struct ManualClock(Mutex<Duration>);

    impl ManualClock {
        /// A clock at `start`.
        pub fn new(start: Duration) -> Self {
            Self(Mutex::new(start))
        }
        /// Moves the clock forward.
        pub fn advance(&self, by: Duration) {
            let mut now = self.0.lock().unwrap_or_else(|e| e.into_inner());
            *now += by;
        }
    }

    impl Clock for ManualClock {
        fn now(&self) -> Result<Duration> {
            Ok(*self.0.lock().unwrap_or_else(|e| e.into_inner()))
        }
    }

    /// Deterministic "random" numbers: `start`, `start + step`, …
    #[derive(Debug)]
    pub struct SeqRandom {
        next: AtomicU64,
        step: u64,
    }

    impl SeqRandom {
        /// A sequence from `start` in steps of `step`.
        pub fn new(start: u64, step: u64) -> Self {
            Self {
                next: AtomicU64::new(start),
                step,
            }
        }
    }

    impl Random for SeqRandom {
        fn next_u64(&self) -> u64 {
            self.next.fetch_add(self.step, Ordering::Relaxed)
        }
    }

    /// A sleep that returns at once, recording what was asked and advancing a shared clock.
    /// It also ends every per-attempt deadline at once, so use it only with transports that
    /// answer on their first poll.
    #[derive(Debug, Default)]
    pub struct InstantSleep {
        /// Every duration slept, in order.
        pub slept: Mutex<Vec<Duration>>,
        clock: Option<std::sync::Arc<ManualClock>>,
    }

    impl InstantSleep {
        /// A sleep that also advances `clock` by each duration.
        pub fn advancing(clock: std::sync::Arc<ManualClock>) -> Self {
            Self {
                slept: Mutex::default(),
                clock: Some(clock),
            }
        }
        /// The durations slept so far.
        pub fn history(&self) -> Vec<Duration> {
            self.slept.lock().unwrap_or_else(|e| e.into_inner()).clone()
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), async_trait)]
    #[cfg_attr(target_arch = "wasm32", async_trait(?Send))]
    impl Sleep for InstantSleep {
        async fn sleep(&self, duration: Duration) {
            self.slept
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(duration);
            if let Some(clock) = &self.clock {
                clock.advance(duration);
            }
        }
    }
}
