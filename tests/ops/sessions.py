"""Restore refuses while other sessions are connected, as an operator's would."""

from django.db import connection


def end_other_sessions():
    """End the database's other client sessions (the live server's thread, workers), as
    the operator stops the web and worker processes before a restore."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend'"
            )
