"""Hooks for other apps (orders) into account events; shop never imports them."""

from django.dispatch import Signal

# Sent with `user` and `email` once the shopper proved they own the address.
email_verified = Signal()
# Sent with `user` inside the transaction that deletes the account.
account_closing = Signal()
# Sent with `user`; each receiver returns a dict of sections for "Download my data".
collecting_data = Signal()
