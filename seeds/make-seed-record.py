#!/usr/bin/env python3
"""Writes seeds/NCT07476027.json from the rendered page ../shared/seed-page/000_42a284d4fe5eba58.txt.

Every text value is cut from the page's lines verbatim (no retyping), so the record cannot drift from the
page; the line that gives each field is named next to it (1-based line numbers of the page). Values that the
page does not state but that follow from it are marked INFERRED; see seeds/README.md for the reasoning.

Usage (from the project root):  python3 seeds/make-seed-record.py [--data-root ../shared]
"""
import argparse
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
PAGE_NAME = "seed-page/000_42a284d4fe5eba58.txt"


def build(lines):
    def line(n):  # 1-based, as in the README
        return lines[n - 1]

    def expect(n, text):
        if line(n) != text:
            sys.exit(f"page line {n}: expected {text!r}, found {line(n)!r} - the page changed, re-check the mapping")
        return text

    def strip_prefix(n, prefix):
        if not line(n).startswith(prefix):
            sys.exit(f"page line {n}: expected prefix {prefix!r}, found {line(n)!r}")
        return line(n)[len(prefix):]

    expect(2, "Not Yet RecruitingEarly Phase 1")
    title = line(3)
    expect(4, "10 participantsStarted 2026-03-15")
    expect(5, "Plain-language summary")
    summary = line(6)
    expect(8, "Age range")
    max_age = expect(9, "18 Years")
    expect(10, "Sex")
    sex = expect(11, "ALL")
    nct_id = strip_prefix(55, "NCT ID")
    sponsor = strip_prefix(56, "Sponsor")
    expect(50, "What they're measuring")
    expect(51, "1")
    measure = line(52)
    time_frame = strip_prefix(53, "Timeframe: ")

    # Eligibility criteria: page lines 14..32, three headings, each followed by "* " bullets.
    # Real records lay this out as "Heading:\n\n* a\n* b\n\nNext heading:\n\n* c" (no trailing newline).
    blocks = []
    for n in range(14, 33):
        text = line(n)
        if text.startswith("* "):
            blocks[-1][1].append(text)
        elif text in ("Inclusion Criteria:", "Infusion Criteria:", "Exclusion Criteria:"):
            blocks.append((text, []))
        else:
            sys.exit(f"page line {n}: neither a heading nor a '* ' bullet: {text!r}")
    if [h for h, _ in blocks] != ["Inclusion Criteria:", "Infusion Criteria:", "Exclusion Criteria:"]:
        sys.exit("unexpected criteria headings on the page")
    expect(33, "Questions worth asking your doctor")
    criteria = "\n\n".join(h + "\n\n" + "\n".join(bullets) for h, bullets in blocks)

    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": nct_id,                                   # line 55 (also line 1)
                "briefTitle": title,                               # line 3
            },
            "statusModule": {
                "overallStatus": "NOT_YET_RECRUITING",             # line 2 "Not Yet Recruiting"
                "startDateStruct": {"date": "2026-03-15",          # line 4 "Started 2026-03-15"
                                    "type": "ESTIMATED"},          # INFERRED: not yet recruiting
            },
            "sponsorCollaboratorsModule": {
                "leadSponsor": {"name": sponsor,                   # line 56
                                "class": "OTHER"},                 # INFERRED: hospital/institute, not NIH/industry
            },
            "descriptionModule": {
                "briefSummary": summary,                           # line 6
            },
            "conditionsModule": {
                "conditions": [                                    # INFERRED from the title "T-LBL/ALL" (line 3)
                    "T-lymphoblastic Lymphoma",
                    "T-cell Acute Lymphoblastic Leukemia",
                ],
            },
            "designModule": {
                "studyType": "INTERVENTIONAL",                     # INFERRED: CAR-T cells are given (line 6)
                "phases": ["EARLY_PHASE1"],                        # line 2 "Early Phase 1"
                "enrollmentInfo": {"count": 10,                    # line 4 "10 participants" (line 6 "enroll 10")
                                   "type": "ESTIMATED"},           # INFERRED: not yet recruiting
            },
            "armsInterventionsModule": {
                "interventions": [
                    {"type": "BIOLOGICAL", "name": "CD7 CAR-T cells"},  # INFERRED from title + line 6
                ],
            },
            "outcomesModule": {
                "primaryOutcomes": [
                    {"measure": measure, "timeFrame": time_frame},  # lines 52-53
                ],
            },
            "eligibilityModule": {
                "eligibilityCriteria": criteria,                   # lines 14-32, verbatim
                "healthyVolunteers": False,                        # INFERRED: inclusion requires T-LBL/ALL (line 15)
                "sex": sex,                                        # line 11
                "maximumAge": max_age,                             # line 9 (+ "aged <=18 years", line 15)
            },
        },
        "derivedSection": {
            "miscInfoModule": {"versionHolder": "2026-11-25"},    # date the record was written from the page
        },
        "hasResults": False,                                       # not yet recruiting: no results
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", default=str(HERE.parent.parent / "shared"),
                    help="folder holding seed-page/ (default: ../shared from the project root)")
    args = ap.parse_args()
    page = pathlib.Path(args.data_root) / PAGE_NAME
    lines = page.read_text(encoding="utf-8").split("\n")
    record = build(lines)
    out = HERE / "NCT07476027.json"
    out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
