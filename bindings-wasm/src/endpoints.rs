//! The defined endpoints by name, for the generated `client.<service>` methods: one call, and
//! a page walk whose stop rule is core's `api::paging::Pager`. Answers are plain objects in
//! wire names, typed by the definition (see `output.rs`).

use std::rc::Rc;

use chainkit_core::api::paging::Pager;
use chainkit_core::api::{client, EndpointSpec, Output, Ty};
use chainkit_core::Error;
use futures::lock::Mutex;
use wasm_bindgen::prelude::*;

use crate::client::Client;
use crate::error::to_js;
use crate::input::to_json;
use crate::output::{answer, to_js_typed};

fn endpoint(service: &str, name: &str) -> Result<&'static EndpointSpec, JsValue> {
    chainkit_core::dispatch::endpoint(service, name).map_err(|e| to_js(&e))
}

#[wasm_bindgen]
impl Client {
    /// Calls endpoint `name` of `service` with `input` in wire names; the typed methods
    /// (`client.dna.seriesAdd(…)`, generated from core's definitions) call this.
    #[wasm_bindgen(js_name = callEndpoint)]
    pub async fn call_endpoint(
        &self,
        service: String,
        name: String,
        input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (executor, auth) = self.parts();
        self.run(async move {
            let spec = endpoint(&service, &name)?;
            let input = to_json(&input, "input", &[]).map_err(|e| to_js(&e))?;
            let output = client::call_value(spec, &executor, &auth, input)
                .await
                .map_err(|e| to_js(&e))?;
            answer(spec, output)
        })
        .await
    }

    /// A walk of every item of the paged list `name` of `service`, from `input`'s page on; the
    /// generated `…Pages` async generators drive it.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = pager, skip_typescript)]
    pub fn pager(
        &self,
        service: String,
        name: String,
        input: JsValue,
    ) -> Result<EndpointPager, JsValue> {
        let spec = endpoint(&service, &name)?;
        let pages = spec.pages.as_ref().ok_or_else(|| {
            to_js(&Error::invalid_input(format!(
                "{service}.{name} is not a paged list"
            )))
        })?;
        let input = to_json(&input, "input", &[]).map_err(|e| to_js(&e))?;
        Ok(EndpointPager {
            client: self.clone(),
            spec,
            pager: Rc::new(Mutex::new(Pager::new(pages, input))),
        })
    }
}

/// Where a page walk is. Internal: the generated async generators own and free it.
#[doc(hidden)]
#[wasm_bindgen(skip_typescript)]
pub struct EndpointPager {
    client: Client,
    spec: &'static EndpointSpec,
    /// Held across a page's fetch: overlapping `next()` calls take turns (else two would fetch
    /// the same page and one page would be lost).
    pager: Rc<Mutex<Pager>>,
}

#[wasm_bindgen]
impl EndpointPager {
    /// The next page's items, or `undefined` when the walk is over.
    pub async fn next(&self) -> Result<JsValue, JsValue> {
        let (executor, auth) = self.client.parts();
        let (spec, pager) = (self.spec, self.pager.clone());
        self.client
            .run(async move {
                let mut pager = pager.lock().await;
                let Some(input) = pager.next_input() else {
                    return Ok(JsValue::UNDEFINED);
                };
                // A failed or cancelled fetch leaves the walk where it was.
                let output = client::call_value(spec, &executor, &auth, input)
                    .await
                    .map_err(|e| to_js(&e))?;
                let items = pager.record(output).map_err(|e| to_js(&e))?;
                let item = match (spec.output, &spec.pages) {
                    (Output::Model(_), Some(p)) => Ty::Model(p.item),
                    _ => Ty::Json,
                };
                let list = js_sys::Array::new();
                for value in items {
                    list.push(&to_js_typed(spec.service, &item, value)?);
                }
                Ok(list.into())
            })
            .await
    }
}
