//! The synthetic hashrate behind every Profit.*, Speed.* and worker answer. The sandbox has no
//! miners, so each worker-hour is a pure function of (sub-account name, worker name, hour): the
//! same query always answers the same rows, and date ranges and paging can be tested.
//!
//! Each hour a sub-account's workers split its theorySpeed evenly, all scaled by one jitter in
//! [0.9, 1.1) drawn for (sub-account, hour). A worker is down for whole days (5% of days) and for
//! single hours (10% of the other hours), so online counts vary; it hashes nothing while down.

use super::period::{day_of, hours_of, Day, Hour};
use super::state::Sub;

/// 1 P in H/s; theorySpeed is in P, validSpeed in H/s (notes §4.3).
pub const H_PER_P: f64 = 1e15;

/// What one draw is for, so draws for different purposes are independent.
#[derive(Clone, Copy)]
#[repr(u64)]
pub enum Draw {
    /// The sub-account's hourly jitter.
    Jitter = 1,
    /// The sub-account's hourly reject rate.
    Reject = 2,
    /// A worker down for a day.
    DayDown = 3,
    /// A worker down for an hour.
    HourDown = 4,
    /// A coin's daily profitPerP.
    Profit = 5,
}

/// A hashrate over some period: H/s and the rejected-share rate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sample {
    /// Valid hashrate, H/s; u64 because the documented values pass 2^53.
    pub speed: u64,
    /// Rejected share rate.
    pub reject: f64,
}

impl Sample {
    /// The samples together: speeds add, the reject rate is their speed-weighted mean.
    pub fn total(samples: impl IntoIterator<Item = Sample>) -> Sample {
        let (sum, _, reject) = fold(samples);
        Sample {
            speed: u64::try_from(sum).unwrap_or(u64::MAX),
            reject,
        }
    }

    /// Their mean: a daily value is the mean of its 24 hours.
    pub fn mean(samples: impl IntoIterator<Item = Sample>) -> Sample {
        let (sum, n, reject) = fold(samples);
        Sample {
            speed: u64::try_from(sum / n.max(1)).unwrap_or(u64::MAX),
            reject,
        }
    }
}

/// Sum of speeds, count, and the speed-weighted reject rate to 5 decimals (the examples' 0.00123).
fn fold(samples: impl IntoIterator<Item = Sample>) -> (u128, u128, f64) {
    let (mut sum, mut n, mut rejected) = (0u128, 0u128, 0f64);
    for s in samples {
        sum += u128::from(s.speed);
        n += 1;
        rejected += s.reject * s.speed as f64;
    }
    let reject = if sum == 0 {
        0.0
    } else {
        round(rejected / sum as f64, 5)
    };
    (sum, n, reject)
}

/// One sub-account, or some of its workers, ready to draw.
pub struct Model {
    seed: u64,
    /// Each worker's share of theorySpeed, H/s.
    each: f64,
    /// One seed per worker.
    workers: Vec<u64>,
}

impl Model {
    /// Every worker of the sub-account `name`.
    pub fn new(name: &str, sub: &Sub) -> Self {
        let seed = seed(name);
        let workers = sub
            .workers
            .iter()
            .map(|(w, _)| seed_with(seed, w))
            .collect();
        let each = sub.theory_speed * H_PER_P / sub.workers.len().max(1) as f64;
        Self {
            seed,
            each,
            workers,
        }
    }

    /// One model per worker, in the sub-account's order.
    pub fn split(&self) -> impl Iterator<Item = Model> + '_ {
        self.workers.iter().map(|w| Model {
            seed: self.seed,
            each: self.each,
            workers: vec![*w],
        })
    }

    /// How many of the workers are online in `hour`.
    pub fn online(&self, hour: Hour) -> u64 {
        let day = day_of(hour);
        let up = |w: &&u64| {
            unit(**w, Draw::DayDown, day) >= 0.05 && unit(**w, Draw::HourDown, hour) >= 0.1
        };
        self.workers.iter().filter(up).count() as u64
    }

    /// How many of the workers were online in some hour of `day`.
    pub fn active_on(&self, day: Day) -> u64 {
        self.split()
            .filter(|w| hours_of(day).any(|h| w.online(h) > 0))
            .count() as u64
    }

    /// The workers' hashrate in `hour`.
    pub fn hour(&self, hour: Hour) -> Sample {
        let online = self.online(hour);
        if online == 0 {
            return Sample::default();
        }
        let jitter = 0.9 + 0.2 * unit(self.seed, Draw::Jitter, hour);
        Sample {
            speed: ((self.each * jitter) as u64).saturating_mul(online),
            reject: round(0.005 * unit(self.seed, Draw::Reject, hour), 5),
        }
    }

    /// The mean of `day`'s hours.
    pub fn day(&self, day: Day) -> Sample {
        Sample::mean(hours_of(day).map(|h| self.hour(h)))
    }

    /// The mean of the 24 whole hours before `hour` (the realtime `speed24h`).
    pub fn last_24h(&self, hour: Hour) -> Sample {
        Sample::mean((hour - 24..hour).map(|h| self.hour(h)))
    }

    /// The latest hour up to `hour`, at most `back` hours earlier, with a worker online.
    pub fn last_online(&self, hour: Hour, back: i64) -> Option<Hour> {
        (hour - back..=hour).rev().find(|h| self.online(*h) > 0)
    }
}

/// A seed for `text`: FNV-1a.
pub fn seed(text: &str) -> u64 {
    seed_with(0xcbf2_9ce4_8422_2325, text)
}

fn seed_with(seed: u64, text: &str) -> u64 {
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    text.bytes().chain([0xff]).fold(seed, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A draw in [0, 1) for (`seed`, `draw`, `at`).
pub fn unit(seed: u64, draw: Draw, at: i64) -> f64 {
    let z = mix(seed ^ mix(at as u64 ^ ((draw as u64) << 56)));
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// SplitMix64's finalizer.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `x` to `digits` decimals.
pub fn round(x: f64, digits: i32) -> f64 {
    let k = 10f64.powi(digits);
    (x * k).round() / k
}

/// Decision (the document never says which coin a sub-account mines, yet the example summary
/// earns both): the pool mines BTC with nine tenths of every hashrate and BCH with the rest.
pub fn coin_part(speed: u64, coin: &str) -> u64 {
    match coin {
        "bch" => speed / 10,
        "btc" => speed - speed / 10,
        _ => speed,
    }
}
