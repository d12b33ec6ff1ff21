//! Fixed credentials sent in one header: DDC `apitoken` (seed 000), Ulord `appkey` (seed 001),
//! and a Huawei IAM token the user already holds (`X-Auth-Token`, seed 004 §1.4.1).

use http::{HeaderName, HeaderValue};

use crate::error::{Error, Result};
use crate::executor::{AttemptContext, Authorizer};
use crate::secret::Secret;
use crate::transport::Request;

/// DDC's header (seed 000: 请求头 `apitoken`).
pub const DDC_APITOKEN: &str = "apitoken";
/// Ulord's header for external calls (seed 001: 请求头 `appkey`).
pub const ULORD_APPKEY: &str = "appkey";
/// Huawei IAM's token header (seed 004 §1.4.1).
pub const X_AUTH_TOKEN: &str = "x-auth-token";

/// Sends `value` in header `name` on every attempt.
#[derive(Clone, Debug)]
pub struct HeaderAuthorizer {
    name: HeaderName,
    value: Secret,
}

impl HeaderAuthorizer {
    /// An authorizer for header `name`; fails for an empty value or one no header can carry.
    pub fn new(name: &str, value: Secret) -> Result<Self> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::config(format!("invalid header name {name:?}")))?;
        if value.is_empty() {
            return Err(Error::config(format!("the {name} credential is empty")));
        }
        // The value is not echoed: it is the credential.
        HeaderValue::from_str(value.expose()).map_err(|_| {
            Error::config(format!("the {name} credential cannot be sent in a header"))
        })?;
        Ok(Self { name, value })
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Authorizer for HeaderAuthorizer {
    async fn authorize(&self, request: &mut Request, _: &AttemptContext<'_>) -> Result<()> {
        let mut value = HeaderValue::from_str(self.value.expose()).map_err(|_| {
            Error::config(format!(
                "the {} credential cannot be sent in a header",
                self.name
            ))
        })?;
        value.set_sensitive(true);
        request.headers_mut().insert(self.name.clone(), value);
        Ok(())
    }

    fn secrets(&self) -> Vec<Secret> {
        vec![self.value.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::runtime::SeqRandom;

    #[tokio::test]
    async fn stamps_the_header_and_rejects_bad_values() {
        let auth = HeaderAuthorizer::new(DDC_APITOKEN, "tok-1".into()).unwrap();
        let mut req = http::Request::new(Vec::new());
        let random = SeqRandom::new(0, 1);
        let ctx = AttemptContext {
            now: std::time::Duration::ZERO,
            attempt: 1,
            random: &random,
            credential: &std::sync::atomic::AtomicU64::new(0),
        };
        auth.authorize(&mut req, &ctx).await.unwrap();
        assert_eq!(req.headers()["apitoken"], "tok-1");
        assert!(!format!("{auth:?}").contains("tok-1"));
        for (name, value) in [
            ("apitoken", ""),
            ("bad name", "v"),
            ("appkey", "line\nbreak"),
        ] {
            let err = HeaderAuthorizer::new(name, value.into()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Config);
            assert!(!err.to_string().contains("line"), "{err}");
        }
    }
}
