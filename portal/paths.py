"""Where the portal's templates and static assets live."""

from pathlib import Path

HERE = Path(__file__).parent
