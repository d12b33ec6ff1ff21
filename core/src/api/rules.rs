//! Documented constraints, checked on the client before any I/O. A model definition writes them
//! after a field's type, e.g. `[chars(1, 50)]`; the error names the field by its wire name
//! (`data[2].dnaName`), which is what the documents and the service's messages use.

use crate::error::{Error, Result};
use crate::secret::Secret;

/// Checks a whole value (a model, or a list or option of models) at `at`.
pub trait Validate {
    /// `Ok` when every documented constraint holds; `at` prefixes field names in errors.
    fn validate_at(&self, at: &str) -> Result<()>;

    /// [`Validate::validate_at`] from the top.
    fn validate(&self) -> Result<()> {
        self.validate_at("")
    }
}

macro_rules! no_rules {
    ($($t:ty),*) => {$(
        impl Validate for $t {
            fn validate_at(&self, _: &str) -> Result<()> {
                Ok(())
            }
        }
    )*};
}
no_rules!(String, Secret, bool, u8, u16, u32, u64, i32, i64, f64);

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.as_ref().map_or(Ok(()), |v| v.validate_at(at))
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.iter()
            .enumerate()
            .try_for_each(|(i, v)| v.validate_at(&format!("{at}[{i}]")))
    }
}

/// `at.field`, or `field` at the top.
pub fn path(at: &str, field: &str) -> String {
    if at.is_empty() {
        field.to_owned()
    } else {
        format!("{at}.{field}")
    }
}

/// One constraint on a value of type `T`; an absent `Option` satisfies every rule.
pub trait Rule<T: ?Sized> {
    /// `Ok`, or an invalid-input error naming `field`.
    fn check(&self, field: &str, value: &T) -> Result<()>;
}

/// Checks `value` against `rule`, the value's type choosing the rule's implementation.
pub fn check<T, R: Rule<T>>(rule: &R, field: &str, value: &T) -> Result<()> {
    rule.check(field, value)
}

fn invalid(field: &str, what: impl std::fmt::Display) -> Error {
    Error::invalid_input(format!("{field}: {what}"))
}

/// Length in characters (Unicode scalar values, as the documents' 字符 counts), inclusive.
#[derive(Clone, Copy, Debug)]
pub struct Chars(pub usize, pub usize);

/// `chars(min, max)`.
pub const fn chars(min: usize, max: usize) -> Chars {
    Chars(min, max)
}

impl Rule<String> for Chars {
    fn check(&self, field: &str, value: &String) -> Result<()> {
        let n = value.chars().count();
        if n < self.0 || n > self.1 {
            let want = if self.0 == 0 {
                format!("at most {} characters", self.1)
            } else {
                format!("{} to {} characters", self.0, self.1)
            };
            return Err(invalid(field, format!("must be {want}, got {n}")));
        }
        Ok(())
    }
}

/// Number of list items, inclusive.
#[derive(Clone, Copy, Debug)]
pub struct Items(pub usize, pub usize);

/// `items(min, max)`.
pub const fn items(min: usize, max: usize) -> Items {
    Items(min, max)
}

impl<T> Rule<Vec<T>> for Items {
    fn check(&self, field: &str, value: &Vec<T>) -> Result<()> {
        let n = value.len();
        if n < self.0 || n > self.1 {
            return Err(invalid(
                field,
                format!("must hold {} to {} items, got {n}", self.0, self.1),
            ));
        }
        Ok(())
    }
}

/// Exactly `n` hexadecimal digits (a SHA-256 is 64).
#[derive(Clone, Copy, Debug)]
pub struct Hex(pub usize);

/// `hex(n)`.
pub const fn hex(n: usize) -> Hex {
    Hex(n)
}

impl Rule<String> for Hex {
    fn check(&self, field: &str, value: &String) -> Result<()> {
        if value.len() != self.0 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid(
                field,
                format!("must be {} hexadecimal digits", self.0),
            ));
        }
        Ok(())
    }
}

/// Non-empty hexadecimal of whole bytes (a serialized transaction, a signature, a key).
#[derive(Clone, Copy, Debug)]
pub struct HexBytes;

/// `hex_bytes()`.
pub const fn hex_bytes() -> HexBytes {
    HexBytes
}

impl Rule<String> for HexBytes {
    fn check(&self, field: &str, value: &String) -> Result<()> {
        if value.is_empty() || value.len() % 2 != 0 || !value.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return Err(invalid(field, "must be hexadecimal bytes"));
        }
        Ok(())
    }
}

/// A BIF address: `did:bid:`, an optional sub-chain code and `:`, then `ef` (Ed25519) or `zf`
/// (SM2) and base58 (bif-spec; seed 002's sub-chain BIDs look like `did:bid:ljcp:ef…`).
/// The length is not pinned: one §3.3.3 example address is a character shorter than the rest.
#[derive(Clone, Copy, Debug)]
pub struct Bid;

/// `bid()`.
pub const fn bid() -> Bid {
    Bid
}

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

impl Rule<String> for Bid {
    fn check(&self, field: &str, value: &String) -> Result<()> {
        if !is_bid(value) {
            return Err(invalid(field, "must be a BID such as did:bid:ef…"));
        }
        Ok(())
    }
}

/// One of the documented values.
#[derive(Clone, Copy, Debug)]
pub struct OneOf<T: 'static>(pub &'static [T]);

/// `one_of(&[…])`.
pub const fn one_of<T>(values: &'static [T]) -> OneOf<T> {
    OneOf(values)
}

impl Rule<String> for OneOf<&'static str> {
    fn check(&self, field: &str, value: &String) -> Result<()> {
        if !self.0.contains(&value.as_str()) {
            return Err(invalid(field, format!("must be one of {:?}", self.0)));
        }
        Ok(())
    }
}

impl Rule<i32> for OneOf<i32> {
    fn check(&self, field: &str, value: &i32) -> Result<()> {
        if !self.0.contains(value) {
            return Err(invalid(field, format!("must be one of {:?}", self.0)));
        }
        Ok(())
    }
}

/// A number in a closed range.
#[derive(Clone, Copy, Debug)]
pub struct Range(pub f64, pub f64);

/// `range(min, max)`.
pub const fn range(min: f64, max: f64) -> Range {
    Range(min, max)
}

macro_rules! range_for {
    ($($t:ty),*) => {$(
        impl Rule<$t> for Range {
            fn check(&self, field: &str, value: &$t) -> Result<()> {
                let v = *value as f64;
                if !(v >= self.0 && v <= self.1) {
                    return Err(invalid(field, format!("must be from {} to {}", self.0, self.1)));
                }
                Ok(())
            }
        }
    )*};
}
range_for!(i32, i64, f64);

/// Every rule holds for an absent value; a present one is checked.
impl<T, R: Rule<T>> Rule<Option<T>> for R {
    fn check(&self, field: &str, value: &Option<T>) -> Result<()> {
        value.as_ref().map_or(Ok(()), |v| self.check(field, v))
    }
}
