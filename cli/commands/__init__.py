"""Subcommands of the `pubdata` CLI: each module exposes `register(subparsers)`."""
