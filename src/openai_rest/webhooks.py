"""Verifying OpenAI's webhooks, signed by the Standard Webhooks scheme (pure, standard library).

A delivery carries ``webhook-id``, ``webhook-timestamp`` (Unix seconds) and ``webhook-signature``
(``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``, several space-separated while a secret
rotates). The secret is ``whsec_<base64 key>`` (or ``OPENAI_WEBHOOK_SECRET``)::

    event = openai_rest.webhooks.unwrap(body, request.headers)   # raises on a bad signature
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import time
from typing import Any, Dict, Mapping, Optional, Union

from ._errors import InvalidWebhookSignatureError

__all__ = ["InvalidWebhookSignatureError", "SECRET_ENV", "sign", "unwrap", "verify_signature"]

SECRET_ENV = "OPENAI_WEBHOOK_SECRET"
DEFAULT_TOLERANCE = 300
"""Seconds a timestamp may be off, either way (the Standard Webhooks default)."""

Payload = Union[bytes, bytearray, memoryview, str]


def verify_signature(
    payload: Payload,
    headers: Mapping[str, Any],
    *,
    secret: Optional[str] = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> None:
    """Check that ``payload`` (the raw body, bytes or str) was signed with ``secret``.

    ``headers``: any mapping (a dict, a framework's headers), names matched case-insensitively.
    Raises ``InvalidWebhookSignatureError`` for a missing header, a timestamp more than
    ``tolerance`` seconds away from now (either way), or no matching signature. Signatures are
    compared in constant time.
    """
    key = _key(secret)
    webhook_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    try:
        sent_at = int(stamp)
    except ValueError:
        raise InvalidWebhookSignatureError(
            f"invalid webhook-timestamp header {stamp[:40]!r}: expected Unix seconds"
        ) from None
    now = time.time()
    if sent_at < now - tolerance:
        raise InvalidWebhookSignatureError(
            f"webhook timestamp too old: {int(now - sent_at)} s ago (tolerance {tolerance:g} s)"
        )
    if sent_at > now + tolerance:
        raise InvalidWebhookSignatureError(
            f"webhook timestamp in the future by {int(sent_at - now)} s (tolerance {tolerance:g} s)"
        )
    expected = _signature(key, webhook_id, stamp, _bytes(payload))
    matched = False
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1":  # no early exit: every candidate costs the same
            matched |= hmac.compare_digest(value.encode(), expected.encode())
    if not matched:
        raise InvalidWebhookSignatureError("the webhook signature does not match its payload")


def unwrap(
    payload: Payload,
    headers: Mapping[str, Any],
    *,
    secret: Optional[str] = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Dict[str, Any]:
    """Verify the signature (see ``verify_signature``), then return the event as a dict."""
    verify_signature(payload, headers, secret=secret, tolerance=tolerance)
    try:
        event = json.loads(_bytes(payload))
    except ValueError as error:  # UnicodeDecodeError is a ValueError too
        raise InvalidWebhookSignatureError(f"the webhook payload is not JSON: {error}") from None
    if not isinstance(event, dict):
        raise InvalidWebhookSignatureError("the webhook payload is not a JSON object")
    return event


def sign(
    payload: Payload,
    *,
    secret: Optional[str] = None,
    webhook_id: str,
    timestamp: Optional[int] = None,
) -> Dict[str, str]:
    """The three headers of a delivery of ``payload`` (for tests and for the emulator)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = _signature(_key(secret), webhook_id, stamp, _bytes(payload))
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": stamp,
        "webhook-signature": "v1," + signature,
    }


def _key(secret: Optional[str]) -> bytes:
    if secret is None:
        secret = os.environ.get(SECRET_ENV) or None
    if not secret:
        raise InvalidWebhookSignatureError(
            f"no webhook secret: pass secret='whsec_...' or set {SECRET_ENV}"
        )
    if not isinstance(secret, str):
        raise TypeError(f"secret must be a string, not {type(secret).__name__}")
    if not secret.startswith("whsec_"):
        return secret.encode()  # a raw secret, as the official SDK accepts
    encoded = secret[len("whsec_") :]
    try:
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidWebhookSignatureError(
            "the webhook secret is not valid: expected whsec_ followed by base64"
        ) from None


def _header(headers: Mapping[str, Any], name: str) -> str:
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if str(k).lower() == name), None)
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not value or not isinstance(value, str):
        raise InvalidWebhookSignatureError(f"missing the {name} header")
    return value


def _bytes(payload: Payload) -> bytes:
    if isinstance(payload, str):
        return payload.encode("utf-8")
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload)
    raise TypeError(f"payload must be the raw body, bytes or str, not {type(payload).__name__}")


def _signature(key: bytes, webhook_id: str, stamp: str, payload: bytes) -> str:
    signed = webhook_id.encode() + b"." + stamp.encode() + b"." + payload
    return base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
