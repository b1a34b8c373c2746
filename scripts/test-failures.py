#!/usr/bin/env python3
"""Prints every failed test in the .trx files under a folder: name, then the head of its message.
Also prints run-level errors (a crashed or aborted test host fails a project without failing a test).
CI keeps only the tail of the log, so test.sh ends with this list."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def head(text, lines=6):
    return "\n".join("      " + line for line in text.strip().splitlines()[:lines])


for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    root = ET.parse(trx).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
        print(f"  {trx.stem}: {result.get('testName')}\n{head(message)}")
    summary = root.find("t:ResultSummary", NS)
    if summary is None:
        continue
    for info in summary.iterfind("t:RunInfos/t:RunInfo", NS):
        if info.get("outcome") in ("Error", "Failed", "Aborted"):
            print(f"  {trx.stem}: run {info.get('outcome').lower()}\n{head(info.findtext('t:Text', default='', namespaces=NS), 10)}")
    if summary.get("outcome") not in ("Completed", "Passed", "Failed"):
        print(f"  {trx.stem}: run outcome {summary.get('outcome')}")
