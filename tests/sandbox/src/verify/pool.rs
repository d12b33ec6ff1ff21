//! Seed 003 §8: the JWT in `Authorization` (HS256 keyed with secretKey) and the body signature
//! `hex(HMAC-SHA256(secretKey, action + String(at) + data + signNonce + secretSalt))`.

use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::Value;
use sha2::Sha256;

/// The JWT payload the seed's recipe sends (`iat` added by jsonwebtoken is ignored).
#[derive(Deserialize)]
#[allow(non_snake_case)]
pub struct Claims {
    /// The client.
    pub clientId: String,
    /// Anti-replay random number, at least 8 digits.
    pub rnd: Value,
    /// Expiry, seconds; the recipe sends a float (`Date.now()/1000 + 180`).
    pub exp: f64,
}

/// Verifies the HS256 signature and `exp > now`; returns the claims or the reason.
pub fn jwt(token: &str, secret_key: &str, now: i64) -> Result<Claims, &'static str> {
    let mut v = Validation::new(Algorithm::HS256);
    // exp is checked below as a float: jsonwebtoken's own check wants an integer.
    v.validate_exp = false;
    v.required_spec_claims.clear();
    let data =
        jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(secret_key.as_bytes()), &v)
            .map_err(|_| "invalid token")?;
    if data.claims.exp <= now as f64 {
        return Err("token expired");
    }
    Ok(data.claims)
}

/// `rnd` as digits, if it is a whole number of at least 8 digits (§8 "不得小于 8 位").
pub fn rnd_digits(rnd: &Value) -> Option<String> {
    let text = match rnd {
        Value::Number(n) => n.as_u64().map(|n| n.to_string())?,
        _ => return None,
    };
    (text.len() >= 8).then_some(text)
}

/// JS `String(number)`, which is what a server written in JS signs. Rust's `Display` for f64 is the
/// same shortest round-trip form and prints whole numbers without `.0` (notes §4.1 step 2).
pub fn js_number_text(n: &serde_json::Number) -> String {
    match (n.as_u64(), n.as_f64()) {
        (Some(i), _) => i.to_string(),
        (None, Some(f)) => format!("{f}"),
        (None, None) => n.to_string(),
    }
}

/// Compares `sign` with the HMAC of the envelope fields.
pub fn sign_ok(
    secret_key: &str,
    salt: &str,
    action: &str,
    at: &str,
    data: &str,
    nonce: &str,
    sign: &str,
) -> bool {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()) else {
        return false;
    };
    for part in [action, at, data, nonce, salt] {
        mac.update(part.as_bytes());
    }
    hex::decode(sign).is_ok_and(|s| mac.verify_slice(&s).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pool.json request_envelope.test_vector (Node crypto, cross-checked with Python).
    #[test]
    fn catalog_vector() {
        let at: serde_json::Number = serde_json::from_str("1585012345.678").unwrap();
        assert_eq!(js_number_text(&at), "1585012345.678");
        let sign = "bd59f24ba6055eeabd0df54a09d7cba43660820d897316308410084019e0051f";
        let args = ("test-secret-key", "test-secret-salt", "Account.GetBindInfo");
        assert!(sign_ok(
            args.0,
            args.1,
            args.2,
            "1585012345.678",
            r#"{"account":"alice"}"#,
            "1234567890",
            sign
        ));
        assert!(!sign_ok(
            args.0,
            args.1,
            args.2,
            "1585012345.679",
            r#"{"account":"alice"}"#,
            "1234567890",
            sign
        ));
        let whole: serde_json::Number = serde_json::from_str("1585012345").unwrap();
        let sign = "4d01a29231ec27a59da32efa5999057fc69fffdd9f531614e10c098c006126af";
        assert!(sign_ok(
            args.0,
            args.1,
            args.2,
            &js_number_text(&whole),
            r#"{"account":"alice"}"#,
            "1234567890",
            sign
        ));
    }
}
