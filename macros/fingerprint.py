"""Short fingerprints of text, used to spot stale summaries and to stamp a policy version."""

from __future__ import annotations

import hashlib
import json


def fingerprint(text: str) -> str:
    """Eight hex characters that change whenever the (whitespace-normalised) text changes."""
    normalised = " ".join(str(text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:8]


def content_fingerprint(data: object) -> str:
    """A fingerprint of any JSON-like data, independent of key order."""
    return fingerprint(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str))
