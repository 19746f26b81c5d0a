"""The policy engine. `define_env` is the hook mkdocs-macros calls; MkDocs is imported only then, by
the adapter, so the check command and every other engine module run without it."""

from __future__ import annotations

from pathlib import Path


def define_env(env):
    from .adapter import register
    register(env, Path(env.project_dir) / "policy_data")


def on_post_page_macros(env):
    from .adapter import append_abbreviations
    append_abbreviations(env)
