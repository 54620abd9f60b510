"""Custom voices and the consent recordings they need."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Voices:
    @endpoint(get("/audio/voice_consents"), get("/audio/voice_consents/{consent_id}"))
    def audio_voice_consents(self, consent_id: Optional[str] = None, /, **options: Any) -> Any:
        """Returns a list of voice consent recordings; ``audio_voice_consents(consent_id)``
        retrieves one.
        """

    @endpoint(post("/audio/voice_consents", files=("recording",), required_files=("recording",)))
    def audio_voice_consents_create(self, params: Params = None, /, **options: Any) -> Any:
        """Upload a voice consent recording."""

    @endpoint(post("/audio/voice_consents/{consent_id}"))
    def audio_voice_consents_update(
        self, consent_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates a voice consent recording (metadata only)."""

    @endpoint(delete("/audio/voice_consents/{consent_id}"))
    def audio_voice_consents_delete(self, consent_id: str, /, **options: Any) -> Any:
        """Deletes a voice consent recording."""

    @endpoint(post("/audio/voices", files=("audio_sample",), required_files=("audio_sample",)))
    def audio_voices_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates a custom voice."""
