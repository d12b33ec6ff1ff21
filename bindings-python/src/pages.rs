//! The Python iterator over a paged list (`client.dna.series_pages(...)`): core's `Pager`
//! decides when to fetch and when to stop; each page is fetched when the last is used up.

use std::collections::VecDeque;

use chainkit_core::api::paging::Pager;
use pyo3::prelude::*;

/// Fetches one page: `(total, items)`.
pub type Fetch = Box<dyn Fn(Python<'_>, i32) -> PyResult<(i64, Vec<Py<PyAny>>)> + Send + Sync>;

/// An iterator over every item of a paged list; each `next()` may fetch a page (GIL released).
#[pyclass(module = "chainkit")]
pub struct PageIterator {
    pager: Pager,
    buffer: VecDeque<Py<PyAny>>,
    fetch: Fetch,
}

impl PageIterator {
    /// A walk from `first` with `page_size` items per page.
    pub fn new(first: i32, page_size: i32, fetch: Fetch) -> Self {
        Self {
            pager: Pager::new(first, page_size),
            buffer: VecDeque::new(),
            fetch,
        }
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
            let Some(page) = self.pager.next_page() else {
                return Ok(None);
            };
            let (total, items) = (self.fetch)(py, page)?;
            self.pager.record(total, items.len());
            self.buffer.extend(items);
        }
    }
}
