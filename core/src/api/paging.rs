//! Walking a `pageNum`/`pageSize` list page by page: one stop rule for every binding's iterator.
//! Pages count from the input's `pageNum`; the walk ends on an empty page or when the items
//! seen (with those of the pages before the first) reach the answer's `total`.

use futures::stream::{self, Stream, TryStreamExt};

use crate::error::Result;

/// Where a walk is.
#[derive(Clone, Debug)]
pub struct Pager {
    next: Option<i32>,
    /// Items on the pages before the first one asked for.
    before: i64,
    seen: i64,
}

impl Pager {
    /// A walk from `first` (1-based) with `page_size` items per page.
    pub fn new(first: i32, page_size: i32) -> Self {
        Self {
            next: Some(first),
            before: i64::from(first.max(1) - 1) * i64::from(page_size.max(0)),
            seen: 0,
        }
    }

    /// The page to fetch next, or `None` when the walk is over.
    pub fn next_page(&self) -> Option<i32> {
        self.next
    }

    /// Records a fetched page of `len` items out of `total`.
    pub fn record(&mut self, total: i64, len: usize) {
        self.seen += len as i64;
        let done = len == 0 || self.before + self.seen >= total;
        self.next = match self.next {
            Some(page) if !done => page.checked_add(1),
            _ => None,
        };
    }
}

/// Every item from `first` on, fetching each page with `fetch(page)` → `(total, items)`.
pub fn items<T, F, Fut>(first: i32, page_size: i32, fetch: F) -> impl Stream<Item = Result<T>>
where
    F: Fn(i32) -> Fut,
    Fut: std::future::Future<Output = Result<(i64, Vec<T>)>>,
{
    stream::try_unfold(
        (Pager::new(first, page_size), fetch),
        |(mut pager, fetch)| async move {
            let Some(page) = pager.next_page() else {
                return Ok(None);
            };
            let (total, items) = fetch(page).await?;
            pager.record(total, items.len());
            Ok(Some((items, (pager, fetch))))
        },
    )
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_on_total_or_an_empty_page() {
        let mut p = Pager::new(1, 2);
        p.record(5, 2);
        assert_eq!(p.next_page(), Some(2));
        p.record(5, 2);
        p.record(5, 1);
        assert_eq!(p.next_page(), None);
        let mut from_three = Pager::new(3, 2);
        from_three.record(5, 1);
        assert_eq!(from_three.next_page(), None);
        let mut lying_total = Pager::new(1, 10);
        lying_total.record(100, 0);
        assert_eq!(lying_total.next_page(), None);
    }

    #[tokio::test]
    async fn items_walk_every_page() {
        let all: Vec<i32> = (1..=7).collect();
        let fetch = |page: i32| {
            let start = ((page - 1) * 3) as usize;
            let items = all.iter().skip(start).take(3).copied().collect::<Vec<_>>();
            async move { Ok((7, items)) }
        };
        let got: Vec<i32> = items(1, 3, fetch).try_collect().await.unwrap();
        assert_eq!(got, all);
    }
}
