#!/usr/bin/env python3
"""Prints every failed test in the .trx files under a folder: name, then the head of its message.
CI keeps only the tail of the log, so test.sh ends with this list."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        head = "\n".join("      " + line for line in message.splitlines()[:6])
        print(f"  {trx.stem}: {result.get('testName')}\n{head}")
