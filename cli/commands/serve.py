"""``pubdata serve``: the open-data portal (FastAPI)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the open-data portal")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from portal.server import serve

    print(f"pubdata portal: http://{args.host}:{args.port}/  (Ctrl-C to stop)", flush=True)
    # the address it listens on is an allowed Host too (PUBDATA_ALLOWED_HOSTS lists the others);
    # PUBDATA_PORTAL_WORKERS processes share the listening socket
    serve(args.host, args.port)
    return 0
