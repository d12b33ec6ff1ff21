//! Authentication schemes of the five services, each a pure function of (request, credentials,
//! time, nonce), plus the [`crate::Authorizer`]s that apply them on every attempt.

pub mod credentials;
pub mod dna;
pub mod header;
pub mod huawei;
pub mod iam;
pub mod jwt;
pub mod pool;
pub mod token;
pub mod ulord;

/// Lower-case hex. `hex::encode` collects an iterator of chars, which showed up as 6% of AK/SK
/// signing time in `perf`; encoding into a byte buffer does the same work without it.
pub(crate) fn lower_hex(bytes: &[u8]) -> String {
    let mut buf = vec![0u8; bytes.len() * 2];
    // The buffer is exactly twice the input, the one length encode_to_slice accepts.
    if hex::encode_to_slice(bytes, &mut buf).is_err() {
        return hex::encode(bytes);
    }
    String::from_utf8(buf).unwrap_or_else(|_| hex::encode(bytes))
}
