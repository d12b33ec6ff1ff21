#!/usr/bin/env python3
"""Derives routes.json (method, path template, success status, documented response) from the
shared catalogs, so the sandbox never reads ../shared at run time.

usage: derive.py CATALOG_DIR > tests/sandbox/catalog/routes.json
The response is the document's own example when it parses as JSON, otherwise a skeleton built
from the documented response fields (strings "", numbers 0, arrays of one element)."""
import json, re, sys

SAMPLE = {"string": "", "integer": 0, "number": 0, "boolean": False, "bool": False}

def skeleton(fields):
    out = {}
    for f in fields or []:
        name = f.get("name")
        if not name or name == "-":
            continue
        t = (f.get("json_type") or f.get("type") or "string").lower()
        kids = f.get("children")
        if kids:
            obj = skeleton(kids)
            out[name] = [obj] if ("array" in t or "[]" in t or "list" in t) else obj
        elif "array" in t or "[]" in t:
            out[name] = []
        elif t.startswith(("int", "long")):
            out[name] = 0
        elif t.startswith(("number", "double", "float", "bigdecimal")):
            out[name] = 0
        elif t.startswith("bool"):
            out[name] = False
        elif t.startswith("object"):
            out[name] = {}
        else:
            out[name] = ""
    return out

def parse(text):
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None

def template(path):
    path = re.sub(r"^https?://[^/]*", "", path).split("?")[0]
    path = re.sub(r":(\w+)", r"{\1}", path)
    return re.sub(r"/+", "/", path)

def main(d):
    routes = []
    cat = lambda n: json.load(open(f"{d}/{n}.json", encoding="utf-8"))
    for e in cat("ddc")["endpoints"]:
        body = parse(e.get("response_example")) or skeleton(e.get("response"))
        routes.append(dict(service="ddc", id=e["id"], method=e["method"], path=e["path"], status=200, response=body))
    for e in cat("ulord")["endpoints"]:
        body = parse(e.get("response_example")) or skeleton(e.get("response"))
        routes.append(dict(service="ulord", id=e["id"], method=e["method"], path=e["path_template_rust"],
                           auth=e["auth"], status=200, response=body))
    for e in cat("dna")["endpoints"]:
        if e.get("offline"):
            continue  # the local bif-offline-api is not a remote service (seed 002 §3.3.2-3.3.4)
        body = e.get("response_example_parsed") or skeleton(e.get("response"))
        routes.append(dict(service="dna", id=e["id"], method=e["method"], path=template(e["path_normalized"]),
                           status=200, response=body))
    for e in cat("pool")["endpoints"]:
        body = parse(e.get("response_example")) or skeleton(e.get("response"))
        routes.append(dict(service="pool", id=e["id"], action=e["action"], method="POST", path="/", status=200,
                           response=body))
    for e in cat("bcs")["endpoints"]:
        status = int(e.get("success_status") or 200)
        resp = e.get("response") or {}
        body = parse(e.get("response_example"))
        if body is None:
            body = skeleton(resp.get(str(status)) or [])
        routes.append(dict(service="bcs", id=e["id"], method=e["method"], path=e["path"], status=status,
                           response=body))
    json.dump(routes, sys.stdout, ensure_ascii=False, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")

main(sys.argv[1])
