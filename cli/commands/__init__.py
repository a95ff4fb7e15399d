"""Subcommands of the `pubdata` CLI: each module exposes `register(subparsers)`.

`pubdata` imports every module here when it starts (to build its parser), so a module imports
what its command runs inside the command's function: `pubdata --help` and a mistyped argument
stay quick, and one command does not pay for another's libraries.
"""
