"""Uploaded media in an S3-compatible bucket: the settings' STORAGES entry and CSP origin.

Settings import this module, so it stays free of Django's runtime. Nothing here talks to
the bucket: every read and write goes through `default_storage`.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
# An object's bytes never change under its name: every upload gets a name of its own
# (file_overwrite=False), and its renditions are named after it. So browsers and a CDN
# may keep each object for a year without asking again.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def bucket_storage(*, bucket, endpoint_url="", region="", custom_domain="", location=""):
    """The STORAGES entry for media in a bucket that anyone may read (covers are public).

    Credentials come from boto3's usual places: AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY, or the instance's role.
    """
    if endpoint_url:
        # MinIO, R2, moto and most S3-compatible services want path-style addresses.
        addressing_style = "path"
    elif region:
        # AWS itself: name the regional endpoint, so that URLs (and the CSP) are predictable.
        endpoint_url, addressing_style = f"https://s3.{region}.amazonaws.com", "virtual"
    else:
        raise ImproperlyConfigured(
            "MEDIA_REGION (for AWS S3) or MEDIA_ENDPOINT_URL (for another S3-compatible "
            "service) must be set with MEDIA_BUCKET."
        )
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region or None,
            "addressing_style": addressing_style,
            "custom_domain": custom_domain or None,
            "location": location.strip("/"),
            # Plain public URLs: a signed one would expire inside cached pages.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": CACHE_CONTROL},
        },
    }


def media_origin(options):
    """The origin browsers load media from, for the Content-Security-Policy's img-src."""
    if options["custom_domain"]:
        return f"https://{options['custom_domain']}"
    endpoint = urlsplit(options["endpoint_url"])
    host = endpoint.netloc
    if options["addressing_style"] == "virtual":
        host = f"{options['bucket_name']}.{host}"
    return f"{endpoint.scheme}://{host}"
