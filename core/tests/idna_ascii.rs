//! url's IDNA is pinned to its ASCII-only adapter (`idna_adapter = "=1.0.0"`, workspace
//! Cargo.toml) so the npm .wasm carries no Unicode tables. The price, which this test records:
//! a host with non-ASCII labels is refused and must be given in its xn-- form. If a dependency
//! bump brings the Unicode adapter back, the first assertion fails and the .wasm grows ~107 KB.
#![allow(clippy::unwrap_used, missing_docs)]

use chainkit_core::{ClientConfig, ErrorKind};

#[test]
fn unicode_hosts_are_refused_and_their_punycode_form_works() {
    let err = ClientConfig::new("https://例子.测试/api").err().unwrap();
    assert_eq!(err.kind(), ErrorKind::Config, "{err}");
    let ok = ClientConfig::new("https://xn--fsqu00a.xn--0zwm56d/api").unwrap();
    assert_eq!(ok.base_url.host_str(), Some("xn--fsqu00a.xn--0zwm56d"));
    // ASCII hosts are unaffected, including their case folding.
    let mixed = ClientConfig::new("https://API.Example.COM").unwrap();
    assert_eq!(mixed.base_url.host_str(), Some("api.example.com"));
}
