"""Skills and their versions: bundles of files for the agents' shell tool."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Skills:
    @endpoint(get("/skills"), get("/skills/{skill_id}"))
    def skills(self, skill_id: Optional[str] = None, /, **options: Any) -> Any:
        """List all skills for the current project; ``skills(skill_id)`` retrieves one."""

    @endpoint(post("/skills", files=("files",)))
    def skills_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a new skill."""

    @endpoint(post("/skills/{skill_id}"))
    def skills_update(self, skill_id: str, params: Params = None, /, **options: Any) -> Any:
        """Update the default version pointer for a skill."""

    @endpoint(delete("/skills/{skill_id}"))
    def skills_delete(self, skill_id: str, /, **options: Any) -> Any:
        """Delete a skill by its ID."""

    @endpoint(get("/skills/{skill_id}/content", result="bytes"))
    def skills_content(self, skill_id: str, /, **options: Any) -> Any:
        """Download a skill zip bundle by its ID."""

    @endpoint(get("/skills/{skill_id}/versions"))
    def skill_versions(self, skill_id: str, /, **options: Any) -> Any:
        """List skill versions for a skill."""

    @endpoint(post("/skills/{skill_id}/versions", files=("files",)))
    def skill_version_create(self, skill_id: str, params: Params = None, /, **options: Any) -> Any:
        """Create a new immutable skill version."""

    @endpoint(get("/skills/{skill_id}/versions/{version}"))
    def skill_version(self, skill_id: str, version: str, /, **options: Any) -> Any:
        """Get a specific skill version."""

    @endpoint(delete("/skills/{skill_id}/versions/{version}"))
    def skill_version_delete(self, skill_id: str, version: str, /, **options: Any) -> Any:
        """Delete a skill version."""

    @endpoint(get("/skills/{skill_id}/versions/{version}/content", result="bytes"))
    def skill_version_content(self, skill_id: str, version: str, /, **options: Any) -> Any:
        """Download a skill version zip bundle."""
