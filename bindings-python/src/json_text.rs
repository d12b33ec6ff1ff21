//! The pool's `data` text: `json.dumps(params, ensure_ascii=False, separators=(",", ":"))`, as
//! compact as the seed 003 recipe's `JSON.stringify`. Calling Python's encoder cost ~1.5 µs, a
//! third of a `sign_pool`; the plain types (exact `dict`, `list`, `tuple`, `str`, `int`,
//! `bool`, `None`) are written here instead, byte for byte what that encoder gives (serde_json
//! escapes strings exactly as it does with `ensure_ascii=False`: `"`, `\`, and controls below
//! U+0020, lowercase `\u00xx`). Anything else (floats, subclasses, non-`str` keys, deep or
//! cyclic nesting) goes to Python's encoder, so the output never differs.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};

/// Deeper values are left to Python's encoder, which also reports cycles.
const MAX_DEPTH: usize = 32;

/// The compact JSON text of `params`.
pub fn compact_json(params: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut out = Vec::with_capacity(128);
    if write(&mut out, params, 0)? {
        if let Ok(text) = String::from_utf8(out) {
            return Ok(text);
        }
    }
    python_encoder(params)
}

/// Appends `value`'s JSON; `false` when it is not one of the plain types.
fn write(out: &mut Vec<u8>, value: &Bound<'_, PyAny>, depth: usize) -> PyResult<bool> {
    if depth > MAX_DEPTH {
        return Ok(false);
    }
    if value.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(b) = value.cast_exact::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if let Ok(s) = value.cast_exact::<PyString>() {
        write_str(out, s)?;
    } else if let Ok(i) = value.cast_exact::<PyInt>() {
        // Python ints are unbounded; the encoder writes the big ones.
        let Ok(n) = i.extract::<i128>() else {
            return Ok(false);
        };
        out.extend_from_slice(n.to_string().as_bytes());
    } else if let Ok(dict) = value.cast_exact::<PyDict>() {
        out.push(b'{');
        for (i, (k, v)) in dict.iter().enumerate() {
            // json.dumps turns int/float/bool/None keys into text its own way.
            let Ok(k) = k.cast_exact::<PyString>() else {
                return Ok(false);
            };
            if i > 0 {
                out.push(b',');
            }
            write_str(out, k)?;
            out.push(b':');
            if !write(out, &v, depth + 1)? {
                return Ok(false);
            }
        }
        out.push(b'}');
    } else if let Ok(list) = value.cast_exact::<PyList>() {
        if !write_items(out, list.iter(), depth)? {
            return Ok(false);
        }
    } else if let Ok(tuple) = value.cast_exact::<PyTuple>() {
        if !write_items(out, tuple.iter(), depth)? {
            return Ok(false);
        }
    } else {
        return Ok(false);
    }
    Ok(true)
}

fn write_items<'py>(
    out: &mut Vec<u8>,
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    depth: usize,
) -> PyResult<bool> {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if !write(out, &item, depth + 1)? {
            return Ok(false);
        }
    }
    out.push(b']');
    Ok(true)
}

fn write_str(out: &mut Vec<u8>, s: &Bound<'_, PyString>) -> PyResult<()> {
    // A lone surrogate fails here, as it fails the UTF-8 conversion of the encoder's result.
    let text = s.to_cow()?;
    serde_json::to_writer(&mut *out, text.as_ref())
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// One cached encoder: `json.dumps` with options builds a new `JSONEncoder` per call.
fn python_encoder(params: &Bound<'_, PyAny>) -> PyResult<String> {
    static ENCODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = params.py();
    let encode = ENCODE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        kwargs.set_item("separators", (",", ":"))?;
        let encoder = py
            .import("json")?
            .getattr("JSONEncoder")?
            .call((), Some(&kwargs))?;
        Ok(encoder.getattr("encode")?.unbind())
    })?;
    encode.bind(py).call1((params,))?.extract()
}
