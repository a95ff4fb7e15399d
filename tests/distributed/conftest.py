"""The distributed profile's tests run only with ``PUBDATA_DISTRIBUTED=1`` (``make test-distributed``)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "distributed: needs the loopback cluster (make test-distributed)")
