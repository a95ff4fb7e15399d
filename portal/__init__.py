"""The open-data portal: server-rendered pages, downloads and APIs (FastAPI). No CDN, works offline."""

from portal.app import create_app

__all__ = ["create_app"]
