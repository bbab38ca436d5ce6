"""The command line: argument parsing, and user errors turned into one line and an exit code."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType
from typing import NoReturn, Sequence

from ..errors import NewsspiderError


class OneLineErrorParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2, like every other bad input (`-h` shows usage);
    its subcommands' parsers are of this class too."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog.split()[0]}: error: {message} (see {self.prog} -h)\n")


def command_modules() -> tuple[ModuleType, ...]:
    """The subcommands, in the order `-h` lists them; imported when the command line runs, as they load Scrapy,
    pyarrow and the extractors (a second or so, during which Ctrl-C must still be a clean interrupt)."""
    from . import crawl, dataset, demo, extract, profiles, refresh, schedule

    return (demo, crawl, refresh, schedule, dataset, extract, profiles)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineErrorParser(prog="newsspider", description="Turn news websites into Parquet datasets.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in command_modules():
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsspider` console script."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args) or 0)
    except NewsspiderError as error:
        print(f"newsspider: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("newsspider: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
