"""The tracklist inline of a release, where staff also upload each track's audio clip."""

from django import forms
from django.contrib import admin

from ..clips import clip_duration
from ..models import Track


class TrackForm(forms.ModelForm):
    class Meta:
        model = Track
        fields = ["side", "position", "title", "duration", "clip"]
        widgets = {"clip": forms.ClearableFileInput(attrs={"accept": ".mp3,.ogg,.oga,.opus,.wav"})}

    def clean(self):
        cleaned = super().clean()
        if "clip" in self.changed_data:
            # Measured here, from the upload, so that nothing reads the stored file again.
            self.instance.clip_duration = clip_duration(cleaned.get("clip") or None)
        return cleaned


class TrackInline(admin.TabularInline):
    model = Track
    form = TrackForm
    extra = 0
    fields = ["side", "position", "title", "duration", "clip"]
