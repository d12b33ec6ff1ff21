//! The names each language's namespaces hold, so that no two services (and no service and the
//! hand-written API) ever name the same thing. Rust and Python give each service a module, and
//! TypeScript a namespace, so their models cannot collide; what shares a namespace is listed
//! below per language. The codegen check (run by `make test`) fails on any collision.

use std::collections::BTreeMap;

use super::spec::ServiceSpec;

/// The hand-written top-level types of the Kotlin/Swift binding (one namespace: `chainkit`).
const FOREIGN_RESERVED: &[&str] = &[
    "BifAddress",
    "BifContractCall",
    "BifDecodedTransaction",
    "BifKeyPair",
    "BifKeyType",
    "BifPrivateKey",
    "BifPublicKey",
    "BifSignedTransaction",
    "ChainkitException",
    "Client",
    "ClientOptions",
    "Credentials",
    "Download",
    "HttpHeader",
    "HttpRequest",
    "HttpResponse",
    "HuaweiAlgorithm",
    "PoolSignedCall",
    "RawRequest",
    "RawResponse",
    "Secret",
    "SignedRequest",
];

/// The hand-written exports of the npm package (one module namespace).
const JS_RESERVED: &[&str] = &[
    "BifKeyPair",
    "BifPrivateKey",
    "BifPublicKey",
    "ChainkitError",
    "Client",
    "Download",
    "JsonValue",
    "PreparedRequest",
    "RawResponse",
    "Secret",
    "default",
];

/// What a service's name may not be: `chainkit`'s own Python modules, and the members of
/// `Client` in every language, which the per-service getters (`client.dna`) share.
const MEMBER_RESERVED: &[&str] = &[
    "bif",
    "cancel",
    "errors",
    "testing",
    "request",
    "prepare",
    "with_signal",
    "withSignal",
    "free",
    "parts",
];

/// Every name that two definitions (or a definition and the hand-written API) give to
/// different things in one namespace, as `language: name (first owner, second owner)`.
pub fn collisions(services: &[&ServiceSpec]) -> Vec<String> {
    let mut seen: BTreeMap<(&str, String), String> = BTreeMap::new();
    let mut out = Vec::new();
    let mut claim = |language: &'static str, name: String, owner: String| {
        if let Some(first) = seen.get(&(language, name.clone())) {
            out.push(format!("{language}: {name} ({first}, {owner})"));
        } else {
            seen.insert((language, name), owner);
        }
    };
    for name in FOREIGN_RESERVED {
        claim("Kotlin/Swift", (*name).to_owned(), "the binding".into());
    }
    for name in JS_RESERVED {
        claim("JS/TS", (*name).to_owned(), "the package".into());
    }
    for name in MEMBER_RESERVED {
        claim("Client member", (*name).to_owned(), "the binding".into());
    }
    for s in services {
        let owner = |what: &str| format!("{}'s {what}", s.name);
        claim("Client member", s.name.to_owned(), owner("getter"));
        claim("JS/TS", s.name.to_owned(), owner("namespace"));
        claim("JS/TS", s.client.to_owned(), owner("client"));
        claim("Kotlin/Swift", s.client.to_owned(), owner("client"));
        for m in s.models {
            claim("Kotlin/Swift", m.foreign.to_owned(), owner(m.name));
        }
        for e in s.enums {
            claim("Kotlin/Swift", e.foreign.to_owned(), owner(e.name));
        }
        for p in s.endpoints.iter().filter_map(|e| e.pages.as_ref()) {
            claim("Kotlin/Swift", p.foreign_pager.to_owned(), owner(p.pager));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ModelKind, ModelSpec};

    fn service(
        name: &'static str,
        client: &'static str,
        models: &'static [ModelSpec],
    ) -> ServiceSpec {
        ServiceSpec {
            name,
            client,
            envelope: &crate::dna::DnaEnvelope,
            credentials: &[],
            models,
            enums: &[],
            endpoints: &[],
        }
    }

    fn model(name: &'static str, foreign: &'static str) -> ModelSpec {
        ModelSpec {
            name,
            foreign,
            kind: ModelKind::Output,
            doc: "",
            one_of_required: &[],
            fields: &[],
        }
    }

    #[test]
    fn the_registered_services_collide_nowhere() {
        assert_eq!(collisions(crate::SERVICES), Vec::<String>::new());
    }

    #[test]
    fn a_collision_in_any_language_is_named() {
        // A model `Client` of `dna` is `DnaClient` in Kotlin/Swift: the service's client.
        let models: &'static [ModelSpec] = Box::leak(Box::new([model("Client", "DnaClient")]));
        let dna = service("dna", "DnaClient", models);
        assert_eq!(
            collisions(&[&dna]),
            ["Kotlin/Swift: DnaClient (dna's client, dna's Client)"]
        );
        // A service named like a Client method, or like another service's client.
        let request = service("request", "RequestClient", &[]);
        let secret = service("x", "Secret", &[]);
        let found = collisions(&[&request, &secret]);
        assert!(
            found
                .iter()
                .any(|c| c.starts_with("Client member: request")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|c| c.starts_with("JS/TS: Secret")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|c| c.starts_with("Kotlin/Swift: Secret")),
            "{found:?}"
        );
        // Two services with the same name.
        let twice = collisions(&[
            &service("ddc", "DdcClient", &[]),
            &service("ddc", "DdcClient", &[]),
        ]);
        assert!(
            twice.iter().any(|c| c.starts_with("JS/TS: ddc")),
            "{twice:?}"
        );
    }
}
