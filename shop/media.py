"""Uploaded media served by the shop itself (DEBUG, or SERVE_MEDIA on a single host).

Like django.views.static.serve, plus byte ranges: an audio player asks for
"Range: bytes=…" to start playing before the whole clip has arrived and to seek,
and Safari will not play a clip at all from a server that does not answer ranges.

In production nginx (deploy/nginx/plativka.conf) serves /media/ and answers ranges
itself, and an S3-compatible bucket does too: this view is not involved there.
"""

import mimetypes
import posixpath
import re
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe
from django.views.static import was_modified_since

# Audio types the shop accepts, by extension. Python's table says audio/x-wav, and
# says nothing of Opus in an Ogg file on some systems.
AUDIO_TYPES = {
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "wav": "audio/wav",
}
CHUNK = 64 * 1024
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def content_type_of(name):
    extension = name.rpartition(".")[2].lower()
    if extension in AUDIO_TYPES:
        return AUDIO_TYPES[extension], None
    content_type, encoding = mimetypes.guess_type(name)
    return content_type or "application/octet-stream", encoding


def requested_range(header, size):
    """(first, last) byte for a "bytes=a-b", "bytes=a-" or "bytes=-n" header;
    None to send the whole file (no header, or one we do not understand, such as
    several ranges); "unsatisfiable" when the range lies wholly past the end."""
    match = SINGLE_RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    start, end = match.groups()
    if not start:  # the last n bytes
        length = int(end)
        return (max(size - length, 0), size - 1) if length and size else "unsatisfiable"
    first = int(start)
    last = min(int(end), size - 1) if end else size - 1
    if end and int(end) < first:
        return None  # "bytes=9-3" is malformed: RFC 9110 says ignore it
    return (first, last) if first < size else "unsatisfiable"


def serve_media(request, path, document_root):
    fullpath = _file_under(document_root, path)
    stat = fullpath.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponseNotModified()
    size = stat.st_size
    wanted = requested_range(request.META.get("HTTP_RANGE"), size)
    if wanted is not None and not _if_range_holds(request, stat.st_mtime):
        wanted = None  # the file changed since the client's first part: send it all
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
        return response
    first, last = wanted or (0, size - 1)
    response = StreamingHttpResponse(_read(fullpath, first, last), status=206 if wanted else 200)
    content_type, encoding = content_type_of(fullpath.name)
    response.headers["Content-Type"] = content_type
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.headers["Content-Length"] = str(last - first + 1 if size else 0)
    response.headers["Last-Modified"] = http_date(stat.st_mtime)
    response.headers["Accept-Ranges"] = "bytes"
    if wanted:
        response.headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    return response


def _file_under(document_root, path):
    """The regular file at `path` inside the root; 404 for anything else, such as
    "../settings.py", an absolute path, a directory or a missing file."""
    try:
        fullpath = Path(safe_join(document_root, posixpath.normpath(path).lstrip("/")))
    except (SuspiciousFileOperation, ValueError):
        raise Http404 from None
    try:
        found = fullpath.is_file()
    except OSError:  # a name longer than the file system allows, say
        found = False
    if not found:
        raise Http404
    return fullpath


def _if_range_holds(request, mtime):
    """An If-Range with a date asks for the range only if the file is unchanged
    since; an entity tag never matches, as these responses carry none."""
    header = request.META.get("HTTP_IF_RANGE")
    if header is None:
        return True
    since = parse_http_date_safe(header)
    return since is not None and int(mtime) <= since


def _read(fullpath, first, last):
    with fullpath.open("rb") as file:
        file.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = file.read(min(CHUNK, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk
