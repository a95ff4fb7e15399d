"""Run by the tools environment's Python (pycanon, pandas): k and l of a CSV.

    python pycanon_check.py FILE.csv '{"qis": [...], "sas": [...]}'

Prints ``{"k": int, "l": {sa: int}}``. Every value is read as text (a suppressed value is ``*``).
"""

import json
import sys

import pandas as pd
from pycanon import anonymity


def main() -> None:
    path, spec = sys.argv[1], json.loads(sys.argv[2])
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    qis, sas = spec["qis"], spec["sas"]
    if not qis:  # one class: the whole table
        data["__all__"] = "*"
        qis = ["__all__"]
    ells = {sa: int(anonymity.l_diversity(data, qis, [sa])) for sa in sas}
    print(json.dumps({"k": int(anonymity.k_anonymity(data, qis)), "l": ells}))


if __name__ == "__main__":
    main()
