#!/usr/bin/env python3
"""Derives bcs_requests.json (what each BCS endpoint documents about its query and JSON body:
required fields, types, enums, lengths, ranges) from the shared catalog, so the sandbox validates
requests as seed 004 states them without reading ../shared at run time.

usage: derive_bcs.py CATALOG_DIR > tests/sandbox/catalog/bcs_requests.json
Prose-only rules (allowed characters, "required when …") are not derived: the handlers that need
them check them by hand, citing the seed section."""
import json, sys

KEEP = ("enum", "min_length", "max_length", "minimum", "maximum", "exclusive_minimum")

def kind(f):
    t = (f.get("json_type") or "string").lower()
    return {"map": "object"}.get(t, t)

def field(f):
    kids = [k for k in f.get("children") or [] if k.get("name")]
    out = dict(name=f["name"], type=kind(f), required=bool(f.get("required")))
    c = f.get("constraints") or {}
    out.update({k: c[k] for k in KEEP if k in c})
    if "comma-separated" in str(c.get("format", "")):
        out["list"] = True
    # `ConsensusType object` has one anonymous row "-": on the wire it is a plain string
    # (seed 004 §2.5.3.1, catalog note).
    if len(kids) == 1 and kids[0]["name"] == "-":
        out["type"] = kind(kids[0])
        out.update({k: v for k, v in (kids[0].get("constraints") or {}).items() if k in KEEP})
    elif kids and out["type"] in ("object", "array"):
        out["fields"] = [field(k) for k in kids]
    return out

def main(d):
    cat = json.load(open(f"{d}/bcs.json", encoding="utf-8"))
    out = {}
    for e in cat["endpoints"]:
        json_body = e.get("body_encoding") == "application/json"
        out[e["id"]] = dict(
            part="e2ee" if e["path"].startswith("/v1/e2ee/") else e["part"],
            query=[field(q) for q in e.get("query_params") or []],
            body=[field(b) for b in e.get("body") or [] if b.get("name")] if json_body else None,
        )
    json.dump(out, sys.stdout, ensure_ascii=False, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")

main(sys.argv[1])
