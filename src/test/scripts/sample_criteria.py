#!/usr/bin/env python3
"""Draws criteria for the annotated test sets from ../shared/data (fixed seed, reproducible).

Usage: sample_criteria.py DATA_DIR SET N SEED > out.tsv
  SET=dev       pool: ctgov-v2/partrita-tigit and ctgov-v2/aact-fixtures (records read while writing rules)
  SET=heldout   pool: ctgov-v2/urology-morcos and ctgov-v2/small-downloads (not read while writing rules)
  SET=heldout2  pool: legacy XML in ctgov-xml/reesewang25/AllPublicXML/NCT0000xxxx.tar.gz, unpacked into DATA_DIR
                (e.g. DATA_DIR=/tmp/xml0); never read while writing rules
  SET=heldout3  pool: API v2 records of ctgov-v2/urology-morcos and ctgov-v2/small-downloads whose NCT id is in no
                annotated set (src/test/resources/criteria/*.tsv) and not in the dev pool; criteria whose text is in
                any set are left out too. The cue also covers NYHA, CD4, PSA and blood pressure (CUE3).
  SET=heldout4  as heldout3 (same pool, same cue), and also leaving out the records listed in
                src/test/resources/criteria/seen-while-building.txt (records whose criteria were read while building).
  SET=heldout5  as heldout4, drawn after round 4 (seen-while-building.txt then also lists the round-4 records).
  SET=heldout6  as heldout4, drawn after round 5 (seen-while-building.txt then also lists the round-5 records).
70% of the sample comes from criteria that mention a lab/score/age/presence cue (CUE below, independent of the
engine), 30% from all criteria. Output columns: nct_id, criterion text (one line), expected (left empty).
"""
import glob, json, os, random, re, sys
import xml.etree.ElementTree as ET

CUE = re.compile(r"(?i)\b(age[ds]?|years?|ecog|karnofsky|lansky|performance status|ejection fraction|lvef|creatinine|"
                 r"clearance|gfr|bilirubin|alt|ast|alkaline|neutrophil|anc|lymphocyte|platelet|hemoglobin|haemoglobin|"
                 r"wbc|white blood|inr|ptt|prothrombin|qtc|bmi|body mass|weigh|hba1c|a1c|mrd|life expectancy|gestation|"
                 r"pregnan|breast|lactat|hiv|hepatitis|hbv|hcv|brain metast|cns|female|male|women|men)\b")
CUE3 = re.compile(CUE.pattern[:-3] + r"|nyha|new york heart|cd4|psa|prostate.specific|blood pressure|systolic|diastolic|mm ?hg)\b")
BULLET = re.compile(r"^\s*(?:[*\-•]|\d{1,2}\\?[.)])\s+(.*\S)\s*$")


def studies(paths):
    for p in paths:
        data = json.load(open(p, encoding="utf-8"))
        for st in (data if isinstance(data, list) else [data]):
            ps = st.get("protocolSection", {})
            nct = ps.get("identificationModule", {}).get("nctId")
            text = ps.get("eligibilityModule", {}).get("eligibilityCriteria")
            if nct and text:
                yield nct, text


def xml_studies(paths):
    for p in paths:
        root = ET.parse(p).getroot()
        block = root.find("eligibility/criteria/textblock")
        if block is not None and block.text:
            yield root.findtext("id_info/nct_id"), block.text


def joined_lines(text):
    """Legacy XML wraps bullets over several lines; join a line indented deeper than the bullet text onto it."""
    out = []
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if out and line.strip() and not BULLET.match(line) and out[-1][1] is not None and indent > out[-1][1]:
            out[-1] = (out[-1][0] + " " + line.strip(), out[-1][1])
        else:
            out.append((line, indent if BULLET.match(line) else None))
    return [l for l, _ in out]


def criteria(text):
    for line in joined_lines(text):
        m = BULLET.match(line)
        if m:
            c = re.sub(r"\\(.)", r"\1", m.group(1)).replace("\t", " ")
            if len(c) >= 12 and not c.rstrip().endswith(":"):
                yield c


DIRS = {"dev": ["ctgov-v2/partrita-tigit/studies/*.json", "ctgov-v2/aact-fixtures/*.json"],
        "heldout": ["ctgov-v2/urology-morcos/studies/*.json", "ctgov-v2/small-downloads/*.json"],
        "heldout2": ["NCT0000xxxx/*.xml"]}
DIRS["heldout3"] = DIRS["heldout"]
DIRS["heldout4"] = DIRS["heldout"]
DIRS["heldout5"] = DIRS["heldout"]
DIRS["heldout6"] = DIRS["heldout"]
SEEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "criteria", "seen-while-building.txt")
SETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "criteria", "annotated-*.tsv")


def used_so_far(data):
    """NCT ids and criterion texts of every annotated set, and the NCT ids of the dev pool."""
    ids, texts = set(), set()
    for f in glob.glob(SETS):
        for line in open(f, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) > 1:
                ids.add(cols[0])
                texts.add(cols[1])
    dev = sorted(p for d in DIRS["dev"] for p in glob.glob(f"{data}/{d}"))
    ids.update(nct for nct, _ in studies(dev))
    return ids, texts


def seen_while_building():
    return {l.strip() for l in open(SEEN, encoding="utf-8") if l.strip() and not l.startswith("#")}


def main():
    data, which, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    paths = sorted(p for d in DIRS[which] for p in glob.glob(f"{data}/{d}"))
    skip_ids, skip_texts = used_so_far(data) if which in ("heldout3", "heldout4", "heldout5", "heldout6") else (set(), set())
    if which in ("heldout4", "heldout5", "heldout6"):
        skip_ids |= seen_while_building()
    seen, pool = set(skip_texts), []
    for nct, text in (xml_studies(paths) if which == "heldout2" else studies(paths)):
        if nct in skip_ids:
            continue
        for c in criteria(text):
            if c not in seen:
                seen.add(c)
                pool.append((nct, c))
    rnd = random.Random(seed)
    cue = CUE3 if which in ("heldout3", "heldout4", "heldout5", "heldout6") else CUE
    cued = [x for x in pool if cue.search(x[1])]
    picked = rnd.sample(cued, int(n * 0.7))
    rest = [x for x in pool if x not in picked]
    picked += rnd.sample(rest, n - len(picked))
    rnd.shuffle(picked)
    for nct, c in picked:
        print(f"{nct}\t{c}\t")


if __name__ == "__main__":
    main()
