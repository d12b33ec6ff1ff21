//! Days and hours on the wire. Decision (notes §4.3: no format or zone is documented): `start`,
//! `end` and `day` take the formats of the document's answers, `YYYY-MM-DD` and
//! `YYYY-MM-DD HH:mm:ss`, in Beijing time (UTC+8), checked strictly (real calendar values, exactly
//! that many digits). Days and hours are counted as integers so ranges are plain integer ranges.

use std::ops::{Range, RangeInclusive};

use time::macros::format_description;
use time::{Date, PrimitiveDateTime};

use super::state::{invalid, text, Fail, Params};

/// Whole hours since 1970-01-01 00:00 UTC.
pub type Hour = i64;

/// Beijing calendar days since 1970-01-01.
pub type Day = i64;

/// Decision: a daily range holds at most 366 days (a year, leap or not).
pub const MAX_DAYS: i64 = 366;

/// Decision: an hourly range holds at most 31 days of hours.
pub const MAX_HOURS: i64 = 31 * 24;

/// Beijing is 8 hours ahead of UTC.
const CST_HOURS: i64 = 8;

/// The Julian day number of 1970-01-01.
const EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The hour holding Unix second `secs`.
pub fn hour_at(secs: i64) -> Hour {
    secs.div_euclid(3600)
}

/// The Beijing day holding `hour`.
pub fn day_of(hour: Hour) -> Day {
    (hour + CST_HOURS).div_euclid(24)
}

/// The 24 hours of `day`.
pub fn hours_of(day: Day) -> Range<Hour> {
    let first = day * 24 - CST_HOURS;
    first..first + 24
}

/// `day` as `YYYY-MM-DD`.
pub fn day_text(day: Day) -> String {
    i32::try_from(day + EPOCH_JULIAN_DAY)
        .ok()
        .and_then(|jd| Date::from_julian_day(jd).ok())
        .and_then(|d| d.format(format_description!("[year]-[month]-[day]")).ok())
        .unwrap_or_default()
}

/// `hour` as `YYYY-MM-DD HH:00:00`.
pub fn hour_text(hour: Hour) -> String {
    let h = (hour + CST_HOURS).rem_euclid(24);
    format!("{} {h:02}:00:00", day_text(day_of(hour)))
}

/// Unix second `secs` as `YYYY-MM-DD HH:mm:ss`.
pub fn second_text(secs: i64) -> String {
    let s = (secs + CST_HOURS * 3600).rem_euclid(86_400);
    let day = day_text(day_of(hour_at(secs)));
    format!("{day} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// `start` ..= `end` as days.
pub fn day_range(p: &Params, max_days: i64) -> Result<RangeInclusive<Day>, Fail> {
    let (start, end) = (date(p, "start")?, date(p, "end")?);
    ordered(start, end, end - start + 1, max_days, "days")?;
    Ok(start..=end)
}

/// `start` ..= `end` as the hours holding them.
pub fn hour_range(p: &Params) -> Result<RangeInclusive<Hour>, Fail> {
    let (start, end) = (datetime(p, "start")?, datetime(p, "end")?);
    let (first, last) = (hour_of(start), hour_of(end));
    ordered(start, end, last - first + 1, MAX_HOURS, "hours")?;
    Ok(first..=last)
}

/// The date parameter `key` as a day.
pub fn date(p: &Params, key: &str) -> Result<Day, Fail> {
    let s = text(p, key)?;
    let d = shaped(s, "9999-99-99")
        .then(|| Date::parse(s, format_description!("[year]-[month]-[day]")).ok())
        .flatten()
        .ok_or_else(|| invalid(format!("{key} must be a date YYYY-MM-DD")))?;
    Ok(i64::from(d.to_julian_day()) - EPOCH_JULIAN_DAY)
}

fn datetime(p: &Params, key: &str) -> Result<PrimitiveDateTime, Fail> {
    let s = text(p, key)?;
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    shaped(s, "9999-99-99 99:99:99")
        .then(|| PrimitiveDateTime::parse(s, format).ok())
        .flatten()
        .ok_or_else(|| invalid(format!("{key} must be a time YYYY-MM-DD HH:mm:ss")))
}

fn hour_of(t: PrimitiveDateTime) -> Hour {
    let day = i64::from(t.date().to_julian_day()) - EPOCH_JULIAN_DAY;
    day * 24 - CST_HOURS + i64::from(t.hour())
}

fn ordered<T: PartialOrd>(start: T, end: T, n: i64, max: i64, unit: &str) -> Result<(), Fail> {
    if start > end {
        Err(invalid("start must not be after end"))
    } else if n > max {
        Err(invalid(format!("at most {max} {unit} per query")))
    } else {
        Ok(())
    }
}

/// `s` has the shape of `pattern`: a digit where it has `9`, its other characters verbatim.
fn shaped(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            _ => c == p,
        })
}
