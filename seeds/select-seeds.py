#!/usr/bin/env python3
"""Selects the real ClinicalTrials.gov records shipped in seeds/ and checks the seeds folder.

Reads ../shared/data/MANIFEST.csv and the API v2 JSON files it lists, picks ~300 varied studies
deterministically (no randomness: candidates are ranked by sha256("trialgraph-seeds:" + nctId)), and writes
  seeds/real-studies.jsonl  one study object per line, in nctId order, each a *token-for-token* copy of the
                            source object with only the whitespace between tokens removed (strings, escapes and
                            number spellings are exactly as in the source file);
  seeds/SOURCES.tsv         nct_id, source path (relative to ../shared/data), reason chosen.
Then runs the checks (also available alone with --check).

Usage (from the project root):  python3 seeds/select-seeds.py [--data ../shared/data] [--check]
"""
import argparse
import collections
import csv
import hashlib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
TARGET = 300          # total number of real studies
SEED_ID = "NCT07476027"

# ---------------------------------------------------------------- token-preserving JSON minifier

WS = " \t\r\n"


def minify(text):
    """Drops the whitespace between JSON tokens; every token (string, number, literal) is kept verbatim."""
    out, i, n = [], 0, len(text)
    start = 0
    in_str = False
    while i < n:
        c = text[i]
        if in_str:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in WS:
            out.append(text[start:i])
            while i < n and text[i] in WS:
                i += 1
            start = i
            continue
        i += 1
    out.append(text[start:])
    return "".join(out)


def split_array(minified):
    """Splits a minified top-level JSON array into the raw text of its elements."""
    assert minified[0] == "[" and minified[-1] == "]", "not a JSON array"
    elems, depth, in_str, i, start = [], 0, False, 1, 1
    body_end = len(minified) - 1
    while i < body_end:
        c = minified[i]
        if in_str:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        elif c == "," and depth == 0:
            elems.append(minified[start:i])
            start = i + 1
        i += 1
    if start < body_end:
        elems.append(minified[start:body_end])
    return elems


_file_cache = {}


def raw_record(data, path):
    """Raw minified text of the study object at a MANIFEST path ('file' or 'file#[i]')."""
    m = re.fullmatch(r"(.*)#\[(\d+)\]", path)
    file, index = (m.group(1), int(m.group(2))) if m else (path, None)
    if file not in _file_cache:
        text = (data / file).read_text(encoding="utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        mini = minify(text.strip())
        _file_cache[file] = split_array(mini) if index is not None else mini
    return _file_cache[file][index] if index is not None else _file_cache[file]


def source_object(data, path):
    """The same study object parsed independently with the json module (for the equality check)."""
    m = re.fullmatch(r"(.*)#\[(\d+)\]", path)
    if m:
        return json.loads((data / m.group(1)).read_text(encoding="utf-8-sig"))[int(m.group(2))]
    return json.loads((data / path).read_text(encoding="utf-8-sig"))


# ---------------------------------------------------------------- selection

def rank(nct_id):
    return hashlib.sha256(("trialgraph-seeds:" + nct_id).encode()).hexdigest()


HEME = re.compile(r"leuk(a)?emi|lymphoma(?! kinase)|lymphoblastic|myeloma|myelodysplas|hematologic|haematologic|"
                  r"\bCAR[- ]?T\b|\bCART\b|chimeric antigen receptor|\bT-ALL\b|\bB-ALL\b|\bT-LBL\b|\bCD7\b|\bCD19\b",
                  re.I)
ALLERGY = re.compile(r"asthma|allerg|rhinitis|atopic|urticaria|eosinophil|anaphyla|hypersensitivity", re.I)
UROLOGY = re.compile(r"erectile|urolog|prostat|bladder|urinary|incontinence|kidney|renal|penile|peyronie|"
                     r"hypogonadism|testosterone|infertility", re.I)


def text_of(study):
    p = study.get("protocolSection", {})
    cb = study.get("derivedSection", {}).get("conditionBrowseModule", {})
    parts = [p.get("identificationModule", {}).get("briefTitle", ""),
             p.get("identificationModule", {}).get("officialTitle", "")]
    parts += p.get("conditionsModule", {}).get("conditions", [])
    parts += p.get("conditionsModule", {}).get("keywords", [])
    parts += [m.get("term", "") for m in cb.get("meshes", [])]
    parts += [i.get("name", "") for i in p.get("armsInterventionsModule", {}).get("interventions", [])]
    return " | ".join(parts)


def select(data):
    rows = [r for r in csv.DictReader(open(data / "MANIFEST.csv", encoding="utf-8"))
            if r["format"] == "ctgov-api-v2-json"]
    # One row per NCT id: the newest snapshot (data_version), ties broken by path.
    best = {}
    for r in sorted(rows, key=lambda r: (r["nct_id"], r["data_version"], r["path"])):
        best[r["nct_id"]] = r          # later = newer wins
    best.pop(SEED_ID, None)
    cand = {k: best[k] for k in sorted(best)}
    study = {k: source_object(data, r["path"]) for k, r in cand.items()}
    ranked = sorted(cand, key=rank)

    chosen = collections.OrderedDict()   # nct_id -> reason

    def take(ids, reason, limit=None):
        n = 0
        for k in ids:
            if limit is not None and n >= limit:
                break
            if k not in chosen:
                chosen[k] = reason
                n += 1

    def matching(pred):
        return [k for k in ranked if pred(k)]

    # 1. Trials related to the seed (leukemia / lymphoma / myeloma / CAR-T / hematology): all of them.
    heme = matching(lambda k: HEME.search(text_of(study[k])))
    take(heme, "cluster: leukemia/lymphoma/myeloma/CAR-T/hematology (related to the seed trial)")
    # 2. AACT fixtures: full resultsSection, documentSection, 2023-24 snapshots.
    take(matching(lambda k: cand[k]["source"] == "ctgov-v2-aact-test-fixtures"),
         "aact-fixtures: resultsSection/documentSection test fixture")
    # 3. Asthma / allergy cluster.
    take(matching(lambda k: ALLERGY.search(text_of(study[k]))), "cluster: asthma/allergy", 40)
    # 4. Urology cluster (the Erectile Dysfunction download, plus urology terms elsewhere).
    take(matching(lambda k: cand[k]["source"] == "ctgov-v2-urology-morcos" or UROLOGY.search(text_of(study[k]))),
         "cluster: urology", 40)
    # 5. The topic downloads (NSCLC, diabetes, cluster headache, disc disease, digital therapeutics, ...).
    for f in sorted({r["path"].split("#")[0] for r in cand.values() if r["source"] == "ctgov-v2-small-downloads"}):
        take(matching(lambda k, f=f: cand[k]["path"].split("#")[0] == f),
             "topic: " + f.split("/")[-1], 6)
    # 6. Facet coverage: at least 5 (or all there are) of every value.
    facets = [("overall_status", 5), ("phases", 5), ("study_type", 5), ("lead_sponsor_class", 5)]
    for col, k_min in facets:
        for value in sorted({r[col] for r in cand.values()}):
            have = sum(1 for k in chosen if cand[k][col] == value)
            if have < k_min:
                take(matching(lambda k: cand[k][col] == value),
                     f"coverage: {col}={value or '(none)'}", k_min - have)
    # 7. Records with results: at least 30.
    have = sum(1 for k in chosen if cand[k]["has_results"] == "1")
    take(matching(lambda k: cand[k]["has_results"] == "1"), "coverage: has resultsSection", max(0, 30 - have))
    # 8. Many locations: the 10 studies with the most sites.
    by_sites = sorted(cand, key=lambda k: (-int(cand[k]["n_locations"] or 0), k))
    take(by_sites[:10], "coverage: many locations (top 10 by site count)")
    # 9. Fill up to TARGET with a deterministic spread over everything else.
    take(ranked, "variety: deterministic sample (sha256 rank)", max(0, TARGET - len(chosen)))
    return cand, chosen


def write(data, cand, chosen):
    ids = sorted(chosen)
    with open(HERE / "real-studies.jsonl", "w", encoding="utf-8", newline="\n") as out:
        for k in ids:
            out.write(raw_record(data, cand[k]["path"]) + "\n")
    with open(HERE / "SOURCES.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("nct_id\tsource_path\treason\n")
        for k in ids:
            out.write(f"{k}\t{cand[k]['path']}\t{chosen[k]}\n")


# ---------------------------------------------------------------- checks

def check(data):
    errors = []
    seen = set()
    lines = (HERE / "real-studies.jsonl").read_text(encoding="utf-8").split("\n")
    if lines[-1] != "":
        errors.append("real-studies.jsonl does not end with a newline")
    lines = lines[:-1]
    sources = {}
    with open(HERE / "SOURCES.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            sources[r["nct_id"]] = r
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except ValueError as e:
            errors.append(f"real-studies.jsonl line {n}: not JSON: {e}")
            continue
        if not isinstance(obj, dict):
            errors.append(f"line {n}: not an object")
            continue
        nct = obj.get("protocolSection", {}).get("identificationModule", {}).get("nctId")
        if not nct or not re.fullmatch(r"NCT\d{8}", nct):
            errors.append(f"line {n}: no protocolSection.identificationModule.nctId")
            continue
        if nct in seen:
            errors.append(f"line {n}: duplicate {nct}")
        seen.add(nct)
        if nct == SEED_ID:
            errors.append(f"line {n}: the seed record must not be in the jsonl")
        src = sources.get(nct)
        if not src:
            errors.append(f"line {n}: {nct} missing from SOURCES.tsv")
            continue
        if data is not None:
            if obj != source_object(data, src["source_path"]):
                errors.append(f"line {n}: {nct} differs from {src['source_path']}")
            if line != raw_record(data, src["source_path"]):
                errors.append(f"line {n}: {nct} tokens differ from {src['source_path']}")
    if set(sources) != seen:
        errors.append("SOURCES.tsv and real-studies.jsonl list different ids")
    seed = json.loads((HERE / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    if seed["protocolSection"]["identificationModule"]["nctId"] != SEED_ID:
        errors.append("seed file has the wrong nctId")
    if data is not None:   # criteria in the seed == criteria lines on the page
        page = data.parent / "seed-page" / "000_42a284d4fe5eba58.txt"
        if page.exists():
            page_lines = page.read_text(encoding="utf-8").split("\n")[13:32]
            crit = [l for l in seed["protocolSection"]["eligibilityModule"]["eligibilityCriteria"].split("\n") if l]
            if crit != page_lines:
                errors.append("seed eligibilityCriteria differs from page lines 14-32")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"checked {len(lines)} real studies ({len(seen)} distinct ids) + {SEED_ID}.json: "
          f"{'OK' if not errors else str(len(errors)) + ' error(s)'}")
    return not errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data"))
    ap.add_argument("--check", action="store_true", help="only check the existing files")
    args = ap.parse_args()
    data = pathlib.Path(args.data)
    if not args.check:
        cand, chosen = select(data)
        write(data, cand, chosen)
        print(f"wrote {len(chosen)} studies to seeds/real-studies.jsonl and seeds/SOURCES.tsv")
        for reason, n in sorted(collections.Counter(chosen.values()).items()):
            print(f"  {n:4d}  {reason}")
    sys.exit(0 if check(data if data.exists() else None) else 1)


if __name__ == "__main__":
    main()
