//! The Python iterator over a paged list (`client.dna.series_pages(...)`): core's `Pager`
//! decides what to fetch next and when to stop; each page is fetched when the last is used up.

use std::collections::VecDeque;

use chainkit_core::api::paging::Pager;
use chainkit_core::api::{client, EndpointSpec, WireValue};
use pyo3::prelude::*;

use crate::errors::to_py;

/// Turns one item (wire JSON) into its Python object.
pub type Item = Box<dyn Fn(Python<'_>, serde_json::Value) -> PyResult<Py<PyAny>> + Send + Sync>;

/// An iterator over every item of a paged list; each `next()` may fetch a page (GIL released).
#[pyclass(module = "chainkit")]
pub struct PageIterator {
    client: Py<crate::client::Client>,
    spec: &'static EndpointSpec,
    pager: Pager,
    buffer: VecDeque<Py<PyAny>>,
    item: Item,
}

impl PageIterator {
    /// A walk of `spec`'s list from `input`'s page on.
    pub fn new(
        client: Py<crate::client::Client>,
        spec: &'static EndpointSpec,
        input: &impl WireValue,
        item: Item,
    ) -> PyResult<Self> {
        let pages = spec.pages.as_ref().ok_or_else(|| {
            to_py(chainkit_core::Error::config(format!(
                "{} is not a paged list",
                spec.name
            )))
        })?;
        let input = input.wire().unwrap_or_default();
        Ok(Self {
            client,
            spec,
            pager: Pager::new(pages, input),
            buffer: VecDeque::new(),
            item,
        })
    }
}

#[pymethods]
impl PageIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Ok(Some(item));
            }
            let Some(input) = self.pager.next_input() else {
                return Ok(None);
            };
            let (executor, auth) = self.client.get().executor().map_err(to_py)?;
            let spec = self.spec;
            let output = crate::client::wait(py, async move {
                client::call_value(spec, &executor, &auth, input).await
            })?;
            for value in self.pager.record(output).map_err(to_py)? {
                self.buffer.push_back((self.item)(py, value)?);
            }
        }
    }
}
