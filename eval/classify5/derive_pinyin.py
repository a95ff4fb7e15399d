"""Derive pinyin.json (full pinyin and initials of the Chinese column-name parts used with the
`I:`/`IU:`/`P:`/`PU:` prefixes in the table modules) with pypinyin.

Run with a Python that has pypinyin (the project venv): `.venv/bin/python eval/classify5/derive_pinyin.py`.
`check.py` re-derives and compares, so the committed file cannot drift from pypinyin.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = re.compile(r"""["'](IU|I|PU|P):([^"']+)["']""")


def wanted() -> set[str]:
    keys = set()
    for f in sorted(HERE.glob("tables_*.py")):
        for tag, rest in SPEC.findall(f.read_text(encoding="utf-8")):
            for part in rest.split(" "):
                if re.search(r"[\u4e00-\u9fff]", part):
                    keys.add(("I:" if tag.startswith("I") else "P:") + part)
    return keys


def derive(keys) -> dict[str, str]:
    from pypinyin import Style, lazy_pinyin

    out = {}
    for k in sorted(keys):
        tag, text = k.split(":", 1)
        if tag == "I":
            out[k] = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower()
        else:
            out[k] = "".join(lazy_pinyin(text, style=Style.NORMAL)).lower().replace("ü", "v")
    return out


if __name__ == "__main__":
    data = derive(wanted())
    (HERE / "pinyin.json").write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data)} entries")
