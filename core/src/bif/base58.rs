//! BIF Base58: Bitcoin's big-integer Base58 with BIF's own alphabet, no checksum (bif-spec §2).

use crate::error::{Error, Result};

/// BIF's alphabet: Bitcoin's with `B`↔`b` and `U`↔`u` swapped (Go `utils/base/base58.go`,
/// Java `Base58.ALPHABET`). Bitcoin's alphabet does not reproduce seed §3.3.2.
pub const ALPHABET: &str = "123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz";

static BIF: bs58::Alphabet =
    bs58::Alphabet::new_unwrap(b"123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz");

/// Encodes `bytes`; each leading `0x00` becomes a leading `'1'`.
pub fn encode(bytes: &[u8]) -> String {
    bs58::encode(bytes).with_alphabet(&BIF).into_string()
}

/// Decodes strictly: a character outside [`ALPHABET`] is an error (the offline-api's Go decoder
/// silently corrupts the value instead, bif-spec §2). `what` names the field in the message.
pub fn decode(text: &str, what: &str) -> Result<Vec<u8>> {
    bs58::decode(text)
        .with_alphabet(&BIF)
        .into_vec()
        .map_err(|e| match e {
            bs58::decode::Error::InvalidCharacter { character, index } => Error::invalid_input(
                format!("{what}: {character:?} at position {index} is not a BIF Base58 character"),
            ),
            other => Error::invalid_input(format!("{what}: not BIF Base58 ({other})")),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_zeros_round_trip_and_strictness() {
        assert_eq!(encode(&[0, 0, 1]), "112");
        assert_eq!(decode("112", "x").unwrap(), vec![0, 0, 1]);
        assert_eq!(decode("", "x").unwrap(), Vec::<u8>::new());
        // '0', 'O', 'I', 'l' are outside every Base58 alphabet; the message names the field.
        let e = decode("1O", "address").unwrap_err();
        assert!(e.message().starts_with("address: 'O' at position 1"), "{e}");
        // B and b are swapped relative to Bitcoin: 'b' is digit 10, 'B' digit 34.
        assert_eq!(decode("b", "x").unwrap(), vec![10]);
        assert_eq!(decode("B", "x").unwrap(), vec![34]);
    }
}
