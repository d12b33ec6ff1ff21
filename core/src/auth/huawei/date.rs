//! `X-Sdk-Date` (§2.5): its layout, and its text written on the stack.

use std::time::Duration;

use crate::error::{Error, Result};

/// The `X-Sdk-Date` layout (§2.5).
pub(super) const DATE_FORMAT: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");

/// `X-Sdk-Date` text (`DATE_FORMAT`), on the stack.
pub(super) struct DateText([u8; 16]);

impl DateText {
    pub fn new(now: Duration) -> Result<Self> {
        let t = i64::try_from(now.as_secs())
            .ok()
            .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
            .filter(|t| (0..=9999).contains(&t.year()))
            .ok_or_else(|| Error::invalid_input("time out of range for X-Sdk-Date"))?;
        // The layout written digit by digit: `time`'s generic formatter, then `format!`, each
        // cost a measurable share of a signature.
        let mut text = *b"00000000T000000Z";
        let fields = [
            (0, 4, t.year().unsigned_abs()),
            (4, 2, u32::from(u8::from(t.month()))),
            (6, 2, u32::from(t.day())),
            (9, 2, u32::from(t.hour())),
            (11, 2, u32::from(t.minute())),
            (13, 2, u32::from(t.second())),
        ];
        for (at, width, mut value) in fields {
            for digit in text[at..at + width].iter_mut().rev() {
                *digit = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}
