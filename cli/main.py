"""The ``pubdata`` command. Every subcommand is a module of :mod:`cli.commands` exposing
``register(subparsers)`` — built-in commands use the same hook a plugin would."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from core import PubdataError, __version__

__all__ = ["build_parser", "main"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``pubdata`` parser with every subcommand, or (``only``) with the one being run: a
    command's start-up then imports nothing of the others."""
    import cli.commands as commands

    parser = argparse.ArgumentParser(prog="pubdata", description="Federated public-data platform.")
    parser.add_argument("--version", action="version", version=f"pubdata {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__))
    for name in [only] if only in names else names:
        module = importlib.import_module(f"cli.commands.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    first = args_in[0] if args_in and not args_in[0].startswith("-") else None
    parser = build_parser(first)
    args = parser.parse_args(args_in)
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
