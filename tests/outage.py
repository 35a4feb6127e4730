"""A database outage that a test can start and end, without touching the shared server.

On PostgreSQL the shop's connection goes through a TCP proxy on loopback
(tests/tcp_proxy.py). `begin()` cuts it: every live connection is dropped, as when the
server restarts, and new ones are refused. On SQLite, which has no server to lose,
opening the database fails instead, as it does when the file cannot be read.
"""

from unittest import mock

from django.db import OperationalError, close_old_connections, connection
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.tcp_proxy import TCPProxy


class DatabaseOutage:
    def __init__(self):
        self.proxy = None
        self._patch = None
        self._address = None

    @property
    def realistic(self):
        """Whether the outage is a real lost server (PostgreSQL), not a simulated one."""
        return self.proxy is not None

    def __enter__(self):
        if connection.vendor == "postgresql":
            settings = connection.settings_dict
            self._address = settings["HOST"], settings["PORT"]
            self.proxy = TCPProxy(settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432)
            self.proxy.start()
            settings["HOST"], settings["PORT"] = "127.0.0.1", str(self.proxy.port)
            connection.close()  # the next query connects through the proxy
        return self

    def __exit__(self, *exc_info):
        self.end()
        if self.proxy is not None:
            connection.close()
            connection.settings_dict["HOST"], connection.settings_dict["PORT"] = self._address
            self.proxy.stop()

    def begin(self):
        if self.proxy is not None:
            self.proxy.cut()
        elif self._patch is None:
            error = OperationalError("unable to open database file")
            self._patch = mock.patch.object(
                BaseDatabaseWrapper, "ensure_connection", side_effect=error
            )
            self._patch.start()

    def end(self):
        if self.proxy is not None:
            if not self.proxy.listening:
                self.proxy.restore()
        elif self._patch is not None:
            self._patch.stop()
            self._patch = None
        next_request_starts()

    def restart(self):
        """The server restarts between two requests: dropped connections, back at once."""
        self.begin()
        self.end()


def next_request_starts():
    """What Django does as each request starts: drop a connection that has failed, or
    check a kept one before its first query (CONN_HEALTH_CHECKS). The test client
    skips this, so tests that lose the database call it between requests."""
    close_old_connections()
