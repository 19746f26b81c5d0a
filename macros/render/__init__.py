"""Renderers: pure functions from the Policy to Markdown for one page or page part each."""
