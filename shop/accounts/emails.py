"""The shape of an email address as the shop stores it."""


def normalise_email(email: str) -> str:
    """Lower-cased and trimmed: the login is the same whatever case it is typed in."""
    return (email or "").strip().lower()
