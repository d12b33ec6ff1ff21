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
    let mut out = String::with_capacity(bytes.len() * 2);
    push_lower_hex(&mut out, bytes);
    out
}

/// [`lower_hex`] appended to `out`, through a stack buffer: the signers write digests straight
/// into the string they build.
pub(crate) fn push_lower_hex(out: &mut String, bytes: &[u8]) {
    let mut buf = [0u8; 128];
    for chunk in bytes.chunks(buf.len() / 2) {
        let hex = &mut buf[..chunk.len() * 2];
        // The slice is exactly twice the chunk, the one length encode_to_slice accepts, and
        // hex digits are ASCII: neither fallback can happen.
        if hex::encode_to_slice(chunk, hex).is_ok() {
            out.push_str(std::str::from_utf8(hex).unwrap_or_default());
        }
    }
}
