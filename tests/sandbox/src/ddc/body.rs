//! Reading the documented request fields out of a DDC JSON body, each failure mapped to the
//! message code the caller names.

use serde_json::{Map, Value};

/// A parsed request body.
pub type Body = Map<String, Value>;

/// Why a request is refused.
#[derive(Debug, PartialEq)]
pub enum Fail {
    /// A documented message code (seed 000 附录 0), answered in ResultInfo with code -1.
    Msg(&'static str),
    /// A malformed body or a missing field the document names no code for: Spring Boot's own 400
    /// (the service is springfox-generated; its validation errors never reach ResultInfo).
    BadRequest,
}

/// The body as a JSON object. The nine endpoints with a request schema declare both
/// `application/x-www-form-urlencoded` and `application/json`, so a form (by its content type) is
/// read too: Spring binds `data.opbChainId=9` to the nested field, so a dotted key nests here, and
/// every form value stays text, which the readers below coerce the way Jackson does.
pub fn object(content_type: Option<&str>, bytes: &[u8]) -> Result<Body, Fail> {
    let is_form = content_type
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| {
            t.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if is_form {
        return form(bytes);
    }
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(Fail::BadRequest),
    }
}

/// A form body as a JSON object of text values, `a.b` keys nested one level per dot.
fn form(bytes: &[u8]) -> Result<Body, Fail> {
    let mut body = Body::new();
    for (key, value) in url::form_urlencoded::parse(bytes) {
        let mut parts = key.split('.');
        let last = parts.next_back().unwrap_or_default();
        let mut at = &mut body;
        for part in parts {
            let slot = at
                .entry(part.to_owned())
                .or_insert_with(|| Value::Object(Body::new()));
            // `a=1&a.b=2`: a key both a value and an object is not a binding Spring accepts.
            at = slot.as_object_mut().ok_or(Fail::BadRequest)?;
        }
        at.insert(last.to_owned(), Value::String(value.into_owned()));
    }
    Ok(body)
}

/// An optional integer filter or page field: a number, or (as Jackson and form binding coerce)
/// a string of digits. `Err` when present but not an integer.
pub fn opt_int(b: &Body, key: &str) -> Result<Option<i64>, Fail> {
    match b.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or(Fail::BadRequest),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| Fail::BadRequest),
        Some(_) => Err(Fail::BadRequest),
    }
}

/// A required, non-empty string.
pub fn text<'a>(b: &'a Body, key: &str, fail: Fail) -> Result<&'a str, Fail> {
    match b.get(key).and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(fail),
    }
}

/// A required integer; like Jackson, a string of digits is coerced.
pub fn int(b: &Body, key: &str, fail: Fail) -> Result<i64, Fail> {
    match b.get(key) {
        Some(Value::Number(n)) => n.as_i64().ok_or(fail),
        Some(Value::String(s)) => s.trim().parse().map_err(|_| fail),
        _ => Err(fail),
    }
}

/// A quantity sent as a decimal string (`ddcPubTotal`, `sendNumber`: notes §2.2), at least 1.
pub fn count(b: &Body, key: &str, fail: Fail) -> Result<u64, Fail> {
    let n = match b.get(key) {
        Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    n.filter(|n| *n > 0).ok_or(fail)
}

/// A `number(bigdecimal)` amount of 算力值 in hundredths: the fee list says 算力值 has two decimals.
/// `None` when absent or not a number; `Some(Err)` when it has more than two decimals.
pub fn cents(b: &Body, key: &str) -> Option<Result<i64, ()>> {
    let v = match b.get(key)? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    let c = (v * 100.0).round();
    Some(if (v * 100.0 - c).abs() < 1e-6 && c.abs() < 1e15 {
        Ok(c as i64)
    } else {
        Err(())
    })
}

/// A `number(biginteger)` (“不能为小数”): `None` when absent, not a number or fractional.
pub fn whole(b: &Body, key: &str) -> Option<i64> {
    match b.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Checks `imgFileBase64` = `"<ext>,<base64>"` (notes §2.5; not a `data:` URI) and the 2 MiB limit,
/// which the sandbox applies to the decoded file, the only reading under which a 2 MiB image fits.
pub fn file(b: &Body) -> Result<(), Fail> {
    const EXTS: [&str; 8] = ["png", "jpg", "jpeg", "bmp", "gif", "doc", "docx", "pdf"];
    let raw = b.get("imgFileBase64").and_then(Value::as_str).unwrap_or("");
    let (ext, data) = raw.split_once(',').unwrap_or(("", raw));
    if ext.trim().is_empty() {
        return Err(Fail::Msg("MSG_10028062"));
    }
    if data.is_empty() {
        return Err(Fail::Msg("MSG_10028063"));
    }
    if !EXTS.contains(&ext.to_ascii_lowercase().as_str()) || !is_base64(data) {
        return Err(Fail::Msg("MSG_10028065"));
    }
    let padding = data.bytes().rev().take_while(|c| *c == b'=').count();
    if data.len() / 4 * 3 - padding > 2 * 1024 * 1024 {
        return Err(Fail::Msg("MSG_10028064"));
    }
    // “图片文件名称(不包含拓展名)”: a name with an extension is the wrong file format.
    match b.get("imgFileName").and_then(Value::as_str) {
        Some(name) if !name.trim().is_empty() && !name.contains('.') => Ok(()),
        Some(name) if !name.trim().is_empty() => Err(Fail::Msg("MSG_10028065")),
        _ => Err(Fail::Msg("MSG_10053001")),
    }
}

fn is_base64(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    s.len() % 4 == 0
        && s.len() - body.len() <= 2
        && body
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Body {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn file_rules() {
        let ok = body(json!({"imgFileBase64": "png,iVBORw0K", "imgFileName": "file1"}));
        assert_eq!(file(&ok), Ok(()));
        for (img, name, code) in [
            (",iVBORw0K", "f", "MSG_10028062"),
            ("png,", "f", "MSG_10028063"),
            ("exe,iVBORw0K", "f", "MSG_10028065"),
            ("data:image/png;base64,iVBORw0K", "f", "MSG_10028065"),
            ("png,iVBOR*0K", "f", "MSG_10028065"),
            ("png,iVBORw0K", "file1.png", "MSG_10028065"),
        ] {
            let b = body(json!({"imgFileBase64": img, "imgFileName": name}));
            assert_eq!(file(&b), Err(Fail::Msg(code)), "{img} {name}");
        }
        let big = format!("pdf,{}", "A".repeat(2 * 1024 * 1024 / 3 * 4 + 8));
        let b = body(json!({"imgFileBase64": big, "imgFileName": "f"}));
        assert_eq!(file(&b), Err(Fail::Msg("MSG_10028064")));
    }

    #[test]
    fn forms_nest_dotted_keys_and_keep_text() {
        let ct = Some("application/x-www-form-urlencoded; charset=UTF-8");
        let b = object(ct, b"data.opbChainId=9&page.pageNum=1&x=%E6%8F%8F+a").unwrap();
        assert_eq!(
            Value::Object(b),
            json!({"data": {"opbChainId": "9"}, "page": {"pageNum": "1"}, "x": "描 a"})
        );
        assert_eq!(object(ct, b"a=1&a.b=2"), Err(Fail::BadRequest));
        assert_eq!(
            object(None, b"opbChainId=9"),
            Err(Fail::BadRequest),
            "not JSON"
        );
        assert_eq!(object(Some("application/json"), b"{}"), Ok(Body::new()));
    }

    #[test]
    fn optional_integers_coerce_text() {
        let b = body(json!({"a": 9, "b": "22", "c": "", "d": "x", "e": 1.5}));
        assert_eq!(opt_int(&b, "a"), Ok(Some(9)));
        assert_eq!(opt_int(&b, "b"), Ok(Some(22)));
        assert_eq!(opt_int(&b, "c"), Ok(None));
        assert_eq!(opt_int(&b, "zz"), Ok(None));
        assert_eq!(opt_int(&b, "d"), Err(Fail::BadRequest));
        assert_eq!(opt_int(&b, "e"), Err(Fail::BadRequest));
    }

    #[test]
    fn amounts() {
        let b = body(json!({"a": 1.25, "b": "3", "c": 0.001, "d": 100, "e": 1.5}));
        assert_eq!(cents(&b, "a"), Some(Ok(125)));
        assert_eq!(cents(&b, "b"), Some(Ok(300)));
        assert_eq!(cents(&b, "c"), Some(Err(())));
        assert_eq!(cents(&b, "zz"), None);
        assert_eq!(whole(&b, "d"), Some(100));
        assert_eq!(whole(&b, "e"), None);
    }
}
