"""One module per government sector; importing them fills table.REGISTRY."""
from . import (  # noqa: F401
               agriculture,
               civil,
               culture,
               education,
               emergency,
               environment,
               fund,
               health,
               hotline,
               hrss,
               justice,
               market,
               police,
               population,
               tax,
               transport,
)
