"""The ``pubdata`` command. Every subcommand is a module of :mod:`cli.commands` exposing
``register(subparsers)`` — built-in commands use the same hook a plugin would."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from core import PubdataError, __version__

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    import cli.commands as commands

    parser = argparse.ArgumentParser(prog="pubdata", description="Federated public-data platform.")
    parser.add_argument("--version", action="version", version=f"pubdata {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cli.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PubdataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"hint: {exc.hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
