"""MkDocs adapter: load and check the policy once, then register the macros pages call.

Everything else lives in modules that know nothing about MkDocs, so moving to another generator
means replacing this package's adapter module.
"""

from __future__ import annotations

from pathlib import Path

from .adapter import append_abbreviations, register


def define_env(env):
    register(env, Path(env.project_dir) / "policy_data")


def on_post_page_macros(env):
    append_abbreviations(env)
