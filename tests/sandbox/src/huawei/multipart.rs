//! Just enough `multipart/form-data` (RFC 7578) to read the contract-install form of seed 004
//! §2.5.6.1: named parts, text or file.

use std::collections::HashMap;

/// Form parts by name: their bytes.
pub type Form = HashMap<String, Vec<u8>>;

/// Parses `body` with the boundary from `content_type`; `None` when it is not multipart.
pub fn parse(content_type: &str, body: &[u8]) -> Option<Form> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.eq_ignore_ascii_case("boundary")
            .then(|| v.trim_matches('"').to_owned())
    })?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut form = Form::new();
    for part in split(body, &delimiter).into_iter().skip(1) {
        if part.starts_with(b"--") {
            break;
        }
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        let split_at = find(part, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&part[..split_at]);
        let name = head.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            if !k.trim().eq_ignore_ascii_case("content-disposition") {
                return None;
            }
            v.split(';').find_map(|p| {
                let (k, v) = p.trim().split_once('=')?;
                (k == "name").then(|| v.trim_matches('"').to_owned())
            })
        })?;
        form.insert(name, part[split_at + 4..].to_vec());
    }
    Some(form)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find(body, delimiter) {
        out.push(&body[..i]);
        body = &body[i + delimiter.len()..];
    }
    out.push(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_file_parts() {
        let body = b"--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ncc01\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.zip\"\r\nContent-Type: application/zip\r\n\r\nPK\x03\x04\r\n\r\n--xyz--\r\n";
        let form = parse("multipart/form-data; boundary=xyz", body).unwrap();
        assert_eq!(form["name"], b"cc01");
        assert_eq!(form["file"], b"PK\x03\x04\r\n");
        assert!(parse("application/json", body).is_none());
    }
}
