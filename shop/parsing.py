"""Reading untrusted values: anything that fails to parse is simply not accepted."""

import uuid


def is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
