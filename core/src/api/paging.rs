//! Walking a paged list: one stop rule for every binding's iterator, over wire JSON so that
//! typed and dynamic callers share it. Numbered pages count from the input's page; offsets
//! from the input's offset; markers follow the answer's next marker. A walk ends on an empty
//! page, when the items seen (with those before the first page) reach the answer's total, or
//! when a marker walk gets no next marker.

use futures::stream::{self, Stream, TryStreamExt};
use serde_json::{Map, Value};

use super::spec::{PagesSpec, Walk};
use crate::error::{Error, Result};

/// Where a walk is.
#[derive(Clone, Debug)]
pub struct Pager {
    pages: &'static PagesSpec,
    /// The next page's input, `None` when the walk is over.
    next: Option<Map<String, Value>>,
    /// Items on the pages before the first one asked for.
    before: i64,
    seen: i64,
}

/// The integer at `field` of an input: a dotted path names a nested field (`page.pageNum`).
fn int(input: &Map<String, Value>, field: &str) -> i64 {
    let mut keys = field.split('.');
    let first = keys.next().and_then(|k| input.get(k));
    keys.fold(first, |v, k| v.and_then(|v| v.get(k)))
        .and_then(Value::as_i64)
        .unwrap_or(0)
}

/// Sets `field` (a dotted path, as for [`int`]) of an input, making the objects on the way.
fn set(input: &mut Map<String, Value>, field: &str, value: Value) {
    match field.split_once('.') {
        None => {
            input.insert(field.to_owned(), value);
        }
        Some((key, rest)) => {
            let inner = input
                .entry(key)
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(map) = inner {
                set(map, rest, value);
            }
        }
    }
}

fn at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, k| v.get(k))
}

impl Pager {
    /// A walk of `pages` from `input` (the list endpoint's input in wire JSON).
    pub fn new(pages: &'static PagesSpec, input: Value) -> Self {
        let input = match input {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let before = match pages.walk {
            Walk::Page { page, size } => {
                (int(&input, page).max(1) - 1).saturating_mul(int(&input, size).max(0))
            }
            Walk::Offset { offset, .. } => int(&input, offset).max(0),
            Walk::Marker { .. } => 0,
        };
        Self {
            pages,
            next: Some(input),
            before,
            seen: 0,
        }
    }

    /// The input of the page to fetch next, or `None` when the walk is over.
    pub fn next_input(&self) -> Option<Value> {
        self.next.clone().map(Value::Object)
    }

    /// Records a fetched page (its output in wire JSON, normalised) and returns its items.
    pub fn record(&mut self, output: Value) -> Result<Vec<Value>> {
        let Some(mut input) = self.next.take() else {
            return Ok(Vec::new());
        };
        let items = match at(&output, self.pages.items) {
            Some(Value::Array(items)) => items.clone(),
            Some(Value::Null) | None => Vec::new(),
            Some(_) => return Err(Error::decode("a page's items are not a list")),
        };
        self.seen = self.seen.saturating_add(items.len() as i64);
        let total = self
            .pages
            .total
            .and_then(|path| at(&output, path))
            .and_then(Value::as_i64);
        let done = items.is_empty() || total.is_some_and(|t| self.before + self.seen >= t);
        self.next = match self.pages.walk {
            _ if done => None,
            Walk::Page { page, .. } => {
                let n = int(&input, page).max(1).checked_add(1);
                n.map(|n| {
                    set(&mut input, page, n.into());
                    input
                })
            }
            Walk::Offset { offset, .. } => {
                set(&mut input, offset, (self.before + self.seen).into());
                Some(input)
            }
            Walk::Marker { marker, next } => match at(&output, next) {
                Some(Value::String(m)) if !m.is_empty() => {
                    set(&mut input, marker, Value::String(m.clone()));
                    Some(input)
                }
                _ => None,
            },
        };
        Ok(items)
    }
}

/// Every item of the walk from `input` on, fetching each page with `fetch(input)` → output.
pub fn items<F, Fut>(
    pages: &'static PagesSpec,
    input: Value,
    fetch: F,
) -> impl Stream<Item = Result<Value>>
where
    F: Fn(Value) -> Fut,
    Fut: std::future::Future<Output = Result<Value>>,
{
    stream::try_unfold(
        (Pager::new(pages, input), fetch),
        |(mut pager, fetch)| async move {
            let Some(input) = pager.next_input() else {
                return Ok(None);
            };
            let items = pager.record(fetch(input).await?)?;
            Ok(Some((items, (pager, fetch))))
        },
    )
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    static PAGES: PagesSpec = PagesSpec {
        name: "p",
        js_name: "p",
        item: "I",
        pager: "P",
        foreign_pager: "P",
        walk: Walk::Page {
            page: "pageNum",
            size: "pageSize",
        },
        items: &["data"],
        total: Some(&["total"]),
    };

    static MARKERS: PagesSpec = PagesSpec {
        walk: Walk::Marker {
            marker: "marker",
            next: &["page", "next"],
        },
        total: None,
        ..PAGES
    };

    fn page(p: &mut Pager, total: i64, n: usize) -> Option<i64> {
        p.record(json!({"total": total, "data": vec![0; n]}))
            .unwrap();
        p.next_input().map(|i| i["pageNum"].as_i64().unwrap())
    }

    #[test]
    fn stops_on_total_or_an_empty_page() {
        let mut p = Pager::new(&PAGES, json!({"pageNum": 1, "pageSize": 2}));
        assert_eq!(page(&mut p, 5, 2), Some(2));
        assert_eq!(page(&mut p, 5, 2), Some(3));
        assert_eq!(page(&mut p, 5, 1), None);
        let mut from_three = Pager::new(&PAGES, json!({"pageNum": 3, "pageSize": 2}));
        assert_eq!(page(&mut from_three, 5, 1), None);
        let mut lying_total = Pager::new(&PAGES, json!({"pageNum": 1, "pageSize": 10}));
        assert_eq!(page(&mut lying_total, 100, 0), None);
    }

    #[test]
    fn markers_follow_the_answer() {
        let mut p = Pager::new(&MARKERS, json!({"limit": 2}));
        p.record(json!({"data": [1, 2], "page": {"next": "m2"}}))
            .unwrap();
        assert_eq!(p.next_input(), Some(json!({"limit": 2, "marker": "m2"})));
        p.record(json!({"data": [3], "page": {"next": ""}}))
            .unwrap();
        assert_eq!(p.next_input(), None);
    }

    #[tokio::test]
    async fn items_walk_every_page() {
        let all: Vec<i64> = (1..=7).collect();
        let fetch = |input: Value| {
            let start = ((input["pageNum"].as_i64().unwrap() - 1) * 3) as usize;
            let data: Vec<i64> = all.iter().skip(start).take(3).copied().collect();
            async move { Ok(json!({"total": 7, "data": data})) }
        };
        let input = json!({"pageNum": 1, "pageSize": 3});
        let got: Vec<Value> = items(&PAGES, input, fetch).try_collect().await.unwrap();
        assert_eq!(got, all.iter().map(|&n| json!(n)).collect::<Vec<_>>());
    }
}
