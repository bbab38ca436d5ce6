"""Site profiles: one TOML file per site with discovery hints, URL rules and field selectors."""

from .loader import DISCOVERY_SOURCES, OVERRIDE_FIELDS, Profile, ProfileError, bundled_profiles, load_profile, zone_name

__all__ = ["DISCOVERY_SOURCES", "OVERRIDE_FIELDS", "Profile", "ProfileError", "bundled_profiles", "load_profile", "zone_name"]
