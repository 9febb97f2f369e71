import resource

import pytest


@pytest.fixture(autouse=True)
def _restore_memory_limit():
    """`mszs parse` caps its process's memory (--max-memory); under CliRunner that process is
    pytest's, so the cap is lifted again after each test."""
    limit = resource.getrlimit(resource.RLIMIT_AS)
    yield
    resource.setrlimit(resource.RLIMIT_AS, limit)
