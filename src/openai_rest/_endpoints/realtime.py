"""The REST calls of the Realtime API: client secrets, sessions, and SIP calls.

The realtime connection itself is a WebSocket (or WebRTC) and is not served here.
"""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Realtime:
    @endpoint(post("/realtime/calls", body="multipart", result="text"))
    def realtime_calls_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a new Realtime API call over WebRTC and receive the SDP answer needed to complete
        the peer connection.
        """

    @endpoint(post("/realtime/calls/{call_id}/accept", result="auto"))
    def realtime_calls_accept(self, call_id: str, params: Params = None, /, **options: Any) -> Any:
        """Accept an incoming SIP call and configure the realtime session that will handle it."""

    @endpoint(post("/realtime/calls/{call_id}/hangup", body="none", result="auto"))
    def realtime_calls_hangup(self, call_id: str, /, **options: Any) -> Any:
        """End an active Realtime API call, whether it was initiated over SIP or WebRTC."""

    @endpoint(post("/realtime/calls/{call_id}/refer", result="auto"))
    def realtime_calls_refer(self, call_id: str, params: Params = None, /, **options: Any) -> Any:
        """Transfer an active SIP call to a new destination using the SIP REFER verb."""

    @endpoint(post("/realtime/calls/{call_id}/reject", result="auto"))
    def realtime_calls_reject(self, call_id: str, params: Params = None, /, **options: Any) -> Any:
        """Decline an incoming SIP call by returning a SIP status code to the caller."""

    @endpoint(post("/realtime/client_secrets"))
    def realtime_client_secrets_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a Realtime client secret with an associated session configuration."""

    @endpoint(post("/realtime/sessions"))
    def realtime_sessions_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create an ephemeral API token for client-side applications of the Realtime API."""

    @endpoint(post("/realtime/transcription_sessions"))
    def realtime_transcription_sessions_create(
        self, params: Params = None, /, **options: Any
    ) -> Any:
        """Create an ephemeral API token for use in client-side applications with the Realtime API
        specifically for realtime transcriptions.
        """

    @endpoint(post("/realtime/translations/client_secrets"))
    def realtime_translations_client_secrets_create(
        self, params: Params = None, /, **options: Any
    ) -> Any:
        """Create a Realtime translation client secret with an associated translation session
        configuration.
        """
