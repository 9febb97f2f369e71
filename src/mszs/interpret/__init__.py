"""Blocks → notice metadata, projects and tasks."""
from __future__ import annotations

from mszs.interpret.notice import interpret

__all__ = ["interpret"]
