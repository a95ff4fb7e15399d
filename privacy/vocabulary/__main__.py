"""``python -m privacy.vocabulary``: build the derived vocabulary index next to the package
(``make install`` runs it, so no process pays for pypinyin at run time)."""

import sys

from privacy.vocabulary import write_package_cache

print(f"vocabulary index: {write_package_cache()}", file=sys.stderr)
