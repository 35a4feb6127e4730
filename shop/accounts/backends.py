from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .emails import normalise_email


class EmailBackend(ModelBackend):
    """Signs shoppers in by their email, whatever its case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user = get_user_model().objects.filter(email=normalise_email(username)).first()
        if user is None:
            # Hash anyway, so that an unknown email takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
