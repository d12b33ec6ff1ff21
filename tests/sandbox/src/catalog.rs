//! Every documented endpoint of the five services, derived from the shared catalogs by
//! `catalog/derive.py` into `catalog/routes.json` (committed: the sandbox never reads ../shared).

use serde::Deserialize;
use serde_json::Value;

/// One documented endpoint.
#[derive(Debug, Deserialize)]
pub struct Route {
    /// `ddc`, `ulord`, `dna`, `pool` or `bcs`.
    pub service: String,
    /// The catalog's endpoint id.
    pub id: String,
    /// Pool action name (the pool has one URL).
    #[serde(default)]
    pub action: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Path template with `{param}` segments, byte-exact (trailing slashes included).
    pub path: String,
    /// Ulord's part: `developer_login`, `appkey` or `none`.
    #[serde(default)]
    pub auth: Option<String>,
    /// Documented success status.
    pub status: u16,
    /// The documented example, or a skeleton of the documented fields.
    pub response: Value,
}

/// All routes, in catalog order.
pub struct Catalog {
    routes: Vec<Route>,
}

impl Catalog {
    /// Parses the embedded table; a broken table is a build defect, caught by the tests.
    pub fn load() -> Self {
        let routes =
            serde_json::from_str(include_str!("../catalog/routes.json")).unwrap_or_default();
        Self { routes }
    }

    /// Every route.
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The route for `method path`; with several templates matching, the one with most literal
    /// segments wins (`/blockchains/flavors` over `/blockchains/{blockchain_id}`).
    pub fn find(&self, method: &str, path: &str) -> Option<&Route> {
        self.routes
            .iter()
            .filter(|r| r.service != "pool" && r.method.eq_ignore_ascii_case(method))
            .filter_map(|r| literal_matches(&r.path, path).map(|n| (n, r)))
            .max_by_key(|(n, _)| *n)
            .map(|(_, r)| r)
    }
}

/// Path parameters of `template` matched against `path`, in order.
pub fn params<'a>(template: &str, path: &'a str) -> Vec<&'a str> {
    template
        .split('/')
        .zip(path.split('/'))
        .filter(|(t, _)| t.starts_with('{'))
        .map(|(_, p)| p)
        .collect()
}

fn literal_matches(template: &str, path: &str) -> Option<usize> {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    if t.len() != p.len() {
        return None;
    }
    let mut literal = 0;
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') {
            if p.is_empty() {
                return None;
            }
        } else if t == p {
            literal += 1;
        } else {
            return None;
        }
    }
    Some(literal)
}
