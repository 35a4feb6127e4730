"""Form fields shared by the shop's public forms."""

from django import forms

from .parsing import clean_text


class PlainTextField(forms.CharField):
    """Text as a shopper types it, less control characters; line breaks only if multiline.

    Length is still validated on what remains, so overlong input is a clear form
    error rather than silently cut.
    """

    def __init__(self, *args, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value), multiline=self.multiline)
