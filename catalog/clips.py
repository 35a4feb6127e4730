"""Short audio clips of tracks: which files are accepted, where they are stored, and how
long they play.

A clip is accepted only if its name and its first bytes agree on one of the formats
every current browser plays: MP3, Ogg (Vorbis or Opus) or WAV.
"""

import datetime
import secrets
import wave

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from shop.media import AUDIO_TYPES

# Extension -> the kind of file its leading bytes must show.
KIND_OF_EXTENSION = {"mp3": "mp3", "ogg": "ogg", "oga": "ogg", "opus": "ogg", "wav": "wav"}
KIND_NAMES = {"mp3": "MP3", "ogg": "Ogg", "wav": "WAV"}


def clip_upload_to(track, filename):
    """clips/<release>-<track>-<random>.<ext>, e.g. clips/kind-of-blue-a1-so-what-3f9a0c1e.mp3."""
    extension = filename.rpartition(".")[2].lower()
    release = track.release.slug if track.release_id else ""
    readable = slugify(f"{release} {track.code} {track.title}")[:80].strip("-") or "clip"
    return f"clips/{readable}-{secrets.token_hex(4)}.{extension}"


def validate_clip(clip):
    """A new upload must be a non-empty MP3, Ogg or WAV file within CLIP_MAX_BYTES.

    Files already stored were checked when they were uploaded, and are not read again.
    """
    if getattr(clip, "_committed", True):
        return
    extension = clip.name.rpartition(".")[2].lower()
    if extension not in KIND_OF_EXTENSION:
        raise ValidationError(
            _("A clip must be an MP3, Ogg or WAV file (.mp3, .ogg, .oga, .opus or .wav)."),
            code="clip_extension",
        )
    if not clip.size:
        raise ValidationError(_("The clip file is empty."), code="clip_empty")
    if clip.size > settings.CLIP_MAX_BYTES:
        raise ValidationError(
            _("The clip is %(size)s; a clip may be at most %(limit)s."),
            code="clip_too_large",
            params={
                "size": filesizeformat(clip.size),
                "limit": filesizeformat(settings.CLIP_MAX_BYTES),
            },
        )
    if sniff_kind(_leading_bytes(clip)) != KIND_OF_EXTENSION[extension]:
        raise ValidationError(
            _("This file is not %(kind)s audio, whatever its name says."),
            code="clip_content",
            params={"kind": KIND_NAMES[KIND_OF_EXTENSION[extension]]},
        )


def sniff_kind(head: bytes):
    """The kind of audio ("mp3", "ogg" or "wav") a file's first twelve bytes show, else None."""
    if head.startswith(b"ID3"):
        return "mp3"  # an ID3v2 tag comes before the first MPEG frame
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "mp3"  # an MPEG audio frame's eleven sync bits
    if head.startswith(b"OggS"):
        return "ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    return None


def clip_duration(clip):
    """How long a WAV clip plays; None for other formats, which would need decoding."""
    if not clip or clip.name.rpartition(".")[2].lower() != "wav":
        return None
    try:
        clip.seek(0)
        with wave.open(clip, "rb") as audio:
            seconds = audio.getnframes() / audio.getframerate()
    except (wave.Error, EOFError, ZeroDivisionError, OSError, ValueError):
        return None
    finally:
        clip.seek(0)
    return datetime.timedelta(seconds=round(seconds, 1))


def clip_type(name):
    """The MIME type a clip is served with, for the player and the JSON-LD."""
    return AUDIO_TYPES.get(name.rpartition(".")[2].lower(), "application/octet-stream")


def _leading_bytes(clip):
    clip.seek(0)
    head = clip.read(12)
    clip.seek(0)
    return head
