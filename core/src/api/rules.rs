//! Documented constraints, checked on the client before any I/O. A model definition writes them
//! after a field's type, e.g. `[chars(1, 50)]`; the definition parser turns each into a [`Rule`],
//! and the engine checks it on the wire value. Errors name the field by its wire path
//! (`data[2].dnaName`), which is what the documents and the service's messages use.

use serde_json::Value;

use crate::error::{Error, Result};

/// One documented constraint on a field's value. An absent optional field satisfies every rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Length in characters (Unicode scalar values, as the documents' 字符 counts), inclusive.
    Chars(usize, usize),
    /// Number of list items, inclusive.
    Items(usize, usize),
    /// Exactly `n` hexadecimal digits (a SHA-256 is 64).
    Hex(usize),
    /// Non-empty hexadecimal of whole bytes (a serialized transaction, a signature, a key).
    HexBytes,
    /// A BIF address (`did:bid:ef…`).
    Bid,
    /// One of the documented strings.
    OneOfStr(&'static [&'static str]),
    /// One of the documented integers.
    OneOfInt(&'static [i64]),
    /// One of the documented numbers (the pool's payout minimums).
    OneOfNum(&'static [f64]),
    /// A number in a closed range.
    Range(f64, f64),
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A date and time, `YYYY-MM-DD HH:mm:ss`.
    DateTime,
}

fn invalid(field: &str, what: impl std::fmt::Display) -> Error {
    Error::invalid_input(format!("{field}: {what}"))
}

impl Rule {
    /// `Ok`, or an invalid-input error naming `field`. `value` has the field's type already
    /// (the engine checks types first); a rule that does not apply to the value's type holds.
    pub fn check(&self, field: &str, value: &Value) -> Result<()> {
        let ok = match (self, value) {
            (Rule::Chars(min, max), Value::String(s)) => {
                let n = s.chars().count();
                if n < *min || n > *max {
                    return Err(invalid(field, format!("{}, got {n}", self.describe())));
                }
                true
            }
            (Rule::Items(min, max), Value::Array(a)) => {
                if a.len() < *min || a.len() > *max {
                    return Err(invalid(
                        field,
                        format!("{}, got {}", self.describe(), a.len()),
                    ));
                }
                true
            }
            (Rule::Hex(n), Value::String(s)) => {
                s.len() == *n && s.bytes().all(|b| b.is_ascii_hexdigit())
            }
            (Rule::HexBytes, Value::String(s)) => {
                !s.is_empty() && s.len() % 2 == 0 && s.bytes().all(|b| b.is_ascii_hexdigit())
            }
            (Rule::Bid, Value::String(s)) => is_bid(s),
            (Rule::OneOfStr(values), Value::String(s)) => values.contains(&s.as_str()),
            (Rule::OneOfInt(values), Value::Number(n)) => {
                n.as_i64().is_some_and(|n| values.contains(&n))
            }
            (Rule::OneOfNum(values), Value::Number(n)) => {
                n.as_f64().is_some_and(|n| values.contains(&n))
            }
            (Rule::Range(min, max), Value::Number(n)) => {
                n.as_f64().is_some_and(|v| v >= *min && v <= *max)
            }
            (Rule::Date, Value::String(s)) => is_date(s),
            (Rule::DateTime, Value::String(s)) => {
                // ASCII first: the slices below must fall on character boundaries.
                s.len() == 19
                    && s.is_ascii()
                    && is_date(&s[..10])
                    && s.as_bytes()[10] == b' '
                    && is_time(&s[11..])
            }
            _ => true,
        };
        if ok {
            Ok(())
        } else {
            Err(invalid(field, self.describe()))
        }
    }

    /// The rule in words, for errors and generated docs.
    pub fn describe(&self) -> String {
        match self {
            Rule::Chars(0, max) => format!("must be at most {max} characters"),
            Rule::Chars(min, max) if *max == usize::MAX => {
                format!("must be at least {min} characters")
            }
            Rule::Chars(min, max) if min == max => format!("must be exactly {min} characters"),
            Rule::Chars(min, max) => format!("must be {min} to {max} characters"),
            Rule::Items(min, max) if *max == usize::MAX => {
                format!("must hold at least {min} items")
            }
            Rule::Items(min, max) => format!("must hold {min} to {max} items"),
            Rule::Hex(n) => format!("must be {n} hexadecimal digits"),
            Rule::HexBytes => "must be hexadecimal bytes".into(),
            Rule::Bid => "must be a BID such as did:bid:ef…".into(),
            Rule::OneOfStr(values) => format!("must be one of {values:?}"),
            Rule::OneOfInt(values) => format!("must be one of {values:?}"),
            Rule::OneOfNum(values) => format!("must be one of {values:?}"),
            Rule::Range(min, max) => format!("must be from {min} to {max}"),
            Rule::Date => "must be a date, YYYY-MM-DD".into(),
            Rule::DateTime => "must be a date and time, YYYY-MM-DD HH:mm:ss".into(),
        }
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if s.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&s[..4]), digits(&s[5..7]), digits(&s[8..])) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if s.len() != 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    matches!(
        (digits(&s[..2]), digits(&s[3..5]), digits(&s[6..])),
        (Some(h), Some(m), Some(sec)) if h < 24 && m < 60 && sec < 60
    )
}

/// A BIF address: `did:bid:`, an optional sub-chain code and `:`, then `ef` (Ed25519) or `zf`
/// (SM2) and base58 (bif-spec; seed 002's sub-chain BIDs look like `did:bid:ljcp:ef…`).
/// The length is not pinned: one seed 002 example address is a character shorter than the rest.
fn is_bid(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("did:bid:") else {
        return false;
    };
    let id = match rest.split_once(':') {
        Some((chain, id))
            if !chain.is_empty() && chain.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            id
        }
        Some(_) => return false,
        None => rest,
    };
    (id.starts_with("ef") || id.starts_with("zf"))
        && (20..=50).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rules_hold_and_fail_with_the_rule_in_words() {
        assert!(Rule::Chars(1, 3).check("f", &json!("三个字")).is_ok());
        let e = Rule::Chars(1, 3)
            .check("f", &json!("四个字啊"))
            .unwrap_err();
        assert_eq!(e.message(), "f: must be 1 to 3 characters, got 4");
        assert!(Rule::Date.check("d", &json!("2024-02-29")).is_ok());
        assert!(Rule::Date.check("d", &json!("2023-02-29")).is_err());
        assert!(Rule::DateTime
            .check("d", &json!("2024-01-31 23:59:59"))
            .is_ok());
        assert!(Rule::DateTime
            .check("d", &json!("2024-01-31T23:59:59"))
            .is_err());
        assert!(Rule::OneOfInt(&[1, 2]).check("n", &json!(3)).is_err());
        let mins = Rule::OneOfNum(&[0.0, 0.001, 0.01, 0.1]);
        assert!(mins.check("min", &json!(0.01)).is_ok() && mins.check("min", &json!(0)).is_ok());
        assert!(mins.check("min", &json!(0.02)).is_err());
        // Hostile text never panics on a character boundary.
        for s in ["2020-01-0é0:00:00", "éé-01-01", "2020-01-01 0é:00:0"] {
            assert!(Rule::DateTime.check("t", &json!(s)).is_err(), "{s}");
            assert!(Rule::Date.check("d", &json!(s)).is_err(), "{s}");
        }
        assert!(Rule::Range(1.0, 2.0).check("n", &json!(2)).is_ok());
        assert!(Rule::Bid
            .check("b", &json!("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"))
            .is_ok());
        assert!(Rule::Bid.check("b", &json!("did:bid:xx")).is_err());
    }
}
