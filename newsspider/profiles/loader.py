"""Read and check a site profile; every problem names the file and the key."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError

from ..errors import BadInputError
from ..extract.overrides import FIELD_SETTERS

DISCOVERY_SOURCES = ("sitemaps", "feeds", "links")
OVERRIDE_FIELDS = tuple(FIELD_SETTERS)
TOP_LEVEL_KEYS = frozenset(
    {"name", "description", "start_urls", "allowed_domains", "allow", "deny", "discovery", "timezone", "language", "selectors"}
)


def zone_name(name: str) -> str:
    """The IANA time zone `name` as zoneinfo knows it; a ValueError naming it when unknown (a mistyped zone is no UTC)."""
    try:
        return str(ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


class ProfileError(BadInputError):
    """A profile file that cannot be used."""


@dataclass(frozen=True)
class Profile:
    """What newsspider knows about one site; URLs in `start_urls` may be relative to the crawl target."""

    name: str
    path: Path | None = None
    description: str = ""
    start_urls: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    discovery: tuple[str, ...] = DISCOVERY_SOURCES
    timezone: str | None = None
    language: str | None = None
    # Field name -> XPath (CSS selectors are translated when the profile is read).
    selectors: dict[str, str] = field(default_factory=dict)


def bundled_profiles() -> list[Profile]:
    """The profiles shipped inside the package, by name."""
    folder = files("newsspider.profiles")
    paths = sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return [load_profile(path) for path in paths]


def load_profile(name_or_path: str | Path) -> Profile:
    """A profile from a TOML file, or a bundled profile by name (`demo`)."""
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = Path(str(files("newsspider.profiles").joinpath(f"{name_or_path}.toml")))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{name_or_path}: no such profile file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: not valid TOML: {error}") from None
    return ProfileReader(path, data).profile()


class ProfileReader:
    """Checks one parsed TOML document key by key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> ProfileError:
        return ProfileError(f"{self.path}: {key}: {problem}")

    def profile(self) -> Profile:
        unknown = sorted(set(self.data) - TOP_LEVEL_KEYS)
        if unknown:
            raise self.fail(unknown[0], "unknown key")
        discovery = self.strings("discovery", default=DISCOVERY_SOURCES)
        if bad := [source for source in discovery if source not in DISCOVERY_SOURCES]:
            raise self.fail("discovery", f"unknown source {bad[0]!r} (use {', '.join(DISCOVERY_SOURCES)})")
        return Profile(
            name=self.string("name") or self.path.stem,
            path=self.path,
            description=self.string("description") or "",
            start_urls=self.strings("start_urls"),
            allowed_domains=self.strings("allowed_domains"),
            allow=self.patterns("allow"),
            deny=self.patterns("deny"),
            discovery=discovery,
            timezone=self.timezone(),
            language=self.string("language"),
            selectors=self.selectors(),
        )

    def string(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def strings(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self.data.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(value)

    def patterns(self, key: str) -> tuple[str, ...]:
        patterns = self.strings(key)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise self.fail(key, f"bad regular expression {pattern!r}: {error}") from None
        return patterns

    def timezone(self) -> str | None:
        name = self.string("timezone")
        try:
            return name and zone_name(name)
        except ValueError as error:
            raise self.fail("timezone", str(error)) from None

    def selectors(self) -> dict[str, str]:
        table = self.data.get("selectors", {})
        if not isinstance(table, dict):
            raise self.fail("selectors", "must be a table")
        return {name: self.selector_xpath(name, spec) for name, spec in table.items()}

    def selector_xpath(self, name: str, spec: Any) -> str:
        """`{ css = "..." }` or `{ xpath = "..." }` as one XPath expression."""
        key = f"selectors.{name}"
        if name not in OVERRIDE_FIELDS:
            raise self.fail(key, f"unknown field (use {', '.join(OVERRIDE_FIELDS)})")
        if not isinstance(spec, dict) or len(spec) != 1 or not {"css", "xpath"} >= set(spec):
            raise self.fail(key, 'must be { css = "..." } or { xpath = "..." }')
        (kind, expression), = spec.items()
        if not isinstance(expression, str) or not expression.strip():
            raise self.fail(f"{key}.{kind}", "must be a non-empty string")
        try:
            return CSSSelector(expression).path if kind == "css" else str(etree.XPath(expression).path)
        except (SelectorError, etree.XPathSyntaxError) as error:
            raise self.fail(f"{key}.{kind}", f"bad selector {expression!r}: {error}") from None
