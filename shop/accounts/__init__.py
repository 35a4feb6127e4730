"""Customer accounts on Django's auth: the email is the login, verified by a link."""
