"""Rules about the school's identity on the site: its colour must keep text readable."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at

AA_NORMAL_TEXT = 4.5  # WCAG 2.2 AA, success criterion 1.4.3, for text of normal size


def _luminance(colour: str) -> float:
    """Relative luminance of an #RRGGBB colour, as WCAG defines it."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    return (1.0 + 0.05) / (_luminance(colour) + 0.05)


def colour_contrast(policy: Policy) -> Iterator[Problem]:
    """The header shows white text on the school's colour and pages use it for links on white: both
    pairs have the same contrast ratio, which must reach WCAG AA."""
    colour = policy.profile.school.colour
    if not colour:
        return
    ratio = contrast_with_white(colour)
    if ratio < AA_NORMAL_TEXT:
        yield at(policy.profile, f"colour: white text on {colour}, and {colour} links on white, have a contrast "
                                 f"ratio of {ratio:.2f}:1; WCAG AA needs at least {AA_NORMAL_TEXT}:1, so choose "
                                 "a darker colour", "school", "colour", label="school")
