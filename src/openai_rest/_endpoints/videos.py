"""Videos: generate, edit, extend, remix, download; reusable characters."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Videos:
    @endpoint(get("/videos"), get("/videos/{video_id}"))
    def videos(self, video_id: Optional[str] = None, /, **options: Any) -> Any:
        """List recently generated videos for the current project; ``videos(video_id)`` retrieves
        one.
        """

    @endpoint(post("/videos", files=("input_reference",)))
    def videos_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a new video generation job from a prompt and optional reference assets."""

    @endpoint(post("/videos/characters", files=("video",), required_files=("video",)))
    def videos_characters_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a character from an uploaded video."""

    @endpoint(get("/videos/characters/{character_id}"))
    def videos_characters(self, character_id: str, /, **options: Any) -> Any:
        """Fetch a character."""

    @endpoint(post("/videos/edits", files=("video",)))
    def videos_edits_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a video generation job that edits a source video or a generated one."""

    @endpoint(post("/videos/extensions", files=("video",)))
    def videos_extensions_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create an extension of a completed video."""

    @endpoint(delete("/videos/{video_id}"))
    def videos_delete(self, video_id: str, /, **options: Any) -> Any:
        """Permanently delete a completed or failed video and its stored assets."""

    @endpoint(get("/videos/{video_id}/content", result="bytes"))
    def videos_content(self, video_id: str, /, **options: Any) -> Any:
        """Download the generated video bytes or a derived preview asset."""

    @endpoint(post("/videos/{video_id}/remix"))
    def videos_remix(self, video_id: str, params: Params = None, /, **options: Any) -> Any:
        """Create a remix of a completed video using a refreshed prompt."""
