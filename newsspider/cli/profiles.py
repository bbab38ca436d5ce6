"""`newsspider profiles`: list the bundled site profiles, or check one profile file."""

from __future__ import annotations

import argparse

from ..profiles import Profile, bundled_profiles, load_profile


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("profiles", help="list the bundled site profiles, or check a profile file")
    parser.add_argument("--check", metavar="PATH", help="read this profile and report what it sets")
    parser.set_defaults(run=run)


def describe(profile: Profile) -> str:
    """One line: name, description, and the parts of the profile that are set."""
    parts = [f"discovery {'+'.join(profile.discovery)}"]
    if profile.timezone:
        parts.append(f"timezone {profile.timezone}")
    if profile.language:
        parts.append(f"language {profile.language}")
    if profile.selectors:
        parts.append(f"selectors {', '.join(profile.selectors)}")
    description = f" - {profile.description}" if profile.description else ""
    return f"{profile.name}{description} ({'; '.join(parts)})\n    {profile.path}"


def run(args: argparse.Namespace) -> int:
    profiles = [load_profile(args.check)] if args.check else bundled_profiles()
    for profile in profiles:
        print(describe(profile))
    return 0
