"""Usage and costs of the organization, by API, over time buckets."""

from __future__ import annotations

from ..._endpoint import endpoint, get

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Usage:
    @endpoint(get("/organization/costs"))
    def costs(self, /, **options: Any) -> Any:
        """Get costs details for the organization."""

    @endpoint(get("/organization/usage/audio_speeches"))
    def usage_audio_speeches(self, /, **options: Any) -> Any:
        """Get audio speeches usage details for the organization."""

    @endpoint(get("/organization/usage/audio_transcriptions"))
    def usage_audio_transcriptions(self, /, **options: Any) -> Any:
        """Get audio transcriptions usage details for the organization."""

    @endpoint(get("/organization/usage/code_interpreter_sessions"))
    def usage_code_interpreter_sessions(self, /, **options: Any) -> Any:
        """Get code interpreter sessions usage details for the organization."""

    @endpoint(get("/organization/usage/completions"))
    def usage_completions(self, /, **options: Any) -> Any:
        """Get completions usage details for the organization."""

    @endpoint(get("/organization/usage/embeddings"))
    def usage_embeddings(self, /, **options: Any) -> Any:
        """Get embeddings usage details for the organization."""

    @endpoint(get("/organization/usage/file_search_calls"))
    def usage_file_search_calls(self, /, **options: Any) -> Any:
        """Get file search calls usage details for the organization."""

    @endpoint(get("/organization/usage/images"))
    def usage_images(self, /, **options: Any) -> Any:
        """Get images usage details for the organization."""

    @endpoint(get("/organization/usage/moderations"))
    def usage_moderations(self, /, **options: Any) -> Any:
        """Get moderations usage details for the organization."""

    @endpoint(get("/organization/usage/vector_stores"))
    def usage_vector_stores(self, /, **options: Any) -> Any:
        """Get vector stores usage details for the organization."""

    @endpoint(get("/organization/usage/web_search_calls"))
    def usage_web_search_calls(self, /, **options: Any) -> Any:
        """Get web search calls usage details for the organization."""
