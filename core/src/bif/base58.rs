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

/// The longest value [`decode`] takes, in bytes: above every BIF value (keys are 37 bytes,
/// address ids 22). Base58 decoding costs the square of the length (300k characters took
/// 37 s in JS, issue 17), so longer text is refused before any decoding.
pub const MAX_DECODED_LEN: usize = 256;

/// The most characters the Base58 text of a `bytes`-byte value can have: ⌈bytes · log₅₈256⌉
/// (log₅₈256 = 1.3657…), bounded above in integers. Leading zero bytes make the text shorter.
pub const fn max_text_len(bytes: usize) -> usize {
    bytes * 1366 / 1000 + 1
}

/// Decodes strictly: a character outside [`ALPHABET`] is an error (the offline-api's Go decoder
/// silently corrupts the value instead, bif-spec §2). `what` names the field in the message.
/// Text longer than any [`MAX_DECODED_LEN`]-byte value is refused unread.
pub fn decode(text: &str, what: &str) -> Result<Vec<u8>> {
    decode_at_most(text, what, MAX_DECODED_LEN)
}

/// [`decode`] for a value of at most `max_bytes` bytes: longer text is refused before decoding,
/// so the cost is bounded by the expected size, never by the input's. The alphabet is checked
/// first (a linear scan), so a stray character is named even in text that is also too long.
pub fn decode_at_most(text: &str, what: &str, max_bytes: usize) -> Result<Vec<u8>> {
    if let Some((index, character)) = text.char_indices().find(|(_, c)| !ALPHABET.contains(*c)) {
        return Err(Error::invalid_input(format!(
            "{what}: {character:?} at position {index} is not a BIF Base58 character"
        )));
    }
    let limit = max_text_len(max_bytes.min(MAX_DECODED_LEN));
    if text.len() > limit {
        return Err(Error::invalid_input(format!(
            "{what}: {} characters, more than the {limit} of a {max_bytes}-byte value",
            text.len()
        )));
    }
    bs58::decode(text)
        .with_alphabet(&BIF)
        .into_vec()
        .map_err(|e| Error::invalid_input(format!("{what}: not BIF Base58 ({e})")))
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

    #[test]
    fn the_length_bound_holds_for_every_size_and_refuses_long_text_unread() {
        for n in 0..=MAX_DECODED_LEN {
            // The longest text of n bytes is that of n bytes of 0xff.
            let longest = encode(&vec![0xff; n]);
            assert!(longest.len() <= max_text_len(n), "{n}");
            assert_eq!(decode_at_most(&longest, "x", n).unwrap().len(), n);
        }
        // Issue 17: 10 MB took more than 90 s to decode. It is now refused by its length
        // after one linear scan of the alphabet.
        let huge = "z".repeat(10 << 20);
        let err = decode_at_most(&huge, "address", 22).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.message().contains("more than the 31"), "{err}");
        assert!(decode(&"1".repeat(max_text_len(MAX_DECODED_LEN) + 1), "x").is_err());
    }
}
